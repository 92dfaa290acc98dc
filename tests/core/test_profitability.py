"""Tests of core.profitability: client P&L, contact devourers, acquisition, penetration."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.profitability import (
    CostParams,
    acquisition_cost_estimate,
    acquisition_payback,
    channel_key,
    client_pnl,
    cohort_margin_curve,
    compare_pnl,
    contact_costs,
    contact_devourers,
    contact_unit_cost,
    least_profitable,
    penetration,
    penetration_by_class,
    pnl_by_class,
    pnl_totals,
    pnl_waterfall,
    potential_concentration,
    with_params,
)
from core.schema import empty_table

AS_OF = "2024-06-30"


def frame(rows, columns, dates=("date",)):
    out = pd.DataFrame(rows, columns=columns)
    for d in dates:
        out[d] = pd.to_datetime(out[d])
    return out


@pytest.fixture
def tx():
    return frame([
        ("F1", "A", "2024-03-01", 600.0, 300.0),
        ("F1", "A", "2024-03-01", 400.0, 100.0),
        ("F2", "A", "2024-05-01", 1000.0, 400.0),
        ("F3", "A", "2024-06-01", -200.0, -80.0),    # credit note: not an order
        ("F0", "A", "2023-01-01", 5000.0, 2000.0),   # before the window
        ("F9", "A", "2024-07-01", 9000.0, 9000.0),   # after as_of
        ("F4", "B", "2024-04-01", 500.0, np.nan),    # margin missing -> 30 %
        ("F5", "L", "2022-05-01", 800.0, 200.0),     # lapsed customer
    ], ["invoice_id", "customer_id", "date", "amount", "margin"])


@pytest.fixture
def contacts():
    return frame([
        ("A", "2024-02-01", "Visite", 120.0),
        ("A", "2024-04-01", "visite", np.nan),       # -> channel cost 150
        ("B", "2024-04-02", "Téléphone", np.nan),    # -> 12
        ("A", "2023-01-01", "visite", 150.0),        # before the window
        ("L", "2024-03-01", "e-mail", np.nan),       # lapsed customer contacted -> 2
        ("P", "2024-03-01", "visite", np.nan),       # prospect: not in the P&L
    ], ["customer_id", "date", "channel", "cost"])


@pytest.fixture
def customers():
    return pd.DataFrame({"customer_id": ["A", "B", "L", "P"],
                         "payment_terms_days": [60.0, np.nan, 30.0, 30.0],
                         "potential": [10000.0, 1000.0, np.nan, 4000.0],
                         "acquisition_cost": [300.0, np.nan, 100.0, np.nan]})


PARAMS = CostParams(months=12, margin_rate=0.30, discount_rate=0.02, logistics_per_order=10.0,
                    credit_rate=0.06, payment_days=30.0, vat_rate=0.20)


def test_client_pnl_by_hand(tx, contacts, customers):
    p = client_pnl(tx, AS_OF, customers, contacts, PARAMS).set_index("customer_id")
    assert p.index.tolist() == ["A", "B", "L"]
    a = p.loc["A"]
    assert a["revenue"] == 1800.0 and a["gross_margin"] == 720.0 and a["cogs"] == 1080.0
    assert a["discounts"] == pytest.approx(36.0)
    assert (a["contacts"], a["contact_cost"]) == (2, 270.0)
    assert (a["orders"], a["logistics_cost"]) == (2, 20.0)
    assert a["payment_days"] == 60.0
    assert a["credit_cost"] == pytest.approx(1800 * 1.2 * 60 * 0.06 / 360)  # 21.6
    assert a["net_margin"] == pytest.approx(720 - 36 - 270 - 20 - 21.6)
    assert a["net_margin_rate"] == pytest.approx(372.4 / 1800)
    b = p.loc["B"]
    assert (b["revenue"], b["gross_margin"], b["cogs"]) == (500.0, 150.0, 350.0)
    assert b["payment_days"] == 30.0  # missing terms -> default
    assert b["credit_cost"] == pytest.approx(3.0)
    assert b["net_margin"] == pytest.approx(150 - 10 - 12 - 10 - 3)
    lapsed = p.loc["L"]
    assert lapsed["revenue"] == 0 and lapsed["net_margin"] == -2.0
    assert np.isnan(lapsed["net_margin_rate"])


def test_client_pnl_costing_options(tx, contacts, customers):
    unit = client_pnl(tx, AS_OF, customers, contacts,
                      with_params(PARAMS, cost_per_contact=contact_unit_cost(50_000, 1000)))
    assert unit.set_index("customer_id")["contact_cost"].to_dict() == {"A": 100.0, "B": 50.0,
                                                                        "L": 50.0}
    channel_only = client_pnl(tx, AS_OF, customers, contacts,
                              with_params(PARAMS, use_recorded_cost=False))
    assert channel_only.set_index("customer_id").loc["A", "contact_cost"] == 300.0
    # a discount column on the lines, plus the rate on top
    with_disc = tx.assign(discount=[10.0, 0.0, 5.0, 0.0, 0.0, 0.0, np.nan, 0.0])
    d = client_pnl(with_disc, AS_OF, customers, contacts,
                   with_params(PARAMS, discount_rate=0.0)).set_index("customer_id")
    assert d.loc["A", "discounts"] == 15.0 and d.loc["B", "discounts"] == 0.0
    d = client_pnl(with_disc, AS_OF, customers, contacts, PARAMS).set_index("customer_id")
    assert d.loc["A", "discounts"] == pytest.approx(15.0 + 36.0)
    # what-if: contacts 50 % dearer
    dear = client_pnl(tx, AS_OF, customers, contacts, with_params(PARAMS,
                                                                  contact_cost_factor=1.5))
    assert dear.set_index("customer_id").loc["A", "contact_cost"] == pytest.approx(405.0)
    # without contacts nor customers: no contact cost, default payment days
    bare = client_pnl(tx, AS_OF, params=PARAMS).set_index("customer_id")
    assert bare["contact_cost"].sum() == 0 and "L" not in bare.index
    assert (bare["payment_days"] == 30.0).all()
    # without invoice ids, an order is a customer-day; without margins, the rate applies
    no_ids = client_pnl(tx.drop(columns=["invoice_id", "margin"]), AS_OF, params=PARAMS)
    a = no_ids.set_index("customer_id").loc["A"]
    assert a["orders"] == 2 and a["gross_margin"] == pytest.approx(1800 * 0.3)


def test_client_pnl_edge_cases(contacts):
    empty = client_pnl(empty_table("transactions"), AS_OF)
    assert empty.empty and "net_margin" in empty.columns
    one = frame([("A", "2024-01-01", 100.0)], ["customer_id", "date", "amount"])
    p = client_pnl(one, AS_OF, params=CostParams(logistics_per_order=0, credit_rate=0))
    assert p["net_margin"].tolist() == [30.0]
    with pytest.raises(ValueError, match="'amount'"):
        client_pnl(one.drop(columns="amount"), AS_OF)
    with pytest.raises(ValueError, match="contacts table lacks"):
        client_pnl(one, AS_OF, contacts=contacts.drop(columns="date"))
    with pytest.raises(ValueError, match="margin rate"):
        client_pnl(one, AS_OF, params=CostParams(margin_rate=1.5))
    with pytest.raises(ValueError, match="whole number of months"):
        client_pnl(one, AS_OF, params=CostParams(months=0))
    with pytest.raises(ValueError, match="visit"):
        CostParams(channel_costs={"visit": -1.0}).check()
    with pytest.raises(ValueError, match="positive"):
        contact_unit_cost(1000.0, 0)


def test_channels_and_contact_costs(contacts):
    assert [channel_key(c) for c in ("VISITE", "Téléphone", "courriel", "Salon", None, "fax")] \
        == ["visit", "phone", "email", "trade show", "other", "other"]
    cc = contact_costs(contacts, AS_OF, PARAMS)
    assert len(cc) == 5  # the 2023 contact is out of the window
    assert cc["cost"].tolist() == [120.0, 150.0, 12.0, 2.0, 150.0]
    custom = contact_costs(contacts, AS_OF, with_params(PARAMS, channel_costs={"visit": 90.0},
                                                        use_recorded_cost=False))
    assert custom["cost"].tolist() == [90.0, 90.0, 12.0, 2.0, 90.0]


def test_totals_classes_waterfall_and_what_if(tx, contacts, customers):
    p = client_pnl(tx, AS_OF, customers, contacts, PARAMS)
    tot = pnl_totals(p)
    assert tot["revenue"] == 2300.0 and tot["customers"] == 3 and tot["unprofitable"] == 1
    by = pnl_by_class(p, pd.Series({"A": "A", "B": "C"}))
    assert by["class"].tolist() == ["(none)", "A", "C"]
    assert by["net_margin"].sum() == pytest.approx(tot["net_margin"])
    assert by["share_net_margin"].sum() == pytest.approx(1.0)
    w = pnl_waterfall(p)
    assert w["step"].tolist()[0] == "revenue" and w["step"].tolist()[-1] == "net_margin"
    assert w.iloc[-1]["end"] == pytest.approx(tot["net_margin"])
    costs = w[w["kind"] == "cost"]
    assert (costs["end"] - costs["start"]).tolist() == pytest.approx(costs["amount"].tolist())
    one = pnl_waterfall(p, "B")
    assert one.iloc[-1]["amount"] == pytest.approx(115.0)
    with pytest.raises(ValueError, match="ZZ"):
        pnl_waterfall(p, "ZZ")
    dearer = client_pnl(tx, AS_OF, customers, contacts,
                        with_params(PARAMS, cost_per_contact=200.0))
    cmp_ = compare_pnl(p, dearer).set_index("item")
    assert cmp_.loc["contact_cost", "scenario"] == 800.0  # 4 contacts x 200
    assert cmp_.loc["net_margin", "change"] == pytest.approx(-(800.0 - 284.0))
    assert least_profitable(p, 1)["customer_id"].tolist() == ["L"]


def test_contact_devourers_by_hand():
    p = pd.DataFrame({"customer_id": ["A", "B", "C", "D", "E"],
                      "contacts": [20, 10, 5, 5, 0],
                      "contact_cost": [0.0] * 5,
                      "gross_margin": [100.0, 500.0, 300.0, 100.0, -50.0],
                      "net_margin": [0.0] * 5})
    d = contact_devourers(p, ratio=2.0).set_index("customer_id")
    assert d.loc["A", "share_contacts"] == 0.5 and d.loc["A", "share_margin"] == 0.1
    assert d.loc["A", "quadrant"] == "devourer" and d.loc["A", "devourer"]
    assert d.loc["B", "quadrant"] == "invest" and not d.loc["B", "devourer"]
    assert d.loc["C", "quadrant"] == "efficient"  # 12.5 % of contacts, 30 % of margin
    assert d.loc["D", "quadrant"] == "low" and not d.loc["D", "devourer"]
    assert d.loc["E", "share_margin"] == 0.0 and np.isnan(d.loc["E", "ratio"])
    assert d["share_contacts"].sum() == pytest.approx(1.0)
    assert d["share_margin"].sum() == pytest.approx(1.0)
    assert contact_devourers(p).iloc[0]["customer_id"] == "A"
    assert contact_devourers(p.iloc[:0]).empty
    with pytest.raises(ValueError, match="ratio"):
        contact_devourers(p, ratio=0)


def test_acquisition_by_hand(tx, contacts, customers):
    est = acquisition_cost_estimate(tx, contacts, AS_OF, PARAMS)
    # prospection contacts in the window: P only (A, B, L had bought before their contacts)
    assert est["prospection_contacts"] == 1 and est["prospection_cost"] == 150.0
    # first purchases in the window: B (A bought in 2023, L in 2022)
    assert est["new_customers"] == 1
    assert est["cost_per_new_customer"] == 150.0
    assert est["prospects_contacted"] == 1 and est["conversion_rate"] == 0.0
    pay = acquisition_payback(tx, AS_OF, acquisition_cost=150.0, customers=customers,
                              margin_rate=0.3).set_index("cohort")
    assert pay.index.tolist() == ["2022", "2023", "2024"]
    # 2023: A, cost 300 from the customers table; margin 2000 + 720 = 2720
    assert pay.loc["2023", "acquisition_cost"] == 300.0
    assert pay.loc["2023", "margin_to_date"] == pytest.approx(2720.0)
    assert pay.loc["2023", "roi"] == pytest.approx((2720 - 300) / 300)
    assert pay.loc["2023", "payback_months"] == 1.0
    # 2024: B, no cost in the table -> the entered 150; margin 150 in its first month
    assert pay.loc["2024", "cost_per_customer"] == 150.0
    assert pay.loc["2024", "payback_months"] == 1.0 and pay.loc["2024", "roi"] == 0.0
    costly = acquisition_payback(tx, AS_OF, acquisition_cost=1000.0).set_index("cohort")
    assert np.isnan(costly.loc["2024", "payback_months"])
    with pytest.raises(ValueError, match="acquisition cost"):
        acquisition_payback(tx, AS_OF)
    with pytest.raises(ValueError, match="cohort"):
        acquisition_payback(tx, AS_OF, 100.0, cohort="W")


def test_cohort_curve_is_cumulative_and_bounded_by_as_of(tx):
    c = cohort_margin_curve(tx, AS_OF, cohort="Y", margin_rate=0.3)
    for _, g in c.groupby("cohort"):
        assert g["month"].tolist() == list(range(1, len(g) + 1))
    b = c[c["cohort"] == "2024"]
    assert len(b) == 3  # April, May, June 2024
    assert b["cum_margin_per_customer"].tolist() == [150.0, 150.0, 150.0]
    assert cohort_margin_curve(empty_table("transactions"), AS_OF).empty


def test_penetration_by_hand(customers):
    f = pd.DataFrame({"customer_id": ["A", "B", "L"], "revenue_12m": [2000.0, 900.0, 0.0]})
    pen = penetration(f, customers, target_share=0.5).set_index("customer_id")
    assert pen.index.tolist() == ["A", "P", "B"]  # L has no potential; by reachable desc
    assert pen.loc["A", "penetration"] == 0.2 and pen.loc["A", "reachable"] == 3000.0
    assert pen.loc["B", "reachable"] == 0.0 and pen.loc["B", "untapped"] == 100.0
    assert pen.loc["P", "penetration"] == 0.0
    by = penetration_by_class(pen.reset_index(), pd.Series({"A": "A", "B": "B"}))
    assert by.set_index("class").loc["A", "penetration"] == 0.2
    assert by["share_potential"].sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="potential"):
        penetration(f, customers.drop(columns="potential"))
    with pytest.raises(ValueError, match="target share"):
        penetration(f, customers, target_share=0)


def test_potential_concentration():
    d = potential_concentration([10.0] * 10)
    assert d["gini"] == pytest.approx(0.0) and d["top_10"] == pytest.approx(0.1)
    d = potential_concentration([0.0] * 9 + [100.0])
    assert d["gini"] == pytest.approx(0.9) and d["top_20"] == 1.0
    assert np.isnan(potential_concentration([])["gini"])


lines = st.lists(
    st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 500),
              st.floats(-500, 5000, allow_nan=False), st.floats(0, 1)),
    min_size=1, max_size=30)


@settings(max_examples=15, deadline=None)
@given(rows=lines, n_contacts=st.integers(0, 10))
def test_pnl_identity_and_shares(rows, n_contacts):
    base = pd.Timestamp(AS_OF) - pd.Timedelta(days=500)
    tx = pd.DataFrame({"customer_id": [r[0] for r in rows],
                       "date": [base + pd.Timedelta(days=r[1]) for r in rows],
                       "amount": [r[2] for r in rows],
                       "margin": [r[2] * r[3] for r in rows]})
    ct = pd.DataFrame({"customer_id": ["A"] * n_contacts,
                       "date": [pd.Timestamp(AS_OF)] * n_contacts,
                       "channel": ["visite"] * n_contacts})
    p = client_pnl(tx, AS_OF, contacts=ct, params=PARAMS)
    costs = p["discounts"] + p["contact_cost"] + p["logistics_cost"] + p["credit_cost"]
    np.testing.assert_allclose(p["net_margin"], p["gross_margin"] - costs, atol=1e-6)
    np.testing.assert_allclose(p["revenue"], p["cogs"] + p["gross_margin"], atol=1e-6)
    assert (costs >= 0).all()
    w = pnl_waterfall(p)
    assert w.iloc[-1]["end"] == pytest.approx(p["net_margin"].sum(), abs=1e-6)
    d = contact_devourers(p)
    if d["contacts"].sum() > 0:
        assert d["share_contacts"].sum() == pytest.approx(1.0)
    assert set(d["quadrant"]) <= {"devourer", "invest", "efficient", "low"}
