"""The figures of a work report: a period (a year, half-year, quarter,
month or any range) beside the same period one year earlier.

    figures = annual(2026)                       # the whole database
    figures = annual(2026, commune_code="03169")  # one commune of a province
    figures = period(date(2026, 7, 1), date(2026, 9, 30))

Each section of the report is made by one *section builder* (see
sections.py): a function taking the ReportContext and returning a
ReportSection (or None to leave the section out). The builders run in the
order of SECTION_BUILDERS; to add a section (e.g. people's supervision), write
a builder and insert it with ``add_section(builder, part="II", after="concerns")``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from ...documents.report_data import ReportFigures, ReportPart, ReportSection
from ...errors import UserError
from ...store.models import Area
from . import counting
from .counting import Scope
from .periods import Period

PART_TITLES = {"I": "I. ĐẶC ĐIỂM TÌNH HÌNH", "II": "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"}


@dataclass
class ReportContext:
    """What a section builder gets: the two periods and their scopes, and a
    cache so that builders share queries."""

    period: Period
    previous: Period
    scope: Scope
    prev_scope: Scope
    today: dt.date
    scope_name: str
    cache: dict = field(default_factory=dict)

    @property
    def comparison(self) -> str:  # "năm 2025" / "cùng kỳ năm 2025"
        return self.previous.comparison

    @property
    def during(self) -> str:  # "Trong năm 2026" / "Trong quý III năm 2026" / "Từ ngày … đến ngày …"
        label = self.period.label
        return label[0].upper() + label[1:] if label.startswith("từ") else f"Trong {label}"

    def both(self, fn: Callable, *args) -> tuple:
        """fn(scope, *args) for the period and the previous one, computed once."""
        key = (fn.__module__, fn.__name__, args)
        if key not in self.cache:
            self.cache[key] = (fn(self.scope, *args), fn(self.prev_scope, *args))
        return self.cache[key]

    def totals(self, fn: Callable) -> tuple[tuple, tuple]:
        """The ungrouped row of a counting function, for both periods."""
        cur, prev = self.both(fn)
        return cur[counting.TOTAL], prev[counting.TOTAL]


SectionBuilder = Callable[[ReportContext], "ReportSection | None"]

# (part, key, builder) in the report's order; filled by sections.py.
SECTION_BUILDERS: list[tuple[str, str, SectionBuilder]] = []


def add_section(builder: SectionBuilder, *, part: str = "II", key: str | None = None,
                after: str | None = None) -> None:
    """Register a section builder: at the end of *part*, or right after the
    section *after*. A builder registered again under the same key replaces it."""
    key = key or builder.__name__
    entries = [e for e in SECTION_BUILDERS if e[1] != key]
    entry = (part, key, builder)
    position = len(entries)
    if after is not None:
        keys = [e[1] for e in entries]
        if after not in keys:
            raise ValueError(f"no report section {after!r}")
        position = keys.index(after) + 1
    else:
        last_of_part = [i for i, e in enumerate(entries) if e[0] == part]
        if last_of_part:
            position = last_of_part[-1] + 1
    entries.insert(position, entry)
    SECTION_BUILDERS[:] = entries


def _scope_name(commune_code: str | None) -> str:
    from ..settings import load_organisation

    org = load_organisation()
    if commune_code:
        if org.commune_code == commune_code and org.commune:
            return org.commune
        area = Area.select(Area.commune).where(Area.commune_code == commune_code).first()
        return area.commune if area else commune_code
    if org.commune:
        return org.commune
    return f"toàn {org.province_unit}" if org.province else "toàn địa bàn"


def check_commune(commune_code: str | None) -> None:
    if commune_code and not Area.select().where(Area.commune_code == commune_code).exists():
        raise UserError(f"Không có xã, phường nào mã «{commune_code}» trong cơ sở dữ liệu này.")


def _several_communes() -> bool:
    return Area.select(Area.commune_code).where(Area.deleted_at.is_null()).distinct().limit(2).count() > 1


def compute(p: Period, commune_code: str | None = None, today: dt.date | None = None) -> ReportFigures:
    """The figures of period *p* (and the same period a year earlier)."""
    from . import sections  # noqa: F401  (registers the builders)
    from .by_commune import commune_table

    commune_code = commune_code or None
    check_commune(commune_code)
    today = today or dt.date.today()
    prev = p.previous()
    ctx = ReportContext(p, prev, Scope.period(p.start, p.end, today, commune_code),
                        Scope.period(prev.start, prev.end, today, commune_code), today, _scope_name(commune_code))
    parts: dict[str, ReportPart] = {}
    for part, _key, builder in SECTION_BUILDERS:
        section = builder(ctx)
        if section is None:
            continue
        parts.setdefault(part, ReportPart(PART_TITLES.get(part, part))).sections.append(section)
    for part in parts.values():  # sections are numbered in each part, whatever was added
        for i, section in enumerate(part.sections, 1):
            section.heading = f"{i}. {section.heading}"
    figures = ReportFigures(
        start=p.start, end=p.end, period_label=p.label, period_column=p.column, previous_column=prev.column,
        comparison=prev.comparison, is_year=p.is_year, scope_name=ctx.scope_name, commune_code=commune_code,
        parts=list(parts.values()),
        stats=counting.stats_figures(ctx.scope, lambda fn: ctx.both(fn)[0]),
        stats_previous=counting.stats_figures(ctx.prev_scope, lambda fn: ctx.both(fn)[1]),
    )
    if commune_code is None and _several_communes():
        figures.by_commune = commune_table(ctx)
    _number_tables(figures)
    return figures


def _number_tables(figures: ReportFigures) -> None:
    """'Biểu 1. …', 'Biểu 2. …' in the order the tables appear."""
    for i, table in enumerate(figures.tables(), 1):
        if not table.title.startswith("Biểu"):
            table.title = f"Biểu {i}. {table.title}"


def annual(year: int, commune_code: str | None = None, today: dt.date | None = None) -> ReportFigures:
    """Figures of the annual report (báo cáo tổng kết) of *year*."""
    return compute(Period.year(year), commune_code, today)


def period(start: dt.date, end: dt.date, commune_code: str | None = None, today: dt.date | None = None) -> ReportFigures:
    """Figures of a report for [start, end] (both days included)."""
    return compute(Period(start, end), commune_code, today)
