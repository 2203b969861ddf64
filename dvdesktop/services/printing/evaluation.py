"""The two kinds of the yearly rating: their data come from services.evaluation.printing."""
from __future__ import annotations

from ...documents.evaluation_data import EvaluationReportData, EvaluationSheetData
from ..evaluation import printing as evaluation_printing
from .request import PrintRequest


def sheet_for_print(request: PrintRequest) -> EvaluationSheetData:
    year = request.year or evaluation_printing.this_year()
    return evaluation_printing.sheet_data(request.team, year, org=request.org)


def report_for_print(request: PrintRequest) -> EvaluationReportData:
    return evaluation_printing.report_data(request.year or evaluation_printing.this_year(), org=request.org)
