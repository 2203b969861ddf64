"""`dvdesktop exchange export --db DB -o FILE` and `dvdesktop exchange import
FILE --db DB`: a commune's records as one package, merged into the
province's database by uid."""
from __future__ import annotations

import argparse
import sys


def arguments(p) -> None:
    sub = p.add_subparsers(dest="exchange_command", metavar="VIỆC", parser_class=type(p))
    sub.required = True
    e = sub.add_parser("export", help="xuất toàn bộ hồ sơ của xã thành một tệp gói",
                       description="Ghi mọi hồ sơ của cơ sở dữ liệu (cả thùng rác) thành một tệp gói để gửi tỉnh. "
                                   "Dữ liệu cá nhân nhạy cảm để ra ngoài, trừ khi có --include-sensitive.")
    e.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    e.add_argument("-o", "--output", required=True, metavar="TỆP", help="tệp gói ghi ra (.dvx)")
    e.add_argument("--include-sensitive", action="store_true",
                   help="gửi cả dữ liệu cá nhân nhạy cảm (các bên hòa giải, người phản ánh)")
    e.set_defaults(exchange_handler=run_export)
    i = sub.add_parser("import", help="nhập một tệp gói của xã vào cơ sở dữ liệu",
                       description="Nhập gói của xã theo mã uid: bản ghi mới được thêm, phiên bản mới thay bản cũ, "
                                   "nhập lại lần nữa không đổi gì; xung đột được liệt kê và giữ bản đang có.")
    i.add_argument("file", metavar="TỆP")
    i.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    i.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và đếm, không ghi gì")
    i.set_defaults(exchange_handler=run_import)


def run(args) -> int:
    return args.exchange_handler(args)


def _open(args, create: bool) -> None:
    from ..services import session

    session.open(session.locate(getattr(args, "db", None), demo=getattr(args, "demo", False)), create=create)


def run_export(args) -> int:
    from ..services.exchange import export_package
    from ..services.session import close

    _open(args, create=False)
    try:
        info = export_package(args.output, include_sensitive=args.include_sensitive)
    finally:
        close()
    print(f"Đã ghi {info.describe()} vào «{args.output}».")
    return 0


def run_import(args) -> int:
    from ..services.exchange import import_package
    from ..services.session import close

    _open(args, create=True)
    try:
        result = import_package(args.file, dry_run=args.dry_run)
    finally:
        close()
    print(result.summary())
    for line in result.details():
        print(line)
    for line in result.conflicts:
        print(f"Xung đột: {line}", file=sys.stderr)
    return 0
