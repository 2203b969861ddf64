"""PDF backend: draws a blocks.Document with reportlab (no Qt).

A4, margins and sizes from the document's rule set; page numbers centred in
the top margin from page 2 on; tables split across pages (rows too) and
repeat their header rows; portrait and landscape pages may alternate.
"""
from __future__ import annotations

import copy
import io
import unicodedata
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, KeepTogether, NextPageTemplate, PageTemplate,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as _RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from . import blocks as B
from .fonts import balanced_lines, fit_size, fonts, text_width
from .layout_rules import FONT_SINGLE_LINE, MM, PARTY_SUBJECT_MARK, PageRules

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def _n(text) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def _markup(text: str) -> str:
    return escape(_n(text)).replace("\n", "<br/>")


def _runs_markup(runs: list[B.Run]) -> str:
    out = []
    for r in runs:
        s = _markup(r.text)
        if not s:
            continue
        if r.underline:
            s = f"<u>{s}</u>"
        if r.italic:
            s = f"<i>{s}</i>"
        if r.bold:
            s = f"<b>{s}</b>"
        out.append(s)
    return "".join(out)


@lru_cache(maxsize=512)
def _style(rules: PageRules, size: float, align: str = "justify", indent: bool = False,
           bold: bool = False, italic: bool = False, space_before: float = 0,
           space_after: float = 0, left_indent_mm: float = 0, leading_factor: float | None = None) -> ParagraphStyle:
    fs = fonts()
    factor = leading_factor if leading_factor is not None else FONT_SINGLE_LINE * rules.line_spacing
    return ParagraphStyle(
        name=f"s{size}{align}{indent}{bold}{italic}{space_before}{space_after}{left_indent_mm}{factor}",
        fontName=fs.name(bold, italic), fontSize=size, leading=size * factor,
        alignment=_ALIGN.get(align, TA_JUSTIFY),
        firstLineIndent=rules.first_line_indent_mm * MM if indent else 0,
        leftIndent=left_indent_mm * MM,
        spaceBefore=space_before, spaceAfter=space_after, allowWidows=0, allowOrphans=0,
        embeddedHyphenation=0, uriWasteReduce=0,
    )


# Parsed paragraph text by (style, markup): the header's lines, the labels,
# the signature blocks and a register's repeated cells are the same in every
# document, and reportlab parses each paragraph's markup with an HTML parser
# (a tenth of a minutes' time). Each use gets copies of the fragments.
_PARSED: dict[tuple[str, str], list] = {}
_PARSED_LIMIT = 8192


# Lines of one-style paragraphs by (style, text, width): the header's lines,
# the titles, the signatures' names are broken into lines the same way in
# every document. Only reportlab's simple layout (one fragment, "kind 0":
# lines of plain words) is kept; drawing and splitting only read it.
_LAID: dict[tuple, tuple] = {}


def _layout_key(style: ParagraphStyle) -> tuple:
    """What a paragraph's line breaks depend on besides its text and width."""
    return (style.name, style.fontName, style.fontSize, style.leading, style.alignment, style.firstLineIndent,
            style.leftIndent, style.rightIndent, style.wordWrap, style.splitLongWords, style.embeddedHyphenation,
            style.uriWasteReduce, style.hyphenationLang, style.endDots, style.justifyLastLine, style.spaceShrinkage)


class _Para(_RLParagraph):
    """reportlab's Paragraph measured once per width: a table sizes its cells,
    KeepTogether and the frame then ask again with the same width, and each
    wrap() broke the lines anew (the lines depend on the width only)."""

    _laid_key = None  # set when the text's lines may be shared (see _LAID)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        # split() may drop blPara (the lines) to force a new layout: then measure again
        if getattr(self, "_wrapped_width", None) == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        key = self._laid_key
        if key is not None:
            laid = _LAID.get((key, availWidth))
            if laid is not None:
                self.blPara, self.height, self._width_max, self._wrapWidths = laid
                self.width = self._wrapped_width = availWidth
                return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        if (key is not None and self.blPara.kind == 0 and not self._splitLongWordCount and not self._hyphenations
                and len(_LAID) < _PARSED_LIMIT):
            _LAID[(key, availWidth)] = (self.blPara, self.height, self._width_max, list(self._wrapWidths))
        return size


