"""The content of a printed document as a short list of blocks.

Document modules (minutes.py, roster.py ...) turn their data into a
``Document``; the PDF backend (pdf.py) and the Word backend (docx_backend.py)
each draw every block kind once, so a PDF and a Word file of the same document
always carry the same text in the same layout. Sizes come from the rule set
(layout_rules) unless a block names its own.

All text is NFC-normalised here, once, before either backend sees it:
reportlab misplaces combining marks. Here too it is typeset as Vietnamese
print wants it, whatever was typed (vn.typography: “…” quotes, "quý III").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Union

from ..vn import nfc
from ..vn.typography import polish
from .layout_rules import PageRules, rules_for


def _t(text) -> str:
    return polish(nfc("" if text is None else str(text)) or "")


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False

    def __post_init__(self):
        # keep inner spaces and line breaks, only normalise
        self.text = polish(unicodedata.normalize("NFC", "" if self.text is None else str(self.text)))


@dataclass
class Para:
    """A paragraph of runs. align: justify / left / center / right.
    indent: first-line indent of the body (rules.first_line_indent_mm)."""

    runs: list[Run]
    align: str = "justify"
    indent: bool = True
    size: float | None = None  # None: rules.body_size
    space_before: float = 0
    space_after: float | None = None  # None: rules.paragraph_space_pt
    left_indent_mm: float = 0
    keep_with_next: bool = False
    hanging_mm: float = 0  # a numbered line: the lines after the first start this far in (indent is then ignored)


@dataclass
class Header:
    """The two-column header: issuing body left, national title (State) or
    ĐẢNG CỘNG SẢN VIỆT NAM (Party) right; number and place/date on one row."""

    parent: str = ""  # "ỦY BAN NHÂN DÂN XÃ NẬM PỒ" / "ĐẢNG BỘ XÃ NẬM PỒ" (may be empty)
    issuer: str = ""  # "TỔ DÂN VẬN BẢN NÀ KHOANG"
    number: str = ""  # "Số: 05/BB-TDV" (already with its prefix) or ""
    place_date: str = ""  # "Nậm Pồ, ngày 05 tháng 01 năm 2025" or "" (minutes)


@dataclass
class Title:
    """Document kind in bold capitals, then the subject lines and a short rule."""

    kind: str  # "BIÊN BẢN"
    subject: list[str] = field(default_factory=list)
    note: str = ""  # an italic line under the subject, e.g. "(Kèm theo Quyết định số ...)"
    space_before: float = 12
    rule: bool = True

    def __post_init__(self):
        self.subject = [_t(x) for x in self.subject]
        self.note = _t(self.note)


@dataclass
class Column:
    title: str
    width: float  # share of the text width; shares are scaled to sum to 1
    align: str = "left"  # body cells: left / center / right / justify


@dataclass
class Table:
    """A ruled table that splits across pages and repeats its header rows.

    rows: lists of cell texts; a row given as ``Section("...")`` spans all
    columns in bold (a group heading). header_groups: extra header rows above
    the column titles, each a list of (text, colspan); a column whose title is
    "" takes the group cell above it, merged down over the title row (a
    register's "STT" beside "Kết quả" over "Thành" / "Không thành")."""

    columns: list[Column]
    rows: list = field(default_factory=list)
    size: float | None = None  # None: rules.table_size
    min_row_height_mm: float = 0  # blank forms: room to write
    header_groups: list[list[tuple[str, int]]] = field(default_factory=list)
    number_row: bool = False  # a row "(1) (2) (3)..." under the titles, as registers have
    space_after: float = 6
    fill_pages: bool = False  # PDF: break a tall row across pages rather than leave the page's foot empty (Word does)
    keep_rows: bool = False  # never break a row across pages (PDF and Word), unless it is taller than a page
    keep_together: bool = False  # a short table moves whole to the next page rather than split
    nowrap: tuple[int, ...] = ()  # columns whose cells never wrap (names): their text shrinks to fit instead

    def __post_init__(self):
        self.rows = [row if isinstance(row, Section) else [_t(c) for c in row] for row in self.rows]


@dataclass
class Section:
    text: str

    def __post_init__(self):
        self.text = _t(self.text)


@dataclass
class SignBlock:
    """One signature: 'TM. ...' / 'KT. ...' / 'T/M ...' line, the title,
    an optional note, room to sign, the name."""

    title: str = ""  # "CHỦ TỌA", "BÍ THƯ", "TỔ TRƯỞNG"
    on_behalf: str = ""  # "T/M CHI BỘ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    name: str = ""
    note: str = ""  # "(Ký, ghi rõ họ tên)"


@dataclass
class Signatures:
    """Two columns: left and right. The left column holds either a signature
    or the "Nơi nhận:" list (flush left, on the title's row)."""

    left: SignBlock | None = None
    right: SignBlock | None = None
    recipients: list[str] | None = None  # printed on the left when given
    space_before: float = 12


@dataclass
class FillLine:
    """A label followed by dots to the right margin (blank forms); with a value,
    the value is printed instead of dots."""

    label: str = ""
    value: str = ""
    bold_label: bool = False
    lines: int = 1  # extra lines of dots under it when value is empty


@dataclass
class Spacer:
    mm: float


@dataclass
class BarChart:
    """A bar chart under a bold title (documents/charts.py): a vector drawing
    in PDF; in Word the same numbers as a small table (this program's
    reportlab has no bitmap backend, and a new dependency is not worth it)."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]  # (name, one value per category)
    horizontal: bool = False
    height_mm: float = 65


@dataclass
class PageBreak:
    orientation: str | None = None  # switch to "portrait" / "landscape" from the next page


Block = Union[Para, Header, Title, Table, Signatures, FillLine, Spacer, PageBreak, BarChart]


@dataclass
class Document:
    style: str  # "state" / "party"
    blocks: list = field(default_factory=list)
    orientation: str = "portrait"
    title: str = ""  # file metadata
    subject: str = ""
    rules: PageRules | None = None

    def __post_init__(self):
        if self.rules is None:
            self.rules = rules_for(self.style)

    def add(self, *blocks) -> "Document":
        self.blocks.extend(blocks)
        return self

    def texts(self) -> list[str]:
        """Every text of the document, in order (for tests and search)."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Para):
                out.append("".join(r.text for r in b.runs))
            elif isinstance(b, Header):
                out += [b.parent, b.issuer, b.number, b.place_date]
            elif isinstance(b, Title):
                out += [b.kind, *b.subject, b.note]
            elif isinstance(b, Table):
                out += [c.title for c in b.columns]
                for row in b.rows:
                    out += [row.text] if isinstance(row, Section) else [str(c) for c in row]
            elif isinstance(b, Signatures):
                for s in (b.left, b.right):
                    if s:
                        out += [s.on_behalf, s.title, s.note, s.name]
                out += b.recipients or []
            elif isinstance(b, FillLine):
                out += [b.label, b.value]
            elif isinstance(b, BarChart):
                out += [b.title, *b.categories, *(name for name, _ in b.series)]
        return [x for x in out if x]


# --- small helpers the document modules share --------------------------------


def para(text: str = "", *, bold=False, italic=False, **kw) -> Para:
    return Para([Run(_t(text), bold=bold, italic=italic)], **kw)


def labelled(label: str, value: str = "", **kw) -> Para:
    """'Địa điểm: Nhà văn hóa bản' with the label in bold; no first-line indent."""
    kw.setdefault("indent", False)
    return Para([Run(_t(label) + ": ", bold=True), Run(_t(value))], **kw)


def heading(text: str, **kw) -> Para:
    """A bold run-in heading of a section of the body ('1. Nội dung cuộc họp')."""
    kw.setdefault("indent", True)
    kw.setdefault("keep_with_next", True)
    return Para([Run(_t(text), bold=True)], **kw)


def bullet_lines(lines, *, prefix="- ", **kw) -> list[Para]:
    return [Para([Run(prefix + _t(x))], **kw) for x in lines if _t(x)]


def text_paras(text: str, **kw) -> list[Para]:
    """One paragraph per non-empty line of a stored multi-line text."""
    return [Para([Run(_t(line))], **kw) for line in _t(text).splitlines() if line.strip()]


def cover_page(lines: list[tuple[str, float, bool]], *, top_mm: float = 40) -> list:
    """A cover page (e.g. a register's): centred lines given as (text, size,
    bold), then a page break. A line of "" adds vertical room."""
    out: list = [Spacer(top_mm)]
    for text, size, bold in lines:
        if not text:
            out.append(Spacer(size))
            continue
        out.append(Para([Run(_t(text), bold=bold)], align="center", indent=False, size=size))
    out.append(PageBreak())
    return out
