"""A commune's records as one package file.

The file is a zip archive: manifest.json (what it is, from which commune,
which schema version, which columns of which tables) and one JSON file per
table, its rows as lists in the manifest's column order. A record refers to
another by the other's uid, never by its integer key (each database numbers
its own). Private columns (parties of a dispute, who raised a concern) are
left out unless asked for; an import then leaves those columns as they are.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ...errors import UserError
from ...store import migrations
from ...store.models import Area
from . import tables

FORMAT = "dvdesktop-exchange"
FORMAT_VERSION = 1
CHUNK = 500

ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PackageInfo:
    commune: str
    commune_code: str
    province: str
    exported_at: str
    schema_version: int
    sensitive: bool
    counts: dict[str, int]

    def describe(self) -> str:
        total = sum(self.counts.values())
        return (f"gói của xã {self.commune or '(chưa đặt tên)'}"
                + (f" (mã {self.commune_code})" if self.commune_code else "")
                + f", xuất lúc {self.exported_at}, {total} bản ghi")


def _uid_maps(models) -> dict[str, dict[int, str]]:
    maps = {}
    for model in models:
        maps[model._meta.table_name] = dict(model.select(model.id, model.uid).tuples())
    return maps


def export_package(path: str | Path, *, include_sensitive: bool = False, progress: ProgressFn | None = None) -> PackageInfo:
    """Write every exchanged record of the open database (the trash too: a
    deletion travels as one) to the package file *path*."""
    from ..reports.choices import save_bytes
    from ..settings import load_organisation

    org = load_organisation()
    targets = {rel for model in tables.EXCHANGED for rel in tables.foreign_keys(model).values()}
    uid_of = _uid_maps(targets)
    buffer = io.BytesIO()
    manifest_tables = {}
    counts = {}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for i, model in enumerate(tables.EXCHANGED):
            if progress is not None:
                progress(i, len(tables.EXCHANGED), f"Đang xuất {tables.label(model._meta.table_name)}")
            names = tables.columns(model, include_sensitive)
            fks = tables.foreign_keys(model)
            fields = [getattr(model, n) for n in names]
            rows = []
            positions = {n: j for j, n in enumerate(names)}
            for values in model.select(*fields).order_by(model.id).tuples():
                row = [tables.to_json(v) for v in values]
                for name, rel in fks.items():
                    j = positions.get(name)
                    if j is not None and row[j] is not None:
                        row[j] = uid_of[rel._meta.table_name].get(row[j])
                if model is Area:  # an area without its commune is the exporting commune's
                    for column, value in (("commune", org.commune_short), ("commune_code", org.commune_code),
                                          ("province", org.province)):
                        if not row[positions[column]]:
                            row[positions[column]] = value
                rows.append(row)
            table = model._meta.table_name
            zf.writestr(f"tables/{table}.json", json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
            manifest_tables[table] = {"columns": names, "count": len(rows)}
            counts[table] = len(rows)
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": migrations.latest_version(),
            "program_version": __version__, "exported_at": dt.datetime.now().replace(microsecond=0).isoformat(sep=" "),
            "commune": org.commune_short, "commune_code": org.commune_code, "province": org.province,
            "sensitive": include_sensitive, "tables": manifest_tables,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    save_bytes(buffer.getvalue(), path)
    return _info(manifest)


def _info(manifest: dict) -> PackageInfo:
    return PackageInfo(manifest.get("commune", ""), manifest.get("commune_code", ""), manifest.get("province", ""),
                       manifest.get("exported_at", ""), manifest.get("schema_version", 0),
                       bool(manifest.get("sensitive")), {t: v.get("count", 0) for t, v in manifest["tables"].items()})


def _bad(path: Path, why: str = "") -> UserError:
    return UserError(f"Tệp «{path.name}» không phải gói dữ liệu trao đổi của chương trình hoặc đã bị hỏng{why}.")


@dataclass
class Package:
    info: PackageInfo
    tables: dict[str, tuple[list[str], list[list]]]  # table → (columns, rows)


def read_package(path: str | Path) -> Package:
    """Read and check the package at *path*; UserError in Vietnamese for a
    file that is not one (garbage, damaged, from a newer program)."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp «{path}».")
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise _bad(path)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise _bad(path)
            if manifest.get("format_version", 0) > FORMAT_VERSION or manifest.get("schema_version", 0) > migrations.latest_version():
                raise UserError(f"Gói «{path.name}» do phiên bản chương trình mới hơn tạo ra "
                                f"({manifest.get('program_version', '?')}); hãy cập nhật chương trình rồi nhập lại.")
            content = {}
            for table, spec in manifest["tables"].items():
                if table not in tables.BY_TABLE:
                    continue
                rows = json.loads(zf.read(f"tables/{table}.json").decode("utf-8"))
                columns = list(spec["columns"])
                if not isinstance(rows, list) or any(not isinstance(r, list) or len(r) != len(columns) for r in rows):
                    raise _bad(path, f" (bảng {table})")
                content[table] = (columns, rows)
    except UserError:
        raise
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, UnicodeDecodeError, OSError) as exc:
        raise _bad(path) from exc
    return Package(_info(manifest), content)
