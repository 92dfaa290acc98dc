"""Data reliability (fiabilisation): quality report, duplicate customers, merges, qualification.

Four jobs, all on plain tables (DOMAIN.md section 1):

- :func:`quality_report` checks every table and column: missing values, invalid values
  (e-mail syntax, French phone numbers, SIREN / SIRET with the Luhn key, postal codes for
  the country, dates after the reference date, negative or out-of-range numbers, extreme
  amounts), duplicate keys and lines, sales of unknown customers; it gives each table a
  score out of 100 and keeps, for each problem, the rows concerned.
- :func:`find_duplicates` lists candidate duplicate customers: fuzzy similarity of the
  normalised company name (rapidfuzz) with blocking by postal code / city, plus equal
  SIRET, e-mail or phone; each pair has a score in [0, 1] and the reason it matched.
- :func:`merge_customers` / :func:`undo_merge` merge two customer records (sales,
  contacts and receivables move to the kept one) and undo it exactly; the merge log lives
  in ``Portfolio.meta["quality"]["merges"]``.
- :func:`apply_qualification` applies validated edits of status, potential, credit
  limit, rep and sector, with one audit row per changed cell
  (``Portfolio.meta["quality"]["audit"]``).

The ``save_*`` functions do the same on a portfolio saved in a
:class:`core.store.PortfolioStore` (load, change, save atomically). ``who`` and ``when``
are always arguments: core never reads the clock.

Example
-------
>>> import pandas as pd
>>> cu = pd.DataFrame({"customer_id": ["C1", "C2", "C3"],
...                    "name": ["Boulangerie Martin SARL", "BOULANGERIE MARTIN", "Garage Roux"],
...                    "postal_code": ["06000", "06000", "06000"]})
>>> find_duplicates(cu)[["id_a", "id_b", "score", "reason"]].values.tolist()
[['C1', 'C2', 1.0, 'name 100 %, same postal code']]
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from core.features import to_timestamp
from core.schema import COLUMNS, REQUIRED, STATUSES, TABLES, Portfolio

__all__ = [
    "DEFAULT_RANGES", "LEGAL_FORMS", "QUALIFICATION_COLUMNS", "STATUS_ALIASES",
    "QualityReport", "annotate_decisions", "apply_qualification", "audit_log",
    "email_valid", "find_duplicates", "luhn_valid", "merge_customers", "merge_log",
    "normalise_name", "pair_decisions", "pair_metrics", "phone_valid", "plant_duplicates",
    "postal_code_valid", "quality_report", "qualification_changes", "record_decision",
    "save_decision", "save_merge", "save_qualification", "save_undo_merge", "siren_valid",
    "siret_valid", "synthetic_customers", "undo_merge",
]

# ---------------------------------------------------------------------------------------
# Rules (data, overridable by the caller)
# ---------------------------------------------------------------------------------------

# Legal forms removed from company names before comparing them (after accents, case and
# dots are removed: "S.A.R.L." and "s a r l" both become "sarl").
LEGAL_FORMS = (
    "sarl", "sas", "sasu", "eurl", "sa", "sci", "snc", "scs", "sca", "scop", "scp", "scm",
    "selarl", "selas", "selafa", "sel", "gie", "ei", "eirl", "earl", "gaec", "sem",
    "ltd", "llc", "inc", "gmbh", "bv", "srl", "spa", "plc", "sprl", "srl",
)
# Words that carry no identity ("Ets Martin et Fils" = "Martin Fils").
NAME_STOPWORDS = (
    "et", "and", "de", "du", "des", "la", "le", "les", "l", "d", "the", "ets",
    "etablissements", "etablissement", "societe", "ste", "cie", "compagnie",
)

# Statuses written in French in imported files, mapped to the app's STATUSES.
STATUS_ALIASES = {
    "suspect": "suspect", "prospect froid": "cold prospect", "froid": "cold prospect",
    "prospect tiede": "warm prospect", "tiede": "warm prospect",
    "prospect chaud": "hot prospect", "chaud": "hot prospect", "client": "customer",
    "client actif": "customer", "perdu": "lost", "client perdu": "lost",
    "ancien client": "lost", "prospect": "cold prospect",
}

# Allowed range of numeric columns, (min, max) with None = unbounded. Sales amounts,
# quantities and receivable amounts may be negative (credit notes, returns).
DEFAULT_RANGES: dict[tuple[str, str], tuple[float | None, float | None]] = {
    ("customers", "potential"): (0.0, None),
    ("customers", "credit_limit"): (0.0, None),
    ("customers", "payment_terms_days"): (0.0, 365.0),
    ("customers", "acquisition_cost"): (0.0, None),
    ("customers", "latitude"): (-90.0, 90.0),
    ("customers", "longitude"): (-180.0, 180.0),
    ("contacts", "duration_min"): (0.0, 24 * 60.0),
    ("contacts", "cost"): (0.0, None),
}

# Amount columns checked for extreme values: log10 |x| > Q3 + k IQR of log10 |x| (sales
# amounts are skewed, so the rule works on orders of magnitude; credit notes are judged
# on their size).
OUTLIER_COLUMNS = {"transactions": ("amount", "quantity"), "receivables": ("amount",)}

# Date columns that cannot lie after the reference date (due dates can).
PAST_DATES = {
    "transactions": ("date",), "customers": ("created",), "contacts": ("date",),
    "receivables": ("invoice_date", "paid_date"),
}

# Postal code formats by ISO country code (upper case, spaces kept as typed are removed
# except where the format has one).
POSTAL_PATTERNS = {
    "FR": r"(?:(?:0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-8]\d{2}|98[04-9]\d{2})",
    "MC": r"980\d{2}",
    "BE": r"[1-9]\d{3}", "CH": r"[1-9]\d{3}", "AT": r"[1-9]\d{3}", "DK": r"[1-9]\d{3}",
    "LU": r"(?:L-?)?\d{4}", "DE": r"\d{5}", "IT": r"\d{5}",
    "ES": r"(?:0[1-9]|[1-4]\d|5[0-2])\d{3}", "PT": r"\d{4}-\d{3}",
    "NL": r"[1-9]\d{3} ?[A-Z]{2}", "GB": r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}",
    "US": r"\d{5}(?:-\d{4})?",
}
COUNTRY_ALIASES = {
    "fr": "FR", "fra": "FR", "france": "FR", "f": "FR", "mc": "MC", "monaco": "MC",
    "be": "BE", "belgique": "BE", "belgium": "BE", "ch": "CH", "suisse": "CH",
    "switzerland": "CH", "lu": "LU", "luxembourg": "LU", "de": "DE", "allemagne": "DE",
    "germany": "DE", "it": "IT", "italie": "IT", "italy": "IT", "es": "ES", "espagne": "ES",
    "spain": "ES", "pt": "PT", "portugal": "PT", "nl": "NL", "pays bas": "NL",
    "netherlands": "NL", "gb": "GB", "uk": "GB", "royaume uni": "GB",
    "united kingdom": "GB", "us": "US", "usa": "US", "etats unis": "US",
    "united states": "US", "at": "AT", "autriche": "AT", "austria": "AT", "dk": "DK",
    "danemark": "DK", "denmark": "DK",
}

QUALIFICATION_COLUMNS = ("status", "potential", "credit_limit", "sales_rep", "sector")
_NUMERIC_QUALIFICATION = ("potential", "credit_limit")

# La Poste's establishments share SIREN 356 000 000; their SIRET does not follow the
# Luhn key but the sum of its 14 digits is a multiple of 5.
LA_POSTE_SIREN = "356000000"

_EMAIL_RE = (
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)

# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss",
                            "’": "'", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})


def _strip_accents(text: str) -> str:
    """Text without accents ("Lefèvre" -> "Lefevre"); other non-ASCII letters dropped."""
    s = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return s.encode("ascii", "ignore").decode("ascii")


def _text(series: pd.Series) -> pd.Series:
    """Text values stripped, with blanks as missing (object dtype, None for missing)."""
    missing = series.isna().to_numpy(dtype=bool)
    values = series.astype("object").to_numpy()
    out = [None if m else (str(v).strip() or None) for v, m in zip(values, missing)]
    return pd.Series(out, index=series.index, dtype="object")


def _missing_mask(series: pd.Series) -> np.ndarray:
    mask = series.isna().to_numpy(dtype=bool)
    if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
        blank = series.astype("str").str.strip().eq("").to_numpy(dtype=bool)
        mask = mask | (blank & ~mask)
    return mask


def _country_codes(frame: pd.DataFrame, default_country: str) -> pd.Series:
    """ISO code per row from the ``country`` column (default when missing or unknown text)."""
    default = default_country.upper()
    if "country" not in frame.columns:
        return pd.Series(default, index=frame.index, dtype="object")
    raw = frame["country"].astype("object")

    def one(v):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return default
        key = re.sub(r"[^a-z]+", " ", _strip_accents(str(v)).lower()).strip()
        if not key:
            return default
        return COUNTRY_ALIASES.get(key, key.upper() if len(key) == 2 else "??")

    return raw.map(one)


# ---------------------------------------------------------------------------------------
# Validators (scalar API on top of vectorised ones)
# ---------------------------------------------------------------------------------------


def _digits_only(series: pd.Series) -> pd.Series:
    return series.astype("str").str.replace(r"[\s.\-]", "", regex=True)


def _luhn_array(numbers: np.ndarray) -> np.ndarray:
    """Luhn check of equal-length digit strings (vectorised)."""
    if len(numbers) == 0:
        return np.zeros(0, dtype=bool)
    length = len(numbers[0])
    arr = (np.frombuffer("".join(numbers).encode("ascii"), dtype=np.uint8)
           .reshape(-1, length).astype(np.int16) - 48)
    doubled = (length - 1 - np.arange(length)) % 2 == 1
    d = arr[:, doubled] * 2
    d = d - 9 * (d > 9)
    total = arr[:, ~doubled].sum(axis=1) + d.sum(axis=1)
    return total % 10 == 0


def _siret_status(values: pd.Series) -> pd.Series:
    """Per value: "missing", "siren" (valid 9 digits), "siret" (valid 14), or "invalid"."""
    out = pd.Series("missing", index=values.index, dtype="object")
    present = ~_missing_mask(values)
    if not present.any():
        return out
    digits = _digits_only(values[present])
    status = pd.Series("invalid", index=digits.index, dtype="object")
    for length, label in ((9, "siren"), (14, "siret")):
        sel = digits.str.fullmatch(rf"\d{{{length}}}").fillna(False).to_numpy(dtype=bool)
        if not sel.any():
            continue
        nums = digits[sel].to_numpy(dtype=object).astype(str)
        ok = _luhn_array(nums)
        if length == 14:
            poste = np.char.startswith(nums, LA_POSTE_SIREN)
            if poste.any():
                arr = np.frombuffer("".join(nums[poste]).encode("ascii"),
                                    dtype=np.uint8).reshape(-1, 14).astype(np.int16) - 48
                ok[poste] = ok[poste] | (arr.sum(axis=1) % 5 == 0)
        status[digits.index[sel]] = np.where(ok, label, "invalid")
    out[present] = status
    return out


def luhn_valid(number: str) -> bool:
    """True when the digits of ``number`` pass the Luhn key (mod 10).

    From the right, every second digit is doubled (9 subtracted when above 9) and the
    sum of all digits must be a multiple of 10. Spaces, dots and dashes are ignored.

    >>> luhn_valid("732 829 320"), luhn_valid("732 829 321")
    (True, False)
    """
    digits = re.sub(r"[\s.\-]", "", str(number))
    if not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for q, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if q % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def siren_valid(number: str) -> bool:
    """True for a well-formed SIREN: 9 digits passing the Luhn key.

    >>> siren_valid("732 829 320"), siren_valid("73282932"), siren_valid("732829321")
    (True, False, False)
    """
    return _siret_status(pd.Series([number], dtype="object")).iloc[0] == "siren"


def siret_valid(number: str) -> bool:
    """True for a well-formed SIRET: 14 digits (SIREN + NIC) passing the Luhn key.

    Exception: La Poste's establishments (SIREN 356 000 000) are valid when the sum of
    the 14 digits is a multiple of 5.

    >>> siret_valid("732 829 320 00074"), siret_valid("35600000000048")
    (True, True)
    >>> siret_valid("35600000049837"), siret_valid("73282932000075")
    (True, False)
    """
    return _siret_status(pd.Series([number], dtype="object")).iloc[0] == "siret"


def _email_ok(values: pd.Series) -> np.ndarray:
    s = values.astype("str").str.strip()
    ok = s.str.fullmatch(_EMAIL_RE).fillna(False).to_numpy(dtype=bool)
    return ok & (s.str.len().to_numpy() <= 254)


def email_valid(address: str) -> bool:
    """True when ``address`` has a plausible e-mail syntax (local@domain.tld).

    >>> email_valid("contact@boulangerie-martin.fr"), email_valid("martin@orange"), \
