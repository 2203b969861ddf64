"""`dvdesktop backup`: a consistent copy of the database, even while in use."""
from __future__ import annotations

from pathlib import Path


def arguments(parser) -> None:
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite cần sao lưu")
    parser.add_argument("-o", "--output", required=True, help="tệp sao lưu sẽ ghi (trong một thư mục đã có)")


def run(args) -> int:
    from ..errors import UserError
    from ..services import session
    from ..services.backup import backup_database
    from ..services.files import format_size

    spec = session.locate(args.cmd_db or args.db)
    target = Path(args.output).expanduser()
    if spec.is_postgres:
        raise UserError("Cơ sở dữ liệu trên máy chủ PostgreSQL được sao lưu bằng pg_dump trên máy chủ.")
    if target.resolve() == Path(spec.target).resolve():
        raise UserError("Tệp sao lưu không được trùng với tệp cơ sở dữ liệu.")
    result = backup_database(spec.target, target)  # a mistyped folder is refused, never created
    print(f"Đã sao lưu {result.tables} bảng, {format_size(result.size_bytes)} vào «{result.path}».")
    return 0
