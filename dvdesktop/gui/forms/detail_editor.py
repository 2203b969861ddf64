"""A record with its child rows: the record's form on top, a list of its
children below, and the form of the chosen child under the list (a
campaign and each team's part in it; a household and the help it got).

Children are saved one at a time as child rows of the record above
(RecordService.save_child / remove_child, services.core.children): each is
validated as it is typed by its own service like any other form, and each
change bumps the version of the record above, so the record's form is read
again after it (and saved first when it has edits). The editor offers the
API that ListFormSection expects of an editor (load, save, is_dirty, saved ...).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from .. import designer
from ..dialogs import messages
from ..generated.ui_detail_editor import Ui_DetailEditor
from ..column_fit import fit_columns
from ..i18n import _
from ..operations import OpChanges, RecordOp
from .base import RecordForm
from .save_in_turn import save_in_turn


_NUMBER = re.compile(r"^[\d.,]+$")  # a figure, right-aligned in its cell


def _focusable(form: QWidget) -> list[QWidget]:
    """The widgets of *form* that Tab stops at, in its own order."""
    found, widget = [], form.nextInFocusChain()
    seen = set()
    while widget is not form and id(widget) not in seen:
        seen.add(id(widget))
        if form.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


class ChildForm(RecordForm):
    """A child row's form: the rows named `child_name` of `parent_service`'s
    record `parent_id` (the record above)."""

    parent_service = None  # the RecordService that declares the child
    child_name = ""

    def __init__(self, parent=None):
        self.parent_id: int | None = None
        super().__init__(parent)

    @property
    def parent_field(self) -> str:
        return next(c.fk for c in self.parent_service.children if c.name == self.child_name)

    def values(self):
        values = super().values()
        values[self.parent_field] = self.parent_id
        return values

    def write(self, values):
        row = dict(values)
        if self.record is not None:
            row.update(id=self.record.id, version=self.record.version)
        return self.parent_service.save_child(self.parent_id, self.child_name, row)

    def remove(self, child_id: int) -> None:
        self.parent_service.remove_child(self.parent_id, self.child_name, child_id)


class DetailEditor(QWidget):
    """Laid out in ui/detail_editor.ui: the record's form goes in `record_place`,
    the child row's form in `line_place`; the heading, the columns and the add
    button's text are the record kind's (the section's subclass gives them)."""

    saved = Signal(int)

    def __init__(self, main_form: RecordForm, child_form: ChildForm, heading: str, columns: list[str],
                 child_rows: Callable[[int], list[tuple[int, list[str]]]], add_text: str, parent=None,
                 widths: list[int] | None = None):
        super().__init__(parent)
        self.main_form, self.child_form, self.child_rows = main_form, child_form, child_rows
        self.ui = designer.setup(self, Ui_DetailEditor)
        self.ui.record_layout.addWidget(main_form)
        self.ui.line_layout.addWidget(child_form)
        self.child_heading.setText(heading)
        self.add_button.setText(add_text)
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        # the columns share the list's width whenever it or its rows change: it never scrolls sideways
        fit_columns(self.table, widths=tuple(widths or ()))
        self._tab_order()
        self.add_button.clicked.connect(self.new_child)
        self.save_child_button.clicked.connect(self.save_child)
        self.delete_child_button.clicked.connect(self.delete_child)
        self.main_form.saved.connect(self._main_saved)
        self.child_form.saved.connect(self._child_saved)
        self.table.currentCellChanged.connect(self._child_selected)
        self._filling = False
        self.load(None)

    def _tab_order(self) -> None:
        """The record's fields, the list and its buttons, then the line's fields
        (the two forms came in after the .ui's widgets, at the end of the chain)."""
        chain = [*_focusable(self.main_form), self.table, self.add_button, self.save_child_button,
                 self.delete_child_button, *_focusable(self.child_form)]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    # --- the ListFormSection editor API ------------------------------------------

    @property
    def record_id(self):
        return self.main_form.record_id

    @property
    def record(self):
        return self.main_form.record

    def load(self, record_id, defaults=None):
        self.main_form.load(record_id, defaults)
        self._load_children(record_id)

    def _load_children(self, record_id, select: int | None = None) -> None:
        self.child_form.parent_id = record_id
        self._filling = True
        try:
            self.table.setRowCount(0)
            rows = self.child_rows(record_id) if record_id is not None else []
            for child_id, values in rows:
                r = self.table.rowCount()
                self.table.insertRow(r)
                for c, text in enumerate(values):
                    item = QTableWidgetItem("" if text is None else str(text))
                    item.setData(Qt.ItemDataRole.UserRole, child_id)
                    if _NUMBER.match(item.text()):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(r, c, item)
        finally:
            self._filling = False
        enabled = record_id is not None
        for w in (self.table, self.add_button, self.save_child_button, self.delete_child_button, self.child_form):
            w.setEnabled(enabled)
        self.child_form.load(None)
        if select is not None:
            self.select_child(select)
        self.update_totals()

    def update_totals(self) -> None:
        """Hook: fill self.totals."""

    def select_child(self, child_id: int) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == child_id:
                self.table.setCurrentCell(r, 0)
                return True
        return False

    def _child_selected(self, row, _col, previous_row, _pc) -> None:
        if self._filling or row == previous_row:
            return
        if self.child_form.is_dirty() and not messages().discard_changes(self):
            self._filling = True
            self.table.setCurrentCell(previous_row, 0)
            self._filling = False
            return
        item = self.table.item(row, 0) if row >= 0 else None
        self.child_form.load(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    def is_dirty(self) -> bool:
        return self.main_form.is_dirty() or self.child_form.is_dirty()

    @property
    def saving(self) -> bool:
        return self.main_form.saving or self.child_form.saving

    def save(self):
        """The record, then the child being edited (each an operation, the
        second after the first has stored); the record's id once both are
        done at once, else None."""
        return save_in_turn(self.main_form, self.child_form, self.record_id)

    def discard(self):
        self.load(self.record_id)

    def focus_first(self):
        self.main_form.focus_first()

    # --- children ------------------------------------------------------------------

    def new_child(self, defaults=None) -> None:
        if self.child_form.is_dirty() and not messages().discard_changes(self):
            return
        self._filling = True
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        self._filling = False
        self.child_form.load(None, defaults)
        self.child_form.focus_first()

    def _save_main_first(self, then: Callable[[], object]) -> None:
        """A child's change bumps the record's version: the record's own
        edits are saved before (then *then* runs), not refused as a conflict after."""
        if not self.main_form.is_dirty():
            then()
            return
        self.main_form.save(then=lambda _id: then())

    def save_child(self) -> int | None:
        """Save the child row (after the record's own edits); its id when the
        save is already done (operations run synchronously), else None."""
        saved: list[int | None] = []
        self._save_main_first(lambda: saved.append(self.child_form.save()))
        return saved[0] if saved else None

    def delete_child(self) -> None:
        child_id = self.child_form.record_id
        if child_id is None:
            return
        if not messages().confirm(self, _("Remove this line"), _("Remove the selected line?"), destructive=True):
            return
        self._save_main_first(lambda: self._remove_child(child_id))

    def _remove_child(self, child_id: int) -> None:
        form, record_id = self.child_form, self.record_id

        def removed(_result):
            self.main_form.load(record_id)  # its version went up with the child's removal
            self._load_children(record_id)
            self.saved.emit(record_id)

        RecordOp(self, lambda: form.remove(child_id), OpChanges.of(form.service, form.parent_service),
                 label=_("Deleting"), failure_title=_("Cannot delete")).success(removed).run_in_background()

    def _main_saved(self, record_id) -> None:
        if self.child_form.parent_id != record_id:
            self._load_children(record_id)
        self.saved.emit(record_id)

    def _child_saved(self, child_id) -> None:
        self.main_form.load(self.record_id)  # its version went up with the child's change
        self._load_children(self.record_id, select=child_id)
        self.saved.emit(self.record_id)
