"""Altair chart builders of the Credit risk and What-if pages.

Each builder takes a DataFrame prepared by core (core/risk.py, core/pricing.py), the
language and a ``labels`` mapping of already-translated titles, and returns a chart for
``st.altair_chart``. Tooltips show values formatted by ui/format.py.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ui.charts import BLUE, GREY, ORANGE, money_axis, month_axis
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct

# Lateness buckets, from "not due" (green) to "over 90 days" (dark red).
BUCKET_COLORS = ("#2f855a", "#d69e2e", "#dd6b20", "#c53030", "#742a2a")
# Solvency bands, best first; "unrated" in grey.
BAND_COLORS = ("#2f855a", "#63a4de", "#dd6b20", "#c53030", "#742a2a")
GREEN = "#2f855a"
RED = "#c53030"


def aging_chart(totals: pd.DataFrame, lang: str, labels: Mapping[str, str],
                bucket_names: Mapping[str, str], height: int = 300) -> alt.Chart:
    """Bars of the outstanding by lateness bucket (balance âgée).

    ``totals``: ``core.risk.aging_totals`` (bucket, amount, share, customers).
    ``labels``: "bucket", "amount", "share", "customers"; ``bucket_names``: bucket ->
    translated name (also the bar order).
    """
    data = totals.copy()
    data["name"] = data["bucket"].map(bucket_names)
    data["amount_label"] = data["amount"].map(lambda v: fmt_money(v, lang))
    data["share_label"] = data["share"].map(lambda v: fmt_pct(v, lang))
    data["customers_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    order = [bucket_names[b] for b in totals["bucket"]]
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("name:N", sort=order, axis=alt.Axis(title=labels["bucket"], labelAngle=0)),
        y=alt.Y("amount:Q", axis=money_axis(lang, float(data["amount"].max() or 0),
                                            labels["amount"])),
        color=alt.Color("name:N", scale=alt.Scale(domain=order,
                                                  range=list(BUCKET_COLORS[: len(order)])),
                        legend=None),
        tooltip=[alt.Tooltip("name:N", title=labels["bucket"]),
                 alt.Tooltip("amount_label:N", title=labels["amount"]),
                 alt.Tooltip("share_label:N", title=labels["share"]),
                 alt.Tooltip("customers_label:N", title=labels["customers"])],
    )
    text = alt.Chart(data).mark_text(dy=-8, fontSize=12, color="#1a202c").encode(
        x=alt.X("name:N", sort=order), y="amount:Q", text="share_label:N")
    return alt.layer(bars, text).properties(height=height)


def dso_chart(trend: pd.DataFrame, lang: str, labels: Mapping[str, str],
              terms_days: float | None = None, height: int = 300) -> alt.LayerChart:
    """DSO (days) month by month, with the average payment terms as a dashed line.

    ``trend``: ``core.risk.dso_trend``. Points whose revenue window is incomplete are
    drawn hollow. ``labels``: "date", "dso", "receivables", "revenue", "terms",
    "complete", "yes", "no".
    """
    data = trend.copy()
    data["date_label"] = data["date"].map(lambda d: fmt_date(d, lang))
    data["dso_label"] = data["dso_days"].map(lambda v: fmt_number(v, lang, 1))
    data["ar_label"] = data["receivables"].map(lambda v: fmt_money(v, lang))
    data["rev_label"] = data["revenue_ttc"].map(lambda v: fmt_money(v, lang))
    data["complete_label"] = data["window_complete"].map(
        lambda b: labels["yes"] if b else labels["no"])
    x = alt.X("date:T", axis=month_axis(lang, labels["date"]))
    y = alt.Y("dso_days:Q", axis=alt.Axis(title=labels["dso"]),
              scale=alt.Scale(zero=True))
    tooltip = [alt.Tooltip("date_label:N", title=labels["date"]),
               alt.Tooltip("dso_label:N", title=labels["dso"]),
               alt.Tooltip("ar_label:N", title=labels["receivables"]),
               alt.Tooltip("rev_label:N", title=labels["revenue"]),
               alt.Tooltip("complete_label:N", title=labels["complete"])]
    line = alt.Chart(data).mark_line(color=BLUE, strokeWidth=2.5).encode(x=x, y=y)
    points = alt.Chart(data).mark_point(size=70, color=BLUE, strokeWidth=2).encode(
        x=x, y=y, tooltip=tooltip,
        fill=alt.condition("datum.window_complete", alt.value(BLUE), alt.value("white")))
    layers = [line, points]
    if terms_days is not None and pd.notna(terms_days):
        ref = pd.DataFrame({"terms": [float(terms_days)],
                            "text": [f"{labels['terms']} : {fmt_number(terms_days, lang)} j"
                                     if lang == "fr"
                                     else f"{labels['terms']}: {fmt_number(terms_days, lang)} d"]})
        layers.append(alt.Chart(ref).mark_rule(color=ORANGE, strokeDash=[6, 4],
                                               strokeWidth=2).encode(y="terms:Q"))
        layers.append(alt.Chart(ref).mark_text(align="left", dx=4, dy=-8, color=ORANGE,
                                               fontWeight="bold").encode(
            y="terms:Q", x=alt.value(0), text="text:N"))
    return alt.layer(*layers).properties(height=height)


def band_chart(frame: pd.DataFrame, lang: str, labels: Mapping[str, str],
               bands: list[str], height: int = 280) -> alt.Chart:
    """Outstanding per solvency band, with the number of customers in the tooltip.

    ``frame``: band, outstanding, customers, over_limit (count). ``bands``: display
    order (best first, "unrated" last). ``labels``: "band", "outstanding", "customers",
    "over_limit" and one entry per band name (its shown label).
    """
    data = frame.copy()
    data["band_label"] = data["band"].map(lambda b: labels.get(f"band_{b}", b))
    order = [labels.get(f"band_{b}", b) for b in bands]
    colors = [BAND_COLORS[i] if b != "unrated" and i < len(BAND_COLORS) else GREY
              for i, b in enumerate(bands)]
    data["out_label"] = data["outstanding"].map(lambda v: fmt_money(v, lang))
    data["cust_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    data["over_label"] = data["over_limit"].map(lambda v: fmt_number(v, lang))
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("band_label:N", sort=order, axis=alt.Axis(title=labels["band"], labelAngle=0)),
        y=alt.Y("outstanding:Q", axis=money_axis(lang, float(data["outstanding"].max() or 0),
                                                 labels["outstanding"])),
        color=alt.Color("band_label:N", scale=alt.Scale(domain=order, range=colors),
                        legend=None),
        tooltip=[alt.Tooltip("band_label:N", title=labels["band"]),
                 alt.Tooltip("out_label:N", title=labels["outstanding"]),
                 alt.Tooltip("cust_label:N", title=labels["customers"]),
                 alt.Tooltip("over_label:N", title=labels["over_limit"])],
    ).properties(height=height)


def orders_chart(monthly: pd.DataFrame, lang: str, labels: Mapping[str, str],
                 height: int = 300) -> alt.Chart:
    """Orders of each month, accepted (blue) and blocked by the new limits (red).

    ``monthly``: ``CreditLimitResult.monthly`` (month, accepted, blocked).
    ``labels``: "month", "amount", "accepted", "blocked".
    """
    long = monthly.melt(id_vars="month", value_vars=["accepted", "blocked"],
                        var_name="status", value_name="amount")
    long["status_label"] = long["status"].map({"accepted": labels["accepted"],
                                               "blocked": labels["blocked"]})
    long["month_label"] = long["month"].map(lambda d: fmt_date(d, lang, "month_name"))
    long["amount_label"] = long["amount"].map(lambda v: fmt_money(v, lang))
    top = float((monthly["accepted"] + monthly["blocked"]).max() or 0)
    domain = [labels["accepted"], labels["blocked"]]
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("yearmonth(month):T", axis=month_axis(lang, labels["month"])),
        y=alt.Y("amount:Q", stack="zero", axis=money_axis(lang, top, labels["amount"])),
        color=alt.Color("status_label:N", scale=alt.Scale(domain=domain, range=[BLUE, RED]),
                        legend=alt.Legend(title=None, orient="top")),
        order=alt.Order("status:N", sort="ascending"),
        tooltip=[alt.Tooltip("month_label:N", title=labels["month"]),
                 alt.Tooltip("status_label:N", title=" "),
                 alt.Tooltip("amount_label:N", title=labels["amount"])],
    ).properties(height=height)


def cost_bars_chart(frame: pd.DataFrame, lang: str, labels: Mapping[str, str],
                    height: int = 260) -> alt.Chart:
    """Horizontal bars of yearly amounts (costs, savings) of the payment-terms what-if.

    ``frame``: item (translated label), amount, kind ("cost" or "saving").
    ``labels``: "item", "amount", "cost", "saving".
    """
    data = frame.copy()
    data["amount_label"] = data["amount"].map(lambda v: fmt_money(v, lang))
    data["kind_label"] = data["kind"].map({"cost": labels["cost"], "saving": labels["saving"]})
    domain = [labels["cost"], labels["saving"]]
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("item:N", sort=list(data["item"]), axis=alt.Axis(title=None, labelLimit=320)),
        x=alt.X("amount:Q", axis=money_axis(lang, float(data["amount"].abs().max() or 0),
                                            labels["amount"])),
        color=alt.Color("kind_label:N", scale=alt.Scale(domain=domain, range=[ORANGE, GREEN]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("item:N", title=labels["item"]),
                 alt.Tooltip("amount_label:N", title=labels["amount"])],
    )
    text = alt.Chart(data).mark_text(align="left", dx=4, color="#1a202c").encode(
        y=alt.Y("item:N", sort=list(data["item"])), x="amount:Q", text="amount_label:N")
    return alt.layer(bars, text).properties(height=height)


def price_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                measure: str = "margin", height: int = 320) -> alt.Chart:
    """Revenue or margin per group before / after the price change (grouped bars).

    ``table``: ``PriceResult.table``; ``measure``: "revenue" or "margin".
    ``labels``: "group", "amount", "before", "after", "selected".
    """
    data = table[["group", "selected", f"{measure}_before", f"{measure}_after"]].copy()
    data.columns = ["group", "selected", "before", "after"]
    long = data.melt(id_vars=["group", "selected"], value_vars=["before", "after"],
                     var_name="when", value_name="amount")
    long["when_label"] = long["when"].map({"before": labels["before"], "after": labels["after"]})
    long["amount_label"] = long["amount"].map(lambda v: fmt_money(v, lang))
    domain = [labels["before"], labels["after"]]
    top = float(long["amount"].max() or 0)
    order = list(table.sort_values(f"{measure}_before", ascending=False)["group"])
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("group:N", sort=order, axis=alt.Axis(title=labels["group"], labelAngle=-30,
                                                     labelLimit=160)),
        xOffset=alt.XOffset("when_label:N", sort=domain),
        y=alt.Y("amount:Q", axis=money_axis(lang, top, labels["amount"])),
        color=alt.Color("when_label:N", scale=alt.Scale(domain=domain, range=[GREY, BLUE]),
                        legend=alt.Legend(title=None, orient="top")),
        opacity=alt.condition("datum.selected", alt.value(1.0), alt.value(0.45)),
        tooltip=[alt.Tooltip("group:N", title=labels["group"]),
                 alt.Tooltip("when_label:N", title=" "),
                 alt.Tooltip("amount_label:N", title=labels["amount"])],
    ).properties(height=height)


def break_even_chart(lines: pd.DataFrame, figures: Mapping[str, float], lang: str,
                     labels: Mapping[str, str], height: int = 340) -> alt.LayerChart:
    """Break-even chart: variable margin (line through 0) against fixed costs.

    ``lines``: ``core.pricing.break_even_chart_data``; ``figures``:
    ``core.pricing.break_even`` output. The lines cross at the break-even revenue
    (red rule); the current revenue is the grey rule. ``labels``: "revenue",
    "amount", "variable_margin", "fixed_costs", "break_even", "current".
    """
    long = lines.melt(id_vars="revenue", value_vars=["variable_margin", "fixed_costs"],
                      var_name="line", value_name="amount")
    long["line_label"] = long["line"].map({"variable_margin": labels["variable_margin"],
                                           "fixed_costs": labels["fixed_costs"]})
    long["rev_label"] = long["revenue"].map(lambda v: fmt_money(v, lang))
    long["amount_label"] = long["amount"].map(lambda v: fmt_money(v, lang))
    domain = [labels["variable_margin"], labels["fixed_costs"]]
    top_x = float(lines["revenue"].max() or 0)
    top_y = float(long["amount"].max() or 0)
    x_axis = money_axis(lang, top_x, labels["revenue"])
    x_axis.grid = False
    x = alt.X("revenue:Q", axis=x_axis, scale=alt.Scale(domain=[0, top_x], nice=False))
    base = alt.Chart(long).mark_line(strokeWidth=2.5).encode(
        x=x, y=alt.Y("amount:Q", axis=money_axis(lang, top_y, labels["amount"])),
        color=alt.Color("line_label:N", scale=alt.Scale(domain=domain, range=[BLUE, ORANGE]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("line_label:N", title=" "),
                 alt.Tooltip("rev_label:N", title=labels["revenue"]),
                 alt.Tooltip("amount_label:N", title=labels["amount"])],
    )
    marks = pd.DataFrame({
        "revenue": [figures["break_even_revenue"], figures["revenue"]],
        "color": [RED, GREY],
        "text": [f"{labels['break_even']} {fmt_money(figures['break_even_revenue'], lang)}",
                 f"{labels['current']} {fmt_money(figures['revenue'], lang)}"],
        "dy": [-6, 14],
    })
    layers = [base]
    for _, m in marks.iterrows():
        one = pd.DataFrame([m])
        layers.append(alt.Chart(one).mark_rule(color=m["color"], strokeDash=[6, 4],
                                               strokeWidth=2).encode(x="revenue:Q"))
        layers.append(alt.Chart(one).mark_text(align="left", dx=5, dy=float(m["dy"]),
                                               color=m["color"], fontWeight="bold").encode(
            x="revenue:Q", y=alt.value(12 if m["dy"] < 0 else 20), text="text:N"))
    return alt.layer(*layers).properties(height=height)
