"""Finding the header row of a list by its words, wherever it is.

Header words are matched ignoring case, diacritics and punctuation ("Họ và
tên", "HỌ TÊN", "Họ, tên"), the longest known phrase first ("Chức vụ trong
tổ" before "Chức vụ"). A header may take two rows: "Năm sinh" merged over
"Nam" | "Nữ" (the year written under the person's gender), or "Giới tính"
over "Nam" | "Nữ" (a cross in one of them)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...vn import fold
from .sheet import Grid

# field → the header phrases that name it, folded. The Nam / Nữ columns are
# matched apart (folded, "năm" and "nam" are the same word).
ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu", "thu tu"),
    "full_name": ("ho va ten", "ho ten", "ho va ten thanh vien", "ho ten thanh vien", "ten thanh vien",
                  "ho va ten dem", "ho ten day du"),
    "birth": ("nam sinh", "ngay sinh", "ngay thang nam sinh", "ngay thang sinh", "sinh ngay", "sinh nam"),
    "gender": ("gioi tinh", "gioi"),
    "ethnicity": ("dan toc",),
    "area": ("thon", "ban", "to dan pho", "dia ban", "thon ban", "thon to dan pho", "thon ban to dan pho",
             "khu pho", "ap", "xom", "thon xom", "lang", "buon", "khu", "ten thon", "ten dia ban",
             "thon ban tdp", "thon tdp", "tdp"),
    "role": ("chuc vu trong to", "chuc danh trong to", "vai tro", "vai tro trong to", "chuc vu trong to dan van",
             "chuc danh trong to dan van"),
    "position": ("chuc vu", "chuc danh", "chuc vu o thon", "chuc vu hien nay", "chuc vu doan the",
                 "chuc vu chinh quyen", "chuc vu dang chinh quyen doan the"),
    "phone": ("so dien thoai", "sdt", "dien thoai", "so dt", "dt", "dien thoai lien he", "so dien thoai lien he"),
    "party_member": ("dang vien", "la dang vien", "dv", "dang vien x"),
    "address": ("dia chi", "noi o", "noi o hien nay", "cho o hien nay", "noi cu tru"),
    "commune": ("xa", "phuong", "xa phuong", "xa phuong dac khu", "don vi"),
    "start_date": ("ngay vao to", "ngay tham gia", "tu ngay", "ngay bat dau", "ngay tham gia to"),
    "notes": ("ghi chu",),
}
FIELD_NAMES = {
    "stt": "STT", "full_name": "Họ và tên", "birth": "Năm sinh", "gender": "Giới tính", "ethnicity": "Dân tộc",
    "area": "Thôn, bản, tổ dân phố", "role": "Chức vụ trong tổ", "position": "Chức vụ", "phone": "Số điện thoại",
    "party_member": "Đảng viên", "address": "Địa chỉ", "commune": "Xã", "start_date": "Ngày vào tổ",
    "notes": "Ghi chú", "male": "Nam", "female": "Nữ", "male_birth": "Năm sinh (Nam)",
    "female_birth": "Năm sinh (Nữ)",
}
# The area kind a header word implies, for areas the import creates.
AREA_KIND_OF_HEADER = {"ban": "bản", "to dan pho": "tổ dân phố", "tdp": "tổ dân phố", "khu pho": "khu phố",
                       "ap": "ấp", "xom": "xóm", "lang": "làng", "buon": "buôn", "khu": "khu", "thon": "thôn"}

_PUNCT = re.compile(r"[^\w\s]")
_ORDER = sorted(((alias, name) for name, aliases in ALIASES.items() for alias in aliases),
                key=lambda pair: len(pair[0]), reverse=True)


def header_key(text) -> str:
    """A header cell as it is compared: folded, punctuation out, one space."""
    if not isinstance(text, str):
        return ""
    return " ".join(_PUNCT.sub(" ", fold(text)).replace("_", " ").split())


def _gender_word(text) -> str | None:
    if not isinstance(text, str):
        return None
    word = " ".join(_PUNCT.sub(" ", text.lower()).split())
    if word == "nam":
        return "male"
    if word in ("nữ", "nu"):
        return "female"
    return None


def field_of(text) -> str | None:
    """The field a header cell names, or None."""
    key = header_key(text)
    if not key:
        return None
    gender = _gender_word(text)
    if gender:
        return gender
    for alias, name in _ORDER:
        if key == alias or key.startswith(alias + " "):
            return name
    return None


@dataclass
class Header:
    row: int  # 0-based index of the (first) header row
    data_start: int  # 0-based index of the first row after the header
    columns: dict[str, int] = field(default_factory=dict)  # field → 0-based column
    area_kind: str = ""  # the kind of area the area column's header names ("bản" …)

    def describe(self) -> list[tuple[str, int]]:
        """(Vietnamese field name, 1-based column) in column order."""
        return sorted(((FIELD_NAMES.get(f, f), c + 1) for f, c in self.columns.items()), key=lambda p: p[1])


def _row_fields(row: list) -> dict[str, int]:
    found: dict[str, int] = {}
    for c, value in enumerate(row):
        name = field_of(value)
        if name and name not in found:
            found[name] = c
    return found


SEARCH_ROWS = 40  # the header is somewhere in the first rows, under the title lines


def find_header(grid: Grid) -> Header | None:
    """The header row: the one among the first rows naming the most known
    fields, with a name column. None when no row looks like a header."""
    best: tuple[int, int, dict[str, int]] | None = None
    for r, row in enumerate(grid.rows[:SEARCH_ROWS]):
        found = _row_fields(row)
        if "full_name" not in found:
            continue
        score = len([name for name in found if name not in ("male", "female")])
        if score >= 2 and (best is None or score > best[1]):
            best = (r, score, found)
    if best is None:
        return None
    r, _score, columns = best
    header = Header(row=r, data_start=r + 1, columns=dict(columns))
    for gender in ("male", "female"):  # a top-level "Nam" | "Nữ" is a gender mark column
        header.columns.pop(gender, None)
    _read_sub_header(grid, header, columns)
    area_col = header.columns.get("area")
    if area_col is not None:
        header.area_kind = AREA_KIND_OF_HEADER.get(header_key(grid.rows[r][area_col]).split(" ")[0], "")
    return header


def _read_sub_header(grid: Grid, header: Header, top: dict[str, int]) -> None:
    """A second header row: Nam / Nữ under "Năm sinh" (or "Giới tính", or
    alone), the rest merged down from the first row."""
    r = header.row
    row = grid.rows[r]
    sub = grid.rows[r + 1] if r + 1 < len(grid.rows) else []
    genders = {c: _gender_word(v) for c, v in enumerate(sub) if _gender_word(v)}
    if sorted(genders.values()) == ["female", "male"]:  # both, side by side: a header, not a person's gender
        for c, gender in genders.items():
            parent = field_of(row[c]) if c < len(row) else None
            if parent == "birth":
                header.columns[f"{gender}_birth"] = c
                if header.columns.get("birth") == c:
                    del header.columns["birth"]
            else:
                header.columns[gender] = c
                if parent == "gender" and header.columns.get("gender") == c:
                    del header.columns["gender"]
        header.data_start = r + 2
    else:
        # a header whose own first row was only the group words, the names below
        extra = {name: c for name, c in _row_fields(sub).items()
                 if name not in top and header_key(sub[c]) in ALIASES.get(name, ())}
        if len(extra) >= 2 and all(grid.rows[r + 1][c] == row[c] or (r + 1, c) in grid.merged_copy or name not in top
                         for name, c in extra.items()) and any(name not in top for name in extra):
            for name, c in extra.items():
                header.columns.setdefault(name, c)
            header.data_start = r + 2
    for gender in ("male", "female"):
        if gender in top and gender not in header.columns and f"{gender}_birth" not in header.columns:
            header.columns[gender] = top[gender]
