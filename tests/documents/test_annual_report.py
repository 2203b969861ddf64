"""The annual / period report printed: PDF read back with pdfplumber, Word
with python-docx, Excel with openpyxl, and the `report` command."""
from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata

import docx
import openpyxl
import pytest

from dvdesktop import cli
from dvdesktop.services import reports
from dvdesktop.services import stats as stats_service
from dvdesktop.services.demo.generator import build_demo
from dvdesktop.services.settings import load_organisation, save_organisation
from dvdesktop.store import close_database, open_database
from tests.documents.pdf_reading import all_text, open_pdf

YEAR = 2026


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("report") / "commune.sqlite3")
    open_database(path)
    try:
        build_demo(scale="commune", seed=3, reference=dt.date(2026, 11, 30))
    finally:
        close_database()
    return path


@pytest.fixture
def demo(demo_path):
    open_database(demo_path, create=False)
    yield demo_path
    close_database()


def _flat(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def _pdf_text(data: bytes) -> str:
    with open_pdf(data) as pdf:
        return _flat(all_text(pdf))


def _set_style(style: str):
    org = load_organisation()
    org.header_styles["report"] = style
    save_organisation(org)


def test_pdf_party_layout_reads_back(demo):
    _set_style("party")
    figures = reports.annual(YEAR)
    data = reports.report_document(figures, on=dt.date(2026, 12, 20))
    from dvdesktop.documents.render import to_pdf

    text = _pdf_text(to_pdf(data))
    oneline = " ".join(text.split())
    for expected in ("ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "ĐẢNG ỦY XÃ NÀ HỲ", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/ĐU",
                     "Nà Hỳ, ngày 20 tháng 12 năm 2026", "BÁO CÁO", "Tổng kết công tác Tổ dân vận năm 2026",
                     "I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "III. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
                     "2. Hạn chế", "3. Nguyên nhân", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", "Nơi nhận:", "T/M ĐẢNG ỦY",
                     "BÍ THƯ", "PHỤ LỤC", "Biểu 1. Tổ chức và thành viên Tổ dân vận", "Chỉ tiêu Năm 2025 Năm 2026 Tăng/giảm",
                     "Hoạt động theo tháng, năm 2026", "Kết quả hòa giải", "Kết quả xếp loại Tổ dân vận"):
        assert expected in oneline, expected
    stats = stats_service.collect(YEAR)
    before = stats_service.collect(YEAR - 1)
    # the drafted paragraph states the figures, with the change from last year
    diff = stats["meetings"] - before["meetings"]
    word = "tăng" if diff > 0 else "giảm"
    assert f"đã tổ chức {stats['meetings']} cuộc họp, {word} {abs(diff)} cuộc so với năm 2025" in oneline
    # the table row: last year, this year, change
    change = f"+{diff}" if diff > 0 else str(diff)
    assert f"Cuộc họp Tổ dân vận {before['meetings']} {stats['meetings']} {change}" in text
    assert "ế" in text and "ư" in text and "ợ" in text  # Vietnamese letters extracted, not boxes


def test_pdf_state_layout_and_charts(demo):
    _set_style("state")
    figures = reports.period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    from dvdesktop.documents.render import to_pdf

    pdf_bytes = to_pdf(reports.report_document(figures))
    with open_pdf(pdf_bytes) as pdf:
        text = _flat(all_text(pdf))
        chart_pages = [p for p in pdf.pages if "Hoạt động theo tháng" in _flat(p.extract_text() or "")]
        bars = sum(len(p.rects) for p in chart_pages)
    oneline = " ".join(text.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "XÃ NÀ HỲ",
                     "Số: ", "/BC-UBND", "Kết quả công tác Tổ dân vận quý III năm 2026", "TM. ỦY BAN NHÂN DÂN",
                     "CHỦ TỊCH", "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2026", "Quý III/2025 Quý III/2026",
                     "cùng kỳ năm 2025"):
        assert expected in oneline, expected
    assert "Kết quả xếp loại" not in oneline  # the rating is yearly
    assert bars >= 6  # the chart is drawn (bars are rectangles), not a table


def test_word_has_the_same_headings_as_ordinary_editable_paragraphs(demo, tmp_path):
    _set_style("party")
    figures = reports.annual(YEAR)
    out = reports.write_report(figures, tmp_path / "bao-cao.docx")
    d = docx.Document(str(out))
    body = [_flat(p.text) for p in d.paragraphs]
    for heading in ("I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "III. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
                    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", *[s.heading for s in figures.sections()]):
        assert heading in body, heading
    # each drafted paragraph is one body paragraph of plain runs (no text box, no field): editable as is
    drafted = figures.section("meetings").paragraphs[0].replace("\u00a0", " ")
    match = [p for p in d.paragraphs if _flat(p.text).startswith(drafted)]
    assert len(match) == 1 and match[0].runs
    assert not match[0]._p.xpath(".//w:fldSimple | .//w:txbxContent")
    # the assessment: dotted tab leaders to write on, editable paragraphs
    i = body.index("1. Ưu điểm")
    leader = d.paragraphs[i + 1]._p.xpath(".//w:tab[@w:leader='dot']")
    assert leader
    # statistics tables: the column heads and the numbers
    stats = stats_service.collect(YEAR)
    cells = [[_flat(c.text) for c in row.cells] for t in d.tables for row in t.rows]
    assert ["Chỉ tiêu", "Năm 2025", "Năm 2026", "Tăng/giảm"] in cells
    assert any(r[0] == "Cuộc họp Tổ dân vận" and r[2] == str(stats["meetings"]) for r in cells)
    # the signature and recipients table
    assert any("T/M ĐẢNG ỦY" in c for r in cells for c in r) and any("Nơi nhận:" in c for r in cells for c in r)


def test_excel_one_sheet_per_table_numbers_as_numbers(demo, tmp_path):
    figures = reports.annual(YEAR)
    out = reports.write_report(figures, tmp_path / "so-lieu.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [t.sheet for t in figures.tables()]
    assert all(len(name) <= 31 for name in wb.sheetnames) and len(set(wb.sheetnames)) == len(wb.sheetnames)
    stats, before = stats_service.collect(YEAR), stats_service.collect(YEAR - 1)
    found = {}
    for ws in wb.worksheets:
        assert ws["A3"].font.bold and ws.column_dimensions["A"].width >= 18
        for row in ws.iter_rows(min_row=4, values_only=True):
            found[row[0]] = row
            assert all(isinstance(v, (int, float)) for v in row[1:] if v is not None), row
    # every stats figure, this year and last, in the workbook as a number
    labels = {f.key: f.label for s in figures.sections() for f in s.figures}
    for key in stats:
        if key == "year":
            continue
        row = found[labels[key]]
        assert row[1] == before[key] and row[2] == stats[key], key
    assert wb["Họp tổ"]["B3"].value == "Năm 2025"


def test_report_command_exit_codes(demo_path, tmp_path, capsys):
    close_database()
    out = tmp_path / "r.xlsx"
    assert cli.main(["report", "annual", "--year", "2026", "--db", demo_path, "-o", str(out)]) == 0
    assert out.exists() and "Đã ghi" in capsys.readouterr().out
    pdf = tmp_path / "q.pdf"
    assert cli.main(["report", "period", "--from", "01/01/2026", "--to", "30/06/2026", "--db", demo_path,
                     "-o", str(pdf)]) == 0
    assert "Kết quả công tác Tổ dân vận 6 tháng đầu năm 2026" in " ".join(_pdf_text(pdf.read_bytes()).split())
    capsys.readouterr()
    for argv, message in (
        (["annual", "--year", "2026", "--commune", "99999"], "mã «99999»"),
        (["period", "--from", "01/07/2026", "--to", "30/06/2026"], "sau ngày kết thúc"),
        (["period", "--from", "1/13/2026", "--to", "30/06/2026"], "không hợp lệ"),
        (["annual", "--year", "2026", "-o", str(tmp_path / "x.txt")], ".pdf, .docx hoặc .xlsx"),
    ):
        if "-o" not in argv:
            argv = argv + ["-o", str(tmp_path / "x.pdf")]
        assert cli.main(["report", *argv, "--db", demo_path]) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and err.startswith("Lỗi: ") and message in err
    with pytest.raises(SystemExit) as usage:
        cli.main(["report", "annual", "--db", demo_path, "-o", str(tmp_path / "x.pdf")])
    assert usage.value.code == 2
    # the command and stats agree
    assert cli.main(["stats", "--db", demo_path, "--year", "2026", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    wb = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert wb["Họp tổ"]["C4"].value == stats["meetings"]
