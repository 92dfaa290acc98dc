"""Risque client (Credit risk): outstanding and ageing balance, DSO trend, payment
behaviour, solvency bands, credit-limit utilisation and recommended limits.

Everything comes from the receivables table (créances) at the reference date; without it
the page says which columns to import and stops. Bad receivables rows are listed with
their reason and left out of every figure."""

import contextlib
import re

import pandas as pd
import streamlit as st

from core.risk import (
    BUCKETS,
    REQUIRED_COLUMNS,
    CreditLimitRule,
    SolvencyRule,
    aging_totals,
    credit_table,
    dso_trend,
    risk_kpis,
    validate_receivables,
)
from ui import state
from ui.cards import metric_card
from ui.charts_risk import aging_chart, band_chart, dso_chart
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_label, t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require_portfolio()
lang = state.lang()
name, version, as_of = state.cache_key()

st.title(t("risk.title"))
st.write(t("risk.intro"))


def tn(key: str, count, **kwargs) -> str:
    """``t(key)`` in the singular (``key_one``) or plural form chosen from ``count``
    (French: singular below 2; English: singular for exactly 1)."""
    one = abs(count) < 2 if lang == "fr" else count == 1
    text = t(f"{key}_one", **kwargs) if one else None
    return text if text and not text.startswith("⟦") else t(key, **kwargs)


def one_stop(sentence: str) -> str:
    """A sentence ending with a single full stop, even when the last name in it already
    ends with one ("Ets Martin S.A.." -> "Ets Martin S.A.") or with an ellipsis."""
    return re.sub(r"([.…!?])\.$", r"\1", sentence.rstrip())


def _link_to_data() -> None:
    with contextlib.suppress(Exception):  # page_link needs the page to be registered
        st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")


def _columns_help() -> pd.DataFrame:
    cols = ["invoice_id", "customer_id", "invoice_date", "due_date", "amount", "paid_date",
            "payment_method"]
    return pd.DataFrame({
        t("risk.help_col_column"): [column_label(c, kind="receivables") for c in cols],
        t("risk.help_col_meaning"): [t(f"risk.help_{c}") for c in cols],
        t("risk.help_col_required"): [t("common.yes") if c in REQUIRED_COLUMNS
                                      else t("common.no") for c in cols],
    })


# -- no receivables: say what to import and stop ------------------------------------------
if p.receivables is None or p.receivables.empty:
    st.info(t("risk.no_receivables", portfolio=state.display_name(name)),
            icon=":material/info:")
    st.table(_columns_help(), hide_index=True)
    _link_to_data()
    st.stop()
missing = [c for c in REQUIRED_COLUMNS if c not in p.receivables.columns]
if missing:
    st.info(tn("risk.missing_columns", len(missing), columns=", ".join(
        column_label(c, kind="receivables") for c in missing)), icon=":material/info:")
    st.table(_columns_help(), hide_index=True)
    _link_to_data()
    st.stop()

BUCKET_NAMES = {b: t(f"risk.bucket_{b}") for b in BUCKETS}
DEFAULT_SOLVENCY = SolvencyRule()
DEFAULT_LIMITS = CreditLimitRule()
BANDS = [*DEFAULT_SOLVENCY.bands, "unrated"]


# -- cached core calls --------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
def _checked(name: str, version: str):
    return validate_receivables(state.load_portfolio(name, version).receivables)


@st.cache_data(show_spinner=False, max_entries=16)
def _kpis(name, version, when, window, year_days):
    return risk_kpis(_checked(name, version), when, window, year_days)


@st.cache_data(show_spinner=False, max_entries=16)
def _trend(name, version, when, window, year_days):
    return dso_trend(_checked(name, version), when, months=12, window_months=window,
                     year_days=year_days)


@st.cache_data(show_spinner=False, max_entries=16)
def _table(name, version, when, behaviour_months, solvency: dict, limits: dict):
    pf = state.load_portfolio(name, version)
    return credit_table(_checked(name, version), when, pf.customers,
                        SolvencyRule.from_dict(solvency), CreditLimitRule.from_dict(limits),
                        behaviour_months)


ck = _checked(name, version)

# -- rows left out -----------------------------------------------------------------------
if len(ck.rejected):
    rej = ck.rejected.copy()
    rej["reason"] = rej["reason_code"].map(lambda c: t(f"risk.reject_{c}"))
    st.warning(tn("risk.rejected", len(rej), n=fmt_number(len(rej), lang),
                 amount=fmt_money(pd.to_numeric(rej["amount"], errors="coerce").abs().sum(),
                                  lang)), icon=":material/rule:")
    with st.expander(t("risk.rejected_expander")):
        shown = rej.drop(columns=["reason_code"])
        show_table(shown, key="risk_rejected", filename=t("risk.rejected_file"), lang=lang,
                   labels={"amount": column_label("amount", kind="receivables")},
                   formats={"amount": "money2"})

