"""Word backend: writes a blocks.Document with python-docx, in the same layout
as the PDF (A4, the rule set's margins and sizes, the two-column header with
its rules, page numbers from page 2, ruled tables with repeated header rows)
for clerks who edit before signing. Opens in Word and LibreOffice.

Rules of a given length (under the motto, under the issuing body) are empty
1-pt paragraphs with a bottom border, indented so the border is exactly as
long as the rule; Word and LibreOffice both draw them the same way.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import blocks as B
from .fonts import DOCX_FAMILY, balanced_lines, fit_size, text_width
from .layout_rules import A4_MM, FONT_SINGLE_LINE, MM, PARTY_SUBJECT_MARK, PageRules

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _n(text) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def _set_fonts(rpr_parent, family: str):
    """Times New Roman for every script slot, Vietnamese as the language."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), family)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _border(paragraph, side: str, size_pt: float, space: int = 0):
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        # pBdr comes before these in pPr's schema sequence
        after = {qn(t) for t in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                                 "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                                 "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                                 "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                                 "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")}
        anchor = next((child for child in ppr if child.tag in after), None)
        if anchor is not None:
            anchor.addprevious(bdr)
        else:
            ppr.append(bdr)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(max(2, round(size_pt * 8))))
    edge.set(qn("w:space"), str(space))
    edge.set(qn("w:color"), "000000")
    bdr.append(edge)


def _no_table_borders(table):
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblPr.append(borders)


def _cell_margins(table, left_pt: float, right_pt: float, top_pt: float = 0, bottom_pt: float = 0):
    tblPr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, v in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt), ("right", right_pt)):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), str(int(round(v * 20))))
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    tblPr.append(mar)


def _fixed_widths(table, widths_pt: list[float]):
    table.autofit = False
    tblPr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblPr.append(layout)
    tblW = tblPr.find(qn("w:tblW"))
    if tblW is None:
        tblW = OxmlElement("w:tblW")
        tblPr.append(tblW)
    tblW.set(qn("w:w"), str(int(round(sum(widths_pt) * 20))))
    tblW.set(qn("w:type"), "dxa")
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_pt):
        col.set(qn("w:w"), str(int(round(w * 20))))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_pt):
            cell.width = Pt(w)


def _cant_split(row):
    """Word moves the row whole to the next page (w:cantSplit)."""
    trPr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:cantSplit")
    e.set(qn("w:val"), "true")
    trPr.append(e)


def _repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trPr.append(e)


def _page_field(paragraph):
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    return run


