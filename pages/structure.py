"""Structure et ABC: how the portfolio is built. ABC / 20-80, concentration (Lorenz,
Gini), interquartile classes, sales statistics and product holding with cross-sell
targets. One view at a time (segmented control), each view: controls, chart, reading
sentence, table, export."""

import numpy as np
import pandas as pd
import streamlit as st

from core import structure as S
from ui import state
from ui.cards import metric_card
from ui.charts_structure import (
    box_chart,
    count_bars_chart,
    histogram_chart,
    holding_heatmap,
    lorenz_chart,
    pareto_chart,
    share_bars_chart,
)
from ui.format import fmt_date, fmt_delta, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_label, t
from ui.tables import download_buttons, show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
tx_cols = set(p.transactions.columns)
cu_cols = set(p.customers.columns) if p.customers is not None else set()

# Criteria from the transactions (summed per customer over a period) and numeric
# columns of the customers table (potential, credit limit...), "any numeric column".
TX_CRITERIA = ["amount"] + [c for c in ("margin", "quantity") if c in tx_cols] + ["orders"]
CU_CRITERIA = [
    c for c in ("potential", "credit_limit", "acquisition_cost", "payment_terms_days")
    if c in cu_cols and p.customers[c].notna().any()
]
PERIOD_MONTHS = {"12": 12, "24": 24, "36": 36, "all": None}
MONEY_CRITERIA = {"amount", "margin", "potential", "credit_limit", "acquisition_cost"}
LIST_LIMIT = 100


def plural(key: str, count: float, **kwargs) -> str:
    """``t(key)`` or ``t(key + "_one")`` from the number: singular under 2 in French
    ("1,5 famille"), for exactly 1 in English."""
    one = abs(count) < 2 if lang == "fr" else abs(count) == 1
    return t(key + "_one" if one else key, **kwargs)


def crit_label(c: str) -> str:
    return t(f"structure.crit_{c}")


def fmt_value(v, criterion: str, compact: bool = False) -> str:
    if criterion in MONEY_CRITERIA:
        return fmt_money(v, lang, compact=compact)
    return fmt_number(v, lang, 1 if criterion == "quantity" else 0)


# -- cached core calls ----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=32)
def _values(name: str, version: str, as_of: pd.Timestamp, criterion: str,
            months: int | None, offset: int = 0) -> pd.Series:
    pf = state.load_portfolio(name, version)
    if criterion in ("amount", "margin", "quantity", "orders"):
        totals = S.customer_totals(pf.transactions, as_of, months=months, offset=offset)
        return totals[criterion].astype("float64").rename(criterion)
    cu = pf.customers.dropna(subset=[criterion]).drop_duplicates("customer_id")
    return cu.set_index("customer_id")[criterion].astype("float64").rename(criterion)


@st.cache_data(show_spinner=False, max_entries=32)
def _abc(name, version, as_of, criterion, months, cuts, basis, rule):
    values = _values(name, version, as_of, criterion, months)
    result = S.abc_analysis(values, cuts=cuts, basis=basis, rule=rule, max_points=1500)
    full = S.pareto_curve(values, cuts=cuts, basis=basis, rule=rule)
    return result, full


@st.cache_data(show_spinner=False, max_entries=16)
def _concentration(name, version, as_of, criterion, months):
    cur = _values(name, version, as_of, criterion, months)
    out = {"current": S.concentration(cur),
           "lorenz_current": S.lorenz_curve(cur, max_points=800)}
    if criterion in TX_CRITERIA:
        prev = _values(name, version, as_of, criterion, months, offset=1)
        out["previous"] = S.concentration(prev)
        out["lorenz_previous"] = S.lorenz_curve(prev, max_points=800)
    return out


@st.cache_data(show_spinner=False, max_entries=16)
def _quartiles(name, version, as_of, criterion, months, method):
    values = _values(name, version, as_of, criterion, months)
    return (S.interquartile_summary(values, method), S.interquartile_table(values, method))


