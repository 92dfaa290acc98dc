"""AppTest of the Forecast page on the demo portfolio."""

from apptest_helpers import app, charts, texts

PAGE = "pages/forecast.py"


def test_forecast_of_the_total_with_backtest():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Prévisions"
    labels = [m.label for m in at.metric]
    assert labels == ["Prévision 12 mois", "Tendance par mois", "Erreur du modèle (MAPE)",
                      "Erreur de la prévision naïve"]
    assert at.metric[2].value.endswith("%")
    assert len(charts(at)) == 3  # forecast, seasonal coefficients, backtest
    body = " ".join(texts(at.markdown))
    assert "la prévision est de" in body and "Mois le plus fort" in body
    assert "prévision naïve" in body
    assert len(at.dataframe[0].value) == 12  # month-by-month forecast
    assert len(at.dataframe[1].value) == 6  # held-out months


def test_horizon_and_method_controls():
    at = app(PAGE)
    at.slider(key="fc_horizon").set_value(6).run()
    assert not at.exception
    assert at.metric[0].label == "Prévision 6 mois"
    assert len(at.dataframe[0].value) == 6
    at.radio(key="fc_method").set_value("moving_average").run()
    assert not at.exception


def test_forecast_per_sales_rep_and_aggregation():
    at = app(PAGE)
    at.selectbox(key="fc_level").set_value("sales_rep").run()
    assert not at.exception
    series = at.selectbox(key="fc_series")
    assert series.value == "total" and len(series.options) >= 3
    body = " ".join(texts(at.markdown))
    assert "prévisions individuelles" in body
    rep = series.options[1]  # the largest rep (formatted label)
    at.selectbox(key="fc_series").select_index(1).run()
    assert not at.exception
    assert rep in [s.value for s in at.subheader][0]


def test_forecast_in_english():
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Forecasts"
    assert at.metric[0].label == "12-month forecast"
