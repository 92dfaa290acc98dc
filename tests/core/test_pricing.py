"""core.pricing on hand-computed examples, edge cases and properties."""

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.pricing import (
    DEFAULT_ELASTICITY,
    ELASTICITY_SOURCE,
    PriceScenario,
    break_even,
    break_even_chart_data,
    discount_break_even,
    price_change,
    volume_ratio,
    volume_to_keep_margin,
)
from core.risk import scenario_from_dict

AS_OF = "2024-06-30"


@pytest.fixture
def lines():
    # X: 100 units for 1000 EUR, margin 250 (25 %); Y: 50 units for 500 EUR, margin 100;
    # one line of X is older than 12 months (ignored)
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "C1", "C3"],
        "date": pd.to_datetime(["2024-05-01", "2024-02-01", "2024-03-01", "2023-01-01"]),
        "family": ["X", "X", "Y", "X"],
        "quantity": [60.0, 40.0, 50.0, 999.0],
        "amount": [600.0, 400.0, 500.0, 9999.0],
        "margin": [150.0, 100.0, 100.0, 999.0],
    })


def test_volume_ratio_models():
    assert volume_ratio(0.05, -2.0) == pytest.approx(0.9)
    assert volume_ratio(0.05, -2.0, "constant") == pytest.approx(1.05 ** -2)
    assert volume_ratio(0.80, -2.0) == 0.0  # linear demand floored at zero
    with pytest.raises(ValueError, match="unknown demand model"):
        volume_ratio(0.05, -2.0, "log")
    with pytest.raises(ValueError, match="100 %"):
        volume_ratio(-1.0, -2.0)


def test_keep_margin_and_discount_break_even():
    # +5 % at 25 % margin: unit margin 0.30, volume may fall to 25/30 -> -16.7 %
    assert volume_to_keep_margin(0.05, 0.25) == pytest.approx(-0.05 / 0.30)
    # a 10 % discount at 30 % margin needs 10 / 20 = +50 % volume
    assert discount_break_even(0.10, 0.30) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="at a loss"):
        discount_break_even(0.30, 0.30)


def test_break_even_hand_computed():
    b = break_even(fixed_costs=30_000, revenue=200_000, variable_costs=120_000)
    assert b["variable_margin_rate"] == pytest.approx(0.4)
    assert b["break_even_revenue"] == pytest.approx(75_000)
    assert b["safety_margin"] == pytest.approx(125_000)
    assert b["safety_index"] == pytest.approx(0.625)
    assert b["break_even_day"] == pytest.approx(135.0)  # 75/200 x 360
    assert b["result"] == pytest.approx(50_000)
    with pytest.raises(ValueError, match="no break-even"):
        break_even(10, 100, 100)
    with pytest.raises(ValueError, match="positive revenue"):
        break_even(10, 0, 0)


def test_break_even_chart_crosses_at_break_even():
    d = break_even_chart_data(30_000, 200_000, 120_000, points=101)
    assert d["revenue"].iloc[0] == 0 and d["revenue"].iloc[-1] == pytest.approx(300_000)
    i = (d["result"] >= 0).idxmax()
    assert d["revenue"].iloc[i - 1] < 75_000 <= d["revenue"].iloc[i]


def test_price_change_hand_computed(lines):
    s = PriceScenario(change_pct=0.10, elasticity=-1.5, by="family", selected=["X"])
    res = price_change(lines, AS_OF, s)
    t = res.table.set_index("group")
    # X: volume x (1 - 0.15) = 85 units, revenue 1000 x 1.1 x 0.85 = 935,
    # cost 750 x 0.85 = 637.5, margin 297.5
    assert t.loc["X", "volume_before"] == 100 and t.loc["X", "volume_after"] == pytest.approx(85)
    assert t.loc["X", "revenue_after"] == pytest.approx(935.0)
    assert t.loc["X", "margin_after"] == pytest.approx(297.5)
    assert t.loc["X", "volume_to_keep_margin"] == pytest.approx(-0.10 / 0.35)
    assert t.loc["Y", "revenue_after"] == 500.0 and not t.loc["Y", "selected"]
    sm = res.summary
    assert sm["revenue_before"] == 1500.0 and sm["revenue_after"] == pytest.approx(1435.0)
    assert sm["margin_change"] == pytest.approx(47.5)
    assert sm["selected_revenue_share"] == pytest.approx(1000 / 1500)


