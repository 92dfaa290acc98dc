"""Itineraries (gestion d'itinéraires): tours, and which customers to visit on which day.

Two levels (DOMAIN.md section 7, geomarketing):

- :func:`solve_tour` orders stops so that a closed tour through all of them is as short
  as possible (travelling salesman problem). Up to :data:`EXACT_MAX_STOPS` stops it is
  solved exactly (Held-Karp dynamic programming); above, PyVRP's iterated local search
  runs for 60 % of the time budget, a numpy 2-opt / Or-opt local search polishes its
  tour, PyVRP restarts from the polished tour with another seed for 3/4 of what is
  left, and 2-opt / Or-opt with double-bridge kicks uses the rest. PyVRP has no
  intra-route reversal move, so on its own it can stay in a local optimum (measured:
  kroA100 1.3 % above the optimum with some seeds); the 2-opt polish removes exactly
  that kind of defect, and the warm restart lets PyVRP go on from there.
- :func:`plan_routes` chooses, for one sales rep and a range of working days, which
  customers to visit on which day and in what order, collecting as much priority as the
  working hours allow (prize-collecting vehicle routing, one route per day, solved with
  PyVRP). Mandatory visits are always included, or the plan says why they cannot be.
  Each day comes with arrival times, km, driving, visit and waiting time, a cost
  (per km and per hour), a comparison with the naive order (by postal code), a link
  opening the itinerary in Google Maps, and can be exported as an .ics calendar.

Road distance = great-circle (haversine) distance x detour factor (1.3 by default);
driving time = road distance / average speed. No network is ever used.

Example
-------
>>> d = [[0, 2, 9, 10], [2, 0, 6, 4], [9, 6, 0, 3], [10, 4, 3, 0]]
>>> tour = solve_tour(d)
>>> tour.order, tour.length
((0, 2, 3, 1), 18.0)
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote

import numpy as np
import pandas as pd

from core.geo import DEFAULT_DETOUR, DEFAULT_SPEED_KMH, distance_matrix_km

__all__ = [
    "EXACT_MAX_STOPS",
    "RouteSettings",
    "RoutePlan",
    "PlanIssue",
    "Tour",
    "itinerary_urls",
    "plan_routes",
    "plan_to_ics",
    "solve_tour",
    "tour_length",
    "working_days",
]

#: Tours with at most this many stops are solved exactly (Held-Karp, 2^n * n^2 steps).
EXACT_MAX_STOPS = 12
#: Longest planning range, in calendar days (two weeks).
MAX_PLAN_DAYS = 14
#: Google Maps accepts up to 9 intermediate points in a directions link.
MAPS_MAX_WAYPOINTS = 9

_INTEGER_SCALE = 1_000_000  # PyVRP works on integers: longest edge -> 10^6 units
# One visit = this many load units, so that the capacity penalty (per unit, capped by
# PyVRP at 10^5) always outweighs the prize of an extra visit.
_LOAD_UNIT = 10_000


# =============================================================================== tours
@dataclass(frozen=True)
class Tour:
    """A closed tour: ``order`` visits every index once, starting at ``start``.

    ``length`` is the length of the closed tour (back to the start) in the units of the
    distance matrix; ``method`` says how it was found ("trivial", "exact" or
    "pyvrp+2opt").
    """

    order: tuple[int, ...]
    length: float
    method: str = ""


def _as_matrix(distance_matrix) -> np.ndarray:
    try:
        d = np.asarray(distance_matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError("the distance matrix must contain numbers only") from exc
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise ValueError(f"the distance matrix must be square (n x n), got shape {d.shape}")
    if d.shape[0] == 0:
        raise ValueError("the distance matrix is empty: there is no stop to visit")
    if not np.isfinite(d).all():
        raise ValueError("the distance matrix has missing or infinite distances; "
                         "check that every stop has coordinates")
    if (d < 0).any():
        raise ValueError("the distance matrix has negative distances")
    return d


def tour_length(distance_matrix, order: Sequence[int]) -> float:
    """Length of the closed tour visiting ``order`` and returning to ``order[0]``.

    Formula: ``sum(d[order[k], order[k+1]]) + d[order[-1], order[0]]``.

    >>> tour_length([[0, 1, 2], [1, 0, 1], [2, 1, 0]], [0, 1, 2])
    4.0
    """
    d = np.asarray(distance_matrix, dtype=float)
    t = np.asarray(order, dtype=int)
    if t.size == 0:
        return 0.0
    return float(d[t, np.roll(t, -1)].sum())


def _held_karp(d: np.ndarray, start: int) -> tuple[list[int], float]:
    """Exact shortest closed tour by dynamic programming over subsets (n <= 13)."""
    n = len(d)
    others = np.array([i for i in range(n) if i != start])
    m = len(others)
    sub = d[np.ix_(others, others)]
    full = 1 << m
    dp = np.full((full, m), np.inf)
    parent = np.full((full, m), -1, dtype=np.int64)
    singles = 1 << np.arange(m)
    dp[singles, np.arange(m)] = d[start, others]
    masks = np.arange(full, dtype=np.int64)
    counts = np.bitwise_count(masks)
    for size in range(2, m + 1):
        level = masks[counts == size]
        for j in range(m):
            sel = level[((level >> j) & 1) == 1]
            cand = dp[sel ^ (1 << j)] + sub[:, j][None, :]
            k = np.argmin(cand, axis=1)
            dp[sel, j] = cand[np.arange(len(sel)), k]
            parent[sel, j] = k
    last = dp[full - 1] + d[others, start]
    j = int(np.argmin(last))
    length = float(last[j])
    path, mask = [], full - 1
    while j >= 0:
        path.append(int(others[j]))
        mask, j = mask ^ (1 << j), int(parent[mask, j])
    return [start, *path[::-1]], length


def _prefix(costs: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(costs)))


def _two_opt_move(d: np.ndarray, t: np.ndarray) -> tuple[float, int, int]:
    """Best 2-opt move on the closed tour ``t``: reverse ``t[i+1 : j+1]``.

    Asymmetric matrices are handled: the reversed segment is charged its reverse cost.
    """
    n = len(t)
    nxt = np.roll(t, -1)
    fwd = _prefix(d[t, nxt])
    bwd = _prefix(d[nxt, t])
    delta = (d[t[:, None], t[None, :]] + d[nxt[:, None], nxt[None, :]]
             - d[t, nxt][:, None] - d[t, nxt][None, :])
    delta += (bwd[None, :n] - fwd[None, :n]) - (bwd[1:, None] - fwd[1:, None])
    allowed = np.triu(np.ones((n, n), dtype=bool), 2)
    allowed[0, n - 1] = False
    delta[~allowed] = np.inf
    k = int(np.argmin(delta))
    i, j = divmod(k, n)
    return float(delta[i, j]), i, j


def _or_opt_move(d: np.ndarray, t: np.ndarray, max_len: int = 3):
    """Best Or-opt move: a segment of 1..3 stops (not the start) moved elsewhere,
    possibly reversed. Returns (delta, (i, length, p, reversed)) or (0.0, None)."""
    n = len(t)
    best: tuple[float, tuple | None] = (0.0, None)
    nxt = np.roll(t, -1)
    fwd = _prefix(d[t, nxt])
    bwd = _prefix(d[nxt, t])
    edge = d[t, nxt]
    positions = np.arange(n)
    for seg in range(1, max_len + 1):
        if n < seg + 3:
            break
        i = np.arange(1, n - seg + 1)
        first, last = t[i], t[i + seg - 1]
        before, after = t[i - 1], t[(i + seg) % n]
        saving = d[before, first] + d[last, after] - d[before, after]
        straight = d[t[None, :], first[:, None]] + d[last[:, None], nxt[None, :]] - edge[None, :]
        inner = (bwd[i + seg - 1] - bwd[i]) - (fwd[i + seg - 1] - fwd[i])
        flipped = (d[t[None, :], last[:, None]] + d[first[:, None], nxt[None, :]]
                   - edge[None, :] + inner[:, None])
        cost = np.minimum(straight, flipped) - saving[:, None]
        touching = ((positions[None, :] >= (i - 1)[:, None])
                    & (positions[None, :] <= (i + seg - 1)[:, None]))
        cost[touching] = np.inf
        k = int(np.argmin(cost))
        a, p = divmod(k, n)
        if cost[a, p] < best[0]:
            best = (float(cost[a, p]), (int(i[a]), seg, p, bool(flipped[a, p] < straight[a, p])))
    return best


def _apply_or_opt(t: np.ndarray, move: tuple) -> np.ndarray:
    i, seg, p, flipped = move
    block = t[i:i + seg][::-1] if flipped else t[i:i + seg]
    rest = np.concatenate((t[:i], t[i + seg:]))
    q = p if p < i else p - seg
    return np.concatenate((rest[:q + 1], block, rest[q + 1:]))


def _local_search(d: np.ndarray, t: np.ndarray, deadline: float = math.inf) -> np.ndarray:
    """2-opt + Or-opt best improvement until no move shortens the tour (position 0 fixed)."""
    t = np.array(t, dtype=np.int64)
    if len(t) < 4:
        return t
    tol = 1e-12 * max(1.0, float(d.max()))
    while time.perf_counter() < deadline or deadline == math.inf:
        gain2, i, j = _two_opt_move(d, t)
        gain3, move = _or_opt_move(d, t)
        if min(gain2, gain3) >= -tol:
            break
        if gain2 <= gain3:
            t[i + 1:j + 1] = t[i + 1:j + 1][::-1].copy()
        else:
            t = _apply_or_opt(t, move)
    return t


def _double_bridge(t: np.ndarray, rng: np.random.Generator, window: int = 50) -> np.ndarray:
    """Cut three nearby edges and reconnect the pieces in another order (a 'kick')."""
    n = len(t)
    if n < 8:
        return t.copy()
    span = min(window, n - 1)
    lo = int(rng.integers(1, n - span + 1))
    a, b, c = np.sort(rng.choice(np.arange(lo + 1, lo + span), 3, replace=False))
    return np.concatenate((t[:a], t[b:c], t[a:b], t[c:]))


def _iterated_local_search(d, t, deadline, rng):
    best = _local_search(d, t)
    best_len = tour_length(d, best)
    current, current_len = best, best_len
    while time.perf_counter() < deadline:
        candidate = _local_search(d, _double_bridge(current, rng), deadline)
        length = tour_length(d, candidate)
        if length <= current_len:
            current, current_len = candidate, length
            if length < best_len:
                best, best_len = candidate, length
    return best


def _pyvrp_data(d: np.ndarray, start: int):
    """PyVRP problem of a closed tour: the start is the depot, the others are clients."""
    from pyvrp import Client, Depot, Location, ProblemData, VehicleType

    n = len(d)
    nodes = np.array([start, *[i for i in range(n) if i != start]])
    top = float(d.max())
    scale = _INTEGER_SCALE / top if top > 0 else 1.0
    dist = np.rint(d[np.ix_(nodes, nodes)] * scale).astype(np.int64)
    data = ProblemData([Location(x=0.0, y=0.0) for _ in range(n)],
                       [Client(location=k) for k in range(1, n)],
                       [Depot(location=0)], [VehicleType(1)], [dist], [np.zeros_like(dist)])
    return data, nodes


def _pyvrp_run(data, nodes: np.ndarray, seconds: float, seed: int,
               initial: np.ndarray | None = None) -> np.ndarray:
    """PyVRP's iterated local search for ``seconds``, optionally from a known tour."""
    from pyvrp import Solution, solve
    from pyvrp.stop import MaxRuntime

    warm = None
    if initial is not None:
        position = np.empty(len(nodes), dtype=np.int64)
        position[nodes] = np.arange(len(nodes))
        warm = Solution(data, [[int(position[i]) - 1 for i in initial[1:]]])
    result = solve(data, MaxRuntime(max(seconds, 0.0)), seed=seed, collect_stats=False,
                   initial_solution=warm)
    visits = [a.idx + 1 for a in result.best.routes()[0] if a.is_client()]
    return nodes[[0, *visits]]


