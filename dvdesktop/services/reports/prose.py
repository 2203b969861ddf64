"""Phrases of the drafted report text: figures in Vietnamese administrative prose.

    change(142, 130, "cuộc", "năm 2025") → "tăng 12 cuộc so với năm 2025 (9,2%)"
    change(0, 5, "cuộc", "năm 2025")     → "giảm 5 cuộc so với năm 2025"
    rate(91.2)                           → "91,2%"

Numbers follow the Vietnamese format (vn.numbers): 1.234 and 8,5; a percent
sign after a non-breaking space, as printed reports write it.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...vn import format_number

NBSP = "\u00a0"


def half_up(value, decimals: int = 1) -> float:
    """Rounded as reports round (91,25 → 91,3), not to the nearest even."""
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def num(value, decimals: int = 0) -> str:
    if value is None:
        return ""
    if decimals:
        return format_number(half_up(value, decimals), decimals)
    if isinstance(value, float) and not value.is_integer():
        return format_number(half_up(value, 1), 1)
    return format_number(int(value))


def rate(value: float | None) -> str:
    """'91,2%' (one decimal)."""
    if value is None:
        return ""
    return f"{num(value, 0 if half_up(value) in (0, 100) else 1)}%"


def share(part, whole) -> float | None:
    return None if not whole else 100.0 * part / whole


def qty(value, unit: str, decimals: int = 0) -> str:
    """'142 cuộc' — the number and its unit word, kept on one line."""
    return f"{num(value, decimals)}{NBSP}{unit}" if unit else num(value, decimals)


def change(current, previous, unit: str, comparison: str, *, decimals: int = 0, percent: bool = True) -> str:
    """How *current* compares with *previous*: 'tăng 12 cuộc so với năm 2025
    (9,2%)', 'giảm …', 'bằng năm 2025'; '' when there is nothing to compare."""
    if previous is None:
        return ""
    diff = round(current - previous, decimals) if decimals else current - previous
    if diff == 0:
        return f"bằng {comparison}"
    word = "tăng" if diff > 0 else "giảm"
    text = f"{word} {qty(abs(diff), unit, decimals)} so với {comparison}"
    if percent and previous:
        text += f" ({rate(abs(diff) * 100.0 / previous)})"
    return text


def points_change(current: float | None, previous: float | None, comparison: str) -> str:
    """A rate beside last year's: 'tăng 1,5 điểm phần trăm so với năm 2025'."""
    if current is None or previous is None:
        return ""
    diff = round(half_up(current) - half_up(previous), 1)  # as the table, which rounds each rate first
    if diff == 0:
        return f"bằng {comparison}"
    return f"{'tăng' if diff > 0 else 'giảm'} {num(abs(diff), 1)} điểm phần trăm so với {comparison}"


def with_change(text: str, current, previous, unit: str, comparison: str, **kw) -> str:
    """'text, tăng 12 cuộc so với năm 2025 (9,2%)' — or text alone."""
    c = change(current, previous, unit, comparison, **kw)
    return f"{text}, {c}" if c else text


def sentence(*clauses: str) -> str:
    """Clauses joined by '; ' into one sentence with a capital and a full stop."""
    body = "; ".join(c.strip() for c in clauses if c and c.strip())
    if not body:
        return ""
    body = body[0].upper() + body[1:]
    return body if body.endswith(".") else body + "."


def listing(items: list[str], last: str = "và") -> str:
    """'a, b và c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
