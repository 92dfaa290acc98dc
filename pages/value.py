"""Value & profitability (Valeur et rentabilité): customer lifetime value (simple and
probabilistic), customer equity, client P&L, contact devourers, acquisition payback,
potential and penetration."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.clv import (
    calibration_chart_data,
    calibration_holdout,
    clv_summary,
    customer_equity,
    expected_clv,
    fit_bgnbd,
    fit_gamma_gamma,
    retention_rate,
    retention_table,
    retention_what_if,
    simple_clv,
    simple_clv_table,
)
from core.profitability import (
    DEFAULT_CHANNEL_COSTS,
    CostParams,
    acquisition_cost_estimate,
    acquisition_payback,
    client_pnl,
    cohort_margin_curve,
    compare_pnl,
    contact_devourers,
    contact_unit_cost,
    least_profitable,
    penetration,
    penetration_by_class,
    pnl_by_class,
    pnl_totals,
    pnl_waterfall,
    potential_concentration,
)
from core.structure import abc_classes
from ui import state
from ui.cards import metric_card
from ui.charts_value import (
    calibration_chart,
    devourers_chart,
    equity_by_class_chart,
    payback_chart,
    penetration_chart,
    waterfall_chart,
)
from ui.format import NBSP, WJ, fmt_date, fmt_delta, fmt_money, fmt_number, fmt_pct
from ui.i18n import t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
has_margin = p.has("transactions", "margin")
has_contacts = p.has("contacts", "customer_id", "date")
has_potential = p.has("customers", "customer_id", "potential")
UNIT_DAYS = 7.0  # the probabilistic models count time in weeks
CHANNELS = ("visit", "phone", "email", "mailing", "trade show", "video", "sms", "other")


# slider formats are printf strings: only the space before "%" follows the language
PCT = " %%" if lang == "fr" else "%%"


def money(x) -> str:
    return fmt_money(x, lang)


def pct(x, decimals: int = 1) -> str:
    return fmt_pct(x, lang, decimals)


def compact(x) -> str:
    """A headline amount with a fixed precision, so cards side by side read alike:
    millions with one decimal ("12,0 M€" next to "17,1 M€"), thousands in whole k€,
    smaller amounts in full."""
    if x is None or not math.isfinite(float(x)) or abs(float(x)) < 1e4:
        return fmt_money(x, lang, compact=True)
    x = float(x)
    scales = ((1e9, "Md" if lang == "fr" else "bn"), (1e6, "M"), (1e3, "k"))
    divisor, unit = next(s for s in scales if abs(x) >= s[0])
    body = fmt_number(abs(x) / divisor, lang, 0 if unit == "k" else 1)
    sign = "-" if x < 0 and body.strip("0,.") else ""
    if lang == "fr":
        return f"{sign}{body}{NBSP}{unit}€"
    return f"{sign}{WJ if sign else ''}€{body}{unit}"


def plural(key: str, n: float, **kwargs) -> str:
    """``key`` + "_one" for a singular count (French: under 2, English: exactly 1)."""
    one = abs(n) < 2 if lang == "fr" else n == 1
    return t(f"{key}_one" if one else key, n=fmt_number(n, lang), **kwargs)


def decimal_slider(where, label: str, lo: float, hi: float, default: float, step: float,
                   key: str, unit: str, sign: str = "", decimals: int = 1, **kwargs) -> float:
    """A slider of decimal values labelled the language's way ("90,6 %" in French): a
    select slider over lo..hi by step, plus the default if it falls between two steps."""
    n = int(round((hi - lo) / step))
    options = sorted({round(lo + i * step, 6) for i in range(n + 1)}
                     | {round(float(default), 6)})
    wkey = f"{key}_{lang}"
    if wkey in st.session_state and st.session_state[wkey] not in options:
        st.session_state[wkey] = round(float(default), 6)  # e.g. a new measured retention
    return float(choice(where.select_slider, label, options, key, round(float(default), 6),
                        format_func=lambda v: f"{sign}{fmt_number(v, lang, decimals)}{unit}",
                        **kwargs))


def names_map() -> pd.Series:
    """customer_id -> company name (empty Series without a name column)."""
    if p.customers is None or "name" not in p.customers.columns:
        return pd.Series(dtype="object")
    c = p.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    return c.set_index("customer_id")["name"]


NAMES = names_map()


def with_names(frame: pd.DataFrame) -> pd.DataFrame:
    if NAMES.empty or "customer_id" not in frame.columns:
        return frame
    out = frame.copy()
    out.insert(1, "name", out["customer_id"].map(NAMES))
    return out


def who(customer_id) -> str:
    label = NAMES.get(customer_id) if not NAMES.empty else None
    return f"{label} ({customer_id})" if isinstance(label, str) and label else str(customer_id)


def classes_of(values: pd.Series) -> pd.Series:
    """ABC class (text) per customer_id of ``values`` (80 % / 95 % of the total)."""
    if values.empty:
        return pd.Series(dtype="str")
    return abc_classes(values).astype("str")


def choice(widget, label: str, options, key: str, default, **kwargs):
    """A selectbox or radio whose option labels follow the language.

    A keyed widget keeps showing its old option labels (or no selection, for a radio)
    when ``format_func`` changes with the language, so the widget key carries the
    language and the chosen value is kept under ``key`` to survive the switch.
    """
    options = list(options)
    wkey = f"{key}_{lang}"
    if wkey not in st.session_state:
        kept = st.session_state.get(key, default)
        st.session_state[wkey] = kept if kept in options else default
    value = widget(label, options, key=wkey, **kwargs)
    st.session_state[key] = value
    return value


def cols(*keys: str) -> dict[str, str]:
    """Column labels of this page (``value.col_<key>``)."""
    return {k: t(f"value.col_{k}") for k in keys}


# -- cached computations -------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def _retention(name: str, version: str, when: pd.Timestamp, _features: pd.DataFrame):
    """Overall retention (None if not measurable) and retention per ABC class of the
    previous 12 months' revenue (``_features``: the customer table of the same key)."""
    pf = state.load_portfolio(name, version)
    try:
        overall = retention_rate(pf.transactions, when)
    except ValueError:
        return None, pd.DataFrame()
    prev = _features.set_index("customer_id")["revenue_prev_12m"]
    table = retention_table(pf.transactions, when, classes_of(prev[prev > 0]))
    return overall, table


