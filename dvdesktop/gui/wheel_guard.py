"""The mouse wheel scrolls the form, never the value under the pointer.

Scrolling down a long form ran the wheel over a drop-down and silently
changed the meeting's secretary. One event filter on the application: a
wheel turned over a drop-down, a number, a date or a tab bar that does not
have the keyboard focus goes to the scroll area around it instead. Once the
clerk clicks into the widget (it has the focus) the wheel changes it as usual.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QTabBar, QWidget

GUARDED = (QComboBox, QAbstractSpinBox, QTabBar)


class WheelGuard(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Polish:
            guard_focus(watched)  # every widget is polished once before it is shown
            return False
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, GUARDED) or watched.hasFocus():
            return False
        area = _scroll_area_of(watched)
        if area is not None:
            bar = area.verticalScrollBar() if abs(event.angleDelta().y()) >= abs(event.angleDelta().x()) \
                else area.horizontalScrollBar()
            QCoreApplication.sendEvent(bar, event)
        return True  # the value does not change


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None


def install(app: QApplication) -> WheelGuard:
    """Guard every widget of *app* (idempotent)."""
    guard = getattr(app, "_dvdesktop_wheel_guard", None)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        app._dvdesktop_wheel_guard = guard
    return guard


def guard_focus(widget: QWidget) -> None:
    """Qt gives the focus to a Qt.WheelFocus widget (combo, spin box) before
    any filter sees the wheel: such widgets take it by click or Tab only."""
    if isinstance(widget, GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
