"""Health check of an open database: engine integrity, foreign keys, schema version."""
from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw

from . import migrations
from .database import schema_version, sqlite_error


@dataclass
class HealthReport:
    schema_version: int | None
    latest_version: int
    engine: str
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check(db: pw.Database) -> HealthReport:
    is_sqlite = isinstance(db, pw.SqliteDatabase)
    report = HealthReport(schema_version(db), migrations.latest_version(), "SQLite" if is_sqlite else "PostgreSQL")
    try:
        _check_engine(db, is_sqlite, report)
    except (pw.DatabaseError, sqlite_error("DatabaseError")) as exc:
        report.problems.append(f"Tệp cơ sở dữ liệu bị hỏng, không đọc hết được ({exc}).")
    if report.schema_version != report.latest_version:
        report.problems.append(
            f"Phiên bản lược đồ {report.schema_version} khác phiên bản của chương trình ({report.latest_version})."
        )
    return report


def _check_engine(db: pw.Database, is_sqlite: bool, report: HealthReport) -> None:
    if is_sqlite:
        rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            report.problems.append("Tệp cơ sở dữ liệu bị hỏng: " + "; ".join(rows[:5]))
        broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            tables = sorted({row[0] for row in broken})
            report.problems.append(f"{len(broken)} bản ghi tham chiếu tới bản ghi không còn tồn tại (bảng {', '.join(tables)}).")
    else:
        db.execute_sql("SELECT count(*) FROM person").fetchone()
