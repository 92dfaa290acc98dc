"""Segmentation: k-means groups of customers who look alike, named, profiled and placed
on a perceptual map; the assignment is exported and offered to the Map page."""

import pandas as pd
import streamlit as st

from core.clustering import (
    DEFAULT_FEATURES,
    SHARE_PREFIX,
    SILHOUETTE_SAMPLE,
    clustering_table,
    fit_clusters,
    k_selection,
    numeric_columns,
)
from ui import state
from ui.charts_mining import cluster_share_chart, k_selection_charts, pca_chart, profile_heatmap
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_label, t
from ui.tables import download_buttons, show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
K_MAX = 10
MAP_POINTS = 5000
MONEY = {"monetary", "margin", "avg_basket", "revenue_12m", "revenue_prev_12m", "margin_12m",
         "margin_prev_12m", "potential", "credit_limit", "acquisition_cost"}
RATIOS = {"revenue_trend"}


# -- cached computations ----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def _table(name: str, version: str, when: pd.Timestamp) -> pd.DataFrame:
    pf = state.load_portfolio(name, version)
    shares = "family" in pf.transactions.columns
    return clustering_table(pf.transactions, when, pf.customers, family_shares=shares)


@st.cache_data(show_spinner=False, max_entries=32)
def _fit(name: str, version: str, when: pd.Timestamp, features: tuple, k: int, log: bool,
         seed: int):
    return fit_clusters(_table(name, version, when), list(features), k=k,
                        log="auto" if log else None, random_state=seed)


@st.cache_data(show_spinner=False, max_entries=32)
def _curve(name: str, version: str, when: pd.Timestamp, features: tuple, log: bool,
           seed: int, k_max: int) -> pd.DataFrame:
    return k_selection(_table(name, version, when), list(features),
                       k_values=range(2, k_max + 1), log="auto" if log else None,
                       random_state=seed)


# -- helpers ----------------------------------------------------------------------------
def feature_label(f: str) -> str:
    if f.startswith(SHARE_PREFIX):
        return t("segments.share_of", lang=lang, family=f[len(SHARE_PREFIX):])
    text = t(f"segments.feat_{f}", lang=lang)
    return column_label(f, lang) if text.startswith("⟦") else text


def value_text(f: str, v, compact: bool = True) -> str:
    """A feature's value as the manager reads it: money in euros, shares in %, counts
    and days whole from 10 up (one decimal below, so 2.7 and 2.9 families differ)."""
    if pd.isna(v):
        return "–"
    if f in MONEY:
        return fmt_money(v, lang, compact=compact)
    if f.startswith(SHARE_PREFIX):
        return fmt_pct(v, lang, 0)
    if f in RATIOS:
        return fmt_number(v, lang, 2)
    return fmt_number(v, lang, 0 if abs(v) >= 10 else 1)


def plural(key: str, n: int) -> str:
    """``key`` or its singular ``key_one``: French "1 client" / "0 client", English
    "1 customer" / "0 customers"."""
    one = n <= 1 if lang == "fr" else n == 1
    return f"{key}_one" if one else key


def names_map() -> pd.Series:
    if p.customers is None or "name" not in p.customers.columns:
        return pd.Series(dtype="object")
    c = p.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    return c.set_index(c["customer_id"].astype(str))["name"]


# -- page -------------------------------------------------------------------------------
st.title(t("segments.title"))
st.write(t("segments.intro", as_of=fmt_date(as_of, lang)))

table = _table(name, version, as_of)
options = numeric_columns(table)
if len(table) < 3:
    st.info(t(plural("segments.too_few", len(table)), n=fmt_number(len(table), lang), need=3,
              as_of=fmt_date(as_of, lang)))
    st.stop()

default = [f for f in DEFAULT_FEATURES if f in options]
# the criteria on their own full-width row: every chosen chip stays visible
# a language switch redraws the chips (ui.state.refresh_widget_labels)
features = st.multiselect(
    t("segments.features_label"), options,
    default=None if "seg_features" in st.session_state else default,
    format_func=feature_label, key="seg_features",
    help=t("segments.features_help", as_of=fmt_date(as_of, lang)))
k_max = int(min(K_MAX, len(table) - 1))
c2, c3, c4 = st.columns([2, 1, 1], vertical_alignment="center")
k = c2.slider(t("segments.k_label"), 2, k_max, min(4, k_max), key="seg_k",
              help=t("segments.k_help"))
log = c3.toggle(t("segments.log_label"), value=True, key="seg_log",
                help=t("segments.log_help"))
