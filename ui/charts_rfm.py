"""Altair chart builders of the RFM & lifecycle and P-R strategy pages.

Each takes a DataFrame prepared by the page (labels already translated), the language,
and returns a chart for ``st.altair_chart``. Numbers in tooltips and on marks are
formatted with ui/format.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from ui.format import fmt_money, fmt_number, fmt_pct

# Quadrant colours: develop (blue), defend (green), maintain (orange), minimal (grey).
QUADRANT_COLORS = ("#2b6cb0", "#2f855a", "#dd6b20", "#a0aec0")
# 11 distinguishable colours for segments, best relationship first (greens -> reds).
SEGMENT_COLORS = ("#1b7837", "#5aae61", "#a6dba0", "#4393c3", "#92c5de", "#fdb863",
                  "#e08214", "#d6604d", "#b2182b", "#8073ac", "#878787")


def money_si_expr(lang: str) -> str:
    """Vega expression for compact euro labels: "20 k€" (fr) / "€20k" (en).

    >>> money_si_expr("en")
    "'€' + format(datum.value, '~s')"
    """
    if lang == "fr":
        return ("replace(replace(replace(format(datum.value, '~s'), '.', ','), 'k', ' k'), "
                "'M', ' M') + ' €'")
    return "'€' + format(datum.value, '~s')"


def pct_expr(lang: str) -> str:
    """Vega expression for percentage labels of a 0..1 value: "40 %" (fr) / "40%" (en)."""
    return ("format(datum.value * 100, '~f') + ' %'" if lang == "fr"
            else "format(datum.value * 100, '~f') + '%'")


def _segment_scale(domain: Sequence[str]) -> alt.Scale:
    colors = list(SEGMENT_COLORS) + ["#bababa"] * max(0, len(domain) - len(SEGMENT_COLORS))
    return alt.Scale(domain=list(domain), range=colors[: len(domain)])


def rfm_grid_chart(grid: pd.DataFrame, lang: str, labels: Mapping[str, str],
                   height: int = 420) -> alt.LayerChart:
    """The R x F heatmap: colour = mean monetary value, text = head-count and segment.

    Parameters
    ----------
    grid : DataFrame
        ``core.rfm.rfm_grid`` output with an extra ``segment_label`` column.
    lang : str
    labels : mapping
        "R", "F", "customers", "monetary_mean", "segment" -> axis / tooltip titles.
    """
    data = grid.copy()
    data["mean_label"] = data["monetary_mean"].map(lambda v: fmt_money(v, lang))
    data["count_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    data["share_label"] = data["share"].map(lambda v: fmt_pct(v, lang))
    bins = int(max(data["R"].max(), data["F"].max())) if len(data) else 5
    order = list(range(1, bins + 1))
    top = float(np.nanmax(data["monetary_mean"])) if data["monetary_mean"].notna().any() else 1
    base = alt.Chart(data).encode(
        x=alt.X("F:O", sort=order, title=labels["F"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("R:O", sort=order[::-1], title=labels["R"]),
        tooltip=[
            alt.Tooltip("R:O", title=labels["R"]),
            alt.Tooltip("F:O", title=labels["F"]),
            alt.Tooltip("segment_label:N", title=labels["segment"]),
            alt.Tooltip("count_label:N", title=labels["customers"]),
            alt.Tooltip("share_label:N", title=labels["share"]),
            alt.Tooltip("mean_label:N", title=labels["monetary_mean"]),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.condition(
            "datum.customers > 0",
            alt.Color("monetary_mean:Q", scale=alt.Scale(scheme="blues"),
                      legend=alt.Legend(title=labels["monetary_mean"], orient="right",
                                        labelExpr=money_si_expr(lang))),
            alt.value("#f4f6f9"),
        )
    )
    dark = f"datum.monetary_mean > {top * 0.55}"
    count = base.mark_text(fontSize=18, fontWeight="bold", dy=-8).encode(
        text="count_label:N",
        color=alt.condition(dark, alt.value("white"), alt.value("#1a202c")),
    )
    seg = base.mark_text(fontSize=10, dy=12).encode(
        text="segment_label:N",
        color=alt.condition(dark, alt.value("white"), alt.value("#4a5568")),
    )
    return alt.layer(cells, count, seg).properties(height=height)


def _smooth(t: np.ndarray) -> np.ndarray:
    return t * t * (3 - 2 * t)


def migration_flow_chart(flows: pd.DataFrame, before_order: Sequence[str],
                         after_order: Sequence[str], lang: str, labels: Mapping[str, str],
                         height: int = 520, steps: int = 24) -> alt.LayerChart:
    """A flow (Sankey) chart of segment migration: segments at the earlier date on the
    left, at the later date on the right, bands as wide as the customers who moved.

    Parameters
    ----------
    flows : DataFrame
        before, after (display labels), customers.
    before_order, after_order : sequence of str
        Labels in display order (top to bottom); colours follow ``before_order``.
    labels : mapping
        "before", "after", "customers" -> titles of the two columns and the tooltip.
    """
    f = flows[flows["customers"] > 0].copy()
    total = float(f["customers"].sum()) or 1.0
    gap = total * 0.012

    def stack(order, col):
        sizes = f.groupby(col)["customers"].sum().reindex(order).fillna(0)
        sizes = sizes[sizes > 0]
        y0 = np.concatenate([[0.0], np.cumsum(sizes.to_numpy() + gap)[:-1]])
        return pd.DataFrame({"node": sizes.index, "y0": y0, "y1": y0 + sizes.to_numpy()})

    left, right = stack(before_order, "before"), stack(after_order, "after")
    pos_b = {k: i for i, k in enumerate(before_order)}
    pos_a = {k: i for i, k in enumerate(after_order)}
    f["_b"] = f["before"].map(pos_b)
    f["_a"] = f["after"].map(pos_a)
    # offsets inside each node: flows leave in the order of their target, and arrive
    # in the order of their source, so bands do not cross inside a node
    f = f.sort_values(["_b", "_a"])
    f["l0"] = f["before"].map(left.set_index("node")["y0"]) + \
        f.groupby("before")["customers"].cumsum() - f["customers"]
    f = f.sort_values(["_a", "_b"])
    f["r0"] = f["after"].map(right.set_index("node")["y0"]) + \
        f.groupby("after")["customers"].cumsum() - f["customers"]
    t = np.linspace(0.0, 1.0, steps)
    s = _smooth(t)
    rows = []
    for i, r in enumerate(f.itertuples(index=False)):
        top = r.l0 + (r.r0 - r.l0) * s
        rows.append(pd.DataFrame({
            "flow": i, "x": 0.03 + 0.94 * t, "y": top, "y2": top + r.customers,
            "before": r.before, "after": r.after,
            "count_label": fmt_number(r.customers, lang),
        }))
    bands = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(
        columns=["flow", "x", "y", "y2", "before", "after", "count_label"])
    y_scale = alt.Scale(domain=[max(left["y1"].max() if len(left) else 1,
                                    right["y1"].max() if len(right) else 1) * 1.03, 0],
                        nice=False)
    x_scale = alt.Scale(domain=[-0.55, 1.55], nice=False)
    color = alt.Color("before:N", scale=_segment_scale(before_order), legend=None)
    band = alt.Chart(bands).mark_area(opacity=0.45, interpolate="linear").encode(
        x=alt.X("x:Q", scale=x_scale, axis=None),
        y=alt.Y("y:Q", scale=y_scale, axis=None),
        y2="y2:Q",
        detail="flow:N",
        color=color,
        tooltip=[alt.Tooltip("before:N", title=labels["before"]),
                 alt.Tooltip("after:N", title=labels["after"]),
                 alt.Tooltip("count_label:N", title=labels["customers"])],
    )
    left = left.assign(x=0.0, x2=0.03, side=labels["before"],
                       text=[f"{n} ({fmt_number(b - a, lang)})" for n, a, b in
                             zip(left["node"], left["y0"], left["y1"])])
    right = right.assign(x=0.97, x2=1.0, side=labels["after"],
                         text=[f"{n} ({fmt_number(b - a, lang)})" for n, a, b in
                               zip(right["node"], right["y0"], right["y1"])])
    height_units = max(left["y1"].max() if len(left) else 1,
                       right["y1"].max() if len(right) else 1)
    min_sep = height_units * 14 / max(height, 1)  # about 14 px between two labels
    for side in (left, right):
        ym = np.array((side["y0"] + side["y1"]) / 2, dtype="float64")
        for i in range(1, len(ym)):  # push labels down until they no longer overlap
            ym[i] = max(ym[i], ym[i - 1] + min_sep)
        side["ym"] = ym
    nodes = pd.concat([left, right], ignore_index=True)
    node_color = alt.Color("node:N", scale=_segment_scale(
        list(dict.fromkeys(list(before_order) + list(after_order)))), legend=None)
    bars = alt.Chart(nodes).mark_rect().encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), x2="x2:Q",
        y=alt.Y("y0:Q", scale=y_scale, axis=None), y2="y1:Q", color=node_color,
        tooltip=[alt.Tooltip("side:N", title=" "), alt.Tooltip("text:N", title=" ")],
    )
    text_left = alt.Chart(nodes[nodes["x"] == 0.0]).mark_text(
        align="right", dx=-6, fontSize=12).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.Y("ym:Q", scale=y_scale, axis=None),
        text="text:N")
    text_right = alt.Chart(nodes[nodes["x"] == 0.97]).mark_text(
        align="left", dx=6, fontSize=12).encode(
        x=alt.X("x2:Q", scale=x_scale, axis=None), y=alt.Y("ym:Q", scale=y_scale, axis=None),
        text="text:N")
    heads = pd.DataFrame({"x": [0.015, 0.985], "y": [0.0, 0.0],
                          "t": [labels["before"], labels["after"]]})
    title = alt.Chart(heads).mark_text(fontWeight="bold", fontSize=13, dy=-12).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None),
        text="t:N")
    return alt.layer(band, bars, text_left, text_right, title).properties(
        height=height).configure_view(stroke=None)


def funnel_chart(funnel: pd.DataFrame, lang: str, labels: Mapping[str, str],
                 height: int = 300) -> alt.LayerChart:
    """A centred funnel: one bar per level, as wide as its head-count, with the count and
    the conversion from the level above.

    Parameters
    ----------
    funnel : DataFrame
        ``core.lifecycle.lifecycle_funnel`` output with a ``level_label`` column.
    labels : mapping
        "level", "customers", "conversion" -> tooltip titles; "conv_text" -> template
        with ``{conv}`` for the text next to each bar.
    """
    data = funnel.copy()
    data["x"] = -data["customers"] / 2
    data["x2"] = data["customers"] / 2
    data["count_label"] = data["customers"].map(lambda v: fmt_number(v, lang))
    data["conv_label"] = data["conversion"].map(lambda v: fmt_pct(v, lang, 0))
    data["text"] = [
        c if pd.isna(v) else f"{c}  ·  {labels['conv_text'].format(conv=p)}"
        for c, v, p in zip(data["count_label"], data["conversion"], data["conv_label"])]
    order = data["level_label"].tolist()
    width = float(data["customers"].max() or 1)
    base = alt.Chart(data).encode(
        y=alt.Y("level_label:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=240, labelFontSize=13, labelColor="#1a202c",
                              ticks=False, domain=False)),
        tooltip=[alt.Tooltip("level_label:N", title=labels["level"]),
                 alt.Tooltip("count_label:N", title=labels["customers"]),
                 alt.Tooltip("conv_label:N", title=labels["conversion"])],
    )
    bars = base.mark_bar(color="#2b6cb0", opacity=0.85, cornerRadius=2).encode(
        x=alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-width * 0.5, width * 1.05])),
        x2="x2:Q")
    text = base.mark_text(align="left", dx=6, fontSize=12, color="#1a202c").encode(
        x=alt.X("x2:Q"), text="text:N")
    return alt.layer(bars, text).properties(height=height)


def pr_chart(table: pd.DataFrame, p_cut: float, r_cut: float, lang: str,
             labels: Mapping[str, str], quadrant_order: Sequence[str],
             height: int = 460, cap: float = 1.5) -> alt.LayerChart:
    """Potential (x, log scale) x penetration (y) scatter, one dot per customer, coloured
    by quadrant, with the two cuts drawn and the quadrant names in the corners.

    Parameters
    ----------
    table : DataFrame
        ``core.lifecycle.pr_strategy`` output with ``quadrant_label`` and ``name``.
    p_cut, r_cut : float
        The cuts in use.
    labels : mapping
        "potential", "penetration", "revenue", "customer", "quadrant" -> titles.
    quadrant_order : sequence of str
        Quadrant labels in strategy order (develop, defend, maintain, minimal).
    cap : float
        Penetration drawn at most at this value (customers above it sit on the top edge).
    """
    data = table[table["potential"] > 0].copy()
    data["pen_plot"] = data["penetration"].fillna(0).clip(upper=cap)
    data["pot_label"] = data["potential"].map(lambda v: fmt_money(v, lang))
    data["rev_label"] = data["revenue"].map(lambda v: fmt_money(v, lang))
    data["pen_label"] = data["penetration"].map(lambda v: fmt_pct(v, lang))
    lo = float(data["potential"].min()) if len(data) else 1.0
    hi = float(data["potential"].max()) if len(data) else 10.0
    x_scale = alt.Scale(type="log", domain=[lo / 1.3, hi * 1.3], nice=False)
    y_scale = alt.Scale(domain=[0, cap], nice=False)
    color = alt.Color("quadrant_label:N", scale=alt.Scale(
        domain=list(quadrant_order), range=list(QUADRANT_COLORS)),
        legend=alt.Legend(title=None, orient="top"))
    points = alt.Chart(data).mark_circle(opacity=0.7).encode(
        x=alt.X("potential:Q", scale=x_scale, title=labels["potential"],
                axis=alt.Axis(labelExpr=money_si_expr(lang), grid=False)),
        y=alt.Y("pen_plot:Q", scale=y_scale, title=labels["penetration"],
                axis=alt.Axis(labelExpr=pct_expr(lang))),
        size=alt.Size("revenue:Q", legend=None, scale=alt.Scale(range=[12, 300])),
        color=color,
        tooltip=[alt.Tooltip("customer:N", title=labels["customer"]),
                 alt.Tooltip("quadrant_label:N", title=labels["quadrant"]),
                 alt.Tooltip("pot_label:N", title=labels["potential"]),
                 alt.Tooltip("rev_label:N", title=labels["revenue"]),
                 alt.Tooltip("pen_label:N", title=labels["penetration"])],
    )
    vrule = alt.Chart(pd.DataFrame({"v": [max(p_cut, lo / 1.3)]})).mark_rule(
        strokeDash=[6, 4], color="#4a5568").encode(x=alt.X("v:Q", scale=x_scale))
    hrule = alt.Chart(pd.DataFrame({"v": [min(r_cut, cap)]})).mark_rule(
        strokeDash=[6, 4], color="#4a5568").encode(y=alt.Y("v:Q", scale=y_scale))
    q = list(quadrant_order)
    corners = pd.DataFrame({
        "x": [hi * 1.2, hi * 1.2, lo / 1.2, lo / 1.2],
        "y": [cap * 0.03, cap * 0.97, cap * 0.97, cap * 0.03],
        "t": q, "align": ["right", "right", "left", "left"],
        "baseline": ["bottom", "top", "top", "bottom"],
    })
    texts = [
        alt.Chart(corners.iloc[[i]]).mark_text(
            align=corners.loc[i, "align"], baseline=corners.loc[i, "baseline"],
            fontWeight="bold", fontSize=13, color=QUADRANT_COLORS[i]).encode(
            x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale), text="t:N")
        for i in range(4)
    ]
    return alt.layer(points, vrule, hrule, *texts).properties(height=height)
