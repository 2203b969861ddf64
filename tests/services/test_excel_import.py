"""Importing the members lists communes keep in Excel: the messy shapes,
legacy encodings, row-numbered problems, all or nothing, updates instead of
duplicates, garbage files; and the round trip export → import → export."""
from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvdesktop.errors import UserError
from dvdesktop.services import stats
from dvdesktop.services.exporting import export_list
from dvdesktop.services.importing.members import apply_members, preview_members
from dvdesktop.services.listings.people import PeopleFilter, people_ids, people_rows
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.vn.legacy import TCVN3, VNI

from .excel_files import legacy_list, messy_list, write


def _people() -> dict[str, object]:
    rows = people_rows(people_ids(PeopleFilter()))
    return {r.full_name: r for r in rows}


def test_messy_list_is_read_as_the_clerk_means_it(db, tmp_path):
    plan = preview_members(messy_list(tmp_path / "ds.xlsx"))
    assert plan.header_row == 6 and plan.errors == []
    assert [r.row for r in plan.rows] == [9, 10, 12, 13]
    cells = [r.cells() for r in plan.rows]
    assert [c["full_name"] for c in cells] == ["Nguyễn Văn Đức", "Lò Thị Mai", "Giàng A Páo", "Lường Thị Ỵ"]
    assert all(unicodedata.is_normalized("NFC", c["full_name"]) for c in cells)
    assert [(c["gender"], c["birth_year"]) for c in cells] == [("Nam", "1975"), ("Nữ", "1980"), ("Nam", "1990"),
                                                              ("Nữ", "1985")]
    assert [c["ethnicity"] for c in cells] == ["Kinh", "Thái", "Mông", "Thái"]
    assert {c["area"] for c in cells} == {"Nà Khoang"}  # merged down the rows
    assert [c["role"] for c in cells] == ["Tổ trưởng", "Tổ phó", "Thành viên", "Thành viên"]
    assert cells[0]["phone"] == "0912345678"  # the number cell lost its leading zero
    assert [c["party_member"] for c in cells] == ["có", "", "", "có"]
    assert plan.new_areas == ["bản Nà Khoang (xã )"] or plan.new_areas[0].startswith("bản Nà Khoang")

    result = apply_members(plan)
    assert (result.created, result.updated, result.memberships) == (4, 0, 4)
    people = _people()
    assert set(people) == {"Nguyễn Văn Đức", "Lò Thị Mai", "Giàng A Páo", "Lường Thị Ỵ"}
    duc = PersonService.get(people["Nguyễn Văn Đức"].id)
    assert (duc.gender, duc.birth_year, duc.phone, duc.party_member, duc.titles) == (
        "nam", 1975, "0912345678", True, "Bí thư chi bộ")
    team = TeamService.get(MembershipService.current_rows(TeamService.active().first().id)[0].team_id)
    members = MembershipService.current(team.id)
    assert [(m.full_name, m.role) for m in members][0] == ("Nguyễn Văn Đức", "to_truong")


def test_importing_again_updates_instead_of_duplicating(db, tmp_path):
    path = messy_list(tmp_path / "ds.xlsx")
    apply_members(preview_members(path))
    again = preview_members(path)
    assert again.count("same") == 4 and again.count("new") == 0
    assert apply_members(again).created == 0
    assert len(_people()) == 4

    # the clerk corrects a phone and a birth year is added for someone new
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.active
    ws["I10"] = "0977 000 111"
    ws["G12"] = "Tổ phó"  # Giàng A Páo becomes tổ phó ... and Lò Thị Mai a member
    ws["G10"] = "Thành viên"
    wb.save(path)
    plan = preview_members(path, today=dt.date.today() + dt.timedelta(days=0))
    assert plan.errors == []
    changed = {r.full_name: r.changes for r in plan.rows if r.action == "update"}
    assert set(changed) == {"Lò Thị Mai", "Giàng A Páo"}
    assert "Số điện thoại: 0987 654 321 → 0977 000 111" in changed["Lò Thị Mai"]
    assert "Chức vụ trong tổ: Thành viên → Tổ phó" in changed["Giàng A Páo"]
    result = apply_members(plan)
    assert result.updated == 2 and result.created == 0
    assert any("0977 000 111" in line and line.startswith("Dòng 10 — Lò Thị Mai") for line in result.changes)
    assert len(_people()) == 4
    assert PersonService.get(_people()["Lò Thị Mai"].id).phone == "0977 000 111"


