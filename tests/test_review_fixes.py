"""Regression tests for faults found in review."""
import datetime as dt

import pytest

from dvdesktop.documents import render
from dvdesktop.documents import blocks as B
from dvdesktop.errors import UserError, ValidationError
from dvdesktop.services.core.fields import Integer
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.store.models import Person


@pytest.mark.parametrize("text, value", [("1.234", 1234), ("1.234.567", 1234567), ("12", 12), (" 7 ", 7)])
def test_integer_reads_grouped_thousands(text, value):
    assert Integer("n", "Số").clean(text) == value


@pytest.mark.parametrize("text", ["2.5", "1.23", "12.3456", "abc"])
def test_integer_refuses_decimals(text):
    with pytest.raises(ValidationError):
        Integer("n", "Số").clean(text)


def test_long_names_store_on_both_engines(db):
    # sort keys are several times longer than the name: no varchar limit may cut them
    name = "Nguyễn " + "Thị " * 45 + "Ánh"
    person = PersonService.create({"full_name": name})
    assert Person.get_by_id(person.id).full_name == name.replace("  ", " ")
    area = AreaService.create({"name": "Thôn " + "Tân Tiến " * 20})
    assert AreaService.get(area.id).name_sort


def test_new_leader_takes_over_in_one_step(db):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản"})
    team = TeamService.create({"area": area.id})
    old = PersonService.create({"full_name": "Lò Văn Thắng"})
    new = PersonService.create({"full_name": "Quàng Thị Mai"})
    MembershipService.create({"person": old.id, "team": team.id, "role": "to_truong", "start_date": "2020-01-01"})
    member = MembershipService.create({"person": new.id, "team": team.id, "role": "thanh_vien", "start_date": "2020-01-01"})
    with pytest.raises(ValidationError):
        MembershipService.reassign(member.id, dt.date(2024, 1, 1), "to_truong")
    MembershipService.reassign(member.id, dt.date(2024, 1, 1), "to_truong", demote_current_leader=True)
    roles = {m.full_name: m.role for m in MembershipService.current(team.id, dt.date(2024, 6, 1))}
    assert roles == {"Quàng Thị Mai": "to_truong", "Lò Văn Thắng": "thanh_vien"}


def test_failed_render_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"previous signed copy")

    def broken(doc, target=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "to_pdf", broken)
    with pytest.raises((UserError, OSError)):
        render.write(B.Document(style="state", title="x"), target)
    assert target.read_bytes() == b"previous signed copy"
    assert not list(tmp_path.glob(".*.tmp"))


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
