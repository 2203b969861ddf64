"""`dvdesktop check`: integrity and schema version of a database."""
from __future__ import annotations

import sys


def arguments(parser) -> None:
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite hoặc địa chỉ postgresql://…")


def run(args) -> int:
    from ..services import session

    info = session.open(args.cmd_db or args.db, create=False)
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
    return 1