@pytest.mark.parametrize("header", [
    ["TT", "HỌ TÊN", "Ngày tháng năm sinh", "Giới tính", "Dân tộc", "Thôn/Tổ dân phố", "Chức danh trong tổ",
     "Chức danh", "Điện thoại", "Là đảng viên"],
    ["Số TT", "Họ, tên", "Ngày sinh", "GIỚI TÍNH", "dân tộc", "Địa bàn", "Chức vụ trong tổ", "Chức vụ", "Số điện thoại",
     "Đảng viên"],
    ["stt", "ho va ten", "nam sinh", "gioi tinh", "dan toc", "thon", "chuc vu trong to", "chuc vu", "sdt", "dang vien"],
])
def test_header_variants(db, tmp_path, header):
    rows = [["Danh sách thành viên"], [], header,
            [1, "Nguyễn Thị Hoa", "15/12/1975", "Nữ", "Tày", "Tổ dân phố số 3", "Tổ trưởng", "Tổ trưởng TDP", "0912345678", "x"],
            [2, "Trần Văn Bình", "15-12-1976", "nam", "Kinh", "Tổ dân phố số 3", "TV", "", "", ""],
            [3, "Lê Văn Cường", dt.date(1977, 5, 1), "Nam", "Kinh", "Tổ dân phố số 3", "Tổ phó", "", "", ""],
            [4, "Hà Thị Dung", 1978, "Nữ", "Kinh", "Tổ dân phố số 3", "Thành viên", "", "", ""],
            [5, "Vũ Văn Em", "1979", "Nam", "Kinh", "Tổ dân phố số 3", "Thành viên", "", "", ""]]
    plan = preview_members(write(tmp_path / "v.xlsx", rows))
    assert plan.errors == [] and plan.header_row == 3
    assert [r.person["birth_year"] for r in plan.rows] == [1975, 1976, 1977, 1978, 1979]
    assert [r.person["gender"] for r in plan.rows] == ["nữ", "nam", "nam", "nữ", "nam"]
    assert [r.role for r in plan.rows] == ["to_truong", "thanh_vien", "to_pho", "thanh_vien", "thanh_vien"]
    assert plan.rows[0].person["party_member"] is True and plan.rows[0].area_kind == "tổ dân phố"
    assert plan.rows[0].area_name == "số 3"


def test_separate_nam_nu_columns_and_group_lines(db, tmp_path):
    rows = [["DANH SÁCH TỔ DÂN VẬN CÁC THÔN"],
            ["STT", "Họ và tên", "Nam", "Nữ", "Năm sinh", "Chức vụ trong tổ"],
            ["I", "THÔN ĐỒNG TÂM"],
            [1, "Nguyễn Văn An", "x", None, 1970, "Tổ trưởng"],
            [2, "Đào Thị Bích", None, "x", 1980, "Thành viên"],
            ["II", "THÔN HÒA BÌNH"],
            [1, "Ngô Văn Chung", "x", None, 1960, "Tổ trưởng"]]
    plan = preview_members(write(tmp_path / "g.xlsx", rows, merges=("B3:F3", "B6:F6")))
    assert plan.errors == []
    assert [(r.full_name, r.person["gender"], r.area_name, r.area_kind) for r in plan.rows] == [
        ("Nguyễn Văn An", "nam", "Đồng Tâm", "thôn"), ("Đào Thị Bích", "nữ", "Đồng Tâm", "thôn"),
        ("Ngô Văn Chung", "nam", "Hòa Bình", "thôn")]
    result = apply_members(plan)
    assert sorted(result.areas_created) == ["thôn Hòa Bình", "thôn Đồng Tâm"] or len(result.areas_created) == 2
    assert len(result.teams_created) == 2


