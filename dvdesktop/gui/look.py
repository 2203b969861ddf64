"""What the application installs once for every window: the stylesheet,
the wheel guard and the column headers that fit their text.

The program applies the stylesheet before its first paint and the two
event filters right after it (their classes cost about 0.2 s to load, and
nothing they guard exists before the database is open): see gui/app.py."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication


def apply_style(app: QApplication) -> None:
    from . import style

    style.apply(app)


def install_filters(app: QApplication) -> None:
    from . import header_fit, wheel_guard

    wheel_guard.install(app)
    header_fit.install(app)


def install(app: QApplication) -> None:
    apply_style(app)
    install_filters(app)
