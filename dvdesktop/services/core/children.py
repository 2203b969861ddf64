"""A record saved together with its child rows: the one way a meeting keeps its
attendance, agenda and tasks, a mediation case its parties, mediators and
sessions, a campaign the teams' parts and a household the help it got.

A parent service declares its children::

    class MeetingService(RecordService):
        children = (Child("attendance", AttendanceService, fk="meeting", label="Điểm danh"), ...)

and saves through ``MeetingService.save_with_children(record_id, values,
{"attendance": [...], ...}, expected_version=...)``. In one transaction:

* the parent is created or updated (its version bumped once, its own audit
  row written, its optimistic lock checked);
* for each child kind given, the rows are matched by ``id``: the parent's rows
  not listed are removed, a row with an ``id`` updates that row (only when
  something changed; with a ``version`` the row's own lock is checked, fields
  it leaves out keep their values), a row without one is created;
* every row is validated by its own service's fields and check(), which see
  the database as it stands while the rows are written one after another
  (removed rows first, then the rows in the order given), so a rule such as
  "this person is already on the list" holds across the rows;
* the parent's check_children() then sees the saved rows (rules across the
  record and its rows: "assigned but no mediator");
* one audit row "<parent table>_children" keeps the rows before and after
  (private columns masked as in every audit row).

A row's error names the kind and the row: the field is
``"<kind>[<index>].<field>"`` (``"tasks[1].description"``) so a form can put
the cursor in the right cell, the message starts with the kind's label and
the row number ("Hòa giải viên, dòng 2: …"). Any error leaves the database as
it was.

Editors that change one child row at a time (a campaign's teams) use
save_child() and remove_child(): the same checks, the same audit row and the
same bump of the parent's version, for one row.
"""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...errors import ConflictError, ValidationError
from ...store.base import BaseModel, database_proxy, now
from . import audit
from .data import RecordData
from .fields import in_sentence

if TYPE_CHECKING:
    from .records import RecordService


@dataclass(frozen=True)
class Child:
    name: str  # key of the rows in save_with_children(), start of an error's field: "tasks"
    service: Any  # the child's RecordService
    fk: str  # the child's field that names the parent: "meeting"
    label: str  # Vietnamese, starts a row's error message: "Nhiệm vụ"
    order: tuple[str, ...] = ("id",)  # how the rows are read back (a leading "-" sorts descending)
    position: str | None = None  # a field numbered 1, 2, … in the order the rows are given
    before_remove: Callable[[BaseModel], None] | None = None  # e.g. unlink rows that point at it

    @property
    def model(self) -> type[BaseModel]:
        return self.service.model

    def rows_of(self, parent_id: int) -> list[BaseModel]:
        model = self.model
        order = [getattr(model, o.lstrip("-")).desc() if o.startswith("-") else getattr(model, o) for o in self.order]
        return list(model.select().where(getattr(model, self.fk) == parent_id).order_by(*order))

    def row_error(self, index: int, err: ValidationError) -> ValidationError:
        return ValidationError(f"{self.name}[{index}].{err.field}", f"{self.label}, dòng {index + 1}: {err.message}")


_saving = contextvars.ContextVar("children_saving", default=False)


def saving_children() -> bool:
    """True while save_with_children() writes a record and its rows. A check of
    one record that reads its parent or its siblings from the database (a
    session's date against the case's closing date) may leave the rule to the
    parent's check_children(), which sees the final state."""
    return _saving.get()


@contextlib.contextmanager
def _in_save() -> Iterator[None]:
    token = _saving.set(True)
    try:
        yield
    finally:
        _saving.reset(token)


def _child(parent: type[RecordService], name: str) -> Child:
    for child in parent.children:
        if child.name == name:
            return child
    raise ValidationError(name, f"{parent.label.capitalize()} không có danh sách «{name}».")


def _int(value) -> int | None:
    value = getattr(value, "id", value)
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError("id", f"Mã dòng «{value}» không hợp lệ.") from None


def snapshot(parent: type[RecordService], parent_id: int, names: Sequence[str]) -> dict[str, list[dict]]:
    """The child rows of the given kinds as the audit log keeps them."""
    return {c.name: [audit.snapshot(r) for r in c.rows_of(parent_id)] for c in parent.children if c.name in names}


# --- writing one row -------------------------------------------------------------------


def _insert(child: Child, data: dict[str, Any]) -> BaseModel:
    service = child.service
    cleaned = service.validate(data)
    record = service.model(**cleaned)
    record.save(force_insert=True)
    service.after_save(record, None)
    return record


def _conflict(child: Child, index: int | None) -> ConflictError:
    where = f"{child.label}, dòng {index + 1}: dòng" if index is not None else f"{child.service.label.capitalize()}"
    return ConflictError(f"{where} này vừa được người khác sửa sau khi bạn mở. Hãy đóng và mở lại để xem bản mới nhất.")


def _update(child: Child, record: BaseModel, data: dict[str, Any], version, index: int | None) -> tuple[BaseModel, bool]:
    """Change *record* to *data* unless nothing changes; (record, changed)."""
    service, model = child.service, child.model
    if version not in (None, "") and record.version != int(version):
        raise _conflict(child, index)
    cleaned = service.validate(data, record)
    if all(record.__data__.get(k) == v for k, v in cleaned.items()):
        return record, False
    before = audit.snapshot(record)
    for name, value in cleaned.items():
        setattr(record, name, value)
    record.version = record.version + 1
    record.updated_at = now()
    service._prepare_update(record)
    # a writer that changed the row since it was read makes this match nothing
    if model.update(service._columns(record)).where(
        (model.id == record.id) & (model.version == record.version - 1)
    ).execute() != 1:
        raise _conflict(child, index)
    service.after_save(record, before)
    return record, True


