"""Tests of the demo portfolio generator (core.sample) and the committed sample_data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import sample
from core.sample import (
    CATALOGUE,
    CHANNELS,
    FAMILIES,
    PAYMENT_METHODS,
    PROSPECT_STATUSES,
    REPS,
    generate_portfolio,
    load_communes,
    load_demo,
    siret_is_valid,
    write_portfolio,
)
from core.schema import COLUMNS, coerce_types

ROOT = Path(__file__).resolve().parents[2]
END = pd.Timestamp("2026-10-31")
EMAIL_RE = re.compile(r"^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")
PHONE_RE = re.compile(r"^0[1-9]( \d\d){4}$|^0[1-9]\d{8}$|^\+33 [1-9]( \d\d){4}$")


@pytest.fixture(scope="module")
def demo():
    return generate_portfolio()


def _shares(p):
    """ABC shares (top 10 %, next 40 %, last 50 %) of revenue over the last 12 months."""
    t = p.transactions
    last = t[t["date"] > END - pd.DateOffset(months=12)]
    rev = last.groupby("customer_id")["amount"].sum()
    v = np.sort(rev[rev > 0].to_numpy())[::-1]
    a, b = int(np.ceil(0.1 * len(v))), int(np.ceil(0.5 * len(v)))
    return v[:a].sum() / v.sum(), v[a:b].sum() / v.sum(), v[b:].sum() / v.sum()


# ------------------------------------------------------------------ shape and contract


def test_same_seed_gives_identical_tables(demo):
    again = generate_portfolio()
    for kind, frame in demo.tables().items():
        pd.testing.assert_frame_equal(frame, getattr(again, kind))


def test_other_seed_gives_other_tables(demo):
    other = generate_portfolio(n_customers=600, n_prospects=200, seed=7)
    assert not demo.transactions["amount"].equals(other.transactions["amount"])


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_canonical_columns_and_dtypes(demo, kind):
    frame = getattr(demo, kind)
    assert list(frame.columns) == list(COLUMNS[kind])
    for col, typ in COLUMNS[kind].items():
        s = frame[col]
        if typ == "str":
            assert pd.api.types.is_string_dtype(s.dtype), col
            assert s.dropna().map(type).eq(str).all(), col
        elif typ == "float":
            assert s.dtype == np.float64, col
        elif typ == "date":
            assert s.dtype == "datetime64[ns]", col
        else:
            assert s.dtype == "boolean", col
    # already in the form core.schema.coerce_types gives
    pd.testing.assert_frame_equal(coerce_types(frame, kind), frame)


def test_counts_and_ids(demo):
    c = demo.customers
    assert c["customer_id"].is_unique
    assert (c["status"] == "customer").sum() == 600
    assert c["status"].isin(PROSPECT_STATUSES).sum() == 200
    cust = c[c["status"] == "customer"]["customer_id"]
    pros = c[c["status"] != "customer"]["customer_id"]
    assert cust.str.fullmatch(r"C\d{5}").all()
    assert pros.str.fullmatch(r"P\d{5}").all()
    assert demo.receivables["invoice_id"].is_unique
    assert 30_000 <= len(demo.transactions) <= 40_000


def test_ids_follow_creation_order(demo):
    c = demo.customers[demo.customers["status"] == "customer"]
    assert c.sort_values("customer_id")["created"].is_monotonic_increasing


def test_every_sale_belongs_to_a_known_customer(demo):
    t, c = demo.transactions, demo.customers
    known = set(c.loc[c["status"] == "customer", "customer_id"])
    assert set(t["customer_id"]) <= known
    assert set(demo.receivables["customer_id"]) <= known
    assert set(demo.contacts["customer_id"]) <= set(c["customer_id"])


def test_prospects_have_no_sales_but_have_contacts(demo):
    t, c, k = demo.transactions, demo.customers, demo.contacts
    assert not t["customer_id"].str.startswith("P").any()
    pros = set(c.loc[c["status"] != "customer", "customer_id"])
    assert len(pros & set(k["customer_id"])) > 100


def test_one_invoice_has_one_customer_and_one_date(demo):
    g = demo.transactions.groupby("invoice_id")
    assert (g["customer_id"].nunique() == 1).all()
    assert (g["date"].nunique() == 1).all()
    assert (g.size() > 1).mean() > 0.5  # several lines per invoice


def test_every_customer_bought_at_least_once(demo):
    c = demo.customers
    cust = set(c.loc[c["status"] == "customer", "customer_id"])
    assert cust == set(demo.transactions["customer_id"])


# ----------------------------------------------------------------------- content


def test_concentration_close_to_textbook(demo):
    top, mid, low = _shares(demo)
    assert 0.55 <= top <= 0.62
    assert 0.28 <= mid <= 0.35
    assert 0.08 <= low <= 0.12


def test_concentration_shares_hand_example():
    # 10 customers: top 1 = 60, next 4 = 30, last 5 = 10 -> exactly the textbook split
    t = pd.DataFrame({
        "customer_id": [f"C{i}" for i in range(10)],
        "date": pd.Timestamp("2026-06-01"),
        "amount": [60.0, 9.0, 8.0, 7.0, 6.0, 2.0, 2.0, 2.0, 2.0, 2.0],
    })
    assert np.allclose(_shares(type("P", (), {"transactions": t})()), (0.6, 0.3, 0.1))


def test_credit_notes_present_and_negative(demo):
    t = demo.transactions
    cn = t[t["amount"] < 0]
    assert 20 <= len(cn) <= 0.02 * len(t)
    assert cn["invoice_id"].str.startswith("AV").all()
    assert (cn["margin"] <= 0).all() and (cn["quantity"] < 0).all()
    regular = t[~t["invoice_id"].str.startswith("AV")]
    assert (regular["amount"] > 0).all() and (regular["margin"] > 0).all()


def test_dates_inside_window_and_on_working_days(demo):
    t = demo.transactions
    assert t["date"].min() >= pd.Timestamp("2023-11-01")
    assert t["date"].max() <= END
    assert (t["date"].dt.day_of_week < 5).all()


def test_families_margins_and_catalogue(demo):
    t = demo.transactions
    assert set(t["family"]) == set(FAMILIES)
    rate = t.groupby("family")["margin"].sum() / t.groupby("family")["amount"].sum()
    # discounts lower the realised rate a little; the ranking of families stays
    assert rate["Formation"] > rate["Maintenance"] > rate["Équipement"] > rate["Emballage"]
    assert ((rate - pd.Series(FAMILIES)).abs() < 0.08).all()
    fam_order = list(FAMILIES)
    keys = [(fam_order.index(f), p) for f, _, p in CATALOGUE]
    assert keys == sorted(keys)  # the product picker relies on this order


def test_seasonality_low_august_high_december(demo):
    t = demo.transactions
    by_month = t.groupby(t["date"].dt.month)["amount"].sum()
    assert by_month[8] < 0.7 * by_month.mean()
    assert by_month[12] > 1.15 * by_month.mean()


def test_trajectories_lost_and_new_customers(demo):
    t = demo.transactions
    span = t.groupby("customer_id")["date"].agg(["min", "max"])
    new = span["min"] > END - pd.DateOffset(months=12)
    lost = span["max"] < END - pd.DateOffset(months=6)
    assert 50 <= new.sum() <= 120
    assert 50 <= lost.sum() <= 160
    gone = span.loc[lost, "max"]
    assert (gone > END - pd.DateOffset(months=19)).mean() > 0.7


def test_customers_fields(demo):
    c = demo.customers
    cust = c[c["status"] == "customer"]
    assert cust["kind"].value_counts(normalize=True)["B2B"] > 0.9
    assert set(cust["size"].dropna()) <= {"1-9", "10-49", "50-249", "250+"}
    assert set(cust["payment_terms_days"]) <= {30.0, 45.0, 60.0}
    assert set(c["sales_rep"]) == {r["name"] for r in REPS}
    assert (c["country"] == "FR").all()
    assert (cust["credit_limit"] > 0).all() and (cust["acquisition_cost"] > 0).all()
    assert c["postal_code"].str.fullmatch(r"\d{5}").all()
    lat, lon = c["latitude"].dropna(), c["longitude"].dropna()
    assert lat.between(44.6, 46.6).all() and lon.between(3.6, 7.3).all()
    # potential >= last-12-month revenue for most customers
    last = demo.transactions[demo.transactions["date"] > END - pd.DateOffset(months=12)]
    rev = last.groupby("customer_id")["amount"].sum()
    pot = cust.set_index("customer_id")["potential"].reindex(rev.index)
    assert (pot >= rev).mean() > 0.8


def test_created_before_first_purchase(demo):
    first = demo.transactions.groupby("customer_id")["date"].min()
    created = demo.customers.set_index("customer_id")["created"].reindex(first.index)
    assert (created <= first).all()


def test_reps_mostly_nearest_base(demo):
    c = demo.customers.dropna(subset=["latitude"])
    bases = np.array([[r["latitude"], r["longitude"]] for r in REPS])
    d = ((c[["latitude", "longitude"]].to_numpy()[:, None, :] - bases[None]) ** 2).sum(-1)
    nearest = np.array([r["name"] for r in REPS])[d.argmin(1)]
    share = (nearest == c["sales_rep"].to_numpy()).mean()
    assert 0.8 <= share < 1.0


def test_communes_are_real_and_used(demo):
    com = load_communes()
    assert 300 <= len(com) <= 2000
    assert (ROOT / "sample_data" / "communes.csv").stat().st_size < 200_000
    assert set(com["department"]) == {"01", "38", "42", "69", "73"}
    assert (com["postal_code"].str[:2] == com["department"]).all()
    lyon = com[com["city"] == "Lyon"]
    assert set(lyon["postal_code"]) == {f"6900{i}" for i in range(1, 10)}
    pairs = set(zip(com["postal_code"], com["city"]))
    c = demo.customers
    ok = [(p, v) in pairs for p, v in zip(c["postal_code"], c["city"])]
    bad = set(c.loc[~np.array(ok), "customer_id"])
    planted = demo.meta["planted"]
    expected = set(planted["postal_code_city_mismatch"])
    # the duplicate whose city was typed in capitals is also off the list
    assert expected <= bad and len(bad) <= 2


def test_sirets_valid_except_planted(demo):
    c = demo.customers.set_index("customer_id")
    s = c["siret"].dropna()
    valid = s.map(siret_is_valid)
    assert set(s.index[~valid]) == set(demo.meta["planted"]["bad_siret"])
    assert s[valid].map(lambda x: siret_is_valid("00000" + x[:9])).all()  # SIREN is Luhn too
    assert c.loc[c["kind"] == "B2C", "siret"].isna().all()


def test_luhn_hand_examples():
    assert siret_is_valid("73282932000074")  # a published valid SIRET
    assert not siret_is_valid("73282932000075")
    assert not siret_is_valid("7328293200007")
    assert not siret_is_valid(None)
    digits = np.array([[7, 2, 4, 9, 2, 7, 1, 6]])
    # from the right, doubled: 6->3, 7->5, 9->9, 2->4; kept: 1, 2, 4, 7: sum 35 -> check 5
    assert sample._luhn_check_digit(digits)[0] == 5


def test_planted_contact_defects(demo):
    c = demo.customers.set_index("customer_id")
    planted = demo.meta["planted"]
    emails = c["email"].dropna()
    bad_email = set(emails.index[~emails.str.match(EMAIL_RE)])
    assert bad_email == set(planted["bad_email"])
    phones = c["phone"].dropna()
    bad_phone = set(phones.index[~phones.str.match(PHONE_RE)])
    assert bad_phone == set(planted["bad_phone"])
    assert c.loc[planted["missing_coordinates"], "latitude"].isna().all()
    assert c["latitude"].isna().sum() == 2


def test_planted_near_duplicates(demo):
    c = demo.customers.set_index("customer_id")
    pairs = demo.meta["planted"]["duplicates"]
    assert len(pairs) == 8

    def norm(s):
        s = sample._strip_accents(s).lower()
        return re.sub(r"\b(sarl|sas|sa|eurl|ets)\b|[^a-z0-9 ]", " ", s).split()

    for a, b in pairs:
        assert c.loc[a, "name"] != c.loc[b, "name"]
        assert c.loc[a, "postal_code"] == c.loc[b, "postal_code"]
        ta, tb = set(norm(c.loc[a, "name"])), set(norm(c.loc[b, "name"]))
        assert len(ta & tb) >= 1
        assert a < b  # the duplicate was opened later
    # apart from the planted pairs, normalised names are unique
    keys = c["name"].map(lambda s: " ".join(norm(s)))
    dups = keys[keys.duplicated(keep=False)]
    assert set(dups.index) <= {i for pair in pairs for i in pair}


def test_contacts_channels_costs_durations(demo):
    k = demo.contacts
    assert set(k["channel"]) == set(CHANNELS)
    v = k[k["channel"] == "visite"]
    assert v["cost"].between(120, 180).all() and v["duration_min"].between(45, 90).all()
    ph = k[k["channel"] == "téléphone"]
    assert ph["cost"].between(6, 10).all() and abs(ph["cost"].mean() - 8) < 1.5
    assert (k.loc[k["channel"] == "e-mail", "cost"] == 0.5).all()
    assert (k.loc[k["channel"] == "publipostage", "cost"] == 2.0).all()
    assert k["outcome"].notna().all()
    assert k["date"].between(pd.Timestamp("2023-11-01"), END).all()


def test_complaints_and_sensitive_customers(demo):
    k = demo.contacts
    comp = k[k["complaint"]]
    assert comp["outcome"].str.startswith("réclamation").all()
    assert not comp["customer_id"].str.startswith("P").any()
    close = comp.sort_values("date").groupby("customer_id")["date"].apply(
        lambda s: bool((s.diff().dt.days <= 60).any()))
    flagged = set(close[close].index)
    assert set(demo.meta["planted"]["double_complaints"]) <= flagged
    assert len(flagged) <= 20  # "a few"


def test_receivables_consistent(demo):
    r, t, c = demo.receivables, demo.transactions, demo.customers
    assert (r["due_date"] >= r["invoice_date"]).all()
    paid = r.dropna(subset=["paid_date"])
    assert (paid["paid_date"] >= paid["invoice_date"]).all()
    assert (paid["paid_date"] <= END).all()
    assert r["invoice_date"].min() > END - pd.DateOffset(months=15)
    assert set(r["payment_method"]) == set(PAYMENT_METHODS)
    # amount incl. tax = 1.2 x the invoice's net total
    net = t.groupby("invoice_id")["amount"].sum()
    assert np.allclose(r["amount"], (net.reindex(r["invoice_id"]) * 1.2).round(2), atol=0.011)
    # due date = invoice date + the customer's payment terms
    terms = c.set_index("customer_id")["payment_terms_days"].reindex(r["customer_id"])
    assert ((r["due_date"] - r["invoice_date"]).dt.days.to_numpy() == terms.to_numpy()).all()
    # every regular invoice of the last 15 months has its receivable
    recent = t[(t["date"] > END - pd.DateOffset(months=15)) & t["invoice_id"].str.startswith("F")]
    assert set(recent["invoice_id"]) == set(r["invoice_id"])


def test_receivables_payment_behaviour(demo):
    r = demo.receivables
    delay = (r["paid_date"] - r["due_date"]).dt.days.dropna()
    assert delay.abs().le(5).mean() > 0.5  # most around the due date
    assert delay.max() <= 120 and (delay > 30).sum() > 10
    open_ = r[r["paid_date"].isna()]
    over90 = open_[open_["due_date"] < END - pd.Timedelta(days=90)]
    assert set(demo.meta["planted"]["unpaid_over_90_days"]) <= set(over90["customer_id"])
    assert 0 < open_["customer_id"].nunique() < len(r["customer_id"].unique())
    # direct debit is paid on the due date
    dd = r[(r["payment_method"] == "prélèvement") & r["paid_date"].notna()]
    assert (dd["paid_date"] == dd["due_date"]).mean() > 0.9


# ------------------------------------------------------------ demo files and I/O


def test_load_demo_equals_fresh_generation(demo):
    loaded = load_demo()
    for kind, frame in demo.tables().items():
        pd.testing.assert_frame_equal(getattr(loaded, kind), frame, check_exact=True)
    assert loaded.last_date() == demo.last_date()


def test_committed_files_are_small():
    files = [ROOT / "sample_data" / f"{k}.csv" for k in sample.TABLE_FILES]
    sizes = [f.stat().st_size for f in files]
    assert max(sizes) < 2_000_000 and sum(sizes) < 6_000_000


def test_csv_format_iso_dates_and_dot_decimals():
    head = (ROOT / "sample_data" / "receivables.csv").read_text(encoding="utf-8").splitlines()
    assert head[0] == ",".join(COLUMNS["receivables"])
    fields = head[1].split(",")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", fields[2])
    assert re.fullmatch(r"-?\d+(\.\d+)?", fields[4])
    cust = (ROOT / "sample_data" / "customers.csv").read_text(encoding="utf-8")
    assert "01000" in cust  # leading zeros kept


def test_write_and_read_back_roundtrip(tmp_path):
    p = generate_portfolio(n_customers=120, n_prospects=10, seed=5)
    paths = write_portfolio(p, tmp_path)
    assert sorted(paths) == sorted(sample.TABLE_FILES)
    back = load_demo(tmp_path)
    for kind, frame in p.tables().items():
        pd.testing.assert_frame_equal(getattr(back, kind), frame)


def test_write_parquet(tmp_path):
    p = generate_portfolio(n_customers=30, n_prospects=5, seed=2)
    paths = write_portfolio(p, tmp_path, fmt="parquet")
    back = pd.read_parquet(paths["transactions"])
    assert len(back) == len(p.transactions)
    assert back["customer_id"].tolist() == p.transactions["customer_id"].tolist()


def test_cli_writes_files(tmp_path):
    assert sample.main(["--customers", "200", "--out", str(tmp_path), "--seed", "3",
                        "--lines-per-customer", "20"]) == 0
    for kind in sample.TABLE_FILES:
        assert (tmp_path / f"{kind}.csv").stat().st_size > 0
    t = pd.read_csv(tmp_path / "transactions.csv", dtype={"customer_id": str})
    assert t["customer_id"].nunique() == 200
    assert 2_000 <= len(t) <= 6_000  # ~20 lines per customer
    c = pd.read_csv(tmp_path / "customers.csv", dtype=str)
    assert (c["status"] != "customer").sum() == 66  # a third of --customers


def test_cli_as_module_parquet(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "core.sample", "--customers", "200", "--out", str(tmp_path),
         "--format", "parquet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert "transactions" in out.stdout
    assert len(pd.read_parquet(tmp_path / "customers.parquet")) == 266


def test_cli_rejects_bad_arguments(tmp_path, capsys):
    assert sample.main(["--customers", "0", "--out", str(tmp_path)]) == 2
    assert "n_customers" in capsys.readouterr().err
    assert sample.main(["--customers", "10"]) == 2


# ------------------------------------------------------------------ edge cases


@pytest.mark.parametrize("kwargs, message", [
    ({"n_customers": 0}, "n_customers"),
    ({"n_prospects": -1}, "n_prospects"),
    ({"months": 6}, "months"),
    ({"end": "not a date"}, "end"),
    ({"lines_per_customer": 0}, "lines_per_customer"),
])
def test_bad_arguments_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        generate_portfolio(**kwargs)


def test_bad_format_and_missing_demo(tmp_path, demo):
    with pytest.raises(ValueError, match="format"):
        write_portfolio(demo, tmp_path, fmt="xlsx")
    with pytest.raises(ValueError, match="--demo"):
        load_demo(tmp_path)


def test_one_customer_no_prospect():
    p = generate_portfolio(n_customers=1, n_prospects=0, seed=0)
    assert p.customers["customer_id"].tolist() == ["C00001"]
    assert set(p.transactions["customer_id"]) == {"C00001"}
    assert p.meta["planted"] == {}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 160), npp=st.integers(0, 30), months=st.integers(13, 40),
       seed=st.integers(0, 2**32 - 1))
def test_invariants_hold_for_any_seed_and_size(n, npp, months, seed):
    p = generate_portfolio(n_customers=n, n_prospects=npp, months=months, seed=seed,
                           lines_per_customer=15)
    c, t, r = p.customers, p.transactions, p.receivables
    assert len(c) == n + npp and c["customer_id"].is_unique
    assert set(t["customer_id"]) <= set(c.loc[c["status"] == "customer", "customer_id"])
    assert t["date"].max() <= END and t["date"].min() >= END - pd.DateOffset(months=months)
    assert (r["due_date"] >= r["invoice_date"]).all()
    paid = r.dropna(subset=["paid_date"])
    assert (paid["paid_date"] >= paid["invoice_date"]).all()
    assert ((t["amount"] < 0) == t["invoice_id"].str.startswith("AV")).all()


def test_readme_documents_planted_ids_and_columns(demo):
    readme = (ROOT / "sample_data" / "README.md").read_text(encoding="utf-8")
    for key, ids in demo.meta["planted"].items():
        flat = [i for x in ids for i in (x if isinstance(x, tuple) else (x,))]
        missing = [i for i in flat if i not in readme]
        assert not missing, f"{key}: {missing} not in sample_data/README.md"
    for kind, cols in COLUMNS.items():
        for col in cols:
            assert f"`{col}`" in readme, f"{kind}.{col} not documented"
    assert "CC BY 4.0" in readme and "GeoNames" in readme
