"""Texts of the Data quality page (pages/quality.py)."""

TEXTS = {
    "fr": {
        "title": "Qualité des données",
        "intro": (
            "Fiabiliser le fichier du portefeuille « {portfolio} » : repérer les valeurs "
            "manquantes ou invalides, fusionner les clients saisis deux fois, mettre à jour "
            "la qualification des comptes. Chaque modification est enregistrée (qui, quand) "
            "et se voit sur toutes les pages."
        ),
        "who_label": "Votre nom (pour le journal des modifications)",
        "who_help": "Enregistré avec chaque fusion, décision ou modification.",
        "who_needed": "Saisissez votre nom en haut de la page pour enregistrer une action.",
        "tab_report": "Rapport de qualité",
        "tab_duplicates": "Doublons",
        "tab_qualification": "Qualification",
        "tab_journal": "Journal",
        # report
        "today_label": "Dates postérieures au",
        "today_help": (
            "Une date de vente, de contact, de création ou de règlement après ce jour est "
            "signalée comme « date dans le futur ». Par défaut : aujourd'hui."
        ),
        "scores_title": "Note de chaque table",
        "score_value": "{score} / 100",
        "read_score": (
            "Complétude {completeness} · validité {validity} · unicité {uniqueness} ; "
            "{problems} à revoir."
        ),
        "n_rows": "{n} lignes",
        "n_rows_one": "{n} ligne",
        "n_error_kinds": "{n} types d'erreur",
        "n_error_kinds_one": "{n} type d'erreur",
        "n_points": "{n} points",
        "n_points_one": "{n} point",
        "n_pairs": "{n} paires de clients se ressemblent",
        "n_pairs_one": "{n} paire de clients se ressemble",
        "n_pending": "{n} restent à examiner",
        "n_pending_one": "{n} reste à examiner",
        "score_help": (
            "Note = moyenne de la complétude (cellules remplies), de la validité (valeurs "
            "remplies correctes) et de l'unicité (lignes non répétées), sur 100."
        ),
        "no_rows": "Table vide.",
        "read_report": (
            "{errors} à corriger ({error_rows}) et {warnings} à vérifier "
            "({warning_rows}). La table la moins fiable est "
            "« {table} » ({score} / 100)."
        ),
        "read_report_clean": "Aucune erreur ni alerte : seules des valeurs manquent ici ou là.",
        "problems_title": "Problèmes relevés",
        "problems_file": "problemes_qualite",
        "no_problem": "Aucun problème relevé.",
        "detail_title": "Lignes concernées",
        "detail_label": "Problème",
        "detail_file": "lignes_a_corriger",
        "all_rows_caption": "Toutes les lignes à problème (table, colonne, contrôle, n° de ligne) :",
        "all_rows_file": "toutes_les_lignes_a_probleme",
        "columns_title": "Détail par colonne",
        "columns_file": "qualite_par_colonne",
        "h_table": "Table",
        "h_column": "Colonne",
        "h_check": "Contrôle",
        "h_severity": "Gravité",
        "h_rows": "Lignes",
        "h_share": "Part des lignes",
        "h_examples": "Exemples",
        "h_row": "N° de ligne",
        "h_missing": "Manquantes",
        "h_missing_share": "Part manquante",
        "h_invalid": "Invalides",
        "h_invalid_share": "Part invalide",
        "h_completeness": "Complétude",
        "h_validity": "Validité",
        "h_uniqueness": "Unicité",
        "h_score": "Note / 100",
        "sev_error": "Erreur",
        "sev_warning": "À vérifier",
        "sev_info": "Manquant",
        "check_missing": "valeur manquante",
        "check_missing_required": "valeur manquante dans une colonne obligatoire",
        "check_duplicate_id": "identifiant utilisé sur plusieurs lignes",
        "check_duplicate_row": "ligne répétée à l'identique (importée deux fois ?)",
        "check_email": "adresse e-mail mal formée",
        "check_phone": "numéro de téléphone invalide",
        "check_siret": "SIREN / SIRET de mauvaise longueur ou clé de Luhn fausse",
        "check_postal_code": "code postal hors du format du pays",
        "check_postal_code_city": "code postal et ville ne correspondent pas",
        "check_future_date": "date postérieure à la date limite",
        "check_negative": "valeur négative interdite",
        "check_out_of_range": "valeur hors des bornes admises",
        "check_outlier": "valeur extrême (ordre de grandeur très au-dessus des autres)",
        "check_unknown_status": "statut hors de la liste connue",
        "check_unknown_kind": "type autre que B2B / B2C",
        "check_unknown_customer": "client absent du fichier clients",
        "check_due_before_invoice": "échéance avant la date de facture",
        "check_paid_before_invoice": "règlement avant la date de facture",
        "check_margin_above_amount": "marge supérieure au montant de la vente",
        # duplicates
        "dup_intro": (
            "Clients probablement saisis deux fois : noms proches (casse, accents, "
            "ponctuation et formes juridiques SARL, SAS, EURL… ignorées) au même code "
            "postal ou dans la même ville, ou même SIRET, e-mail ou téléphone."
        ),
        "min_score": "Ressemblance minimale",
        "min_score_help": (
            "Note de 0 à 100 % : ressemblance des noms, renforcée par un SIRET, un e-mail "
            "ou un téléphone identiques, réduite quand les lieux ou les SIREN diffèrent."
        ),
        "show_reviewed": "Afficher aussi les paires déjà examinées",
        "read_pairs": (
            "{pairs} à {min} ou plus ; {pending}."
        ),
        "no_pairs": "Aucun doublon probable à ce seuil de ressemblance.",
        "no_customers": (
            "La recherche de doublons a besoin de la table des clients avec leur raison "
            "sociale. Ajoutez-la dans la page Données."
        ),
        "pairs_file": "doublons_probables",
        "h_id_a": "Client A",
        "h_name_a": "Raison sociale A",
        "h_id_b": "Client B",
        "h_name_b": "Raison sociale B",
        "h_score_pair": "Ressemblance",
        "h_reason": "Pourquoi",
        "h_decision": "Décision",
        "decision_": "à examiner",
        "decision_confirmed": "confirmé",
        "decision_rejected": "rejeté",
        "reason_name": "noms à {pct}",
        "reason_same_postal_code": "même code postal",
        "reason_same_city": "même ville",
        "reason_same_siret": "même SIRET",
        "reason_same_siren": "même SIREN (autre établissement)",
        "reason_same_email": "même e-mail",
        "reason_same_phone": "même téléphone",
        "reason_location_conflict": "lieux différents",
        "review_title": "Examiner une paire",
        "review_label": "Paire à examiner",
        "review_none": "Toutes les paires affichées ont été examinées.",
        "h_field": "Champ",
        "diff_help": "≠ : les deux fiches diffèrent sur ce champ.",
        "activity_lines": "Lignes de vente",
        "activity_revenue": "CA HT total",
        "activity_contacts": "Contacts",
        "activity_receivables": "Créances",
        "keep_label": "Fiche à conserver",
        "keep_help": (
            "Les ventes, contacts et créances de l'autre fiche lui sont rattachés ; ses "
            "champs vides sont complétés par ceux de l'autre fiche, qui est supprimée."
        ),
        "merge_button": "Fusionner (doublon confirmé)",
        "reject_button": "Ce n'est pas un doublon",
        "merged": (
            "« {removed} » a été fusionné dans « {kept} ». La fusion peut être annulée "
            "dans l'onglet Journal."
        ),
        "rejected": "Paire {a} / {b} marquée « pas un doublon » : elle ne sera plus proposée.",
        "action_error": "Rien n'a été modifié : {error}",
        # qualification
        "qualif_intro": (
            "Mettez à jour le statut, le potentiel, le plafond de crédit, le commercial ou "
            "le secteur des clients, directement dans le tableau, puis enregistrez. Les "
            "montants doivent être positifs ; le statut est choisi dans la liste."
        ),
        "search_label": "Rechercher (n° ou raison sociale)",
        "rep_filter": "Commercial",
        "all_reps": "Tous",
        "shown_rows": (
            "{shown} premiers clients affichés sur {total}. Affinez la recherche pour voir "
            "les autres."
        ),
        "no_match": "Aucun client ne correspond à la recherche.",
        "save_button": "Enregistrer les modifications",
        "saved": "{n} modifications enregistrées et visibles sur toutes les pages.",
        "saved_one": "{n} modification enregistrée et visible sur toutes les pages.",
        "nothing_changed": "Aucune modification à enregistrer.",
        "status_suspect": "suspect",
        "status_cold prospect": "prospect froid",
        "status_warm prospect": "prospect tiède",
        "status_hot prospect": "prospect chaud",
        "status_customer": "client",
        "status_lost": "perdu",
        # journal
        "merges_title": "Fusions de clients",
        "merges_none": "Aucune fusion n'a été faite dans ce portefeuille.",
        "merges_file": "journal_fusions",
        "h_when": "Quand",
        "h_who": "Qui",
        "h_kept": "Client conservé",
        "h_removed": "Client supprimé",
        "h_removed_name": "Raison sociale supprimée",
        "h_moved_transactions": "Lignes de vente déplacées",
        "h_moved_contacts": "Contacts déplacés",
        "h_moved_receivables": "Créances déplacées",
        "h_filled": "Champs complétés",
        "h_undone_when": "Annulée le",
        "h_undone_by": "Annulée par",
        "h_merge_id": "N° de fusion",
        "undo_label": "Fusion à annuler",
        "undo_option": "{removed} → {kept} ({when})",
        "undo_button": "Annuler cette fusion",
        "undo_none": "Aucune fusion active à annuler.",
        "undone": "La fusion de « {removed} » dans « {kept} » est annulée : la fiche et ses lignes sont rétablies.",
        "audit_title": "Modifications de qualification",
        "audit_none": "Aucune modification de qualification n'a encore été enregistrée.",
        "audit_file": "journal_qualification",
        "h_old": "Ancienne valeur",
        "h_new": "Nouvelle valeur",
    },
    "en": {
        "title": "Data quality",
        "intro": (
            "Make the \"{portfolio}\" portfolio reliable: find missing or invalid values, "
            "merge customers entered twice, update the accounts' qualification. Every change "
            "is logged (who, when) and shows on every page."
        ),
        "who_label": "Your name (for the change log)",
        "who_help": "Recorded with every merge, decision or change.",
        "who_needed": "Type your name at the top of the page to record an action.",
        "tab_report": "Quality report",
        "tab_duplicates": "Duplicates",
        "tab_qualification": "Qualification",
        "tab_journal": "Log",
        "today_label": "Dates later than",
        "today_help": (
            "A sale, contact, creation or payment date after this day is flagged as "
            "\"date in the future\". Default: today."
        ),
        "scores_title": "Score of each table",
        "score_value": "{score} / 100",
        "read_score": (
            "Completeness {completeness} · validity {validity} · uniqueness {uniqueness}; "
            "{problems} to review."
        ),
        "n_rows": "{n} rows",
        "n_rows_one": "{n} row",
        "n_error_kinds": "{n} kinds of error",
        "n_error_kinds_one": "{n} kind of error",
        "n_points": "{n} points",
        "n_points_one": "{n} point",
        "n_pairs": "{n} pairs of customers are",
        "n_pairs_one": "{n} pair of customers is",
        "n_pending": "{n} left to review",
        "n_pending_one": "{n} left to review",
        "score_help": (
            "Score = mean of completeness (filled cells), validity (filled values that are "
            "correct) and uniqueness (rows not repeated), out of 100."
        ),
        "no_rows": "Empty table.",
        "read_report": (
            "{errors} to fix ({error_rows}) and {warnings} to check ({warning_rows}). The "
            "least reliable table is \"{table}\" "
            "({score} / 100)."
        ),
        "read_report_clean": "No error or warning: only a few values are missing here and there.",
        "problems_title": "Problems found",
        "problems_file": "quality_problems",
        "no_problem": "No problem found.",
        "detail_title": "Rows concerned",
        "detail_label": "Problem",
        "detail_file": "rows_to_fix",
        "all_rows_caption": "Every problem row (table, column, check, row number):",
        "all_rows_file": "all_problem_rows",
        "columns_title": "Detail by column",
        "columns_file": "quality_by_column",
        "h_table": "Table",
        "h_column": "Column",
        "h_check": "Check",
        "h_severity": "Severity",
        "h_rows": "Rows",
        "h_share": "Share of rows",
        "h_examples": "Examples",
        "h_row": "Row",
        "h_missing": "Missing",
        "h_missing_share": "Share missing",
        "h_invalid": "Invalid",
        "h_invalid_share": "Share invalid",
        "h_completeness": "Completeness",
        "h_validity": "Validity",
        "h_uniqueness": "Uniqueness",
        "h_score": "Score / 100",
        "sev_error": "Error",
        "sev_warning": "To check",
        "sev_info": "Missing",
        "check_missing": "missing value",
        "check_missing_required": "missing value in a required column",
        "check_duplicate_id": "identifier used on several rows",
        "check_duplicate_row": "line repeated identically (imported twice?)",
        "check_email": "badly formed e-mail address",
        "check_phone": "invalid phone number",
        "check_siret": "SIREN / SIRET with a wrong length or Luhn key",
        "check_postal_code": "postal code not in the country's format",
        "check_postal_code_city": "postal code and city do not match",
        "check_future_date": "date after the limit date",
        "check_negative": "negative value not allowed",
        "check_out_of_range": "value outside the allowed range",
        "check_outlier": "extreme value (order of magnitude far above the others)",
        "check_unknown_status": "status not in the known list",
        "check_unknown_kind": "kind other than B2B / B2C",
        "check_unknown_customer": "customer missing from the customers table",
        "check_due_before_invoice": "due date before the invoice date",
        "check_paid_before_invoice": "payment before the invoice date",
        "check_margin_above_amount": "margin larger than the sale amount",
        "dup_intro": (
            "Customers probably entered twice: similar names (case, accents, punctuation "
            "and legal forms SARL, SAS, EURL… ignored) in the same postal code or city, or "
            "the same SIRET, e-mail or phone."
        ),
        "min_score": "Minimum similarity",
        "min_score_help": (
            "Score from 0 to 100 %: similarity of the names, raised by an identical SIRET, "
            "e-mail or phone, lowered when the places or the SIRENs differ."
        ),
        "show_reviewed": "Also show the pairs already reviewed",
        "read_pairs": "{pairs} {min} similar or more; {pending}.",
        "no_pairs": "No probable duplicate at this similarity threshold.",
        "no_customers": (
            "Finding duplicates needs the customers table with their company names. Add it "
            "on the Data page."
        ),
        "pairs_file": "probable_duplicates",
        "h_id_a": "Customer A",
        "h_name_a": "Company name A",
        "h_id_b": "Customer B",
        "h_name_b": "Company name B",
        "h_score_pair": "Similarity",
        "h_reason": "Why",
        "h_decision": "Decision",
        "decision_": "to review",
        "decision_confirmed": "confirmed",
        "decision_rejected": "rejected",
        "reason_name": "names {pct} alike",
        "reason_same_postal_code": "same postal code",
        "reason_same_city": "same city",
        "reason_same_siret": "same SIRET",
        "reason_same_siren": "same SIREN (other establishment)",
        "reason_same_email": "same e-mail",
        "reason_same_phone": "same phone",
        "reason_location_conflict": "different places",
        "review_title": "Review a pair",
        "review_label": "Pair to review",
        "review_none": "Every pair shown has been reviewed.",
        "h_field": "Field",
        "diff_help": "≠: the two records differ on this field.",
        "activity_lines": "Sales lines",
        "activity_revenue": "Total revenue excl. tax",
        "activity_contacts": "Contacts",
        "activity_receivables": "Receivables",
        "keep_label": "Record to keep",
        "keep_help": (
            "The other record's sales, contacts and receivables move to it; its empty "
            "fields are filled from the other record, which is removed."
        ),
        "merge_button": "Merge (duplicate confirmed)",
        "reject_button": "Not a duplicate",
        "merged": "\"{removed}\" was merged into \"{kept}\". The merge can be undone in the Log tab.",
        "rejected": "Pair {a} / {b} marked \"not a duplicate\": it will not be proposed again.",
        "action_error": "Nothing was changed: {error}",
        "qualif_intro": (
            "Update the customers' status, potential, credit limit, sales rep or sector "
            "right in the table, then save. Amounts must be positive; the status is picked "
            "from the list."
        ),
        "search_label": "Search (ID or company name)",
        "rep_filter": "Sales rep",
        "all_reps": "All",
        "shown_rows": (
            "First {shown} customers shown out of {total}. Narrow the search to see the "
            "others."
        ),
        "no_match": "No customer matches the search.",
        "save_button": "Save the changes",
        "saved": "{n} changes saved, now seen on every page.",
        "saved_one": "{n} change saved, now seen on every page.",
        "nothing_changed": "No change to save.",
        "status_suspect": "suspect",
        "status_cold prospect": "cold prospect",
        "status_warm prospect": "warm prospect",
        "status_hot prospect": "hot prospect",
        "status_customer": "customer",
        "status_lost": "lost",
        "merges_title": "Customer merges",
        "merges_none": "No merge has been made in this portfolio.",
        "merges_file": "merge_log",
        "h_when": "When",
        "h_who": "Who",
        "h_kept": "Customer kept",
        "h_removed": "Customer removed",
        "h_removed_name": "Removed company name",
        "h_moved_transactions": "Sales lines moved",
        "h_moved_contacts": "Contacts moved",
        "h_moved_receivables": "Receivables moved",
        "h_filled": "Fields filled",
        "h_undone_when": "Undone on",
        "h_undone_by": "Undone by",
        "h_merge_id": "Merge ID",
        "undo_label": "Merge to undo",
        "undo_option": "{removed} → {kept} ({when})",
        "undo_button": "Undo this merge",
        "undo_none": "No active merge to undo.",
        "undone": "The merge of \"{removed}\" into \"{kept}\" is undone: the record and its rows are back.",
        "audit_title": "Qualification changes",
        "audit_none": "No qualification change has been recorded yet.",
        "audit_file": "qualification_log",
        "h_old": "Old value",
        "h_new": "New value",
    },
}
