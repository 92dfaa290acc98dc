"""Helpers for the AppTest suites (not a test module)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120  # seconds per run: the first run builds the demo portfolio


def app(page: str | None = None) -> AppTest:
    """app.py run once (and switched to ``page``, e.g. "pages/data.py", if given)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def texts(elements) -> list[str]:
    """The ``.value`` of each element (markdown, caption, info...)."""
    return [str(e.value) for e in elements]


def charts(at: AppTest) -> list:
    """The altair / vega-lite charts on the page."""
    return list(at.get("vega_lite_chart"))
