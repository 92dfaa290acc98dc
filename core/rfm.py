"""RFM scores (Récence, Fréquence, Montant), the R x F grid, named segments and migration.

Method (DOMAIN.md section 3):

- recency R = days since the customer's last purchase at the reference date ``as_of``;
- frequency F = number of distinct orders in a window (default the 12 months up to
  ``as_of``);
- monetary M = total net amount in the same window (or the average per order).

Each criterion is scored 1..``bins`` (5 = best: most recent, most frequent, largest),
either by quantiles (quintiles by default, terciles with ``bins=3``) or by user
thresholds as in textbook exercises (grilles de points). The code "545" concatenates
R, F and M; the total is R + F + M. The R x F grid maps every cell to one named segment
of an editable segment map (``DEFAULT_SEGMENTS``).

Conventions shared with :mod:`core.features`: only lines dated on or before ``as_of``
count; a purchase (order) is an invoice whose net amount is positive; lines with a
negative amount are credit notes (avoirs): they reduce the monetary value but are not
orders; without ``invoice_id``, one order is one customer on one day.

Example
-------
>>> import pandas as pd
>>> tx = pd.DataFrame({
...     "customer_id": ["A", "A", "B", "C", "C", "C"],
...     "date": pd.to_datetime(["2024-05-01", "2024-06-20", "2024-01-15",
...                             "2024-03-01", "2024-04-01", "2024-06-01"]),
...     "amount": [100.0, 50.0, 900.0, 20.0, 20.0, 20.0]})
>>> table = rfm_table(tx, as_of="2024-06-30")
>>> s = rfm_scores(table, bins=3)
>>> s[["customer_id", "R", "F", "M", "rfm_code", "segment"]]
  customer_id  R  F  M rfm_code             segment
0           A  3  2  2      322  potential_loyalist
1           B  1  1  3      113                lost
2           C  2  3  1      231               loyal
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from core.features import check_transactions, register_lines, to_timestamp

CRITERIA = ("R", "F", "M")
SCORE_COLUMNS = ("recency_days", "frequency", "monetary")
MONETARY_KINDS = ("sum", "mean")
MIN_BINS, MAX_BINS = 2, 9
SEGMENT_SCALE = 5  # segment maps are written on a 1..5 scale of R and F

# --------------------------------------------------------------------------------------
# Segment map: data, not code. The key is the stable identifier stored in the
# ``segment`` column; ``cells`` is a regular expression matched against the two-digit
# "RF" code on the 1..5 scale (R first). Every one of the 25 cells must match exactly
# one segment (``check_segments``). Dict order = display order, best relationship first.
# ``valuable`` marks the segments whose loss the migration view lists first.
# --------------------------------------------------------------------------------------
DEFAULT_SEGMENTS: dict[str, dict] = {
    "champions": {
        "cells": "5[4-5]",
        "valuable": True,
        "fr": "Champions",
        "en": "Champions",
        "action_fr": "Fidéliser avec une offre personnalisée, associer aux nouveautés, "
                     "demander des recommandations",
        "action_en": "Retain with a personalised offer, involve in new products, "
                     "ask for referrals",
    },
    "loyal": {
        "cells": "[3-4][4-5]",
        "valuable": True,
        "fr": "Fidèles",
        "en": "Loyal",
        "action_fr": "Entretenir la relation, proposer des montées en gamme (up-sell)",
        "action_en": "Nurture the relationship, offer up-sell",
    },
    "potential_loyalist": {
        "cells": "[4-5][2-3]",
        "valuable": True,
        "fr": "Fidèles potentiels",
        "en": "Potential loyalists",
        "action_fr": "Développer : ventes croisées, programme de fidélité",
        "action_en": "Develop: cross-sell, loyalty programme",
    },
    "new": {
        "cells": "51",
        "valuable": False,
        "fr": "Nouveaux",
        "en": "New customers",
        "action_fr": "Accueillir : appel de bienvenue, accompagner la deuxième commande",
        "action_en": "Onboard: welcome call, support the second order",
    },
    "promising": {
        "cells": "41",
        "valuable": False,
        "fr": "Prometteurs",
        "en": "Promising",
        "action_fr": "Faire connaître la gamme, offre d'essai sur une autre famille",
        "action_en": "Show the range, trial offer on another product family",
    },
    "need_attention": {
        "cells": "33",
        "valuable": False,
        "fr": "À surveiller",
        "en": "Need attention",
        "action_fr": "Relancer avec une offre limitée dans le temps, recueillir leurs besoins",
        "action_en": "Follow up with a time-limited offer, ask about their needs",
    },
    "about_to_sleep": {
        "cells": "3[1-2]",
        "valuable": False,
        "fr": "En sommeil proche",
        "en": "About to sleep",
        "action_fr": "Réactiver : relance téléphonique ou e-mail ciblé",
        "action_en": "Reactivate: phone follow-up or targeted e-mail",
    },
    "at_risk": {
        "cells": "[1-2][3-4]",
        "valuable": False,
        "fr": "À risque",
        "en": "At risk",
        "action_fr": "Reconquérir : visite, comprendre l'insatisfaction, offre de retour",
        "action_en": "Win back: visit, find out what went wrong, come-back offer",
    },
    "cant_lose": {
        "cells": "[1-2]5",
        "valuable": False,
        "fr": "À ne pas perdre",
        "en": "Can't lose them",
        "action_fr": "Reconquête prioritaire : visite du responsable, offre sur mesure",
        "action_en": "Priority win-back: manager's visit, tailored offer",
    },
    "hibernating": {
        "cells": "2[1-2]",
        "valuable": False,
        "fr": "Hibernants",
        "en": "Hibernating",
        "action_fr": "Réduire l'effort : canaux à distance, offres saisonnières",
        "action_en": "Reduce effort: remote channels, seasonal offers",
    },
    "lost": {
        "cells": "1[1-2]",
        "valuable": False,
        "fr": "Perdus",
        "en": "Lost",
        "action_fr": "Effort minimal : campagne de réactivation peu coûteuse ou abandon",
        "action_en": "Minimal effort: low-cost reactivation campaign or let go",
    },
}


@dataclass
class RFMNote:
    """A remark on the scoring, structured so pages can translate it.

    ``code`` is "few_values" (fewer distinct values than scores: some scores unused),
    "uneven" (ties make one score hold far more customers than 1/bins) or
    "no_purchase" (rows without any purchase were left out). ``criterion`` is "R", "F",
    "M" or "" ; ``details`` holds the figures; ``message`` is an English sentence.
    """

    code: str
    criterion: str
    message: str
    details: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------
# RFM table from the sales lines
# --------------------------------------------------------------------------------------
def rfm_table(transactions: pd.DataFrame, as_of, window_months: int | None = 12,
              monetary: str = "sum") -> pd.DataFrame:
    """Recency, frequency and monetary value per customer at ``as_of`` (DuckDB SQL).

    recency_days = as_of - date of the last purchase (days, whole history up to as_of);
    frequency = number of distinct orders with a positive net amount in the window
    ``(as_of - window_months, as_of]``; monetary = sum of net amounts in the window
    (credit notes deducted), or with ``monetary="mean"`` that sum / frequency (0 when
    there is no order in the window).

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines: customer_id, date, amount; optional invoice_id.
    as_of : date-like
        Reference date; later lines are ignored.
    window_months : int or None, default 12
        Length of the window for F and M; None = the whole history.
    monetary : {"sum", "mean"}, default "sum"
        Total amount or average amount per order.

    Returns
    -------
    DataFrame
        One row per customer with at least one purchase up to as_of, sorted by
        customer_id: customer_id, first_purchase, last_purchase, recency_days (int),
        frequency (int), monetary (float), orders_total (int, whole history).

    Raises
    ------
    ValueError
        Missing columns, invalid date, window or monetary kind.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_id": ["F1", "F2", "F3", "AV1"],
    ...     "customer_id": ["A", "A", "A", "A"],
    ...     "date": pd.to_datetime(["2023-01-05", "2024-03-01", "2024-06-01", "2024-06-10"]),
    ...     "amount": [500.0, 100.0, 300.0, -50.0]})
    >>> rfm_table(tx, "2024-06-30")[["recency_days", "frequency", "monetary", "orders_total"]]
       recency_days  frequency  monetary  orders_total
    0            29          2     350.0             3
    >>> float(rfm_table(tx, "2024-06-30", monetary="mean")["monetary"].iloc[0])
    175.0
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    if monetary not in MONETARY_KINDS:
        raise ValueError(f"monetary must be 'sum' or 'mean', not '{monetary}'")
    if window_months is not None:
        if int(window_months) != window_months or window_months < 1:
            raise ValueError("the frequency window must be a whole number of months, at least 1")
        start = (as_of - pd.DateOffset(months=int(window_months))).date()
    else:
        start = pd.Timestamp("1678-01-01").date()
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        register_lines(con, transactions, as_of)
        frame = con.execute(
            """
            WITH o AS (
                SELECT customer_id, order_key, min(date) AS date,
                       sum(coalesce(amount, 0.0)) AS amount
                FROM tx GROUP BY customer_id, order_key
            )
            SELECT customer_id,
                   min(date) FILTER (WHERE amount > 0) AS first_purchase,
                   max(date) FILTER (WHERE amount > 0) AS last_purchase,
                   count(*) FILTER (WHERE amount > 0 AND date > ?::DATE) AS frequency,
                   coalesce(sum(amount) FILTER (WHERE date > ?::DATE), 0.0) AS total,
                   count(*) FILTER (WHERE amount > 0) AS orders_total
            FROM o GROUP BY customer_id
            HAVING count(*) FILTER (WHERE amount > 0) > 0
            ORDER BY customer_id
            """,
            [start, start],
        ).df()
    finally:
        con.close()
    for c in ("first_purchase", "last_purchase"):
        frame[c] = pd.to_datetime(frame[c]).astype("datetime64[ns]")
    frame["recency_days"] = (as_of - frame["last_purchase"]).dt.days.astype("int64")
    frame["frequency"] = frame["frequency"].astype("int64")
    frame["orders_total"] = frame["orders_total"].astype("int64")
    total = frame["total"].astype("float64")
    if monetary == "sum":
        frame["monetary"] = total
    else:
        freq = frame["frequency"].to_numpy()
        frame["monetary"] = np.where(freq > 0, total / np.maximum(freq, 1), 0.0)
    frame["customer_id"] = frame["customer_id"].astype("str")
    return frame[["customer_id", "first_purchase", "last_purchase", "recency_days",
                  "frequency", "monetary", "orders_total"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------
def quantile_scores(values, bins: int = 5) -> tuple[np.ndarray, int]:
    """Scores 1..bins by rank (higher value = higher score), ties never split.

    The sorted distinct values are cut into ``bins`` consecutive groups whose sizes are
    as close as possible to n / bins: cut j is placed at the boundary between distinct
    values whose cumulative head-count is nearest to j * n / bins, then moved just
    enough that every group is non-empty. Every score is used as soon as there are at
    least ``bins`` distinct values. With fewer distinct values d, each value gets the
    score of its mid-rank, ceil(bins * (customers below + half its own) / n), kept
    distinct and ordered, and only d scores are used.

    Parameters
    ----------
    values : array-like of float
        No missing values.
    bins : int
        Number of scores.

    Returns
    -------
    scores : ndarray of int64
    n_distinct : int
        Number of distinct values (fewer than ``bins`` means unused scores).

    Examples
    --------
    >>> quantile_scores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 5)[0].tolist()
    [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    >>> quantile_scores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5], 5)[0].tolist()
    [1, 1, 1, 1, 1, 1, 2, 3, 4, 5]
    >>> quantile_scores([1, 1, 1, 2], 5)
    (array([2, 2, 2, 5]), 2)
    """
    v = np.asarray(values, dtype="float64")
    n = v.size
    if n == 0:
        return np.zeros(0, dtype="int64"), 0
    uniq, inverse, counts = np.unique(v, return_inverse=True, return_counts=True)
    d = uniq.size
    cum = np.cumsum(counts)
    if d >= bins:
        j = np.arange(1, bins)
        targets = n * j / bins
        k = np.searchsorted(cum, targets, side="left")  # first cum >= target
        upper = k + 1  # lower groups hold the distinct values 0..k
        below = np.where(k > 0, cum[np.maximum(k - 1, 0)], 0)
        take_upper = (cum[np.minimum(k, d - 1)] - targets) <= (targets - below)
        b = np.where(take_upper, upper, k)  # number of distinct values below cut j
        b = np.clip(b, j, d - bins + j)
        b = np.maximum.accumulate(b - j) + j  # strictly increasing, still within bounds
        group_of_value = np.searchsorted(b, np.arange(d), side="right") + 1
    else:
        before = cum - counts
        mid = (before + counts / 2.0) / n
        s = np.ceil(bins * mid).astype("int64")
        g = np.arange(1, d + 1)
        s = np.clip(s, g, bins - d + g)
        s = np.maximum.accumulate(s - g) + g
        group_of_value = s
    return group_of_value[inverse].astype("int64"), int(d)


def threshold_scores(values, cuts: Sequence[float], lower_is_better: bool = False
                     ) -> np.ndarray:
    """Scores 1..len(cuts)+1 from user cut points, as in textbook point grids.

    Higher-is-better criteria (F, M): score = 1 + number of cuts <= value, so a value
    equal to a cut goes to the better class. Lower-is-better (R in days):
    score = len(cuts) + 1 - number of cuts < value, so "30 days or less" is the best class
    when the first cut is 30.

    Examples
    --------
    >>> threshold_scores([0, 30, 31, 90, 400], [30, 90, 180, 365], lower_is_better=True)
    array([5, 5, 4, 4, 1])
    >>> threshold_scores([1, 2, 5, 12], [2, 5, 10]).tolist()
    [1, 2, 3, 4]
    """
    c = np.asarray(list(cuts), dtype="float64")
    v = np.asarray(values, dtype="float64")
    if lower_is_better:
        return (c.size + 1 - np.searchsorted(c, v, side="left")).astype("int64")
    return (1 + np.searchsorted(c, v, side="right")).astype("int64")


def _check_bins(bins) -> int:
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)):
        raise ValueError(f"the number of scores must be a whole number, not {bins!r}")
    if not MIN_BINS <= bins <= MAX_BINS:
        raise ValueError(f"the number of scores must be between {MIN_BINS} and {MAX_BINS} "
                         f"(5 = quintiles, 3 = terciles), not {bins}")
    return int(bins)


