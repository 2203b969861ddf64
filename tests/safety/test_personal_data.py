"""One person's data: export everything held, correct, erase (anonymised,
history kept, the audit log redacted); retention of closed mediation cases."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from dvdesktop.services import access, personal_data, users
from dvdesktop.services.concerns import ConcernService
from dvdesktop.services.mediation.records import MediationCaseService
from dvdesktop.services.meetings import MeetingService
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.services.users import UserService, sign_in
from dvdesktop.store.models import AuditLog, MediationCase, MediationParty, MeetingAttendance, Person


@pytest.fixture
def person(db):
    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    team = TeamService.create({"area": area.id})
    p = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111", "birth_year": 1970,
                              "gender": "nam", "area": area.id, "notes": "Hộ nghèo, con đi học xa"})
    MembershipService.create({"person": p.id, "team": team.id, "role": "to_truong", "start_date": dt.date(2024, 1, 1)})
    MeetingService.save_with_children(None, {"team": team.id, "starts_at": dt.datetime(2025, 3, 1, 8, 0),
                                             "title": "Họp tổ quý I", "chair": p.id},
                                      {"attendance": [{"person": p.id, "status": "present"}]})
    ConcernService.create({"received_on": dt.date(2025, 3, 1), "raised_by": "Tòng Văn Panh", "content": "Đèn đường"})
    return p, team


def test_export_everything_held(person, tmp_path):
    p, team = person
    path = personal_data.export_person(p.id, tmp_path / "panh.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["người"]["full_name"] == "Tòng Văn Panh" and data["người"]["phone"] == "0912000111"
    assert data["người"]["địa_bàn"] == "Nà Khoang"
    assert data["thành_viên_tổ"][0]["role"] == "to_truong"
    assert data["dự_họp"][0]["có_mặt"] == "present" and data["chủ_trì_thư_ký"][0]["vai_trò"] == "chủ trì"
    assert data["có_thể_liên_quan_trùng_tên"]["ý_kiến_kiến_nghị"][0]["content"] == "Đèn đường"
    assert {e["việc"] for e in data["nhật_ký_về_người_này"]} >= {"create"}
    assert AuditLog.select().where(AuditLog.action == "personal_export").count() == 1


def test_correct_and_erase_keep_the_history(person):
    p, team = person
    personal_data.correct_person(p.id, {"phone": "0988000222"})
    attendance_before = MeetingAttendance.select().count()
    personal_data.erase_person(p.id)
    row = Person.get_by_id(p.id)
    assert row.full_name == f"Người đã xóa thông tin số {p.id}"
    assert (row.phone, row.birth_year, row.notes, row.gender) == ("", None, "", "nam")
    assert MeetingAttendance.select().count() == attendance_before  # history kept
    assert MembershipService.active().count() == 1
    # Nothing in the audit log still holds the name or the phone numbers, and who/when stays.
    for r in AuditLog.select():
        for text in (r.before or "", r.after or ""):
            assert "Tòng Văn Panh" not in text and "0912000111" not in text and "0988000222" not in text
    assert AuditLog.select().where((AuditLog.record_uid == row.uid) & (AuditLog.action == "create")).count() == 1
    assert AuditLog.select().where(AuditLog.action == "erase").count() == 1
    with pytest.raises(Exception, match="đã được xóa"):
        personal_data.erase_person(p.id)


def test_only_an_administrator(person):
    p, _ = person
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo", confidential=True)
    access.sign_out()
    sign_in("canbo", "mat-khau-can-bo")
    for call in (lambda: personal_data.held_about(p.id), lambda: personal_data.erase_person(p.id),
                 lambda: personal_data.set_retention_years(5), lambda: personal_data.apply_retention()):
        with pytest.raises(access.PermissionDenied):
            call()


def test_retention_of_closed_mediation_cases(person):
    p, team = person

    def case(closed_on, outcome="thanh"):
        c = MediationCaseService.save_with_children(
            None, {"received_on": closed_on - dt.timedelta(days=20), "outcome": outcome,
                   "closed_on": closed_on if outcome != "dang" else None, "summary": "Tranh chấp lối đi",
                   "agreement": "Mở lối đi chung" if outcome == "thanh" else ""},
            {"parties": [{"name": "Lò Văn Một", "side": "A", "phone": "0911"},
                         {"name": "Quàng Thị Hai", "side": "B", "address": "bản Nà Hỳ"}]})
        return c.id

    old = case(dt.date(2015, 6, 1))
    recent = case(dt.date(2024, 6, 1))
    open_old = case(dt.date(2015, 6, 1), outcome="dang")
    assert personal_data.retention_years() is None and personal_data.due_for_retention() == []
    personal_data.set_retention_years(5)
    assert personal_data.due_for_retention(dt.date(2026, 1, 1)) == [old]
    result = personal_data.apply_retention(dt.date(2026, 1, 1))
    assert (result.cases, result.parties) == (1, 2)
    names = sorted(x.name for x in MediationParty.select().where(MediationParty.case == old))
    assert names == ["Bên A1", "Bên B2"]
    kept = MediationCase.get_by_id(old)
    assert (kept.summary, kept.agreement, kept.outcome) == ("", "‹đã xóa›", "thanh")
    MediationCaseService.update(old, {"kind": "đất đai"})  # still passes its rules
    assert {x.name for x in MediationParty.select().where(MediationParty.case == recent)} == {"Lò Văn Một", "Quàng Thị Hai"}
    assert {x.name for x in MediationParty.select().where(MediationParty.case == open_old)} == {"Lò Văn Một", "Quàng Thị Hai"}
    assert personal_data.apply_retention(dt.date(2026, 1, 1)).cases == 0  # once
    with pytest.raises(Exception, match="1 đến 100"):
        personal_data.set_retention_years(0)
