"""Map builders (pydeck): customers and prospects, density of potential, reps' bases,
white-space cells and territories.

Every deck is readable without a basemap: the app never needs a tile server or a token
(``map_provider=None``). Orientation comes from a light background, a graticule every
half degree and the names of the main towns drawn by the deck itself. Above
``MAX_POINTS`` points the caller aggregates (``core.geo.grid_aggregate``) so the browser
never receives hundreds of thousands of objects.

Builders take prepared DataFrames (positions in ``latitude`` / ``longitude``, colours
as [r, g, b, a] lists, tooltip texts already formatted in the user's language) and
return a ``pydeck.Deck``; pages only render them with ``st.pydeck_chart``.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import pydeck as pdk

#: Above this many points a map shows grid cells instead of single points.
MAX_POINTS = 20_000
#: Categorical colours (Tableau 10, readable on a light background), then grey.
PALETTE = [
    (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79),
    (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (186, 176, 172),
]
OTHER_COLOUR = (160, 160, 160)
BASE_COLOUR = (20, 20, 20)
BACKGROUND = (246, 247, 249)
GRID_COLOUR = (215, 219, 226)
# Density of potential: light grey -> slate blue-grey, a hue family the categorical
# palette does not use, so no rep's or class's points melt into the hexagons under them.
HEX_RANGE = [[236, 237, 241], [209, 212, 222], [178, 183, 200], [145, 151, 175],
             [112, 119, 148], [80, 87, 118]]
HEX_OPACITY = 0.22
# Measured on a screenshot: the hexagons come out about twice as dense as the layer
# opacity (0.28 drew the darkest one at 56 % over the background); the legend follows.
HEX_SEEN_ALPHA = min(2 * HEX_OPACITY, 1.0)
MAP_HEIGHT = 520


def colour_map(values, order=None, max_colours: int = len(PALETTE)) -> dict:
    """Label -> (r, g, b): the most frequent labels first (or ``order``), grey beyond.

    Examples
    --------
    >>> colour_map(["B", "A", "A"])
    {'A': (78, 121, 167), 'B': (242, 142, 43)}
    """
    s = pd.Series(values, dtype="object").dropna().astype(str)
    labels = [x for x in (order or []) if x in set(s)] if order else \
        s.value_counts(sort=True).index.tolist()
    if order:
        labels += [x for x in s.value_counts().index if x not in labels]
    return {lab: (PALETTE[i] if i < max_colours else OTHER_COLOUR)
            for i, lab in enumerate(labels)}


def rgba(colours: pd.Series, alpha: int = 200) -> list:
    """[r, g, b, a] lists for a Series of (r, g, b) tuples (missing -> grey)."""
    return [list(c if isinstance(c, tuple) else OTHER_COLOUR) + [alpha] for c in colours]


def radius_m(values, min_m: float = 250.0, max_m: float = 3500.0) -> np.ndarray:
    """Circle radius in metres, area proportional to the value (0 and missing -> min).

    Examples
    --------
    >>> radius_m([0, 25, 100], min_m=100, max_m=1100).round().tolist()
    [100.0, 600.0, 1100.0]
    """
    v = np.clip(pd.to_numeric(pd.Series(values), errors="coerce").fillna(0.0).to_numpy(float),
                0, None)
    top = v.max() if len(v) else 0.0
    if top <= 0:
        return np.full(len(v), min_m)
    return min_m + (max_m - min_m) * np.sqrt(v / top)


def view_for(lat, lon, width_px: int = 1000, height_px: int = MAP_HEIGHT) -> pdk.ViewState:
    """A view fitting the points (Web Mercator zoom from their extent)."""
    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    if not ok.any():
        return pdk.ViewState(latitude=46.6, longitude=2.5, zoom=4.6)
    la, lo = lat[ok], lon[ok]
    # robust extent on large sets (0.5-99.5th percentiles), so a few customers abroad
    # do not zoom the map out; small sets are shown whole
    if len(la) > 2000:
        la0, la1 = np.percentile(la, [0.5, 99.5])
        lo0, lo1 = np.percentile(lo, [0.5, 99.5])
    else:
        la0, la1, lo0, lo1 = la.min(), la.max(), lo.min(), lo.max()
    span_lon = max(lo1 - lo0, 0.05) * 1.15
    y0 = math.log(math.tan(math.pi / 4 + math.radians(la0) / 2))
    y1 = math.log(math.tan(math.pi / 4 + math.radians(la1) / 2))
    span_y = max(abs(y1 - y0), 1e-3) * 1.15
    zoom_x = math.log2(360.0 * width_px / 512.0 / span_lon)
    zoom_y = math.log2(2 * math.pi * height_px / 512.0 / span_y)
    return pdk.ViewState(latitude=float((la0 + la1) / 2), longitude=float((lo0 + lo1) / 2),
                         zoom=float(max(min(zoom_x, zoom_y, 13.0), 2.0)), pitch=0, bearing=0)


def context_layers(view: pdk.ViewState) -> list:
    """Background rectangle and half-degree graticule (no tiles needed)."""
    lat, lon, zoom = view.latitude, view.longitude, view.zoom
    half_lon = 360.0 / 2 ** zoom * 1.6
    half_lat = half_lon * 0.75
    w, e = lon - half_lon, lon + half_lon
    s, n = max(lat - half_lat, -85.0), min(lat + half_lat, 85.0)
    step = 0.5 if half_lon < 6 else 2.0 if half_lon < 25 else 10.0
    layers = [pdk.Layer(
        "PolygonLayer", data=[{"polygon": [[w, s], [e, s], [e, n], [w, n]]}],
        get_polygon="polygon", get_fill_color=list(BACKGROUND), stroked=False,
        pickable=False, id="background")]
    lines = []
    for x in np.arange(math.floor(w / step) * step, e + step, step):
        lines.append({"path": [[float(x), s], [float(x), n]]})
    for y in np.arange(math.floor(s / step) * step, n + step, step):
        lines.append({"path": [[w, float(y)], [e, float(y)]]})
    layers.append(pdk.Layer("PathLayer", data=lines, get_path="path",
                            get_color=list(GRID_COLOUR), width_min_pixels=1,
                            pickable=False, id="graticule"))
    return layers


TOWN_SIZE = 15
BASE_SIZE = 14


def _pixels(lat, lon, zoom: float) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator pixel coordinates at ``zoom`` (512-pixel world at zoom 0)."""
    lat = np.clip(np.asarray(lat, dtype=float), -85.0, 85.0)
    scale = 512.0 * 2.0 ** zoom
    x = (np.asarray(lon, dtype=float) + 180.0) / 360.0 * scale
    y = (1 - np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) / np.pi) / 2 * scale
    return x, y


