"""File import: CSV, XLSX and Parquet files into canonical, validated tables.

Two steps, so that a page can show the file and let the user fix the mapping in between:

1. :func:`read_raw` reads the file as it is: every cell as text (CSV) or as the cell
   object (XLSX, Parquet), the first row as column names, no type conversion. It detects
   the encoding (UTF-8 with or without BOM, UTF-16, then cp1252 / latin-1) and the CSV
   separator (``;`` ``,`` tab ``|``).
2. :func:`import_raw` maps the file's headers onto the canonical columns of a table
   (``core.schema.COLUMNS``), parses French and English numbers, dates and booleans,
   and splits the lines into ``data`` (imported) and ``rejected`` (with a reason).

:func:`read_table` does both. The invariant ``n_imported + n_rejected == n_read`` always
holds: a line is either imported or rejected with a reason, never lost silently. Lines
that are completely empty are skipped and do not count as read (a warning says how many).

Rules
-----
- Only the REQUIRED columns of a table (``core.schema.REQUIRED``) reject a line when
  their value is missing or unreadable. A bad value in an optional column is left empty
  and counted in a warning.
- Negative amounts are credit notes (avoirs): kept and counted.
- Exact duplicate lines are reported and kept (they may be real repeat orders).
- Line numbers are those a spreadsheet shows: the header is line 1, the first data line
  is line 2 (a quoted cell spanning several text lines counts as one line).

Parsing is vectorised with ``pyarrow.compute`` and numpy (one pass per column and per
format); a Python loop only runs over the few cells that no vectorised format matched.

Example
-------
>>> import io
>>> csv = "Code client;Date facture;Montant HT\\nC01;15/01/2024;1 234,50\\nC02;31/02/2024;10\\n"
>>> res = read_table(io.BytesIO(csv.encode("cp1252")), "transactions")
>>> res.summary
'2 lines read, 1 imported, 1 rejected'
>>> res.data["amount"].tolist()
[1234.5]
>>> res.rejected[["row", "reason"]].values.tolist()
[[3, "date '31/02/2024' is not a valid date"]]
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
import numbers
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.schema import COLUMNS, REQUIRED, check_kind, guess_mapping

__all__ = [
    "MAX_UPLOAD_BYTES",
    "FileTooLarge",
    "RawTable",
    "ImportResult",
    "list_sheets",
    "read_raw",
    "import_raw",
    "read_table",
]


def _env_limit() -> int:
    raw = os.environ.get("CAPITAL_CLIENT_MAX_UPLOAD_MB", "200")
    try:
        mb = float(raw)
    except ValueError:
        mb = 200.0
    if not mb > 0:
        mb = 200.0
    return int(mb * 1024**2)


#: Largest file accepted, in bytes: CAPITAL_CLIENT_MAX_UPLOAD_MB (default 200) MiB.
MAX_UPLOAD_BYTES: int = _env_limit()


class FileTooLarge(ValueError):
    """The file is larger than the upload limit (``MAX_UPLOAD_BYTES``)."""


# --------------------------------------------------------------------------------------
# Messages (English / French)
# --------------------------------------------------------------------------------------

# Short names used in row reasons ("customer id is empty") and descriptions used when a
# column is missing ("'date' (invoice date)"). Per-table overrides in _DESCRIPTION_BY_KIND.
_SHORT = {
    "invoice_id": ("invoice id", "numéro de facture"),
    "customer_id": ("customer id", "code client"),
    "date": ("date", "date"),
    "product": ("product", "produit"),
    "family": ("product family", "famille"),
    "quantity": ("quantity", "quantité"),
    "amount": ("amount", "montant"),
    "margin": ("margin", "marge"),
    "name": ("name", "raison sociale"),
    "kind": ("kind", "type"),
    "status": ("status", "statut"),
    "sector": ("sector", "secteur"),
    "size": ("size", "effectif"),
    "address": ("address", "adresse"),
    "postal_code": ("postal code", "code postal"),
    "city": ("city", "ville"),
    "country": ("country", "pays"),
    "latitude": ("latitude", "latitude"),
    "longitude": ("longitude", "longitude"),
    "sales_rep": ("sales rep", "commercial"),
    "created": ("created", "date de création"),
    "potential": ("potential", "potentiel"),
    "credit_limit": ("credit limit", "plafond de crédit"),
    "payment_terms_days": ("payment terms", "délai de paiement"),
    "acquisition_cost": ("acquisition cost", "coût d'acquisition"),
    "siret": ("siret", "siret"),
    "email": ("e-mail", "e-mail"),
    "phone": ("phone", "téléphone"),
    "channel": ("channel", "canal"),
    "duration_min": ("duration", "durée"),
    "cost": ("cost", "coût"),
    "outcome": ("outcome", "résultat"),
    "complaint": ("complaint", "réclamation"),
    "invoice_date": ("invoice date", "date de facture"),
    "due_date": ("due date", "date d'échéance"),
    "paid_date": ("payment date", "date de paiement"),
    "payment_method": ("payment method", "mode de paiement"),
}

_DESCRIPTION = {
    "invoice_id": ("invoice or order number", "numéro de facture ou de commande"),
    "customer_id": ("customer code", "code client"),
    "date": ("date", "date"),
    "product": ("product", "produit"),
    "family": ("product family", "famille de produits"),
    "quantity": ("quantity", "quantité"),
    "amount": ("amount", "montant"),
    "margin": ("margin in euros", "marge en euros"),
    "name": ("company name", "raison sociale"),
    "kind": ("B2B or B2C", "B2B ou B2C"),
    "status": ("prospect or customer status", "statut prospect ou client"),
    "sector": ("sector or NAF code", "secteur ou code NAF"),
    "size": ("headcount", "effectif"),
    "address": ("street address", "adresse"),
    "postal_code": ("postal code", "code postal"),
    "city": ("city", "ville"),
    "country": ("country", "pays"),
    "latitude": ("GPS latitude", "latitude GPS"),
    "longitude": ("GPS longitude", "longitude GPS"),
    "sales_rep": ("sales rep in charge", "commercial en charge"),
    "created": ("customer since", "date de création du compte"),
    "potential": ("annual purchase potential", "potentiel d'achat annuel"),
    "credit_limit": ("credit limit", "plafond de crédit"),
    "payment_terms_days": ("payment terms in days", "délai de paiement en jours"),
    "acquisition_cost": ("acquisition cost", "coût d'acquisition"),
    "siret": ("SIRET number", "numéro SIRET"),
    "email": ("e-mail address", "adresse e-mail"),
    "phone": ("phone number", "numéro de téléphone"),
    "channel": ("contact channel", "canal de contact"),
    "duration_min": ("duration in minutes", "durée en minutes"),
    "cost": ("cost of the contact", "coût du contact"),
    "outcome": ("outcome of the contact", "résultat du contact"),
    "complaint": ("complaint yes/no", "réclamation oui/non"),
    "invoice_date": ("invoice date", "date de facture"),
    "due_date": ("due date", "date d'échéance"),
    "paid_date": ("payment date, empty if open", "date de règlement, vide si non réglée"),
    "payment_method": ("payment method", "mode de règlement"),
}

_DESCRIPTION_BY_KIND = {
    ("transactions", "date"): ("invoice date", "date de facture"),
    ("transactions", "amount"): ("net amount excl. tax", "montant HT"),
    ("contacts", "date"): ("contact date", "date du contact"),
    ("receivables", "amount"): ("amount incl. tax", "montant TTC"),
}

_MSG = {
    "empty": ("{name} is empty", "{name} vide"),
    "bad_float": ("{name} '{value}' is not a number", "{name} '{value}' n'est pas un nombre"),
    "bad_date": (
        "{name} '{value}' is not a valid date",
        "{name} '{value}' n'est pas une date valide",
    ),
    "bad_bool": ("{name} '{value}' is not yes/no", "{name} '{value}' n'est pas oui/non"),
    "quote": (
        "a quote (\") opened on this line is never closed: the lines after it were read "
        "as one cell",
        "un guillemet (\") ouvert sur cette ligne n'est jamais fermé : les lignes suivantes "
        "ont été lues comme une seule cellule",
    ),
    "cells": (
        "the line has {n} cells where the header has {k}",
        "la ligne a {n} cellules alors que l'en-tête en a {k}",
    ),
}

_OPTIONAL_WARN = {
    "float": (
        ("{n} value of '{col}' was not a number and was left empty",
         "{n} values of '{col}' were not numbers and were left empty"),
        ("{n} valeur de '{col}' n'était pas un nombre et a été laissée vide",
         "{n} valeurs de '{col}' n'étaient pas des nombres et ont été laissées vides"),
    ),
    "date": (
        ("{n} value of '{col}' was not a valid date and was left empty",
         "{n} values of '{col}' were not valid dates and were left empty"),
        ("{n} valeur de '{col}' n'était pas une date valide et a été laissée vide",
         "{n} valeurs de '{col}' n'étaient pas des dates valides et ont été laissées vides"),
    ),
    "bool": (
        ("{n} value of '{col}' was not yes/no and was left empty",
         "{n} values of '{col}' were not yes/no and were left empty"),
        ("{n} valeur de '{col}' n'était pas oui/non et a été laissée vide",
         "{n} valeurs de '{col}' n'étaient pas oui/non et ont été laissées vides"),
    ),
    "range": (
        ("{n} value of '{col}' was outside {lo}..{hi} and was left empty",
         "{n} values of '{col}' were outside {lo}..{hi} and were left empty"),
        ("{n} valeur de '{col}' était hors de {lo}..{hi} et a été laissée vide",
         "{n} valeurs de '{col}' étaient hors de {lo}..{hi} et ont été laissées vides"),
    ),
}


def _li(lang: str) -> int:
    return 1 if lang == "fr" else 0


def _check_lang(lang: str) -> str:
    if lang not in ("en", "fr"):
        raise ValueError(f"unknown language '{lang}': expected 'en' or 'fr'")
    return lang


def _fmt_int(n: int, lang: str) -> str:
    """Format an integer for the language: 24,812 (en) or 24 812 (fr, narrow no-break space).

    >>> _fmt_int(24812, "en"), _fmt_int(24812, "fr")
    ('24,812', '24\\u202f812')
    """
    s = f"{int(n):,}"
    return s.replace(",", "\u202f") if lang == "fr" else s


def _fmt_size(nbytes: int, lang: str) -> str:
    mb = nbytes / 1024**2
    unit_mb, unit_kb = ("Mo", "Ko") if lang == "fr" else ("MB", "KB")
    if mb >= 10:
        s, unit = f"{mb:.0f}", unit_mb
    elif mb >= 1:
        s, unit = f"{mb:.1f}", unit_mb
    elif nbytes >= 1024:
        s, unit = f"{nbytes / 1024:.0f}", unit_kb
    else:
        s, unit = str(nbytes), ("octets" if lang == "fr" else "bytes")
    if lang == "fr":
        s = s.replace(".", ",")
    return f"{s} {unit}"


def _plural(n: int, forms: tuple[str, str], lang: str, **kw) -> str:
    # French: 0 and 1 take the singular; English: only 1.
    one = n in (0, 1) if lang == "fr" else n == 1
    return (forms[0] if one else forms[1]).format(n=_fmt_int(n, lang), **kw)


def _short(col: str, lang: str) -> str:
    return _SHORT.get(col, (col.replace("_", " "),) * 2)[_li(lang)]


def _describe(kind: str, col: str, lang: str) -> str:
    pair = _DESCRIPTION_BY_KIND.get((kind, col)) or _DESCRIPTION.get(col, (col, col))
    return pair[_li(lang)]


def _clip(text: str, width: int = 40) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------
# Data classes
# --------------------------------------------------------------------------------------


@dataclass
class RawTable:
    """A file as read, before mapping and parsing.

    Attributes
    ----------
    frame : DataFrame
        One row per data line, the header row as column names (made unique and non-empty:
        an empty header becomes "column 3", a repeated one "Montant (2)"). CSV cells are
        text (missing where empty); XLSX cells are the cell objects (str, int, float,
        datetime, bool); Parquet columns keep their types.
    encoding, separator : str or None
        Detected for CSV ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"; ";", ",",
        "\\t", "|"); None otherwise.
    file_type : str
        "csv", "xlsx" or "parquet".
    sheet : str or None
        The XLSX sheet read.
    filename : str or None
        The file's name when known.
    lines : ndarray of int
        The file line of each row of ``frame`` (header = line 1).
    bad_lines : list of (int, list)
        CSV lines that could not be split into the header's cells (too many non-empty
        cells, or a quote never closed): (line number, cells). They are rejected by
        :func:`import_raw`.
    n_blank : int
        Empty text lines skipped while reading.
    header_line : int
        The line of the header (1 unless the file starts with empty lines).
    """

    frame: pd.DataFrame
    encoding: str | None
    separator: str | None
    file_type: str
    sheet: str | None = None
    filename: str | None = None
    lines: np.ndarray | None = None
    bad_lines: list = field(default_factory=list)
    n_blank: int = 0
    header_line: int = 1

    def __post_init__(self):
        if self.lines is None:
            self.lines = np.arange(len(self.frame), dtype=np.int64) + self.header_line + 1


@dataclass
class ImportResult:
    """Outcome of an import: the clean table, the rejected lines and what happened.

    Attributes
    ----------
    data : DataFrame
        Canonical columns only (those mapped, plus a derived ``invoice_id`` for
        transactions), canonical dtypes: object str/None for identifiers and text,
        float64 for money and quantities, datetime64[ns] for dates, boolean for flags.
    rejected : DataFrame
        ``row`` (file line, header = 1), ``reason`` (several joined with "; "), then the
        raw cells of the line under the file's headers.
    mapping : dict
        source header -> canonical column, as used.
    n_read, n_imported, n_rejected : int
        Lines read (non-empty data lines), imported, rejected; read = imported + rejected.
    n_credit_notes : int
        Imported lines with a negative amount (credit notes), kept.
    n_duplicates : int
        Lines identical to an earlier line (all cells equal), kept.
    duplicates : DataFrame
        ``row``, ``first_row`` (the earlier identical line), then the raw cells.
    warnings : list of str
        Sentences about what was changed or needs a look.
    summary : str
        "24,812 lines read, 24,790 imported, 22 rejected" (or in French).
    kind : str
        The table imported.
    lines : ndarray of int
        The file line of each row of ``data``.
    """

    data: pd.DataFrame
    rejected: pd.DataFrame
    mapping: dict
    n_read: int
    n_imported: int
    n_rejected: int
    n_credit_notes: int
    n_duplicates: int
    duplicates: pd.DataFrame
    warnings: list
    summary: str
    kind: str = ""
    lines: np.ndarray | None = None


# --------------------------------------------------------------------------------------
# Reading bytes from a source
# --------------------------------------------------------------------------------------


def _too_large(size: int, limit: int, lang: str) -> FileTooLarge:
    if lang == "fr":
        msg = (
            f"le fichier fait {_fmt_size(size, lang)}, la limite est de {_fmt_size(limit, lang)} ; "
            "découpez-le en plusieurs fichiers ou gardez seulement les colonnes utiles "
            "(limite réglée par CAPITAL_CLIENT_MAX_UPLOAD_MB)."
        )
    else:
        msg = (
            f"file is {_fmt_size(size, lang)}, the limit is {_fmt_size(limit, lang)}; "
            "split it into smaller files or keep only the columns you need "
            "(the limit is set by CAPITAL_CLIENT_MAX_UPLOAD_MB)."
        )
    return FileTooLarge(msg)


def _load_bytes(source, filename, max_bytes, lang) -> tuple[bytes, str | None]:
    limit = MAX_UPLOAD_BYTES if max_bytes is None else int(max_bytes)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), filename
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(
                f"fichier introuvable : {path}" if lang == "fr" else f"file not found: {path}"
            )
        size = path.stat().st_size
        if size > limit:
            raise _too_large(size, limit, lang)
        data, name = path.read_bytes(), filename or path.name
    elif hasattr(source, "getvalue") or hasattr(source, "read"):
        size = getattr(source, "size", None)
        if isinstance(size, int) and size > limit:
            raise _too_large(size, limit, lang)
        if hasattr(source, "getvalue"):
            data = source.getvalue()
        else:
            if getattr(source, "seekable", lambda: False)():
                source.seek(0)
            data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = bytes(data)
        name = filename or getattr(source, "name", None)
        name = str(name) if name is not None else None
    else:
        raise TypeError(
            "source must be a file path, bytes or a file-like object (an uploaded file), "
            f"not {type(source).__name__}"
        )
    if len(data) > limit:
        raise _too_large(len(data), limit, lang)
    return data, name


def _empty_file_error(name, lang) -> ValueError:
    label = f" '{name}'" if name else ""
    if lang == "fr":
        return ValueError(
            f"le fichier{label} est vide : il n'y a rien à importer. "
            "Vérifiez que vous avez choisi le bon fichier."
        )
    return ValueError(
        f"the file{label} is empty: there is nothing to import. "
        "Check that you picked the right file."
    )


def _detect_type(data: bytes, name: str | None, lang: str) -> str:
    if data[:4] == b"PAR1":
        return "parquet"
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValueError(
            "ce fichier est au format Excel 97-2003 (.xls), non pris en charge : ouvrez-le "
            "dans Excel et enregistrez-le en .xlsx ou en CSV."
            if lang == "fr"
            else "this file is in the old Excel 97-2003 format (.xls), which is not supported: "
            "open it in Excel and save it as .xlsx or CSV."
        )
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        raise ValueError(
            "ce fichier est une page web (HTML/XML) et non un tableau : ouvrez-le dans "
            "Excel et enregistrez-le en .xlsx ou en CSV."
            if lang == "fr"
            else "this file is a web page (HTML/XML), not a table: open it in Excel and "
            "save it as .xlsx or CSV."
        )
    return "csv"


# --------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------

_SEPARATORS = (";", ",", "\t", "|")


def _to_utf8(data: bytes) -> tuple[bytes, str]:
    """Return the content as UTF-8 bytes (without BOM) and the detected encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        body = data[3:]
        try:
            body.decode("utf-8")
            return body, "utf-8-sig"
        except UnicodeDecodeError:
            return body.decode("utf-8", errors="replace").encode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16").encode("utf-8"), "utf-16"
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
        enc = "utf-16-be" if even > odd else "utf-16-le"
        try:
            return data.decode(enc).encode("utf-8"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        data.decode("utf-8")
        return data, "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252").encode("utf-8"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1").encode("utf-8"), "latin-1"


def _sniff_separator(sample: str) -> str:
    """Pick the separator whose cell count is the most regular across the first lines.

    >>> _sniff_separator("a;b;c\\n1,5;2;3\\n")
    ';'
    >>> _sniff_separator('a,b\\n"1;2",3\\n')
    ','
    """
    best, best_key = ",", None
    for order, sep in enumerate(_SEPARATORS):
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=sep) if r][:50]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        k = counts[0]
        rest = counts[1:]
        consistency = sum(c == k for c in rest) / len(rest) if rest else 1.0
        key = (consistency >= 0.9, k, consistency, -order)
        if best_key is None or key > best_key:
            best, best_key = sep, key
    return best


