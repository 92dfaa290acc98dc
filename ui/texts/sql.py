"""Texts of the SQL explorer page (pages/sql.py)."""

TEXTS = {
    "fr": {
        "title": "Explorateur SQL",
        "intro": (
            "Interrogez les tables du portefeuille « {portfolio} » en SQL (dialecte DuckDB) "
            "pour répondre à vos propres questions. Lecture seule : seules les requêtes "
            "SELECT (ou WITH … SELECT) sont acceptées ; au plus {limit} lignes sont "
            "renvoyées et une requête est arrêtée après {timeout} secondes."
        ),
        "safety": (
            "Par sécurité, la requête tourne sur une copie des tables, sans accès aux "
            "fichiers du serveur : écriture, COPY, ATTACH, INSTALL, LOAD et lecture de "
            "fichiers sont refusés."
        ),
        "schema_title": "Tables et colonnes disponibles",
        "schema_rows": "{n} lignes",
        "schema_rows_one": "{n} ligne",
        "h_column": "Colonne",
        "h_label": "Signification",
        "h_type": "Type",
        "example_label": "Exemple de question",
        "example_none": "— choisir un exemple —",
        "example_help": "Choisir un exemple remplace le texte de la requête.",
        "query_label": "Requête SQL",
        "run_button": "Exécuter",
        "rows_found": "{n} lignes en {seconds} s.",
        "rows_found_one": "{n} ligne en {seconds} s.",
        "truncated": (
            "La limite de {limit} lignes est atteinte : seules les {limit} premières sont "
            "affichées et téléchargeables. Agrégez (GROUP BY) ou ajoutez un LIMIT."
        ),
        "empty_result": "La requête ne renvoie aucune ligne.",
        "error": "La requête n'a pas pu être exécutée : {error}",
        "result_file": "resultat_requete",
        "ex_top_margin": "Les 20 meilleurs clients par marge (12 derniers mois)",
        "ex_inactive_6m": "Les clients sans achat depuis 6 mois",
        "ex_rep_family": "Le CA par commercial et par famille de produits (12 derniers mois)",
        "ex_monthly": "Le CA et la marge par mois",
        "ex_overdue": "Les créances en retard par client",
        "ex_channels": "Les contacts et leur coût par canal (12 derniers mois)",
        "type_str": "texte",
        "type_float": "nombre",
        "type_date": "date",
        "type_bool": "oui / non",
    },
    "en": {
        "title": "SQL explorer",
        "intro": (
            "Query the tables of the \"{portfolio}\" portfolio in SQL (DuckDB dialect) to "
            "answer your own questions. Read-only: only SELECT (or WITH … SELECT) queries "
            "are accepted; at most {limit} rows are returned and a query is stopped after "
            "{timeout} seconds."
        ),
        "safety": (
            "For safety, the query runs on a copy of the tables without access to the "
            "server's files: writing, COPY, ATTACH, INSTALL, LOAD and reading files are "
            "refused."
        ),
        "schema_title": "Tables and columns available",
        "schema_rows": "{n} rows",
        "schema_rows_one": "{n} row",
        "h_column": "Column",
        "h_label": "Meaning",
        "h_type": "Type",
        "example_label": "Example question",
        "example_none": "— pick an example —",
        "example_help": "Picking an example replaces the text of the query.",
        "query_label": "SQL query",
        "run_button": "Run",
        "rows_found": "{n} rows in {seconds} s.",
        "rows_found_one": "{n} row in {seconds} s.",
        "truncated": (
            "The limit of {limit} rows is reached: only the first {limit} are shown and "
            "downloadable. Aggregate (GROUP BY) or add a LIMIT."
        ),
        "empty_result": "The query returns no row.",
        "error": "The query could not run: {error}",
        "result_file": "query_result",
        "ex_top_margin": "The 20 best customers by margin (last 12 months)",
        "ex_inactive_6m": "Customers without a purchase for 6 months",
        "ex_rep_family": "Revenue per sales rep and product family (last 12 months)",
        "ex_monthly": "Revenue and margin per month",
        "ex_overdue": "Overdue receivables per customer",
        "ex_channels": "Contacts and their cost per channel (last 12 months)",
        "type_str": "text",
        "type_float": "number",
        "type_date": "date",
        "type_bool": "yes / no",
    },
}
