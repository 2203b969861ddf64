"""Helpers of the safety tests: a small tmpfs (a real full disk), a database
with some weight, the integrity check of a file from outside the program."""
from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from pathlib import Path

import pytest


@contextlib.contextmanager
def tmpfs(path: Path, size: str):
    """A real little file system of *size* at *path* (needs root and mount;
    skipped where it cannot be had: the tests then say so)."""
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}): full-disk test not run")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)


def integrity(path: Path, *, immutable: bool = False) -> list[str]:
    """PRAGMA integrity_check and foreign_key_check from outside the program
    (*immutable*: on a read-only file system, where SQLite cannot make the WAL index)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro{'&immutable=1' if immutable else ''}", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()] + [
            f"fk {r}" for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
    finally:
        conn.close()


def counts(path: Path, tables=("person", "area", "meeting", "meeting_attendance", "audit_log")) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def fill(n_people: int = 300, note_size: int = 3000) -> None:
    """Some weight in the open database: people with long notes."""
    from dvdesktop.services.register import AreaService, PersonService
    from dvdesktop.store.base import database_proxy

    syllables = ("An", "Bình", "Cường", "Dũng", "Giang", "Hòa", "Khánh", "Lâm", "Minh", "Nga", "Phúc", "Quang",
                 "Sơn", "Thảo", "Uyên", "Vinh")
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    with database_proxy.atomic():
        for i in range(n_people):
            PersonService.create({"full_name": f"Tòng Văn {syllables[i % 16]} {syllables[i // 16 % 16]} {syllables[i // 256 % 16]}", "area": area.id,
                                  "notes": ("Ghi chú dài về hoàn cảnh gia đình. " * 200)[:note_size]})
