"""Charge et plans d'action: visit needs (norms per class, last visit, who is overdue),
the yearly workload and the number of reps it takes, each rep's load, contact and
prospection plans per segment (channel mix -> budget, orders, margin, ROI) and the dated
touches of a campaign, all exportable."""

import datetime as dt

import pandas as pd
import streamlit as st

from core import geo
from core.effort import (
    CHANNELS,
    DEFAULT_MIX,
    TOUCH_SEQUENCE,
    VISIT_MINUTES,
    VISIT_NORMS,
    average_order_margin,
    channel_costs_from_contacts,
    contact_plan,
    estimate_travel_minutes,
    rep_load,
    touch_sequence,
    visit_needs,
    workload,
)
from ui import state
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import t
from ui.maps_routes import load_chart, needs_chart, plan_chart, rep_bases, touches_chart
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("customers", "customer_id")
lang = state.lang()
name, version, as_of = state.cache_key()
HAS_TX = p.has("transactions", "customer_id", "date", "amount")
HAS_CONTACTS = p.has("contacts", "customer_id", "date")
_EMPTY_GAZ = pd.DataFrame(columns=["country", "postal_code", "city", "latitude", "longitude"])
STATUSES = ("overdue", "due", "never", "ok", "no_norm")
PR_MIX = {"develop": {"visit": 2, "phone": 2, "email": 2},
          "defend": {"visit": 1, "phone": 2, "email": 2},
          "maintain": {"phone": 1, "email": 3},
          "minimal": {"email": 2, "mailing": 1}}


# -- cached core calls ----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
def _placed(name: str, version: str) -> pd.DataFrame:
    pf = state.load_portfolio(name, version)
    cu = pf.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id").copy()
    cu["customer_id"] = cu["customer_id"].astype(str)
    cols = set(cu.columns)
    if not ({"postal_code", "city"} & cols or {"latitude", "longitude"} <= cols):
        return cu
    try:
        return geo.geocode(cu)
    except ValueError:
        return geo.geocode(cu, gazetteer=_EMPTY_GAZ)


@st.cache_data(show_spinner=False, max_entries=16)
def _needs(name: str, version: str, when: pd.Timestamp, abc: pd.Series | None,
           norms: tuple):
    pf = state.load_portfolio(name, version)
    contacts = pf.contacts if pf.has("contacts", "customer_id", "date") else None
    return visit_needs(_placed(name, version), contacts, when, classes=abc, norms=dict(norms))


@st.cache_data(show_spinner=False, max_entries=8)
def _travel(name: str, version: str, speed: float, detour: float, per_day: float) -> dict:
    placed = _placed(name, version)
    if not {"sales_rep", "latitude", "longitude"} <= set(placed.columns):
        return {}
    bases = {k: v[:2] for k, v in rep_bases(placed, "").items() if k != "__all__"}
    return estimate_travel_minutes(placed, bases, visits_per_day=per_day, speed_kmh=speed,
                                   detour=detour)


@st.cache_data(show_spinner=False, max_entries=8)
def _pr(name: str, version: str, when: pd.Timestamp) -> pd.Series:
    from core.lifecycle import pr_strategy

    pf = state.load_portfolio(name, version)
    table = pr_strategy(pf.transactions, when, pf.customers)
    return table.set_index(table["customer_id"].astype(str))["quadrant"].astype(str)


@st.cache_data(show_spinner=False, max_entries=8)
def _margins(name: str, version: str, when: pd.Timestamp, segments: pd.Series) -> dict:
    pf = state.load_portfolio(name, version)
    per_seg = average_order_margin(pf.transactions, segments, when)
    everyone = average_order_margin(
        pf.transactions, pd.Series("all", index=pf.transactions["customer_id"].astype(str)
                                   .unique()), when)
    return {**per_seg.to_dict(), "default": float(everyone.get("all", 0.0))}


# -- labels ---------------------------------------------------------------------------
def seg_label(s) -> str:
    text = t(f"routes.seg_{str(s).replace(' ', '_')}")
    return str(s) if text.startswith("⟦") else text


def channel_label(c) -> str:
    text = t(f"plans.ch_{c}")
    return str(c) if text.startswith("⟦") else text


