"""The per-customer table and the portfolio's headline figures, computed with DuckDB.

Conventions used by every page:
- only lines dated on or before the reference date ``as_of`` count;
- "the last 12 months" is the window ``(as_of - 12 months, as_of]``, "the 12 months
  before" is ``(as_of - 24 months, as_of - 12 months]``;
- a purchase (order) is an invoice whose net amount is positive; lines with a negative
  amount are credit notes (avoirs): they reduce revenue and margin but are not orders;
- without an ``invoice_id`` column, one order is one customer on one day.

Example
-------
>>> import pandas as pd
>>> tx = pd.DataFrame({
...     "invoice_id": ["F1", "F1", "F2", "F3"],
...     "customer_id": ["C1", "C1", "C1", "C2"],
...     "date": pd.to_datetime(["2024-01-10", "2024-01-10", "2024-06-01", "2024-03-01"]),
...     "amount": [100.0, 50.0, 200.0, 80.0]})
>>> f = customer_features(tx, as_of="2024-06-30")
>>> f[["customer_id", "frequency", "monetary", "recency_days", "avg_basket"]]
  customer_id  frequency  monetary  recency_days  avg_basket
0          C1          2     350.0            29       175.0
1          C2          1      80.0           121        80.0
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

FEATURE_COLUMNS = (
    "customer_id", "first_purchase", "last_purchase", "recency_days", "frequency",
    "monetary", "margin", "avg_basket", "n_families", "revenue_12m", "revenue_prev_12m",
    "margin_12m", "margin_prev_12m", "orders_12m",
)


def to_timestamp(as_of) -> pd.Timestamp:
    """The reference date as a normalised Timestamp; ValueError with a sentence if invalid.

    >>> to_timestamp("2024-06-30")
    Timestamp('2024-06-30 00:00:00')
    """
    try:
        ts = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        raise ValueError(f"the reference date '{as_of}' is not a date") from None
    if pd.isna(ts):
        raise ValueError("a reference date is needed")
    return ts.normalize()


def check_transactions(transactions: pd.DataFrame, *columns: str) -> None:
    """ValueError naming the missing columns of the transactions table."""
    if transactions is None:
        raise ValueError("the portfolio has no sales lines (transactions table)")
    missing = [c for c in ("customer_id", "date", "amount", *columns)
               if c not in transactions.columns]
    if missing:
        raise ValueError("the sales lines lack the column(s) " + ", ".join(
            f"'{c}'" for c in missing) + "; map them on the Data page")


def register_lines(con: duckdb.DuckDBPyConnection, transactions: pd.DataFrame, as_of) -> str:
    """Register the sales lines up to ``as_of`` on ``con`` as view ``tx``.

    The view has customer_id, date (DATE), amount, margin (0 when absent), family and
    ``order_key`` (the invoice, or customer + day without invoice_id), so every module
    counts orders the same way. Returns the view name.
    """
    cols = ["customer_id", "date", "amount"]
    for c in ("invoice_id", "margin", "family"):
        if c in transactions.columns:
            cols.append(c)
    con.register("_raw", transactions[cols])
    by_day = "customer_id || '-' || strftime(date, '%Y-%m-%d')"
    if "invoice_id" not in cols:
        order_key = by_day
    elif transactions["invoice_id"].isna().any():
        order_key = f"coalesce(invoice_id, {by_day})"
    else:
        order_key = "invoice_id"
    margin = "coalesce(margin, 0.0)" if "margin" in cols else "0.0"
    family = "family" if "family" in cols else "NULL::VARCHAR"
    con.execute(
        f"""CREATE TEMP VIEW tx AS
            SELECT customer_id, date::DATE AS date, amount, {margin} AS margin,
                   {family} AS family, {order_key} AS order_key
            FROM _raw WHERE date <= DATE '{as_of:%Y-%m-%d}' AND customer_id IS NOT NULL
                  AND date IS NOT NULL"""
    )
    return "tx"


def _family_bits(con, transactions: pd.DataFrame) -> str | None:
    """SQL giving each line its family as one bit (for a fast distinct count), or None.

    Counting distinct families per customer with ``count(DISTINCT family)`` is the
    slowest part of the customer table at 10^7 lines; with at most 63 families a bit OR
    per order, then per customer, gives the same count for a third of the cost.
    """
    if "family" not in transactions.columns:
        return "0::UBIGINT"
    names = [r[0] for r in con.execute(
        "SELECT DISTINCT family FROM tx WHERE family IS NOT NULL").fetchall()]
    if len(names) > 63:
        return None
    cases = " ".join(f"WHEN '{_sql_text(f)}' THEN {1 << i}::UBIGINT" for i, f in enumerate(names))
    return f"CASE family {cases} ELSE 0::UBIGINT END" if names else "0::UBIGINT"


def _sql_text(text: str) -> str:
    return str(text).replace("'", "''")


def customer_features(transactions: pd.DataFrame, as_of, customers: pd.DataFrame | None = None
                      ) -> pd.DataFrame:
    """One row per customer, from the sales lines, at the reference date.

    Columns: customer_id, first_purchase, last_purchase (dates of the first and last
    order), recency_days (as_of - last_purchase, in days), frequency (number of distinct
    orders to date), monetary (net revenue to date, credit notes deducted), margin,
    avg_basket (monetary / frequency), n_families (distinct product families bought),
    revenue_12m, revenue_prev_12m, margin_12m, margin_prev_12m, orders_12m.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines (customer_id, date, amount; optional invoice_id, margin,
        family).
    as_of : date-like
        Reference date; later lines are ignored.
    customers : DataFrame, optional
        When given, customers and prospects without any purchase are kept with zeros
        (and missing dates / recency).

    Returns
    -------
    DataFrame
        Sorted by customer_id, index 0..n-1.

    Raises
    ------
    ValueError
        Missing columns or an invalid reference date.
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 2")
        register_lines(con, transactions, as_of)
        d = as_of.date()
        families = _family_bits(con, transactions)
        if families is None:  # more than 63 families: exact but slower distinct count
            fam_order = "0::UBIGINT"
            fam_join = ("LEFT JOIN (SELECT customer_id, count(DISTINCT family) AS n_families "
                        "FROM tx WHERE amount > 0 GROUP BY customer_id) fam USING (customer_id)")
            fam_select = "coalesce(fam.n_families, 0) AS n_families"
        else:
            fam_order = f"bit_or(CASE WHEN amount > 0 THEN {families} ELSE 0::UBIGINT END)"
            fam_join, fam_select = "", "n_families"
        # Stage 1: one row per (customer, order); stage 2: one row per customer.
        frame = con.sql(
            f"""
            WITH o AS (
                SELECT customer_id, order_key, min(date) AS date, sum(amount) AS amount,
                       sum(margin) AS margin, {fam_order} AS fam
                FROM tx GROUP BY customer_id, order_key
            ), c AS (
                SELECT customer_id,
                    min(date) FILTER (WHERE amount > 0) AS first_purchase,
                    max(date) FILTER (WHERE amount > 0) AS last_purchase,
                    count(*) FILTER (WHERE amount > 0) AS frequency,
                    sum(amount) AS monetary,
                    sum(margin) AS margin,
                    coalesce(sum(amount) FILTER (WHERE date > ?::DATE - INTERVAL 12 MONTH), 0)
                        AS revenue_12m,
                    coalesce(sum(amount) FILTER (WHERE date > ?::DATE - INTERVAL 24 MONTH
                        AND date <= ?::DATE - INTERVAL 12 MONTH), 0) AS revenue_prev_12m,
                    coalesce(sum(margin) FILTER (WHERE date > ?::DATE - INTERVAL 12 MONTH), 0)
                        AS margin_12m,
                    coalesce(sum(margin) FILTER (WHERE date > ?::DATE - INTERVAL 24 MONTH
                        AND date <= ?::DATE - INTERVAL 12 MONTH), 0) AS margin_prev_12m,
                    count(*) FILTER (WHERE amount > 0 AND date > ?::DATE - INTERVAL 12 MONTH)
                        AS orders_12m,
                    bit_count(bit_or(fam)) AS n_families
                FROM o GROUP BY customer_id
            )
            SELECT c.* EXCLUDE (n_families), {fam_select}
            FROM c {fam_join}
            ORDER BY customer_id
            """,
            params=[d, d, d, d, d, d, d],
        ).to_arrow_table().to_pandas()
    finally:
        con.close()
    if customers is not None and "customer_id" in customers.columns:
        known = pd.DataFrame({"customer_id": customers["customer_id"].dropna().unique()})
        frame = known.merge(frame, on="customer_id", how="outer")
        return _finish(frame, as_of, added_rows=True)
    return _finish(frame, as_of)


