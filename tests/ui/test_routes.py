"""AppTest of the Routes page (Tournées) on the demo portfolio, and its map builder."""

import doctest
import json

import pandas as pd
from apptest_helpers import ROOT, TIMEOUT, app, charts, texts
from streamlit.testing.v1 import AppTest

PAGE = "pages/routes.py"


def _reading(at) -> str:
    return next(m for m in texts(at.markdown) if m.startswith(("Sur ", "Over ")))


def test_routes_page_plans_the_first_rep():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Tournées"
    assert at.selectbox(key="rt_rep").value == "Claire Delorme"
    assert "Lyon" in at.caption[0].value  # the demo rep's base
    assert [m.label for m in at.metric] == ["Visites planifiées", "Kilomètres",
                                            "Temps de route", "Coût des tournées"]
    assert int(at.metric[0].value) > 10
    reading = _reading(at)
    assert "économise" in reading and "obligatoires" in reading
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(charts(at)) == 1  # km per day, suggested vs postal-code order
    days = at.dataframe[1].value  # [0] is the time-window editor
    assert len(days) == 5 and days["Jour"].iloc[0].startswith("lun.")
    # days, day detail, visits, left out: CSV + Excel each, plus the .ics calendar
    assert len(at.download_button) == 9
    assert any(b.label == "Agenda (.ics)" for b in at.download_button)


def test_rule_change_and_other_rep():
    at = app(PAGE)
    at.selectbox(key="rt_rule").set_value("none")
    at.button(key="rt_submit").click().run()
    assert not at.exception and not at.warning
    assert "dont 0 obligatoire)" in _reading(at)  # 0 takes the singular in French
    at.selectbox(key="rt_rep").set_value("Julien Ravel").run()
    assert not at.exception
    assert "Grenoble" in at.caption[0].value
    assert at.number_input(key="rt_lat").value == 45.1787


def test_impossible_mandatory_visits_are_explained():
    at = app(PAGE)
    at.number_input(key="rt_overdue_days").set_value(0)
    at.date_input(key="rt_dates").set_value((pd.Timestamp("2026-11-02").date(),
                                             pd.Timestamp("2026-11-02").date()))
    at.button(key="rt_submit").click().run()
    assert not at.exception and not at.error
    warnings = texts(at.warning)
    assert warnings and "obligatoire" in warnings[0] and "Non planifiées" in warnings[0]
    assert int(at.metric[0].value) > 0  # never a silent empty route


def test_customers_without_coordinates_are_listed():
    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    cust = demo.customers.copy()
    lost = ["C00001", "C00002"]
    cust.loc[cust["customer_id"].isin(lost),
             ["latitude", "longitude", "postal_code", "city"]] = None
    cust.loc[cust["customer_id"].isin(lost), "sales_rep"] = "Claire Delorme"
    PortfolioStore().save("no xy", Portfolio(transactions=demo.transactions, customers=cust,
                                             contacts=demo.contacts), overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "no xy"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    info = " ".join(texts(at.info))
    assert "sans coordonnées" in info
    assert any(c in info for c in lost)


def test_english_and_no_location():
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Routes"
    assert "saves" in _reading(at)

    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    bare = demo.customers.drop(columns=["latitude", "longitude", "postal_code", "city"])
    PortfolioStore().save("no place", Portfolio(transactions=demo.transactions,
                                                customers=bare), overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "no place"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "code postal" in at.info[0].value


def test_routes_deck_needs_no_tiles():
    import ui.maps_routes as mr
    from core.routing import plan_routes

    cands = pd.DataFrame({"customer_id": ["C1", "C2", "C3"], "name": ["A", "B", "C"],
                          "latitude": [45.76, 45.80, 45.70], "longitude": [4.90, 4.80, 4.85],
                          "priority": [80.0, 50.0, 30.0], "city": ["Lyon", "Caluire", "Oullins"]})
    plan = plan_routes(cands, (45.75, 4.85), "2026-11-02", time_limit=0.1)
    stops = plan.stops.assign(tip="x")
    deck = mr.routes_deck(stops, {1: (1, 2, 3)}, "Lyon", towns=mr.pd.DataFrame(
        {"label": ["Lyon", "Vienne"], "latitude": [45.76, 45.52], "longitude": [4.85, 4.87]}))
    spec = json.loads(deck.to_json())
    ids = [layer["id"] for layer in spec["layers"]]
    towns = next(layer for layer in spec["layers"] if layer["id"] == "towns")
    # the base is already labelled "Lyon": the town under it is not named twice
    assert [t["label"] for t in towns["data"]] == ["Vienne"]
    assert {"background", "routes", "stops", "stop_numbers", "base", "towns"} <= set(ids)
    # the base (hollow, small) and its name lie under the numbered stops near it
    assert ids.index("base") < ids.index("base_name") < ids.index("stops") < ids.index(
        "stop_numbers")
    base = next(layer for layer in spec["layers"] if layer["id"] == "base")
    assert base["radiusMaxPixels"] < 9  # smaller than a stop
    # same offline deck as the map page: no provider and pydeck's map_style sentinel, so
    # Streamlit adds no basemap (map_style=None would make it fetch Carto tiles)
    assert "mapProvider" not in spec and spec.get("mapStyle") == "__MAP_STYLE__"
    raw = deck.to_json().lower()
    assert "mapbox" not in raw and "cartocdn" not in raw and "http" not in raw
    text_layers = [layer for layer in spec["layers"] if layer["@@type"] == "TextLayer"]
    assert all(not str(layer["fontFamily"]).startswith("@@") for layer in text_layers)
    assert all(isinstance(layer["characterSet"], str) and "1" in layer["characterSet"]
               for layer in text_layers)
    result = doctest.testmod(mr)
    assert result.attempted > 0 and result.failed == 0
