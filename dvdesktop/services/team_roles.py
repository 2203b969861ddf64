"""Roles a team has one of: the leader (tổ trưởng) and the village posts each
held by one person (bí thư chi bộ, trưởng thôn/bản, trưởng ban công tác Mặt
trận, the head of each association's branch, bí thư chi đoàn, thôn đội
trưởng). Two members holding one of them on the same day is a slip in the
register (a kiện toàn recorded twice, a post typed twice): a warning, not an
error, because the clerk may be part-way through a change. No Qt here."""
from __future__ import annotations

import datetime as dt
import re

from ..vn import fold
from .register import MembershipService

# folded position → the name a warning uses; the head of the village under its
# several names (thôn, bản, tổ dân phố …) is one post
ONE_PER_TEAM = {
    "bi thu chi bo": "Bí thư Chi bộ",
    "truong thon": "Trưởng thôn, bản", "truong ban": "Trưởng thôn, bản", "truong ap": "Trưởng thôn, bản",
    "truong khu pho": "Trưởng thôn, bản", "to truong to dan pho": "Trưởng thôn, bản",
    "truong ban cong tac mat tran": "Trưởng Ban Công tác Mặt trận",
    "chi hoi truong hoi phu nu": "Chi hội trưởng Hội Phụ nữ",
    "chi hoi truong hoi nong dan": "Chi hội trưởng Hội Nông dân",
    "chi hoi truong hoi cuu chien binh": "Chi hội trưởng Hội Cựu chiến binh",
    "chi hoi truong hoi nguoi cao tuoi": "Chi hội trưởng Hội Người cao tuổi",
    "bi thu chi doan": "Bí thư Chi đoàn",
    "thon doi truong": "Thôn đội trưởng",
}
ONE_PER_TEAM_ROLES = {"to_truong": "Tổ trưởng"}


def _posts(position: str) -> set[str]:
    """The one-per-team posts named in a position ("Bí thư chi bộ, Trưởng bản")."""
    out = set()
    for part in re.split(r"[,;]| kiêm ", position or ""):
        post = ONE_PER_TEAM.get(fold(part).strip())
        if post:
            out.add(post)
    return out


def role_warnings(team_id: int, on: dt.date | None = None) -> list[str]:
    """One Vietnamese line per role or post held by two members or more on *on*."""
    holders: dict[str, list[str]] = {}
    for m in MembershipService.current_rows(team_id, on or dt.date.today()):
        names = set(_posts(m.position))
        if m.role in ONE_PER_TEAM_ROLES:
            names.add(ONE_PER_TEAM_ROLES[m.role])
        for post in names:
            holders.setdefault(post, []).append(m.person.full_name)
    return [f"{len(people)} người cùng giữ «{post}» trong tổ: {', '.join(people)}. Mỗi tổ chỉ có một người giữ "
            "chức này; kiểm tra lại (kiện toàn hoặc sửa chức vụ)."
            for post, people in holders.items() if len(people) > 1]


__all__ = ["ONE_PER_TEAM", "role_warnings"]
