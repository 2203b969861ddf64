"""The main window's size and place and the splitters' positions, kept
between runs in window.ini in the user data folder (Qt's own format, so a
window maximised on one screen comes back maximised on it).

The first start opens maximised: the most common office screen is 1366x768,
where any fixed size is either cut off or wastes room. After that the window
comes back as the clerk left it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter

from .i18n import _user_data_dir

GEOMETRY = "window/geometry"


def settings() -> QSettings:
    return QSettings(str(_user_data_dir() / "window.ini"), QSettings.Format.IniFormat)


def show(window: QMainWindow, *, keep: bool = True) -> None:
    """Show *window* as it was left, or maximised the first time; with
    *keep*, its place is written down when it is closed (else: keep_on_close())."""
    saved = settings().value(GEOMETRY)
    if saved is not None and window.restoreGeometry(saved):
        window.show()
    else:
        window.showMaximized()
    if keep:
        keep_on_close(window)


def keep_on_close(window: QMainWindow) -> None:
    """Write *window*'s place down when it is closed. The program does this
    after the first paint: the first event a Python event filter sees makes
    PySide6 build the Python type of every kind of event (about 50), ~2 ms."""
    window.installEventFilter(_Keeper(window))


class _Keeper(QObject):
    """Writes the geometry down when the window is closed."""

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Close:
            store = settings()
            store.setValue(GEOMETRY, watched.saveGeometry())
            store.sync()
        return False


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Put *splitter* where the clerk last left it (its code-given sizes
    otherwise) and write its position down whenever it is moved."""
    name = f"splitters/{key}"
    saved = settings().value(name)
    if saved is not None:
        # after the section's own setSizes() in its __init__, which ran later than this
        QTimer.singleShot(0, lambda: splitter.restoreState(saved))

    def moved(*_args):
        store = settings()
        store.setValue(name, splitter.saveState())
        store.sync()

    splitter.splitterMoved.connect(moved)