def status_label(s) -> str:
    return t(f"plans.status_{s}")


def count_of(n, word: str) -> str:
    """"1 rep" / "3 reps" ("0 commercial" in French): the noun agrees with the number."""
    n = int(n)
    one = n <= 1 if lang == "fr" else n == 1
    return t(f"plans.n_{word}_{'one' if one else 'other'}", n=fmt_number(n, lang))


def days_txt(x: float) -> str:
    return fmt_number(x, lang, 0 if abs(x) >= 10 else 1)


# -- page -----------------------------------------------------------------------------
st.title(t("plans.title"))
st.write(t("plans.intro", as_of=fmt_date(as_of, lang)))
if not HAS_CONTACTS:
    st.info(t("plans.no_contacts"), icon=":material/info:")

classes = state.customer_classes()
segs = [s for s in VISIT_NORMS if s not in ("lost",)]
with st.expander(t("plans.norms_title"), expanded=True, icon=":material/tune:"):
    st.caption(t("plans.norms_caption"))
    norms_in = pd.DataFrame({
        "segment": segs, "label": [seg_label(s) for s in segs],
        "visits_per_year": [float(VISIT_NORMS[s]) for s in segs],
        "visit_min": [float(VISIT_MINUTES.get(s, VISIT_MINUTES["default"])) for s in segs]})
    norms_df = st.data_editor(
        norms_in, key="pl_norms", hide_index=True, disabled=["segment", "label"],
        column_order=["label", "visits_per_year", "visit_min"],
        column_config={
            "label": st.column_config.TextColumn(t("plans.col_segment")),
            "visits_per_year": st.column_config.NumberColumn(
                t("plans.col_visits_per_year"), min_value=0.0, max_value=365.0, step=1.0,
                help=t("plans.col_visits_per_year_help")),
            "visit_min": st.column_config.NumberColumn(
                t("plans.col_visit_min"), min_value=5.0, max_value=480.0, step=5.0)})
norms = {**VISIT_NORMS, **dict(zip(norms_df["segment"],
                                   norms_df["visits_per_year"].fillna(0.0).astype(float)))}
visit_minutes = {**VISIT_MINUTES, **dict(zip(norms_df["segment"],
                                             norms_df["visit_min"].fillna(45.0).astype(float)))}
needs = _needs(name, version, as_of, classes.get("abc"), tuple(sorted(norms.items())))

tab_needs, tab_load, tab_plan, tab_campaign = st.tabs(
    [t("plans.tab_needs"), t("plans.tab_workload"), t("plans.tab_plan"),
     t("plans.tab_campaign")])

