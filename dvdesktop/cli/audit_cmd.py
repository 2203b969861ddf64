"""`dvdesktop audit`: read or export the audit trail (an administrator's right)."""
from __future__ import annotations

from ..errors import UserError


def arguments(p) -> None:
    p.add_argument("--db", dest="cmd_db", metavar="CSDL", help="tệp SQLite hoặc postgresql://…")
    p.add_argument("--user", default="", metavar="NGƯỜI", help="chỉ việc của người này")
    p.add_argument("--action", default="", metavar="VIỆC", help="create, update, delete, view, sign_in …")
    p.add_argument("--table", default="", metavar="BẢNG", help="person, mediation_case, concern …")
    p.add_argument("--from", dest="date_from", metavar="NGÀY", help="từ ngày DD/MM/YYYY")
    p.add_argument("--to", dest="date_to", metavar="NGÀY", help="đến ngày DD/MM/YYYY")
    p.add_argument("--limit", type=int, default=50, metavar="SỐ_DÒNG", help="số dòng in ra (mặc định 50)")
    p.add_argument("-o", "--output", metavar="TỆP", help="xuất ra tệp .csv hoặc .xlsx thay vì in")


def _date(text: str | None):
    if not text:
        return None
    from ..vn import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise UserError(f"Ngày «{text}» không hợp lệ; nhập dạng ngày/tháng/năm, ví dụ 31/12/2025.") from None


def run(args) -> int:
    from ..services import audit_trail, session
    from ..services.audit_trail import AuditFilter

    f = AuditFilter(username=args.user, action=args.action, table=args.table,
                    date_from=_date(args.date_from), date_to=_date(args.date_to))
    session.open(args.cmd_db or args.db, create=False)
    try:
        if args.output:
            n = audit_trail.export(f, args.output)
            print(f"Đã xuất {n} dòng nhật ký vào «{args.output}».")
            return 0
        for e in audit_trail.entries(f, limit=args.limit):
            changed = ", ".join(c.field for c in e.changes[:6])
            print(f"{e.at:%d/%m/%Y %H:%M:%S}\t{e.username}\t{e.action_name}\t{e.table_name}"
                  f"\t{e.record_id if e.record_id is not None else ''}\t{changed}")
    finally:
        session.close()
    return 0
