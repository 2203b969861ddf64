"""The generic part of every record service: validate, save in a transaction,
bump the version, write the audit log, soft delete and restore.

A service for one kind of record lists its fields (services.fields) and adds
its own rules in check(). The GUI, the command line, the importers and the
tests all create, change and delete records through these methods.

What leaves a service is plain data: get/create/update/restore give a
RecordData (the columns, the version and the display names of referenced
records, read with joins), and so does trash(). Services that need the peewee
row itself use row()/create_row()/update_row().
"""
from __future__ import annotations

from typing import Any, ClassVar

import peewee as pw

from ...errors import NotFoundError, ValidationError
from ...store.base import BaseModel, database_proxy, now
from .. import access
from . import audit
from .data import RecordData
from .fields import Field

# The column that names a referenced record in a form ("Tổ dân vận thôn …",
# a person's full name, a household's head): the first one a model has.
_DISPLAY_COLUMNS = ("full_name", "name", "head_name")


def _display_column(model: type[BaseModel]) -> str | None:
    return next((c for c in _DISPLAY_COLUMNS if c in model._meta.fields), None)


class RecordService:
    model: ClassVar[type[BaseModel]]
    fields: ClassVar[tuple[Field, ...]] = ()
    label: ClassVar[str] = "bản ghi"  # Vietnamese, for messages: "tổ dân vận", "thành viên" ...
    # Child rows saved with the record (services.core.children.Child): attendance, parties …
    children: ClassVar[tuple] = ()

    # --- reading ---------------------------------------------------------------

    @classmethod
    def field(cls, name: str) -> Field:
        for f in cls.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @classmethod
    def row(cls, record_id: int, *, include_deleted: bool = False) -> BaseModel:
        """The peewee row (for services; screens get plain data from get())."""
        query = cls.model.select().where(cls.model.id == record_id)
        if not include_deleted and cls.soft_delete():
            query = query.where(cls.model.deleted_at.is_null())
        record = query.first()
        if record is None:
            raise NotFoundError(f"Không tìm thấy {cls.label} số {record_id} (có thể đã bị xóa).")
        return record

    @classmethod
    def get(cls, record_id: int, *, include_deleted: bool = False) -> RecordData:
        """The record as plain data, with the display names of the records it
        refers to read in the same query (one LEFT JOIN per reference)."""
        query = cls._data_query().where(cls.model.id == record_id)
        if not include_deleted and cls.soft_delete():
            query = query.where(cls.model.deleted_at.is_null())
        found = cls._read_data(query)
        if not found:
            raise NotFoundError(f"Không tìm thấy {cls.label} số {record_id} (có thể đã bị xóa).")
        return found[0]

    @classmethod
    def _data_query(cls) -> pw.ModelSelect:
        """Every column, plus for each reference the display name of its record
        as ``_name_of_<field>``, through LEFT JOINs (no query per row later)."""
        model = cls.model
        query = model.select(model)
        for name, fk in model._meta.fields.items():
            column = _display_column(fk.rel_model) if isinstance(fk, pw.ForeignKeyField) else None
            if column is None:
                continue
            target = fk.rel_model.alias()
            query = (query.select_extend(getattr(target, column).alias(f"_name_of_{name}"))
                     .switch(model).join(target, pw.JOIN.LEFT_OUTER, on=(fk == target.id)))
        return query

    @classmethod
    def _read_data(cls, query: pw.ModelSelect) -> list[RecordData]:
        prefix = "_name_of_"
        result = []
        for record in query.objects():
            names = {key[len(prefix):]: value or "" for key, value in vars(record).items() if key.startswith(prefix)}
            result.append(cls.as_data(record, names))
        return result

    @classmethod
    def as_data(cls, record: BaseModel, names: dict[str, str] | None = None) -> RecordData:
        """*record* as plain data: every stored column (a reference as the id)."""
        values = {name: record.__data__.get(name) for name in record._meta.fields}
        return RecordData(id=record.id, version=record.version, data=values, names=names or {})

    @classmethod
    def soft_delete(cls) -> bool:
        return "deleted_at" in cls.model._meta.fields

    @classmethod
    def active(cls) -> pw.ModelSelect:
        """The records not in the trash, as a query (for services only)."""
        query = cls.model.select()
        if cls.soft_delete():
            query = query.where(cls.model.deleted_at.is_null())
        return query

    # --- validation ------------------------------------------------------------

    @classmethod
    def clean(cls, data: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
        """Coerce *data* by the field rules. Unknown keys are an error (a typo
        in a script must not be silently dropped)."""
        known = {f.name for f in cls.fields}
        unknown = set(data) - known
        if unknown:
            name = min(unknown)
            raise ValidationError(name, f"Trường «{name}» không có trong {cls.label}.")
        cleaned = {}
        for f in cls.fields:
            if f.name in data:
                cleaned[f.name] = f.clean(data[f.name])
            elif not partial:
                cleaned[f.name] = f.clean(None)
        return cleaned

    @classmethod
    def check(cls, values: dict[str, Any], existing: BaseModel | None) -> None:
        """Rules across fields and records; *values* is the full new state."""

    @classmethod
    def validate(cls, data: dict[str, Any], existing: BaseModel | RecordData | None = None) -> dict[str, Any]:
        """Clean and check without saving (forms call this as the clerk types,
        with the RecordData they loaded as *existing*)."""
        if isinstance(existing, RecordData):
            # An unsaved row holding the loaded values: check() reads the old
            # state from it without another query on every keystroke.
            existing = cls.model(**existing.data)
        cleaned = cls.clean(data, partial=existing is not None)
        state = cls._state(existing) if existing is not None else {}
        state.update(cleaned)
        cls.derive_values(cleaned, state, existing)
        cls.check(state, existing)
        return cleaned

    @classmethod
    def derive_values(cls, cleaned: dict[str, Any], state: dict[str, Any], existing: BaseModel | None) -> None:
        """Fill values that follow from others; set them in both *cleaned*
        (what is saved) and *state* (what check() sees)."""

    @classmethod
    def _state(cls, record: BaseModel) -> dict[str, Any]:
        return {f.name: record.__data__.get(f.name) for f in cls.fields}

    # --- writing ---------------------------------------------------------------

    @classmethod
    def require_write(cls) -> None:
        """Refuse (PermissionDenied) when the person signed in may not change
        this kind of record (services/access.py); accounts ask for more."""
        access.require_write(cls.label)

    @classmethod
    def create(cls, data: dict[str, Any]) -> RecordData:
        return cls.get(cls.create_row(data).id)

    @classmethod
    def update(cls, record_id: int, data: dict[str, Any], *, expected_version: int | None = None) -> RecordData:
        return cls.get(cls.update_row(record_id, data, expected_version=expected_version).id)

    @classmethod
    def create_row(cls, data: dict[str, Any]) -> BaseModel:
        """create() for services: the saved peewee row."""
        cls.require_write()
        with database_proxy.atomic():
            cleaned = cls.validate(data)
            record = cls.model(**cleaned)
            record.save(force_insert=True)
            cls.after_save(record, None)
            audit.write("create", record, after=audit.snapshot(record))
        return record

    @classmethod
    def update_row(cls, record_id: int, data: dict[str, Any], *, expected_version: int | None = None) -> BaseModel:
        """update() for services: the saved peewee row."""
        cls.require_write()
        with database_proxy.atomic():
            record = cls.row(record_id)
            if expected_version is not None and record.version != expected_version:
                from .conflicts import conflict

                raise conflict(cls, record, cls.clean(data, partial=True))
            before = audit.snapshot(record)
            cleaned = cls.validate(data, record)
            for name, value in cleaned.items():
                setattr(record, name, value)
            record.version = record.version + 1
            record.updated_at = now()
            cls._prepare_update(record)
            # A concurrent writer that bumped the version in between makes this match nothing.
            if cls.model.update(cls._columns(record)).where(
                (cls.model.id == record.id) & (cls.model.version == record.version - 1)
            ).execute() != 1:
                from .conflicts import conflict

                raise conflict(cls, cls.row(record.id, include_deleted=True), cleaned)
            cls.after_save(record, before)
            audit.write("update", record, before=before, after=audit.snapshot(record))
        return record

    @classmethod
    def _prepare_update(cls, record: BaseModel) -> None:
        row = {name: getattr(record, name) for name in record._meta.fields if name in record.__data__}
        cls.model.prepare_row(row)
        for name, value in row.items():
            setattr(record, name, value)

    @classmethod
    def _columns(cls, record: BaseModel) -> dict:
        return {cls.model._meta.fields[name]: getattr(record, name) for name in record.__data__ if name != "id"}

    @classmethod
    def after_save(cls, record: BaseModel, before: dict | None) -> None:
        """Hook for dependent records (history rows and the like)."""

    @classmethod
    def delete(cls, record_id: int) -> None:
        """Soft delete where the table has a trash, else remove the row."""
        cls.require_write()
        with database_proxy.atomic():
            record = cls.row(record_id)
            cls.check_delete(record)
            before = audit.snapshot(record)
            if cls.soft_delete():
                cls.model.update(deleted_at=now(), version=cls.model.version + 1, updated_at=now()).where(
                    cls.model.id == record.id
                ).execute()
            else:
                record.delete_instance()
            audit.write("delete", record, before=before)

    @classmethod
    def check_delete(cls, record: BaseModel) -> None:
        """Raise ValidationError when *record* must not be deleted."""

    @classmethod
    def restore(cls, record_id: int) -> RecordData:
        cls.require_write()
        with database_proxy.atomic():
            record = cls.row(record_id, include_deleted=True)
            if record.deleted_at is None:
                return cls.get(record_id)
            cls.model.update(deleted_at=None, version=cls.model.version + 1, updated_at=now()).where(
                cls.model.id == record.id
            ).execute()
            audit.write("restore", record)
        return cls.get(record_id)

    @classmethod
    def trash(cls, limit: int | None = None) -> list[RecordData]:
        """Records in the trash as plain data, the latest deleted first (at most *limit*)."""
        query = cls._data_query().where(cls.model.deleted_at.is_null(False)).order_by(cls.model.deleted_at.desc())
        return cls._read_data(query.limit(limit) if limit is not None else query)

    @classmethod
    def purge(cls, record_id: int) -> None:
        """Remove a record from the trash for good (personal data deletion)."""
        cls.require_write()
        with database_proxy.atomic():
            record = cls.row(record_id, include_deleted=True)
            before = audit.snapshot(record)
            record.delete_instance()
            audit.write("purge", record, before=before)

    # --- child rows (services.core.children) -------------------------------------

    @classmethod
    def save_with_children(cls, record_id: int | None, values: dict[str, Any],
                           children: dict[str, list[dict]] | None = None, *,
                           expected_version: int | None = None) -> RecordData:
        """Create or change the record and replace its child rows of the kinds
        given, in one transaction (see services.core.children)."""
        from .children import save_with_children

        return save_with_children(cls, record_id, values, children, expected_version=expected_version)

    @classmethod
    def save_child(cls, record_id: int, name: str, row: dict[str, Any]) -> RecordData:
        """Add or change one child row of the record."""
        from .children import save_child

        return save_child(cls, record_id, name, row)

    @classmethod
    def remove_child(cls, record_id: int, name: str, row_id: int) -> None:
        """Remove one child row of the record."""
        from .children import remove_child

        remove_child(cls, record_id, name, row_id)

    @classmethod
    def check_children(cls, record: BaseModel, rows: dict[str, list[BaseModel]]) -> None:
        """Rules across the record and its child rows, once they are written
        (*rows*: the saved rows of the kinds that were given)."""
