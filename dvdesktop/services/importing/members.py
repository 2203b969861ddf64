"""Importing a list of people (Tổ dân vận members) from an Excel file.

    plan = preview_members("danh_sach.xlsx")     # nothing written
    plan.errors  → ["Dòng 12: năm sinh «19755» không đọc được …", …]
    result = apply_members(plan)                 # all or nothing

A person of the file is the person of the database with the same folded
name, birth year and area: importing the list again updates them (only the
columns the file has) instead of adding them twice, and the result says what
changed. Areas and their teams the file names and the database lacks are
created; a row with a role in the team ("Tổ trưởng", "Thành viên") makes the
person a current member of the area's team with that role (a change of role
ends the old membership and starts the new one: history is kept).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ConflictError, UserError
from ...store.base import database_proxy, new_uid, now
from ...store.models import Area, AuditLog, Membership, Person, Team
from ...vn import fold
from ..core import audit, bulk, vocab
from . import values as clean
from .headers import FIELD_NAMES, Header, find_header
from .sheet import Grid, read_sheets

ProgressFn = Callable[[int, int, str], None]

# person column → (label in messages, how the report shows the value)
PERSON_FIELDS = {
    "full_name": "Họ và tên", "gender": "Giới tính", "birth_year": "Năm sinh", "ethnicity": "Dân tộc",
    "phone": "Số điện thoại", "address": "Địa chỉ", "party_member": "Đảng viên", "titles": "Chức vụ",
    "notes": "Ghi chú",
}
ROLE_LABELS = dict(vocab.TEAM_ROLES)
CHUNK = 500
BIG_CHUNK = 2000  # rows written between two progress steps (a Stop is seen there)


def _shown(name: str, value) -> str:
    if value is None or value == "":
        return "(trống)"
    if name == "party_member":
        return "có" if value else "không"
    if name == "gender":
        return dict(vocab.GENDERS).get(value, value)
    return str(value)


@dataclass
class RowPlan:
    """One row of the file: what it says and what the import will do with it."""

    row: int  # as Excel numbers it
    full_name: str = ""
    person: dict = field(default_factory=dict)  # the person's columns the file has, cleaned
    area_name: str = ""
    area_kind: str = ""
    commune: str = ""
    role: str = ""
    position: str = ""
    start_date: dt.date | None = None
    problems: list[str] = field(default_factory=list)
    action: str = "new"  # new / update / same / error
    person_id: int | None = None
    person_version: int | None = None
    changes: list[str] = field(default_factory=list)  # "Số điện thoại: 0912… → 0987…"
    area_id: int | None = None
    team_id: int | None = None
    membership: tuple | None = None  # the current membership (id, role, position, start_date) in the area's team

    @property
    def ok(self) -> bool:
        return not self.problems

    def cells(self) -> dict[str, str]:
        """The row as the preview table shows it."""
        p = self.person
        return {
            "full_name": self.full_name, "gender": _shown("gender", p.get("gender")) if "gender" in p else "",
            "birth_year": str(p.get("birth_year") or ""), "ethnicity": p.get("ethnicity", ""),
            "area": self.area_name, "role": ROLE_LABELS.get(self.role, ""), "position": self.position or p.get("titles", ""),
            "phone": p.get("phone", ""), "party_member": ("có" if p.get("party_member") else "") if "party_member" in p else "",
        }


@dataclass
class MembersPlan:
    """What the file holds and what importing it would do; nothing written."""

    path: str
    sheet: str
    header_row: int  # as Excel numbers it
    columns: list[tuple[str, int]]  # (Vietnamese field name, column number)
    encoding: str
    rows: list[RowPlan]
    skipped: list[str] = field(default_factory=list)  # lines that are no person (group titles …), for information
    new_areas: list[str] = field(default_factory=list)
    new_teams: list[str] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def errors(self) -> list[str]:
        """Every problem, one line each, named by row number."""
        return [f"Dòng {r.row}: {p}" for r in self.rows for p in r.problems]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not any(r.problems for r in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary(self) -> str:
        parts = [f"{len(self.rows)} dòng người", f"{self.count('new')} thêm mới", f"{self.count('update')} cập nhật",
                 f"{self.count('same')} không đổi"]
        if self.count("error"):
            parts.append(f"{self.count('error')} dòng có lỗi")
        if self.new_areas:
            parts.append(f"{len(self.new_areas)} địa bàn mới")
        return ", ".join(parts)


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    memberships: int  # memberships started
    areas_created: list[str]
    teams_created: list[str]
    changes: list[str]  # "Dòng 12 — Nguyễn Văn A: Số điện thoại 0912… → 0987…"

    def summary(self) -> str:
        text = (f"Đã nhập: {self.created} người mới, {self.updated} người cập nhật, {self.unchanged} không đổi; "
                f"{self.memberships} lượt vào tổ")
        if self.areas_created:
            text += f"; địa bàn mới: {', '.join(self.areas_created)}"
        return text + "."


# --- reading -----------------------------------------------------------------------


def _tick(progress: ProgressFn | None, done: int, total: int, text: str) -> None:
    if progress is not None:
        progress(done, total, text)


def _choose_sheet(grids: list[Grid], name: str | None) -> tuple[Grid, Header]:
    if name:
        grids = [g for g in grids if g.name == name]
        if not grids:
            raise UserError(f"Tệp không có trang tính «{name}».")
    for grid in grids:
        header = find_header(grid)
        if header is not None:
            return grid, header
    raise UserError("Không tìm thấy dòng tiêu đề của danh sách: cần ít nhất cột «Họ và tên» và một cột khác "
                    "(Năm sinh, Giới tính, Thôn/Bản, Chức vụ …) trong 40 dòng đầu của trang tính.")


_FOOTER_WORDS = ("nguoi lap", "nguoi ky", "ky ten", "ky, ghi ro", "xac nhan", "t/m ", "tm. ", "tm ", "kt. ",
                 "kt ", "thu truong", "ghi ro ho ten")


def _is_footer(row: list) -> bool:
    """The lines under a list: the date line and the signatures."""
    texts = [fold(v) for v in row if isinstance(v, str)]
    for t in texts:
        if (" ngay " in f" {t} " and " thang " in f" {t} " and " nam " in f" {t} ") or t.startswith(_FOOTER_WORDS):
            return True
    return False


def _is_numbering(row: list) -> bool:
    """The line of column numbers under a header: 1 2 3 … or (1) (2) (3) …"""
    cells = [v for v in row if v is not None]
    if len(cells) < 3:
        return False
    numbers = []
    for v in cells:
        t = clean.text(v).strip("() ")
        if not t.isdigit():
            return False
        numbers.append(int(t))
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _group_line(grid: Grid, index: int, row: list, cols: dict[str, int]) -> str | None:
    """The text of a line that heads a group of rows ("I. THÔN NÀ KHOANG",
    "Bản Nà Khoang" merged across the table), or None for a person's row."""
    stt = cols.get("stt")
    number = _cell(row, stt)
    if isinstance(number, int) or (number is not None and clean.text(number).isdigit()):
        return None  # a numbered row is a person
    texts = {clean.text(v) for c, v in enumerate(row) if v is not None and c != stt}
    if len(texts) != 1:
        return None
    text = next(iter(texts))
    merged = sum(1 for c, v in enumerate(row) if v is not None and c != stt) > 1 or any(
        (index, c) in grid.merged_copy for c in range(len(row)))
    if merged or clean.group_area(text) or (text.isupper() and len(text) > 3):
        prefix = clean.text(number) + ". " if number is not None else ""
        return prefix + text
    return None


