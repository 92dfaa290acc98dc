"""Simulations (What-if): credit limits, payment terms and early-payment discount,
prices with an elasticity, break-even point; scenarios saved, reloaded and compared.

Each simulation: controls, the chart, the reading sentence, a before / after table with
its export, and a box to save the scenario. Scenarios are plain dicts (core's
``to_dict``); they are saved in the store with the portfolio and can be downloaded / re-imported as JSON."""

import datetime as dt
import json
import math

import pandas as pd
import streamlit as st

from core.features import portfolio_kpis
from core.pricing import (
    DEFAULT_ELASTICITY,
    PriceScenario,
    break_even,
    break_even_chart_data,
    discount_break_even,
    price_change,
)
from core.risk import (
    REQUIRED_COLUMNS,
    CreditLimitScenario,
    PaymentTermsScenario,
    credit_table,
    risk_kpis,
    scenario_from_dict,
    simulate_credit_limits,
    simulate_payment_terms,
    validate_receivables,
)
from core.structure import abc_classes
from ui import state
from ui.cards import metric_card
from ui.charts_risk import break_even_chart, cost_bars_chart, orders_chart, price_chart
from ui.format import fmt_date, fmt_delta, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_label, t
from ui.tables import download_buttons, show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
ss = st.session_state
store = state.get_store()
# Widget defaults set once in the session (widgets then take no ``value``): a saved
# scenario can be loaded into the controls without Streamlit's double-default warning.
WIDGET_DEFAULTS = {
    "wi_lim_lgd": 45, "wi_lim_factor": 100, "wi_lim_global": 10_000.0, "wi_lim_A": 50_000.0,
    "wi_lim_B": 15_000.0, "wi_lim_C": 5_000.0,
    "wi_terms_change": 0, "wi_fin_rate": 6.0, "wi_disc_rate": 0.0, "wi_disc_days": 10,
    "wi_disc_uptake": 30, "wi_fact_share": 0, "wi_fact_comm": 1.0, "wi_fact_rate": 6.0,
    "wi_fact_reserve": 10,
    "wi_price_change": 5.0, "wi_price_elast": float(DEFAULT_ELASTICITY),
    "wi_price_model": "linear", "wi_price_margin": 30, "wi_disc_be": 10.0,
}
for _k, _v in WIDGET_DEFAULTS.items():
    ss.setdefault(_k, _v)

HAS_RECEIVABLES = p.has("receivables", *REQUIRED_COLUMNS)
HAS_MARGIN = p.has("transactions", "margin")
KIND_VIEW = {"credit_limits": "limits", "payment_terms": "terms", "price": "price"}


def tn(key: str, count, **kwargs) -> str:
    """``t(key)`` in the singular (``key_one``) or plural form chosen from ``count``
    (French: singular below 2; English: singular for exactly 1)."""
    one = abs(count) < 2 if lang == "fr" else count == 1
    text = t(f"{key}_one", **kwargs) if one else None
    return text if text and not text.startswith("⟦") else t(key, **kwargs)


def n_customers(count) -> str:
    """"430 clients" / "1 client"."""
    return tn("whatif.n_customers", count, n=fmt_number(count, lang))


# -- cached core calls --------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def _sales(name, version, when):
    pf = state.load_portfolio(name, version)
    return portfolio_kpis(pf.transactions, when, customers=pf.customers)


@st.cache_data(show_spinner=False, max_entries=8)
def _checked(name, version):
    return validate_receivables(state.load_portfolio(name, version).receivables)


@st.cache_data(show_spinner=False, max_entries=16)
def _risk(name, version, when):
    return risk_kpis(_checked(name, version), when, window_months=12, year_days=360)


@st.cache_data(show_spinner=False, max_entries=16)
def _credit(name, version, when):
    pf = state.load_portfolio(name, version)
    return credit_table(_checked(name, version), when, pf.customers)


@st.cache_data(show_spinner=False, max_entries=16)
def _classes(name, version, when) -> pd.Series:
    f = state.features().set_index("customer_id")["revenue_12m"]
    return abc_classes(f).astype("str")


@st.cache_data(show_spinner=False, max_entries=32)
def _limits(name, version, when, scenario: dict):
    pf = state.load_portfolio(name, version)
    table = _credit(name, version, when)
    return simulate_credit_limits(
        _checked(name, version), when, CreditLimitScenario.from_dict(scenario),
        customers=pf.customers, classes=_classes(name, version, when),
        default_proba=table.set_index("customer_id")["pd"])


def _segments(name, version, when, by: str):
    pf = state.load_portfolio(name, version)
    if by == "abc_class":
        return _classes(name, version, when)
    if pf.customers is not None and by in pf.customers.columns:
        c = pf.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
        return c.set_index("customer_id")[by].astype("str")
    return None


@st.cache_data(show_spinner=False, max_entries=32)
def _price(name, version, when, scenario: dict, margin_rate):
    pf = state.load_portfolio(name, version)
    s = PriceScenario.from_dict(scenario)
    return price_change(pf.transactions, when, s, _segments(name, version, when, s.by),
                        margin_rate=margin_rate)