def _boxes(labels, x, y, size: float, above: bool, gap: float) -> np.ndarray:
    """[x0, y0, x1, y1] of labels centred on x, drawn above (towns) or below (bases)."""
    w = np.array([0.62 * size * len(str(lab)) for lab in labels]) + 8.0
    h = size * 1.25
    y0 = y - gap - h if above else y + gap
    return np.column_stack([x - w / 2, y0, x + w / 2, y0 + h])


def _overlaps(box: np.ndarray, boxes: np.ndarray) -> bool:
    if len(boxes) == 0:
        return False
    return bool(((box[0] < boxes[:, 2]) & (boxes[:, 0] < box[2])
                 & (box[1] < boxes[:, 3]) & (boxes[:, 1] < box[3])).any())


def declutter(towns: pd.DataFrame | None, view: pdk.ViewState | None,
              bases: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """Towns whose name, at the initial zoom of ``view``, overlaps neither the name of a
    town listed before it (towns come biggest first) nor a base's name or marker.

    Examples
    --------
    >>> towns = pd.DataFrame({"label": ["Villefranche-sur-Saône", "Roanne", "Vienne"],
    ...                       "latitude": [45.99, 46.03, 45.52],
    ...                       "longitude": [4.72, 4.07, 4.87]})
    >>> declutter(towns, pdk.ViewState(latitude=45.7, longitude=4.8, zoom=7))["label"].tolist()
    ['Villefranche-sur-Saône', 'Vienne']
    """
    if towns is None or len(towns) == 0 or view is None:
        return towns
    zoom = float(view.zoom)
    kept: list[np.ndarray] = []
    if bases is not None and len(bases):
        bx, by = _pixels(bases["latitude"], bases["longitude"], zoom)
        text = bases["label"] if "label" in bases.columns else bases["name"]
        kept += list(_boxes(text, bx, by, BASE_SIZE, above=False, gap=8.0))
        kept += [np.array([a - 9, b - 9, a + 9, b + 9]) for a, b in zip(bx, by)]
    x, y = _pixels(towns["latitude"], towns["longitude"], zoom)
    boxes = _boxes(towns["label"], x, y, TOWN_SIZE, above=True, gap=6.0)
    keep = []
    for i, box in enumerate(boxes):
        if not _overlaps(box, np.array(kept).reshape(-1, 4)):
            keep.append(i)
            kept.append(box)
    return towns.iloc[keep]


def town_layers(towns: pd.DataFrame | None, view: pdk.ViewState | None = None,
                bases: pd.DataFrame | None = None) -> list:
    """Names of the main towns, drawn above the data with a white halo; with ``view``,
    only names that do not overlap one another or the bases' names (:func:`declutter`)."""
    layers = []
    towns = declutter(towns, view, bases)
    if towns is not None and len(towns):
        layers.append(pdk.Layer(
            "TextLayer", data=towns[["latitude", "longitude", "label"]].to_dict("records"),
            get_position="[longitude, latitude]", get_text="label", get_size=TOWN_SIZE,
            get_color=[35, 35, 35, 255], font_weight=600, get_alignment_baseline="'bottom'",
            get_pixel_offset=[0, -6], font_family=FONT,
            character_set=text_charset(towns["label"]), font_settings={"sdf": True},
            outline_width=4, outline_color=[255, 255, 255, 255], pickable=False,
            id="towns"))
    return layers


def main_towns(frame: pd.DataFrame, city: str = "city", n: int = 10,
               min_km: float = 12.0) -> pd.DataFrame:
    """The ``n`` towns with the most rows, at their mean position (labels of the map);
    a town closer than ``min_km`` to a bigger one already listed is skipped (no overlap).

    Examples
    --------
    >>> f = pd.DataFrame({"city": ["Lyon", "Lyon", "Vienne"], "latitude": [45.7, 45.8, 45.5],
    ...                   "longitude": [4.8, 4.9, 4.9]})
    >>> main_towns(f, n=1).values.tolist()
    [['Lyon', 45.75, 4.85, 2]]
    """
    if city not in frame.columns or frame.empty:
        return pd.DataFrame(columns=["label", "latitude", "longitude", "count"])
    g = frame.dropna(subset=[city, "latitude", "longitude"]).groupby(city, sort=False)
    out = g.agg(latitude=("latitude", "mean"), longitude=("longitude", "mean"),
                count=("latitude", "size")).reset_index().rename(columns={city: "label"})
    out = out.sort_values(["count", "label"], ascending=[False, True]).head(8 * n)
    keep: list[int] = []
    lat = out["latitude"].to_numpy()
    lon = out["longitude"].to_numpy()
    for i in range(len(out)):  # at most 8n candidates
        if len(keep) >= n:
            break
        if keep and _km(lat[i], lon[i], lat[keep], lon[keep]).min() < min_km:
            continue
        keep.append(i)
    return out.iloc[keep].reset_index(drop=True)


def name_bases(bases: pd.DataFrame | None, towns: pd.DataFrame | None,
               min_km: float = 10.0) -> pd.DataFrame | None:
    """Bases with a ``label``: the name, plus the town it stands in when that town's own
    label is hidden under the base (closer than ``min_km``), so "Lyon" stays readable.

    Examples
    --------
    >>> b = pd.DataFrame({"name": ["Claire"], "latitude": [45.76], "longitude": [4.85]})
    >>> t = pd.DataFrame({"label": ["Lyon"], "latitude": [45.75], "longitude": [4.84]})
    >>> name_bases(b, t)["label"].tolist()
    ['Claire (Lyon)']
    """
    if bases is None or len(bases) == 0:
        return bases
    out = bases.copy()
    out["label"] = out["name"].astype(str)
    if towns is None or len(towns) == 0:
        return out
    d = _km(out["latitude"].to_numpy(float)[:, None], out["longitude"].to_numpy(float)[:, None],
            towns["latitude"].to_numpy(float)[None, :],
            towns["longitude"].to_numpy(float)[None, :])
    near = d.argmin(axis=1)
    for i, (j, km) in enumerate(zip(near, d[np.arange(len(out)), near])):
        town = str(towns["label"].iloc[j])
        if km < min_km and town not in out["label"].iloc[i]:
            out.iloc[i, out.columns.get_loc("label")] = f"{out['label'].iloc[i]} ({town})"
    return out


def away_from(towns: pd.DataFrame | None, bases: pd.DataFrame | None,
               min_km: float = 10.0) -> pd.DataFrame | None:
    """Towns not under a base's name label (closer than ``min_km`` to a base)."""
    if towns is None or bases is None or len(towns) == 0 or len(bases) == 0:
        return towns
    d = _km(towns["latitude"].to_numpy()[:, None], towns["longitude"].to_numpy()[:, None],
            bases["latitude"].to_numpy(float)[None, :],
            bases["longitude"].to_numpy(float)[None, :])
    return towns[d.min(axis=1) >= min_km]


def _km(lat1, lon1, lat2, lon2):
    from core.geo import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def offline_deck(layers: list, view: pdk.ViewState, tooltip) -> pdk.Deck:
    """A deck that needs no tile server: every map page builds its deck here."""
    # map_provider=None and pydeck's default map_style sentinel: Streamlit then draws no
    # basemap at all (map_style=None would make it fetch its own Carto tiles).
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None,
                    tooltip=tooltip, height=MAP_HEIGHT,
                    views=[pdk.View(type="MapView", controller=True)])


