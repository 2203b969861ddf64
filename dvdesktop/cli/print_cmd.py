"""`dvdesktop print KIND [--id N | --team N | --year Y | --area N] --db DB -o FILE`:
write a printed document as PDF or Word (by FILE's ending)."""
from __future__ import annotations


def register(sub) -> None:
    from ..services.core.vocab import PRINT_KINDS as KINDS
    from . import year_arg

    kinds = ", ".join(f"{k} ({label})" for k, label in KINDS.items())
    parser = sub.add_parser("print", help="in văn bản ra tệp PDF hoặc Word",
                            description=f"In văn bản ra tệp PDF hoặc Word. Loại văn bản: {kinds}.")
    parser.add_argument("kind", choices=list(KINDS), metavar="LOẠI", help="loại văn bản: " + ", ".join(KINDS))
    parser.add_argument("--id", type=int, help="số cuộc họp (minutes, attendance-sheet), buổi tuyên truyền (outreach) "
                        "hoặc vụ việc hòa giải (mediation)")
    parser.add_argument("--team", type=int, help="số Tổ dân vận (bỏ trống: toàn xã)")
    parser.add_argument("--year", type=year_arg, help="năm (concerns, register; mặc định năm nay)")
    parser.add_argument("--area", type=int, help="số địa bàn (register; bỏ trống: toàn xã)")
    parser.add_argument("--on", type=_day, help="ngày lập danh sách / quyết định kiện toàn, dd/mm/yyyy (mặc định hôm nay)")
    parser.add_argument("--kien-toan", action="store_true", help="quyết định kiện toàn thay vì thành lập (decision)")
    parser.add_argument("--show-names", action="store_true",
                        help="in cả họ tên người phản ánh (concerns; mặc định ẩn vì là dữ liệu cá nhân)")
    parser.add_argument("--db", dest="cmd_db", help="tệp SQLite hoặc địa chỉ postgresql://…")
    parser.add_argument("-o", "--output", required=True, help="tệp kết quả, đuôi .pdf hoặc .docx")
    parser.set_defaults(handler=run)


def _day(text: str):
    import argparse

    from ..vn import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(args) -> int:
    from ..documents.render import file_format
    from ..services import session
    from ..services.printing import print_document

    file_format(args.output)  # a wrong ending is refused before the database is opened
    session.open(args.cmd_db or args.db, create=False)
    try:
        path = print_document(args.kind, args.output, id=args.id, team=args.team, year=args.year,
                              show_names=args.show_names, on=args.on, area=args.area,
                              decision_kind="kien_toan" if args.kien_toan else "thanh_lap")
    finally:
        session.close()
    print(f"Đã ghi {path}")
    return 0
