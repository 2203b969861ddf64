"""Yearly rating of the Tổ dân vận: criteria sets, suggested scores, ratings
through their stages, the all-teams grid and the quota.

Modules, one job each:

* criteria    — the set of a year (groups, criteria, levels, quota) as plain
                data; validation; save in one transaction; copy to a year
* exchange    — the set as one JSON file (export, checked import)
* metrics     — what each team recorded in a year (stats.py's counting rules),
                every team with one grouped query per kind of record
* suggestions — metric → suggested score, with the numbers behind it
* quota       — pure rules: level of a total, top-level quota, eligibility
* ratings     — one team's rating: scores, stages, reopening
* grid        — every team of a year: grid, fill from suggestions,
                distribution of levels, quota warnings
* scoring, record_services — one-call scoring and record services kept for
                scripts and older callers

Callers (GUI, CLI, documents) get frozen dataclasses, never rows.
"""
from __future__ import annotations

from .criteria import (
    CriteriaProblems, CriteriaSetData, CriterionData, GroupData, LevelData, QuotaData, check_levels, check_quota_rules,
    copy_criteria_set, criteria_problems, criteria_set, criteria_set_by_id, default_criteria_path, definition_problems, definition_rows,
    levels_of, load_definition, parse_metric, quota_of, sample_criteria_set, save_criteria_set,
)
from .exchange import export_criteria_file, import_criteria_file, read_criteria_file
from .grid import Distribution, LevelCount, RatingRow, distribution, fill_from_suggestions, quota_warnings, year_grid
from .metrics import METRICS, TeamFacts, metric_values, team_facts, team_metrics, year_facts, year_metrics
from .quota import active_months, eligibility, enforce_quota, level_name, quota_problems, rate
from .ratings import (
    STAGE_NAMES, STAGES, RatingData, RatingLine, StageData, level_for, rating, reopen, save_rating, set_stage,
)
from .record_services import CriteriaSetService, CriterionService, import_criteria_set
from .scoring import ScoreResult, check_quota, score_evaluation
from .suggestions import Suggestion, suggest_scores, suggested_score, year_suggestions
