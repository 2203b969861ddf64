"""The application stylesheet (ui/dvdesktop.qss, compiled into
gui/generated/stylesheet.py) with its @NAME colours taken from gui/palette.py,
and role(): how a widget takes one of the looks the stylesheet names."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QWidget

from . import palette

_NAME = re.compile(r"@([A-Z][A-Z0-9_]*)")


def stylesheet() -> str:
    """The stylesheet with every @NAME replaced by palette.NAME (a KeyError
    here is a colour the stylesheet names and the palette does not have)."""
    from .generated.stylesheet import STYLESHEET

    return _NAME.sub(lambda m: getattr(palette, m.group(1)), STYLESHEET)


def apply(app: QApplication) -> None:
    app.setStyleSheet(stylesheet())


def role(widget: QWidget, name: str | None) -> QWidget:
    """Give *widget* the look the stylesheet declares for [role="name"] (None:
    none). Changing it later re-applies the style."""
    if widget.property("role") != name:
        widget.setProperty("role", name)
        _repolish(widget)
    return widget


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline a field at fault ([invalid="true"] in the stylesheet)."""
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        _repolish(widget)


def _repolish(widget: QWidget) -> None:
    """Apply the stylesheet again to a widget already styled. A widget not
    polished yet (just made, never shown) takes its look from its properties
    when Qt first polishes it: polishing it here too did the stylesheet's
    work twice (each overview card: three times)."""
    from PySide6.QtCore import Qt

    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
