"""core.effort on hand-computed examples: visit needs and priorities, workload and reps
needed, contact plans (budget, orders, ROI) and dated touch sequences.

Reference date 2026-10-31. Norms: A 12 visits a year (every 365/12 = 30.42 days),
B 4 (91.25 days), C 2 (182.5 days).
"""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.effort import (
    CHANNELS,
    DEFAULT_MIX,
    VISIT_NORMS,
    average_order_margin,
    channel_costs_from_contacts,
    contact_plan,
    customer_segments,
    estimate_travel_minutes,
    rep_load,
    touch_sequence,
    visit_needs,
    workload,
)

AS_OF = "2026-10-31"


@pytest.fixture
def customers():
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "C3", "C4", "P1", "P2", "L1"],
        "status": ["customer"] * 4 + ["hot prospect", "suspect", "lost"],
        "sales_rep": ["Ann", "Ann", "Bob", "Bob", "Ann", None, "Bob"],
    })


@pytest.fixture
def classes():
    return pd.Series({"C1": "A", "C2": "B", "C3": "C"})  # C4: no sales -> "C"


@pytest.fixture
def contacts():
    return pd.DataFrame({
        "customer_id": ["C1", "C1", "C2", "C3", "C3", "P1", "C4"],
        "date": pd.to_datetime(["2026-06-01", "2026-09-01", "2026-08-10", "2026-10-01",
                                "2026-11-15", "2026-10-25", "2026-10-01"]),
        "channel": ["visite", "Visite", "visite", "visite", "visite", "visite", "e-mail"],
    })


def test_segments(customers, classes):
    seg = customer_segments(customers, classes)
    assert seg.to_dict() == {"C1": "A", "C2": "B", "C3": "C", "C4": "C", "P1": "hot prospect",
                             "P2": "suspect", "L1": "lost"}
    assert customer_segments(customers).loc["C1"] == "C"  # no classes at all


def test_visit_needs_hand_example(customers, classes, contacts):
    out = visit_needs(customers, contacts, AS_OF, classes=classes).set_index("customer_id")
    # C1: last visit 09-01 (the 06-01 one is older), 60 days ago, A every 30.42 d
    assert out.at["C1", "last_visit"] == pd.Timestamp("2026-09-01")
    assert out.at["C1", "days_since"] == 60
    assert out.at["C1", "days_overdue"] == pytest.approx(60 - 365 / 12, abs=0.05)
    assert out.at["C1", "status"] == "overdue"
    # C2: B, 82 days ago, due in 9.25 days -> "due" (within 14 days)
    assert out.at["C2", "days_overdue"] == pytest.approx(82 - 91.25, abs=0.06)
    assert out.at["C2", "status"] == "due"
    # C3: the 11-15 visit is after as_of and ignored; 30 days ago, C every 182.5 d
    assert out.at["C3", "last_visit"] == pd.Timestamp("2026-10-01")
    assert out.at["C3", "status"] == "ok"
    # C4: only an e-mail -> never visited
    assert out.at["C4", "status"] == "never" and pd.isna(out.at["C4", "last_visit"])
    assert out.at["P1", "status"] == "ok"
    assert out.at["P2", "status"] == "no_norm" and out.at["L1", "status"] == "no_norm"
    assert out.at["P2", "priority"] == 0


def test_priority_formula(customers, classes, contacts):
    out = visit_needs(customers, contacts, AS_OF, classes=classes).set_index("customer_id")
    # only segment and overdue are known: (0.35 * segment + 0.35 * overdue) / 0.70
    overdue_c1 = min((60 - 365 / 12) / (365 / 12), 1.0)
    assert out.at["C1", "priority"] == pytest.approx(100 * (1.0 + overdue_c1) / 2, abs=0.06)
    assert out.at["C2", "priority"] == pytest.approx(100 * 0.6 / 2, abs=0.06)
    assert out.at["C4", "priority"] == pytest.approx(100 * (0.3 + 1.0) / 2, abs=0.06)
    assert out.index[0] == "C1"  # sorted by priority
    churn = pd.Series({"C2": 1.0})
    with_churn = visit_needs(customers, contacts, AS_OF, classes=classes, churn=churn)
    with_churn = with_churn.set_index("customer_id")
    assert with_churn.at["C2", "priority"] == pytest.approx(
        100 * (0.35 * 0.6 + 0.15 * 1.0) / 0.85, abs=0.06)


def test_potential_rank_enters_the_priority(customers, classes, contacts):
    cust = customers.assign(potential=[10, 20, 30, 40, 50, 60, 70])
    only_pot = visit_needs(cust, contacts, AS_OF, classes=classes,
                           weights={"segment": 0, "overdue": 0, "potential": 1})
    p = only_pot.set_index("customer_id")["priority"]
    assert p["C4"] > p["C3"] > p["C2"] > p["C1"]
    assert p["C1"] == pytest.approx(100 / 7, abs=0.06)


