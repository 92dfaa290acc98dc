"""Altair chart builders: each takes a DataFrame, the language and optional labels, and
returns a chart for ``st.altair_chart``. Pages only render.

Axes are titled in the interface language and numbers are formatted for it (French
month names, ``1 234 k€`` vs ``€1,234k``); tooltips show values formatted by
ui/format.py.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from ui.format import fmt_date, fmt_money, fmt_number, month_names
from ui.i18n import t

# A sober palette (colour-blind safe pair for the two main series).
BLUE = "#2b6cb0"
ORANGE = "#dd6b20"
GREY = "#718096"


def money_axis(lang: str, max_value: float, title: str | None = None) -> alt.Axis:
    """A y axis in euros scaled to the data (€, k€ or M€), formatted for ``lang``.

    >>> "M€" in money_axis("fr", 2_500_000).labelExpr
    True
    """
    max_value = abs(float(max_value or 0))
    if max_value >= 2e6:
        divisor, unit = 1e6, "M"
    elif max_value >= 1e4:
        divisor, unit = 1e3, "k"
    else:
        divisor, unit = 1, ""
    number = f"format(datum.value / {divisor:g}, ',.2~f')"
    if lang == "fr":
        expr = (f"replace(replace(replace({number}, regexp(',', 'g'), ' '), '.', ','),"
                f" '-', '−') + ' {unit}€'")
    else:
        expr = f"replace('€' + {number} + '{unit}', '€-', '−€')"
    expr = f"datum.value == 0 ? '0' : {expr}"
    return alt.Axis(title=title, labelExpr=expr, grid=True)


def month_axis(lang: str, title: str | None = None) -> alt.Axis:
    """An x axis of months labelled "janv. 2026" (fr) / "Jan 2026" (en)."""
    names = ", ".join(f"'{m}'" for m in month_names(lang))
    expr = f"[{names}][month(datum.value)] + ' ' + year(datum.value)"
    return alt.Axis(title=title, labelExpr=expr, labelAngle=0, labelOverlap=True,
                    tickCount={"interval": "month", "step": 3}, grid=False)


def monthly_sales_chart(frame: pd.DataFrame, lang: str,
                        labels: Mapping[str, str] | None = None,
                        show_margin: bool = True, height: int = 320) -> alt.LayerChart:
    """Monthly revenue (bars) and margin (line) over time.

    Parameters
    ----------
    frame : DataFrame
        ``core.features.monthly_sales`` output: month (first day), revenue, margin,
        orders.
    lang : str
        "fr" or "en".
    labels : mapping, optional
        Overrides for "month", "revenue", "margin", "orders", "amount" (the y title).
    show_margin : bool
        Draw the margin line (turn off when the data has no margin).
    """
    lab = {
        "month": t("columns.month", lang=lang),
        "revenue": t("columns.revenue", lang=lang),
        "margin": t("columns.margin", lang=lang),
        "orders": t("columns.orders", lang=lang),
        "amount": t("charts.amount_axis", lang=lang),
    }
    lab.update(labels or {})
    data = frame[["month", "revenue", "margin", "orders"]].copy()
    data["month_label"] = data["month"].map(lambda d: fmt_date(d, lang, "month_name"))
    data["revenue_label"] = data["revenue"].map(lambda v: fmt_money(v, lang))
    data["margin_label"] = data["margin"].map(lambda v: fmt_money(v, lang))
    data["orders_label"] = data["orders"].map(lambda v: fmt_number(v, lang))
    series = [lab["revenue"]] + ([lab["margin"]] if show_margin else [])
    long = data.melt(
        id_vars=["month", "month_label", "revenue_label", "margin_label", "orders_label"],
        value_vars=["revenue"] + (["margin"] if show_margin else []),
        var_name="measure", value_name="value",
    )
    long["measure"] = long["measure"].map({"revenue": lab["revenue"], "margin": lab["margin"]})
    top = max(float(data["revenue"].max() or 0), float(data["margin"].max() or 0)
              if show_margin else 0.0)
    color = alt.Color(
        "measure:N",
        scale=alt.Scale(domain=series, range=[BLUE, ORANGE][: len(series)]),
        legend=alt.Legend(title=None, orient="top"),
    )
    tooltip = [
        alt.Tooltip("month_label:N", title=lab["month"]),
        alt.Tooltip("revenue_label:N", title=lab["revenue"]),
    ]
    if show_margin:
        tooltip.append(alt.Tooltip("margin_label:N", title=lab["margin"]))
    tooltip.append(alt.Tooltip("orders_label:N", title=lab["orders"]))
    # One band per month (ordinal x) shared by both layers: the line's points sit on the
    # bar centres and each label under its bar (a temporal x would put the bars on the month
    # span and the points on the month start). A label every 3 months, the last one shown.
    order = list(data["month_label"])
    shown = order[::-1][::3][::-1] if len(order) > 12 else order
    x_axis = alt.Axis(title=lab["month"], values=shown, labelAngle=0, labelOverlap=True,
                      grid=False, ticks=True)
    base = alt.Chart(long).encode(
        x=alt.X("month_label:O", sort=order, axis=x_axis,
                scale=alt.Scale(paddingInner=0.15, paddingOuter=0.1)),
        y=alt.Y("value:Q", axis=money_axis(lang, top, lab["amount"])),
        color=color,
        tooltip=tooltip,
    )
    bars = base.transform_filter(alt.datum.measure == lab["revenue"]).mark_bar(opacity=0.85)
    layers = [bars]
    if show_margin:
        line = base.transform_filter(alt.datum.measure == lab["margin"]).mark_line(
            point=alt.OverlayMarkDef(size=28), strokeWidth=2.5)
        layers.append(line)
    return alt.layer(*layers).properties(height=height)
