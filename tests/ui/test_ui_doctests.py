"""Run the docstring examples of the ui/ helpers (pytest's doctest collection covers
core/ only)."""

import doctest
import importlib

import pytest

MODULES = ["ui.format", "ui.i18n", "ui.importer", "ui.tables", "ui.charts"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
