"""Capital Client: entry point. Page config, the sidebar and the navigation; no analysis.

Run with ``streamlit run app.py`` (or ``make run``). Pages are registered in ui/nav.py.
"""

import streamlit as st

from ui import state
from ui.nav import navigation_pages
from ui.sidebar import render_sidebar

st.set_page_config(page_title="Capital Client", page_icon=":material/groups:", layout="wide")

with state.app_shell():
    state.ensure_app_shell()
    # expanded: all 17 pages stay listed (the default hides those past the tenth)
    page = st.navigation(navigation_pages(state.lang()), expanded=True)
    render_sidebar()
    page.run()
