"""Texts of the Workload and action plans page (pages/plans.py)."""

TEXTS = {
    "fr": {
        "title": "Charge et plans d'action",
        "intro": (
            "Combien de visites vos normes demandent, qui est en retard de visite au {as_of}, "
            "combien de commerciaux il faut pour tenir le rythme, et ce que rapporterait un "
            "plan de contacts par segment : budget, commandes attendues, marge et retour sur "
            "investissement, jusqu'au calendrier des relances d'une campagne."
        ),
        "no_contacts": (
            "Pas d'historique des contacts : la date de la dernière visite est inconnue, tous "
            "les clients sont comptés « jamais visités ». Importez la table Contacts dans la "
            "page Données."
        ),
        "norms_title": "Normes de visite (modifiables)",
        "norms_caption": (
            "Visites par an et durée d'une visite selon la classe ABC (clients) ou la "
            "température (prospects). Modifiez une valeur : la charge et les retards se "
            "recalculent (simulation)."
        ),
        "col_segment": "Segment",
        "col_visits_per_year": "Visites par an",
        "col_visits_per_year_help": "12 = mensuelle, 4 = trimestrielle, 2 = semestrielle, 0 = pas de visite.",
        "col_visit_min": "Durée d'une visite (min)",
        "tab_needs": "Besoins de visite",
        "tab_workload": "Charge de travail",
        "tab_plan": "Plan de contacts",
        "tab_campaign": "Campagne et relances",
        "status_overdue": "En retard",
        "status_due": "À voir sous 14 jours",
        "status_never": "Jamais visités",
        "status_ok": "À jour",
        "status_no_norm": "Sans norme de visite",
        "status_overdue_help": "La dernière visite est plus ancienne que l'intervalle de la norme.",
        "status_due_help": "La prochaine visite tombe dans les 14 jours.",
        "status_never_help": "Aucune visite dans l'historique des contacts.",
        "status_ok_help": "Visités dans l'intervalle de la norme.",
        "status_no_norm_help": (
            "Norme de 0 visite par an (suspects, clients perdus) : ni en retard ni à jour."
        ),
        "n_rep_one": "{n} commercial",
        "n_rep_other": "{n} commerciaux",
        "needs_reading": (
            "Comptes avec une norme de visite : {with_norm} sur {customers} ; en retard : "
            "{overdue} (dont {a} de classe A), jamais visités : {never}. Sans norme de visite "
            "(suspects, perdus), non comptés ci-dessus : {no_norm}. La priorité (0 à 100) combine la classe, le "
            "retard, le potentiel et le risque d'attrition quand il est connu."
        ),
        "needs_top": "Le plus prioritaire : {name}, {days} jours de retard, priorité {priority}.",
        "needs_filter": "Afficher",
        "all": "Tous",
        "col_customer": "Client",
        "col_name": "Raison sociale",
        "col_rep": "Commercial",
        "col_city": "Ville",
        "col_last_visit": "Dernière visite",
        "col_next_due": "Prochaine visite due",
        "col_days_overdue": "Jours de retard",
        "col_status": "Situation",
        "col_priority": "Priorité",
        "col_customers": "Clients",
        "file_needs": "besoins_de_visite",
        "travel_mode": "Temps de trajet par visite",
        "travel_estimated": "estimé d'après les adresses",
        "travel_fixed": "fixé",
        "travel_help": (
            "Estimé : pour chaque commercial, aller-retour depuis sa base réparti sur 6 visites "
            "par jour plus la distance moyenne au client voisin (vol d'oiseau × 1,3, 60 km/h)."
        ),
        "travel_fixed_min": "Trajet fixé (min par visite)",
        "travel_estimates": "Trajet estimé par visite : {values} (moyenne pondérée {mean} min).",
        "travel_unavailable": "Pas de coordonnées ni de commerciaux : le trajet fixé est utilisé.",
        "hours_day": "Heures de terrain par jour",
        "work_days": "Jours travaillés par an",
        "work_days_help": "218 jours = forfait jours d'un cadre en France.",
        "field_share": "Part du temps sur le terrain",
        "field_share_help": "Le reste : administratif, réunions, formation, prospection téléphonique.",
        "reps_available": "Commerciaux disponibles",
        "m_visits": "Visites par an",
        "m_hours": "Heures par an",
        "m_days": "Jours de terrain par an",
        "m_days_help": "Heures / {hours} h de terrain par jour.",
        "m_reps": "Commerciaux nécessaires",
        "m_reps_help": "Jours de terrain / {field} jours de terrain par commercial et par an.",
        "load_reading": (
            "Les normes demandent {visits} visites par an, soit {hours} heures ou {days} jours "
            "de terrain : il faut {reps} à {field} jours de terrain chacun. "
            "Avec {available}, la charge est de {load} de la capacité."
        ),
        "load_reading_over": (
            "Les normes demandent {visits} visites par an, soit {hours} heures ou {days} jours "
            "de terrain : il faut {reps} à {field} jours de terrain chacun. "
            "Avec {available}, la charge atteint {load} de la capacité : espacez les visites "
            "des petits clients (téléphone, e-mail) ou renforcez l'équipe."
        ),
        "col_visits": "Visites",
        "col_travel_min": "Trajet par visite (min)",
        "col_hours": "Heures",
        "col_days": "Jours",
        "file_workload": "charge_de_travail",
        "reps_title": "Charge de chaque commercial",
        "col_load": "Charge (% de la capacité)",
        "col_capacity": "Jours de terrain disponibles",
        "no_rep": "(sans commercial)",
        "reps_reading": (
            "Le plus chargé : {rep}, {load} de sa capacité ({days} jours de visites pour "
            "{capacity} disponibles). Au-delà de 100 % : {over} ; rééquilibrez les secteurs "
            "dans la page Carte et territoires."
        ),
        "file_reps": "charge_par_commercial",
        "segmentation": "Segmentation",
        "segmentation_help": "Les segments qui reçoivent chacun leur dosage de contacts.",
        "seg_kind_visit": "Classe ABC et prospects",
        "seg_kind_abc": "Classes ABC",
        "seg_kind_rfm": "Segments RFM",
        "seg_kind_pr": "Quadrants P-R",
        "channels_caption": (
            "Canaux : coût unitaire (mesuré sur l'historique des contacts quand il existe) et "
            "taux de réponse attendu (part des contacts qui mènent à une commande)."
        ),
        "col_channel": "Canal",
        "col_unit_cost": "Coût unitaire",
        "col_response": "Taux de réponse",
        "col_response_help": "Part des contacts de ce canal qui aboutissent à une commande.",
        "ch_visit": "Visite",
        "ch_phone": "Téléphone",
        "ch_email": "E-mail",
        "ch_mailing": "Publipostage",
        "ch_event": "Événement",
        "ch_sms": "SMS",
        "mix_caption": (
            "Dosage : nombre de contacts par client et par canal pendant la campagne, et marge "
            "d'une commande obtenue."
        ),
        "bad_plan": "Plan inutilisable : {error}",
        "m_budget": "Budget",
        "m_orders": "Commandes attendues",
        "m_margin": "Marge attendue",
        "m_roi": "Retour sur investissement",
        "m_roi_help": "(marge attendue − budget) / budget.",
        "plan_reading": (
            "Le plan touche {customers} comptes pour {cost} et devrait apporter {orders} "
            "commandes, soit {margin} de marge : un retour de {roi}. Meilleur rendement : "
            "{best} ({best_roi}) ; le plus faible : {worst} ({worst_roi}). Une commande "
            "attendue = au moins une réponse, les contacts agissant indépendamment."
        ),
        "col_cost": "Budget",
        "col_margin": "Marge attendue",
        "col_amount": "Montant",
        "col_cost_per_customer": "Budget par client",
        "col_orders": "Commandes attendues",
        "col_margin_per_order": "Marge par commande",
        "col_margin_per_order_help": (
            "Marge moyenne d'une commande du segment sur 12 mois (moyenne du portefeuille pour "
            "les segments sans commande, comme les prospects) ; modifiable."
        ),
        "col_net": "Gain net",
        "col_roi": "Retour sur investissement",
        "total": "Total",
        "file_plan": "plan_de_contacts",
        "detail_title": "Détail par segment et canal",
        "col_per_customer": "Contacts par client",
        "col_contacts": "Contacts",
        "col_responses": "Réponses attendues",
        "file_plan_detail": "plan_de_contacts_detail",
        "campaign_intro": (
            "Calendrier des relances d'une campagne autour d'un événement (salon, portes "
            "ouvertes, lancement) pour les segments choisis : une ligne par client et par "
            "action, à exporter vers votre outil d'e-mailing ou votre agenda."
        ),
        "targets": "Segments ciblés",
        "event_date": "Date de l'événement (J)",
        "avoid_weekends": "Éviter les week-ends",
        "col_offset": "Jour (J±n)",
        "col_offset_help": "Nombre de jours avant (négatif) ou après (positif) l'événement.",
        "col_action": "Action",
        "action_invitation": "Invitation par e-mail",
        "action_reminder": "Relance par e-mail",
        "action_confirmation_call": "Appel de confirmation",
        "action_sms_reminder": "Rappel par SMS la veille",
        "action_thank_you": "Remerciement",
        "no_targets": "Choisissez au moins un segment et une action.",
        "campaign_reading": (
            "{touches} actions pour {customers} clients, du {first} au {last} ; budget {cost} "
            "aux coûts unitaires des canaux."
        ),
        "col_date": "Date",
        "col_touches": "Actions",
        "col_email": "E-mail",
        "col_phone": "Téléphone",
        "col_step": "Étape",
        "file_touches": "campagne_{date}",
    },
    "en": {
        "title": "Workload and action plans",
        "intro": (
            "How many visits your norms ask for, who is overdue for a visit on {as_of}, how "
            "many reps it takes to keep the pace, and what a contact plan per segment would "
            "bring: budget, expected orders, margin and return on investment, down to the "
            "dated touches of a campaign."
        ),
        "no_contacts": (
            "No contact history: the last visit is unknown and every customer counts as "
            "\"never visited\". Import the Contacts table on the Data page."
        ),
        "norms_title": "Visit norms (editable)",
        "norms_caption": (
            "Visits per year and length of a visit by ABC class (customers) or temperature "
            "(prospects). Change a value: workload and delays are recomputed (what-if)."
        ),
        "col_segment": "Segment",
        "col_visits_per_year": "Visits per year",
        "col_visits_per_year_help": "12 = monthly, 4 = quarterly, 2 = twice a year, 0 = no visit.",
        "col_visit_min": "Visit length (min)",
        "tab_needs": "Visit needs",
        "tab_workload": "Workload",
        "tab_plan": "Contact plan",
        "tab_campaign": "Campaign and follow-ups",
        "status_overdue": "Overdue",
        "status_due": "Due within 14 days",
        "status_never": "Never visited",
        "status_ok": "On schedule",
        "status_no_norm": "No visit norm",
        "status_overdue_help": "The last visit is older than the norm's interval.",
        "status_due_help": "The next visit falls within 14 days.",
        "status_never_help": "No visit in the contact history.",
        "status_ok_help": "Visited within the norm's interval.",
        "status_no_norm_help": (
            "A norm of 0 visits a year (suspects, lost customers): neither overdue nor on "
            "schedule."
        ),
        "n_rep_one": "{n} rep",
        "n_rep_other": "{n} reps",
        "needs_reading": (
            "Accounts with a visit norm: {with_norm} of {customers}; overdue: {overdue} ({a} "
            "of them class A), never visited: {never}. Without a visit norm (suspects, lost), "
            "not counted above: {no_norm}. The priority (0 to 100) combines the class, the "
            "delay, the potential and the churn risk when it is known."
        ),
        "needs_top": "Highest priority: {name}, {days} days overdue, priority {priority}.",
        "needs_filter": "Show",
        "all": "All",
        "col_customer": "Customer",
        "col_name": "Company name",
        "col_rep": "Sales rep",
        "col_city": "City",
        "col_last_visit": "Last visit",
        "col_next_due": "Next visit due",
        "col_days_overdue": "Days overdue",
        "col_status": "Situation",
        "col_priority": "Priority",
        "col_customers": "Customers",
        "file_needs": "visit_needs",
        "travel_mode": "Travel time per visit",
        "travel_estimated": "estimated from addresses",
        "travel_fixed": "fixed",
        "travel_help": (
            "Estimated: for each rep, the round trip from the base spread over 6 visits a day "
            "plus the mean distance to the nearest customer (straight line × 1.3, 60 km/h)."
        ),
        "travel_fixed_min": "Fixed travel (min per visit)",
        "travel_estimates": "Estimated travel per visit: {values} (weighted mean {mean} min).",
        "travel_unavailable": "No coordinates or reps: the fixed travel time is used.",
        "hours_day": "Field hours per day",
        "work_days": "Working days per year",
        "work_days_help": "218 days = the French \"forfait jours\" of an executive.",
        "field_share": "Share of time in the field",
        "field_share_help": "The rest: paperwork, meetings, training, phone prospecting.",
        "reps_available": "Reps available",
        "m_visits": "Visits per year",
        "m_hours": "Hours per year",
        "m_days": "Field days per year",
        "m_days_help": "Hours / {hours} field hours per day.",
        "m_reps": "Reps needed",
        "m_reps_help": "Field days / {field} field days per rep and year.",
        "load_reading": (
            "The norms ask for {visits} visits a year, {hours} hours or {days} field days: it "
            "takes {reps} at {field} field days each. With {available}, the load is "
            "{load} of capacity."
        ),
        "load_reading_over": (
            "The norms ask for {visits} visits a year, {hours} hours or {days} field days: it "
            "takes {reps} at {field} field days each. With {available}, the load "
            "reaches {load} of capacity: space out visits to small accounts (phone, e-mail) "
            "or strengthen the team."
        ),
        "col_visits": "Visits",
        "col_travel_min": "Travel per visit (min)",
        "col_hours": "Hours",
        "col_days": "Days",
        "file_workload": "workload",
        "reps_title": "Each rep's load",
        "col_load": "Load (% of capacity)",
        "col_capacity": "Field days available",
        "no_rep": "(no rep)",
        "reps_reading": (
            "Most loaded: {rep}, {load} of capacity ({days} days of visits for {capacity} "
            "available). Above 100 %: {over}; rebalance the territories on the Map and "
            "territories page."
        ),
        "file_reps": "load_per_rep",
        "segmentation": "Segmentation",
        "segmentation_help": "The segments that each get their own contact mix.",
        "seg_kind_visit": "ABC class and prospects",
        "seg_kind_abc": "ABC classes",
        "seg_kind_rfm": "RFM segments",
        "seg_kind_pr": "P-R quadrants",
        "channels_caption": (
            "Channels: unit cost (measured on the contact history when there is one) and "
            "expected response rate (share of contacts that lead to an order)."
        ),
        "col_channel": "Channel",
        "col_unit_cost": "Unit cost",
        "col_response": "Response rate",
        "col_response_help": "Share of this channel's contacts that end in an order.",
        "ch_visit": "Visit",
        "ch_phone": "Phone",
        "ch_email": "E-mail",
        "ch_mailing": "Mailing",
        "ch_event": "Event",
        "ch_sms": "SMS",
        "mix_caption": (
            "Mix: number of contacts per customer and channel during the campaign, and the "
            "margin of an order won."
        ),
        "bad_plan": "This plan cannot be used: {error}",
        "m_budget": "Budget",
        "m_orders": "Expected orders",
        "m_margin": "Expected margin",
        "m_roi": "Return on investment",
        "m_roi_help": "(expected margin − budget) / budget.",
        "plan_reading": (
            "The plan reaches {customers} accounts for {cost} and should bring {orders} orders, "
            "{margin} of margin: a return of {roi}. Best return: {best} ({best_roi}); lowest: "
            "{worst} ({worst_roi}). An expected order = at least one response, contacts "
            "acting independently."
        ),
        "col_cost": "Budget",
        "col_margin": "Expected margin",
        "col_amount": "Amount",
        "col_cost_per_customer": "Budget per customer",
        "col_orders": "Expected orders",
        "col_margin_per_order": "Margin per order",
        "col_margin_per_order_help": (
            "Mean margin of an order of the segment over 12 months (portfolio mean for "
            "segments without orders, such as prospects); editable."
        ),
        "col_net": "Net gain",
        "col_roi": "Return on investment",
        "total": "Total",
        "file_plan": "contact_plan",
        "detail_title": "Detail by segment and channel",
        "col_per_customer": "Contacts per customer",
        "col_contacts": "Contacts",
        "col_responses": "Expected responses",
        "file_plan_detail": "contact_plan_detail",
        "campaign_intro": (
            "The follow-up calendar of a campaign around an event (trade show, open day, "
            "launch) for the chosen segments: one row per customer and action, to export to "
            "your e-mailing tool or calendar."
        ),
        "targets": "Target segments",
        "event_date": "Event date (D)",
        "avoid_weekends": "Avoid weekends",
        "col_offset": "Day (D±n)",
        "col_offset_help": "Days before (negative) or after (positive) the event.",
        "col_action": "Action",
        "action_invitation": "E-mail invitation",
        "action_reminder": "E-mail reminder",
        "action_confirmation_call": "Confirmation call",
        "action_sms_reminder": "SMS reminder the day before",
        "action_thank_you": "Thank-you",
        "no_targets": "Choose at least one segment and one action.",
        "campaign_reading": (
            "{touches} actions for {customers} customers, from {first} to {last}; budget "
            "{cost} at the channels' unit costs."
        ),
        "col_date": "Date",
        "col_touches": "Actions",
        "col_email": "E-mail",
        "col_phone": "Phone",
        "col_step": "Step",
        "file_touches": "campaign_{date}",
    },
}
