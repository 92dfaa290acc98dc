"""Texts of the P-R strategy page (pages/strategy.py)."""

TEXTS = {
    "fr": {
        "title": "Stratégie P-R",
        "intro": (
            "L'effort commercial doit suivre le potentiel, pas l'habitude. Chaque client est "
            "classé selon son potentiel d'achat annuel (P) et la part que vous en réalisez, "
            "le taux de pénétration (R = CA des 12 mois au {as_of} / potentiel) : quatre "
            "stratégies de contact."
        ),
        "no_customers": (
            "Pas de fichier clients : les potentiels sont tous estimés à partir des ventes "
            "du portefeuille, ce qui reste grossier. Ajoutez la table Clients et prospects "
            "(avec le potentiel, ou au moins le secteur et l'effectif) dans la page Données."
        ),
        "no_potential": (
            "Le fichier clients n'a pas de colonne potentiel : chaque potentiel est estimé "
            "à partir des clients comparables (même secteur et même effectif)."
        ),
        "no_data": "Aucun client ni prospect à classer à la date de référence.",
        "quantile_label": "Estimation d'un potentiel manquant",
        "quantile_option": "{pct}e centile du CA des pairs",
        "quantile_help": (
            "Quand le potentiel manque, on prend ce centile du CA 12 mois des clients "
            "comparables (même secteur et effectif, à défaut même secteur, à défaut tout le "
            "portefeuille), et jamais moins que le CA du client lui-même."
        ),
        "custom_cuts": "Déplacer les seuils (par défaut : les médianes)",
        "custom_cuts_help": "Fixez vous-même le potentiel « fort » et la pénétration « forte ».",
        "p_cut_label": "Potentiel fort à partir de (€ par an)",
        "p_cut_help": "Un client dont le potentiel annuel atteint ce montant est à fort potentiel.",
        "r_cut_label": "Pénétration forte à partir de",
        "r_cut_help": "Part du potentiel déjà réalisée chez vous (CA 12 mois / potentiel).",
        "estimated": (
            "{n} potentiels sur {total} sont estimés ({pct}e centile du CA des pairs, jamais "
            "sous le CA du client) : {peers} d'après le même secteur et le même effectif, "
            "{sector} d'après le seul secteur, {portfolio} d'après tout le portefeuille."
        ),
        "unknown": (
            "{n} fiches restent sans potentiel (aucun client comparable) : elles sont classées "
            "en potentiel faible."
        ),
        "unknown_one": (
            "1 fiche reste sans potentiel (aucun client comparable) : elle est classée en "
            "potentiel faible."
        ),
        "estimated_one": (
            "1 potentiel sur {total} est estimé ({pct}e centile du CA des pairs, jamais "
            "sous le CA du client) : {peers} d'après le même secteur et le même effectif, "
            "{sector} d'après le seul secteur, {portfolio} d'après tout le portefeuille."
        ),
        "read_cuts": (
            "Seuils {kind} : potentiel fort à partir de {p_cut} par an, pénétration forte à "
            "partir de {r_cut}."
        ),
        "cuts_median": "médians",
        "cuts_custom": "choisis",
        "axis_potential": "Potentiel annuel (€, échelle log)",
        "axis_penetration": "Taux de pénétration",
        "chart_caption": (
            "Un point par client, de taille proportionnelle à son CA ; les pointillés sont "
            "les seuils. La pénétration ne dépasse jamais 100 % : un potentiel déclaré "
            "inférieur au CA réalisé est relevé au niveau du CA."
        ),
        "raised": (
            "{n} clients achètent déjà plus que le potentiel indiqué dans le fichier "
            "clients : leur potentiel est relevé au niveau de leur CA 12 mois (pénétration "
            "100 %) et signalé « Potentiel dépassé » dans la liste. Mettez ces potentiels à "
            "jour."
        ),
        "raised_one": (
            "1 client achète déjà plus que le potentiel indiqué dans le fichier clients : "
            "son potentiel est relevé au niveau de son CA 12 mois (pénétration 100 %) et "
            "signalé « Potentiel dépassé » dans la liste. Mettez ce potentiel à jour."
        ),
        "col_raised": "Potentiel dépassé",
        "col_declared": "Potentiel déclaré",
        "col_visits_total": "Visites par an",
        "read_develop": (
            "À développer : {n} clients à fort potentiel encore peu exploité concentrent "
            "{untapped} de potentiel non capté ({share} du total) ; ce sont eux qui "
            "méritent le plus de contacts ({freq})."
        ),
        "read_minimal": (
            "À l'opposé, les {n} clients en effort minimal font {revenue} du CA. Appliquer "
            "ces fréquences représente {contacts} contacts par an, dont {visits} visites "
            "(le reste en appels et e-mails)."
        ),
        "summary_title": "Les quatre stratégies",
        "list_title": "Listes de clients par stratégie",
        "list_label": "Stratégie",
        "all": "Tous les clients ({n})",
        "col_quadrant": "Stratégie",
        "col_customers": "Clients",
        "col_customer": "Client",
        "col_share": "Part des clients",
        "col_revenue": "CA 12 mois",
        "col_potential": "Potentiel annuel",
        "col_untapped": "Potentiel non capté",
        "col_estimated": "Potentiels estimés",
        "col_frequency": "Fréquence de contact recommandée",
        "col_contacts_per_year": "Contacts par an et par client",
        "col_contacts_total": "Contacts par an",
        "col_action": "Action",
        "col_source": "Origine du potentiel",
        "col_penetration": "Pénétration",
        "source_given": "Fichier clients",
        "source_peers_sector_size": "Estimé : même secteur et effectif",
        "source_peers_sector": "Estimé : même secteur",
        "source_portfolio": "Estimé : tout le portefeuille",
        "source_unknown": "Inconnu",
        "file_summary": "strategie_pr",
        "file_customers": "strategie_pr_clients",
    },
    "en": {
        "title": "P-R strategy",
        "intro": (
            "Sales effort must follow potential, not habit. Each customer is placed by their "
            "annual purchase potential (P) and the share of it you realise, the penetration "
            "rate (R = revenue of the 12 months to {as_of} / potential): four contact "
            "strategies."
        ),
        "no_customers": (
            "No customers table: every potential is estimated from the portfolio's sales, "
            "which stays rough. Add the Customers and prospects table (with the potential, "
            "or at least sector and size) on the Data page."
        ),
        "no_potential": (
            "The customers table has no potential column: each potential is estimated from "
            "comparable customers (same sector and size)."
        ),
        "no_data": "No customer or prospect to place at the reference date.",
        "quantile_label": "Estimating a missing potential",
        "quantile_option": "{pct}th percentile of peers' revenue",
        "quantile_help": (
            "When the potential is missing, this percentile of the 12-month revenue of "
            "comparable customers is used (same sector and size, else same sector, else the "
            "whole portfolio), never less than the customer's own revenue."
        ),
        "custom_cuts": "Move the cuts (default: the medians)",
        "custom_cuts_help": "Set the \"high\" potential and the \"high\" penetration yourself.",
        "p_cut_label": "High potential from (€ a year)",
        "p_cut_help": "A customer whose annual potential reaches this amount has a high potential.",
        "r_cut_label": "High penetration from",
        "r_cut_help": "Share of the potential already realised with you (12-month revenue / potential).",
        "estimated": (
            "{n} of {total} potentials are estimated ({pct}th percentile of peers' revenue, "
            "never below the customer's revenue): {peers} from the same sector and size, "
            "{sector} from the sector alone, {portfolio} from the whole portfolio."
        ),
        "unknown": (
            "{n} records have no potential (no comparable customer): they count as low "
            "potential."
        ),
        "unknown_one": (
            "1 record has no potential (no comparable customer): it counts as low potential."
        ),
        "estimated_one": (
            "1 of {total} potentials is estimated ({pct}th percentile of peers' revenue, "
            "never below the customer's revenue): {peers} from the same sector and size, "
            "{sector} from the sector alone, {portfolio} from the whole portfolio."
        ),
        "read_cuts": (
            "{kind} cuts: high potential from {p_cut} a year, high penetration from {r_cut}."
        ),
        "cuts_median": "Median",
        "cuts_custom": "Chosen",
        "axis_potential": "Annual potential (€, log scale)",
        "axis_penetration": "Penetration rate",
        "chart_caption": (
            "One dot per customer, sized by revenue; dashed lines are the cuts. Penetration "
            "never exceeds 100%: a declared potential below the realised revenue is raised "
            "to the revenue."
        ),
        "raised": (
            "{n} customers already buy more than the potential given in the customers "
            "table: their potential is raised to their 12-month revenue (penetration 100%) "
            "and flagged \"Potential exceeded\" in the list. Please update these potentials."
        ),
        "raised_one": (
            "1 customer already buys more than the potential given in the customers table: "
            "its potential is raised to its 12-month revenue (penetration 100%) and flagged "
            "\"Potential exceeded\" in the list. Please update this potential."
        ),
        "col_raised": "Potential exceeded",
        "col_declared": "Declared potential",
        "col_visits_total": "Visits a year",
        "read_develop": (
            "To develop: {n} high-potential customers still little served hold {untapped} of "
            "untapped potential ({share} of the total); they deserve the most contacts "
            "({freq})."
        ),
        "read_minimal": (
            "At the other end, the {n} minimal-effort customers make {revenue} of revenue. "
            "Following these frequencies means {contacts} contacts a year, {visits} of them "
            "visits (the rest calls and e-mails)."
        ),
        "summary_title": "The four strategies",
        "list_title": "Customer lists by strategy",
        "list_label": "Strategy",
        "all": "All customers ({n})",
        "col_quadrant": "Strategy",
        "col_customers": "Customers",
        "col_customer": "Customer",
        "col_share": "Share of customers",
        "col_revenue": "Revenue 12 months",
        "col_potential": "Annual potential",
        "col_untapped": "Untapped potential",
        "col_estimated": "Estimated potentials",
        "col_frequency": "Recommended contact frequency",
        "col_contacts_per_year": "Contacts a year per customer",
        "col_contacts_total": "Contacts a year",
        "col_action": "Action",
        "col_source": "Source of the potential",
        "col_penetration": "Penetration",
        "source_given": "Customers table",
        "source_peers_sector_size": "Estimated: same sector and size",
        "source_peers_sector": "Estimated: same sector",
        "source_portfolio": "Estimated: whole portfolio",
        "source_unknown": "Unknown",
        "file_summary": "pr_strategy",
        "file_customers": "pr_strategy_customers",
    },
}