def _unique_headers(cells: list) -> list[str]:
    names, seen = [], {}
    for i, cell in enumerate(cells):
        if cell is None or (isinstance(cell, float) and math.isnan(cell)):
            name = ""
        elif isinstance(cell, (_dt.datetime, _dt.date)):
            name = cell.strftime("%Y-%m-%d")
        elif isinstance(cell, float) and cell.is_integer():
            name = str(int(cell))
        else:
            name = str(cell).strip().lstrip("\ufeff").strip()
        if not name:
            name = f"column {i + 1}"
        base, k = name, 1
        while name in seen:
            k += 1
            name = f"{base} ({k})"
        seen[name] = i
        names.append(name)
    return names


def _read_csv(data: bytes, name, lang) -> RawTable:
    import pyarrow.csv as pcsv

    body, encoding = _to_utf8(data)
    # Leading empty lines shift the header down.
    stripped = body.lstrip(b"\r\n")
    skipped = body[: len(body) - len(stripped)]
    header_line = 1 + skipped.count(b"\n") + skipped.count(b"\r") - skipped.count(b"\r\n")
    body = stripped
    if not body.strip(b" \t\r\n;,|"):
        raise _empty_file_error(name, lang)

    sample = body[:65536].decode("utf-8", errors="replace")
    if len(body) > 65536:  # drop the last, possibly cut, line
        cut = max(sample.rfind("\n"), sample.rfind("\r"))
        sample = sample[:cut] if cut > 0 else sample
    sep = _sniff_separator(sample)
    header_cells = next(csv.reader(io.StringIO(sample, newline=""), delimiter=sep), [])
    k = max(len(header_cells), 1)

    core = body.rstrip(b" \t\r\n")
    needs_python = b"\n\n" in core or b"\n\r\n" in core or b"\r\r" in core
    table = None
    if not needs_python:
        invalid = []

        def _on_invalid(row):
            invalid.append(row)
            return "skip"

        try:
            table = pcsv.read_csv(
                pa.BufferReader(body),
                read_options=pcsv.ReadOptions(autogenerate_column_names=True,
                                              block_size=8 << 20),
                parse_options=pcsv.ParseOptions(
                    delimiter=sep, quote_char='"', double_quote=True,
                    newlines_in_values=True, invalid_row_handler=_on_invalid,
                ),
                convert_options=pcsv.ConvertOptions(
                    column_types={f"f{i}": pa.string() for i in range(k)},
                    null_values=[""], strings_can_be_null=True,
                    quoted_strings_can_be_null=True,
                ),
            )
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            table = None
        if table is not None and (
            invalid or table.num_columns != k
            or any(not pa.types.is_string(t) for t in table.schema.types)
        ):
            table = None

    if table is not None:
        header = [table.column(i)[0].as_py() for i in range(table.num_columns)]
        table = table.slice(1)
        names = _unique_headers(header)
        columns = [table.column(i).combine_chunks() for i in range(table.num_columns)]
        lines = np.arange(table.num_rows, dtype=np.int64) + header_line + 1
        bad_lines: list = []
        n_blank = 0
    else:
        names, columns, lines, bad_lines, n_blank = _read_csv_python(
            body.decode("utf-8", errors="replace"), sep, header_line
        )
    # Drop trailing unnamed columns that hold nothing (a ';' at the end of every line).
    keep = [
        i for i, (nm, col) in enumerate(zip(names, columns))
        if not (nm == f"column {i + 1}" and col.null_count == len(col))
    ]
    frame = pa.table([columns[i] for i in keep], names=[names[i] for i in keep]).to_pandas()
    frame = frame.reset_index(drop=True)
    return RawTable(frame, encoding, sep, "csv", None, name, lines, bad_lines, n_blank,
                    header_line)


