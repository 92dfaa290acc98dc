"""Benchmark: customer k-means (core.clustering) vs scikit-learn's MiniBatchKMeans.

    .venv/bin/python benchmarks/bench_clustering.py --sizes 1e5 1e6

N synthetic customers x 6 features (recency, frequency, log-normal revenue and margin,
families, tenure; 5 planted groups). In the same run, on the same standardised matrix:

- ``KMeans`` (Lloyd, ``n_init=4``) with one native thread (core's default, see
  ``core.clustering.N_THREADS``) and with all cores;
- the reference ``MiniBatchKMeans`` (batch 1024, 3 inits, same seed);
- ``core.clustering.fit_clusters`` end to end: sort by id, log scale, standardise,
  k-means, canonical numbering, profiles, names, silhouette on 5 000 customers, PCA.

"inertia vs KMeans" compares the clusters' quality (sum of squared distances, lower is
better). Data is generated in memory (seeded). Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from benchmarks._timing import best_of  # noqa: E402
from core.clustering import DEFAULT_FEATURES, fit_clusters, signed_log1p  # noqa: E402


def make_customers(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    group = rng.integers(0, 5, n)
    rec_mu = np.array([20, 60, 200, 400, 700])[group]
    freq_mu = np.array([25, 8, 4, 2, 1])[group]
    rev_mu = np.array([10.5, 9.0, 8.0, 7.0, 6.5])[group]
    monetary = np.exp(rng.normal(rev_mu, 0.6))
    return pd.DataFrame({
        "customer_id": pd.Series(np.char.add("C", np.arange(n).astype(str)), dtype="str"),
        "recency_days": rng.gamma(2.0, rec_mu / 2.0),
        "frequency": 1 + rng.poisson(freq_mu),
        "monetary": monetary,
        "margin": monetary * rng.uniform(0.2, 0.45, n),
        "n_families": 1 + rng.binomial(7, np.array([0.7, 0.5, 0.3, 0.2, 0.1])[group]),
        "tenure_days": rng.uniform(30, 3000, n),
    }).sample(frac=1.0, random_state=seed).reset_index(drop=True)


LOGGED = ["frequency", "monetary", "margin"]  # the same log scale for every method


def standardised(frame: pd.DataFrame) -> np.ndarray:
    x = frame[list(DEFAULT_FEATURES)].to_numpy(dtype="float64")
    x[:, [1, 2, 3]] = signed_log1p(x[:, [1, 2, 3]])
    return StandardScaler().fit_transform(x)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6])
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    k = args.k
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python "
          f"{platform.python_version()}, scikit-learn {sklearn.__version__}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print(f"k = {k}, 6 features, n_init = 4 (KMeans), 3 (MiniBatchKMeans)\n")
    print("| customers | method | time (s) | time vs KMeans 1 thread | "
          "inertia vs KMeans |")
    print("|---:|---|---:|---:|---:|")
    for n in (int(x) for x in args.sizes):
        frame = make_customers(n)
        z = standardised(frame)

        def km(threads, z=z):
            with threadpool_limits(limits=threads):
                return KMeans(k, n_init=4, random_state=0).fit(z)

        def mbk(threads, z=z):
            with threadpool_limits(limits=threads):
                return MiniBatchKMeans(k, n_init=3, batch_size=1024, random_state=0).fit(z)

        t_km1, m_km1 = best_of(lambda: km(1), args.repeat)
        t_kma, m_kma = best_of(lambda: km(None), args.repeat)
        t_mb1, m_mb1 = best_of(lambda: mbk(1), args.repeat)
        t_mba, m_mba = best_of(lambda: mbk(None), args.repeat)
        t_core, model = best_of(
            lambda f=frame: fit_clusters(f, DEFAULT_FEATURES, k=k, log=LOGGED), args.repeat)
        ref = m_km1.inertia_
        rows = [("KMeans, 1 thread (core default)", t_km1, m_km1.inertia_),
                ("KMeans, all cores", t_kma, m_kma.inertia_),
                ("MiniBatchKMeans, 1 thread (reference)", t_mb1, m_mb1.inertia_),
                ("MiniBatchKMeans, all cores (reference)", t_mba, m_mba.inertia_),
                ("core fit_clusters end to end", t_core, model.inertia_)]
        for name, t, inertia in rows:
            print(f"| {n:,} | {name} | {t:.2f} | {t / t_km1:.2f}x | {inertia / ref:.4f} |")


if __name__ == "__main__":
    main()
