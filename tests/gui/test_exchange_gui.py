"""The exchange with the province from the File menu: a commune's demo
exported as a package, then imported into another database through the
preview of its dry run; a second import changes nothing; a garbage file or a
cancelled import leaves the database as it was. Real SQLite files, two
databases; the dialogs answered by the script."""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import zipfile

import pytest

from dvdesktop import cli
from dvdesktop.gui.exchange_dialogs import ImportPreview
from dvdesktop.store import close_database, open_database

from tests.gui.helpers import open_main_window


@pytest.fixture(scope="module")
def commune_file(tmp_path_factory):
    """The demo commune (xã Nà Hỳ), built once for the module."""
    path = tmp_path_factory.mktemp("commune") / "commune.sqlite3"
    assert cli.main(["demo", "--db", str(path), "--seed", "3"]) == 0
    close_database()
    return path


@pytest.fixture
def province(tmp_path):
    """Another database, with one commune of its own."""
    from dvdesktop.services.register import AreaService

    path = tmp_path / "tinh.sqlite3"
    open_database(str(path))
    AreaService.create({"name": "Khu 1", "kind": "khu", "commune": "Yên Thế", "commune_code": "00001"})
    close_database()
    return path


def window_on(qtbot, path):
    close_database()
    open_database(str(path))
    return open_main_window(qtbot, str(path))