@st.cache_data(show_spinner=False, max_entries=16)
def _probabilistic(name: str, version: str, when: pd.Timestamp, horizon: int, discount: float,
                   margin_rate: float, holdout: int):
    pf = state.load_portfolio(name, version)
    out = {"error": None}
    try:
        summary = clv_summary(pf.transactions, when, unit_days=UNIT_DAYS)
        bg = fit_bgnbd(summary["frequency"], summary["recency"], summary["T"])
        gg = fit_gamma_gamma(summary["frequency"], summary["monetary_value"])
    except ValueError as exc:
        out["error"] = str(exc)
        return out
    out["bg"], out["gg"] = bg.params_, gg.params_
    out["bg_ll"], out["bg_opt"] = bg.log_likelihood_, bg.optimiser_
    out["mean_spend"] = gg.population_mean_spend()
    out["clv"] = expected_clv(bg, gg, summary, horizon_months=horizon, annual_discount=discount,
                              margin_rate=margin_rate, unit_days=UNIT_DAYS)
    out["calibration"] = None
    cal_end = when - pd.DateOffset(months=holdout)
    try:
        ch = calibration_holdout(pf.transactions, cal_end, when, unit_days=UNIT_DAYS)
        m = fit_bgnbd(ch["frequency_cal"], ch["recency_cal"], ch["T_cal"])
        # groups 0, 1, ... up to the 80th percentile of past purchases (7 to 15 groups)
        top = int(np.clip(np.quantile(ch["frequency_cal"], 0.8), 7, 15)) if len(ch) else 7
        out["calibration"] = calibration_chart_data(m, ch, max_frequency=top)
        out["cal_end"] = cal_end
    except ValueError as exc:
        out["cal_error"] = str(exc)
    return out


@st.cache_data(show_spinner=False, max_entries=32)
def _pnl(name: str, version: str, when: pd.Timestamp, params: tuple, channels: tuple):
    pf = state.load_portfolio(name, version)
    kw = dict(params)
    kw["channel_costs"] = dict(channels)
    cp = CostParams(**kw)
    return client_pnl(pf.transactions, when, pf.customers,
                      pf.contacts if has_contacts else None, cp)


@st.cache_data(show_spinner=False, max_entries=16)
def _acquisition(name: str, version: str, when: pd.Timestamp, params: tuple, channels: tuple):
    pf = state.load_portfolio(name, version)
    kw = dict(params)
    kw["channel_costs"] = dict(channels)
    return acquisition_cost_estimate(pf.transactions, pf.contacts, when, CostParams(**kw))


@st.cache_data(show_spinner=False, max_entries=16)
def _payback(name: str, version: str, when: pd.Timestamp, cost: float, cohort: str,
             margin_rate: float):
    pf = state.load_portfolio(name, version)
    table = acquisition_payback(pf.transactions, when, acquisition_cost=cost,
                                customers=pf.customers, cohort=cohort, margin_rate=margin_rate)
    curve = cohort_margin_curve(pf.transactions, when, cohort=cohort, margin_rate=margin_rate,
                                max_months=36)
    return table, curve


# -- page -----------------------------------------------------------------------------------
st.title(t("value.title"))
st.write(t("value.intro", as_of=fmt_date(as_of, lang)))

features = state.features()
active = features[features["revenue_12m"] > 0]
if active.empty:
    st.info(t("value.no_sales_12m"))
    st.stop()

g1, g2 = st.columns(2)
discount = g1.slider(t("value.discount_label"), 0, 30, 10, 1, format="%d" + PCT,
                     key="val_discount", help=t("value.discount_help")) / 100
if has_margin:
    rev, mar = active["revenue_12m"].sum(), active["margin_12m"].sum()
    margin_rate = float(mar / rev) if rev > 0 else 0.0
    g2.caption(t("value.margin_from_data", rate=pct(margin_rate)))
else:
    margin_rate = g2.slider(t("value.margin_rate_label"), 0.0, 100.0, 30.0, 1.0,
                            format="%.0f" + PCT, key="val_margin_rate",
                            help=t("value.margin_rate_help")) / 100