@st.cache_data(show_spinner=False, max_entries=16)
def _stats(name, version, as_of, value, unit, by, months, log):
    pf = state.load_portfolio(name, version)
    tx = pf.transactions
    period = by if by in S.PERIODS else None
    group = None if by in (None, *S.PERIODS) else by
    if group is not None:
        tx = S.add_customer_attributes(tx, pf.customers, [group])
    stats = S.sales_statistics(tx, value=value, by=group, period=period, unit=unit,
                               as_of=as_of, months=months)
    values = S.sales_values(tx, value=value, unit=unit, as_of=as_of, months=months)
    # linear bins over the 1st-99th percentiles so a few huge invoices do not squeeze
    # every other bar into one; the log scale shows everything above zero
    return stats, S.histogram(values, bins=30, log=log,
                              quantiles=(0.0, 1.0) if log else (0.01, 0.99))


@st.cache_data(show_spinner=False, max_entries=16)
def _holding(name, version, as_of, months):
    pf = state.load_portfolio(name, version)
    matrix = S.holding_matrix(pf.transactions, as_of, months=months)
    return matrix, S.families_per_customer(matrix), S.family_penetration(matrix)


@st.cache_data(show_spinner=False, max_entries=16)
def _gaps(name, version, as_of, months, group_col, min_pen, min_holders):
    pf = state.load_portfolio(name, version)
    matrix = _holding(name, version, as_of, months)[0]
    groups = None
    if group_col is not None:
        groups = pf.customers.drop_duplicates("customer_id").set_index("customer_id")[group_col]
    return S.cross_sell_gaps(matrix, groups, min_penetration=min_pen, min_holders=min_holders)


def customer_names() -> pd.Series:
    if p.customers is None or "name" not in cu_cols:
        return pd.Series(dtype="object")
    return p.customers.drop_duplicates("customer_id").set_index("customer_id")["name"]


def period_text(months: int | None) -> str:
    if months is None:
        return t("structure.period_all_text", as_of=fmt_date(as_of, lang))
    return t("structure.period_months_text", months=months, as_of=fmt_date(as_of, lang))


# -- page -----------------------------------------------------------------------------
st.title(t("structure.title"))
st.write(t("structure.intro"))

VIEWS = ("abc", "concentration", "quartiles", "stats", "holding")
view = st.segmented_control(
    t("structure.view_label"), VIEWS, format_func=lambda v: t(f"structure.view_{v}"),
    default="abc", required=True, key="structure_view",
)


def criterion_controls():
    """Criterion and period shared by the ABC, concentration and interquartile views."""
    c1, c2 = st.columns(2)
    options = TX_CRITERIA + CU_CRITERIA
    criterion = c1.selectbox(t("structure.criterion_label"), options, format_func=crit_label,
                             key="structure_criterion", help=t("structure.criterion_help"))
    on_customers = criterion in CU_CRITERIA
    period = c2.selectbox(t("structure.period_label"), list(PERIOD_MONTHS),
                          format_func=lambda k: t(f"structure.period_{k}"),
                          key="structure_period", disabled=on_customers,
                          help=t("structure.period_help_customers") if on_customers
                          else t("structure.period_help"))
    return criterion, PERIOD_MONTHS[period], on_customers


def stop_if_empty(values: pd.Series, criterion: str, months) -> None:
    if len(values) == 0:
        st.info(t("structure.no_values", criterion=crit_label(criterion),
                  period=period_text(months)))
        st.stop()


