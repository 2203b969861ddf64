"""Every section of the main window at 1366x768 on the demo commune, as
PNG files for docs/ and the README, and what is cut off in each (the same
check as tests/gui/test_fits_the_screen.py).

    uv run python scripts/screenshots.py [--out docs/screens] [--db DEMO.sqlite3]
    QT_SCALE_FACTOR=1.25 uv run python scripts/screenshots.py --out /tmp/at125   # Windows at 125 %

Without --db the demo commune is built in a temporary folder (seed 3, up to
30/06/2025: the same data every time). At 125 % the window has 1366/1.25 x
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
    parser.add_argument("--year", type=int, default=2025)
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
        for line in clipped(window):
            problems += 1
            print(f"{entry.key}: {line}")
    print(f"{len(SECTIONS)} sections in {out} at {window.width()}x{window.height()} (scale {scale}); "
          f"{problems} cut off")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
