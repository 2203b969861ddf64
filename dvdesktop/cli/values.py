"""Values typed on the command line: dates in both forms a clerk writes
(dd/mm/yyyy and yyyy-mm-dd), a team by its id or its name, the size of a
file. Usage errors are argparse's (exit 2), in Vietnamese."""
from __future__ import annotations

import argparse


def day_arg(text: str):
    """A date typed as dd/mm/yyyy (also d/m/yy, dd.mm.yyyy) or yyyy-mm-dd."""
    from ..vn import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày «{text}» không hợp lệ; viết dd/mm/yyyy hoặc yyyy-mm-dd, "
                                         "ví dụ 05/01/2025 hoặc 2025-01-05") from exc


TEAM_HELP = "Tổ dân vận: số ID hoặc tên (không cần dấu, ví dụ \"na khoang\")"


def team_id(value) -> int | None:
    """--team given as an id or a name → the team's id (the database is open)."""
    if value is None or isinstance(value, int):
        return value
    from ..services.record_lists import find_team

    return find_team(value)
