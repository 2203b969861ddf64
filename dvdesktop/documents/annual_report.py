"""Báo cáo tổng kết (or kết quả) công tác Tổ dân vận: header, title, the
drafted text of parts I and II, room for the commune's own assessment and
next period's directions, signature and "Nơi nhận:", then an appendix with
the statistics tables ("Năm Y-1 | Năm Y | Tăng/giảm") and charts.

The drafted paragraphs are ordinary paragraphs, so the Word file can be
edited before signing; the assessment has dotted lines to write on in PDF and
dotted tab leaders (editable) in Word.
"""
from __future__ import annotations

from ..vn import format_number
from . import blocks as B
from .common import header, sign
from .report_data import Chart, ReportData, ReportSection, StatTable

TABLE_SIZE = 12


def cell(value, decimals: int = 0, signed: bool = False) -> str:
    """A number as the table prints it: '1.234', '91,2', '+12', '-3'."""
    if value is None:
        return ""
    if decimals:
        text = format_number(round(float(value), decimals), decimals)
    elif isinstance(value, float) and not value.is_integer():
        text = format_number(round(value, 1), 1)
    else:
        text = format_number(int(value))
    if signed and value and float(value) > 0:
        text = "+" + text
    return text


def table_block(t: StatTable) -> B.Table:
    n = len(t.columns) - 1
    rest = (1 - t.first_width) / max(1, n)
    columns = [B.Column(t.columns[0], t.first_width)] + [B.Column(title, rest, "right") for title in t.columns[1:]]
    rows = []
    for row in t.rows:
        values = [cell(v, row.decimals, signed=t.signed_last and i == n - 1) for i, v in enumerate(row.values)]
        rows.append([row.label] + values)
    return B.Table(columns=columns, rows=rows, size=TABLE_SIZE, space_after=4)


def chart_block(c: Chart) -> B.BarChart:
    return B.BarChart(title=c.title, categories=list(c.categories), series=[(n, list(v)) for n, v in c.series],
                      horizontal=c.horizontal, height_mm=55 if c.horizontal else 65)


def _refs(section: ReportSection) -> str:
    numbers = [t.title.split(".")[0].replace("Biểu ", "") for t in section.tables if t.title.startswith("Biểu")]
    if not numbers:
        return ""
    return f" (Chi tiết tại Biểu {', '.join(numbers)} kèm theo.)" if len(numbers) > 1 else \
        f" (Chi tiết tại Biểu {numbers[0]} kèm theo.)"


def build(data: ReportData) -> B.Document:
    f = data.figures
    doc = B.Document(style=data.header.style, title=" ".join(["Báo cáo", *data.subject]), subject="Báo cáo công tác Tổ dân vận")
    doc.add(header(data.header), B.Title("BÁO CÁO", list(data.subject)))
    if data.intro:
        doc.add(B.para(data.intro))
    for part in f.parts:
        doc.add(B.heading(part.title, indent=True, space_before=4))
        for section in part.sections:
            doc.add(B.heading(section.heading))
            for i, text in enumerate(section.paragraphs):
                last = i == len(section.paragraphs) - 1
                runs = [B.Run(text)]
                if last and _refs(section):
                    runs.append(B.Run(_refs(section), italic=True))
                doc.add(B.Para(runs))
    n = len(f.parts)
    roman = ["I", "II", "III", "IV", "V", "VI"]
    doc.add(B.heading(f"{roman[n]}. {data.assessment_title}", space_before=4))
    for head in data.assessment_heads:
        doc.add(B.heading(head))
        doc.add(B.FillLine(lines=data.dotted_lines))
    doc.add(B.heading(f"{roman[n + 1]}. {data.directions_title}", space_before=4))
    doc.add(B.FillLine(lines=data.dotted_lines + 2))
    doc.add(B.para(f"Trên đây là báo cáo {' '.join(data.subject)[0].lower()}{' '.join(data.subject)[1:]}./."))
    doc.add(B.Signatures(recipients=list(data.recipients), right=sign(data.signer, data.header.style)))
    tables = f.tables()
    if tables or f.charts():
        doc.add(B.PageBreak())
        doc.add(B.Title("PHỤ LỤC", ["Số liệu kèm theo báo cáo " + " ".join(data.subject)[0].lower()
                                    + " ".join(data.subject)[1:]], space_before=0,
                        note=f"(So sánh {f.period_column.lower()} với {f.previous_column.lower()})"))
        for section in f.sections():
            for t in section.tables:
                doc.add(B.heading(t.title, indent=False, space_before=4), table_block(t))
            for c in section.charts:
                doc.add(chart_block(c))
        if f.by_commune:
            doc.add(B.heading(f.by_commune.title, indent=False, space_before=4), table_block(f.by_commune))
    return doc
