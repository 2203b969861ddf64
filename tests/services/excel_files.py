"""Excel files in the shapes communes really keep, built with openpyxl."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from dvdesktop.vn.legacy import from_unicode


def write(path: Path, rows: list[list], *, merges: tuple[str, ...] = (), font: str | None = None,
          title: str = "Danh sách") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if font:
                    cell.font = Font(name=font)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def messy_list(path: Path) -> Path:
    """Title lines, a two-row header (Năm sinh over Nam | Nữ), an STT column,
    a numbering row, an area merged down its people, empty lines, NFD text,
    doubled spaces, a phone typed as a number, the signatures under it."""
    rows = [
        ["ĐẢNG BỘ XÃ NẬM PỒ", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["CHI BỘ BẢN NÀ KHOANG", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["DANH SÁCH THÀNH VIÊN TỔ DÂN VẬN BẢN NÀ KHOANG"],
        ["(Kèm theo Quyết định số 12-QĐ/ĐU ngày 05/01/2025)"],
        ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Bản", "Chức vụ trong tổ", "Chức vụ", "SĐT", "Đảng viên"],
        [None, None, "Nam", "Nữ"],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        [1, "NGUYỄN  VĂN   ĐỨC", 1975, None, "kinh", "Nà Khoang", "Tổ trưởng", "Bí thư chi bộ", 912345678, "x"],
        [2, "Lò Thị\u00a0Mai", None, "15/12/1980", "Thái", None, "Tổ phó", "Trưởng bản", "0987 654 321", None],
        [],
        [3, "Gia\u0300ng A Pa\u0301o", dt.datetime(1990, 3, 4), None, "H'Mông", None, "Thành viên", "Công an viên",
         None, None],
        [4, " Lường Thị  Ỵ ", None, "1-2-1985", "Thái", None, "thành viên", "Chi hội trưởng Hội Phụ nữ", None, "X"],
        [],
        [None, "Nà Khoang, ngày 05 tháng 01 năm 2025"],
        [None, "NGƯỜI LẬP BIỂU", None, None, None, None, "T/M CHI BỘ"],
        [None, "Lò Văn Tâm", None, None, None, None, "Nguyễn Văn Đức"],
    ]
    return write(path, rows, merges=("A4:J4", "A5:J5", "C6:D6", "A6:A7", "B6:B7", "E6:E7", "F6:F7", "G6:G7",
                                     "H6:H7", "I6:I7", "J6:J7", "F9:F13"))


def legacy_list(path: Path, encoding: str, *, font: str | None) -> Path:
    """The same kind of list typed with the ABC (TCVN3) or VNI keyboard."""
    rows = [
        ["DANH SÁCH THÀNH VIÊN TỔ DÂN VẬN THÔN ĐỒNG TÂM"],
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Dân tộc", "Thôn", "Chức vụ trong tổ"],
        [1, "Nguyễn Văn Đức", "Nam", 1970, "Kinh", "Đồng Tâm", "Tổ trưởng"],
        [2, "Trần Thị Hồng Nhung", "Nữ", 1982, "Kinh", "Đồng Tâm", "Tổ phó"],
        [3, "Phạm Hữu Ước", "Nam", 1965, "Mường", "Đồng Tâm", "Thành viên"],
    ]
    typed = [[from_unicode(v, encoding) if isinstance(v, str) else v for v in row] for row in rows]
    return write(path, typed, font=font)
