"""A worksheet as a grid of clean cell values.

openpyxl reads the file; every merged range is spread over its cells (an
area's name merged down the rows of its people belongs to each of them),
text typed in the legacy fonts is converted to Unicode (the cell's font when
the file kept it, else the encoding the sheet's text reads best in), and every
text is NFC with its stray spaces removed. A file that is no workbook at all
gives one Vietnamese sentence (UserError), never a trace."""
from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import UserError
from ...vn import legacy
from ...vn.text import nfc

# Characters clerks' files carry that are spaces or nothing to a reader.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None) | {0x00A0: " ", 0x2007: " ", 0x202F: " "}
_SPACES = re.compile(r"[ \t\r\n\u3000]+")


def clean_text(text: str) -> str:
    """NFC, invisible characters dropped, runs of spaces (and line breaks in a
    cell) made one space, none at the ends."""
    text = nfc(text.translate(_INVISIBLE)) or ""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Grid:
    """One worksheet: rows of values (str, int, float, date, bool or None),
    1-based row numbers as Excel shows them."""

    name: str
    rows: list[list[object]]
    merged_copy: set[tuple[int, int]] = field(default_factory=set)  # (row, col) filled from a merge, 0-based
    encoding: str = legacy.UNICODE  # what the sheet's text was typed in

    def row_number(self, index: int) -> int:
        return index + 1


_XLS_MAGIC = b"\xd0\xcf\x11\xe0"


def _not_a_workbook(path: Path, why: str = "") -> UserError:
    return UserError(f"Tệp «{path.name}» không phải tệp Excel (.xlsx) hoặc đã bị hỏng{why}; "
                     "hãy mở tệp bằng Excel, kiểm tra rồi lưu lại dạng .xlsx.")


def open_workbook(path: str | os.PathLike):
    """The openpyxl workbook of *path*, or a UserError saying plainly why not."""
    from openpyxl import load_workbook

    path = open_workbook_checks(path)
    try:
        # not read_only: the merged ranges and the fonts are only read in full mode
        return load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML, KeyError …: all say the file is damaged
        raise _not_a_workbook(path) from exc


def open_workbook_checks(path: str | os.PathLike) -> Path:
    """*path* as a Path when it may be a workbook, else a UserError saying
    plainly why not (missing, empty, an old .xls, no zip at all)."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp «{path}».")
    if path.is_dir():
        raise UserError(f"«{path}» là một thư mục, không phải tệp Excel.")
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise UserError(f"Không đọc được tệp «{path.name}»: {exc.strerror}.") from exc
    if not head:
        raise UserError(f"Tệp «{path.name}» rỗng.")
    if head.startswith(_XLS_MAGIC):
        raise UserError(f"Tệp «{path.name}» là tệp Excel cũ (.xls, Excel 97–2003), chương trình chưa đọc được; "
                        "hãy mở bằng Excel và chọn Lưu thành… dạng «Excel Workbook (.xlsx)».")
    if not zipfile.is_zipfile(path):
        raise _not_a_workbook(path)
    return path


def read_grid(ws) -> Grid:
    """The openpyxl worksheet *ws* as a Grid, merges spread and legacy text converted."""
    max_row, max_col = ws.max_row or 0, ws.max_column or 0
    rows: list[list[object]] = []
    fonts: dict[tuple[int, int], str] = {}
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col)):
        values = []
        for c, cell in enumerate(row):
            value = cell.value
            if isinstance(value, str) and getattr(cell, "has_style", False) and cell.font is not None:
                if cell.font.name:
                    fonts[(r, c)] = cell.font.name
            values.append(value)
        rows.append(values)
    merged = [(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1) for rng in ws.merged_cells.ranges]
    return make_grid(ws.title, rows, fonts, merged)


def make_grid(name: str, rows: list[list[object]], font_names: dict[tuple[int, int], str],
              merges: list[tuple[int, int, int, int]]) -> Grid:
    """A Grid from raw cell values: dates without a time as dates, merged
    ranges spread, legacy text converted to Unicode, every text cleaned."""
    for row in rows:
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
                row[c] = value.date()
    fonts = {}
    for key, font in font_names.items():
        hint = legacy.encoding_of_font(font)
        if hint:
            fonts[key] = hint
    merged: set[tuple[int, int]] = set()
    for top, left, bottom, right in merges:
        if top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        for r in range(top, min(bottom + 1, len(rows))):
            for c in range(left, min(right + 1, len(rows[r]))):
                if (r, c) != (top, left):
                    rows[r][c] = value
                    merged.add((r, c))
                    if (top, left) in fonts:
                        fonts[(r, c)] = fonts[(top, left)]
    texts = [v for row in rows for v in row if isinstance(v, str) and not v.isascii()]
    sheet_encoding = legacy.detect(texts[:3000])
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                encoding = fonts.get((r, c), sheet_encoding)
                if value.isascii():
                    text = value
                else:
                    text = legacy.to_unicode(value, encoding)
                row[c] = clean_text(text) or None
    if fonts and sheet_encoding == legacy.UNICODE:
        counts: dict[str, int] = {}
        for enc in fonts.values():
            counts[enc] = counts.get(enc, 0) + 1
        sheet_encoding = max(counts, key=counts.get)
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return Grid(name, rows, merged, sheet_encoding)


def read_sheets(path: str | os.PathLike) -> list[Grid]:
    """Every worksheet of the file at *path* as a Grid."""
    from . import xlsx_reader

    open_workbook_checks(path)
    try:
        return [make_grid(raw.name, raw.rows, raw.fonts, raw.merged) for raw in xlsx_reader.read_workbook(path)]
    except Exception:  # noqa: BLE001 - anything the quick reader did not expect: openpyxl reads it (or says why not)
        pass
    wb = open_workbook(path)
    try:
        return [read_grid(ws) for ws in wb.worksheets]
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - a workbook openpyxl opened but cannot read
        raise _not_a_workbook(Path(path), " (không đọc được nội dung)") from exc
    finally:
        wb.close()
