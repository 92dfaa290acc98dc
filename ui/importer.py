"""Pure helpers behind the Data page's import steps (no Streamlit calls except the
session memo), tested in tests/ui/test_importer.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from core.schema import COLUMNS, REQUIRED, guess_mapping

IGNORE = ""  # the "ignore this column" choice in the mapping selectboxes


def fmt_size(n_bytes: int, lang: str) -> str:
    """A file size in the language's units.

    >>> fmt_size(200 * 1024 * 1024, "fr"), fmt_size(1536, "en")
    ('200\\xa0Mo', '1.5 KB')
    """
    units = ("o", "Ko", "Mo", "Go") if lang == "fr" else ("B", "KB", "MB", "GB")
    value, i = float(n_bytes), 0
    while value >= 1024 and i < len(units) - 1:
        value, i = value / 1024, i + 1
    text = f"{value:.1f}".rstrip("0").rstrip(".") if i else f"{int(value)}"
    if lang == "fr":
        return text.replace(".", ",") + "\xa0" + units[i]
    return f"{text} {units[i]}"


def initial_choices(headers: Iterable[str], kind: str) -> list[str]:
    """The pre-filled choice per header: its guessed canonical column, or IGNORE.

    >>> initial_choices(["Code client", "Libellé", "Montant HT"], "transactions")
    ['customer_id', '', 'amount']
    """
    headers = list(headers)
    guessed = guess_mapping(headers, kind)
    return [guessed.get(h, IGNORE) for h in headers]


def mapping_from_choices(headers: Iterable[str], choices: Iterable[str]) -> dict[str, str]:
    """``{source header: canonical column}`` for the headers not ignored.

    >>> mapping_from_choices(["A", "B", "C"], ["customer_id", "", "date"])
    {'A': 'customer_id', 'C': 'date'}
    """
    return {h: c for h, c in zip(headers, choices) if c and c != IGNORE}


def duplicate_targets(mapping: Mapping[str, str]) -> dict[str, list[str]]:
    """Canonical columns chosen for more than one header, with those headers.

    >>> duplicate_targets({"A": "date", "B": "date", "C": "amount"})
    {'date': ['A', 'B']}
    """
    by_target: dict[str, list[str]] = {}
    for header, target in mapping.items():
        by_target.setdefault(target, []).append(header)
    return {k: v for k, v in by_target.items() if len(v) > 1}


def missing_required(mapping: Mapping[str, str], kind: str) -> list[str]:
    """Required columns of ``kind`` that no header is mapped to, in schema order.

    >>> missing_required({"A": "customer_id"}, "transactions")
    ['date', 'amount']
    """
    chosen = set(mapping.values())
    return [c for c in REQUIRED[kind] if c not in chosen]


def optional_columns(kind: str) -> list[str]:
    """Canonical columns of ``kind`` that are not required."""
    return [c for c in COLUMNS[kind] if c not in REQUIRED[kind]]


def examples(column: pd.Series, n: int = 3, width: int = 24) -> list[str]:
    """Up to ``n`` distinct non-empty sample values of a raw column, shortened.

    >>> examples(pd.Series(["a", "", None, "a", "b"]))
    ['a', 'b']
    """
    values = []
    for v in column.dropna().astype(str):
        v = v.strip()
        if v and v not in values:
            values.append(v if len(v) <= width else v[: width - 1] + "…")
        if len(values) >= n:
            break
    return values


def memo(session: dict, slot: str, key, compute: Callable[[], object]):
    """Compute once per ``key`` and keep the latest result in ``session[slot]``.

    Exceptions are remembered too (re-raised on later calls with the same key), so a
    failing import is not re-run at every rerun of the page.

    >>> s = {}
    >>> memo(s, "x", 1, lambda: 41 + 1), memo(s, "x", 1, lambda: 0)
    (42, 42)
    """
    cached = session.get(slot)
    if cached is not None and cached[0] == key:
        value, error = cached[1], cached[2]
    else:
        try:
            value, error = compute(), None
        except Exception as exc:  # noqa: BLE001 - re-raised below, remembered
            value, error = None, exc
        session[slot] = (key, value, error)
    if error is not None:
        raise error
    return value
