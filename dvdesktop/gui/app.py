"""Starting the GUI: `dvdesktop [--db DB | --demo]` with no command.

Order matters for a quick first paint: QApplication, the translation
catalog, the window (no database, no peewee yet), show; then, from the
event loop, logging, the error hook and opening the database in the
background, after which the sections appear.

DVDESKTOP_EXIT_AFTER=shown|ready makes the program print the elapsed time
and quit at that point (benchmarks and the packaging smoke test).
"""
from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import i18n
from .i18n import _

log = logging.getLogger(__name__)
_T0 = time.perf_counter()


def _elapsed_ms() -> float:
    return (time.perf_counter() - _T0) * 1000


def _exit_point(app: QApplication, point: str) -> None:
    if os.environ.get("DVDESKTOP_EXIT_AFTER") == point:
        print(f"{point} {_elapsed_ms():.1f} ms", flush=True)
        app.quit()


def build_demo(path: str, progress) -> None:
    """Create the demo commune database at *path* (runs in a worker thread)."""
    from ..services import session
    from ..services.demo.generator import build_demo as build

    session.open(path)
    build(scale="commune", progress=lambda text: progress.update(0, 0, text))


def start(window, args, runner) -> None:
    """Everything after the first paint."""
    from ..errors import UserError
    from ..services import session
    from .errors import install_excepthook, setup_logging

    setup_logging(logging.DEBUG if getattr(args, "debug", False) else logging.INFO)
    install_excepthook()
    if getattr(args, "demo", False):
        spec = session.locate(demo=True)
    else:
        spec = session.locate(getattr(args, "db", None))
    creating_demo = getattr(args, "demo", False) and not os.path.exists(spec.target)

    def work(progress):
        if creating_demo:
            progress.update(0, 0, _("Creating the demo database (first use only)…"))
            try:
                build_demo(spec.target, progress)
            except BaseException:
                session.close()
                for suffix in ("", "-wal", "-shm"):
                    try:
                        os.remove(spec.target + suffix)
                    except OSError:
                        pass
                raise
        progress.update(0, 0, _("Opening the database…"))
        return session.open(spec)

    def opened(spec):
        window.dataShown.connect(lambda: _exit_point(QApplication.instance(), "ready"))
        window.database_opened(spec)

    def failed(exc):
        if isinstance(exc, UserError):
            log.warning("cannot open database: %s", exc.message)
            window.database_failed(exc.message)
            from .dialogs import messages

            if os.environ.get("DVDESKTOP_EXIT_AFTER") != "ready":
                messages().warning(window, _("Cannot open the database"), exc.message)
            else:
                _exit_point(QApplication.instance(), "ready")
        else:
            window.database_failed(_("The database could not be opened because of an unexpected error."))
            from .errors import report

            report(exc, window)

    runner.run(work, on_done=opened, on_error=failed,
               label=_("Creating the demo database") if creating_demo else _("Opening"))


def run_gui(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("dvdesktop")
    app.setOrganizationName("dvdesktop")
    app.setApplicationDisplayName(None)
    from PySide6.QtGui import QIcon

    from .. import paths

    app.setWindowIcon(QIcon(str(paths.resource("icons", "dvdesktop.png"))))
    i18n.install()
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
    window_state.show(window)  # maximised the first time, then as the clerk left it

    def after_first_paint():
        _exit_point(app, "shown")
        look.install_filters(app)  # before any section, form or combo exists
        if os.environ.get("DVDESKTOP_EXIT_AFTER") != "shown":
            start(window, args, runner)

    QTimer.singleShot(0, after_first_paint)
    return app.exec()
