"""Screenshots of the evaluation section and the overview charts at 1366×768
(offscreen grab of the main window), for docs/.

    uv run python scripts/screenshots_evaluation.py DB [--year Y] [--out docs]

DB is a demo database (`dvdesktop demo --db DB`).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--year", type=int)
    parser.add_argument("--out", default="docs")
    parser.add_argument("--extra", action="store_true",
                        help="also the criteria tab and the rating form of the first team")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from dvdesktop.gui import i18n
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.gui.tasks import TaskRunner
    from dvdesktop.store import open_database
    from dvdesktop.store.location import resolve

    app = QApplication(sys.argv[:1])
    i18n.install("vi")
    translator = i18n.CatalogTranslator(app)
    app.installTranslator(translator)
    open_database(args.db, create=False)
    TaskRunner.synchronous = True
    window = MainWindow()
    window.runner = TaskRunner(window)
    window.resize(1366, 768)
    window.show()
    if args.year:
        window.year.setCurrentIndex(window.year.findData(args.year))
    window.database_opened(resolve(args.db))
    out = Path(args.out)

    def settle():
        for _ in range(5):
            app.processEvents()

    overview = window.section("overview")
    settle()
    if hasattr(overview, "build_charts_now"):
        overview.build_charts_now()
    settle()
    overview.scroll_to_charts() if hasattr(overview, "scroll_to_charts") else None
    settle()
    window.grab().save(str(out / "overview-charts.png"))
    section = window.section("evaluation")
    settle()
    window.grab().save(str(out / "evaluation-section.png"))
    if args.extra:
        section.tabs.setCurrentIndex(1)
        settle()
        window.grab().save(str(out / "evaluation-criteria.png"))
        section.tabs.setCurrentIndex(0)
        section.view.selectRow(0)
        dialog = section.open_rating()
        settle()
        dialog.grab().save(str(out / "evaluation-rating-form.png"))
    print("saved to", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
