"""The statistics tables of a report as an Excel workbook (openpyxl): one
sheet per table, its title in row 1, the column headings in bold in row 3,
numbers stored as numbers (formatted #,##0 / #,##0.0 so Excel shows them the
Vietnamese way when the PC's locale is Vietnamese), widths set."""
from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .report_data import ReportFigures, StatTable

MAX_SHEET = 31
_BAD = re.compile(r"[\[\]\*\?/\\:]")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters."""
    base = _BAD.sub("-", name).strip() or "Biểu"
    base = base[:MAX_SHEET].strip()
    out, i = base, 2
    while out.lower() in taken:
        suffix = f" ({i})"
        out = base[:MAX_SHEET - len(suffix)].rstrip() + suffix
        i += 1
    taken.add(out.lower())
    return out


def _write_table(ws, t: StatTable, subtitle: str) -> None:
    ws.cell(row=1, column=1, value=t.title).font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value=subtitle).font = Font(italic=True)
    for j, title in enumerate(t.columns, 1):
        c = ws.cell(row=3, column=j, value=title)
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = BOX
    for i, row in enumerate(t.rows, 4):
        c = ws.cell(row=i, column=1, value=row.label)
        c.border = BOX
        if row.bold:
            c.font = Font(bold=True)
        for j, value in enumerate(row.values, 2):
            c = ws.cell(row=i, column=j, value=value)
            c.number_format = "#,##0.0" if row.decimals else "#,##0"
            if t.signed_last and j == len(t.columns):
                c.number_format = "+#,##0.0;-#,##0.0;0" if row.decimals else "+#,##0;-#,##0;0"
            c.border = BOX
            if row.bold:
                c.font = Font(bold=True)
    ws.column_dimensions["A"].width = max(18, min(60, max([len(r.label) for r in t.rows] + [len(t.columns[0])]) + 2))
    for j in range(2, len(t.columns) + 1):
        ws.column_dimensions[get_column_letter(j)].width = max(12, min(22, len(t.columns[j - 1]) + 2))
    ws.row_dimensions[3].height = 32
    ws.freeze_panes = "B4"


def write_workbook(figures: ReportFigures, title: str, target=None) -> bytes | None:
    """Every statistics table of *figures* on a sheet of its own; with no
    target, the workbook's bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    subtitle = f"{title} — {figures.scope_name}"
    for t in figures.tables():
        ws = wb.create_sheet(sheet_name(t.sheet, taken))
        _write_table(ws, t, subtitle)
    if not wb.sheetnames:
        wb.create_sheet("Số liệu")
    return save_workbook(wb, title, target)


def save_workbook(wb: Workbook, title: str, target=None) -> bytes | None:
    """Name the workbook (title, program, Vietnamese) and write it to *target*;
    with no target, return its bytes."""
    wb.properties.title, wb.properties.creator, wb.properties.language = title, "dvdesktop", "vi-VN"
    if target is None:
        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()
    wb.save(target)
    return None