seed = c4.number_input(t("segments.seed_label"), 0, 9999, 0, step=1, key="seg_seed",
                       help=t("segments.seed_help"))
if not features:
    st.info(t("segments.pick_features"))
    st.stop()

try:
    model = _fit(name, version, as_of, tuple(features), int(k), bool(log), int(seed))
except ValueError as exc:
    st.warning(t("segments.cannot_fit", error=exc))
    st.stop()

for note in model.notes_:
    if note["code"] == "missing_imputed":
        cols = ", ".join(f"{feature_label(c)} ({fmt_number(n, lang)})"
                         for c, n in note["counts"].items())
    else:
        cols = ", ".join(feature_label(c) for c in note["columns"])
    key = f"segments.note_{note['code']}"
    if note["code"] == "constant_dropped":
        key = plural(key, len(note["columns"]))
    st.caption(t(key, columns=cols))

summary = model.summary_.copy()
summary["label"] = [f"{c} · {n}" for c, n in zip(summary["cluster"],
                                                 summary[f"name_{lang}"])]
order = summary["label"].tolist()
label_of = dict(zip(summary["cluster"], summary["label"]))

# 1. how many groups
st.subheader(t("segments.choose_title"))
curve = _curve(name, version, as_of, tuple(model.features_), bool(log), int(seed), k_max)
elbow, silhouette = k_selection_charts(curve, int(k), lang, {
    "k": t("segments.axis_k"), "inertia": t("segments.axis_inertia"),
    "silhouette": t("segments.axis_silhouette")})
k1, k2 = st.columns(2)
k1.altair_chart(elbow, key="seg_elbow_chart")
k2.altair_chart(silhouette, key="seg_silhouette_chart")
best = curve.loc[curve["silhouette"].idxmax()] if curve["silhouette"].notna().any() else None
if best is not None:
    st.write(t("segments.choose_read", best=int(best["k"]),
               best_s=fmt_number(best["silhouette"], lang, 2), k=int(k),
               s=fmt_number(model.silhouette_, lang, 2)))
if len(table) > SILHOUETTE_SAMPLE:
    st.caption(t("segments.choose_sample", n=fmt_number(SILHOUETTE_SAMPLE, lang)))

# 2. the groups
st.subheader(t("segments.groups_title"))
first, last = summary.iloc[0], summary.iloc[-1]
if "share_revenue" in summary.columns:
    st.write(t("segments.groups_read", name=first[f"name_{lang}"],
               share_n=fmt_pct(first["share_customers"], lang, 0),
               n=fmt_number(first["n_customers"], lang),
               share_rev=fmt_pct(first["share_revenue"], lang, 0),
               last=last[f"name_{lang}"], last_share_n=fmt_pct(last["share_customers"], lang, 0),
               last_share_rev=fmt_pct(last["share_revenue"], lang, 0)))
else:
    st.write(t("segments.groups_read_no_revenue", name=first[f"name_{lang}"],
               share_n=fmt_pct(first["share_customers"], lang, 0),
               n=fmt_number(first["n_customers"], lang)))
st.altair_chart(cluster_share_chart(summary, lang, {
    "cluster": t("segments.col_cluster"), "share": t("segments.axis_share"),
    "share_customers": t("segments.col_share_customers"),
    "share_revenue": t("segments.col_share_revenue")},
    height=52 * len(summary) + 110), key="seg_share_chart")
cols = [c for c in ("label", "n_customers", "share_customers", "revenue", "share_revenue",
                    "revenue_per_customer") if c in summary.columns]
show_table(summary[cols], key="seg_groups", filename=t("segments.file_groups"), lang=lang,
           labels={"label": t("segments.col_cluster"),
                   "n_customers": t("segments.col_customers"),
                   "share_customers": t("segments.col_share_customers"),
                   "revenue": t("segments.col_revenue"),
                   "share_revenue": t("segments.col_share_revenue"),
                   "revenue_per_customer": t("segments.col_revenue_per_customer")},
           formats={"n_customers": "number", "share_customers": "pct", "revenue": "money",
                    "share_revenue": "pct", "revenue_per_customer": "money"})

# 3. profiles
st.subheader(t("segments.profiles_title"))
prof = model.profiles_.copy()
prof["label"] = prof["cluster"].map(label_of)
prof["feature_label"] = prof["feature"].map(feature_label)
prof["mean_text"] = [value_text(f, v) for f, v in zip(prof["feature"], prof["mean"])]
prof["overall_text"] = [value_text(f, v) for f, v in zip(prof["feature"],
                                                         prof["overall_mean"])]
