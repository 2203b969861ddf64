"""Text typed with the legacy Vietnamese fonts, turned into Unicode NFC.

Old Excel and Word files of commune offices still carry text typed before
Unicode: TCVN3 (TCVN 5712:1993 "VN3", the ABC keyboard with the .VnTime /
.VnArial fonts; .VnTimeH draws the same codes as capitals) and VNI (VNI-Times:
a base letter followed by a mark glyph, "Nguye\u00e3n" for "Nguyễn"). The file
itself says nothing about it: each byte became the Windows-1252 character of
that code when the text was stored as Unicode, so "Nguyễn" in TCVN3 reads
"NguyÔn" and in VNI "Nguyeãn".

``to_unicode(text, "tcvn3" | "vni")`` converts; ``detect(texts)`` says which
encoding a set of texts (a column, a sheet) was typed in, by how many of its
words become real Vietnamese syllables; ``encoding_of_font(name)`` reads the
font name when the file has kept it (the strongest hint).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

TCVN3 = "tcvn3"
VNI = "vni"
UNICODE = "unicode"

# --- TCVN3 -------------------------------------------------------------------

# Byte → Unicode, the whole of TCVN 5712:1993 VN3 beyond ASCII (as glibc's
# TCVN5712-1 converter has it; tests/vn/test_legacy.py compares the two when
# iconv is there). Bytes not listed (0xA0, 0xFD ý …) are the same in Latin-1.
TCVN3_BYTES: dict[int, str] = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ",
    0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ", 0x80: "À", 0x81: "Ả", 0x82: "Ã", 0x83: "Á",
    0x84: "Ạ", 0x85: "Ặ", 0x86: "Ậ", 0x87: "È", 0x88: "Ẻ", 0x89: "Ẽ", 0x8A: "É", 0x8B: "Ẹ",
    0x8C: "Ệ", 0x8D: "Ì", 0x8E: "Ỉ", 0x8F: "Ĩ", 0x90: "Í", 0x91: "Ị", 0x92: "Ò", 0x93: "Ỏ",
    0x94: "Õ", 0x95: "Ó", 0x96: "Ọ", 0x97: "Ộ", 0x98: "Ờ", 0x99: "Ở", 0x9A: "Ỡ", 0x9B: "Ớ",
    0x9C: "Ợ", 0x9D: "Ù", 0x9E: "Ủ", 0x9F: "Ũ", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô",
    0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ", 0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ",
    0xAD: "ư", 0xAE: "đ", 0xAF: "Ằ", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBA: "Ẳ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ",
    0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ", 0xC5: "Ề", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ",
    0xCA: "ấ", 0xCB: "ậ", 0xCC: "è", 0xCD: "Ể", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ", 0xD9: "Ễ",
    0xDA: "Ế", 0xDB: "Ồ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE0: "Ổ", 0xE1: "ỏ",
    0xE2: "õ", 0xE3: "ó", 0xE4: "ọ", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF0: "Ỗ", 0xF1: "ủ",
    0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ", 0xFF: "Ố",

    # the five tone marks as separate (combining) characters
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
}


def _windows_1252_chars(byte: int) -> set[str]:
    """The characters a legacy byte may have become in a Unicode file: its
    Windows-1252 character (Excel, Word) and its Latin-1 one (other tools,
    and the five codes Windows-1252 leaves undefined)."""
    chars = {chr(byte)}
    try:
        chars.add(bytes([byte]).decode("cp1252"))
    except UnicodeDecodeError:
        pass
    return chars


_TCVN3_CHARS: dict[str, str] = {
    char: uni for byte, uni in TCVN3_BYTES.items() for char in _windows_1252_chars(byte)
}
_TCVN3_TABLE = str.maketrans(_TCVN3_CHARS)


def _tcvn3(text: str) -> str:
    converted = unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))
    # .VnTimeH capitals are the lower-case codes drawn big: a word typed in
    # capitals comes back as "NGUYễN"; a word whose other letters are all
    # capitals is a capital word.
    return _CAPS_WORD.sub(_capitalise_if_caps, converted)


_CAPS_WORD = re.compile(r"\w+")


def _capitalise_if_caps(match: re.Match) -> str:
    word = match.group(0)
    ascii_letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if not ascii_letters or not all(ch.isupper() for ch in ascii_letters) or not any(ch.islower() for ch in word):
        return word
    # "NGUYễN": two capitals or more; "ĐứC": a capital only Vietnamese has. Not "Nà" (one capital, a name)
    if len(ascii_letters) >= 2 or any(ch.isupper() and not ch.isascii() for ch in word):
        return word.upper()
    return word


# --- VNI ---------------------------------------------------------------------

# Tones: sắc, huyền, hỏi, ngã, nặng as combining marks.
_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
# VNI's mark glyphs after a plain vowel (a e o u y, ơ, ư) for the five tones.
_VNI_TONE = "ùøûõï"
# After a, e, o: the circumflex alone, then with each tone (ấ = "aá").
_VNI_CIRCUMFLEX = "âáàåãä"
# After a: the breve alone, then with each tone (ắ = "aé").
_VNI_BREVE = "êéèúüë"
# i with its tone, one glyph each (í ì ỉ ĩ ị).
_VNI_I = "íìæóò"
# One-glyph letters: ơ, ư, đ; ỵ (y nặng).
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ"}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_table() -> dict[str, str]:
    """Every VNI sequence (one or two characters) and its Unicode letter, in
    lower and upper case: the complete VNI Windows letter set."""
    lower: dict[str, str] = {}
    for single, letter in _VNI_SINGLE.items():
        lower[single] = letter
    for tone, mark in zip(_VNI_I, _TONES):
        lower[tone] = _compose("i", mark)
    for base in ("a", "e", "o", "u", "y", "ô", "ö"):
        letter = _VNI_SINGLE.get(base, base)
        for glyph, mark in zip(_VNI_TONE, _TONES):
            if base == "y" and mark == "\u0323":
                continue  # ỵ is a glyph of its own (î)
            lower[base + glyph] = _compose(letter, mark)
    for base in ("a", "e", "o"):
        lower[base + _VNI_CIRCUMFLEX[0]] = _compose(base, "\u0302")
        for glyph, mark in zip(_VNI_CIRCUMFLEX[1:], _TONES):
            lower[base + glyph] = _compose(base, "\u0302", mark)
    lower["a" + _VNI_BREVE[0]] = _compose("a", "\u0306")
    for glyph, mark in zip(_VNI_BREVE[1:], _TONES):
        lower["a" + glyph] = _compose("a", "\u0306", mark)
    table: dict[str, str] = {}
    for seq, letter in lower.items():
        table[seq] = letter
        table[seq.upper()] = letter.upper()
        if len(seq) == 2:  # a capital letter with a small mark glyph ("Aù"): seen in title case
            table[seq[0].upper() + seq[1]] = letter.upper()
    return table


VNI_SEQUENCES: dict[str, str] = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_SEQUENCES), key=len, reverse=True)))


def _vni(text: str) -> str:
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: VNI_SEQUENCES[m.group(0)], text))


# --- detection -----------------------------------------------------------------

_CONVERTERS = {TCVN3: _tcvn3, VNI: _vni}


def to_unicode(text: str, encoding: str) -> str:
    """*text* typed in *encoding* (TCVN3 or VNI) as Unicode NFC; Unicode text
    is only normalised. Text holding letters only Unicode has (ư, ạ, ễ …) is
    Unicode already, whatever it is said to be, and is left as it is."""
    if encoding == UNICODE or not text:
        return unicodedata.normalize("NFC", text)
    if _has_unicode_letters(text):
        return unicodedata.normalize("NFC", text)
    return _CONVERTERS[encoding](text)


def encoding_of_font(font_name: str | None) -> str | None:
    """TCVN3 for the ABC fonts (.VnTime, .VnTimeH, .VnArial …), VNI for the
    VNI fonts (VNI-Times …), None for any other font."""
    name = (font_name or "").strip().lower()
    if name.startswith(".vn"):
        return TCVN3
    if name.startswith(("vni-", "vni ")):
        return VNI
    return None


def _has_unicode_letters(text: str) -> bool:
    """Letters no Windows-1252 file can hold: the text is Unicode already."""
    for ch in text:
        code = ord(ch)
        if code > 0xFF and not _in_cp1252(ch):
            return True
    return False


_CP1252_HIGH = {bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _in_cp1252(ch: str) -> bool:
    return ch in _CP1252_HIGH


_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
# The vowel groups Vietnamese writes (without tones).
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ "
    "ưa ưi ươ ưu uy yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu"
).split()
_SYLLABLE = re.compile(
    "^(" + "|".join(_ONSETS) + ")(" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")("
    + "|".join(_CODAS) + ")$")
_TONE_MARKS = set(_TONES)


def _is_syllable(word: str) -> bool:
    """A written Vietnamese syllable: an onset, one to three vowels, a coda,
    at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return bool(_SYLLABLE.match(bare))


