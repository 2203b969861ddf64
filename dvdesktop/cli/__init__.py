"""The command line: `dvdesktop [--db DB] [--demo] [COMMAND ...]`.

Each command is declared once in COMMANDS (its name, its help, its module);
the module has `arguments(parser)` and `run(args)`, which returns an exit
code and imports its heavy dependencies itself, so that building the parser
stays cheap and the window opens quickly. User and data errors exit 1 with one
Vietnamese line on stderr, wrong usage exits 2, and a traceback is shown only
with --debug.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from typing import NamedTuple

from .. import __version__
from ..errors import UserError
from . import argparse_vi



class Command(NamedTuple):  # not a dataclass: the window starts without dataclasses (~2 ms, ~1 ms a class)
    name: str  # `dvdesktop NAME`
    help: str  # one Vietnamese line in `dvdesktop --help`
    module: str  # the module of this package with arguments(parser) and run(args)
    description: str = ""  # `dvdesktop NAME --help` (the module may say more)

    def load(self):
        return importlib.import_module(f"{__name__}.{self.module}")


# The commands, in the order `--help` lists them.
COMMANDS = (
    Command("demo", "tạo cơ sở dữ liệu mẫu", "demo",
            "Tạo dữ liệu mẫu: một xã (commune) hoặc cả tỉnh (province), năm năm hoạt động. "
            "Cùng hạt giống (--seed) cho cùng dữ liệu. Mặc định ghi vào tệp mẫu riêng, "
            "không bao giờ ghi vào cơ sở dữ liệu thật."),
    Command("stats", "thống kê số liệu", "stats", "Thống kê tổ, thành viên và hoạt động."),
    Command("check", "kiểm tra tính toàn vẹn và phiên bản cơ sở dữ liệu", "check"),
    Command("backup", "sao lưu cơ sở dữ liệu ra một tệp", "backup"),
    Command("restore", "khôi phục cơ sở dữ liệu từ bản sao lưu (giữ lại bản cũ)", "restore_cmd",
            "Thay cơ sở dữ liệu bằng một bản sao lưu. In ngày sao lưu và số bản ghi trước; "
            "cơ sở dữ liệu bị thay được giữ lại bên cạnh (tên có «truoc-khoi-phuc»)."),
    Command("list", "liệt kê bản ghi (số ID, số hiệu, ngày, tổ) để in", "list_cmd"),
    Command("print", "in văn bản ra tệp PDF hoặc Word", "print_cmd"),
    Command("report", "báo cáo công tác Tổ dân vận (PDF, Word, Excel)", "report",
            "Báo cáo tổng kết năm hoặc báo cáo kết quả một kỳ, lập từ số liệu đã ghi."),
    Command("evaluate", "đánh giá, xếp loại Tổ dân vận", "evaluate",
            "Đánh giá, xếp loại Tổ dân vận: điểm gợi ý, bộ tiêu chí của năm."),
    Command("import", "nhập danh sách từ tệp Excel", "import_cmd"),
    Command("export", "xuất một danh sách ra tệp Excel", "export_cmd",
            "Xuất danh sách ra tệp Excel (.xlsx): tên cột tiếng Việt, dòng tiêu đề cố định, bộ lọc, ngày là ngày."),
    Command("exchange", "gói dữ liệu trao đổi giữa xã và tỉnh", "exchange",
            "Xã xuất toàn bộ hồ sơ thành một tệp gói; tỉnh nhập các gói vào cơ sở dữ liệu của tỉnh "
            "(theo mã uid: bản mới thay bản cũ, nhập lại không đổi gì, xung đột được liệt kê)."),
    Command("accounts", "tài khoản người dùng", "accounts",
            "Tài khoản: trên tệp máy này dòng lệnh là người quản trị; trên máy chủ là người dùng cơ sở dữ liệu."),
    Command("audit", "nhật ký thay đổi và xem hồ sơ bảo mật", "audit_cmd"),
    Command("autobackup", "sao lưu tự động: một bản đã kiểm tra, xoay vòng 7 ngày/4 tuần/12 tháng", "autobackup_cmd"),
    Command("personal", "dữ liệu cá nhân: xuất, xóa một người; thời hạn lưu giữ", "personal"),
)
LOG_NAME = "dvdesktop.log"  # the GUI's log file too (gui/errors.py)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with Vietnamese words and placeholders (cli/argparse_vi.py)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse_vi.VietnameseHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message):  # usage errors exit 2, as argparse does, with our wording
        for english, words in argparse_vi.TYPE_NAMES.items():
            message = message.replace(f"(cần {english})", f"(cần {words})")
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi cú pháp: {message}\n")


def year_arg(text: str) -> int:
    """An --year value: a year the program can store (a usage error otherwise)."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"năm «{text}» không phải là số") from None
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"năm {year} không hợp lệ (1900–2200)")
    return year


