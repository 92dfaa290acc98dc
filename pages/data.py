"""Data (Données): import a file (upload, mapping, validation report, save), manage the
saved portfolios, preview the tables of the current portfolio.

A failed or unfinished import never touches the store: the store is written only by the
Save button, with a successful import, and the store's writes are atomic.
"""

import io

import streamlit as st

from core.io import MAX_UPLOAD_BYTES, FileTooLarge, import_raw, list_sheets, read_raw
from core.schema import COLUMNS, REQUIRED, TABLES, Portfolio
from core.store import DEMO_NAME
from ui import state
from ui.format import fmt_number
from ui.i18n import column_label, column_labels, t
from ui.importer import (
    IGNORE,
    duplicate_targets,
    examples,
    fmt_size,
    initial_choices,
    mapping_from_choices,
    memo,
    missing_required,
    optional_columns,
)
from ui.tables import show_table

state.ensure_app_shell()
lang = state.lang()
store = state.get_store()
ss = st.session_state
ss.setdefault("data_round", 0)  # bumped after a save: gives a fresh, empty uploader


def table_label(kind: str) -> str:
    return t(f"common.table_{kind}", lang=lang)


def show_name(name: str) -> str:
    return state.display_name(name, lang)


def flash(message: str) -> None:
    """Show ``message`` as a success box at the top of the next run."""
    ss["data_flash"] = message


def labels(columns, kind: str | None = None) -> str:
    return ", ".join(column_label(c, lang, kind) for c in columns)


st.title(t("data.title"))
st.write(t("data.intro"))
if "data_flash" in ss:
    st.success(ss.pop("data_flash"), icon=":material/check_circle:")

tab_import, tab_saved, tab_preview = st.tabs(
    [t("data.tab_import"), t("data.tab_saved"), t("data.tab_preview")], key="data_tabs")


def count_text(key: str, count: int) -> str:
    """"3 lignes" / "1 ligne": ``key`` (or ``key_one`` for a single item) with ``{n}``."""
    one = abs(count) < 2 if lang == "fr" else count == 1
    text = t(f"{key}_one", n=fmt_number(count, lang)) if one else None
    return text if text and not text.startswith("⟦") else t(key, n=fmt_number(count, lang))


UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "xlsm", "parquet"]


