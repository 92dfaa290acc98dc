"""Tournées (routes): which customers a rep should visit on which day and in what order,
within the working hours, from the rep's base; km, time and cost per day next to the
naive order (by postal code), the paths on a map, links to open each day in Google Maps,
and exports (CSV, Excel, .ics calendar)."""

import datetime as dt
import html

import numpy as np
import pandas as pd
import streamlit as st

from core import geo
from core.effort import VISIT_MINUTES, visit_needs
from core.routing import MAX_PLAN_DAYS, RouteSettings, plan_routes, plan_to_ics
from ui import state
from ui.format import fmt_date, fmt_money, fmt_number
from ui.i18n import t
from ui.maps import main_towns
from ui.maps_routes import day_colours, km_chart, rep_bases, routes_deck
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("customers", "customer_id")
lang = state.lang()
name, version, as_of = state.cache_key()
ss = st.session_state
cu_cols = set(p.customers.columns)
if not ({"postal_code", "city"} & cu_cols or {"latitude", "longitude"} <= cu_cols):
    st.title(t("routes.title"))
    st.info(t("routes.no_location"), icon=":material/info:")
    st.stop()

_EMPTY_GAZ = pd.DataFrame(columns=["country", "postal_code", "city", "latitude", "longitude"])
SEGMENTS = ("A", "B", "C", "hot prospect", "warm prospect", "cold prospect")
BUDGETS = (2.0, 5.0, 10.0)
ALL = "__all__"


# -- cached core calls ----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
def _needs(name: str, version: str, when: pd.Timestamp, abc: pd.Series | None):
    """Visit needs and priorities of every customer, geocoded where coordinates lack."""
    pf = state.load_portfolio(name, version)
    cu = pf.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id").copy()
    cu["customer_id"] = cu["customer_id"].astype(str)
    try:
        placed = geo.geocode(cu)
    except ValueError:  # no gazetteer: keep the coordinates given in the file
        placed = geo.geocode(cu, gazetteer=_EMPTY_GAZ)
    contacts = pf.contacts if pf.has("contacts", "customer_id", "date") else None
    return visit_needs(placed, contacts, when, classes=abc)


@st.cache_data(show_spinner=False, max_entries=16)
def _plan(cands: pd.DataFrame, base: tuple, end_base: tuple, first: dt.date, last: dt.date,
          settings: RouteSettings, budget: float):
    return plan_routes(cands, base, first, last, settings=settings, end_base=end_base,
                       time_limit=budget, seed=0)


# -- labels and helpers ---------------------------------------------------------------
def segment_label(s) -> str:
    text = t(f"routes.seg_{str(s).replace(' ', '_')}")
    return str(s) if text.startswith("⟦") else text


def day_label(d) -> str:
    d = pd.Timestamp(d)
    return f"{t(f'routes.wd_{d.weekday()}')} {fmt_date(d, lang)}"


def hm(minutes: float) -> str:
    m = int(round(float(minutes)))
    return f"{m // 60} h {m % 60:02d}"


def count_of(n, word: str) -> str:
    """"3 days" / "1 day" ("0 jour" in French): the noun agrees with the number."""
    n = int(n)
    one = n <= 1 if lang == "fr" else n == 1
    return t(f"routes.n_{word}_{'one' if one else 'other'}", n=fmt_number(n, lang))


def reason_text(reason: str, base_km, need_min) -> str:
    if reason == "far_for_time":
        return t("routes.reason_far_for_time", km=fmt_number(base_km, lang),
                 need=hm(need_min))
    return t(f"routes.reason_{reason}")


def next_monday(d: pd.Timestamp) -> dt.date:
    d = pd.Timestamp(d).date()
    return d + dt.timedelta(days=(7 - d.weekday()) % 7 or 7)


def _minutes(x: dt.time) -> str:
    return f"{x.hour:02d}:{x.minute:02d}"


# -- page -----------------------------------------------------------------------------
st.title(t("routes.title"))
st.write(t("routes.intro"))

classes = state.customer_classes().get("abc")
needs = _needs(name, version, as_of, classes)
bases = rep_bases(needs, t("routes.base_median"))
has_reps = "sales_rep" in needs.columns and needs["sales_rep"].notna().any()
reps = (needs["sales_rep"].dropna().astype(str).value_counts().index.tolist()
        if has_reps else [])