# -- 1. visit needs -------------------------------------------------------------------
with tab_needs:
    counts = needs["status"].value_counts()
    n_over = int(counts.get("overdue", 0))
    n_no_norm = int(counts.get("no_norm", 0))
    shown_status = ("overdue", "due", "never", "ok") + (("no_norm",) if n_no_norm else ())
    cols = st.columns(len(shown_status))
    for col, key in zip(cols, shown_status):
        col.metric(status_label(key), fmt_number(int(counts.get(key, 0)), lang),
                   help=t(f"plans.status_{key}_help"))
    over_a = int(((needs["status"] == "overdue") & (needs["segment"] == "A")).sum())
    worst = needs[needs["status"] == "overdue"].head(1)
    st.write(t("plans.needs_reading", overdue=fmt_number(n_over, lang),
               a=fmt_number(over_a, lang), never=fmt_number(int(counts.get("never", 0)), lang),
               customers=fmt_number(len(needs), lang),
               with_norm=fmt_number(len(needs) - n_no_norm, lang),
               no_norm=fmt_number(n_no_norm, lang)))
    if len(worst):
        w = worst.iloc[0]
        st.caption(t("plans.needs_top", name=str(w.get("name", w["customer_id"])),
                     days=fmt_number(w["days_overdue"], lang),
                     priority=fmt_number(w["priority"], lang)))
    chart_data = (needs.groupby(["segment", "status"]).size().rename("customers")
                  .reset_index())
    chart_data = chart_data[chart_data["status"] != "no_norm"]
    order = [s for s in VISIT_NORMS if s in set(chart_data["segment"])]
    chart_data["segment_label"] = chart_data["segment"].map(seg_label)
    chart_data["status_label"] = chart_data["status"].map(status_label)
    chart_data["status_rank"] = chart_data["status"].map({s: i for i, s in enumerate(STATUSES)})
    chart_data = chart_data.sort_values("segment", key=lambda s: s.map(
        {k: i for i, k in enumerate(order)}))
    st.altair_chart(needs_chart(chart_data, {
        "segment": t("plans.col_segment"), "customers": t("plans.col_customers"),
        "status": t("plans.col_status")}, [status_label(s) for s in STATUSES[:4]]),
        key="pl_needs_chart")
    pick = st.segmented_control(t("plans.needs_filter"), ["overdue", "due", "never", "all"],
                                default="overdue", key="pl_needs_pick",
                                format_func=lambda k: t("plans.all") if k == "all"
                                else status_label(k))
    listed = needs if pick in (None, "all") else needs[needs["status"] == pick]
    # what a manager acts on first (priority, status, delay), then the context
    cols_needs = [c for c in ("customer_id", "name", "priority", "status", "days_overdue",
                              "segment", "sales_rep", "last_visit", "next_due", "city")
                  if c in listed.columns]
    listed = listed[cols_needs].assign(segment=listed["segment"].map(seg_label),
                                       status=listed["status"].map(status_label))
    show_table(listed, key="pl_needs", filename=t("plans.file_needs"), lang=lang,
               max_rows=300, height=320,
               labels={"customer_id": t("plans.col_customer"), "name": t("plans.col_name"),
                       "segment": t("plans.col_segment"), "sales_rep": t("plans.col_rep"),
                       "city": t("plans.col_city"), "last_visit": t("plans.col_last_visit"),
                       "next_due": t("plans.col_next_due"),
                       "days_overdue": t("plans.col_days_overdue"),
                       "status": t("plans.col_status"), "priority": t("plans.col_priority")},
               formats={"days_overdue": "number", "priority": "number",
                        "last_visit": "date", "next_due": "date"})

