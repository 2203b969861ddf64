"""The criteria set of a year: groups, criteria, rating levels, quota rule.

A criteria set is data, not code: provinces set their own criteria, points,
thresholds and quota each year. resources/criteria/default.json is a sample
to adapt (``"sample": true``); the set of a year is edited in the app
(save_criteria_set), copied from last year (copy_criteria_set) or imported
from the file a province hands out (exchange.py).

Stored shapes (store.models):

* CriteriaSet.levels — JSON list, best level first:
  ``[{"code": "HTXS", "name": "Hoàn thành xuất sắc nhiệm vụ", "min_points": 90}, ...]``
* CriteriaSet.quota  — JSON object:
  ``{"top_level_max_share_of": ["HTXS", "HTT", 0.2], "min_active_months": 9}``:
  teams rated HTXS may be at most 20 % of the teams rated HTT or better, and
  a team active fewer than 9 months in the year is not rated.
* Criterion.metric   — optional ``"name:target"``: the value of *name* for
  the team and year (metrics.METRICS) reaching *target* suggests the full
  points, less a proportional score (rounded down to 0.5).

Callers get CriteriaSetData (frozen dataclasses), never rows.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ...errors import ConflictError, NotFoundError, ValidationError
from ...paths import resource
from ...store.base import database_proxy, now
from ...store.models import CriteriaSet, Criterion, Evaluation
from ...vn import nfc
from .. import access
from ..core import audit
from .metrics import METRICS

DEFAULT_CRITERIA = "default.json"
MAX_CODE_LENGTH = 20


def default_criteria_path() -> Path:
    return resource("criteria", DEFAULT_CRITERIA)


# --- plain data --------------------------------------------------------------


@dataclass(frozen=True)
class CriterionData:
    code: str
    text: str
    max_points: Decimal
    metric: str | None = None  # a name of metrics.METRICS, or None: scored by hand
    target: Decimal | None = None  # the metric's value that earns the full points


@dataclass(frozen=True)
class GroupData:
    title: str
    criteria: tuple[CriterionData, ...]


@dataclass(frozen=True)
class LevelData:
    code: str
    name: str
    min_points: Decimal


@dataclass(frozen=True)
class QuotaData:
    """At most *max_share* of the teams rated *base_level* or better may be
    rated *top_level* (None: no such rule); teams active fewer than
    *min_active_months* in the year are not rated."""

    top_level: str | None = None
    base_level: str | None = None
    max_share: Decimal | None = None
    min_active_months: int = 0


@dataclass(frozen=True)
class CriteriaSetData:
    id: int | None
    version: int
    year: int
    name: str
    is_sample: bool
    groups: tuple[GroupData, ...]
    levels: tuple[LevelData, ...]  # best first
    quota: QuotaData
    note: str = ""

    @property
    def criteria(self) -> tuple[CriterionData, ...]:
        return tuple(c for g in self.groups for c in g.criteria)

    @property
    def total_points(self) -> Decimal:
        return sum((c.max_points for c in self.criteria), Decimal(0))

    def level_name(self, code: str) -> str:
        return next((lv.name for lv in self.levels if lv.code == code), code)


class CriteriaProblems(ValidationError):
    """A criteria set that breaks the rules; one Vietnamese line per problem,
    each saying where it is ("Nhóm 2, tiêu chí 2.3: …")."""

    def __init__(self, problems: list[str], heading: str = ""):
        self.problems = list(problems)
        lines = ([heading] if heading else []) + self.problems
        super().__init__("criteria", "\n".join(lines))


# --- the definition (the JSON shape of files and of the stored set) ----------


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _fmt(value: Decimal | float) -> str:
    return f"{Decimal(str(value)).normalize():f}".replace(".", ",")


def metric_problem(metric: Any) -> str | None:
    """What is wrong with a criterion's ``"name:target"`` metric, or None."""
    if not isinstance(metric, str):
        return "chỉ số gợi ý điểm (metric) phải có dạng «tên:mức»."
    name, _, target = metric.partition(":")
    name = name.strip()
    if name not in METRICS:
        return f"chỉ số «{name}» không có; chọn một trong: {', '.join(METRICS)}."
    value = _number(target.strip() or "1")
    if value is None:
        return f"mức của chỉ số «{metric}» phải là số."
    if value <= 0:
        return f"mức của chỉ số «{metric}» phải lớn hơn 0."
    return None


