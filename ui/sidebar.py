"""The sidebar controls shared by every page: portfolio, reference date, language, and
one line describing the loaded data.

Each widget has its own ``sb_*`` key and copies its value into the session's ``cc_*``
key (see ui/state.py) through ``on_change``; before each render the widget is set from
``cc_*``, so pages can change the portfolio programmatically (``state.select_portfolio``).
"""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.format import fmt_date, fmt_number
from ui.i18n import LANG_NAMES, LANGS, t


def _copy(widget_key: str, state_key: str) -> None:
    st.session_state[state_key] = st.session_state[widget_key]


def _switch_language(widget_key: str, state_key: str) -> None:
    _copy(widget_key, state_key)
    state.refresh_widget_labels()


def _synced(widget_key: str, state_key: str, on_change=_copy) -> dict:
    """Set the widget from the session value; return the on_change arguments."""
    st.session_state[widget_key] = st.session_state.get(state_key)
    return {"key": widget_key, "on_change": on_change, "args": (widget_key, state_key)}


def data_line(p, lang: str) -> str:
    """"600 clients · 34 524 lignes · 11/2023 → 10/2026" for portfolio ``p``."""
    first, last = state.date_bounds(p)
    if first is None:
        return t("common.data_line_empty", lang=lang)
    tx = p.transactions
    return t(
        "common.data_line",
        lang=lang,
        customers=fmt_number(tx["customer_id"].nunique(), lang),
        lines=fmt_number(len(tx), lang),
        first=fmt_date(first, lang, "month"),
        last=fmt_date(last, lang, "month"),
    )


def render_sidebar() -> None:
    """Draw the sidebar controls (call after ``state.ensure_app_shell``)."""
    lang = state.lang()
    names = state.portfolio_names()
    with st.sidebar:
        if names:
            st.selectbox(
                t("common.portfolio_label"),
                names,
                format_func=lambda n: state.display_name(n, lang),
                help=t("common.portfolio_help"),
                **_synced("sb_portfolio", state.KEY_PORTFOLIO),
            )
        p = state.portfolio()
        first, last = state.date_bounds(p)
        if first is not None:
            current = st.session_state.get(state.KEY_AS_OF)
            if current is None or not first <= current <= last:
                st.session_state[state.KEY_AS_OF] = last
            st.date_input(
                t("common.as_of_label"),
                min_value=first,
                max_value=last,
                format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD",
                help=t("common.as_of_help"),
                **_synced("sb_as_of", state.KEY_AS_OF),
            )
        st.selectbox(
            t("common.lang_label"),
            list(LANGS),
            format_func=LANG_NAMES.get,
            **_synced("sb_lang", state.KEY_LANG, on_change=_switch_language),
        )
        if p is not None:
            st.caption(data_line(p, lang))
