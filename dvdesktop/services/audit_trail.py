"""The audit trail for an administrator: browse, filter and export who
changed or viewed what. Reading it is an administrator's right; nothing in
the program edits or deletes it (store/audit_guard.py refuses it in the
database too). An export is itself written to the trail."""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from ..errors import UserError
from ..store.models import ALL_MODELS, AuditLog
from . import access
from .core import audit

ACTION_NAMES = {
    "create": "Thêm", "update": "Sửa", "delete": "Xóa (vào thùng rác)", "restore": "Khôi phục",
    "purge": "Xóa hẳn", "view": "Xem hồ sơ bảo mật", "sign_in": "Đăng nhập", "sign_in_failed": "Đăng nhập sai",
    "reset_password": "Đặt lại mật khẩu", "change_password": "Đổi mật khẩu", "export": "Xuất dữ liệu",
    "erase": "Xóa thông tin cá nhân", "retention": "Hết thời hạn lưu giữ", "personal_export": "Xuất dữ liệu cá nhân",
}

TABLE_NAMES = {
    "user": "Tài khoản", "setting": "Cài đặt", "area": "Địa bàn", "person": "Người", "team": "Tổ dân vận",
    "membership": "Thành viên tổ", "meeting": "Cuộc họp", "outreach_session": "Buổi tuyên truyền",
    "concern": "Ý kiến, kiến nghị", "mediation_case": "Vụ việc hòa giải", "campaign": "Phong trào",
    "household": "Hộ gia đình", "household_support": "Giúp đỡ hộ", "exemplary_model": "Mô hình Dân vận khéo",
    "criteria_set": "Bộ tiêu chí", "evaluation": "Đánh giá, xếp loại", "supervision_activity": "Giám sát",
    "audit_log": "Nhật ký",
}


def table_label(name: str) -> str:
    base = name[:-len("_children")] if name.endswith("_children") else name
    label = TABLE_NAMES.get(base, base)
    return f"{label} (các dòng)" if base != name else label


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    username: str
    action: str
    action_name: str
    table: str
    table_name: str
    record_id: int | None
    record_uid: str | None
    before: dict | None
    after: dict | None
    changes: list[Change] = field(default_factory=list)


@dataclass
class AuditFilter:
    username: str = ""
    action: str = ""
    table: str = ""
    record_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _load(raw: str | None) -> dict | None:
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return {"?": raw}
    return value if isinstance(value, dict) else {"": value}


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_NOISE = {"id", "uid", "created_at", "updated_at", "version", "search_text", "name_folded", "name_sort"}
_SERVICE_MODULES = ("users", "register", "meetings", "outreach", "concerns", "campaigns", "households", "exemplary",
                    "mediation.records", "supervision", "evaluation.record_services")
_labels: dict[str, dict[str, str]] | None = None


def field_label(table: str, column: str) -> str:
    """The form's Vietnamese name of a column ("phone" → "Điện thoại"), from
    the record services' field declarations; the column itself otherwise."""
    global _labels
    if _labels is None:
        import importlib

        from .core.records import RecordService

        for name in _SERVICE_MODULES:
            try:
                importlib.import_module(f"{__package__}.{name}")
            except ImportError:
                continue
        _labels = {}
        todo = list(RecordService.__subclasses__())
        while todo:
            service = todo.pop()
            todo.extend(service.__subclasses__())
            model = getattr(service, "model", None)
            if model is None:
                continue
            labels = _labels.setdefault(model._meta.table_name, {})
            for f in service.fields:
                labels.setdefault(f.name, f.label)
                stored_as = getattr(model._meta.fields.get(f.name), "column_name", f.name)
                labels.setdefault(stored_as, f.label)
    base = table[:-len("_children")] if table.endswith("_children") else table
    return _labels.get(base, {}).get(column, column)


def _changes(table: str, before: dict | None, after: dict | None) -> list[Change]:
    before, after = before or {}, after or {}
    keys = [k for k in {**before, **after} if k not in _NOISE]
    return [Change(field_label(table, k), _show(before.get(k)), _show(after.get(k)))
            for k in keys if before.get(k) != after.get(k)]


def _entry(r: AuditLog) -> AuditEntry:
    before, after = _load(r.before), _load(r.after)
    return AuditEntry(r.id, r.at, r.username or "", r.action, ACTION_NAMES.get(r.action, r.action), r.table_name,
                      table_label(r.table_name), r.record_id, r.record_uid, before, after,
                      _changes(r.table_name, before, after))


def _query(f: AuditFilter) -> pw.ModelSelect:
    q = AuditLog.select()
    if f.username:
        q = q.where(AuditLog.username == f.username)
    if f.action:
        q = q.where(AuditLog.action == f.action)
    if f.table:
        q = q.where(AuditLog.table_name.in_((f.table, f"{f.table}_children")))
    if f.record_id is not None:
        q = q.where(AuditLog.record_id == f.record_id)
    if f.date_from:
        q = q.where(AuditLog.at >= dt.datetime.combine(f.date_from, dt.time.min))
    if f.date_to:
        q = q.where(AuditLog.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time.min))
    return q


def entries(f: AuditFilter | None = None, *, limit: int = 500, offset: int = 0) -> list[AuditEntry]:
    """The newest entries first."""
    access.require_admin("xem nhật ký")
    q = _query(f or AuditFilter()).order_by(AuditLog.id.desc()).limit(limit).offset(offset)
    return [_entry(r) for r in q]


def count(f: AuditFilter | None = None) -> int:
    access.require_admin("xem nhật ký")
    return _query(f or AuditFilter()).count()


def choices() -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """For the filters: the names that appear, the actions and the tables."""
    access.require_admin("xem nhật ký")
    names = [r[0] for r in AuditLog.select(AuditLog.username).distinct().order_by(AuditLog.username).tuples() if r[0]]
    tables = sorted({m._meta.table_name for m in ALL_MODELS if m._meta.table_name in TABLE_NAMES},
                    key=lambda t: TABLE_NAMES[t])
    return names, sorted(ACTION_NAMES.items(), key=lambda kv: kv[1]), [(t, TABLE_NAMES[t]) for t in tables]


HEADERS = ("Số", "Thời điểm", "Người", "Việc", "Bảng", "Mã bản ghi", "Trường", "Trước", "Sau")


def _rows(f: AuditFilter):
    for r in _query(f).order_by(AuditLog.id).iterator():
        e = _entry(r)
        base = (e.id, e.at.strftime("%d/%m/%Y %H:%M:%S") if e.at else "", e.username, e.action_name, e.table_name,
                e.record_id if e.record_id is not None else "")
        if not e.changes:
            yield (*base, "", "", "")
        for c in e.changes:
            yield (*base, c.field, c.before, c.after)


def export(f: AuditFilter | None, path: str | Path) -> int:
    """Write the filtered trail to *path* (.csv, UTF-8 with BOM for Excel, or
    .xlsx), one line per changed field; returns the number of entries."""
    access.require_admin("xuất nhật ký")
    f = f or AuditFilter()
    path = Path(path)
    n = _query(f).count()
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Nhật ký")
            ws.append(list(HEADERS))
            for row in _rows(f):
                ws.append(list(row))
            wb.save(path)
        else:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                w = csv.writer(out)
                w.writerow(HEADERS)
                w.writerows(_rows(f))
    except OSError as exc:
        raise UserError(f"Không ghi được tệp «{path}»: {exc.strerror}.") from exc
    audit.write("export", table=AuditLog._meta.table_name,
                after={"file": path.name, "entries": n, "filter": {k: _show(v) for k, v in vars(f).items() if v}})
    return n