@pytest.mark.parametrize("encoding, font", [(TCVN3, ".VnTime"), (TCVN3, None), (VNI, "VNI-Times"), (VNI, None)])
def test_legacy_encodings(db, tmp_path, encoding, font):
    plan = preview_members(legacy_list(tmp_path / "legacy.xlsx", encoding, font=font))
    assert plan.errors == [] and plan.encoding == encoding
    assert [r.full_name for r in plan.rows] == ["Nguyễn Văn Đức", "Trần Thị Hồng Nhung", "Phạm Hữu Ước"]
    assert [r.area_name for r in plan.rows] == ["Đồng Tâm"] * 3
    assert [r.person["ethnicity"] for r in plan.rows] == ["Kinh", "Kinh", "Mường"]
    assert [r.role for r in plan.rows] == ["to_truong", "to_pho", "thanh_vien"]


def test_problems_are_named_by_row_and_nothing_is_written(db, tmp_path):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    PersonService.create({"full_name": "Người Có Sẵn", "area": area.id})
    rows = [["Họ và tên", "Năm sinh", "Giới tính", "Bản", "Chức vụ trong tổ", "Số điện thoại"],
            ["Nguyễn Văn An", 1970, "Nam", "Nà Khoang", "Tổ trưởng", "0912345678"],
            ["Lê 3 Bình", 19755, "Nam", "Nà Khoang", "Trưởng nhóm", "12"],
            [None, 1980, "Nữ", "Nà Khoang", None, None],
            ["Nguyễn Văn An", 1970, "Nam", "Nà Khoang", "Tổ trưởng", None],
            ["Hà Thị Cúc", "32/13/1980", "Không rõ", None, "Thành viên", None]]
    plan = preview_members(write(tmp_path / "bad.xlsx", rows))
    errors = plan.errors
    assert not plan.ok
    assert "Dòng 3: họ và tên «Lê 3 Bình» có chữ số" in errors
    assert any(e.startswith("Dòng 3: năm sinh 19755") for e in errors)
    assert any(e.startswith("Dòng 3: chức vụ trong tổ «Trưởng nhóm»") for e in errors)
    assert any(e.startswith("Dòng 3: số điện thoại «12»") for e in errors)
    assert "Dòng 4: chưa có họ và tên" in errors
    assert any(e.startswith("Dòng 5: trùng với dòng 2") for e in errors)
    assert any(e.startswith("Dòng 6: năm sinh «32/13/1980»") for e in errors)
    assert any(e.startswith("Dòng 6: giới tính «Không rõ»") for e in errors)
    assert any(e.startswith("Dòng 6: có chức vụ trong tổ nhưng chưa có thôn") for e in errors)
    before = stats.collect()
    with pytest.raises(UserError):
        apply_members(plan)
    assert stats.collect() == before and len(_people()) == 1


def test_a_second_leader_is_refused(db, tmp_path):
    rows = [["Họ và tên", "Năm sinh", "Bản", "Chức vụ trong tổ"],
            ["Nguyễn Văn An", 1970, "Nà Khoang", "Tổ trưởng"],
            ["Lò Văn Bình", 1971, "Nà Khoang", "Tổ trưởng"]]
    plan = preview_members(write(tmp_path / "two.xlsx", rows))
    assert [e.split(":")[0] for e in plan.errors] == ["Dòng 2", "Dòng 3"]
    assert "hai tổ trưởng" in plan.errors[0]


def _garbage(tmp_path):
    files = {}
    (tmp_path / "random.xlsx").write_bytes(bytes(range(256)) * 40)
    files["random"] = tmp_path / "random.xlsx"
    (tmp_path / "empty.xlsx").write_bytes(b"")
    files["empty"] = tmp_path / "empty.xlsx"
    (tmp_path / "text.xlsx").write_text("Họ và tên;Năm sinh\nNguyễn Văn An;1970\n", encoding="utf-8")
    files["text"] = tmp_path / "text.xlsx"
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    files["zip"] = tmp_path / "zip.xlsx"
    good = write(tmp_path / "good.xlsx", [["Họ và tên", "Năm sinh"], ["Nguyễn Văn An", 1970]])
    data = good.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    files["truncated"] = tmp_path / "cut.xlsx"
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    files["xls"] = tmp_path / "old.xls"
    files["no header"] = write(tmp_path / "noheader.xlsx", [["Một"], ["Hai", "Ba"]])
    files["missing"] = tmp_path / "nowhere.xlsx"
    return files


