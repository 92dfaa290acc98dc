"""Customer lifecycle, attrition signals, engagement and the P-R contact strategy.

DOMAIN.md section 3:

- lifecycle: suspect -> prospect (cold, warm, hot) -> customer (new, active, tepid,
  inactive) -> lost, by editable rules on the days since the first and last purchase
  and the status column (:class:`LifecycleRules`);
- attrition signals: revenue of the last 12 months falling vs the 12 before, a
  complaint repeated within N days, no order for more than 1.5 times the customer's
  usual time between purchases;
- engagement: product families adopted vs dropped between two periods;
- P-R strategy: potential class (P) x penetration (R = revenue / potential) -> develop,
  defend, maintain at lower cost, minimal effort (``PR_STRATEGIES``).

Conventions shared with :mod:`core.features`: only lines dated on or before ``as_of``
count; a purchase (order) is an invoice whose net amount is positive (credit notes are
not orders); without ``invoice_id``, one order is one customer on one day.

Example
-------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": ["A", "B", "C"],
...     "date": pd.to_datetime(["2024-06-01", "2023-10-01", "2021-01-01"]),
...     "amount": [10.0, 10.0, 10.0]})
>>> lifecycle_stages(tx, "2024-06-30")["stage"].tolist()
['new', 'tepid', 'lost']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

import duckdb
import numpy as np
import pandas as pd

from core.features import check_transactions, orders, to_timestamp

# --------------------------------------------------------------------------------------
# Lifecycle stages
# --------------------------------------------------------------------------------------
STAGES = ("suspect", "cold_prospect", "warm_prospect", "hot_prospect", "new", "active",
          "tepid", "inactive", "lost")
PROSPECT_STAGES = ("suspect", "cold_prospect", "warm_prospect", "hot_prospect")
CUSTOMER_STAGES = ("new", "active", "tepid", "inactive", "lost")

STAGE_LABELS: dict[str, dict[str, str]] = {
    "suspect": {"fr": "Suspect", "en": "Suspect"},
    "cold_prospect": {"fr": "Prospect froid", "en": "Cold prospect"},
    "warm_prospect": {"fr": "Prospect tiède", "en": "Warm prospect"},
    "hot_prospect": {"fr": "Prospect chaud", "en": "Hot prospect"},
    "new": {"fr": "Nouveau client", "en": "New customer"},
    "active": {"fr": "Client actif", "en": "Active customer"},
    "tepid": {"fr": "Client tiède", "en": "Tepid customer"},
    "inactive": {"fr": "Client inactif", "en": "Inactive customer"},
    "lost": {"fr": "Client perdu", "en": "Lost customer"},
}

# Status texts (normalised: lower case, no accents) -> stage, for rows of the customers
# table. Used for people who have not bought yet, and for "lost" whatever the dates.
DEFAULT_STATUS_MAP: dict[str, str] = {
    "suspect": "suspect",
    "prospect": "cold_prospect",
    "cold prospect": "cold_prospect", "cold": "cold_prospect",
    "prospect froid": "cold_prospect", "froid": "cold_prospect",
    "warm prospect": "warm_prospect", "warm": "warm_prospect",
    "prospect tiede": "warm_prospect", "tiede": "warm_prospect",
    "hot prospect": "hot_prospect", "hot": "hot_prospect",
    "prospect chaud": "hot_prospect", "chaud": "hot_prospect",
    "lost": "lost", "perdu": "lost", "client perdu": "lost", "churned": "lost",
    "ancien client": "lost",
    "customer": "customer", "client": "customer",
}


def _norm(text) -> str:
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().replace("_", " ").replace("-", " ").split())


@dataclass(frozen=True)
class LifecycleRules:
    """Editable rules of the lifecycle stages (days are counted back from as_of).

    For a customer with at least one purchase up to as_of (in this order):

    1. status "lost" (``status_map``) and ``status_lost_wins`` -> lost;
    2. days since the last purchase > ``inactive_days`` -> lost;
    3. days since the first purchase <= ``new_days`` -> new;
    4. days since the last purchase <= ``active_days`` -> active,
       <= ``tepid_days`` -> tepid, otherwise inactive.

    For a row of the customers table without any purchase: the stage its status maps to
    in ``status_map`` (suspect, cold / warm / hot prospect, lost); an unknown or missing
    status -> ``default_prospect``; a status "customer" without purchases in the data ->
    ``customer_without_purchase``.
    """

    new_days: int = 90
    active_days: int = 180
    tepid_days: int = 365
    inactive_days: int = 730
    status_lost_wins: bool = True
    default_prospect: str = "suspect"
    customer_without_purchase: str = "inactive"
    status_map: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_STATUS_MAP))

    def check(self) -> LifecycleRules:
        """Raise ValueError unless the thresholds are ordered and the stages known."""
        for f in ("new_days", "active_days", "tepid_days", "inactive_days"):
            v = getattr(self, f)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
                raise ValueError(f"the lifecycle rule '{f}' must be a whole number of "
                                 f"days, 0 or more (got {v!r})")
        if not self.active_days <= self.tepid_days <= self.inactive_days:
            raise ValueError(
                "the lifecycle thresholds must grow: active <= tepid <= inactive "
                f"(got {self.active_days}, {self.tepid_days}, {self.inactive_days} days)")
        if self.default_prospect not in PROSPECT_STAGES:
            raise ValueError(f"default_prospect must be one of {', '.join(PROSPECT_STAGES)}")
        if self.customer_without_purchase not in STAGES:
            raise ValueError(f"customer_without_purchase must be one of {', '.join(STAGES)}")
        bad = {v for v in self.status_map.values() if v not in (*STAGES, "customer")}
        if bad:
            raise ValueError("the status map points to unknown stages: "
                             + ", ".join(sorted(bad)))
        return self

    def as_dict(self) -> dict:
        """The thresholds as a plain dict (status map left out)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "status_map"}


