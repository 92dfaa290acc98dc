"""Tests of core.clv: simple CLV, retention, the BG/NBD and Gamma-Gamma models.

The CDNOW reference figures (Fader, Hardie & Lee 2005) are checked on the data files that
ship inside the ``lifetimes`` package (requirements-dev.txt); the package itself is never
imported, only located, and its files are read directly.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

from core import clv
from core.clv import (
    BetaGeoModel,
    GammaGammaModel,
    calibration_chart_data,
    calibration_holdout,
    clv_summary,
    customer_equity,
    expected_clv,
    fit_bgnbd,
    fit_gamma_gamma,
    retention_rate,
    retention_table,
    retention_what_if,
    simple_clv,
    simple_clv_table,
)
from core.schema import empty_table

CDNOW_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
CDNOW_GG = {"p": 6.25, "q": 3.74, "v": 15.44}


def _datasets_dir() -> Path | None:
    spec = importlib.util.find_spec("lifetimes")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "datasets"
    return path if (path / "cdnow_customers_summary_with_transactions.csv").exists() else None


DATASETS = _datasets_dir()
needs_cdnow = pytest.mark.skipif(DATASETS is None, reason="the lifetimes package (CDNOW "
                                 "data files) is not installed: pip install -r "
                                 "requirements-dev.txt")


@pytest.fixture(scope="module")
def cdnow_summary() -> pd.DataFrame:
    """The published 39-week calibration summary of the 2,357-customer CDNOW sample."""
    frame = pd.read_csv(DATASETS / "cdnow_customers_summary_with_transactions.csv",
                        dtype={"ID": "str"})
    return frame.rename(columns={"ID": "customer_id", "x": "frequency", "t_x": "recency",
                                 "zbar": "monetary_value"})


@pytest.fixture(scope="module")
def cdnow_lines() -> pd.DataFrame:
    """The CDNOW sample's purchase lines as canonical transactions."""
    frame = pd.read_csv(DATASETS / "CDNOW_sample.txt", sep=r"\s+", header=None,
                        names=["master_id", "customer_id", "date", "quantity", "amount"],
                        dtype={"customer_id": "str", "date": "str"})
    frame["customer_id"] = frame["customer_id"].str.lstrip("0")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y%m%d")
    return frame[["customer_id", "date", "quantity", "amount"]]


def sig3(x: float) -> str:
    return f"{x:.3g}"


# -- CDNOW reference ---------------------------------------------------------------------
@needs_cdnow
def test_bgnbd_reproduces_cdnow(cdnow_summary):
    m = fit_bgnbd(cdnow_summary["frequency"], cdnow_summary["recency"], cdnow_summary["T"])
    for k, ref in CDNOW_BGNBD.items():
        assert sig3(m.params_[k]) == sig3(ref), (k, m.params_[k])
    assert m.log_likelihood_ == pytest.approx(-9582.4, abs=0.1)
    assert m.n_customers_ == 2357
    assert m.n_rows_ < 2357  # identical rows were merged
    assert m.converged_


@needs_cdnow
def test_gamma_gamma_reproduces_cdnow(cdnow_summary):
    m = fit_gamma_gamma(cdnow_summary["frequency"], cdnow_summary["monetary_value"])
    for k, ref in CDNOW_GG.items():
        assert sig3(m.params_[k]) == sig3(ref), (k, m.params_[k])
    assert m.n_customers_ == int((cdnow_summary["frequency"] > 0).sum()) == 946


@needs_cdnow
def test_summary_from_cdnow_lines_matches_published_summary(cdnow_lines, cdnow_summary):
    s = clv_summary(cdnow_lines, "1997-09-30", unit_days=7).set_index("customer_id")
    ref = cdnow_summary.set_index("customer_id")
    # 8 customers whose only purchase is a zero-dollar line have no purchase day here
    zero_only = set(ref.index) - set(s.index)
    assert len(zero_only) == 8
    assert (cdnow_lines.loc[cdnow_lines["customer_id"].isin(zero_only), "amount"] == 0).all()
    ref = ref.drop(index=list(zero_only))
    got = s.loc[ref.index]
    assert (got["frequency"] == ref["frequency"]).all()
    np.testing.assert_allclose(got["recency"], ref["recency"], atol=0.005)
    np.testing.assert_allclose(got["T"], ref["T"], atol=0.005)
    np.testing.assert_allclose(got["monetary_value"], ref["monetary_value"], atol=0.005)


