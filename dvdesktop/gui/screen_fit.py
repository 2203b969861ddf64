"""A top-level window sized to the screen it opens on.

Its own module (gui/widgets.py re-exports it): the main window needs only
this before its first paint, and widgets.py's form widgets cost ~8 ms to load.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to *width* x *height*, or less so that it,
    its title bar and the taskbar fit on the screen (1366x768 is common)."""
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 16)
        height = min(height, room.height() - 40)  # the title bar
    window.resize(width, height)
