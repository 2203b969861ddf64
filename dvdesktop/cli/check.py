"""`dvdesktop check`: integrity and schema version of a database."""
from __future__ import annotations

import sys


def arguments(parser) -> None:
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite hoặc địa chỉ postgresql://…")


def run(args) -> int:
    from ..services import session

    from ..errors import DatabaseUnavailable

    try:
        info = session.open(args.cmd_db or args.db, create=False)
    except DatabaseUnavailable as exc:
        raise DatabaseUnavailable(exc.message + _backup_offer(args.cmd_db or args.db)) from exc
    try:
        report = session.check()
    finally:
        session.close()
    print(f"Cơ sở dữ liệu: {info.where} ({report.engine})")
    print(f"Phiên bản lược đồ: {report.schema_version} (chương trình: {report.latest_version})")
    if report.healthy:
        print("Tình trạng: tốt.")
        return 0
    for problem in report.problems:
        print(f"Lỗi: {problem}", file=sys.stderr)
    if offer := _backup_offer(args.cmd_db or args.db):
        print(offer.strip(), file=sys.stderr)
    return 1


def _backup_offer(value) -> str:
    """The newest good automatic copy of a damaged file, as a sentence (or "")."""
    from ..services import autobackup, session

    spec = session.locate(value)
    copy = None if spec.is_postgres else autobackup.newest_for(spec.target)
    if copy is None:
        return ""
    return (f" Có bản sao lưu tốt lúc {copy.taken_at:%H:%M %d/%m/%Y} ({copy.records} bản ghi): «{copy.path}»; "
            f"khôi phục bằng: dvdesktop restore \"{copy.path}\" --db \"{spec.target}\".")
