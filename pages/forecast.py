"""Prévisions: monthly revenue forecast = least-squares trend x seasonal coefficients,
in total or per customer / segment / rep / family, with a backtest on the last 6 months
against the naive seasonal forecast, and the sum of individual forecasts against the
global one."""

import numpy as np
import pandas as pd
import streamlit as st

from core import forecast as F
from ui import state
from ui.cards import metric_card
from ui.charts_structure import backtest_chart, coefficients_chart, forecast_chart
from ui.format import fmt_date, fmt_delta, fmt_money, fmt_number, fmt_pct, month_names
from ui.i18n import t
from ui.tables import display_frame, download_buttons, show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
tx_cols = set(p.transactions.columns)
cu_cols = set(p.customers.columns) if p.customers is not None else set()
HOLDOUT = 6
TOTAL = "total"


@st.cache_data(show_spinner=False, max_entries=16)
def _model(name, version, as_of, value, by, horizon, method):
    pf = state.load_portfolio(name, version)
    history = F.monthly_series(pf.transactions, as_of, value=value, by=by,
                               customers=pf.customers)
    if len(history) < 2:
        return history, None, None, None, None
    groups = history
    if by is not None:  # the groups and their sum, each with its own model
        history = history.assign(**{TOTAL: history.sum(axis=1)})
    model = F.TrendSeasonal(method=method).fit(history)
    forecast = model.predict(horizon)
    # the "total" column is backtested with its own model, as it is forecast (a
    # history that already has a "total" column is not summed again by core)
    backtest = F.backtest(history, holdout=HOLDOUT, method=method) \
        if len(history) >= HOLDOUT + 2 else None
    aggregation = F.compare_aggregation(groups, horizon, method=method) \
        if by is not None else None
    return history, model, forecast, backtest, aggregation


st.title(t("forecast.title"))
st.write(t("forecast.intro"))

# "total" rather than None: a None option reads as "no choice" once written back
# through st.session_state (state.refresh_widget_labels on a language switch)
levels = ["total"] + [c for c in ("sales_rep", "sector", "kind") if c in cu_cols]
levels += [c for c in ("family",) if c in tx_cols] + ["customer_id"]
c1, c2, c3, c4 = st.columns([3, 3, 3, 3])
level = c1.selectbox(t("forecast.level_label"), levels,
                     format_func=lambda g: t(f"forecast.level_{g}"), key="fc_level",
                     help=t("forecast.level_help"))
by = None if level == "total" else level
value = c2.selectbox(t("forecast.value_label"),
                     ["amount"] + (["margin"] if "margin" in tx_cols else []),
                     format_func=lambda v: t(f"forecast.value_{v}"), key="fc_value")
horizon = c3.slider(t("forecast.horizon_label"), 3, 12, 12, step=1, key="fc_horizon",
                    help=t("forecast.horizon_help"))
method = c4.radio(t("forecast.method_label"), F.METHODS,
                  format_func=lambda m: t(f"forecast.method_{m}"), key="fc_method",
                  help=t("forecast.method_help"))

history, model, forecast, backtest, aggregation = _model(name, version, as_of, value, by,
                                                          horizon, method)
if model is None:
    st.info(t("forecast.too_short", n=len(history), as_of=fmt_date(as_of, lang)))
    st.stop()

names = pd.Series(dtype="object")
if by == "customer_id" and "name" in cu_cols:
    names = p.customers.drop_duplicates("customer_id").set_index("customer_id")["name"]


def group_label(g: str) -> str:
    if g == TOTAL:
        return t("forecast.all_groups") if by is not None else t("forecast.whole_portfolio")
    if by == "customer_id" and g in names.index and pd.notna(names[g]):
        return f"{g} · {names[g]}"
    return t("forecast.missing_group") if g == "(none)" else str(g)


series = TOTAL
if by is not None:
    groups = [g for g in history.columns if g != TOTAL]
    ranked = history[groups].tail(12).sum().sort_values(ascending=False).index.tolist()
    series = st.selectbox(t("forecast.series_label", level=t(f"forecast.level_{by}")),
                          [TOTAL] + ranked, format_func=group_label, key="fc_series",
                          help=t("forecast.series_help"))

params = model.params_.loc[series]
fc = forecast[series]
last_actual = history[series].tail(horizon)
money = lambda v: fmt_money(v, lang)  # noqa: E731
first_m = fmt_date(fc.index[0], lang, "month_name")
last_m = fmt_date(fc.index[-1], lang, "month_name")
hist_end = fmt_date(history.index[-1], lang, "month_name")
# the actual months the forecast is compared with: calendar months, all complete (the
# Overview's "12 months" are rolling days up to the reference date: another figure)
span = t("forecast.span", start=fmt_date(last_actual.index[0], lang, "month"),
         end=fmt_date(last_actual.index[-1], lang, "month"))


