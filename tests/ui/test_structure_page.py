"""AppTest of the Structure page (ABC, concentration, interquartiles, statistics,
product holding) on the demo portfolio."""

import json

from apptest_helpers import app, charts, texts

PAGE = "pages/structure.py"


def _body(at) -> str:
    return " ".join(texts(at.markdown))


def test_abc_view_shows_curve_reading_classes_and_exports():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Structure et ABC"
    assert len(charts(at)) == 1  # the Pareto curve
    body = _body(at)
    assert "de vos clients (classe A" in body and "du chiffre d'affaires" in body
    # class table (A, B, C) and the customer list, each with CSV + Excel
    assert len(at.dataframe) == 2
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["A", "B", "C"]
    assert len(at.download_button) == 4
    # the classes are offered to the other pages
    published = at.session_state["customer_classes"]
    assert set(published["abc"]) == {"A", "B", "C"}


def _share_a(at) -> float:
    """% of customers in class A, read from the class table ("10,2 %")."""
    text = at.dataframe[0].value.iloc[0, 2]
    return float(text.replace("\xa0%", "").replace(",", "."))


def test_moving_the_cuts_changes_the_classes():
    at = app(PAGE)
    at.radio(key="abc_mode").set_value("count").run()
    assert not at.exception
    assert 10.0 <= _share_a(at) <= 10.5  # textbook 10 %: ceil(10 % of n) customers
    at.slider(key="abc_cuts_count").set_value((20, 60)).run()
    assert not at.exception
    assert 20.0 <= _share_a(at) <= 20.5
    assert "20\xa0% de vos clients (classe A" in _body(at)
    # the two-class 20/80 mode
    at.radio(key="abc_mode").set_value("pareto").run()
    assert not at.exception
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["A", "B"]
    assert "Loi des 20/80" in " ".join(texts(at.caption))


def test_abc_on_margin_and_on_the_customers_potential():
    at = app(PAGE)
    at.selectbox(key="structure_criterion").set_value("margin").run()
    assert not at.exception and "de la marge" in _body(at)
    at.selectbox(key="structure_criterion").set_value("potential").run()
    assert not at.exception
    assert at.selectbox(key="structure_period").disabled
    assert "du potentiel" in _body(at)


def test_concentration_view_compares_two_periods():
    at = app(PAGE)
    at.segmented_control(key="structure_view").set_value("concentration").run()
    assert not at.exception and not at.error
    assert [m.label for m in at.metric][:2] == ["Indice de Gini", "Part du 1er client"]
    assert len(charts(at)) == 1
    table = at.dataframe[0].value
    assert list(table.columns) == ["Indicateur", "12 mois précédents", "12 derniers mois",
                                   "Évolution"]
    assert "Gini" in _body(at) and "mois précédents" in _body(at)


def test_interquartile_view_and_method_switch():
    at = app(PAGE)
    at.segmented_control(key="structure_view").set_value("quartiles").run()
    assert not at.exception
    assert [m.label for m in at.metric][:3] == ["Q1", "Médiane", "Q3"]
    assert len(at.dataframe[0].value) == 4
    at.radio(key="iq_method").set_value("inverted_cdf").run()
    assert not at.exception
    assert "Le meilleur quart de vos clients" in _body(at)


def test_statistics_view_by_group_with_log_scale():
    at = app(PAGE)
    at.segmented_control(key="structure_view").set_value("stats").run()
    assert not at.exception
    assert len(charts(at)) == 1  # histogram
    at.selectbox(key="stats_by").set_value("sales_rep").run()
    at.selectbox(key="stats_unit").set_value("customer").run()
    at.toggle(key="stats_log").set_value(True).run()
    assert not at.exception
    assert len(at.dataframe[0].value) >= 2  # one row per rep
    assert "la médiane est de" in _body(at)


def test_holding_view_heatmap_and_cross_sell_targets():
    at = app(PAGE)
    at.segmented_control(key="structure_view").set_value("holding").run()
    assert not at.exception
    assert len(charts(at)) == 2  # heatmap and families per customer
    assert "cibles de ventes croisées" in _body(at)
    at.slider(key="gaps_pen").set_value(90).run()
    assert not at.exception


def test_structure_in_english():
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Structure and ABC"
    assert "of your customers (class A" in _body(at)


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def test_pareto_zones_have_distinct_colours_legend_outside_and_labels_in_their_zone():
    at = app(PAGE)
    spec = json.loads(charts(at)[0].proto.spec)
    colors = [lay["encoding"]["color"] for lay in _layers(spec)
              if "color" in lay.get("encoding", {}) and "scale" in lay["encoding"]["color"]]
    assert colors, "the A/B/C areas are coloured by class"
    scale = colors[0]["scale"]
    assert scale["domain"] == ["A", "B", "C"]
    assert len(set(scale["range"])) == 3 and scale["range"][1] == "#dd6b20"  # orange B
    assert colors[0]["legend"]["orient"] == "right"  # outside the plot area
    texts_ = [lay for lay in _layers(spec)
              if isinstance(lay.get("mark"), dict) and lay["mark"].get("type") == "text"]
    # the cut labels end on their cut line, on the side of their own class (left)
    assert texts_ and all(lay["mark"]["align"] == "right" and lay["mark"]["dx"] < 0
                          for lay in texts_)


def test_every_singular_text_has_its_plural_in_both_languages():
    from ui.texts.structure import TEXTS

    for lang in ("fr", "en"):
        ones = [k for k in TEXTS[lang] if k.endswith("_one")]
        assert len(ones) >= 8
        for key in ones:
            assert key[:-4] in TEXTS[lang], (lang, key)
            assert key in TEXTS["en" if lang == "fr" else "fr"], key
    assert "(s)" not in " ".join(TEXTS["fr"].values()) + " ".join(TEXTS["en"].values())
