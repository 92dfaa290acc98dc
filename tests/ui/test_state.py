"""ui.state page guards: a page that needs a missing table or column says which one and
how to add it, and stops without an error."""

from apptest_helpers import TIMEOUT
from streamlit.testing.v1 import AppTest

from core.store import PortfolioStore


def _page(needs: str):
    from ui import state

    state.ensure_app_shell()
    state.require(*needs.split(","))
    import streamlit as st

    st.write("page body")


def run_guard(needs: str, lang: str = "fr") -> AppTest:
    at = AppTest.from_function(_page, kwargs={"needs": needs}, default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "tiny guard"
    at.session_state["cc_lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def test_missing_table_is_named(tiny_transactions):
    from core.schema import Portfolio

    PortfolioStore().save("tiny guard", Portfolio(transactions=tiny_transactions),
                          overwrite=True)
    at = run_guard("receivables")
    assert "Créances" in at.info[0].value and "Données" in at.info[0].value
    assert "page body" not in [m.value for m in at.markdown]
    at = run_guard("receivables", lang="en")
    assert "Receivables" in at.info[0].value


def test_missing_column_is_named(tiny_portfolio):
    PortfolioStore().save("tiny guard", tiny_portfolio, overwrite=True)
    at = run_guard("contacts,channel,outcome")
    assert "Résultat" in at.info[0].value
    assert "page body" not in [m.value for m in at.markdown]


def test_present_table_lets_the_page_run(tiny_portfolio):
    PortfolioStore().save("tiny guard", tiny_portfolio, overwrite=True)
    at = run_guard("customers,postal_code")
    assert not at.info
    assert "page body" in [m.value for m in at.markdown]
    assert at.session_state["cc_as_of"].isoformat() == "2024-06-01"


def test_reference_date_survives_a_save_of_the_same_portfolio(tiny_portfolio):
    import datetime as dt

    store = PortfolioStore()
    store.save("tiny guard", tiny_portfolio, overwrite=True)
    at = run_guard("customers")
    first = at.session_state["cc_as_of"]
    chosen = first - dt.timedelta(days=10)
    at.session_state["cc_as_of"] = chosen
    store.save("tiny guard", tiny_portfolio, overwrite=True)  # new version, same name
    at.run()
    assert not at.exception
    assert at.session_state["cc_as_of"] == chosen
    # another portfolio starts on its own last sale date
    shifted = tiny_portfolio.transactions.copy()
    shifted["date"] = shifted["date"] - dt.timedelta(days=40)
    from core.schema import Portfolio

    store.save("other guard", Portfolio(transactions=shifted), overwrite=True)
    at.session_state["cc_portfolio"] = "other guard"
    at.run()
    assert at.session_state["cc_as_of"] == shifted["date"].max().date()


def _classes_page():
    import pandas as pd
    import streamlit as st

    from ui import state

    state.ensure_app_shell()
    state.require_portfolio()
    if st.session_state.get("publish"):
        state.publish_classes("cluster", pd.Series({"C1": "k1"}))
    classes = state.customer_classes()
    st.write("kinds: " + ",".join(sorted(classes)))
    st.write("abc: " + ",".join(sorted(set(classes["abc"]))))


def test_customer_classes_do_not_depend_on_page_order(tiny_portfolio):
    from apptest_helpers import texts

    PortfolioStore().save("tiny guard", tiny_portfolio, overwrite=True)
    at = AppTest.from_function(_classes_page, default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "tiny guard"
    at.run()
    assert not at.exception, at.exception
    shown = texts(at.markdown)
    assert "kinds: abc,rfm" in shown and any(s.startswith("abc: A") for s in shown)
    at.session_state["publish"] = True
    at.run()
    assert "kinds: abc,cluster,rfm" in texts(at.markdown)