def _purchases(transactions: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Order-level table up to as_of: customer_id, order_key, date, amount."""
    return orders(transactions, as_of)[["customer_id", "order_key", "date", "amount"]]


def lifecycle_stages(transactions: pd.DataFrame, as_of, customers: pd.DataFrame | None = None,
                     rules: LifecycleRules | None = None) -> pd.DataFrame:
    """Lifecycle stage of every customer and prospect at ``as_of``.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines (customer_id, date, amount; optional invoice_id).
    as_of : date-like
        Reference date.
    customers : DataFrame, optional
        The customers table (customer_id; optional status). Its rows without purchase
        are the suspects and prospects; without it only buyers appear.
    rules : LifecycleRules, optional
        Thresholds (default ``LifecycleRules()``).

    Returns
    -------
    DataFrame
        customer_id, status (text of the customers table or None), first_purchase,
        last_purchase, days_since_first, days_since_last (NaN without purchase),
        orders (to date), stage (categorical in ``STAGES`` order). Sorted by customer_id.

    Raises
    ------
    ValueError
        Missing columns, invalid date or rules.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"],
    ...     "date": pd.to_datetime(["2023-01-01", "2024-05-01", "2023-11-10"]),
    ...     "amount": [50.0, 80.0, 20.0]})
    >>> cust = pd.DataFrame({"customer_id": ["A", "B", "P1", "P2"],
    ...                      "status": ["client", "client", "prospect chaud", None]})
    >>> lifecycle_stages(tx, "2024-06-30", cust)[["customer_id", "stage"]].values.tolist()
    [['A', 'active'], ['B', 'tepid'], ['P1', 'hot_prospect'], ['P2', 'suspect']]
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    rules = (rules or LifecycleRules()).check()
    orders = _purchases(transactions, as_of)
    buys = orders[orders["amount"] > 0]
    per = buys.groupby("customer_id").agg(first_purchase=("date", "min"),
                                          last_purchase=("date", "max"),
                                          orders=("date", "size")).reset_index()
    frame = per
    if customers is not None:
        if "customer_id" not in customers.columns:
            raise ValueError("the customers table lacks the column 'customer_id'")
        cust = customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
        keep = ["customer_id"] + (["status"] if "status" in cust.columns else [])
        cust = cust[keep].copy()
        cust["customer_id"] = cust["customer_id"].astype("str")
        frame = cust.merge(per, on="customer_id", how="outer")
    if "status" not in frame.columns:
        frame["status"] = None
    frame["orders"] = frame["orders"].fillna(0).astype("int64")
    frame["days_since_first"] = (as_of - frame["first_purchase"]).dt.days.astype("float64")
    frame["days_since_last"] = (as_of - frame["last_purchase"]).dt.days.astype("float64")
    mapped = frame["status"].map(
        lambda s: rules.status_map.get(_norm(s)) if isinstance(s, str) else None)
    frame["stage"] = _stage(frame["days_since_first"].to_numpy(),
                            frame["days_since_last"].to_numpy(),
                            mapped.to_numpy(dtype="object"), rules)
    frame["stage"] = pd.Categorical(frame["stage"], categories=list(STAGES))
    frame = frame.sort_values("customer_id", kind="stable").reset_index(drop=True)
    return frame[["customer_id", "status", "first_purchase", "last_purchase",
                  "days_since_first", "days_since_last", "orders", "stage"]]


