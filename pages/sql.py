"""SQL explorer (Explorateur SQL): read-only DuckDB SQL on the current portfolio's tables,
with example queries answering textbook questions, results downloadable.

Queries run through core.store.run_readonly_query: a separate in-memory DuckDB holding a
copy of the tables, external access disabled, configuration locked, one SELECT / WITH
statement only, a row limit and a timeout.
"""

import time

import pandas as pd
import streamlit as st

from core.schema import COLUMNS, TABLES
from core.store import QueryError, run_readonly_query
from ui import state
from ui.format import fmt_date, fmt_number
from ui.i18n import column_label, t
from ui.tables import show_table

state.ensure_app_shell()
p = state.require_portfolio()
lang = state.lang()
name, version, as_of = state.cache_key()
ss = st.session_state
ROW_LIMIT = 10_000
TIMEOUT_S = 10.0


def examples() -> dict[str, str]:
    """Example queries the portfolio can answer: key -> SQL (dated at the as-of date)."""
    day = f"DATE '{as_of:%Y-%m-%d}'"

    def window(col: str) -> str:
        return f"{col} > {day} - INTERVAL 12 MONTH AND {col} <= {day}"

    has_names = p.has("customers", "customer_id", "name")
    out = {}

    def head(key: str) -> str:
        return f"-- {t(f'sql.ex_{key}')}, {fmt_date(as_of, lang)}\n"

    if p.has("transactions", "margin"):
        join = ("LEFT JOIN customers c USING (customer_id)\n" if has_names else "")
        label = "c.name, " if has_names else ""
        out["top_margin"] = head("top_margin") + (
            f"SELECT t.customer_id, {label}round(sum(t.amount), 2) AS revenue,\n"
            "       round(sum(t.margin), 2) AS margin,\n"
            "       round(100 * sum(t.margin) / nullif(sum(t.amount), 0), 1) AS margin_rate_pct\n"
            f"FROM transactions t\n{join}"
            f"WHERE {window('t.date')}\n"
            f"GROUP BY t.customer_id{', c.name' if has_names else ''}\n"
            "ORDER BY margin DESC\nLIMIT 20")
    label = "c.name, " if has_names else ""
    join = "LEFT JOIN customers c USING (customer_id)\n" if has_names else ""
    out["inactive_6m"] = head("inactive_6m") + (
        f"SELECT t.customer_id, {label}max(t.date) AS last_purchase,\n"
        f"       date_diff('day', max(t.date), {day}) AS days_without_purchase,\n"
        "       round(sum(t.amount), 2) AS revenue_to_date\n"
        f"FROM transactions t\n{join}"
        f"WHERE t.amount > 0 AND t.date <= {day}\n"
        f"GROUP BY t.customer_id{', c.name' if has_names else ''}\n"
        f"HAVING max(t.date) <= {day} - INTERVAL 6 MONTH\n"
        "ORDER BY revenue_to_date DESC")
    if p.has("customers", "customer_id", "sales_rep") and p.has("transactions", "family"):
        out["rep_family"] = head("rep_family") + (
            "SELECT c.sales_rep, t.family, round(sum(t.amount), 2) AS revenue,\n"
            "       count(DISTINCT t.customer_id) AS customers\n"
            "FROM transactions t JOIN customers c USING (customer_id)\n"
            f"WHERE {window('t.date')}\n"
            "GROUP BY ALL\nORDER BY c.sales_rep, revenue DESC")
    margin = ", round(sum(margin), 2) AS margin" if p.has("transactions", "margin") else ""
    out["monthly"] = head("monthly") + (
        f"SELECT date_trunc('month', date) AS month, round(sum(amount), 2) AS revenue{margin},\n"
        "       count(DISTINCT customer_id) AS customers\n"
        f"FROM transactions\nWHERE date <= {day}\nGROUP BY month\nORDER BY month")
    if p.has("receivables", "customer_id", "due_date", "amount"):
        paid = "paid_date IS NULL OR paid_date > " + day if p.has(
            "receivables", "paid_date") else "TRUE"
        out["overdue"] = head("overdue") + (
            "SELECT customer_id, count(*) AS invoices, round(sum(amount), 2) AS overdue_amount,\n"
            f"       max(date_diff('day', due_date, {day})) AS max_days_late\n"
            "FROM receivables\n"
            f"WHERE invoice_date <= {day} AND due_date < {day} AND ({paid})\n"
            "GROUP BY customer_id\nORDER BY overdue_amount DESC")
    if p.has("contacts", "customer_id", "date", "channel"):
        cost = ", round(sum(cost), 2) AS cost" if p.has("contacts", "cost") else ""
        out["channels"] = head("channels") + (
            f"SELECT channel, count(*) AS contacts{cost},\n"
            "       count(DISTINCT customer_id) AS customers\n"
            f"FROM contacts\nWHERE {window('date')}\nGROUP BY channel\nORDER BY contacts DESC")
    return out


