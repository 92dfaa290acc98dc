"""Texts of the Credit risk page (pages/risk.py): outstanding, ageing balance, DSO,
payment behaviour, solvency bands and credit limits."""

TEXTS = {
    "fr": {
        "title": "Risque client",
        "intro": (
            "Qui vous doit combien, depuis quand, et qui risque de ne pas payer ? Encours et "
            "balance âgée, délai moyen de recouvrement (DSO), comportement de paiement, "
            "score de solvabilité et plafonds de crédit, à la date de référence."
        ),
        # no receivables
        "no_receivables": (
            "Cette page a besoin de la table des **créances** (factures émises et leurs "
            "règlements), absente du portefeuille « {portfolio} ». Exportez-la de votre "
            "comptabilité (balance âgée, grand livre clients) et importez-la dans la page "
            "**Données** avec les colonnes ci-dessous. Une facture encore ouverte a une date "
            "de règlement vide."
        ),
        "missing_columns": (
            "La table des créances n'a pas les colonnes **{columns}**. Réimportez-la "
            "dans la page **Données** avec les colonnes ci-dessous."
        ),
        "missing_columns_one": (
            "La table des créances n'a pas la colonne **{columns}**. Réimportez-la "
            "dans la page **Données** avec les colonnes ci-dessous."
        ),
        "help_col_column": "Colonne",
        "help_col_meaning": "Contenu",
        "help_col_required": "Obligatoire",
        "help_invoice_id": "Le numéro de la facture (unique)",
        "help_customer_id": "Le n° du client, le même que dans les ventes",
        "help_invoice_date": "La date d'émission de la facture",
        "help_due_date": "La date d'échéance (date limite de paiement)",
        "help_amount": "Le montant TTC dû",
        "help_paid_date": "La date du règlement ; vide si la facture n'est pas payée",
        "help_payment_method": "Virement, chèque, LCR, prélèvement…",
        # rejected rows
        "rejected": (
            "{n} lignes de créances écartées de tous les calculs ({amount}) : elles sont "
            "incohérentes. Corrigez-les dans votre fichier puis réimportez-le."
        ),
        "rejected_one": (
            "{n} ligne de créances écartée de tous les calculs ({amount}) : elle est "
            "incohérente. Corrigez-la dans votre fichier puis réimportez-le."
        ),
        "rejected_expander": "Voir les lignes écartées et leur motif",
        "rejected_file": "creances_ecartees",
        "reject_missing_value": "Valeur manquante ou illisible (client, n°, dates ou montant)",
        "reject_negative_amount": "Montant négatif (avoir ou erreur de signe) : pas une créance",
        "reject_due_before_invoice": "Échéance antérieure à la date de facture",
        "reject_paid_before_invoice": "Réglée avant d'avoir été facturée",
        "reject_duplicate": "N° de facture en double",
        # settings
        "settings": "Paramètres de calcul",
        "window_label": "Fenêtre du DSO",
        "window_option": "{months} mois",
        "window_help": (
            "Le chiffre d'affaires TTC auquel on rapporte l'encours. 12 mois = la formule "
            "annuelle du cours ; 3 mois réagit plus vite aux changements récents."
        ),
        "year_label": "Année",
        "year_360": "360 jours (commerciale)",
        "year_365": "365 jours (civile)",
        "year_help": "L'usage français est l'année commerciale de 360 jours.",
        "behaviour_label": "Historique de paiement",
        "behaviour_all": "Tout l'historique",
        "behaviour_help": (
            "Les factures échues sur cette période servent à mesurer les retards et le score "
            "de solvabilité : le comportement récent compte plus que l'ancien."
        ),
        # KPIs
        "kpi_outstanding": "Encours clients (TTC)",
        "read_outstanding": "{n} chez {customers} au {as_of}.",
        "n_open_invoices": "{n} factures ouvertes",
        "n_open_invoices_one": "{n} facture ouverte",
        "help_outstanding": (
            "Factures émises jusqu'à la date de référence et non réglées à cette date "
            "(y compris celles réglées plus tard)."
        ),
        "kpi_overdue": "Encours échu",
        "read_overdue": "{share} de l'encours a dépassé son échéance, dont {over90} à plus de 90 jours.",
        "help_overdue": "La part de l'encours dont la date d'échéance est passée.",
        "kpi_dso": "DSO sur {window} mois",
        "days": "{n} jours",
        "days_one": "{n} jour",
        "read_dso": "Délai accordé : {terms} j en moyenne ; vos clients prennent {extra} j de plus.",
        "read_dso_early": "Délai accordé : {terms} j en moyenne ; vos clients paient {extra} j plus tôt.",
        "read_dso_none": "Pas de chiffre d'affaires facturé sur la fenêtre : DSO non calculable.",
        "help_dso": (
            "Délai moyen de recouvrement (DSO, en anglais days sales outstanding) sur "
            "{window} mois = encours ÷ CA TTC des {window} derniers mois × {days} jours (année de "
            "{year} jours) : le nombre de jours de ventes que vos clients vous doivent."
        ),
        "kpi_turnover": "Rotation des créances",
        "read_turnover": "Les créances se renouvellent {n} fois par an.",
        "help_turnover": "Rotation = CA TTC annuel ÷ encours = année ÷ DSO.",
        # views
        "view_label": "Analyse",
        "view_aging": "Balance âgée",
        "view_dso": "DSO",
        "view_solvency": "Solvabilité et plafonds",
        # columns
        "col_outstanding": "Encours TTC",
        "col_overdue": "Échu",
        "col_not_due": "Non échu",
        "col_late_1_30": "1-30 j de retard",
        "col_late_31_60": "31-60 j",
        "col_late_61_90": "61-90 j",
        "col_late_over_90": "> 90 j",
        "col_utilisation": "Utilisation du plafond",
        "col_over_limit": "Hors plafond",
        "col_headroom": "Marge sous plafond",
        "col_n_due": "Factures échues",
        "col_late_frequency": "Fréquence des retards",
        "col_mean_delay_days": "Retard moyen (j)",
        "col_score": "Score (0-100)",
        "col_band": "Classe de risque",
        "col_pd": "Probabilité de défaut",
        "col_monthly_purchases": "Achats mensuels TTC",
        "col_recommended_limit": "Plafond recommandé",
        "col_threshold": "Score minimum",
        "col_pd_pct": "Prob. de défaut (%)",
        "col_multiple": "Plafond (mois d'achats)",
        # buckets
        "bucket_not_due": "Non échu",
        "bucket_late_1_30": "1-30 j",
        "bucket_late_31_60": "31-60 j",
        "bucket_late_61_90": "61-90 j",
        "bucket_late_over_90": "> 90 j",
        # ageing view
        "aging_title": "Balance âgée",
        "aging_caption": (
            "L'encours au {as_of} réparti selon le retard (date de référence − échéance)."
        ),
        "nothing_open": "Aucune facture ouverte au {as_of} : rien à recouvrer.",
        "axis_bucket": "Retard",
        "axis_amount_ttc": "Montant TTC",
        "axis_share": "Part de l'encours",
        "axis_customers": "Clients",
        "read_aging": (
            "{overdue} de votre encours est en retard, dont {late30} de moins de 30 jours "
            "(souvent une relance suffit). {severe} ({severe_share}) ont plus de 60 jours de "
            "retard, chez {customers} : c'est là que le risque de perte se concentre."
        ),
        "read_aging_who": "Les plus exposés : {who}.",
        "n_customers": "{n} clients",
        "n_customers_one": "{n} client",
        "only_overdue": "Seulement les clients en retard",
        "aging_file": "balance_agee",
        # DSO view
        "dso_title": "Délai moyen de recouvrement (DSO), mois par mois",
        "dso_caption": (
            "DSO = encours en fin de mois ÷ CA TTC des {window} mois précédents × {days} jours "
            "(année de {year} jours). Ligne orange : le délai de paiement accordé en moyenne."
        ),
        "axis_month": "Mois",
        "axis_dso": "DSO (jours)",
        "axis_revenue_ttc": "CA TTC de la fenêtre",
        "axis_complete": "Fenêtre complète",
        "terms_line": "Délai accordé",
        "read_trend_up": (
            "Le DSO est passé de {first} jours ({since}) à {last} jours : vos clients paient "
            "{diff} jours plus tard, soit environ {cash} de trésorerie immobilisée en plus."
        ),
        "read_trend_down": (
            "Le DSO est passé de {first} jours ({since}) à {last} jours : vos clients paient "
            "{diff} jours plus tôt, soit environ {cash} de trésorerie libérée."
        ),
        "read_trend_flat": "Le DSO est stable autour de {last} jours depuis {since}.",
        "incomplete_note": (
            "Points creux : la fenêtre commence avant la première facture connue, le DSO y "
            "est surestimé."
        ),
        "dso_file": "dso_mensuel",
        # solvency view
        "rules_title": "Règles de solvabilité et de plafond",
        "rules_caption": (
            "Score = 100 − 40 × fréquence des retards − 30 × retard moyen (plafonné à 60 j) "
            "− 30 × part de l'encours à plus de 60 j. La classe est la première dont le score "
            "atteint le minimum ; moins de 3 factures échues = « non noté ». Plafond "
            "recommandé = achats mensuels TTC × nombre de mois de la classe. Les "
            "probabilités de défaut sont des ordres de grandeur à remplacer par votre "
            "historique. Modifiez le tableau : tout se recalcule."
        ),
        "solvency_title": "Solvabilité et plafonds de crédit",
        "solvency_caption": (
            "Encours par classe de risque (score issu du comportement de paiement) ; survolez "
            "une barre pour le nombre de clients."
        ),
        "band_A": "A (sûr)",
        "band_B": "B (correct)",
        "band_C": "C (à surveiller)",
        "band_D": "D (risqué)",
        "band_unrated": "Non noté",
        "read_bands": (
            "{n} clients en classe {bands} portent {amount} d'encours ({share} du total) : "
            "à suivre en priorité (relances, acomptes, paiement à la commande)."
        ),
        "read_bands_one": (
            "{n} client en classe {bands} porte {amount} d'encours ({share} du total) : "
            "à suivre en priorité (relances, acomptes, paiement à la commande)."
        ),
        "read_over": "{n} clients dépassent leur plafond de {excess} au total, dont {who}.",
        "read_over_one": "{n} client dépasse son plafond de {excess} : {who}.",
        "read_over_none": "Aucun client ne dépasse son plafond.",
        "read_recommended": (
            "Avec la règle ci-dessus, la somme des plafonds recommandés serait de {total} "
            "(plafonds actuels : {current})."
        ),
        "no_paid_date": (
            "Sans colonne « date de règlement », toutes les factures sont considérées comme "
            "ouvertes et les retards ne peuvent pas être mesurés : les clients sont « non "
            "notés »."
        ),
        "only_over": "Seulement les clients hors plafond",
        "band_filter": "Classes",
        "all_bands": "Toutes les classes",
        "and_more": " et {n} autres",
        "and_more_one": " et {n} autre",
        "unrated_rule": "moins de {n} factures échues",
        "solvency_file": "solvabilite_plafonds",
    },
    "en": {
        "title": "Credit risk",
        "intro": (
            "Who owes you how much, since when, and who may not pay? Outstanding and ageing "
            "balance, days sales outstanding (DSO), payment behaviour, solvency score and "
            "credit limits, at the reference date."
        ),
        "no_receivables": (
            "This page needs the **receivables** table (invoices issued and their payments), "
            "which portfolio \"{portfolio}\" does not have. Export it from your accounting "
            "(aged balance, customer ledger) and import it on the **Data** page with the "
            "columns below. An invoice still open has an empty paid date."
        ),
        "missing_columns": (
            "The receivables table lacks the columns **{columns}**. Re-import it on the "
            "**Data** page with the columns below."
        ),
        "missing_columns_one": (
            "The receivables table lacks the column **{columns}**. Re-import it on the "
            "**Data** page with the columns below."
        ),
        "help_col_column": "Column",
        "help_col_meaning": "Content",
        "help_col_required": "Required",
        "help_invoice_id": "The invoice number (unique)",
        "help_customer_id": "The customer ID, the same as in the sales",
        "help_invoice_date": "The date the invoice was issued",
        "help_due_date": "The due date (payment deadline)",
        "help_amount": "The amount owed, incl. tax",
        "help_paid_date": "The payment date; empty when unpaid",
        "help_payment_method": "Transfer, cheque, bill of exchange, direct debit…",
        "rejected": (
            "{n} receivables rows left out of every figure ({amount}): they are "
            "inconsistent. Fix them in your file and import it again."
        ),
        "rejected_one": (
            "{n} receivables row left out of every figure ({amount}): it is "
            "inconsistent. Fix it in your file and import it again."
        ),
        "rejected_expander": "See the rows left out and why",
        "rejected_file": "receivables_left_out",
        "reject_missing_value": "Missing or unreadable value (customer, number, dates or amount)",
        "reject_negative_amount": "Negative amount (credit note or sign error): not owed",
        "reject_due_before_invoice": "Due before the invoice date",
        "reject_paid_before_invoice": "Paid before it was invoiced",
        "reject_duplicate": "Invoice number listed twice",
        "settings": "Calculation settings",
        "window_label": "DSO window",
        "window_option": "{months} months",
        "window_help": (
            "The revenue incl. tax the outstanding is compared with. 12 months = the "
            "textbook yearly formula; 3 months reacts faster to recent changes."
        ),
        "year_label": "Year",
        "year_360": "360 days (commercial)",
        "year_365": "365 days (calendar)",
        "year_help": "French practice uses the 360-day commercial year.",
        "behaviour_label": "Payment history",
        "behaviour_all": "All history",
        "behaviour_help": (
            "Invoices due in this period measure delays and the solvency score: recent "
            "behaviour matters more than old."
        ),
        "kpi_outstanding": "Outstanding (incl. tax)",
        "read_outstanding": "{n} with {customers} on {as_of}.",
        "n_open_invoices": "{n} open invoices",
        "n_open_invoices_one": "{n} open invoice",
        "help_outstanding": (
            "Invoices issued up to the reference date and not paid on that date (including "
            "those paid later)."
        ),
        "kpi_overdue": "Overdue",
        "read_overdue": "{share} of the outstanding is past due, {over90} of it over 90 days.",
        "help_overdue": "The part of the outstanding whose due date has passed.",
        "kpi_dso": "DSO over {window} months",
        "days": "{n} days",
        "days_one": "{n} day",
        "read_dso": "Terms granted: {terms} d on average; customers take {extra} d more.",
        "read_dso_early": "Terms granted: {terms} d on average; customers pay {extra} d early.",
        "read_dso_none": "No revenue invoiced in the window: DSO cannot be computed.",
        "help_dso": (
            "Days sales outstanding (DSO) over {window} months = outstanding ÷ revenue incl. "
            "tax of the last {window} months × {days} days "
            "({year}-day year): how many days of sales your customers owe you."
        ),
        "kpi_turnover": "Receivables turnover",
        "read_turnover": "Receivables are collected {n} times a year.",
        "help_turnover": "Turnover = yearly revenue incl. tax ÷ outstanding = year ÷ DSO.",
        "view_label": "Analysis",
        "view_aging": "Ageing balance",
        "view_dso": "DSO",
        "view_solvency": "Solvency and limits",
        "col_outstanding": "Outstanding incl. tax",
        "col_overdue": "Overdue",
        "col_not_due": "Not due",
        "col_late_1_30": "1-30 d late",
        "col_late_31_60": "31-60 d",
        "col_late_61_90": "61-90 d",
        "col_late_over_90": "> 90 d",
        "col_utilisation": "Limit used",
        "col_over_limit": "Over limit",
        "col_headroom": "Headroom",
        "col_n_due": "Invoices due",
        "col_late_frequency": "Late-payment frequency",
        "col_mean_delay_days": "Mean delay (d)",
        "col_score": "Score (0-100)",
        "col_band": "Risk band",
        "col_pd": "Default probability",
        "col_monthly_purchases": "Monthly purchases incl. tax",
        "col_recommended_limit": "Recommended limit",
        "col_threshold": "Minimum score",
        "col_pd_pct": "Default prob. (%)",
        "col_multiple": "Limit (months of purchases)",
        "bucket_not_due": "Not due",
        "bucket_late_1_30": "1-30 d",
        "bucket_late_31_60": "31-60 d",
        "bucket_late_61_90": "61-90 d",
        "bucket_late_over_90": "> 90 d",
        "aging_title": "Ageing balance",
        "aging_caption": "The outstanding on {as_of} split by lateness (reference date − due date).",
        "nothing_open": "No invoice open on {as_of}: nothing to collect.",
        "axis_bucket": "Lateness",
        "axis_amount_ttc": "Amount incl. tax",
        "axis_share": "Share of outstanding",
        "axis_customers": "Customers",
        "read_aging": (
            "{overdue} of your outstanding is late, {late30} of it by less than 30 days "
            "(a reminder is often enough). {severe} ({severe_share}) is more than 60 days "
            "late, with {customers}: that is where the risk of loss lies."
        ),
        "read_aging_who": "Most exposed: {who}.",
        "n_customers": "{n} customers",
        "n_customers_one": "{n} customer",
        "only_overdue": "Late customers only",
        "aging_file": "ageing_balance",
        "dso_title": "Days sales outstanding (DSO), month by month",
        "dso_caption": (
            "DSO = month-end outstanding ÷ revenue incl. tax of the previous {window} months "
            "× {days} days ({year}-day year). Orange line: the average payment terms granted."
        ),
        "axis_month": "Month",
        "axis_dso": "DSO (days)",
        "axis_revenue_ttc": "Revenue incl. tax in the window",
        "axis_complete": "Full window",
        "terms_line": "Terms granted",
        "read_trend_up": (
            "DSO went from {first} days ({since}) to {last} days: customers pay {diff} days "
            "later, tying up about {cash} more cash."
        ),
        "read_trend_down": (
            "DSO went from {first} days ({since}) to {last} days: customers pay {diff} days "
            "sooner, freeing about {cash} of cash."
        ),
        "read_trend_flat": "DSO has been stable around {last} days since {since}.",
        "incomplete_note": (
            "Hollow points: the window starts before the first known invoice, so DSO is "
            "overstated there."
        ),
        "dso_file": "monthly_dso",
        "rules_title": "Solvency and credit-limit rules",
        "rules_caption": (
            "Score = 100 − 40 × late-payment frequency − 30 × mean delay (capped at 60 d) − "
            "30 × share of the outstanding over 60 days late. The band is the first whose "
            "minimum the score reaches; fewer than 3 invoices due = \"unrated\". Recommended "
            "limit = monthly purchases incl. tax × the band's number of months. Default "
            "probabilities are orders of magnitude to replace with your own history. Edit "
            "the table: everything is recomputed."
        ),
        "solvency_title": "Solvency and credit limits",
        "solvency_caption": (
            "Outstanding per risk band (score from payment behaviour); hover a bar for the "
            "number of customers."
        ),
        "band_A": "A (sound)",
        "band_B": "B (fair)",
        "band_C": "C (watch)",
        "band_D": "D (risky)",
        "band_unrated": "Unrated",
        "read_bands": (
            "{n} customers in band {bands} hold {amount} of outstanding ({share} of the "
            "total): follow them first (reminders, deposits, payment with order)."
        ),
        "read_bands_one": (
            "{n} customer in band {bands} holds {amount} of outstanding ({share} of the "
            "total): follow it first (reminders, deposits, payment with order)."
        ),
        "read_over": "{n} customers exceed their limit by {excess} in total, including {who}.",
        "read_over_one": "{n} customer exceeds its limit by {excess}: {who}.",
        "read_over_none": "No customer exceeds their limit.",
        "read_recommended": (
            "With the rule above, recommended limits would add up to {total} (current "
            "limits: {current})."
        ),
        "no_paid_date": (
            "Without a \"paid date\" column every invoice counts as open and delays cannot be "
            "measured: customers are \"unrated\"."
        ),
        "only_over": "Customers over their limit only",
        "band_filter": "Bands",
        "all_bands": "All bands",
        "and_more": " and {n} more",
        "and_more_one": " and {n} more",
        "unrated_rule": "fewer than {n} invoices due",
        "solvency_file": "solvency_limits",
    },
}
