"""Texts of the Structure page (pages/structure.py): ABC / 20-80, concentration,
interquartiles, sales statistics, product holding."""

TEXTS = {
    "fr": {
        "title": "Structure et ABC",
        "intro": (
            "Comment votre portefeuille est-il construit ? Qui fait le chiffre d'affaires, "
            "de combien vous dépendez de quelques comptes, comment se répartissent les "
            "ventes et ce que chaque client achète — ou pourrait acheter."
        ),
        "view_label": "Analyse",
        "view_abc": "ABC / 20-80",
        "view_concentration": "Concentration",
        "view_quartiles": "Interquartiles",
        "view_stats": "Statistiques des ventes",
        "view_holding": "Détention produits",
        # criterion and period
        "criterion_label": "Critère",
        "criterion_help": (
            "La valeur qui classe les clients : chiffre d'affaires, marge, quantité ou "
            "nombre de commandes sur la période, ou une colonne numérique de la table "
            "clients (potentiel, plafond de crédit…)."
        ),
        "crit_amount": "Chiffre d'affaires HT",
        "crit_margin": "Marge",
        "crit_quantity": "Quantité",
        "crit_orders": "Nombre de commandes",
        "crit_potential": "Potentiel annuel",
        "crit_credit_limit": "Plafond de crédit",
        "crit_acquisition_cost": "Coût d'acquisition",
        "crit_payment_terms_days": "Délai de paiement (jours)",
        "of_amount": "du chiffre d'affaires",
        "of_margin": "de la marge",
        "of_quantity": "des quantités",
        "of_orders": "des commandes",
        "of_potential": "du potentiel",
        "of_credit_limit": "des plafonds de crédit",
        "of_acquisition_cost": "des coûts d'acquisition",
        "of_payment_terms_days": "des délais de paiement",
        "period_label": "Période",
        "period_help": "Les ventes prises en compte, jusqu'à la date de référence.",
        "period_help_customers": "Ce critère vient de la table clients : pas de période.",
        "period_12": "12 derniers mois",
        "period_24": "24 derniers mois",
        "period_36": "36 derniers mois",
        "period_all": "Tout l'historique",
        "period_months_text": "sur les {months} mois au {as_of}",
        "period_all_text": "sur tout l'historique au {as_of}",
        "no_values": "Aucune valeur de « {criterion} » {period}.",
        # ABC
        "abc_title": "Méthode ABC (loi des 20/80)",
        "abc_what": (
            "Les clients sont triés du plus grand au plus petit ; la courbe cumule leur "
            "part du critère. Les coupures forment les classes A, B, C."
        ),
        "mode_label": "Découpage",
        "mode_value": "Sur la part du critère (80 / 95 %)",
        "mode_count": "Sur la part des clients (10 / 40 / 50 %)",
        "mode_pareto": "20/80 (deux classes)",
        "mode_help": (
            "Sur la part du critère : A = les premiers clients qui font 80 % du total. "
            "Sur la part des clients : A = les 10 % premiers clients (découpage des "
            "manuels). 20/80 : les 20 % premiers clients contre tous les autres."
        ),
        "cuts_value_label": "Coupures A | B | C (part cumulée du critère)",
        "cuts_value_help": "A jusqu'à la première coupure, B jusqu'à la seconde, C ensuite.",
        "cuts_count_label": "Coupures A | B | C (part cumulée des clients)",
        "cuts_count_help": "Par défaut : A = 10 % des clients, B = 40 %, C = 50 %.",
        "cut_pareto_label": "Part des clients en classe A",
        "cut_pareto_help": "La « loi des 20/80 » : les 20 % premiers font-ils 80 % du total ?",
        "rule_label": "Le client qui franchit une coupure reste dans la classe supérieure",
        "rule_help": (
            "Activé : A = le plus petit groupe de clients qui atteint la coupure (le plus "
            "gros client est toujours en A). Désactivé : convention tableur, A = les clients "
            "dont la part cumulée, eux compris, reste sous la coupure. Les ex æquo ne sont "
            "jamais séparés."
        ),
        "cuts_equal": "Les deux coupures doivent être différentes : écartez les curseurs.",
        "total_not_positive": (
            "Le total de « {criterion} » n'est pas positif (avoirs) : pas de courbe ABC, "
            "tous les clients sont en dernière classe."
        ),
        "axis_cum_customers": "Part cumulée des clients (du plus grand au plus petit)",
        "axis_cum_value": "Part cumulée : {criterion}",
        "abc_reading": (
            "**{share_customers} de vos clients (classe {label}, {n} clients) font "
            "{share_value} {of_criterion}** {period}."
        ),
        "abc_reading_one": (
            "**{share_customers} de vos clients (classe {label}, {n} client) font "
            "{share_value} {of_criterion}** {period}."
        ),
        "abc_reading_last": (
            "À l'autre bout, la classe {label} regroupe {share_customers} des clients pour "
            "{share_value} du total."
        ),
        "abc_reading_nonpos": (
            "{n} clients à zéro ou en négatif (avoirs) sont placés en classe {label}."
        ),
        "abc_reading_nonpos_one": (
            "{n} client à zéro ou en négatif (avoir) est placé en classe {label}."
        ),
        "pareto_holds": (
            "Loi des 20/80 : les {top} premiers clients font {share} du total, la règle se "
            "vérifie à peu près."
        ),
        "pareto_weaker": (
            "Loi des 20/80 : les {top} premiers clients ne font que {share} du total ; le "
            "portefeuille est plus équilibré que la règle ne le dit."
        ),
        "col_class": "Classe",
        "col_customers": "Clients",
        "col_share_customers": "% des clients",
        "col_share_value": "% du total",
        "col_mean_value": "Moyenne par client",
        "col_cum_share_value": "% cumulé du total",
        "abc_file": "classes_abc",
        "abc_list_title": "Classe de chaque client",
        "abc_list_caption": (
            "Les clients du plus grand au plus petit, avec leur classe. Téléchargez la liste "
            "complète pour vos plans de visite ; les pages carte, charge de travail et "
            "tournées reprennent ces classes."
        ),
        "abc_list_file": "clients_classe_abc",
        # concentration
        "conc_title": "Concentration du portefeuille",
        "conc_what": (
            "Courbe de Lorenz : la part du total détenue par les x % plus petits clients. "
            "Plus elle s'éloigne de la diagonale, plus le portefeuille dépend de quelques "
            "comptes."
        ),
        "vs_previous": "vs {months} mois préc.",
        "kpi_gini": "Indice de Gini",
        "help_gini": (
            "Deux fois l'aire entre la diagonale et la courbe de Lorenz : 0 = tous les "
            "clients pèsent pareil, près de 1 = un seul client fait tout."
        ),
        "read_gini": "Concentration {word}.",
        "gini_low": "faible",
        "gini_moderate": "modérée",
        "gini_strong": "forte",
        "gini_very_strong": "très forte",
        "gini_none": "non mesurable",
        "kpi_top1": "Part du 1er client",
        "read_top1": "Le premier client pèse {share} du total.",
        "kpi_top10": "Part des 10 premiers",
        "read_top10": "Top 5 : {top5} ; top 10 : {share} ; top 20 : {top20}.",
        "kpi_hhi": "Indice de Herfindahl",
        "help_hhi": "Somme des carrés des parts de chaque client, de 1/n (égalité) à 1.",
        "read_hhi": "Équivaut à {n} clients de même poids (sur {total}).",
        "read_hhi_one": "Équivaut à {n} client de même poids (sur {total}).",
        "period_current": "{months} derniers mois",
        "period_previous": "{months} mois précédents",
        "period_now": "Aujourd'hui",
        "col_period": "Période",
        "axis_lorenz_customers": "Part cumulée des clients (du plus petit au plus grand)",
        "axis_lorenz_value": "Part cumulée : {criterion}",
        "conc_reading": (
            "Indice de Gini {gini} : concentration {word}. **Votre premier client fait "
            "{top1} {of_criterion} ({top1_value}) et les 10 premiers {top10}** : perdre un "
            "seul de ces comptes se verrait immédiatement dans vos résultats."
        ),
        "conc_concentrating": (
            "Le Gini passe de {before} à {now} par rapport aux {months} mois précédents : "
            "le portefeuille **se concentre**, la dépendance à quelques comptes augmente."
        ),
        "conc_diluting": (
            "Le Gini passe de {before} à {now} par rapport aux {months} mois précédents : "
            "le portefeuille **se dilue**, la dépendance à quelques comptes diminue."
        ),
        "conc_stable": (
            "Le Gini est stable ({before} → {now}) par rapport aux {months} mois précédents."
        ),
        "col_metric": "Indicateur",
        "col_change": "Évolution",
        "metric_n_customers": "Clients",
        "metric_total": "Total",
        "metric_gini": "Indice de Gini",
        "metric_herfindahl": "Indice de Herfindahl",
        "metric_equivalent_customers": "Nombre équivalent de clients",
        "metric_top_1": "Part du 1er client",
        "metric_top_5": "Part des 5 premiers",
        "metric_top_10": "Part des 10 premiers",
        "metric_top_20": "Part des 20 premiers",
        "metric_top_10pct": "Part des 10 % premiers clients",
        "conc_file": "concentration",
        # interquartiles
        "iq_title": "Méthode des interquartiles",
        "iq_what": (
            "Quatre classes d'effectifs égaux, séparées par Q1, la médiane et Q3, et la "
            "part du total que chacune détient."
        ),
        "iq_method_label": "Calcul des quartiles",
        "iq_method_linear": "Interpolation (tableur)",
        "iq_method_inverted_cdf": "Définition du lycée",
        "iq_method_help": (
            "Interpolation : comme QUARTILE.INCLUS d'Excel. Définition du lycée : Q1 est la "
            "plus petite valeur telle qu'au moins 25 % des valeurs lui soient inférieures ou "
            "égales."
        ),
        "kpi_q1": "Q1",
        "kpi_median": "Médiane",
        "kpi_q3": "Q3",
        "kpi_iqr": "Écart interquartile",
        "kpi_iqr_rel": "(Q3 − Q1) / médiane",
        "help_q1": "25 % des clients sont en dessous.",
        "help_median": "La moitié des clients est en dessous.",
        "help_q3": "75 % des clients sont en dessous.",
        "help_iqr": "Q3 − Q1 : l'étendue de la moitié centrale des clients.",
        "help_iqr_rel": "Dispersion relative : plus elle est forte, plus les clients diffèrent.",
        "quarter_1": "1er quart (≤ Q1)",
        "quarter_2": "2e quart (Q1 – Me)",
        "quarter_3": "3e quart (Me – Q3)",
        "quarter_4": "4e quart (> Q3)",
        "col_quarter": "Classe",
        "col_lower": "De",
        "col_upper": "À",
        "axis_share": "Part",
        "iq_reading": (
            "**Le meilleur quart de vos clients (au-dessus de {q3}) fait {share4} "
            "{of_criterion}** ; le quart le plus faible (jusqu'à {q1}) n'en fait que {share1}. "
            "Médiane : {median} ; dispersion (Q3 − Q1) / médiane = {rel}."
        ),
        "iq_file": "interquartiles",
        # statistics
        "stats_title": "Statistiques des ventes",
        "stats_what": (
            "Moyenne, médiane, quartiles, écart type et coefficient de variation, pour "
            "l'ensemble ou par groupe."
        ),
        "stats_value_label": "Grandeur",
        "stats_unit_label": "Une observation =",
        "stats_unit_help": (
            "Ligne : chaque ligne de facture. Facture : le total de chaque facture. "
            "Client : le total de chaque client sur la période (et dans le groupe)."
        ),
        "unit_row": "une ligne de vente",
        "unit_invoice": "une facture",
        "unit_customer": "un client",
        "unit_word_row": "ligne",
        "unit_word_invoice": "facture",
        "unit_word_customer": "client",
        "stats_by_label": "Par",
        "by_none": "Ensemble",
        "by_year": "Année",
        "by_quarter": "Trimestre",
        "by_month": "Mois",
        "by_family": "Famille de produits",
        "by_sales_rep": "Commercial",
        "by_sector": "Secteur",
        "by_size": "Effectif",
        "by_kind": "Type de client",
        "by_status": "Statut",
        "by_department": "Département",
        "log_label": "Échelle logarithmique",
        "log_help": (
            "Utile quand quelques très grosses valeurs écrasent les autres. Les valeurs "
            "nulles ou négatives ne peuvent pas y figurer."
        ),
        "log_excluded": "{n} valeurs nulles ou négatives (avoirs) ne sont pas dessinées.",
        "log_excluded_one": "{n} valeur nulle ou négative (avoir) n'est pas dessinée.",
        "hist_trimmed": (
            "Les 1 % de valeurs les plus basses et les 1 % les plus hautes ({n} valeurs) ne "
            "sont pas dessinées ; l'échelle logarithmique les montre. Les statistiques les "
            "comptent toutes."
        ),
        "hist_trimmed_one": (
            "Les 1 % de valeurs les plus basses et les 1 % les plus hautes ({n} valeur) ne "
            "sont pas dessinées ; l'échelle logarithmique les montre. Les statistiques les "
            "comptent toutes."
        ),
        "axis_value_per": "{criterion} par {unit}",
        "axis_count": "Nombre ({unit}s)",
        "box_caption": (
            "Boîte : de Q1 à Q3 ; trait blanc : médiane ; point orange : moyenne ; "
            "moustaches : du 1er au 9e décile (D1 – D9). Minimum et maximum sont dans le "
            "tableau et l'infobulle."
        ),
        "stats_reading": (
            "Sur {n} observations (une par {unit}), **la médiane est de {median} et la "
            "moyenne de {mean}** ; la moitié centrale va de {q1} à {q3}."
        ),
        "stats_reading_one": (
            "Sur {n} observation (une par {unit}), **la médiane est de {median} et la "
            "moyenne de {mean}** ; la moitié centrale va de {q1} à {q3}."
        ),
        "stats_skewed": (
            "La moyenne vaut {ratio} fois la médiane : quelques très grosses valeurs la "
            "tirent vers le haut (coefficient de variation {cv}). Raisonnez sur la médiane."
        ),
        "stats_cv": "Coefficient de variation : {cv}.",
        "stats_empty": "Aucune vente {period}.",
        "all_rows": "Ensemble",
        "missing_group": "(non renseigné)",
        "stat_count": "Effectif",
        "stat_sum": "Total",
        "stat_mean": "Moyenne",
        "stat_std": "Écart type",
        "stat_cv": "Coef. de variation",
        "stat_min": "Minimum",
        "stat_d1": "D1",
        "stat_q1": "Q1",
        "stat_median": "Médiane",
        "stat_q3": "Q3",
        "stat_d9": "D9",
        "stat_max": "Maximum",
        "stat_iqr": "Écart interquartile",
        "stats_file": "statistiques_ventes",
        # product holding
        "hold_title": "Détention de produits",
        "hold_what": (
            "Quelles familles de produits chaque client achète. Case colorée = famille "
            "achetée (plus foncé = plus de chiffre d'affaires), case grise = jamais achetée."
        ),
        "hold_no_family": (
            "Les ventes n'ont pas de colonne « famille de produits » : ajoutez-la dans la "
            "page Données pour voir la détention et les ventes croisées."
        ),
        "hold_top_label": "Clients affichés",
        "hold_top_help": "Les plus gros clients de la période.",
        "hold_axis_customer": "Les {n} premiers clients",
        "hold_axis_customer_one": "Le premier client",
        "hold_reading": (
            "Un client achète en moyenne **{mean} familles sur {n}** {period} ; {one} "
            "n'en achètent qu'une, {all} presque toutes. La famille la plus répandue est "
            "{best} ({best_pen} des clients), la moins répandue {worst} ({worst_pen})."
        ),
        "hold_reading_one": (
            "Un client achète en moyenne **{mean} famille sur {n}** {period} ; {one} "
            "n'en achètent qu'une, {all} presque toutes. La famille la plus répandue est "
            "{best} ({best_pen} des clients), la moins répandue {worst} ({worst_pen})."
        ),
        "hold_dist_title": "Nombre de familles achetées par client",
        "hold_axis_families": "Familles achetées",
        "hold_pen_title": "Taux de détention par famille",
        "col_holders": "Clients acheteurs",
        "col_penetration": "Taux de détention",
        "col_mean_per_holder": "CA moyen par acheteur",
        "hold_pen_file": "detention_familles",
        "gaps_title": "Ventes croisées : ce que les clients semblables achètent",
        "gaps_what": (
            "Pour chaque client, les familles que la plupart des clients semblables "
            "(même groupe) achètent et lui non, avec le chiffre d'affaires en jeu : la "
            "médiane de ce que ces clients y dépensent."
        ),
        "gaps_group_label": "Clients semblables = même",
        "gaps_group_none": "tout le portefeuille",
        "gaps_pen_label": "Part minimale des semblables qui achètent",
        "gaps_pen_help": "Une famille est proposée si au moins cette part des semblables l'achète.",
        "gaps_holders_label": "Acheteurs semblables minimum",
        "gaps_holders_help": "En dessous, l'estimation du CA en jeu est trop fragile.",
        "gaps_none": "Aucune vente croisée ne ressort avec ces réglages : baissez la part minimale.",
        "gaps_reading": (
            "**{targets} chez {customers}, pour {stake} de "
            "chiffre d'affaires en jeu** (familles achetées par au moins {pen} de leurs "
            "semblables). La famille qui pèse le plus : {family}."
        ),
        "gaps_targets": "{n} cibles de ventes croisées",
        "gaps_targets_one": "{n} cible de vente croisée",
        "gaps_customers": "{n} clients",
        "gaps_customers_one": "{n} client",
        "col_peers": "Semblables",
        "col_penetration_peers": "% des semblables acheteurs",
        "col_stake": "CA en jeu",
        "gaps_file": "cibles_ventes_croisees",
    },
    "en": {
        "title": "Structure and ABC",
        "intro": (
            "How is your portfolio built? Who makes the revenue, how much you depend on a "
            "few accounts, how sales are spread, and what each customer buys — or could buy."
        ),
        "view_label": "Analysis",
        "view_abc": "ABC / 20-80",
        "view_concentration": "Concentration",
        "view_quartiles": "Interquartiles",
        "view_stats": "Sales statistics",
        "view_holding": "Product holding",
        "criterion_label": "Criterion",
        "criterion_help": (
            "The value that ranks customers: revenue, margin, quantity or number of orders "
            "over the period, or a numeric column of the customers table (potential, credit "
            "limit...)."
        ),
        "crit_amount": "Net revenue",
        "crit_margin": "Margin",
        "crit_quantity": "Quantity",
        "crit_orders": "Number of orders",
        "crit_potential": "Annual potential",
        "crit_credit_limit": "Credit limit",
        "crit_acquisition_cost": "Acquisition cost",
        "crit_payment_terms_days": "Payment terms (days)",
        "of_amount": "of revenue",
        "of_margin": "of margin",
        "of_quantity": "of quantities",
        "of_orders": "of orders",
        "of_potential": "of potential",
        "of_credit_limit": "of credit limits",
        "of_acquisition_cost": "of acquisition costs",
        "of_payment_terms_days": "of payment terms",
        "period_label": "Period",
        "period_help": "The sales taken into account, up to the reference date.",
        "period_help_customers": "This criterion comes from the customers table: no period.",
        "period_12": "Last 12 months",
        "period_24": "Last 24 months",
        "period_36": "Last 36 months",
        "period_all": "All history",
        "period_months_text": "over the {months} months to {as_of}",
        "period_all_text": "over the whole history to {as_of}",
        "no_values": "No value of \"{criterion}\" {period}.",
        "abc_title": "ABC method (20/80 rule)",
        "abc_what": (
            "Customers are sorted from largest to smallest; the curve adds up their share "
            "of the criterion. The cuts make classes A, B, C."
        ),
        "mode_label": "Split",
        "mode_value": "On the share of the criterion (80 / 95 %)",
        "mode_count": "On the share of customers (10 / 40 / 50 %)",
        "mode_pareto": "20/80 (two classes)",
        "mode_help": (
            "On the share of the criterion: A = the first customers making 80 % of the "
            "total. On the share of customers: A = the first 10 % of customers (textbook "
            "split). 20/80: the first 20 % of customers against all others."
        ),
        "cuts_value_label": "Cuts A | B | C (cumulative share of the criterion)",
        "cuts_value_help": "A up to the first cut, B up to the second, C after.",
        "cuts_count_label": "Cuts A | B | C (cumulative share of customers)",
        "cuts_count_help": "Default: A = 10 % of customers, B = 40 %, C = 50 %.",
        "cut_pareto_label": "Share of customers in class A",
        "cut_pareto_help": "The \"20/80 rule\": do the first 20 % make 80 % of the total?",
        "rule_label": "The customer crossing a cut stays in the upper class",
        "rule_help": (
            "On: A = the smallest group of customers reaching the cut (the largest customer "
            "is always in A). Off: spreadsheet convention, A = customers whose cumulative "
            "share, themselves included, stays within the cut. Ties are never split."
        ),
        "cuts_equal": "The two cuts must differ: move the sliders apart.",
        "total_not_positive": (
            "The total of \"{criterion}\" is not positive (credit notes): no ABC curve, every "
            "customer is in the last class."
        ),
        "axis_cum_customers": "Cumulative share of customers (largest first)",
        "axis_cum_value": "Cumulative share: {criterion}",
        "abc_reading": (
            "**{share_customers} of your customers (class {label}, {n} customers) make "
            "{share_value} {of_criterion}** {period}."
        ),
        "abc_reading_one": (
            "**{share_customers} of your customers (class {label}, {n} customer) make "
            "{share_value} {of_criterion}** {period}."
        ),
        "abc_reading_last": (
            "At the other end, class {label} holds {share_customers} of customers for "
            "{share_value} of the total."
        ),
        "abc_reading_nonpos": (
            "{n} customers at zero or negative (credit notes) are put in class {label}."
        ),
        "abc_reading_nonpos_one": (
            "{n} customer at zero or negative (credit note) is put in class {label}."
        ),
        "pareto_holds": (
            "20/80 rule: the first {top} of customers make {share} of the total; the rule "
            "roughly holds."
        ),
        "pareto_weaker": (
            "20/80 rule: the first {top} of customers make only {share} of the total; the "
            "portfolio is more balanced than the rule says."
        ),
        "col_class": "Class",
        "col_customers": "Customers",
        "col_share_customers": "% of customers",
        "col_share_value": "% of total",
        "col_mean_value": "Mean per customer",
        "col_cum_share_value": "Cumulative % of total",
        "abc_file": "abc_classes",
        "abc_list_title": "Class of each customer",
        "abc_list_caption": (
            "Customers from largest to smallest, with their class. Download the full list "
            "for your visit plans; the map, workload and route pages use these classes."
        ),
        "abc_list_file": "customers_abc_class",
        "conc_title": "Portfolio concentration",
        "conc_what": (
            "Lorenz curve: the share of the total held by the smallest x % of customers. The "
            "further it bends from the diagonal, the more the portfolio depends on a few "
            "accounts."
        ),
        "vs_previous": "vs previous {months} months",
        "kpi_gini": "Gini index",
        "help_gini": (
            "Twice the area between the diagonal and the Lorenz curve: 0 = every customer "
            "weighs the same, close to 1 = one customer makes everything."
        ),
        "read_gini": "{word} concentration.",
        "gini_low": "Low",
        "gini_moderate": "Moderate",
        "gini_strong": "Strong",
        "gini_very_strong": "Very strong",
        "gini_none": "Unmeasurable",
        "kpi_top1": "Share of the first customer",
        "read_top1": "The first customer weighs {share} of the total.",
        "kpi_top10": "Share of the top 10",
        "read_top10": "Top 5: {top5}; top 10: {share}; top 20: {top20}.",
        "kpi_hhi": "Herfindahl index",
        "help_hhi": "Sum of the squared shares of the customers, from 1/n (equality) to 1.",
        "read_hhi": "Equivalent to {n} customers of equal weight (out of {total}).",
        "read_hhi_one": "Equivalent to {n} customer of equal weight (out of {total}).",
        "period_current": "Last {months} months",
        "period_previous": "Previous {months} months",
        "period_now": "Today",
        "col_period": "Period",
        "axis_lorenz_customers": "Cumulative share of customers (smallest first)",
        "axis_lorenz_value": "Cumulative share: {criterion}",
        "conc_reading": (
            "Gini index {gini}: {word} concentration. **Your first customer makes {top1} "
            "{of_criterion} ({top1_value}) and the top 10 make {top10}**: losing a single one "
            "of these accounts would show at once in your results."
        ),
        "conc_concentrating": (
            "The Gini goes from {before} to {now} against the previous {months} months: the "
            "portfolio **is concentrating**, the dependence on a few accounts grows."
        ),
        "conc_diluting": (
            "The Gini goes from {before} to {now} against the previous {months} months: the "
            "portfolio **is spreading out**, the dependence on a few accounts shrinks."
        ),
        "conc_stable": (
            "The Gini is stable ({before} → {now}) against the previous {months} months."
        ),
        "col_metric": "Indicator",
        "col_change": "Change",
        "metric_n_customers": "Customers",
        "metric_total": "Total",
        "metric_gini": "Gini index",
        "metric_herfindahl": "Herfindahl index",
        "metric_equivalent_customers": "Equivalent number of customers",
        "metric_top_1": "Share of the first customer",
        "metric_top_5": "Share of the top 5",
        "metric_top_10": "Share of the top 10",
        "metric_top_20": "Share of the top 20",
        "metric_top_10pct": "Share of the top 10 % of customers",
        "conc_file": "concentration",
        "iq_title": "Interquartile method",
        "iq_what": (
            "Four classes of equal head-count, split by Q1, the median and Q3, and the share "
            "of the total each holds."
        ),
        "iq_method_label": "Quartile calculation",
        "iq_method_linear": "Interpolation (spreadsheet)",
        "iq_method_inverted_cdf": "French school definition",
        "iq_method_help": (
            "Interpolation: as Excel's QUARTILE.INC. School definition: Q1 is the smallest "
            "value such that at least 25 % of the values are less or equal to it."
        ),
        "kpi_q1": "Q1",
        "kpi_median": "Median",
        "kpi_q3": "Q3",
        "kpi_iqr": "Interquartile range",
        "kpi_iqr_rel": "(Q3 − Q1) / median",
        "help_q1": "25 % of customers are below.",
        "help_median": "Half of the customers are below.",
        "help_q3": "75 % of customers are below.",
        "help_iqr": "Q3 − Q1: the spread of the middle half of customers.",
        "help_iqr_rel": "Relative dispersion: the higher, the more customers differ.",
        "quarter_1": "1st quarter (≤ Q1)",
        "quarter_2": "2nd quarter (Q1 – Me)",
        "quarter_3": "3rd quarter (Me – Q3)",
        "quarter_4": "4th quarter (> Q3)",
        "col_quarter": "Class",
        "col_lower": "From",
        "col_upper": "To",
        "axis_share": "Share",
        "iq_reading": (
            "**The best quarter of your customers (above {q3}) makes {share4} "
            "{of_criterion}**; the weakest quarter (up to {q1}) only {share1}. Median: {median}; "
            "dispersion (Q3 − Q1) / median = {rel}."
        ),
        "iq_file": "interquartiles",
        "stats_title": "Sales statistics",
        "stats_what": (
            "Mean, median, quartiles, standard deviation and coefficient of variation, for "
            "all sales or by group."
        ),
        "stats_value_label": "Measure",
        "stats_unit_label": "One observation =",
        "stats_unit_help": (
            "Line: each invoice line. Invoice: the total of each invoice. Customer: the "
            "total of each customer over the period (and within the group)."
        ),
        "unit_row": "a sales line",
        "unit_invoice": "an invoice",
        "unit_customer": "a customer",
        "unit_word_row": "line",
        "unit_word_invoice": "invoice",
        "unit_word_customer": "customer",
        "stats_by_label": "By",
        "by_none": "All",
        "by_year": "Year",
        "by_quarter": "Quarter",
        "by_month": "Month",
        "by_family": "Product family",
        "by_sales_rep": "Sales rep",
        "by_sector": "Sector",
        "by_size": "Size",
        "by_kind": "Customer type",
        "by_status": "Status",
        "by_department": "Département",
        "log_label": "Logarithmic scale",
        "log_help": (
            "Useful when a few very large values crush the others. Zero or negative values "
            "cannot be drawn on it."
        ),
        "log_excluded": "{n} zero or negative values (credit notes) are not drawn.",
        "log_excluded_one": "{n} zero or negative value (credit note) is not drawn.",
        "hist_trimmed": (
            "The lowest 1 % and highest 1 % of values ({n} values) are not drawn; the "
            "logarithmic scale shows them. The statistics count them all."
        ),
        "hist_trimmed_one": (
            "The lowest 1 % and highest 1 % of values ({n} value) are not drawn; the "
            "logarithmic scale shows them. The statistics count them all."
        ),
        "axis_value_per": "{criterion} per {unit}",
        "axis_count": "Number ({unit}s)",
        "box_caption": (
            "Box: from Q1 to Q3; white line: median; orange dot: mean; whiskers: from the "
            "first to the ninth decile (D1 – D9). Minimum and maximum are in the table and "
            "the tooltip."
        ),
        "stats_reading": (
            "Over {n} observations (one per {unit}), **the median is {median} and the mean "
            "{mean}**; the middle half goes from {q1} to {q3}."
        ),
        "stats_reading_one": (
            "Over {n} observation (one per {unit}), **the median is {median} and the mean "
            "{mean}**; the middle half goes from {q1} to {q3}."
        ),
        "stats_skewed": (
            "The mean is {ratio} times the median: a few very large values pull it up "
            "(coefficient of variation {cv}). Reason on the median."
        ),
        "stats_cv": "Coefficient of variation: {cv}.",
        "stats_empty": "No sales {period}.",
        "all_rows": "All",
        "missing_group": "(not filled in)",
        "stat_count": "Count",
        "stat_sum": "Total",
        "stat_mean": "Mean",
        "stat_std": "Standard deviation",
        "stat_cv": "Coef. of variation",
        "stat_min": "Minimum",
        "stat_d1": "D1",
        "stat_q1": "Q1",
        "stat_median": "Median",
        "stat_q3": "Q3",
        "stat_d9": "D9",
        "stat_max": "Maximum",
        "stat_iqr": "Interquartile range",
        "stats_file": "sales_statistics",
        "hold_title": "Product holding",
        "hold_what": (
            "Which product families each customer buys. Coloured cell = family bought "
            "(darker = more revenue), grey cell = never bought."
        ),
        "hold_no_family": (
            "The sales have no \"product family\" column: add it on the Data page to see "
            "product holding and cross-selling."
        ),
        "hold_top_label": "Customers shown",
        "hold_top_help": "The largest customers of the period.",
        "hold_axis_customer": "The top {n} customers",
        "hold_axis_customer_one": "The top customer",
        "hold_reading": (
            "A customer buys on average **{mean} families out of {n}** {period}; {one} buy "
            "only one, {all} nearly all. The most widespread family is {best} ({best_pen} "
            "of customers), the least widespread {worst} ({worst_pen})."
        ),
        "hold_reading_one": (
            "A customer buys on average **{mean} family out of {n}** {period}; {one} buy "
            "only one, {all} nearly all. The most widespread family is {best} ({best_pen} "
            "of customers), the least widespread {worst} ({worst_pen})."
        ),
        "hold_dist_title": "Number of families bought per customer",
        "hold_axis_families": "Families bought",
        "hold_pen_title": "Holding rate per family",
        "col_holders": "Buying customers",
        "col_penetration": "Holding rate",
        "col_mean_per_holder": "Mean revenue per buyer",
        "hold_pen_file": "family_holding",
        "gaps_title": "Cross-selling: what similar customers buy",
        "gaps_what": (
            "For each customer, the families that most similar customers (same group) buy "
            "and this one does not, with the revenue at stake: the median of what those "
            "customers spend on it."
        ),
        "gaps_group_label": "Similar customers = same",
        "gaps_group_none": "whole portfolio",
        "gaps_pen_label": "Minimum share of similar customers buying",
        "gaps_pen_help": "A family is suggested if at least this share of similar customers buys it.",
        "gaps_holders_label": "Minimum similar buyers",
        "gaps_holders_help": "Below this, the revenue-at-stake estimate is too fragile.",
        "gaps_none": "No cross-selling target with these settings: lower the minimum share.",
        "gaps_reading": (
            "**{targets} at {customers}, for {stake} of revenue at "
            "stake** (families bought by at least {pen} of their similar customers). The "
            "family weighing most: {family}."
        ),
        "gaps_targets": "{n} cross-selling targets",
        "gaps_targets_one": "{n} cross-selling target",
        "gaps_customers": "{n} customers",
        "gaps_customers_one": "{n} customer",
        "col_peers": "Similar customers",
        "col_penetration_peers": "% of similar customers buying",
        "col_stake": "Revenue at stake",
        "gaps_file": "cross_selling_targets",
    },
}