def _cell(row: list, col: int | None):
    if col is None or col >= len(row):
        return None
    return row[col]


def _read_rows(grid: Grid, header: Header, progress: ProgressFn | None) -> tuple[list[RowPlan], list[str]]:
    cols = header.columns
    rows: list[RowPlan] = []
    skipped: list[str] = []
    group_area: tuple[str, str] | None = None
    data_rows = grid.rows[header.data_start:]
    total = len(data_rows)
    started = False
    for offset, row in enumerate(data_rows):
        index = header.data_start + offset
        number = grid.row_number(index)
        if offset % CHUNK == 0:
            _tick(progress, offset, total, "Đang đọc các dòng")
        if all(v is None for v in row):
            continue
        if not started and _is_numbering(row):
            continue
        stt = _cell(row, cols.get("stt"))
        numbered = isinstance(stt, int) or (isinstance(stt, str) and stt.strip().isdigit())
        if not numbered and _is_footer(row):  # a numbered row is a person, never the signatures
            break
        group = _group_line(grid, index, row, cols)
        if group is not None:
            group_area = clean.group_area(group) or group_area
            skipped.append(f"Dòng {number}: «{group}» (dòng tiêu đề nhóm)")
            continue
        started = True
        rows.append(_read_row(row, number, header, group_area))
    _tick(progress, total, total, "Đang đọc các dòng")
    return rows, skipped