def _read_csv_python(text: str, sep: str, header_line: int):
    """Slow but forgiving reader: blank lines, short lines (padded), long lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    line = header_line - 1
    header = None
    rows, lines, bad_lines = [], [], []
    n_blank = 0
    for rec in reader:
        line += 1
        if header is None:
            if rec:
                header = rec
            continue
        if not rec or (len(rec) == 1 and not rec[0].strip()):
            n_blank += 1
            continue
        k = len(header)
        if len(rec) > k:
            if any(c.strip() for c in rec[k:]):
                bad_lines.append((line, rec))
                continue
            rec = rec[:k]
        elif len(rec) < k:
            if any("\n" in c or "\r" in c for c in rec):  # a quote never closed
                bad_lines.append((line, rec))
                continue
            rec = rec + [""] * (k - len(rec))
        rows.append(rec)
        lines.append(line)
    header = header or []
    names = _unique_headers(header)
    columns = []
    for j in range(len(names)):
        columns.append(pa.array([r[j] if r[j] != "" else None for r in rows], type=pa.string()))
    return names, columns, np.asarray(lines, dtype=np.int64), bad_lines, n_blank


# --------------------------------------------------------------------------------------
# XLSX and Parquet
# --------------------------------------------------------------------------------------

_ZERO_FORMAT = re.compile(r"^0+$")


def _open_workbook(data: bytes, lang: str):
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zip error, missing parts, encrypted file...
        raise ValueError(
            "impossible d'ouvrir ce fichier comme un classeur Excel (.xlsx) : "
            f"{exc}. Enregistrez-le à nouveau depuis Excel, ou exportez-le en CSV."
            if lang == "fr"
            else f"this file could not be opened as an Excel workbook (.xlsx): {exc}. "
            "Save it again from Excel, or export it as CSV."
        ) from exc


def _xlsx_value(cell):
    value = cell.value
    if isinstance(value, int) and not isinstance(value, bool):
        fmt = getattr(cell, "number_format", None)
        if fmt and _ZERO_FORMAT.match(fmt) and value >= 0:
            return str(value).zfill(len(fmt))  # "00000": postal codes keep their zeros
    elif isinstance(value, float) and value.is_integer():
        fmt = getattr(cell, "number_format", None)
        if fmt and _ZERO_FORMAT.match(fmt) and value >= 0:
            return str(int(value)).zfill(len(fmt))
    return value


def _read_xlsx(data: bytes, name, sheet, lang) -> RawTable:
    wb = _open_workbook(data, lang)
    try:
        names = wb.sheetnames
        if sheet is None:
            sheet_name = names[0]
        elif isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise ValueError(_sheet_error(sheet, names, lang))
            sheet_name = names[sheet]
        elif sheet in names:
            sheet_name = sheet
        else:
            raise ValueError(_sheet_error(sheet, names, lang))
        ws = wb[sheet_name]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # some writers record wrong dimensions
        header, header_line, rows, lines = None, 1, [], []
        for line, row in enumerate(ws.iter_rows(), start=1):
            values = [_xlsx_value(c) for c in row]
            while values and (values[-1] is None or values[-1] == ""):
                values.pop()
            if header is None:
                if any(v is not None and str(v).strip() for v in values):
                    header, header_line = values, line
                continue
            if not values:
                continue  # empty row
            rows.append(values)
            lines.append(line)
    finally:
        wb.close()
    if header is None:
        raise ValueError(
            f"la feuille '{sheet_name}' est vide : il n'y a rien à importer."
            if lang == "fr"
            else f"sheet '{sheet_name}' is empty: there is nothing to import."
        )
    width = max([len(header)] + [len(r) for r in rows])
    header = header + [None] * (width - len(header))
    cols = _unique_headers(header)
    # An unnamed column beyond the header is named after its Excel letter.
    from openpyxl.utils import get_column_letter

    cols = [
        f"column {get_column_letter(i + 1)}" if c == f"column {i + 1}" else c
        for i, c in enumerate(cols)
    ]
    matrix = np.empty((len(rows), width), dtype=object)
    for i, r in enumerate(rows):
        matrix[i, : len(r)] = r
    frame = pd.DataFrame(matrix, columns=cols, dtype=object)
    frame = frame.where(frame.notna(), None) if len(frame) else frame
    return RawTable(frame, None, None, "xlsx", sheet_name, name,
                    np.asarray(lines, dtype=np.int64), [], 0, header_line)


def _sheet_error(sheet, names, lang) -> str:
    listed = ", ".join(f"'{n}'" for n in names)
    if lang == "fr":
        return f"la feuille {sheet!r} n'existe pas ; le classeur contient : {listed}."
    return f"sheet {sheet!r} not found; the workbook has: {listed}."


def _read_parquet(data: bytes, name, lang) -> RawTable:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pa.BufferReader(data))
    except Exception as exc:
        raise ValueError(
            f"impossible de lire ce fichier Parquet : {exc}"
            if lang == "fr" else f"this Parquet file could not be read: {exc}"
        ) from exc
    frame = table.to_pandas(date_as_object=False)
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index()
    frame = frame.reset_index(drop=True)
    frame.columns = _unique_headers(list(frame.columns))
    return RawTable(frame, None, None, "parquet", None, name)


def list_sheets(source, filename=None, max_bytes=None, lang="en") -> list[str]:
    """Names of the sheets of an XLSX workbook, in workbook order.

    CSV and Parquet files have no sheets: the list is empty.

    Parameters
    ----------
    source : path, bytes or file-like
        The workbook.

    Returns
    -------
    list of str

    Examples
    --------
    >>> list_sheets(io.BytesIO(b"a;b\\n1;2\\n"))
    []
    """
    _check_lang(lang)
    data, name = _load_bytes(source, filename, max_bytes, lang)
    if not data or _detect_type(data, name, lang) != "xlsx":
        return []
    wb = _open_workbook(data, lang)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_raw(source, filename=None, sheet=None, max_bytes=None, lang="en") -> RawTable:
    """Read a CSV, XLSX or Parquet file as it is, without mapping or type conversion.

    The file type is recognised from the content (XLSX and Parquet signatures), anything
    else is read as delimited text. CSV: encoding tried in order UTF-8 (BOM or not),
    UTF-16 (BOM or NUL pattern), cp1252, latin-1; separator chosen among ``;`` ``,`` tab
    ``|`` as the one giving the same cell count on the first 50 lines (quotes honoured);
    quoted cells may hold separators, quotes ("") and line breaks.

    Parameters
    ----------
    source : str, PathLike, bytes or file-like
        A path, raw bytes, or an object with ``getvalue()`` or ``read()`` (Streamlit's
        ``UploadedFile``; its ``.size`` is checked before reading).
    filename : str, optional
        Name of the file, for messages (defaults to ``source.name`` or the path's name).
    sheet : str or int, optional
        XLSX sheet name or 0-based position; default the first sheet.
    max_bytes : int, optional
        Size limit; default ``MAX_UPLOAD_BYTES``.
    lang : {"en", "fr"}
        Language of error messages.

    Returns
    -------
    RawTable

    Raises
    ------
    FileTooLarge
        The file is larger than ``max_bytes``.
    ValueError
        Empty file, unknown sheet, unreadable or unsupported format.

    Examples
    --------
    >>> raw = read_raw(io.BytesIO("Code client;CP\\nC1;06000\\n".encode("cp1252")))
    >>> raw.separator, raw.encoding, raw.frame.iloc[0].tolist()
    (';', 'utf-8', ['C1', '06000'])
    """
    _check_lang(lang)
    data, name = _load_bytes(source, filename, max_bytes, lang)
    if not data.strip(b" \t\r\n\x00").lstrip(b"\xef\xbb\xbf").strip(b" \t\r\n\x00"):
        raise _empty_file_error(name, lang)
    file_type = _detect_type(data, name, lang)
    if file_type == "xlsx":
        return _read_xlsx(data, name, sheet, lang)
    if file_type == "parquet":
        return _read_parquet(data, name, lang)
    return _read_csv(data, name, lang)


# --------------------------------------------------------------------------------------
# Cells: text part (vectorised) and object part (XLSX / typed columns)
# --------------------------------------------------------------------------------------

_NULL_TOKENS = pa.array(
    ["nan", "na", "n/a", "#n/a", "null", "none", "nat", "-", "--", "\u2014", "\u2013"],
    type=pa.large_string(),
)


@dataclass
class _Cells:
    """One raw column split into a vectorised text part and a (rare) object part."""

    text: pa.Array | None  # trimmed strings, null where empty or not a string
    other: np.ndarray | pd.Series | None  # non-string values (XLSX objects or typed)
    other_mask: np.ndarray  # True where ``other`` holds a value
    typed: bool  # ``other`` is a typed pandas Series (Parquet), not objects

    @property
    def empty(self) -> np.ndarray:
        t = (
            np.ones(len(self.other_mask), dtype=bool) if self.text is None
            else _np_bool(pc.is_null(self.text))
        )
        return t & ~self.other_mask


def _np_bool(arr) -> np.ndarray:
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return np.asarray(arr.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _clean_text(arr: pa.Array) -> pa.Array:
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.large_string())
    arr = pc.utf8_trim_whitespace(arr)
    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.large_string()), arr)


def _split_cells(series: pd.Series) -> _Cells:
    n = len(series)
    dtype = series.dtype
    no_other = np.zeros(n, dtype=bool)
    if isinstance(dtype, pd.StringDtype) or (
        isinstance(dtype, pd.ArrowDtype) and pa.types.is_string(dtype.pyarrow_dtype)
    ) or (isinstance(dtype, pd.ArrowDtype) and pa.types.is_large_string(dtype.pyarrow_dtype)):
        return _Cells(_clean_text(pa.array(series)), None, no_other, False)
    if pd.api.types.is_object_dtype(dtype):
        values = series.to_numpy(dtype=object)
        inferred = pd.api.types.infer_dtype(values, skipna=True)
        if inferred in ("string", "empty"):
            arr = pa.array(values, type=pa.large_string(), from_pandas=True)
            return _Cells(_clean_text(arr), None, no_other, False)
        isna = pd.isna(values)
        is_str = np.fromiter((isinstance(v, str) for v in values), dtype=bool, count=n)
        text = pa.array(np.where(is_str, values, None), type=pa.large_string())
        other_mask = ~isna & ~is_str
        other = np.where(other_mask, values, None)
        return _Cells(_clean_text(text), other, other_mask, False)
    if isinstance(dtype, pd.CategoricalDtype):
        return _split_cells(series.astype(object))
    # typed column (Parquet): numbers, booleans, datetimes
    mask = series.notna().to_numpy(dtype=bool)
    return _Cells(None, series, mask, True)


def _display(cells: _Cells, idx: np.ndarray) -> list[str]:
    """Raw values at positions ``idx`` as short text, for messages."""
    out = []
    text = cells.text
    for i in idx:
        i = int(i)
        if cells.other_mask[i]:
            v = cells.other.iloc[i] if cells.typed else cells.other[i]
            if isinstance(v, (_dt.datetime, pd.Timestamp)):
                v = v.isoformat(sep=" ")
            out.append(_clip(v))
        elif text is not None and text[i].is_valid:
            out.append(_clip(text[i].as_py()))
        else:
            out.append("")
    return out


# --------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------

_NUM_JUNK = r"[\s\x{00a0}\x{202f}\x{2009}€$£'’%]|(?i:eur)"
_NUM_OK = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"


def _parse_number_text(t: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Parse trimmed text to float64. Returns values (NaN if none), bad mask, null tokens.

    Main path, vectorised over the whole column: drop spaces (incl. no-break) and "€";
    a column with commas and no points uses the comma as decimal mark; the result must
    look like a plain number. The few values left ("(12,5)", "12,5-", "1.234,56" next
    to plain values, "n/a", "abc") go through :func:`_parse_number_general`.
    """
    n = len(t)
    vals = np.full(n, np.nan)
    valid = _np_bool(pc.is_valid(t))
    s = t
    for ch in (" ", "\u00a0", "\u202f", "€"):
        if pc.any(pc.match_substring(s, ch)).as_py():
            s = pc.replace_substring(s, ch, "")
    has_comma = bool(pc.any(pc.match_substring(s, ",")).as_py())
    has_point = bool(pc.any(pc.match_substring(s, ".")).as_py())
    hint = None
    if has_comma and not has_point:
        s, hint = pc.replace_substring(s, ",", "."), ","
    elif has_point and not has_comma:
        hint = "."
    elif has_comma and has_point:
        s = None  # mixed writing: everything goes through the general parser
    if s is not None:
        ok = _np_bool(pc.match_substring_regex(s, _NUM_OK))
        if ok.all():
            vals = pc.cast(s, pa.float64()).to_numpy(zero_copy_only=False).copy()
        elif ok.any():
            vals = pc.cast(pc.if_else(pa.array(ok), s, pa.scalar(None, s.type)),
                           pa.float64()).to_numpy(zero_copy_only=False).copy()
        rest = np.flatnonzero(valid & ~ok)
    else:
        rest = np.flatnonzero(valid)
    bad = np.zeros(n, dtype=bool)
    tok = np.zeros(n, dtype=bool)
    if rest.size:
        sub = t if rest.size == n else t.take(pa.array(rest))
        v, b, k = _parse_number_general(sub, hint)
        vals[rest] = v
        bad[rest] = b
        tok[rest] = k
    inf = np.isinf(vals)
    if inf.any():
        bad |= inf
        vals[inf] = np.nan
    return vals, bad, tok


def _parse_number_general(t: pa.Array, hint: str | None):
    """Per-value rules for the values the main path could not read (see above).

    Strip spaces, currency and %; "(12,5)" and "12,5-" are negative; when a value holds
    both "." and ",", the rightmost is the decimal mark; a lone "1,234" or "1.234"
    follows ``hint`` (the column's decimal mark), else the other values here.
    """
    tok = _np_bool(pc.is_in(pc.utf8_lower(t), value_set=_NULL_TOKENS))
    valid = _np_bool(pc.is_valid(t)) & ~tok
    s = pc.replace_substring_regex(t, _NUM_JUNK, "")
    s = pc.replace_substring(s, "\u2212", "-")
    paren = _np_bool(pc.match_substring_regex(s, r"^\(.*\)$"))
    trail = _np_bool(pc.match_substring_regex(s, r"^[^-+]*\d-$"))
    if paren.any():
        s = pc.if_else(pa.array(paren), pc.utf8_slice_codeunits(s, 1, -1), s)
    if trail.any():
        s = pc.if_else(pa.array(trail), pc.utf8_slice_codeunits(s, 0, -1), s)
    nc = pc.count_substring(s, ",").fill_null(0).to_numpy(zero_copy_only=False)
    npt = pc.count_substring(s, ".").fill_null(0).to_numpy(zero_copy_only=False)
    last = pc.struct_field(pc.extract_regex(s, r"(?P<x>[.,])[^.,]*$"), [0])
    last_comma = _np_bool(pc.equal(last, ","))
    amb_c = _np_bool(pc.match_substring_regex(s, r"^[+-]?\d{1,3},\d{3}$"))
    amb_p = _np_bool(pc.match_substring_regex(s, r"^[+-]?\d{1,3}\.\d{3}$"))
    both = (nc > 0) & (npt > 0)
    only_c = (nc > 0) & (npt == 0)
    only_p = (npt > 0) & (nc == 0)
    if hint is None:
        comma_ev = (both & last_comma) | (only_c & (nc == 1) & ~amb_c) | (only_p & (npt > 1))
        point_ev = (both & ~last_comma) | (only_p & (npt == 1) & ~amb_p) | (only_c & (nc > 1))
        n_comma, n_point = int(comma_ev.sum()), int(point_ev.sum())
        col_comma, col_point = n_comma > n_point, n_point > n_comma
    else:
        col_comma, col_point = hint == ",", hint == "."
    use_comma = (
        (both & last_comma)
        | (only_c & (nc == 1) & ~(amb_c & col_point))
        | (only_p & ((npt > 1) | (amb_p & col_comma)))
    )
    v_comma = pc.replace_substring(pc.replace_substring(s, ".", ""), ",", ".")
    v_point = pc.replace_substring(s, ",", "")
    norm = pc.if_else(pa.array(use_comma), v_comma, v_point)
    ok = _np_bool(pc.match_substring_regex(norm, _NUM_OK))
    vals = pc.cast(pc.if_else(pa.array(ok), norm, pa.scalar(None, norm.type)), pa.float64())
    vals = vals.to_numpy(zero_copy_only=False)
    vals = np.where(paren | trail, -vals, vals)
    bad = valid & ~(ok & np.isfinite(vals))
    # "nan" / "inf" written as text are not amounts
    nan_tok = valid & ok & np.isnan(vals)
    return np.where(bad, np.nan, vals), bad & ~nan_tok, tok | nan_tok


def _parse_float(cells: _Cells) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(cells.other_mask)
    vals = np.full(n, np.nan)
    bad = np.zeros(n, dtype=bool)
    empty = cells.empty
    if cells.text is not None:
        tv, tbad, tok = _parse_number_text(cells.text)
        has = ~np.isnan(tv)
        vals[has] = tv[has]
        bad |= tbad
        empty |= tok
    if cells.other_mask.any():
        if cells.typed:
            s = cells.other
            if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
                bad |= cells.other_mask
            else:
                v = pd.to_numeric(s, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                finite = np.isfinite(v)
                vals[finite] = v[finite]
                bad |= cells.other_mask & ~finite
        else:
            for i in np.flatnonzero(cells.other_mask):
                v = cells.other[i]
                if isinstance(v, (numbers.Real, Decimal)) and not isinstance(v, (bool, np.bool_)):
                    f = float(v)
                    if math.isfinite(f):
                        vals[i] = f
                        continue
                bad[i] = True
    return vals, empty, bad


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

_TIME = r"(?:[T ]+(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
_DATE_PATTERNS = {
    "iso": r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME
    + r"(?:Z|[+-]\d{2}:?\d{2})?$",
    "dmy": r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4}|\d{2})" + _TIME + r"$",
    "compact": r"^(?P<y>(?:18|19|20|21)\d{2})(?P<m>\d{2})(?P<d>\d{2})$",
    "serial": r"^(?P<n>\d{5}(?:[.,]\d+)?)$",
}
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
_YEAR_MIN, _YEAR_MAX = 1800, 2200
_NAT = np.iinfo(np.int64).min
_NS_DAY = 86_400 * 10**9

