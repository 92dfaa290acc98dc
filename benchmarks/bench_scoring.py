"""Benchmark: fitting a score with core.scoring.fit_scorer vs plain scikit-learn.

    .venv/bin/python benchmarks/bench_scoring.py --sizes 1e4 1e5

N synthetic customers with the columns a churn score sees: 16 numbers (skewed money,
counts, days; 5-10 % missing) and 4 text columns (sector, size, rep, payment method;
some missing), outcome from a planted logistic model. In the same run:

- ``fit_scorer(X, y, "logistic")`` end to end: column checks, cleaning, the pipeline
  (log scale, median imputation + missing flags, standardisation, one-hot), the choice
  of the penalty C by 5-fold cross-validation over 5 values (26 fits), the fit and the
  0-1000 points scorecard; compared with (a) a plain ``LogisticRegression`` fitted once
  on the matrix that pipeline produces, encoded beforehand (outside the timing), and
  (b) the same C search done by hand on that matrix (``cross_val_score``, same folds);
- ``Scorer(C=1.0)`` (fixed penalty, no search) vs (a);
- ``fit_scorer(X, y, "gbm")`` vs a plain ``HistGradientBoostingClassifier`` (same
  settings) on the pre-encoded matrix.

Both sides run with one native thread (core's default, ``core.scoring.N_THREADS``).
"AUC" is measured on N fresh customers. Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from threadpoolctl import threadpool_limits

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from benchmarks._timing import best_of  # noqa: E402
from core.scoring import C_GRID, Scorer, fit_scorer, roc_auc  # noqa: E402


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


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e4, 1e5])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python "
          f"{platform.python_version()}, scikit-learn {sklearn.__version__}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| customers | core | core (s) | reference | reference (s) | ratio core/ref | "
          "AUC core | AUC ref |")
    print("|---:|---|---:|---|---:|---:|---:|---:|")
    warnings.simplefilter("ignore", UserWarning)
    for n in (int(x) for x in args.sizes):
        X, y = make_table(n, seed=0)
        X_new, y_new = make_table(n, seed=1)
        runs = [("fit_scorer logistic (C by CV)", lambda X=X, y=y: fit_scorer(X, y)),
                ("Scorer(C=1.0) logistic", lambda X=X, y=y: Scorer(C=1.0).fit(X, y)),
                ("fit_scorer gbm", lambda X=X, y=y: fit_scorer(X, y, model="gbm"))]
        for label, run in runs:
            t_core, scorer = best_of(run, args.repeat)
            encode = scorer.pipeline_.named_steps["encode"]
            E = encode.transform(scorer._clean(X))
            E_new = encode.transform(scorer._clean(X_new))
            plain = clone(scorer.pipeline_.named_steps["model"])
            auc_core = roc_auc(y_new, scorer.predict_proba(X_new))
            refs = [("plain fit on pre-encoded matrix", plain)]
            if "CV" in label:
                refs.append(("same C search by hand on pre-encoded matrix", None))
            for ref_label, est in refs:
                def fit_ref(est=est, E=E, y=y, seed=scorer.random_state):
                    with threadpool_limits(limits=1):
                        if est is not None:
                            return clone(est).fit(E, y)
                        cv = StratifiedKFold(5, shuffle=True, random_state=seed)
                        best = max(C_GRID, key=lambda c: cross_val_score(
                            LogisticRegression(C=c, max_iter=5000), E, y, cv=cv,
                            scoring="neg_log_loss").mean())
                        return LogisticRegression(C=best, max_iter=5000).fit(E, y)

                t_ref, ref = best_of(fit_ref, args.repeat)
                auc_ref = roc_auc(y_new, ref.predict_proba(E_new)[:, 1])
                print(f"| {n:,} | {label} | {t_core:.2f} | {ref_label} | {t_ref:.2f} | "
                      f"{t_core / t_ref:.2f}x | {auc_core:.3f} | {auc_ref:.3f} |")


if __name__ == "__main__":
    main()