# -- scenario store (saved with the portfolio in the DuckDB store) --------------------------
def _plain(value):
    """JSON-safe copy: numpy numbers to Python, NaN to None."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def save_box(kind: str, scenario, summary: dict, default_name: str) -> None:
    """Name + save button: saves ``scenario.to_dict()`` and the summary in the store."""
    with st.container(border=True):
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        label = c1.text_input(t("whatif.scenario_name"), placeholder=default_name,
                              key=f"wi_{kind}_name")
        if c2.button(t("whatif.save"), key=f"wi_{kind}_save", icon=":material/bookmark_add:",
                     use_container_width=True):
            scenario.name = label.strip() or default_name
            entry = {"kind": kind, "name": scenario.name, "params": _plain(scenario.to_dict()),
                     "summary": _plain(summary), "as_of": str(as_of.date()),
                     "portfolio": name}
            store.save_scenario(name, entry)
            st.toast(t("whatif.saved", name=scenario.name), icon=":material/bookmark_added:")


def _load_into_controls(entry: dict) -> None:
    """on_click: put a saved scenario's parameters into the widgets and open its view."""
    s = scenario_from_dict({**entry["params"], "kind": entry["kind"]})
    if entry["kind"] == "credit_limits":
        if s.customer_limits:
            ss["wi_lim_mode"] = "recommended"
        elif s.class_limits:
            ss["wi_lim_mode"] = "class"
            for c in ("A", "B", "C"):
                if c in s.class_limits:
                    ss[f"wi_lim_{c}"] = float(s.class_limits[c])
        elif s.global_limit is not None:
            ss["wi_lim_mode"] = "global"
            ss["wi_lim_global"] = float(s.global_limit)
        else:
            ss["wi_lim_mode"] = "factor"
        ss["wi_lim_factor"] = int(round(100 * s.current_factor))
        ss["wi_lim_lgd"] = int(round(100 * s.lgd))
    elif entry["kind"] == "payment_terms":
        ss["wi_terms_change"] = int(s.terms_change_days)
        ss["wi_disc_rate"] = float(100 * s.discount_rate)
        ss["wi_disc_days"] = int(s.discount_days)
        ss["wi_disc_uptake"] = int(round(100 * s.discount_uptake))
        ss["wi_fin_rate"] = float(100 * s.financing_rate)
        ss["wi_fact_share"] = int(round(100 * s.factoring_share))
        ss["wi_fact_comm"] = float(100 * s.factoring_commission)
        ss["wi_fact_rate"] = float(100 * s.factoring_rate)
        ss["wi_fact_reserve"] = int(round(100 * s.factoring_reserve))
    else:
        ss["wi_price_by"] = s.by
        ss["wi_price_groups"] = list(s.selected)
        ss["wi_price_change"] = float(100 * s.change_pct)
        ss["wi_price_elast"] = float(s.elasticity)
        ss["wi_price_model"] = s.model
    ss[f"wi_{entry['kind']}_name"] = entry["name"]
    ss["wi_view"] = KIND_VIEW[entry["kind"]]


def before_after(rows: list[tuple[str, str, float, float]], key: str, filename: str) -> None:
    """Table indicator / before / after / change (formatted), with CSV + Excel export."""
    fmt = {"money": lambda v: fmt_money(v, lang), "days": lambda v: fmt_number(v, lang, 1),
           "pct": lambda v: fmt_pct(v, lang), "number": lambda v: fmt_number(v, lang)}
    raw = pd.DataFrame(rows, columns=["indicator", "unit", "before", "after"])
    raw["change"] = raw["after"] - raw["before"]
    shown = pd.DataFrame({
        t("whatif.col_indicator"): raw["indicator"],
        t("whatif.col_before"): [fmt[u](v) for u, v in zip(raw["unit"], raw["before"])],
        t("whatif.col_after"): [fmt[u](v) for u, v in zip(raw["unit"], raw["after"])],
        t("whatif.col_change"): [fmt[u](v) if u != "pct" else fmt_delta(a, b, lang, "points")
                                 for u, v, a, b in zip(raw["unit"], raw["change"],
                                                       raw["after"], raw["before"])],
    })
    st.dataframe(shown, hide_index=True, key=f"{key}_df")
    download_buttons(raw.drop(columns="unit"), key, filename, lang, labels={
        "indicator": t("whatif.col_indicator"), "before": t("whatif.col_before"),
        "after": t("whatif.col_after"), "change": t("whatif.col_change")})


def pct_slider(container, label: str, lo: float, hi: float, step: float, key: str,
               decimals: int = 2, signed: bool = False, help: str | None = None) -> float:
    """A slider of percentages labelled for the language ("6,25 %" / "6.25%"); returns
    the value in percent. The session value is snapped to the grid first (a loaded
    scenario may hold any number)."""
    n = int(round((hi - lo) / step))
    options = [round(lo + i * step, 6) for i in range(n + 1)]
    current = float(ss.get(key, options[0]))
    ss[key] = min(options, key=lambda o: abs(o - current))
    return container.select_slider(
        label, options, key=key, help=help,
        format_func=lambda v: fmt_pct(v / 100, lang, decimals, signed=signed))


# -- page -------------------------------------------------------------------------------------
st.title(t("whatif.title"))
st.write(t("whatif.intro"))
sales = _sales(name, version, as_of)
margin_rate = sales["margin_rate_12m"] if HAS_MARGIN else None

VIEWS = ("limits", "terms", "price", "breakeven", "scenarios")
view = st.segmented_control(t("whatif.view_label"), VIEWS,
                            format_func=lambda v: t(f"whatif.view_{v}"), default="limits",
                            required=True, key="wi_view")


