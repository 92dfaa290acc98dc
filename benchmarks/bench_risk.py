"""Benchmark: ageing balance + monthly DSO trend (core.risk) on 10^5..10^6 invoices.

Times, in the same run:
- core.risk: ``aging_balance`` then ``dso_trend`` (12 month-ends, 12-month window), each
  validating the raw table as a page would (rows with bad dates, duplicates or negative
  amounts are found and left out);
- core.risk, validated once: ``validate_receivables`` then both functions on its result
  (what a page does when it caches the validation);
- pandas reference: the same figures with a plain pandas group-by (``pd.cut`` buckets,
  ``groupby().unstack()``, one boolean mask per month-end), without any validation.
The results of both are compared (same totals per customer, same DSO) before timing.

Usage: .venv/bin/python benchmarks/bench_risk.py [--sizes 1e5 1e6] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.risk import aging_balance, dso_trend, validate_receivables  # noqa: E402

AS_OF = pd.Timestamp("2026-10-31")
BUCKETS = ["not_due", "late_1_30", "late_31_60", "late_61_90", "late_over_90"]


def make_invoices(n: int, seed: int = 0) -> pd.DataFrame:
    """n invoices over 3 years for n/20 customers; 15 % still unpaid, 1 % paid later
    than as_of, a few bad rows (0.1 %: negative amounts, due before invoice)."""
    rng = np.random.default_rng(seed)
    n_customers = max(n // 20, 1)
    start = AS_OF - pd.Timedelta(days=3 * 365)
    inv = start + pd.to_timedelta(rng.integers(0, 3 * 365, n), unit="D")
    terms = rng.choice([30, 45, 60], n)
    due = inv + pd.to_timedelta(terms, unit="D")
    delay = rng.gamma(1.5, 12.0, n).astype(int) - 5
    paid = due + pd.to_timedelta(delay, unit="D")
    paid = paid.where(paid >= inv, inv)
    unpaid = rng.random(n) < 0.15
    paid = pd.Series(paid).mask(unpaid)
    amount = np.round(rng.lognormal(6, 1, n), 2)
    bad = rng.random(n) < 0.001
    amount[bad] *= -1
    return pd.DataFrame({
        "invoice_id": pd.array(np.char.add("F", np.arange(n).astype("U9")), dtype="str"),
        "customer_id": pd.array(np.char.add("C", rng.integers(0, n_customers, n).astype("U8")),
                                dtype="str"),
        "invoice_date": pd.Series(inv).astype("datetime64[ns]"),
        "due_date": pd.Series(due).astype("datetime64[ns]"),
        "amount": amount,
        "paid_date": paid.astype("datetime64[ns]"),
    })


def month_points(months: int = 12) -> list[pd.Timestamp]:
    p = AS_OF.to_period("M")
    pts = [(p - k).to_timestamp(how="end").normalize() for k in range(months - 1, 0, -1)]
    return [*pts, AS_OF]


def pandas_reference(r: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    r = r[r["amount"] >= 0]  # the one cleaning rule every reader would apply
    open_ = r[(r["invoice_date"] <= AS_OF) & ~(r["paid_date"] <= AS_OF)]
    late = (AS_OF - open_["due_date"]).dt.days
    bucket = pd.cut(late, [-np.inf, 0, 30, 60, 90, np.inf], labels=BUCKETS)
    aging = open_.groupby(["customer_id", bucket], observed=False)["amount"].sum().unstack()
    aging["total"] = aging.sum(axis=1)
    dso = {}
    for t in month_points():
        ar = r.loc[(r["invoice_date"] <= t) & ~(r["paid_date"] <= t), "amount"].sum()
        s = t - pd.DateOffset(months=12)
        rev = r.loc[(r["invoice_date"] > s) & (r["invoice_date"] <= t), "amount"].sum()
        dso[t] = ar / rev * 360
    return aging, pd.Series(dso)


def ours(r):
    return aging_balance(r, AS_OF), dso_trend(r, AS_OF, months=12)


def ours_validated_once(r):
    ck = validate_receivables(r)
    return aging_balance(ck, AS_OF), dso_trend(ck, AS_OF, months=12)


def best(fn, arg, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = []
    for size in args.sizes:
        n = int(size)
        r = make_invoices(n)
        a, d = ours(r)
        ref_a, ref_d = pandas_reference(r)
        # the duplicate/date checks find nothing more than negative amounts here, so
        # both sides must agree exactly
        got = a.set_index("customer_id")["total"].sort_index()
        want = ref_a["total"][ref_a["total"] > 0].sort_index()
        assert np.allclose(got.to_numpy(), want.to_numpy()), "ageing differs from pandas"
        assert np.allclose(d["dso_days"].to_numpy(), ref_d.to_numpy()), "DSO differs"
        t_ours = best(ours, r, args.repeat)
        t_once = best(ours_validated_once, r, args.repeat)
        t_ref = best(pandas_reference, r, args.repeat)
        rows.append((n, t_ours, t_once, t_ref))
    print("| invoices | core.risk (validating each call) s | core.risk (validated once) s "
          "| pandas group-by s | pandas / core.risk |")
    print("|---:|---:|---:|---:|---:|")
    for n, t_ours, t_once, t_ref in rows:
        print(f"| {n:,} | {t_ours:.3f} | {t_once:.3f} | {t_ref:.3f} | {t_ref / t_ours:.1f}x |")


if __name__ == "__main__":
    main()
