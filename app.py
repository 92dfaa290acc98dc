"""Capital Client: entry point. Page config, the sidebar and the navigation; no analysis.

Run with ``streamlit run app.py`` (or ``make run``). Pages are registered in ui/nav.py.
"""

from pathlib import Path

import streamlit as st

from core.geo import GEONAMES_CREDIT
from ui import state
from ui.nav import navigation_pages
from ui.sidebar import render_sidebar

ABOUT = (
    "**Capital Client** — open-source customer-portfolio analysis (ABC, RFM, customer "
    "value, risk, geomarketing).\n\n"
    f"{GEONAMES_CREDIT}. Demo communes: GeoNames, CC BY 4.0."
)
# A local favicon: a Material icon would make the browser fetch a web font.
st.set_page_config(page_title="Capital Client",
                   page_icon=str(Path(__file__).parent / "ui" / "static" / "favicon.png"),
                   layout="wide", menu_items={"About": ABOUT})

with state.app_shell():
    state.ensure_app_shell()
    # expanded: all 17 pages stay listed (the default hides those past the tenth)
    page = st.navigation(navigation_pages(state.lang()), expanded=True)
    render_sidebar()
    page.run()
