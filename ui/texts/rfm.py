"""Texts of the RFM & lifecycle page (pages/rfm.py) and its charts (ui/charts_rfm.py)."""

TEXTS = {
    "fr": {
        "title": "RFM et cycle de vie",
        "intro": (
            "Qui sont vos meilleurs clients, qui décroche et qui est perdu ? Scores Récence, "
            "Fréquence, Montant au {as_of}, segments nommés avec l'action recommandée, "
            "migrations entre deux dates, cycle de vie et signaux d'attrition."
        ),
        "tab_scores": "Scores et grille RFM",
        "tab_migration": "Migrations",
        "tab_lifecycle": "Cycle de vie et attrition",
        "tab_engagement": "Engagement",
        # scoring controls
        "method_label": "Notation",
        "method_help": (
            "Quintiles : 5 groupes d'effectifs égaux (5 = le meilleur). Terciles : 3 groupes. "
            "Seuils : vos propres bornes, comme dans les exercices (grille de points). "
            "Les ex aequo reçoivent toujours la même note."
        ),
        "method_quintiles": "Quintiles (1 à 5)",
        "method_terciles": "Terciles (1 à 3)",
        "method_thresholds": "Seuils personnalisés (1 à 5)",
        "window_label": "Période pour F et M",
        "window_help": (
            "La fréquence (nombre de commandes) et le montant sont comptés sur cette période "
            "avant la date de référence ; la récence porte sur tout l'historique."
        ),
        "window_months": "{n} mois",
        "window_all": "Tout l'historique",
        "monetary_label": "Montant",
        "monetary_help": "Total HT de la période (avoirs déduits) ou montant moyen par commande.",
        "monetary_sum": "Cumulé",
        "monetary_mean": "Moyen par commande",
        "thresholds_help": (
            "Quatre bornes croissantes par critère, séparées par des points-virgules. "
            "Récence en jours (« 30 » : 30 jours ou moins = note 5), fréquence en commandes, "
            "montant en euros (une valeur égale à la borne va dans la meilleure classe)."
        ),
        "cuts_R": "Bornes de récence (jours)",
        "cuts_F": "Bornes de fréquence (commandes)",
        "cuts_M": "Bornes de montant (€)",
        "bad_cuts": "Bornes de {crit} illisibles : « {text} ». Écrivez des nombres séparés par « ; ».",
        "bad_cuts_count": (
            "Bornes de {crit} : il en faut exactement 4, croissantes (« {text} »)."
        ),
        "crit_R": "récence",
        "crit_F": "fréquence",
        "crit_M": "montant",
        "error": "Calcul impossible : {error}",
        "no_customers": "Aucun client n'a acheté avant la date de référence.",
        # notes
        "note_few_values": (
            "Note de {crit} : seulement {n} valeurs différentes pour {bins} notes, donc "
            "seules les notes {used} sont utilisées (les ex aequo ne sont jamais séparés)."
        ),
        "note_few_values_one": (
            "Note de {crit} : une seule valeur pour {bins} notes, donc seule la note {used} "
            "est utilisée (les ex aequo ne sont jamais séparés)."
        ),
        "note_uneven": (
            "Note de {crit} : {n} clients ({share}) ont la même valeur et reçoivent tous la "
            "note {score} ; les groupes ne sont donc pas d'effectif égal."
        ),
        "note_no_purchase": "{n} fiches sans aucun achat (prospects) ne sont pas notées.",
        "note_no_purchase_one": "1 fiche sans aucun achat (prospect) n'est pas notée.",
        # segment map
        "map_title": "Carte des segments (modifiable)",
        "map_help": (
            "Chaque case R × F (sur une échelle de 1 à 5) appartient à un segment. Changez le "
            "segment d'une case, renommez un segment ou son action : les scores et les "
            "tableaux suivent."
        ),
        "map_reset": "Revenir à la carte par défaut",
        "map_invalid": "Carte des segments non appliquée : {error}",
        "col_key": "Code",
        # grid and tables
        "grid_title": "Grille récence × fréquence",
        "read_scores": (
            "Sur {n} clients notés, vos clients de valeur ({valuable}) sont {n_valuable} "
            "({share_valuable}) et font {money_valuable} du montant. {n_risk} clients à risque "
            "ou à ne pas perdre représentent {money_risk} à reconquérir."
        ),
        "grid_caption": (
            "Chaque case : nombre de clients (en gros) et segment ; la couleur donne le "
            "montant moyen des clients de la case. Note 1 à {bins}, {bins} = le meilleur."
        ),
        "axis_R": "Récence (note)",
        "axis_F": "Fréquence (note)",
        "cell_label": "Clients d'une case de la grille",
        "cell_all": "Tous les clients ({n})",
        "cell_option": "R{r} · F{f} — {segment} ({n} clients)",
        "cell_option_one": "R{r} · F{f} — {segment} ({n} client)",
        "read_cell": (
            "{n} clients dans cette case ({segment}), montant moyen {mean}. Action "
            "recommandée : {action}."
        ),
        "read_cell_one": (
            "{n} client dans cette case ({segment}), montant moyen {mean}. Action "
            "recommandée : {action}."
        ),
        "segments_title": "Segments et actions recommandées",
        "read_segments": (
            "Le segment qui pèse le plus est « {segment} » : {n} clients ({share}) pour "
            "{money} du montant."
        ),
        "bounds_title": "Ce que signifient les notes",
        "col_customers": "Clients",
        "col_share": "Part des clients",
        "col_share_records": "Part des fiches",
        "col_segment": "Segment",
        "col_action": "Action recommandée",
        "col_code": "Code RFM",
        "col_total": "Total RFM",
        "col_monetary_sum": "Montant de la période",
        "col_monetary_avg": "Montant moyen par commande",
        "col_monetary_mean": "Montant moyen",
        "col_monetary_total": "Montant total",
        "col_monetary_share": "Part du montant",
        "col_recency_mean": "Récence moyenne (jours)",
        "col_frequency_mean": "Fréquence moyenne",
        "col_criterion": "Critère",
        "col_score": "Note",
        "col_min": "Valeur min.",
        "col_max": "Valeur max.",
        "file_customers": "rfm_clients",
        "file_segments": "rfm_segments",
        "file_bounds": "rfm_notes",
        # migration
        "mig_settings": (
            "Mêmes réglages que l'onglet des scores : {method}, période {window}, montant "
            "{monetary}."
        ),
        "mig_months": "Comparer avec la situation",
        "months_ago": "il y a {n} mois",
        "mig_months_help": "Les segments sont recalculés à cette date antérieure, avec les mêmes règles.",
        "mig_empty": "Aucun client n'avait acheté au {before} : rien à comparer.",
        "read_migration": (
            "Entre le {before} et le {after}, {fell} clients sont sortis des segments de "
            "valeur ({valuable}) ; ils pesaient {money} sur la période. {up} clients sont "
            "montés, {down} ont baissé, {same} sont restés dans leur segment et {new} sont "
            "de nouveaux clients."
        ),
        "mig_before": "Segment au {date}",
        "mig_after": "Segment au {date}",
        "mig_new_row": "Pas encore client",
        "mig_gone_col": "Plus noté",
        "mig_chart_caption": (
            "À gauche les segments à la date antérieure, à droite aujourd'hui ; l'épaisseur de "
            "chaque flux est le nombre de clients qui ont fait ce trajet."
        ),
        "mig_list_title": "Qui a bougé ? (les clients de valeur perdus en premier)",
        "mig_only_changes": "Seulement les clients qui ont changé de segment",
        "mig_matrix_title": "Matrice de transition",
        "mig_matrix_caption": (
            "Lignes : segment à la date antérieure ; colonnes : segment aujourd'hui. Chaque "
            "ligne totalise l'effectif du segment de départ."
        ),
        "mig_matrix_corner": "Avant \\ Après",
        "move_down": "En baisse",
        "move_up": "En hausse",
        "move_same": "Stable",
        "move_new": "Nouveau client",
        "move_gone": "Sorti",
        "col_move": "Évolution",
        "col_fell": "Sorti d'un segment de valeur",
        "col_monetary_before": "Montant avant",
        "col_monetary_after": "Montant après",
        "file_migration": "rfm_migrations",
        "file_matrix": "rfm_matrice_transition",
        # lifecycle
        "life_intro": (
            "Suspect → prospect (froid, tiède, chaud) → client (nouveau, actif, tiède, "
            "inactif) → perdu, selon la date du premier et du dernier achat et le statut du "
            "fichier clients."
        ),
        "rules_title": "Règles du cycle de vie (modifiables)",
        "rule_new": "Nouveau si 1er achat depuis moins de (jours)",
        "rule_new_help": "Un client dont le premier achat date de moins de ce nombre de jours est « nouveau ».",
        "rule_active": "Actif si dernier achat depuis moins de (jours)",
        "rule_active_help": "Dernier achat récent : le client est actif.",
        "rule_tepid": "Tiède jusqu'à (jours)",
        "rule_tepid_help": "Au-delà du seuil actif et jusqu'à ce seuil : client tiède.",
        "rule_inactive": "Inactif jusqu'à (jours)",
        "rule_inactive_help": "Au-delà de ce nombre de jours sans achat, le client est perdu.",
        "rule_status_lost": "Le statut « perdu » du fichier clients l'emporte sur les dates",
        "life_no_customers": (
            "Sans fichier clients, seuls les acheteurs apparaissent : pas de suspects ni de "
            "prospects. Ajoutez la table Clients et prospects (avec un statut) dans la page "
            "Données."
        ),
        "life_no_status": (
            "Le fichier clients n'a pas de colonne statut : les fiches sans achat sont "
            "comptées comme suspects."
        ),
        "funnel_title": "Entonnoir de conversion",
        "read_funnel": (
            "Sur {n} fiches, {customers} sont devenues clientes ({conv}) et {active} achètent "
            "encore (nouveaux ou actifs), soit {retained} des clients."
        ),
        "funnel_conv": "{conv} de l'étape précédente",
        "funnel_caption": (
            "Lecture d'une photo à la date de référence : chaque barre compte les fiches qui "
            "ont atteint au moins cette étape."
        ),
        "level_suspect": "Suspects et au-delà",
        "level_cold_prospect": "Prospects froids et au-delà",
        "level_warm_prospect": "Prospects tièdes et au-delà",
        "level_hot_prospect": "Prospects chauds et au-delà",
        "level_customer": "Devenus clients",
        "level_active_customer": "Clients actifs",
        "col_level": "Étape",
        "col_conversion": "Conversion",
        "stages_title": "Étapes du cycle de vie",
        "stage_label": "Fiches d'une étape",
        "stage_all": "Toutes les fiches ({n})",
        "col_stage": "Étape",
        "col_days_since_last": "Jours depuis le dernier achat",
        "file_stages": "cycle_de_vie_etapes",
        "file_stage_customers": "cycle_de_vie_fiches",
        # attrition
        "attrition_title": "Signaux d'attrition",
        "att_drop": "Baisse du CA qui alerte",
        "att_drop_help": "CA des 12 derniers mois inférieur à celui des 12 mois précédents d'au moins ce pourcentage.",
        "att_days": "Réclamation répétée en moins de (jours)",
        "att_days_help": (
            "Deux réclamations à moins de ce nombre de jours d'écart (sur les 12 derniers "
            "mois) : le client devient « sensible »."
        ),
        "att_factor": "Retard de commande (× délai habituel)",
        "att_factor_help": (
            "Alerte si le client n'a pas commandé depuis plus de ce multiple de son délai "
            "habituel entre deux achats (médiane, au moins 3 commandes)."
        ),
        "att_kpi_falling": "CA en baisse",
        "att_kpi_complaints": "Réclamations répétées",
        "att_kpi_overdue": "Commande en retard",
        "att_read_falling": (
            "{n} clients ont un CA 12 mois en baisse de plus de {drop} % : {money} de moins "
            "qu'un an plus tôt."
        ),
        "att_read_falling_one": (
            "{n} client a un CA 12 mois en baisse de plus de {drop} % : {money} de moins "
            "qu'un an plus tôt."
        ),
        "att_read_complaints": "{n} clients ont réclamé deux fois en moins de {days} jours.",
        "att_read_complaints_one": "{n} client a réclamé deux fois en moins de {days} jours.",
        "att_no_contacts": (
            "Il faut la table Contacts avec une colonne réclamation (page Données)."
        ),
        "att_read_overdue": (
            "{n} clients n'ont pas commandé depuis plus de {factor} fois leur délai habituel."
        ),
        "att_read_overdue_one": (
            "{n} client n'a pas commandé depuis plus de {factor} fois son délai habituel."
        ),
        "col_revenue_change": "Évolution du CA",
        "col_falling": "CA en baisse",
        "col_complaints": "Réclamations (12 mois)",
        "col_repeated": "Réclamation répétée",
        "col_usual_gap": "Délai habituel (jours)",
        "col_overdue": "Commande en retard",
        "col_n_flags": "Signaux",
        "file_attrition": "signaux_attrition",
        # engagement
        "eng_intro": (
            "Familles de produits adoptées et abandonnées : qui élargit ses achats chez vous, "
            "qui les resserre ? Comparaison de la dernière période avec la précédente."
        ),
        "eng_no_family": (
            "Il faut une colonne famille de produits dans les ventes (page Données)."
        ),
        "eng_period": "Longueur de chaque période",
        "eng_empty": "Aucun achat sur les deux dernières périodes.",
        "eng_widening": "Élargissent",
        "eng_narrowing": "Resserrent",
        "eng_stable": "Stables",
        "eng_all": "Tous",
        "eng_read_widening": (
            "{n} clients ({share}) achètent plus de familles sur les {months} derniers mois "
            "qu'avant : terrain pour la fidélisation."
        ),
        "eng_read_narrowing": (
            "{n} clients ({share}) ont abandonné plus de familles qu'ils n'en ont adopté : "
            "signal d'attrition à traiter."
        ),
        "eng_read_stable": "{n} clients ({share}) gardent le même équilibre.",
        "read_engagement_gain": (
            "La famille qui gagne le plus d'acheteurs (adoptions moins abandons) est "
            "{family} (+{n})."
        ),
        "read_engagement_loss": "Celle qui en perd le plus est {family} (−{n}).",
        "eng_filter": "Afficher",
        "col_families_prev": "Familles (période précédente, {months} mois)",
        "col_families_now": "Familles (derniers {months} mois)",
        "col_adopted": "Adoptées",
        "col_dropped": "Abandonnées",
        "col_adopted_families": "Familles adoptées",
        "col_dropped_families": "Familles abandonnées",
        "col_trend": "Tendance",
        "file_engagement": "engagement_familles",
    },
    "en": {
        "title": "RFM & lifecycle",
        "intro": (
            "Who are your best customers, who is slipping away, who is lost? Recency, "
            "Frequency, Monetary scores at {as_of}, named segments with the recommended "
            "action, migration between two dates, lifecycle and attrition signals."
        ),
        "tab_scores": "RFM scores and grid",
        "tab_migration": "Migration",
        "tab_lifecycle": "Lifecycle and attrition",
        "tab_engagement": "Engagement",
        "method_label": "Scoring",
        "method_help": (
            "Quintiles: 5 groups of equal size (5 = best). Terciles: 3 groups. Thresholds: "
            "your own cut points, as in textbook exercises (point grid). Ties always get "
            "the same score."
        ),
        "method_quintiles": "Quintiles (1 to 5)",
        "method_terciles": "Terciles (1 to 3)",
        "method_thresholds": "Custom thresholds (1 to 5)",
        "window_label": "Period for F and M",
        "window_help": (
            "Frequency (number of orders) and monetary value are counted over this period "
            "before the reference date; recency uses the whole history."
        ),
        "window_months": "{n} months",
        "window_all": "Whole history",
        "monetary_label": "Monetary value",
        "monetary_help": "Net total of the period (credit notes deducted) or average per order.",
        "monetary_sum": "Total",
        "monetary_mean": "Average per order",
        "thresholds_help": (
            "Four increasing cut points per criterion, separated by semicolons. Recency in "
            "days (\"30\": 30 days or less = score 5), frequency in orders, monetary in euros "
            "(a value equal to a cut goes to the better class)."
        ),
        "cuts_R": "Recency cuts (days)",
        "cuts_F": "Frequency cuts (orders)",
        "cuts_M": "Monetary cuts (€)",
        "bad_cuts": "Cannot read the {crit} cuts: \"{text}\". Write numbers separated by \";\".",
        "bad_cuts_count": (
            "{crit} cuts: exactly 4 increasing numbers are needed (\"{text}\")."
        ),
        "crit_R": "recency",
        "crit_F": "frequency",
        "crit_M": "monetary",
        "error": "Cannot compute: {error}",
        "no_customers": "No customer bought anything before the reference date.",
        "note_few_values": (
            "{crit} score: only {n} distinct values for {bins} scores, so only the scores "
            "{used} are used (ties are never split)."
        ),
        "note_few_values_one": (
            "{crit} score: a single value for {bins} scores, so only the score {used} is "
            "used (ties are never split)."
        ),
        "note_uneven": (
            "{crit} score: {n} customers ({share}) share the same value and all get score "
            "{score}, so the groups are not of equal size."
        ),
        "note_no_purchase": "{n} records without any purchase (prospects) are not scored.",
        "note_no_purchase_one": "1 record without any purchase (a prospect) is not scored.",
        "map_title": "Segment map (editable)",
        "map_help": (
            "Each R × F cell (on a 1 to 5 scale) belongs to one segment. Change a cell's "
            "segment, rename a segment or its action: scores and tables follow."
        ),
        "map_reset": "Back to the default map",
        "map_invalid": "Segment map not applied: {error}",
        "col_key": "Code",
        "grid_title": "Recency × frequency grid",
        "read_scores": (
            "Of {n} scored customers, your valuable customers ({valuable}) number "
            "{n_valuable} ({share_valuable}) and bring {money_valuable} of the monetary "
            "value. {n_risk} customers at risk or that you can't lose stand for {money_risk} "
            "to win back."
        ),
        "grid_caption": (
            "Each cell: number of customers (large) and segment; the colour gives the mean "
            "monetary value of the cell. Scores 1 to {bins}, {bins} = best."
        ),
        "axis_R": "Recency (score)",
        "axis_F": "Frequency (score)",
        "cell_label": "Customers of one grid cell",
        "cell_all": "All customers ({n})",
        "cell_option": "R{r} · F{f} — {segment} ({n} customers)",
        "cell_option_one": "R{r} · F{f} — {segment} ({n} customer)",
        "read_cell": (
            "{n} customers in this cell ({segment}), mean monetary value {mean}. Recommended "
            "action: {action}."
        ),
        "read_cell_one": (
            "{n} customer in this cell ({segment}), mean monetary value {mean}. Recommended "
            "action: {action}."
        ),
        "segments_title": "Segments and recommended actions",
        "read_segments": (
            "The heaviest segment is \"{segment}\": {n} customers ({share}) for {money} of "
            "the monetary value."
        ),
        "bounds_title": "What the scores mean",
        "col_customers": "Customers",
        "col_share": "Share of customers",
        "col_share_records": "Share of records",
        "col_segment": "Segment",
        "col_action": "Recommended action",
        "col_code": "RFM code",
        "col_total": "RFM total",
        "col_monetary_sum": "Amount in the period",
        "col_monetary_avg": "Average per order",
        "col_monetary_mean": "Mean monetary value",
        "col_monetary_total": "Total monetary value",
        "col_monetary_share": "Share of monetary value",
        "col_recency_mean": "Mean recency (days)",
        "col_frequency_mean": "Mean frequency",
        "col_criterion": "Criterion",
        "col_score": "Score",
        "col_min": "Min. value",
        "col_max": "Max. value",
        "file_customers": "rfm_customers",
        "file_segments": "rfm_segments",
        "file_bounds": "rfm_scores_meaning",
        "mig_settings": (
            "Same settings as the scores tab: {method}, period {window}, monetary value "
            "{monetary}."
        ),
        "mig_months": "Compare with the situation",
        "months_ago": "{n} months ago",
        "mig_months_help": "Segments are computed again at this earlier date, with the same rules.",
        "mig_empty": "No customer had bought anything by {before}: nothing to compare.",
        "read_migration": (
            "Between {before} and {after}, {fell} customers left the valuable segments "
            "({valuable}); they weighed {money} over the period. {up} customers moved up, "
            "{down} moved down, {same} stayed in their segment and {new} are new customers."
        ),
        "mig_before": "Segment at {date}",
        "mig_after": "Segment at {date}",
        "mig_new_row": "Not yet a customer",
        "mig_gone_col": "No longer scored",
        "mig_chart_caption": (
            "Left: segments at the earlier date; right: today. The width of each band is the "
            "number of customers who made that move."
        ),
        "mig_list_title": "Who moved? (valuable customers lost first)",
        "mig_only_changes": "Only customers who changed segment",
        "mig_matrix_title": "Transition matrix",
        "mig_matrix_caption": (
            "Rows: segment at the earlier date; columns: segment today. Each row adds up to "
            "the head-count of the starting segment."
        ),
        "mig_matrix_corner": "Before \\ After",
        "move_down": "Down",
        "move_up": "Up",
        "move_same": "Same",
        "move_new": "New customer",
        "move_gone": "Gone",
        "col_move": "Move",
        "col_fell": "Left a valuable segment",
        "col_monetary_before": "Amount before",
        "col_monetary_after": "Amount after",
        "file_migration": "rfm_migration",
        "file_matrix": "rfm_transition_matrix",
        "life_intro": (
            "Suspect → prospect (cold, warm, hot) → customer (new, active, tepid, inactive) → "
            "lost, from the dates of the first and last purchase and the status of the "
            "customers table."
        ),
        "rules_title": "Lifecycle rules (editable)",
        "rule_new": "New if first purchase less than (days) ago",
        "rule_new_help": "A customer whose first purchase is more recent than this is \"new\".",
        "rule_active": "Active if last purchase less than (days) ago",
        "rule_active_help": "Recent last purchase: the customer is active.",
        "rule_tepid": "Tepid up to (days)",
        "rule_tepid_help": "Beyond the active threshold and up to this one: tepid customer.",
        "rule_inactive": "Inactive up to (days)",
        "rule_inactive_help": "Beyond this many days without a purchase, the customer is lost.",
        "rule_status_lost": "The \"lost\" status of the customers table wins over the dates",
        "life_no_customers": (
            "Without a customers table only buyers appear: no suspects or prospects. Add the "
            "Customers and prospects table (with a status) on the Data page."
        ),
        "life_no_status": (
            "The customers table has no status column: records without a purchase count as "
            "suspects."
        ),
        "funnel_title": "Conversion funnel",
        "read_funnel": (
            "Of {n} records, {customers} became customers ({conv}) and {active} still buy "
            "(new or active), that is {retained} of the customers."
        ),
        "funnel_conv": "{conv} of the step above",
        "funnel_caption": (
            "A snapshot at the reference date: each bar counts the records that reached at "
            "least that step."
        ),
        "level_suspect": "Suspects and beyond",
        "level_cold_prospect": "Cold prospects and beyond",
        "level_warm_prospect": "Warm prospects and beyond",
        "level_hot_prospect": "Hot prospects and beyond",
        "level_customer": "Became customers",
        "level_active_customer": "Active customers",
        "col_level": "Step",
        "col_conversion": "Conversion",
        "stages_title": "Lifecycle stages",
        "stage_label": "Records of one stage",
        "stage_all": "All records ({n})",
        "col_stage": "Stage",
        "col_days_since_last": "Days since last purchase",
        "file_stages": "lifecycle_stages",
        "file_stage_customers": "lifecycle_records",
        "attrition_title": "Attrition signals",
        "att_drop": "Revenue drop that raises a flag",
        "att_drop_help": "Revenue of the last 12 months below the 12 before by at least this percentage.",
        "att_days": "Complaint repeated within (days)",
        "att_days_help": (
            "Two complaints less than this many days apart (in the last 12 months): the "
            "customer becomes \"sensitive\"."
        ),
        "att_factor": "Order overdue (× usual interval)",
        "att_factor_help": (
            "Flag when the customer has not ordered for more than this multiple of their "
            "usual time between purchases (median, at least 3 orders)."
        ),
        "att_kpi_falling": "Falling revenue",
        "att_kpi_complaints": "Repeated complaints",
        "att_kpi_overdue": "Order overdue",
        "att_read_falling": (
            "{n} customers have 12-month revenue down by more than {drop}%: {money} less "
            "than a year earlier."
        ),
        "att_read_falling_one": (
            "{n} customer has 12-month revenue down by more than {drop}%: {money} less "
            "than a year earlier."
        ),
        "att_read_complaints": "{n} customers complained twice within {days} days.",
        "att_read_complaints_one": "{n} customer complained twice within {days} days.",
        "att_no_contacts": "Needs the Contacts table with a complaint column (Data page).",
        "att_read_overdue": (
            "{n} customers have not ordered for more than {factor} times their usual interval."
        ),
        "att_read_overdue_one": (
            "{n} customer has not ordered for more than {factor} times their usual interval."
        ),
        "col_revenue_change": "Revenue change",
        "col_falling": "Falling revenue",
        "col_complaints": "Complaints (12 months)",
        "col_repeated": "Repeated complaint",
        "col_usual_gap": "Usual interval (days)",
        "col_overdue": "Order overdue",
        "col_n_flags": "Flags",
        "file_attrition": "attrition_signals",
        "eng_intro": (
            "Product families adopted and dropped: who is widening their purchases with you, "
            "who is narrowing them? The last period compared with the one before."
        ),
        "eng_no_family": "Needs a product family column in the sales lines (Data page).",
        "eng_period": "Length of each period",
        "eng_empty": "No purchase in the last two periods.",
        "eng_widening": "Widening",
        "eng_narrowing": "Narrowing",
        "eng_stable": "Stable",
        "eng_all": "All",
        "eng_read_widening": (
            "{n} customers ({share}) buy more families in the last {months} months than "
            "before: ground for loyalty."
        ),
        "eng_read_narrowing": (
            "{n} customers ({share}) dropped more families than they adopted: an attrition "
            "signal to act on."
        ),
        "eng_read_stable": "{n} customers ({share}) keep the same balance.",
        "read_engagement_gain": (
            "The family gaining the most buyers (adoptions minus drops) is {family} (+{n})."
        ),
        "read_engagement_loss": "The one losing the most is {family} (−{n}).",
        "eng_filter": "Show",
        "col_families_prev": "Families (previous period, {months} months)",
        "col_families_now": "Families (last {months} months)",
        "col_adopted": "Adopted",
        "col_dropped": "Dropped",
        "col_adopted_families": "Families adopted",
        "col_dropped_families": "Families dropped",
        "col_trend": "Trend",
        "file_engagement": "engagement_families",
    },
}