tabs = st.tabs([t("value.tab_clv"), t("value.tab_bgnbd"), t("value.tab_pnl"),
                t("value.tab_devourers"), t("value.tab_acquisition"),
                t("value.tab_penetration")])

# -- 1. simple CLV and customer equity -----------------------------------------------------
with tabs[0]:
    st.subheader(t("value.clv_title"))
    st.caption(t("value.clv_caption"))
    estimate, by_prev_class = _retention(name, version, as_of, features)
    c1, c2, c3 = st.columns(3)
    if estimate is None:
        c1.caption(t("value.retention_unmeasured"))
        default_r = 80.0
    else:
        default_r = round(estimate * 100, 1)
    per_class = c2.toggle(t("value.retention_per_class"), value=False, key="val_per_class",
                          disabled=by_prev_class.empty, help=t("value.retention_per_class_help"))
    # the measured retention (e.g. 90,6 %) is kept as an option between the half points
    retention_pct = decimal_slider(c1, t("value.retention_label"), 0.0, 99.0,
                                   min(default_r, 99.0), 0.5, "val_retention",
                                   f"{NBSP}%" if lang == "fr" else "%",
                                   help=t("value.retention_help"), disabled=per_class)
    years = choice(c3.selectbox, t("value.horizon_label"), [0, 3, 5, 10], "val_years", 0,
                         format_func=lambda y: t("value.horizon_none") if y == 0
                         else t("value.horizon_years", n=y), help=t("value.horizon_help"))
    horizon_years = None if years == 0 else int(years)
    if estimate is not None:
        st.caption(t("value.retention_estimated", rate=pct(estimate)))

    classes_now = classes_of(active.set_index("customer_id")["revenue_12m"])
    retention: float | dict = retention_pct / 100
    if per_class and not by_prev_class.empty:
        known = by_prev_class.dropna(subset=["retention"])
        retention = {str(g): float(min(r, 0.99)) for g, r in zip(known["group"],
                                                                  known["retention"])}
        for cls in set(classes_now) - set(retention):
            retention[cls] = retention_pct / 100
        show = by_prev_class.rename(columns={"group": "class"})
        show_table(show, key="val_ret_classes", filename=t("value.file_retention"), lang=lang,
                   labels=cols("class", "active_prev", "retained", "retention"),
                   formats={"retention": "pct", "active_prev": "number", "retained": "number"})
    clv = simple_clv_table(features, retention, discount=discount, years=horizon_years,
                           margin_rate=None if has_margin else margin_rate,
                           groups=classes_now)
    equity = customer_equity(clv["clv"])
    points = st.slider(t("value.whatif_label"), 0, 20, 5, 1, format="+%d pt",
                       key="val_whatif", help=t("value.whatif_help"))
    if isinstance(retention, dict):
        base_r = clv["retention"].to_numpy()
        after_r = np.clip(base_r + points / 100, 0, 0.999)
        equity_after = customer_equity(simple_clv(clv["margin_year"].to_numpy(), after_r,
                                                  discount, horizon_years))
        r_text = t("value.retention_by_class_short")
        r_after_text = t("value.retention_by_class_plus", points=fmt_number(points, lang))
    else:
        w = retention_what_if(clv["margin_year"].to_numpy(), float(retention), discount,
                              points / 100, horizon_years)
        equity_after = w["equity_after"]
        r_text = pct(retention)
        r_after_text = pct(w["retention_after"])
    change = (equity_after - equity) / equity if equity else float("nan")

    m1, m2, m3, m4 = st.columns(4)
    metric_card(m1, t("value.kpi_equity"), compact(equity),
                t("value.read_equity", n=fmt_number(len(clv), lang), value=money(equity)),
                help=t("value.help_equity"))
    metric_card(m2, t("value.kpi_mean_clv"), money(equity / len(clv) if len(clv) else None),
                t("value.read_mean_clv", margin=money(clv["margin_year"].mean()),
                  clv=money(clv["clv"].mean())))
    if isinstance(retention, dict):
        read_r = t("value.read_retention_classes", classes=", ".join(
            f"{k} {pct(v, 0)}" for k, v in sorted(retention.items())))
    else:
        read_r = t("value.read_retention", lifetime=fmt_number(1 / (1 - float(retention)),
                                                               lang, 1))
    metric_card(m3, t("value.kpi_retention"), r_text, read_r)
    metric_card(m4, t("value.kpi_whatif"), compact(equity_after),
                t("value.read_whatif", points=plural("value.points", points), before=r_text,
                  after=r_after_text, change=fmt_pct(change, lang, 1, signed=True),
                  gain=money(equity_after - equity)),
                delta=fmt_delta(equity_after, equity, lang))

    by_class = clv.groupby("group", sort=True).agg(customers=("clv", "size"),
                                                   clv=("clv", "sum")).reset_index()
    by_class = by_class.rename(columns={"group": "class"})
    by_class["share"] = by_class["clv"] / equity if equity else np.nan
    st.altair_chart(equity_by_class_chart(by_class, lang, {
        "class": t("value.col_class"), "clv": t("value.col_clv"),
        "customers": t("value.col_customers"), "share": t("value.col_share")}),
        key="val_equity_chart")
    if len(by_class) and equity > 0:
        top = by_class.iloc[0]
        st.write(t("value.read_equity_class", cls=top["class"],
                   n=fmt_number(top["customers"], lang),
                   share_n=pct(top["customers"] / len(clv), 0),
                   share=pct(top["share"], 0)))
    table = with_names(clv.rename(columns={"group": "class"}))
    show_table(table, key="val_clv_table", filename=t("value.file_clv"), lang=lang,
               labels=cols("class", "margin_year", "retention", "clv"),
               formats={"margin_year": "money", "retention": "pct", "clv": "money"},
               max_rows=200)

