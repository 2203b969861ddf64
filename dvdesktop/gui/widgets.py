"""Small widgets shared by the forms and lists."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget,
)

from .i18n import _

SEARCH_DELAY_MS = 120


class SearchBox(QLineEdit):
    """A search field that reports what was typed after a short pause."""

    searchChanged = Signal(str)

    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder or _("Search…"))
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(lambda _t: self._timer.start())

    def flush(self) -> None:
        """Report now (tests, Enter key)."""
        self._timer.stop()
        self.searchChanged.emit(self.text())

    def keyPressEvent(self, event):  # noqa: N802
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            return
        super().keyPressEvent(event)


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy (also d/m/yy, dd.mm.yyyy); empty is allowed.
    The form's field rule parses and checks it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setMaximumWidth(140)

    def set_date(self, value: dt.date | None) -> None:
        from ..vn import short_date

        self.setText(short_date(value) if value else "")

    def date(self) -> dt.date | None:
        from ..vn import parse_date

        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError:
            return None


class ChoiceCombo(QComboBox):
    """Stored codes shown by their labels: (code, label) pairs."""

    def __init__(self, choices: Iterable[tuple[Any, str]] | QWidget = (), parent=None, blank: str | None = None):
        if isinstance(choices, QWidget):  # made by a Designer form: ChoiceCombo(parent), filled by set_items()
            choices, parent = (), choices
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, None)
        for code, label in choices:
            self.addItem(label, code)

    def set_items(self, choices: Iterable[tuple[Any, str]], blank: str | None = None) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for code, label in choices:
            self.addItem(label, code)
        self.set_code(current)
        self.blockSignals(False)

    def code(self):
        return self.currentData()

    def set_code(self, code) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)


class TextCombo(QComboBox):
    """Free text with suggestions (ethnicity, position held)."""

    def __init__(self, suggestions: Iterable[str] | QWidget = (), parent=None):
        if isinstance(suggestions, QWidget):  # made by a Designer form: TextCombo(parent)
            suggestions, parent = (), suggestions
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.set_suggestions(suggestions)

    def set_suggestions(self, suggestions: Iterable[str]) -> None:
        text = self.currentText()
        self.clear()
        self.addItems(list(suggestions))
        self.setCurrentIndex(-1)
        self.setEditText(text)


from .screen_fit import fit_to_screen  # noqa: E402,F401 - its own module (the main window's first paint)


@dataclass
class Binding:
    """How a form reads and writes one field's widget."""

    name: str
    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    changed: Any  # a bound signal


def bind(name: str, widget: QWidget) -> Binding:
    if isinstance(widget, DateEdit):
        return Binding(name, widget, widget.text, widget.set_date, widget.textChanged)
    if isinstance(widget, ChoiceCombo):
        return Binding(name, widget, widget.code, widget.set_code, widget.currentIndexChanged)
    if isinstance(widget, QComboBox):
        return Binding(name, widget, widget.currentText,
                       lambda v: widget.setEditText("" if v is None else str(v)), widget.editTextChanged)
    if isinstance(widget, QCheckBox):
        return Binding(name, widget, widget.isChecked, lambda v: widget.setChecked(bool(v)), widget.toggled)
    if isinstance(widget, QPlainTextEdit):
        return Binding(name, widget, widget.toPlainText,
                       lambda v: widget.setPlainText("" if v is None else str(v)), widget.textChanged)
    if isinstance(widget, QLineEdit):
        return Binding(name, widget, widget.text, lambda v: widget.setText("" if v is None else str(v)),
                       widget.textChanged)
    raise TypeError(f"no binding for {type(widget).__name__}")


def dialog_buttons(dialog, on_accept=None, *, ok: bool = False) -> QDialogButtonBox:
    """Save (or OK) and Cancel for a dialog: accepting calls *on_accept*
    (the dialog's own save(), which closes it when the input is right)."""
    kind = QDialogButtonBox.StandardButton.Ok if ok else QDialogButtonBox.StandardButton.Save
    buttons = QDialogButtonBox(kind | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
