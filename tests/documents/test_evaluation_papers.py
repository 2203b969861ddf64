"""The rating's printed papers, read back: the self-assessment sheet of one
team (criteria by group, maximum, own and reviewed scores, totals, proposed
level, T/M TỔ DÂN VẬN – TỔ TRƯỞNG) and the report of all teams (count by
level, every team with total and level, the commune's signature), in PDF
(pdfplumber) and Word (python-docx), Party or State header as the settings
say, from services.printing and from `dvdesktop print`."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import docx
import pytest

from dvdesktop.cli import main
from dvdesktop.services import evaluation as ev
from dvdesktop.services import printing
from dvdesktop.services.evaluation import board
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.services.settings import Organisation, Signer, load_organisation, save_organisation
from dvdesktop.store import close_database, open_database

from tests.documents.pdf_reading import all_text, open_pdf

YEAR = 2025


@pytest.fixture
def rated(db):
    save_organisation(Organisation(
        province="Điện Biên", commune="xã Nậm Pồ", party_committee="Đảng ủy xã Nậm Pồ",
        people_committee="Ủy ban nhân dân xã Nậm Pồ", place_name="Nậm Pồ",
        party_signer=Signer("Lò Văn Mạnh", "BÍ THƯ", "T/M ĐẢNG ỦY"),
        state_signer=Signer("Vừ A Dơ", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
    ))
    teams = []
    for name, leader in (("Nà Khoang", "Lò Văn Thắng"), ("Huổi Cáy", "Quàng Văn Hùng"), ("Nậm Chua", "")):
        area = AreaService.create({"name": name, "kind": "bản", "commune": "xã Nậm Pồ"})
        team = TeamService.create({"area": area.id, "established_on": "2021-03-10"})
        if leader:
            p = PersonService.create({"full_name": leader, "gender": "nam", "birth_year": 1980})
            MembershipService.create({"person": p.id, "team": team.id, "role": "to_truong",
                                      "start_date": "2021-03-10"})
        teams.append(team)
    board.start_from_sample(YEAR)
    cset = ev.criteria_set(YEAR)
    # Nà Khoang: own scores, then reviewed lower on 2.3, decided
    own = {c.code: c.max_points - 1 for c in cset.criteria}
    ev.save_rating(teams[0].id, YEAR, own)
    ev.set_stage(teams[0].id, YEAR, "self", "Lò Văn Thắng", dt.date(YEAR, 12, 5))
    ev.save_rating(teams[0].id, YEAR, {"2.3": Decimal("7.5")})
    ev.set_stage(teams[0].id, YEAR, "review", "Nguyễn Thị Hoa", dt.date(YEAR, 12, 15))
    ev.set_stage(teams[0].id, YEAR, "decided", "Lò Văn Mạnh", dt.date(YEAR, 12, 20), decision_number="45-QĐ/ĐU")
    # Huổi Cáy: full points, being scored; Nậm Chua: nothing yet
    ev.save_rating(teams[1].id, YEAR, {c.code: c.max_points for c in cset.criteria})
    return teams


def sheet_texts(tmp_path, team_id):
    pdf_path = printing.print_document("evaluation-sheet", tmp_path / "phieu.pdf", team=team_id, year=YEAR)
    docx_path = printing.print_document("evaluation-sheet", tmp_path / "phieu.docx", team=team_id, year=YEAR)
    with open_pdf(pdf_path.read_bytes()) as pdf:
        pdf_text, pages = all_text(pdf), len(pdf.pages)
    d = docx.Document(str(docx_path))
    return pdf_text, pages, d


def test_self_assessment_sheet_pdf_and_word(rated, tmp_path):
    pdf_text, pages, d = sheet_texts(tmp_path, rated[0].id)
    assert pages == 1
    assert "PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI TỔ DÂN VẬN" in pdf_text
    assert f"Tổ dân vận bản Nà Khoang năm {YEAR}" in pdf_text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pdf_text and "TỔ DÂN VẬN BẢN NÀ KHOANG" in pdf_text
    assert "I. Công tác tuyên truyền, vận động nhân dân" in pdf_text
    # own total 90 (every criterion one point under its maximum), reviewed 2.3 → 7,5: 88,5
    assert "Tổng cộng 100 90 88,5" in pdf_text
    assert "Tổng điểm tự chấm: 90/100; đề xuất xếp loại: Hoàn thành xuất sắc nhiệm vụ." in pdf_text
    assert "Kết quả thẩm định của xã: 88,5/100, xếp loại: Hoàn thành tốt nhiệm vụ." in pdf_text
    assert "T/M TỔ DÂN VẬN" in pdf_text and "TỔ TRƯỞNG" in pdf_text and "Lò Văn Thắng" in pdf_text
    table = d.tables[1]  # after the header's layout table
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["TT", "Tiêu chí", "Điểm tối đa", "Tổ tự chấm", "Xã thẩm định"]
    row_23 = next(r for r in cells if r[0] == "2.3")
    assert row_23[2:] == ["10", "9", "7,5"]
    assert cells[-1][1:] == ["Tổng cộng", "100", "90", "88,5"]
    word_text = "\n".join(p.text for p in d.paragraphs)
    assert "Tổng điểm tự chấm: 90/100" in word_text


def test_sheet_of_a_team_being_scored_leaves_the_review_blank(rated, tmp_path):
    pdf_text, _pages, d = sheet_texts(tmp_path, rated[2].id)  # nothing scored
    assert "Tổng điểm tự chấm: ……; đề xuất xếp loại: ……" in pdf_text
    assert "Kết quả thẩm định" not in pdf_text
    cells = [[c.text for c in row.cells] for row in d.tables[1].rows]
    assert cells[-1][1:] == ["Tổng cộng", "100", "", ""]


def test_report_of_all_teams_pdf_and_word(rated, tmp_path):
    pdf_path = printing.print_document("evaluation-report", tmp_path / "bc.pdf", year=YEAR)
    with open_pdf(pdf_path.read_bytes()) as pdf:
        text = all_text(pdf)
    assert "BÁO CÁO" in text and f"Kết quả đánh giá, xếp loại Tổ dân vận năm {YEAR}" in text
    assert "ĐẢNG ỦY XÃ NẬM PỒ" in text and "ĐẢNG BỘ TỈNH ĐIỆN BIÊN" in text
    assert "Tổng số Tổ dân vận: 3 tổ; đã đánh giá, xếp loại 2 tổ; chưa xếp loại 1 tổ." in text
    assert "Hoàn thành xuất sắc nhiệm vụ 1 50" in text and "Hoàn thành tốt nhiệm vụ 1 50" in text
    assert "Cộng 2 100" in text
    assert "T/M ĐẢNG ỦY" in text and "BÍ THƯ" in text and "Lò Văn Mạnh" in text
    with open_pdf(pdf_path.read_bytes()) as pdf:  # the signature never alone on the last page
        last = pdf.pages[-1].extract_text()
    assert "Lò Văn Mạnh" in last and "Trên đây là kết quả đánh giá" in last
    docx_path = printing.print_document("evaluation-report", tmp_path / "bc.docx", year=YEAR)
    d = docx.Document(str(docx_path))
    teams = [[c.text for c in row.cells] for row in d.tables[2].rows]
    assert teams[0] == ["STT", "Tổ dân vận", "Tổng điểm", "Xếp loại", "Ghi chú"]
    by_team = {r[1]: r[2:] for r in teams[1:]}
    assert by_team["Tổ dân vận bản Nà Khoang"] == ["88,5", "Hoàn thành tốt nhiệm vụ", ""]
    assert by_team["Tổ dân vận bản Huổi Cáy"] == ["100", "Hoàn thành xuất sắc nhiệm vụ", "Đang chấm điểm"]
    assert by_team["Tổ dân vận bản Nậm Chua"] == ["", "", "Chưa đánh giá"]
    # the closing line is the first row of the signature table (kept with the signatures)
    cells = {id(c._tc): c for t in d.tables for row in t.rows for c in row.cells}.values()
    closing = [p.text for p in [*d.paragraphs, *(q for c in cells for q in c.paragraphs)]
               if p.text.startswith("Trên đây là")]
    assert closing == [f"Trên đây là kết quả đánh giá, xếp loại Tổ dân vận năm {YEAR} của xã Nậm Pồ./."]


def test_state_header_when_the_settings_say_so(rated, tmp_path):
    org = load_organisation()
    org.header_styles["evaluation-sheet"] = "state"  # the setting both rating papers share
    save_organisation(org)
    path = printing.print_document("evaluation-report", tmp_path / "bc.pdf", year=YEAR)
    with open_pdf(path.read_bytes()) as pdf:
        text = all_text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "CHỦ TỊCH" in text and "Vừ A Dơ" in text


def test_printed_from_the_command_line(rated, db_url, tmp_path, capsys):
    if not str(db_url).endswith(".sqlite3"):
        pytest.skip("the command line test opens the SQLite file")
    close_database()
    sheet = tmp_path / "phieu.docx"
    report = tmp_path / "bao-cao.pdf"
    try:
        assert main(["print", "evaluation-sheet", "--team", str(rated[1].id), "--year", str(YEAR),
                     "--db", db_url, "-o", str(sheet)]) == 0
        assert main(["print", "evaluation-report", "--year", str(YEAR), "--db", db_url, "-o", str(report)]) == 0
        assert main(["print", "evaluation-sheet", "--year", str(YEAR), "--db", db_url, "-o", str(sheet)]) == 1
        err = capsys.readouterr().err
        assert "cần số Tổ dân vận (--team)" in err and "Traceback" not in err
    finally:
        open_database(db_url)
    assert "Tổ dân vận bản Huổi Cáy năm" in "\n".join(p.text for p in docx.Document(str(sheet)).paragraphs)
    with open_pdf(report.read_bytes()) as pdf:
        assert "Kết quả của từng Tổ dân vận" in all_text(pdf)
