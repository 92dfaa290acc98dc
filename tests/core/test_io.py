"""Tests of core.io on messy files built in tmp_path (no network, no timing asserts)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.io import (
    FileTooLarge,
    ImportResult,
    RawTable,
    import_raw,
    list_sheets,
    read_raw,
    read_table,
)

NBSP, NNBSP = "\u00a0", "\u202f"


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def invariant(res: ImportResult):
    assert res.n_imported + res.n_rejected == res.n_read
    assert len(res.data) == res.n_imported
    assert len(res.rejected) == res.n_rejected


class Upload:
    """Stands in for Streamlit's UploadedFile (name, size, read, getvalue)."""

    def __init__(self, data: bytes, name: str):
        self._data, self.name, self.size = data, name, len(data)

    def read(self):
        return self._data

    def getvalue(self):
        return self._data


# ---------------------------------------------------------------------- CSV dialects


def test_semicolon_cp1252_decimal_comma(tmp_path):
    text = (
        "N° facture;Code client;Date facture;Désignation;Famille;Quantité;Montant HT;Marge\r\n"
        f"F001;C001;05/01/2024;Café moulu;Épicerie;2;1{NBSP}234,56;370,37\r\n"
        "F002;C002;31/12/2023;Crème brûlée;Frais;1;-45,5;-10\r\n"
        f"F003;C001;15/02/2024;Thé;Épicerie;3;12{NBSP}000,00 €;3 600\r\n"
    )
    path = write(tmp_path, "ventes.csv", text, "cp1252")
    raw = read_raw(path)
    assert (raw.encoding, raw.separator, raw.file_type) == ("cp1252", ";", "csv")
    assert raw.frame.columns[0] == "N° facture"
    res = read_table(path, "transactions")
    invariant(res)
    assert res.mapping == {
        "N° facture": "invoice_id", "Code client": "customer_id", "Date facture": "date",
        "Désignation": "product", "Famille": "family", "Quantité": "quantity",
        "Montant HT": "amount", "Marge": "margin",
    }
    d = res.data
    assert list(d.columns) == ["invoice_id", "customer_id", "date", "product", "family",
                               "quantity", "amount", "margin"]
    assert d["amount"].tolist() == [1234.56, -45.5, 12000.0]
    assert d["margin"].tolist() == [370.37, -10.0, 3600.0]
    assert d["quantity"].tolist() == [2.0, 1.0, 3.0]
    assert d["product"].tolist() == ["Café moulu", "Crème brûlée", "Thé"]
    assert d["date"].tolist() == [pd.Timestamp("2024-01-05"), pd.Timestamp("2023-12-31"),
                                  pd.Timestamp("2024-02-15")]
    assert res.summary == "3 lines read, 3 imported, 0 rejected"


def test_dtypes_are_canonical(tmp_path):
    path = write(tmp_path, "t.csv", "client;date;montant;produit\nC1;01/02/2024;3,5;x\n")
    d = read_table(path, "transactions").data
    assert d["customer_id"].dtype == object and d["invoice_id"].dtype == object
    assert d["date"].dtype == "datetime64[ns]"
    assert d["amount"].dtype == "float64"
    assert isinstance(d["customer_id"].iloc[0], str)