def Paragraph(text: str, style: ParagraphStyle) -> _RLParagraph:  # noqa: N802 - stands in for reportlab's
    key = (style.name, text)
    frags = _PARSED.get(key)
    if frags is not None:
        paragraph = _Para(text, style, frags=[f.clone() for f in frags])
        if len(frags) == 1:
            paragraph._laid_key = (_layout_key(style), text)
        return paragraph
    paragraph = _Para(text, style)
    if paragraph.style is style and len(_PARSED) < _PARSED_LIMIT:  # markup that changes the style: not kept
        _PARSED[key] = [f.clone() for f in paragraph.frags]
    return paragraph


def _p(rules, text, size, *, align="center", bold=False, italic=False, single=True, **kw) -> Paragraph:
    style = _style(rules, size, align, False, bold, italic, leading_factor=FONT_SINGLE_LINE if single else None, **kw)
    return Paragraph(_markup(text), style)


class HRule(Flowable):
    """A solid horizontal rule of a given length, centred in the column."""

    def __init__(self, length: float, thickness: float, space_before: float = 3.5, space_after: float = 2, align="center"):
        super().__init__()
        self.length, self.thickness = length, thickness
        self.space_before, self.space_after, self.align = space_before, space_after, align

    def wrap(self, avail_width, avail_height):
        self._avail = avail_width
        self.length = min(self.length, avail_width)
        return avail_width, self.space_before + self.thickness + self.space_after

    def draw(self):
        x0 = {"center": (self._avail - self.length) / 2, "left": 0, "right": self._avail - self.length}[self.align]
        y = self.space_after + self.thickness / 2
        c = self.canv
        c.setLineWidth(self.thickness)
        c.setStrokeColor(colors.black)
        c.line(x0, y, x0 + self.length, y)


class DotLine(Flowable):
    """'Label: ......' to the right edge of the frame; more lines of dots below."""

    def __init__(self, rules: PageRules, label: str, bold_label: bool, extra_lines: int):
        super().__init__()
        self.rules, self.label, self.bold_label, self.extra = rules, _n(label), bold_label, extra_lines
        self.size = rules.body_size
        self.leading = self.size * FONT_SINGLE_LINE * max(rules.line_spacing, 1.3)

    def wrap(self, avail_width, avail_height):
        self._avail = avail_width
        return avail_width, self.leading * (1 + self.extra) + self.rules.paragraph_space_pt / 2

    def draw(self):
        fs = fonts()
        c = self.canv
        size = self.size
        dot_w = text_width(".", size)
        y = self.leading * self.extra + self.rules.paragraph_space_pt / 2 + self.leading - size
        for line in range(1 + self.extra):
            x = 0.0
            if line == 0 and self.label:
                font = fs.name(self.bold_label)
                c.setFont(font, size)
                c.drawString(0, y, self.label)
                x = text_width(self.label, size, self.bold_label) + 2
            c.setFont(fs.name(), size)
            count = int((self._avail - x) / dot_w)
            if count > 0:
                c.drawString(self._avail - count * dot_w, y, "." * count)
            y -= self.leading


class _KeepWithNext(KeepTogether):
    """A heading (keep_with_next) and what follows: moved to the next page
    only when less than *room* is left on this one; otherwise laid out as
    usual, so the paragraph under the heading may split."""

    def __init__(self, content, room: float):
        super().__init__(content)
        self._room = room

    def split(self, aW, aH):
        if aH >= self._needed(aW, aH):
            return self._content[:]
        return super().split(aW, aH)

    def _needed(self, aW, aH) -> float:
        """The heading(s), then what must follow them on the same page: a
        table's header rows and first row (a heading never ends a page above
        a table that starts on the next), else up to *room* of the paragraph."""
        *heads, nxt = self._content
        need = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in heads)
        if isinstance(nxt, RLTable):
            nxt.wrap(aW, aH)
            heights = getattr(nxt, "_rowHeights", None) or []
            return need + sum(heights[:nxt.repeatRows + 1]) + nxt.getSpaceBefore()
        if isinstance(nxt, KeepTogether):  # e.g. the last line and the signatures: all of it or none
            return need + nxt.wrap(aW, aH)[1]
        return need + min(self._room, nxt.wrap(aW, aH)[1])


_SCALARS = (int, float, str, bool, type(None))


class _Frame(Frame):
    """reportlab's Frame, deep-copied faster: KeepTogether measures its content
    on a deep copy of the frame (a few times per page), and copy.deepcopy
    walked each of its numbers; they are immutable, only the rest is copied."""

    def __deepcopy__(self, memo):
        new = self.__class__.__new__(self.__class__)
        new.__dict__.update({k: v if type(v) in _SCALARS else copy.deepcopy(v, memo) for k, v in self.__dict__.items()})
        return new


