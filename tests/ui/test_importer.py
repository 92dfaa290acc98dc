"""ui.importer: the pure helpers behind the Data page's mapping step."""

import pandas as pd

from ui.importer import (
    IGNORE,
    duplicate_targets,
    examples,
    fmt_size,
    initial_choices,
    mapping_from_choices,
    memo,
    missing_required,
    optional_columns,
)


def test_initial_choices_guess_french_headers():
    headers = ["N° client", "Date facture", "Montant HT", "Marge", "Commentaire libre"]
    assert initial_choices(headers, "transactions") == [
        "customer_id", "date", "amount", "margin", IGNORE]


def test_mapping_round_trip_and_checks():
    headers = ["Code", "Jour", "Total", "Autre"]
    mapping = mapping_from_choices(headers, ["customer_id", "date", IGNORE, "date"])
    assert mapping == {"Code": "customer_id", "Jour": "date", "Autre": "date"}
    assert duplicate_targets(mapping) == {"date": ["Jour", "Autre"]}
    assert missing_required(mapping, "transactions") == ["amount"]
    assert missing_required({}, "receivables") == [
        "invoice_id", "customer_id", "invoice_date", "due_date", "amount"]


def test_optional_columns_exclude_required():
    opt = optional_columns("transactions")
    assert "margin" in opt and "customer_id" not in opt


def test_examples_skip_blanks_and_shorten():
    col = pd.Series(["", None, "x" * 40, "b", "c", "d"])
    ex = examples(col, n=2, width=10)
    assert ex == ["x" * 9 + "…", "b"]


def test_fmt_size():
    assert fmt_size(0, "en") == "0 B"
    assert fmt_size(200 * 1024**2, "en") == "200 MB"
    assert fmt_size(3 * 1024**3 // 2, "fr") == "1,5\xa0Go"


def test_memo_remembers_values_and_errors():
    calls = []
    session = {}

    def boom():
        calls.append(1)
        raise ValueError("bad file")

    for _ in range(2):
        try:
            memo(session, "slot", "k", boom)
        except ValueError as exc:
            assert str(exc) == "bad file"
    assert len(calls) == 1
    assert memo(session, "slot", "other", lambda: 3) == 3