def parse_metric(metric: str) -> tuple[str, Decimal]:
    """'meetings:4' → ('meetings', Decimal(4)); a bare name has target 1."""
    problem = metric_problem(metric)
    if problem:
        raise ValidationError("metric", problem[0].upper() + problem[1:])
    name, _, target = metric.partition(":")
    return name.strip(), _number(target.strip() or "1")


def definition_problems(data: Any) -> list[str]:
    """Every problem of a criteria-set definition (the JSON shape), one
    Vietnamese line each with its place; [] when it is sound."""
    if not isinstance(data, dict):
        return ["Tệp không chứa một bộ tiêu chí (cần các nhóm tiêu chí, các mức xếp loại và quy định tỷ lệ)."]
    problems: list[str] = []
    if "name" in data and not isinstance(data["name"], str):
        problems.append("Tên bộ tiêu chí phải là chữ.")
    total = Decimal(0)
    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        problems.append("Thiếu các nhóm tiêu chí: cần ít nhất một nhóm.")
        groups = []
    seen: dict[str, int] = {}
    for gi, group in enumerate(groups, 1):
        where_group = f"Nhóm {gi}"
        if not isinstance(group, dict):
            problems.append(f"{where_group}: không đúng dạng (cần tên nhóm và các tiêu chí).")
            continue
        if not isinstance(group.get("title"), str) or not group["title"].strip():
            problems.append(f"{where_group}: thiếu tên nhóm.")
        criteria = group.get("criteria")
        if not isinstance(criteria, list) or not criteria:
            problems.append(f"{where_group}: chưa có tiêu chí nào.")
            continue
        for ci, crit in enumerate(criteria, 1):
            if not isinstance(crit, dict):
                problems.append(f"{where_group}, tiêu chí thứ {ci}: không đúng dạng (cần mã, nội dung và điểm tối đa).")
                continue
            code = crit.get("code")
            code = nfc(str(code)).strip() if isinstance(code, (str, int, float)) and not isinstance(code, bool) else ""
            where = f"{where_group}, tiêu chí {code}" if code else f"{where_group}, tiêu chí thứ {ci}"
            if not code:
                problems.append(f"{where}: thiếu mã tiêu chí.")
            elif len(code) > MAX_CODE_LENGTH:
                problems.append(f"{where}: mã tiêu chí dài quá {MAX_CODE_LENGTH} ký tự.")
            elif code in seen:
                problems.append(f"{where}: mã tiêu chí bị lặp (tiêu chí thứ {ci} của nhóm {gi} trùng mã với một tiêu chí ở nhóm {seen[code]}).")
            else:
                seen[code] = gi
            if not isinstance(crit.get("title"), str) or not crit["title"].strip():
                problems.append(f"{where}: thiếu nội dung tiêu chí.")
            points = _number(crit.get("max_points"))
            if points is None:
                problems.append(f"{where}: điểm tối đa phải là một số.")
            elif points <= 0:
                problems.append(f"{where}: điểm tối đa phải lớn hơn 0.")
            elif points != points.quantize(Decimal("0.1")) or points >= 10000:
                problems.append(f"{where}: điểm tối đa chỉ được có một chữ số thập phân và nhỏ hơn 10.000.")
            else:
                total += points
            if crit.get("metric"):
                problem = metric_problem(crit["metric"])
                if problem:
                    problems.append(f"{where}: {problem}")
    problems += _level_problems(data.get("levels"), total if not problems else None)
    problems += _quota_problems(data.get("quota", {}), data.get("levels"))
    return problems


