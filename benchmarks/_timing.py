"""Timing helper shared by the benchmark scripts (not a benchmark itself)."""

from __future__ import annotations

import time


def best_of(fn, repeat: int):
    """Run ``fn()`` ``repeat`` times; return (best wall time in s, last result)."""
    best, out = float("inf"), None
    for _ in range(max(int(repeat), 1)):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out