def _stage(d_first: np.ndarray, d_last: np.ndarray, mapped: np.ndarray,
           rules: LifecycleRules) -> np.ndarray:
    bought = ~np.isnan(d_last)
    status_lost = mapped == "lost"
    with np.errstate(invalid="ignore"):
        buyer = np.select(
            [status_lost & rules.status_lost_wins,
             d_last > rules.inactive_days,
             d_first <= rules.new_days,
             d_last <= rules.active_days,
             d_last <= rules.tepid_days],
            ["lost", "lost", "new", "active", "tepid"], default="inactive")
    prospect = np.where(pd.isna(mapped), rules.default_prospect, mapped).astype("object")
    prospect[prospect == "customer"] = rules.customer_without_purchase
    return np.where(bought, buyer, prospect)


def stage_counts(stages: pd.DataFrame) -> pd.DataFrame:
    """Head-count and share of every stage, in ``STAGES`` order (zeros included).

    >>> import pandas as pd
    >>> stage_counts(pd.DataFrame({"stage": ["new", "lost", "lost"]})).query("customers > 0")
      stage  customers     share
    4   new          1  0.333333
    8  lost          2  0.666667
    """
    s = stages["stage"].astype("object").value_counts()
    counts = s.reindex(list(STAGES), fill_value=0).astype("int64")
    n = counts.sum()
    return pd.DataFrame({"stage": list(STAGES), "customers": counts.to_numpy(),
                         "share": counts.to_numpy() / n if n else np.zeros(len(STAGES))})


FUNNEL_LEVELS = ("suspect", "cold_prospect", "warm_prospect", "hot_prospect", "customer",
                 "active_customer")