def _check_cuts(name: str, cuts, bins: int) -> list[float]:
    try:
        c = [float(x) for x in cuts]
    except (TypeError, ValueError):
        raise ValueError(f"the thresholds of {name} must be numbers") from None
    if len(c) != bins - 1:
        raise ValueError(f"{name} needs {bins - 1} thresholds for {bins} scores, "
                         f"got {len(c)}")
    if any(np.isnan(c)) or any(b <= a for a, b in zip(c, c[1:])):
        raise ValueError(f"the thresholds of {name} must be increasing numbers, got {c}")
    return c


def rfm_scores(features: pd.DataFrame, bins: int = 5, *, method: str = "quantile",
               thresholds: Mapping[str, Sequence[float]] | None = None,
               points: Mapping[str, Sequence[float]] | None = None,
               segments: Mapping[str, dict] | None = None) -> pd.DataFrame:
    """Score recency, frequency and monetary value 1..bins and name each customer's segment.

    R, F, M: 1..bins, higher is better (R: more recent, F: more orders, M: larger
    amount). ``rfm_code`` = the digits R, F, M ("545"); ``rfm_total`` = R + F + M;
    ``segment`` = the key of the segment whose ``cells`` match the R x F cell (see
    ``DEFAULT_SEGMENTS``; scores are mapped onto the 1..5 scale of the map by
    s5 = 1 + round(4 (s - 1) / (bins - 1)) when bins != 5).

    ``method="quantile"``: rank-based quantiles (quintiles for bins=5, terciles for 3),
    ties never split, see :func:`quantile_scores`. ``method="thresholds"``: user cut
    points per criterion, see :func:`threshold_scores`. ``points`` (optional, per
    criterion, bins values for scores 1..bins) adds ``rfm_points`` = the sum of the
    points of the three scores, the total of a textbook point grid.

    Parameters
    ----------
    features : DataFrame
        One row per customer with customer_id (column or index), recency_days,
        frequency, monetary, e.g. :func:`rfm_table` or
        ``core.features.customer_features``. Rows with a missing recency (no purchase
        yet) are left out and counted in the notes; missing F or M count as 0.
    bins : int, default 5
        Number of scores, 2..9.
    method : {"quantile", "thresholds"}
    thresholds : dict, optional
        ``{"R": [days...], "F": [orders...], "M": [euros...]}``, bins - 1 increasing
        cut points each; required with ``method="thresholds"``. R cuts are in days
        since the last purchase ("30 days or less" scores best with a first cut of 30).
    points : dict, optional
        ``{"R": [p1..p_bins], "F": [...], "M": [...]}`` points for scores 1..bins.
    segments : dict, optional
        Segment map (default ``DEFAULT_SEGMENTS``), checked by :func:`check_segments`.

    Returns
    -------
    DataFrame
        The kept rows of ``features`` (same index) with customer_id, recency_days,
        frequency, monetary, R, F, M (int64), rfm_code and segment (categoricals; segment
        categories in map order), rfm_total, and rfm_points when ``points`` is given.
        ``result.attrs["notes"]`` is a list of :class:`RFMNote` (unused scores,
        uneven groups caused by ties, rows left out), empty when nothing is worth saying.

    Raises
    ------
    ValueError
        Missing columns, bad bins, thresholds, points or segment map.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"customer_id": ["A", "B", "C", "D", "E"],
    ...                   "recency_days": [5, 40, 100, 200, 400],
    ...                   "frequency": [12, 6, 3, 2, 1],
    ...                   "monetary": [900.0, 400.0, 300.0, 80.0, 50.0]})
    >>> s = rfm_scores(f)
    >>> s["rfm_code"].tolist(), s["rfm_total"].tolist(), s["segment"].tolist()
    (['555', '444', '333', '222', '111'], [15, 12, 9, 6, 3], ['champions', 'loyal', \
'need_attention', 'hibernating', 'lost'])
    >>> g = rfm_scores(f, method="thresholds", thresholds={
    ...     "R": [30, 90, 180, 365], "F": [2, 4, 8, 12], "M": [100, 250, 500, 1000]})
    >>> g["rfm_code"].tolist()
    ['554', '433', '323', '221', '111']
    """
    bins = _check_bins(bins)
    segs = check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    if method not in ("quantile", "thresholds"):
        raise ValueError(f"method must be 'quantile' or 'thresholds', not '{method}'")
    frame = _score_input(features)
    notes: list[RFMNote] = []
    has_purchase = frame["recency_days"].notna().to_numpy()
    if not has_purchase.all():
        n_out = int((~has_purchase).sum())
        notes.append(RFMNote(
            "no_purchase", "",
            f"{n_out} row(s) without any purchase (prospects) were left out of the RFM "
            "scores", {"rows": n_out}))
        frame = frame.loc[has_purchase]
    values = {
        "R": frame["recency_days"].to_numpy(dtype="float64", na_value=np.nan),
        "F": frame["frequency"].fillna(0).to_numpy(dtype="float64", na_value=np.nan),
        "M": frame["monetary"].fillna(0).to_numpy(dtype="float64", na_value=np.nan),
    }
    scores: dict[str, np.ndarray] = {}
    if method == "thresholds":
        if not thresholds:
            raise ValueError("method 'thresholds' needs thresholds for R, F and M")
        missing = [c for c in CRITERIA if c not in thresholds]
        if missing:
            raise ValueError("thresholds are missing for " + ", ".join(missing))
        for crit in CRITERIA:
            cuts = _check_cuts(crit, thresholds[crit], bins)
            scores[crit] = threshold_scores(values[crit], cuts, lower_is_better=crit == "R")
    else:
        n = len(frame)
        for crit in CRITERIA:
            v = -values["R"] if crit == "R" else values[crit]
            sc, d = quantile_scores(v, bins)
            scores[crit] = sc
            if n and d < bins:
                used = sorted(set(np.unique(sc).tolist()))
                notes.append(RFMNote(
                    "few_values", crit,
                    f"{crit}: {d} distinct value(s) for {bins} scores, so only "
                    f"{len(used)} score(s) are used ({', '.join(map(str, used))})",
                    {"n_distinct": d, "bins": bins, "scores_used": used}))
            elif n >= 2 * bins:
                counts = np.bincount(sc, minlength=bins + 1)[1:]
                top = int(counts.argmax())
                if counts[top] > 2 * n / bins:
                    notes.append(RFMNote(
                        "uneven", crit,
                        f"{crit}: ties put {counts[top]} customers "
                        f"({counts[top] / n:.0%}) in score {top + 1}",
                        {"score": top + 1, "customers": int(counts[top]),
                         "share": float(counts[top] / n)}))
    out = frame.copy()
    for crit in CRITERIA:
        out[crit] = scores[crit]
    out["rfm_code"] = _codes(scores["R"], scores["F"], scores["M"], bins)
    out["rfm_total"] = scores["R"] + scores["F"] + scores["M"]
    if points is not None:
        out["rfm_points"] = _points(points, scores, bins)
    out["segment"] = segment_of(scores["R"], scores["F"], bins, segs)
    out.attrs["notes"] = notes
    out.attrs["bins"] = bins
    return out


