"""`dvdesktop restore FILE --db DB`: put a backup copy back in place of a
SQLite database; what the copy holds is printed first, and the database it
replaces is kept beside it (services/restore.py)."""
from __future__ import annotations


def arguments(parser) -> None:
    parser.add_argument("backup", metavar="TỆP_SAO_LƯU", help="bản sao lưu (tệp đã ghi bằng lệnh backup)")
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite sẽ được thay (mặc định: tệp trong thư mục dữ liệu)")
    parser.add_argument("--xem", dest="look", action="store_true", help="chỉ xem bản sao lưu, không khôi phục")


def run(args) -> int:
    from ..errors import UserError
    from ..services import session
    from ..services.restore import inspect_backup, restore_backup

    spec = session.locate(args.cmd_db or args.db)
    if spec.is_postgres:
        raise UserError("Cơ sở dữ liệu trên máy chủ PostgreSQL được khôi phục trên máy chủ (pg_restore).")
    summary = inspect_backup(args.backup)
    print("Bản sao lưu:")
    for line in summary.lines():
        print(f"  {line}")
    if args.look:
        return 0
    result = restore_backup(args.backup, spec.target)
    print(f"Đã khôi phục vào «{result.target}».")
    if result.kept_aside is not None:
        print(f"Cơ sở dữ liệu cũ được giữ lại là «{result.kept_aside}».")
    return 0
