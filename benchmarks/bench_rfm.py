"""Benchmark: RFM scores + R x F grid vs a pandas qcut reference, in the same run.

    .venv/bin/python benchmarks/bench_rfm.py --sizes 1e5 1e6
    .venv/bin/python benchmarks/bench_rfm.py --sizes 1e6 --tx-sizes 1e6 1e7

Part 1 (customers): ``core.rfm.rfm_scores`` + ``core.rfm.rfm_grid`` on N synthetic
customers (recency 0..1500 days, Poisson frequency with many ties, log-normal amounts)
vs the usual pandas recipe: ``qcut(rank(method="first"))`` for R, F, M, the string
code, and a ``groupby(["R", "F"])`` for the grid. The reference splits ties arbitrarily
(two customers with the same frequency can get different F), core never does; the
"M agree" column is the share of identical M scores (M has no ties, both should agree).

Part 2 (optional, sales lines): ``core.rfm.rfm_table`` (DuckDB SQL) vs a pandas
group-by computing the same recency / frequency / monetary on N lines.

Data is generated in memory (seeded); nothing is written. Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from benchmarks._timing import best_of  # noqa: E402
from core.rfm import rfm_grid, rfm_scores, rfm_table  # noqa: E402


def make_features(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "customer_id": pd.Series(np.char.add("C", np.arange(n).astype(str)), dtype="str"),
        "recency_days": rng.integers(0, 1500, n),
        "frequency": rng.poisson(2.5, n),
        "monetary": np.round(rng.lognormal(6.5, 1.2, n), 2),
    })


def pandas_reference(f: pd.DataFrame, bins: int = 5):
    def q(s):
        return pd.qcut(s.rank(method="first"), bins, labels=False) + 1

    r, fr, m = q(-f["recency_days"]), q(f["frequency"]), q(f["monetary"])
    code = r.astype(str) + fr.astype(str) + m.astype(str)
    grid = (pd.DataFrame({"R": r, "F": fr, "m": f["monetary"]})
            .groupby(["R", "F"])["m"].agg(["size", "mean"]))
    return m, code, grid


def core_run(f: pd.DataFrame, bins: int = 5):
    s = rfm_scores(f, bins)
    return s, rfm_grid(s, bins)


def make_lines(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_cust = max(n // 20, 1)
    invoice = np.arange(n) // 3  # three lines per invoice, one customer and day each
    n_inv = int(invoice[-1]) + 1 if n else 0
    cust = rng.integers(0, n_cust, n_inv)[invoice]
    days = rng.integers(0, 3 * 365, n_inv)[invoice]
    return pd.DataFrame({
        "invoice_id": pd.Series(np.char.add("F", invoice.astype(str)), dtype="str"),
        "customer_id": pd.Series(np.char.add("C", cust.astype(str)), dtype="str"),
        "date": pd.Timestamp("2024-12-31") - pd.to_timedelta(days, unit="D"),
        "amount": np.round(rng.lognormal(4, 1, n), 2),
    })


def pandas_table(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    tx = tx[tx["date"] <= as_of]
    o = tx.groupby(["customer_id", "invoice_id"], sort=False).agg(
        date=("date", "min"), amount=("amount", "sum")).reset_index()
    start = as_of - pd.DateOffset(months=12)
    buy = o[o["amount"] > 0]
    last = buy.groupby("customer_id")["date"].max()
    freq = buy[buy["date"] > start].groupby("customer_id").size()
    mon = o[o["date"] > start].groupby("customer_id")["amount"].sum()
    out = pd.DataFrame({"recency_days": (as_of - last).dt.days})
    out["frequency"] = freq.reindex(out.index, fill_value=0)
    out["monetary"] = mon.reindex(out.index, fill_value=0.0)
    return out.sort_index()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6],
                    help="numbers of customers for scores + grid")
    ap.add_argument("--tx-sizes", nargs="*", type=float, default=[],
                    help="numbers of sales lines for rfm_table (optional)")
    ap.add_argument("--bins", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python "
          f"{platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}\n")
    print("| customers | core rfm_scores + rfm_grid (s) | pandas qcut reference (s) | "
          "ratio ref/core | M agree |")
    print("|---:|---:|---:|---:|---:|")
    for n in (int(x) for x in args.sizes):
        f = make_features(n)
        t_core, (s, _) = best_of(lambda f=f: core_run(f, args.bins), args.repeat)
        t_ref, (m_ref, _, _) = best_of(lambda f=f: pandas_reference(f, args.bins), args.repeat)
        agree = float((s["M"].to_numpy() == m_ref.to_numpy()).mean())
        print(f"| {n:,} | {t_core:.3f} | {t_ref:.3f} | {t_ref / t_core:.1f}x | {agree:.1%} |")
    if args.tx_sizes:
        as_of = pd.Timestamp("2024-12-31")
        print("\n| sales lines | core rfm_table, DuckDB (s) | pandas group-by (s) | "
              "ratio ref/core | same F |")
        print("|---:|---:|---:|---:|---:|")
        for n in (int(x) for x in args.tx_sizes):
            tx = make_lines(n)
            t_core, got = best_of(lambda tx=tx: rfm_table(tx, as_of), args.repeat)
            t_ref, ref = best_of(lambda tx=tx: pandas_table(tx, as_of), args.repeat)
            got = got.set_index("customer_id")
            same = float((got["frequency"] == ref["frequency"].reindex(got.index)).mean())
            print(f"| {n:,} | {t_core:.3f} | {t_ref:.3f} | {t_ref / t_core:.1f}x | "
                  f"{same:.1%} |")


if __name__ == "__main__":
    main()
