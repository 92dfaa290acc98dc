"""Altair chart builders of the Structure (ABC, concentration, interquartiles, sales
statistics, product holding) and Forecast pages.

Each builder takes a DataFrame prepared by core (core/structure.py, core/forecast.py),
the language and a ``labels`` mapping of already-translated titles, and returns a chart
for ``st.altair_chart``. Tooltips show values formatted by ui/format.py; percentage
axes read "10 %" in French and "10%" in English.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import BLUE, GREY, ORANGE, money_axis, month_axis
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct, month_names

# ABC classes (best first) and interquartile classes: dark to light.
CLASS_COLORS = ("#1f4e79", "#2b6cb0", "#63a4de", "#a9cdee", "#d5e6f6")
# The Pareto zones: three hues that stay apart on screen and in grey print
# (dark blue / orange / grey-green), then greys for extra classes.
ABC_COLORS = ("#1f4e79", "#dd6b20", "#6b8f71")
GREEN = "#2f855a"
RED = "#c53030"


def pct_axis(lang: str, title: str | None = None, **kwargs) -> alt.Axis:
    """An axis of shares shown as percentages: "10 %" (fr) / "10%" (en)."""
    expr = "format(datum.value, '.0%')"
    if lang == "fr":
        expr = f"replace({expr}, '%', ' %')"
    return alt.Axis(title=title, labelExpr=expr, **kwargs)


def count_axis(lang: str, title: str | None = None) -> alt.Axis:
    """An axis of counts with the language's thousands separator."""
    expr = "format(datum.value, ',d')"
    if lang == "fr":
        expr = f"replace({expr}, regexp(',', 'g'), '\u202f')"
    return alt.Axis(title=title, labelExpr=expr)


def _class_scale(domain, palette=CLASS_COLORS) -> alt.Scale:
    domain = [str(d) for d in domain]
    colors = list(palette) + ["#a0aec0"] * max(0, len(domain) - len(palette))
    return alt.Scale(domain=domain, range=colors[: len(domain)])


def _diagonal() -> alt.Chart:
    diag = pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, 1.0]})
    return alt.Chart(diag).mark_line(color=GREY, strokeDash=[4, 4], strokeWidth=1.5).encode(
        x="x:Q", y="y:Q")


