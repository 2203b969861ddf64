"""Unexpected errors: a calm Vietnamese dialog, and the full trace in a
rotating log file in the user log folder.

Errors of the environment (dvdesktop.errors.UserError and its
DatabaseUnavailable: disk full, read-only, locked, server down) are not bugs:
they are shown in plain words, without a trace.
"""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from .i18n import _

log = logging.getLogger("dvdesktop.gui")
LOG_NAME = "dvdesktop.log"
_log_file: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to <log_dir>/dvdesktop.log (1 MB × 5 files)."""
    global _log_file
    from ..services.session import log_dir

    root = logging.getLogger()
    try:
        path = log_dir() / LOG_NAME
    except OSError:  # a profile that cannot be written: the program runs, without a log file
        logging.getLogger(__name__).warning("no log folder", exc_info=True)
        return Path(LOG_NAME)
    if not any(getattr(h, "dv_file", False) for h in root.handlers):
        from ..rotating_log import RotatingFile  # not logging.handlers: 1.2 MB of network and queue handlers

        handler = RotatingFile(path, max_bytes=1_000_000, backups=5)
        handler.dv_file = True
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        if root.level > level or root.level == logging.NOTSET:
            root.setLevel(level)
    _log_file = path
    return path


def log_file() -> str:
    return str(_log_file) if _log_file else ""


class ErrorDialog(QDialog):
    def __init__(self, parent, summary: str, details: str, log_path: str):
        super().__init__(parent)
        from . import designer
        from .generated.ui_error_dialog import Ui_ErrorDialog  # not at start-up: this module is loaded then

        self.details = details
        designer.setup(self, Ui_ErrorDialog)  # ui/error_dialog.ui
        self.summary.setText(summary)
        if log_path:
            self.where.setText(self.where.text().format(path=log_path))
        else:
            self.where.hide()
        # the technical trace is for whoever supports the office, not for the clerk: folded away
        self.details_box.setPlainText(details)
        self.details_button.toggled.connect(self.show_details)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.reject)

    def show_details(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def report(exc: BaseException, parent=None) -> None:
    """Show *exc* to the clerk: plain words for UserError, the calm dialog
    with details for anything else (after logging the trace)."""
    from ..errors import UserError
    from .dialogs import messages

    if isinstance(exc, UserError):
        log.warning("user error: %s", exc.message)
        messages().warning(parent, _("Cannot continue"), exc.message)
        return
    from ..services.session import describe_error

    plain = describe_error(exc)  # locked, read-only, disk full, server gone
    if plain is not None:
        log.warning("database error: %s", exc)
        messages().warning(parent, _("Cannot continue"), plain)
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error\n%s", details)
    messages().unexpected_error(
        parent, _("An unexpected error occurred. The current action was not completed."), details, log_file())


def _hook(exc_type, exc, tb):
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    try:
        report(exc)
    except Exception:  # noqa: BLE001 - never loop inside the error handler
        sys.__excepthook__(exc_type, exc, tb)


def install_excepthook() -> None:
    """Exceptions escaping a slot end up here instead of killing the program."""
    sys.excepthook = _hook
