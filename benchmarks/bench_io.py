"""Benchmark of the file importer (core.io.read_table) on French ERP-style CSV files.

The file: ';' separator, cp1252, decimal comma with no-break-space thousands
("1 234,56"), dd/mm/yyyy dates, 8 columns (invoice, customer, date, product, family,
quantity, amount, margin), ~0.1 % credit notes, ~0.01 % impossible dates and text in an
amount (so the rejection path runs), a few exact duplicate lines.

References timed in the same run, on the same file:
- ``pandas.read_csv(dtype=str)``: reading only, every cell as text (no parsing, no
  validation) - the floor a plain pandas import would pay;
- ``pandas.read_csv`` typed: decimal=",", thousands="\\xa0", dates with a fixed format -
  parsing close to ours but without validation, rejection reasons or duplicates.

Usage::

    .venv/bin/python benchmarks/bench_io.py --sizes 1e5 1e6 [--repeat 3]

Generated files go to benchmarks/data/ (git-ignored) and are reused between runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.io import read_raw, read_table  # noqa: E402

DATA = ROOT / "benchmarks" / "data"

PRODUCTS = np.array(["Café moulu 1 kg", "Thé vert bio", "Sucre de canne", "Crème fraîche",
                     "Gâteau basque", "Bière blonde", "Pâtes complètes", "Huile d'olive"])
FAMILIES = np.array(["Épicerie", "Boissons", "Frais", "Épicerie fine"])


def _french_money(x: np.ndarray) -> np.ndarray:
    """1234.5 -> '1 234,50' (no-break space), vectorised enough for 10^6 values."""
    cents = np.round(np.abs(x) * 100).astype(np.int64)
    units, frac = cents // 100, cents % 100
    thousands, rest = units // 1000, units % 1000
    head = np.where(thousands > 0, thousands.astype(str), "")
    body = np.where(thousands > 0, np.char.zfill(rest.astype(str), 3), rest.astype(str))
    sep = np.where(thousands > 0, "\u00a0", "")
    sign = np.where(x < 0, "-", "")
    out = np.char.add(np.char.add(np.char.add(sign, head), sep), body)
    return np.char.add(np.char.add(out, ","), np.char.zfill(frac.astype(str), 2))


def make_csv(n: int, seed: int = 0) -> Path:
    """Write (or reuse) the n-line benchmark CSV and return its path."""
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"ventes_fr_{n}.csv"
    if path.exists() and path.stat().st_size > 0:
        return path
    rng = np.random.default_rng(seed)
    days = rng.integers(0, 3 * 365, n)
    dates = pd.to_datetime("2022-01-01") + pd.to_timedelta(days, unit="D")
    date_txt = dates.strftime("%d/%m/%Y").to_numpy().astype(str)
    amount = np.round(rng.gamma(2.0, 400.0, n), 2)
    amount[rng.random(n) < 0.001] *= -1  # credit notes
    margin = np.round(amount * rng.uniform(0.1, 0.4, n), 2)
    frame = pd.DataFrame({
        "N° facture": np.char.add("FA", np.char.zfill((np.arange(n) // 3).astype(str), 8)),
        "Code client": np.char.add("C", np.char.zfill(rng.integers(1, 20_000, n).astype(str),
                                                      6)),
        "Date facture": date_txt,
        "Désignation": PRODUCTS[rng.integers(0, len(PRODUCTS), n)],
        "Famille": FAMILIES[rng.integers(0, len(FAMILIES), n)],
        "Quantité": rng.integers(1, 20, n).astype(str),
        "Montant HT": _french_money(amount),
        "Marge": _french_money(margin),
    })
    bad = rng.choice(n, size=max(1, n // 10_000), replace=False)
    frame.loc[bad[: len(bad) // 2], "Date facture"] = "31/02/2024"
    frame.loc[bad[len(bad) // 2:], "Montant HT"] = "abc"
    dup = rng.choice(n - 1, size=max(1, n // 20_000), replace=False)
    frame.iloc[dup + 1] = frame.iloc[dup].to_numpy()
    frame.to_csv(path, sep=";", index=False, encoding="cp1252", lineterminator="\r\n")
    return path


def _best(fn, repeat: int) -> tuple[float, object, float]:
    """Best wall time over ``repeat`` runs, the last result, and the best CPU time.

    CPU time (this process, all threads) is reported too because the machine is shared:
    wall time grows with the other jobs' load, CPU time much less.
    """
    best, out, cpu = float("inf"), None, float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return best, out, cpu


def run(sizes, repeat: int) -> str:
    rows = []
    for n in sizes:
        path = make_csv(n)
        mb = path.stat().st_size / 1024**2
        t_ours, res, c_ours = _best(lambda p=path: read_table(p, "transactions"), repeat)
        t_raw, _, _ = _best(lambda p=path: read_raw(p), repeat)
        t_str, _, c_str = _best(
            lambda p=path: pd.read_csv(p, sep=";", dtype=str, encoding="cp1252"), repeat)
        t_typed, _, _ = _best(lambda p=path: pd.read_csv(
            p, sep=";", encoding="cp1252", decimal=",", thousands="\u00a0",
            dtype={"N° facture": str, "Code client": str, "Désignation": str,
                   "Famille": str},
            converters=None,
        ).assign(**{"Date facture": lambda f: pd.to_datetime(
            f["Date facture"], format="%d/%m/%Y", errors="coerce")}), repeat)
        assert res.n_imported + res.n_rejected == res.n_read == n
        rows.append((n, mb, t_ours, c_ours, t_raw, t_str, c_str, t_typed, res))
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python "
        f"{platform.python_version()}, pandas {pd.__version__}, pyarrow {pa.__version__}; "
        f"best of {repeat}.",
        "",
        "| lines | file MB | read_table s (CPU s) | of which read_raw s "
        "| pandas dtype=str s (CPU s) | pandas typed s | ratio vs dtype=str "
        "| ratio vs typed | rejected | duplicates |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, mb, t_ours, c_ours, t_raw, t_str, c_str, t_typed, res in rows:
        lines.append(
            f"| {n:,} | {mb:.1f} | {t_ours:.2f} ({c_ours:.2f}) | {t_raw:.2f} "
            f"| {t_str:.2f} ({c_str:.2f}) | {t_typed:.2f} | {t_ours / t_str:.2f}x "
            f"| {t_ours / t_typed:.2f}x | {res.n_rejected:,} | {res.n_duplicates:,} |"
        )
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1e5, 1e6],
                        help="numbers of lines, e.g. 1e5 1e6")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measure")
    args = parser.parse_args(argv)
    print(run([int(s) for s in args.sizes], args.repeat))


if __name__ == "__main__":
    main()
