"""Benchmark: fitting the BG/NBD purchase model (core.clv.fit_bgnbd).

Customers are drawn from a BG/NBD process (r=0.5, alpha=10 days, a=0.8, b=2.5) observed for
up to three years, in whole calendar days as clv_summary produces them. Timed in the same
run:
- ours: fit_bgnbd, identical (x, t_x, T) rows merged with weights (the default);
- ours, unmerged: the same optimiser on every customer row (merge_rows=False);
- lifetimes: ``lifetimes.BetaGeoFitter().fit`` on every row, and on the merged rows with
  its ``weights`` argument (when the package imports; it is in requirements-dev.txt).
The table also gives the largest relative gap between our parameters and lifetimes' and
both log-likelihoods (evaluated with our formula).

Usage: .venv/bin/python benchmarks/bench_clv.py [--sizes 1e5 1e6] [--repeat 1]
       [--no-lifetimes]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.clv import BetaGeoModel, _merge_rows  # noqa: E402

TRUE = {"r": 0.5, "alpha": 10.0, "a": 0.8, "b": 2.5}


def simulate(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, t_x, T) in whole days for n customers acquired over three years."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(TRUE["r"], 1 / TRUE["alpha"], n)
    p = rng.beta(TRUE["a"], TRUE["b"], n)
    T = rng.integers(1, 3 * 365 + 1, n).astype(float)
    arrivals = rng.poisson(lam * T)
    x = np.minimum(arrivals, rng.geometric(p))
    tx = np.where(x > 0, T * rng.beta(np.maximum(x, 1), arrivals - x + 1), 0.0)
    tx = np.minimum(np.floor(tx), T)
    tx = np.where(x > 0, np.maximum(tx, 1.0), 0.0)
    tx = np.minimum(tx, T)
    return x.astype(float), tx, T


def timed(fn, repeat: int):
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def lifetimes_fitter():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from lifetimes import BetaGeoFitter
    except Exception as exc:  # noqa: BLE001 - any import failure means "not available"
        print(f"(lifetimes not available: {exc})")
        return None
    return BetaGeoFitter


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-lifetimes", action="store_true")
    args = ap.parse_args(argv)
    fitter = None if args.no_lifetimes else lifetimes_fitter()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, numpy {np.__version__}")
    print()
    head = ("| customers | distinct rows | ours (merged) s | ours unmerged s | ratio "
            "| lifetimes s | lifetimes merged s | max rel. param gap | LL ours | LL lifetimes |")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for size in args.sizes:
        n = int(size)
        x, tx, T = simulate(n)
        t_ours, ours = timed(lambda x=x, tx=tx, T=T: BetaGeoModel().fit(x, tx, T), args.repeat)
        t_raw, _ = timed(lambda x=x, tx=tx, T=T: BetaGeoModel(merge_rows=False).fit(x, tx, T),
                         args.repeat)
        lt_s = lt_m_s = gap = ll_lt = float("nan")
        if fitter is not None:
            def fit_raw(x=x, tx=tx, T=T):
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    return fitter().fit(x, tx, T)

            (ux, utx, ut), w = _merge_rows(x, tx, T)

            def fit_merged(ux=ux, utx=utx, ut=ut, w=w):
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    return fitter().fit(ux, utx, ut, weights=w.astype(np.int64))

            lt_s, lt = timed(fit_raw, args.repeat)
            lt_m_s, _ = timed(fit_merged, args.repeat)
            lp = {k: float(lt.params_[k]) for k in ("r", "alpha", "a", "b")}
            gap = max(abs(ours.params_[k] - lp[k]) / abs(lp[k]) for k in lp)
            ll_lt = float(BetaGeoModel.from_params(**lp).log_likelihood(x, tx, T).sum())
        print(f"| {n:,} | {ours.n_rows_:,} | {t_ours:.2f} | {t_raw:.2f} | "
              f"{t_raw / t_ours:.1f}x | {lt_s:.2f} | {lt_m_s:.2f} | {gap:.1e} | "
              f"{ours.log_likelihood_:,.1f} | {ll_lt:,.1f} |")
        print("  fitted:", {k: round(v, 4) for k, v in ours.params_.items()},
              "true:", TRUE, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