def _no_receivables() -> None:
    st.info(t("whatif.no_receivables"), icon=":material/info:")
    st.page_link("pages/risk.py", label=t("whatif.go_risk"), icon=":material/credit_score:")


# -- credit limits ------------------------------------------------------------------------------
if view == "limits":
    st.subheader(t("whatif.limits_title"))
    st.caption(t("whatif.limits_caption"))
    if not HAS_RECEIVABLES:
        _no_receivables()
        st.stop()
    table = _credit(name, version, as_of)
    has_current = p.has("customers", "credit_limit")
    modes = (["factor"] if has_current else []) + ["global", "class", "recommended"]
    if ss.get("wi_lim_mode") not in modes:
        ss["wi_lim_mode"] = modes[0]
    c1, c2 = st.columns([2, 1])
    mode = c1.radio(t("whatif.lim_mode"), modes, key="wi_lim_mode", horizontal=True,
                    format_func=lambda m: t(f"whatif.lim_mode_{m}"))
    lgd = c2.slider(t("whatif.lim_lgd"), 0, 100, step=5, format="%d %%", key="wi_lim_lgd",
                    help=t("whatif.lim_lgd_help"))
    scenario = CreditLimitScenario(lgd=lgd / 100, margin_rate=margin_rate)
    if mode == "factor":
        factor = st.slider(t("whatif.lim_factor"), 25, 200, step=5, format="%d %%",
                           key="wi_lim_factor", help=t("whatif.lim_factor_help"))
        scenario.current_factor = factor / 100
    elif mode == "global":
        scenario.global_limit = st.number_input(t("whatif.lim_global"), min_value=0.0,
                                                step=1_000.0, format="%.0f",
                                                key="wi_lim_global")
    elif mode == "class":
        cols = st.columns(3)
        scenario.class_limits = {
            c: cols[i].number_input(t("whatif.lim_class", cls=c), min_value=0.0,
                                    step=1_000.0, format="%.0f", key=f"wi_lim_{c}")
            for i, c in enumerate(("A", "B", "C"))}
        st.caption(t("whatif.lim_class_caption"))
    else:
        scenario.customer_limits = {
            str(c): float(v) for c, v in zip(table["customer_id"], table["recommended_limit"],
                                             strict=True)}
        st.caption(t("whatif.lim_recommended_caption"))
    res = _limits(name, version, as_of, _plain(scenario.to_dict()))
    sm = res.summary
    row = st.columns(4)
    metric_card(row[0], t("whatif.kpi_blocked"), fmt_number(sm["n_blocked"], lang),
                t("whatif.read_blocked", total=fmt_number(sm["n_orders"], lang),
                  stake=fmt_money(sm["revenue_at_stake_ht"], lang),
                  customers=n_customers(sm["customers_blocked"])))
    metric_card(row[1], t("whatif.kpi_exposure"), fmt_money(sm["exposure_after"], lang,
                                                            compact=True),
                t("whatif.read_was", value=fmt_money(sm["exposure_before"], lang)),
                delta=fmt_delta(sm["exposure_after"], sm["exposure_before"], lang),
                delta_color="inverse")
    metric_card(row[2], t("whatif.kpi_loss"), fmt_money(sm["expected_loss_after"], lang),
                t("whatif.read_was", value=fmt_money(sm["expected_loss_before"], lang)),
                delta=fmt_delta(sm["expected_loss_after"], sm["expected_loss_before"], lang),
                delta_color="inverse", help=t("whatif.help_loss"))
    metric_card(row[3], t("whatif.kpi_dso_after", window=sm["months"]),
                t("whatif.days", n=fmt_number(sm["dso_after"], lang)),
                t("whatif.read_was", value=t("whatif.days",
                                             n=fmt_number(sm["dso_before"], lang))),
                delta=fmt_delta(sm["dso_after"], sm["dso_before"], lang, "absolute"),
                delta_color="inverse", help=t("whatif.help_dso", window=sm["months"]))
    # the replay window (as_of - months, as_of] starts inside a month unless as_of is a
    # month end: that first, partial month is left out of the chart (said below it) so the
    # chart shows exactly the window's months
    win_start = (as_of - pd.DateOffset(months=int(sm["months"]))
                 + pd.Timedelta(days=1)).normalize()
    monthly = res.monthly
    partial = monthly[monthly["month"] < win_start]
    monthly = monthly.drop(partial.index)
    st.altair_chart(orders_chart(monthly, lang, {
        "month": t("whatif.axis_month"), "amount": t("whatif.axis_orders_ttc"),
        "accepted": t("whatif.accepted"), "blocked": t("whatif.blocked")}),
        key="wi_orders_chart")
    if len(partial):
        first_amount = float((partial["accepted"] + partial["blocked"]).sum())
        st.caption(t("whatif.partial_month", month=fmt_date(win_start, lang, "month_name"),
                     start=fmt_date(win_start, lang),
                     amount=fmt_money(first_amount, lang), n=sm["months"]))
    if sm["n_blocked"] == 0:
        st.write(t("whatif.read_limits_none"))
    else:
        text = (t("whatif.read_limits_current") + " "
                if mode == "factor" and scenario.current_factor == 1.0 else "")
        text += tn("whatif.read_limits", sm["n_blocked"], n=fmt_number(sm["n_blocked"], lang),
                  total=fmt_number(sm["n_orders"], lang),
                  customers=n_customers(sm["customers_blocked"]),
                  stake=fmt_money(sm["revenue_at_stake_ht"], lang),
                  avoided=fmt_money(sm["expected_loss_avoided"], lang))
        if margin_rate is not None and pd.notna(sm["margin_at_stake"]):
            ratio = (sm["margin_at_stake"] / sm["expected_loss_avoided"]
                     if sm["expected_loss_avoided"] > 0 else math.inf)
            text += " " + t("whatif.read_limits_margin",
                            margin=fmt_money(sm["margin_at_stake"], lang),
                            ratio=fmt_number(ratio, lang, 1)) if ratio >= 1 else " " + t(
                "whatif.read_limits_worth", margin=fmt_money(sm["margin_at_stake"], lang))
        st.write(text)
    before_after([
        (t("whatif.ind_orders"), "number", sm["n_orders"], sm["n_orders"] - sm["n_blocked"]),
        (t("whatif.ind_revenue_ttc"), "money", sm["revenue_ttc_before"],
         sm["revenue_ttc_after"]),
        (t("whatif.ind_exposure"), "money", sm["exposure_before"], sm["exposure_after"]),
        (t("whatif.ind_loss"), "money", sm["expected_loss_before"], sm["expected_loss_after"]),
        (t("whatif.ind_dso", window=sm["months"]), "days", sm["dso_before"],
         sm["dso_after"]),
    ], key="wi_limits_table", filename=t("whatif.limits_file"))
    if sm["n_blocked"]:
        with st.expander(tn("whatif.blocked_expander", sm["n_blocked"],
                            n=fmt_number(sm["n_blocked"], lang))):
            per = res.per_customer[res.per_customer["n_blocked"] > 0]
            if "name" in table.columns:
                per = per.merge(table[["customer_id", "name"]], on="customer_id", how="left")
                per = per[["customer_id", "name", *[c for c in per.columns
                                                    if c not in ("customer_id", "name")]]]
            show_table(per, key="wi_blocked_customers", filename=t("whatif.blocked_cust_file"),
                       lang=lang, labels={c: t(f"whatif.col_{c}") for c in (
                           "limit", "n_orders", "n_blocked", "blocked_amount", "exposure_before",
                           "exposure_after", "pd", "expected_loss_before",
                           "expected_loss_after")},
                       formats={"limit": "money", "blocked_amount": "money",
                                "exposure_before": "money", "exposure_after": "money",
                                "pd": "pct", "expected_loss_before": "money",
                                "expected_loss_after": "money"}, max_rows=200)
            show_table(res.blocked, key="wi_blocked_orders", filename=t("whatif.blocked_file"),
                       lang=lang, labels={"amount": column_label("amount", kind="receivables"),
                                          "limit": t("whatif.col_limit")},
                       formats={"amount": "money2", "limit": "money"}, max_rows=200)
    save_box("credit_limits", scenario, sm, t(f"whatif.lim_mode_{mode}"))

