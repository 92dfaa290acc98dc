"""AppTest of the Overview page on the demo portfolio."""

from apptest_helpers import app, charts, texts


def test_overview_shows_kpis_chart_and_top_10():
    at = app()
    assert not at.exception
    assert not at.error
    labels = [m.label for m in at.metric]
    assert labels == ["Clients", "Clients actifs (12 mois)", "CA HT 12 mois", "Marge 12 mois",
                      "Taux de marge", "Panier moyen", "Commandes 12 mois", "Avoirs 12 mois"]
    # money and percentages are formatted the French way
    values = {m.label: m.value for m in at.metric}
    assert values["CA HT 12 mois"].endswith("€")
    assert values["Taux de marge"].endswith("%") and "," in values["Taux de marge"]
    # deltas vs the previous 12 months on the comparable figures
    assert at.metric[2].delta.startswith(("+", "-"))
    assert len(charts(at)) == 1
    assert len(at.dataframe) == 1
    assert len(at.dataframe[0].value) == 10
    assert len(at.download_button) == 2
    # one reading sentence per figure, and one for the chart and the table
    assert len(at.caption) >= 8
    body = " ".join(texts(at.markdown))
    assert "meilleur mois" in body and "premiers clients" in body


def test_overview_in_english_formats_money_the_english_way():
    at = app()
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    values = {m.label: m.value for m in at.metric}
    assert values["Revenue 12 months"].startswith("€")
    assert "Top 10 customers" in [h.value for h in at.subheader]


def test_overview_on_a_sales_only_portfolio_and_an_early_date(tiny_transactions):
    """Only the required columns (no margin, no customers table): margin cards say what
    is missing; an as-of date before the 12-month window shows no top-10, no crash."""
    from core.schema import Portfolio
    from core.store import PortfolioStore

    sales = tiny_transactions[["customer_id", "date", "amount"]]
    PortfolioStore().save("sales only", Portfolio(transactions=sales), overwrite=True)
    at = app()
    at.sidebar.selectbox(key="sb_portfolio").set_value("sales only").run()
    assert not at.exception, at.exception
    values = {m.label: m.value for m in at.metric}
    assert values["Marge 12 mois"] == "–" and values["Taux de marge"] == "–"
    assert values["Clients"] == "3"
    # one credit note: the reading is in the singular
    assert any(c.startswith("1 avoir en 12 mois") for c in texts(at.caption))
    assert len(at.dataframe) == 1
    assert at.session_state["cc_as_of"].isoformat() == "2024-06-01"
    at.sidebar.date_input(key="sb_as_of").set_value(
        at.sidebar.date_input(key="sb_as_of").min).run()
    assert not at.exception, at.exception
    assert len(at.metric) == 8


def test_monthly_chart_puts_margin_points_on_the_bar_centres():
    """Bars and line share one ordinal (band) x of month labels: each margin point sits on
    its month's bar centre and the axis labels sit under bars (not between them)."""
    import pandas as pd

    from ui.charts import monthly_sales_chart

    months = pd.date_range("2024-01-01", periods=24, freq="MS")
    frame = pd.DataFrame({"month": months, "revenue": range(100, 124),
                          "margin": range(30, 54), "orders": range(24)})
    spec = monthly_sales_chart(frame, "fr").to_dict()
    xs = [layer["encoding"]["x"] if "encoding" in layer else spec["encoding"]["x"]
          for layer in spec["layer"]]
    assert len(xs) == 2 and xs[0] == xs[1]
    x = xs[0]
    assert x["type"] == "ordinal" and x["field"] == "month_label"
    assert x["sort"][0] == "janv. 2024" and x["sort"][-1] == "déc. 2025"
    # a label every 3 months ending on the last month
    assert x["axis"]["values"][-1] == "déc. 2025" and len(x["axis"]["values"]) == 8
    assert {layer["mark"]["type"] for layer in spec["layer"]} == {"bar", "line"}
