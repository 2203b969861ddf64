"""NFC normalisation and diacritic folding for Vietnamese text."""
from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d + a combining mark, so NFD leaves them alone.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def nfc(text: str | None) -> str | None:
    """Return *text* in NFC with surrounding whitespace removed.

    Every text that is stored goes through here: text pasted from old Word
    files often arrives decomposed (NFD), and reportlab misplaces combining
    marks when drawing it.
    """
    if text is None:
        return None
    text = str(text)
    if text.isascii() or unicodedata.is_normalized("NFC", text):  # most text: a quick check, no copy
        return text.strip()
    return unicodedata.normalize("NFC", text).strip()


def clean_line(text: str | None) -> str | None:
    """NFC plus inner runs of whitespace folded to one space (names, titles)."""
    text = nfc(text)
    if text is None:
        return None
    return _SPACES.sub(" ", text)


def _fold_slow(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower().translate(_FOLD_EXTRA)


# Folding one character at a time gives the same as folding the whole text
# for the Latin letters (Vietnamese included) and the combining marks: their
# decompositions do not depend on their neighbours and lower() has no context
# there. Such text (nearly all) is folded by one str.translate; anything else
# (Greek, CJK …) takes the slow path above. The table holds what the slow
# path makes of each character, so the two agree by construction.
_LATIN_RANGES = ((0x00, 0x250), (0x300, 0x370), (0x1E00, 0x1F00))
_FOLD_TABLE = {cp: _fold_slow(chr(cp)) for lo, hi in _LATIN_RANGES for cp in range(lo, hi)}
_LATIN_ONLY = re.compile("[" + "".join(f"\\u{lo:04x}-\\u{hi - 1:04x}" for lo, hi in _LATIN_RANGES) + "]*")


# Folding runs for every stored row (search columns); names and places repeat a
# lot, so a bounded cache of this pure function pays off (bulk imports, demo).
@functools.lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lower case without tones and marks, đ → d: 'Nguyễn Văn Đức' → 'nguyen van duc'."""
    if not text:
        return ""
    text = str(text)
    folded = text.translate(_FOLD_TABLE)
    # characters outside the table are left as they were (never ASCII): then check the text
    if not folded.isascii() and not _LATIN_ONLY.fullmatch(text):
        folded = _fold_slow(text)
    return " ".join(folded.split())  # runs of whitespace to one space, none at the ends


def digits(text: str | None) -> str:
    """Only the digits of *text* (phone numbers are typed with spaces and dots)."""
    return "".join(ch for ch in (text or "") if ch.isdigit())
