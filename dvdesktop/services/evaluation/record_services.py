"""Record services of criteria sets and criteria (generic create/update with
the audit log), for scripts and the older one-criterion-at-a-time path.
The app edits a whole set at once through criteria.save_criteria_set."""
from __future__ import annotations

import json
from pathlib import Path

from ...errors import ValidationError
from ...store.base import database_proxy
from ...store.models import CriteriaSet, Criterion
from ..core.fields import Integer, Number, Ref, Text
from ..core.children import Child
from ..core.data import RecordData
from ..core.records import RecordService
from .criteria import check_levels, check_quota_rules, definition_rows, load_definition, parse_metric


def _json_value(value: str, name: str, label: str, kind: type):
    try:
        data = json.loads(value or ("[]" if kind is list else "{}"))
    except json.JSONDecodeError:
        raise ValidationError(name, f"{label} không đúng định dạng JSON.") from None
    if not isinstance(data, kind):
        raise ValidationError(name, f"{label} phải là một {'danh sách' if kind is list else 'đối tượng JSON'}.")
    return data


class CriteriaSetService(RecordService):
    model = CriteriaSet
    label = "bộ tiêu chí"
    fields = (
        Integer("year", "Năm", required=True, minimum=2000, maximum=2200),
        Text("name", "Tên bộ tiêu chí", required=True, max_length=300),
        Text("levels", "Mức xếp loại", max_length=5000, multiline=True),
        Text("quota", "Quy định tỷ lệ", max_length=2000, multiline=True),
    )

    @classmethod
    def derive_values(cls, cleaned, state, existing):
        """Check the levels and quota JSON and store them as checked: NFC
        names (also where the JSON escaped the marks), numeric thresholds."""
        levels = check_levels(_json_value(state.get("levels") or "[]", "levels", "Mức xếp loại", list))
        quota = check_quota_rules(_json_value(state.get("quota") or "{}", "quota", "Quy định tỷ lệ", dict))
        cleaned["levels"] = state["levels"] = json.dumps(levels, ensure_ascii=False)
        cleaned["quota"] = state["quota"] = json.dumps(quota, ensure_ascii=False)

    @classmethod
    def for_year(cls, year: int) -> CriteriaSet | None:
        """The criteria set used for *year* (the latest one entered)."""
        return cls.active().where(CriteriaSet.year == year).order_by(CriteriaSet.id.desc()).first()

    @classmethod
    def criteria(cls, set_id: int) -> list[Criterion]:
        return list(Criterion.select().where(Criterion.criteria_set == set_id).order_by(Criterion.position, Criterion.id))


class CriterionService(RecordService):
    model = Criterion
    label = "tiêu chí"
    fields = (
        Ref("criteria_set", "Bộ tiêu chí", required=True, model=CriteriaSet),
        Text("group", "Nhóm tiêu chí", max_length=300),
        Text("code", "Mã tiêu chí", required=True, max_length=20),
        Text("title", "Nội dung tiêu chí", required=True, max_length=2000, multiline=True),
        Number("max_points", "Điểm tối đa", required=True),
        Text("metric", "Chỉ số gợi ý điểm", max_length=50),
        Integer("position", "Thứ tự", default=0),
    )

    @classmethod
    def check(cls, values, existing):
        if values["max_points"] <= 0:
            raise ValidationError("max_points", "Điểm tối đa phải lớn hơn 0.")
        if values.get("metric"):
            parse_metric(values["metric"])
        query = Criterion.select().where((Criterion.criteria_set == values["criteria_set"]) & (Criterion.code == values["code"]))
        if existing is not None:
            query = query.where(Criterion.id != existing.id)
        if query.exists():
            raise ValidationError("code", f"Bộ tiêu chí đã có tiêu chí mã «{values['code']}».")


# declared here: the child service is defined after the set's
CriteriaSetService.children = (
    Child("criteria", CriterionService, fk="criteria_set", label="Tiêu chí", order=("position", "id"), position="position"),
)


def import_criteria_set(source: str | Path | dict | None, year: int, *, name: str | None = None) -> RecordData:
    """Add a criteria set for *year* from a JSON file or dict (None: the
    sample shipped with the program), beside any set the year has: the
    newest applies to ratings started from now on. To replace the year's
    set, or to hand a set between communes, use exchange.import_criteria_file."""
    data = load_definition(source)
    with database_proxy.atomic():
        cset = CriteriaSetService.save_with_children(None, {
            "year": year,
            "name": name or str(data.get("name") or "Bộ tiêu chí năm {year}").replace("{year}", str(year)),
            "levels": json.dumps(data["levels"], ensure_ascii=False),
            "quota": json.dumps(data.get("quota") or {}, ensure_ascii=False),
        }, {"criteria": definition_rows(data)})
        if data.get("sample"):
            CriteriaSet.update(is_sample=True).where(CriteriaSet.id == cset.id).execute()
            cset = CriteriaSetService.get(cset.id)
    return cset
