"""One person's data under the 2025 personal data law: everything held about
them (export), correcting it (the person form, PersonService.update), and
erasing it: the person is anonymised but the history stays (memberships,
attendance, the meetings they chaired keep counting; the audit log keeps
who did what, with the person's values replaced by a marker).

Also the retention of closed mediation cases: after the years the
administrator sets, the parties of a closed case are anonymised and the
case's private texts cleared; the case itself stays in the register's counts.

Only an administrator does these (services/access.py); each is written to
the audit log.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from ..errors import UserError, ValidationError
from ..store.base import database_proxy, now
from ..store.models import (
    Area, AuditLog, Concern, Household, MediationCase, MediationMediator, MediationParty, MediationSession,
    MediationTeamMember, Meeting,
    MeetingAttendance, MeetingTask, Membership, Person, Setting, Team,
)
from ..vn import fold
from . import access
from .core import audit

ERASED = "‹đã xóa›"
PERSON_PERSONAL = ("full_name", "birth_year", "phone", "address", "titles", "notes", "name_folded", "name_sort",
                   "search_text")


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _row(record, names=None) -> dict:
    names = names or [n for n in record._meta.fields if n not in ("uid", "name_folded", "name_sort", "search_text")]
    return {n: _plain(record.__data__.get(n)) for n in names}


def _person(person_id: int) -> Person:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise UserError(f"Không tìm thấy người số {person_id}.")
    return person


def held_about(person_id: int) -> dict:
    """Everything the database holds about one person, as JSON-ready data.
    Free-text records that only name them (a concern they raised, a party of
    a dispute, a household they head) are found by the name and listed apart,
    as "may concern them": the clerk checks these by hand."""
    access.require_admin("xuất dữ liệu cá nhân")
    access.require_confidential("dữ liệu cá nhân")
    p = _person(person_id)
    folded = fold(p.full_name)
    area = Area.get_or_none(Area.id == p.area_id) if p.area_id else None
    teams = {t.id: t.name for t in Team.select(Team.id, Team.name)}
    result = {
        "xuất_lúc": now().isoformat(),
        "người": {**_row(p), "địa_bàn": area.name if area else ""},
        "thành_viên_tổ": [{**_row(m, ["role", "position", "start_date", "end_date", "end_reason"]),
                           "tổ": teams.get(m.team_id, "")} for m in Membership.select().where(Membership.person == p.id)],
        "dự_họp": [{"ngày": _plain(m.starts_at), "cuộc_họp": m.title, "tổ": teams.get(m.team_id, ""),
                    "có_mặt": a.status, "lý_do": a.reason}
                   for a, m in ((a, a.meeting) for a in MeetingAttendance.select(MeetingAttendance, Meeting)
                                .join(Meeting).where(MeetingAttendance.person == p.id))],
        "chủ_trì_thư_ký": [{"ngày": _plain(m.starts_at), "cuộc_họp": m.title,
                            "vai_trò": "chủ trì" if m.chair_id == p.id else "thư ký"}
                           for m in Meeting.select().where((Meeting.chair == p.id) | (Meeting.secretary == p.id))],
        "việc_được_giao": [_row(t, ["description", "due_date", "status", "done_on"])
                           for t in MeetingTask.select().where(MeetingTask.assignee == p.id)],
        "hòa_giải_viên": [{"vụ_việc": m.case_id, "chính": bool(m.is_lead)}
                          for m in MediationMediator.select().where(MediationMediator.person == p.id)],
        "tổ_hòa_giải": [_row(m, ["area", "role", "start_date", "end_date"])
                        for m in MediationTeamMember.select().where(MediationTeamMember.person == p.id)],
        "có_thể_liên_quan_trùng_tên": {
            "ý_kiến_kiến_nghị": [_row(c, ["id", "received_on", "raised_by", "contact", "content", "status"])
                                 for c in Concern.select().where(Concern.raised_by != "") if fold(c.raised_by) == folded],
            "đương_sự_hòa_giải": [{**_row(x, ["case", "name", "birth_year", "address", "phone", "side", "demands"])}
                                  for x in MediationParty.select() if fold(x.name) == folded],
            "chủ_hộ": [_row(h, ["id", "head_name", "situation", "members", "since_year", "left_poverty_year", "notes"])
                       for h in Household.select() if fold(h.head_name) == folded],
        },
        "nhật_ký_về_người_này": [{"lúc": _plain(r.at), "người_làm": r.username, "việc": r.action,
                                  "trước": json.loads(r.before) if r.before else None,
                                  "sau": json.loads(r.after) if r.after else None}
                                 for r in AuditLog.select().where(AuditLog.record_uid == p.uid).order_by(AuditLog.id)],
    }
    return result


def export_person(person_id: int, path: str | Path) -> Path:
    """held_about() as a JSON file (UTF-8, readable), the export logged."""
    data = held_about(person_id)
    path = Path(path)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Không ghi được tệp «{path}»: {exc.strerror}.") from exc
    audit.write("personal_export", _person(person_id), after={"file": path.name})
    return path


def _redact(text: str | None, values: list[str]) -> str | None:
    if not text:
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if not isinstance(data, dict):
        return text
    changed = False
    for key, value in list(data.items()):
        if key in PERSON_PERSONAL and value not in (None, "", ERASED):
            data[key] = ERASED
            changed = True
        elif isinstance(value, str) and any(v and v in value for v in values):
            for v in values:
                if v:
                    value = value.replace(v, ERASED)
            data[key] = value
            changed = True
    return json.dumps(data, ensure_ascii=False) if changed else text


def erase_person(person_id: int) -> None:
    """Anonymise one person: name, birth year, phone, address, titles and
    notes go; gender, ethnicity, party membership, memberships and attendance
    stay, so the years' counts do not change. The audit log's rows about the
    person keep who did what and when, with the values replaced."""
    access.require_admin("xóa thông tin cá nhân")
    with database_proxy.atomic():
        p = _person(person_id)
        if p.full_name.startswith("Người đã xóa thông tin"):
            raise ValidationError("full_name", "Thông tin của người này đã được xóa trước đây.")
        old = [p.full_name, p.phone, p.address]
        anonymous = f"Người đã xóa thông tin số {p.id}"
        Person.update({Person.full_name: anonymous, Person.name_folded: fold(anonymous), Person.name_sort: anonymous,
                       Person.search_text: "", Person.birth_year: None, Person.phone: "", Person.address: "",
                       Person.titles: "", Person.notes: "", Person.version: Person.version + 1,
                       Person.updated_at: now()}).where(Person.id == p.id).execute()
        MediationMediator.update(name=anonymous).where(MediationMediator.person == p.id).execute()
        MeetingTask.update(assignee_name=anonymous).where(MeetingTask.assignee == p.id).execute()
        rows = AuditLog.select().where((AuditLog.record_uid == p.uid)
                                       | AuditLog.before.contains(p.full_name) | AuditLog.after.contains(p.full_name))
        redacted = 0
        for r in rows:
            before, after = _redact(r.before, old), _redact(r.after, old)
            if before != r.before or after != r.after:
                AuditLog.update(before=before, after=after).where(AuditLog.id == r.id).execute()
                redacted += 1
        audit.write("erase", p, after={"audit_rows_redacted": redacted})


def correct_person(person_id: int, changes: dict, *, expected_version: int | None = None):
    """Correct what is held (the same rules as the person form)."""
    from .register import PersonService

    return PersonService.update(person_id, changes, expected_version=expected_version)


# --- retention of closed mediation cases ----------------------------------------------

_KEY = "privacy"
CLOSED = ("thanh", "khong_thanh", "dung", "chuyen")
RETAINED_NOTE = "(Đã hết thời hạn lưu giữ: thông tin đương sự đã được xóa.)"


@dataclass(frozen=True)
class RetentionResult:
    cases: int
    parties: int


def retention_years() -> int | None:
    """Years a closed mediation case keeps its parties' details (None: kept)."""
    row = Setting.get_or_none(Setting.key == _KEY)
    if row is None:
        return None
    try:
        return json.loads(row.value).get("mediation_retention_years")
    except ValueError:
        return None


