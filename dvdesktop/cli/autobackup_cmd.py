"""`dvdesktop autobackup`: one verified, rotated copy now (for a scheduled
task too), or the list of copies in the folder."""
from __future__ import annotations

from pathlib import Path


def arguments(p) -> None:
    p.add_argument("--db", dest="cmd_db", metavar="CSDL", help="tệp SQLite cần sao lưu")
    p.add_argument("--folder", metavar="THƯ_MỤC", help="thư mục sao lưu (mặc định: thư mục đã chọn trong chương trình)")
    p.add_argument("--list", action="store_true", help="chỉ liệt kê các bản sao lưu đang giữ")


def run(args) -> int:
    from ..errors import UserError
    from ..services import autobackup, session

    spec = session.locate(args.cmd_db or args.db)
    if spec.is_postgres:
        raise UserError("Cơ sở dữ liệu trên máy chủ PostgreSQL được sao lưu bằng pg_dump trên máy chủ.")
    folder = Path(args.folder).expanduser() if args.folder else autobackup.load_settings().target_folder()
    stem = Path(spec.target).stem
    if args.list:
        for taken, path in autobackup.copies(folder, stem):
            print(f"{taken:%d/%m/%Y %H:%M:%S}\t{path}")
        return 0
    if not Path(spec.target).exists():
        raise UserError(f"Không tìm thấy cơ sở dữ liệu «{spec.target}».")
    copy = autobackup.back_up(spec.target, folder)
    print(f"Đã sao lưu và kiểm tra: «{copy.path}» ({copy.records} bản ghi, "
          f"{copy.size_bytes / 1_048_576:.1f} MB); đang giữ {len(autobackup.copies(folder, stem))} bản.")
    return 0
