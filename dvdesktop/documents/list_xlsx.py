"""A list of records as an Excel workbook: one sheet, the Vietnamese column
names in a bold, shaded, frozen first row with the filter on, dates stored
as dates (shown dd/mm/yyyy), numbers as numbers, widths fitted. Plain data in
(ListTable), no database."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .report_xlsx import save_workbook, sheet_name

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
HEADER_FILL = PatternFill("solid", start_color="FFD9E2F3", end_color="FFD9E2F3")  # pale blue, prints grey
THIN = Side(style="thin", color="FF808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass(frozen=True)
class ListColumn:
    title: str  # Vietnamese, as the header shows it
    kind: str = "text"  # text / int / number / date / datetime
    width: int = 0  # characters; 0: fitted to the content


@dataclass
class ListTable:
    title: str  # the workbook's title and the sheet's name: "Danh sách thành viên"
    columns: list[ListColumn]
    rows: list[tuple] = field(default_factory=list)


def _width(column: ListColumn, rows: list[tuple], j: int) -> float:
    if column.width:
        return column.width
    longest = len(column.title)
    for row in rows[:2000]:
        value = row[j]
        if value is None:
            continue
        longest = max(longest, 10 if isinstance(value, (dt.date, dt.datetime)) else len(str(value)))
    return max(8, min(50, longest + 2))


def write_list(table: ListTable, target=None) -> bytes | None:
    """*table* as an .xlsx workbook, to *target* (a path or a file), or as
    bytes when there is none."""
    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = sheet_name(table.title, set())
    for j, column in enumerate(table.columns, 1):
        cell = ws.cell(row=1, column=j, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    formats = {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT, "int": "0", "number": "#,##0.0"}
    for i, row in enumerate(table.rows, 2):
        for j, (column, value) in enumerate(zip(table.columns, row), 1):
            if value == "" or value is None:
                continue
            cell = ws.cell(row=i, column=j, value=value)
            fmt = formats.get(column.kind)
            if fmt:
                cell.number_format = fmt
            if column.kind == "text" and isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for j, column in enumerate(table.columns, 1):
        ws.column_dimensions[get_column_letter(j)].width = _width(column, table.rows, j - 1)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    last = get_column_letter(max(1, len(table.columns)))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    return save_workbook(wb, table.title, target)
