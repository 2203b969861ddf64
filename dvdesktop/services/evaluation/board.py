"""What the evaluation screen shows for a year, read at once: the criteria
set, the all-teams grid, the distribution of levels and the quota warnings.

grid.distribution() and grid.quota_warnings() each read the whole grid
again; on a province database (2,128 teams) the screen would read it three
times. Here the grid is read once and the same rules are applied to its rows.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ...errors import ValidationError
from ...vn import sort_key
from .criteria import CriteriaSetData, criteria_set, sample_criteria_set, save_criteria_set
from .grid import Distribution, LevelCount, RatingRow, year_grid
from .quota import quota_problems


@dataclass(frozen=True)
class YearBoard:
    year: int
    criteria_set: CriteriaSetData | None  # None: the year has no criteria set yet
    rows: tuple[RatingRow, ...]
    distribution: Distribution | None
    warnings: tuple[str, ...]  # the quota broken, in plain Vietnamese


def distribution_of(year: int, rows: list[RatingRow] | tuple[RatingRow, ...], cset: CriteriaSetData) -> Distribution:
    """grid.distribution() from rows already read."""
    counts: dict[str, int] = defaultdict(int)
    unrated = ineligible = 0
    for row in rows:
        if not row.eligible:
            ineligible += 1
        elif row.level_code is None:
            unrated += 1
        else:
            counts[row.level_code] += 1
    levels = tuple(LevelCount(lv.code, lv.name, counts.pop(lv.code, 0)) for lv in cset.levels)
    levels += tuple(LevelCount(code, code, n) for code, n in sorted(counts.items()))
    return Distribution(year, len(rows), levels, unrated, ineligible)


def warnings_of(rows: list[RatingRow] | tuple[RatingRow, ...], cset: CriteriaSetData) -> list[str]:
    """grid.quota_warnings() from rows already read (commune by commune)."""
    if not cset.quota.top_level:
        return []
    quota = {"top_level_max_share_of": [cset.quota.top_level, cset.quota.base_level, cset.quota.max_share]}
    by_commune: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.eligible and row.level_code:
            by_commune[row.commune].append(row.level_code)
    several = len({row.commune for row in rows}) > 1
    warnings: list[str] = []
    for name in sorted(by_commune, key=sort_key):
        where = (name or "Chưa rõ xã") if several else ""
        warnings += quota_problems(by_commune[name], quota, cset.levels, where=where)
    return warnings


def year_board(year: int, commune: str | None = None) -> YearBoard:
    cset = criteria_set(year)
    if cset is None:
        return YearBoard(year, None, (), None, ())
    rows = tuple(year_grid(year, commune))
    return YearBoard(year, cset, rows, distribution_of(year, rows, cset), tuple(warnings_of(rows, cset)))


def start_from_sample(year: int) -> CriteriaSetData:
    """The sample shipped with the program as *year*'s set (a year without
    one), still marked as a sample to adapt."""
    existing = criteria_set(year)
    if existing is not None:
        raise ValidationError("year", f"Năm {year} đã có bộ tiêu chí «{existing.name}».")
    return save_criteria_set(year, sample_criteria_set(year), expected_version=None)
