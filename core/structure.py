"""Portfolio structure: sales statistics, ABC / 20-80, concentration, interquartiles,
product holding and cross-sell gaps (DOMAIN.md section 2).

Conventions shared by every function here
-----------------------------------------
- *values* (one number per customer) may be a ``pandas.Series`` indexed by
  ``customer_id`` or any 1-D array-like; results keep that index.
- Missing values count as 0 (a customer with nothing recorded). Text that is not a
  number, and infinite values, raise ``ValueError``.
- Zero and negative values (customers whose credit notes exceed their invoices) are
  always put in the last class of an ABC split: they bring nothing to the portfolio.
- ABC shares are shares of the **net** total (invoices minus credit notes), the revenue
  a manager knows. Concentration measures (Lorenz, Gini, Herfindahl, top-k shares) are
  defined for non-negative quantities, so there negative values count as 0.
- Aggregations over transactions run in DuckDB; per-customer arithmetic in numpy.
- The reference date ``as_of`` is an argument; a window of ``months`` months ending
  on ``as_of`` means the days ``as_of - months + 1 day`` to ``as_of`` included.

Example
-------
>>> import pandas as pd
>>> revenue = pd.Series([500, 200, 100, 100, 50, 30, 10, 10, 0, 0],
...                     index=[f"C{i}" for i in range(10)])
>>> abc_classes(revenue).tolist()
['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C', 'C']
>>> abc_classes(revenue, cuts=(0.1, 0.5), basis="count").tolist()
['A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']
>>> round(gini(revenue), 3)
0.664
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

# --------------------------------------------------------------------------- rules
#: ABC presets a manager can pick from; the UI may offer others (rules are data).
#: ``basis="value"`` cuts on the cumulative share of the criterion, ``basis="count"``
#: on the share of customers (textbook 10 / 40 / 50 %).
ABC_PRESETS: dict[str, dict] = {
    "abc_value_80_95": {"cuts": (0.8, 0.95), "basis": "value"},
    "abc_count_10_40_50": {"cuts": (0.1, 0.5), "basis": "count"},
    "pareto_20_80": {"cuts": (0.2,), "basis": "count"},
}
#: Default ABC cuts (cumulative share of the criterion).
ABC_CUTS = (0.8, 0.95)
#: Class labels, best first; an ABC split with k cuts uses the first k + 1.
CLASS_LABELS = ("A", "B", "C", "D", "E")
#: Top-k customers whose share of the total the concentration table shows.
TOP_K = (1, 5, 10, 20)
#: Periods understood by :func:`sales_statistics`.
PERIODS = ("month", "quarter", "year")
#: Observation units understood by :func:`sales_statistics`.
UNITS = ("row", "invoice", "customer")

_REL_TOL = 1e-9


# --------------------------------------------------------------------------- helpers
def _as_values(values, name: str = "values") -> pd.Series:
    """Validate one-number-per-customer input; return float64 Series, NaN -> 0."""
    if isinstance(values, pd.DataFrame):
        raise ValueError(
            f"{name} must be one column of numbers (one per customer), not a table; "
            "pick the column to use, e.g. features['monetary']"
        )
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if s.ndim != 1:
        raise ValueError(f"{name} must be a single column of numbers")
    if not (pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)):
        num = pd.to_numeric(s, errors="coerce")
        bad = num.isna() & s.notna()
        if bad.any():
            first = s.index[bad.to_numpy()][0]
            raise ValueError(
                f"{name} has {int(bad.sum())} entries that are not numbers, "
                f"e.g. {s[first]!r} for {first!r}; fix or remove them in the source file"
            )
        s = num
    arr = s.to_numpy(dtype="float64", na_value=np.nan)
    if np.isinf(arr).any():
        raise ValueError(f"{name} holds infinite values; check the source file")
    return pd.Series(np.nan_to_num(arr, nan=0.0), index=s.index, name=s.name)


def _check_cuts(cuts) -> np.ndarray:
    try:
        c = np.asarray(tuple(cuts), dtype="float64")
    except (TypeError, ValueError):
        raise ValueError("cuts must be a list of shares, e.g. (0.8, 0.95)") from None
    if c.ndim != 1 or len(c) == 0 or len(c) > len(CLASS_LABELS) - 1:
        raise ValueError(
            f"give between 1 and {len(CLASS_LABELS) - 1} cuts, e.g. (0.8, 0.95) for A/B/C "
            "or (0.8,) for the two-class 20/80 split"
        )
    if np.any(c > 1) and np.all(c <= 100):
        raise ValueError(
            "cuts are shares between 0 and 1: write (0.8, 0.95) for 80 % and 95 %"
        )
    if np.any(c <= 0) or np.any(c >= 1) or np.any(np.diff(c) <= 0):
        raise ValueError(
            "cuts must be increasing shares strictly between 0 and 1, e.g. (0.8, 0.95)"
        )
    return c


def _check_basis(basis: str) -> None:
    if basis not in ("value", "count"):
        raise ValueError(
            "basis must be 'value' (cuts on the cumulative share of the criterion) "
            "or 'count' (cuts on the share of customers)"
        )


def _labels(n_classes: int, labels) -> tuple[str, ...]:
    if labels is None:
        return CLASS_LABELS[:n_classes]
    labels = tuple(str(x) for x in labels)
    if len(labels) != n_classes or len(set(labels)) != n_classes:
        raise ValueError(f"give {n_classes} distinct class labels for {n_classes - 1} cuts")
    return labels


def _tie_starts(xs: np.ndarray) -> np.ndarray:
    """For sorted ``xs``, the position of the first element of each element's tie group."""
    n = len(xs)
    is_start = np.empty(n, dtype=bool)
    is_start[:1] = True
    np.not_equal(xs[1:], xs[:-1], out=is_start[1:])
    return np.maximum.accumulate(np.where(is_start, np.arange(n), 0))


def _abc_codes_sorted(
    xs: np.ndarray, cuts: np.ndarray, basis: str, rule: str = "reach"
) -> np.ndarray:
    """Class codes (0 = best) for values already sorted in descending order."""
    n = len(xs)
    last = len(cuts)
    if n == 0:
        return np.empty(0, dtype=np.int8)
    starts = _tie_starts(xs)
    if basis == "value":
        total = float(xs.sum())
        if total <= 0:
            return np.full(n, last, dtype=np.int8)
        tol = _REL_TOL * abs(total)
        if rule == "within":
            # cumulative share including the first customer of the tie group
            position = np.cumsum(xs)[starts]
            codes = np.searchsorted(cuts * total + tol, position, side="left")
        else:
            cum_before = np.empty(n, dtype="float64")
            cum_before[0] = 0.0
            np.cumsum(xs[:-1], out=cum_before[1:])
            codes = np.searchsorted(cuts * total - tol, cum_before[starts], side="right")
    elif rule == "within":
        codes = np.searchsorted(cuts * n + _REL_TOL * n, starts + 1, side="left")
    else:
        codes = np.searchsorted(cuts * n - _REL_TOL * n, starts, side="right")
    codes = codes.astype(np.int8)
    codes[xs <= 0] = last
    return codes


def _check_rule(rule: str) -> None:
    if rule not in ("reach", "within"):
        raise ValueError(
            "rule must be 'reach' (class A = the fewest customers reaching the cut) or "
            "'within' (class A = customers whose cumulative share stays within the cut)"
        )


