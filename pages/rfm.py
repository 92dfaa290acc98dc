"""RFM & lifecycle (RFM et cycle de vie): RFM scores and grid with named segments,
segment migration, lifecycle stages and funnel, attrition signals, engagement."""

import re

import pandas as pd
import streamlit as st

from core.lifecycle import (
    FUNNEL_LEVELS,
    STAGE_LABELS,
    STAGES,
    LifecycleRules,
    attrition_flags,
    engagement,
    lifecycle_funnel,
    lifecycle_stages,
    stage_counts,
)
from core.rfm import (
    DEFAULT_SEGMENTS,
    GONE_COL,
    NEW_ROW,
    rfm_grid,
    rfm_scores,
    rfm_table,
    score_bounds,
    segment_grid,
    segment_migration,
    segment_summary,
    segments_from_grid,
)
from ui import state
from ui.cards import metric_card
from ui.charts_rfm import funnel_chart, migration_flow_chart, rfm_grid_chart
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require("transactions", "customer_id", "date", "amount")
lang = state.lang()
name, version, as_of = state.cache_key()
ss = st.session_state
ss.setdefault("rfm_map_round", 0)

METHODS = {"quintiles": ("quantile", 5), "terciles": ("quantile", 3),
           "thresholds": ("thresholds", 5)}
DEFAULT_CUTS = {"R": "30; 90; 180; 365", "F": "2; 4; 8; 12", "M": "1000; 5000; 10000; 25000"}
WINDOWS = (3, 6, 12, 24, 0)


# -- cached computations ----------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=32)
def _scores(name: str, version: str, when: pd.Timestamp, window: int, monetary: str,
            method: str, bins: int, thresholds, segments):
    p = state.load_portfolio(name, version)
    table = rfm_table(p.transactions, when, window or None, monetary)
    s = rfm_scores(table, bins, method=method, thresholds=thresholds, segments=segments)
    return s, list(s.attrs.get("notes", []))


@st.cache_data(show_spinner=False, max_entries=16)
def _stages(name: str, version: str, when: pd.Timestamp, rules: tuple):
    p = state.load_portfolio(name, version)
    return lifecycle_stages(p.transactions, when, p.customers, LifecycleRules(*rules))


@st.cache_data(show_spinner=False, max_entries=16)
def _attrition(name: str, version: str, when: pd.Timestamp, drop: float, days: int,
               factor: float):
    p = state.load_portfolio(name, version)
    return attrition_flags(p.transactions, when, p.contacts, drop=drop, complaint_days=days,
                           gap_factor=factor)


@st.cache_data(show_spinner=False, max_entries=16)
def _engagement(name: str, version: str, when: pd.Timestamp, months: int):
    return engagement(state.load_portfolio(name, version).transactions, when, months)


# -- helpers ----------------------------------------------------------------------------
def kept(widget, label: str, key: str, default, *args, **kwargs):
    """A widget whose value survives its tab being hidden.

    The tabs are lazy (only the open one runs) and Streamlit forgets the state of
    widgets that are not drawn, so each value is also kept under ``_kept_<key>`` and
    put back before the widget is drawn again (no default is passed then).
    """
    if key not in ss:
        ss[key] = ss.get(f"_kept_{key}", default)
    value = widget(label, *args, key=key, **kwargs)
    ss[f"_kept_{key}"] = value
    return value


def setting(key: str, default):
    """The last value of a (possibly hidden) widget."""
    return ss.get(key, ss.get(f"_kept_{key}", default))


def names_map() -> pd.Series:
    """customer_id -> company name (empty Series without a name column)."""
    if p.customers is None or "name" not in p.customers.columns:
        return pd.Series(dtype="object")
    c = p.customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    return c.set_index("customer_id")["name"]


def with_names(frame: pd.DataFrame) -> pd.DataFrame:
    names = names_map()
    if names.empty or "customer_id" not in frame.columns:
        return frame
    out = frame.copy()
    out.insert(1, "name", out["customer_id"].map(names))
    return out


def tn(key: str, n, **kwargs) -> str:
    """``t(key)`` with the count ``n`` formatted, singular (``key + "_one"``) when ``n``
    calls for it: under 2 in French ("0 client", "1 client"), exactly 1 in English."""
    one = abs(n) < 2 if lang == "fr" else n == 1
    return t(f"{key}_one" if one else key, n=fmt_number(n, lang), **kwargs)


