"""Sales forecasts: least-squares linear trend x seasonal coefficients (DOMAIN.md 7).

The textbook multiplicative model (prévision des ventes, BTS NRC / MCO):

1. monthly revenue :math:`y_t`, :math:`t = 1..n` (calendar months, months without
   sales count as 0);
2. least-squares trend :math:`\\hat y_t = a t + b` with
   :math:`a = \\sum (t - \\bar t)(y_t - \\bar y) / \\sum (t - \\bar t)^2`,
   :math:`b = \\bar y - a \\bar t`, and the correlation coefficient
   :math:`r = a \\sqrt{\\sum (t - \\bar t)^2 / \\sum (y_t - \\bar y)^2}`;
3. seasonal coefficients by the **ratio to trend** method (default): ratios
   :math:`y_t / \\hat y_t`, averaged per calendar month, then normalised so that the 12
   coefficients average exactly 1. The alternative ``method="moving_average"`` takes
   the ratios to the centred 2x12 moving average instead of the trend;
4. forecast :math:`F_{n+h} = (a (n + h) + b) \\times s_{month(n+h)}`, floored at 0.

Accuracy is measured by a backtest: the last months are held out, the model is fitted
on the months before, and its MAPE is set next to the naive seasonal forecast (the
same month one year earlier).

Example
-------
>>> import pandas as pd
>>> months = pd.date_range("2022-01-01", periods=24, freq="MS")
>>> y = pd.Series([100.0 + 2 * t for t in range(24)], index=months)
>>> model = TrendSeasonal().fit(y)
>>> p = model.params_.loc["total"]
>>> round(float(p["slope"]), 6), round(float(p["intercept"]), 6), round(float(p["r"]), 6)
(2.0, 98.0, 1.0)
>>> model.predict(2)["total"].round(6).tolist()
[148.0, 150.0]
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

#: Seasonal-coefficient methods understood by :class:`TrendSeasonal`.
METHODS = ("ratio_to_trend", "moving_average")
#: Longest forecast horizon offered, in months.
MAX_HORIZON = 24
#: Months in a seasonal cycle (calendar months).
PERIOD = 12


# --------------------------------------------------------------------------- data
def last_complete_month(as_of) -> pd.Timestamp:
    """First day of the last calendar month that is complete on ``as_of``.

    A month is complete when ``as_of`` is on or after its last working day (Monday to
    Friday; public holidays are not known): B2B sales stop on Friday, so a month
    ending on a weekend is complete on its last Friday.

    Examples
    --------
    >>> last_complete_month("2024-06-15")
    Timestamp('2024-05-01 00:00:00')
    >>> last_complete_month("2024-06-28")  # June 29-30, 2024 is a weekend
    Timestamp('2024-06-01 00:00:00')
    """
    try:
        d = pd.Timestamp(as_of).normalize()
    except (TypeError, ValueError):
        raise ValueError(f"the reference date {as_of!r} is not a date") from None
    if pd.isna(d):
        raise ValueError("a reference date (as_of) is needed")
    month = d.to_period("M").to_timestamp()
    last_day = month + pd.offsets.MonthEnd(0)
    last_working_day = last_day - pd.Timedelta(days=max(0, last_day.day_of_week - 4))
    if d < last_working_day:
        month = month - pd.DateOffset(months=1)
    return pd.Timestamp(month)


def monthly_series(
    transactions: pd.DataFrame,
    as_of,
    value: str = "amount",
    by: str | None = None,
    customers: pd.DataFrame | None = None,
    months: int | None = None,
) -> pd.DataFrame:
    """Monthly totals of ``value``, in total or per group, up to the last complete
    month on ``as_of`` (DuckDB aggregation).

    Months run from the first month with a transaction (or the last ``months``
    complete months) to :func:`last_complete_month` (a month is complete on its last
    working day); months without sales are 0.
    Transactions after ``as_of`` are ignored. A group that is missing is labelled
    ``"(none)"``, so the columns always add up to the total.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (customer_id, date, amount...).
    as_of : date-like
        Reference date.
    value : str
        Numeric column to sum (amount, margin, quantity).
    by : str, optional
        Group column (customer_id, family, sales_rep, sector...). Customer
        attributes are taken from ``customers`` when not on the transactions.
    customers : DataFrame, optional
        Customers table, to group by one of its columns.
    months : int, optional
        Keep only the last ``months`` complete months.

    Returns
    -------
    DataFrame
        Index ``month`` (first day of each month), one column per group, or a single
        column ``total`` when ``by`` is None.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a"],
    ...     "date": pd.to_datetime(["2024-01-10", "2024-03-02", "2024-04-20"]),
    ...     "amount": [10.0, 5.0, 7.0]})
    >>> monthly_series(tx, "2024-04-15")["total"].tolist()
    [10.0, 0.0, 5.0]
    >>> monthly_series(tx, "2024-04-30", by="customer_id").sum().to_dict()
    {'a': 17.0, 'b': 5.0}
    """
    from core.structure import add_customer_attributes

    if not isinstance(transactions, pd.DataFrame):
        raise ValueError("transactions must be a table (DataFrame)")
    missing = [c for c in ("date", value) if c not in transactions.columns]
    if missing:
        raise ValueError(
            f"the transactions table has no column {', '.join(map(repr, missing))}; "
            "map it on import"
        )
    if not pd.api.types.is_numeric_dtype(transactions[value].dtype):
        raise ValueError(f"column {value!r} is not numeric; a forecast needs amounts")
    last = last_complete_month(as_of)
    end_excl = (last + pd.DateOffset(months=1)).to_pydatetime()
    tx = transactions
    if by is not None:
        tx = add_customer_attributes(tx, customers, [by])
    group = "'total'" if by is None else f'COALESCE(CAST("{by}" AS VARCHAR), \'(none)\')'
    con = duckdb.connect()
    try:
        con.register("t", tx)
        long = con.execute(
            f"""
            SELECT CAST(date_trunc('month', date) AS TIMESTAMP) AS month, {group} AS g,
                   COALESCE(SUM(CAST("{value}" AS DOUBLE)), 0) AS v
            FROM t WHERE date < ? AND date IS NOT NULL
            GROUP BY 1, 2
            """,
            [end_excl],
        ).df()
    finally:
        con.close()
    if months is not None:
        if int(months) < 1:
            raise ValueError("months must be at least 1")
        first = last - pd.DateOffset(months=int(months) - 1)
    elif len(long):
        first = pd.Timestamp(long["month"].min())
    else:
        first = last + pd.DateOffset(months=1)  # empty range
    index = pd.date_range(first, last, freq="MS", name="month")
    if by is None:
        cols = ["total"]
    else:
        cols = sorted(long["g"].unique().tolist())
    if long.empty:
        return pd.DataFrame(0.0, index=index, columns=pd.Index(cols, name=by))
    wide = long.pivot(index="month", columns="g", values="v")
    wide.index = pd.DatetimeIndex(wide.index).as_unit("ns")
    out = wide.reindex(index=index.as_unit("ns"), columns=cols).fillna(0.0).astype("float64")
    out.index.name = "month"
    out.columns.name = by
    return out


def _as_frame(series) -> pd.DataFrame:
    if isinstance(series, pd.Series):
        frame = series.to_frame(series.name if series.name is not None else "total")
    elif isinstance(series, pd.DataFrame):
        frame = series
    else:
        raise ValueError("give the monthly history as a Series or DataFrame indexed by month")
    if not isinstance(frame.index, pd.DatetimeIndex):
        raise ValueError("the monthly history must be indexed by month (dates)")
    if len(frame.index) > 1:
        expected = pd.date_range(frame.index[0], periods=len(frame.index), freq="MS")
        if not frame.index.equals(expected.as_unit(frame.index.unit)):
            raise ValueError(
                "the monthly history must have one row per calendar month, first day of "
                "the month, without gaps (use monthly_series)"
            )
    vals = frame.to_numpy(dtype="float64", na_value=np.nan)
    if np.isnan(vals).any() or np.isinf(vals).any():
        raise ValueError("the monthly history has missing or infinite values; fill them with 0")
    return frame


# --------------------------------------------------------------------------- model
def _fit_arrays(y: np.ndarray, month_of_year: np.ndarray, method: str, min_cycles: int):
    """Vectorised fit over the columns of ``y`` (n months x g groups)."""
    n, g = y.shape
    t = np.arange(1, n + 1, dtype="float64")
    tc = t - t.mean()
    sxx = float(tc @ tc)
    ymean = y.mean(axis=0)
    yc = y - ymean
    slope = (tc @ yc) / sxx
    intercept = ymean - slope * t.mean()
    syy = (yc * yc).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(syy > 0, slope * np.sqrt(sxx / np.where(syy > 0, syy, 1.0)), np.nan)
    r = np.clip(r, -1.0, 1.0)
    trend = intercept[None, :] + slope[None, :] * t[:, None]
    if method == "ratio_to_trend":
        base = trend
    else:
        # centred 2x12 moving average: (y[i-6]/2 + y[i-5] + ... + y[i+5] + y[i+6]/2) / 12
        base = np.full_like(y, np.nan)
        half = PERIOD // 2
        if n > 2 * half:
            csum = np.vstack([np.zeros((1, g)), np.cumsum(y, axis=0)])
            i = np.arange(half, n - half)
            inner = csum[i + half] - csum[i - half + 1]
            base[i] = (inner + 0.5 * (y[i - half] + y[i + half])) / PERIOD
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = np.where(base > 0, y / np.where(base > 0, base, 1.0), np.nan)
    raw = np.full((PERIOD, g), np.nan)
    counts = np.zeros((PERIOD, g), dtype=np.int64)
    for m in range(1, PERIOD + 1):
        rows = ratios[month_of_year == m]
        ok = ~np.isnan(rows)
        counts[m - 1] = ok.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            raw[m - 1] = np.where(counts[m - 1] > 0, np.nansum(rows, axis=0) / counts[m - 1],
                                  np.nan)
    mean_raw = raw.mean(axis=0)  # NaN if a month is missing
    seasonal = (n >= min_cycles * PERIOD) & (counts.min(axis=0) > 0) & (mean_raw > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        coefs = np.where(seasonal[None, :], raw / np.where(seasonal, mean_raw, 1.0)[None, :],
                         1.0)
    return slope, intercept, r, coefs, seasonal, trend


class TrendSeasonal:
    """Least-squares linear trend x normalised seasonal coefficients.

    The method of the module docstring. ``method="ratio_to_trend"`` (default) takes
    the seasonal ratios :math:`y_t / \\hat y_t` to the least-squares trend;
    ``method="moving_average"`` takes :math:`y_t / MM_t`, the centred 2x12 moving
    average. Either way the raw coefficient of a calendar month is the mean of its
    ratios and the 12 coefficients are divided by their mean (they average 1).

    Rules: seasonal coefficients are estimated only with at least ``min_cycles``
    full years of history and a ratio for every calendar month; otherwise they are
    all 1 and ``params_["seasonal"]`` is False. Ratios are taken only where the trend
    (or moving average) is positive. A forecast that would be negative (a falling
    trend crossing zero) is floored at 0. ``r`` is NaN for a constant series.

    Parameters
    ----------
    method : {"ratio_to_trend", "moving_average"}
    min_cycles : int
        Minimum number of full years to estimate seasonality (default 2).

    Attributes
    ----------
    params_ : DataFrame
        Per group (column of the history): slope, intercept, r, seasonal, n_months.
    coefficients_ : DataFrame
        Calendar month 1..12 x group.
    fitted_ : DataFrame
        In-sample trend x coefficient.
    trend_ : DataFrame
        In-sample trend :math:`a t + b`.
    history_ : DataFrame
        The history the model was fitted on.

    Examples
    --------
    >>> months = pd.date_range("2022-01-01", periods=24, freq="MS")
    >>> y = pd.Series([120.0 if m.month == 12 else 90.0 for m in months], index=months)
    >>> model = TrendSeasonal().fit(y)
    >>> model.coefficients_["total"].round(3).loc[[1, 12]].tolist()
    [0.99, 1.276]
    >>> round(float(model.coefficients_["total"].mean()), 9)
    1.0
    """

    def __init__(self, method: str = "ratio_to_trend", min_cycles: int = 2):
        self.method = method
        self.min_cycles = min_cycles

    def fit(self, history) -> TrendSeasonal:
        """Fit on a monthly history (Series, or DataFrame with one column per group)."""
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}")
        if int(self.min_cycles) < 1:
            raise ValueError("min_cycles must be at least 1 year")
        frame = _as_frame(history)
        n = len(frame)
        if n < 2:
            raise ValueError(
                f"a trend needs at least 2 complete months of history; there are {n}"
            )
        y = frame.to_numpy(dtype="float64")
        moy = frame.index.month.to_numpy()
        slope, intercept, r, coefs, seasonal, trend = _fit_arrays(
            y, moy, self.method, int(self.min_cycles)
        )
        cols = frame.columns
        self.history_ = frame
        self.params_ = pd.DataFrame(
            {"slope": slope, "intercept": intercept, "r": r, "seasonal": seasonal,
             "n_months": n},
            index=cols,
        )
        self.coefficients_ = pd.DataFrame(
            coefs, index=pd.RangeIndex(1, PERIOD + 1, name="month_of_year"), columns=cols
        )
        self.trend_ = pd.DataFrame(trend, index=frame.index, columns=cols)
        self.fitted_ = pd.DataFrame(
            np.maximum(trend * coefs[moy - 1], 0.0), index=frame.index, columns=cols
        )
        return self

    def _check_fitted(self):
        if not hasattr(self, "params_"):
            raise ValueError("fit the model on a history before forecasting")

    def predict(self, horizon: int = 12) -> pd.DataFrame:
        """Forecast the ``horizon`` months after the history.

        Returns
        -------
        DataFrame
            Index ``month`` (the next months), one column per group.
        """
        self._check_fitted()
        h = _check_horizon(horizon)
        n = len(self.history_)
        months = pd.date_range(
            self.history_.index[-1] + pd.DateOffset(months=1), periods=h, freq="MS",
            name="month",
        )
        t = np.arange(n + 1, n + h + 1, dtype="float64")
        trend = self.params_["intercept"].to_numpy()[None, :] + (
            self.params_["slope"].to_numpy()[None, :] * t[:, None]
        )
        coefs = self.coefficients_.to_numpy()[months.month.to_numpy() - 1]
        return pd.DataFrame(
            np.maximum(trend * coefs, 0.0), index=months, columns=self.history_.columns
        )

    def components(self, horizon: int = 12) -> pd.DataFrame:
        """Long table for charts and exports: month, group, actual, trend, coefficient,
        fitted/forecast value, and ``kind`` ("history" or "forecast")."""
        self._check_fitted()
        h = _check_horizon(horizon)
        fc = self.predict(h)
        n = len(self.history_)
        t_future = np.arange(n + 1, n + h + 1, dtype="float64")
        trend_future = pd.DataFrame(
            self.params_["intercept"].to_numpy()[None, :]
            + self.params_["slope"].to_numpy()[None, :] * t_future[:, None],
            index=fc.index, columns=fc.columns,
        )
        parts = []
        for kind, actual, trend, model in (
            ("history", self.history_, self.trend_, self.fitted_),
            ("forecast", None, trend_future, fc),
        ):
            long = model.stack().rename("model").to_frame()
            long["trend"] = trend.stack().to_numpy()
            long["actual"] = actual.stack().to_numpy() if actual is not None else np.nan
            long["kind"] = kind
            parts.append(long)
        out = pd.concat(parts).reset_index()
        out.columns = ["month", "group", *out.columns[2:]]
        moy = pd.DatetimeIndex(out["month"]).month.to_numpy()
        coef = self.coefficients_.to_numpy()
        col_pos = pd.Index(self.history_.columns).get_indexer(out["group"])
        out["coefficient"] = coef[moy - 1, col_pos]
        return out[["month", "group", "kind", "actual", "trend", "coefficient", "model"]]


def _check_horizon(horizon) -> int:
    try:
        h = int(horizon)
    except (TypeError, ValueError):
        raise ValueError("the horizon is a number of months, e.g. 12") from None
    if not 1 <= h <= MAX_HORIZON:
        raise ValueError(f"the horizon must be between 1 and {MAX_HORIZON} months")
    return h


# --------------------------------------------------------------------------- accuracy
def naive_seasonal(history, horizon: int = 12) -> pd.DataFrame:
    """Naive seasonal forecast: each future month repeats the same month one year
    earlier (the last value when the history is shorter than a year).

    Examples
    --------
    >>> months = pd.date_range("2023-01-01", periods=12, freq="MS")
    >>> y = pd.Series(range(1, 13), index=months, dtype="float64")
    >>> naive_seasonal(y, 3)["total"].tolist()
    [1.0, 2.0, 3.0]
    """
    frame = _as_frame(history)
    h = _check_horizon(horizon)
    n = len(frame)
    if n == 0:
        raise ValueError("a forecast needs at least one month of history")
    y = frame.to_numpy(dtype="float64")
    steps = np.arange(1, h + 1)
    src = n + steps - PERIOD * np.ceil(steps / PERIOD).astype(int)  # 1-based
    src = np.where(src >= 1, src, n)
    months = pd.date_range(frame.index[-1] + pd.DateOffset(months=1), periods=h, freq="MS",
                           name="month")
    return pd.DataFrame(y[src - 1], index=months, columns=frame.columns)


def mape(actual, forecast) -> float:
    """Mean absolute percentage error :math:`\\frac{1}{m}\\sum |a_t - f_t| / |a_t|`
    over the months with a non-zero actual (a fraction: 0.12 = 12 %).

    NaN when every actual is 0.

    Examples
    --------
    >>> mape([100, 200, 0], [110, 180, 5])
    0.1
    """
    a = np.asarray(actual, dtype="float64")
    f = np.asarray(forecast, dtype="float64")
    ok = a != 0
    if not ok.any():
        return float("nan")
    return float(np.mean(np.abs(a[ok] - f[ok]) / np.abs(a[ok])))


def wape(actual, forecast) -> float:
    """Weighted absolute percentage error :math:`\\sum |a_t - f_t| / \\sum |a_t|`.

    Robust to months with small actuals; NaN when every actual is 0.

    Examples
    --------
    >>> wape([100, 200, 0], [110, 180, 5])
    0.11666666666666667
    """
    a = np.asarray(actual, dtype="float64")
    f = np.asarray(forecast, dtype="float64")
    den = np.abs(a).sum()
    return float(np.abs(a - f).sum() / den) if den > 0 else float("nan")


@dataclass
class Backtest:
    """Result of :func:`backtest`."""

    detail: pd.DataFrame  # month, group, actual, forecast, naive
    scores: pd.DataFrame  # per group: mape, mape_naive, wape, wape_naive, n_months


def backtest(history, holdout: int = 6, method: str = "ratio_to_trend",
             min_cycles: int = 2) -> Backtest:
    """Hold out the last ``holdout`` months, fit on the months before, compare.

    The trend x seasonal forecast and the naive seasonal forecast (same month one
    year earlier, from the training months only) are both scored on the held-out
    months with :func:`mape` and :func:`wape`. A row ``total`` scores the sum over
    groups when there are several (unless the history already has a ``total``
    column, which is then scored as it is and not added to the sum).

    Raises
    ------
    ValueError
        When fewer than 2 months would remain to fit the trend.

    Examples
    --------
    >>> months = pd.date_range("2021-01-01", periods=36, freq="MS")
    >>> y = pd.Series([100.0 + t + (30 if m.month == 12 else 0)
    ...                for t, m in enumerate(months)], index=months)
    >>> bt = backtest(y, holdout=6)
    >>> bool(bt.scores.loc["total", "mape"] < bt.scores.loc["total", "mape_naive"])
    True
    """
    frame = _as_frame(history)
    h = _check_horizon(holdout)
    n = len(frame)
    if n - h < 2:
        raise ValueError(
            f"a backtest over {h} months needs at least {h + 2} months of history; "
            f"there are {n}"
        )
    train, test = frame.iloc[: n - h], frame.iloc[n - h :]
    model = TrendSeasonal(method=method, min_cycles=min_cycles).fit(train)
    fc = model.predict(h)
    nv = naive_seasonal(train, h)
    fc.index = test.index
    nv.index = test.index
    if frame.shape[1] > 1 and "total" not in frame.columns:
        test = test.assign(total=test.sum(axis=1))
        fc = fc.assign(total=fc.sum(axis=1))
        nv = nv.assign(total=nv.sum(axis=1))
    detail = pd.DataFrame(
        {
            "actual": test.stack(),
            "forecast": fc.stack(),
            "naive": nv.stack(),
        }
    ).reset_index()
    detail.columns = ["month", "group", "actual", "forecast", "naive"]
    rows = {}
    for col in test.columns:
        a, f, v = test[col].to_numpy(), fc[col].to_numpy(), nv[col].to_numpy()
        rows[col] = {"mape": mape(a, f), "mape_naive": mape(a, v), "wape": wape(a, f),
                     "wape_naive": wape(a, v), "n_months": h}
    scores = pd.DataFrame.from_dict(rows, orient="index")
    scores.index.name = "group"
    return Backtest(detail=detail, scores=scores)


def compare_aggregation(history, horizon: int = 12, method: str = "ratio_to_trend",
                        min_cycles: int = 2) -> pd.DataFrame:
    """Sum of the individual (per group) forecasts against the forecast of the total.

    Both use the same model; they differ because seasonal coefficients and the
    floor at 0 are applied group by group (below, group b's falling trend is floored
    at 0 in the second month, so the groups add up to more than the global forecast). ``gap = sum_of_groups - global`` and
    ``gap_share = gap / global`` (NaN when the global forecast is 0).

    Examples
    --------
    >>> months = pd.date_range("2023-01-01", periods=12, freq="MS")
    >>> h = pd.DataFrame({"a": range(12), "b": range(12, 0, -1)}, index=months, dtype=float)
    >>> compare_aggregation(h, 2)[["sum_of_groups", "global"]].round(6).to_numpy().tolist()
    [[12.0, 12.0], [13.0, 12.0]]
    """
    frame = _as_frame(history)
    groups = TrendSeasonal(method, min_cycles).fit(frame).predict(horizon)
    total = TrendSeasonal(method, min_cycles).fit(frame.sum(axis=1).rename("total"))
    out = pd.DataFrame({"sum_of_groups": groups.sum(axis=1), "global": total.predict(horizon)
                        ["total"]})
    out["gap"] = out["sum_of_groups"] - out["global"]
    with np.errstate(invalid="ignore", divide="ignore"):
        out["gap_share"] = out["gap"] / out["global"].where(out["global"] != 0)
    return out