# -- 2. probabilistic CLV (BG/NBD + Gamma-Gamma) -------------------------------------------
with tabs[1]:
    st.subheader(t("value.bg_title"))
    st.caption(t("value.bg_caption"))
    b1, b2 = st.columns(2)
    horizon = b1.slider(t("value.bg_horizon_label"), 3, 36, 12, 1, key="val_bg_horizon",
                        help=t("value.bg_horizon_help"))
    holdout = choice(b2.selectbox, t("value.bg_holdout_label"), [3, 6, 12], "val_bg_holdout",
                     6, help=t("value.bg_holdout_help"),
                           format_func=lambda m: t("value.months", n=m))
    with st.spinner(t("value.bg_fitting")):
        prob = _probabilistic(name, version, as_of, int(horizon), float(discount),
                              float(margin_rate), int(holdout))
    if prob["error"]:
        st.warning(t("value.bg_error", error=prob["error"]), icon=":material/warning:")
    else:
        pc = prob["clv"]
        bg, gg = prob["bg"], prob["gg"]
        alive = float((pc["p_alive"] >= 0.5).mean()) if len(pc) else float("nan")
        k1, k2, k3, k4 = st.columns(4)
        metric_card(k1, t("value.kpi_bg_purchases"),
                    fmt_number(pc["expected_purchases"].sum(), lang),
                    t("value.read_bg_purchases", months=horizon,
                      n=fmt_number(pc["expected_purchases"].sum(), lang),
                      per=fmt_number(pc["expected_purchases"].mean(), lang, 1)))
        metric_card(k2, t("value.kpi_bg_alive"), pct(alive, 0),
                    t("value.read_bg_alive", share=pct(alive, 0),
                      n=fmt_number(int((pc["p_alive"] < 0.5).sum()), lang)))
        metric_card(k3, t("value.kpi_bg_spend"), money(prob["mean_spend"]),
                    t("value.read_bg_spend", value=money(prob["mean_spend"])))
        metric_card(k4, t("value.kpi_bg_equity"),
                    compact(pc["clv"].sum()),
                    t("value.read_bg_equity", months=horizon, value=money(pc["clv"].sum()),
                      rate=pct(margin_rate, 0)))
        weekly = bg["r"] / bg["alpha"]
        drop = bg["a"] / (bg["a"] + bg["b"])
        st.write(t("value.read_bg_params", per_year=fmt_number(weekly * 52.18, lang, 1),
                   drop=pct(drop, 0), r=fmt_number(bg["r"], lang, 3),
                   alpha=fmt_number(bg["alpha"], lang, 3), a=fmt_number(bg["a"], lang, 3),
                   b=fmt_number(bg["b"], lang, 3), p=fmt_number(gg["p"], lang, 3),
                   q=fmt_number(gg["q"], lang, 3), v=fmt_number(gg["v"], lang, 3)))

        st.markdown(f"**{t('value.cal_title')}**")
        cal = prob["calibration"]
        if cal is None:
            st.info(t("value.cal_unavailable"))
        else:
            st.altair_chart(calibration_chart(cal, lang, {
                "group": t("value.cal_group"), "purchases": t("value.cal_purchases"),
                "actual": t("value.cal_actual"), "predicted": t("value.cal_predicted"),
                "customers": t("value.col_customers")}), key="val_cal_chart")
            actual = float((cal["actual"] * cal["customers"]).sum())
            predicted = float((cal["predicted"] * cal["customers"]).sum())
            gap = (predicted - actual) / actual if actual else float("nan")
            st.write(t("value.read_calibration", months=holdout,
                       start=fmt_date(prob["cal_end"], lang), predicted=fmt_number(predicted, lang),
                       actual=fmt_number(actual, lang), gap=fmt_pct(gap, lang, 0, signed=True)))
        view = with_names(pc[["customer_id", "clv", "p_alive", "expected_purchases",
                              "expected_spend", "frequency", "recency", "T",
                              "monetary_value"]])
        show_table(view, key="val_bg_table", filename=t("value.file_bg"), lang=lang,
                   labels={"frequency": t("value.col_frequency_rep"),
                           "recency": t("value.col_recency_w"), "T": t("value.col_T_w"),
                           **cols("monetary_value", "p_alive", "expected_purchases",
                                  "expected_spend", "clv")},
                   formats={"recency": "number1", "T": "number1", "monetary_value": "money",
                            "p_alive": "pct", "expected_purchases": "number1",
                            "expected_spend": "money", "clv": "money"},
                   max_rows=200)
        with st.expander(t("value.bg_method_title")):
            st.markdown(t("value.bg_method"))

