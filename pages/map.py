"""Carte et territoires (geomarketing): customers and prospects placed by offline
geocoding, a map coloured by class and sized by revenue or potential with the density
of potential, the catchment area of a point, white space and balanced sales territories.
One view at a time (segmented control): controls, map, reading sentence, table, export."""

import html

import numpy as np
import pandas as pd
import streamlit as st

from core import geo
from core import territories as TR
from core.features import customer_features
from ui import maps, state
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("customers", "customer_id")
lang = state.lang()
name, version, as_of = state.cache_key()
cu_cols = set(p.customers.columns)
if not ({"postal_code", "city"} & cu_cols or {"latitude", "longitude"} <= cu_cols):
    st.title(t("map.title"))
    st.info(t("map.no_location"), icon=":material/info:")
    st.stop()

HAS_TX = p.has("transactions", "customer_id", "date", "amount")
AGG_CELL_KM = 3.0
PRECISIONS = (*geo.PRECISIONS, "none")
_EMPTY_GAZ = pd.DataFrame(columns=["country", "postal_code", "city", "latitude", "longitude"])


# -- cached core calls ----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
def _accounts(name: str, version: str, when: pd.Timestamp):
    """Customers geocoded, with revenue of the last 12 months and last purchase."""
    pf = state.load_portfolio(name, version)
    cu = pf.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id").copy()
    cu["customer_id"] = cu["customer_id"].astype(str)
    error = None
    try:
        acc = geo.geocode(cu, reason=True)
    except ValueError as exc:  # gazetteer not installed: keep given coordinates only
        error = str(exc)
        acc = geo.geocode(cu, reason=True, gazetteer=_EMPTY_GAZ)
    if pf.has("transactions", "customer_id", "date", "amount"):
        feats = customer_features(pf.transactions, when)[
            ["customer_id", "revenue_12m", "last_purchase"]]
        feats = feats.assign(customer_id=feats["customer_id"].astype(str))
        acc = acc.merge(feats, on="customer_id", how="left")
    else:
        acc["revenue_12m"] = np.nan
        acc["last_purchase"] = pd.NaT
    acc["revenue_12m"] = acc["revenue_12m"].fillna(0.0)
    if "status" in acc.columns:
        acc["is_customer"] = acc["status"].astype(object).eq("customer").to_numpy()
    else:
        acc["status"] = np.where(acc["last_purchase"].notna(), "customer", "prospect")
        acc["is_customer"] = acc["last_purchase"].notna().to_numpy()
    return acc, error


@st.cache_data(show_spinner=False, max_entries=8)
def _report(name: str, version: str, when: pd.Timestamp):
    acc, _ = _accounts(name, version, when)
    rep = acc.loc[acc["geo_reason"].notna(),
                  [c for c in ("customer_id", "name", "postal_code", "city", "country")
                   if c in acc.columns] + ["geo_precision", "geo_reason"]]
    return geo.precision_summary(acc), rep


@st.cache_data(show_spinner=False, max_entries=16)
def _white_space(name, version, when, cell_km: float, by: str):
    acc, _ = _accounts(name, version, when)
    return geo.white_space(acc, cell_km=cell_km, by=by)


@st.cache_data(show_spinner=False, max_entries=16)
def _territories(name, version, when, measure: str, tolerance: float, prospects: bool,
                 visit_min: float, locks: tuple, bases: tuple, abc: pd.Series | None):
    acc, _ = _accounts(name, version, when)
    data = acc if prospects else acc[acc["is_customer"]]
    if measure == "workload_h":
        cls = data["customer_id"].map(abc).astype(object)
        cls = cls.where(cls.notna() | data["is_customer"].to_numpy(), "prospect")
        data = data.assign(workload_h=TR.workload_hours(cls, visit_minutes=visit_min)
                           .to_numpy())
    b = pd.DataFrame(list(bases), columns=["name", "latitude", "longitude"])
    return TR.assign_territories(data, b, measure=measure, tolerance=tolerance,
                                 locks=dict(locks) or None)


