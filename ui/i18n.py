"""Translation helper: ``t("overview.title")`` in the language chosen in the sidebar.

Texts live in one module per page (or shared topic) under ``ui/texts/``, each defining
``TEXTS = {"fr": {...}, "en": {...}}``. A key is ``"<module>.<name>"``; placeholders use
``str.format`` syntax: ``t("common.data_line", customers="600")``.

A missing key never crashes a page: it shows ``⟦module.name⟧`` so it is easy to spot on
screen, and ``tests/ui/test_i18n.py`` checks that every key exists in both languages.

Adding a page's texts: create ``ui/texts/<page>.py`` with ``TEXTS`` and call
``t("<page>.<key>")``.
"""

from __future__ import annotations

import importlib
from functools import cache

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
LANG_NAMES = {"fr": "Français", "en": "English"}


@cache
def texts(module: str) -> dict[str, dict[str, str]]:
    """The ``TEXTS`` dict of ``ui/texts/<module>.py`` (empty dict if there is none)."""
    try:
        mod = importlib.import_module(f"ui.texts.{module}")
    except ModuleNotFoundError:
        return {}
    return getattr(mod, "TEXTS", {})


def current_lang() -> str:
    """The interface language from the session (French outside a Streamlit run)."""
    try:
        import streamlit as st

        lang = st.session_state.get("cc_lang", DEFAULT_LANG)
    except Exception:  # noqa: BLE001 - no session (plain Python, doctest)
        lang = DEFAULT_LANG
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, /, lang: str | None = None, **kwargs) -> str:
    """The text for ``key`` ("module.name") in ``lang`` (default: the session's language).

    Falls back to the other language, then to ``⟦key⟧``. ``kwargs`` fill the
    ``{placeholders}``; a placeholder left unfilled is shown as is.

    >>> t("common.lang_label", lang="en")
    'Language'
    >>> t("common.no_such_key", lang="fr")
    '⟦common.no_such_key⟧'
    """
    lang = lang or current_lang()
    module, _, name = key.partition(".")
    table = texts(module)
    text = table.get(lang, {}).get(name)
    if text is None:
        other = next((lg for lg in LANGS if lg != lang), lang)
        text = table.get(other, {}).get(name)
    if text is None:
        return f"⟦{key}⟧"
    if kwargs:
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def column_label(column: str, lang: str | None = None, kind: str | None = None) -> str:
    """Human label of a canonical column ("customer_id" -> "N° client" / "Customer ID").

    With ``kind`` (a table), a table-specific label is preferred when there is one
    (``columns.receivables__amount``: the amount incl. tax).
    """
    if kind:
        text = t(f"columns.{kind}__{column}", lang=lang)
        if not text.startswith("⟦"):
            return text
    text = t(f"columns.{column}", lang=lang)
    return column if text.startswith("⟦") else text


def column_labels(columns, lang: str | None = None, kind: str | None = None) -> dict[str, str]:
    """``{column: label}`` for ``columns`` (unknown columns keep their name)."""
    return {c: column_label(c, lang, kind) for c in columns}
