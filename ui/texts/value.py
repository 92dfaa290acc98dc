"""Texts of the Value & profitability page (pages/value.py)."""

TEXTS = {
    "fr": {
        "title": "Valeur et rentabilité",
        "intro": (
            "Ce que vaut chaque client et ce qu'il rapporte vraiment, au {as_of} : valeur vie "
            "client (CLV) et capital client, compte d'exploitation client, dévoreurs de "
            "contacts, coût d'acquisition et pénétration du potentiel."
        ),
        "no_sales_12m": (
            "Aucun client n'a acheté dans les 12 mois précédant la date de référence : "
            "choisissez une date plus récente dans la barre latérale."
        ),
        "discount_label": "Taux d'actualisation annuel",
        "discount_help": (
            "Un euro gagné dans un an vaut moins qu'un euro aujourd'hui : les marges futures "
            "sont divisées par (1 + taux) chaque année. 8 à 12 % est courant (coût du capital)."
        ),
        "margin_from_data": (
            "Taux de marge des 12 derniers mois, tiré des ventes : **{rate}** (utilisé pour "
            "la CLV probabiliste et les lignes sans marge)."
        ),
        "margin_rate_label": "Taux de marge (les ventes n'ont pas de colonne marge)",
        "margin_rate_help": "Marge / CA HT, appliqué au chiffre d'affaires pour estimer la marge.",
        "tab_clv": "Valeur vie client",
        "tab_bgnbd": "CLV probabiliste",
        "tab_pnl": "Compte d'exploitation client",
        "tab_devourers": "Dévoreurs de contacts",
        "tab_acquisition": "Acquisition",
        "tab_penetration": "Potentiel et pénétration",
        # simple CLV
        "clv_title": "Valeur vie client et capital client",
        "clv_caption": (
            "CLV = m × r / (1 + d − r) : m la marge annuelle du client (12 derniers mois), "
            "r le taux de rétention, d le taux d'actualisation. Capital client = somme des "
            "CLV des clients actifs."
        ),
        "retention_unmeasured": (
            "Moins de deux ans de ventes : la rétention ne peut pas être mesurée, saisissez-la."
        ),
        "retention_per_class": "Rétention par classe ABC",
        "retention_per_class_help": (
            "Chaque classe (A, B, C selon le CA des 12 mois précédents) garde sa propre "
            "rétention mesurée : les gros clients sont souvent plus fidèles."
        ),
        "retention_label": "Taux de rétention annuel",
        "retention_help": (
            "Part des clients actifs l'an dernier qui achètent encore cette année. Par "
            "défaut : la valeur mesurée sur vos ventes."
        ),
        "horizon_label": "Horizon",
        "horizon_none": "Sans limite",
        "horizon_years": "{n} ans",
        "horizon_help": "Nombre d'années de marge comptées (sans limite : la formule fermée).",
        "retention_estimated": (
            "Rétention mesurée sur vos ventes : **{rate}** des clients actifs il y a un an "
            "ont encore acheté dans les 12 derniers mois."
        ),
        "file_retention": "retention_par_classe",
        "whatif_label": "Et si la rétention gagnait… (points)",
        "whatif_help": (
            "Le cas d'école « 5 % de clients perdus en moins » : de combien le capital client "
            "augmente-t-il ?"
        ),
        "retention_by_class_short": "par classe",
        "retention_by_class_plus": "par classe + {points} pt",
        "kpi_equity": "Capital client",
        "read_equity": "Somme des valeurs vie des {n} clients actifs : {value}.",
        "help_equity": "Ce que vaut votre portefeuille : la marge future actualisée attendue.",
        "kpi_mean_clv": "CLV moyenne",
        "read_mean_clv": (
            "Un client actif dégage en moyenne {margin} de marge par an et vaut {clv} sur "
            "sa vie restante."
        ),
        "kpi_retention": "Rétention utilisée",
        "read_retention": "Un client reste en moyenne {lifetime} ans (1 / (1 − r)).",
        "read_retention_classes": "Rétention par classe : {classes}.",
        "kpi_whatif": "Capital après la simulation",
        "read_whatif": (
            "Avec {points} de rétention en plus ({before} → {after}), le capital "
            "client varie de {change} ({gain})."
        ),
        "points": "{n} points",
        "points_one": "{n} point",
        "read_equity_class": (
            "La classe {cls} ({n} clients, {share_n} des clients actifs) porte {share} du "
            "capital client : c'est elle qu'il faut fidéliser en priorité."
        ),
        "file_clv": "valeur_vie_client",
        # probabilistic CLV
        "bg_title": "CLV probabiliste (BG/NBD et Gamma-Gamma)",
        "bg_caption": (
            "Pour des achats sans contrat, le modèle BG/NBD estime combien de fois chaque "
            "client rachètera et la probabilité qu'il soit encore actif ; le modèle "
            "Gamma-Gamma estime son panier. Ajustés par maximum de vraisemblance sur "
            "l'historique (fréquence, récence, ancienneté), en semaines."
        ),
        "bg_horizon_label": "Horizon de la prévision (mois)",
        "bg_horizon_help": "Nombre de mois de marge future comptés dans la CLV.",
        "bg_holdout_label": "Période de contrôle",
        "bg_holdout_help": (
            "Le modèle est réajusté sans ces derniers mois, puis ses prévisions sont "
            "comparées à ce qui s'est réellement passé."
        ),
        "months": "{n} mois",
        "bg_fitting": "Ajustement des modèles…",
        "bg_error": "Les modèles n'ont pas pu être ajustés sur ce portefeuille : {error}",
        "kpi_bg_purchases": "Achats attendus",
        "read_bg_purchases": (
            "Sur les {months} prochains mois, le modèle attend {n} achats, soit {per} par "
            "client."
        ),
        "kpi_bg_alive": "Clients probablement actifs",
        "read_bg_alive": (
            "{share} des clients ont plus d'une chance sur deux d'être encore actifs ; "
            "{n} sont probablement partis."
        ),
        "kpi_bg_spend": "Panier moyen attendu",
        "read_bg_spend": "Montant moyen attendu d'un achat futur, tous clients : {value}.",
        "kpi_bg_equity": "Capital client (modèle)",
        "read_bg_equity": (
            "Marge actualisée attendue sur {months} mois : {value} (taux de marge {rate})."
        ),
        "read_bg_params": (
            "Lecture des paramètres : un client actif achète en moyenne {per_year} fois par "
            "an, et après chaque achat il a {drop} de risque de partir pour de bon. "
            "BG/NBD : r = {r}, α = {alpha} (semaines), a = {a}, b = {b} ; Gamma-Gamma : "
            "p = {p}, q = {q}, v = {v}."
        ),
        "cal_title": "Contrôle : prévu contre réalisé",
        "cal_unavailable": (
            "Le contrôle n'est pas possible : pas assez d'historique avant la période de "
            "contrôle (il faut des clients ayant racheté)."
        ),
        "cal_group": "Achats répétés avant la période de contrôle",
        "cal_purchases": "Achats moyens pendant le contrôle",
        "cal_actual": "Réalisé",
        "cal_predicted": "Prévu par le modèle",
        "read_calibration": (
            "Ajusté sur les ventes jusqu'au {start}, le modèle prévoyait {predicted} achats "
            "pendant les {months} mois suivants ; il y en a eu {actual} (écart {gap})."
        ),
        "file_bg": "clv_probabiliste",
        "bg_method_title": "Méthode et références",
        "bg_method": (
            "- Un achat = un jour où le client a un montant net positif. Fréquence x = "
            "achats répétés (hors premier), récence t_x = semaines entre le premier et le "
            "dernier achat, ancienneté T = semaines entre le premier achat et la date de "
            "référence.\n"
            "- BG/NBD (Fader, Hardie & Lee, 2005) : tant qu'il est actif, le client achète "
            "au rythme λ ~ Gamma(r, α) ; après chaque achat il part avec la probabilité "
            "p ~ Beta(a, b). P(actif) = 1 / (1 + a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x)).\n"
            "- Gamma-Gamma : panier moyen attendu = p (v + x m_x) / (p x + q − 1).\n"
            "- CLV = Σ sur les mois de marge × panier × achats attendus du mois / "
            "(1 + d)^(mois / 12).\n"
            "- Sur les données de référence CDNOW, l'ajustement retrouve les valeurs "
            "publiées : r = 0,243, α = 4,414, a = 0,793, b = 2,426."
        ),
        # client P&L
        "pnl_title": "Compte d'exploitation client",
        "pnl_caption": (
            "CA − coût d'achat des marchandises = marge brute ; − remises − coût des "
            "contacts − logistique − coût du crédit (CA TTC × délai × taux / 360) = marge "
            "commerciale nette, par client."
        ),
        "costs_title": "Hypothèses de coûts",
        "period_label": "Période",
        "rebate_label": "Remises de fin d'année (% du CA)",
        "rebate_help": "Ristournes et remises accordées après facturation, en % du CA HT.",
        "logistics_label": "Coût logistique par commande (€)",
        "logistics_help": "Préparation, transport et facturation d'une commande.",
        "credit_rate_label": "Taux de financement (% par an)",
        "credit_rate_help": (
            "Coût de l'argent immobilisé pendant le délai de paiement du client "
            "(découvert, escompte)."
        ),
        "pay_days_label": "Délai de paiement par défaut (jours)",
        "pay_days_help": "Utilisé pour les clients sans délai de paiement dans le fichier clients.",
        "vat_label": "Taux de TVA (%)",
        "costing_label": "Coût des contacts",
        "costing_channel": "Par canal (ou coût saisi sur le contact)",
        "costing_unit": "Coût unitaire = coût de la force de vente / nombre de contacts",
        "costing_help": (
            "Prix de revient d'un contact : soit un coût par canal (une visite coûte bien "
            "plus qu'un e-mail), soit le coût annuel de la force de vente divisé par le "
            "nombre de contacts de l'année."
        ),
        "channel_visit": "Visite",
        "channel_phone": "Téléphone",
        "channel_email": "E-mail",
        "channel_mailing": "Publipostage",
        "channel_trade_show": "Salon",
        "channel_video": "Visioconférence",
        "channel_sms": "SMS",
        "channel_other": "Autre",
        "force_cost_label": "Coût annuel de la force de vente (€)",
        "force_cost_help": "Salaires chargés, frais de déplacement, véhicules, outils.",
        "n_contacts_label": "Contacts par an",
        "n_contacts_help": "Par défaut : le nombre de contacts des 12 derniers mois.",
        "unit_cost_label": "Coût d'un contact",
        "use_recorded_label": "Utiliser le coût saisi sur chaque contact quand il existe",
        "use_recorded_help": "Sinon, chaque contact coûte le montant de son canal ci-dessous.",
        "pnl_empty": "Aucune vente sur la période choisie.",
        "no_contacts_pnl": (
            "Pas de table des contacts : le coût des contacts est compté à zéro. Ajoutez "
            "l'historique des contacts dans la page Données."
        ),
        "kpi_revenue": "CA HT",
        "read_revenue": "Sur les {months} derniers mois, {n} clients.",
        "kpi_gross": "Marge brute",
        "read_gross": "Soit {rate} du CA.",
        "kpi_net": "Marge commerciale nette",
        "read_net": "Sur 100 € de CA, il reste {per100} une fois tous les coûts commerciaux payés.",
        "kpi_unprofitable": "Clients non rentables",
        "read_unprofitable": "{n} clients ({share}) coûtent plus qu'ils ne rapportent.",
        "read_unprofitable_one": "{n} client ({share}) coûte plus qu'il ne rapporte.",
        "step_revenue": "CA HT",
        "step_cogs": "Coût d'achat",
        "step_gross_margin": "Marge brute",
        "step_discounts": "Remises",
        "step_contact_cost": "Contacts",
        "step_logistics_cost": "Logistique",
        "step_credit_cost": "Crédit client",
        "step_net_margin": "Marge nette",
        "wf_customer_label": "Compte d'exploitation de",
        "wf_all": "Tout le portefeuille",
        "wf_all_short": "le portefeuille",
        "read_waterfall": (
            "Pour {who}, sur 100 € de CA : {gross} de marge brute, {net} de marge nette ; "
            "le premier poste de coût commercial est « {cost} » ({cost_value})."
        ),
        "pnl_class_title": "Par classe ABC (CA de la période)",
        "read_pnl_class": (
            "La classe {cls} est la moins rentable : {rate} de marge nette sur son CA, et "
            "{n} de ses {customers} clients sont déficitaires."
        ),
        "file_pnl_class": "compte_exploitation_par_classe",
        "least_title": "Les clients les moins rentables",
        "least_caption": (
            "Triés de la marge nette la plus faible à la plus forte ; le téléchargement "
            "contient le compte d'exploitation de tous les clients."
        ),
        "file_pnl": "compte_exploitation_clients",
        "pnl_whatif_title": "Simulation : et si les contacts ou les remises changeaient ?",
        "wi_contact_label": "Coût des contacts",
        "wi_contact_help": "Variation du coût de chaque contact (hausse des frais, télévente…).",
        "wi_discount_label": "Remises supplémentaires (points de CA)",
        "wi_discount_help": "Remises de fin d'année en plus, en points de CA HT.",
        "read_pnl_whatif": (
            "Contacts {contact} et {points} de remise en plus : la marge nette "
            "passerait de {before} à {after} ({change}) ; {unprof} clients seraient "
            "déficitaires (contre {unprof_before})."
        ),
        "file_whatif": "simulation_compte_exploitation",
        # devourers
        "dev_title": "Dévoreurs de contacts",
        "dev_caption": (
            "Un dévoreur de contacts prend une part des contacts bien plus grande que sa "
            "part de la marge. Au-dessus de la diagonale, un client reçoit plus de contacts "
            "que sa marge ne le justifie."
        ),
        "no_contacts": (
            "Cette analyse a besoin de la table des contacts (historique de la relation). "
            "Ajoutez-la dans la page Données."
        ),
        "dev_no_contacts": "Aucun contact avec les clients sur la période.",
        "dev_ratio_label": "Seuil : part des contacts ≥ … × part de la marge",
        "dev_ratio_help": (
            "Un client est signalé quand sa part des contacts dépasse la moyenne et vaut au "
            "moins ce multiple de sa part de la marge brute."
        ),
        "quadrant_devourer": "Dévoreurs",
        "quadrant_invest": "Suivi justifié",
        "quadrant_efficient": "Efficaces",
        "quadrant_low": "Petits comptes",
        "dev_quadrants": (
            "Axes en multiples du client moyen (1 = la moyenne). Dévoreurs : plus de contacts "
            "que la moyenne pour peu de marge ; suivi justifié : beaucoup de contacts et "
            "beaucoup de marge ; efficaces : forte marge avec peu de contacts ; petits "
            "comptes : peu des deux."
        ),
        "dev_x": "Marge brute (× client moyen)",
        "dev_y": "Contacts (× client moyen)",
        "dev_fair": "Contacts = marge",
        "dev_threshold": "Seuil × {ratio}",
        "read_dev_none": "Aucun client ne prend plus de {ratio} fois sa part de marge en contacts.",
        "read_dev": (
            "{n} clients ({share_n} des clients) sont des dévoreurs de contacts : ils "
            "prennent {sc} des contacts pour {sm} de la marge brute. Leurs contacts coûtent "
            "{cost} ; leur marge nette totale est de {net}. Passez-les à des canaux moins "
            "coûteux (téléphone, e-mail)."
        ),
        "read_dev_one": (
            "{n} client ({share_n} des clients) est un dévoreur de contacts : il prend {sc} "
            "des contacts pour {sm} de la marge brute. Ses contacts coûtent {cost} ; sa marge "
            "nette est de {net}. Passez-le à des canaux moins coûteux (téléphone, e-mail)."
        ),
        "file_dev": "devoreurs_de_contacts",
        # acquisition
        "acq_title": "Coût d'acquisition et retour sur investissement",
        "acq_caption": (
            "Coût de conquête = coût des contacts de prospection / nouveaux clients gagnés "
            "sur les 12 derniers mois. Chaque cohorte (clients gagnés la même année ou le "
            "même trimestre) rembourse ce coût avec sa marge cumulée."
        ),
        "kpi_prosp_cost": "Coût de la prospection",
        "read_prosp_cost": "{n} contacts avec des prospects (ou des clients avant leur 1re commande).",
        "kpi_new": "Nouveaux clients (12 mois)",
        "read_new": "{rate} des personnes prospectées sont devenues clientes.",
        "kpi_cac": "Coût d'acquisition d'un client",
        "read_cac": "Il faut en moyenne {contacts} contacts de prospection par client gagné.",
        "kpi_keep_vs_win": "Conquérir vs fidéliser",
        "read_keep_vs_win": (
            "Gagner un client coûte ce multiple du coût annuel des contacts d'un client "
            "existant ({keep})."
        ),
        "no_contacts_acq": (
            "Sans table des contacts, le coût d'acquisition ne peut pas être estimé : "
            "saisissez-le ci-dessous."
        ),
        "cac_label": "Coût d'acquisition par nouveau client (€)",
        "cac_help": (
            "Par défaut : l'estimation ci-dessus. Le coût saisi dans le fichier clients "
            "(colonne coût d'acquisition) est prioritaire quand il existe."
        ),
        "cohort_label": "Cohortes",
        "cohort_Y": "Par année",
        "cohort_Q": "Par trimestre",
        "acq_from_file": "Le coût d'acquisition du fichier clients est utilisé là où il est renseigné.",
        "acq_empty": "Aucun client à la date de référence.",
        "pay_month": "Mois depuis le premier achat",
        "pay_margin": "Marge cumulée par client",
        "read_payback": (
            "Les {n} clients gagnés en {cohort} ont remboursé leur coût d'acquisition "
            "({cost} par client) en {months} mois ; retour sur investissement à ce jour : {roi}."
        ),
        "read_payback_not_yet": (
            "Les {n} clients gagnés en {cohort} n'ont pas encore remboursé leur coût "
            "d'acquisition ({cost} par client) : {margin} de marge par client à ce jour "
            "(retour sur investissement {roi})."
        ),
        "read_payback_median": "Délai médian de remboursement des cohortes : {months} mois.",
        "file_payback": "retour_acquisition_par_cohorte",
        "acq_course": (
            "Repères du cours : conquérir un client coûte environ cinq fois plus cher que "
            "le fidéliser ; les entreprises perdent en moyenne la moitié de leurs clients "
            "en cinq ans."
        ),
        # penetration
        "pen_title": "Potentiel et taux de pénétration",
        "pen_caption": (
            "Taux de pénétration = CA réalisé chez le client / son potentiel d'achat "
            "annuel. Potentiel accessible = potentiel × part visée − CA déjà réalisé."
        ),
        "no_potential": (
            "Cette analyse a besoin du potentiel d'achat annuel des clients (colonne "
            "potentiel du fichier clients). Ajoutez-la dans la page Données."
        ),
        "target_label": "Part du potentiel réaliste à viser",
        "target_help": (
            "La part des achats d'un client que vous pouvez raisonnablement obtenir face à "
            "la concurrence ; elle fixe le potentiel accessible."
        ),
        "pen_empty": "Aucun client n'a de potentiel renseigné.",
        "kpi_potential": "Potentiel total",
        "read_potential": "Potentiel d'achat annuel de {n} clients et prospects.",
        "kpi_penetration": "Taux de pénétration",
        "read_penetration": "Vous réalisez {rev} sur un potentiel de {pot}.",
        "kpi_reachable": "Potentiel accessible",
        "read_reachable": "CA encore à gagner en visant {target} du potentiel de chaque client.",
        "kpi_concentration": "Concentration du potentiel",
        "read_concentration": (
            "Les 20 % de clients au plus fort potentiel en détiennent {share} (Gini {gini})."
        ),
        "read_pen_class": (
            "La classe de potentiel {cls} concentre {share} du potentiel accessible "
            "({value}) avec une pénétration de {pen} : c'est là que l'effort commercial "
            "rapporte le plus."
        ),
        "file_pen_class": "penetration_par_classe",
        "pen_top_title": "Les clients au plus fort potentiel accessible",
        "file_pen": "penetration_clients",
        # column labels
        "col_class": "Classe",
        "col_active_prev": "Actifs l'an dernier",
        "col_retained": "Encore actifs",
        "col_retention": "Rétention",
        "col_margin_year": "Marge annuelle",
        "col_clv": "Valeur vie client",
        "col_customers": "Clients",
        "col_customer": "Client",
        "col_share": "Part du capital",
        "col_frequency_rep": "Achats répétés",
        "col_recency_w": "Récence (semaines)",
        "col_T_w": "Ancienneté (semaines)",
        "col_monetary_value": "Panier moyen répété",
        "col_p_alive": "P(actif)",
        "col_expected_purchases": "Achats attendus",
        "col_expected_spend": "Panier attendu",
        "col_revenue": "CA HT",
        "col_cogs": "Coût d'achat",
        "col_gross_margin": "Marge brute",
        "col_discounts": "Remises",
        "col_contact_cost": "Coût des contacts",
        "col_logistics_cost": "Logistique",
        "col_credit_cost": "Coût du crédit",
        "col_net_margin": "Marge nette",
        "col_contacts": "Contacts",
        "col_orders": "Commandes",
        "col_net_margin_rate": "Taux de marge nette",
        "col_share_net_margin": "Part de la marge nette",
        "col_payment_days": "Délai de paiement (j)",
        "col_unprofitable": "Clients non rentables",
        "col_item": "Poste",
        "col_base": "Actuel",
        "col_scenario": "Simulation",
        "col_change": "Écart",
        "col_share_contacts": "Part des contacts",
        "col_share_margin": "Part de la marge",
        "col_ratio": "Contacts / marge",
        "col_contacts_index": "Contacts (× moyenne)",
        "col_margin_index": "Marge (× moyenne)",
        "col_quadrant": "Profil",
        "col_cohort": "Cohorte",
        "col_acquisition_cost": "Coût d'acquisition",
        "col_cost_per_customer": "Coût par client",
        "col_margin_to_date": "Marge cumulée",
        "col_margin_per_customer": "Marge par client",
        "col_roi": "Retour sur investissement",
        "col_payback_months": "Remboursé en (mois)",
        "col_potential_class": "Classe de potentiel",
        "col_potential": "Potentiel",
        "col_penetration": "Pénétration",
        "col_reachable": "Potentiel accessible",
        "col_untapped": "Potentiel non réalisé",
        "col_share_potential": "Part du potentiel",
        "col_share_reachable": "Part du potentiel accessible",
        "col_amount": "Montant",
        "col_step": "Poste",
        "col_channel": "Canal",
        "col_channel_cost": "Coût d'un contact",
    },
    "en": {
        "title": "Value & profitability",
        "intro": (
            "What each customer is worth and what he really brings in, at {as_of}: customer "
            "lifetime value (CLV) and customer equity, client P&L, contact devourers, "
            "acquisition cost and penetration of the potential."
        ),
        "no_sales_12m": (
            "No customer bought in the 12 months before the reference date: choose a more "
            "recent date in the sidebar."
        ),
        "discount_label": "Yearly discount rate",
        "discount_help": (
            "A euro earned in a year is worth less than a euro today: future margins are "
            "divided by (1 + rate) each year. 8 to 12 % is usual (cost of capital)."
        ),
        "margin_from_data": (
            "Margin rate of the last 12 months, from the sales: **{rate}** (used by the "
            "probabilistic CLV and for lines without a margin)."
        ),
        "margin_rate_label": "Margin rate (the sales have no margin column)",
        "margin_rate_help": "Margin / net revenue, applied to revenue to estimate the margin.",
        "tab_clv": "Lifetime value",
        "tab_bgnbd": "Probabilistic CLV",
        "tab_pnl": "Client P&L",
        "tab_devourers": "Contact devourers",
        "tab_acquisition": "Acquisition",
        "tab_penetration": "Potential & penetration",
        "clv_title": "Customer lifetime value and customer equity",
        "clv_caption": (
            "CLV = m × r / (1 + d − r): m the customer's yearly margin (last 12 months), r "
            "the retention rate, d the discount rate. Customer equity = sum of the active "
            "customers' CLV."
        ),
        "retention_unmeasured": (
            "Less than two years of sales: retention cannot be measured, enter it."
        ),
        "retention_per_class": "Retention per ABC class",
        "retention_per_class_help": (
            "Each class (A, B, C on the previous 12 months' revenue) keeps its own measured "
            "retention: large customers are often more loyal."
        ),
        "retention_label": "Yearly retention rate",
        "retention_help": (
            "Share of last year's active customers who still buy this year. Default: the "
            "value measured on your sales."
        ),
        "horizon_label": "Horizon",
        "horizon_none": "No limit",
        "horizon_years": "{n} years",
        "horizon_help": "Number of years of margin counted (no limit: the closed formula).",
        "retention_estimated": (
            "Retention measured on your sales: **{rate}** of the customers active a year ago "
            "bought again in the last 12 months."
        ),
        "file_retention": "retention_by_class",
        "whatif_label": "What if retention gained… (points)",
        "whatif_help": (
            "The textbook \"5 % less churn\" case: how much does customer equity rise?"
        ),
        "retention_by_class_short": "per class",
        "retention_by_class_plus": "per class + {points} pt",
        "kpi_equity": "Customer equity",
        "read_equity": "Sum of the lifetime values of the {n} active customers: {value}.",
        "help_equity": "What your portfolio is worth: the expected discounted future margin.",
        "kpi_mean_clv": "Average CLV",
        "read_mean_clv": (
            "An active customer brings {margin} of margin a year on average and is worth "
            "{clv} over his remaining life."
        ),
        "kpi_retention": "Retention used",
        "read_retention": "A customer stays {lifetime} years on average (1 / (1 − r)).",
        "read_retention_classes": "Retention per class: {classes}.",
        "kpi_whatif": "Equity after the what-if",
        "read_whatif": (
            "With retention up {points} ({before} → {after}), customer equity "
            "changes by {change} ({gain})."
        ),
        "points": "{n} points",
        "points_one": "{n} point",
        "read_equity_class": (
            "Class {cls} ({n} customers, {share_n} of active customers) holds {share} of "
            "customer equity: retain it first."
        ),
        "file_clv": "customer_lifetime_value",
        "bg_title": "Probabilistic CLV (BG/NBD and Gamma-Gamma)",
        "bg_caption": (
            "For buying without a contract, the BG/NBD model estimates how often each "
            "customer will buy again and the probability that he is still active; the "
            "Gamma-Gamma model estimates his basket. Fitted by maximum likelihood on the "
            "history (frequency, recency, age), in weeks."
        ),
        "bg_horizon_label": "Forecast horizon (months)",
        "bg_horizon_help": "Number of months of future margin counted in the CLV.",
        "bg_holdout_label": "Holdout period",
        "bg_holdout_help": (
            "The model is refitted without these last months, then its forecasts are "
            "compared with what actually happened."
        ),
        "months": "{n} months",
        "bg_fitting": "Fitting the models…",
        "bg_error": "The models could not be fitted on this portfolio: {error}",
        "kpi_bg_purchases": "Expected purchases",
        "read_bg_purchases": (
            "Over the next {months} months the model expects {n} purchases, {per} per "
            "customer."
        ),
        "kpi_bg_alive": "Customers probably active",
        "read_bg_alive": (
            "{share} of customers have better than even odds of still being active; {n} "
            "have probably left."
        ),
        "kpi_bg_spend": "Expected average basket",
        "read_bg_spend": "Expected mean amount of a future purchase, all customers: {value}.",
        "kpi_bg_equity": "Customer equity (model)",
        "read_bg_equity": (
            "Expected discounted margin over {months} months: {value} (margin rate {rate})."
        ),
        "read_bg_params": (
            "Reading the parameters: an active customer buys {per_year} times a year on "
            "average, and after each purchase has a {drop} risk of leaving for good. "
            "BG/NBD: r = {r}, α = {alpha} (weeks), a = {a}, b = {b}; Gamma-Gamma: p = {p}, "
            "q = {q}, v = {v}."
        ),
        "cal_title": "Check: predicted vs actual",
        "cal_unavailable": (
            "The check is not possible: not enough history before the holdout period (it "
            "needs customers who bought again)."
        ),
        "cal_group": "Repeat purchases before the holdout",
        "cal_purchases": "Mean purchases in the holdout",
        "cal_actual": "Actual",
        "cal_predicted": "Predicted by the model",
        "read_calibration": (
            "Fitted on the sales up to {start}, the model predicted {predicted} purchases "
            "in the next {months} months; there were {actual} (gap {gap})."
        ),
        "file_bg": "probabilistic_clv",
        "bg_method_title": "Method and references",
        "bg_method": (
            "- A purchase = a day on which the customer's net amount is positive. Frequency "
            "x = repeat purchases (the first excluded), recency t_x = weeks between the "
            "first and the last purchase, age T = weeks between the first purchase and the "
            "reference date.\n"
            "- BG/NBD (Fader, Hardie & Lee, 2005): while active, the customer buys at rate "
            "λ ~ Gamma(r, α); after each purchase he leaves with probability p ~ Beta(a, b). "
            "P(active) = 1 / (1 + a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x)).\n"
            "- Gamma-Gamma: expected mean basket = p (v + x m_x) / (p x + q − 1).\n"
            "- CLV = sum over the months of margin × basket × the month's expected "
            "purchases / (1 + d)^(month / 12).\n"
            "- On the CDNOW reference data the fit finds the published values: r = 0.243, "
            "α = 4.414, a = 0.793, b = 2.426."
        ),
        "pnl_title": "Client P&L",
        "pnl_caption": (
            "Revenue − cost of goods = gross margin; − discounts − contact costs − logistics "
            "− cost of credit (revenue incl. tax × days × rate / 360) = net commercial "
            "margin, per customer."
        ),
        "costs_title": "Cost assumptions",
        "period_label": "Period",
        "rebate_label": "Year-end discounts (% of revenue)",
        "rebate_help": "Rebates and discounts granted after invoicing, in % of net revenue.",
        "logistics_label": "Logistics cost per order (€)",
        "logistics_help": "Picking, shipping and invoicing one order.",
        "credit_rate_label": "Financing rate (% a year)",
        "credit_rate_help": (
            "Cost of the money tied up during the customer's payment delay (overdraft, "
            "discounting)."
        ),
        "pay_days_label": "Default payment delay (days)",
        "pay_days_help": "Used for customers without payment terms in the customers file.",
        "vat_label": "VAT rate (%)",
        "costing_label": "Cost of contacts",
        "costing_channel": "Per channel (or the cost entered on the contact)",
        "costing_unit": "Unit cost = sales-force cost / number of contacts",
        "costing_help": (
            "Cost of a contact: either a cost per channel (a visit costs far more than an "
            "e-mail), or the yearly sales-force cost divided by the year's contacts."
        ),
        "channel_visit": "Visit",
        "channel_phone": "Phone",
        "channel_email": "E-mail",
        "channel_mailing": "Direct mail",
        "channel_trade_show": "Trade show",
        "channel_video": "Video call",
        "channel_sms": "Text message",
        "channel_other": "Other",
        "force_cost_label": "Yearly sales-force cost (€)",
        "force_cost_help": "Salaries with charges, travel, vehicles, tools.",
        "n_contacts_label": "Contacts a year",
        "n_contacts_help": "Default: the number of contacts of the last 12 months.",
        "unit_cost_label": "Cost of a contact",
        "use_recorded_label": "Use the cost entered on each contact when there is one",
        "use_recorded_help": "Otherwise each contact costs its channel's amount below.",
        "pnl_empty": "No sales in the chosen period.",
        "no_contacts_pnl": (
            "No contacts table: contact costs count as zero. Add the contact history on "
            "the Data page."
        ),
        "kpi_revenue": "Net revenue",
        "read_revenue": "Over the last {months} months, {n} customers.",
        "kpi_gross": "Gross margin",
        "read_gross": "That is {rate} of revenue.",
        "kpi_net": "Net commercial margin",
        "read_net": "Out of €100 of revenue, {per100} is left once every commercial cost is paid.",
        "kpi_unprofitable": "Unprofitable customers",
        "read_unprofitable": "{n} customers ({share}) cost more than they bring in.",
        "read_unprofitable_one": "{n} customer ({share}) costs more than it brings in.",
        "step_revenue": "Revenue",
        "step_cogs": "Cost of goods",
        "step_gross_margin": "Gross margin",
        "step_discounts": "Discounts",
        "step_contact_cost": "Contacts",
        "step_logistics_cost": "Logistics",
        "step_credit_cost": "Customer credit",
        "step_net_margin": "Net margin",
        "wf_customer_label": "P&L of",
        "wf_all": "The whole portfolio",
        "wf_all_short": "the portfolio",
        "read_waterfall": (
            "For {who}, out of €100 of revenue: {gross} of gross margin, {net} of net "
            "margin; the largest commercial cost is \"{cost}\" ({cost_value})."
        ),
        "pnl_class_title": "Per ABC class (revenue of the period)",
        "read_pnl_class": (
            "Class {cls} is the least profitable: {rate} net margin on its revenue, and {n} "
            "of its {customers} customers lose money."
        ),
        "file_pnl_class": "client_pnl_by_class",
        "least_title": "The least profitable customers",
        "least_caption": (
            "Sorted from the lowest net margin up; the download holds every customer's P&L."
        ),
        "file_pnl": "client_pnl",
        "pnl_whatif_title": "What-if: contacts or discounts change",
        "wi_contact_label": "Cost of contacts",
        "wi_contact_help": "Change in the cost of every contact (rising costs, telesales…).",
        "wi_discount_label": "Extra discounts (points of revenue)",
        "wi_discount_help": "Additional year-end discounts, in points of net revenue.",
        "read_pnl_whatif": (
            "Contacts {contact} and discounts up {points}: the net margin would "
            "go from {before} to {after} ({change}); {unprof} customers would lose money "
            "(against {unprof_before})."
        ),
        "file_whatif": "client_pnl_what_if",
        "dev_title": "Contact devourers",
        "dev_caption": (
            "A contact devourer takes a far larger share of the contacts than his share of "
            "the margin. Above the diagonal, a customer gets more contacts than his margin "
            "justifies."
        ),
        "no_contacts": (
            "This analysis needs the contacts table (relationship history). Add it on the "
            "Data page."
        ),
        "dev_no_contacts": "No contact with customers in the period.",
        "dev_ratio_label": "Threshold: share of contacts ≥ … × share of margin",
        "dev_ratio_help": (
            "A customer is flagged when his share of contacts is above average and at least "
            "this multiple of his share of the gross margin."
        ),
        "quadrant_devourer": "Devourers",
        "quadrant_invest": "Justified follow-up",
        "quadrant_efficient": "Efficient",
        "quadrant_low": "Small accounts",
        "dev_quadrants": (
            "Axes in multiples of the average customer (1 = the average). Devourers: more "
            "contacts than average for little margin; justified follow-up: many contacts "
            "and much margin; efficient: high margin with few contacts; small accounts: "
            "little of both."
        ),
        "dev_x": "Gross margin (× average customer)",
        "dev_y": "Contacts (× average customer)",
        "dev_fair": "Contacts = margin",
        "dev_threshold": "Threshold × {ratio}",
        "read_dev_none": "No customer takes more than {ratio} times his margin share in contacts.",
        "read_dev": (
            "{n} customers ({share_n} of customers) are contact devourers: they take {sc} of "
            "the contacts for {sm} of the gross margin. Their contacts cost {cost}; their "
            "total net margin is {net}. Move them to cheaper channels (phone, e-mail)."
        ),
        "read_dev_one": (
            "{n} customer ({share_n} of customers) is a contact devourer: it takes {sc} of "
            "the contacts for {sm} of the gross margin. Its contacts cost {cost}; its net "
            "margin is {net}. Move it to cheaper channels (phone, e-mail)."
        ),
        "file_dev": "contact_devourers",
        "acq_title": "Acquisition cost and return on investment",
        "acq_caption": (
            "Cost of winning a customer = cost of the prospection contacts / new customers "
            "won in the last 12 months. Each cohort (customers won the same year or quarter) "
            "pays this cost back with its cumulative margin."
        ),
        "kpi_prosp_cost": "Prospection cost",
        "read_prosp_cost": "{n} contacts with prospects (or customers before their first order).",
        "kpi_new": "New customers (12 months)",
        "read_new": "{rate} of the prospects contacted became customers.",
        "kpi_cac": "Cost of winning a customer",
        "read_cac": "It takes {contacts} prospection contacts per customer won on average.",
        "kpi_keep_vs_win": "Winning vs keeping",
        "read_keep_vs_win": (
            "Winning a customer costs this multiple of the yearly contact cost of an "
            "existing customer ({keep})."
        ),
        "no_contacts_acq": (
            "Without a contacts table the acquisition cost cannot be estimated: enter it "
            "below."
        ),
        "cac_label": "Acquisition cost per new customer (€)",
        "cac_help": (
            "Default: the estimate above. The cost entered in the customers file "
            "(acquisition cost column) comes first where there is one."
        ),
        "cohort_label": "Cohorts",
        "cohort_Y": "Per year",
        "cohort_Q": "Per quarter",
        "acq_from_file": "The customers file's acquisition cost is used where it is filled.",
        "acq_empty": "No customer at the reference date.",
        "pay_month": "Months since the first purchase",
        "pay_margin": "Cumulative margin per customer",
        "read_payback": (
            "The {n} customers won in {cohort} paid back their acquisition cost ({cost} per "
            "customer) in {months} months; return on investment to date: {roi}."
        ),
        "read_payback_not_yet": (
            "The {n} customers won in {cohort} have not yet paid back their acquisition "
            "cost ({cost} per customer): {margin} of margin per customer so far (return on "
            "investment {roi})."
        ),
        "read_payback_median": "Median payback of the cohorts: {months} months.",
        "file_payback": "acquisition_payback_by_cohort",
        "acq_course": (
            "Course landmarks: winning a customer costs about five times more than keeping "
            "one; firms lose on average half of their customers every five years."
        ),
        "pen_title": "Potential and penetration rate",
        "pen_caption": (
            "Penetration rate = revenue made with the customer / his yearly purchase "
            "potential. Reachable potential = potential × target share − revenue already "
            "made."
        ),
        "no_potential": (
            "This analysis needs the customers' yearly purchase potential (potential column "
            "of the customers file). Add it on the Data page."
        ),
        "target_label": "Realistic share of the potential to aim for",
        "target_help": (
            "The share of a customer's purchases you can reasonably win against the "
            "competition; it sets the reachable potential."
        ),
        "pen_empty": "No customer has a potential filled in.",
        "kpi_potential": "Total potential",
        "read_potential": "Yearly purchase potential of {n} customers and prospects.",
        "kpi_penetration": "Penetration rate",
        "read_penetration": "You make {rev} out of a potential of {pot}.",
        "kpi_reachable": "Reachable potential",
        "read_reachable": "Revenue still to win aiming at {target} of each customer's potential.",
        "kpi_concentration": "Concentration of potential",
        "read_concentration": (
            "The 20 % of customers with the highest potential hold {share} of it (Gini {gini})."
        ),
        "read_pen_class": (
            "Potential class {cls} holds {share} of the reachable potential ({value}) with a "
            "penetration of {pen}: that is where sales effort pays most."
        ),
        "file_pen_class": "penetration_by_class",
        "pen_top_title": "Customers with the most reachable potential",
        "file_pen": "customer_penetration",
        "col_class": "Class",
        "col_active_prev": "Active last year",
        "col_retained": "Still active",
        "col_retention": "Retention",
        "col_margin_year": "Yearly margin",
        "col_clv": "Lifetime value",
        "col_customers": "Customers",
        "col_customer": "Customer",
        "col_share": "Share of equity",
        "col_frequency_rep": "Repeat purchases",
        "col_recency_w": "Recency (weeks)",
        "col_T_w": "Age (weeks)",
        "col_monetary_value": "Mean repeat basket",
        "col_p_alive": "P(active)",
        "col_expected_purchases": "Expected purchases",
        "col_expected_spend": "Expected basket",
        "col_revenue": "Net revenue",
        "col_cogs": "Cost of goods",
        "col_gross_margin": "Gross margin",
        "col_discounts": "Discounts",
        "col_contact_cost": "Contact cost",
        "col_logistics_cost": "Logistics",
        "col_credit_cost": "Cost of credit",
        "col_net_margin": "Net margin",
        "col_contacts": "Contacts",
        "col_orders": "Orders",
        "col_net_margin_rate": "Net margin rate",
        "col_share_net_margin": "Share of net margin",
        "col_payment_days": "Payment delay (days)",
        "col_unprofitable": "Unprofitable customers",
        "col_item": "Item",
        "col_base": "Current",
        "col_scenario": "What-if",
        "col_change": "Change",
        "col_share_contacts": "Share of contacts",
        "col_share_margin": "Share of margin",
        "col_ratio": "Contacts / margin",
        "col_contacts_index": "Contacts (× average)",
        "col_margin_index": "Margin (× average)",
        "col_quadrant": "Profile",
        "col_cohort": "Cohort",
        "col_acquisition_cost": "Acquisition cost",
        "col_cost_per_customer": "Cost per customer",
        "col_margin_to_date": "Cumulative margin",
        "col_margin_per_customer": "Margin per customer",
        "col_roi": "Return on investment",
        "col_payback_months": "Paid back in (months)",
        "col_potential_class": "Potential class",
        "col_potential": "Potential",
        "col_penetration": "Penetration",
        "col_reachable": "Reachable potential",
        "col_untapped": "Untapped potential",
        "col_share_potential": "Share of potential",
        "col_share_reachable": "Share of reachable potential",
        "col_amount": "Amount",
        "col_step": "Item",
        "col_channel": "Channel",
        "col_channel_cost": "Cost of a contact",
    },
}