# -- labels ---------------------------------------------------------------------------
def status_label(s) -> str:
    if s is None or (isinstance(s, float) and np.isnan(s)):
        return t("map.unknown")
    text = t(f"map.status_{s}")
    return str(s) if text.startswith("⟦") else text


def precision_label(x) -> str:
    return t(f"map.prec_{x}") if isinstance(x, str) else t("map.prec_none")


def default_bases(acc: pd.DataFrame) -> pd.DataFrame:
    """The demo's bases when the reps are the demo's, else each rep's median position."""
    from core.sample import REPS

    if "sales_rep" not in acc.columns or acc["sales_rep"].notna().sum() == 0:
        return pd.DataFrame(columns=["name", "latitude", "longitude"])
    reps = set(acc["sales_rep"].dropna().astype(str))
    demo = pd.DataFrame(REPS)[["name", "latitude", "longitude"]]
    if reps <= set(demo["name"]):
        return demo[demo["name"].isin(reps)].reset_index(drop=True)
    try:
        return TR.bases_from_customers(acc)
    except ValueError:
        return pd.DataFrame(columns=["name", "latitude", "longitude"])


def tooltip_frame(frame: pd.DataFrame, colour_labels: pd.Series) -> pd.DataFrame:
    """Formatted tooltip columns (language-aware) for the points of a map."""
    title = (frame["name"].astype(object) if "name" in frame.columns
             else frame["customer_id"]).fillna(frame["customer_id"])
    return pd.DataFrame({
        "title": [f"{html.escape(str(a))} · {html.escape(str(b))}"
                  for a, b in zip(frame["customer_id"], title)],
        "city": [html.escape(f"{pc or ''} {c or ''}".strip()) for pc, c in zip(
            frame.get("postal_code", pd.Series([None] * len(frame))).astype(object)
            .where(lambda s: s.notna(), None),
            frame.get("city", pd.Series([None] * len(frame))).astype(object)
            .where(lambda s: s.notna(), None))],
        "tip_status": [html.escape(status_label(s)) for s in frame["status"].astype(object)],
        "tip_class": [html.escape(str(x)) for x in colour_labels],
        "tip_revenue": [fmt_money(v, lang) for v in frame["revenue_12m"]],
        "tip_potential": [fmt_money(v, lang) if pd.notna(v) else "–"
                          for v in frame.get("potential", pd.Series([np.nan] * len(frame)))],
        "tip_last": [fmt_date(v, lang) if pd.notna(v) else "–"
                     for v in frame["last_purchase"]],
        "tip_rep": [html.escape(str(v)) if pd.notna(v) else "–" for v in
                    frame.get("sales_rep", pd.Series([None] * len(frame)))],
    }, index=frame.index)


def show_map(deck, key: str) -> None:
    st.pydeck_chart(deck, height=maps.MAP_HEIGHT, key=key)


# -- page -----------------------------------------------------------------------------
st.title(t("map.title"))
st.write(t("map.intro"))

acc, gaz_error = _accounts(name, version, as_of)
if gaz_error:
    st.warning(t("map.no_gazetteer", error=gaz_error), icon=":material/warning:")
summary, report = _report(name, version, as_of)
counts = summary.set_index("geo_precision")["count"].reindex(PRECISIONS).fillna(0)
st.markdown(t("map.geo_summary", placed=fmt_number(counts.drop("none").sum(), lang),
              total=fmt_number(len(acc), lang), given=fmt_number(counts["given"], lang),
              pc_city=fmt_number(counts["postal_code+city"], lang),
              pc=fmt_number(counts["postal_code"], lang), city=fmt_number(counts["city"], lang),
              dept=fmt_number(counts["department"], lang),
              missing=fmt_number(counts["none"], lang)))
with st.expander(t("map.geo_details", n=fmt_number(len(report), lang))):
    st.markdown(f"**{t('map.geo_precision_title')}**")
    show_table(summary.assign(geo_precision=summary["geo_precision"].map(precision_label)),
               key="map_precision", filename="geocoding_precision", lang=lang,
               labels={"geo_precision": t("map.col_precision"), "count": t("map.col_count"),
                       "share": t("map.col_share")},
               formats={"count": "number", "share": "pct"})
    st.markdown(f"**{t('map.geo_report_title')}**")
    if report.empty:
        st.write(t("map.geo_report_none"))
    else:
        show_table(report.assign(
            geo_precision=report["geo_precision"].map(precision_label),
            geo_reason=report["geo_reason"].map(lambda r: t(f"map.reason_{r}"))),
            key="map_report", filename="geocoding_report", lang=lang, max_rows=500,
            labels={"geo_precision": t("map.col_precision"),
                    "geo_reason": t("map.col_reason")})
    st.caption(t("map.credit"))

