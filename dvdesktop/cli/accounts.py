"""`dvdesktop accounts`: the program's accounts from the command line.

On a local file the command line acts as an administrator (whoever can read
the file can read the data); on a server it acts as the database user of the
URL, with the rights of the program account of the same name
(services/access.py). Passwords are read from the terminal, or from stdin
with --password-stdin (scripts), never from an argument.
"""
from __future__ import annotations

import getpass
import sys

from ..errors import UserError


def arguments(p) -> None:
    p.add_argument("--db", dest="cmd_db", metavar="CSDL", help="tệp SQLite hoặc postgresql://…")
    sub = p.add_subparsers(dest="action", required=True, metavar="VIỆC")
    sub.add_parser("list", help="danh sách tài khoản")
    add = sub.add_parser("add", help="thêm tài khoản")
    add.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP")
    add.add_argument("--name", required=True, metavar="HỌ_TÊN", help="họ và tên")
    add.add_argument("--role", choices=("admin", "clerk", "viewer"), default="clerk", metavar="QUYỀN",
                     help="admin (quản trị), clerk (cán bộ), viewer (chỉ xem)")
    add.add_argument("--confidential", action="store_true", help="được xem hồ sơ bảo mật")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    pw = sub.add_parser("password", help="đặt lại mật khẩu (mở khóa tài khoản)")
    pw.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP")
    pw.add_argument("--password-stdin", action="store_true")
    off = sub.add_parser("disable", help="ngừng dùng một tài khoản")
    off.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise UserError("Hai lần nhập mật khẩu không giống nhau.")
    return first


def _find(name: str):
    from ..services.users import UserService

    for account in UserService.accounts():
        if account.username == name.strip().lower():
            return account
    raise UserError(f"Không có tài khoản «{name}».")


def run(args) -> int:
    from ..services import session
    from ..services.users import UserService

    session.open(args.cmd_db or args.db, create=False)
    try:
        if args.action == "list":
            for a in UserService.accounts():
                flags = [a.role_name]
                if a.confidential:
                    flags.append("xem hồ sơ bảo mật")
                if not a.active:
                    flags.append("ngừng dùng")
                if a.auto_sign_in:
                    flags.append("tự đăng nhập")
                if a.locked_until:
                    flags.append(f"khóa đến {a.locked_until:%H:%M %d/%m/%Y}")
                print(f"{a.username}\t{a.full_name}\t{', '.join(flags)}")
        elif args.action == "add":
            a = UserService.add(args.username, args.name, args.role, _password(args.password_stdin),
                                confidential=args.confidential)
            print(f"Đã thêm tài khoản «{a.username}» ({a.role_name}).")
        elif args.action == "password":
            a = _find(args.username)
            UserService.set_password(a.id, _password(args.password_stdin))
            print(f"Đã đặt lại mật khẩu của «{a.username}».")
        elif args.action == "disable":
            a = _find(args.username)
            UserService.update(a.id, {"active": False}, expected_version=a.version)
            print(f"Tài khoản «{a.username}» đã ngừng dùng.")
    finally:
        session.close()
    return 0