def _level_problems(levels: Any, total: Decimal | None) -> list[str]:
    if not isinstance(levels, list) or not levels:
        return ["Thiếu các mức xếp loại: cần ít nhất một mức."]
    problems, seen, previous = [], set(), None
    for li, level in enumerate(levels, 1):
        if not isinstance(level, dict):
            problems.append(f"Mức xếp loại thứ {li}: không đúng dạng (cần mã, tên mức và ngưỡng điểm).")
            previous = None
            continue
        code = str(level.get("code") or "").strip()
        where = f"Mức xếp loại {code}" if code else f"Mức xếp loại thứ {li}"
        if not code:
            problems.append(f"{where}: thiếu mã mức xếp loại.")
        elif code in seen:
            problems.append(f"{where}: mã mức xếp loại bị lặp.")
        seen.add(code)
        if not isinstance(level.get("name"), str) or not level["name"].strip():
            problems.append(f"{where}: thiếu tên mức xếp loại.")
        points = _number(level.get("min_points"))
        if points is None:
            problems.append(f"{where}: ngưỡng điểm phải là một số.")
            previous = None
            continue
        if points < 0:
            problems.append(f"{where}: ngưỡng điểm không được âm.")
        if total is not None and points > total:
            problems.append(f"{where}: ngưỡng {_fmt(points)} điểm vượt quá tổng điểm tối đa {_fmt(total)}.")
        if previous is not None and points >= previous[1]:
            problems.append(
                f"{where}: ngưỡng {_fmt(points)} điểm phải thấp hơn ngưỡng của mức trên "
                f"({previous[0]}, {_fmt(previous[1])} điểm); các mức xếp từ cao xuống thấp, ngưỡng điểm giảm dần."
            )
        previous = (code or f"thứ {li}", points)
    last = levels[-1]
    if isinstance(last, dict) and _number(last.get("min_points")) not in (None, Decimal(0)) and not problems:
        problems.append(f"Mức xếp loại {last.get('code')}: mức thấp nhất cần ngưỡng 0 điểm để tổ nào cũng được xếp loại.")
    return problems


def _quota_problems(quota: Any, levels: Any) -> list[str]:
    if quota is None:
        return []
    if not isinstance(quota, dict):
        return ["Quy định tỷ lệ xếp loại không đúng dạng."]
    problems = []
    codes = [str(lv.get("code")) for lv in levels if isinstance(lv, dict)] if isinstance(levels, list) else []
    rule = quota.get("top_level_max_share_of")
    if rule is not None:
        share = _number(rule[2]) if isinstance(rule, list) and len(rule) == 3 else None
        if share is None or not 0 <= share <= 1:
            problems.append("Quy định tỷ lệ: giới hạn mức cao nhất phải gồm mức cao nhất, mức so sánh và tỷ lệ từ 0 đến 1.")
        else:
            top, base = str(rule[0]), str(rule[1])
            for code in (top, base):
                if code not in codes:
                    problems.append(f"Quy định tỷ lệ: không có mức xếp loại mã «{code}».")
            if top in codes and base in codes and codes.index(top) > codes.index(base):
                problems.append(f"Quy định tỷ lệ: mức «{top}» phải cao hơn hoặc bằng mức so sánh «{base}».")
    months = quota.get("min_active_months")
    if months is not None and (isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= 12):
        problems.append("Quy định tỷ lệ: số tháng hoạt động tối thiểu phải là số nguyên từ 0 đến 12.")
    return problems


