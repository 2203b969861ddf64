"""format_number's quick paths (whole numbers, Decimals with a fixed number of
decimals) write exactly what babel's vi_VN patterns write."""
from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from dvdesktop.vn import numbers
from dvdesktop.vn.numbers import format_number


def _babel(value, decimals):
    if decimals is None:
        return format_decimal(value, locale="vi_VN")
    return format_decimal(value, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale="vi_VN")


def test_whole_numbers_as_babel_writes_them():
    rng = random.Random(17)
    values = [0, 1, -1, 999, 1000, -1000, 1234567, -987654, 10**15, 10**20] + [rng.randint(-10**12, 10**12)
                                                                               for _ in range(2000)]
    for value in values:
        assert format_number(value) == _babel(value, None), value
        assert format_number(value, 0) == _babel(value, 0), value
    assert format_number(1234567) == "1.234.567"


@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
def test_decimals_as_babel_writes_them_rounding_included(decimals):
    rng = random.Random(decimals)
    values = [Decimal(x) for x in ("0.5", "1.5", "2.5", "0.125", "0.135", "-0.005", "-1234.565", "1234567.5",
                                   "0.001", "-0.001", "99999.995", "10.0", "1E+3", "12345678901234.5", "0")]
    values += [Decimal(rng.randint(-10**9, 10**9)) / Decimal(10 ** rng.randint(0, 5)) for _ in range(2000)]
    for value in values:
        assert format_number(value, decimals) == _babel(value, decimals), value
    assert format_number(Decimal("1234.5"), 1) == "1.234,5"


def test_whole_numbers_do_not_load_babel():
    # the overview's first cards: no locale machinery on the window's thread
    assert "format_decimal" not in vars(numbers)


def test_decimals_without_a_pattern_as_babel_writes_them():
    # the overview's work days (a Decimal, no number of decimals given)
    rng = random.Random(5)
    values = [Decimal(x) for x in ("0.5", "1.5", "2.5", "0.0005", "0.0015", "-0.0015", "0.0025", "1E+3", "1.5E-7",
                                   "123456.78949", "-1234.5", "1000000.000", "12345678901234.5", "99999.9995",
                                   "0", "-0", "0.0", "-0.0001", "0E-10", "12.30", "7")]
    values += [Decimal(rng.randint(-10**12, 10**12)) / Decimal(10 ** rng.randint(0, 6)) for _ in range(3000)]
    for value in values:
        assert format_number(value) == _babel(value, None), value
    assert format_number(Decimal("1234.5")) == "1.234,5"
