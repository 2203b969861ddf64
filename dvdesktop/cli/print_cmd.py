"""`dvdesktop print KIND [--id N | --team N | --year Y | --area N | --on D] --db DB -o FILE`:
write a printed document as PDF or Word (by FILE's ending). The kinds and
the options each takes come from services/printing/catalog.py."""
from __future__ import annotations

# How each option of the catalog is read from the command line.
_FLAGS = {"kien_toan": "--kien-toan", "show_names": "--show-names"}


def arguments(parser) -> None:
    from ..services.printing.catalog import DECLARED, KINDS, OPTIONS, option_help
    from . import year_arg

    kinds = ", ".join(f"{k.key} ({k.label})" for k in DECLARED)
    parser.description = f"In văn bản ra tệp PDF hoặc Word. Loại văn bản: {kinds}."
    parser.add_argument("kind", choices=list(KINDS), metavar="LOẠI", help="loại văn bản: " + ", ".join(KINDS))
    types = {"id": int, "team": int, "area": int, "year": year_arg, "on": _day}
    for name in OPTIONS:
        if not any(name in k.needs for k in DECLARED):
            continue
        if name in _FLAGS:
            parser.add_argument(_FLAGS[name], dest=name, action="store_true", help=option_help(name))
        else:
            parser.add_argument(f"--{name}", type=types[name], help=option_help(name))
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite hoặc địa chỉ postgresql://…")
    parser.add_argument("-o", "--output", required=True, help="tệp kết quả, đuôi .pdf hoặc .docx")


def _day(text: str):
    import argparse

    from ..vn import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def options(args) -> dict:
    """The print options from the parsed command line (those the parser has)."""
    from ..services.printing.catalog import OPTIONS

    given = {name: getattr(args, name) for name in OPTIONS if hasattr(args, name)}
    kien_toan = given.pop("kien_toan", False)
    given["decision_kind"] = "kien_toan" if kien_toan else "thanh_lap"
    given["show_names"] = bool(given.get("show_names"))
    return given


def run(args) -> int:
    from ..documents.render import file_format
    from ..services import session
    from ..services.printing import print_document

    file_format(args.output)  # a wrong ending is refused before the database is opened
    session.open(args.cmd_db or args.db, create=False)
    try:
        path = print_document(args.kind, args.output, **options(args))
    finally:
        session.close()
    print(f"Đã ghi {path}")
    return 0
