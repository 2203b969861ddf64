import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvdesktop.vn import fold, format_date, format_number, name_sort_key, nfc, parse_date, place_date, sort_key

VIETNAMESE_LETTERS = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
vn_text = st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " ", max_size=30)


@pytest.mark.parametrize("text, folded", [
    ("Nguyễn Văn Đức", "nguyen van duc"),
    ("ĐẶNG THỊ Ánh", "dang thi anh"),
    ("  Lò   Văn  Ơn ", "lo van on"),
    ("Thôn Nà Khoang", "thon na khoang"),
    ("", ""),
])
def test_fold_examples(text, folded):
    assert fold(text) == folded


@given(vn_text)
def test_fold_is_ascii_and_ignores_form(text):
    folded = fold(text)
    assert folded.isascii()
    assert fold(unicodedata.normalize("NFD", text)) == folded
    assert fold(folded) == folded


@given(vn_text)
def test_nfc_is_idempotent_and_canonical(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert nfc(decomposed) == unicodedata.normalize("NFC", text).strip()
    assert nfc(nfc(text)) == nfc(text)


def test_alphabet_order():
    letters = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    shuffled = sorted(letters, key=lambda ch: hash(ch))
    assert sorted(shuffled, key=sort_key) == letters


def test_tones_are_second_level():
    tones = ["a", "à", "ả", "ã", "á", "ạ"]
    assert sorted(reversed(tones), key=sort_key) == tones
    # letters decide before tones: "ạ" < "b", "á c" < "ă"
    assert sort_key("ạ") < sort_key("b")
    assert sort_key("ác") < sort_key("ăa")
    assert sort_key("an") < sort_key("anh") < sort_key("ăn")


@given(vn_text, vn_text)
def test_sort_key_consistent_with_nfd(a, b):
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    assert sort_key(a) == sort_key(nfd(a))
    assert (sort_key(a) < sort_key(b)) == (sort_key(nfd(a)) < sort_key(nfd(b)))


@given(vn_text)
def test_sort_key_digits_only(text):
    # digits sort the same in Python, SQLite and any PostgreSQL collation
    assert sort_key(text).isdigit()


def test_names_sort_by_given_name_then_family():
    names = ["Nguyễn Thị An", "Đặng Văn Bình", "Lê Văn Anh", "Trần Ánh", "Lò Văn Ân", "Vàng A Dơ", "Hờ A Do", "Lê Thị Ơn", "Giàng A Ôn", "Lò Thị Ốn"]
    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Thị An", "Lê Văn Anh", "Trần Ánh", "Lò Văn Ân", "Đặng Văn Bình",
        "Hờ A Do", "Vàng A Dơ", "Giàng A Ôn", "Lò Thị Ốn", "Lê Thị Ơn",
    ]


def test_same_given_name_sorts_by_family_name():
    names = ["Nguyễn Văn Đức", "Đỗ Văn Đức", "Bùi Đức", "Đinh Văn Đức"]
    assert sorted(names, key=name_sort_key) == ["Bùi Đức", "Đinh Văn Đức", "Đỗ Văn Đức", "Nguyễn Văn Đức"]


@pytest.mark.parametrize("day, text", [
    (dt.date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
    (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
    (dt.date(2024, 2, 10), "ngày 10 tháng 02 năm 2024"),
    (dt.date(2024, 12, 15), "ngày 15 tháng 12 năm 2024"),
    (dt.date(2024, 3, 9), "ngày 09 tháng 3 năm 2024"),
])
def test_format_date(day, text):
    assert format_date(day) == text


def test_place_date():
    assert place_date("Nậm Pồ", dt.date(2024, 12, 15)) == "Nậm Pồ, ngày 15 tháng 12 năm 2024"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_format_date_shape(day):
    words = format_date(day).split()
    assert words[0] == "ngày" and len(words[1]) == 2 and int(words[1]) == day.day
    assert int(words[3]) == day.month and (len(words[3]) == 2) == (day.month < 3 or day.month >= 10)
    assert parse_date(day.strftime("%d/%m/%Y")) == day


@pytest.mark.parametrize("value, text", [(1234567.5, "1.234.567,5"), (1000, "1.000"), (0, "0")])
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("value, decimals, text", [
    (0, None, "0"), (0, 0, "0"), (-7, None, "-7"), (999, None, "999"), (1000, None, "1.000"),
    (-1234567, None, "-1.234.567"), (1234567, 0, "1.234.567"), (10**12, None, "1.000.000.000.000"),
    (Decimal("1234.5"), 1, "1.234,5"), (Decimal("-1234.5"), 2, "-1.234,50"), (Decimal("0.5"), 1, "0,5"),
    (Decimal("1000000"), 1, "1.000.000,0"), (Decimal("-0.25"), 1, "-0,2"),  # half-even, as babel
    (Decimal("1234.5"), None, "1.234,5"), (Decimal("-98765.4321"), None, "-98.765,432"),
    (Decimal("0.0005"), None, "0"), (Decimal("12.30"), None, "12,3"), (Decimal("1000"), None, "1.000"),
])
def test_format_number_thousands_decimals_and_signs(value, decimals, text):
    """Every path of format_number (whole numbers, a Decimal with or without a number of
    decimals): '.' groups the thousands, ',' marks the decimals, the sign in front."""
    assert format_number(value, decimals) == text


@pytest.mark.parametrize("text", ["", "31/02/2024", "hôm qua", "2024-13-01"])
def test_parse_date_rejects_with_vietnamese_message(text):
    with pytest.raises(ValueError) as err:
        parse_date(text)
    assert "ngày" in str(err.value).lower()
