"""File ▸ Back up the data: a verified copy of the open SQLite database; on
PostgreSQL the clerk is pointed to pg_dump."""
import sqlite3

import pytest

from tests.gui.helpers import open_main_window


def test_backup_from_the_file_menu(window, scripted, tmp_path):
    from dvdesktop.services.register import PersonService

    PersonService.create({"full_name": "Lường Thị Hoa"})
    target = tmp_path / "ban-sao.sqlite3"
    scripted.files.append(str(target))
    window.backup()
    assert scripted.shown[-1][0] == "info" and "ban-sao.sqlite3" in scripted.shown[-1][2]
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT full_name FROM person").fetchall() == [("Lường Thị Hoa",)]
    conn.close()


def test_backup_refuses_to_overwrite_the_database(window, scripted, db_url):
    scripted.files.append(str(db_url))
    window.backup()
    assert scripted.shown[-1][0] == "warning"


@pytest.mark.postgres
def test_backup_on_postgresql_points_to_pg_dump(qtbot, pg_url, vietnamese, scripted, sync_tasks):
    window = open_main_window(qtbot, pg_url)
    window.backup()
    assert scripted.shown[-1][0] == "info" and "pg_dump" in scripted.shown[-1][2]
