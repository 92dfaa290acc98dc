"""Customer lifetime value: the simple retention formula and the probabilistic models.

Two families (DOMAIN.md section 3):

- **Simple CLV** (valeur vie client) with a constant yearly margin ``m``, a retention rate
  ``r`` and a discount rate ``d``: ``CLV = m * r / (1 + d - r)`` (the sum over the years
  ``t >= 1`` of ``m * r**t / (1 + d)**t``). :func:`retention_rate` estimates ``r`` from
  the sales lines; :func:`customer_equity` (capital client) sums the values.
- **Probabilistic CLV** for non-contractual buying: the BG/NBD model (Fader, Hardie &
  Lee 2005, "Counting your customers the easy way") for the number of repeat purchases
  and the probability that a customer is still alive, and the Gamma-Gamma model (Fader,
  Hardie & Lee 2005, "RFM and CLV") for the mean spend per purchase. Both are fitted by
  maximum likelihood on the (frequency, recency, T) summary built by :func:`clv_summary`.

Conventions of the summary (the ``lifetimes`` package's, with calendar-day periods): a
customer's purchases are the calendar days on which his net amount is positive (several
invoices on one day are one purchase, a day of credit notes only is none);
``frequency`` is the number of *repeat* purchases (purchase days minus one),
``recency`` the time between the first and the last purchase day, ``T`` the time
between the first purchase day and the reference date ``as_of``, ``monetary_value``
the mean amount of the repeat purchase days (0 without a repeat purchase). Times are
in days divided by ``unit_days`` (7 for weeks).

Example
-------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": ["A", "A", "A", "B"],
...     "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-29", "2024-01-08"]),
...     "amount": [10.0, 20.0, 40.0, 5.0]})
>>> clv_summary(tx, "2024-02-05", unit_days=7)
  customer_id  frequency  recency    T  monetary_value
0           A          2      4.0  5.0            30.0
1           B          0      0.0  4.0             0.0
"""

from __future__ import annotations

import math
import warnings

import duckdb
import numpy as np
import pandas as pd
from scipy import optimize, special

from core.features import check_transactions, to_timestamp

DAYS_PER_MONTH = 365.25 / 12

__all__ = [
    "BetaGeoModel", "GammaGammaModel", "fit_bgnbd", "fit_gamma_gamma", "clv_summary",
    "calibration_holdout", "calibration_chart_data", "expected_clv", "simple_clv",
    "retention_rate", "retention_table", "customer_equity", "simple_clv_table",
    "retention_what_if",
]


# -- simple CLV ------------------------------------------------------------------------
def simple_clv(margin, retention, discount: float = 0.10, years: int | None = None):
    """Customer lifetime value with a constant margin and retention rate.

    ``CLV = sum_{t=1..years} m * r**t / (1 + d)**t``; with ``years=None`` (no horizon)
    the sum is ``m * r / (1 + d - r)``. The margin of the current year is not counted:
    the value is what the customer is still expected to bring.

    Parameters
    ----------
    margin : float or array-like
        Yearly margin ``m`` per customer (or per segment), in euros.
    retention : float or array-like
        Yearly retention rate ``r`` in [0, 1] (share of customers still buying a year later).
    discount : float, default 0.10
        Yearly discount rate ``d`` (>= 0).
    years : int, optional
        Horizon in years; ``None`` means no limit.

    Returns
    -------
    float or ndarray
        Same shape as the broadcast inputs.

    Raises
    ------
    ValueError
        A retention rate outside [0, 1], a negative discount rate or horizon.

    Examples
    --------
    >>> simple_clv(1000.0, 0.8, 0.1)
    2666.666...
    >>> round(simple_clv(1000.0, 0.8, 0.1, years=2), 2)
    1256.2
    """
    m = np.asarray(margin, dtype="float64")
    r = np.asarray(retention, dtype="float64")
    if np.any(np.isnan(r)) or np.any((r < 0) | (r > 1)):
        raise ValueError("the retention rate must be between 0 % and 100 %")
    if not np.isfinite(discount) or discount < 0:
        raise ValueError("the discount rate must be zero or positive")
    q = r / (1.0 + discount)
    if years is None:
        if discount == 0 and np.any(r >= 1):
            raise ValueError("with a retention rate of 100 % and no discount the value is "
                             "infinite; set a discount rate or a horizon in years")
        out = m * r / (1.0 + discount - r)
    else:
        if years < 0:
            raise ValueError("the horizon in years must be zero or positive")
        with np.errstate(invalid="ignore", divide="ignore"):
            geo = np.where(np.isclose(q, 1.0), float(years),
                           q * (1.0 - q ** years) / np.where(np.isclose(q, 1.0), 1.0, 1.0 - q))
        geo = np.where(q == 0, 0.0, geo)
        out = m * geo
    return float(out) if out.ndim == 0 else out


def customer_equity(values) -> float:
    """Customer equity (capital client): the sum of the customers' values, NaN ignored.

    >>> customer_equity([100.0, float("nan"), 50.0])
    150.0
    """
    arr = np.asarray(values, dtype="float64")
    return float(np.nansum(arr)) if arr.size else 0.0


def _active_sets(transactions: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per customer: bought in the last 12 months (cur), in the 12 before (prev)."""
    t = transactions.loc[transactions["amount"] > 0, ["customer_id", "date"]]
    t = t[t["customer_id"].notna() & (t["date"] <= as_of)]
    cut12 = as_of - pd.DateOffset(months=12)
    cut24 = as_of - pd.DateOffset(months=24)
    cur = t.loc[t["date"] > cut12, "customer_id"].unique()
    prev = t.loc[(t["date"] > cut24) & (t["date"] <= cut12), "customer_id"].unique()
    ids = pd.Index(np.union1d(np.asarray(cur, dtype=object), np.asarray(prev, dtype=object)))
    return pd.DataFrame({"prev": ids.isin(prev), "cur": ids.isin(cur)},
                        index=ids.astype("str").rename("customer_id"))


def retention_rate(transactions: pd.DataFrame, as_of) -> float:
    """Share of last year's active customers who are still active this year.

    ``r = |active in (as_of-24m, as_of-12m] and in (as_of-12m, as_of]| /
    |active in (as_of-24m, as_of-12m]|``; "active" means at least one line with a
    positive amount.

    Raises
    ------
    ValueError
        When nobody bought in the 12 months before the last 12 (less than two years of
        sales): then enter the rate by hand.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
    ...     "date": pd.to_datetime(["2023-03-01", "2024-03-01", "2023-05-01", "2024-05-01"]),
    ...     "amount": [1.0, 1.0, 1.0, 1.0]})
    >>> retention_rate(tx, "2024-06-30")
    0.5
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    act = _active_sets(transactions, as_of)
    n_prev = int(act["prev"].sum())
    if n_prev == 0:
        raise ValueError("no customer bought in the 12 months before the last 12, so the "
                         "retention rate cannot be measured; enter it by hand")
    return float((act["prev"] & act["cur"]).sum() / n_prev)