def _read_row(row: list, number: int, header: Header, group_area) -> RowPlan:
    cols = header.columns
    plan = RowPlan(row=number)
    person = plan.person

    def take(name: str, fn):
        try:
            return fn()
        except ValueError as exc:
            plan.problems.append(f"{exc}")
            return None

    plan.full_name = take("full_name", lambda: clean.person_name(_cell(row, cols["full_name"]))) or clean.text(
        _cell(row, cols["full_name"]))
    if "birth" in cols:
        person["birth_year"] = take("birth", lambda: clean.birth_year(_cell(row, cols["birth"])))
    if "gender" in cols:
        person["gender"] = take("gender", lambda: clean.gender(_cell(row, cols["gender"]))) or ""
    for gender, code in (("male", "nam"), ("female", "nữ")):
        if gender in cols and take(gender, lambda g=gender: clean.mark(_cell(row, cols[g]), FIELD_NAMES[g])):
            if person.get("gender") and person["gender"] != code:
                plan.problems.append("đánh dấu cả hai cột Nam và Nữ")
            person["gender"] = code
        birth_col = cols.get(f"{gender}_birth")
        if birth_col is not None and _cell(row, birth_col) not in (None, ""):
            year = take("birth", lambda c=birth_col: clean.birth_year(_cell(row, c)))
            if person.get("gender") and person["gender"] != code:
                plan.problems.append("có năm sinh ở cả hai cột Nam và Nữ")
            person["gender"], person["birth_year"] = code, year
    if any(f"{g}_birth" in cols for g in ("male", "female")):
        person.setdefault("birth_year", None)
        person.setdefault("gender", "")
    if "ethnicity" in cols:
        person["ethnicity"] = take("ethnicity", lambda: clean.ethnicity(_cell(row, cols["ethnicity"]))) or "Kinh"
    if "phone" in cols:
        person["phone"] = take("phone", lambda: clean.phone(_cell(row, cols["phone"]))) or ""
    if "address" in cols:
        person["address"] = take("address", lambda: clean.limited(_cell(row, cols["address"]), "địa chỉ", 300)) or ""
    if "party_member" in cols:
        person["party_member"] = bool(take("party", lambda: clean.mark(_cell(row, cols["party_member"]), "Đảng viên")))
    if "position" in cols:
        person["titles"] = take("position", lambda: clean.limited(_cell(row, cols["position"]), "chức vụ", 200)) or ""
        plan.position = person["titles"]
    if "notes" in cols:
        person["notes"] = take("notes", lambda: clean.limited(_cell(row, cols["notes"]), "ghi chú", 5000)) or ""
    if "role" in cols:
        plan.role = take("role", lambda: clean.role(_cell(row, cols["role"]))) or ""
    if "start_date" in cols:
        plan.start_date = take("start", lambda: clean.date(_cell(row, cols["start_date"]), "ngày vào tổ"))
    if "commune" in cols:
        plan.commune = clean.text(_cell(row, cols["commune"]))
        for word in ("xã ", "phường ", "đặc khu ", "thị trấn "):
            if plan.commune.lower().startswith(word):
                plan.commune = plan.commune[len(word):].strip()
    if "area" in cols and _cell(row, cols["area"]) not in (None, ""):
        found = take("area", lambda: clean.area(_cell(row, cols["area"]), header.area_kind))
        if found:
            plan.area_name, plan.area_kind = found
    elif group_area:
        plan.area_name, plan.area_kind = group_area
    if plan.role and not plan.area_name:
        plan.problems.append("có chức vụ trong tổ nhưng chưa có thôn, bản (tổ dân vận của địa bàn nào?)")
    return plan


# --- matching with the database --------------------------------------------------


def _area_index(default_commune: str):
    """Areas by folded name, each with its commune (a province has many)."""
    by_name: dict[str, list[tuple[int, str, str]]] = {}
    for aid, name, commune, merged in (Area.select(Area.id, Area.name, Area.commune, Area.merged_into)
                                       .where(Area.deleted_at.is_null()).tuples()):
        by_name.setdefault(fold(name), []).append((aid, commune, name))
    return by_name