def action_column() -> dict:
    """Column config giving the recommended action a wide column (it is a sentence)."""
    label = t("rfm.col_action")
    return {label: st.column_config.TextColumn(label, width="large")}


def parse_cuts(text: str) -> list[float]:
    """ "30; 90; 1 000,5" -> [30.0, 90.0, 1000.5] (semicolons between numbers)."""
    parts = [x for x in re.split(r"[;|]", text or "") if x.strip()]
    values = []
    for part in parts:
        clean = re.sub(r"[\s\u202f\xa0€]", "", part).replace(",", ".")
        values.append(float(clean))
    return values


def current_segments() -> dict:
    """The segment map: the default one with the user's edits (grid and labels)."""
    base = {k: dict(v) for k, v in DEFAULT_SEGMENTS.items()}
    edits = ss.get("rfm_custom_map")
    return edits if edits else base


def same_map(a: dict, b: dict) -> bool:
    """Same cells, keys, labels and actions (patterns may be written differently)."""
    fields = ("fr", "en", "action_fr", "action_en", "valuable")
    return (list(a) == list(b) and segment_grid(a).equals(segment_grid(b))
            and all(a[k].get(f) == b[k].get(f) for k in a for f in fields))


def seg_labels(segments: dict) -> dict[str, str]:
    out = {k: v.get(lang, k) for k, v in segments.items()}
    out[NEW_ROW] = t("rfm.mig_new_row")
    out[GONE_COL] = t("rfm.mig_gone_col")
    return out


def seg_actions(segments: dict) -> dict[str, str]:
    return {k: v.get(f"action_{lang}", "") for k, v in segments.items()}


def crit_label(c: str) -> str:
    return t(f"rfm.crit_{c}")


def show_notes(notes) -> None:
    for n in notes:
        if n.code == "few_values":
            key = "rfm.note_few_values" + ("_one" if n.details["n_distinct"] == 1 else "")
            st.warning(t(key, crit=crit_label(n.criterion),
                         n=n.details["n_distinct"], bins=n.details["bins"],
                         used=", ".join(map(str, n.details["scores_used"]))),
                       icon=":material/warning:")
        elif n.code == "uneven":
            st.caption(t("rfm.note_uneven", crit=crit_label(n.criterion),
                         n=fmt_number(n.details["customers"], lang),
                         share=fmt_pct(n.details["share"], lang, 0), score=n.details["score"]))
        elif n.code == "no_purchase":
            rows = n.details["rows"]
            st.caption(t("rfm.note_no_purchase" + ("_one" if rows == 1 else ""),
                         n=fmt_number(rows, lang)))


# -- page -------------------------------------------------------------------------------
st.title(t("rfm.title"))
st.write(t("rfm.intro", as_of=fmt_date(as_of, lang)))

tab_labels = [t("rfm.tab_scores"), t("rfm.tab_migration"), t("rfm.tab_lifecycle"),
              t("rfm.tab_engagement")]
tab_scores, tab_migration, tab_life, tab_engage = st.tabs(tab_labels, key="rfm_tabs",
                                                          on_change="rerun")

# The scoring settings of the first tab also drive the migration tab.
method = setting("rfm_method", "quintiles")
window = setting("rfm_window", 12)
monetary = setting("rfm_monetary", "sum")


def scoring_controls(container) -> tuple[str, int, str, dict | None, bool]:
    c1, c2, c3 = container.columns(3)
    method = kept(c1.radio, t("rfm.method_label"), "rfm_method", "quintiles", list(METHODS),
                  format_func=lambda m: t(f"rfm.method_{m}"), help=t("rfm.method_help"))
    window = kept(c2.selectbox, t("rfm.window_label"), "rfm_window", 12, WINDOWS,
                  help=t("rfm.window_help"),
                  format_func=lambda m: t("rfm.window_all") if m == 0
                  else t("rfm.window_months", n=m))
    monetary = kept(c3.radio, t("rfm.monetary_label"), "rfm_monetary", "sum", ["sum", "mean"],
                    format_func=lambda m: t(f"rfm.monetary_{m}"), help=t("rfm.monetary_help"))
    thresholds, ok = None, True
    if method == "thresholds":
        container.caption(t("rfm.thresholds_help"))
        cols = container.columns(3)
        thresholds = {}
        for col, crit in zip(cols, ("R", "F", "M")):
            text = kept(col.text_input, t(f"rfm.cuts_{crit}"), f"rfm_cuts_{crit}",
                        DEFAULT_CUTS[crit])
            try:
                cuts = parse_cuts(text)
            except ValueError:
                container.warning(t("rfm.bad_cuts", crit=crit_label(crit), text=text))
                ok = False
                continue
            if len(cuts) != 4 or any(b <= a for a, b in zip(cuts, cuts[1:])):
                container.warning(t("rfm.bad_cuts_count", crit=crit_label(crit), text=text))
                ok = False
            thresholds[crit] = cuts
    return method, window, monetary, thresholds, ok


