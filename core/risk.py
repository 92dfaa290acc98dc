"""Credit risk: receivables, ageing balance, DSO, payment behaviour, solvency and what-ifs.

Everything is computed from the receivables table (créances: one row per invoice with
invoice_id, customer_id, invoice_date, due_date, amount incl. tax, paid_date) at a
reference date ``as_of`` that is always an argument. Conventions:

- **Outstanding at as_of** (encours): invoices issued on or before ``as_of`` and not paid
  at ``as_of`` -- an invoice paid after ``as_of`` still counts as open then. A missing
  ``paid_date`` (or no such column) means "not paid yet".
- **Lateness** of an open invoice = ``as_of - due_date`` in days; ``<= 0`` is "not due",
  then the buckets 1-30, 31-60, 61-90 and over 90 days late (balance âgée).
- **DSO** (délai moyen de recouvrement) = receivables / revenue incl. tax of the window
  x days of the window, with a commercial year of ``year_days = 360`` days (French
  convention; 365 possible) and a 12-month window by default, so DSO = receivables /
  revenue TTC of the last 12 months x 360. Revenue incl. tax is the invoiced amount of
  the receivables table (amounts there are TTC), so no VAT rate is needed.
- **Receivables turnover** (rotation des créances) = yearly revenue TTC / receivables
  = year_days / DSO.
- **Bad rows** are left out of every figure: :func:`validate_receivables` returns them
  with a reason (missing value, negative amount, due or paid before the invoice date,
  duplicate invoice number). Every public function validates its input first, or takes
  the result of :func:`validate_receivables` to skip that step.

Rules are data: :class:`SolvencyRule` (score weights, bands, default probability per
band) and :class:`CreditLimitRule` (months of purchases granted per band) are
dataclasses with module defaults; scenarios (:class:`CreditLimitScenario`,
:class:`PaymentTermsScenario`) are dataclasses with ``to_dict`` / ``from_dict`` so they
can be saved as JSON and reloaded.

Example
-------
>>> import pandas as pd
>>> r = pd.DataFrame({
...     "invoice_id": ["F1", "F2", "F3"], "customer_id": ["C1", "C1", "C2"],
...     "invoice_date": pd.to_datetime(["2024-04-01", "2024-06-01", "2024-06-10"]),
...     "due_date": pd.to_datetime(["2024-05-01", "2024-07-01", "2024-07-10"]),
...     "amount": [100.0, 200.0, 50.0],
...     "paid_date": pd.to_datetime([None, None, "2024-06-20"])})
>>> aging_balance(r, as_of="2024-06-30")
  customer_id  not_due  late_1_30  late_31_60  late_61_90  late_over_90  total
0          C1    200.0        0.0       100.0         0.0           0.0  300.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.features import to_timestamp
from core.params import PlainData

BUCKETS = ("not_due", "late_1_30", "late_31_60", "late_61_90", "late_over_90")
AGING_COLUMNS = ("customer_id", *BUCKETS, "total")
# Upper bound (days late, inclusive) of each bucket but the last.
_BUCKET_EDGES = np.array([0, 30, 60, 90])

REQUIRED_COLUMNS = ("invoice_id", "customer_id", "invoice_date", "due_date", "amount")

# Why a receivables row is left out (code -> sentence); pages translate the codes.
REJECT_REASONS = {
    "missing_value": "a required value is missing or unreadable (customer, invoice number, "
                     "dates or amount)",
    "negative_amount": "negative amount (credit note or sign error): not an amount owed",
    "due_before_invoice": "due date before the invoice date",
    "paid_before_invoice": "paid before it was invoiced",
    "duplicate": "invoice number listed more than once",
}

_NEVER = np.iinfo(np.int64).max  # day number of "not paid"


# --------------------------------------------------------------------------- validation

@dataclass(frozen=True, eq=False)
class CheckedReceivables:
    """Receivables split into usable rows and rejected rows, plus arrays for fast sums.

    Attributes
    ----------
    data : DataFrame
        The valid rows (original index kept), canonical dtypes.
    rejected : DataFrame
        The left-out rows with all their columns plus ``row`` (index label in the input),
        ``reason_code`` (a key of ``REJECT_REASONS``) and ``reason`` (a sentence).
    has_paid_date : bool
        Whether the input had a ``paid_date`` column.
    """

    data: pd.DataFrame
    rejected: pd.DataFrame
    has_paid_date: bool
    labels: np.ndarray = field(repr=False)   # customer ids, one per code
    codes: np.ndarray = field(repr=False)    # customer code of each valid row
    inv: np.ndarray = field(repr=False)      # invoice day number (days since 1970)
    due: np.ndarray = field(repr=False)
    paid: np.ndarray = field(repr=False)     # _NEVER when unpaid
    amount: np.ndarray = field(repr=False)

    @property
    def n_customers(self) -> int:
        """Number of distinct customers among the valid rows."""
        return len(self.labels)


def _days(values: pd.Series) -> np.ndarray:
    """Day numbers (int64) of a date column; NaT becomes _NEVER."""
    arr = values.to_numpy(dtype="datetime64[ns]")
    nat = np.isnat(arr)
    out = arr.astype("datetime64[D]").astype(np.int64)
    out[nat] = _NEVER
    return out


def _as_dates(s: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.astype("datetime64[ns]")
    return pd.to_datetime(s, errors="coerce", format="mixed").astype("datetime64[ns]")


def _repeated(values: pd.Series) -> np.ndarray:
    """Mask of the values that occur more than once (``duplicated(keep=False)``).

    Arrow's dictionary encoding is 3-4x faster than pandas' hashing on a million
    distinct invoice numbers; falls back to pandas for other dtypes.
    """
    try:
        enc = pc.dictionary_encode(pa.array(values.array))
    except (pa.ArrowException, TypeError, ValueError):
        return values.duplicated(keep=False).to_numpy()
    if isinstance(enc, pa.ChunkedArray):
        enc = enc.combine_chunks()
    idx = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    counts = np.bincount(idx[idx >= 0], minlength=len(enc.dictionary))
    return np.where(idx >= 0, counts[np.maximum(idx, 0)] > 1, False)


def validate_receivables(receivables: pd.DataFrame) -> CheckedReceivables:
    """Split the receivables into usable rows and rows left out with their reason.

    A row is left out (first reason that applies, in this order) when: a required value
    is missing or unreadable (``missing_value``); the amount is negative
    (``negative_amount``: a credit note is not an amount owed); the due date is before
    the invoice date (``due_before_invoice``); it was paid before it was invoiced
    (``paid_before_invoice``); its invoice number appears on several rows
    (``duplicate``: exact copies keep their first row, conflicting rows are all left
    out, since we cannot tell which one is right).

    Parameters
    ----------
    receivables : DataFrame
        Canonical receivables: invoice_id, customer_id, invoice_date, due_date, amount
        (incl. tax); optional paid_date (empty = still open), payment_method.

    Returns
    -------
    CheckedReceivables

    Raises
    ------
    ValueError
        If the table is missing or lacks a required column.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2", "F2"], "customer_id": ["C1"] * 3,
    ...     "invoice_date": pd.to_datetime(["2024-01-10"] * 3),
    ...     "due_date": pd.to_datetime(["2024-01-01", "2024-02-10", "2024-02-10"]),
    ...     "amount": [10.0, 20.0, 20.0]})
    >>> ck = validate_receivables(r)
    >>> len(ck.data), ck.rejected[["row", "reason_code"]].values.tolist()
    (1, [[0, 'due_before_invoice'], [2, 'duplicate']])
    """
    if isinstance(receivables, CheckedReceivables):
        return receivables
    if receivables is None:
        raise ValueError("there is no receivables table: import your open and paid invoices "
                         "(invoice number, customer, invoice date, due date, amount incl. tax, "
                         "paid date) on the Data page")
    missing = [c for c in REQUIRED_COLUMNS if c not in receivables.columns]
    if missing:
        raise ValueError("the receivables table lacks the column(s) " + ", ".join(
            f"'{c}'" for c in missing) + "; map them on the Data page")
    has_paid = "paid_date" in receivables.columns
    frame = receivables.reset_index(drop=True)  # positions: the input index may repeat
    for c in ("invoice_date", "due_date", *(("paid_date",) if has_paid else ())):
        frame[c] = _as_dates(frame[c])
    frame["amount"] = pd.to_numeric(frame["amount"], errors="coerce").astype("float64")
    for c in ("invoice_id", "customer_id"):
        frame[c] = frame[c].astype("str")

    codes_list = list(REJECT_REASONS)
    reason = np.full(len(frame), -1, dtype=np.int8)

    def flag(mask, code):
        reason[np.asarray(mask, dtype=bool) & (reason < 0)] = codes_list.index(code)

    flag(frame[["invoice_id", "customer_id", "invoice_date", "due_date", "amount"]]
         .isna().any(axis=1).to_numpy()
         | ~np.isfinite(frame["amount"].to_numpy(na_value=np.nan)), "missing_value")
    flag(frame["amount"].to_numpy() < 0, "negative_amount")
    flag((frame["due_date"] < frame["invoice_date"]).to_numpy(), "due_before_invoice")
    if has_paid:
        flag((frame["paid_date"] < frame["invoice_date"]).to_numpy(), "paid_before_invoice")
    ids = frame["invoice_id"]
    dup_any = _repeated(ids) & ids.notna().to_numpy()
    if dup_any.any():
        sub = frame.loc[dup_any]
        # exact copies: keep the first; ids whose copies differ: drop all of them
        exact_repeat = sub.duplicated(keep="first")
        versions = sub.drop_duplicates().groupby("invoice_id").size()
        conflicting = sub["invoice_id"].isin(versions[versions > 1].index)
        dup = np.zeros(len(frame), dtype=bool)
        dup[sub.index.to_numpy()] = (exact_repeat | conflicting).to_numpy()
        flag(dup, "duplicate")

    bad = reason >= 0
    rejected = receivables.iloc[np.flatnonzero(bad)].copy()
    rejected.insert(0, "row", receivables.index[bad])
    rejected["reason_code"] = pd.array(np.array(codes_list, dtype=object)[reason[bad]]
                                       .astype(str), dtype="str")
    rejected["reason"] = rejected["reason_code"].map(REJECT_REASONS).astype("str")
    rejected = rejected.reset_index(drop=True)
    data = frame.loc[~bad]
    data.index = receivables.index[~bad]
    codes, labels = pd.factorize(data["customer_id"], sort=True)
    paid = _days(data["paid_date"]) if has_paid else np.full(len(data), _NEVER, np.int64)
    return CheckedReceivables(
        data=data, rejected=rejected, has_paid_date=has_paid,
        labels=np.asarray(labels, dtype=object), codes=codes.astype(np.int64),
        inv=_days(data["invoice_date"]), due=_days(data["due_date"]), paid=paid,
        amount=data["amount"].to_numpy(dtype="float64"),
    )


def _day(ts: pd.Timestamp) -> int:
    return int(np.datetime64(ts.date(), "D").astype(np.int64))


def _open_mask(ck: CheckedReceivables, day: int) -> np.ndarray:
    """Invoices issued on or before ``day`` and not paid at ``day``."""
    return (ck.inv <= day) & (ck.paid > day)


def _minus_months(ts: pd.Timestamp, months: int) -> pd.Timestamp:
    return (ts - pd.DateOffset(months=months)).normalize()


# --------------------------------------------------------------------------- ageing

def aging_balance(receivables, as_of) -> pd.DataFrame:
    """Ageing balance (balance âgée): the outstanding of each customer by lateness bucket.

    An invoice is outstanding at ``as_of`` when ``invoice_date <= as_of`` and it is not
    paid at ``as_of`` (``paid_date`` empty or later than ``as_of``). Its lateness is
    ``as_of - due_date`` in days: ``<= 0`` -> not_due, 1-30 -> late_1_30, 31-60 ->
    late_31_60, 61-90 -> late_61_90, over 90 -> late_over_90;
    ``total = sum of the five buckets``.

    Parameters
    ----------
    receivables : DataFrame or CheckedReceivables
        Canonical receivables; bad rows are left out (see :func:`validate_receivables`).
    as_of : date-like
        Reference date.

    Returns
    -------
    DataFrame
        One row per customer with an open invoice: customer_id, not_due, late_1_30,
        late_31_60, late_61_90, late_over_90, total (euros incl. tax), sorted by total
        descending then customer_id; index 0..n-1. Empty (same columns) when nothing
        is open.

    Raises
    ------
    ValueError
        Missing table or column, invalid reference date.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1"], "customer_id": ["C1"],
    ...     "invoice_date": [pd.Timestamp("2024-01-01")], "due_date": [pd.Timestamp("2024-01-31")],
    ...     "amount": [120.0]})
    >>> aging_balance(r, "2024-03-15")[["customer_id", "late_31_60", "total"]]
      customer_id  late_31_60  total
    0          C1       120.0  120.0
    """
    as_of = to_timestamp(as_of)
    ck = validate_receivables(receivables)
    return _aging(ck, _day(as_of))


def _bucket_index(late_days: np.ndarray) -> np.ndarray:
    return np.searchsorted(_BUCKET_EDGES, late_days, side="left")


def _aging(ck: CheckedReceivables, day: int) -> pd.DataFrame:
    m = _open_mask(ck, day)
    codes = ck.codes[m]
    k = len(BUCKETS)
    b = _bucket_index(day - ck.due[m])
    sums = np.bincount(codes * k + b, weights=ck.amount[m], minlength=ck.n_customers * k)
    sums = sums.reshape(ck.n_customers, k) if ck.n_customers else np.zeros((0, k))
    present = np.bincount(codes, minlength=ck.n_customers) > 0
    frame = pd.DataFrame(sums[present], columns=list(BUCKETS))
    frame.insert(0, "customer_id", pd.array(ck.labels[present].astype(str), dtype="str"))
    frame["total"] = sums[present].sum(axis=1)
    frame = frame.sort_values(["total", "customer_id"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True)[list(AGING_COLUMNS)]


def aging_totals(aging: pd.DataFrame) -> pd.DataFrame:
    """The ageing balance of the whole portfolio: one row per bucket, with its share.

    Parameters
    ----------
    aging : DataFrame
        Result of :func:`aging_balance`.

    Returns
    -------
    DataFrame
        bucket (in ``BUCKETS`` order), amount, share (amount / total outstanding, 0..1;
        NaN when nothing is outstanding), customers (number with a positive amount).

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"customer_id": ["C1", "C2"], "not_due": [30.0, 10.0],
    ...     "late_1_30": [0.0, 0.0], "late_31_60": [60.0, 0.0], "late_61_90": [0.0, 0.0],
    ...     "late_over_90": [0.0, 0.0], "total": [90.0, 10.0]})
    >>> aging_totals(a)["share"].tolist()
    [0.4, 0.0, 0.6, 0.0, 0.0]
    """
    amounts = [float(aging[b].sum()) for b in BUCKETS]
    total = sum(amounts)
    return pd.DataFrame({
        "bucket": list(BUCKETS),
        "amount": amounts,
        "share": [a / total if total else float("nan") for a in amounts],
        "customers": [int((aging[b] > 0).sum()) for b in BUCKETS],
    })


# --------------------------------------------------------------------------- DSO

def _window_revenue(ck: CheckedReceivables, day: int, start_day: int) -> float:
    m = (ck.inv > start_day) & (ck.inv <= day)
    return float(ck.amount[m].sum())


def _dso(receivables_amount: float, revenue: float, window_months: int, year_days: int) -> float:
    if revenue <= 0:
        return float("nan")
    return receivables_amount / revenue * year_days * window_months / 12.0


def _check_window(window_months: int, year_days: int) -> None:
    if int(window_months) != window_months or window_months < 1:
        raise ValueError("the DSO window must be a whole number of months, at least 1")
    if year_days not in (360, 365):
        raise ValueError("the year used for DSO must count 360 (commercial year) or 365 days")


class _DayCurves:
    """Cumulative amounts per day, so each date's receivables cost O(1).

    For valid rows ``invoice <= due`` and ``invoice <= paid``, hence at day t:
    receivables(t) = invoiced by t - paid by t; overdue(t) = (due before t) - (due
    before t and paid by t), the last term being a cumulative sum on
    ``max(due + 1, paid)``. One ``bincount`` per curve over the day range replaces a
    pass over all invoices per date.
    """

    def __init__(self, ck: CheckedReceivables, last_day: int):
        self.d0 = int(ck.inv.min()) if len(ck.inv) else last_day
        self.size = max(last_day - self.d0 + 1, 1)
        due1 = ck.due + 1
        self._inv = self._cum(ck.inv, ck.amount, last_day)
        self._paid = self._cum(ck.paid, ck.amount, last_day)
        self._due1 = self._cum(due1, ck.amount, last_day)
        self._settled_late = self._cum(np.maximum(due1, ck.paid), ck.amount, last_day)

    def _cum(self, keys: np.ndarray, weights: np.ndarray, last_day: int) -> np.ndarray:
        m = keys <= last_day
        return np.cumsum(np.bincount(keys[m] - self.d0, weights=weights[m],
                                     minlength=self.size))

    def _at(self, curve: np.ndarray, day: int) -> float:
        if day < self.d0:
            return 0.0
        return float(curve[min(day - self.d0, self.size - 1)])

    def invoiced(self, day: int) -> float:
        return self._at(self._inv, day)

    def receivables(self, day: int) -> float:
        return _clean_zero(self._at(self._inv, day) - self._at(self._paid, day))

    def overdue(self, day: int) -> float:
        return _clean_zero(self._at(self._due1, day) - self._at(self._settled_late, day))


def _clean_zero(x: float) -> float:
    """Differences of cumulative sums leave rounding dust: below half a cent is zero."""
    return 0.0 if abs(x) < 0.005 else x


def dso_trend(receivables, as_of, months: int = 12, window_months: int = 12,
              year_days: int = 360) -> pd.DataFrame:
    """DSO (délai moyen de recouvrement) month by month, up to ``as_of``.

    At each date t (the ``months - 1`` month-ends before ``as_of``, then ``as_of``):
    ``DSO(t) = receivables(t) / revenue_ttc(t - window, t] x days``, with
    ``days = year_days x window_months / 12`` (360 for the default 12-month window and
    commercial year; 90 for a 3-month window). receivables(t) is the outstanding at t
    (see :func:`aging_balance`), revenue_ttc the amount invoiced in the window.

    Parameters
    ----------
    receivables : DataFrame or CheckedReceivables
    as_of : date-like
        Last point of the trend.
    months : int
        Number of points.
    window_months : int
        Length of the revenue window (12 = the textbook yearly formula).
    year_days : {360, 365}
        Days in a year (360 = French commercial year).

    Returns
    -------
    DataFrame
        date, receivables, overdue (part past its due date), revenue_ttc, dso_days (NaN
        without revenue in the window), turnover (yearly revenue / receivables =
        year_days / dso_days), window_complete (False when the window starts before the
        first invoice, so the DSO is overstated).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2"], "customer_id": ["C1", "C1"],
    ...     "invoice_date": pd.to_datetime(["2023-07-15", "2024-06-15"]),
    ...     "due_date": pd.to_datetime(["2023-08-15", "2024-07-15"]),
    ...     "amount": [600.0, 120.0], "paid_date": pd.to_datetime(["2023-08-10", None])})
    >>> d = dso_trend(r, "2024-06-30", months=1)
    >>> d[["receivables", "revenue_ttc", "dso_days"]].values.tolist()
    [[120.0, 720.0, 60.0]]
    """
    as_of = to_timestamp(as_of)
    _check_window(window_months, year_days)
    if int(months) != months or months < 1:
        raise ValueError("the DSO trend needs at least 1 month")
    ck = validate_receivables(receivables)
    period = as_of.to_period("M")
    dates = [(period - k).to_timestamp(how="end").normalize() for k in range(months - 1, 0, -1)]
    dates.append(as_of)
    curves = _DayCurves(ck, _day(as_of))
    first = int(ck.inv.min()) if len(ck.inv) else None
    rows = []
    for t in dates:
        day = _day(t)
        start = _day(_minus_months(t, window_months))
        ar = curves.receivables(day)
        rev = curves.invoiced(day) - curves.invoiced(start)
        dso = _dso(ar, rev, window_months, year_days)
        rows.append((t, ar, curves.overdue(day), rev, dso,
                     year_days / dso if dso and dso > 0 else float("nan"),
                     first is not None and first <= start + 1))
    out = pd.DataFrame(rows, columns=["date", "receivables", "overdue", "revenue_ttc",
                                      "dso_days", "turnover", "window_complete"])
    out["date"] = out["date"].astype("datetime64[ns]")
    return out


def receivables_turnover(receivables, as_of, window_months: int = 12,
                         year_days: int = 360) -> float:
    """Receivables turnover (rotation des créances) at ``as_of``.

    ``turnover = revenue_ttc of the window x (12 / window_months) / receivables(as_of)
    = year_days / DSO``: how many times a year the receivables are collected.
    NaN when nothing is outstanding.

    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2"], "customer_id": ["C1", "C1"],
    ...     "invoice_date": pd.to_datetime(["2024-01-15", "2024-06-15"]),
    ...     "due_date": pd.to_datetime(["2024-02-15", "2024-07-15"]),
    ...     "amount": [600.0, 120.0], "paid_date": pd.to_datetime(["2024-02-10", None])})
    >>> receivables_turnover(r, "2024-06-30")
    6.0
    """
    as_of = to_timestamp(as_of)
    _check_window(window_months, year_days)
    ck = validate_receivables(receivables)
    day = _day(as_of)
    ar = float(ck.amount[_open_mask(ck, day)].sum())
    rev = _window_revenue(ck, day, _day(_minus_months(as_of, window_months)))
    return rev * 12.0 / window_months / ar if ar > 0 else float("nan")


def risk_kpis(receivables, as_of, window_months: int = 12, year_days: int = 360) -> dict:
    """Headline receivables figures at ``as_of``.

    Returns a dict: outstanding (encours, incl. tax), overdue (past due), overdue_share,
    over_90 (more than 90 days late), n_open_invoices, n_customers_open,
    revenue_ttc (invoiced in the window), dso_days, turnover, mean_terms_days (payment
    terms granted: due - invoice date, averaged over the window's invoices weighted by
    amount; DSO - terms = the days customers take beyond them), window_months,
    year_days, n_rejected (rows left out by validation), rejected_amount.

    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2"], "customer_id": ["C1", "C2"],
    ...     "invoice_date": pd.to_datetime(["2024-01-15", "2024-06-15"]),
    ...     "due_date": pd.to_datetime(["2024-02-15", "2024-07-15"]),
    ...     "amount": [600.0, 120.0], "paid_date": pd.to_datetime([None, None])})
    >>> k = risk_kpis(r, "2024-06-30")
    >>> k["outstanding"], k["overdue"], k["over_90"], k["dso_days"]
    (720.0, 600.0, 600.0, 360.0)
    """
    as_of = to_timestamp(as_of)
    _check_window(window_months, year_days)
    ck = validate_receivables(receivables)
    day = _day(as_of)
    m = _open_mask(ck, day)
    ar = float(ck.amount[m].sum())
    late = day - ck.due
    overdue = float(ck.amount[m & (late > 0)].sum())
    start = _day(_minus_months(as_of, window_months))
    rev = _window_revenue(ck, day, start)
    dso = _dso(ar, rev, window_months, year_days)
    win = (ck.inv > start) & (ck.inv <= day)
    terms = (float(np.average(ck.due[win] - ck.inv[win], weights=ck.amount[win]))
             if ck.amount[win].sum() > 0 else float("nan"))
    rej = ck.rejected
    return {
        "outstanding": ar,
        "overdue": overdue,
        "overdue_share": overdue / ar if ar > 0 else float("nan"),
        "over_90": float(ck.amount[m & (late > 90)].sum()),
        "n_open_invoices": int(m.sum()),
        "n_customers_open": int(len(np.unique(ck.codes[m]))),
        "revenue_ttc": rev,
        "dso_days": dso,
        "turnover": year_days / dso if dso and dso > 0 else float("nan"),
        "mean_terms_days": terms,
        "window_months": int(window_months),
        "year_days": int(year_days),
        "n_rejected": int(len(rej)),
        "rejected_amount": float(pd.to_numeric(rej["amount"], errors="coerce").abs().sum())
        if len(rej) else 0.0,
    }


# --------------------------------------------------------------------------- behaviour

BEHAVIOUR_COLUMNS = (
    "customer_id", "n_due", "n_late", "late_frequency", "mean_delay_days",
    "mean_delay_when_late", "max_delay_days", "n_paid", "mean_days_to_pay",
    "amount_due", "amount_late",
)


def payment_behaviour(receivables, as_of, months: int | None = 24) -> pd.DataFrame:
    """Late-payment frequency and mean delay per customer, seen from ``as_of``.

    Invoices considered: those whose due date falls in the ``months`` months up to
    ``as_of`` (all history when ``months`` is None). Only what is known at ``as_of``
    is used: the delay of an invoice is ``paid_date - due_date`` if it was paid by
    ``as_of``, else ``as_of - due_date`` (still open: at least that late). An invoice
    is late when its delay is positive.

    - late_frequency = n_late / n_due
    - mean_delay_days = mean of max(delay, 0) over the due invoices (on time counts 0)
    - mean_delay_when_late = mean delay of the late invoices (NaN if none)
    - mean_days_to_pay = mean of paid_date - invoice_date over the invoices paid by as_of

    Parameters
    ----------
    receivables : DataFrame or CheckedReceivables
        Must have a ``paid_date`` column.
    as_of : date-like
    months : int or None
        Look-back window on the due date.

    Returns
    -------
    DataFrame
        One row per customer with at least one due invoice; columns
        ``BEHAVIOUR_COLUMNS``; sorted by customer_id.

    Raises
    ------
    ValueError
        Without a paid_date column (payment behaviour needs payment dates).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2"], "customer_id": ["C1", "C1"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-02-01"]),
    ...     "due_date": pd.to_datetime(["2024-01-31", "2024-03-01"]),
    ...     "amount": [100.0, 100.0], "paid_date": pd.to_datetime(["2024-02-10", "2024-02-20"])})
    >>> b = payment_behaviour(r, "2024-06-30")
    >>> b[["n_due", "n_late", "late_frequency", "mean_delay_days"]].values.tolist()
    [[2.0, 1.0, 0.5, 5.0]]
    """
    as_of = to_timestamp(as_of)
    ck = validate_receivables(receivables)
    if not ck.has_paid_date:
        raise ValueError("the receivables table has no 'paid_date' column: payment delays "
                         "need the date each invoice was paid (leave it empty when unpaid)")
    return _behaviour(ck, _day(as_of), months, as_of)


def _behaviour(ck: CheckedReceivables, day: int, months: int | None,
               as_of: pd.Timestamp) -> pd.DataFrame:
    m = (ck.due <= day) & (ck.inv <= day)
    if months is not None:
        if months < 1:
            raise ValueError("the look-back window must be at least 1 month")
        m &= ck.due > _day(_minus_months(as_of, int(months)))
    codes = ck.codes[m]
    n = ck.n_customers
    paid_known = ck.paid[m] <= day
    settle = np.where(paid_known, ck.paid[m], day)
    delay = (settle - ck.due[m]).astype(np.float64)
    late = delay > 0
    amt = ck.amount[m]
    n_due = np.bincount(codes, minlength=n).astype(float)
    n_late = np.bincount(codes, weights=late, minlength=n)
    sum_pos = np.bincount(codes, weights=np.where(late, delay, 0.0), minlength=n)
    max_delay = np.full(n, -np.inf)
    np.maximum.at(max_delay, codes, delay)
    n_paid = np.bincount(codes, weights=paid_known, minlength=n)
    to_pay = np.where(paid_known, (ck.paid[m] - ck.inv[m]).astype(float) if len(amt) else 0.0,
                      0.0)
    sum_to_pay = np.bincount(codes, weights=to_pay, minlength=n)
    amount_due = np.bincount(codes, weights=amt, minlength=n)
    amount_late = np.bincount(codes, weights=np.where(late, amt, 0.0), minlength=n)
    keep = n_due > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        frame = pd.DataFrame({
            "customer_id": pd.array(ck.labels[keep].astype(str), dtype="str"),
            "n_due": n_due[keep],
            "n_late": n_late[keep],
            "late_frequency": n_late[keep] / n_due[keep],
            "mean_delay_days": sum_pos[keep] / n_due[keep],
            "mean_delay_when_late": np.where(n_late[keep] > 0, sum_pos[keep] / n_late[keep],
                                             np.nan),
            "max_delay_days": max_delay[keep],
            "n_paid": n_paid[keep],
            "mean_days_to_pay": np.where(n_paid[keep] > 0, sum_to_pay[keep] / n_paid[keep],
                                         np.nan),
            "amount_due": amount_due[keep],
            "amount_late": amount_late[keep],
        })
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------- rules

@dataclass
class SolvencyRule(PlainData):
    """How payment behaviour becomes a solvency score (0-100) and a band.

    ``score = 100 - w_frequency x late_frequency
    - w_delay x min(mean_delay_days / delay_cap, 1) - w_severe x severe_share``,
    clipped to 0..100, where severe_share is the part of the customer's outstanding that
    is more than 60 days late (buckets late_61_90 + late_over_90 of the ageing balance).
    The band is the first of ``bands`` (ordered best first) whose threshold the score
    reaches. Customers with fewer than ``min_invoices`` due invoices are "unrated".
    ``pd_by_band`` is the yearly probability of default used for expected losses: the
    defaults are illustrative orders of magnitude, to replace with the firm's own
    default history (or a fitted default score).
    """

    w_frequency: float = 40.0
    w_delay: float = 30.0
    w_severe: float = 30.0
    delay_cap: float = 60.0
    min_invoices: int = 3
    bands: dict = field(default_factory=lambda: {"A": 80.0, "B": 60.0, "C": 40.0, "D": 0.0})
    pd_by_band: dict = field(default_factory=lambda: {
        "A": 0.01, "B": 0.03, "C": 0.08, "D": 0.20, "unrated": 0.05})



@dataclass
class CreditLimitRule(PlainData):
    """Recommended credit limit (plafond de crédit) = months of purchases by band.

    ``recommended = floor(monthly_purchases x multiples[band] / round_to) x round_to``,
    where monthly_purchases is the amount invoiced (incl. tax) over the last
    ``months`` months divided by ``months``. The default multiples follow the idea
    that a customer paying at 60 days carries about 2-3 months of purchases: sound
    payers (A) get 3 months, B 2, C 1, D half a month; unrated customers 1 month.
    """

    multiples: dict = field(default_factory=lambda: {
        "A": 3.0, "B": 2.0, "C": 1.0, "D": 0.5, "unrated": 1.0})
    months: int = 12
    round_to: float = 100.0



def solvency_scores(behaviour: pd.DataFrame, aging: pd.DataFrame | None = None,
                    rule: SolvencyRule | None = None) -> pd.DataFrame:
    """Solvency score and band per customer from payment behaviour (see SolvencyRule).

    Parameters
    ----------
    behaviour : DataFrame
        Result of :func:`payment_behaviour`.
    aging : DataFrame, optional
        Result of :func:`aging_balance`; without it severe_share counts 0.
    rule : SolvencyRule, optional

    Returns
    -------
    DataFrame
        customer_id, severe_share, score (NaN when unrated), band, pd (probability of
        default of the band), for every customer of ``behaviour`` or ``aging``.

    Examples
    --------
    >>> import pandas as pd
    >>> b = pd.DataFrame({"customer_id": ["C1", "C2"], "n_due": [10, 10],
    ...     "late_frequency": [0.0, 0.5], "mean_delay_days": [0.0, 30.0]})
    >>> solvency_scores(b)[["customer_id", "score", "band"]].values.tolist()
    [['C1', 100.0, 'A'], ['C2', 65.0, 'B']]
    """
    rule = rule or SolvencyRule()
    for c in ("customer_id", "n_due", "late_frequency", "mean_delay_days"):
        if c not in behaviour.columns:
            raise ValueError(f"the payment behaviour table lacks the column '{c}'")
    if rule.delay_cap <= 0:
        raise ValueError("the delay cap of the solvency rule must be positive")
    frame = behaviour[["customer_id", "n_due", "late_frequency", "mean_delay_days"]].copy()
    if aging is not None and len(aging):
        sev = aging[["customer_id"]].copy()
        with np.errstate(divide="ignore", invalid="ignore"):
            sev["severe_share"] = np.where(
                aging["total"] > 0,
                (aging["late_61_90"] + aging["late_over_90"]) / aging["total"], 0.0)
        frame = frame.merge(sev, on="customer_id", how="outer")
    else:
        frame["severe_share"] = 0.0
    frame["severe_share"] = frame["severe_share"].fillna(0.0)
    n_due = frame["n_due"].fillna(0)
    score = (100.0 - rule.w_frequency * frame["late_frequency"].fillna(0.0)
             - rule.w_delay * np.minimum(frame["mean_delay_days"].fillna(0.0)
                                         / rule.delay_cap, 1.0)
             - rule.w_severe * frame["severe_share"]).clip(0.0, 100.0)
    rated = n_due >= rule.min_invoices
    frame["score"] = score.where(rated)
    order = sorted(rule.bands.items(), key=lambda kv: -float(kv[1]))
    band = pd.Series("unrated", index=frame.index, dtype="str")
    assigned = pd.Series(False, index=frame.index)
    for name, threshold in order:
        hit = rated & ~assigned & (score >= float(threshold))
        band[hit] = str(name)
        assigned |= hit
    if order:  # scores below every threshold fall in the worst band
        band[rated & ~assigned] = str(order[-1][0])
    frame["band"] = band
    frame["pd"] = frame["band"].map(
        lambda b: float(rule.pd_by_band.get(b, rule.pd_by_band.get("unrated", float("nan")))))
    frame = frame.sort_values("customer_id", kind="stable").reset_index(drop=True)
    return frame[["customer_id", "severe_share", "score", "band", "pd"]]


def monthly_purchases(receivables, as_of, months: int = 12) -> pd.Series:
    """Mean amount invoiced per month (incl. tax) per customer over the last ``months``.

    ``monthly = invoiced in (as_of - months, as_of] / months``; Series indexed by
    customer_id (customers of the table without invoices there get 0).

    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2"], "customer_id": ["C1", "C1"],
    ...     "invoice_date": pd.to_datetime(["2024-01-15", "2024-06-15"]),
    ...     "due_date": pd.to_datetime(["2024-02-15", "2024-07-15"]), "amount": [600.0, 600.0]})
    >>> monthly_purchases(r, "2024-06-30").to_dict()
    {'C1': 100.0}
    """
    as_of = to_timestamp(as_of)
    if int(months) != months or months < 1:
        raise ValueError("the purchase window must be a whole number of months, at least 1")
    ck = validate_receivables(receivables)
    day = _day(as_of)
    m = (ck.inv > _day(_minus_months(as_of, months))) & (ck.inv <= day)
    sums = np.bincount(ck.codes[m], weights=ck.amount[m], minlength=ck.n_customers)
    return pd.Series(sums / months, index=pd.Index(ck.labels.astype(str), name="customer_id"),
                     name="monthly_purchases")


def recommend_credit_limits(monthly: pd.Series, bands: pd.Series,
                            rule: CreditLimitRule | None = None) -> pd.DataFrame:
    """Recommended credit limit per customer by the documented rule (CreditLimitRule).

    Parameters
    ----------
    monthly : Series
        Mean monthly purchases incl. tax, indexed by customer_id
        (:func:`monthly_purchases`).
    bands : Series
        Solvency band per customer_id (missing -> "unrated").
    rule : CreditLimitRule, optional

    Returns
    -------
    DataFrame
        customer_id, monthly_purchases, band, multiple, recommended_limit.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.Series({"C1": 1234.0, "C2": 1000.0})
    >>> recommend_credit_limits(m, pd.Series({"C1": "A"})).values.tolist()
    [['C1', 1234.0, 'A', 3.0, 3700.0], ['C2', 1000.0, 'unrated', 1.0, 1000.0]]
    """
    rule = rule or CreditLimitRule()
    if rule.round_to <= 0:
        raise ValueError("the rounding step of the credit-limit rule must be positive")
    frame = pd.DataFrame({"customer_id": pd.array(monthly.index.astype(str), dtype="str"),
                          "monthly_purchases": monthly.to_numpy(dtype=float)})
    band = frame["customer_id"].map(pd.Series(bands).astype("str")).fillna("unrated")
    frame["band"] = band.astype("str")
    default = float(rule.multiples.get("unrated", 1.0))
    frame["multiple"] = frame["band"].map(
        lambda b: float(rule.multiples.get(b, default))).astype(float)
    raw = frame["monthly_purchases"].clip(lower=0.0) * frame["multiple"]
    frame["recommended_limit"] = np.floor(raw / rule.round_to + 1e-9) * rule.round_to
    return frame


def _customer_column(customers: pd.DataFrame | None, column: str) -> pd.Series:
    if customers is None or column not in customers.columns or "customer_id" not in customers:
        return pd.Series(dtype="float64")
    c = customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
    return pd.to_numeric(c.set_index(c["customer_id"].astype("str"))[column],
                         errors="coerce")


def credit_utilisation(receivables, customers: pd.DataFrame | None, as_of) -> pd.DataFrame:
    """Outstanding versus credit limit per customer.

    ``utilisation = outstanding / credit_limit`` (NaN without a positive limit);
    ``over_limit = outstanding > credit_limit`` (a limit of 0 means "cash only", so any
    outstanding is over it; a missing limit never is); ``headroom = limit - outstanding``.

    Returns
    -------
    DataFrame
        customer_id, outstanding, credit_limit, utilisation, over_limit, headroom; for
        every customer with an open invoice or a credit limit; sorted by utilisation
        descending.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1"], "customer_id": ["C1"],
    ...     "invoice_date": [pd.Timestamp("2024-06-01")], "due_date": [pd.Timestamp("2024-07-01")],
    ...     "amount": [1500.0]})
    >>> c = pd.DataFrame({"customer_id": ["C1", "C2"], "credit_limit": [1000.0, 500.0]})
    >>> credit_utilisation(r, c, "2024-06-30").values.tolist()
    [['C1', 1500.0, 1000.0, 1.5, True, -500.0], ['C2', 0.0, 500.0, 0.0, False, 500.0]]
    """
    as_of = to_timestamp(as_of)
    ck = validate_receivables(receivables)
    aging = _aging(ck, _day(as_of))
    return _utilisation(aging, _customer_column(customers, "credit_limit"))


def _utilisation(aging: pd.DataFrame, limits: pd.Series) -> pd.DataFrame:
    out = aging.set_index("customer_id")["total"].rename("outstanding")
    ids = out.index.union(limits.dropna().index)
    frame = pd.DataFrame({"customer_id": pd.array(ids.astype(str), dtype="str")})
    frame["outstanding"] = frame["customer_id"].map(out).fillna(0.0).astype(float)
    frame["credit_limit"] = frame["customer_id"].map(limits).astype(float)
    lim = frame["credit_limit"]
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["utilisation"] = np.where(lim > 0, frame["outstanding"] / lim, np.nan)
    frame["over_limit"] = (lim.notna() & (frame["outstanding"] > lim + 1e-9)).astype(bool)
    frame["headroom"] = lim - frame["outstanding"]
    frame = frame.sort_values(["utilisation", "outstanding"], ascending=False,
                              na_position="last", kind="stable")
    return frame.reset_index(drop=True)


def credit_table(receivables, as_of, customers: pd.DataFrame | None = None,
                 solvency_rule: SolvencyRule | None = None,
                 limit_rule: CreditLimitRule | None = None,
                 behaviour_months: int | None = 24) -> pd.DataFrame:
    """Everything the credit-risk page shows per customer, in one table.

    Joins :func:`aging_balance`, :func:`credit_utilisation`, :func:`payment_behaviour`
    (when paid dates exist), :func:`solvency_scores` and
    :func:`recommend_credit_limits`. Adds ``name`` when ``customers`` has it.

    Returns
    -------
    DataFrame
        customer_id, [name], outstanding, overdue, the five buckets, credit_limit,
        utilisation, over_limit, headroom, n_due, late_frequency, mean_delay_days,
        score, band, pd, monthly_purchases, recommended_limit; one row per customer
        with an invoice in the table or a credit limit; sorted by outstanding
        descending.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1"], "customer_id": ["C1"],
    ...     "invoice_date": [pd.Timestamp("2024-06-01")], "due_date": [pd.Timestamp("2024-07-01")],
    ...     "amount": [1200.0], "paid_date": [pd.NaT]})
    >>> credit_table(r, "2024-06-30")[["customer_id", "outstanding", "band"]].values.tolist()
    [['C1', 1200.0, 'unrated']]
    """
    as_of = to_timestamp(as_of)
    ck = validate_receivables(receivables)
    limit_rule = limit_rule or CreditLimitRule()
    day = _day(as_of)
    aging = _aging(ck, day)
    util = _utilisation(aging, _customer_column(customers, "credit_limit"))
    if ck.has_paid_date:
        beh = _behaviour(ck, day, behaviour_months, as_of)
    else:
        beh = pd.DataFrame({c: pd.Series(dtype="float64") for c in BEHAVIOUR_COLUMNS})
        beh["customer_id"] = beh["customer_id"].astype("str")
    scores = solvency_scores(beh, aging, solvency_rule)
    monthly = monthly_purchases(ck, as_of, limit_rule.months)
    rec = recommend_credit_limits(monthly, scores.set_index("customer_id")["band"], limit_rule)
    ids = pd.Index(ck.labels.astype(str)).union(pd.Index(util["customer_id"]))
    frame = pd.DataFrame({"customer_id": pd.array(ids, dtype="str")})
    frame = frame.merge(aging, on="customer_id", how="left")
    for b in (*BUCKETS, "total"):
        frame[b] = frame[b].fillna(0.0)
    frame = frame.rename(columns={"total": "outstanding"})
    frame.insert(2, "overdue", frame[list(BUCKETS[1:])].sum(axis=1))
    frame = frame.merge(util.drop(columns="outstanding"), on="customer_id", how="left")
    frame["over_limit"] = frame["over_limit"].fillna(False).astype(bool)
    frame = frame.merge(beh[["customer_id", "n_due", "late_frequency", "mean_delay_days"]],
                        on="customer_id", how="left")
    frame["n_due"] = frame["n_due"].fillna(0).astype("int64")
    frame = frame.merge(scores[["customer_id", "score", "band", "pd"]], on="customer_id",
                        how="left")
    rule = solvency_rule or SolvencyRule()
    frame["band"] = frame["band"].fillna("unrated").astype("str")
    frame["pd"] = frame["pd"].fillna(float(rule.pd_by_band.get("unrated", float("nan"))))
    frame = frame.merge(rec[["customer_id", "monthly_purchases", "recommended_limit"]],
                        on="customer_id", how="left")
    frame["monthly_purchases"] = frame["monthly_purchases"].fillna(0.0)
    frame["recommended_limit"] = frame["recommended_limit"].fillna(0.0)
    if customers is not None and "name" in customers.columns and "customer_id" in customers:
        names = customers.dropna(subset=["customer_id"]).drop_duplicates("customer_id")
        names = names.set_index(names["customer_id"].astype("str"))["name"]
        frame.insert(1, "name", frame["customer_id"].map(names).astype("str"))
    frame = frame.sort_values(["outstanding", "customer_id"], ascending=[False, True],
                              kind="stable")
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------- what-if: limits

@dataclass
class CreditLimitScenario(PlainData):
    """A what-if on credit limits, as plain data (JSON via to_dict / from_dict).

    The limit of a customer is, by priority: ``customer_limits[customer_id]``, then
    ``class_limits[class of the customer]``, then ``global_limit``, then its current
    limit x ``current_factor``; no limit at all means unlimited. Orders are the
    receivables invoices of the last ``months`` months. ``lgd`` is the loss given
    default (share of an exposure lost when a customer defaults): 45 % is the Basel
    foundation-IRB value for senior unsecured claims. ``vat_rate`` converts revenue
    incl. tax to net revenue; ``margin_rate`` (net margin / net revenue), when given,
    values the margin given up.
    """

    name: str = "scenario"
    global_limit: float | None = None
    class_limits: dict = field(default_factory=dict)
    customer_limits: dict = field(default_factory=dict)
    current_factor: float = 1.0
    months: int = 12
    lgd: float = 0.45
    vat_rate: float = 0.20
    margin_rate: float | None = None
    year_days: int = 360
    kind: str = field(default="credit_limits", init=False)



def scenario_limits(customer_ids, scenario: CreditLimitScenario,
                    current_limits: Mapping | pd.Series | None = None,
                    classes: Mapping | pd.Series | None = None) -> pd.Series:
    """The credit limit of each customer under ``scenario`` (NaN = unlimited).

    >>> s = CreditLimitScenario(global_limit=1000.0, class_limits={"A": 5000.0},
    ...                         customer_limits={"C3": 0.0})
    >>> scenario_limits(["C1", "C2", "C3"], s, classes={"C1": "A"}).tolist()
    [5000.0, 1000.0, 0.0]
    """
    ids = pd.Index([str(i) for i in customer_ids], name="customer_id")
    out = pd.Series(np.nan, index=ids, dtype="float64")
    if current_limits is not None:
        cur = pd.Series(current_limits, dtype="float64")
        cur.index = cur.index.astype(str)
        out = ids.to_series().map(cur).astype(float) * float(scenario.current_factor)
        out.index = ids
    if scenario.global_limit is not None and not _isnan(scenario.global_limit):
        out[:] = float(scenario.global_limit)
    if scenario.class_limits and classes is not None:
        cls = pd.Series(classes).astype("str")
        cls.index = cls.index.astype(str)
        by_class = ids.to_series().map(cls).map(
            {str(k): float(v) for k, v in scenario.class_limits.items()})
        out = by_class.where(by_class.notna(), out)
        out.index = ids
    if scenario.customer_limits:
        for cid, lim in scenario.customer_limits.items():
            if str(cid) in out.index:
                out[str(cid)] = float(lim) if lim is not None else np.nan
    if (out < 0).any():
        raise ValueError("a credit limit cannot be negative (use 0 for cash-only customers)")
    return out.astype("float64")


def _isnan(x) -> bool:
    try:
        return math.isnan(float(x))
    except (TypeError, ValueError):
        return False


@dataclass
class CreditLimitResult:
    """Outcome of :func:`simulate_credit_limits`.

    ``summary`` (dict) holds before/after figures; ``per_customer``, ``blocked`` (the
    orders that would have been refused) and ``monthly`` (month, accepted, blocked:
    amounts incl. tax of the window's orders per calendar month) are DataFrames.
    """

    summary: dict
    per_customer: pd.DataFrame
    blocked: pd.DataFrame
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame)


def simulate_credit_limits(receivables, as_of, scenario: CreditLimitScenario,
                           customers: pd.DataFrame | None = None,
                           classes: Mapping | pd.Series | None = None,
                           default_proba: Mapping | pd.Series | None = None,
                           solvency_rule: SolvencyRule | None = None) -> CreditLimitResult:
    """Replay the last months' orders under new credit limits.

    Orders are the invoices with a positive amount dated in ``(as_of - months, as_of]``.
    Each customer's outstanding is replayed day by day over that window:
    it starts at the outstanding of the window's first day, payments lower it (a
    day's payments before its orders), each order (invoice) raises it. An order is
    blocked when ``outstanding before the order + its amount > limit``; a blocked order
    never exists, so its payment later does not happen either and later orders see a
    lower outstanding.

    Then, at ``as_of``:
    - revenue_at_stake = sum of the blocked orders (incl. tax; ``_ht`` = / (1 + VAT));
    - exposure = outstanding (before = actual; after = without the blocked orders);
    - expected_loss = sum over customers of exposure x PD x LGD (PD from
      ``default_proba``, else from the solvency band, see SolvencyRule.pd_by_band);
    - receivables and DSO after, with DSO = receivables / revenue TTC of the window
      x year_days x months / 12.

    Parameters
    ----------
    receivables : DataFrame or CheckedReceivables
    as_of : date-like
    scenario : CreditLimitScenario
    customers : DataFrame, optional
        Current ``credit_limit`` per customer (used when the scenario sets none).
    classes : mapping or Series, optional
        Class (e.g. ABC class, segment) per customer_id, for ``class_limits``.
    default_proba : mapping or Series, optional
        Probability of default per customer_id (e.g. from a payment-default score).
    solvency_rule : SolvencyRule, optional

    Returns
    -------
    CreditLimitResult

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"invoice_id": ["F1", "F2", "F3"], "customer_id": ["C1"] * 3,
    ...     "invoice_date": pd.to_datetime(["2024-03-01", "2024-04-01", "2024-05-01"]),
    ...     "due_date": pd.to_datetime(["2024-04-30", "2024-05-31", "2024-06-30"]),
    ...     "amount": [600.0, 600.0, 600.0],
    ...     "paid_date": pd.to_datetime(["2024-04-15", None, None])})
    >>> res = simulate_credit_limits(r, "2024-06-30", CreditLimitScenario(global_limit=1000.0))
    >>> res.blocked["invoice_id"].tolist(), res.summary["revenue_at_stake"]
    (['F2'], 600.0)
    """
    as_of = to_timestamp(as_of)
    ck = validate_receivables(receivables)
    months = int(scenario.months)
    if months < 1:
        raise ValueError("the replay window must be at least 1 month")
    if not 0.0 <= float(scenario.lgd) <= 1.0:
        raise ValueError("the loss given default must be between 0 and 1 (e.g. 0.45)")
    _check_window(months, scenario.year_days)
    day = _day(as_of)
    start = _day(_minus_months(as_of, months))
    ids = ck.labels.astype(str)
    limits = scenario_limits(ids, scenario, _customer_column(customers, "credit_limit"),
                             classes)
    lim = limits.to_numpy(dtype=float)
    lim = np.where(np.isnan(lim), np.inf, lim)
    blocked_mask = _replay(ck, day, start, lim)

    open_now = _open_mask(ck, day)
    n = ck.n_customers
    exp_before = np.bincount(ck.codes[open_now], weights=ck.amount[open_now], minlength=n)
    still = open_now & ~blocked_mask
    exp_after = np.bincount(ck.codes[still], weights=ck.amount[still], minlength=n)
    in_win = (ck.inv > start) & (ck.inv <= day) & (ck.amount > 0)
    n_orders = np.bincount(ck.codes[in_win], minlength=n)
    n_blocked = np.bincount(ck.codes[blocked_mask], minlength=n)
    blocked_amt = np.bincount(ck.codes[blocked_mask], weights=ck.amount[blocked_mask],
                              minlength=n)

    if default_proba is not None:
        p = pd.Series(default_proba, dtype="float64")
        p.index = p.index.astype(str)
        proba = pd.Series(ids).map(p).to_numpy(dtype=float)
        rule = solvency_rule or SolvencyRule()
        proba = np.where(np.isnan(proba), float(rule.pd_by_band.get("unrated", 0.0)), proba)
    else:
        table = credit_table(ck, as_of, solvency_rule=solvency_rule)
        proba = pd.Series(ids).map(table.set_index("customer_id")["pd"]).to_numpy(dtype=float)
    lgd = float(scenario.lgd)
    per = pd.DataFrame({
        "customer_id": pd.array(ids, dtype="str"),
        "limit": limits.to_numpy(dtype=float),
        "n_orders": n_orders,
        "n_blocked": n_blocked,
        "blocked_amount": blocked_amt,
        "exposure_before": exp_before,
        "exposure_after": exp_after,
        "pd": proba,
        "expected_loss_before": exp_before * proba * lgd,
        "expected_loss_after": exp_after * proba * lgd,
    })
    per = per.sort_values(["blocked_amount", "exposure_before"], ascending=False,
                          kind="stable").reset_index(drop=True)

    cols = [c for c in ("invoice_id", "customer_id", "invoice_date", "due_date", "amount",
                        "paid_date") if c in ck.data.columns]
    blocked = ck.data.loc[blocked_mask, cols].copy()
    blocked["limit"] = blocked["customer_id"].map(limits).astype(float)
    blocked = blocked.sort_values(["invoice_date", "customer_id"], kind="stable")
    blocked = blocked.reset_index(drop=True)

    month = pd.Series(ck.data["invoice_date"].to_numpy()[in_win]).dt.to_period("M")
    monthly = pd.DataFrame({
        "month": month.to_numpy(),
        "accepted": np.where(blocked_mask[in_win], 0.0, ck.amount[in_win]),
        "blocked": np.where(blocked_mask[in_win], ck.amount[in_win], 0.0),
    }).groupby("month", sort=True).sum()
    months_index = pd.period_range(end=as_of.to_period("M"), periods=months + 1, freq="M")
    monthly = monthly.reindex(months_index, fill_value=0.0).rename_axis("month").reset_index()
    monthly["month"] = monthly["month"].dt.to_timestamp().astype("datetime64[ns]")
    monthly = monthly[(monthly["accepted"] + monthly["blocked"] > 0)
                      | (monthly["month"] > as_of - pd.DateOffset(months=months))]
    monthly = monthly.reset_index(drop=True)

    rev = float(ck.amount[in_win].sum())
    at_stake = float(blocked_amt.sum())
    ar_b, ar_a = float(exp_before.sum()), float(exp_after.sum())
    vat = 1.0 + float(scenario.vat_rate)
    at_stake_ht = at_stake / vat
    summary = {
        "name": scenario.name,
        "months": months,
        "n_orders": int(in_win.sum()),
        "n_blocked": int(blocked_mask.sum()),
        "customers_blocked": int((n_blocked > 0).sum()),
        "revenue_ttc_before": rev,
        "revenue_ttc_after": rev - at_stake,
        "revenue_at_stake": at_stake,
        "revenue_at_stake_ht": at_stake_ht,
        "margin_at_stake": (at_stake_ht * float(scenario.margin_rate)
                            if scenario.margin_rate is not None else float("nan")),
        "exposure_before": ar_b,
        "exposure_after": ar_a,
        "expected_loss_before": float(per["expected_loss_before"].sum()),
        "expected_loss_after": float(per["expected_loss_after"].sum()),
        "receivables_before": ar_b,
        "receivables_after": ar_a,
        "dso_before": _dso(ar_b, rev, months, scenario.year_days),
        "dso_after": _dso(ar_a, rev - at_stake, months, scenario.year_days),
    }
    summary["expected_loss_avoided"] = (summary["expected_loss_before"]
                                        - summary["expected_loss_after"])
    return CreditLimitResult(summary=summary, per_customer=per, blocked=blocked,
                             monthly=monthly)


def _replay(ck: CheckedReceivables, day: int, start: int, lim: np.ndarray) -> np.ndarray:
    """Boolean mask (over ck rows) of the orders blocked by the limits ``lim`` (per code)."""
    n_rows = len(ck.amount)
    blocked = np.zeros(n_rows, dtype=bool)
    if n_rows == 0 or np.isinf(lim).all():
        return blocked
    start_open = (ck.inv <= start) & (ck.paid > start)
    start_out = np.bincount(ck.codes[start_open], weights=ck.amount[start_open],
                            minlength=ck.n_customers)
    inv_ev = np.flatnonzero((ck.inv > start) & (ck.inv <= day) & (ck.amount > 0))
    pay_ev = np.flatnonzero((ck.paid > start) & (ck.paid <= day) & (ck.inv <= day))
    # event kinds: 0 = payment of an earlier invoice, 1 = order, 2 = same-day payment
    pay_kind = np.where(ck.paid[pay_ev] > ck.inv[pay_ev], 0, 2)
    idx = np.concatenate([inv_ev, pay_ev])
    kind = np.concatenate([np.ones(len(inv_ev), np.int64), pay_kind])
    evday = np.concatenate([ck.inv[inv_ev], ck.paid[pay_ev]])
    code = ck.codes[idx]
    signed = np.where(kind == 1, ck.amount[idx], -ck.amount[idx])
    order = np.lexsort((idx, kind, evday, code))
    idx, kind, code, signed = idx[order], kind[order], code[order], signed[order]
    # static running outstanding (no blocking): customers never over their limit need no
    # replay, since blocking can only lower the outstanding.
    cs = np.cumsum(signed)
    first = np.r_[True, code[1:] != code[:-1]] if len(code) else np.zeros(0, bool)
    base = np.maximum.accumulate(np.where(first, np.arange(len(code)), 0)) if len(code) else first
    running = cs - (cs[base] - signed[base]) + start_out[code]
    over = (kind == 1) & (running > lim[code] + 1e-9)
    for c in np.unique(code[over]):
        sel = np.flatnonzero(code == c)
        outstanding = float(start_out[c])
        limit = float(lim[c])
        gone: set[int] = set()
        for j in sel:
            i = int(idx[j])
            a = float(ck.amount[i])
            if kind[j] == 1:
                if outstanding + a > limit + 1e-9:
                    gone.add(i)
                else:
                    outstanding += a
            elif i not in gone:
                outstanding -= a
        blocked[list(gone)] = True
    return blocked


# --------------------------------------------------------------------------- what-if: terms

def simple_interest(capital: float, annual_rate: float, days: float,
                    year_days: int = 360) -> float:
    """Simple interest I = C x t x n / 360 (commercial year; 365 possible).

    >>> simple_interest(10_000, 0.06, 90)
    150.0
    """
    if year_days not in (360, 365):
        raise ValueError("a year counts 360 (commercial year) or 365 days")
    return float(capital) * float(annual_rate) * float(days) / year_days


@dataclass
class PaymentTermsScenario(PlainData):
    """A what-if on payment terms, early-payment discount and factoring (plain data).

    - ``terms_change_days``: new terms minus current terms (e.g. +15 when going from
      30 to 45 days); customers are assumed to shift their payments by as much.
    - ``discount_rate`` (escompte, e.g. 0.02) offered for payment at ``discount_days``
      days, taken by a share ``discount_uptake`` of the revenue.
    - ``financing_rate``: yearly rate of the short-term credit that finances the
      receivables (overdraft, découvert).
    - factoring (affacturage) of a share ``factoring_share`` of the revenue: a
      ``factoring_commission`` on the amounts factored, interest at ``factoring_rate``
      on the advance (amount minus the ``factoring_reserve`` held back).
    """

    name: str = "scenario"
    terms_change_days: float = 0.0
    discount_rate: float = 0.0
    discount_days: float = 10.0
    discount_uptake: float = 0.0
    financing_rate: float = 0.06
    factoring_share: float = 0.0
    factoring_commission: float = 0.01
    factoring_rate: float = 0.06
    factoring_reserve: float = 0.10
    year_days: int = 360
    kind: str = field(default="payment_terms", init=False)



def simulate_payment_terms(revenue_ttc: float, dso_days: float,
                           scenario: PaymentTermsScenario) -> dict:
    """Effect of new payment terms / an early-payment discount on DSO and its cost.

    With R the yearly revenue incl. tax, d0 the current DSO, u the discount uptake,
    D the discount payment day, e the discount rate, i the financing rate, Y = 360:

    - d_ref = d0 + terms_change_days (DSO with the new terms, no discount)
    - DSO after = (1 - u) x d_ref + u x D
    - working-capital need (receivables part of the BFR) = R x DSO / Y
    - financing cost = simple interest on it over a year = R x i x DSO / Y
    - discount cost = u x R x e
    - net gain = financing cost before - financing cost after - discount cost
    - break-even discount rate = i x (d_ref - D) / Y (the discount that costs what the
      shorter delay saves); the customer's implied yearly rate of taking it is
      e / (1 - e) x Y / (d_ref - D)
    - factoring (share s of R): cost = s R x commission + s R (1 - reserve) x rate x
      DSO after / Y, compared with financing the same receivables by bank credit,
      s R x i x DSO after / Y.

    Parameters
    ----------
    revenue_ttc : float
        Yearly revenue incl. tax (e.g. ``risk_kpis(...)["revenue_ttc"]``).
    dso_days : float
        Current DSO in days.
    scenario : PaymentTermsScenario

    Returns
    -------
    dict
        dso_before, dso_ref, dso_after, wcn_before, wcn_after, wcn_change,
        financing_cost_before, financing_cost_after, financing_saving, discount_cost,
        net_gain, break_even_discount_rate, customer_annual_rate, factored_revenue,
        factoring_cost, factoring_bank_cost, factoring_extra_cost,
        factoring_cost_rate, factoring_cash_advanced.

    Examples
    --------
    >>> s = PaymentTermsScenario(discount_rate=0.01, discount_days=0, discount_uptake=0.5,
    ...                          financing_rate=0.06)
    >>> out = simulate_payment_terms(360_000.0, 60.0, s)
    >>> out["dso_after"], out["financing_saving"], out["discount_cost"], out["net_gain"]
    (30.0, 1800.0, 1800.0, 0.0)
    >>> round(out["break_even_discount_rate"], 4)
    0.01
    """
    s = scenario
    r = float(revenue_ttc)
    d0 = float(dso_days)
    if not np.isfinite(r) or r < 0:
        raise ValueError("the yearly revenue must be a positive amount")
    if not np.isfinite(d0) or d0 < 0:
        raise ValueError("the current DSO must be a number of days (0 or more); "
                         "it needs receivables and revenue")
    for label, v in (("discount uptake", s.discount_uptake), ("factored share",
                     s.factoring_share), ("factoring reserve", s.factoring_reserve)):
        if not 0.0 <= float(v) <= 1.0:
            raise ValueError(f"the {label} must be between 0 and 1 (0 % to 100 %)")
    if not 0.0 <= float(s.discount_rate) < 1.0:
        raise ValueError("the discount rate must be between 0 and 1 (e.g. 0.02 for 2 %)")
    y = int(s.year_days)
    if y not in (360, 365):
        raise ValueError("a year counts 360 (commercial year) or 365 days")
    i = float(s.financing_rate)
    u = float(s.discount_uptake)
    e = float(s.discount_rate)
    big_d = float(s.discount_days)
    d_ref = max(d0 + float(s.terms_change_days), 0.0)
    d1 = (1.0 - u) * d_ref + u * min(big_d, d_ref) if u > 0 else d_ref
    wcn0, wcn1 = r * d0 / y, r * d1 / y
    fc0 = simple_interest(r, i, d0, y)
    fc1 = simple_interest(r, i, d1, y)
    disc = u * r * e
    gap = d_ref - big_d
    fr = float(s.factoring_share) * r
    f_interest = simple_interest(fr * (1.0 - float(s.factoring_reserve)),
                                 float(s.factoring_rate), d1, y)
    f_cost = fr * float(s.factoring_commission) + f_interest
    f_bank = simple_interest(fr, i, d1, y)
    return {
        "name": s.name,
        "revenue_ttc": r,
        "dso_before": d0,
        "dso_ref": d_ref,
        "dso_after": d1,
        "wcn_before": wcn0,
        "wcn_after": wcn1,
        "wcn_change": wcn1 - wcn0,
        "financing_cost_before": fc0,
        "financing_cost_after": fc1,
        "financing_saving": fc0 - fc1,
        "discount_cost": disc,
        "net_gain": fc0 - fc1 - disc,
        "break_even_discount_rate": i * gap / y if gap > 0 else float("nan"),
        "customer_annual_rate": (e / (1.0 - e) * y / gap) if gap > 0 and e > 0
        else float("nan"),
        "factored_revenue": fr,
        "factoring_cost": f_cost,
        "factoring_bank_cost": f_bank,
        "factoring_extra_cost": f_cost - f_bank,
        "factoring_cost_rate": f_cost / fr if fr > 0 else float("nan"),
        "factoring_cash_advanced": fr * (1.0 - float(s.factoring_reserve)) * d1 / y,
    }


# --------------------------------------------------------------------------- scenarios

def scenario_from_dict(data: Mapping):
    """Rebuild any saved scenario from its dict, dispatching on its ``kind``.

    >>> s = scenario_from_dict(CreditLimitScenario(name="tight", global_limit=5e3).to_dict())
    >>> type(s).__name__, s.global_limit
    ('CreditLimitScenario', 5000.0)
    """
    from core.pricing import PriceScenario  # local import: pricing does not need risk

    kinds = {"credit_limits": CreditLimitScenario, "payment_terms": PaymentTermsScenario,
             "price": PriceScenario}
    if not isinstance(data, Mapping) or data.get("kind") not in kinds:
        raise ValueError("this saved scenario has an unknown kind; expected one of "
                         + ", ".join(kinds))
    return kinds[data["kind"]].from_dict(data)