def _remove(child: Child, record: BaseModel) -> None:
    child.service.check_delete(record)
    if child.before_remove is not None:
        child.before_remove(record)
    record.delete_instance()


def _sync(child: Child, parent_id: int, rows: Sequence[Mapping[str, Any]]) -> tuple[list[BaseModel], bool]:
    """Make the parent's rows of *child* match *rows*; (saved rows in the order given, anything changed)."""
    existing = {r.id: r for r in child.rows_of(parent_id)}
    plan = []
    for index, row in enumerate(rows or ()):
        data = dict(row)
        try:
            row_id = _int(data.pop("id", None))
        except ValidationError as err:
            raise child.row_error(index, err) from None
        version = data.pop("version", None)
        if row_id is not None and row_id not in existing:
            raise child.row_error(index, ValidationError(
                "id", f"dòng này không thuộc {child_parent_label(child)} đang sửa."))
        data[child.fk] = parent_id
        if child.position:
            data[child.position] = index + 1
        plan.append((index, row_id, version, data))
    listed = {row_id for _, row_id, _, _ in plan if row_id is not None}
    changed = False
    for row_id, record in existing.items():
        if row_id not in listed:
            _remove(child, record)
            changed = True
    saved = []
    for index, row_id, version, data in plan:
        try:
            if row_id is None:
                record, did = _insert(child, data), True
            else:
                record, did = _update(child, existing[row_id], data, version, index)
        except ValidationError as err:
            raise child.row_error(index, err) from None
        saved.append(record)
        changed = changed or did
    return saved, changed


def child_parent_label(child: Child) -> str:
    field = next((f for f in child.service.fields if f.name == child.fk), None)
    return in_sentence(field.label) if field is not None else "bản ghi"


# --- the parent's entry points ----------------------------------------------------------


def save_with_children(parent: type[RecordService], record_id: int | None, values: Mapping[str, Any],
                       children: Mapping[str, Sequence[Mapping[str, Any]]] | None = None, *,
                       expected_version: int | None = None) -> RecordData:
    """Create (record_id None) or change a record and replace the child rows of
    the kinds given in *children* (kinds left out are not touched), in one
    transaction. Returns the saved record, read again (plain data)."""
    children = dict(children or {})
    for name in children:
        _child(parent, name)  # an unknown kind is an error, not silently dropped
    with database_proxy.atomic(), _in_save():
        before = snapshot(parent, record_id, list(children)) if record_id is not None else None
        if record_id is None:
            record = parent.create_row(dict(values))
        else:
            record = parent.update_row(record_id, dict(values), expected_version=expected_version)
        saved: dict[str, list[BaseModel]] = {}
        changed = False
        for child in parent.children:
            if child.name in children:
                saved[child.name], did = _sync(child, record.id, children[child.name])
                changed = changed or did
        parent.check_children(record, saved)
        if changed:
            _audit(parent, record, before, list(children))
    return parent.get(record.id)


def save_child(parent: type[RecordService], parent_id: int, name: str, row: Mapping[str, Any]) -> RecordData:
    """Add one child row (no "id") or change one (with "id", and "version" to
    check that nobody changed it meanwhile); the parent's other rows stay.
    An error names the field alone: the row is the whole form."""
    child = _child(parent, name)
    data = dict(row)
    row_id = _int(data.pop("id", None))
    version = data.pop("version", None)
    data[child.fk] = parent_id
    parent.require_write()
    with database_proxy.atomic(), _in_save():
        record = parent.row(parent_id)
        before = snapshot(parent, parent_id, [name])
        if row_id is None:
            saved, changed = _insert(child, data), True
        else:
            existing = child.model.get_or_none((child.model.id == row_id) & (getattr(child.model, child.fk) == parent_id))
            if existing is None:
                raise ValidationError("id", f"Dòng này không thuộc {child_parent_label(child)} đang sửa (có thể đã bị xóa).")
            saved, changed = _update(child, existing, data, version, None)
        if changed:
            parent.check_children(record, {name: child.rows_of(parent_id)})
            _bump(parent, record)
            _audit(parent, record, before, [name])
    return child.service.get(saved.id)


def remove_child(parent: type[RecordService], parent_id: int, name: str, row_id: int) -> None:
    """Remove one child row of the parent."""
    child = _child(parent, name)
    parent.require_write()
    with database_proxy.atomic(), _in_save():
        record = parent.row(parent_id)
        existing = child.model.get_or_none((child.model.id == row_id) & (getattr(child.model, child.fk) == parent_id))
        if existing is None:
            return  # already gone: what the clerk wanted
        before = snapshot(parent, parent_id, [name])
        _remove(child, existing)
        parent.check_children(record, {name: child.rows_of(parent_id)})
        _bump(parent, record)
        _audit(parent, record, before, [name])


def _bump(parent: type[RecordService], record: BaseModel) -> None:
    """The parent's version goes up once when its rows changed, so that a
    form holding the parent sees the change."""
    model = parent.model
    model.update(version=model.version + 1, updated_at=now()).where(model.id == record.id).execute()


def _audit(parent: type[RecordService], record: BaseModel, before: dict | None, names: list[str]) -> None:
    audit.write("update" if before is not None else "create", record,
                table=f"{parent.model._meta.table_name}_children",
                before=before, after=snapshot(parent, record.id, names))