def plural(key: str, count: float, **kwargs) -> str:
    """``t(key)`` or ``t(key + "_one")`` from the number: singular under 2 in French,
    for exactly 1 in English."""
    one = abs(count) < 2 if lang == "fr" else abs(count) == 1
    return t(key + "_one" if one else key, **kwargs)


def r_word(r: float) -> str:
    """How well the straight line follows the series (|r|)."""
    if np.isnan(r):
        return "none"
    r = abs(r)
    return "strong" if r >= 0.8 else "moderate" if r >= 0.5 else "weak"


cols = st.columns(4)
metric_card(cols[0], t("forecast.kpi_forecast", h=horizon),
            fmt_money(fc.sum(), lang, compact=True),
            t("forecast.read_forecast", first=first_m, last=last_m,
              prev=money(last_actual.sum()), span=span),
            delta=fmt_delta(fc.sum(), last_actual.sum(), lang),
            delta_description=t("forecast.vs_last", n=len(last_actual)),
            help=t("forecast.help_forecast", span=span))
slope = float(params["slope"])
metric_card(cols[1], t("forecast.kpi_trend"),
            ("+" if slope > 0 else "") + fmt_money(slope, lang),
            t("forecast.read_trend_" + r_word(params["r"]), r=fmt_number(params["r"], lang, 2)),
            help=t("forecast.help_trend"))
scores = backtest.scores.loc[series] if backtest is not None else None
if scores is not None:
    better = scores["mape"] <= scores["mape_naive"] if not np.isnan(scores["mape_naive"]) \
        else True
    metric_card(cols[2], t("forecast.kpi_mape"), fmt_pct(scores["mape"], lang),
                t("forecast.read_mape", naive=fmt_pct(scores["mape_naive"], lang),
                  h=HOLDOUT), help=t("forecast.help_mape"))
    metric_card(cols[3], t("forecast.kpi_naive"), fmt_pct(scores["mape_naive"], lang),
                t("forecast.read_naive_" + ("worse" if better else "better")),
                help=t("forecast.help_naive"))
else:
    metric_card(cols[2], t("forecast.kpi_mape"), "–", t("forecast.no_backtest", n=HOLDOUT + 2))
    metric_card(cols[3], t("forecast.kpi_naive"), "–", t("forecast.no_backtest", n=HOLDOUT + 2))

st.subheader(t("forecast.chart_title", series=group_label(series)))
comp = model.components(horizon)
comp = comp[comp["group"] == series]
labels = {"month": t("forecast.col_month"), "amount": t(f"forecast.value_{value}"),
          "actual": t("forecast.series_actual"), "fitted": t("forecast.series_fitted"),
          "forecast": t("forecast.series_forecast"), "trend": t("forecast.series_trend"),
          "coefficient": t("forecast.col_coefficient")}
st.altair_chart(forecast_chart(comp, lang, labels), key="fc_chart")
st.caption(t("forecast.chart_caption", last=hist_end, first=first_m))

coefs = model.coefficients_[series]
seasonal = bool(params["seasonal"])
change = (fc.sum() - last_actual.sum()) / abs(last_actual.sum()) if last_actual.sum() else None
sentence = t("forecast.reading", first=first_m, last=last_m, total=money(fc.sum()),
             change=fmt_pct(change, lang, signed=True) if change is not None else "–",
             span=span, slope=money(abs(slope)),
             direction=t("forecast.up" if slope >= 0 else "forecast.down"),
             r=fmt_number(params["r"], lang, 2))
if seasonal:
    mn = month_names(lang)
    hi_m, lo_m = int(coefs.idxmax()), int(coefs.idxmin())
    sentence += " " + t("forecast.reading_season", high=mn[hi_m - 1],
                        high_pct=fmt_pct(coefs[hi_m] - 1, lang, 0, signed=True),
                        low=mn[lo_m - 1], low_pct=fmt_pct(coefs[lo_m] - 1, lang, 0, signed=True))
else:
    sentence += " " + t("forecast.reading_no_season", n=len(history))
st.markdown(sentence)

c1, c2 = st.columns([3, 2])
with c1:
    st.markdown("**" + t("forecast.table_title") + "**")
    table = comp[comp["kind"] == "forecast"][["month", "trend", "coefficient", "model"]]
    table = table.assign(coefficient=table["coefficient"].round(3)).rename(
        columns={"model": "forecast"})
    # shown with exactly 3 decimals in the language ("1,000" / "1.000"); the downloads
    # keep the numbers
    tlabels = {"month": t("forecast.col_month"), "trend": t("forecast.col_trend"),
               "coefficient": t("forecast.col_coefficient"),
               "forecast": t("forecast.col_forecast")}
    tformats = {"month": "month", "trend": "money", "forecast": "money"}
    view = display_frame(table, lang, tformats, tlabels)
    view[tlabels["coefficient"]] = table["coefficient"].map(
        lambda v: fmt_number(v, lang, 3)).astype("object").to_numpy()
    config = {tlabels[c]: st.column_config.TextColumn(tlabels[c], alignment="right")
              for c in ("trend", "coefficient", "forecast")}
    st.dataframe(view, hide_index=True, column_config=config, key="fc_table_df")
    download_buttons(table, "fc_table", t("forecast.file", series=group_label(series)),
                     lang, tlabels)