# -- 3. client P&L -------------------------------------------------------------------------
with tabs[2]:
    st.subheader(t("value.pnl_title"))
    st.caption(t("value.pnl_caption"))
    with st.expander(t("value.costs_title"), expanded=False):
        e1, e2, e3 = st.columns(3)
        months = choice(e1.selectbox, t("value.period_label"), [6, 12, 24], "val_months", 12,
                              format_func=lambda m: t("value.months", n=m))
        disc_rate = e2.number_input(t("value.rebate_label"), 0.0, 50.0, 0.0, 0.5,
                                    format="%.1f", key="val_rebate",
                                    help=t("value.rebate_help")) / 100
        logistics = e3.number_input(t("value.logistics_label"), 0.0, 10_000.0, 15.0, 1.0,
                                    key="val_logistics", help=t("value.logistics_help"))
        e4, e5, e6 = st.columns(3)
        credit_rate = e4.number_input(t("value.credit_rate_label"), 0.0, 30.0, 5.0, 0.25,
                                      format="%.2f", key="val_credit_rate",
                                      help=t("value.credit_rate_help")) / 100
        pay_days = e5.number_input(t("value.pay_days_label"), 0, 365, 30, 5, key="val_pay_days",
                                   help=t("value.pay_days_help"))
        vat = e6.number_input(t("value.vat_label"), 0.0, 30.0, 20.0, 0.5, format="%.1f",
                              key="val_vat") / 100
        costing = choice(st.radio, t("value.costing_label"), ["channel", "unit"], "val_costing",
                         "channel", horizontal=True,
                         format_func=lambda k: t(f"value.costing_{k}"),
                           help=t("value.costing_help"))
        n_contacts_year = 0
        if has_contacts:
            cts = p.contacts
            n_contacts_year = int(((cts["date"] > as_of - pd.DateOffset(months=12))
                                   & (cts["date"] <= as_of)).sum())
        cost_per_contact = None
        use_recorded = True
        costs_now = st.session_state.get("val_channel_cost_values",
                                         [DEFAULT_CHANNEL_COSTS[c] for c in CHANNELS])
        channel_table = pd.DataFrame({
            "channel": [t(f"value.channel_{c.replace(' ', '_')}") for c in CHANNELS],
            "cost": costs_now})
        if costing == "unit":
            u1, u2, u3 = st.columns(3)
            force_cost = u1.number_input(t("value.force_cost_label"), 0.0, 1e9, 250_000.0,
                                         5_000.0, format="%.0f", key="val_force_cost",
                                         help=t("value.force_cost_help"))
            n_year = u2.number_input(t("value.n_contacts_label"), 1, 10_000_000,
                                     max(n_contacts_year, 1), 10, key="val_n_contacts",
                                     help=t("value.n_contacts_help"))
            cost_per_contact = contact_unit_cost(force_cost, n_year)
            u3.metric(t("value.unit_cost_label"), fmt_money(cost_per_contact, lang, 2))
        else:
            use_recorded = st.toggle(t("value.use_recorded_label"), value=True,
                                     key="val_use_recorded", help=t("value.use_recorded_help"))
            edited = st.data_editor(
                channel_table, key=f"val_channel_costs_{lang}", hide_index=True,
                num_rows="fixed",
                disabled=["channel"],
                column_config={
                    "channel": st.column_config.TextColumn(t("value.col_channel")),
                    "cost": st.column_config.NumberColumn(t("value.col_channel_cost"),
                                                          min_value=0.0, format="%.2f €")})
            channel_table = edited
            st.session_state["val_channel_cost_values"] = [
                float(v) if pd.notna(v) else 0.0 for v in edited["cost"]]
    channels = tuple((c, float(v) if pd.notna(v) else 0.0)
                     for c, v in zip(CHANNELS, channel_table["cost"]))
    params = (("months", int(months)), ("margin_rate", float(margin_rate)),
              ("discount_rate", float(disc_rate)), ("cost_per_contact", cost_per_contact),
              ("use_recorded_cost", bool(use_recorded)),
              ("logistics_per_order", float(logistics)), ("credit_rate", float(credit_rate)),
              ("payment_days", float(pay_days)), ("vat_rate", float(vat)))
    pnl = _pnl(name, version, as_of, params, channels)
    if pnl.empty:
        st.info(t("value.pnl_empty"))
    else:
        if not has_contacts:
            st.info(t("value.no_contacts_pnl"), icon=":material/info:")
        tot = pnl_totals(pnl)
        q1, q2, q3, q4 = st.columns(4)
        metric_card(q1, t("value.kpi_revenue"), compact(tot["revenue"]),
                    t("value.read_revenue", months=months, n=fmt_number(tot["customers"], lang)))
        metric_card(q2, t("value.kpi_gross"), compact(tot["gross_margin"]),
                    t("value.read_gross", rate=pct(tot["gross_margin"] / tot["revenue"]
                                                   if tot["revenue"] else None)))
        net_rate = tot["net_margin"] / tot["revenue"] if tot["revenue"] else None
        metric_card(q3, t("value.kpi_net"), compact(tot["net_margin"]),
                    t("value.read_net", per100=fmt_money(net_rate * 100 if net_rate is not None
                                                         else None, lang, 2)))
        metric_card(q4, t("value.kpi_unprofitable"), fmt_number(tot["unprofitable"], lang),
                    plural("value.read_unprofitable", tot["unprofitable"],
                           share=pct(tot["unprofitable"] / tot["customers"], 0)),
                    delta_color="inverse")

        step_labels = {s: t(f"value.step_{s}") for s in (
            "revenue", "cogs", "gross_margin", "discounts", "contact_cost", "logistics_cost",
            "credit_cost", "net_margin")}
        order = pnl.sort_values("revenue", ascending=False)["customer_id"].tolist()
        pick = choice(st.selectbox, t("value.wf_customer_label"), ["__all__", *order],
                      "val_wf_customer", "__all__",
                      format_func=lambda c: t("value.wf_all") if c == "__all__" else who(c))
        steps = pnl_waterfall(pnl, None if pick == "__all__" else pick)
        st.altair_chart(waterfall_chart(steps, lang, step_labels, {
            "step": t("value.col_step"), "amount": t("value.col_amount")}), key="val_wf_chart")
        vals = dict(zip(steps["step"], steps["amount"]))
        rev = vals["revenue"]
        if rev > 0:
            costs = {k: -vals[k] for k in ("discounts", "contact_cost", "logistics_cost",
                                            "credit_cost")}
            biggest = max(costs, key=costs.get)
            st.write(t("value.read_waterfall",
                       who=t("value.wf_all_short") if pick == "__all__" else who(pick),
                       net=fmt_money(100 * vals["net_margin"] / rev, lang, 2),
                       gross=fmt_money(100 * vals["gross_margin"] / rev, lang, 2),
                       cost=step_labels[biggest].lower(),
                       cost_value=fmt_money(100 * costs[biggest] / rev, lang, 2)))

        pnl_classes = classes_of(pnl.set_index("customer_id")["revenue"])
        st.markdown(f"**{t('value.pnl_class_title')}**")
        byc = pnl_by_class(pnl, pnl_classes)
        first_cols = ["class", "customers", "unprofitable", "net_margin", "net_margin_rate",
                      "share_net_margin", "revenue", "gross_margin"]
        byc = byc[first_cols + [c for c in byc.columns if c not in first_cols]]
        worst = byc.sort_values("net_margin_rate").iloc[0]
        st.write(t("value.read_pnl_class", cls=worst["class"],
                   rate=pct(worst["net_margin_rate"]),
                   n=fmt_number(worst["unprofitable"], lang),
                   customers=fmt_number(worst["customers"], lang)))
        money_cols = ("revenue", "cogs", "gross_margin", "discounts", "contact_cost",
                      "logistics_cost", "credit_cost", "net_margin")
        show_table(byc, key="val_pnl_class", filename=t("value.file_pnl_class"), lang=lang,
                   labels=cols("class", "customers", "unprofitable", *money_cols, "contacts",
                               "orders", "net_margin_rate", "share_net_margin"),
                   formats={**{c: "money" for c in money_cols}, "net_margin_rate": "pct",
                            "share_net_margin": "pct", "contacts": "number",
                            "orders": "number"})

        st.markdown(f"**{t('value.least_title')}**")
        st.caption(t("value.least_caption"))
        ranked = least_profitable(pnl, len(pnl))
        first_cols = ["customer_id", "net_margin", "net_margin_rate", "revenue", "gross_margin",
                      "contacts", "contact_cost"]
        ranked = ranked[first_cols + [c for c in ranked.columns if c not in first_cols]]
        show_table(with_names(ranked), key="val_least", filename=t("value.file_pnl"),
                   lang=lang, labels=cols(*money_cols, "contacts", "orders", "payment_days",
                                          "net_margin_rate"),
                   formats={**{c: "money" for c in money_cols}, "net_margin_rate": "pct",
                            "payment_days": "number"}, max_rows=10)

        st.markdown(f"**{t('value.pnl_whatif_title')}**")
        w1, w2 = st.columns(2)
        contact_change = w1.slider(t("value.wi_contact_label"), -50, 100, 20, 5,
                                   format="%+d" + PCT, key="val_wi_contact",
                                   help=t("value.wi_contact_help"))
        disc_points = w2.slider(t("value.wi_discount_label"), 0, 10, 1, 1,
                                format="+%d pt", key="val_wi_discount",
                                help=t("value.wi_discount_help"))
        sparams = dict(params)
        sparams["discount_rate"] = float(disc_rate + disc_points / 100)
        scen = client_pnl(p.transactions, as_of, p.customers,
                          p.contacts if has_contacts else None,
                          CostParams(**sparams, channel_costs=dict(channels),
                                     contact_cost_factor=1 + contact_change / 100))
        cmp_ = compare_pnl(pnl, scen)
        net = cmp_.set_index("item").loc["net_margin"]
        lost = cmp_.set_index("item").loc["unprofitable"]
        st.write(t("value.read_pnl_whatif", contact=fmt_pct(contact_change / 100, lang, 0,
                                                            signed=True),
                   points=plural("value.points", disc_points), before=money(net["base"]),
                   after=money(net["scenario"]), change=money(net["change"]),
                   unprof=fmt_number(lost["scenario"], lang),
                   unprof_before=fmt_number(lost["base"], lang)))
        cmp_ = cmp_[cmp_["item"] != "unprofitable"]
        cmp_["item"] = cmp_["item"].map(step_labels)
        show_table(cmp_, key="val_pnl_cmp", filename=t("value.file_whatif"), lang=lang,
                   labels=cols("item", "base", "scenario", "change"),
                   formats={"base": "money", "scenario": "money", "change": "money"})

