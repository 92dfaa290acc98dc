"""Benchmark: ABC + Lorenz + Gini on n customers against a plain pandas reference.

References (same run, same data): pandas ``sort_values`` + ``cumsum`` for the ABC cut
(no tie handling), a second ascending ``cumsum`` for the Lorenz curve and the trapezoid
Gini; "ref A" works on the customer-indexed Series and maps classes back to customers,
"ref B" is the floor (bare values, classes left in sorted order). Ours: ``abc_classes`` + ``lorenz_curve`` + ``gini`` called separately (three
sorts), and ``abc_analysis`` (one sort; full curves, then curves thinned to 2000 points
as the page asks).

Optionally (``--tx-sizes``) the per-customer totals over transaction rows
(``customer_totals``, DuckDB) against a pandas group-by.

Usage::

    .venv/bin/python benchmarks/bench_structure.py --sizes 1e5 1e6
    .venv/bin/python benchmarks/bench_structure.py --sizes 1e6 --tx-sizes 1e6 1e7

Prints markdown tables (best of ``--repeat`` runs, seconds). No timing asserts.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core import structure as S  # noqa: E402


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def reference_pandas(s: pd.Series, cuts=(0.8, 0.95)):
    """Plain pandas: sort + cumsum, classes by cumulative share, Lorenz, trapezoid Gini."""
    desc = s.sort_values(ascending=False)
    cum = desc.cumsum() / desc.sum()
    classes = pd.Series(
        np.select([cum.shift(fill_value=0) < cuts[0], cum.shift(fill_value=0) < cuts[1]],
                  ["A", "B"], "C"),
        index=desc.index,
    ).reindex(s.index)
    asc = desc.iloc[::-1].clip(lower=0)
    lorenz_y = np.r_[0.0, asc.cumsum().to_numpy() / asc.sum()]
    n = len(s)
    gini = 1.0 - (lorenz_y[1:] + lorenz_y[:-1]).sum() / n
    lorenz = pd.DataFrame({"share_customers": np.arange(n + 1) / n, "share_value": lorenz_y})
    return classes, lorenz, gini


def reference_floor(s: pd.Series, cuts=(0.8, 0.95)):
    """The least a pandas user can do: values only (RangeIndex), classes left in sorted
    order (not mapped back to the customers), same Lorenz and Gini."""
    v = pd.Series(s.to_numpy())
    desc = v.sort_values(ascending=False, ignore_index=True)
    cum_before = desc.cumsum().shift(fill_value=0) / desc.sum()
    classes = np.select([cum_before < cuts[0], cum_before < cuts[1]], ["A", "B"], "C")
    asc = desc.iloc[::-1].clip(lower=0)
    lorenz_y = np.r_[0.0, asc.cumsum().to_numpy() / asc.sum()]
    gini = 1.0 - (lorenz_y[1:] + lorenz_y[:-1]).sum() / len(v)
    return classes, lorenz_y, gini


def ours_separate(s: pd.Series):
    return S.abc_classes(s), S.lorenz_curve(s), S.gini(s)


def make_values(n: int, seed: int = 0) -> pd.Series:
    rng = np.random.default_rng(seed)
    x = np.round(rng.lognormal(mean=7, sigma=1.6, size=n), 2)  # euros, some ties
    x[rng.random(n) < 0.01] *= -0.1  # 1 % net credit notes
    ids = pd.Index(np.char.add("C", np.arange(n).astype("U8")), dtype="str")
    return pd.Series(x, index=ids)


def bench_abc(sizes, repeat):
    rows = []
    for n in sizes:
        s = make_values(n)
        # same answer on the classes for distinct values (ties are handled only by ours)
        ref_classes, _, ref_gini = reference_pandas(s)
        ours = S.abc_analysis(s, max_points=None)
        agree = float((ours.classes.astype(str) == ref_classes).mean())
        assert abs(ours.gini - ref_gini) < 1e-9, "Gini differs from the reference"
        t_ref = best_of(lambda s=s: reference_pandas(s), repeat)
        t_floor = best_of(lambda s=s: reference_floor(s), repeat)
        t_sep = best_of(lambda s=s: ours_separate(s), repeat)
        t_all = best_of(lambda s=s: S.abc_analysis(s, max_points=None), repeat)
        t_thin = best_of(lambda s=s: S.abc_analysis(s, max_points=2000), repeat)
        rows.append((n, t_ref, t_floor, t_sep, t_all, t_thin, agree))
    print(f"\n### ABC + Lorenz + Gini (seconds, best of {repeat})\n")
    print("| customers | ref A: pandas on customer-indexed Series | ref B: pandas floor "
          "(values only) | ours: 3 separate calls | ours: abc_analysis (full curves) | "
          "ours: abc_analysis (2000 pts) | 2000 pts / ref B | full / ref B | full / ref A | "
          "same classes as ref A |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, t_ref, t_floor, t_sep, t_all, t_thin, agree in rows:
        print(f"| {n:,} | {t_ref:.3f} | {t_floor:.3f} | {t_sep:.3f} | {t_all:.3f} | "
              f"{t_thin:.3f} | {t_thin / t_floor:.2f}x | {t_all / t_floor:.2f}x | "
              f"{t_all / t_ref:.2f}x | {agree:.4%} |")


def make_transactions(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_cust = max(n // 20, 1)
    cust = rng.integers(0, n_cust, n)
    return pd.DataFrame({
        "invoice_id": pd.array(np.char.add("F", (np.arange(n) // 3).astype("U9")), dtype="str"),
        "customer_id": pd.array(np.char.add("C", cust.astype("U8")), dtype="str"),
        "date": pd.Timestamp("2022-01-01")
        + pd.to_timedelta(rng.integers(0, 3 * 365, n), unit="D"),
        "family": pd.array(np.char.add("F", rng.integers(0, 12, n).astype("U2")), dtype="str"),
        "quantity": rng.integers(1, 10, n).astype("float64"),
        "amount": np.round(rng.lognormal(4, 1, n), 2),
        "margin": np.round(rng.lognormal(3, 1, n), 2),
    })


def reference_groupby(tx: pd.DataFrame, as_of: pd.Timestamp):
    w = tx[(tx["date"] > as_of - pd.DateOffset(months=12)) & (tx["date"] <= as_of)]
    return w.groupby("customer_id").agg(amount=("amount", "sum"), margin=("margin", "sum"),
                                        quantity=("quantity", "sum"),
                                        orders=("invoice_id", "nunique"),
                                        n_families=("family", "nunique"))


def bench_totals(sizes, repeat):
    as_of = pd.Timestamp("2024-12-31")
    rows = []
    for n in sizes:
        tx = make_transactions(n)
        t_ref = best_of(lambda tx=tx: reference_groupby(tx, as_of), repeat)
        t_ours = best_of(lambda tx=tx: S.customer_totals(tx, as_of, months=12), repeat)
        t_stats = best_of(lambda tx=tx: S.sales_statistics(tx, by="family", unit="customer"),
                          repeat)
        rows.append((n, t_ref, t_ours, t_stats))
    print(f"\n### Per-customer totals over transactions (seconds, best of {repeat})\n")
    print("| rows | pandas group-by (ref) | customer_totals (DuckDB) | ratio | "
          "sales_statistics by family, per customer |")
    print("|---:|---:|---:|---:|---:|")
    for n, t_ref, t_ours, t_stats in rows:
        print(f"| {n:,} | {t_ref:.3f} | {t_ours:.3f} | {t_ours / t_ref:.2f}x | {t_stats:.3f} |")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6])
    ap.add_argument("--tx-sizes", nargs="*", type=float, default=[])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"python {platform.python_version()}, pandas {pd.__version__}, "
          f"numpy {np.__version__}")
    bench_abc([int(x) for x in args.sizes], args.repeat)
    if args.tx_sizes:
        bench_totals([int(x) for x in args.tx_sizes], args.repeat)


if __name__ == "__main__":
    main()