@needs_cdnow
def test_cdnow_calibration_chart(cdnow_lines):
    ch = calibration_holdout(cdnow_lines, "1997-09-30", "1998-06-30", unit_days=7)
    assert len(ch) == 2349
    assert ch["duration_holdout"].iloc[0] == pytest.approx(273 / 7)
    m = fit_bgnbd(ch["frequency_cal"], ch["recency_cal"], ch["T_cal"])
    chart = calibration_chart_data(m, ch, max_frequency=7)
    assert chart["group"].tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert chart["customers"].sum() == 2349
    total_actual = (chart["actual"] * chart["customers"]).sum()
    assert total_actual == ch["frequency_holdout"].sum()
    # the model tracks the holdout: predictions grow with past frequency, and the
    # customers with no repeat purchase buy about 0.23 times in the next 39 weeks
    assert chart["predicted"].is_monotonic_increasing
    assert chart.loc[0, "predicted"] == pytest.approx(chart.loc[0, "actual"], rel=0.1)
    pred = m.expected_purchases(ch["duration_holdout"], ch["frequency_cal"],
                                ch["recency_cal"], ch["T_cal"])
    assert pred.sum() == pytest.approx(ch["frequency_holdout"].sum(), rel=0.15)


@needs_cdnow
def test_fallback_optimiser_when_lbfgs_fails(cdnow_summary, monkeypatch):
    real = optimize.minimize

    def broken(fun, x0, method=None, **kw):
        if method == "L-BFGS-B":
            raise ValueError("simulated failure")
        return real(fun, x0, method=method, **kw)

    monkeypatch.setattr(clv.optimize, "minimize", broken)
    m = fit_bgnbd(cdnow_summary["frequency"], cdnow_summary["recency"], cdnow_summary["T"])
    assert m.optimiser_ in ("Nelder-Mead", "Powell")
    for k, ref in CDNOW_BGNBD.items():
        assert m.params_[k] == pytest.approx(ref, rel=0.01)


# -- BG/NBD by hand ----------------------------------------------------------------------
def hand_loglik(r, alpha, a, b, x, tx, T):
    """FHL (2005) equation 6, written with math only."""
    a1 = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha)
    a2 = (math.lgamma(a + b) + math.lgamma(b + x) - math.lgamma(b) - math.lgamma(a + b + x))
    a3 = -(r + x) * math.log(alpha + T)
    inner = math.exp(a3)
    if x > 0:
        inner += math.exp(math.log(a) - math.log(b + x - 1) - (r + x) * math.log(alpha + tx))
    return a1 + a2 + math.log(inner)


def test_loglik_by_hand():
    m = BetaGeoModel.from_params(r=0.5, alpha=2.0, a=0.8, b=2.5)
    # no repeat purchase: r ln(alpha / (alpha + T))
    assert m.log_likelihood(0, 0.0, 8.0) == pytest.approx(0.5 * math.log(0.2))
    got = m.log_likelihood([0, 2, 5], [0.0, 3.0, 7.5], [8.0, 8.0, 9.0])
    want = [hand_loglik(0.5, 2.0, 0.8, 2.5, x, tx, T)
            for x, tx, T in [(0, 0.0, 8.0), (2, 3.0, 8.0), (5, 7.5, 9.0)]]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_gradient_matches_finite_differences():
    rng = np.random.default_rng(3)
    T = rng.uniform(1, 50, 40)
    x = rng.integers(0, 6, 40).astype(float)
    tx = np.where(x > 0, T * rng.uniform(0.1, 1, 40), 0.0)
    w = rng.integers(1, 4, 40).astype(float)
    u = np.log([0.7, 3.0, 1.3, 2.0])

    def f(v):  # the reference: the plain per-customer formula, weighted mean, negated
        return -(w * clv._bgnbd_loglik(v, x, tx, T)).sum() / w.sum()

    objective = clv._BgnbdObjective(x, tx, T, w)
    value, grad = objective(u)
    assert value == pytest.approx(f(u), rel=1e-12)
    num = optimize.approx_fprime(u, f, 1e-7)
    np.testing.assert_allclose(grad, num, rtol=1e-4, atol=1e-6)
    m = rng.uniform(5, 50, 40)
    xg = x + 1
    ug = np.log([2.0, 3.0, 10.0])
    numg = optimize.approx_fprime(ug, lambda v: w @ clv._gg_loglik(v, xg, m), 1e-7)
    np.testing.assert_allclose(clv._gg_grad(ug, xg, m, w), numg, rtol=1e-4, atol=1e-4)


