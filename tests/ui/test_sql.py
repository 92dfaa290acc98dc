"""AppTest of the SQL explorer: example queries, results with downloads, row limit, and
unsafe or broken queries refused with a message (never a traceback, the store unchanged)."""

import pytest
from apptest_helpers import app, texts

from core.store import DEMO_NAME, PortfolioStore

PAGE = "pages/sql.py"
EXAMPLES = ["top_margin", "inactive_6m", "rep_family", "monthly", "overdue", "channels"]


def run(at, sql=None):
    if sql is not None:
        at.text_area(key="sql_text").set_value(sql).run()
    at.button(key="sql_run").click().run()
    assert not at.exception, at.exception
    return at


def result(at):
    """The result table (the last dataframe; the schema tables come first)."""
    return at.dataframe[-1].value


def test_page_opens_with_an_example_and_runs_it():
    at = app(PAGE)
    assert at.title[0].value == "Explorateur SQL"
    assert "10\u202f000 lignes" in " ".join(texts(at.markdown))
    assert at.text_area(key="sql_text").value.startswith("-- Les 20 meilleurs clients")
    assert at.selectbox(key="sql_example").options[1:] == [
        "Les 20 meilleurs clients par marge (12 derniers mois)",
        "Les clients sans achat depuis 6 mois",
        "Le CA par commercial et par famille de produits (12 derniers mois)",
        "Le CA et la marge par mois",
        "Les créances en retard par client",
        "Les contacts et leur coût par canal (12 derniers mois)"]
    run(at)
    top = result(at)
    assert len(top) == 20 and list(top.columns)[:3] == ["customer_id", "name", "revenue"]
    assert top["margin"].is_monotonic_decreasing
    assert {"sql_result_csv", "sql_result_xlsx"} <= {b.key for b in at.download_button}


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_runs(example):
    at = app(PAGE)
    at.selectbox(key="sql_example").set_value(example).run()
    run(at)
    assert not at.error, texts(at.error)
    assert len(result(at)) > 0


def test_inactive_customers_answer_the_question():
    at = app(PAGE)
    at.selectbox(key="sql_example").set_value("inactive_6m").run()
    run(at)
    days = result(at)["days_without_purchase"]
    assert (days >= 181).all()


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "COPY transactions TO '/tmp/h10_out.csv'",
    "ATTACH '/tmp/h10_other.duckdb' AS o",
    "INSTALL httpfs",
    "LOAD httpfs",
    "DELETE FROM transactions",
    "DROP TABLE customers",
    "SELECT 1; DROP TABLE transactions",
])
def test_unsafe_queries_are_refused(sql):
    store = PortfolioStore()
    store.ensure_demo()
    version = store.version(DEMO_NAME)
    n_lines = len(store.load(DEMO_NAME).transactions)
    at = run(app(PAGE), sql)
    assert len(at.error) == 1
    assert at.error[0].value.startswith("La requête n'a pas pu être exécutée")
    assert store.version(DEMO_NAME) == version
    assert len(store.load(DEMO_NAME).transactions) == n_lines


def test_errors_and_row_limit_are_messages():
    at = run(app(PAGE), "SELECT nope FROM transactions")
    assert "nope" in at.error[0].value
    at = run(at, "SELECT * FROM range(12000)")
    assert not at.error
    assert any("10\u202f000" in w for w in texts(at.warning))
    assert len(result(at)) == 10_000
    at = run(at, "SELECT * FROM transactions WHERE amount > 1e12")
    assert any("aucune ligne" in i for i in texts(at.info))


def test_row_count_is_singular_or_plural_from_the_number():
    at = run(app(PAGE), "SELECT 1 AS one")
    assert any(c.startswith("1 ligne en ") for c in texts(at.caption))
    at = run(at, "SELECT * FROM range(3)")
    assert any(c.startswith("3 lignes en ") for c in texts(at.caption))


def test_the_picker_names_the_example_shown_at_start():
    at = app("pages/sql.py")
    assert not at.exception
    # not "— choose an example —" while the box already holds the first example
    assert at.selectbox(key="sql_example").value == EXAMPLES[0]
