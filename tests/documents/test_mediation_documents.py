"""Printed mediation documents read back: the register (Sổ theo dõi hoạt động
hòa giải ở cơ sở, the Bộ Tư pháp form, one book per tổ hòa giải) with
pdfplumber and python-docx — the cover's lines, Phần I's ten numbered columns
on landscape A4 repeated on every page, one row per case of the year and no
row broken across pages, Phần II with "55,6%" — the commune's Bảng tổng hợp;
the văn bản hòa giải thành and the biên bản hòa giải không thành with "Số:",
"UBND XÃ …" and (không thành) start and end times; LibreOffice opens the Word
files; `dvdesktop print`."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import unicodedata

import pytest
from docx import Document as read_docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from dvdesktop.cli import main as cli_main
from dvdesktop.documents import mediation_register as register_doc
from dvdesktop.documents.layout_rules import ND30
from dvdesktop.errors import NotFoundError, UserError
from dvdesktop.services.mediation import printing as mediation_printing
from dvdesktop.services import printing
from dvdesktop.services.mediation.records import save_case
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.services.settings import Organisation, save_organisation
from dvdesktop.store import close_database, open_database
from dvdesktop.services.mediation.team import MediationTeamMemberService
from dvdesktop.store.models import AuditLog

from tests.documents.pdf_reading import A4_PT, all_text, fonts_embedded, margin_violations, open_pdf, page_text

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
D = dt.date
N_CASES = 23  # enough for several Part I pages
PART_ONE_HEADER = "Nội dung chủ yếu của vụ, việc"
NUMBER_ROW = [f"({i})" for i in range(1, 11)]  # the register's numbered header row (1)…(10)


def _case(i: int, area, mediators, *, year=2024, outcome=None):
    received = D(year, 1, 1) + dt.timedelta(days=9 * i)
    outcome = outcome or ("thanh" if i % 4 else "khong_thanh")
    data = {"area": area.id, "received_on": received, "number": f"{i + 1:02d}/{year}", "scope":
            ("dan_su", "hon_nhan_gia_dinh", "khac")[i % 3], "kind": "Tranh chấp ranh giới đất",
            "summary": f"Hai hộ tranh chấp mốc giới thửa đất số {100 + i}, mỗi bên cho rằng bên kia lấn sang 1 m"
            + ", đã nhiều lần to tiếng, có nguy cơ xô xát" * (i % 3) + f"; hết vụ {100 + i}.",
            "assigned_on": received + dt.timedelta(days=1), "outcome": outcome,
            "closed_on": received + dt.timedelta(days=4)}
    if outcome == "thanh":
        data.update(agreement=f"Cắm lại mốc theo bản đồ địa chính thửa {100 + i}.",
                    carry_out_how="Hai bên cùng cắm mốc, Tổ hòa giải chứng kiến.",
                    carry_out_by=received + dt.timedelta(days=20))
    parties = [
        {"name": f"Lò Văn Thắng {i + 1}", "age": 45, "gender": "nam", "address": "bản Nà Khoang", "side": "A",
         "demands": "Trả lại 1 m đất"},
        {"name": f"Quàng Thị Mai {i + 1}", "birth_year": 1990, "gender": "nữ", "address": "bản Nà Khoang",
         "side": "B", "demands": "Giữ nguyên mốc cũ"},
    ]
    sessions = [{"held_on": received + dt.timedelta(days=3), "place": "Nhà văn hóa bản Nà Khoang",
                 "attendees": "Hà Văn Dũng (trưởng bản)", "content": "Nghe hai bên trình bày, đối chiếu bản đồ.",
                 "start_time": "14:00" if i % 2 == 0 else "", "end_time": "16:30" if i % 2 == 0 else ""}]
    return save_case(data, parties, [{"person": m.id, "is_lead": n == 0} for n, m in enumerate(mediators)],
                     sessions)


@pytest.fixture
def book(db):
    save_organisation(Organisation(province="Điện Biên", commune="xã Nậm Pồ",
                                   people_committee="Ủy ban nhân dân xã Nậm Pồ", place_name="Nậm Pồ"))
    nk = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "xã Nậm Pồ"})
    pn = AreaService.create({"name": "Phiêng Ngám", "kind": "bản", "commune": "xã Nậm Pồ"})
    team = TeamService.create({"area": nk.id, "established_on": "2020-01-05"})
    people = []
    for name, gender in (("Lường Văn Hùng", "nam"), ("Lò Thị Hoa", "nữ"), ("Tòng Văn Ún", "nam")):
        p = PersonService.create({"full_name": name, "gender": gender})
        MembershipService.create({"person": p.id, "team": team.id, "role": "thanh_vien", "start_date": "2020-01-05"})
        # the area's tổ hòa giải: Lường Văn Hùng leads it
        MediationTeamMemberService.create({"area": nk.id, "person": p.id, "start_date": "2020-01-05",
                                           "role": "to_truong" if not people else "hoa_giai_vien"})
        people.append(p)
    cases = [_case(i, nk, people) for i in range(N_CASES)]
    other_area = _case(0, pn, people[:2], outcome="thanh")
    other_year = _case(1, nk, people, year=2023)
    open_case = save_case({"area": nk.id, "received_on": D(2024, 12, 20), "assigned_on": D(2024, 12, 21),
                           "kind": "Mâu thuẫn hàng xóm"},
                          [{"name": "Cà Văn Pọm", "side": "A"}], [{"person": people[0].id}], [])

    return {"nk": nk, "pn": pn, "cases": cases, "other_area": other_area, "other_year": other_year,
            "open": open_case, "people": people}


def _pdf_bytes(kind: str, tmp_path, **options) -> bytes:
    path = printing.print_document(kind, tmp_path / f"{kind}.pdf", **options)
    return path.read_bytes()


def is_part_one(page) -> bool:
    """A Part I page: the numbered header row (1)…(10) is on it."""
    words = {w["text"] for w in page.extract_words()}
    return all(n in words for n in NUMBER_ROW)


def _is_landscape(page) -> bool:
    return (round(page.width), round(page.height)) == (round(A4_PT[1]), round(A4_PT[0]))


def _column_bounds() -> list[tuple[float, float]]:
    left = ND30.margin_left_mm * 72 / 25.4
    width = A4_PT[1] - left - ND30.margin_right_mm * 72 / 25.4
    total = sum(c.width for c in register_doc.COLUMNS)
    bounds, x = [], left
    for c in register_doc.COLUMNS:
        w = width * c.width / total
        bounds.append((x, x + w))
        x += w
    return bounds


def header_titles(page) -> list[str]:
    """The text of each Part I column above the numbered row (1)…(10) (the
    result group's title lies across two columns and belongs to neither)."""
    words = page.extract_words()
    number_top = min(w["top"] for w in words if w["text"] == "(1)")
    margin = ND30.margin_top_mm * 72 / 25.4  # the page number lives above
    # below the part's title ("GHI CHÉP CỦA HÒA GIẢI VIÊN") on its first page
    title_bottom = max((w["bottom"] for w in words if w["text"] == "VIÊN" and w["top"] < number_top), default=margin)
    titles = []
    for x0, x1 in _column_bounds():
        cell = [w for w in words if w["x0"] >= x0 - 1 and w["x1"] <= x1 + 1 and title_bottom < w["top"] < number_top]
        cell.sort(key=lambda w: (round(w["top"]), w["x0"]))
        titles.append(unicodedata.normalize("NFC", " ".join(w["text"] for w in cell)))
    return titles


def column_text(pages, index: int) -> str:
    """Part I: the words of one column under the header rows, on every page, whitespace collapsed."""
    x0, x1 = _column_bounds()[index]
    out = []
    for page in pages:
        words = page.extract_words()
        number_bottom = max(w["bottom"] for w in words if w["text"] == "(1)")
        cell = [w for w in words if w["x0"] >= x0 - 1 and w["x1"] <= x1 + 1 and w["top"] > number_bottom]
        cell.sort(key=lambda w: (round(w["top"]), w["x0"]))
        out += [w["text"] for w in cell]
    return unicodedata.normalize("NFC", " ".join(out))


def _stt_numbers(page) -> list[int]:
    """Integers drawn in the STT column of Part I (the table's first column)."""
    x0, x1 = _column_bounds()[0]
    words = page.extract_words()
    header_bottom = max((w["bottom"] for w in words if w["text"] == "(10)"), default=0)
    return [int(w["text"]) for w in words
            if x0 <= w["x0"] and w["x1"] <= x1 and w["top"] > header_bottom and w["text"].isdigit()]


# --- the register ------------------------------------------------------------------


EXPECTED_TITLES = [t if i not in (6, 7) else t for i, t in enumerate(register_doc.COLUMN_TITLES)]


def test_register_pdf_cover_part_one_part_two(book, tmp_path):
    data = _pdf_bytes("register", tmp_path, year=2024, area=book["nk"].id)
    expected_rows = N_CASES + 1  # the year's cases of the area, the open one included
    with open_pdf(data) as pdf:
        pages = pdf.pages
        cover = re.sub(r"[ \t]+", " ", page_text(pages[0]))
        assert (round(pages[0].width), round(pages[0].height)) == (round(A4_PT[0]), round(A4_PT[1]))
        # the Bộ Tư pháp form's cover, line by line, without the district line (none since 2025)
        for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ", "Tỉnh, thành phố: Điện Biên", "Xã/phường: Nậm Pồ",
                     "Thôn/tổ dân phố: bản Nà Khoang", "Tổ hòa giải: bản Nà Khoang", "Quyển số:",
                     "Mở ngày 01 tháng 01 năm 2024", "Khóa ngày 31 tháng 12 năm 2024"):
            assert text in cover, text
        assert "Huyện" not in cover and "quận" not in cover
        cover_lines = [ln for ln in cover.splitlines() if ln.strip()]
        assert cover_lines.index("Tỉnh, thành phố: Điện Biên") < cover_lines.index("Xã/phường: Nậm Pồ") \
            < cover_lines.index("Thôn/tổ dân phố: bản Nà Khoang") < cover_lines.index("Tổ hòa giải: bản Nà Khoang")
        part_one = [p for p in pages[1:] if is_part_one(p)]
        assert len(part_one) >= 2, "the year's cases fill several pages"
        assert pages[1] is part_one[0]
        assert "PHẦN I\nGHI CHÉP CỦA HÒA GIẢI VIÊN" in page_text(pages[1])
        numbers = []
        for page in part_one:
            assert _is_landscape(page), page.page_number
            # the ten column titles over the numbered row (1)…(10), on every page
            titles = header_titles(page)
            assert titles[:6] == list(register_doc.COLUMN_TITLES[:6]), page.page_number
            assert titles[6].endswith("Hòa giải thành") and titles[7].endswith("Hòa giải không thành")
            assert titles[8:] == list(register_doc.COLUMN_TITLES[8:]), page.page_number
            assert re.search(r"Kết\s+quả\s+hòa\s+giải", page_text(page)), page.page_number
            assert margin_violations(page, ND30) == [], page.page_number
            numbers += _stt_numbers(page)
        # one row per case of the year, in order
        assert numbers == list(range(1, expected_rows + 1))
        text = all_text(pdf)
        assert "- Lò Văn Thắng 1, 45 tuổi, bản Nà Khoang - Quàng Thị Mai 1, 34 tuổi" in column_text(part_one, 3)
        assert "Cà Văn Pọm" in column_text(part_one, 3)
        # the result: an X in "Hòa giải thành" (7) or "Hòa giải không thành" (8); none while still mediating
        settled = sum(1 for i in range(N_CASES) if i % 4)
        assert column_text(part_one, 6).split() == ["X"] * settled
        assert column_text(part_one, 7).split() == ["X"] * (N_CASES - settled)
        assert "Đang hòa giải" in column_text(part_one, 9)
        assert column_text(part_one, 8) == ""  # column (9): room for the signatures
        assert "Cắm lại mốc theo bản đồ địa chính thửa 101." in column_text(part_one, 5)
        assert "Lò Văn Thắng 1: Trả lại 1 m đất" in column_text(part_one, 5)  # demands when không thành
        assert "Người được mời: Hà Văn Dũng (trưởng bản)" in column_text(part_one, 2)
        assert "2023" not in column_text(part_one, 1)  # another year's case
        assert "PHẦN II\nTHEO DÕI, TỔNG HỢP CỦA TỔ TRƯỞNG TỔ HÒA GIẢI" in text
        assert f"Tổng số vụ, việc tiếp nhận trong năm: {expected_rows}." in text
        assert "TỔ TRƯỞNG TỔ HÒA GIẢI" in text and "Lường Văn Hùng" in text.split("TỔ TRƯỞNG TỔ HÒA GIẢI")[-1]
        # Part II by mediator: dân sự, HN&GĐ, khác; thành, không thành, đang, chưa giải quyết
        assert "2 Lường Văn Hùng 9 8 7 17 6 0 1 Tham gia 24 vụ," in text
        assert "1 Hòa giải thành 17 70,8%" in text and "4 Chưa giải quyết 1 4,2%" in text
        assert " %" not in text  # "70,8%", never "70,8 %"
        assert "Tỷ lệ hòa giải thành trên số vụ, việc đã hòa giải xong: 73,9%." in text
        # every page's text is NFC, every font embedded
        for page in pages:
            raw = page.extract_text() or ""
            assert unicodedata.is_normalized("NFC", raw), page.page_number
        assert all(fonts_embedded(pdf).values())


