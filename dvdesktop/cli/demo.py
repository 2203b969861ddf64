"""`dvdesktop demo`: build the demo database (a commune, or a whole province)."""
from __future__ import annotations

import argparse
import datetime as dt

from ..errors import UserError


def arguments(p) -> None:
    p.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://… (mặc định: tệp dữ liệu mẫu)")
    p.add_argument("--scale", choices=("commune", "province"), default="commune", help="quy mô: commune (một xã) hoặc province (cả tỉnh)")
    p.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (mặc định 1)")
    p.add_argument("--today", metavar="NGÀY",
                   help="ngày mốc dd/mm/yyyy hoặc yyyy-mm-dd: dữ liệu là năm năm trước ngày này (mặc định hôm nay)")
    p.add_argument("--force", action="store_true", help="xóa hết dữ liệu đang có rồi tạo lại")


def _reference(value: str | None) -> dt.date | None:
    if not value:
        return None
    from ..vn import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise UserError(f"Ngày mốc «{value}» không hợp lệ; nhập dd/mm/yyyy hoặc yyyy-mm-dd, "
                        "ví dụ 31/12/2025 hoặc 2025-12-31.") from None


def run(args) -> int:
    from ..services import session
    from ..services import stats as stats_service
    from ..services.demo.generator import build_demo
    from ..vn import format_number

    reference = _reference(args.today)
    info = session.open(session.locate(getattr(args, "db", None), demo=True))
    try:
        result = build_demo(scale=args.scale, seed=args.seed, reference=reference, force=args.force)
        numbers = stats_service.collect(today=result.reference)
        spec = info.where
    finally:
        session.close()
    scale = "một xã" if result.scale == "commune" else "cả tỉnh"
    print(f"Đã tạo dữ liệu mẫu ({scale}, hạt giống {result.seed}, mốc {result.reference:%d/%m/%Y}) "
          f"trong {format_number(round(result.seconds, 1))} giây vào «{spec}».")
    print(f"  {format_number(numbers['teams'])} tổ dân vận, {format_number(numbers['persons'])} người, "
          f"{format_number(numbers['memberships_active'])} thành viên đang hoạt động;")
    print(f"  {format_number(numbers['meetings'])} cuộc họp, {format_number(numbers['outreach_sessions'])} buổi tuyên truyền, "
          f"{format_number(numbers['concerns'])} kiến nghị, "
          f"{format_number(numbers['supervision_activities'])} cuộc giám sát của Nhân dân;")
    print(f"  {format_number(numbers['mediation_cases'])} vụ việc hòa giải, "
          f"{format_number(numbers['exemplary_models'])} mô hình \u201cDân vận khéo\u201d, "
          f"{format_number(numbers['evaluations'])} lượt xếp loại tổ.")
    return 0
