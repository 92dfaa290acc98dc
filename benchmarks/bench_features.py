"""Benchmark: the per-customer table (core.features.customer_features).

Times customer_features on 10^5, 10^6 and 10^7 sales lines (10 lines per customer, about
3 lines per invoice) against two references measured in the same run:
- pandas: the same figures with a pandas group-by (two stages: order, then customer);
- numpy floor: np.bincount sums and min/max on integer codes that are already computed,
  the least work any method must do (it skips the text ids entirely).

Usage: .venv/bin/python benchmarks/bench_features.py [--sizes 1e5 1e6 1e7] [--repeat 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.features import customer_features  # noqa: E402

AS_OF = pd.Timestamp("2026-10-31")


def make_lines(n_lines: int, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    n_customers = max(n_lines // 10, 1)
    n_invoices = max(n_lines // 3, 1)
    inv = np.sort(rng.integers(0, n_invoices, n_lines))
    inv_customer = rng.integers(0, n_customers, n_invoices)
    inv_day = rng.integers(0, 3 * 365, n_invoices)
    cust = inv_customer[inv]
    amount = np.round(rng.lognormal(4, 1, n_lines), 2)
    amount[rng.random(n_lines) < 0.01] *= -1
    frame = pd.DataFrame({
        "invoice_id": pd.array(np.char.add("F", inv.astype("U9")), dtype="str"),
        "customer_id": pd.array(np.char.add("C", cust.astype("U8")), dtype="str"),
        "date": (AS_OF - pd.Timedelta(days=3 * 365)) + pd.to_timedelta(inv_day[inv], unit="D"),
        "amount": amount,
        "margin": np.round(amount * 0.3, 2),
        "family": pd.array(np.char.add("FAM", rng.integers(0, 8, n_lines).astype("U1")),
                           dtype="str"),
    })
    return frame, cust


def pandas_reference(tx: pd.DataFrame) -> pd.DataFrame:
    t = tx[tx["date"] <= AS_OF]
    orders = t.groupby(["customer_id", "invoice_id"], sort=False).agg(
        date=("date", "min"), amount=("amount", "sum"), margin=("margin", "sum"))
    orders = orders.reset_index()
    orders["pos"] = orders["amount"] > 0
    cut12 = AS_OF - pd.DateOffset(months=12)
    cut24 = AS_OF - pd.DateOffset(months=24)
    orders["a12"] = orders["amount"].where(orders["date"] > cut12, 0.0)
    orders["a24"] = orders["amount"].where((orders["date"] > cut24) & (orders["date"] <= cut12),
                                           0.0)
    orders["pdate"] = orders["date"].where(orders["pos"])
    g = orders.groupby("customer_id", sort=False)
    out = g.agg(first_purchase=("pdate", "min"), last_purchase=("pdate", "max"),
                frequency=("pos", "sum"), monetary=("amount", "sum"), margin=("margin", "sum"),
                revenue_12m=("a12", "sum"), revenue_prev_12m=("a24", "sum"))
    out["n_families"] = t[t["amount"] > 0].groupby("customer_id")["family"].nunique()
    out["recency_days"] = (AS_OF - out["last_purchase"]).dt.days
    return out


def numpy_floor(codes: np.ndarray, tx: pd.DataFrame) -> np.ndarray:
    n = codes.max() + 1
    amount = tx["amount"].to_numpy()
    days = tx["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    s = np.bincount(codes, weights=amount, minlength=n)
    m = np.bincount(codes, weights=tx["margin"].to_numpy(), minlength=n)
    c = np.bincount(codes, minlength=n)
    recent = np.bincount(codes, weights=amount * (days > days.max() - 365), minlength=n)
    return np.stack([s, m, c, recent])


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6, 1e7])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    print("| lines | customers | customer_features (DuckDB) | pandas group-by | numpy floor "
          "| DuckDB / pandas | DuckDB / floor |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        n = int(size)
        tx, codes = make_lines(n)
        ours = best_of(lambda tx=tx: customer_features(tx, AS_OF), args.repeat)
        ref = best_of(lambda tx=tx: pandas_reference(tx), args.repeat)
        floor = best_of(lambda tx=tx, codes=codes: numpy_floor(codes, tx), args.repeat)
        check = customer_features(tx, AS_OF)
        assert abs(check["monetary"].sum() - tx["amount"].sum()) < 1e-3 * n
        print(f"| {n:,} | {tx['customer_id'].nunique():,} | {ours:.2f} s | {ref:.2f} s "
              f"| {floor:.2f} s | {ours / ref:.2f} | {ours / floor:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