def set_retention_years(years: int | None) -> None:
    access.require_admin("đặt thời hạn lưu giữ")
    if years is not None and not 1 <= int(years) <= 100:
        raise ValidationError("mediation_retention_years", "Thời hạn lưu giữ từ 1 đến 100 năm (để trống: giữ mãi).")
    value = json.dumps({"mediation_retention_years": int(years) if years is not None else None})
    with database_proxy.atomic():
        row = Setting.get_or_none(Setting.key == _KEY)
        before = json.loads(row.value) if row else None
        if row is None:
            row = Setting.create(key=_KEY, value=value)
        else:
            Setting.update(value=value, version=Setting.version + 1, updated_at=now()).where(Setting.id == row.id).execute()
        audit.write("update", row, before=before, after=json.loads(value))


def due_for_retention(today: dt.date | None = None) -> list[int]:
    years = retention_years()
    if not years:
        return []
    today = today or dt.date.today()
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    q = (MediationCase.select(MediationCase.id)
         .where(MediationCase.outcome.in_(CLOSED) & MediationCase.closed_on.is_null(False)
                & (MediationCase.closed_on < limit)))
    return [r[0] for r in q.where(MediationCase.notes != RETAINED_NOTE).tuples()]


def apply_retention(today: dt.date | None = None) -> RetentionResult:
    """Anonymise the parties of the closed cases past the retention time."""
    access.require_admin("áp dụng thời hạn lưu giữ")
    ids = due_for_retention(today)
    parties = 0
    with database_proxy.atomic():
        for case_id in ids:
            for i, party in enumerate(MediationParty.select().where(MediationParty.case == case_id)
                                      .order_by(MediationParty.side, MediationParty.id), start=1):
                MediationParty.update(name=f"Bên {party.side}{i}", birth_year=None, address="", phone="",
                                      demands="").where(MediationParty.id == party.id).execute()
                parties += 1
            MediationSession.update(attendees="", content="").where(MediationSession.case == case_id).execute()
            # A successful case must keep some agreement text (its rule), so a marker stands in.
            MediationCase.update(summary="", agreement=pw.Case(None, [(MediationCase.agreement != "", ERASED)], ""),
                                 carry_out_how="", notes=RETAINED_NOTE, version=MediationCase.version + 1,
                                 updated_at=now()).where(MediationCase.id == case_id).execute()
            audit.write("retention", table=MediationCase._meta.table_name,
                        after={"case_id": case_id, "years": retention_years()})
    return RetentionResult(len(ids), parties)