def retention_table(transactions: pd.DataFrame, as_of, groups: pd.Series | None = None
                    ) -> pd.DataFrame:
    """Retention rate per group of customers (segment, class, rep...).

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines.
    as_of : date-like
        Reference date.
    groups : Series, optional
        Group label per customer, indexed by customer_id; customers without a label are
        counted in the group "(none)". Without it, one row "all".

    Returns
    -------
    DataFrame
        group, active_prev (active in the previous 12 months), retained (of those, also
        active in the last 12), retention (retained / active_prev, NaN when 0).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"],
    ...     "date": pd.to_datetime(["2023-03-01", "2024-03-01", "2023-05-01"]),
    ...     "amount": [1.0, 1.0, 1.0]})
    >>> retention_table(tx, "2024-06-30", pd.Series({"A": "x", "B": "y"}))
      group  active_prev  retained  retention
    0     x            1         1        1.0
    1     y            1         0        0.0
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    act = _active_sets(transactions, as_of)
    if groups is None:
        g = pd.Series("all", index=act.index)
    else:
        g = act.index.to_series().map(groups).fillna("(none)").astype("str")
    act = act.assign(group=g.to_numpy(), kept=act["prev"] & act["cur"])
    out = act.groupby("group", sort=True).agg(active_prev=("prev", "sum"),
                                              retained=("kept", "sum")).reset_index()
    out["active_prev"] = out["active_prev"].astype("int64")
    out["retained"] = out["retained"].astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        out["retention"] = np.where(out["active_prev"] > 0,
                                    out["retained"] / out["active_prev"].clip(lower=1), np.nan)
    out["group"] = out["group"].astype("str")
    return out


def simple_clv_table(features: pd.DataFrame, retention, discount: float = 0.10,
                     years: int | None = None, margin_rate: float | None = None,
                     groups: pd.Series | None = None) -> pd.DataFrame:
    """Simple CLV per customer from the per-customer table of ``core.features``.

    The yearly margin ``m`` is ``margin_12m`` (margin of the last 12 months), or
    ``revenue_12m * margin_rate`` when ``margin_rate`` is given (sales lines without a
    margin column). Only customers who bought in the last 12 months have a value.

    Parameters
    ----------
    features : DataFrame
        Output of ``customer_features`` (customer_id, revenue_12m, margin_12m).
    retention : float or dict
        One rate for everyone, or a rate per group (with ``groups``).
    discount, years
        As in :func:`simple_clv`.
    margin_rate : float, optional
        Margin / revenue used instead of the margin column.
    groups : Series, optional
        Group label per customer_id, needed when ``retention`` is a dict.

    Returns
    -------
    DataFrame
        customer_id, group (when given), margin_year, retention, clv; sorted by clv
        descending.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"customer_id": ["A", "B"], "revenue_12m": [1000.0, 0.0],
    ...                   "margin_12m": [300.0, 0.0]})
    >>> simple_clv_table(f, 0.5, discount=0.0)[["customer_id", "clv"]]
      customer_id    clv
    0           A  300.0
    """
    for col in ("customer_id", "revenue_12m", "margin_12m"):
        if col not in features.columns:
            raise ValueError(f"the customer table has no column '{col}'")
    active = features[features["revenue_12m"] > 0]
    if margin_rate is not None:
        m = active["revenue_12m"] * float(margin_rate)
    else:
        m = active["margin_12m"]
    out = pd.DataFrame({"customer_id": active["customer_id"].astype("str"),
                        "margin_year": m.astype("float64")})
    if groups is not None:
        out["group"] = out["customer_id"].map(groups).fillna("(none)").astype("str")
    if isinstance(retention, dict):
        if groups is None:
            raise ValueError("a retention rate per group needs the groups of the customers")
        r = out["group"].map(retention).astype("float64")
        if r.isna().any():
            missing = sorted(set(out.loc[r.isna(), "group"]))
            raise ValueError("no retention rate for the group(s) " + ", ".join(missing))
    else:
        r = pd.Series(float(retention), index=out.index)
    out["retention"] = r.to_numpy()
    out["clv"] = simple_clv(out["margin_year"].to_numpy(), out["retention"].to_numpy(),
                            discount, years) if len(out) else np.array([], dtype="float64")
    return out.sort_values("clv", ascending=False, kind="stable").reset_index(drop=True)


def retention_what_if(margin, retention: float, discount: float = 0.10, points: float = 0.05,
                      years: int | None = None) -> dict:
    """Change in customer equity when retention rises by ``points`` (0.05 = 5 points).

    The classic "5 % less churn" case: equity = sum of ``simple_clv(m_i, r, d)`` before
    and after ``r -> min(r + points, 1)``.

    Returns
    -------
    dict
        retention, retention_after, equity, equity_after, change, change_pct
        (change / equity, NaN when equity is 0).

    Examples
    --------
    >>> w = retention_what_if([1000.0], 0.75, discount=0.10, points=0.05)
    >>> round(w["equity"], 2), round(w["equity_after"], 2), round(w["change_pct"], 3)
    (2142.86, 2666.67, 0.244)
    """
    if not -1 <= points <= 1:
        raise ValueError("the retention change must be between -100 and +100 points")
    after = float(np.clip(retention + points, 0.0, 1.0))
    if discount == 0 and years is None:
        after = min(after, 0.999)
    base = customer_equity(simple_clv(margin, retention, discount, years))
    new = customer_equity(simple_clv(margin, after, discount, years))
    return {"retention": float(retention), "retention_after": after, "equity": base,
            "equity_after": new, "change": new - base,
            "change_pct": (new - base) / base if base else float("nan")}


# -- summary from the sales lines ----------------------------------------------------------
_SUMMARY_COLUMNS = ["customer_id", "frequency", "recency", "T", "monetary_value"]


def _purchase_days(con: duckdb.DuckDBPyConnection, transactions: pd.DataFrame,
                   end: pd.Timestamp) -> None:
    """Register view ``pdays``: one row per customer and purchase day up to ``end``."""
    con.register("_raw", transactions[["customer_id", "date", "amount"]])
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW pdays AS
            SELECT customer_id::VARCHAR AS customer_id, date::DATE AS day,
                   sum(amount) AS amount
            FROM _raw
            WHERE date::DATE <= DATE '{end:%Y-%m-%d}' AND customer_id IS NOT NULL
                  AND amount IS NOT NULL AND date IS NOT NULL
            GROUP BY 1, 2 HAVING sum(amount) > 0"""
    )