def _score_input(features: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(features, pd.DataFrame):
        raise ValueError("the RFM scores need a table with one row per customer")
    missing = [c for c in SCORE_COLUMNS if c not in features.columns]
    if missing:
        raise ValueError("the customer table lacks the column(s) " + ", ".join(
            f"'{c}'" for c in missing) + "; build it with rfm_table or customer_features")
    if "customer_id" in features.columns:
        frame = features[["customer_id", *SCORE_COLUMNS]].copy()
    else:
        frame = features[list(SCORE_COLUMNS)].copy()
        frame.insert(0, "customer_id", features.index.astype("str"))
    for c in SCORE_COLUMNS:
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]):
            continue
        col = pd.to_numeric(frame[c], errors="coerce")
        bad = col.isna() & frame[c].notna()
        if bad.any():
            raise ValueError(f"column '{c}' has {int(bad.sum())} value(s) that are not "
                             f"numbers, e.g. {frame.loc[bad, c].iloc[0]!r}")
        frame[c] = col.astype("float64")
    return frame


def _codes(r: np.ndarray, f: np.ndarray, m: np.ndarray, bins: int) -> pd.Categorical:
    grid = np.arange(1, bins + 1)
    labels = [f"{a}{b}{c}" for a in grid for b in grid for c in grid]
    idx = ((r - 1) * bins + (f - 1)) * bins + (m - 1)
    return pd.Categorical.from_codes(idx.astype("int64"), categories=labels)


