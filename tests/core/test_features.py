"""customer_features, portfolio_kpis, monthly_sales, top_customers on hand-made tables."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.features import (
    customer_features,
    monthly_sales,
    portfolio_kpis,
    top_customers,
)

AS_OF = "2024-12-31"


def tx(rows):
    cols = ["invoice_id", "customer_id", "date", "amount", "margin", "family"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


@pytest.fixture
def small():
    # C1: two orders in the last 12 months (one with two lines), one the year before
    # C2: one order 13 months ago and a credit note 2 months ago
    # C3: a line after the reference date only (ignored)
    return tx([
        ("F1", "C1", "2024-11-30", 100.0, 30.0, "A"),
        ("F1", "C1", "2024-11-30", 50.0, 10.0, "B"),
        ("F2", "C1", "2024-03-01", 200.0, 60.0, "A"),
        ("F3", "C1", "2023-06-15", 80.0, 20.0, "A"),
        ("F4", "C2", "2023-11-30", 300.0, 90.0, "C"),
        ("AV1", "C2", "2024-10-31", -40.0, -12.0, "C"),
        ("F5", "C3", "2025-01-05", 999.0, 1.0, "A"),
    ])


def test_customer_features_hand_computed(small):
    f = customer_features(small, AS_OF).set_index("customer_id")
    assert list(f.index) == ["C1", "C2"]  # C3 bought after the reference date
    c1, c2 = f.loc["C1"], f.loc["C2"]
    assert c1.frequency == 3 and c1.monetary == 430.0 and c1.margin == 120.0
    assert c1.revenue_12m == 350.0 and c1.revenue_prev_12m == 80.0 and c1.orders_12m == 2
    assert c1.recency_days == 31 and c1.n_families == 2
    assert c1.avg_basket == pytest.approx(430.0 / 3)
    assert c1.first_purchase == pd.Timestamp("2023-06-15")
    # the credit note is not an order and not a purchase date, but reduces revenue
    assert c2.frequency == 1 and c2.last_purchase == pd.Timestamp("2023-11-30")
    assert c2.monetary == 260.0 and c2.revenue_12m == -40.0 and c2.revenue_prev_12m == 300.0
    assert c2.recency_days == 397 and c2.orders_12m == 0


def test_prospects_kept_with_zeros(small):
    customers = pd.DataFrame({"customer_id": ["C1", "C2", "P1"]})
    f = customer_features(small, AS_OF, customers=customers).set_index("customer_id")
    assert "P1" in f.index
    assert f.loc["P1", "frequency"] == 0 and f.loc["P1", "monetary"] == 0.0
    assert pd.isna(f.loc["P1", "last_purchase"]) and np.isnan(f.loc["P1", "recency_days"])


def test_without_invoice_id_one_order_per_customer_day(small):
    f = customer_features(small.drop(columns=["invoice_id"]), AS_OF).set_index("customer_id")
    assert f.loc["C1", "frequency"] == 3


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="'amount'"):
        customer_features(pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp(0)]}), AS_OF)
    with pytest.raises(ValueError, match="not a date"):
        customer_features(tx([]), "31/31/2024")


def test_empty_table():
    f = customer_features(tx([]), AS_OF)
    assert len(f) == 0 and "recency_days" in f.columns


def test_kpis_hand_computed(small):
    k = portfolio_kpis(small, AS_OF, customers=pd.DataFrame({"customer_id": ["C1", "C2", "P1"]}))
    assert k["n_customers"] == 2 and k["n_prospects"] == 1
    assert k["active_customers"] == 1 and k["active_customers_prev"] == 2
    assert k["revenue_12m"] == 310.0 and k["revenue_prev_12m"] == 380.0
    assert k["margin_12m"] == 88.0 and k["margin_rate_12m"] == pytest.approx(88 / 310)
    assert k["orders_12m"] == 2 and k["avg_basket_12m"] == 175.0
    assert k["credit_notes_12m"] == 1 and k["credit_notes_amount_12m"] == -40.0


def test_monthly_sales_fills_gaps(small):
    m = monthly_sales(small, AS_OF, months=24)
    assert len(m) == 24 and m["month"].iloc[-1] == pd.Timestamp("2024-12-01")
    assert m.loc[m["month"] == "2024-11-01", "revenue"].item() == 150.0
    assert m.loc[m["month"] == "2024-10-01", "orders"].item() == 0
    assert m["revenue"].sum() == pytest.approx(150 + 200 + 80 + 300 - 40)


def test_top_customers_share(small):
    f = customer_features(small, AS_OF)
    top = top_customers(f, n=1, customers=pd.DataFrame({"customer_id": ["C1"], "name": ["Alpha"]}))
    assert top.loc[0, "customer_id"] == "C1" and top.loc[0, "name"] == "Alpha"
    assert top.loc[0, "share"] == pytest.approx(350 / 310)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 900),
                          st.floats(-100, 1000, allow_nan=False)), min_size=1, max_size=60))
def test_totals_match_pandas(rows):
    frame = pd.DataFrame(rows, columns=["c", "d", "amount"])
    frame["customer_id"] = "C" + frame["c"].astype(str)
    frame["invoice_id"] = "F" + frame.index.astype(str)
    frame["date"] = pd.Timestamp("2022-01-01") + pd.to_timedelta(frame["d"], unit="D")
    f = customer_features(frame, "2024-06-30")
    assert f["monetary"].sum() == pytest.approx(frame["amount"].sum(), abs=1e-6)
    assert f["frequency"].sum() == (frame["amount"] > 0).sum()
    assert set(f["customer_id"]) == set(frame["customer_id"])


def test_many_families_fall_back_to_exact_distinct_count():
    n = 70  # more families than the 63-bit fast path holds
    frame = tx([(f"F{i}", "C1" if i % 2 else "C2", "2024-05-01", 10.0, 1.0, f"fam'{i}")
                for i in range(n)])
    f = customer_features(frame, AS_OF).set_index("customer_id")
    assert f.loc["C1", "n_families"] == 35 and f.loc["C2", "n_families"] == 35
    few = customer_features(frame.iloc[:10], AS_OF).set_index("customer_id")
    assert few.loc["C1", "n_families"] == 5


def test_invoice_ids_with_gaps_count_days():
    frame = tx([("F1", "C1", "2024-05-01", 10.0, 1.0, "A"),
                (None, "C1", "2024-05-02", 10.0, 1.0, "A"),
                (None, "C1", "2024-05-02", 5.0, 1.0, "A")])
    assert customer_features(frame, AS_OF).loc[0, "frequency"] == 2
