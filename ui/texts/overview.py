"""Texts of the Overview page (pages/overview.py)."""

TEXTS = {
    "fr": {
        "title": "Vue d'ensemble",
        "intro": (
            "Les chiffres clés du portefeuille « {portfolio} » au {as_of}, comparés aux "
            "12 mois précédents."
        ),
        "vs_prev": "vs 12 mois préc.",
        "kpi_customers": "Clients",
        "kpi_active": "Clients actifs (12 mois)",
        "kpi_revenue": "CA HT 12 mois",
        "kpi_margin": "Marge 12 mois",
        "kpi_margin_rate": "Taux de marge",
        "kpi_basket": "Panier moyen",
        "kpi_orders": "Commandes 12 mois",
        "kpi_credit_notes": "Avoirs 12 mois",
        "read_customers": (
            "{n} clients ont acheté au moins une fois ; {prospects} prospects n'ont encore "
            "rien acheté."
        ),
        "read_customers_no_table": "{n} clients ont acheté au moins une fois.",
        "read_active": (
            "{n} clients ont commandé ces 12 derniers mois, soit {share} des clients "
            "({prev} les 12 mois précédents)."
        ),
        "read_revenue": (
            "Chiffre d'affaires des 12 derniers mois : {value}, {trend} ({prev} les 12 mois "
            "précédents)."
        ),
        "read_margin": "La marge des 12 derniers mois est de {value}, {trend}.",
        "read_margin_rate": (
            "Sur 100 € vendus, il reste {per100} de marge ({prev} les 12 mois précédents)."
        ),
        "read_basket": (
            "Une commande rapporte en moyenne {value} HT, avoirs non déduits ({prev} les 12 "
            "mois précédents)."
        ),
        "read_orders": "{n} commandes en 12 mois ({prev} les 12 mois précédents).",
        "read_credit_notes": (
            "{n} avoirs en 12 mois pour {amount}, soit {share} du chiffre d'affaires."
        ),
        "read_credit_notes_one": (
            "1 avoir en 12 mois pour {amount}, soit {share} du chiffre d'affaires."
        ),
        "read_credit_notes_none": "Aucun avoir ces 12 derniers mois.",
        "trend_up": "en hausse de {pct}",
        "trend_down": "en baisse de {pct}",
        "trend_flat": "stable",
        "trend_none": "sans point de comparaison",
        "no_margin": "Pas de colonne marge dans les ventes : ajoutez-la dans la page Données.",
        "help_customers": "Clients ayant au moins un achat à la date de référence.",
        "help_active": "Clients ayant au moins une commande dans les 12 mois.",
        "help_revenue": "Somme des montants HT des 12 mois, avoirs déduits.",
        "help_margin": "Somme des marges des 12 mois, avoirs déduits.",
        "help_margin_rate": "Marge / chiffre d'affaires HT des 12 mois.",
        "help_basket": "Montant moyen d'une commande (avoirs exclus).",
        "help_orders": "Nombre de factures (ou commandes) positives des 12 mois.",
        "help_credit_notes": "Factures de montant négatif (avoirs) des 12 mois.",
        "monthly_title": "Ventes mensuelles",
        "monthly_caption": "Chiffre d'affaires HT (barres) et marge (ligne) des 36 derniers mois.",
        "read_monthly": (
            "Sur les 12 derniers mois, le meilleur mois est {best} ({best_value}) et le plus "
            "faible {worst} ({worst_value})."
        ),
        "top_title": "Les 10 premiers clients",
        "read_top": (
            "Les {n} premiers clients font {share} du chiffre d'affaires des 12 derniers mois ; "
            "le premier, {first}, en fait {first_share} à lui seul."
        ),
        "no_sales_12m": "Aucune vente dans les 12 mois qui précèdent la date de référence.",
        "top_file": "top_10_clients",
        "monthly_file": "ventes_mensuelles",
    },
    "en": {
        "title": "Overview",
        "intro": (
            "Key figures of portfolio \"{portfolio}\" at {as_of}, compared with the previous "
            "12 months."
        ),
        "vs_prev": "vs prior 12 mo.",
        "kpi_customers": "Customers",
        "kpi_active": "Active customers",
        "kpi_revenue": "Revenue 12 months",
        "kpi_margin": "Margin 12 months",
        "kpi_margin_rate": "Margin rate",
        "kpi_basket": "Average basket",
        "kpi_orders": "Orders 12 months",
        "kpi_credit_notes": "Credit notes 12 months",
        "read_customers": (
            "{n} customers have bought at least once; {prospects} prospects have not bought "
            "yet."
        ),
        "read_customers_no_table": "{n} customers have bought at least once.",
        "read_active": (
            "{n} customers ordered in the last 12 months, {share} of all customers ({prev} "
            "in the previous 12 months)."
        ),
        "read_revenue": (
            "Revenue over the last 12 months: {value}, {trend} ({prev} in the previous 12 "
            "months)."
        ),
        "read_margin": "The margin over the last 12 months is {value}, {trend}.",
        "read_margin_rate": (
            "Out of €100 sold, {per100} is margin ({prev} in the previous 12 months)."
        ),
        "read_basket": (
            "An order brings {value} on average, excl. tax, before credit notes ({prev} in the "
            "previous 12 months)."
        ),
        "read_orders": "{n} orders in 12 months ({prev} in the previous 12 months).",
        "read_credit_notes": (
            "{n} credit notes in 12 months for {amount}, {share} of revenue."
        ),
        "read_credit_notes_one": "1 credit note in 12 months for {amount}, {share} of revenue.",
        "read_credit_notes_none": "No credit note in the last 12 months.",
        "trend_up": "up {pct}",
        "trend_down": "down {pct}",
        "trend_flat": "stable",
        "trend_none": "with nothing to compare with",
        "no_margin": "The sales have no margin column: add it on the Data page.",
        "help_customers": "Customers with at least one purchase at the reference date.",
        "help_active": "Customers with at least one order in the 12 months.",
        "help_revenue": "Sum of net amounts over the 12 months, credit notes deducted.",
        "help_margin": "Sum of margins over the 12 months, credit notes deducted.",
        "help_margin_rate": "Margin / net revenue over the 12 months.",
        "help_basket": "Average value of an order (credit notes excluded).",
        "help_orders": "Number of positive invoices (or orders) in the 12 months.",
        "help_credit_notes": "Invoices with a negative amount (credit notes) in the 12 months.",
        "monthly_title": "Monthly sales",
        "monthly_caption": "Net revenue (bars) and margin (line) over the last 36 months.",
        "read_monthly": (
            "Over the last 12 months, the best month is {best} ({best_value}) and the weakest "
            "{worst} ({worst_value})."
        ),
        "top_title": "Top 10 customers",
        "read_top": (
            "The top {n} customers make {share} of the last 12 months' revenue; the first, "
            "{first}, makes {first_share} alone."
        ),
        "no_sales_12m": "No sales in the 12 months before the reference date.",
        "top_file": "top_10_customers",
        "monthly_file": "monthly_sales",
    },
}
