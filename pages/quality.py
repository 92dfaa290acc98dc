"""Data quality (Qualité des données): the quality report, duplicate customers (review,
merge, undo), qualification edits with their audit trail.

Every write goes through core.quality (merge, undo, decision, qualification) and is saved
atomically in the store: the new store version makes every page reload the portfolio.
"""

import datetime as dt
import math

import pandas as pd
import streamlit as st

from core.quality import (
    annotate_decisions,
    apply_qualification,
    audit_log,
    find_duplicates,
    merge_customers,
    merge_log,
    pair_decisions,
    quality_report,
    record_decision,
    undo_merge,
)
from core.schema import STATUSES
from ui import state
from ui.cards import metric_card
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_label, t
from ui.tables import download_buttons, show_table

state.ensure_app_shell()
p = state.require_portfolio()
lang = state.lang()
name, version, _as_of = state.cache_key()
store = state.get_store()
ss = st.session_state
MAX_EDIT_ROWS = 500


@st.cache_data(show_spinner=False, max_entries=1)
def _communes():
    from core.sample import load_communes

    try:
        return load_communes()
    except ValueError:
        return None


@st.cache_data(show_spinner=False, max_entries=8)
def _report(name: str, version: str, limit: pd.Timestamp):
    return quality_report(state.load_portfolio(name, version), limit, communes=_communes())


@st.cache_data(show_spinner=False, max_entries=8)
def _pairs(name: str, version: str, min_score: float) -> pd.DataFrame:
    return find_duplicates(state.load_portfolio(name, version).customers, min_score=min_score)


def table_label(kind: str) -> str:
    return t(f"common.table_{kind}", lang=lang)


def flash(message: str) -> None:
    ss["quality_flash"] = message


def now() -> pd.Timestamp:
    return pd.Timestamp.now().floor("s")


def fmt_when(iso) -> str:
    """A logged ISO timestamp as date and hour:minute in the interface's style."""
    if iso is None or (not isinstance(iso, str) and pd.isna(iso)):
        return "–"
    ts = pd.Timestamp(iso)
    return f"{fmt_date(ts, lang)} {ts:%H:%M}"


def write(updated, message: str) -> None:
    """Save the updated portfolio, then rerun with ``message`` (errors shown in place)."""
    try:
        store.save(name, updated, overwrite=True)
    except Exception as exc:  # noqa: BLE001 - shown to the user, the store is unchanged
        st.error(t("quality.action_error", error=exc))
        return
    flash(message)
    st.rerun()


st.title(t("quality.title"))
st.write(t("quality.intro", portfolio=state.display_name(name, lang)))
if "quality_flash" in ss:
    st.success(ss.pop("quality_flash"), icon=":material/check_circle:")
who = st.text_input(t("quality.who_label"), key="quality_who", help=t("quality.who_help"),
                    width=360).strip()

tab_report, tab_dup, tab_qualif, tab_journal = st.tabs(
    [t("quality.tab_report"), t("quality.tab_duplicates"), t("quality.tab_qualification"),
     t("quality.tab_journal")], key="quality_tabs")


# -- report ---------------------------------------------------------------------------
def check_label(check: str) -> str:
    return t(f"quality.check_{check}")


def fmt_score(score: float) -> str:
    """Score out of 100 with one decimal, rounded down (99.96 reads 99.9, not 100)."""
    return fmt_number(math.floor(score * 10) / 10, lang, 1)