# -- payment terms ------------------------------------------------------------------------------
elif view == "terms":
    st.subheader(t("whatif.terms_title"))
    st.caption(t("whatif.terms_caption"))
    if HAS_RECEIVABLES:
        rk = _risk(name, version, as_of)
        revenue_ttc, dso = rk["revenue_ttc"], rk["dso_days"]
        st.write(t("whatif.terms_base", revenue=fmt_money(revenue_ttc, lang),
                   dso=fmt_number(dso, lang)))
    else:
        revenue_ttc = sales["revenue_12m"] * 1.2
        terms = (p.customers["payment_terms_days"].mean()
                 if p.has("customers", "payment_terms_days") else 45.0)
        dso = st.number_input(t("whatif.terms_dso_input"), 0.0, 365.0,
                              float(round(terms if pd.notna(terms) else 45.0)), step=5.0,
                              key="wi_terms_dso")
        st.caption(t("whatif.terms_base_estimated", revenue=fmt_money(revenue_ttc, lang)))
    if not (pd.notna(dso) and revenue_ttc > 0):
        st.info(t("whatif.terms_no_base"))
        st.stop()
    c1, c2, c3 = st.columns(3)
    with c1:
        st.markdown(t("whatif.terms_group_terms"))
        change = st.slider(t("whatif.terms_change"), -30, 60, step=5, key="wi_terms_change",
                           help=t("whatif.terms_change_help"))
        fin = pct_slider(st, t("whatif.fin_rate"), 0.0, 15.0, 0.25, "wi_fin_rate",
                         help=t("whatif.fin_rate_help"))
    with c2:
        st.markdown(t("whatif.terms_group_discount"))
        disc = pct_slider(st, t("whatif.disc_rate"), 0.0, 5.0, 0.25, "wi_disc_rate")
        disc_days = st.slider(t("whatif.disc_days"), 0, 30, key="wi_disc_days")
        uptake = st.slider(t("whatif.disc_uptake"), 0, 100, step=5, format="%d %%",
                           key="wi_disc_uptake", help=t("whatif.disc_uptake_help"))
    with c3:
        st.markdown(t("whatif.terms_group_factoring"))
        f_share = st.slider(t("whatif.fact_share"), 0, 100, step=5, format="%d %%",
                            key="wi_fact_share")
        f_comm = pct_slider(st, t("whatif.fact_comm"), 0.0, 3.0, 0.1, "wi_fact_comm",
                            decimals=1, help=t("whatif.fact_comm_help"))
        f_rate = pct_slider(st, t("whatif.fact_rate"), 0.0, 15.0, 0.25, "wi_fact_rate")
        f_res = st.slider(t("whatif.fact_reserve"), 0, 30, step=1, format="%d %%",
                          key="wi_fact_reserve")
    scenario = PaymentTermsScenario(
        terms_change_days=float(change), discount_rate=disc / 100, discount_days=float(disc_days),
        discount_uptake=uptake / 100 if disc > 0 else 0.0, financing_rate=fin / 100,
        factoring_share=f_share / 100, factoring_commission=f_comm / 100,
        factoring_rate=f_rate / 100, factoring_reserve=f_res / 100)
    out = simulate_payment_terms(revenue_ttc, dso, scenario)
    row = st.columns(4)
    metric_card(row[0], t("whatif.kpi_dso_after", window=12), t("whatif.days",
                                                      n=fmt_number(out["dso_after"], lang)),
                t("whatif.read_was", value=t("whatif.days", n=fmt_number(dso, lang))),
                delta=fmt_delta(out["dso_after"], dso, lang, "absolute")
                if abs(out["dso_after"] - dso) > 1e-9 else None, delta_color="inverse")
    metric_card(row[1], t("whatif.kpi_wcn"), fmt_money(out["wcn_after"], lang, compact=True),
                t("whatif.read_wcn", change=fmt_money(abs(out["wcn_change"]), lang),
                  direction=t("whatif.freed" if out["wcn_change"] < 0 else "whatif.tied")),
                delta=fmt_delta(out["wcn_after"], out["wcn_before"], lang)
                if abs(out["wcn_change"]) > 1e-6 else None,
                delta_color="inverse", help=t("whatif.help_wcn"))
    metric_card(row[2], t("whatif.kpi_net_gain"), fmt_money(out["net_gain"], lang),
                t("whatif.read_net_gain", saving=fmt_money(out["financing_saving"], lang),
                  cost=fmt_money(out["discount_cost"], lang)),
                help=t("whatif.help_net_gain"))
    metric_card(row[3], t("whatif.kpi_break_even"),
                fmt_pct(out["break_even_discount_rate"], lang, 2),
                t("whatif.read_break_even_rate", days=fmt_number(out["dso_ref"] - disc_days,
                                                                 lang)),
                help=t("whatif.help_break_even"))
    items = [(t("whatif.item_fin_before"), out["financing_cost_before"], "cost"),
             (t("whatif.item_fin_after"), out["financing_cost_after"], "cost")]
    if out["financing_saving"] > 0:
        items.append((t("whatif.item_saving"), out["financing_saving"], "saving"))
    if disc > 0 and uptake > 0:
        items.append((t("whatif.item_discount"), out["discount_cost"], "cost"))
    if f_share > 0:
        items += [(t("whatif.item_factoring"), out["factoring_cost"], "cost"),
                  (t("whatif.item_factoring_bank"), out["factoring_bank_cost"], "cost")]
    st.altair_chart(cost_bars_chart(pd.DataFrame(items, columns=["item", "amount", "kind"]),
                                    lang, {"item": t("whatif.col_indicator"),
                                           "amount": t("whatif.axis_cost_year"),
                                           "cost": t("whatif.cost"),
                                           "saving": t("whatif.saving")}),
                    key="wi_terms_chart")
    text = t("whatif.read_terms", dso=fmt_number(dso, lang),
             after=fmt_number(out["dso_after"], lang),
             wcn=fmt_money(abs(out["wcn_change"]), lang),
             direction=t("whatif.freed" if out["wcn_change"] < 0 else "whatif.tied"),
             interest=fmt_money(abs(out["financing_saving"]), lang),
             interest_dir=t("whatif.saved_word" if out["financing_saving"] >= 0
                            else "whatif.extra_word"))
    if disc > 0 and uptake > 0:
        text += " " + t("whatif.read_discount", rate=fmt_pct(disc / 100, lang, 2),
                        cost=fmt_money(out["discount_cost"], lang),
                        verdict=t("whatif.verdict_pays" if out["net_gain"] >= 0
                                  else "whatif.verdict_costs"),
                        net=fmt_money(abs(out["net_gain"]), lang),
                        be=fmt_pct(out["break_even_discount_rate"], lang, 2),
                        customer=fmt_pct(out["customer_annual_rate"], lang, 1))
    if f_share > 0:
        text += " " + t("whatif.read_factoring", share=fmt_pct(f_share / 100, lang, 0),
                        cost=fmt_money(out["factoring_cost"], lang),
                        rate=fmt_pct(out["factoring_cost_rate"], lang, 2),
                        extra=fmt_money(out["factoring_extra_cost"], lang),
                        cash=fmt_money(out["factoring_cash_advanced"], lang))
    unchanged = change == 0 and (disc == 0 or uptake == 0) and f_share == 0
    st.write(t("whatif.read_terms_nothing", interest=fmt_money(out["financing_cost_before"],
                                                               lang),
               wcn=fmt_money(out["wcn_before"], lang)) if unchanged else text)
    before_after([
        (t("whatif.ind_dso", window=12), "days", out["dso_before"], out["dso_after"]),
        (t("whatif.ind_wcn"), "money", out["wcn_before"], out["wcn_after"]),
        (t("whatif.ind_financing"), "money", out["financing_cost_before"],
         out["financing_cost_after"]),
        (t("whatif.ind_discount"), "money", 0.0, out["discount_cost"]),
        (t("whatif.ind_factoring"), "money", 0.0, out["factoring_cost"]),
        (t("whatif.ind_total_cost"), "money", out["financing_cost_before"],
         out["financing_cost_after"] + out["discount_cost"] + out["factoring_extra_cost"]),
    ], key="wi_terms_table", filename=t("whatif.terms_file"))
    st.caption(t("whatif.terms_formula"))
    save_box("payment_terms", scenario, out, t("whatif.terms_default_name"))

