"""Numbers, money, percentages and dates formatted for the interface language.

French: ``1 234,56 €`` (narrow no-break space between thousands, no-break space before
the euro sign, decimal comma), ``12,3 %``, ``31/10/2026``. English: ``€1,234.56``,
``12.3%``, ``2026-10-31``. Missing values (None, NaN, NaT) print as an en dash.

Every function takes ``lang`` ("fr" or "en"); anything else is treated as English.

>>> fmt_money(1234.56, "fr", decimals=2)
'1\u202f234,56\xa0€'
>>> fmt_money(1234.56, "en", decimals=2)
'€1,234.56'
>>> fmt_pct(0.1234, "fr")
'12,3\xa0%'
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd

NNBSP = "\u202f"  # narrow no-break space: French thousands separator
NBSP = "\xa0"  # no-break space: before "€" and "%" in French
WJ = "\u2060"  # word joiner: no line break between "-" and "€" in English
MISSING = "–"

_MONTHS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
           "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec"),
}


def month_names(lang: str) -> tuple[str, ...]:
    """Abbreviated month names, January first."""
    return _MONTHS["fr" if lang == "fr" else "en"]


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _group(x: float, decimals: int, lang: str) -> str:
    """Absolute value with grouped thousands and the language's decimal mark."""
    s = f"{abs(x):,.{decimals}f}"
    if lang == "fr":
        s = s.replace(",", NNBSP).replace(".", ",")
    return s


def fmt_number(x, lang: str, decimals: int = 0) -> str:
    """A number with thousands grouped: ``12 345`` (fr) / ``12,345`` (en).

    >>> fmt_number(-12345.678, "fr", 1)
    '-12\u202f345,7'
    >>> fmt_number(float("nan"), "en")
    '–'
    """
    if _missing(x):
        return MISSING
    x = float(x)
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    s = _group(x, decimals, lang)
    return ("-" + s) if x < 0 and s.strip("0,.\u202f") else s


def fmt_money(x, lang: str, decimals: int = 0, compact: bool = False) -> str:
    """Euros: ``1 234 €`` (fr) / ``€1,234`` (en).

    ``compact=True`` shortens large amounts: ``1,23 M€`` / ``€1.23M``, ``456 k€`` /
    ``€456k`` (amounts under 10 000 are printed in full).

    >>> fmt_money(-1500, "en")
    '-\u2060€1,500'
    >>> fmt_money(1_234_567, "fr", compact=True)
    '1,23\xa0M€'
    >>> fmt_money(45_600, "en", compact=True)
    '€45.6k'
    """
    if _missing(x):
        return MISSING
    x = float(x)
    sign = "-" if x < 0 and round(abs(x), decimals) > 0 else ""
    unit = ""
    value = abs(x)
    if compact and value >= 10_000:
        if value >= 1e9:
            value, unit = value / 1e9, ("Md" if lang == "fr" else "bn")
        elif value >= 1e6:
            value, unit = value / 1e6, "M"
        else:
            value, unit = value / 1e3, "k"
        decimals = 2 if value < 10 else 1 if value < 100 else 0
    body = _group(value, decimals, lang)
    if compact and unit:
        if decimals > 0:
            body = body.rstrip("0").rstrip(",.")
    if lang == "fr":
        return f"{sign}{body}{NBSP}{unit}€"
    # a word joiner keeps "-€1,234" on one line (browsers may break after a hyphen)
    return f"{sign}{WJ if sign else ''}€{body}{unit}"


def fmt_pct(x, lang: str, decimals: int = 1, signed: bool = False) -> str:
    """A ratio as a percentage: 0.123 -> ``12,3 %`` (fr) / ``12.3%`` (en).

    >>> fmt_pct(0.05, "en", 0, signed=True)
    '+5%'
    """
    if _missing(x):
        return MISSING
    x = float(x) * 100
    s = fmt_number(x, lang, decimals)
    if signed and x > 0 and s != fmt_number(0, lang, decimals):
        s = "+" + s
    return f"{s}{NBSP}%" if lang == "fr" else f"{s}%"


def fmt_date(d, lang: str, style: str = "day") -> str:
    """A date: ``style="day"`` 31/10/2026 (fr) / 2026-10-31 (en); ``"month"`` 10/2026 /
    2026-10; ``"month_name"`` oct. 2026 / Oct 2026.

    >>> fmt_date("2026-10-31", "fr"), fmt_date("2026-10-31", "en", "month_name")
    ('31/10/2026', 'Oct 2026')
    """
    if _missing(d):
        return MISSING
    ts = pd.Timestamp(d) if not isinstance(d, (date, datetime)) else pd.Timestamp(d)
    if style == "month":
        return ts.strftime("%m/%Y") if lang == "fr" else ts.strftime("%Y-%m")
    if style == "month_name":
        return f"{month_names(lang)[ts.month - 1]} {ts.year}"
    return ts.strftime("%d/%m/%Y") if lang == "fr" else ts.strftime("%Y-%m-%d")


def relative_change(current, previous) -> float | None:
    """(current - previous) / |previous|, or None when previous is 0 or missing.

    >>> relative_change(110, 100)
    0.1
    """
    if _missing(current) or _missing(previous) or float(previous) == 0:
        return None
    return (float(current) - float(previous)) / abs(float(previous))


def fmt_delta(current, previous, lang: str, kind: str = "relative", decimals: int = 1):
    """Change from ``previous`` to ``current`` for ``st.metric(delta=...)``.

    ``kind="relative"``: ``+12,3 %``; ``kind="points"`` (for rates given as ratios):
    ``+1,5 pt``; ``kind="absolute"``: ``+42``. The sign is an ASCII ``+``/``-`` so that
    ``st.metric`` colours it. Returns None when there is nothing to compare with.

    >>> fmt_delta(120, 100, "fr")
    '+20,0\xa0%'
    >>> fmt_delta(0.31, 0.325, "en", kind="points")
    '-1.5 pt'
    >>> fmt_delta(5, 0, "en") is None
    True
    """
    if _missing(current) or _missing(previous):
        return None
    if kind == "relative":
        change = relative_change(current, previous)
        return None if change is None else fmt_pct(change, lang, decimals, signed=True)
    diff = float(current) - float(previous)
    if kind == "points":
        diff *= 100
    s = fmt_number(diff, lang, decimals if kind == "points" else 0)
    if diff > 0 and s.strip("0,.") != "":
        s = "+" + s
    return f"{s}{NBSP}pt" if kind == "points" and lang == "fr" else (
        f"{s} pt" if kind == "points" else s)
