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

import importlib

# Loaded on first use (PEP 562): the overview and `stats` import
# reports.counting, which must not bring the renderers and openpyxl with it.
_WHERE = {
    "SECTION_BUILDERS": "figures", "ReportContext": "figures", "add_section": "figures", "annual": "figures",
    "compute": "figures", "period": "figures",
    "report_data": "output", "report_document": "output", "write_report": "output",
    "Period": "periods", "parse_day": "periods",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


__all__ = ["annual", "period", "compute", "add_section", "SECTION_BUILDERS", "ReportContext", "Period", "parse_day",
           "report_data", "report_document", "write_report"]
