"""NFC normalisation and diacritic folding for Vietnamese text."""
from __future__ import annotations

import codecs
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

# Quicker still for nearly all text, all in C: lower(), then each character
# to one byte by a charmap (a codec's table), then each byte to its folded
# ASCII letter (bytes.translate), the marks deleted. The bytes hold ASCII, the
# Vietnamese letters and marks, and as many other lower-case Latin letters
# that fold to one ASCII letter as fit; a text with any other character
# raises UnicodeEncodeError and takes the table. Lowering first changes
# nothing for these letters (lower() depends on its neighbours only for the
# Greek sigma). About 2.5 times quicker than the table for a Vietnamese
# sentence.
_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_VIETNAMESE_MARKS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"


def _byte_tables():
    letters = sorted(
        (ch for cp, ch in ((cp, chr(cp)) for cp in _FOLD_TABLE if cp >= 0x80)
         if ch.lower() == ch and len(_FOLD_TABLE[cp]) == 1 and _FOLD_TABLE[cp].isascii()),
        key=lambda ch: (ch not in _VIETNAMESE, ord(ch)))
    upper = (_VIETNAMESE_MARKS + "".join(letters))[:128]
    decoding = "".join(map(chr, range(128))) + upper + "\ufffe" * (128 - len(upper))
    # ASCII as itself, but every whitespace as a space (runs are folded to one space anyway)
    ascii_ = bytes(32 if chr(b).isspace() else b for b in range(128))
    folded = ascii_ + bytes(ord(_FOLD_TABLE[ord(ch)] or "\0") for ch in upper)
    folded += bytes(range(len(folded), 256))
    marks = bytes(range(128, 128 + len(_VIETNAMESE_MARKS)))
    return codecs.charmap_build(decoding), folded, marks


_BYTE_OF, _BYTE_FOLDED, _BYTE_MARKS = _byte_tables()
_charmap_encode = codecs.charmap_encode
_BYTES_FROM = 10  # characters: for shorter text the table is as quick (the byte path's four calls)


# Folding runs for every stored row (search columns); names and places repeat a
# lot, so a bounded cache of this pure function pays off (bulk imports, demo).
@functools.lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Lower case without tones and marks, đ → d: 'Nguyễn Văn Đức' → 'nguyen van duc'."""
    if not text:
        return ""
    text = str(text)
    if len(text) >= _BYTES_FROM:
        try:
            folded = _charmap_encode(text.lower(), "strict", _BYTE_OF)[0].translate(_BYTE_FOLDED, _BYTE_MARKS)
        except UnicodeEncodeError:
            pass  # a character the bytes do not hold: the table
        else:
            folded = folded.decode()
            # the byte path made every whitespace a space: most text has no run to fold,
            # and splitting cost as much as the folding
            if "  " in folded or folded[:1] == " " or folded[-1:] == " ":
                return " ".join(folded.split())
            return folded
    folded = text.translate(_FOLD_TABLE)
    # characters outside the table are left as they were (never ASCII): then check the text
    if not folded.isascii() and not _LATIN_ONLY.fullmatch(text):
        folded = _fold_slow(text)
    return " ".join(folded.split())  # runs of whitespace to one space, none at the ends


def digits(text: str | None) -> str:
    """Only the digits of *text* (phone numbers are typed with spaces and dots)."""
    return "".join(ch for ch in (text or "") if ch.isdigit())
