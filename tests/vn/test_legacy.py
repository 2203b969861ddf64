"""TCVN3 (ABC, .VnTime) and VNI text turned into Unicode, and told apart."""
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvdesktop.vn import legacy
from dvdesktop.vn.legacy import TCVN3, UNICODE, VNI, detect, encoding_of_font, from_unicode, to_unicode

LOWER = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
NAMES = ["Nguyễn Văn Đức", "Trần Thị Hồng Nhung", "Lường Thị Mỹ", "Giàng A Páo", "Quàng Văn Khuyến",
         "Đặng Thị Ánh Tuyết", "Bế Văn Tú", "Lò Văn Nhất", "Hoàng Thị Ngọc Ẩn", "Phạm Hữu Ước"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_names_typed_in_legacy_fonts_come_back(name, encoding):
    typed = from_unicode(name, encoding)
    assert typed != name and typed.isascii() is False
    assert to_unicode(typed, encoding) == name
    assert detect([typed]) == encoding


def test_known_spellings():
    # as the ABC keyboard and VNI-Times store them (seen in old commune files)
    assert to_unicode("NguyÔn V¨n §øc", TCVN3) == "Nguyễn Văn Đức"
    assert to_unicode("Tæ tr\xadëng", TCVN3) == "Tổ trưởng"
    assert to_unicode("Nguyeãn Vaên Ñöùc", VNI) == "Nguyễn Văn Đức"
    assert to_unicode("Toå tröôûng", VNI) == "Tổ trưởng"
    # .VnTimeH draws the small letters' codes as capitals
    assert to_unicode("DANH S¸CH THµNH VI£N", TCVN3) == "DANH SÁCH THÀNH VIÊN"
    assert to_unicode("NGUYEÃN VAÊN ÑÖÙC", VNI) == "NGUYỄN VĂN ĐỨC"


def test_every_vietnamese_letter_has_a_vni_spelling():
    for ch in LOWER + LOWER.upper():
        if ch.isascii():
            continue
        typed = from_unicode(ch, VNI)
        assert typed.isascii() is False and all(ord(c) < 0x100 for c in typed), ch  # Windows-1252 glyphs only
        assert to_unicode(typed, VNI) == ch


def test_every_small_vietnamese_letter_has_a_tcvn3_code():
    for ch in LOWER:
        if ch.isascii():
            continue
        typed = from_unicode(ch, TCVN3)
        assert len(typed) == 1 and (typed != ch or ch == "ý"), ch  # ý is 0xFD in both
        assert to_unicode(typed, TCVN3) == ch


@pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv")
def test_tcvn3_table_agrees_with_glibc():
    probe = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"\xb5", capture_output=True)
    if probe.returncode != 0:
        pytest.skip("iconv without TCVN5712-1")
    table = sorted(legacy.TCVN3_BYTES.items())
    out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], capture_output=True, check=True,
                         input=b"|".join(b"." + bytes([byte]) for byte, _uni in table))
    assert [piece[1:] for piece in out.stdout.decode("utf-8").split("|")] == [uni for _byte, uni in table]


def test_unicode_text_is_never_converted():
    for name in NAMES + ["Nà Khoang", "Tày", "Hà", "Lý Thị Mai"]:
        assert detect([name]) == UNICODE
        # a real Unicode letter says the text is Unicode, whatever it is said to be
    assert to_unicode("Nguyễn Văn Đức", TCVN3) == "Nguyễn Văn Đức"
    assert to_unicode("Nguyễn Văn Đức", VNI) == "Nguyễn Văn Đức"
    assert detect(["Ho va ten", "Nam sinh"]) == UNICODE  # plain ASCII: nothing to convert


def test_font_names():
    assert encoding_of_font(".VnTime") == TCVN3
    assert encoding_of_font(".VnTimeH") == TCVN3
    assert encoding_of_font(".VnArial") == TCVN3
    assert encoding_of_font("VNI-Times") == VNI
    assert encoding_of_font("Times New Roman") is None
    assert encoding_of_font(None) is None


words = st.lists(st.text(alphabet=LOWER, min_size=1, max_size=7), min_size=1, max_size=5).map(" ".join)


@given(words)
@settings(max_examples=300)
def test_small_letter_text_round_trips(text):
    for encoding in (TCVN3, VNI):
        assert to_unicode(from_unicode(text, encoding), encoding) == text


@given(st.lists(st.text(alphabet=LOWER + LOWER.upper(), min_size=1, max_size=7), min_size=1, max_size=5).map(" ".join))
@settings(max_examples=300)
def test_vni_round_trips_in_any_case(text):
    assert to_unicode(from_unicode(text, VNI), VNI) == text


@given(st.text(max_size=40))
def test_conversion_never_fails_and_gives_nfc(text):
    for encoding in (TCVN3, VNI, UNICODE):
        out = to_unicode(text, encoding)
        assert unicodedata.is_normalized("NFC", out)
    assert detect([text]) in (UNICODE, TCVN3, VNI)
