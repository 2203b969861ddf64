"""The first start of all asks who uses the program (one person, or several
with passwords) right after the welcome's choice, and a new, empty database
on the server can be started from «Kết nối máy chủ…» (the tables are created
once the clerk agrees). Real files, a real PostgreSQL database."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from dvdesktop.services import session

from tests.gui.test_databases import fresh, make_database  # noqa: F401 - the fixture

def test_empty_data_from_the_welcome_asks_who_uses_the_program(fresh, scripted):  # noqa: F811
    from dvdesktop.services import users

    win = fresh()

    def alone(dialog):
        assert type(dialog).__name__ == "FirstStartDialog"
        dialog.alone.setChecked(True)
        dialog.my_name.setText("Lò Thị Mai")
        dialog.save()

    scripted.dialog_scripts = [alone]
    win.databases.page.buttons["empty"].click()
    assert win.database_ready
    assert any(type(d).__name__ == "FirstStartDialog" for d in scripted.dialogs), scripted.shown
    assert users.sign_in_state() == "auto"  # the one-person office's account, from the very first start
    assert win.signed_in_label is not None and "Lò Thị Mai" in win.signed_in_label.text()


def test_opening_from_the_menu_later_does_not_ask(fresh, scripted, tmp_path):  # noqa: F811
    win = fresh(db=make_database(tmp_path / "a.sqlite3"))
    scripted.dialogs.clear()
    win.databases.open(make_database(tmp_path / "b.sqlite3"))
    assert win.database_ready
    assert not any(type(d).__name__ == "FirstStartDialog" for d in scripted.dialogs)


@pytest.fixture
def new_server_database():
    """A database just made on the server by its administrator: no tables at all."""
    from tests.conftest import PG_URL, PgServer

    if not PG_URL:
        pytest.skip("no PostgreSQL server (set DVDESKTOP_TEST_PG=postgresql://user:pass@host/postgres)")
    server = PgServer(PG_URL)
    yield server.url
    server.drop()


def _fill(parts):
    def clerk(dialog):
        dialog.host.setText(parts.hostname)
        dialog.port.setValue(parts.port or 5432)
        dialog.database.setText(parts.path.lstrip("/"))
        dialog.user.setText(unquote(parts.username))
        dialog.password.setText(unquote(parts.password or ""))
        dialog.save()
    return clerk


def _administrator(dialog):
    assert type(dialog).__name__ == "FirstStartDialog" and dialog.several.isChecked()
    dialog.full_name.setText("Nguyễn Văn An")
    dialog.password.setText("matkhau123")
    dialog.password2.setText("matkhau123")
    dialog.save()


@pytest.mark.postgres
def test_connect_to_an_empty_server_database_creates_its_tables(fresh, scripted, new_server_database, tmp_path):  # noqa: F811
    from dvdesktop.services import users

    win = fresh(db=make_database(tmp_path / "a.sqlite3"))
    scripted.answers = [True]  # yes, create the tables
    scripted.dialog_scripts = [_fill(urlsplit(new_server_database)), _administrator]
    win.databases.server_action.trigger()
    asked = [text for kind, title, text in scripted.shown if kind == "confirm"]
    assert asked and "còn trống" in asked[-1], scripted.shown
    assert win.database_ready and win.spec.is_postgres, getattr(win.databases.page, "message", None)
    assert session.check().schema_version is not None
    assert users.sign_in_state() == "password"  # a shared database: the administrator has a password


@pytest.mark.postgres
def test_refusing_to_create_the_tables_leaves_the_server_database_empty(fresh, scripted, new_server_database,  # noqa: F811
                                                                        tmp_path):
    import psycopg2

    win = fresh(db=make_database(tmp_path / "a.sqlite3"))
    scripted.answers = [False]
    scripted.dialog_scripts = [_fill(urlsplit(new_server_database))]
    win.databases.server_action.trigger()
    assert not win.database_ready and type(win.databases.page).__name__ == "RecoveryPage"
    conn = psycopg2.connect(new_server_database)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
            assert cur.fetchone()[0] == 0
    finally:
        conn.close()


def test_a_new_database_from_the_menu_asks_who_uses_it(fresh, scripted, tmp_path):  # noqa: F811
    from dvdesktop.services import users

    win = fresh(db=make_database(tmp_path / "a.sqlite3"))
    scripted.dialogs.clear()
    scripted.files = [str(tmp_path / "moi.sqlite3")]
    win.databases.new_action.trigger()
    assert win.database_ready and win.spec.target.endswith("moi.sqlite3")
    assert any(type(d).__name__ == "FirstStartDialog" for d in scripted.dialogs), scripted.shown
    assert users.sign_in_state() == "auto"
