"""Databases from the window: the welcome of the first start, opening,
creating, connecting, the recovery screen, read-only databases, restoring a
backup with the replaced database kept, the choice remembered for the next
start. Real files, real errors; the dialogs answered by the script."""
from __future__ import annotations

import argparse
import os
import sqlite3
from pathlib import Path

import pytest

from dvdesktop.gui.app import start
from dvdesktop.gui.main_window import MainWindow
from dvdesktop.gui.tasks import TaskRunner
from dvdesktop.services import recent_databases, session
from dvdesktop.store import close_database, open_database

from tests.read_only import read_only_copy, snapshot


@pytest.fixture
def fresh(qtbot, vietnamese, scripted, sync_tasks):
    """A main window started as from the Start menu (no --db), nothing open yet."""
    windows = []

    def make(**args):
        win = MainWindow()
        qtbot.addWidget(win)
        start(win, argparse.Namespace(db=args.get("db"), demo=args.get("demo", False), debug=False), TaskRunner(win))
        windows.append(win)
        return win

    yield make
    close_database()
    import logging

    root = logging.getLogger()  # start() logs into this test's folder: not into the next test's
    for handler in [h for h in root.handlers if getattr(h, "dv_file", False)]:
        root.removeHandler(handler)
        handler.close()


def make_database(path, teams=("Nà Khoang",)) -> str:
    from dvdesktop.services.register import AreaService, TeamService

    open_database(str(path))
    for name in teams:
        area = AreaService.create({"name": name, "kind": "bản", "commune": "xã Nậm Pồ"})
        TeamService.create({"area": area.id, "established_on": "05/01/2020"})
    close_database()
    return str(path)


def team_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM team WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()


def test_first_start_welcomes_with_four_choices_and_remembers(fresh, scripted):
    win = fresh()
    page = win.databases.page
    assert type(page).__name__ == "WelcomePage"
    assert [page.buttons[k].text().replace("&", "") for k in ("demo", "empty", "open", "server")] == [
        "Tạo dữ liệu mẫu", "Bắt đầu với dữ liệu trống", "Mở tệp có sẵn", "Kết nối máy chủ"]
    # nothing that needs a database can be pressed
    assert not any(a.isEnabled() for a in (win.new_action, win.save_action, win.delete_action,
                                           win.search_action, win.backup_action, win.settings_action))
    assert win.databases.open_action.isEnabled() and win.databases.restore_action.isEnabled()
    page.buttons["empty"].click()
    assert win.database_ready and win.databases.page is None and win.new_action.isEnabled()
    default = session.locate(None).target
    assert os.path.exists(default) and recent_databases.last_opened() == default
    close_database()
    again = fresh()  # the next start opens it without asking
    assert again.database_ready and again.spec.target == default


def test_file_menu_holds_the_database_actions(fresh):
    win = fresh()
    texts = [a.text() for a in win.file_menu.actions() if a.text()]
    assert texts[:5] == ["Mở cơ sở dữ liệu…", "Kết nối máy chủ…", "Tạo cơ sở dữ liệu mới…", "Mở dữ liệu mẫu",
                         "Cơ sở dữ liệu đã mở gần đây"]
    assert texts.index("Khôi phục từ bản sao lưu…") == texts.index("Sao lưu dữ liệu…") + 1


def test_open_a_file_from_the_menu_and_recent(fresh, scripted, tmp_path):
    first = make_database(tmp_path / "xa-a.sqlite3")
    second = make_database(tmp_path / "xa-b.sqlite3", teams=("Huổi Lếch", "Nà Hỳ"))
    win = fresh(db=first)
    assert win.database_ready and win.spec.target == first
    scripted.files = [second]
    win.databases.open_action.trigger()
    assert win.spec.target == second and scripted.shown[-1][0] == "open_file"
    areas = win.section("areas")
    assert areas.model.rowCount() == 2
    assert [r.target for r in recent_databases.recent()][:2] == [second, first]
    win.databases._fill_recent()
    entries = [a.text() for a in win.databases.recent_menu.actions()]
    assert entries[:2] == [second, first]
    win.databases.recent_menu.actions()[1].trigger()
    assert win.spec.target == first
    assert recent_databases.last_folder() == tmp_path  # the folder used last is offered next time


def test_create_new_database_and_never_over_an_existing_one(fresh, scripted, tmp_path):
    existing = make_database(tmp_path / "co-san.sqlite3")
    win = fresh(db=existing)
    before = Path(existing).read_bytes()  # after the start (its first-start question writes the account)
    scripted.files = [existing]
    win.databases.new_action.trigger()
    kind, _title, text = scripted.shown[-1]
    assert kind == "warning" and "đã có" in text
    assert Path(existing).read_bytes() == before and win.spec.target == existing
    scripted.files = [str(tmp_path / "moi")]
    win.databases.new_action.trigger()
    assert win.spec.target == str(tmp_path / "moi.sqlite3") and win.database_ready
    assert team_count(win.spec.target) == 0


