"""Altair chart builders of the Segmentation and Predictive scores pages.

Each builder takes a DataFrame prepared by core (core/clustering.py, core/scoring.py),
the language and a ``labels`` mapping of already-translated titles, and returns a chart
for ``st.altair_chart``. Numbers in tooltips and on marks are formatted by ui/format.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from ui.charts import BLUE, GREY, ORANGE
from ui.format import fmt_money, fmt_number, fmt_pct

# Cluster colours (Tableau 10, colour-blind friendly enough for up to 10 groups).
CLUSTER_COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                  "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
# Bands A (act first, red) .. E (calm, green).
BAND_COLORS = ("#c53030", "#dd6b20", "#d69e2e", "#68a063", "#2f855a")
RED = "#c53030"


def _pct_axis(lang: str, title: str | None, **kwargs) -> alt.Axis:
    expr = "format(datum.value, '.0%')"
    if lang == "fr":
        expr = f"replace({expr}, '%', ' %')"
    return alt.Axis(title=title, labelExpr=expr, **kwargs)


def _num_axis(lang: str, title: str | None, fmt: str = ",.2~f", **kwargs) -> alt.Axis:
    expr = f"format(datum.value, '{fmt}')"
    if lang == "fr":
        expr = (f"replace(replace(replace({expr}, regexp(',', 'g'), ' '), '.', ','), "
                "'-', '−')")
    return alt.Axis(title=title, labelExpr=expr, **kwargs)


def cluster_scale(order: Sequence[str]) -> alt.Scale:
    """Colour scale of cluster labels, in cluster order."""
    colors = list(CLUSTER_COLORS) * (len(order) // len(CLUSTER_COLORS) + 1)
    return alt.Scale(domain=list(order), range=colors[: len(order)])


# ------------------------------------------------------------------------- clustering


def k_selection_charts(table: pd.DataFrame, chosen_k: int, lang: str,
                       labels: Mapping[str, str], height: int = 230
                       ) -> tuple[alt.LayerChart, alt.LayerChart]:
    """Elbow (inertia) and silhouette by number of clusters, the chosen k circled: two
    charts for two columns.

    ``table``: core.clustering.k_selection output (k, inertia, silhouette).
    ``labels``: "k", "inertia", "silhouette".
    """
    data = table.copy()
    data["inertia_label"] = data["inertia"].map(lambda v: fmt_number(v, lang))
    data["silhouette_label"] = data["silhouette"].map(lambda v: fmt_number(v, lang, 2))
    tooltip = [alt.Tooltip("k:O", title=labels["k"]),
               alt.Tooltip("inertia_label:N", title=labels["inertia"]),
               alt.Tooltip("silhouette_label:N", title=labels["silhouette"])]
    x = alt.X("k:O", title=labels["k"], axis=alt.Axis(labelAngle=0))

    def panel(field: str, color: str, fmt: str) -> alt.LayerChart:
        base = alt.Chart(data).encode(x=x, tooltip=tooltip)
        line = base.mark_line(color=color, strokeWidth=2.5, point=alt.OverlayMarkDef(
            color=color, size=50)).encode(
            y=alt.Y(f"{field}:Q", axis=_num_axis(lang, labels[field], fmt),
                    scale=alt.Scale(zero=False)))
        mark = base.transform_filter(alt.datum.k == chosen_k).mark_point(
            size=300, shape="circle", filled=False, color=RED, strokeWidth=2.5).encode(
            y=f"{field}:Q")
        return alt.layer(line, mark).properties(height=height)

    return panel("inertia", BLUE, ",.0f"), panel("silhouette", ORANGE, ".2f")


def cluster_share_chart(summary: pd.DataFrame, lang: str, labels: Mapping[str, str],
                        height: int = 260) -> alt.Chart:
    """Share of customers vs share of revenue per cluster (grouped horizontal bars).

    ``summary``: core summary with a ``label`` column (cluster display name),
    share_customers and, when present, share_revenue.
    ``labels``: "cluster", "share", "share_customers", "share_revenue".
    """
    measures = [m for m in ("share_customers", "share_revenue") if m in summary.columns]
    long = summary.melt(id_vars=["label"], value_vars=measures, var_name="measure",
                        value_name="value")
    long["measure_label"] = long["measure"].map(lambda m: labels[m])
    long["value_label"] = long["value"].map(lambda v: fmt_pct(v, lang, 0))
    order = list(summary["label"])
    m_order = [labels[m] for m in measures]
    base = alt.Chart(long).encode(
        y=alt.Y("label:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=340, labelOverlap=False, labelFontSize=12)),
        yOffset=alt.YOffset("measure_label:N", sort=m_order),
        x=alt.X("value:Q", axis=_pct_axis(lang, labels["share"]),
                scale=alt.Scale(domain=[0, min(1.0, float(long["value"].max()) * 1.15)])),
        tooltip=[alt.Tooltip("label:N", title=labels["cluster"]),
                 alt.Tooltip("measure_label:N", title=" "),
                 alt.Tooltip("value_label:N", title=labels["share"])],
    )
    bars = base.mark_bar().encode(color=alt.Color(
        "measure_label:N", scale=alt.Scale(domain=m_order, range=[GREY, BLUE][: len(m_order)]),
        legend=alt.Legend(title=None, orient="top")))
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(text="value_label:N")
    return alt.layer(bars, text).properties(height=height)


def profile_heatmap(profiles: pd.DataFrame, lang: str, labels: Mapping[str, str],
                    height: int | None = None) -> alt.LayerChart:
    """Cluster profiles: colour = centroid in standard deviations (blue below the
    average customer, red above), text = the cluster's mean of the feature.

    ``profiles``: cluster ``label``, ``feature_label``, mean, overall_mean, index, z,
    and ``mean_text`` / ``overall_text`` (formatted by the page).
    ``labels``: "cluster", "feature", "mean", "overall", "z", "index".
    """
    data = profiles.copy()
    data["z_clip"] = data["z"].clip(-2, 2)
    data["z_label"] = data["z"].map(lambda v: fmt_number(v, lang, 2))
    data["index_label"] = data["index"].map(lambda v: fmt_number(v, lang))
    rows = list(dict.fromkeys(data["label"]))
    cols = list(dict.fromkeys(data["feature_label"]))
    base = alt.Chart(data).encode(
        x=alt.X("feature_label:N", sort=cols, title=None,
                axis=alt.Axis(labelAngle=-30, labelLimit=180, orient="top",
                              labelOverlap=False, labelFontSize=12)),
        y=alt.Y("label:N", sort=rows, title=None,
                axis=alt.Axis(labelLimit=340, labelOverlap=False, labelFontSize=12)),
        tooltip=[alt.Tooltip("label:N", title=labels["cluster"]),
                 alt.Tooltip("feature_label:N", title=labels["feature"]),
                 alt.Tooltip("mean_text:N", title=labels["mean"]),
                 alt.Tooltip("overall_text:N", title=labels["overall"]),
                 alt.Tooltip("index_label:N", title=labels["index"]),
                 alt.Tooltip("z_label:N", title=labels["z"])],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("z_clip:Q", scale=alt.Scale(scheme="redblue", domain=[-2, 2],
                                                    reverse=True),
                        legend=alt.Legend(title=labels["z"], orient="right", values=[-2, 0, 2],
                                          gradientLength=max(60, 46 * len(rows) - 20),
                                          labelExpr="datum.value > 0 ? '+' + datum.value : "
                                                    "datum.value < 0 ? '−' + abs(datum.value)"
                                                    " : '0'")))
    text = base.mark_text(fontSize=12).encode(
        text="mean_text:N",
        color=alt.condition("abs(datum.z_clip) > 1.2", alt.value("white"),
                            alt.value("#1a202c")))
    # Streamlit sizes charts with autosize "fit": the height includes the axis labels
    return alt.layer(cells, text).properties(height=height or 46 * len(rows) + 130)


def pca_chart(points: pd.DataFrame, order: Sequence[str], lang: str,
              labels: Mapping[str, str], height: int = 440) -> alt.Chart:
    """The perceptual map: customers on the first two principal axes, coloured by
    cluster. ``points``: pc1, pc2, label (cluster), customer, revenue_text.
    ``labels``: "pc1", "pc2" (with the variance explained), "cluster", "customer",
    "revenue".
    """
    return alt.Chart(points).mark_circle(size=36, opacity=0.7).encode(
        x=alt.X("pc1:Q", axis=_num_axis(lang, labels["pc1"], ".1f")),
        y=alt.Y("pc2:Q", axis=_num_axis(lang, labels["pc2"], ".1f")),
        color=alt.Color("label:N", scale=cluster_scale(order),
                        legend=alt.Legend(title=labels["cluster"], orient="bottom",
                                          columns=2, labelLimit=360)),
        tooltip=[alt.Tooltip("customer:N", title=labels["customer"]),
                 alt.Tooltip("label:N", title=labels["cluster"]),
                 alt.Tooltip("revenue_text:N", title=labels["revenue"])],
    ).properties(height=height)


# ---------------------------------------------------------------------------- scoring


def gain_chart(gain: pd.DataFrame, lang: str, labels: Mapping[str, str],
               highlight: float = 0.2, height: int = 300) -> alt.LayerChart:
    """Cumulative gain: share of the events reached when targeting the top x % of scores,
    against random targeting (the diagonal).

    ``gain``: core.scoring.gain_table output (share_customers, gain, cum_lift).
    ``labels``: "targeted", "reached", "model", "random", "lift".
    """
    data = pd.concat([pd.DataFrame({"share_customers": [0.0], "gain": [0.0],
                                    "cum_lift": [np.nan]}),
                      gain[["share_customers", "gain", "cum_lift"]]], ignore_index=True)
    data["targeted_label"] = data["share_customers"].map(lambda v: fmt_pct(v, lang, 0))
    data["reached_label"] = data["gain"].map(lambda v: fmt_pct(v, lang, 0))
    data["lift_label"] = data["cum_lift"].map(lambda v: fmt_number(v, lang, 1))
    series = [labels["model"], labels["random"]]
    x = alt.X("share_customers:Q", axis=_pct_axis(lang, labels["targeted"]),
              scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("gain:Q", axis=_pct_axis(lang, labels["reached"]),
              scale=alt.Scale(domain=[0, 1]))
    color = alt.Color("series:N", scale=alt.Scale(domain=series, range=[BLUE, GREY]),
                      legend=alt.Legend(title=None, orient="top"))
    model = alt.Chart(data.assign(series=labels["model"])).mark_line(
        strokeWidth=3, point=alt.OverlayMarkDef(size=40)).encode(
        x=x, y=y, color=color,
        tooltip=[alt.Tooltip("targeted_label:N", title=labels["targeted"]),
                 alt.Tooltip("reached_label:N", title=labels["reached"]),
                 alt.Tooltip("lift_label:N", title=labels["lift"])])
    diag = alt.Chart(pd.DataFrame({"share_customers": [0.0, 1.0], "gain": [0.0, 1.0],
                                   "series": labels["random"]})).mark_line(
        strokeDash=[6, 4], strokeWidth=2).encode(x=x, y=y, color=color)
    rule = alt.Chart(pd.DataFrame({"share_customers": [highlight]})).mark_rule(
        color=ORANGE, strokeDash=[2, 3]).encode(x="share_customers:Q")
    return alt.layer(diag, rule, model).properties(height=height)


def lift_chart(gain: pd.DataFrame, lang: str, labels: Mapping[str, str],
               height: int = 300) -> alt.LayerChart:
    """Lift by decile: event rate of each group / overall rate (1 = random).

    ``labels``: "group", "lift", "rate", "customers".
    """
    data = gain.copy()
    data["lift_label"] = data["lift"].map(lambda v: fmt_number(v, lang, 1))
    data["rate_label"] = data["rate"].map(lambda v: fmt_pct(v, lang, 0))
    data["n_label"] = data["n"].map(lambda v: fmt_number(v, lang))
    base = alt.Chart(data).encode(
        x=alt.X("group:O", title=labels["group"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("lift:Q", axis=_num_axis(lang, labels["lift"], ".1f")),
        tooltip=[alt.Tooltip("group:O", title=labels["group"]),
                 alt.Tooltip("n_label:N", title=labels["customers"]),
                 alt.Tooltip("rate_label:N", title=labels["rate"]),
                 alt.Tooltip("lift_label:N", title=labels["lift"])])
    bars = base.mark_bar(color=BLUE)
    text = base.mark_text(dy=-7, fontSize=11).encode(text="lift_label:N")
    one = alt.Chart(pd.DataFrame({"y": [1.0]})).mark_rule(
        color=GREY, strokeDash=[6, 4]).encode(y="y:Q")
    return alt.layer(bars, text, one).properties(height=height)


def roc_chart(roc: pd.DataFrame, lang: str, labels: Mapping[str, str],
              height: int = 280) -> alt.LayerChart:
    """ROC curve (true-positive rate vs false-positive rate) with the chance diagonal.

    ``labels``: "fpr", "tpr".
    """
    step = max(1, len(roc) // 400)
    data = roc.iloc[::step]
    x = alt.X("fpr:Q", axis=_pct_axis(lang, labels["fpr"]), scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("tpr:Q", axis=_pct_axis(lang, labels["tpr"]), scale=alt.Scale(domain=[0, 1]))
    curve = alt.Chart(data).mark_line(color=BLUE, strokeWidth=2.5, interpolate="step-after"
                                      ).encode(x=x, y=y)
    diag = alt.Chart(pd.DataFrame({"fpr": [0.0, 1.0], "tpr": [0.0, 1.0]})).mark_line(
        color=GREY, strokeDash=[6, 4]).encode(x=x, y=y)
    return alt.layer(diag, curve).properties(height=height)


def calibration_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                      height: int = 280) -> alt.LayerChart:
    """Predicted vs observed event rate per score group, with the perfect diagonal.

    ``table``: core.scoring.calibration_table output. ``labels``: "predicted",
    "observed", "customers".
    """
    data = table.copy()
    data["pred_label"] = data["mean_predicted"].map(lambda v: fmt_pct(v, lang, 0))
    data["obs_label"] = data["observed_rate"].map(lambda v: fmt_pct(v, lang, 0))
    data["n_label"] = data["n"].map(lambda v: fmt_number(v, lang))
    top = float(max(data["mean_predicted"].max(), data["observed_rate"].max(), 0.05)) * 1.05
    top = min(1.0, top)
    x = alt.X("mean_predicted:Q", axis=_pct_axis(lang, labels["predicted"]),
              scale=alt.Scale(domain=[0, top]))
    y = alt.Y("observed_rate:Q", axis=_pct_axis(lang, labels["observed"]),
              scale=alt.Scale(domain=[0, top]))
    diag = alt.Chart(pd.DataFrame({"mean_predicted": [0.0, top],
                                   "observed_rate": [0.0, top]})).mark_line(
        color=GREY, strokeDash=[6, 4]).encode(x=x, y=y)
    pts = alt.Chart(data).mark_line(color=ORANGE, strokeWidth=2, point=alt.OverlayMarkDef(
        size=60, color=ORANGE)).encode(
        x=x, y=y, tooltip=[alt.Tooltip("pred_label:N", title=labels["predicted"]),
                           alt.Tooltip("obs_label:N", title=labels["observed"]),
                           alt.Tooltip("n_label:N", title=labels["customers"])])
    return alt.layer(diag, pts).properties(height=height)


def importance_chart(table: pd.DataFrame, lang: str, labels: Mapping[str, str],
                     top: int = 12, height: int | None = None) -> alt.Chart:
    """Permutation importance: the AUC lost when a column is shuffled (longest bar =
    the most useful column). ``table``: feature_label, importance, std.
    ``labels``: "feature", "importance".
    """
    data = table.head(top).copy()
    data["imp_label"] = data["importance"].map(lambda v: fmt_number(v, lang, 3))
    order = list(data["feature_label"])
    return alt.Chart(data).mark_bar(color=BLUE).encode(
        y=alt.Y("feature_label:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=300, labelOverlap=False, labelFontSize=12)),
        x=alt.X("importance:Q", axis=_num_axis(lang, labels["importance"], ".3~f",
                                               tickCount=6)),
        tooltip=[alt.Tooltip("feature_label:N", title=labels["feature"]),
                 alt.Tooltip("imp_label:N", title=labels["importance"])],
    ).properties(height=height or 28 * len(data) + 70)


def band_chart(counts: pd.DataFrame, lang: str, labels: Mapping[str, str],
               height: int = 220) -> alt.LayerChart:
    """Customers per band A-E with their mean probability.

    ``counts``: band, customers, mean_probability. ``labels``: "band", "customers",
    "probability".
    """
    data = counts.copy()
    data["n_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    data["p_label"] = data["mean_probability"].map(lambda v: fmt_pct(v, lang, 0))
    domain = ["A", "B", "C", "D", "E"]
    base = alt.Chart(data).encode(
        x=alt.X("band:N", sort=domain, title=labels["band"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("customers:Q", title=labels["customers"]),
        tooltip=[alt.Tooltip("band:N", title=labels["band"]),
                 alt.Tooltip("n_label:N", title=labels["customers"]),
                 alt.Tooltip("p_label:N", title=labels["probability"])])
    bars = base.mark_bar().encode(color=alt.Color(
        "band:N", scale=alt.Scale(domain=domain, range=list(BAND_COLORS)), legend=None))
    text = base.mark_text(dy=-8, fontSize=11).encode(text="p_label:N")
    return alt.layer(bars, text).properties(height=height)


def money_text(values: pd.Series, lang: str) -> pd.Series:
    """Formatted euros for tooltips."""
    return values.map(lambda v: fmt_money(v, lang))
