"""Word files: read back with python-docx, and converted by LibreOffice."""
from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest
from docx import Document as read_docx
from docx.shared import Mm

from dvdesktop.documents import samples
from dvdesktop.services.printing.catalog import KINDS
from dvdesktop.documents.layout_rules import ND30, PARTY
from dvdesktop.documents.render import to_docx, write

from tests.documents.pdf_reading import A4_PT, all_text, open_pdf

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

SAMPLES = {
    "minutes": samples.minutes, "outreach": samples.outreach, "concerns": samples.concerns,
    "roster": samples.roster, "decision": samples.decision, "attendance-sheet": samples.attendance_sheet,
    "concern-slip": samples.concern_slip,
}


def docx_of(kind: str, style: str):
    return read_docx(io.BytesIO(to_docx(KINDS[kind].build(SAMPLES[kind](style)))))


def body_text(d) -> str:
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


@pytest.mark.parametrize("style, rules", [("state", ND30), ("party", PARTY)])
def test_page_setup_and_fonts(style, rules):
    d = docx_of("minutes", style)
    s = d.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1)
    assert abs(s.top_margin - Mm(rules.margin_top_mm)) < Mm(0.1)
    assert abs(s.left_margin - Mm(rules.margin_left_mm)) < Mm(0.1)
    assert abs(s.right_margin - Mm(rules.margin_right_mm)) < Mm(0.1)
    normal = d.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == rules.body_size
    assert s.different_first_page_header_footer  # no page number on page 1
    assert "PAGE" in s.header._element.xml


def test_state_header_in_word():
    d = docx_of("minutes", "state")
    header = d.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert "TỔ DÂN VẬN" in left.text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text
    motto = [p for p in right.paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc"][0]
    assert all(r.bold for r in motto.runs) and motto.runs[0].font.size.pt == 14
    # the rule under the motto: the next paragraph's bottom border, indented to the motto's length
    paras = right.paragraphs
    idx = [p._p for p in paras].index(motto._p)
    rule = paras[idx + 1]
    assert rule.text == "" and "w:bottom" in rule._p.xml
    indent = rule.paragraph_format.left_indent
    assert indent > 0 and abs(indent - rule.paragraph_format.right_indent) < 100
    assert header.cell(1, 0).text == "Số: 05/BB-TDV"
    text = body_text(d)
    assert "Cuộc họp kết thúc vào 16 giờ 30 phút, ngày 05 tháng 01 năm 2025/." in text
    assert "THƯ KÝ" in text and "CHỦ TỌA" in text


def test_party_decision_in_word():
    d = docx_of("decision", "party")
    text = body_text(d)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HÒA" not in text
    assert "Số 125-QĐ/ĐU" in text and "Nậm Pồ, ngày 15 tháng 7 năm 2025" in text
    date = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs
            if p.text.startswith("Nậm Pồ, ngày")][0]
    assert date.runs[0].italic
    nn = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs if p.text == "Nơi nhận:"][0]
    assert nn.runs[0].underline  # Party: underlined
    assert "T/M BAN THƯỜNG VỤ" in text


def test_tables_repeat_header_rows_and_landscape():
    d = docx_of("concerns", "state")
    assert d.sections[0].page_width > d.sections[0].page_height
    table = [t for t in d.tables if t.style is not None and t.style.name == "Table Grid"][0]
    assert "w:tblHeader" in table.rows[0]._tr.xml and "w:tblHeader" in table.rows[1]._tr.xml
    assert "w:tblHeader" not in table.rows[2]._tr.xml
    assert table.rows[0].cells[0].text == "STT" and table.rows[1].cells[0].text == "(1)"


def test_word_text_is_nfc():
    import unicodedata

    from dvdesktop.documents import blocks as B

    doc = B.Document(style="party")
    doc.add(B.para(unicodedata.normalize("NFD", "Nguyễn Văn Đức, Quàng Thị Mượn")))
    d = read_docx(io.BytesIO(to_docx(doc)))
    assert "Nguyễn Văn Đức, Quàng Thị Mượn" in body_text(d)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_libreoffice_converts_every_word_file(tmp_path):
    soffice = _soffice()
    if soffice is None:
        if IN_CI:
            pytest.fail("CI=true but LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    files = []
    for kind in SAMPLES:
        for style in ("state", "party"):
            path = tmp_path / f"{kind}-{style}.docx"
            write(KINDS[kind].build(SAMPLES[kind](style)), path)
            files.append(path)
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    for path in files:
        pdf_path = out / (path.stem + ".pdf")
        assert pdf_path.exists(), (path.name, result.stdout, result.stderr)
        with open_pdf(pdf_path.read_bytes()) as pdf:
            page = pdf.pages[0]
            size = sorted((round(page.width), round(page.height)))
            assert size == sorted((round(A4_PT[0]), round(A4_PT[1])))
            text = all_text(pdf)
        national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if "state" in path.stem else "ĐẢNG CỘNG SẢN VIỆT NAM"
        assert national in text, path.name
    with open_pdf((out / "minutes-state.pdf").read_bytes()) as pdf:
        text = all_text(pdf)
        assert "Cuộc họp kết thúc vào 16 giờ 30 phút, ngày 05 tháng 01 năm 2025/." in text
        # same layout as the PDF backend: page 2 carries its number, page 1 none
        assert len(pdf.pages) >= 2
        top = ND30.margin_top_mm * 72 / 25.4
        assert [c for c in pdf.pages[0].chars if c["bottom"] < top] == []
        assert "".join(c["text"] for c in pdf.pages[1].chars if c["bottom"] < top) == "2"