def _pyvrp_tour(d: np.ndarray, start: int, seconds: float, seed: int) -> np.ndarray:
    """PyVRP alone (no polish), for comparison in the benchmark."""
    data, nodes = _pyvrp_data(d, start)
    return _pyvrp_run(data, nodes, seconds, seed)


def solve_tour(distance_matrix, start: int = 0, time_limit: float = 1.0,
               seed: int = 0) -> Tour:
    """Shortest closed tour through every stop of ``distance_matrix``, from ``start``.

    Minimises ``L = sum_k d[o_k, o_(k+1)] + d[o_(n-1), o_0]`` over orders ``o`` with
    ``o_0 = start``. Exact (Held-Karp) up to :data:`EXACT_MAX_STOPS` stops; above, PyVRP
    (60 % of ``time_limit``), a 2-opt / Or-opt polish, PyVRP again from the polished
    tour, then 2-opt / Or-opt with double-bridge kicks until the time is up. The result
    is never longer than the tour in index order.

    Parameters
    ----------
    distance_matrix : array-like (n, n)
        Non-negative distances (km, minutes, euros...); may be asymmetric.
    start : int
        Index of the first stop (the rep's base).
    time_limit : float
        Seconds the heuristic may use (ignored by the exact method).
    seed : int
        Random seed: the same inputs give the same tour.

    Returns
    -------
    Tour
        ``.order`` (every index once, starting at ``start``), ``.length`` (closed tour,
        same units as the matrix), ``.method``.

    Raises
    ------
    ValueError
        If the matrix is not square, is empty, holds negative or missing distances, or if
        ``start`` or ``time_limit`` is out of range.

    Examples
    --------
    >>> import numpy as np
    >>> angles = np.linspace(0, 2 * np.pi, 9)[:-1]
    >>> xy = np.c_[np.cos(angles), np.sin(angles)][[0, 4, 2, 6, 1, 5, 3, 7]]
    >>> d = np.hypot(*(xy[:, None] - xy[None]).transpose(2, 0, 1))
    >>> round(solve_tour(d).length, 4)   # the octagon's perimeter
    6.1229
    """
    d = _as_matrix(distance_matrix)
    n = len(d)
    if isinstance(start, bool) or not isinstance(start, int | np.integer) or not 0 <= start < n:
        raise ValueError(f"start must be the index of a stop, between 0 and {n - 1}")
    if not (isinstance(time_limit, int | float) and time_limit > 0 and math.isfinite(time_limit)):
        raise ValueError("the time limit must be a positive number of seconds")
    start = int(start)
    if n <= 3:
        order = [start, *[i for i in range(n) if i != start]]
        return Tour(tuple(order), tour_length(d, order), "trivial")
    if n <= EXACT_MAX_STOPS + 1:
        order, length = _held_karp(d, start)
        return Tour(tuple(order), float(length), "exact")
    deadline = time.perf_counter() + time_limit
    rng = np.random.default_rng(seed)
    data, nodes = _pyvrp_data(d, start)
    tour = _pyvrp_run(data, nodes, time_limit * 0.6, seed)
    tour = _local_search(d, tour, deadline)
    tour = _pyvrp_run(data, nodes, (deadline - time.perf_counter()) * 0.75, seed + 1, tour)
    tour = _iterated_local_search(d, tour, deadline, rng)
    baseline = np.array([start, *[i for i in range(n) if i != start]])
    if tour_length(d, baseline) < tour_length(d, tour):  # safety net, never seen
        tour = baseline
    return Tour(tuple(int(i) for i in tour), tour_length(d, tour), "pyvrp+2opt")


