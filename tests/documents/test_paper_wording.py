"""What a Vietnamese administrative writer checks on each paper, from
hand-made data (no database): the minutes' title names the meeting once, tasks
carried over have a part of their own, nobody absent signs, a -BC paper is a
BÁO CÁO whose period ends by its date, a kiện toàn decision names the decision
it replaces in its last article, quotes and quarters are typeset, names in a
roster stay on one line, one-page forms stay on one page in PDF and in Word."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess

import pytest

from dvdesktop.documents import blocks as B, samples
from dvdesktop.documents.concerns import build as concerns_build
from dvdesktop.documents.data import ConcernEntry, MemberRow, TaskEntry
from dvdesktop.documents.decision import build as decision_build
from dvdesktop.documents.forms import attendance_sheet, concern_slip, rows_on_one_page
from dvdesktop.documents.minutes import build as minutes_build, subject_lines
from dvdesktop.documents.render import to_docx, to_pdf
from dvdesktop.documents.roster import build as roster_build
from dvdesktop.vn.typography import curly_quotes, polish, roman_quarters

from tests.documents.pdf_reading import all_text, lines, open_pdf


def _title(doc) -> B.Title:
    return next(b for b in doc.blocks if isinstance(b, B.Title))


def test_typography_quotes_and_quarters():
    assert curly_quotes('phong trào "Dân vận khéo" năm 2026') == "phong trào \u201cDân vận khéo\u201d năm 2026"
    assert curly_quotes('một dấu " lẻ') == 'một dấu " lẻ'
    assert roman_quarters("Họp định kỳ quý 3 năm 2026") == "Họp định kỳ quý III năm 2026"
    assert roman_quarters("Quý 4") == "Quý IV"
    assert roman_quarters("quý 3/2026 và 13 hộ") == "quý 3/2026 và 13 hộ"  # a short date is left alone
    assert polish('"Quý 1"') == "\u201cQuý I\u201d"


def test_minutes_title_states_the_meeting_once():
    data = samples.minutes("party")
    data.title = "Họp định kỳ quý 3 năm 2026"
    assert subject_lines(data) == ["Họp định kỳ quý III năm 2026 của Tổ dân vận bản Nà Khoang"]
    data.title = "Họp định kỳ quý III năm 2026 của Tổ dân vận bản Nà Khoang"
    assert subject_lines(data) == [data.title]
    data.title = "Triển khai phòng, chống cháy rừng"
    assert subject_lines(data) == ["Họp định kỳ của Tổ dân vận bản Nà Khoang", "Triển khai phòng, chống cháy rừng"]
    data.title = ""
    assert subject_lines(data) == ["Họp định kỳ của Tổ dân vận bản Nà Khoang"]
    text = all_text(open_pdf(to_pdf(minutes_build(dataclasses.replace(data, title="Họp định kỳ quý 3 năm 2026")))))
    assert text.count("Họp định kỳ") == 1 and "quý III năm 2026" in text


def test_tasks_carried_over_print_in_their_own_part():
    data = samples.minutes("state")
    data.carried_tasks = [TaskEntry("Vận động 5 hộ làm nhà tiêu hợp vệ sinh", "Lò Văn Thắng", dt.date(2024, 12, 20),
                                    assigned_on=dt.date(2024, 12, 5), status="Đang thực hiện")]
    doc = minutes_build(data)
    texts = doc.texts()
    carried = texts.index("Việc chuyển từ cuộc họp trước: ")
    given = texts.index("Phân công nhiệm vụ: ")
    assert carried < given
    part = texts[carried:given]
    assert "Ngày giao" in part and "05/12/2024" in part and "20/12/2024" in part
    assert "Vận động 5 hộ làm nhà tiêu hợp vệ sinh" not in texts[given:]
    # no carried task: no empty part
    assert "Việc chuyển từ cuộc họp trước: " not in minutes_build(samples.minutes("state")).texts()


def test_minutes_never_show_an_absent_person_signing():
    data = samples.minutes("party")
    data.secretary_present = False
    doc = minutes_build(data)
    sig = next(b for b in doc.blocks if isinstance(b, B.Signatures))
    assert sig.left.title == "THƯ KÝ" and sig.left.name == ""
    assert sig.right.title == "CHỦ TRÌ" and sig.right.name == "Lò Văn Thắng"
    with open_pdf(to_pdf(doc)) as pdf:
        assert "Cà Thị Ngọc" not in lines(pdf.pages[-1])[-1]


def test_a_report_numbered_bc_is_titled_bao_cao_and_its_period_ends_by_its_date():
    data = samples.concerns("party")
    data.header.date = dt.date(2026, 11, 20)
    data.period_start, data.period_end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    data.entries.append(ConcernEntry(dt.date(2026, 3, 2), "Đề nghị sửa cầu treo", status="Đã chuyển", overdue=True))
    doc = concerns_build(data)
    title = _title(doc)
    assert title.kind == "BÁO CÁO"
    assert title.subject == ["Tổng hợp ý kiến, kiến nghị của Nhân dân năm 2026",
                             "(từ ngày 01/01/2026 đến ngày 20/11/2026)"]
    assert "Đã chuyển (quá hạn)" in doc.texts()
    assert any("quá hạn chưa được trả lời 1" in t for t in doc.texts())
    data.header.date = dt.date(2027, 1, 5)
    assert _title(concerns_build(data)).subject == ["Tổng hợp ý kiến, kiến nghị của Nhân dân năm 2026"]


def test_kien_toan_names_the_decision_it_replaces_in_its_last_article():
    data = samples.decision("party")
    data.kind, data.previous_decision = "kien_toan", "12-QĐ/ĐU ngày 10 tháng 3 năm 2021"
    doc = decision_build(data)
    title = _title(doc)
    assert title.subject == ["về việc kiện toàn Tổ dân vận bản Nà Khoang"]
    texts = doc.texts()
    article1 = next(t for t in texts if t.startswith("Điều 1."))
    article3 = next(t for t in texts if t.startswith("Điều 3."))
    assert "thay thế" not in article1
    assert "và thay thế Quyết định số 12-QĐ/ĐU ngày 10 tháng 3 năm 2021" in article3
    assert any("\u201cDân vận khéo\u201d" in t for t in texts)


def test_long_names_stay_on_one_line_in_the_roster():
    data = samples.roster("state")
    long_names = ["Nguyễn Thị Phương Thảo", "Lường Thị Thanh Huyền", "Hoàng Thị Minh Nguyệt Ánh"]
    data.groups[0].members[:3] = [MemberRow(n, "Thành viên", "Chi hội trưởng Hội Người cao tuổi", "nữ", 1970, "Thái",
                                            "0912 345 678") for n in long_names]
    doc = roster_build(data)
    with open_pdf(to_pdf(doc)) as pdf:
        text_lines = [ln for p in pdf.pages for ln in lines(p)]
    for name in long_names:
        assert any(name in ln for ln in text_lines), name  # the whole name on one line
    from docx import Document as read_docx
    import io

    word = read_docx(io.BytesIO(to_docx(doc)))
    cells = [c for t in word.tables for row in t.rows for c in row.cells if c.text in long_names]
    assert cells and all(r.font.size.pt < 12 for c in cells if c.text == long_names[2] for r in c.paragraphs[0].runs)


def _word_pages(tmp_path, name: str, data: bytes) -> int:
    """Pages of a Word file as LibreOffice lays it out."""
    import pdfplumber

    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    with pdfplumber.open(tmp_path / f"{name}.pdf") as pdf:
        return len(pdf.pages)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("style", ["party", "state"])
def test_one_page_forms_stay_on_one_page_in_pdf_and_word(tmp_path, style):
    sheet = samples.attendance_sheet(style)
    sheet.blank_rows = rows_on_one_page(len(sheet.names))
    blank = samples.attendance_sheet(style)
    blank.names, blank.blank_rows, blank.team_name = [], rows_on_one_page(0), ""
    for name, doc in (("sheet", attendance_sheet(sheet)), ("blank-sheet", attendance_sheet(blank)),
                      ("slip", concern_slip(samples.concern_slip(style)))):
        with open_pdf(to_pdf(doc)) as pdf:
            assert len(pdf.pages) == 1, f"{name} ({style}) PDF"
        assert _word_pages(tmp_path, f"{name}-{style}", to_docx(doc)) == 1, f"{name} ({style}) Word"


def test_a_member_line_of_a_decision_runs_on_under_the_name():
    from dvdesktop.documents.layout_rules import MM

    data = samples.decision("party")
    data.members[0] = MemberRow("Lò Văn Thắng", "Tổ trưởng", "Bí thư chi bộ kiêm Trưởng ban công tác Mặt trận bản "
                                "Nà Khoang, Chi hội trưởng Hội Cựu chiến binh", "nam", 1975)
    doc = decision_build(data)
    with open_pdf(to_pdf(doc)) as pdf:
        page = pdf.pages[0]
        rows = page.extract_text_lines()
        first = next(r for r in rows if r["text"].startswith("1. Đồng chí Lò Văn Thắng"))
        after = rows[rows.index(first) + 1]
    assert not after["text"].startswith("2.")  # it did run on
    assert after["x0"] > first["x0"] + 4 * MM  # hanging: under the name, not back at the number