# ===================================================================== ABC / 20-80
def render_abc():
    st.subheader(t("structure.abc_title"))
    st.caption(t("structure.abc_what"))
    criterion, months, on_customers = criterion_controls()
    c1, c2 = st.columns([2, 3])
    mode = c1.radio(t("structure.mode_label"), ("value", "count", "pareto"),
                    format_func=lambda m: t(f"structure.mode_{m}"), key="abc_mode",
                    help=t("structure.mode_help"))
    with c2:
        if mode == "value":
            lo, hi = st.slider(t("structure.cuts_value_label"), 50, 99, (80, 95), step=1,
                               format="%d %%", key="abc_cuts_value",
                               help=t("structure.cuts_value_help"))
            cuts, basis = (lo / 100, hi / 100), "value"
        elif mode == "count":
            lo, hi = st.slider(t("structure.cuts_count_label"), 1, 99, (10, 50), step=1,
                               format="%d %%", key="abc_cuts_count",
                               help=t("structure.cuts_count_help"))
            cuts, basis = (lo / 100, hi / 100), "count"
        else:
            top = st.slider(t("structure.cut_pareto_label"), 5, 50, 20, step=1, format="%d %%",
                            key="abc_cut_pareto", help=t("structure.cut_pareto_help"))
            cuts, basis = (top / 100,), "count"
        reach = st.toggle(t("structure.rule_label"), value=True, key="abc_rule",
                          help=t("structure.rule_help"))
    if len(cuts) == 2 and cuts[0] >= cuts[1]:
        st.warning(t("structure.cuts_equal"))
        st.stop()
    values = _values(name, version, as_of, criterion, None if on_customers else months)
    stop_if_empty(values, criterion, months)
    result, full = _abc(name, version, as_of, criterion, None if on_customers else months,
                        cuts, basis, "reach" if reach else "within")
    table = result.table
    # offered to the other pages (map colour, visit norms, route priority): the user's
    # tuned classes replace the default ones of state.customer_classes()
    state.publish_classes("abc", result.classes.astype("str"))

    bounds = table.reset_index()[["class", "cum_share_customers", "cum_share_value"]]
    bounds.columns = ["abc_class", "share_customers", "share_value"]
    labels = {"x": t("structure.axis_cum_customers"), "y": t("structure.axis_cum_value",
                                                             criterion=crit_label(criterion)),
              "class": t("structure.col_class")}
    total = float(values.sum())
    if total > 0:
        st.altair_chart(pareto_chart(result.pareto, bounds, lang, labels), key="abc_chart")
    else:
        st.warning(t("structure.total_not_positive", criterion=crit_label(criterion)))

    r = result.reading
    last = table.index[-1]
    sentence = plural("structure.abc_reading", r["n_customers"],
                      share_customers=fmt_pct(r["share_customers"], lang, 0),
                      label=r["label"], n=fmt_number(r["n_customers"], lang),
                      share_value=fmt_pct(r["share_value"], lang, 0),
                      of_criterion=t(f"structure.of_{criterion}"),
                      period=period_text(None if on_customers else months))
    sentence += " " + t("structure.abc_reading_last", label=last,
                        share_customers=fmt_pct(table.loc[last, "share_customers"], lang, 0),
                        share_value=fmt_pct(table.loc[last, "share_value"], lang, 0))
    n_nonpos = int((values <= 0).sum())
    if n_nonpos:
        sentence += " " + plural("structure.abc_reading_nonpos", n_nonpos,
                                 n=fmt_number(n_nonpos, lang), label=last)
    st.markdown(sentence)
    if mode == "pareto":
        top_share = r["share_value"]
        key = "structure.pareto_holds" if top_share >= 0.7 else "structure.pareto_weaker"
        st.caption(t(key, share=fmt_pct(top_share, lang, 0),
                     top=fmt_pct(r["share_customers"], lang, 0)))

    shown = table.reset_index()[["class", "n_customers", "share_customers", "value",
                                 "share_value", "mean_value", "cum_share_value"]]
    show_table(
        shown, key="abc_table", filename=t("structure.abc_file"), lang=lang,
        labels={"class": t("structure.col_class"), "n_customers": t("structure.col_customers"),
                "share_customers": t("structure.col_share_customers"),
                "value": crit_label(criterion),
                "share_value": t("structure.col_share_value"),
                "mean_value": t("structure.col_mean_value"),
                "cum_share_value": t("structure.col_cum_share_value")},
        formats={"n_customers": "number", "share_customers": "pct",
                 "value": "money" if criterion in MONEY_CRITERIA else "number",
                 "share_value": "pct",
                 "mean_value": "money" if criterion in MONEY_CRITERIA else "number1",
                 "cum_share_value": "pct"},
    )

    st.subheader(t("structure.abc_list_title"))
    st.caption(t("structure.abc_list_caption"))
    listing = full[["customer_id", "rank", "value", "share_value", "abc_class"]].copy()
    names = customer_names()
    if len(names):
        listing.insert(1, "name", listing["customer_id"].map(names))
    listing["abc_class"] = listing["abc_class"].astype(str)
    show_table(
        listing, key="abc_list", filename=t("structure.abc_list_file"), lang=lang,
        max_rows=LIST_LIMIT,
        labels={"value": crit_label(criterion), "share_value": t("structure.col_cum_share_value"),
                "abc_class": t("structure.col_class")},
        formats={"rank": "number", "share_value": "pct",
                 "value": "money" if criterion in MONEY_CRITERIA else "number"},
    )


