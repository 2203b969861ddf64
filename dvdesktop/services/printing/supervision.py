"""The two supervision kinds: their data come from services.supervision.printing."""
from __future__ import annotations

from ...documents.supervision_data import SupervisionListData, SupervisionReportData
from ..supervision import printing as supervision_printing
from .request import PrintRequest


def report_for_print(request: PrintRequest) -> SupervisionReportData:
    return supervision_printing.report_data(request.id, org=request.org)


def list_for_print(request: PrintRequest) -> SupervisionListData:
    return supervision_printing.list_data(request.year, request.team, area_id=request.area, org=request.org)
