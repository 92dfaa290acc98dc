"""Exports of tables to CSV and Excel, safe to open in a spreadsheet.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read by Excel / LibreOffice as a formula (CSV / formula injection, OWASP). Every export
goes through :func:`neutralise_formulas`, which puts an apostrophe in front of such text
so that it is shown as text and never run. Numbers stay numbers.

Example
-------
>>> import pandas as pd
>>> frame = pd.DataFrame({"name": ["=1+1", "Dupont"], "amount": [-12.5, 3.0]})
>>> to_csv_bytes(frame, lang="fr").decode("utf-8-sig").splitlines()
['name;amount', "'=1+1;-12,5", 'Dupont;3,0']
"""

from __future__ import annotations

import io
import re

import pandas as pd

__all__ = ["neutralise_formulas", "to_csv_bytes", "to_excel_bytes"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Text that is only a signed number ("-12,5", "+33 6 12 34 56 78", "-1 234.50") cannot
# call a function: it is left as it is so that numbers formatted as text stay readable.
_NUMBER_TEXT = re.compile(r"^[+-]?\d[\d\s\u00a0\u202f.,]*$")
_EXCEL_MAX_ROWS = 1_048_576
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _neutralise_text(value):
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER_TEXT.match(value):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` where text that a spreadsheet would run as a formula is defused.

    A text cell (or column label) starting with ``=`` ``+`` ``-`` ``@``, tab or carriage
    return gets a leading apostrophe: ``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``.
    Numeric, date and boolean cells are untouched, and so is text that is only a signed
    number ("-12,5", "+33 6 12 34 56 78"), which cannot call anything.

    Parameters
    ----------
    frame : DataFrame

    Returns
    -------
    DataFrame
        Same shape, index and dtypes.

    Examples
    --------
    >>> out = neutralise_formulas(pd.DataFrame({"a": ["@SUM(A1)", "ok", "-5"], "b": [-1, 2, 3]}))
    >>> out["a"].tolist(), out["b"].tolist()
    (["'@SUM(A1)", 'ok', '-5'], [-1, 2, 3])
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"expected a DataFrame to export, got {type(frame).__name__}")
    out = frame.copy()
    for j in range(out.shape[1]):
        col = out.iloc[:, j]
        if pd.api.types.is_object_dtype(col.dtype) or pd.api.types.is_string_dtype(col.dtype):
            if isinstance(col.dtype, pd.CategoricalDtype):
                continue
            out.isetitem(j, col.map(_neutralise_text, na_action="ignore"))
        elif isinstance(col.dtype, pd.CategoricalDtype):
            out.isetitem(j, col.cat.rename_categories(
                [_neutralise_text(c) for c in col.cat.categories]
            ))
    out.columns = [_neutralise_text(c) for c in out.columns]
    return out


def _date_format(frame: pd.DataFrame) -> str | None:
    """'%Y-%m-%d' when every datetime column holds whole days, else None (full stamp)."""
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            v = s.dropna()
            if len(v) and not (v.dt.normalize() == v).all():
                return None
    return "%Y-%m-%d"


def to_csv_bytes(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """The table as CSV bytes for a download button, readable by Excel in that language.

    UTF-8 with a BOM (so that Excel shows accents right), CRLF line ends (RFC 4180;
    a cell holding a line break is quoted); French: ``;`` separator and decimal comma;
    English: ``,`` and decimal point. Dates as yyyy-mm-dd (with the time
    only when some value has one). Formulas are neutralised first; the index is not
    written.

    Parameters
    ----------
    frame : DataFrame
    lang : {"en", "fr"}

    Returns
    -------
    bytes

    Examples
    --------
    >>> to_csv_bytes(pd.DataFrame({"x": [1.5]}), lang="en")
    b'\\xef\\xbb\\xbfx\\r\\n1.5\\r\\n'
    """
    if lang not in ("en", "fr"):
        raise ValueError(f"unknown language '{lang}': expected 'en' or 'fr'")
    safe = neutralise_formulas(frame)
    sep, decimal = (";", ",") if lang == "fr" else (",", ".")
    text = safe.to_csv(
        index=False, sep=sep, decimal=decimal, lineterminator="\r\n",
        date_format=_date_format(safe),
    )
    return text.encode("utf-8-sig")


def _excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for j in range(out.shape[1]):
        col = out.iloc[:, j]
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            out.isetitem(j, col.dt.tz_localize(None))
        elif pd.api.types.is_object_dtype(col.dtype) or pd.api.types.is_string_dtype(col.dtype):
            out.isetitem(j, col.map(
                lambda v: _ILLEGAL_XML.sub("", v) if isinstance(v, str) else v,
                na_action="ignore",
            ).astype(object))
    out.columns = [
        _ILLEGAL_XML.sub("", c) if isinstance(c, str) else c for c in out.columns
    ]
    return out


def _sheet_title(name: str) -> str:
    title = re.sub(r"[\[\]:*?/\\]", " ", str(name)).strip("' ") or "data"
    return title[:31]


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "data") -> bytes:
    """The table as an .xlsx workbook (one sheet) for a download button.

    Formulas are neutralised first, so no cell is written as a formula; control
    characters that the XLSX format forbids are removed; time zones are dropped
    (Excel has none); the sheet name is cut to Excel's 31 characters.

    Parameters
    ----------
    frame : DataFrame
    sheet_name : str

    Returns
    -------
    bytes

    Raises
    ------
    ValueError
        More rows than an Excel sheet holds (1,048,575 plus the header).

    Examples
    --------
    >>> data = to_excel_bytes(pd.DataFrame({"x": ["=2*3"]}))
    >>> pd.read_excel(io.BytesIO(data))["x"].tolist()
    ["'=2*3"]
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"expected a DataFrame to export, got {type(frame).__name__}")
    if len(frame) + 1 > _EXCEL_MAX_ROWS:
        raise ValueError(
            f"the table has {len(frame):,} rows, more than an Excel sheet can hold "
            f"({_EXCEL_MAX_ROWS - 1:,}); download it as CSV instead."
        )
    safe = _excel_safe(neutralise_formulas(frame))
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=_sheet_title(sheet_name), index=False)
        writer.sheets[_sheet_title(sheet_name)].freeze_panes = "A2"
    return buf.getvalue()