# -- 4. contact devourers ------------------------------------------------------------------
with tabs[3]:
    st.subheader(t("value.dev_title"))
    st.caption(t("value.dev_caption"))
    if not has_contacts:
        st.info(t("value.no_contacts"), icon=":material/info:")
    elif pnl.empty or pnl["contacts"].sum() == 0:
        st.info(t("value.dev_no_contacts"))
    else:
        ratio = decimal_slider(st, t("value.dev_ratio_label"), 1.5, 5.0, 2.0, 0.5,
                               "val_dev_ratio", "", sign="× ", help=t("value.dev_ratio_help"))
        dev = contact_devourers(pnl, ratio=ratio)
        dev["customer"] = dev["customer_id"].map(who)
        # shares read as "times the average customer": n x share (the average is 1)
        dev["contacts_index"] = dev["share_contacts"] * len(dev)
        dev["margin_index"] = dev["share_margin"] * len(dev)
        flagged = dev[dev["devourer"]]
        quadrant_labels = {q: t(f"value.quadrant_{q}") for q in
                           ("devourer", "invest", "efficient", "low")}
        st.altair_chart(devourers_chart(dev, lang, {
            "x": t("value.dev_x"), "y": t("value.dev_y"), "customer": t("value.col_customer"),
            "contacts": t("value.col_contacts"), "margin": t("value.col_gross_margin"),
            "quadrant": t("value.col_quadrant"), "fair": t("value.dev_fair"),
            "threshold": t("value.dev_threshold", ratio=fmt_number(ratio, lang, 1)),
            "share_contacts": t("value.col_share_contacts"),
            "share_margin": t("value.col_share_margin")},
            quadrant_labels, ratio), key="val_dev_chart")
        st.caption(t("value.dev_quadrants"))
        if flagged.empty:
            st.write(t("value.read_dev_none", ratio=fmt_number(ratio, lang, 1)))
        else:
            st.write(plural("value.read_dev", len(flagged),
                            share_n=pct(len(flagged) / len(dev), 0),
                            sc=pct(flagged["share_contacts"].sum(), 0),
                            sm=pct(flagged["share_margin"].sum(), 1),
                            cost=money(flagged["contact_cost"].sum()),
                            net=money(flagged["net_margin"].sum())))
        view = with_names(flagged[["customer_id", "contacts", "contacts_index", "gross_margin",
                                   "margin_index", "ratio", "contact_cost", "net_margin",
                                   "share_contacts", "share_margin", "quadrant"]])
        view["quadrant"] = view["quadrant"].map(quadrant_labels)
        show_table(view, key="val_dev_table", filename=t("value.file_dev"), lang=lang,
                   labels=cols("contacts", "contacts_index", "gross_margin", "margin_index",
                               "ratio", "contact_cost", "net_margin", "share_contacts",
                               "share_margin", "quadrant"),
                   formats={"contact_cost": "money", "gross_margin": "money",
                            "net_margin": "money", "share_contacts": "pct",
                            "share_margin": "pct", "ratio": "number1",
                            "contacts_index": "number1", "margin_index": "number1"})