# -- prices -------------------------------------------------------------------------------------
elif view == "price":
    st.subheader(t("whatif.price_title"))
    st.caption(t("whatif.price_caption"))
    options = ((["family"] if p.has("transactions", "family") else []) + ["abc_class"]
               + [c for c in ("sector", "sales_rep", "kind") if p.has("customers", c)])
    c1, c2 = st.columns([1, 2])
    by = c1.selectbox(t("whatif.price_by"), options, key="wi_price_by",
                      format_func=lambda o: t(f"whatif.by_{o}"))
    if not HAS_MARGIN:
        rate = c1.slider(t("whatif.price_margin_rate"), 5, 80, format="%d %%",
                         key="wi_price_margin") / 100
    else:
        rate = None
    base = _price(name, version, as_of, _plain(PriceScenario(by=by).to_dict()), rate)
    groups = list(base.table.sort_values("revenue_before", ascending=False)["group"])
    if ss.get("wi_price_groups") and not set(ss["wi_price_groups"]) <= set(groups):
        ss["wi_price_groups"] = [g for g in ss["wi_price_groups"] if g in groups]
    chosen = c2.multiselect(t("whatif.price_groups"), groups, key="wi_price_groups",
                            placeholder=t("whatif.price_all"))
    c1, c2, c3 = st.columns(3)
    change = pct_slider(c1, t("whatif.price_change"), -20.0, 20.0, 0.5, "wi_price_change",
                        decimals=1, signed=True)
    elasticity = c2.number_input(t("whatif.price_elasticity"), -10.0, 1.0, step=0.1,
                                 format="%.2f",
                                 key="wi_price_elast", help=t("whatif.price_elasticity_help"))
    model = c3.radio(t("whatif.price_model"), ("linear", "constant"), key="wi_price_model",
                     format_func=lambda m: t(f"whatif.model_{m}"),
                     help=t("whatif.price_model_help"))
    st.caption(t("whatif.elasticity_source"))
    scenario = PriceScenario(change_pct=change / 100, elasticity=elasticity, by=by,
                             selected=list(chosen), model=model)
    res = _price(name, version, as_of, _plain(scenario.to_dict()), rate)
    sm = res.summary
    row = st.columns(4)
    metric_card(row[0], t("whatif.kpi_volume"), fmt_pct(sm["volume_change"], lang, 1,
                                                        signed=True),
                t("whatif.read_volume", share=fmt_pct(sm["selected_revenue_share"], lang, 0)))
    metric_card(row[1], t("whatif.kpi_revenue"), fmt_money(sm["revenue_after"], lang,
                                                           compact=True),
                t("whatif.read_was", value=fmt_money(sm["revenue_before"], lang)),
                delta=fmt_delta(sm["revenue_after"], sm["revenue_before"], lang))
    metric_card(row[2], t("whatif.kpi_margin"), fmt_money(sm["margin_after"], lang,
                                                          compact=True),
                t("whatif.read_was", value=fmt_money(sm["margin_before"], lang)),
                delta=fmt_delta(sm["margin_after"], sm["margin_before"], lang))
    keep = sm["volume_to_keep_margin"]
    metric_card(row[3], t("whatif.kpi_keep"), fmt_pct(keep, lang, 1, signed=True),
                t("whatif.read_keep_formula", m=fmt_pct(sm["selected_margin_rate"], lang),
                  p=fmt_pct(change / 100, lang, 1, signed=True)), help=t("whatif.help_keep"))
    measure = st.radio(t("whatif.price_measure"), ("margin", "revenue"), horizontal=True,
                       key="wi_price_measure", format_func=lambda m: t(f"whatif.measure_{m}"))
    st.altair_chart(price_chart(res.table, lang, {
        "group": t(f"whatif.by_{by}"), "amount": t(f"whatif.measure_{measure}"),
        "before": t("whatif.col_before"), "after": t("whatif.col_after"),
        "selected": t("whatif.selected")}, measure=measure), key="wi_price_chart")
    if change == 0:
        st.write(t("whatif.read_price_zero"))
    else:
        verdict = ("whatif.read_price_better" if sm["margin_change"] > 0
                   else "whatif.read_price_worse")
        st.write(t("whatif.read_price", change=fmt_pct(change / 100, lang, 1, signed=True),
                   scope=", ".join(chosen) if chosen else t("whatif.price_all_lower"),
                   e=fmt_number(elasticity, lang, 2),
                   volume=fmt_pct(sm["volume_change"], lang, 1, signed=True),
                   revenue=fmt_pct(sm["revenue_change"] / sm["revenue_before"], lang, 1,
                                   signed=True),
                   margin=fmt_money(sm["margin_change"], lang))
                 + " " + (t(verdict, keep=fmt_pct(keep, lang, 1, signed=True))
                          if pd.notna(keep) else t("whatif.read_price_loss")))
    show_table(res.table.assign(selected=res.table["selected"].map(
        lambda v: t("common.yes") if v else t("common.no"))), key="wi_price_table",
        filename=t("whatif.price_file"), lang=lang,
        labels={"group": t(f"whatif.by_{by}"), **{c: t(f"whatif.col_{c}") for c in (
            "selected", "revenue_before", "revenue_after", "volume_before", "volume_after",
            "margin_before", "margin_after", "margin_rate_before", "margin_rate_after",
            "volume_to_keep_margin")}},
        formats={"revenue_before": "money", "revenue_after": "money",
                 "volume_before": "number", "volume_after": "number",
                 "margin_before": "money", "margin_after": "money",
                 "margin_rate_before": "pct", "margin_rate_after": "pct",
                 "volume_to_keep_margin": "pct"})
    if not p.has("transactions", "quantity"):
        st.caption(t("whatif.no_quantity"))
    with st.container(border=True):
        st.markdown(t("whatif.discount_title"))
        d = pct_slider(st, t("whatif.discount_label"), 0.0, 30.0, 0.5, "wi_disc_be",
                       decimals=1)
        m = sm["selected_margin_rate"]
        try:
            need = discount_break_even(d / 100, m)
            st.write(t("whatif.read_discount_be", d=fmt_pct(d / 100, lang, 1),
                       m=fmt_pct(m, lang), need=fmt_pct(need, lang, 1)))
        except ValueError:
            st.write(t("whatif.read_discount_impossible", d=fmt_pct(d / 100, lang, 1),
                       m=fmt_pct(m, lang)))
    save_box("price", scenario, sm, t("whatif.price_default_name",
                                      change=fmt_pct(change / 100, lang, 1, signed=True)))

