"""Printing through services/printing.py and `dvdesktop print`, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from docx import Document as read_docx

from dvdesktop.cli import main as cli_main
from dvdesktop.documents import blocks as B
from dvdesktop.errors import NotFoundError, UserError
from dvdesktop.services import printing
from dvdesktop.services.concerns import ConcernService
from dvdesktop.services.meetings import save_meeting
from dvdesktop.services.outreach import OutreachService
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.services.settings import Organisation, Signer, save_organisation
from dvdesktop.store import close_database, open_database

from tests.documents.pdf_reading import all_text, open_pdf


@pytest.fixture
def office(db):
    save_organisation(Organisation(
        province="Điện Biên", commune="xã Nậm Pồ", party_committee="Đảng ủy xã Nậm Pồ",
        people_committee="Ủy ban nhân dân xã Nậm Pồ", place_name="Nậm Pồ",
        party_signer=Signer("Lò Văn Mạnh", "BÍ THƯ", "T/M ĐẢNG ỦY"),
    ))
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "xã Nậm Pồ"})
    team = TeamService.create({"area": area.id, "decision_number": "12-QĐ/ĐU", "established_on": "2021-03-10"})
    people = {}
    for name, role, position in [("Lò Văn Thắng", "to_truong", "Bí thư chi bộ"),
                                 ("Quàng Thị Mai", "to_pho", "Trưởng bản"),
                                 ("Cà Thị Ngọc", "thanh_vien", "Bí thư Chi đoàn")]:
        p = PersonService.create({"full_name": name, "gender": "nữ" if "Thị" in name else "nam", "birth_year": 1980})
        MembershipService.create({"person": p.id, "team": team.id, "role": role, "position": position,
                                  "start_date": "2021-03-10"})
        people[name] = p
    meeting = save_meeting(
        {"team": team.id, "number": "5", "starts_at": dt.datetime(2025, 1, 5, 14, 0),
         "ends_at": dt.datetime(2025, 1, 5, 16, 30), "place": "Nhà văn hóa bản",
         "chair": people["Lò Văn Thắng"].id, "secretary": people["Cà Thị Ngọc"].id,
         "conclusions": "Thống nhất vận động đón Tết an toàn."},
        [{"person": p.id, "status": "present"} for p in people.values()][:2]
        + [{"person": people["Cà Thị Ngọc"].id, "status": "present"}],
        [{"title": "Đánh giá tháng 12", "content": "Tổ trưởng báo cáo kết quả."}],
        [{"description": "Vận động không đốt pháo", "assignee": people["Quàng Thị Mai"].id,
          "due_date": "2025-01-20"}],
    )
    session = OutreachService.create({"team": team.id, "held_on": "2025-03-12", "topic": "Phòng cháy rừng",
                                      "audience_total": 80, "audience_women": 40})
    ConcernService.create({"received_on": "2025-02-03", "team": team.id, "raised_by": "Hờ A Sử",
                           "content": "Đề nghị sửa đường qua suối."})
    return {"team": team, "meeting": meeting, "session": session, "people": people}


def test_minutes_data_from_the_database(office):
    data = printing.minutes_data(office["meeting"].id)
    assert data.header.style == "party" and data.header.issuer == "TỔ DÂN VẬN BẢN NÀ KHOANG"
    assert data.header.parent == "ĐẢNG BỘ XÃ NẬM PỒ"
    assert data.header.number == "Số 05-BB/TDV"  # through services.numbering (Party style)
    assert [a.name for a in data.attendees][0] == "Lò Văn Thắng"  # leader first
    assert data.attendees[0].position == "Bí thư chi bộ, Tổ trưởng"
    assert data.chair == "Lò Văn Thắng" and data.secretary == "Cà Thị Ngọc"
    assert data.tasks[0].assignee == "Quàng Thị Mai" and data.tasks[0].due == dt.date(2025, 1, 20)


def test_minutes_count_a_member_left_off_the_attendance_as_absent(office):
    """The printed 'có mặt x/y' agrees with meetings.quorum(): every member on
    the day counts, one without an attendance row as absent."""
    from dvdesktop.services.meetings import quorum

    people = office["people"]
    meeting = save_meeting({"team": office["team"].id, "starts_at": dt.datetime(2025, 2, 5, 14, 0)},
                           [{"person": people["Lò Văn Thắng"].id, "status": "present"}], [], [])

    data = printing.minutes_data(meeting.id)
    assert [(a.name, a.status) for a in data.attendees] == [
        ("Lò Văn Thắng", "present"), ("Quàng Thị Mai", "absent"), ("Cà Thị Ngọc", "absent")]
    present = sum(a.status == "present" for a in data.attendees)
    assert (present, len(data.attendees)) == quorum(meeting.id) == (1, 3)


# The mediation kinds (State header, need cases): tests/documents/test_mediation_documents.py;
# the supervision kinds: tests/documents/test_supervision_documents.py; the rating papers
# (need a criteria set and ratings): tests/documents/test_evaluation_papers.py.
@pytest.mark.parametrize("kind", [k for k in printing.KINDS
                                  if k not in ("register", "mediation-summary", "mediation", "supervision",
                                               "supervision-list")
                                  and not k.startswith("evaluation-")])
def test_every_kind_prints_to_pdf(office, kind, tmp_path):
    opts = {"minutes": {"id": office["meeting"].id}, "outreach": {"id": office["session"].id},
            "decision": {"team": office["team"].id}, "concerns": {"year": 2025},
            "roster": {"team": office["team"].id}}.get(kind, {})
    path = printing.print_document(kind, tmp_path / f"{kind}.pdf", **opts)
    with open_pdf(path.read_bytes()) as pdf:
        text = all_text(pdf)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Cộng hòa".upper() not in text  # never both headers on one page


def test_state_style_follows_the_settings(office, tmp_path):
    from dvdesktop.services.settings import load_organisation

    org = load_organisation()
    org.header_styles["minutes"] = "state"
    save_organisation(org)
    data = printing.minutes_data(office["meeting"].id)
    assert data.header.number == "Số: 05/BB-TDV"
    path = printing.print_document("minutes", tmp_path / "m.pdf", id=office["meeting"].id)
    with open_pdf(path.read_bytes()) as pdf:
        text = all_text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 05/BB-TDV" in text and "ỦY BAN NHÂN DÂN" in text


def test_concern_register_hides_names_unless_asked(office):
    hidden = printing.concern_register_data(office["team"].id, 2025)
    assert len(hidden.entries) == 1 and hidden.entries[0].raised_by == ""
    shown = printing.concern_register_data(office["team"].id, 2025, show_names=True)
    assert shown.entries[0].raised_by == "Hờ A Sử"
    assert printing.concern_register_data(office["team"].id, 2024).entries == []


def test_decision_and_roster_data(office):
    d = printing.decision_data(office["team"].id, "kien_toan", on=dt.date(2025, 7, 1))
    assert d.previous_decision.startswith("12-QĐ/ĐU ngày 10 tháng 3 năm 2021")
    assert [m.name for m in d.members] == ["Lò Văn Thắng", "Quàng Thị Mai", "Cà Thị Ngọc"]
    assert d.header.issuer == "ĐẢNG ỦY XÃ NẬM PỒ" and d.header.parent == "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"
    assert d.signer.name == "Lò Văn Mạnh"
    all_teams = printing.roster_data(on=dt.date(2025, 1, 1))
    assert len(all_teams.groups) == 1 and len(all_teams.groups[0].members) == 3


def test_missing_records_and_options_are_user_errors(office):
    with pytest.raises(NotFoundError, match="cuộc họp số 999"):
        printing.minutes_data(999)
    with pytest.raises(UserError, match="--id"):
        printing.document("minutes")
    with pytest.raises(UserError, match="--team"):
        printing.document("decision")


def test_cli_print_pdf_and_docx(office, db_url, tmp_path, capsys):
    if not db_url.startswith("postgresql"):
        close_database()  # the command opens the database itself
    out = tmp_path / "bien-ban.docx"
    assert cli_main(["print", "minutes", "--id", str(office["meeting"].id), "--db", db_url, "-o", str(out)]) == 0
    d = read_docx(str(out))  # the closing line leads the signature table's rows (kept together)
    cells = {id(c._tc): c for t in d.tables for row in t.rows for c in row.cells}.values()
    text = "\n".join(p.text for p in [*d.paragraphs, *(q for c in cells for q in c.paragraphs)])
    assert "Cuộc họp kết thúc vào 16 giờ 30 phút, ngày 05 tháng 01 năm 2025/." in text
    out = tmp_path / "danh-sach.pdf"
    assert cli_main(["print", "roster", "--db", db_url, "-o", str(out)]) == 0
    assert out.stat().st_size > 1000
    open_database(db_url)


def test_cli_refuses_a_missing_database_and_bad_names(tmp_path, capsys):
    missing = tmp_path / "khong-co.sqlite3"
    assert cli_main(["print", "roster", "--db", str(missing), "-o", str(tmp_path / "x.pdf")]) == 1
    assert not missing.exists()
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ")
    assert cli_main(["print", "roster", "--db", str(missing), "-o", str(tmp_path / "x.txt")]) == 1
    assert ".pdf hoặc .docx" in capsys.readouterr().err


@pytest.mark.parametrize("province, parent", [
    ("Điện Biên", "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"),
    ("Thành phố Hà Nội", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"),
    ("Thành phố Huế", "ĐẢNG BỘ THÀNH PHỐ HUẾ"),
])
def test_party_parent_line_for_provinces_and_cities(province, parent):
    from dvdesktop.services.printing import commune_header
    from dvdesktop.services.settings import Organisation

    org = Organisation(province=province, commune="xã Nà Hỳ")
    assert commune_header(org, "party", "BC").parent == parent


def test_roster_and_cli_follow_the_chosen_day(db_url, tmp_path, capsys):
    import pdfplumber

    from dvdesktop.cli import main
    from dvdesktop.services.printing import document
    from dvdesktop.store import close_database

    area = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    team = TeamService.create({"area": area.id})
    person = PersonService.create({"full_name": "Lò Văn Thắng"})
    MembershipService.create({"person": person.id, "team": team.id, "start_date": "2019-01-01", "end_date": "2021-01-01"})

    def names(doc):
        return " ".join(" ".join(map(str, row)) for b in doc.blocks if isinstance(b, B.Table) for row in b.rows)

    assert "Lò Văn Thắng" in names(document("roster", team=team.id, on=dt.date(2020, 6, 1)))
    assert "Lò Văn Thắng" not in names(document("roster", team=team.id))
    if not str(db_url).startswith("postgresql"):
        close_database()
        out = tmp_path / "ds.pdf"
        assert main(["print", "roster", "--team", str(team.id), "--on", "01/06/2020", "--db", db_url, "-o", str(out)]) == 0
        with pdfplumber.open(out) as pdf:
            assert "Lò Văn Thắng" in pdf.pages[0].extract_text()
        with pytest.raises(SystemExit) as usage:
            main(["print", "roster", "--on", "31/02/2020", "--db", db_url, "-o", str(out)])
        assert usage.value.code == 2