def segment_map_editor(container) -> dict:
    """The editable segment map: the 5 x 5 grid and the labels / actions."""
    segments = current_segments()
    with container.expander(t("rfm.map_title"), icon=":material/edit:"):
        st.caption(t("rfm.map_help"))
        labels = seg_labels(segments)
        keys = list(segments)
        grid = segment_grid(segments)
        shown = grid.apply(lambda col: col.map(labels))
        shown.index = [f"R{r}" for r in grid.index]
        shown.columns = [f"F{f}" for f in grid.columns]
        options = [labels[k] for k in keys]
        edited = st.data_editor(
            shown, key=f"rfm_grid_editor_{ss['rfm_map_round']}",
            column_config={c: st.column_config.SelectboxColumn(c, options=options,
                                                               required=True)
                           for c in shown.columns})
        table = pd.DataFrame({"key": keys, "label": [labels[k] for k in keys],
                              "action": [segments[k].get(f"action_{lang}", "") for k in keys]})
        edited_table = st.data_editor(
            table, key=f"rfm_labels_editor_{ss['rfm_map_round']}", hide_index=True,
            disabled=["key"],
            column_config={"key": st.column_config.TextColumn(t("rfm.col_key")),
                           "label": st.column_config.TextColumn(t("rfm.col_segment")),
                           "action": st.column_config.TextColumn(t("rfm.col_action"),
                                                                 width="large")})
        if st.button(t("rfm.map_reset"), key="rfm_map_reset", icon=":material/restart_alt:"):
            ss["rfm_map_round"] += 1
            ss.pop("rfm_custom_map", None)
            st.rerun()
    # rebuild the map from the edits (labels first, then the grid of labels -> keys)
    new = {k: dict(v) for k, v in segments.items()}
    for row in edited_table.itertuples(index=False):
        if row.key in new:
            new[row.key][lang] = str(row.label or row.key)
            new[row.key][f"action_{lang}"] = str(row.action or "")
    back = {labels[k]: k for k in keys}
    grid_keys = edited.copy()
    grid_keys.index = [int(str(i)[1:]) for i in edited.index]
    grid_keys.columns = [int(str(c)[1:]) for c in edited.columns]
    grid_keys = grid_keys.apply(lambda col: col.map(lambda v: back.get(v, v)))
    try:
        result = segments_from_grid(grid_keys, new)
    except ValueError as exc:
        container.warning(t("rfm.map_invalid", error=exc))
        return segments
    if not same_map(result, segments):
        # store the new map and redraw both editors from it (their pending edits are in)
        ss["rfm_custom_map"] = result
        ss["rfm_map_round"] += 1
        st.rerun()
    return result