def _desc_order(x: np.ndarray) -> np.ndarray:
    # introsort: 4-5x faster than a stable sort at 10^6; the order among tied values
    # is arbitrary (but repeatable), which never changes a class.
    return np.argsort(-x)


def _query(sql: str, params: list | None = None, **frames: pd.DataFrame) -> pd.DataFrame:
    con = duckdb.connect()
    try:
        for name, frame in frames.items():
            con.register(name, frame)
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def _q(col: str) -> str:
    """Quote an SQL identifier."""
    return '"' + str(col).replace('"', '""') + '"'


def _require(frame: pd.DataFrame, columns, table: str = "transactions") -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{table} must be a table (DataFrame)")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"the {table} table has no column {', '.join(repr(m) for m in missing)}; "
            f"map it on import (available: {', '.join(map(str, frame.columns))})"
        )


def period_bounds(as_of, months: int | None, offset: int = 0):
    """First and last day of the window of ``months`` months ending ``offset`` windows
    before ``as_of``.

    ``offset=0`` is the current window ``(as_of - months, as_of]``, ``offset=1`` the one
    before it. ``months=None`` means all history up to ``as_of`` (start is ``None``).

    Examples
    --------
    >>> period_bounds("2024-12-31", 12)
    (Timestamp('2024-01-01 00:00:00'), Timestamp('2024-12-31 00:00:00'))
    >>> period_bounds("2024-12-31", 12, offset=1)
    (Timestamp('2023-01-01 00:00:00'), Timestamp('2023-12-31 00:00:00'))
    """
    try:
        end = pd.Timestamp(as_of).normalize()
    except (TypeError, ValueError):
        raise ValueError(f"the reference date {as_of!r} is not a date") from None
    if pd.isna(end):
        raise ValueError("a reference date (as_of) is needed")
    if months is None:
        return None, end
    if int(months) < 1:
        raise ValueError("a period must last at least one month")
    if offset:
        end = end - pd.DateOffset(months=int(months) * offset)
    start = end - pd.DateOffset(months=int(months)) + pd.Timedelta(days=1)
    return start, end


def _window_clause(as_of, months, date_col: str = "date", offset: int = 0):
    start, end = period_bounds(as_of, months, offset)
    end_excl = (end + pd.Timedelta(days=1)).to_pydatetime()
    if start is None:
        return f"{_q(date_col)} < ?", [end_excl]
    return f"{_q(date_col)} >= ? AND {_q(date_col)} < ?", [start.to_pydatetime(), end_excl]


# --------------------------------------------------------------------------- ABC
def abc_classes(
    values, cuts=ABC_CUTS, basis: str = "value", labels=None, rule: str = "reach"
) -> pd.Series:
    """Split customers into ABC classes (méthode ABC, loi des 20/80).

    Customers are sorted by decreasing value and the cumulative share is cut at
    ``cuts``. With ``basis="value"`` the share is the cumulative value over the net
    total; with ``basis="count"`` it is the share of customers (textbook split
    ``cuts=(0.1, 0.5)``: 10 / 40 / 50 % of customers). One cut gives the two-class
    20/80 split (``cuts=(0.2,), basis="count"`` or ``cuts=(0.8,)``).

    Where the customer that crosses a cut goes depends on ``rule``:

    - ``"reach"`` (default): class A is the *fewest* top customers whose cumulative
      share reaches ``cuts[0]`` (the crossing customer is in A), and so on. The
      largest customer is always in A. In formulas, with
      :math:`x_{(1)} \\ge x_{(2)} \\ge \\dots` and :math:`S_k = \\sum_{j<k} x_{(j)}`,
      customer *k* gets class number :math:`\\#\\{c : S_k \\ge c \\cdot \\sum x\\}`
      (basis ``value``) or :math:`\\#\\{c : k - 1 \\ge c \\cdot n\\}` (basis ``count``),
      A = 0. With ``basis="count"`` A is the first ``ceil(cuts[0] * n)`` customers.
    - ``"within"``: the spreadsheet convention, class A = customers whose cumulative
      share *including themselves* is <= ``cuts[0]`` (the crossing customer is in B).
      A may then be empty when the largest customer alone exceeds the cut.

    Rules common to both: ties are never split (equal values all take the class of
    the first of them, i.e. the best class any of them would get); zero and negative
    values go to the last class; if the net total is not positive every customer is
    in the last class (``basis="value"``); missing values count as 0.

    Parameters
    ----------
    values : Series or array-like
        One number per customer (revenue, margin, potential...), indexed by customer.
    cuts : sequence of float
        Increasing shares in (0, 1); k cuts give k + 1 classes.
    basis : {"value", "count"}
        Cut on the cumulative share of the value or on the share of customers.
    labels : sequence of str, optional
        Class names, best first (default "A", "B", "C"...).
    rule : {"reach", "within"}
        Which class the customer crossing a cut belongs to (see above).

    Returns
    -------
    Series
        Ordered categorical of class labels on ``values``' index, named ``abc_class``.

    Raises
    ------
    ValueError
        On non-numeric values or invalid cuts.

    Examples
    --------
    >>> abc_classes([70, 20, 6, 4]).tolist()
    ['A', 'A', 'B', 'C']
    >>> abc_classes([70, 20, 6, 4], rule="within").tolist()
    ['A', 'B', 'C', 'C']
    >>> abc_classes([70, 20, 6, 4], cuts=(0.25, 0.5), basis="count").tolist()
    ['A', 'B', 'C', 'C']
    >>> abc_classes([50, 30, 30, -5], cuts=(0.8,)).tolist()
    ['A', 'A', 'A', 'B']
    """
    s = _as_values(values)
    c = _check_cuts(cuts)
    _check_basis(basis)
    _check_rule(rule)
    labs = _labels(len(c) + 1, labels)
    x = s.to_numpy()
    order = _desc_order(x)
    codes = np.empty(len(x), dtype=np.int8)
    codes[order] = _abc_codes_sorted(x[order], c, basis, rule)
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=list(labs), ordered=True),
        index=s.index,
        name="abc_class",
    )


def _class_table(x: np.ndarray, codes: np.ndarray, labels) -> pd.DataFrame:
    k = len(labels)
    n = len(x)
    total = float(x.sum())
    count = np.bincount(codes, minlength=k)[:k] if n else np.zeros(k, dtype=int)
    value = np.bincount(codes, weights=x, minlength=k)[:k] if n else np.zeros(k)
    vmin = np.full(k, np.nan)
    vmax = np.full(k, np.nan)
    if n:
        np.fmin.at(vmin, codes, x)
        np.fmax.at(vmax, codes, x)
    with np.errstate(invalid="ignore", divide="ignore"):
        share_c = count / n if n else np.full(k, np.nan)
        share_v = value / total if total > 0 else np.full(k, np.nan)
        mean = np.where(count > 0, value / np.maximum(count, 1), np.nan)
    table = pd.DataFrame(
        {
            "n_customers": count.astype("int64"),
            "share_customers": share_c,
            "value": value,
            "share_value": share_v,
            "mean_value": mean,
            "min_value": vmin,
            "max_value": vmax,
            "cum_share_customers": np.cumsum(share_c),
            "cum_share_value": np.cumsum(share_v),
        },
        index=pd.Index(list(labels), name="class"),
    )
    return table