def _points(points: Mapping[str, Sequence[float]], scores: dict, bins: int) -> np.ndarray:
    total = np.zeros(len(scores["R"]), dtype="float64")
    for crit in CRITERIA:
        if crit not in points:
            raise ValueError(f"points are missing for {crit}")
        try:
            p = np.asarray([float(x) for x in points[crit]], dtype="float64")
        except (TypeError, ValueError):
            raise ValueError(f"the points of {crit} must be numbers") from None
        if p.size != bins:
            raise ValueError(f"{crit} needs {bins} point values (scores 1 to {bins}), "
                             f"got {p.size}")
        total += p[scores[crit] - 1]
    return total


# --------------------------------------------------------------------------------------
# Segments
# --------------------------------------------------------------------------------------
def check_segments(segments: Mapping[str, dict]) -> dict[str, dict]:
    """Check that a segment map assigns every R x F cell (1..5) to exactly one segment.

    Each value needs ``cells`` (a regular expression over the two-digit "RF" code);
    ``fr``, ``en``, ``action_fr``, ``action_en`` default to the key and "" and
    ``valuable`` to False. Returns a normalised copy.

    Raises
    ------
    ValueError
        A cell with no segment or with several, an invalid pattern, an empty map.

    Examples
    --------
    >>> len(check_segments(DEFAULT_SEGMENTS))
    11
    >>> check_segments({"all": {"cells": "[1-5][1-5]"}, "top": {"cells": "55"}})
    Traceback (most recent call last):
    ...
    ValueError: the segment map gives the cell R5 F5 several segments (all, top)
    """
    if not segments:
        raise ValueError("the segment map is empty")
    out: dict[str, dict] = {}
    for key, spec in segments.items():
        spec = dict(spec or {})
        if not str(key).strip():
            raise ValueError("a segment has an empty name")
        try:
            pattern = re.compile(str(spec.get("cells", "")))
        except re.error:
            raise ValueError(f"segment '{key}': the cells pattern "
                             f"{spec.get('cells')!r} is not valid") from None
        spec["_re"] = pattern
        spec.setdefault("fr", str(key))
        spec.setdefault("en", str(key))
        spec.setdefault("action_fr", "")
        spec.setdefault("action_en", "")
        spec["valuable"] = bool(spec.get("valuable", False))
        out[str(key)] = spec
    problems = []
    for r in range(SEGMENT_SCALE, 0, -1):
        for f in range(1, SEGMENT_SCALE + 1):
            hit = [k for k, s in out.items() if s["_re"].fullmatch(f"{r}{f}")]
            if len(hit) != 1:
                problems.append((r, f, hit))
    if problems:
        r, f, hit = problems[0]
        what = "no segment" if not hit else f"several segments ({', '.join(hit)})"
        more = f" (and {len(problems) - 1} other cell(s))" if len(problems) > 1 else ""
        raise ValueError(f"the segment map gives the cell R{r} F{f} {what}{more}")
    return out


