"""`dvdesktop print KIND [--id N | --number SỐ --year Y | --team T | --year Y | --area N | --on D] --db DB -o FILE`:
write a printed document as PDF or Word (by FILE's ending). The kinds and
the options each takes come from services/printing/catalog.py; --team takes
a team's id or name, --number a minutes or case number with its year."""
from __future__ import annotations

# How each option of the catalog is read from the command line.
_FLAGS = {"kien_toan": "--kien-toan", "show_names": "--show-names"}


def arguments(parser) -> None:
    from ..services.printing.catalog import DECLARED, KINDS, OPTIONS, option_help
    from . import year_arg
    from .values import TEAM_HELP, day_arg

    kinds = ", ".join(f"{k.key} ({k.label})" for k in DECLARED)
    parser.description = f"In văn bản ra tệp PDF hoặc Word. Loại văn bản: {kinds}."
    parser.add_argument("kind", choices=list(KINDS), metavar="LOẠI", help="loại văn bản: " + ", ".join(KINDS))
    types = {"id": int, "team": str, "area": int, "year": year_arg, "on": day_arg}
    helps = {"team": TEAM_HELP + "; bỏ trống: toàn xã"}
    for name in OPTIONS:
        if not any(name in k.needs for k in DECLARED):
            continue
        if name in _FLAGS:
            parser.add_argument(_FLAGS[name], dest=name, action="store_true", help=option_help(name))
        else:
            parser.add_argument(f"--{name}", type=types[name],
                                help=helps.get(name, option_help(name)) if name == "team" else option_help(name))
    parser.add_argument("--number", help="số biên bản họp hoặc số vụ việc hòa giải, kèm --year (ví dụ "
                                         "--number 03-BB/TDV --year 2025, --number 05/2025); thay cho --id")
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite hoặc địa chỉ postgresql://…")
    parser.add_argument("-o", "--output", required=True, help="tệp kết quả, đuôi .pdf hoặc .docx")


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

    from ..services.files import check_output_folder
    from .values import team_id

    file_format(args.output)  # a wrong ending, a missing or unwritable folder: refused before any work
    check_output_folder(args.output)
    session.open(args.cmd_db or args.db, create=False)
    try:
        given = options(args)
        if "team" in given:
            given["team"] = team_id(given["team"])
        if getattr(args, "number", None):
            from ..services.record_lists import find_by_number

            given["id"] = find_by_number(args.kind, args.number, given.get("year"), given.get("team"))
        path = print_document(args.kind, args.output, **given)
    finally:
        session.close()
    print(f"Đã ghi {path}")
    return 0
