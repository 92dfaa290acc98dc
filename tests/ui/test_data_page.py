"""AppTest of the Data page: upload, mapping, validation report, save, and the saved
portfolios; a failed import never touches the store."""

import pandas as pd
from apptest_helpers import app, texts

from core.store import DEMO_NAME, PortfolioStore

FRENCH_CSV = (
    "N° client;Date facture;Montant HT;Marge;Libellé\r\n"
    "C001;05/01/2024;1 234,56;300,00;Outils\r\n"
    "C002;06/01/2024;-100,00;-20,00;Avoir client\r\n"
    "C003;31/02/2024;50,00;10,00;Date impossible\r\n"
    "C001;10/02/2024;80,00;20,00;Réassort\r\n"
).encode("cp1252")


def mapping_boxes(at):
    return [s for s in at.selectbox if s.key and s.key.startswith("data_map_")]


def upload(at, name, content, mime="text/csv"):
    at.file_uploader[0].upload(name, content, mime).run()
    assert not at.exception, at.exception
    return at


def test_data_page_renders_with_tabs_and_the_demo_preview():
    at = app("pages/data.py")
    assert at.title[0].value == "Données"
    assert [tab.label for tab in at.tabs] == [
        "Importer un fichier", "Portefeuilles enregistrés", "Aperçu du portefeuille"]
    assert at.selectbox(key="data_kind").value == "transactions"
    assert len(at.file_uploader) == 1
    # the drop zone's texts are Streamlit's (English): types and limit said in French
    assert any(c.startswith("Glissez-déposez") and ".xlsx" in c and "Mo par fichier" in c
               for c in texts(at.caption))
    # saved portfolios table + preview of each table of the demo (4 tables)
    assert len(at.dataframe) >= 5
    assert any(DEMO_NAME in str(v) or "Démo" in str(v)
               for v in at.dataframe[0].value.iloc[:, 0])


def test_upload_maps_french_headers_and_reports_rejections():
    at = app("pages/data.py")
    upload(at, "ventes.csv", FRENCH_CSV)
    chosen = {b.label: b.value for b in mapping_boxes(at)}
    assert chosen == {"N° client": "customer_id", "Date facture": "date",
                      "Montant HT": "amount", "Marge": "margin", "Libellé": ""}
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Lignes lues"] == "4"
    assert metrics["Importées"] == "3"
    assert metrics["Rejetées"] == "1"
    assert metrics["Avoirs"] == "1"
    # the rejected line is shown with its line number and reason, downloadable
    rejected = [d.value for d in at.dataframe if {"Ligne", "Motif"} <= set(d.value.columns)]
    assert len(rejected) == 1 and len(rejected[0]) == 1
    assert rejected[0]["Ligne"].iloc[0] == 4  # header = line 1
    assert any("l'en-tête est la ligne 1" in c for c in texts(at.caption))
    assert any(c.startswith("Fichier CSV lu : 4 lignes, 5 colonnes") for c in texts(at.caption))
    assert {"data_rejected_csv", "data_rejected_xlsx"} <= {b.key for b in at.download_button}


def test_missing_required_column_blocks_the_import_and_leaves_the_store_alone():
    store = PortfolioStore()
    before = store.list()
    version = store.version(DEMO_NAME)
    at = app("pages/data.py")
    content = "N° client;Libellé\r\nC001;Outils\r\n".encode("cp1252")
    upload(at, "incomplet.csv", content)
    warnings = " ".join(texts(at.warning))
    assert "Date" in warnings and "Montant HT" in warnings
    assert not any(b.key in ("data_save_new", "data_save_existing") for b in at.button)
    pd.testing.assert_frame_equal(store.list(), before)
    assert store.version(DEMO_NAME) == version


def test_remapping_a_column_by_hand():
    at = app("pages/data.py")
    content = b"Code;Jour;Total\r\nC1;2024-01-05;10\r\nC2;2024-02-05;20\r\n"
    upload(at, "odd.csv", content)
    boxes = mapping_boxes(at)
    assert "Jour" in [b.label for b in boxes]
    for box in boxes:
        if box.value == "":
            box.set_value({"Code": "customer_id", "Jour": "date", "Total": "amount"}[box.label])
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Importées"] == "2"


