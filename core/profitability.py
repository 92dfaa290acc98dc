"""Client P&L (compte d'exploitation client), contact devourers, acquisition, penetration.

DOMAIN.md section 3. Over the ``months`` months up to the reference date ``as_of``
(window ``(as_of - months, as_of]``), per customer:

    revenue (CA HT, credit notes deducted)
  - cost of goods            revenue - margin (margin column; else revenue x (1 - margin rate))
  = gross margin
  - discounts                column ``discount`` of the lines if any, plus revenue x rate
  - contact costs            per contact: the recorded cost, else the cost of its channel;
                             or one cost per contact for all (yearly sales-force cost /
                             yearly number of contacts, see :func:`contact_unit_cost`)
  - logistics                orders x cost per order
  - cost of credit           revenue incl. tax x payment days x rate / 360
  = net commercial margin

Costing assumptions are data (:class:`CostParams`) the user can change from the page.

Example
-------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"],
...     "date": pd.to_datetime(["2024-03-01", "2024-05-01", "2024-04-01"]),
...     "amount": [1000.0, 1000.0, 500.0], "margin": [600.0, 600.0, 150.0]})
>>> ct = pd.DataFrame({"customer_id": ["B"] * 4, "date": pd.to_datetime(["2024-04-01"] * 4),
...     "channel": ["visite"] * 4})
>>> p = client_pnl(tx, "2024-06-30", contacts=ct, params=CostParams(
...     channel_costs={"visit": 100.0}, logistics_per_order=10.0, credit_rate=0.0))
>>> p[["customer_id", "gross_margin", "contact_cost", "net_margin"]]
  customer_id  gross_margin  contact_cost  net_margin
0           A        1200.0           0.0      1180.0
1           B         150.0         400.0      -260.0
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import duckdb
import numpy as np
import pandas as pd

from core.features import check_transactions, to_timestamp
from core.schema import normalise_header

__all__ = [
    "CostParams", "DEFAULT_CHANNEL_COSTS", "CHANNEL_ALIASES", "contact_unit_cost",
    "channel_key", "contact_costs", "client_pnl", "pnl_by_class", "pnl_totals",
    "pnl_waterfall", "compare_pnl", "least_profitable", "contact_devourers",
    "acquisition_cost_estimate", "acquisition_payback", "cohort_margin_curve",
    "penetration", "penetration_by_class", "potential_concentration", "PNL_STEPS",
    "QUADRANTS", "with_params",
]

# Cost of one contact per channel, in euros (course orders of magnitude: a field visit
# costs a hundred euros or more once travel and time are counted, a call about ten).
DEFAULT_CHANNEL_COSTS: dict[str, float] = {
    "visit": 150.0, "phone": 12.0, "email": 2.0, "mailing": 1.5, "trade show": 80.0,
    "sms": 0.2, "video": 30.0, "other": 20.0,
}

# Normalised channel labels (see core.schema.normalise_header) -> key of the cost table.
CHANNEL_ALIASES: dict[str, str] = {
    "visite": "visit", "visit": "visit", "visites": "visit", "rendez vous": "visit",
    "rdv": "visit", "meeting": "visit", "field visit": "visit", "visite terrain": "visit",
    "telephone": "phone", "phone": "phone", "appel": "phone", "call": "phone", "tel": "phone",
    "phoning": "phone", "teleprospection": "phone",
    "e mail": "email", "email": "email", "mail": "email", "courriel": "email",
    "newsletter": "email",
    "publipostage": "mailing", "mailing": "mailing", "courrier": "mailing",
    "direct mail": "mailing", "letter": "mailing", "lettre": "mailing", "catalogue": "mailing",
    "salon": "trade show", "trade show": "trade show", "foire": "trade show",
    "fair": "trade show", "exhibition": "trade show", "evenement": "trade show",
    "event": "trade show", "sms": "sms", "text": "sms",
    "visio": "video", "video": "video", "visioconference": "video", "webinar": "video",
    "webinaire": "video",
}

# Order of the P&L lines (money columns of client_pnl) and their sign in the waterfall.
PNL_STEPS: tuple[tuple[str, int], ...] = (
    ("revenue", 1), ("cogs", -1), ("gross_margin", 0), ("discounts", -1),
    ("contact_cost", -1), ("logistics_cost", -1), ("credit_cost", -1), ("net_margin", 0),
)


@dataclass(frozen=True)
class CostParams:
    """Costing assumptions of the client P&L (all editable on the page).

    Attributes
    ----------
    months : int
        Length of the window, in months up to ``as_of``.
    margin_rate : float
        Margin / revenue used when the sales lines have no margin (or a line lacks it).
    discount_rate : float
        End-of-year discounts and rebates as a share of revenue (added to the
        ``discount`` column of the lines when there is one).
    channel_costs : dict
        Cost of one contact per channel key (see ``CHANNEL_ALIASES``); "other" for
        unknown channels.
    cost_per_contact : float, optional
        When set, every contact costs this (e.g. yearly sales-force cost / yearly
        contacts), whatever its channel or recorded cost.
    use_recorded_cost : bool
        Use the ``cost`` column of the contacts when it is filled (default True).
    contact_cost_factor : float
        Multiplies every contact's cost (what-if: 1.1 = contacts 10 % dearer).
    logistics_per_order : float
        Preparation and delivery cost per order, euros.
    credit_rate : float
        Yearly rate of financing the customers' payment delay.
    payment_days : float
        Payment delay used for customers without ``payment_terms_days``.
    vat_rate : float
        VAT rate; the credit is on amounts including tax.
    """

    months: int = 12
    margin_rate: float = 0.30
    discount_rate: float = 0.0
    channel_costs: dict = field(default_factory=lambda: dict(DEFAULT_CHANNEL_COSTS))
    cost_per_contact: float | None = None
    use_recorded_cost: bool = True
    contact_cost_factor: float = 1.0
    logistics_per_order: float = 15.0
    credit_rate: float = 0.05
    payment_days: float = 30.0
    vat_rate: float = 0.20

    def check(self) -> CostParams:
        """Raise ValueError with a sentence when a value is out of range; return self."""
        if int(self.months) != self.months or self.months < 1:
            raise ValueError("the P&L period must be a whole number of months (1 or more)")
        if not 0 <= self.margin_rate <= 1:
            raise ValueError("the margin rate must be between 0 % and 100 %")
        if not 0 <= self.discount_rate <= 1:
            raise ValueError("the discount rate must be between 0 % and 100 %")
        for name in ("logistics_per_order", "credit_rate", "payment_days", "vat_rate",
                     "contact_cost_factor"):
            v = getattr(self, name)
            if not np.isfinite(v) or v < 0:
                raise ValueError(f"{name.replace('_', ' ')} must be zero or positive")
        if self.cost_per_contact is not None and (not np.isfinite(self.cost_per_contact)
                                                  or self.cost_per_contact < 0):
            raise ValueError("the cost of a contact must be zero or positive")
        for k, v in self.channel_costs.items():
            if not np.isfinite(v) or v < 0:
                raise ValueError(f"the cost of the channel '{k}' must be zero or positive")
        return self


def contact_unit_cost(sales_force_cost: float, n_contacts: float) -> float:
    """Cost of one contact (prix de revient d'un contact).

    ``cost = yearly cost of the sales force / yearly number of contacts``.

    Raises
    ------
    ValueError
        A negative cost or no contact.

    Examples
    --------
    >>> contact_unit_cost(240_000.0, 3_000)
    80.0
    """
    if not np.isfinite(sales_force_cost) or sales_force_cost < 0:
        raise ValueError("the yearly cost of the sales force must be zero or positive")
    if not n_contacts or n_contacts <= 0:
        raise ValueError("the yearly number of contacts must be positive")
    return float(sales_force_cost) / float(n_contacts)


def channel_key(channel) -> str:
    """Cost-table key of a channel label ("Téléphone" -> "phone"; unknown -> "other").

    >>> channel_key("Visite"), channel_key("E-mail"), channel_key("pigeon")
    ('visit', 'email', 'other')
    """
    if channel is None or (isinstance(channel, float) and np.isnan(channel)):
        return "other"
    return CHANNEL_ALIASES.get(normalise_header(channel), "other")


def _window(as_of: pd.Timestamp, months: int) -> pd.Timestamp:
    return as_of - pd.DateOffset(months=int(months))


def contact_costs(contacts: pd.DataFrame, as_of, params: CostParams | None = None
                  ) -> pd.DataFrame:
    """The contacts of the window with their channel key and cost.

    Cost of a contact: ``params.cost_per_contact`` when set; else the recorded ``cost``
    when filled (and ``use_recorded_cost``); else the cost of its channel; times
    ``params.contact_cost_factor``.

    Returns
    -------
    DataFrame
        customer_id, date, channel_key, cost, for the contacts in
        ``(as_of - months, as_of]``.

    Examples
    --------
    >>> import pandas as pd
    >>> ct = pd.DataFrame({"customer_id": ["A", "A"], "date": pd.to_datetime(["2024-05-01"] * 2),
    ...     "channel": ["téléphone", "visite"], "cost": [None, 90.0]})
    >>> contact_costs(ct, "2024-06-30")["cost"].tolist()
    [12.0, 90.0]
    """
    as_of = to_timestamp(as_of)
    params = (params or CostParams()).check()
    _check_contacts(contacts)
    c = contacts[(contacts["date"] <= as_of) & (contacts["date"] > _window(as_of, params.months))
                 & contacts["customer_id"].notna()]
    keys = (c["channel"].map(channel_key) if "channel" in c.columns
            else pd.Series("other", index=c.index))
    table = {**DEFAULT_CHANNEL_COSTS, **params.channel_costs}
    cost = keys.map(lambda k: table.get(k, table.get("other", 0.0))).astype("float64")
    if params.cost_per_contact is not None:
        cost = pd.Series(float(params.cost_per_contact), index=c.index)
    elif params.use_recorded_cost and "cost" in c.columns:
        rec = pd.to_numeric(c["cost"], errors="coerce")
        cost = rec.where(rec.notna() & (rec >= 0), cost)
    cost = cost * float(params.contact_cost_factor)
    return pd.DataFrame({"customer_id": c["customer_id"].astype("str").to_numpy(),
                         "date": c["date"].to_numpy(),
                         "channel_key": keys.astype("str").to_numpy(),
                         "cost": cost.to_numpy(dtype="float64")})


def _check_contacts(contacts: pd.DataFrame) -> None:
    missing = [c for c in ("customer_id", "date") if c not in contacts.columns]
    if missing:
        raise ValueError("the contacts table lacks the column(s) " + ", ".join(
            f"'{c}'" for c in missing) + "; map them on the Data page")


def _sales(transactions: pd.DataFrame, as_of: pd.Timestamp, start: pd.Timestamp | None,
           margin_rate: float) -> pd.DataFrame:
    """Per customer over (start, as_of]: revenue, margin, discount, orders, and whether
    the customer bought before ``as_of`` (``ever``). ``start=None`` means no lower bound."""
    cols = ["customer_id", "date", "amount"]
    for c in ("invoice_id", "margin", "discount"):
        if c in transactions.columns:
            cols.append(c)
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        con.register("_raw", transactions[cols])
        key = ("coalesce(invoice_id::VARCHAR, customer_id || '-' || strftime(date, '%Y-%m-%d'))"
               if "invoice_id" in cols else "customer_id || '-' || strftime(date, '%Y-%m-%d')")
        margin = (f"coalesce(margin, amount * {float(margin_rate)!r})" if "margin" in cols
                  else f"amount * {float(margin_rate)!r}")
        disc = "coalesce(discount, 0.0)" if "discount" in cols else "0.0"
        lo = f"date::DATE > DATE '{start:%Y-%m-%d}'" if start is not None else "TRUE"
        out = con.sql(
            f"""WITH t AS (
                    SELECT customer_id::VARCHAR AS customer_id, date::DATE AS date,
                           coalesce(amount, 0.0) AS amount, {margin} AS margin,
                           {disc} AS discount, {key} AS order_key
                    FROM _raw WHERE customer_id IS NOT NULL AND date IS NOT NULL
                        AND date::DATE <= DATE '{as_of:%Y-%m-%d}'),
                o AS (SELECT customer_id, order_key, sum(amount) AS amount,
                             sum(margin) AS margin, sum(discount) AS discount,
                             bool_or({lo}) AS in_window
                      FROM t GROUP BY customer_id, order_key)
                SELECT customer_id,
                       coalesce(sum(amount) FILTER (WHERE in_window), 0) AS revenue,
                       coalesce(sum(margin) FILTER (WHERE in_window), 0) AS margin,
                       coalesce(sum(discount) FILTER (WHERE in_window), 0) AS discount,
                       count(*) FILTER (WHERE in_window AND amount > 0) AS orders,
                       count(*) FILTER (WHERE amount > 0) > 0 AS ever
                FROM o GROUP BY customer_id ORDER BY customer_id"""
        ).to_arrow_table().to_pandas()
    finally:
        con.close()
    out["customer_id"] = out["customer_id"].astype("str")
    return out


def _payment_days(ids: pd.Series, customers: pd.DataFrame | None, default: float
                  ) -> np.ndarray:
    days = pd.Series(float(default), index=ids.index)
    if customers is not None and {"customer_id", "payment_terms_days"} <= set(customers.columns):
        terms = (customers.drop_duplicates("customer_id")
                 .set_index(customers.drop_duplicates("customer_id")["customer_id"]
                            .astype("str"))["payment_terms_days"])
        terms = pd.to_numeric(terms, errors="coerce")
        got = ids.map(terms)
        days = got.where(got.notna() & (got >= 0), days)
    return days.to_numpy(dtype="float64")


def client_pnl(transactions: pd.DataFrame, as_of, customers: pd.DataFrame | None = None,
               contacts: pd.DataFrame | None = None, params: CostParams | None = None
               ) -> pd.DataFrame:
    """Client P&L (compte d'exploitation client) per customer over the window.

    See the module docstring for the lines. The customers are those with sales in the
    window, plus former customers (a purchase before the window) who received contacts in
    it; prospects who never bought are left to :func:`acquisition_cost_estimate`.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines (customer_id, date, amount; optional invoice_id, margin and a
        non-canonical ``discount`` column, positive amounts).
    as_of : date-like
        Reference date (end of the window).
    customers : DataFrame, optional
        For ``payment_terms_days`` (else ``params.payment_days``).
    contacts : DataFrame, optional
        customer_id, date, optional channel and cost. Without it, contact costs are 0.
    params : CostParams, optional
        Costing assumptions.

    Returns
    -------
    DataFrame
        customer_id, revenue, cogs, gross_margin, discounts, contacts, contact_cost,
        orders, logistics_cost, payment_days, credit_cost, net_margin, net_margin_rate
        (net margin / revenue, NaN without revenue); sorted by customer_id.

    Raises
    ------
    ValueError
        Missing columns, an invalid date or cost parameter.
    """
    as_of = to_timestamp(as_of)
    params = (params or CostParams()).check()
    check_transactions(transactions)
    start = _window(as_of, params.months)
    s = _sales(transactions, as_of, start, params.margin_rate)
    if contacts is not None and len(contacts):
        cc = contact_costs(contacts, as_of, params)
        per = cc.groupby("customer_id").agg(contacts=("cost", "size"), contact_cost=("cost", "sum"))
    else:
        per = pd.DataFrame({"contacts": pd.Series(dtype="int64"),
                            "contact_cost": pd.Series(dtype="float64")},
                           index=pd.Index([], dtype="str", name="customer_id"))
    s = s.set_index("customer_id").join(per, how="left")
    s["contacts"] = s["contacts"].fillna(0).astype("int64")
    s["contact_cost"] = s["contact_cost"].fillna(0.0).astype("float64")
    keep = (s["revenue"] != 0) | (s["orders"] > 0) | (s["ever"] & (s["contacts"] > 0))
    s = s[keep].reset_index()
    out = pd.DataFrame({"customer_id": s["customer_id"].astype("str")})
    out["revenue"] = s["revenue"].astype("float64")
    out["gross_margin"] = s["margin"].astype("float64")
    out["cogs"] = out["revenue"] - out["gross_margin"]
    out["discounts"] = (s["discount"].astype("float64").abs()
                        + out["revenue"].clip(lower=0) * params.discount_rate)
    out["contacts"] = s["contacts"].astype("int64")
    out["contact_cost"] = s["contact_cost"]
    out["orders"] = s["orders"].astype("int64")
    out["logistics_cost"] = out["orders"] * float(params.logistics_per_order)
    out["payment_days"] = _payment_days(out["customer_id"], customers, params.payment_days)
    out["credit_cost"] = (out["revenue"].clip(lower=0) * (1 + params.vat_rate)
                          * out["payment_days"] * params.credit_rate / 360.0)
    out["net_margin"] = (out["gross_margin"] - out["discounts"] - out["contact_cost"]
                         - out["logistics_cost"] - out["credit_cost"])
    with np.errstate(divide="ignore", invalid="ignore"):
        out["net_margin_rate"] = np.where(out["revenue"] > 0,
                                          out["net_margin"] / out["revenue"].where(
                                              out["revenue"] > 0, 1.0), np.nan)
    cols = ["customer_id", "revenue", "cogs", "gross_margin", "discounts", "contacts",
            "contact_cost", "orders", "logistics_cost", "payment_days", "credit_cost",
            "net_margin", "net_margin_rate"]
    return out[cols].sort_values("customer_id", kind="stable").reset_index(drop=True)


_MONEY = ("revenue", "cogs", "gross_margin", "discounts", "contact_cost", "logistics_cost",
          "credit_cost", "net_margin")


def _check_pnl(pnl: pd.DataFrame) -> None:
    missing = [c for c in ("customer_id", *_MONEY) if c not in pnl.columns]
    if missing:
        raise ValueError("the client P&L table lacks " + ", ".join(missing))


def pnl_totals(pnl: pd.DataFrame) -> dict:
    """Totals of the P&L lines over all customers, plus contacts, orders, customers and
    unprofitable (count with net margin < 0).

    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["A", "B"], "revenue": [10.0, 5.0], "cogs": [4.0, 3.0],
    ...     "gross_margin": [6.0, 2.0], "discounts": [0.0, 0.0], "contacts": [1, 3],
    ...     "contact_cost": [1.0, 3.0], "orders": [1, 1], "logistics_cost": [0.0, 0.0],
    ...     "credit_cost": [0.0, 0.0], "net_margin": [5.0, -1.0]})
    >>> t = pnl_totals(p)
    >>> t["net_margin"], t["unprofitable"], t["customers"]
    (4.0, 1, 2)
    """
    _check_pnl(pnl)
    out = {c: float(pnl[c].sum()) for c in _MONEY}
    out["contacts"] = int(pnl["contacts"].sum()) if "contacts" in pnl.columns else 0
    out["orders"] = int(pnl["orders"].sum()) if "orders" in pnl.columns else 0
    out["customers"] = int(len(pnl))
    out["unprofitable"] = int((pnl["net_margin"] < 0).sum())
    return out


def pnl_by_class(pnl: pd.DataFrame, classes: pd.Series) -> pd.DataFrame:
    """The client P&L summed per class (ABC class, segment, rep...).

    Parameters
    ----------
    pnl : DataFrame
        Output of :func:`client_pnl`.
    classes : Series
        Class per customer_id; customers without one go to "(none)".

    Returns
    -------
    DataFrame
        class, customers, the money lines summed, contacts, orders, net_margin_rate
        (net / revenue), unprofitable (customers with a net margin < 0), share_net_margin
        (of the total net margin, NaN when it is 0); classes in sorted order.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["A", "B", "C"], "revenue": [10.0, 5.0, 5.0],
    ...     "cogs": [4.0, 3.0, 3.0], "gross_margin": [6.0, 2.0, 2.0],
    ...     "discounts": [0.0] * 3, "contacts": [1, 3, 0], "contact_cost": [1.0, 3.0, 0.0],
    ...     "orders": [1, 1, 1], "logistics_cost": [0.0] * 3, "credit_cost": [0.0] * 3,
    ...     "net_margin": [5.0, -1.0, 2.0]})
    >>> pnl_by_class(p, pd.Series({"A": "A", "B": "B", "C": "B"}))[
    ...     ["class", "customers", "net_margin", "unprofitable"]]
      class  customers  net_margin  unprofitable
    0     A          1         5.0             0
    1     B          2         1.0             1
    """
    _check_pnl(pnl)
    cls = pnl["customer_id"].map(classes).fillna("(none)").astype("str")
    frame = pnl.assign(_class=cls.to_numpy(), _loss=(pnl["net_margin"] < 0).astype("int64"))
    agg = {c: (c, "sum") for c in _MONEY}
    for c in ("contacts", "orders"):
        if c in frame.columns:
            agg[c] = (c, "sum")
    out = frame.groupby("_class", sort=True).agg(customers=("customer_id", "size"),
                                                 unprofitable=("_loss", "sum"), **agg)
    out = out.reset_index().rename(columns={"_class": "class"})
    with np.errstate(divide="ignore", invalid="ignore"):
        out["net_margin_rate"] = np.where(out["revenue"] > 0, out["net_margin"]
                                          / out["revenue"].where(out["revenue"] > 0, 1.0),
                                          np.nan)
    total = out["net_margin"].sum()
    out["share_net_margin"] = out["net_margin"] / total if total else np.nan
    out["class"] = out["class"].astype("str")
    out["unprofitable"] = out["unprofitable"].astype("int64")
    return out


def pnl_waterfall(pnl: pd.DataFrame, customer_id: str | None = None) -> pd.DataFrame:
    """The steps of a waterfall chart from revenue to net margin.

    For one customer (``customer_id``) or, by default, the whole portfolio. Costs are
    negative steps; gross and net margin are totals drawn from zero.

    Returns
    -------
    DataFrame
        step (the P&L line name), kind ("total" or "cost"), amount (signed), start, end
        (bar bounds).

    Raises
    ------
    ValueError
        When ``customer_id`` is not in the table.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["A"], "revenue": [100.0], "cogs": [60.0],
    ...     "gross_margin": [40.0], "discounts": [5.0], "contact_cost": [10.0],
    ...     "logistics_cost": [3.0], "credit_cost": [2.0], "net_margin": [20.0]})
    >>> pnl_waterfall(p, "A")[["step", "amount", "start", "end"]]
                 step  amount  start    end
    0         revenue   100.0    0.0  100.0
    1            cogs   -60.0  100.0   40.0
    2    gross_margin    40.0    0.0   40.0
    3       discounts    -5.0   40.0   35.0
    4    contact_cost   -10.0   35.0   25.0
    5  logistics_cost    -3.0   25.0   22.0
    6     credit_cost    -2.0   22.0   20.0
    7      net_margin    20.0    0.0   20.0
    """
    _check_pnl(pnl)
    if customer_id is None:
        values = pnl_totals(pnl)
    else:
        row = pnl[pnl["customer_id"].astype("str") == str(customer_id)]
        if row.empty:
            raise ValueError(f"the customer '{customer_id}' has no P&L in this period")
        values = {c: float(row[c].iloc[0]) for c in _MONEY}
    rows = []
    level = 0.0
    for step, sign in PNL_STEPS:
        v = values[step]
        if sign == 0 or step == "revenue":
            rows.append((step, "total", v, 0.0, v))
            level = v
        else:
            amount = -v
            rows.append((step, "cost", amount, level, level + amount))
            level += amount
    out = pd.DataFrame(rows, columns=["step", "kind", "amount", "start", "end"])
    out["step"] = out["step"].astype("str")
    out["kind"] = out["kind"].astype("str")
    return out


def compare_pnl(base: pd.DataFrame, scenario: pd.DataFrame) -> pd.DataFrame:
    """Totals of two client P&Ls side by side (a what-if on costs or discounts).

    Returns
    -------
    DataFrame
        item (P&L line, plus "unprofitable"), base, scenario, change.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["A"], "revenue": [100.0], "cogs": [60.0],
    ...     "gross_margin": [40.0], "discounts": [5.0], "contact_cost": [10.0],
    ...     "logistics_cost": [3.0], "credit_cost": [2.0], "net_margin": [20.0]})
    >>> q = p.assign(contact_cost=15.0, net_margin=15.0)
    >>> compare_pnl(p, q).set_index("item").loc["net_margin", "change"]
    np.float64(-5.0)
    """
    a, b = pnl_totals(base), pnl_totals(scenario)
    items = [s for s, _ in PNL_STEPS] + ["unprofitable"]
    out = pd.DataFrame({"item": items, "base": [float(a[i]) for i in items],
                        "scenario": [float(b[i]) for i in items]})
    out["change"] = out["scenario"] - out["base"]
    out["item"] = out["item"].astype("str")
    return out


def least_profitable(pnl: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` customers with the lowest net commercial margin (most negative first).

    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["A", "B", "C"], "net_margin": [5.0, -3.0, 1.0]})
    >>> least_profitable(p, 2)["customer_id"].tolist()
    ['B', 'C']
    """
    if "net_margin" not in pnl.columns:
        raise ValueError("the client P&L table lacks net_margin")
    if n < 0:
        raise ValueError("n must be zero or positive")
    return pnl.sort_values(["net_margin", "customer_id"], kind="stable").head(n).reset_index(
        drop=True)


