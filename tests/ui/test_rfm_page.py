"""AppTest of the RFM & lifecycle page on the demo portfolio."""

from apptest_helpers import app, charts, texts

from core.rfm import DEFAULT_SEGMENTS
from ui.i18n import t

PAGE = "pages/rfm.py"


def _tab(at, name: str, lang: str = "fr"):
    at.session_state["rfm_tabs"] = t(f"rfm.tab_{name}", lang=lang)
    at.run()
    assert not at.exception, at.exception
    return at


def test_scores_tab_shows_grid_reading_and_tables():
    at = app(PAGE)
    assert not at.error
    assert at.title[0].value == "RFM et cycle de vie"
    assert len(charts(at)) == 1
    body = " ".join(texts(at.markdown))
    assert "clients de valeur" in body and "Champions" in body
    # customers list, segment table (11 segments), each with CSV + Excel
    frames = {len(d.value) for d in at.dataframe}
    assert 11 in frames
    assert len(at.download_button) >= 4
    labels = [s.label for s in at.selectbox]
    assert "Clients d'une case de la grille" in labels


def test_segment_and_action_come_right_after_the_id_and_name():
    """A manager sees the segment and its recommended action without scrolling right."""
    at = app(PAGE)
    frames = [d.value for d in at.dataframe]
    customers = next(f for f in frames if "N° client" in f.columns)
    segments = next(f for f in frames if "Clients" in f.columns and "Segment" in f.columns)
    assert list(customers.columns[:4]) == ["N° client", "Raison sociale", "Segment",
                                           "Action recommandée"]
    assert list(segments.columns[:2]) == ["Segment", "Action recommandée"]


def test_scores_controls_move_the_result():
    at = app(PAGE)
    at.radio(key="rfm_method").set_value("terciles").run()
    assert not at.exception
    assert any("Note 1 à 3" in c.value for c in at.caption)
    # pick a cell of the 3 x 3 grid: its customers only, with the recommended action
    at.selectbox(key="rfm_cell").set_value("3-3").run()
    assert not at.exception
    body = " ".join(texts(at.markdown))
    assert "dans cette case" in body and "Action recommandée" in body
    at.radio(key="rfm_monetary").set_value("mean").run()
    assert not at.exception


def test_thresholds_and_unreadable_cuts_warn_without_crashing():
    at = app(PAGE)
    at.radio(key="rfm_method").set_value("thresholds").run()
    assert not at.exception and not at.error
    assert len(charts(at)) == 1
    at.text_input(key="rfm_cuts_R").set_value("30; abc; 180; 365").run()
    assert not at.exception
    assert any("illisibles" in w.value for w in at.warning)
    at.text_input(key="rfm_cuts_R").set_value("30; 90; 180").run()  # 3 cuts for 5 scores
    assert not at.exception
    assert any("exactement 4" in w.value for w in at.warning)


def test_edited_segment_map_reaches_the_tables():
    at = app(PAGE)
    edited = {k: dict(v) for k, v in DEFAULT_SEGMENTS.items()}
    edited["champions"]["fr"] = "Ambassadeurs"
    at.session_state["rfm_custom_map"] = edited
    at.run()
    assert not at.exception
    assert "Ambassadeurs" in " ".join(texts(at.markdown))


def test_migration_tab():
    at = _tab(app(PAGE), "migration")
    assert not at.error
    assert len(charts(at)) == 1
    body = " ".join(texts(at.markdown))
    assert "sont sortis des segments de valeur" in body
    at.select_slider(key="rfm_mig_months").set_value(12).run()
    assert not at.exception
    assert len(charts(at)) == 1
    at.toggle(key="rfm_mig_only").set_value(False).run()
    assert not at.exception


def test_lifecycle_tab_rules_and_attrition():
    at = _tab(app(PAGE), "lifecycle")
    assert not at.error
    assert len(charts(at)) == 1  # the funnel
    assert [m.label for m in at.metric] == ["CA en baisse", "Réclamations répétées",
                                            "Commande en retard"]
    before = at.metric[0].value
    at.slider(key="rfm_att_drop").set_value(40).run()
    assert not at.exception
    assert int(at.metric[0].value.replace("\u202f", "")) < int(before.replace("\u202f", ""))
    at.number_input(key="rfm_rule_active").set_value(600).run()  # above tepid: invalid
    assert not at.exception
    assert any("must grow" in w.value for w in at.warning)
    at.number_input(key="rfm_rule_active").set_value(90).run()
    assert not at.exception and len(charts(at)) == 1
    at.selectbox(key="rfm_stage").set_value("tepid").run()
    assert not at.exception


def test_engagement_tab_and_english():
    at = _tab(app(PAGE), "engagement")
    assert [m.label for m in at.metric] == ["Élargissent", "Resserrent", "Stables"]
    at.selectbox(key="rfm_eng_filter").set_value("widening").run()
    assert not at.exception
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "RFM & lifecycle"


def test_sales_only_portfolio_says_what_is_missing():
    from apptest_helpers import ROOT, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from core.sample import load_demo
    from core.schema import Portfolio
    from core.store import PortfolioStore

    tx = load_demo().transactions.drop(columns="family")
    PortfolioStore().save("sales no family", Portfolio(transactions=tx), overwrite=True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["cc_portfolio"] = "sales no family"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and len(charts(at)) == 1
    at = _tab(at, "lifecycle")
    assert "Sans fichier clients" in at.info[0].value
    assert at.metric[1].value == "–"  # repeated complaints need the contacts table
    at = _tab(at, "engagement")
    assert "famille" in at.info[0].value


def test_counts_are_pluralised_from_the_number():
    """No "fiche(s)"-style placeholder: the note picks singular or plural from the count."""
    from ui.i18n import texts as all_texts

    for lang, table in all_texts("rfm").items():
        for key, text in table.items():
            assert "(s)" not in text, (lang, key)
    assert t("rfm.note_no_purchase_one", lang="fr", n=1).startswith("1 fiche sans")
    # every singular text has its plural, in both languages
    for lang, table in all_texts("rfm").items():
        for key in table:
            if key.endswith("_one"):
                assert key[:-4] in table, (lang, key)
    assert t("rfm.cell_option_one", lang="en", r=1, f=5, segment="X", n=1).endswith(
        "(1 customer)")
    at = app(PAGE)
    shown = texts(at.caption) + [w.value for w in at.warning]
    assert not any("(s)" in s for s in shown)