# -- controls ------------------------------------------------------------------------------
with st.expander(t("risk.settings"), icon=":material/tune:"):
    c1, c2, c3 = st.columns(3)
    window = c1.selectbox(t("risk.window_label"), (3, 6, 12), index=0, key="risk_window",
                          format_func=lambda m: t("risk.window_option", months=m),
                          help=t("risk.window_help"))
    year_days = c2.radio(t("risk.year_label"), (360, 365), horizontal=True, key="risk_year",
                         format_func=lambda d: t(f"risk.year_{d}"), help=t("risk.year_help"))
    behaviour = c3.selectbox(t("risk.behaviour_label"), (12, 24, 0), index=1,
                             key="risk_behaviour",
                             format_func=lambda m: t("risk.behaviour_all") if m == 0
                             else t("risk.window_option", months=m),
                             help=t("risk.behaviour_help"))

k = _kpis(name, version, as_of, window, year_days)

# -- headline figures ---------------------------------------------------------------------
row = st.columns(4)
metric_card(row[0], t("risk.kpi_outstanding"), fmt_money(k["outstanding"], lang, compact=True),
            t("risk.read_outstanding",
              n=tn("risk.n_open_invoices", k["n_open_invoices"],
                   n=fmt_number(k["n_open_invoices"], lang)),
              customers=tn("risk.n_customers", k["n_customers_open"],
                           n=fmt_number(k["n_customers_open"], lang)),
              as_of=fmt_date(as_of, lang)),
            help=t("risk.help_outstanding"))
metric_card(row[1], t("risk.kpi_overdue"), fmt_money(k["overdue"], lang, compact=True),
            t("risk.read_overdue", share=fmt_pct(k["overdue_share"], lang),
              over90=fmt_money(k["over_90"], lang)),
            help=t("risk.help_overdue"))
dso_text = fmt_number(k["dso_days"], lang) if pd.notna(k["dso_days"]) else "–"
extra = k["dso_days"] - k["mean_terms_days"]
metric_card(row[2], t("risk.kpi_dso", window=window),
            tn("risk.days", k["dso_days"] if pd.notna(k["dso_days"]) else 0, n=dso_text),
            t("risk.read_dso" if extra >= 0 else "risk.read_dso_early",
              terms=fmt_number(k["mean_terms_days"], lang), extra=fmt_number(abs(extra), lang))
            if pd.notna(extra) else t("risk.read_dso_none"),
            help=t("risk.help_dso", window=window, days=year_days * window // 12,
                   year=year_days))
metric_card(row[3], t("risk.kpi_turnover"), fmt_number(k["turnover"], lang, 1),
            t("risk.read_turnover", n=fmt_number(k["turnover"], lang, 1))
            if pd.notna(k["turnover"]) else t("risk.read_dso_none"),
            help=t("risk.help_turnover"))

VIEWS = ("aging", "dso", "solvency")
view = st.segmented_control(t("risk.view_label"), VIEWS,
                            format_func=lambda v: t(f"risk.view_{v}"), default="aging",
                            required=True, key="risk_view")

solvency_rule, limit_rule = DEFAULT_SOLVENCY, DEFAULT_LIMITS
if view == "solvency":
    st.subheader(t("risk.rules_title"))
    st.caption(t("risk.rules_caption"))
    band_names = {b: t(f"risk.band_{b}") for b in BANDS}
    rules = pd.DataFrame({
        "band": [band_names[b] for b in BANDS],
        "threshold": [fmt_number(DEFAULT_SOLVENCY.bands[b], lang) if b != "unrated"
                      else t("risk.unrated_rule", n=DEFAULT_SOLVENCY.min_invoices)
                      for b in BANDS],
        "pd": [100 * float(DEFAULT_SOLVENCY.pd_by_band[b]) for b in BANDS],
        "multiple": [float(DEFAULT_LIMITS.multiples[b]) for b in BANDS],
    })
    edited = st.data_editor(
        rules, key="risk_rules", hide_index=True, disabled=["band"],
        column_config={
            "band": st.column_config.TextColumn(t("risk.col_band")),
            "threshold": st.column_config.TextColumn(t("risk.col_threshold")),
            "pd": st.column_config.NumberColumn(t("risk.col_pd_pct"), min_value=0,
                                                max_value=100, step=0.5, format="%.1f %%"),
            "multiple": st.column_config.NumberColumn(t("risk.col_multiple"), min_value=0,
                                                      max_value=24, step=0.5,
                                                      format="%.1f"),
        },
    )

    def _threshold(text, default: float) -> float:
        try:
            return min(max(float(str(text).replace(",", ".").strip()), 0.0), 100.0)
        except ValueError:
            return default

    rated = [b for b in BANDS if b != "unrated"]
    solvency_rule = SolvencyRule(
        bands={b: _threshold(v, DEFAULT_SOLVENCY.bands[b])
               for b, v in zip(rated, edited["threshold"], strict=False)},
        pd_by_band={b: float(v) / 100 for b, v in zip(BANDS, edited["pd"].fillna(0),
                                                       strict=True)})
    limit_rule = CreditLimitRule(multiples={
        b: float(v) for b, v in zip(BANDS, edited["multiple"].fillna(0), strict=True)})