def _to_scale(scores: np.ndarray, bins: int) -> np.ndarray:
    if bins == SEGMENT_SCALE:
        return scores
    return 1 + np.floor((scores - 1) * (SEGMENT_SCALE - 1) / (bins - 1) + 0.5).astype("int64")


def _cell_lookup(bins: int, segs: dict[str, dict]) -> np.ndarray:
    """Index into the segment list for each (R, F) cell of a bins x bins grid."""
    keys = list(segs)
    lut = np.zeros((bins + 1, bins + 1), dtype="int64")
    s5 = _to_scale(np.arange(1, bins + 1), bins)
    for i, r in enumerate(s5, start=1):
        for j, f in enumerate(s5, start=1):
            lut[i, j] = next(n for n, k in enumerate(keys)
                             if segs[k]["_re"].fullmatch(f"{r}{f}"))
    return lut


def segment_of(r, f, bins: int = 5, segments: Mapping[str, dict] | None = None
               ) -> pd.Categorical:
    """Segment key of each (R, F) pair, as a categorical in map order.

    >>> segment_of([5, 1, 3], [5, 1, 3]).tolist()
    ['champions', 'lost', 'need_attention']
    >>> segment_of([3, 1], [1, 2], bins=3).tolist()
    ['new', 'at_risk']
    """
    segs = segments if segments is not None and all("_re" in s for s in segments.values()) \
        else check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    lut = _cell_lookup(bins, segs)
    r = np.asarray(r, dtype="int64")
    f = np.asarray(f, dtype="int64")
    return pd.Categorical.from_codes(lut[r, f], categories=list(segs))


