"""What the report screen needs from the report engine, as plain data (no
Qt): the periods a clerk chooses from, the communes of the database, a short
summary of the main figures, a file name, and the report rendered to bytes
then written in one step (so that a cancelled or failed job leaves no file).

    p = choose_period("quarter", 2026, quarter=3)
    figures = reports.compute(p, commune_code)
    summary(figures)            # [Figure, …] of the main numbers
    data = render(figures, "pdf"); save_bytes(data, path)
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ...documents.report_data import Figure, ReportFigures
from ...errors import UserError
from ...filenames import check_name
from ...vn import sort_key
from .periods import Period, _last_day

# The kinds of period offered, in the screen's order.
PERIOD_KINDS = ("year", "month", "quarter", "half1", "half2", "nine", "range")

# The main numbers shown before the report is made, by figure key.
SUMMARY_KEYS = (
    "teams", "members", "meetings", "outreach_sessions", "outreach_audience", "concerns", "concerns_resolved",
    "supervision_activities", "supervision_sent", "mediation_cases", "mediation_successful", "exemplary_models",
    "households_helped",
)


def choose_period(kind: str, year: int, *, month: int = 1, quarter: int = 1, start: dt.date | None = None,
                  end: dt.date | None = None) -> Period:
    """The period of *kind* (one of PERIOD_KINDS) in *year*; 'range' takes
    start and end (UserError when missing or reversed)."""
    if kind == "year":
        return Period.year(year)
    if kind == "month":
        return Period.month(year, month)
    if kind == "quarter":
        return Period.quarter(year, quarter)
    if kind == "half1":
        return Period(dt.date(year, 1, 1), dt.date(year, 6, 30))
    if kind == "half2":
        return Period(dt.date(year, 7, 1), dt.date(year, 12, 31))
    if kind == "nine":
        return Period(dt.date(year, 1, 1), dt.date(year, 9, 30))
    if kind == "range":
        if start is None or end is None:
            raise UserError("Nhập đủ ngày bắt đầu và ngày kết thúc của kỳ báo cáo (dd/mm/yyyy).")
        return Period(start, end)
    raise UserError(f"Không có loại kỳ báo cáo «{kind}».")


def month_end(year: int, month: int) -> dt.date:
    return _last_day(year, month)


def communes() -> list[tuple[str, str]]:
    """(code, name) of the communes the areas name, by name; empty codes left out."""
    from .breakdowns import commune_names

    names = commune_names()
    return sorted(((code, name or code) for code, name in names.items() if code), key=lambda cn: sort_key(cn[1]))


def summary(figures: ReportFigures) -> list[Figure]:
    """The main figures of the report (this period beside the previous one)."""
    shown = {f.key: f for s in figures.sections() for f in s.figures}
    return [shown[k] for k in SUMMARY_KEYS if k in shown]


def file_stem(figures: ReportFigures) -> str:
    """'bao-cao-tong-ket-2026', 'bao-cao-ket-qua-quy-iii-nam-2026', with the
    commune's name when the report is of one commune of several."""
    return period_stem(Period(figures.start, figures.end), figures.scope_name if figures.commune_code else "")


def period_stem(p: Period, commune_name: str = "") -> str:
    from ...filenames import slug

    words = [f"bao cao tong ket {p.end.year}" if p.is_year else f"bao cao ket qua {p.label}", commune_name]
    return slug(*words, default="bao-cao")


def render(figures: ReportFigures, kind: str) -> bytes:
    """The report as the bytes of a .pdf, .docx or .xlsx file."""
    from ...documents import render as doc_render
    from ...documents.report_xlsx import write_workbook
    from .output import report_document, subject_line

    if kind == "pdf":
        return doc_render.to_pdf(report_document(figures))
    if kind == "docx":
        return doc_render.to_docx(report_document(figures))
    if kind == "xlsx":
        subject = subject_line(figures)
        return write_workbook(figures, "Báo cáo " + subject[0].lower() + subject[1:])
    raise UserError(f"Không có định dạng «{kind}»; chọn PDF, Word hoặc Excel.")


def save_bytes(data: bytes, path: str | Path) -> Path:
    """Write *data* to *path* in one step (a temporary file then a rename)."""
    from ..files import check_output_folder

    path = Path(path)
    check_name(path.name)
    check_output_folder(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        from ..files import describe_os_error

        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # the cleanup must not hide why the write failed
            pass
        raise UserError(describe_os_error(exc, path if isinstance(exc, PermissionError) and path.exists() else tmp)
                        .replace(f"«{tmp}»", f"«{path}»")) from None
    return path
