"""What the program does before its window is first drawn, and what it leaves
for after (issue 17: the first window close to a bare PySide6 window). No
timing here (bench/bench_startup.py measures): what is imported, and that the
garbage collector paused for the start is running again once the window shows
its data."""
from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest

# Not needed to draw the first window: the database and its driver, the
# documents, Excel, the catalog compiler, Qt modules the window does not show,
# and the standard modules the start avoids.
NOT_BEFORE_THE_FIRST_PAINT = (
    "peewee", "psycopg2", "dvdesktop.store", "dvdesktop.services", "dvdesktop.documents",
    "dvdesktop.gui.sections.base", "dvdesktop.gui.widgets", "dvdesktop.gui.scripted_messages",
    "openpyxl", "reportlab", "docx", "babel", "PySide6.QtSvg", "PySide6.QtPdf", "PySide6.QtNetwork",
    "PySide6.QtPrintSupport", "datetime", "dataclasses", "hashlib",
)

PROBE = """
import gc, sys
sys.argv = ["dvdesktop", "--db", sys.argv[1]]
from dvdesktop.__main__ import main
code = main()
print("MODULES", sorted(m for m in {watch!r} if m in sys.modules))
print("GC", gc.isenabled())
sys.exit(code)
"""


def run_to(point: str, tmp_path) -> tuple[list[str], bool]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DVDESKTOP_EXIT_AFTER=point,
               DVDESKTOP_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", PROBE.format(watch=NOT_BEFORE_THE_FIRST_PAINT),
                          str(tmp_path / "x.sqlite3")], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(f"{point} ")
    modules = ast.literal_eval(lines[1].removeprefix("MODULES "))  # a list of names, printed by the probe
    return modules, lines[2] == "GC True"


def test_the_first_paint_imports_nothing_it_does_not_draw(tmp_path):
    run_to("shown", tmp_path)  # from the source tree, the first start compiles the catalogs (with babel)
    modules, _collecting = run_to("shown", tmp_path)  # as every start of an installed program
    assert modules == []


def test_garbage_is_collected_again_once_the_data_is_shown(tmp_path):
    modules, collecting = run_to("ready", tmp_path)
    assert collecting
    assert "dvdesktop.store" in modules  # the probe sees what is imported (the database is open now)


def test_a_command_runs_with_the_collector_on(tmp_path):
    code = ("import gc, sys; from dvdesktop.startup_gc import pause; pause(); "
            "from dvdesktop.cli import main; main(['check', '--db', sys.argv[1]]); print('GC', gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.sqlite3")], capture_output=True, text=True,
                         timeout=60, env=dict(os.environ, DVDESKTOP_DATA_DIR=str(tmp_path / "data")))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("GC True")


@pytest.mark.parametrize("was_on", [True, False])
def test_pause_and_resume_leave_the_collector_as_they_found_it(was_on):
    import gc

    from dvdesktop import startup_gc

    before = gc.isenabled()
    try:
        (gc.enable if was_on else gc.disable)()
        startup_gc.pause()
        assert not gc.isenabled()
        startup_gc.resume()
        assert gc.isenabled() == was_on
    finally:
        (gc.enable if before else gc.disable)()


LIST_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from dvdesktop.gui import i18n, look
i18n.install("vi"); look.install(app)
from dvdesktop.store import open_database
open_database(sys.argv[1])
from dvdesktop.gui.main_window import MainWindow
from dvdesktop.gui.tasks import TaskRunner
from dvdesktop.services import session
TaskRunner.synchronous = True
window = MainWindow(); window.runner = TaskRunner(window)
window.database_opened(session.locate(sys.argv[1]))
people = window.section("people")
print("LIST", "openpyxl" in sys.modules)
menu = people.export_button.menu()
menu.popup(people.export_button.mapToGlobal(people.export_button.rect().bottomLeft()))
print("MENU", "openpyxl" in sys.modules, [a.text() for a in menu.actions()])
"""


def test_a_list_brings_excel_only_when_its_export_menu_opens(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DVDESKTOP_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", LIST_PROBE, str(tmp_path / "x.sqlite3")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stdout.splitlines() if line.startswith(("LIST", "MENU"))]
    assert lines[0] == "LIST False"  # openpyxl, lxml and PIL: ~0.25 s and ~10 MB the list does not need
    assert lines[1].startswith("MENU True ['Danh sách thành viên',")
