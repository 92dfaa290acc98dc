"""Tests of core.geo: offline geocoding, distances, catchment, grid and white space."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import geo

# Reference points taken independently of GeoNames (town halls / city centres).
REFERENCES = {
    "75008 Paris": (48.8777, 2.3175),       # mairie du 8e arrondissement
    "69001 Lyon": (45.7673, 4.8359),        # hôtel de ville de Lyon (1er)
    "13001 Marseille": (43.2965, 5.3770),   # La Canebière / Vieux-Port (1er)
    "Saint-Étienne": (45.4390, 4.3872),     # hôtel de ville de Saint-Étienne
    "97411 Saint-Paul": (-21.0096, 55.2707),  # Saint-Paul, La Réunion
}


def _frame(rows, columns=("postal_code", "city", "country")):
    return pd.DataFrame(rows, columns=list(columns))


def _km(out, i, ref):
    return float(geo.haversine_km(out["latitude"].iloc[i], out["longitude"].iloc[i], *ref))


# ------------------------------------------------------------------ normalisation
def test_city_key_handles_case_accents_saint_hyphens_apostrophes_cedex():
    keys = geo.city_key(["Saint-Étienne", "ST ETIENNE", "st-étienne", "SAINT  ETIENNE",
                         "Ste-Foy-lès-Lyon", "Sainte Foy les Lyon", "L'Isle-d'Abeau",
                         "LYON CEDEX 03", "Lyon 1er", "Lyon 1", "Œuilly", "", None])
    assert keys.tolist() == ["saint etienne"] * 4 + ["sainte foy les lyon"] * 2 + [
        "l isle d abeau", "lyon", "lyon 01", "lyon 01", "oeuilly", None, None]


def test_postal_key_keeps_leading_zero_and_strips_cedex():
    keys = geo.postal_key(["06000", "6000", "42001 CEDEX 1", "F-75008", "75 008", None, ""])
    assert keys.tolist() == ["06000", "06000", "42001", "75008", "75008", None, None]
    # no padding outside France
    assert geo.postal_key(["1000"], country="BE").tolist() == ["1000"]
    # numbers read from a spreadsheet as floats
    assert geo.postal_key(pd.Series([6000.0, np.nan])).tolist() == ["06000", None]


def test_country_key_folds_overseas_and_reads_names():
    out = geo.country_key(["FR", "re", "Guadeloupe", None, "France", "Belgique", "ch"])
    assert out.tolist() == ["FR", "FR", "FR", "FR", "FR", "BE", "CH"]


# ------------------------------------------------------------------ geocoding
def test_known_places_within_2_km_of_reference():
    df = _frame([("75008", "Paris", "FR"), ("69001", "Lyon", "FR"),
                 ("13001", "Marseille", "FR"), (None, "Saint-Étienne", None),
                 ("97411", "Saint-Paul", "FR")])
    out = geo.geocode(df)
    refs = list(REFERENCES.values())
    for i, ref in enumerate(refs):
        assert _km(out, i, ref) < 2.0, (df.iloc[i].tolist(), _km(out, i, ref))
    assert out["geo_precision"].tolist() == ["postal_code+city"] * 3 + ["city",
                                                                        "postal_code+city"]


def test_postal_code_alone_uses_arrondissement_point():
    out = geo.geocode(_frame([("75008", None, "FR"), ("69001", None, None)]))
    assert out["geo_precision"].tolist() == ["postal_code", "postal_code"]
    assert _km(out, 0, REFERENCES["75008 Paris"]) < 2.0
    assert _km(out, 1, REFERENCES["69001 Lyon"]) < 2.0


def test_city_spelling_variants_give_the_same_point():
    names = ["Saint-Étienne", "SAINT ETIENNE", "St Etienne", "st-étienne", "Saint Étienne"]
    out = geo.geocode(_frame([(None, n, "FR") for n in names]))
    assert out["geo_precision"].eq("city").all()
    assert out["latitude"].nunique() == 1 and out["longitude"].nunique() == 1
    assert _km(out, 0, REFERENCES["Saint-Étienne"]) < 2.0


def test_cedex_known_code_and_unknown_code_fall_back_on_city():
    df = _frame([("69441", "Lyon Cedex 03", "FR"),      # CEDEX code GeoNames knows
                  ("69999", "LYON CEDEX 09", "FR"),      # CEDEX code it does not know
                  ("42001 CEDEX 1", "Saint-Etienne Cedex 1", "FR")])
    out = geo.geocode(df, reason=True)
    assert out["geo_precision"].tolist() == ["postal_code+city", "city", "postal_code+city"]
    assert out["geo_reason"].isna().tolist() == [True, False, True]
    assert out["geo_reason"].iloc[1] == "postal_code_unknown_city_used"
    for i in (0, 1):
        assert _km(out, i, REFERENCES["69001 Lyon"]) < 5.0
    assert _km(out, 2, REFERENCES["Saint-Étienne"]) < 2.0


def test_overseas_customer_found_with_country_fr_missing_or_named():
    df = _frame([("97411", "Saint-Paul", "FR"), ("97411", "Saint-Paul", None),
                 ("97411", None, "France"), ("97411", "Saint-Paul", "RE")])
    out = geo.geocode(df)
    assert out["geo_precision"].notna().all()
    for i in range(4):
        assert _km(out, i, REFERENCES["97411 Saint-Paul"]) < 2.0


def test_unknown_and_ambiguous_rows_are_nan_with_reasons():
    df = pd.DataFrame({
        "customer_id": ["A", "B", "C", "D", "E", "F", "G"],
        "postal_code": ["99999", None, None, "69999", None, "1000", "12345"],
        "city": [None, "Saint-Paul", "Zzzville", None, None, "Bruxelles", None],
        "country": ["FR", "FR", None, "FR", "FR", "BE", "XX"],
    })
    out = geo.geocode(df, reason=True)
    assert out.loc[[0, 1, 2, 4, 6], "latitude"].isna().all()
    assert out.loc[[0, 1, 2, 4, 6], "geo_precision"].isna().all()
    assert out["geo_precision"].iloc[3] == "department"
    assert out["geo_precision"].iloc[5] == "postal_code+city"
    rep = geo.geocode_report(df)
    assert rep.set_index("customer_id")["reason"].to_dict() == {
        "A": "unknown_postal_code", "B": "ambiguous_city", "C": "unknown_city",
        "E": "missing_address", "G": "unknown_country", "D": "department_only"}
    assert rep["matched"].tolist() == [False] * 5 + [True]
    # without the département fallback D is unmatched too
    out2 = geo.geocode(df, department_fallback=False, reason=True)
    assert pd.isna(out2["latitude"].iloc[3])
    assert out2["geo_reason"].iloc[3] == "unknown_postal_code"


def test_city_that_does_not_match_the_code_is_flagged():
    out = geo.geocode(_frame([("69001", "Grenoble", "FR")]), reason=True)
    assert out["geo_precision"].iloc[0] == "postal_code"
    assert out["geo_reason"].iloc[0] == "city_not_under_postal_code"


def test_given_coordinates_kept_and_invalid_ones_replaced():
    df = pd.DataFrame({"postal_code": ["69001", "69001", "69001"],
                       "city": ["Lyon", "Lyon", "Lyon"],
                       "latitude": [1.5, 0.0, 95.0], "longitude": [2.5, 0.0, 4.0]},
                      index=[10, 20, 30])
    out = geo.geocode(df, reason=True)
    assert out.index.tolist() == [10, 20, 30]
    assert out.loc[10, ["latitude", "longitude"]].tolist() == [1.5, 2.5]
    assert out["geo_precision"].tolist() == ["given", "postal_code+city", "postal_code+city"]
    assert out["geo_reason"].tolist()[1:] == ["invalid_coordinates"] * 2
    # the input is not modified
    assert df.loc[20, "latitude"] == 0.0
    # keep_given=False re-geocodes everything
    again = geo.geocode(df, keep_given=False)
    assert again["geo_precision"].eq("postal_code+city").all()


def test_postal_codes_stay_strings_and_lost_zero_is_restored():
    df = _frame([("06000", "Nice", "FR"), ("6000", "Nice", "FR")])
    out = geo.geocode(df)
    assert out["postal_code"].tolist() == ["06000", "6000"]
    assert out["geo_precision"].eq("postal_code+city").all()
    assert abs(out["latitude"].iloc[0] - 43.70) < 0.05


def test_numeric_postal_code_column():
    df = pd.DataFrame({"postal_code": [69001, 6000], "city": ["Lyon", "Nice"]})
    out = geo.geocode(df)
    assert out["geo_precision"].eq("postal_code+city").all()


def test_empty_frame_and_all_given():
    empty = pd.DataFrame({"postal_code": pd.Series([], dtype="str"),
                          "city": pd.Series([], dtype="str")})
    out = geo.geocode(empty)
    assert len(out) == 0 and {"latitude", "longitude", "geo_precision"} <= set(out.columns)
    given_only = pd.DataFrame({"latitude": [45.0], "longitude": [4.0]})
    assert geo.geocode(given_only)["geo_precision"].tolist() == ["given"]


def test_vectorised_result_equals_row_by_row():
    base = _frame([("75008", "Paris", "FR"), (None, "Saint-Étienne", None),
                   ("97411", "Saint-Paul", "FR"), ("99999", None, "FR"),
                   ("38000", "Grenoble", "FR")])
    big = pd.concat([base] * 200, ignore_index=True)
    out = geo.geocode(big)
    one = pd.concat([geo.geocode(base.iloc[[i]]) for i in range(len(base))],
                    ignore_index=True)
    for i in range(len(base)):
        rows = out.iloc[i::len(base)]
        assert rows["latitude"].nunique(dropna=False) == 1
        a, b = rows["latitude"].iloc[0], one["latitude"].iloc[i]
        assert (pd.isna(a) and pd.isna(b)) or a == b


def test_custom_gazetteer():
    gaz = pd.DataFrame({"country": ["FR", "FR"], "postal_code": ["01000", "01000"],
                        "city": ["Alpha", "Beta"], "latitude": [46.0, 46.2],
                        "longitude": [5.0, 5.2]})
    out = geo.geocode(_frame([("01000", "beta", None), ("01000", None, None)]),
                      gazetteer=gaz)
    assert out["latitude"].tolist() == [46.2, pytest.approx(46.1)]


def test_bad_inputs_raise_actionable_errors():
    with pytest.raises(ValueError, match="postal_code"):
        geo.geocode(pd.DataFrame({"name": ["x"]}))
    with pytest.raises(ValueError, match="not numbers"):
        geo.geocode(pd.DataFrame({"city": ["Lyon"], "latitude": ["north"],
                                  "longitude": [4.0]}))
    with pytest.raises(ValueError, match="DataFrame"):
        geo.geocode([("69001", "Lyon")])


def test_gazetteer_is_cached_parquet_and_covers_overseas():
    path = geo.gazetteer_path()
    assert path.suffix == ".parquet" and path.exists() or geo.build_gazetteer().exists()
    g = geo.load_gazetteer(["FR"])
    assert {"RE", "GP", "MQ", "GF", "YT"} <= set(g["territory"])
    assert g["postal_code"].map(type).eq(str).all()
    assert (g["pc_key"] == "06000").any()


def test_precision_summary_shares():
    out = geo.geocode(_frame([("69001", "Lyon", "FR"), ("99999", None, "FR"),
                              (None, "Saint-Étienne", None)]), department_fallback=False)
    s = geo.precision_summary(out)
    assert s["geo_precision"].tolist() == ["postal_code+city", "city", "none"]
    assert s["share"].sum() == pytest.approx(1.0)


def test_demo_customers_all_placed():
    from core.sample import load_demo

    c = load_demo().customers
    out = geo.geocode(c)
    assert out["latitude"].notna().all()
    assert (out["geo_precision"] == "given").sum() == c["latitude"].notna().sum()


# ------------------------------------------------------------------ distances
def test_haversine_paris_lyon_about_392_km():
    d = float(geo.haversine_km(48.8566, 2.3522, 45.7640, 4.8357))
    assert d == pytest.approx(392, abs=2)


def test_haversine_hand_values():
    # one degree of longitude on the equator = R * pi / 180
    assert float(geo.haversine_km(0, 0, 0, 1)) == pytest.approx(
        geo.EARTH_RADIUS_KM * np.pi / 180, rel=1e-12)
    # antipodes = half the circumference
    assert float(geo.haversine_km(0, 0, 0, 180)) == pytest.approx(np.pi * geo.EARTH_RADIUS_KM)
    m = geo.distance_matrix_km([45, 46], [4, 4], [45], [4])
    assert m.shape == (2, 1) and m[0, 0] == 0.0


coords = st.tuples(st.floats(-89.9, 89.9), st.floats(-179.9, 179.9))


@settings(max_examples=60, deadline=None)
@given(coords, coords, coords)
def test_haversine_is_a_metric(a, b, c):
    ab = float(geo.haversine_km(*a, *b))
    ba = float(geo.haversine_km(*b, *a))
    ac = float(geo.haversine_km(*a, *c))
    cb = float(geo.haversine_km(*c, *b))
    assert ab >= 0 and ab == pytest.approx(ba, abs=1e-6)
    assert ab <= ac + cb + 1e-6
    assert ab <= np.pi * geo.EARTH_RADIUS_KM + 1e-6


def test_road_and_time_parameters():
    assert geo.road_km(100.0) == pytest.approx(130.0)
    assert geo.travel_minutes(100.0) == pytest.approx(130.0)
    assert geo.travel_minutes(90.0, detour=1.0, speed_kmh=90.0) == pytest.approx(60.0)
    assert geo.road_km(np.array([1.0, 2.0]), detour=2).tolist() == [2.0, 4.0]
    with pytest.raises(ValueError, match="detour"):
        geo.road_km(10.0, detour=0.5)
    with pytest.raises(ValueError, match="speed"):
        geo.travel_minutes(10.0, speed_kmh=0)


# ------------------------------------------------------------------ catchment
@pytest.fixture
def accounts():
    return pd.DataFrame({
        "customer_id": ["A", "B", "C", "D", "E"],
        "latitude": [45.76, 45.80, 45.43, np.nan, 45.76],
        "longitude": [4.84, 4.84, 4.39, np.nan, 4.84],
        "revenue_12m": [100.0, 50.0, 80.0, 999.0, -30.0],  # E: credit notes
    })


def test_catchment_radius_and_travel(accounts):
    out = geo.catchment(accounts, (45.76, 4.84), 10, detour=1.5, speed_kmh=60)
    assert out["customer_id"].tolist() == ["A", "E", "B"]
    b = out.set_index("customer_id").loc["B"]
    assert b["distance_km"] == pytest.approx(0.04 * np.pi / 180 * geo.EARTH_RADIUS_KM,
                                             rel=1e-6)
    assert b["road_km"] == pytest.approx(1.5 * b["distance_km"])
    assert b["minutes"] == pytest.approx(b["road_km"])
    assert geo.catchment(accounts, (45.76, 4.84), 0)["customer_id"].tolist() == ["A", "E"]
    assert geo.catchment(accounts.iloc[:0], (45.76, 4.84), 10).empty
    with pytest.raises(ValueError, match="radius"):
        geo.catchment(accounts, (45.76, 4.84), -1)
    with pytest.raises(ValueError, match="centre"):
        geo.catchment(accounts, (145.0, 4.84), 5)


def test_catchment_bands_hand_computed(accounts):
    t = geo.catchment_bands(accounts, (45.76, 4.84), bands=(10, 25))
    # in 0-10: A 100 + B 50 + E -30 = 120; > 25: C 80 ; total 200 (D has no position)
    assert t["band"].tolist() == ["0-10", "10-25", "> 25"]
    assert t["customers"].tolist() == [3, 0, 1]
    assert t["value"].tolist() == [120.0, 0.0, 80.0]
    assert t["share"].tolist() == [0.6, 0.0, 0.4]
    assert t["cumulative_share"].iloc[-1] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="bands"):
        geo.catchment_bands(accounts, (45.76, 4.84), bands=(10, 10))
    with pytest.raises(ValueError, match="potential"):
        geo.catchment_bands(accounts, (45.76, 4.84), value="potential")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(44, 47), st.floats(3, 7), st.floats(0, 1e5)),
                min_size=1, max_size=30))
def test_catchment_bands_partition(rows):
    df = pd.DataFrame(rows, columns=["latitude", "longitude", "revenue_12m"])
    t = geo.catchment_bands(df, (45.5, 5.0))
    assert t["customers"].sum() == len(df)
    assert t["value"].sum() == pytest.approx(df["revenue_12m"].sum())
    if df["revenue_12m"].sum() > 0:
        assert t["share"].sum() == pytest.approx(1.0)


# ------------------------------------------------------------------ grid and white space
def test_grid_aggregate_sums():
    df = pd.DataFrame({"latitude": [45.0, 45.01, 46.0, np.nan],
                       "longitude": [4.0, 4.01, 4.0, 1.0],
                       "potential": [1.0, 2.0, 4.0, 100.0]})
    g = geo.grid_aggregate(df, 10, ["potential"], lat0=45.0)
    assert g["count"].sum() == 3 and g["potential"].sum() == 7.0
    with pytest.raises(ValueError, match="cell size"):
        geo.grid_cells([45.0], [4.0], cell_km=0)


def _ws_frame():
    return pd.DataFrame({
        "customer_id": ["C1", "C2", "C3", "P1", "P2"],
        "status": ["customer", "customer", "customer", "warm prospect", "suspect"],
        "potential": [1000.0, 500.0, 200.0, 800.0, np.nan],
        "revenue_12m": [900.0, 100.0, 300.0, 0.0, 0.0],
        "city": ["Lyon", "Lyon", "Vienne", "Vienne", "Vienne"],
        "postal_code": ["69001", "69001", "38200", "38200", "38200"],
        "latitude": [45.76, 45.76, 45.52, 45.52, 45.52],
        "longitude": [4.83, 4.83, 4.87, 4.87, 4.87],
    })


def test_white_space_by_commune_hand_computed():
    t = geo.white_space(_ws_frame(), by="commune")
    # Vienne: open = P1 800 + max(200 - 300, 0) = 800; potential 1000, revenue 300
    # Lyon: open = 100 + 400 = 500; potential 1500, revenue 1000
    assert t["label"].tolist() == ["Vienne", "Lyon"]
    assert t["open_potential"].tolist() == [800.0, 500.0]
    assert t["penetration"].tolist() == [pytest.approx(0.3), pytest.approx(1000 / 1500)]
    assert t[["customers", "prospects"]].values.tolist() == [[1, 2], [2, 0]]
    assert t["rank"].tolist() == [1, 2]
    assert t["open_share"].sum() == pytest.approx(1.0)


def test_white_space_grid_and_errors():
    t = geo.white_space(_ws_frame(), cell_km=10)
    assert t["open_potential"].sum() == pytest.approx(1300.0)
    assert t["open_potential"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="potential"):
        geo.white_space(_ws_frame().drop(columns="potential"))
    with pytest.raises(ValueError, match="grid"):
        geo.white_space(_ws_frame(), by="region")
    empty = geo.white_space(_ws_frame().iloc[:0])
    assert empty.empty