_MONTHS = {
    "jan": 1, "janv": 1, "janvier": 1, "january": 1,
    "feb": 2, "fev": 2, "fevr": 2, "fevrier": 2, "february": 2,
    "mar": 3, "mars": 3, "march": 3,
    "apr": 4, "avr": 4, "avril": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "juin": 6, "june": 6,
    "jul": 7, "juil": 7, "juillet": 7, "july": 7,
    "aug": 8, "aou": 8, "aout": 8, "august": 8,
    "sep": 9, "sept": 9, "septembre": 9, "september": 9,
    "oct": 10, "octobre": 10, "october": 10,
    "nov": 11, "novembre": 11, "november": 11,
    "dec": 12, "decembre": 12, "december": 12,
}
_TEXT_DATE = re.compile(r"^(?:(\d{1,2})(?:er)?[\s\-]+([a-z]+)\.?[\s\-,]+(\d{4})"
                        r"|([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4}))$")


def _int_field(struct, name: str, default: int = 0) -> np.ndarray:
    f = pc.struct_field(struct, name)
    f = pc.if_else(pc.equal(f, ""), pa.scalar(None, f.type), f)
    return pc.cast(f, pa.int64()).fill_null(default).to_numpy(zero_copy_only=False)


def _build_ns(y, m, d, hh, mm, ss) -> tuple[np.ndarray, np.ndarray]:
    """int64 nanoseconds since epoch from components, and a validity mask."""
    ok = (y >= _YEAR_MIN) & (y <= _YEAR_MAX) & (m >= 1) & (m <= 12) & (d >= 1)
    ok &= (hh <= 23) & (mm <= 59) & (ss <= 59)
    yc = np.where(ok, y, 2000)
    mc = np.where(ok, m, 1)
    month = (yc - 1970) * 12 + (mc - 1)
    first = month.astype("datetime64[M]").astype("datetime64[D]")
    nxt = (month + 1).astype("datetime64[M]").astype("datetime64[D]")
    dim = (nxt - first).astype(np.int64)
    ok &= d <= dim
    days = first.astype(np.int64) + np.where(ok, d, 1) - 1
    ns = days * _NS_DAY + (hh * 3600 + mm * 60 + ss) * 10**9
    return np.where(ok, ns, _NAT), ok


