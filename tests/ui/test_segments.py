"""AppTest of the Segmentation page on the demo portfolio."""

from apptest_helpers import app, charts, texts

PAGE = "pages/segments.py"


def _groups(at):
    """The groups table (one row per cluster) as displayed."""
    return next(d.value for d in at.dataframe if "Part du CA" in d.value.columns
                and "Clients" in d.value.columns)


def test_segments_page_shows_groups_profiles_and_map():
    at = app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Segmentation"
    assert len(charts(at)) == 5  # elbow, silhouette, shares, profile heatmap, perceptual map
    body = " ".join(texts(at.markdown))
    assert "silhouette" in body and "Le groupe 1" in body and "Les deux axes" in body
    groups = _groups(at)
    assert len(groups) == 4
    assert groups["Groupe"].iloc[0].startswith("1 · ")
    assert len(at.download_button) == 6  # groups, profiles, assignment x CSV / Excel
    classes = at.session_state["customer_classes"]
    assert classes["cluster"].str.startswith("1 · ").any()
    assert len(classes["cluster"]) == 600


def test_changing_k_and_features_and_english():
    at = app(PAGE)
    at.slider(key="seg_k").set_value(3).run()
    assert not at.exception and not at.error
    assert len(_groups(at)) == 3
    at.multiselect(key="seg_features").set_value(["recency_days", "monetary"]).run()
    assert not at.exception
    assert "k = 3" in " ".join(texts(at.markdown))
    at.toggle(key="seg_log").set_value(False).run()
    assert not at.exception
    at.multiselect(key="seg_features").set_value([]).run()
    assert not at.exception
    assert "au moins un critère" in at.info[0].value
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Segmentation"


def test_same_seed_same_groups():
    a = app(PAGE)
    b = app(PAGE)
    assert _groups(a).equals(_groups(b))


def _profiles(at, group_col="Groupe", feature_col="Critère"):
    """The profile table as displayed (one row per group and criterion)."""
    return next(d.value for d in at.dataframe if feature_col in d.value.columns
                and group_col in d.value.columns)


def test_profile_table_formats_money_counts_and_names_match_profiles():
    at = app(PAGE)
    at.sidebar.selectbox(key="sb_lang").set_value("en").run()
    assert not at.exception and not at.error
    prof = _profiles(at, "Group", "Criterion")
    row = prof.set_index(["Group", "Criterion"])
    money = prof[prof["Criterion"] == "Total spent"]
    # money in euros without decimals, e.g. "€119,292" (was "119,291.8")
    assert money["Group mean"].str.match(r"^€[\d,]+$").all(), money["Group mean"].tolist()
    assert money["Mean of all"].str.startswith("€").all()
    assert prof["Index (100 = average)"].str.match(r"^[\d,]+$|^–$").all()
    # a group is named single-range only when it buys about one family
    for (group, crit), r in row.iterrows():
        if crit == "Families bought" and "single-range" in group.lower():
            assert float(r["Group mean"]) <= 1.5, group
    # the criteria chips follow the language
    chips = at.multiselect(key="seg_features").options
    assert "Recency (days)" in chips or any("Recency" in c for c in chips), chips


def test_profile_table_french_money_format():
    at = app(PAGE)
    prof = _profiles(at)
    money = prof[prof["Critère"] == "Marge"]
    assert money["Moyenne du groupe"].str.endswith("€").all(), money["Moyenne du groupe"].tolist()