# -- contact devourers --------------------------------------------------------------------
QUADRANTS = ("devourer", "invest", "efficient", "low")


def contact_devourers(pnl: pd.DataFrame, ratio: float = 2.0) -> pd.DataFrame:
    """Share of contacts vs share of margin per customer (dévoreurs de contacts).

    ``share_contacts = contacts_i / sum contacts``; ``share_margin = max(gross margin_i, 0)
    / sum max(gross margin, 0)``. Quadrants split at the average share ``1 / n``:
    "devourer" (many contacts, little margin), "invest" (many contacts, much margin),
    "efficient" (few contacts, much margin), "low" (few of both). A customer is flagged a
    devourer when his share of contacts is above average and at least ``ratio`` times his
    share of margin.

    Parameters
    ----------
    pnl : DataFrame
        Output of :func:`client_pnl` (customer_id, contacts, contact_cost, gross_margin,
        net_margin).
    ratio : float, default 2.0
        How many times the share of margin the share of contacts must reach.

    Returns
    -------
    DataFrame
        customer_id, contacts, contact_cost, gross_margin, net_margin, share_contacts,
        share_margin, ratio (share_contacts / share_margin, inf when no margin),
        quadrant, devourer; devourers first, by the gap between the two shares.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"customer_id": ["A", "B", "C", "D"], "contacts": [10, 2, 1, 1],
    ...     "contact_cost": [100.0, 20.0, 10.0, 10.0], "gross_margin": [50.0, 800.0, 100.0, 50.0],
    ...     "net_margin": [-50.0, 780.0, 90.0, 40.0]})
    >>> contact_devourers(p)[["customer_id", "share_contacts", "share_margin", "devourer"]]
      customer_id  share_contacts  share_margin  devourer
    0           A        0.714286          0.05      True
    1           D        0.071429          0.05     False
    2           C        0.071429          0.10     False
    3           B        0.142857          0.80     False
    """
    need = ("customer_id", "contacts", "gross_margin")
    missing = [c for c in need if c not in pnl.columns]
    if missing:
        raise ValueError("the client P&L table lacks " + ", ".join(missing))
    if not np.isfinite(ratio) or ratio <= 0:
        raise ValueError("the ratio must be a positive number")
    out = pnl[[c for c in ("customer_id", "contacts", "contact_cost", "gross_margin",
                           "net_margin") if c in pnl.columns]].copy()
    n = len(out)
    tc = float(out["contacts"].sum())
    pos = out["gross_margin"].clip(lower=0)
    tm = float(pos.sum())
    out["share_contacts"] = out["contacts"] / tc if tc else 0.0
    out["share_margin"] = pos / tm if tm else 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = np.where(out["share_margin"] > 0,
                                out["share_contacts"] / out["share_margin"].where(
                                    out["share_margin"] > 0, 1.0),
                                np.where(out["share_contacts"] > 0, np.inf, np.nan))
    avg = 1.0 / n if n else 0.0
    hi_c = out["share_contacts"] > avg
    hi_m = out["share_margin"] > avg
    out["quadrant"] = np.select([hi_c & ~hi_m, hi_c & hi_m, ~hi_c & hi_m],
                                ["devourer", "invest", "efficient"], "low")
    out["quadrant"] = out["quadrant"].astype("str")
    out["devourer"] = hi_c & (out["share_contacts"] >= ratio * out["share_margin"])
    out["_gap"] = out["share_contacts"] - out["share_margin"]
    out = out.sort_values(["devourer", "_gap", "customer_id"], ascending=[False, False, True],
                          kind="stable")
    return out.drop(columns="_gap").reset_index(drop=True)


