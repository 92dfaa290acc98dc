"""Embedded store of saved portfolios: one DuckDB file, one schema per portfolio.

A save writes the new tables into a fresh schema and, in the same transaction, points
the catalogue at it and drops the old one: a failed import or save leaves the saved
portfolio exactly as it was. ``query`` runs user SQL on a separate in-memory DuckDB
connection holding a copy of one portfolio's tables, with external access disabled and
its configuration locked: it cannot write to the store nor read files on the server.

Example
-------
>>> import pandas as pd, tempfile, os
>>> from core.schema import Portfolio
>>> path = os.path.join(tempfile.mkdtemp(), "s.duckdb")
>>> store = PortfolioStore(path)
>>> tx = pd.DataFrame({"invoice_id": ["F1"], "customer_id": ["C1"],
...                    "date": pd.to_datetime(["2024-01-05"]), "amount": [100.0]})
>>> store.save("test", Portfolio(transactions=tx))
>>> store.list()["name"].tolist()
['test']
>>> store.query("SELECT sum(amount) AS ca FROM transactions", "test")["ca"].iloc[0]
np.float64(100.0)
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from pathlib import Path

import duckdb
import pandas as pd

from core.schema import COLUMNS, TABLES, Portfolio, check_kind, coerce_types

DEMO_NAME = "demo"
_CATALOG = "_portfolios"
_SCENARIOS = "_scenarios"


def default_path() -> Path:
    """Store file: $CAPITAL_CLIENT_DB, else the user's data directory."""
    env = os.environ.get("CAPITAL_CLIENT_DB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "capital-client" / "portfolios.duckdb"


class QueryError(ValueError):
    """A user query that was refused or failed; the message is meant for the user."""


class PortfolioStore:
    """Saved portfolios in one DuckDB file.

    Parameters
    ----------
    path : str or Path, optional
        The DuckDB file (created with its folder if missing). Default: ``default_path()``.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(str(self.path))
        self._lock = threading.RLock()
        with self._lock:
            self._con.execute(
                f"""CREATE TABLE IF NOT EXISTS {_CATALOG} (
                    name VARCHAR PRIMARY KEY, schema_name VARCHAR NOT NULL,
                    saved_at TIMESTAMP NOT NULL, version VARCHAR NOT NULL,
                    tables VARCHAR NOT NULL, meta VARCHAR)"""
            )
            self._con.execute(
                f"""CREATE TABLE IF NOT EXISTS {_SCENARIOS} (
                    portfolio VARCHAR NOT NULL, kind VARCHAR NOT NULL, name VARCHAR NOT NULL,
                    saved_at TIMESTAMP NOT NULL, entry VARCHAR NOT NULL,
                    PRIMARY KEY (portfolio, kind, name))"""
            )

    # -- catalogue ---------------------------------------------------------------------
    def _row(self, name: str):
        rows = self._con.execute(
            f"SELECT schema_name, version, tables, meta FROM {_CATALOG} WHERE name = ?", [name]
        ).fetchall()
        return rows[0] if rows else None

    def exists(self, name: str) -> bool:
        """True when a portfolio of that name is saved."""
        with self._lock:
            return self._row(name) is not None

    def _require(self, name: str):
        row = self._row(name)
        if row is None:
            raise ValueError(f"no saved portfolio is named '{name}'")
        return row

    def list(self) -> pd.DataFrame:
        """Saved portfolios: name, saved_at, row counts per table, first and last sale date."""
        with self._lock:
            rows = self._con.execute(
                f"SELECT name, schema_name, saved_at, tables FROM {_CATALOG} ORDER BY name"
            ).fetchall()
            out = []
            for name, schema, saved_at, tables in rows:
                present = json.loads(tables)
                rec = {"name": name, "saved_at": saved_at}
                for kind in TABLES:
                    rec[f"n_{kind}"] = (
                        self._con.execute(f'SELECT count(*) FROM "{schema}".{kind}').fetchall()[0][0]
                        if kind in present
                        else 0
                    )
                first, last = self._con.execute(
                    f'SELECT min(date), max(date) FROM "{schema}".transactions'
                ).fetchall()[0]
                rec["first_date"], rec["last_date"] = first, last
                out.append(rec)
        cols = ["name", "saved_at", *[f"n_{k}" for k in TABLES], "first_date", "last_date"]
        return pd.DataFrame(out, columns=cols)

    def version(self, name: str) -> str:
        """A token that changes at every write of the portfolio (use it in cache keys)."""
        with self._lock:
            return self._require(name)[1]

    # -- writing -----------------------------------------------------------------------
    def save(self, name: str, portfolio: Portfolio, overwrite: bool = False) -> None:
        """Save ``portfolio`` under ``name``, atomically.

        Raises
        ------
        ValueError
            If the name is empty, already used (and ``overwrite`` is False), or the
            portfolio has no transactions table.
        """
        name = (name or "").strip()
        if not name:
            raise ValueError("give the portfolio a name")
        if portfolio.transactions is None:
            raise ValueError("a portfolio needs its transactions table")
        tables = portfolio.tables()
        with self._lock:
            old = self._row(name)
            if old is not None and not overwrite:
                raise ValueError(f"a portfolio named '{name}' already exists")
            self._write(name, tables, portfolio.meta, old)

    def _write(self, name, tables: dict, meta: dict, old_row) -> None:
        schema = "p_" + uuid.uuid4().hex[:16]
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f'CREATE SCHEMA "{schema}"')
            for kind, frame in tables.items():
                frame = _canonical(frame, kind)
                con.register("_frame", frame)
                con.execute(f'CREATE TABLE "{schema}".{kind} AS SELECT * FROM _frame')
                con.unregister("_frame")
            if old_row is not None:
                con.execute(f'DROP SCHEMA "{old_row[0]}" CASCADE')
                con.execute(f"DELETE FROM {_CATALOG} WHERE name = ?", [name])
            con.execute(
                f"INSERT INTO {_CATALOG} VALUES (?, ?, now()::TIMESTAMP, ?, ?, ?)",
                [name, schema, uuid.uuid4().hex, json.dumps(list(tables)),
                 json.dumps(meta or {}, default=str)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def replace_table(self, name: str, kind: str, frame: pd.DataFrame,
                      append: bool = False) -> None:
        """Replace (or append to) one table of a saved portfolio, atomically.

        Append keeps the existing rows and adds the new ones (columns absent on one side
        are left empty).
        """
        check_kind(kind)
        with self._lock:
            row = self._require(name)
            current = self._load(row)
            tables = current.tables()
            if append and kind in tables:
                frame = pd.concat([tables[kind], _canonical(frame, kind)], ignore_index=True)
            tables[kind] = frame
            self._write(name, tables, current.meta, row)

    def delete(self, name: str) -> None:
        """Delete a saved portfolio (the demo can be restored with ``restore_demo``)."""
        with self._lock:
            row = self._require(name)
            self._con.execute("BEGIN TRANSACTION")
            try:
                self._con.execute(f'DROP SCHEMA "{row[0]}" CASCADE')
                self._con.execute(f"DELETE FROM {_CATALOG} WHERE name = ?", [name])
                self._con.execute(f"DELETE FROM {_SCENARIOS} WHERE portfolio = ?", [name])
                self._con.execute("COMMIT")
            except BaseException:
                self._con.execute("ROLLBACK")
                raise

    def rename(self, old: str, new: str) -> None:
        """Rename a saved portfolio; refuses a name already used."""
        new = (new or "").strip()
        if not new:
            raise ValueError("give the portfolio a name")
        with self._lock:
            self._require(old)
            if new != old and self._row(new) is not None:
                raise ValueError(f"a portfolio named '{new}' already exists")
            self._con.execute("BEGIN TRANSACTION")
            try:
                self._con.execute(
                    f"UPDATE {_CATALOG} SET name = ?, version = ? WHERE name = ?",
                    [new, uuid.uuid4().hex, old],
                )
                self._con.execute(f"UPDATE {_SCENARIOS} SET portfolio = ? WHERE portfolio = ?",
                                  [new, old])
                self._con.execute("COMMIT")
            except BaseException:
                self._con.execute("ROLLBACK")
                raise

    # -- what-if scenarios -------------------------------------------------------------
    def save_scenario(self, portfolio: str, entry: dict) -> None:
        """Save (or replace) a what-if scenario of ``portfolio``.

        ``entry`` is a JSON-serialisable dict with at least ``kind`` and ``name``; a
        scenario of the same kind and name is replaced. Scenarios are kept apart from
        the portfolio's tables: saving one does not change the portfolio's version.
        """
        if not isinstance(entry, dict) or not entry.get("kind") or not entry.get("name"):
            raise ValueError("a scenario needs a kind and a name")
        text = json.dumps(entry, ensure_ascii=False, default=str)
        with self._lock:
            self._require(portfolio)
            self._con.execute(
                f"INSERT OR REPLACE INTO {_SCENARIOS} VALUES (?, ?, ?, now()::TIMESTAMP, ?)",
                [portfolio, str(entry["kind"]), str(entry["name"]), text],
            )

    def scenarios(self, portfolio: str) -> list[dict]:
        """The saved scenarios of ``portfolio``, oldest first."""
        with self._lock:
            rows = self._con.execute(
                f"SELECT entry FROM {_SCENARIOS} WHERE portfolio = ? ORDER BY saved_at, kind, "
                "name", [portfolio]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def delete_scenario(self, portfolio: str, kind: str, name: str) -> None:
        """Delete one saved scenario (no error when it does not exist)."""
        with self._lock:
            self._con.execute(
                f"DELETE FROM {_SCENARIOS} WHERE portfolio = ? AND kind = ? AND name = ?",
                [portfolio, kind, name])

    # -- reading -----------------------------------------------------------------------
    def load(self, name: str) -> Portfolio:
        """The saved portfolio ``name`` with canonical dtypes."""
        with self._lock:
            return self._load(self._require(name))

    def _load(self, row) -> Portfolio:
        schema, _version, tables, meta = row
        frames = {}
        for kind in json.loads(tables):
            arrow = self._con.sql(f'SELECT * FROM "{schema}".{kind}').to_arrow_table()
            frames[kind] = coerce_types(arrow.to_pandas(), kind)
        return Portfolio(**frames, meta=json.loads(meta or "{}"))

    # -- demo --------------------------------------------------------------------------
    def ensure_demo(self) -> None:
        """Create the demo portfolio when it is not saved (first start)."""
        if not self.exists(DEMO_NAME):
            self.restore_demo()

    def restore_demo(self) -> None:
        """(Re)write the demo portfolio from sample_data/."""
        from core.sample import load_demo

        demo = load_demo()
        demo.meta = {**(demo.meta or {}), "source": "demo"}
        self.save(DEMO_NAME, demo, overwrite=True)

    # -- read-only SQL -----------------------------------------------------------------
    def query(self, sql: str, name: str, max_rows: int = 10_000,
              timeout_s: float = 10.0) -> pd.DataFrame:
        """Run one read-only SELECT / WITH query on portfolio ``name``.

        The query runs on a separate in-memory DuckDB connection that holds a copy of
        the portfolio's tables (transactions, customers, contacts, receivables), with
        external access disabled and the configuration locked: no file on the server can
        be read, nothing can be written, no extension installed or loaded.

        Raises
        ------
        QueryError
            Not a single SELECT / WITH statement, a syntax or execution error, or the
            query ran longer than ``timeout_s`` (it is then interrupted).
        """
        portfolio = self.load(name)
        return run_readonly_query(sql, portfolio.tables(), max_rows=max_rows,
                                  timeout_s=timeout_s)

    def close(self) -> None:
        """Close the underlying DuckDB connection."""
        with self._lock:
            self._con.close()


def _canonical(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Canonical columns only, in canonical order and dtypes."""
    cols = [c for c in COLUMNS[kind] if c in frame.columns]
    return coerce_types(frame[cols], kind)


def run_readonly_query(sql: str, tables: dict[str, pd.DataFrame], max_rows: int = 10_000,
                       timeout_s: float = 10.0) -> pd.DataFrame:
    """Run one SELECT / WITH statement on ``tables`` in a locked, in-memory DuckDB.

    Returns at most ``max_rows`` rows (``attrs['truncated']`` tells whether more existed).
    """
    sql = (sql or "").strip()
    if not sql:
        raise QueryError("the query is empty")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"syntax error: {exc}") from None
    if len(statements) != 1:
        raise QueryError("one statement at a time, please (remove the extra ';')")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise QueryError("only SELECT (or WITH … SELECT) queries are allowed: the explorer "
                         "is read-only")
    con = duckdb.connect(":memory:", config={"enable_external_access": False,
                                             "autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False})
    try:
        for kind, frame in tables.items():
            con.register("_frame", frame)
            con.execute(f"CREATE TABLE {kind} AS SELECT * FROM _frame")
            con.unregister("_frame")
        con.execute("SET lock_configuration = true")
        timer = threading.Timer(timeout_s, con.interrupt)
        timer.start()
        try:
            cur = con.execute(sql)
            names = [d[0] for d in cur.description]
            rows = cur.fetchmany(max_rows + 1)
        except duckdb.InterruptException:
            raise QueryError(f"the query ran longer than {timeout_s:g} s and was stopped") from None
        except duckdb.Error as exc:
            raise QueryError(str(exc).split("\n")[0]) from None
        finally:
            timer.cancel()
    finally:
        con.close()
    out = pd.DataFrame(rows[:max_rows], columns=names)
    out.attrs["truncated"] = len(rows) > max_rows
    return out