# ===================================================================== concentration
def signed(x: float, decimals: int) -> str:
    """"+0,02" / "-0,01": a change with an ASCII sign (st.metric colours it)."""
    text = fmt_number(x, lang, decimals)
    return ("+" + text) if x > 0 and text.strip("0,.-") else text


def gini_word(g: float) -> str:
    if np.isnan(g):
        return t("structure.gini_none")
    for limit, key in ((0.3, "low"), (0.5, "moderate"), (0.7, "strong")):
        if g < limit:
            return t(f"structure.gini_{key}")
    return t("structure.gini_very_strong")


def render_concentration():
    st.subheader(t("structure.conc_title"))
    st.caption(t("structure.conc_what"))
    criterion, months, on_customers = criterion_controls()
    m = None if on_customers else (months or 12)
    values = _values(name, version, as_of, criterion, m)
    stop_if_empty(values, criterion, m)
    conc = _concentration(name, version, as_of, criterion, m)
    cur, prev = conc["current"], conc.get("previous")
    has_prev = prev is not None and prev["n_customers"] > 0
    cols = st.columns(4)
    vs = t("structure.vs_previous", months=m)

    def delta(key, kind="points"):
        return fmt_delta(cur[key], prev[key], lang, kind=kind) if has_prev else None

    metric_card(cols[0], t("structure.kpi_gini"), fmt_number(cur["gini"], lang, 2),
                t("structure.read_gini", word=gini_word(cur["gini"])),
                delta=signed(cur["gini"] - prev["gini"], 3) if has_prev else None,
                delta_color="inverse", help=t("structure.help_gini"),
                delta_description=vs)
    metric_card(cols[1], t("structure.kpi_top1"), fmt_pct(cur["top_1"], lang),
                t("structure.read_top1", share=fmt_pct(cur["top_1"], lang)),
                delta=delta("top_1"), delta_color="inverse", delta_description=vs)
    metric_card(cols[2], t("structure.kpi_top10"), fmt_pct(cur["top_10"], lang),
                t("structure.read_top10", share=fmt_pct(cur["top_10"], lang),
                  top5=fmt_pct(cur["top_5"], lang), top20=fmt_pct(cur["top_20"], lang)),
                delta=delta("top_10"), delta_color="inverse", delta_description=vs)
    metric_card(cols[3], t("structure.kpi_hhi"), fmt_number(cur["herfindahl"], lang, 3),
                plural("structure.read_hhi", round(cur["equivalent_customers"]),
                       n=fmt_number(cur["equivalent_customers"], lang),
                       total=fmt_number(cur["n_customers"], lang)),
                help=t("structure.help_hhi"))

    current_label = t("structure.period_current", months=m) if m else t("structure.period_now")
    curves = conc["lorenz_current"].assign(period=current_label)
    if has_prev:
        prev_label = t("structure.period_previous", months=m)
        curves = pd.concat([curves, conc["lorenz_previous"].assign(period=prev_label)])
    st.altair_chart(lorenz_chart(curves, lang, {
        "x": t("structure.axis_lorenz_customers"),
        "y": t("structure.axis_lorenz_value", criterion=crit_label(criterion)),
        "period": t("structure.col_period")}), key="lorenz_chart")

    sentence = t("structure.conc_reading", gini=fmt_number(cur["gini"], lang, 2),
                 word=gini_word(cur["gini"]), top1=fmt_pct(cur["top_1"], lang),
                 top1_value=fmt_value(cur["top_1"] * cur["total"], criterion),
                 top10=fmt_pct(cur["top_10"], lang), of_criterion=t(f"structure.of_{criterion}"))
    if has_prev:
        change = cur["gini"] - prev["gini"]
        trend = ("concentrating" if change > 0.01 else "diluting" if change < -0.01
                 else "stable")
        sentence += " " + t(f"structure.conc_{trend}",
                            before=fmt_number(prev["gini"], lang, 2),
                            now=fmt_number(cur["gini"], lang, 2), months=m)
    st.markdown(sentence)

    metrics = ["n_customers", "total", "gini", "herfindahl", "equivalent_customers", "top_1",
               "top_5", "top_10", "top_20", "top_10pct"]
    rows = []
    for key in metrics:
        row = {"metric": t(f"structure.metric_{key}"), "current": cur[key]}
        if has_prev:
            row["previous"] = prev[key]
            row["change"] = cur[key] - prev[key]
        rows.append(row)
    frame = pd.DataFrame(rows)
    shares = {"top_1", "top_5", "top_10", "top_20", "top_10pct"}

    def fmt_cell(key, v, change=False):
        if pd.isna(v):
            return "–"
        if key in shares:
            if change:
                return fmt_delta(v, 0.0, lang, kind="points") or "0"
            return fmt_pct(v, lang)
        if key == "total":
            text = fmt_value(v, criterion)
        elif key in ("n_customers", "equivalent_customers"):
            text = fmt_number(v, lang)
        else:
            text = fmt_number(v, lang, 3)
        return ("+" + text) if change and v > 0 and text.strip("0,.") else text

    shown = frame.copy()
    for col in [c for c in ("previous", "current", "change") if c in shown.columns]:
        shown[col] = [fmt_cell(k, v, col == "change")
                      for k, v in zip(metrics, frame[col], strict=True)]
    order = ["metric"] + [c for c in ("previous", "current", "change") if c in shown.columns]
    lab = {"metric": t("structure.col_metric"),
           "previous": t("structure.period_previous", months=m) if m else "",
           "current": current_label, "change": t("structure.col_change")}
    config = {lab[c]: st.column_config.TextColumn(lab[c], alignment="right")
              for c in order[1:]}
    st.dataframe(shown[order].rename(columns=lab), hide_index=True, key="conc_df",
                 column_config=config)
    download_buttons(frame[order], key="conc_table", filename=t("structure.conc_file"),
                     lang=lang, labels=lab)


