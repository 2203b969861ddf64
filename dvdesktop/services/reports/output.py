"""A report ready to sign: who issues it (from the settings), its title,
number, signature and recipients; written as PDF, Word or Excel.

    figures = annual(2026)
    write_report(figures, "bao-cao-2026.pdf")    # or .docx / .xlsx
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...documents import annual_report, render
from ...documents import blocks as B
from ...documents.report_data import ReportData, ReportFigures
from ...documents.report_xlsx import write_workbook
from ...errors import UserError
from ..files import check_output_folder
from ..printing import commune_header, commune_signer
from ..settings import Organisation, load_organisation
from .periods import ROMAN, Period

FORMATS = (".pdf", ".docx", ".xlsx")
KIND = "report"  # the settings key choosing the header style (Party or State)


def subject_line(figures: ReportFigures) -> str:
    """'Tổng kết công tác Tổ dân vận năm 2026' / 'Kết quả công tác Tổ dân vận quý III năm 2026'."""
    if figures.is_year:
        return f"Tổng kết công tác Tổ dân vận {figures.period_label}"
    return f"Kết quả công tác Tổ dân vận {figures.period_label}"


def next_period_title(p: Period) -> str:
    """'NĂM 2027', '6 THÁNG CUỐI NĂM 2026', 'QUÝ IV NĂM 2026', 'THÁNG 11 NĂM 2026', 'THỜI GIAN TỚI'."""
    y, kind = p.end.year, p.kind
    if kind in ("year", "half2"):
        return f"NĂM {y + 1}"
    if kind == "half1":
        return f"6 THÁNG CUỐI NĂM {y}"
    if kind == "nine":
        return f"QUÝ IV NĂM {y}"
    if kind == "quarter":
        q = (p.start.month + 2) // 3
        return f"QUÝ {ROMAN[q + 1]} NĂM {y}" if q < 4 else f"QUÝ I NĂM {y + 1}"
    if kind == "month":
        return f"THÁNG {p.end.month + 1} NĂM {y}" if p.end.month < 12 else f"THÁNG 1 NĂM {y + 1}"
    return "THỜI GIAN TỚI"


def _recipients(org: Organisation, style: str) -> list[str]:
    if style == "party":
        items = ["- Ban Tuyên giáo và Dân vận Tỉnh ủy (b/c);", "- Thường trực Đảng ủy;",
                 "- Ủy ban Mặt trận Tổ quốc Việt Nam xã;", "- Các chi bộ trực thuộc;", "- Lưu Văn phòng Đảng ủy."]
    else:
        items = ["- Ủy ban nhân dân tỉnh (b/c);", "- Thường trực Đảng ủy, Hội đồng nhân dân xã;",
                 "- Ủy ban Mặt trận Tổ quốc Việt Nam xã;", "- Trưởng thôn, bản, tổ dân phố;", "- Lưu: VT."]
    if not org.commune:  # a province's own report
        items = [i.replace(" xã", " tỉnh") for i in items if "Tỉnh ủy" not in i and "Ủy ban nhân dân tỉnh" not in i]
    return items


def report_data(figures: ReportFigures, org: Organisation | None = None, on: dt.date | None = None) -> ReportData:
    org = org or load_organisation()
    style = org.header_style(KIND)
    head = commune_header(org, style, "BC", date=on or dt.date.today())
    if not org.commune and style == "party":  # a province's Ban, not a commune's Đảng ủy
        head.issuer_code = "BTGDVTU"
    subject = [subject_line(figures)]
    if figures.commune_code and figures.commune_code != org.commune_code:
        subject.append(f"trên địa bàn {figures.scope_name}")
    body = (org.party_committee if style == "party" else org.people_committee) or head.issuer.capitalize()
    period = Period(figures.start, figures.end)
    intro = (f"Thực hiện chương trình công tác {figures.period_label}, {body} báo cáo "
             f"{subject[0][0].lower()}{subject[0][1:]} như sau:")
    return ReportData(header=head, subject=subject, figures=figures, intro=intro,
                      directions_title=f"PHƯƠNG HƯỚNG, NHIỆM VỤ {next_period_title(period)}",
                      signer=commune_signer(org, style), recipients=_recipients(org, style))


def report_document(figures: ReportFigures, org: Organisation | None = None, on: dt.date | None = None) -> B.Document:
    return annual_report.build(report_data(figures, org, on))


def report_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"Tệp «{Path(path).name}» phải có đuôi .pdf, .docx hoặc .xlsx.")
    return suffix[1:]


def write_report(figures: ReportFigures, path: str | Path, org: Organisation | None = None,
                 on: dt.date | None = None) -> Path:
    """Write the report as PDF, Word or Excel, chosen by the file's ending."""
    path = Path(path)
    kind = report_format(path)
    check_output_folder(path)  # before the work
    if kind in ("pdf", "docx"):
        return render.write(report_document(figures, org, on), path)
    from .choices import save_bytes

    data = write_workbook(figures, "Báo cáo " + subject_line(figures)[0].lower() + subject_line(figures)[1:])
    return save_bytes(data, path)