def test_register_rows_are_never_split_across_pages(book, tmp_path):
    """Each case's row stands whole on one page: its number, the whole of its
    content and its agreement are on the same page (PDF)."""
    with open_pdf(_pdf_bytes("register", tmp_path, year=2024, area=book["nk"].id)) as pdf:
        part_one = [p for p in pdf.pages if is_part_one(p)]
        per_page = [(set(_stt_numbers(p)), column_text([p], 4), column_text([p], 9)) for p in part_one]
    assert len(part_one) >= 3
    for i in range(N_CASES):
        where = [k for k, (numbers, content, _notes) in enumerate(per_page) if f"thửa đất số {100 + i}" in content]
        assert len(where) == 1, f"case {i + 1} on pages {where}"
        numbers, content, notes = per_page[where[0]]
        assert i + 1 in numbers
        assert f"hết vụ {100 + i}." in content  # the last words of the cell, on the same page
    # and the rows did meet page foots: some page ends with room left that the next row did not fit in
    assert sum(len(n) for n, _c, _x in per_page) == N_CASES + 1


def test_register_needs_a_team_and_the_commune_has_a_summary(book, tmp_path):
    with pytest.raises(UserError, match="sổ của từng tổ hòa giải"):
        mediation_printing.register_data(2024)
    with pytest.raises(UserError, match=re.escape("In sổ theo dõi hòa giải cần số địa bàn (--area).")):
        printing.document("register", year=2024)
    with open_pdf(_pdf_bytes("mediation-summary", tmp_path, year=2024)) as pdf:
        text = re.sub(r"[ \t]+", " ", all_text(pdf))
    assert "SỔ THEO DÕI" not in text
    assert "BẢNG TỔNG HỢP" in text and "Kết quả hoạt động hòa giải ở cơ sở năm 2024 trên địa bàn xã Nậm Pồ" in text
    assert "ỦY BAN NHÂN DÂN XÃ NẬM PỒ" in text
    # a row per team: mediators (women), received, by scope, by result, the share settled
    assert f"1 bản Nà Khoang 3 (1) {N_CASES + 1} 9 8 7 17 6 0 1 73,9%" in text
    assert "2 bản Phiêng Ngám 0 (0) 1 1 0 0 1 0 0 0 100,0%" in text
    assert f"Cộng 3 (1) {N_CASES + 2} 10 8 7 18 6 0 1 75,0%" in text


