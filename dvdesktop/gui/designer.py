"""Setting up a widget from its Qt Designer form (ui/<name>.ui, compiled by
scripts/build_ui.py into gui/generated/ui_<name>.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def setup(owner: QWidget, ui_class, target: QWidget | None = None):
    """Lay *target* (default *owner*) out by *ui_class* and make every named
    widget of the form an attribute of *owner*; the Ui object is returned
    (its layouts are there). A widget name that would hide an attribute of
    the owner is a mistake in the .ui and raises at once."""
    ui = ui_class()
    ui.setupUi(target if target is not None else owner)
    for name, widget in vars(ui).items():
        if not isinstance(widget, QWidget):
            continue
        if name in vars(owner) or hasattr(type(owner), name):
            raise TypeError(f"{type(owner).__name__}: the widget {name!r} of its .ui hides an attribute")
        setattr(owner, name, widget)
    return ui