def _finish(frame: pd.DataFrame, as_of: pd.Timestamp, added_rows: bool = False
            ) -> pd.DataFrame:
    for c in ("first_purchase", "last_purchase"):
        frame[c] = pd.to_datetime(frame[c]).astype("datetime64[ns]")
    for c in ("frequency", "orders_12m", "n_families"):
        frame[c] = frame[c].fillna(0).astype("int64")
    for c in ("monetary", "margin", "revenue_12m", "revenue_prev_12m", "margin_12m",
              "margin_prev_12m"):
        frame[c] = frame[c].fillna(0.0).astype("float64")
    frame["recency_days"] = (as_of - frame["last_purchase"]).dt.days.astype("Float64")
    frame["recency_days"] = frame["recency_days"].astype("float64")
    if frame["recency_days"].notna().all():
        frame["recency_days"] = frame["recency_days"].astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["avg_basket"] = np.where(frame["frequency"] > 0,
                                       frame["monetary"] / frame["frequency"].clip(lower=1),
                                       0.0)
    frame["customer_id"] = frame["customer_id"].astype("str")
    if added_rows:
        frame = frame.sort_values("customer_id", kind="stable")
    frame = frame.reset_index(drop=True)
    return frame[list(FEATURE_COLUMNS)]


def orders(transactions: pd.DataFrame, as_of) -> pd.DataFrame:
    """One row per order up to ``as_of``: customer_id, order_key, date, amount, margin.

    An order's date is its first line's date; its amount and margin are net of credit
    lines on the same document. Orders with a negative amount are credit notes.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_id": ["F1", "F1", "AV1"], "customer_id": ["C1"] * 3,
    ...     "date": pd.to_datetime(["2024-01-10", "2024-01-10", "2024-02-01"]),
    ...     "amount": [10.0, 5.0, -3.0]})
    >>> orders(tx, "2024-12-31")[["order_key", "amount"]].to_dict("list")
    {'order_key': ['AV1', 'F1'], 'amount': [-3.0, 15.0]}
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    con = duckdb.connect()
    try:
        register_lines(con, transactions, as_of)
        frame = con.sql(
            """SELECT customer_id, order_key, min(date) AS date, sum(amount) AS amount,
                      sum(margin) AS margin
               FROM tx GROUP BY customer_id, order_key ORDER BY customer_id, order_key"""
        ).to_arrow_table().to_pandas()
    finally:
        con.close()
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    for c in ("customer_id", "order_key"):
        frame[c] = frame[c].astype("str")
    return frame


def _window_totals(transactions: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    con = duckdb.connect()
    try:
        register_lines(con, transactions, as_of)
        d = as_of.date()
        row = con.execute(
            """
            WITH o AS (
                SELECT customer_id, order_key, min(date) AS date, sum(amount) AS amount,
                       sum(margin) AS margin,
                       CASE WHEN min(date) > ?::DATE - INTERVAL 12 MONTH THEN 'cur'
                            WHEN min(date) > ?::DATE - INTERVAL 24 MONTH THEN 'prev' END AS w
                FROM tx GROUP BY customer_id, order_key
            )
            SELECT
              count(DISTINCT customer_id) FILTER (WHERE w = 'cur' AND amount > 0),
              count(DISTINCT customer_id) FILTER (WHERE w = 'prev' AND amount > 0),
              coalesce(sum(amount) FILTER (WHERE w = 'cur'), 0),
              coalesce(sum(amount) FILTER (WHERE w = 'prev'), 0),
              coalesce(sum(margin) FILTER (WHERE w = 'cur'), 0),
              coalesce(sum(margin) FILTER (WHERE w = 'prev'), 0),
              count(*) FILTER (WHERE w = 'cur' AND amount > 0),
              count(*) FILTER (WHERE w = 'prev' AND amount > 0),
              coalesce(sum(amount) FILTER (WHERE w = 'cur' AND amount > 0), 0),
              coalesce(sum(amount) FILTER (WHERE w = 'prev' AND amount > 0), 0),
              count(*) FILTER (WHERE w = 'cur' AND amount < 0),
              coalesce(sum(amount) FILTER (WHERE w = 'cur' AND amount < 0), 0),
              count(DISTINCT customer_id) FILTER (WHERE amount > 0)
            FROM o
            """,
            [d, d],
        ).fetchall()[0]
    finally:
        con.close()
    keys = ("active_customers", "active_customers_prev", "revenue_12m", "revenue_prev_12m",
            "margin_12m", "margin_prev_12m", "orders_12m", "orders_prev_12m",
            "gross_orders_12m", "gross_orders_prev_12m", "credit_notes_12m",
            "credit_notes_amount_12m", "buyers_to_date")
    return dict(zip(keys, row))


def portfolio_kpis(transactions: pd.DataFrame, as_of, customers: pd.DataFrame | None = None
                   ) -> dict:
    """Headline figures of the portfolio at ``as_of``, with the 12 months before.

    Returns a dict: n_customers (customers with at least one purchase to date, plus
    customers of the customers table whose status is "customer"), n_prospects (rows of
    the customers table without any purchase), active_customers(_prev) (customers with
    an order in the last 12 months / the 12 before), revenue_12m, revenue_prev_12m,
    margin_12m, margin_prev_12m, margin_rate_12m and margin_rate_prev_12m (margin /
    revenue, NaN without revenue), orders_12m, orders_prev_12m, avg_basket_12m and
    avg_basket_prev_12m (gross order value / orders, credit notes excluded),
    credit_notes_12m (count of credit-note documents) and credit_notes_amount_12m
    (their total, negative).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["C1", "C2", "C2"],
    ...     "date": pd.to_datetime(["2023-03-01", "2024-02-01", "2024-03-01"]),
    ...     "amount": [100.0, 300.0, -50.0], "margin": [30.0, 90.0, -15.0]})
    >>> k = portfolio_kpis(tx, "2024-06-30")
    >>> k["active_customers"], k["revenue_12m"], k["credit_notes_12m"], k["revenue_prev_12m"]
    (1, 250.0, 1, 100.0)
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    w = _window_totals(transactions, as_of)

    def ratio(a, b):
        return float(a) / float(b) if b else float("nan")

    buyers = int(w.pop("buyers_to_date") or 0)
    n_prospects = 0
    n_customers = buyers
    if customers is not None and "customer_id" in customers.columns:
        bought = set(transactions.loc[
            (transactions["date"] <= as_of) & (transactions["amount"] > 0), "customer_id"])
        ids = customers["customer_id"].dropna()
        no_purchase = ~ids.isin(bought)
        n_prospects = int(no_purchase.sum())
        if "status" in customers.columns:
            status = customers.loc[ids.index, "status"].astype("str").str.lower()
            listed_customers = no_purchase & status.isin(["customer", "client"])
            n_prospects -= int(listed_customers.sum())
            n_customers += int(listed_customers.sum())
    out = {k: (float(v) if isinstance(v, float) else int(v or 0)) for k, v in w.items()}
    for k in ("revenue_12m", "revenue_prev_12m", "margin_12m", "margin_prev_12m",
              "credit_notes_amount_12m"):
        out[k] = float(w[k] or 0.0)
    out.update(
        n_customers=n_customers,
        n_prospects=n_prospects,
        margin_rate_12m=ratio(out["margin_12m"], out["revenue_12m"]),
        margin_rate_prev_12m=ratio(out["margin_prev_12m"], out["revenue_prev_12m"]),
        avg_basket_12m=ratio(w["gross_orders_12m"], out["orders_12m"]),
        avg_basket_prev_12m=ratio(w["gross_orders_prev_12m"], out["orders_prev_12m"]),
    )
    out.pop("gross_orders_12m")
    out.pop("gross_orders_prev_12m")
    return out


