"""The window step of `dvdesktop --self-test`: the main window is built on
the scratch database, shown until its first section has shown data (or
*timeout* seconds pass), then closed.

Saves and loads run synchronously here (TaskRunner.synchronous), so the
step is one straight line and a failure in a section comes back as an
exception, not as a message box nobody answers.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ..errors import UserError
from . import i18n


def _default_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    return "wayland" if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY") else "xcb"


def missing_platform_plugin() -> str | None:
    """The Qt platform plugin the window needs when it is not installed (Qt
    would abort the process without a word the clerk can read), else None."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    wanted = os.environ.get("QT_QPA_PLATFORM") or _default_platform()
    names = [part.split(":", 1)[0].strip().lower() for part in wanted.split(";") if part.strip()]
    # Where Qt looks: QT_QPA_PLATFORM_PLUGIN_PATH, then "platforms" under each
    # plugin folder (QT_PLUGIN_PATH — set by the frozen program —, Qt's own, the program's).
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    roots = [p for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    roots += [QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), *QCoreApplication.libraryPaths()]
    folders += [Path(root) / "platforms" for root in roots]
    present = {f.stem.lower() for folder in folders if folder.is_dir() for f in folder.iterdir()}
    if any(stem.endswith("q" + name) for name in names for stem in present):
        return None
    shown = next((f for f in folders if f.is_dir()), folders[0] if folders else Path("platforms"))
    return f"q{names[0] if names else wanted} (trong «{shown}»)"


def show_main_window(info, timeout: float = 60.0) -> int:
    """Show the main window on the open database *info*; the number of
    sections it lists. Raises UserError when it does not show its data."""
    if QApplication.instance() is None:
        missing = missing_platform_plugin()
        if missing:
            raise UserError(f"Thiếu thành phần hiển thị của Qt: {missing}. Hãy cài lại chương trình.")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("dvdesktop")
    app.setOrganizationName("dvdesktop")
    i18n.install()
    translator = i18n.CatalogTranslator(app)
    app.installTranslator(translator)

    from .main_window import MainWindow
    from .tasks import TaskRunner

    errors: list[BaseException] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, exc, tb: errors.append(exc)  # a slot's error fails the step
    window = MainWindow()
    runner = TaskRunner(window)
    runner.synchronous = True
    window.runner = runner
    try:
        window.show()
        app.processEvents()
        if not window.isVisible():
            raise UserError("Cửa sổ chính không hiện lên được.")
        loop = QEventLoop()
        shown: list[bool] = []
        window.dataShown.connect(lambda: (shown.append(True), loop.quit()))
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        QTimer.singleShot(0, lambda: window.database_opened(info))
        loop.exec()
        if errors:
            raise errors[0]
        if not shown:
            raise UserError(f"Cửa sổ chính không hiện được dữ liệu sau {timeout:.0f} giây.")
        sections = window.nav.count()
        window.close()
        app.processEvents()
        if window.isVisible():
            raise UserError("Cửa sổ chính không đóng lại được.")
        return sections
    finally:
        sys.excepthook = previous_hook
        window.deleteLater()
        app.removeTranslator(translator)
        app.processEvents()


def show_report(lines: list[str], passed: bool) -> None:
    """The self-test's lines in a message box: the windowed Windows program
    (dvdesktop.exe) has no console to print them to."""
    from .dialogs import messages

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - a box needs the application
    title = "Tự kiểm tra dvdesktop"
    text = "\n".join(lines)
    if passed:
        messages().info(None, title, text)
    else:
        messages().warning(None, title, text)