# -- 2. workload ----------------------------------------------------------------------
with tab_load:
    reps_in_data = (needs["sales_rep"].dropna().astype(str).nunique()
                    if "sales_rep" in needs.columns else 0)
    c1, c2, c3, c4, c5 = st.columns(5)
    travel_mode = c1.radio(t("plans.travel_mode"), ["estimated", "fixed"], key="pl_travel_mode",
                           format_func=lambda k: t(f"plans.travel_{k}"),
                           help=t("plans.travel_help"))
    fixed_travel = c2.number_input(t("plans.travel_fixed_min"), 0, 240, 30, 5,
                                   key="pl_travel_min")
    hours_day = c3.number_input(t("plans.hours_day"), 1.0, 12.0, 8.0, 0.5, key="pl_hours")
    work_days = c4.number_input(t("plans.work_days"), 100, 260, 218, 1, key="pl_days",
                                help=t("plans.work_days_help"))
    field = c5.slider(t("plans.field_share"), 30, 100, 80, 5, format="%d %%", key="pl_field",
                      help=t("plans.field_share_help"))
    reps_avail = st.number_input(t("plans.reps_available"), 0, 500, max(reps_in_data, 1), 1,
                                 key="pl_reps")
    estimates = _travel(name, version, 60.0, 1.3, 6.0) if travel_mode == "estimated" else {}
    if travel_mode == "estimated" and estimates:
        weights = needs["sales_rep"].astype(str).value_counts()
        total_w = sum(weights.get(r, 0) for r in estimates) or 1
        travel = sum(v * weights.get(r, 0) for r, v in estimates.items()) / total_w
        st.caption(t("plans.travel_estimates", values=" · ".join(
            f"{r} {fmt_number(v, lang)} min" for r, v in estimates.items()),
            mean=fmt_number(travel, lang)))
        travel_rep = estimates
    else:
        if travel_mode == "estimated":
            st.caption(t("plans.travel_unavailable"))
        travel = float(fixed_travel)
        travel_rep = float(fixed_travel)
    w = workload(needs, norms, visit_minutes, travel_minutes=travel, hours_per_day=hours_day,
                 working_days=work_days, field_share=field / 100,
                 reps_available=int(reps_avail) or None)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("plans.m_visits"), fmt_number(w.total_visits, lang))
    m2.metric(t("plans.m_hours"), fmt_number(w.total_hours, lang))
    m3.metric(t("plans.m_days"), days_txt(w.total_days),
              help=t("plans.m_days_help", hours=fmt_number(hours_day, lang, 1)))
    m4.metric(t("plans.m_reps"), fmt_number(w.reps_needed, lang),
              delta=(fmt_number(w.reps_needed - int(reps_avail), lang)
                     if reps_avail and w.reps_needed != int(reps_avail) else None),
              delta_color="inverse", help=t("plans.m_reps_help",
                                            field=days_txt(w.field_days_per_rep)))
    key = ("plans.load_reading_over" if w.load_pct and w.load_pct > 1
           else "plans.load_reading")
    st.write(t(key, visits=fmt_number(w.total_visits, lang),
               hours=fmt_number(w.total_hours, lang), days=days_txt(w.total_days),
               reps=count_of(w.reps_needed, "rep"), field=days_txt(w.field_days_per_rep),
               available=count_of(int(reps_avail), "rep"),
               load=fmt_pct(w.load_pct, lang, 0) if w.load_pct is not None else "–"))
    seg_table = w.table.reset_index()
    seg_table = seg_table[seg_table["customers"] > 0].assign(
        segment=lambda d: d["segment"].map(seg_label))
    show_table(seg_table, key="pl_workload", filename=t("plans.file_workload"), lang=lang,
               labels={"segment": t("plans.col_segment"),
                       "customers": t("plans.col_customers"),
                       "visits_per_year": t("plans.col_visits_per_year"),
                       "visits": t("plans.col_visits"), "visit_min": t("plans.col_visit_min"),
                       "travel_min": t("plans.col_travel_min"), "hours": t("plans.col_hours"),
                       "days": t("plans.col_days")},
               formats={"customers": "number", "visits_per_year": "number1",
                        "visits": "number", "visit_min": "number", "travel_min": "number",
                        "hours": "number", "days": "number1"})
    if "sales_rep" in needs.columns and needs["sales_rep"].notna().any():
        st.subheader(t("plans.reps_title"))
        load = rep_load(needs, norms, visit_minutes, travel_minutes=travel_rep,
                        hours_per_day=hours_day, working_days=work_days,
                        field_share=field / 100)
        load["load_label"] = load["load_pct"].map(lambda v: fmt_pct(v / 100, lang, 0))
        load["sales_rep"] = load["sales_rep"].replace("(none)", t("plans.no_rep"))
        st.altair_chart(load_chart(load, {"rep": t("plans.col_rep"),
                                          "load": t("plans.col_load")}), key="pl_load_chart")
        top = load.sort_values("load_pct", ascending=False).iloc[0]
        st.write(t("plans.reps_reading", rep=top["sales_rep"],
                   load=fmt_pct(top["load_pct"] / 100, lang, 0),
                   days=days_txt(top["days"]), capacity=days_txt(top["capacity_days"]),
                   over=count_of(int((load["load_pct"] > 100).sum()), "rep")))
        show_table(load.drop(columns="load_label"), key="pl_reps", lang=lang,
                   filename=t("plans.file_reps"),
                   labels={"sales_rep": t("plans.col_rep"), "customers": t("plans.col_customers"),
                           "visits": t("plans.col_visits"),
                           "travel_min": t("plans.col_travel_min"),
                           "hours": t("plans.col_hours"), "days": t("plans.col_days"),
                           "capacity_days": t("plans.col_capacity"),
                           "load_pct": t("plans.col_load")},
                   formats={"customers": "number", "visits": "number", "travel_min": "number",
                            "hours": "number", "days": "number1", "capacity_days": "number1",
                            "load_pct": "number"})

