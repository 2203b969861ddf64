"""Pieces every document shares: the header from HeaderData, number lines,
signature blocks."""
from __future__ import annotations

from ..vn import format_date, nfc
from . import blocks as B
from .data import HeaderData, SignerData
from .layout_rules import rules_for


def number_line(h: HeaderData) -> str:
    """'Số: 05/BB-TDV' (State), 'Số 12-BB/TDV' (Party); a blank to fill in
    when the number is not given yet."""
    rules = rules_for(h.style)
    number = nfc(h.number or "") or ""
    if number.lower().startswith("số"):
        return number
    if not number:
        if not h.kind_code:
            return ""
        gap = "\u00a0" * 6
        if h.style == "party":
            number = f"{gap}-{h.kind_code}/{h.issuer_code}" if h.issuer_code else f"{gap}-{h.kind_code}"
        else:
            number = f"{gap}/{h.kind_code}-{h.issuer_code}" if h.issuer_code else f"{gap}/{h.kind_code}"
    return f"{rules.number_prefix}{number}"


def place_date_line(h: HeaderData) -> str:
    """'Nậm Pồ, ngày 05 tháng 01 năm 2025', or blanks to fill in."""
    place = nfc(h.place or "") or ""
    if h.date is None:
        text = "ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm 20\u00a0\u00a0\u00a0"
    else:
        text = format_date(h.date)
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def header(h: HeaderData, *, with_date: bool = True) -> B.Header:
    return B.Header(parent=h.parent, issuer=h.issuer, number=number_line(h),
                    place_date=place_date_line(h) if with_date else "")


def on_behalf(style: str, text: str) -> str:
    """'TM. …' in State documents, 'T/M …' in Party ones (and KT. as given)."""
    text = nfc(text or "") or ""
    upper = text.upper()
    if style == "state" and upper.startswith("T/M "):
        return "TM. " + text[4:]
    if style == "party" and upper.startswith("TM. "):
        return "T/M " + text[4:]
    return text


def sign(s: SignerData | None, style: str, *, note: str = "") -> B.SignBlock | None:
    if s is None:
        return None
    return B.SignBlock(title=s.title, on_behalf=on_behalf(style, s.on_behalf), name=s.name, note=note)


def person_with_position(name: str, position: str = "") -> str:
    name, position = nfc(name or "") or "", nfc(position or "") or ""
    if name and position:
        return f"{name} – {position}"
    return name or position


def dots(n: int = 20) -> str:
    return "…" * n
