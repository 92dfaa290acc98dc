"""PortfolioStore: save / load / list / rename / delete, atomic writes, read-only SQL."""

import pandas as pd
import pytest

import core.store as store_module
from core.schema import Portfolio
from core.store import PortfolioStore, QueryError, run_readonly_query


def make_portfolio(n=3):
    tx = pd.DataFrame({
        "invoice_id": [f"F{i}" for i in range(n)],
        "customer_id": ["C1"] * n,
        "date": pd.date_range("2024-01-01", periods=n, freq="D"),
        "amount": [100.0] * n,
    })
    cu = pd.DataFrame({"customer_id": ["C1"], "postal_code": ["06000"], "name": ["Alpha"]})
    return Portfolio(transactions=tx, customers=cu)


@pytest.fixture
def store(tmp_path):
    s = PortfolioStore(tmp_path / "store.duckdb")
    yield s
    s.close()


def test_roundtrip_keeps_types_and_leading_zeros(store):
    store.save("p", make_portfolio())
    p = store.load("p")
    assert p.customers["postal_code"].tolist() == ["06000"]
    assert str(p.transactions["date"].dtype) == "datetime64[ns]"
    assert p.transactions["amount"].sum() == 300.0
    assert p.contacts is None and p.receivables is None
    listing = store.list()
    assert listing.loc[0, "n_transactions"] == 3 and listing.loc[0, "n_customers"] == 1


def test_name_conflicts_and_rename_delete(store):
    store.save("p", make_portfolio())
    with pytest.raises(ValueError, match="already exists"):
        store.save("p", make_portfolio())
    v1 = store.version("p")
    store.save("p", make_portfolio(5), overwrite=True)
    assert store.version("p") != v1 and len(store.load("p").transactions) == 5
    store.save("q", make_portfolio())
    with pytest.raises(ValueError, match="already exists"):
        store.rename("p", "q")
    store.rename("p", "r")
    assert set(store.list()["name"]) == {"q", "r"}
    store.delete("q")
    assert store.list()["name"].tolist() == ["r"]
    with pytest.raises(ValueError, match="no saved portfolio"):
        store.load("q")


def test_failed_save_leaves_the_saved_portfolio_intact(store, monkeypatch):
    store.save("p", make_portfolio())
    before = store.load("p").transactions.copy()
    real = store_module._canonical

    def fail_on_customers(frame, kind):
        # the transactions table is written, then the write fails half-way
        if kind == "customers":
            raise RuntimeError("disk full")
        return real(frame, kind)

    monkeypatch.setattr(store_module, "_canonical", fail_on_customers)
    with pytest.raises(RuntimeError, match="disk full"):
        store.save("p", make_portfolio(7), overwrite=True)
    with pytest.raises(RuntimeError, match="disk full"):
        store.save("new", make_portfolio(7))
    monkeypatch.undo()
    pd.testing.assert_frame_equal(store.load("p").transactions, before)
    assert store.list()["name"].tolist() == ["p"]
    assert len(store.load("p").customers) == 1


def test_replace_and_append_table(store):
    store.save("p", make_portfolio())
    extra = make_portfolio(2).transactions
    store.replace_table("p", "transactions", extra, append=True)
    assert len(store.load("p").transactions) == 5
    store.replace_table("p", "transactions", extra)
    assert len(store.load("p").transactions) == 2


def test_persists_across_connections(tmp_path):
    path = tmp_path / "s.duckdb"
    s = PortfolioStore(path)
    s.save("p", make_portfolio())
    s.close()
    s2 = PortfolioStore(path)
    assert s2.list()["name"].tolist() == ["p"]
    s2.close()


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "COPY transactions TO '/tmp/x.csv'",
    "ATTACH '/tmp/other.duckdb' AS o",
    "INSTALL httpfs",
    "LOAD httpfs",
    "DROP TABLE transactions",
    "DELETE FROM transactions",
    "UPDATE transactions SET amount = 0",
    "INSERT INTO transactions SELECT * FROM transactions",
    "CREATE TABLE x AS SELECT 1",
    "SET enable_external_access = true",
    "PRAGMA database_list",
    "SELECT 1; DROP TABLE transactions",
])
def test_query_refuses_unsafe_statements(store, sql):
    store.save("p", make_portfolio())
    with pytest.raises(QueryError):
        store.query(sql, "p")
    assert len(store.load("p").transactions) == 3


def test_query_results_limit_and_errors(store):
    store.save("p", make_portfolio(5))
    out = store.query("WITH t AS (SELECT * FROM transactions) SELECT amount FROM t", "p",
                      max_rows=2)
    assert len(out) == 2 and out.attrs["truncated"]
    with pytest.raises(QueryError):
        store.query("SELECT nope FROM transactions", "p")


def test_query_timeout_interrupts():
    tables = {"t": pd.DataFrame({"x": range(10)})}
    with pytest.raises(QueryError, match="longer than"):
        run_readonly_query(
            "SELECT count(*) FROM range(1000000000) a, range(1000000) b", tables,
            timeout_s=0.5)


def test_scenarios_saved_reloaded_and_follow_their_portfolio(tmp_path):
    path = tmp_path / "s.duckdb"
    s = PortfolioStore(path)
    s.save("p", make_portfolio())
    v = s.version("p")
    s.save_scenario("p", {"kind": "price", "name": "+5 %", "params": {"change_pct": 0.05}})
    s.save_scenario("p", {"kind": "price", "name": "+5 %", "params": {"change_pct": 0.06}})
    s.save_scenario("p", {"kind": "payment_terms", "name": "escompte", "params": {}})
    assert s.version("p") == v  # scenarios do not invalidate the portfolio's caches
    s.close()
    s = PortfolioStore(path)  # persisted
    got = s.scenarios("p")
    assert [(e["kind"], e["name"]) for e in got] == [("price", "+5 %"),
                                                    ("payment_terms", "escompte")]
    assert got[0]["params"]["change_pct"] == 0.06
    s.rename("p", "q")
    assert len(s.scenarios("q")) == 2 and s.scenarios("p") == []
    s.delete_scenario("q", "price", "+5 %")
    assert [e["name"] for e in s.scenarios("q")] == ["escompte"]
    with pytest.raises(ValueError, match="kind and a name"):
        s.save_scenario("q", {"name": "x"})
    with pytest.raises(ValueError, match="no saved portfolio"):
        s.save_scenario("nope", {"kind": "price", "name": "x"})
    s.delete("q")
    s.save("q", make_portfolio())
    assert s.scenarios("q") == []
    s.close()
