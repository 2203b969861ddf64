"""Outreach sessions (buổi tuyên truyền, vận động) of the teams. No Qt here."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import ValidationError
from ..store.models import OutreachSession, Team
from ..vn import fold
from .core import vocab
from .core.fields import Date, Integer, Ref, Text
from .core.records import RecordService

DEFAULT_FORM = "Họp dân"
# Kept from one session to the next by "Lưu và thêm mới" (a clerk copying a paper notebook).
KEPT_FOR_NEXT = ("team", "held_on", "form")


class OutreachService(RecordService):
    model = OutreachSession
    label = "buổi tuyên truyền"
    fields = (
        Ref("team", "Tổ dân vận", required=True, model=Team),
        Date("held_on", "Ngày tổ chức", required=True),
        Text("place", "Địa điểm", max_length=300),
        Text("form", "Hình thức", max_length=100),
        Text("topic", "Nội dung tuyên truyền", required=True, max_length=500),
        Text("policy", "Chủ trương, chính sách, pháp luật", max_length=500),
        Text("presenters", "Người tuyên truyền", max_length=500),
        Integer("audience_total", "Tổng số người nghe", maximum=100000, default=0),
        Integer("audience_women", "Số người nghe là nữ", maximum=100000, default=0),
        Integer("audience_minority", "Số người nghe là người dân tộc thiểu số", maximum=100000, default=0),
        Text("materials", "Tài liệu", max_length=500),
        Text("result", "Kết quả", max_length=20000, multiline=True),
    )

    @classmethod
    def clean(cls, data, *, partial=False):
        cleaned = super().clean(data, partial=partial)
        if "form" in cleaned:
            # "hop dan" or "HỌP DÂN" is the listed "Họp dân"; other forms are kept as typed.
            typed = cleaned["form"]
            cleaned["form"] = next((f for f in vocab.OUTREACH_FORMS if fold(f) == fold(typed)), typed) or DEFAULT_FORM
        return cleaned

    @classmethod
    def check(cls, values, existing):
        if values["held_on"] > dt.date.today():
            raise ValidationError("held_on", "Ngày tổ chức không được sau hôm nay.")
        total = values.get("audience_total") or 0
        if (values.get("audience_women") or 0) > total:
            raise ValidationError("audience_women", "Số người nghe là nữ không được lớn hơn tổng số người nghe.")
        if (values.get("audience_minority") or 0) > total:
            raise ValidationError("audience_minority",
                                  "Số người nghe là người dân tộc thiểu số không được lớn hơn tổng số người nghe.")


def save_and_new_defaults(record: OutreachSession | Mapping[str, Any]) -> dict[str, Any]:
    """The values a new blank form keeps after "Lưu và thêm mới": the team,
    the date and the form of the session just saved (*record*: its RecordData,
    a dict of its values or its row)."""
    if isinstance(record, Mapping):
        return {name: record.get(name) for name in KEPT_FOR_NEXT}
    return {name: record.__data__.get(name) for name in KEPT_FOR_NEXT}


def sessions(team_id: int | None = None, year: int | None = None):
    """Sessions not in the trash, newest first."""
    query = OutreachService.active()
    if team_id is not None:
        query = query.where(OutreachSession.team == team_id)
    if year is not None:
        query = query.where((OutreachSession.held_on >= dt.date(year, 1, 1)) & (OutreachSession.held_on <= dt.date(year, 12, 31)))
    return query.order_by(OutreachSession.held_on.desc(), OutreachSession.id.desc())
