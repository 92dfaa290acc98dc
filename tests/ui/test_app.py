"""AppTest of the app shell: sidebar, navigation, language, reference date, and a page
run without app.py (the guard in ui.state.ensure_app_shell)."""

import datetime as dt

from apptest_helpers import ROOT, TIMEOUT, app, texts
from streamlit.testing.v1 import AppTest

from core.store import DEMO_NAME


def test_first_start_opens_the_overview_of_the_demo_in_french():
    at = app()
    assert at.session_state["cc_portfolio"] == DEMO_NAME
    assert at.session_state["cc_lang"] == "fr"
    assert at.title[0].value == "Vue d'ensemble"
    sb = at.sidebar
    assert sb.selectbox(key="sb_portfolio").value == DEMO_NAME
    assert sb.selectbox(key="sb_lang").value == "fr"
    assert sb.date_input(key="sb_as_of").label == "Date de référence"
    line = texts(sb.caption)[-1]
    assert "clients" in line and "lignes" in line and "→" in line


def test_reference_date_defaults_to_the_last_sale():
    from core.store import PortfolioStore

    at = app()
    last = PortfolioStore().load(DEMO_NAME).last_date().date()
    assert at.session_state["cc_as_of"] == last
    assert at.sidebar.date_input(key="sb_as_of").value == last


def test_switch_to_english_relabels_everything():
    at = app()
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert at.sidebar.date_input(key="sb_as_of").label == "Reference date"
    assert "customers" in texts(at.sidebar.caption)[-1]
    assert at.metric[0].label == "Customers"
    # the language survives a page switch
    at.switch_page("pages/data.py").run()
    assert at.title[0].value == "Data"


def test_changing_the_reference_date_changes_the_figures():
    at = app()
    before = [m.value for m in at.metric]
    last = at.session_state["cc_as_of"]
    earlier = last - dt.timedelta(days=365)
    at.sidebar.date_input(key="sb_as_of").set_value(earlier).run()
    assert not at.exception
    assert at.session_state["cc_as_of"] == earlier
    assert earlier.strftime("%d/%m/%Y") in texts(at.markdown)[0]
    after = [m.value for m in at.metric]
    assert after != before


def test_page_run_without_app_py_still_works():
    """Streamlit may run a pages/ script alone (fresh server, direct URL, AppTest):
    the page initialises the session and draws the sidebar itself."""
    at = AppTest.from_file(str(ROOT / "pages" / "overview.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Vue d'ensemble"
    assert at.sidebar.selectbox(key="sb_portfolio").value == DEMO_NAME
    assert len(at.metric) == 8


def test_data_page_run_without_app_py_still_works():
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Données"
