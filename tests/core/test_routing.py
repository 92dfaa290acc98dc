"""core.routing: tours at the optimum, multi-day plans within the working hours.

Hand-checkable facts used below:
- points on a circle: the shortest closed tour is the polygon's perimeter, whatever the
  order the points are given in;
- on 8 stops, brute force over the 7! orders gives the optimum;
- at 60 km/h, driving minutes equal road km, so arrival times can be read off the km.
"""

import itertools
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.routing import (
    EXACT_MAX_STOPS,
    RouteSettings,
    _held_karp,
    itinerary_urls,
    plan_routes,
    plan_to_ics,
    solve_tour,
    tour_length,
    working_days,
)

LYON = (45.7612, 4.8518)


def euclid(xy):
    xy = np.asarray(xy, dtype=float)
    return np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))


def brute_force(d, start=0):
    n = len(d)
    others = [i for i in range(n) if i != start]
    return min(tour_length(d, [start, *p]) for p in itertools.permutations(others))


def circle(n, seed=0, radius=10.0):
    rng = np.random.default_rng(seed)
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    xy = radius * np.c_[np.cos(angles), np.sin(angles)]
    perimeter = float(np.hypot(*(np.roll(xy, -1, 0) - xy).T).sum())
    return xy[rng.permutation(n)], perimeter


def is_tour(order, n, start):
    return sorted(order) == list(range(n)) and order[0] == start


# ----------------------------------------------------------------------------- tours
@pytest.mark.parametrize("seed", range(5))
def test_eight_stops_at_the_brute_force_optimum(seed):
    xy = np.random.default_rng(seed).uniform(0, 100, (8, 2))
    d = euclid(xy)
    tour = solve_tour(d)
    assert is_tour(tour.order, 8, 0)
    assert tour.length == pytest.approx(brute_force(d))
    assert tour.length == pytest.approx(tour_length(d, tour.order))


def test_asymmetric_matrix_at_the_brute_force_optimum():
    d = np.random.default_rng(7).uniform(1, 50, (8, 8))
    np.fill_diagonal(d, 0)
    tour = solve_tour(d, start=3)
    assert is_tour(tour.order, 8, 3)
    assert tour.length == pytest.approx(brute_force(d, 3))


@pytest.mark.parametrize("n", [9, 30, 60])
def test_points_on_a_circle_give_the_perimeter(n):
    xy, perimeter = circle(n, seed=n)
    tour = solve_tour(euclid(xy), start=2, time_limit=0.6)
    assert is_tour(tour.order, n, 2)
    assert tour.length == pytest.approx(perimeter, rel=1e-9)
    assert tour.method == ("exact" if n <= EXACT_MAX_STOPS + 1 else "pyvrp+2opt")


@pytest.mark.parametrize("seed", range(3))
def test_heuristic_matches_the_exact_optimum_on_15_stops(seed):
    d = euclid(np.random.default_rng(100 + seed).uniform(0, 1000, (15, 2)))
    _, best = _held_karp(d, 0)
    tour = solve_tour(d, time_limit=0.5, seed=seed)
    assert tour.method == "pyvrp+2opt"
    assert tour.length == pytest.approx(best, rel=1e-9)


def test_held_karp_matches_brute_force():
    d = euclid(np.random.default_rng(3).uniform(0, 10, (7, 2)))
    order, length = _held_karp(d, 4)
    assert is_tour(order, 7, 4)
    assert length == pytest.approx(brute_force(d, 4))
    assert tour_length(d, order) == pytest.approx(length)


def test_tiny_tours():
    assert solve_tour([[0]]).order == (0,)
    assert solve_tour([[0]]).length == 0.0
    two = solve_tour([[0, 3], [5, 0]], start=1)
    assert two.order == (1, 0) and two.length == 8.0
    three = solve_tour([[0, 1, 2], [1, 0, 1], [2, 1, 0]])
    assert three.length == 4.0


def test_same_seed_same_tour():
    d = euclid(np.random.default_rng(5).uniform(0, 1000, (40, 2)))
    a = solve_tour(d, time_limit=0.3, seed=1)
    b = solve_tour(d, time_limit=0.3, seed=1)
    assert is_tour(a.order, 40, 0) and is_tour(b.order, 40, 0)
    assert a.length == pytest.approx(b.length, rel=0.02)