def _serial_ns(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = np.isfinite(x) & (x >= _SERIAL_MIN) & (x <= _SERIAL_MAX)
    xs = np.where(ok, x, _SERIAL_MIN)
    epoch = _EXCEL_EPOCH.astype("datetime64[ns]").astype(np.int64)
    ns = epoch + np.round(xs * 86400).astype(np.int64) * 10**9
    return np.where(ok, ns, _NAT), ok


def _fixed_width_dates(t: pa.Array, valid: np.ndarray):
    """Decode fixed-width dates straight from the Arrow buffers (no regex, no Python loop).

    Handles the layouts nearly every export uses: dd/mm/yyyy and yyyy-mm-dd (any of
    "/", "-", "." as separator), optionally followed by " hh:mm" or " hh:mm:ss" (or
    "T"). Returns (dmy, ymd, matched) where dmy and ymd are lists of component tuples
    (idx, p1, p2, y, H, M, S) and ``matched`` marks the rows decoded here.
    """
    n = len(t)
    matched = np.zeros(n, dtype=bool)
    dmy, ymd = [], []
    bufs = t.buffers()
    if n == 0 or bufs[2] is None or not pa.types.is_large_string(t.type):
        return dmy, ymd, matched
    offsets = np.frombuffer(bufs[1], dtype=np.int64, count=n + 1, offset=t.offset * 8)
    data = np.frombuffer(bufs[2], dtype=np.uint8)
    lengths = np.diff(offsets)
    for width in (10, 16, 19):
        cand = np.flatnonzero(valid & (lengths == width))
        if cand.size == 0:
            continue
        mat = data[offsets[cand][:, None] + np.arange(width)]
        dig = (mat >= 48) & (mat <= 57)
        num = mat.astype(np.int64) - 48
        if width > 10:
            time_ok = np.isin(mat[:, 10], (32, 84)) & (mat[:, 13] == 58) \
                & dig[:, [11, 12, 14, 15]].all(axis=1)
            hh = num[:, 11] * 10 + num[:, 12]
            mm = num[:, 14] * 10 + num[:, 15]
            if width == 19:
                time_ok &= (mat[:, 16] == 58) & dig[:, [17, 18]].all(axis=1)
                ss = num[:, 17] * 10 + num[:, 18]
            else:
                ss = np.zeros(cand.size, dtype=np.int64)
        else:
            time_ok = np.ones(cand.size, dtype=bool)
            hh = mm = ss = np.zeros(cand.size, dtype=np.int64)
        seps = (47, 45, 46)  # / - .
        is_dmy = time_ok & np.isin(mat[:, 2], seps) & (mat[:, 5] == mat[:, 2]) \
            & dig[:, [0, 1, 3, 4, 6, 7, 8, 9]].all(axis=1)
        is_ymd = time_ok & np.isin(mat[:, 4], seps) & (mat[:, 7] == mat[:, 4]) \
            & dig[:, [0, 1, 2, 3, 5, 6, 8, 9]].all(axis=1)
        if is_dmy.any():
            k = is_dmy
            dmy.append((cand[k], num[k, 0] * 10 + num[k, 1], num[k, 3] * 10 + num[k, 4],
                        num[k, 6] * 1000 + num[k, 7] * 100 + num[k, 8] * 10 + num[k, 9],
                        hh[k], mm[k], ss[k]))
        if is_ymd.any():
            k = is_ymd
            ymd.append((cand[k],
                        num[k, 5] * 10 + num[k, 6], num[k, 8] * 10 + num[k, 9],
                        num[k, 0] * 1000 + num[k, 1] * 100 + num[k, 2] * 10 + num[k, 3],
                        hh[k], mm[k], ss[k]))
        matched[cand[is_dmy | is_ymd]] = True
    return dmy, ymd, matched


def _concat_parts(parts: list) -> tuple:
    return tuple(np.concatenate([p[j] for p in parts]) for j in range(7))


def _parse_date_text(t: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict]:
    """Parse trimmed text to int64 ns (NaT where none). Returns ns, bad, tokens, info.

    Formats: yyyy-mm-dd[ hh:mm[:ss]] (also / or .), dd/mm/yyyy and dd/mm/yy (also - or
    ., optional time), yyyymmdd, Excel serial numbers (20000..80000), and "15 janvier
    2024" / "Jan 15, 2024" for the few values left. Fixed-width values are decoded from
    the bytes; the rest by one regex per format, most frequent first. Day-first or
    month-first is decided once per column: month-first only when no first part
    exceeds 12 and some second part does; otherwise day-first (``info["dmy_ambiguous"]``
    when nothing decided it).
    """
    n = len(t)
    out = np.full(n, _NAT, dtype=np.int64)
    bad = np.zeros(n, dtype=bool)
    tok = np.zeros(n, dtype=bool)
    info: dict = {}
    valid = _np_bool(pc.is_valid(t))
    dmy, ymd, matched = _fixed_width_dates(t, valid)
    remaining = np.flatnonzero(valid & ~matched)
    if remaining.size:
        sub = t.take(pa.array(remaining))
        k = _np_bool(pc.is_in(pc.utf8_lower(sub), value_set=_NULL_TOKENS))
        if k.any():
            tok[remaining[k]] = True
            remaining, sub = remaining[~k], sub.filter(pa.array(~k))
    if remaining.size:
        sample = sub.slice(0, 2000)
        hits = {key: int(pc.sum(pc.match_substring_regex(sample, p)).as_py() or 0)
                for key, p in _DATE_PATTERNS.items()}
        for key in sorted(_DATE_PATTERNS, key=lambda x: -hits[x]):
            if remaining.size == 0:
                break
            ex = pc.extract_regex(sub, _DATE_PATTERNS[key])
            hit = _np_bool(pc.is_valid(ex))
            if not hit.any():
                continue
            ex = ex.filter(pa.array(hit))
            idx = remaining[hit]
            if key == "serial":
                x = pc.cast(pc.replace_substring(pc.struct_field(ex, "n"), ",", "."),
                            pa.float64()).to_numpy(zero_copy_only=False)
                ns, ok = _serial_ns(x)
                out[idx] = ns
                bad[idx[~ok]] = True
            elif key == "compact":
                z = np.zeros(idx.size, dtype=np.int64)
                ymd.append((idx, _int_field(ex, "m"), _int_field(ex, "d"), _int_field(ex, "y"),
                            z, z, z))
            else:
                hms = (_int_field(ex, "H"), _int_field(ex, "M"), _int_field(ex, "S"))
                if key == "dmy":
                    y = _int_field(ex, "y")
                    y = np.where(y < 100, np.where(y <= 68, 2000 + y, 1900 + y), y)
                    dmy.append((idx, _int_field(ex, "a"), _int_field(ex, "b"), y, *hms))
                else:
                    ymd.append((idx, _int_field(ex, "m"), _int_field(ex, "d"),
                                _int_field(ex, "y"), *hms))
            remaining, sub = remaining[~hit], sub.filter(pa.array(~hit))
    if dmy:
        idx, a, b, y, hh, mm, ss = _concat_parts(dmy)
        day_first = not (a.max() <= 12 < b.max())
        if a.max() <= 12 and b.max() <= 12:
            info["dmy_ambiguous"] = True
        info["day_first"] = day_first
        d, m = (a, b) if day_first else (b, a)
        ns, ok = _build_ns(y, m, d, hh, mm, ss)
        out[idx] = ns
        bad[idx[~ok]] = True
    if ymd:
        idx, m, d, y, hh, mm, ss = _concat_parts(ymd)
        ns, ok = _build_ns(y, m, d, hh, mm, ss)
        out[idx] = ns
        bad[idx[~ok]] = True
    for i in remaining:  # the few values no vectorised format matched
        ns = _parse_date_words(t[int(i)].as_py())
        if ns is None:
            bad[i] = True
        else:
            out[i] = ns
    return out, bad, tok, info


def _parse_date_words(text: str) -> int | None:
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c)).strip()
    mt = _TEXT_DATE.match(s)
    if not mt:
        return None
    if mt.group(1):
        d, mon, y = int(mt.group(1)), mt.group(2), int(mt.group(3))
    else:
        mon, d, y = mt.group(4), int(mt.group(5)), int(mt.group(6))
    m = _MONTHS.get(mon)
    if m is None:
        return None
    z = np.zeros(1, dtype=np.int64)
    ns, ok = _build_ns(np.array([y]), np.array([m]), np.array([d]), z, z, z)
    return int(ns[0]) if ok[0] else None


