"""Overview (Vue d'ensemble): headline figures vs the previous 12 months, monthly sales,
top 10 customers."""

import pandas as pd
import streamlit as st

from core.features import monthly_sales, portfolio_kpis, top_customers
from ui import state
from ui.cards import metric_card
from ui.charts import monthly_sales_chart
from ui.format import fmt_date, fmt_delta, fmt_money, fmt_number, fmt_pct, relative_change
from ui.i18n import t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
has_margin = p.has("transactions", "margin")


@st.cache_data(show_spinner=False, max_entries=16)
def _kpis(name: str, version: str, as_of: pd.Timestamp) -> dict:
    p = state.load_portfolio(name, version)
    return portfolio_kpis(p.transactions, as_of, customers=p.customers)


@st.cache_data(show_spinner=False, max_entries=16)
def _monthly(name: str, version: str, as_of: pd.Timestamp) -> pd.DataFrame:
    return monthly_sales(state.load_portfolio(name, version).transactions, as_of, months=36)


def _trend(current, previous) -> str:
    change = relative_change(current, previous)
    if change is None:
        return t("overview.trend_none")
    if abs(change) < 0.005:
        return t("overview.trend_flat")
    key = "overview.trend_up" if change > 0 else "overview.trend_down"
    return t(key, pct=fmt_pct(abs(change), lang))


st.title(t("overview.title"))
st.write(t("overview.intro", portfolio=state.display_name(name), as_of=fmt_date(as_of, lang)))

k = _kpis(name, version, as_of)
money = lambda x: fmt_money(x, lang)  # noqa: E731
vs = t("overview.vs_prev")

row1 = st.columns(4)
prospects_known = p.customers is not None
metric_card(
    row1[0], t("overview.kpi_customers"), fmt_number(k["n_customers"], lang),
    t("overview.read_customers" if prospects_known else "overview.read_customers_no_table",
      n=fmt_number(k["n_customers"], lang), prospects=fmt_number(k["n_prospects"], lang)),
    help=t("overview.help_customers"),
)
metric_card(
    row1[1], t("overview.kpi_active"), fmt_number(k["active_customers"], lang),
    t("overview.read_active", n=fmt_number(k["active_customers"], lang),
      share=fmt_pct(k["active_customers"] / k["n_customers"] if k["n_customers"] else None,
                    lang, 0),
      prev=fmt_number(k["active_customers_prev"], lang)),
    delta=fmt_delta(k["active_customers"], k["active_customers_prev"], lang),
    help=t("overview.help_active"), delta_description=vs,
)
metric_card(
    row1[2], t("overview.kpi_revenue"), fmt_money(k["revenue_12m"], lang, compact=True),
    t("overview.read_revenue", value=money(k["revenue_12m"]),
      trend=_trend(k["revenue_12m"], k["revenue_prev_12m"]),
      prev=money(k["revenue_prev_12m"])),
    delta=fmt_delta(k["revenue_12m"], k["revenue_prev_12m"], lang),
    help=t("overview.help_revenue"), delta_description=vs,
)
if has_margin:
    metric_card(
        row1[3], t("overview.kpi_margin"), fmt_money(k["margin_12m"], lang, compact=True),
        t("overview.read_margin", value=money(k["margin_12m"]),
          trend=_trend(k["margin_12m"], k["margin_prev_12m"])),
        delta=fmt_delta(k["margin_12m"], k["margin_prev_12m"], lang),
        help=t("overview.help_margin"), delta_description=vs,
    )
else:
    metric_card(row1[3], t("overview.kpi_margin"), "–", t("overview.no_margin"))

row2 = st.columns(4)
if has_margin:
    rate = k["margin_rate_12m"]
    metric_card(
        row2[0], t("overview.kpi_margin_rate"), fmt_pct(rate, lang),
        t("overview.read_margin_rate",
          per100=fmt_money(rate * 100 if pd.notna(rate) else None, lang, decimals=2),
          prev=fmt_pct(k["margin_rate_prev_12m"], lang)),
        delta=fmt_delta(rate, k["margin_rate_prev_12m"], lang, kind="points"),
        help=t("overview.help_margin_rate"), delta_description=vs,
    )
else:
    metric_card(row2[0], t("overview.kpi_margin_rate"), "–", t("overview.no_margin"))
metric_card(
    row2[1], t("overview.kpi_basket"), money(k["avg_basket_12m"]),
    t("overview.read_basket", value=money(k["avg_basket_12m"]),
      prev=money(k["avg_basket_prev_12m"])),
    delta=fmt_delta(k["avg_basket_12m"], k["avg_basket_prev_12m"], lang),
    help=t("overview.help_basket"), delta_description=vs,
)
metric_card(
    row2[2], t("overview.kpi_orders"), fmt_number(k["orders_12m"], lang),
    t("overview.read_orders", n=fmt_number(k["orders_12m"], lang),
      prev=fmt_number(k["orders_prev_12m"], lang)),
    delta=fmt_delta(k["orders_12m"], k["orders_prev_12m"], lang),
    help=t("overview.help_orders"), delta_description=vs,
)
n_cn = k["credit_notes_12m"]
metric_card(
    row2[3], t("overview.kpi_credit_notes"), fmt_number(n_cn, lang),
    t("overview.read_credit_notes_one" if n_cn == 1 else "overview.read_credit_notes",
      n=fmt_number(n_cn, lang),
      amount=money(k["credit_notes_amount_12m"]),
      share=fmt_pct(abs(k["credit_notes_amount_12m"]) / k["revenue_12m"]
                    if k["revenue_12m"] else None, lang))
    if n_cn else t("overview.read_credit_notes_none"),
    help=t("overview.help_credit_notes"),
)

st.subheader(t("overview.monthly_title"))
st.caption(t("overview.monthly_caption"))
monthly = _monthly(name, version, as_of)
st.altair_chart(monthly_sales_chart(monthly, lang, show_margin=has_margin), key="monthly_chart")
last12 = monthly.tail(12)
if last12["revenue"].abs().sum() > 0:
    best, worst = last12.loc[last12["revenue"].idxmax()], last12.loc[last12["revenue"].idxmin()]
    st.write(t("overview.read_monthly",
               best=fmt_date(best["month"], lang, "month_name"), best_value=money(best["revenue"]),
               worst=fmt_date(worst["month"], lang, "month_name"),
               worst_value=money(worst["revenue"])))

st.subheader(t("overview.top_title"))
features = state.features()
top = top_customers(features, n=10, by="revenue_12m", customers=p.customers)
if k["revenue_12m"] > 0 and not top.empty:
    first = top.iloc[0]
    first_name = first.get("name") if "name" in top.columns and pd.notna(first.get("name")) \
        else first["customer_id"]
    st.write(t("overview.read_top", n=len(top), share=fmt_pct(top["share"].sum(), lang),
               first=first_name, first_share=fmt_pct(first["share"], lang)))
    show_table(
        top, key="top10", filename=t("overview.top_file"), lang=lang,
        formats={"revenue_12m": "money", "margin_12m": "money", "share": "pct",
                 "orders_12m": "number"},
    )
else:
    st.info(t("overview.no_sales_12m"))
