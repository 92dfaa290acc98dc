"""Texts of the Segmentation page (pages/segments.py)."""

TEXTS = {
    "fr": {
        "title": "Segmentation",
        "intro": (
            "Quels groupes de clients se ressemblent ? La méthode des k-moyennes (k-means) "
            "regroupe les clients selon les critères choisis, au {as_of} ; chaque groupe "
            "reçoit un nom, un profil et sa part du chiffre d'affaires, pour être traité "
            "différemment."
        ),
        "features_label": "Critères de regroupement",
        "features_help": (
            "Colonnes numériques de la fiche client calculée au {as_of} : RFM, CA, marge, "
            "familles, ancienneté, colonnes numériques du fichier clients, part de chaque "
            "famille de produits dans le CA."
        ),
        "k_label": "Nombre de groupes (k)",
        "k_help": "Aidez-vous des courbes « coude » et « silhouette » ci-dessous.",
        "log_label": "Échelle logarithmique",
        "log_help": (
            "Les montants sont très inégaux (quelques gros comptes). Sans logarithme, "
            "ces quelques comptes dominent les groupes. Les colonnes dont l'asymétrie "
            "dépasse 1 passent en log(1 + x)."
        ),
        "seed_label": "Graine aléatoire",
        "seed_help": (
            "Même données et même graine : mêmes groupes, quel que soit l'ordre des lignes "
            "du fichier."
        ),
        "pick_features": "Choisissez au moins un critère de regroupement.",
        "too_few": (
            "Seulement {n} clients ont acheté avant le {as_of} : trop peu pour former des "
            "groupes (il en faut au moins {need})."
        ),
        "too_few_one": (
            "Seulement {n} client a acheté avant le {as_of} : trop peu pour former des "
            "groupes (il en faut au moins {need})."
        ),
        "cannot_fit": "Regroupement impossible : {error}",
        "note_log_scale": "Échelle logarithmique (valeurs très dispersées) : {columns}.",
        "note_constant_dropped": "Critères ignorés, une seule valeur pour tous : {columns}.",
        "note_constant_dropped_one": "Critère ignoré, une seule valeur pour tous : {columns}.",
        "note_missing_imputed": "Valeurs manquantes remplacées par la médiane : {columns}.",
        "choose_title": "Combien de groupes ?",
        "choose_read": (
            "La silhouette (de −1 à 1 : plus elle est haute, mieux les groupes sont "
            "séparés) est la meilleure pour **k = {best}** ({best_s}). Vous avez choisi "
            "**k = {k}** (silhouette {s}). L'inertie baisse toujours quand k augmente : "
            "cherchez le « coude » où elle cesse de baisser vite."
        ),
        "choose_sample": "Silhouette calculée sur un échantillon de {n} clients.",
        "axis_k": "Nombre de groupes k",
        "axis_inertia": "Inertie (coude)",
        "axis_silhouette": "Silhouette moyenne",
        "groups_title": "Les groupes",
        "groups_read": (
            "Le groupe 1, « {name} », réunit **{share_n}** des clients ({n}) et "
            "**{share_rev}** du chiffre d'affaires cumulé. Le dernier, « {last} », "
            "{last_share_n} des clients pour {last_share_rev} du CA."
        ),
        "groups_read_no_revenue": "Le groupe 1, « {name} », réunit **{share_n}** des clients ({n}).",
        "col_cluster": "Groupe",
        "col_customers": "Clients",
        "col_share_customers": "Part des clients",
        "col_revenue": "CA cumulé",
        "col_share_revenue": "Part du CA",
        "col_revenue_per_customer": "CA par client",
        "axis_share": "Part du total",
        "file_groups": "groupes",
        "profiles_title": "Profil des groupes",
        "profiles_caption": (
            "Chaque case : la moyenne du groupe (texte). Couleur : l'écart à l'ensemble "
            "des clients, en écarts-types — rouge au-dessus de la moyenne, bleu en dessous. "
            "Les noms des groupes viennent des critères qui se démarquent le plus."
        ),
        "col_feature": "Critère",
        "col_mean": "Moyenne du groupe",
        "col_overall": "Moyenne de tous",
        "col_index": "Indice (100 = moyenne)",
        "col_z": "Écart (écarts-types)",
        "file_profiles": "profils_groupes",
        "map_title": "Carte perceptuelle",
        "map_read": (
            "Les deux axes résument **{total}** de l'information des {k_feat} critères "
            "(axe 1 : {pc1}, axe 2 : {pc2}). Axe 1 : surtout {axis1}. Axe 2 : surtout "
            "{axis2}. Deux clients proches sur la carte se ressemblent."
        ),
        "map_read_one": (
            "Les deux axes résument **{total}** de l'information du critère retenu "
            "(axe 1 : {pc1}, axe 2 : {pc2}). Axe 1 : surtout {axis1}. Axe 2 : surtout "
            "{axis2}. Deux clients proches sur la carte se ressemblent."
        ),
        "map_sample": "{shown} clients tirés au hasard sur {total} sont dessinés.",
        "axis_pc": "Axe {n} ({pct} de l'information)",
        "col_customer": "Client",
        "assign_title": "Affectation des clients",
        "assign_caption": (
            "Les groupes sont proposés à la page Carte comme couleur des points "
            "(« Cluster »)."
        ),
        "file_assignment": "affectation_groupes",
        "share_of": "Part {family}",
        "feat_tenure_days": "Ancienneté (jours)",
        "feat_revenue_trend": "Tendance du CA (−1 à +1)",
        "feat_margin_prev_12m": "Marge 12 mois précédents",
        "feat_orders_12m": "Commandes 12 mois",
    },
    "en": {
        "title": "Segmentation",
        "intro": (
            "Which customers look alike? k-means clustering groups customers on the "
            "criteria you choose, at {as_of}; each group gets a name, a profile and its "
            "share of revenue, so that it can be treated differently."
        ),
        "features_label": "Clustering criteria",
        "features_help": (
            "Numeric columns of the customer table computed at {as_of}: RFM, revenue, "
            "margin, families, tenure, numeric columns of the customers file, each product "
            "family's share of revenue."
        ),
        "k_label": "Number of groups (k)",
        "k_help": "Use the elbow and silhouette curves below.",
        "log_label": "Log scale",
        "log_help": (
            "Amounts are very uneven (a few large accounts). Without a log, these few "
            "accounts dominate the groups. Columns whose skewness exceeds 1 are put on "
            "log(1 + x)."
        ),
        "seed_label": "Random seed",
        "seed_help": "Same data and same seed: same groups, whatever the row order of the file.",
        "pick_features": "Choose at least one clustering criterion.",
        "too_few": (
            "Only {n} customers bought before {as_of}: too few to form groups (at least "
            "{need} are needed)."
        ),
        "too_few_one": (
            "Only {n} customer bought before {as_of}: too few to form groups (at least "
            "{need} are needed)."
        ),
        "cannot_fit": "Clustering impossible: {error}",
        "note_log_scale": "Log scale (widely spread values): {columns}.",
        "note_constant_dropped": "Criteria ignored, a single value for everyone: {columns}.",
        "note_constant_dropped_one": "Criterion ignored, a single value for everyone: {columns}.",
        "note_missing_imputed": "Missing values replaced by the median: {columns}.",
        "choose_title": "How many groups?",
        "choose_read": (
            "The silhouette (from −1 to 1: the higher, the better separated the groups) is "
            "best for **k = {best}** ({best_s}). You chose **k = {k}** (silhouette {s}). "
            "Inertia always falls as k grows: look for the elbow where it stops falling fast."
        ),
        "choose_sample": "Silhouette computed on a sample of {n} customers.",
        "axis_k": "Number of groups k",
        "axis_inertia": "Inertia (elbow)",
        "axis_silhouette": "Mean silhouette",
        "groups_title": "The groups",
        "groups_read": (
            "Group 1, \"{name}\", holds **{share_n}** of the customers ({n}) and "
            "**{share_rev}** of cumulative revenue. The last one, \"{last}\", "
            "{last_share_n} of the customers for {last_share_rev} of revenue."
        ),
        "groups_read_no_revenue": "Group 1, \"{name}\", holds **{share_n}** of the customers ({n}).",
        "col_cluster": "Group",
        "col_customers": "Customers",
        "col_share_customers": "Share of customers",
        "col_revenue": "Cumulative revenue",
        "col_share_revenue": "Share of revenue",
        "col_revenue_per_customer": "Revenue per customer",
        "axis_share": "Share of the total",
        "file_groups": "groups",
        "profiles_title": "Group profiles",
        "profiles_caption": (
            "Each cell: the group's mean (text). Colour: the gap to all customers, in "
            "standard deviations — red above the average, blue below. Group names come "
            "from the criteria that stand out most."
        ),
        "col_feature": "Criterion",
        "col_mean": "Group mean",
        "col_overall": "Mean of all",
        "col_index": "Index (100 = average)",
        "col_z": "Gap (standard deviations)",
        "file_profiles": "group_profiles",
        "map_title": "Perceptual map",
        "map_read": (
            "The two axes keep **{total}** of the information of the {k_feat} criteria "
            "(axis 1: {pc1}, axis 2: {pc2}). Axis 1: mostly {axis1}. Axis 2: mostly "
            "{axis2}. Two customers close on the map look alike."
        ),
        "map_read_one": (
            "The two axes keep **{total}** of the information of the chosen criterion "
            "(axis 1: {pc1}, axis 2: {pc2}). Axis 1: mostly {axis1}. Axis 2: mostly "
            "{axis2}. Two customers close on the map look alike."
        ),
        "map_sample": "{shown} customers drawn at random out of {total} are plotted.",
        "axis_pc": "Axis {n} ({pct} of the information)",
        "col_customer": "Customer",
        "assign_title": "Customer assignment",
        "assign_caption": "The groups are offered to the Map page as a point colour (\"Cluster\").",
        "file_assignment": "cluster_assignment",
        "share_of": "Share {family}",
        "feat_tenure_days": "Tenure (days)",
        "feat_revenue_trend": "Revenue trend (−1 to +1)",
        "feat_margin_prev_12m": "Margin previous 12 months",
        "feat_orders_12m": "Orders 12 months",
    },
}
