"""fold() by one str.translate for Latin text gives what decomposing the
whole text gives (the slow path, kept for other scripts)."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dvdesktop.vn import fold

_SPACES = re.compile(r"\s+")


def _by_decomposition(text: str) -> str:
    """fold() as it was written before the table: the whole text decomposed."""
    extra = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})
    decomposed = unicodedata.normalize("NFD", text.translate(extra))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower().translate(extra)).strip()


latin = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x24F) | st.sampled_from(
    [chr(c) for c in range(0x300, 0x370)] + [chr(c) for c in range(0x1E00, 0x1F00)]), max_size=40)
anything = st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=40)
# what fold's byte path takes (every character in its charmap), with whitespace runs
vietnamese = st.text(alphabet=st.sampled_from(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
    "abcxyzABCXYZ019 .,;:()-/\t\n\u00a0çñüöøÇÑÜ\u0300\u0301\u0303\u0309\u0323"), max_size=60)


@given(latin)
def test_latin_text_as_by_decomposition(text):
    fold.cache_clear()
    assert fold(text) == _by_decomposition(text)
    assert fold(unicodedata.normalize("NFD", text)) == _by_decomposition(unicodedata.normalize("NFD", text))


@given(vietnamese)
def test_vietnamese_text_as_by_decomposition(text):
    """The byte path (Vietnamese, ASCII, some Latin letters and the marks) and
    the whitespace shortcut give what decomposing gives."""
    fold.cache_clear()
    assert fold(text) == _by_decomposition(text)
    assert fold(unicodedata.normalize("NFD", text)) == _by_decomposition(unicodedata.normalize("NFD", text))
    assert fold(text.upper()) == _by_decomposition(text.upper())


@given(anything)
def test_any_text_as_by_decomposition(text):
    fold.cache_clear()
    assert fold(text) == _by_decomposition(text)


def test_examples_of_other_scripts_and_spaces():
    for text in ("ΑΣ Σίσυφος", "İstanbul ǅemal", "Nguyễn\u00a0Văn\u2003Đức", "Œuvre ß ø æ", "  Lò\tVăn\nƠn  ", "北京 Hà Nội"):
        assert fold(text) == _by_decomposition(text), text