email_valid("a..b@x.fr")
    (True, False, False)
    """
    return bool(_email_ok(pd.Series([address], dtype="object"))[0])


def _phone_key(values: pd.Series) -> pd.Series:
    """Phone numbers in a canonical form: French numbers as 0XXXXXXXXX, others +digits."""
    s = values.astype("str").str.strip()
    s = s.str.replace(r"\(0\)", "", regex=True).str.replace(r"[\s.\-/()]", "", regex=True)
    s = s.str.replace(r"^00", "+", regex=True)
    s = s.str.replace(r"^\+33", "0", regex=True)
    s = s.str.replace(r"^\+(?:262|590|594|596)(?=\d{9}$)", "0", regex=True)
    return s


def _phone_ok(values: pd.Series, countries: pd.Series) -> np.ndarray:
    key = _phone_key(values)
    fr = key.str.fullmatch(r"0[1-9]\d{8}").fillna(False).to_numpy(dtype=bool)
    intl = key.str.fullmatch(r"\+?[1-9]\d{5,14}").fillna(False).to_numpy(dtype=bool)
    is_fr = countries.isin(["FR", "MC"]).to_numpy(dtype=bool)
    return np.where(is_fr, fr, intl | fr)


def phone_valid(phone: str, country: str = "FR") -> bool:
    """True for a valid phone number; French numbers need 10 digits starting 0[1-9].

    Accepted French forms: 01 23 45 67 89, 01.23.45.67.89, +33 1 23 45 67 89,
    +33 (0)1 23 45 67 89, 0033123456789, and overseas +262 / +590 / +594 / +596.
    Other countries: 6 to 15 digits, optionally after ``+``.

    >>> phone_valid("+33 (0)6 12 34 56 78"), phone_valid("06 12 34 56"), \
