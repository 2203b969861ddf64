"""Where databases live by default and how a --db value is read."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "dvdesktop"
APP_AUTHOR = "dvdesktop"


def data_dir() -> Path:
    path = Path(os.environ.get("DVDESKTOP_DATA_DIR") or user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(os.environ.get("DVDESKTOP_LOG_DIR") or user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    return str(data_dir() / "dvdesktop.sqlite3")


def demo_database() -> str:
    return str(data_dir() / "demo.sqlite3")


@dataclass(frozen=True)
class DatabaseSpec:
    """A database named on the command line or in the settings."""

    kind: str  # "sqlite" or "postgresql"
    target: str  # file path or URL

    @property
    def is_postgres(self) -> bool:
        return self.kind == "postgresql"

    def display(self) -> str:
        """For the status bar: the file, or the server without the password."""
        if not self.is_postgres:
            return self.target
        from urllib.parse import urlsplit

        parts = urlsplit(self.target)
        host = parts.hostname or "localhost"
        port = f":{parts.port}" if parts.port else ""
        user = f"{parts.username}@" if parts.username else ""
        return f"PostgreSQL {user}{host}{port}{parts.path}"


def resolve(value: str | None) -> DatabaseSpec:
    """--db value, else DVDESKTOP_DB, else the default file."""
    value = value or os.environ.get("DVDESKTOP_DB") or default_database()
    if value.startswith(("postgresql://", "postgres://")):
        return DatabaseSpec("postgresql", value)
    return DatabaseSpec("sqlite", str(Path(value).expanduser()))
