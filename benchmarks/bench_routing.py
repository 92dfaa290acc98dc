"""Benchmark: tours (core.routing.solve_tour) and multi-day plans (plan_routes).

1. Tours of 20, 50, 100, 200 random stops (uniform in a 1000 x 1000 square, Euclidean
   distances rounded to integers as TSPLIB does), several instances per size. Measured
   in the same run with the same time budget:
   - solve_tour (PyVRP for half the budget, then 2-opt / Or-opt with kicks);
   - PyVRP alone (the whole budget, no polish);
   - OR-Tools routing with guided local search (PATH_CHEAPEST_ARC first solution,
     the reference peer library).
   Each length is shown as % above the better of solve_tour and OR-Tools.
   ``--tsplib FILE --optimum L`` adds a TSPLIB EUC_2D instance (e.g. kroA100, 21282)
   solved with several seeds, against its proven optimum.
2. A 5-day plan over 300 candidate customers of the demo portfolio (the rep with the
   most customers, priorities from core.effort.visit_needs), for several solver
   budgets, next to a greedy reference (highest priority first, each day in postal
   code order, as a rep would do by hand).

OR-Tools is a dev requirement only (requirements-dev.txt).

Usage: .venv/bin/python benchmarks/bench_routing.py [--sizes 20 50 100 200] [--seeds 3]
       [--budget 1.0] [--plan-budgets 1 3 6] [--tsplib benchmarks/data/kroA100.tsp
       --optimum 21282]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.routing import (  # noqa: E402
    RouteSettings,
    _check_settings,
    _naive_order,
    _road_km,
    _simulate,
    plan_routes,
    solve_tour,
    tour_length,
)


def euclid_int(xy: np.ndarray) -> np.ndarray:
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    return np.floor(d + 0.5)


def ortools_tour(d: np.ndarray, seconds: float) -> float:
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n = len(d)
    manager = pywrapcp.RoutingIndexManager(n, 1, 0)
    model = pywrapcp.RoutingModel(manager)
    transit = model.RegisterTransitMatrix(d.astype(np.int64).tolist())
    model.SetArcCostEvaluatorOfAllVehicles(transit)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH)
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    sol = model.SolveWithParameters(params)
    index, order = model.Start(0), []
    while not model.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = sol.Value(model.NextVar(index))
    return tour_length(d, order)


def pyvrp_alone(d: np.ndarray, seconds: float, seed: int) -> float:
    from core.routing import _pyvrp_tour

    return tour_length(d, _pyvrp_tour(d, 0, seconds, seed))


def markdown(frame: pd.DataFrame, index: bool = True) -> str:
    """A markdown table (no tabulate dependency)."""
    f = frame.reset_index() if index else frame
    cells = [[("" if pd.isna(v) else f"{v:,.3f}".rstrip("0").rstrip(".")
               if isinstance(v, float) else str(v)) for v in row] for row in f.to_numpy()]
    head = [str(c) for c in f.columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells])


def timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def bench_tours(sizes, seeds, budget) -> pd.DataFrame:
    rows = []
    for n in sizes:
        for seed in range(seeds):
            d = euclid_int(np.random.default_rng(1000 * n + seed).uniform(0, 1000, (n, 2)))
            tour, t_ours = timed(solve_tour, d, 0, budget, seed)
            ours = tour.length
            alone, t_alone = timed(pyvrp_alone, d, budget, seed)
            ref, t_ref = timed(ortools_tour, d, budget)
            best = min(ours, ref)
            rows.append({"stops": n, "instance": seed, "solve_tour": ours,
                         "gap_ours_%": 100 * (ours / best - 1), "t_ours_s": t_ours,
                         "pyvrp_alone_%": 100 * (alone / best - 1), "t_pyvrp_s": t_alone,
                         "ortools_gls_%": 100 * (ref / best - 1), "t_ortools_s": t_ref})
            print(f"  n={n} seed={seed}: ours {ours:.0f} ({t_ours:.2f} s), pyvrp alone "
                  f"{alone:.0f}, or-tools {ref:.0f} ({t_ref:.2f} s)", flush=True)
    return pd.DataFrame(rows)


def read_tsplib(path: Path) -> np.ndarray:
    coords, inside = [], False
    for line in path.read_text().splitlines():
        if line.strip().startswith("NODE_COORD_SECTION"):
            inside = True
            continue
        if line.strip() in ("EOF", ""):
            continue
        if inside:
            parts = line.split()
            coords.append((float(parts[1]), float(parts[2])))
    return euclid_int(np.array(coords))


def bench_tsplib(path: Path, optimum: float, seeds: int, budget: float) -> pd.DataFrame:
    d = read_tsplib(path)
    rows = []
    for seed in range(seeds):
        ours = solve_tour(d, time_limit=budget, seed=seed).length
        alone = pyvrp_alone(d, budget, seed)
        ref = ortools_tour(d, budget)
        rows.append({"seed": seed, "solve_tour_%": 100 * (ours / optimum - 1),
                     "pyvrp_alone_%": 100 * (alone / optimum - 1),
                     "ortools_gls_%": 100 * (ref / optimum - 1)})
    return pd.DataFrame(rows)


def demo_candidates(n: int = 300):
    from core.effort import visit_needs
    from core.sample import REPS, load_demo
    from core.structure import abc_classes, customer_totals

    p = load_demo()
    as_of = pd.Timestamp(p.meta["end"])
    totals = customer_totals(p.transactions, as_of, months=12)
    classes = abc_classes(totals["amount"], cuts=(0.1, 0.5), basis="count")
    needs = visit_needs(p.customers, p.contacts, as_of, classes=classes)
    rep = max(REPS, key=lambda r: int((p.customers["sales_rep"] == r["name"]).sum()))
    mine = needs[(needs["sales_rep"] == rep["name"]) & needs["latitude"].notna()]
    mine = mine[mine["priority"] > 0].head(n)
    return mine, (rep["latitude"], rep["longitude"]), rep["name"]


def greedy_plan(cands, base, days, s: RouteSettings):
    """Reference: highest priority first; a customer joins the first day that still
    ends in time with the day's customers in postal code order."""
    h = _check_settings(s)
    c = cands.reset_index(drop=True).copy()
    c["visit_minutes"] = c["segment"].map(lambda x: s.visit_minutes.get(x, 45)).astype(float)
    c["tw_start"] = np.nan
    c["tw_end"] = np.nan
    lat = np.r_[base[0], base[0], c["latitude"]]
    lon = np.r_[base[1], base[1], c["longitude"]]
    km = _road_km(lat, lon, s.detour)
    minutes = km / s.speed_kmh * 60
    plan = [[] for _ in range(days)]
    for k in c.sort_values("priority", ascending=False).index:
        for day in plan:
            order = _naive_order([*day, k], c)
            if _simulate(order, km, minutes, c, h, 0, 1)["ok"]:
                day.append(k)
                break
    total_km = 0.0
    for day in plan:
        sim = _simulate(_naive_order(day, c), km, minutes, c, h, 0, 1)
        total_km += sum(r["drive_km"] for r in sim["rows"]) + sim["end_km"]
    visited = [k for day in plan for k in day]
    return len(visited), float(c.loc[visited, "priority"].sum()), total_km


