"""Tests of core.lifecycle: stages, funnel, attrition flags, engagement, P-R strategy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.lifecycle import (
    PR_STRATEGIES,
    STAGE_LABELS,
    STAGES,
    LifecycleRules,
    attrition_flags,
    engagement,
    estimate_potential,
    lifecycle_funnel,
    lifecycle_stages,
    pr_strategy,
    pr_summary,
    stage_counts,
)

AS_OF = "2024-12-31"


def _tx(rows):
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    tx["date"] = pd.to_datetime(tx["date"])
    return tx


# ---------------------------------------------------------------------------- stages
@pytest.fixture
def life():
    tx = _tx([
        ("N1", "2024-11-15", 100.0),                                  # first 46 d -> new
        ("A1", "2022-01-01", 100.0), ("A1", "2024-10-01", 100.0),    # last 91 d -> active
        ("T1", "2023-01-01", 100.0), ("T1", "2024-03-01", 100.0),    # last 305 d -> tepid
        ("I1", "2023-06-01", 100.0),                                  # last 579 d -> inactive
        ("X1", "2022-06-01", 100.0),                                  # last 944 d -> lost
        ("L1", "2023-01-01", 100.0), ("L1", "2024-12-01", 100.0),    # status "perdu"
        ("B1", "2023-01-01", 100.0), ("B1", "2024-12-20", 100.0),    # not in customers
        ("C1", "2024-12-10", -50.0),                                  # credit note only
    ])
    customers = pd.DataFrame({
        "customer_id": ["S1", "P1", "P2", "P3", "P4", "P5", "N1", "A1", "T1", "I1", "X1",
                        "L1", "C1"],
        "status": ["Suspect", "prospect froid", "Prospect tiède", "PROSPECT CHAUD", None,
                   "customer", "client", "client", "client", "client", "client", "perdu",
                   "warm prospect"],
    })
    return tx, customers


def test_lifecycle_stages_hand_computed(life):
    tx, customers = life
    s = lifecycle_stages(tx, AS_OF, customers).set_index("customer_id")["stage"].astype(str)
    assert s.to_dict() == {
        "A1": "active", "B1": "active", "C1": "warm_prospect", "I1": "inactive",
        "L1": "lost", "N1": "new", "P1": "cold_prospect", "P2": "warm_prospect",
        "P3": "hot_prospect", "P4": "suspect", "P5": "inactive", "S1": "suspect",
        "T1": "tepid", "X1": "lost"}
    full = lifecycle_stages(tx, AS_OF, customers).set_index("customer_id")
    assert full.loc["A1", "days_since_last"] == 91
    assert full.loc["N1", "days_since_first"] == 46
    assert full.loc["A1", "orders"] == 2 and full.loc["S1", "orders"] == 0
    assert np.isnan(full.loc["S1", "days_since_last"])


def test_lifecycle_rules_are_editable(life):
    tx, customers = life
    rules = LifecycleRules(new_days=30, active_days=60, status_lost_wins=False,
                           customer_without_purchase="lost", default_prospect="cold_prospect")
    s = lifecycle_stages(tx, AS_OF, customers, rules).set_index("customer_id")["stage"]
    assert s["N1"] == "active"  # 46 days since first purchase > 30
    assert s["A1"] == "tepid"  # 91 days > 60
    assert s["L1"] == "active"  # status no longer wins
    assert s["P5"] == "lost" and s["P4"] == "cold_prospect"


def test_lifecycle_without_customers_table(life):
    tx, _ = life
    s = lifecycle_stages(tx, AS_OF)
    assert set(s["stage"].astype(str)) <= {"new", "active", "tepid", "inactive", "lost"}
    assert "C1" not in set(s["customer_id"])  # a credit note is not a purchase
    assert s["status"].isna().all()


@pytest.mark.parametrize("rules, message", [
    (LifecycleRules(active_days=400, tepid_days=365), "must grow"),
    (LifecycleRules(new_days=-1), "0 or more"),
    (LifecycleRules(default_prospect="active"), "default_prospect"),
    (LifecycleRules(status_map={"vip": "gold"}), "unknown stages: gold"),
])
def test_lifecycle_rules_validation(life, rules, message):
    tx, customers = life
    with pytest.raises(ValueError, match=message):
        lifecycle_stages(tx, AS_OF, customers, rules)


def test_stage_counts_and_funnel(life):
    tx, customers = life
    stages = lifecycle_stages(tx, AS_OF, customers)
    counts = stage_counts(stages).set_index("stage")["customers"]
    assert counts.to_dict() == {"suspect": 2, "cold_prospect": 1, "warm_prospect": 2,
                                "hot_prospect": 1, "new": 1, "active": 2, "tepid": 1,
                                "inactive": 2, "lost": 2}
    f = lifecycle_funnel(stages).set_index("level")
    assert f["customers"].tolist() == [14, 12, 11, 9, 8, 3]
    assert np.isnan(f.loc["suspect", "conversion"])
    assert f.loc["customer", "conversion"] == pytest.approx(8 / 9)
    assert f.loc["active_customer", "conversion"] == pytest.approx(3 / 8)
    assert f.loc["active_customer", "share"] == pytest.approx(3 / 14)


def test_funnel_empty_and_unknown():
    f = lifecycle_funnel(pd.DataFrame({"stage": pd.Series([], dtype="str")}))
    assert f["customers"].tolist() == [0] * 6
    assert f["conversion"].isna().all()
    with pytest.raises(ValueError, match="unknown stage"):
        lifecycle_funnel(pd.DataFrame({"stage": ["vip"]}))


def test_stage_labels_are_bilingual():
    assert set(STAGE_LABELS) == set(STAGES)
    assert all(v["fr"] and v["en"] for v in STAGE_LABELS.values())


# ---------------------------------------------------------------------------- attrition
@pytest.fixture
def attr():
    tx = _tx([
        ("F1", "2023-03-01", 600.0), ("F1", "2023-09-01", 400.0), ("F1", "2024-06-01", 500.0),
        ("F2", "2023-03-01", 1000.0), ("F2", "2024-06-01", 950.0),
        ("G1", "2024-01-01", 10.0), ("G1", "2024-01-31", 10.0), ("G1", "2024-03-01", 10.0),
        ("G1", "2024-03-31", 10.0),
        ("G2", "2024-10-01", 10.0), ("G2", "2024-11-01", 10.0), ("G2", "2024-12-01", 10.0),
        ("G3", "2024-01-01", 10.0), ("G3", "2024-02-01", 10.0),
    ])
    contacts = pd.DataFrame({
        "customer_id": ["F1", "F1", "G2", "G2", "G1", "G1", "F2"],
        "date": pd.to_datetime(["2024-06-01", "2024-07-15", "2024-01-10", "2024-06-01",
                                "2023-06-01", "2023-06-10", "2024-05-01"]),
        "complaint": ["oui", True, "yes", "1", True, True, "non"],
    })
    return tx, contacts


def test_attrition_flags_hand_computed(attr):
    tx, contacts = attr
    f = attrition_flags(tx, AS_OF, contacts).set_index("customer_id")
    assert f.loc["F1", "revenue_12m"] == 500.0 and f.loc["F1", "revenue_prev_12m"] == 1000.0
    assert f.loc["F1", "revenue_change"] == pytest.approx(-0.5)
    assert bool(f.loc["F1", "falling_revenue"])
    assert not f.loc["F2", "falling_revenue"]  # -5 % is less than the 10 % drop
    assert f.loc["G1", "usual_gap_days"] == 30.0 and f.loc["G1", "days_since_last"] == 275
    assert bool(f.loc["G1", "overdue"])
    assert f.loc["G2", "usual_gap_days"] == 30.5 and not f.loc["G2", "overdue"]
    assert np.isnan(f.loc["G3", "usual_gap_days"]) and not f.loc["G3", "overdue"]
    assert bool(f.loc["F1", "repeated_complaint"]) and f.loc["F1", "complaints"] == 2
    assert not f.loc["G2", "repeated_complaint"]  # 143 days apart
    assert f.loc["G1", "complaints"] == 0  # older than the 365-day look-back
    assert f.loc["F2", "complaints"] == 0  # "non" is not a complaint
    assert f.loc["F1", "n_flags"] == 2
    assert f.index[0] == "F1"  # most flags first


def test_attrition_parameters_move_the_flags(attr):
    tx, contacts = attr
    f = attrition_flags(tx, AS_OF, contacts, drop=0.0, complaint_days=150, gap_factor=10,
                        min_orders=2).set_index("customer_id")
    assert bool(f.loc["F2", "falling_revenue"])
    assert bool(f.loc["G2", "repeated_complaint"])
    assert not f.loc["G1", "overdue"]  # 275 days < 10 x 30
    assert f.loc["G3", "usual_gap_days"] == 31.0


def test_attrition_without_contacts_and_validation(attr):
    tx, _ = attr
    f = attrition_flags(tx, AS_OF)
    assert not f["repeated_complaint"].any() and (f["complaints"] == 0).all()
    f2 = attrition_flags(tx, AS_OF, pd.DataFrame({"customer_id": ["F1"],
                                                  "date": pd.to_datetime(["2024-01-01"])}))
    assert not f2["repeated_complaint"].any()
    with pytest.raises(ValueError, match="drop"):
        attrition_flags(tx, AS_OF, drop=1.5)
    with pytest.raises(ValueError, match="gap factor"):
        attrition_flags(tx, AS_OF, gap_factor=0)
    with pytest.raises(ValueError, match="at least 2 orders"):
        attrition_flags(tx, AS_OF, min_orders=1)


def test_attrition_credit_notes_reduce_revenue_but_are_not_orders():
    tx = _tx([("A", "2023-06-01", 100.0), ("A", "2024-06-01", 100.0),
              ("A", "2024-07-01", -60.0)])
    f = attrition_flags(tx, AS_OF).set_index("customer_id")
    assert f.loc["A", "revenue_12m"] == 40.0
    assert f.loc["A", "orders"] == 2
    assert f.loc["A", "days_since_last"] == 213  # the credit note is not the last order


# ---------------------------------------------------------------------------- engagement
def test_engagement_hand_computed():
    rows = [("W", "2023-05-01", "Paper"), ("W", "2024-05-01", "Paper"),
            ("W", "2024-06-01", "Ink"), ("W", "2024-07-01", "Toner"),
            ("N", "2023-05-01", "Paper"), ("N", "2023-06-01", "Ink"),
            ("N", "2024-05-01", "Paper"),
            ("S", "2023-05-01", "Ink"), ("S", "2024-05-01", "Paper"),
            ("O", "2022-05-01", "Ink")]  # too old for both periods
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "family"])
    tx["date"] = pd.to_datetime(tx["date"])
    tx["amount"] = 10.0
    e = engagement(tx, AS_OF).set_index("customer_id")
    assert list(e.index) == ["N", "S", "W"]
    assert e.loc["W", "adopted_families"] == "Ink, Toner" and e.loc["W", "trend"] == "widening"
    assert e.loc["N", "dropped_families"] == "Ink" and e.loc["N", "trend"] == "narrowing"
    assert e.loc["S", "adopted"] == 1 and e.loc["S", "dropped"] == 1
    assert e.loc["S", "trend"] == "stable"
    assert e.loc["W", "families_now"] == 3 and e.loc["W", "families_prev"] == 1


def test_engagement_needs_family():
    with pytest.raises(ValueError, match="'family'"):
        engagement(_tx([("A", "2024-01-01", 1.0)]), AS_OF)


# ---------------------------------------------------------------------------- P-R
@pytest.fixture
def pr():
    tx = _tx([("A", "2024-06-01", 100.0), ("B", "2024-06-01", 200.0),
              ("C", "2024-06-01", 300.0), ("E", "2024-06-01", 1000.0),
              ("F", "2024-06-01", 50.0), ("D", "2022-06-01", 10.0)])
    customers = pd.DataFrame({
        "customer_id": list("ABCDEF"),
        "sector": ["BTP", "BTP", "BTP", "BTP", "BTP", "Retail"],
        "size": ["10-49", "10-49", "10-49", "10-49", "50+", None],
        "potential": [None, None, 5000.0, None, None, None],
    })
    return tx, customers


def test_estimate_potential_from_peers(pr):
    _, customers = pr
    rev = pd.Series({"A": 100.0, "B": 200.0, "C": 300.0, "D": 0.0, "E": 1000.0, "F": 50.0})
    e = estimate_potential(rev, customers).set_index("customer_id")
    # BTP / 10-49 buyers: 100, 200, 300 -> 75th percentile 250
    assert e.loc["A", "potential"] == 250.0 and e.loc["A", "potential_source"] == \
        "peers_sector_size"
    assert e.loc["D", "potential"] == 250.0
    assert e.loc["C", "potential"] == 5000.0 and e.loc["C", "potential_source"] == "given"
    # BTP / 50+ has one buyer: sector BTP 100, 200, 300, 1000 -> 475, below own 1000
    assert e.loc["E", "potential"] == 1000.0 and e.loc["E", "potential_source"] == \
        "peers_sector"
    # Retail has one buyer: whole portfolio 50, 100, 200, 300, 1000 -> 300
    assert e.loc["F", "potential"] == 300.0 and e.loc["F", "potential_source"] == "portfolio"
    more = estimate_potential(rev, customers, min_peers=1).set_index("customer_id")
    assert more.loc["F", "potential_source"] == "peers_sector"
    assert more.loc["F", "potential"] == 50.0


def test_pr_strategy_hand_computed(pr):
    tx, customers = pr
    t = pr_strategy(tx, AS_OF, customers)
    q = t.set_index("customer_id")["quadrant"].astype(str).to_dict()
    # potential median (250+300)/2 = 275; penetration median (1/6 + 0.4)/2
    assert q == {"A": "maintain", "B": "maintain", "C": "develop", "D": "minimal",
                 "E": "defend", "F": "develop"}
    assert t.attrs["p_cut"] == 275.0
    assert t.attrs["r_cut"] == pytest.approx((50 / 300 + 0.4) / 2)
    assert t.attrs["n_estimated"] == 5
    assert t["customer_id"].tolist()[:2] == ["C", "F"]  # develop, most untapped first
    s = pr_summary(t).set_index("quadrant")
    assert list(s.index) == list(PR_STRATEGIES)
    assert s.loc["develop", "customers"] == 2
    assert s.loc["develop", "revenue"] == 350.0
    assert s.loc["develop", "potential"] == 5300.0
    assert s.loc["develop", "untapped"] == 4950.0
    assert s.loc["develop", "estimated"] == 1
    assert s["customers"].sum() == 6
    assert s.loc["develop", "contacts_total"] == 2 * PR_STRATEGIES["develop"]["contacts_per_year"]


def test_pr_strategy_raises_a_given_potential_below_the_revenue(pr):
    """C buys 300 but the customers table says its potential is 120: the potential is
    raised to 300 (penetration 100 %, not 250 %), flagged, and the declared 120 kept."""
    tx, customers = pr
    customers = customers.assign(potential=[None, None, 120.0, None, None, 400.0])
    t = pr_strategy(tx, AS_OF, customers).set_index("customer_id")
    assert t.loc["C", "potential"] == 300.0 and t.loc["C", "penetration"] == 1.0
    assert bool(t.loc["C", "potential_raised"]) and t.loc["C", "declared_potential"] == 120.0
    assert t.loc["C", "untapped"] == 0.0
    # F buys 50 of a given 400: kept as is
    assert not t.loc["F", "potential_raised"] and t.loc["F", "penetration"] == 50 / 400
    # estimated potentials are never below the revenue: not flagged, no declared value
    assert not t.loc["A", "potential_raised"] and np.isnan(t.loc["A", "declared_potential"])
    assert t.attrs["n_raised"] == 1
    assert (t["penetration"].dropna() <= 1).all()


def test_pr_contacts_follow_the_stated_frequencies():
    """The yearly contacts of each strategy are those its frequency sentence states:
    develop = a monthly visit + one call between two visits = 12 visits + 12 calls."""
    dev = PR_STRATEGIES["develop"]
    assert dev["visits_per_year"] == 12 and dev["contacts_per_year"] == 24
    assert "mensuelle" in dev["frequency_fr"] and "appel" in dev["frequency_fr"]
    assert PR_STRATEGIES["defend"]["contacts_per_year"] == 6  # every two months
    assert PR_STRATEGIES["maintain"]["contacts_per_year"] == 4  # quarterly
    assert PR_STRATEGIES["minimal"]["contacts_per_year"] == 2  # two e-mailings a year
    assert all(s["visits_per_year"] <= s["contacts_per_year"] for s in PR_STRATEGIES.values())
    t = pd.DataFrame({"quadrant": ["develop", "develop", "defend", "minimal"],
                      "revenue": 1.0, "potential": 2.0, "untapped": 1.0,
                      "potential_source": "given"})
    s = pr_summary(t).set_index("quadrant")
    assert s["contacts_total"].sum() == 2 * 24 + 6 + 2
    assert s["visits_total"].sum() == 2 * 12 + 6


def test_pr_strategy_moved_cuts(pr):
    tx, customers = pr
    t = pr_strategy(tx, AS_OF, customers, p_cut=0, r_cut=0.5)
    assert set(t["p_class"]) == {"high"}
    q = t.set_index("customer_id")["quadrant"].astype(str)
    assert q["B"] == "defend" and q["A"] == "develop"


def test_pr_strategy_without_customers_table(pr):
    tx, _ = pr
    t = pr_strategy(tx, AS_OF)
    assert set(t["potential_source"]) == {"portfolio"}
    assert t.attrs["n_estimated"] == len(t) == 6


def test_pr_strategy_validation(pr):
    tx, customers = pr
    with pytest.raises(ValueError, match="four"):
        pr_strategy(tx, AS_OF, customers, strategies={"x": {"p": "high", "r": "high"}})
    with pytest.raises(ValueError, match="window"):
        pr_strategy(tx, AS_OF, customers, window_months=0)
    with pytest.raises(ValueError, match="quantile"):
        estimate_potential(pd.Series({"A": 1.0}), quantile=0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.floats(-50, 1000, allow_nan=False),
                          st.one_of(st.none(), st.floats(0, 2000, allow_nan=False)),
                          st.sampled_from(["BTP", "Retail", None])),
                min_size=1, max_size=40),
       st.one_of(st.none(), st.floats(0, 2000)), st.one_of(st.none(), st.floats(0, 2)))
def test_property_every_customer_in_exactly_one_quadrant(rows, p_cut, r_cut):
    tx = pd.DataFrame({"customer_id": [f"K{r[0]}" for r in rows],
                       "date": pd.Timestamp("2024-06-01"), "amount": [r[1] for r in rows]})
    ids = sorted(set(tx["customer_id"]))
    pot = {f"K{r[0]}": r[2] for r in rows}
    sec = {f"K{r[0]}": r[3] for r in rows}
    customers = pd.DataFrame({"customer_id": ids, "potential": [pot[i] for i in ids],
                              "sector": [sec[i] for i in ids]})
    t = pr_strategy(tx, AS_OF, customers, p_cut=p_cut, r_cut=r_cut)
    assert len(t) == len(ids) and t["customer_id"].is_unique
    assert t["quadrant"].notna().all()
    assert (t["untapped"] >= 0).all()
    assert pr_summary(t)["customers"].sum() == len(ids)
    estimated = t[~t["potential_source"].isin(["given", "unknown"])]
    assert (estimated["potential"] >= estimated["revenue"]).all()
    known = t["potential"].notna()
    assert (t.loc[known, "potential"] >= t.loc[known, "revenue"]).all()
    assert (t["penetration"].dropna() <= 1).all()
    assert t.attrs["n_raised"] == int(t["potential_raised"].sum())
    assert t.loc[t["potential_source"] == "unknown", "potential"].isna().all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 1500)), min_size=1, max_size=30))
def test_property_one_stage_per_customer(rows):
    tx = pd.DataFrame({"customer_id": [f"K{r[0]}" for r in rows],
                       "date": pd.Timestamp(AS_OF) - pd.to_timedelta([r[1] for r in rows],
                                                                     unit="D"),
                       "amount": 10.0})
    customers = pd.DataFrame({"customer_id": [f"K{i}" for i in range(8)],
                              "status": ["suspect", None, "prospect chaud", "client",
                                         "perdu", "x", "warm", "cold"]})
    s = lifecycle_stages(tx, AS_OF, customers)
    assert s["customer_id"].is_unique and s["stage"].notna().all()
    assert stage_counts(s)["customers"].sum() == len(s) == 8
    f = lifecycle_funnel(s)
    assert (np.diff(f["customers"].to_numpy()[:5]) <= 0).all()