# -- 5. acquisition ------------------------------------------------------------------------
with tabs[4]:
    st.subheader(t("value.acq_title"))
    st.caption(t("value.acq_caption"))
    est = None
    if has_contacts:
        est = _acquisition(name, version, as_of, params, channels)
        a1, a2, a3, a4 = st.columns(4)
        metric_card(a1, t("value.kpi_prosp_cost"), money(est["prospection_cost"]),
                    t("value.read_prosp_cost", n=fmt_number(est["prospection_contacts"], lang)))
        metric_card(a2, t("value.kpi_new"), fmt_number(est["new_customers"], lang),
                    t("value.read_new", rate=pct(est["conversion_rate"], 0)))
        metric_card(a3, t("value.kpi_cac"), money(est["cost_per_new_customer"]),
                    t("value.read_cac", contacts=fmt_number(est["contacts_per_conversion"],
                                                            lang, 1)))
        keep_cost = (tot["contact_cost"] / tot["customers"]) if not pnl.empty and \
            tot["customers"] else float("nan")
        ratio_keep = est["cost_per_new_customer"] / keep_cost if keep_cost else float("nan")
        metric_card(a4, t("value.kpi_keep_vs_win"),
                    "–" if not math.isfinite(ratio_keep) else f"× {fmt_number(ratio_keep, lang, 1)}",
                    t("value.read_keep_vs_win", keep=money(keep_cost)))
    else:
        st.info(t("value.no_contacts_acq"), icon=":material/info:")
    default_cac = est["cost_per_new_customer"] if est and math.isfinite(
        est["cost_per_new_customer"]) else 500.0
    r1, r2 = st.columns(2)
    cac = r1.number_input(t("value.cac_label"), 0.0, 1e7, float(round(default_cac, 0)), 50.0,
                          format="%.0f", key="val_cac", help=t("value.cac_help"))
    cohort = choice(r2.radio, t("value.cohort_label"), ["Y", "Q"], "val_cohort", "Y",
                    horizontal=True,
                      format_func=lambda c: t(f"value.cohort_{c}"))
    if p.has("customers", "acquisition_cost"):
        st.caption(t("value.acq_from_file"))
    pay, curve = _payback(name, version, as_of, float(cac), cohort, float(margin_rate))
    if pay.empty:
        st.info(t("value.acq_empty"))
    else:
        st.altair_chart(payback_chart(curve, pay[["cohort", "cost_per_customer"]], lang, {
            "month": t("value.pay_month"), "margin": t("value.pay_margin"),
            "cohort": t("value.col_cohort"), "cost": t("value.col_cost_per_customer")}),
            key="val_pay_chart")
        last = pay.iloc[-1]
        paid = pay.dropna(subset=["payback_months"])
        st.write(t("value.read_payback" if pd.notna(last["payback_months"])
                   else "value.read_payback_not_yet", cohort=last["cohort"],
                   n=fmt_number(last["customers"], lang),
                   cost=money(last["cost_per_customer"]),
                   months=fmt_number(last["payback_months"], lang),
                   margin=money(last["margin_per_customer"]),
                   roi=fmt_pct(last["roi"], lang, 0, signed=True))
                 + (" " + t("value.read_payback_median",
                            months=fmt_number(paid["payback_months"].median(), lang))
                    if len(paid) > 1 else ""))
        show_table(pay, key="val_pay_table", filename=t("value.file_payback"), lang=lang,
                   labels=cols("cohort", "customers", "acquisition_cost", "cost_per_customer",
                               "margin_to_date", "margin_per_customer", "roi",
                               "payback_months"),
                   formats={"acquisition_cost": "money", "cost_per_customer": "money",
                            "margin_to_date": "money", "margin_per_customer": "money",
                            "roi": "pct", "payback_months": "number", "customers": "number"})
    st.caption(t("value.acq_course"))

