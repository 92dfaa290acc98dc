"""Tables a user can read and download: ``show_table`` = ``st.dataframe`` + CSV and Excel
download buttons (built by core.export, which neutralises spreadsheet formulas).

Columns are shown with their translated labels (ui/texts/columns.py, or ``labels``);
``formats`` turns numeric columns into language-formatted text for display (money,
percentages, dates) while the downloads keep the raw numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from core.export import to_csv_bytes, to_excel_bytes
from ui.format import fmt_date, fmt_money, fmt_number, fmt_pct
from ui.i18n import column_labels, t

EXCEL_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_FORMATTERS = {
    "money": lambda v, lang: fmt_money(v, lang),
    "money2": lambda v, lang: fmt_money(v, lang, decimals=2),
    "number": lambda v, lang: fmt_number(v, lang),
    "number1": lambda v, lang: fmt_number(v, lang, 1),
    "pct": lambda v, lang: fmt_pct(v, lang),
    "date": lambda v, lang: fmt_date(v, lang),
    "month": lambda v, lang: fmt_date(v, lang, "month_name"),
}


def display_frame(frame: pd.DataFrame, lang: str, formats: Mapping[str, str] | None = None,
                  labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` with ``formats`` applied and columns renamed to their labels.

    ``formats``: column -> one of "money", "money2", "number", "number1", "pct", "date",
    "month". ``labels``: column -> label (default: the translated canonical label).

    >>> f = pd.DataFrame({"customer_id": ["C1"], "revenue_12m": [1234.6]})
    >>> display_frame(f, "en", {"revenue_12m": "money"}).to_dict("records")
    [{'Customer ID': 'C1', 'Revenue 12 months': '€1,235'}]
    """
    out = frame.copy()
    for col, kind in (formats or {}).items():
        if col in out.columns:
            fmt = _FORMATTERS[kind]
            out[col] = out[col].map(lambda v, f=fmt: f(v, lang)).astype("object")
    names = column_labels(out.columns, lang)
    names.update({k: v for k, v in (labels or {}).items() if k in out.columns})
    return out.rename(columns=names)


def export_frame(frame: pd.DataFrame, lang: str,
                 labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``frame`` with translated column headers, raw values (for downloads)."""
    names = column_labels(frame.columns, lang)
    names.update({k: v for k, v in (labels or {}).items() if k in frame.columns})
    return frame.rename(columns=names)


def _safe_filename(name: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", name.strip(), flags=re.UNICODE).strip("_")
    return name or "table"


def download_buttons(frame: pd.DataFrame, key: str, filename: str, lang: str,
                     labels: Mapping[str, str] | None = None) -> None:
    """CSV and Excel download buttons for ``frame`` (files built when clicked)."""
    data = export_frame(frame, lang, labels)
    base = _safe_filename(filename)
    sheet = base[:31]
    row = st.container(horizontal=True, key=f"{key}_downloads")
    row.download_button(
        t("common.download_csv", lang=lang),
        data=lambda: to_csv_bytes(data, lang),
        file_name=f"{base}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        help=t("common.download_help", lang=lang, fmt="CSV"),
        icon=":material/download:",
        on_click="ignore",
    )
    row.download_button(
        t("common.download_excel", lang=lang),
        data=lambda: to_excel_bytes(data, sheet),
        file_name=f"{base}.xlsx",
        mime=EXCEL_MIME,
        key=f"{key}_xlsx",
        help=t("common.download_help", lang=lang, fmt="Excel"),
        icon=":material/download:",
        on_click="ignore",
    )


def _default_config(shown: pd.DataFrame, view: pd.DataFrame, lang: str,
                    formats: Mapping[str, str]) -> dict:
    """Column configs: formatted numbers right-aligned, dates as dd/mm/yyyy (fr) or
    yyyy-mm-dd (en), other numbers in the browser's number format."""
    config = {}
    for col, label in zip(shown.columns, view.columns):
        if col in formats:
            if formats[col] not in ("date", "month"):
                config[label] = st.column_config.TextColumn(label, alignment="right")
        elif pd.api.types.is_datetime64_any_dtype(shown[col]):
            config[label] = st.column_config.DateColumn(
                label, format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD")
        elif pd.api.types.is_float_dtype(shown[col]):
            config[label] = st.column_config.NumberColumn(label, format="localized")
    return config


def show_table(frame: pd.DataFrame, key: str, filename: str, lang: str,
               labels: Mapping[str, str] | None = None,
               formats: Mapping[str, str] | None = None,
               max_rows: int | None = None, height: int | str = "auto",
               column_config: Mapping | None = None) -> None:
    """Show ``frame`` with translated headers and two download buttons (CSV, Excel).

    Parameters
    ----------
    frame : DataFrame
        The table (canonical / snake_case column names).
    key : str
        Unique widget key prefix on the page.
    filename : str
        Download file name without extension.
    lang : str
        "fr" or "en": headers, number formats, CSV dialect.
    labels : mapping, optional
        Column -> header, overriding the translated canonical labels.
    formats : mapping, optional
        Column -> display format (see ``display_frame``); downloads keep raw values.
    max_rows : int, optional
        Show only the first ``max_rows`` rows (downloads contain every row).
    height : int or "auto"
        Height of the table in pixels.
    column_config : mapping, optional
        Passed to ``st.dataframe`` (keys are the displayed labels).
    """
    shown = frame if max_rows is None or len(frame) <= max_rows else frame.head(max_rows)
    view = display_frame(shown, lang, formats, labels)
    config = _default_config(shown, view, lang, formats or {})
    config.update(column_config or {})
    st.dataframe(view, hide_index=True, height=height, column_config=config or None,
                 key=f"{key}_df")
    if len(shown) < len(frame):
        st.caption(t("common.rows_shown", lang=lang, shown=fmt_number(len(shown), lang),
                     total=fmt_number(len(frame), lang)))
    download_buttons(frame, key, filename, lang, labels)
