"""Helpers shared by the tests of printed documents: read a PDF back."""
from __future__ import annotations

import io
import unicodedata

import pdfplumber
from pdfminer.pdftypes import resolve1

from dvdesktop.documents.layout_rules import MM

A4_PT = (595.2756, 841.8898)


def open_pdf(data: bytes):
    return pdfplumber.open(io.BytesIO(data))


def page_text(page) -> str:
    return unicodedata.normalize("NFC", page.extract_text() or "")


def all_text(pdf) -> str:
    return "\n".join(page_text(p) for p in pdf.pages)


def lines(page) -> list[str]:
    return [unicodedata.normalize("NFC", ln["text"]) for ln in page.extract_text_lines()]


def fonts_embedded(pdf) -> dict[str, bool]:
    """Base font name → whether its program is embedded (FontFile/2/3)."""
    out: dict[str, bool] = {}
    for page in pdf.pages:
        fonts = resolve1(resolve1(page.page_obj.resources).get("Font", {})) or {}
        for ref in fonts.values():
            font = resolve1(ref)
            name = resolve1(font.get("BaseFont"))
            name = name.name if hasattr(name, "name") else str(name)
            descriptor = resolve1(font.get("FontDescriptor"))
            if descriptor is None and font.get("DescendantFonts"):
                descendant = resolve1(resolve1(font["DescendantFonts"])[0])
                descriptor = resolve1(descendant.get("FontDescriptor"))
            embedded = bool(descriptor) and any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))
            out[name] = embedded
    return out


def body_chars(page, rules):
    """Characters outside the top margin (the page number lives there)."""
    top = rules.margin_top_mm * MM
    return [c for c in page.chars if c["top"] >= top - 1]


def margin_violations(page, rules) -> list[str]:
    """Characters drawn outside the rule's margins (page numbers excepted)."""
    top, bottom, left, right = (rules.margin_top_mm * MM, rules.margin_bottom_mm * MM,
                                rules.margin_left_mm * MM, rules.margin_right_mm * MM)
    bad = []
    for c in page.chars:
        if c["top"] < top - 0.5:
            continue  # the top margin holds only the page number, checked apart
        if c["x0"] < left - 0.5 or c["x1"] > page.width - right + 0.5 or c["bottom"] > page.height - bottom + 0.5:
            bad.append(f"{c['text']!r} at x0={c['x0']:.1f} x1={c['x1']:.1f} bottom={c['bottom']:.1f}")
    return bad