def _resolve_area(plan: RowPlan, by_name, default_commune: str, new_areas: dict) -> None:
    if not plan.area_name:
        return
    key = fold(plan.area_name)
    found = by_name.get(key, [])
    if plan.commune:
        found = [a for a in found if fold(a[1]) == fold(plan.commune)]
    if len(found) > 1:
        communes = ", ".join(sorted({a[1] or "?" for a in found}))
        plan.problems.append(f"có nhiều địa bàn tên «{plan.area_name}» (xã {communes}); thêm cột «Xã» để chọn")
        return
    if found:
        plan.area_id = found[0][0]
        plan.area_name = found[0][2]
        return
    commune = plan.commune or default_commune
    new_key = (key, fold(commune))
    if new_key not in new_areas:
        new_areas[new_key] = (plan.area_name, plan.area_kind or "thôn", commune)


def _person_index(area_ids: set[int | None]) -> dict[tuple, tuple]:
    columns = [Person.id, Person.version, Person.name_folded, Person.birth_year, Person.area] + [
        getattr(Person, f) for f in PERSON_FIELDS]
    query = Person.select(*columns).where(Person.deleted_at.is_null())
    index: dict[tuple, list[tuple]] = {}
    names = ["id", "version", "name_folded", "birth_year", "area"] + list(PERSON_FIELDS)
    for values in query.tuples():
        rec = dict(zip(names, values))
        index.setdefault((rec["name_folded"], rec["birth_year"], rec["area"]), []).append(rec)
    return index


def _diff(plan: RowPlan, existing: dict) -> list[str]:
    changes = []
    for name, new in plan.person.items():
        old = existing.get(name)
        if name == "party_member":
            old = bool(old)
        if (old or None) != (new or None) if not isinstance(new, bool) else old != new:
            changes.append(f"{PERSON_FIELDS[name]}: {_shown(name, old)} → {_shown(name, new)}")
    if plan.full_name != existing["full_name"]:
        changes.insert(0, f"Họ và tên: {existing['full_name']} → {plan.full_name}")
    return changes


def _memberships(team_ids: set[int], on: dt.date):
    """Current memberships of the teams: (team, person) → (id, role, position, start)."""
    found: dict[tuple[int, int], tuple] = {}
    leaders: dict[int, tuple[int, str]] = {}
    if not team_ids:
        return found, leaders
    query = (Membership.select(Membership.id, Membership.team, Membership.person, Membership.role,
                               Membership.position, Membership.start_date, Person.full_name)
             .join(Person)
             .where(Membership.team.in_(list(team_ids)) & (Membership.start_date <= on)
                    & (Membership.end_date.is_null() | (Membership.end_date > on))).tuples())
    for mid, team, person, role, position, start, name in query:
        found[(team, person)] = (mid, role, position, start)
        if role == "to_truong":
            leaders[team] = (person, name)
    return found, leaders