def data_from_definition(data: dict, year: int, *, set_id: int | None = None, version: int = 0) -> CriteriaSetData:
    """A checked definition as CriteriaSetData (raises CriteriaProblems)."""
    problems = definition_problems(data)
    if problems:
        raise CriteriaProblems(problems)
    groups = []
    for group in data["groups"]:
        criteria = []
        for crit in group["criteria"]:
            metric, target = None, None
            if crit.get("metric"):
                metric, target = parse_metric(crit["metric"])
            criteria.append(CriterionData(
                nfc(str(crit["code"])).strip(), nfc(crit["title"]).strip(), _number(crit["max_points"]), metric, target))
        groups.append(GroupData(nfc(group["title"]).strip(), tuple(criteria)))
    levels = tuple(
        LevelData(nfc(str(lv["code"])).strip(), nfc(lv["name"]).strip(), _number(lv["min_points"])) for lv in data["levels"]
    )
    quota = quota_from_json(data.get("quota") or {})
    name = nfc(str(data.get("name") or "Tiêu chí đánh giá, xếp loại Tổ dân vận năm {year}")).replace("{year}", str(year))
    return CriteriaSetData(set_id, version, year, name.strip(), bool(data.get("sample", False)), tuple(groups), levels,
                           quota, nfc(str(data.get("note") or "")))


def quota_from_json(quota: dict) -> QuotaData:
    rule = quota.get("top_level_max_share_of")
    months = int(quota.get("min_active_months") or 0)
    if rule:
        return QuotaData(str(rule[0]), str(rule[1]), _number(rule[2]), months)
    return QuotaData(min_active_months=months)


def quota_to_json(quota: QuotaData) -> dict:
    data: dict[str, Any] = {}
    if quota.top_level and quota.base_level and quota.max_share is not None:
        data["top_level_max_share_of"] = [quota.top_level, quota.base_level, float(quota.max_share)]
    data["min_active_months"] = quota.min_active_months
    return data


def _plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def definition_of(data: CriteriaSetData) -> dict:
    """The JSON shape of a criteria set (what files hold)."""
    return {
        "name": data.name,
        "sample": data.is_sample,
        "note": data.note,
        "groups": [
            {"title": g.title, "criteria": [
                {"code": c.code, "title": c.text, "max_points": _plain_number(Decimal(str(c.max_points))),
                 "metric": _metric_text(c)}
                for c in g.criteria
            ]}
            for g in data.groups
        ],
        "levels": [{"code": lv.code, "name": lv.name, "min_points": _plain_number(Decimal(str(lv.min_points)))}
                   for lv in data.levels],
        "quota": quota_to_json(data.quota),
    }


def _metric_text(c: CriterionData) -> str:
    if not c.metric:
        return ""
    target = Decimal(str(c.target if c.target is not None else 1))
    return f"{c.metric}:{target.normalize():f}"


def criteria_problems(data: CriteriaSetData) -> list[str]:
    """Every problem of *data* (as save_criteria_set would list them), for a
    form that checks as the clerk edits; [] when it can be saved."""
    return definition_problems(definition_of(data))


def sample_criteria_set(year: int) -> CriteriaSetData:
    """The sample shipped with the program, for *year*, not saved (id None)."""
    return data_from_definition(load_definition(None), year)


# --- reading a year's set ----------------------------------------------------


def criteria_set_row(year: int) -> CriteriaSet | None:
    """The criteria set used for *year* (the latest one entered)."""
    return (CriteriaSet.select().where((CriteriaSet.year == year) & CriteriaSet.deleted_at.is_null())
            .order_by(CriteriaSet.id.desc()).first())


def _data_of(row: CriteriaSet) -> CriteriaSetData:
    groups: list[GroupData] = []
    current: list[CriterionData] = []
    title = None
    for c in Criterion.select().where(Criterion.criteria_set == row.id).order_by(Criterion.position, Criterion.id):
        if title is not None and c.group != title:
            groups.append(GroupData(title, tuple(current)))
            current = []
        title = c.group
        metric, target = (parse_metric(c.metric) if c.metric else (None, None))
        current.append(CriterionData(c.code, c.title, Decimal(str(c.max_points)), metric, target))
    if title is not None:
        groups.append(GroupData(title, tuple(current)))
    levels = tuple(LevelData(lv["code"], lv["name"], Decimal(str(lv["min_points"]))) for lv in json.loads(row.levels or "[]"))
    return CriteriaSetData(row.id, row.version, row.year, row.name, bool(row.is_sample), tuple(groups), levels,
                           quota_from_json(json.loads(row.quota or "{}")))


