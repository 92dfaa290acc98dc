"""The page registry: adding a page to the app is one line in ``PAGES``.

Each entry names the script, its section, its title in both languages, a Material icon
and a URL path. ``app.py`` turns the registry into ``st.navigation``; sections without
pages are not shown. The end-to-end test opens every page listed here.

Example (one line to add a page)::

    PageSpec("pages/abc.py", "portfolio", "Analyse ABC", "ABC analysis", ":material/bar_chart:", "abc"),
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ui.i18n import t

ROOT = Path(__file__).resolve().parents[1]

# Section ids in menu order -> key of their title in ui/texts/common.py.
SECTIONS = {
    "portfolio": "common.section_portfolio",
    "value": "common.section_value",
    "mining": "common.section_mining",
    "risk": "common.section_risk",
    "geo": "common.section_geo",
    "database": "common.section_database",
}


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: script path (relative to app.py), section id, titles, icon,
    URL path (unique, no slash) and whether it is the start page."""

    path: str
    section: str
    fr: str
    en: str
    icon: str
    url_path: str
    default: bool = False

    def title(self, lang: str) -> str:
        """The page title in ``lang``."""
        return self.fr if lang == "fr" else self.en


PAGES: list[PageSpec] = [
    PageSpec("pages/overview.py", "portfolio", "Vue d'ensemble", "Overview",
             ":material/dashboard:", "overview", default=True),
    PageSpec("pages/structure.py", "portfolio", "Structure et ABC", "Structure and ABC",
             ":material/stacked_bar_chart:", "structure"),
    PageSpec("pages/forecast.py", "portfolio", "Prévisions", "Forecasts",
             ":material/trending_up:", "forecast"),
    PageSpec("pages/data.py", "database", "Données", "Data",
             ":material/upload_file:", "data"),
    PageSpec("pages/quality.py", "database", "Qualité des données", "Data quality",
             ":material/fact_check:", "quality"),
    PageSpec("pages/sql.py", "database", "Explorateur SQL", "SQL explorer",
             ":material/terminal:", "sql"),
    PageSpec("pages/rfm.py", "value", "RFM et cycle de vie", "RFM & lifecycle",
             ":material/grid_view:", "rfm"),
    PageSpec("pages/strategy.py", "value", "Stratégie P-R", "P-R strategy",
             ":material/target:", "strategy"),
    PageSpec("pages/value.py", "value", "Valeur et rentabilité", "Value & profitability",
             ":material/savings:", "value"),
    PageSpec("pages/segments.py", "mining", "Segmentation", "Segmentation",
             ":material/scatter_plot:", "segments"),
    PageSpec("pages/scores.py", "mining", "Scores prédictifs", "Predictive scores",
             ":material/query_stats:", "scores"),
    PageSpec("pages/risk.py", "risk", "Risque client", "Credit risk",
             ":material/credit_score:", "risk"),
    PageSpec("pages/whatif.py", "risk", "Simulations", "What-if",
             ":material/tune:", "whatif"),
    PageSpec("pages/map.py", "geo", "Carte et territoires", "Map and territories",
             ":material/map:", "map"),
    PageSpec("pages/routes.py", "geo", "Tournées", "Routes", ":material/route:", "routes"),
    PageSpec("pages/plans.py", "value", "Charge et plans d'action", "Workload and action plans",
             ":material/event_note:", "plans"),
]


def page_spec(url_path: str) -> PageSpec:
    """The registered page with this URL path (KeyError if none)."""
    for spec in PAGES:
        if spec.url_path == url_path:
            return spec
    raise KeyError(url_path)


def navigation_pages(lang: str) -> dict:
    """``{section title: [st.Page, ...]}`` in section order, for ``st.navigation``."""
    import streamlit as st

    unknown = {p.section for p in PAGES} - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown section(s) in ui/nav.py PAGES: {sorted(unknown)}")
    grouped: dict[str, list] = {}
    for section, key in SECTIONS.items():
        pages = [
            st.Page(p.path, title=p.title(lang), icon=p.icon, url_path=p.url_path,
                    default=p.default)
            for p in PAGES
            # a page registered before its script exists is left out, not a crash
            # (tests/ui/test_i18n.py checks that every registered script exists)
            if p.section == section and (ROOT / p.path).is_file()
        ]
        if pages:
            grouped[t(key, lang=lang)] = pages
    return grouped