EXAMPLES = examples()


def tn(key: str, count, **kwargs) -> str:
    """``t(key)`` in the singular (``key_one``) or plural form chosen from ``count``
    (French: singular below 2; English: singular for exactly 1)."""
    one = abs(count) < 2 if lang == "fr" else count == 1
    text = t(f"{key}_one", **kwargs) if one else None
    return text if text and not text.startswith("⟦") else t(key, **kwargs)


def editor_height(queries: dict[str, str], line_px: int = 21, padding_px: int = 40,
                  max_px: int = 720) -> int:
    """Pixel height of the query box: the longest example shows whole, plus two spare lines
    (room for one wrapped line).

    >>> editor_height({"a": "SELECT 1"})
    103
    """
    lines = max((q.count("\n") + 1 for q in queries.values()), default=8)
    return min(padding_px + line_px * (lines + 2), max_px)


def load_example() -> None:
    key = ss.get("sql_example")
    if key in EXAMPLES:
        ss["sql_text"] = EXAMPLES[key]


st.title(t("sql.title"))
st.write(t("sql.intro", portfolio=state.display_name(name, lang),
           limit=fmt_number(ROW_LIMIT, lang), timeout=fmt_number(TIMEOUT_S, lang)))
st.caption(t("sql.safety"))

with st.expander(t("sql.schema_title")):
    for kind in TABLES:
        frame = getattr(p, kind)
        if frame is None:
            continue
        cols = [c for c in COLUMNS[kind] if c in frame.columns]
        st.markdown(f"**`{kind}`** — {t(f'common.table_{kind}')} · "
                    f"{tn('sql.schema_rows', len(frame), n=fmt_number(len(frame), lang))}")
        st.dataframe(pd.DataFrame({
            t("sql.h_column"): cols,
            t("sql.h_label"): [column_label(c, lang, kind) for c in cols],
            t("sql.h_type"): [t(f"sql.type_{COLUMNS[kind][c]}") for c in cols],
        }), hide_index=True, key=f"sql_schema_{kind}")

if "sql_text" not in ss:  # start on the first example, and say so in the picker
    ss["sql_example"] = next(iter(EXAMPLES))
    ss["sql_text"] = EXAMPLES[ss["sql_example"]]
st.selectbox(t("sql.example_label"), ["", *EXAMPLES], key="sql_example",
             format_func=lambda k: t(f"sql.ex_{k}") if k else t("sql.example_none"),
             on_change=load_example, help=t("sql.example_help"))
sql = st.text_area(t("sql.query_label"), key="sql_text", height=editor_height(EXAMPLES))

if st.button(t("sql.run_button"), type="primary", key="sql_run", icon=":material/play_arrow:"):
    start = time.perf_counter()
    try:
        result = run_readonly_query(sql, p.tables(), max_rows=ROW_LIMIT, timeout_s=TIMEOUT_S)
    except QueryError as exc:
        ss["sql_last"] = {"error": str(exc), "for": (name, version)}
    else:
        ss["sql_last"] = {"frame": result, "seconds": time.perf_counter() - start,
                          "truncated": bool(result.attrs.get("truncated")),
                          "for": (name, version)}

last = ss.get("sql_last")
if last and last.get("for") == (name, version):
    if "error" in last:
        st.error(t("sql.error", error=last["error"]), icon=":material/error:")
    else:
        frame = last["frame"]
        st.caption(tn("sql.rows_found", len(frame), n=fmt_number(len(frame), lang),
                     seconds=fmt_number(last["seconds"], lang, 2)))
        if last["truncated"]:
            st.warning(t("sql.truncated", limit=fmt_number(ROW_LIMIT, lang)))
        if frame.empty:
            st.info(t("sql.empty_result"))
        else:
            show_table(frame, key="sql_result", filename=t("sql.result_file"), lang=lang,
                       labels={c: str(c) for c in frame.columns})