def test_register_data_and_audit(book):
    before = AuditLog.select().where(AuditLog.action == "view").count()
    data = mediation_printing.register_data(2024, book["nk"].id, book_number="03", today=D(2025, 6, 1))
    assert data.team_name == "bản Nà Khoang" and data.area == "bản Nà Khoang"
    assert data.province == "Điện Biên" and data.book_number == "03"
    assert data.opened_on == D(2024, 1, 1) and data.closed_on == D(2024, 12, 31)
    assert data.leader == "Lường Văn Hùng"  # the team's leader signs Part II
    assert len(data.entries) == N_CASES + 1
    assert [e.stt for e in data.entries] == list(range(1, N_CASES + 2))
    # the register names the parties: reading it is audited
    assert AuditLog.select().where(AuditLog.action == "view").count() == before + 1
    # a year still running is not closed
    assert mediation_printing.register_data(2025, book["nk"].id, today=D(2025, 6, 1)).closed_on is None


def test_empty_register_prints(book, tmp_path):
    with open_pdf(_pdf_bytes("register", tmp_path, year=2019, area=book["nk"].id)) as pdf:
        text = all_text(pdf)
        assert _is_landscape(pdf.pages[1])
    assert "Năm 2019 chưa có vụ, việc hòa giải nào được ghi vào sổ." in text
    assert "Tổng số vụ, việc tiếp nhận trong năm: 0." in text


