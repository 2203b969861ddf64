"""What the application installs once for every window: the stylesheet,
the wheel guard and the column headers that fit their text."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication


def install(app: QApplication) -> None:
    from . import header_fit, style, wheel_guard

    style.apply(app)
    wheel_guard.install(app)
    header_fit.install(app)
