"""Texts of the Forecast page (pages/forecast.py)."""

TEXTS = {
    "fr": {
        "title": "Prévisions",
        "intro": (
            "Prévision du chiffre d'affaires mensuel par la méthode des manuels : tendance "
            "linéaire (moindres carrés) × coefficients saisonniers, vérifiée sur les 6 "
            "derniers mois mis de côté."
        ),
        "level_label": "Prévoir",
        "level_help": (
            "Le total du portefeuille, ou une prévision par commercial, secteur, famille "
            "ou client (chacun sa tendance et ses coefficients)."
        ),
        "level_total": "Le total",
        "level_sales_rep": "Par commercial",
        "level_sector": "Par secteur",
        "level_kind": "Par type de client",
        "level_family": "Par famille de produits",
        "level_customer_id": "Par client",
        "value_label": "Grandeur",
        "value_amount": "Chiffre d'affaires HT",
        "value_margin": "Marge",
        "horizon_label": "Horizon (mois)",
        "horizon_help": "Nombre de mois prévus après le dernier mois complet.",
        "method_label": "Coefficients saisonniers",
        "method_ratio_to_trend": "Rapport à la tendance",
        "method_moving_average": "Moyennes mobiles",
        "method_help": (
            "Rapport à la tendance : ventes du mois / tendance, moyenne par mois de "
            "l'année. Moyennes mobiles : ventes du mois / moyenne mobile centrée sur 12 "
            "mois. Dans les deux cas les 12 coefficients sont ramenés à une moyenne de 1."
        ),
        "too_short": (
            "Il faut au moins 2 mois complets de ventes pour tracer une tendance ; il y en a "
            "{n} au {as_of}. Choisissez une date de référence plus tardive."
        ),
        "series_label": "Série affichée ({level})",
        "series_help": "Le détail d'un groupe, ou l'ensemble (somme des groupes).",
        "all_groups": "Ensemble",
        "whole_portfolio": "tout le portefeuille",
        "missing_group": "(non renseigné)",
        "kpi_forecast": "Prévision {h} mois",
        "help_forecast": (
            "Somme des prévisions mensuelles : tendance × coefficient du mois. Le réalisé "
            "comparé porte sur des mois civils complets ({span}) : ce n'est pas le chiffre "
            "des 12 mois glissants de la Vue d'ensemble, qui court jusqu'à la date de "
            "référence."
        ),
        "span": "{start} → {end}",
        "read_forecast": (
            "De {first} à {last}, contre {prev} réalisés en {span} (mois complets)."
        ),
        "vs_last": "vs {n} mois complets",
        "kpi_trend": "Tendance par mois",
        "help_trend": (
            "Pente de la droite des moindres carrés y = a·t + b ajustée sur les ventes "
            "mensuelles ; r = coefficient de corrélation."
        ),
        "read_trend_strong": "r = {r} : la droite suit bien l'évolution des ventes.",
        "read_trend_moderate": "r = {r} : la tendance est nette mais les mois varient.",
        "read_trend_weak": (
            "r = {r} : la droite explique peu les variations ; la saisonnalité domine."
        ),
        "read_trend_none": "Ventes constantes : pas de corrélation mesurable.",
        "kpi_mape": "Erreur du modèle (MAPE)",
        "help_mape": (
            "Erreur absolue moyenne en % sur les 6 derniers mois, que le modèle n'a pas "
            "vus (il est recalculé sans eux)."
        ),
        "read_mape": "Sur les {h} derniers mois mis de côté ; prévision naïve : {naive}.",
        "kpi_naive": "Erreur de la prévision naïve",
        "help_naive": "Prévision naïve : chaque mois refait le même mois de l'année précédente.",
        "read_naive_worse": "Le modèle fait mieux que « comme l'an dernier ».",
        "read_naive_better": "« Comme l'an dernier » fait mieux : prudence avec la tendance.",
        "no_backtest": "Il faut au moins {n} mois d'historique pour mesurer l'erreur.",
        "chart_title": "Ventes et prévision : {series}",
        "chart_caption": (
            "La ligne orange pleine porte les seuls mois prévus, à partir de {first} ; le "
            "trait orange pointillé la relie au dernier mois réalisé ({last}, sa valeur "
            "réelle)."
        ),
        "series_actual": "Réalisé",
        "series_fitted": "Modèle (passé)",
        "series_forecast": "Prévision",
        "series_trend": "Tendance",
        "series_model": "Modèle",
        "series_naive": "Naïve (an dernier)",
        "up": "hausse",
        "down": "baisse",
        "reading": (
            "**De {first} à {last}, la prévision est de {total} ({change} par rapport au "
            "réalisé {span}, mois complets).** La tendance est à la {direction} de {slope} par mois "
            "(r = {r})."
        ),
        "reading_season": (
            "Mois le plus fort : {high} ({high_pct} par rapport à la tendance) ; le plus "
            "faible : {low} ({low_pct})."
        ),
        "reading_no_season": (
            "Avec {n} mois d'historique (moins de 2 ans), pas de coefficients saisonniers : "
            "la prévision suit la seule tendance."
        ),
        "table_title": "Prévision mois par mois",
        "col_month": "Mois",
        "col_trend": "Tendance",
        "col_coefficient": "Coefficient saisonnier",
        "col_forecast": "Prévision",
        "file": "prevision_{series}",
        "coef_title": "Coefficients saisonniers",
        "coef_caption": (
            "1,20 = un mois 20 % au-dessus de la tendance ; 0,80 = 20 % en dessous. Les "
            "12 coefficients ont une moyenne de 1."
        ),
        "no_season": (
            "Pas de coefficients saisonniers : il faut 2 ans d'historique ({n} mois "
            "disponibles)."
        ),
        "bt_title": "Fiabilité : les {h} derniers mois mis de côté",
        "bt_reading_better": (
            "Recalculé sans les {h} derniers mois, **le modèle s'y trompe de {mape} en "
            "moyenne (MAPE), contre {naive} pour la prévision naïve** « comme l'an "
            "dernier » : le modèle apporte une information utile. Erreur pondérée par les "
            "montants : {wape}."
        ),
        "bt_reading_worse": (
            "Recalculé sans les {h} derniers mois, le modèle s'y trompe de {mape} en moyenne "
            "(MAPE), **la prévision naïve « comme l'an dernier » de {naive} seulement** : "
            "sur cette série, fiez-vous d'abord à la saisonnalité. Erreur pondérée : {wape}."
        ),
        "bt_file": "prevision_controle_6_mois",
        "groups_title": "Prévisions {level}",
        "agg_reading": (
            "La somme des {n} prévisions individuelles donne {total} ; la prévision du total "
            "donne {glob} (écart {gap}). L'écart vient des coefficients saisonniers propres "
            "à chaque groupe et des tendances en baisse arrêtées à zéro."
        ),
        "agg_reading_one": (
            "La prévision individuelle du seul groupe ({level}) donne {total} ; la prévision "
            "du total donne {glob} (écart {gap})."
        ),
        "col_last": "Réalisé {span}",
        "col_next": "Prévision {h} mois",
        "col_change": "Évolution",
        "col_slope": "Tendance / mois",
        "col_mape": "MAPE modèle",
        "col_mape_naive": "MAPE naïve",
        "groups_file": "previsions_par_groupe",
        "agg_title": "Somme des prévisions individuelles et prévision globale",
        "col_sum_groups": "Somme des prévisions individuelles",
        "col_global": "Prévision globale",
        "col_gap": "Écart",
        "col_gap_share": "Écart en %",
        "agg_file": "previsions_agregation",
    },
    "en": {
        "title": "Forecasts",
        "intro": (
            "Monthly revenue forecast with the textbook method: linear trend (least squares) "
            "× seasonal coefficients, checked on the last 6 months held out."
        ),
        "level_label": "Forecast",
        "level_help": (
            "The portfolio total, or one forecast per sales rep, sector, family or customer "
            "(each with its own trend and coefficients)."
        ),
        "level_total": "The total",
        "level_sales_rep": "By sales rep",
        "level_sector": "By sector",
        "level_kind": "By customer type",
        "level_family": "By product family",
        "level_customer_id": "By customer",
        "value_label": "Measure",
        "value_amount": "Net revenue",
        "value_margin": "Margin",
        "horizon_label": "Horizon (months)",
        "horizon_help": "Number of months forecast after the last complete month.",
        "method_label": "Seasonal coefficients",
        "method_ratio_to_trend": "Ratio to trend",
        "method_moving_average": "Moving averages",
        "method_help": (
            "Ratio to trend: sales of the month / trend, averaged per calendar month. Moving "
            "averages: sales of the month / centred 12-month moving average. Either way the "
            "12 coefficients are scaled to average 1."
        ),
        "too_short": (
            "A trend needs at least 2 complete months of sales; there are {n} at {as_of}. "
            "Pick a later reference date."
        ),
        "series_label": "Series shown ({level})",
        "series_help": "The detail of one group, or all of them (sum of the groups).",
        "all_groups": "All",
        "whole_portfolio": "whole portfolio",
        "missing_group": "(not filled in)",
        "kpi_forecast": "{h}-month forecast",
        "help_forecast": (
            "Sum of the monthly forecasts: trend × coefficient of the month. The actual "
            "it is compared with covers complete calendar months ({span}): not the "
            "Overview's rolling 12 months, which run up to the reference date."
        ),
        "span": "{start} → {end}",
        "read_forecast": (
            "From {first} to {last}, against {prev} actual in {span} (complete months)."
        ),
        "vs_last": "vs {n} full months",
        "kpi_trend": "Trend per month",
        "help_trend": (
            "Slope of the least-squares line y = a·t + b fitted on monthly sales; r = "
            "correlation coefficient."
        ),
        "read_trend_strong": "r = {r}: the line follows the sales well.",
        "read_trend_moderate": "r = {r}: a clear trend, but months vary.",
        "read_trend_weak": "r = {r}: the line explains little; seasonality dominates.",
        "read_trend_none": "Constant sales: no measurable correlation.",
        "kpi_mape": "Model error (MAPE)",
        "help_mape": (
            "Mean absolute percentage error over the last 6 months, which the model did not "
            "see (it is refitted without them)."
        ),
        "read_mape": "Over the last {h} months held out; naive forecast: {naive}.",
        "kpi_naive": "Naive forecast error",
        "help_naive": "Naive forecast: each month repeats the same month of the year before.",
        "read_naive_worse": "The model beats \"same as last year\".",
        "read_naive_better": "\"Same as last year\" does better: be careful with the trend.",
        "no_backtest": "At least {n} months of history are needed to measure the error.",
        "chart_title": "Sales and forecast: {series}",
        "chart_caption": (
            "The solid orange line holds the forecast months only, from {first}; the dotted "
            "orange link joins it to the last actual month ({last}, its actual value)."
        ),
        "series_actual": "Actual",
        "series_fitted": "Model (past)",
        "series_forecast": "Forecast",
        "series_trend": "Trend",
        "series_model": "Model",
        "series_naive": "Naive (last year)",
        "up": "rising",
        "down": "falling",
        "reading": (
            "**From {first} to {last}, the forecast is {total} ({change} against the "
            "actual of {span}, complete months).** The trend is {direction} by {slope} per month (r = {r})."
        ),
        "reading_season": (
            "Strongest month: {high} ({high_pct} against the trend); weakest: {low} "
            "({low_pct})."
        ),
        "reading_no_season": (
            "With {n} months of history (less than 2 years), no seasonal coefficients: the "
            "forecast follows the trend alone."
        ),
        "table_title": "Forecast month by month",
        "col_month": "Month",
        "col_trend": "Trend",
        "col_coefficient": "Seasonal coefficient",
        "col_forecast": "Forecast",
        "file": "forecast_{series}",
        "coef_title": "Seasonal coefficients",
        "coef_caption": (
            "1.20 = a month 20% above the trend; 0.80 = 20% below. The 12 coefficients "
            "average 1."
        ),
        "no_season": (
            "No seasonal coefficients: 2 years of history are needed ({n} months available)."
        ),
        "bt_title": "Reliability: the last {h} months held out",
        "bt_reading_better": (
            "Refitted without the last {h} months, **the model misses them by {mape} on "
            "average (MAPE), against {naive} for the naive \"same as last year\" "
            "forecast**: the model adds useful information. Amount-weighted error: {wape}."
        ),
        "bt_reading_worse": (
            "Refitted without the last {h} months, the model misses them by {mape} on "
            "average (MAPE), **the naive \"same as last year\" forecast by only {naive}**: "
            "on this series, trust seasonality first. Weighted error: {wape}."
        ),
        "bt_file": "forecast_backtest_6_months",
        "groups_title": "Forecasts {level}",
        "agg_reading": (
            "The sum of the {n} individual forecasts gives {total}; the forecast of the "
            "total gives {glob} (gap {gap}). The gap comes from each group's own seasonal "
            "coefficients and from falling trends stopped at zero."
        ),
        "agg_reading_one": (
            "The individual forecast of the only group ({level}) gives {total}; the "
            "forecast of the total gives {glob} (gap {gap})."
        ),
        "col_last": "Actual {span}",
        "col_next": "{h}-month forecast",
        "col_change": "Change",
        "col_slope": "Trend / month",
        "col_mape": "Model MAPE",
        "col_mape_naive": "Naive MAPE",
        "groups_file": "forecasts_by_group",
        "agg_title": "Sum of individual forecasts and global forecast",
        "col_sum_groups": "Sum of individual forecasts",
        "col_global": "Global forecast",
        "col_gap": "Gap",
        "col_gap_share": "Gap in %",
        "agg_file": "forecasts_aggregation",
    },
}