placed = acc[acc["latitude"].notna() & acc["longitude"].notna()]
if placed.empty:
    st.info(t("map.nothing_placed"), icon=":material/info:")
    st.stop()

with st.expander(t("map.distance_title")):
    d1, d2 = st.columns(2)
    detour = d1.number_input(t("map.detour_label"), min_value=1.0, max_value=2.5,
                             value=geo.DEFAULT_DETOUR, step=0.05, format="%.2f",
                             key="map_detour", help=t("map.detour_help"))
    speed = d2.number_input(t("map.speed_label"), min_value=10.0, max_value=130.0,
                            value=geo.DEFAULT_SPEED_KMH, step=5.0, format="%.0f",
                            key="map_speed", help=t("map.speed_help"))
st.caption(t("map.distance_rule", detour=fmt_number(detour, lang, 2),
             speed=fmt_number(speed, lang)))

classes = {}
if HAS_TX:
    try:
        classes = state.customer_classes()
    except Exception:  # noqa: BLE001 - classes are a bonus for colouring, never a crash
        classes = {}
bases = default_bases(placed)

VIEWS = ("map", "catchment", "white_space", "territories")
view = st.segmented_control(t("map.view_label"), VIEWS,
                            format_func=lambda v: t(f"map.view_{v}"), default="map",
                            required=True, key="map_view")


def colour_options() -> list[str]:
    opts = [c for c in ("sales_rep",) if c in placed.columns]
    opts.append("status")
    opts += [k for k in ("abc", "rfm", "cluster", "score_band") if k in classes]
    return [*opts, "precision"]


def colour_values(frame: pd.DataFrame, attr: str) -> tuple[pd.Series, list | None]:
    """Label of each row for the colouring attribute, and the label order."""
    ids = frame["customer_id"]
    prospect = t("map.kind_prospect")
    if attr == "sales_rep":
        return frame["sales_rep"].astype(object).fillna(t("map.unknown")), None
    if attr == "status":
        from core.schema import STATUSES

        return (frame["status"].astype(object).map(status_label),
                [status_label(s) for s in STATUSES])
    if attr == "precision":
        return (frame["geo_precision"].map(precision_label),
                [precision_label(x) for x in geo.PRECISIONS])
    lab = ids.map(classes[attr]).astype(object)
    order = None
    if attr == "rfm":
        from core.rfm import segment_table

        seg = segment_table(lang=lang).set_index("key")["label"]
        lab = lab.map(lambda k: seg.get(k, k) if isinstance(k, str) else k)
        order = seg.tolist()
    elif attr == "abc":
        order = ["A", "B", "C"]
    lab = lab.where(lab.notna(), np.where(frame["is_customer"], t("map.unknown"), prospect))
    return lab.astype(str), (order + [prospect]) if order else None


def filtered_accounts() -> pd.DataFrame:
    c1, c2, c3, c4 = st.columns(4)
    data = placed
    if "sales_rep" in data.columns:
        reps = sorted(data["sales_rep"].dropna().astype(str).unique())
        pick = c1.multiselect(t("map.filter_rep"), reps, key="map_f_rep",
                              placeholder=t("map.filter_all"))
        if pick:
            data = data[data["sales_rep"].astype(str).isin(pick)]
    if "abc" in classes:
        abc = data["customer_id"].map(classes["abc"]).astype(object)
        pick = c2.multiselect(t("map.filter_class"), ["A", "B", "C"], key="map_f_class",
                              placeholder=t("map.filter_all"))
        if pick:
            data = data[abc.isin(pick).to_numpy()]
    statuses = sorted(placed["status"].dropna().astype(str).unique())
    pick = c3.multiselect(t("map.filter_status"), statuses, key="map_f_status",
                          format_func=status_label, placeholder=t("map.filter_all"))
    if pick:
        data = data[data["status"].astype(str).isin(pick)]
    if "sector" in data.columns:
        sectors = sorted(placed["sector"].dropna().astype(str).unique())
        pick = c4.multiselect(t("map.filter_sector"), sectors, key="map_f_sector",
                              placeholder=t("map.filter_all"))
        if pick:
            data = data[data["sector"].astype(str).isin(pick)]
    return data


