"""`dvdesktop personal`: one person's data (export, erase) and the retention
of closed mediation cases; an administrator's work."""
from __future__ import annotations


def arguments(p) -> None:
    p.add_argument("--db", dest="cmd_db", metavar="CSDL", help="tệp SQLite hoặc postgresql://…")
    sub = p.add_subparsers(dest="action", required=True, metavar="VIỆC")
    ex = sub.add_parser("export", help="xuất mọi dữ liệu về một người ra tệp JSON")
    ex.add_argument("--person", type=int, required=True, metavar="SỐ", help="số của người (cột Số trong danh sách)")
    ex.add_argument("-o", "--output", required=True, metavar="TỆP")
    er = sub.add_parser("erase", help="xóa thông tin cá nhân của một người (giữ lịch sử, ẩn danh)")
    er.add_argument("--person", type=int, required=True, metavar="SỐ")
    er.add_argument("--yes", action="store_true", help="xác nhận: không hoàn tác được")
    rt = sub.add_parser("retention", help="thời hạn lưu giữ thông tin đương sự của vụ việc hòa giải đã xong")
    rt.add_argument("--years", type=int, metavar="SỐ_NĂM", help="đặt thời hạn (năm); 0 = giữ mãi")
    rt.add_argument("--apply", action="store_true", help="xóa thông tin đương sự của các vụ đã quá hạn")


def run(args) -> int:
    from ..errors import UserError
    from ..services import personal_data, session

    session.open(args.cmd_db or args.db, create=False)
    try:
        if args.action == "export":
            path = personal_data.export_person(args.person, args.output)
            print(f"Đã xuất dữ liệu của người số {args.person} vào «{path}».")
        elif args.action == "erase":
            if not args.yes:
                raise UserError("Xóa thông tin cá nhân không hoàn tác được: thêm --yes để xác nhận.")
            personal_data.erase_person(args.person)
            print(f"Đã xóa thông tin cá nhân của người số {args.person}; lịch sử hoạt động vẫn giữ.")
        else:
            if args.years is not None:
                personal_data.set_retention_years(args.years or None)
            years = personal_data.retention_years()
            print(f"Thời hạn lưu giữ: {f'{years} năm' if years else 'giữ mãi'}.")
            due = personal_data.due_for_retention()
            if args.apply:
                result = personal_data.apply_retention()
                print(f"Đã xóa thông tin đương sự của {result.cases} vụ việc ({result.parties} đương sự).")
            else:
                print(f"{len(due)} vụ việc đã quá hạn (thêm --apply để xóa thông tin đương sự).")
    finally:
        session.close()
    return 0