# -- 3. contact plan ------------------------------------------------------------------
seg_kinds = ["visit", "abc"] + (["rfm"] if "rfm" in classes else []) + (["pr"] if HAS_TX
                                                                         else [])
with tab_plan:
    kind = st.radio(t("plans.segmentation"), seg_kinds, horizontal=True, key="pl_kind",
                    format_func=lambda k: t(f"plans.seg_kind_{k}"),
                    help=t("plans.segmentation_help"))
if kind == "visit":
    segments = needs.set_index("customer_id")["segment"]
elif kind == "abc":
    segments = classes["abc"].astype(str)
elif kind == "rfm":
    segments = classes["rfm"].astype(str)
else:
    segments = _pr(name, version, as_of)
segments.index = segments.index.astype(str)
if kind == "rfm":
    from core.rfm import DEFAULT_SEGMENTS

    def label_of(s):
        return DEFAULT_SEGMENTS.get(s, {}).get(lang, s)

    default_mix = {k: ({"visit": 1, "phone": 2, "email": 2} if v.get("valuable")
                       else {"phone": 1, "email": 2, "mailing": 1})
                   for k, v in DEFAULT_SEGMENTS.items()}
elif kind == "pr":
    from core.lifecycle import PR_STRATEGIES

    def label_of(s):
        return PR_STRATEGIES.get(s, {}).get(lang, s)

    default_mix = PR_MIX
else:
    label_of = seg_label
    default_mix = DEFAULT_MIX
seg_order = [s for s in (list(default_mix) + sorted(set(segments)))
             if s in set(segments)]
seg_order = list(dict.fromkeys(seg_order))
channel_keys = [c for c in CHANNELS if c != "sms"]

