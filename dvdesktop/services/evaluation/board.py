"""What the evaluation screen shows for a year, read at once: the criteria
set, the all-teams grid, the distribution of levels and the quota warnings.

grid.distribution() and grid.quota_warnings() each read the whole grid
again; on a province database (2,128 teams) the screen would read it three
times. Here the grid is read once and grid's row rules (distribution_of,
warnings_of) are applied to its rows.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...errors import ValidationError
from .criteria import CriteriaSetData, criteria_set, sample_criteria_set, save_criteria_set
from .grid import Distribution, RatingRow, distribution_of, warnings_of, year_grid


@dataclass(frozen=True)
class YearBoard:
    year: int
    criteria_set: CriteriaSetData | None  # None: the year has no criteria set yet
    rows: tuple[RatingRow, ...]
    distribution: Distribution | None
    warnings: tuple[str, ...]  # the quota broken, in plain Vietnamese


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
