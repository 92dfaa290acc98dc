"""Tests of core.structure: hand-computed examples, edge cases and properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import structure as S

# Ten customers, checked on paper (module docstring and README example).
#   sorted: 500 200 100 100 50 30 10 10 0 0 (total 1000)
#   cumulative before: 0 500 700 700 900 950 980 990 1000 1000
TEN = pd.Series(
    [10, 500, 0, 100, 30, 200, 10, 100, 50, 0],
    index=[f"{i:03d}" for i in range(10)],  # leading zeros must survive
    dtype="float64",
)
TEN_CLASSES = {  # rule "reach", cuts (0.8, 0.95), basis value
    "001": "A", "005": "A", "003": "A", "007": "A",  # 500, 200, 100, 100 (tie at 700)
    "008": "B",  # 50, cumulative before 900
    "004": "C", "000": "C", "006": "C", "002": "C", "009": "C",
}


# --------------------------------------------------------------------------- ABC
def test_abc_ten_customers_by_hand():
    classes = S.abc_classes(TEN)
    assert classes.to_dict() == TEN_CLASSES
    assert list(classes.index) == list(TEN.index)
    assert list(classes.cat.categories) == ["A", "B", "C"]


def test_abc_ten_customers_table_by_hand():
    t = S.abc_table(TEN, S.abc_classes(TEN))
    assert t["n_customers"].tolist() == [4, 1, 5]
    assert t["value"].tolist() == [900.0, 50.0, 50.0]
    assert t["share_customers"].tolist() == pytest.approx([0.4, 0.1, 0.5])
    assert t["share_value"].tolist() == pytest.approx([0.9, 0.05, 0.05])
    assert t["mean_value"].tolist() == pytest.approx([225.0, 50.0, 10.0])
    assert t["min_value"].tolist() == [100.0, 50.0, 0.0]
    assert t["max_value"].tolist() == [500.0, 50.0, 30.0]
    assert t["cum_share_value"].iloc[-1] == pytest.approx(1.0)


def test_abc_ten_customers_within_rule():
    # cumulative including self: 50 % 70 % 80 % | 90 % 95 % 98 % ... The two 100s
    # are tied: the first is at 80 % (within A), so both are A, not split A / B.
    c = S.abc_classes(TEN, rule="within")
    assert c[["001", "005"]].tolist() == ["A", "A"]
    assert c[["003", "007", "008"]].tolist() == ["A", "A", "B"]
    assert (c[["004", "000", "006", "002", "009"]] == "C").all()


def test_abc_ten_customers_count_basis_textbook():
    # 10 / 40 / 50 % of customers: 1 in A, 4 in B, 5 in C
    for rule in ("reach", "within"):
        c = S.abc_classes(TEN, cuts=(0.1, 0.5), basis="count", rule=rule)
        assert c.value_counts().to_dict() == {"A": 1, "B": 4, "C": 5}
        assert c["001"] == "A" and c["008"] == "B" and c["004"] == "C"


def test_abc_six_customers_by_hand():
    v = pd.Series([40.0, 25.0, 15.0, 10.0, 6.0, 4.0], index=list("abcdef"))
    assert S.abc_classes(v).tolist() == ["A", "A", "A", "B", "B", "C"]
    # within: cumulative 40 65 80 90 96 100 -> 80 % is still within A
    assert S.abc_classes(v, rule="within").tolist() == ["A", "A", "A", "B", "C", "C"]
    assert S.gini(v) == pytest.approx(484 / 1200)


def test_abc_two_class_pareto_mode():
    v = pd.Series([50.0, 20.0, 10.0, 8.0, 5.0, 3.0, 2.0, 1.0, 1.0, 0.0])
    c = S.abc_classes(v, cuts=(0.2,), basis="count")
    assert list(c.cat.categories) == ["A", "B"]
    assert c.tolist() == ["A", "A"] + ["B"] * 8
    t = S.abc_table(v, c)
    assert t.loc["A", "share_value"] == pytest.approx(0.7)
    r = S.abc_reading(t)
    assert (r["label"], r["share_customers"], r["share_value"]) == ("A", 0.2, 0.7)


def test_abc_ties_at_cut_are_not_split():
    v = pd.Series([30.0, 25.0, 25.0, 20.0])  # total 100, cut 50 %
    # without the tie rule the second 25 (cumulative before 55) would be B
    assert S.abc_classes(v, cuts=(0.5, 0.9)).tolist() == ["A", "A", "A", "B"]
    w = pd.Series([40.0, 10.0, 10.0, 40.0])  # within: second 40 would be at 80 %
    assert S.abc_classes(w, cuts=(0.5, 0.9), rule="within").tolist() == ["A", "B", "B", "A"]
    # count basis: a tie straddling the 10 % line goes to A as a whole
    c = S.abc_classes([9, 9, 8, 7, 6, 5, 4, 3, 2, 1], cuts=(0.1, 0.5), basis="count")
    assert c.tolist()[:3] == ["A", "A", "B"]


def test_abc_all_equal_and_one_customer():
    assert (S.abc_classes([5.0] * 7) == "A").all()
    assert (S.abc_classes([5.0] * 7, rule="within") == "A").all()
    assert S.abc_classes(pd.Series([12.0], index=["X"])).to_dict() == {"X": "A"}
    assert S.gini([5.0] * 7) == 0.0
    assert S.gini([12.0]) == 0.0


def test_abc_credit_notes_go_last_and_shares_use_net_total():
    v = pd.Series([100.0, -20.0, 50.0, 0.0], index=["a", "b", "c", "d"])
    c = S.abc_classes(v)
    assert c.to_dict() == {"a": "A", "b": "C", "c": "A", "d": "C"}
    t = S.abc_table(v, c)
    assert t.loc["A", "share_value"] == pytest.approx(150 / 130)
    assert t.loc["C", "value"] == -20.0
    assert t["share_value"].sum() == pytest.approx(1.0)
    # count basis: a negative customer is never A, even when it would be ranked there
    cc = S.abc_classes(pd.Series([-5.0, -1.0]), cuts=(0.5,), basis="count")
    assert cc.tolist() == ["B", "B"]


def test_abc_non_positive_net_total():
    v = pd.Series([10.0, -20.0])
    assert S.abc_classes(v).tolist() == ["C", "C"]
    t = S.abc_table(v, S.abc_classes(v))
    assert t["share_value"].isna().all()
    assert S.abc_classes(v, cuts=(0.1, 0.5), basis="count").tolist() == ["A", "C"]
    assert S.abc_classes([0.0, 0.0]).tolist() == ["C", "C"]


def test_abc_missing_values_count_as_zero():
    c = S.abc_classes(pd.Series([10.0, np.nan, 5.0], index=["a", "b", "c"]))
    assert c.to_dict() == {"a": "A", "b": "C", "c": "A"}  # c: 10 before it, 67 % < 80 %


def test_abc_empty():
    c = S.abc_classes(pd.Series([], dtype="float64"))
    assert len(c) == 0 and list(c.cat.categories) == ["A", "B", "C"]
    t = S.abc_table(pd.Series([], dtype="float64"), c)
    assert t["n_customers"].tolist() == [0, 0, 0]
    assert S.pareto_curve([]).empty
    r = S.abc_analysis(pd.Series([], dtype="float64"))
    assert r.reading == {} and np.isnan(r.gini)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"cuts": (80, 95)}, "between 0 and 1"),
        ({"cuts": (0.95, 0.8)}, "increasing"),
        ({"cuts": ()}, "between 1 and"),
        ({"cuts": (0.0, 0.5)}, "strictly between"),
        ({"basis": "share"}, "basis"),
        ({"rule": "nearest"}, "rule"),
        ({"labels": ("Top", "Other")}, "labels"),
    ],
)
def test_abc_bad_parameters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        S.abc_classes([1.0, 2.0], **kwargs)


def test_abc_bad_values_name_the_culprit():
    with pytest.raises(ValueError, match=r"1 entries that are not numbers, e.g. 'douze' for 'b'"):
        S.abc_classes(pd.Series(["10", "douze", "3"], index=["a", "b", "c"]))
    with pytest.raises(ValueError, match="infinite"):
        S.abc_classes([1.0, np.inf])
    with pytest.raises(ValueError, match="not a table"):
        S.abc_classes(pd.DataFrame({"x": [1.0]}))


def test_abc_numeric_text_is_accepted():
    assert S.abc_classes(pd.Series(["70", "20", "6", "4"])).tolist() == ["A", "A", "B", "C"]


def test_abc_custom_labels():
    c = S.abc_classes([70, 20, 6, 4], labels=("Gold", "Silver", "Bronze"))
    assert c.tolist() == ["Gold", "Gold", "Silver", "Bronze"]


def test_abc_table_accepts_plain_and_shuffled_classes():
    v = pd.Series([70.0, 20.0, 6.0, 4.0], index=list("wxyz"))
    plain = S.abc_table(v, ["A", "A", "B", "C"])
    shuffled = S.abc_table(v, S.abc_classes(v).iloc[::-1])
    pd.testing.assert_frame_equal(plain, shuffled)
    with pytest.raises(ValueError, match="one entry per customer"):
        S.abc_table(v, ["A"])


def test_pareto_curve_by_hand():
    p = S.pareto_curve(TEN)
    assert p["customer_id"].tolist()[:2] == ["001", "005"]
    assert p["share_value"].tolist()[:4] == pytest.approx([0.5, 0.7, 0.8, 0.9])
    assert p["share_customers"].iloc[-1] == 1.0
    assert p["share_value"].iloc[-1] == pytest.approx(1.0)
    assert p["abc_class"].tolist() == ["A"] * 4 + ["B"] + ["C"] * 5
    thin = S.pareto_curve(TEN, max_points=3)
    # ends and the last row of each class are kept
    assert {1, 4, 5, 10} <= set(thin["rank"])


def test_pareto_without_classes():
    p = S.pareto_curve([3.0, 1.0], cuts=None)
    assert "abc_class" not in p.columns


# --------------------------------------------------------------------------- Gini / Lorenz
def _gini_mean_difference(x):
    x = np.clip(np.asarray(x, dtype="float64"), 0, None)
    n = len(x)
    if x.sum() == 0:
        return 0.0
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2 * n * n * x.mean()))


def test_gini_ten_customers_by_hand():
    # sum_k x_(k) (2k - n - 1) = 6640 -> G = 2 * 6640 / (2 * 10^2 * 100) = 0.664
    assert S.gini(TEN) == pytest.approx(0.664)


def test_gini_extremes():
    assert S.gini([0, 0, 0, 10]) == pytest.approx(0.75)  # 1 - 1/n, never 1
    assert S.gini([0.0, 0.0]) == 0.0
    assert np.isnan(S.gini([]))
    assert S.gini([10.0, -5.0]) == pytest.approx(0.5)  # negative counts as zero


def test_lorenz_by_hand():
    lc = S.lorenz_curve(TEN)
    assert len(lc) == 11
    expected = [0, 0, 0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0]
    assert lc["share_value"].tolist() == pytest.approx(expected)
    assert lc["share_customers"].tolist() == pytest.approx(np.arange(11) / 10)
    # trapezoid on these points gives the Gini
    area = np.trapezoid(lc["share_value"], lc["share_customers"])
    assert 1 - 2 * area == pytest.approx(0.664)


def test_lorenz_edge_cases():
    assert S.lorenz_curve([]).values.tolist() == [[0.0, 0.0]]
    assert S.lorenz_curve([0.0, 0.0])["share_value"].tolist() == [0.0, 0.5, 1.0]
    thin = S.lorenz_curve(np.arange(1000.0), max_points=50)
    assert len(thin) <= 50
    assert thin.iloc[0].tolist() == [0.0, 0.0] and thin.iloc[-1].tolist() == [1.0, 1.0]


# --------------------------------------------------------------------------- concentration
def test_concentration_by_hand():
    c = S.concentration(TEN, tops=(1, 5, 20))
    assert c["n_customers"] == 10 and c["total"] == 1000
    assert c["top_1"] == pytest.approx(0.5)
    assert c["top_5"] == pytest.approx(0.95)
    assert c["top_20"] == pytest.approx(1.0)  # fewer than 20 customers: all of them
    assert c["top_10pct"] == pytest.approx(0.5)
    # shares 0.5 0.2 0.1 0.1 0.05 0.03 0.01 0.01
    hhi = 0.25 + 0.04 + 0.01 + 0.01 + 0.0025 + 0.0009 + 0.0001 + 0.0001
    assert c["herfindahl"] == pytest.approx(hhi)
    assert c["equivalent_customers"] == pytest.approx(1 / hhi)
    assert c["gini"] == pytest.approx(0.664)


def test_concentration_empty_and_zero():
    c = S.concentration([])
    assert c["n_customers"] == 0 and np.isnan(c["gini"]) and np.isnan(c["top_1"])
    z = S.concentration([0.0, 0.0])
    assert z["gini"] == 0.0 and np.isnan(z["herfindahl"])
    with pytest.raises(ValueError, match="k >= 1"):
        S.concentration([1.0], tops=(0,))


def test_herfindahl():
    assert S.herfindahl([50, 50]) == 0.5
    assert np.isnan(S.herfindahl([0, 0]))


def test_customer_totals(tiny_transactions):
    t = S.customer_totals(tiny_transactions, "2024-06-30", months=12)
    assert t.index.tolist() == ["C1", "C2"]  # C3 bought in 2022 only
    assert t.loc["C1", "amount"] == 350.0 and t.loc["C2", "amount"] == 50.0
    assert t.loc["C1", "margin"] == 110.0 and t.loc["C2", "quantity"] == 3.0
    assert t.loc["C1", "orders"] == 2 and t.loc["C2", "orders"] == 1  # credit note is no order
    assert t.loc["C1", "n_families"] == 2
    everything = S.customer_totals(tiny_transactions, "2024-06-30")
    assert everything.loc["C3", "amount"] == 60.0
    before = S.customer_totals(tiny_transactions, "2024-03-14")
    assert before.loc["C2", "amount"] == 80.0  # the credit note is after as_of
    no_inv = S.customer_totals(tiny_transactions.drop(columns=["invoice_id", "margin"]),
                               "2024-06-30")
    assert no_inv.loc["C1", "orders"] == 2 and np.isnan(no_inv.loc["C1", "margin"])
    with pytest.raises(ValueError, match="no column 'amount'"):
        S.customer_totals(tiny_transactions.drop(columns=["amount"]), "2024-06-30")


def test_period_bounds():
    assert S.period_bounds("2024-02-29", 12) == (pd.Timestamp("2023-03-01"),
                                                  pd.Timestamp("2024-02-29"))
    assert S.period_bounds("2024-06-30", None) == (None, pd.Timestamp("2024-06-30"))
    with pytest.raises(ValueError, match="not a date"):
        S.period_bounds("yesterday-ish", 12)
    with pytest.raises(ValueError, match="at least one month"):
        S.period_bounds("2024-06-30", 0)


def test_compare_concentration_and_empty_period(tiny_transactions):
    out = S.compare_concentration(tiny_transactions, "2024-06-30", months=12)
    assert list(out.columns) == ["previous", "current", "change"]
    assert out.loc["n_customers", "current"] == 2
    assert out.loc["n_customers", "previous"] == 0  # nothing between 2022-07 and 2023-06
    assert np.isnan(out.loc["gini", "previous"])
    # C1 350, C2 50: G = |350 - 50| * 2 / (2 * 4 * 200) = 0.375
    assert out.loc["gini", "current"] == pytest.approx(0.375)
    assert out.loc["top_1", "current"] == pytest.approx(350 / 400)
    with pytest.raises(ValueError, match="value must be"):
        S.compare_concentration(tiny_transactions, "2024-06-30", value="potential")


# --------------------------------------------------------------------------- interquartiles
def test_interquartile_by_hand():
    v = pd.Series([10, 20, 30, 40, 50, 60, 70, 80], dtype="float64")
    q = S.interquartile_summary(v)
    assert (q["q1"], q["median"], q["q3"]) == (27.5, 45.0, 62.5)
    assert q["iqr"] == 35.0 and q["iqr_over_median"] == pytest.approx(35 / 45)
    t = S.interquartile_table(v)
    assert t["n_customers"].tolist() == [2, 2, 2, 2]
    assert t["value"].tolist() == [30.0, 70.0, 110.0, 150.0]
    assert t["share_value"].sum() == pytest.approx(1.0)
    assert t["lower"].tolist() == [10.0, 27.5, 45.0, 62.5]
    assert t["upper"].tolist() == [27.5, 45.0, 62.5, 80.0]


def test_interquartile_french_definition():
    q = S.interquartile_summary([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], method="inverted_cdf")
    assert (q["q1"], q["median"], q["q3"]) == (3.0, 6.0, 9.0)
    with pytest.raises(ValueError, match="quantile method"):
        S.interquartile_summary([1, 2], method="bogus")


def test_interquartile_ties_and_edges():
    c = S.quartile_classes([5.0, 5.0, 5.0, 5.0])
    assert c.nunique() == 1  # equal values share a class
    assert np.isnan(S.interquartile_summary([]).loc["q1"])
    assert len(S.quartile_classes([])) == 0
    assert np.isnan(S.interquartile_summary([0.0, 0.0, 1.0]).loc["iqr_over_median"])


# --------------------------------------------------------------------------- statistics
def test_sales_statistics_by_hand(tiny_transactions):
    st_ = S.sales_statistics(tiny_transactions, by="family")
    pe = st_.loc["Peinture"]
    assert pe["count"] == 2 and pe["sum"] == 50.0 and pe["mean"] == 25.0
    assert pe["std"] == pytest.approx(np.std([80, -30], ddof=1))
    assert pe["cv"] == pytest.approx(pe["std"] / 25.0)
    assert (pe["min"], pe["max"]) == (-30.0, 80.0)
    out = st_.loc["Outils"]  # 100, 200, 60
    assert (out["q1"], out["median"], out["q3"]) == (80.0, 100.0, 150.0)
    assert out["iqr"] == 70.0
    assert (out["d1"], out["d9"]) == (68.0, 180.0)  # 60 + 0.2 * 40, 100 + 0.8 * 100


def test_sales_statistics_units_and_periods(tiny_transactions):
    per_customer = S.sales_statistics(tiny_transactions, unit="customer")
    assert per_customer.index.tolist() == ["all"]
    assert per_customer.loc["all", "count"] == 3
    assert per_customer.loc["all", "sum"] == 460.0
    assert per_customer.loc["all", "median"] == 60.0
    invoices = S.sales_statistics(tiny_transactions, unit="invoice")
    assert invoices.loc["all", "count"] == 5  # F1 (2 lines) counted once
    assert invoices.loc["all", "max"] == 200.0
    yearly = S.sales_statistics(tiny_transactions, period="year")
    assert yearly.index.tolist() == [pd.Timestamp("2022-01-01"), pd.Timestamp("2024-01-01")]
    assert yearly["sum"].tolist() == [60.0, 400.0]
    pop = S.sales_statistics(tiny_transactions, ddof=0)
    assert pop.loc["all", "std"] == pytest.approx(
        np.std(tiny_transactions["amount"], ddof=0))


def test_sales_statistics_window_and_values(tiny_transactions):
    last12 = S.sales_statistics(tiny_transactions, as_of="2024-06-30", months=12)
    assert last12.loc["all", "count"] == 5 and last12.loc["all", "sum"] == 400.0
    upto = S.sales_statistics(tiny_transactions, as_of="2024-03-01")
    assert upto.loc["all", "sum"] == 290.0  # 2022 line (60) + January (150) + March 1st (80)
    v = S.sales_values(tiny_transactions, unit="customer", as_of="2024-06-30", months=12)
    assert sorted(v.tolist()) == [50.0, 350.0]
    assert len(S.sales_values(tiny_transactions)) == 6
    with pytest.raises(ValueError, match="needs the reference date"):
        S.sales_values(tiny_transactions, months=12)


def test_sales_statistics_by_customer_attribute(tiny_transactions, tiny_customers):
    tx = S.add_customer_attributes(tiny_transactions, tiny_customers, ["sales_rep",
                                                                     "department"])
    st_ = S.sales_statistics(tx, by=["sales_rep"], unit="customer")
    assert st_.loc["Alice", "count"] == 2 and st_.loc["Alice", "sum"] == 410.0
    assert st_.loc["Bruno", "count"] == 1
    dep = S.sales_statistics(tx, by="department")
    assert dep.index.tolist() == ["29", "35", "56"]
    with pytest.raises(ValueError, match="customers table"):
        S.add_customer_attributes(tiny_transactions, None, ["sales_rep"])


def test_sales_statistics_edge_cases(tiny_transactions):
    one = S.sales_statistics(tiny_transactions.iloc[:1])
    assert one.loc["all", "count"] == 1 and np.isnan(one.loc["all", "std"])
    empty = S.sales_statistics(tiny_transactions.iloc[:0])
    assert empty.loc["all", "count"] == 0 and empty.loc["all", "sum"] == 0.0
    neg = S.sales_statistics(pd.DataFrame({"amount": [-10.0, -20.0]}))
    assert np.isnan(neg.loc["all", "cv"])
    missing = S.sales_statistics(pd.DataFrame({"amount": [10.0, np.nan, 20.0]}))
    assert missing.loc["all", "count"] == 2
    with pytest.raises(ValueError, match="no column 'rep'"):
        S.sales_statistics(tiny_transactions, by="rep")
    with pytest.raises(ValueError, match="not numeric"):
        S.sales_statistics(tiny_transactions, value="family")
    with pytest.raises(ValueError, match="unit"):
        S.sales_statistics(tiny_transactions, unit="week")


def test_histogram():
    h = S.histogram([1, 2, 2, 3, 10], bins=3)
    assert h["count"].sum() == 5 and h["share"].sum() == pytest.approx(1.0)
    lg = S.histogram([-5, 0, 1, 10, 100, 1000], bins=3, log=True)
    assert lg["bin_start"].tolist() == pytest.approx([1, 10, 100])
    assert lg["count"].tolist() == [1, 1, 2]
    assert lg.attrs["n_excluded"] == 2
    assert S.histogram([4.0, 4.0], bins=5)["count"].tolist() == [2]
    trimmed = S.histogram(list(range(1, 100)) + [10_000], bins=4, quantiles=(0.0, 0.99))
    assert trimmed["bin_end"].max() < 10_000 and trimmed.attrs["n_excluded"] == 1
    with pytest.raises(ValueError, match="quantiles"):
        S.histogram([1.0], quantiles=(0.9, 0.1))
    assert S.histogram([], bins=5).empty


def test_department_from_postal_code():
    s = pd.Series(["75011", "2A004", "20090", "20290", "97411", "98800", "6000", "BE-1000"])
    out = S.department_from_postal_code(s)
    assert out.iloc[0] == "75" and pd.isna(out.iloc[1])
    assert out.iloc[2] == "2A" and out.iloc[3] == "2B"
    assert out.iloc[4] == "974" and out.iloc[5] == "988" and out.iloc[6] == "06"
    assert pd.isna(out.iloc[7])


# --------------------------------------------------------------------------- holding
def test_holding_matrix_by_hand(tiny_transactions):
    m = S.holding_matrix(tiny_transactions, "2024-06-30", months=12)
    assert m.columns.tolist() == ["Outils", "Peinture", "Vis"]
    assert m.loc["C1"].tolist() == [300.0, 0.0, 50.0]
    assert m.loc["C2"].tolist() == [0.0, 50.0, 0.0]
    assert "C3" not in m.index
    allm = S.holding_matrix(tiny_transactions)
    assert allm.loc["C3", "Outils"] == 60.0
    dist = S.families_per_customer(allm)
    assert dist["n_customers"].tolist() == [0, 2, 1, 0]  # C2 and C3 one family, C1 two
    pen = S.family_penetration(allm)
    assert pen.loc["Outils", "holders"] == 2 and pen.loc["Outils", "penetration"] == 2 / 3
    with pytest.raises(ValueError, match="as_of"):
        S.holding_matrix(tiny_transactions, months=12)


def test_holding_credit_note_only_is_not_holding():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "family": ["x", "y", "y"],
                       "amount": [10.0, -5.0, 4.0]})
    m = S.holding_matrix(tx)
    assert m.loc["a", "y"] == -5.0
    assert S.families_per_customer(m)["n_customers"].tolist() == [0, 2, 0]


def test_holding_missing_family():
    tx = pd.DataFrame({"customer_id": ["a", "b"], "family": ["x", None], "amount": [1.0, 2.0]})
    m = S.holding_matrix(tx)
    assert m.index.tolist() == ["a", "b"] and m.loc["b", "x"] == 0.0


def _matrix():
    # group "bakery": 4 customers; x bought by all but d, y by a and b only
    return pd.DataFrame(
        {
            "x": [10.0, 20.0, 40.0, 0.0, 5.0, 0.0],
            "y": [3.0, 5.0, 0.0, 0.0, 0.0, 7.0],
        },
        index=pd.Index(["a", "b", "c", "d", "e", "f"], name="customer_id"),
    )


def test_cross_sell_gaps_by_hand():
    groups = pd.Series({"a": "bakery", "b": "bakery", "c": "bakery", "d": "bakery",
                        "e": "garage", "f": "garage"})
    gaps = S.cross_sell_gaps(_matrix(), groups, min_penetration=0.5, min_holders=2)
    # d lacks x: 3 of its 3 peers buy x, median 20; c and d lack y: 2 of 3 peers, median 4
    rows = {(r.customer_id, r.family): r for r in gaps.itertuples()}
    assert set(rows) == {("d", "x"), ("c", "y"), ("d", "y")}
    assert rows[("d", "x")].revenue_at_stake == 20.0
    assert rows[("d", "x")].penetration == 1.0 and rows[("d", "x")].peers == 3
    assert rows[("c", "y")].revenue_at_stake == 4.0
    assert rows[("c", "y")].penetration == pytest.approx(2 / 3)
    assert gaps["customer_id"].iloc[0] == "d"  # sorted by revenue at stake
    # garage: one holder each, below min_holders -> no gap for e or f
    assert not gaps["group"].eq("garage").any()


def test_cross_sell_gaps_whole_portfolio_and_edges():
    gaps = S.cross_sell_gaps(_matrix(), min_penetration=0.7, min_holders=3)
    # no groups: x held by 4 of 6 (peers of d and f: 5 -> 0.8, median of 5 10 20 40 = 15);
    # y held by 3 of 6 (3 / 5 = 0.6 < 0.7: not listed)
    assert set(zip(gaps["customer_id"], gaps["family"], strict=True)) == {("d", "x"),
                                                                        ("f", "x")}
    assert gaps["revenue_at_stake"].tolist() == [15.0, 15.0]
    assert S.cross_sell_gaps(pd.DataFrame()).empty
    missing_group = S.cross_sell_gaps(_matrix(), pd.Series({"a": "bakery"}), 0.5, 1)
    assert set(missing_group["group"]) <= {"bakery", "(none)"}
    with pytest.raises(ValueError, match="min_penetration"):
        S.cross_sell_gaps(_matrix(), min_penetration=50)


# --------------------------------------------------------------------------- combined
def test_abc_analysis_matches_the_separate_functions():
    rng = np.random.default_rng(1)
    v = pd.Series(np.round(rng.lognormal(5, 1.5, 500), 0), index=[f"c{i}" for i in range(500)])
    v.iloc[:20] = -3.0
    r = S.abc_analysis(v, cuts=(0.7, 0.9), max_points=None)
    pd.testing.assert_series_equal(r.classes, S.abc_classes(v, cuts=(0.7, 0.9)))
    pd.testing.assert_frame_equal(r.table, S.abc_table(v, r.classes))
    pd.testing.assert_frame_equal(r.pareto, S.pareto_curve(v, cuts=(0.7, 0.9)))
    pd.testing.assert_frame_equal(r.lorenz, S.lorenz_curve(v))
    assert r.gini == S.gini(v)
    thin = S.abc_analysis(v, max_points=100)
    assert len(thin.lorenz) <= 100 and len(thin.pareto) <= 110


# --------------------------------------------------------------------------- properties
amounts = st.lists(
    st.one_of(
        st.floats(min_value=-1e3, max_value=1e7, allow_nan=False),
        st.sampled_from([0.0, 100.0, 250.0]),  # ties
    ),
    min_size=1,
    max_size=60,
)
cuts_st = st.lists(st.floats(min_value=0.01, max_value=0.99), min_size=1, max_size=3,
                   unique=True).map(sorted).filter(
    lambda c: all(b - a > 1e-6 for a, b in zip(c, c[1:], strict=False)))


@settings(max_examples=200, deadline=None)
@given(amounts, cuts_st, st.sampled_from(["value", "count"]),
       st.sampled_from(["reach", "within"]))
def test_property_every_customer_in_exactly_one_class(values, cuts, basis, rule):
    v = pd.Series(values, index=[f"id{i}" for i in range(len(values))])
    c = S.abc_classes(v, cuts=cuts, basis=basis, rule=rule)
    assert len(c) == len(v) and c.notna().all()
    assert c.index.equals(v.index)
    t = S.abc_table(v, c)
    assert t["n_customers"].sum() == len(v)
    assert t["share_customers"].sum() == pytest.approx(1.0)
    if v.sum() > 0:
        assert t["share_value"].sum() == pytest.approx(1.0)
    # monotone: a larger value never gets a worse class; ties share a class
    codes = c.cat.codes.to_numpy()
    x = v.to_numpy()
    i, j = np.triu_indices(len(x), 1)
    assert not np.any((x[i] > x[j]) & (codes[i] > codes[j]))
    assert not np.any((x[i] < x[j]) & (codes[i] < codes[j]))
    assert not np.any((x[i] == x[j]) & (codes[i] != codes[j]))
    # non-positive values are in the last class
    assert np.all(codes[x <= 0] == len(cuts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=0.01, max_value=1e6), min_size=1, max_size=60),
       st.floats(min_value=0.05, max_value=0.95))
def test_property_reach_rule_class_a_reaches_the_cut(values, cut):
    v = pd.Series(values)
    c = S.abc_classes(v, cuts=(cut,))
    share_a = v[c == "A"].sum() / v.sum()
    assert share_a >= cut - 1e-9
    # ... and is the fewest: without its smallest tie group, A falls below the cut
    a_vals = v[c == "A"]
    rest = a_vals[a_vals > a_vals.min()].sum() / v.sum()
    assert rest < cut + 1e-9


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=80))
def test_property_gini_trapezoid_equals_mean_difference(values):
    g = S.gini(values)
    assert 0.0 <= g < 1.0
    assert g == pytest.approx(_gini_mean_difference(values), abs=1e-9)
    assert S.gini(list(reversed(values))) == pytest.approx(g, abs=1e-12)
    assert S.gini([3 * x for x in values]) == pytest.approx(g, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=80))
def test_property_lorenz_is_a_lorenz_curve(values):
    lc = S.lorenz_curve(values)
    x, y = lc["share_customers"].to_numpy(), lc["share_value"].to_numpy()
    assert (x[0], y[0]) == (0.0, 0.0) and (x[-1], y[-1]) == (1.0, pytest.approx(1.0))
    assert np.all(np.diff(y) >= -1e-12)  # increasing
    assert np.all(y <= x + 1e-9)  # below the diagonal
    assert np.all(np.diff(y, 2) >= -1e-9)  # convex


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=60))
def test_property_concentration_ranges(values):
    c = S.concentration(values)
    if c["total"] > 0:
        tops = [c["top_1"], c["top_5"], c["top_10"], c["top_20"]]
        assert all(0 <= t <= 1 + 1e-12 for t in tops)
        assert tops == sorted(tops)
        assert 1 / len(values) - 1e-12 <= c["herfindahl"] <= 1 + 1e-12


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=30), st.randoms(use_true_random=False))
def test_property_quartile_classes_equal_headcount(k, rnd):
    values = rnd.sample(range(1, 10_000), 4 * k)  # distinct values, n divisible by 4
    c = S.quartile_classes(values)
    assert c.value_counts().sort_index().tolist() == [k, k, k, k]
    t = S.interquartile_table(values)
    assert t["share_value"].sum() == pytest.approx(1.0)
    assert t["share_value"].is_monotonic_increasing