def test_p_alive_by_hand():
    m = BetaGeoModel.from_params(r=0.5, alpha=2.0, a=0.8, b=2.5)
    # last purchase at the end of the period: 1 / (1 + a / (b + x - 1)) = b / (a + b) for x=1
    assert m.p_alive(1, 10.0, 10.0) == pytest.approx(2.5 / 3.3)
    # x = 2, t_x = 4, T = 10: 1 / (1 + a/(b+1) ((alpha+T)/(alpha+t_x))^(r+2))
    want = 1 / (1 + 0.8 / 3.5 * (12 / 6) ** 2.5)
    assert m.p_alive(2, 4.0, 10.0) == pytest.approx(want)
    assert m.p_alive(0, 0.0, 10.0) == 1.0
    # the longer the silence since the last purchase, the lower the probability
    assert m.p_alive(3, 2.0, 30.0) < m.p_alive(3, 28.0, 30.0)


def test_expected_purchases_against_numerical_integration():
    r, alpha, a, b = 0.6, 3.0, 1.4, 2.2
    m = BetaGeoModel.from_params(r=r, alpha=alpha, a=a, b=b)

    def integral(shape, rate, a_, b_, t):
        # E over lambda ~ Gamma(shape, rate), p ~ Beta(a_, b_) of (1 - exp(-lambda p t)) / p,
        # the lambda integral done in closed form (Laplace transform of the gamma law)
        def f(p):
            return (1 - (rate / (rate + p * t)) ** shape) / p * stats.beta.pdf(p, a_, b_)

        return integrate.quad(f, 0, 1, epsabs=1e-12, epsrel=1e-10, limit=200)[0]

    # a new customer: E[X(t)] (FHL equation 9)
    assert m.expected_purchases_new(10.0) == pytest.approx(integral(r, alpha, a, b, 10.0),
                                                           rel=1e-5)
    # a customer with history (x=3, t_x=20, T=30): P(alive) x posterior expectation
    x, tx, T, t = 3, 20.0, 30.0, 15.0
    want = m.p_alive(x, tx, T) * integral(r + x, alpha + T, a, b + x, t)
    assert m.expected_purchases(t, x, tx, T) == pytest.approx(want, rel=1e-5)


def test_expected_purchases_shapes_and_zero_horizon():
    m = BetaGeoModel.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    assert m.expected_purchases(0, 2, 30.43, 38.86) == 0.0
    out = m.expected_purchases([1.0, 10.0], [2, 2], [30.43, 30.43], [38.86, 38.86])
    assert out.shape == (2,) and out[0] < out[1]
    # a fresh customer (x=0, T=0) expects what the unconditional formula says
    assert m.expected_purchases(10.0, 0, 0.0, 0.0) == pytest.approx(m.expected_purchases_new(10))