def test_utf8_bom(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffCode client,Date,Montant\nC1,2024-03-01,12.5\n".encode())
    raw = read_raw(path)
    assert raw.encoding == "utf-8-sig"
    assert raw.frame.columns[0] == "Code client"  # no BOM glued to the first header
    res = import_raw(raw, "transactions")
    assert res.data["customer_id"].tolist() == ["C1"]
    assert res.data["amount"].tolist() == [12.5]


def test_utf16_tab_file_as_excel_unicode_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Client\tDate\tMontant\nC1\t02/01/2024\t7,25\n".encode("utf-16"))
    res = read_table(path, "transactions")
    assert res.data["amount"].tolist() == [7.25]


@pytest.mark.parametrize("sep", ["\t", "|", ",", ";"])
def test_separators(tmp_path, sep):
    rows = [["Client", "Date", "Montant", "Produit"],
            ["C1", "2024-01-02", "10.5", "a, b; c"],
            ["C2", "2024-01-03", "-3", "plain"]]
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    path = write(tmp_path, "s.csv", buf.getvalue())
    raw = read_raw(path)
    assert raw.separator == sep
    res = import_raw(raw, "transactions")
    assert res.data["product"].tolist() == ["a, b; c", "plain"]
    assert res.data["amount"].tolist() == [10.5, -3.0]


def test_quoted_cells_with_quotes_separators_and_newlines(tmp_path):
    text = ('Code client;Nom;Adresse;CP\n'
            'C1;"Dupont ""&"" Fils";"12 rue A;\nbât. B";06000\n'
            'C2;Martin;;75001\n')
    res = read_table(write(tmp_path, "c.csv", text), "customers")
    invariant(res)
    assert res.data["name"].tolist() == ['Dupont "&" Fils', "Martin"]
    assert res.data["address"].tolist() == ["12 rue A;\nbât. B", None]
    assert res.lines.tolist() == [2, 3]


def test_latin1_fallback(tmp_path):
    # 0x81 is undefined in cp1252: the file can only be latin-1.
    path = tmp_path / "l1.csv"
    path.write_bytes(b"Client;Date;Montant;Produit\nC1;01/01/2024;1;caf\xe9\x81\n")
    raw = read_raw(path)
    assert raw.encoding == "latin-1"
    assert import_raw(raw, "transactions").data["product"].iloc[0].startswith("café")


def test_uploaded_file_like_and_bytes():
    data = "Client;Date;Montant\nC1;01/01/2024;1\n".encode("cp1252")
    res = read_table(Upload(data, "ventes.csv"), "transactions")
    assert res.n_imported == 1
    assert read_raw(Upload(data, "ventes.csv")).filename == "ventes.csv"
    assert read_table(data, "transactions").n_imported == 1


# ---------------------------------------------------------------------- XLSX, Parquet


def make_workbook(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes["A1"] = "exported by ERP"
    ws = wb.create_sheet("Ventes")
    ws.append(["Code client", "Date facture", "Montant HT", "CP"])
    ws.append(["C001", dt.datetime(2024, 1, 15), 1234.5, 6000])
    ws.append(["C002", 45292, "1 234,50", "06100"])  # Excel serial number, text amount
    ws.append([None, None, None, None])  # empty row, skipped
    ws.append([1003, dt.date(2024, 2, 29), -20, 6000])  # numeric id, credit note
    ws.append(["C004", "31/02/2024", 5, None])  # impossible date
    ws["D2"].number_format = "00000"  # Excel "postal code" format keeps the zero
    wb.save(path)
    return path


def test_xlsx_two_sheets_choose_one(tmp_path):
    path = make_workbook(tmp_path / "book.xlsx")
    assert list_sheets(path) == ["Notes", "Ventes"]
    raw = read_raw(path, sheet="Ventes")
    assert (raw.file_type, raw.sheet, raw.encoding, raw.separator) == ("xlsx", "Ventes",
                                                                       None, None)
    assert raw.lines.tolist() == [2, 3, 5, 6]  # the empty Excel row 4 is skipped
    res = import_raw(raw, "transactions")
    invariant(res)
    assert res.n_read == 4 and res.n_imported == 3
    d = res.data
    assert d["customer_id"].tolist() == ["C001", "C002", "1003"]
    assert d["date"].tolist() == [pd.Timestamp("2024-01-15"), pd.Timestamp("2024-01-01"),
                                  pd.Timestamp("2024-02-29")]
    assert d["amount"].tolist() == [1234.5, 1234.5, -20.0]
    assert res.n_credit_notes == 1
    assert res.rejected[["row", "reason"]].values.tolist() == [
        [6, "date '31/02/2024' is not a valid date"]
    ]
    # the sheet chosen by position gives the same table
    assert read_raw(path, sheet=1).frame.shape == raw.frame.shape
    # the first sheet is the default
    assert read_raw(path).sheet == "Notes"


def test_xlsx_postal_code_format_keeps_zero(tmp_path):
    path = make_workbook(tmp_path / "book.xlsx")
    res = read_table(path, "customers", sheet="Ventes",
                     mapping={"Code client": "customer_id", "CP": "postal_code"})
    assert res.data["postal_code"].tolist() == ["06000", "06100", "6000", None]


def test_xlsx_unknown_sheet_and_empty_sheet(tmp_path):
    path = make_workbook(tmp_path / "book.xlsx")
    with pytest.raises(ValueError, match="sheet 'Achats' not found.*'Notes', 'Ventes'"):
        read_raw(path, sheet="Achats")
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "empty.xlsx")
    with pytest.raises(ValueError, match="is empty"):
        read_raw(tmp_path / "empty.xlsx")


def test_parquet(tmp_path):
    frame = pd.DataFrame({
        "customer_id": [6000, 6001, 6002],
        "date": pd.to_datetime(["2024-01-01 00:00", "2024-02-01 10:30", None]),
        "amount": [10.0, -2.5, 3.0],
        "family": ["A", None, "B"],
    })
    path = tmp_path / "t.parquet"
    frame.to_parquet(path)
    raw = read_raw(path)
    assert raw.file_type == "parquet"
    res = import_raw(raw, "transactions")
    invariant(res)
    assert res.data["customer_id"].tolist() == ["6000", "6001"]
    assert res.data["date"].tolist() == [pd.Timestamp("2024-01-01"),
                                         pd.Timestamp("2024-02-01 10:30")]
    assert res.data["family"].tolist() == ["A", None]
    assert res.rejected[["row", "reason"]].values.tolist() == [[4, "date is empty"]]
    assert list_sheets(path) == []


def test_old_xls_is_refused(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(ValueError, match=r"\.xls.*save it as \.xlsx or CSV"):
        read_raw(path)


# ---------------------------------------------------------------------- errors


def test_missing_required_column_named(tmp_path):
    path = write(tmp_path, "t.csv", "Code client;Montant\nC1;3\n")
    with pytest.raises(ValueError) as err:
        read_table(path, "transactions")
    msg = str(err.value)
    assert msg.startswith("required column missing: 'date' (invoice date). "
                          "Map one of your columns to it.")
    assert "'Code client'" in msg
    with pytest.raises(ValueError, match="colonne obligatoire manquante : 'date'"):
        read_table(path, "transactions", lang="fr")


def test_missing_several_required_columns(tmp_path):
    path = write(tmp_path, "t.csv", "Code client;Produit\nC1;x\n")
    with pytest.raises(ValueError, match=r"required columns missing: 'date' .*'amount' "):
        read_table(path, "transactions")


def test_mapping_errors(tmp_path):
    path = write(tmp_path, "t.csv", "A;B;C\nC1;01/01/2024;3\n")
    with pytest.raises(ValueError, match="'Z', which is not in the file"):
        read_table(path, "transactions", mapping={"Z": "customer_id"})
    with pytest.raises(ValueError, match="'colour' is not a column of table transactions"):
        read_table(path, "transactions", mapping={"A": "colour"})
    with pytest.raises(ValueError, match="'A' and 'B' are both mapped to 'customer_id'"):
        read_table(path, "transactions", mapping={"A": "customer_id", "B": "customer_id"})
    with pytest.raises(ValueError, match="unknown table"):
        read_table(path, "invoices")
    res = read_table(path, "transactions",
                     mapping={"A": "customer_id", "B": "date", "C": "amount"})
    assert res.data["amount"].tolist() == [3.0]


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="the file 'empty.csv' is empty"):
        read_raw(path)
    with pytest.raises(ValueError, match="est vide"):
        read_table(path, "transactions", lang="fr")


def test_file_too_large(tmp_path):
    data = b"Client;Date;Montant\n" + b"C1;01/01/2024;1\n" * 200
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    with pytest.raises(FileTooLarge, match=r"^file is 3 KB, the limit is 1 KB; ") as err:
        read_raw(path, max_bytes=1024)
    assert isinstance(err.value, ValueError)
    upload = Upload(data, "big.csv")
    with pytest.raises(FileTooLarge):
        read_table(upload, "transactions", max_bytes=1024)
    with pytest.raises(FileTooLarge, match="le fichier fait"):
        read_table(data, "transactions", max_bytes=1024, lang="fr")
    assert read_table(path, "transactions", max_bytes=len(data)).n_imported == 200


def test_file_too_large_message_in_megabytes(tmp_path):
    upload = Upload(b"x", "huge.csv")
    upload.size = 312 * 1024**2  # checked before reading
    with pytest.raises(FileTooLarge, match=r"^file is 312 MB, the limit is 200 MB; "):
        read_raw(upload, max_bytes=200 * 1024**2)


# ---------------------------------------------------------------------- sizes of file


def test_header_only(tmp_path):
    res = read_table(write(tmp_path, "h.csv", "Client;Date;Montant\n"), "transactions")
    invariant(res)
    assert (res.n_read, res.n_imported, res.n_rejected) == (0, 0, 0)
    assert list(res.data.columns) == ["invoice_id", "customer_id", "date", "amount"]
    assert res.data["date"].dtype == "datetime64[ns]"
    assert res.summary == "0 lines read, 0 imported, 0 rejected"


def test_one_line(tmp_path):
    res = read_table(write(tmp_path, "o.csv", "Client;Date;Montant\nC1;2024-01-01;5"),
                     "transactions", lang="fr")
    invariant(res)
    assert res.summary == "1 ligne lue, 1 importée, 0 rejetée"
    assert res.data["invoice_id"].tolist() == ["C1-2024-01-01"]


def test_summary_numbers_formatted_for_language(tmp_path):
    body = "".join(f"C{i};01/01/2024;{i},5\n" for i in range(1200))
    body += "C;01/01/2024;abc\n"
    path = write(tmp_path, "big.csv", "Client;Date;Montant\n" + body)
    assert read_table(path, "transactions").summary == (
        "1,201 lines read, 1,200 imported, 1 rejected")
    assert read_table(path, "transactions", lang="fr").summary == (
        f"1{NNBSP}201 lignes lues, 1{NNBSP}200 importées, 1 rejetée")


# ---------------------------------------------------------------------- rejections


def test_impossible_and_wrong_dates_rejected_with_line_numbers(tmp_path):
    text = ("Client;Date;Montant\n"
            "C1;31/02/2024;1\n"     # line 2: impossible
            "C2;15/01/2024;2\n"     # line 3: good
            "C3;hier;3\n"           # line 4: not a date
            "C4;29/02/2023;4\n"     # line 5: 2023 is not a leap year
            "C5;;5\n")              # line 6: empty
    res = read_table(write(tmp_path, "d.csv", text), "transactions")
    invariant(res)
    assert res.data["customer_id"].tolist() == ["C2"]
    assert res.rejected[["row", "reason"]].values.tolist() == [
        [2, "date '31/02/2024' is not a valid date"],
        [4, "date 'hier' is not a valid date"],
        [5, "date '29/02/2023' is not a valid date"],
        [6, "date is empty"],
    ]
    # the raw cells follow, under the file's headers
    assert res.rejected.columns.tolist() == ["row", "reason", "Client", "Date", "Montant"]
    assert res.rejected["Client"].tolist() == ["C1", "C3", "C4", "C5"]


def test_text_in_amount_and_several_reasons(tmp_path):
    text = "Client;Date;Montant\nC1;01/01/2024;abc\n;99/99/2024;\nC3;02/01/2024;7\n"
    path = write(tmp_path, "a.csv", text)
    res = read_table(path, "transactions")
    assert res.rejected[["row", "reason"]].values.tolist() == [
        [2, "amount 'abc' is not a number"],
        [3, "customer id is empty; date '99/99/2024' is not a valid date; amount is empty"],
    ]
    fr = read_table(path, "transactions", lang="fr")
    assert fr.rejected["reason"].tolist() == [
        "montant 'abc' n'est pas un nombre",
        "code client vide; date '99/99/2024' n'est pas une date valide; montant vide",
    ]


def test_line_numbers_with_blank_lines_quotes_and_bad_lines(tmp_path):
    text = ("\n"                                  # line 1: empty, header on line 2
            "Client;Date;Montant;Note\n"          # line 2
            "C1;01/01/2024;1;ok\n"                # line 3
            "\n"                                  # line 4: empty line
            'C2;01/01/2024;2;"two\nlines"\n'      # line 5 (one spreadsheet row)
            "C3;01/01/2024;x;bad\n"               # line 6: rejected
            "C4;01/01/2024;4;a;b\n"               # line 7: too many cells
            "C5;01/01/2024;5\n"                   # line 8: short line, padded
            ";;;\n"                               # line 9: all empty, skipped
            "C6;01/01/2024;6;;\n")                # line 10: extra empty cell, fine
    res = read_table(write(tmp_path, "l.csv", text), "transactions")
    invariant(res)
    assert res.lines.tolist() == [3, 5, 8, 10]
    assert res.rejected[["row", "reason"]].values.tolist() == [
        [6, "amount 'x' is not a number"],
        [7, "the line has 5 cells where the header has 4"],
    ]
    assert res.n_read == 6
    assert any("2 empty lines were skipped" in w for w in res.warnings)


def test_credit_notes_kept_and_counted(tmp_path):
    text = "Client;Date;Montant\nC1;01/01/2024;100\nC1;02/01/2024;-30\nC2;02/01/2024;(12,5)\n"
    res = read_table(write(tmp_path, "c.csv", text), "transactions")
    assert res.n_imported == 3 and res.n_credit_notes == 2
    assert res.data["amount"].tolist() == [100.0, -30.0, -12.5]
    assert any("negative amount" in w and "kept" in w for w in res.warnings)


def test_duplicates_reported_and_kept(tmp_path):
    text = ("Client;Date;Montant\n"
            "C1;01/01/2024;10\n"
            "C2;01/01/2024;10\n"
            "C1;01/01/2024;10\n"   # copy of line 2
            "C1;01/01/2024;10\n"   # copy of line 2
            "C1;01/01/2024;10,0\n")  # same value, different text: not an exact copy
    res = read_table(write(tmp_path, "d.csv", text), "transactions")
    assert res.n_imported == 5
    assert res.n_duplicates == 2
    assert res.duplicates[["row", "first_row"]].values.tolist() == [[4, 2], [5, 2]]
    assert res.duplicates["Client"].tolist() == ["C1", "C1"]
    assert any("2 lines are exact copies" in w and "kept" in w for w in res.warnings)


def test_no_duplicates_gives_empty_table(tmp_path):
    res = read_table(write(tmp_path, "d.csv", "Client;Date;Montant\nC1;01/01/2024;1\n"),
                     "transactions")
    assert res.n_duplicates == 0 and res.duplicates.empty
    assert {"row", "first_row"} <= set(res.duplicates.columns)


def test_postal_code_leading_zero_kept(tmp_path):
    text = "N° client;Raison sociale;CP;Ville;Latitude\nC1;Sté A;06000;Nice;43.7\n"
    res = read_table(write(tmp_path, "c.csv", text), "customers")
    assert res.data["postal_code"].tolist() == ["06000"]
    assert res.data["latitude"].tolist() == [43.7]


def test_optional_bad_values_left_empty_with_warning(tmp_path):
    text = ("N° client;Latitude;Longitude;Date création;Plafond\n"
            "C1;abc;7,26;01/01/2020;1 000\n"
            "C2;43,7;7,26;bientôt;n/a\n"
            "C3;95;200;;x\n")
    res = read_table(write(tmp_path, "c.csv", text), "customers")
    invariant(res)
    assert res.n_imported == 3 and res.n_rejected == 0
    d = res.data
    assert d["latitude"].isna().tolist() == [True, False, True]
    assert d["longitude"].tolist()[:2] == [7.26, 7.26] and np.isnan(d["longitude"].iloc[2])
    assert d["created"].isna().tolist() == [False, True, True]
    assert d["credit_limit"].tolist()[0] == 1000.0 and d["credit_limit"].isna().sum() == 2
    w = " | ".join(res.warnings)
    assert "1 value of 'latitude' was not a number and was left empty (e.g. 'abc' on line 2)" in w
    assert "1 value of 'latitude' was outside -90..90" in w
    assert "1 value of 'created' was not a valid date" in w
    assert "1 value of 'credit_limit' was not a number" in w  # "n/a" is simply empty


def test_invoice_id_derived_when_missing(tmp_path):
    text = "Client;Date;Montant;Facture\nC1;05/01/2024;1;F1\nC2;06/01/2024;2;\n"
    res = read_table(write(tmp_path, "i.csv", text), "transactions")
    assert res.data["invoice_id"].tolist() == ["F1", "C2-2024-01-06"]
    assert any("1 line had no invoice id" in w for w in res.warnings)


def test_booleans(tmp_path):
    text = ("Code client;Date;Réclamation\n" + "".join(
        f"C1;01/01/2024;{v}\n" for v in
        ["oui", "Non", "YES", "no", "true", "False", "1", "0", "x", "vrai", "FAUX", "", "peut-être"]))
    res = read_table(write(tmp_path, "b.csv", text), "contacts")
    assert res.data["complaint"].dtype == "boolean"
    assert res.data["complaint"].tolist() == [
        True, False, True, False, True, False, True, False, True, True, False, pd.NA, pd.NA]
    assert any("1 value of 'complaint' was not yes/no" in w for w in res.warnings)


# ---------------------------------------------------------------------- parsing details


@pytest.mark.parametrize("text, value", [
    ("1 234,56", 1234.56),
    (f"1{NBSP}234,56", 1234.56),
    (f"1{NNBSP}234,56", 1234.56),
    ("1 234,56 €", 1234.56),
    ("€1,234.56", 1234.56),
    ("1234,56 EUR", 1234.56),
    ("12,5 %", 12.5),
    ("(123,45)", -123.45),
    ("-12,5", -12.5),
    ("12,5-", -12.5),
    ("1.234,56", 1234.56),
    ("1,234.56", 1234.56),
    ("1234.56", 1234.56),
    ("1.234.567", 1234567.0),
    ("1,234,567.5", 1234567.5),
    ("0", 0.0),
    ("+7", 7.0),
])
def test_number_formats(text, value):
    # each value alone in its column, next to an unambiguous French value
    data = f"Client;Date;Montant\nC1;01/01/2024;{text}\nC2;01/01/2024;2,5\n".encode()
    res = read_table(data, "transactions")
    assert res.n_rejected == 0, res.rejected
    assert res.data["amount"].iloc[0] == pytest.approx(value)


def test_ambiguous_thousands_follow_the_column():
    # "1,234" alone is read as French 1.234; next to "1,234.56" the comma is a thousands mark
    fr = read_table(b"Client;Date;Montant\nC1;01/01/2024;1,234\n", "transactions")
    assert fr.data["amount"].tolist() == [1.234]
    en = read_table(b'Client,Date,Montant\nC1,01/01/2024,"1,234"\nC1,01/01/2024,"1,234.56"\n',
                    "transactions")
    assert en.data["amount"].tolist() == [1234.0, 1234.56]


@pytest.mark.parametrize("text, expected", [
    ("15/01/2024", "2024-01-15"),
    ("15-01-2024", "2024-01-15"),
    ("15.01.2024", "2024-01-15"),
    ("15/01/24", "2024-01-15"),
    ("2024-01-15", "2024-01-15"),
    ("2024-01-15 13:45:10", "2024-01-15 13:45:10"),
    ("2024-01-15T08:00", "2024-01-15 08:00"),
    ("15/01/2024 09:30", "2024-01-15 09:30"),
    ("20240115", "2024-01-15"),
    ("45306", "2024-01-15"),
    ("15 janvier 2024", "2024-01-15"),
    ("1er févr. 2024", "2024-02-01"),
])
def test_date_formats(text, expected):
    data = f"Client;Date;Montant\nC1;{text};1\n".encode()
    res = read_table(data, "transactions")
    assert res.n_rejected == 0, res.rejected
    assert res.data["date"].iloc[0] == pd.Timestamp(expected)


def test_day_first_decided_per_column():
    dmy = read_table(b"Client;Date;Montant\nC;03/04/2024;1\nC;25/04/2024;1\n", "transactions")
    assert dmy.data["date"].dt.month.tolist() == [4, 4]
    mdy = read_table(b"Client;Date;Montant\nC;03/04/2024;1\nC;04/25/2024;1\n", "transactions")
    assert mdy.data["date"].dt.month.tolist() == [3, 4]
    assert any("month/day/year" in w for w in mdy.warnings)
    amb = read_table(b"Client;Date;Montant\nC;03/04/2024;1\n", "transactions")
    assert amb.data["date"].iloc[0] == pd.Timestamp("2024-04-03")
    assert any("day/month/year" in w for w in amb.warnings)


def test_excel_serial_dates_in_csv_column_mixed_with_text_dates():
    data = b"Client;Date;Montant\nC;45292;1\nC;45292.5;1\nC;02/01/2024;1\nC;12;1\n"
    res = read_table(data, "transactions")
    assert res.data["date"].tolist() == [pd.Timestamp("2024-01-01"),
                                         pd.Timestamp("2024-01-01 12:00"),
                                         pd.Timestamp("2024-01-02")]
    assert res.rejected["reason"].tolist() == ["date '12' is not a valid date"]


def test_strings_trimmed_and_empty_is_missing():
    res = read_table(b"Client;Date;Montant;Produit\n  C1 ;01/01/2024;1;   \n", "transactions")
    assert res.data["customer_id"].tolist() == ["C1"]
    assert res.data["product"].tolist() == [None]


def test_receivables_date_alias():
    data = (b"Facture;Client;Date;Echeance;Montant TTC;Date reglement\n"
            b"F1;C1;01/01/2024;31/01/2024;1200;\n")
    res = read_table(data, "receivables")
    assert res.mapping["Date"] == "invoice_date"
    assert res.data["paid_date"].isna().all()
    assert res.data["due_date"].iloc[0] == pd.Timestamp("2024-01-31")


def test_raw_table_is_not_converted():
    raw = read_raw(b"Client;Montant;Date\nC1;1 234,5;01/02/2024\n")
    assert isinstance(raw, RawTable)
    assert raw.frame.iloc[0].tolist() == ["C1", "1 234,5", "01/02/2024"]
    assert raw.lines.tolist() == [2]


# ---------------------------------------------------------------------- property


GOOD_CUST, BAD_CUST = ["C1", " C2 ", "006"], ["", "   "]
GOOD_DATE, BAD_DATE = ["15/01/2024", "2024-02-29", "45292", "02/03/24"], \
    ["31/02/2024", "hier", "", "2024-13-01"]
GOOD_AMT, BAD_AMT = ["12,5", "-3", "(1 234,50)", "1.234,5", "0"], ["abc", "", "12,5,3x"]
NOISE = st.text(alphabet=list("ab ;,\"\n\té€'") + [NBSP], max_size=12)


@st.composite
def messy_rows(draw):
    n = draw(st.integers(min_value=0, max_value=25))
    rows = []
    for _ in range(n):
        rows.append([
            draw(st.sampled_from(GOOD_CUST + BAD_CUST)),
            draw(st.sampled_from(GOOD_DATE + BAD_DATE)),
            draw(st.sampled_from(GOOD_AMT + BAD_AMT)),
            draw(NOISE),
        ])
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=messy_rows(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_property_imported_plus_rejected_is_read(rows, encoding):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Code client", "Date", "Montant", "Commentaire"])
    writer.writerows(rows)
    res = read_table(buf.getvalue().encode(encoding), "transactions",
                     mapping={"Code client": "customer_id", "Date": "date",
                              "Montant": "amount", "Commentaire": "product"})
    invariant(res)
    non_blank = [r for r in rows if any(c.strip() for c in r)]
    good = [r for r in non_blank
            if r[0] in GOOD_CUST and r[1] in GOOD_DATE and r[2] in GOOD_AMT]
    assert res.n_read == len(non_blank)
    assert res.n_imported == len(good)
    # every rejected line points at a data line of the file, once
    rows_ = res.rejected["row"].tolist()
    assert len(set(rows_)) == len(rows_)
    assert all(2 <= r <= len(rows) + 1 for r in rows_)
    expected_rejected_lines = [i + 2 for i, r in enumerate(rows)
                               if any(c.strip() for c in r) and r not in good]
    assert rows_ == expected_rejected_lines


@settings(max_examples=80, deadline=None)
@given(x=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_property_french_money_round_trip(x):
    text = f"{x:,.2f}".replace(",", NNBSP).replace(".", ",") + " €"
    res = read_table(f"Client;Date;Montant\nC;01/01/2024;{text}\n".encode(), "transactions")
    assert res.data["amount"].iloc[0] == pytest.approx(round(x, 2), abs=1e-6)


def test_unclosed_quote_is_rejected_with_its_reason():
    data = b'Client;Date;Montant\nC1;01/01/2024;3\n"C2;02/01/2024;4\nC3;03/01/2024;5\n'
    res = read_table(data, "transactions")
    invariant(res)
    assert res.rejected["row"].tolist() == [3]
    assert res.rejected["reason"].iloc[0].startswith('a quote (") opened on this line is '
                                                     "never closed")


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["a", "b", None]),
                               st.sampled_from(["x", "y"]),
                               st.sampled_from(["1", "2", None])), max_size=40))