def _plan_database(rows: list[RowPlan], today: dt.date) -> tuple[list[str], list[str]]:
    from ..settings import load_organisation

    org = load_organisation()
    default_commune = org.commune_short
    by_name = _area_index(default_commune)
    new_areas: dict[tuple[str, str], tuple[str, str, str]] = {}
    for plan in rows:
        _resolve_area(plan, by_name, default_commune, new_areas)
    teams = {aid: (tid, name) for tid, aid, name in (Team.select(Team.id, Team.area, Team.name)
             .where(Team.deleted_at.is_null() & (Team.status == "active")).tuples())}
    new_teams: list[str] = []
    index = _person_index(set())
    seen: dict[tuple, int] = {}
    for plan in rows:
        if plan.area_id is not None and plan.area_id in teams:
            plan.team_id = teams[plan.area_id][0]
        elif plan.role and plan.area_name:
            label = f"Tổ dân vận {plan.area_kind or 'thôn'} {plan.area_name}"
            if label not in new_teams:
                new_teams.append(label)
        key = (fold(plan.full_name), plan.person.get("birth_year"), plan.area_id)
        file_key = (key[0], key[1], fold(plan.area_name), fold(plan.commune))
        if plan.full_name and file_key in seen:
            plan.problems.append(f"trùng với dòng {seen[file_key]} (cùng họ tên, năm sinh và địa bàn)")
        elif plan.full_name:
            seen[file_key] = plan.row
        found = index.get(key, []) if plan.area_id is not None or not plan.area_name else []
        if len(found) > 1:
            plan.problems.append(f"cơ sở dữ liệu đã có {len(found)} người trùng họ tên, năm sinh và địa bàn; "
                                 "hãy gộp họ trước khi nhập")
        elif found:
            existing = found[0]
            plan.person_id, plan.person_version = existing["id"], existing["version"]
            plan.changes = _diff(plan, existing)
    team_ids = {p.team_id for p in rows if p.team_id}
    current, leaders = _memberships(team_ids, today)
    file_leaders: dict[object, list[RowPlan]] = {}
    demoted = set()
    for plan in rows:
        if plan.team_id and plan.person_id:
            plan.membership = current.get((plan.team_id, plan.person_id))
            if plan.membership and plan.role and plan.role != plan.membership[1]:
                plan.changes.append(f"Chức vụ trong tổ: {ROLE_LABELS[plan.membership[1]]} → {ROLE_LABELS[plan.role]}")
                if plan.membership[1] == "to_truong":
                    demoted.add(plan.team_id)
            elif plan.membership and "titles" in plan.person and plan.role and plan.position != plan.membership[2]:
                plan.changes.append(f"Chức vụ ở thôn: {plan.membership[2] or '(trống)'} → {plan.position or '(trống)'}")
            elif plan.role and not plan.membership:
                plan.changes.append(f"Vào tổ: {ROLE_LABELS[plan.role]}")
        if plan.role == "to_truong":
            file_leaders.setdefault(plan.team_id or (fold(plan.area_name), fold(plan.commune)), []).append(plan)
        if plan.start_date and plan.start_date > today:
            plan.problems.append("ngày vào tổ ở sau hôm nay")
    for team, plans in file_leaders.items():
        if len(plans) > 1:
            others = ", ".join(str(p.row) for p in plans)
            for p in plans:
                p.problems.append(f"một tổ có hai tổ trưởng trong tệp (các dòng {others})")
        elif isinstance(team, int) and team in leaders and team not in demoted:
            leader_id, leader_name = leaders[team]
            if plans[0].person_id != leader_id:
                plans[0].problems.append(f"tổ đã có tổ trưởng {leader_name}; ghi người đó là Tổ phó/Thành viên "
                                         "trong tệp, hoặc dùng «Kiện toàn» trong chương trình")
    for plan in rows:
        if plan.problems:
            plan.action = "error"
        elif plan.person_id is None:
            plan.action = "new"
        else:
            plan.action = "update" if plan.changes else "same"
    return [f"{kind} {name}" + (f" (xã {commune})" if commune else "")
            for name, kind, commune in new_areas.values()], new_teams


def preview_members(path: str | Path, *, sheet: str | None = None, today: dt.date | None = None,
                    progress: ProgressFn | None = None) -> MembersPlan:
    """Read the list at *path* and plan its import against the open
    database; nothing is written. Raises UserError for a file that is no
    list (garbage, no header row)."""
    today = today or dt.date.today()
    _tick(progress, 0, 0, "Đang mở tệp")
    grid, header = _choose_sheet(read_sheets(path), sheet)
    rows, skipped = _read_rows(grid, header, progress)
    if not rows:
        raise UserError(f"Trang tính «{grid.name}» có dòng tiêu đề (dòng {header.row + 1}) nhưng không có dòng người nào.")
    _tick(progress, 0, 0, "Đang đối chiếu với dữ liệu đã có")
    new_areas, new_teams = _plan_database(rows, today)
    return MembersPlan(str(path), grid.name, header.row + 1, header.describe(), grid.encoding, rows, skipped,
                       new_areas, new_teams, today)


