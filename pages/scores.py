"""Predictive scores (Scores prédictifs): churn, prospect conversion and late payment,
validated on a later period (time split), with gain / lift, ROC, calibration, the
confusion matrix, what drives the score, and today's target list by band A-E."""

import math

import pandas as pd
import streamlit as st

from core.scoring import (
    BANDS,
    MISSING_LABEL,
    OTHER_LABEL,
    OVERFIT_CUTS,
    TARGETS,
    confusion_at,
    overfit_level,
    plain_reading,
    roc_table,
    score_report,
)
from ui import state
from ui.cards import metric_card
from ui.charts_mining import (
    band_chart,
    calibration_chart,
    gain_chart,
    importance_chart,
    lift_chart,
    roc_chart,
)
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_label, t
from ui.tables import display_frame, show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
MODELS = ("logistic", "gbm")
MONEY = {"monetary", "margin", "avg_basket", "revenue_12m", "revenue_prev_12m", "potential",
         "open_amount", "overdue_amount", "overdue_30_amount"}
SHARES = {"late_frequency"}
DECIMALS = {"overdue_ratio": 1, "revenue_trend": 2}


@st.cache_data(show_spinner=False, max_entries=24)
def _report(name: str, version: str, when: pd.Timestamp, target: str, horizon: int,
            model: str, late_days: int, active_months: int, seed: int):
    pf = state.load_portfolio(name, version)
    return score_report(pf, target, as_of=when, horizon_months=horizon, model=model,
                        random_state=seed, active_months=active_months, late_days=late_days)


def feature_label(f: str) -> str:
    text = t(f"scores.feat_{f}")
    return column_label(f) if text.startswith("⟦") else text


