"""Work reports of the Tổ dân vận: the annual report (báo cáo tổng kết) and
period reports (month, quarter, 6 months, any range), from what is recorded.

    from dvdesktop.services import reports
    figures = reports.annual(2026, commune_code=None)
    reports.write_report(figures, "bao-cao.pdf")   # .pdf / .docx / .xlsx

Modules: counting (the counting rules, shared with `dvdesktop stats`),
breakdowns (grouped detail queries), periods (naming periods), figures (the
engine and its list of section builders), sections (the builders), prose
(Vietnamese phrasing), by_commune (province table), output (header, signer,
files).
"""
from __future__ import annotations

from .figures import SECTION_BUILDERS, ReportContext, add_section, annual, compute, period
from .output import report_data, report_document, write_report
from .periods import Period, parse_day

__all__ = ["annual", "period", "compute", "add_section", "SECTION_BUILDERS", "ReportContext", "Period", "parse_day",
           "report_data", "report_document", "write_report"]
