"""ui.i18n: every text exists in French and English, with the same placeholders."""

import importlib
import pkgutil
import string

import pytest

import ui.texts
from core.schema import COLUMNS
from ui.i18n import LANGS, column_label, t, texts
from ui.nav import PAGES, SECTIONS

MODULES = sorted(m.name for m in pkgutil.iter_modules(ui.texts.__path__))


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_there_are_text_modules():
    assert {"common", "columns", "overview", "data"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_every_key_exists_in_both_languages(module):
    table = importlib.import_module(f"ui.texts.{module}").TEXTS
    assert set(table) == set(LANGS)
    keys = {lang: set(table[lang]) for lang in LANGS}
    assert keys["fr"] - keys["en"] == set(), "keys missing in English"
    assert keys["en"] - keys["fr"] == set(), "keys missing in French"


@pytest.mark.parametrize("module", MODULES)
def test_placeholders_match_and_texts_are_not_empty(module):
    table = texts(module)
    for key, fr in table["fr"].items():
        en = table["en"][key]
        assert fr.strip() and en.strip(), f"{module}.{key} is empty"
        assert _fields(fr) == _fields(en), f"{module}.{key}: placeholders differ"


def test_missing_key_is_visible_not_an_error():
    assert t("overview.no_such_key", lang="fr") == "⟦overview.no_such_key⟧"
    assert t("nomodule.key", lang="en") == "⟦nomodule.key⟧"


def test_placeholders_are_filled_and_unfilled_ones_do_not_crash():
    assert t("common.data_line", lang="en", customers="3", lines="6", first="a",
             last="b") == "3 customers · 6 lines · a → b"
    assert "{customers}" in t("common.data_line", lang="en")
    assert t("common.data_line", lang="en", customers="3").startswith("common") is False


def test_languages_differ():
    assert t("overview.title", lang="fr") == "Vue d'ensemble"
    assert t("overview.title", lang="en") == "Overview"


def test_every_canonical_column_has_a_label():
    for kind, columns in COLUMNS.items():
        for col in columns:
            for lang in LANGS:
                assert not column_label(col, lang).startswith("⟦"), (kind, col, lang)


def test_navigation_registry_is_consistent():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    urls = [p.url_path for p in PAGES]
    assert len(urls) == len(set(urls))
    assert sum(p.default for p in PAGES) == 1
    for p in PAGES:
        assert (root / p.path).is_file(), p.path
        assert p.section in SECTIONS
        assert p.fr and p.en
    for key in SECTIONS.values():
        for lang in LANGS:
            assert not t(key, lang=lang).startswith("⟦")