def test_duplicate_points_and_zero_distances():
    xy = [(0, 0), (0, 0), (1, 0), (1, 0), (1, 1), (0, 1)] * 3
    tour = solve_tour(euclid(xy), time_limit=0.3)
    assert is_tour(tour.order, 18, 0)
    assert tour.length == pytest.approx(4.0)


@pytest.mark.parametrize("matrix, message", [
    ([[0, 1, 2], [1, 0, 1]], "square"),
    ([], "empty|square"),
    ([[0, -1], [1, 0]], "negative"),
    ([[0, np.nan], [1, 0]], "missing"),
    ([["a", "b"], ["c", "d"]], "numbers"),
])
def test_bad_matrices_are_refused(matrix, message):
    with pytest.raises(ValueError, match=message):
        solve_tour(matrix)


def test_bad_start_and_time_limit_are_refused():
    d = euclid([(0, 0), (1, 0), (0, 1)])
    with pytest.raises(ValueError, match="start"):
        solve_tour(d, start=3)
    with pytest.raises(ValueError, match="start"):
        solve_tour(d, start=True)
    with pytest.raises(ValueError, match="time limit"):
        solve_tour(d, time_limit=0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 22), st.integers(0, 10_000), st.booleans())
def test_tours_are_feasible_and_above_a_lower_bound(n, seed, symmetric):
    rng = np.random.default_rng(seed)
    if symmetric:
        d = euclid(rng.uniform(0, 100, (n, 2)))
    else:
        d = rng.uniform(0, 100, (n, n))
        np.fill_diagonal(d, 0)
    start = int(rng.integers(n))
    tour = solve_tour(d, start=start, time_limit=0.05, seed=seed)
    assert is_tour(tour.order, n, start)
    assert tour.length == pytest.approx(tour_length(d, tour.order))
    # every stop is left once, along one of its edges: sum of the cheapest exits
    off = d + np.diag(np.full(n, np.inf))
    bound = float(off.min(axis=1).sum()) if n > 1 else 0.0
    assert tour.length >= bound - 1e-9
    assert tour.length <= tour_length(d, [start, *[i for i in range(n) if i != start]]) + 1e-9


