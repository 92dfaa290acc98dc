"""KPI cards: ``st.metric`` with a delta and a plain-language reading underneath."""

from __future__ import annotations

import streamlit as st


def metric_card(container, label: str, value: str, reading: str, delta: str | None = None,
                delta_color: str = "normal", help: str | None = None,
                delta_description: str | None = None) -> None:
    """A bordered card in ``container``: the figure, its change, and one sentence.

    ``delta_color="inverse"`` for figures where a rise is bad (credit notes, late
    payments).
    """
    with container.container(border=True, height="stretch"):
        st.metric(label, value, delta=delta, delta_color=delta_color, help=help,
                  delta_description=delta_description if delta is not None else None)
        st.caption(reading)
