"""How printed Vietnamese is typeset, whatever was typed: typographic quotes
(“Dân vận khéo”, not "Dân vận khéo") and quarters in Roman numerals
("quý III năm 2026", not "quý 3"). Applied once to every printed text by
documents.blocks, so stored records need no rewriting."""
from __future__ import annotations

import re

ROMAN = ("I", "II", "III", "IV")

_QUOTED = re.compile(r'"([^"\n]*)"')
_QUARTER = re.compile(r"\b([Qq]uý)\s+([1-4])(?![\d/.,]?\d)")


def curly_quotes(text: str) -> str:
    """Pairs of straight double quotes → “…”; a lone one is left as typed."""
    return _QUOTED.sub("\u201c\\1\u201d", text)


def roman_quarters(text: str) -> str:
    """'quý 3' → 'quý III' (not 'quý 3/2026', a date written short)."""
    return _QUARTER.sub(lambda m: f"{m.group(1)} {ROMAN[int(m.group(2)) - 1]}", text)


def quarter_name(number: int) -> str:
    """3 → 'quý III'."""
    return f"quý {ROMAN[number - 1]}"


def polish(text: str) -> str:
    if not text:
        return text
    return roman_quarters(curly_quotes(text))
