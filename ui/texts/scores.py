"""Texts of the Predictive scores page (pages/scores.py)."""

TEXTS = {
    "fr": {
        "title": "Scores prédictifs",
        "intro": (
            "Quels clients risquent de partir, quels prospects vont signer, qui paiera en "
            "retard ? Un score classe les comptes par probabilité de l'événement dans les "
            "mois à venir. Il n'est utile que validé honnêtement : sur une période que le "
            "modèle n'a pas vue."
        ),
        "target_label": "Événement à prédire",
        "target_churn": "Attrition (client perdu)",
        "target_conversion": "Conversion d'un prospect",
        "target_default": "Retard de paiement",
        "horizon_label": "Horizon (mois)",
        "horizon_help": (
            "L'événement est observé dans les H mois qui suivent la date de coupure. Il "
            "faut 2 × H mois d'historique (plus 2 mois) pour apprendre puis tester."
        ),
        "model_label": "Modèle",
        "model_logistic": "Régression logistique (lisible, barème en points)",
        "model_gbm": "Gradient boosting (arbres)",
        "model_help": (
            "La régression logistique donne des coefficients lisibles et une grille de "
            "points 0-1000 ; le gradient boosting capte des effets non linéaires mais "
            "s'explique moins bien."
        ),
        "late_days_label": "Retard toléré (jours)",
        "late_days_help": (
            "Une facture payée plus de N jours après l'échéance, ou restée impayée, compte "
            "comme un incident de paiement."
        ),
        "active_label": "Client actif : commande dans les (mois)",
        "active_help": "Seuls les clients actifs peuvent être perdus : ceux qui ont commandé dans cette période avant la coupure.",
        "settings": "Réglages",
        "seed_label": "Graine aléatoire",
        "needs_customers": (
            "Le score de conversion a besoin de la table **Clients et prospects** (les "
            "comptes sans achat). Ajoutez-la dans la page **Données**."
        ),
        "needs_receivables": (
            "Le score de retard de paiement a besoin de la table **Créances** avec la date "
            "de règlement. Ajoutez-la dans la page **Données**."
        ),
        "cannot_score": "Score impossible : {error}",
        "cannot_hint": (
            "Essayez un horizon plus court, un autre événement, ou une date de référence "
            "plus tardive (barre latérale)."
        ),
        "def_churn": (
            "**Événement** : un client actif (au moins une commande dans les {active} mois "
            "avant la coupure) ne passe **aucune commande** dans les {months} suivants."
        ),
        "def_conversion": (
            "**Événement** : un compte du fichier clients sans aucun achat (prospect) passe "
            "**sa première commande** dans les {months} suivants."
        ),
        "def_default": (
            "**Événement** : un client paie une facture échue dans les {months} suivants "
            "**plus de {days} après l'échéance**, ou ne l'a pas payée."
        ),
        "timeline": (
            "**Validation dans le temps** : le modèle apprend sur la situation au "
            "**{c1}** ({n_train} comptes, dont {e_train} avec l'événement jusqu'au {c2}), "
            "puis il est jugé sur les comptes du **{c2}** ({n_test}, dont {e_test} avec "
            "l'événement jusqu'au {as_of}) : des mois qu'il n'a jamais vus. Le score du "
            "jour est réappris au {c2} et appliqué aux {n_now} comptes du {as_of}."
        ),
        "kpi_auc": "AUC (période de test)",
        "kpi_auc_read": (
            "Probabilité qu'un compte qui a connu l'événement soit mieux classé qu'un autre "
            ": 0,5 = hasard, 1 = parfait."
        ),
        "kpi_reach": "Touchés en ciblant 20 %",
        "kpi_reach_read": "des {events} sont dans les 20 % de scores les plus hauts (lift {lift}).",
        "kpi_rate": "Taux de l'événement",
        "kpi_rate_read": "{n} sur {total} comptes de la période de test.",
        "kpi_train": "AUC à l'apprentissage",
        "kpi_train_good": (
            "Écart avec l'AUC de test : {gap} (moins de {low}) : le modèle généralise bien."
        ),
        "kpi_train_some": (
            "Écart avec l'AUC de test : {gap} (entre {low} et {high}) : un peu de "
            "sur-apprentissage, fiez-vous aux chiffres de la période de test."
        ),
        "kpi_train_strong": (
            "Écart avec l'AUC de test : {gap} (plus de {high}) : fort sur-apprentissage, le "
            "modèle a appris par cœur les comptes d'apprentissage."
        ),
        "kpi_train_unknown": "AUC de test non mesurable : écart inconnu.",
        "months": "{n} mois",
        "months_one": "{n} mois",
        "days": "{n} jours",
        "days_one": "{n} jour",
        "events_churn": "clients perdus",
        "events_conversion": "prospects convertis",
        "events_default": "mauvais payeurs",
        "reading": (
            "Cibler les **{share}** de comptes au score le plus élevé aurait touché "
            "**{reached}** des {events} des {months} suivants ({lift} fois mieux qu'au "
            "hasard)."
        ),
        "weak": (
            "L'AUC reste proche de 0,5 : le score ne fait guère mieux que le hasard sur "
            "cette période. Ajoutez des informations (contacts, réclamations, fichier "
            "clients) ou changez d'horizon."
        ),
        "validation_title": "Validation sur la période de test",
        "gain_title": "Gain cumulé",
        "lift_title": "Lift par décile",
        "roc_title": "Courbe ROC",
        "calibration_title": "Calibration",
        "axis_targeted": "Part des comptes ciblés (meilleurs scores d'abord)",
        "axis_reached": "Part des événements touchés",
        "series_model": "Score",
        "series_random": "Au hasard",
        "axis_group": "Décile (1 = scores les plus hauts)",
        "axis_lift": "Lift",
        "col_rate": "Taux de l'événement",
        "axis_fpr": "Faux positifs",
        "axis_tpr": "Vrais positifs",
        "axis_predicted": "Probabilité prédite",
        "axis_observed": "Taux observé",
        "calibration_caption": (
            "Points proches de la diagonale : quand le score annonce 30 %, environ 30 % "
            "des comptes ont connu l'événement."
        ),
        "gain_table_title": "Tableau des déciles",
        "col_group": "Décile",
        "col_customers": "Comptes",
        "col_events": "Événements",
        "col_share_customers": "Part cumulée des comptes",
        "col_gain": "Gain cumulé",
        "col_lift": "Lift",
        "col_cum_lift": "Lift cumulé",
        "col_min_score": "Score mini",
        "col_max_score": "Score maxi",
        "file_gain": "deciles_score",
        "threshold_title": "Matrice de confusion",
        "threshold_label": "Seuil d'alerte (probabilité)",
        "threshold_help": "Les comptes dont la probabilité atteint ce seuil sont signalés.",
        "confusion_read": (
            "Au seuil de {threshold} : {flagged} comptes signalés ({flagged_share}), dont "
            "{tp} ont connu l'événement (précision {precision}) ; {recall} des événements "
            "sont repérés (rappel), {fn} passent entre les mailles."
        ),
        "row_flagged": "Signalés",
        "row_not_flagged": "Non signalés",
        "col_event": "Avec l'événement",
        "col_no_event": "Sans l'événement",
        "col_prediction": "Prédiction",
        "file_confusion": "matrice_confusion",
        "importance_title": "Ce qui compte dans le score",
        "importance_caption": (
            "Importance par permutation : la perte d'AUC sur la période de test quand la "
            "colonne est mélangée au hasard. Plus la barre est longue, plus le score s'en sert."
        ),
        "axis_importance": "Perte d'AUC",
        "col_feature": "Information",
        "coef_title": "Coefficients de la régression logistique",
        "coef_caption": (
            "La colonne « Multiplie la cote par » se lit pour un écart-type de plus (nombre) "
            "ou pour la modalité (texte) : au-dessus de 1, l'événement devient plus probable. "
            "Lecture « toutes choses égales par ailleurs » : deux informations liées (récence "
            "et rythme d'achat, CA et marge) se partagent l'effet, l'une peut prendre un "
            "signe inattendu ; l'importance ci-dessus reste la lecture la plus sûre."
        ),
        "col_term": "Terme",
        "col_coefficient": "Coefficient",
        "col_odds_ratio": "Multiplie la cote par",
        "file_coef": "coefficients",
        "scorecard_title": "Barème en points (0-1000)",
        "scorecard_caption": (
            "Le score d'un compte est la somme des points de ses informations ; plus il a de "
            "points, plus l'événement est probable. Chaque tranche de 100 points multiplie "
            "la cote par {factor}."
        ),
        "col_level": "Valeur",
        "col_points": "Points",
        "col_max_points": "Points maxi de l'information",
        "file_scorecard": "bareme_points",
        "today_title": "Portefeuille du jour : liste de ciblage",
        "today_read": (
            "{n} comptes notés au {as_of}. Tranche A = les 20 % aux probabilités les plus "
            "hautes (à traiter d'abord), E = les 20 % les plus basses."
        ),
        "bands_label": "Tranches à lister",
        "bands_caption": "Au-dessus de chaque barre : la probabilité moyenne de la tranche.",
        "axis_band": "Tranche",
        "col_band": "Tranche",
        "col_probability": "Probabilité",
        "col_mean_probability": "Probabilité moyenne",
        "col_reasons": "Principales raisons",
        "file_targets": "liste_ciblage",
        "map_caption": "Les tranches de score sont proposées à la page Carte comme couleur des points.",
        "note_missing_imputed": "Valeurs manquantes complétées (médiane, ou « (manquant) » pour un texte) : {columns}.",
        "note_log_scale": "Échelle logarithmique (valeurs très dispersées) : {columns}.",
        "note_constant_dropped": "Informations ignorées (une seule valeur) : {columns}.",
        "note_empty_dropped": "Informations ignorées (vides) : {columns}.",
        "note_identifier_dropped": "Informations ignorées (une valeur par compte, comme un identifiant) : {columns}.",
        "note_date_dropped": "Dates ignorées (utilisez une ancienneté en jours) : {columns}.",
        "note_as_of_after_data": "La date de référence est après la dernière vente : les événements de la période de test peuvent être incomplets.",
        "missing": "(manquant)",
        "other": "(autre)",
        "feat_recency_days": "Récence (jours)",
        "feat_frequency": "Commandes (total)",
        "feat_monetary": "CA cumulé",
        "feat_tenure_days": "Ancienneté (jours)",
        "feat_mean_gap_days": "Délai moyen entre commandes (jours)",
        "feat_overdue_ratio": "Retard sur son rythme d'achat (×)",
        "feat_revenue_trend": "Tendance du CA (−1 à +1)",
        "feat_orders_3m": "Commandes 3 derniers mois",
        "feat_contacts_12m": "Contacts 12 mois",
        "feat_contacts_3m": "Contacts 3 derniers mois",
        "feat_days_since_contact": "Jours depuis le dernier contact",
        "feat_visits_12m": "Visites 12 mois",
        "feat_complaints_12m": "Réclamations 12 mois",
        "feat_account_age_days": "Âge du compte (jours)",
        "feat_n_due": "Factures échues",
        "feat_late_frequency": "Part des factures en retard",
        "feat_mean_delay_days": "Retard moyen (jours)",
        "feat_max_delay_days": "Retard maximal (jours)",
        "feat_mean_days_to_pay": "Délai moyen de paiement (jours)",
        "feat_open_amount": "Encours",
        "feat_overdue_amount": "Encours échu",
        "feat_overdue_30_amount": "Encours échu de plus de 30 jours",
    },
    "en": {
        "title": "Predictive scores",
        "intro": (
            "Which customers may leave, which prospects will sign, who will pay late? A "
            "score ranks accounts by the probability of the event in the coming months. It "
            "is only useful when validated honestly: on a period the model has not seen."
        ),
        "target_label": "Event to predict",
        "target_churn": "Churn (customer lost)",
        "target_conversion": "Prospect conversion",
        "target_default": "Late payment",
        "horizon_label": "Horizon (months)",
        "horizon_help": (
            "The event is observed in the H months after the cut-off date. Learning then "
            "testing needs 2 × H months of history (plus 2 months)."
        ),
        "model_label": "Model",
        "model_logistic": "Logistic regression (readable, points scorecard)",
        "model_gbm": "Gradient boosting (trees)",
        "model_help": (
            "Logistic regression gives readable coefficients and a 0-1000 points grid; "
            "gradient boosting captures non-linear effects but is harder to explain."
        ),
        "late_days_label": "Tolerated delay (days)",
        "late_days_help": (
            "An invoice paid more than N days after its due date, or still unpaid, counts "
            "as a payment incident."
        ),
        "active_label": "Active customer: ordered in the last (months)",
        "active_help": "Only active customers can be lost: those who ordered in this period before the cut-off.",
        "settings": "Settings",
        "seed_label": "Random seed",
        "needs_customers": (
            "The conversion score needs the **Customers and prospects** table (accounts "
            "without purchases). Add it on the **Data** page."
        ),
        "needs_receivables": (
            "The late-payment score needs the **Receivables** table with the paid date. "
            "Add it on the **Data** page."
        ),
        "cannot_score": "Scoring impossible: {error}",
        "cannot_hint": (
            "Try a shorter horizon, another event, or a later reference date (sidebar)."
        ),
        "def_churn": (
            "**Event**: an active customer (at least one order in the {active} months "
            "before the cut-off) places **no order** in the next {months}."
        ),
        "def_conversion": (
            "**Event**: an account of the customers file without any purchase (prospect) "
            "places **its first order** in the next {months}."
        ),
        "def_default": (
            "**Event**: a customer pays an invoice falling due in the next {months} "
            "**more than {days} after the due date**, or has not paid it."
        ),
        "timeline": (
            "**Validation in time**: the model learns from the situation at **{c1}** "
            "({n_train} accounts, {e_train} with the event up to {c2}), then it is judged "
            "on the accounts at **{c2}** ({n_test}, {e_test} with the event up to "
            "{as_of}): months it has never seen. Today's score is relearnt at {c2} and "
            "applied to the {n_now} accounts at {as_of}."
        ),
        "kpi_auc": "AUC (test period)",
        "kpi_auc_read": (
            "Probability that an account with the event is ranked above one without: "
            "0.5 = chance, 1 = perfect."
        ),
        "kpi_reach": "Reached by targeting 20%",
        "kpi_reach_read": "of the {events} are in the top 20% of scores (lift {lift}).",
        "kpi_rate": "Event rate",
        "kpi_rate_read": "{n} out of {total} accounts of the test period.",
        "kpi_train": "Training AUC",
        "kpi_train_good": "Gap to the test AUC: {gap} (under {low}): the model generalises well.",
        "kpi_train_some": (
            "Gap to the test AUC: {gap} (between {low} and {high}): some over-fitting, rely "
            "on the test-period figures."
        ),
        "kpi_train_strong": (
            "Gap to the test AUC: {gap} (over {high}): strong over-fitting, the model learnt "
            "the training accounts by heart."
        ),
        "kpi_train_unknown": "Test AUC not measurable: gap unknown.",
        "months": "{n} months",
        "months_one": "{n} month",
        "days": "{n} days",
        "days_one": "{n} day",
        "events_churn": "lost customers",
        "events_conversion": "converted prospects",
        "events_default": "late payers",
        "reading": (
            "Targeting the **{share}** of accounts with the highest scores would have "
            "reached **{reached}** of the {events} of the next {months} ({lift} times "
            "better than at random)."
        ),
        "weak": (
            "The AUC stays close to 0.5: the score hardly beats chance on this period. Add "
            "information (contacts, complaints, customers file) or change the horizon."
        ),
        "validation_title": "Validation on the test period",
        "gain_title": "Cumulative gain",
        "lift_title": "Lift by decile",
        "roc_title": "ROC curve",
        "calibration_title": "Calibration",
        "axis_targeted": "Share of accounts targeted (best scores first)",
        "axis_reached": "Share of events reached",
        "series_model": "Score",
        "series_random": "At random",
        "axis_group": "Decile (1 = highest scores)",
        "axis_lift": "Lift",
        "col_rate": "Event rate",
        "axis_fpr": "False positives",
        "axis_tpr": "True positives",
        "axis_predicted": "Predicted probability",
        "axis_observed": "Observed rate",
        "calibration_caption": (
            "Points close to the diagonal: when the score says 30%, about 30% of the "
            "accounts had the event."
        ),
        "gain_table_title": "Decile table",
        "col_group": "Decile",
        "col_customers": "Accounts",
        "col_events": "Events",
        "col_share_customers": "Cumulative share of accounts",
        "col_gain": "Cumulative gain",
        "col_lift": "Lift",
        "col_cum_lift": "Cumulative lift",
        "col_min_score": "Min score",
        "col_max_score": "Max score",
        "file_gain": "score_deciles",
        "threshold_title": "Confusion matrix",
        "threshold_label": "Alert threshold (probability)",
        "threshold_help": "Accounts whose probability reaches this threshold are flagged.",
        "confusion_read": (
            "At a threshold of {threshold}: {flagged} accounts flagged ({flagged_share}), "
            "{tp} of which had the event (precision {precision}); {recall} of the events "
            "are caught (recall), {fn} slip through."
        ),
        "row_flagged": "Flagged",
        "row_not_flagged": "Not flagged",
        "col_event": "With the event",
        "col_no_event": "Without the event",
        "col_prediction": "Prediction",
        "file_confusion": "confusion_matrix",
        "importance_title": "What matters in the score",
        "importance_caption": (
            "Permutation importance: the AUC lost on the test period when the column is "
            "shuffled at random. The longer the bar, the more the score relies on it."
        ),
        "axis_importance": "AUC lost",
        "col_feature": "Information",
        "coef_title": "Logistic regression coefficients",
        "coef_caption": (
            "Read \"Multiplies the odds by\" for one more standard deviation (number) or for "
            "the category (text): above 1, the event becomes more likely. Read \"all else "
            "being equal\": two related pieces of information (recency and buying rhythm, "
            "revenue and margin) share the effect, one may take an unexpected sign; the "
            "importance above is the safer reading."
        ),
        "col_term": "Term",
        "col_coefficient": "Coefficient",
        "col_odds_ratio": "Multiplies the odds by",
        "file_coef": "coefficients",
        "scorecard_title": "Points scorecard (0-1000)",
        "scorecard_caption": (
            "An account's score is the sum of the points of its information; the more "
            "points, the more likely the event. Each 100 points multiply the odds by "
            "{factor}."
        ),
        "col_level": "Value",
        "col_points": "Points",
        "col_max_points": "Max points of the information",
        "file_scorecard": "points_scorecard",
        "today_title": "Today's portfolio: target list",
        "today_read": (
            "{n} accounts scored at {as_of}. Band A = the 20% with the highest "
            "probabilities (act first), E = the lowest 20%."
        ),
        "bands_label": "Bands to list",
        "bands_caption": "Above each bar: the band's mean probability.",
        "axis_band": "Band",
        "col_band": "Band",
        "col_probability": "Probability",
        "col_mean_probability": "Mean probability",
        "col_reasons": "Main reasons",
        "file_targets": "target_list",
        "map_caption": "Score bands are offered to the Map page as a point colour.",
        "note_missing_imputed": "Missing values filled in (median, or \"(missing)\" for text): {columns}.",
        "note_log_scale": "Log scale (widely spread values): {columns}.",
        "note_constant_dropped": "Information ignored (a single value): {columns}.",
        "note_empty_dropped": "Information ignored (empty): {columns}.",
        "note_identifier_dropped": "Information ignored (one value per account, like an identifier): {columns}.",
        "note_date_dropped": "Dates ignored (use an age in days): {columns}.",
        "note_as_of_after_data": "The reference date is after the last sale: the test period's events may be incomplete.",
        "missing": "(missing)",
        "other": "(other)",
        "feat_recency_days": "Recency (days)",
        "feat_frequency": "Orders (total)",
        "feat_monetary": "Cumulative revenue",
        "feat_tenure_days": "Tenure (days)",
        "feat_mean_gap_days": "Mean gap between orders (days)",
        "feat_overdue_ratio": "Overdue vs buying rhythm (×)",
        "feat_revenue_trend": "Revenue trend (−1 to +1)",
        "feat_orders_3m": "Orders last 3 months",
        "feat_contacts_12m": "Contacts 12 months",
        "feat_contacts_3m": "Contacts last 3 months",
        "feat_days_since_contact": "Days since last contact",
        "feat_visits_12m": "Visits 12 months",
        "feat_complaints_12m": "Complaints 12 months",
        "feat_account_age_days": "Account age (days)",
        "feat_n_due": "Invoices due",
        "feat_late_frequency": "Share of invoices paid late",
        "feat_mean_delay_days": "Mean delay (days)",
        "feat_max_delay_days": "Longest delay (days)",
        "feat_mean_days_to_pay": "Mean days to pay",
        "feat_open_amount": "Outstanding",
        "feat_overdue_amount": "Overdue outstanding",
        "feat_overdue_30_amount": "Outstanding over 30 days late",
    },
}
