"""Texts of the Routes page (pages/routes.py)."""

TEXTS = {
    "fr": {
        "title": "Tournées",
        "intro": (
            "Quels clients voir, quel jour et dans quel ordre, depuis la base du commercial et "
            "dans ses horaires : les visites les plus prioritaires (classe, retard de visite, "
            "potentiel) sont retenues tant que le temps le permet, les visites obligatoires "
            "d'abord. Distances à vol d'oiseau × facteur de détour, aucune donnée n'est "
            "envoyée sur Internet."
        ),
        "no_location": (
            "Le fichier clients n'a ni code postal, ni ville, ni coordonnées : impossible de "
            "placer les clients. Ajoutez une de ces colonnes dans la page Données."
        ),
        "rep_label": "Commercial",
        "rep_help": "Les clients de ce commercial sont les candidats ; sa base est le point de départ.",
        "all_customers": "Tous les clients",
        "base_median": "centre de ses clients",
        "base_line": "Départ et retour : {base} ({lat}, {lon}) — modifiable dans « Autres réglages ».",
        "dates_label": "Période",
        "dates_help": "De 1 jour à {days} jours ; seuls les jours ouvrés (lundi-vendredi) sont planifiés.",
        "day_start": "Départ le matin",
        "day_end": "Retour au plus tard",
        "lunch_min": "Pause déjeuner (min)",
        "lunch_help": "Prise au premier moment libre après l'heure du déjeuner.",
        "mandatory_label": "Visites obligatoires",
        "mandatory_help": (
            "Une visite obligatoire est toujours planifiée, ou la page explique pourquoi elle "
            "ne peut pas l'être."
        ),
        "rule_overdue_a": "Clients A en retard de visite",
        "rule_none": "Aucune",
        "overdue_days": "Retard minimal (jours)",
        "overdue_days_help": "Un client A est obligatoire quand sa visite a plus de ce retard sur la norme.",
        "max_cands": "Candidats (les plus prioritaires)",
        "max_cands_help": "Nombre maximal de clients proposés au calcul, par priorité décroissante.",
        "budget": "Temps de calcul",
        "budget_help": "Plus de temps donne parfois un peu plus de visites ou moins de km.",
        "budget_2": "rapide (2 s)",
        "budget_5": "soigné (5 s)",
        "budget_10": "approfondi (10 s)",
        "more_settings": "Autres réglages : durées de visite, vitesse, coûts, base, créneaux",
        "visit_minutes_caption": "Durée d'une visite (minutes) selon la classe du client :",
        "seg_A": "Classe A",
        "seg_B": "Classe B",
        "seg_C": "Classe C",
        "seg_hot_prospect": "Prospect chaud",
        "seg_warm_prospect": "Prospect tiède",
        "seg_cold_prospect": "Prospect froid",
        "seg_suspect": "Suspect",
        "seg_lost": "Client perdu",
        "seg_default": "Autre",
        "lunch_start": "Heure du déjeuner",
        "speed": "Vitesse moyenne (km/h)",
        "speed_help": "Vitesse moyenne porte à porte, ralentissements compris.",
        "detour": "Facteur de détour",
        "detour_help": "Km par la route / km à vol d'oiseau (1,3 en moyenne en France).",
        "cost_km": "Coût par km (€)",
        "cost_km_help": "Carburant, entretien, amortissement du véhicule.",
        "cost_h": "Coût horaire (€)",
        "cost_h_help": "Coût chargé d'une heure du commercial.",
        "base_lat": "Base : latitude",
        "base_lon": "Base : longitude",
        "base_help": "Point de départ et de retour des journées (domicile ou agence).",
        "tw_caption": (
            "Créneaux horaires (facultatif) : la visite doit commencer entre l'heure de début "
            "et l'heure de fin, au format HH:MM."
        ),
        "tw_start": "Début du créneau",
        "tw_end": "Fin du créneau",
        "compute": "Calculer les tournées",
        "computing": "Calcul des tournées…",
        "pick_two_dates": "Choisissez le premier et le dernier jour de la période.",
        "too_many_days": "La période couvre au plus {days} jours : raccourcissez-la.",
        "no_candidates": (
            "Aucun client à visiter pour ce commercial (aucune priorité) : vérifiez les "
            "normes de visite dans la page Charge et plans d'action."
        ),
        "capped": "Les {n} clients les plus prioritaires sur {total} sont candidats.",
        "bad_settings": "Réglages inutilisables : {error}",
        "issue_too_far": (
            "Visite obligatoire impossible : {customer} ({name}) demande {need} de route et "
            "de visite pour {available} disponibles dans une journée. Prévoyez un "
            "déplacement à part ou allongez la journée."
        ),
        "issue_outside_hours": (
            "Visite obligatoire impossible : le créneau {window} de {customer} ({name}) est "
            "hors des horaires de travail."
        ),
        "issue_not_planned": (
            "Visites obligatoires non planifiées : {count} sur {mandatory}, faute de place "
            "dans {days} : ces visites demandent à elles seules {need} sur place, plus la route, "
            "pour {day} de travail par jour. Ajoutez des jours, raccourcissez les visites ou "
            "relevez le retard minimal. Non planifiées : {customers}."
        ),
        "issue_mandatory_no_xy": (
            "Visite obligatoire impossible : {customer} ({name}) n'a pas de coordonnées. "
            "Corrigez son adresse dans la page Données."
        ),
        "issue_no_xy": (
            "Laissés de côté, sans coordonnées : {count} (adresse ou code postal manquant "
            "ou inconnu) : {customers}."
        ),
        "issue_empty_plan": (
            "Aucune visite possible avec ces réglages : tous les candidats sont trop loin ou "
            "hors des horaires."
        ),
        "issue_no_candidates": "Aucun candidat avec des coordonnées à planifier.",
        "issue_free_days": (
            "Sans visite : {count} ; toutes les visites utiles tiennent en moins de jours."
        ),
        "m_visits": "Visites planifiées",
        "m_visits_help": "Parmi {n}.",
        "m_km": "Kilomètres",
        "m_km_help": "Écart avec les mêmes visites dans l'ordre des codes postaux.",
        "m_drive": "Temps de route",
        "m_drive_help": "Total de la période, à la vitesse moyenne choisie.",
        "m_cost": "Coût des tournées",
        "m_cost_help": "km × {km} + heures travaillées (route, attente, visites) × {hour}.",
        "reading": (
            "Sur {days}, {visits} ({priority} points de priorité, dont "
            "{mandatory}) pour {km} km et {drive} de route. Dans l'ordre des "
            "codes postaux, les mêmes visites demanderaient {naive} km : l'ordre proposé "
            "économise {saved} km et {hours} de route, soit {money}."
        ),
        "map_caption": (
            "Une couleur par jour ; les numéros donnent l'ordre des visites, le cercle noir est "
            "la base, les points gris les candidats non retenus. Fond sans tuiles : le "
            "quadrillage suit les degrés de latitude et de longitude."
        ),
        "days_title": "Journée par journée",
        "order_suggested": "Ordre proposé",
        "order_naive": "Ordre des codes postaux",
        "col_day": "Jour",
        "col_visits": "Visites",
        "col_priority": "Priorité",
        "col_start": "Début",
        "col_end": "Fin",
        "col_km": "Km",
        "col_drive_h": "Route (h)",
        "col_visit_h": "Visites (h)",
        "col_cost": "Coût",
        "col_naive_km": "Km ordre CP",
        "col_km_saved": "Km économisés",
        "col_hours_saved": "Heures économisées",
        "col_map": "Itinéraire",
        "open_map": "Ouvrir dans Google Maps",
        "open_map_part": "Itinéraire, partie {part}/{parts}",
        "day_pick": "Détail du jour",
        "kind_start": "Départ de la base",
        "kind_end": "Retour à la base",
        "kind_lunch": "Pause déjeuner",
        "col_time": "Heure",
        "col_what": "Étape",
        "col_customer": "Client",
        "col_segment": "Classe",
        "col_city": "Ville",
        "col_drive_km": "Km depuis l'étape précédente",
        "col_drive_min": "Route (min)",
        "col_wait_min": "Attente (min)",
        "col_visit_min": "Visite (min)",
        "col_name": "Raison sociale",
        "col_mandatory": "Obligatoire",
        "col_postal_code": "Code postal",
        "col_arrival": "Arrivée",
        "col_departure": "Départ",
        "col_reason": "Motif",
        "export_title": "Exporter le planning",
        "download_ics": "Agenda (.ics)",
        "ics_help": "Un rendez-vous par visite, à importer dans Outlook, Google Agenda ou Thunderbird.",
        "ics_visit": "Visite",
        "file_days": "tournees_jours",
        "file_day": "tournee_{day}",
        "file_visits": "tournees_{rep}",
        "file_unvisited": "clients_non_visites",
        "left_title": "Clients non retenus",
        "left_reading": (
            "Non planifiés : {n} ; {time} faute de temps sur la période (priorité pas plus "
            "haute que celle des visites retenues), {far_time} plus prioritaires mais au détour "
            "trop long pour le temps disponible, {xy} faute de coordonnées, {far} trop loin pour une journée ou "
            "hors horaires."
        ),
        "reason_far_for_time": (
            "détour trop long pour le temps disponible : {need} de plus (route et visite), "
            "à {km} km"
        ),
        "col_base_km": "Distance de la base (km)",
        "col_need_min": "Temps en plus (min)",
        "col_latitude": "Latitude",
        "col_longitude": "Longitude",
        "n_day_one": "{n} jour",
        "n_day_other": "{n} jours",
        "n_visit_one": "{n} visite",
        "n_visit_other": "{n} visites",
        "n_mandatory_one": "{n} obligatoire",
        "n_mandatory_other": "{n} obligatoires",
        "n_customer_one": "{n} client",
        "n_customer_other": "{n} clients",
        "n_candidate_one": "{n} candidat",
        "n_candidate_other": "{n} candidats",
        "reason_no_time": "pas assez de temps sur la période",
        "reason_no_coordinates": "pas de coordonnées",
        "reason_too_far": "trop loin pour une journée",
        "reason_outside_hours": "créneau hors des horaires",
        "method_caption": (
            "Méthode : tournées de véhicules avec gains (PyVRP), une tournée par jour ; puis "
            "un client non retenu prend la place de visites moins prioritaires quand il y "
            "tient et que le carré de sa priorité dépasse la somme des leurs (un client à 100 "
            "passe avant deux à 58) ; puis amélioration 2-opt / Or-opt de chaque journée. "
            "Distances estimées (vol d'oiseau × "
            "détour), sans trafic : prévoyez une marge."
        ),
        "wd_0": "lun.",
        "wd_1": "mar.",
        "wd_2": "mer.",
        "wd_3": "jeu.",
        "wd_4": "ven.",
        "wd_5": "sam.",
        "wd_6": "dim.",
    },
    "en": {
        "title": "Routes",
        "intro": (
            "Which customers to see, on which day and in what order, from the rep's base and "
            "within the working hours: the visits with the highest priority (class, overdue "
            "visit, potential) are kept while time allows, mandatory visits first. "
            "Straight-line distances × a detour factor; no data is sent over the Internet."
        ),
        "no_location": (
            "The customers table has no postal code, city or coordinates: customers cannot "
            "be placed. Add one of these columns on the Data page."
        ),
        "rep_label": "Sales rep",
        "rep_help": "This rep's customers are the candidates; the rep's base is the starting point.",
        "all_customers": "All customers",
        "base_median": "centre of the rep's customers",
        "base_line": "Start and return: {base} ({lat}, {lon}) — change it in \"More settings\".",
        "dates_label": "Period",
        "dates_help": "1 to {days} days; only working days (Monday-Friday) are planned.",
        "day_start": "Leave in the morning",
        "day_end": "Back at the latest",
        "lunch_min": "Lunch break (min)",
        "lunch_help": "Taken at the first free moment after lunch time.",
        "mandatory_label": "Mandatory visits",
        "mandatory_help": (
            "A mandatory visit is always planned, or the page explains why it cannot be."
        ),
        "rule_overdue_a": "Overdue class A customers",
        "rule_none": "None",
        "overdue_days": "Minimum delay (days)",
        "overdue_days_help": "A class A customer is mandatory when its visit is this late on the norm.",
        "max_cands": "Candidates (highest priority)",
        "max_cands_help": "Largest number of customers offered to the solver, by decreasing priority.",
        "budget": "Computing time",
        "budget_help": "More time sometimes gives a few more visits or fewer km.",
        "budget_2": "quick (2 s)",
        "budget_5": "careful (5 s)",
        "budget_10": "thorough (10 s)",
        "more_settings": "More settings: visit durations, speed, costs, base, time windows",
        "visit_minutes_caption": "Length of a visit (minutes) by customer class:",
        "seg_A": "Class A",
        "seg_B": "Class B",
        "seg_C": "Class C",
        "seg_hot_prospect": "Hot prospect",
        "seg_warm_prospect": "Warm prospect",
        "seg_cold_prospect": "Cold prospect",
        "seg_suspect": "Suspect",
        "seg_lost": "Lost customer",
        "seg_default": "Other",
        "lunch_start": "Lunch time",
        "speed": "Average speed (km/h)",
        "speed_help": "Door-to-door average speed, slow-downs included.",
        "detour": "Detour factor",
        "detour_help": "Road km / straight-line km (1.3 on average in France).",
        "cost_km": "Cost per km (€)",
        "cost_km_help": "Fuel, maintenance, depreciation of the car.",
        "cost_h": "Hourly cost (€)",
        "cost_h_help": "Loaded cost of one hour of the rep's time.",
        "base_lat": "Base: latitude",
        "base_lon": "Base: longitude",
        "base_help": "Where the days start and end (home or branch office).",
        "tw_caption": (
            "Time windows (optional): the visit must start between the start and the end "
            "time, written HH:MM."
        ),
        "tw_start": "Window start",
        "tw_end": "Window end",
        "compute": "Compute the routes",
        "computing": "Computing the routes…",
        "pick_two_dates": "Pick the first and the last day of the period.",
        "too_many_days": "The period covers at most {days} days: shorten it.",
        "no_candidates": (
            "No customer to visit for this rep (no priority): check the visit norms on the "
            "Workload and action plans page."
        ),
        "capped": "The {n} customers with the highest priority out of {total} are candidates.",
        "bad_settings": "These settings cannot be used: {error}",
        "issue_too_far": (
            "Mandatory visit impossible: {customer} ({name}) needs {need} of driving and "
            "visit, and a working day has {available}. Plan a separate trip or lengthen the "
            "day."
        ),
        "issue_outside_hours": (
            "Mandatory visit impossible: the time window {window} of {customer} ({name}) is "
            "outside the working hours."
        ),
        "issue_not_planned": (
            "Mandatory visits not planned: {count} of {mandatory}, for lack of room in {days}: "
            "these visits alone need {need} on site, plus driving, and a day has {day} of "
            "work. Add days, shorten visits or raise the minimum delay. Not planned: "
            "{customers}."
        ),
        "issue_mandatory_no_xy": (
            "Mandatory visit impossible: {customer} ({name}) has no coordinates. Fix its "
            "address on the Data page."
        ),
        "issue_no_xy": (
            "Left out for lack of coordinates: {count} (address or postal code missing or "
            "unknown): {customers}."
        ),
        "issue_empty_plan": (
            "No visit is possible with these settings: every candidate is too far or outside "
            "the hours."
        ),
        "issue_no_candidates": "No candidate with coordinates to plan.",
        "issue_free_days": "Free of visits: {count}; all useful visits fit in fewer days.",
        "m_visits": "Planned visits",
        "m_visits_help": "Out of {n}.",
        "m_km": "Kilometres",
        "m_km_help": "Difference with the same visits in postal-code order.",
        "m_drive": "Driving time",
        "m_drive_help": "Whole period, at the chosen average speed.",
        "m_cost": "Cost of the routes",
        "m_cost_help": "km × {km} + hours worked (driving, waiting, visits) × {hour}.",
        "reading": (
            "Over {days}, {visits} ({priority} priority points, {mandatory}) for {km} km and "
            "{drive} of driving. In postal-code order the "
            "same visits would need {naive} km: the suggested order saves {saved} km and "
            "{hours} of driving, that is {money}."
        ),
        "map_caption": (
            "One colour per day; numbers give the order of the visits, the black ring is the "
            "base, grey dots the candidates left out. No map tiles: the grid follows degrees "
            "of latitude and longitude."
        ),
        "days_title": "Day by day",
        "order_suggested": "Suggested order",
        "order_naive": "Postal-code order",
        "col_day": "Day",
        "col_visits": "Visits",
        "col_priority": "Priority",
        "col_start": "Start",
        "col_end": "End",
        "col_km": "Km",
        "col_drive_h": "Driving (h)",
        "col_visit_h": "Visits (h)",
        "col_cost": "Cost",
        "col_naive_km": "Km postal-code order",
        "col_km_saved": "Km saved",
        "col_hours_saved": "Hours saved",
        "col_map": "Itinerary",
        "open_map": "Open in Google Maps",
        "open_map_part": "Itinerary, part {part}/{parts}",
        "day_pick": "Day detail",
        "kind_start": "Leave the base",
        "kind_end": "Back at the base",
        "kind_lunch": "Lunch break",
        "col_time": "Time",
        "col_what": "Stop",
        "col_customer": "Customer",
        "col_segment": "Class",
        "col_city": "City",
        "col_drive_km": "Km from the previous stop",
        "col_drive_min": "Driving (min)",
        "col_wait_min": "Waiting (min)",
        "col_visit_min": "Visit (min)",
        "col_name": "Company name",
        "col_mandatory": "Mandatory",
        "col_postal_code": "Postal code",
        "col_arrival": "Arrival",
        "col_departure": "Departure",
        "col_reason": "Reason",
        "export_title": "Export the schedule",
        "download_ics": "Calendar (.ics)",
        "ics_help": "One appointment per visit, to import into Outlook, Google Calendar or Thunderbird.",
        "ics_visit": "Visit",
        "file_days": "routes_days",
        "file_day": "route_{day}",
        "file_visits": "routes_{rep}",
        "file_unvisited": "customers_not_visited",
        "left_title": "Customers left out",
        "left_reading": (
            "Not planned: {n}; {time} for lack of time in the period (priority no higher "
            "than the visits planned), {far_time} with a higher priority but too long a detour "
            "for the time available, {xy} for lack of coordinates, {far} too far for one day or outside the "
            "hours."
        ),
        "reason_far_for_time": (
            "too long a detour for the time available: {need} more (driving and visit), "
            "{km} km away"
        ),
        "col_base_km": "Distance from the base (km)",
        "col_need_min": "Extra time (min)",
        "col_latitude": "Latitude",
        "col_longitude": "Longitude",
        "n_day_one": "{n} day",
        "n_day_other": "{n} days",
        "n_visit_one": "{n} visit",
        "n_visit_other": "{n} visits",
        "n_mandatory_one": "{n} of them mandatory",
        "n_mandatory_other": "{n} of them mandatory",
        "n_customer_one": "{n} customer",
        "n_customer_other": "{n} customers",
        "n_candidate_one": "{n} candidate",
        "n_candidate_other": "{n} candidates",
        "reason_no_time": "not enough time in the period",
        "reason_no_coordinates": "no coordinates",
        "reason_too_far": "too far for one day",
        "reason_outside_hours": "time window outside the hours",
        "method_caption": (
            "Method: prize-collecting vehicle routing (PyVRP), one route per day; then a "
            "customer left out takes the place of lower-priority visits when it fits there "
            "and the square of its priority exceeds the sum of theirs (one customer at 100 "
            "comes before two at 58); then a 2-opt / Or-opt improvement of each day. "
            "Estimated distances (straight line × "
            "detour), no traffic: keep a margin."
        ),
        "wd_0": "Mon",
        "wd_1": "Tue",
        "wd_2": "Wed",
        "wd_3": "Thu",
        "wd_4": "Fri",
        "wd_5": "Sat",
        "wd_6": "Sun",
    },
}