def abc_table(values, classes) -> pd.DataFrame:
    """Table of classes: head-count, share of customers, value, share of value, mean.

    ``share_value = class value / net total`` (NaN when the net total is not positive),
    ``mean_value = class value / class head-count``. Every class appears, empty ones
    with a count of 0. Shares of customers sum to 1; shares of value sum to 1 when
    the net total is positive.

    Parameters
    ----------
    values : Series or array-like
        The criterion, one number per customer.
    classes : Series or array-like
        The class of each customer, aligned with ``values`` (e.g. from
        :func:`abc_classes`). A categorical keeps its category order.

    Returns
    -------
    DataFrame
        Indexed by class: n_customers, share_customers, value, share_value,
        mean_value, min_value, max_value, cum_share_customers, cum_share_value.

    Examples
    --------
    >>> v = pd.Series([70.0, 20.0, 6.0, 4.0])
    >>> t = abc_table(v, abc_classes(v))
    >>> t[["n_customers", "value", "share_value"]]  # doctest: +NORMALIZE_WHITESPACE
           n_customers  value  share_value
    class
    A                2   90.0         0.90
    B                1    6.0         0.06
    C                1    4.0         0.04
    """
    s = _as_values(values)
    if len(classes) != len(s):
        raise ValueError("values and classes must have one entry per customer each")
    cl = classes if isinstance(classes, pd.Series) else pd.Series(classes, index=s.index)
    if isinstance(cl.index, pd.Index) and not cl.index.equals(s.index):
        if cl.index.sort_values().equals(s.index.sort_values()):
            cl = cl.reindex(s.index)
        else:
            cl = pd.Series(cl.to_numpy(), index=s.index)
    cat = cl.astype("category") if not isinstance(cl.dtype, pd.CategoricalDtype) else cl
    if cat.isna().any():
        raise ValueError("every customer needs a class; some have none")
    labels = list(cat.cat.categories)
    codes = cat.cat.codes.to_numpy().astype(np.int64)
    return _class_table(s.to_numpy(), codes, labels)


def abc_reading(table: pd.DataFrame, label: str | None = None) -> dict:
    """Numbers for the sentence that reads an ABC table.

    "<share_customers> of your customers (class <label>) make <share_value> of the
    total" for the first class (or ``label``), plus the figures of every class.

    Examples
    --------
    >>> v = pd.Series([70.0, 20.0, 6.0, 4.0])
    >>> r = abc_reading(abc_table(v, abc_classes(v)))
    >>> r["label"], r["n_customers"], r["share_customers"], r["share_value"]
    ('A', 2, 0.5, 0.9)
    """
    if table.empty:
        raise ValueError("the class table is empty")
    lab = table.index[0] if label is None else label
    if lab not in table.index:
        raise ValueError(f"no class {lab!r} in the table")
    row = table.loc[lab]
    return {
        "label": lab,
        "n_customers": int(row["n_customers"]),
        "share_customers": float(row["share_customers"]),
        "share_value": float(row["share_value"]),
        "value": float(row["value"]),
        "n_total": int(table["n_customers"].sum()),
        "total": float(table["value"].sum()),
        "classes": table[["n_customers", "share_customers", "share_value"]].to_dict("index"),
    }


def _downsample_index(n_points: int, max_points: int | None, keep=()) -> np.ndarray:
    """Indices 0..n_points-1, thinned to about ``max_points`` (ends and ``keep`` kept)."""
    if max_points is None or n_points <= max_points:
        return np.arange(n_points)
    if max_points < 2:
        raise ValueError("max_points must be at least 2")
    idx = np.unique(np.linspace(0, n_points - 1, max_points).round().astype(np.int64))
    if len(keep):
        idx = np.union1d(idx, np.asarray(keep, dtype=np.int64))
    return idx


def pareto_curve(
    values,
    cuts=ABC_CUTS,
    basis: str = "value",
    max_points: int | None = None,
    rule: str = "reach",
) -> pd.DataFrame:
    """Pareto (ABC) curve: cumulative share of value against cumulative share of
    customers, customers sorted by decreasing value.

    Row *k* (rank ``k = 1..n``): ``share_customers = k / n`` and
    ``share_value = sum of the k largest values / net total`` (NaN when the net total
    is not positive). The diagonal ``share_value = share_customers`` is the perfectly
    even portfolio; the curve starts at (0, 0), which is not a row.

    Parameters
    ----------
    values : Series or array-like
        The criterion, one number per customer.
    cuts, basis, rule
        As in :func:`abc_classes`; the ``abc_class`` column uses them (``cuts=None``
        leaves it out).
    max_points : int, optional
        Thin the curve to about this many rows for a chart (the last row of each
        class is kept). The full curve has one row per customer.

    Returns
    -------
    DataFrame
        Columns customer_id (the index of ``values``), rank, value, share_customers,
        share_value and abc_class.

    Examples
    --------
    >>> pareto_curve(pd.Series([10.0, 60.0, 30.0], index=["x", "y", "z"]))
      customer_id  rank  value  share_customers  share_value abc_class
    0           y     1   60.0         0.333333          0.6         A
    1           z     2   30.0         0.666667          0.9         A
    2           x     3   10.0         1.000000          1.0         B
    """
    s = _as_values(values)
    x = s.to_numpy()
    order = _desc_order(x)
    xs = x[order]
    return _pareto_from_sorted(s.index, order, xs, cuts, basis, max_points, rule=rule)


def _pareto_from_sorted(index, order, xs, cuts, basis, max_points, codes=None, rule="reach"):
    n = len(xs)
    total = float(xs.sum()) if n else 0.0
    cum = np.cumsum(xs)
    with np.errstate(invalid="ignore", divide="ignore"):
        share_v = cum / total if total > 0 else np.full(n, np.nan)
    keep = ()
    labs = None
    if cuts is not None:
        c = _check_cuts(cuts)
        _check_basis(basis)
        _check_rule(rule)
        labs = CLASS_LABELS[: len(c) + 1]
        if codes is None:
            codes = _abc_codes_sorted(xs, c, basis, rule)
        if n:
            keep = np.flatnonzero(np.r_[codes[1:] != codes[:-1], True])
    idx = _downsample_index(n, max_points, keep)
    out = pd.DataFrame(
        {
            "customer_id": pd.Series(index.array.take(order[idx]), dtype=index.dtype)
            if n else pd.Series([], dtype="object"),
            "rank": idx + 1,
            "value": xs[idx],
            "share_customers": (idx + 1) / n if n else np.empty(0),
            "share_value": share_v[idx],
        }
    )
    if labs is not None:
        out["abc_class"] = pd.Categorical.from_codes(
            codes[idx], categories=list(labs), ordered=True
        )
    return out


# --------------------------------------------------------------------------- concentration
def _nonneg_sorted(values) -> np.ndarray:
    x = _as_values(values).to_numpy()
    return np.sort(np.clip(x, 0.0, None), kind="stable")


def _gini_sorted(xa: np.ndarray) -> float:
    n = len(xa)
    if n == 0:
        return float("nan")
    total = float(xa.sum())
    if total <= 0:
        return 0.0
    lorenz = np.cumsum(xa) / total
    g = 1.0 - (1.0 + 2.0 * float(lorenz[:-1].sum())) / n
    return float(min(max(g, 0.0), 1.0 - 1.0 / n))