def count(path, table) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def snapshot(path) -> dict[str, list]:
    """Every committed row of every table of the database at *path*, read
    through a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
    finally:
        conn.close()


def export_from(qtbot, scripted, commune, target, *, sensitive=False):
    win = window_on(qtbot, commune)
    scripted.answers.append(sensitive)
    scripted.files.append(str(target))
    win.exchange.export_action.trigger()
    return win


def preview_script(seen, press="save"):
    """A dialog script: keep the preview, then press Import (save) or Cancel."""

    def clerk(dialog):
        assert isinstance(dialog, ImportPreview)
        seen.append(dialog)
        dialog.save() if press == "save" else dialog.reject()

    return clerk


@pytest.fixture
def package(qtbot, vietnamese, scripted, sync_tasks, commune_file, tmp_path):
    commune = tmp_path / "xa.sqlite3"
    shutil.copy(commune_file, commune)
    target = tmp_path / "goi.dvx"
    export_from(qtbot, scripted, commune, target)
    close_database()
    scripted.shown.clear()
    return target


def test_export_asks_about_sensitive_data_suggests_a_name_and_says_what_it_wrote(
        qtbot, vietnamese, scripted, sync_tasks, commune_file, tmp_path):
    commune = tmp_path / "xa.sqlite3"
    shutil.copy(commune_file, commune)
    target = tmp_path / "goi-xa"  # no ending typed: .dvx added
    win = export_from(qtbot, scripted, commune, target)
    assert [a.text() for a in win.file_menu.actions() if "gói" in a.text()] == [
        "Xuất gói dữ liệu gửi cấp trên…", "Nhập gói dữ liệu từ xã…"]
    question, save, said = scripted.shown
    assert question[0] == "confirm" and "nhạy cảm" in question[2] and "«Có»" in question[2]
    assert save[0] == "save_file" and save[2].endswith(f"goi-du-lieu-na-hy-{dt.date.today():%Y-%m-%d}.dvx")
    written = tmp_path / "goi-xa.dvx"
    assert said[0] == "info" and str(written) in said[2] and "Không kèm dữ liệu cá nhân nhạy cảm" in said[2]
    people = count(commune, "person")
    with zipfile.ZipFile(written) as zf:
        import json

        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["commune"] == "Nà Hỳ" and manifest["sensitive"] is False
    assert manifest["tables"]["person"]["count"] == people
    assert f"{sum(t['count'] for t in manifest['tables'].values())} bản ghi" in said[2]


def test_import_previews_then_writes_and_a_second_import_changes_nothing(
        qtbot, vietnamese, scripted, sync_tasks, package, province):
    people_before = count(province, "person")
    win = window_on(qtbot, province)
    seen = []
    state_at_preview = []

    def clerk(dialog):
        state_at_preview.append(count(province, "person"))  # the dry run wrote nothing
        preview_script(seen)(dialog)

    scripted.files.append(str(package))
    scripted.dialog_scripts.append(clerk)
    win.exchange.import_action.trigger()

    preview = seen[0]
    result = preview.found
    counts = result.info.counts
    assert state_at_preview == [people_before]
    assert result.dry_run and result.conflicts == [] and not result.updated
    assert preview.added == sum(result.added.values()) == sum(counts.values()) - result.matched
    assert preview.updated == 0 and preview.unchanged == 0 and preview.conflicts == []
    assert result.added["person"] == counts["person"]
    assert f"Thêm mới: {preview.added}" in preview.figures.text()
    assert "Nà Hỳ" in preview.origin.text() and "Không có xung đột." in _texts(preview)
    # the table: one line a kind of record, the total last
    table = preview.table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)] for r in range(table.rowCount())}
    n = f"{counts['person']:,}".replace(",", ".")
    assert rows["Người"] == [n, n, "0"]
    assert rows["Tổng cộng"][1] == f"{preview.added:,}".replace(",", ".")

    # written
    assert count(province, "person") == people_before + counts["person"]
    assert count(province, "area") == 1 + counts["area"]
    said = scripted.shown[-1]
    assert said[0] == "info" and f"thêm {preview.added}" in said[2] and "xung đột 0" in said[2]

    # the same package again: everything unchanged, nothing to press but Close
    before = snapshot(province)
    seen.clear()
    scripted.files.append(str(package))
    scripted.dialog_scripts.append(preview_script(seen))
    win.exchange.import_action.trigger()
    again = seen[0]
    assert again.added == 0 and again.updated == 0 and again.conflicts == []
    assert again.unchanged == sum(counts.values()) - again.found.matched
    assert again.import_button is None and "Không có gì để nhập" in _texts(again)
    assert snapshot(province) == before
    assert scripted.kinds()[-1] == "dialog"  # no "written" message


def test_a_garbage_package_gives_a_clear_message_and_changes_nothing(
        qtbot, vietnamese, scripted, sync_tasks, province, tmp_path):
    garbage = tmp_path / "goi-hong.dvx"
    garbage.write_bytes(b"PK\x03\x04 this is not a package at all" * 50)
    win = window_on(qtbot, province)
    before = snapshot(province)
    scripted.files.append(str(garbage))
    win.exchange.import_action.trigger()
    kind, title, text = scripted.shown[-1]
    assert kind == "warning" and title == "Nhập gói dữ liệu từ xã"
    assert text == "Tệp «goi-hong.dvx» không phải gói dữ liệu trao đổi của chương trình hoặc đã bị hỏng."
    assert not scripted.dialogs and snapshot(province) == before


def test_a_cancelled_import_leaves_the_database_as_it_was(
        qtbot, vietnamese, scripted, sync_tasks, package, province):
    win = window_on(qtbot, province)
    before = snapshot(province)
    handles = []
    win.runner.started.connect(handles.append)

    steps = []

    def cancel_midway(handle):
        def step(done, total, text):
            steps.append(text)
            if done == 6:  # areas, people, teams, members, meetings already written in the transaction
                handle.cancel()

        handle.progressed.connect(step)

    def press_cancel_once_writing(dialog):
        # the clerk presses Cancel in the status bar while the write is half done
        win.runner.started.connect(cancel_midway)
        dialog.save()

    scripted.files.append(str(package))
    scripted.dialog_scripts.append(press_cancel_once_writing)
    win.exchange.import_action.trigger()
    assert [h.label for h in handles] == ["Đang kiểm tra gói dữ liệu", "Đang nhập gói dữ liệu"]
    assert len(steps) == 7 and steps[-1] == "Đang nhập điểm danh"
    assert scripted.shown[-1][:3] == ("info", "Nhập gói dữ liệu từ xã", "Đã hủy nhập gói; cơ sở dữ liệu không thay đổi gì.")
    assert snapshot(province) == before and win.operations.running == 0


def test_cancel_in_the_preview_writes_nothing(qtbot, vietnamese, scripted, sync_tasks, package, province):
    win = window_on(qtbot, province)
    before = snapshot(province)
    seen = []
    scripted.files.append(str(package))
    scripted.dialog_scripts.append(preview_script(seen, press="cancel"))
    win.exchange.import_action.trigger()
    assert seen and seen[0].added > 0
    assert snapshot(province) == before


def test_actions_follow_the_database(qtbot, vietnamese, scripted, sync_tasks, province):
    win = window_on(qtbot, province)
    ex = win.exchange
    assert ex.export_action.isEnabled() and ex.import_action.isEnabled()
    win.databases.set_enabled(True, read_only=True)  # a read-only database: export (reads) yes, import no
    assert ex.export_action.isEnabled() and not ex.import_action.isEnabled()
    win.databases.set_enabled(False)  # no database
    assert not ex.export_action.isEnabled() and not ex.import_action.isEnabled()


def _texts(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_import_runs_off_the_gui_thread(qtbot, vietnamese, scripted, package, province):
    """Without the tests' synchronous switch: the dry run and the write run in
    the thread pool, the window keeps its event loop, the result arrives."""
    import threading

    from dvdesktop.gui.tasks import TaskRunner
    from dvdesktop.services import exchange

    TaskRunner.synchronous = False  # the package fixture exported synchronously; sync_tasks puts it back
    threads = []
    real = exchange.import_package

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    win = window_on(qtbot, province)
    seen = []
    scripted.files.append(str(package))
    scripted.dialog_scripts.append(preview_script(seen))
    exchange.import_package = spy
    try:
        win.exchange.import_action.trigger()
        win.exchange.import_action.trigger()  # pressed again while the first is checked: told to wait
        assert scripted.shown[-1][:2] == ("warning", "Xin chờ")
        qtbot.waitUntil(lambda: scripted.kinds()[-1:] == ["info"], timeout=60_000)
    finally:
        exchange.import_package = real
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert seen[0].added > 0 and count(province, "person") == seen[0].found.info.counts["person"]
    assert win.operations.running == 0