def test_save_as_new_portfolio_selects_it():
    at = app("pages/data.py")
    upload(at, "ventes.csv", FRENCH_CSV)
    assert at.radio(key="data_save_mode").value == "new"
    at.text_input(key="data_new_name").input("Import test").run()
    at.button(key="data_save_new").click().run()
    assert not at.exception, at.exception
    store = PortfolioStore()
    assert store.exists("Import test")
    saved = store.load("Import test")
    assert len(saved.transactions) == 3
    assert saved.transactions["amount"].sum() == 1234.56 - 100 + 80
    assert at.session_state["cc_portfolio"] == "Import test"
    assert any("Import test" in s for s in texts(at.success))
    # a second save under the same name is refused with a sentence
    at2 = app("pages/data.py")
    upload(at2, "ventes.csv", FRENCH_CSV)
    at2.text_input(key="data_new_name").input("Import test").run()
    at2.button(key="data_save_new").click().run()
    assert any("déjà" in e for e in texts(at2.error))


def test_replace_a_table_needs_confirmation(tiny_portfolio):
    store = PortfolioStore()
    store.save("tiny replace", tiny_portfolio, overwrite=True)
    at = app("pages/data.py")
    at.selectbox(key="data_kind").set_value("customers").run()
    content = "N° client;Raison sociale;CP\r\nC1;Boulangerie Martin;35000\r\n".encode("cp1252")
    upload(at, "clients.csv", content)
    assert at.radio(key="data_save_mode").options == [
        "Remplacer cette table dans un portefeuille",
        "Ajouter ces lignes à cette table d'un portefeuille"]
    at.selectbox(key="data_target").set_value("tiny replace").run()
    assert at.button(key="data_save_existing").disabled
    at.checkbox(key="data_confirm_replace").check().run()
    at.button(key="data_save_existing").click().run()
    assert not at.exception, at.exception
    customers = store.load("tiny replace").customers
    assert customers["customer_id"].tolist() == ["C1"]
    assert customers["postal_code"].tolist() == ["35000"]


def test_rename_and_delete_with_confirmation(tiny_portfolio):
    store = PortfolioStore()
    store.save("to rename", tiny_portfolio, overwrite=True)
    at = app("pages/data.py")
    at.selectbox(key="data_manage").set_value("to rename").run()
    at.text_input(key="data_rename_to").input("renamed").run()
    at.button(key="data_rename").click().run()
    assert not at.exception
    assert store.exists("renamed") and not store.exists("to rename")
    assert at.selectbox(key="data_manage").value == "renamed"
    assert at.button(key="data_delete").disabled
    at.checkbox(key="data_delete_confirm_renamed").check().run()
    at.button(key="data_delete").click().run()
    assert not at.exception
    assert not store.exists("renamed")
    assert at.session_state["cc_portfolio"] in store.list()["name"].tolist()


def test_xlsx_upload_offers_the_sheet_choice():
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Notes"
    wb.active.append(["Export du 31/10/2026"])
    ws = wb.create_sheet("Ventes")
    ws.append(["Code client", "Date", "CA HT"])
    ws.append(["C001", "05/01/2024", 120.5])
    ws.append(["C002", "06/01/2024", 80])
    buf = io.BytesIO()
    wb.save(buf)
    at = app("pages/data.py")
    upload(at, "ventes.xlsx", buf.getvalue(),
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = at.selectbox(key="data_sheet")
    assert sheet.options == ["Notes", "Ventes"]
    sheet.set_value("Ventes").run()
    assert not at.exception, at.exception
    assert any("Ventes" in c for c in texts(at.caption))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Importées"] == "2"


def test_too_large_file_is_refused_with_a_sentence(monkeypatch):
    import core.io

    monkeypatch.setattr(core.io, "MAX_UPLOAD_BYTES", 100)
    at = app("pages/data.py")
    upload(at, "ventes.csv", FRENCH_CSV * 3)
    errors = " ".join(texts(at.error))
    assert "limite" in errors and "100" in errors
    assert not mapping_boxes(at)