_SUMMARY_SQL = """
    SELECT customer_id, count(*) - 1 AS frequency,
           date_diff('day', min(day), max(day)) AS recency_days,
           date_diff('day', min(day), ?::DATE) AS t_days,
           CASE WHEN count(*) > 1
                THEN (sum(amount) - arg_min(amount, day)) / (count(*) - 1) ELSE 0 END
                AS monetary_value
    FROM pdays GROUP BY customer_id
"""


def _check_unit(unit_days: float) -> float:
    if not np.isfinite(unit_days) or unit_days <= 0:
        raise ValueError("the time unit must be a positive number of days (7 for weeks)")
    return float(unit_days)


def clv_summary(transactions: pd.DataFrame, as_of, unit_days: float = 1.0) -> pd.DataFrame:
    """The (frequency, recency, T, monetary_value) summary per customer at ``as_of``.

    See the module docstring for the conventions (calendar-day purchases, repeat
    purchases only). Computed with DuckDB.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines (customer_id, date, amount).
    as_of : date-like
        End of the observation period; later lines are ignored.
    unit_days : float, default 1
        Length of the time unit in days (7 gives recency and T in weeks).

    Returns
    -------
    DataFrame
        customer_id, frequency (int), recency, T, monetary_value; one row per customer
        with at least one purchase day, sorted by customer_id.

    Raises
    ------
    ValueError
        Missing columns, an invalid date or time unit.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "A"],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-11"]),
    ...     "amount": [10.0, 5.0, 30.0]})
    >>> clv_summary(tx, "2024-01-31")
      customer_id  frequency  recency     T  monetary_value
    0           A          1     10.0  30.0            30.0
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    unit = _check_unit(unit_days)
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        _purchase_days(con, transactions, as_of)
        out = con.sql(_SUMMARY_SQL + " ORDER BY customer_id",
                      params=[as_of.date()]).to_arrow_table().to_pandas()
    finally:
        con.close()
    return _finish_summary(out, unit)


def _finish_summary(out: pd.DataFrame, unit: float) -> pd.DataFrame:
    frame = pd.DataFrame({
        "customer_id": out["customer_id"].astype("str"),
        "frequency": out["frequency"].astype("int64"),
        "recency": out["recency_days"].astype("float64") / unit,
        "T": out["t_days"].astype("float64") / unit,
        "monetary_value": out["monetary_value"].astype("float64"),
    })
    return frame.reset_index(drop=True)


def calibration_holdout(transactions: pd.DataFrame, calibration_end, observation_end,
                        unit_days: float = 1.0) -> pd.DataFrame:
    """Split the history at ``calibration_end`` to test a model on the following period.

    The calibration summary is :func:`clv_summary` at ``calibration_end`` (customers whose
    first purchase is later are left out); the holdout counts the purchase days in
    ``(calibration_end, observation_end]``.

    Returns
    -------
    DataFrame
        customer_id, frequency_cal, recency_cal, T_cal, monetary_value_cal,
        frequency_holdout (purchase days in the holdout), monetary_value_holdout (their
        mean amount, 0 if none), duration_holdout (holdout length in units).

    Raises
    ------
    ValueError
        When the calibration end is not before the observation end.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "A", "B"],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-01-10", "2024-02-05", "2024-02-01"]),
    ...     "amount": [10.0, 20.0, 40.0, 5.0]})
    >>> calibration_holdout(tx, "2024-01-31", "2024-02-29")[
    ...     ["customer_id", "frequency_cal", "T_cal", "frequency_holdout", "duration_holdout"]]
      customer_id  frequency_cal  T_cal  frequency_holdout  duration_holdout
    0           A              1   30.0                  1              29.0
    """
    cal = to_timestamp(calibration_end)
    obs = to_timestamp(observation_end)
    check_transactions(transactions)
    unit = _check_unit(unit_days)
    if cal >= obs:
        raise ValueError("the end of the calibration period must come before the end of "
                         "the observation period")
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        _purchase_days(con, transactions, obs)
        out = con.sql(
            f"""WITH c AS ({_SUMMARY_SQL.replace("FROM pdays", "FROM pdays WHERE day <= ?::DATE")}),
                     h AS (SELECT customer_id, count(*) AS frequency_holdout,
                                  avg(amount) AS monetary_value_holdout
                           FROM pdays WHERE day > ?::DATE GROUP BY customer_id)
                SELECT c.*, coalesce(h.frequency_holdout, 0) AS frequency_holdout,
                       coalesce(h.monetary_value_holdout, 0) AS monetary_value_holdout
                FROM c LEFT JOIN h USING (customer_id) ORDER BY customer_id""",
            params=[cal.date(), cal.date(), cal.date()],
        ).to_arrow_table().to_pandas()
    finally:
        con.close()
    s = _finish_summary(out, unit)
    s.columns = ["customer_id", "frequency_cal", "recency_cal", "T_cal", "monetary_value_cal"]
    s["frequency_holdout"] = out["frequency_holdout"].astype("int64").to_numpy()
    s["monetary_value_holdout"] = out["monetary_value_holdout"].astype("float64").to_numpy()
    s["duration_holdout"] = (obs - cal).days / unit
    return s


def calibration_chart_data(model: BetaGeoModel, cal_holdout: pd.DataFrame,
                           max_frequency: int = 7) -> pd.DataFrame:
    """Predicted vs actual holdout purchases, by number of repeat purchases in calibration.

    Customers are grouped by ``frequency_cal`` (0, 1, ..., ``max_frequency`` and more);
    per group, the mean number of purchases in the holdout and the model's conditional
    expectation ``E[Y(t) | x, t_x, T]`` averaged over the group.

    Returns
    -------
    DataFrame
        group (text, the last is "7+"), frequency_cal (lower bound), customers, actual,
        predicted.

    Examples
    --------
    >>> import pandas as pd
    >>> m = BetaGeoModel.from_params(r=0.25, alpha=4.4, a=0.8, b=2.4)
    >>> ch = pd.DataFrame({"frequency_cal": [0, 0, 2], "recency_cal": [0.0, 0.0, 20.0],
    ...     "T_cal": [39.0, 39.0, 39.0], "frequency_holdout": [0, 1, 1],
    ...     "duration_holdout": [39.0] * 3})
    >>> calibration_chart_data(m, ch, max_frequency=2)[["group", "customers", "actual"]]
      group  customers  actual
    0     0          2     0.5
    1    2+          1     1.0
    """
    need = ("frequency_cal", "recency_cal", "T_cal", "frequency_holdout", "duration_holdout")
    missing = [c for c in need if c not in cal_holdout.columns]
    if missing:
        raise ValueError("the calibration table lacks " + ", ".join(missing))
    if max_frequency < 1:
        raise ValueError("max_frequency must be at least 1")
    f = cal_holdout["frequency_cal"].to_numpy()
    pred = model.expected_purchases(cal_holdout["duration_holdout"].to_numpy(dtype="float64"),
                                    f, cal_holdout["recency_cal"].to_numpy(dtype="float64"),
                                    cal_holdout["T_cal"].to_numpy(dtype="float64"))
    grp = np.minimum(f, max_frequency)
    frame = pd.DataFrame({"frequency_cal": grp, "actual": cal_holdout["frequency_holdout"]
                          .to_numpy(dtype="float64"), "predicted": pred})
    out = frame.groupby("frequency_cal").agg(customers=("actual", "size"),
                                             actual=("actual", "mean"),
                                             predicted=("predicted", "mean")).reset_index()
    out.insert(0, "group", [f"{k}+" if k == max_frequency else str(k)
                            for k in out["frequency_cal"]])
    out["group"] = out["group"].astype("str")
    return out


# -- fitting helpers ---------------------------------------------------------------------
def _as_array(values, name: str) -> np.ndarray:
    arr = np.asarray(values, dtype="float64").ravel()
    if arr.size and not np.all(np.isfinite(arr)):
        bad = int((~np.isfinite(arr)).sum())
        raise ValueError(f"{name} has {bad} missing or infinite value(s)")
    return arr


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    """Weighted sum without BLAS (whose threads stall on a busy machine)."""
    return float(np.einsum("i,i->", a, b))


def _like_input(out: np.ndarray, *inputs):
    """Return a float when every input was a scalar, else the array."""
    if all(np.ndim(i) == 0 for i in inputs):
        return float(out.reshape(-1)[0])
    return out


def _merge_rows(*cols: np.ndarray, weights: np.ndarray | None = None):
    """Unique rows of the columns with summed weights: (unique columns, weights)."""
    n = cols[0].size
    w = np.ones(n) if weights is None else weights
    codes = []
    uniques = []
    radix = 1
    key = np.zeros(n, dtype=np.int64)
    for c in cols:
        u, inv = np.unique(c, return_inverse=True)
        uniques.append(u)
        codes.append(inv)
    fits = math.prod(max(len(u), 1) for u in uniques) < 2 ** 62
    if fits:
        for u, inv in zip(uniques, codes):
            key += inv.astype(np.int64) * radix
            radix *= max(len(u), 1)
        ukey, first, inv = np.unique(key, return_index=True, return_inverse=True)
        cw = np.bincount(inv, weights=w, minlength=len(ukey))
        return tuple(c[first] for c in cols), cw
    stacked = np.column_stack(codes)
    urows, first, inv = np.unique(stacked, axis=0, return_index=True, return_inverse=True)
    cw = np.bincount(inv.ravel(), weights=w, minlength=len(urows))
    return tuple(c[first] for c in cols), cw


def _safe(objective):
    """Wrap ``objective(u) -> (value, gradient)``: inf value and zero gradient when not
    finite, floating-point warnings silenced."""

    def wrapped(u):
        with np.errstate(all="ignore"):
            f, g = objective(u)
        if not np.isfinite(f):
            return np.inf, np.zeros_like(u)
        return float(f), np.where(np.isfinite(g), g, 0.0)

    return wrapped


def _minimise(objective, starts: list[np.ndarray], bounds: tuple[float, float]):
    """Minimise ``objective(u) -> (value, gradient)`` over log-parameters ``u``.

    L-BFGS-B with the analytic gradient from the best of the starts (then the next ones),
    accepted when it reports success or its projected gradient is ~0 (flat ridges end
    with "ABNORMAL" line searches); Nelder-Mead, then Powell, when it fails.
    Returns (u, value, method, ok).
    """
    obj = _safe(objective)

    def fun(u):
        return obj(u)[0]

    vals = [fun(s) for s in starts]
    order = np.argsort([v if np.isfinite(v) else np.inf for v in vals])
    lo, hi = bounds
    box = [(lo, hi)] * len(starts[0])
    best = (starts[int(order[0])], vals[int(order[0])], "start", False)

    def better(res) -> bool:
        return np.isfinite(res.fun) and (not np.isfinite(best[1]) or res.fun <= best[1] + 1e-12)

    def stationary(u) -> bool:
        g = obj(u)[1]
        free = ~(((u <= lo + 1e-8) & (g > 0)) | ((u >= hi - 1e-8) & (g < 0)))
        return bool(np.max(np.abs(g[free]), initial=0.0) < 1e-5)

    for i in order[:3]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = optimize.minimize(obj, starts[int(i)], method="L-BFGS-B", jac=True,
                                        bounds=box, options={"maxiter": 1000, "ftol": 1e-13,
                                                             "gtol": 1e-9})
        except (ValueError, FloatingPointError, ArithmeticError):
            continue
        ok = bool(res.success) or (np.isfinite(res.fun) and stationary(res.x))
        if better(res):
            best = (res.x, float(res.fun), "L-BFGS-B", ok)
        if ok and best[2] == "L-BFGS-B" and best[3]:
            return best
    for name, opts in (("Nelder-Mead", {"maxiter": 3000, "xatol": 1e-8, "fatol": 1e-12}),
                       ("Powell", {"maxiter": 3000, "xtol": 1e-8, "ftol": 1e-12})):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = optimize.minimize(fun, best[0], method=name, bounds=box, options=opts)
        except (ValueError, FloatingPointError, ArithmeticError):
            continue
        if better(res):
            best = (res.x, float(res.fun), name, bool(res.success))
            if res.success:
                break
    return best


class _Model:
    """Shared bits of the fitted models (scikit-learn style)."""

    _param_names: tuple[str, ...] = ()

    def _check_fitted(self) -> None:
        if not hasattr(self, "params_"):
            raise ValueError(f"the {type(self).__name__} is not fitted yet: call fit first")

    def __repr__(self) -> str:
        if hasattr(self, "params_"):
            inner = ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items())
        else:
            inner = "not fitted"
        return f"{type(self).__name__}({inner})"


# -- BG/NBD ----------------------------------------------------------------------------
def _bgnbd_terms(logp: np.ndarray, x, tx, T):
    r, alpha, a, b = np.exp(logp)
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    pos = x > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(pos, np.log(a) - np.log(np.where(pos, b + x - 1, 1.0))
                      - (r + x) * np.log(alpha + tx), -np.inf)
    return (r, alpha, a, b), a1, a2, a3, a4, pos


def _bgnbd_loglik(logp, x, tx, T):
    _, a1, a2, a3, a4, _ = _bgnbd_terms(logp, x, tx, T)
    return a1 + a2 + np.logaddexp(a3, a4)


class _BgnbdObjective:
    """Mean negative BG/NBD log-likelihood and its gradient on the log-parameters.

    Terms that depend on x only (A1, A2 and their digammas) are computed once per distinct
    x; rows with x = 0 reduce to ``r ln alpha - r ln(alpha + T)``. The gradient is the
    derivative of the closed form: with ``w3, w4`` the shares of A3 and A4 in their sum,
    ``d/dr = psi(r+x) - psi(r) + ln alpha - w3 ln(alpha+T) - w4 ln(alpha+t_x)``,
    ``d/dalpha = r/alpha - (r+x) (w3/(alpha+T) + w4/(alpha+t_x))``,
    ``d/da = psi(a+b) - psi(a+b+x) + w4/a``,
    ``d/db = psi(a+b) + psi(b+x) - psi(b) - psi(a+b+x) - w4/(b+x-1)``.
    """

    def __init__(self, x, tx, T, w):
        self.total = float(w.sum())
        zero = x == 0
        self.T0, self.w0 = T[zero], w[zero]
        self.W0 = float(self.w0.sum())
        pos = ~zero
        self.xs, self.ix = np.unique(x[pos], return_inverse=True)
        self.x, self.tx, self.T, self.w = x[pos], tx[pos], T[pos], w[pos]
        self.Wx = np.bincount(self.ix, weights=self.w, minlength=self.xs.size)

    def __call__(self, u):
        r, alpha, a, b = np.exp(u)
        xs, Wx, dig = self.xs, self.Wx, special.digamma
        la = np.log(alpha)
        a1 = special.gammaln(r + xs) - special.gammaln(r) + r * la
        a2 = special.betaln(a, b + xs) - special.betaln(a, b)
        c4 = np.log(a) - np.log(b + xs - 1)
        rx = r + self.x
        lT, ltx = np.log(alpha + self.T), np.log(alpha + self.tx)
        a3 = -rx * lT
        a4 = c4[self.ix] - rx * ltx
        lse = np.logaddexp(a3, a4)
        lT0 = np.log(alpha + self.T0)
        ll = (_dot(Wx, a1 + a2) + _dot(self.w, lse)
              + self.W0 * r * la - r * _dot(self.w0, lT0))
        ww3 = self.w * np.exp(a3 - lse)
        ww4 = self.w * np.exp(a4 - lse)
        d_r = (_dot(Wx, dig(r + xs) - dig(r) + la) - _dot(ww3, lT) - _dot(ww4, ltx)
               + self.W0 * la - _dot(self.w0, lT0))
        d_alpha = ((Wx.sum() + self.W0) * r / alpha - _dot(ww3 * rx, 1.0 / (alpha + self.T))
                   - _dot(ww4 * rx, 1.0 / (alpha + self.tx))
                   - r * _dot(self.w0, 1.0 / (alpha + self.T0)))
        w4x = np.bincount(self.ix, weights=ww4, minlength=xs.size)
        d_a = _dot(Wx, dig(a + b) - dig(a + b + xs)) + w4x.sum() / a
        d_b = (_dot(Wx, dig(a + b) + dig(b + xs) - dig(b) - dig(a + b + xs))
               - _dot(w4x, 1.0 / (b + xs - 1)))
        grad = np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
        return -ll / self.total, -grad / self.total


class BetaGeoModel(_Model):
    """BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005).

    While alive, a customer buys at a Poisson rate ``lambda ~ Gamma(r, alpha)``; after
    each repeat purchase he leaves for good with probability ``p ~ Beta(a, b)``. The
    log-likelihood of a customer with ``x`` repeat purchases, the last at ``t_x``, observed
    for ``T``, is ``ln[A1 A2 (A3 + [x > 0] A4)]`` with

    - ``A1 = Gamma(r + x) alpha**r / Gamma(r)``
    - ``A2 = B(a, b + x) / B(a, b)``
    - ``A3 = (alpha + T)**-(r + x)``
    - ``A4 = a / (b + x - 1) (alpha + t_x)**-(r + x)``

    Fitting maximises the sum over customers by scipy on the log-parameters (L-BFGS-B
    with the analytic gradient; Nelder-Mead then Powell when it fails); identical
    (x, t_x, T) rows are merged with weights.

    Parameters
    ----------
    initial_params : dict, optional
        Starting values {"r", "alpha", "a", "b"}; by default a few candidates derived from
        the data, the best of which is used.
    merge_rows : bool, default True
        Merge identical (x, t_x, T) rows into weights before fitting (same result, much
        faster on large portfolios; False only serves comparisons).

    Attributes
    ----------
    params_ : dict
        Fitted r, alpha, a, b.
    log_likelihood_ : float
        Maximised log-likelihood (sum over customers).
    n_customers_, n_rows_ : int
        Customers fitted, distinct (x, t_x, T) rows after merging.
    optimiser_ : str
        The method that gave the result; ``converged_`` whether it reported success.

    Examples
    --------
    >>> m = BetaGeoModel.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> m.p_alive(0, 0.0, 38.86)
    1.0
    >>> round(m.expected_purchases(39, 2, 30.43, 38.86), 3)
    1.226
    """

    _param_names = ("r", "alpha", "a", "b")

    def __init__(self, initial_params: dict | None = None, merge_rows: bool = True):
        self.initial_params = initial_params
        self.merge_rows = merge_rows

    @classmethod
    def from_params(cls, r: float, alpha: float, a: float, b: float) -> BetaGeoModel:
        """A model with given parameters (no fitting), e.g. published ones."""
        m = cls()
        m.params_ = {"r": float(r), "alpha": float(alpha), "a": float(a), "b": float(b)}
        for k, v in m.params_.items():
            if not v > 0:
                raise ValueError(f"the parameter {k} must be positive")
        return m

    @staticmethod
    def _validate(frequency, recency, T, weights=None):
        x = _as_array(frequency, "frequency")
        tx = _as_array(recency, "recency")
        t = _as_array(T, "T")
        if not x.size == tx.size == t.size:
            raise ValueError("frequency, recency and T must have the same length")
        if np.any(x < 0) or np.any(x != np.round(x)):
            raise ValueError("frequency must hold whole numbers of repeat purchases (>= 0)")
        if np.any(tx < 0) or np.any(tx > t + 1e-9):
            raise ValueError("recency must lie between 0 and T (the time since the first "
                             "purchase)")
        if np.any((x == 0) & (tx != 0)):
            raise ValueError("a customer without repeat purchase must have recency 0")
        w = None
        if weights is not None:
            w = _as_array(weights, "weights")
            if w.size != x.size or np.any(w < 0):
                raise ValueError("weights must be non-negative, one per customer")
        return x, tx, t, w

    def fit(self, frequency, recency, T, weights=None) -> BetaGeoModel:
        """Fit by maximum likelihood; returns self.

        Raises
        ------
        ValueError
            Invalid inputs, or no customer with a repeat purchase (the model cannot
            learn anything without one).
        """
        x, tx, t, w = self._validate(frequency, recency, T, weights)
        if x.size == 0:
            raise ValueError("no customer to fit the purchase model on")
        if not np.any(x > 0):
            raise ValueError("no customer has bought twice: the purchase model needs repeat "
                             "purchases")
        if not np.any(t > 0):
            raise ValueError("every customer was observed for zero time; choose a later "
                             "reference date")
        if self.merge_rows:
            (ux, utx, ut), cw = _merge_rows(x, tx, t, weights=w)
        else:
            ux, utx, ut, cw = x, tx, t, (np.ones(x.size) if w is None else w)
        total = cw.sum()
        self.n_customers_ = int(round(total))
        self.n_rows_ = int(ux.size)

        starts = self._starts(ux, utx, ut, cw)
        u, val, method, ok = _minimise(_BgnbdObjective(ux, utx, ut, cw), starts,
                                       bounds=(-14.0, 14.0))
        if not np.isfinite(val):
            raise ValueError("the purchase model could not be fitted on these customers")
        r, alpha, a, b = np.exp(u)
        self.params_ = {"r": float(r), "alpha": float(alpha), "a": float(a), "b": float(b)}
        self.log_likelihood_ = float(-val * total)
        self.optimiser_ = method
        self.converged_ = ok
        return self

    def _starts(self, x, tx, t, w) -> list[np.ndarray]:
        if self.initial_params:
            p = self.initial_params
            return [np.log([p["r"], p["alpha"], p["a"], p["b"]])]
        rate = max(_dot(w, x) / max(_dot(w, t), 1e-12), 1e-9)
        starts = []
        for r0, a0, b0 in ((1.0, 1.0, 1.0), (0.25, 0.8, 2.5), (0.5, 1.0, 5.0),
                           (2.0, 0.5, 1.0), (0.1, 2.0, 10.0)):
            starts.append(np.log([r0, r0 / rate, a0, b0]))
        return starts

    def log_likelihood(self, frequency, recency, T) -> np.ndarray:
        """Log-likelihood of each customer under the fitted parameters."""
        self._check_fitted()
        x, tx, t, _ = self._validate(frequency, recency, T)
        p = self.params_
        out = _bgnbd_loglik(np.log([p["r"], p["alpha"], p["a"], p["b"]]), x, tx, t)
        return _like_input(out, frequency, recency, T)

    def p_alive(self, frequency, recency, T) -> np.ndarray:
        """Probability that each customer is still alive (buying) at the end of T.

        ``P = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))**(r + x))``;
        1 for a customer without repeat purchase.
        """
        self._check_fitted()
        x, tx, t, _ = self._validate(frequency, recency, T)
        return _like_input(self._p_alive(x, tx, t), frequency, recency, T)

    def _p_alive(self, x, tx, t):
        r, alpha, a, b = (self.params_[k] for k in self._param_names)
        pos = x > 0
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            log_ratio = (np.log(a) - np.log(np.where(pos, b + x - 1, 1.0))
                         + (r + x) * (np.log(alpha + t) - np.log(alpha + tx)))
        return np.where(pos, special.expit(-log_ratio), 1.0)

    def expected_purchases(self, t, frequency, recency, T) -> np.ndarray:
        """Expected repeat purchases in the next ``t`` time units, given each history.

        ``E[Y(t) | x, t_x, T] = P(alive) (a + b + x - 1) / (a - 1)
        [1 - ((alpha + T) / (alpha + T + t))**(r + x)
        2F1(r + x, b + x; a + b + x - 1; t / (alpha + T + t))]``.
        ``t`` may be a scalar or one value per customer.
        """
        self._check_fitted()
        x, tx, T_, _ = self._validate(frequency, recency, T)
        tt = np.broadcast_to(np.asarray(t, dtype="float64"), x.shape)
        if np.any(tt < 0) or not np.all(np.isfinite(tt)):
            raise ValueError("the horizon t must be zero or positive")
        r, alpha, a, b = (self.params_[k] for k in self._param_names)
        if abs(a - 1.0) < 1e-9:
            a = 1.0 + 1e-9
        z = tt / (alpha + T_ + tt)
        with np.errstate(all="ignore"):
            lead = np.exp((r + x) * (np.log(alpha + T_) - np.log(alpha + T_ + tt)))
            h = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
            core = (a + b + x - 1) / (a - 1) * (1.0 - lead * h)
        out = self._p_alive(x, tx, T_) * core
        out = np.where(tt == 0, 0.0, np.maximum(out, 0.0))
        return _like_input(out, t, frequency, recency, T)

    def expected_purchases_new(self, t) -> np.ndarray:
        """Expected purchases in ``(0, t]`` of a customer just acquired (unconditional).

        ``E[X(t)] = (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))**r
        2F1(r, b; a + b - 1; t / (alpha + t))]``.
        """
        self._check_fitted()
        tt = np.asarray(t, dtype="float64")
        r, alpha, a, b = (self.params_[k] for k in self._param_names)
        if abs(a - 1.0) < 1e-9:
            a = 1.0 + 1e-9
        with np.errstate(all="ignore"):
            h = special.hyp2f1(r, b, a + b - 1, tt / (alpha + tt))
            out = (a + b - 1) / (a - 1) * (1.0 - (alpha / (alpha + tt)) ** r * h)
        out = np.maximum(out, 0.0)
        return float(out) if out.ndim == 0 else out


def fit_bgnbd(frequency, recency, T, weights=None, initial_params: dict | None = None
              ) -> BetaGeoModel:
    """Fit the BG/NBD purchase model; see :class:`BetaGeoModel`.

    Parameters
    ----------
    frequency, recency, T : array-like
        Repeat purchases, time of the last purchase and observation time since the first
        purchase, per customer (see :func:`clv_summary`).
    weights : array-like, optional
        Number of customers each row stands for.
    initial_params : dict, optional
        Starting values.

    Returns
    -------
    BetaGeoModel
        Fitted; ``params_`` {"r", "alpha", "a", "b"}.

    Examples
    --------
    >>> m = fit_bgnbd([0, 1, 2, 0, 3, 1], [0, 4, 8, 0, 9, 2], [10, 10, 10, 8, 10, 6])
    >>> sorted(m.params_)
    ['a', 'alpha', 'b', 'r']
    """
    return BetaGeoModel(initial_params=initial_params).fit(frequency, recency, T, weights)


# -- Gamma-Gamma -----------------------------------------------------------------------
def _gg_loglik(logp, x, m):
    p, q, v = np.exp(logp)
    px = p * x
    return (special.gammaln(px + q) - special.gammaln(px) - special.gammaln(q)
            + q * np.log(v) + (px - 1) * np.log(m) + px * np.log(x)
            - (px + q) * np.log(x * m + v))


def _gg_grad(logp, x, m, w):
    p, q, v = np.exp(logp)
    px = p * x
    dig = special.digamma
    lxm = np.log(x * m + v)
    d_p = x * (dig(px + q) - dig(px) + np.log(m) + np.log(x) - lxm)
    d_q = dig(px + q) - dig(q) + np.log(v) - lxm
    d_v = q / v - (px + q) / (x * m + v)
    return np.array([_dot(w, d_p), _dot(w, d_q), _dot(w, d_v)]) * np.array([p, q, v])


class GammaGammaModel(_Model):
    """Gamma-Gamma model of the spend per purchase (Fader, Hardie & Lee 2005).

    The amounts of a customer's purchases are Gamma(p, nu) with nu ~ Gamma(q, v) across
    customers; the mean ``m_x`` of ``x`` purchases has the log-likelihood
    ``ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln v + (p x - 1) ln m_x
    + p x ln x - (p x + q) ln(x m_x + v)``. Fitted on customers with ``x > 0`` repeat
    purchases, by scipy on the log-parameters (as :class:`BetaGeoModel`). It assumes the
    spend does not depend on the purchase frequency: check that their correlation is weak.

    Attributes
    ----------
    params_ : dict
        Fitted p, q, v.
    log_likelihood_ : float
        Maximised log-likelihood.
    n_customers_, n_rows_, optimiser_, converged_
        As in :class:`BetaGeoModel`.

    Examples
    --------
    >>> m = GammaGammaModel.from_params(p=6.25, q=3.74, v=15.44)
    >>> round(m.expected_average_spend(2, 22.35), 2)
    24.66
    """

    _param_names = ("p", "q", "v")

    def __init__(self, initial_params: dict | None = None):
        self.initial_params = initial_params

    @classmethod
    def from_params(cls, p: float, q: float, v: float) -> GammaGammaModel:
        """A model with given parameters (no fitting)."""
        m = cls()
        m.params_ = {"p": float(p), "q": float(q), "v": float(v)}
        for k, val in m.params_.items():
            if not val > 0:
                raise ValueError(f"the parameter {k} must be positive")
        return m

    @staticmethod
    def _validate(frequency, monetary_value):
        x = _as_array(frequency, "frequency")
        m = _as_array(monetary_value, "monetary_value")
        if x.size != m.size:
            raise ValueError("frequency and monetary_value must have the same length")
        if np.any(x < 0):
            raise ValueError("frequency cannot be negative")
        if np.any((x > 0) & (m <= 0)):
            raise ValueError("the mean spend of a customer with repeat purchases must be "
                             "positive")
        return x, m

    def fit(self, frequency, monetary_value, weights=None) -> GammaGammaModel:
        """Fit on the customers with at least one repeat purchase; returns self.

        Raises
        ------
        ValueError
            Invalid inputs or fewer than 3 customers with repeat purchases.
        """
        x, m = self._validate(frequency, monetary_value)
        w = np.ones(x.size) if weights is None else _as_array(weights, "weights")
        if w.size != x.size or np.any(w < 0):
            raise ValueError("weights must be non-negative, one per customer")
        keep = x > 0
        if keep.sum() < 3:
            raise ValueError("the spend model needs at least 3 customers with repeat "
                             "purchases")
        (ux, um), cw = _merge_rows(x[keep], m[keep], weights=w[keep])
        total = cw.sum()
        self.n_customers_ = int(round(total))
        self.n_rows_ = int(ux.size)

        def objective(u):
            return (-_dot(cw, _gg_loglik(u, ux, um)) / total,
                    -_gg_grad(u, ux, um, cw) / total)

        if self.initial_params:
            ip = self.initial_params
            starts = [np.log([ip["p"], ip["q"], ip["v"]])]
        else:
            mean = _dot(cw, um) / total
            starts = [np.log([p0, q0, max(mean * (q0 - 1) / p0, 1e-6)])
                      for p0, q0 in ((1.0, 2.0), (5.0, 4.0), (2.0, 10.0), (0.5, 1.5))]
        u, val, method, ok = _minimise(objective, starts, bounds=(-14.0, 14.0))
        if not np.isfinite(val):
            raise ValueError("the spend model could not be fitted on these customers")
        p, q, v = np.exp(u)
        self.params_ = {"p": float(p), "q": float(q), "v": float(v)}
        self.log_likelihood_ = float(-val * total)
        self.optimiser_ = method
        self.converged_ = ok
        return self

    def expected_average_spend(self, frequency, monetary_value) -> np.ndarray:
        """Expected mean spend per future purchase, given each customer's history.

        ``E[M | x, m_x] = p (v + x m_x) / (p x + q - 1)``: a weighted average of the
        population mean ``p v / (q - 1)`` and the customer's own mean ``m_x``. For ``x = 0``
        it is the population mean (NaN when q <= 1, the mean does not exist).
        """
        self._check_fitted()
        x, m = self._validate(frequency, monetary_value)
        p, q, v = (self.params_[k] for k in self._param_names)
        m = np.where(x > 0, m, 0.0)
        den = p * x + q - 1
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(den > 0, p * (v + x * m) / den, np.nan)
        return _like_input(out, frequency, monetary_value)

    def population_mean_spend(self) -> float:
        """Mean spend per purchase across customers, ``p v / (q - 1)`` (NaN if q <= 1)."""
        self._check_fitted()
        p, q, v = (self.params_[k] for k in self._param_names)
        return p * v / (q - 1) if q > 1 else float("nan")


def fit_gamma_gamma(frequency, monetary_value, weights=None,
                    initial_params: dict | None = None) -> GammaGammaModel:
    """Fit the Gamma-Gamma spend model; see :class:`GammaGammaModel`.

    Customers with ``frequency == 0`` are ignored (their mean repeat spend is unknown).

    Returns
    -------
    GammaGammaModel
        Fitted; ``params_`` {"p", "q", "v"}.

    Examples
    --------
    >>> m = fit_gamma_gamma([1, 2, 3, 1, 0], [10.0, 12.0, 9.0, 30.0, 0.0])
    >>> sorted(m.params_)
    ['p', 'q', 'v']
    """
    return GammaGammaModel(initial_params=initial_params).fit(frequency, monetary_value,
                                                              weights)


# -- discounted CLV --------------------------------------------------------------------
def expected_clv(purchase_model: BetaGeoModel, spend_model: GammaGammaModel,
                 summary: pd.DataFrame, horizon_months: int = 12,
                 annual_discount: float = 0.10, margin_rate: float = 1.0,
                 unit_days: float = 1.0) -> pd.DataFrame:
    """Discounted value of each customer over the coming months, from the two models.

    ``CLV = sum_{i=1..H} margin_rate * E[M] * (E[Y(t_i)] - E[Y(t_{i-1})]) / (1 + d_m)**i``
    with ``t_i`` the end of month ``i`` (in the summary's unit), ``E[Y]`` the BG/NBD
    conditional expectation, ``E[M]`` the Gamma-Gamma expected spend and
    ``d_m = (1 + annual_discount)**(1/12) - 1`` the monthly discount rate.

    Parameters
    ----------
    purchase_model, spend_model
        Fitted models (same time unit as ``summary``).
    summary : DataFrame
        Output of :func:`clv_summary` (customer_id, frequency, recency, T, monetary_value).
    horizon_months : int, default 12
        Number of months ahead.
    annual_discount : float, default 0.10
        Yearly discount rate.
    margin_rate : float, default 1.0
        Share of the spend that is margin (1.0 gives a revenue value).
    unit_days : float, default 1
        Days per time unit of the summary.

    Returns
    -------
    DataFrame
        customer_id, frequency, recency, T, monetary_value, p_alive,
        expected_purchases (over the horizon), expected_spend, clv; sorted by clv
        descending.

    Examples
    --------
    >>> import pandas as pd
    >>> bg = BetaGeoModel.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> gg = GammaGammaModel.from_params(p=6.25, q=3.74, v=15.44)
    >>> s = pd.DataFrame({"customer_id": ["1"], "frequency": [2], "recency": [30.43],
    ...                   "T": [38.86], "monetary_value": [22.35]})
    >>> out = expected_clv(bg, gg, s, horizon_months=12, annual_discount=0.0, unit_days=7)
    >>> round(float(out["clv"].iloc[0]), 2)
    38.55
    """
    need = ("customer_id", "frequency", "recency", "T", "monetary_value")
    missing = [c for c in need if c not in summary.columns]
    if missing:
        raise ValueError("the customer summary lacks " + ", ".join(missing))
    if horizon_months < 1:
        raise ValueError("the horizon must be at least one month")
    if not np.isfinite(annual_discount) or annual_discount < 0:
        raise ValueError("the discount rate must be zero or positive")
    unit = _check_unit(unit_days)
    x = summary["frequency"].to_numpy(dtype="float64")
    tx = summary["recency"].to_numpy(dtype="float64")
    T = summary["T"].to_numpy(dtype="float64")
    spend = spend_model.expected_average_spend(x, summary["monetary_value"].to_numpy(
        dtype="float64"))
    month = DAYS_PER_MONTH / unit
    dm = (1.0 + annual_discount) ** (1.0 / 12.0) - 1.0
    prev = np.zeros(x.size)
    value = np.zeros(x.size)
    for i in range(1, int(horizon_months) + 1):
        cum = purchase_model.expected_purchases(i * month, x, tx, T)
        value += (cum - prev) / (1.0 + dm) ** i
        prev = cum
    out = summary[list(need)].copy()
    out["p_alive"] = purchase_model.p_alive(x, tx, T)
    out["expected_purchases"] = prev
    out["expected_spend"] = spend
    out["clv"] = margin_rate * spend * value
    return out.sort_values("clv", ascending=False, kind="stable").reset_index(drop=True)