# -- 6. potential and penetration ----------------------------------------------------------
with tabs[5]:
    st.subheader(t("value.pen_title"))
    st.caption(t("value.pen_caption"))
    if not has_potential:
        st.info(t("value.no_potential"), icon=":material/info:")
    else:
        target = st.slider(t("value.target_label"), 10, 100, 50, 5, format="%d" + PCT,
                           key="val_target", help=t("value.target_help")) / 100
        pen = penetration(features, p.customers, target_share=target)
        if pen.empty:
            st.info(t("value.pen_empty"))
        else:
            conc = potential_concentration(pen["potential"])
            tot_pot, tot_rev = pen["potential"].sum(), pen["revenue"].clip(lower=0).sum()
            n1, n2, n3, n4 = st.columns(4)
            metric_card(n1, t("value.kpi_potential"), compact(tot_pot),
                        t("value.read_potential", n=fmt_number(len(pen), lang)))
            metric_card(n2, t("value.kpi_penetration"), pct(tot_rev / tot_pot if tot_pot
                                                            else None),
                        t("value.read_penetration", rev=money(tot_rev), pot=money(tot_pot)))
            metric_card(n3, t("value.kpi_reachable"),
                        compact(pen["reachable"].sum()),
                        t("value.read_reachable", target=pct(target, 0)))
            metric_card(n4, t("value.kpi_concentration"), pct(conc["top_20"], 0),
                        t("value.read_concentration", share=pct(conc["top_20"], 0),
                          gini=fmt_number(conc["gini"], lang, 2)))
            pot_classes = classes_of(pen.set_index("customer_id")["potential"])
            byp = penetration_by_class(pen, pot_classes)
            st.altair_chart(penetration_chart(byp, lang, {
                "class": t("value.col_potential_class"), "amount": t("value.col_amount"),
                "potential": t("value.col_potential"), "revenue": t("value.col_revenue"),
                "penetration": t("value.col_penetration"),
                "customers": t("value.col_customers")}), key="val_pen_chart")
            best = byp.sort_values("share_reachable", ascending=False).iloc[0]
            st.write(t("value.read_pen_class", cls=best["class"],
                       share=pct(best["share_reachable"], 0),
                       pen=pct(best["penetration"], 0), value=money(best["reachable"])))
            show_table(byp, key="val_pen_class", filename=t("value.file_pen_class"), lang=lang,
                       labels=cols("potential_class", "customers", "revenue", "potential",
                                   "penetration", "reachable", "share_potential",
                                   "share_reachable") | {"class": t("value.col_potential_class")},
                       formats={"revenue": "money", "potential": "money", "reachable": "money",
                                "penetration": "pct", "share_potential": "pct",
                                "share_reachable": "pct", "customers": "number"})
            st.markdown(f"**{t('value.pen_top_title')}**")
            n_raised = int(pen["potential_raised"].sum())
            if n_raised:  # same rule and wording as the P-R strategy page
                st.caption(t("strategy.raised_one") if n_raised == 1
                           else t("strategy.raised", n=fmt_number(n_raised, lang)))
            listed = pen.assign(potential_raised=pen["potential_raised"].map(
                {True: t("common.yes"), False: ""}))
            show_table(with_names(listed), key="val_pen_table", filename=t("value.file_pen"),
                       lang=lang, labels=cols("revenue", "potential", "penetration",
                                              "untapped", "reachable")
                       | {"potential_raised": t("strategy.col_raised"),
                          "declared_potential": t("strategy.col_declared")},
                       formats={"revenue": "money", "potential": "money", "penetration": "pct",
                                "untapped": "money", "reachable": "money",
                                "declared_potential": "money"}, max_rows=50)
