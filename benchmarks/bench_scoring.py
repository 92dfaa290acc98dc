"""Benchmark: fitting a score with core.scoring.fit_scorer vs plain scikit-learn.

    .venv/bin/python benchmarks/bench_scoring.py --sizes 1e4 1e5

N synthetic customers with the columns a churn score sees: 16 numbers (skewed money,
counts, days; 5-10 % missing) and 4 text columns (sector, size, rep, payment method;
some missing), outcome from a planted logistic model. In the same run:

- ``fit_scorer(X, y, "logistic")`` end to end: column checks, cleaning, the pipeline
  (log scale, median imputation + missing flags, standardisation, one-hot), the fit and
  the 0-1000 points scorecard;
- the reference: a plain ``LogisticRegression(max_iter=5000)`` fitted on the matrix
  that pipeline produces, encoded beforehand (outside the timing);
- the same pair for ``"gbm"`` vs a plain ``HistGradientBoostingClassifier`` (same
  settings) on the pre-encoded matrix.

Both sides run with one native thread (core's default, ``core.scoring.N_THREADS``).
"AUC" is measured on N fresh customers. Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.base import clone
from threadpoolctl import threadpool_limits

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from core.scoring import fit_scorer, roc_auc  # noqa: E402


def make_table(n: int, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({
        "recency_days": rng.gamma(1.5, 80, n),
        "frequency": rng.poisson(6, n).astype(float),
        "monetary": np.exp(rng.normal(8, 1.3, n)),
        "margin": np.exp(rng.normal(6.8, 1.3, n)),
        "avg_basket": np.exp(rng.normal(6, 0.8, n)),
        "n_families": rng.integers(1, 9, n).astype(float),
        "revenue_12m": np.exp(rng.normal(7.5, 1.4, n)),
        "revenue_prev_12m": np.exp(rng.normal(7.5, 1.4, n)),
        "orders_12m": rng.poisson(3, n).astype(float),
        "orders_3m": rng.poisson(1, n).astype(float),
        "tenure_days": rng.uniform(30, 4000, n),
        "revenue_trend": rng.uniform(-1, 1, n),
        "contacts_12m": rng.poisson(4, n).astype(float),
        "days_since_contact": rng.gamma(2, 40, n),
        "complaints_12m": rng.poisson(0.1, n).astype(float),
        "potential": np.exp(rng.normal(9, 1, n)),
        "sector": rng.choice(["Restauration", "Commerce", "Industrie", "BTP", "Santé",
                              "Services", "Hôtellerie"], n),
        "size": rng.choice(["1-9", "10-49", "50-249", "250+"], n, p=[.5, .3, .15, .05]),
        "sales_rep": rng.choice(["Claire", "Julien", "Sandrine", "Mathieu"], n),
        "payment_method": rng.choice(["virement", "LCR", "chèque", "prélèvement"], n),
    })
    logit = (-1.5 + 0.006 * X["recency_days"] - 0.15 * X["orders_12m"]
             - 0.8 * X["revenue_trend"] + 0.5 * X["complaints_12m"]
             + np.where(X["sector"] == "BTP", 0.6, 0.0))
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    for c, share in (("recency_days", 0.05), ("days_since_contact", 0.1),
                     ("potential", 0.08), ("size", 0.06), ("sector", 0.03)):
        X.loc[rng.random(n) < share, c] = np.nan
    for c in ("sector", "size", "sales_rep", "payment_method"):
        X[c] = X[c].astype("str")
    return X, y


def best_of(fn, repeat: int):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e4, 1e5])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python "
          f"{platform.python_version()}, scikit-learn {sklearn.__version__}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| customers | model | core fit_scorer (s) | plain sklearn on pre-encoded "
          "matrix (s) | ratio core/ref | AUC core | AUC ref |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    warnings.simplefilter("ignore", UserWarning)
    for n in (int(x) for x in args.sizes):
        X, y = make_table(n, seed=0)
        X_new, y_new = make_table(n, seed=1)
        for model in ("logistic", "gbm"):
            t_core, scorer = best_of(lambda m=model, X=X, y=y: fit_scorer(X, y, model=m),
                                     args.repeat)
            encode = scorer.pipeline_.named_steps["encode"]
            E, E_new = encode.transform(scorer._clean(X)), encode.transform(
                scorer._clean(X_new))
            plain = clone(scorer.pipeline_.named_steps["model"])

            def fit_ref(plain=plain, E=E, y=y):
                with threadpool_limits(limits=1):
                    return clone(plain).fit(E, y)

            t_ref, ref = best_of(fit_ref, args.repeat)
            auc_core = roc_auc(y_new, scorer.predict_proba(X_new))
            auc_ref = roc_auc(y_new, ref.predict_proba(E_new)[:, 1])
            print(f"| {n:,} | {model} | {t_core:.2f} | {t_ref:.2f} | {t_core / t_ref:.2f}x | "
                  f"{auc_core:.3f} | {auc_ref:.3f} |")


if __name__ == "__main__":
    main()
