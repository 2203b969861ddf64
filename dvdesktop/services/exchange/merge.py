"""Importing a commune's package into a database (the province's), by uid.

For every record of the package: a uid the database lacks is added; a newer
version replaces the older one (only the columns the package carries); the
same version with the same content changes nothing, so importing a package
twice changes nothing. A record the database holds in a newer version, or in
the same version with other content, is a conflict: it is listed and the
database's own record kept. References travel as uids and are turned into
this database's keys; the imported areas keep their commune, so the
province's lists and reports see the commune as one of its own.

A criteria set the province already has for the year is the province's own
(it handed it to the communes): the commune's set and criteria are matched to
it by year and criterion code instead of being added a second time.

All of it is one transaction: a failure leaves the database as it was.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from ...store.base import database_proxy, now
from ...store.models import AuditLog, CriteriaSet, Criterion
from ..core import audit, bulk
from . import tables
from .package import CHUNK, Package, PackageInfo, read_package

ProgressFn = Callable[[int, int, str], None]


@dataclass
class ExchangeResult:
    info: PackageInfo
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    matched: int = 0  # criteria sets and criteria matched to the database's own
    matched_sets: set[int] = field(default_factory=set)
    conflicts: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) or sum(self.updated.values()))

    def summary(self) -> str:
        added, updated = sum(self.added.values()), sum(self.updated.values())
        text = (f"{'Chạy thử: ' if self.dry_run else ''}{self.info.describe()}: thêm {added}, cập nhật {updated}, "
                f"không đổi {self.unchanged}")
        if self.matched:
            text += f", ghép với bộ tiêu chí đã có {self.matched}"
        text += f", xung đột {len(self.conflicts)}."
        return text

    def details(self) -> list[str]:
        lines = []
        for table in self.added.keys() | self.updated.keys():
            a, u = self.added.get(table, 0), self.updated.get(table, 0)
            if a or u:
                lines.append(f"  {tables.label(table)}: thêm {a}, cập nhật {u}")
        return sorted(lines)


class _DryRun(Exception):
    pass


def _local(model, uids: list[str], names: list[str]) -> dict[str, tuple]:
    """uid → (id, version, values of *names*) of the database's records."""
    fields = [model.id, model.version, model.uid] + [getattr(model, n) for n in names]
    found = {}
    for i in range(0, len(uids), CHUNK):
        for values in model.select(*fields).where(model.uid.in_(uids[i:i + CHUNK])).tuples():
            found[values[2]] = (values[0], values[1], values[3:])
    return found


def _describe(model, columns: list[str], row: list) -> str:
    name = tables.naming_column(model)
    what = tables.label(model._meta.table_name)
    if name in columns and row[columns.index(name)]:
        text = str(row[columns.index(name)])
        return f"{what} «{text[:60]}{'…' if len(text) > 60 else ''}»"
    return f"{what} {row[columns.index('uid')]}"


def import_package(path: str | Path, *, dry_run: bool = False, progress: ProgressFn | None = None) -> ExchangeResult:
    """Merge the package at *path* into the open database (see the module's
    text); with *dry_run*, everything is checked and counted, nothing kept."""
    package = read_package(path)
    result = ExchangeResult(package.info, dry_run=dry_run)
    try:
        with database_proxy.atomic():
            _merge(package, result, progress)
            if dry_run:
                raise _DryRun()
            if result.changed or result.conflicts:
                AuditLog.insert(at=now(), username=audit.current_user(), action="import", table_name="exchange",
                                after=json.dumps({"file": Path(path).name, "summary": result.summary(),
                                                  "conflicts": result.conflicts[:200]}, ensure_ascii=False)).execute()
    except _DryRun:
        pass
    return result


def _merge(package: Package, result: ExchangeResult, progress: ProgressFn | None) -> None:
    id_of: dict[str, dict[str, int]] = {}  # table → uid → this database's id
    total = len(tables.EXCHANGED)
    for step, model in enumerate(tables.EXCHANGED):
        table = model._meta.table_name
        if progress is not None:
            progress(step, total, f"Đang nhập {tables.label(table)}")
        if table not in package.tables:
            continue
        columns, rows = package.tables[table]
        columns = [c for c in columns if c in model._meta.fields or c == "uid"]
        _merge_table(model, package.tables[table][0], rows, id_of, result)
    if progress is not None:
        progress(total, total, "Đã nhập xong")


