"""Map and chart builders of the Routes and Action-plans pages.

``routes_deck`` draws a rep's days as paths (one colour per day) with numbered stops,
the base and the customers left out, on a plain background with a graticule and town
names: readable without any tile server (``ui.maps.offline_deck``, no network). The altair
builders take prepared DataFrames and labels already in the user's language.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import altair as alt
import pandas as pd
import pydeck as pdk

from ui.charts import BLUE, GREY, ORANGE, money_axis
from ui.maps import (
    FONT,
    PALETTE,
    away_from,
    context_layers,
    offline_deck,
    text_charset,
    town_layers,
    view_for,
)

MAP_HEIGHT = 540
LEFT_OUT = (150, 150, 150)
BASE = (20, 20, 20)
RED = "#c53030"
GREEN = "#2f855a"


def rep_bases(frame: pd.DataFrame, median_label: str) -> dict:
    """Rep -> (latitude, longitude, label): the demo's bases for the demo's reps, else the
    median position of each rep's placed customers (``"__all__"``: of every customer).

    >>> f = pd.DataFrame({"sales_rep": ["X", "X"], "latitude": [45.0, 46.0],
    ...                   "longitude": [4.0, 5.0]})
    >>> rep_bases(f, "centre")["X"]
    (45.5, 4.5, 'centre')
    """
    from core.sample import REPS
    from core.territories import bases_from_customers

    out = {r["name"]: (r["latitude"], r["longitude"], r["base_city"]) for r in REPS}
    if {"latitude", "longitude"} - set(frame.columns):
        return out
    if "sales_rep" in frame.columns and frame["sales_rep"].notna().any():
        try:
            med = bases_from_customers(frame)
        except ValueError:
            med = pd.DataFrame(columns=["name", "latitude", "longitude"])
        for r in med.itertuples():
            out.setdefault(r.name, (float(r.latitude), float(r.longitude), median_label))
    placed = frame.dropna(subset=["latitude", "longitude"])
    if len(placed):
        out.setdefault("__all__", (float(placed["latitude"].median()),
                                   float(placed["longitude"].median()), median_label))
    return out


def day_colours(n: int) -> list[tuple[int, int, int]]:
    """One colour per day (Tableau 10, then repeated).

    >>> day_colours(2)
    [(78, 121, 167), (242, 142, 43)]
    """
    return [tuple(PALETTE[i % len(PALETTE)]) for i in range(n)]


def routes_deck(stops: pd.DataFrame, colours: Mapping[int, tuple], base_label: str,
                left_out: pd.DataFrame | None = None,
                towns: pd.DataFrame | None = None) -> pdk.Deck:
    """The plan's days as coloured paths with numbered stops.

    Parameters
    ----------
    stops : DataFrame
        ``RoutePlan.stops`` plus a ``tip`` column (tooltip text, already escaped HTML).
    colours : mapping
        day_index -> (r, g, b).
    base_label : str
        Text written under the base.
    left_out : DataFrame, optional
        latitude, longitude, tip of the candidates not visited (small grey dots).
    towns : DataFrame, optional
        label, latitude, longitude of towns to name.
    """
    moving = stops[stops["kind"].isin(["start", "visit", "end"])]
    visits = moving[moving["kind"] == "visit"]
    points = visits if len(visits) else moving
    # a narrower width than the real one zooms out a little: paths keep a margin
    view = view_for(points["latitude"], points["longitude"], width_px=760,
                    height_px=MAP_HEIGHT - 80)
    layers = context_layers(view)
    if left_out is not None and len(left_out):
        layers.append(pdk.Layer(
            "ScatterplotLayer", data=left_out[["latitude", "longitude", "tip"]],
            get_position="[longitude, latitude]", get_fill_color=[*LEFT_OUT, 140],
            get_radius=1, radius_min_pixels=3, radius_max_pixels=3, pickable=True,
            id="left_out"))
    first = stops.iloc[0]
    base = [{"latitude": float(first["latitude"]), "longitude": float(first["longitude"]),
             "name": base_label, "tip": html.escape(base_label)}]
    last = stops.iloc[-1]
    if (last["latitude"], last["longitude"]) != (first["latitude"], first["longitude"]):
        base.append({"latitude": float(last["latitude"]), "longitude": float(last["longitude"]),
                     "name": "⚑", "tip": "⚑"})
    paths = []
    for day, grp in moving.groupby("day_index", sort=True):
        if (grp["kind"] == "visit").any():
            paths.append({"path": grp[["longitude", "latitude"]].to_numpy().tolist(),
                          "color": [*colours[day], 230], "tip": grp["tip"].iloc[0]})
    layers.append(pdk.Layer("PathLayer", data=paths, get_path="path", get_color="color",
                            width_min_pixels=3, width_max_pixels=6, joint_rounded=True,
                            cap_rounded=True, pickable=True, id="routes"))
    # The base (a hollow black ring), its name and the towns lie UNDER the numbered stops,
    # so visits next to the base stay readable; town names under the base's are dropped.
    layers += [
        pdk.Layer("ScatterplotLayer", data=base, get_position="[longitude, latitude]",
                  filled=True, get_fill_color=[255, 255, 255, 200],
                  get_line_color=[*BASE, 255], stroked=True, line_width_min_pixels=2.5,
                  get_radius=1, radius_min_pixels=6, radius_max_pixels=6, pickable=True,
                  id="base"),
        pdk.Layer("TextLayer", data=base, get_position="[longitude, latitude]",
                  get_text="name", get_size=13, get_color=[*BASE, 255], font_weight=700,
                  get_alignment_baseline="'top'", get_pixel_offset=[0, 9], font_family=FONT,
                  character_set=text_charset([b["name"] for b in base]),
                  font_settings={"sdf": True}, outline_width=4,
                  outline_color=[255, 255, 255, 255], pickable=False, id="base_name"),
    ] + town_layers(away_from(towns, pd.DataFrame(base)), view, pd.DataFrame(base))
    if len(visits):
        data = visits[["latitude", "longitude", "tip", "seq", "day_index"]].copy()
        data["color"] = [[*colours[d], 255] for d in data["day_index"]]
        data["label"] = data["seq"].astype(int).astype(str)
        data = data.drop(columns="day_index")
        layers.append(pdk.Layer(
            "ScatterplotLayer", data=data, get_position="[longitude, latitude]",
            get_fill_color="color", get_radius=1, radius_min_pixels=9, radius_max_pixels=9,
            stroked=True, get_line_color=[255, 255, 255, 255], line_width_min_pixels=1.5,
            pickable=True, auto_highlight=True, id="stops"))
        layers.append(pdk.Layer(
            "TextLayer", data=data, get_position="[longitude, latitude]", get_text="label",
            get_size=11, get_color=[255, 255, 255, 255], font_weight=700, font_family=FONT,
            get_alignment_baseline="'center'", character_set=text_charset(data["label"]),
            pickable=False, id="stop_numbers"))
    tooltip = {"html": "{tip}", "style": {"backgroundColor": "white", "color": "#222",
                                          "fontSize": "12px", "border": "1px solid #bbb"}}
    return offline_deck(layers, view, tooltip)


def km_chart(days: pd.DataFrame, labels: Mapping[str, str], height: int = 260) -> alt.Chart:
    """Km per day: the suggested order next to the postal-code order (grouped bars).

    ``days``: day_label, km, naive_km. ``labels``: "day", "km", "optimised", "naive".
    """
    long = days.melt(id_vars=["day_label"], value_vars=["km", "naive_km"],
                     var_name="order", value_name="value")
    long["order"] = long["order"].map({"km": labels["optimised"], "naive_km": labels["naive"]})
    domain = [labels["optimised"], labels["naive"]]
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("day_label:N", sort=list(days["day_label"]), title=labels["day"],
                axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("order:N", sort=domain),
        y=alt.Y("value:Q", title=labels["km"]),
        color=alt.Color("order:N", scale=alt.Scale(domain=domain, range=[BLUE, GREY]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("day_label:N", title=labels["day"]),
                 alt.Tooltip("order:N", title=" "),
                 alt.Tooltip("value:Q", title=labels["km"], format=",.0f")],
    ).properties(height=height)


def needs_chart(counts: pd.DataFrame, labels: Mapping[str, str],
                status_order: list[str], row_px: int = 34) -> alt.Chart:
    """Customers per segment, stacked by visit status.

    ``counts``: segment_label, status_label, customers.
    """
    colours = [RED, ORANGE, "#d69e2e", GREEN, GREY][: len(status_order)]
    return alt.Chart(counts).mark_bar().encode(
        y=alt.Y("segment_label:N", title=None, sort=None,
                axis=alt.Axis(labelLimit=200, labelFontSize=12)),
        x=alt.X("customers:Q", title=labels["customers"], stack="zero",
                axis=alt.Axis(tickMinStep=10)),
        color=alt.Color("status_label:N", scale=alt.Scale(domain=status_order, range=colours),
                        legend=alt.Legend(title=None, orient="top")),
        order=alt.Order("status_rank:Q"),
        tooltip=[alt.Tooltip("segment_label:N", title=labels["segment"]),
                 alt.Tooltip("status_label:N", title=labels["status"]),
                 alt.Tooltip("customers:Q", title=labels["customers"])],
    ).properties(height=alt.Step(row_px))


def load_chart(load: pd.DataFrame, labels: Mapping[str, str], row_px: int = 40) -> alt.Chart:
    """Each rep's yearly load as % of capacity, with the 100 % line.

    ``load``: sales_rep, load_pct, load_label (formatted). ``labels``: "rep", "load".
    """
    data = load.assign(over=load["load_pct"] > 100)
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("sales_rep:N", title=None, sort="-x",
                axis=alt.Axis(labelLimit=220, labelFontSize=12)),
        x=alt.X("load_pct:Q", title=labels["load"]),
        color=alt.Color("over:N", scale=alt.Scale(domain=[False, True], range=[BLUE, RED]),
                        legend=None),
        tooltip=[alt.Tooltip("sales_rep:N", title=labels["rep"]),
                 alt.Tooltip("load_label:N", title=labels["load"])],
    )
    rule = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(
        color="#222", strokeDash=[4, 3], strokeWidth=1.5).encode(x="x:Q")
    return alt.layer(bars, rule).properties(height=80 + row_px * len(data))


def plan_chart(summary: pd.DataFrame, labels: Mapping[str, str], lang: str,
               height: int = 260) -> alt.Chart:
    """Budget and expected margin per segment (grouped bars).

    ``summary``: segment_label, cost, margin. ``labels``: "segment", "cost", "margin",
    "amount".
    """
    long = summary.melt(id_vars=["segment_label"], value_vars=["cost", "margin"],
                        var_name="what", value_name="value")
    long["what"] = long["what"].map({"cost": labels["cost"], "margin": labels["margin"]})
    domain = [labels["cost"], labels["margin"]]
    top = float(long["value"].abs().max() or 0)
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("segment_label:N", sort=list(summary["segment_label"]),
                title=labels["segment"], axis=alt.Axis(labelAngle=-20)),
        xOffset=alt.XOffset("what:N", sort=domain),
        y=alt.Y("value:Q", axis=money_axis(lang, top, labels["amount"])),
        color=alt.Color("what:N", scale=alt.Scale(domain=domain, range=[ORANGE, BLUE]),
                        legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("segment_label:N", title=labels["segment"]),
                 alt.Tooltip("what:N", title=" "),
                 alt.Tooltip("value:Q", title=labels["amount"], format=",.0f")],
    ).properties(height=height)


def touches_chart(touches: pd.DataFrame, labels: Mapping[str, str],
                  height: int = 220) -> alt.Chart:
    """Touches per date, stacked by channel. ``touches``: date, channel_label, count."""
    return alt.Chart(touches).mark_bar(size=14).encode(
        x=alt.X("date:T", title=labels["date"], axis=alt.Axis(format="%d/%m", labelAngle=0)),
        y=alt.Y("count:Q", title=labels["count"]),
        color=alt.Color("channel_label:N", legend=alt.Legend(title=None, orient="top")),
        tooltip=[alt.Tooltip("date:T", title=labels["date"], format="%d/%m/%Y"),
                 alt.Tooltip("channel_label:N", title=labels["channel"]),
                 alt.Tooltip("count:Q", title=labels["count"])],
    ).properties(height=height)