class _DocTemplate(BaseDocTemplate):
    def __init__(self, target, rules: PageRules, first: str, **kw):
        super().__init__(target, pagesize=A4, **kw)
        self.rules = rules
        top, bottom, left, right = rules.margins_pt
        templates = []
        for orient, size in (("portrait", A4), ("landscape", landscape(A4))):
            w, h = size
            frame = _Frame(left, bottom, w - left - right, h - top - bottom, id=orient,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(id=orient, frames=[frame], pagesize=size, onPage=self._page_number))
        if first == "landscape":
            templates.reverse()
        self.addPageTemplates(templates)
        # A heading kept with its paragraph moves to the next page only when
        # fewer than four body lines are left; otherwise the paragraph splits
        # under it, as Word does (reportlab would move the whole paragraph and
        # leave a large gap at the foot of the page).
        room = 4 * rules.body_size * FONT_SINGLE_LINE * rules.line_spacing
        self.keepTogetherClass = lambda content: _KeepWithNext(content, room)

    def _page_number(self, canv, doc):
        number = canv.getPageNumber()
        if number <= 1:
            return  # none on page 1
        rules = self.rules
        w, h = canv._pagesize
        top, _bottom, left, right = rules.margins_pt
        size = rules.page_number_size
        canv.setFont(fonts().name(), size)
        canv.drawCentredString(left + (w - left - right) / 2, h - top / 2 - size / 3, str(number))


def _merge_down(commands: list, b: B.Table, title_row: int) -> None:
    """A column with an empty title takes the header-group cell above it: SPAN
    from the group row where that cell starts down over the title row."""
    for col, c in enumerate(b.columns):
        if c.title:
            continue
        for r in range(len(b.header_groups) - 1, -1, -1):
            start = 0
            found = False
            for text, span in b.header_groups[r]:
                if start == col and span == 1 and text:
                    found = True
                    break
                start += span
            if found:
                commands.append(("SPAN", (col, r), (col, title_row)))
                break


def _row_height(row: list, widths: list[float]) -> float:
    """The height a table row needs (its tallest cell, with the padding)."""
    tallest = 0.0
    for cell, w in zip(row, widths):
        if isinstance(cell, _RLParagraph):
            tallest = max(tallest, cell.wrap(w - 6, 1e6)[1])
    return tallest + 5


def _widths(rules: PageRules, orientation: str) -> float:
    w, _h = landscape(A4) if orientation == "landscape" else A4
    _t, _b, left, right = rules.margins_pt
    return w - left - right