# ===================================================================== interquartiles
def render_quartiles():
    st.subheader(t("structure.iq_title"))
    st.caption(t("structure.iq_what"))
    criterion, months, on_customers = criterion_controls()
    method = st.radio(t("structure.iq_method_label"), ("linear", "inverted_cdf"),
                      format_func=lambda k: t(f"structure.iq_method_{k}"), horizontal=True,
                      key="iq_method", help=t("structure.iq_method_help"))
    m = None if on_customers else months
    values = _values(name, version, as_of, criterion, m)
    stop_if_empty(values, criterion, m)
    summary, table = _quartiles(name, version, as_of, criterion, m, method)
    cols = st.columns(5)
    for col, key in zip(cols, ("q1", "median", "q3", "iqr"), strict=False):
        col.metric(t(f"structure.kpi_{key}"), fmt_value(summary[key], criterion),
                   help=t(f"structure.help_{key}"), border=True)
    cols[4].metric(t("structure.kpi_iqr_rel"), fmt_number(summary["iqr_over_median"], lang, 2),
                   help=t("structure.help_iqr_rel"), border=True)
    class_names = {k: t(f"structure.quarter_{k}") for k in S.QUARTILE_CLASSES}
    chart_data = table.reset_index().assign(
        class_label=lambda d: d["quartile_class"].map(class_names))
    st.altair_chart(share_bars_chart(chart_data, lang, {
        "class": t("structure.col_quarter"), "share": t("structure.axis_share"),
        "share_customers": t("structure.col_share_customers"),
        "share_value": t("structure.col_share_value")}), key="iq_chart")
    st.markdown(t("structure.iq_reading", q3=fmt_value(summary["q3"], criterion),
                  share4=fmt_pct(table.loc[4, "share_value"], lang, 0),
                  q1=fmt_value(summary["q1"], criterion),
                  share1=fmt_pct(table.loc[1, "share_value"], lang, 0),
                  median=fmt_value(summary["median"], criterion),
                  rel=fmt_number(summary["iqr_over_median"], lang, 2),
                  of_criterion=t(f"structure.of_{criterion}")))
    shown = chart_data[["class_label", "lower", "upper", "n_customers", "share_customers",
                        "value", "share_value", "mean_value"]]
    money = criterion in MONEY_CRITERIA
    show_table(shown, key="iq_table", filename=t("structure.iq_file"), lang=lang,
               labels={"class_label": t("structure.col_quarter"),
                       "lower": t("structure.col_lower"), "upper": t("structure.col_upper"),
                       "n_customers": t("structure.col_customers"),
                       "share_customers": t("structure.col_share_customers"),
                       "value": crit_label(criterion),
                       "share_value": t("structure.col_share_value"),
                       "mean_value": t("structure.col_mean_value")},
               formats={"lower": "money" if money else "number1",
                        "upper": "money" if money else "number1",
                        "n_customers": "number", "share_customers": "pct",
                        "value": "money" if money else "number", "share_value": "pct",
                        "mean_value": "money" if money else "number1"})


