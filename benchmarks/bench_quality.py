"""Benchmark: duplicate customers (core.quality.find_duplicates) and the quality report.

For each size n (customers), a generated table of distinct French companies
(core.quality.synthetic_customers) receives 1 % planted near-duplicates
(core.quality.plant_duplicates). Measured in the same run:
- find_duplicates on the n rows (blocking by postal code / city + equal identifiers),
  with its precision and recall against the planted pairs;
- the reference: all-pairs rapidfuzz ``process.cdist`` (the same two scorers, ratio and
  token_sort_ratio, on the same normalised names) timed on a random subsample of m rows
  and extrapolated to n rows by the number of pairs, (n / m)^2;
- what blocking gives up: on the subsample, the pairs whose names reach the threshold in
  the all-pairs matrix but sit in different places, and how many of them are planted
  duplicates (those are the real misses);
- quality_report on the same customers table.

Generated tables are cached in benchmarks/data/ (gitignored).

Usage: .venv/bin/python benchmarks/bench_quality.py [--sizes 1e4 1e5] [--subsample 5000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._timing import best_of  # noqa: E402
from core.quality import (  # noqa: E402
    find_duplicates,
    normalise_name,
    pair_metrics,
    plant_duplicates,
    quality_report,
    synthetic_customers,
)

DATA = Path(__file__).resolve().parent / "data"
MIN_SCORE = 0.85


def customers(n: int, seed: int = 0) -> tuple[pd.DataFrame, list]:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"quality_customers_{n}_{seed}.parquet"
    if path.exists():
        base = pd.read_parquet(path)
    else:
        t = time.perf_counter()
        base = synthetic_customers(n - n // 100, random_state=seed)
        base.to_parquet(path)
        print(f"generated {len(base):,} customers in {time.perf_counter() - t:.1f} s",
              file=sys.stderr)
    for c in base.columns:
        base[c] = base[c].astype("str")
    return plant_duplicates(base, n // 100, random_state=seed + 1)


def all_pairs(names: list[str], cutoff: int) -> np.ndarray:
    a = process.cdist(names, names, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=cutoff)
    b = process.cdist(names, names, scorer=fuzz.token_sort_ratio, dtype=np.uint8,
                      score_cutoff=cutoff)
    return np.maximum(a, b)


def run(n: int, m: int, repeat: int) -> dict:
    table, truth = customers(n)
    t_find, found = best_of(lambda: find_duplicates(table, min_score=MIN_SCORE), repeat)
    metrics = pair_metrics(found, truth)

    rng = np.random.default_rng(7)
    m = min(m, len(table))
    sub = table.iloc[np.sort(rng.choice(len(table), m, replace=False))].reset_index(drop=True)
    names = [normalise_name(x) for x in sub["name"]]
    cutoff = int(MIN_SCORE * 100)
    t_ref, matrix = best_of(lambda: all_pairs(names, cutoff), repeat)
    scale = (len(table) * (len(table) - 1)) / (m * (m - 1))
    r, c = np.nonzero(np.triu(matrix, k=1))
    ids = sub["customer_id"].to_numpy()
    brute = {frozenset((ids[i], ids[j])) for i, j in zip(r, c)}
    blocked = {frozenset(p) for p in zip(*find_duplicates(sub, min_score=MIN_SCORE)[
        ["id_a", "id_b"]].to_numpy().T)}
    truth_set = {frozenset(p) for p in truth}
    missed = brute - blocked
    t_report, _ = best_of(lambda: quality_report({"customers": table}, as_of="2026-01-01"),
                          repeat)
    return {
        "n": len(table), "planted": len(truth), "t_find": t_find, "pairs": len(found),
        "precision": metrics["precision"], "recall": metrics["recall"],
        "m": m, "t_ref_m": t_ref, "t_ref_n": t_ref * scale,
        "brute_pairs": len(brute), "missed": len(missed),
        "missed_true": len(missed & truth_set), "t_report": t_report,
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e4, 1e5])
    ap.add_argument("--subsample", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    rows = [run(int(s), args.subsample, args.repeat) for s in args.sizes]
    print("| customers | planted | find_duplicates | pairs | precision | recall "
          "| all-pairs cdist (m rows, measured) | all-pairs at n (extrapolated) | ratio "
          "| name pairs >= 85 across places (subsample) | of which planted "
          "| quality_report |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']:,} | {r['planted']:,} | {r['t_find']:.2f} s | {r['pairs']:,} "
              f"| {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['t_ref_m']:.2f} s (m = {r['m']:,}) | {r['t_ref_n']:.0f} s "
              f"| {r['t_ref_n'] / r['t_find']:.0f}x | {r['missed']} of {r['brute_pairs']} "
              f"| {r['missed_true']} | {r['t_report']:.2f} s |")


if __name__ == "__main__":
    main()