def _object_date_ns(v) -> int | None:
    if isinstance(v, (bool, np.bool_)):
        return None
    if isinstance(v, numbers.Real):
        ns, ok = _serial_ns(np.array([float(v)]))
        return int(ns[0]) if ok[0] else None
    if isinstance(v, (_dt.date, np.datetime64, pd.Timestamp)):
        try:
            ts = pd.Timestamp(v)
        except (ValueError, OverflowError):
            return None
        if ts is pd.NaT or not _YEAR_MIN <= ts.year <= _YEAR_MAX:
            return None
        if ts.tzinfo is not None:
            ts = ts.tz_localize(None)
        return int(ts.as_unit("ns").value)
    return None


def _parse_date(cells: _Cells) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict]:
    n = len(cells.other_mask)
    out = np.full(n, _NAT, dtype=np.int64)
    bad = np.zeros(n, dtype=bool)
    empty = cells.empty
    info: dict = {}
    if cells.text is not None:
        ns, tbad, tok, info = _parse_date_text(cells.text)
        has = ns != _NAT
        out[has] = ns[has]
        bad |= tbad
        empty |= tok
    if cells.other_mask.any():
        s = cells.other
        if cells.typed and pd.api.types.is_datetime64_any_dtype(s.dtype):
            if getattr(s.dt, "tz", None) is not None:
                s = s.dt.tz_localize(None)
            years = s.dt.year.to_numpy(dtype=float, na_value=np.nan)
            ok = cells.other_mask & (years >= _YEAR_MIN) & (years <= _YEAR_MAX)
            ns = s.astype("datetime64[ns]").to_numpy().astype(np.int64) if ok.all() else (
                s.where(ok).astype("datetime64[ns]").to_numpy().astype(np.int64)
            )
            out[ok] = ns[ok]
            bad |= cells.other_mask & ~ok
        elif (cells.typed and pd.api.types.is_numeric_dtype(s.dtype)
              and not pd.api.types.is_bool_dtype(s.dtype)):
            ns, ok = _serial_ns(s.to_numpy(dtype=float, na_value=np.nan))
            ok &= cells.other_mask
            out[ok] = ns[ok]
            bad |= cells.other_mask & ~ok
        else:
            values = s.to_numpy(dtype=object) if cells.typed else s
            for i in np.flatnonzero(cells.other_mask):
                v = _object_date_ns(values[i])
                if v is None:
                    bad[i] = True
                else:
                    out[i] = v
    return out, empty, bad, info


# --------------------------------------------------------------------------------------
# Booleans and strings
# --------------------------------------------------------------------------------------

_TRUE = pa.array(["oui", "o", "yes", "y", "true", "vrai", "1", "1.0", "x", "v"],
                 type=pa.large_string())
_FALSE = pa.array(["non", "n", "no", "false", "faux", "0", "0.0"], type=pa.large_string())


def _parse_bool(cells: _Cells) -> tuple[pd.arrays.BooleanArray, np.ndarray, np.ndarray]:
    n = len(cells.other_mask)
    vals = np.zeros(n, dtype=bool)
    known = np.zeros(n, dtype=bool)
    bad = np.zeros(n, dtype=bool)
    empty = cells.empty
    if cells.text is not None:
        low = pc.utf8_lower(cells.text)
        tok = _np_bool(pc.is_in(low, value_set=_NULL_TOKENS))
        is_t = _np_bool(pc.is_in(low, value_set=_TRUE))
        is_f = _np_bool(pc.is_in(low, value_set=_FALSE))
        valid = _np_bool(pc.is_valid(cells.text))
        vals |= is_t
        known |= is_t | is_f
        bad |= valid & ~(is_t | is_f | tok)
        empty |= tok
    if cells.other_mask.any():
        values = cells.other.to_numpy(dtype=object) if cells.typed else cells.other
        for i in np.flatnonzero(cells.other_mask):
            v = values[i]
            if isinstance(v, (bool, np.bool_)) or (isinstance(v, numbers.Real) and v in (0, 1)):
                vals[i], known[i] = bool(v), True
            else:
                bad[i] = True
    return pd.arrays.BooleanArray(vals, ~known), empty, bad


def _object_to_str(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (_dt.datetime, pd.Timestamp)):
        return v.strftime("%Y-%m-%d") if (v.hour, v.minute, v.second) == (0, 0, 0) \
            else v.isoformat(sep=" ")
    if isinstance(v, _dt.date):
        return v.isoformat()
    return str(v).strip()


def _parse_str(cells: _Cells) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(cells.other_mask)
    empty = cells.empty
    if cells.text is not None:
        out = cells.text.to_numpy(zero_copy_only=False).astype(object, copy=False)
    else:
        out = np.full(n, None, dtype=object)
    if cells.other_mask.any():
        s = cells.other
        if cells.typed and pd.api.types.is_integer_dtype(s.dtype):
            conv = pa.array(s, from_pandas=True).cast(pa.string()).to_numpy(zero_copy_only=False)
            out[cells.other_mask] = conv[cells.other_mask]
        else:
            values = s.to_numpy(dtype=object) if cells.typed else s
            for i in np.flatnonzero(cells.other_mask):
                out[i] = _object_to_str(values[i])
    return out, empty, np.zeros(n, dtype=bool)


# --------------------------------------------------------------------------------------
# Mapping
# --------------------------------------------------------------------------------------


def _resolve_mapping(columns, kind: str, mapping, lang: str) -> dict[str, str]:
    cols = list(columns)
    if mapping is None:
        return guess_mapping(cols, kind)
    canon = COLUMNS[kind]
    out: dict[str, str] = {}
    used: dict[str, str] = {}
    for src, dst in dict(mapping).items():
        if dst is None or dst == "":
            continue
        if src not in cols:
            shown = ", ".join(f"'{c}'" for c in cols[:15])
            raise ValueError(
                f"la correspondance cite la colonne '{src}', absente du fichier "
                f"(colonnes : {shown})."
                if lang == "fr"
                else f"the mapping names column '{src}', which is not in the file "
                f"(columns: {shown})."
            )
        if dst not in canon:
            raise ValueError(
                f"'{dst}' n'est pas une colonne de la table {kind} "
                f"(attendu : {', '.join(canon)})."
                if lang == "fr"
                else f"'{dst}' is not a column of table {kind} "
                f"(expected one of: {', '.join(canon)})."
            )
        if dst in used:
            raise ValueError(
                f"les colonnes '{used[dst]}' et '{src}' sont toutes deux associées à "
                f"'{dst}' : n'en gardez qu'une."
                if lang == "fr"
                else f"columns '{used[dst]}' and '{src}' are both mapped to '{dst}'; "
                "keep only one."
            )
        used[dst] = src
        out[src] = dst
    return out