def text_charset(labels) -> str:
    """Characters a TextLayer must rasterise (ASCII + those of the labels: é, è, ô...),
    wrapped in double quotes so pydeck passes them as a literal string, not a function.

    Examples
    --------
    >>> s = text_charset(["Saint-Étienne"])
    >>> s[0] == s[-1] == '"' and "É" in s and s.count('"') == 2
    True
    """
    chars = {chr(c) for c in range(32, 127)}
    for lab in labels:
        chars.update(str(lab))
    chars.discard('"')
    return '"' + "".join(sorted(chars)) + '"'


FONT = '"DejaVu Sans, Arial, Helvetica, sans-serif"'  # quoted: a literal for pydeck


def _tooltip(lines: list[tuple[str, str]]) -> dict:
    """A tooltip showing ``label: {column}`` lines (first line bold, no label)."""
    parts = []
    for i, (label, col) in enumerate(lines):
        if i == 0:
            parts.append(f"<b>{{{col}}}</b>")
        elif label:
            parts.append(f"{html.escape(label)} : {{{col}}}")
        else:
            parts.append(f"{{{col}}}")
    return {"html": "<br/>".join(parts),
            "style": {"backgroundColor": "white", "color": "#222", "fontSize": "12px",
                      "border": "1px solid #bbb"}}


