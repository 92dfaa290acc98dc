"""AppTest of the Workload and action plans page on the demo portfolio."""

import re

from apptest_helpers import ROOT, TIMEOUT, app, charts, texts
from streamlit.testing.v1 import AppTest

PAGE = "pages/plans.py"


def _body(at) -> str:
    return " ".join(texts(at.markdown))


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_plans_page_shows_needs_workload_plan_and_campaign():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Charge et plans d'action"
    assert [t.label for t in at.tabs] == ["Besoins de visite", "Charge de travail",
                                         "Plan de contacts", "Campagne et relances"]
    body = _body(at)
    assert "Comptes avec une norme de visite" in body and "Les normes demandent" in body
    # every account is counted: the accounts without a visit norm (suspects) get their own
    # figure, and the five figures add up to the total of the reading sentence
    labels = ["En retard", "À voir sous 14 jours", "Jamais visités", "À jour",
              "Sans norme de visite"]
    shown = {m.label for m in at.metric}
    figures = [int(re.sub(r"\D", "", _metric(at, lab))) for lab in labels]
    assert set(labels) <= shown
    m = re.search(r"norme de visite : (\S+) sur (\S+) ;", body)
    with_norm, total = (int(re.sub(r"\D", "", g)) for g in m.groups())
    assert sum(figures) == total and sum(figures[:4]) == with_norm
    assert "Le plan touche" in body and "actions pour" in body
    assert "Le plus chargé : Claire Delorme" in body
    assert _metric(at, "Commerciaux nécessaires") == "4"
    # needs by status, each rep's load, budget vs margin, touches per day
    assert len(charts(at)) == 4
    assert len(at.download_button) >= 12


def test_what_if_on_the_field_share_and_segmentation():
    at = app(PAGE)
    before = _metric(at, "Commerciaux nécessaires")
    at.slider(key="pl_field").set_value(40).run()
    assert not at.exception
    after = _metric(at, "Commerciaux nécessaires")
    assert int(after) > int(before)
    at.radio(key="pl_kind").set_value("pr").run()
    assert not at.exception and not at.error
    assert "Développer" in _body(at) or "Défendre" in _body(at)
    at.segmented_control(key="pl_needs_pick").set_value("all").run()
    assert not at.exception


def test_campaign_targets_and_english():
    at = app(PAGE)
    at.multiselect(key="pl_targets_visit").set_value(["A", "hot prospect"]).run()
    assert not at.exception
    assert "actions pour" in _body(at)
    at.multiselect(key="pl_targets_visit").set_value([]).run()
    assert any("au moins un segment" in i for i in texts(at.info))
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Workload and action plans"


def test_without_contacts_everyone_is_never_visited():
    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    demo = load_demo()
    PortfolioStore().save("no contacts", Portfolio(transactions=demo.transactions,
                                                   customers=demo.customers), overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "no contacts"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    assert "Pas d'historique des contacts" in at.info[0].value
    assert _metric(at, "En retard") == "0"
