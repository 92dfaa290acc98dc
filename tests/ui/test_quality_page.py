"""AppTest of the Data quality page: report, duplicates review (merge, reject, undo),
qualification editor and journal, on a private copy of the demo portfolio."""

import pandas as pd
import pytest
from apptest_helpers import app, texts

from core.quality import merge_log, pair_decisions, save_qualification
from core.store import DEMO_NAME, PortfolioStore

PAGE = "pages/quality.py"


def open_on(portfolio: str):
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_portfolio").set_value(portfolio).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def demo_copy():
    store = PortfolioStore()
    store.ensure_demo()
    name = "qualité test"
    store.save(name, store.load(DEMO_NAME), overwrite=True)
    yield store, name
    if store.exists(name):
        store.delete(name)
    store.close()


def test_report_shows_scores_problems_and_their_rows():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Qualité des données"
    assert [tab.label for tab in at.tabs] == [
        "Rapport de qualité", "Doublons", "Qualification", "Journal"]
    labels = [m.label for m in at.metric]
    assert labels == ["Ventes (lignes de factures)", "Clients et prospects", "Contacts",
                      "Créances"]
    assert all(m.value.endswith("/ 100") for m in at.metric)
    body = " ".join(texts(at.markdown))
    assert "types d'erreur à corriger (6 lignes)" in body and "(s)" not in body
    problems = at.dataframe[0].value
    assert "adresse e-mail mal formée" in set(problems["Contrôle"])
    # pick the e-mail problem: its three rows are listed
    box = at.selectbox(key="quality_problem")
    email = next(o for o in box.options if "e-mail mal formée" in o)
    box.set_value(box.options.index(email) if isinstance(box.value, int) else email).run()
    assert not at.exception
    rows = next(d.value for d in at.dataframe if "N° de ligne" in d.value.columns)
    assert set(rows["N° client"]) == {"C00537", "C00558", "C00229"}
    keys = {b.key for b in at.download_button}
    assert {"quality_problems_csv", "quality_rows_xlsx", "quality_all_rows_csv"} <= keys


def test_duplicates_listed_merged_and_undone(demo_copy):
    store, name = demo_copy
    original = store.load(name)
    at = open_on(name)
    pairs = next(d.value for d in at.dataframe if "Ressemblance" in d.value.columns)
    assert len(pairs) == 8
    assert "8 paires de clients se ressemblent" in " ".join(texts(at.markdown))
    assert "8 restent à examiner" in " ".join(texts(at.markdown))
    # the pair under review shows the status label, not the stored code
    compare = next(d.value for d in at.dataframe if "≠" in d.value.columns)
    status = compare[compare["Champ"] == "Statut"].iloc[0]
    assert set(status.iloc[2:]) == {"client"}
    # without a name, nothing can be recorded
    assert at.button(key="quality_merge").disabled
    at.text_input(key="quality_who").input("Jeanne").run()
    at.selectbox(key="quality_pair").set_value("C00031|C00485").run()
    at.radio(key="quality_keep").set_value("C00031").run()
    at.button(key="quality_merge").click().run()
    assert not at.exception, at.exception
    assert any("fusionné" in s for s in texts(at.success))
    merged = store.load(name)
    assert "C00485" not in set(merged.customers["customer_id"])
    assert "C00485" not in set(merged.transactions["customer_id"])
    moved = (original.transactions["customer_id"] == "C00485").sum()
    assert (merged.transactions["customer_id"] == "C00031").sum() == moved + (
        original.transactions["customer_id"] == "C00031").sum()
    log = merge_log(merged)
    assert log.loc[0, ["who", "kept", "removed"]].tolist() == ["Jeanne", "C00031", "C00485"]
    # the pair is gone from the list; the journal offers the undo
    pairs = next(d.value for d in at.dataframe if "Ressemblance" in d.value.columns)
    assert len(pairs) == 7
    at.button(key="quality_undo").click().run()
    assert not at.exception, at.exception
    back = store.load(name)
    for kind, table in original.tables().items():
        pd.testing.assert_frame_equal(back.tables()[kind], table)
    assert merge_log(back).loc[0, "undone_by"] == "Jeanne"


def test_reject_a_pair_hides_it(demo_copy):
    store, name = demo_copy
    at = open_on(name)
    at.text_input(key="quality_who").input("JD").run()
    first = at.selectbox(key="quality_pair").value
    at.button(key="quality_reject").click().run()
    assert not at.exception
    a, b = first.split("|")
    assert pair_decisions(store.load(name))[["id_a", "id_b", "decision"]].values.tolist() == [
        [a, b, "rejected"]]
    assert at.selectbox(key="quality_pair").value != first
    at.toggle(key="quality_show_reviewed").set_value(True).run()
    pairs = next(d.value for d in at.dataframe if "Ressemblance" in d.value.columns)
    assert len(pairs) == 8 and "rejeté" in set(pairs["Décision"])


def test_qualification_editor_and_audit_in_the_journal(demo_copy):
    store, name = demo_copy
    at = open_on(name)
    at.text_input(key="quality_who").input("JD").run()
    at.text_input(key="quality_search").input("C00031").run()
    # the editor holds the filtered customers with the editable columns
    editor = next(d.value for d in at.dataframe
                  if str(getattr(d, "key", "")).startswith("quality_editor_"))
    assert editor["customer_id"].tolist() == ["C00031"]
    assert list(editor.columns) == ["customer_id", "name", "status", "potential",
                                    "credit_limit", "sales_rep", "sector"]
    at.button(key="quality_save").click().run()
    assert any("Aucune modification" in i for i in texts(at.info))
    # a change saved elsewhere (same core function) is listed in the journal
    save_qualification(store, name, pd.DataFrame({"customer_id": ["C00031"],
                                                  "credit_limit": [12345.0]}),
                       who="JD", when="2026-11-01 09:00")
    at.run()
    audit = next(d.value for d in at.dataframe if "Ancienne valeur" in d.value.columns)
    assert audit[["Qui", "N° client", "Nouvelle valeur"]].values.tolist() == [
        ["JD", "C00031", "12\u202f345\xa0€"]]


def test_without_customers_table_the_page_explains(tiny_transactions):
    store = PortfolioStore()
    from core.schema import Portfolio

    store.save("sales only", Portfolio(transactions=tiny_transactions), overwrite=True)
    at = open_on("sales only")
    assert not at.error
    infos = " ".join(texts(at.info))
    assert "table des clients" in infos
    assert [m.label for m in at.metric] == ["Ventes (lignes de factures)"]
    store.delete("sales only")


def test_english_labels():
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Data quality"
    assert "Quality report" in [tab.label for tab in at.tabs]


def test_problem_rows_show_the_checked_column_first_and_translated_statuses():
    at = app("pages/quality.py")
    assert not at.exception
    labels = at.selectbox(key="quality_problem").options
    pick = next(i for i, lab in enumerate(labels) if "mail" in lab.lower())
    at.selectbox(key="quality_problem").set_value(pick).run()
    assert not at.exception
    rows = next(d.value for d in at.dataframe if "E-mail" in d.value.columns
                and "Statut" in d.value.columns)
    assert list(rows.columns).index("E-mail") <= 3
    assert "customer" not in set(rows["Statut"].astype(str))