# ======================================================================== RFM scores
if tab_scores.open:
    with tab_scores:
        method, window, monetary, thresholds, ok = scoring_controls(st)
        segments = segment_map_editor(st)
        if not ok:
            st.stop()
        kind, bins = METHODS[method]
        try:
            scores, notes = _scores(name, version, as_of, window, monetary, kind, bins,
                                    thresholds, segments)
        except ValueError as exc:
            st.warning(t("rfm.error", error=exc), icon=":material/warning:")
            st.stop()
        if scores.empty:
            st.info(t("rfm.no_customers"))
            st.stop()
        show_notes(notes)
        labels = seg_labels(segments)
        actions = seg_actions(segments)
        summary = segment_summary(scores, segments)
        valuable = summary[summary["valuable"]]
        risky = summary[summary["segment"].isin(["at_risk", "cant_lose"])]
        st.subheader(t("rfm.grid_title"))
        st.write(t(
            "rfm.read_scores",
            n=fmt_number(len(scores), lang),
            valuable=", ".join(labels[k].lower() for k in valuable["segment"]),
            n_valuable=fmt_number(valuable["customers"].sum(), lang),
            share_valuable=fmt_pct(valuable["share"].sum(), lang, 0),
            money_valuable=fmt_pct(valuable["monetary_share"].sum(), lang, 0),
            n_risk=fmt_number(risky["customers"].sum(), lang),
            money_risk=fmt_money(risky["monetary_sum"].sum(), lang)))
        grid = rfm_grid(scores, bins, segments)
        grid["segment_label"] = grid["segment"].astype(str).map(labels)
        chart_labels = {"R": t("rfm.axis_R"), "F": t("rfm.axis_F"),
                        "customers": t("rfm.col_customers"),
                        "monetary_mean": t("rfm.col_monetary_mean"),
                        "segment": t("rfm.col_segment"), "share": t("rfm.col_share")}
        st.altair_chart(rfm_grid_chart(grid, lang, chart_labels), key="rfm_grid_chart")
        st.caption(t("rfm.grid_caption", bins=bins))

        # customers of one cell
        cells = grid[grid["customers"] > 0]
        options = ["all"] + [f"{r}-{f}" for r, f in zip(cells["R"], cells["F"])]
        by_cell = cells.set_index(cells["R"].astype(str) + "-" + cells["F"].astype(str))

        def cell_label(o: str) -> str:
            if o == "all":
                return t("rfm.cell_all", n=fmt_number(len(scores), lang))
            row = by_cell.loc[o]
            return tn("rfm.cell_option", row["customers"], r=row["R"], f=row["F"],
                      segment=row["segment_label"])

        if setting("rfm_cell", "all") not in options:
            ss["rfm_cell"] = ss["_kept_rfm_cell"] = "all"
        cell = kept(st.selectbox, t("rfm.cell_label"), "rfm_cell", "all", options,
                    format_func=cell_label)
        listed = scores
        if cell != "all" and cell in by_cell.index:
            r, f = (int(x) for x in cell.split("-"))
            listed = scores[(scores["R"] == r) & (scores["F"] == f)]
            seg = str(by_cell.loc[cell, "segment"])
            st.write(tn("rfm.read_cell", len(listed), segment=labels[seg],
                       mean=fmt_money(listed["monetary"].mean(), lang),
                       action=actions.get(seg, "")))
        table = listed.sort_values(["rfm_total", "monetary"], ascending=False)
        table = table.assign(segment=table["segment"].astype(str),
                             rfm_code=table["rfm_code"].astype(str))
        table["action"] = table["segment"].map(actions)
        table["segment"] = table["segment"].map(labels)
        # segment and action first after the id/name: what a manager reads without scrolling
        table = with_names(table[["customer_id", "segment", "action", "rfm_code",
                                  "recency_days", "frequency", "monetary", "R", "F", "M",
                                  "rfm_total"]])
        col_labels = {"rfm_code": t("rfm.col_code"), "rfm_total": t("rfm.col_total"),
                      "segment": t("rfm.col_segment"), "action": t("rfm.col_action"),
                      "monetary": t("rfm.col_monetary_sum" if monetary == "sum"
                                    else "rfm.col_monetary_avg")}
        show_table(table, key="rfm_customers", filename=t("rfm.file_customers"), lang=lang,
                   labels=col_labels, formats={"monetary": "money"}, max_rows=500,
                   height=320, column_config=action_column())

        st.subheader(t("rfm.segments_title"))
        top = summary.sort_values("monetary_share", ascending=False).iloc[0]
        st.write(t("rfm.read_segments", segment=labels[top["segment"]],
                   n=fmt_number(top["customers"], lang),
                   share=fmt_pct(top["share"], lang, 0),
                   money=fmt_pct(top["monetary_share"], lang, 0)))
        seg_table = summary.assign(
            label=summary["segment"].map(labels), action=summary["segment"].map(actions))
        seg_table = seg_table[["label", "action", "customers", "share", "monetary_sum",
                               "monetary_share", "recency_mean", "frequency_mean"]]
        show_table(seg_table, key="rfm_segments", filename=t("rfm.file_segments"), lang=lang,
                   height=36 * (len(seg_table) + 1) + 4,
                   labels={"label": t("rfm.col_segment"), "customers": t("rfm.col_customers"),
                           "share": t("rfm.col_share"),
                           "monetary_sum": t("rfm.col_monetary_total"),
                           "monetary_share": t("rfm.col_monetary_share"),
                           "recency_mean": t("rfm.col_recency_mean"),
                           "frequency_mean": t("rfm.col_frequency_mean"),
                           "action": t("rfm.col_action")},
                   formats={"customers": "number", "share": "pct", "monetary_sum": "money",
                            "monetary_share": "pct", "recency_mean": "number",
                            "frequency_mean": "number1"},
                   column_config=action_column())
        with st.expander(t("rfm.bounds_title"), icon=":material/help:"):
            b = score_bounds(scores)
            b["criterion"] = b["criterion"].map(crit_label)
            show_table(b, key="rfm_bounds", filename=t("rfm.file_bounds"), lang=lang,
                       labels={"criterion": t("rfm.col_criterion"), "score": t("rfm.col_score"),
                               "customers": t("rfm.col_customers"), "min": t("rfm.col_min"),
                               "max": t("rfm.col_max")},
                       formats={"customers": "number", "min": "number1", "max": "number1"})

