"""`dvdesktop report annual|period … --db DB -o FILE`: the work report of the
Tổ dân vận (báo cáo tổng kết năm, or báo cáo kết quả of a month, quarter,
6 months or any range) as PDF, Word or Excel, by FILE's ending."""
from __future__ import annotations

import argparse


def arguments(parser) -> None:
    from . import year_arg

    kinds = parser.add_subparsers(dest="report_kind", metavar="LOẠI", required=True)
    annual = kinds.add_parser("annual", help="báo cáo tổng kết năm",
                              description="Báo cáo tổng kết công tác Tổ dân vận năm Y, so sánh với năm Y-1.")
    annual.add_argument("--year", type=year_arg, required=True, help="năm báo cáo")
    period = kinds.add_parser("period", help="báo cáo kết quả một kỳ (tháng, quý, 6 tháng, khoảng ngày)",
                              description="Báo cáo kết quả công tác Tổ dân vận từ ngày đến ngày, so với cùng kỳ năm trước.")
    period.add_argument("--from", dest="date_from", required=True, metavar="NGÀY", help="từ ngày, dd/mm/yyyy hoặc yyyy-mm-dd")
    period.add_argument("--to", dest="date_to", required=True, metavar="NGÀY", help="đến ngày, dd/mm/yyyy hoặc yyyy-mm-dd")
    for p in (annual, period):
        p.add_argument("--commune", metavar="MÃ", help="mã xã, phường (cơ sở dữ liệu của tỉnh; bỏ trống: toàn bộ)")
        p.add_argument("--db", dest="cmd_db", default=None, help="tệp SQLite hoặc địa chỉ postgresql://…")
        p.add_argument("-o", "--output", required=True, help="tệp kết quả, đuôi .pdf, .docx hoặc .xlsx")


def run(args: argparse.Namespace) -> int:
    from ..services import reports
    from ..services.reports.output import report_format
    from ..services import session

    report_format(args.output)  # a wrong ending is refused before any work
    if args.report_kind == "period":
        start, end = reports.parse_day(args.date_from), reports.parse_day(args.date_to)
        reports.Period(start, end)  # "from" after "to" is refused before the database is opened
    session.open(session.locate(args.cmd_db or args.db, demo=getattr(args, "demo", False)), create=False)
    try:
        if args.report_kind == "annual":
            figures = reports.annual(args.year, args.commune)
        else:
            figures = reports.period(start, end, args.commune)
        path = reports.write_report(figures, args.output)
    finally:
        session.close()
    print(f"Đã ghi {path}")
    return 0
