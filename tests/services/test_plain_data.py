"""What the services hand to the screens and the command line: plain data
(RecordData and dataclasses), never peewee rows; and services.session, the one
way to open and close a database."""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import peewee as pw
import pytest

from dvdesktop.errors import ConflictError, DatabaseUnavailable, ValidationError
from dvdesktop.services import session
from dvdesktop.services.core.data import RecordData
from dvdesktop.services.mediation import records as med
from dvdesktop.services.meetings import MeetingService
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService


def _no_rows(value) -> None:
    """Nothing peewee in *value*, however deep."""
    assert not isinstance(value, (pw.Model, pw.Query)), value
    if isinstance(value, (list, tuple)):
        for item in value:
            _no_rows(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _no_rows(getattr(value, f.name))
    elif isinstance(value, RecordData):
        for item in value.values():
            _no_rows(item)


@pytest.fixture
def team(db):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    cadre = PersonService.create({"full_name": "Quàng Văn Minh"})
    return TeamService.create({"area": area.id, "cadre": cadre.id})


def test_get_gives_values_version_and_the_names_of_referenced_records(team):
    record = TeamService.get(team.id)
    _no_rows(record)
    assert record.id == team.id and record.version == 1
    assert record["area"] == record.area and isinstance(record.area, int)  # a reference is an id
    assert record.name_of("area") == "Nà Khoang" and record.name_of("cadre") == "Quàng Văn Minh"
    assert record.name == "Tổ dân vận bản Nà Khoang" and record.get("status") == "active"
    assert set(f.name for f in TeamService.fields) <= set(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.version = 5
    with pytest.raises(TypeError):
        record.data["name"] = "Tổ khác"  # the values are read-only too
    with pytest.raises(AttributeError):
        record.team_id  # noqa: B018 - no peewee accessors: a reference is record.team / record["team"]


def test_a_reference_to_nothing_has_no_name_and_a_meeting_names_its_people(team):
    leader = PersonService.create({"full_name": "Lò Văn Thắng"})
    meeting = MeetingService.create({"team": team.id, "starts_at": "2025-03-05 08:00", "chair": leader.id,
                                     "title": "Họp định kỳ"})
    assert (meeting.name_of("team"), meeting.name_of("chair"), meeting.name_of("secretary")) == (
        "Tổ dân vận bản Nà Khoang", "Lò Văn Thắng", "")
    assert meeting.secretary is None


def test_create_update_restore_and_trash_give_plain_data(team):
    person = PersonService.create({"full_name": "Lò Thị Hoa"})
    changed = PersonService.update(person.id, {"phone": "0912 345 678"}, expected_version=person.version)
    assert isinstance(changed, RecordData) and changed.version == person.version + 1
    with pytest.raises(ConflictError):
        PersonService.update(person.id, {"phone": "0987 654 321"}, expected_version=person.version)
    PersonService.delete(person.id)
    trash = PersonService.trash()
    _no_rows(trash)
    assert [(r.id, r.full_name) for r in trash] == [(person.id, "Lò Thị Hoa")]
    assert isinstance(trash[0].deleted_at, dt.datetime)
    restored = PersonService.restore(person.id)
    _no_rows(restored)
    assert restored.deleted_at is None and PersonService.trash() == []


def test_a_form_validates_against_the_record_it_loaded(team):
    """validate() takes the RecordData a form holds: the record's own name is
    not a duplicate of itself, another area's is."""
    area = AreaService.get(team.area)
    assert AreaService.validate({"name": "Nà Khoang"}, area)["name"] == "Nà Khoang"
    AreaService.create({"name": "Huổi Sâu", "commune": "Nậm Pồ"})
    with pytest.raises(ValidationError) as err:
        AreaService.validate({"name": "Huổi Sâu"}, area)
    assert err.value.field == "name"


def test_members_and_mediation_parts_are_dataclasses(team):
    person = PersonService.create({"full_name": "Lò Văn Thắng", "gender": "nam"})
    MembershipService.create({"person": person.id, "team": team.id, "role": "to_truong", "start_date": "2020-01-01"})
    members = MembershipService.current(team.id)
    _no_rows(members)
    assert [(m.full_name, m.role, m.team_id) for m in members] == [("Lò Văn Thắng", "to_truong", team.id)]
    candidates = med.mediator_candidates(team.id)
    _no_rows(candidates)
    assert [(c.id, c.full_name, c.gender) for c in candidates] == [(person.id, "Lò Văn Thắng", "nam")]
    case = med.save_case({"received_on": dt.date(2024, 3, 1), "team": team.id},
                         [{"name": "Lò Văn A", "side": "A"}, {"name": "Quàng Thị B", "side": "B"}],
                         [{"person": person.id, "is_lead": True}], [{"held_on": dt.date(2024, 3, 2)}])
    detail = med.open_case_for_view(case.id)
    _no_rows(detail)
    assert detail.case.name_of("team") == "Tổ dân vận bản Nà Khoang"
    assert [p.name for p in detail.parties] == ["Lò Văn A", "Quàng Thị B"]
    assert [(m.person_id, m.is_lead) for m in detail.mediators] == [(person.id, True)]
    assert med.case_parts(case.id) == (detail.parties, detail.mediators, detail.sessions)
    assert PersonService.likely_duplicates("lo van thang", None)[0].id == person.id


# --- services.session --------------------------------------------------------------


def test_session_opens_describes_and_closes(tmp_path):
    path = tmp_path / "xa.sqlite3"
    assert session.locate(str(path)).where == str(path)
    with pytest.raises(DatabaseUnavailable):
        session.open(str(path), create=False)  # a read-only command does not create a database
    info = session.open(str(path))
    try:
        assert (info.kind, info.target, info.is_postgres) == ("sqlite", str(path), False)
        assert info.schema_version is not None and info.upgrade_backup is None
        assert session.current() == dataclasses.replace(info, schema_version=None, upgrade_backup=None)
        assert session.check().healthy
        AreaService.create({"name": "Nà Khoang"})
    finally:
        session.close()
    again = session.open(session.locate(str(path)), create=False)
    try:
        assert AreaService.get(1).name == "Nà Khoang" and again.schema_version == info.schema_version
    finally:
        session.close()


def test_session_locates_the_demo_file_and_servers_without_their_password(tmp_path):
    assert session.locate(demo=True).target.endswith("demo.sqlite3")
    assert session.locate(str(tmp_path / "x.db"), demo=True).target == str(tmp_path / "x.db")
    server = session.locate("postgresql://thu_ky:bi_mat@10.0.0.5:5432/dvdesktop")
    assert server.is_postgres and "bi_mat" not in server.where and "10.0.0.5" in server.where


def test_describe_error_puts_database_errors_into_vietnamese_and_leaves_bugs_alone():
    assert "khóa" in session.describe_error(pw.OperationalError("database is locked"))
    assert session.describe_error(ValueError("a bug")) is None


def test_worker_closes_the_threads_connection(tmp_path):
    session.open(str(tmp_path / "w.sqlite3"))
    try:
        from dvdesktop.store.base import database_proxy

        seen = {}

        def job():
            with session.worker():
                AreaService.create({"name": "Huổi Sâu"})
                seen["open_inside"] = not database_proxy.obj.is_closed()
            seen["open_after"] = not database_proxy.obj.is_closed()

        thread = threading.Thread(target=job)
        thread.start()
        thread.join()
        assert seen == {"open_inside": True, "open_after": False}
        assert AreaService.get(1).name == "Huổi Sâu"  # the other threads keep using the database
    finally:
        session.close()


def test_session_log_dir_is_created(tmp_path, monkeypatch):
    monkeypatch.setenv("DVDESKTOP_LOG_DIR", str(tmp_path / "nhat-ky"))
    assert session.log_dir() == tmp_path / "nhat-ky" and (tmp_path / "nhat-ky").is_dir()