# ======================================================================== Migration
if tab_migration.open:
    with tab_migration:
        segments = current_segments()
        labels = seg_labels(segments)
        kind, bins = METHODS[method]
        thresholds = None
        if method == "thresholds":
            try:
                thresholds = {c: parse_cuts(setting(f"rfm_cuts_{c}", DEFAULT_CUTS[c]))
                              for c in ("R", "F", "M")}
            except ValueError:
                kind, bins = "quantile", 5
        st.caption(t("rfm.mig_settings", method=t(f"rfm.method_{method}"),
                     window=(t("rfm.window_all") if window == 0
                             else t("rfm.window_months", n=window)).lower(),
                     monetary=t(f"rfm.monetary_{monetary}").lower()))
        months = kept(st.select_slider, t("rfm.mig_months"), "rfm_mig_months", 6,
                      [1, 2, 3, 6, 9, 12, 18, 24], help=t("rfm.mig_months_help"),
                      format_func=lambda m: t("rfm.months_ago", n=m))
        before = (as_of - pd.DateOffset(months=months)).normalize()
        try:
            s_before, _ = _scores(name, version, before, window, monetary, kind, bins,
                                  thresholds, segments)
            s_after, _ = _scores(name, version, as_of, window, monetary, kind, bins,
                                 thresholds, segments)
        except ValueError as exc:
            st.warning(t("rfm.error", error=exc), icon=":material/warning:")
            st.stop()
        if s_before.empty or s_after.empty:
            st.info(t("rfm.mig_empty", before=fmt_date(before, lang)))
            st.stop()
        mig = segment_migration(s_before, s_after, segments)
        c = mig.customers
        fell = int(c["fell_from_valuable"].sum())
        valuable_names = ", ".join(labels[k].lower() for k, v in segments.items()
                                   if v.get("valuable"))
        st.write(t("rfm.read_migration", before=fmt_date(before, lang),
                   after=fmt_date(as_of, lang), fell=fmt_number(fell, lang),
                   valuable=valuable_names,
                   money=fmt_money(c.loc[c["fell_from_valuable"], "monetary_before"].sum(),
                                   lang),
                   up=fmt_number((c["move"] == "up").sum(), lang),
                   down=fmt_number((c["move"] == "down").sum(), lang),
                   same=fmt_number((c["move"] == "same").sum(), lang),
                   new=fmt_number((c["move"] == "new").sum(), lang)))
        flows = mig.flows.assign(before=lambda d: d["before"].map(labels),
                                 after=lambda d: d["after"].map(labels))
        order_b = [labels[k] for k in mig.matrix.index]
        order_a = [labels[k] for k in mig.matrix.columns]
        st.altair_chart(
            migration_flow_chart(flows, order_b, order_a, lang,
                                 {"before": t("rfm.mig_before", date=fmt_date(before, lang)),
                                  "after": t("rfm.mig_after", date=fmt_date(as_of, lang)),
                                  "customers": t("rfm.col_customers")}),
            key="rfm_flow_chart")
        st.caption(t("rfm.mig_chart_caption"))

        st.subheader(t("rfm.mig_list_title"))
        listed = c.copy()
        listed["segment_before"] = listed["segment_before"].map(labels)
        listed["segment_after"] = listed["segment_after"].map(labels)
        listed["move"] = listed["move"].map(lambda m: t(f"rfm.move_{m}"))
        only_moves = kept(st.toggle, t("rfm.mig_only_changes"), "rfm_mig_only", True)
        if only_moves:
            listed = listed[c["move"].ne("same").to_numpy()]
        listed = with_names(listed[["customer_id", "segment_before", "segment_after", "move",
                                    "fell_from_valuable", "monetary_before",
                                    "monetary_after"]])
        listed["fell_from_valuable"] = listed["fell_from_valuable"].map(
            {True: t("common.yes"), False: t("common.no")})
        show_table(listed, key="rfm_mig_customers", filename=t("rfm.file_migration"),
                   lang=lang, max_rows=500, height=320,
                   labels={"segment_before": t("rfm.mig_before", date=fmt_date(before, lang)),
                           "segment_after": t("rfm.mig_after", date=fmt_date(as_of, lang)),
                           "move": t("rfm.col_move"),
                           "fell_from_valuable": t("rfm.col_fell"),
                           "monetary_before": t("rfm.col_monetary_before"),
                           "monetary_after": t("rfm.col_monetary_after")},
                   formats={"monetary_before": "money", "monetary_after": "money"})
        with st.expander(t("rfm.mig_matrix_title"), icon=":material/grid_on:"):
            st.caption(t("rfm.mig_matrix_caption"))
            matrix = mig.matrix.copy()
            matrix.index = [labels[k] for k in matrix.index]
            matrix.columns = [labels[k] for k in matrix.columns]
            matrix = matrix.reset_index().rename(columns={"index": "before"})
            show_table(matrix, key="rfm_mig_matrix", filename=t("rfm.file_matrix"), lang=lang,
                       labels={"before": t("rfm.mig_matrix_corner")})

