"""Printed documents: reportlab (PDF) and python-docx (Word) renderers, no Qt.

    doc = minutes.build(minutes_data)   # data.MinutesData → blocks.Document
    render.write(doc, "bien-ban.pdf")   # or .docx

Renderers take the plain dataclasses of data.py and never query the database
(services/printing fills them; its catalog names each kind's builder).
Sizes and margins: layout_rules.py.
"""
