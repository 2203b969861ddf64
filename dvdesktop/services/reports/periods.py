"""Report periods and how Vietnamese reports name them.

A whole year is "năm 2026"; January–June "6 tháng đầu năm 2026", July–December
"6 tháng cuối năm 2026", January–September "9 tháng đầu năm 2026"; a calendar
quarter "quý III năm 2026"; a calendar month "tháng 10 năm 2026"; anything else
"từ ngày 01/03/2026 đến ngày 15/04/2026". The comparison period is the same
days one year earlier ("năm 2025", "cùng kỳ năm 2025").
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ...errors import UserError
from ...vn import short_date

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self):
        if self.end < self.start:
            raise UserError(f"Ngày bắt đầu ({short_date(self.start)}) sau ngày kết thúc ({short_date(self.end)}).")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, q: int) -> "Period":
        return cls(dt.date(year, 3 * q - 2, 1), _last_day(year, 3 * q))

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(dt.date(year, month, 1), _last_day(year, month))

    # --- what kind of period ----------------------------------------------------
    @property
    def kind(self) -> str:
        """year / half1 / half2 / nine / quarter / month / range."""
        s, e = self.start, self.end
        if s.day != 1 or e != _last_day(e.year, e.month) or s.year != e.year:
            return "range"
        months = (s.month, e.month)
        if months == (1, 12):
            return "year"
        if months == (1, 6):
            return "half1"
        if months == (7, 12):
            return "half2"
        if months == (1, 9):
            return "nine"
        if s.month == e.month:
            return "month"
        if e.month - s.month == 2 and s.month % 3 == 1:
            return "quarter"
        return "range"

    @property
    def is_year(self) -> bool:
        return self.kind == "year"

    @property
    def label(self) -> str:
        """'năm 2026', '6 tháng đầu năm 2026', 'quý III năm 2026', 'tháng 10 năm 2026',
        'từ ngày 01/03/2026 đến ngày 15/04/2026'."""
        y = self.start.year
        return {
            "year": f"năm {y}",
            "half1": f"6 tháng đầu năm {y}",
            "half2": f"6 tháng cuối năm {y}",
            "nine": f"9 tháng đầu năm {y}",
            "quarter": f"quý {ROMAN.get((self.start.month + 2) // 3, '')} năm {y}",
            "month": f"tháng {self.start.month} năm {y}",
        }.get(self.kind) or f"từ ngày {short_date(self.start)} đến ngày {short_date(self.end)}"

    @property
    def column(self) -> str:
        """A table column's heading: 'Năm 2026', '6 tháng đầu năm 2026', 'Quý III/2026', 'Tháng 10/2026',
        '01/03/2026 – 15/04/2026'."""
        kind, y = self.kind, self.start.year
        if kind == "quarter":
            return f"Quý {ROMAN[(self.start.month + 2) // 3]}/{y}"
        if kind == "month":
            return f"Tháng {self.start.month}/{y}"
        if kind == "range":
            return f"{short_date(self.start)} – {short_date(self.end)}"
        return self.label[0].upper() + self.label[1:]

    @property
    def comparison(self) -> str:
        """How prose names this period when it is the one compared with:
        'năm 2025', 'cùng kỳ năm 2025'."""
        return self.label if self.is_year else f"cùng kỳ năm {self.start.year}"

    def previous(self) -> "Period":
        """The same days one year earlier."""
        end = self.end
        if (end.month, end.day) == (2, 29) or end == _last_day(end.year, end.month):
            prev_end = _last_day(end.year - 1, end.month)
        else:
            prev_end = _year_earlier(end)
        return Period(_year_earlier(self.start), prev_end)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        out, y, m = [], self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def parse_day(text: str) -> dt.date:
    """DD/MM/YYYY (also D/M/YYYY, or YYYY-MM-DD); UserError otherwise."""
    text = (text or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise UserError(f"Ngày «{text}» không hợp lệ; viết theo dạng ngày/tháng/năm, ví dụ 01/07/2026.")