# ======================================================================== Lifecycle
if tab_life.open:
    with tab_life:
        st.caption(t("rfm.life_intro"))
        defaults = LifecycleRules()
        with st.expander(t("rfm.rules_title"), icon=":material/tune:"):
            c1, c2, c3, c4 = st.columns(4)
            days_input = {"min_value": 0, "max_value": 3650, "step": 30}
            new_days = kept(c1.number_input, t("rfm.rule_new"), "rfm_rule_new",
                            defaults.new_days, help=t("rfm.rule_new_help"), **days_input)
            active_days = kept(c2.number_input, t("rfm.rule_active"), "rfm_rule_active",
                               defaults.active_days, help=t("rfm.rule_active_help"),
                               **days_input)
            tepid_days = kept(c3.number_input, t("rfm.rule_tepid"), "rfm_rule_tepid",
                              defaults.tepid_days, help=t("rfm.rule_tepid_help"), **days_input)
            inactive_days = kept(c4.number_input, t("rfm.rule_inactive"), "rfm_rule_inactive",
                                 defaults.inactive_days, help=t("rfm.rule_inactive_help"),
                                 **days_input)
            lost_wins = kept(st.checkbox, t("rfm.rule_status_lost"), "rfm_rule_lost", True)
        rules = LifecycleRules(new_days=int(new_days), active_days=int(active_days),
                               tepid_days=int(tepid_days), inactive_days=int(inactive_days),
                               status_lost_wins=lost_wins)
        try:
            rules.check()
            stages = _stages(name, version, as_of, (rules.new_days, rules.active_days,
                                                    rules.tepid_days, rules.inactive_days,
                                                    rules.status_lost_wins))
        except ValueError as exc:
            st.warning(t("rfm.error", error=exc), icon=":material/warning:")
            st.stop()
        if p.customers is None:
            st.info(t("rfm.life_no_customers"), icon=":material/info:")
        elif "status" not in p.customers.columns:
            st.info(t("rfm.life_no_status"), icon=":material/info:")
        funnel = lifecycle_funnel(stages)
        level_labels = {lv: t(f"rfm.level_{lv}") for lv in FUNNEL_LEVELS}
        funnel["level_label"] = funnel["level"].map(level_labels)
        f = funnel.set_index("level")["customers"]
        st.subheader(t("rfm.funnel_title"))
        st.write(t("rfm.read_funnel", n=fmt_number(f["suspect"], lang),
                   customers=fmt_number(f["customer"], lang),
                   conv=fmt_pct(f["customer"] / f["suspect"] if f["suspect"] else None, lang, 0),
                   active=fmt_number(f["active_customer"], lang),
                   retained=fmt_pct(f["active_customer"] / f["customer"] if f["customer"]
                                    else None, lang, 0)))
        st.altair_chart(funnel_chart(funnel, lang, {
            "level": t("rfm.col_level"), "customers": t("rfm.col_customers"),
            "conversion": t("rfm.col_conversion"), "conv_text": t("rfm.funnel_conv")}),
            key="rfm_funnel_chart")
        st.caption(t("rfm.funnel_caption"))

        counts = stage_counts(stages)
        counts["label"] = counts["stage"].map(lambda s: STAGE_LABELS[s][lang])
        st.subheader(t("rfm.stages_title"))
        by_stage = counts.set_index("stage")["customers"]

        def stage_option(s: str) -> str:
            if s == "all":
                return t("rfm.stage_all", n=fmt_number(len(stages), lang))
            return f"{STAGE_LABELS[s][lang]} ({fmt_number(by_stage[s], lang)})"

        show_table(counts[["label", "customers", "share"]], key="rfm_stage_counts",
                   filename=t("rfm.file_stages"), lang=lang,
                   height=36 * (len(counts) + 1) + 4,
                   labels={"label": t("rfm.col_stage"), "customers": t("rfm.col_customers"),
                           "share": t("rfm.col_share_records")},
                   formats={"customers": "number", "share": "pct"})
        stage = kept(st.selectbox, t("rfm.stage_label"), "rfm_stage", "all", ["all", *STAGES],
                     format_func=stage_option)
        listed = stages if stage == "all" else stages[stages["stage"].astype(str) == stage]
        listed = listed.assign(stage=listed["stage"].astype(str).map(
            lambda s: STAGE_LABELS[s][lang]))
        listed = with_names(listed[["customer_id", "status", "stage", "first_purchase",
                                    "last_purchase", "days_since_last", "orders"]])
        show_table(listed, key="rfm_stage_customers", filename=t("rfm.file_stage_customers"),
                   lang=lang, max_rows=500, height=300,
                   labels={"stage": t("rfm.col_stage"),
                           "days_since_last": t("rfm.col_days_since_last")},
                   formats={"first_purchase": "date", "last_purchase": "date",
                            "days_since_last": "number", "orders": "number"})

        st.subheader(t("rfm.attrition_title"))
        c1, c2, c3 = st.columns(3)
        drop = kept(c1.slider, t("rfm.att_drop"), "rfm_att_drop", 10, min_value=0,
                    max_value=50, step=5, format="%d %%" if lang == "fr" else "%d%%",
                    help=t("rfm.att_drop_help"))
        days = kept(c2.number_input, t("rfm.att_days"), "rfm_att_days", 90, min_value=7,
                    max_value=365, step=7, help=t("rfm.att_days_help"))
        factor = kept(c3.select_slider, t("rfm.att_factor"), "rfm_att_factor", 1.5,
                      [1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0], help=t("rfm.att_factor_help"),
                      format_func=lambda x: f"× {fmt_number(x, lang, 2).rstrip('0').rstrip(',.')}")
        flags = _attrition(name, version, as_of, drop / 100, int(days), float(factor))
        has_complaints = p.has("contacts", "customer_id", "date", "complaint")
        k1, k2, k3 = st.columns(3)
        n_fall = int(flags["falling_revenue"].sum())
        metric_card(k1, t("rfm.att_kpi_falling"), fmt_number(n_fall, lang),
                    tn("rfm.att_read_falling", n_fall, drop=drop,
                      money=fmt_money((flags.loc[flags["falling_revenue"], "revenue_prev_12m"]
                                       - flags.loc[flags["falling_revenue"], "revenue_12m"]
                                       ).sum(), lang)))
        n_comp = int(flags["repeated_complaint"].sum())
        metric_card(k2, t("rfm.att_kpi_complaints"),
                    fmt_number(n_comp, lang) if has_complaints else "–",
                    tn("rfm.att_read_complaints", n_comp, days=int(days))
                    if has_complaints else t("rfm.att_no_contacts"))
        n_over = int(flags["overdue"].sum())
        metric_card(k3, t("rfm.att_kpi_overdue"), fmt_number(n_over, lang),
                    tn("rfm.att_read_overdue", n_over,
                      factor=fmt_number(factor, lang, 2)))
        flagged = flags[flags["n_flags"] > 0]
        yes, no = t("common.yes"), t("common.no")
        flagged = with_names(flagged.assign(**{
            c: flagged[c].map({True: yes, False: no})
            for c in ("falling_revenue", "repeated_complaint", "overdue")}))
        show_table(flagged, key="rfm_attrition", filename=t("rfm.file_attrition"), lang=lang,
                   max_rows=500, height=320,
                   labels={"revenue_change": t("rfm.col_revenue_change"),
                           "falling_revenue": t("rfm.col_falling"),
                           "complaints": t("rfm.col_complaints"),
                           "repeated_complaint": t("rfm.col_repeated"),
                           "usual_gap_days": t("rfm.col_usual_gap"),
                           "days_since_last": t("rfm.col_days_since_last"),
                           "overdue": t("rfm.col_overdue"), "n_flags": t("rfm.col_n_flags")},
                   formats={"revenue_12m": "money", "revenue_prev_12m": "money",
                            "revenue_change": "pct", "usual_gap_days": "number",
                            "days_since_last": "number"})

