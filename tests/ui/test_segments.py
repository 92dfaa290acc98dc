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
