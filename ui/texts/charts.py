"""Texts of the chart builders (ui/charts.py)."""

TEXTS = {
    "fr": {
        "amount_axis": "Montant HT",
    },
    "en": {
        "amount_axis": "Net amount",
    },
}