table = _table(name, version, as_of, behaviour or None, solvency_rule.to_dict(),
               limit_rule.to_dict())
has_limits = table["credit_limit"].notna().any()
has_names = "name" in table.columns


def _who(frame: pd.DataFrame, n: int = 3) -> str:
    col = "name" if has_names else "customer_id"
    names = ", ".join(str(v) for v in frame[col].head(n))
    return names + (tn("risk.and_more", len(frame) - n, n=fmt_number(len(frame) - n, lang))
                    if len(frame) > n else "")


MONEY = {c: "money" for c in ("outstanding", "overdue", *BUCKETS, "credit_limit", "headroom",
                              "monthly_purchases", "recommended_limit")}
LABELS = {c: t(f"risk.col_{c}") for c in (
    "outstanding", "overdue", *BUCKETS, "utilisation", "over_limit", "headroom", "n_due",
    "late_frequency", "mean_delay_days", "score", "band", "pd", "monthly_purchases",
    "recommended_limit")}

# -- view: ageing balance -----------------------------------------------------------------
if view == "aging":
    st.subheader(t("risk.aging_title"))
    st.caption(t("risk.aging_caption", as_of=fmt_date(as_of, lang)))
    open_ = table[table["outstanding"] > 0]
    totals = aging_totals(open_.rename(columns={"outstanding": "total"}))
    if k["outstanding"] <= 0:
        st.info(t("risk.nothing_open", as_of=fmt_date(as_of, lang)))
    else:
        st.altair_chart(aging_chart(totals, lang, {
            "bucket": t("risk.axis_bucket"), "amount": t("risk.axis_amount_ttc"),
            "share": t("risk.axis_share"), "customers": t("risk.axis_customers")},
            BUCKET_NAMES), key="risk_aging_chart")
        severe = open_[(open_["late_61_90"] + open_["late_over_90"]) > 0].sort_values(
            "late_over_90", ascending=False)
        sev_amount = float(severe["late_61_90"].sum() + severe["late_over_90"].sum())
        st.write(t("risk.read_aging", overdue=fmt_pct(k["overdue_share"], lang),
                   late30=fmt_money(totals.set_index("bucket").loc["late_1_30", "amount"], lang),
                   severe=fmt_money(sev_amount, lang),
                   severe_share=fmt_pct(sev_amount / k["outstanding"], lang),
                   customers=tn("risk.n_customers", len(severe),
                                n=fmt_number(len(severe), lang)))
                 + (" " + one_stop(t("risk.read_aging_who", who=_who(severe)))
                    if len(severe) else ""))
        only_late = st.toggle(t("risk.only_overdue"), value=False, key="risk_only_overdue")
        shown = open_[open_["overdue"] > 0] if only_late else open_
        cols = ["customer_id", *(["name"] if has_names else []), "outstanding",
                *(["credit_limit", "utilisation"] if has_limits else []), "overdue", *BUCKETS]
        show_table(shown[cols], key="risk_aging", filename=t("risk.aging_file"), lang=lang,
                   labels=LABELS, formats={**MONEY, "utilisation": "pct"}, max_rows=300)