def lifecycle_funnel(stages: pd.DataFrame) -> pd.DataFrame:
    """The conversion funnel read from one snapshot of stages.

    Level k counts everyone who has reached at least that level: suspects and beyond
    (everybody), cold prospects and beyond, warm, hot, customers (anyone who bought:
    new, active, tepid, inactive, lost) and, last, customers still active (new +
    active). conversion = level k / level k - 1 (NaN after an empty level);
    share = level k / everybody. A snapshot, not a cohort: it reads "of 100 people in
    the file, 40 became customers and 25 still buy".

    Returns
    -------
    DataFrame
        level (``FUNNEL_LEVELS``), customers, conversion, share.

    Examples
    --------
    >>> import pandas as pd
    >>> st = pd.DataFrame({"stage": ["suspect", "cold_prospect", "hot_prospect", "active",
    ...                              "lost"]})
    >>> lifecycle_funnel(st)[["level", "customers"]].values.tolist()
    [['suspect', 5], ['cold_prospect', 4], ['warm_prospect', 3], ['hot_prospect', 3], \
['customer', 2], ['active_customer', 1]]
    """
    s = stages["stage"].astype("object")
    rank = {st: i for i, st in enumerate(STAGES)}
    r = s.map(rank)
    if r.isna().any():
        raise ValueError("unknown stage(s): " + ", ".join(sorted(map(str, set(s[r.isna()])))))
    r = r.to_numpy(dtype="int64")
    counts = [int((r >= rank[lv]).sum()) for lv in FUNNEL_LEVELS[:4]]
    counts.append(int((r >= rank["new"]).sum()))
    counts.append(int(s.isin(["new", "active"]).sum()))
    c = np.asarray(counts, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        conv = np.concatenate([[np.nan], np.where(c[:-1] > 0, c[1:] / c[:-1], np.nan)])
        share = c / c[0] if c[0] else np.full(len(c), np.nan)
    return pd.DataFrame({"level": list(FUNNEL_LEVELS), "customers": counts,
                         "conversion": conv, "share": share})


# --------------------------------------------------------------------------------------
# Attrition signals
# --------------------------------------------------------------------------------------
def _truthy(values: pd.Series) -> np.ndarray:
    if values.dtype == bool or str(values.dtype) == "boolean":
        return values.fillna(False).to_numpy(dtype=bool)
    text = values.astype("object").map(lambda v: _norm(v) if v is not None else "")
    return text.isin(["true", "1", "1.0", "yes", "y", "oui", "o", "x", "vrai"]).to_numpy()


def attrition_flags(transactions: pd.DataFrame, as_of, contacts: pd.DataFrame | None = None,
                    *, drop: float = 0.1, complaint_days: int = 90,
                    complaint_lookback_days: int = 365, gap_factor: float = 1.5,
                    min_orders: int = 3) -> pd.DataFrame:
    """Three attrition signals per customer at ``as_of``.

    - falling_revenue: revenue_prev_12m > 0 and
      revenue_12m < (1 - drop) x revenue_prev_12m (windows ``(as_of - 12 m, as_of]`` and
      the 12 months before; credit notes deducted);
    - repeated_complaint: two complaints of the contacts table, both in the last
      ``complaint_lookback_days`` days, at most ``complaint_days`` days apart (the second
      complaint after a badly handled first one makes the customer "sensitive");
    - overdue: days since the last order > gap_factor x usual_gap_days, where
      usual_gap_days = median number of days between consecutive order dates, for
      customers with at least ``min_orders`` orders.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines.
    as_of : date-like
        Reference date.
    contacts : DataFrame, optional
        Contacts with customer_id, date and complaint (bool, or oui/non, yes/no, 1/0).
        Without it (or its complaint column) repeated_complaint is False everywhere.
    drop : float, default 0.1
        Relative fall that counts (0.1 = more than 10 % down); 0 = any fall.
    complaint_days, complaint_lookback_days : int
    gap_factor : float, default 1.5
    min_orders : int, default 3

    Returns
    -------
    DataFrame
        One row per customer with a purchase up to as_of: customer_id, revenue_12m,
        revenue_prev_12m, revenue_change (relative, NaN without previous revenue),
        falling_revenue, complaints (count in the look-back), repeated_complaint,
        orders, usual_gap_days, days_since_last, overdue, n_flags. Sorted by n_flags
        then revenue_prev_12m, both descending.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A"] * 4 + ["B"],
    ...     "date": pd.to_datetime(["2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01",
    ...                             "2024-06-01"]),
    ...     "amount": [100.0, 100.0, 100.0, 100.0, 50.0]})
    >>> f = attrition_flags(tx, "2024-06-30")
    >>> f[["customer_id", "falling_revenue", "usual_gap_days", "overdue", "n_flags"]]
      customer_id  falling_revenue  usual_gap_days  overdue  n_flags
    0           A             True            31.0     True        2
    1           B            False             NaN    False        0
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    if not 0 <= drop < 1:
        raise ValueError("the revenue drop must be between 0 % and 100 %")
    if complaint_days < 0 or complaint_lookback_days < 0:
        raise ValueError("complaint periods must be 0 days or more")
    if gap_factor <= 0:
        raise ValueError("the gap factor must be positive (1.5 = 50 % longer than usual)")
    if min_orders < 2:
        raise ValueError("a usual time between purchases needs at least 2 orders")
    orders = _purchases(transactions, as_of)
    s12 = as_of - pd.DateOffset(months=12)
    s24 = as_of - pd.DateOffset(months=24)
    d = orders["date"]
    orders["cur"] = np.where(d > s12, orders["amount"], 0.0)
    orders["prev"] = np.where((d > s24) & (d <= s12), orders["amount"], 0.0)
    rev = orders.groupby("customer_id")[["cur", "prev"]].sum()
    buys = orders.loc[orders["amount"] > 0, ["customer_id", "date"]]
    days = buys.drop_duplicates().sort_values(["customer_id", "date"])
    gaps = days.groupby("customer_id")["date"].diff().dt.days
    per = pd.DataFrame({
        "orders": buys.groupby("customer_id").size(),
        "last": buys.groupby("customer_id")["date"].max(),
        "median_gap": gaps.groupby(days["customer_id"]).median(),
    })
    frame = per.join(rev, how="left").reset_index()
    frame = frame.rename(columns={"index": "customer_id", "cur": "revenue_12m",
                                  "prev": "revenue_prev_12m"})
    frame["revenue_12m"] = frame["revenue_12m"].fillna(0.0)
    frame["revenue_prev_12m"] = frame["revenue_prev_12m"].fillna(0.0)
    prev = frame["revenue_prev_12m"]
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["revenue_change"] = np.where(prev > 0, frame["revenue_12m"] / prev - 1, np.nan)
    frame["falling_revenue"] = (prev > 0) & (frame["revenue_12m"] < (1 - drop) * prev)
    frame["days_since_last"] = (as_of - frame["last"]).dt.days.astype("int64")
    frame["usual_gap_days"] = frame["median_gap"].where(frame["orders"] >= min_orders)
    frame["overdue"] = (frame["days_since_last"] > gap_factor * frame["usual_gap_days"]).fillna(
        False).astype(bool)
    comp = _complaints(contacts, as_of, complaint_days, complaint_lookback_days)
    frame = frame.merge(comp, on="customer_id", how="left")
    frame["complaints"] = frame["complaints"].fillna(0).astype("int64")
    frame["repeated_complaint"] = frame["repeated_complaint"].fillna(False).astype(bool)
    frame["n_flags"] = (frame["falling_revenue"].astype("int64")
                        + frame["repeated_complaint"].astype("int64")
                        + frame["overdue"].astype("int64"))
    frame["orders"] = frame["orders"].astype("int64")
    frame = frame.sort_values(["n_flags", "revenue_prev_12m", "customer_id"],
                              ascending=[False, False, True]).reset_index(drop=True)
    return frame[["customer_id", "revenue_12m", "revenue_prev_12m", "revenue_change",
                  "falling_revenue", "complaints", "repeated_complaint", "orders",
                  "usual_gap_days", "days_since_last", "overdue", "n_flags"]]


def _complaints(contacts, as_of, complaint_days, lookback_days) -> pd.DataFrame:
    empty = pd.DataFrame({"customer_id": pd.Series(dtype="str"),
                          "complaints": pd.Series(dtype="int64"),
                          "repeated_complaint": pd.Series(dtype=bool)})
    if contacts is None or not {"customer_id", "date", "complaint"} <= set(contacts.columns):
        return empty
    c = contacts.loc[_truthy(contacts["complaint"]), ["customer_id", "date"]].dropna()
    c = c.assign(date=pd.to_datetime(c["date"], errors="coerce").dt.normalize()).dropna()
    c = c[(c["date"] <= as_of) & (c["date"] > as_of - pd.Timedelta(days=lookback_days))]
    if c.empty:
        return empty
    c = c.assign(customer_id=c["customer_id"].astype("str")).sort_values(["customer_id", "date"])
    gap = c.groupby("customer_id")["date"].diff().dt.days
    c = c.assign(close=gap <= complaint_days)
    g = c.groupby("customer_id")
    return pd.DataFrame({"complaints": g.size(),
                         "repeated_complaint": g["close"].any()}).reset_index()


# --------------------------------------------------------------------------------------
# Engagement: product families adopted vs dropped
# --------------------------------------------------------------------------------------
def engagement(transactions: pd.DataFrame, as_of, period_months: int = 12) -> pd.DataFrame:
    """Product families adopted and dropped between two consecutive periods.

    current period = ``(as_of - p, as_of]``, previous = ``(as_of - 2p, as_of - p]``
    (p = period_months). A family is held in a period when the customer bought it there
    (lines with a positive amount). adopted = families held now but not before;
    dropped = held before but not now; trend = "widening" if adopted > dropped,
    "narrowing" if dropped > adopted, else "stable".

    Returns
    -------
    DataFrame
        One row per customer who bought in either period: customer_id, families_prev,
        families_now, adopted, dropped (counts), adopted_families, dropped_families
        (comma-separated, sorted), trend. Sorted by customer_id.

    Raises
    ------
    ValueError
        Without a ``family`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "A", "B"],
    ...     "date": pd.to_datetime(["2023-03-01", "2024-03-01", "2024-04-01", "2023-03-01"]),
    ...     "family": ["Paper", "Paper", "Ink", "Ink"], "amount": [1.0, 1.0, 1.0, 1.0]})
    >>> engagement(tx, "2024-06-30")[["customer_id", "adopted_families", "dropped", "trend"]]
      customer_id adopted_families  dropped      trend
    0           A              Ink        0   widening
    1           B                         1  narrowing
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions, "family")
    if int(period_months) != period_months or period_months < 1:
        raise ValueError("the period must be a whole number of months, at least 1")
    s1 = (as_of - pd.DateOffset(months=int(period_months))).date()
    s2 = (as_of - pd.DateOffset(months=2 * int(period_months))).date()
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        con.register("_raw", transactions[["customer_id", "date", "amount", "family"]])
        fam = con.execute(
            """SELECT DISTINCT customer_id, family,
                      CASE WHEN date::DATE > ?::DATE THEN 'now' ELSE 'prev' END AS period
               FROM _raw
               WHERE customer_id IS NOT NULL AND family IS NOT NULL AND amount > 0
                 AND date::DATE <= ?::DATE AND date::DATE > ?::DATE""",
            [s1, as_of.date(), s2],
        ).df()
    finally:
        con.close()
    cols = ["customer_id", "families_prev", "families_now", "adopted", "dropped",
            "adopted_families", "dropped_families", "trend"]
    if fam.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    fam["customer_id"] = fam["customer_id"].astype("str")
    fam["family"] = fam["family"].astype("str")
    wide = (fam.assign(v=1).pivot_table(index=["customer_id", "family"], columns="period",
                                        values="v", aggfunc="max", fill_value=0))
    for p in ("now", "prev"):
        if p not in wide.columns:
            wide[p] = 0
    wide = wide.reset_index()
    wide["adopted"] = (wide["now"] == 1) & (wide["prev"] == 0)
    wide["dropped"] = (wide["now"] == 0) & (wide["prev"] == 1)
    g = wide.groupby("customer_id")

    def names(mask_col):
        sub = wide[wide[mask_col]].sort_values("family")
        return sub.groupby("customer_id")["family"].agg(", ".join)

    out = pd.DataFrame({
        "families_prev": g["prev"].sum(),
        "families_now": g["now"].sum(),
        "adopted": g["adopted"].sum(),
        "dropped": g["dropped"].sum(),
    })
    out["adopted_families"] = names("adopted").reindex(out.index).fillna("")
    out["dropped_families"] = names("dropped").reindex(out.index).fillna("")
    for c in ("families_prev", "families_now", "adopted", "dropped"):
        out[c] = out[c].astype("int64")
    out["trend"] = np.select([out["adopted"] > out["dropped"], out["dropped"] > out["adopted"]],
                             ["widening", "narrowing"], default="stable")
    out.index.name = "customer_id"
    return out.reset_index().sort_values("customer_id").reset_index(drop=True)[cols]


# --------------------------------------------------------------------------------------
# P-R contact strategy
# --------------------------------------------------------------------------------------
PR_STRATEGIES: dict[str, dict] = {
    "develop": {
        "p": "high", "r": "low", "contacts_per_year": 24, "visits_per_year": 12,
        "fr": "Développer", "en": "Develop",
        "action_fr": "Intensifier les contacts : visites, propositions sur les familles non "
                     "achetées, conquête de part de marché",
        "action_en": "Step up contacts: visits, proposals on families not yet bought, win "
                     "share of wallet",
        "frequency_fr": "Visite mensuelle et un appel entre deux visites",
        "frequency_en": "Monthly visit and one call between two visits",
    },
    "defend": {
        "p": "high", "r": "high", "contacts_per_year": 6, "visits_per_year": 6,
        "fr": "Défendre et fidéliser", "en": "Defend and retain",
        "action_fr": "Fidéliser : suivi grand compte, offre personnalisée, veille sur la "
                     "concurrence",
        "action_en": "Retain: key-account follow-up, personalised offer, watch competitors",
        "frequency_fr": "Visite tous les deux mois",
        "frequency_en": "Visit every two months",
    },
    "maintain": {
        "p": "low", "r": "high", "contacts_per_year": 4, "visits_per_year": 0,
        "fr": "Entretenir à moindre coût", "en": "Maintain at lower cost",
        "action_fr": "Garder le client par des canaux à distance : téléphone, e-mail, "
                     "commande en ligne",
        "action_en": "Keep the customer through remote channels: phone, e-mail, online "
                     "ordering",
        "frequency_fr": "Appel ou e-mail trimestriel",
        "frequency_en": "Quarterly call or e-mail",
    },
    "minimal": {
        "p": "low", "r": "low", "contacts_per_year": 2, "visits_per_year": 0,
        "fr": "Effort minimal", "en": "Minimal effort",
        "action_fr": "Effort minimal : e-mailings, publipostage ; envisager l'abandon",
        "action_en": "Minimal effort: e-mailings, direct mail; consider letting go",
        "frequency_fr": "Deux e-mailings par an",
        "frequency_en": "Two e-mailings a year",
    },
}

POTENTIAL_SOURCES = ("given", "peers_sector_size", "peers_sector", "portfolio", "unknown")
ESTIMATED_SOURCES = ("peers_sector_size", "peers_sector", "portfolio")


def estimate_potential(revenue: pd.Series, customers: pd.DataFrame | None = None, *,
                       quantile: float = 0.75, min_peers: int = 3) -> pd.DataFrame:
    """Annual potential per customer: the given one, or estimated from peers.

    Where the customers table has no potential (missing value or no column), the
    potential is estimated as max(own revenue, q-quantile of the revenue of the peers),
    peers being customers with revenue > 0 of the same sector and size; with fewer than
    ``min_peers`` of them, the same sector; then the whole portfolio. The reasoning: a
    customer could buy as much as a good (top-quarter) customer of its kind. Without
    any buyer to compare with, the potential stays unknown (NaN, source "unknown").

    Parameters
    ----------
    revenue : Series
        Revenue over the reference year, indexed by customer_id.
    customers : DataFrame, optional
        customer_id, and optionally potential, sector, size.
    quantile : float, default 0.75
    min_peers : int, default 3

    Returns
    -------
    DataFrame
        customer_id, revenue, potential, potential_source (``POTENTIAL_SOURCES``), for
        every customer of ``revenue`` and of ``customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> rev = pd.Series({"A": 100.0, "B": 200.0, "C": 300.0, "D": 400.0, "E": 0.0})
    >>> cust = pd.DataFrame({"customer_id": list("ABCDE"),
    ...     "potential": [1000.0, None, None, None, None]})
    >>> e = estimate_potential(rev, cust)
    >>> e[["customer_id", "potential", "potential_source"]].values.tolist()
    [['A', 1000.0, 'given'], ['B', 325.0, 'portfolio'], ['C', 325.0, 'portfolio'], \
['D', 400.0, 'portfolio'], ['E', 325.0, 'portfolio']]
    """
    if not 0 < quantile <= 1:
        raise ValueError("the peer quantile must be between 0 and 1 (0.75 = top quarter)")
    if min_peers < 1:
        raise ValueError("at least one peer is needed to estimate a potential")
    rev = pd.Series(revenue, dtype="float64").copy()
    rev.index = rev.index.astype("str")
    rev = rev.groupby(level=0).sum()
    base = pd.DataFrame({"customer_id": rev.index, "revenue": rev.to_numpy()})
    if customers is not None:
        if "customer_id" not in customers.columns:
            raise ValueError("the customers table lacks the column 'customer_id'")
        keep = [c for c in ("customer_id", "potential", "sector", "size")
                if c in customers.columns]
        cust = customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")[keep]
        cust = cust.assign(customer_id=cust["customer_id"].astype("str"))
        base = cust.merge(base, on="customer_id", how="outer")
    for c in ("potential", "sector", "size"):
        if c not in base.columns:
            base[c] = np.nan if c == "potential" else None
    base["revenue"] = base["revenue"].fillna(0.0).astype("float64")
    base["potential"] = pd.to_numeric(base["potential"], errors="coerce").astype("float64")
    base["potential_source"] = np.where(base["potential"].notna(), "given", None)
    need = base["potential"].isna()
    buyers = base[base["revenue"] > 0]
    estimate = pd.Series(np.nan, index=base.index)
    source = pd.Series(None, index=base.index, dtype="object")
    for name, keys in (("peers_sector_size", ["sector", "size"]), ("peers_sector", ["sector"])):
        known = base[keys].notna().all(axis=1)
        pool = buyers[buyers[keys].notna().all(axis=1)]
        if pool.empty:
            continue
        g = pool.groupby(keys)["revenue"]
        stats = pd.DataFrame({"n": g.size(), "q": g.quantile(quantile)}).reset_index()
        stats = stats[stats["n"] >= min_peers]
        got = base[keys].merge(stats, on=keys, how="left")["q"].to_numpy()
        take = need & known & estimate.isna() & ~np.isnan(got)
        estimate[take] = got[take.to_numpy()]
        source[take] = name
    if len(buyers):
        rest = need & estimate.isna()
        estimate[rest] = buyers["revenue"].quantile(quantile)
        source[rest] = "portfolio"
    base.loc[need, "potential"] = np.maximum(estimate[need], base.loc[need, "revenue"])
    base.loc[need, "potential_source"] = source[need].fillna("unknown")
    base = base.sort_values("customer_id").reset_index(drop=True)
    return base[["customer_id", "revenue", "potential", "potential_source"]]


def pr_strategy(transactions: pd.DataFrame, as_of, customers: pd.DataFrame | None = None, *,
                window_months: int = 12, p_cut: float | None = None,
                r_cut: float | None = None, quantile: float = 0.75, min_peers: int = 3,
                strategies: Mapping[str, dict] | None = None) -> pd.DataFrame:
    """Potential (P) x realisation (R) quadrant and contact strategy of every customer.

    revenue = net revenue over ``(as_of - window_months, as_of]``; potential = annual
    potential (given or estimated, see :func:`estimate_potential`), raised to the revenue
    where the customer already buys more than it (a potential below what is realised is
    implausible: ``potential_raised`` flags those rows, ``declared_potential`` keeps the
    value of the customers table); penetration = revenue / potential, hence at most 1
    (NaN when the potential is 0 or unknown); P is "high" when
    potential >= p_cut, R is "high" when penetration >= r_cut (default cuts: the
    medians). Quadrants (``PR_STRATEGIES``): high P & low R -> develop, high P & high R
    -> defend, low P & high R -> maintain, low P & low R -> minimal. untapped =
    max(potential - revenue, 0), the potential at stake.

    Returns
    -------
    DataFrame
        customer_id, revenue, potential, potential_source, declared_potential (the
        given potential before raising, NaN when estimated), potential_raised,
        penetration, p_class, r_class, quadrant (categorical in ``PR_STRATEGIES``
        order), untapped; sorted by quadrant then untapped descending. ``attrs``: p_cut,
        r_cut, n_estimated (rows whose potential was estimated), n_unknown (rows left
        without a potential), n_raised (given potentials raised to the revenue).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": list("ABCD"),
    ...     "date": pd.to_datetime(["2024-03-01"] * 4), "amount": [90.0, 10.0, 40.0, 5.0]})
    >>> cust = pd.DataFrame({"customer_id": list("ABCD"),
    ...                      "potential": [100.0, 200.0, 50.0, 20.0]})
    >>> pr = pr_strategy(tx, "2024-06-30", cust)
    >>> pr.set_index("customer_id")["quadrant"].astype(str).to_dict()
    {'B': 'develop', 'A': 'defend', 'C': 'maintain', 'D': 'minimal'}
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    strat = _check_strategies(strategies)
    if int(window_months) != window_months or window_months < 1:
        raise ValueError("the revenue window must be a whole number of months, at least 1")
    orders = _purchases(transactions, as_of)
    start = as_of - pd.DateOffset(months=int(window_months))
    rev = orders.loc[orders["date"] > start].groupby("customer_id")["amount"].sum()
    bought = orders.loc[orders["amount"] > 0, "customer_id"].unique()
    rev = rev.reindex(pd.Index(bought).union(rev.index), fill_value=0.0)
    table = estimate_potential(rev, customers, quantile=quantile, min_peers=min_peers)
    pot = table["potential"].to_numpy(dtype="float64", na_value=np.nan)
    revenue = table["revenue"].to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        raised = np.isfinite(pot) & (revenue > pot)
    table["declared_potential"] = np.where(table["potential_source"] == "given", pot, np.nan)
    table["potential_raised"] = raised
    pot = np.where(raised, revenue, pot)
    table["potential"] = pot
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        pen = np.where(pot > 0, table["revenue"].to_numpy() / np.where(pot > 0, pot, 1), np.nan)
    table["penetration"] = pen
    if p_cut is None:
        p_cut = float(np.nanmedian(pot)) if np.isfinite(pot).any() else 0.0
    if r_cut is None:
        r_cut = float(np.nanmedian(pen)) if np.isfinite(pen).any() else 0.0
    with np.errstate(invalid="ignore"):
        p_high = np.nan_to_num(pot, nan=-np.inf) >= p_cut
        r_high = np.nan_to_num(pen, nan=-np.inf) >= r_cut
    table["p_class"] = np.where(p_high, "high", "low")
    table["r_class"] = np.where(r_high, "high", "low")
    lookup = {(s["p"], s["r"]): k for k, s in strat.items()}
    quad = [lookup[(p, r)] for p, r in zip(table["p_class"], table["r_class"])]
    table["quadrant"] = pd.Categorical(quad, categories=list(strat))
    table["untapped"] = np.maximum(table["potential"].fillna(0) - table["revenue"], 0.0)
    table = table.sort_values(["quadrant", "untapped", "customer_id"],
                              ascending=[True, False, True]).reset_index(drop=True)
    table.attrs.update(p_cut=float(p_cut), r_cut=float(r_cut),
                       n_estimated=int(table["potential_source"].isin(ESTIMATED_SOURCES).sum()),
                       n_unknown=int((table["potential_source"] == "unknown").sum()),
                       n_raised=int(raised.sum()))
    return table


def _check_strategies(strategies) -> dict[str, dict]:
    strat = dict(strategies if strategies is not None else PR_STRATEGIES)
    cells = sorted((s.get("p"), s.get("r")) for s in strat.values())
    if cells != [("high", "high"), ("high", "low"), ("low", "high"), ("low", "low")]:
        raise ValueError("the strategy map needs exactly one strategy for each of the four "
                         "P-R quadrants (p and r each 'high' or 'low')")
    return strat


def pr_summary(table: pd.DataFrame, strategies: Mapping[str, dict] | None = None
               ) -> pd.DataFrame:
    """Per quadrant: customers, share, revenue, potential, untapped, estimated potentials
    and the recommended contacts per year (from the strategy map), in map order.

    contacts_total = customers x contacts_per_year, the yearly contact workload;
    visits_total = customers x visits_per_year, the part of it made of visits (0 when
    the map gives no ``visits_per_year``).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"quadrant": ["develop", "develop", "minimal"],
    ...     "revenue": [10.0, 20.0, 5.0], "potential": [100.0, 80.0, 6.0],
    ...     "untapped": [90.0, 60.0, 1.0], "potential_source": ["given"] * 3})
    >>> pr_summary(t).set_index("quadrant").loc["develop", ["customers", "untapped"]].tolist()
    [2.0, 150.0]
    """
    strat = _check_strategies(strategies)
    keys = list(strat)
    q = pd.Categorical(table["quadrant"].astype("object"), categories=keys)
    frame = pd.DataFrame({
        "quadrant": q,
        "revenue": table["revenue"].to_numpy(dtype="float64", na_value=np.nan),
        "potential": table["potential"].to_numpy(dtype="float64", na_value=np.nan),
        "untapped": table["untapped"].to_numpy(dtype="float64", na_value=np.nan),
        "estimated": table["potential_source"].isin(ESTIMATED_SOURCES).to_numpy()
        if "potential_source" in table.columns else np.zeros(len(table), dtype=bool),
    })
    g = frame.groupby("quadrant", observed=False)
    out = pd.DataFrame({
        "customers": g.size(),
        "revenue": g["revenue"].sum(),
        "potential": g["potential"].sum(),
        "untapped": g["untapped"].sum(),
        "estimated": g["estimated"].sum(),
    }).reindex(keys).fillna(0)
    out["customers"] = out["customers"].astype("int64")
    out["estimated"] = out["estimated"].astype("int64")
    n = out["customers"].sum()
    out.insert(1, "share", out["customers"] / n if n else 0.0)
    out["contacts_per_year"] = [strat[k].get("contacts_per_year", np.nan) for k in keys]
    out["contacts_total"] = out["customers"] * out["contacts_per_year"]
    out["visits_per_year"] = [strat[k].get("visits_per_year", 0) for k in keys]
    out["visits_total"] = out["customers"] * out["visits_per_year"]
    out.index.name = "quadrant"
    return out.reset_index()