# ===================================================================== statistics
def render_stats():
    st.subheader(t("structure.stats_title"))
    st.caption(t("structure.stats_what"))
    c1, c2, c3, c4 = st.columns(4)
    value = c1.selectbox(t("structure.stats_value_label"),
                         ["amount"] + [c for c in ("margin", "quantity") if c in tx_cols],
                         format_func=crit_label, key="stats_value")
    units = ["row", "customer"] + (["invoice"] if "invoice_id" in tx_cols else [])
    unit = c2.selectbox(t("structure.stats_unit_label"), units,
                        format_func=lambda u: t(f"structure.unit_{u}"), key="stats_unit",
                        help=t("structure.stats_unit_help"))
    groups = [None, "year", "quarter", "month"]
    groups += [c for c in ("family",) if c in tx_cols]
    groups += [c for c in ("sales_rep", "sector", "size", "kind", "status") if c in cu_cols]
    if "postal_code" in cu_cols:
        groups.append("department")
    by = c3.selectbox(t("structure.stats_by_label"), groups,
                      format_func=lambda g: t(f"structure.by_{g or 'none'}"), key="stats_by")
    period = c4.selectbox(t("structure.period_label"), list(PERIOD_MONTHS),
                          format_func=lambda k: t(f"structure.period_{k}"), key="stats_period")
    log = st.toggle(t("structure.log_label"), value=False, key="stats_log",
                    help=t("structure.log_help"))
    months = PERIOD_MONTHS[period]
    stats, hist = _stats(name, version, as_of, value, unit, by, months, log)
    if stats["count"].sum() == 0:
        st.info(t("structure.stats_empty", period=period_text(months)))
        return
    unit_word = t(f"structure.unit_word_{unit}")
    crit = crit_label(value)
    fmt_kind = "money" if value in MONEY_CRITERIA else "number1"
    if by is None:
        st.altair_chart(histogram_chart(hist, lang, {
            "x": t("structure.axis_value_per", criterion=crit, unit=unit_word),
            "count": t("structure.axis_count", unit=unit_word)}, log=log), key="stats_hist")
        if hist.attrs.get("n_excluded"):
            key = "structure.log_excluded" if log else "structure.hist_trimmed"
            st.caption(plural(key, hist.attrs["n_excluded"],
                              n=fmt_number(hist.attrs["n_excluded"], lang)))
    else:
        box = stats.reset_index()
        key_col = box.columns[0]
        box["group_label"] = [group_label(by, g) for g in box[key_col]]
        box = box.head(40)
        st.altair_chart(box_chart(box, lang, {
            "group": t(f"structure.by_{by}"), "value": t("structure.axis_value_per",
                                                         criterion=crit, unit=unit_word),
            "min": t("structure.stat_min"), "d1": "D1", "q1": "Q1",
            "median": t("structure.stat_median"), "q3": "Q3", "d9": "D9",
            "max": t("structure.stat_max"), "mean": t("structure.stat_mean"),
            "count": t("structure.stat_count")}, log=log), key="stats_box")
        st.caption(t("structure.box_caption"))
    overall = _stats(name, version, as_of, value, unit, None, months, False)[0].iloc[0]
    ratio = overall["mean"] / overall["median"] if overall["median"] else np.nan
    sentence = plural("structure.stats_reading", overall["count"],
                      n=fmt_number(overall["count"], lang), unit=unit_word,
                      median=fmt_value(overall["median"], value),
                      mean=fmt_value(overall["mean"], value),
                      q1=fmt_value(overall["q1"], value), q3=fmt_value(overall["q3"], value),
                      criterion=crit.lower())
    if not np.isnan(ratio) and ratio > 1.2:
        sentence += " " + t("structure.stats_skewed", ratio=fmt_number(ratio, lang, 1),
                            cv=fmt_number(overall["cv"], lang, 1))
    elif not np.isnan(overall["cv"]):
        sentence += " " + t("structure.stats_cv", cv=fmt_number(overall["cv"], lang, 1))
    st.markdown(sentence)
    shown = stats.reset_index()
    first = shown.columns[0]
    if by is None:
        shown[first] = t("structure.all_rows")
    else:
        shown[first] = [group_label(by, g) for g in shown[first]]
    shown = shown.rename(columns={first: "group"})
    show_table(shown, key="stats_table", filename=t("structure.stats_file"), lang=lang,
               labels={"group": t(f"structure.by_{by or 'none'}"),
                       **{c: t(f"structure.stat_{c}") for c in S._STAT_COLUMNS}},
               formats={"count": "number", "sum": fmt_kind, "mean": fmt_kind,
                        "std": fmt_kind, "cv": "number1", "min": fmt_kind, "d1": fmt_kind,
                        "q1": fmt_kind, "median": fmt_kind, "q3": fmt_kind, "d9": fmt_kind,
                        "max": fmt_kind, "iqr": fmt_kind})


