"""Numbers in the Vietnamese locale: '.' groups thousands, ',' is the decimal mark."""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

_THOUSANDTH = Decimal("0.001")
_TO_VIETNAMESE = str.maketrans(",.", ".,")


def _vietnamese_marks(text: str) -> str:
    """Python's '1,234.5' written the Vietnamese way: '1.234,5' (the marks swapped)."""
    return text.translate(_TO_VIETNAMESE)


def format_number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """1234567.5 → '1.234.567,5'."""
    if value is None:
        return ""
    if type(value) is int and not decimals:
        # the overview's and lists' counts: the same text without babel's locale
        # machinery (its first call costs ~80 ms on the window's thread)
        return _vietnamese_marks(f"{value:,}")
    if type(value) is Decimal and decimals is not None and value.is_finite() and not value.is_zero() and value.adjusted() < 15:
        # work days (0.5 steps): the same text as babel's pattern, checked in tests/vn
        return _vietnamese_marks(f"{value:,.{decimals}f}")
    if type(value) is Decimal and decimals is None and value.is_finite() and value.adjusted() < 15:
        # the overview's work days: babel's default pattern (#,##0.###, half-even), without
        # its locale data (~0.1 s and a few MB on the window's thread), checked in tests/vn
        rounded = value.quantize(_THOUSANDTH, rounding=ROUND_HALF_EVEN)
        if not rounded.is_zero():  # babel writes a zero's sign its own way: leave those to it
            text = f"{rounded:,f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            return _vietnamese_marks(text)
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale="vi_VN")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="vi_VN")


def format_money(value: int | Decimal | None) -> str:
    """Whole đồng with the currency word: '1.500.000 đồng'."""
    if value is None:
        return ""
    return f"{format_number(int(value), 0)} đồng"
