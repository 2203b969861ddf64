"""Printed documents: reportlab (PDF) and python-docx (Word) renderers, no Qt.

    doc = BUILDERS["minutes"](minutes_data)   # data.MinutesData → blocks.Document
    render.write(doc, "bien-ban.pdf")          # or .docx

Renderers take the plain dataclasses of data.py and never query the database
(services/printing.py fills them). Sizes and margins: layout_rules.py.
"""
from __future__ import annotations

from . import concerns, decision, forms, mediation, mediation_register, minutes, outreach, roster

BUILDERS = {
    "minutes": minutes.build,
    "outreach": outreach.build,
    "concerns": concerns.build,
    "roster": roster.build,
    "decision": decision.build,
    "attendance-sheet": forms.attendance_sheet,
    "concern-slip": forms.concern_slip,
    "register": mediation_register.build,
    "mediation": mediation.build,
}

__all__ = ["BUILDERS"]
