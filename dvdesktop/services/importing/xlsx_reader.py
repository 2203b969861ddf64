"""A quick reader of the cell values of an .xlsx worksheet.

openpyxl builds a Python object for every cell and its style; for a list of
10,000 people that alone takes seconds. Importing needs much less: each
cell's value (text, number, date, boolean), the font of text cells (the
legacy fonts tell their encoding) and the merged ranges. This reads exactly
that from the file's XML with the C parser, and uses openpyxl's own rules
for what is a date format and how a serial number becomes a date.

Anything unexpected raises; sheet.py then reads the file with openpyxl."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

_REF = re.compile(r"([A-Z]+)(\d+)")
_RELS_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


@dataclass
class RawSheet:
    name: str
    rows: list[list[object]]
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) of text cells → font name
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based min_row, min_col, max_row, max_col


def _text_of(element) -> str:
    """The text of a shared or inline string: its <t> runs, without the
    phonetic guides (<rPh>)."""
    if len(element) == 1 and _local(element[0].tag) == "t":  # the usual plain string
        return element[0].text or ""
    parts = []
    for node in element.iter():
        tag = _local(node.tag)
        if tag == "rPh":
            continue
        if tag == "t" and node.text:
            parts.append(node.text)
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, path: str | None) -> list[str]:
    if not path or path not in zf.namelist():
        return []
    out = []
    for _event, element in ET.iterparse(zf.open(path), events=("end",)):
        if _local(element.tag) == "si":
            out.append(_text_of(element))
            element.clear()
    return out


def _styles(zf: zipfile.ZipFile, path: str | None) -> tuple[list[bool], list[str]]:
    """For each cell style: is it a date format, and its font's name."""
    if not path or path not in zf.namelist():
        return [], []
    root = ET.fromstring(zf.read(path))
    custom = {}
    fonts: list[str] = []
    xfs: list[tuple[int, int]] = []
    for child in root:
        tag = _local(child.tag)
        if tag == "numFmts":
            for fmt in child:
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode") or ""
        elif tag == "fonts":
            for font in child:
                name = next((n.get("val") for n in font if _local(n.tag) == "name"), "") or ""
                fonts.append(name)
        elif tag == "cellXfs":
            for xf in child:
                xfs.append((int(xf.get("numFmtId") or 0), int(xf.get("fontId") or 0)))
    dates, font_names = [], []
    for num_fmt, font_id in xfs:
        code = custom.get(num_fmt, BUILTIN_FORMATS.get(num_fmt, "General"))
        dates.append(bool(code) and is_date_format(code))
        font_names.append(fonts[font_id] if font_id < len(fonts) else "")
    return dates, font_names


def _parts(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str]], str | None, str | None, bool]:
    """(sheet name, sheet part) in order, the shared strings and styles parts,
    and whether dates count from 1904."""
    workbook = "xl/workbook.xml"
    rels_path = "xl/_rels/workbook.xml.rels"
    root = ET.fromstring(zf.read(workbook))
    rels = {r.get("Id"): (r.get("Target") or "", r.get("Type") or "") for r in ET.fromstring(zf.read(rels_path))}

    def resolve(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))

    sheets, date1904 = [], False
    for child in root.iter():
        tag = _local(child.tag)
        if tag == "sheet":
            target, _type = rels[child.get(_RELS_NS)]
            sheets.append((child.get("name") or "", resolve(target)))
        elif tag == "workbookPr":
            date1904 = child.get("date1904") in ("1", "true")
    shared = styles = None
    for target, kind in rels.values():
        if kind.endswith("/sharedStrings"):
            shared = resolve(target)
        elif kind.endswith("/styles"):
            styles = resolve(target)
    return sheets, shared, styles, date1904


def read_workbook(path) -> list[RawSheet]:
    with zipfile.ZipFile(path) as zf:
        sheets, shared_path, styles_path, date1904 = _parts(zf)
        shared = _shared_strings(zf, shared_path)
        dates, fonts = _styles(zf, styles_path)
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        legacy_fonts = any(f.lower().startswith((".vn", "vni")) for f in fonts)
        return [_read_sheet(zf, name, part, shared, dates, fonts if legacy_fonts else None, epoch)
                for name, part in sheets]


def _read_sheet(zf, name, part, shared, dates, fonts, epoch) -> RawSheet:
    root = ET.fromstring(zf.read(part))
    ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    C, V, IS, ROW, MERGE = (ns + t for t in ("c", "v", "is", "row", "mergeCell"))
    cells: dict[int, dict[int, object]] = {}
    font_of: dict[tuple[int, int], str] = {}
    merged: list[tuple[int, int, int, int]] = []
    ref_match = _REF.match
    n_dates = len(dates)
    row = -1
    for row_element in root.iter(ROW):
        r = row_element.get("r")
        row = int(r) - 1 if r else row + 1
        col = -1
        for element in row_element.iter(C):
            ref = element.get("r")
            col = _column(ref_match(ref).group(1)) if ref else col + 1
            kind = element.get("t", "n")
            style = int(element.get("s", 0))
            value = None
            if kind == "inlineStr":
                inline = element.find(IS)
                value = _text_of(inline) if inline is not None else None
            else:
                v = element.find(V)
                text = v.text if v is not None else None
                if text is None:
                    pass
                elif kind == "s":
                    value = shared[int(text)]
                elif kind == "str":
                    value = text
                elif kind == "b":
                    value = text.strip() in ("1", "true")
                elif kind == "d":
                    value = dt.datetime.fromisoformat(text.rstrip("Z"))
                elif kind == "n":
                    number = float(text)
                    if style < n_dates and dates[style]:
                        value = from_excel(number, epoch)
                    elif number.is_integer() and "." not in text and "E" not in text and "e" not in text:
                        value = int(number)
                    else:
                        value = number
            if value is not None:
                cells.setdefault(row, {})[col] = value
                if fonts is not None and isinstance(value, str) and style < len(fonts):
                    font_of[(row, col)] = fonts[style]
    for element in root.iter(MERGE):
        ref = element.get("ref") or ""
        if ":" in ref:
            a, b = ref.split(":")
            ma, mb = ref_match(a), ref_match(b)
            merged.append((int(ma.group(2)) - 1, _column(ma.group(1)), int(mb.group(2)) - 1, _column(mb.group(1))))
    if not cells:
        return RawSheet(name, [], font_of, merged)
    height = max(cells) + 1
    width = max(max(r) for r in cells.values()) + 1
    rows = []
    for r in range(height):
        source = cells.get(r, {})
        rows.append([source.get(c) for c in range(width)])
    return RawSheet(name, rows, font_of, merged)
