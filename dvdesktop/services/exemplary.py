"""Mô hình "Dân vận khéo" recorded for the teams. No Qt here."""
from __future__ import annotations

import datetime as dt

from ..errors import ValidationError
from ..store.models import ExemplaryModel, Team
from ..vn import fold
from .core import vocab
from .core.fields import Choice, Integer, Ref, Text
from .core.records import RecordService

_THIS_YEAR = dt.date.today().year


class _LooseChoice(Choice):
    """A choice whose labels match without marks, case or dash style
    ('Van hoa - xa hoi' is 'Văn hóa – xã hội')."""

    def coerce(self, value):
        typed = fold(str(value).replace("–", "-").replace("—", "-"))
        for code, label in self.choices:
            if typed == fold(label.replace("–", "-")):
                return code
        return super().coerce(value)


class ExemplaryModelService(RecordService):
    model = ExemplaryModel
    label = "mô hình «Dân vận khéo»"
    fields = (
        Text("name", "Tên mô hình", required=True, max_length=300),
        _LooseChoice("field", "Lĩnh vực", choices=tuple((f, f) for f in vocab.MODEL_FIELDS), default=vocab.MODEL_FIELDS[0]),
        Integer("year", "Năm", required=True, minimum=2000, maximum=_THIS_YEAR),
        Ref("team", "Tổ dân vận", model=Team),
        Text("description", "Mô tả", max_length=20000, multiline=True),
        Text("results", "Kết quả, hiệu quả", max_length=20000, multiline=True),
        _LooseChoice("level", "Cấp công nhận", choices=tuple((lv, lv or "Chưa công nhận") for lv in vocab.MODEL_LEVELS), default=""),
    )

    @classmethod
    def check(cls, values, existing):
        team = values.get("team")
        same_team = ExemplaryModel.team.is_null() if team is None else (ExemplaryModel.team == team)
        query = cls.active().where((ExemplaryModel.year == values["year"]) & same_team)
        if existing is not None:
            query = query.where(ExemplaryModel.id != existing.id)
        name = fold(values["name"])
        if any(fold(m.name) == name for m in query):
            raise ValidationError("name", f"Mô hình «{values['name']}» đã có trong năm {values['year']}.")


def models_of_year(year: int, team_id: int | None = None):
    query = ExemplaryModelService.active().where(ExemplaryModel.year == year)
    if team_id is not None:
        query = query.where(ExemplaryModel.team == team_id)
    return query.order_by(ExemplaryModel.name)