def pareto_cut_labels(bounds: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The cuts between classes (every class end but the last) with their label
    "A : 33 % → 80 %" (fr) / "A: 33% → 80%" (en): class, share of customers, share of
    value at the end of that class.

    >>> b = pd.DataFrame({"abc_class": ["A", "B", "C"], "share_customers": [0.2, 0.5, 1.0],
    ...                   "share_value": [0.8, 0.95, 1.0]})
    >>> pareto_cut_labels(b, "en")["text"].tolist()
    ['A: 20% → 80%', 'B: 50% → 95%']
    """
    cuts = bounds.iloc[:-1].copy()
    cuts["abc_class"] = cuts["abc_class"].astype(str)
    sep = " : " if lang == "fr" else ": "
    cuts["text"] = [f"{c}{sep}{fmt_pct(sc, lang, 0)} → {fmt_pct(sv, lang, 0)}"
                    for c, sc, sv in zip(cuts["abc_class"], cuts["share_customers"],
                                         cuts["share_value"], strict=True)]
    return cuts


def pareto_chart(curve: pd.DataFrame, bounds: pd.DataFrame, lang: str,
                 labels: Mapping[str, str], height: int = 380) -> alt.LayerChart:
    """Pareto (ABC) curve with the class cuts and the diagonal.

    Parameters
    ----------
    curve : DataFrame
        ``core.structure.pareto_curve`` rows: share_customers, share_value, abc_class
        (and value, customer_id for the tooltip).
    bounds : DataFrame
        One row per class with the end of the class: abc_class, share_customers,
        share_value (the cut lines are drawn there, except after the last class).
    labels : mapping
        "x", "y", "class", "customer", "value" -> titles.
    """
    data = curve[["share_customers", "share_value", "abc_class"]].copy()
    data["abc_class"] = data["abc_class"].astype(str)
    classes = [str(c) for c in bounds["abc_class"]]
    origin = pd.DataFrame({"share_customers": [0.0], "share_value": [0.0],
                           "abc_class": [classes[0] if classes else "A"]})
    data = pd.concat([origin, data], ignore_index=True)
    data["x_label"] = data["share_customers"].map(lambda v: fmt_pct(v, lang))
    data["y_label"] = data["share_value"].map(lambda v: fmt_pct(v, lang))
    x = alt.X("share_customers:Q", axis=pct_axis(lang, labels["x"]),
              scale=alt.Scale(domain=[0, 1], nice=False))
    y = alt.Y("share_value:Q", axis=pct_axis(lang, labels["y"]),
              scale=alt.Scale(domain=[0, 1.0001], nice=False, clamp=True))
    # legend outside the plot (right), symbols opaque so each class reads at a glance
    color = alt.Color("abc_class:N", scale=_class_scale(classes, ABC_COLORS),
                      legend=alt.Legend(title=labels["class"], orient="right",
                                        symbolType="square", symbolOpacity=0.85,
                                        symbolSize=160, labelFontSize=13))
    tooltip = [alt.Tooltip("abc_class:N", title=labels["class"]),
               alt.Tooltip("x_label:N", title=labels["x"]),
               alt.Tooltip("y_label:N", title=labels["y"])]
    area = alt.Chart(data).mark_area(opacity=0.3, interpolate="step-after").encode(
        x=x, y=y, color=color)
    line = alt.Chart(data).mark_line(color="#1a202c", strokeWidth=2).encode(
        x=x, y=y, tooltip=tooltip)
    cuts = pareto_cut_labels(bounds, lang)
    vrule = alt.Chart(cuts).mark_rule(color=RED, strokeDash=[6, 3]).encode(
        x="share_customers:Q")
    hrule = alt.Chart(cuts).mark_rule(color=RED, strokeDash=[2, 3], opacity=0.7).encode(
        y="share_value:Q")
    # each label ends on its cut line, inside its own class's zone (left of the vertical
    # cut), just above the horizontal cut, where the curve leaves the space empty
    text = alt.Chart(cuts).mark_text(align="right", baseline="bottom", dx=-5, dy=-3,
                                     color=RED, fontSize=12, fontWeight="bold").encode(
        x="share_customers:Q", y="share_value:Q", text="text:N")
    return alt.layer(_diagonal(), area, line, vrule, hrule, text).properties(height=height)


def lorenz_chart(curves: pd.DataFrame, lang: str, labels: Mapping[str, str],
                 height: int = 380) -> alt.LayerChart:
    """Lorenz curves (one per period) under the line of perfect equality.

    ``curves``: share_customers, share_value, period (label of the curve).
    ``labels``: "x", "y", "period".
    """
    data = curves.copy()
    data["x_label"] = data["share_customers"].map(lambda v: fmt_pct(v, lang))
    data["y_label"] = data["share_value"].map(lambda v: fmt_pct(v, lang))
    periods = list(dict.fromkeys(data["period"]))
    line = alt.Chart(data).mark_line(strokeWidth=2.5).encode(
        x=alt.X("share_customers:Q", axis=pct_axis(lang, labels["x"]),
                scale=alt.Scale(domain=[0, 1], nice=False)),
        y=alt.Y("share_value:Q", axis=pct_axis(lang, labels["y"]),
                scale=alt.Scale(domain=[0, 1], nice=False)),
        color=alt.Color("period:N", scale=alt.Scale(domain=periods,
                                                    range=[BLUE, ORANGE][: len(periods)]
                                                    if len(periods) <= 2 else None),
                        legend=alt.Legend(title=labels["period"], orient="top-left")),
        strokeDash=alt.StrokeDash("period:N", legend=None,
                                  scale=alt.Scale(domain=periods,
                                                  range=[[1, 0], [6, 3]][: len(periods)]
                                                  if len(periods) <= 2 else None)),
        tooltip=[alt.Tooltip("period:N", title=labels["period"]),
                 alt.Tooltip("x_label:N", title=labels["x"]),
                 alt.Tooltip("y_label:N", title=labels["y"])],
    )
    return alt.layer(_diagonal(), line).properties(height=height)


def share_bars_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                     height: int = 300) -> alt.Chart:
    """Share of customers next to share of value, per class (ABC or quartile).

    ``table``: class_label, share_customers, share_value.
    ``labels``: "class", "share", "share_customers", "share_value".
    """
    data = table[["class_label", "share_customers", "share_value"]].melt(
        id_vars="class_label", var_name="measure", value_name="share")
    names = {"share_customers": labels["share_customers"], "share_value": labels["share_value"]}
    data["measure"] = data["measure"].map(names)
    data["share_text"] = data["share"].map(lambda v: fmt_pct(v, lang, 0))
    order = list(dict.fromkeys(table["class_label"]))
    domain = [labels["share_customers"], labels["share_value"]]
    base = alt.Chart(data).encode(
        x=alt.X("class_label:N", sort=order, title=labels["class"],
                axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("measure:N", sort=domain),
        y=alt.Y("share:Q", axis=pct_axis(lang, labels["share"])),
        color=alt.Color("measure:N", scale=alt.Scale(domain=domain, range=[GREY, BLUE]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("class_label:N", title=labels["class"]),
                 alt.Tooltip("measure:N", title=" "),
                 alt.Tooltip("share_text:N", title=labels["share"])],
    )
    bars = base.mark_bar()
    text = base.mark_text(dy=-7, fontSize=11).encode(text="share_text:N")
    return alt.layer(bars, text).properties(height=height)


def histogram_chart(hist: pd.DataFrame, lang: str, labels: Mapping[str, str],
                    log: bool = False, height: int = 300) -> alt.Chart:
    """Histogram of a money distribution (log x scale when ``log``).

    ``hist``: ``core.structure.histogram`` output. ``labels``: "x", "count".
    """
    data = hist.copy()
    data["range_label"] = [f"{fmt_money(a, lang)} – {fmt_money(b, lang)}"
                           for a, b in zip(data["bin_start"], data["bin_end"], strict=True)]
    data["count_label"] = data["count"].map(lambda v: fmt_number(v, lang))
    data["share_label"] = data["share"].map(lambda v: fmt_pct(v, lang))
    top = float(data["bin_end"].abs().max()) if len(data) else 1.0
    scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    return alt.Chart(data).mark_bar(color=BLUE, opacity=0.85, stroke="white",
                                    strokeWidth=0.5).encode(
        x=alt.X("bin_start:Q", scale=scale, axis=money_axis(lang, top, labels["x"])),
        x2="bin_end:Q",
        y=alt.Y("count:Q", axis=count_axis(lang, labels["count"])),
        y2=alt.datum(0),
        tooltip=[alt.Tooltip("range_label:N", title=labels["x"]),
                 alt.Tooltip("count_label:N", title=labels["count"]),
                 alt.Tooltip("share_label:N", title="%")],
    ).properties(height=height)


def box_chart(stats: pd.DataFrame, lang: str, labels: Mapping[str, str], log: bool = False,
              height: int | None = None) -> alt.LayerChart:
    """Box plots from precomputed statistics, one horizontal box per group.

    Whiskers go from the first to the ninth decile (D1-D9, the French school "boîte
    à moustaches" variant that keeps extreme invoices from flattening the boxes); the
    box from Q1 to Q3, the white tick is the median, the orange dot the mean. Min and
    max are in the tooltip.
    ``stats``: group_label, min, d1, q1, median, q3, d9, max, mean, count.
    ``labels``: "group", "value", "min", "d1", "q1", "median", "q3", "d9", "max",
    "mean", "count".
    """
    data = stats.copy()
    cols = ("min", "d1", "q1", "median", "q3", "d9", "max", "mean")
    for col in cols:
        data[f"{col}_label"] = data[col].map(lambda v: fmt_money(v, lang))
    data["count_label"] = data["count"].map(lambda v: fmt_number(v, lang))
    if log:  # a log axis cannot show values <= 0: clip them to the smallest positive
        positive = data[list(cols)].to_numpy()
        positive = positive[positive > 0]
        floor = float(positive.min()) if positive.size else 1.0
        for col in cols:
            data[col] = data[col].clip(lower=floor)
    order = list(dict.fromkeys(data["group_label"]))
    top = float(np.nanmax(np.abs(data[["d9", "d1"]].to_numpy()))) if len(data) else 1.0
    scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    tooltip = [alt.Tooltip("group_label:N", title=labels["group"]),
               alt.Tooltip("count_label:N", title=labels["count"]),
               alt.Tooltip("min_label:N", title=labels["min"]),
               alt.Tooltip("d1_label:N", title=labels["d1"]),
               alt.Tooltip("q1_label:N", title=labels["q1"]),
               alt.Tooltip("median_label:N", title=labels["median"]),
               alt.Tooltip("mean_label:N", title=labels["mean"]),
               alt.Tooltip("q3_label:N", title=labels["q3"]),
               alt.Tooltip("d9_label:N", title=labels["d9"]),
               alt.Tooltip("max_label:N", title=labels["max"])]
    y = alt.Y("group_label:N", sort=order, title=labels["group"])
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    whisker = base.mark_rule(color=GREY, strokeWidth=1.5).encode(
        x=alt.X("d1:Q", scale=scale, axis=money_axis(lang, top, labels["value"])),
        x2="d9:Q")
    caps = base.mark_tick(color=GREY, thickness=1.5, size=12)
    box = base.mark_bar(color=BLUE, opacity=0.8, size=18).encode(x="q1:Q", x2="q3:Q")
    median = base.mark_tick(color="white", thickness=3, size=18).encode(x="median:Q")
    mean = base.mark_point(color=ORANGE, filled=True, size=50).encode(x="mean:Q")
    height = height or max(120, 34 * len(order) + 40)
    return alt.layer(whisker, caps.encode(x="d1:Q"), caps.encode(x="d9:Q"), box, median,
                     mean).properties(height=height)


def holding_heatmap(long: pd.DataFrame, lang: str, labels: Mapping[str, str],
                    height: int | None = None) -> alt.LayerChart:
    """Customers x product families: colour = value bought, light grey = not held.

    ``long``: customer_label, family, value, held (bool); customers in display order.
    ``labels``: "customer", "family", "value".
    """
    data = long.copy()
    data["value_label"] = data["value"].map(lambda v: fmt_money(v, lang))
    customers = list(dict.fromkeys(data["customer_label"]))
    families = sorted(data["family"].unique().tolist())
    height = height or max(200, 20 * len(customers) + 40)
    base = alt.Chart(data).encode(
        x=alt.X("family:N", sort=families, title=labels["family"],
                axis=alt.Axis(labelAngle=-30, labelAlign="left", orient="top",
                              labelOverlap=False, labelLimit=140)),
        y=alt.Y("customer_label:N", sort=customers, title=labels["customer"],
                axis=alt.Axis(labelOverlap=False, labelLimit=260)),
        tooltip=[alt.Tooltip("customer_label:N", title=labels["customer"]),
                 alt.Tooltip("family:N", title=labels["family"]),
                 alt.Tooltip("value_label:N", title=labels["value"])],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.condition(
            "datum.held",
            alt.Color("value:Q", scale=alt.Scale(range=["#a6cbe8", "#08306b"], type="sqrt"),
                      legend=alt.Legend(title=labels["value"], labelExpr=money_axis(
                          lang, float(data["value"].max() or 0)).labelExpr)),
            alt.value("#f7f7f7"),
        )
    )
    return cells.properties(height=height, width="container")


def count_bars_chart(frame: pd.DataFrame, lang: str, labels: Mapping[str, str],
                     height: int = 260) -> alt.LayerChart:
    """Bars of a head-count per category (e.g. customers per number of families held).

    ``frame``: category (ordered), count, share. ``labels``: "category", "count".
    """
    data = frame.copy()
    data["count_label"] = data["count"].map(lambda v: fmt_number(v, lang))
    data["share_label"] = data["share"].map(lambda v: fmt_pct(v, lang, 0))
    order = list(data["category"])
    base = alt.Chart(data).encode(
        x=alt.X("category:O", sort=order, title=labels["category"],
                axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", axis=count_axis(lang, labels["count"])),
        tooltip=[alt.Tooltip("category:O", title=labels["category"]),
                 alt.Tooltip("count_label:N", title=labels["count"]),
                 alt.Tooltip("share_label:N", title="%")],
    )
    bars = base.mark_bar(color=BLUE)
    text = base.mark_text(dy=-7, fontSize=11).encode(text="share_label:N")
    return alt.layer(bars, text).properties(height=height)


def forecast_chart(frame: pd.DataFrame, lang: str, labels: Mapping[str, str],
                   height: int = 360) -> alt.LayerChart:
    """History, fitted model, forecast and trend for one series.

    ``frame``: ``TrendSeasonal.components`` rows of one group: month, kind
    ("history" / "forecast"), actual, trend, coefficient, model.
    ``labels``: "month", "amount", "actual", "fitted", "forecast", "trend",
    "coefficient".
    """
    data = frame.copy()
    data["month"] = pd.to_datetime(data["month"])
    series = {"actual": labels["actual"], "fitted": labels["fitted"],
              "forecast": labels["forecast"], "trend": labels["trend"]}
    hist = data[data["kind"] == "history"]
    fut = data[data["kind"] == "forecast"]
    parts = [
        pd.DataFrame({"month": hist["month"], "series": series["actual"],
                      "value": hist["actual"]}),
        pd.DataFrame({"month": hist["month"], "series": series["fitted"],
                      "value": hist["model"]}),
        # the forecast line holds forecast months only (its first point is the first
        # forecast month); a thin dashed link below joins it to the last actual point
        pd.DataFrame({"month": fut["month"], "series": series["forecast"],
                      "value": fut["model"]}),
        pd.DataFrame({"month": data["month"], "series": series["trend"],
                      "value": data["trend"]}),
    ]
    long = pd.concat(parts, ignore_index=True)
    long["month_label"] = long["month"].map(lambda d: fmt_date(d, lang, "month_name"))
    long["value_label"] = long["value"].map(lambda v: fmt_money(v, lang))
    domain = [series["actual"], series["fitted"], series["forecast"], series["trend"]]
    top = float(np.nanmax(np.abs(long["value"].to_numpy()))) if len(long) else 1.0
    chart = alt.Chart(long).mark_line(point=alt.OverlayMarkDef(size=20)).encode(
        x=alt.X("month:T", axis=month_axis(lang, labels["month"])),
        y=alt.Y("value:Q", axis=money_axis(lang, top, labels["amount"])),
        color=alt.Color("series:N", scale=alt.Scale(domain=domain,
                                                    range=[BLUE, "#a0aec0", ORANGE, GREY]),
                        legend=alt.Legend(title=None, orient="top")),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(
            domain=domain, range=[[1, 0], [3, 3], [1, 0], [6, 4]]), legend=None),
        strokeWidth=alt.StrokeWidth("series:N", scale=alt.Scale(
            domain=domain, range=[2.5, 1.5, 3, 1.5]), legend=None),
        tooltip=[alt.Tooltip("month_label:N", title=labels["month"]),
                 alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value_label:N", title=labels["amount"])],
    )
    start = fut["month"].min() if len(fut) else None
    layers = [chart]
    if start is not None and len(hist):
        # link: last actual month (its actual value) -> first forecast month; no points,
        # no tooltip, so no month ever reads as a forecast that is not one
        link = pd.DataFrame({"month": [hist["month"].iloc[-1], fut["month"].iloc[0]],
                             "value": [hist["actual"].iloc[-1], fut["model"].iloc[0]]})
        if link["value"].notna().all():
            layers.append(alt.Chart(link).mark_line(
                color=ORANGE, strokeDash=[3, 3], strokeWidth=1.5, opacity=0.9).encode(
                x="month:T", y="value:Q"))
    if start is not None:
        band = pd.DataFrame({"start": [start - pd.Timedelta(days=15)],
                             "end": [fut["month"].max() + pd.Timedelta(days=15)]})
        layers.insert(0, alt.Chart(band).mark_rect(color="#fefcbf", opacity=0.5).encode(
            x="start:T", x2="end:T"))
    return alt.layer(*layers).properties(height=height)


def backtest_chart(detail: pd.DataFrame, lang: str, labels: Mapping[str, str],
                   height: int = 280) -> alt.Chart:
    """Held-out months: actual against the model and the naive seasonal forecast.

    ``detail``: month, actual, forecast, naive (one group).
    ``labels``: "month", "amount", "actual", "forecast", "naive".
    """
    names = {"actual": labels["actual"], "forecast": labels["forecast"],
             "naive": labels["naive"]}
    long = detail.melt(id_vars="month", value_vars=list(names), var_name="series",
                       value_name="value")
    long["series"] = long["series"].map(names)
    long["month_label"] = long["month"].map(lambda d: fmt_date(d, lang, "month_name"))
    long["value_label"] = long["value"].map(lambda v: fmt_money(v, lang))
    domain = list(names.values())
    top = float(np.nanmax(np.abs(long["value"].to_numpy()))) if len(long) else 1.0
    return alt.Chart(long).mark_line(point=alt.OverlayMarkDef(size=40)).encode(
        x=alt.X("month:T", axis=alt.Axis(
            title=labels["month"], labelAngle=0, tickCount={"interval": "month", "step": 1},
            labelExpr="[" + ", ".join(f"'{m}'" for m in month_names(lang))
            + "][month(datum.value)] + ' ' + year(datum.value)")),
        y=alt.Y("value:Q", axis=money_axis(lang, top, labels["amount"])),
        color=alt.Color("series:N", scale=alt.Scale(domain=domain,
                                                    range=[BLUE, ORANGE, GREY]),
                        legend=alt.Legend(title=None, orient="top")),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(
            domain=domain, range=[[1, 0], [1, 0], [5, 4]]), legend=None),
        tooltip=[alt.Tooltip("month_label:N", title=labels["month"]),
                 alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value_label:N", title=labels["amount"])],
    ).properties(height=height)


def decimal_axis(lang: str, title: str | None = None, decimals: int = 1,
                 **kwargs) -> alt.Axis:
    """An axis of plain decimals: "1,2" (fr) / "1.2" (en)."""
    expr = f"format(datum.value, '.{decimals}f')"
    if lang == "fr":
        expr = f"replace({expr}, '.', ',')"
    return alt.Axis(title=title, labelExpr=expr, **kwargs)


def coefficients_chart(coefs: pd.DataFrame, lang: str, labels: Mapping[str, str],
                       height: int = 260) -> alt.LayerChart:
    """Seasonal coefficients per calendar month, bars around the line 1.

    Each bar's value is written past its end: above the bars over 1, below the bars
    under 1, never on the bar itself; the y axis reads "1,2" in French.
    ``coefs``: month_name (ordered), coefficient. ``labels``: "month", "coefficient".
    """
    data = coefs.copy()
    data["coef_label"] = data["coefficient"].map(lambda v: fmt_number(v, lang, 2))
    data["above"] = data["coefficient"] >= 1
    order = list(data["month_name"])
    values = data["coefficient"].to_numpy(dtype="float64")
    finite = values[np.isfinite(values)]
    lo = min(1.0, float(finite.min())) if finite.size else 0.9
    hi = max(1.0, float(finite.max())) if finite.size else 1.1
    pad = max(0.08, 0.14 * (hi - lo))  # room for the labels past the bar ends
    y = alt.Y("coefficient:Q", title=labels["coefficient"],
              scale=alt.Scale(domain=[lo - pad, hi + pad], nice=False, zero=False),
              axis=decimal_axis(lang, labels["coefficient"], tickCount=6))
    base = alt.Chart(data).encode(
        x=alt.X("month_name:N", sort=order, title=labels["month"],
                axis=alt.Axis(labelAngle=-45, labelOverlap=False)),
        tooltip=[alt.Tooltip("month_name:N", title=labels["month"]),
                 alt.Tooltip("coef_label:N", title=labels["coefficient"])],
    )
    bars = base.mark_bar().encode(
        y=y, y2=alt.datum(1),
        color=alt.condition("datum.above", alt.value(BLUE), alt.value(ORANGE)),
    )
    over = base.transform_filter("datum.above").mark_text(
        baseline="bottom", dy=-3, fontSize=10, color="#1a202c").encode(
        y=alt.Y("coefficient:Q"), text="coef_label:N")
    under = base.transform_filter("!datum.above").mark_text(
        baseline="top", dy=3, fontSize=10, color="#1a202c").encode(
        y=alt.Y("coefficient:Q"), text="coef_label:N")
    one = alt.Chart(pd.DataFrame({"y": [1.0]})).mark_rule(color=GREY).encode(y="y:Q")
    return alt.layer(bars, one, over, under).properties(height=height)