_WORD = re.compile(r"\S+")


def plausibility(text: str) -> int:
    """How much *text* looks like Vietnamese: +2 a syllable with marks, +1 a
    plain one, -2 a word with symbols or marks that is no syllable."""
    score = 0
    for raw in _WORD.findall(text):
        word = raw.strip(".,;:()[]\"'!?-/")
        if not word or word.isdigit():
            continue
        marked = not word.isascii()
        if word.isalpha() and _is_syllable(word):
            score += 2 if marked else 1
        elif marked or not word.replace("-", "").isalnum():
            score -= 2
    return score


def detect(texts: Iterable[str]) -> str:
    """The encoding *texts* were typed in: UNICODE, TCVN3 or VNI, the one whose
    reading makes the most Vietnamese words (Unicode on a tie: plain ASCII
    text is the same in all three)."""
    scores = {UNICODE: 0, TCVN3: 0, VNI: 0}
    for text in texts:
        if not text or text.isascii() or _has_unicode_letters(text):
            if text and _has_unicode_letters(text):
                scores[UNICODE] += 3  # one real Unicode letter rules the others out for this text
            continue
        scores[UNICODE] += plausibility(text)
        scores[TCVN3] += plausibility(_tcvn3(text))
        scores[VNI] += plausibility(_vni(text))
    best = max(scores.values())
    if scores[UNICODE] == best:
        return UNICODE
    return TCVN3 if scores[TCVN3] >= scores[VNI] else VNI


def from_unicode(text: str, encoding: str) -> str:
    """Unicode *text* as it reads when typed in *encoding* (the inverse, for
    tests and sample files)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        back = {}
        for byte, uni in TCVN3_BYTES.items():
            if len(uni) == 1 and not unicodedata.combining(uni) and byte >= 0x80:
                back.setdefault(uni, bytes([byte]).decode("cp1252", errors="ignore") or chr(byte))
        # capitals with no code of their own are written with the small letter's code (.VnTimeH)
        out = []
        for ch in text:
            if ch in back:
                out.append(back[ch])
            elif ch.lower() in back and ch != ch.lower():
                out.append(back[ch.lower()])
            else:
                out.append(ch)
        return "".join(out)
    if encoding == VNI:
        back = {}
        for seq, uni in VNI_SEQUENCES.items():
            if len(seq) == 2 and seq[0].isupper() != seq[1].isupper():
                continue
            back.setdefault(uni, seq)
        return "".join(back.get(ch, ch) for ch in text)
    return text