# -- break-even -----------------------------------------------------------------------------------
elif view == "breakeven":
    st.subheader(t("whatif.be_title"))
    st.caption(t("whatif.be_caption"))
    revenue = float(sales["revenue_12m"])
    if revenue <= 0:
        st.info(t("whatif.be_no_revenue"))
        st.stop()
    default_var = 1 - margin_rate if margin_rate is not None and pd.notna(margin_rate) else 0.7
    c1, c2 = st.columns(2)
    var_rate = c1.slider(t("whatif.be_var_rate"), 0, 99, int(round(100 * default_var)),
                         format="%d %%", key="wi_be_var", help=t("whatif.be_var_help")) / 100
    default_fixed = round(0.7 * revenue * (1 - default_var), -3)
    fixed = c2.number_input(t("whatif.be_fixed"), min_value=0.0, value=float(default_fixed),
                            step=10_000.0, format="%.0f", key="wi_be_fixed",
                            help=t("whatif.be_fixed_help"))
    try:
        b = break_even(fixed, revenue, revenue * var_rate)
    except ValueError as exc:
        st.warning(str(exc))
        st.stop()
    start = as_of - pd.DateOffset(months=12) + pd.Timedelta(days=1)
    reached = b["break_even_revenue"] <= revenue
    be_date = start + pd.Timedelta(days=b["break_even_revenue"] / revenue * 365) if reached \
        else None
    row = st.columns(4)
    metric_card(row[0], t("whatif.kpi_be"), fmt_money(b["break_even_revenue"], lang,
                                                      compact=True),
                t("whatif.read_be_formula", fixed=fmt_money(fixed, lang),
                  rate=fmt_pct(b["variable_margin_rate"], lang)))
    metric_card(row[1], t("whatif.kpi_safety"), fmt_money(b["safety_margin"], lang,
                                                          compact=True),
                t("whatif.read_safety", index=fmt_pct(b["safety_index"], lang)))
    metric_card(row[2], t("whatif.kpi_be_date"),
                fmt_date(be_date, lang) if reached else "–",
                t("whatif.read_be_date", day=fmt_number(b["break_even_day"], lang)))
    metric_card(row[3], t("whatif.kpi_result"), fmt_money(b["result"], lang, compact=True),
                t("whatif.read_result", vm=fmt_money(b["variable_margin"], lang)))
    lines = break_even_chart_data(fixed, revenue, revenue * var_rate)
    st.altair_chart(break_even_chart(lines, b, lang, {
        "revenue": t("whatif.axis_revenue_ht"), "amount": t("whatif.axis_amount"),
        "variable_margin": t("whatif.line_vm"), "fixed_costs": t("whatif.line_fixed"),
        "break_even": t("whatif.be_point"), "current": t("whatif.be_current")}),
        key="wi_be_chart")
    if b["result"] >= 0:
        st.write(t("whatif.read_be_profit", be=fmt_money(b["break_even_revenue"], lang),
                   date=fmt_date(be_date, lang), start=fmt_date(start, lang),
                   safety=fmt_money(b["safety_margin"], lang),
                   index=fmt_pct(b["safety_index"], lang)))
    else:
        st.write(t("whatif.read_be_loss", be=fmt_money(b["break_even_revenue"], lang),
                   gap=fmt_money(-b["safety_margin"], lang),
                   pct=fmt_pct(-b["safety_index"], lang)))
    figures = pd.DataFrame({
        "indicator": [t(f"whatif.be_{k}") for k in (
            "revenue", "variable_costs", "variable_margin", "variable_margin_rate",
            "fixed_costs", "result", "break_even_revenue", "safety_margin", "safety_index",
            "break_even_day")],
        "value": [b[k] for k in (
            "revenue", "variable_costs", "variable_margin", "variable_margin_rate",
            "fixed_costs", "result", "break_even_revenue", "safety_margin", "safety_index",
            "break_even_day")],
    })
    shown = figures.copy()
    units = ["money", "money", "money", "pct", "money", "money", "money", "money", "pct", "day"]
    shown["value"] = [fmt_pct(v, lang) if u == "pct" else fmt_number(v, lang) if u == "day"
                      else fmt_money(v, lang) for v, u in zip(figures["value"], units)]
    st.dataframe(shown.rename(columns={"indicator": t("whatif.col_indicator"),
                                       "value": t("whatif.col_value")}),
                 hide_index=True, key="wi_be_table_df")
    download_buttons(figures, "wi_be_table", t("whatif.be_file"), lang,
                     labels={"indicator": t("whatif.col_indicator"),
                             "value": t("whatif.col_value")})