def test_garbage_files_give_a_clear_message(db, tmp_path):
    for kind, path in _garbage(tmp_path).items():
        with pytest.raises(UserError) as exc:
            preview_members(path)
        message = exc.value.message
        assert "Traceback" not in message and len(message) < 300, kind
        if kind == "xls":
            assert "Excel 97–2003" in message
        elif kind == "no header":
            assert "dòng tiêu đề" in message
        elif kind == "empty":
            assert "rỗng" in message
        elif kind == "missing":
            assert "Không tìm thấy" in message
        else:
            assert "không phải tệp Excel" in message, kind


cell_text = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
                      st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1)),
                      st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=30))


@given(st.lists(st.tuples(cell_text, cell_text, cell_text, cell_text), min_size=1, max_size=5))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_cell_contents_give_a_plan_or_a_clear_message(sqlite_db, tmp_path_factory, rows):
    """Whatever the cells hold, the preview never breaks: each row is read or
    its problems are named by row; every name kept is NFC, trimmed, single-spaced."""
    path = tmp_path_factory.mktemp("prop") / "p.xlsx"
    write(path, [["Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại"], *[list(r) for r in rows]])
    try:
        plan = preview_members(path)
    except UserError as exc:
        assert exc.message
        return
    for row in plan.rows:
        assert row.row >= 2
        if row.ok:
            name = row.full_name
            assert unicodedata.is_normalized("NFC", name) and name == name.strip() and "  " not in name
            assert len(name.split()) >= 2
            year = row.person.get("birth_year")
            assert year is None or 1900 <= year <= dt.date.today().year
        else:
            assert all(isinstance(p, str) and p for p in row.problems)


def _sample_register():
    from dvdesktop.services.settings import Organisation, save_organisation

    save_organisation(Organisation(province="Điện Biên", commune="xã Nà Hỳ", commune_code="03169"))
    a = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nà Hỳ", "commune_code": "03169"})
    b = AreaService.create({"name": "Tổ dân phố số 2", "kind": "tổ dân phố", "commune": "Nà Hỳ",
                            "commune_code": "03169"})
    team = TeamService.create({"area": a.id})
    people = [("Nguyễn Văn Đức", "nam", 1975, a.id, True, "Bí thư chi bộ", "to_truong"),
              ("Lò Thị Mai", "nữ", 1980, a.id, False, "Trưởng bản", "to_pho"),
              ("Giàng A Páo", "nam", 1990, a.id, False, "", "thanh_vien"),
              ("Đặng Thị Ánh", "nữ", None, b.id, True, "", None),
              ("Ấu Văn Bé", "nam", 2001, None, False, "", None)]
    for name, gender, year, area, party, titles, role in people:
        p = PersonService.create({"full_name": name, "gender": gender, "birth_year": year, "area": area,
                                  "party_member": party, "titles": titles, "phone": "0912 345 678",
                                  "ethnicity": "Thái"})
        if role:
            MembershipService.create({"person": p.id, "team": team.id, "role": role, "start_date": dt.date(2024, 1, 1)})


def _rows(table):
    return [tuple(c.title for c in table.columns)] + [tuple(row) for row in table.rows]


def test_round_trip_export_import_export(db_url, tmp_path):
    """Export the people, import the file into an empty database, export
    again: the same content."""
    from dvdesktop.services.exporting import export_to_file
    from dvdesktop.store import close_database, open_database

    _sample_register()
    first = export_list("people")
    path = tmp_path / "people.xlsx"
    export_to_file("people", path)
    close_database()
    open_database(str(tmp_path / "empty.sqlite3"))
    try:
        plan = preview_members(path)
        assert plan.errors == [] and plan.count("new") == 5
        apply_members(plan)
        second = export_list("people")
    finally:
        close_database()
        open_database(db_url)
    assert _rows(second) == _rows(first)