# --- writing ---------------------------------------------------------------------


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def apply_members(plan: MembersPlan, progress: ProgressFn | None = None) -> ImportResult:
    """Write *plan* in one transaction: everything or nothing. Refused when
    any row has a problem, or when a person it updates was changed since the
    preview."""
    if not plan.ok:
        raise UserError("Tệp còn lỗi, chưa nhập gì:\n" + "\n".join(plan.errors))
    from ..settings import load_organisation

    org = load_organisation()
    user = audit.current_user()
    stamp = now()
    total = len(plan.rows)
    with database_proxy.atomic():
        _check_versions(plan)
        areas_created, teams_created = _create_areas_and_teams(plan, org, stamp, user)
        _tick(progress, 0, total, "Đang ghi")
        created = _insert_people(plan, stamp, user, progress)
        updated = _update_people(plan, stamp, user)
        started = _write_memberships(plan, stamp, user)
    _tick(progress, total, total, "Đã ghi xong")
    changes = [f"Dòng {r.row} — {r.full_name}: " + "; ".join(r.changes) for r in plan.rows if r.action == "update"]
    return ImportResult(created, updated, plan.count("same"), started, areas_created, teams_created, changes)


def _new_row(model, values: dict, stamp) -> dict:
    """A whole new row of *model*: *values*, the rest at the fields' defaults."""
    row = {"uid": new_uid(), "created_at": stamp, "updated_at": stamp, "version": 1}
    for name, f in model._meta.fields.items():
        if name in ("id",) or name in row:
            continue
        if name in values:
            row[name] = values[name]
        elif f.default is not None:
            row[name] = f.default() if callable(f.default) else f.default
        else:
            row[name] = None
    return model.prepare_row(row)


def _create_areas_and_teams(plan: MembersPlan, org, stamp, user: str) -> tuple[list[str], list[str]]:
    """The areas the file names and the database lacks, and a team for each
    area whose people have a role in it (one insert each for all of them)."""
    area_rows: dict[tuple[str, str], dict] = {}
    for row in plan.rows:
        if row.area_name and row.area_id is None:
            commune = row.commune or org.commune_short
            key = (fold(row.area_name), fold(commune))
            if key not in area_rows:
                area_rows[key] = _new_row(Area, {
                    "name": row.area_name, "kind": row.area_kind or "thôn", "commune": commune,
                    "province": org.province, "commune_code": org.commune_code if commune == org.commune_short else ""},
                    stamp)
    bulk.insert_rows(Area, list(area_rows.values()))
    area_ids = bulk.ids_by_uid(Area, [r["uid"] for r in area_rows.values()])
    for row in plan.rows:
        if row.area_name and row.area_id is None:
            row.area_id = area_ids[area_rows[(fold(row.area_name), fold(row.commune or org.commune_short))]["uid"]]
    wanted = {row.area_id for row in plan.rows if row.role and row.area_id is not None and row.team_id is None}
    existing = dict(Team.select(Team.area, Team.id).where(Team.area.in_(list(wanted)) & (Team.status == "active")
                                                          & Team.deleted_at.is_null()).tuples()) if wanted else {}
    kinds = {aid: (name, kind) for aid, name, kind in
             Area.select(Area.id, Area.name, Area.kind).where(Area.id.in_(list(wanted))).tuples()} if wanted else {}
    team_rows = {aid: _new_row(Team, {"area": aid, "name": f"Tổ dân vận {kinds[aid][1]} {kinds[aid][0]}".replace("  ", " ")},
                               stamp)
                 for aid in sorted(wanted) if aid not in existing}
    bulk.insert_rows(Team, list(team_rows.values()))
    by_uid = bulk.ids_by_uid(Team, [r["uid"] for r in team_rows.values()])
    for aid, r in team_rows.items():
        existing[aid] = by_uid[r["uid"]]
    for row in plan.rows:
        if row.role and row.area_id is not None and row.team_id is None:
            row.team_id = existing[row.area_id]
    name = Path(plan.path).name
    bulk.insert_rows(AuditLog, [
        {"at": stamp, "username": user, "action": "create", "table_name": model._meta.table_name,
         "record_id": ids[r["uid"]], "record_uid": r["uid"], "before": None,
         "after": _json({"name": r["name"], "import": name})}
        for model, rows, ids in ((Area, area_rows.values(), area_ids), (Team, team_rows.values(), by_uid))
        for r in rows])
    return ([f"{r['kind']} {r['name']}" for r in area_rows.values()], [r["name"] for r in team_rows.values()])


def _check_versions(plan: MembersPlan) -> None:
    wanted = {r.person_id: r.person_version for r in plan.rows if r.person_id is not None}
    ids = list(wanted)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        found = dict(Person.select(Person.id, Person.version)
                     .where(Person.id.in_(chunk) & Person.deleted_at.is_null()).tuples())
        for pid in chunk:
            if found.get(pid) != wanted[pid]:
                raise ConflictError("Có người trong danh sách vừa được sửa hoặc xóa ở nơi khác sau khi xem trước; "
                                    "hãy xem trước lại rồi nhập.")


