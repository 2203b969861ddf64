"""Numbered schema migrations.

A new database gets every table as the models define them and the latest
version number. An older database is upgraded one numbered step at a time
(after a backup copy, see database.open_database). Each step receives the
peewee database and a playhouse SchemaMigrator.

To change the schema: change the model, then append a step here that brings
a database of the previous version to the new shape, and add a test.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import peewee as pw

if TYPE_CHECKING:  # playhouse.migrate imports psycopg2 (through cockroachdb): only when upgrading
    from playhouse.migrate import SchemaMigrator


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[pw.Database, SchemaMigrator], None]


def _initial(db: pw.Database, migrator: SchemaMigrator) -> None:  # pragma: no cover - version 1 is created whole
    raise RuntimeError("version 1 is created by create_tables, never migrated to")


def _rating_stages(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Who recorded each stage of a team's yearly rating and when; whether a
    criteria set is still the shipped sample.

    Plain ALTER TABLE ... ADD COLUMN with a default: playhouse's add_column
    makes a NOT NULL column by rebuilding the table on SQLite, and dropping
    the old table would cascade-delete the rows that refer to it (criteria,
    scores)."""
    postgres = isinstance(db, pw.PostgresqlDatabase)
    boolean = "BOOLEAN NOT NULL DEFAULT FALSE" if postgres else "INTEGER NOT NULL DEFAULT 0"
    for table, column, kind in (
        ("evaluation", "self_on", "DATE"),
        ("evaluation", "self_by", "VARCHAR(200) NOT NULL DEFAULT ''"),
        ("evaluation", "review_on", "DATE"),
        ("evaluation", "review_by", "VARCHAR(200) NOT NULL DEFAULT ''"),
        ("evaluation", "decided_by", "VARCHAR(200) NOT NULL DEFAULT ''"),
        ("criteria_set", "is_sample", boolean),
    ):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}')


