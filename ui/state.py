"""Session state shared by every page: the store, the current portfolio, the reference
date and the language, plus cached loaders and the page guards.

Every page starts with::

    from ui import state
    state.ensure_app_shell()          # initialises the session if app.py did not run
    p = state.require_portfolio()     # the current Portfolio (stops with a message if none)
    state.require("customers", "postal_code")   # optional: stop with a message if absent

Cross-page values live under the ``cc_*`` keys of ``st.session_state`` (the sidebar
widgets have their own ``sb_*`` keys and copy their value into ``cc_*``):
``cc_portfolio`` (name), ``cc_as_of`` (datetime.date), ``cc_lang`` ("fr" / "en").

Caching pattern for a page's own computations (key on name + version + as-of)::

    @st.cache_data(show_spinner=False)
    def _abc(name: str, version: str, as_of: pd.Timestamp, cuts: tuple):
        p = state.load_portfolio(name, version)
        return abc_classes(...)

    _abc(*state.cache_key(), cuts)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os

import pandas as pd
import streamlit as st

from core.features import customer_features
from core.schema import Portfolio
from core.store import DEMO_NAME, PortfolioStore
from ui.i18n import DEFAULT_LANG, LANGS, column_label, t

KEY_PORTFOLIO = "cc_portfolio"
KEY_AS_OF = "cc_as_of"
KEY_LANG = "cc_lang"
_KEY_AS_OF_FOR = "cc_as_of_for"  # (name, version) the as-of default was computed for
_KEY_PENDING = "cc_pending_portfolio"  # set by select_portfolio(), applied on next run
_KEY_SHELL = "cc_in_shell"  # True while app.py runs the page


# -- store and loading ----------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> PortfolioStore:
    store = PortfolioStore(path or None)
    store.ensure_demo()
    return store


def get_store() -> PortfolioStore:
    """The portfolio store (one per store file; path from $CAPITAL_CLIENT_DB)."""
    return _open_store(os.environ.get("CAPITAL_CLIENT_DB", ""))


def portfolio_names() -> list[str]:
    """Names of the saved portfolios, the demo first."""
    names = get_store().list()["name"].tolist()
    return sorted(names, key=lambda n: (n != DEMO_NAME, n.lower()))


def display_name(name: str | None, lang: str | None = None) -> str:
    """How a portfolio name is shown (the demo gets a translated label)."""
    if name is None:
        return "–"
    return t("common.demo_name", lang=lang) if name == DEMO_NAME else name


@st.cache_data(show_spinner=False, max_entries=8)
def _load(path: str, name: str, version: str) -> Portfolio:
    return get_store().load(name)


def load_portfolio(name: str, version: str | None = None) -> Portfolio:
    """The saved portfolio ``name``, cached on its name and store version."""
    store = get_store()
    if version is None:
        version = store.version(name)
    return _load(str(store.path), name, version)


# -- session values -------------------------------------------------------------------
def lang() -> str:
    """The interface language, "fr" or "en"."""
    value = st.session_state.get(KEY_LANG, DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def portfolio_name() -> str | None:
    """The name of the current portfolio (None when nothing is saved)."""
    return st.session_state.get(KEY_PORTFOLIO)


def portfolio_version() -> str:
    """The store version of the current portfolio (changes at every write)."""
    return get_store().version(portfolio_name())


def portfolio() -> Portfolio | None:
    """The current portfolio, or None when nothing is saved."""
    name = portfolio_name()
    if name is None:
        return None
    return load_portfolio(name)


def as_of() -> pd.Timestamp:
    """The reference date of the analyses (a normalised Timestamp)."""
    value = st.session_state.get(KEY_AS_OF) or dt.date.today()
    return pd.Timestamp(value).normalize()


def cache_key() -> tuple[str, str, pd.Timestamp]:
    """``(name, version, as_of)``: the arguments to key a page's cached computation on."""
    return portfolio_name(), portfolio_version(), as_of()


def select_portfolio(name: str) -> None:
    """Make ``name`` the current portfolio from the next run on (call ``st.rerun()``)."""
    st.session_state[_KEY_PENDING] = name