phone_valid("00 12 34 56 78")
    (True, False, False)
    """
    return bool(_phone_ok(pd.Series([phone], dtype="object"),
                          pd.Series([country.upper()], dtype="object"))[0])


def _postal_ok(values: pd.Series, countries: pd.Series) -> np.ndarray:
    """True where the postal code fits the country format (unknown countries pass)."""
    s = values.astype("str").str.strip().str.upper()
    ok = np.ones(len(s), dtype=bool)
    cc = countries.to_numpy(dtype=object)
    for code, pattern in POSTAL_PATTERNS.items():
        sel = cc == code
        if sel.any():
            ok[sel] = s[sel].str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)
    return ok


def postal_code_valid(code: str, country: str = "FR") -> bool:
    """True when ``code`` is a postal code of ``country`` (ISO code; unknown countries pass).

    French codes are 5 digits from a real département (01-95, 971-978, 980-989 incl.
    Monaco); a code that lost its leading zero in a spreadsheet ("6000") is invalid.

    >>> postal_code_valid("06000"), postal_code_valid("6000"), postal_code_valid("96100")
    (True, False, False)
    >>> postal_code_valid("1000", "BE"), postal_code_valid("1012 AB", "NL")
    (True, True)
    """
    return bool(_postal_ok(pd.Series([code], dtype="object"),
                           pd.Series([country.upper()], dtype="object"))[0])


# ---------------------------------------------------------------------------------------
# Quality report
# ---------------------------------------------------------------------------------------

SEVERITIES = ("error", "warning", "info")

# check code -> (severity, English description). Pages translate the codes.
CHECKS = {
    "missing": ("info", "missing value"),
    "missing_required": ("error", "missing value in a required column"),
    "duplicate_id": ("error", "identifier used on more than one row"),
    "duplicate_row": ("warning", "line repeated identically (imported twice?)"),
    "email": ("error", "e-mail address with an invalid syntax"),
    "phone": ("error", "invalid phone number"),
    "siret": ("error", "SIREN / SIRET with a wrong length or Luhn key"),
    "postal_code": ("error", "postal code not in the country's format"),
    "postal_code_city": ("warning", "postal code and city do not match"),
    "future_date": ("error", "date after the reference date"),
    "negative": ("error", "negative value where it is not allowed"),
    "out_of_range": ("error", "value outside the allowed range"),
    "outlier": ("warning", "extreme value, far from the others"),
    "unknown_status": ("warning", "status not in the known list"),
    "unknown_kind": ("warning", "kind other than B2B / B2C"),
    "unknown_customer": ("warning", "customer missing from the customers table"),
    "due_before_invoice": ("error", "due date before the invoice date"),
    "paid_before_invoice": ("warning", "payment date before the invoice date"),
    "margin_above_amount": ("error", "margin larger than the sale amount"),
}

_ID_COLUMNS = {"customers": "customer_id", "receivables": "invoice_id"}


@dataclass
class QualityReport:
    """Result of :func:`quality_report`.

    Attributes
    ----------
    scores : DataFrame
        One row per table: table, rows, completeness, validity, uniqueness (shares in
        [0, 1]), score (0-100), problems (count of problem rows over all checks).
    columns : DataFrame
        One row per table and column: table, column, rows, missing, missing_share,
        invalid, invalid_share.
    problems : DataFrame
        One row per problem found: table, column, check, severity, description,
        n_rows, share, examples (up to 3 offending values). Sorted by severity, then size.
    rows : dict
        ``(table, column, check)`` -> positions (0-based) of the rows concerned.
    """

    scores: pd.DataFrame
    columns: pd.DataFrame
    problems: pd.DataFrame
    rows: dict = field(default_factory=dict)

    def problem_rows(self, tables, table: str, column: str, check: str) -> pd.DataFrame:
        """The rows of ``table`` that have problem ``check`` on ``column``.

        ``tables`` is the Portfolio (or dict of tables) the report was computed on. A
        ``row`` column (1-based position in the table) is put first.
        """
        frames = tables.tables() if isinstance(tables, Portfolio) else dict(tables)
        pos = self.rows.get((table, column, check))
        if pos is None:
            raise ValueError(f"no problem '{check}' on column '{column}' of table '{table}'")
        out = frames[table].iloc[pos].copy()
        out.insert(0, "row", np.asarray(pos) + 1)
        return out.reset_index(drop=True)

    def all_problem_rows(self) -> pd.DataFrame:
        """Long table: table, column, check, severity, row (1-based) for every problem."""
        parts = []
        for (table, column, check), pos in self.rows.items():
            parts.append(pd.DataFrame({
                "table": table, "column": column, "check": check,
                "severity": CHECKS[check][0], "row": np.asarray(pos) + 1}))
        if not parts:
            return pd.DataFrame(columns=["table", "column", "check", "severity", "row"])
        return pd.concat(parts, ignore_index=True)


def quality_report(tables, as_of, *, default_country: str = "FR",
                   statuses=STATUSES, ranges=None, outlier_iqr: float = 3.0,
                   communes: pd.DataFrame | None = None) -> QualityReport:
    """Check a portfolio's tables and score each one out of 100.

    Checks (codes in ``CHECKS``): missing values (``missing_required`` on the columns a
    table needs, ``missing`` elsewhere); duplicate identifiers (customers.customer_id,
    receivables.invoice_id) and identical repeated lines; e-mail syntax; phone numbers
    (French format for French customers); SIREN / SIRET length and Luhn key (La Poste
    exception); postal code format for the row's country (``default_country`` when the
    column is empty); dates after ``as_of``; numbers outside ``ranges`` (negative where
    not allowed); extreme amounts and quantities, log10 |x| > Q3 + k IQR of log10 |x|
    (orders of magnitude, k = ``outlier_iqr``: 3 flags a 1 000 000 typed for 100);
    with a ``communes`` reference, a postal code that does not go with its city (checked
    where the city and the postal code's département are in the reference); statuses and kinds not in the known lists;
    sales, contacts and receivables of
    customers absent from the customers table; due or payment dates before the invoice
    date; margin above the sale amount.

    Score of a table = 100 x (completeness + validity + uniqueness) / 3, where
    completeness = 1 - missing cells / cells, validity = 1 - cells with an invalid value /
    filled cells, uniqueness = 1 - repeated rows (each beyond the first) / rows.

    Parameters
    ----------
    tables : Portfolio or dict of DataFrame
        The tables to check (canonical column names).
    as_of : date-like
        The reference date: usually today, so that only real future dates are flagged.
    default_country : str
        ISO code assumed for customers without a country (postal codes, phones).
    statuses : sequence of str
        Known customer statuses (French aliases in ``STATUS_ALIASES`` also pass).
    ranges : dict, optional
        ``{(table, column): (min, max)}``; default ``DEFAULT_RANGES``.
    outlier_iqr : float
        The k of the extreme-value rule (on log10 of the absolute value); 0 or less
        switches the rule off.
    communes : DataFrame, optional
        Reference of (postal_code, city) pairs, e.g. ``core.sample.load_communes()``.

    Returns
    -------
    QualityReport

    Raises
    ------
    ValueError
        If ``as_of`` is not a date or ``tables`` holds an unknown table.

    Example
    -------
    >>> cu = pd.DataFrame({"customer_id": ["C1", "C2", "C2"],
    ...                    "email": ["a@b.fr", "not-an-email", None]})
    >>> r = quality_report({"customers": cu}, as_of="2025-01-01")
    >>> r.problems[["column", "check", "n_rows"]].values.tolist()
    [['customer_id', 'duplicate_id', 2], ['email', 'email', 1], ['email', 'missing', 1]]
    >>> round(float(r.scores.loc[0, "score"]), 1)   # 100 * (5/6 + 4/5 + 2/3) / 3
    76.7
    """
    as_of = to_timestamp(as_of)
    frames = tables.tables() if isinstance(tables, Portfolio) else dict(tables)
    unknown = [k for k in frames if k not in COLUMNS]
    if unknown:
        raise ValueError(f"unknown table(s) {unknown}: expected some of {', '.join(TABLES)}")
    ranges = DEFAULT_RANGES if ranges is None else ranges
    known_ids = None
    if frames.get("customers") is not None and "customer_id" in frames["customers"].columns:
        known_ids = set(_text(frames["customers"]["customer_id"]).dropna())

    rows: dict = {}
    col_records, score_records = [], []
    for kind in TABLES:
        frame = frames.get(kind)
        if frame is None:
            continue
        found = _check_table(kind, frame, as_of, default_country, statuses, ranges,
                             outlier_iqr, known_ids, communes)
        for (column, check), mask in found.items():
            if mask.any():
                rows[(kind, column, check)] = np.flatnonzero(mask)
        cols, score = _table_scores(kind, frame, found)
        col_records.extend(cols)
        score_records.append(score)

    problems = []
    for (kind, column, check), pos in rows.items():
        frame = frames[kind]
        values = frame[column].iloc[pos[:50]] if column in frame.columns else pd.Series()
        examples = [str(v) for v in values.dropna().astype("object").unique()[:3]]
        problems.append({
            "table": kind, "column": column, "check": check,
            "severity": CHECKS[check][0], "description": CHECKS[check][1],
            "n_rows": len(pos), "share": len(pos) / max(len(frame), 1),
            "examples": ", ".join(examples)})
    problems = pd.DataFrame(problems, columns=["table", "column", "check", "severity",
                                               "description", "n_rows", "share", "examples"])
    if len(problems):
        problems["_sev"] = problems["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
        problems["_tab"] = problems["table"].map({t: i for i, t in enumerate(TABLES)})
        problems = (problems.sort_values(["_sev", "_tab", "n_rows", "column"],
                                         ascending=[True, True, False, True])
                    .drop(columns=["_sev", "_tab"]).reset_index(drop=True))
    columns = pd.DataFrame(col_records, columns=["table", "column", "rows", "missing",
                                                 "missing_share", "invalid", "invalid_share"])
    scores = pd.DataFrame(score_records, columns=["table", "rows", "completeness", "validity",
                                                  "uniqueness", "score", "problems"])
    return QualityReport(scores=scores, columns=columns, problems=problems, rows=rows)


def _check_table(kind, frame, as_of, default_country, statuses, ranges, outlier_iqr,
                 known_ids, communes=None) -> dict:
    """{(column, check): boolean mask} for one table."""
    n = len(frame)
    found: dict = {}
    present = [c for c in frame.columns if c in COLUMNS[kind]]
    missing = {c: _missing_mask(frame[c]) for c in present}
    for c in present:
        check = "missing_required" if c in REQUIRED[kind] else "missing"
        found[(c, check)] = missing[c]
    for c in REQUIRED[kind]:
        if c not in frame.columns and n:
            found[(c, "missing_required")] = np.ones(n, dtype=bool)

    def filled(c):
        return ~missing[c]

    # identifiers and repeated lines
    id_col = _ID_COLUMNS.get(kind)
    if id_col in present:
        ids = _text(frame[id_col])
        found[(id_col, "duplicate_id")] = (ids.duplicated(keep=False) & ids.notna()).to_numpy()
    if n and kind != "customers":
        found[(present[0] if present else "customer_id", "duplicate_row")] = (
            frame[present].duplicated(keep="first").to_numpy())

    if kind == "customers":
        countries = _country_codes(frame, default_country)
        if "email" in present:
            found[("email", "email")] = filled("email") & ~_email_ok(frame["email"])
        if "phone" in present:
            found[("phone", "phone")] = filled("phone") & ~_phone_ok(frame["phone"], countries)
        if "siret" in present:
            found[("siret", "siret")] = (_siret_status(frame["siret"]) == "invalid").to_numpy()
        if "postal_code" in present:
            found[("postal_code", "postal_code")] = (
                filled("postal_code") & ~_postal_ok(frame["postal_code"], countries))
        if communes is not None and {"postal_code", "city"} <= set(present):
            found[("postal_code", "postal_code_city")] = _postal_city_mismatch(
                frame, communes)
        if "status" in present:
            known = {_norm_label(s) for s in statuses} | set(STATUS_ALIASES)
            labels = _text(frame["status"]).map(lambda v: None if v is None else _norm_label(v))
            found[("status", "unknown_status")] = (
                labels.notna() & ~labels.isin(known)).to_numpy(dtype=bool)
        if "kind" in present:
            kinds = _text(frame["kind"]).map(lambda v: None if v is None else v.upper())
            found[("kind", "unknown_kind")] = (
                kinds.notna() & ~kinds.isin(["B2B", "B2C"])).to_numpy(dtype=bool)

    for c in PAST_DATES.get(kind, ()):
        if c in present:
            d = pd.to_datetime(frame[c], errors="coerce")
            found[(c, "future_date")] = (d > as_of).to_numpy(dtype=bool)

    for (table, c), (lo, hi) in ranges.items():
        if table != kind or c not in present:
            continue
        x = pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            if lo == 0.0:
                found[(c, "negative")] = x < 0
                below = np.zeros(n, dtype=bool)
            else:
                below = x < lo if lo is not None else np.zeros(n, dtype=bool)
            above = x > hi if hi is not None else np.zeros(n, dtype=bool)
        found[(c, "out_of_range")] = below | above

    if outlier_iqr and outlier_iqr > 0:
        for c in OUTLIER_COLUMNS.get(kind, ()):
            if c in present:
                x = np.abs(pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float))
                with np.errstate(divide="ignore", invalid="ignore"):
                    lx = np.log10(x)
                ok = np.isfinite(lx)
                if ok.sum() >= 4:
                    q1, q3 = np.percentile(lx[ok], [25, 75])
                    iqr = q3 - q1
                    if iqr > 0:
                        with np.errstate(invalid="ignore"):
                            found[(c, "outlier")] = ok & (lx > q3 + outlier_iqr * iqr)

    if kind != "customers" and known_ids is not None and "customer_id" in present:
        ids = _text(frame["customer_id"])
        found[("customer_id", "unknown_customer")] = (
            ids.notna() & ~ids.isin(known_ids)).to_numpy(dtype=bool)

    if kind == "receivables" and "invoice_date" in present:
        inv = pd.to_datetime(frame["invoice_date"], errors="coerce")
        if "due_date" in present:
            found[("due_date", "due_before_invoice")] = (
                pd.to_datetime(frame["due_date"], errors="coerce") < inv).to_numpy(dtype=bool)
        if "paid_date" in present:
            found[("paid_date", "paid_before_invoice")] = (
                pd.to_datetime(frame["paid_date"], errors="coerce") < inv).to_numpy(dtype=bool)

    if kind == "transactions" and {"amount", "margin"} <= set(present):
        a = pd.to_numeric(frame["amount"], errors="coerce").to_numpy(dtype=float)
        m = pd.to_numeric(frame["margin"], errors="coerce").to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            found[("margin", "margin_above_amount")] = (a > 0) & (m > a + 1e-9)
    return {k: np.asarray(v, dtype=bool) for k, v in found.items()}


def _postal_city_mismatch(frame: pd.DataFrame, communes: pd.DataFrame) -> np.ndarray:
    """Rows whose city is in the reference but not with this postal code.

    Only postal codes of départements the reference covers are judged (a city name of
    the reference may exist elsewhere in France).
    """
    if not {"postal_code", "city"} <= set(communes.columns):
        raise ValueError("the communes reference needs 'postal_code' and 'city' columns")
    ref_pc = _text(communes["postal_code"]).fillna("").to_numpy(dtype=object)
    ref_city = np.array([_norm_city(c) for c in communes["city"].astype("object")],
                        dtype=object)
    pairs = set(zip(ref_pc, ref_city))
    cities = set(ref_city)
    covered = {p[:2] for p in ref_pc if p}
    pc = _text(frame["postal_code"]).to_numpy(dtype=object)
    city = np.array([_norm_city(c) for c in _text(frame["city"])], dtype=object)
    return np.array([p is not None and p[:2] in covered and c in cities
                     and (p, c) not in pairs for p, c in zip(pc, city)], dtype=bool)


def _norm_label(text) -> str:
    return re.sub(r"[^a-z0-9]+", " ", _strip_accents(str(text)).lower()).strip()


_VALIDITY_SKIP = {"missing", "missing_required", "duplicate_id", "duplicate_row"}


def _table_scores(kind, frame, found):
    n = len(frame)
    present = [c for c in frame.columns if c in COLUMNS[kind]]
    cols = []
    total_missing = total_invalid = 0
    for c in present:
        miss = found.get((c, "missing"), found.get((c, "missing_required")))
        miss = miss if miss is not None else np.zeros(n, dtype=bool)
        invalid = np.zeros(n, dtype=bool)
        for (col, check), mask in found.items():
            if col == c and check not in _VALIDITY_SKIP:
                invalid |= mask
        invalid &= ~miss
        n_miss, n_inv = int(miss.sum()), int(invalid.sum())
        total_missing += n_miss
        total_invalid += n_inv
        filled = n - n_miss
        cols.append({"table": kind, "column": c, "rows": n, "missing": n_miss,
                     "missing_share": n_miss / n if n else 0.0, "invalid": n_inv,
                     "invalid_share": n_inv / filled if filled else 0.0})
    any_problem = np.zeros(n, dtype=bool)
    repeated = np.zeros(n, dtype=bool)
    for (_col, check), mask in found.items():
        if check != "missing":
            any_problem |= mask
        if check == "duplicate_row":
            repeated |= mask
        elif check == "duplicate_id":
            # rows beyond the first of each repeated identifier
            ids = _text(frame[_ID_COLUMNS[kind]])
            repeated |= (ids.duplicated(keep="first") & ids.notna()).to_numpy()
    cells = n * len(present)
    if n == 0 or cells == 0:
        return cols, {"table": kind, "rows": n, "completeness": np.nan, "validity": np.nan,
                      "uniqueness": np.nan, "score": np.nan, "problems": 0}
    completeness = 1 - total_missing / cells
    filled = cells - total_missing
    validity = 1 - total_invalid / filled if filled else 1.0
    uniqueness = 1 - repeated.sum() / n
    score = 100 * (completeness + validity + uniqueness) / 3
    return cols, {"table": kind, "rows": n, "completeness": completeness,
                  "validity": validity, "uniqueness": float(uniqueness), "score": score,
                  "problems": int(any_problem.sum())}


# ---------------------------------------------------------------------------------------
# Duplicate customers
# ---------------------------------------------------------------------------------------

_LEGAL = frozenset(LEGAL_FORMS)
_STOP = frozenset(NAME_STOPWORDS)


def normalise_name(name) -> str:
    """Company name reduced for comparison.

    Lower case, accents removed, "&" read as "et", punctuation removed, dotted or spaced
    acronyms joined ("S.A.R.L." and "S A R L" -> "sarl"), then legal forms
    (``LEGAL_FORMS``) and empty words (``NAME_STOPWORDS``) dropped. If nothing is left,
    the name without legal forms and empty words removed is returned.

    >>> normalise_name("Boulangerie MARTIN & Fils, S.A.R.L.")
    'boulangerie martin fils'
    >>> normalise_name("Ets Lefèvre SAS")
    'lefevre'
    >>> normalise_name(None)
    ''
    """
    if name is None or (isinstance(name, float) and math.isnan(name)) or name is pd.NA:
        return ""
    s = _strip_accents(str(name)).lower().replace("&", " et ")
    tokens = re.findall(r"[a-z0-9]+", s)
    joined: list[str] = []
    run: list[str] = []
    for tok in [*tokens, ""]:
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if run:
            joined.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if tok:
            joined.append(tok)
    kept = [t for t in joined if t not in _LEGAL and t not in _STOP]
    return " ".join(kept if kept else joined)


def _norm_city(city) -> str:
    if city is None or (isinstance(city, float) and math.isnan(city)) or city is pd.NA:
        return ""
    s = _strip_accents(str(city)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"^(st|ste)\b", lambda m: "saint" if m.group(1) == "st" else "sainte", s)
    s = re.sub(r"\b(st|ste)\b", lambda m: "saint" if m.group(1) == "st" else "sainte", s)
    s = re.sub(r"\bcedex\b.*$", "", s).strip()
    return s


def _keys(customers: pd.DataFrame, default_country: str) -> dict[str, np.ndarray]:
    """Normalised matching keys, "" where unknown."""
    n = len(customers)
    empty = np.full(n, "", dtype=object)

    def col(c):
        return customers[c] if c in customers.columns else pd.Series([None] * n, dtype="object")

    names = col("name").astype("object")
    uniq = pd.unique(names)
    cache = {v: normalise_name(v) for v in uniq}
    name = names.map(cache).to_numpy(dtype=object)

    pc = _text(col("postal_code")).fillna("").map(lambda v: re.sub(r"\s", "", v).upper())
    countries = _country_codes(customers, default_country)
    pad = pc.str.fullmatch(r"\d{4}") & countries.isin(["FR", "MC"])
    pc = pc.where(~pad, "0" + pc)
    city_raw = col("city").astype("object")
    city_cache = {v: _norm_city(v) for v in pd.unique(city_raw)}
    city = city_raw.map(city_cache).to_numpy(dtype=object)

    siret = siren = email = phone = empty
    if "siret" in customers.columns:
        st = _siret_status(customers["siret"])
        digits = _digits_only(customers["siret"]).to_numpy(dtype=object)
        siret = np.where(st == "siret", digits, "").astype(object)
        siren = np.where(st.isin(["siret", "siren"]),
                         pd.Series(digits, dtype="object").str[:9], "").astype(object)
    if "email" in customers.columns:
        e = customers["email"].astype("str").str.strip().str.lower()
        email = np.where(_email_ok(customers["email"]), e, "").astype(object)
    if "phone" in customers.columns:
        k = _phone_key(customers["phone"])
        ok = k.str.fullmatch(r"\+?\d{6,15}").fillna(False) & ~k.str.fullmatch(
            r"\+?0*(\d)\1*").fillna(False)
        phone = np.where(ok, k.str[-9:], "").astype(object)
    return {"name": name, "postal_code": pc.to_numpy(dtype=object), "city": city,
            "siret": siret, "siren": siren, "email": email, "phone": phone}


def _name_similarity(a: str, b: str, *, score_cutoff=None, processor=None) -> float:
    """Name similarity in 0..100: the better of rapidfuzz ratio and token_sort_ratio."""
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def _groups(keys: np.ndarray, idx: np.ndarray) -> list[np.ndarray]:
    """Row numbers ``idx`` grouped by ``keys`` (aligned with idx), groups of two or more."""
    codes, _ = pd.factorize(keys)
    order = np.argsort(codes, kind="stable")
    counts = np.bincount(codes)
    bounds = np.concatenate([[0], np.cumsum(counts)])
    return [idx[order[bounds[g]:bounds[g + 1]]] for g in np.flatnonzero(counts >= 2)]


def _block_pairs(keys: np.ndarray, names: np.ndarray, cutoff: float, chunk: int,
                 workers: int, queries: np.ndarray | None = None,
                 rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs inside each block whose name similarity reaches ``cutoff`` (0-100).

    ``keys[k]`` is the block of row ``rows[k]`` (default: row k; a row may sit in several
    blocks). Every member is compared with every other (i < j); with a ``queries``
    mask, only the query rows are compared with their whole block.
    """
    rows = np.arange(len(keys)) if rows is None else rows
    valid = (keys != "") & (names[rows] != "")
    keys, rows = keys[valid], rows[valid]
    empty = np.zeros(0, np.int64), np.zeros(0, np.int64)
    if len(rows) < 2:
        return empty
    out_i, out_j = [], []
    for members in _groups(keys, rows):
        if queries is not None:
            qpos = np.flatnonzero(queries[members])
            if len(qpos) == 0:
                continue
        else:
            qpos = np.arange(len(members))
        sub = names[members].tolist()
        for start in range(0, len(qpos), chunk):
            qrows = qpos[start:start + chunk]
            q = [sub[r] for r in qrows]
            a = process.cdist(q, sub, scorer=fuzz.ratio, dtype=np.uint8,
                              score_cutoff=cutoff, workers=workers)
            b = process.cdist(q, sub, scorer=fuzz.token_sort_ratio, dtype=np.uint8,
                              score_cutoff=cutoff, workers=workers)
            r, c = np.nonzero(np.maximum(a, b))
            r = qrows[r]
            keep = c > r if queries is None else members[c] != members[r]
            out_i.append(members[r[keep]])
            out_j.append(members[c[keep]])
    if not out_i:
        return empty
    return np.concatenate(out_i), np.concatenate(out_j)


def _equal_key_pairs(keys: np.ndarray, max_group: int) -> tuple[np.ndarray, np.ndarray]:
    """All pairs (i < j) sharing a non-empty key, in groups of at most ``max_group``."""
    idx = np.flatnonzero(keys != "")
    if len(idx) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    out_i, out_j = [], []
    for members in _groups(keys[idx], idx):
        if len(members) <= max_group:
            a, b = np.triu_indices(len(members), k=1)
            out_i.append(members[a])
            out_j.append(members[b])
    if not out_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


def find_duplicates(customers: pd.DataFrame, *, min_score: float = 0.85,
                    default_country: str = "FR", id_boost: float = 0.7,
                    conflict_penalty: float = 0.75, max_group: int = 50,
                    chunk: int = 2000, workers: int = 1) -> pd.DataFrame:
    """Candidate duplicate customers, scored in [0, 1] with the reason they matched.

    Names are compared after :func:`normalise_name` (case, accents, punctuation, legal
    forms). Blocking keeps the work near-linear: names are compared (rapidfuzz
    ``process.cdist``) only inside blocks of the same postal code and of the same city;
    a customer with neither is compared with the names having a word that starts with
    the same three letters as one of its words; pairs sharing a SIRET, an
    e-mail or a phone number are added whatever their names (groups larger than
    ``max_group`` are ignored as placeholders, e.g. a switchboard number).

    Score of a pair::

        s = name similarity (max of rapidfuzz ratio and token_sort_ratio) / 100
        s = 1 - (1 - s) * (1 - id_boost) ** k     k = number of equal SIRET, e-mail, phone
        s = s * conflict_penalty                  if both locations are known and neither
                                                  postal code nor city agrees
        s = s * conflict_penalty                  if both SIRENs are known and differ

    Parameters
    ----------
    customers : DataFrame
        Needs ``customer_id`` and ``name``; uses ``postal_code``, ``city``, ``country``,
        ``siret``, ``email`` and ``phone`` when present.
    min_score : float
        Pairs scoring below are dropped (0 < min_score <= 1).
    default_country : str
        ISO code assumed when ``country`` is empty (postal codes of 4 digits are read as
        French codes that lost their leading zero).
    id_boost, conflict_penalty : float
        The weights of the formula above, in [0, 1].
    max_group : int
        Largest group of equal identifiers turned into pairs.
    chunk, workers : int
        Rows per cdist call inside a large block (memory) and rapidfuzz threads.

    Returns
    -------
    DataFrame
        id_a, id_b (id_a on the earlier row), name_a, name_b, score, name_score, reason
        (English, e.g. "name 96 %, same postal code, same e-mail"), and the flags
        same_postal_code, same_city, same_siret, same_siren, same_email, same_phone,
        location_conflict. Sorted by score, best first. Rows sharing one customer_id
        are not paired (the quality report flags repeated identifiers).

    Raises
    ------
    ValueError
        If a needed column is missing or a parameter is out of range.

    Example
    -------
    >>> cu = pd.DataFrame({"customer_id": ["1", "2", "3"],
    ...                    "name": ["Garage Dupont", "Garage Dupond", "Pharmacie Roux"],
    ...                    "city": ["Nice", "NICE", "Nice"]})
    >>> find_duplicates(cu)[["id_a", "id_b", "score", "reason"]].values.tolist()
    [['1', '2', 0.923, 'name 92 %, same city']]
    """
    if customers is None or not isinstance(customers, pd.DataFrame):
        raise ValueError("the portfolio has no customers table to search for duplicates")
    lacking = [c for c in ("customer_id", "name") if c not in customers.columns]
    if lacking:
        raise ValueError("the customers table lacks the column(s) " + ", ".join(
            f"'{c}'" for c in lacking) + "; map them on the Data page")
    if not 0 < min_score <= 1:
        raise ValueError(f"the minimum score must lie in (0, 1], not {min_score}")
    if not (0 <= id_boost <= 1 and 0 <= conflict_penalty <= 1):
        raise ValueError("id_boost and conflict_penalty must lie in [0, 1]")
    cols = ["id_a", "id_b", "name_a", "name_b", "score", "name_score", "reason",
            "same_postal_code", "same_city", "same_siret", "same_siren", "same_email",
            "same_phone", "location_conflict"]
    n = len(customers)
    if n < 2:
        return pd.DataFrame(columns=cols)
    k = _keys(customers, default_country)
    names = k["name"]
    cutoff = max(math.floor(min_score * 100) - 1, 0)
    # customers without postal code or city are compared with every name that has a
    # word starting with the same three letters as one of theirs
    no_place = (k["postal_code"] == "") & (k["city"] == "")
    tok_rows, tok_keys = [], []
    for r, s in enumerate(names):
        for pre in {w[:3] for w in s.split()}:
            tok_rows.append(r)
            tok_keys.append(pre)
    parts = [
        _block_pairs(k["postal_code"], names, cutoff, chunk, workers),
        _block_pairs(k["city"], names, cutoff, chunk, workers),
        _block_pairs(np.array(tok_keys, dtype=object), names, cutoff, chunk, workers,
                     queries=no_place, rows=np.array(tok_rows, dtype=np.int64)),
        _equal_key_pairs(k["siret"], max_group),
        _equal_key_pairs(k["email"], max_group),
        _equal_key_pairs(k["phone"], max_group),
    ]
    i = np.concatenate([p[0] for p in parts]).astype(np.int64)
    j = np.concatenate([p[1] for p in parts]).astype(np.int64)
    if len(i) == 0:
        return pd.DataFrame(columns=cols)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    code = np.unique(lo * n + hi)
    i, j = code // n, code % n
    ids = _text(customers["customer_id"]).to_numpy(dtype=object)
    keep = ids[i] != ids[j]
    i, j = i[keep], j[keep]

    name_score = np.array([_name_similarity(a, b) / 100.0 if a and b else 0.0
                           for a, b in zip(names[i], names[j])])

    def same(key):
        a, b = k[key][i], k[key][j]
        return (a != "") & (a == b)

    same_pc = same("postal_code")
    ca, cb = k["city"][i], k["city"][j]
    same_city = np.array([bool(x) and bool(y) and (x == y or fuzz.ratio(x, y) >= 90)
                          for x, y in zip(ca, cb)], dtype=bool)
    loc_known = (((k["postal_code"][i] != "") & (k["postal_code"][j] != ""))
                 | ((ca != "") & (cb != "")))
    loc_conflict = loc_known & ~same_pc & ~same_city
    same_siret, same_email, same_phone = same("siret"), same("email"), same("phone")
    same_siren = same("siren")
    siren_conflict = (k["siren"][i] != "") & (k["siren"][j] != "") & ~same_siren
    n_ids = same_siret.astype(int) + same_email + same_phone
    score = 1 - (1 - name_score) * (1 - id_boost) ** n_ids
    score = score * np.where(loc_conflict, conflict_penalty, 1.0)
    score = score * np.where(siren_conflict, conflict_penalty, 1.0)
    score = np.clip(np.round(score, 3), 0, 1)

    out = pd.DataFrame({
        "id_a": ids[i], "id_b": ids[j],
        "name_a": customers["name"].to_numpy(dtype=object)[i],
        "name_b": customers["name"].to_numpy(dtype=object)[j],
        "score": score, "name_score": np.round(name_score, 3),
        "same_postal_code": same_pc, "same_city": same_city, "same_siret": same_siret,
        "same_siren": same_siren & ~same_siret, "same_email": same_email,
        "same_phone": same_phone, "location_conflict": loc_conflict,
        "_i": i,
    })
    out = out[out["score"] >= min_score]
    out["reason"] = [_reason(r) for r in out.itertuples(index=False)]
    out = out.sort_values(["score", "_i"], ascending=[False, True], kind="stable")
    out = out[cols].reset_index(drop=True)
    for c in ("id_a", "id_b", "name_a", "name_b", "reason"):
        out[c] = out[c].astype("str")
    return out


def _reason(r) -> str:
    parts = [f"name {round(r.name_score * 100):d} %"]
    for flag, text in (("same_postal_code", "same postal code"), ("same_city", "same city"),
                       ("same_siret", "same SIRET"),
                       ("same_siren", "same SIREN (other establishment)"),
                       ("same_email", "same e-mail"), ("same_phone", "same phone"),
                       ("location_conflict", "different places")):
        if getattr(r, flag):
            parts.append(text)
    return ", ".join(parts)


def pair_metrics(found: pd.DataFrame, truth) -> dict:
    """Precision, recall and F1 of found pairs against true pairs (order ignored).

    precision = true pairs found / pairs found, recall = true pairs found / true pairs.

    >>> found = pd.DataFrame({"id_a": ["1", "3"], "id_b": ["2", "4"]})
    >>> pair_metrics(found, [("2", "1"), ("5", "6")])
    {'found': 2, 'true': 2, 'correct': 1, 'precision': 0.5, 'recall': 0.5, 'f1': 0.5}
    """
    f = {frozenset((str(a), str(b))) for a, b in zip(found["id_a"], found["id_b"])}
    t = {frozenset((str(a), str(b))) for a, b in truth}
    correct = len(f & t)
    precision = correct / len(f) if f else 1.0
    recall = correct / len(t) if t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"found": len(f), "true": len(t), "correct": correct, "precision": precision,
            "recall": recall, "f1": f1}