def test_garbage_file_gives_the_recovery_screen_then_another_opens(fresh, scripted, tmp_path):
    garbage = tmp_path / "hong.sqlite3"
    garbage.write_bytes(b"day khong phai co so du lieu " * 200)
    before = garbage.read_bytes()
    good = make_database(tmp_path / "tot.sqlite3")
    win = fresh(db=str(garbage))
    page = win.databases.page
    assert type(page).__name__ == "RecoveryPage"
    assert "không phải cơ sở dữ liệu" in page.message.text()
    assert "--db" not in page.message.text()
    assert set(page.buttons) >= {"open", "server", "restore", "new", "demo"}
    assert not win.new_action.isEnabled() and win.nav.isHidden()
    assert garbage.read_bytes() == before  # nothing written into it
    scripted.files = [good]
    page.buttons["open"].click()
    assert win.database_ready and win.spec.target == good and win.databases.page is None
    assert not win.nav.isHidden() and win.new_action.isEnabled()


def test_newer_version_is_explained(fresh, tmp_path):
    path = make_database(tmp_path / "moi-hon.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE dv_meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    win = fresh(db=path)
    text = win.databases.page.message.text()
    assert "phiên bản mới hơn" in text and "cập nhật chương trình" in text


def test_server_unreachable_from_the_connection_form(fresh, scripted, tmp_path):
    win = fresh(db=make_database(tmp_path / "a.sqlite3"))

    def clerk(dialog):
        dialog.save()  # nothing typed: said in the dialog, which stays open
        assert not dialog.error.isHidden() and "máy chủ" in dialog.error.text()
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(1)  # nobody listens there
        dialog.database.setText("todanvan")
        dialog.user.setText("van thu")
        dialog.password.setText("mật khẩu")
        dialog.save()

    scripted.dialog_scripts = [clerk]
    win.databases.server_action.trigger()
    dialog = scripted.dialogs[-1]
    assert dialog.url == "postgresql://van%20thu:m%E1%BA%ADt%20kh%E1%BA%A9u@127.0.0.1:1/todanvan"
    text = win.databases.page.message.text()
    assert "Không kết nối được máy chủ" in text and "mật khẩu" not in text and "m%E1" not in text


def test_read_only_database_opens_with_banner_and_refuses_writing(fresh, scripted, tmp_path):
    source = make_database(tmp_path / "goc.sqlite3")
    with read_only_copy(source, tmp_path / "cd") as path:
        before = snapshot(path)
        win = fresh(db=str(path))
        assert win.database_ready and win.spec.read_only
        assert not win.databases.banner.isHidden() and "chỉ đọc" in win.databases.banner.text().lower()
        assert not win.new_action.isEnabled() and not win.save_action.isEnabled()
        assert win.search_action.isEnabled()
        areas = win.section("areas")
        assert areas.model.rowCount() == 1  # looking works
        # a save that gets through anyway is refused in words, before it starts
        from dvdesktop.gui.operations import OpChanges, RecordOp
        from dvdesktop.services.register import AreaService

        RecordOp(areas, lambda: AreaService.create({"name": "Mới", "kind": "bản"}), OpChanges.of(AreaService)) \
            .run_in_background()
        kind, _title, text = scripted.shown[-1]
        assert kind == "warning" and "chỉ đọc" in text and "readonly" not in text
        close_database()
        assert snapshot(path) == before


def test_restore_shows_the_backup_then_keeps_the_replaced_database(fresh, scripted, tmp_path):
    from dvdesktop.services.backup import backup_database
    from dvdesktop.services.register import AreaService, TeamService

    path = make_database(tmp_path / "xa.sqlite3")
    backup = tmp_path / "sao-luu.sqlite3"
    backup_database(path, backup)
    win = fresh(db=path)
    area = AreaService.create({"name": "Huổi Lếch", "kind": "bản"})
    TeamService.create({"area": area.id, "established_on": "01/02/2021"})
    assert team_count(path) == 2

    scripted.files = [str(backup)]
    scripted.answers = [False]  # looked at it, said no: nothing changes
    win.databases.restore_action.trigger()
    kind, title, text = scripted.shown[-1]
    assert kind == "confirm" and title == "Khôi phục từ bản sao lưu"
    assert "Tổ dân vận: 1" in text and "Sao lưu lúc:" in text and path in text
    assert team_count(path) == 2 and win.database_ready

    scripted.files = [str(backup)]
    scripted.answers = [True]
    win.databases.restore_action.trigger()
    assert win.database_ready and win.spec.target == path
    assert team_count(path) == 1
    kept = win.databases.last_restore.kept_aside
    assert kept.parent == tmp_path and "truoc-khoi-phuc" in kept.name and team_count(str(kept)) == 2
    assert win.section("areas").model.rowCount() == 1


def test_restore_refuses_a_file_that_is_not_a_backup(fresh, scripted, tmp_path):
    path = make_database(tmp_path / "xa.sqlite3")
    win = fresh(db=path)
    junk = tmp_path / "anh.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + b"0" * 4000)
    scripted.files = [str(junk)]
    win.databases.restore_action.trigger()
    kind, _title, text = scripted.shown[-1]
    assert kind == "warning" and "không phải bản sao lưu" in text
    assert win.database_ready and team_count(path) == 1


def test_user_guide_in_vietnamese(window, scripted):
    window.user_guide()
    guide = scripted.dialogs[-1]
    text = guide.text.toPlainText()
    assert guide.windowTitle() == "Hướng dẫn sử dụng"
    for words in ("Sao lưu", "Khôi phục", "In", "quá hạn"):
        assert words in text, words


def test_unsaved_changes_offer_save_dont_save_cancel(window, scripted):
    people = window.section("people")
    people.new_record()
    people.editor.full_name.setText("Lò Văn Thắng")
    scripted.answers = ["cancel"]
    window.nav.setCurrentRow(0)
    kind, title, choices = scripted.shown[-1]
    assert (kind, title, choices) == ("unsaved", "Chưa lưu thay đổi", "save discard cancel")
    assert window.current_section() is people and people.editor.full_name.text() == "Lò Văn Thắng"
    scripted.answers = ["save"]  # Lưu: stored, then the other section
    window.nav.setCurrentRow(0)
    assert window.current_section().key == "overview"
    from dvdesktop.store.models import Person

    assert [p.full_name for p in Person.select()] == ["Lò Văn Thắng"]


def test_the_real_question_has_three_vietnamese_buttons(qtbot, vietnamese):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dvdesktop.gui.dialogs import MessageService

    seen = []

    def answer():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Không lưu").click()

    QTimer.singleShot(0, answer)
    assert MessageService().discard_changes(None, save=lambda: True) is True
    assert sorted(seen) == sorted(["Lưu", "Không lưu", "Hủy"])


@pytest.mark.postgres
def test_connect_to_a_server_by_its_details(fresh, scripted, pg_url, tmp_path):
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(pg_url)
    win = fresh(db=make_database(tmp_path / "a.sqlite3"))

    def clerk(dialog):
        dialog.host.setText(parts.hostname)
        dialog.port.setValue(parts.port or 5432)
        dialog.database.setText(parts.path.lstrip("/"))
        dialog.user.setText(unquote(parts.username))
        dialog.password.setText(unquote(parts.password or ""))
        dialog.save()

    scripted.dialog_scripts = [clerk]
    win.databases.server_action.trigger()
    assert win.database_ready and win.spec.is_postgres, getattr(win.databases.page, "message", None)
    assert f":{parts.password}@" not in win.db_label.text()  # never the password
    assert recent_databases.last_opened().startswith("postgresql://")
    win.databases.restore_action.trigger()  # a server is restored on the server
    assert "pg_restore" in scripted.shown[-1][2]


def test_recovery_screen_restores_over_a_damaged_file(fresh, scripted, tmp_path):
    from dvdesktop.services.backup import backup_database

    good = make_database(tmp_path / "tot.sqlite3", teams=("Nà Khoang", "Nà Hỳ"))
    backup = tmp_path / "sao-luu.sqlite3"
    backup_database(good, backup)
    damaged = tmp_path / "xa.sqlite3"
    damaged.write_bytes(b"hong " * 1000)
    win = fresh(db=str(damaged))
    scripted.files = [str(backup)]
    scripted.answers = [True]
    win.databases.page.buttons["restore"].click()
    assert win.database_ready and win.spec.target == str(damaged) and team_count(str(damaged)) == 2
    kept = win.databases.last_restore.kept_aside
    assert kept.read_bytes() == b"hong " * 1000  # the damaged file, kept as it was


def test_save_answer_when_clicking_another_row(window, scripted):
    from dvdesktop.services.register import PersonService
    from dvdesktop.store.models import Person

    from tests.gui.helpers import select_row

    a = PersonService.create({"full_name": "Lò Văn An"})
    b = PersonService.create({"full_name": "Lò Văn Bình"})
    people = window.section("people")
    people.reload()
    people.select_id(a.id)
    people.editor.phone.setText("0912345678")
    scripted.answers = ["save"]
    select_row(people, people.model.row_of(b.id) if hasattr(people.model, "row_of") else 1)
    assert Person.get_by_id(a.id).phone == "0912345678"
    assert people.editor.record_id == b.id and people.current_id() == b.id
    assert not people.editor.is_dirty()


def test_welcome_demo_choice_builds_and_opens_the_demo(fresh):
    from dvdesktop.store.location import demo_database

    win = fresh()
    win.databases.page.buttons["demo"].click()
    assert win.database_ready and win.spec.target == demo_database()
    assert team_count(demo_database()) > 0