def points_deck(points: pd.DataFrame, tooltip_lines: list[tuple[str, str]],
                bases: pd.DataFrame | None = None, density: pd.DataFrame | None = None,
                density_weight: str = "weight", hex_radius_m: float = 7000.0,
                towns: pd.DataFrame | None = None, view: pdk.ViewState | None = None,
                ring: tuple[float, float, float] | None = None) -> pdk.Deck:
    """Customers / prospects as circles, with optional density hexagons and rep bases.

    Parameters
    ----------
    points : DataFrame
        latitude, longitude, ``color`` ([r, g, b, a]), ``radius`` (metres) and the
        tooltip columns.
    tooltip_lines : list of (label, column)
        Tooltip content, first line bold.
    bases : DataFrame, optional
        name, latitude, longitude of the reps' bases (black diamonds with names).
    density : DataFrame, optional
        latitude, longitude and ``density_weight`` summed in hexagons (HexagonLayer).
    towns : DataFrame, optional
        label, latitude, longitude of towns to name on the map.
    ring : (latitude, longitude, radius in km), optional
        A circle drawn around a point (catchment area).
    """
    view = view or view_for(points["latitude"], points["longitude"])
    layers = context_layers(view)
    if density is not None and len(density):
        layers.append(pdk.Layer(
            "HexagonLayer", data=density[["latitude", "longitude", density_weight]],
            get_position="[longitude, latitude]", radius=hex_radius_m, extruded=False,
            coverage=1.0, opacity=HEX_OPACITY, color_range=HEX_RANGE,
            color_scale_type="'quantile'",
            get_color_weight=density_weight, color_aggregation="'SUM'",
            gpu_aggregation=False, pickable=False, id="density"))
    if ring is not None:
        layers.append(pdk.Layer(
            "ScatterplotLayer", data=[{"latitude": ring[0], "longitude": ring[1]}],
            get_position="[longitude, latitude]", get_radius=float(ring[2]) * 1000.0,
            filled=True, get_fill_color=[78, 121, 167, 25], stroked=True,
            get_line_color=[78, 121, 167, 220], line_width_min_pixels=2, pickable=False,
            id="ring"))
    layers.append(pdk.Layer(
        "ScatterplotLayer", data=points, get_position="[longitude, latitude]",
        get_fill_color="color", get_radius="radius", radius_min_pixels=2.5,
        radius_max_pixels=28, stroked=True, get_line_color=[255, 255, 255, 220],
        line_width_min_pixels=0.5, pickable=True, auto_highlight=True, id="points"))
    bases = name_bases(bases, towns)
    layers += town_layers(away_from(towns, bases), view, bases) + _base_layers(bases)
    return offline_deck(layers, view, _tooltip(tooltip_lines))


