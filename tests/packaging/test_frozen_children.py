"""The frozen program's entry script starts the program's own child
processes: `PROGRAM -m MODULE …` (frozen, sys.executable is the program, so
services/printing/child.py and services/demo/writer_process.py start it so)."""
from __future__ import annotations

import marshal
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "installer" / "dvdesktop_main.py"


def _message(messages: list) -> bytes:
    data = b"m" + marshal.dumps(messages)
    return struct.pack("<Q", len(data)) + data


def test_entry_script_runs_the_demo_writer_process(tmp_path):
    db = tmp_path / "x.sqlite3"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    done = subprocess.run([sys.executable, str(ENTRY), "-m", "dvdesktop.services.demo.writer_process", str(db)],
                          input=_message([("sql", "INSERT INTO t VALUES (7)"), ("commit",)]),
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "ok"
    con = sqlite3.connect(db)
    assert con.execute("SELECT x FROM t").fetchall() == [(7,)]
    con.close()


def test_entry_script_child_without_commit_changes_nothing(tmp_path):
    db = tmp_path / "x.sqlite3"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    done = subprocess.run([sys.executable, str(ENTRY), "-m", "dvdesktop.services.demo.writer_process", str(db)],
                          input=_message([("sql", "INSERT INTO t VALUES (7)")]), capture_output=True, timeout=60)
    assert done.returncode == 1 and done.stdout == b""  # the pipe closed without commit: rolled back
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    con.close()


def test_entry_script_without_m_is_the_program():
    done = subprocess.run([sys.executable, str(ENTRY), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip()
