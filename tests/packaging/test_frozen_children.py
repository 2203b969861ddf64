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


def _writer_process(tmp_path, messages: list) -> tuple[subprocess.CompletedProcess, list]:
    """Run the demo writer process through the entry script on a file with
    one empty table; return how it ended and what the table holds then."""
    db = tmp_path / "x.sqlite3"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x INTEGER)")
    con.commit()
    con.close()
    done = subprocess.run([sys.executable, str(ENTRY), "-m", "dvdesktop.services.demo.writer_process", str(db)],
                          input=_message(messages), capture_output=True, timeout=60)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT x FROM t").fetchall()
    con.close()
    return done, rows


def test_entry_script_runs_the_demo_writer_process(tmp_path):
    done, rows = _writer_process(tmp_path, [("sql", "INSERT INTO t VALUES (7)"), ("commit",)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "ok"
    assert rows == [(7,)]


def test_entry_script_child_without_commit_changes_nothing(tmp_path):
    done, rows = _writer_process(tmp_path, [("sql", "INSERT INTO t VALUES (7)")])
    assert done.returncode == 1 and done.stdout == b""  # the pipe closed without commit: rolled back
    assert rows == []


def test_entry_script_without_m_is_the_program():
    done = subprocess.run([sys.executable, str(ENTRY), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip()