def _log_unexpected() -> str:
    """Append the current exception's trace to the log file (never to the
    terminal); the file's path, or "" when it cannot be written."""
    try:
        import datetime as dt  # not at the top: the window starts without it

        from ..services.session import log_dir

        path = log_dir() / LOG_NAME
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} ERROR dvdesktop.cli: unexpected error\n")
            f.write(traceback.format_exc())
        return str(path)
    except OSError:
        return ""


def build_parser(load_commands: bool = True, *, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without *load_commands* only the program's
    own options and the commands' names (no command module is imported);
    without *commands* only the program's own options."""
    argparse_vi.install()
    parser = VietnameseParser(prog="dvdesktop", description="Quản lý Tổ dân vận ở cơ sở.")
    parser.add_argument("--version", action="version", version=f"dvdesktop {__version__}",
                        help="in số phiên bản rồi thoát")
    parser.add_argument("--db", metavar="CSDL", help="tệp SQLite hoặc địa chỉ postgresql://… (mặc định: DVDESKTOP_DB hoặc tệp trong thư mục dữ liệu)")
    parser.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu mẫu (tạo khi chưa có)")
    parser.add_argument("--debug", action="store_true", help="in đầy đủ lỗi để gỡ rối")
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra chương trình trên máy này (cơ sở dữ liệu thử, in, cửa sổ) rồi thoát")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=VietnameseParser, metavar="LỆNH", title="các lệnh")
    for command in COMMANDS:
        if not load_commands:
            sub.add_parser(command.name, help=command.help, add_help=False)
            continue
        p = sub.add_parser(command.name, help=command.help, description=command.description or None)
        module = command.load()
        module.arguments(p)
        p.set_defaults(handler=module.run)
    return parser


def window_only(argv: list[str]) -> bool:
    """True when *argv* holds only the window's own options, spelled out in
    full (`--db CSDL`, `--db=CSDL`, `--demo`, `--debug`, `--self-test`):
    anything else (a command, --help, an abbreviation, a mistake) is left to
    the parser that knows every command."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--demo", "--debug", "--self-test") or arg.startswith("--db="):
            i += 1
        elif arg == "--db" and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
            i += 2
        else:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    # The window starts without importing the 17 command modules (their
    # parsers only matter when a command is given): a first pass finds the command.
    # Its 17 sub-parsers cost ~2 ms; a window's start (no command) needs none of them.
    given = sys.argv[1:] if argv is None else argv
    args, rest = build_parser(load_commands=False, commands=not window_only(given)).parse_known_args(argv)
    if args.command is not None or rest:
        args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command is not None or args.self_test:
        from ..startup_gc import resume

        resume()  # the window resumes it after its first paint (startup_gc.py)
    try:
        if args.self_test:
            from .self_test import run as self_test

            return self_test(args)
        if args.command is None:
            from ..gui.app import run_gui

            return run_gui(args)
        from ..services import access

        # A local file: an administrator; a server: the database user (services/access.py).
        access.sign_out()
        access.act_as_command_line()
        try:
            return int(args.handler(args) or 0)
        finally:
            access.act_as_command_line(False)
            access.sign_out()
    except UserError as exc:
        if args.debug:
            raise
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `dvdesktop list … | head`: the reader has had enough
        sys.stdout = None
        return 0
    except OSError as exc:  # a file or folder of the environment: a sentence that names it
        if args.debug:
            raise
        from ..services.files import describe_os_error

        print(f"Lỗi: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        if args.debug:
            raise
        from ..services.session import describe_error

        message = describe_error(exc)
        if message:  # the environment (read-only file, lock, server gone), not a bug
            print(f"Lỗi: {message}", file=sys.stderr)
            return 1
        where = _log_unexpected()
        detail = f"chi tiết đã ghi vào «{where}»" if where else "chạy lại với --debug để xem chi tiết"
        print(f"Lỗi không mong muốn ({type(exc).__name__}); {detail}.", file=sys.stderr)
        return 1
