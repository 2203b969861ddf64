"""`dvdesktop export KIND --db DB -o FILE.xlsx`: a list as an Excel workbook."""
from __future__ import annotations

import argparse

KINDS = ("areas", "teams", "people", "memberships", "meetings", "outreach", "concerns", "mediation", "models",
         "evaluations")  # services.exporting.EXPORT_KINDS (checked by a test; kept here so --help stays cheap)


def arguments(p) -> None:
    p.add_argument("kind", choices=KINDS, metavar="LOẠI", help="danh sách: " + ", ".join(KINDS))
    p.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    p.add_argument("-o", "--output", required=True, metavar="TỆP.xlsx", help="tệp Excel ghi ra")
    p.add_argument("--include-sensitive", action="store_true",
                   help="ghi cả dữ liệu cá nhân nhạy cảm (người phản ánh, các bên hòa giải); mặc định để ra ngoài")


def run(args) -> int:
    from pathlib import Path

    from ..errors import UserError
    from ..services import session
    from ..services.exporting import export_to_file, kind

    if Path(args.output).suffix.lower() != ".xlsx":
        raise UserError(f"Tệp ghi ra «{args.output}» phải có đuôi .xlsx.")
    session.open(session.locate(getattr(args, "db", None), demo=getattr(args, "demo", False)), create=False)
    try:
        n = export_to_file(args.kind, args.output, include_sensitive=args.include_sensitive)
    finally:
        session.close()
    print(f"Đã ghi {kind(args.kind).title.lower()} ({n} dòng) vào «{args.output}».")
    return 0