# ---------------------------------------------------------------------------------------
# Synthetic customers with planted duplicates (tests, benchmarks, demonstrations)
# ---------------------------------------------------------------------------------------

_ACTIVITIES = (
    "Boulangerie", "Garage", "Transports", "Menuiserie", "Plomberie", "Pharmacie",
    "Cabinet", "Atelier", "Imprimerie", "Restaurant", "Hôtel", "Électricité", "Pâtisserie",
    "Librairie", "Fromagerie", "Boucherie", "Quincaillerie", "Agence", "Coiffure",
    "Informatique", "Bâtiment", "Maçonnerie", "Paysages", "Optique", "Fleurs", "Vins",
    "Chauffage", "Carrosserie", "Traiteur", "Peinture", "Froid", "Sécurité", "Conseil",
    "Nettoyage", "Toiture",
)
_SURNAMES = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
    "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
    "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Garnier", "Faure", "Rousseau",
    "Blanc", "Guérin", "Muller", "Henry", "Perrin", "Morin", "Mathieu", "Clément",
    "Gauthier", "Dumont", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Noël",
)
_SYLLABLES = (
    "ka", "lo", "vi", "mar", "tel", "no", "ra", "zen", "bri", "co", "du", "fa", "gor", "li",
    "mi", "nor", "pa", "qua", "ro", "sa", "ti", "ver", "xa", "yo", "bel", "cor", "dal",
    "fer", "gal", "hor", "jo", "ker", "lan", "mon", "pol", "ris", "sol", "tor", "val",
    "ber", "cha", "dor", "gri", "lu", "ma", "ne", "pi", "sta", "tri", "vo",
)
_FORMS = ("SARL", "SAS", "EURL", "SA", "S.A.R.L.", "SASU", "")
_DOMAINS = ("orange.fr", "gmail.com", "wanadoo.fr", "free.fr", "outlook.fr", "laposte.net")