def _merge_table(model, columns: list[str], rows: list[list], id_of, result: ExchangeResult) -> None:
    table = model._meta.table_name
    known = [c for c in columns if c in model._meta.fields]
    keep = [columns.index(c) for c in known]
    rows = [[row[j] for j in keep] for row in rows]
    columns = known
    pos = {c: j for j, c in enumerate(columns)}
    fks = {name: rel for name, rel in tables.foreign_keys(model).items() if name in pos}
    self_refs = [name for name, rel in fks.items() if rel is model]
    fields = {c: model._meta.fields[c] for c in columns}
    value_columns = [c for c in columns if c not in ("uid", "id")]
    uids = [row[pos["uid"]] for row in rows]
    local = _local(model, uids, value_columns)
    ids = id_of.setdefault(table, {})
    for uid, (rid, _v, _vals) in local.items():
        ids[uid] = rid
    inserts: list[dict] = []
    later_refs: list[tuple[str, str, str]] = []  # (uid, field, referenced uid) of self-references
    for row in rows:
        uid = row[pos["uid"]]
        values: dict = {}
        missing = None
        for c in value_columns:
            value = row[pos[c]]
            if c in fks and value is not None:
                if c in self_refs:
                    later_refs.append((uid, c, value))
                    value = None
                else:
                    target = id_of.get(fks[c]._meta.table_name, {}).get(value)
                    if target is None:
                        target = _lookup(fks[c], value)
                    if target is None:
                        if not fields[c].null:
                            missing = c
                            break
                        result.conflicts.append(f"{_describe(model, columns, row)}: thiếu bản ghi được tham chiếu "
                                                f"({c}), để trống.")
                    value = target
            else:
                value = tables.from_json(fields[c], value)
            values[c] = value
        if missing is not None:
            result.conflicts.append(f"{_describe(model, columns, row)}: thiếu bản ghi được tham chiếu ({missing}); "
                                    "không nhập.")
            continue
        if model is CriteriaSet and uid not in local:
            own = _own_criteria_set(values)
            if own is not None:
                ids[uid] = own
                result.matched += 1
                result.matched_sets.add(own)
                continue
        if model is Criterion and uid not in local and values.get("criteria_set") in result.matched_sets:
            own = _own_criterion(values)
            if own is not None:
                ids[uid] = own
                result.matched += 1
            else:  # the database's own set is not changed by a commune's package
                result.conflicts.append(f"{_describe(model, columns, row)}: không có trong bộ tiêu chí cùng năm "
                                        "của cơ sở dữ liệu; bỏ qua (cả điểm của tiêu chí này).")
            continue
        if uid not in local:
            values["uid"] = uid
            inserts.append(model.prepare_row(_filled(model, values)))
            continue
        rid, version, old = local[uid]
        new_version = values.get("version") or 0
        old_values = dict(zip(value_columns, old))
        differing = [c for c in value_columns if c not in self_refs and c not in ("created_at", "updated_at")
                     and tables.comparable(fields[c], old_values[c]) != tables.comparable(fields[c], values[c])]
        if new_version > version:
            values.pop("created_at", None)
            model.update(**model.prepare_row(values)).where(model.id == rid).execute()
            result.updated[table] = result.updated.get(table, 0) + 1
        elif not differing:
            result.unchanged += 1
        elif new_version == version and all(old_values[c] in (None, "") for c in differing):
            # the same record, only filled in: a package with the private
            # columns after one without them
            full = {c: values[c] for c in value_columns if c not in self_refs and c not in ("created_at", "uid")}
            model.update(**model.prepare_row(full)).where(model.id == rid).execute()
            result.updated[table] = result.updated.get(table, 0) + 1
        elif new_version < version:
            result.conflicts.append(f"{_describe(model, columns, row)}: bản trong cơ sở dữ liệu mới hơn "
                                    f"(phiên bản {version}, gói có {new_version}); giữ bản đang có.")
        else:
            result.conflicts.append(f"{_describe(model, columns, row)}: cùng phiên bản {version} nhưng nội dung khác; "
                                    "giữ bản đang có.")
    bulk.insert_rows(model, inserts)
    if inserts:
        result.added[table] = len(inserts)
        ids.update(bulk.ids_by_uid(model, [r["uid"] for r in inserts]))
    for uid, name, target_uid in later_refs:
        target = ids.get(target_uid) or _lookup(model, target_uid)
        model.update(**{name: target}).where((model.uid == uid) & (getattr(model, name).is_null(True)
                                                                  | (getattr(model, name) != target))).execute()


def _filled(model, values: dict) -> dict:
    """A new record's values with the columns the package left out (the
    private ones) at their defaults: an empty text, no number."""
    for name, f in model._meta.fields.items():
        if name == "id" or name in values:
            continue
        if f.default is not None:
            values[name] = f.default() if callable(f.default) else f.default
        elif not f.null:
            values[name] = "" if isinstance(f, (pw.CharField, pw.TextField)) else 0
        else:
            values[name] = None
    return values


def _lookup(model, uid: str) -> int | None:
    return model.select(model.id).where(model.uid == uid).scalar()


def _own_criteria_set(values: dict) -> int | None:
    query = CriteriaSet.select(CriteriaSet.id).where(CriteriaSet.year == values.get("year"))
    if "deleted_at" in CriteriaSet._meta.fields:
        query = query.where(CriteriaSet.deleted_at.is_null())
    return query.order_by(CriteriaSet.id).scalar()


def _own_criterion(values: dict) -> int | None:
    return (Criterion.select(Criterion.id)
            .where((Criterion.criteria_set == values.get("criteria_set")) & (Criterion.code == values.get("code")))
            .scalar())
