import datetime as dt

import pytest

from dvdesktop.errors import ConflictError, ValidationError
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.store.models import AuditLog, Person


def test_text_is_stored_nfc_and_searchable_without_marks(db):
    nfd = "Nguye\u0302\u0303n Va\u0306n \u0110u\u031b\u0301c"
    person = PersonService.create({"full_name": nfd, "phone": "0912 345 678"})
    stored = Person.get_by_id(person.id)
    assert stored.full_name == "Nguyễn Văn Đức"
    assert Person.select().where(Person.search_text.contains("nguyen van duc")).count() == 1
    assert Person.select().where(Person.search_text.contains("0912345678")).count() == 1


def test_one_leader_at_a_time_and_kien_toan(team):
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    b = PersonService.create({"full_name": "Quàng Thị Mai"})
    lead = MembershipService.create({"person": a.id, "team": team.id, "role": "to_truong", "start_date": "01/03/2020"})
    with pytest.raises(ValidationError) as err:
        MembershipService.create({"person": b.id, "team": team.id, "role": "to_truong", "start_date": "2021-01-01"})
    assert err.value.field == "role"
    MembershipService.reassign(lead.id, dt.date(2023, 1, 1), "thanh_vien")
    MembershipService.create({"person": b.id, "team": team.id, "role": "to_truong", "start_date": "2023-01-01"})
    current = MembershipService.current(team.id, dt.date(2024, 1, 1))
    assert [(m.full_name, m.role) for m in current] == [("Quàng Thị Mai", "to_truong"), ("Lò Văn Thắng", "thanh_vien")]
    # history is kept, not overwritten
    assert MembershipService.current(team.id, dt.date(2021, 6, 1))[0].full_name == "Lò Văn Thắng"


def test_membership_dates_in_order_and_no_double_membership(team):
    a = PersonService.create({"full_name": "Vàng A Dơ"})
    with pytest.raises(ValidationError) as err:
        MembershipService.create({"person": a.id, "team": team.id, "start_date": "2024-05-01", "end_date": "2024-01-01"})
    assert err.value.field == "end_date"
    MembershipService.create({"person": a.id, "team": team.id, "start_date": "2024-01-01"})
    with pytest.raises(ValidationError) as err:
        MembershipService.create({"person": a.id, "team": team.id, "role": "to_pho", "start_date": "2024-06-01"})
    assert err.value.field == "person"


def test_validation_names_field_with_vietnamese_message(db):
    with pytest.raises(ValidationError) as err:
        PersonService.create({"full_name": "  "})
    assert err.value.field == "full_name" and "họ và tên" in err.value.message
    with pytest.raises(ValidationError) as err:
        PersonService.create({"full_name": "Hờ A Sử", "birth_year": "năm ngoái"})
    assert err.value.field == "birth_year"
    assert Person.select().count() == 0


def test_optimistic_locking_and_audit(db):
    p = PersonService.create({"full_name": "Giàng A Páo"})
    PersonService.update(p.id, {"phone": "0987654321"}, expected_version=1)
    with pytest.raises(ConflictError):
        PersonService.update(p.id, {"phone": "0987654322"}, expected_version=1)
    actions = [r.action for r in AuditLog.select().order_by(AuditLog.id)]
    assert actions == ["create", "update"]


def test_soft_delete_and_restore(db):
    p = PersonService.create({"full_name": "Mùa A Chứ"})
    PersonService.delete(p.id)
    assert PersonService.active().count() == 0 and len(PersonService.trash()) == 1
    PersonService.restore(p.id)
    assert PersonService.active().count() == 1


def test_area_rename_keeps_old_name_for_old_dates(db):
    area = AreaService.create({"name": "Thôn 3", "commune": "Xã A"})
    AreaService.rename(area.id, "Thôn Tân Tiến", dt.date(2025, 7, 1))
    area = AreaService.get(area.id)
    assert AreaService.name_on(area, dt.date(2024, 12, 31)) == "Thôn 3"
    assert AreaService.name_on(area, dt.date(2025, 7, 1)) == "Thôn Tân Tiến"


def test_likely_duplicates(db):
    PersonService.create({"full_name": "Nguyễn Văn Đức", "birth_year": 1980})
    assert PersonService.likely_duplicates("nguyen van duc", 1980)
    assert not PersonService.likely_duplicates("Nguyễn Văn Đức", 1990)


def test_team_cadre_name_filled_from_person(db):
    area = AreaService.create({"name": "Bản Nà Hỳ", "kind": "bản"})
    cadre = PersonService.create({"full_name": "Cầm Văn Sơn"})
    team = TeamService.create({"area": area.id, "cadre": cadre.id})
    assert TeamService.get(team.id).cadre_name == "Cầm Văn Sơn"
    with pytest.raises(ValidationError) as err:
        TeamService.create({"area": area.id})
    assert err.value.field == "area"


def test_merge_moves_people_and_dissolves_the_merged_team(db):
    a = AreaService.create({"name": "Thôn 1", "commune": "Xã A"})
    b = AreaService.create({"name": "Thôn 2", "commune": "Xã A"})
    team_a = TeamService.create({"area": a.id, "established_on": "2020-01-01"})
    team_b = TeamService.create({"area": b.id, "established_on": "2020-01-01"})
    person = PersonService.create({"full_name": "Đinh Văn Tuấn", "area": a.id})
    MembershipService.create({"person": person.id, "team": team_a.id, "role": "to_truong", "start_date": "2020-01-01"})
    AreaService.merge([a.id], b.id, dt.date(2025, 7, 1))
    assert MembershipService.current(team_a.id, dt.date(2025, 8, 1)) == []
    assert len(MembershipService.current(team_a.id, dt.date(2025, 6, 1))) == 1
    assert PersonService.get(person.id).area == b.id
    assert TeamService.get(team_a.id).status == "dissolved"
    assert TeamService.get(team_b.id).status == "active"
    merged = AreaService.get(a.id)
    assert merged.merged_into == b.id and not merged.active
    assert AreaService.name_on(merged, dt.date(2024, 1, 1)) == "Thôn 1"
    with pytest.raises(ValidationError):
        AreaService.merge([a.id], b.id, dt.date(2025, 8, 1))
    with pytest.raises(ValidationError) as err:
        AreaService.update(a.id, {"active": True})
    assert err.value.field == "active"


def test_current_by_team_matches_current(team):
    people = [PersonService.create({"full_name": n}) for n in ("Lò Văn Thắng", "Quàng Thị Mai", "Vàng A Dơ")]
    roles = ("thanh_vien", "to_truong", "to_pho")
    for person, role in zip(people, roles, strict=True):
        MembershipService.create({"person": person.id, "team": team.id, "role": role, "start_date": "2020-01-01"})
    MembershipService.end(MembershipService.current(team.id)[2].id, dt.date(2021, 1, 1))
    for day in (dt.date(2020, 6, 1), dt.date(2022, 1, 1)):
        by_team = MembershipService.current_by_team(day)
        assert [m.id for m in by_team.get(team.id, [])] == [m.id for m in MembershipService.current(team.id, day)]


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