def _base_layers(bases: pd.DataFrame | None) -> list:
    if bases is None or len(bases) == 0:
        return []
    if "label" not in bases.columns:
        bases = bases.assign(label=bases["name"].astype(str))
    data = bases[["label", "latitude", "longitude"]].to_dict("records")
    return [
        pdk.Layer("ScatterplotLayer", data=data, get_position="[longitude, latitude]",
                  get_fill_color=[*BASE_COLOUR, 255], get_line_color=[255, 255, 255, 255],
                  stroked=True, line_width_min_pixels=2, get_radius=1,
                  radius_min_pixels=7, radius_max_pixels=7, pickable=False, id="bases"),
        pdk.Layer("TextLayer", data=data, get_position="[longitude, latitude]",
                  get_text="label", get_size=BASE_SIZE, get_color=[*BASE_COLOUR, 255],
                  get_alignment_baseline="'top'", get_pixel_offset=[0, 10],
                  font_weight=700, font_family=FONT, font_settings={"sdf": True},
                  outline_width=3, outline_color=[255, 255, 255, 240],
                  character_set=text_charset(bases["label"]), pickable=False, id="base_names"),
    ]


def cells_deck(cells: pd.DataFrame, tooltip_lines: list[tuple[str, str]],
               cell_km: float, towns: pd.DataFrame | None = None,
               bases: pd.DataFrame | None = None) -> pdk.Deck:
    """White-space areas as squares of side ``cell_km`` coloured by ``color``.

    ``cells``: latitude, longitude (cell centre), ``color`` and tooltip columns.
    """
    view = view_for(cells["latitude"], cells["longitude"])
    layers = context_layers(view)
    half_lat = cell_km / 2 / 111.2
    polys = []
    for rec in cells.to_dict("records"):
        half_lon = half_lat / max(math.cos(math.radians(rec["latitude"])), 0.1)
        la, lo = rec["latitude"], rec["longitude"]
        polys.append({**rec, "polygon": [[lo - half_lon, la - half_lat],
                                         [lo + half_lon, la - half_lat],
                                         [lo + half_lon, la + half_lat],
                                         [lo - half_lon, la + half_lat]]})
    layers.append(pdk.Layer(
        "PolygonLayer", data=polys, get_polygon="polygon", get_fill_color="color",
        get_line_color=[255, 255, 255, 255], line_width_min_pixels=1, stroked=True,
        pickable=True, auto_highlight=True, id="cells"))
    bases = name_bases(bases, towns)
    layers += town_layers(away_from(towns, bases), view, bases) + _base_layers(bases)
    return offline_deck(layers, view, _tooltip(tooltip_lines))