st.altair_chart(profile_heatmap(prof, lang, {
    "cluster": t("segments.col_cluster"), "feature": t("segments.col_feature"),
    "mean": t("segments.col_mean"), "overall": t("segments.col_overall"),
    "z": t("segments.col_z"), "index": t("segments.col_index")}), key="seg_heatmap")
st.caption(t("segments.profiles_caption"))
# Each row holds a different feature (euros, days, counts, shares): the page formats
# the means row by row; the downloads keep the raw numbers.
prof_labels = {"label": t("segments.col_cluster"), "feature_label": t("segments.col_feature"),
               "mean": t("segments.col_mean"), "overall_mean": t("segments.col_overall"),
               "index": t("segments.col_index"), "z": t("segments.col_z")}
prof_raw = prof[["label", "feature_label", "mean", "overall_mean", "index", "z"]]
prof_view = prof_raw.assign(
    mean=[value_text(f, v, compact=False) for f, v in zip(prof["feature"], prof["mean"])],
    overall_mean=[value_text(f, v, compact=False)
                  for f, v in zip(prof["feature"], prof["overall_mean"])],
    index=prof["index"].map(lambda v: fmt_number(v, lang) if pd.notna(v) else "–"),
    z=prof["z"].map(lambda v: fmt_number(v, lang, 1)))
st.dataframe(prof_view.rename(columns=prof_labels), hide_index=True, height=240,
             key="seg_profiles_df",
             column_config={prof_labels[c]: st.column_config.TextColumn(alignment="right")
                            for c in ("mean", "overall_mean", "index", "z")})
download_buttons(prof_raw, key="seg_profiles", filename=t("segments.file_profiles"),
                 lang=lang, labels=prof_labels)

# 4. perceptual map
st.subheader(t("segments.map_title"))
ev = model.explained_variance_
load = model.loadings_.set_index("feature")


def axis_words(col: str) -> str:
    top = load[col].abs().sort_values(ascending=False).head(2).index
    return ", ".join(feature_label(f) for f in top)


st.write(t(plural("segments.map_read", len(model.features_)), total=fmt_pct(sum(ev), lang, 0), k_feat=len(model.features_),
           pc1=fmt_pct(ev[0], lang, 0), pc2=fmt_pct(ev[1], lang, 0), axis1=axis_words("pc1"),
           axis2=axis_words("pc2") if ev[1] > 0 else "–"))
pts = model.pca_
if len(pts) > MAP_POINTS:
    pts = pts.sample(MAP_POINTS, random_state=0)
    st.caption(t("segments.map_sample", shown=fmt_number(MAP_POINTS, lang),
                 total=fmt_number(len(model.pca_), lang)))
names = names_map()
revenue = table.set_index("customer_id")["monetary"]
pts = pts.assign(
    label=pts["cluster"].map(label_of),
    customer=[f"{c} · {names.get(c, '')}".rstrip(" ·") for c in pts["customer_id"]],
    revenue_text=pts["customer_id"].map(revenue).map(lambda v: fmt_money(v, lang)))
st.altair_chart(pca_chart(pts, order, lang, {
    "pc1": t("segments.axis_pc", n=1, pct=fmt_pct(ev[0], lang, 0)),
    "pc2": t("segments.axis_pc", n=2, pct=fmt_pct(ev[1], lang, 0)),
    "cluster": t("segments.col_cluster"), "customer": t("segments.col_customer"),
    "revenue": t("segments.col_revenue")}), key="seg_pca_chart")

# 5. assignment (export, and the map's colour)
st.subheader(t("segments.assign_title"))
assign = model.assignments(lang)
assign["cluster"] = assign["cluster"].map(label_of)
state.publish_classes("cluster", assign.set_index("customer_id")["cluster"].astype("str"))
out = assign[["customer_id", "cluster"]].copy()
if not names.empty:
    out.insert(1, "name", out["customer_id"].map(names))
vals = table.set_index("customer_id")[list(model.features_)]
out = out.merge(vals, left_on="customer_id", right_index=True, how="left")
out = out.sort_values(["cluster", "customer_id"], key=lambda s: s.map(
    {lab: i for i, lab in enumerate(order)}) if s.name == "cluster" else s, kind="stable")
fmts = {f: ("money" if f in MONEY else "pct" if f.startswith(SHARE_PREFIX)
            else "number1" if f in RATIOS else "number") for f in model.features_}
show_table(out, key="seg_assign", filename=t("segments.file_assignment"), lang=lang,
           max_rows=500, height=360,
           labels={"cluster": t("segments.col_cluster"),
                   **{f: feature_label(f) for f in model.features_}},
           formats=fmts)
st.caption(t("segments.assign_caption"))
