"""Texts of the Data page (pages/data.py)."""

TEXTS = {
    "fr": {
        "title": "Données",
        "intro": (
            "Importez vos fichiers (ventes, clients, contacts, créances), vérifiez-les, "
            "enregistrez-les comme portefeuille, et gérez vos portefeuilles enregistrés."
        ),
        "tab_import": "Importer un fichier",
        "tab_saved": "Portefeuilles enregistrés",
        "tab_preview": "Aperçu du portefeuille",
        # step 1: file
        "step_file": "1. Le fichier",
        "kind_label": "Quelle table contient ce fichier ?",
        "kind_help": (
            "Seules les ventes sont obligatoires pour créer un portefeuille ; les autres "
            "tables l'enrichissent."
        ),
        "required_cols": "Colonnes obligatoires : {required}.",
        "optional_cols": "Facultatives : {optional}.",
        "upload_label": "Fichier CSV, Excel (.xlsx) ou Parquet",
        "upload_help": "Taille maximale : {max}. Les en-têtes français ou anglais sont reconnus.",
        "upload_caption": (
            "Glissez-déposez le fichier dans le cadre ou cliquez sur son bouton (libellé en anglais). Types "
            "acceptés : {types} ; taille maximale : {max} par fichier."
        ),
        "too_large": (
            "Ce fichier pèse {size}, au-delà de la limite de {max}. Découpez-le (par "
            "année par exemple) ou exportez-le en Parquet, plus compact."
        ),
        "sheet_label": "Feuille du classeur",
        "read_error": "Le fichier n'a pas pu être lu : {error}",
        "file_info_csv": (
            "Fichier CSV lu : {rows}, {cols}, séparateur « {sep} », "
            "encodage {encoding}."
        ),
        "file_info_other": "Fichier {type} lu : {rows}, {cols}.",
        "file_info_sheet": "Fichier Excel lu (feuille « {sheet} ») : {rows}, {cols}.",
        "n_lines": "{n} lignes",
        "n_lines_one": "{n} ligne",
        "n_columns": "{n} colonnes",
        "n_columns_one": "{n} colonne",
        "raw_preview": "Voir les premières lignes du fichier tel quel",
        "empty_file": "Le fichier ne contient aucune ligne de données.",
        "sep_tab": "tabulation",
        # step 2: mapping
        "step_mapping": "2. Correspondance des colonnes",
        "mapping_intro": (
            "Pour chaque colonne de votre fichier, choisissez la colonne du portefeuille qui "
            "lui correspond (pré-rempli d'après son nom) ou « ignorer »."
        ),
        "ignore": "— ignorer —",
        "required_mark": " (obligatoire)",
        "example": "Exemples : {values}",
        "status_required": "Obligatoires : {items}",
        "missing_required": (
            "Associez une colonne de votre fichier à : {columns}. Sans elles, la table ne "
            "peut pas être importée."
        ),
        "duplicate_target": (
            "« {target} » est choisie pour plusieurs colonnes ({headers}) : gardez-en une seule."
        ),
        # step 3: report
        "step_report": "3. Rapport de validation",
        "import_error": "L'import a échoué : {error}",
        "m_read": "Lignes lues",
        "m_imported": "Importées",
        "m_rejected": "Rejetées",
        "m_credit_notes": "Avoirs",
        "m_duplicates": "Doublons",
        "rejected_title": "Lignes rejetées (numéro de ligne du fichier et motif)",
        "line_numbers_note": (
            "Numéros de ligne comme dans votre tableur : l'en-tête est la ligne 1, la "
            "première ligne de données la ligne 2."
        ),
        "rejected_file": "lignes_rejetees",
        "duplicates_title": "Lignes en double",
        "duplicates_file": "doublons",
        "imported_preview": "Aperçu des données importées",
        "imported_file": "donnees_importees",
        # step 4: save
        "step_save": "4. Enregistrer",
        "nothing_to_save": "Aucune ligne valide : rien à enregistrer.",
        "save_mode": "Enregistrer comment ?",
        "mode_new": "Nouveau portefeuille",
        "mode_replace": "Remplacer cette table dans un portefeuille",
        "mode_append": "Ajouter ces lignes à cette table d'un portefeuille",
        "new_needs_transactions": (
            "Un nouveau portefeuille commence par ses ventes : importez d'abord la table des "
            "ventes, puis ajoutez celle-ci au portefeuille."
        ),
        "new_name": "Nom du nouveau portefeuille",
        "new_name_placeholder": "ex. Ventes 2024-2026",
        "target_label": "Portefeuille",
        "confirm_replace": (
            "Je confirme : la table « {table} » du portefeuille « {portfolio} » sera "
            "remplacée par les lignes importées ({n})."
        ),
        "confirm_append": (
            "Je confirme : les lignes importées ({n}) seront ajoutées à la table « {table} » du "
            "portefeuille « {portfolio} »."
        ),
        "save_button": "Enregistrer",
        "name_empty": "Donnez un nom au portefeuille.",
        "name_taken": "Un portefeuille s'appelle déjà « {name} » : choisissez un autre nom.",
        "saved_new": "Portefeuille « {name} » enregistré ({n} de ventes). Il est maintenant sélectionné.",
        "saved_replace": "Table « {table} » remplacée dans « {name} » ({n}).",
        "saved_append": "Ajout à la table « {table} » de « {name} » : {n}.",
        "save_error": "L'enregistrement a échoué, le portefeuille n'a pas été modifié : {error}",
        # saved portfolios
        "saved_intro": "Les portefeuilles enregistrés sur cet ordinateur.",
        "saved_file": "portefeuilles",
        "manage_label": "Portefeuille à gérer",
        "open_button": "Ouvrir",
        "open_help": "En faire le portefeuille courant (comme le choix dans la barre latérale).",
        "rename_label": "Nouveau nom",
        "rename_button": "Renommer",
        "renamed": "Portefeuille renommé en « {name} ».",
        "delete_confirm": "Je confirme la suppression",
        "delete_button": "Supprimer",
        "deleted": "Portefeuille « {name} » supprimé.",
        "demo_title": "Portefeuille de démonstration",
        "demo_help": (
            "La démo contient 600 clients et 200 prospects fictifs sur 36 mois. La restaurer "
            "remet ses données d'origine (vos modifications de la démo sont perdues)."
        ),
        "restore_confirm": "Je confirme la restauration de la démo",
        "restore_button": "Restaurer la démo",
        "restored": "Démo restaurée.",
        "action_error": "Action impossible : {error}",
        # preview
        "preview_intro": "Les tables du portefeuille « {portfolio} ».",
        "preview_rows": "{n} · {cols}",
        "preview_absent": "Table absente de ce portefeuille : importez-la dans l'onglet « Importer un fichier ».",
    },
    "en": {
        "title": "Data",
        "intro": (
            "Import your files (sales, customers, contacts, receivables), check them, save "
            "them as a portfolio, and manage your saved portfolios."
        ),
        "tab_import": "Import a file",
        "tab_saved": "Saved portfolios",
        "tab_preview": "Portfolio preview",
        "step_file": "1. The file",
        "kind_label": "Which table does this file hold?",
        "kind_help": (
            "Only sales are required to create a portfolio; the other tables enrich it."
        ),
        "required_cols": "Required columns: {required}.",
        "optional_cols": "Optional: {optional}.",
        "upload_label": "CSV, Excel (.xlsx) or Parquet file",
        "upload_help": "Maximum size: {max}. French or English headers are recognised.",
        "upload_caption": (
            "Drag and drop the file into the box or click its button. Accepted types: "
            "{types}; maximum size: {max} per file."
        ),
        "too_large": (
            "This file weighs {size}, above the {max} limit. Split it (by year for "
            "instance) or export it as Parquet, which is more compact."
        ),
        "sheet_label": "Workbook sheet",
        "read_error": "The file could not be read: {error}",
        "file_info_csv": (
            "CSV file read: {rows}, {cols}, separator \"{sep}\", encoding "
            "{encoding}."
        ),
        "file_info_other": "{type} file read: {rows}, {cols}.",
        "file_info_sheet": "Excel file read (sheet \"{sheet}\"): {rows}, {cols}.",
        "n_lines": "{n} lines",
        "n_lines_one": "{n} line",
        "n_columns": "{n} columns",
        "n_columns_one": "{n} column",
        "raw_preview": "See the first lines of the file as is",
        "empty_file": "The file holds no data line.",
        "sep_tab": "tab",
        "step_mapping": "2. Column mapping",
        "mapping_intro": (
            "For each column of your file, choose the matching portfolio column (pre-filled "
            "from its name) or \"ignore\"."
        ),
        "ignore": "— ignore —",
        "required_mark": " (required)",
        "example": "Examples: {values}",
        "status_required": "Required: {items}",
        "missing_required": (
            "Map a column of your file to: {columns}. Without them the table cannot be "
            "imported."
        ),
        "duplicate_target": (
            "\"{target}\" is chosen for several columns ({headers}): keep only one."
        ),
        "step_report": "3. Validation report",
        "import_error": "The import failed: {error}",
        "m_read": "Lines read",
        "m_imported": "Imported",
        "m_rejected": "Rejected",
        "m_credit_notes": "Credit notes",
        "m_duplicates": "Duplicates",
        "rejected_title": "Rejected lines (line number in the file and reason)",
        "line_numbers_note": (
            "Line numbers as in your spreadsheet: the header is line 1, the first data line "
            "is line 2."
        ),
        "rejected_file": "rejected_lines",
        "duplicates_title": "Duplicate lines",
        "duplicates_file": "duplicates",
        "imported_preview": "Preview of the imported data",
        "imported_file": "imported_data",
        "step_save": "4. Save",
        "nothing_to_save": "No valid line: nothing to save.",
        "save_mode": "How to save?",
        "mode_new": "New portfolio",
        "mode_replace": "Replace this table in a portfolio",
        "mode_append": "Append these lines to this table of a portfolio",
        "new_needs_transactions": (
            "A new portfolio starts with its sales: import the sales table first, then add "
            "this one to the portfolio."
        ),
        "new_name": "Name of the new portfolio",
        "new_name_placeholder": "e.g. Sales 2024-2026",
        "target_label": "Portfolio",
        "confirm_replace": (
            "I confirm: table \"{table}\" of portfolio \"{portfolio}\" will be replaced by "
            "the imported lines ({n})."
        ),
        "confirm_append": (
            "I confirm: the imported lines ({n}) will be appended to table \"{table}\" of portfolio "
            "\"{portfolio}\"."
        ),
        "save_button": "Save",
        "name_empty": "Give the portfolio a name.",
        "name_taken": "A portfolio is already named \"{name}\": choose another name.",
        "saved_new": "Portfolio \"{name}\" saved ({n} of sales). It is now selected.",
        "saved_replace": "Table \"{table}\" replaced in \"{name}\" ({n}).",
        "saved_append": "Appended to table \"{table}\" of \"{name}\": {n}.",
        "save_error": "Saving failed, the portfolio was not changed: {error}",
        "saved_intro": "The portfolios saved on this computer.",
        "saved_file": "portfolios",
        "manage_label": "Portfolio to manage",
        "open_button": "Open",
        "open_help": "Make it the current portfolio (same as the sidebar choice).",
        "rename_label": "New name",
        "rename_button": "Rename",
        "renamed": "Portfolio renamed to \"{name}\".",
        "delete_confirm": "I confirm the deletion",
        "delete_button": "Delete",
        "deleted": "Portfolio \"{name}\" deleted.",
        "demo_title": "Demo portfolio",
        "demo_help": (
            "The demo holds 600 fictitious customers and 200 prospects over 36 months. "
            "Restoring it puts back its original data (your changes to the demo are lost)."
        ),
        "restore_confirm": "I confirm restoring the demo",
        "restore_button": "Restore the demo",
        "restored": "Demo restored.",
        "action_error": "Not possible: {error}",
        "preview_intro": "The tables of portfolio \"{portfolio}\".",
        "preview_rows": "{n} · {cols}",
        "preview_absent": "This portfolio has no such table: import it in the \"Import a file\" tab.",
    },
}