def value_text(f: str, v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return t("scores.missing")
    if isinstance(v, str):
        return v
    if f in MONEY:
        return fmt_money(v, lang)
    if f in SHARES:
        return fmt_pct(v, lang, 0)
    if f not in DECIMALS and float(v).is_integer():
        return fmt_number(v, lang)
    return fmt_number(v, lang, DECIMALS.get(f, 0 if abs(v) >= 10 else 1))


def category_text(v: str) -> str:
    return {MISSING_LABEL: t("scores.missing"), OTHER_LABEL: t("scores.other")}.get(v, v)


def term_text(term: str) -> str:
    if " = " in term:
        f, v = term.split(" = ", 1)
        return f"{feature_label(f)} = {category_text(v)}"
    if term.endswith(f" {MISSING_LABEL}"):
        return f"{feature_label(term[:-len(MISSING_LABEL) - 1])} {t('scores.missing')}"
    return feature_label(term)


def names_info() -> pd.DataFrame:
    cols = [c for c in ("name", "sector", "sales_rep") if p.customers is not None
            and c in p.customers.columns]
    if not cols:
        return pd.DataFrame()
    c = p.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    return c.assign(customer_id=c["customer_id"].astype(str)).set_index("customer_id")[cols]


# -- controls ---------------------------------------------------------------------------
st.title(t("scores.title"))
st.write(t("scores.intro"))

c1, c2, c3 = st.columns([1.6, 1, 1.6])
# a language switch redraws these labels (ui.state.refresh_widget_labels)
target = c1.radio(t("scores.target_label"), TARGETS, key="sc_target",
                  format_func=lambda k: t(f"scores.target_{k}", lang=lang))
horizon = c2.slider(t("scores.horizon_label"), 1, 12, 6, key="sc_horizon",
                    help=t("scores.horizon_help"))
model = c3.radio(t("scores.model_label"), MODELS, key="sc_model",
                 format_func=lambda k: t(f"scores.model_{k}", lang=lang),
                 help=t("scores.model_help"))
with st.expander(t("scores.settings")):
    e1, e2, e3 = st.columns(3)
    late_days = e1.number_input(t("scores.late_days_label"), 0, 180, 30, step=5,
                                key="sc_late_days", help=t("scores.late_days_help"),
                                disabled=target != "default")
    active = e2.slider(t("scores.active_label"), 3, 24, 12, key="sc_active",
                       help=t("scores.active_help"), disabled=target != "churn")
    seed = e3.number_input(t("scores.seed_label"), 0, 9999, 0, step=1, key="sc_seed")

if target == "conversion" and not p.has("customers", "customer_id"):
    st.info(t("scores.needs_customers"), icon=":material/info:")
    st.stop()
if target == "default" and not p.has("receivables", "paid_date"):
    st.info(t("scores.needs_receivables"), icon=":material/info:")
    st.stop()

try:
    r = _report(name, version, as_of, target, int(horizon), model, int(late_days),
                int(active), int(seed))
except ValueError as exc:
    st.warning(t("scores.cannot_score", error=exc))
    st.caption(t("scores.cannot_hint"))
    st.stop()

# -- definition and timeline ------------------------------------------------------------
d = lambda x: fmt_date(x, lang)  # noqa: E731
def count_text(key: str, n: int) -> str:
    """"1 month" / "6 months", "1 jour" / "0 jour" / "30 jours": singular from the number."""
    one = n <= 1 if lang == "fr" else n == 1
    return t(f"scores.{key}_one" if one else f"scores.{key}", n=fmt_number(n, lang))


months = count_text("months", r.horizon_months)
st.write(t(f"scores.def_{target}", months=months, active=int(active),
           days=count_text("days", int(late_days))))
st.write(t("scores.timeline", c1=d(r.train_cutoff), c2=d(r.test_cutoff), as_of=d(r.as_of),
           n_train=fmt_number(r.train.n, lang), e_train=fmt_number(r.train.n_events, lang),
           n_test=fmt_number(r.test.n, lang), e_test=fmt_number(r.test.n_events, lang),
           n_now=fmt_number(r.current.n, lang)))
for note in r.notes:
    if "columns" in note:
        cols = ", ".join(feature_label(c) for c in note["columns"])
    elif "counts" in note:
        cols = ", ".join(f"{feature_label(c)} ({fmt_number(n, lang)})"
                         for c, n in note["counts"].items())
    else:
        cols = ""
    st.caption(t(f"scores.note_{note['code']}", columns=cols))

# -- headline figures -------------------------------------------------------------------
events = t(f"scores.events_{target}")
reading = r.reading
k1, k2, k3, k4 = st.columns(4)
metric_card(k1, t("scores.kpi_auc"), fmt_number(r.auc, lang, 2), t("scores.kpi_auc_read"))
metric_card(k2, t("scores.kpi_reach"), fmt_pct(reading["share_reached"], lang, 0),
            t("scores.kpi_reach_read", events=events, lift=fmt_number(reading["lift"], lang, 1)))
metric_card(k3, t("scores.kpi_rate"), fmt_pct(r.test.n_events / r.test.n, lang, 0),
            t("scores.kpi_rate_read", n=fmt_number(r.test.n_events, lang),
              total=fmt_number(r.test.n, lang)))
# read the gap on the two figures as shown (0.81 vs 0.72: 0.09), not on unrounded AUCs
auc_shown, auc_train_shown = round(r.auc, 2), round(r.auc_train, 2)
gap_level = overfit_level(auc_train_shown, auc_shown)
metric_card(k4, t("scores.kpi_train"), fmt_number(r.auc_train, lang, 2),
            t(f"scores.kpi_train_{gap_level}",
              gap=fmt_number(auc_train_shown - auc_shown, lang, 2),
              low=fmt_number(OVERFIT_CUTS[0], lang, 2),
              high=fmt_number(OVERFIT_CUTS[1], lang, 2)))
share, reached = plain_reading(reading)
st.write(t("scores.reading", share=fmt_pct(share / 100, lang, 0),
           reached=fmt_pct(reached / 100, lang, 0), events=events, months=months,
           lift=fmt_number(reading["lift"], lang, 1)))
if r.auc < 0.6:
    st.warning(t("scores.weak"), icon=":material/warning:")

# -- validation -------------------------------------------------------------------------
st.subheader(t("scores.validation_title"))
g1, g2 = st.columns(2)
with g1:
    st.markdown(f"**{t('scores.gain_title')}**")
    st.altair_chart(gain_chart(r.gain, lang, {
        "targeted": t("scores.axis_targeted"), "reached": t("scores.axis_reached"),
        "model": t("scores.series_model"), "random": t("scores.series_random"),
        "lift": t("scores.col_cum_lift")}), key="sc_gain_chart")
with g2:
    st.markdown(f"**{t('scores.lift_title')}**")
    st.altair_chart(lift_chart(r.gain, lang, {
        "group": t("scores.axis_group"), "lift": t("scores.axis_lift"),
        "rate": t("scores.col_rate"), "customers": t("scores.col_customers")}),
        key="sc_lift_chart")
g3, g4 = st.columns(2)
with g3:
    st.markdown(f"**{t('scores.roc_title')}** (AUC {fmt_number(r.auc, lang, 2)})")
    st.altair_chart(roc_chart(roc_table(r.test_scores["outcome"],
                                        r.test_scores["probability"]), lang,
                              {"fpr": t("scores.axis_fpr"), "tpr": t("scores.axis_tpr")}),
                    key="sc_roc_chart")
with g4:
    st.markdown(f"**{t('scores.calibration_title')}**")
    st.altair_chart(calibration_chart(r.calibration, lang, {
        "predicted": t("scores.axis_predicted"), "observed": t("scores.axis_observed"),
        "customers": t("scores.col_customers")}), key="sc_calibration_chart")
    st.caption(t("scores.calibration_caption"))
with st.expander(t("scores.gain_table_title")):
    show_table(r.gain, key="sc_gain", filename=t("scores.file_gain"), lang=lang,
               labels={"group": t("scores.col_group"), "n": t("scores.col_customers"),
                       "events": t("scores.col_events"), "rate": t("scores.col_rate"),
                       "share_customers": t("scores.col_share_customers"),
                       "gain": t("scores.col_gain"), "lift": t("scores.col_lift"),
                       "cum_lift": t("scores.col_cum_lift"),
                       "min_score": t("scores.col_min_score"),
                       "max_score": t("scores.col_max_score")},
               formats={"n": "number", "events": "number1", "rate": "pct",
                        "share_customers": "pct", "gain": "pct", "lift": "number1",
                        "cum_lift": "number1", "min_score": "pct", "max_score": "pct"})

# -- confusion matrix at a threshold ----------------------------------------------------
st.subheader(t("scores.threshold_title"))
probs = r.test_scores["probability"]
default_thr = int(min(99, max(1, round(100 * float(probs.quantile(0.8))))))
thr = st.slider(t("scores.threshold_label"), 1, 99, default_thr, format="%d %%",
                key="sc_threshold", help=t("scores.threshold_help"))
cm = confusion_at(r.test_scores["outcome"], probs, thr / 100)
st.write(t("scores.confusion_read", threshold=fmt_pct(thr / 100, lang, 0),
           flagged=fmt_number(cm["tp"] + cm["fp"], lang),
           flagged_share=fmt_pct(cm["flagged_share"], lang, 0), tp=fmt_number(cm["tp"], lang),
           precision=fmt_pct(cm["precision"], lang, 0), recall=fmt_pct(cm["recall"], lang, 0),
           fn=fmt_number(cm["fn"], lang)))
matrix = pd.DataFrame({"prediction": [t("scores.row_flagged"), t("scores.row_not_flagged")],
                       "event": [cm["tp"], cm["fn"]], "no_event": [cm["fp"], cm["tn"]]})
show_table(matrix, key="sc_confusion", filename=t("scores.file_confusion"), lang=lang,
           labels={"prediction": t("scores.col_prediction"), "event": t("scores.col_event"),
                   "no_event": t("scores.col_no_event")},
           formats={"event": "number", "no_event": "number"})

# -- what drives the score --------------------------------------------------------------
st.subheader(t("scores.importance_title"))
imp = r.importance.assign(feature_label=r.importance["feature"].map(feature_label))
st.altair_chart(importance_chart(imp, lang, {"feature": t("scores.col_feature"),
                                             "importance": t("scores.axis_importance")}),
                key="sc_importance_chart")
st.caption(t("scores.importance_caption"))
if model == "logistic":
    final = r.final_model
    with st.expander(t("scores.coef_title")):
        coef = final.coefficients()
        coef = coef.assign(term=coef["term"].map(term_text))[["term", "coefficient",
                                                              "odds_ratio"]]
        show_table(coef, key="sc_coef", filename=t("scores.file_coef"), lang=lang,
                   height=300, labels={"term": t("scores.col_term"),
                                       "coefficient": t("scores.col_coefficient"),
                                       "odds_ratio": t("scores.col_odds_ratio")})
        st.caption(t("scores.coef_caption"))
    with st.expander(t("scores.scorecard_title")):
        card = final.scorecard()
        card["feature"] = card["feature"].map(feature_label)
        card["level"] = [
            f"{value_text(f, lo)} – {value_text(f, hi)}" if pd.notna(lo)
            else category_text(lev)
            for f, lo, hi, lev in zip(final.scorecard()["feature"], card["low"],
                                      card["high"], card["level"])]
        show_table(card[["feature", "level", "points", "max_points"]], key="sc_scorecard",
                   filename=t("scores.file_scorecard"), lang=lang, height=300,
                   labels={"feature": t("scores.col_feature"), "level": t("scores.col_level"),
                           "points": t("scores.col_points"),
                           "max_points": t("scores.col_max_points")},
                   formats={"points": "number", "max_points": "number"})
        st.caption(t("scores.scorecard_caption",
                     factor=fmt_number(math.exp(100 * final.points_scale_), lang, 2)))

# -- today's portfolio ------------------------------------------------------------------
st.subheader(t("scores.today_title"))
scores = r.scores
st.write(t("scores.today_read", n=fmt_number(len(scores), lang), as_of=d(r.as_of)))
counts = (scores.groupby("band").agg(customers=("probability", "size"),
                                     mean_probability=("probability", "mean"))
          .reindex(list(BANDS)).dropna().reset_index())
st.altair_chart(band_chart(counts, lang, {"band": t("scores.axis_band"),
                                          "customers": t("scores.col_customers"),
                                          "probability": t("scores.col_mean_probability")}),
                key="sc_band_chart")
st.caption(t("scores.bands_caption"))
state.publish_classes("score_band", scores.set_index("customer_id")["band"].astype("str"))
bands = st.multiselect(t("scores.bands_label"), list(BANDS), default=["A"], key="sc_bands")
listed = scores[scores["band"].isin(bands or list(BANDS))].copy()
reason_cols = [c for c in listed.columns if c.startswith("reason_")]


def reasons_text(row) -> str:
    parts = []
    for c in reason_cols:
        f = row[c]
        if isinstance(f, str):
            v = row[c.replace("reason_", "value_")]
            parts.append(f"{feature_label(f)} : {value_text(f, v)}" if lang == "fr"
                         else f"{feature_label(f)}: {value_text(f, v)}")
    return " · ".join(parts)


listed["reasons"] = listed.apply(reasons_text, axis=1) if len(listed) else pd.Series(
    dtype="str")
info = names_info()
# what a manager acts on first, right after who: probability, band, points, reasons;
# sector and sales rep come after
lead = [c for c in ("name",) if c in info.columns]
cols = ["customer_id", *lead, "probability", "band",
        *(["points"] if "points" in listed.columns else []), "reasons",
        *[c for c in info.columns if c not in lead]]
if not info.empty:
    listed = listed.join(info, on="customer_id")
target_labels = {"band": t("scores.col_band"), "probability": t("scores.col_probability"),
                 "points": t("scores.col_points"), "reasons": t("scores.col_reasons")}
widths = {"customer_id": 95, "name": "medium", "probability": 95, "band": 60, "points": 65,
          "reasons": 620}
shown_labels = display_frame(listed[cols].head(0), lang, labels=target_labels).columns
show_table(listed[cols], key="sc_targets", filename=t("scores.file_targets"), lang=lang,
           max_rows=500, height=380, labels=target_labels,
           formats={"probability": "pct", "points": "number"},
           column_config={lab: st.column_config.TextColumn(
               lab, width=widths[c],
               alignment="right" if c in ("probability", "points") else None,
               pinned=c in ("customer_id", "name"))
               for c, lab in zip(cols, shown_labels) if c in widths})
st.caption(t("scores.map_caption"))
