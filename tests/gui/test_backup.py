"""File ▸ Back up the data: a verified copy of the open SQLite database."""
import sqlite3



def test_backup_from_the_file_menu(window, scripted, tmp_path, db_url):  # noqa: F811
    if str(db_url).startswith("postgresql"):
        window.backup()
        assert scripted.shown[-1][0] == "info" and "pg_dump" in scripted.shown[-1][2]
        return
    from dvdesktop.services.register import PersonService

    PersonService.create({"full_name": "Lường Thị Hoa"})
    target = tmp_path / "ban-sao.sqlite3"
    scripted.files.append(str(target))
    window.backup()
    assert scripted.shown[-1][0] == "info" and "ban-sao.sqlite3" in scripted.shown[-1][2]
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT full_name FROM person").fetchall() == [("Lường Thị Hoa",)]
    conn.close()


def test_backup_refuses_to_overwrite_the_database(window, scripted, db_url):  # noqa: F811
    if str(db_url).startswith("postgresql"):
        return
    scripted.files.append(str(db_url))
    window.backup()
    assert scripted.shown[-1][0] == "warning"