def test_visit_needs_without_contacts(customers, classes):
    out = visit_needs(customers, None, AS_OF, classes=classes)
    assert set(out.loc[out["visits_per_year"] > 0, "status"]) == {"never"}


def test_editable_norms_change_the_status(customers, classes, contacts):
    norms = {**VISIT_NORMS, "A": 4}
    out = visit_needs(customers, contacts, AS_OF, classes=classes, norms=norms)
    assert out.set_index("customer_id").at["C1", "status"] == "ok"


@pytest.mark.parametrize("kwargs, message", [
    ({"norms": {"A": 12}}, "no visit norm"),
    ({"norms": {**VISIT_NORMS, "A": -1}}, "between 0 and 365"),
    ({"norms": {**VISIT_NORMS, "A": "often"}}, "number of visits"),
    ({"churn": pd.Series({"C1": 1.5})}, "between 0 and 1"),
    ({"churn": [0.5]}, "Series"),
    ({"weights": {"segment": -1}}, "negative"),
    ({"weights": {"segment": 0, "overdue": 0}}, "positive"),
])
def test_visit_needs_refuses_bad_rules(customers, classes, contacts, kwargs, message):
    with pytest.raises(ValueError, match=message):
        visit_needs(customers, contacts, AS_OF, classes=classes, **kwargs)


def test_visit_needs_refuses_bad_tables(contacts):
    with pytest.raises(ValueError, match="customer_id"):
        visit_needs(pd.DataFrame({"id": ["C1"]}), contacts, AS_OF)
    with pytest.raises(ValueError, match="date"):
        visit_needs(pd.DataFrame({"customer_id": ["C1"]}),
                    pd.DataFrame({"customer_id": ["C1"]}), AS_OF)


def test_empty_customers():
    out = visit_needs(pd.DataFrame({"customer_id": pd.Series([], dtype=str)}), None, AS_OF)
    assert out.empty and "priority" in out


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "C", "hot prospect", "suspect"]), min_size=1,
                max_size=30),
       st.lists(st.integers(0, 800), min_size=30, max_size=30))
def test_priorities_stay_in_range(segments, ages):
    n = len(segments)
    ids = [f"C{i}" for i in range(n)]
    status = ["hot prospect" if s == "hot prospect" else "suspect" if s == "suspect"
              else "customer" for s in segments]
    cust = pd.DataFrame({"customer_id": ids, "status": status})
    classes = pd.Series(dict(zip(ids, segments)))
    cont = pd.DataFrame({"customer_id": ids, "channel": "visite",
                         "date": pd.Timestamp(AS_OF) - pd.to_timedelta(ages[:n], unit="D")})
    out = visit_needs(cust, cont, AS_OF, classes=classes)
    assert out["priority"].between(0, 100).all()
    assert out["customer_id"].is_unique and len(out) == n
    assert out["priority"].is_monotonic_decreasing


# --------------------------------------------------------------------------- workload
def test_workload_hand_example():
    needs = pd.DataFrame({"segment": ["A"] * 10 + ["B"] * 20 + ["C"] * 30})
    w = workload(needs, visit_minutes={"A": 60, "B": 45, "C": 30}, travel_minutes=30,
                 hours_per_day=8, working_days=218, field_share=0.8, reps_available=1)
    t = w.table
    # A: 10 x 12 x 90 min = 180 h; B: 20 x 4 x 75 = 100 h; C: 30 x 2 x 60 = 60 h
    assert t.loc[["A", "B", "C"], "hours"].tolist() == [180.0, 100.0, 60.0]
    assert w.total_visits == 120 + 80 + 60
    assert w.total_hours == 340.0 and w.total_days == 42.5
    assert w.field_days_per_rep == pytest.approx(174.4)
    assert w.reps_needed == 1
    assert w.load_pct == pytest.approx(42.5 / 174.4)


def test_workload_what_if_on_norms():
    needs = pd.DataFrame({"segment": ["A"] * 100})
    base = workload(needs, travel_minutes=30)
    double = workload(needs, norms={**VISIT_NORMS, "A": 24}, travel_minutes=30)
    assert double.total_hours == 2 * base.total_hours
    assert base.reps_needed == math.ceil(base.total_days / 174.4)
    per_seg = workload(needs, travel_minutes={"A": 0})
    assert per_seg.total_hours == 100 * 12 * 60 / 60