def segment_table(segments: Mapping[str, dict] | None = None, lang: str = "en"
                  ) -> pd.DataFrame:
    """The segment map as a table: key, label, action, cells, valuable (map order).

    >>> segment_table(lang="fr").loc[0, ["key", "label"]].tolist()
    ['champions', 'Champions']
    """
    segs = check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    lang = "fr" if lang == "fr" else "en"
    return pd.DataFrame({
        "key": list(segs),
        "label": [s[lang] for s in segs.values()],
        "action": [s[f"action_{lang}"] for s in segs.values()],
        "cells": [s["cells"] for s in segs.values()],
        "valuable": [s["valuable"] for s in segs.values()],
    })


def segment_grid(segments: Mapping[str, dict] | None = None) -> pd.DataFrame:
    """The segment map as a 5 x 5 grid of keys: rows R 5..1, columns F 1..5.

    Edit it (e.g. in a data editor) and rebuild the map with :func:`segments_from_grid`.

    >>> segment_grid().loc[5].tolist()
    ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions']
    """
    segs = check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    keys = list(segs)
    lut = _cell_lookup(SEGMENT_SCALE, segs)
    rows = list(range(SEGMENT_SCALE, 0, -1))
    cols = list(range(1, SEGMENT_SCALE + 1))
    grid = pd.DataFrame([[keys[lut[r, f]] for f in cols] for r in rows], index=rows,
                        columns=cols)
    grid.index.name = "R"
    grid.columns.name = "F"
    return grid


def segments_from_grid(grid: pd.DataFrame, segments: Mapping[str, dict] | None = None
                       ) -> dict[str, dict]:
    """Rebuild a segment map from a 5 x 5 grid of keys (rows R, columns F).

    Labels, actions and the valuable flag come from ``segments`` (default
    ``DEFAULT_SEGMENTS``); keys absent from the grid are dropped, unknown keys are
    added with their key as label.

    >>> g = segment_grid()
    >>> g.loc[1, 1] = "hibernating"
    >>> m = segments_from_grid(g)
    >>> segment_of([1, 1], [1, 2], segments=m).tolist()
    ['hibernating', 'lost']
    """
    base = dict(segments if segments is not None else DEFAULT_SEGMENTS)
    cells: dict[str, list[str]] = {}
    for r in range(1, SEGMENT_SCALE + 1):
        for f in range(1, SEGMENT_SCALE + 1):
            try:
                key = grid.loc[r, f]
            except KeyError:
                raise ValueError(f"the grid lacks the cell R{r} F{f}") from None
            if key is None or (isinstance(key, float) and np.isnan(key)) or not str(key):
                raise ValueError(f"the cell R{r} F{f} has no segment")
            cells.setdefault(str(key), []).append(f"{r}{f}")
    order = [k for k in base if k in cells] + [k for k in cells if k not in base]
    out = {}
    for k in order:
        spec = {x: v for x, v in dict(base.get(k, {})).items() if x != "_re"}
        spec["cells"] = "|".join(cells[k])
        out[k] = spec
    check_segments(out)
    return out


# --------------------------------------------------------------------------------------
# Grid and summaries
# --------------------------------------------------------------------------------------
def rfm_grid(scores: pd.DataFrame, bins: int | None = None,
             segments: Mapping[str, dict] | None = None) -> pd.DataFrame:
    """The R x F grid: head-count and mean monetary value of every cell.

    mean monetary of cell (r, f) = sum of monetary over its customers / head-count
    (NaN for an empty cell).

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`rfm_scores` (R, F, monetary).
    bins : int, optional
        Grid size; default ``scores.attrs["bins"]`` or the largest score.
    segments : dict, optional
        Segment map used to name each cell (default ``DEFAULT_SEGMENTS``).

    Returns
    -------
    DataFrame
        bins x bins rows (all cells, R descending then F ascending): R, F, customers,
        share (of all customers), monetary_sum, monetary_mean, segment.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [3, 3, 1], "F": [2, 2, 1], "monetary": [10.0, 30.0, 5.0]})
    >>> g = rfm_grid(s, bins=3)
    >>> g.loc[(g.R == 3) & (g.F == 2), ["customers", "monetary_mean", "segment"]]
       customers  monetary_mean             segment
    1          2           20.0  potential_loyalist
    """
    for c in ("R", "F", "monetary"):
        if c not in scores.columns:
            raise ValueError(f"the scores table lacks the column '{c}'; use rfm_scores")
    if bins is None:
        bins = scores.attrs.get("bins") or (int(max(scores["R"].max(), scores["F"].max()))
                                            if len(scores) else 5)
    bins = _check_bins(int(bins))
    segs = check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    r = scores["R"].to_numpy(dtype="int64")
    f = scores["F"].to_numpy(dtype="int64")
    if len(r) and (r.min() < 1 or r.max() > bins or f.min() < 1 or f.max() > bins):
        raise ValueError(f"scores must lie between 1 and {bins}")
    m = scores["monetary"].fillna(0).to_numpy(dtype="float64", na_value=np.nan)
    cell = (r - 1) * bins + (f - 1)
    counts = np.bincount(cell, minlength=bins * bins)
    sums = np.bincount(cell, weights=m, minlength=bins * bins)
    rr, ff = np.divmod(np.arange(bins * bins), bins)
    rr, ff = rr + 1, ff + 1
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    total = counts.sum()
    out = pd.DataFrame({
        "R": rr, "F": ff, "customers": counts.astype("int64"),
        "share": counts / total if total else np.zeros(bins * bins),
        "monetary_sum": sums, "monetary_mean": mean,
        "segment": segment_of(rr, ff, bins, segs),
    })
    return out.sort_values(["R", "F"], ascending=[False, True]).reset_index(drop=True)


