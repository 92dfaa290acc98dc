"""AppTest of the Credit risk page (Risque client) on the demo portfolio, and on a
portfolio without receivables."""

from apptest_helpers import ROOT, TIMEOUT, app, charts, texts
from streamlit.testing.v1 import AppTest

PAGE = "pages/risk.py"


def _body(at) -> str:
    return " ".join(texts(at.markdown))


def _view(at, view):
    at.segmented_control(key="risk_view").set_value(view).run()
    assert not at.exception, at.exception
    return at


def test_ageing_view_shows_kpis_chart_reading_and_table():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Risque client"
    labels = [m.label for m in at.metric]
    # the DSO title names its window (the Simulations page uses 12 months)
    assert labels == ["Encours clients (TTC)", "Encours échu", "DSO sur 3 mois",
                      "Rotation des créances"]
    assert at.metric[0].value.endswith("€") and at.metric[2].value.endswith("jours")
    assert len(charts(at)) == 1  # the ageing balance
    assert "de votre encours est en retard" in _body(at)
    assert "Les plus exposés" in _body(at)  # the demo plants customers > 90 days late
    reading = [m for m in texts(at.markdown) if "Les plus exposés" in m][0]
    assert "client(s)" not in reading and not reading.endswith("..")
    assert " autres." in reading or " autre." in reading  # same content as in English
    assert len(at.dataframe) == 1 and len(at.download_button) == 2
    headers = list(at.dataframe[0].value.columns)
    assert "Non échu" in headers and "> 90 j" in headers
    # limit and utilisation come right after the id and name, before the buckets
    assert headers[2:5] == ["Encours TTC", "Plafond de crédit", "Utilisation du plafond"]
    rows = len(at.dataframe[0].value)
    at.toggle(key="risk_only_overdue").set_value(True).run()
    assert not at.exception and len(at.dataframe[0].value) < rows


def test_dso_view_and_window_setting_move_the_figures():
    at = _view(app(PAGE), "dso")
    assert len(charts(at)) == 1
    assert "Le DSO" in _body(at)
    assert len(at.dataframe[0].value) == 12  # one point per month
    dso_3 = at.metric[2].value
    at.selectbox(key="risk_window").set_value(12).run()
    assert not at.exception
    assert at.metric[2].value != dso_3
    assert at.metric[2].label == "DSO sur 12 mois"
    at.radio(key="risk_year").set_value(365).run()
    assert not at.exception and "365" in " ".join(texts(at.caption))


def test_solvency_view_with_an_edited_rule():
    at = _view(app(PAGE), "solvency")
    assert len(charts(at)) == 1
    body = _body(at)
    assert "dépassent leur plafond" in body and "plafonds recommandés" in body
    table = at.dataframe[-1].value
    assert {"Classe de risque", "Score (0-100)", "Plafond recommandé"} <= set(table.columns)
    assert list(table.columns)[2:6] == ["Encours TTC", "Plafond de crédit",
                                        "Utilisation du plafond", "Hors plafond"]
    assert "client(s)" not in body
    before = [m for m in texts(at.markdown) if "plafonds recommandés" in m][0]
    # double the months of purchases granted to band A: the recommended total grows
    assert len(at.dataframe) == 2  # the rules editor and the customer table
    at.session_state["risk_rules"] = {"edited_rows": {0: {"multiple": 6.0}},
                                      "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    after = [m for m in texts(at.markdown) if "plafonds recommandés" in m][0]
    assert after != before
    at.toggle(key="risk_only_over").set_value(True).run()
    assert not at.exception
    assert set(at.dataframe[-1].value["Hors plafond"]) == {"Oui"}


def test_english_labels():
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Credit risk"
    assert at.metric[0].value.startswith("€")
    assert at.metric[2].label == "DSO over 3 months"  # short: the full name is in the help
    assert "Days sales outstanding" in at.metric[2].help


def test_without_receivables_the_page_says_what_to_import():
    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    PortfolioStore().save("sans créances", Portfolio(transactions=demo.transactions,
                                                     customers=demo.customers), overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "sans créances"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    assert "table des **créances**" in at.info[0].value
    shown = at.table[0].value
    assert "Échéance" in list(shown.iloc[:, 0]) and len(shown) == 7
    assert not at.metric and not charts(at)