# ========================================================================= distances
def _road_km(lat: np.ndarray, lon: np.ndarray, detour: float) -> np.ndarray:
    """Matrix of estimated road km: great-circle km (core.geo) x detour factor."""
    return distance_matrix_km(lat, lon) * detour


# ============================================================ multi-day route plans
@dataclass(frozen=True)
class RouteSettings:
    """The rules of a rep's days (editable from the UI; times as "HH:MM").

    Attributes
    ----------
    day_start, day_end : str
        Leaving the base and latest return.
    lunch_start : str
        The lunch break starts at the first free moment from this time.
    lunch_minutes : int
        Length of the lunch break (0 = no break).
    visit_minutes : dict
        Visit duration per segment (class "A", "B", "C", prospects...); "default"
        for any other segment.
    speed_kmh, detour : float
        Average driving speed and road / straight-line distance ratio.
    cost_per_km, cost_per_hour : float
        Car cost (euros per km) and loaded cost of the rep's time (euros per hour).
    prize_per_point : float
        Euros a priority point is worth when it is weighed against driving costs.
    priority_exponent : float
        How strongly higher priorities win once the days are full: a left-out customer
        takes the place of planned visits when ``priority ** priority_exponent`` exceeds
        the sum over the visits it replaces (2: one priority-100 customer is worth more
        than two priority-58 ones, 10000 > 6728; 1: plain sum of priorities).
    weekdays : tuple of int
        Working days (Monday = 0).
    max_visits_per_day : int or None
        Cap on visits per day.
    """

    day_start: str = "08:30"
    day_end: str = "17:30"
    lunch_start: str = "12:00"
    lunch_minutes: int = 60
    visit_minutes: dict = field(default_factory=lambda: {
        "A": 60, "B": 45, "C": 30, "hot prospect": 60, "warm prospect": 45,
        "cold prospect": 30, "default": 45})
    speed_kmh: float = DEFAULT_SPEED_KMH
    detour: float = DEFAULT_DETOUR
    cost_per_km: float = 0.40
    cost_per_hour: float = 35.0
    prize_per_point: float = 10.0
    priority_exponent: float = 2.0
    weekdays: tuple = (0, 1, 2, 3, 4)
    max_visits_per_day: int | None = None


@dataclass(frozen=True)
class PlanIssue:
    """Something the user must know about a plan: ``code`` (stable, for translation),
    ``text`` (an English sentence), the customer concerned and the figures used."""

    code: str
    text: str
    customer_id: str | None = None
    values: dict = field(default_factory=dict)


@dataclass
class RoutePlan:
    """Result of :func:`plan_routes`.

    Attributes
    ----------
    stops : DataFrame
        One row per event of each day, in order: ``kind`` "start", "visit", "lunch",
        "end"; day, day_index, seq, customer_id, name, segment, priority, mandatory,
        latitude, longitude, postal_code, city, arrival, start, departure, wait_min,
        drive_km, drive_min, visit_min.
    days : DataFrame
        One row per working day: date, visits, priority, start, end, km, drive_h,
        visit_h, wait_h, lunch_min, work_h, cost_km, cost_time, cost_total, naive_km,
        naive_drive_h, km_saved, hours_saved, map_url, map_urls.
    unvisited : DataFrame
        Candidates left out: customer_id, name, priority, mandatory, reason
        ("no_coordinates"; "too_far": cannot fit in a day even alone; "outside_hours";
        "far_for_time": outranks a planned visit but its detour and visit need more time
        than the lower-priority visits it may replace (``priority_exponent``) would free; "no_time": every
        planned visit has a priority at least as high), base_km (road km from the base,
        missing without coordinates), need_min (fewest extra minutes of driving and visit
        it needs in the plan; for "no_time" and "far_for_time").
    issues : list of PlanIssue
        Explanations (mandatory visits that cannot fit, empty days...).
    feasible : bool
        False when a mandatory visit could not be planned.
    """

    stops: pd.DataFrame
    days: pd.DataFrame
    unvisited: pd.DataFrame
    issues: list
    feasible: bool
    settings: RouteSettings
    base: tuple
    end_base: tuple

    @property
    def visits(self) -> pd.DataFrame:
        """The visit rows of :attr:`stops`."""
        return self.stops[self.stops["kind"] == "visit"].reset_index(drop=True)


def _minutes(text, what: str) -> int:
    """'08:30' -> 510; numbers are taken as minutes after midnight."""
    if isinstance(text, int | float | np.integer | np.floating) and not isinstance(text, bool):
        if not (0 <= float(text) <= 24 * 60):
            raise ValueError(f"{what} must be a time between 00:00 and 24:00, got {text!r}")
        return int(round(float(text)))
    try:
        hours, _, mins = str(text).strip().partition(":")
        value = int(hours) * 60 + int(mins or 0)
    except ValueError as exc:
        raise ValueError(f"{what} must be a time such as '08:30', got {text!r}") from exc
    if not 0 <= value <= 24 * 60 or not 0 <= int(mins or 0) < 60:
        raise ValueError(f"{what} must be a time between 00:00 and 24:00, got {text!r}")
    return value


def _hhmm(minutes: float) -> str:
    m = int(round(minutes))
    return f"{m // 60:02d}:{m % 60:02d}"


def working_days(first_day, last_day, weekdays: Sequence[int] = (0, 1, 2, 3, 4)) -> list:
    """Working days between two dates included (at most two weeks apart).

    Raises
    ------
    ValueError
        If the range is reversed, longer than 14 days, or has no working day.

    >>> [d.isoformat() for d in working_days("2026-11-06", "2026-11-10")]
    ['2026-11-06', '2026-11-09', '2026-11-10']
    """
    try:
        a, b = pd.Timestamp(first_day).date(), pd.Timestamp(last_day).date()
    except (ValueError, TypeError) as exc:
        raise ValueError("the first and last days must be dates such as '2026-11-02'") from exc
    if b < a:
        raise ValueError("the last day of the plan is before the first day")
    if (b - a).days + 1 > MAX_PLAN_DAYS:
        raise ValueError(f"a plan covers at most {MAX_PLAN_DAYS} days (two weeks); "
                         f"{a.isoformat()} to {b.isoformat()} is {(b - a).days + 1} days")
    days = [a + timedelta(k) for k in range((b - a).days + 1)]
    days = [x for x in days if x.weekday() in set(weekdays)]
    if not days:
        raise ValueError("the chosen period has no working day; widen it or change the "
                         "working weekdays")
    return days