def gini(values) -> float:
    """Gini concentration index (indice de concentration de Gini).

    Twice the area between the diagonal and the Lorenz curve, the area under the
    curve measured with the trapezoid formula on its n + 1 points:

    .. math:: G = 1 - \\sum_{k=1}^{n} (X_k - X_{k-1})(Y_k + Y_{k-1})
              = 1 - \\frac{1}{n}\\Big(1 + 2\\sum_{k=1}^{n-1} Y_k\\Big)

    with customers sorted by increasing value, :math:`X_k = k/n` and :math:`Y_k` the
    cumulative share of value. This equals the mean-difference formula
    :math:`\\sum_i\\sum_j |x_i - x_j| / (2 n^2 \\bar x)`. 0 means every customer weighs
    the same; the maximum, reached when one customer holds everything, is
    :math:`1 - 1/n` (so G < 1).

    Rules: negative values count as 0; all values 0 (or all equal) gives 0.0; no
    customer gives NaN; missing values count as 0.

    Parameters
    ----------
    values : Series or array-like
        One number per customer.

    Returns
    -------
    float

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 10])
    0.75
    >>> round(gini([1, 2, 3, 4]), 4)
    0.25
    """
    return _gini_sorted(_nonneg_sorted(values))


def lorenz_curve(values, max_points: int | None = None) -> pd.DataFrame:
    """Lorenz curve: cumulative share of value held by the poorest share of customers.

    Customers sorted by increasing value; point *k* (``k = 0..n``) is
    ``share_customers = k / n``, ``share_value = sum of the k smallest / total``. The
    first row is (0, 0), the last (1, 1). Negative values count as 0; if the total is 0
    the curve is the diagonal; no customer gives the single row (0, 0).

    Parameters
    ----------
    values : Series or array-like
        One number per customer.
    max_points : int, optional
        Thin the curve to about this many points for a chart (ends kept).

    Returns
    -------
    DataFrame
        Columns share_customers and share_value.

    Examples
    --------
    >>> lorenz_curve([3, 1])
       share_customers  share_value
    0              0.0         0.00
    1              0.5         0.25
    2              1.0         1.00
    """
    return _lorenz_from_sorted(_nonneg_sorted(values), max_points)


def _lorenz_from_sorted(xa: np.ndarray, max_points: int | None) -> pd.DataFrame:
    n = len(xa)
    total = float(xa.sum())
    idx = _downsample_index(n + 1, max_points)
    if n == 0:
        return pd.DataFrame({"share_customers": [0.0], "share_value": [0.0]})
    if total <= 0:
        y = np.arange(n + 1) / n
    else:
        y = np.empty(n + 1)
        y[0] = 0.0
        np.cumsum(xa, out=y[1:])
        y /= total
        y[-1] = 1.0
    return pd.DataFrame({"share_customers": idx / n, "share_value": y[idx]})


def herfindahl(values) -> float:
    """Herfindahl-Hirschman index :math:`H = \\sum_i s_i^2`, ``s_i`` = customer share.

    From ``1/n`` (even portfolio) to 1 (one customer); ``1/H`` is the "equivalent
    number of equal customers". Negative values count as 0; NaN when the total is 0.

    Examples
    --------
    >>> herfindahl([50, 50])
    0.5
    >>> herfindahl([1, 1, 1, 1])
    0.25
    """
    xa = _nonneg_sorted(values)
    total = float(xa.sum())
    if total <= 0:
        return float("nan")
    return float(np.sum((xa / total) ** 2))


def concentration(values, tops: Sequence[int] = TOP_K) -> pd.Series:
    """Concentration figures of one period: Gini, Herfindahl, top-k shares.

    ``top_k = sum of the k largest values / total`` (all customers when fewer than k);
    ``top_10pct`` is the share of the best 10 % of customers (rounded up).
    Negative values count as 0 (credit notes do not make a customer "less than
    nothing" in a concentration reading).

    Parameters
    ----------
    values : Series or array-like
        One number per customer for the period.
    tops : sequence of int
        The k of the top-k shares.

    Returns
    -------
    Series
        n_customers, total, gini, herfindahl, equivalent_customers, top_<k>...,
        top_10pct. Shares are NaN when the total is 0.

    Examples
    --------
    >>> c = concentration([60, 20, 10, 5, 5], tops=(1, 2))
    >>> c[["gini", "top_1", "top_2"]].round(2).to_dict()
    {'gini': 0.5, 'top_1': 0.6, 'top_2': 0.8}
    """
    xa = _nonneg_sorted(values)
    n = len(xa)
    total = float(xa.sum())
    desc_cum = np.cumsum(xa[::-1])
    out = {
        "n_customers": float(n),
        "total": total,
        "gini": _gini_sorted(xa),
        "herfindahl": float(np.sum((xa / total) ** 2)) if total > 0 else np.nan,
    }
    out["equivalent_customers"] = 1.0 / out["herfindahl"] if total > 0 else np.nan
    for k in tops:
        k = int(k)
        if k < 1:
            raise ValueError("top-k shares need k >= 1")
        out[f"top_{k}"] = float(desc_cum[min(k, n) - 1] / total) if n and total > 0 else np.nan
    k10 = int(np.ceil(0.1 * n - _REL_TOL * n)) if n else 0
    out["top_10pct"] = float(desc_cum[max(k10, 1) - 1] / total) if n and total > 0 else np.nan
    return pd.Series(out, name="value")


def customer_totals(
    transactions: pd.DataFrame,
    as_of,
    months: int | None = None,
    offset: int = 0,
    customer: str = "customer_id",
) -> pd.DataFrame:
    """Per-customer totals of a period, the usual ABC criteria (DuckDB aggregation).

    Window: the ``months`` months ending on ``as_of`` (``offset=1``: the window
    before that), or all history up to ``as_of`` when ``months`` is None.
    ``orders`` counts the invoices whose net amount is positive (credit notes are not
    orders; without ``invoice_id`` one order is one customer on one day), as in
    :mod:`core.features`;
    ``margin`` and ``quantity`` are NaN when the table has no such column.

    Returns
    -------
    DataFrame
        Indexed by customer_id: amount, margin, quantity, orders, lines, n_families,
        first_date, last_date. Customers without a row in the window are absent.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2022-06-01"]),
    ...     "amount": [10.0, 5.0, 7.0]})
    >>> customer_totals(tx, "2024-03-31", months=12)[["amount", "orders"]]  # doctest: +NORMALIZE_WHITESPACE
                 amount  orders
    customer_id
    a              15.0       2
    """
    _require(transactions, (customer, "date", "amount"))
    where, params = _window_clause(as_of, months, "date", offset)
    cols = transactions.columns
    by_day = "strftime(date, '%Y-%m-%d')"
    order_key = (
        f"COALESCE(CAST({_q('invoice_id')} AS VARCHAR), {by_day})"
        if "invoice_id" in cols else by_day
    )
    has_m, has_q = "margin" in cols, "quantity" in cols
    margin_o = f"SUM({_q('margin')})" if has_m else "CAST(NULL AS DOUBLE)"
    qty_o = f"SUM({_q('quantity')})" if has_q else "CAST(NULL AS DOUBLE)"
    margin = "SUM(margin)" if has_m else "CAST(NULL AS DOUBLE)"
    qty = "SUM(quantity)" if has_q else "CAST(NULL AS DOUBLE)"
    # two-level aggregation: orders first (net amount per order), then customers
    fam_cte = (
        f", fam AS (SELECT {_q(customer)} AS customer_id, COUNT(DISTINCT {_q('family')}) AS nf "
        f"FROM t WHERE {where} GROUP BY 1)" if "family" in cols else ""
    )
    fam_col = "COALESCE(fam.nf, 0)" if "family" in cols else "0"
    fam_join = "LEFT JOIN fam USING (customer_id)" if "family" in cols else ""
    sql = f"""
        WITH o AS (
            SELECT {_q(customer)} AS customer_id, {order_key} AS order_key,
                   SUM(amount) AS amount, {margin_o} AS margin, {qty_o} AS quantity,
                   COUNT(*) AS lines, MIN(date) AS first_date, MAX(date) AS last_date
            FROM t
            WHERE {where} AND {_q(customer)} IS NOT NULL
            GROUP BY 1, 2
        ), c AS (
            SELECT customer_id, COALESCE(SUM(amount), 0) AS amount, {margin} AS margin,
                   {qty} AS quantity, COUNT(*) FILTER (WHERE amount > 0) AS orders,
                   SUM(lines) AS lines, MIN(first_date) AS first_date,
                   MAX(last_date) AS last_date
            FROM o GROUP BY 1
        ){fam_cte}
        SELECT c.customer_id, amount, margin, quantity, orders, lines, {fam_col} AS n_families,
               first_date, last_date
        FROM c {fam_join}
        ORDER BY amount DESC, customer_id
    """
    params = params + params if "family" in cols else params
    out = _query(sql, params, t=transactions).set_index("customer_id")
    out[["amount", "margin", "quantity"]] = out[["amount", "margin", "quantity"]].astype(
        "float64"
    )
    return out