def date_bounds(p: Portfolio | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last transaction dates of ``p`` (None, None when empty)."""
    if p is None or p.transactions is None or p.transactions.empty:
        return None, None
    dates = p.transactions["date"].dropna()
    if dates.empty:
        return None, None
    return dates.min().date(), dates.max().date()


def _init_state() -> None:
    ss = st.session_state
    if ss.get(KEY_LANG) not in LANGS:
        ss[KEY_LANG] = DEFAULT_LANG
    names = portfolio_names()
    pending = ss.pop(_KEY_PENDING, None)
    if pending in names:
        ss[KEY_PORTFOLIO] = pending
    if ss.get(KEY_PORTFOLIO) not in names:
        ss[KEY_PORTFOLIO] = DEMO_NAME if DEMO_NAME in names else (names[0] if names else None)
    name = ss[KEY_PORTFOLIO]
    if name is None:
        ss[KEY_AS_OF] = dt.date.today()
        ss[_KEY_AS_OF_FOR] = None
        return
    token = (name, get_store().version(name))
    previous = ss.get(_KEY_AS_OF_FOR)
    if previous != token or ss.get(KEY_AS_OF) is None:
        first, last = date_bounds(load_portfolio(name, token[1]))
        kept = ss.get(KEY_AS_OF)
        # A new version of the same portfolio (an edit, a merge, an appended table) keeps
        # the user's reference date while it is still inside the data; another portfolio
        # starts on its own last sale date.
        same_portfolio = previous is not None and previous[0] == name
        if not (same_portfolio and kept is not None and first is not None
                and first <= kept <= last):
            ss[KEY_AS_OF] = last if last is not None else dt.date.today()
        ss[_KEY_AS_OF_FOR] = token


def ensure_app_shell() -> None:
    """Initialise the session (store, portfolio, as-of date, language) if needed.

    Called by app.py and at the top of every page, before anything is drawn.

    A page script can run without app.py: with a ``pages/`` folder next to app.py,
    Streamlit falls back to its folder mode and runs the page alone (no navigation, no
    sidebar, no page config) on a fresh server whose first request is a page URL, and
    at every AppTest run after ``switch_page``. The guard then runs app.py in its place
    (same run, no rerun, so no click is lost) and stops: app.py draws the shell and
    runs the requested page through ``st.navigation`` exactly as on any other run, so
    widget identities do not depend on how the run started. Where app.py is not the
    entry point at all (AppTest on a page file), it draws the sidebar and goes on.
    """
    _init_state()
    if st.session_state.get(_KEY_SHELL):
        return
    main = _entry_point()
    if main is not None and os.path.basename(main) == "app.py":
        _run_app_script(main)
        st.stop()
    from ui.sidebar import render_sidebar

    render_sidebar()


def _entry_point() -> str | None:
    """The server's entry script (app.py when served normally), or None."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    main = getattr(ctx, "main_script_path", None) if ctx is not None else None
    return str(main) if main else None


def _run_app_script(path: str) -> None:
    """Execute app.py in this run, as Streamlit runs its entry script."""
    import types

    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    with open(path, "rb") as f:
        code = compile(f.read(), path, "exec")
    module = types.ModuleType("__main__")
    module.__dict__["__file__"] = path
    hashed = getattr(ctx, "run_with_active_hash", None)
    if hashed is None:
        exec(code, module.__dict__)  # noqa: S102 - our own entry script
        return
    with hashed(ctx.pages_manager.main_script_hash):
        exec(code, module.__dict__)  # noqa: S102 - our own entry script


@contextlib.contextmanager
def app_shell():
    """Used by app.py around ``page.run()``: tells pages the shell (sidebar) is there."""
    st.session_state[_KEY_SHELL] = True
    try:
        yield
    finally:
        st.session_state[_KEY_SHELL] = False


# -- cached per-customer table --------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=16)
def _features(path: str, name: str, version: str, as_of: pd.Timestamp) -> pd.DataFrame:
    p = load_portfolio(name, version)
    return customer_features(p.transactions, as_of, customers=p.customers)


def features() -> pd.DataFrame:
    """``core.features.customer_features`` of the current portfolio at the as-of date."""
    name, version, when = cache_key()
    return _features(str(get_store().path), name, version, when)


# -- language switch -------------------------------------------------------------------
# Widget value types whose value can be written back through st.session_state (buttons,
# uploaders and data editors cannot: Streamlit refuses it).
_REWRITABLE = {"string_value", "string_array_value", "int_value", "double_value",
               "double_array_value", "bool_value", "int_array_value"}


def refresh_widget_labels() -> int:
    """Make the current page's choice widgets redraw their labels after a language switch.

    Streamlit keeps a selectbox's or radio's chosen option in the browser as its displayed
    label: after the language changes, a selectbox kept showing the French label and a
    radio lost its selection. Writing each keyed widget's own value back through
    ``st.session_state`` makes Streamlit send it again, formatted by the widget's
    (now translated) ``format_func``. Only value types that Streamlit lets a script write
    are touched. Uses Streamlit 1.67's session-state internals (pinned); returns the
    number of widgets refreshed.
    """
    from streamlit.runtime.state.session_state_proxy import get_session_state

    try:
        inner = get_session_state()._state
        mapper = inner._key_id_mapper
        metadata = inner._new_widget_state.widget_metadata
    except AttributeError:  # another Streamlit version: labels refresh on next choice
        return 0
    done = 0
    for key in list(st.session_state.keys()):
        if not isinstance(key, str) or key.startswith(("cc_", "sb_")):
            continue
        widget_id = mapper.get_id_from_key(key, None)
        meta = metadata.get(widget_id) if widget_id else None
        if meta is None or meta.value_type not in _REWRITABLE:
            continue
        value = st.session_state[key]
        # None would clear the choice once written back; a dict is a data editor's
        # edits (its "string" state is JSON), which Streamlit keeps read-only
        if value is None or isinstance(value, dict):
            continue
        with contextlib.suppress(Exception):
            st.session_state[key] = st.session_state[key]
            done += 1
    return done


# -- customer classes shared across pages ---------------------------------------------
KEY_CLASSES = "customer_classes"  # pages publish {"cluster": Series, "score_band": ...}


@st.cache_data(show_spinner=False, max_entries=16)
def _default_classes(path: str, name: str, version: str, as_of: pd.Timestamp) -> dict:
    from core.rfm import rfm_scores, rfm_table
    from core.structure import abc_classes

    p = load_portfolio(name, version)
    feats = _features(path, name, version, as_of)  # the cached customer table, not a rerun
    values = feats.set_index("customer_id")["revenue_12m"]
    out = {"abc": abc_classes(values).astype("str")}
    try:
        rfm = rfm_scores(rfm_table(p.transactions, as_of))
        out["rfm"] = rfm.set_index("customer_id")["segment"].astype("str")
    except ValueError:
        pass
    return out


def customer_classes() -> dict[str, pd.Series]:
    """Classes of the current portfolio's customers, for colouring maps and priorities.

    Always holds ``"abc"`` (ABC on revenue of the last 12 months, cuts 80 / 95 %) and
    ``"rfm"`` (RFM segment, quintiles, 12-month window), computed here so they do not
    depend on which page ran first; pages add their own results (``"cluster"``,
    ``"score_band"``, a user-tuned ``"abc"``) with :func:`publish_classes`. Each value is
    a Series customer_id -> label.
    """
    name, version, when = cache_key()
    out = dict(_default_classes(str(get_store().path), name, version, when))
    published = st.session_state.get(KEY_CLASSES, {})
    if published.get("_for") == (name, version):
        out.update({k: v for k, v in published.items() if k != "_for"})
    return out


def publish_classes(kind: str, classes: pd.Series) -> None:
    """Offer a page's classes (Series customer_id -> label) to the other pages."""
    name, version, _ = cache_key()
    current = st.session_state.get(KEY_CLASSES, {})
    if current.get("_for") != (name, version):
        current = {"_for": (name, version)}
    current[kind] = classes
    st.session_state[KEY_CLASSES] = current


# -- page guards ----------------------------------------------------------------------
def _link_to_data_page() -> None:
    with contextlib.suppress(Exception):  # page_link needs the page to be registered
        st.page_link("pages/data.py", label=t("common.go_data"), icon=":material/upload_file:")


def require_portfolio() -> Portfolio:
    """The current portfolio; without one, an info message and ``st.stop()``."""
    name = portfolio_name()
    if name is None:
        st.info(t("common.no_portfolio"))
        _link_to_data_page()
        st.stop()
    try:
        return load_portfolio(name)
    except Exception as exc:  # noqa: BLE001 - a damaged store must not show a traceback
        st.error(t("common.load_error", portfolio=display_name(name), error=exc))
        _link_to_data_page()
        st.stop()


def require(kind: str, *columns: str) -> Portfolio:
    """Stop the page with a message naming what is missing, unless table ``kind`` is
    present, not empty, and has every column in ``columns``. Returns the portfolio."""
    p = require_portfolio()
    if p.has(kind, *columns):
        return p
    table = getattr(p, kind, None)
    args = {"table": t(f"common.table_{kind}"), "portfolio": display_name(portfolio_name())}
    if table is None or table.empty:
        st.info(t("common.missing_table", **args), icon=":material/info:")
    else:
        missing = [column_label(c) for c in columns if c not in table.columns]
        st.info(t("common.missing_columns", columns=", ".join(missing), **args),
                icon=":material/info:")
    _link_to_data_page()
    st.stop()