def segment_summary(scores: pd.DataFrame, segments: Mapping[str, dict] | None = None
                    ) -> pd.DataFrame:
    """Per segment: customers, share, monetary sum and mean, mean recency and frequency.

    All segments of the map appear, in map order, empty ones with zero customers.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"segment": ["lost", "champions", "lost"], "recency_days": [400, 3, 500],
    ...                   "frequency": [1, 9, 1], "monetary": [10.0, 900.0, 30.0]})
    >>> t = segment_summary(s).set_index("segment")
    >>> int(t.loc["lost", "customers"]), float(t.loc["lost", "monetary_sum"])
    (2, 40.0)
    """
    segs = check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    keys = list(segs)
    seg = pd.Categorical(scores["segment"].astype("object"), categories=keys)
    g = pd.DataFrame({
        "segment": seg,
        "recency_days": scores["recency_days"].to_numpy(dtype="float64", na_value=np.nan),
        "frequency": scores["frequency"].to_numpy(dtype="float64", na_value=np.nan),
        "monetary": scores["monetary"].to_numpy(dtype="float64", na_value=np.nan),
    }).groupby("segment", observed=False)
    out = pd.DataFrame({
        "customers": g.size(),
        "monetary_sum": g["monetary"].sum(),
        "monetary_mean": g["monetary"].mean(),
        "recency_mean": g["recency_days"].mean(),
        "frequency_mean": g["frequency"].mean(),
    }).reindex(keys)
    out["customers"] = out["customers"].fillna(0).astype("int64")
    n = out["customers"].sum()
    out.insert(1, "share", out["customers"] / n if n else 0.0)
    total_m = out["monetary_sum"].sum()
    out.insert(3, "monetary_share", out["monetary_sum"] / total_m if total_m else 0.0)
    out["valuable"] = [segs[k]["valuable"] for k in keys]
    out.index.name = "segment"
    return out.reset_index()


def score_bounds(scores: pd.DataFrame) -> pd.DataFrame:
    """What each score means in the data: head-count, min and max raw value per score.

    Columns: criterion (R, F, M), score, customers, min, max (recency in days,
    frequency in orders, monetary in euros).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"R": [2, 1], "F": [1, 2], "M": [1, 2],
    ...     "recency_days": [10, 90], "frequency": [1, 4], "monetary": [5.0, 50.0]})
    >>> score_bounds(s).query("criterion == 'R'")[["score", "min", "max"]]
       score   min   max
    0      1  90.0  90.0
    1      2  10.0  10.0
    """
    parts = []
    for crit, col in zip(CRITERIA, SCORE_COLUMNS):
        g = pd.DataFrame({"score": scores[crit].to_numpy(),
                          "v": scores[col].to_numpy(dtype="float64", na_value=np.nan)}).groupby("score")["v"]
        part = pd.DataFrame({"customers": g.size(), "min": g.min(), "max": g.max()})
        part.insert(0, "criterion", crit)
        parts.append(part.reset_index())
    out = pd.concat(parts, ignore_index=True)
    return out[["criterion", "score", "customers", "min", "max"]]


# --------------------------------------------------------------------------------------
# Migration between two reference dates
# --------------------------------------------------------------------------------------
NEW_ROW = "not_yet_customer"
GONE_COL = "no_longer_scored"


@dataclass
class Migration:
    """Segment migration between two reference dates.

    Attributes
    ----------
    matrix : DataFrame
        Head-counts, rows = segment at the earlier date (plus ``NEW_ROW`` for customers
        with no purchase yet), columns = segment at the later date (plus ``GONE_COL``
        for customers absent from the later scores). Row sums = head-counts before.
    customers : DataFrame
        One row per customer: customer_id, segment_before, segment_after, move
        ("down", "up", "same", "new", "gone"), fell_from_valuable, monetary_before,
        monetary_after, R/F before and after. Customers who fell out of a valuable
        segment come first, then the other downgrades, by monetary value before.
    """

    matrix: pd.DataFrame
    customers: pd.DataFrame

    @property
    def flows(self) -> pd.DataFrame:
        """Long form of the matrix without empty cells: before, after, customers."""
        m = self.matrix.stack()
        m = m[m > 0]
        out = m.rename("customers").reset_index()
        out.columns = ["before", "after", "customers"]
        return out


