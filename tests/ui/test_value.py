"""AppTest of the Value & profitability page on the demo portfolio."""

from apptest_helpers import app, charts, texts

PAGE = "pages/value.py"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_value_page_shows_every_tab_without_error():
    at = app(PAGE)
    assert not at.exception
    assert not at.error
    assert at.title[0].value == "Valeur et rentabilité"
    assert [tab.label for tab in at.tabs] == [
        "Valeur vie client", "CLV probabiliste", "Compte d'exploitation client",
        "Dévoreurs de contacts", "Acquisition", "Potentiel et pénétration"]
    m = metrics(at)
    for label in ("Capital client", "CLV moyenne", "Capital client (modèle)",
                  "Clients probablement actifs", "Marge commerciale nette",
                  "Clients non rentables", "Coût d'acquisition d'un client",
                  "Taux de pénétration", "Potentiel accessible"):
        assert label in m, label
    assert m["Capital client"].endswith("€")
    # equity, calibration, waterfall, devourers, payback, penetration
    assert len(charts(at)) == 6
    # every table has its two downloads (the channel-cost editor is an input, not a table)
    tables = [d for d in at.dataframe if not str(d.key).startswith("val_channel_costs")]
    assert len(tables) == 9
    assert len(at.download_button) == 2 * len(tables)
    body = " ".join(texts(at.markdown))
    assert "capital client" in body  # reading sentence of the equity chart
    assert "le modèle prévoyait" in body  # calibration reading
    assert "dévoreurs de contacts" in body
    assert "r = " in body and "α = " in body
    # the demo has planted contact devourers
    assert "Aucun client ne prend" not in body


def test_retention_what_if_moves_the_equity():
    at = app(PAGE)
    before = metrics(at)["Capital après la simulation"]
    at.slider(key="val_whatif").set_value(10).run()
    assert not at.exception
    after = metrics(at)["Capital après la simulation"]
    assert after != before
    card = [c for c in texts(at.caption) if "points de rétention en plus" in c]
    assert card and "Avec 10 points de rétention" in card[0]
    at.slider(key="val_whatif").set_value(1).run()
    card = [c for c in texts(at.caption) if "de rétention en plus" in c]
    assert card and "Avec 1 point de rétention" in card[0]


def test_sliders_and_amounts_read_the_language_way():
    """Decimal sliders show a decimal comma in French ("90,6 %"), the integer ones no
    decimals ("10 %"), and the headline amounts side by side share one precision."""
    at = app(PAGE)
    assert at.slider(key="val_discount").value == 10
    retention = at.select_slider(key="val_retention_fr")
    label = retention.format_func(retention.value)
    assert "," in label and label.endswith("%") and "." not in label
    m = metrics(at)
    for card in ("Capital client", "Capital après la simulation"):
        number = m[card].split("\xa0")[0]
        assert m[card].endswith("M€") and "," in number and len(number.split(",")[1]) == 1
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    retention = at.select_slider(key="val_retention_en")
    assert "." in retention.format_func(retention.value)
    assert metrics(at)["Customer equity"].endswith("M")


def test_contact_cost_what_if_and_per_class_retention():
    at = app(PAGE)
    at.slider(key="val_wi_contact").set_value(50).run()
    body = " ".join(texts(at.markdown))
    assert "Contacts +50" in body
    at.toggle(key="val_per_class").set_value(True).run()
    assert not at.exception
    assert any("Rétention par classe" in c for c in texts(at.caption))


def test_value_page_in_english_keeps_the_settings():
    at = app(PAGE)
    at.selectbox(key="val_years_fr").set_value(5).run()
    assert at.selectbox(key="val_years_fr").value == 5
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Value & profitability"
    assert metrics(at)["Customer equity"].startswith("€")
    # the option labels follow the language and the chosen horizon survives the switch
    horizon = at.selectbox(key="val_years_en")
    assert horizon.value == 5 and "5 years" in horizon.options


def test_penetration_never_above_100_percent_and_raised_potentials_flagged():
    at = app("pages/value.py")
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Potentiel dépassé" in d.value.columns)
    assert "Potentiel déclaré" in table.columns
    shares = table["Pénétration"].astype(str).str.replace("\u202f", "").str.replace("\xa0", "")
    numbers = shares.str.rstrip("%").str.replace(",", ".").str.strip().astype(float)
    assert numbers.max() <= 100.0 + 1e-9
    captions = " ".join(c.value for c in at.caption)
    assert "achète" in captions and "Potentiel dépassé" in captions