def _check_required(mapping: dict, kind: str, columns, lang: str) -> None:
    missing = [c for c in REQUIRED[kind] if c not in mapping.values()]
    if not missing:
        return
    listed = ", ".join(f"'{c}' ({_describe(kind, c, lang)})" for c in missing)
    shown = ", ".join(f"'{c}'" for c in list(columns)[:15])
    if len(list(columns)) > 15:
        shown += ", …"
    if lang == "fr":
        head = ("colonne obligatoire manquante" if len(missing) == 1
                else "colonnes obligatoires manquantes")
        tail = ("Associez-lui une de vos colonnes." if len(missing) == 1
                else "Associez une de vos colonnes à chacune.")
        msg = f"{head} : {listed}. {tail}"
        if shown:
            msg += f" Colonnes du fichier : {shown}."
    else:
        head = "required column missing" if len(missing) == 1 else "required columns missing"
        tail = ("Map one of your columns to it." if len(missing) == 1
                else "Map one of your columns to each.")
        msg = f"{head}: {listed}. {tail}"
        if shown:
            msg += f" Columns in the file: {shown}."
    raise ValueError(msg)


# --------------------------------------------------------------------------------------
# Duplicates
# --------------------------------------------------------------------------------------


def _find_duplicates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Rows equal (all cells) to an earlier row: (positions, positions of the first copy).

    Columns are taken one by one: each is factorised to integer codes, the codes are
    folded into a 64-bit hash per row, and rows whose hash is already unique are dropped
    (they cannot be duplicates), so later columns are only factorised on the few rows
    left. The survivors are then checked code by code against their first copy, so a
    hash collision can never report a false duplicate.
    """
    n = len(frame)
    empty = np.zeros(0, dtype=np.int64)
    if n < 2 or frame.shape[1] == 0:
        return empty, empty
    cand = np.arange(n)
    h = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(0x9E3779B97F4A7C15)
    steps = []  # (candidate positions, their codes) per column
    for j in range(frame.shape[1]):
        col = frame.iloc[:, j]
        if cand.size < n:
            col = col.iloc[cand]
        if pd.api.types.is_object_dtype(col.dtype):
            col = col.map(lambda v: (type(v).__name__, v) if v is not None else None)
        c = pd.factorize(col, use_na_sentinel=True)[0].astype(np.int64)
        steps.append((cand, c))
        hc = (h[cand] ^ (c + 1).astype(np.uint64)) * mult  # wraps modulo 2**64
        hc ^= hc >> np.uint64(29)
        h[cand] = hc
        shared = pd.Series(hc).duplicated(keep=False).to_numpy()
        cand = cand[shared]
        if cand.size == 0:
            return empty, empty
    _, first, inverse = np.unique(h[cand], return_index=True, return_inverse=True)
    first_of = cand[first[inverse.ravel()]]
    is_dup = first_of != cand
    dup, orig = cand[is_dup], first_of[is_dup]
    same = np.ones(dup.size, dtype=bool)
    for pos, c in steps:  # exact check: equal codes in every column
        same &= c[np.searchsorted(pos, dup)] == c[np.searchsorted(pos, orig)]
    return dup[same], orig[same]


# --------------------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------------------


def _reason_array(msgs: list[pa.Array], m: int) -> pa.Array:
    if not msgs:
        return pa.nulls(m, pa.large_string())
    if len(msgs) == 1:
        return msgs[0]
    return pc.binary_join_element_wise(
        *msgs, pa.scalar("; ", pa.large_string()), null_handling="skip"
    )


def import_raw(raw: RawTable, kind: str, mapping=None, lang: str = "en") -> ImportResult:
    """Map, parse and validate a raw table into the canonical table ``kind``.

    Each line ends up in exactly one of ``data`` or ``rejected``:
    ``n_imported + n_rejected == n_read``. A line is rejected when a REQUIRED column
    (``core.schema.REQUIRED[kind]``) is empty or unreadable there, or when it has more
    cells than the header; every reason of the line is listed, joined with "; ".

    Parsing: numbers in French or English writing ("1 234,56 €", "1.234,56",
    "1,234.56", "(123,45)" and "12,5-" negative, "%" dropped); dates dd/mm/yyyy,
    dd-mm-yyyy, dd.mm.yyyy, dd/mm/yy, yyyy-mm-dd (with or without time), yyyymmdd, Excel
    serial numbers 20000..80000, Excel date cells; day-first unless the column proves
    month-first; booleans oui/non/yes/no/true/false/vrai/faux/1/0/x. Text is trimmed;
    empty cells (and "n/a", "-", "nan" in number, date and yes/no columns) are missing.

    Parameters
    ----------
    raw : RawTable
        From :func:`read_raw`.
    kind : {"transactions", "customers", "contacts", "receivables"}
    mapping : dict, optional
        source header -> canonical column (None or "" values ignore a header). Default:
        ``core.schema.guess_mapping`` on the headers.
    lang : {"en", "fr"}
        Language of reasons, warnings and summary.

    Returns
    -------
    ImportResult

    Raises
    ------
    ValueError
        Unknown table or language, a mapping that names unknown columns or maps two
        headers to one column, or a required column with no header mapped to it.

    Examples
    --------
    >>> raw = read_raw(io.BytesIO(b"Client;Date;Montant\\nC1;2024-01-05;-10,5\\n;2024-01-06;3\\n"))
    >>> res = import_raw(raw, "transactions", lang="fr")
    >>> res.summary
    '2 lignes lues, 1 importée, 1 rejetée'
    >>> res.n_credit_notes, res.rejected.loc[0, "reason"], res.data["invoice_id"].tolist()
    (1, 'code client vide', ['C1-2024-01-05'])
    """
    check_kind(kind)
    _check_lang(lang)
    li = _li(lang)
    frame = raw.frame
    mapping = _resolve_mapping(frame.columns, kind, mapping, lang)
    _check_required(mapping, kind, frame.columns, lang)
    types = COLUMNS[kind]
    n = len(frame)
    lines = np.asarray(raw.lines, dtype=np.int64)
    warnings: list[str] = []

    # 1. Split every column into text / objects; blank lines are all-empty.
    cells = {src: _split_cells(frame[src]) for src in frame.columns}
    blank = np.ones(n, dtype=bool)
    for c in cells.values():
        blank &= c.empty
    keep = ~blank
    n_blank = int(blank.sum()) + int(raw.n_blank)

    # 2. Parse mapped columns.
    parsed: dict[str, tuple] = {}  # canon -> (values, empty, bad, src)
    for src, canon in mapping.items():
        typ = types[canon]
        c = cells[src]
        if typ == "float":
            v, e, b = _parse_float(c)
            if canon in ("latitude", "longitude"):
                lim = 90 if canon == "latitude" else 180
                out = ~np.isnan(v) & (np.abs(v) > lim) & keep
                if out.any():
                    first = np.flatnonzero(out)[0]
                    warnings.append(_plural(
                        int(out.sum()), _OPTIONAL_WARN["range"][li], lang, col=canon,
                        lo=-lim, hi=lim,
                    ) + _example(c, first, lines, lang))
                    v = np.where(out, np.nan, v)
        elif typ == "date":
            v, e, b, info = _parse_date(c)
            if info.get("dmy_ambiguous") and (keep & ~e & ~b).any():
                warnings.append(
                    f"les dates de '{src}' ont été lues jour/mois/année." if lang == "fr"
                    else f"dates in '{src}' were read as day/month/year."
                )
            elif info.get("day_first") is False:
                warnings.append(
                    f"les dates de '{src}' ont été lues mois/jour/année." if lang == "fr"
                    else f"dates in '{src}' were read as month/day/year."
                )
        elif typ == "bool":
            v, e, b = _parse_bool(c)
        else:
            v, e, b = _parse_str(c)
        parsed[canon] = (v, e, b, src)

    # 3. Reject lines with a required value missing or unreadable.
    required = [c for c in REQUIRED[kind] if c in parsed]
    reject = np.zeros(n, dtype=bool)
    for canon in required:
        _, e, b, _ = parsed[canon]
        reject |= (e | b)
    reject &= keep
    accept = keep & ~reject
    rej_idx = np.flatnonzero(reject)
    m = rej_idx.size
    msgs = []
    for canon in types:  # canonical order
        if canon not in required or m == 0:
            continue
        _, e, b, src = parsed[canon]
        e_r, b_r = e[rej_idx], b[rej_idx]
        if not (e_r.any() or b_r.any()):
            continue
        name = _short(canon, lang)
        col_msgs = np.full(m, None, dtype=object)
        col_msgs[e_r] = _MSG["empty"][li].format(name=name)
        if b_r.any():
            key = {"float": "bad_float", "date": "bad_date", "bool": "bad_bool"}[types[canon]]
            shown = _display(cells[src], rej_idx[b_r])
            col_msgs[b_r] = [_MSG[key][li].format(name=name, value=s) for s in shown]
        msgs.append(pa.array(col_msgs, type=pa.large_string()))
    reasons = _reason_array(msgs, m).to_pylist()

    rejected = pd.DataFrame({"row": lines[rej_idx], "reason": pd.Series(reasons, dtype=object)})
    raw_part = frame.iloc[rej_idx].reset_index(drop=True)
    raw_part.columns = [
        f"{c} (file)" if c in ("row", "reason") else c for c in raw_part.columns
    ]
    rejected = pd.concat([rejected, raw_part.astype(object)], axis=1)
    if raw.bad_lines:
        k = frame.shape[1]
        rows = []
        for line, rec in raw.bad_lines:
            cells_ = list(rec[:k]) + [None] * max(0, k - len(rec))
            why = "quote" if len(rec) < k else "cells"
            rows.append([line, _MSG[why][li].format(n=len(rec), k=k)] + cells_)
        bad_df = pd.DataFrame(rows, columns=list(rejected.columns), dtype=object)
        rejected = pd.concat([rejected.astype(object), bad_df], ignore_index=True)
        rejected = rejected.sort_values("row", kind="stable").reset_index(drop=True)
    rejected["row"] = rejected["row"].astype(np.int64)
    rejected["reason"] = rejected["reason"].astype(object)

    # 4. Build the clean table; optional bad values are left empty and counted.
    acc_idx = np.flatnonzero(accept)
    data_cols: dict[str, object] = {}
    for canon in types:
        if canon not in parsed:
            continue
        v, e, b, src = parsed[canon]
        typ = types[canon]
        if canon not in required:
            nb = b & accept
            if nb.any():
                first = np.flatnonzero(nb)[0]
                warnings.append(_plural(int(nb.sum()), _OPTIONAL_WARN[typ][li], lang,
                                        col=canon) + _example(cells[src], first, lines, lang))
        if typ == "float":
            data_cols[canon] = v[acc_idx]
        elif typ == "date":
            data_cols[canon] = v[acc_idx].view("datetime64[ns]")
        elif typ == "bool":
            data_cols[canon] = v[acc_idx]
        else:
            data_cols[canon] = v[acc_idx]

    if kind == "transactions":
        _derive_invoice_id(data_cols, len(acc_idx), "invoice_id" in parsed, warnings, lang)

    data = pd.DataFrame(
        {c: _typed(data_cols[c], types[c]) for c in types if c in data_cols},
        index=pd.RangeIndex(len(acc_idx)),
    )

    # 5. Credit notes, duplicates, counts.
    n_credit = int((data["amount"] < 0).sum()) if "amount" in data and kind in (
        "transactions", "receivables") else 0
    if n_credit and kind == "transactions":
        warnings.append(_plural(
            n_credit,
            (("{n} line has a negative amount (credit note); it was kept",
              "{n} lines have a negative amount (credit notes); they were kept"),
             ("{n} ligne a un montant négatif (avoir) ; elle a été gardée",
              "{n} lignes ont un montant négatif (avoirs) ; elles ont été gardées"))[li],
            lang,
        ) + ".")

    kept_idx = np.flatnonzero(keep)
    sub = frame if kept_idx.size == n else frame.iloc[kept_idx]
    d_pos, f_pos = _find_duplicates(sub)
    n_dup = int(d_pos.size)
    if n_dup:
        duplicates = pd.DataFrame({
            "row": lines[kept_idx[d_pos]],
            "first_row": lines[kept_idx[f_pos]],
        })
        duplicates = pd.concat(
            [duplicates, frame.iloc[kept_idx[d_pos]].reset_index(drop=True).astype(object)],
            axis=1,
        )
        warnings.append(_plural(
            n_dup,
            (("{n} line is an exact copy of an earlier line; it was kept (check whether "
              "it is a real repeat)",
              "{n} lines are exact copies of an earlier line; they were kept (check "
              "whether they are real repeats)"),
             ("{n} ligne est la copie exacte d'une ligne précédente ; elle a été gardée "
              "(vérifiez s'il s'agit d'un vrai doublon)",
              "{n} lignes sont des copies exactes d'une ligne précédente ; elles ont été "
              "gardées (vérifiez s'il s'agit de vrais doublons)"))[li],
            lang,
        ) + ".")
    else:
        duplicates = pd.DataFrame(
            {"row": pd.Series(dtype=np.int64), "first_row": pd.Series(dtype=np.int64)}
            | {c: pd.Series(dtype=object) for c in frame.columns}
        )

    if n_blank:
        warnings.append(_plural(
            n_blank,
            (("{n} empty line was skipped", "{n} empty lines were skipped"),
             ("{n} ligne vide a été ignorée", "{n} lignes vides ont été ignorées"))[li],
            lang,
        ) + ".")
    unused = [c for c in frame.columns if c not in mapping]
    if unused:
        shown = ", ".join(f"'{c}'" for c in unused[:10]) + (", …" if len(unused) > 10 else "")
        warnings.append(
            f"colonnes non utilisées : {shown}." if lang == "fr"
            else f"columns not used: {shown}."
        )

    n_read = int(keep.sum()) + len(raw.bad_lines)
    n_imported = len(data)
    n_rejected = len(rejected)
    if n_read and not n_imported:
        warnings.append(
            "aucune ligne n'a pu être importée : vérifiez la correspondance des colonnes."
            if lang == "fr"
            else "no line could be imported: check which column is mapped to which."
        )
    return ImportResult(
        data=data,
        rejected=rejected,
        mapping=dict(mapping),
        n_read=n_read,
        n_imported=n_imported,
        n_rejected=n_rejected,
        n_credit_notes=n_credit,
        n_duplicates=n_dup,
        duplicates=duplicates,
        warnings=warnings,
        summary=_summary(n_read, n_imported, n_rejected, lang),
        kind=kind,
        lines=lines[acc_idx],
    )


def _example(cells: _Cells, i: int, lines: np.ndarray, lang: str) -> str:
    value = _display(cells, np.array([i]))[0]
    if lang == "fr":
        return f" (ex. '{value}' ligne {_fmt_int(lines[i], lang)})."
    return f" (e.g. '{value}' on line {_fmt_int(lines[i], lang)})."


def _typed(values, typ: str):
    if typ == "float":
        return pd.Series(np.asarray(values, dtype="float64"), copy=False)
    if typ == "date":
        return pd.Series(np.asarray(values, dtype="datetime64[ns]"), copy=False)
    if typ == "bool":
        return pd.Series(values, dtype="boolean")
    return pd.Series(np.asarray(values, dtype=object), dtype=object, copy=False)


def _derive_invoice_id(cols: dict, n: int, mapped: bool, warnings: list, lang: str) -> None:
    """invoice_id = customer_id + "-" + yyyy-mm-dd where missing (one order per day)."""
    if n == 0:
        if not mapped:
            cols["invoice_id"] = np.empty(0, dtype=object)
        return
    existing = cols.get("invoice_id")
    need = (np.ones(n, dtype=bool) if existing is None
            else np.asarray(pd.isna(existing), dtype=bool))
    if not need.any():
        return
    days = np.datetime_as_string(cols["date"][need].astype("datetime64[D]"), unit="D")
    cust = pa.array(cols["customer_id"][need], type=pa.large_string())
    derived = pc.binary_join_element_wise(cust, pa.array(days, type=pa.large_string()),
                                             pa.scalar("-", pa.large_string()))
    derived = derived.to_numpy(zero_copy_only=False)
    if existing is None:
        cols["invoice_id"] = derived.astype(object)
        warnings.append(
            "pas de colonne de numéro de facture : les achats d'un client le même jour "
            "comptent pour une commande (numéro = code client + date)."
            if lang == "fr"
            else "no invoice id column: a customer's purchases on one day count as one "
            "order (invoice id = customer id + date)."
        )
    else:
        out = existing.copy()
        out[need] = derived
        cols["invoice_id"] = out
        k = int(need.sum())
        warnings.append(_plural(
            k,
            (("{n} line had no invoice id; one was made from customer id + date",
              "{n} lines had no invoice id; one was made from customer id + date"),
             ("{n} ligne sans numéro de facture ; numéro créé à partir du code client et "
              "de la date",
              "{n} lignes sans numéro de facture ; numéro créé à partir du code client et "
              "de la date"))[_li(lang)],
            lang,
        ) + ".")


def _summary(n_read: int, n_imported: int, n_rejected: int, lang: str) -> str:
    if lang == "fr":
        return ", ".join([
            _plural(n_read, ("{n} ligne lue", "{n} lignes lues"), lang),
            _plural(n_imported, ("{n} importée", "{n} importées"), lang),
            _plural(n_rejected, ("{n} rejetée", "{n} rejetées"), lang),
        ])
    return ", ".join([
        _plural(n_read, ("{n} line read", "{n} lines read"), lang),
        f"{_fmt_int(n_imported, lang)} imported",
        f"{_fmt_int(n_rejected, lang)} rejected",
    ])


def read_table(source, kind: str, mapping=None, sheet=None, lang: str = "en",
               filename=None, max_bytes=None) -> ImportResult:
    """Read a file and import it as table ``kind``: :func:`read_raw` then :func:`import_raw`.

    Parameters
    ----------
    source : str, PathLike, bytes or file-like
        CSV, XLSX or Parquet file (path, bytes, or Streamlit ``UploadedFile``).
    kind : {"transactions", "customers", "contacts", "receivables"}
    mapping : dict, optional
        source header -> canonical column; default ``core.schema.guess_mapping``.
    sheet : str or int, optional
        XLSX sheet (default the first).
    lang : {"en", "fr"}
        Language of messages.
    filename : str, optional
        File name for messages.
    max_bytes : int, optional
        Size limit; default ``MAX_UPLOAD_BYTES``.

    Returns
    -------
    ImportResult

    Raises
    ------
    FileTooLarge, ValueError
        See :func:`read_raw` and :func:`import_raw`.

    Examples
    --------
    >>> res = read_table(io.BytesIO(b"customer,postal code\\nC1,06000\\n"), "customers")
    >>> res.data.to_dict("records")
    [{'customer_id': 'C1', 'postal_code': '06000'}]
    """
    raw = read_raw(source, filename=filename, sheet=sheet, max_bytes=max_bytes, lang=lang)
    return import_raw(raw, kind, mapping=mapping, lang=lang)
