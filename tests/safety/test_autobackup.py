"""Automatic backups: verified copies in a chosen folder, the 7/4/12
rotation, a full disk (a real 1 MB tmpfs), a read-only folder and a USB
stick pulled out: a clear message, the earlier copies untouched."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from dvdesktop.errors import DatabaseUnavailable, UserError
from dvdesktop.services import autobackup
from dvdesktop.services.autobackup import BackupSettings

from tests.safety.helpers import fill, integrity, remount_read_only, tmpfs


def test_to_keep_seven_daily_four_weekly_twelve_monthly():
    start = dt.datetime(2025, 1, 1, 17, 0)
    # Two copies a day (on close, and the daily one) for 400 days.
    times = [start + dt.timedelta(days=d, hours=h) for d in range(400) for h in (0, 3)]
    keep = autobackup.to_keep(times)
    newest = max(times)
    days = sorted({t.date() for t in keep}, reverse=True)
    assert newest in keep
    # The 7 latest days: one copy each, the newest of the day.
    last7 = {newest.date() - dt.timedelta(days=i) for i in range(7)}
    assert last7 <= set(days)
    assert all(t.hour == 20 for t in keep)  # always the day's newest copy
    weeks = {t.isocalendar()[:2] for t in keep}
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12 and len(weeks) >= 4
    assert len(keep) <= 7 + 4 + 12
    oldest_month = min(months)
    assert oldest_month == ((newest.year, newest.month - 11) if newest.month > 11 else (newest.year - 1, newest.month + 1))


def test_copies_are_verified_and_rotated(sqlite_db, tmp_path):
    fill(20, 100)
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "ghi-chu-cua-toi.txt").write_text("không phải bản sao lưu")
    start = dt.datetime(2026, 1, 1, 17, 0)
    for d in range(0, 60, 2):
        copy = autobackup.back_up(sqlite_db.dv_path, folder, at=start + dt.timedelta(days=d))
        assert copy.counts["person"] == 20 and copy.schema_version >= 4
    left = autobackup.copies(folder, "test")
    assert len(left) == len(autobackup.to_keep([start + dt.timedelta(days=d) for d in range(0, 60, 2)]))
    assert len(left) < 30 and left[0][0] == start + dt.timedelta(days=58)
    assert (folder / "ghi-chu-cua-toi.txt").exists()
    for _, path in left:
        assert integrity(path) == ["ok"]
    assert not [p for p in folder.iterdir() if p.name.endswith((".dang-ghi", ".tmp"))]
    info = autobackup.inspect(left[0][1])
    assert info.taken_at == start + dt.timedelta(days=58) and info.records >= 21


def test_a_broken_copy_is_refused_by_inspect(sqlite_db, tmp_path):
    copy = autobackup.back_up(sqlite_db.dv_path, tmp_path, at=dt.datetime(2026, 1, 1))
    data = copy.path.read_bytes()
    copy.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseUnavailable):
        autobackup.inspect(copy.path)
    garbage = tmp_path / "test-20260102-000000.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(DatabaseUnavailable):
        autobackup.inspect(garbage)


def test_daily_and_on_close_follow_the_settings(sqlite_db, tmp_path):
    folder = tmp_path / "chon"
    folder.mkdir()
    autobackup.save_settings(BackupSettings(folder=str(folder), on_close=True, daily=True))
    settings = autobackup.load_settings()
    assert settings.folder == str(folder)
    t = dt.datetime(2026, 5, 4, 8, 0)
    assert autobackup.automatic(sqlite_db.dv_path, "daily", now=t) is not None
    assert autobackup.automatic(sqlite_db.dv_path, "daily", now=t + dt.timedelta(hours=5)) is None
    assert autobackup.automatic(sqlite_db.dv_path, "close", now=t + dt.timedelta(hours=6)) is not None
    assert autobackup.automatic(sqlite_db.dv_path, "daily", now=t + dt.timedelta(hours=30)) is not None
    assert autobackup.last_status()["ok"]
    autobackup.save_settings(BackupSettings(folder=str(folder), on_close=False, daily=False))
    assert autobackup.automatic(sqlite_db.dv_path, "close") is None
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        autobackup.save_settings(BackupSettings(folder=str(tmp_path / "khong-co")))


def test_usb_stick_pulled_out(sqlite_db, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    autobackup.back_up(sqlite_db.dv_path, folder, at=dt.datetime(2026, 1, 1))
    shutil.rmtree(folder)
    with pytest.raises(DatabaseUnavailable, match="USB chưa cắm"):
        autobackup.back_up(sqlite_db.dv_path, folder)
    assert integrity(sqlite_db.dv_path) == ["ok"]


def test_full_disk_on_a_real_tmpfs(sqlite_db, tmp_path):
    """A file system of 2.5 times the database: two copies fit, the third fills the disk."""
    fill(100, 3000)
    sqlite_db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sqlite_db.dv_path.stat().st_size
    assert 500_000 < size < 4_000_000
    with tmpfs(tmp_path / "nho", f"{int(size * 2.5) // 1024}k") as folder:
        made = []
        for day in range(1, 6):
            try:
                made.append(autobackup.back_up(sqlite_db.dv_path, folder, at=dt.datetime(2026, 1, day)))
            except DatabaseUnavailable as exc:
                assert "đã đầy" in exc.message and "các bản cũ vẫn còn" in exc.message
                break
        else:
            pytest.fail("the small disk never filled up")
        assert len(made) == 2
        # Nothing half-written is left; the earlier copies are whole.
        left = autobackup.copies(folder, "test")
        assert [p for _, p in left] == [c.path for c in reversed(made)]
        for _, path in left:
            assert autobackup.inspect(path).counts["person"] == 100
        assert not [p for p in folder.iterdir() if not p.name.endswith(".sqlite3")]
        # The database itself is untouched.
        assert integrity(sqlite_db.dv_path) == ["ok"]
        remount_read_only(folder)
        with pytest.raises(DatabaseUnavailable, match="chỉ đọc|đầy"):
            autobackup.back_up(sqlite_db.dv_path, folder, at=dt.datetime(2026, 2, 1))
