"""`dvdesktop import members FILE --db DB [--dry-run]`: a list of people kept
in Excel into the database, all or nothing."""
from __future__ import annotations

import argparse
import sys


def arguments(p) -> None:
    sub = p.add_subparsers(dest="import_kind", metavar="LOẠI", parser_class=type(p))
    sub.required = True
    m = sub.add_parser("members", help="danh sách thành viên (người) từ tệp Excel .xlsx",
                       description="Nhập danh sách người từ tệp Excel (.xlsx) như xã vẫn lưu: tìm dòng tiêu đề theo "
                                   "chữ, bỏ dòng tiêu đề trang, ô gộp, dòng trống; đổi chữ TCVN3/VNI sang Unicode. "
                                   "Người đã có (cùng họ tên, năm sinh, địa bàn) được cập nhật, không thêm trùng. "
                                   "Có dòng sai thì không ghi gì và liệt kê từng dòng.")
    m.add_argument("file", metavar="TỆP")
    m.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    m.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu tiên có dòng tiêu đề)")
    m.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    m.set_defaults(import_handler=run_members)
    a = sub.add_parser("areas", help="danh sách địa bàn (thôn, bản, tổ dân phố) và Tổ dân vận từ tệp Excel .xlsx",
                       description="Nhập danh sách địa bàn: tên, loại, xã, số hộ, số nhân khẩu, các dân tộc; nếu có "
                                   "cột số quyết định, ngày thành lập, cán bộ phụ trách thì cả Tổ dân vận của địa bàn. "
                                   "Địa bàn đã có (cùng tên trong cùng xã) được cập nhật. Có dòng sai thì không ghi gì.")
    a.add_argument("file", metavar="TỆP")
    a.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    a.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    a.set_defaults(import_handler=run_areas)


def run(args) -> int:
    return args.import_handler(args)


def run_areas(args) -> int:
    from ..services import session
    from ..services.importing.areas import apply_areas, preview_areas

    session.open(session.locate(getattr(args, "db", None), demo=getattr(args, "demo", False)))
    try:
        plan = preview_areas(args.file)
        print(f"Tệp «{args.file}», trang «{plan.sheet}», dòng tiêu đề {plan.header_row}: {plan.summary()}.")
        if plan.errors:
            for line in plan.errors:
                print(line, file=sys.stderr)
            print(f"Lỗi: {len(plan.errors)} lỗi; chưa ghi gì vào cơ sở dữ liệu.", file=sys.stderr)
            return 1
        for row in plan.rows:
            if row.action == "update":
                print(f"{'Sẽ cập nhật' if args.dry_run else 'Cập nhật'} dòng {row.row} — {row.name}: {'; '.join(row.changes)}")
        if args.dry_run:
            print("Chạy thử (--dry-run): chưa ghi gì.")
            return 0
        print(apply_areas(plan))
        return 0
    finally:
        session.close()


def run_members(args) -> int:
    from ..services import session
    from ..services.importing.members import apply_members, preview_members

    session.open(session.locate(getattr(args, "db", None), demo=getattr(args, "demo", False)))
    try:
        plan = preview_members(args.file, sheet=args.sheet)
        print(f"Tệp «{args.file}», trang «{plan.sheet}», dòng tiêu đề {plan.header_row}: {plan.summary()}.")
        if plan.encoding != "unicode":
            print(f"Chữ trong tệp được gõ bằng bảng mã {plan.encoding.upper()}, đã đổi sang Unicode.")
        if plan.errors:
            for line in plan.errors:
                print(line, file=sys.stderr)
            print(f"Lỗi: {len(plan.errors)} lỗi trong {plan.count('error')} dòng; chưa ghi gì vào cơ sở dữ liệu.",
                  file=sys.stderr)
            return 1
        for line in plan.new_areas:
            print(f"Địa bàn mới: {line}")
        for line in plan.new_teams:
            print(f"Tổ mới: {line}")
        if args.dry_run:
            for row in plan.rows:
                if row.action == "update":
                    print(f"Sẽ cập nhật dòng {row.row} — {row.full_name}: {'; '.join(row.changes)}")
            print("Chạy thử (--dry-run): chưa ghi gì.")
            return 0
        result = apply_members(plan)
        for line in result.changes:
            print(line)
        print(result.summary())
        return 0
    finally:
        session.close()
