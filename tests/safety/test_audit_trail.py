"""The audit trail: every change with before/after, views of confidential
records, browsing and export by an administrator only, and no way to edit
it (the database refuses)."""
from __future__ import annotations

import csv
import datetime as dt

import peewee as pw
import pytest
from openpyxl import load_workbook

from dvdesktop.services import access, audit_trail, users
from dvdesktop.services.audit_trail import AuditFilter
from dvdesktop.services.mediation.records import MediationCaseService, open_case_for_view
from dvdesktop.services.register import AreaService, PersonService
from dvdesktop.services.users import UserService, sign_in
from dvdesktop.store.models import AuditLog


@pytest.fixture
def office(db):
    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    UserService.add("canbo", "Lường Thị Hoa", "clerk", "mat-khau-can-bo", confidential=True)
    access.sign_out()
    sign_in("canbo", "mat-khau-can-bo")
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    person = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111", "area": area.id})
    PersonService.update(person.id, {"phone": "0988000222"}, expected_version=person.version)
    case = MediationCaseService.create({"received_on": dt.date(2026, 3, 1), "area": area.id,
                                        "summary": "Tranh chấp đất", "confidential": True})
    open_case_for_view(case.id)
    access.sign_out()
    return area, person, case


def test_every_change_and_view_is_recorded(office):
    area, person, case = office
    sign_in("quantri", "mat-khau-quan-tri")
    rows = audit_trail.entries(AuditFilter(table="person"))
    assert [e.action for e in rows] == ["update", "create"]
    update = rows[0]
    assert update.username == "canbo" and update.record_id == person.id and update.action_name == "Sửa"
    assert [(c.field, c.before, c.after) for c in update.changes] == [("Điện thoại", "0912000111", "0988000222")]
    views = audit_trail.entries(AuditFilter(action="view"))
    assert len(views) == 1 and views[0].record_id == case.id and views[0].username == "canbo"
    assert views[0].table_name == "Vụ việc hòa giải"
    assert audit_trail.count(AuditFilter(username="canbo")) >= 5
    today = dt.date.today()
    assert audit_trail.count(AuditFilter(date_from=today, date_to=today)) == audit_trail.count()
    assert audit_trail.count(AuditFilter(date_to=today - dt.timedelta(days=1))) == 0
    names, actions, tables = audit_trail.choices()
    assert {"canbo", "quantri"} <= set(names) and ("view", "Xem hồ sơ bảo mật") in actions


def test_only_an_administrator_reads_it(office):
    sign_in("canbo", "mat-khau-can-bo")
    with pytest.raises(access.PermissionDenied, match="quản trị"):
        audit_trail.entries()
    with pytest.raises(access.PermissionDenied):
        audit_trail.export(None, "x.csv")


def test_export_csv_and_xlsx(office, tmp_path):
    _area, person, _case = office
    sign_in("quantri", "mat-khau-quan-tri")
    n = audit_trail.export(AuditFilter(table="person"), tmp_path / "nhat-ky.csv")
    assert n == 2
    with open(tmp_path / "nhat-ky.csv", encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[0][:4] == ["Số", "Thời điểm", "Người", "Việc"]
    assert ["canbo", "Sửa", "Người", str(person.id), "Điện thoại", "0912000111", "0988000222"] in [l[2:] for l in lines]
    audit_trail.export(AuditFilter(table="person"), tmp_path / "nhat-ky.xlsx")
    ws = load_workbook(tmp_path / "nhat-ky.xlsx").active
    values = list(ws.iter_rows(values_only=True))
    assert any(tuple(r[6:]) == ("Điện thoại", "0912000111", "0988000222") for r in values)
    # The export is itself in the trail.
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert last.action == "export" and last.username == "quantri" and "nhat-ky.xlsx" in last.after


def test_nobody_edits_or_deletes_it(office, db):
    before = AuditLog.select().count()
    first = AuditLog.select().order_by(AuditLog.id).first()
    for statement in (AuditLog.delete(),
                      AuditLog.update(username="ai-do").where(AuditLog.id == first.id),
                      AuditLog.update(at=dt.datetime(2000, 1, 1)),
                      AuditLog.update(action="view")):
        with pytest.raises(pw.DatabaseError, match="append-only"):
            with db.atomic():
                statement.execute()
    assert AuditLog.select().count() == before
    assert AuditLog.get_by_id(first.id).username == first.username
    # The trail's service has no way to write it: only reading and exporting.
    assert not [n for n in dir(audit_trail) if n.startswith(("delete", "update", "edit", "remove"))]
