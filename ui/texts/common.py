"""Texts shared by the app shell (sidebar, navigation), the page guards and the tables."""

TEXTS = {
    "fr": {
        "app_title": "Capital Client",
        "section_portfolio": "Portefeuille",
        "section_value": "Valeur client",
        "section_mining": "Data mining",
        "section_risk": "Risque",
        "section_geo": "Géomarketing",
        "section_database": "Base de données",
        "portfolio_label": "Portefeuille",
        "portfolio_help": "Les portefeuilles enregistrés. Importez vos fichiers dans la page Données.",
        "demo_name": "Démo (exemple)",
        "as_of_label": "Date de référence",
        "as_of_help": (
            "Les calculs ignorent les ventes postérieures à cette date ; « 12 mois » = "
            "les 12 mois qui la précèdent. Par défaut : la dernière date des ventes."
        ),
        "lang_label": "Langue",
        "data_line": "{customers} clients · {lines} lignes · {first} → {last}",
        "data_line_empty": "Aucune vente dans ce portefeuille.",
        "missing_table": (
            "Cette page a besoin de la table **{table}**, absente du portefeuille "
            "« {portfolio} ». Ajoutez-la dans la page **Données** (import d'un fichier "
            "CSV, Excel ou Parquet)."
        ),
        "missing_columns": (
            "Colonne(s) manquante(s) dans la table **{table}** du portefeuille "
            "« {portfolio} » : **{columns}**. Cette page en a besoin. Pour les ajouter : "
            "page **Données**, réimportez la table avec ces colonnes puis vérifiez l'étape "
            "« Correspondance des colonnes »."
        ),
        "go_data": "Aller à la page Données",
        "no_portfolio": (
            "Aucun portefeuille n'est enregistré. Importez un fichier de ventes dans la page "
            "Données ou restaurez la démo."
        ),
        "load_error": "Le portefeuille « {portfolio} » n'a pas pu être chargé : {error}",
        "download_csv": "CSV",
        "download_excel": "Excel",
        "download_help": "Télécharger ce tableau ({fmt})",
        "rows_shown": "{shown} premières lignes sur {total}. Les téléchargements contiennent tout.",
        "table_transactions": "Ventes (lignes de factures)",
        "table_customers": "Clients et prospects",
        "table_contacts": "Contacts",
        "table_receivables": "Créances",
        "yes": "Oui",
        "no": "Non",
    },
    "en": {
        "app_title": "Capital Client",
        "section_portfolio": "Portfolio",
        "section_value": "Customer value",
        "section_mining": "Data mining",
        "section_risk": "Risk",
        "section_geo": "Geomarketing",
        "section_database": "Database",
        "portfolio_label": "Portfolio",
        "portfolio_help": "Saved portfolios. Import your files on the Data page.",
        "demo_name": "Demo (sample)",
        "as_of_label": "Reference date",
        "as_of_help": (
            "Calculations ignore sales after this date; \"12 months\" = the 12 months "
            "before it. Default: the last sales date."
        ),
        "lang_label": "Language",
        "data_line": "{customers} customers · {lines} lines · {first} → {last}",
        "data_line_empty": "No sales in this portfolio.",
        "missing_table": (
            "This page needs the **{table}** table, which portfolio \"{portfolio}\" does not "
            "have. Add it on the **Data** page (import a CSV, Excel or Parquet file)."
        ),
        "missing_columns": (
            "Missing column(s) in the **{table}** table of portfolio \"{portfolio}\": "
            "**{columns}**. This page needs them. To add them: on the **Data** page, "
            "re-import the table with these columns, then check the \"Column mapping\" step."
        ),
        "go_data": "Go to the Data page",
        "no_portfolio": (
            "No portfolio is saved. Import a sales file on the Data page or restore the demo."
        ),
        "load_error": "Portfolio \"{portfolio}\" could not be loaded: {error}",
        "download_csv": "CSV",
        "download_excel": "Excel",
        "download_help": "Download this table ({fmt})",
        "rows_shown": "First {shown} of {total} rows. Downloads contain everything.",
        "table_transactions": "Sales (invoice lines)",
        "table_customers": "Customers and prospects",
        "table_contacts": "Contacts",
        "table_receivables": "Receivables",
        "yes": "Yes",
        "no": "No",
    },
}
