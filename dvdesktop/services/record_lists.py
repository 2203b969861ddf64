"""What `dvdesktop list KIND` prints and what `print` needs to find a record:
one line per record with its id, the number a person knows (minutes
"03-BB/TDV", case "05/2025"), its date, its team and a title; a team found
by its id or its name (diacritics and case ignored); a record found by its
number and year. Records in the trash are left out. No Qt here.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw
from dataclasses import dataclass

from ..errors import NotFoundError, UserError
from ..store.models import Area, Concern, MediationCase, Meeting, Membership, OutreachSession, Person, Team
from ..vn import fold, sort_key

from .record_kinds import HEADINGS, KIND_NAMES, KINDS, NUMBERED  # noqa: F401 - the names the CLI uses

TITLE_WIDTH = 70  # long contents are cut in the list (the record itself is printed whole)


@dataclass(frozen=True)
class ListedRecord:
    id: int
    number: str
    date: dt.date | None
    team: str
    title: str

    def as_json(self) -> dict:
        return {"id": self.id, "number": self.number, "date": self.date.isoformat() if self.date else None,
                "team": self.team, "title": self.title}


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= TITLE_WIDTH else text[:TITLE_WIDTH - 1].rstrip() + "…"


def _day(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.datetime.fromisoformat(str(value)).date()


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def list_records(kind: str, *, year: int | None = None, team: int | None = None) -> list[ListedRecord]:
    """The records of *kind* (a key of KINDS), of *year* and *team* when given."""
    if kind not in KINDS:
        raise UserError(f"Không có loại «{kind}»; chọn một trong: {', '.join(KINDS)}.")
    return _LISTERS[kind](year, team)


def _areas(year, team):
    query = Area.select(Area.id, Area.kind, Area.name, Area.commune).where(Area.deleted_at.is_null())
    if team is not None:
        query = query.join(Team, on=(Team.area == Area.id)).where(Team.id == team)
    names = _team_names_by_area()
    rows = [ListedRecord(a.id, "", None, names.get(a.id, ""), f"{a.kind} {a.name}".strip()
                         + (f", {a.commune}" if a.commune else "")) for a in query]
    return sorted(rows, key=lambda r: sort_key(r.title))


def _team_names_by_area() -> dict[int, str]:
    out: dict[int, str] = {}
    for t in Team.select(Team.area, Team.name).where(Team.deleted_at.is_null()):
        out.setdefault(t.area_id, t.name)
    return out


def _teams(year, team):
    query = (Team.select(Team.id, Team.name, Team.decision_number, Team.established_on, Area.kind, Area.name)
             .join(Area).where(Team.deleted_at.is_null()))
    if team is not None:
        query = query.where(Team.id == team)
    if year is not None:
        query = query.where((Team.established_on.is_null()) | (Team.established_on <= dt.date(year, 12, 31)))
    rows = [ListedRecord(t.id, t.decision_number or "", _day(t.established_on), t.name,
                         f"{t.area.kind} {t.area.name}") for t in query]
    return sorted(rows, key=lambda r: sort_key(r.team))


def _people(year, team):
    if team is None and year is None:
        query = Person.select(Person.id, Person.full_name, Person.name_sort).where(Person.deleted_at.is_null())
        teams = _current_team_of_people()
        return [ListedRecord(p.id, "", None, teams.get(p.id, ""), p.full_name)
                for p in query.order_by(Person.name_sort)]
    query = (Membership.select(Person.id, Person.full_name, Team.name, Membership.start_date)
             .join(Person).switch(Membership).join(Team)
             .where(Person.deleted_at.is_null()))
    if team is not None:
        query = query.where(Membership.team == team)
    if year is not None:
        first, last = _year_range(year)
        query = query.where(Membership.start_date <= last,
                            (Membership.end_date.is_null()) | (Membership.end_date >= first))
    else:
        query = query.where(Membership.end_date.is_null())
    seen, rows = set(), []
    for pid, name, team_name, start in query.order_by(Person.name_sort, Membership.start_date).tuples():
        if pid in seen:
            continue
        seen.add(pid)
        rows.append(ListedRecord(pid, "", _day(start), team_name, name))
    return rows


def _current_team_of_people() -> dict[int, str]:
    out: dict[int, str] = {}
    query = Membership.select(Membership.person, Team.name).join(Team).where(Membership.end_date.is_null())
    for m in query:
        out.setdefault(m.person_id, m.team.name)
    return out


def _meetings(year, team):
    query = (Meeting.select(Meeting.id, Meeting.number, Meeting.starts_at, Meeting.title, Meeting.kind, Team.name)
             .join(Team).where(Meeting.deleted_at.is_null()))
    if team is not None:
        query = query.where(Meeting.team == team)
    if year is not None:
        query = query.where(Meeting.starts_at >= dt.datetime(year, 1, 1), Meeting.starts_at < dt.datetime(year + 1, 1, 1))
    kinds = {"dinh_ky": "Họp định kỳ", "dot_xuat": "Họp đột xuất"}
    return [ListedRecord(m.id, m.number or "", _day(m.starts_at), m.team.name,
                         _short(m.title or kinds.get(m.kind, m.kind)))
            for m in query.order_by(Meeting.starts_at, Meeting.id)]


def _outreach(year, team):
    query = (OutreachSession.select(OutreachSession.id, OutreachSession.held_on, OutreachSession.topic, Team.name)
             .join(Team).where(OutreachSession.deleted_at.is_null()))
    if team is not None:
        query = query.where(OutreachSession.team == team)
    if year is not None:
        first, last = _year_range(year)
        query = query.where(OutreachSession.held_on.between(first, last))
    return [ListedRecord(o.id, "", _day(o.held_on), o.team.name, _short(o.topic))
            for o in query.order_by(OutreachSession.held_on, OutreachSession.id)]


def _concerns(year, team):
    query = (Concern.select(Concern.id, Concern.received_on, Concern.reference_no, Concern.content, Team.name,
                            Area.kind, Area.name)
             .join(Team, pw.JOIN.LEFT_OUTER).switch(Concern).join(Area, pw.JOIN.LEFT_OUTER)
             .where(Concern.deleted_at.is_null()))
    if team is not None:
        query = query.where(Concern.team == team)
    if year is not None:
        first, last = _year_range(year)
        query = query.where(Concern.received_on.between(first, last))
    return [ListedRecord(cid, ref or "", _day(day), _team_or_area(team_name, area_kind, area_name), _short(content))
            for cid, day, ref, content, team_name, area_kind, area_name
            in query.order_by(Concern.received_on, Concern.id).tuples()]


def _team_or_area(team_name, area_kind, area_name) -> str:
    if team_name:
        return team_name
    return f"{area_kind or ''} {area_name}".strip() if area_name else ""


def _mediation(year, team):
    # The summary and the parties are confidential: the list says only the kind of dispute.
    query = (MediationCase.select(MediationCase.id, MediationCase.number, MediationCase.received_on,
                                  MediationCase.kind, MediationCase.scope, Team.name, Area.kind, Area.name)
             .join(Team, pw.JOIN.LEFT_OUTER).switch(MediationCase).join(Area, pw.JOIN.LEFT_OUTER)
             .where(MediationCase.deleted_at.is_null()))
    if team is not None:
        query = query.where(MediationCase.team == team)
    if year is not None:
        first, last = _year_range(year)
        query = query.where(MediationCase.received_on.between(first, last))
    from .core import vocab

    scopes = dict(vocab.MEDIATION_SCOPES)
    return [ListedRecord(cid, number or "", _day(day), _team_or_area(team_name, area_kind, area_name),
                         _short(kind or scopes.get(scope, scope)))
            for cid, number, day, kind, scope, team_name, area_kind, area_name
            in query.order_by(MediationCase.received_on, MediationCase.id).tuples()]


_LISTERS = {"areas": _areas, "teams": _teams, "people": _people, "meetings": _meetings, "outreach": _outreach,
            "concerns": _concerns, "mediation": _mediation}


def find_team(text: str | int) -> int:
    """The id of the team named by *text*: its id, or its name or part of it
    ("Nà Khoang", "na khoang", "tổ dân vận bản nà khoang"); diacritics and
    case are ignored. NotFoundError / UserError (listing the candidates)."""
    raw = str(text).strip()
    if not raw:
        raise UserError("Chưa ghi tổ: ghi số ID hoặc tên tổ.")
    alive = Team.select(Team.id, Team.name).where(Team.deleted_at.is_null())
    if raw.isdigit():
        if alive.where(Team.id == int(raw)).exists():
            return int(raw)
        raise NotFoundError(f"Không có Tổ dân vận số {raw}. Xem danh sách: dvdesktop list teams.")
    wanted = fold(raw)
    teams = list(alive)
    exact = [t for t in teams if fold(t.name) == wanted]
    if len(exact) == 1:
        return exact[0].id
    words = [t for t in teams if f" {wanted} " in f" {fold(t.name)} "]  # whole words: "huoi thung 1" ≠ "…12"
    found = exact or words or [t for t in teams if wanted in fold(t.name)]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise NotFoundError(f"Không có Tổ dân vận nào tên «{raw}». Xem danh sách: dvdesktop list teams.")
    listed = "; ".join(f"{t.id} ({t.name})" for t in sorted(found, key=lambda t: sort_key(t.name))[:10])
    more = f" và {len(found) - 10} tổ khác" if len(found) > 10 else ""
    raise UserError(f"«{raw}» khớp với {len(found)} tổ: {listed}{more}. Hãy ghi số ID hoặc tên đầy đủ hơn.")


def find_by_number(print_kind: str, number: str, year: int | None, team: int | None = None) -> int:
    """The id of the meeting (minutes) or mediation case numbered *number* in
    *year* ("03-BB/TDV" 2025, "05/2025"); a number repeated in several teams
    needs the team."""
    if print_kind not in NUMBERED:
        raise UserError(f"Văn bản «{print_kind}» không tìm theo số; hãy dùng --id (xem dvdesktop list).")
    number = (number or "").strip()
    if year is None and "/" in number and number.rsplit("/", 1)[1].isdigit():
        year = int(number.rsplit("/", 1)[1])  # "05/2025": the year is in the number
    if year is None:
        raise UserError(f"Số «{number}» cần kèm năm: thêm --year NĂM.")
    rows = list_records(NUMBERED[print_kind], year=year, team=team)
    found = [r for r in rows if fold(r.number) == fold(number)]
    if not found:  # "3" finds "03-BB/TDV"
        lead = number.split("-")[0].split("/")[0].lstrip("0")
        found = [r for r in rows if lead and r.number.split("-")[0].split("/")[0].lstrip("0") == lead
                 and lead == number.lstrip("0")]
    what = KIND_NAMES[NUMBERED[print_kind]]
    if not found:
        raise NotFoundError(f"Không có {what} số «{number}» trong năm {year}. Xem danh sách: "
                            f"dvdesktop list {NUMBERED[print_kind]} --year {year}.")
    if len(found) > 1:
        listed = "; ".join(f"ID {r.id} ({r.team}, {r.date:%d/%m/%Y})" for r in found[:10])
        if len(found) > 10:
            listed += "; …"
        raise UserError(f"Năm {year} có {len(found)} {what} số «{number}»: {listed}. "
                        "Hãy thêm --team TỔ hoặc dùng --id SỐ_ID.")
    return found[0].id
