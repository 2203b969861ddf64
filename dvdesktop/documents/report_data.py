"""Plain data of a work report (báo cáo tổng kết / báo cáo kết quả công tác):
filled by services/reports, turned into blocks by documents/annual_report.py
and into a workbook by documents/report_xlsx.py. No database here."""
from __future__ import annotations

from dataclasses import dataclass, field

from .data import HeaderData, SignerData

Number = int | float


@dataclass
class Figure:
    """One figure of the period beside the same figure of the period compared with."""

    key: str
    label: str
    current: Number
    previous: Number | None = None
    decimals: int = 0  # 1 for rates in %

    @property
    def change(self) -> Number | None:
        if self.previous is None:
            return None
        diff = self.current - self.previous
        return round(diff, self.decimals) if self.decimals else diff


@dataclass
class TableRow:
    label: str
    values: list  # numbers (int/float) or None for an empty cell
    decimals: int = 0
    bold: bool = False


@dataclass
class StatTable:
    """A statistics table: the first column names the row, the others hold
    numbers. signed_last: the last column is a change (+12 / -3)."""

    title: str  # "Biểu 2. Họp Tổ dân vận và tuyên truyền, vận động"
    sheet: str  # Excel sheet name, at most 31 characters
    columns: list[str]  # ["Chỉ tiêu", "Năm 2025", "Năm 2026", "Tăng/giảm"]
    rows: list[TableRow] = field(default_factory=list)
    signed_last: bool = True
    first_width: float = 0.52  # share of the text width of the first column (PDF, Word)


@dataclass
class Chart:
    """A bar chart: categories along the axis, one bar per series in each."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[Number]]]
    horizontal: bool = False


@dataclass
class ReportSection:
    key: str
    heading: str  # "2. Tổ chức họp Tổ dân vận"
    paragraphs: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[StatTable] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class ReportPart:
    title: str  # "I. ĐẶC ĐIỂM TÌNH HÌNH"
    sections: list[ReportSection] = field(default_factory=list)


@dataclass
class ReportFigures:
    """What a report says, computed for a period and the same period a year earlier."""

    start: object  # datetime.date
    end: object
    period_label: str  # "năm 2026", "quý III năm 2026"
    period_column: str  # "Năm 2026"
    previous_column: str  # "Năm 2025"
    comparison: str  # "năm 2025", "cùng kỳ năm 2025"
    is_year: bool
    scope_name: str  # "xã Nà Hỳ", "toàn tỉnh Bắc Ninh"
    commune_code: str | None
    parts: list[ReportPart] = field(default_factory=list)
    by_commune: StatTable | None = None
    stats: dict = field(default_factory=dict)  # the `dvdesktop stats` figures of the period
    stats_previous: dict = field(default_factory=dict)

    def sections(self) -> list[ReportSection]:
        return [s for p in self.parts for s in p.sections]

    def section(self, key: str) -> ReportSection | None:
        return next((s for s in self.sections() if s.key == key), None)

    def figure(self, key: str) -> Figure | None:
        return next((f for s in self.sections() for f in s.figures if f.key == key), None)

    def tables(self) -> list[StatTable]:
        out = [t for s in self.sections() for t in s.tables]
        return out + ([self.by_commune] if self.by_commune else [])

    def charts(self) -> list[Chart]:
        return [c for s in self.sections() for c in s.charts]


@dataclass
class ReportData:
    """A report ready to print: its figures and who issues and signs it."""

    header: HeaderData
    subject: list[str]  # ["Tổng kết công tác Tổ dân vận năm 2026"]
    figures: ReportFigures
    intro: str = ""
    assessment_title: str = "ĐÁNH GIÁ CHUNG"
    assessment_heads: list[str] = field(default_factory=lambda: ["1. Ưu điểm", "2. Hạn chế", "3. Nguyên nhân"])
    directions_title: str = ""  # "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027"
    signer: SignerData | None = None
    recipients: list[str] = field(default_factory=list)
    dotted_lines: int = 3  # room to write under each assessment heading (PDF)
