"""Altair chart builders of the Value & profitability page (pages/value.py).

Each builder takes a DataFrame prepared by core (core/clv.py, core/profitability.py), the
language and a ``labels`` mapping of already-translated titles, and returns a chart for
``st.altair_chart``. Tooltips and bar labels are formatted by ui/format.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from ui.charts import BLUE, GREY, ORANGE, money_axis
from ui.format import fmt_money, fmt_number, fmt_pct

GREEN = "#2f855a"
RED = "#c53030"
CLASS_COLORS = ("#1f4e79", "#2b6cb0", "#63a4de", "#a9cdee", "#d5e6f6")
QUADRANT_COLORS = {"devourer": RED, "invest": ORANGE, "efficient": GREEN, "low": GREY}


def _pct_axis(lang: str, title: str | None, **kwargs) -> alt.Axis:
    expr = "format(datum.value, '.0%')"
    if lang == "fr":
        expr = f"replace({expr}, '%', ' %')"
    return alt.Axis(title=title, labelExpr=expr, **kwargs)


def equity_by_class_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                          height: int = 280) -> alt.LayerChart:
    """Customer equity (sum of CLV) per class, with its share written on each bar.

    ``table``: class, customers, clv (sum), share (of the total).
    ``labels``: "class", "clv", "customers", "share".
    """
    data = table[["class", "customers", "clv", "share"]].copy()
    data["class"] = data["class"].astype(str)
    data["clv_label"] = data["clv"].map(lambda v: fmt_money(v, lang))
    data["n_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    data["share_label"] = data["share"].map(lambda v: fmt_pct(v, lang, 0))
    order = list(data["class"])
    colors = list(CLASS_COLORS) + [GREY] * max(0, len(order) - len(CLASS_COLORS))
    top = float(data["clv"].max()) if len(data) else 1.0
    base = alt.Chart(data).encode(
        x=alt.X("class:N", sort=order, title=labels["class"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("clv:Q", axis=money_axis(lang, top, labels["clv"])),
        tooltip=[alt.Tooltip("class:N", title=labels["class"]),
                 alt.Tooltip("n_label:N", title=labels["customers"]),
                 alt.Tooltip("clv_label:N", title=labels["clv"]),
                 alt.Tooltip("share_label:N", title=labels["share"])],
    )
    bars = base.mark_bar().encode(color=alt.Color(
        "class:N", scale=alt.Scale(domain=order, range=colors[: len(order)]), legend=None))
    text = base.mark_text(dy=-8, fontSize=12, fontWeight="bold").encode(text="share_label:N")
    return alt.layer(bars, text).properties(height=height)


def calibration_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                      height: int = 320) -> alt.LayerChart:
    """Mean purchases in the holdout period, actual vs predicted, per calibration group.

    ``table``: ``core.clv.calibration_chart_data`` output (group, customers, actual,
    predicted). ``labels``: "group", "purchases", "actual", "predicted", "customers".
    """
    data = table.melt(id_vars=["group", "customers"], value_vars=["actual", "predicted"],
                      var_name="series", value_name="value")
    names = {"actual": labels["actual"], "predicted": labels["predicted"]}
    data["series"] = data["series"].map(names)
    data["value_label"] = data["value"].map(lambda v: fmt_number(v, lang, 2))
    data["n_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    order = list(table["group"].astype(str))
    domain = [labels["actual"], labels["predicted"]]
    base = alt.Chart(data).encode(
        x=alt.X("group:N", sort=order, title=labels["group"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=labels["purchases"]),
        color=alt.Color("series:N", scale=alt.Scale(domain=domain, range=[BLUE, ORANGE]),
                        legend=alt.Legend(title=None, orient="top", symbolType="stroke",
                                          symbolStrokeWidth=3, labelLimit=300)),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=domain,
                                                              range=[[1, 0], [6, 3]]),
                                  legend=None),
        tooltip=[alt.Tooltip("group:N", title=labels["group"]),
                 alt.Tooltip("n_label:N", title=labels["customers"]),
                 alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value_label:N", title=labels["purchases"])],
    )
    line = base.mark_line(strokeWidth=2.5)
    points = base.mark_point(size=60, filled=True)
    return alt.layer(line, points).properties(height=height)


def waterfall_chart(steps: pd.DataFrame, lang: str, step_labels: Mapping[str, str],
                    labels: Mapping[str, str], height: int = 360) -> alt.LayerChart:
    """Waterfall from revenue to net commercial margin.

    ``steps``: ``core.profitability.pnl_waterfall`` output (step, kind, amount, start, end).
    ``step_labels``: step -> translated name. ``labels``: "step", "amount".
    """
    data = steps.copy()
    data["label"] = data["step"].map(lambda s: step_labels.get(s, s))
    data["lo"] = data[["start", "end"]].min(axis=1)
    data["hi"] = data[["start", "end"]].max(axis=1)
    data["amount_label"] = data["amount"].map(lambda v: fmt_money(v, lang))
    data["colour"] = [
        "net" if s == "net_margin" else ("total" if k == "total" else "cost")
        for s, k in zip(data["step"], data["kind"], strict=True)]
    net_ok = float(data["amount"].iloc[-1]) >= 0 if len(data) else True
    domain = ["total", "cost", "net"]
    colours = [BLUE, ORANGE, GREEN if net_ok else RED]
    order = list(data["label"])
    top = float(data["hi"].abs().max() or 1.0) if len(data) else 1.0
    base = alt.Chart(data).encode(
        x=alt.X("label:N", sort=order, title=None,
                axis=alt.Axis(labelAngle=0, labelLimit=140, labelFontSize=11)),
        tooltip=[alt.Tooltip("label:N", title=labels["step"]),
                 alt.Tooltip("amount_label:N", title=labels["amount"])],
    )
    bars = base.mark_bar(width={"band": 0.7}).encode(
        y=alt.Y("lo:Q", axis=money_axis(lang, top, labels["amount"])),
        y2="hi:Q",
        color=alt.Color("colour:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=None),
    )
    text = base.mark_text(dy=-7, fontSize=11).encode(y="hi:Q", text="amount_label:N")
    return alt.layer(bars, text).properties(height=height)


def devourers_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                    quadrant_labels: Mapping[str, str], ratio: float,
                    height: int = 440) -> alt.LayerChart:
    """Margin (x) vs contacts (y) of each customer in multiples of the average customer
    (``n x share``), coloured by quadrant, on square-root scales so that small customers
    show. The grey rules at 1 split the quadrants; the dotted line is "contacts in line
    with margin" (y = x), the dashed one the devourer threshold (y = ratio x).

    ``table``: ``core.profitability.contact_devourers`` output with ``customer`` (name or
    id), ``margin_index`` and ``contacts_index``. ``labels``: "x", "y", "customer",
    "contacts", "margin", "quadrant", "fair", "threshold", "share_contacts",
    "share_margin".
    """
    data = table.copy()
    data["quadrant_label"] = data["quadrant"].map(lambda q: quadrant_labels.get(q, q))
    data["sc_label"] = data["share_contacts"].map(lambda v: fmt_pct(v, lang, 2))
    data["sm_label"] = data["share_margin"].map(lambda v: fmt_pct(v, lang, 2))
    data["contacts_label"] = data["contacts"].map(lambda v: fmt_number(v, lang))
    data["margin_label"] = data["gross_margin"].map(lambda v: fmt_money(v, lang))
    hx = max(float(data["margin_index"].max()) if len(data) else 0.0, 2.0) * 1.05
    hy = max(float(data["contacts_index"].max()) if len(data) else 0.0, 2.0) * 1.05
    keys = [k for k in QUADRANT_COLORS if k in set(data["quadrant"])] or list(QUADRANT_COLORS)
    domain = [quadrant_labels.get(k, k) for k in keys]
    rng = [QUADRANT_COLORS[k] for k in keys]
    xs = alt.Scale(type="sqrt", domain=[0, hx], nice=False)
    ys = alt.Scale(type="sqrt", domain=[0, hy], nice=False)
    points = alt.Chart(data).mark_circle(size=55, opacity=0.75).encode(
        x=alt.X("margin_index:Q", scale=xs, title=labels["x"]),
        y=alt.Y("contacts_index:Q", scale=ys, title=labels["y"]),
        color=alt.Color("quadrant_label:N", scale=alt.Scale(domain=domain, range=rng),
                        legend=alt.Legend(title=None, orient="top", labelLimit=300)),
        tooltip=[alt.Tooltip("customer:N", title=labels["customer"]),
                 alt.Tooltip("quadrant_label:N", title=labels["quadrant"]),
                 alt.Tooltip("contacts_label:N", title=labels["contacts"]),
                 alt.Tooltip("sc_label:N", title=labels["share_contacts"]),
                 alt.Tooltip("margin_label:N", title=labels["margin"]),
                 alt.Tooltip("sm_label:N", title=labels["share_margin"])],
    )
    n = 60
    fair_end = min(hx, hy)
    thr_end = min(hx, hy / ratio)
    fair_x = [fair_end * (i / n) ** 2 for i in range(n + 1)]
    thr_x = [thr_end * (i / n) ** 2 for i in range(n + 1)]
    lines = pd.DataFrame({
        "x": fair_x + thr_x,
        "y": fair_x + [ratio * v for v in thr_x],
        "line": [labels["fair"]] * (n + 1) + [labels["threshold"]] * (n + 1),
    })
    guide = alt.Chart(lines).mark_line(strokeWidth=1.5, color="#4a5568").encode(
        x=alt.X("x:Q", scale=xs), y=alt.Y("y:Q", scale=ys),
        strokeDash=alt.StrokeDash("line:N", scale=alt.Scale(
            domain=[labels["fair"], labels["threshold"]], range=[[2, 3], [7, 4]]),
            legend=alt.Legend(title=None, orient="bottom", symbolStrokeWidth=2,
                              symbolSize=400, labelLimit=300)),
        detail="line:N",
    )
    one = pd.DataFrame({"v": [1.0]})
    vrule = alt.Chart(one).mark_rule(color=GREY, strokeWidth=1).encode(
        x=alt.X("v:Q", scale=xs))
    hrule = alt.Chart(one).mark_rule(color=GREY, strokeWidth=1).encode(
        y=alt.Y("v:Q", scale=ys))
    return alt.layer(vrule, hrule, guide, points).properties(height=height)


def payback_chart(curve: pd.DataFrame, costs: pd.DataFrame, lang: str,
                  labels: Mapping[str, str], height: int = 340) -> alt.LayerChart:
    """Cumulative margin per new customer by months since the first purchase, one line per
    cohort, with each cohort's acquisition cost per customer as a dashed rule.

    ``curve``: cohort, month, cum_margin_per_customer. ``costs``: cohort,
    cost_per_customer. ``labels``: "month", "margin", "cohort", "cost".
    """
    data = curve.copy()
    data["cohort"] = data["cohort"].astype(str)
    data["margin_label"] = data["cum_margin_per_customer"].map(lambda v: fmt_money(v, lang))
    cost = costs.copy()
    cost["cohort"] = cost["cohort"].astype(str)
    cost["cost_label"] = cost["cost_per_customer"].map(lambda v: fmt_money(v, lang))
    cohorts = list(dict.fromkeys(data["cohort"]))
    top = max(float(data["cum_margin_per_customer"].max()) if len(data) else 0.0,
              float(cost["cost_per_customer"].max()) if len(cost) else 0.0, 1.0)
    color = alt.Color("cohort:N", scale=alt.Scale(domain=cohorts, scheme="tableau10"),
                      legend=alt.Legend(title=labels["cohort"], orient="top"))
    lines = alt.Chart(data).mark_line(strokeWidth=2.2).encode(
        x=alt.X("month:Q", title=labels["month"], axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("cum_margin_per_customer:Q", axis=money_axis(lang, top, labels["margin"])),
        color=color,
        tooltip=[alt.Tooltip("cohort:N", title=labels["cohort"]),
                 alt.Tooltip("month:Q", title=labels["month"]),
                 alt.Tooltip("margin_label:N", title=labels["margin"])],
    )
    rules = alt.Chart(cost[cost["cohort"].isin(cohorts)]).mark_rule(
        strokeDash=[6, 4], strokeWidth=1.5).encode(
        y="cost_per_customer:Q", color=alt.Color("cohort:N", scale=alt.Scale(
            domain=cohorts, scheme="tableau10"), legend=None),
        tooltip=[alt.Tooltip("cohort:N", title=labels["cohort"]),
                 alt.Tooltip("cost_label:N", title=labels["cost"])])
    return alt.layer(lines, rules).properties(height=height)


def penetration_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                      order: Sequence[str] | None = None, height: int = 300
                      ) -> alt.LayerChart:
    """Potential (light bar) and revenue (dark bar inside it) per class, with the
    penetration rate written above.

    ``table``: ``core.profitability.penetration_by_class`` output. ``labels``: "class",
    "amount", "potential", "revenue", "penetration", "customers".
    """
    data = table.copy()
    data["class"] = data["class"].astype(str)
    data["pot_label"] = data["potential"].map(lambda v: fmt_money(v, lang))
    data["rev_label"] = data["revenue"].map(lambda v: fmt_money(v, lang))
    data["pen_label"] = data["penetration"].map(lambda v: fmt_pct(v, lang, 0))
    data["n_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    order = list(order or data["class"])
    top = float(data["potential"].max()) if len(data) else 1.0
    tooltip = [alt.Tooltip("class:N", title=labels["class"]),
               alt.Tooltip("n_label:N", title=labels["customers"]),
               alt.Tooltip("pot_label:N", title=labels["potential"]),
               alt.Tooltip("rev_label:N", title=labels["revenue"]),
               alt.Tooltip("pen_label:N", title=labels["penetration"])]
    x = alt.X("class:N", sort=order, title=labels["class"], axis=alt.Axis(labelAngle=0))
    legend_data = pd.DataFrame({"what": [labels["potential"], labels["revenue"]]})
    legend = alt.Chart(legend_data).mark_point(opacity=0).encode(
        color=alt.Color("what:N", scale=alt.Scale(domain=list(legend_data["what"]),
                                                  range=["#bee3f8", BLUE]),
                        legend=alt.Legend(title=None, orient="top", symbolOpacity=1,
                                          symbolType="square")))
    pot = alt.Chart(data).mark_bar(color="#bee3f8", width={"band": 0.75}).encode(
        x=x, y=alt.Y("potential:Q", axis=money_axis(lang, top, labels["amount"])),
        tooltip=tooltip)
    rev = alt.Chart(data).mark_bar(color=BLUE, width={"band": 0.45}).encode(
        x=x, y="revenue:Q", tooltip=tooltip)
    text = alt.Chart(data).mark_text(dy=-8, fontSize=12, fontWeight="bold").encode(
        x=x, y="potential:Q", text="pen_label:N")
    return alt.layer(pot, rev, text, legend).properties(height=height)