# -- import ---------------------------------------------------------------------------
def import_section() -> None:
    st.subheader(t("data.step_file"))
    kind = st.selectbox(t("data.kind_label"), TABLES, format_func=table_label,
                        help=t("data.kind_help"), key="data_kind")
    st.caption(t("data.required_cols", required=labels(REQUIRED[kind], kind)) + " "
               + t("data.optional_cols", optional=labels(optional_columns(kind), kind)))
    max_text = fmt_size(MAX_UPLOAD_BYTES, lang)
    uploaded = st.file_uploader(
        t("data.upload_label"), type=UPLOAD_TYPES,
        help=t("data.upload_help", max=max_text), key=f"data_file_{ss['data_round']}",
        max_upload_size=max(1, MAX_UPLOAD_BYTES // (1024 * 1024)),
    )
    # Streamlit's drop-zone texts are English only: say the types and the limit in French
    st.caption(t("data.upload_caption", max=max_text,
                 types=", ".join(f".{x}" for x in UPLOAD_TYPES)))
    if uploaded is None:
        return
    if uploaded.size > MAX_UPLOAD_BYTES:
        st.error(t("data.too_large", size=fmt_size(uploaded.size, lang), max=max_text))
        return
    content = uploaded.getvalue()
    name = uploaded.name
    file_key = (uploaded.file_id, name, uploaded.size)

    sheet = None
    if name.lower().endswith((".xlsx", ".xlsm")):
        try:
            sheets = memo(ss, "data_sheets", file_key,
                          lambda: list_sheets(io.BytesIO(content), filename=name, lang=lang))
        except (ValueError, OSError) as exc:
            st.error(t("data.read_error", error=exc))
            return
        if len(sheets) > 1:
            sheet = st.selectbox(t("data.sheet_label"), sheets, key="data_sheet")
        elif sheets:
            sheet = sheets[0]
    try:
        raw = memo(ss, "data_raw", (file_key, sheet, lang),
                   lambda: read_raw(io.BytesIO(content), filename=name, sheet=sheet,
                                    lang=lang))
    except FileTooLarge:
        st.error(t("data.too_large", size=fmt_size(uploaded.size, lang), max=max_text))
        return
    except (ValueError, OSError) as exc:
        st.error(t("data.read_error", error=exc))
        return
    frame = raw.frame
    rows = count_text("data.n_lines", len(frame))
    cols = count_text("data.n_columns", len(frame.columns))
    if raw.file_type == "csv":
        sep = t("data.sep_tab") if raw.separator == "\t" else raw.separator
        st.caption(t("data.file_info_csv", rows=rows, cols=cols, sep=sep, encoding=raw.encoding))
    elif raw.sheet:
        st.caption(t("data.file_info_sheet", rows=rows, cols=cols, sheet=raw.sheet))
    else:
        st.caption(t("data.file_info_other", rows=rows, cols=cols, type=str(raw.file_type).upper()))
    if frame.empty:
        st.warning(t("data.empty_file"))
        return
    with st.expander(t("data.raw_preview")):
        st.dataframe(frame.head(10), hide_index=True, key="data_raw_preview")

    # step 2: mapping
    st.subheader(t("data.step_mapping"))
    st.caption(t("data.mapping_intro"))
    headers = [str(h) for h in frame.columns]
    options = [IGNORE, *COLUMNS[kind]]
    required = set(REQUIRED[kind])

    def option_label(col: str) -> str:
        if col == IGNORE:
            return t("data.ignore", lang=lang)
        mark = t("data.required_mark", lang=lang) if col in required else ""
        return column_label(col, lang, kind) + mark

    guessed = initial_choices(headers, kind)
    grid = st.columns(3)
    choices = []
    for i, header in enumerate(headers):
        with grid[i % 3]:
            choice = st.selectbox(
                header, options, index=options.index(guessed[i]), format_func=option_label,
                help=t("data.example", values=" · ".join(examples(frame.iloc[:, i])) or "–"),
                key=f"data_map_{kind}_{uploaded.file_id}_{sheet}_{i}",
            )
            choices.append(choice)
    mapping = mapping_from_choices(headers, choices)
    status = " · ".join(
        (":green[:material/check_circle:] " if c in mapping.values()
         else ":red[:material/cancel:] ") + column_label(c, lang, kind) for c in REQUIRED[kind])
    st.write(t("data.status_required", items=status))
    dupes = duplicate_targets(mapping)
    for target, hdrs in dupes.items():
        st.error(t("data.duplicate_target", target=column_label(target, lang, kind),
                   headers=", ".join(hdrs)))
    missing = missing_required(mapping, kind)
    if missing:
        st.warning(t("data.missing_required", columns=labels(missing, kind)))
    if dupes or missing:
        return

    # step 3: validation report
    st.subheader(t("data.step_report"))
    try:
        with st.spinner():
            result = memo(ss, "data_result", (file_key, sheet, kind, tuple(mapping.items()), lang),
                          lambda: import_raw(raw, kind, mapping=mapping, lang=lang))
    except ValueError as exc:
        st.error(t("data.import_error", error=exc))
        return
    render_report(result, kind)

    # step 4: save
    st.subheader(t("data.step_save"))
    if result.n_imported == 0 or result.data is None or result.data.empty:
        st.warning(t("data.nothing_to_save"))
        return
    save_section(result, kind, name)


def render_report(result, kind: str) -> None:
    (st.warning if result.n_rejected else st.success)(result.summary)
    cols = st.columns(5)
    cols[0].metric(t("data.m_read"), fmt_number(result.n_read, lang))
    cols[1].metric(t("data.m_imported"), fmt_number(result.n_imported, lang))
    cols[2].metric(t("data.m_rejected"), fmt_number(result.n_rejected, lang))
    cols[3].metric(t("data.m_credit_notes"), fmt_number(result.n_credit_notes, lang))
    cols[4].metric(t("data.m_duplicates"), fmt_number(result.n_duplicates, lang))
    for warning in result.warnings or []:
        st.warning(warning[:1].upper() + warning[1:])
    if result.n_rejected and result.rejected is not None and not result.rejected.empty:
        st.markdown(f"**{t('data.rejected_title')}**")
        st.caption(t("data.line_numbers_note"))
        show_table(result.rejected, key="data_rejected", filename=t("data.rejected_file"),
                   lang=lang, max_rows=500)
    if result.n_duplicates and result.duplicates is not None and not result.duplicates.empty:
        st.markdown(f"**{t('data.duplicates_title')}**")
        show_table(result.duplicates, key="data_duplicates", filename=t("data.duplicates_file"),
                   lang=lang, max_rows=500)
    with st.expander(t("data.imported_preview")):
        st.dataframe(result.data.head(20), hide_index=True, key="data_imported_preview",
                     column_config=column_labels(result.data.columns, lang, kind))


def save_section(result, kind: str, filename: str) -> None:
    modes = ["new", "replace", "append"] if kind == "transactions" else ["replace", "append"]
    names = state.portfolio_names()
    if not names:
        modes = ["new"] if kind == "transactions" else []
    if not modes:
        st.info(t("data.new_needs_transactions"))
        return
    mode = st.radio(t("data.save_mode"), modes, horizontal=True, key="data_save_mode",
                    format_func=lambda m: t(f"data.mode_{m}", lang=lang))
    if kind != "transactions":
        st.caption(t("data.new_needs_transactions"))
    n = count_text("data.n_lines", result.n_imported)  # "3 lignes" / "1 ligne"
    if mode == "new":
        new_name = st.text_input(t("data.new_name"), placeholder=t("data.new_name_placeholder"),
                                 key="data_new_name").strip()
        if st.button(t("data.save_button"), type="primary", key="data_save_new",
                     icon=":material/save:"):
            if not new_name:
                st.error(t("data.name_empty"))
                return
            if store.exists(new_name):
                st.error(t("data.name_taken", name=new_name))
                return
            try:
                store.save(new_name, Portfolio(transactions=result.data,
                                               meta={"source": filename}))
            except Exception as exc:  # noqa: BLE001 - shown to the user, store unchanged
                st.error(t("data.save_error", error=exc))
                return
            finish_save(new_name, t("data.saved_new", name=new_name, n=n))
        return
    current = state.portfolio_name()
    target = st.selectbox(t("data.target_label"), names, format_func=show_name,
                          index=names.index(current) if current in names else 0,
                          key="data_target")
    args = {"table": table_label(kind), "portfolio": state.display_name(target), "n": n}
    confirmed = st.checkbox(t(f"data.confirm_{mode}", **args), key=f"data_confirm_{mode}")
    if st.button(t("data.save_button"), type="primary", disabled=not confirmed,
                 key="data_save_existing", icon=":material/save:"):
        try:
            store.replace_table(target, kind, result.data, append=(mode == "append"))
        except Exception as exc:  # noqa: BLE001 - shown to the user, store unchanged
            st.error(t("data.save_error", error=exc))
            return
        finish_save(target, t(f"data.saved_{mode}", table=table_label(kind),
                              name=state.display_name(target), n=n))


def finish_save(name: str, message: str) -> None:
    """After a save: select the portfolio, reset the import, rerun with a message."""
    state.select_portfolio(name)
    for slot in ("data_sheets", "data_raw", "data_result"):
        ss.pop(slot, None)
    ss["data_round"] += 1
    flash(message)
    st.rerun()


# -- saved portfolios -----------------------------------------------------------------
def saved_section() -> None:
    st.caption(t("data.saved_intro"))
    listing = store.list()
    names = state.portfolio_names()
    if not listing.empty:
        shown = listing.assign(name=listing["name"].map(state.display_name))
        show_table(shown, key="data_saved", filename=t("data.saved_file"), lang=lang,
                   labels={"name": t("common.portfolio_label")},
                   formats={"saved_at": "date", "first_date": "date", "last_date": "date",
                            **{f"n_{k}": "number" for k in TABLES}})
        current = state.portfolio_name()
        pending = ss.pop("data_manage_pending", None)
        if pending in names:
            ss["data_manage"] = pending
        elif ss.get("data_manage") not in names:
            ss.pop("data_manage", None)
        chosen = st.selectbox(t("data.manage_label"), names, format_func=show_name,
                              index=names.index(current) if current in names else 0,
                              key="data_manage", width=420)
        col_open, col_rename, col_delete = st.columns(3, border=True)
        col_open.caption(t("data.open_help"))
        if col_open.button(t("data.open_button"), key="data_open", icon=":material/folder_open:",
                           disabled=chosen == current):
            state.select_portfolio(chosen)
            st.rerun()
        new_name = col_rename.text_input(t("data.rename_label"), key="data_rename_to").strip()
        if col_rename.button(t("data.rename_button"), key="data_rename",
                             icon=":material/edit:",
                             disabled=not new_name or new_name == chosen):
            if store.exists(new_name):
                col_rename.error(t("data.name_taken", name=new_name))
            else:
                try:
                    store.rename(chosen, new_name)
                except ValueError as exc:
                    col_rename.error(t("data.action_error", error=exc))
                else:
                    if chosen == current:
                        state.select_portfolio(new_name)
                    ss["data_manage_pending"] = new_name
                    flash(t("data.renamed", name=new_name))
                    st.rerun()
        sure = col_delete.checkbox(t("data.delete_confirm"), key=f"data_delete_confirm_{chosen}")
        if col_delete.button(t("data.delete_button"), key="data_delete", disabled=not sure,
                             icon=":material/delete:"):
            try:
                store.delete(chosen)
            except ValueError as exc:
                col_delete.error(t("data.action_error", error=exc))
            else:
                flash(t("data.deleted", name=show_name(chosen)))
                st.rerun()
    st.markdown(f"**{t('data.demo_title')}**")
    st.caption(t("data.demo_help"))
    sure = st.checkbox(t("data.restore_confirm"), key="data_restore_confirm",
                       value=not store.exists(DEMO_NAME))
    if st.button(t("data.restore_button"), key="data_restore", disabled=not sure,
                 icon=":material/restore:"):
        try:
            store.restore_demo()
        except Exception as exc:  # noqa: BLE001 - shown to the user
            st.error(t("data.action_error", error=exc))
        else:
            state.select_portfolio(DEMO_NAME)
            flash(t("data.restored"))
            st.rerun()


# -- preview --------------------------------------------------------------------------
def preview_section() -> None:
    name = state.portfolio_name()
    if name is None:
        st.info(t("common.no_portfolio"))
        return
    p = state.portfolio()
    st.caption(t("data.preview_intro", portfolio=state.display_name(name)))
    for kind in TABLES:
        st.markdown(f"**{table_label(kind)}**")
        frame = getattr(p, kind)
        if frame is None or frame.empty:
            st.caption(t("data.preview_absent"))
            continue
        st.caption(t("data.preview_rows", n=count_text("data.n_lines", len(frame)),
                     cols=count_text("data.n_columns", len(frame.columns))))
        show_table(frame, key=f"data_preview_{kind}", filename=f"{name}_{kind}", lang=lang,
                   labels=column_labels(frame.columns, lang, kind), max_rows=200, height=260)


with tab_import:
    import_section()
with tab_saved:
    saved_section()
with tab_preview:
    preview_section()