# -- acquisition ----------------------------------------------------------------------------
def _first_purchases(transactions: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    t = transactions[(transactions["date"] <= as_of) & (transactions["amount"] > 0)
                     & transactions["customer_id"].notna()]
    first = t.groupby(t["customer_id"].astype("str"))["date"].min()
    return first.dt.normalize()


def acquisition_cost_estimate(transactions: pd.DataFrame, contacts: pd.DataFrame, as_of,
                              params: CostParams | None = None) -> dict:
    """Cost of winning a customer, from prospection contacts and conversions.

    Prospection contacts are the contacts of the window with someone who had not bought
    yet at that date (a prospect, or a customer before his first order).
    ``cost per new customer = cost of the prospection contacts / customers whose first
    purchase falls in the window``.

    Returns
    -------
    dict
        prospection_contacts, prospection_cost, new_customers, prospects_contacted
        (contacted, not converted yet), cost_per_new_customer (NaN without a new customer),
        contacts_per_conversion, conversion_rate (new customers / people contacted in
        prospection, NaN if none).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "B"], "amount": [100.0, 100.0],
    ...     "date": pd.to_datetime(["2024-04-01", "2022-01-01"])})
    >>> ct = pd.DataFrame({"customer_id": ["A", "A", "P", "B"], "channel": ["visite"] * 4,
    ...     "date": pd.to_datetime(["2024-02-01", "2024-03-01", "2024-03-01", "2024-03-01"])})
    >>> e = acquisition_cost_estimate(tx, ct, "2024-06-30", CostParams(cost_per_contact=100.0))
    >>> e["prospection_cost"], e["new_customers"], e["cost_per_new_customer"]
    (300.0, 1, 300.0)
    """
    as_of = to_timestamp(as_of)
    params = (params or CostParams()).check()
    check_transactions(transactions)
    cc = contact_costs(contacts, as_of, params)
    first = _first_purchases(transactions, as_of)
    fp = cc["customer_id"].map(first)
    prosp = cc[fp.isna() | (cc["date"] < fp)]
    start = _window(as_of, params.months)
    new = first[(first > start) & (first <= as_of)]
    n_new = int(len(new))
    people = prosp["customer_id"].nunique()
    converted = prosp["customer_id"].isin(new.index).groupby(prosp["customer_id"]).any()
    cost = float(prosp["cost"].sum())
    return {
        "prospection_contacts": int(len(prosp)),
        "prospection_cost": cost,
        "new_customers": n_new,
        "prospects_contacted": int((~converted).sum()),
        "cost_per_new_customer": cost / n_new if n_new else float("nan"),
        "contacts_per_conversion": len(prosp) / n_new if n_new else float("nan"),
        "conversion_rate": float(converted.sum()) / people if people else float("nan"),
    }


_COHORT_FREQ = {"M": "M", "Q": "Q", "Y": "Y"}


def _customer_margins(transactions: pd.DataFrame, as_of: pd.Timestamp, margin_rate: float
                      ) -> pd.DataFrame:
    """Lines up to as_of with customer_id (str), date, margin (column or amount x rate)."""
    t = transactions[(transactions["date"] <= as_of) & transactions["customer_id"].notna()]
    if "margin" in t.columns:
        m = t["margin"].where(t["margin"].notna(), t["amount"] * margin_rate)
    else:
        m = t["amount"] * margin_rate
    return pd.DataFrame({"customer_id": t["customer_id"].astype("str").to_numpy(),
                         "date": t["date"].to_numpy(), "margin": m.to_numpy(dtype="float64")})


def cohort_margin_curve(transactions: pd.DataFrame, as_of, cohort: str = "Y",
                        margin_rate: float = 0.30, max_months: int = 36) -> pd.DataFrame:
    """Cumulative margin per new customer, by months since the first purchase, per cohort.

    A customer's month 1 is the calendar month of his first purchase; the margin of his
    lines up to that month's end is summed, then divided by the cohort's head-count.
    Points go up to the month of ``as_of`` for the cohort's earliest customer, so the
    last points of a cohort are partial (its later customers have not reached them).

    Returns
    -------
    DataFrame
        cohort (text: "2023", "2023Q2" or "2023-05"), month (1..), customers,
        cum_margin_per_customer.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A"], "amount": [100.0, 50.0],
    ...     "date": pd.to_datetime(["2024-01-10", "2024-03-05"])})
    >>> cohort_margin_curve(tx, "2024-03-31", margin_rate=0.5)["cum_margin_per_customer"].tolist()
    [50.0, 50.0, 75.0]
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    if cohort not in _COHORT_FREQ:
        raise ValueError("the cohort must be 'M' (month), 'Q' (quarter) or 'Y' (year)")
    lines = _customer_margins(transactions, as_of, margin_rate)
    first = _first_purchases(transactions, as_of)
    if first.empty:
        return pd.DataFrame({"cohort": pd.Series(dtype="str"), "month": pd.Series(dtype="int64"),
                             "customers": pd.Series(dtype="int64"),
                             "cum_margin_per_customer": pd.Series(dtype="float64")})
    lines = lines[lines["customer_id"].isin(first.index)]
    fm = first.dt.to_period("M")
    k = (lines["date"].dt.to_period("M").astype("int64")
         - lines["customer_id"].map(fm).astype("int64")).to_numpy()
    lines = lines.assign(k=k)
    lines = lines[lines["k"] >= 0]
    coh = first.dt.to_period(_COHORT_FREQ[cohort]).astype("str")
    lines["cohort"] = lines["customer_id"].map(coh)
    n_cust = coh.value_counts()
    horizon = int(min(max_months, (as_of.to_period("M") - fm.min()).n + 1))
    grid = pd.MultiIndex.from_product([sorted(n_cust.index), range(horizon)],
                                      names=["cohort", "k"])
    m = lines.groupby(["cohort", "k"])["margin"].sum().reindex(grid, fill_value=0.0)
    m = m.groupby(level="cohort").cumsum().reset_index()
    # keep, per cohort, the months its first customer has reached
    cohort_start = first.groupby(coh).min().dt.to_period("M")
    reach = {c: (as_of.to_period("M") - p).n + 1 for c, p in cohort_start.items()}
    m = m[m["k"] < m["cohort"].map(reach)]
    out = pd.DataFrame({"cohort": m["cohort"].astype("str").to_numpy(),
                        "month": (m["k"] + 1).astype("int64").to_numpy()})
    out["customers"] = out["cohort"].map(n_cust).astype("int64").to_numpy()
    out["cum_margin_per_customer"] = m["margin"].to_numpy() / out["customers"].to_numpy()
    return out


def acquisition_payback(transactions: pd.DataFrame, as_of, acquisition_cost: float | None = None,
                        customers: pd.DataFrame | None = None, cohort: str = "Y",
                        margin_rate: float = 0.30) -> pd.DataFrame:
    """Payback in months and ROI of the acquisition cost, per cohort of new customers.

    A customer's acquisition cost is his ``acquisition_cost`` in the customers table when
    filled, else ``acquisition_cost`` (e.g. from :func:`acquisition_cost_estimate`).
    ``ROI = (margin to date - acquisition cost) / acquisition cost``; the payback is the
    first month (1 = the month of the first purchase) where the cohort's cumulative margin
    covers its acquisition cost (NaN when not reached yet).

    Returns
    -------
    DataFrame
        cohort, customers, acquisition_cost (total), cost_per_customer, margin_to_date,
        margin_per_customer, roi, payback_months; sorted by cohort.

    Raises
    ------
    ValueError
        When no acquisition cost is known (neither the column nor the parameter).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [100.0, 300.0, 100.0],
    ...     "date": pd.to_datetime(["2024-01-10", "2024-03-05", "2024-02-01"])})
    >>> acquisition_payback(tx, "2024-06-30", acquisition_cost=100.0, margin_rate=0.5)[
    ...     ["cohort", "customers", "margin_to_date", "roi", "payback_months"]]
      cohort  customers  margin_to_date   roi  payback_months
    0   2024          2           250.0  0.25             3.0
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    if cohort not in _COHORT_FREQ:
        raise ValueError("the cohort must be 'M' (month), 'Q' (quarter) or 'Y' (year)")
    first = _first_purchases(transactions, as_of)
    cost = pd.Series(np.nan, index=first.index, dtype="float64")
    if customers is not None and {"customer_id", "acquisition_cost"} <= set(customers.columns):
        c = customers.drop_duplicates("customer_id")
        known = pd.Series(pd.to_numeric(c["acquisition_cost"], errors="coerce").to_numpy(),
                          index=c["customer_id"].astype("str"))
        cost = first.index.to_series().map(known).astype("float64")
    if acquisition_cost is not None:
        if not np.isfinite(acquisition_cost) or acquisition_cost < 0:
            raise ValueError("the acquisition cost must be zero or positive")
        cost = cost.fillna(float(acquisition_cost))
    if cost.isna().all() and len(cost):
        raise ValueError("no acquisition cost is known: add the column 'acquisition_cost' to "
                         "the customers or enter a cost per new customer")
    cost = cost.fillna(0.0)
    lines = _customer_margins(transactions, as_of, margin_rate)
    margin = lines.groupby("customer_id")["margin"].sum().reindex(first.index, fill_value=0.0)
    coh = first.dt.to_period(_COHORT_FREQ[cohort]).astype("str")
    frame = pd.DataFrame({"cohort": coh, "cost": cost, "margin": margin})
    out = frame.groupby("cohort", sort=True).agg(customers=("cost", "size"),
                                                 acquisition_cost=("cost", "sum"),
                                                 margin_to_date=("margin", "sum")).reset_index()
    out["cost_per_customer"] = out["acquisition_cost"] / out["customers"]
    out["margin_per_customer"] = out["margin_to_date"] / out["customers"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["roi"] = np.where(out["acquisition_cost"] > 0,
                              (out["margin_to_date"] - out["acquisition_cost"])
                              / out["acquisition_cost"].where(out["acquisition_cost"] > 0, 1.0),
                              np.nan)
    curve = cohort_margin_curve(transactions, as_of, cohort, margin_rate, max_months=10 ** 4)
    pay = {}
    for name, g in curve.groupby("cohort"):
        need = float(out.loc[out["cohort"] == name, "cost_per_customer"].iloc[0])
        hit = g.loc[g["cum_margin_per_customer"] >= need - 1e-9, "month"]
        pay[name] = float(hit.min()) if len(hit) else np.nan
    out["payback_months"] = out["cohort"].map(pay).astype("float64")
    out["cohort"] = out["cohort"].astype("str")
    cols = ["cohort", "customers", "acquisition_cost", "cost_per_customer", "margin_to_date",
            "margin_per_customer", "roi", "payback_months"]
    return out[cols]


# -- potential and penetration --------------------------------------------------------------
def penetration(features: pd.DataFrame, customers: pd.DataFrame, target_share: float = 0.5,
                revenue_column: str = "revenue_12m") -> pd.DataFrame:
    """Penetration rate per customer: our sales / the customer's potential.

    ``penetration = revenue / potential`` (taux de pénétration); ``untapped = potential -
    revenue`` (>= 0). A declared potential below the customer's revenue is implausible
    (a customer cannot buy more than all it buys): it is raised to the revenue, so the
    penetration is at most 100 %, and ``potential_raised`` flags the row with
    ``declared_potential`` kept (the same rule as the P-R strategy); ``reachable = max(potential x target_share - revenue, 0)``: the part
    of the potential still to win if a share ``target_share`` of each customer's
    purchases is a realistic goal (potentiel accessible).

    Parameters
    ----------
    features : DataFrame
        customer_id and ``revenue_column`` (the per-customer table of core.features).
    customers : DataFrame
        customer_id and ``potential`` (yearly purchase potential, euros).
    target_share : float, default 0.5
        Realistic share of a customer's potential, in (0, 1].
    revenue_column : str
        Revenue over the same period as the potential (a year).

    Returns
    -------
    DataFrame
        customer_id, revenue, potential, declared_potential, potential_raised,
        penetration (0..1), untapped, reachable; customers with a potential (customers
        and prospects), sorted by reachable descending.

    Raises
    ------
    ValueError
        Without a ``potential`` column, or a target share outside (0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"customer_id": ["A", "B"], "revenue_12m": [200.0, 900.0]})
    >>> c = pd.DataFrame({"customer_id": ["A", "B", "P"], "potential": [1000.0, 1000.0, 500.0]})
    >>> penetration(f, c)[["customer_id", "penetration", "reachable"]]
      customer_id  penetration  reachable
    0           A          0.2      300.0
    1           P          0.0      250.0
    2           B          0.9        0.0
    >>> over = penetration(f, c.assign(potential=[1000.0, 600.0, 500.0]))
    >>> b = over.set_index("customer_id").loc["B"]
    >>> float(b["potential"]), float(b["penetration"]), bool(b["potential_raised"])
    (900.0, 1.0, True)
    """
    if customers is None or "potential" not in customers.columns:
        raise ValueError("the customers table has no 'potential' column (yearly purchase "
                         "potential); add it on the Data page to measure penetration")
    if revenue_column not in features.columns or "customer_id" not in features.columns:
        raise ValueError(f"the customer table lacks customer_id or '{revenue_column}'")
    if not 0 < target_share <= 1:
        raise ValueError("the target share of the potential must be between 0 % and 100 %")
    c = customers.drop_duplicates("customer_id")
    pot = pd.Series(pd.to_numeric(c["potential"], errors="coerce").to_numpy(),
                    index=c["customer_id"].astype("str"))
    pot = pot[pot.notna() & (pot > 0)]
    rev = pd.Series(features[revenue_column].to_numpy(dtype="float64"),
                    index=features["customer_id"].astype("str"))
    rev = rev.groupby(level=0).sum()
    out = pd.DataFrame({"customer_id": pot.index.astype("str")})
    out["revenue"] = out["customer_id"].map(rev).fillna(0.0).astype("float64").to_numpy()
    out["declared_potential"] = pot.to_numpy(dtype="float64")
    out["potential_raised"] = out["revenue"] > out["declared_potential"]
    out["potential"] = out[["declared_potential", "revenue"]].max(axis=1)
    out["penetration"] = out["revenue"].clip(lower=0) / out["potential"]
    out["untapped"] = (out["potential"] - out["revenue"]).clip(lower=0)
    out["reachable"] = (out["potential"] * target_share - out["revenue"]).clip(lower=0)
    return out.sort_values(["reachable", "customer_id"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


def penetration_by_class(pen: pd.DataFrame, classes: pd.Series) -> pd.DataFrame:
    """Penetration per class: sum of revenue / sum of potential.

    Returns
    -------
    DataFrame
        class, customers, revenue, potential, penetration, reachable, share_potential
        (of the total potential), share_reachable.

    Examples
    --------
    >>> import pandas as pd
    >>> pen = pd.DataFrame({"customer_id": ["A", "B"], "revenue": [200.0, 900.0],
    ...     "potential": [1000.0, 1000.0], "untapped": [800.0, 100.0],
    ...     "reachable": [300.0, 0.0]})
    >>> penetration_by_class(pen, pd.Series({"A": "x", "B": "x"}))[["class", "penetration"]]
      class  penetration
    0     x         0.55
    """
    need = ("customer_id", "revenue", "potential", "reachable")
    missing = [c for c in need if c not in pen.columns]
    if missing:
        raise ValueError("the penetration table lacks " + ", ".join(missing))
    cls = pen["customer_id"].map(classes).fillna("(none)").astype("str")
    out = pen.assign(_c=cls.to_numpy()).groupby("_c", sort=True).agg(
        customers=("customer_id", "size"), revenue=("revenue", "sum"),
        potential=("potential", "sum"), reachable=("reachable", "sum")).reset_index()
    out = out.rename(columns={"_c": "class"})
    out["penetration"] = out["revenue"].clip(lower=0) / out["potential"]
    tp, tr = out["potential"].sum(), out["reachable"].sum()
    out["share_potential"] = out["potential"] / tp if tp else np.nan
    out["share_reachable"] = out["reachable"] / tr if tr else np.nan
    out["class"] = out["class"].astype("str")
    return out[["class", "customers", "revenue", "potential", "penetration", "reachable",
                "share_potential", "share_reachable"]]


def potential_concentration(potential, tops=(0.1, 0.2)) -> dict:
    """How concentrated the potential is: Gini index and share held by the top customers.

    Returns
    -------
    dict
        gini (0 = equal, 1 = one customer holds everything), and ``top_10``, ``top_20``...
        (share of the total potential held by the top 10 %, 20 % of customers).

    Examples
    --------
    >>> d = potential_concentration([100.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    >>> round(d["gini"], 2), d["top_10"]
    (0.9, 1.0)
    """
    x = np.asarray(potential, dtype="float64")
    x = np.sort(np.clip(x[np.isfinite(x)], 0, None))
    n = x.size
    total = x.sum()
    out = {}
    if n == 0 or total <= 0:
        out["gini"] = float("nan")
        for s in tops:
            out[f"top_{round(s * 100)}"] = float("nan")
        return out
    i = np.arange(1, n + 1)
    out["gini"] = float(((2 * i - n - 1) @ x) / (n * total))
    desc = x[::-1]
    for s in tops:
        k = max(int(np.ceil(s * n)), 1)
        out[f"top_{round(s * 100)}"] = float(desc[:k].sum() / total)
    return out


def with_params(params: CostParams | None = None, **changes) -> CostParams:
    """A copy of ``params`` (default assumptions if None) with some values changed.

    >>> with_params(logistics_per_order=20.0).logistics_per_order
    20.0
    """
    return replace(params or CostParams(), **changes)