def point_layer_frame(frame: pd.DataFrame, labels: pd.Series, colours: dict,
                      size: str | None) -> pd.DataFrame:
    pts = frame[["latitude", "longitude"]].copy()
    pts["color"] = maps.rgba(labels.map(colours))
    pts["radius"] = maps.radius_m(frame[size] if size else np.zeros(len(frame)))
    return pd.concat([pts, tooltip_frame(frame, labels)], axis=1)


def aggregated_frame(frame: pd.DataFrame, labels: pd.Series, colours: dict):
    """Cells of AGG_CELL_KM km, doubled until the browser gets at most MAX_POINTS / 2."""
    cell_km = AGG_CELL_KM
    data = frame.assign(_label=labels.to_numpy())
    cells = geo.grid_aggregate(data, cell_km, by="_label")
    while len(cells) > maps.MAX_POINTS // 2 and cell_km < 200:
        cell_km *= 2
        cells = geo.grid_aggregate(data, cell_km, by="_label")
    return cell_km, pd.DataFrame({
        "latitude": cells["latitude"], "longitude": cells["longitude"],
        "color": maps.rgba(cells["_label"].map(colours)),
        "radius": maps.radius_m(cells["count"], 300, 4000),
        "title": cells["_label"].map(lambda s: html.escape(str(s))),
        "tip_count": cells["count"].map(lambda v: fmt_number(v, lang)),
    })


TOOLTIP = [("", "title"), ("", "city"), (t("map.tip_status"), "tip_status"),
           (t("map.tip_class"), "tip_class"), (t("map.tip_revenue"), "tip_revenue"),
           (t("map.tip_potential"), "tip_potential"), (t("map.tip_last"), "tip_last"),
           (t("map.tip_rep"), "tip_rep")]
TOOLTIP_AGG = [("", "title"), (t("map.tip_count"), "tip_count")]


def render_points(frame, labels, colours, size, key, density=False, base_points=None,
                  ring=None):
    towns = maps.main_towns(frame, n=8)  # overlapping names are dropped by the deck
    if len(frame) > maps.MAX_POINTS:
        cell_km, pts = aggregated_frame(frame, labels, colours)
        tip = TOOLTIP_AGG
        st.caption(t("map.aggregated", n=fmt_number(len(frame), lang),
                     km=fmt_number(cell_km, lang)))
    else:
        pts, tip = point_layer_frame(frame, labels, colours, size), TOOLTIP
    dens = None
    if density and "potential" in frame.columns:
        if len(frame) > maps.MAX_POINTS:  # the hexagons get pre-summed squares, not rows
            dens = geo.grid_aggregate(frame, AGG_CELL_KM, ["potential"]).rename(
                columns={"potential": "weight"})
        else:
            dens = frame[["latitude", "longitude"]].assign(weight=pd.to_numeric(
                frame["potential"], errors="coerce").fillna(0.0).to_numpy())
    deck = maps.points_deck(pts, tip, bases=base_points, density=dens, towns=towns,
                            ring=ring)
    show_map(deck, key)
    st.markdown(maps.legend_html(colours), unsafe_allow_html=True)
    if dens is not None and len(dens):
        st.markdown(maps.density_legend_html(t("map.density_legend")), unsafe_allow_html=True)
    st.caption(t("map.map_caption"))


def count_kinds(frame: pd.DataFrame) -> tuple[str, str]:
    n_c = int(frame["is_customer"].sum())
    return fmt_number(n_c, lang), fmt_number(len(frame) - n_c, lang)