def test_register_docx_read_back(book, tmp_path):
    path = printing.print_document("register", tmp_path / "so.docx", year=2024, area=book["nk"].id)
    d = read_docx(str(path))
    sections = list(d.sections)
    assert sections[0].orientation == WD_ORIENT.PORTRAIT
    assert sections[1].orientation == WD_ORIENT.LANDSCAPE
    assert round(sections[1].page_width.mm) == 297 and round(sections[1].page_height.mm) == 210
    text = "\n".join(p.text for p in d.paragraphs)
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ", "Tỉnh, thành phố: Điện Biên", "Xã/phường: Nậm Pồ",
                 "Thôn/tổ dân phố: bản Nà Khoang", "Tổ hòa giải: bản Nà Khoang", "Mở ngày 01 tháng 01 năm 2024",
                 "Khóa ngày 31 tháng 12 năm 2024", "PHẦN I", "GHI CHÉP CỦA HÒA GIẢI VIÊN", "PHẦN II",
                 "THEO DÕI, TỔNG HỢP CỦA TỔ TRƯỞNG TỔ HÒA GIẢI"):
        assert line in text.splitlines(), line
    table = next(t for t in d.tables if PART_ONE_HEADER in t.rows[0].cells[4].text)
    header_rows = [r for r in table.rows if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(header_rows) == 3  # the titles, the result's two columns and (1)…(10) repeat on every page
    first, second, numbers = (table.rows[i].cells for i in range(3))
    assert [c.text for c in first] == [*register_doc.COLUMN_TITLES[:6], "Kết quả hòa giải", "Kết quả hòa giải",
                                       *register_doc.COLUMN_TITLES[8:]]
    assert [c.text for c in second][6:8] == ["Hòa giải thành", "Hòa giải không thành"]
    assert second[0].text == "STT" and second[4].text == "Nội dung chủ yếu của vụ, việc"  # merged down
    assert [c.text for c in numbers] == NUMBER_ROW
    body = table.rows[3:]
    assert [r.cells[0].text for r in body] == [str(i) for i in range(1, N_CASES + 2)]
    # no row may break across a page: w:cantSplit on every row of the cases
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in body)
    settled = sum(1 for i in range(N_CASES) if i % 4)
    assert [r.cells[6].text for r in body].count("X") == settled
    assert [r.cells[7].text for r in body].count("X") == N_CASES - settled
    for row in table.rows:
        for cell in row.cells:
            assert unicodedata.is_normalized("NFC", cell.text)
    cells = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "70,8%" in cells and " %" not in cells


