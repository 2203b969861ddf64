"""The databases a clerk opened, remembered for the next start, and the
folder last used for saving files (the Documents folder the first time).

Kept in one small JSON file in the user data folder (not in the database:
it says which database to open). A PostgreSQL server is remembered with its
password, in that file of the user's own profile, so the program opens it
again at the next start as it opens a file. No Qt here.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import UserError
from ..store import location as _location

log = logging.getLogger(__name__)

FILE_NAME = "databases.json"
KEEP = 8  # recent databases listed in the File menu


@dataclass(frozen=True)
class RecentDatabase:
    target: str  # a file path or a postgresql:// URL
    where: str  # what the menu shows: the file, or the server without the password

    @property
    def is_postgres(self) -> bool:
        return self.target.startswith(("postgresql://", "postgres://"))


def _file() -> Path:
    return _location.data_dir() / FILE_NAME


def _load() -> dict:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save(data: dict) -> None:
    try:
        path = _file()
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError:  # a read-only profile: the program works, it only forgets
        log.warning("cannot remember the databases", exc_info=True)


def recent() -> list[RecentDatabase]:
    """The databases opened last, newest first."""
    out = []
    for target in _load().get("recent", []):
        if isinstance(target, str) and target:
            out.append(RecentDatabase(target, _location.resolve(target).display()))
    return out


def last_opened() -> str | None:
    """The database to open at start (the last one opened), or None."""
    items = recent()
    return items[0].target if items else None


def remember(target: str) -> None:
    """*target* was opened: first in the list, opened again at the next start."""
    data = _load()
    items = [t for t in data.get("recent", []) if t != target]
    data["recent"] = [target, *items][:KEEP]
    _save(data)


def documents_folder() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())


def last_folder() -> Path:
    """Where to offer saving a file: the folder used last, else Documents."""
    folder = _load().get("last_folder")
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return Path(folder)
    return documents_folder()


def remember_folder(path: str | Path) -> None:
    """A file was saved or opened at *path*: its folder is offered next time."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    data = _load()
    data["last_folder"] = str(folder)
    _save(data)


def server_url(host: str, database: str, user: str, password: str = "", port: int | None = None) -> str:
    """A postgresql:// URL from what a clerk types in the connection form."""
    host, database, user = (host or "").strip(), (database or "").strip(), (user or "").strip()
    missing = [name for name, value in (("máy chủ", host), ("tên cơ sở dữ liệu", database),
                                        ("tên đăng nhập", user)) if not value]
    if missing:
        raise UserError("Chưa nhập " + ", ".join(missing) + ".")
    if port is not None and not 0 < int(port) < 65536:
        raise UserError(f"Cổng {port} không hợp lệ (1–65535).")
    auth = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    netloc = host if ":" not in host or host.startswith("[") else f"[{host}]"
    return f"postgresql://{auth}@{netloc}{f':{port}' if port else ''}/{quote(database, safe='')}"
