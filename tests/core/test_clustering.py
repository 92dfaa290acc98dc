"""Tests of core.clustering: features, planted blobs, row-order independence, profiles,
names, k selection, PCA map and bad inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import v_measure_score

from core.clustering import (
    DEFAULT_FEATURES,
    CustomerClusters,
    cluster_name,
    clustering_table,
    fit_clusters,
    k_selection,
    numeric_columns,
    signed_log1p,
)

AS_OF = "2024-06-30"


def _blobs(n_per: int = 500, seed: int = 0, money: bool = False):
    """4 well separated groups of customers in 5 features; returns (frame, truth)."""
    rng = np.random.default_rng(seed)
    centres = np.array([[0, 0, 0, 0, 0], [6, 0, 6, 0, 0], [0, 6, 0, 6, 0],
                        [6, 6, 0, 0, 6]], dtype=float)
    x = np.vstack([c + rng.normal(0, 1, (n_per, 5)) for c in centres])
    truth = np.repeat(np.arange(4), n_per)
    cols = ["recency_days", "frequency", "monetary", "n_families", "tenure_days"]
    frame = pd.DataFrame(x, columns=cols)
    if money:  # monetary spans orders of magnitude: the log scale recovers the groups
        frame["monetary"] = np.exp(2 + frame["monetary"])
    ids = rng.permutation(len(x))
    frame.insert(0, "customer_id", [f"C{i:05d}" for i in ids])
    return frame, truth


# ------------------------------------------------------------------------ features


def test_clustering_table_hand_computed(tiny_transactions, tiny_customers):
    t = clustering_table(tiny_transactions, AS_OF, tiny_customers, family_shares=True)
    assert t["customer_id"].tolist() == ["C1", "C2", "C3"]
    row = t.set_index("customer_id")
    # C1: first purchase 2024-01-10 -> 172 days; C3: 2022-05-02 -> 790 days
    assert row.loc["C1", "tenure_days"] == 172
    assert row.loc["C3", "tenure_days"] == 790
    # C1 bought only in the last 12 months -> trend +1; C3 nothing in 24 months -> NaN
    assert row.loc["C1", "revenue_trend"] == 1.0
    assert np.isnan(row.loc["C3", "revenue_trend"])
    # family shares of gross revenue: C1 Outils 300 / 350, Vis 50 / 350
    assert row.loc["C1", "share_Outils"] == pytest.approx(300 / 350)
    assert row.loc["C1", "share_Vis"] == pytest.approx(50 / 350)
    assert row.loc["C2", "share_Peinture"] == pytest.approx(1.0)
    # numeric customer columns joined; text columns not
    assert row.loc["C1", "potential"] == 5000.0
    assert "city" not in t.columns


def test_clustering_table_only_buyers_and_as_of(tiny_transactions):
    t = clustering_table(tiny_transactions, "2023-01-01")
    assert t["customer_id"].tolist() == ["C3"]
    with pytest.raises(ValueError, match="no customer bought"):
        clustering_table(tiny_transactions, "2020-01-01")


def test_clustering_table_family_shares_need_family(tiny_transactions):
    with pytest.raises(ValueError, match="'family'"):
        clustering_table(tiny_transactions.drop(columns="family"), AS_OF, family_shares=True)


def test_numeric_columns_and_signed_log():
    f = pd.DataFrame({"id": ["a", "b"], "x": [1.0, 2.0], "flag": [True, False], "c": [1, 1]})
    assert numeric_columns(f) == ["x"]
    assert signed_log1p(np.array([-np.e + 1, 0.0])).tolist() == pytest.approx([-1.0, 0.0])


# ---------------------------------------------------------------- planted structure


def test_recovers_planted_blobs():
    frame, truth = _blobs()
    model = fit_clusters(frame, ["recency_days", "frequency", "monetary", "n_families",
                                 "tenure_days"], k=4, log=None)
    pred = model.labels_.reindex(frame["customer_id"]).to_numpy()
    assert v_measure_score(truth, pred) >= 0.95
    assert sorted(model.summary_["n_customers"]) == [500, 500, 500, 500]


def test_recovers_blobs_on_skewed_money_with_log_scale():
    frame, truth = _blobs(money=True, seed=3)
    model = fit_clusters(frame, ["recency_days", "frequency", "monetary", "n_families",
                                 "tenure_days"], k=4, log="auto")
    assert "monetary" in model.logged_
    pred = model.labels_.reindex(frame["customer_id"]).to_numpy()
    assert v_measure_score(truth, pred) >= 0.95


def test_same_clusters_whatever_the_row_order():
    frame, _ = _blobs(n_per=200, seed=1)
    feats = ["recency_days", "frequency", "monetary"]
    a = fit_clusters(frame, feats, k=5, random_state=7)
    shuffled = frame.sample(frac=1.0, random_state=99)
    b = fit_clusters(shuffled, feats, k=5, random_state=7)
    reversed_ = fit_clusters(frame.iloc[::-1], feats, k=5, random_state=7)
    pd.testing.assert_series_equal(a.labels_, b.labels_)
    pd.testing.assert_series_equal(a.labels_, reversed_.labels_)
    pd.testing.assert_frame_equal(a.summary_, b.summary_)
    pd.testing.assert_frame_equal(a.pca_, b.pca_)


def test_clusters_numbered_by_descending_revenue():
    frame, _ = _blobs(n_per=100, seed=2, money=True)
    m = fit_clusters(frame, ["recency_days", "frequency", "monetary"], k=4)
    rev = m.summary_["revenue"].to_numpy()
    assert (np.diff(rev) <= 0).all()
    assert m.summary_["cluster"].tolist() == [1, 2, 3, 4]
    assert m.summary_["share_customers"].sum() == pytest.approx(1.0)
    assert m.summary_["share_revenue"].sum() == pytest.approx(1.0)
    # revenue of cluster 1 = sum of monetary of its customers
    ids1 = m.labels_[m.labels_ == 1].index
    expected = frame.set_index("customer_id").loc[ids1, "monetary"].sum()
    assert m.summary_.loc[0, "revenue"] == pytest.approx(expected)


def test_without_value_column_order_is_by_size():
    f = pd.DataFrame({"customer_id": [f"c{i}" for i in range(9)],
                      "x": [0.0, 0.1, 0.2, 0.3, 0.4, 10.0, 10.1, 20.0, 20.1]})
    m = fit_clusters(f, ["x"], k=3, log=None, value="none")
    assert m.summary_["n_customers"].tolist() == [5, 2, 2]
    assert "revenue" not in m.summary_.columns


# ------------------------------------------------------------------------ profiles


def test_profiles_hand_computed():
    f = pd.DataFrame({"customer_id": list("abcdef"),
                      "monetary": [10.0, 20.0, 30.0, 1000.0, 1100.0, 1200.0],
                      "frequency": [1.0, 1.0, 1.0, 9.0, 10.0, 11.0]})
    m = fit_clusters(f, ["monetary", "frequency"], k=2, log=None)
    p = m.profiles_.set_index(["cluster", "feature"])
    assert p.loc[(1, "monetary"), "mean"] == pytest.approx(1100.0)
    assert p.loc[(1, "monetary"), "overall_mean"] == pytest.approx(560.0)
    assert p.loc[(1, "monetary"), "index"] == pytest.approx(100 * 1100 / 560)
    assert p.loc[(2, "frequency"), "mean"] == pytest.approx(1.0)
    # z = centroid in standard deviations: symmetric groups -> +/- the same value
    assert p.loc[(1, "frequency"), "z"] == pytest.approx(-p.loc[(2, "frequency"), "z"])
    assert p.loc[(1, "monetary"), "z"] > 0.9
    assert m.summary_["name_en"].tolist() == ["Frequent big buyers", "Occasional small buyers"]
    assert m.summary_["name_fr"].tolist() == ["Gros acheteurs fréquents",
                                              "Petits acheteurs occasionnels"]


def test_assignments_export_table():
    f = pd.DataFrame({"customer_id": list("abcdef"),
                      "monetary": [10.0, 11.0, 12.0, 500.0, 510.0, 520.0]})
    m = fit_clusters(f, ["monetary"], k=2, log=None)
    a = m.assignments("fr")
    assert a.columns.tolist() == ["customer_id", "cluster", "name"]
    assert a.loc[a["customer_id"] == "d", "name"].item() == "Gros acheteurs"
    assert m.predict(f).tolist() == m.labels_.tolist()


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("z, lang, expected", [
    ({"recency_days": -1.2, "monetary": 1.5}, "en", "Recent big buyers"),
    ({"recency_days": -1.2, "monetary": 1.5}, "fr", "Gros acheteurs récents"),
    ({"recency_days": 1.0, "frequency": -0.8}, "en", "Lapsed occasional buyers"),
    ({"recency_days": 1.0, "frequency": -0.8}, "fr", "Acheteurs inactifs et occasionnels"),
    ({"monetary": 0.2, "frequency": 0.3}, "en", "Average buyers"),
    # margin follows revenue: not repeated when revenue already says it
    ({"monetary": 1.5, "margin": 1.6, "n_families": 0.7}, "en", "Multi-range big buyers"),
    ({"monetary": 1.5, "margin": -1.0}, "en", "Low-margin big buyers"),
    ({"tenure_days": -2.0}, "fr", "Acheteurs récemment conquis"),
    ({"share_Hygiène": 1.4}, "en", "Hygiène-focused buyers"),
    ({"potential_x": 0.9}, "en", "High potential_x buyers"),
    ({"recency_days": np.nan, "monetary": -0.7}, "en", "Small buyers"),
])
def test_cluster_names(z, lang, expected):
    assert cluster_name(z, lang) == expected


def test_cluster_name_at_most_two_adjectives_strongest_first():
    z = {"frequency": 0.6, "recency_days": -2.0, "n_families": 1.0, "tenure_days": 0.8}
    assert cluster_name(z) == "Recent multi-range buyers"
    with pytest.raises(ValueError, match="language"):
        cluster_name(z, "de")


def test_a_name_word_needs_the_raw_profile_to_agree():
    # the screenshot case: 2.7 families on average (overall 4.0, sd 1.7) is not
    # "single-range", even with z = -0.76; about one family is.
    z = {"n_families": -0.76, "recency_days": 0.68, "monetary": -0.53}
    raw = {"overall": {"n_families": 3.95, "recency_days": 111.0, "monetary": 32000.0},
           "spread": {"n_families": 1.7, "recency_days": 143.0, "monetary": 95000.0}}
    means = {"n_families": 2.7, "recency_days": 199.5, "monetary": 8125.0}
    assert cluster_name(z) == "Single-range lapsed small buyers"  # z alone: the old name
    assert cluster_name(z, means=means, **raw) == "Lapsed small buyers"
    assert cluster_name(z, "fr", means=means, **raw) == "Petits acheteurs inactifs"
    single = {**means, "n_families": 1.2}
    assert cluster_name(z, means=single, **raw) == "Single-range lapsed small buyers"
    # z says "high" but the raw mean is below the overall mean (log scale): no word
    assert cluster_name({"frequency": 0.9}, means={"frequency": 9.0},
                        overall={"frequency": 10.0}, spread={"frequency": 13.0}) \
        == "Average buyers"
    # a gap too small on the raw scale (3 % of the mean, 0.02 sd): no word
    assert cluster_name({"tenure_days": 0.6}, means={"tenure_days": 910.0},
                        overall={"tenure_days": 885.0}, spread={"tenure_days": 300.0}) \
        == "Average buyers"


def test_demo_names_never_contradict_the_profiles():
    """Every word in a cluster name is backed by its raw profile: the mean is on the
    word's side of the overall mean, and "single-range" means about one family (or half
    the average); a group is never called single-range while another buys fewer
    families without that word."""
    from core.clustering import DESCRIPTORS
    from core.sample import load_demo

    demo = load_demo()
    table = clustering_table(demo.transactions, demo.transactions["date"].max(),
                             demo.customers)
    for k in (3, 4, 5, 6):
        m = fit_clusters(table, list(DEFAULT_FEATURES), k=k, random_state=0)
        prof = m.profiles_
        for lang in ("en", "fr"):
            for cluster, name in zip(m.summary_["cluster"], m.summary_[f"name_{lang}"]):
                rows = prof[prof["cluster"] == cluster].set_index("feature")
                for f in rows.index:
                    d = DESCRIPTORS.get(f)
                    if d is None:
                        continue
                    mean, om = rows.loc[f, "mean"], rows.loc[f, "overall_mean"]
                    if d["high"][lang].lower() in name.lower():
                        assert mean > om, (k, name, f, mean, om)
                    if d["low"][lang].lower() in name.lower():
                        assert mean < om, (k, name, f, mean, om)
        fam = prof[prof["feature"] == "n_families"].set_index("cluster")["mean"]
        overall = prof.loc[prof["feature"] == "n_families", "overall_mean"].iloc[0]
        names = m.summary_.set_index("cluster")["name_en"]
        for c, name in names.items():
            if "single-range" in name.lower():
                assert fam[c] <= 1.5 or fam[c] <= 0.5 * overall, (k, name, fam[c])
                others = [o for o in names.index if o != c and fam[o] <= fam[c]]
                assert all("single-range" in names[o].lower() for o in others), (k, names)


def test_duplicate_names_are_made_unique():
    # three tight groups on one feature: the middle one and a second similar group
    f = pd.DataFrame({"customer_id": [f"c{i:02d}" for i in range(12)],
                      "x": [0.0, 0.1, 0.2, 5.0, 5.1, 5.2, 5.6, 5.7, 5.8, 20.0, 20.1, 20.2]})
    m = fit_clusters(f, ["x"], k=4, log=None)
    assert m.summary_["name_en"].is_unique
    assert m.summary_["name_fr"].is_unique


# ------------------------------------------------------------------ k selection, PCA


def test_k_selection_elbow_and_silhouette_peak_at_planted_k():
    frame, _ = _blobs(n_per=150, seed=4)
    feats = ["recency_days", "frequency", "monetary", "n_families", "tenure_days"]
    t = k_selection(frame, feats, k_values=range(2, 8), log=None)
    assert t["k"].tolist() == list(range(2, 8))
    assert (np.diff(t["inertia"]) < 0).all()
    assert t.loc[t["silhouette"].idxmax(), "k"] == 4


def test_k_selection_samples_large_tables():
    frame, _ = _blobs(n_per=300, seed=5)
    t = k_selection(frame, ["recency_days", "frequency"], k_values=[2, 3, 4], log=None,
                    sample_size=200, max_rows=500)
    assert len(t) == 3 and t["silhouette"].between(-1, 1).all()


def test_k_selection_stops_at_the_number_of_customers():
    f = pd.DataFrame({"customer_id": list("abcd"), "x": [1.0, 2.0, 3.0, 10.0]})
    assert k_selection(f, ["x"], k_values=[2, 3, 5], log=None)["k"].tolist() == [2, 3]


def test_pca_map():
    frame, _ = _blobs(n_per=100, seed=6)
    feats = ["recency_days", "frequency", "monetary", "n_families"]
    m = fit_clusters(frame, feats, k=4, log=None)
    assert len(m.pca_) == len(frame)
    assert m.pca_.columns.tolist() == ["customer_id", "cluster", "pc1", "pc2"]
    ev = m.explained_variance_
    assert 0 < ev[1] <= ev[0] and sum(ev) <= 1 + 1e-9
    assert m.loadings_["feature"].tolist() == feats
    assert (m.pca_.set_index("customer_id")["cluster"]
            .reindex(m.labels_.index) == m.labels_).all()


def test_single_feature_pca_and_silhouette_on_sample():
    f = pd.DataFrame({"customer_id": [f"c{i:03d}" for i in range(300)],
                      "x": np.r_[np.zeros(150), np.full(150, 10.0)] + np.linspace(0, 1, 300)})
    m = fit_clusters(f, ["x"], k=2, log=None, silhouette_sample=50)
    assert m.explained_variance_ == (pytest.approx(1.0), 0.0)
    assert m.silhouette_ > 0.9


# ------------------------------------------------------------------ notes, bad inputs


def test_constant_feature_dropped_and_missing_imputed_with_notes():
    frame, _ = _blobs(n_per=50, seed=7)
    frame["constant"] = 3.0
    frame.loc[frame.index[:5], "frequency"] = np.nan
    m = fit_clusters(frame, ["recency_days", "frequency", "constant"], k=4, log=None)
    codes = {n["code"]: n for n in m.notes_}
    assert codes["constant_dropped"]["columns"] == ["constant"]
    assert codes["missing_imputed"]["counts"] == {"frequency": 5}
    assert m.features_ == ["recency_days", "frequency"]
    assert m.labels_.notna().all()


def test_negative_money_values_on_signed_log_scale():
    # credit notes can make a customer's net revenue negative
    frame, truth = _blobs(n_per=60, seed=8, money=True)
    frame.loc[frame.index[:3], "monetary"] = -50.0
    m = fit_clusters(frame, ["monetary", "frequency"], k=4, log=["monetary"])
    assert m.logged_ == ["monetary"]
    assert len(m.labels_) == len(frame)


@pytest.mark.parametrize("kwargs, message", [
    ({"features": ["nope"]}, "no column"),
    ({"features": []}, "at least one feature"),
    ({"features": ["customer_id"]}, "numeric"),
    ({"features": ["monetary", "monetary"]}, "twice"),
    ({"k": 1}, "between 2 and 15"),
    ({"k": 16}, "between 2 and 15"),
    ({"k": 2.5}, "between 2 and 15"),
    ({"k": "four"}, "whole number"),
    ({"log": ["frequency"]}, "not chosen"),
])
def test_bad_inputs(kwargs, message):
    f = pd.DataFrame({"customer_id": list("abcdef"), "monetary": [1.0, 2, 3, 4, 5, 6],
                      "frequency": [1.0, 1, 2, 2, 3, 3]})
    args = {"features": ["monetary"], "k": 2, **kwargs}
    with pytest.raises(ValueError, match=message):
        fit_clusters(f, **args)


def test_too_few_customers_duplicates_and_all_constant():
    one = pd.DataFrame({"customer_id": ["a"], "monetary": [5.0]})
    with pytest.raises(ValueError, match="1 customer"):
        fit_clusters(one, ["monetary"], k=2)
    dup = pd.DataFrame({"customer_id": ["a", "a", "b"], "monetary": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match="more than once"):
        fit_clusters(dup, ["monetary"], k=2)
    flat = pd.DataFrame({"customer_id": list("abc"), "monetary": [5.0, 5.0, 5.0]})
    with pytest.raises(ValueError, match="single value"):
        fit_clusters(flat, ["monetary"], k=2)
    ties = pd.DataFrame({"customer_id": list("abcd"), "monetary": [1.0, 1.0, 1.0, 9.0]})
    with pytest.raises(ValueError, match="distinct groups"):
        fit_clusters(ties, ["monetary"], k=3, log=None)
    with pytest.raises(ValueError, match="DataFrame"):
        fit_clusters([[1, 2]], ["monetary"])


def test_demo_portfolio_default_features():
    from core.sample import load_demo

    p = load_demo()
    table = clustering_table(p.transactions, p.last_date(), p.customers)
    m = CustomerClusters(DEFAULT_FEATURES, k=4).fit(table)
    assert m.summary_["n_customers"].sum() == len(table) == 600
    assert m.summary_["name_en"].is_unique
    assert m.summary_.loc[0, "share_revenue"] > 0.4   # cluster 1 = the big accounts


# ---------------------------------------------------------------------- properties


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=6, max_size=40),
       k=st.integers(2, 4))
def test_every_customer_in_exactly_one_cluster(values, k):
    f = pd.DataFrame({"customer_id": [f"c{i:03d}" for i in range(len(values))],
                      "monetary": values})
    if f["monetary"].nunique() < k:
        return
    try:
        m = fit_clusters(f, ["monetary"], k=k)
    except ValueError as exc:  # heavy ties: fewer distinct groups than k
        assert "distinct groups" in str(exc)
        return
    assert len(m.labels_) == len(f)
    assert set(m.labels_) == set(range(1, k + 1))
    assert m.summary_["n_customers"].sum() == len(f)
