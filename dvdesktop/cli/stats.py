"""`dvdesktop stats`: counts of teams, members and activity (JSON or a table)."""
from __future__ import annotations

import argparse
import json


def arguments(p) -> None:
    from . import year_arg

    p.add_argument("--db", default=argparse.SUPPRESS, help="tệp SQLite hoặc postgresql://…")
    p.add_argument("--year", type=year_arg, help="chỉ tính trong năm này")
    p.add_argument("--json", action="store_true", help="in dạng JSON")


def run(args) -> int:
    from ..services import session
    from ..services.stats import collect, format_table

    session.open(session.locate(getattr(args, "db", None), demo=getattr(args, "demo", False)), create=False)
    try:
        numbers = collect(args.year)
    finally:
        session.close()
    if args.json:
        print(json.dumps(numbers, ensure_ascii=False, indent=2))
    else:
        print(format_table(numbers))
    return 0
