"""Tests of core.export: formula injection defused, numbers untouched, round trips."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.export as export
from core.export import neutralise_formulas, to_csv_bytes, to_excel_bytes
from core.io import read_table

ATTACKS = [
    "=HYPERLINK(\"http://evil\",\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def frame():
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "C3", "C4", "C5", "C6"],
        "note": ATTACKS,
        "amount": [1234.5, -12.5, 0.0, 3.25, -0.5, 10.0],
        "quantity": [1, 2, 3, 4, 5, 6],
    })


def csv_rows(data: bytes, sep: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))


def test_neutralise_prefixes_every_trigger(frame):
    out = neutralise_formulas(frame)
    assert out["note"].tolist() == ["'" + a for a in ATTACKS]
    assert out["customer_id"].tolist() == frame["customer_id"].tolist()
    # numbers untouched, same dtypes, input not modified
    assert out["amount"].tolist() == frame["amount"].tolist()
    assert out.dtypes.tolist() == frame.dtypes.tolist()
    assert frame["note"].iloc[0].startswith("=")


def test_number_like_text_and_plain_text_left_alone():
    f = pd.DataFrame({"t": ["-12,5", "+33 6 12 34 56 78", "-1 234.50", "Dupont", "a=b",
                            "-", "- dash note", None]})
    out = neutralise_formulas(f)["t"].tolist()
    assert out[:5] == ["-12,5", "+33 6 12 34 56 78", "-1 234.50", "Dupont", "a=b"]
    assert out[5:7] == ["'-", "'- dash note"]
    assert pd.isna(out[7])


def test_column_labels_and_categories_neutralised():
    f = pd.DataFrame({"=bad": pd.Categorical(["=1", "ok"]), "ok": [1, 2]})
    out = neutralise_formulas(f)
    assert list(out.columns) == ["'=bad", "ok"]
    assert list(out["'=bad"].cat.categories) == ["'=1", "ok"]


def test_neutralise_rejects_non_frame():
    with pytest.raises(ValueError, match="expected a DataFrame"):
        neutralise_formulas([1, 2])


def test_csv_french_and_english(frame):
    fr = csv_rows(to_csv_bytes(frame, lang="fr"), ";")
    assert fr[0] == ["customer_id", "note", "amount", "quantity"]
    assert [r[1] for r in fr[1:]] == ["'" + a for a in ATTACKS]
    assert [r[2] for r in fr[1:]] == ["1234,5", "-12,5", "0,0", "3,25", "-0,5", "10,0"]
    en = csv_rows(to_csv_bytes(frame, lang="en"), ",")
    assert [r[2] for r in en[1:]] == ["1234.5", "-12.5", "0.0", "3.25", "-0.5", "10.0"]
    assert [r[3] for r in en[1:]] == ["1", "2", "3", "4", "5", "6"]
    with pytest.raises(ValueError, match="unknown language"):
        to_csv_bytes(frame, lang="de")


def test_csv_no_cell_starts_with_a_trigger(frame):
    for lang, sep in (("fr", ";"), ("en", ",")):
        for row in csv_rows(to_csv_bytes(frame, lang=lang), sep)[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
                assert not cell.startswith("-") or cell[1:2].isdigit(), cell


def test_excel_has_no_formula_and_keeps_numbers(frame):
    wb = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(frame, sheet_name="ventes")))
    ws = wb["ventes"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    notes = [ws.cell(row=i, column=2).value for i in range(2, 8)]
    # XML turns a carriage return into a line feed; the text stays defused
    assert notes == ["'" + a.replace("\r", "\n") for a in ATTACKS]
    amounts = [ws.cell(row=i, column=3) for i in range(2, 8)]
    assert [c.value for c in amounts] == frame["amount"].tolist()
    assert all(c.data_type == "n" for c in amounts)


def test_excel_round_trip_with_dates_and_control_characters():
    f = pd.DataFrame({
        "customer_id": ["06000", "C2"],
        "date": pd.to_datetime(["2024-01-05", "2024-02-29"]),
        "amount": [10.5, -3.0],
        "name": ["Dupont\x07 & fils", "Crème"],
        "paid": pd.Series([True, pd.NA], dtype="boolean"),
    })
    back = pd.read_excel(io.BytesIO(to_excel_bytes(f)), dtype={"customer_id": str})
    assert back["customer_id"].tolist() == ["06000", "C2"]
    assert back["date"].tolist() == f["date"].tolist()
    assert back["amount"].tolist() == [10.5, -3.0]
    assert back["name"].tolist() == ["Dupont & fils", "Crème"]  # BEL removed


def test_excel_sheet_name_and_size_limit(monkeypatch):
    data = to_excel_bytes(pd.DataFrame({"x": [1]}), sheet_name="A/B: [ventes] 2024 et plus encore")
    names = openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    assert len(names[0]) <= 31 and "/" not in names[0] and "[" not in names[0]
    monkeypatch.setattr(export, "_EXCEL_MAX_ROWS", 3)
    with pytest.raises(ValueError, match="download it as CSV instead"):
        to_excel_bytes(pd.DataFrame({"x": [1, 2, 3]}))


def test_csv_dates_written_as_days_or_with_time():
    days = pd.DataFrame({"d": pd.to_datetime(["2024-01-05", None])})
    assert csv_rows(to_csv_bytes(days), ",")[1:] == [["2024-01-05"], [""]]
    times = pd.DataFrame({"d": pd.to_datetime(["2024-01-05 10:30:00"])})
    assert csv_rows(to_csv_bytes(times), ",")[1] == ["2024-01-05 10:30:00"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_csv_round_trip_through_the_importer(lang):
    f = pd.DataFrame({
        "invoice_id": ["F1", "F2", "F3"],
        "customer_id": ["06000", "C;2", 'C "3"'],
        "date": pd.to_datetime(["2024-01-05", "2024-02-29", "2023-12-31"]),
        "product": ["Café crème", "=cmd", None],
        "quantity": [1.0, 2.0, 3.0],
        "amount": [1234.56, -12.5, 0.1],
        "margin": [100.0, -1.25, 0.0],
    })
    res = read_table(to_csv_bytes(f, lang=lang), "transactions", lang=lang)
    assert res.n_rejected == 0
    expected = f.copy()
    # neutralised on the way out
    expected["product"] = pd.Series(["Café crème", "'=cmd", None], dtype=object)
    pd.testing.assert_frame_equal(res.data, expected, check_dtype=False)
    assert res.data["amount"].dtype == "float64"
    assert res.data["date"].dtype == "datetime64[ns]"


def test_excel_round_trip_through_the_importer():
    f = pd.DataFrame({
        "customer_id": ["C1", "C2"],
        "date": pd.to_datetime(["2024-01-05", "2024-02-29"]),
        "amount": [1234.56, -12.5],
    })
    res = read_table(to_excel_bytes(f), "transactions")
    assert res.data["amount"].tolist() == [1234.56, -12.5]
    assert res.data["date"].tolist() == f["date"].tolist()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=20))
def test_property_neutralised_text_is_never_a_formula(text):
    out = neutralise_formulas(pd.DataFrame({"t": [text]}, dtype=object))["t"].iloc[0]
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert out.startswith("'") or export._NUMBER_TEXT.match(text)
        assert out.lstrip("'") == text
    else:
        assert out == text
