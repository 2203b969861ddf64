"""The base every stored record shares: integer key, stable uid, times, version."""
from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw

from ..vn import fold, nfc

# Bound at run time to SQLite or PostgreSQL by store.database.open_database().
database_proxy = pw.DatabaseProxy()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def new_uid() -> str:
    return str(uuid.uuid4())


class BaseModel(pw.Model):
    """Every table: integer key, a UUID for merging data of many communes,
    creation and update times, and a version counter for optimistic locking."""

    id = pw.AutoField()
    uid = pw.CharField(max_length=36, unique=True, default=new_uid)
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)
    version = pw.IntegerField(default=1)

    # Columns holding a folded copy of other columns for diacritic-free search:
    # {"name_folded": ("name",)}. Filled by prepare_row().
    folded_columns: dict[str, tuple[str, ...]] = {}

    class Meta:
        database = database_proxy
        legacy_table_names = False

    @classmethod
    def text_fields(cls) -> tuple[str, ...]:
        """The names of the text columns (worked out once per model: the demo
        and imports call prepare_row a million times)."""
        names = cls.__dict__.get("_text_fields")
        if names is None:
            names = tuple(n for n, f in cls._meta.fields.items() if isinstance(f, (pw.CharField, pw.TextField)))
            cls._text_fields = names
        return names

    @classmethod
    def prepare_row(cls, row: dict, normalise: bool = True) -> dict:
        """Normalise a row dict at the storage boundary: NFC for every text,
        and the derived search columns. Used by save() and by bulk inserts
        (the demo passes normalise=False: its texts are NFC from the start,
        and a million rows of checks cost seconds)."""
        if normalise:
            for name in cls.text_fields():
                value = row.get(name)
                if isinstance(value, str):
                    row[name] = nfc(value)
        for column, sources in cls.folded_columns.items():
            if any(src in row for src in sources):
                row[column] = " ".join(fold(row.get(src)) for src in sources if row.get(src)).strip()
        cls.derive(row)
        return row

    @classmethod
    def derive(cls, row: dict) -> None:
        """Subclasses fill other derived columns (sort keys) here."""

    def save(self, *args, **kwargs):
        row = {name: getattr(self, name) for name in self._meta.fields if name in self.__data__}
        self.prepare_row(row)
        for name, value in row.items():
            setattr(self, name, value)
        return super().save(*args, **kwargs)


class SoftDeleteModel(BaseModel):
    """Records a clerk deletes go to the trash first (deleted_at set) and can
    be restored from there."""

    deleted_at = pw.DateTimeField(null=True, index=True)
