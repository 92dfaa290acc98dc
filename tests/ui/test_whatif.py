"""AppTest of the What-if page (Simulations) on the demo portfolio: credit limits,
payment terms, prices, break-even, saved scenarios."""

import pyarrow as pa
from apptest_helpers import ROOT, TIMEOUT, app, charts, texts
from streamlit.testing.v1 import AppTest

PAGE = "pages/whatif.py"


def _body(at) -> str:
    return " ".join(texts(at.markdown))


def _view(at, view):
    at.segmented_control(key="wi_view").set_value(view).run()
    assert not at.exception, at.exception
    return at


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def test_credit_limits_replay_and_controls():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Simulations"
    assert len(charts(at)) == 1  # orders accepted / blocked per month
    assert "auraient été refusées" in _body(at)
    # exactly the 12 months of the window: the partial first month (the window starts on
    # 31/10/2025) is left out of the chart and said in a caption
    data = pa.ipc.open_stream(charts(at)[0].proto.datasets[0].data.data).read_all()
    months = data.to_pandas()["month"]
    assert months.nunique() == 12 and str(months.min())[:7] == "2025-11"
    assert any("ce mois partiel n'est pas dessiné" in c for c in texts(at.caption))
    # the DSO says its window (the Credit risk page defaults to 3 months)
    assert _metric(at, "DSO sur 12 mois, après").help.startswith("Délai moyen")
    blocked_now = int(_metric(at, "Commandes bloquées").value.replace("\u202f", ""))
    # halving every current limit blocks more orders
    at.slider(key="wi_lim_factor").set_value(50).run()
    assert not at.exception
    assert int(_metric(at, "Commandes bloquées").value.replace("\u202f", "")) > blocked_now
    # a huge single limit blocks nothing
    at.radio(key="wi_lim_mode").set_value("global").run()
    at.number_input(key="wi_lim_global").set_value(10_000_000.0).run()
    assert not at.exception
    assert _metric(at, "Commandes bloquées").value == "0"
    assert "ne changent rien" in _body(at)
    for mode in ("class", "recommended"):
        at.radio(key="wi_lim_mode").set_value(mode).run()
        assert not at.exception and not at.error
    assert len(at.download_button) >= 2  # before / after table


def test_payment_terms_discount_and_factoring():
    at = _view(app(PAGE), "terms")
    assert len(charts(at)) == 1
    assert "Déplacez un curseur" in _body(at)  # nothing changed yet
    at.select_slider(key="wi_disc_rate").set_value(2.0).run()
    at.slider(key="wi_disc_uptake").set_value(50).run()
    assert not at.exception
    body = _body(at)
    assert "Un escompte de 2,00" in body and "il coûte plus qu'il ne rapporte" in body
    assert _metric(at, "Gain net annuel").value.startswith("-")
    at.slider(key="wi_fact_share").set_value(100).run()
    assert not at.exception and "Affacturer 100" in _body(at)
    at.select_slider(key="wi_disc_rate").set_value(0.0).run()
    at.slider(key="wi_terms_change").set_value(15).run()
    assert not at.exception
    assert _metric(at, "BFR clients après").delta.startswith("+")  # longer terms tie up cash


def test_price_change_with_elasticity():
    at = _view(app(PAGE), "price")
    assert len(charts(at)) == 1
    assert "Bijmolt" in " ".join(texts(at.caption))
    assert "Une variation de prix de +5,0" in _body(at)
    at.number_input(key="wi_price_elast").set_value(0.0).run()
    assert not at.exception
    assert _metric(at, "Volume").value.startswith("0,0")  # elasticity 0: volume unchanged
    assert "crée de la marge" in _body(at)
    at.selectbox(key="wi_price_by").set_value("abc_class").run()
    at.multiselect(key="wi_price_groups").set_value(["A"]).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table.iloc[:, 0]) >= {"A", "B", "C"}
    at.select_slider(key="wi_disc_be").set_value(10.0).run()
    assert "de volume en plus" in _body(at)


def test_break_even_view():
    at = _view(app(PAGE), "breakeven")
    assert len(charts(at)) == 1
    assert "Vos coûts fixes sont couverts" in _body(at)
    at.number_input(key="wi_be_fixed").set_value(1e9).run()
    assert not at.exception and "il manque" in _body(at)


def test_save_compare_and_reload_a_scenario():
    from core.store import PortfolioStore

    store = PortfolioStore()
    for e in store.scenarios("demo"):
        store.delete_scenario("demo", e["kind"], e["name"])
    at = app(PAGE)
    at.slider(key="wi_lim_factor").set_value(80).run()
    at.text_input(key="wi_credit_limits_name").set_value("Plafonds -20 %").run()
    at.button(key="wi_credit_limits_save").click().run()
    assert not at.exception
    saved = store.scenarios("demo")  # kept in the store, not only in the session
    assert [s["name"] for s in saved] == ["Plafonds -20 %"]
    assert saved[0]["params"]["current_factor"] == 0.8
    at = _view(at, "price")
    at.button(key="wi_price_save").click().run()
    at = _view(at, "scenarios")
    assert not at.error
    headers = [list(df.value.columns) for df in at.dataframe]
    assert ["Indicateur", "Situation actuelle", "Plafonds -20 %"] in headers
    assert any("Prix +5,0" in " ".join(h) for h in headers)
    # load the credit-limit scenario back into its controls
    at.selectbox(key="wi_sc_pick").set_value(0).run()
    at.button(key="wi_sc_load").click().run()
    assert not at.exception
    assert at.session_state["wi_view"] == "limits"
    assert at.slider(key="wi_lim_factor").value == 80
    # a new session (another day, another browser) finds the saved scenarios
    fresh = _view(app(PAGE), "scenarios")
    assert not fresh.exception
    assert [s["name"] for s in store.scenarios("demo")][0] == "Plafonds -20 %"
    assert any("Plafonds -20 %" in " ".join(df.value.columns) for df in fresh.dataframe)


def test_limits_without_receivables_explain_and_other_views_work():
    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    PortfolioStore().save("ventes seules", Portfolio(transactions=demo.transactions),
                          overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "ventes seules"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and "table des **créances**" in at.info[0].value
    at = _view(at, "terms")
    assert not at.error and "saisissez votre DSO" in " ".join(texts(at.caption))
    at = _view(at, "price")
    assert not at.error and len(charts(at)) == 1