# -- scenarios ----------------------------------------------------------------------------------
else:
    st.subheader(t("whatif.sc_title"))
    st.caption(t("whatif.sc_caption"))
    up = st.file_uploader(t("whatif.sc_upload"), type=["json"], key="wi_upload")
    if up is not None:
        try:
            loaded = json.loads(up.getvalue().decode("utf-8"))
            entries = loaded if isinstance(loaded, list) else [loaded]
            for e in entries:
                scenario_from_dict({**e["params"], "kind": e["kind"]})  # validates
            for e in entries:
                store.save_scenario(name, {**e, "portfolio": name})
            st.success(tn("whatif.sc_uploaded", len(entries),
                          n=fmt_number(len(entries), lang)))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            st.error(t("whatif.sc_bad_file", error=exc))
    saved = store.scenarios(name)
    if not saved:
        st.info(t("whatif.sc_none"))
        st.stop()
    c1, c2, c3 = st.columns([2, 1, 1], vertical_alignment="bottom")
    labels = [f"{t('whatif.kind_' + e['kind'])} · {e['name']}" for e in saved]
    pick = c1.selectbox(t("whatif.sc_pick"), range(len(saved)), format_func=lambda i: labels[i],
                        key="wi_sc_pick")
    c2.button(t("whatif.sc_load"), key="wi_sc_load", icon=":material/upload:",
              on_click=_load_into_controls, args=(saved[pick],), use_container_width=True)
    if c3.button(t("whatif.sc_delete"), key="wi_sc_delete", icon=":material/delete:",
                 use_container_width=True):
        store.delete_scenario(name, saved[pick]["kind"], saved[pick]["name"])
        st.rerun()
    st.download_button(t("whatif.sc_download"), data=json.dumps(saved, ensure_ascii=False,
                                                                indent=2),
                       file_name="scenarios.json", mime="application/json",
                       key="wi_sc_json", icon=":material/download:", on_click="ignore")

    ROWS = {
        "credit_limits": [("n_blocked", "number", None), ("revenue_at_stake_ht", "money", 0.0),
                          ("margin_at_stake", "money", 0.0),
                          ("exposure_after", "money", "exposure_before"),
                          ("expected_loss_after", "money", "expected_loss_before"),
                          ("dso_after", "days", "dso_before")],
        "payment_terms": [("dso_after", "days", "dso_before"),
                          ("wcn_after", "money", "wcn_before"),
                          ("financing_cost_after", "money", "financing_cost_before"),
                          ("discount_cost", "money", 0.0), ("factoring_cost", "money", 0.0),
                          ("net_gain", "money", 0.0)],
        "price": [("volume_change", "pct", 0.0), ("revenue_after", "money", "revenue_before"),
                  ("margin_after", "money", "margin_before"),
                  ("margin_rate_after", "pct", "margin_rate_before")],
    }
    fmt = {"money": lambda v: fmt_money(v, lang), "days": lambda v: fmt_number(v, lang, 1),
           "pct": lambda v: fmt_pct(v, lang, 1), "number": lambda v: fmt_number(v, lang)}
    for kind, rows in ROWS.items():
        group = [e for e in saved if e["kind"] == kind]
        if not group:
            continue
        st.markdown(f"#### {t('whatif.kind_' + kind)}")
        ref = group[-1]["summary"]
        raw = pd.DataFrame({"indicator": [t(f"whatif.sum_{k}") for k, _, _ in rows]})
        raw[t("whatif.current")] = [
            (ref.get(b) if isinstance(b, str) else b) if b is not None else 0
            for _, _, b in rows]
        for e in group:
            raw[e["name"]] = [e["summary"].get(k) for k, _, _ in rows]
        shown = raw.copy()
        for col in shown.columns[1:]:
            shown[col] = [fmt[u](v) for (_, u, _), v in zip(rows, raw[col], strict=True)]
        st.dataframe(shown.rename(columns={"indicator": t("whatif.col_indicator")}),
                     hide_index=True, key=f"wi_sc_{kind}_df")
        download_buttons(raw, f"wi_sc_{kind}", t("whatif.sc_file", kind=kind), lang,
                         labels={"indicator": t("whatif.col_indicator")})
        dates = sorted({e.get("as_of", "") for e in group})
        st.caption(t("whatif.sc_dates", dates=", ".join(
            fmt_date(dt.date.fromisoformat(d), lang) for d in dates if d)))