# -- view: map ------------------------------------------------------------------------
if view == "map":
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
    attr = c1.selectbox(t("map.color_label"), colour_options(), key="map_color",
                        format_func=lambda a: t(f"map.color_{a}"), help=t("map.color_help"))
    sizes = ["revenue_12m"] + (["potential"] if "potential" in placed.columns else []) + ["none"]
    size = c2.selectbox(t("map.size_label"), sizes, key="map_size",
                        format_func=lambda s: t(f"map.size_{s}"))
    density = c3.toggle(t("map.density_label"), value="potential" in placed.columns,
                        key="map_density", help=t("map.density_help"),
                        disabled="potential" not in placed.columns)
    show_bases = c4.toggle(t("map.bases_label"), value=not bases.empty, key="map_bases",
                           disabled=bases.empty, help=t("map.bases_toggle_help"))
    data = filtered_accounts()
    if data.empty:
        st.info(t("map.map_empty"))
        st.stop()
    labels, order = colour_values(data, attr)
    colours = maps.colour_map(labels, order)
    render_points(data, labels, colours, None if size == "none" else size, "map_deck",
                  density=density, base_points=bases if show_bases else None)
    n_c, n_p = count_kinds(data)
    top = None
    if "potential" in data.columns and data["potential"].notna().any():
        cells = geo.white_space(data, cell_km=10.0)
        if not cells.empty and cells["potential"].max() > 0:
            top = cells.loc[cells["potential"].idxmax()]
    if top is not None and isinstance(top["label"], str):
        st.write(t("map.map_read", customers=n_c, prospects=n_p, town=top["label"],
                   potential=fmt_money(top["potential"], lang, compact=True),
                   km=fmt_number(10, lang)))
    else:
        st.write(t("map.map_read_plain", customers=n_c, prospects=n_p))

# -- view: catchment ------------------------------------------------------------------
elif view == "catchment":
    towns = maps.main_towns(placed, n=25)
    centres = {f"base:{r['name']}": (r["latitude"], r["longitude"],
                                     t("map.centre_base", name=r["name"]),
                                     t("map.centre_base_in", name=r["name"]))
               for r in bases.to_dict("records")}
    centres.update({f"town:{r['label']}": (r["latitude"], r["longitude"], r["label"],
                                           r["label"]) for r in towns.to_dict("records")})
    c1, c2, c3 = st.columns([2, 2, 2])
    key = c1.selectbox(t("map.centre_label"), list(centres), key="map_centre",
                       format_func=lambda k: centres[k][2], help=t("map.centre_help"))
    radius = c2.slider(t("map.radius_label"), 5, 200, 30, 5, key="map_radius")
    bands_txt = c3.text_input(t("map.bands_label"), "5, 10, 25, 50, 100", key="map_bands",
                              help=t("map.bands_help"))
    lat0, lon0, _, centre_name = centres[key]
    try:
        bands = tuple(float(x.replace(",", ".")) for x in bands_txt.replace(";", " ")
                      .replace(", ", " ").split())
        bands_table = geo.catchment_bands(placed, (lat0, lon0), bands, value="revenue_12m")
    except ValueError:
        st.warning(t("map.bands_invalid"))
        bands_table = geo.catchment_bands(placed, (lat0, lon0), geo.DEFAULT_BANDS,
                                          value="revenue_12m")
    within = geo.catchment(placed, (lat0, lon0), radius, detour=detour, speed_kmh=speed)
    total = placed["revenue_12m"].sum()
    if within.empty:
        st.write(t("map.catch_none", radius=fmt_number(radius, lang), centre=centre_name))
    else:
        far = within.iloc[-1]
        st.write(t("map.catch_read", radius=fmt_number(radius, lang), centre=centre_name,
                   n=fmt_number(len(within), lang),
                   share=fmt_pct(within["revenue_12m"].sum() / total if total else None,
                                 lang, 0),
                   revenue=fmt_money(within["revenue_12m"].sum(), lang, compact=True),
                   far=f"{fmt_number(far['road_km'], lang)} km",
                   time=f"{fmt_number(far['minutes'], lang)} min"))
        labels = within["is_customer"].map(
            {True: t("map.kind_customer"), False: t("map.kind_prospect")})
        colours = maps.colour_map(labels, [t("map.kind_customer"), t("map.kind_prospect")])
        render_points(within, labels, colours, "revenue_12m", "map_catch_deck",
                      base_points=bases, ring=(lat0, lon0, radius))
    st.subheader(t("map.bands_title"))
    show_table(bands_table[["band", "customers", "value", "share", "customer_share",
                            "cumulative_share"]], key="map_bands_table",
               filename=t("map.file_bands"), lang=lang,
               labels={"band": t("map.col_band"), "customers": t("map.col_customers_band"),
                       "value": t("map.col_value"), "share": t("map.col_value_share"),
                       "customer_share": t("map.col_customer_share"),
                       "cumulative_share": t("map.col_cumulative")},
               formats={"customers": "number", "value": "money", "share": "pct",
                        "customer_share": "pct", "cumulative_share": "pct"})
    st.subheader(t("map.within_title"))
    cols = [c for c in ("customer_id", "name", "status", "postal_code", "city", "sales_rep",
                        "revenue_12m") if c in within.columns]
    shown = within[[*cols, "distance_km", "road_km", "minutes"]].assign(
        status=within["status"].astype(object).map(status_label))
    show_table(shown, key="map_within", filename=t("map.file_within"), lang=lang,
               max_rows=500, height=320,
               labels={"distance_km": t("map.col_distance"), "road_km": t("map.col_road"),
                       "minutes": t("map.col_minutes")},
               formats={"revenue_12m": "money", "distance_km": "number1",
                        "road_km": "number1", "minutes": "number"})