# ======================================================================== Engagement
if tab_engage.open:
    with tab_engage:
        st.caption(t("rfm.eng_intro"))
        if not p.has("transactions", "family"):
            st.info(t("rfm.eng_no_family"), icon=":material/info:")
            st.stop()
        months = kept(st.select_slider, t("rfm.eng_period"), "rfm_eng_months", 12, [3, 6, 12],
                      format_func=lambda m: t("rfm.window_months", n=m))
        eng = _engagement(name, version, as_of, int(months))
        if eng.empty:
            st.info(t("rfm.eng_empty"))
            st.stop()
        counts = eng["trend"].value_counts()
        k1, k2, k3 = st.columns(3)
        for col, trend in zip((k1, k2, k3), ("widening", "narrowing", "stable")):
            n = int(counts.get(trend, 0))
            metric_card(col, t(f"rfm.eng_{trend}"), fmt_number(n, lang),
                        t(f"rfm.eng_read_{trend}", n=fmt_number(n, lang),
                          share=fmt_pct(n / len(eng), lang, 0), months=months))
        adopted = eng["adopted_families"].str.split(", ").explode()
        dropped = eng["dropped_families"].str.split(", ").explode()
        net = (adopted[adopted != ""].value_counts()
               .sub(dropped[dropped != ""].value_counts(), fill_value=0).sort_values())
        readings = []
        if len(net) and net.iloc[-1] > 0:
            readings.append(t("rfm.read_engagement_gain", family=net.index[-1],
                              n=fmt_number(net.iloc[-1], lang)))
        if len(net) and net.iloc[0] < 0:
            readings.append(t("rfm.read_engagement_loss", family=net.index[0],
                              n=fmt_number(-net.iloc[0], lang)))
        if readings:
            st.write(" ".join(readings))
        trend_pick = kept(st.selectbox, t("rfm.eng_filter"), "rfm_eng_filter", "narrowing",
                          ["narrowing", "widening", "stable", "all"],
                          format_func=lambda x: t("rfm.eng_all") if x == "all"
                          else t(f"rfm.eng_{x}"))
        listed = eng if trend_pick == "all" else eng[eng["trend"] == trend_pick]
        listed = listed.sort_values(["dropped", "adopted"], ascending=[False, False])
        listed = with_names(listed.assign(trend=listed["trend"].map(
            lambda x: t(f"rfm.eng_{x}"))))
        show_table(listed, key="rfm_engagement", filename=t("rfm.file_engagement"), lang=lang,
                   max_rows=500, height=320,
                   labels={"families_prev": t("rfm.col_families_prev", months=months),
                           "families_now": t("rfm.col_families_now", months=months),
                           "adopted": t("rfm.col_adopted"), "dropped": t("rfm.col_dropped"),
                           "adopted_families": t("rfm.col_adopted_families"),
                           "dropped_families": t("rfm.col_dropped_families"),
                           "trend": t("rfm.col_trend")})

