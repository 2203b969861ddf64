"""The rules of the year that are pure arithmetic: the level a total reaches,
the quota of the top level, and whether a team was active long enough to be
rated. No database here: the grid, the ratings and the demo share these.

Levels are given best first, either as dicts ``{"code", "name",
"min_points"}`` (the stored JSON) or as criteria.LevelData.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from ...vn import short_date


def _level(level: Any) -> tuple[str, str, Decimal]:
    if isinstance(level, dict):
        return level["code"], level["name"], Decimal(str(level["min_points"]))
    return level.code, level.name, Decimal(str(level.min_points))


def rate(total: Decimal | float, levels: Sequence[Any]) -> str:
    """The code of the best level whose threshold *total* reaches."""
    value = Decimal(str(total))
    for level in levels:
        code, _name, minimum = _level(level)
        if value >= minimum:
            return code
    return _level(levels[-1])[0] if levels else ""


def level_name(code: str, levels: Sequence[Any]) -> str:
    for level in levels:
        c, name, _ = _level(level)
        if c == code:
            return name
    return code


def _quota_counts(ratings: Sequence[str], rule: Sequence[Any], levels: Sequence[Any]) -> tuple[int, int, int]:
    """(teams at the top level, teams at the base level or better, top teams allowed)."""
    top, base, share = rule
    codes = [_level(lv)[0] for lv in levels]
    base_index = codes.index(base) if base in codes else len(codes)
    top_count = sum(1 for r in ratings if r == top)
    base_count = sum(1 for r in ratings if r in codes[: base_index + 1])
    # Decimal, not float: 0.29 × 100 must allow 29 teams, not 28.999… → 28
    allowed = int((Decimal(str(share)) * base_count).to_integral_value(rounding=ROUND_FLOOR))
    return top_count, base_count, allowed


def quota_problems(ratings: Sequence[str], quota: dict, levels: Sequence[Any], *, where: str = "") -> list[str]:
    """Plain Vietnamese warnings when *ratings* break the quota rule.

    The rule ``[top, base, share]`` allows at most ``floor(share × n)`` teams
    at *top*, n being the teams rated *base* or better (top ones included):
    with 20 %, 1 of 5 is allowed, 2 of 9 is not."""
    rule = quota.get("top_level_max_share_of")
    if not rule:
        return []
    top, base, share = rule
    top_count, base_count, allowed = _quota_counts(ratings, rule, levels)
    if top_count <= allowed:
        return []
    prefix = f"{where}: " if where else ""
    percent = f"{Decimal(str(share)) * 100:f}".rstrip("0").rstrip(".").replace(".", ",")
    return [
        f"{prefix}Số tổ xếp loại «{level_name(top, levels)}» ({top_count}) vượt quá {percent}% số tổ được xếp loại "
        f"«{level_name(base, levels)}» trở lên ({base_count}); tối đa {allowed} tổ."
    ]


def enforce_quota(ratings: Sequence[str], scores: Sequence[float], quota: dict, levels: Sequence[Any]) -> list[str]:
    """Lower the lowest-scored top ratings to the next level until the quota
    holds (what a commune board does before deciding). Returns new ratings."""
    rule = quota.get("top_level_max_share_of")
    if not rule:
        return list(ratings)
    top = rule[0]
    codes = [_level(lv)[0] for lv in levels]
    ratings = list(ratings)
    _top_count, _base_count, allowed = _quota_counts(ratings, rule, levels)
    tops = sorted((i for i, r in enumerate(ratings) if r == top), key=lambda i: scores[i])
    next_level = codes[codes.index(top) + 1] if top in codes and codes.index(top) + 1 < len(codes) else top
    for i in tops[: max(0, len(tops) - allowed)]:
        ratings[i] = next_level
    return ratings


# --- eligibility -------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def active_months(team: Any, year: int) -> int:
    """Whole months the team was active in *year*: from its establishment (or
    1 January) to its dissolution (or the end of the year). *team* is
    anything with ``established_on`` and ``dissolved_on``."""
    return months_active(team.established_on, team.dissolved_on, year)


def months_active(established_on: dt.date | None, dissolved_on: dt.date | None, year: int) -> int:
    start = max(established_on or dt.date(year, 1, 1), dt.date(year, 1, 1))
    stop = min(dissolved_on or dt.date(year + 1, 1, 1), dt.date(year + 1, 1, 1))  # exclusive
    if start == dt.date(year, 1, 1) and stop == dt.date(year + 1, 1, 1):
        return 12  # the whole year, as most teams
    months = 0
    while months < 12 and _add_months(start, months + 1) <= stop:
        months += 1
    return months


def eligibility(established_on: dt.date | None, dissolved_on: dt.date | None, year: int, min_months: int) -> tuple[bool, str, int]:
    """(may be rated, the reason in Vietnamese when not, months active)."""
    months = months_active(established_on, dissolved_on, year)
    if months >= (min_months or 0):
        return True, "", months
    parts = []
    if established_on and established_on > dt.date(year, 1, 1):
        parts.append(f"thành lập ngày {short_date(established_on)}")
    if dissolved_on and dissolved_on < dt.date(year + 1, 1, 1):
        parts.append(f"giải thể ngày {short_date(dissolved_on)}")
    what = ("Tổ " + ", ".join(parts) + ", ") if parts else "Tổ "
    return False, f"{what}hoạt động {months} tháng trong năm {year} (dưới {min_months} tháng) nên không xếp loại.", months
