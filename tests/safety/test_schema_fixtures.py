"""Every released schema opens and upgrades: a small database of each
(tests/fixtures/schemas/schema_vN.sqlite3, made by make_fixture.py with that
version's own code) is copied, opened, upgraded after a backup, checked, and
used: its accounts sign in with their old passwords, its records read back."""
from __future__ import annotations

import shutil
from pathlib import Path

import peewee as pw
import pytest

from dvdesktop.services import access, session, users
from dvdesktop.services.mediation.records import open_case_for_view
from dvdesktop.services.register import PersonService
from dvdesktop.store import close_database, migrations
from dvdesktop.store.models import AuditLog, MediationCase, Meeting, MeetingAttendance, Person, User

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"


@pytest.mark.parametrize("version", [1, 2, 3])
def test_released_schema_opens_and_upgrades(version, tmp_path):
    path = tmp_path / f"xa-v{version}.sqlite3"
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite3", path)
    original = (FIXTURES / f"schema_v{version}.sqlite3").read_bytes()
    info = session.open(str(path), create=False)
    try:
        assert info.schema_version == migrations.latest_version()
        backup = Path(info.upgrade_backup)
        assert backup.exists() and f".v{version}-" in backup.name  # the copy taken before upgrading
        report = session.check()
        assert report.healthy, report.problems
        # The records of the old version, whole.
        assert [p.full_name for p in Person.select().order_by(Person.id)] == ["Lò Văn Panh", "Quàng Thị Hoa", "Tòng Văn Tâm"]
        assert MeetingAttendance.select().count() == 3 and Meeting.select().count() == 1
        assert MediationCase.select().count() == 1 and AuditLog.select().count() == 1
        # Accounts of the old version: PBKDF2 passwords still sign in and become scrypt; the old
        # administrator keeps seeing confidential records.
        who = users.sign_in("quantri", "mat-khau-cu-1")
        assert who.is_admin and who.confidential
        assert User.get(User.username == "quantri").password_hash.startswith("scrypt$")
        assert open_case_for_view(MediationCase.select().first().id).case.summary == "Tranh chấp lối đi"
        PersonService.create({"full_name": "Lò Thị Mới"})
        access.sign_out()
        clerk = users.sign_in("canbo", "mat-khau-cu-1")
        assert clerk.role == "clerk" and not clerk.confidential
        # The audit log of the upgraded file is append-only too.
        with pytest.raises(pw.DatabaseError, match="append-only"):
            AuditLog.delete().execute()
    finally:
        access.sign_out()
        close_database()
    assert (FIXTURES / f"schema_v{version}.sqlite3").read_bytes() == original
    # Opened again: nothing more to upgrade, no second backup.
    again = session.open(str(path), create=False)
    close_database()
    assert again.upgrade_backup is None


def test_fixture_versions_are_the_released_ones():
    import sqlite3

    for version in (1, 2, 3):
        conn = sqlite3.connect(f"file:{FIXTURES / f'schema_v{version}.sqlite3'}?mode=ro", uri=True)
        try:
            assert conn.execute("SELECT value FROM dv_meta WHERE key='schema_version'").fetchone()[0] == str(version)
        finally:
            conn.close()
