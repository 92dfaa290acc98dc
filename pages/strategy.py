"""P-R strategy (Stratégie P-R): potential x realisation (penetration) -> develop,
defend, maintain at lower cost, minimal effort, with the contact frequency of each."""

import pandas as pd
import streamlit as st

from core.lifecycle import PR_STRATEGIES, pr_strategy, pr_summary
from ui import state
from ui.charts_rfm import pr_chart
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
ss = st.session_state
QUANTILES = (0.5, 0.75, 0.9)


@st.cache_data(show_spinner=False, max_entries=32)
def _pr(name: str, version: str, when: pd.Timestamp, p_cut, r_cut, quantile: float):
    p = state.load_portfolio(name, version)
    table = pr_strategy(p.transactions, when, p.customers, p_cut=p_cut, r_cut=r_cut,
                        quantile=quantile)
    return table, dict(table.attrs)


def kept(widget, label: str, options, key: str, default, signature: str = "", **kwargs):
    """A selectbox whose option labels follow the language (and ``signature``, e.g. the
    head-counts shown in them): a keyed widget keeps its first labels in the browser, so
    the widget key carries them and the choice is kept under ``key`` across switches."""
    options = list(options)
    wkey = f"{key}_{lang}{signature}"
    if wkey not in ss:
        value = ss.get(key, default)
        ss[wkey] = value if value in options else default
    value = widget(label, options, key=wkey, **kwargs)
    ss[key] = value
    return value


def quadrant_label(k: str) -> str:
    return PR_STRATEGIES[k][lang]


st.title(t("strategy.title"))
st.write(t("strategy.intro", as_of=fmt_date(as_of, lang)))

has_potential = p.has("customers", "customer_id", "potential")
if p.customers is None:
    st.info(t("strategy.no_customers"), icon=":material/info:")
elif not has_potential:
    st.info(t("strategy.no_potential"), icon=":material/info:")

c1, c2 = st.columns([1, 2])
quantile = kept(c1.selectbox, t("strategy.quantile_label"), QUANTILES, "pr_quantile", 0.75,
                format_func=lambda q: t("strategy.quantile_option", pct=int(q * 100)),
                help=t("strategy.quantile_help"))
medians, medians_attrs = _pr(name, version, as_of, None, None, float(quantile))
if medians.empty:
    st.info(t("strategy.no_data"))
    st.stop()
custom = c2.toggle(t("strategy.custom_cuts"), value=False, key="pr_custom",
                   help=t("strategy.custom_cuts_help"))
p_cut, r_cut = None, None
if custom:
    d1, d2 = st.columns(2)
    p_cut = d1.number_input(t("strategy.p_cut_label"), min_value=0.0,
                            value=float(medians_attrs["p_cut"]),
                            step=1000.0, format="%.0f", key="pr_p_cut",
                            help=t("strategy.p_cut_help"))
    r_pct = d2.slider(t("strategy.r_cut_label"), 0, 100,
                      min(100, int(round(medians_attrs["r_cut"] * 100))), 1,
                      format="%d %%" if lang == "fr" else "%d%%",
                      key="pr_r_cut", help=t("strategy.r_cut_help"))
    r_cut = r_pct / 100
table, attrs = (medians, medians_attrs) if not custom else _pr(
    name, version, as_of, float(p_cut), float(r_cut), float(quantile))

n_est = attrs.get("n_estimated", 0)
n_unknown = attrs.get("n_unknown", 0)
if n_est:
    sources = table["potential_source"].value_counts()
    st.caption(t("strategy.estimated_one" if n_est == 1 else "strategy.estimated",
                 n=fmt_number(n_est, lang), total=fmt_number(len(table), lang),
                 pct=int(quantile * 100),
                 peers=fmt_number(sources.get("peers_sector_size", 0), lang),
                 sector=fmt_number(sources.get("peers_sector", 0), lang),
                 portfolio=fmt_number(sources.get("portfolio", 0), lang)))
if n_unknown:
    st.caption(t("strategy.unknown_one" if n_unknown == 1 else "strategy.unknown",
                 n=fmt_number(n_unknown, lang)))
n_raised = attrs.get("n_raised", 0)
if n_raised:
    st.caption(t("strategy.raised_one" if n_raised == 1 else "strategy.raised",
                 n=fmt_number(n_raised, lang)))

summary = pr_summary(table)
s = summary.set_index("quadrant")
st.write(t("strategy.read_cuts", p_cut=fmt_money(attrs["p_cut"], lang),
           r_cut=fmt_pct(attrs["r_cut"], lang, 0),
           kind=t("strategy.cuts_custom") if custom else t("strategy.cuts_median")))

names = (p.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
         .set_index("customer_id")["name"]
         if p.customers is not None and "name" in p.customers.columns else pd.Series(dtype=str))
chart_data = table.assign(
    quadrant_label=table["quadrant"].astype(str).map(quadrant_label),
    customer=[f"{cid} · {names.get(cid, '')}".rstrip(" ·") for cid in table["customer_id"]])