# --- one case's document ---------------------------------------------------------------


def test_settlement_has_the_contents_the_law_lists(book, tmp_path):
    case = book["cases"][1]  # thành
    with open_pdf(_pdf_bytes("mediation", tmp_path, id=case.id)) as pdf:
        first = pdf.pages[0]
        assert (round(first.width), round(first.height)) == (round(A4_PT[0]), round(A4_PT[1]))
        text = all_text(pdf)
        for page in pdf.pages:
            assert margin_violations(page, ND30) == []
    for heading in ("VĂN BẢN HÒA GIẢI THÀNH", "1. Căn cứ tiến hành hòa giải:", "2. Thông tin cơ bản về các bên:",
                    "3. Nội dung chủ yếu của vụ, việc:", "4. Diễn biến của quá trình hòa giải:",
                    "5. Thỏa thuận đạt được và giải pháp thực hiện:", "6. Quyền, nghĩa vụ của các bên:",
                    "7. Phương thức, thời hạn thực hiện thỏa thuận:",
                    "8. Chữ ký hoặc điểm chỉ của các bên và hòa giải viên:"):
        assert heading in text, heading
    flat = re.sub(r"\s+", " ", text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "TỔ HÒA GIẢI" in text
    # the issuer under the commune's People's Committee, and the paper's number
    assert "UBND XÃ NẬM PỒ" in text and "TỔ HÒA GIẢI" in text and "BẢN NÀ KHOANG" in text
    assert "Số: 02/VB-THG" in text
    assert "Hôm nay, ngày 14 tháng 01 năm 2024, tại" in flat  # no time recorded for this one: none printed
    assert "Bên thứ nhất: Ông Lò Văn Thắng 2, sinh năm 1979; địa chỉ: bản Nà Khoang." in flat
    assert "Bên thứ hai: Bà Quàng Thị Mai 2, sinh năm 1990" in flat
    assert "Cắm lại mốc theo bản đồ địa chính thửa 101." in flat
    assert "Phương thức thực hiện: Hai bên cùng cắm mốc" in flat
    assert "chậm nhất ngày 30 tháng 01 năm 2024" in flat
    assert "Một bên hoặc các bên yêu cầu" in flat
    # a signature box for each party and the mediator
    for box in ("BÊN THỨ NHẤT", "BÊN THỨ HAI", "HÒA GIẢI VIÊN"):
        assert box in text
    assert text.count("(Ký hoặc điểm chỉ, ghi rõ họ tên)") == 2
    assert "Lường Văn Hùng" in text  # the lead mediator signs


def test_unsuccessful_record(book, tmp_path):
    case = book["cases"][0]  # không thành
    path = printing.print_document("mediation", tmp_path / "bb.docx", id=case.id)
    d = read_docx(str(path))
    parts = [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]
    text = "\n".join(parts)
    assert "BIÊN BẢN" in text and "Hòa giải không thành" in text
    assert "UBND XÃ NẬM PỒ" in text and "Số: 01/BB-THG" in text
    # a biên bản states when it began, and its closing line when it ended
    assert "Thời gian bắt đầu: 14 giờ 00 phút, ngày 04 tháng 01 năm 2024." in text
    assert ("Biên bản kết thúc lúc 16 giờ 30 phút cùng ngày, được lập thành 03 bản, mỗi bên giữ 01 bản, "
            "Tổ hòa giải lưu 01 bản; đã đọc lại cho những người có mặt cùng nghe và nhất trí ký tên./.") in text
    assert "Ý kiến, yêu cầu của bên thứ nhất (Lò Văn Thắng 1): Trả lại 1 m đất" in text
    assert "Các bên không đạt được thỏa thuận; hòa giải không thành." in text
    assert "VĂN BẢN HÒA GIẢI THÀNH" not in text
    assert all(unicodedata.is_normalized("NFC", t) for t in parts)
    assert d.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_case_document_rules_and_audit(book):
    with pytest.raises(UserError, match="chưa có kết quả"):
        printing.document("mediation", id=book["open"].id)
    with pytest.raises(UserError, match="--id"):
        printing.document("mediation")
    with pytest.raises(NotFoundError):
        printing.document("mediation", id=99999)
    case = book["cases"][1]
    before = AuditLog.select().where((AuditLog.action == "view") & (AuditLog.record_id == case.id)).count()
    printing.document("mediation", id=case.id)
    after = AuditLog.select().where((AuditLog.action == "view") & (AuditLog.record_id == case.id)).count()
    assert after == before + 1  # printing a confidential case is a view of it


def test_cli_prints_register_and_case(book, db_url, tmp_path):
    if not db_url.startswith("postgresql"):
        close_database()  # the command opens the database itself
    out = tmp_path / "so-theo-doi.pdf"
    assert cli_main(["print", "register", "--year", "2024", "--area", str(book["nk"].id), "--db", db_url,
                     "-o", str(out)]) == 0
    with open_pdf(out.read_bytes()) as pdf:
        assert _is_landscape(pdf.pages[1])
    out = tmp_path / "van-ban.docx"
    assert cli_main(["print", "mediation", "--id", str(book["cases"][1].id), "--db", db_url, "-o", str(out)]) == 0
    assert "VĂN BẢN HÒA GIẢI THÀNH" in "\n".join(p.text for p in read_docx(str(out)).paragraphs)
    assert cli_main(["print", "mediation", "--id", str(book["open"].id), "--db", db_url,
                     "-o", str(tmp_path / "x.pdf")]) == 1
    open_database(db_url)


# --- LibreOffice -----------------------------------------------------------------------


def test_libreoffice_opens_the_word_files(book, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if IN_CI:
            pytest.fail("CI=true but LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    files = [printing.print_document("register", tmp_path / "so.docx", year=2024, area=book["nk"].id),
             printing.print_document("mediation", tmp_path / "thanh.docx", id=book["cases"][1].id),
             printing.print_document("mediation", tmp_path / "khong-thanh.docx", id=book["cases"][0].id)]
    out = tmp_path / "pdf"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr
    with open_pdf((out / "so.pdf").read_bytes()) as pdf:
        assert not _is_landscape(pdf.pages[0]) and _is_landscape(pdf.pages[1])
        part_one = [p for p in pdf.pages if is_part_one(p)]
        assert len(part_one) >= 2 and all(_is_landscape(p) for p in part_one)
        assert "SỔ THEO DÕI" in all_text(pdf)
        # page numbers from page 2 on (the first landscape page too), centred in the top margin
        top, left = ND30.margin_top_mm * 72 / 25.4, ND30.margin_left_mm * 72 / 25.4
        centre = left + (A4_PT[1] - left - ND30.margin_right_mm * 72 / 25.4) / 2
        for n in (2, 3):
            [char] = [c for c in pdf.pages[n - 1].chars if c["bottom"] < top]
            assert char["text"] == str(n) and abs((char["x0"] + char["x1"]) / 2 - centre) < 3
    with open_pdf((out / "thanh.pdf").read_bytes()) as pdf:
        text = all_text(pdf)
        assert "VĂN BẢN HÒA GIẢI THÀNH" in text and "HÒA GIẢI VIÊN" in text
    with open_pdf((out / "khong-thanh.pdf").read_bytes()) as pdf:
        assert "Hòa giải không thành" in all_text(pdf)


def test_unsuccessful_record_without_times_leaves_blanks_to_fill():
    from dvdesktop.documents import mediation as mediation_doc
    from dvdesktop.documents.data import HeaderData
    from dvdesktop.documents.mediation_data import CaseParty, CaseSession, MediationRecordData
    from dvdesktop.documents.render import to_pdf

    data = MediationRecordData(
        header=HeaderData(style="state", parent="UBND XÃ NẬM PỒ", issuer="TỔ HÒA GIẢI BẢN NÀ KHOANG",
                          kind_code="BB", issuer_code="THG", place="Nậm Pồ"),
        team_name="Tổ hòa giải bản Nà Khoang", outcome="khong_thanh", closed_on=D(2025, 3, 9),
        parties=[CaseParty("Lò Văn A", "Bên thứ nhất"), CaseParty("Lò Văn B", "Bên thứ hai")],
        mediators=["Lò Thị Hoa"], sessions=[CaseSession(D(2025, 3, 9), "Nhà văn hóa bản")])
    with open_pdf(to_pdf(mediation_doc.build(data))) as pdf:
        text = re.sub(r"\s+", " ", all_text(pdf))
    assert "Số: /BB-THG" in text.replace("\u00a0", "")  # a number to write in
    assert "Thời gian bắt đầu: …… giờ …… phút, ngày 09 tháng 3 năm 2025." in text
    assert "Biên bản kết thúc lúc …… giờ …… phút cùng ngày" in text


def test_register_builds_from_plain_data():
    """The renderer takes plain data (no database): a hand-made book."""
    from dvdesktop.documents.mediation_data import MediationRegisterData
    from dvdesktop.documents.render import to_pdf
    from dvdesktop.services.mediation.register_data import RegisterEntry, RegisterParty, RegisterSummary

    entry = RegisterEntry(stt=1, received_on=D(2025, 3, 1), mediators=["Lò Thị Hoa"], invitees=[],
                          parties=[RegisterParty(unicodedata.normalize("NFD", "Vừ A Dơ"), 40, "bản Nà Khoang",
                                                 "Bên thứ nhất"),
                                   RegisterParty("Vừ A Lử", 70, "bản Nà Khoang", "Người liên quan")],
                          content="Tranh chấp lối đi", agreement="Mở lối đi rộng 1,5 m", demands=[], result="Thành",
                          result_code="thanh", notes="")
    # nine cases, five settled: 55,6% with a comma and no space before the sign
    data = MediationRegisterData(year=2025, province="Điện Biên", commune="xã Nậm Pồ", area="bản Nà Khoang",
                                 team_name="bản Nà Khoang", entries=[entry],
                                 summary=RegisterSummary(total=9, by_scope=[("Dân sự", 9)],
                                                         by_result=[("Hòa giải thành", 5),
                                                                    ("Hòa giải không thành", 2),
                                                                    ("Đang giải quyết", 2), ("Chưa giải quyết", 0)]))
    with open_pdf(to_pdf(register_doc.build(data))) as pdf:
        parties = column_text([p for p in pdf.pages if is_part_one(p)], 3)
        text = all_text(pdf)
    # NFD in, NFC out; a person with related rights and duties said as such (column 4 of the form)
    assert parties == ("- Vừ A Dơ, 40 tuổi, bản Nà Khoang - Vừ A Lử, 70 tuổi, bản Nà Khoang (người có quyền, "
                       "nghĩa vụ liên quan)")
    assert "1 Hòa giải hành 5 55,6%".replace("hành", "thành") in text and "22,2%" in text
    assert "Tỷ lệ hòa giải thành trên số vụ, việc đã hòa giải xong: 71,4%." in text
    assert "55,6 %" not in text and register_doc.percent(5, 9) == "55,6%"


def test_mediation_papers_stay_state_papers_whatever_the_settings(book, tmp_path):
    """A tổ hòa giải and the People's Committee issue State papers: a settings file that
    asks for the Party layout everywhere (as an older version allowed) changes nothing."""
    from dvdesktop.services.printing import catalog

    save_organisation(Organisation(province="Điện Biên", commune="xã Nậm Pồ",
                                   people_committee="Ủy ban nhân dân xã Nậm Pồ", place_name="Nậm Pồ",
                                   header_styles={k: "party" for k in catalog.KINDS}))
    assert not {"mediation", "register", "mediation-summary"} & set(catalog.style_settings())
    for kind, options in (("mediation", {"id": book["cases"][1].id}), ("register", {"area": book["nk"].id}),
                          ("mediation-summary", {"year": 2024})):
        with open_pdf(_pdf_bytes(kind, tmp_path, **options)) as pdf:
            text = all_text(pdf)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" not in text, kind


def test_word_signatures_travel_with_the_closing_line(book, tmp_path):
    """LibreOffice ignores "keep with next" from a paragraph into a table: the closing line
    is the first, unsplittable row of the signature table, so the signatures never start a
    page alone (checked over every kind by tests/documents/test_every_kind.py)."""
    import io

    from dvdesktop.documents.render import to_docx
    from dvdesktop.services.printing.output import document

    data = read_docx(io.BytesIO(to_docx(document("mediation", id=book["cases"][1].id))))
    signing = [t for t in data.tables if "BÊN THỨ NHẤT" in "".join(c.text for c in t.rows[-1].cells)]
    assert len(signing) == 1
    first, last = signing[0].rows[0], signing[0].rows[-1]
    assert "Văn bản" in first.cells[0].text or "kết thúc" in first.cells[0].text or first.cells[0].text.strip()
    for row in (first, last):
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    lead = first._tr.find(qn("w:tc")).find(qn("w:p"))
    assert lead.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