def _supervision(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Version 3: the table of people's supervision activities.

    The table is declared here as it was at version 3 (not through the current
    model): a later change of the model comes with a migration of its own."""
    from .base import SoftDeleteModel

    class Team(pw.Model):  # only the key the foreign key points to; the real model stays untouched
        id = pw.AutoField()

        class Meta:
            table_name = "team"

    class SupervisionActivity(SoftDeleteModel):
        team = pw.ForeignKeyField(Team, backref="+", on_delete="CASCADE")
        subject = pw.CharField(max_length=500)
        kind = pw.CharField(max_length=20, default="du_an", index=True)
        form = pw.CharField(max_length=200, default="")
        start_date = pw.DateField(index=True)
        end_date = pw.DateField(null=True)
        participants = pw.TextField(default="")
        participant_count = pw.IntegerField(default=0)
        findings = pw.TextField(default="")
        recommendations = pw.TextField(default="")
        sent_to = pw.CharField(max_length=300, default="")
        sent_on = pw.DateField(null=True)
        answer = pw.TextField(default="")
        answered_on = pw.DateField(null=True)
        acted_on = pw.CharField(max_length=20, default="")
        notes = pw.TextField(default="")
        search_text = pw.TextField(default="")

        class Meta:
            table_name = "supervision_activity"

    # bind_refs=False: binding the related models too would tie them to this connection for good
    db.bind([SupervisionActivity, Team], bind_refs=False, bind_backrefs=False)
    SupervisionActivity.create_table(safe=False)


def _accounts(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Version 4: accounts' confidential permission, sign-in throttling and the
    one-person office's automatic sign-in; the audit log made append-only."""
    from .audit_guard import install

    postgres = isinstance(db, pw.PostgresqlDatabase)
    false = "BOOLEAN NOT NULL DEFAULT FALSE" if postgres else "INTEGER NOT NULL DEFAULT 0"
    stamp = "TIMESTAMP" if postgres else "DATETIME"
    present = {c.name for c in db.get_columns("user")}  # a test may hand back a database with them
    for column, kind in (("confidential", false), ("failed_logins", "INTEGER NOT NULL DEFAULT 0"),
                         ("locked_until", stamp), ("auto_sign_in", false)):
        if column not in present:
            db.execute_sql(f'ALTER TABLE "user" ADD COLUMN "{column}" {kind}')
    # Administrators of the earlier versions keep seeing what they saw.
    db.execute_sql(f"""UPDATE "user" SET confidential = {'TRUE' if postgres else '1'} WHERE role = 'admin'""")
    install(db)


def _people_list_index(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Version 5: the people list's covering index (name order, id, folded
    search text) over live people only, declared on the model as well so a
    new database gets it from create_tables. It replaces the plain index
    on name_sort, which the planner preferred to it (then reading every row
    from the table)."""
    db.execute_sql('DROP INDEX IF EXISTS "person_name_sort"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "person_live_list" ON "person" ("name_sort", "id", "search_text") '
                   'WHERE "deleted_at" IS NULL')
    analyse_people(db)


def analyse_people(db: pw.Database) -> None:
    """The planner's figures for the person table only, in full.

    Without them SQLite guesses that "deleted_at IS NULL" picks a few rows
    and reads the deleted_at index, then sorts (the people list at 15–30 ms
    a keystroke instead of 4); sampled (analysis_limit) it guessed the same.
    Not every table: in full, the figures of columns nearly all NULL
    (meeting_task.carried_from) made the overdue tasks' NOT EXISTS scan
    every task per task (5 s on a province)."""
    for sql in people_analysis_sql(db):
        db.execute_sql(sql)


def people_analysis_sql(db: pw.Database) -> list[str]:
    """analyse_people's statements (the demo's bulk load runs them itself, as
    soon as the person table is complete)."""
    full = [] if isinstance(db, pw.PostgresqlDatabase) else ["PRAGMA analysis_limit = 0"]
    return full + ['ANALYZE "person"']


def _mediation_team(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Version 7: the tổ hòa giải of an area (its mediators over time) and the
    start and end time of a mediation session (the không-thành record states them).
    The table is declared as it was at version 7."""
    from .base import BaseModel

    class Area(pw.Model):
        id = pw.AutoField()

        class Meta:
            table_name = "area"

    class Person(pw.Model):
        id = pw.AutoField()

        class Meta:
            table_name = "person"

    class MediationTeamMember(BaseModel):
        area = pw.ForeignKeyField(Area, backref="+", on_delete="CASCADE")
        person = pw.ForeignKeyField(Person, backref="+", on_delete="CASCADE")
        role = pw.CharField(max_length=20, default="hoa_giai_vien")
        start_date = pw.DateField()
        end_date = pw.DateField(null=True)

        class Meta:
            table_name = "mediation_team_member"

    db.bind([MediationTeamMember, Area, Person], bind_refs=False, bind_backrefs=False)
    # safe: a step may meet a database that already has what it adds (tests that rewind the version)
    MediationTeamMember.create_table(safe=True)
    present = {c.name for c in db.get_columns("mediation_session")}
    for column in ("start_time", "end_time"):
        if column not in present:
            db.execute_sql(f'ALTER TABLE "mediation_session" ADD COLUMN "{column}" VARCHAR(5) NOT NULL DEFAULT \'\'')


MIGRATIONS: list[Migration] = [
    Migration(1, "Lược đồ ban đầu", _initial),
    Migration(2, "Đánh giá, xếp loại: ngày và người của từng bước; bộ tiêu chí mẫu", _rating_stages),
    Migration(3, "Giám sát của Nhân dân (hoạt động giám sát của Tổ dân vận)", _supervision),
    Migration(4, "Tài khoản: quyền xem hồ sơ bảo mật, chống dò mật khẩu; nhật ký không sửa được", _accounts),
    # 6 belonged to work merged alongside; a gap is harmless (pending() compares numbers)
    Migration(5, "Chỉ mục danh sách người (thứ tự tên, tìm kiếm không dấu)", _people_list_index),
    Migration(7, "Tổ hòa giải của địa bàn; giờ bắt đầu, kết thúc buổi hòa giải", _mediation_team),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def pending(current: int) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version > current]
