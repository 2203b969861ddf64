"""Printing: fill the documents' dataclasses from the database and write the
PDF or Word file. The renderers (dvdesktop/documents) never query the
database; this package is the only bridge. No Qt here.

    print_document("minutes", "bien-ban.pdf", id=12)
    print_document("roster", "danh-sach.docx")             # every team of the commune
    print_document("concerns", "kien-nghi.pdf", team=3, year=2025)

catalog.py declares every printed kind (the command line, the settings and
the GUI menus are made from it); one module per document holds its data
function; output.py renders. Importing this package (or its catalog) loads
nothing heavy: the names below are loaded when first used.
"""
from __future__ import annotations

import importlib

from .catalog import KINDS, PrintableKind, PrintOffer

_LAZY = {
    "document": "output", "print_document": "output",
    "team_header": "headers", "commune_header": "headers", "commune_signer": "headers", "team_signer": "headers",
    "minutes_data": "minutes", "outreach_data": "outreach", "concern_register_data": "concerns",
    "concern_slip_data": "concern_slip", "attendance_sheet_data": "attendance_sheet", "roster_data": "roster",
    "decision_data": "decision", "PrintRequest": "request",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["KINDS", "PrintOffer", "PrintableKind", *_LAZY]
