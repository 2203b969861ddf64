"""Every section of the main window at 1366x768 on the demo commune, as
PNG files for docs/ and the README, and what is cut off in each (the same
check as tests/gui/test_fits_the_screen.py).

    uv run python scripts/screenshots.py [--out docs/screens] [--db DEMO.sqlite3]
    QT_SCALE_FACTOR=1.25 uv run python scripts/screenshots.py --out /tmp/at125   # Windows at 125 %

Without --db the demo commune is built in a temporary folder (seed 3, up to
30/06/2025: the same data every time), shown in 2024, its last whole year.
Besides the sections it writes the menus and dialogs the guides show (see
extras()), and docs/overview-charts.png, docs/team-composition.png and
docs/welcome.png. At 125 % the window has 1366/1.25 x
768/1.25 logical pixels, as on such a laptop. Exit status 1 when something
is cut off.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SCREEN = (1366, 768)
TASKBAR_AND_TITLE = 68  # a maximised window's share of a 768-pixel screen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screens")
    parser.add_argument("--db")
    parser.add_argument("--year", type=int, default=2024)  # the demo's last whole year: rated, reported
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dvdesktop-shots-"))
    os.environ.setdefault("DVDESKTOP_DATA_DIR", str(tmp / "data"))
    db = args.db
    if db is None:
        from dvdesktop import cli

        db = str(tmp / "demo.sqlite3")
        assert cli.main(["demo", "--db", db, "--seed", "3", "--today", "2025-06-30"]) == 0

    from PySide6.QtWidgets import QApplication

    from dvdesktop.gui import i18n, look
    from dvdesktop.gui.layout_check import clipped
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.gui.sections.catalog import SECTIONS
    from dvdesktop.gui.tasks import TaskRunner
    from dvdesktop.services import session

    app = QApplication(sys.argv[:1])
    i18n.install("vi")
    app.installTranslator(i18n.CatalogTranslator(app))
    look.install(app)
    session.open(db)
    TaskRunner.synchronous = True
    scale = float(os.environ.get("QT_SCALE_FACTOR") or 1)
    window = MainWindow()
    window.runner = TaskRunner(window)
    window.resize(round(SCREEN[0] / scale), round((SCREEN[1] - TASKBAR_AND_TITLE) / scale))
    window.show()
    shown_size = (window.width(), window.height())
    window.year.setCurrentIndex(window.year.findData(args.year))
    window.database_opened(session.locate(db))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def settle():
        for _ in range(8):
            app.processEvents()

    problems = 0
    for entry in SECTIONS:
        section = window.section(entry.key)
        settle()
        model = getattr(section, "model", None)
        if model is not None and model.rowCount():
            from PySide6.QtCore import QItemSelectionModel

            section.view.selectionModel().setCurrentIndex(
                model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        settle()
        window.grab().save(str(out / f"{entry.key}.png"))
        if entry.key == "areas":
            team_composition(section, out.parent, window, settle)
        if entry.key == "overview":
            overview_charts(section, out.parent, window, settle)
        for line in clipped(window):
            problems += 1
            print(f"{entry.key}: {line}")
    extras(app, window, session.locate(db), out, settle, shown_size)
    print(f"{len(SECTIONS)} sections in {out} at {window.width()}x{window.height()} (scale {scale}); "
          f"{problems} cut off")
    return 1 if problems else 0


def overview_charts(section, folder: Path, window, settle) -> None:
    """The overview scrolled to its charts (built after the first paint)."""
    from PySide6.QtWidgets import QScrollArea

    for _ in range(3):
        settle()
    for area in section.findChildren(QScrollArea):
        bar = area.verticalScrollBar()
        bar.setValue(bar.maximum())
    settle()
    window.grab().save(str(folder / "overview-charts.png"))
    for area in section.findChildren(QScrollArea):
        area.verticalScrollBar().setValue(0)


def team_composition(section, folder: Path, window, settle) -> None:
    """The areas section's «Thành phần tổ» tab, for the clerk's guide. Taken
    in turn with the sections: once the mediation section has been shown the
    window cannot be narrower than its search bar."""
    from PySide6.QtWidgets import QTabWidget

    for tabs in section.findChildren(QTabWidget):
        for i in range(tabs.count()):
            if tabs.tabText(i).replace("&", "") == "Thành phần tổ":
                tabs.setCurrentIndex(i)
    settle()
    window.grab().save(str(folder / "team-composition.png"))


def extras(app, window, spec, out: Path, settle, size) -> None:
    """The pictures the guides show besides the sections: the welcome page
    (in docs/), the File and Administration menus, the
    first-start question, the sign-in, the server dialog and a tổ hòa giải
    (in OUT). Menus and dialogs are grabbed on their own (offscreen a menu is
    a window of its own)."""
    from dvdesktop.gui import safety
    from dvdesktop.gui.database_dialogs import ServerDialog
    from dvdesktop.gui.forms.mediation_team_dialog import MediationTeamDialog
    from dvdesktop.gui.signin import FirstStartDialog, SignInDialog

    safety.install(window, spec)  # the Administration menu, as after signing in
    settle()
    menus = {a.menu().title().replace("&", ""): a.menu() for a in window.menuBar().actions() if a.menu()}
    for name, title in (("file-menu", "Tệp"), ("admin-menu", "Quản trị")):
        menu = menus.get(title)
        if menu is None:
            print(f"{name}: no menu «{title}» (menus: {', '.join(menus)})")
            continue
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        settle()
        menu.grab().save(str(out / f"{name}.png"))
        menu.hide()
    mediation = window.section("mediation")
    settle()
    area_box = mediation.f_area
    index = next(i for i in range(area_box.count()) if area_box.itemData(i))
    dialogs = {
        "first-start-dialog": FirstStartDialog(window),
        "sign-in": SignInDialog(window, spec.display()),
        "server-dialog": ServerDialog(window),
        "mediation-team": MediationTeamDialog(window, area_box.itemData(index), area_box.itemText(index)),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        settle()
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.close()
    window.menuBar().removeAction(window.safety_menu.menuAction())  # no one signs in before a database
    window.databases.show_welcome()  # as on a PC without a database (the page only; nothing is closed)
    settle()
    window.resize(*size)  # the sections may have widened the window beyond the screen
    settle()
    window.grab().save(str(out.parent / "welcome.png"))


if __name__ == "__main__":
    sys.exit(main())
