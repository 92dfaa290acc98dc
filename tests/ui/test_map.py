"""AppTest of the Map and territories page on the demo portfolio."""

from apptest_helpers import app, texts

PAGE = "pages/map.py"


def _decks(at):
    return list(at.get("deck_gl_json_chart"))


def test_map_page_geocodes_and_draws_the_map_without_basemap():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Carte et territoires"
    body = " ".join(texts(at.markdown))
    assert "800 comptes sur 800 placés" in body
    decks = _decks(at)
    assert len(decks) == 1
    spec = decks[0].proto.json
    # no basemap: no provider, and the default map_style sentinel (Streamlit then adds none)
    assert '"mapProvider"' not in spec
    assert '"mapStyle": "__MAP_STYLE__"' in spec
    assert "mapbox" not in spec and "cartocdn" not in spec and "http" not in spec
    assert "ScatterplotLayer" in spec and "HexagonLayer" in spec and "TextLayer" in spec
    assert "Claire Delorme" in spec  # reps' bases are drawn and named
    # the base in Lyon carries the town's name, which its label would otherwise hide
    assert "Claire Delorme (Lyon)" in spec
    # the density hexagons use no colour of the categorical palette, and have a legend
    import json

    from ui import maps

    layers = json.loads(spec)["layers"]
    hexes = next(layer for layer in layers if layer["id"] == "density")
    assert not {tuple(c) for c in hexes["colorRange"]} & set(maps.PALETTE)
    assert "Potentiel par hexagone, faible → fort" in body
    # town names do not overlap one another at the first zoom
    towns = next(layer for layer in layers if layer["id"] == "towns")["data"]
    assert 0 < len(towns) <= 8
    assert any("GeoNames" in c.value for c in at.caption)
    assert "La zone la plus dense" in " ".join(texts(at.markdown))


def test_colour_filter_and_views():
    at = app(PAGE)
    at.selectbox(key="map_color").set_value("abc").run()
    assert not at.exception
    at.multiselect(key="map_f_rep").set_value(["Julien Ravel"]).run()
    assert not at.exception
    assert "Julien Ravel" in _decks(at)[0].proto.json
    at.segmented_control(key="map_view").set_value("catchment").run()
    assert not at.exception and not at.error
    assert "Dans un rayon de" in " ".join(texts(at.markdown))
    assert len(at.download_button) >= 4
    at.segmented_control(key="map_view").set_value("white_space").run()
    assert not at.exception and not at.error
    assert "potentiel non capté" in " ".join(texts(at.markdown))
    assert len(_decks(at)) == 1


def test_territories_are_balanced_and_exportable():
    at = app(PAGE)
    at.segmented_control(key="map_view").set_value("territories").run()
    assert not at.exception and not at.error
    body = " ".join(texts(at.markdown))
    assert "secteurs" in body and "écart maximal" in body
    balance = next(d.value for d in at.dataframe if "Écart après" in d.value.columns)
    at.selectbox(key="map_measure").set_value("potential").run()
    at.slider(key="map_tolerance").set_value(5).run()
    assert not at.exception and not at.error
    balance = next(d.value for d in at.dataframe if "Écart après" in d.value.columns)
    gaps = balance["Écart après"].str.replace("\u202f", "").str.replace(" ", "") \
        .str.rstrip("%").str.replace(",", ".").astype(float)
    assert gaps.abs().max() <= 5.0 + 1e-9
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Map and territories"


def test_many_points_are_aggregated(monkeypatch):
    from ui import maps

    monkeypatch.setattr(maps, "MAX_POINTS", 100)
    at = app(PAGE)
    assert not at.exception and not at.error
    assert any("regroupe les comptes par carrés" in c.value for c in at.caption)
    deck = _decks(at)[0].proto
    assert "Comptes" in deck.tooltip  # aggregated tooltip: number of accounts per square
    assert '"tip_last"' not in deck.json


def test_portfolio_without_coordinates_is_geocoded_from_postal_codes():
    from apptest_helpers import ROOT, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    customers = demo.customers.drop(columns=["latitude", "longitude"])
    customers.loc[customers.index[:3], "postal_code"] = ["99999", None, "69999"]
    customers.loc[customers.index[1], "city"] = None
    PortfolioStore().save("h8 no coordinates", Portfolio(
        transactions=demo.transactions, customers=customers), overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "h8 no coordinates"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    body = " ".join(texts(at.markdown))
    # 99999 and the row without code nor city are not placed; 69999 goes to the
    # département; the demo's planted wrong postal code is placed at its code
    assert "798 comptes sur 800 placés" in body and "0 avec leurs propres" in body
    assert "1 au centre du département" in body and "2 non placés" in body
    report = next(d.value for d in at.dataframe if "Motif" in d.value.columns)
    reasons = report["Motif"].tolist()
    assert "ni code postal ni ville" in reasons and "code postal inconnu" in reasons
    assert len(_decks(at)) == 1


def test_locked_accounts_stay_with_their_rep():
    at = app(PAGE)
    at.segmented_control(key="map_view").set_value("territories").run()
    at.multiselect(key="map_lock_pick").set_value(["C00002"]).run()  # Sandrine Peyron, Lyon
    assert not at.exception and not at.error
    table = next(d.value for d in at.dataframe if "Verrouillé" in d.value.columns)
    row = table[table["N° client"] == "C00002"].iloc[0]
    assert bool(row["Verrouillé"]) and row["Secteur"] == "Sandrine Peyron"


def test_map_builders_doctests():
    """declutter (overlapping town names dropped), name_bases, density legend..."""
    import doctest

    from ui import maps

    result = doctest.testmod(maps)
    assert result.attempted > 0 and result.failed == 0
