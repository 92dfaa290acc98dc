"""Pricing what-ifs: price change with an elasticity, margin-neutral volume, break-even.

Formulas (DOMAIN.md section 6):

- **Price elasticity** e = (dQ/Q) / (dP/P). A price change p moves volume by
  ``Q1/Q0 = 1 + e x p`` (``model="linear"``, the textbook arc formula, floored at 0) or
  ``Q1/Q0 = (1 + p) ** e`` (``model="constant"``, constant elasticity). Unit costs do not
  change: revenue after = R0 x (1 + p) x Q1/Q0, margin after = R1 - (R0 - M0) x Q1/Q0.
- **Volume that keeps the same margin** after a price change p at margin rate m
  (margin / price): ``dQ/Q = -p / (m + p)``.
- **Discount break-even**: a discount d needs a volume increase of ``d / (m - d)``.
- **Break-even point** (seuil de rentabilité) = fixed costs / variable-margin rate,
  where the variable-margin rate = (revenue - variable costs) / revenue.

The default elasticity (``DEFAULT_ELASTICITY = -2.62``) is the mean of 1,851 price
elasticities from 81 studies in Bijmolt, van Heerde & Pieters (2005), "New Empirical
Generalizations on the Determinants of Price Elasticity", Journal of Marketing Research
42(2), 141-156 (Tellis 1988, the earlier meta-analysis, found -1.76). These are mostly
brand-level consumer-goods figures; B2B buyers under contract often react less, so the
page lets the user change it.

Example
-------
>>> round(volume_to_keep_margin(0.05, 0.25), 4)
-0.1667
>>> break_even(fixed_costs=30_000, revenue=200_000, variable_costs=120_000)["break_even_revenue"]
75000.0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.features import to_timestamp
from core.params import PlainData

DEFAULT_ELASTICITY = -2.62
ELASTICITY_SOURCE = (
    "Bijmolt, van Heerde & Pieters (2005), Journal of Marketing Research 42(2), 141-156: "
    "mean of 1,851 price elasticities from 81 studies (Tellis 1988 found -1.76)"
)
MODELS = ("linear", "constant")


def volume_ratio(change_pct: float, elasticity: float, model: str = "linear") -> float:
    """Volume after / volume before for a price change ``change_pct`` (0.05 = +5 %).

    ``linear``: max(1 + e x p, 0); ``constant``: (1 + p) ** e.

    >>> volume_ratio(0.10, -2.0), round(volume_ratio(0.10, -2.0, "constant"), 4)
    (0.8, 0.8264)
    >>> volume_ratio(0.10, 0.0)
    1.0
    """
    p = float(change_pct)
    e = float(elasticity)
    if p <= -1.0:
        raise ValueError("a price cannot fall by 100 % or more")
    if model == "linear":
        return max(1.0 + e * p, 0.0)
    if model == "constant":
        return float((1.0 + p) ** e)
    raise ValueError(f"unknown demand model '{model}': use 'linear' or 'constant'")


def volume_to_keep_margin(change_pct: float, margin_rate: float) -> float:
    """Volume change that keeps the total margin after a price change.

    With m the margin rate (margin / price) and p the price change, the unit margin
    goes from m x P to (m + p) x P, so ``Q0 x m = Q1 x (m + p)`` and
    ``dQ/Q = -p / (m + p)``.

    Raises ValueError when ``m + p <= 0``: the price cut wipes out the unit margin and no
    volume can make up for it.

    >>> volume_to_keep_margin(-0.05, 0.25)
    0.25
    >>> volume_to_keep_margin(0.0, 0.30)
    0.0
    """
    p, m = float(change_pct), float(margin_rate)
    if m + p <= 0:
        raise ValueError("this price cut is larger than the margin: the product would be sold "
                         "at a loss and no extra volume can keep the margin")
    return -p / (m + p) + 0.0


def discount_break_even(discount: float, margin_rate: float) -> float:
    """Extra volume a discount ``d`` needs to keep the same margin: ``d / (m - d)``.

    >>> discount_break_even(0.05, 0.25)
    0.25
    """
    return volume_to_keep_margin(-float(discount), margin_rate)


def break_even(fixed_costs: float, revenue: float, variable_costs: float,
               year_days: int = 360) -> dict:
    """Break-even point (seuil de rentabilité) and safety margin.

    ``variable_margin = revenue - variable_costs``; ``rate = variable_margin / revenue``;
    ``break_even_revenue = fixed_costs / rate``; ``safety_margin = revenue -
    break_even_revenue`` (marge de sécurité) and ``safety_index = safety_margin /
    revenue``; ``break_even_day = break_even_revenue / revenue x year_days`` (point mort,
    assuming sales spread evenly over the year); ``result = variable_margin -
    fixed_costs``.

    Raises ValueError when revenue is not positive or the variable margin is not positive
    (then no level of sales covers the fixed costs).

    >>> b = break_even(30_000, 200_000, 120_000)
    >>> b["variable_margin_rate"], b["break_even_revenue"], b["break_even_day"]
    (0.4, 75000.0, 135.0)
    """
    fc, r, vc = float(fixed_costs), float(revenue), float(variable_costs)
    if r <= 0:
        raise ValueError("the break-even point needs a positive revenue")
    if fc < 0 or vc < 0:
        raise ValueError("fixed and variable costs cannot be negative")
    vm = r - vc
    rate = vm / r
    if rate <= 0:
        raise ValueError("variable costs are at least the revenue: every sale loses money, so "
                         "there is no break-even point")
    be = fc / rate
    return {
        "revenue": r,
        "fixed_costs": fc,
        "variable_costs": vc,
        "variable_margin": vm,
        "variable_margin_rate": rate,
        "break_even_revenue": be,
        "safety_margin": r - be,
        "safety_index": (r - be) / r,
        "break_even_day": be / r * year_days,
        "result": vm - fc,
    }


def break_even_chart_data(fixed_costs: float, revenue: float, variable_costs: float,
                          points: int = 41, upto: float = 1.5) -> pd.DataFrame:
    """Lines of the break-even chart for revenue from 0 to ``upto`` x max(revenue, BE).

    Columns: revenue, variable_margin (rate x revenue), fixed_costs (constant), result
    (variable_margin - fixed_costs). The break-even point is where the two lines cross.

    >>> d = break_even_chart_data(30_000, 200_000, 120_000, points=3, upto=1.0)
    >>> d.values.tolist()
    [[0.0, 0.0, 30000.0, -30000.0], [100000.0, 40000.0, 30000.0, 10000.0], [200000.0, 80000.0, 30000.0, 50000.0]]
    """
    b = break_even(fixed_costs, revenue, variable_costs)
    if points < 2:
        raise ValueError("the chart needs at least 2 points")
    top = upto * max(b["revenue"], b["break_even_revenue"])
    x = np.linspace(0.0, top, int(points))
    vm = x * b["variable_margin_rate"]
    return pd.DataFrame({"revenue": x, "variable_margin": vm,
                         "fixed_costs": np.full(len(x), b["fixed_costs"]),
                         "result": vm - b["fixed_costs"]})


@dataclass
class PriceScenario(PlainData):
    """A what-if on prices, as plain data (JSON via to_dict / from_dict).

    ``change_pct`` (0.05 = +5 %) applies to the groups of ``by`` listed in ``selected``
    (all groups when empty). ``by`` is a column of the sales lines (``family``,
    ``product``) or a customer grouping passed as ``segments`` (e.g. ABC class).
    ``months`` is the window of sales the change applies to.
    """

    name: str = "scenario"
    change_pct: float = 0.0
    elasticity: float = DEFAULT_ELASTICITY
    by: str = "family"
    selected: list = field(default_factory=list)
    model: str = "linear"
    months: int = 12
    kind: str = field(default="price", init=False)

    def to_dict(self) -> dict:
        """Plain JSON-serialisable dict (with ``kind``)."""
        d = super().to_dict()
        d["selected"] = [str(v) for v in self.selected]
        return d


@dataclass
class PriceResult:
    """Outcome of :func:`price_change`: ``table`` per group and the ``summary`` dict."""

    table: pd.DataFrame
    summary: dict


def price_change(transactions: pd.DataFrame, as_of, scenario: PriceScenario,
                 segments: Mapping | pd.Series | None = None,
                 margin_rate: float | None = None) -> PriceResult:
    """Volume, revenue and margin before / after a price change on some groups.

    Sales lines of the ``scenario.months`` months up to ``as_of`` are grouped by
    ``scenario.by``; in the selected groups, volume moves by :func:`volume_ratio`,
    revenue by (1 + p) x volume ratio, and margin keeps the unit cost:
    ``M1 = R1 - (R0 - M0) x Q1/Q0``. Unselected groups are unchanged.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines: customer_id, date, amount (net); margin (else give
        ``margin_rate``); optional quantity (volume; else volume is shown as an index).
    as_of : date-like
    scenario : PriceScenario
    segments : mapping or Series, optional
        customer_id -> label, used when ``scenario.by`` is not a column of the lines.
    margin_rate : float, optional
        Margin / revenue to assume when the lines have no margin column.

    Returns
    -------
    PriceResult
        ``table``: group, selected, revenue_before, revenue_after, volume_before,
        volume_after, margin_before, margin_after, margin_rate_before,
        margin_rate_after, volume_to_keep_margin (NaN where it cannot be reached);
        ``summary``: totals before / after, their changes, change_pct, elasticity,
        volume_ratio and the volume change that keeps the selected groups' margin.

    Raises
    ------
    ValueError
        Missing columns, unknown grouping, no margin information, nothing sold.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["C1", "C2"], "date": pd.to_datetime(["2024-05-01"] * 2),
    ...     "family": ["X", "Y"], "amount": [1000.0, 500.0], "margin": [250.0, 100.0]})
    >>> res = price_change(tx, "2024-06-30", PriceScenario(change_pct=0.10, elasticity=-1.0,
    ...                    selected=["X"]))
    >>> res.table[["group", "revenue_after", "margin_after"]].values.tolist()
    [['X', 990.0, 315.0], ['Y', 500.0, 100.0]]
    """
    as_of = to_timestamp(as_of)
    s = scenario
    missing = [c for c in ("customer_id", "date", "amount") if c not in transactions.columns]
    if missing:
        raise ValueError("the sales lines lack the column(s) " + ", ".join(
            f"'{c}'" for c in missing) + "; map them on the Data page")
    if int(s.months) != s.months or s.months < 1:
        raise ValueError("the sales window must be a whole number of months, at least 1")
    ratio = volume_ratio(s.change_pct, s.elasticity, s.model)
    start = (as_of - pd.DateOffset(months=int(s.months))).normalize()
    dates = pd.to_datetime(transactions["date"], errors="coerce")
    lines = transactions.loc[(dates > start) & (dates <= as_of)]
    if lines.empty:
        raise ValueError("there are no sales in the chosen window: move the reference date or "
                         "widen the window")
    if s.by in lines.columns:
        group = lines[s.by].astype("str").fillna("(none)")
    elif segments is not None:
        seg = pd.Series(segments).astype("str")
        seg.index = seg.index.astype(str)
        group = lines["customer_id"].astype("str").map(seg).fillna("(none)")
    else:
        raise ValueError(f"the sales lines have no column '{s.by}' and no customer grouping "
                         "was given; choose another grouping")
    if "margin" in lines.columns and lines["margin"].notna().any():
        margin = pd.to_numeric(lines["margin"], errors="coerce").fillna(0.0)
    elif margin_rate is not None:
        margin = pd.to_numeric(lines["amount"], errors="coerce") * float(margin_rate)
    else:
        raise ValueError("the sales lines have no margin: add a margin column or give a "
                         "margin rate to simulate a price change")
    has_qty = "quantity" in lines.columns and lines["quantity"].notna().any()
    work = pd.DataFrame({
        "group": group.to_numpy(),
        "revenue": pd.to_numeric(lines["amount"], errors="coerce").fillna(0.0).to_numpy(),
        "margin": margin.to_numpy(),
        "volume": (pd.to_numeric(lines["quantity"], errors="coerce").fillna(0.0).to_numpy()
                   if has_qty else np.zeros(len(lines))),
    })
    if work.empty or work["revenue"].sum() == 0:
        raise ValueError("there are no sales in the chosen window: move the reference date or "
                         "widen the window")
    t = work.groupby("group", sort=True).sum().reset_index()
    chosen = {str(v) for v in s.selected}
    t["selected"] = t["group"].isin(chosen) if chosen else True
    k = np.where(t["selected"], ratio, 1.0)
    pf = np.where(t["selected"], 1.0 + float(s.change_pct), 1.0)
    t = t.rename(columns={"revenue": "revenue_before", "margin": "margin_before",
                          "volume": "volume_before"})
    t["revenue_after"] = t["revenue_before"] * pf * k
    t["margin_after"] = t["revenue_after"] - (t["revenue_before"] - t["margin_before"]) * k
    if has_qty:
        t["volume_after"] = t["volume_before"] * k
    else:  # no quantities: volume as an index, 100 = before
        t["volume_before"] = np.where(t["revenue_before"] != 0, 100.0, 0.0)
        t["volume_after"] = t["volume_before"] * k
    with np.errstate(divide="ignore", invalid="ignore"):
        t["margin_rate_before"] = t["margin_before"] / t["revenue_before"]
        t["margin_rate_after"] = t["margin_after"] / t["revenue_after"]
    t["volume_to_keep_margin"] = [
        _safe_keep(s.change_pct, m) if sel else 0.0
        for m, sel in zip(t["margin_rate_before"], t["selected"])]
    t = t[["group", "selected", "revenue_before", "revenue_after", "volume_before",
           "volume_after", "margin_before", "margin_after", "margin_rate_before",
           "margin_rate_after", "volume_to_keep_margin"]]
    sel = t[t["selected"]]
    r0, r1 = float(t["revenue_before"].sum()), float(t["revenue_after"].sum())
    m0, m1 = float(t["margin_before"].sum()), float(t["margin_after"].sum())
    sel_r0 = float(sel["revenue_before"].sum())
    sel_rate = float(sel["margin_before"].sum()) / sel_r0 if sel_r0 else float("nan")
    summary = {
        "name": s.name,
        "change_pct": float(s.change_pct),
        "elasticity": float(s.elasticity),
        "model": s.model,
        "volume_ratio": ratio,
        "volume_change": ratio - 1.0,
        "selected_revenue_share": sel_r0 / r0 if r0 else float("nan"),
        "revenue_before": r0,
        "revenue_after": r1,
        "revenue_change": r1 - r0,
        "margin_before": m0,
        "margin_after": m1,
        "margin_change": m1 - m0,
        "margin_rate_before": m0 / r0 if r0 else float("nan"),
        "margin_rate_after": m1 / r1 if r1 else float("nan"),
        "selected_margin_rate": sel_rate,
        "volume_to_keep_margin": _safe_keep(s.change_pct, sel_rate),
    }
    return PriceResult(table=t, summary=summary)


def _safe_keep(change_pct: float, margin_rate: float) -> float:
    if margin_rate is None or not np.isfinite(margin_rate):
        return float("nan")
    try:
        return volume_to_keep_margin(change_pct, margin_rate)
    except ValueError:
        return float("nan")
