"""Households the teams help (poor and near-poor households) and each time
they were helped (saved one at a time as the household's child rows,
services.core.children). No Qt here."""
from __future__ import annotations

import datetime as dt

from ..errors import ValidationError
from ..store.models import Area, Household, HouseholdSupport, Team
from ..vn import name_sort_key
from .core import vocab
from .core.children import Child
from .core.fields import Choice, Date, Integer, Money, Ref, Text
from .core.records import RecordService

_THIS_YEAR = dt.date.today().year


class HouseholdService(RecordService):
    model = Household
    label = "hộ gia đình"
    fields = (
        Ref("area", "Địa bàn", required=True, model=Area),
        Text("head_name", "Chủ hộ", required=True),
        Choice("situation", "Hoàn cảnh", choices=vocab.HOUSEHOLD_SITUATIONS, default="ngheo"),
        Integer("members", "Số nhân khẩu", minimum=1, maximum=50),
        Integer("since_year", "Năm bắt đầu", minimum=1990, maximum=_THIS_YEAR),
        Integer("left_poverty_year", "Năm thoát nghèo", minimum=1990, maximum=_THIS_YEAR),
        Text("notes", "Ghi chú", max_length=5000, multiline=True),
    )

    @classmethod
    def check(cls, values, existing):
        since, left = values.get("since_year"), values.get("left_poverty_year")
        if since and left and left < since:
            raise ValidationError("left_poverty_year", "Năm thoát nghèo không được trước năm bắt đầu.")


class HouseholdSupportService(RecordService):
    model = HouseholdSupport
    label = "lần hỗ trợ"
    fields = (
        Ref("household", "Hộ được giúp", required=True, model=Household),
        Ref("team", "Tổ dân vận", model=Team),
        Date("given_on", "Ngày hỗ trợ", required=True),
        Text("kind", "Hình thức hỗ trợ", required=True, max_length=100),
        Text("description", "Nội dung", max_length=5000, multiline=True),
        Text("given_by", "Người, đơn vị hỗ trợ", max_length=300),
        Money("value", "Trị giá (đồng)", default=0),
    )

    @classmethod
    def check(cls, values, existing):
        if values["given_on"] > dt.date.today():
            raise ValidationError("given_on", "Ngày hỗ trợ không được sau hôm nay.")
        household = Household.get_by_id(values["household"])
        if household.since_year and values["given_on"].year < household.since_year:
            raise ValidationError("given_on", f"Ngày hỗ trợ trước năm {household.since_year} hộ bắt đầu được theo dõi.")


# declared here: the child service is defined after the household's
HouseholdService.children = (
    Child("support", HouseholdSupportService, fk="household", label="Lần hỗ trợ", order=("given_on", "id")),
)


def households_left_poverty(year: int) -> list[Household]:
    """Households (not in the trash) that left poverty in *year*, by head's name."""
    rows = list(HouseholdService.active().where(Household.left_poverty_year == year))
    return sorted(rows, key=lambda h: name_sort_key(h.head_name))