def group_label(by, g) -> str:
    if g is None or (not isinstance(g, str) and pd.isna(g)):
        return t("structure.missing_group")
    if by == "year":
        return str(pd.Timestamp(g).year)
    if by == "quarter":
        ts = pd.Timestamp(g)
        return f"T{ts.quarter} {ts.year}" if lang == "fr" else f"Q{ts.quarter} {ts.year}"
    if by == "month":
        return fmt_date(g, lang, "month_name")
    return str(g)


# ===================================================================== product holding
def render_holding():
    st.subheader(t("structure.hold_title"))
    st.caption(t("structure.hold_what"))
    if "family" not in tx_cols or p.transactions["family"].notna().sum() == 0:
        st.info(t("structure.hold_no_family"))
        return
    c1, c2 = st.columns(2)
    period = c1.selectbox(t("structure.period_label"), list(PERIOD_MONTHS),
                          format_func=lambda k: t(f"structure.period_{k}"), key="hold_period")
    months = PERIOD_MONTHS[period]
    top_n = c2.slider(t("structure.hold_top_label"), 10, 100, 30, step=5, key="hold_top",
                      help=t("structure.hold_top_help"))
    matrix, dist, pen = _holding(name, version, as_of, months)
    if matrix.empty:
        st.info(t("structure.no_values", criterion=crit_label("amount"),
                  period=period_text(months)))
        return
    n_fam = matrix.shape[1]
    held = (matrix > 0).sum(axis=1)
    top = matrix.sum(axis=1).sort_values(ascending=False).head(top_n).index
    names = customer_names()
    long = matrix.loc[top].stack().rename("value").reset_index()
    long.columns = ["customer_id", "family", "value"]
    long["held"] = long["value"] > 0
    long["customer_label"] = [f"{c} · {names.get(c, '')}"[:38] if len(names) else c
                              for c in long["customer_id"]]
    st.altair_chart(holding_heatmap(long, lang, {
        "customer": plural("structure.hold_axis_customer", len(top), n=len(top)),
        "family": column_label("family", lang), "value": crit_label("amount")}),
        key="hold_heatmap")
    mean_fam = round(float(held.mean()), 1)
    st.markdown(plural("structure.hold_reading", mean_fam,
                       mean=fmt_number(mean_fam, lang, 1), n=n_fam,
                       one=fmt_pct((held == 1).mean(), lang, 0),
                       all=fmt_pct((held >= max(n_fam - 1, 1)).mean(), lang, 0),
                       best=pen.index[0],
                       best_pen=fmt_pct(pen["penetration"].iloc[0], lang, 0),
                       worst=pen.index[-1],
                       worst_pen=fmt_pct(pen["penetration"].iloc[-1], lang, 0),
                       period=period_text(months)))
    c1, c2 = st.columns([2, 3])
    with c1:
        st.markdown("**" + t("structure.hold_dist_title") + "**")
        bars = dist.reset_index().rename(columns={"n_families": "category",
                                                  "n_customers": "count",
                                                  "share_customers": "share"})
        st.altair_chart(count_bars_chart(bars, lang, {
            "category": t("structure.hold_axis_families"),
            "count": t("structure.col_customers")}), key="hold_dist")
    with c2:
        st.markdown("**" + t("structure.hold_pen_title") + "**")
        show_table(pen.reset_index(), key="hold_pen", filename=t("structure.hold_pen_file"),
                   lang=lang, labels={"holders": t("structure.col_holders"),
                                      "penetration": t("structure.col_penetration"),
                                      "value": crit_label("amount"),
                                      "mean_per_holder": t("structure.col_mean_per_holder")},
                   formats={"holders": "number", "penetration": "pct", "value": "money",
                            "mean_per_holder": "money"})

    st.subheader(t("structure.gaps_title"))
    st.caption(t("structure.gaps_what"))
    group_options = [None] + [c for c in ("sector", "size", "kind", "sales_rep", "city")
                              if c in cu_cols]
    c1, c2, c3 = st.columns(3)
    group_col = c1.selectbox(t("structure.gaps_group_label"), group_options,
                             format_func=lambda g: t("structure.gaps_group_none") if g is None
                             else column_label(g, lang),
                             index=1 if len(group_options) > 1 else 0, key="gaps_group")
    min_pen = c2.slider(t("structure.gaps_pen_label"), 30, 95, 50, step=5, format="%d %%",
                        key="gaps_pen", help=t("structure.gaps_pen_help"))
    min_holders = c3.number_input(t("structure.gaps_holders_label"), 1, 50, 3, step=1,
                                  key="gaps_holders", help=t("structure.gaps_holders_help"))
    gaps = _gaps(name, version, as_of, months, group_col, min_pen / 100, int(min_holders))
    if gaps.empty:
        st.info(t("structure.gaps_none"))
        return
    n_customers = gaps["customer_id"].nunique()
    st.markdown(t("structure.gaps_reading",
                  targets=plural("structure.gaps_targets", len(gaps),
                                 n=fmt_number(len(gaps), lang)),
                  customers=plural("structure.gaps_customers", n_customers,
                                   n=fmt_number(n_customers, lang)),
                  stake=fmt_money(gaps["revenue_at_stake"].sum(), lang),
                  family=gaps.groupby("family")["revenue_at_stake"].sum().idxmax(),
                  pen=fmt_pct(min_pen / 100, lang, 0)))
    shown = gaps[["customer_id", "family", "revenue_at_stake", "penetration", "holders",
                  "peers", "group"]].copy()
    if len(names):
        shown.insert(1, "name", shown["customer_id"].map(names))
    if group_col is None:
        shown = shown.drop(columns="group")
    show_table(shown, key="gaps_table", filename=t("structure.gaps_file"), lang=lang,
               max_rows=LIST_LIMIT,
               labels={"group": column_label(group_col, lang) if group_col else "",
                       "holders": t("structure.col_holders"),
                       "peers": t("structure.col_peers"),
                       "penetration": t("structure.col_penetration_peers"),
                       "revenue_at_stake": t("structure.col_stake")},
               formats={"holders": "number", "peers": "number", "penetration": "pct",
                        "revenue_at_stake": "money"})


{"abc": render_abc, "concentration": render_concentration, "quartiles": render_quartiles,
 "stats": render_stats, "holding": render_holding}[view]()
