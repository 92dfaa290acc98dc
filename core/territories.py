"""Sales territories (sectorisation): balanced and compact assignment of customers to reps.

DOMAIN.md section 7. Each customer goes to one territory (a rep and its base). The
assignment minimises the travel from the bases, Σ_i d(i, base(i))^power (straight-line
km), subject to every territory carrying its share of a chosen measure (workload hours,
revenue, potential or head-count) within a tolerance:

    (1 - tol) · T_k  <=  Σ_{i in k} m_i  <=  (1 + tol) · T_k,   T_k = share_k · Σ_i m_i

with some customers locked to a territory. The method is a real optimisation, not a
k-means:

1. the linear relaxation of this generalised assignment problem is solved with HiGHS
   (``scipy.optimize.linprog``); at a vertex at most 2K customers are split between
   territories (K territories), all others are already whole;
2. the split customers are placed by a small exact MILP (``scipy.optimize.milp``) on
   the capacity left in each territory (greedy placement if that MILP has no solution);
3. local improvement: repair moves until every territory is within the band, then
   cost-reducing single moves and pairwise swaps that keep the band.

If the tolerance cannot be met (one customer heavier than the band, or locks), the
smallest feasible tolerance is computed by linear programming and used instead; the
result says so.

Example
-------
>>> import pandas as pd
>>> customers = pd.DataFrame({"customer_id": list("ABCDEF"),
...     "latitude": [45.0, 45.0, 45.0, 45.0, 45.0, 45.0],
...     "longitude": [4.00, 4.05, 4.10, 4.90, 4.95, 4.50]})
>>> bases = pd.DataFrame({"name": ["West", "East"], "latitude": [45.0, 45.0],
...                       "longitude": [4.0, 5.0]})
>>> plan = assign_territories(customers, bases, measure="count", tolerance=0.0)
>>> plan.assignment.set_index("customer_id")["territory"].to_dict()
{'A': 'West', 'B': 'West', 'C': 'West', 'D': 'East', 'E': 'East', 'F': 'East'}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from core.geo import haversine_km

#: Yearly visits by ABC class (textbook: A monthly, B quarterly, C twice a year).
DEFAULT_VISITS_PER_YEAR = {"A": 12.0, "B": 4.0, "C": 2.0, "prospect": 2.0}
#: Measures understood besides a column name: "count" = head-count (1 per customer).
COUNT = "count"
_EPS = 1e-9


@dataclass
class TerritoryPlan:
    """Result of :func:`assign_territories`.

    Attributes
    ----------
    assignment : DataFrame
        One row per placed customer: id, territory, previous (current rep or nearest
        base), measure, distance_km (to the territory's base), locked, moved.
    balance : DataFrame
        Per territory, before and after: customers, measure, share, deviation from the
        target (fraction), mean and max distance to the base (km); target.
    unplaced : DataFrame
        Customers left out because they have no coordinates.
    tolerance : float
        Tolerance asked for. ``tolerance_used`` may be larger when the asked one is
        infeasible (``relaxed`` is then True).
    max_deviation : float
        Largest |load - target| / target after the assignment.
    total_km_before, total_km_after : float
        Σ straight-line distance customer - base before and after.
    method : str
        Steps actually run, e.g. "lp+milp+local".
    """

    assignment: pd.DataFrame
    balance: pd.DataFrame
    unplaced: pd.DataFrame
    tolerance: float
    tolerance_used: float
    relaxed: bool
    max_deviation: float
    total_km_before: float
    total_km_after: float
    method: str
    moves: int = 0
    notes: list = field(default_factory=list)


# --------------------------------------------------------------------------- helpers
def workload_hours(classes, visits_per_year: Mapping | None = None,
                   visit_minutes: float = 60.0, default_visits: float = 0.0) -> pd.Series:
    """Yearly visit hours per customer from its class: visits(class) × visit_minutes / 60.

    Travel is left out on purpose: it depends on the territory and is what the
    assignment minimises.

    Examples
    --------
    >>> workload_hours(pd.Series(["A", "C", None], index=["x", "y", "z"])).tolist()
    [12.0, 2.0, 0.0]
    """
    if not (np.isfinite(visit_minutes) and visit_minutes >= 0):
        raise ValueError(f"the visit duration must be a positive number of minutes, "
                         f"got {visit_minutes!r}")
    rules = dict(DEFAULT_VISITS_PER_YEAR if visits_per_year is None else visits_per_year)
    s = pd.Series(classes)
    v = s.astype(object).map(rules).astype(float).fillna(default_visits)
    return v * visit_minutes / 60.0


def _bases_frame(bases, name: str, latitude: str, longitude: str) -> pd.DataFrame:
    b = pd.DataFrame(list(bases)) if not isinstance(bases, pd.DataFrame) else bases.copy()
    for c in (name, latitude, longitude):
        if c not in b.columns:
            raise ValueError(f"the reps' bases need a '{c}' column (name, latitude, "
                             "longitude of each rep's starting point)")
    if len(b) == 0:
        raise ValueError("give at least one rep base to build territories")
    lat = pd.to_numeric(b[latitude], errors="coerce")
    lon = pd.to_numeric(b[longitude], errors="coerce")
    if lat.isna().any() or lon.isna().any():
        bad = b.loc[lat.isna() | lon.isna(), name].astype(str).tolist()
        raise ValueError(f"these reps' bases have no coordinates: {', '.join(bad)}")
    names = b[name].astype(str)
    if names.duplicated().any():
        raise ValueError(f"two bases have the same name: {names[names.duplicated()].iloc[0]}")
    out = pd.DataFrame({"name": names.to_numpy(), "latitude": lat.to_numpy(float),
                        "longitude": lon.to_numpy(float)})
    out["share"] = (pd.to_numeric(b["share"], errors="coerce").fillna(1.0).to_numpy(float)
                    if "share" in b.columns else 1.0)
    if (out["share"] <= 0).any():
        raise ValueError("each base's share of the work must be positive")
    out["share"] = out["share"] / out["share"].sum()
    return out


def bases_from_customers(customers: pd.DataFrame, rep: str = "sales_rep",
                         latitude: str = "latitude",
                         longitude: str = "longitude") -> pd.DataFrame:
    """A base per rep when none is known: the median position of the rep's customers.

    Examples
    --------
    >>> c = pd.DataFrame({"sales_rep": ["X", "X", "Y"], "latitude": [45.0, 46.0, 44.0],
    ...                   "longitude": [4.0, 5.0, 6.0]})
    >>> bases_from_customers(c).values.tolist()
    [['X', 45.5, 4.5], ['Y', 44.0, 6.0]]
    """
    for c in (rep, latitude, longitude):
        if c not in customers.columns:
            raise ValueError(f"the customers table has no '{c}' column")
    placed = customers.dropna(subset=[rep, latitude, longitude])
    if placed.empty:
        raise ValueError("no customer has both a rep and coordinates: geocode first")
    g = placed.groupby(placed[rep].astype(str), sort=True)
    out = g[[latitude, longitude]].median().reset_index()
    out.columns = ["name", "latitude", "longitude"]
    return out


def nearest_base(customers: pd.DataFrame, bases, latitude: str = "latitude",
                 longitude: str = "longitude", name: str = "name") -> pd.Series:
    """Plain assignment of each customer to the nearest base (NaN without coordinates).

    Examples
    --------
    >>> c = pd.DataFrame({"latitude": [45.0, 45.0], "longitude": [4.1, 4.9]})
    >>> b = pd.DataFrame({"name": ["W", "E"], "latitude": [45.0, 45.0],
    ...                   "longitude": [4.0, 5.0]})
    >>> nearest_base(c, b).tolist()
    ['W', 'E']
    """
    b = _bases_frame(bases, name, "latitude", "longitude")
    lat = pd.to_numeric(customers[latitude], errors="coerce").to_numpy(float)
    lon = pd.to_numeric(customers[longitude], errors="coerce").to_numpy(float)
    d = haversine_km(lat[:, None], lon[:, None], b["latitude"].to_numpy()[None, :],
                     b["longitude"].to_numpy()[None, :])
    ok = np.isfinite(lat) & np.isfinite(lon)
    best = np.where(ok, np.argmin(np.where(np.isfinite(d), d, np.inf), axis=1), 0)
    out = np.where(ok, b["name"].to_numpy(object)[best], None)
    return pd.Series(out, index=customers.index, dtype="object")


# ------------------------------------------------------------------ optimisation core
def _bounds(targets: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    return (1.0 - tol) * targets - _EPS, (1.0 + tol) * targets + _EPS


def _min_tolerance(m_free, fixed_load, targets) -> float:
    """Smallest t such that the LP relaxation has every load within (1 ± t)·T_k.

    Variables x_ik (n·k) and t; minimise t subject to Σ_k x_ik = 1 and
    ±(fixed_k + Σ_i m_i x_ik − T_k) <= t·T_k.
    """
    n, k = len(m_free), len(targets)
    nv = n * k + 1
    c = np.zeros(nv)
    c[-1] = 1.0
    cols = np.arange(n * k)
    a_eq = sparse.csr_matrix((np.ones(n * k), (np.repeat(np.arange(n), k), cols)),
                             shape=(n, nv))
    rk = np.tile(np.arange(k), n)
    load = sparse.csr_matrix((np.repeat(m_free, k), (rk, cols)), shape=(k, nv))
    t_col = sparse.csr_matrix((-targets, (np.arange(k), np.full(k, nv - 1))), shape=(k, nv))
    a_ub = sparse.vstack([load + t_col, -load + t_col])
    b_ub = np.concatenate([targets - fixed_load, fixed_load - targets])
    bounds = np.column_stack([np.zeros(nv), np.append(np.ones(n * k), np.inf)])
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq if n else None,
                  b_eq=np.ones(n) if n else None, bounds=bounds, method="highs")
    return float(res.x[-1]) if res.status == 0 else 1.0


def _solve_lp(cost, m, targets, fixed_load, tol, allowed):
    """LP relaxation: returns the (n, k) fractional assignment or None if infeasible."""
    n, k = cost.shape
    if n == 0:
        return np.zeros((0, k))
    rows = np.repeat(np.arange(n), k)
    cols = np.arange(n * k)
    a_eq = sparse.csr_matrix((np.ones(n * k), (rows, cols)), shape=(n, n * k))
    load = sparse.csr_matrix((np.repeat(m, k), (np.tile(np.arange(k), n), cols)),
                             shape=(k, n * k))
    lo, hi = _bounds(targets, tol)
    a_ub = sparse.vstack([load, -load])
    b_ub = np.concatenate([hi - fixed_load, -(lo - fixed_load)])
    res = linprog(cost.ravel(), A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=np.ones(n),
                  bounds=np.column_stack([np.zeros(n * k), allowed.ravel().astype(float)]),
                  method="highs")
    if res.status != 0:
        return None
    return res.x.reshape(n, k)


def _round(x, cost, m, targets, fixed_load, tol, time_limit, border: int = 10):
    """Whole customers from an LP solution: exact small MILP on the split customers.

    The MILP re-decides the split customers together with the ``border`` customers per
    territory whose second-best territory costs least extra (the border of the
    territories), so integer packing has room to find a feasible balance.
    """
    assign = np.argmax(x, axis=1)
    split = np.flatnonzero(x.max(axis=1) < 1.0 - 1e-6)
    if len(split) == 0:
        return assign, "lp"
    n, k = x.shape
    cur = cost[np.arange(n), assign]
    other = np.where(np.arange(k)[None, :] == assign[:, None], np.inf, cost)
    regret = other.min(axis=1) - cur if k > 1 else np.zeros(n)
    whole = np.setdiff1d(np.arange(n), split)
    by_regret = whole[np.argsort(regret[whole], kind="stable")]
    lo, hi = _bounds(targets, tol)
    for width in (0, border // 2, border):  # widen the MILP only when it has no solution
        free = np.union1d(split, by_regret[:width * k])
        fixed = np.setdiff1d(np.arange(n), free)
        load = fixed_load + np.bincount(assign[fixed], weights=m[fixed], minlength=k)
        s = len(free)
        c = cost[free].ravel()
        rows = np.repeat(np.arange(s), k)
        cols = np.arange(s * k)
        a_eq = sparse.csr_matrix((np.ones(s * k), (rows, cols)), shape=(s, s * k))
        a_ld = sparse.csr_matrix((np.repeat(m[free], k), (np.tile(np.arange(k), s), cols)),
                                 shape=(k, s * k))
        res = milp(c, integrality=np.ones(s * k), bounds=Bounds(0, 1),
                   constraints=[LinearConstraint(a_eq, 1, 1),
                                LinearConstraint(a_ld, lo - load, hi - load)],
                   options={"time_limit": max(1.0, time_limit / 3)})
        if res.x is not None and res.status in (0, 1):
            assign[free] = res.x.reshape(s, k).argmax(axis=1)
            return assign, "lp+milp"
    # greedy: heaviest first to the territory of largest x that still has room
    load = fixed_load + np.bincount(assign[whole], weights=m[whole], minlength=k)
    for i in split[np.argsort(-m[split], kind="stable")]:
        room = hi - load
        order = np.argsort(-x[i])
        fit = [j for j in order if room[j] >= m[i]]
        j = fit[0] if fit else int(np.argmax(room))
        assign[i] = j
        load[j] += m[i]
    return assign, "lp+greedy"


def _violation(load, lo, hi):
    return np.maximum(load - hi, 0.0) + np.maximum(lo - load, 0.0)


def _local_improve(assign, cost, m, targets, tol, movable, max_moves=20000):
    """Repair the band, then cost-reducing moves and swaps that keep the band.

    Repair: among single moves that reduce the total out-of-band amount, take the one
    with the least extra travel per unit of violation removed; stop when none helps.
    If the band is still not met, the improving steps keep the deviation reached.
    """
    k = cost.shape[1]
    load = np.bincount(assign, weights=m, minlength=k)
    lo, hi = _bounds(targets, tol)
    moves = 0
    mov = np.flatnonzero(movable)
    for _ in range(max_moves):
        viol = _violation(load, lo, hi)
        if viol.sum() <= 0 or len(mov) == 0:
            break
        src = assign[mov]
        mi = m[mov]
        out_gain = viol[src] - _violation(load[src] - mi, lo[src], hi[src])
        in_gain = viol[None, :] - _violation(load[None, :] + mi[:, None], lo[None, :],
                                             hi[None, :])
        gain = out_gain[:, None] + in_gain
        gain[np.arange(len(mov)), src] = 0.0
        if gain.max() <= 1e-9 * max(targets.max(), 1.0):
            break
        extra = np.maximum(cost[mov] - cost[mov, src][:, None], 0.0) + 1e-9
        score = np.where(gain > 1e-12, extra / np.maximum(gain, 1e-300), np.inf)
        flat = int(np.argmin(score))
        i, j = mov[flat // k], flat % k
        load[assign[i]] -= m[i]
        load[j] += m[i]
        assign[i] = j
        moves += 1
    dev = float((np.abs(load - targets) / np.maximum(targets, _EPS)).max())
    if dev > tol:
        lo, hi = _bounds(targets, dev)
    # 2. improving single moves (best first, re-evaluated each round)
    for _ in range(max_moves):
        src = assign[mov]
        delta = cost[mov] - cost[mov, src][:, None]
        ok = ((load[None, :] + m[mov][:, None] <= hi[None, :])
              & ((load[src] - m[mov]) >= lo[src])[:, None])
        delta = np.where(ok, delta, 0.0)
        flat = int(np.argmin(delta))
        if delta.ravel()[flat] >= -1e-12:
            break
        i, j = mov[flat // k], flat % k
        load[assign[i]] -= m[i]
        load[j] += m[i]
        assign[i] = j
        moves += 1
    # 3. swaps between pairs of territories among their best candidates
    for _ in range(20):
        improved = False
        for a in range(k):
            for b in range(a + 1, k):
                ia = mov[assign[mov] == a]
                ib = mov[assign[mov] == b]
                if len(ia) == 0 or len(ib) == 0:
                    continue
                ga = cost[ia, b] - cost[ia, a]
                gb = cost[ib, a] - cost[ib, b]
                ia = ia[np.argsort(ga, kind="stable")[:40]]
                ib = ib[np.argsort(gb, kind="stable")[:40]]
                gain = ((cost[ia, b] - cost[ia, a])[:, None]
                        + (cost[ib, a] - cost[ib, b])[None, :])
                dm = m[ib][None, :] - m[ia][:, None]  # change of a's load
                ok = ((load[a] + dm <= hi[a]) & (load[a] + dm >= lo[a])
                      & (load[b] - dm <= hi[b]) & (load[b] - dm >= lo[b]))
                gain = np.where(ok, gain, 0.0)
                flat = int(np.argmin(gain))
                if gain.ravel()[flat] < -1e-12:
                    p, q = ia[flat // len(ib)], ib[flat % len(ib)]
                    load[a] += m[q] - m[p]
                    load[b] += m[p] - m[q]
                    assign[p], assign[q] = b, a
                    moves += 2
                    improved = True
        if not improved:
            break
    return assign, moves


def _balance_side(labels, names, m, dist, targets, suffix):
    rows = []
    total = m.sum()
    for j, name in enumerate(names):
        sel = labels == name
        load = float(m[sel].sum())
        rows.append({
            "territory": name,
            f"customers_{suffix}": int(sel.sum()),
            f"measure_{suffix}": load,
            f"share_{suffix}": load / total if total > 0 else np.nan,
            f"deviation_{suffix}": (load - targets[j]) / targets[j] if targets[j] > 0
            else np.nan,
            f"mean_km_{suffix}": float(np.nanmean(dist[sel])) if sel.any() else np.nan,
            f"max_km_{suffix}": float(np.nanmax(dist[sel])) if sel.any() else np.nan,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- public
def assign_territories(customers: pd.DataFrame, bases, measure: str = COUNT,
                       tolerance: float = 0.10, locks=None, id_column: str = "customer_id",
                       current: str = "sales_rep", base_name: str = "name",
                       latitude: str = "latitude", longitude: str = "longitude",
                       power: float = 1.0, time_limit: float = 10.0,
                       improve: bool = True) -> TerritoryPlan:
    """Assign customers to territories balancing a measure, keeping them near the bases.

    Minimise Σ_i d(i, base)^power subject to (1 − tol)·T_k <= load_k <= (1 + tol)·T_k
    for every territory k, T_k = share_k × total measure (equal shares unless ``bases``
    has a ``share`` column), every customer in exactly one territory, locked customers
    in theirs. Solved by LP relaxation (HiGHS), an exact MILP on the split customers
    and local improvement (see the module docstring).

    Parameters
    ----------
    customers : DataFrame
        One row per customer with id, latitude, longitude and the measure column.
    bases : DataFrame or list of dict
        One row per territory: ``base_name`` (rep or territory name), latitude,
        longitude, optional ``share`` (relative share of the measure, default equal).
    measure : str
        Column to balance (e.g. "workload_h", "revenue_12m", "potential") or "count"
        for head-count. Missing values count as 0; negative values (credit notes) as 0.
    tolerance : float
        Allowed relative deviation from each territory's target (0.10 = ±10 %).
    locks : mapping or Series, optional
        customer id -> territory name for customers that must stay with a rep.
    current : str
        Column with today's rep, for the "before" side (nearest base when absent).
    power : float
        1 minimises total distance; 2 favours compact territories more strongly.
    time_limit : float
        Seconds allowed to the small MILP step.
    improve : bool
        Run the local improvement step.

    Returns
    -------
    TerritoryPlan

    Raises
    ------
    ValueError
        On a missing column, an unknown measure, a negative tolerance, locks naming an
        unknown customer or territory, or when no customer has coordinates.

    Examples
    --------
    >>> c = pd.DataFrame({"customer_id": ["A", "B", "C", "D"],
    ...                   "latitude": [45.0, 45.0, 45.0, 45.0],
    ...                   "longitude": [4.0, 4.1, 4.2, 4.3], "revenue": [10, 10, 10, 10]})
    >>> b = [{"name": "W", "latitude": 45.0, "longitude": 4.0},
    ...      {"name": "E", "latitude": 45.0, "longitude": 5.0}]
    >>> p = assign_territories(c, b, measure="revenue", tolerance=0.0, locks={"A": "E"})
    >>> p.assignment["territory"].tolist(), p.max_deviation
    (['E', 'W', 'W', 'E'], 0.0)
    """
    if not isinstance(customers, pd.DataFrame):
        raise ValueError("assign_territories expects the customers table (a DataFrame)")
    if not (np.isfinite(tolerance) and 0 <= tolerance < 1):
        raise ValueError(f"the tolerance must be between 0 and 1 (e.g. 0.1 for ±10 %), "
                         f"got {tolerance!r}")
    if not (np.isfinite(power) and power > 0):
        raise ValueError(f"power must be positive (1 = distance, 2 = squared), got {power!r}")
    for c in (id_column, latitude, longitude):
        if c not in customers.columns:
            raise ValueError(f"the customers table has no '{c}' column")
    if measure != COUNT and measure not in customers.columns:
        raise ValueError(f"the measure '{measure}' is not a column of the customers table; "
                         f"use '{COUNT}' for head-count or add the column")
    b = _bases_frame(bases, base_name, "latitude", "longitude")
    names = b["name"].to_numpy(object)
    k = len(b)
    lat = pd.to_numeric(customers[latitude], errors="coerce").to_numpy(float)
    lon = pd.to_numeric(customers[longitude], errors="coerce").to_numpy(float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    unplaced = customers.loc[~ok]
    placed = customers.loc[ok]
    if placed.empty:
        raise ValueError("no customer has coordinates: geocode the customers first")
    ids = placed[id_column].astype(str).to_numpy(object)
    if pd.Series(ids).duplicated().any():
        raise ValueError(f"customer ids must be unique; '{pd.Series(ids)[pd.Series(ids).duplicated()].iloc[0]}' "
                         "appears twice")
    n = len(placed)
    if measure == COUNT:
        m = np.ones(n)
    else:
        mm = pd.to_numeric(placed[measure], errors="coerce")
        bad = mm.isna() & placed[measure].notna()
        if bad.any():
            raise ValueError(f"column '{measure}' has {int(bad.sum())} values that are not "
                             f"numbers, e.g. {placed[measure][bad].iloc[0]!r}")
        m = mm.fillna(0.0).clip(lower=0.0).to_numpy(float)
    notes = []
    if m.sum() <= 0:
        notes.append("the measure is zero for every customer: head-count used instead")
        m = np.ones(n)
    dist = haversine_km(lat[ok][:, None], lon[ok][:, None], b["latitude"].to_numpy()[None, :],
                        b["longitude"].to_numpy()[None, :])
    cost = dist ** power
    scale = cost.mean() if cost.mean() > 0 else 1.0
    cost = cost / scale
    lock_idx = np.full(n, -1)
    if locks is not None:
        lk = pd.Series(locks, dtype=object) if not isinstance(locks, pd.Series) else locks
        lk = lk.dropna()
        pos = pd.Index(ids).get_indexer(lk.index.astype(str))
        if (pos < 0).any():
            missing = lk.index[pos < 0].astype(str).tolist()
            raise ValueError(f"locked customers not found (or without coordinates): "
                             f"{', '.join(missing[:5])}")
        ter = pd.Index(names).get_indexer(lk.astype(str).to_numpy())
        if (ter < 0).any():
            raise ValueError(f"locks name unknown territories: "
                             f"{', '.join(sorted(set(lk[ter < 0].astype(str))))}")
        lock_idx[pos] = ter
    locked = lock_idx >= 0
    free = ~locked
    targets = b["share"].to_numpy(float) * m.sum()
    fixed_load = np.bincount(lock_idx[locked], weights=m[locked], minlength=k)
    allowed = np.ones((int(free.sum()), k), dtype=bool)
    tol = float(tolerance)
    x = _solve_lp(cost[free], m[free], targets, fixed_load, tol, allowed)
    relaxed = False
    if x is None:
        t_min = _min_tolerance(m[free], fixed_load, targets)
        tol = max(tol, t_min) + 1e-6
        relaxed = True
        x = _solve_lp(cost[free], m[free], targets, fixed_load, tol, allowed)
        if x is None:  # numerical corner: fall back on the nearest base
            x = np.eye(k)[np.argmin(cost[free], axis=1)]
    assign_free, method = _round(x, cost[free], m[free], targets, fixed_load, tol,
                                 time_limit)
    assign = lock_idx.copy()
    assign[free] = assign_free
    moves = 0
    if improve:
        assign, moves = _local_improve(assign, cost, m, targets, tol, free)
        method += "+local"
    load = np.bincount(assign, weights=m, minlength=k)
    dev = np.abs(load - targets) / np.maximum(targets, _EPS)
    max_dev = float(dev.max())
    if max_dev > tol + 1e-6 and not relaxed:
        relaxed = True
    tol_used = max(tol, max_dev) if relaxed else tol
    if relaxed:
        notes.append(f"the tolerance of {tolerance:.0%} cannot be met with these customers "
                     f"and locks; best reached: {max_dev:.1%}")
    after = names[assign]
    d_after = dist[np.arange(n), assign]
    # before: the current rep when it is one of the bases, else the nearest base
    nearest = np.argmin(dist, axis=1)
    if current in placed.columns:
        cur = placed[current].astype(object).where(placed[current].notna(), None).to_numpy()
        cur_idx = pd.Index(names).get_indexer(pd.Index(cur, dtype=object).astype(str))
        cur_idx = np.where(pd.isna(cur), -1, cur_idx)
    else:
        cur_idx = np.full(n, -1)
    before_idx = np.where(cur_idx >= 0, cur_idx, nearest)
    before = names[before_idx]
    d_before = dist[np.arange(n), before_idx]
    assignment = pd.DataFrame({
        id_column: ids, "territory": after, "previous": before, "measure": m,
        "distance_km": d_after, "locked": locked, "moved": after != before,
    })
    bal = _balance_side(before, names, m, d_before, targets, "before").merge(
        _balance_side(after, names, m, d_after, targets, "after"), on="territory")
    bal.insert(1, "target", targets)
    return TerritoryPlan(
        assignment=assignment, balance=bal, unplaced=unplaced, tolerance=float(tolerance),
        tolerance_used=float(tol_used), relaxed=relaxed, max_deviation=max_dev,
        total_km_before=float(d_before.sum()), total_km_after=float(d_after.sum()),
        method=method, moves=int(moves), notes=notes)
