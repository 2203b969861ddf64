"""RecordData: one record as plain data, the way services hand it to the
screens and the command line (never a peewee row: a row follows its foreign
keys with a hidden query on first use, and its internals tie the caller to
the storage layer)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, eq=True)
class RecordData(Mapping[str, Any]):
    """The stored values of one record, read-only.

    ``data`` maps each column to its value (a reference holds the id of the
    record it points at: ``record["team"]`` is a team id); ``names`` holds the
    display name of each referenced record, read with joins when the record
    was read (``record.name_of("team")``). The mapping interface reads
    ``data``; ``record.held_on`` is a shorthand for ``record["held_on"]``.
    """

    id: int
    version: int
    # Not in repr(): a record may hold private data (parties of a dispute …)
    # that must not end up in a log through an error message.
    data: Mapping[str, Any] = field(default_factory=dict, repr=False)
    names: Mapping[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", MappingProxyType(dict(self.data)))
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    # Mapping over the data (so dict(record), record.get("x") work)
    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not attributes of the dataclass.
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(f"RecordData has no value «{name}»") from None

    __hash__ = None  # type: ignore[assignment]  # values may be unhashable

    def name_of(self, ref: str) -> str:
        """The display name of the record the reference *ref* points at ("" when none)."""
        return self.names.get(ref, "")

    @property
    def deleted_at(self) -> dt.datetime | None:
        return self.data.get("deleted_at")
