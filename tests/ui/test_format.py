"""ui.format: numbers, money, percentages and dates in French and English."""

import math

import pandas as pd
import pytest

from ui.format import (
    NBSP,
    NNBSP,
    fmt_date,
    fmt_delta,
    fmt_money,
    fmt_number,
    fmt_pct,
    relative_change,
)


def test_money_french_uses_narrow_nbsp_and_decimal_comma():
    assert fmt_money(1234.56, "fr", decimals=2) == f"1{NNBSP}234,56{NBSP}€"
    assert fmt_money(1234567, "fr") == f"1{NNBSP}234{NNBSP}567{NBSP}€"


def test_money_english_puts_the_sign_first():
    assert fmt_money(1234.56, "en", decimals=2) == "€1,234.56"
    assert fmt_money(-1234.5, "en") == "-\u2060€1,234"  # half to even; word joiner after "-"
    assert fmt_money(-2.5, "fr", decimals=1) == f"-2,5{NBSP}€"


def test_money_rounding_to_zero_drops_the_sign():
    assert fmt_money(-0.004, "en", decimals=2) == "€0.00"


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT])
def test_missing_values_print_a_dash(value):
    assert fmt_money(value, "fr") == "–"
    assert fmt_number(value, "en") == "–"
    assert fmt_pct(value, "fr") == "–"
    assert fmt_date(value, "fr") == "–"


def test_compact_money():
    assert fmt_money(1_234_567, "fr", compact=True) == f"1,23{NBSP}M€"
    assert fmt_money(1_234_567, "en", compact=True) == "€1.23M"
    assert fmt_money(456_000, "en", compact=True) == "€456k"
    assert fmt_money(2_000_000, "en", compact=True) == "€2M"
    assert fmt_money(9_999, "en", compact=True) == "€9,999"
    assert fmt_money(-45_600, "fr", compact=True) == f"-45,6{NBSP}k€"


def test_number_and_pct():
    assert fmt_number(12345.678, "fr", 1) == f"12{NNBSP}345,7"
    assert fmt_number(12345.678, "en", 1) == "12,345.7"
    assert fmt_number(math.inf, "en") == "∞"
    assert fmt_pct(0.1234, "fr") == f"12,3{NBSP}%"
    assert fmt_pct(0.1234, "en", 0) == "12%"
    assert fmt_pct(0.05, "en", 1, signed=True) == "+5.0%"
    assert fmt_pct(-0.05, "en", 1, signed=True) == "-5.0%"


def test_dates():
    d = pd.Timestamp("2026-10-31")
    assert fmt_date(d, "fr") == "31/10/2026"
    assert fmt_date(d, "en") == "2026-10-31"
    assert fmt_date(d, "fr", "month") == "10/2026"
    assert fmt_date(d, "en", "month") == "2026-10"
    assert fmt_date(d, "fr", "month_name") == "oct. 2026"
    assert fmt_date(d.date(), "en", "month_name") == "Oct 2026"


def test_deltas():
    assert relative_change(110, 100) == pytest.approx(0.1)
    assert relative_change(5, 0) is None
    assert relative_change(-50, -100) == pytest.approx(0.5)
    assert fmt_delta(120, 100, "fr") == f"+20,0{NBSP}%"
    assert fmt_delta(80, 100, "en") == "-20.0%"
    assert fmt_delta(100, 100, "en") == "0.0%"
    assert fmt_delta(0.31, 0.325, "fr", kind="points") == f"-1,5{NBSP}pt"
    assert fmt_delta(0.34, 0.325, "en", kind="points") == "+1.5 pt"
    assert fmt_delta(42, 40, "en", kind="absolute") == "+2"
    assert fmt_delta(1, None, "en") is None
    assert fmt_delta(1, 0, "en") is None


def test_delta_sign_is_ascii_so_st_metric_colours_it():
    # st.metric colours a string delta red when it starts with "-"
    assert fmt_delta(1, 2, "fr").startswith("-")
    assert fmt_delta(2, 1, "fr").startswith("+")