def compare_concentration(
    transactions: pd.DataFrame,
    as_of,
    months: int = 12,
    value: str = "amount",
    tops: Sequence[int] = TOP_K,
) -> pd.DataFrame:
    """Concentration of two consecutive periods side by side: is the portfolio
    concentrating?

    ``current`` is the ``months`` months ending on ``as_of``, ``previous`` the
    ``months`` months before; ``change = current - previous``. Each period counts the
    customers who have at least one transaction in it. A period without any
    transaction gives NaN figures (and n_customers 0).

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (customer_id, date, amount...).
    as_of : date-like
        Reference date (end of the current period).
    months : int
        Length of each period.
    value : {"amount", "margin", "quantity", "orders"}
        Criterion summed per customer.

    Returns
    -------
    DataFrame
        Index as :func:`concentration`; columns previous, current, change.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a", "b"],
    ...     "date": pd.to_datetime(["2023-03-01", "2023-04-01", "2024-03-01", "2024-04-01"]),
    ...     "amount": [50.0, 50.0, 90.0, 10.0]})
    >>> compare_concentration(tx, "2024-12-31", tops=(1,)).loc[["gini", "top_1"]]  # doctest: +NORMALIZE_WHITESPACE
            previous  current  change
    metric
    gini         0.0      0.4     0.4
    top_1        0.5      0.9     0.4
    """
    if value not in ("amount", "margin", "quantity", "orders"):
        raise ValueError("value must be one of amount, margin, quantity, orders")
    cols = {}
    for name, off in (("previous", 1), ("current", 0)):
        totals = customer_totals(transactions, as_of, months=months, offset=off)
        cols[name] = concentration(totals[value], tops=tops)
    out = pd.DataFrame(cols)
    out["change"] = out["current"] - out["previous"]
    out.index.name = "metric"
    return out


# --------------------------------------------------------------------------- combined
@dataclass
class ABCResult:
    """Everything the structure page shows for one criterion, from a single sort."""

    classes: pd.Series
    table: pd.DataFrame
    pareto: pd.DataFrame
    lorenz: pd.DataFrame
    gini: float
    reading: dict


def abc_analysis(
    values,
    cuts=ABC_CUTS,
    basis: str = "value",
    labels=None,
    max_points: int | None = 2000,
    rule: str = "reach",
) -> ABCResult:
    """ABC classes, class table, Pareto curve, Lorenz curve and Gini in one pass.

    Same results as calling :func:`abc_classes`, :func:`abc_table`,
    :func:`pareto_curve`, :func:`lorenz_curve` and :func:`gini` separately, but the
    values are sorted once (the costly step at 10^6 customers). The curves are thinned
    to ``max_points`` rows for charts (``None`` keeps every customer).

    Examples
    --------
    >>> r = abc_analysis(pd.Series([70.0, 20.0, 6.0, 4.0]))
    >>> r.classes.tolist(), round(r.gini, 3), r.reading["share_value"]
    (['A', 'A', 'B', 'C'], 0.53, 0.9)
    """
    s = _as_values(values)
    c = _check_cuts(cuts)
    _check_basis(basis)
    _check_rule(rule)
    labs = _labels(len(c) + 1, labels)
    x = s.to_numpy()
    order = _desc_order(x)
    xs = x[order]
    codes_sorted = _abc_codes_sorted(xs, c, basis, rule)
    codes = np.empty(len(x), dtype=np.int8)
    codes[order] = codes_sorted
    classes = pd.Series(
        pd.Categorical.from_codes(codes, categories=list(labs), ordered=True),
        index=s.index,
        name="abc_class",
    )
    table = _class_table(x, codes.astype(np.int64), labs)
    pareto = _pareto_from_sorted(s.index, order, xs, c, basis, max_points, codes_sorted)
    if labels is not None:
        pareto["abc_class"] = pareto["abc_class"].cat.rename_categories(list(labs))
    xa = np.clip(xs[::-1], 0.0, None)  # ascending; clipping keeps the order
    lorenz = _lorenz_from_sorted(xa, max_points)
    g = _gini_sorted(xa)
    reading = abc_reading(table) if len(x) else {}
    return ABCResult(classes, table, pareto, lorenz, g, reading)


# --------------------------------------------------------------------------- interquartiles
QUARTILE_CLASSES = (1, 2, 3, 4)


def interquartile_summary(values, method: str = "linear") -> pd.Series:
    """Q1, median, Q3, interquartile range and relative dispersion (Q3 - Q1) / median.

    ``method`` is passed to ``numpy.quantile``: ``"linear"`` (the spreadsheet and
    pandas default) or ``"inverted_cdf"`` (the French lycée definition: Q1 is the
    smallest value such that at least 25 % of the values are less or equal to it).
    ``iqr_over_median`` is NaN when the median is 0. No customer gives NaN figures.

    Examples
    --------
    >>> interquartile_summary([1, 2, 3, 4, 5, 6, 7, 8]).to_dict()
    {'n_customers': 8.0, 'q1': 2.75, 'median': 4.5, 'q3': 6.25, 'iqr': 3.5, 'iqr_over_median': 0.7777777777777778}
    >>> interquartile_summary([1, 2, 3, 4, 5, 6, 7, 8], method="inverted_cdf")[["q1", "q3"]].tolist()
    [2.0, 6.0]
    """
    x = _as_values(values).to_numpy()
    if len(x) == 0:
        q1 = med = q3 = np.nan
    else:
        try:
            q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75], method=method)
        except ValueError:
            raise ValueError(f"unknown quantile method {method!r}") from None
    iqr = q3 - q1
    rel = iqr / med if med not in (0, 0.0) and not np.isnan(med) else np.nan
    return pd.Series(
        {"n_customers": float(len(x)), "q1": float(q1), "median": float(med),
         "q3": float(q3), "iqr": float(iqr), "iqr_over_median": float(rel)},
        name="value",
    )