with tab_plan:
    st.caption(t("plans.channels_caption"))
    measured = channel_costs_from_contacts(p.contacts if HAS_CONTACTS else None)
    ch_in = pd.DataFrame({
        "channel": list(CHANNELS), "label": [channel_label(c) for c in CHANNELS],
        "unit_cost": [measured[c]["unit_cost"] for c in CHANNELS],
        "response_pct": [100 * CHANNELS[c]["response_rate"] for c in CHANNELS]})
    ch_df = st.data_editor(
        ch_in, key="pl_channels", hide_index=True, disabled=["channel", "label"],
        column_order=["label", "unit_cost", "response_pct"],
        column_config={
            "label": st.column_config.TextColumn(t("plans.col_channel")),
            "unit_cost": st.column_config.NumberColumn(t("plans.col_unit_cost"), min_value=0.0,
                                                       step=0.01, format="%.2f €"),
            "response_pct": st.column_config.NumberColumn(
                t("plans.col_response"), min_value=0.0, max_value=100.0, step=0.5,
                format="%.1f %%", help=t("plans.col_response_help"))})
    channels = {c: {"unit_cost": float(u if pd.notna(u) else 0.0),
                    "response_rate": float(r if pd.notna(r) else 0.0) / 100}
                for c, u, r in zip(ch_df["channel"], ch_df["unit_cost"], ch_df["response_pct"])}
    st.caption(t("plans.mix_caption"))
    margins = _margins(name, version, as_of, segments) if HAS_TX else {"default": 0.0}
    mix_in = pd.DataFrame({"segment": seg_order, "label": [label_of(s) for s in seg_order],
                           **{c: [float(default_mix.get(s, DEFAULT_MIX["default"]).get(c, 0))
                                  for s in seg_order] for c in channel_keys},
                           "margin": [round(float(margins.get(s, margins["default"])), 2)
                                      for s in seg_order]})
    mix_df = st.data_editor(
        mix_in, key=f"pl_mix_{kind}", hide_index=True, disabled=["segment", "label"],
        column_order=["label", *channel_keys, "margin"],
        column_config={"label": st.column_config.TextColumn(t("plans.col_segment")),
                       **{c: st.column_config.NumberColumn(channel_label(c), min_value=0.0,
                                                           max_value=52.0, step=1.0)
                          for c in channel_keys},
                       "margin": st.column_config.NumberColumn(
                           t("plans.col_margin_per_order"), step=10.0, format="%.0f €",
                           help=t("plans.col_margin_per_order_help"))})
    mix = {r["segment"]: {c: float(r[c]) if pd.notna(r[c]) else 0.0 for c in channel_keys}
           for r in mix_df.to_dict("records")}
    margins = {**margins, **{r["segment"]: float(r["margin"]) for r in mix_df.to_dict("records")
                             if pd.notna(r["margin"])}}
    counts = segments.value_counts()
    counts = counts.loc[[s for s in seg_order if s in counts.index]]
    try:
        plan = contact_plan(counts, mix, channels, margin_per_order=margins)
    except ValueError as exc:
        st.warning(t("plans.bad_plan", error=exc), icon=":material/warning:")
        st.stop()
    summ = plan.summary.reset_index()
    total = summ[summ["segment"] == "total"].iloc[0]
    body = summ[summ["segment"] != "total"].copy()
    body["segment_label"] = body["segment"].map(label_of)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("plans.m_budget"), fmt_money(total["cost"], lang))
    m2.metric(t("plans.m_orders"), fmt_number(total["orders"], lang))
    m3.metric(t("plans.m_margin"), fmt_money(total["margin"], lang))
    m4.metric(t("plans.m_roi"), fmt_pct(total["roi"], lang, 0) if pd.notna(total["roi"])
              else "–", help=t("plans.m_roi_help"))
    best = body.dropna(subset=["roi"]).sort_values("roi", ascending=False)
    st.write(t("plans.plan_reading", customers=fmt_number(total["customers"], lang),
               cost=fmt_money(total["cost"], lang), orders=fmt_number(total["orders"], lang),
               margin=fmt_money(total["margin"], lang),
               roi=fmt_pct(total["roi"], lang, 0) if pd.notna(total["roi"]) else "–",
               best=best.iloc[0]["segment_label"] if len(best) else "–",
               best_roi=fmt_pct(best.iloc[0]["roi"], lang, 0) if len(best) else "–",
               worst=best.iloc[-1]["segment_label"] if len(best) else "–",
               worst_roi=fmt_pct(best.iloc[-1]["roi"], lang, 0) if len(best) else "–"))
    st.altair_chart(plan_chart(body, {"segment": t("plans.col_segment"),
                                      "cost": t("plans.col_cost"),
                                      "margin": t("plans.col_margin"),
                                      "amount": t("plans.col_amount")}, lang),
                    key="pl_plan_chart")
    shown = summ.assign(segment=summ["segment"].map(
        lambda s: t("plans.total") if s == "total" else label_of(s)))
    show_table(shown, key="pl_plan", filename=t("plans.file_plan"), lang=lang,
               labels={"segment": t("plans.col_segment"), "customers": t("plans.col_customers"),
                       "cost": t("plans.col_cost"),
                       "cost_per_customer": t("plans.col_cost_per_customer"),
                       "orders": t("plans.col_orders"),
                       "margin_per_order": t("plans.col_margin_per_order"),
                       "margin": t("plans.col_margin"), "net": t("plans.col_net"),
                       "roi": t("plans.col_roi")},
               formats={"customers": "number", "cost": "money",
                        "cost_per_customer": "money2", "orders": "number1",
                        "margin_per_order": "money", "margin": "money", "net": "money",
                        "roi": "pct"})
    with st.expander(t("plans.detail_title")):
        detail = plan.detail.assign(segment=plan.detail["segment"].map(label_of),
                                    channel=plan.detail["channel"].map(channel_label))
        show_table(detail, key="pl_plan_detail", filename=t("plans.file_plan_detail"),
                   lang=lang,
                   labels={"segment": t("plans.col_segment"), "channel": t("plans.col_channel"),
                           "customers": t("plans.col_customers"),
                           "per_customer": t("plans.col_per_customer"),
                           "contacts": t("plans.col_contacts"),
                           "unit_cost": t("plans.col_unit_cost"), "cost": t("plans.col_cost"),
                           "response_rate": t("plans.col_response"),
                           "responses": t("plans.col_responses")},
                   formats={"customers": "number", "per_customer": "number1",
                            "contacts": "number", "unit_cost": "money2", "cost": "money",
                            "response_rate": "pct", "responses": "number1"})

