"""AppTest of the Predictive scores page on the demo portfolio."""

from apptest_helpers import app, charts, texts

PAGE = "pages/scores.py"


def test_churn_score_page_validation_and_target_list():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Scores prédictifs"
    body = " ".join(texts(at.markdown))
    assert "Validation dans le temps" in body
    assert "Cibler les" in body and "clients perdus" in body
    assert len(at.metric) == 4
    auc = float(at.metric[0].value.replace(",", "."))
    assert 0.6 < auc < 1.0
    # gain, lift, ROC, calibration, importance, bands
    assert len(charts(at)) == 6
    targets = at.dataframe[-1].value
    assert set(targets["Tranche"]) == {"A"}
    assert "Principales raisons" in targets.columns
    bands = at.session_state["customer_classes"]["score_band"]
    assert set(bands) == {"A", "B", "C", "D", "E"}


def test_threshold_moves_the_confusion_matrix():
    at = app(PAGE)
    flagged = [m.value for m in at.markdown if "Au seuil de" in m.value]
    at.slider(key="sc_threshold").set_value(5).run()
    assert not at.exception
    after = [m.value for m in at.markdown if "Au seuil de" in m.value]
    assert flagged and after and flagged != after


def test_other_targets_models_and_short_horizon_message():
    at = app(PAGE)
    at.radio(key="sc_target").set_value("conversion").run()
    assert not at.exception and not at.error
    assert "prospects convertis" in " ".join(texts(at.markdown))
    at.radio(key="sc_model").set_value("gbm").run()
    assert not at.exception and not at.error
    at.radio(key="sc_target").set_value("default").run()
    assert not at.exception and not at.error
    at.slider(key="sc_horizon").set_value(12).run()   # receivables cover 15 months only
    assert not at.exception
    assert "Score impossible" in at.warning[0].value
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Predictive scores"


def test_missing_tables_are_explained():
    from apptest_helpers import ROOT, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    PortfolioStore().save("sales only", Portfolio(transactions=demo.transactions),
                          overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "sales only"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    at.radio(key="sc_target").set_value("conversion").run()
    assert "Clients et prospects" in at.info[0].value
    at.radio(key="sc_target").set_value("default").run()
    assert "Créances" in at.info[0].value


def test_training_auc_reading_follows_the_gap_and_target_list_leads_with_reasons():
    from core.scoring import overfit_level

    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception and not at.error
    test_auc = float(at.metric[0].value)
    train_auc = float(at.metric[3].value)
    captions = " ".join(texts(at.caption))
    level = overfit_level(train_auc, test_auc)
    expected = {"good": "generalises well", "some": "some over-fitting",
                "strong": "strong over-fitting"}[level]
    assert expected in captions
    if train_auc - test_auc >= 0.03:
        assert "generalises well" not in captions
    targets = at.dataframe[-1].value
    cols = list(targets.columns)
    # who, then what to act on: probability, band, points, reasons before sector / rep
    assert cols[:2] == ["Customer ID", "Company name"], cols
    assert cols[2:6] == ["Probability", "Band", "Points", "Main reasons"], cols
    body = " ".join(texts(at.markdown))
    assert "next 6 months" in body
    at.slider(key="sc_horizon").set_value(1).run()
    assert not at.exception
    body = " ".join(texts(at.markdown))
    assert "next 1 month " in body or "next 1 month." in body, body
    assert "1 months" not in body