# -- view: DSO ------------------------------------------------------------------------------
elif view == "dso":
    st.subheader(t("risk.dso_title"))
    st.caption(t("risk.dso_caption", window=window, days=year_days * window // 12,
                 year=year_days))
    trend = _trend(name, version, as_of, window, year_days)
    if trend["dso_days"].notna().sum() == 0:
        st.info(t("risk.read_dso_none"))
    else:
        st.altair_chart(dso_chart(trend, lang, {
            "date": t("risk.axis_month"), "dso": t("risk.axis_dso"),
            "receivables": t("risk.col_outstanding"), "revenue": t("risk.axis_revenue_ttc"),
            "terms": t("risk.terms_line"), "complete": t("risk.axis_complete"),
            "yes": t("common.yes"), "no": t("common.no")}, k["mean_terms_days"]),
            key="risk_dso_chart")
        valid = trend.dropna(subset=["dso_days"])
        first, last = valid.iloc[0], valid.iloc[-1]
        change = last["dso_days"] - first["dso_days"]
        key = "risk.read_trend_up" if change > 0.5 else (
            "risk.read_trend_down" if change < -0.5 else "risk.read_trend_flat")
        st.write(t(key, last=fmt_number(last["dso_days"], lang),
                   first=fmt_number(first["dso_days"], lang),
                   since=fmt_date(first["date"], lang, "month_name"),
                   diff=fmt_number(abs(change), lang),
                   cash=fmt_money(abs(change) * last["revenue_ttc"] / (year_days * window / 12),
                                  lang)))
        if not trend["window_complete"].all():
            st.caption(t("risk.incomplete_note"))
        show_table(trend.drop(columns=["window_complete"]), key="risk_dso",
                   filename=t("risk.dso_file"), lang=lang,
                   labels={"date": t("risk.axis_month"), "receivables": LABELS["outstanding"],
                           "overdue": LABELS["overdue"],
                           "revenue_ttc": t("risk.axis_revenue_ttc"),
                           "dso_days": t("risk.axis_dso"), "turnover": t("risk.kpi_turnover")},
                   formats={"date": "date", "receivables": "money", "overdue": "money",
                            "revenue_ttc": "money", "dso_days": "number1",
                            "turnover": "number1"})

# -- view: solvency and limits ------------------------------------------------------------
else:
    st.subheader(t("risk.solvency_title"))
    st.caption(t("risk.solvency_caption"))
    by_band = table.groupby("band").agg(outstanding=("outstanding", "sum"),
                                        customers=("customer_id", "size"),
                                        over_limit=("over_limit", "sum"))
    by_band = by_band.reindex(BANDS, fill_value=0).reset_index()
    band_labels = {f"band_{b}": t(f"risk.band_{b}") for b in BANDS}
    st.altair_chart(band_chart(by_band, lang, {
        "band": t("risk.col_band"), "outstanding": t("risk.col_outstanding"),
        "customers": t("risk.axis_customers"), "over_limit": t("risk.col_over_limit"),
        **band_labels}, BANDS), key="risk_band_chart")
    worst = [b for b in BANDS if b != "unrated"][-2:]
    risky = table[table["band"].isin(worst)]
    over = table[table["over_limit"]].sort_values("headroom")
    sentence = tn("risk.read_bands", len(risky), n=fmt_number(len(risky), lang),
                 bands=" / ".join(t(f"risk.band_{b}") for b in worst),
                 amount=fmt_money(risky["outstanding"].sum(), lang),
                 share=fmt_pct(risky["outstanding"].sum() / k["outstanding"]
                               if k["outstanding"] > 0 else None, lang))
    if has_limits:
        sentence += " " + (one_stop(tn("risk.read_over", len(over),
                                       n=fmt_number(len(over), lang),
                                       excess=fmt_money(-over["headroom"].sum(), lang),
                                       who=_who(over)))
                           if len(over) else t("risk.read_over_none"))
    st.write(sentence)
    rec_total = table["recommended_limit"].sum()
    cur_total = table["credit_limit"].sum()
    st.write(t("risk.read_recommended", total=fmt_money(rec_total, lang),
               current=fmt_money(cur_total, lang) if has_limits else "–"))
    if not ck.has_paid_date:
        st.info(t("risk.no_paid_date"))
    c1, c2 = st.columns(2)
    only_over = c1.toggle(t("risk.only_over"), value=False, key="risk_only_over",
                          disabled=not has_limits)
    band_filter = c2.multiselect(t("risk.band_filter"), BANDS, default=[],
                                 format_func=lambda b: t(f"risk.band_{b}"), key="risk_bands",
                                 placeholder=t("risk.all_bands"))
    shown = table
    if only_over:
        shown = shown[shown["over_limit"]]
    if band_filter:
        shown = shown[shown["band"].isin(band_filter)]
    shown = shown.assign(band=shown["band"].map(lambda b: t(f"risk.band_{b}")),
                         over_limit=shown["over_limit"].map(
                             lambda v: t("common.yes") if v else t("common.no")))
    # what a manager acts on first (exposure against the limit), then the why
    cols = ["customer_id", *(["name"] if has_names else []), "outstanding",
            *(["credit_limit", "utilisation", "over_limit"] if has_limits else []), "band",
            "recommended_limit", "overdue", "score", "late_frequency", "mean_delay_days",
            "n_due", "monthly_purchases", "pd"]
    show_table(shown[cols], key="risk_solvency", filename=t("risk.solvency_file"), lang=lang,
               labels=LABELS,
               formats={**MONEY, "utilisation": "pct", "late_frequency": "pct", "pd": "pct",
                        "mean_delay_days": "number1", "score": "number"}, max_rows=300)
