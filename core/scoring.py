"""Predictive scores with honest validation: churn, prospect conversion, payment default.

A score ranks customers (or prospects) by the probability of an event in the next
``H`` months (DOMAIN.md section 4). Three events, each defined at a cut-off date ``c``:

- **churn** (attrition): among customers with an order in the ``active_months`` before
  ``c``, the event is *no order* in ``(c, c + H]``;
- **conversion**: among accounts of the customers table without any order on or before
  ``c`` (prospects), the event is a *first order* in ``(c, c + H]``;
- **default** (late payment): among customers with an invoice falling due in
  ``(c, c + H - N days)``, the event is an invoice paid more than ``N`` days after its
  due date, or still unpaid at ``c + H`` (from the receivables table).

An order is an invoice with a positive net amount (credit notes are not orders), as in
:mod:`core.features`.

**No leakage.** Features are computed by :func:`known_at`, which keeps only what was
known at the cut-off: sales lines and contacts dated on or before ``c``, invoices issued
on or before ``c`` with payments after ``c`` erased, accounts created on or before ``c``.
The ``status`` column of the customers table is never used: it is today's snapshot and
would tell the model who converted. The labels look only at ``(c, c + H]``.

**Honest validation (time split).** With the reference date ``as_of``: the model is
trained at ``c1 = as_of - 2H`` (labels in ``(c1, c1 + H]``, all known at ``c2``) and
evaluated at ``c2 = as_of - H`` on the customers of that later date (labels in
``(c2, as_of]``): exactly what the manager would have seen by using it ``H`` months ago.
The model applied to today's portfolio is the same recipe retrained at ``c2``.

Models (:func:`fit_scorer`): a logistic regression (readable coefficients, a 0-1000
points scorecard) or gradient boosting (``HistGradientBoostingClassifier``), both in a
scikit-learn pipeline that imputes missing values (median + a missing flag for numbers,
a "(missing)" category for text), one-hot encodes text, log-scales skewed numbers and
standardises them; constant columns and identifier-like text columns are dropped with a
note.

Metrics: ROC AUC; gain and lift by decile and the plain reading "targeting the top 20 %
reaches 55 % of the next half-year's churners" (:func:`gain_at`); calibration by bins;
confusion matrix at a threshold; permutation importance (drop in AUC when a column is
shuffled); the top reasons per customer (largest contributions to the log-odds).

Example
-------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(0)
>>> X = pd.DataFrame({"recency_days": rng.uniform(0, 365, 400),
...                   "sector": rng.choice(["BTP", "Industrie", None], 400)})
>>> y = (X["recency_days"] + rng.normal(0, 60, 400) > 250).astype(int)
>>> scorer = fit_scorer(X, y)
>>> p = scorer.predict_proba(X)
>>> p.shape, bool(roc_auc(y, p) > 0.85)
((400,), True)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    OneHotEncoder,
    OrdinalEncoder,
    StandardScaler,
)
from threadpoolctl import threadpool_limits

from core.clustering import signed_log1p
from core.features import customer_features, to_timestamp
from core.schema import Portfolio

MODELS = ("logistic", "gbm")
TARGETS = ("churn", "conversion", "default")
BANDS = ("A", "B", "C", "D", "E")    # A = highest probability of the event
MIN_ROWS = 30                        # rows needed to fit a score
MIN_CLASS = 10                       # events and non-events needed (each)
MIN_TEST_CLASS = 5                   # events and non-events needed to measure the AUC
MIN_HISTORY_MONTHS = 2               # history needed before the training cut-off
POINTS_MAX = 1000
SKEW_LIMIT = 1.0                     # |skewness| above which a number is log-scaled
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)  # logistic penalty strengths tried (1 / lambda)
MIN_CATEGORY_COUNT = 5               # rarer text values are grouped as "other"
MAX_CATEGORIES = 20                  # per text column, "other" included
ID_LIKE_MIN = 50                     # a text column with more distinct values than
ID_LIKE_SHARE = 0.5                  # max(50, 50 % of rows) looks like an identifier
# Native threads (OpenMP for gradient boosting, BLAS): one by default. On a shared, busy
# 2-core machine OpenMP workers spin: a 511-row gradient boosting fit took 15.6 s with two
# threads vs 0.2 s with one. None = the libraries' default.
N_THREADS: int | None = 1
OVERFIT_CUTS = (0.03, 0.10)           # training AUC - test AUC: below 0.03 the model
#                                      generalises well, up to 0.10 some over-fitting,
#                                      above 0.10 strong over-fitting
MISSING_LABEL = "(missing)"
OTHER_LABEL = "(other)"
# Customers-table columns used as features: stable attributes. Not ``status`` (today's
# snapshot, leaks the outcome), not credit_limit (often cut after a payment incident).
STATIC_COLUMNS = ("kind", "sector", "size", "sales_rep", "potential", "payment_terms_days")
LEAKY_COLUMNS = ("status", "credit_limit")


# =============================================================================== scorer


def _as_frame(X) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        return X
    arr = np.asarray(X)
    if arr.ndim != 2:
        raise ValueError("the features must be a table (rows = customers, columns = "
                         "features)")
    return pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])])


def _as_target(y, n: int) -> np.ndarray:
    s = pd.Series(np.asarray(y, dtype=object) if not isinstance(y, pd.Series) else y)
    if len(s) != n:
        raise ValueError(f"{n} rows of features but {len(s)} outcomes: they must match")
    if s.isna().any():
        raise ValueError(f"{int(s.isna().sum())} outcome(s) are missing: every row needs "
                         "0 (no event) or 1 (event)")
    values = pd.to_numeric(s.astype("object").map(
        lambda v: int(v) if isinstance(v, bool | np.bool_) else v), errors="coerce")
    if values.isna().any() or not values.isin([0, 1]).all():
        bad = s[values.isna() | ~values.isin([0, 1])].iloc[0]
        raise ValueError(f"outcomes must be 0 or 1 (or True/False), found {bad!r}")
    return values.to_numpy(dtype=np.int64)


def check_counts(y, min_rows: int = MIN_ROWS, min_class: int = MIN_CLASS,
                 what: str = "to fit a score") -> None:
    """ValueError with the numbers when there are too few rows, events or non-events.

    >>> check_counts([1] * 5 + [0] * 40)
    Traceback (most recent call last):
    ...
    ValueError: only 5 of the 45 rows have the event (need at least 10 with and 10 without it to fit a score)
    """
    y = np.asarray(y)
    n, pos = len(y), int(np.sum(y))
    if n < min_rows:
        raise ValueError(f"only {n} rows (need at least {min_rows} {what})")
    if pos < min_class:
        raise ValueError(f"only {pos} of the {n} rows have the event (need at least "
                         f"{min_class} with and {min_class} without it {what})")
    if n - pos < min_class:
        raise ValueError(f"{pos} of the {n} rows have the event and only {n - pos} do not "
                         f"(need at least {min_class} with and {min_class} without it "
                         f"{what})")


def _skew(v: np.ndarray) -> float:
    v = v[np.isfinite(v)]
    if len(v) < 3 or v.std() == 0:
        return 0.0
    return float(np.mean(((v - v.mean()) / v.std()) ** 3))


class Scorer:
    """A fitted probability score P(event | features) in a scikit-learn pipeline.

    Use :func:`fit_scorer` to build one. ``predict_proba(X)`` returns a 1-D array.

    Parameters
    ----------
    model : {"logistic", "gbm"}
    random_state : int
    C : float or None
        Inverse strength of the logistic regression's L2 penalty; None (default) picks
        it among :data:`C_GRID` by 5-fold cross-validated log-loss on the training data
        only (stronger shrinkage for small samples: steadier, more readable
        coefficients).
    n_threads : int or None
        Native threads (default :data:`N_THREADS`; None = all cores).

    Attributes
    ----------
    features_ : list of str
        Columns used, in input order.
    numeric_, text_ : list of str
        Columns treated as numbers / as categories.
    logged_ : list of str
        Numbers put on a signed log scale (logistic only).
    dropped_ : dict
        column -> reason code ("constant", "empty", "identifier", "date").
    missing_ : dict
        column -> number of missing values imputed in the training data.
    notes_ : list of dict
        ``code`` + details + an English ``message``, for the page to translate.
    n_rows_, n_events_ : int
    base_rate_ : float
        Share of events in the training data.
    pipeline_ : sklearn Pipeline
        ("encode": ColumnTransformer, "model": classifier), on the cleaned table.
    """

    def __init__(self, model: str = "logistic", random_state: int = 0, C: float | None = None,
                 n_threads: int | None = N_THREADS):
        self.model = model
        self.random_state = random_state
        self.C = C
        self.n_threads = n_threads

    def _limits(self):
        return threadpool_limits(limits=self.n_threads)

    # ------------------------------------------------------------------ fit / predict
    def fit(self, X, y) -> Scorer:
        """Validate, choose the columns, build and fit the pipeline; return self."""
        if self.model not in MODELS:
            raise ValueError(f"unknown model {self.model!r}: choose 'logistic' (readable "
                             "coefficients) or 'gbm' (gradient boosting)")
        X = _as_frame(X)
        yv = _as_target(y, len(X))
        check_counts(yv)
        self.feature_names_in_ = [str(c) for c in X.columns]
        if len(set(self.feature_names_in_)) != len(self.feature_names_in_):
            raise ValueError("two feature columns have the same name")
        X = X.set_axis(self.feature_names_in_, axis=1)
        self._choose_columns(X)
        Xc = self._clean(X)
        self.missing_ = {c: int(n) for c, n in Xc.isna().sum().items() if n}
        if self.missing_:
            self.notes_.append({
                "code": "missing_imputed", "counts": dict(self.missing_),
                "message": "missing values imputed (median for numbers, a '(missing)' "
                           "category for text): " + ", ".join(
                               f"{c} ({n})" for c, n in self.missing_.items())})
        self.logged_ = [c for c in self.numeric_ if self.model == "logistic"
                        and abs(_skew(Xc[c].to_numpy(dtype="float64"))) > SKEW_LIMIT]
        if self.logged_:
            self.notes_.append({"code": "log_scale", "columns": list(self.logged_),
                                "message": "log scale (skewed values): "
                                           + ", ".join(self.logged_)})
        encoder = self._encoder()
        with warnings.catch_warnings(), self._limits():
            warnings.simplefilter("ignore", UserWarning)
            E = encoder.fit_transform(Xc)
            if self.model == "logistic":
                self.C_ = self.C if self.C is not None else self._choose_C(E, yv)
            clf = self._classifier().fit(E, yv)
        self.pipeline_ = Pipeline([("encode", encoder), ("model", clf)])
        self.n_rows_, self.n_events_ = len(yv), int(yv.sum())
        self.base_rate_ = float(yv.mean())
        self._reference = self._reference_row(Xc)
        if self.model == "logistic":
            self._fit_scorecard(Xc)
        return self

    def _choose_columns(self, X: pd.DataFrame) -> None:
        n = len(X)
        self.dropped_: dict[str, str] = {}
        self.numeric_, self.text_ = [], []
        for c in X.columns:
            s = X[c]
            if pd.api.types.is_datetime64_any_dtype(s):
                self.dropped_[c] = "date"
            elif s.isna().all():
                self.dropped_[c] = "empty"
            elif s.nunique(dropna=False) <= 1:
                self.dropped_[c] = "constant"
            elif pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
                self.numeric_.append(c)
            else:
                distinct = s.nunique(dropna=True)
                if distinct > max(ID_LIKE_MIN, ID_LIKE_SHARE * n):
                    self.dropped_[c] = "identifier"
                else:
                    self.text_.append(c)
        self.features_ = [c for c in X.columns if c not in self.dropped_]
        self.notes_: list[dict] = []
        for reason, what in (("constant", "a single value"), ("empty", "no value"),
                             ("identifier", "one value per row, like an identifier"),
                             ("date", "dates: derive an age in days instead")):
            cols = [c for c, r in self.dropped_.items() if r == reason]
            if cols:
                self.notes_.append({"code": f"{reason}_dropped", "columns": cols,
                                    "message": f"not used ({what}): " + ", ".join(cols)})
        if not self.features_:
            raise ValueError("no usable feature: every column is constant, empty, a date "
                             "or an identifier")

    def _clean(self, X: pd.DataFrame) -> pd.DataFrame:
        """The used columns with numbers as float64 and text as object (NaN = missing)."""
        missing = [c for c in self.features_ if c not in X.columns]
        if missing:
            raise ValueError("the table lacks the column(s) the score was trained on: "
                             + ", ".join(missing))
        out = {}
        for c in self.numeric_:
            s = X[c]
            if pd.api.types.is_bool_dtype(s):
                s = s.astype("float64")
            out[c] = pd.to_numeric(s, errors="coerce").astype("float64").to_numpy()
        for c in self.text_:
            s = X[c]
            arr = s.astype("object").to_numpy()
            na = pd.isna(arr)
            text = arr.astype(str).astype(object)
            text[na] = np.nan
            out[c] = text
        return pd.DataFrame(out, index=X.index)[self.features_]

    def _encoder(self) -> ColumnTransformer:
        """Three column groups: log-scaled numbers, other numbers, text."""
        impute_text = SimpleImputer(strategy="constant", fill_value=MISSING_LABEL)
        parts = []
        if self.model == "logistic":
            logged = [c for c in self.numeric_ if c in self.logged_]
            plain = [c for c in self.numeric_ if c not in self.logged_]
            if logged:
                parts.append(("log", Pipeline([
                    ("log", FunctionTransformer(signed_log1p, feature_names_out="one-to-one")),
                    ("impute", SimpleImputer(strategy="median", add_indicator=True)),
                    ("scale", StandardScaler())]), logged))
            if plain:
                parts.append(("num", Pipeline([
                    ("impute", SimpleImputer(strategy="median", add_indicator=True)),
                    ("scale", StandardScaler())]), plain))
            if self.text_:
                parts.append(("cat", Pipeline([("impute", impute_text), ("encode", OneHotEncoder(
                    handle_unknown="infrequent_if_exist", min_frequency=MIN_CATEGORY_COUNT,
                    max_categories=MAX_CATEGORIES, sparse_output=False,
                    feature_name_combiner=_combine))]), self.text_))
        else:
            if self.numeric_:
                parts.append(("num", "passthrough", self.numeric_))
            if self.text_:
                parts.append(("cat", Pipeline([("impute", impute_text), ("encode", OrdinalEncoder(
                    handle_unknown="use_encoded_value", unknown_value=-1,
                    min_frequency=MIN_CATEGORY_COUNT, max_categories=4 * MAX_CATEGORIES))]),
                    self.text_))
        return ColumnTransformer(parts, verbose_feature_names_out=True)

    def _parse_output(self, name: str) -> tuple[str, str]:
        """(feature, readable term) of one encoded output column."""
        group, rest = name.split("__", 1)
        if group == "cat":
            if _SEP not in rest:
                return rest, rest
            col, cat = rest.split(_SEP, 1)
            return col, f"{col} = {OTHER_LABEL if cat == 'infrequent_sklearn' else cat}"
        if rest.startswith("missingindicator_"):
            col = rest[len("missingindicator_"):]
            return col, f"{col} {MISSING_LABEL}"
        return rest, rest

    def _choose_C(self, E: np.ndarray, y: np.ndarray) -> float:
        """The C of C_GRID with the best mean log-loss over stratified folds."""
        folds = int(min(5, np.bincount(y).min()))
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        scores = [cross_val_score(LogisticRegression(C=c, max_iter=5000), E, y, cv=cv,
                                  scoring="neg_log_loss").mean() for c in C_GRID]
        return float(C_GRID[int(np.argmax(scores))])

    def _classifier(self):
        if self.model == "logistic":
            return LogisticRegression(C=self.C_, max_iter=5000)
        mask = [False] * len(self.numeric_) + [True] * len(self.text_)
        return HistGradientBoostingClassifier(
            categorical_features=mask if any(mask) else None, max_iter=200,
            learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20,
            l2_regularization=1.0, random_state=self.random_state)

    def _check_fitted(self) -> None:
        if not hasattr(self, "pipeline_"):
            raise ValueError("the score is not fitted yet: call fit(X, y) first")

    def predict_proba(self, X) -> np.ndarray:
        """P(event) for each row of ``X`` (1-D array, same order)."""
        self._check_fitted()
        Xc = self._clean(_as_frame(X))
        with warnings.catch_warnings(), self._limits():
            warnings.simplefilter("ignore", UserWarning)
            return self.pipeline_.predict_proba(Xc)[:, 1]

    def _logit(self, Xc: pd.DataFrame) -> np.ndarray:
        with warnings.catch_warnings(), self._limits():
            warnings.simplefilter("ignore", UserWarning)
            p = self.pipeline_.predict_proba(Xc)[:, 1]
        p = np.clip(p, 1e-12, 1 - 1e-12)
        return np.log(p / (1 - p))

    def _reference_row(self, Xc: pd.DataFrame) -> dict:
        """The typical customer: median of each number, most frequent text value."""
        ref = {}
        for c in self.numeric_:
            ref[c] = float(np.nanmedian(Xc[c].to_numpy(dtype="float64")))
        for c in self.text_:
            vals = Xc[c].fillna(MISSING_LABEL)
            ref[c] = vals.value_counts().sort_index().idxmax()
        return ref

    # ---------------------------------------------------------------- encoded view
    def _encoded(self, Xc: pd.DataFrame) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Encoded matrix, output names, and the feature index of each output column."""
        ct = self.pipeline_.named_steps["encode"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            E = np.asarray(ct.transform(Xc), dtype="float64")
        names = list(ct.get_feature_names_out())
        position = {c: j for j, c in enumerate(self.features_)}
        group = np.array([position[self._parse_output(n)[0]] for n in names])
        return E, names, group

    def _logistic(self) -> LogisticRegression:
        if self.model != "logistic":
            raise ValueError("coefficients and points exist for the logistic model only")
        return self.pipeline_.named_steps["model"]

    def coefficients(self) -> pd.DataFrame:
        """Logistic coefficients on the encoded features, largest effect first.

        Columns: term (``recency_days``, ``recency_days (missing)``, ``sector = BTP``),
        feature, coefficient (change in log-odds for +1 standard deviation of a number,
        or for the category vs none), odds_ratio = exp(coefficient).
        """
        self._check_fitted()
        lr = self._logistic()
        names = list(self.pipeline_.named_steps["encode"].get_feature_names_out())
        parsed = [self._parse_output(n) for n in names]
        coef = lr.coef_[0]
        frame = pd.DataFrame({
            "term": [t for _, t in parsed], "feature": [f for f, _ in parsed],
            "coefficient": coef, "odds_ratio": np.exp(coef)})
        order = np.argsort(-np.abs(coef), kind="stable")
        return frame.iloc[order].reset_index(drop=True)

    # ---------------------------------------------------------------- contributions
    def _linear_parts(self, Xc: pd.DataFrame) -> np.ndarray:
        """Per row and feature, sum of coefficient x encoded value (logistic)."""
        lr = self._logistic()
        E, _, group = self._encoded(Xc)
        parts = E * lr.coef_[0]
        out = np.zeros((len(Xc), len(self.features_)))
        for j in range(len(self.features_)):
            out[:, j] = parts[:, group == j].sum(axis=1)
        return out

    def contributions(self, X) -> pd.DataFrame:
        """Each feature's push on the log-odds of the event, vs the typical customer.

        Logistic: ``sum_o beta_o * (e_o(x) - e_o(ref))`` over the encoded columns ``o`` of
        the feature (``ref`` = median / most frequent value); the contributions add up to
        ``logit(p(x)) - logit(p(ref))``. Gradient boosting: ``logit(p(x)) -
        logit(p(x with that feature set to its reference value))``.

        Returns
        -------
        DataFrame
            Rows of X (same index), one column per feature used.
        """
        self._check_fitted()
        X = _as_frame(X)
        Xc = self._clean(X)
        if self.model == "logistic":
            parts = self._linear_parts(Xc)
            ref = self._linear_parts(self._reference_frame(1))
            out = parts - ref
        else:
            base = self._logit(Xc)
            out = np.zeros((len(Xc), len(self.features_)))
            for j, c in enumerate(self.features_):
                swapped = Xc.copy()
                swapped[c] = self._ref_value(c, len(Xc))
                out[:, j] = base - self._logit(swapped)
        return pd.DataFrame(out, index=X.index, columns=list(self.features_))

    def _ref_value(self, c: str, n: int):
        v = self._reference[c]
        if c in self.text_:
            return np.full(n, np.nan if v == MISSING_LABEL else v, dtype=object)
        return np.full(n, v, dtype="float64")

    def _reference_frame(self, n: int) -> pd.DataFrame:
        return pd.DataFrame({c: self._ref_value(c, n) for c in self.features_})

    def reasons(self, X, n: int = 3, min_effect: float = 0.05) -> pd.DataFrame:
        """The ``n`` features that push each row's probability up the most.

        Returns
        -------
        DataFrame
            Same index as X; columns reason_1..n (feature name, NaN when fewer features
            push up by at least ``min_effect`` log-odds), value_1..n (the row's value),
            effect_1..n (the contribution, log-odds).
        """
        X = _as_frame(X)
        contrib = self.contributions(X)
        vals = contrib.to_numpy()
        order = np.argsort(-vals, axis=1, kind="stable")[:, :n]
        cols = np.array(contrib.columns, dtype=object)
        out = {}
        Xc = self._clean(X)
        for r in range(min(n, vals.shape[1])):
            idx = order[:, r]
            eff = vals[np.arange(len(vals)), idx]
            ok = eff >= min_effect
            feat = np.where(ok, cols[idx], None)
            value = np.array([Xc.iat[i, j] if ok[i] else None
                              for i, j in enumerate(idx)], dtype=object)
            out[f"reason_{r + 1}"] = pd.array(feat, dtype="str")
            out[f"value_{r + 1}"] = value
            out[f"effect_{r + 1}"] = np.where(ok, eff, np.nan)
        return pd.DataFrame(out, index=X.index)

    # --------------------------------------------------------------------- scorecard
    def _fit_scorecard(self, Xc: pd.DataFrame) -> None:
        parts = self._linear_parts(Xc)
        self._pmin = parts.min(axis=0)
        self._pmax = parts.max(axis=0)
        spread = float((self._pmax - self._pmin).sum())
        self.points_scale_ = spread / POINTS_MAX if spread > 0 else float("nan")
        lr = self._logistic()
        # logit(p) = intercept + sum(min_j) + points * points_scale_
        self.points_offset_ = float(lr.intercept_[0] + self._pmin.sum())
        self._train_lo = {c: float(np.nanmin(Xc[c])) for c in self.numeric_}
        self._train_hi = {c: float(np.nanmax(Xc[c])) for c in self.numeric_}
        self._quantiles = {c: np.nanquantile(Xc[c].to_numpy(dtype="float64"),
                                             [0, 0.2, 0.4, 0.6, 0.8, 1.0])
                           for c in self.numeric_}

    def points(self, X) -> np.ndarray:
        """Scorecard points 0..1000 (logistic): higher = more likely to have the event.

        ``points = 1000 * sum_j (c_j(x) - min_j) / sum_j (max_j - min_j)`` with ``c_j``
        the feature's share of the log-odds and min/max over the training customers;
        clipped to 0..1000. Each point adds ``points_scale_`` to the log-odds.
        """
        self._check_fitted()
        self._logistic()
        Xc = self._clean(_as_frame(X))
        parts = self._linear_parts(Xc)
        if not np.isfinite(self.points_scale_):
            return np.zeros(len(Xc))
        pts = (parts - self._pmin).sum(axis=1) / self.points_scale_
        return np.clip(np.round(pts), 0, POINTS_MAX)

    def scorecard(self) -> pd.DataFrame:
        """The points grid: for each feature and level, the points it adds (logistic).

        Numbers: five ranges between training quintiles, points at the range's middle
        value; text: each category ("(other)" for rare ones, "(missing)" when empty).
        The points of a customer are the sum over features (0..1000).

        Returns
        -------
        DataFrame
            feature, level (text: "120 – 365", a category, "(missing)", "(other)"),
            low and high (the range of a number, NaN for text), points (rounded),
            max_points (of the feature).
        """
        self._check_fitted()
        self._logistic()
        rows = []
        width = np.where(np.isfinite(self.points_scale_), self.points_scale_, 1.0)
        for j, c in enumerate(self.features_):
            levels, values = [], []
            if c in self.numeric_:
                q = self._quantiles[c]
                for a, b in zip(q[:-1], q[1:]):
                    if b <= a and levels:
                        continue
                    levels.append((float(a), float(b)))
                    values.append((a + b) / 2)
                if c in self.missing_:
                    levels.append(MISSING_LABEL)
                    values.append(np.nan)
            else:
                enc = self.pipeline_.named_steps["encode"].named_transformers_["cat"]
                ohe = enc.named_steps["encode"]
                k = self.text_.index(c)
                cats = list(ohe.categories_[k])
                infrequent = ohe.infrequent_categories_[k]
                infrequent = [] if infrequent is None else list(infrequent)
                for cat in cats:
                    if cat in infrequent:
                        continue
                    levels.append(str(cat))
                    values.append(np.nan if cat == MISSING_LABEL else cat)
                if infrequent:
                    levels.append(OTHER_LABEL)
                    values.append(infrequent[0])
            frame = self._reference_frame(len(values))
            col = np.array(values, dtype=object if c in self.text_ else "float64")
            frame[c] = col
            part = self._linear_parts(frame)[:, j]
            pts = (part - self._pmin[j]) / width
            mx = (self._pmax[j] - self._pmin[j]) / width
            for lev, p in zip(levels, pts):
                low, high = lev if isinstance(lev, tuple) else (np.nan, np.nan)
                rows.append({"feature": c, "level": lev, "low": low, "high": high,
                             "points": float(np.round(p)),
                             "max_points": float(np.round(mx))})
        out = pd.DataFrame(rows)
        out["level"] = out["level"].map(_level_text).astype("str")
        return out

    # -------------------------------------------------------------------- importance
    def importance(self, X, y, n_repeats: int = 5, random_state: int | None = None
                   ) -> pd.DataFrame:
        """Permutation importance: the drop in ROC AUC when one column is shuffled.

        ``importance_j = AUC(X) - mean_r AUC(X with column j shuffled, repeat r)``.
        Measure it on customers the model did not see (the test period). The encoding
        works row by row, so the rows are encoded once and the shuffle is applied to the
        encoded columns of the feature (same result as shuffling the raw column, without
        re-encoding the table ``n_features x n_repeats`` times).

        Returns
        -------
        DataFrame
            feature, importance (mean AUC drop), std; largest first.
        """
        self._check_fitted()
        X = _as_frame(X)
        yv = _as_target(y, len(X))
        if yv.min() == yv.max():
            raise ValueError("the importance needs customers with and without the event")
        if int(n_repeats) < 1:
            raise ValueError("at least one shuffle per column is needed")
        Xc = self._clean(X)
        rng = np.random.default_rng(self.random_state if random_state is None
                                    else random_state)
        clf = self.pipeline_.named_steps["model"]
        E, _, group = self._encoded(Xc)
        n, nf = len(yv), len(self.features_)
        drops = np.zeros((nf, int(n_repeats)))
        with self._limits():
            if self.model == "logistic":
                coef = clf.coef_[0]
                parts = np.column_stack([E[:, group == j] @ coef[group == j]
                                         for j in range(nf)])
                base_score = parts.sum(axis=1)
                base = roc_auc_score(yv, base_score)
                for j in range(nf):
                    for r in range(int(n_repeats)):
                        idx = rng.permutation(n)
                        shuffled = base_score - parts[:, j] + parts[idx, j]
                        drops[j, r] = base - roc_auc_score(yv, shuffled)
            else:
                base = roc_auc_score(yv, clf.predict_proba(E)[:, 1])
                for j in range(nf):
                    cols = group == j
                    for r in range(int(n_repeats)):
                        idx = rng.permutation(n)
                        E2 = E.copy()
                        E2[:, cols] = E[idx][:, cols]
                        drops[j, r] = base - roc_auc_score(yv, clf.predict_proba(E2)[:, 1])
        frame = pd.DataFrame({"feature": list(self.features_),
                              "importance": drops.mean(axis=1), "std": drops.std(axis=1)})
        return frame.sort_values("importance", ascending=False,
                                 kind="stable").reset_index(drop=True)


_SEP = "\x1f"  # joins column and category in one-hot output names


def _combine(feature, category) -> str:
    """One-hot output name: column and category, split back by ``_parse_output``."""
    return f"{feature}{_SEP}{category}"


def _level_text(level) -> str:
    if isinstance(level, tuple):
        a, b = level
        return f"{_num(a)} – {_num(b)}"
    return str(level)


def _num(x: float) -> str:
    if abs(x) >= 100 or float(x).is_integer():
        return f"{x:,.0f}".replace(",", " ")
    return f"{x:.2g}"


def fit_scorer(X, y, model: str = "logistic", random_state: int = 0,
               n_threads: int | None = N_THREADS) -> Scorer:
    """Fit a probability score of a 0/1 outcome on a table of numbers and text.

    The pipeline: numbers -> signed log scale when skewed (logistic) -> median imputation
    with a missing flag -> standardisation; text -> "(missing)" for empty cells ->
    one-hot encoding (rare values grouped as "(other)"); then a logistic regression
    ``P(y = 1) = 1 / (1 + exp(-(b0 + sum_k b_k x_k)))`` with an L2 penalty whose strength
    is chosen by 5-fold cross-validated log-loss on the rows given, or gradient-boosted trees
    (``HistGradientBoostingClassifier``, native missing values and categories).
    Constant, empty, date and identifier-like columns are dropped with a note
    (``notes_``).

    Parameters
    ----------
    X : DataFrame
        One row per customer; numeric and text columns, missing values allowed.
    y : array-like of 0/1 or bool
        The outcome (1 = the event happened).
    model : {"logistic", "gbm"}
    random_state : int
    n_threads : int or None
        Native threads (default 1, see :data:`N_THREADS`).

    Returns
    -------
    Scorer
        Fitted; ``predict_proba(X)`` returns a 1-D array of P(y = 1).

    Raises
    ------
    ValueError
        Unknown model, outcomes not 0/1, fewer than 30 rows or fewer than 10 events or
        non-events, no usable column.

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"late_invoices": list(range(40)), "region": ["N", "S"] * 20})
    >>> y = [0] * 20 + [1] * 20
    >>> s = fit_scorer(X, y)
    >>> bool(s.predict_proba(X)[-1] > 0.9), s.points(X.tail(1)).item() > 900
    (True, True)
    """
    return Scorer(model=model, random_state=random_state, n_threads=n_threads).fit(X, y)


# ============================================================================== metrics


def _yp(y, p) -> tuple[np.ndarray, np.ndarray]:
    yv = _as_target(y, len(np.asarray(y)))
    pv = np.asarray(p, dtype="float64")
    if len(pv) != len(yv):
        raise ValueError(f"{len(yv)} outcomes but {len(pv)} scores: they must match")
    if len(yv) == 0:
        raise ValueError("no customer to evaluate")
    if not np.isfinite(pv).all():
        raise ValueError("some scores are missing or infinite")
    return yv, pv


def roc_auc(y, p) -> float:
    """Area under the ROC curve: the probability that a random customer with the event
    is scored above a random one without it (ties count half). 0.5 = no better than
    chance, 1 = perfect ranking.

    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    yv, pv = _yp(y, p)
    if yv.min() == yv.max():
        raise ValueError("the AUC needs customers with and without the event; found "
                         f"{int(yv.sum())} with it out of {len(yv)}")
    return float(roc_auc_score(yv, pv))


def roc_table(y, p) -> pd.DataFrame:
    """Points of the ROC curve: false-positive rate, true-positive rate, threshold.

    >>> roc_table([0, 1], [0.2, 0.9])[["fpr", "tpr"]].values.tolist()
    [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    """
    yv, pv = _yp(y, p)
    if yv.min() == yv.max():
        raise ValueError("the ROC curve needs customers with and without the event")
    fpr, tpr, thr = roc_curve(yv, pv)
    return pd.DataFrame({"fpr": fpr, "tpr": tpr, "threshold": np.minimum(thr, 1.0)})


def _cum_events(pv: np.ndarray, yv: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Expected events among the top m scores, tied scores at the cut shared pro rata."""
    order = np.argsort(-pv, kind="stable")
    ps, ys = pv[order], yv[order]
    cum = np.concatenate([[0.0], np.cumsum(ys)])
    asc = ps[::-1]  # ascending copy for searchsorted
    n = len(ps)
    out = np.zeros(len(m))
    for i, mi in enumerate(m):
        if mi <= 0:
            continue
        v = ps[mi - 1]
        above = n - np.searchsorted(asc, v, side="right")   # scores > v
        tied = n - np.searchsorted(asc, v, side="left") - above
        pos_tied = cum[above + tied] - cum[above]
        out[i] = cum[above] + pos_tied * (mi - above) / tied
    return out


def gain_table(y, p, bins: int = 10) -> pd.DataFrame:
    """Gain and lift by decile (or ``bins`` groups) of customers sorted by score.

    Group 1 holds the highest scores. For each group: n, events, rate (events / n);
    share_customers (cumulative share of customers targeted), gain (cumulative share of
    all events reached), lift = rate / overall rate, cum_lift = gain / share_customers.
    Customers with tied scores across a group boundary are shared pro rata, so events
    can be fractional.

    >>> t = gain_table([1, 1, 0, 0, 1, 0, 0, 0, 0, 0], [.9, .8, .7, .6, .5, .4, .3, .2, .1, 0],
    ...                bins=5)
    >>> t[["group", "events", "gain", "lift"]].values.tolist()
    [[1.0, 2.0, 0.6666666666666666, 3.3333333333333335], [2.0, 0.0, 0.6666666666666666, 0.0], [3.0, 1.0, 1.0, 1.6666666666666667], [4.0, 0.0, 1.0, 0.0], [5.0, 0.0, 1.0, 0.0]]
    """
    yv, pv = _yp(y, p)
    n = len(yv)
    bins = int(bins)
    if bins < 2:
        raise ValueError("at least 2 groups are needed")
    bins = min(bins, n)
    total = yv.sum()
    if total == 0:
        raise ValueError("no customer has the event: a gain chart needs some")
    edges = np.floor(np.arange(bins + 1) * n / bins + 1e-9).astype(np.int64)
    cum = _cum_events(pv, yv, edges)
    order = np.argsort(-pv, kind="stable")
    ps = pv[order]
    rows = []
    for g in range(bins):
        lo, hi = edges[g], edges[g + 1]
        cnt = hi - lo
        ev = cum[g + 1] - cum[g]
        rate = ev / cnt if cnt else np.nan
        rows.append({"group": g + 1, "n": int(cnt), "events": float(ev), "rate": rate,
                     "share_customers": hi / n, "gain": cum[g + 1] / total,
                     "lift": rate / (total / n), "cum_lift": (cum[g + 1] / total) / (hi / n),
                     "min_score": float(ps[hi - 1]) if cnt else np.nan,
                     "max_score": float(ps[lo]) if cnt else np.nan})
    return pd.DataFrame(rows)


def gain_at(y, p, share: float = 0.2) -> dict:
    """What targeting the top ``share`` of scores reaches: the plain reading.

    Returns a dict: share (targeted, 0..1), n_targeted, n (all), events (all),
    events_reached, share_reached (0..1), lift = share_reached / share. Read it as
    "targeting the top 20 % reaches 55 % of the customers who had the event".

    >>> r = gain_at([1, 0, 1, 0, 0, 0, 0, 0, 0, 0], [.9, .8, .7, .6, .5, .4, .3, .2, .1, 0], 0.2)
    >>> r["n_targeted"], r["share_reached"], r["lift"]
    (2, 0.5, 2.5)
    """
    yv, pv = _yp(y, p)
    if not 0 < share <= 1:
        raise ValueError(f"the share targeted must be between 0 and 1, got {share}")
    n = len(yv)
    total = int(yv.sum())
    if total == 0:
        raise ValueError("no customer has the event: nothing to reach")
    m = max(1, int(round(share * n)))
    reached = float(_cum_events(pv, yv, np.array([m]))[0])
    return {"share": m / n, "n_targeted": m, "n": n, "events": total,
            "events_reached": reached, "share_reached": reached / total,
            "lift": (reached / total) / (m / n)}


def calibration_table(y, p, bins: int = 10) -> pd.DataFrame:
    """Predicted vs observed event rate in groups of equal size sorted by score.

    A well calibrated score has ``mean_predicted ~ observed_rate`` in every group.

    >>> calibration_table([0, 0, 1, 1], [0.1, 0.2, 0.7, 0.8], bins=2).values.tolist()
    [[1.0, 2.0, 0.15000000000000002, 0.0], [2.0, 2.0, 0.75, 1.0]]
    """
    yv, pv = _yp(y, p)
    n = len(yv)
    bins = max(1, min(int(bins), n))
    order = np.argsort(pv, kind="stable")
    group = np.empty(n, dtype=np.int64)
    group[order] = np.floor(np.arange(n) * bins / n).astype(np.int64)
    frame = pd.DataFrame({"bin": group + 1, "p": pv, "y": yv})
    out = frame.groupby("bin").agg(n=("y", "size"), mean_predicted=("p", "mean"),
                                   observed_rate=("y", "mean")).reset_index()
    return out.astype({"bin": "float64", "n": "float64"})


def confusion_at(y, p, threshold: float) -> dict:
    """Confusion matrix when customers scoring ``>= threshold`` are flagged.

    Returns tp (flagged, had the event), fp (flagged, did not), fn (missed), tn, and
    precision = tp / (tp + fp), recall = tp / (tp + fn), accuracy, flagged_share.

    >>> c = confusion_at([1, 0, 1, 0], [0.9, 0.6, 0.4, 0.1], 0.5)
    >>> c["tp"], c["fp"], c["fn"], c["tn"], c["precision"], c["recall"]
    (1, 1, 1, 1, 0.5, 0.5)
    """
    yv, pv = _yp(y, p)
    if not 0 <= threshold <= 1:
        raise ValueError(f"the threshold is a probability between 0 and 1, got {threshold}")
    flag = pv >= threshold
    tp = int((flag & (yv == 1)).sum())
    fp = int((flag & (yv == 0)).sum())
    fn = int((~flag & (yv == 1)).sum())
    tn = int((~flag & (yv == 0)).sum())
    n = len(yv)
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else float("nan"),
            "recall": tp / (tp + fn) if tp + fn else float("nan"),
            "accuracy": (tp + tn) / n, "flagged_share": (tp + fp) / n}


def score_bands(probabilities, cuts: Sequence[float] | None = None) -> pd.Series:
    """Bands A-E: A = the highest probability of the event (act first), E = the lowest.

    Without ``cuts``, by quintiles of the scored customers: a customer ranked ``r``
    (1 = highest, tied scores share the best rank) of ``n`` gets band number
    ``floor(5 (r - 1) / n)``, so A = the top 20 %. With ``cuts`` = four decreasing probabilities, A = ``p >= cuts[0]``,
    B = ``p >= cuts[1]``, ..., E below ``cuts[3]``.

    >>> score_bands([0.9, 0.1, 0.5, 0.3, 0.7]).tolist()
    ['A', 'E', 'C', 'D', 'B']
    >>> score_bands([0.9, 0.1, 0.5], cuts=[0.8, 0.6, 0.4, 0.2]).tolist()
    ['A', 'E', 'C']
    """
    index = probabilities.index if isinstance(probabilities, pd.Series) else None
    pv = np.asarray(probabilities, dtype="float64")
    if not np.isfinite(pv).all():
        raise ValueError("some probabilities are missing")
    if len(pv) == 0:
        return pd.Series([], dtype="str", index=index)
    if cuts is None:
        rank = pd.Series(pv).rank(method="min", ascending=False).to_numpy()
        code = np.clip(np.floor((rank - 1) / len(pv) * 5 + 1e-9).astype(int), 0, 4)
    else:
        cuts = np.asarray(cuts, dtype="float64")
        if cuts.shape != (4,) or np.any(np.diff(cuts) >= 0):
            raise ValueError("give four decreasing probability cut-offs for bands A-D")
        code = np.searchsorted(-cuts, -pv, side="right")
    return pd.Series(np.array(BANDS)[code], index=index, dtype="str")


# ============================================================================= datasets


def _plus_months(ts: pd.Timestamp, months: int) -> pd.Timestamp:
    return (ts + pd.DateOffset(months=int(months))).normalize()


def known_at(portfolio: Portfolio, cutoff) -> Portfolio:
    """The portfolio as it was known at ``cutoff``: nothing dated after it.

    Sales lines and contacts dated on or before the cut-off; invoices (receivables)
    issued on or before it, with payment dates after it erased (unpaid then); accounts
    created on or before it (or without a creation date); the customers table without
    the columns of :data:`LEAKY_COLUMNS`.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A"], "amount": [1.0, 2.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01"])})
    >>> len(known_at(Portfolio(tx), "2024-02-01").transactions)
    1
    """
    c = to_timestamp(cutoff)
    tx = portfolio.transactions
    tx = tx.loc[tx["date"] <= c].copy()
    customers = portfolio.customers
    if customers is not None:
        customers = customers.drop(columns=[k for k in LEAKY_COLUMNS if k in customers])
        if "created" in customers.columns:
            created = pd.to_datetime(customers["created"], errors="coerce")
            customers = customers.loc[created.isna() | (created <= c)]
        customers = customers.copy()
    contacts = portfolio.contacts
    if contacts is not None and "date" in contacts.columns:
        contacts = contacts.loc[pd.to_datetime(contacts["date"], errors="coerce") <= c].copy()
    rec = portfolio.receivables
    if rec is not None and "invoice_date" in rec.columns:
        rec = rec.loc[pd.to_datetime(rec["invoice_date"], errors="coerce") <= c].copy()
        if "paid_date" in rec.columns:
            paid = pd.to_datetime(rec["paid_date"], errors="coerce")
            rec["paid_date"] = paid.where(paid <= c)
    return Portfolio(tx, customers, contacts, rec, meta=dict(portfolio.meta))


@dataclass
class Dataset:
    """Features (and outcome) of one population at one cut-off.

    X is indexed by customer_id; y (0/1, same index) is None for today's portfolio.
    ``label_end`` is the end of the outcome window (cutoff + H months).
    """

    target: str
    cutoff: pd.Timestamp
    label_end: pd.Timestamp | None
    X: pd.DataFrame
    y: pd.Series | None = None

    @property
    def n(self) -> int:
        return len(self.X)

    @property
    def n_events(self) -> int:
        return int(self.y.sum()) if self.y is not None else 0


def _orders(tx: pd.DataFrame) -> pd.DataFrame:
    """customer_id, date, amount per order (invoice, else customer-day), any date range."""
    if tx.empty:
        return pd.DataFrame({"customer_id": pd.Series(dtype="str"),
                             "date": pd.Series(dtype="datetime64[ns]"),
                             "amount": pd.Series(dtype="float64")})
    day = tx["date"].dt.normalize()
    if "invoice_id" in tx.columns:
        key = tx["invoice_id"].astype("object").where(tx["invoice_id"].notna(),
                                                      day.astype("str"))
    else:
        key = day.astype("str")
    g = pd.DataFrame({"customer_id": tx["customer_id"].astype("str"), "key": key,
                      "date": tx["date"], "amount": tx["amount"].astype("float64")})
    return g.groupby(["customer_id", "key"], sort=False).agg(
        date=("date", "min"), amount=("amount", "sum")).reset_index()


def _buyers(tx: pd.DataFrame, start: pd.Timestamp | None, end: pd.Timestamp) -> set:
    """Customers with an order (positive net amount) dated in (start, end]."""
    m = tx["date"] <= end
    if start is not None:
        m &= tx["date"] > start
    o = _orders(tx.loc[m])
    return set(o.loc[o["amount"] > 0, "customer_id"])


def _tx_features(known: Portfolio, cutoff: pd.Timestamp, ids: pd.Index) -> pd.DataFrame:
    feats = customer_features(known.transactions, cutoff).set_index("customer_id")
    feats = feats.reindex(ids)
    out = pd.DataFrame(index=ids)
    for c in ("recency_days", "frequency", "monetary", "margin", "avg_basket", "n_families",
              "revenue_12m", "revenue_prev_12m", "orders_12m"):
        out[c] = feats[c].astype("float64")
    out["tenure_days"] = (cutoff - feats["first_purchase"]).dt.days.astype("float64")
    span = (feats["last_purchase"] - feats["first_purchase"]).dt.days.astype("float64")
    freq = feats["frequency"].astype("float64")
    out["mean_gap_days"] = np.where(freq > 1, span / (freq - 1).clip(lower=1), np.nan)
    out["overdue_ratio"] = out["recency_days"] / out["mean_gap_days"]
    total = out["revenue_12m"] + out["revenue_prev_12m"]
    out["revenue_trend"] = np.where(total > 0, (out["revenue_12m"] - out["revenue_prev_12m"])
                                    / total.where(total > 0), np.nan)
    recent = _orders(known.transactions.loc[known.transactions["date"]
                                            > cutoff - pd.DateOffset(months=3)])
    recent = recent[recent["amount"] > 0].groupby("customer_id").size()
    out["orders_3m"] = recent.reindex(ids).fillna(0).astype("float64").to_numpy()
    return out


def _contact_features(known: Portfolio, cutoff: pd.Timestamp, ids: pd.Index) -> pd.DataFrame:
    ct = known.contacts
    out = pd.DataFrame(index=ids)
    if ct is None or "customer_id" not in ct.columns or "date" not in ct.columns:
        return out
    ct = ct.assign(customer_id=ct["customer_id"].astype("str"))
    y1 = ct.loc[ct["date"] > cutoff - pd.DateOffset(months=12)]
    m3 = ct.loc[ct["date"] > cutoff - pd.DateOffset(months=3)]
    out["contacts_12m"] = y1.groupby("customer_id").size().reindex(ids).fillna(0.0)
    out["contacts_3m"] = m3.groupby("customer_id").size().reindex(ids).fillna(0.0)
    last = ct.groupby("customer_id")["date"].max().reindex(ids)
    out["days_since_contact"] = (cutoff - last).dt.days.astype("float64")
    if "channel" in ct.columns:
        ch = y1["channel"].astype("str").str.lower()
        visits = y1.loc[ch.str.contains("visit", na=False)]
        out["visits_12m"] = visits.groupby("customer_id").size().reindex(ids).fillna(0.0)
    if "complaint" in ct.columns:
        comp = y1.loc[y1["complaint"].fillna(False).astype(bool)]
        out["complaints_12m"] = comp.groupby("customer_id").size().reindex(ids).fillna(0.0)
    return out.astype("float64")


def _static_features(known: Portfolio, cutoff: pd.Timestamp, ids: pd.Index) -> pd.DataFrame:
    cu = known.customers
    out = pd.DataFrame(index=ids)
    if cu is None or "customer_id" not in cu.columns:
        return out
    cu = cu.drop_duplicates("customer_id").assign(
        customer_id=lambda d: d["customer_id"].astype("str")).set_index("customer_id")
    for c in STATIC_COLUMNS:
        if c in cu.columns:
            out[c] = cu[c].reindex(ids)
    if "created" in cu.columns:
        out["account_age_days"] = (cutoff - pd.to_datetime(cu["created"]).reindex(ids)
                                   ).dt.days.astype("float64")
    return out


def _payment_features(known: Portfolio, cutoff: pd.Timestamp, ids: pd.Index) -> pd.DataFrame:
    from core.risk import aging_balance, payment_behaviour, validate_receivables

    out = pd.DataFrame(index=ids)
    rec = known.receivables
    if rec is None or rec.empty:
        return out
    ck = validate_receivables(rec)
    beh = payment_behaviour(ck, cutoff, months=None).set_index("customer_id").reindex(ids)
    for c in ("n_due", "late_frequency", "mean_delay_days", "max_delay_days",
              "mean_days_to_pay"):
        out[c] = beh[c].astype("float64")
    aging = aging_balance(ck, cutoff).set_index("customer_id").reindex(ids).fillna(0.0)
    out["open_amount"] = aging["total"].astype("float64")
    out["overdue_amount"] = (aging["total"] - aging["not_due"]).astype("float64")
    out["overdue_30_amount"] = (aging["late_31_60"] + aging["late_61_90"]
                                + aging["late_over_90"]).astype("float64")
    if "payment_method" in ck.data.columns:
        d = ck.data.assign(customer_id=ck.data["customer_id"].astype("str"))
        mode = d.groupby("customer_id")["payment_method"].agg(
            lambda s: s.value_counts().sort_index().idxmax() if s.notna().any() else np.nan)
        out["payment_method"] = mode.reindex(ids)
    return out


def _default_labels(portfolio: Portfolio, cutoff: pd.Timestamp, end: pd.Timestamp,
                    late_days: int) -> pd.Series:
    from core.risk import validate_receivables

    ck = validate_receivables(portfolio.receivables)
    if not ck.has_paid_date:
        raise ValueError("the receivables table has no 'paid_date' column: late payment "
                         "needs the date each invoice was paid (empty when unpaid)")
    d = ck.data
    last_due = end - pd.Timedelta(days=int(late_days))
    win = d.loc[(d["due_date"] > cutoff) & (d["due_date"] < last_due)]
    settle = win["paid_date"].where(win["paid_date"] <= end, end)
    bad = (settle - win["due_date"]).dt.days > late_days
    lab = bad.groupby(win["customer_id"].astype("str")).any().astype("int64")
    return lab.sort_index()


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise ValueError(f"unknown score {target!r}: choose one of {', '.join(TARGETS)}")


def _check_tables(portfolio: Portfolio, target: str) -> None:
    if portfolio.transactions is None:
        raise ValueError("the portfolio has no sales lines (transactions table)")
    if target == "conversion" and not portfolio.has("customers", "customer_id"):
        raise ValueError("the conversion score needs the customers table (accounts and "
                         "prospects): import it on the Data page")
    if target == "default" and not portfolio.has("receivables"):
        raise ValueError("the late-payment score needs the receivables table (invoices "
                         "with due and paid dates): import it on the Data page")


def build_dataset(portfolio: Portfolio, target: str, cutoff, horizon_months: int = 6,
                  labelled: bool = True, active_months: int = 12, late_days: int = 30
                  ) -> Dataset:
    """Features known at ``cutoff`` and, when ``labelled``, the outcome in the H months after.

    Populations: churn = customers with an order in the ``active_months`` up to the
    cut-off; conversion = accounts of the customers table with no order yet; default =
    customers with an invoice due in ``(c, c + H - late_days)`` when labelled, customers
    with an invoice issued in the ``active_months`` up to the cut-off otherwise.

    Features (all from :func:`known_at`): purchase history (recency_days, frequency,
    monetary, margin, avg_basket, n_families, revenue_12m, revenue_prev_12m, orders_12m,
    orders_3m, tenure_days, mean_gap_days, overdue_ratio = recency / mean gap,
    revenue_trend), contacts (contacts_12m, contacts_3m, days_since_contact, visits_12m,
    complaints_12m), stable customer attributes (:data:`STATIC_COLUMNS`,
    account_age_days) and, for default, payment behaviour and open / overdue amounts.

    Parameters
    ----------
    portfolio : Portfolio
    target : {"churn", "conversion", "default"}
    cutoff : date-like
    horizon_months : int
        H, the outcome window in months (1..24).
    labelled : bool
        Compute the outcome (needs data up to cutoff + H).
    active_months : int
        Look-back defining the churn population (and default's unlabelled one).
    late_days : int
        N: an invoice paid more than N days after its due date, or unpaid, is a default.

    Returns
    -------
    Dataset

    Raises
    ------
    ValueError
        Unknown target, a table the target needs is missing, bad horizon.
    """
    _check_target(target)
    _check_tables(portfolio, target)
    c = to_timestamp(cutoff)
    h = _check_horizon(horizon_months)
    if not 1 <= int(active_months) <= 120:
        raise ValueError("the activity look-back must be between 1 and 120 months")
    if not 0 <= int(late_days) <= 365:
        raise ValueError("the late-payment tolerance must be between 0 and 365 days")
    end = _plus_months(c, h)
    known = known_at(portfolio, c)
    tx = known.transactions
    if target == "churn":
        ids = sorted(_buyers(tx, c - pd.DateOffset(months=int(active_months)), c))
    elif target == "conversion":
        accounts = known.customers["customer_id"].dropna().astype("str").unique()
        ever = _buyers(tx, None, c)
        ids = sorted(set(accounts) - ever)
    else:
        if labelled:
            labels = _default_labels(portfolio, c, end, late_days)
            ids = list(labels.index)
        else:
            rec = known.receivables
            recent = rec.loc[pd.to_datetime(rec["invoice_date"])
                             > c - pd.DateOffset(months=int(active_months))]
            ids = sorted(set(recent["customer_id"].dropna().astype("str")))
    index = pd.Index(ids, name="customer_id", dtype="str")
    parts = []
    if target != "conversion":
        parts.append(_tx_features(known, c, index))
    parts.append(_contact_features(known, c, index))
    parts.append(_static_features(known, c, index))
    if target == "default":
        parts.append(_payment_features(known, c, index))
    X = pd.concat(parts, axis=1) if parts else pd.DataFrame(index=index)
    y = None
    if labelled:
        if target == "churn":
            bought = _buyers(portfolio.transactions, c, end)
            y = pd.Series([0 if i in bought else 1 for i in ids], index=index, dtype="int64")
        elif target == "conversion":
            bought = _buyers(portfolio.transactions, c, end)
            y = pd.Series([1 if i in bought else 0 for i in ids], index=index, dtype="int64")
        else:
            y = labels.reindex(index).astype("int64")
        y.name = target
    return Dataset(target=target, cutoff=c, label_end=end if labelled else None, X=X, y=y)


def _check_horizon(h) -> int:
    try:
        hv = int(h)
    except (TypeError, ValueError):
        raise ValueError(f"the horizon must be a number of months, got {h!r}") from None
    if hv != h or not 1 <= hv <= 24:
        raise ValueError(f"the horizon must be between 1 and 24 months, got {h}")
    return hv


# ========================================================================== the report


@dataclass
class ScoreReport:
    """Everything the Scores page shows: validation on a later period and today's scores.

    Attributes
    ----------
    target, model : str
    horizon_months : int
    as_of, train_cutoff, test_cutoff : Timestamp
    train, test, current : Dataset
        Training population (cut-off as_of - 2H), test population (as_of - H) and
        today's population (features at as_of, no outcome yet).
    validation_model : Scorer
        Fitted on ``train`` only; evaluated on ``test``.
    final_model : Scorer
        Same recipe fitted on ``test`` (the latest fully observed period); scores today.
    test_scores : DataFrame
        customer_id, outcome, probability (validation model on the test population).
    auc, auc_train : float
        ROC AUC on the test period and on the training data (a large gap = overfitting).
    gain, calibration, importance : DataFrame
        See :func:`gain_table`, :func:`calibration_table`, :meth:`Scorer.importance`.
    reading : dict
        :func:`gain_at` at 20 % on the test period.
    scores : DataFrame
        Today: customer_id, probability, band, points (logistic), reason_1.. / value_ /
        effect_; sorted by probability, highest first.
    notes : list of dict
    """

    target: str
    model: str
    horizon_months: int
    as_of: pd.Timestamp
    train_cutoff: pd.Timestamp
    test_cutoff: pd.Timestamp
    train: Dataset
    test: Dataset
    current: Dataset
    validation_model: Scorer
    final_model: Scorer
    test_scores: pd.DataFrame
    auc: float
    auc_train: float
    gain: pd.DataFrame
    calibration: pd.DataFrame
    importance: pd.DataFrame
    reading: dict
    scores: pd.DataFrame
    notes: list = field(default_factory=list)


def _first_date(portfolio: Portfolio, target: str) -> pd.Timestamp | None:
    if target == "default":
        d = pd.to_datetime(portfolio.receivables["invoice_date"], errors="coerce").min()
    else:
        d = portfolio.transactions["date"].min()
    return None if pd.isna(d) else pd.Timestamp(d).normalize()


def score_report(portfolio: Portfolio, target: str = "churn", as_of=None,
                 horizon_months: int = 6, model: str = "logistic", random_state: int = 0,
                 active_months: int = 12, late_days: int = 30, n_reasons: int = 3,
                 importance_repeats: int = 5, band_cuts: Sequence[float] | None = None
                 ) -> ScoreReport:
    """Train, validate on a later period, and score today's portfolio.

    Time split: training cut-off ``c1 = as_of - 2H``, test cut-off ``c2 = as_of - H``.
    The validation model sees only data dated up to ``c1 + H = c2`` (features up to c1,
    outcomes in (c1, c2]); it is measured on the customers at c2 and their outcomes in
    (c2, as_of]. The final model is refitted at c2 and scores the customers at as_of.

    Parameters
    ----------
    portfolio : Portfolio
    target : {"churn", "conversion", "default"}
    as_of : date-like
        Today's reference date (required).
    horizon_months : int
        H (1..24).
    model : {"logistic", "gbm"}
    random_state : int
    active_months, late_days : int
        See :func:`build_dataset`.
    n_reasons : int
        Reasons listed per customer.
    importance_repeats : int
        Shuffles per column for the permutation importance.
    band_cuts : sequence of 4 floats, optional
        Probability cut-offs for bands A-D (default: quintiles of today's scores).

    Returns
    -------
    ScoreReport

    Raises
    ------
    ValueError
        History too short for two periods, too few customers or events in the training
        or test period (with the numbers), or any input error of :func:`build_dataset`.
    """
    _check_target(target)
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}: choose 'logistic' or 'gbm'")
    if as_of is None:
        raise ValueError("a reference date (as_of) is needed")
    as_of = to_timestamp(as_of)
    h = _check_horizon(horizon_months)
    _check_tables(portfolio, target)
    c2 = _plus_months(as_of, -h)
    c1 = _plus_months(as_of, -2 * h)
    first = _first_date(portfolio, target)
    if first is None or c1 < _plus_months(first, MIN_HISTORY_MONTHS):
        covered = "no dated rows" if first is None else \
            f"data from {first:%Y-%m-%d} to {as_of:%Y-%m-%d}"
        need = 2 * h + MIN_HISTORY_MONTHS
        raise ValueError(f"the history is too short for an honest test: a {h}-month "
                         f"horizon needs {need} months ({MIN_HISTORY_MONTHS} months of "
                         f"history, a {h}-month training period and a {h}-month test "
                         f"period) and there is {covered}; choose a shorter horizon")
    kw = dict(horizon_months=h, active_months=active_months, late_days=late_days)
    train = build_dataset(portfolio, target, c1, **kw)
    test = build_dataset(portfolio, target, c2, **kw)
    current = build_dataset(portfolio, target, as_of, labelled=False, **kw)
    period = f"training period (cut-off {c1:%Y-%m-%d})"
    try:
        check_counts(train.y.to_numpy(), what="to fit a score")
    except ValueError as exc:
        raise ValueError(f"{period}: {exc}") from None
    try:
        check_counts(test.y.to_numpy(), min_rows=2 * MIN_TEST_CLASS,
                     min_class=MIN_TEST_CLASS, what="to test the score")
    except ValueError as exc:
        raise ValueError(f"test period (cut-off {c2:%Y-%m-%d}): {exc}") from None
    if current.n == 0:
        raise ValueError(f"no customer to score at {as_of:%Y-%m-%d}")
    validation = fit_scorer(train.X, train.y, model=model, random_state=random_state)
    p_test = validation.predict_proba(test.X)
    auc = roc_auc(test.y, p_test)
    auc_train = roc_auc(train.y, validation.predict_proba(train.X))
    test_scores = pd.DataFrame({"customer_id": test.X.index.astype("str"),
                                "outcome": test.y.to_numpy(), "probability": p_test})
    final = fit_scorer(test.X, test.y, model=model, random_state=random_state)
    p_now = final.predict_proba(current.X)
    scores = pd.DataFrame({"customer_id": current.X.index.astype("str"),
                           "probability": p_now})
    scores["band"] = score_bands(p_now, band_cuts).to_numpy()
    if model == "logistic":
        scores["points"] = final.points(current.X)
    reasons = final.reasons(current.X, n=n_reasons).reset_index(drop=True)
    scores = pd.concat([scores, reasons], axis=1)
    scores = scores.sort_values(["probability", "customer_id"], ascending=[False, True],
                                kind="stable").reset_index(drop=True)
    notes = [dict(n, period="training") for n in validation.notes_]
    if as_of > pd.Timestamp(portfolio.transactions["date"].max()).normalize():
        notes.append({"code": "as_of_after_data",
                      "message": "the reference date is after the last sale: the test "
                                 "period's outcomes may be incomplete"})
    return ScoreReport(
        target=target, model=model, horizon_months=h, as_of=as_of, train_cutoff=c1,
        test_cutoff=c2, train=train, test=test, current=current,
        validation_model=validation, final_model=final, test_scores=test_scores,
        auc=auc, auc_train=auc_train, gain=gain_table(test.y, p_test),
        calibration=calibration_table(test.y, p_test,
                                      bins=max(2, min(10, test.n // 30))),
        importance=validation.importance(test.X, test.y, n_repeats=importance_repeats),
        reading=gain_at(test.y, p_test, 0.2), scores=scores, notes=notes)


def plain_reading(reading: dict) -> tuple[float, float]:
    """(share targeted in %, share of events reached in %) rounded for a sentence.

    >>> plain_reading({"share": 0.2, "share_reached": 0.5512})
    (20, 55)
    """
    return (int(round(100 * reading["share"])),
            int(math.floor(100 * reading["share_reached"] + 0.5)))


def overfit_level(auc_train: float, auc_test: float,
                  cuts: Sequence[float] = OVERFIT_CUTS) -> str:
    """How far the training AUC sits above the test AUC, in words a page can translate.

    ``gap = auc_train - auc_test``; with ``cuts = (low, high)``:
    ``gap < low`` -> "good" (the model generalises well), ``low <= gap <= high`` ->
    "some" (some over-fitting: trust the test figures), ``gap > high`` -> "strong"
    (strong over-fitting: the model learnt the training accounts by heart).
    A test AUC above the training AUC is "good". Either AUC missing -> "unknown".

    Raises
    ------
    ValueError
        If ``cuts`` is not two increasing non-negative numbers.

    Examples
    --------
    >>> overfit_level(0.81, 0.72)
    'some'
    >>> overfit_level(0.74, 0.72), overfit_level(0.95, 0.72)
    ('good', 'strong')
    """
    low, high = (float(c) for c in cuts)
    if not 0 <= low <= high:
        raise ValueError(f"over-fitting cuts must be two increasing non-negative numbers, "
                         f"got {tuple(cuts)!r}")
    train, test = float(auc_train), float(auc_test)
    if not (math.isfinite(train) and math.isfinite(test)):
        return "unknown"
    gap = round(train - test, 9)  # 0.75 - 0.72 is 0.03, not 0.0300000000000000266
    if gap < low:
        return "good"
    return "some" if gap <= high else "strong"
