"""Texts of the What-if page (pages/whatif.py): credit limits, payment terms and
early-payment discount, prices, break-even point, saved scenarios."""

TEXTS = {
    "fr": {
        "title": "Simulations",
        "intro": (
            "Et si… ? Testez une décision avant de la prendre : plafonds de crédit, délais de "
            "paiement et escompte, prix, seuil de rentabilité. Enregistrez chaque scénario "
            "pour le comparer à la situation actuelle."
        ),
        "view_label": "Simulation",
        "view_limits": "Plafonds de crédit",
        "view_terms": "Délais de paiement",
        "view_price": "Prix",
        "view_breakeven": "Seuil de rentabilité",
        "view_scenarios": "Scénarios enregistrés",
        "no_receivables": (
            "Cette simulation rejoue les factures et leurs règlements : elle a besoin de la "
            "table des **créances**. La page Risque client indique les colonnes à importer."
        ),
        "go_risk": "Voir la page Risque client",
        "days": "{n} j",
        "read_was": "Avant : {value}.",
        "col_indicator": "Indicateur",
        "col_before": "Avant",
        "col_after": "Après",
        "col_change": "Écart",
        "col_value": "Valeur",
        "current": "Situation actuelle",
        "cost": "Coût",
        "saving": "Économie",
        # scenarios (save)
        "scenario_name": "Nom du scénario",
        "save": "Enregistrer",
        "saved": "Scénario « {name} » enregistré",
        # credit limits
        "limits_title": "Et si on changeait les plafonds de crédit ?",
        "limits_caption": (
            "Les commandes (factures) des 12 derniers mois sont rejouées jour après jour : une "
            "commande est bloquée si l'encours du client + son montant dépasse le nouveau "
            "plafond ; une commande bloquée n'est ni facturée ni réglée."
        ),
        "lim_mode": "Nouveaux plafonds",
        "lim_mode_factor": "Plafonds actuels × un coefficient",
        "lim_mode_global": "Un plafond pour tous",
        "lim_mode_class": "Par classe ABC",
        "lim_mode_recommended": "Plafonds recommandés",
        "lim_factor": "Coefficient sur les plafonds actuels",
        "lim_factor_help": "100 % = les plafonds actuels ; 80 % = tous réduits d'un cinquième.",
        "lim_global": "Plafond (€ TTC)",
        "lim_class": "Plafond classe {cls} (€ TTC)",
        "lim_class_caption": (
            "Classes ABC sur le CA HT des 12 derniers mois (A = les clients qui font 80 % du "
            "CA, B = les 15 % suivants, C = le reste)."
        ),
        "lim_recommended_caption": (
            "Les plafonds recommandés par la règle de la page Risque client (mois d'achats "
            "selon la classe de risque)."
        ),
        "lim_lgd": "Taux de perte en cas de défaut",
        "lim_lgd_help": (
            "La part de la créance perdue quand un client fait défaut. 45 % : valeur "
            "réglementaire bâloise (approche IRB fondation) pour une créance non garantie."
        ),
        "kpi_blocked": "Commandes bloquées",
        "read_blocked": "Sur {total} commandes, chez {customers} : {stake} de CA HT en jeu.",
        "n_customers": "{n} clients",
        "n_customers_one": "{n} client",
        "kpi_exposure": "Encours après",
        "kpi_loss": "Perte attendue",
        "help_loss": (
            "Perte attendue = Σ encours × probabilité de défaut (classe de risque) × taux de "
            "perte en cas de défaut."
        ),
        "kpi_dso_after": "DSO sur {window} mois, après",
        "help_dso": (
            "Délai moyen de recouvrement (DSO) calculé sur les {window} derniers mois (année "
            "de 360 jours). La page Risque client le calcule par défaut sur 3 mois : les deux "
            "chiffres peuvent différer."
        ),
        "partial_month": (
            "Le graphique montre les {n} mois de la fenêtre ; elle commence le {start}, en "
            "{month} : ce mois partiel n'est pas dessiné, mais ses commandes ({amount}) "
            "comptent dans les totaux."
        ),
        "axis_month": "Mois",
        "axis_orders_ttc": "Commandes TTC",
        "accepted": "Acceptées",
        "blocked": "Bloquées",
        "read_limits": (
            "Avec ces plafonds, {n} commandes sur {total} ({customers}) auraient été "
            "refusées sur 12 mois, soit {stake} de chiffre d'affaires HT. En échange, la perte "
            "attendue baisserait de {avoided}."
        ),
        "read_limits_one": (
            "Avec ces plafonds, {n} commande sur {total} ({customers}) aurait été "
            "refusée sur 12 mois, soit {stake} de chiffre d'affaires HT. En échange, la perte "
            "attendue baisserait de {avoided}."
        ),
        "read_limits_current": (
            "Vos plafonds actuels n'ont pas été appliqués : des commandes les ont dépassés."
        ),
        "read_limits_margin": (
            "La marge perdue ({margin}) vaut {ratio} fois la perte évitée : ces plafonds "
            "coûtent plus qu'ils ne protègent ; ciblez plutôt les clients les plus risqués."
        ),
        "read_limits_worth": (
            "La marge perdue ({margin}) est inférieure à la perte évitée : ces plafonds "
            "protègent plus qu'ils ne coûtent."
        ),
        "read_limits_none": (
            "Aucune commande des 12 derniers mois n'aurait été bloquée : ces plafonds ne "
            "changent rien au passé récent."
        ),
        "ind_orders": "Commandes acceptées (12 mois)",
        "ind_revenue_ttc": "CA TTC facturé (12 mois)",
        "ind_exposure": "Encours (exposition)",
        "ind_loss": "Perte attendue",
        "ind_dso": "DSO sur {window} mois (jours)",
        "limits_file": "simulation_plafonds",
        "blocked_expander": "Voir les {n} commandes bloquées et les clients concernés",
        "blocked_expander_one": "Voir la commande bloquée et le client concerné",
        "blocked_cust_file": "clients_bloques",
        "blocked_file": "commandes_bloquees",
        "col_limit": "Nouveau plafond",
        "col_n_orders": "Commandes",
        "col_n_blocked": "Bloquées",
        "col_blocked_amount": "Montant bloqué TTC",
        "col_exposure_before": "Encours avant",
        "col_exposure_after": "Encours après",
        "col_pd": "Probabilité de défaut",
        "col_expected_loss_before": "Perte attendue avant",
        "col_expected_loss_after": "Perte attendue après",
        # payment terms
        "terms_title": "Et si on changeait les délais de paiement ?",
        "terms_caption": (
            "Allonger les délais augmente le besoin en fonds de roulement (BFR) et son coût "
            "de financement ; l'escompte pour paiement comptant le réduit, mais coûte la "
            "remise accordée ; l'affacturage finance les créances contre une commission."
        ),
        "terms_base": (
            "Base : CA TTC des 12 derniers mois {revenue}, DSO actuel {dso} jours (année de "
            "360 jours)."
        ),
        "terms_base_estimated": (
            "Sans table des créances : CA TTC estimé à {revenue} (CA HT × 1,2) ; saisissez "
            "votre DSO."
        ),
        "terms_dso_input": "DSO actuel (jours)",
        "terms_no_base": "Pas de chiffre d'affaires ni de DSO : rien à simuler.",
        "terms_group_terms": "**Délais**",
        "terms_group_discount": "**Escompte pour paiement anticipé**",
        "terms_group_factoring": "**Affacturage**",
        "terms_change": "Variation du délai accordé (jours)",
        "terms_change_help": "+15 = passer de 30 à 45 jours ; les clients décalent leurs paiements d'autant.",
        "fin_rate": "Taux de financement annuel",
        "fin_rate_help": (
            "Le taux du crédit de trésorerie (découvert) qui finance l'encours. 6 % par "
            "défaut : une hypothèse, mettez le vôtre."
        ),
        "disc_rate": "Taux d'escompte",
        "disc_days": "Paiement à (jours)",
        "disc_uptake": "Part du CA qui prend l'escompte",
        "disc_uptake_help": "La part des clients (en CA) qui paieront plus tôt pour obtenir la remise.",
        "fact_share": "Part du CA affacturée",
        "fact_comm": "Commission d'affacturage",
        "fact_comm_help": "En % du CA TTC cédé : de 0,1 % à 3 % selon le volume et le risque.",
        "fact_rate": "Taux de financement du factor",
        "fact_reserve": "Retenue de garantie",
        "kpi_wcn": "BFR clients après",
        "read_wcn": "{change} de trésorerie {direction}.",
        "help_wcn": "Besoin en fonds de roulement lié aux clients = CA TTC × DSO ÷ 360.",
        "freed": "libérée",
        "tied": "immobilisée en plus",
        "kpi_net_gain": "Gain net annuel",
        "read_net_gain": "Intérêts économisés {saving} − escompte accordé {cost}.",
        "help_net_gain": "Économie de frais financiers − coût de l'escompte, sur un an.",
        "kpi_break_even": "Escompte d'équilibre",
        "read_break_even_rate": "Au-delà, l'escompte coûte plus que les {days} jours gagnés.",
        "help_break_even": "Taux d'équilibre = taux de financement × jours gagnés ÷ 360.",
        "axis_cost_year": "Montant annuel",
        "item_fin_before": "Intérêts sur l'encours — avant",
        "item_fin_after": "Intérêts sur l'encours — après",
        "item_saving": "Intérêts économisés",
        "item_discount": "Coût de l'escompte",
        "item_factoring": "Coût de l'affacturage",
        "item_factoring_bank": "Même encours financé par la banque",
        "read_terms": (
            "Le DSO passerait de {dso} à {after} jours : {wcn} de trésorerie {direction}, "
            "{interest} d'intérêts {interest_dir} par an (intérêts simples I = C × t × n / 360)."
        ),
        "read_terms_nothing": (
            "Aujourd'hui, financer {wcn} d'encours clients coûte environ {interest} d'intérêts "
            "par an. Déplacez un curseur pour simuler un autre délai, un escompte ou de "
            "l'affacturage."
        ),
        "saved_word": "économisés",
        "extra_word": "en plus",
        "read_discount": (
            "Un escompte de {rate} coûterait {cost} par an : {verdict} {net}. Il n'est "
            "rentable qu'en dessous de {be} ; pour le client, il vaut {customer} par an, "
            "à comparer à son propre coût de financement."
        ),
        "verdict_pays": "il est rentable, gain net de",
        "verdict_costs": "il coûte plus qu'il ne rapporte, perte nette de",
        "read_factoring": (
            "Affacturer {share} du CA coûterait {cost} par an ({rate} du CA cédé), soit "
            "{extra} de plus qu'un financement bancaire du même encours, mais avance environ "
            "{cash} de trésorerie et peut couvrir le risque d'impayé."
        ),
        "ind_wcn": "BFR clients",
        "ind_financing": "Intérêts sur l'encours (an)",
        "ind_discount": "Coût de l'escompte (an)",
        "ind_factoring": "Coût de l'affacturage (an)",
        "ind_total_cost": "Coût total du crédit clients (an)",
        "terms_formula": (
            "Formules : BFR = CA TTC × DSO / 360 ; intérêts = BFR × taux ; escompte = part × "
            "CA × taux d'escompte ; affacturage = commission × CA cédé + (CA cédé − retenue) "
            "× taux du factor × DSO / 360."
        ),
        "terms_file": "simulation_delais",
        "terms_default_name": "Délais et escompte",
        # prices
        "price_title": "Et si on changeait les prix ?",
        "price_caption": (
            "Une variation de prix p sur une partie du portefeuille, avec une élasticité e "
            "(variation du volume ÷ variation du prix). Les coûts unitaires ne changent pas."
        ),
        "price_by": "Appliquer par",
        "by_family": "Famille de produits",
        "by_abc_class": "Classe ABC du client",
        "by_sector": "Secteur du client",
        "by_sales_rep": "Commercial",
        "by_kind": "Type de client",
        "price_groups": "Groupes concernés",
        "price_all": "Tous les groupes",
        "price_all_lower": "tout le portefeuille",
        "price_margin_rate": "Taux de marge (pas de colonne marge)",
        "price_change": "Variation de prix",
        "price_elasticity": "Élasticité-prix",
        "price_elasticity_help": "−2 : une hausse de prix de 1 % fait baisser le volume de 2 %.",
        "price_model": "Modèle de demande",
        "model_linear": "Linéaire (manuel)",
        "model_constant": "Élasticité constante",
        "price_model_help": (
            "Linéaire : ΔQ/Q = e × p (la formule du cours). Élasticité constante : "
            "Q1/Q0 = (1 + p)^e, plus prudent pour les grandes variations."
        ),
        "elasticity_source": (
            "Élasticité par défaut −2,62 : moyenne de 1 851 élasticités-prix issues de 81 "
            "études (Bijmolt, van Heerde et Pieters, 2005, Journal of Marketing Research "
            "42(2), p. 141-156 ; Tellis, 1988, trouvait −1,76). Ce sont surtout des produits "
            "de grande consommation : en B2B, sous contrat, les clients réagissent souvent "
            "moins. Mettez votre propre valeur si vous la connaissez."
        ),
        "kpi_volume": "Volume",
        "read_volume": "Sur les groupes concernés ({share} du CA HT).",
        "kpi_revenue": "CA HT après",
        "kpi_margin": "Marge après",
        "kpi_keep": "Volume qui garde la marge",
        "read_keep_formula": "ΔQ/Q = −p / (m + p) avec m = {m}, p = {p}.",
        "help_keep": (
            "La variation de volume qui laisse la marge totale inchangée : au-delà, la "
            "décision détruit de la marge."
        ),
        "price_measure": "Afficher",
        "measure_margin": "Marge",
        "measure_revenue": "CA HT",
        "selected": "Concerné",
        "read_price_zero": "Prix inchangés : rien ne bouge. Déplacez le curseur de variation de prix.",
        "read_price": (
            "Une variation de prix de {change} sur {scope}, avec une élasticité de {e}, ferait "
            "varier le volume de {volume} et le CA de {revenue} ; la marge varierait de "
            "{margin}."
        ),
        "read_price_better": (
            "C'est mieux que le volume qui garde la marge ({keep}) : la décision crée de la "
            "marge."
        ),
        "read_price_worse": (
            "C'est moins bien que le volume qui garde la marge ({keep}) : la décision détruit "
            "de la marge."
        ),
        "read_price_loss": "La baisse dépasse la marge : chaque vente se ferait à perte.",
        "col_selected": "Concerné",
        "col_revenue_before": "CA HT avant",
        "col_revenue_after": "CA HT après",
        "col_volume_before": "Volume avant",
        "col_volume_after": "Volume après",
        "col_margin_before": "Marge avant",
        "col_margin_after": "Marge après",
        "col_margin_rate_before": "Taux de marge avant",
        "col_margin_rate_after": "Taux de marge après",
        "col_volume_to_keep_margin": "Volume qui garde la marge",
        "no_quantity": "Sans colonne quantité, le volume est un indice (100 = avant).",
        "price_file": "simulation_prix",
        "price_default_name": "Prix {change}",
        "discount_title": "**Remise : quel volume en plus pour garder la marge ?**",
        "discount_label": "Remise accordée",
        "read_discount_be": (
            "Une remise de {d} avec un taux de marge de {m} demande {need} de volume en plus "
            "pour garder la même marge (d / (m − d))."
        ),
        "read_discount_impossible": (
            "Une remise de {d} dépasse le taux de marge ({m}) : on vendrait à perte, aucun "
            "volume ne compense."
        ),
        # break-even
        "be_title": "Seuil de rentabilité",
        "be_caption": (
            "Seuil de rentabilité = coûts fixes ÷ taux de marge sur coûts variables. Le CA "
            "est celui des 12 derniers mois (HT) ; saisissez vos coûts fixes."
        ),
        "be_no_revenue": "Pas de chiffre d'affaires sur les 12 derniers mois.",
        "be_var_rate": "Coûts variables (% du CA)",
        "be_var_help": (
            "Par défaut 1 − taux de marge des ventes : achats consommés. Ajoutez les autres "
            "coûts qui suivent le CA (commissions, transport)."
        ),
        "be_fixed": "Coûts fixes annuels (€)",
        "be_fixed_help": (
            "Loyers, salaires fixes, amortissements… La valeur proposée est un exemple "
            "(70 % de la marge sur coûts variables) : mettez vos chiffres."
        ),
        "kpi_be": "Seuil de rentabilité",
        "read_be_formula": "{fixed} de coûts fixes ÷ {rate} de marge sur coûts variables.",
        "kpi_safety": "Marge de sécurité",
        "read_safety": "Indice de sécurité : {index} du CA.",
        "kpi_be_date": "Point mort",
        "read_be_date": "Atteint au {day}e jour de l'année (360 j), si les ventes sont régulières.",
        "kpi_result": "Résultat",
        "read_result": "Marge sur coûts variables {vm} − coûts fixes.",
        "axis_revenue_ht": "Chiffre d'affaires HT",
        "axis_amount": "Montant",
        "line_vm": "Marge sur coûts variables",
        "line_fixed": "Coûts fixes",
        "be_point": "Seuil",
        "be_current": "CA actuel",
        "read_be_profit": (
            "Vos coûts fixes sont couverts dès {be} de CA, soit vers le {date} pour une année "
            "commencée le {start}. Marge de sécurité {safety} : les ventes peuvent baisser de "
            "{index} avant de faire une perte."
        ),
        "read_be_loss": (
            "Le seuil est à {be} : il manque {gap} de CA ({pct} de plus) pour couvrir les coûts "
            "fixes."
        ),
        "be_revenue": "Chiffre d'affaires HT",
        "be_variable_costs": "Coûts variables",
        "be_variable_margin": "Marge sur coûts variables",
        "be_variable_margin_rate": "Taux de marge sur coûts variables",
        "be_fixed_costs": "Coûts fixes",
        "be_result": "Résultat",
        "be_break_even_revenue": "Seuil de rentabilité",
        "be_safety_margin": "Marge de sécurité",
        "be_safety_index": "Indice de sécurité",
        "be_break_even_day": "Point mort (jour, année de 360 j)",
        "be_file": "seuil_rentabilite",
        # saved scenarios
        "sc_title": "Scénarios enregistrés",
        "sc_caption": (
            "Les scénarios sont enregistrés avec le portefeuille et retrouvés à la prochaine "
            "visite. Téléchargez-les en JSON pour les partager, rechargez un fichier, ou "
            "remettez un scénario dans ses curseurs."
        ),
        "sc_upload": "Recharger un fichier de scénarios (JSON)",
        "sc_uploaded": "{n} scénarios rechargés.",
        "sc_uploaded_one": "{n} scénario rechargé.",
        "sc_bad_file": "Ce fichier n'est pas un fichier de scénarios valide : {error}",
        "sc_none": (
            "Aucun scénario enregistré : réglez une simulation puis cliquez sur "
            "« Enregistrer »."
        ),
        "sc_pick": "Scénario",
        "sc_load": "Recharger",
        "sc_delete": "Supprimer",
        "sc_download": "Télécharger les scénarios (JSON)",
        "sc_file": "comparaison_{kind}",
        "sc_dates": "Calculés à la date de référence : {dates}.",
        "kind_credit_limits": "Plafonds de crédit",
        "kind_payment_terms": "Délais de paiement",
        "kind_price": "Prix",
        "sum_n_blocked": "Commandes bloquées",
        "sum_revenue_at_stake_ht": "CA HT en jeu",
        "sum_margin_at_stake": "Marge en jeu",
        "sum_exposure_after": "Encours",
        "sum_expected_loss_after": "Perte attendue",
        "sum_dso_after": "DSO (jours)",
        "sum_wcn_after": "BFR clients",
        "sum_financing_cost_after": "Intérêts sur l'encours",
        "sum_discount_cost": "Coût de l'escompte",
        "sum_factoring_cost": "Coût de l'affacturage",
        "sum_net_gain": "Gain net",
        "sum_volume_change": "Variation du volume",
        "sum_revenue_after": "CA HT",
        "sum_margin_after": "Marge",
        "sum_margin_rate_after": "Taux de marge",
    },
    "en": {
        "title": "What-if",
        "intro": (
            "What if…? Try a decision before you take it: credit limits, payment terms and "
            "early-payment discount, prices, break-even point. Save each scenario to compare "
            "it with the current situation."
        ),
        "view_label": "Simulation",
        "view_limits": "Credit limits",
        "view_terms": "Payment terms",
        "view_price": "Prices",
        "view_breakeven": "Break-even",
        "view_scenarios": "Saved scenarios",
        "no_receivables": (
            "This simulation replays invoices and their payments: it needs the "
            "**receivables** table. The Credit risk page lists the columns to import."
        ),
        "go_risk": "Open the Credit risk page",
        "days": "{n} d",
        "read_was": "Before: {value}.",
        "col_indicator": "Indicator",
        "col_before": "Before",
        "col_after": "After",
        "col_change": "Change",
        "col_value": "Value",
        "current": "Current situation",
        "cost": "Cost",
        "saving": "Saving",
        "scenario_name": "Scenario name",
        "save": "Save",
        "saved": "Scenario \"{name}\" saved",
        "limits_title": "What if we changed the credit limits?",
        "limits_caption": (
            "The orders (invoices) of the last 12 months are replayed day by day: an order is "
            "blocked when the customer's outstanding + its amount exceeds the new limit; a "
            "blocked order is neither invoiced nor paid."
        ),
        "lim_mode": "New limits",
        "lim_mode_factor": "Current limits × a factor",
        "lim_mode_global": "One limit for all",
        "lim_mode_class": "By ABC class",
        "lim_mode_recommended": "Recommended limits",
        "lim_factor": "Factor on the current limits",
        "lim_factor_help": "100% = the current limits; 80% = all cut by a fifth.",
        "lim_global": "Limit (€ incl. tax)",
        "lim_class": "Class {cls} limit (€ incl. tax)",
        "lim_class_caption": (
            "ABC classes on net revenue of the last 12 months (A = the customers making 80% "
            "of revenue, B = the next 15%, C = the rest)."
        ),
        "lim_recommended_caption": (
            "The limits recommended by the rule of the Credit risk page (months of purchases "
            "by risk band)."
        ),
        "lim_lgd": "Loss given default",
        "lim_lgd_help": (
            "The share of a claim lost when a customer defaults. 45%: the Basel regulatory "
            "value (foundation IRB) for an unsecured claim."
        ),
        "kpi_blocked": "Orders blocked",
        "read_blocked": "Out of {total} orders, {customers}: {stake} of net revenue at stake.",
        "n_customers": "{n} customers",
        "n_customers_one": "{n} customer",
        "kpi_exposure": "Outstanding after",
        "kpi_loss": "Expected loss",
        "help_loss": (
            "Expected loss = Σ outstanding × default probability (risk band) × loss given "
            "default."
        ),
        "kpi_dso_after": "DSO over {window} months, after",
        "help_dso": (
            "Days sales outstanding (DSO) over the last {window} months (360-day year). The "
            "Credit risk page computes it over 3 months by default: the two figures may "
            "differ."
        ),
        "partial_month": (
            "The chart shows the window's {n} months; it starts on {start}, in {month}: that "
            "partial month is not drawn, but its orders ({amount}) count in the totals."
        ),
        "axis_month": "Month",
        "axis_orders_ttc": "Orders incl. tax",
        "accepted": "Accepted",
        "blocked": "Blocked",
        "read_limits": (
            "With these limits, {n} of {total} orders ({customers}) would have been "
            "refused over 12 months, {stake} of net revenue. In return, the expected loss "
            "would fall by {avoided}."
        ),
        "read_limits_one": (
            "With these limits, {n} of {total} orders ({customers}) would have been "
            "refused over 12 months, {stake} of net revenue. In return, the expected loss "
            "would fall by {avoided}."
        ),
        "read_limits_current": (
            "Your current limits were not enforced: orders went beyond them."
        ),
        "read_limits_margin": (
            "The margin given up ({margin}) is {ratio} times the loss avoided: these limits "
            "cost more than they protect; target the riskiest customers instead."
        ),
        "read_limits_worth": (
            "The margin given up ({margin}) is less than the loss avoided: these limits "
            "protect more than they cost."
        ),
        "read_limits_none": (
            "No order of the last 12 months would have been blocked: these limits change "
            "nothing in the recent past."
        ),
        "ind_orders": "Orders accepted (12 months)",
        "ind_revenue_ttc": "Revenue invoiced incl. tax (12 months)",
        "ind_exposure": "Outstanding (exposure)",
        "ind_loss": "Expected loss",
        "ind_dso": "DSO over {window} months (days)",
        "limits_file": "credit_limit_whatif",
        "blocked_expander": "See the {n} blocked orders and the customers concerned",
        "blocked_expander_one": "See the blocked order and the customer concerned",
        "blocked_cust_file": "blocked_customers",
        "blocked_file": "blocked_orders",
        "col_limit": "New limit",
        "col_n_orders": "Orders",
        "col_n_blocked": "Blocked",
        "col_blocked_amount": "Blocked amount incl. tax",
        "col_exposure_before": "Outstanding before",
        "col_exposure_after": "Outstanding after",
        "col_pd": "Default probability",
        "col_expected_loss_before": "Expected loss before",
        "col_expected_loss_after": "Expected loss after",
        "terms_title": "What if we changed the payment terms?",
        "terms_caption": (
            "Longer terms raise the working-capital need and its financing cost; an "
            "early-payment discount lowers it but costs the discount granted; factoring "
            "finances the receivables for a fee."
        ),
        "terms_base": (
            "Base: revenue incl. tax of the last 12 months {revenue}, current DSO {dso} days "
            "(360-day year)."
        ),
        "terms_base_estimated": (
            "Without a receivables table: revenue incl. tax estimated at {revenue} (net "
            "revenue × 1.2); enter your DSO."
        ),
        "terms_dso_input": "Current DSO (days)",
        "terms_no_base": "No revenue or DSO: nothing to simulate.",
        "terms_group_terms": "**Terms**",
        "terms_group_discount": "**Early-payment discount**",
        "terms_group_factoring": "**Factoring**",
        "terms_change": "Change in terms granted (days)",
        "terms_change_help": "+15 = from 30 to 45 days; customers shift their payments by as much.",
        "fin_rate": "Yearly financing rate",
        "fin_rate_help": (
            "The rate of the short-term credit (overdraft) that finances the receivables. "
            "6% by default: an assumption, enter yours."
        ),
        "disc_rate": "Discount rate",
        "disc_days": "Payment at (days)",
        "disc_uptake": "Share of revenue taking the discount",
        "disc_uptake_help": "The share of customers (by revenue) who will pay early to get it.",
        "fact_share": "Share of revenue factored",
        "fact_comm": "Factoring fee",
        "fact_comm_help": "As a % of the revenue incl. tax sold: 0.1% to 3% depending on volume and risk.",
        "fact_rate": "Factor's financing rate",
        "fact_reserve": "Reserve held back",
        "kpi_wcn": "Customer working capital after",
        "read_wcn": "{change} of cash {direction}.",
        "help_wcn": "Working-capital need from customers = revenue incl. tax × DSO ÷ 360.",
        "freed": "freed",
        "tied": "tied up",
        "kpi_net_gain": "Yearly net gain",
        "read_net_gain": "Interest saved {saving} − discount granted {cost}.",
        "help_net_gain": "Financing cost saved − cost of the discount, over a year.",
        "kpi_break_even": "Break-even discount",
        "read_break_even_rate": "Above it, the discount costs more than the {days} days gained.",
        "help_break_even": "Break-even rate = financing rate × days gained ÷ 360.",
        "axis_cost_year": "Yearly amount",
        "item_fin_before": "Interest on receivables — before",
        "item_fin_after": "Interest on receivables — after",
        "item_saving": "Interest saved",
        "item_discount": "Cost of the discount",
        "item_factoring": "Cost of factoring",
        "item_factoring_bank": "Same receivables financed by the bank",
        "read_terms": (
            "DSO would go from {dso} to {after} days: {wcn} of cash {direction}, {interest} "
            "of interest {interest_dir} a year (simple interest I = C × t × n / 360)."
        ),
        "read_terms_nothing": (
            "Today, financing {wcn} of customer receivables costs about {interest} of interest "
            "a year. Move a slider to simulate other terms, a discount or factoring."
        ),
        "saved_word": "saved",
        "extra_word": "more",
        "read_discount": (
            "A {rate} discount would cost {cost} a year: {verdict} {net}. It pays only below "
            "{be}; for the customer it is worth {customer} a year, to compare with their own "
            "cost of funds."
        ),
        "verdict_pays": "it pays for itself, a net gain of",
        "verdict_costs": "it costs more than it saves, a net loss of",
        "read_factoring": (
            "Factoring {share} of revenue would cost {cost} a year ({rate} of the revenue "
            "sold), {extra} more than bank financing of the same receivables, but advances "
            "about {cash} of cash and can cover bad debts."
        ),
        "ind_wcn": "Customer working capital",
        "ind_financing": "Interest on receivables (year)",
        "ind_discount": "Cost of the discount (year)",
        "ind_factoring": "Cost of factoring (year)",
        "ind_total_cost": "Total cost of customer credit (year)",
        "terms_formula": (
            "Formulas: working capital = revenue incl. tax × DSO / 360; interest = working "
            "capital × rate; discount = share × revenue × discount rate; factoring = fee × "
            "revenue sold + (revenue sold − reserve) × factor rate × DSO / 360."
        ),
        "terms_file": "payment_terms_whatif",
        "terms_default_name": "Terms and discount",
        "price_title": "What if we changed prices?",
        "price_caption": (
            "A price change p on part of the portfolio, with an elasticity e (volume change "
            "÷ price change). Unit costs do not change."
        ),
        "price_by": "Apply by",
        "by_family": "Product family",
        "by_abc_class": "Customer ABC class",
        "by_sector": "Customer sector",
        "by_sales_rep": "Sales rep",
        "by_kind": "Customer type",
        "price_groups": "Groups concerned",
        "price_all": "All groups",
        "price_all_lower": "the whole portfolio",
        "price_margin_rate": "Margin rate (no margin column)",
        "price_change": "Price change",
        "price_elasticity": "Price elasticity",
        "price_elasticity_help": "−2: a 1% price rise lowers volume by 2%.",
        "price_model": "Demand model",
        "model_linear": "Linear (textbook)",
        "model_constant": "Constant elasticity",
        "price_model_help": (
            "Linear: ΔQ/Q = e × p (the textbook formula). Constant elasticity: "
            "Q1/Q0 = (1 + p)^e, more prudent for large changes."
        ),
        "elasticity_source": (
            "Default elasticity −2.62: the mean of 1,851 price elasticities from 81 studies "
            "(Bijmolt, van Heerde & Pieters, 2005, Journal of Marketing Research 42(2), "
            "pp. 141-156; Tellis, 1988, found −1.76). These are mostly consumer goods: B2B "
            "customers under contract often react less. Enter your own value if you know it."
        ),
        "kpi_volume": "Volume",
        "read_volume": "On the groups concerned ({share} of net revenue).",
        "kpi_revenue": "Net revenue after",
        "kpi_margin": "Margin after",
        "kpi_keep": "Margin-neutral volume",
        "read_keep_formula": "ΔQ/Q = −p / (m + p) with m = {m}, p = {p}.",
        "help_keep": (
            "The volume change that leaves total margin unchanged: beyond it, the decision "
            "destroys margin."
        ),
        "price_measure": "Show",
        "measure_margin": "Margin",
        "measure_revenue": "Net revenue",
        "selected": "Concerned",
        "read_price_zero": "Prices unchanged: nothing moves. Move the price-change slider.",
        "read_price": (
            "A {change} price change on {scope}, with an elasticity of {e}, would change "
            "volume by {volume} and revenue by {revenue}; margin would change by {margin}."
        ),
        "read_price_better": (
            "That beats the margin-neutral volume ({keep}): the decision creates margin."
        ),
        "read_price_worse": (
            "That is worse than the margin-neutral volume ({keep}): the decision destroys "
            "margin."
        ),
        "read_price_loss": "The cut exceeds the margin: every sale would lose money.",
        "col_selected": "Concerned",
        "col_revenue_before": "Net revenue before",
        "col_revenue_after": "Net revenue after",
        "col_volume_before": "Volume before",
        "col_volume_after": "Volume after",
        "col_margin_before": "Margin before",
        "col_margin_after": "Margin after",
        "col_margin_rate_before": "Margin rate before",
        "col_margin_rate_after": "Margin rate after",
        "col_volume_to_keep_margin": "Margin-neutral volume",
        "no_quantity": "Without a quantity column, volume is an index (100 = before).",
        "price_file": "price_whatif",
        "price_default_name": "Price {change}",
        "discount_title": "**Discount: how much more volume to keep the margin?**",
        "discount_label": "Discount granted",
        "read_discount_be": (
            "A {d} discount at a {m} margin rate needs {need} more volume to keep the same "
            "margin (d / (m − d))."
        ),
        "read_discount_impossible": (
            "A {d} discount exceeds the margin rate ({m}): sales would lose money, no volume "
            "makes up for it."
        ),
        "be_title": "Break-even point",
        "be_caption": (
            "Break-even revenue = fixed costs ÷ variable-margin rate. Revenue is that of the "
            "last 12 months (net); enter your fixed costs."
        ),
        "be_no_revenue": "No revenue in the last 12 months.",
        "be_var_rate": "Variable costs (% of revenue)",
        "be_var_help": (
            "By default 1 − the sales margin rate: goods sold. Add the other costs that "
            "follow revenue (commissions, freight)."
        ),
        "be_fixed": "Yearly fixed costs (€)",
        "be_fixed_help": (
            "Rent, fixed salaries, depreciation… The value offered is an example (70% of the "
            "variable margin): enter your figures."
        ),
        "kpi_be": "Break-even revenue",
        "read_be_formula": "{fixed} of fixed costs ÷ {rate} variable-margin rate.",
        "kpi_safety": "Safety margin",
        "read_safety": "Safety index: {index} of revenue.",
        "kpi_be_date": "Break-even date",
        "read_be_date": "Reached on day {day} of the year (360 d), if sales are even.",
        "kpi_result": "Operating result",
        "read_result": "Variable margin {vm} − fixed costs.",
        "axis_revenue_ht": "Net revenue",
        "axis_amount": "Amount",
        "line_vm": "Variable margin",
        "line_fixed": "Fixed costs",
        "be_point": "Break-even",
        "be_current": "Current revenue",
        "read_be_profit": (
            "Your fixed costs are covered from {be} of revenue, around {date} for a year "
            "starting {start}. Safety margin {safety}: sales may fall by {index} before "
            "making a loss."
        ),
        "read_be_loss": (
            "Break-even is {be}: {gap} more revenue ({pct} more) is needed to cover fixed "
            "costs."
        ),
        "be_revenue": "Net revenue",
        "be_variable_costs": "Variable costs",
        "be_variable_margin": "Variable margin",
        "be_variable_margin_rate": "Variable-margin rate",
        "be_fixed_costs": "Fixed costs",
        "be_result": "Operating result",
        "be_break_even_revenue": "Break-even revenue",
        "be_safety_margin": "Safety margin",
        "be_safety_index": "Safety index",
        "be_break_even_day": "Break-even day (360-day year)",
        "be_file": "break_even",
        "sc_title": "Saved scenarios",
        "sc_caption": (
            "Scenarios are saved with the portfolio and found again on your next visit. "
            "Download them as JSON to share them, upload a file, or load a scenario back "
            "into its controls."
        ),
        "sc_upload": "Upload a scenario file (JSON)",
        "sc_uploaded": "{n} scenarios loaded.",
        "sc_uploaded_one": "{n} scenario loaded.",
        "sc_bad_file": "This is not a valid scenario file: {error}",
        "sc_none": "No scenario saved yet: set up a simulation, then click \"Save\".",
        "sc_pick": "Scenario",
        "sc_load": "Load",
        "sc_delete": "Delete",
        "sc_download": "Download the scenarios (JSON)",
        "sc_file": "comparison_{kind}",
        "sc_dates": "Computed at reference date: {dates}.",
        "kind_credit_limits": "Credit limits",
        "kind_payment_terms": "Payment terms",
        "kind_price": "Prices",
        "sum_n_blocked": "Orders blocked",
        "sum_revenue_at_stake_ht": "Net revenue at stake",
        "sum_margin_at_stake": "Margin at stake",
        "sum_exposure_after": "Outstanding",
        "sum_expected_loss_after": "Expected loss",
        "sum_dso_after": "DSO (days)",
        "sum_wcn_after": "Customer working capital",
        "sum_financing_cost_after": "Interest on receivables",
        "sum_discount_cost": "Cost of the discount",
        "sum_factoring_cost": "Cost of factoring",
        "sum_net_gain": "Net gain",
        "sum_volume_change": "Volume change",
        "sum_revenue_after": "Net revenue",
        "sum_margin_after": "Margin",
        "sum_margin_rate_after": "Margin rate",
    },
}
