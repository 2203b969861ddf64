"""The process killed (SIGKILL) at random moments during long writes: the
demo build, a backup, and clerks' saves of meetings with their attendance.
Afterwards the database passes the integrity check and holds each
transaction whole or not at all.

The quick suite kills each a few times; `pytest -m slow` kills each 30 times.
The random moments come from a seeded generator (the same moments on every
run); the figures are printed (-s) for the closing note.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dvdesktop.services import autobackup

from tests.safety.helpers import integrity

DEMO = [sys.executable, "-m", "dvdesktop", "demo", "--today", "2025-12-31", "--seed", "3"]
DATA_TABLES = ("area", "person", "team", "membership", "meeting", "meeting_attendance", "outreach_session",
               "concern", "mediation_case", "mediation_party", "campaign", "household", "evaluation",
               "supervision_activity")


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in DATA_TABLES}
    finally:
        conn.close()


def _kill_when_file(argv, path: Path, delay: float) -> bool:
    """Start *argv*, and once *path* exists (the program has begun writing)
    SIGKILL it after *delay* seconds; True when it was killed."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not path.exists() and proc.poll() is None:
        time.sleep(0.01)
    try:
        proc.wait(delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def _kill_after(argv, delay: float, env=None, *, after_ready: bool = False) -> bool:
    """Start *argv*, SIGKILL it after *delay* seconds (counted from the line
    "ready" it prints, with *after_ready*: start-up time varies with the
    machine's load); True when it was still running (a real kill), False
    when it had finished first."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE if after_ready else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    if after_ready:
        assert proc.stdout.readline().strip() == "ready"
    try:
        proc.wait(delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True
    finally:
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.fixture(scope="module")
def demo_reference(tmp_path_factory):
    """The counts of a whole demo build, and how long it writes here: from the WAL
    file's appearance (where the kills are counted from) to the end, since start-up
    time and the build's own speed vary with the machine and its load."""
    path = tmp_path_factory.mktemp("ref") / "full.sqlite3"
    proc = subprocess.Popen([*DEMO, "--db", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(f"{path}-wal")
    while not wal.exists() and proc.poll() is None:
        time.sleep(0.01)
    began = time.perf_counter()
    assert proc.wait() == 0
    return _counts(path), time.perf_counter() - began


def _demo_kills(tmp_path, reference, n: int, spread: float) -> dict:
    full, _seconds = reference
    rng = random.Random(15)
    outcome = {"killed": 0, "finished_first": 0, "empty": 0, "whole": 0}
    for i in range(n):
        path = tmp_path / f"demo-{i}.sqlite3"
        # Counted from the WAL file's appearance: the program has opened the database and writes.
        killed = _kill_when_file([*DEMO, "--db", str(path)], Path(f"{path}-wal"), rng.uniform(0.0, spread))
        outcome["killed" if killed else "finished_first"] += 1
        if not path.exists():
            outcome["empty"] += 1  # killed before the file was created
            continue
        assert integrity(path) == ["ok"], f"kill {i}"
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        conn.close()
        if "dv_meta" not in tables:
            assert tables == [], f"kill {i}: the schema was created in part"  # tables and version: one transaction
            outcome["empty"] += 1
            subprocess.run([*DEMO, "--db", str(path)], check=True, capture_output=True)
            assert _counts(path) == full
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            continue
        got = _counts(path)
        if all(v == 0 for v in got.values()):
            outcome["empty"] += 1
        else:
            assert got == full, f"kill {i}: a part of the demo transaction survived"
            outcome["whole"] += 1
        # The program opens what is left and can build again.
        subprocess.run([*DEMO, "--db", str(path), "--force"], check=True, capture_output=True)
        assert _counts(path) == full
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"\ndemo build killed {outcome['killed']}× (finished first {outcome['finished_first']}×): "
          f"{outcome['empty']} empty, {outcome['whole']} whole, 0 partial")
    return outcome


def test_demo_build_killed_a_few_times(tmp_path, demo_reference):
    # within the build's measured writing time, so that most of the three land inside it
    outcome = _demo_kills(tmp_path, demo_reference, 3, demo_reference[1] * 0.8)
    assert outcome["killed"] >= 1


@pytest.mark.slow
def test_demo_build_killed_thirty_times(tmp_path, demo_reference):
    # Spread over the build's writing time as measured here: most kills inside the
    # transaction, some after its commit (a run's speed varies, so not all land inside).
    outcome = _demo_kills(tmp_path, demo_reference, 30, demo_reference[1])
    assert outcome["killed"] >= 10


BACKUPS = r"""
import datetime as dt, sys
from dvdesktop.services import autobackup
print("ready", flush=True)
# One copy after another, each stamped a day later (the rotation runs too),
# so that a kill at any moment after start-up falls inside some backup.
for i in range(100000):
    autobackup.back_up(sys.argv[1], sys.argv[2], at=dt.datetime(2020, 1, 1, 17) + dt.timedelta(days=int(sys.argv[3]) + i))
"""


def _backup_kills(tmp_path, demo_reference, n: int) -> dict:
    source = tmp_path / "xa.sqlite3"
    subprocess.run([*DEMO, "--db", str(source)], check=True, capture_output=True)
    before = _counts(source)
    folder = tmp_path / "usb"
    folder.mkdir()
    rng = random.Random(16)
    outcome = {"killed": 0, "partial_left": 0}
    for i in range(n):
        killed = _kill_after([sys.executable, "-c", BACKUPS, str(source), str(folder), str(i * 1000)],
                             rng.uniform(0.0, 1.5), after_ready=True)
        outcome["killed"] += killed
        outcome["partial_left"] += len([p for p in folder.iterdir() if p.name.endswith(".dang-ghi")])
        # Every copy that has its final name is whole; the database is untouched.
        for _, path in autobackup.copies(folder, "xa"):
            assert autobackup.inspect(path).counts["person"] == before["person"]
        assert integrity(source) == ["ok"] and _counts(source) == before
    copies = len(autobackup.copies(folder, "xa"))
    # The next run clears what a killed run left half-written.
    subprocess.run([sys.executable, "-m", "dvdesktop", "autobackup", "--db", str(source), "--folder", str(folder)],
                   check=True, capture_output=True)
    assert not [p for p in folder.iterdir() if not p.name.endswith(".sqlite3")]
    print(f"\nbackup killed {outcome['killed']}×: database intact every time, all {copies} named copies whole, "
          f"{outcome['partial_left']} half-written temporary files seen (never taken for a copy, removed by the next run)")
    return outcome


def test_backup_killed_a_few_times(tmp_path, demo_reference):
    assert _backup_kills(tmp_path, demo_reference, 3)["killed"] == 3


@pytest.mark.slow
def test_backup_killed_thirty_times(tmp_path, demo_reference):
    assert _backup_kills(tmp_path, demo_reference, 30)["killed"] == 30


WRITER = r"""
import datetime as dt, sys
from dvdesktop.services import session
from dvdesktop.services.meetings import MeetingService
from dvdesktop.store.models import Person, Team
session.open(sys.argv[1])
team = Team.select().first().id
people = [p.id for p in Person.select().limit(20)]
print("ready", flush=True)
for i in range(100000):
    MeetingService.save_with_children(None, {"team": team, "starts_at": dt.datetime(2025, 1, 1, 8) + dt.timedelta(hours=i),
                                             "title": f"Họp lần {i}", "discussion": "Nội dung " * 50},
                                      {"attendance": [{"person": p, "status": "present"} for p in people]})
"""


def _writer_kills(tmp_path, n: int, url: str | None = None) -> dict:
    from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
    from dvdesktop.store import close_database, open_database

    path = tmp_path / "ghi.sqlite3"
    target = url or str(path)
    open_database(target)
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    team = TeamService.create({"area": area.id})
    import datetime as dt

    for i in range(20):
        p = PersonService.create({"full_name": f"Tòng Văn {'ABCDEFGHIKLMNOPQRSTU'[i]}"})
        MembershipService.create({"person": p.id, "team": team.id, "role": "thanh_vien", "start_date": dt.date(2020, 1, 1)})
    close_database()
    rng = random.Random(17)
    saved_before = 0
    outcome = {"killed": 0, "meetings": 0}
    for _ in range(n):
        killed = _kill_after([sys.executable, "-c", WRITER, target], rng.uniform(0.2, 2.0), after_ready=True)
        outcome["killed"] += killed
        if url is None:
            assert integrity(path) == ["ok"]
            conn = sqlite3.connect(path)
        else:
            import psycopg2

            conn = psycopg2.connect(url)
        try:
            cur = conn.cursor()

            def one(sql):
                cur.execute(sql)
                return cur.fetchall()

            meetings = one("SELECT count(*) FROM meeting")[0][0]
            sizes = one("SELECT m.id, count(a.id) FROM meeting m LEFT JOIN meeting_attendance a "
                        "ON a.meeting_id = m.id GROUP BY m.id")
            audits = one("SELECT count(*) FROM audit_log WHERE table_name = 'meeting' AND action = 'create'")[0][0]
        finally:
            conn.close()
        assert all(size == 20 for _, size in sizes), "a meeting without all its attendance rows"
        assert audits == meetings, "a meeting without its audit row, or the other way round"
        assert meetings >= saved_before  # what was committed stays
        saved_before = meetings
    outcome["meetings"] = saved_before
    print(f"\nclerks' saves ({'PostgreSQL' if url else 'SQLite'}) killed {outcome['killed']}×: {outcome['meetings']} meetings saved, each with its 20 "
          "attendance rows and its audit row; none partial")
    return outcome


def test_saves_killed_a_few_times(tmp_path):
    assert _writer_kills(tmp_path, 3)["killed"] == 3


@pytest.mark.slow
def test_saves_killed_thirty_times(tmp_path):
    assert _writer_kills(tmp_path, 30)["killed"] == 30


@pytest.mark.postgres
def test_saves_killed_on_postgresql(tmp_path, pg_url):
    """The client killed in the middle of its transactions: the server rolls
    the open one back; every committed meeting is whole."""
    assert _writer_kills(tmp_path, 3, pg_url)["killed"] == 3