# ------------------------------------------------------------------------------ plans
def hav_km(a, b):
    """Independent great-circle distance (math module), for the hand example."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = (math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def ring(n, seed=0, spread=0.4, base=LYON):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "customer_id": [f"C{i:03d}" for i in range(n)],
        "name": [f"Client {i}" for i in range(n)],
        "latitude": base[0] + rng.uniform(-spread, spread, n),
        "longitude": base[1] + rng.uniform(-spread, spread, n),
        "priority": rng.integers(1, 100, n).astype(float),
        "segment": rng.choice(["A", "B", "C"], n),
        "postal_code": [f"69{rng.integers(0, 1000):03d}" for _ in range(n)],
        "city": ["Lyon"] * n,
    })


def check_days(plan, s: RouteSettings):
    start = int(s.day_start[:2]) * 60 + int(s.day_start[3:])
    end = int(s.day_end[:2]) * 60 + int(s.day_end[3:])
    for _day, grp in plan.stops.groupby("day"):
        t0 = grp["departure"].iloc[0]
        t1 = grp["arrival"].iloc[-1]
        assert grp["kind"].iloc[0] == "start" and grp["kind"].iloc[-1] == "end"
        assert t0.hour * 60 + t0.minute >= start
        assert t1.hour * 60 + t1.minute <= end + 1  # minute rounding
        times = grp["arrival"].fillna(grp["departure"])
        assert times.is_monotonic_increasing


def test_hand_example_two_customers_on_a_line():
    base = (45.0, 4.0)
    cands = pd.DataFrame({"customer_id": ["C1", "C2"], "latitude": [45.0, 45.0],
                          "longitude": [4.1, 4.2], "priority": [50.0, 50.0],
                          "segment": ["A", "C"]})
    s = RouteSettings()
    plan = plan_routes(cands, base, "2026-11-02", settings=s, time_limit=0.2)
    assert plan.feasible and plan.issues == []
    visits = plan.visits
    assert visits["customer_id"].tolist() in (["C1", "C2"], ["C2", "C1"])
    legs = [hav_km(base, (45.0, 4.1)), hav_km((45.0, 4.1), (45.0, 4.2)),
            hav_km((45.0, 4.2), base)]
    km = 1.3 * sum(legs)
    day = plan.days.iloc[0]
    assert day["km"] == pytest.approx(km, abs=0.05)
    assert day["drive_h"] == pytest.approx(km / 60, abs=0.01)
    assert day["visit_h"] == pytest.approx(1.5)  # A 60 min + C 30 min
    assert day["cost_km"] == pytest.approx(km * 0.40, abs=0.05)
    assert day["cost_total"] == pytest.approx(day["cost_km"] + day["work_h"] * 35, abs=0.05)
    first = visits.iloc[0]
    leg = legs[0] if first["customer_id"] == "C1" else legs[2]
    expected = pd.Timestamp("2026-11-02 08:30") + pd.Timedelta(minutes=round(1.3 * leg))
    assert first["arrival"] == expected
    assert first["departure"] - first["start"] == pd.Timedelta(
        minutes=60 if first["customer_id"] == "C1" else 30)
    assert day["km_saved"] >= 0


def test_every_candidate_is_visited_once_or_listed():
    cands = ring(60, seed=1)
    s = RouteSettings()
    plan = plan_routes(cands, LYON, "2026-11-02", "2026-11-04", settings=s, time_limit=0.5)
    ids = plan.visits["customer_id"]
    assert ids.is_unique
    assert set(ids) | set(plan.unvisited["customer_id"]) == set(cands["customer_id"])
    assert not set(ids) & set(plan.unvisited["customer_id"])
    assert len(plan.days) == 3
    check_days(plan, s)
    assert (plan.days["km_saved"] >= -1e-6).all()
    assert plan.days["visits"].sum() == len(ids)


def test_weekends_are_skipped_and_lunch_is_taken():
    cands = ring(40, seed=2)
    s = RouteSettings(day_start="08:00", day_end="18:00", lunch_start="12:00",
                      lunch_minutes=45)
    plan = plan_routes(cands, LYON, "2026-11-06", "2026-11-09", settings=s, time_limit=0.4)
    assert [d.weekday() for d in plan.days["date"]] == [4, 0]
    check_days(plan, s)
    lunches = plan.stops[plan.stops["kind"] == "lunch"]
    busy = plan.days[plan.days["visits"] > 0]
    assert len(lunches) == len(busy)
    assert (lunches["departure"] - lunches["arrival"] == pd.Timedelta(minutes=45)).all()
    assert all(t.hour >= 12 for t in lunches["arrival"])


def test_mandatory_visits_are_always_planned():
    cands = ring(80, seed=3)
    cands["priority"] = 90.0
    cands.loc[[5, 17, 42], "priority"] = 1.0
    cands["mandatory"] = False
    cands.loc[[5, 17, 42], "mandatory"] = True
    plan = plan_routes(cands, LYON, "2026-11-02", settings=RouteSettings(), time_limit=0.5)
    assert plan.feasible
    assert {"C005", "C017", "C042"} <= set(plan.visits["customer_id"])


def test_mandatory_visit_too_far_is_explained():
    cands = ring(10, seed=4)
    cands["mandatory"] = False
    far = pd.DataFrame({"customer_id": ["FAR"], "name": ["Brest"], "latitude": [48.39],
                        "longitude": [-4.49], "priority": [99.0], "mandatory": [True]})
    plan = plan_routes(pd.concat([cands, far], ignore_index=True), LYON, "2026-11-02",
                       time_limit=0.3)
    assert not plan.feasible
    issue = next(i for i in plan.issues if i.code == "mandatory_impossible")
    assert issue.customer_id == "FAR" and "FAR" in issue.text and "h" in issue.text
    assert issue.values["need_h"] > issue.values["available_h"]
    assert plan.unvisited.set_index("customer_id").at["FAR", "reason"] == "too_far"
    assert len(plan.visits) > 0  # the rest of the day is still planned


def test_too_many_mandatory_visits_are_explained():
    cands = ring(12, seed=5, spread=0.05)
    cands["mandatory"] = True
    cands["visit_minutes"] = 120.0
    plan = plan_routes(cands, LYON, "2026-11-02", time_limit=0.3)
    assert not plan.feasible
    issue = next(i for i in plan.issues if i.code == "mandatory_not_planned")
    assert "do not fit" in issue.text
    assert 0 < len(plan.visits) < 12  # as many as fit, never a silent empty route
    assert (plan.unvisited["reason"] == "no_time").sum() == 12 - len(plan.visits)


def test_customers_without_coordinates_are_listed_and_left_out():
    cands = ring(5, seed=6)
    cands.loc[1, "latitude"] = np.nan
    cands.loc[3, "longitude"] = 500.0
    plan = plan_routes(cands, LYON, "2026-11-02", time_limit=0.2)
    out = plan.unvisited.set_index("customer_id")
    assert out.loc[["C001", "C003"], "reason"].tolist() == ["no_coordinates"] * 2
    assert not {"C001", "C003"} & set(plan.visits["customer_id"])
    assert any(i.code == "no_coordinates" for i in plan.issues)


def test_time_windows_are_respected():
    cands = ring(15, seed=7, spread=0.1)
    cands["tw_start"] = None
    cands["tw_end"] = None
    cands.loc[0, ["tw_start", "tw_end", "priority"]] = ["14:00", "14:30", 100.0]
    cands.loc[1, ["tw_start", "tw_end", "priority"]] = ["09:00", "09:30", 100.0]
    cands.loc[2, ["tw_start", "tw_end"]] = ["20:00", "21:00"]  # after hours
    plan = plan_routes(cands, LYON, "2026-11-02", time_limit=0.4)
    v = plan.visits.set_index("customer_id")
    assert "14:00" <= v.at["C000", "start"].strftime("%H:%M") <= "14:30"
    assert "09:00" <= v.at["C001", "start"].strftime("%H:%M") <= "09:30"
    assert plan.unvisited.set_index("customer_id").at["C002", "reason"] == "outside_hours"
    check_days(plan, RouteSettings())


def test_max_visits_per_day():
    plan = plan_routes(ring(30, seed=8, spread=0.05), LYON, "2026-11-02", "2026-11-03",
                       settings=RouteSettings(max_visits_per_day=4), time_limit=0.3)
    assert (plan.days["visits"] <= 4).all() and plan.days["visits"].sum() == 8


def test_free_days_and_empty_candidates_are_said():
    plan = plan_routes(ring(2, seed=9, spread=0.02), LYON, "2026-11-02", "2026-11-04",
                       time_limit=0.2)
    assert any(i.code == "free_days" for i in plan.issues)
    empty = plan_routes(ring(0), LYON, "2026-11-02", time_limit=0.2)
    assert [i.code for i in empty.issues] == ["no_candidates"]
    assert len(empty.days) == 1 and empty.days["visits"].iloc[0] == 0


def test_other_end_base():
    cands = ring(8, seed=10, spread=0.1)
    end = (45.1885, 5.7245)  # Grenoble
    plan = plan_routes(cands, LYON, "2026-11-02", end_base=end, time_limit=0.3)
    last = plan.stops.iloc[-1]
    assert last["kind"] == "end" and (last["latitude"], last["longitude"]) == end


@pytest.mark.parametrize("kwargs, message", [
    ({"first_day": "2026-11-02", "last_day": "2026-11-20"}, "14 days"),
    ({"first_day": "2026-11-05", "last_day": "2026-11-02"}, "before"),
    ({"first_day": "2026-11-07", "last_day": "2026-11-08"}, "no working day"),
    ({"first_day": "2026-11-02", "settings": RouteSettings(day_end="08:00")}, "end after"),
    ({"first_day": "2026-11-02", "settings": RouteSettings(speed_kmh=0)}, "speed"),
    ({"first_day": "2026-11-02", "settings": RouteSettings(detour=0.5)}, "detour"),
    ({"first_day": "2026-11-02", "settings": RouteSettings(day_start="8h30")}, "08:30"),
    ({"first_day": "2026-11-02", "base": (None, 4)}, "latitude"),
])
def test_bad_plan_inputs_are_refused(kwargs, message):
    args = {"candidates": ring(3), "base": LYON, **kwargs}
    with pytest.raises(ValueError, match=message):
        plan_routes(**args, time_limit=0.1)


def test_bad_candidate_tables_are_refused():
    with pytest.raises(ValueError, match="priority"):
        plan_routes(ring(3).drop(columns="priority"), LYON, "2026-11-02")
    bad = ring(3)
    bad.loc[0, "priority"] = -1
    with pytest.raises(ValueError, match="C000"):
        plan_routes(bad, LYON, "2026-11-02")
    dup = pd.concat([ring(2), ring(2)])
    with pytest.raises(ValueError, match="twice"):
        plan_routes(dup, LYON, "2026-11-02")


def test_working_days():
    days = working_days("2026-11-02", "2026-11-15")
    assert len(days) == 10 and all(d.weekday() < 5 for d in days)
    assert working_days("2026-11-07", "2026-11-07", weekdays=(5,))[0].isoformat() == \
        "2026-11-07"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 25), st.integers(1, 3), st.integers(0, 1000))
def test_plans_are_feasible_on_random_instances(n, n_days, seed):
    cands = ring(n, seed=seed, spread=0.6)
    s = RouteSettings()
    last = pd.Timestamp("2026-11-02") + pd.Timedelta(days=n_days - 1)
    plan = plan_routes(cands, LYON, "2026-11-02", last, settings=s, time_limit=0.1, seed=seed)
    ids = plan.visits["customer_id"]
    assert ids.is_unique
    assert set(ids) | set(plan.unvisited["customer_id"]) == set(cands["customer_id"])
    check_days(plan, s)
    assert (plan.days["km"] >= 0).all() and (plan.days["km_saved"] >= -1e-6).all()


# ------------------------------------------------------------------ links and calendar
def test_itinerary_urls_split_long_days():
    pts = [(45.0 + k / 100, 4.0) for k in range(14)]
    urls = itinerary_urls(pts)
    assert len(urls) == 2
    assert all(u.startswith("https://www.google.com/maps/dir/?api=1&origin=") for u in urls)
    first_dest = re.search(r"destination=([^&]+)", urls[0]).group(1)
    second_origin = re.search(r"origin=([^&]+)", urls[1]).group(1)
    assert first_dest == second_origin
    assert urls[0].count("%7C") == 8  # 9 waypoints, separated by '|'
    assert itinerary_urls(pts[:1]) == []


def test_ics_is_rfc5545():
    cands = pd.DataFrame({
        "customer_id": ["C1", "C2"],
        "name": ["Dupont, Fils; et Cie \\ très longue raison sociale pour plier la ligne "
                 "à soixante-quinze octets", "Écoles\nNord"],
        "latitude": [45.76, 45.77], "longitude": [4.86, 4.87], "priority": [50.0, 40.0],
        "postal_code": ["69003", "69006"], "city": ["Lyon", "Lyon"]})
    plan = plan_routes(cands, LYON, "2026-11-02", time_limit=0.2)
    ics = plan_to_ics(plan, stamp="2026-10-31T08:00:00", rep="Claire Delorme",
                      labels={"visit": "Visite"})
    assert ics.endswith("\r\n")
    lines = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "\n" not in ics.replace("\r\n", "")
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Visite: Dupont\\, Fils\\; et Cie \\\\ très longue" in unfolded
    assert "SUMMARY:Visite: Écoles\\nNord" in unfolded
    assert unfolded.count("BEGIN:VEVENT") == 2 == unfolded.count("END:VEVENT")
    assert "DTSTAMP:20261031T080000Z" in unfolded
    assert re.search(r"DTSTART;TZID=Europe/Paris:20261102T\d{6}", unfolded)
    assert "BEGIN:VTIMEZONE" in unfolded and "UID:20261102-C1@capital-client" in unfolded


def test_mandatory_visits_that_fit_alone_but_not_together_are_explained():
    towns = pd.DataFrame({"customer_id": ["GRE", "STE", "BOU"],
                          "name": ["Grenoble", "Saint-Étienne", "Bourg-en-Bresse"],
                          "latitude": [45.1885, 45.4397, 46.2052],
                          "longitude": [5.7245, 4.3872, 5.2255],
                          "priority": [10.0, 10.0, 10.0], "mandatory": [True] * 3,
                          "visit_minutes": [120.0] * 3})
    plan = plan_routes(towns, LYON, "2026-11-02", time_limit=0.3)
    assert not plan.feasible
    assert any(i.code == "mandatory_not_planned" for i in plan.issues)
    assert not any(i.code == "mandatory_impossible" for i in plan.issues)
    assert 1 <= len(plan.visits) < 3
    check_days(plan, RouteSettings())


# -- higher priorities first (review: priority-100 customers left out for priority-58) ----
def _one_slot_day():
    """08:30-10:30 without lunch: 120 working minutes, room for one 60-minute visit."""
    return RouteSettings(day_start="08:30", day_end="10:30", lunch_minutes=0,
                         visit_minutes={"default": 60})


def test_higher_priority_customer_wins_when_it_fits():
    # LOW is next to the base, HIGH 20 km away: each fits alone (HIGH: ~52 min of driving
    # + 60 min visit <= 120 min), not both; HIGH must be chosen over LOW.
    cands = pd.DataFrame({"customer_id": ["LOW", "HIGH"], "latitude": [45.765, 45.94],
                          "longitude": [4.855, 4.85], "priority": [58.0, 100.0]})
    plan = plan_routes(cands, LYON, "2026-11-02", settings=_one_slot_day(), time_limit=0.2)
    assert plan.visits["customer_id"].tolist() == ["HIGH"]
    out = plan.unvisited.set_index("customer_id")
    assert out.at["LOW", "reason"] == "no_time"
    check_days(plan, _one_slot_day())


def test_upgrade_pass_swaps_a_lower_priority_visit_for_a_higher_one():
    # whatever the solver returned, the pass replaces the priority-58 visit (index 0)
    # by the priority-100 customer (index 1) that fits in its place
    from core.routing import _upgrade

    c = pd.DataFrame({"priority": [58.0, 100.0, 30.0], "mandatory": [False, False, False],
                      "visit_minutes": [60.0, 60.0, 60.0], "tw_start": [np.nan] * 3,
                      "tw_end": [np.nan] * 3})
    minutes = np.full((5, 5), 10.0)
    np.fill_diagonal(minutes, 0.0)
    h = {"start": 510, "end": 630, "lunch": 720, "lunch_min": 0}  # 120 working minutes
    assert _upgrade([[0]], c, minutes, minutes, h, n_days=1, cap=None) == [[1]]
    # a mandatory visit is never given up
    assert _upgrade([[0]], c.assign(mandatory=[True, False, False]), minutes, minutes, h,
                    n_days=1, cap=None) == [[0]]
    # a free day takes the newcomer without removing anything
    assert sorted(map(sorted, _upgrade([[0]], c, minutes, minutes, h, n_days=2,
                                       cap=None))) == [[0], [1]]


def test_high_priority_customer_too_far_for_the_time_gets_its_true_reason():
    # Four priority-58 customers next to the base fill the 4-hour day; a priority-100
    # customer ~42 road km away needs ~2 h 20 (drive there and back + visit): it would take
    # the place of two near visits (2 x 58 = 116 points > 100), so it is left out as too
    # far for the time available, with its road distance from the base.
    near = pd.DataFrame({"customer_id": ["N1", "N2", "N3", "N4"],
                         "latitude": [45.762, 45.763, 45.764, 45.765],
                         "longitude": [4.852, 4.853, 4.854, 4.855],
                         "priority": [58.0, 58.0, 58.0, 58.0]})
    far = pd.DataFrame({"customer_id": ["FAR"], "latitude": [46.05], "longitude": [4.85],
                        "priority": [100.0]})
    s = RouteSettings(day_start="08:30", day_end="12:30", lunch_minutes=0,
                      visit_minutes={"default": 55})
    plan = plan_routes(pd.concat([near, far], ignore_index=True), LYON, "2026-11-02",
                       settings=s, time_limit=0.3)
    assert "FAR" not in set(plan.visits["customer_id"])
    out = plan.unvisited.set_index("customer_id")
    assert out.at["FAR", "reason"] == "far_for_time"
    assert out.at["FAR", "base_km"] > 30
    assert out.at["FAR", "need_min"] > 120  # ~84 min of driving + the 55-minute visit
    assert (out.drop(index="FAR")["reason"] == "no_time").all()


def test_priority_exponent_lets_one_high_priority_replace_two_lower_ones():
    # one 120-minute day holding two 60-minute visits of priority 58; a priority-100
    # customer needs the whole day: 100^2 = 10000 > 58^2 + 58^2 = 6728, but 100 < 116
    from core.routing import _upgrade

    c = pd.DataFrame({"priority": [58.0, 58.0, 100.0], "mandatory": [False] * 3,
                      "visit_minutes": [60.0, 60.0, 120.0], "tw_start": [np.nan] * 3,
                      "tw_end": [np.nan] * 3})
    minutes = np.zeros((5, 5))
    h = {"start": 510, "end": 630, "lunch": 720, "lunch_min": 0}
    assert _upgrade([[0, 1]], c, minutes, minutes, h, 1, None, exponent=2.0) == [[2]]
    assert _upgrade([[0, 1]], c, minutes, minutes, h, 1, None, exponent=1.0) == [[0, 1]]
    with pytest.raises(ValueError, match="priority exponent"):
        plan_routes(c.assign(customer_id=["a", "b", "c"], latitude=45.0, longitude=4.0),
                    LYON, "2026-11-02", settings=RouteSettings(priority_exponent=0.5))