# -- view: white space ----------------------------------------------------------------
elif view == "white_space":
    if "potential" not in placed.columns or placed["potential"].notna().sum() == 0:
        st.info(t("map.ws_no_potential"), icon=":material/info:")
        st.stop()
    c1, c2, c3 = st.columns(3)
    by = c1.segmented_control(t("map.area_label"), ["grid", "commune"], default="grid",
                              required=True, key="map_ws_by",
                              format_func=lambda b: t(f"map.area_{b}"))
    cell = c2.slider(t("map.cell_label"), 5, 30, 10, 1, key="map_ws_cell",
                     disabled=by != "grid")
    top_n = c3.slider(t("map.top_label"), 5, 50, 15, 5, key="map_ws_top")
    ws = _white_space(name, version, as_of, float(cell), by)
    st.caption(t("map.ws_rule"))
    ws_pos = ws[ws["open_potential"] > 0]
    if ws_pos.empty:
        st.info(t("map.ws_none"))
        st.stop()
    top = ws_pos.head(top_n)
    first = top.iloc[0]
    st.write(t("map.ws_read", k=fmt_number(len(top), lang),
               share=fmt_pct(top["open_share"].sum(), lang, 0),
               open=fmt_money(top["open_potential"].sum(), lang, compact=True),
               label=first["label"] if isinstance(first["label"], str) else first["area"],
               open1=fmt_money(first["open_potential"], lang, compact=True),
               pen=fmt_pct(first["penetration"], lang, 0)))
    cells = ws_pos.assign(
        color=maps.rgba(pd.Series(maps.ramp(ws_pos["open_potential"].rank(pct=True))), 215),
        title=ws_pos["label"].fillna(ws_pos["area"]).map(lambda s: html.escape(str(s))),
        tip_open=ws_pos["open_potential"].map(lambda v: fmt_money(v, lang)),
        tip_pen=ws_pos["penetration"].map(lambda v: fmt_pct(v, lang, 0)),
        tip_cp=[f"{fmt_number(a, lang)} / {fmt_number(b, lang)}"
                for a, b in zip(ws_pos["customers"], ws_pos["prospects"])])
    tip = [("", "title"), (t("map.col_open"), "tip_open"),
           (t("map.col_penetration"), "tip_pen"),
           (f"{t('map.col_customers')} / {t('map.col_prospects')}", "tip_cp")]
    towns = maps.main_towns(placed)
    if by == "grid":
        deck = maps.cells_deck(cells, tip, float(cell), towns=towns, bases=bases)
    else:
        pts = cells.assign(radius=maps.radius_m(cells["open_potential"], 400, 5000))
        deck = maps.points_deck(pts, tip, bases=bases, towns=towns)
    show_map(deck, "map_ws_deck")
    st.subheader(t("map.ws_title"))
    area_cols = ["label"] if by == "grid" else ["area"]  # grid ids mean nothing to a reader
    show_table(ws_pos[["rank", *area_cols, "customers", "prospects", "potential",
                       "revenue", "open_potential", "penetration", "open_share",
                       "cumulative_share"]],
               key="map_ws_table", filename=t("map.file_ws"), lang=lang, max_rows=top_n,
               labels={"rank": t("map.col_rank"), "area": t("map.col_area"),
                       "label": t("map.col_label"), "customers": t("map.col_customers"),
                       "prospects": t("map.col_prospects"),
                       "potential": t("map.col_potential"), "revenue": t("map.col_revenue"),
                       "open_potential": t("map.col_open"),
                       "penetration": t("map.col_penetration"),
                       "open_share": t("map.col_open_share"),
                       "cumulative_share": t("map.col_cum_share")},
               formats={"customers": "number", "prospects": "number", "potential": "money",
                        "revenue": "money", "open_potential": "money", "penetration": "pct",
                        "open_share": "pct", "cumulative_share": "pct"})

