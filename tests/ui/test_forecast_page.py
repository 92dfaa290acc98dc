"""AppTest of the Forecast page on the demo portfolio."""

import json
import re

import pandas as pd
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


def test_table_coefficients_and_compared_months_are_explicit():
    at = app(PAGE)
    table = at.dataframe[0].value
    coef = table["Coefficient saisonnier"].tolist()
    # always 3 decimals with a decimal comma ("1,000", never "1")
    assert all(re.fullmatch(r"\d,\d{3}", c) for c in coef), coef
    captions = " ".join(texts(at.caption))
    # the actual compared with the forecast is named by its complete months
    span = re.search(r"réalisés en (\d{2}/\d{4}) → (\d{2}/\d{4}) \(mois complets\)",
                     captions)
    assert span, captions
    start, end = (pd.Timestamp(f"{m[3:]}-{m[:2]}-01") for m in span.groups())
    assert (end.year - start.year) * 12 + end.month - start.month == 11  # 12 months
    assert "au dernier mois réalisé" in captions  # how the forecast line joins
    body = " ".join(texts(at.markdown))
    assert f"par rapport au réalisé {span.group(1)} → {span.group(2)}, mois complets" in body


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
    coef = at.dataframe[0].value["Seasonal coefficient"].tolist()
    assert all(re.fullmatch(r"\d\.\d{3}", c) for c in coef), coef
    assert re.search(r"actual in \d{4}-\d{2} → \d{4}-\d{2} \(complete months\)",
                     " ".join(texts(at.caption)))


def test_charts_follow_the_language_and_the_forecast_starts_at_the_first_forecast_month():
    at = app(PAGE)
    fc_spec, coef_spec = (json.loads(c.proto.spec) for c in charts(at)[:2])
    # seasonal coefficients: the y axis writes a decimal comma in French
    axes = [lay["encoding"]["y"].get("axis", {}) for lay in coef_spec["layer"]
            if "y" in lay.get("encoding", {})]
    assert any("replace(" in (a.get("labelExpr") or "") for a in axes if a)
    # labels above the bars over 1, below the bars under 1
    marks = [lay["mark"] for lay in coef_spec["layer"]
             if isinstance(lay.get("mark"), dict) and lay["mark"]["type"] == "text"]
    assert sorted(m["baseline"] for m in marks) == ["bottom", "top"]


def test_forecast_line_starts_at_the_first_forecast_month():
    from ui.charts_structure import forecast_chart

    months = pd.date_range("2026-01-01", periods=5, freq="MS")
    comp = pd.DataFrame({"month": months, "kind": ["history"] * 3 + ["forecast"] * 2,
                         "actual": [10.0, 12.0, 20.0, None, None],
                         "trend": [11.0, 12.0, 13.0, 14.0, 15.0],
                         "coefficient": [1.0] * 5, "model": [10.5, 12.5, 14.0, 15.0, 16.0]})
    labels = {k: k for k in ("month", "amount", "actual", "fitted", "forecast", "trend",
                             "coefficient")}
    spec = forecast_chart(comp, "fr", labels).to_dict()
    rows = [r for data in spec["datasets"].values() for r in data]
    forecast = [r for r in rows if r.get("series") == "forecast"]
    assert [r["value"] for r in forecast] == [15.0, 16.0]  # forecast months only
    # the dotted link joins the last actual value (20, not the fitted 14) to the forecast
    assert any([r.get("value") for r in data] == [20.0, 15.0]
               for data in spec["datasets"].values())