class _Builder:
    def __init__(self, doc: B.Document):
        self.doc = doc
        self.rules = doc.rules
        self.orientation = doc.orientation
        self.story: list = []

    @property
    def width(self) -> float:
        return _widths(self.rules, self.orientation)

    def build(self) -> list:
        for block in self.doc.blocks:
            getattr(self, "_" + type(block).__name__.lower())(block)
        return self.story

    # --- blocks -------------------------------------------------------------
    def _para(self, b: B.Para):
        r = self.rules
        size = b.size or r.body_size
        style = _style(r, size, b.align, b.indent, False, False, b.space_before,
                       r.paragraph_space_pt if b.space_after is None else b.space_after, b.left_indent_mm)
        if b.hanging_mm:
            style = ParagraphStyle(f"{style.name}h{b.hanging_mm}", parent=style,
                                   leftIndent=(b.left_indent_mm + b.hanging_mm) * MM, firstLineIndent=-b.hanging_mm * MM)
        p = Paragraph(_runs_markup(b.runs) or "&nbsp;", style)
        p.keepWithNext = b.keep_with_next
        self.story.append(p)

    def _header(self, b: B.Header):
        r = self.rules
        left_w = self.width * r.header_left_share
        right_w = self.width - left_w
        left: list = []
        if b.parent:
            left.append(_p(r, "\n".join(balanced_lines(_n(b.parent).upper(), r.parent_size, False, left_w)),
                           r.parent_size))
        if b.issuer:
            lines = balanced_lines(_n(b.issuer).upper(), r.issuer_size, True, left_w)
            left.append(_p(r, "\n".join(lines), r.issuer_size, bold=True))
            if r.issuer_rule_fraction:
                widest = max(text_width(line, r.issuer_size, True) for line in lines)
                left.append(HRule(widest * r.issuer_rule_fraction, r.rule_width_pt))
        if r.issuer_star:
            left.append(_p(r, "*", r.issuer_size))
        right: list = []
        for i, (text, size) in enumerate(r.national_lines):
            right.append(_p(r, text, size, bold=True))
            if i == r.national_rule_after:
                right.append(HRule(text_width(text, size, True), r.rule_width_pt))
        data = [[left, right]]
        if b.number or b.place_date:
            data.append([
                _p(r, b.number, r.number_size) if b.number else "",
                _p(r, b.place_date, r.place_date_size, italic=True) if b.place_date else "",
            ])
        t = RLTable(data, colWidths=[left_w, right_w])
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts().name()),
            ("VALIGN", (0, 0), (-1, 0), "TOP"), ("VALIGN", (0, 1), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 1), (-1, 1), 4),
        ]))
        self.story.append(t)

    def _title(self, b: B.Title):
        r = self.rules
        parts: list = [_p(r, _n(b.kind).upper(), r.kind_size, bold=True, space_before=b.space_before)]
        for line in b.subject:
            parts.append(_p(r, line, r.subject_size, bold=True))
        if b.rule and b.subject:
            if r.subject_rule_fraction:
                widest = max(text_width(_n(s), r.subject_size, True) for s in b.subject)
                parts.append(HRule(min(widest, self.width) * r.subject_rule_fraction, r.rule_width_pt))
            else:
                parts.append(_p(r, PARTY_SUBJECT_MARK, r.subject_size))
        if b.note:
            parts.append(_p(r, b.note, r.body_size, italic=True))
        parts.append(RLSpacer(1, r.paragraph_space_pt * 1.5))
        self.story.append(KeepTogether(parts))

    def _sign_stack(self, s: B.SignBlock) -> list:
        r = self.rules
        out: list = []
        if s.on_behalf:
            out.append(_p(r, _n(s.on_behalf).upper(), r.sign_title_size, bold=True))
        if s.title:
            out.append(_p(r, _n(s.title).upper(), r.sign_title_size, bold=True))
        if s.note:
            out.append(_p(r, s.note, r.sign_note_size, italic=True))
        out.append(RLSpacer(1, r.sign_space_mm * MM))
        if s.name:
            out.append(_p(r, s.name, r.sign_name_size, bold=True))
        return out

    def _recipients(self, items: list[str]) -> list:
        r = self.rules
        label = _markup("Nơi nhận:")
        if r.recipients_label_underline:
            label = f"<u>{label}</u>"
        style = _style(r, r.recipients_label_size, "left", False, r.recipients_label_bold, r.recipients_label_italic,
                       leading_factor=FONT_SINGLE_LINE)
        out: list = [Paragraph(label, style)]
        for item in items:
            out.append(_p(r, item, r.recipients_size, align="left"))
        return out

    def _signatures(self, b: B.Signatures):
        half = self.width / 2
        if b.recipients is not None:
            left = self._recipients(b.recipients)
        elif b.left:
            left = self._sign_stack(b.left)
        else:
            left = ""
        right = self._sign_stack(b.right) if b.right else ""
        t = RLTable([[left, right]], colWidths=[half * 0.92, half * 1.08])
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts().name()),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        gap = RLSpacer(1, b.space_before)
        # The signatures never stand alone on a page: they go with the last
        # paragraph (or form line) before them, the two moved to the next page
        # together when they do not fit. Not a table: it may split, and its
        # last rows are what the page carries anyway.
        # (keepWithNext, not a KeepTogether: reportlab groups a heading only
        # with a plain flowable, so a heading above that last line stays too.)
        last = self.story[-1] if self.story else None
        if last is not None and not isinstance(last, (RLTable, RLPageBreak, NextPageTemplate, KeepTogether)):
            last.keepWithNext = True
            gap.keepWithNext = True
        self.story += [gap, t]

    def _table(self, b: B.Table):
        r = self.rules
        size = b.size or r.table_size
        total = sum(c.width for c in b.columns) or 1
        widths = [self.width * c.width / total for c in b.columns]
        ncols = len(b.columns)
        head_style = _style(r, min(size, r.table_header_size), "center", bold=True, leading_factor=FONT_SINGLE_LINE)
        cell_styles = {a: _style(r, size, a, leading_factor=FONT_SINGLE_LINE) for a in {c.align for c in b.columns}}
        section_style = _style(r, size, "left", bold=True, leading_factor=FONT_SINGLE_LINE)
        number_style = _style(r, size - 1, "center", italic=True, leading_factor=FONT_SINGLE_LINE)
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        data: list = []
        for group in b.header_groups:
            row, col = [], 0
            for text, span in group:
                row.append(Paragraph(_markup(text), head_style))
                row += [""] * (span - 1)
                if span > 1:
                    commands.append(("SPAN", (col, len(data)), (col + span - 1, len(data))))
                col += span
            data.append(row + [""] * (ncols - len(row)))
        data.append([Paragraph(_markup(c.title), head_style) if c.title else "" for c in b.columns])
        if b.header_groups:
            _merge_down(commands, b, len(data) - 1)
        if b.number_row:
            data.append([Paragraph(f"({i})", number_style) for i in range(1, ncols + 1)])
        head_rows = len(data)
        commands.append(("VALIGN", (0, 0), (-1, head_rows - 1), "MIDDLE"))
        for row in b.rows:
            if isinstance(row, B.Section):
                commands.append(("SPAN", (0, len(data)), (-1, len(data))))
                data.append([Paragraph(_markup(row.text), section_style)] + [""] * (ncols - 1))
            else:
                cells = list(row) + [""] * (ncols - len(row))
                out = []
                for i, (v, c) in enumerate(zip(cells, b.columns)):
                    style = cell_styles[c.align]
                    if i in b.nowrap:  # padding 3 pt each side
                        fitted = fit_size(_n(v), size, widths[i] - 6.5)
                        if fitted < size:
                            style = _style(r, fitted, c.align, leading_factor=FONT_SINGLE_LINE)
                    out.append(Paragraph(_markup(v), style))
                data.append(out)
        min_heights = None
        if b.min_row_height_mm:
            min_heights = [0] * head_rows + [b.min_row_height_mm * MM] * (len(data) - head_rows)
        split_in_row = 1
        if b.keep_rows:
            # a row moves whole to the next page; only one taller than a page may still break
            _top, _bottom = self.rules.margins_pt[:2]
            page_h = (A4[0] if self.orientation == "landscape" else A4[1]) - _top - _bottom
            split_in_row = int(any(_row_height(row, widths) > page_h * 0.75 for row in data[head_rows:]))
        t = RLTable(data, colWidths=widths, repeatRows=head_rows, splitInRow=split_in_row, minRowHeights=min_heights,
                    splitByRow=0 if b.fill_pages else 1,
                    spaceAfter=b.space_after)
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts().name()), *commands]))
        if b.keep_together:
            # the heading kept with it goes along (the document template would split at the heading)
            lead = []
            while self.story and getattr(self.story[-1], "keepWithNext", False):
                lead.insert(0, self.story.pop())
            self.story.append(KeepTogether([*lead, t]))
        else:
            self.story.append(t)

    def _fillline(self, b: B.FillLine):
        r = self.rules
        if b.value:
            self._para(B.labelled(b.label, b.value))
        else:
            self.story.append(DotLine(r, (_n(b.label) + ":") if b.label else "", b.bold_label, b.lines - 1))

    def _spacer(self, b: B.Spacer):
        self.story.append(RLSpacer(1, b.mm * MM))

    def _barchart(self, b: B.BarChart):
        from .charts import drawing

        r = self.rules
        title = _p(r, b.title, r.table_size, bold=True, space_after=2)
        self.story.append(KeepTogether([title, drawing(b, self.width), RLSpacer(1, r.paragraph_space_pt * 2)]))

    def _pagebreak(self, b: B.PageBreak):
        if b.orientation and b.orientation != self.orientation:
            self.story.append(NextPageTemplate(b.orientation))
            self.orientation = b.orientation
        self.story.append(RLPageBreak())


def render_pdf(doc: B.Document, target=None) -> bytes | None:
    """Draw *doc* as PDF into *target* (a path or a binary file); with no
    target, return the PDF bytes."""
    fonts()  # parse and register once per process
    buffer = io.BytesIO() if target is None else None
    out = buffer if buffer is not None else (str(target) if isinstance(target, (str, Path)) else target)
    template = _DocTemplate(
        out, doc.rules, doc.orientation,
        leftMargin=doc.rules.margins_pt[2], rightMargin=doc.rules.margins_pt[3],
        topMargin=doc.rules.margins_pt[0], bottomMargin=doc.rules.margins_pt[1],
        title=_n(doc.title), subject=_n(doc.subject), author="dvdesktop", creator="dvdesktop",
        lang="vi-VN",
        # the canvas's own first font would otherwise be an unembedded Helvetica
        initialFontName=fonts().name(), initialFontSize=doc.rules.body_size,
    )
    template.build(_Builder(doc).build())
    return buffer.getvalue() if buffer is not None else None