def _insert_people(plan: MembersPlan, stamp, user: str, progress) -> int:
    rows = []
    for row in plan.rows:
        if row.action != "new":
            continue
        values = {"uid": new_uid(), "created_at": stamp, "updated_at": stamp, "version": 1,
                  "full_name": row.full_name, "area": row.area_id, "gender": "", "ethnicity": "Kinh",
                  "phone": "", "address": "", "party_member": False, "titles": "", "notes": "", "birth_year": None}
        values.update({k: v for k, v in row.person.items() if v is not None or k == "birth_year"})
        if not values.get("ethnicity"):
            values["ethnicity"] = "Kinh"
        rows.append(Person.prepare_row(values))
    total = len(plan.rows)
    for i in range(0, len(rows), BIG_CHUNK):
        bulk.insert_rows(Person, rows[i:i + BIG_CHUNK])
        _tick(progress, min(i + BIG_CHUNK, len(rows)), total, "Đang ghi người mới")
    if rows:  # the new ids, for memberships and the audit log
        by_uid = bulk.ids_by_uid(Person, [r["uid"] for r in rows])
        new_rows = iter(r for r in plan.rows if r.action == "new")
        for values, row in zip(rows, new_rows):
            row.person_id = by_uid[values["uid"]]
        audit_rows = [{"at": stamp, "username": user, "action": "create", "table_name": "person",
                       "record_id": by_uid[v["uid"]], "record_uid": v["uid"], "before": None,
                       "after": _json({k: v[k] for k in ("full_name", "birth_year", "gender", "area")} | {"import": Path(plan.path).name})}
                      for v in rows]
        bulk.insert_rows(AuditLog, audit_rows)
    return len(rows)


def _update_people(plan: MembersPlan, stamp, user: str) -> int:
    count = 0
    for row in plan.rows:
        if row.action != "update":
            continue
        values = dict(row.person)
        values["full_name"] = row.full_name
        if "ethnicity" in values and not values["ethnicity"]:
            values["ethnicity"] = "Kinh"
        Person.prepare_row(values)
        person_changes = any(not c.startswith(("Chức vụ trong tổ", "Chức vụ ở thôn", "Vào tổ")) for c in row.changes)
        if person_changes:
            Person.update(**values, version=Person.version + 1, updated_at=stamp).where(Person.id == row.person_id).execute()
            AuditLog.insert(at=stamp, username=user, action="update", table_name="person", record_id=row.person_id,
                            after=_json({"changes": row.changes, "import": Path(plan.path).name})).execute()
        count += 1
    return count


def _write_memberships(plan: MembersPlan, stamp, user: str) -> int:
    """Roles: a new member joins; a changed role ends the old membership the
    day before the new one starts (a demoted leader first, so the new one fits)."""
    new_rows = []
    ordered = sorted((r for r in plan.rows if r.role and r.team_id), key=lambda r: r.role == "to_truong")
    for row in ordered:
        on = row.start_date or plan.today
        if row.membership is None:
            new_rows.append((row, on))
            continue
        mid, role, position, start = row.membership
        if role == row.role:
            if "titles" in row.person and position != row.position:
                Membership.update(position=row.position, version=Membership.version + 1, updated_at=stamp).where(
                    Membership.id == mid).execute()
            continue
        if on <= start:  # the same day it started: a correction, not a change of role
            Membership.update(role=row.role, position=row.position if "titles" in row.person else position,
                              version=Membership.version + 1, updated_at=stamp).where(Membership.id == mid).execute()
            continue
        Membership.update(end_date=on, end_reason="Kiện toàn (nhập từ Excel)", version=Membership.version + 1,
                          updated_at=stamp).where(Membership.id == mid).execute()
        new_rows.append((row, on))
    inserts = [{"uid": new_uid(), "created_at": stamp, "updated_at": stamp, "version": 1, "person": row.person_id,
                "team": row.team_id, "role": row.role, "position": row.position, "start_date": on, "end_date": None,
                "end_reason": ""} for row, on in new_rows]
    bulk.insert_rows(Membership, inserts)
    return len(inserts)
