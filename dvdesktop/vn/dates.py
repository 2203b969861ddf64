"""Vietnamese date lines as Nghị định 30/2020 writes them."""
from __future__ import annotations

import datetime as _dt

from .text import nfc


def _day(d: int) -> str:
    return f"{d:02d}"


def _month(m: int) -> str:
    # Nghị định 30/2020: a leading zero for months 1 and 2 only ("tháng 01", "tháng 6").
    return f"{m:02d}" if m < 3 else str(m)


def format_date(d: _dt.date) -> str:
    """'ngày 05 tháng 01 năm 2025'."""
    return f"ngày {_day(d.day)} tháng {_month(d.month)} năm {d.year}"


def place_date(place: str, d: _dt.date) -> str:
    """'Nậm Pồ, ngày 15 tháng 12 năm 2024'."""
    return f"{nfc(place)}, {format_date(d)}"


def short_date(d: _dt.date | None) -> str:
    """dd/mm/yyyy, as forms and tables show dates."""
    return d.strftime("%d/%m/%Y") if d else ""


def format_time(t: _dt.time | _dt.datetime) -> str:
    """'14 giờ 30 phút', or '8 giờ' on the hour (minutes, closing lines)."""
    if t.minute:
        return f"{t.hour} giờ {t.minute:02d} phút"
    return f"{t.hour} giờ"


def parse_date(text: str) -> _dt.date:
    """Read a date typed by a clerk: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy or ISO.

    Raises ValueError with a Vietnamese message.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValueError("Chưa nhập ngày.")
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        pass
    for sep in "/-.":
        parts = raw.split(sep)
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            day, month, year = (int(p) for p in parts)
            if year < 100:
                year += 2000 if year < 70 else 1900
            try:
                return _dt.date(year, month, day)
            except ValueError:
                break
    raise ValueError(f"Ngày «{raw}» không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2025.")