def legend_html(colours: dict, shape: str = "circle") -> str:
    """A one-line HTML legend (coloured dots + escaped labels) for st.markdown.

    Examples
    --------
    >>> "Lyon" in legend_html({"Lyon": (1, 2, 3)})
    True
    """
    radius = "50%" if shape == "circle" else "2px"
    items = [
        f'<span style="display:inline-block;margin-right:14px;white-space:nowrap">'
        f'<span style="display:inline-block;width:11px;height:11px;border-radius:{radius};'
        f'background:rgb{tuple(int(v) for v in c[:3])};margin-right:5px;'
        f'vertical-align:middle"></span>{html.escape(str(label))}</span>'
        for label, c in colours.items()
    ]
    return '<div style="font-size:0.85rem;line-height:1.9">' + "".join(items) + "</div>"


def density_legend_html(text: str) -> str:
    """A small legend of the density layer: a light-to-dark bar of :data:`HEX_RANGE`
    (at the hexagons' opacity over the background) and ``text`` (escaped).

    Examples
    --------
    >>> "low" in density_legend_html("potential per hexagon, low → high")
    True
    """
    def seen(c):  # the colour as drawn: blended with the background
        return tuple(int(round(HEX_SEEN_ALPHA * a + (1 - HEX_SEEN_ALPHA) * b))
                     for a, b in zip(c, BACKGROUND))

    stops = ", ".join(f"rgb{seen(c)}" for c in HEX_RANGE)
    return ('<div style="font-size:0.85rem;line-height:1.9">'
            '<span style="display:inline-block;width:90px;height:11px;border-radius:2px;'
            f'border:1px solid #ccc;background:linear-gradient(to right, {stops});'
            'margin-right:6px;vertical-align:middle"></span>'
            f'{html.escape(text)}</div>')


def ramp(values, low=(255, 237, 160), high=(189, 0, 38)) -> list:
    """(r, g, b) from ``low`` to ``high`` along values scaled to 0..1 (for cells).

    Examples
    --------
    >>> ramp([0.0, 1.0])
    [(255, 237, 160), (189, 0, 38)]
    """
    v = pd.to_numeric(pd.Series(values), errors="coerce").fillna(0.0).to_numpy(float)
    lo, hi = (v.min(), v.max()) if len(v) else (0.0, 1.0)
    x = (v - lo) / (hi - lo) if hi > lo else np.zeros(len(v))
    return [tuple(int(round(a + (b - a) * t)) for a, b in zip(low, high)) for t in x]