class _Writer:
    def __init__(self, doc: B.Document):
        self.doc = doc
        self.rules: PageRules = doc.rules
        self.orientation = doc.orientation
        self.d = new_docx()
        self._setup()

    # --- page and styles ----------------------------------------------------
    def _setup(self):
        r = self.rules
        normal = self.d.styles["Normal"]
        normal.font.name = DOCX_FAMILY
        normal.font.size = Pt(r.body_size)
        _set_fonts(normal.element, DOCX_FAMILY)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(r.paragraph_space_pt)
        pf.line_spacing = r.line_spacing
        pf.widow_control = True
        section = self.d.sections[0]
        self._page(section, self.orientation)
        section.different_first_page_header_footer = True  # no number on page 1
        section.header_distance = Mm(r.margin_top_mm / 2 - r.page_number_size * FONT_SINGLE_LINE / MM / 2)
        hp = section.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._fmt(hp, align="center", space_after=0, single=True)  # centred in the top margin
        run = _page_field(hp)
        run.font.size = Pt(r.page_number_size)
        props = self.d.core_properties
        props.title, props.subject, props.author, props.language = _n(self.doc.title), _n(self.doc.subject), "dvdesktop", "vi-VN"
        body = self.d.element.body
        for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
            body.remove(p)

    def _page(self, section, orientation: str):
        r = self.rules
        w, h = A4_MM
        if orientation == "landscape":
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(h), Mm(w)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(w), Mm(h)
        section.top_margin, section.bottom_margin = Mm(r.margin_top_mm), Mm(r.margin_bottom_mm)
        section.left_margin, section.right_margin = Mm(r.margin_left_mm), Mm(r.margin_right_mm)
        section.footer_distance = Mm(r.margin_bottom_mm / 2)

    @property
    def width(self) -> float:
        r = self.rules
        page_w = A4_MM[1] if self.orientation == "landscape" else A4_MM[0]
        return (page_w - r.margin_left_mm - r.margin_right_mm) * MM

    # --- paragraphs -----------------------------------------------------------
    def _fmt(self, p, *, align="left", indent=False, space_before=0.0, space_after=None, left_indent_mm=0.0,
             single=False, keep_with_next=False):
        r = self.rules
        pf = p.paragraph_format
        p.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
        pf.first_line_indent = Mm(r.first_line_indent_mm) if indent else Mm(0)
        pf.left_indent = Mm(left_indent_mm)
        pf.space_before = Pt(space_before)
        pf.space_after = Pt(r.paragraph_space_pt if space_after is None else space_after)
        pf.line_spacing = 1.0 if single else r.line_spacing
        if keep_with_next:
            pf.keep_with_next = True
        return p

    def _new_p(self, container):
        """A new paragraph in *container*; a fresh table cell's own empty
        paragraph is used first."""
        paras = getattr(container, "paragraphs", None)
        if container is not self.d and paras and len(paras) == 1 and not paras[0].text and not paras[0].runs \
                and not getattr(container, "_dv_used", False):
            container._dv_used = True
            return paras[0]
        return container.add_paragraph()

    def _text_p(self, container, text, size, *, bold=False, italic=False, underline=False, align="center", **kw):
        p = self._fmt(self._new_p(container), align=align, single=kw.pop("single", True),
                      space_after=kw.pop("space_after", 0), **kw)
        lines = _n(text).split("\n")
        for i, line in enumerate(lines):
            run = p.add_run(line)
            run.bold, run.italic = bold or None, italic or None
            if underline:
                run.underline = True
            run.font.size = Pt(size)
            if i < len(lines) - 1:
                run.add_break()
        return p

    def _rule_p(self, container, length_pt: float, column_width_pt: float, space_before=1.0, space_after=2.0):
        p = self._new_p(container)
        pf = p.paragraph_format
        side = max(0.0, (column_width_pt - length_pt) / 2)
        pf.left_indent, pf.right_indent, pf.first_line_indent = Pt(side), Pt(side), Pt(0)
        pf.space_before, pf.space_after = Pt(space_before), Pt(space_after)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(1)
        run = p.add_run()
        run.font.size = Pt(1)
        _border(p, "bottom", self.rules.rule_width_pt)
        return p

    # --- blocks ---------------------------------------------------------------
    def write(self):
        for block in self.doc.blocks:
            getattr(self, "_" + type(block).__name__.lower())(block)
        end = self._text_p(self.d, "", 1, space_after=0)  # the body ends with a paragraph, not a table
        end.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        end.paragraph_format.line_spacing = Pt(1)
        return self.d

    def _para(self, b: B.Para, container=None):
        r = self.rules
        container = container or self.d
        p = self._fmt(self._new_p(container), align=b.align, indent=b.indent, space_before=b.space_before,
                      space_after=b.space_after, left_indent_mm=b.left_indent_mm, keep_with_next=b.keep_with_next)
        if b.hanging_mm:
            p.paragraph_format.left_indent = Mm(b.left_indent_mm + b.hanging_mm)
            p.paragraph_format.first_line_indent = Mm(-b.hanging_mm)
        size = Pt(b.size or r.body_size)
        for run_spec in b.runs:
            lines = _n(run_spec.text).split("\n")
            for i, line in enumerate(lines):
                run = p.add_run(line)
                run.bold = run_spec.bold or None
                run.italic = run_spec.italic or None
                run.underline = run_spec.underline or None
                run.font.size = size
                if i < len(lines) - 1:
                    run.add_break()
        return p

    def _grid(self, rows: int, widths: list[float]):
        t = self.d.add_table(rows=rows, cols=len(widths))
        _no_table_borders(t)
        _cell_margins(t, 0, 0)
        _fixed_widths(t, widths)
        return t

    def _header(self, b: B.Header):
        r = self.rules
        left_w = self.width * r.header_left_share
        right_w = self.width - left_w
        has_row2 = bool(b.number or b.place_date)
        t = self._grid(2 if has_row2 else 1, [left_w, right_w])
        left, right = t.cell(0, 0), t.cell(0, 1)
        if b.parent:
            self._text_p(left, "\n".join(balanced_lines(_n(b.parent).upper(), r.parent_size, False, left_w)), r.parent_size)
        if b.issuer:
            lines = balanced_lines(_n(b.issuer).upper(), r.issuer_size, True, left_w)
            self._text_p(left, "\n".join(lines), r.issuer_size, bold=True)
            if r.issuer_rule_fraction:
                widest = max(text_width(x, r.issuer_size, True) for x in lines)
                self._rule_p(left, widest * r.issuer_rule_fraction, left_w)
        if r.issuer_star:
            self._text_p(left, "*", r.issuer_size)
        for i, (text, size) in enumerate(r.national_lines):
            self._text_p(right, text, size, bold=True)
            if i == r.national_rule_after:
                self._rule_p(right, text_width(text, size, True), right_w)
        if has_row2:
            a, c = t.cell(1, 0), t.cell(1, 1)
            a.vertical_alignment = c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            if b.number:
                self._text_p(a, b.number, r.number_size, space_before=4)
            if b.place_date:
                self._text_p(c, b.place_date, r.place_date_size, italic=True, space_before=4)

    def _title(self, b: B.Title):
        r = self.rules
        self._text_p(self.d, _n(b.kind).upper(), r.kind_size, bold=True, space_before=b.space_before, keep_with_next=True)
        for line in b.subject:
            self._text_p(self.d, line, r.subject_size, bold=True, keep_with_next=True)
        if b.rule and b.subject:
            if r.subject_rule_fraction:
                widest = max(text_width(_n(s), r.subject_size, True) for s in b.subject)
                p = self._rule_p(self.d, min(widest, self.width) * r.subject_rule_fraction, self.width, space_before=2)
                p.paragraph_format.keep_with_next = True
            else:
                self._text_p(self.d, PARTY_SUBJECT_MARK, r.subject_size, keep_with_next=True)
        if b.note:
            self._text_p(self.d, b.note, r.body_size, italic=True, keep_with_next=True)
        spacer = self._text_p(self.d, "", 1, space_after=r.paragraph_space_pt * 1.5)
        spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spacer.paragraph_format.line_spacing = Pt(1)

    def _sign_stack(self, cell, s: B.SignBlock):
        r = self.rules
        if s.on_behalf:
            self._text_p(cell, _n(s.on_behalf).upper(), r.sign_title_size, bold=True)
        if s.title:
            self._text_p(cell, _n(s.title).upper(), r.sign_title_size, bold=True)
        if s.note:
            self._text_p(cell, s.note, r.sign_note_size, italic=True)
        gap = self._text_p(cell, "", r.sign_name_size)
        gap.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        gap.paragraph_format.line_spacing = Pt(r.sign_space_mm * MM)
        if s.name:
            self._text_p(cell, s.name, r.sign_name_size, bold=True)

    def _signatures(self, b: B.Signatures):
        r = self.rules
        half = self.width / 2
        # the signatures go with the last paragraph before them (as in the PDF): never alone on a page
        previous = next((el for el in reversed(self.d.element.body) if el.tag != qn("w:sectPr")), None)
        if previous is not None and previous.tag == qn("w:p"):
            ppr = previous.get_or_add_pPr()
            if ppr.find(qn("w:keepNext")) is None:
                ppr.insert(0, OxmlElement("w:keepNext"))
        else:
            previous = None
        spacer = self._text_p(self.d, "", 1, space_after=0)
        spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spacer.paragraph_format.line_spacing = Pt(max(1, b.space_before))
        spacer.paragraph_format.keep_with_next = True
        t = self._grid(1, [half * 0.92, half * 1.08])
        row = t.rows[0]
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))
        left, right = t.cell(0, 0), t.cell(0, 1)
        if b.recipients is not None:
            self._text_p(left, "Nơi nhận:", r.recipients_label_size, bold=r.recipients_label_bold,
                         italic=r.recipients_label_italic, underline=r.recipients_label_underline, align="left")
            for item in b.recipients:
                self._text_p(left, item, r.recipients_size, align="left")
        elif b.left:
            self._sign_stack(left, b.left)
        if b.right:
            self._sign_stack(right, b.right)
        if previous is not None:
            self._lead_row(t, previous, spacer._p)

    @staticmethod
    def _lead_row(table, *elements):
        """Move *elements* (the last paragraph and the spacer) into a first, unsplittable row
        spanning the signature table: LibreOffice ignores "keep with next" from a paragraph
        into a table, so the signatures could start a page alone; kept rows travel together
        in Word and in LibreOffice."""
        tr = OxmlElement("w:tr")
        trPr = OxmlElement("w:trPr")
        trPr.append(OxmlElement("w:cantSplit"))
        tr.append(trPr)
        tc = OxmlElement("w:tc")
        tcPr = OxmlElement("w:tcPr")
        width = OxmlElement("w:tcW")
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol")))))
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(len(table.columns)))
        tcPr.append(width)
        tcPr.append(span)
        tc.append(tcPr)
        for el in elements:
            tc.append(el)
        tr.append(tc)
        table.rows[0]._tr.addprevious(tr)

    def _table(self, b: B.Table):
        r = self.rules
        size = Pt(b.size or r.table_size)
        total = sum(c.width for c in b.columns) or 1
        widths = [self.width * c.width / total for c in b.columns]
        ncols = len(b.columns)
        t = self.d.add_table(rows=0, cols=ncols)
        t.style = self.d.styles["Table Grid"]
        _cell_margins(t, 3, 3, 1, 1)

        def fill(cell, text, *, bold=False, italic=False, align="left", sz=size):
            p = cell.paragraphs[0]
            self._fmt(p, align=align, space_after=0, single=True)
            run = p.add_run(_n(text))
            run.bold, run.italic = bold or None, italic or None
            run.font.size = sz

        head_rows = 0
        for group in b.header_groups:
            row = t.add_row()
            col = 0
            for text, span in group:
                cell = row.cells[col]
                if span > 1:
                    cell = cell.merge(row.cells[col + span - 1])
                fill(cell, text, bold=True, align="center", sz=Pt(min(b.size or r.table_size, r.table_header_size)))
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                col += span
            head_rows += 1
        row = t.add_row()
        for i, (cell, c) in enumerate(zip(row.cells, b.columns)):
            if not c.title and b.header_groups:
                # the group cell above takes this column's title cell (blocks.Table)
                above = t.rows[head_rows - 1].cells[i]
                if above.text:
                    above.merge(cell)
                    continue
            fill(cell, c.title, bold=True, align="center", sz=Pt(min(b.size or r.table_size, r.table_header_size)))
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        head_rows += 1
        if b.number_row:
            row = t.add_row()
            for i, cell in enumerate(row.cells, 1):
                fill(cell, f"({i})", italic=True, align="center", sz=Pt((b.size or r.table_size) - 1))
            head_rows += 1
        for i in range(head_rows):
            _repeat_header(t.rows[i])
        for data_row in b.rows:
            row = t.add_row()
            if b.keep_rows:
                _cant_split(row)
            if b.min_row_height_mm:
                row.height = Mm(b.min_row_height_mm)
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            if isinstance(data_row, B.Section):
                cell = row.cells[0].merge(row.cells[-1])
                fill(cell, data_row.text, bold=True)
                continue
            cells = list(data_row) + [""] * (ncols - len(data_row))
            for i, (cell, value, c) in enumerate(zip(row.cells, cells, b.columns)):
                if i in b.nowrap:  # cell margins 3 pt each side, as the PDF's padding
                    fitted = fit_size(_n(value), b.size or r.table_size, widths[i] - 6.5)
                    fill(cell, value, align=c.align, sz=Pt(fitted))
                else:
                    fill(cell, value, align=c.align)
        if b.keep_together:  # Word keeps a row with the next through its paragraphs' "keep with next"
            for row in t.rows[:-1]:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
        _fixed_widths(t, widths)
        after = self._text_p(self.d, "", 1, space_after=0)
        after.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        after.paragraph_format.line_spacing = Pt(max(1, b.space_after))

    def _fillline(self, b: B.FillLine):
        r = self.rules
        if b.value:
            self._para(B.labelled(b.label, b.value))
            return
        count = max(1, b.lines)
        for i in range(count):
            # the space after once, under the last line of dots, as the PDF's DotLine: a one-page form stays one page
            # the lines of one blank field stay together (one flowable in the PDF)
            p = self._fmt(self.d.add_paragraph(), align="left",
                          space_after=r.paragraph_space_pt / 2 if i == count - 1 else 0,
                          keep_with_next=i < count - 1)
            p.paragraph_format.line_spacing = max(r.line_spacing, 1.3)
            p.paragraph_format.tab_stops.add_tab_stop(Pt(self.width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if i == 0 and b.label:
                run = p.add_run(_n(b.label) + ":")
                run.bold = b.bold_label or None
                run.font.size = Pt(r.body_size)
            run = p.add_run("\t")
            run.font.size = Pt(r.body_size)

    def _barchart(self, b: B.BarChart):
        from .charts import as_table

        p = self._text_p(self.d, b.title, self.rules.table_size, bold=True, space_after=2)
        p.paragraph_format.keep_with_next = True
        self._table(as_table(b))

    def _spacer(self, b: B.Spacer):
        p = self._text_p(self.d, "", 1, space_after=0)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(max(1, b.mm * MM))

    def _pagebreak(self, b: B.PageBreak):
        if b.orientation and b.orientation != self.orientation:
            section = self.d.add_section(WD_SECTION.NEW_PAGE)
            section.different_first_page_header_footer = False  # only the document's page 1 has no number
            self.orientation = b.orientation
            self._page(section, b.orientation)
            return
        p = self._text_p(self.d, "", 1, space_after=0)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(1)
        p.runs[0].add_break(WD_BREAK.PAGE) if p.runs else p.add_run().add_break(WD_BREAK.PAGE)


def render_docx(doc: B.Document, target=None) -> bytes | None:
    """Write *doc* as a Word file to *target* (a path or a binary file); with
    no target, return the bytes."""
    import io

    d = _Writer(doc).write()
    if target is None:
        buffer = io.BytesIO()
        d.save(buffer)
        return buffer.getvalue()
    d.save(str(target) if isinstance(target, (str, Path)) else target)
    return None