def test_the_quick_reader_reads_what_openpyxl_reads(tmp_path):
    """sheet.py reads workbooks with its own quick XML reader; openpyxl reads
    the same grid (merges spread, fonts, dates, numbers, legacy text)."""
    from dvdesktop.services.importing import sheet, xlsx_reader

    files = [messy_list(tmp_path / "m.xlsx"), legacy_list(tmp_path / "t.xlsx", TCVN3, font=".VnTime"),
             legacy_list(tmp_path / "v.xlsx", VNI, font="VNI-Times"), legacy_list(tmp_path / "n.xlsx", VNI, font=None)]
    for path in files:
        quick = [sheet.make_grid(r.name, r.rows, r.fonts, r.merged) for r in xlsx_reader.read_workbook(path)]
        slow = [sheet.read_grid(ws) for ws in sheet.open_workbook(path).worksheets]
        assert [(g.name, g.rows, g.merged_copy, g.encoding) for g in quick] == \
               [(g.name, g.rows, g.merged_copy, g.encoding) for g in slow], path.name


def test_areas_and_teams_import(db, tmp_path):
    from dvdesktop.services.exporting import export_to_file
    from dvdesktop.services.importing.areas import apply_areas, preview_areas

    rows = [["DANH SÁCH THÔN, BẢN XÃ NẬM PỒ"],
            ["STT", "Tên thôn, bản", "Số hộ", "Số nhân khẩu", "Các dân tộc", "Số quyết định thành lập",
             "Ngày thành lập", "Cán bộ phụ trách"],
            [1, "Bản Nà Khoang", 120, "540", "Thái, Mông", "12-QĐ/ĐU", "05/01/2020", "Lò Văn Tâm"],
            [2, "Thôn Đồng Tâm", 80, 300, "Kinh", None, None, None],
            [3, "TDP số 3", "1.200", "4.800", "Kinh", "15-QĐ/ĐU", dt.date(2021, 3, 4), "Hà Văn Cường"]]
    plan = preview_areas(write(tmp_path / "a.xlsx", rows))
    assert plan.errors == [] and plan.header_row == 2
    assert [(r.name, r.kind, r.area["households"], r.area["population"]) for r in plan.rows] == [
        ("Nà Khoang", "bản", 120, 540), ("Đồng Tâm", "thôn", 80, 300), ("số 3", "tổ dân phố", 1200, 4800)]
    apply_areas(plan)
    teams = TeamService._read_data(TeamService._data_query())
    assert sorted((t.name, t.decision_number) for t in teams) == [
        ("Tổ dân vận bản Nà Khoang", "12-QĐ/ĐU"), ("Tổ dân vận thôn Đồng Tâm", ""),
        ("Tổ dân vận tổ dân phố số 3", "15-QĐ/ĐU")]

    # exported and read back: nothing changes; a corrected figure is an update
    path = tmp_path / "dia-ban.xlsx"
    export_to_file("areas", path)
    again = preview_areas(path)
    assert again.count("same") == 3
    from openpyxl import load_workbook

    wb = load_workbook(path)
    assert [r.name for r in again.rows] == ["Đồng Tâm", "Nà Khoang", "số 3"]  # Vietnamese order: đ before n
    wb.active["E2"] = 125  # Số hộ of the first row
    wb.save(path)
    changed = preview_areas(path)
    assert [(r.name, r.changes) for r in changed.rows if r.action == "update"] == [("Đồng Tâm", ["Số hộ: 80 → 125"])]

    bad = preview_areas(write(tmp_path / "b.xlsx", [["Tên địa bàn", "Số hộ", "Số nhân khẩu"], ["Nà Khoang", "nhiều", 10],
                                                     ["Pa Tần", 50, 20]]))
    assert bad.errors == ["Dòng 2: số hộ «nhiều» phải là số", "Dòng 3: số nhân khẩu ít hơn số hộ"]


any_cell = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
                     st.dates(), st.datetimes())


@given(any_cell)
@settings(max_examples=300)
def test_value_cleaners_accept_or_explain_anything(value):
    """Each cleaner returns a value of its kind or raises ValueError with a
    Vietnamese reason; nothing else escapes."""
    from dvdesktop.services.importing import values as clean

    for fn, kinds in ((clean.birth_year, (int, type(None))), (clean.gender, (str,)), (clean.phone, (str,)),
                      (clean.role, (str,)), (clean.ethnicity, (str,)), (clean.area, (tuple,)),
                      (lambda v: clean.date(v, "ngày"), (dt.date, type(None))),
                      (lambda v: clean.mark(v, "Đảng viên"), (bool,))):
        try:
            out = fn(value)
        except ValueError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            continue
        assert isinstance(out, kinds), (fn, value, out)