def quartile_classes(values, method: str = "linear") -> pd.Series:
    """Interquartile classes 1..4 (4 = the best quarter).

    Class 1: x <= Q1; class 2: Q1 < x <= median; class 3: median < x <= Q3;
    class 4: x > Q3. Each class holds about a quarter of the customers (exactly,
    without ties at a quartile; equal values always share a class).

    Examples
    --------
    >>> quartile_classes([10, 20, 30, 40, 50, 60, 70, 80]).tolist()
    [1, 1, 2, 2, 3, 3, 4, 4]
    """
    s = _as_values(values)
    q = interquartile_summary(s, method)
    if len(s) == 0:
        return pd.Series(pd.Categorical([], categories=list(QUARTILE_CLASSES), ordered=True),
                         index=s.index, name="quartile_class")
    x = s.to_numpy()
    codes = np.searchsorted(np.array([q["q1"], q["median"], q["q3"]]), x, side="left")
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=list(QUARTILE_CLASSES), ordered=True),
        index=s.index,
        name="quartile_class",
    )


def interquartile_table(values, method: str = "linear") -> pd.DataFrame:
    """Four classes of (about) equal head-count and the share of value each holds.

    Returns
    -------
    DataFrame
        Indexed 1..4: lower, upper (the quartile bounds; class 1 starts at the minimum,
        class 4 ends at the maximum), n_customers, share_customers, value, share_value,
        mean_value, min_value, max_value, cum_share_customers, cum_share_value.

    Examples
    --------
    >>> t = interquartile_table([10, 20, 30, 40, 50, 60, 70, 80])
    >>> t[["n_customers", "value", "share_value"]].round(3)  # doctest: +NORMALIZE_WHITESPACE
                    n_customers  value  share_value
    quartile_class
    1                         2   30.0        0.083
    2                         2   70.0        0.194
    3                         2  110.0        0.306
    4                         2  150.0        0.417
    """
    s = _as_values(values)
    q = interquartile_summary(s, method)
    classes = quartile_classes(s, method)
    table = _class_table(
        s.to_numpy(), classes.cat.codes.to_numpy().astype(np.int64), QUARTILE_CLASSES
    )
    table.index.name = "quartile_class"
    x = s.to_numpy()
    lo = float(x.min()) if len(x) else np.nan
    hi = float(x.max()) if len(x) else np.nan
    table.insert(0, "upper", [q["q1"], q["median"], q["q3"], hi])
    table.insert(0, "lower", [lo, q["q1"], q["median"], q["q3"]])
    return table


# --------------------------------------------------------------------------- statistics
_STAT_COLUMNS = ("count", "sum", "mean", "std", "cv", "min", "d1", "q1", "median", "q3", "d9",
                 "max", "iqr")


def add_customer_attributes(
    transactions: pd.DataFrame, customers: pd.DataFrame | None, columns: Sequence[str]
) -> pd.DataFrame:
    """Copy customer attributes (sales_rep, sector, city...) onto transaction rows.

    The pseudo-column ``department`` is the French département taken from the postal
    code (first two digits, three for overseas 97x/98x, 2A/2B for Corsica).
    Columns already on the transactions are kept as they are.

    Raises
    ------
    ValueError
        When a requested column is in neither table.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0]})
    >>> cu = pd.DataFrame({"customer_id": ["a", "b"], "postal_code": ["69003", "97411"]})
    >>> add_customer_attributes(tx, cu, ["department"])["department"].tolist()
    ['69', '974']
    """
    need = [c for c in columns if c not in transactions.columns]
    if not need:
        return transactions
    if customers is None:
        raise ValueError(
            f"{', '.join(need)} come(s) from the customers table: import it to group by them"
        )
    cu = customers
    if "department" in need and "department" not in cu.columns:
        _require(cu, ("customer_id", "postal_code"), "customers")
        cu = cu.assign(department=department_from_postal_code(cu["postal_code"]))
    _require(cu, ("customer_id", *need), "customers")
    attrs = cu[["customer_id", *need]].drop_duplicates("customer_id")
    return transactions.merge(attrs, on="customer_id", how="left")


def department_from_postal_code(postal_codes: pd.Series) -> pd.Series:
    """French département code from a postal code (text); missing when not French-like.

    Examples
    --------
    >>> department_from_postal_code(pd.Series(["75011", "20000", "20200", "97110", "1000", None])).tolist()
    ['75', '2A', '2B', '971', '01', nan]
    """
    s = postal_codes.astype("object").where(postal_codes.notna(), None)
    out = []
    for v in s:
        if v is None:
            out.append(np.nan)
            continue
        digits = "".join(ch for ch in str(v).strip() if ch.isalnum())
        if digits.isdigit() and len(digits) == 4:
            digits = "0" + digits
        if len(digits) != 5 or not digits.isdigit():
            out.append(np.nan)
        elif digits[:2] == "20":
            out.append("2A" if int(digits) < 20200 else "2B")
        elif digits[:2] in ("97", "98"):
            out.append(digits[:3])
        else:
            out.append(digits[:2])
    return pd.Series(out, index=postal_codes.index, dtype="object", name="department")