def report_section() -> None:
    limit = st.date_input(t("quality.today_label"), value=dt.date.today(),
                          help=t("quality.today_help"), key="quality_limit",
                          format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD", width=220)
    report = _report(name, version, pd.Timestamp(limit))
    scores = report.scores
    st.subheader(t("quality.scores_title"))
    cols = st.columns(max(len(scores), 1))
    for col, row in zip(cols, scores.itertuples(index=False)):
        if row.rows == 0:
            metric_card(col, table_label(row.table), "–", t("quality.no_rows"))
            continue
        metric_card(
            col, table_label(row.table),
            t("quality.score_value", score=fmt_score(row.score)),
            t("quality.read_score", completeness=fmt_pct(row.completeness, lang),
              validity=fmt_pct(row.validity, lang), uniqueness=fmt_pct(row.uniqueness, lang),
              problems=count_text("quality.n_rows", row.problems)),
            help=t("quality.score_help"))
    problems = report.problems
    errors = problems[problems["severity"] == "error"]
    warnings = problems[problems["severity"] == "warning"]
    rated = scores.dropna(subset=["score"])
    if len(errors) or len(warnings):
        worst = rated.loc[rated["score"].idxmin()] if not rated.empty else None
        st.write(t("quality.read_report",
                   errors=count_text("quality.n_error_kinds", len(errors)),
                   error_rows=count_text("quality.n_rows", int(errors["n_rows"].sum())),
                   warnings=count_text("quality.n_points", len(warnings)),
                   warning_rows=count_text("quality.n_rows", int(warnings["n_rows"].sum())),
                   table=table_label(worst["table"]) if worst is not None else "–",
                   score=fmt_score(worst["score"]) if worst is not None else "–"))
    else:
        st.write(t("quality.read_report_clean"))

    st.subheader(t("quality.problems_title"))
    if problems.empty:
        st.success(t("quality.no_problem"))
        return
    shown = pd.DataFrame({
        "severity": problems["severity"].map(lambda s: t(f"quality.sev_{s}")),
        "table": problems["table"].map(table_label),
        "column": [column_label(c, lang, k) for c, k in zip(problems["column"],
                                                              problems["table"])],
        "check": problems["check"].map(check_label),
        "n_rows": problems["n_rows"], "share": problems["share"],
        "examples": problems["examples"],
    })
    labels = {c: t(f"quality.h_{c}") for c in ("severity", "table", "column", "check",
                                               "examples")}
    labels.update(n_rows=t("quality.h_rows"), share=t("quality.h_share"))
    show_table(shown, key="quality_problems", filename=t("quality.problems_file"), lang=lang,
               labels=labels, formats={"n_rows": "number", "share": "pct"})

    st.subheader(t("quality.detail_title"))
    options = list(range(len(problems)))

    def problem_label(i: int) -> str:
        r = problems.iloc[i]
        return (f"{table_label(r['table'])} · {column_label(r['column'], lang, r['table'])} · "
                f"{check_label(r['check'])} ({fmt_number(r['n_rows'], lang)})")

    chosen = st.selectbox(t("quality.detail_label"), options, format_func=problem_label,
                          key="quality_problem")
    r = problems.iloc[chosen if chosen is not None else 0]
    rows = report.problem_rows(p, r["table"], r["column"], r["check"])
    if "status" in rows.columns:  # "client", not the stored code "customer"
        rows = rows.assign(status=rows["status"].map(
            lambda v: status_label(v) if pd.notna(v) else v))
    # the checked column right after the line and the customer, not off to the right
    front = [c for c in ("row", "customer_id", "name", r["column"]) if c in rows.columns]
    rows = rows[front + [c for c in rows.columns if c not in front]]
    show_table(rows, key="quality_rows", filename=t("quality.detail_file"), lang=lang,
               labels={"row": t("quality.h_row")}, max_rows=500)
    st.caption(t("quality.all_rows_caption"))
    everything = report.all_problem_rows()
    everything = everything.assign(check=everything["check"].map(check_label),
                                   severity=everything["severity"].map(
                                       lambda s: t(f"quality.sev_{s}")))
    download_buttons(everything, key="quality_all_rows", filename=t("quality.all_rows_file"),
                     lang=lang, labels={c: t(f"quality.h_{c}") for c in
                                        ("table", "column", "check", "severity", "row")})
    with st.expander(t("quality.columns_title")):
        per_col = report.columns.assign(
            table=report.columns["table"].map(table_label),
            column=[column_label(c, lang, k) for c, k in zip(report.columns["column"],
                                                               report.columns["table"])])
        show_table(per_col, key="quality_columns", filename=t("quality.columns_file"),
                   lang=lang,
                   labels={c: t(f"quality.h_{c}") for c in (
                       "table", "column", "rows", "missing", "missing_share", "invalid",
                       "invalid_share")},
                   formats={"rows": "number", "missing": "number", "invalid": "number",
                            "missing_share": "pct", "invalid_share": "pct"})


def tn(key: str, count, **kwargs) -> str:
    """``t(key)`` in the singular (``key_one``) or plural form chosen from ``count``
    (French: singular below 2; English: singular for exactly 1)."""
    one = abs(count) < 2 if lang == "fr" else count == 1
    text = t(f"{key}_one", **kwargs) if one else None
    return text if text and not text.startswith("⟦") else t(key, **kwargs)


def count_text(key: str, count) -> str:
    """"3 lignes" / "1 ligne": ``key`` with the formatted ``count`` as ``{n}``."""
    return tn(key, count, n=fmt_number(count, lang))


# -- duplicates -------------------------------------------------------------------------
def reason_text(row) -> str:
    parts = [t("quality.reason_name", pct=fmt_pct(row["name_score"], lang, 0))]
    for flag in ("same_postal_code", "same_city", "same_siret", "same_siren", "same_email",
                 "same_phone", "location_conflict"):
        if bool(row[flag]):
            parts.append(t(f"quality.reason_{flag}"))
    return ", ".join(parts)


def activity(customer_id: str) -> dict:
    out = {}
    tx = p.transactions
    sel = tx["customer_id"] == customer_id
    out[t("quality.activity_lines")] = fmt_number(int(sel.sum()), lang)
    out[t("quality.activity_revenue")] = fmt_money(tx.loc[sel, "amount"].sum(), lang)
    for kind in ("contacts", "receivables"):
        frame = getattr(p, kind)
        if frame is not None and "customer_id" in frame.columns:
            out[t(f"quality.activity_{kind}")] = fmt_number(
                int((frame["customer_id"] == customer_id).sum()), lang)
    return out


def field_value(v, column: str) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return "–"
    if column == "status":
        return status_label(v)  # "client", not the stored code "customer"
    if column in ("potential", "credit_limit", "acquisition_cost"):
        return fmt_money(v, lang)
    if isinstance(v, pd.Timestamp):
        return fmt_date(v, lang)
    if isinstance(v, float):
        return fmt_number(v, lang, 4 if column in ("latitude", "longitude") else 0)
    return str(v)


def duplicates_section() -> None:
    st.write(t("quality.dup_intro"))
    if not p.has("customers", "customer_id", "name"):
        st.info(t("quality.no_customers"), icon=":material/info:")
        return
    min_pct = st.slider(t("quality.min_score"), 50, 100, 85, 1,
                        help=t("quality.min_score_help"), key="quality_min_score",
                        format="%d %%", width=360)
    min_score = min_pct / 100
    try:
        pairs = _pairs(name, version, min_score)
    except ValueError as exc:
        st.warning(str(exc))
        return
    pairs = annotate_decisions(pairs, pair_decisions(p))
    pending = pairs[pairs["decision"] == ""]
    show_all = st.toggle(t("quality.show_reviewed"), key="quality_show_reviewed")
    if pairs.empty:
        st.info(t("quality.no_pairs"))
        return
    st.write(t("quality.read_pairs", pairs=count_text("quality.n_pairs", len(pairs)),
               min=fmt_pct(min_score, lang, 0),
               pending=count_text("quality.n_pending", len(pending))))
    listed = pairs if show_all else pending
    table = pd.DataFrame({
        "id_a": listed["id_a"], "name_a": listed["name_a"], "id_b": listed["id_b"],
        "name_b": listed["name_b"], "score": listed["score"],
        "reason": [reason_text(r) for _, r in listed.iterrows()],
        "decision": listed["decision"].map(lambda d: t(f"quality.decision_{d}")),
    })
    show_table(table, key="quality_pairs", filename=t("quality.pairs_file"), lang=lang,
               labels={"id_a": t("quality.h_id_a"), "name_a": t("quality.h_name_a"),
                       "id_b": t("quality.h_id_b"), "name_b": t("quality.h_name_b"),
                       "score": t("quality.h_score_pair"), "reason": t("quality.h_reason"),
                       "decision": t("quality.h_decision")},
               formats={"score": "pct"}, max_rows=500)

    st.subheader(t("quality.review_title"))
    if pending.empty:
        st.info(t("quality.review_none"))
        return
    keys = [f"{a}|{b}" for a, b in zip(pending["id_a"], pending["id_b"])]
    by_key = dict(zip(keys, pending.to_dict("records")))

    def pair_label(k: str) -> str:
        r = by_key[k]
        return (f"{r['id_a']} {r['name_a']}  ↔  {r['id_b']} {r['name_b']}  "
                f"({fmt_pct(r['score'], lang, 0)})")

    chosen = st.selectbox(t("quality.review_label"), keys, format_func=pair_label,
                          key="quality_pair")
    pair = by_key[chosen if chosen in by_key else keys[0]]
    a, b = pair["id_a"], pair["id_b"]
    cu = p.customers.set_index(p.customers["customer_id"].astype("str"))
    fields = [c for c in cu.columns if c != "customer_id"]
    compare = pd.DataFrame({
        "field": [column_label(c, lang, "customers") for c in fields],
        "a": [field_value(cu.loc[a, c], c) for c in fields],
        "b": [field_value(cu.loc[b, c], c) for c in fields],
    })
    act_a, act_b = activity(a), activity(b)
    compare = pd.concat([compare, pd.DataFrame({"field": list(act_a), "a": list(act_a.values()),
                                                "b": list(act_b.values())})],
                        ignore_index=True)
    compare.insert(1, "diff", ["≠" if x != y else "" for x, y in zip(compare["a"],
                                                                   compare["b"])])
    st.dataframe(compare.rename(columns={"field": t("quality.h_field"), "diff": "≠",
                                         "a": a, "b": b}),
                 hide_index=True, key="quality_compare", height=38 + 35 * len(compare),
                 column_config={"≠": st.column_config.TextColumn("≠", width="small",
                                                                 help=t("quality.diff_help"))})
    st.caption(reason_text(pair))
    keep = st.radio(t("quality.keep_label"), [a, b], horizontal=True, key="quality_keep",
                    help=t("quality.keep_help"),
                    format_func=lambda i: f"{i} — {cu.loc[i, 'name']}")
    if not who:
        st.info(t("quality.who_needed"), icon=":material/badge:")
    c1, c2 = st.columns(2)
    if c1.button(t("quality.merge_button"), type="primary", disabled=not who,
                 key="quality_merge", icon=":material/merge:"):
        remove = b if keep == a else a
        try:
            when = now()
            updated = record_decision(p, a, b, "confirmed", who=who, when=when)
            updated = merge_customers(updated, keep, remove, who=who, when=when)
        except ValueError as exc:
            st.error(t("quality.action_error", error=exc))
            return
        write(updated, t("quality.merged", removed=f"{remove} {cu.loc[remove, 'name']}",
                         kept=f"{keep} {cu.loc[keep, 'name']}"))
    if c2.button(t("quality.reject_button"), disabled=not who, key="quality_reject",
                 icon=":material/block:"):
        try:
            updated = record_decision(p, a, b, "rejected", who=who, when=now())
        except ValueError as exc:
            st.error(t("quality.action_error", error=exc))
            return
        write(updated, t("quality.rejected", a=a, b=b))


# -- qualification ----------------------------------------------------------------------
def status_label(s) -> str:
    text = t(f"quality.status_{s}")
    return str(s) if text.startswith("⟦") else text


def qualification_section() -> None:
    st.write(t("quality.qualif_intro"))
    if not p.has("customers", "customer_id"):
        st.info(t("quality.no_customers"), icon=":material/info:")
        return
    cu = p.customers
    editable = ["status", "potential", "credit_limit", "sales_rep", "sector"]
    cols = ["customer_id"] + (["name"] if "name" in cu.columns else []) + editable
    frame = cu.reindex(columns=cols)
    for c in ("potential", "credit_limit"):
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    for c in ("customer_id", "name", "status", "sales_rep", "sector"):
        if c in frame.columns:
            frame[c] = frame[c].astype("object").where(frame[c].notna(), None)
    f1, f2 = st.columns([2, 1])
    query = f1.text_input(t("quality.search_label"), key="quality_search").strip().lower()
    reps = sorted({str(r) for r in frame["sales_rep"].dropna()})
    rep = f2.selectbox(t("quality.rep_filter"), ["", *reps], key="quality_rep_filter",
                       format_func=lambda r: r or t("quality.all_reps"))
    sel = pd.Series(True, index=frame.index)
    if query:
        text = frame["customer_id"].astype("str").str.lower()
        if "name" in frame.columns:
            text = text + " " + frame["name"].astype("str").str.lower()
        sel &= text.str.contains(query, regex=False)
    if rep:
        sel &= frame["sales_rep"] == rep
    view = frame[sel]
    if view.empty:
        st.info(t("quality.no_match"))
        return
    if len(view) > MAX_EDIT_ROWS:
        st.caption(t("quality.shown_rows", shown=fmt_number(MAX_EDIT_ROWS, lang),
                     total=fmt_number(len(view), lang)))
        view = view.head(MAX_EDIT_ROWS)
    statuses = list(STATUSES) + sorted({str(s) for s in frame["status"].dropna()}
                                       - set(STATUSES))
    money_fmt = "localized"
    config = {
        "customer_id": st.column_config.TextColumn(column_label("customer_id", lang),
                                                   disabled=True),
        "name": st.column_config.TextColumn(column_label("name", lang), disabled=True),
        "status": st.column_config.SelectboxColumn(column_label("status", lang),
                                                   options=statuses, format_func=status_label),
        "potential": st.column_config.NumberColumn(column_label("potential", lang),
                                                   min_value=0.0, format=money_fmt),
        "credit_limit": st.column_config.NumberColumn(column_label("credit_limit", lang),
                                                      min_value=0.0, format=money_fmt),
        "sales_rep": st.column_config.TextColumn(column_label("sales_rep", lang)),
        "sector": st.column_config.TextColumn(column_label("sector", lang)),
    }
    edited = st.data_editor(view, hide_index=True, column_config=config,
                            disabled=["customer_id", "name"], key=f"quality_editor_{version}",
                            height=420)
    if not who:
        st.info(t("quality.who_needed"), icon=":material/badge:")
    if st.button(t("quality.save_button"), type="primary", disabled=not who,
                 key="quality_save", icon=":material/save:"):
        try:
            updated, changes = apply_qualification(
                p, edited[["customer_id", *editable]], who=who, when=now())
        except ValueError as exc:
            st.error(t("quality.action_error", error=exc))
            return
        if changes.empty:
            st.info(t("quality.nothing_changed"))
            return
        write(updated, tn("quality.saved", len(changes), n=fmt_number(len(changes), lang)))


# -- journal ----------------------------------------------------------------------------
def journal_section() -> None:
    st.subheader(t("quality.merges_title"))
    log = merge_log(p)
    if log.empty:
        st.info(t("quality.merges_none"))
    else:
        shown = log.drop(columns=["merge_id"]).iloc[::-1]
        for c in ("when", "undone_when"):
            shown[c] = shown[c].map(fmt_when)
        show_table(shown, key="quality_merges", filename=t("quality.merges_file"), lang=lang,
                   labels={c: t(f"quality.h_{c}") for c in shown.columns})
        active = log[log["undone_when"].isna()].iloc[::-1]
        if active.empty:
            st.caption(t("quality.undo_none"))
        else:
            options = active["merge_id"].tolist()
            by_id = active.set_index("merge_id")

            def merge_label(mid: str) -> str:
                r = by_id.loc[mid]
                return t("quality.undo_option", removed=f"{r['removed']} {r['removed_name']}",
                         kept=r["kept"], when=fmt_when(r["when"]))

            chosen = st.selectbox(t("quality.undo_label"), options, format_func=merge_label,
                                  key="quality_undo_choice")
            if not who:
                st.info(t("quality.who_needed"), icon=":material/badge:")
            if st.button(t("quality.undo_button"), disabled=not who, key="quality_undo",
                         icon=":material/undo:"):
                r = by_id.loc[chosen]
                try:
                    updated = undo_merge(p, chosen, who=who, when=now())
                except ValueError as exc:
                    st.error(t("quality.action_error", error=exc))
                else:
                    write(updated, t("quality.undone", removed=r["removed"], kept=r["kept"]))
    st.subheader(t("quality.audit_title"))
    audit = audit_log(p)
    if audit.empty:
        st.info(t("quality.audit_none"))
        return
    def logged_value(v, column: str) -> str:
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return "–"
        if column == "status":
            return status_label(v)
        if isinstance(v, (int, float)):
            return fmt_money(v, lang)
        return str(v)

    audit = audit.iloc[::-1]
    audit = audit.assign(
        when=audit["when"].map(fmt_when),
        old=[logged_value(v, c) for v, c in zip(audit["old"], audit["column"])],
        new=[logged_value(v, c) for v, c in zip(audit["new"], audit["column"])],
        column=audit["column"].map(lambda c: column_label(c, lang, "customers")))
    show_table(audit, key="quality_audit", filename=t("quality.audit_file"), lang=lang,
               labels={"when": t("quality.h_when"), "who": t("quality.h_who"),
                       "column": t("quality.h_column"), "old": t("quality.h_old"),
                       "new": t("quality.h_new")})


with tab_report:
    report_section()
with tab_dup:
    duplicates_section()
with tab_qualif:
    qualification_section()
with tab_journal:
    journal_section()