def segment_migration(before: pd.DataFrame, after: pd.DataFrame,
                      segments: Mapping[str, dict] | None = None) -> Migration:
    """Transition matrix of segments between two scorings of the same portfolio.

    A move is "down" when the later segment comes after the earlier one in the map
    order (best relationship first), "up" when it comes before. ``fell_from_valuable``
    = the earlier segment is valuable and the later one is not (or the customer is no
    longer scored).

    Parameters
    ----------
    before, after : DataFrame
        Outputs of :func:`rfm_scores` at the earlier and later dates (customer_id,
        segment, monetary; R and F when present).
    segments : dict, optional
        The segment map used for both (default ``DEFAULT_SEGMENTS``).

    Returns
    -------
    Migration

    Examples
    --------
    >>> import pandas as pd
    >>> b = pd.DataFrame({"customer_id": ["A", "B"], "segment": ["champions", "lost"],
    ...                   "monetary": [900.0, 10.0]})
    >>> a = pd.DataFrame({"customer_id": ["A", "B", "C"],
    ...                   "segment": ["at_risk", "lost", "new"], "monetary": [0.0, 0.0, 50.0]})
    >>> mig = segment_migration(b, a)
    >>> mig.customers[["customer_id", "move", "fell_from_valuable"]].values.tolist()
    [['A', 'down', True], ['C', 'new', False], ['B', 'same', False]]
    >>> int(mig.matrix.loc["champions", "at_risk"]), int(mig.matrix.loc["not_yet_customer", "new"])
    (1, 1)
    """
    segs = check_segments(segments if segments is not None else DEFAULT_SEGMENTS)
    keys = list(segs)
    rank = {k: i for i, k in enumerate(keys)}
    for name, frame in (("before", before), ("after", after)):
        missing = [c for c in ("customer_id", "segment") if c not in frame.columns]
        if missing:
            raise ValueError(f"the '{name}' scores lack the column(s) {', '.join(missing)}")
        unknown = set(frame["segment"].astype("object").dropna()) - set(keys)
        if unknown:
            raise ValueError(f"the '{name}' scores use segments absent from the map: "
                             + ", ".join(sorted(map(str, unknown))))

    def side(frame, suffix):
        cols = ["customer_id", "segment"] + [c for c in ("R", "F", "monetary")
                                             if c in frame.columns]
        s = frame[cols].copy()
        s["customer_id"] = s["customer_id"].astype("str")
        s["segment"] = s["segment"].astype("object")
        return s.rename(columns={c: f"{c}_{suffix}" for c in cols if c != "customer_id"})

    both = side(before, "before").merge(side(after, "after"), on="customer_id", how="outer")
    both["segment_before"] = both["segment_before"].fillna(NEW_ROW)
    both["segment_after"] = both["segment_after"].fillna(GONE_COL)
    rb = both["segment_before"].map(rank).astype("float64")
    ra = both["segment_after"].map(rank).astype("float64")
    move = np.select(
        [both["segment_before"].eq(NEW_ROW).to_numpy(),
         both["segment_after"].eq(GONE_COL).to_numpy(),
         (ra > rb).to_numpy(), (ra < rb).to_numpy()],
        ["new", "gone", "down", "up"], default="same")
    both["move"] = move
    valuable = {k for k, s in segs.items() if s["valuable"]}
    both["fell_from_valuable"] = (both["segment_before"].isin(valuable)
                                  & ~both["segment_after"].isin(valuable))
    for c in ("monetary_before", "monetary_after"):
        if c not in both.columns:
            both[c] = np.nan
    order = {"down": 1, "gone": 1, "new": 2, "up": 3, "same": 4}
    both["_o"] = both["move"].map(order)
    both["_v"] = ~both["fell_from_valuable"]
    both = both.sort_values(["_v", "_o", "monetary_before", "customer_id"],
                            ascending=[True, True, False, True], na_position="last")
    first = ["customer_id", "segment_before", "segment_after", "move", "fell_from_valuable",
             "monetary_before", "monetary_after"]
    rest = [c for c in ("R_before", "F_before", "R_after", "F_after") if c in both.columns]
    customers = both[first + rest].reset_index(drop=True)
    rows = keys + [NEW_ROW]
    cols = keys + [GONE_COL]
    matrix = pd.crosstab(
        pd.Categorical(both["segment_before"], categories=rows),
        pd.Categorical(both["segment_after"], categories=cols), dropna=False,
    ).reindex(index=rows, columns=cols, fill_value=0).astype("int64")
    matrix.index.name = "before"
    matrix.columns.name = "after"
    return Migration(matrix=matrix, customers=customers)


def rfm_migration(transactions: pd.DataFrame, as_of, before=None, months: int = 6, *,
                  window_months: int | None = 12, monetary: str = "sum", bins: int = 5,
                  segments: Mapping[str, dict] | None = None) -> Migration:
    """RFM segments at ``before`` (default: ``months`` months before as_of) and at as_of,
    compared with :func:`segment_migration`. Both scorings use the same parameters.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "B", "B"],
    ...     "date": pd.to_datetime(["2023-12-01", "2023-12-01", "2024-06-01"]),
    ...     "amount": [100.0, 100.0, 100.0]})
    >>> m = rfm_migration(tx, "2024-06-30", bins=3)
    >>> m.customers.set_index("customer_id")["move"].to_dict()
    {'A': 'down', 'B': 'up'}
    """
    as_of = to_timestamp(as_of)
    if before is None:
        if int(months) != months or months < 1:
            raise ValueError("the migration needs a gap of at least one whole month")
        before = as_of - pd.DateOffset(months=int(months))
    before = to_timestamp(before)
    if before >= as_of:
        raise ValueError("the earlier reference date must come before the later one")
    b = rfm_scores(rfm_table(transactions, before, window_months, monetary), bins,
                   segments=segments)
    a = rfm_scores(rfm_table(transactions, as_of, window_months, monetary), bins,
                   segments=segments)
    return segment_migration(b, a, segments)
