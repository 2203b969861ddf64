"""The application shell: translations, errors, background tasks, opening
the database, navigation and the year selector."""
from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

from dvdesktop.gui import i18n

ROOT = Path(__file__).resolve().parents[2]


def _catalog_tool():
    spec = importlib.util.spec_from_file_location("i18n_catalogs", ROOT / "scripts" / "i18n_catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalog_template_is_up_to_date():
    tool = _catalog_tool()
    from babel.messages.pofile import read_po

    with (ROOT / "i18n" / "dvdesktop.pot").open("rb") as fh:
        pot = read_po(fh)
    fresh = tool.extract()
    assert tool.keys(fresh) - tool.keys(pot) == set(), "run: uv run python scripts/i18n_catalogs.py"
    assert tool.keys(pot) - tool.keys(fresh) == set(), "run: uv run python scripts/i18n_catalogs.py"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_string_is_translated(lang):
    tool = _catalog_tool()
    from babel.messages.pofile import read_po

    with (ROOT / "i18n" / lang / "LC_MESSAGES" / "dvdesktop.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    translated = {(m.context, m.id) for m in catalog if m.id and m.string and not m.fuzzy}
    missing = tool.keys(tool.extract()) - translated
    assert not missing, f"untranslated in {lang}: {sorted(missing, key=str)[:10]}"
    if lang == "vi":  # placeholders survive translation
        for m in catalog:
            if m.id and "{" in m.id:
                import re

                assert set(re.findall(r"{\w+}", m.id)) == set(re.findall(r"{\w+}", m.string)), m.id


def test_mo_compiled_into_user_data_not_repo(tmp_path, monkeypatch):
    monkeypatch.setenv("DVDESKTOP_DATA_DIR", str(tmp_path))
    mo = i18n.catalog_file("vi")
    assert mo is not None and mo.is_relative_to(tmp_path)
    assert not (ROOT / "i18n" / "vi" / "LC_MESSAGES" / "dvdesktop.mo").exists()
    assert i18n.install("vi") == "vi" and i18n._("Save") == "Lưu"
    assert i18n.install("en") == "en" and i18n._("Save") == "Save"
    i18n.install("vi")


def test_qt_own_strings_are_vietnamese(vietnamese):
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Có"
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Dán"
    assert QCoreApplication.translate("QPlatformTheme", "no such string") == "no such string"


def test_window_is_vietnamese(window):
    assert window.windowTitle() == "Quản lý Tổ dân vận"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:3] == ["Tổng quan", "Địa bàn và Tổ dân vận", "Thành viên"]
    for key in ("overview", "areas", "people"):
        window.section(key)
    english = {"Save", "New", "Delete", "Search", "Cancel", "Area", "Team", "Members", "Full name", "Phone"}
    for widget in window.findChildren(QLabel) + window.findChildren(QPushButton):
        assert widget.text() not in english, widget.text()


def test_status_bar_names_database_and_year_selector(window, db_url):
    assert window.db_label.text().startswith("Cơ sở dữ liệu: ")
    assert Path(db_url).name in window.db_label.text()
    people = window.section("people")
    window.year.setCurrentIndex(window.year.findData(2020))
    assert people.year == 2020 and people.on_date.isoformat() == "2020-12-31"


def test_year_change_reads_hidden_lists_only_when_shown(window, monkeypatch):
    people = window.section("people")
    areas = window.section("areas")
    calls = []
    monkeypatch.setattr(people, "refresh", lambda: calls.append("people"))
    monkeypatch.setattr(type(areas), "set_year", lambda self, year: (calls.append(("areas", year)),
                                                                      setattr(self, "year", year)))
    window.year.setCurrentIndex(window.year.findData(2021))
    assert calls == [("areas", 2021)]  # the shown section at once
    assert people.year == 2021  # hidden: the year noted, its list not read
    window.section("people")
    assert calls[-1] == "people" and people.year == 2021


def test_sections_are_declared_once_and_all_exist(window):
    """The navigation is the declaration table; every declared section loads."""
    from dvdesktop.gui.sections.base import Section
    from dvdesktop.gui.sections.catalog import SECTIONS

    keys = [e.key for e in SECTIONS]
    assert keys[:3] == ["overview", "areas", "people"] and len(keys) == len(set(keys))
    assert window.nav.count() == len(SECTIONS)
    for entry in SECTIONS:
        assert issubclass(entry.load(), Section), entry.target
    assert window.section("meetings").key == "meetings"


def test_switching_section_asks_about_unsaved_changes(window, scripted):
    people = window.section("people")
    people.new_record()
    people.editor.full_name.setText("Lò Văn Thắng")
    scripted.answers = [False]
    window.nav.setCurrentRow(0)
    assert window.current_section() is people
    assert people.editor.full_name.text() == "Lò Văn Thắng"
    scripted.answers = [True]
    window.nav.setCurrentRow(0)
    assert window.current_section().key == "overview"


def test_overview_counts(window):
    from tests.gui.helpers import make_team

    from dvdesktop.services.register import MembershipService, PersonService

    _area, team = make_team()
    p = PersonService.create({"full_name": "Quàng Thị Mai", "gender": "nữ", "ethnicity": "Thái"})
    MembershipService.create({"person": p.id, "team": team.id, "start_date": "01/01/2020"})
    overview = window.section("overview")
    overview.refresh()
    assert overview.values["Tổ dân vận đang hoạt động"] == 1
    assert overview.values["Thành viên Tổ dân vận"] == 1
    assert overview.values["trong đó nữ"] == 1
    assert overview.values["trong đó người dân tộc thiểu số"] == 1


def test_unexpected_error_is_logged_and_shown_calmly(scripted, vietnamese, qtbot):
    from dvdesktop.gui import errors

    path = errors.setup_logging()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        errors.report(exc)
    kind, summary, details = scripted.shown[-1]
    assert kind == "error" and "lỗi không lường trước" in summary and "RuntimeError: boom" in details
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    assert "RuntimeError: boom" in path.read_text(encoding="utf-8")
    assert "RuntimeError" not in summary  # the clerk reads plain words; the trace is for support
    dialog = errors.ErrorDialog(None, summary, details, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details_box.isVisible()  # folded away until asked for
    dialog.details_button.click()
    assert dialog.details_box.isVisible() and "RuntimeError: boom" in dialog.details_box.toPlainText()
    copy = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Sao chép chi tiết"]
    assert copy
    copy[0].click()
    assert "RuntimeError: boom" in QCoreApplication.instance().clipboard().text()


def test_environment_errors_in_plain_words(scripted, vietnamese):
    from dvdesktop.errors import DatabaseUnavailable
    from dvdesktop.gui import errors

    errors.report(DatabaseUnavailable("Ổ đĩa đã đầy, không ghi được dữ liệu."))
    assert scripted.shown[-1] == ("warning", "Không thực hiện được", "Ổ đĩa đã đầy, không ghi được dữ liệu.")
    # met while saving, not while opening: the raw driver errors
    import sqlite3

    import peewee

    for raw, words in ((sqlite3.OperationalError("database is locked"), "khóa"),
                       (peewee.OperationalError("attempt to write a readonly database"), "chỉ cho phép đọc"),
                       (peewee.OperationalError("database or disk is full"), "Ổ đĩa đã đầy")):
        errors.report(raw)
        kind, _title, message = scripted.shown[-1]
        assert kind == "warning" and words in message, message


def test_open_failure_shows_vietnamese_message(qtbot, tmp_path, vietnamese, scripted, sync_tasks):
    from dvdesktop.gui.app import start
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.gui.tasks import TaskRunner

    win = MainWindow()
    qtbot.addWidget(win)
    start(win, argparse.Namespace(db=str(tmp_path), demo=False, debug=False), TaskRunner(win))
    page = win.databases.page  # the recovery screen says why, no modal box on top of it
    assert page is not None and "là một thư mục" in page.message.text()
    assert scripted.shown == []
    assert win.db_label.text() == "Chưa mở cơ sở dữ liệu"


def test_open_and_demo(qtbot, tmp_path, vietnamese, scripted, sync_tasks):
    from dvdesktop.gui.app import start
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.gui.tasks import TaskRunner
    from dvdesktop.store import close_database
    from dvdesktop.store.location import demo_database

    win = MainWindow()
    qtbot.addWidget(win)
    start(win, argparse.Namespace(db=None, demo=True, debug=False), TaskRunner(win))
    try:
        assert win.database_ready and os.path.exists(demo_database())
        assert demo_database() in win.db_label.text()
    finally:
        close_database()


def test_task_runner_threaded_progress_and_cancel(qtbot):
    from dvdesktop.gui.tasks import TaskRunner

    runner = TaskRunner()
    results, seen = [], []

    def work(progress):
        for i in range(3):
            progress.update(i, 3)
        return 42

    handle = runner.run(work, on_done=results.append)
    handle.progressed.connect(lambda d, t, s: seen.append(d))
    qtbot.waitUntil(lambda: results == [42], timeout=5000)

    import threading

    gate = threading.Event()
    errors = []

    def slow(progress):
        gate.wait(5)
        progress.update(1, 2)
        return "not reached"

    handle = runner.run(slow, on_done=results.append, on_error=errors.append)
    handle.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not handle.running, timeout=5000)
    assert results == [42] and errors == []


def test_smoke_start_to_first_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DVDESKTOP_EXIT_AFTER="ready",
               DVDESKTOP_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "dvdesktop", "--db", str(tmp_path / "x.sqlite3")], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ready ")
