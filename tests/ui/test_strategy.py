"""AppTest of the P-R strategy page on the demo portfolio."""

from apptest_helpers import app, charts, texts

PAGE = "pages/strategy.py"


def _box(at, label: str):
    return next(b for b in at.selectbox if b.label == label)


def _counts(at) -> list[str]:
    """Head-counts column of the four-strategy table, as displayed."""
    frame = next(d.value for d in at.dataframe if len(d.value) == 4)
    return frame["Clients"].tolist()


def test_strategy_page_shows_quadrants_chart_and_lists():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Stratégie P-R"
    assert len(charts(at)) == 1
    body = " ".join(texts(at.markdown))
    assert "Seuils médians" in body and "À développer" in body
    summary = next(d.value for d in at.dataframe if len(d.value) == 4)
    assert summary["Stratégie"].tolist() == ["Développer", "Défendre et fidéliser",
                                             "Entretenir à moindre coût", "Effort minimal"]
    assert len(at.download_button) == 4
    _box(at, "Stratégie").set_value("all").run()
    assert not at.exception
    assert len(at.dataframe) == 2


def test_moving_the_cuts_moves_customers_between_quadrants():
    at = app(PAGE)
    before = _counts(at)
    at.toggle(key="pr_custom").set_value(True).run()
    assert not at.exception
    at.number_input(key="pr_p_cut").set_value(0.0).run()  # everyone has a high potential
    assert not at.exception
    after = _counts(at)
    assert after != before
    assert after[2:] == ["0", "0"]  # nobody left in the low-potential quadrants
    assert "Seuils choisis" in " ".join(texts(at.markdown))
    at.slider(key="pr_r_cut").set_value(100).run()
    assert not at.exception


def test_potentials_below_the_revenue_are_raised_flagged_and_counted():
    """The demo's customers table declares some potentials below what the customer
    already buys: they are raised to the revenue, so no penetration shows above 100 %,
    the rows are flagged, and a caption counts them."""
    at = app(PAGE)
    _box(at, "Stratégie").set_value("all").run()
    assert not at.exception
    raised = [c.value for c in at.caption if "achètent déjà plus que le potentiel" in c.value]
    assert len(raised) == 1
    n = int(raised[0].split(" clients")[0].replace("\u202f", "").replace(" ", ""))
    listed = next(d.value for d in at.dataframe if "Potentiel dépassé" in d.value.columns)
    assert list(listed.columns[:4]) == ["N° client", "Raison sociale", "Stratégie",
                                        "Pénétration"]
    assert 0 < (listed["Potentiel dépassé"] == "Oui").sum() <= n  # first 500 rows shown
    pens = listed["Pénétration"].str.replace("\u202f", "").str.replace(" ", "")
    pens = pens.str.rstrip("%").str.replace(",", ".").astype(float)
    assert pens.max() <= 100.0
    # the contacts sentence states the visits too, from the same per-strategy rule
    body = " ".join(texts(at.markdown))
    assert "contacts par an, dont" in body and "visites" in body


def test_estimation_quantile_and_english():
    at = app(PAGE)
    _box(at, "Estimation d'un potentiel manquant").set_value(0.9).run()
    assert not at.exception
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "P-R strategy"
    # the choice survives the switch and its label is the English one
    box = _box(at, "Estimating a missing potential")
    assert box.value == 0.9 and "90th percentile of peers' revenue" in box.options


def test_missing_potentials_are_estimated_and_counted():
    from apptest_helpers import ROOT, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    PortfolioStore().save("no potential", Portfolio(
        transactions=demo.transactions, customers=demo.customers.drop(columns="potential")),
        overwrite=True)
    PortfolioStore().save("sales only", Portfolio(transactions=demo.transactions),
                          overwrite=True)
    for name, expected in (("no potential", "même secteur et même effectif"),
                           ("sales only", "Pas de fichier clients")):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
        at.session_state["cc_portfolio"] = name
        at.run()
        at.switch_page(PAGE).run()
        assert not at.exception and not at.error, name
        assert expected in at.info[0].value
        assert any("sont estimés" in c.value for c in at.caption), name
        assert len(charts(at)) == 1
