"""Printed supervision documents read back with pdfplumber and python-docx:
the Báo cáo kết quả giám sát of one activity (its parts in order, the
follow-up of the answer, the team's signature and the Nơi nhận list) and the
year's landscape list (one row per activity, the column titles repeated,
totals); both from the database through services/printing.py and
`dvdesktop print supervision|supervision-list`, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from docx import Document as read_docx

from tests.documents.pdf_reading import all_text, margin_violations, open_pdf, page_text
from dvdesktop.cli import main as cli_main
from dvdesktop.documents import render
from dvdesktop.documents import supervision as supervision_doc
from dvdesktop.documents.data import HeaderData, SignerData
from dvdesktop.documents.supervision_data import SupervisionReportData
from dvdesktop.errors import NotFoundError, UserError
from dvdesktop.services import printing
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.services.settings import Organisation, Signer, save_organisation
from dvdesktop.services.supervision import printing as supervision_printing
from dvdesktop.services.supervision.records import SupervisionService
from dvdesktop.store import close_database, open_database

D = dt.date
ROAD = "Dự án đường giao thông nông thôn bản Nà Hỳ 2 – Nà Khoang"
N_LIST = 18  # enough for the list to run over several pages


def flat(text: str) -> str:
    return " ".join(text.split())


def test_report_from_hand_made_data_pdf_and_word():
    data = SupervisionReportData(
        header=HeaderData(style="party", parent="ĐẢNG BỘ XÃ NÀ HỲ", issuer="TỔ DÂN VẬN BẢN NÀ KHOANG",
                          kind_code="BC", issuer_code="TDV", place="Nà Hỳ", date=D(2025, 4, 2)),
        team_name="Tổ dân vận bản Nà Khoang", subject=ROAD, kind="Chương trình, dự án",
        form="Phối hợp Ban giám sát đầu tư của cộng đồng", start_date=D(2025, 3, 20), end_date=D(2025, 3, 22),
        participants="Lò Văn Thắng – Tổ trưởng\nĐại diện 8 hộ dân", participant_count=10,
        findings="Mặt đường mỏng hơn thiết kế.\nRãnh thoát nước chưa đổ đủ chiều dài.",
        recommendations="Đề nghị kiểm tra độ dày mặt đường trước khi nghiệm thu.",
        sent_to="Ủy ban nhân dân xã Nà Hỳ", sent_on=D(2025, 3, 25), answer="Đã yêu cầu làm lại đoạn không đạt.",
        answered_on=D(2025, 4, 10), acted_on="Thực hiện một phần",
        signer=SignerData("TỔ TRƯỞNG", "T/M TỔ DÂN VẬN", "Lò Văn Thắng"),
        recipients=["Ủy ban nhân dân xã Nà Hỳ", "Chi bộ bản Nà Khoang", "Lưu: Tổ dân vận"])
    doc = supervision_doc.report(data)
    with open_pdf(render.to_pdf(doc)) as pdf:
        text = flat(all_text(pdf))
        for page in pdf.pages:
            assert margin_violations(page, doc.rules) == []
    order = ["ĐẢNG CỘNG SẢN VIỆT NAM", "TỔ DÂN VẬN BẢN NÀ KHOANG", "Số -BC/TDV",
             "Nà Hỳ, ngày 02 tháng 4 năm 2025", "BÁO CÁO", "Kết quả giám sát", ROAD,
             "Luật Thực hiện dân chủ ở cơ sở năm 2022", "I. KHÁI QUÁT CUỘC GIÁM SÁT",
             "Hình thức giám sát: Phối hợp Ban giám sát đầu tư của cộng đồng",
             "Thời gian giám sát: từ ngày 20 tháng 3 năm 2025 đến ngày 22 tháng 3 năm 2025",
             "(tổng số 10 người)", "- Lò Văn Thắng – Tổ trưởng;", "- Đại diện 8 hộ dân.",
             "II. KẾT QUẢ GIÁM SÁT", "Rãnh thoát nước chưa đổ đủ chiều dài.", "III. KIẾN NGHỊ, ĐỀ XUẤT",
             "Kiến nghị đã được gửi Ủy ban nhân dân xã Nà Hỳ ngày 25 tháng 3 năm 2025.",
             "IV. KẾT QUẢ TRẢ LỜI, GIẢI QUYẾT KIẾN NGHỊ",
             "Ngày 10 tháng 4 năm 2025, Ủy ban nhân dân xã Nà Hỳ đã trả lời:",
             "Kết quả thực hiện kiến nghị: Thực hiện một phần.", "Nơi nhận:"]
    assert "Số" in text and "-BC/TDV" in text  # a number to fill in by hand
    at = text.index(order[3])
    for piece in order[4:]:  # the body in the order of the report
        assert piece in text[at:], piece
        at = text.index(piece, at) + len(piece)
    assert order[0] in text and order[1] in text
    # beside "Nơi nhận:" (read line by line across both columns): the list and the team's signature
    tail = text[at:]
    for piece in ("- Ủy ban nhân dân xã Nà Hỳ;", "- Lưu: Tổ dân vận.", "T/M TỔ DÂN VẬN", "TỔ TRƯỞNG", "Lò Văn Thắng"):
        assert piece in tail, piece
    words = "\n".join(p.text for p in read_docx(render.write(doc, _tmp_docx()).as_posix()).paragraphs)
    assert "IV. KẾT QUẢ TRẢ LỜI, GIẢI QUYẾT KIẾN NGHỊ" in words and "Kết quả giám sát" in flat(words)


def _tmp_docx():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp()) / "bc.docx"


def test_report_without_recommendation_has_no_follow_up():
    data = SupervisionReportData(header=HeaderData(style="state", issuer="TỔ DÂN VẬN BẢN NÀ KHOANG"),
                                 team_name="Tổ dân vận bản Nà Khoang", subject="Việc công khai thu, chi",
                                 start_date=D(2025, 5, 6), findings="Đúng quy định.")
    texts = " ".join(supervision_doc.report(data).texts())
    assert "Thời gian giám sát" in texts and "ngày 06 tháng 5 năm 2025" in texts
    assert "Không có kiến nghị." in texts and "IV." not in texts and "đã được gửi" not in texts


@pytest.fixture
def office(db):
    save_organisation(Organisation(
        province="Điện Biên", commune="xã Nà Hỳ", party_committee="Đảng ủy xã Nà Hỳ",
        people_committee="Ủy ban nhân dân xã Nà Hỳ", place_name="Nà Hỳ",
        party_signer=Signer("Lò Văn Mạnh", "BÍ THƯ", "T/M ĐẢNG ỦY"),
    ))
    a1 = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "xã Nà Hỳ"})
    a2 = AreaService.create({"name": "Huổi Thủng", "kind": "bản", "commune": "xã Nà Hỳ"})
    t1 = TeamService.create({"area": a1.id, "established_on": "2021-03-10"})
    t2 = TeamService.create({"area": a2.id, "established_on": "2021-03-10"})
    leader = PersonService.create({"full_name": "Lò Văn Thắng", "gender": "nam"})
    MembershipService.create({"person": leader.id, "team": t1.id, "role": "to_truong", "position": "Bí thư chi bộ",
                              "start_date": "2021-03-10"})
    road = SupervisionService.create({
        "team": t1.id, "subject": ROAD, "kind": "du_an", "start_date": "20/03/2025", "end_date": "22/03/2025",
        "participants": "Lò Văn Thắng – Tổ trưởng", "participant_count": 9, "findings": "Mặt đường mỏng.",
        "recommendations": "Đề nghị làm lại đoạn không đạt.", "sent_to": "Ủy ban nhân dân xã Nà Hỳ",
        "sent_on": "25/03/2025", "answer": "Đã chỉ đạo làm lại.", "answered_on": "10/04/2025", "acted_on": "co"})
    activities = [road]
    for i in range(N_LIST - 1):
        team = t1 if i % 2 else t2
        sent = i % 3 != 0
        activities.append(SupervisionService.create({
            "team": team.id, "subject": f"Việc thu gom rác thải sinh hoạt đợt {i + 1} – điểm tập kết đầu bản",
            "kind": ("moi_truong", "dan_chu", "an_ninh")[i % 3], "start_date": D(2025, 5, 1) + dt.timedelta(days=7 * i),
            "recommendations": "Đề nghị thu gom đúng lịch 2 lần mỗi tuần, bố trí thêm thùng chứa." if sent else "",
            "sent_to": "Ủy ban nhân dân xã Nà Hỳ" if sent else "",
            "sent_on": D(2025, 5, 3) + dt.timedelta(days=7 * i) if sent else None}))
    SupervisionService.create({"team": t2.id, "subject": "Khai thác cát trên suối", "kind": "moi_truong",
                               "start_date": "10/03/2024"})
    return {"t1": t1, "t2": t2, "road": road, "activities": activities}


def test_report_from_the_database(office):
    data = supervision_printing.report_data(office["road"].id)
    assert data.header.issuer == "TỔ DÂN VẬN BẢN NÀ KHOANG" and data.header.parent == "ĐẢNG BỘ XÃ NÀ HỲ"
    assert data.header.date == D(2025, 3, 22) and data.header.kind_code == "BC"
    assert (data.kind, data.acted_on, data.signer.name) == ("Chương trình, dự án", "Đã thực hiện", "Lò Văn Thắng")
    assert data.recipients[0] == "Ủy ban nhân dân xã Nà Hỳ" and data.recipients[-1] == "Lưu: Tổ dân vận"
    with pytest.raises(NotFoundError, match="cuộc giám sát số 999"):
        supervision_printing.report_data(999)
    with pytest.raises(UserError, match="--id"):
        printing.document("supervision")


def test_year_list_landscape_with_every_activity(office, tmp_path):
    path = printing.print_document("supervision-list", tmp_path / "ds.pdf", year=2025)
    with open_pdf(path.read_bytes()) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            assert page.width > page.height  # landscape
            assert "Nội dung giám sát" in page_text(page)  # the column titles on every page
        text = flat(all_text(pdf))
    assert "DANH SÁCH" in text and "Các cuộc giám sát của Nhân dân năm 2025" in text and "xã Nà Hỳ" in text
    for i in range(1, N_LIST):
        assert f"đợt {i} –" in text, i
    assert "Khai thác cát" not in text  # another year
    assert ("Tổng số: 18 cuộc giám sát (chương trình, dự án 1, thực hiện dân chủ ở cơ sở 6, an ninh, trật tự 5, "
            "môi trường 6); kiến nghị đã gửi 12, đã được trả lời 1, đã được thực hiện 1.") in text
    first = supervision_printing.list_data(2025).entries[0]
    assert (first.subject, first.result, first.sent) == (
        ROAD, "Đã trả lời 10/04/2025; đã thực hiện", "Ủy ban nhân dân xã Nà Hỳ (25/03/2025)")
    assert supervision_printing.list_data(2025).entries[1].result == "Chưa gửi kiến nghị"
    assert supervision_printing.list_data(2025).entries[2].result == "Chờ trả lời"
    cell = supervision_doc.period_cell
    assert (cell(D(2025, 3, 20), D(2025, 3, 22)), cell(D(2025, 3, 28), D(2025, 4, 2)), cell(D(2025, 5, 6), None),
            cell(D(2024, 12, 30), D(2025, 1, 2))) == (
        "20–22/03/2025", "28/03 – 02/04/2025", "06/05/2025", "30/12/2024 – 02/01/2025")
    # one team's list: its activities only, the team's header and leader
    data = supervision_printing.list_data(2025, office["t1"].id)
    assert len(data.entries) == 9 and not data.show_team and data.signer.name == "Lò Văn Thắng"
    assert data.header.issuer == "TỔ DÂN VẬN BẢN NÀ KHOANG"
    assert [e.start_date for e in data.entries] == sorted(e.start_date for e in data.entries)


def test_cli_prints_both_kinds(office, db_url, tmp_path, capsys):
    if not db_url.startswith("postgresql"):
        close_database()  # the command opens the database itself
    out = tmp_path / "bao-cao.docx"
    assert cli_main(["print", "supervision", "--id", str(office["road"].id), "--db", db_url, "-o", str(out)]) == 0
    text = flat("\n".join(p.text for p in read_docx(str(out)).paragraphs))
    assert "BÁO CÁO" in text and ROAD in text and "Kết quả thực hiện kiến nghị: Đã thực hiện." in text
    out = tmp_path / "danh-sach.pdf"
    assert cli_main(["print", "supervision-list", "--year", "2025", "--team", str(office["t2"].id),
                     "--db", db_url, "-o", str(out)]) == 0
    with open_pdf(out.read_bytes()) as pdf:
        text = flat(all_text(pdf))
    assert "TỔ DÂN VẬN BẢN HUỔI THỦNG" in text and "đợt 1 –" in text and "đợt 2 –" not in text
    assert cli_main(["print", "supervision", "--db", db_url, "-o", str(out)]) == 1
    assert "cần số cuộc giám sát (--id)" in capsys.readouterr().err
    open_database(db_url)