def _luhn_complete(prefixes: np.ndarray) -> np.ndarray:
    """Each digit string with the check digit that makes it pass the Luhn key."""
    out = np.empty(len(prefixes), dtype=object)
    todo = np.ones(len(prefixes), dtype=bool)
    for d in "0123456789":
        cand = np.char.add(prefixes, d)
        ok = todo & _luhn_array(cand.astype(str)) if len(cand) else todo
        out[ok] = cand[ok]
        todo &= ~ok
    return out.astype(str)


def synthetic_customers(n: int, random_state: int = 0) -> pd.DataFrame:
    """A generated customers table of ``n`` distinct French companies (no duplicates).

    Names combine an activity, an invented brand and sometimes a surname and a legal
    form; postal codes and cities come from ``sample_data/communes.csv`` when present.
    About 60 % have a SIRET, 70 % an e-mail, 70 % a phone. Identifiers are C000001...

    >>> synthetic_customers(3)["customer_id"].tolist()
    ['C000001', 'C000002', 'C000003']
    """
    if n < 0:
        raise ValueError("the number of customers cannot be negative")
    rng = np.random.default_rng(random_state)
    communes = Path(__file__).resolve().parents[1] / "sample_data" / "communes.csv"
    if communes.exists():
        places = pd.read_csv(communes, dtype=str)[["postal_code", "city"]].to_numpy()
    else:  # pragma: no cover - the file ships with the repository
        places = np.array([[f"{d:02d}{c:03d}", f"Ville {d}-{c}"]
                           for d in range(1, 96) for c in (0, 100, 200)])
    place = places[rng.integers(0, len(places), n)]
    names: list[str] = []
    seen: set[str] = set()
    by_place: dict[str, list[str]] = {}
    while len(names) < n:
        m = 2 * (n - len(names)) + 16
        syl = rng.integers(0, len(_SYLLABLES), (m, 3))
        n_syl = rng.integers(2, 4, m)
        act = rng.integers(0, len(_ACTIVITIES), m)
        sur = rng.integers(0, len(_SURNAMES), m)
        pattern = rng.integers(0, 4, m)
        form = rng.integers(0, len(_FORMS), m)
        for q in range(m):
            if len(names) == n:
                break
            brand = "".join(_SYLLABLES[x] for x in syl[q, :n_syl[q]]).capitalize()
            a_, s_ = _ACTIVITIES[act[q]], _SURNAMES[sur[q]]
            base = (f"{a_} {brand}", f"{brand} {a_}", f"{a_} {s_} {brand}",
                    f"{brand} {s_}")[pattern[q]]
            key = normalise_name(base)
            spots = [by_place.setdefault(str(v), []) for v in place[len(names)]]
            # distinct companies: no near-identical name in the same postal code or city
            if key in seen or any(
                    here and process.extractOne(key, here, scorer=scorer, score_cutoff=75)
                    for here in spots for scorer in (fuzz.ratio, fuzz.token_sort_ratio)):
                continue
            seen.add(key)
            for here in spots:
                here.append(key)
            names.append(f"{base} {_FORMS[form[q]]}".strip())
    has_siret = rng.random(n) < 0.6
    has_email = rng.random(n) < 0.7
    has_phone = rng.random(n) < 0.7
    ids = [f"C{i + 1:06d}" for i in range(n)]
    phones = np.char.add(np.char.add("0", rng.integers(1, 8, n).astype("U1")),
                         np.char.zfill(rng.integers(0, 10**8, n).astype("U8"), 8))
    emails = [f"contact{i}@{_DOMAINS[i % len(_DOMAINS)]}" for i in range(n)]
    siren = _luhn_complete(np.char.zfill(rng.integers(0, 10**8, n).astype("U8"), 8))
    sirets = _luhn_complete(np.char.add(siren, np.char.zfill(
        rng.integers(0, 10**4, n).astype("U4"), 4)))
    frame = pd.DataFrame({
        "customer_id": ids, "name": names,
        "postal_code": place[:, 0], "city": place[:, 1], "country": "FR",
        "siret": np.where(has_siret, sirets, None),
        "email": np.where(has_email, emails, None),
        "phone": np.where(has_phone, [f"{p[:2]} {p[2:4]} {p[4:6]} {p[6:8]} {p[8:]}"
                                      for p in phones], None),
    })
    for c in frame.columns:
        frame[c] = frame[c].astype("str")
    return frame