def test_price_change_by_customer_class_and_without_quantity(lines):
    no_qty = lines.drop(columns=["quantity", "family"])
    classes = {"C1": "A", "C2": "B"}
    s = PriceScenario(change_pct=-0.05, elasticity=-2.0, by="class", selected=["A"])
    t = price_change(no_qty, AS_OF, s, segments=classes).table.set_index("group")
    assert set(t.index) == {"A", "B"}
    assert t.loc["A", "volume_before"] == 100.0  # volume as an index without quantities
    assert t.loc["A", "volume_after"] == pytest.approx(110.0)
    assert t.loc["A", "revenue_after"] == pytest.approx(1100 * 0.95 * 1.1)


def test_price_change_needs_margin_or_rate(lines):
    no_margin = lines.drop(columns="margin")
    s = PriceScenario(change_pct=0.05)
    with pytest.raises(ValueError, match="no margin"):
        price_change(no_margin, AS_OF, s)
    res = price_change(no_margin, AS_OF, s, margin_rate=0.3)
    assert res.summary["margin_before"] == pytest.approx(450.0)
    with pytest.raises(ValueError, match="no column 'segment'"):
        price_change(lines, AS_OF, PriceScenario(by="segment"))
    with pytest.raises(ValueError, match="no sales"):
        price_change(lines, "2020-01-01", s)


def test_default_elasticity_is_stated_and_scenario_round_trips():
    assert DEFAULT_ELASTICITY < 0 and "2005" in ELASTICITY_SOURCE
    s = PriceScenario(name="hausse 3 %", change_pct=0.03, selected=["X", "Y"], model="constant")
    back = scenario_from_dict(json.loads(json.dumps(s.to_dict())))
    assert back == s


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.5, 0.5), st.floats(0.05, 0.6))
def test_elasticity_zero_leaves_volume_unchanged(p, m):
    tx = pd.DataFrame({"customer_id": ["C1", "C2"], "date": pd.to_datetime(["2024-06-01"] * 2),
                       "family": ["X", "Y"], "quantity": [10.0, 5.0],
                       "amount": [100.0, 80.0]})
    tx["margin"] = tx["amount"] * m
    res = price_change(tx, AS_OF, PriceScenario(change_pct=p, elasticity=0.0))
    t = res.table
    assert np.allclose(t["volume_after"], t["volume_before"])
    assert np.allclose(t["revenue_after"], t["revenue_before"] * (1 + p))


@settings(max_examples=60, deadline=None)
@given(st.floats(-0.2, 0.5), st.floats(0.25, 0.6))
def test_margin_neutral_volume_keeps_margin(p, m):
    if abs(p) < 1e-3:
        return
    keep = volume_to_keep_margin(p, m)
    tx = pd.DataFrame({"customer_id": ["C1"], "date": pd.to_datetime(["2024-06-01"]),
                       "family": ["X"], "amount": [1000.0], "margin": [1000.0 * m]})
    # elasticity that produces exactly the margin-neutral volume (linear model)
    res = price_change(tx, AS_OF, PriceScenario(change_pct=p, elasticity=keep / p))
    assert res.summary["margin_after"] == pytest.approx(res.summary["margin_before"])


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1e6), st.floats(1, 1e7), st.floats(0.01, 0.99))
def test_break_even_formula_holds(fc, revenue, vc_rate):
    b = break_even(fc, revenue, revenue * vc_rate)
    # at the break-even revenue the variable margin exactly covers the fixed costs
    assert b["break_even_revenue"] * b["variable_margin_rate"] == pytest.approx(fc, abs=1e-6)
    assert (b["result"] >= -1e-6) == (revenue >= b["break_even_revenue"] - 1e-6)