def test_workload_edge_cases():
    empty = workload(pd.DataFrame({"segment": pd.Series([], dtype=str)}))
    assert empty.total_hours == 0 and empty.reps_needed == 0
    with pytest.raises(ValueError, match="segment"):
        workload(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="field share"):
        workload(pd.DataFrame({"segment": ["A"]}), field_share=0)
    with pytest.raises(ValueError, match="negative"):
        workload(pd.DataFrame({"segment": ["A"]}), travel_minutes=-5)


def test_rep_load():
    needs = pd.DataFrame({"segment": ["A", "A", "C", "B"],
                          "sales_rep": ["Ann", "Ann", "Bob", None]})
    out = rep_load(needs, travel_minutes={"Ann": 30, "Bob": 60}).set_index("sales_rep")
    assert out.at["Ann", "hours"] == 2 * 12 * 90 / 60
    assert out.at["Bob", "hours"] == 2 * (30 + 60) / 60
    assert out.at["(none)", "visits"] == 4
    assert out.at["Ann", "load_pct"] == pytest.approx(100 * 36 / 8 / 174.4)


def test_estimate_travel_minutes():
    cust = pd.DataFrame({"sales_rep": ["A", "A", "A", "B"],
                         "latitude": [45.0, 45.0, np.nan, 46.0],
                         "longitude": [4.1, 4.1, 4.0, 5.0]})
    out = estimate_travel_minutes(cust, {"A": (45.0, 4.0), "C": (45.0, 4.0)},
                                  visits_per_day=4, speed_kmh=60, detour=1.0)
    d = 2 * 6371.0088 * math.asin(math.cos(math.radians(45.0)) * math.sin(math.radians(0.05)))
    # two customers at the same place: nearest neighbour 0 km
    assert out["A"] == pytest.approx(2 * d / 4)
    assert "C" not in out and "B" not in out


# ---------------------------------------------------------------------- contact plans
def test_contact_plan_hand_example():
    channels = {"visit": {"unit_cost": 100.0, "response_rate": 0.2},
                "email": {"unit_cost": 1.0, "response_rate": 0.1}}
    mix = {"A": {"visit": 1, "email": 2}, "default": {"email": 1}}
    plan = contact_plan(pd.Series({"A": 10, "Z": 100}), mix, channels,
                        margin_per_order={"A": 500.0, "default": 50.0})
    s = plan.summary
    # A: cost 10 x 100 + 20 x 1 = 1020; P(order) = 1 - 0.8 x 0.9^2 = 0.352
    assert s.at["A", "cost"] == 1020.0
    assert s.at["A", "orders"] == pytest.approx(3.52)
    assert s.at["A", "margin"] == pytest.approx(1760.0)
    assert s.at["A", "roi"] == pytest.approx((1760 - 1020) / 1020, abs=1e-4)
    # Z uses the default mix and the default margin: 100 e-mails, 10 orders
    assert s.at["Z", "cost"] == 100.0 and s.at["Z", "orders"] == pytest.approx(10.0)
    assert s.at["total", "cost"] == 1120.0
    assert s.at["total", "margin"] == pytest.approx(2260.0)
    d = plan.detail.set_index(["segment", "channel"])
    assert d.at[("A", "email"), "contacts"] == 20 and d.at[("A", "visit"), "responses"] == 2


def test_contact_plan_from_a_target_table_and_defaults():
    targets = pd.DataFrame({"segment": ["A", "A", "C", "warm prospect"]})
    plan = contact_plan(targets, margin_per_order=100.0)
    assert plan.summary.index.tolist() == ["A", "C", "warm prospect", "total"]
    expected_a = 2 * (2 * CHANNELS["visit"]["unit_cost"] + 2 * CHANNELS["phone"]["unit_cost"]
                      + 2 * CHANNELS["email"]["unit_cost"])
    assert plan.summary.at["A", "cost"] == pytest.approx(expected_a)
    assert set(DEFAULT_MIX["warm prospect"]) == set(
        plan.detail.loc[plan.detail["segment"] == "warm prospect", "channel"])


def test_contact_plan_zero_cost_and_errors():
    plan = contact_plan(pd.Series({"A": 0}), {"A": {"email": 1}})
    assert plan.summary.at["A", "cost"] == 0 and np.isnan(plan.summary.at["A", "roi"])
    with pytest.raises(ValueError, match="unknown channel"):
        contact_plan(pd.Series({"A": 1}), {"A": {"pigeon": 1}})
    with pytest.raises(ValueError, match="response rate"):
        contact_plan(pd.Series({"A": 1}), {"A": {"x": 1}},
                     {"x": {"unit_cost": 1, "response_rate": 2}})
    with pytest.raises(ValueError, match="negative"):
        contact_plan(pd.Series({"A": -1}))
    with pytest.raises(ValueError, match="negative"):
        contact_plan(pd.Series({"A": 1}), {"A": {"email": -2}})


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 500), st.lists(st.integers(0, 5), min_size=6, max_size=6))
def test_expected_orders_never_exceed_targets(n, touches):
    mix = {"A": dict(zip(CHANNELS, touches))}
    s = contact_plan(pd.Series({"A": n}), mix, margin_per_order=10.0).summary
    assert 0 <= s.at["A", "orders"] <= n + 1e-9
    assert s.at["A", "cost"] >= 0