def _typo(word: str, rng: np.random.Generator) -> str:
    if len(word) < 4:
        return word
    p = int(rng.integers(1, len(word) - 1))
    kind = rng.integers(0, 4)
    letters = "abcdefghilmnoprstu"
    if kind == 0:  # deletion
        return word[:p] + word[p + 1:]
    if kind == 1:  # substitution
        return word[:p] + str(rng.choice(list(letters))) + word[p + 1:]
    if kind == 2:  # transposition
        return word[:p - 1] + word[p] + word[p - 1] + word[p + 1:]
    return word[:p] + str(rng.choice(list(letters))) + word[p:]  # insertion


def _perturb_name(name: str, rng: np.random.Generator) -> str:
    words = name.split()
    forms = {f for f in _FORMS if f}
    core = [w for w in words if w not in forms]
    ops = rng.choice(["case", "accents", "form", "typo", "order", "ets"],
                     size=rng.integers(1, 3), replace=False)
    for op in ops:
        if op == "typo":
            longest = max(range(len(core)), key=lambda q: len(core[q]))
            core[longest] = _typo(core[longest], rng)
        elif op == "order" and len(core) > 1:
            core = core[1:] + core[:1]
        elif op == "ets":
            core = ["Ets", *core]
    out = " ".join(core)
    if "form" in ops:
        out = f"{out} {rng.choice(list(forms))}"
    elif any(w in forms for w in words):
        out = f"{out} {next(w for w in words if w in forms)}"
    if "accents" in ops:
        out = _strip_accents(out)
    if "case" in ops:
        out = out.upper() if rng.random() < 0.5 else out.lower()
    return out