def criteria_set(year: int) -> CriteriaSetData | None:
    """The criteria set of *year*, or None when the year has none yet."""
    row = criteria_set_row(year)
    return _data_of(row) if row is not None else None


def criteria_set_by_id(set_id: int) -> CriteriaSetData:
    row = CriteriaSet.get_or_none(CriteriaSet.id == set_id)
    if row is None:
        raise NotFoundError(f"Không tìm thấy bộ tiêu chí số {set_id}.")
    return _data_of(row)


def require_criteria_set(year: int) -> CriteriaSetData:
    data = criteria_set(year)
    if data is None:
        raise NotFoundError(f"Chưa có bộ tiêu chí đánh giá năm {year}. Hãy nhập hoặc chép bộ tiêu chí trước.")
    return data


# --- writing -----------------------------------------------------------------


def _refuse_when_decided(row: CriteriaSet) -> None:
    decided = Evaluation.select().where((Evaluation.criteria_set == row.id) & (Evaluation.stage == "decided")).count()
    if decided:
        raise ValidationError(
            "criteria",
            f"Đã có {decided} tổ được quyết định xếp loại năm {row.year} theo bộ tiêu chí này, không sửa được. "
            "Hãy mở lại các kết quả đó trước khi sửa bộ tiêu chí.",
        )


def save_criteria_set(year: int, data: CriteriaSetData, expected_version: int | None = None) -> CriteriaSetData:
    """Replace the groups, criteria, levels and quota of *year*'s set by
    *data* in one transaction (creating the set when the year has none).

    Everything is checked first (CriteriaProblems lists every problem).
    *expected_version* is the version the caller read: a set saved by
    someone else meanwhile is refused (ConflictError). Criteria keep their
    identity by code, so scores already given to a kept criterion stay;
    a criterion left out loses its scores. A set some team's decided rating
    uses is not changed."""
    access.require_admin("thay đổi bộ tiêu chí đánh giá")
    definition = definition_of(data)
    checked = data_from_definition(definition, year)  # raises CriteriaProblems
    with database_proxy.atomic():
        row = criteria_set_row(year)
        levels_json = json.dumps(definition["levels"], ensure_ascii=False)
        quota_json = json.dumps(definition["quota"], ensure_ascii=False)
        if row is None:
            if expected_version not in (None, 0):
                raise ConflictError(f"Bộ tiêu chí năm {year} vừa bị người khác xóa. Hãy mở lại.")
            row = CriteriaSet.create(year=year, name=checked.name, levels=levels_json, quota=quota_json,
                                     is_sample=checked.is_sample)
            before = None
        else:
            if expected_version is not None and row.version != expected_version:
                raise ConflictError("Bộ tiêu chí này vừa được người khác sửa sau khi bạn mở. Hãy mở lại để xem bản mới nhất.")
            _refuse_when_decided(row)
            before = audit.snapshot(row)
            changed = CriteriaSet.update(
                name=nfc(checked.name), levels=levels_json, quota=quota_json, is_sample=checked.is_sample,
                version=CriteriaSet.version + 1, updated_at=now(),
            ).where((CriteriaSet.id == row.id) & (CriteriaSet.version == row.version)).execute()
            if changed != 1:
                raise ConflictError("Bộ tiêu chí này vừa được người khác sửa. Hãy mở lại.")
            row = CriteriaSet.get_by_id(row.id)
        _replace_criteria(row.id, checked)
        audit.write("update" if before else "create", row, before=before, after=audit.snapshot(row))
    return _data_of(row)


