"""Tests of core.forecast: trend x seasonal coefficients, backtest, monthly series."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import forecast as F

SEASON = np.array([0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 0.7, 0.6, 1.0, 1.1, 1.2, 1.1])  # mean 1


def _months(n, start="2021-01-01"):
    return pd.date_range(start, periods=n, freq="MS", name="month")


def _textbook_by_hand(y, months):
    """The textbook steps written out with plain Python loops (independent check)."""
    n = len(y)
    t = list(range(1, n + 1))
    tbar = sum(t) / n
    ybar = sum(y) / n
    sxy = sum((ti - tbar) * (yi - ybar) for ti, yi in zip(t, y, strict=True))
    sxx = sum((ti - tbar) ** 2 for ti in t)
    syy = sum((yi - ybar) ** 2 for yi in y)
    a = sxy / sxx
    b = ybar - a * tbar
    r = sxy / (sxx * syy) ** 0.5
    ratios = {m: [] for m in range(1, 13)}
    for ti, yi, mo in zip(t, y, months.month, strict=True):
        ratios[mo].append(yi / (a * ti + b))
    raw = {m: sum(v) / len(v) for m, v in ratios.items()}
    mean_raw = sum(raw.values()) / 12
    coefs = {m: raw[m] / mean_raw for m in raw}
    return a, b, r, coefs


# --------------------------------------------------------------------------- model
def test_linear_series_is_continued_exactly():
    y = pd.Series([100.0 + 2 * t for t in range(24)], index=_months(24))
    m = F.TrendSeasonal().fit(y)
    p = m.params_.loc["total"]
    assert (p["slope"], p["intercept"], p["r"]) == pytest.approx((2.0, 98.0, 1.0))
    assert bool(p["seasonal"]) and p["n_months"] == 24
    assert m.coefficients_["total"].to_numpy() == pytest.approx(np.ones(12))
    fc = m.predict(3)
    assert fc.index[0] == pd.Timestamp("2023-01-01")
    assert fc["total"].tolist() == pytest.approx([148.0, 150.0, 152.0])


def test_ratio_to_trend_matches_the_textbook_steps():
    rng = np.random.default_rng(7)
    months = _months(36)
    y = [(500 + 12 * t) * SEASON[m.month - 1] * rng.uniform(0.9, 1.1)
         for t, m in enumerate(months)]
    a, b, r, coefs = _textbook_by_hand(y, months)
    m = F.TrendSeasonal().fit(pd.Series(y, index=months))
    p = m.params_.loc["total"]
    assert (p["slope"], p["intercept"], p["r"]) == pytest.approx((a, b, r), rel=1e-12)
    assert m.coefficients_["total"].to_numpy() == pytest.approx(
        [coefs[k] for k in range(1, 13)], rel=1e-12)
    assert m.coefficients_["total"].mean() == pytest.approx(1.0, abs=1e-12)
    assert r == pytest.approx(np.corrcoef(np.arange(36), y)[0, 1])
    fc = m.predict(12)["total"]
    # forecast = trend x coefficient, month by month
    expected = [(a * (36 + h) + b) * coefs[h] for h in range(1, 13)]
    assert fc.tolist() == pytest.approx(expected, rel=1e-12)
    # close to the truth it was generated from (noise is +-10 %)
    truth = [(500 + 12 * (36 + h - 1)) * SEASON[h - 1] for h in range(1, 13)]
    assert F.mape(truth, fc) < 0.08


def test_moving_average_recovers_exact_seasonality_on_a_flat_series():
    # flat level x seasonal pattern: the centred 2x12 moving average is exactly 100
    months = _months(36)
    y = pd.Series([100 * SEASON[m.month - 1] for m in months], index=months)
    m = F.TrendSeasonal(method="moving_average").fit(y)
    assert m.coefficients_["total"].to_numpy() == pytest.approx(SEASON, rel=1e-12)
    # ratio to trend on the same series: close, not exact (the LS trend leans on the
    # pattern's position in the year)
    rt = F.TrendSeasonal().fit(y)
    assert rt.coefficients_["total"].to_numpy() == pytest.approx(SEASON, abs=0.03)


def test_seasonality_needs_two_full_years():
    y = pd.Series([100 * SEASON[m.month - 1] for m in _months(18)], index=_months(18))
    m = F.TrendSeasonal().fit(y)
    assert not bool(m.params_.loc["total", "seasonal"])
    assert (m.coefficients_["total"] == 1.0).all()
    one_year_ok = F.TrendSeasonal(min_cycles=1).fit(y)
    assert bool(one_year_ok.params_.loc["total", "seasonal"])


def test_edge_cases_zero_constant_and_falling():
    zero = F.TrendSeasonal().fit(pd.Series(0.0, index=_months(30)))
    assert np.isnan(zero.params_.loc["total", "r"])
    assert not bool(zero.params_.loc["total", "seasonal"])
    assert (zero.predict(6)["total"] == 0).all()
    const = F.TrendSeasonal().fit(pd.Series(50.0, index=_months(30)))
    assert const.predict(3)["total"].tolist() == pytest.approx([50.0] * 3)
    falling = F.TrendSeasonal().fit(pd.Series([30.0, 20.0, 10.0], index=_months(3)))
    assert falling.predict(3)["total"].tolist() == [0.0, 0.0, 0.0]  # floored at 0


def test_fit_validation():
    with pytest.raises(ValueError, match="at least 2 complete months"):
        F.TrendSeasonal().fit(pd.Series([1.0], index=_months(1)))
    gappy = pd.Series([1.0, 2.0, 3.0], index=pd.to_datetime(["2024-01-01", "2024-02-01",
                                                             "2024-04-01"]))
    with pytest.raises(ValueError, match="without gaps"):
        F.TrendSeasonal().fit(gappy)
    with pytest.raises(ValueError, match="missing"):
        F.TrendSeasonal().fit(pd.Series([1.0, np.nan], index=_months(2)))
    with pytest.raises(ValueError, match="indexed by month"):
        F.TrendSeasonal().fit(pd.Series([1.0, 2.0]))
    with pytest.raises(ValueError, match="method"):
        F.TrendSeasonal(method="holt").fit(pd.Series([1.0, 2.0], index=_months(2)))
    m = F.TrendSeasonal().fit(pd.Series([1.0, 2.0], index=_months(2)))
    with pytest.raises(ValueError, match="between 1 and"):
        m.predict(0)
    with pytest.raises(ValueError, match="fit the model"):
        F.TrendSeasonal().predict(3)


def test_groups_are_fitted_independently():
    months = _months(30)
    frame = pd.DataFrame({
        "Alice": [100 + 3 * t for t in range(30)],
        "Bruno": [200 * SEASON[m.month - 1] for m in months],
    }, index=months, dtype="float64")
    m = F.TrendSeasonal().fit(frame)
    alone = F.TrendSeasonal().fit(frame["Bruno"])
    pd.testing.assert_series_equal(m.predict(6)["Bruno"], alone.predict(6)["Bruno"])
    assert m.params_.loc["Alice", "slope"] == pytest.approx(3.0)
    comp = m.components(6)
    assert set(comp["kind"]) == {"history", "forecast"}
    assert len(comp) == 2 * (30 + 6)
    hist = comp[(comp["kind"] == "history") & (comp["group"] == "Alice")]
    assert hist["actual"].tolist() == frame["Alice"].tolist()
    fut = comp[(comp["kind"] == "forecast") & (comp["group"] == "Bruno")]
    assert fut["model"].to_numpy() == pytest.approx(m.predict(6)["Bruno"].to_numpy())
    assert fut["model"].to_numpy() == pytest.approx(
        np.maximum(fut["trend"] * fut["coefficient"], 0).to_numpy())


# --------------------------------------------------------------------------- accuracy
def test_mape_and_wape_by_hand():
    assert F.mape([100, 200, 0], [110, 180, 5]) == pytest.approx(0.1)  # (0.1 + 0.1) / 2
    assert F.wape([100, 200, 0], [110, 180, 5]) == pytest.approx(35 / 300)
    assert np.isnan(F.mape([0, 0], [1, 2]))
    assert np.isnan(F.wape([0, 0], [1, 2]))


def test_naive_seasonal():
    y = pd.Series(np.arange(1.0, 15.0), index=_months(14))  # 14 months
    nv = F.naive_seasonal(y, 14)["total"]
    # month 15 repeats month 3, ..., month 26 repeats month 14, 27-28 repeat 15-16 -> 3, 4
    assert nv.tolist()[:12] == list(np.arange(3.0, 15.0))
    assert nv.tolist()[12:] == [3.0, 4.0]
    short = pd.Series([5.0, 7.0], index=_months(2))
    assert F.naive_seasonal(short, 3)["total"].tolist() == [7.0, 7.0, 7.0]


def test_backtest_holds_out_the_last_months():
    months = _months(36)
    y = pd.Series([(300 + 5 * t) * SEASON[m.month - 1] for t, m in enumerate(months)],
                  index=months)
    bt = F.backtest(y, holdout=6)
    assert bt.detail["month"].tolist() == list(months[-6:])
    assert bt.detail["actual"].tolist() == y.iloc[-6:].tolist()
    # naive = same month one year earlier, taken from the training months
    assert bt.detail["naive"].tolist() == y.iloc[-18:-12].tolist()
    s = bt.scores.loc["total"]
    assert s["n_months"] == 6
    assert s["mape"] < s["mape_naive"]  # a trending series beats "same as last year"
    assert s["mape_naive"] == pytest.approx(
        F.mape(y.iloc[-6:], y.iloc[-18:-12].to_numpy()))
    # the forecast part is the model fitted on the first 30 months
    fitted = F.TrendSeasonal().fit(y.iloc[:30]).predict(6)["total"].to_numpy()
    assert bt.detail["forecast"].to_numpy() == pytest.approx(fitted)


def test_backtest_groups_and_total():
    months = _months(30)
    frame = pd.DataFrame({"a": np.linspace(10, 40, 30), "b": np.linspace(50, 20, 30)},
                         index=months)
    bt = F.backtest(frame, holdout=6)
    assert bt.scores.index.tolist() == ["a", "b", "total"]
    tot = bt.detail[bt.detail["group"] == "total"]
    assert tot["actual"].to_numpy() == pytest.approx(np.full(6, 60.0))
    with pytest.raises(ValueError, match="at least 8 months"):
        F.backtest(frame.iloc[:7], holdout=6)
    # a history that already carries its total is not summed twice
    with_total = frame.assign(total=frame.sum(axis=1))
    bt2 = F.backtest(with_total, holdout=6)
    tot2 = bt2.detail[bt2.detail["group"] == "total"]
    assert tot2["actual"].to_numpy() == pytest.approx(np.full(6, 60.0))


def test_compare_aggregation():
    months = _months(18)  # < 2 years: no seasonality, trends are additive
    frame = pd.DataFrame({"a": np.linspace(10, 40, 18), "b": np.linspace(50, 30, 18)},
                         index=months)
    out = F.compare_aggregation(frame, 6)
    assert out["sum_of_groups"].to_numpy() == pytest.approx(out["global"].to_numpy())
    assert out["gap"].abs().max() < 1e-9
    floored = F.compare_aggregation(pd.DataFrame({"a": np.arange(12.0),
                                                  "b": np.arange(12.0, 0, -1)},
                                                 index=_months(12)), 2)
    assert floored["gap"].tolist() == pytest.approx([0.0, 1.0])


# --------------------------------------------------------------------------- data
def test_last_complete_month():
    assert F.last_complete_month("2024-02-29") == pd.Timestamp("2024-02-01")
    assert F.last_complete_month("2024-02-28") == pd.Timestamp("2024-01-01")
    # August 31, 2024 is a Saturday: the month is complete on Friday 30th
    assert F.last_complete_month("2024-08-30") == pd.Timestamp("2024-08-01")
    assert F.last_complete_month("2024-08-29") == pd.Timestamp("2024-07-01")
    assert F.last_complete_month("2024-09-01") == pd.Timestamp("2024-08-01")
    assert F.last_complete_month("2024-12-31 15:00") == pd.Timestamp("2024-12-01")
    with pytest.raises(ValueError, match="not a date"):
        F.last_complete_month("soon")


def test_monthly_series(tiny_transactions, tiny_customers):
    total = F.monthly_series(tiny_transactions, "2024-06-30")
    assert total.index[0] == pd.Timestamp("2022-05-01")
    assert total.index[-1] == pd.Timestamp("2024-06-01")
    assert len(total) == 26 and total.columns.tolist() == ["total"]
    assert total.loc["2024-01-01", "total"] == 150.0
    assert total.loc["2024-03-01", "total"] == 50.0  # 80 - 30 credit note
    assert total.loc["2023-01-01", "total"] == 0.0  # empty month
    # June is not complete on Thursday 2024-06-27: it is left out
    assert F.monthly_series(tiny_transactions, "2024-06-27").index[-1] == pd.Timestamp(
        "2024-05-01")
    by_rep = F.monthly_series(tiny_transactions, "2024-06-30", by="sales_rep",
                              customers=tiny_customers, months=12)
    assert by_rep.columns.tolist() == ["Alice", "Bruno"] and len(by_rep) == 12
    assert by_rep.sum().to_dict() == {"Alice": 350.0, "Bruno": 50.0}
    by_family = F.monthly_series(tiny_transactions, "2024-06-30", by="family")
    assert by_family.sum(axis=1).equals(total["total"])


def test_monthly_series_missing_group_and_empty(tiny_transactions):
    tx = tiny_transactions.assign(family=[None, "Vis", "Outils", "Peinture", "Peinture",
                                          "Outils"])
    out = F.monthly_series(tx, "2024-06-30", by="family")
    assert "(none)" in out.columns and out["(none)"].sum() == 100.0
    empty = F.monthly_series(tiny_transactions.iloc[:0], "2024-06-30")
    assert empty.empty
    with pytest.raises(ValueError, match="not numeric"):
        F.monthly_series(tiny_transactions, "2024-06-30", value="family")
    with pytest.raises(ValueError, match="no column 'margin'"):
        F.monthly_series(tiny_transactions.drop(columns="margin"), "2024-06-30",
                         value="margin")


def test_end_to_end_on_transactions(tiny_transactions):
    hist = F.monthly_series(tiny_transactions, "2024-06-30")
    model = F.TrendSeasonal().fit(hist)
    fc = model.predict(12)
    assert len(fc) == 12 and (fc["total"] >= 0).all()
    bt = F.backtest(hist, holdout=6)
    assert len(bt.detail) == 6


# --------------------------------------------------------------------------- properties
@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=1e6), min_size=2, max_size=60),
    st.sampled_from(F.METHODS),
    st.integers(min_value=1, max_value=F.MAX_HORIZON),
)
def test_property_coefficients_average_one_and_forecasts_non_negative(values, method, h):
    y = pd.Series(values, index=_months(len(values)))
    m = F.TrendSeasonal(method=method).fit(y)
    assert m.coefficients_["total"].mean() == pytest.approx(1.0, abs=1e-9)
    assert (m.coefficients_["total"] >= 0).all()
    fc = m.predict(h)
    assert len(fc) == h and (fc["total"] >= 0).all() and fc["total"].notna().all()
    r = m.params_.loc["total", "r"]
    assert np.isnan(r) or -1 <= r <= 1


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=0.1, max_value=1e4), st.floats(min_value=-5, max_value=50),
       st.integers(min_value=2, max_value=48))
def test_property_exact_line_is_recovered(b, a, n):
    y = pd.Series([b + a * t for t in range(1, n + 1)], index=_months(n))
    m = F.TrendSeasonal().fit(y)
    assert m.params_.loc["total", "slope"] == pytest.approx(a, abs=1e-6 * (abs(a) + b))
    assert m.params_.loc["total", "intercept"] == pytest.approx(b, rel=1e-6, abs=1e-6)