def plant_duplicates(customers: pd.DataFrame, n: int, random_state: int = 0,
                     id_prefix: str = "D", keep_ids: float = 0.6
                     ) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Add ``n`` near-duplicates of random customers, as a clerk would have typed them.

    Each copy gets a new id and one or two of: case change, accents dropped, legal form
    added or changed, one typo in the longest word, word order changed, "Ets" prefix.
    Its postal code is kept (or dropped when a city is known, 20 %), its city accented
    differently; its SIRET, e-mail and phone are each kept with probability
    ``keep_ids`` (0 = the copy can only be recognised by its name and place).

    Returns
    -------
    (DataFrame, list of (original_id, copy_id))
        The table with the copies appended, and the true duplicate pairs.

    >>> cu = synthetic_customers(10)
    >>> table, truth = plant_duplicates(cu, 2)
    >>> len(table), len(truth), truth[0][1]
    (12, 2, 'D000001')
    """
    if n > len(customers):
        raise ValueError(f"cannot plant {n} duplicates in a table of {len(customers)} rows")
    rng = np.random.default_rng(random_state)
    src = rng.choice(len(customers), size=n, replace=False)
    copies = customers.iloc[src].copy().reset_index(drop=True)
    truth = []
    for q in range(n):
        orig = str(copies.at[q, "customer_id"])
        new = f"{id_prefix}{q + 1:06d}"
        copies.at[q, "customer_id"] = new
        copies.at[q, "name"] = _perturb_name(str(copies.at[q, "name"]), rng)
        if "city" in copies.columns and pd.notna(copies.at[q, "city"]):
            copies.at[q, "city"] = _strip_accents(str(copies.at[q, "city"])).upper()
            if "postal_code" in copies.columns and rng.random() < 0.2:
                copies.at[q, "postal_code"] = None
        for c in ("siret", "email", "phone"):
            if c in copies.columns and rng.random() >= keep_ids:
                copies.at[q, c] = None
        if "phone" in copies.columns and pd.notna(copies.at[q, "phone"]):
            p = re.sub(r"\D", "", str(copies.at[q, "phone"]))
            copies.at[q, "phone"] = "+33 " + p[1:] if rng.random() < 0.5 else p
        truth.append((orig, new))
    out = pd.concat([customers, copies], ignore_index=True)
    return out, truth


# ---------------------------------------------------------------------------------------
# Merge log, decisions and audit stored in Portfolio.meta["quality"]
# ---------------------------------------------------------------------------------------


def _jsonable(value):
    """A JSON-friendly scalar (None for missing, ISO text for dates)."""
    if value is None:
        return None
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        ts = pd.Timestamp(value)
        return None if pd.isna(ts) else ts.isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value)
    return str(value) if not isinstance(value, (int, str)) else value


def _quality_meta(portfolio: Portfolio) -> dict:
    meta = json.loads(json.dumps(portfolio.meta or {}, default=str))
    q = meta.setdefault("quality", {})
    for key in ("merges", "audit", "decisions"):
        q.setdefault(key, [])
    return meta


def _check_who_when(who, when) -> tuple[str, str]:
    who = (str(who).strip() if who is not None else "")
    if not who:
        raise ValueError("say who makes the change (a name or initials)")
    return who, to_timestamp_exact(when).isoformat()


def to_timestamp_exact(when) -> pd.Timestamp:
    """``when`` as a Timestamp (not normalised); ValueError with a sentence if invalid.

    >>> to_timestamp_exact("2025-03-01 14:05")
    Timestamp('2025-03-01 14:05:00')
    """
    try:
        ts = pd.Timestamp(when)
    except (TypeError, ValueError):
        raise ValueError(f"'{when}' is not a date and time") from None
    if pd.isna(ts):
        raise ValueError("a date and time is needed for the log")
    return ts


def _copy(portfolio: Portfolio, meta: dict) -> Portfolio:
    return Portfolio(
        transactions=portfolio.transactions.copy() if portfolio.transactions is not None
        else None,
        customers=portfolio.customers.copy() if portfolio.customers is not None else None,
        contacts=portfolio.contacts.copy() if portfolio.contacts is not None else None,
        receivables=portfolio.receivables.copy() if portfolio.receivables is not None
        else None,
        meta=meta)


_MOVED_TABLES = ("transactions", "contacts", "receivables")


def merge_customers(portfolio: Portfolio, keep_id: str, remove_id: str, *, who: str, when,
                    fill_missing: bool = True) -> Portfolio:
    """Merge customer ``remove_id`` into ``keep_id``; return the new portfolio.

    The sales lines, contacts and receivables of ``remove_id`` move to ``keep_id``; the
    ``remove_id`` record leaves the customers table; with ``fill_missing`` the kept
    record's empty fields take the removed record's values. The merge is appended to
    ``meta["quality"]["merges"]`` with who, when, both ids, the removed record, its
    position, the fields filled and the positions of the moved rows, so that
    :func:`undo_merge` restores the tables exactly.

    Raises
    ------
    ValueError
        If there is no customers table, an id is unknown or repeated, the two ids are
        equal, or ``who`` / ``when`` is empty.

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": ["A", "B"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-02"])})
    >>> cu = pd.DataFrame({"customer_id": ["A", "B"], "name": ["Martin", "MARTIN SARL"],
    ...                    "email": [None, "m@x.fr"]})
    >>> p = merge_customers(Portfolio(tx, cu), "A", "B", who="JD", when="2025-01-02 10:00")
    >>> p.transactions["customer_id"].tolist(), p.customers["email"].tolist()
    (['A', 'A'], ['m@x.fr'])
    >>> undo_merge(p, merge_log(p)["merge_id"][0], who="JD", when="2025-01-03"
    ...            ).customers["customer_id"].tolist()
    ['A', 'B']
    """
    who, when_s = _check_who_when(who, when)
    keep_id, remove_id = str(keep_id), str(remove_id)
    cu = portfolio.customers
    if cu is None or "customer_id" not in cu.columns:
        raise ValueError("the portfolio has no customers table: there is nothing to merge")
    if keep_id == remove_id:
        raise ValueError("choose two different customers to merge")
    ids = _text(cu["customer_id"])
    for cid in (keep_id, remove_id):
        count = int((ids == cid).sum())
        if count == 0:
            raise ValueError(f"customer '{cid}' is not in the customers table")
        if count > 1:
            raise ValueError(f"customer id '{cid}' is used on {count} rows; "
                             "give each row its own id first")
    meta = _quality_meta(portfolio)
    out = _copy(portfolio, meta)
    keep_pos = int(np.flatnonzero((ids == keep_id).to_numpy())[0])
    remove_pos = int(np.flatnonzero((ids == remove_id).to_numpy())[0])
    removed = {c: _jsonable(v) for c, v in cu.iloc[remove_pos].items()}
    filled = {}
    if fill_missing:
        for c in cu.columns:
            if c == "customer_id":
                continue
            kept_v, rem_v = cu.iloc[keep_pos][c], cu.iloc[remove_pos][c]
            if _is_missing(kept_v) and not _is_missing(rem_v):
                filled[c] = _jsonable(rem_v)
                out.customers.iloc[keep_pos, out.customers.columns.get_loc(c)] = rem_v
    moved = {}
    for kind in _MOVED_TABLES:
        frame = getattr(out, kind)
        if frame is None or "customer_id" not in frame.columns:
            continue
        sel = (_text(frame["customer_id"]) == remove_id).to_numpy()
        pos = np.flatnonzero(sel)
        moved[kind] = pos.tolist()
        if len(pos):
            col = frame["customer_id"].copy()
            col.iloc[pos] = keep_id
            frame["customer_id"] = col
    next_id = (str(ids.iloc[remove_pos + 1]) if remove_pos + 1 < len(ids) else None)
    out.customers = out.customers.drop(index=cu.index[remove_pos]).reset_index(drop=True)
    record = {
        "merge_id": uuid.uuid4().hex[:12], "when": when_s, "who": who,
        "kept": keep_id, "removed": remove_id, "removed_record": removed,
        "removed_position": remove_pos, "next_id": next_id, "filled": filled,
        "moved": moved, "undone_when": None, "undone_by": None,
    }
    meta["quality"]["merges"].append(record)
    return out


def _is_missing(v) -> bool:
    if v is None:
        return True
    try:
        missing = pd.isna(v)
    except (TypeError, ValueError):
        return False
    if isinstance(missing, (bool, np.bool_)) and missing:
        return True
    return isinstance(v, str) and not v.strip()


def undo_merge(portfolio: Portfolio, merge_id: str, *, who: str, when) -> Portfolio:
    """Undo merge ``merge_id``: the removed customer comes back with its rows.

    The removed record is re-inserted where it was, the fields the merge filled on the
    kept record are emptied again (if nobody changed them since), and the moved sales,
    contacts and receivables return to it. Undoing merges in reverse order gives back
    the tables exactly. The log entry is kept and marked undone (who, when).

    Raises
    ------
    ValueError
        If the merge is unknown or already undone, a later merge still depends on it
        (undo that one first), or the tables were replaced since (the moved rows are no
        longer where the merge left them).
    """
    who, when_s = _check_who_when(who, when)
    meta = _quality_meta(portfolio)
    merges = meta["quality"]["merges"]
    pos_rec = next((q for q, m in enumerate(merges) if m["merge_id"] == merge_id), None)
    if pos_rec is None:
        raise ValueError(f"no merge with id '{merge_id}' in this portfolio's log")
    rec = merges[pos_rec]
    if rec.get("undone_when"):
        raise ValueError(f"the merge of '{rec['removed']}' into '{rec['kept']}' was already "
                         f"undone on {rec['undone_when'][:16]}")
    for later in merges[pos_rec + 1:]:
        if later.get("undone_when"):
            continue
        if {later["kept"], later["removed"]} & {rec["kept"], rec["removed"]} and (
                later["removed"] == rec["kept"] or later["kept"] == rec["removed"]):
            raise ValueError(
                f"a later merge ('{later['removed']}' into '{later['kept']}', "
                f"{later['when'][:16]}) depends on this one: undo it first")
    out = _copy(portfolio, meta)
    cu = out.customers
    if cu is None:
        raise ValueError("the portfolio has no customers table any more: cannot undo")
    ids = _text(cu["customer_id"])
    if (ids == rec["removed"]).any():
        raise ValueError(f"customer '{rec['removed']}' is already back in the customers table")
    if not (ids == rec["kept"]).any():
        raise ValueError(f"customer '{rec['kept']}' is no longer in the customers table")
    for kind, pos in rec["moved"].items():
        frame = getattr(out, kind)
        if not pos:
            continue
        if frame is None or len(frame) <= max(pos) or not (
                _text(frame["customer_id"]).iloc[pos] == rec["kept"]).all():
            raise ValueError(f"the {kind} table changed since the merge (new import?): "
                             "the merge cannot be undone exactly")
    for kind, pos in rec["moved"].items():
        if pos:
            frame = getattr(out, kind)
            col = frame["customer_id"].copy()
            col.iloc[pos] = rec["removed"]
            frame["customer_id"] = col
    keep_pos = int(np.flatnonzero((ids == rec["kept"]).to_numpy())[0])
    for c, v in rec["filled"].items():
        if c in cu.columns and _jsonable(cu.iloc[keep_pos][c]) == v:
            cu.iloc[keep_pos, cu.columns.get_loc(c)] = None
    row = _restore_row(rec["removed_record"], cu)
    insert_at = min(int(rec["removed_position"]), len(cu))
    if rec.get("next_id") is not None and (ids == rec["next_id"]).any():
        insert_at = int(np.flatnonzero((ids == rec["next_id"]).to_numpy())[0])
    restored = pd.concat([cu.iloc[:insert_at], row, cu.iloc[insert_at:]], ignore_index=True)
    for c in cu.columns:
        restored[c] = restored[c].astype(cu[c].dtype)
    out.customers = restored
    rec["undone_when"], rec["undone_by"] = when_s, who
    return out


def _restore_row(record: dict, like: pd.DataFrame) -> pd.DataFrame:
    data = {}
    for c in like.columns:
        v = record.get(c)
        dtype = like[c].dtype
        if pd.api.types.is_datetime64_any_dtype(dtype):
            data[c] = pd.Series([pd.Timestamp(v) if v is not None else pd.NaT]).astype(dtype)
        elif pd.api.types.is_bool_dtype(dtype) or str(dtype) == "boolean":
            data[c] = pd.Series([v], dtype="boolean").astype(dtype)
        elif pd.api.types.is_float_dtype(dtype):
            data[c] = pd.Series([np.nan if v is None else float(v)], dtype=dtype)
        elif pd.api.types.is_integer_dtype(dtype) and v is not None:
            data[c] = pd.Series([v], dtype=dtype)
        else:
            data[c] = pd.Series([v], dtype="object").astype(dtype)
    return pd.DataFrame(data)


def merge_log(portfolio: Portfolio) -> pd.DataFrame:
    """The merges recorded in the portfolio, oldest first.

    Columns: merge_id, when, who, kept, removed, removed_name, moved_transactions,
    moved_contacts, moved_receivables, filled (columns), undone_when, undone_by.
    """
    merges = ((portfolio.meta or {}).get("quality") or {}).get("merges") or []
    cols = ["merge_id", "when", "who", "kept", "removed", "removed_name",
            "moved_transactions", "moved_contacts", "moved_receivables", "filled",
            "undone_when", "undone_by"]
    rows = [{
        "merge_id": m["merge_id"], "when": m["when"], "who": m["who"], "kept": m["kept"],
        "removed": m["removed"], "removed_name": (m.get("removed_record") or {}).get("name"),
        **{f"moved_{k}": len(m.get("moved", {}).get(k, [])) for k in _MOVED_TABLES},
        "filled": ", ".join(m.get("filled") or {}),
        "undone_when": m.get("undone_when"), "undone_by": m.get("undone_by"),
    } for m in merges]
    return pd.DataFrame(rows, columns=cols)


DECISIONS = ("confirmed", "rejected")


def record_decision(portfolio: Portfolio, id_a: str, id_b: str, decision: str, *,
                    who: str, when) -> Portfolio:
    """Record a reviewer's decision on a candidate pair ("confirmed" or "rejected").

    The latest decision on a pair wins. Returns a portfolio whose meta holds the new
    decision (tables untouched, not copied).

    >>> p = Portfolio(pd.DataFrame({"customer_id": [], "date": [], "amount": []}))
    >>> p = record_decision(p, "C2", "C1", "rejected", who="JD", when="2025-01-01")
    >>> pair_decisions(p)[["id_a", "id_b", "decision"]].values.tolist()
    [['C1', 'C2', 'rejected']]
    """
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not '{decision}'")
    who, when_s = _check_who_when(who, when)
    a, b = sorted((str(id_a), str(id_b)))
    meta = _quality_meta(portfolio)
    meta["quality"]["decisions"].append(
        {"id_a": a, "id_b": b, "decision": decision, "who": who, "when": when_s})
    return Portfolio(transactions=portfolio.transactions, customers=portfolio.customers,
                     contacts=portfolio.contacts, receivables=portfolio.receivables,
                     meta=meta)


def pair_decisions(portfolio: Portfolio) -> pd.DataFrame:
    """Latest decision per pair: id_a, id_b (sorted), decision, who, when."""
    rows = ((portfolio.meta or {}).get("quality") or {}).get("decisions") or []
    cols = ["id_a", "id_b", "decision", "who", "when"]
    frame = pd.DataFrame(rows, columns=cols)
    if frame.empty:
        return frame
    return frame.drop_duplicates(["id_a", "id_b"], keep="last").reset_index(drop=True)


def annotate_decisions(pairs: pd.DataFrame, decisions: pd.DataFrame) -> pd.DataFrame:
    """``pairs`` with a ``decision`` column ("" when the pair was not reviewed yet).

    >>> pairs = pd.DataFrame({"id_a": ["C2", "C3"], "id_b": ["C1", "C4"], "score": [1.0, .9]})
    >>> dec = pd.DataFrame({"id_a": ["C1"], "id_b": ["C2"], "decision": ["rejected"]})
    >>> annotate_decisions(pairs, dec)["decision"].tolist()
    ['rejected', '']
    """
    out = pairs.copy()
    lookup = {(a, b): d for a, b, d in zip(decisions.get("id_a", []), decisions.get("id_b", []),
                                           decisions.get("decision", []))}
    out["decision"] = [lookup.get(tuple(sorted((str(a), str(b)))), "")
                       for a, b in zip(out["id_a"], out["id_b"])]
    out["decision"] = out["decision"].astype("str")
    return out


# ---------------------------------------------------------------------------------------
# Qualification edits with an audit trail
# ---------------------------------------------------------------------------------------


def qualification_changes(customers: pd.DataFrame, edited: pd.DataFrame, *,
                          statuses=STATUSES) -> pd.DataFrame:
    """The validated changes between ``customers`` and an edited copy.

    ``edited`` holds ``customer_id`` and any of ``QUALIFICATION_COLUMNS`` (status,
    potential, credit_limit, sales_rep, sector). Text is trimmed (blank = empty);
    potential and credit limit must be numbers >= 0; status must be one of ``statuses``
    (case is forgiven). Only changed cells are judged: a value imported as is and left
    alone is not refused.

    Returns
    -------
    DataFrame
        customer_id, column, old, new (one row per changed cell; old/new None = empty).

    Raises
    ------
    ValueError
        Listing every invalid cell ("C012: credit_limit -500 is negative"), unknown ids
        and columns that cannot be edited.

    Example
    -------
    >>> cu = pd.DataFrame({"customer_id": ["C1", "C2"], "status": ["customer", "lost"],
    ...                    "potential": [1000.0, None]})
    >>> ed = pd.DataFrame({"customer_id": ["C1", "C2"], "status": ["customer", "hot prospect"],
    ...                    "potential": [1000.0, 500.0]})
    >>> qualification_changes(cu, ed).values.tolist()
    [['C2', 'status', 'lost', 'hot prospect'], ['C2', 'potential', None, 500.0]]
    """
    if customers is None or "customer_id" not in customers.columns:
        raise ValueError("the portfolio has no customers table to qualify")
    if "customer_id" not in edited.columns:
        raise ValueError("the edited table needs its 'customer_id' column")
    bad_cols = [c for c in edited.columns if c != "customer_id" and c not in
                QUALIFICATION_COLUMNS]
    if bad_cols:
        raise ValueError("only these columns can be edited here: "
                         + ", ".join(QUALIFICATION_COLUMNS) + f" (not {', '.join(bad_cols)})")
    ids = _text(customers["customer_id"])
    if ids.duplicated().any():
        dup = ids[ids.duplicated()].iloc[0]
        raise ValueError(f"customer id '{dup}' is used on several rows; fix it first")
    pos_of = {cid: q for q, cid in enumerate(ids)}
    known_status = {_norm_label(s): s for s in statuses}
    errors, changes = [], []
    for _, row in edited.iterrows():
        cid = None if _is_missing(row["customer_id"]) else str(row["customer_id"]).strip()
        if cid not in pos_of:
            errors.append(f"customer '{cid}' is not in the customers table")
            continue
        for c in edited.columns:
            if c == "customer_id":
                continue
            old = customers[c].iloc[pos_of[cid]] if c in customers.columns else None
            old = None if _is_missing(old) else _jsonable(old)
            new = row[c]
            if c in _NUMERIC_QUALIFICATION:
                old = None if old is None else float(old)
                if _is_missing(new):
                    new = None
                else:
                    try:
                        new = float(str(new).replace(",", ".").replace(" ", "")
                                    .replace("\u202f", "").replace("\xa0", ""))
                    except ValueError:
                        errors.append(f"{cid}: {c} '{row[c]}' is not a number")
                        continue
                    if new == old:
                        continue
                    if math.isnan(new) or math.isinf(new):
                        errors.append(f"{cid}: {c} '{row[c]}' is not a number")
                        continue
                    if new < 0:
                        errors.append(f"{cid}: {c} {new:g} is negative")
                        continue
            else:
                new = None if _is_missing(new) else str(new).strip()
                if new == old:
                    continue  # unchanged values are not judged (imports keep any text)
                if c == "status" and new is not None:
                    canon = known_status.get(_norm_label(new))
                    if canon is None:
                        errors.append(f"{cid}: status '{new}' is not one of "
                                      + ", ".join(statuses))
                        continue
                    new = canon
            if old != new:
                changes.append({"customer_id": cid, "column": c, "old": old, "new": new})
    if errors:
        shown = "; ".join(errors[:10])
        more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
        raise ValueError(f"nothing was saved, {len(errors)} value(s) to fix: {shown}{more}")
    return pd.DataFrame(changes, columns=["customer_id", "column", "old", "new"], dtype=object)


def apply_qualification(portfolio: Portfolio, edited: pd.DataFrame, *, who: str, when,
                        statuses=STATUSES) -> tuple[Portfolio, pd.DataFrame]:
    """Apply validated qualification edits and log one audit row per changed cell.

    Returns the new portfolio and the changes (customer_id, column, old, new). The audit
    rows (when, who, customer_id, column, old, new) go to ``meta["quality"]["audit"]``.

    Raises
    ------
    ValueError
        As :func:`qualification_changes`, or if ``who`` / ``when`` is empty.

    Example
    -------
    >>> tx = pd.DataFrame({"customer_id": ["C1"], "date": pd.to_datetime(["2024-01-01"]),
    ...                    "amount": [10.0]})
    >>> cu = pd.DataFrame({"customer_id": ["C1"], "credit_limit": [1000.0]})
    >>> p, ch = apply_qualification(Portfolio(tx, cu),
    ...     pd.DataFrame({"customer_id": ["C1"], "credit_limit": [2000]}),
    ...     who="JD", when="2025-01-01 09:00")
    >>> p.customers["credit_limit"].tolist(), audit_log(p)[["who", "old", "new"]].values.tolist()
    ([2000.0], [['JD', 1000.0, 2000.0]])
    """
    who, when_s = _check_who_when(who, when)
    changes = qualification_changes(portfolio.customers, edited, statuses=statuses)
    meta = _quality_meta(portfolio)
    out = _copy(portfolio, meta)
    cu = out.customers
    ids = _text(cu["customer_id"])
    pos_of = {cid: q for q, cid in enumerate(ids)}
    for c in QUALIFICATION_COLUMNS:
        sub = changes[changes["column"] == c]
        if sub.empty:
            continue
        if c not in cu.columns:
            cu[c] = pd.Series(np.nan, index=cu.index, dtype="float64"
                              if c in _NUMERIC_QUALIFICATION else "str")
        col = cu[c].copy()
        for cid, new in zip(sub["customer_id"], sub["new"]):
            col.iloc[pos_of[cid]] = np.nan if new is None else new
        cu[c] = col
    for ch in changes.itertuples(index=False):
        meta["quality"]["audit"].append({
            "when": when_s, "who": who, "customer_id": ch.customer_id, "column": ch.column,
            "old": ch.old, "new": ch.new})
    return out, changes


def audit_log(portfolio: Portfolio) -> pd.DataFrame:
    """Qualification changes recorded in the portfolio, oldest first.

    Columns: when, who, customer_id, column, old, new.
    """
    rows = ((portfolio.meta or {}).get("quality") or {}).get("audit") or []
    return pd.DataFrame(rows, columns=["when", "who", "customer_id", "column", "old", "new"])


# ---------------------------------------------------------------------------------------
# The same operations on a saved portfolio
# ---------------------------------------------------------------------------------------


def save_merge(store, name: str, keep_id: str, remove_id: str, *, who: str, when,
               fill_missing: bool = True) -> str:
    """Merge two customers of saved portfolio ``name`` and save it; return the merge id."""
    merged = merge_customers(store.load(name), keep_id, remove_id, who=who, when=when,
                             fill_missing=fill_missing)
    store.save(name, merged, overwrite=True)
    return merged.meta["quality"]["merges"][-1]["merge_id"]


def save_undo_merge(store, name: str, merge_id: str, *, who: str, when) -> None:
    """Undo a merge of saved portfolio ``name`` and save it."""
    store.save(name, undo_merge(store.load(name), merge_id, who=who, when=when),
               overwrite=True)


def save_decision(store, name: str, id_a: str, id_b: str, decision: str, *, who: str,
                  when) -> None:
    """Record a confirm / reject decision on a pair of saved portfolio ``name``."""
    store.save(name, record_decision(store.load(name), id_a, id_b, decision, who=who,
                                     when=when), overwrite=True)


def save_qualification(store, name: str, edited: pd.DataFrame, *, who: str, when,
                       statuses=STATUSES) -> pd.DataFrame:
    """Apply qualification edits to saved portfolio ``name``; return the changes.

    Nothing is written when there is no change or when a value is invalid.
    """
    portfolio = store.load(name)
    updated, changes = apply_qualification(portfolio, edited, who=who, when=when,
                                           statuses=statuses)
    if len(changes):
        store.save(name, updated, overwrite=True)
    return changes