options = reps or [ALL]


def _reset_base() -> None:
    b = bases.get(ss.get("rt_rep"), bases.get(ALL, (46.6, 2.5, "")))
    ss["rt_lat"], ss["rt_lon"] = float(b[0]), float(b[1])


if ss.get("rt_rep") not in options:
    ss["rt_rep"] = options[0]
    _reset_base()
c1, c2 = st.columns([1, 1])
rep = c1.selectbox(t("routes.rep_label"), options, key="rt_rep", on_change=_reset_base,
                   format_func=lambda r: t("routes.all_customers") if r == ALL else
                   f"{r} ({fmt_number(int((needs['sales_rep'] == r).sum()), lang)})",
                   help=t("routes.rep_help"))
if "rt_lat" not in ss:
    _reset_base()
base_label = bases.get(rep, (0, 0, t("routes.base_median")))[2]
c2.caption(t("routes.base_line", base=base_label, lat=f"{ss['rt_lat']:.4f}",
             lon=f"{ss['rt_lon']:.4f}"))

mine = needs if rep == ALL else needs[needs["sales_rep"].astype(object) == rep]
mine = mine[mine["priority"] > 0]
cand_ids = mine["customer_id"].tolist()

monday = next_monday(as_of)
with st.form("rt_form", border=True):
    f1, f2, f3, f4 = st.columns([1.4, 1, 1, 1])
    dates = f1.date_input(t("routes.dates_label"), value=(monday, monday + dt.timedelta(4)),
                          key="rt_dates", help=t("routes.dates_help", days=MAX_PLAN_DAYS),
                          format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD")
    day_start = f2.time_input(t("routes.day_start"), dt.time(8, 30), key="rt_day_start",
                              step=900)
    day_end = f3.time_input(t("routes.day_end"), dt.time(17, 30), key="rt_day_end", step=900)
    lunch_min = f4.number_input(t("routes.lunch_min"), 0, 120, 60, 15, key="rt_lunch_min",
                                help=t("routes.lunch_help"))
    g1, g2, g3, g4 = st.columns([1.4, 1, 1, 1])
    rule = g1.selectbox(t("routes.mandatory_label"), ["overdue_a", "none"], key="rt_rule",
                        format_func=lambda k: t(f"routes.rule_{k}"),
                        help=t("routes.mandatory_help"))
    overdue_days = g2.number_input(t("routes.overdue_days"), 0, 365, 120, 15,
                                   key="rt_overdue_days", help=t("routes.overdue_days_help"))
    max_cands = g3.number_input(t("routes.max_cands"), 10, 1000, 300, 50, key="rt_max",
                                help=t("routes.max_cands_help"))
    budget = g4.select_slider(t("routes.budget"), BUDGETS, value=2.0, key="rt_budget",
                              format_func=lambda b: t(f"routes.budget_{int(b)}"),
                              help=t("routes.budget_help"))
    with st.expander(t("routes.more_settings")):
        st.caption(t("routes.visit_minutes_caption"))
        cols = st.columns(len(SEGMENTS))
        visit_min = {seg: cols[i].number_input(segment_label(seg), 5, 480,
                                               int(VISIT_MINUTES[seg]), 5,
                                               key=f"rt_vm_{seg.replace(' ', '_')}")
                     for i, seg in enumerate(SEGMENTS)}
        h1, h2, h3, h4, h5 = st.columns(5)
        lunch_at = h1.time_input(t("routes.lunch_start"), dt.time(12, 0), key="rt_lunch_at",
                                 step=900)
        speed = h2.number_input(t("routes.speed"), 10, 130, 60, 5, key="rt_speed",
                                help=t("routes.speed_help"))
        detour = h3.number_input(t("routes.detour"), 1.0, 3.0, 1.3, 0.05, key="rt_detour",
                                 help=t("routes.detour_help"))
        cost_km = h4.number_input(t("routes.cost_km"), 0.0, 5.0, 0.40, 0.05, key="rt_cost_km",
                                  help=t("routes.cost_km_help"))
        cost_h = h5.number_input(t("routes.cost_h"), 0.0, 500.0, 35.0, 5.0, key="rt_cost_h",
                                 help=t("routes.cost_h_help"))
        b1, b2, b3 = st.columns([1, 1, 2])
        b1.number_input(t("routes.base_lat"), -90.0, 90.0, key="rt_lat", format="%.4f",
                        step=0.01)
        b2.number_input(t("routes.base_lon"), -180.0, 180.0, key="rt_lon", format="%.4f",
                        step=0.01)
        b3.caption(t("routes.base_help"))
        st.caption(t("routes.tw_caption"))
        labels = {cid: f"{cid} · {nm}" for cid, nm in zip(
            mine["customer_id"], mine["name"] if "name" in mine else mine["customer_id"])}
        windows = st.data_editor(
            pd.DataFrame({"customer_id": pd.Series(dtype="object"),
                          "tw_start": pd.Series(dtype="object"),
                          "tw_end": pd.Series(dtype="object")}),
            num_rows="dynamic", key="rt_windows", hide_index=True,
            column_config={
                "customer_id": st.column_config.SelectboxColumn(
                    t("routes.col_customer"), options=cand_ids[:2000],
                    format_func=lambda c: labels.get(c, c)),
                "tw_start": st.column_config.TextColumn(t("routes.tw_start"), max_chars=5),
                "tw_end": st.column_config.TextColumn(t("routes.tw_end"), max_chars=5)})
    st.form_submit_button(t("routes.compute"), type="primary", key="rt_submit",
                          icon=":material/route:")

# -- inputs -> candidates -------------------------------------------------------------
if not isinstance(dates, tuple | list) or len(dates) != 2:
    st.info(t("routes.pick_two_dates"), icon=":material/info:")
    st.stop()
first_day, last_day = dates
if (last_day - first_day).days + 1 > MAX_PLAN_DAYS:
    st.warning(t("routes.too_many_days", days=MAX_PLAN_DAYS), icon=":material/warning:")
    st.stop()
if mine.empty:
    st.info(t("routes.no_candidates"), icon=":material/info:")
    st.stop()

cands = mine.head(int(max_cands)).copy()
if len(mine) > len(cands):
    st.caption(t("routes.capped", n=fmt_number(len(cands), lang),
                 total=fmt_number(len(mine), lang)))
cands["mandatory"] = False
if rule == "overdue_a":
    cands["mandatory"] = ((cands["segment"] == "A")
                          & (cands["days_overdue"] > float(overdue_days))).to_numpy()
tw = windows.dropna(subset=["customer_id"]) if len(windows) else windows
cands["tw_start"] = cands["customer_id"].map(dict(zip(tw["customer_id"], tw["tw_start"])))
cands["tw_end"] = cands["customer_id"].map(dict(zip(tw["customer_id"], tw["tw_end"])))
keep = ["customer_id", "name", "segment", "priority", "mandatory", "latitude", "longitude",
        "postal_code", "city", "tw_start", "tw_end", "status", "days_overdue", "last_visit"]
cands = cands[[c for c in keep if c in cands.columns]].reset_index(drop=True)
settings = RouteSettings(
    day_start=_minutes(day_start), day_end=_minutes(day_end), lunch_start=_minutes(lunch_at),
    lunch_minutes=int(lunch_min), visit_minutes={**VISIT_MINUTES, **visit_min},
    speed_kmh=float(speed), detour=float(detour), cost_per_km=float(cost_km),
    cost_per_hour=float(cost_h))
base = (float(ss["rt_lat"]), float(ss["rt_lon"]))
try:
    with st.spinner(t("routes.computing")):
        plan = _plan(cands, base, base, first_day, last_day, settings, float(budget))
except ValueError as exc:
    st.warning(t("routes.bad_settings", error=exc), icon=":material/warning:")
    st.stop()

# -- explanations ---------------------------------------------------------------------
for issue in plan.issues:
    v = dict(issue.values)
    if issue.code == "mandatory_impossible":
        key = ("routes.issue_outside_hours" if v.get("reason") == "outside_hours"
               else "routes.issue_too_far")
        st.warning(t(key, customer=issue.customer_id, name=v.get("name", ""),
                     need=hm(v.get("need_h", 0) * 60), available=hm(v.get("available_h", 0)
                                                                    * 60),
                     window=v.get("window", "")), icon=":material/warning:")
    elif issue.code == "mandatory_not_planned":
        st.warning(t("routes.issue_not_planned", count=v["count"], mandatory=v["mandatory"],
                     days=count_of(v["days"], "day"), need=hm(v["need_h"] * 60), day=hm(v["day_h"] * 60),
                     customers=v["customers"]), icon=":material/warning:")
    elif issue.code == "mandatory_no_coordinates":
        st.warning(t("routes.issue_mandatory_no_xy", customer=issue.customer_id,
                     name=v.get("name", "")), icon=":material/warning:")
    elif issue.code == "no_coordinates":
        st.info(t("routes.issue_no_xy", count=count_of(v["count"], "customer"),
                  customers=v["customers"]), icon=":material/location_off:")
    elif issue.code in ("empty_plan", "no_candidates", "free_days"):
        st.info(t(f"routes.issue_{issue.code}", count=count_of(v.get("count", 0), "day")),
                icon=":material/info:")

days = plan.days.copy()
visits = plan.visits
if visits.empty:
    st.stop()

# -- figures and reading --------------------------------------------------------------
n_visits = len(visits)
km, naive_km = float(days["km"].sum()), float(days["naive_km"].sum())
drive_h, hours_saved = float(days["drive_h"].sum()), float(days["hours_saved"].sum())
cost = float(days["cost_total"].sum())
m1, m2, m3, m4 = st.columns(4)
m1.metric(t("routes.m_visits"), fmt_number(n_visits, lang),
          help=t("routes.m_visits_help", n=count_of(len(cands), "candidate")))
m2.metric(t("routes.m_km"), f"{fmt_number(km, lang)} km",
          delta=f"{fmt_number(km - naive_km, lang)} km", delta_color="inverse",
          help=t("routes.m_km_help"))
m3.metric(t("routes.m_drive"), hm(drive_h * 60), help=t("routes.m_drive_help"))
m4.metric(t("routes.m_cost"), fmt_money(cost, lang),
          help=t("routes.m_cost_help", km=fmt_money(settings.cost_per_km, lang, 2),
                 hour=fmt_money(settings.cost_per_hour, lang)))
n_mand = int(visits["mandatory"].sum())
st.write(t("routes.reading", days=count_of(len(days), "day"), visits=count_of(n_visits, "visit"),
           priority=fmt_number(days["priority"].sum(), lang),
           mandatory=count_of(n_mand, "mandatory"),
           km=fmt_number(km, lang), drive=hm(drive_h * 60), naive=fmt_number(naive_km, lang),
           saved=fmt_number(naive_km - km, lang), hours=hm(max(hours_saved, 0) * 60),
           money=fmt_money((naive_km - km) * settings.cost_per_km
                           + max(hours_saved, 0) * settings.cost_per_hour, lang)))

# -- map ------------------------------------------------------------------------------
days["day_label"] = days["date"].map(day_label)
colours = dict(zip(days["day_index"], day_colours(len(days))))
stops = plan.stops.copy()
label_of = dict(zip(days["day_index"], days["day_label"]))


def _tip(r) -> str:
    if r["kind"] != "visit":
        return html.escape(f"{base_label} · {label_of[r['day_index']]}")
    return (f"<b>{int(r['seq'])}. {html.escape(str(r['name']))}</b><br/>"
            f"{html.escape(label_of[r['day_index']])} · {r['start']:%H:%M}–"
            f"{r['departure']:%H:%M}<br/>{html.escape(str(r['postal_code']))} "
            f"{html.escape(str(r['city']))} · {t('routes.col_priority')} "
            f"{fmt_number(r['priority'], lang)}")


stops["tip"] = [_tip(r) for r in stops.to_dict("records")]
left = plan.unvisited.merge(cands[["customer_id", "latitude", "longitude", "city"]],
                            on="customer_id", how="left").dropna(
    subset=["latitude", "longitude"])
left["tip"] = [html.escape(f"{c} · {n} — {reason_text(r, k, m)}") for c, n, r, k, m in zip(
    left["customer_id"], left["name"], left["reason"], left["base_km"], left["need_min"])]
towns = main_towns(pd.concat([visits[["city", "latitude", "longitude"]],
                              left[["city", "latitude", "longitude"]]]), n=10)
st.pydeck_chart(routes_deck(stops, colours, base_label, left, towns), key="rt_map",
                height=540)
legend = "".join(
    f'<span style="margin-right:16px;white-space:nowrap"><span style="display:inline-block;'
    f'width:22px;height:5px;background:rgb{colours[d]};vertical-align:middle;'
    f'margin-right:6px"></span>{html.escape(label_of[d])}</span>'
    for d in days.loc[days["visits"] > 0, "day_index"])
st.markdown(f'<div style="font-size:0.9rem;line-height:2">{legend}</div>',
            unsafe_allow_html=True)
st.caption(t("routes.map_caption"))

# -- per day ----------------------------------------------------------------------------
st.subheader(t("routes.days_title"))
st.altair_chart(km_chart(days, {"day": t("routes.col_day"), "km": t("routes.col_km"),
                                "optimised": t("routes.order_suggested"),
                                "naive": t("routes.order_naive")}), key="rt_km_chart")
shown = days.assign(
    start=days["start"].dt.strftime("%H:%M").fillna("–"),
    end=days["end"].dt.strftime("%H:%M").fillna("–"))
shown = shown[["day_label", "map_url", "visits", "priority", "start", "end", "km", "drive_h",
               "visit_h", "cost_total", "naive_km", "km_saved", "hours_saved"]]
show_table(shown, key="rt_days", filename=t("routes.file_days"), lang=lang,
           labels={"day_label": t("routes.col_day"), "visits": t("routes.col_visits"),
                   "priority": t("routes.col_priority"), "start": t("routes.col_start"),
                   "end": t("routes.col_end"), "km": t("routes.col_km"),
                   "drive_h": t("routes.col_drive_h"), "visit_h": t("routes.col_visit_h"),
                   "cost_total": t("routes.col_cost"), "naive_km": t("routes.col_naive_km"),
                   "km_saved": t("routes.col_km_saved"),
                   "hours_saved": t("routes.col_hours_saved"),
                   "map_url": t("routes.col_map")},
           formats={"visits": "number", "priority": "number", "km": "number1",
                    "drive_h": "number1", "visit_h": "number1", "cost_total": "money",
                    "naive_km": "number1", "km_saved": "number1", "hours_saved": "number1"},
           column_config={t("routes.col_map"): st.column_config.LinkColumn(
               t("routes.col_map"), display_text="Google Maps ↗")})

busy = days[days["visits"] > 0]
pick = st.selectbox(t("routes.day_pick"), busy["day_index"].tolist(), key="rt_day",
                    format_func=lambda d: label_of[d])
day_row = days.set_index("day_index").loc[pick]
links = st.container(horizontal=True)
for i, url in enumerate(day_row["map_urls"]):
    links.link_button(t("routes.open_map_part", part=i + 1, parts=len(day_row["map_urls"]))
                      if len(day_row["map_urls"]) > 1 else t("routes.open_map"), url,
                      icon=":material/map:")
detail = stops[stops["day_index"] == pick].copy()
detail["what"] = [
    (f"{r['name']}" if r["kind"] == "visit" else t(f"routes.kind_{r['kind']}"))
    for r in detail.to_dict("records")]
detail["time"] = [
    f"{r['arrival']:%H:%M}" if r["kind"] in ("visit", "end", "lunch") else
    f"{r['departure']:%H:%M}" for r in detail.to_dict("records")]
detail["segment"] = detail["segment"].map(lambda s: segment_label(s) if isinstance(s, str)
                                          else "")
detail["seq"] = [str(int(q)) if k == "visit" else "" for q, k in zip(detail["seq"],
                                                                     detail["kind"])]
for col in ("customer_id", "city"):
    detail[col] = detail[col].astype(object).where(detail[col].notna(), "")
detail = detail[["seq", "time", "what", "customer_id", "segment", "priority", "city",
                 "drive_km", "drive_min", "wait_min", "visit_min"]]
show_table(detail, key="rt_detail", filename=t("routes.file_day", day=str(day_row["date"]
                                                                         .date())),
           lang=lang,
           labels={"seq": "#", "time": t("routes.col_time"), "what": t("routes.col_what"),
                   "customer_id": t("routes.col_customer"), "segment": t("routes.col_segment"),
                   "priority": t("routes.col_priority"), "city": t("routes.col_city"),
                   "drive_km": t("routes.col_drive_km"), "drive_min": t("routes.col_drive_min"),
                   "wait_min": t("routes.col_wait_min"), "visit_min": t("routes.col_visit_min")},
           formats={"priority": "number", "drive_km": "number1", "drive_min": "number",
                    "wait_min": "number", "visit_min": "number"},
           column_config={t("routes.col_city"): st.column_config.TextColumn(
               t("routes.col_city"), width="medium"),
               t("routes.col_what"): st.column_config.TextColumn(
               t("routes.col_what"), width="medium")})

# -- exports ----------------------------------------------------------------------------
st.subheader(t("routes.export_title"))
export = visits.assign(day=visits["day"].dt.date, arrival=visits["arrival"].dt.strftime("%H:%M"),
                       start=visits["start"].dt.strftime("%H:%M"),
                       departure=visits["departure"].dt.strftime("%H:%M"),
                       segment=visits["segment"].map(segment_label))
export = export[["day", "seq", "customer_id", "name", "segment", "priority", "mandatory",
                 "postal_code", "city", "latitude", "longitude", "arrival", "start",
                 "departure", "drive_km", "drive_min", "visit_min"]]
show_table(export, key="rt_visits", filename=t("routes.file_visits", rep=rep), lang=lang,
           max_rows=200, height=300,
           labels={"day": t("routes.col_day"), "seq": "#", "customer_id": t("routes.col_customer"),
                   "name": t("routes.col_name"), "segment": t("routes.col_segment"),
                   "priority": t("routes.col_priority"), "mandatory": t("routes.col_mandatory"),
                   "postal_code": t("routes.col_postal_code"), "city": t("routes.col_city"),
                   "arrival": t("routes.col_arrival"), "start": t("routes.col_start"),
                   "departure": t("routes.col_departure"), "drive_km": t("routes.col_drive_km"),
                   "drive_min": t("routes.col_drive_min"),
                   "visit_min": t("routes.col_visit_min"),
                   "latitude": t("routes.col_latitude"), "longitude": t("routes.col_longitude")},
           formats={"priority": "number", "drive_km": "number1", "drive_min": "number",
                    "visit_min": "number"},
           # coordinates are for the export (CSV / Excel), not for reading on screen
           column_config={t("routes.col_latitude"): None, t("routes.col_longitude"): None,
                          t("routes.col_city"): st.column_config.TextColumn(
                              t("routes.col_city"), width="medium")})
stamp = pd.Timestamp.now(tz="UTC").tz_localize(None)
st.download_button(
    t("routes.download_ics"), key="rt_ics", icon=":material/calendar_month:",
    data=lambda: plan_to_ics(plan, stamp=stamp, rep="" if rep == ALL else rep,
                             labels={"visit": t("routes.ics_visit"),
                                     "priority": t("routes.col_priority"),
                                     "customer": t("routes.col_customer"),
                                     "rep": t("routes.rep_label")}).encode("utf-8"),
    file_name=f"{t('routes.file_visits', rep=rep)}.ics".replace(" ", "_"),
    mime="text/calendar", on_click="ignore", help=t("routes.ics_help"))

# -- left out ---------------------------------------------------------------------------
st.subheader(t("routes.left_title"))
unv = plan.unvisited
counts = unv["reason"].value_counts()
st.write(t("routes.left_reading", n=count_of(len(unv), "candidate"),
           time=fmt_number(counts.get("no_time", 0), lang),
           far_time=fmt_number(counts.get("far_for_time", 0), lang),
           xy=fmt_number(counts.get("no_coordinates", 0), lang),
           far=fmt_number(counts.get("too_far", 0) + counts.get("outside_hours", 0), lang)))
shown_unv = unv.assign(reason=[reason_text(r, k, m) for r, k, m in zip(
    unv["reason"], unv["base_km"], unv["need_min"])])[
    ["customer_id", "name", "priority", "base_km", "reason", "mandatory", "need_min"]]
show_table(shown_unv, key="rt_unvisited", filename=t("routes.file_unvisited"), lang=lang,
           max_rows=200, height=260,
           labels={"customer_id": t("routes.col_customer"), "name": t("routes.col_name"),
                   "priority": t("routes.col_priority"), "mandatory": t("routes.col_mandatory"),
                   "reason": t("routes.col_reason"), "base_km": t("routes.col_base_km"),
                   "need_min": t("routes.col_need_min")},
           formats={"priority": "number", "base_km": "number1", "need_min": "number"},
           column_config={t("routes.col_reason"): st.column_config.TextColumn(
               t("routes.col_reason"), width="large")})
if np.isfinite(km):
    st.caption(t("routes.method_caption"))