with c2:
    st.markdown("**" + t("forecast.coef_title") + "**")
    if seasonal:
        cdata = pd.DataFrame({"month_name": list(month_names(lang)),
                              "coefficient": coefs.to_numpy()})
        st.altair_chart(coefficients_chart(cdata, lang, {
            "month": t("forecast.col_month"), "coefficient": t("forecast.col_coefficient")}),
            key="fc_coefs")
        st.caption(t("forecast.coef_caption"))
    else:
        st.info(t("forecast.no_season", n=len(history)))

st.subheader(t("forecast.bt_title", h=HOLDOUT))
if backtest is None:
    st.info(t("forecast.no_backtest", n=HOLDOUT + 2))
else:
    detail = backtest.detail[backtest.detail["group"] == series]
    st.altair_chart(backtest_chart(detail, lang, {
        "month": t("forecast.col_month"), "amount": t(f"forecast.value_{value}"),
        "actual": t("forecast.series_actual"), "forecast": t("forecast.series_model"),
        "naive": t("forecast.series_naive")}), key="fc_bt_chart")
    key = "forecast.bt_reading_better" if better else "forecast.bt_reading_worse"
    st.markdown(t(key, h=HOLDOUT, mape=fmt_pct(scores["mape"], lang),
                  naive=fmt_pct(scores["mape_naive"], lang),
                  wape=fmt_pct(scores["wape"], lang)))
    show_table(detail.drop(columns="group"), key="fc_bt_table",
               filename=t("forecast.bt_file"), lang=lang,
               labels={"month": t("forecast.col_month"), "actual": t("forecast.series_actual"),
                       "forecast": t("forecast.series_model"),
                       "naive": t("forecast.series_naive")},
               formats={"month": "month", "actual": "money", "forecast": "money",
                        "naive": "money"})

if by is not None:
    st.subheader(t("forecast.groups_title", level=t(f"forecast.level_{by}").lower()))
    groups = [g for g in history.columns if g != TOTAL]
    per = pd.DataFrame({
        "group": [group_label(g) for g in groups],
        "last": history[groups].tail(horizon).sum().to_numpy(),
        "forecast": forecast[groups].sum().to_numpy(),
    })
    with np.errstate(invalid="ignore", divide="ignore"):
        per["change"] = np.where(per["last"] != 0, (per["forecast"] - per["last"])
                                 / per["last"].abs(), np.nan)
    per["slope"] = model.params_.loc[groups, "slope"].to_numpy()
    per["r"] = model.params_.loc[groups, "r"].astype("float64").round(2).to_numpy()
    if backtest is not None:
        per["mape"] = backtest.scores.loc[groups, "mape"].to_numpy()
        per["mape_naive"] = backtest.scores.loc[groups, "mape_naive"].to_numpy()
    per = per.sort_values("forecast", ascending=False)
    gap = aggregation["gap"].sum()
    glob = aggregation["global"].sum()
    st.markdown(plural("forecast.agg_reading", len(groups), total=money(aggregation["sum_of_groups"].sum()),
                  glob=money(glob), gap=fmt_pct(gap / glob if glob else None, lang, signed=True),
                  n=fmt_number(len(groups), lang), level=t(f"forecast.level_{by}").lower()))
    show_table(per, key="fc_groups", filename=t("forecast.groups_file"), lang=lang,
               max_rows=100,
               labels={"group": t(f"forecast.level_{by}"),
                       "last": t("forecast.col_last", span=span),
                       "forecast": t("forecast.col_next", h=horizon),
                       "change": t("forecast.col_change"),
                       "slope": t("forecast.col_slope"), "r": "r",
                       "mape": t("forecast.col_mape"),
                       "mape_naive": t("forecast.col_mape_naive")},
               formats={"last": "money", "forecast": "money", "change": "pct",
                        "slope": "money", "mape": "pct", "mape_naive": "pct"},
               column_config={"r": st.column_config.NumberColumn("r", format="localized")})
    st.markdown("**" + t("forecast.agg_title") + "**")
    show_table(aggregation.reset_index(), key="fc_agg", filename=t("forecast.agg_file"),
               lang=lang,
               labels={"month": t("forecast.col_month"),
                       "sum_of_groups": t("forecast.col_sum_groups"),
                       "global": t("forecast.col_global"), "gap": t("forecast.col_gap"),
                       "gap_share": t("forecast.col_gap_share")},
               formats={"month": "month", "sum_of_groups": "money", "global": "money",
                        "gap": "money", "gap_share": "pct"})