# -- 4. campaign ----------------------------------------------------------------------
with tab_campaign:
    st.write(t("plans.campaign_intro"))
    c1, c2, c3 = st.columns([2, 1, 1])
    chosen = c1.multiselect(t("plans.targets"), seg_order, default=seg_order[:1],
                            key=f"pl_targets_{kind}", format_func=label_of)
    default_event = (as_of + pd.Timedelta(days=30)).date()
    default_event += dt.timedelta(days=max(0, 7 - default_event.weekday()) % 7
                                  if default_event.weekday() >= 5 else 0)
    event = c2.date_input(t("plans.event_date"), value=default_event,
                          key="pl_event", format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD")
    avoid = c3.toggle(t("plans.avoid_weekends"), value=True, key="pl_weekends")
    steps_in = pd.DataFrame({"offset": [s[0] for s in TOUCH_SEQUENCE],
                             "channel": [s[1] for s in TOUCH_SEQUENCE],
                             "action": [t(f"plans.action_{s[2]}") for s in TOUCH_SEQUENCE]})
    steps_df = st.data_editor(
        steps_in, key="pl_steps", num_rows="dynamic", hide_index=True,
        column_config={
            "offset": st.column_config.NumberColumn(t("plans.col_offset"), min_value=-365,
                                                    max_value=365, step=1,
                                                    help=t("plans.col_offset_help")),
            "channel": st.column_config.SelectboxColumn(t("plans.col_channel"),
                                                        options=list(CHANNELS),
                                                        format_func=channel_label),
            "action": st.column_config.TextColumn(t("plans.col_action"))})
    steps = [(int(o), str(c), str(a)) for o, c, a in steps_df.dropna(
        subset=["offset", "channel"]).itertuples(index=False)]
    ids = segments[segments.isin(chosen)].index
    info_cols = [c for c in ("customer_id", "name", "sales_rep", "email", "phone", "city")
                 if c in p.customers.columns]
    base = p.customers[info_cols].dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    base = base.assign(customer_id=base["customer_id"].astype(str))
    targets = base[base["customer_id"].isin(ids)]
    targets = targets.assign(segment=targets["customer_id"].map(segments).map(label_of))
    if targets.empty or not steps:
        st.info(t("plans.no_targets"), icon=":material/info:")
    else:
        touches = touch_sequence(targets, event, steps, avoid_weekends=avoid)
        cost = float(touches["channel"].map(lambda c: channels.get(c, {}).get("unit_cost", 0))
                     .sum())
        st.write(t("plans.campaign_reading", touches=fmt_number(len(touches), lang),
                   customers=fmt_number(len(targets), lang),
                   first=fmt_date(touches["date"].min(), lang),
                   last=fmt_date(touches["date"].max(), lang),
                   cost=fmt_money(cost, lang)))
        per_day = (touches.groupby(["date", "channel"]).size().rename("count").reset_index())
        per_day["channel_label"] = per_day["channel"].map(channel_label)
        st.altair_chart(touches_chart(per_day, {"date": t("plans.col_date"),
                                                "count": t("plans.col_touches"),
                                                "channel": t("plans.col_channel")}),
                        key="pl_touches_chart")
        shown = touches.assign(channel=touches["channel"].map(channel_label),
                               date=touches["date"].dt.date)
        for col in ("email", "phone", "city", "sales_rep", "name"):
            if col in shown.columns:
                shown[col] = shown[col].astype(object).where(shown[col].notna(), "")
        show_table(shown, key="pl_touches", filename=t("plans.file_touches",
                                                       date=dt.date.isoformat(event)),
                   lang=lang, max_rows=300, height=320,
                   labels={"customer_id": t("plans.col_customer"), "name": t("plans.col_name"),
                           "sales_rep": t("plans.col_rep"), "email": t("plans.col_email"),
                           "phone": t("plans.col_phone"), "city": t("plans.col_city"),
                           "segment": t("plans.col_segment"), "step": t("plans.col_step"),
                           "offset": t("plans.col_offset"), "date": t("plans.col_date"),
                           "channel": t("plans.col_channel"), "action": t("plans.col_action")})