# -- view: territories ----------------------------------------------------------------
else:
    measures = ["count"] + (["revenue_12m"] if HAS_TX else []) + (
        ["potential"] if "potential" in placed.columns else []) + (
        ["workload_h"] if "abc" in classes else [])
    c1, c2, c3 = st.columns(3)
    measure = c1.selectbox(t("map.measure_label"), measures, key="map_measure",
                           format_func=lambda m: t(f"map.measure_{m}"),
                           help=t("map.measure_help"))
    tol_pct = c2.slider(t("map.tolerance_label"), 0, 30, 10, 1, format="± %d %%",
                        key="map_tolerance", help=t("map.tolerance_help"))
    visit_min = 60.0
    if measure == "workload_h":
        visit_min = float(c3.number_input(t("map.visit_label"), 10, 240, 60, 5,
                                          key="map_visit_min"))
    prospects = c3.toggle(t("map.include_prospects"), value=True, key="map_prospects")
    st.markdown(f"**{t('map.bases_title')}**")
    edited = st.data_editor(
        bases if not bases.empty else pd.DataFrame(
            {"name": ["1"], "latitude": [placed["latitude"].median()],
             "longitude": [placed["longitude"].median()]}),
        num_rows="dynamic", key="map_bases_editor", hide_index=True,
        column_config={
            "name": st.column_config.TextColumn(t("map.col_name"), required=True),
            "latitude": st.column_config.NumberColumn(t("map.col_lat"), format="%.4f",
                                                      min_value=-90, max_value=90),
            "longitude": st.column_config.NumberColumn(t("map.col_lon"), format="%.4f",
                                                       min_value=-180, max_value=180)})
    st.caption(t("map.bases_help"))
    ed = edited.dropna(how="all")
    if (ed.empty or ed.isna().any().any()
            or ed["name"].astype(str).str.strip().eq("").any()
            or ed["name"].astype(str).duplicated().any()):
        st.warning(t("map.bases_invalid"))
        st.stop()
    base_names = set(ed["name"].astype(str))
    pool = placed if prospects else placed[placed["is_customer"]]
    locks = {}
    l1, l2 = st.container(), st.container()
    if "abc" in classes and "sales_rep" in pool.columns:
        if l1.toggle(t("map.lock_a"), value=False, key="map_lock_a"):
            a_ids = pool[pool["customer_id"].map(classes["abc"]).astype(object).eq("A")
                         .to_numpy() & pool["sales_rep"].astype(object).isin(base_names)]
            locks.update(dict(zip(a_ids["customer_id"], a_ids["sales_rep"].astype(str))))
    if "sales_rep" in pool.columns:
        lockable = pool[pool["sales_rep"].astype(object).isin(base_names)]
        label_of = dict(zip(lockable["customer_id"],
                            lockable.get("name", lockable["customer_id"]).astype(str)))
        picked = l2.multiselect(t("map.lock_pick"), list(label_of), key="map_lock_pick",
                                format_func=lambda c: f"{c} · {label_of.get(c, '')}",
                                placeholder=t("map.lock_none"))
        rep_of = dict(zip(lockable["customer_id"], lockable["sales_rep"].astype(str)))
        locks.update({c: rep_of[c] for c in picked})
    bases_t = tuple((str(r["name"]), float(r["latitude"]), float(r["longitude"]))
                    for r in ed.to_dict("records"))
    try:
        plan = _territories(name, version, as_of, measure, tol_pct / 100, prospects,
                            visit_min, tuple(sorted(locks.items())), bases_t,
                            classes.get("abc"))
    except ValueError as exc:
        st.error(t("map.terr_error", error=exc))
        st.stop()
    bal = plan.balance
    a = plan.assignment
    st.write(t("map.terr_read", n=fmt_number(len(a), lang), k=fmt_number(len(bal), lang),
               tol=fmt_pct(tol_pct / 100, lang, 0), measure=t(f"map.measure_{measure}"),
               after=fmt_pct(bal["deviation_after"].abs().max(), lang),
               before=fmt_pct(bal["deviation_before"].abs().max(), lang),
               moved=fmt_number(int(a["moved"].sum()), lang),
               km_after=fmt_number(plan.total_km_after, lang),
               km_before=fmt_number(plan.total_km_before, lang),
               road=fmt_number(geo.road_km(plan.total_km_after, detour), lang),
               hours=fmt_number(geo.travel_minutes(plan.total_km_after, detour, speed) / 60,
                                lang)))
    if plan.relaxed:
        st.warning(t("map.terr_relaxed", dev=fmt_pct(plan.max_deviation, lang)))
    if len(plan.unplaced):
        st.caption(t("map.terr_unplaced", n=fmt_number(len(plan.unplaced), lang)))
    info = pool.set_index("customer_id")
    shown = info.loc[a["customer_id"]].reset_index()
    terr_labels = pd.Series(a["territory"].to_numpy(), index=shown.index)
    colours = maps.colour_map(terr_labels, [b[0] for b in bases_t])
    render_points(shown, terr_labels, colours, None, "map_terr_deck",
                  base_points=pd.DataFrame(list(bases_t),
                                           columns=["name", "latitude", "longitude"]))
    st.caption(t("map.terr_method", method=plan.method))
    st.subheader(t("map.balance_title"))
    show_table(bal[["territory", "target", "customers_before", "measure_before",
                    "deviation_before", "mean_km_before", "customers_after", "measure_after",
                    "deviation_after", "mean_km_after", "max_km_after"]],
               key="map_balance", filename=t("map.file_balance"), lang=lang,
               labels={c: t(f"map.col_{c}") for c in (
                   "territory", "target", "customers_before", "measure_before",
                   "deviation_before", "mean_km_before", "customers_after", "measure_after",
                   "deviation_after", "mean_km_after", "max_km_after")},
               formats={"target": "number1", "customers_before": "number",
                        "measure_before": "number1", "deviation_before": "pct",
                        "mean_km_before": "number1", "customers_after": "number",
                        "measure_after": "number1", "deviation_after": "pct",
                        "mean_km_after": "number1", "max_km_after": "number1"})
    st.subheader(t("map.assign_title"))
    extra = [c for c in ("name", "city") if c in info.columns]
    table = a.merge(info[extra].reset_index(), on="customer_id", how="left")
    table = table.sort_values(["moved", "locked", "territory"], ascending=[False, False, True],
                              kind="stable")
    show_table(table[["customer_id", *extra, "previous", "territory", "measure",
                      "distance_km", "locked", "moved"]],
               key="map_assign", filename=t("map.file_assign"), lang=lang, max_rows=500,
               height=360,
               labels={"previous": t("map.col_previous"), "territory": t("map.col_territory"),
                       "measure": t("map.col_measure"),
                       "distance_km": t("map.col_distance_base"),
                       "locked": t("map.col_locked"), "moved": t("map.col_moved")},
               formats={"measure": "number1", "distance_km": "number1"})
