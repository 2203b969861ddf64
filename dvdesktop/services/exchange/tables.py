"""The records a package carries, in the order they are written and read
(a record after every record it refers to), with their Vietnamese names."""
from __future__ import annotations

import datetime as dt
import decimal

import peewee as pw

from ...store import models as m

# Settings, users, the audit log and document numbers stay in each database.
LOCAL_ONLY = ("dv_meta", "setting", "user", "audit_log", "document_number")
EXCHANGED: tuple[type[m.BaseModel], ...] = (
    m.Area, m.AreaName, m.Person, m.Team, m.Membership,
    m.Meeting, m.MeetingAttendance, m.AgendaItem, m.MeetingTask,
    m.OutreachSession, m.Concern, m.SupervisionActivity,
    m.MediationCase, m.MediationParty, m.MediationMediator, m.MediationSession, m.MediationTeamMember,
    m.Campaign, m.CampaignContribution, m.Household, m.HouseholdSupport, m.ExemplaryModel,
    m.CriteriaSet, m.Criterion, m.Evaluation, m.EvaluationScore,
)

LABELS = {
    "area": "địa bàn", "area_name": "tên cũ của địa bàn", "person": "người", "team": "tổ dân vận",
    "membership": "thành viên tổ", "meeting": "cuộc họp", "meeting_attendance": "điểm danh",
    "agenda_item": "nội dung họp", "meeting_task": "nhiệm vụ sau họp", "outreach_session": "buổi tuyên truyền",
    "concern": "kiến nghị", "supervision_activity": "cuộc giám sát", "mediation_case": "vụ việc hòa giải",
    "mediation_party": "bên hòa giải", "mediation_mediator": "hòa giải viên", "mediation_session": "buổi hòa giải",
    "mediation_team_member": "thành viên tổ hòa giải",
    "campaign": "phong trào", "campaign_contribution": "đóng góp phong trào", "household": "hộ được giúp",
    "household_support": "lượt giúp hộ", "exemplary_model": "mô hình", "criteria_set": "bộ tiêu chí",
    "criterion": "tiêu chí", "evaluation": "đánh giá", "evaluation_score": "điểm tiêu chí",
}
_NAMING = ("full_name", "name", "head_name", "title", "subject", "topic", "content", "code")

BY_TABLE = {model._meta.table_name: model for model in EXCHANGED}


def label(table: str) -> str:
    return LABELS.get(table, table)


def naming_column(model) -> str | None:
    return next((c for c in _NAMING if c in model._meta.fields), None)


def columns(model, include_sensitive: bool) -> list[str]:
    """The fields a package carries: all but the key (each database numbers
    its own) and, unless asked for, the private ones."""
    private = set() if include_sensitive else set(getattr(model, "private_fields", ()))
    return [name for name in model._meta.fields if name != "id" and name not in private and name not in derived(model)]


def derived(model) -> set[str]:
    """Columns each database computes from others (folded search copies, sort
    keys): not carried, made again on import by the model's prepare_row."""
    return set(getattr(model, "folded_columns", {})) | {c for c in ("name_sort", "search_text", "name_folded")
                                                         if c in model._meta.fields}


def foreign_keys(model) -> dict[str, type]:
    return {name: f.rel_model for name, f in model._meta.fields.items() if isinstance(f, pw.ForeignKeyField)}


def to_json(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def from_json(field: pw.Field, value):
    """A package value as the field stores it (for comparing and writing)."""
    if value is None:
        return None
    if isinstance(field, pw.DateTimeField):
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(field, pw.DateField):
        return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    if isinstance(field, pw.DecimalField):
        return decimal.Decimal(str(value))
    if isinstance(field, pw.BooleanField):
        return bool(value)
    return value


def comparable(field: pw.Field, value):
    """A local value in the package's form (dates as text, decimals as text)."""
    if isinstance(field, pw.BooleanField) and value is not None:
        return bool(value)
    if isinstance(field, pw.DecimalField) and value is not None:
        return str(decimal.Decimal(str(value)).normalize())
    value = to_json(value)
    return value
