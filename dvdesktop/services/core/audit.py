"""The audit log: who changed or viewed what, with the record before and after."""
from __future__ import annotations

import datetime as dt
import decimal
import getpass
import json
import threading

from ...store.base import now
from ...store.models import AuditLog

_current = threading.local()


def set_current_user(username: str | None) -> None:
    """The name written into the audit log for this thread's changes."""
    _current.username = username


def current_user() -> str:
    name = getattr(_current, "username", None)
    if name:
        return name
    from .. import access

    name = access.username()  # the person signed in (process-wide, worker threads too)
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows service accounts
        return "?"


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return str(value)


def _private_marker(record, value) -> str:
    """Stands for a private value in the log: shows that it changed, not what it is."""
    import hashlib  # here: it loads OpenSSL, which opening the window does not need (lean_peewee.py)

    digest = hashlib.sha256(f"{getattr(record, 'uid', '')}|{value}".encode()).hexdigest()[:10]
    return f"‹riêng tư {digest}›"


def snapshot(record) -> dict:
    """The stored columns of a record as a JSON-ready dict.

    Columns a model lists in ``private_fields`` (parties of a dispute, who
    raised a concern …: sensitive personal data under the 2025 law) are kept
    out of the log; a marker records that the value changed."""
    private = getattr(type(record), "private_fields", ())
    data = {}
    for name, field in record._meta.fields.items():
        value = record.__data__.get(name)
        if name in private and value not in (None, ""):
            value = _private_marker(record, value)
        data[field.column_name if hasattr(field, "rel_model") else name] = value
    return data


def write(action: str, record=None, *, table: str | None = None, before: dict | None = None, after: dict | None = None,
          username: str | None = None) -> None:
    """One audit row; *username* defaults to this thread's user (set_current_user)."""
    AuditLog.insert(
        at=now(),
        username=username or current_user(),
        action=action,
        table_name=table or record._meta.table_name,
        record_id=getattr(record, "id", None),
        record_uid=getattr(record, "uid", None),
        before=json.dumps(before, ensure_ascii=False, default=_json_default) if before is not None else None,
        after=json.dumps(after, ensure_ascii=False, default=_json_default) if after is not None else None,
    ).execute()