def _observations_sql(frame, value, keys, period, unit, date, customer, as_of, months):
    """SQL of one row per observation (group keys + ``v``) and its parameters."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    if period is not None and period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    if "period" in keys:
        raise ValueError("'period' is reserved; use the period argument")
    need = [value, *keys]
    if period is not None or as_of is not None:
        need.append(date)
    if unit == "customer":
        need.append(customer)
    if unit == "invoice":
        need.append("invoice_id")
    _require(frame, dict.fromkeys(need), "sales")
    if not pd.api.types.is_numeric_dtype(frame[value].dtype):
        raise ValueError(f"column {value!r} is not numeric; statistics need numbers")
    if as_of is not None:
        where, params = _window_clause(as_of, months, date)
    elif months is not None:
        raise ValueError("a window in months needs the reference date as_of")
    else:
        where, params = "TRUE", []
    group_exprs = [_q(k) for k in keys]
    if period is not None:
        group_exprs.append(f"CAST(date_trunc('{period}', {_q(date)}) AS TIMESTAMP) AS period")
    names = [*keys, *(["period"] if period is not None else [])]
    sel_keys = "".join(e + ", " for e in group_exprs)
    key_names = "".join(_q(k) + ", " for k in names)
    v = f"CAST({_q(value)} AS DOUBLE)"
    if unit == "row":
        sql = f"SELECT {sel_keys}{v} AS v FROM t WHERE {where}"
    else:
        unit_col = _q(customer) if unit == "customer" else _q("invoice_id")
        inner = f"SELECT {sel_keys}{unit_col} AS u, {v} AS v FROM t WHERE {where}"
        sql = (
            f"SELECT {key_names}SUM(v) AS v FROM ({inner}) AS i "
            f"WHERE v IS NOT NULL GROUP BY {key_names}u"
        )
    return sql, params, names


def sales_values(
    frame: pd.DataFrame,
    value: str = "amount",
    unit: str = "row",
    as_of=None,
    months: int | None = None,
    date: str = "date",
    customer: str = "customer_id",
) -> pd.Series:
    """The observations :func:`sales_statistics` describes, for a histogram: one value
    per row, per invoice or per customer (missing values left out).

    Examples
    --------
    >>> tx = pd.DataFrame({"invoice_id": ["F1", "F1", "F2"], "customer_id": ["a", "a", "b"],
    ...                    "amount": [10.0, 20.0, 5.0]})
    >>> sorted(sales_values(tx, unit="invoice").tolist())
    [5.0, 30.0]
    """
    sql, params, _ = _observations_sql(frame, value, [], None, unit, date, customer, as_of,
                                       months)
    out = _query(f"SELECT v FROM ({sql}) AS o WHERE v IS NOT NULL", params, t=frame)
    return out["v"].astype("float64").rename(value)


def sales_statistics(
    frame: pd.DataFrame,
    value: str = "amount",
    by: str | Sequence[str] | None = None,
    period: str | None = None,
    unit: str = "row",
    ddof: int = 1,
    as_of=None,
    months: int | None = None,
    date: str = "date",
    customer: str = "customer_id",
) -> pd.DataFrame:
    """Descriptive statistics of sales by group (DuckDB aggregation).

    Observations are the rows of ``frame`` (``unit="row"``), the invoices
    (``"invoice"``: amounts summed per invoice_id) or the customers (``"customer"``:
    amounts summed per customer within each group and period). Per group:
    count, sum, mean, standard deviation
    :math:`s = \\sqrt{\\sum (x - \\bar x)^2 / (n - ddof)}` (``ddof=0`` for the
    population σ of textbooks), coefficient of variation ``cv = s / mean`` (NaN when
    the mean is not positive), min, first decile D1, Q1, median, Q3, ninth decile D9
    (quantiles by linear interpolation, as pandas), max and the interquartile range
    Q3 - Q1. Missing values are left out of the
    count; a group key that is missing forms its own group.

    Parameters
    ----------
    frame : DataFrame
        Transactions (canonical columns) or any table with the value column.
    value : str
        Numeric column to describe.
    by : str or list of str, optional
        Grouping columns (family, sales_rep, sector...). See
        :func:`add_customer_attributes` for customer columns.
    period : {"month", "quarter", "year"}, optional
        Add a ``period`` group (first day of the period) from the ``date`` column.
    unit : {"row", "invoice", "customer"}
        What one observation is.
    ddof : {0, 1}
        Degrees of freedom of the standard deviation.
    as_of, months : optional
        Keep the rows of the ``months`` months ending on ``as_of`` (all rows up to
        ``as_of`` when ``months`` is None; every row when ``as_of`` is None).

    Returns
    -------
    DataFrame
        One row per group (a single row labelled "all" without groups), columns
        count, sum, mean, std, cv, min, d1, q1, median, q3, d9, max, iqr.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...                    "family": ["x", "y", "x", "x"], "amount": [10.0, 20.0, 30.0, 50.0]})
    >>> sales_statistics(tx, by="family")[["count", "sum", "mean", "median"]]  # doctest: +NORMALIZE_WHITESPACE
            count  sum  mean  median
    family
    x           3 90.0  30.0    30.0
    y           1 20.0  20.0    20.0
    >>> sales_statistics(tx, unit="customer")[["count", "mean", "min", "max"]]
         count       mean   min   max
    all      3  36.666667  30.0  50.0
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    if ddof not in (0, 1):
        raise ValueError("ddof must be 0 (population) or 1 (sample)")
    base, params, names = _observations_sql(frame, value, keys, period, unit, date, customer,
                                            as_of, months)
    key_names = ", ".join(_q(k) for k in names)
    std = "stddev_samp" if ddof == 1 else "stddev_pop"
    sql = f"""
        SELECT {key_names + ', ' if key_names else ''}
               COUNT(v) AS count, SUM(v) AS sum, AVG(v) AS mean, {std}(v) AS std,
               MIN(v) AS min, quantile_cont(v, 0.1) AS d1, quantile_cont(v, 0.25) AS q1,
               quantile_cont(v, 0.5) AS median, quantile_cont(v, 0.75) AS q3,
               quantile_cont(v, 0.9) AS d9, MAX(v) AS max
        FROM ({base}) AS b
        {'GROUP BY ' + key_names if key_names else ''}
        {'ORDER BY ' + key_names if key_names else ''}
    """
    out = _query(sql, params, t=frame)
    num = ["sum", "mean", "std", "min", "d1", "q1", "median", "q3", "d9", "max"]
    out[num] = out[num].astype("float64")
    out["count"] = out["count"].astype("int64")
    mean = out["mean"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        out["cv"] = np.where(mean > 0, out["std"].to_numpy() / np.where(mean > 0, mean, 1), np.nan)
    out["iqr"] = out["q3"] - out["q1"]
    if names:
        out = out.set_index(names if len(names) > 1 else names[0])
    else:
        out.index = pd.Index(["all"])
        if out["count"].iloc[0] == 0:
            out.loc["all", "sum"] = 0.0
    return out[list(_STAT_COLUMNS)]


def histogram(values, bins: int = 20, log: bool = False,
              quantiles: tuple[float, float] = (0.0, 1.0)) -> pd.DataFrame:
    """Histogram counts of a distribution, with linear or logarithmic bins.

    With ``log=True`` the bins are evenly spaced in log10 between the smallest and
    the largest positive value, and values <= 0 are left out. ``quantiles`` narrows
    the binned range to those quantiles of the values (e.g. ``(0.01, 0.99)`` so that a
    few extreme invoices do not squeeze every other bar into one); values outside are
    left out. The number of values left out is in ``frame.attrs["n_excluded"]``.
    Missing values count as 0.

    Returns
    -------
    DataFrame
        bin_start, bin_end, count, share (of the values counted).

    Examples
    --------
    >>> histogram([1, 2, 2, 3, 10], bins=3)[["bin_start", "bin_end", "count"]]
       bin_start  bin_end  count
    0        1.0      4.0      4
    1        4.0      7.0      0
    2        7.0     10.0      1
    """
    if int(bins) < 1:
        raise ValueError("at least one bin is needed")
    x = _as_values(values).to_numpy()
    excluded = 0
    if log:
        pos = x > 0
        excluded = int((~pos).sum())
        x = x[pos]
    lo_q, hi_q = quantiles
    if not 0 <= lo_q < hi_q <= 1:
        raise ValueError("quantiles must be two increasing shares, e.g. (0.01, 0.99)")
    if len(x) and (lo_q > 0 or hi_q < 1):
        lo_v, hi_v = np.quantile(x, [lo_q, hi_q])
        keep = (x >= lo_v) & (x <= hi_v)
        excluded += int((~keep).sum())
        x = x[keep]
    if len(x) == 0:
        out = pd.DataFrame({"bin_start": [], "bin_end": [], "count": [], "share": []})
        out.attrs["n_excluded"] = excluded
        return out
    lo, hi = float(x.min()), float(x.max())
    if log:
        edges = np.logspace(np.log10(lo), np.log10(hi), int(bins) + 1) if hi > lo else None
    else:
        edges = np.linspace(lo, hi, int(bins) + 1) if hi > lo else None
    if edges is None:
        edges = np.array([lo, hi if hi > lo else lo + (abs(lo) or 1.0)])
    counts, edges = np.histogram(x, bins=edges)
    out = pd.DataFrame(
        {"bin_start": edges[:-1], "bin_end": edges[1:], "count": counts.astype("int64"),
         "share": counts / counts.sum()}
    )
    out.attrs["n_excluded"] = excluded
    return out


# --------------------------------------------------------------------------- holding
def holding_matrix(
    transactions: pd.DataFrame,
    as_of=None,
    months: int | None = None,
    value: str = "amount",
    customer: str = "customer_id",
    family: str = "family",
) -> pd.DataFrame:
    """Customers x product families matrix of net value (indicateurs de détention).

    Cell = sum of ``value`` for the customer and family over the window (``months``
    months ending on ``as_of``; all rows when ``as_of`` is None). A customer *holds*
    a family when the cell is > 0 (credit notes alone do not count). Rows with no
    family are left out; customers with no family at all still appear with zeros.

    Returns
    -------
    DataFrame
        Index customer_id, one column per family (sorted), 0.0 where nothing.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "family": ["x", "y", "x"],
    ...                    "amount": [10.0, 5.0, 7.0]})
    >>> holding_matrix(tx)  # doctest: +NORMALIZE_WHITESPACE
    family          x    y
    customer_id
    a            10.0  5.0
    b             7.0  0.0
    """
    _require(transactions, (customer, family, value))
    if as_of is not None:
        where, params = _window_clause(as_of, months, "date")
    else:
        if months is not None:
            raise ValueError("a window in months needs the reference date as_of")
        where, params = "TRUE", []
    sql = f"""
        SELECT {_q(customer)} AS customer_id, {_q(family)} AS family,
               COALESCE(SUM(CAST({_q(value)} AS DOUBLE)), 0) AS v
        FROM t WHERE {where} AND {_q(customer)} IS NOT NULL
        GROUP BY 1, 2
    """
    long = _query(sql, params, t=transactions)
    all_customers = pd.Index(long["customer_id"].unique(), name="customer_id").sort_values()
    long = long[long["family"].notna()]
    if long.empty:
        return pd.DataFrame(index=all_customers, columns=pd.Index([], name="family"),
                            dtype="float64")
    mat = long.pivot(index="customer_id", columns="family", values="v")
    mat = mat.reindex(index=all_customers, columns=sorted(mat.columns)).fillna(0.0)
    mat.columns.name = "family"
    return mat.astype("float64")


def families_per_customer(matrix: pd.DataFrame) -> pd.DataFrame:
    """Distribution of the number of families held per customer.

    Returns
    -------
    DataFrame
        Indexed by n_families = 0..F: n_customers, share_customers,
        cum_share_customers.

    Examples
    --------
    >>> m = pd.DataFrame({"x": [1.0, 1.0, 0.0], "y": [1.0, 0.0, 0.0]}, index=["a", "b", "c"])
    >>> families_per_customer(m)["n_customers"].tolist()
    [1, 1, 1]
    """
    held = (matrix.to_numpy() > 0).sum(axis=1) if matrix.shape[1] else np.zeros(len(matrix), int)
    counts = np.bincount(held.astype(np.int64), minlength=matrix.shape[1] + 1)
    n = counts.sum()
    share = counts / n if n else np.full(len(counts), np.nan)
    return pd.DataFrame(
        {"n_customers": counts.astype("int64"), "share_customers": share,
         "cum_share_customers": np.cumsum(share)},
        index=pd.RangeIndex(len(counts), name="n_families"),
    )


def family_penetration(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per family: customers holding it, penetration (share of customers) and value.

    Examples
    --------
    >>> m = pd.DataFrame({"x": [1.0, 3.0], "y": [2.0, 0.0]}, index=["a", "b"])
    >>> family_penetration(m)["penetration"].tolist()
    [1.0, 0.5]
    """
    held = matrix > 0
    n = len(matrix)
    out = pd.DataFrame(
        {
            "holders": held.sum().astype("int64"),
            "penetration": held.sum() / n if n else np.nan,
            "value": matrix.sum(),
            "mean_per_holder": matrix.where(held).mean(),
        }
    )
    out.index.name = "family"
    return out.sort_values(["holders", "value"], ascending=False)


def cross_sell_gaps(
    matrix: pd.DataFrame,
    groups: pd.Series | None = None,
    min_penetration: float = 0.5,
    min_holders: int = 3,
) -> pd.DataFrame:
    """Cross-sell targets: families that most similar customers buy and this one does not.

    Similar customers are the other customers of the same group (sector, segment,
    ABC class..., given by ``groups``; the whole portfolio when None; customers with no
    group form a group of their own). For a customer *c* of group *g* and a family *f*
    that *c* does not hold:

    - ``holders`` = customers of *g* holding *f*;
    - ``penetration`` = holders / (customers of *g* - 1), the share of *c*'s peers
      buying *f*;
    - ``revenue_at_stake`` = median value of *f* among its holders in *g*: what *c*
      would plausibly buy.

    A gap is listed when penetration >= ``min_penetration`` and holders >=
    ``min_holders`` (fewer holders make the estimate unreliable).

    Parameters
    ----------
    matrix : DataFrame
        From :func:`holding_matrix` (customers x families).
    groups : Series, optional
        Group of each customer, indexed by customer_id.
    min_penetration : float
        Share of peers that must buy the family, in (0, 1].
    min_holders : int
        Minimum number of peers buying it.

    Returns
    -------
    DataFrame
        customer_id, group, family, holders, peers, penetration, revenue_at_stake,
        sorted by revenue_at_stake (largest first).

    Examples
    --------
    >>> m = pd.DataFrame({"x": [10.0, 20.0, 30.0, 40.0], "y": [5.0, 6.0, 7.0, 0.0]},
    ...                  index=pd.Index(["a", "b", "c", "d"], name="customer_id"))
    >>> cross_sell_gaps(m, min_holders=3)[["customer_id", "family", "revenue_at_stake"]]
      customer_id family  revenue_at_stake
    0           d      y               6.0
    """
    if not 0 < float(min_penetration) <= 1:
        raise ValueError("min_penetration is a share between 0 and 1, e.g. 0.5 for half")
    if int(min_holders) < 1:
        raise ValueError("min_holders must be at least 1")
    cols = ["customer_id", "group", "family", "holders", "peers", "penetration",
            "revenue_at_stake"]
    if matrix.empty or matrix.shape[1] == 0:
        return pd.DataFrame({c: [] for c in cols})
    idx = matrix.index.rename("customer_id")
    if groups is None:
        grp = pd.Series("all", index=idx, dtype="object")
    else:
        grp = pd.Series(groups).reindex(idx).astype("object")
        grp = grp.where(grp.notna(), "(none)")
    grp.name = "group"
    held = matrix.to_numpy() > 0
    fams = list(matrix.columns)
    long = pd.DataFrame(
        {
            "customer_id": np.repeat(idx.to_numpy(), len(fams)),
            "group": np.repeat(grp.to_numpy(), len(fams)),
            "family": np.tile(np.asarray(fams, dtype=object), len(idx)),
            "v": matrix.to_numpy().ravel(),
            "held": held.ravel(),
        }
    )
    size = grp.value_counts()
    stats = (
        long[long["held"]]
        .groupby(["group", "family"], sort=False)["v"]
        .agg(holders="size", revenue_at_stake="median")
        .reset_index()
    )
    gaps = long[~long["held"]].merge(stats, on=["group", "family"], how="inner")
    gaps["peers"] = gaps["group"].map(size).astype("int64") - 1
    gaps["holders"] = gaps["holders"].astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        gaps["penetration"] = gaps["holders"] / gaps["peers"].where(gaps["peers"] > 0)
    keep = (gaps["penetration"] >= float(min_penetration) - _REL_TOL) & (
        gaps["holders"] >= int(min_holders)
    )
    out = gaps.loc[keep, cols].sort_values(
        ["revenue_at_stake", "penetration", "customer_id"], ascending=[False, False, True]
    )
    return out.reset_index(drop=True)
