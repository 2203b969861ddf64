"""Two clerks, one record: what the refused save would have written beside
what the other clerk saved meanwhile, field by field, so that the second
clerk sees both versions and nothing is silently overwritten."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ...errors import ConflictError
from ...store.models import AuditLog


@dataclass(frozen=True)
class Difference:
    field: str
    label: str  # Vietnamese, as the form names it
    yours: str  # what the refused save would have written
    theirs: str  # what is stored now


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def differences(service, stored, yours: dict[str, Any]) -> list[Difference]:
    """The fields of *yours* (cleaned values) that differ from the row *stored*."""
    result = []
    for f in service.fields:
        if f.name not in yours:
            continue
        theirs = stored.__data__.get(f.name)
        mine = yours[f.name]
        if _text(mine) != _text(theirs):
            result.append(Difference(f.name, f.label, _text(mine), _text(theirs)))
    return result


def conflict(service, stored, yours: dict[str, Any]) -> ConflictError:
    """The ConflictError of a refused save, with both versions and who saved."""
    last = (AuditLog.select(AuditLog.username, AuditLog.at)
            .where((AuditLog.table_name == stored._meta.table_name) & (AuditLog.record_id == stored.id)
                   & (AuditLog.action.in_(("create", "update", "delete", "restore"))))
            .order_by(AuditLog.id.desc()).first())
    who = last.username if last else ""
    when = last.at if last else None
    by = f" ({who}, lúc {when:%H:%M %d/%m/%Y})" if who and when else ""
    return ConflictError(
        f"{service.label.capitalize()} này vừa được người khác lưu{by} sau khi bạn mở. "
        "Bản của bạn chưa được lưu; hãy so sánh hai bản rồi mở lại để sửa tiếp.",
        differences(service, stored, yours), who, when)