def monthly_sales(transactions: pd.DataFrame, as_of, months: int = 36) -> pd.DataFrame:
    """Revenue, margin and orders per calendar month, the ``months`` months up to as_of.

    Months without sales appear with zeros. ``month`` is the first day of the month.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["C1", "C1"],
    ...     "date": pd.to_datetime(["2024-01-10", "2024-03-05"]), "amount": [10.0, 20.0]})
    >>> monthly_sales(tx, "2024-03-31", months=3)["revenue"].tolist()
    [10.0, 0.0, 20.0]
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions)
    if months < 1:
        raise ValueError("months must be at least 1")
    con = duckdb.connect()
    try:
        register_lines(con, transactions, as_of)
        got = con.sql(
            """WITH o AS (SELECT order_key, min(date) AS date, sum(amount) AS amount,
                          sum(margin) AS margin FROM tx GROUP BY customer_id, order_key)
               SELECT date_trunc('month', date) AS month, sum(amount) AS revenue,
                      sum(margin) AS margin, count(*) FILTER (WHERE amount > 0) AS orders
               FROM o GROUP BY 1""",
        ).to_arrow_table().to_pandas()
    finally:
        con.close()
    end = as_of.to_period("M")
    periods = pd.period_range(end=end, periods=months, freq="M")
    frame = pd.DataFrame({"month": periods.to_timestamp().astype("datetime64[ns]")})
    got["month"] = pd.to_datetime(got["month"]).astype("datetime64[ns]")
    frame = frame.merge(got, on="month", how="left")
    frame[["revenue", "margin"]] = frame[["revenue", "margin"]].fillna(0.0).astype("float64")
    frame["orders"] = frame["orders"].fillna(0).astype("int64")
    return frame


def top_customers(features: pd.DataFrame, n: int = 10, by: str = "revenue_12m",
                  customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``n`` customers with the largest ``by``, with their share of the total.

    Columns: customer_id, name (when ``customers`` has it), revenue_12m, margin_12m,
    share (of the total of ``by`` over all customers, 0..1), orders_12m.

    >>> import pandas as pd
    >>> f = pd.DataFrame({"customer_id": ["A", "B", "C"], "revenue_12m": [50.0, 30.0, 20.0],
    ...                   "margin_12m": [5.0, 3.0, 2.0], "orders_12m": [1, 1, 1]})
    >>> top_customers(f, n=2)["share"].tolist()
    [0.5, 0.3]
    """
    if by not in features.columns:
        raise ValueError(f"the customer table has no column '{by}'")
    total = features[by].sum()
    top = features.nlargest(n, by).copy()
    top["share"] = top[by] / total if total else np.nan
    cols = ["customer_id", "revenue_12m", "margin_12m", "share", "orders_12m"]
    top = top[[c for c in cols if c in top.columns]]
    if customers is not None and "name" in customers.columns:
        names = customers.drop_duplicates("customer_id").set_index("customer_id")["name"]
        top.insert(1, "name", top["customer_id"].map(names))
    return top.reset_index(drop=True)