def _check_settings(s: RouteSettings) -> dict:
    start = _minutes(s.day_start, "the start of the day")
    end = _minutes(s.day_end, "the end of the day")
    lunch = _minutes(s.lunch_start, "the lunch time")
    if end <= start:
        raise ValueError("the working day must end after it starts")
    if not 0 <= s.lunch_minutes < end - start:
        raise ValueError("the lunch break must be shorter than the working day")
    if not (s.speed_kmh > 0 and math.isfinite(s.speed_kmh)):
        raise ValueError("the average speed must be a positive number of km/h")
    if not (s.detour >= 1 and math.isfinite(s.detour)):
        raise ValueError("the detour factor must be at least 1 (roads are never shorter "
                         "than the straight line)")
    if s.cost_per_km < 0 or s.cost_per_hour < 0 or s.prize_per_point < 0:
        raise ValueError("costs and the value of a priority point cannot be negative")
    if any(not (v > 0) for v in s.visit_minutes.values()):
        raise ValueError("every visit duration must be a positive number of minutes")
    if not (1 <= s.priority_exponent <= 4):
        raise ValueError("the priority exponent must be between 1 (sum of priorities) "
                         "and 4 (the highest priorities almost always win)")
    if s.max_visits_per_day is not None and s.max_visits_per_day < 1:
        raise ValueError("the maximum number of visits per day must be at least 1")
    lunch_at = min(max(lunch, start), end)
    return {"start": start, "end": end, "lunch": lunch_at,
            "lunch_min": int(s.lunch_minutes) if lunch_at < end else 0}


