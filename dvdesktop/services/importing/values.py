"""Cleaning one cell's value for one field. Each function takes what openpyxl
read (text already NFC and trimmed by sheet.py, or a number, a date, a bool)
and returns the stored value, or raises ValueError with the Vietnamese
reason (the preview names it with the row number)."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ...vn import fold, parse_date
from ..core import vocab

THIS_YEAR = dt.date.today().year
# Excel's day 0 (1900 system): a date cell read as a plain number is days after it.
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


_DIGIT = re.compile(r"\d")
_NOT_PHONE = re.compile(r"[^0-9 .\-+()]")


def person_name(value) -> str:
    """A full name; one typed in capitals becomes Title Case ("NGUYỄN VĂN A" →
    "Nguyễn Văn A")."""
    name = text(value)
    if not name:
        raise ValueError("chưa có họ và tên")
    if _DIGIT.search(name):
        raise ValueError(f"họ và tên «{name}» có chữ số")
    name = name.strip(" .,;-")
    if name.isupper() or name.islower():
        name = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    if len(name.split()) < 2:
        raise ValueError(f"họ và tên «{name}» chưa đủ (ít nhất hai chữ)")
    if len(name) > 200:
        raise ValueError("họ và tên dài quá 200 ký tự")
    return name


def _year_ok(year: int) -> int:
    if not 1900 <= year <= THIS_YEAR:
        raise ValueError(f"năm sinh {year} không hợp lệ (1900–{THIS_YEAR})")
    return year


def birth_year(value) -> int | None:
    """A birth year from a year (1975, "1975"), a date typed as text
    ("15/12/1975", "15-12-1975", "15.12.1975") or an Excel date."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("năm sinh không hợp lệ")
    if isinstance(value, (dt.date, dt.datetime)):
        return _year_ok(value.year)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"năm sinh «{value}» không hợp lệ")
        value = int(value)
    if isinstance(value, int):
        # a plain number is a year: a date cell comes as a date (openpyxl reads
        # its format), and 19755 is a typo far more often than a day count
        return _year_ok(value)
    raw = text(value)
    digits = raw.replace(" ", "")
    if digits.isdigit() and len(digits) == 4:
        return _year_ok(int(digits))
    try:
        return _year_ok(parse_date(raw).year)
    except ValueError:
        pass
    raise ValueError(f"năm sinh «{raw}» không đọc được (ghi năm, ví dụ 1975, hoặc ngày 15/12/1975)")


def date(value, label: str = "ngày") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value <= 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    try:
        return parse_date(text(value))
    except ValueError:
        raise ValueError(f"{label} «{text(value)}» không đọc được (ghi dạng ngày/tháng/năm)") from None


_GENDERS = {"nam": "nam", "nu": "nữ", "n": "", "male": "nam", "female": "nữ", "trai": "nam", "gai": "nữ"}


def gender(value) -> str:
    raw = text(value)
    if not raw:
        return ""
    code = _GENDERS.get(fold(raw))
    if code:
        return code
    raise ValueError(f"giới tính «{raw}» không rõ (ghi Nam hoặc Nữ)")


_MARKS = {"x", "v", "1", "co", "c", "yes", "true", "✓", "✔", "+", "dang vien", "dv", "la dang vien"}
_NOT = {"", "0", "khong", "k", "no", "false", "-", "quan chung", "qc"}