def _replace_criteria(set_id: int, data: CriteriaSetData) -> None:
    existing = {c.code: c for c in Criterion.select().where(Criterion.criteria_set == set_id)}
    position = 0
    for group in data.groups:
        for crit in group.criteria:
            position += 1
            values = {"group": group.title, "title": crit.text, "max_points": crit.max_points,
                      "metric": _metric_text(crit), "position": position}
            row = existing.pop(crit.code, None)
            if row is None:
                Criterion.create(criteria_set=set_id, code=crit.code, **values)
            else:
                for name, value in values.items():
                    setattr(row, name, value)
                row.version += 1
                row.updated_at = now()
                row.save()
    if existing:
        # their scores go with them (ON DELETE CASCADE)
        Criterion.delete().where(Criterion.id.in_([c.id for c in existing.values()])).execute()


def copy_criteria_set(from_year: int, to_year: int, *, replace: bool = False) -> CriteriaSetData:
    """*from_year*'s set as the set of *to_year*, in one step. Refused when
    *to_year* already has a set, unless *replace*."""
    source = criteria_set(from_year)
    if source is None:
        raise NotFoundError(f"Năm {from_year} chưa có bộ tiêu chí để chép.")
    if from_year == to_year:
        raise ValidationError("year", "Năm chép đến phải khác năm của bộ tiêu chí gốc.")
    target = criteria_set(to_year)
    if target is not None and not replace:
        raise ValidationError("year", f"Năm {to_year} đã có bộ tiêu chí «{target.name}». Chọn thay thế nếu muốn chép đè.")
    name = source.name.replace(str(from_year), str(to_year))
    copy = CriteriaSetData(None, 0, to_year, name, source.is_sample, source.groups, source.levels, source.quota, source.note)
    return save_criteria_set(to_year, copy, expected_version=target.version if target else None)


# --- the JSON definition from files (the demo and older callers) -------------


def load_definition(source: str | Path | dict | None = None) -> dict:
    """Read and check a criteria-set definition (a JSON file, or its dict;
    None: the sample shipped with the program). Raises CriteriaProblems."""
    if source is None:
        source = default_criteria_path()
    if isinstance(source, dict):
        data = source
    else:
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NotFoundError(f"Không tìm thấy tệp bộ tiêu chí «{path}».") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError("file", f"Tệp bộ tiêu chí «{path.name}» không đúng định dạng JSON ({exc}).") from None
    problems = definition_problems(data)
    if problems:
        raise CriteriaProblems(problems)
    return data


def definition_rows(data: dict) -> list[dict]:
    """The criteria of a definition, flattened in order: group, code, title, max_points, metric, position."""
    rows, position = [], 0
    for group in data["groups"]:
        for crit in group.get("criteria") or []:
            position += 1
            rows.append({
                "group": nfc(group.get("title", "")), "code": nfc(str(crit["code"])), "title": nfc(crit["title"]),
                "max_points": Decimal(str(crit["max_points"])), "metric": crit.get("metric") or "", "position": position,
            })
    return rows


def check_levels(levels: list) -> list[dict]:
    """The levels of a definition as stored: NFC names, numeric thresholds."""
    problems = _level_problems(levels, None)
    if problems:
        raise CriteriaProblems(problems)
    return [{"code": nfc(str(lv["code"])), "name": nfc(str(lv["name"])), "min_points": float(_number(lv["min_points"]))}
            for lv in levels]


def check_quota_rules(quota: Any) -> dict:
    problems = _quota_problems(quota, None) if not isinstance(quota, dict) else [
        p for p in _quota_problems(quota, [{"code": c} for c in _rule_codes(quota)])
    ]
    if problems:
        raise CriteriaProblems(problems)
    return quota


def _rule_codes(quota: dict) -> list[str]:
    rule = quota.get("top_level_max_share_of")
    return [str(rule[0]), str(rule[1])] if isinstance(rule, list) and len(rule) == 3 else []


def levels_of(cset: CriteriaSet) -> list[dict]:
    return json.loads(cset.levels or "[]")


def quota_of(cset: CriteriaSet) -> dict:
    return json.loads(cset.quota or "{}")
