"""One check and one sentence for a folder this program may not write into
(services.files.require_writable_folder / not_writable): printing, the report,
an Excel file, a backup, an automatic backup and a restore all say it the
same way, naming the folder, and write nothing there. A real read-only folder
(tests/read_only.py: even as root the operating system refuses)."""
from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from dvdesktop.errors import DatabaseUnavailable, UserError
from dvdesktop.services.files import not_writable, require_writable_folder

from tests.read_only import without_root_override


@pytest.fixture
def locked(tmp_path):
    folder = tmp_path / "Thư mục khóa"
    folder.mkdir()
    os.chmod(folder, 0o555)
    yield folder
    os.chmod(folder, 0o755)


def _refused(action, folder, error=UserError) -> str:
    with without_root_override(), pytest.raises(error) as exc:
        action()
    assert list(folder.iterdir()) == []
    return exc.value.message


def test_the_sentence_names_the_folder(tmp_path, locked):
    assert not_writable(locked) == (f"Không ghi được vào thư mục «{locked}»: thư mục chỉ đọc hoặc không có quyền "
                                    "ghi. Hãy chọn thư mục khác.")
    assert require_writable_folder(tmp_path) == tmp_path
    assert _refused(lambda: require_writable_folder(locked), locked) == not_writable(locked)
    assert _refused(lambda: require_writable_folder(locked, DatabaseUnavailable), locked,
                    DatabaseUnavailable) == not_writable(locked)


def test_every_writer_says_it_alike(sqlite_db, tmp_path, locked):
    from dvdesktop.services import autobackup
    from dvdesktop.services.backup import backup_database
    from dvdesktop.services.files import check_output_folder, describe_os_error
    from dvdesktop.services.printing import print_document
    from dvdesktop.services.reports.choices import save_bytes
    from dvdesktop.services.restore import restore_backup

    sentence = not_writable(locked)
    source = sqlite_db.dv_path
    backup = tmp_path / "ban-sao.sqlite3"
    backup_database(source, backup)
    assert _refused(lambda: check_output_folder(locked / "a.pdf"), locked) == sentence
    assert _refused(lambda: print_document("roster", locked / "danh-sach.pdf"), locked) == sentence
    assert _refused(lambda: save_bytes(b"PK", locked / "bao-cao.xlsx"), locked) == sentence
    assert _refused(lambda: backup_database(source, locked / "sao-luu.sqlite3"), locked) == sentence
    assert _refused(lambda: autobackup.back_up(source, locked, at=dt.datetime(2026, 1, 1)), locked,
                    DatabaseUnavailable) == sentence
    assert describe_os_error(PermissionError(13, "Permission denied", str(locked / "x.pdf"))) == sentence
    os.chmod(locked, 0o755)
    target = locked / "du-lieu.sqlite3"
    shutil.copy(backup, target)
    os.chmod(locked, 0o555)
    with without_root_override(), pytest.raises(UserError) as exc:
        restore_backup(backup, target)
    assert exc.value.message == sentence and sorted(p.name for p in locked.iterdir()) == ["du-lieu.sqlite3"]
