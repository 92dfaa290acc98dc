"""Streamlit-side helpers shared by the pages.

- ``ui.state``: session values (store, portfolio, reference date, language), cached
  loaders, page guards (``ensure_app_shell``, ``require_portfolio``, ``require``).
- ``ui.nav``: the page registry (``PAGES``) behind ``st.navigation``.
- ``ui.sidebar``: the sidebar controls.
- ``ui.i18n``: ``t(key)`` translations from ``ui/texts/<module>.py``.
- ``ui.format``: numbers, money, percentages and dates for the language.
- ``ui.tables``: ``show_table`` (table + CSV / Excel downloads).
- ``ui.charts``: altair chart builders.
"""
