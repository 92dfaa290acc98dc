"""Customer segmentation by clustering: k-means on chosen features, named and profiled.

Method (DOMAIN.md section 4, "data mining in its main principles"):

1. **Features**: one row per customer (:func:`clustering_table`: RFM, revenue, margin,
   product families, tenure, any numeric column of the customers table, optional
   revenue share per product family). The user picks the columns.
2. **Transform**: money values are skewed (a few large accounts), so a column whose
   skewness exceeds :data:`SKEW_LIMIT` is log-transformed with the signed
   ``log1p``: ``t(x) = sign(x) * ln(1 + |x|)`` (credit notes can make revenue negative).
   Missing values are replaced by the column median (and counted in a note); columns
   with a single value are dropped (with a note). Each column is then standardised:
   ``z = (t(x) - mean) / std``.
3. **k-means** (scikit-learn ``KMeans``, Lloyd's algorithm) minimises the inertia
   ``sum_i ||z_i - c_{k(i)}||^2`` with ``n_init`` seeded starts.
4. **Choosing k**: the elbow of the inertia curve and the mean silhouette
   ``s_i = (b_i - a_i) / max(a_i, b_i)`` (``a_i`` mean distance to the own cluster,
   ``b_i`` to the nearest other cluster), computed on a sample for large portfolios.
5. **Reading**: profile = each feature's cluster mean vs the overall mean (index
   ``100 * mean_cluster / mean_all`` and the centroid in standard deviations ``z``);
   an automatic descriptive name in French and English from the features that stand
   out (``|z| >= 0.5``, confirmed on the raw means: a word never contradicts the
   profile table, e.g. "single-range" needs about one family bought), e.g. "Recent frequent big buyers" / "Gros acheteurs récents et
   fréquents"; size and revenue per cluster; a 2-D principal-component map with the
   share of variance each axis explains.

Repeatability: rows are sorted by ``customer_id`` before fitting, and clusters are
numbered 1..k by descending revenue (then size), so the same data and seed give the
same clusters whatever the row order.

Example
-------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(0)
>>> frame = pd.DataFrame({"customer_id": [f"C{i:03d}" for i in range(60)],
...     "recency_days": np.r_[rng.normal(20, 3, 30), rng.normal(300, 20, 30)],
...     "monetary": np.r_[rng.normal(5000, 300, 30), rng.normal(400, 50, 30)]})
>>> model = fit_clusters(frame, ["recency_days", "monetary"], k=2, log=None)
>>> model.summary_[["cluster", "n_customers", "name_en"]].values.tolist()
[[1, 30, 'Recent big buyers'], [2, 30, 'Lapsed small buyers']]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence

import duckdb
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.metrics import silhouette_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from threadpoolctl import threadpool_limits

from core.features import check_transactions, customer_features, to_timestamp

DEFAULT_FEATURES = ("recency_days", "frequency", "monetary", "margin", "n_families",
                    "tenure_days")
SKEW_LIMIT = 1.0          # |skewness| above which a column is log-transformed ("auto")
NAME_THRESHOLD = 0.5      # |z| from which a feature "stands out" in a cluster's name
# ... and on the raw (unlogged) scale the cluster mean must differ from the overall mean
# by at least NAME_RAW_GAP raw standard deviations or NAME_RAW_INDEX_GAP % of the mean.
NAME_RAW_GAP = 0.25
NAME_RAW_INDEX_GAP = 25.0
MIN_K, MAX_K = 2, 15
DEFAULT_N_INIT = 4
SILHOUETTE_SAMPLE = 5000  # rows used for the silhouette of larger portfolios
ELBOW_MAX_ROWS = 200_000  # rows used to fit the elbow curve of larger portfolios
SHARE_PREFIX = "share_"   # revenue share per product family: share_<family>
# Native threads (OpenMP, BLAS) used by k-means. One thread by default: on a shared,
# busy 2-core machine OpenMP workers spin and a 600-customer k-means took 3 s with two
# threads vs 0.05 s with one. None = the libraries' default (all cores).
N_THREADS: int | None = 1

# Words of the automatic names: per feature, the adjective when the cluster is high (z > 0)
# or low (z < 0). ``noun`` features give the noun instead ("big buyers"). French nouns
# come first, then adjectives joined by "et"; ``implied_by`` skips a word that a stronger
# feature already says (margin follows revenue). A side may also set limits on the raw
# cluster mean (``max_mean``, ``max_index``, ``min_mean``, ``min_index``; index = 100 *
# mean / overall mean): the word is used only when at least one of them holds, e.g.
# "single-range" only for a group buying about one family (mean <= 1.5) or half as many
# as the average. Data, not code: the UI may extend it.
DESCRIPTORS: dict[str, dict] = {
    "monetary": {"noun": True,
                 "high": {"en": "big buyers", "fr": "Gros acheteurs"},
                 "low": {"en": "small buyers", "fr": "Petits acheteurs"}},
    "revenue_12m": {"noun": True,
                    "high": {"en": "big buyers", "fr": "Gros acheteurs"},
                    "low": {"en": "small buyers", "fr": "Petits acheteurs"}},
    "recency_days": {"high": {"en": "lapsed", "fr": "inactifs"},
                     "low": {"en": "recent", "fr": "récents"}},
    "frequency": {"high": {"en": "frequent", "fr": "fréquents"},
                  "low": {"en": "occasional", "fr": "occasionnels"}},
    "orders_12m": {"high": {"en": "frequent", "fr": "fréquents"},
                   "low": {"en": "occasional", "fr": "occasionnels"}},
    "margin": {"high": {"en": "high-margin", "fr": "à forte marge"},
               "low": {"en": "low-margin", "fr": "à faible marge"},
               "implied_by": ("monetary", "revenue_12m")},
    "margin_12m": {"high": {"en": "high-margin", "fr": "à forte marge"},
                   "low": {"en": "low-margin", "fr": "à faible marge"},
                   "implied_by": ("monetary", "revenue_12m")},
    "avg_basket": {"high": {"en": "big-basket", "fr": "à gros panier"},
                   "low": {"en": "small-basket", "fr": "à petit panier"}},
    "n_families": {"high": {"en": "multi-range", "fr": "multi-familles", "min_mean": 2.5},
                   "low": {"en": "single-range", "fr": "mono-famille", "max_mean": 1.5,
                           "max_index": 50.0}},
    "tenure_days": {"high": {"en": "long-standing", "fr": "anciens"},
                    "low": {"en": "newly won", "fr": "récemment conquis"}},
    "revenue_trend": {"high": {"en": "growing", "fr": "en croissance"},
                      "low": {"en": "declining", "fr": "en déclin"}},
    "potential": {"high": {"en": "high-potential", "fr": "à fort potentiel"},
                  "low": {"en": "low-potential", "fr": "à faible potentiel"}},
}
_DEFAULT_NOUN = {"en": "buyers", "fr": "Acheteurs"}
_AVERAGE_NAME = {"en": "Average buyers", "fr": "Acheteurs moyens"}


# ----------------------------------------------------------------------------- features


def clustering_table(transactions: pd.DataFrame, as_of, customers: pd.DataFrame | None = None,
                     family_shares: bool = False) -> pd.DataFrame:
    """One row per buying customer with the candidate clustering features at ``as_of``.

    Columns: those of :func:`core.features.customer_features` plus
    ``tenure_days = as_of - first_purchase`` (days) and
    ``revenue_trend = (revenue_12m - revenue_prev_12m) / (revenue_12m + revenue_prev_12m)``
    (from -1, stopped buying, to +1, new; NaN when both are 0); the numeric columns of
    ``customers`` (potential, credit_limit, payment_terms_days, ...) when given; and with
    ``family_shares`` one column ``share_<family>`` per product family = the family's share
    of the customer's gross revenue to date (0..1).

    Only customers with at least one purchase on or before ``as_of`` are kept.

    Parameters
    ----------
    transactions : DataFrame
        Canonical sales lines.
    as_of : date-like
        Reference date.
    customers : DataFrame, optional
        Customers table; its numeric columns are added.
    family_shares : bool
        Add the revenue share per family (needs a ``family`` column).

    Returns
    -------
    DataFrame
        Sorted by customer_id.

    Raises
    ------
    ValueError
        Missing columns, no purchase before ``as_of``, or ``family_shares`` without a
        ``family`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-06-01", "2024-05-01"]),
    ...     "amount": [100.0, 300.0, 50.0]})
    >>> clustering_table(tx, "2024-06-30")[["customer_id", "monetary", "tenure_days"]]
      customer_id  monetary  tenure_days
    0           A     400.0          181
    1           B      50.0           60
    """
    as_of = to_timestamp(as_of)
    check_transactions(transactions, *(("family",) if family_shares else ()))
    feats = customer_features(transactions, as_of)
    feats = feats[feats["frequency"] > 0].reset_index(drop=True)
    if feats.empty:
        raise ValueError(f"no customer bought anything on or before {as_of:%Y-%m-%d}: "
                         "choose a later reference date")
    feats["tenure_days"] = (as_of - feats["first_purchase"]).dt.days.astype("int64")
    total = feats["revenue_12m"] + feats["revenue_prev_12m"]
    with np.errstate(divide="ignore", invalid="ignore"):
        feats["revenue_trend"] = np.where(total > 0, (feats["revenue_12m"]
                                          - feats["revenue_prev_12m"]) / total, np.nan)
    if customers is not None and "customer_id" in customers.columns:
        numeric = [c for c in customers.columns
                   if c not in feats.columns and c not in ("latitude", "longitude")
                   and pd.api.types.is_numeric_dtype(customers[c])
                   and not pd.api.types.is_bool_dtype(customers[c])]
        if numeric:
            extra = customers.drop_duplicates("customer_id")[["customer_id", *numeric]].copy()
            extra["customer_id"] = extra["customer_id"].astype("str")
            feats = feats.merge(extra, on="customer_id", how="left")
    if family_shares:
        feats = feats.merge(_family_shares(transactions, as_of), on="customer_id", how="left")
        share_cols = [c for c in feats.columns if c.startswith(SHARE_PREFIX)]
        feats[share_cols] = feats[share_cols].fillna(0.0)
    return feats.sort_values("customer_id", kind="stable").reset_index(drop=True)


def _family_shares(transactions: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per customer, each family's share of gross revenue (positive lines) to as_of."""
    con = duckdb.connect()
    try:
        con.register("_tx", transactions[["customer_id", "date", "amount", "family"]])
        long = con.sql(
            """SELECT customer_id, family, sum(amount) AS amount FROM _tx
               WHERE date <= ? AND amount > 0 AND family IS NOT NULL
                 AND customer_id IS NOT NULL
               GROUP BY ALL""", params=[as_of.to_pydatetime()],
        ).to_arrow_table().to_pandas()
    finally:
        con.close()
    wide = long.pivot_table(index="customer_id", columns="family", values="amount",
                            aggfunc="sum", fill_value=0.0)
    wide = wide.div(wide.sum(axis=1).replace(0.0, np.nan), axis=0).fillna(0.0)
    wide.columns = [f"{SHARE_PREFIX}{c}" for c in wide.columns]
    out = wide.reset_index()
    out["customer_id"] = out["customer_id"].astype("str")
    return out


def numeric_columns(frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` a user may cluster on: numeric, not boolean, not constant.

    >>> import pandas as pd
    >>> numeric_columns(pd.DataFrame({"id": ["a", "b"], "x": [1.0, 2.0], "k": [3, 3]}))
    ['x']
    """
    out = []
    for c in frame.columns:
        s = frame[c]
        if (pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)
                and s.nunique(dropna=True) > 1):
            out.append(c)
    return out


# ---------------------------------------------------------------------------- transform


def signed_log1p(x):
    """``sign(x) * ln(1 + |x|)``: a log scale that keeps zero and negative values.

    >>> signed_log1p(np.array([-9.0, 0.0, 9.0])).round(3).tolist()
    [-2.303, 0.0, 2.303]
    """
    x = np.asarray(x, dtype="float64")
    return np.sign(x) * np.log1p(np.abs(x))


def _skewness(values: np.ndarray) -> float:
    v = values[np.isfinite(values)]
    if len(v) < 3:
        return 0.0
    sd = v.std()
    if sd == 0:
        return 0.0
    return float(np.mean(((v - v.mean()) / sd) ** 3))


def _check_frame(frame: pd.DataFrame, features: Sequence[str], id_column: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError("the customer table must be a DataFrame")
    if id_column not in frame.columns:
        raise ValueError(f"the customer table has no '{id_column}' column")
    features = list(features)
    if not features:
        raise ValueError("choose at least one feature to cluster on")
    missing = [c for c in features if c not in frame.columns]
    if missing:
        raise ValueError("the customer table has no column(s) " + ", ".join(
            f"'{c}'" for c in missing))
    bad = [c for c in features if not pd.api.types.is_numeric_dtype(frame[c])
           or pd.api.types.is_bool_dtype(frame[c])]
    if bad:
        raise ValueError("clustering needs numeric columns; not numeric: " + ", ".join(
            f"'{c}'" for c in bad))
    if len(set(features)) != len(features):
        raise ValueError("a feature is chosen twice")
    dup = frame[id_column].duplicated()
    if dup.any():
        raise ValueError(f"{int(dup.sum())} customer id(s) appear more than once, e.g. "
                         f"'{frame.loc[dup, id_column].iloc[0]}'; one row per customer is "
                         "needed")


def _prepare(frame: pd.DataFrame, features: Sequence[str], log, id_column: str):
    """Sorted copy, kept / logged / dropped features and notes (private; input is valid)."""
    data = frame.sort_values(id_column, kind="stable").reset_index(drop=True)
    notes: list[dict] = []
    kept, dropped = [], []
    missing_counts: dict[str, int] = {}
    for c in features:
        v = pd.to_numeric(data[c], errors="coerce").astype("float64").to_numpy()
        finite = v[np.isfinite(v)]
        if len(finite) == 0 or np.unique(finite).size < 2:
            dropped.append(c)
            continue
        kept.append(c)
        n_missing = int((~np.isfinite(v)).sum())
        if n_missing:
            missing_counts[c] = n_missing
    if dropped:
        notes.append({"code": "constant_dropped", "columns": dropped,
                      "message": "dropped (a single value, nothing to separate): "
                                 + ", ".join(dropped)})
    if not kept:
        raise ValueError("every chosen feature holds a single value (or none): "
                         "nothing to separate the customers on; choose other features")
    if missing_counts:
        notes.append({"code": "missing_imputed", "counts": missing_counts,
                      "message": "missing values replaced by the median: " + ", ".join(
                          f"{c} ({n})" for c, n in missing_counts.items())})
    if log is None or log is False or log == "none":
        logged = []
    elif log == "auto":
        logged = [c for c in kept if abs(_skewness(
            data[c].to_numpy(dtype="float64", na_value=np.nan))) > SKEW_LIMIT]
    else:
        wanted = [log] if isinstance(log, str) else list(log)
        unknown = [c for c in wanted if c not in features]
        if unknown:
            raise ValueError("log scale asked for column(s) not chosen: " + ", ".join(unknown))
        logged = [c for c in kept if c in wanted]
    if logged:
        notes.append({"code": "log_scale", "columns": logged,
                      "message": "log scale (skewed values): " + ", ".join(logged)})
    return data, kept, logged, notes, missing_counts


def _transformer(kept: list[str], logged: list[str]) -> ColumnTransformer:
    plain = [c for c in kept if c not in logged]
    parts = []
    if logged:
        parts.append(("log", Pipeline([
            ("impute", SimpleImputer(strategy="median")),
            ("log1p", FunctionTransformer(signed_log1p, feature_names_out="one-to-one")),
        ]), logged))
    if plain:
        parts.append(("plain", SimpleImputer(strategy="median"), plain))
    return ColumnTransformer(parts, verbose_feature_names_out=False)


def _matrix(data: pd.DataFrame, kept: list[str]) -> pd.DataFrame:
    return data[kept].apply(lambda s: pd.to_numeric(s, errors="coerce")).astype("float64")


# ------------------------------------------------------------------------------- naming


def cluster_name(z: Mapping[str, float], lang: str = "en", threshold: float = NAME_THRESHOLD,
                 descriptors: Mapping[str, dict] | None = None, labels: Mapping | None = None,
                 means: Mapping[str, float] | None = None,
                 overall: Mapping[str, float] | None = None,
                 spread: Mapping[str, float] | None = None) -> str:
    """A descriptive name for a cluster from its centroid in standard deviations.

    Features with ``|z| >= threshold`` stand out; the noun comes from a money feature
    (``big buyers`` / ``small buyers``), up to two adjectives from the others, strongest
    first. A feature without a descriptor is named "high <label>" / "low <label>".

    When the raw profile is given (``means``, ``overall``, ``spread``), a word is used only
    if the raw cluster mean agrees with it too, so that the name never contradicts the
    profile table: the mean lies on the same side of the overall mean, by at least
    :data:`NAME_RAW_GAP` raw standard deviations or :data:`NAME_RAW_INDEX_GAP` % of the
    overall mean, and it meets the descriptor's own limits (``max_mean`` / ``max_index``
    / ``min_mean`` / ``min_index``, at least one of those given), e.g. "single-range"
    needs a mean of at most 1.5 families or half the average.

    Parameters
    ----------
    z : mapping
        feature -> centroid coordinate in standard deviations of the whole portfolio.
    lang : {"en", "fr"}
    threshold : float
        Minimum ``|z|`` to appear in the name.
    descriptors : mapping, optional
        Words per feature (default :data:`DESCRIPTORS`).
    labels : mapping, optional
        feature -> readable label for features without a descriptor.
    means, overall, spread : mapping, optional
        feature -> the cluster's raw mean, the overall raw mean and the overall raw
        standard deviation (all three, or none: then only ``z`` is used).

    Examples
    --------
    >>> cluster_name({"recency_days": -1.2, "monetary": 1.5, "frequency": 0.9})
    'Recent frequent big buyers'
    >>> cluster_name({"recency_days": -1.2, "monetary": 1.5, "frequency": 0.9}, "fr")
    'Gros acheteurs récents et fréquents'
    >>> cluster_name({"recency_days": 0.1}, "fr")
    'Acheteurs moyens'
    >>> z = {"n_families": -0.8, "monetary": -0.6}
    >>> cluster_name(z, means={"n_families": 2.7, "monetary": 8000},
    ...              overall={"n_families": 4.0, "monetary": 32000},
    ...              spread={"n_families": 1.7, "monetary": 95000})
    'Small buyers'
    """
    if lang not in ("en", "fr"):
        raise ValueError(f"language must be 'en' or 'fr', got {lang!r}")
    words = DESCRIPTORS if descriptors is None else descriptors
    labels = labels or {}
    raw = means is not None and overall is not None and spread is not None
    strong = sorted(((f, float(v)) for f, v in z.items()
                     if np.isfinite(v) and abs(v) >= threshold
                     and (not raw or _raw_agrees(f, float(v), words.get(f), means,
                                                 overall, spread))),
                    key=lambda fv: -abs(fv[1]))
    if not strong:
        return _AVERAGE_NAME[lang]
    noun = None
    adjectives: list[str] = []
    signs = {f: np.sign(v) for f, v in strong}
    for f, v in strong:
        side = "high" if v > 0 else "low"
        d = words.get(f)
        if d is not None and any(signs.get(g) == np.sign(v) for g in d.get("implied_by", ())):
            continue
        if d is not None and d.get("noun"):
            if noun is None:
                noun = d[side][lang]
            continue
        if len(adjectives) >= 2:
            continue
        if d is not None:
            word = d[side][lang]
        elif f.startswith(SHARE_PREFIX):
            fam = f[len(SHARE_PREFIX):]
            word = (f"{fam}-focused" if side == "high" else f"little {fam}") if lang == "en" \
                else (f"orientés {fam}" if side == "high" else f"peu {fam}")
        else:
            lab = labels.get(f, f)
            word = (f"high {lab}" if side == "high" else f"low {lab}") if lang == "en" \
                else (f"à {lab} élevé" if side == "high" else f"à {lab} faible")
        if word not in adjectives:
            adjectives.append(word)
    noun = noun or _DEFAULT_NOUN[lang]
    if lang == "en":
        text = " ".join([*adjectives, noun])
    else:
        text = noun + (" " + " et ".join(adjectives) if adjectives else "")
    return text[0].upper() + text[1:]


def _raw_agrees(f: str, z: float, d: Mapping | None, means: Mapping, overall: Mapping,
                spread: Mapping) -> bool:
    """Does the raw cluster mean of ``f`` support the word its ``z`` suggests?"""
    mean, om, sd = (float(m.get(f, np.nan)) for m in (means, overall, spread))
    if not (np.isfinite(mean) and np.isfinite(om)):
        return True  # nothing to check against
    gap = mean - om
    if gap == 0 or np.sign(gap) != np.sign(z):
        return False
    index = 100.0 * mean / om if om > 0 else np.nan
    big = ((np.isfinite(sd) and sd > 0 and abs(gap) >= NAME_RAW_GAP * sd)
           or (np.isfinite(index) and abs(index - 100.0) >= NAME_RAW_INDEX_GAP))
    if not big:
        return False
    side = (d or {}).get("high" if z > 0 else "low", {})
    tests = []
    if "max_mean" in side:
        tests.append(mean <= side["max_mean"])
    if "min_mean" in side:
        tests.append(mean >= side["min_mean"])
    if "max_index" in side:
        tests.append(bool(np.isfinite(index) and index <= side["max_index"]))
    if "min_index" in side:
        tests.append(bool(np.isfinite(index) and index >= side["min_index"]))
    return not tests or any(tests)


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n} ({seen[n]})")
    return out


# -------------------------------------------------------------------------------- model


class CustomerClusters:
    """k-means segmentation of a customer table, with profiles, names and a PCA map.

    Parameters
    ----------
    features : sequence of str
        Numeric columns to cluster on.
    k : int
        Number of clusters (2..15).
    log : "auto", None or list of str
        Columns to put on a signed log scale; "auto" = those with ``|skew| > 1``.
    n_init : int
        Number of k-means starts (the best inertia is kept).
    random_state : int
        Seed: the same data and seed give the same clusters.
    value : str
        Column that orders clusters (descending total) and gives "revenue" per cluster;
        when absent, clusters are ordered by size.
    id_column : str
        Customer identifier column.
    silhouette_sample : int
        Rows used for the silhouette when the table is larger.
    n_threads : int or None
        Native threads for k-means (default :data:`N_THREADS`; None = all cores).

    Attributes
    ----------
    labels_ : Series
        customer_id -> cluster number 1..k (sorted by customer_id).
    summary_ : DataFrame
        cluster, name_en, name_fr, n_customers, share_customers, revenue, share_revenue.
    profiles_ : DataFrame
        long table cluster, name_en, name_fr, feature, mean, overall_mean, index
        (``100 * mean / overall_mean``, NaN when the overall mean is 0), z (centroid in
        standard deviations, on the transformed scale) -- ready for a heatmap.
    pca_ : DataFrame
        customer_id, cluster, pc1, pc2.
    explained_variance_ : tuple of float
        Share of the variance on each PCA axis (0..1).
    loadings_ : DataFrame
        feature, pc1, pc2 (weight of each standardised feature on the axes).
    inertia_, silhouette_ : float
    features_, logged_ : list of str
        Features kept and features put on a log scale.
    notes_ : list of dict
        Decisions worth telling the user (``code``, details, English ``message``).
    pipeline_ : sklearn Pipeline
        transform + scale + KMeans, fitted on the rows sorted by customer id (the cluster
        numbers of ``pipeline_`` are KMeans' own, see ``predict``).
    """

    def __init__(self, features: Sequence[str] = DEFAULT_FEATURES, k: int = 4,
                 log="auto", n_init: int = DEFAULT_N_INIT, random_state: int = 0,
                 value: str = "monetary", id_column: str = "customer_id",
                 silhouette_sample: int = SILHOUETTE_SAMPLE, n_threads: int | None = N_THREADS):
        self.features = features
        self.k = k
        self.log = log
        self.n_init = n_init
        self.random_state = random_state
        self.value = value
        self.id_column = id_column
        self.silhouette_sample = silhouette_sample
        self.n_threads = n_threads

    def fit(self, frame: pd.DataFrame) -> CustomerClusters:
        """Fit k-means on ``frame`` (one row per customer) and compute the reading."""
        with threadpool_limits(limits=self.n_threads):
            return self._fit(frame)

    def _fit(self, frame: pd.DataFrame) -> CustomerClusters:
        features = list(self.features)
        _check_frame(frame, features, self.id_column)
        k = _check_k(self.k)
        if len(frame) < k + 1:
            raise ValueError(f"{len(frame)} customer(s) for {k} clusters: at least "
                             f"{k + 1} customers are needed; choose fewer clusters")
        data, kept, logged, notes, missing = _prepare(frame, features, self.log,
                                                      self.id_column)
        ct = _transformer(kept, logged)
        self.pipeline_ = Pipeline([
            ("transform", ct), ("scale", StandardScaler()),
            ("kmeans", KMeans(n_clusters=k, n_init=self.n_init,
                              random_state=self.random_state)),
        ])
        x = _matrix(data, kept)
        with warnings.catch_warnings():  # fewer distinct points than k: our message below
            warnings.simplefilter("ignore", ConvergenceWarning)
            raw_labels = self.pipeline_.fit_predict(x)
        z = self._z(x)
        distinct = np.unique(raw_labels).size
        if distinct < k:
            raise ValueError(f"only {distinct} distinct groups found for {k} clusters "
                             "(too many identical customers); choose fewer clusters")
        self.features_, self.logged_ = kept, logged
        self.missing_ = missing
        self.notes_ = notes
        ids = data[self.id_column].astype("str").to_numpy()
        value = (data[self.value].to_numpy(dtype="float64", na_value=np.nan)
                 if self.value in data.columns else None)
        self._relabel = _canonical_order(raw_labels, value, z, k)
        labels = self._relabel[raw_labels]
        self.labels_ = pd.Series(labels, index=pd.Index(ids, name=self.id_column),
                                 name="cluster")
        self.inertia_ = float(self.pipeline_.named_steps["kmeans"].inertia_)
        self.silhouette_ = _silhouette(z, labels, self.silhouette_sample, self.random_state)
        self.profiles_ = _profiles(data, kept, z, labels, k)
        names_en, names_fr = _names(self.profiles_, k)
        self.profiles_["name_en"] = self.profiles_["cluster"].map(dict(enumerate(names_en, 1)))
        self.profiles_["name_fr"] = self.profiles_["cluster"].map(dict(enumerate(names_fr, 1)))
        self.profiles_ = self.profiles_[["cluster", "name_en", "name_fr", "feature", "mean",
                                         "overall_mean", "index", "z"]]
        self.summary_ = _summary(labels, value, k, names_en, names_fr)
        self.pca_, self.explained_variance_, self.loadings_ = _pca(
            z, ids, labels, kept, self.random_state, self.id_column)
        return self

    def _z(self, x: pd.DataFrame) -> np.ndarray:
        """Standardised matrix of x, columns in self.features order (kept ones)."""
        ct = self.pipeline_.named_steps["transform"]
        out = ct.transform(x)
        names = list(ct.get_feature_names_out())
        order = [names.index(c) for c in x.columns]
        scaled = self.pipeline_.named_steps["scale"].transform(out)
        return scaled[:, order]

    def predict(self, frame: pd.DataFrame) -> pd.Series:
        """Cluster number (1..k, the fitted numbering) of each row of ``frame``."""
        _check_frame(frame, self.features_, self.id_column)
        with threadpool_limits(limits=self.n_threads):
            raw = self.pipeline_.predict(_matrix(frame, self.features_))
        return pd.Series(self._relabel[raw],
                         index=pd.Index(frame[self.id_column].astype("str"),
                                        name=self.id_column), name="cluster")

    def assignments(self, lang: str = "en") -> pd.DataFrame:
        """customer_id, cluster, name (in ``lang``): the table to export or map."""
        names = self.summary_.set_index("cluster")[f"name_{lang}"]
        out = self.labels_.rename("cluster").reset_index()
        out["name"] = out["cluster"].map(names).astype("str")
        return out


def _check_k(k) -> int:
    try:
        k_int = int(k)
    except (TypeError, ValueError):
        raise ValueError(f"the number of clusters must be a whole number, got {k!r}") from None
    if k_int != k or not MIN_K <= k_int <= MAX_K:
        raise ValueError(f"the number of clusters must be between {MIN_K} and {MAX_K}, "
                         f"got {k}")
    return k_int


def _canonical_order(raw: np.ndarray, value: np.ndarray | None, z: np.ndarray, k: int
                     ) -> np.ndarray:
    """Map KMeans labels to 1..k by descending revenue, then size, then centroid."""
    size = np.bincount(raw, minlength=k).astype(float)
    if value is not None:
        revenue = np.bincount(raw, weights=np.nan_to_num(value), minlength=k)
    else:
        revenue = np.zeros(k)
    centroid = np.vstack([z[raw == j].mean(axis=0) for j in range(k)])
    keys = [tuple(-centroid[:, i]) for i in range(centroid.shape[1])][::-1]
    order = np.lexsort((*keys, -size, -np.round(revenue, 6)))
    mapping = np.empty(k, dtype=np.int64)
    mapping[order] = np.arange(1, k + 1)
    return mapping


def _silhouette(z: np.ndarray, labels: np.ndarray, sample: int, seed: int) -> float:
    if np.unique(labels).size < 2 or len(z) < 3:
        return float("nan")
    size = min(int(sample), len(z)) if sample else None
    if size is not None and size >= len(z):
        size = None
    if size is not None:
        # a stratified-enough draw: the silhouette needs at least 2 labels in the sample
        rng = np.random.default_rng(seed)
        idx = rng.choice(len(z), size=size, replace=False)
        if np.unique(labels[idx]).size < 2:
            return float("nan")
        return float(silhouette_score(z[idx], labels[idx]))
    return float(silhouette_score(z, labels))


def _profiles(data: pd.DataFrame, kept: list[str], z: np.ndarray, labels: np.ndarray,
              k: int) -> pd.DataFrame:
    raw = _matrix(data, kept)
    overall = raw.mean()
    spread = raw.std(ddof=0)
    rows = []
    for j in range(1, k + 1):
        m = labels == j
        means = raw[m].mean()
        zc = z[m].mean(axis=0)
        for i, f in enumerate(kept):
            om = float(overall[f])
            mean = float(means[f])
            rows.append({"cluster": j, "feature": f, "mean": mean, "overall_mean": om,
                         "index": 100.0 * mean / om if om != 0 else np.nan,
                         "z": float(zc[i]), "overall_std": float(spread[f])})
    return pd.DataFrame(rows)


def _names(profiles: pd.DataFrame, k: int) -> tuple[list[str], list[str]]:
    out = {"en": [], "fr": []}
    for j in range(1, k + 1):
        p = profiles[profiles["cluster"] == j]
        z = dict(zip(p["feature"], p["z"]))
        raw = {"means": dict(zip(p["feature"], p["mean"])),
               "overall": dict(zip(p["feature"], p["overall_mean"])),
               "spread": dict(zip(p["feature"], p["overall_std"]))}
        for lang in out:
            out[lang].append(cluster_name(z, lang, **raw))
    return _unique_names(out["en"]), _unique_names(out["fr"])


def _summary(labels: np.ndarray, value: np.ndarray | None, k: int, names_en, names_fr
             ) -> pd.DataFrame:
    n = np.bincount(labels, minlength=k + 1)[1:]
    frame = pd.DataFrame({"cluster": np.arange(1, k + 1), "name_en": names_en,
                          "name_fr": names_fr, "n_customers": n.astype("int64"),
                          "share_customers": n / n.sum()})
    if value is not None:
        rev = np.bincount(labels, weights=np.nan_to_num(value), minlength=k + 1)[1:]
        total = rev.sum()
        frame["revenue"] = rev
        frame["share_revenue"] = rev / total if total else np.nan
        frame["revenue_per_customer"] = rev / np.maximum(n, 1)
    for c in ("name_en", "name_fr"):
        frame[c] = frame[c].astype("str")
    return frame


def _pca(z: np.ndarray, ids: np.ndarray, labels: np.ndarray, kept: list[str], seed: int,
         id_column: str):
    n_comp = min(2, z.shape[1])
    pca = PCA(n_components=n_comp, random_state=seed)
    coords = pca.fit_transform(z)
    # fix the sign of each axis (the largest loading positive) so maps are repeatable
    signs = np.sign(pca.components_[np.arange(n_comp),
                                    np.abs(pca.components_).argmax(axis=1)])
    signs[signs == 0] = 1.0
    coords = coords * signs
    comps = pca.components_ * signs[:, None]
    if n_comp == 1:
        coords = np.column_stack([coords[:, 0], np.zeros(len(coords))])
        comps = np.vstack([comps, np.zeros(len(kept))])
        ratio = (float(pca.explained_variance_ratio_[0]), 0.0)
    else:
        ratio = tuple(float(v) for v in pca.explained_variance_ratio_)
    frame = pd.DataFrame({id_column: pd.array(ids, dtype="str"), "cluster": labels,
                          "pc1": coords[:, 0], "pc2": coords[:, 1]})
    loadings = pd.DataFrame({"feature": kept, "pc1": comps[0], "pc2": comps[1]})
    return frame, ratio, loadings


def fit_clusters(frame: pd.DataFrame, features: Sequence[str] = DEFAULT_FEATURES, k: int = 4,
                 random_state: int = 0, n_init: int = DEFAULT_N_INIT, log="auto",
                 value: str = "monetary", id_column: str = "customer_id",
                 silhouette_sample: int = SILHOUETTE_SAMPLE,
                 n_threads: int | None = N_THREADS) -> CustomerClusters:
    """Fit :class:`CustomerClusters` on ``frame`` and return the fitted model.

    See :class:`CustomerClusters` for the parameters and the fitted attributes.

    Raises
    ------
    ValueError
        Missing or non-numeric features, duplicate customer ids, a k outside 2..15 or
        larger than the number of customers, every feature constant.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"customer_id": list("abcdef"),
    ...                   "monetary": [10.0, 11.0, 12.0, 500.0, 510.0, 520.0]})
    >>> fit_clusters(f, ["monetary"], k=2, log=None).labels_.tolist()
    [2, 2, 2, 1, 1, 1]
    """
    return CustomerClusters(features, k, log=log, n_init=n_init, random_state=random_state,
                            value=value, id_column=id_column,
                            silhouette_sample=silhouette_sample,
                            n_threads=n_threads).fit(frame)


def k_selection(frame: pd.DataFrame, features: Sequence[str] = DEFAULT_FEATURES,
                k_values: Iterable[int] = range(2, 9), random_state: int = 0,
                n_init: int = DEFAULT_N_INIT, log="auto", id_column: str = "customer_id",
                sample_size: int = SILHOUETTE_SAMPLE, max_rows: int = ELBOW_MAX_ROWS,
                n_threads: int | None = N_THREADS) -> pd.DataFrame:
    """Inertia (elbow) and mean silhouette for each k, to help choose the number of clusters.

    inertia(k) = sum of squared distances of customers to their cluster centre, on the
    standardised (and log-scaled) features; it always falls as k grows: look for the
    elbow where it stops falling fast. silhouette(k) in -1..1: higher = better separated
    clusters; computed on ``sample_size`` random customers when there are more.
    Above ``max_rows`` customers, the curve is fitted on a random sample of that size.

    Returns
    -------
    DataFrame
        k, inertia, silhouette (one row per feasible k, ascending).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> x = np.r_[np.zeros(20), np.full(20, 10.0)] + np.linspace(0, 1, 40)
    >>> f = pd.DataFrame({"customer_id": [f"c{i:02d}" for i in range(40)], "x": x})
    >>> t = k_selection(f, ["x"], k_values=[2, 3], log=None)
    >>> t["k"].tolist(), bool(t["silhouette"].iloc[0] > 0.9)
    ([2, 3], True)
    """
    features = list(features)
    _check_frame(frame, features, id_column)
    ks = sorted({_check_k(k) for k in k_values})
    data, kept, logged, _, _ = _prepare(frame, features, log, id_column)
    if len(data) > max_rows:
        rng = np.random.default_rng(random_state)
        data = data.iloc[np.sort(rng.choice(len(data), size=max_rows, replace=False))]
    prep = Pipeline([("transform", _transformer(kept, logged)), ("scale", StandardScaler())])
    x = _matrix(data, kept)
    z = prep.fit_transform(x)
    rows = []
    with threadpool_limits(limits=n_threads):
        for k in ks:
            if k >= len(z):
                break
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                km = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(z)
            rows.append({"k": k, "inertia": float(km.inertia_),
                         "silhouette": _silhouette(z, km.labels_, sample_size,
                                                   random_state)})
    if not rows:
        raise ValueError(f"{len(z)} customer(s): too few to compare numbers of clusters")
    return pd.DataFrame(rows)