def _candidates(frame: pd.DataFrame, s: RouteSettings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validated candidates with coordinates, and those without (listed, left out)."""
    if not isinstance(frame, pd.DataFrame):
        raise ValueError("the candidates must be a table with one row per customer")
    missing = [c for c in ("customer_id", "latitude", "longitude", "priority")
               if c not in frame.columns]
    if missing:
        raise ValueError("the candidate table lacks the column(s) " + ", ".join(missing)
                         + "; geocode the customers and compute their priority first")
    c = frame.copy()
    c["customer_id"] = c["customer_id"].astype(str)
    if c["customer_id"].duplicated().any():
        dup = c.loc[c["customer_id"].duplicated(), "customer_id"].iloc[0]
        raise ValueError(f"customer {dup} appears twice in the candidates")
    for col in ("latitude", "longitude", "priority"):
        c[col] = pd.to_numeric(c[col], errors="coerce")
    bad = c["priority"].isna() | (c["priority"] < 0)
    if bad.any():
        raise ValueError(f"customer {c.loc[bad, 'customer_id'].iloc[0]} has no valid "
                         "priority (a number >= 0)")
    lat_ok = c["latitude"].between(-90, 90) & c["longitude"].between(-180, 180)
    c["name"] = c["name"].astype(object) if "name" in c else c["customer_id"]
    c["name"] = c["name"].where(c["name"].notna(), c["customer_id"])
    c["mandatory"] = (c["mandatory"].fillna(False).astype(bool) if "mandatory" in c
                      else False)
    if "segment" not in c:
        c["segment"] = "default"
    for col in ("postal_code", "city"):
        if col not in c:
            c[col] = ""
    default = s.visit_minutes.get("default", 45)
    if "visit_minutes" in c:
        vm = pd.to_numeric(c["visit_minutes"], errors="coerce")
    else:
        vm = pd.Series(np.nan, index=c.index)
    seg_minutes = c["segment"].map(lambda x: s.visit_minutes.get(x, default))
    c["visit_minutes"] = vm.fillna(seg_minutes).astype(float)
    if (c["visit_minutes"] <= 0).any():
        raise ValueError("visit durations must be positive numbers of minutes")
    for col in ("tw_start", "tw_end"):
        if col not in c:
            c[col] = np.nan
        c[col] = [np.nan if (v is None or (isinstance(v, float) and np.isnan(v))
                             or (isinstance(v, str) and not v.strip()))
                  else _minutes(v, f"the time window of {cid}")
                  for v, cid in zip(c[col], c["customer_id"])]
    c = c.reset_index(drop=True)
    return c[lat_ok.to_numpy()].reset_index(drop=True), c[~lat_ok.to_numpy()].reset_index(
        drop=True)


def _to_work(m: np.ndarray, h: dict) -> np.ndarray:
    """Wall-clock minutes -> working minutes since the start of the day, lunch removed."""
    m = np.asarray(m, dtype=float)
    w = m - h["start"]
    after = m >= h["lunch"] + h["lunch_min"]
    during = (m > h["lunch"]) & ~after
    w = np.where(after, w - h["lunch_min"], w)
    return np.where(during, h["lunch"] - h["start"], w)


def _simulate(order: list, km: np.ndarray, minutes: np.ndarray, c: pd.DataFrame, h: dict,
              start_node: int, end_node: int) -> dict:
    """Wall-clock schedule of one day: drive, lunch, wait for the window, visit.

    Nodes: 0 = start base, 1 = end base, k + 2 = candidate row k. The lunch break is
    taken at the first free moment at or after lunch time: on arriving at a customer,
    at the end of a visit, or during a wait for a time window long enough to hold it.
    ``ok`` is False when a visit starts after its window or the day ends too late.
    """
    t = float(h["start"])
    pause = h["lunch_min"]
    lunched = pause == 0
    rows, prev, ok = [], start_node, True
    for k in order:
        node = k + 2
        drive = float(minutes[prev, node])
        arrive = t + drive
        lunch_at = None
        ready = arrive
        if not lunched and arrive >= h["lunch"]:
            lunch_at, ready, lunched = arrive, arrive + pause, True
        tw0, tw1 = c.at[k, "tw_start"], c.at[k, "tw_end"]
        begin = ready if np.isnan(tw0) else max(ready, float(tw0))
        wait = begin - ready
        if not lunched and wait >= pause and begin - pause >= h["lunch"]:
            lunch_at, lunched = max(ready, float(h["lunch"])), True
            wait -= pause
        if not np.isnan(tw1) and begin > tw1 + 1e-6:
            ok = False
        visit = float(c.at[k, "visit_minutes"])
        row = {"k": k, "arrival": arrive, "start": begin, "departure": begin + visit,
               "wait_min": wait, "drive_km": float(km[prev, node]), "drive_min": drive,
               "visit_min": visit, "lunch_at": lunch_at, "lunch_after": None}
        t = begin + visit
        if not lunched and t >= h["lunch"]:
            row["lunch_after"], lunched = t, True
            t += pause
        rows.append(row)
        prev = node
    drive = float(minutes[prev, end_node])
    back = t + drive
    if back > h["end"] + 1e-6:
        ok = False
    return {"rows": rows, "end": back, "end_km": float(km[prev, end_node]),
            "end_min": drive, "ok": ok}


def _solve_plan(c, km, minutes, h, n_days, s, time_limit, seed, required):
    """One PyVRP solve; returns (routes as lists of candidate rows, feasible)."""
    from pyvrp import Client, Depot, Location, ProblemData, VehicleType, solve
    from pyvrp.exceptions import PenaltyBoundWarning
    from pyvrp.stop import MaxRuntime

    n = len(c)
    work_min = h["end"] - h["start"] - h["lunch_min"]
    cost = (km * s.cost_per_km + minutes / 60.0 * s.cost_per_hour) * 1000.0  # milli-euros
    dist = np.rint(cost).astype(np.int64)
    dur = np.rint(minutes * 60.0).astype(np.int64)  # seconds
    np.fill_diagonal(dist, 0)
    np.fill_diagonal(dur, 0)
    tw0 = _to_work(c["tw_start"].fillna(h["start"]).to_numpy(), h)
    tw1 = _to_work(c["tw_end"].fillna(h["end"]).to_numpy(), h)
    prizes = np.rint(c["priority"].to_numpy() * s.prize_per_point * 1000.0).astype(np.int64)
    big = int(prizes.max(initial=0) * 10 + cost.max(initial=0) * (n + 2) + 1)
    clients = []
    for k in range(n):
        mandatory = bool(c.at[k, "mandatory"])
        clients.append(Client(
            location=k + 2, delivery=[_LOAD_UNIT], service_duration=int(round(c.at[k, "visit_minutes"] * 60)),
            tw_early=int(round(tw0[k] * 60)), tw_late=int(round(tw1[k] * 60)),
            prize=big if (mandatory and not required) else int(prizes[k]),
            required=mandatory and required))
    cap = s.max_visits_per_day if s.max_visits_per_day else n + 1
    vehicle = VehicleType(num_available=n_days, capacity=[int(cap) * _LOAD_UNIT], start_depot=0,
                          end_depot=1, tw_early=0, tw_late=int(work_min * 60),
                          shift_duration=int(work_min * 60))
    data = ProblemData([Location(x=0.0, y=0.0) for _ in range(n + 2)], clients,
                       [Depot(location=0), Depot(location=1)], [vehicle], [dist], [dur])
    with warnings.catch_warnings():  # infeasible mandatory visits are explained by us
        warnings.simplefilter("ignore", PenaltyBoundWarning)
        result = solve(data, MaxRuntime(time_limit), seed=seed, collect_stats=False)
    routes = [[a.idx for a in r if a.is_client()] for r in result.best.routes()]
    return [r for r in routes if r], bool(result.best.is_feasible())


def _day_minutes(order: list, minutes: np.ndarray, visit: np.ndarray) -> float:
    """Driving + visit minutes of a day start -> stops -> end (lunch and waits excluded)."""
    nodes = np.array([0, *[k + 2 for k in order], 1])
    return float(minutes[nodes[:-1], nodes[1:]].sum() + visit[list(order)].sum())


def _upgrade(orders: list, c: pd.DataFrame, km: np.ndarray, minutes: np.ndarray, h: dict,
             n_days: int, cap: int | None, max_removed: int = 3,
             exponent: float = 1.0) -> list:
    """Let a left-out customer take the place of lower-priority visits when it fits.

    Left-out customers are tried by decreasing priority. For each day (and an unused day
    if any), the day's optional visits of lower priority are removed one by one, lowest
    priority first (at most ``max_removed``, the sum of their weights ``priority **
    exponent`` below the newcomer's), and the newcomer is inserted where it adds the
    fewest driving minutes; the first version of the day that fits the working hours
    (lunch and time windows checked by :func:`_simulate`) is a candidate move. The move
    gaining the most weight is applied; removed customers go back to the queue. Every
    move raises the total weight, so the pass ends; it never drops a mandatory visit.

    Examples
    --------
    A day already full with a priority-10 visit: a priority-90 customer next door takes
    its place.

    >>> c = pd.DataFrame({"priority": [10.0, 90.0], "mandatory": [False, False],
    ...                   "visit_minutes": [60.0, 60.0], "tw_start": [np.nan, np.nan],
    ...                   "tw_end": [np.nan, np.nan]})
    >>> m = np.zeros((4, 4))
    >>> h = {"start": 480, "end": 560, "lunch": 720, "lunch_min": 0}
    >>> _upgrade([[0]], c, m, m, h, n_days=1, cap=None)
    [[1]]
    """
    prio = c["priority"].to_numpy(float)
    weight = prio ** float(exponent)
    mand = c["mandatory"].to_numpy(bool)
    visit = c["visit_minutes"].to_numpy(float)
    work = h["end"] - h["start"] - h["lunch_min"]
    orders = [list(o) for o in orders]
    visited = {k for o in orders for k in o}
    queue = sorted((k for k in range(len(c)) if k not in visited and prio[k] > 0),
                   key=lambda k: (-prio[k], k))
    steps = 0
    while queue and steps < 4 * len(c) + 10:
        steps += 1
        k = queue.pop(0)
        floor = min((prio[j] for o in orders for j in o if not mand[j]), default=np.inf)
        if prio[k] <= floor and len(orders) >= n_days:
            continue  # nothing cheaper to give up and no free day
        best = None
        days = orders + ([[]] if len(orders) < n_days else [])
        for d, order in enumerate(days):
            optional = sorted((j for j in order if not mand[j] and prio[j] < prio[k]),
                              key=lambda j: (prio[j], j))
            for n_out in range(min(len(optional), max_removed) + 1):
                removed = optional[:n_out]
                lost = float(weight[removed].sum())
                if lost >= weight[k]:
                    break
                rest = [j for j in order if j not in removed]
                if cap and len(rest) >= cap:
                    continue
                nodes = np.array([0, *[j + 2 for j in rest], 1])
                extra = (minutes[nodes[:-1], k + 2] + minutes[k + 2, nodes[1:]]
                         - minutes[nodes[:-1], nodes[1:]])
                pos = int(np.argmin(extra))
                new = rest[:pos] + [k] + rest[pos:]
                if _day_minutes(new, minutes, visit) > work + 1e-6:
                    continue
                if not _simulate(new, km, minutes, c, h, 0, 1)["ok"]:
                    continue
                gain = weight[k] - lost
                if best is None or gain > best[0] + 1e-9:
                    best = (gain, d, new, removed)
                break  # the fewest removals that fit this day
        if best is None:
            continue
        _, d, new, removed = best
        if d == len(orders):
            orders.append(new)
        else:
            orders[d] = new
        queue = sorted([*queue, *removed], key=lambda j: (-prio[j], j))
    return [o for o in orders if o]


def _insertion_minutes(k: int, orders: list, minutes: np.ndarray) -> float:
    """Fewest extra driving minutes to fit candidate ``k`` into one of the days (or a
    day of its own: there and back)."""
    best = float(minutes[0, k + 2] + minutes[k + 2, 1])
    for order in orders:
        nodes = np.array([0, *[j + 2 for j in order], 1])
        extra = (minutes[nodes[:-1], k + 2] + minutes[k + 2, nodes[1:]]
                 - minutes[nodes[:-1], nodes[1:]])
        best = min(best, float(extra.min()))
    return best


def _path_km(order: list, km: np.ndarray) -> float:
    nodes = [0, *[k + 2 for k in order], 1]
    return float(sum(km[a, b] for a, b in zip(nodes[:-1], nodes[1:])))


def _polish_day(order: list, km: np.ndarray, c: pd.DataFrame) -> list:
    """2-opt / Or-opt on one day's open path start -> stops -> end (km), from the
    solver's order and from the naive order; the shorter path wins, so a day is never
    longer than its naive order."""
    if len(order) < 2:
        return order
    nodes = [k + 2 for k in order]
    sub = np.zeros((len(nodes) + 1, len(nodes) + 1))
    sub[1:, 1:] = km[np.ix_(nodes, nodes)]
    sub[0, 1:] = km[0, nodes]
    sub[1:, 0] = km[nodes, 1]
    where = {k: i + 1 for i, k in enumerate(order)}
    best, best_km = order, _path_km(order, km)
    for start in (order, _naive_order(order, c)):
        path = _local_search(sub, np.array([0, *[where[k] for k in start]]))
        candidate = [order[i - 1] for i in path[1:]]
        length = _path_km(candidate, km)
        if length < best_km - 1e-9:
            best, best_km = candidate, length
    return best


def _naive_order(order: list, c: pd.DataFrame) -> list:
    keys = c.loc[order, ["postal_code", "customer_id"]].astype(str)
    return list(keys.sort_values(["postal_code", "customer_id"]).index)


def _day_totals(sim: dict) -> dict:
    rows = sim["rows"]
    km_total = sum(r["drive_km"] for r in rows) + sim["end_km"]
    drive = sum(r["drive_min"] for r in rows) + sim["end_min"]
    return {"km": km_total, "drive_min": drive,
            "visit_min": sum(r["visit_min"] for r in rows),
            "wait_min": sum(r["wait_min"] for r in rows)}


def plan_routes(candidates: pd.DataFrame, base: tuple, first_day, last_day=None,
                settings: RouteSettings | None = None, end_base: tuple | None = None,
                time_limit: float = 3.0, seed: int = 0) -> RoutePlan:
    """Which customers to visit on which day, and in what order (prize-collecting VRP).

    Maximises ``sum(priority of visited customers) * prize_per_point
    - sum(km * cost_per_km + driving hours * cost_per_hour)`` with one route per working
    day from ``base`` to ``end_base``, each day within the working hours minus the lunch
    break, every visit starting inside its time window, every mandatory customer
    visited. Road km = haversine x ``detour``; driving minutes = km / ``speed_kmh``.
    Then higher priorities first: a left-out customer replaces planned optional visits
    of lower priority when it fits in their place and ``priority ** priority_exponent``
    exceeds the sum over the visits it replaces (see ``_upgrade``).

    Parameters
    ----------
    candidates : DataFrame
        One row per customer: ``customer_id``, ``latitude``, ``longitude``, ``priority``
        (>= 0) and optionally ``name``, ``segment`` (key of ``visit_minutes``),
        ``visit_minutes``, ``mandatory`` (bool), ``tw_start`` / ``tw_end`` ("HH:MM",
        window in which the visit must start), ``postal_code``, ``city``.
        Rows without coordinates are listed in ``unvisited`` (reason "no_coordinates").
    base, end_base : (latitude, longitude)
        Where the days start and end (``end_base`` defaults to ``base``).
    first_day, last_day : date-like
        The period (at most 14 days; only ``settings.weekdays`` are worked).
    settings : RouteSettings
    time_limit : float
        Seconds given to the solver.
    seed : int

    Returns
    -------
    RoutePlan

    Raises
    ------
    ValueError
        On unusable inputs (missing columns, bad times, bases without coordinates...).

    Examples
    --------
    >>> cands = pd.DataFrame({"customer_id": ["C1", "C2"], "latitude": [45.76, 45.78],
    ...                       "longitude": [4.90, 4.80], "priority": [80, 20]})
    >>> plan = plan_routes(cands, base=(45.75, 4.85), first_day="2026-11-02",
    ...                    time_limit=0.1)
    >>> plan.visits["customer_id"].tolist() in (["C1", "C2"], ["C2", "C1"])
    True
    """
    s = settings or RouteSettings()
    h = _check_settings(s)
    days = working_days(first_day, last_day if last_day is not None else first_day, s.weekdays)
    if not (isinstance(time_limit, int | float) and time_limit > 0):
        raise ValueError("the time limit must be a positive number of seconds")
    base = _check_point(base, "the base")
    end_base = _check_point(end_base, "the end base") if end_base is not None else base
    c, no_xy = _candidates(candidates, s)
    issues: list[PlanIssue] = []
    unvisited = [{"customer_id": r.customer_id, "name": r.name, "priority": r.priority,
                  "mandatory": bool(r.mandatory), "reason": "no_coordinates"}
                 for r in no_xy.itertuples()]
    if len(no_xy):
        issues.append(PlanIssue(
            "no_coordinates", f"{len(no_xy)} customer(s) have no coordinates and were left "
            "out: " + ", ".join(no_xy["customer_id"].head(10)),
            values={"count": len(no_xy), "customers": ", ".join(no_xy["customer_id"].head(10))}))
        for r in no_xy[no_xy["mandatory"]].itertuples():
            issues.append(PlanIssue(
                "mandatory_no_coordinates", f"mandatory visit {r.customer_id} ({r.name}) "
                "cannot be planned: the customer has no coordinates; geocode its address",
                r.customer_id, {"name": str(r.name)}))
    lat = np.r_[base[0], end_base[0], c["latitude"].to_numpy()]
    lon = np.r_[base[1], end_base[1], c["longitude"].to_numpy()]
    km = _road_km(lat, lon, s.detour)
    minutes = km / s.speed_kmh * 60.0
    work_min = h["end"] - h["start"] - h["lunch_min"]

    # Candidates that cannot be visited on any day, even alone.
    keep = np.ones(len(c), dtype=bool)
    for k in range(len(c)):
        alone = _simulate([k], km, minutes, c, h, 0, 1)
        if alone["ok"]:
            continue
        keep[k] = False
        r = c.loc[k]
        tw_out = (not np.isnan(r.tw_start) and r.tw_start >= h["end"]) or (
            not np.isnan(r.tw_end) and r.tw_end < h["start"])
        reason = "outside_hours" if tw_out else "too_far"
        unvisited.append({"customer_id": r.customer_id, "name": r["name"],
                          "priority": r.priority, "mandatory": bool(r.mandatory),
                          "reason": reason, "base_km": round(float(km[0, k + 2]), 1)})
        if r.mandatory:
            need = minutes[0, k + 2] + r.visit_minutes + minutes[k + 2, 1]
            text = (f"mandatory visit {r.customer_id} ({r['name']}) cannot fit in one day: "
                    + (f"its time window {_hhmm(r.tw_start) if not np.isnan(r.tw_start) else ''}"
                       f"-{_hhmm(r.tw_end) if not np.isnan(r.tw_end) else ''} is outside the "
                       f"working hours {s.day_start}-{s.day_end}" if tw_out else
                       f"driving there and back plus the visit take {need / 60:.1f} h, more "
                       f"than the {work_min / 60:.1f} h of a working day; plan it as a "
                       "separate trip or lengthen the day"))
            window = (f"{_hhmm(r.tw_start) if not np.isnan(r.tw_start) else ''}-"
                      f"{_hhmm(r.tw_end) if not np.isnan(r.tw_end) else ''}")
            issues.append(PlanIssue("mandatory_impossible", text, r.customer_id,
                                    {"name": str(r["name"]), "reason": reason,
                                     "window": window, "need_h": round(need / 60, 2),
                                     "available_h": round(work_min / 60, 2)}))
    pool = c[keep].reset_index(drop=True)
    pool_idx = np.flatnonzero(keep)
    sel = np.r_[0, 1, pool_idx + 2]
    km_p, min_p = km[np.ix_(sel, sel)], minutes[np.ix_(sel, sel)]

    feasible = not any(i.code.startswith("mandatory") for i in issues)
    routes: list[list[int]] = []
    if len(pool):
        need = float(pool.loc[pool["mandatory"], "visit_minutes"].sum())
        ok = False
        if need <= work_min * len(days):  # else the mandatory visits cannot all fit
            routes, ok = _solve_plan(pool, km_p, min_p, h, len(days), s, time_limit, seed,
                                     True)
        if not ok:
            routes, _ = _solve_plan(pool, km_p, min_p, h, len(days), s, time_limit, seed,
                                    False)
    # Order each day, check it in wall-clock time (lunch, windows), repair if needed.
    planned = []
    for order in routes:
        if all(np.isnan(pool.at[k, "tw_start"]) and np.isnan(pool.at[k, "tw_end"])
               for k in order):
            order = _polish_day(order, km_p, pool)
        sim = _simulate(order, km_p, min_p, pool, h, 0, 1)
        while not sim["ok"] and order:
            optional = [k for k in order if not pool.at[k, "mandatory"]] or order
            drop = min(optional, key=lambda k: pool.at[k, "priority"])
            order = [k for k in order if k != drop]
            sim = _simulate(order, km_p, min_p, pool, h, 0, 1)
        planned.append((order, sim))
    # Higher priorities first: a left-out customer replaces lower-priority visits if it fits.
    before = [order for order, _ in planned]
    after = _upgrade(before, pool, km_p, min_p, h, len(days), s.max_visits_per_day,
                     exponent=s.priority_exponent)
    if after != before:
        planned = []
        for order in after:
            if all(np.isnan(pool.at[k, "tw_start"]) and np.isnan(pool.at[k, "tw_end"])
                   for k in order):
                polished = _polish_day(order, km_p, pool)
                if _simulate(polished, km_p, min_p, pool, h, 0, 1)["ok"]:
                    order = polished
            planned.append((order, _simulate(order, km_p, min_p, pool, h, 0, 1)))
    planned.sort(key=lambda x: -sum(pool.at[k, "priority"] for k in x[0]))
    visited = {k for order, _ in planned for k in order}
    floor = min((pool.at[k, "priority"] for k in visited if not pool.at[k, "mandatory"]),
                default=np.inf)
    for k in range(len(pool)):
        if k in visited:
            continue
        r = pool.loc[k]
        # outranks a planned visit yet could not take its place: the detour plus the visit
        # need more time than lower-priority visits worth less than it would free
        reason = "far_for_time" if r.priority > floor else "no_time"
        unvisited.append({"customer_id": r.customer_id, "name": r["name"],
                          "priority": r.priority, "mandatory": bool(r.mandatory),
                          "reason": reason, "base_km": round(float(km_p[0, k + 2]), 1),
                          "need_min": round(_insertion_minutes(
                              k, [o for o, _ in planned], min_p) + r.visit_minutes)})
    missed = [k for k in range(len(pool)) if pool.at[k, "mandatory"] and k not in visited]
    if missed:
        feasible = False
        need = float(pool.loc[pool["mandatory"], "visit_minutes"].sum()) / 60
        issues.append(PlanIssue(
            "mandatory_not_planned",
            f"{len(missed)} mandatory visit(s) do not fit in the {len(days)} working day(s): "
            f"the {int(pool['mandatory'].sum())} mandatory visits alone take {need:.1f} h of "
            f"visits plus driving, and a day has {work_min / 60:.1f} h; add days, shorten "
            "visits or make fewer visits mandatory (not planned: "
            + ", ".join(pool.loc[missed, "customer_id"].head(10)) + ")",
            values={"count": len(missed), "need_h": round(need, 2),
                    "days": len(days), "day_h": round(work_min / 60, 2),
                    "mandatory": int(pool["mandatory"].sum()),
                    "customers": ", ".join(pool.loc[missed, "customer_id"].head(10)),
                    "available_h": round(work_min / 60 * len(days), 2)}))
    if len(c) and not visited:
        issues.append(PlanIssue("empty_plan", "no customer can be visited with these "
                                "settings: every candidate is too far or outside the hours"))
    if len(c) == 0:
        issues.append(PlanIssue("no_candidates", "there is no candidate customer with "
                                "coordinates to plan"))
    stops, day_rows = _tables(planned, days, pool, km_p, min_p, h, s, base, end_base)
    if len(visited) and len(planned) < len(days):
        issues.append(PlanIssue(
            "free_days", f"{len(days) - len(planned)} day(s) have no visit: all the useful "
            "visits fit in fewer days", values={"count": len(days) - len(planned)}))
    unv = pd.DataFrame(unvisited, columns=["customer_id", "name", "priority", "mandatory",
                                           "reason", "base_km", "need_min"])
    unv = unv.sort_values(["mandatory", "priority"], ascending=False, kind="stable")
    return RoutePlan(stops, day_rows, unv.reset_index(drop=True), issues, feasible, s,
                     base, end_base)


def _check_point(point, what: str) -> tuple:
    try:
        lat, lon = (float(point[0]), float(point[1]))
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"{what} must be given as (latitude, longitude)") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{what} has no valid coordinates: ({lat}, {lon})")
    return (lat, lon)


def _tables(planned, days, pool, km, minutes, h, s, base, end_base):
    stop_rows, day_rows = [], []
    for index, day in enumerate(days):
        order, sim = planned[index] if index < len(planned) else ([], None)
        if sim is None:
            sim = _simulate([], km, minutes, pool, h, 0, 1)
        stamp = pd.Timestamp(day)

        def at(m, stamp=stamp):
            return stamp + pd.Timedelta(minutes=round(m))

        common = {"day": stamp, "day_index": index + 1}
        seq = 0
        stop_rows.append({**common, "seq": seq, "kind": "start", "latitude": base[0],
                          "longitude": base[1], "departure": at(h["start"])})
        lunch_min = 0
        for r in sim["rows"]:
            k = r["k"]
            p = pool.loc[k]
            if r["lunch_at"] is not None:
                stop_rows.append({**common, "seq": seq, "kind": "lunch",
                                  "latitude": p.latitude, "longitude": p.longitude,
                                  "arrival": at(r["lunch_at"]),
                                  "departure": at(r["lunch_at"] + h["lunch_min"])})
                lunch_min = h["lunch_min"]
            seq += 1
            stop_rows.append({
                **common, "seq": seq, "kind": "visit", "customer_id": p.customer_id,
                "name": p["name"], "segment": p.segment, "priority": float(p.priority),
                "mandatory": bool(p.mandatory), "latitude": p.latitude,
                "longitude": p.longitude, "postal_code": p.postal_code, "city": p.city,
                "arrival": at(r["arrival"]), "start": at(r["start"]),
                "departure": at(r["departure"]), "wait_min": round(r["wait_min"], 1),
                "drive_km": round(r["drive_km"], 2), "drive_min": round(r["drive_min"], 1),
                "visit_min": r["visit_min"]})
            if r["lunch_after"] is not None:
                stop_rows.append({**common, "seq": seq, "kind": "lunch",
                                  "latitude": p.latitude, "longitude": p.longitude,
                                  "arrival": at(r["lunch_after"]),
                                  "departure": at(r["lunch_after"] + h["lunch_min"])})
                lunch_min = h["lunch_min"]
        stop_rows.append({**common, "seq": seq + 1, "kind": "end", "latitude": end_base[0],
                          "longitude": end_base[1], "arrival": at(sim["end"]),
                          "drive_km": round(sim["end_km"], 2),
                          "drive_min": round(sim["end_min"], 1)})
        tot = _day_totals(sim)
        naive = _day_totals(_simulate(_naive_order(order, pool), km, minutes, pool, h, 0, 1))
        work_h = (tot["drive_min"] + tot["visit_min"] + tot["wait_min"]) / 60 if order else 0.0
        points = ([base] + [(pool.at[k, "latitude"], pool.at[k, "longitude"]) for k in order]
                  + [end_base])
        urls = itinerary_urls(points) if order else []
        day_rows.append({
            "day_index": index + 1, "date": stamp, "visits": len(order),
            "priority": float(sum(pool.at[k, "priority"] for k in order)),
            "start": at(h["start"]) if order else pd.NaT,
            "end": at(sim["end"]) if order else pd.NaT,
            "km": round(tot["km"], 1), "drive_h": round(tot["drive_min"] / 60, 2),
            "visit_h": round(tot["visit_min"] / 60, 2),
            "wait_h": round(tot["wait_min"] / 60, 2), "lunch_min": lunch_min,
            "work_h": round(work_h, 2),
            "cost_km": round(tot["km"] * s.cost_per_km, 2),
            "cost_time": round(work_h * s.cost_per_hour, 2),
            "cost_total": round(tot["km"] * s.cost_per_km + work_h * s.cost_per_hour, 2),
            "naive_km": round(naive["km"], 1),
            "naive_drive_h": round(naive["drive_min"] / 60, 2),
            "km_saved": round(naive["km"] - tot["km"], 1),
            "hours_saved": round((naive["drive_min"] + naive["wait_min"]
                                  - tot["drive_min"] - tot["wait_min"]) / 60, 2),
            "map_url": urls[0] if urls else "", "map_urls": urls})
    columns = ["day", "day_index", "seq", "kind", "customer_id", "name", "segment", "priority",
               "mandatory", "latitude", "longitude", "postal_code", "city", "arrival",
               "start", "departure", "wait_min", "drive_km", "drive_min", "visit_min"]
    stops = pd.DataFrame(stop_rows).reindex(columns=columns)
    for col in ("arrival", "start", "departure", "day"):
        stops[col] = pd.to_datetime(stops[col])
    return stops, pd.DataFrame(day_rows)


# ================================================================ links and calendar
def itinerary_urls(points: Sequence[tuple], travelmode: str = "driving") -> list[str]:
    """Links opening the itinerary through ``points`` in Google Maps (nothing fetched).

    Uses the documented Maps URLs form ``https://www.google.com/maps/dir/?api=1&origin=
    lat,lon&destination=lat,lon&waypoints=lat,lon|...``; as a link takes at most
    :data:`MAPS_MAX_WAYPOINTS` intermediate points, longer days are split into
    consecutive legs (the last point of a link is the first of the next).

    >>> itinerary_urls([(45.75, 4.85), (45.76, 4.9), (45.75, 4.85)])[0]
    'https://www.google.com/maps/dir/?api=1&origin=45.75%2C4.85&destination=45.75%2C4.85&waypoints=45.76%2C4.9&travelmode=driving'
    """
    pts = [f"{float(a):.6g},{float(b):.6g}" for a, b in points]
    if len(pts) < 2:
        return []
    urls, step = [], MAPS_MAX_WAYPOINTS + 1
    for lo in range(0, len(pts) - 1, step):
        leg = pts[lo:lo + step + 1]
        url = ("https://www.google.com/maps/dir/?api=1"
               f"&origin={quote(leg[0], safe='')}&destination={quote(leg[-1], safe='')}")
        if len(leg) > 2:
            url += "&waypoints=" + quote("|".join(leg[1:-1]), safe="")
        urls.append(url + f"&travelmode={travelmode}")
    return urls


_VTIMEZONE_PARIS = (
    "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
    "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
    "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


def _ics_text(value) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def plan_to_ics(plan: RoutePlan, stamp: datetime | str, rep: str = "",
                labels: dict | None = None) -> str:
    """The plan's visits as an iCalendar file (RFC 5545), one event per visit.

    Times are local to Europe/Paris (a VTIMEZONE is included); text is escaped and long
    lines folded; lines end with CRLF. ``stamp`` (the DTSTAMP, UTC) is an argument so
    that the same plan always gives the same file.

    >>> cands = pd.DataFrame({"customer_id": ["C1"], "name": ["Dupont; Fils, SA"],
    ...                       "latitude": [45.76], "longitude": [4.9], "priority": [50]})
    >>> plan = plan_routes(cands, (45.75, 4.85), "2026-11-02", time_limit=0.1)
    >>> ics = plan_to_ics(plan, stamp="2026-10-31T12:00:00")
    >>> [line for line in ics.split("\\r\\n") if line.startswith("SUMMARY")]
    ['SUMMARY:Visit: Dupont\\\\; Fils\\\\, SA']
    """
    lab = {"visit": "Visit", "priority": "Priority", "customer": "Customer",
           "rep": "Sales rep", **(labels or {})}
    dtstamp = pd.Timestamp(stamp).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Capital Client//Routes//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", *_VTIMEZONE_PARIS]
    for r in plan.visits.itertuples():
        where = " ".join(str(x) for x in (r.postal_code, r.city)
                         if isinstance(x, str) and x)
        desc = [f"{lab['customer']}: {r.customer_id}", f"{lab['priority']}: {r.priority:.0f}"]
        if rep:
            desc.append(f"{lab['rep']}: {rep}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{r.day:%Y%m%d}-{_ics_text(r.customer_id)}@capital-client",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;TZID=Europe/Paris:{r.start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/Paris:{r.departure:%Y%m%dT%H%M%S}",
            f"SUMMARY:{_ics_text(lab['visit'] + ': ' + str(r.name))}",
            f"LOCATION:{_ics_text(where)}",
            f"GEO:{r.latitude:.6f};{r.longitude:.6f}",
            f"DESCRIPTION:{_ics_text(chr(10).join(desc))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(x) for x in lines) + "\r\n"
