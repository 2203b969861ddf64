"""The lists the program exports to Excel, declared once: the `export`
command's choices and the sections' "Xuất Excel…" follow from EXPORT_KINDS.

Each kind reads its records (not the trash) in Vietnamese order (names by
their sort keys, activities by date) into a documents.list_xlsx.ListTable:
Vietnamese column names, dates as dates, codes as their Vietnamese labels.
Sensitive personal data (who raised a concern and how to reach them, the
parties of a dispute and what they said: Luật Bảo vệ dữ liệu cá nhân 2025)
is left out unless asked for (include_sensitive=True).

The people list has the columns the members import reads, so a list
exported, imported into an empty database and exported again is the same.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from ...documents.list_xlsx import ListColumn, ListTable, write_list
from ...errors import UserError
from ...store.models import (
    Area,
    Concern,
    CriteriaSet,
    Evaluation,
    ExemplaryModel,
    MediationCase,
    MediationMediator,
    MediationParty,
    Meeting,
    MeetingAttendance,
    Membership,
    OutreachSession,
    Person,
    Team,
)
from ...vn import sort_key
from ..core import vocab

C = ListColumn
_GENDER = dict(vocab.GENDERS)
_ROLE = dict(vocab.TEAM_ROLES)
_ROLE_ORDER = pw.Case(Membership.role, (("to_truong", 0), ("to_pho", 1)), 2)


def area_label(name: str, kind: str) -> str:
    """"Bản Nà Khoang"; a name that already says its kind ("Tổ dân phố số 3") as it is."""
    if not name:
        return ""
    if not kind or sort_key(name).startswith(sort_key(kind)) or name.lower().startswith(kind.lower()):
        return name
    return f"{kind[:1].upper()}{kind[1:]} {name}"


def _yes(value) -> str:
    return "x" if value else ""


def _active(model):
    return model.deleted_at.is_null()


# --- the kinds ---------------------------------------------------------------------


def _areas(sensitive: bool) -> ListTable:
    target = Area.alias()
    rows = (Area.select(Area.name, Area.kind, Area.commune, Area.province, Area.households, Area.population,
                        Area.ethnic_groups, Area.active, target.name, Area.notes)
            .join(target, pw.JOIN.LEFT_OUTER, on=(Area.merged_into == target.id))
            .where(_active(Area)).order_by(Area.commune, Area.name_sort, Area.id).tuples())
    return ListTable("Danh sách địa bàn", [
        C("Tên địa bàn"), C("Loại địa bàn"), C("Xã"), C("Tỉnh"), C("Số hộ", "int"), C("Số nhân khẩu", "int"),
        C("Các dân tộc"), C("Còn hoạt động"), C("Sáp nhập vào"), C("Ghi chú", width=40)],
        [(n, dict(vocab.AREA_KINDS).get(k, k), c, p, h, pop, e, _yes(a), m or "", notes)
         for n, k, c, p, h, pop, e, a, m, notes in rows])


def _teams(sensitive: bool) -> ListTable:
    import datetime as dt

    today = dt.date.today()
    members = dict(Membership.select(Membership.team, pw.fn.COUNT(Membership.id))
                   .where((Membership.start_date <= today) & (Membership.end_date.is_null() | (Membership.end_date > today)))
                   .group_by(Membership.team).tuples())
    leaders = dict(Membership.select(Membership.team, Person.full_name).join(Person)
                   .where((Membership.role == "to_truong") & (Membership.start_date <= today)
                          & (Membership.end_date.is_null() | (Membership.end_date > today))).tuples())
    rows = (Team.select(Team.id, Team.name, Area.name, Area.kind, Area.commune, Team.decision_number, Team.established_on,
                        Team.status, Team.dissolved_on, Team.cadre_name, Team.cadre_title, Team.cadre_phone, Team.notes)
            .join(Area).where(_active(Team)).order_by(Area.commune, Area.name_sort, Team.id).tuples())
    statuses = dict(vocab.TEAM_STATUSES)
    return ListTable("Danh sách Tổ dân vận", [
        C("Tên tổ"), C("Địa bàn"), C("Xã"), C("Số quyết định thành lập"), C("Ngày thành lập", "date"),
        C("Tình trạng"), C("Ngày giải thể", "date"), C("Tổ trưởng"), C("Số thành viên", "int"),
        C("Cán bộ phụ trách"), C("Chức vụ cán bộ phụ trách"), C("Điện thoại cán bộ phụ trách"), C("Ghi chú", width=40)],
        [(name, area_label(an, ak), com, dec, est, statuses.get(st, st), dis, leaders.get(tid, ""), members.get(tid, 0),
          cn, ct, cp, notes)
         for tid, name, an, ak, com, dec, est, st, dis, cn, ct, cp, notes in rows])


PEOPLE_COLUMNS = [
    C("Họ và tên"), C("Giới tính"), C("Năm sinh", "int"), C("Dân tộc"), C("Địa bàn"), C("Xã"),
    C("Chức vụ trong tổ"), C("Chức vụ"), C("Số điện thoại"), C("Địa chỉ"), C("Đảng viên"), C("Ghi chú", width=40)]


def _people(sensitive: bool) -> ListTable:
    import datetime as dt

    today = dt.date.today()
    roles: dict[int, str] = {}
    for pid, role in (Membership.select(Membership.person, Membership.role)
                      .where((Membership.start_date <= today) & (Membership.end_date.is_null() | (Membership.end_date > today)))
                      .order_by(_ROLE_ORDER.desc()).tuples()):
        roles[pid] = role  # the highest role last: a leader of one team and member of another is a leader
    rows = (Person.select(Person.id, Person.full_name, Person.gender, Person.birth_year, Person.ethnicity, Area.name,
                          Area.kind, Area.commune, Person.titles, Person.phone, Person.address, Person.party_member,
                          Person.notes)
            .join(Area, pw.JOIN.LEFT_OUTER, on=(Person.area == Area.id))
            .where(_active(Person)).order_by(Person.name_sort, Person.birth_year, Person.id).tuples())
    return ListTable("Danh sách thành viên", PEOPLE_COLUMNS, [
        (name, _GENDER.get(g, g), y, e, area_label(an or "", ak or ""), com or "", _ROLE.get(roles.get(pid), ""),
         titles, phone, addr, _yes(party), notes)
        for pid, name, g, y, e, an, ak, com, titles, phone, addr, party, notes in rows])


def _memberships(sensitive: bool) -> ListTable:
    rows = (Membership.select(Team.name, Area.name, Area.kind, Person.full_name, Person.birth_year, Membership.role,
                              Membership.position, Membership.start_date, Membership.end_date, Membership.end_reason)
            .join(Team).join(Area).switch(Membership).join(Person)
            .where(_active(Team) & _active(Person))
            .order_by(Area.commune, Area.name_sort, Team.id, Membership.end_date.is_null(False), _ROLE_ORDER,
                      Person.name_sort, Membership.start_date).tuples())
    return ListTable("Thành viên các Tổ dân vận", [
        C("Tổ dân vận"), C("Địa bàn"), C("Họ và tên"), C("Năm sinh", "int"), C("Chức vụ trong tổ"), C("Chức vụ"),
        C("Từ ngày", "date"), C("Đến ngày", "date"), C("Lý do thôi")],
        [(t, area_label(an, ak), n, y, _ROLE.get(r, r), pos, s, e, why) for t, an, ak, n, y, r, pos, s, e, why in rows])


def _meetings(sensitive: bool) -> ListTable:
    chair, secretary = Person.alias(), Person.alias()
    counts: dict[int, dict[str, int]] = {}
    for mid, status, n in (MeetingAttendance.select(MeetingAttendance.meeting, MeetingAttendance.status,
                                                   pw.fn.COUNT(MeetingAttendance.id))
                           .group_by(MeetingAttendance.meeting, MeetingAttendance.status).tuples()):
        counts.setdefault(mid, {})[status] = n
    rows = (Meeting.select(Meeting.id, Meeting.starts_at, Meeting.ends_at, Team.name, Meeting.kind, Meeting.number,
                           Meeting.title, Meeting.place, chair.full_name, secretary.full_name, Meeting.conclusions,
                           Meeting.status)
            .join(Team).switch(Meeting)
            .join(chair, pw.JOIN.LEFT_OUTER, on=(Meeting.chair == chair.id)).switch(Meeting)
            .join(secretary, pw.JOIN.LEFT_OUTER, on=(Meeting.secretary == secretary.id))
            .where(_active(Meeting) & _active(Team)).order_by(Meeting.starts_at, Team.name, Meeting.id).tuples())
    kinds, statuses = dict(vocab.MEETING_KINDS), dict(vocab.MEETING_STATUSES)
    return ListTable("Danh sách cuộc họp", [
        C("Bắt đầu", "datetime"), C("Kết thúc", "datetime"), C("Tổ dân vận"), C("Loại"), C("Số biên bản"),
        C("Nội dung", width=40), C("Địa điểm"), C("Chủ trì"), C("Thư ký"), C("Có mặt", "int"),
        C("Vắng có lý do", "int"), C("Vắng không lý do", "int"), C("Kết luận", width=50), C("Trạng thái")],
        [(s, e, t, kinds.get(k, k), num, title, place, ch or "", sec or "", counts.get(mid, {}).get("present", 0),
          counts.get(mid, {}).get("excused", 0), counts.get(mid, {}).get("absent", 0), concl, statuses.get(st, st))
         for mid, s, e, t, k, num, title, place, ch, sec, concl, st in rows])


def _outreach(sensitive: bool) -> ListTable:
    rows = (OutreachSession.select(OutreachSession.held_on, Team.name, OutreachSession.place, OutreachSession.form,
                                   OutreachSession.topic, OutreachSession.policy, OutreachSession.presenters,
                                   OutreachSession.audience_total, OutreachSession.audience_women,
                                   OutreachSession.audience_minority, OutreachSession.materials, OutreachSession.result)
            .join(Team).where(_active(OutreachSession) & _active(Team))
            .order_by(OutreachSession.held_on, Team.name, OutreachSession.id).tuples())
    return ListTable("Tuyên truyền, vận động", [
        C("Ngày", "date"), C("Tổ dân vận"), C("Địa điểm"), C("Hình thức"), C("Chủ đề", width=40),
        C("Chủ trương, chính sách, pháp luật", width=40), C("Người tuyên truyền"), C("Số người dự", "int"),
        C("Trong đó nữ", "int"), C("Người dân tộc thiểu số", "int"), C("Tài liệu"), C("Kết quả", width=40)],
        list(rows))


def _concerns(sensitive: bool) -> ListTable:
    rows = (Concern.select(Concern.received_on, Concern.channel, Concern.anonymous, Concern.raised_by, Concern.contact,
                           Area.name, Area.kind, Team.name, Concern.field, Concern.content, Concern.forwarded_to,
                           Concern.forwarded_on, Concern.reference_no, Concern.answer, Concern.answered_on,
                           Concern.resolved_on, Concern.status, Concern.due_date)
            .join(Area, pw.JOIN.LEFT_OUTER, on=(Concern.area == Area.id)).switch(Concern)
            .join(Team, pw.JOIN.LEFT_OUTER, on=(Concern.team == Team.id))
            .where(_active(Concern)).order_by(Concern.received_on, Concern.id).tuples())
    statuses = dict(vocab.CONCERN_STATUSES)
    who = [C("Người phản ánh"), C("Liên hệ")] if sensitive else []
    columns = [C("Ngày nhận", "date"), C("Kênh tiếp nhận"), *who, C("Địa bàn"), C("Tổ dân vận"), C("Lĩnh vực"),
               C("Nội dung", width=50), C("Chuyển đến"), C("Ngày chuyển", "date"), C("Số văn bản/mã phản ánh"),
               C("Trả lời", width=40), C("Ngày trả lời", "date"), C("Ngày giải quyết", "date"), C("Tình trạng"),
               C("Hạn trả lời", "date")]
    out = []
    for (received, channel, anon, raised, contact, an, ak, team, fld, content, fwd, fwd_on, ref, answer, ans_on,
         res_on, status, due) in rows:
        person = ("Ẩn danh", "") if anon else (raised, contact)
        out.append((received, channel, *(person if sensitive else ()), area_label(an or "", ak or ""), team or "", fld,
                    content, fwd, fwd_on, ref, answer, ans_on, res_on, statuses.get(status, status), due))
    return ListTable("Ý kiến, kiến nghị của Nhân dân", columns, out)


def _mediation(sensitive: bool) -> ListTable:
    mediators: dict[int, list[str]] = {}
    for case, name in (MediationMediator.select(MediationMediator.case, MediationMediator.name)
                       .order_by(MediationMediator.is_lead.desc(), MediationMediator.id).tuples()):
        mediators.setdefault(case, []).append(name)
    parties: dict[int, list[str]] = {}
    if sensitive:
        for case, name, year, address in (MediationParty.select(MediationParty.case, MediationParty.name,
                                                                MediationParty.birth_year, MediationParty.address)
                                          .order_by(MediationParty.side, MediationParty.id).tuples()):
            extra = ", ".join(str(x) for x in (year, address) if x)
            parties.setdefault(case, []).append(f"{name} ({extra})" if extra else name)
    rows = (MediationCase.select(MediationCase.id, MediationCase.number, MediationCase.received_on, Area.name, Area.kind,
                                 Team.name, MediationCase.grounds, MediationCase.scope, MediationCase.kind,
                                 MediationCase.summary, MediationCase.outcome, MediationCase.closed_on,
                                 MediationCase.agreement)
            .join(Area, pw.JOIN.LEFT_OUTER, on=(MediationCase.area == Area.id)).switch(MediationCase)
            .join(Team, pw.JOIN.LEFT_OUTER, on=(MediationCase.team == Team.id))
            .where(_active(MediationCase)).order_by(MediationCase.received_on, MediationCase.id).tuples())
    grounds, scopes, outcomes = (dict(vocab.MEDIATION_GROUNDS), dict(vocab.MEDIATION_SCOPES),
                                 dict(vocab.MEDIATION_OUTCOMES))
    private = [C("Các bên", width=40), C("Nội dung vụ việc", width=50), C("Thỏa thuận", width=40)] if sensitive else []
    columns = [C("Số"), C("Ngày nhận", "date"), C("Địa bàn"), C("Tổ"), C("Căn cứ"), C("Lĩnh vực"), C("Loại việc"),
               *private, C("Hòa giải viên"), C("Kết quả"), C("Ngày kết thúc", "date")]
    out = []
    for cid, number, received, an, ak, team, gr, scope, kind_, summary, outcome, closed, agreement in rows:
        secret = ("; ".join(parties.get(cid, [])), summary, agreement) if sensitive else ()
        out.append((number, received, area_label(an or "", ak or ""), team or "", grounds.get(gr, gr),
                    scopes.get(scope, scope), kind_, *secret, ", ".join(mediators.get(cid, [])),
                    outcomes.get(outcome, outcome), closed))
    return ListTable("Vụ việc hòa giải ở cơ sở", columns, out)


def _models(sensitive: bool) -> ListTable:
    rows = list(ExemplaryModel.select(ExemplaryModel.year, ExemplaryModel.name, Team.name, ExemplaryModel.field,
                                      ExemplaryModel.level, ExemplaryModel.description, ExemplaryModel.results)
                .join(Team, pw.JOIN.LEFT_OUTER, on=(ExemplaryModel.team == Team.id))
                .where(_active(ExemplaryModel)).tuples())
    rows.sort(key=lambda r: (r[0], sort_key(r[1])))
    return ListTable("Mô hình Dân vận khéo", [
        C("Năm", "int"), C("Tên mô hình", width=40), C("Tổ dân vận"), C("Lĩnh vực"), C("Cấp công nhận"),
        C("Mô tả", width=50), C("Kết quả", width=40)],
        [(y, n, t or "", f, lv, d, r) for y, n, t, f, lv, d, r in rows])


def _evaluations(sensitive: bool) -> ListTable:
    levels: dict[int, dict[str, str]] = {}
    for sid, raw in CriteriaSet.select(CriteriaSet.id, CriteriaSet.levels).tuples():
        try:
            levels[sid] = {lv.get("code"): lv.get("name", lv.get("code")) for lv in json.loads(raw or "[]")}
        except (ValueError, AttributeError):
            levels[sid] = {}
    rows = (Evaluation.select(Evaluation.year, Area.commune, Team.name, Area.name, Area.kind, Evaluation.total,
                              Evaluation.rating, Evaluation.criteria_set, Evaluation.stage, Evaluation.decision_number,
                              Evaluation.decided_on)
            .join(Team).join(Area).where(_active(Team))
            .order_by(Evaluation.year, Area.commune, Area.name_sort, Team.id).tuples())
    stages = dict(vocab.EVALUATION_STAGES) | {"": "Đang chấm"}
    return ListTable("Đánh giá, xếp loại Tổ dân vận", [
        C("Năm", "int"), C("Xã"), C("Tổ dân vận"), C("Địa bàn"), C("Tổng điểm", "number"), C("Xếp loại"),
        C("Bước"), C("Số quyết định"), C("Ngày quyết định", "date")],
        [(y, com, t, area_label(an, ak), float(total or 0), levels.get(sid, {}).get(rating, rating),
          stages.get(stage, stage), dec, on)
         for y, com, t, an, ak, total, rating, sid, stage, dec, on in rows])


@dataclass(frozen=True)
class ExportKind:
    key: str  # `dvdesktop export KEY`
    title: str  # Vietnamese: the menu and the file's title
    file_name: str  # suggested file name, without .xlsx
    read: Callable[[bool], ListTable]
    sensitive: str = ""  # what include_sensitive adds, in Vietnamese ("" when nothing)


EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind("areas", "Danh sách địa bàn", "dia-ban", _areas),
    ExportKind("teams", "Danh sách Tổ dân vận", "to-dan-van", _teams),
    ExportKind("people", "Danh sách thành viên", "thanh-vien", _people),
    ExportKind("memberships", "Thành viên các Tổ dân vận (cả quá trình)", "thanh-vien-to", _memberships),
    ExportKind("meetings", "Danh sách cuộc họp", "cuoc-hop", _meetings),
    ExportKind("outreach", "Tuyên truyền, vận động", "tuyen-truyen", _outreach),
    ExportKind("concerns", "Ý kiến, kiến nghị", "kien-nghi", _concerns, "người phản ánh và cách liên hệ"),
    ExportKind("mediation", "Vụ việc hòa giải", "hoa-giai", _mediation,
               "các bên, nội dung vụ việc và thỏa thuận"),
    ExportKind("models", "Mô hình Dân vận khéo", "mo-hinh", _models),
    ExportKind("evaluations", "Đánh giá, xếp loại", "danh-gia", _evaluations),
)


def kind(key: str) -> ExportKind:
    for k in EXPORT_KINDS:
        if k.key == key:
            return k
    raise UserError(f"Không có danh sách «{key}»; chọn một trong: {', '.join(k.key for k in EXPORT_KINDS)}.")


def export_list(key: str, *, include_sensitive: bool = False) -> ListTable:
    """The list *key* of the open database as plain rows."""
    return kind(key).read(include_sensitive)


def export_to_file(key: str, path: str | Path, *, include_sensitive: bool = False) -> int:
    """Write the list *key* to the .xlsx file *path* (in one step); the
    number of rows written."""
    from ..reports.choices import save_bytes

    table = export_list(key, include_sensitive=include_sensitive)
    save_bytes(write_list(table), path)
    return len(table.rows)