def mark(value, label: str) -> bool:
    """A cross in a column (Đảng viên, Nam, Nữ): x, có, 1, ✓ … or empty."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    key = fold(text(value))
    if key in _MARKS:
        return True
    if key in _NOT:
        return False
    raise ValueError(f"{label} «{text(value)}»: đánh dấu x hoặc để trống")


_ROLES = {fold(label): code for code, label in vocab.TEAM_ROLES} | {
    "tt": "to_truong", "tp": "to_pho", "tv": "thanh_vien", "to vien": "thanh_vien", "uy vien": "thanh_vien",
    "thanh vien to": "thanh_vien", "pho to truong": "to_pho", "to truong to dan van": "to_truong",
    "to pho to dan van": "to_pho",
}


def role(value) -> str:
    raw = text(value)
    if not raw:
        return ""
    code = _ROLES.get(fold(raw).strip(" ."))
    if code:
        return code
    raise ValueError(f"chức vụ trong tổ «{raw}» không rõ (ghi Tổ trưởng, Tổ phó hoặc Thành viên)")


def phone(value) -> str:
    """A phone number as text; a number cell lost its leading 0 (912345678 →
    0912345678)."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = text(value)
    digits = "".join(ch for ch in raw if ch.isdigit())
    if isinstance(value, int) and len(digits) in (9, 10) and not digits.startswith("0") and not digits.startswith("84"):
        return "0" + digits
    if _NOT_PHONE.search(raw) or not 8 <= len(digits) <= 12:
        raise ValueError(f"số điện thoại «{raw}» không hợp lệ (8–12 chữ số)")
    return raw


_ETHNIC = {fold(name): name for name in vocab.ETHNIC_GROUPS} | {
    "hmong": "Mông", "h mong": "Mông", "meo": "Mông", "muong": "Mường", "khome": "Khmer", "kho me": "Khmer",
    "thai trang": "Thái", "thai den": "Thái", "gia rai": "Gia Rai", "jrai": "Gia Rai", "ede": "Ê Đê", "e de": "Ê Đê",
    "bana": "Ba Na", "kinh viet": "Kinh",
}


def ethnicity(value) -> str:
    return _ethnicity(text(value))


@functools.lru_cache(maxsize=1024)  # a list names a handful of groups, thousands of times
def _ethnicity(raw: str) -> str:
    if not raw:
        return ""
    if len(raw) > 50:
        raise ValueError("dân tộc dài quá 50 ký tự")
    key = " ".join(re.sub(r"[^\w ]", " ", fold(raw)).split())
    return _ETHNIC.get(key, _ETHNIC.get(key.replace(" ", ""), raw))


_KIND_WORDS = sorted(((fold(label), code) for code, label in vocab.AREA_KINDS), key=lambda p: len(p[0]), reverse=True)
_KIND_WORDS.insert(0, ("tdp", "tổ dân phố"))
_ROMAN = re.compile(r"^(?:[ivxlc]+|\d+|[a-z])[.)/:-]\s+", re.IGNORECASE)


def area(value, default_kind: str = "") -> tuple[str, str]:
    """An area's (name, kind) from "Thôn Nà Khoang", "bản Nà Khoang",
    "TDP số 3", "Nà Khoang" (the kind the column's header names)."""
    return _area(text(value), default_kind)


@functools.lru_cache(maxsize=4096)  # an area's name repeats on every row of its people
def _area(value: str, default_kind: str) -> tuple[str, str]:
    raw = value.strip(" .:;")
    if not raw:
        return "", ""
    folded = fold(raw)
    for word, kind in _KIND_WORDS:
        if folded.startswith(word + " ") and len(raw.split()) > len(word.split()):
            name = " ".join(raw.split()[len(word.split()):]).strip(" .:;-")
            if name.isupper() and len(name) > 3:
                name = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
            return name, kind
    if raw.isupper() and len(raw) > 3:
        raw = " ".join(w[:1].upper() + w[1:].lower() for w in raw.split())
    if len(raw) > 200:
        raise ValueError("tên địa bàn dài quá 200 ký tự")
    return raw, default_kind


def group_area(title: str) -> tuple[str, str] | None:
    """A group line above some rows naming their area ("I. THÔN NÀ KHOANG",
    "Bản Nà Khoang:"), as (name, kind); None when it names no area."""
    stripped = _ROMAN.sub("", title.strip())
    try:
        name, kind = area(stripped)
    except ValueError:  # too long for a name: a note, not an area
        return None
    return (name, kind) if kind and name else None


def limited(value, label: str, max_length: int) -> str:
    raw = text(value)
    if len(raw) > max_length:
        raise ValueError(f"{label} dài quá {max_length} ký tự")
    return raw
