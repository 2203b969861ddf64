"""The mediation kinds (register, commune summary, case paper): their data come from services.mediation.printing
(which writes the audit rows of these confidential records)."""
from __future__ import annotations

import datetime as dt

from ...documents.mediation_data import MediationRecordData, MediationRegisterData, MediationSummaryData
from ..mediation import printing as mediation_printing
from .request import PrintRequest


def register_for_print(request: PrintRequest) -> MediationRegisterData:
    return mediation_printing.register_data(request.year or dt.date.today().year, request.area, org=request.org)


def summary_for_print(request: PrintRequest) -> MediationSummaryData:
    return mediation_printing.summary_data(request.year or dt.date.today().year, org=request.org)


def case_for_print(request: PrintRequest) -> MediationRecordData:
    return mediation_printing.case_data(request.id, org=request.org)
