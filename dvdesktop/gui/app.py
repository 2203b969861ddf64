"""Starting the GUI: `dvdesktop [--db DB | --demo]` with no command.

Order matters for a quick first paint: QApplication, the translation
catalog, the window (no database, no peewee yet), show; then, once the
window is drawn, logging, the error hook and opening the database in the
background, after which the sections appear.

DVDESKTOP_EXIT_AFTER=shown|ready|figures makes the program print the
elapsed time and quit at that point (benchmarks and the packaging smoke
test): the window painted, the first figures shown, every overview card filled.
"""
from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .lean_pyside import install as _install_lean_pyside

_install_lean_pyside()  # before the program's other modules are imported (gui/lean_pyside.py)
from . import i18n  # noqa: E402

log = logging.getLogger(__name__)
_T0 = time.perf_counter()
START_ANYWAY_MS = 1500  # the database is opened after the first paint, or after this at the latest


def _elapsed_ms() -> float:
    return (time.perf_counter() - _T0) * 1000


def _exit_point(app: QApplication, point: str) -> bool:
    """True when the program quits here (it then starts nothing more)."""
    if os.environ.get("DVDESKTOP_EXIT_AFTER") == point:
        print(f"{point} {_elapsed_ms():.1f} ms", flush=True)
        app.quit()
        return True
    return False


def exit_point(point: str) -> None:
    """_exit_point for the sections (the overview's "figures")."""
    app = QApplication.instance()
    if app is not None:
        _exit_point(app, point)


def build_demo(path: str, progress) -> None:
    """Create the demo commune database at *path* (runs in a worker thread)."""
    from ..services import session
    from ..services.demo.generator import build_demo as build

    session.open(path)
    build(scale="commune", progress=lambda text: progress.update(0, 0, text))


def start(window, args, runner) -> None:
    """Everything after the first paint: the database given, or the one
    opened last, or the welcome (gui/database_actions.py)."""
    from .errors import install_excepthook, setup_logging

    setup_logging(logging.DEBUG if getattr(args, "debug", False) else logging.INFO)
    install_excepthook()
    window.runner = runner
    window.dataShown.connect(lambda: _exit_point(QApplication.instance(), "ready"))
    window.databases.open_at_start(args)


def run_gui(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("dvdesktop")
    app.setOrganizationName("dvdesktop")
    app.setApplicationDisplayName(None)
    from PySide6.QtGui import QIcon

    from .. import paths

    app.setWindowIcon(QIcon(str(paths.resource("icons", "dvdesktop.png"))))
    language = i18n.install()
    from .qt_translations import install_qt_catalog

    install_qt_catalog(app, language)  # Qt's own catalog first; ours (installed after) is asked before it
    translator = i18n.CatalogTranslator(app)
    app.installTranslator(translator)
    from . import look, window_state

    look.apply_style(app)

    from .main_window import MainWindow
    from .tasks import TaskRunner

    window = MainWindow()
    runner = TaskRunner(window)
    runner.started.connect(window.task_started)
    window.runner = runner
    window_state.show(window, keep=False)  # maximised the first time, then as the clerk left it

    def after_first_paint():
        if _exit_point(app, "shown"):
            return
        from ..startup_gc import resume

        resume()  # garbage collection, paused while the program started (startup_gc.py)
        window_state.keep_on_close(window)  # its place written down when closed
        look.install_filters(app)  # before any section, form or combo exists
        start(window, args, runner)

    begun = []

    def begin():
        if not begun:
            begun.append(True)
            after_first_paint()

    # Once the window is drawn, not on the next turn of the event loop: that came
    # before the first paint, and the database's modules then delayed it by ~0.3 s.
    window.firstPainted.connect(lambda: QTimer.singleShot(0, begin))
    QTimer.singleShot(START_ANYWAY_MS, begin)  # a window started minimised is not drawn: open the data all the same
    code = app.exec()
    runner.pool.waitForDone(30_000)  # background work still running ends before the objects it reports to
    return code