def test_property_duplicates_match_pandas(rows):
    from core.io import _find_duplicates

    frame = pd.DataFrame(rows, columns=["p", "q", "r"], dtype="str") if rows else \
        pd.DataFrame({"p": [], "q": [], "r": []}, dtype="str")
    dup, first = _find_duplicates(frame)
    expected = np.flatnonzero(frame.duplicated(keep="first").to_numpy())
    assert dup.tolist() == expected.tolist()
    for d, f in zip(dup, first):
        assert f < d
        assert frame.iloc[f].equals(frame.iloc[d])
        assert not frame.iloc[:f].eq(frame.iloc[d]).all(axis=1).any()  # f is the first copy


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(st.tuples(st.integers(0, 32), st.integers(0, 13),
                                st.integers(1990, 2030)), min_size=1, max_size=30))
def test_property_dates_fixed_width_and_regex_paths_agree(parts):
    # "05/03/2024" is decoded from bytes, "5/3/2024" by regex: same result, and both
    # agree with Python's calendar on which dates exist. A 13th day pins day-first.
    padded = [f"{d:02d}/{m:02d}/{y}" for d, m, y in parts] + ["13/01/2000"]
    loose = [f"{d}/{m}/{y}" for d, m, y in parts] + ["13/1/2000"]

    def parse(values):
        body = "".join(f"C;{v};1\n" for v in values)
        res = read_table(("Client;Date;Montant\n" + body).encode(), "transactions")
        return res.rejected["row"].tolist(), res.data["date"].tolist()

    assert parse(padded) == parse(loose)
    rejected, dates = parse(padded)
    expected_bad, expected_dates = [], []
    for i, (d, m, y) in enumerate(parts + [(13, 1, 2000)]):
        try:
            expected_dates.append(pd.Timestamp(dt.date(y, m, d)))
        except ValueError:
            expected_bad.append(i + 2)
    assert rejected == expected_bad
    assert dates == expected_dates