def simulate(n, r, alpha, a, b, t_lo, t_hi, seed, whole_days=False):
    """Histories drawn from the BG/NBD process (x capped at the dropout purchase)."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    T = rng.uniform(t_lo, t_hi, n)
    arrivals = rng.poisson(lam * T)
    x = np.minimum(arrivals, rng.geometric(p))
    # the x-th of `arrivals` uniform arrival times on (0, T)
    tx = np.where(x > 0, T * rng.beta(np.maximum(x, 1), arrivals - x + 1), 0.0)
    if whole_days:
        T, tx = np.floor(T), np.minimum(np.floor(tx), np.floor(T))
    return x.astype(float), tx, T


def test_merging_rows_gives_the_same_fit_as_weights():
    x, tx, T = simulate(2000, 0.5, 10.0, 0.8, 2.5, 30, 60, seed=1, whole_days=True)
    rep = np.repeat(np.arange(x.size), 3)
    m3 = fit_bgnbd(x[rep], tx[rep], T[rep])
    mw = fit_bgnbd(x, tx, T, weights=np.full(x.size, 3.0))
    for k in m3.params_:
        assert m3.params_[k] == pytest.approx(mw.params_[k], rel=1e-5)
    assert m3.log_likelihood_ == pytest.approx(mw.log_likelihood_, rel=1e-9)
    assert m3.n_customers_ == 3 * x.size and m3.n_rows_ < x.size


def test_fit_recovers_simulated_parameters():
    true = dict(r=0.8, alpha=6.0, a=0.9, b=3.0)
    x, tx, T = simulate(20_000, *true.values(), 20, 80, seed=7)
    m = fit_bgnbd(x, tx, T)
    assert m.params_["r"] == pytest.approx(true["r"], rel=0.1)
    assert m.params_["alpha"] == pytest.approx(true["alpha"], rel=0.15)
    assert m.params_["a"] == pytest.approx(true["a"], rel=0.25)
    assert m.params_["b"] == pytest.approx(true["b"], rel=0.3)


def test_no_dropout_data_fits_on_the_boundary():
    # data off the model (homogeneous buyers): the likelihood keeps growing as a, b ->
    # infinity with a / (a + b) fixed; the fit must still end on a sensible boundary point
    rng = np.random.default_rng(0)
    T = rng.integers(5, 40, 300).astype(float)
    x = rng.poisson(1.2, 300).astype(float)
    tx = np.where(x > 0, np.floor(T * rng.uniform(0.2, 1, 300)), 0.0)
    m = fit_bgnbd(x, tx, T)
    assert m.converged_ and np.isfinite(m.log_likelihood_)
    assert m.params_["a"] > 1e3 and m.params_["b"] > 1e3  # a common dropout probability
    start = BetaGeoModel.from_params(r=1.0, alpha=10.0, a=1.0, b=3.0)
    assert m.log_likelihood_ > start.log_likelihood(x, tx, T).sum()
    pa = m.p_alive(x, tx, T)
    assert np.all((pa >= 0) & (pa <= 1))


@pytest.mark.parametrize("args, message", [
    (([1, 2], [1.0], [2.0, 3.0]), "same length"),
    (([-1], [0.0], [2.0]), "whole numbers"),
    (([1.5], [1.0], [2.0]), "whole numbers"),
    (([1], [3.0], [2.0]), "between 0 and T"),
    (([0], [1.0], [2.0]), "recency 0"),
    (([0, 0], [0.0, 0.0], [2.0, 3.0]), "bought twice"),
    (([1], [np.nan], [2.0]), "missing"),
    (([], [], []), "no customer"),
])
def test_bgnbd_invalid_inputs(args, message):
    with pytest.raises(ValueError, match=message):
        fit_bgnbd(*args)


def test_unfitted_model_says_so():
    with pytest.raises(ValueError, match="not fitted"):
        BetaGeoModel().p_alive(1, 1.0, 2.0)
    with pytest.raises(ValueError, match="positive"):
        BetaGeoModel.from_params(r=0, alpha=1, a=1, b=1)


@settings(max_examples=60, deadline=None)
@given(r=st.floats(0.05, 5), alpha=st.floats(0.1, 50), a=st.floats(0.05, 5),
       b=st.floats(0.05, 10), x=st.integers(0, 60), T=st.floats(0.0, 200.0),
       frac=st.floats(0.0, 1.0), t=st.floats(0.0, 100.0))
def test_properties_p_alive_and_expected_purchases(r, alpha, a, b, x, T, frac, t):
    m = BetaGeoModel.from_params(r=r, alpha=alpha, a=a, b=b)
    tx = T * frac if x > 0 else 0.0
    pa = m.p_alive(x, tx, T)
    assert 0.0 <= pa <= 1.0
    e1 = m.expected_purchases(t, x, tx, T)
    e2 = m.expected_purchases(t + 1.0, x, tx, T)
    assert np.isfinite(e1) and e1 >= 0.0
    assert e2 >= e1 - 1e-7 * max(1.0, e1)


# -- Gamma-Gamma by hand -----------------------------------------------------------------
def test_gamma_gamma_loglik_and_spend_by_hand():
    p, q, v, x, mx = 2.0, 3.0, 10.0, 2.0, 20.0
    want = (math.lgamma(p * x + q) - math.lgamma(p * x) - math.lgamma(q) + q * math.log(v)
            + (p * x - 1) * math.log(mx) + p * x * math.log(x)
            - (p * x + q) * math.log(x * mx + v))
    assert clv._gg_loglik(np.log([p, q, v]), np.array([x]), np.array([mx]))[0] == \
        pytest.approx(want)
    m = GammaGammaModel.from_params(p=p, q=q, v=v)
    # p (v + x m) / (p x + q - 1) = 2 * 50 / 6
    assert m.expected_average_spend(2, 20.0) == pytest.approx(100 / 6)
    # no repeat purchase: the population mean p v / (q - 1) = 10
    assert m.expected_average_spend(0, 0.0) == pytest.approx(10.0)
    assert m.population_mean_spend() == pytest.approx(10.0)
    assert np.isnan(GammaGammaModel.from_params(p=2, q=0.9, v=10).expected_average_spend(0, 0))


def test_gamma_gamma_validation():
    with pytest.raises(ValueError, match="at least 3"):
        fit_gamma_gamma([1, 2, 0], [10.0, 12.0, 0.0])
    with pytest.raises(ValueError, match="positive"):
        fit_gamma_gamma([1, 2, 3], [10.0, -1.0, 5.0])
    with pytest.raises(ValueError, match="same length"):
        fit_gamma_gamma([1, 2], [10.0])


def test_gamma_gamma_ignores_non_repeat_customers_and_recovers_parameters():
    rng = np.random.default_rng(5)
    n, p, q, v = 3000, 6.0, 4.0, 15.0
    nu = rng.gamma(q, 1 / v, n)
    f = rng.integers(1, 8, n)
    mv = rng.gamma(p * f, 1 / (nu * f))  # mean of f Gamma(p, nu) amounts
    a = fit_gamma_gamma(f, mv)
    b = fit_gamma_gamma(np.r_[f, 0, 0], np.r_[mv, 0.0, 0.0])
    assert a.params_ == pytest.approx(b.params_)
    # p alone is weakly identified; the maximum beats the truth and the mean spend
    # p v / (q - 1) is recovered
    truth = clv._gg_loglik(np.log([p, q, v]), f.astype(float), mv).sum()
    assert a.log_likelihood_ >= truth
    assert a.population_mean_spend() == pytest.approx(p * v / (q - 1), rel=0.05)


# -- summary from sales lines -------------------------------------------------------------
def _tx(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"]).assign(
        date=lambda d: pd.to_datetime(d["date"]))


def test_summary_by_hand():
    tx = _tx([
        ("A", "2024-01-01", 100.0),
        ("A", "2024-01-01", 50.0),   # same day: one purchase of 150
        ("A", "2024-01-11", 40.0),
        ("A", "2024-01-21", 60.0),
        ("A", "2024-01-25", -30.0),  # a credit note alone: no purchase
        ("A", "2024-03-01", 999.0),  # after as_of: ignored
        ("B", "2024-01-20", 80.0),
        ("B", "2024-01-20", -80.0),  # net zero on the day: no purchase
        ("C", "2024-01-30", 10.0),
    ])
    s = clv_summary(tx, "2024-01-31")
    assert s["customer_id"].tolist() == ["A", "C"]
    a = s.iloc[0]
    assert (a["frequency"], a["recency"], a["T"], a["monetary_value"]) == (2, 20.0, 30.0, 50.0)
    c = s.iloc[1]
    assert (c["frequency"], c["recency"], c["T"], c["monetary_value"]) == (0, 0.0, 1.0, 0.0)
    weeks = clv_summary(tx, "2024-01-31", unit_days=7)
    assert weeks.loc[0, "T"] == pytest.approx(30 / 7)


def test_summary_edge_cases():
    empty = clv_summary(empty_table("transactions"), "2024-01-31")
    assert empty.empty and list(empty.columns) == ["customer_id", "frequency", "recency", "T",
                                                   "monetary_value"]
    with pytest.raises(ValueError, match="'amount'"):
        clv_summary(pd.DataFrame({"customer_id": ["A"], "date": [pd.Timestamp("2024-01-01")]}),
                    "2024-01-31")
    with pytest.raises(ValueError, match="time unit"):
        clv_summary(_tx([("A", "2024-01-01", 1.0)]), "2024-01-31", unit_days=0)
    with pytest.raises(ValueError, match="not a date"):
        clv_summary(_tx([("A", "2024-01-01", 1.0)]), "someday")
    # leading zeros of identifiers survive; missing ids are dropped
    tx = _tx([("007", "2024-01-01", 1.0), (None, "2024-01-02", 5.0)])
    assert clv_summary(tx, "2024-01-31")["customer_id"].tolist() == ["007"]


def test_calibration_holdout_by_hand():
    tx = _tx([("A", "2024-01-01", 10.0), ("A", "2024-01-10", 20.0), ("A", "2024-02-05", 40.0),
              ("A", "2024-02-07", 60.0), ("B", "2024-02-01", 5.0), ("C", "2024-01-20", 7.0)])
    ch = calibration_holdout(tx, "2024-01-31", "2024-02-29")
    assert ch["customer_id"].tolist() == ["A", "C"]  # B starts in the holdout
    a = ch.iloc[0]
    assert a["frequency_cal"] == 1 and a["recency_cal"] == 9.0 and a["T_cal"] == 30.0
    assert a["frequency_holdout"] == 2 and a["monetary_value_holdout"] == 50.0
    assert ch.iloc[1]["frequency_holdout"] == 0
    assert (ch["duration_holdout"] == 29.0).all()
    with pytest.raises(ValueError, match="before"):
        calibration_holdout(tx, "2024-02-29", "2024-01-31")


# -- simple CLV, retention, equity -------------------------------------------------------
def test_simple_clv_formula():
    assert simple_clv(1000.0, 0.8, 0.1) == pytest.approx(1000 * 0.8 / 0.3)
    # finite horizon: 1000 (0.8/1.1 + (0.8/1.1)^2)
    assert simple_clv(1000.0, 0.8, 0.1, years=2) == pytest.approx(
        1000 * (0.8 / 1.1 + (0.8 / 1.1) ** 2))
    assert simple_clv(1000.0, 1.0, 0.0, years=3) == pytest.approx(3000.0)
    assert simple_clv(1000.0, 0.0, 0.1) == 0.0
    np.testing.assert_allclose(simple_clv([100.0, 200.0], [0.5, 0.5], 0.0), [100.0, 200.0])
    # the finite sum tends to the closed form
    assert simple_clv(500.0, 0.7, 0.08, years=400) == pytest.approx(simple_clv(500.0, 0.7, 0.08))
    with pytest.raises(ValueError, match="infinite"):
        simple_clv(1000.0, 1.0, 0.0)
    with pytest.raises(ValueError, match="retention"):
        simple_clv(1000.0, 1.2, 0.1)
    with pytest.raises(ValueError, match="discount"):
        simple_clv(1000.0, 0.5, -0.1)


def test_retention_and_equity():
    tx = _tx([("A", "2023-03-01", 1.0), ("A", "2024-03-01", 1.0), ("B", "2023-05-01", 1.0),
              ("C", "2024-05-01", 1.0), ("D", "2023-01-15", 1.0), ("D", "2024-02-01", -1.0),
              ("E", "2022-01-01", 1.0)])
    # previous year active: A, B, D; still active (positive purchase): A only
    assert retention_rate(tx, "2024-06-30") == pytest.approx(1 / 3)
    table = retention_table(tx, "2024-06-30", pd.Series({"A": "x", "B": "x", "D": "y"}))
    assert table["group"].tolist() == ["(none)", "x", "y"]
    assert table["active_prev"].tolist() == [0, 2, 1]
    assert table.loc[1, "retention"] == 0.5 and np.isnan(table.loc[0, "retention"])
    with pytest.raises(ValueError, match="by hand"):
        retention_rate(tx, "2022-06-30")
    assert customer_equity([]) == 0.0
    assert customer_equity(pd.Series([1.0, 2.0, np.nan])) == 3.0


def test_simple_clv_table_and_what_if():
    f = pd.DataFrame({"customer_id": ["A", "B", "C"], "revenue_12m": [1000.0, 2000.0, 0.0],
                      "margin_12m": [300.0, 100.0, 0.0]})
    t = simple_clv_table(f, 0.5, discount=0.0)
    assert t["customer_id"].tolist() == ["A", "B"]
    assert t["clv"].tolist() == [300.0, 100.0]
    t2 = simple_clv_table(f, 0.5, discount=0.0, margin_rate=0.1)
    assert t2["clv"].tolist() == [200.0, 100.0]
    groups = pd.Series({"A": "g1", "B": "g2"})
    t3 = simple_clv_table(f, {"g1": 0.5, "g2": 0.0}, discount=0.0, groups=groups)
    assert t3.set_index("customer_id")["clv"].to_dict() == {"A": 300.0, "B": 0.0}
    with pytest.raises(ValueError, match="g2"):
        simple_clv_table(f, {"g1": 0.5}, groups=groups)
    with pytest.raises(ValueError, match="groups"):
        simple_clv_table(f, {"g1": 0.5})
    # "5 % less churn": r 0.75 -> 0.80 with d = 10 %: 1000*0.75/0.35 -> 1000*0.8/0.3
    w = retention_what_if([1000.0, 1000.0], 0.75, 0.10, 0.05)
    assert w["equity"] == pytest.approx(2 * 1000 * 0.75 / 0.35)
    assert w["equity_after"] == pytest.approx(2 * 1000 * 0.8 / 0.3)
    assert w["change_pct"] == pytest.approx((0.8 / 0.3) / (0.75 / 0.35) - 1)
    assert retention_what_if([100.0], 0.99, 0.0, 0.05)["retention_after"] < 1.0


def test_expected_clv_discounting():
    bg = BetaGeoModel.from_params(r=0.243, alpha=4.414, a=0.793, b=2.426)
    gg = GammaGammaModel.from_params(p=6.25, q=3.74, v=15.44)
    s = pd.DataFrame({"customer_id": ["1", "2"], "frequency": [2, 0], "recency": [30.43, 0.0],
                      "T": [38.86, 38.86], "monetary_value": [22.35, 0.0]})
    flat = expected_clv(bg, gg, s, horizon_months=12, annual_discount=0.0, margin_rate=0.5,
                        unit_days=7).set_index("customer_id")
    t_year = 12 * clv.DAYS_PER_MONTH / 7
    want = 0.5 * gg.expected_average_spend(2, 22.35) * bg.expected_purchases(
        t_year, 2, 30.43, 38.86)
    assert flat.loc["1", "clv"] == pytest.approx(want)
    assert flat.loc["1", "expected_purchases"] == pytest.approx(
        bg.expected_purchases(t_year, 2, 30.43, 38.86))
    disc = expected_clv(bg, gg, s, annual_discount=0.2, margin_rate=0.5,
                        unit_days=7).set_index("customer_id")
    assert (disc["clv"] < flat["clv"]).all()
    assert disc["clv"].iloc[0] >= disc["clv"].iloc[1]
    with pytest.raises(ValueError, match="horizon"):
        expected_clv(bg, gg, s, horizon_months=0)
    with pytest.raises(ValueError, match="lacks"):
        expected_clv(bg, gg, s.drop(columns="T"))
