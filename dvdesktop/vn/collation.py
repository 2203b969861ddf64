"""Vietnamese alphabetical order (CLDR vi) as plain sortable strings.

The keys are made of ASCII digits only, with a fixed width per letter, so that
the same stored column sorts identically in Python, in SQLite (binary
comparison) and in PostgreSQL under any locale's collation.
"""
from __future__ import annotations

import functools
import unicodedata

from .text import nfc

# Letters in Vietnamese order; f, j, w, z appear in names of foreign origin and
# take their Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TERMINATOR = "00"
_SPACE = "01"
_PRIMARY = {str(d): f"{2 + d:02d}" for d in range(10)}
_PRIMARY.update({ch: f"{12 + i:02d}" for i, ch in enumerate(_ALPHABET)})

# Tones as second-level differences: none < huyền < hỏi < ngã < sắc < nặng.
_TONES = {
    "\u0300": "1",  # huyền
    "\u0309": "2",  # hỏi
    "\u0303": "3",  # ngã
    "\u0301": "4",  # sắc
    "\u0323": "5",  # nặng
}
# Marks that make a letter of its own (ă, â, ê, ô, ơ, ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


@functools.lru_cache(maxsize=4096)  # a few hundred distinct characters; bulk imports key 10,000 names
def _split(ch: str) -> tuple[str, str]:
    """Base letter (with its letter-making marks) and tone digit of one character."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "0"
    base = ""
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        elif unicodedata.combining(part) and part not in _LETTER_MARKS:
            continue
        else:
            base += part
    return unicodedata.normalize("NFC", base), tone


@functools.lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str:
    """A string that sorts *text* in Vietnamese order.

    Letters first (a < ă < â, d < đ, o < ô < ơ, u < ư), then tones, then lower
    case before upper case. Punctuation is ignored, as dictionaries do.
    """
    text = nfc(text) or ""
    primary: list[str] = []
    tones: list[str] = []
    cases: list[str] = []
    previous_space = True
    for ch in text:
        if ch.isspace():
            if not previous_space:
                primary.append(_SPACE)
                tones.append("0")
                cases.append("0")
            previous_space = True
            continue
        base, tone = _split(ch)
        lower = base.lower()
        weight = _PRIMARY.get(lower)
        if weight is None:
            if not ch.isalnum():
                continue
            # A letter outside the Vietnamese alphabet: after z, by code point.
            weight = "99" + f"{ord(lower) % 100000:05d}"
        primary.append(weight)
        tones.append(tone)
        cases.append("0" if base == lower else "1")
        previous_space = False
    while primary and primary[-1] == _SPACE:
        primary.pop(); tones.pop(); cases.pop()
    return "".join(primary) + _TERMINATOR + "".join(tones) + "0" + "".join(cases)


def split_name(full_name: str | None) -> tuple[str, str]:
    """(họ đệm, tên): the given name is the last word."""
    words = (nfc(full_name) or "").split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]


@functools.lru_cache(maxsize=65536)
def name_sort_key(full_name: str | None) -> str:
    """Sort people by tên, then họ đệm, then the whole name (Vietnamese lists)."""
    family, given = split_name(full_name)
    # Equal primary letters imply equal key lengths, so plain concatenation
    # compares part by part without a separator (which some collations ignore).
    return sort_key(given) + sort_key(family) + sort_key(full_name)