def test_channel_costs_from_contacts():
    cont = pd.DataFrame({"channel": ["visite", "téléphone", "téléphone", "salon", "fax"],
                         "cost": [180.0, 6.0, 8.0, np.nan, 3.0]})
    out = channel_costs_from_contacts(cont)
    assert out["visit"]["unit_cost"] == 180.0 and out["phone"]["unit_cost"] == 7.0
    assert out["event"] == CHANNELS["event"] and "fax" not in out
    assert CHANNELS["visit"]["unit_cost"] == 150.0  # the default is not modified


def test_average_order_margin():
    tx = pd.DataFrame({
        "invoice_id": ["F1", "F1", "F2", "F3", "F4"],
        "customer_id": ["C1", "C1", "C1", "C2", "C2"],
        "date": pd.to_datetime(["2026-10-01", "2026-10-01", "2026-06-01", "2026-09-01",
                                "2024-01-01"]),
        "amount": [100.0, 50.0, 80.0, 60.0, 999.0],
        "margin": [30.0, 10.0, 20.0, -6.0, 999.0]})
    out = average_order_margin(tx, pd.Series({"C1": "A", "C2": "B"}), AS_OF)
    assert out.to_dict() == {"A": 30.0, "B": -6.0}  # F4 is older than 12 months
    no_margin = average_order_margin(tx.drop(columns="margin"),
                                     pd.Series({"C1": "A", "C2": "B"}), AS_OF)
    assert no_margin["A"] == 115.0


# -------------------------------------------------------------------- touch sequences
def test_touch_sequence_dates_and_weekends():
    targets = pd.DataFrame({"customer_id": ["C1", "C2"], "name": ["Dupont", "Martin"]})
    # event on Monday 2026-11-16: J-15 = Sunday 11-01 -> Friday 10-30,
    # J-10 = Friday 11-06, J-7 = Monday 11-09, J-1 = Sunday 11-15 -> Friday 11-13,
    # J+1 = Tuesday 11-17
    out = touch_sequence(targets, "2026-11-16")
    assert len(out) == 10
    c1 = out[out["customer_id"] == "C1"]
    assert c1["date"].dt.strftime("%m-%d").tolist() == ["10-30", "11-06", "11-09", "11-13",
                                                        "11-17"]
    assert c1["offset"].tolist() == ["J-15", "J-10", "J-7", "J-1", "J+1"]
    assert c1["channel"].tolist() == ["email", "email", "phone", "sms", "email"]
    assert c1["name"].iloc[0] == "Dupont"
    raw = touch_sequence(targets, "2026-11-16", avoid_weekends=False)
    assert raw["date"].min() == pd.Timestamp("2026-11-01")
    after = touch_sequence(targets, "2026-11-13", steps=[(1, "email", "thank_you")])
    assert after["date"].iloc[0] == pd.Timestamp("2026-11-16")  # Saturday -> Monday


def test_touch_sequence_errors_and_empty():
    assert touch_sequence(pd.DataFrame({"customer_id": []}), "2026-11-16").empty
    with pytest.raises(ValueError, match="customer_id"):
        touch_sequence(pd.DataFrame({"id": [1]}), "2026-11-16")
    with pytest.raises(ValueError, match="event date"):
        touch_sequence(pd.DataFrame({"customer_id": ["C1"]}), "soon")
    with pytest.raises(ValueError, match="each step"):
        touch_sequence(pd.DataFrame({"customer_id": ["C1"]}), "2026-11-16", steps=[(1,)])


def test_equal_priorities_put_the_longest_overdue_first():
    import pandas as pd

    from core.effort import visit_needs

    customers = pd.DataFrame({"customer_id": ["C1", "C2", "C3"], "status": ["customer"] * 3})
    contacts = pd.DataFrame({"customer_id": ["C1", "C2", "C3"], "channel": ["visite"] * 3,
                             "date": pd.to_datetime(["2024-05-01", "2024-01-01",
                                                     "2024-03-01"])})
    classes = pd.Series({"C1": "A", "C2": "A", "C3": "A"})
    out = visit_needs(customers, contacts, "2024-12-31", classes=classes)
    tied = out[out["priority"] == out["priority"].max()]
    assert len(tied) >= 2
    assert tied["days_overdue"].is_monotonic_decreasing