def bench_plan(budgets) -> pd.DataFrame:
    cands, base, rep = demo_candidates(300)
    print(f"  plan: {len(cands)} candidates of {rep}", flush=True)
    s = RouteSettings()
    rows = []
    (n_g, prio_g, km_g), t_g = timed(greedy_plan, cands, base, 5, s)
    rows.append({"method": "greedy by priority, postal-code order", "budget_s": None,
                 "wall_s": t_g, "visits": n_g, "priority": prio_g, "km": km_g,
                 "km_vs_naive_order": None})
    for b in budgets:
        plan, t = timed(plan_routes, cands, base, "2026-11-02", "2026-11-06", s, None, b)
        rows.append({"method": "plan_routes (PyVRP prize-collecting)", "budget_s": b,
                     "wall_s": t, "visits": int(plan.days["visits"].sum()),
                     "priority": float(plan.days["priority"].sum()),
                     "km": float(plan.days["km"].sum()),
                     "km_vs_naive_order": -float(plan.days["km_saved"].sum())})
        print(f"  budget {b} s: {t:.2f} s", flush=True)
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 100, 200])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--budget", type=float, default=1.0)
    ap.add_argument("--plan-budgets", type=float, nargs="+", default=[1.0, 3.0, 6.0])
    ap.add_argument("--tsplib", type=Path, default=None)
    ap.add_argument("--optimum", type=float, default=None)
    ap.add_argument("--skip-plan", action="store_true")
    args = ap.parse_args(argv)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    tours = bench_tours(args.sizes, args.seeds, args.budget)
    summary = tours.groupby("stops").agg(
        solve_tour_gap_pct=("gap_ours_%", "mean"), solve_tour_worst_pct=("gap_ours_%", "max"),
        solve_tour_s=("t_ours_s", "mean"), pyvrp_alone_gap_pct=("pyvrp_alone_%", "mean"),
        ortools_gls_gap_pct=("ortools_gls_%", "mean"),
        ortools_worst_pct=("ortools_gls_%", "max"), ortools_s=("t_ortools_s", "mean"))
    print(f"\n### Tours, budget {args.budget} s each, {args.seeds} instances per size "
          "(% above the better of solve_tour and OR-Tools)\n")
    print(markdown(summary))
    if args.tsplib is not None and args.optimum:
        print(f"\n### {args.tsplib.name}, % above the proven optimum {args.optimum:.0f}\n")
        print(markdown(bench_tsplib(args.tsplib, args.optimum, max(args.seeds, 5),
                           args.budget), index=False))
    if not args.skip_plan:
        print("\n### 5-day plan over 300 candidates (demo portfolio)\n")
        print(markdown(bench_plan(args.plan_budgets), index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
