"""Importing the list of areas (thôn, bản, tổ dân phố) and their teams.

    plan = preview_areas("dia_ban.xlsx"); apply_areas(plan)

One row per area: its name (with its kind: "Bản Nà Khoang", or a "Loại địa
bàn" column), commune, households, population, ethnic groups, and, when the
file has them, its team's decision number, founding date and the cadre in
charge. An area already in the database (same folded name in the same
commune) is updated with the columns the file has; a new one is added, with
its team when the file gives team columns. All or nothing, like the members
import; the export of areas and of teams reads back."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import UserError
from ...store.base import database_proxy, now
from ...store.models import Area, AuditLog, Team
from ...vn import fold
from ..core import audit, bulk, vocab
from . import values as clean
from .headers import header_key
from .members import ProgressFn, _json, _new_row, _tick
from .sheet import read_sheets

ALIASES = {
    "area": ("ten dia ban", "dia ban", "ten thon", "thon", "ban", "to dan pho", "thon ban", "thon ban to dan pho",
             "ten thon ban", "ten thon ban to dan pho"),
    "kind": ("loai dia ban", "loai"),
    "commune": ("xa", "phuong", "xa phuong"),
    "province": ("tinh", "tinh thanh pho"),
    "households": ("so ho", "tong so ho"),
    "population": ("so nhan khau", "so khau", "dan so", "nhan khau"),
    "ethnic_groups": ("cac dan toc", "dan toc", "thanh phan dan toc"),
    "notes": ("ghi chu",),
    "team": ("ten to", "to dan van", "ten to dan van"),
    "decision_number": ("so quyet dinh thanh lap", "so quyet dinh", "quyet dinh thanh lap"),
    "established_on": ("ngay thanh lap", "ngay quyet dinh"),
    "cadre_name": ("can bo phu trach", "ho ten can bo phu trach"),
    "cadre_title": ("chuc vu can bo phu trach",),
    "cadre_phone": ("dien thoai can bo phu trach", "so dien thoai can bo phu trach"),
}
TEAM_FIELDS = ("decision_number", "established_on", "cadre_name", "cadre_title", "cadre_phone")
LABELS = {"kind": "Loại địa bàn", "province": "Tỉnh", "households": "Số hộ", "population": "Số nhân khẩu",
          "ethnic_groups": "Các dân tộc", "notes": "Ghi chú", "decision_number": "Số quyết định thành lập",
          "established_on": "Ngày thành lập", "cadre_name": "Cán bộ phụ trách", "cadre_title": "Chức vụ cán bộ",
          "cadre_phone": "Điện thoại cán bộ"}
_KINDS = {fold(label): code for code, label in vocab.AREA_KINDS}


def _field(text) -> str | None:
    key = header_key(text)
    for name, aliases in ALIASES.items():
        if key in aliases:
            return name
    return None


@dataclass
class AreaRow:
    row: int
    name: str = ""
    kind: str = ""
    commune: str = ""
    area: dict = field(default_factory=dict)
    team: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    area_id: int | None = None
    team_id: int | None = None
    action: str = "new"
    changes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def cells(self) -> dict[str, str]:
        """The row as the preview table shows it."""
        on = self.team.get("established_on")
        return {"name": self.name, "kind": dict(vocab.AREA_KINDS).get(self.kind, self.kind), "commune": self.commune,
                "households": str(self.area.get("households") or ""), "population": str(self.area.get("population") or ""),
                "ethnic_groups": self.area.get("ethnic_groups", ""), "decision_number": self.team.get("decision_number", ""),
                "established_on": on.strftime("%d/%m/%Y") if on else "", "cadre_name": self.team.get("cadre_name", "")}


@dataclass
class AreasPlan:
    path: str
    sheet: str
    header_row: int
    rows: list[AreaRow]

    @property
    def errors(self) -> list[str]:
        return [f"Dòng {r.row}: {p}" for r in self.rows for p in r.problems]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary(self) -> str:
        return (f"{len(self.rows)} địa bàn: {self.count('new')} thêm mới, {self.count('update')} cập nhật, "
                f"{self.count('same')} không đổi" + (f", {self.count('error')} dòng có lỗi" if self.count("error") else ""))


def _count(value, label: str) -> int | None:
    if value in (None, ""):
        return None
    text = clean.text(value).replace(".", "").replace(" ", "")
    if not text.isdigit():
        raise ValueError(f"{label} «{clean.text(value)}» phải là số")
    return int(text)


def preview_areas(path: str | Path, *, progress: ProgressFn | None = None) -> AreasPlan:
    """Read the areas list at *path* and plan its import; nothing written."""
    from ..settings import load_organisation

    _tick(progress, 0, 0, "Đang mở tệp")
    for grid in read_sheets(path):
        for r, row in enumerate(grid.rows[:40]):
            columns = {}
            for c, value in enumerate(row):
                name = _field(value)
                if name and name not in columns:
                    columns[name] = c
            if "area" in columns and len(columns) >= 2:
                break
        else:
            continue
        break
    else:
        raise UserError("Không tìm thấy dòng tiêu đề của danh sách địa bàn: cần cột «Tên địa bàn» (hoặc Thôn, Bản, "
                        "Tổ dân phố) và ít nhất một cột khác trong 40 dòng đầu.")
    org = load_organisation()
    plans: list[AreaRow] = []
    for index in range(r + 1, len(grid.rows)):
        row = grid.rows[index]
        if all(v is None for v in row):
            continue
        plan = AreaRow(row=index + 1)

        def cell(name):
            c = columns.get(name)
            return row[c] if c is not None and c < len(row) else None

        try:
            plan.name, plan.kind = clean.area(cell("area"))
        except ValueError as exc:
            plan.problems.append(str(exc))
        if not plan.name:
            if any(v is not None for v in row):
                plan.problems.append("chưa có tên địa bàn")
            plans.append(plan)
            continue
        if "kind" in columns and cell("kind"):
            kind = _KINDS.get(fold(clean.text(cell("kind"))))
            if kind is None:
                plan.problems.append(f"loại địa bàn «{clean.text(cell('kind'))}» không rõ")
            else:
                plan.kind = kind
        plan.kind = plan.kind or "thôn"
        plan.area["kind"] = plan.kind
        plan.commune = re.sub(r"^(xã|phường|đặc khu|thị trấn)\s+", "", clean.text(cell("commune")), flags=re.I) \
            if "commune" in columns else ""
        plan.commune = plan.commune or org.commune_short
        for name, label in (("households", "số hộ"), ("population", "số nhân khẩu")):
            if name in columns:
                try:
                    plan.area[name] = _count(cell(name), label)
                except ValueError as exc:
                    plan.problems.append(str(exc))
        if plan.area.get("households") and plan.area.get("population") and plan.area["population"] < plan.area["households"]:
            plan.problems.append("số nhân khẩu ít hơn số hộ")
        for name in ("province", "ethnic_groups", "notes"):
            if name in columns:
                plan.area[name] = clean.text(cell(name))
        for name in TEAM_FIELDS:
            if name in columns:
                if name == "established_on":
                    try:
                        plan.team[name] = clean.date(cell(name), "ngày thành lập")
                    except ValueError as exc:
                        plan.problems.append(str(exc))
                else:
                    plan.team[name] = clean.text(cell(name))
        plans.append(plan)
    if not plans:
        raise UserError(f"Trang tính «{grid.name}» có dòng tiêu đề (dòng {r + 1}) nhưng không có địa bàn nào.")
    _match(plans)
    return AreasPlan(str(path), grid.name, r + 1, plans)


def _match(plans: list[AreaRow]) -> None:
    existing = {}
    columns = [Area.id, Area.name, Area.commune] + [getattr(Area, f) for f in ("kind", "province", "households",
                                                                                "population", "ethnic_groups", "notes")]
    for values in Area.select(*columns).where(Area.deleted_at.is_null()).tuples():
        rec = dict(zip(["id", "name", "commune", "kind", "province", "households", "population", "ethnic_groups",
                        "notes"], values))
        existing[(fold(rec["name"]), fold(rec["commune"]))] = rec
    teams = {}
    team_columns = [Team.id, Team.area] + [getattr(Team, f) for f in TEAM_FIELDS]
    for values in Team.select(*team_columns).where(Team.deleted_at.is_null() & (Team.status == "active")).tuples():
        teams[values[1]] = dict(zip(["id", "area", *TEAM_FIELDS], values))
    seen: dict[tuple, int] = {}
    for plan in plans:
        key = (fold(plan.name), fold(plan.commune))
        if plan.name and key in seen:
            plan.problems.append(f"trùng với dòng {seen[key]}")
        seen.setdefault(key, plan.row)
        rec = existing.get(key)
        if rec is not None:
            plan.area_id = rec["id"]
            plan.changes = [f"{LABELS[k]}: {rec[k] or '(trống)'} → {v or '(trống)'}" for k, v in plan.area.items()
                            if (rec[k] or None) != (v or None)]
            team = teams.get(rec["id"])
            if team is not None:
                plan.team_id = team["id"]
                plan.changes += [f"{LABELS[k]}: {team[k] or '(trống)'} → {v or '(trống)'}" for k, v in plan.team.items()
                                 if (team[k] or None) != (v or None)]
            elif plan.team:
                plan.changes.append("Thêm Tổ dân vận")
        plan.action = "error" if plan.problems else "new" if plan.area_id is None else "update" if plan.changes else "same"


def apply_areas(plan: AreasPlan, progress: ProgressFn | None = None) -> str:
    """Write *plan* in one transaction; a Vietnamese summary of what was done."""
    if not plan.ok:
        raise UserError("Tệp còn lỗi, chưa nhập gì:\n" + "\n".join(plan.errors))
    stamp, user, name = now(), audit.current_user(), Path(plan.path).name
    with database_proxy.atomic():
        new = [r for r in plan.rows if r.action == "new"]
        rows = [_new_row(Area, {"name": r.name, "commune": r.commune, **r.area}, stamp) for r in new]
        bulk.insert_rows(Area, rows)
        ids = bulk.ids_by_uid(Area, [r["uid"] for r in rows])
        for r, row in zip(new, rows):
            r.area_id = ids[row["uid"]]
        for r in plan.rows:
            if r.action == "update":
                values = Area.prepare_row(dict(r.area))
                if values:
                    Area.update(**values, version=Area.version + 1, updated_at=stamp).where(Area.id == r.area_id).execute()
                if r.team_id is not None and r.team:
                    Team.update(**r.team, version=Team.version + 1, updated_at=stamp).where(Team.id == r.team_id).execute()
        teams = [_new_row(Team, {"area": r.area_id, "name": f"Tổ dân vận {r.kind} {r.name}", **r.team}, stamp)
                 for r in plan.rows if r.team and r.team_id is None and r.action in ("new", "update")]
        bulk.insert_rows(Team, teams)
        bulk.insert_rows(AuditLog, [{"at": stamp, "username": user, "action": "import", "table_name": "area",
                                     "record_id": None, "record_uid": None, "before": None,
                                     "after": _json({"import": name, "summary": plan.summary()})}])
    _tick(progress, 1, 1, "Đã ghi xong")
    return f"Đã nhập {plan.summary()}; {len(teams)} tổ dân vận mới."