order = [quadrant_label(k) for k in PR_STRATEGIES]
st.altair_chart(pr_chart(chart_data, attrs["p_cut"], attrs["r_cut"], lang, {
    "potential": t("strategy.axis_potential"), "penetration": t("strategy.axis_penetration"),
    "revenue": t("strategy.col_revenue"), "customer": t("strategy.col_customer"),
    "quadrant": t("strategy.col_quadrant")}, order, cap=1.05), key="pr_chart")
st.caption(t("strategy.chart_caption"))

dev = s.loc["develop"]
st.write(t("strategy.read_develop", n=fmt_number(dev["customers"], lang),
           untapped=fmt_money(dev["untapped"], lang, compact=True),
           share=fmt_pct(dev["untapped"] / s["untapped"].sum() if s["untapped"].sum() else None,
                         lang, 0),
           freq=PR_STRATEGIES["develop"][f"frequency_{lang}"].lower()))
mini = s.loc["minimal"]
st.write(t("strategy.read_minimal", n=fmt_number(mini["customers"], lang),
           revenue=fmt_pct(mini["revenue"] / s["revenue"].sum() if s["revenue"].sum() else None,
                           lang, 0),
           contacts=fmt_number(summary["contacts_total"].sum(), lang),
           visits=fmt_number(summary["visits_total"].sum(), lang)))

st.subheader(t("strategy.summary_title"))
shown = summary.assign(
    label=summary["quadrant"].astype(str).map(quadrant_label),
    frequency=summary["quadrant"].astype(str).map(
        lambda k: PR_STRATEGIES[k][f"frequency_{lang}"]),
    action=summary["quadrant"].astype(str).map(lambda k: PR_STRATEGIES[k][f"action_{lang}"]))
# what to do first (frequency, contacts), then the figures behind the split
shown = shown[["label", "frequency", "contacts_per_year", "customers", "share",
               "contacts_total", "visits_total", "revenue", "potential", "untapped",
               "estimated", "action"]]
show_table(shown, key="pr_summary", filename=t("strategy.file_summary"), lang=lang,
           labels={"label": t("strategy.col_quadrant"), "customers": t("strategy.col_customers"),
                   "share": t("strategy.col_share"), "revenue": t("strategy.col_revenue"),
                   "potential": t("strategy.col_potential"),
                   "untapped": t("strategy.col_untapped"),
                   "estimated": t("strategy.col_estimated"),
                   "frequency": t("strategy.col_frequency"),
                   "contacts_per_year": t("strategy.col_contacts_per_year"),
                   "contacts_total": t("strategy.col_contacts_total"),
                   "visits_total": t("strategy.col_visits_total"),
                   "action": t("strategy.col_action")},
           formats={"customers": "number", "share": "pct", "revenue": "money",
                    "potential": "money", "untapped": "money", "estimated": "number",
                    "contacts_per_year": "number", "contacts_total": "number",
                    "visits_total": "number"},
           column_config={t("strategy.col_frequency"): st.column_config.TextColumn(
               t("strategy.col_frequency"), width="large")})

st.subheader(t("strategy.list_title"))
counts = {k: fmt_number(s.loc[k, "customers"], lang) for k in PR_STRATEGIES}
pick = kept(st.selectbox, t("strategy.list_label"), [*PR_STRATEGIES, "all"], "pr_pick",
            "develop", signature="_" + "-".join(counts.values()),
            format_func=lambda k: t("strategy.all", n=fmt_number(len(table), lang))
            if k == "all" else f"{quadrant_label(k)} ({counts[k]})")
listed = table if pick == "all" else table[table["quadrant"].astype(str) == pick]
listed = listed.assign(
    quadrant=listed["quadrant"].astype(str).map(quadrant_label),
    potential_source=listed["potential_source"].map(lambda x: t(f"strategy.source_{x}")),
    potential_raised=listed["potential_raised"].map({True: t("common.yes"), False: ""}))
extra = [c for c in ("name", "sector", "size", "sales_rep")
         if p.customers is not None and c in p.customers.columns]
if extra:
    info = p.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    listed = listed.merge(info[["customer_id", *extra]].assign(
        customer_id=info["customer_id"].astype(str)), on="customer_id", how="left")
first = [c for c in extra if c == "name"]
listed = listed[["customer_id", *first, "quadrant", "penetration", "revenue", "potential",
                 "potential_raised", "untapped", *[c for c in extra if c != "name"],
                 "potential_source", "declared_potential"]]
show_table(listed, key="pr_customers", filename=t("strategy.file_customers"), lang=lang,
           max_rows=500, height=360,
           labels={"quadrant": t("strategy.col_quadrant"), "revenue": t("strategy.col_revenue"),
                   "potential": t("strategy.col_potential"),
                   "potential_source": t("strategy.col_source"),
                   "penetration": t("strategy.col_penetration"),
                   "potential_raised": t("strategy.col_raised"),
                   "declared_potential": t("strategy.col_declared"),
                   "untapped": t("strategy.col_untapped")},
           formats={"revenue": "money", "potential": "money", "penetration": "pct",
                    "untapped": "money", "declared_potential": "money"})
