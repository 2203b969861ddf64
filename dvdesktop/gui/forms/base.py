"""RecordForm: a form over one record of a RecordService.

A form's fields are laid out in Qt Designer: `ui_class` is the class
pyside6-uic made from ui/<name>.ui (dvdesktop/gui/generated/, see
scripts/build_ui.py). Every widget of it becomes an attribute of the form,
and a widget named after a field of the service (or that name and "_", as
`form_` for "form") is bound to that field, in the order of the file (the
tab order and the buddies are the file's too). `build()` then adds only
behaviour. A form not yet in Designer lays its fields out in `build()` with
`self.field(name, widget, label)`.

As the clerk types, the form cleans each filled-in field by the service's
field rules and then runs `service.validate()` for the rules across fields;
a field at fault is outlined in red, and the messages are listed in one bar
under the fields (nothing above it moves). Saving lists every problem at
once, empty required fields included. `save()`
goes through `service.create` / `service.update(expected_version=...)` as an
operation (gui/operations.py): off the GUI thread, the form greyed meanwhile,
and the lists showing the record read again when it is done.

`self.record` is the RecordData the service gave (plain values, the version
and the names of referenced records), or None for a new record.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...errors import ValidationError
from ..operations import OpChanges, RecordOp
from ...services.core.data import RecordData
from .. import designer
from ..style import role, set_invalid
from ..widgets import Binding, bind

VALIDATE_DELAY_MS = 150


class RecordForm(QWidget):
    service = None  # a RecordService subclass
    ui_class = None  # the generated Ui_* class of ui/<name>.ui, or None: build() lays the fields out
    filled_when_blank: tuple[str, ...] = ()  # required fields the service fills in when left empty
    also_changes: tuple[str, ...] = ()  # record kinds a save writes besides the service's own (child rows …)
    saved = Signal(int)
    saveFailed = Signal()  # not saved: a field at fault, the clerk declined, or the save failed
    dirtyChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record: RecordData | None = None
        self.bindings: dict[str, Binding] = {}
        self.errors: dict[str, str] = {}
        self._clean_values: dict[str, Any] = {}
        self._dirty = False
        self._loading = False
        self._last_widget = None
        self.saving = False  # a save is running (off the GUI thread)
        self._focus_before_save = None
        self._timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.heading = role(QLabel(), "heading")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        if self.ui_class is not None:
            body = QWidget()
            self.ui = designer.setup(self, self.ui_class, body)
            # the fields' form layout: the whole body, or the one named "form" (tabs below it)
            self.form = body.layout() if isinstance(body.layout(), QFormLayout) else self.ui.form
            outer.addWidget(body, 0 if self.form is body.layout() else 1)
            self._adopt(self.ui)
        else:
            self.form = QFormLayout()
            self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            outer.addLayout(self.form)
        self.build()
        # Under the fields, so that a message appearing while the clerk types
        # moves nothing the clerk is looking at.
        self.problems = role(QLabel(), "problems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        outer.addWidget(self.problems)
        outer.addStretch(1)
        self.load(None)

    # --- building --------------------------------------------------------------

    def build(self) -> None:
        """Behaviour of the widgets (a Designer form), or the fields themselves."""
        if self.ui_class is None:
            raise NotImplementedError

    def _adopt(self, ui) -> None:
        """The Designer form's widgets as attributes; fields bound by name."""
        names = {f.name for f in self.service.fields}
        for attr, widget in vars(ui).items():
            if not isinstance(widget, QWidget):
                continue
            name = attr.rstrip("_")
            if name in names and not attr.endswith("_label"):
                self._bind(name, widget)

    def _bind(self, name: str, widget: QWidget) -> QWidget:
        binding = bind(name, widget)
        self.bindings[name] = binding
        binding.changed.connect(self._changed)
        return widget

    def field(self, name: str, widget: QWidget, label: str) -> QWidget:
        """A field laid out in code (forms not yet in Designer)."""
        self._bind(name, widget)
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setWordWrap(True)
        self.form.addRow(caption, widget)
        if self._last_widget is not None:
            QWidget.setTabOrder(self._last_widget, widget)
        self._last_widget = widget
        return widget

    # --- state -----------------------------------------------------------------

    def title_for(self, record) -> str:
        return ""

    def defaults(self) -> dict[str, Any]:
        return {}

    def load(self, record_id: int | None, defaults: dict[str, Any] | None = None) -> None:
        """Show the record *record_id*, or an empty form for a new one."""
        self._loading = True
        try:
            self.record = self.service.get(record_id) if record_id is not None else None
            values = {}
            if self.record is not None:
                values = {f.name: self.record.get(f.name) for f in self.service.fields}
            else:
                values = {**self.defaults(), **(defaults or {})}
            for name, binding in self.bindings.items():
                binding.set(values.get(name))
            self.loaded(self.record)
            self.heading.setText(self.title_for(self.record))
        finally:
            self._loading = False
        self._clear_marks()
        self._clean_values = self.values()
        self._set_dirty(False)

    def loaded(self, record) -> None:
        """Hook: fill widgets that are not fields (history lists and the like)."""

    def values(self) -> dict[str, Any]:
        return {name: b.get() for name, b in self.bindings.items()}

    @property
    def record_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self._set_dirty(self.values() != self._clean_values)
        self._timer.start()

    # --- validation ------------------------------------------------------------

    def _clear_marks(self) -> None:
        self.errors = {}
        for name in self.bindings:
            self._mark(name, None)

    def _mark(self, name: str, message: str | None) -> None:
        binding = self.bindings.get(name)
        if binding is not None:
            set_invalid(binding.widget, bool(message))
            binding.widget.setToolTip(message or "")
        if message:
            self.errors[name] = message
        else:
            self.errors.pop(name, None)
        self._show_problems()

    def _show_problems(self) -> None:
        messages = list(dict.fromkeys(self.errors.values()))
        self.problems.setText("\n".join(f"• {m}" if len(messages) > 1 else m for m in messages))
        if bool(messages) != self.problems.isVisibleTo(self):
            self.problems.setVisible(bool(messages))
            if messages:
                QTimer.singleShot(0, self._grow_dialog)

    def _grow_dialog(self) -> None:
        """A form in a dialog: make room for the messages under the fields
        (the dialog does not grow by itself and the text was cut off)."""
        from shiboken6 import isValid

        if not isValid(self):  # the form closed before the deferred call came
            return
        top = self.window()
        if not isinstance(top, QDialog) or not top.isVisible():
            return
        top.layout().activate()
        hint = top.sizeHint()
        if hint.height() > top.height() or hint.width() > top.width():
            top.resize(max(top.width(), hint.width()), max(top.height(), hint.height()))

    def validate(self, all_problems: bool = False) -> bool:
        """Mark every field at fault; True when the record can be saved.
        While the clerk types, empty fields are not blamed yet; on saving
        (*all_problems*) every empty required field is, all at once."""
        self._timer.stop()
        values = self.values()
        errors: dict[str, str] = {}
        # Each field by its own rule first, so several can be marked at once;
        # blanks the service fills in itself are left to it.
        for f in self.service.fields:
            if f.name not in values or f.name in self.filled_when_blank:
                continue
            if f._blank(values[f.name]) and not all_problems:
                continue
            try:
                f.clean(values[f.name])
            except ValidationError as exc:
                errors[f.name] = exc.message
        if not errors:
            try:
                self.service.validate(values, self.record)
            except ValidationError as exc:
                errors[exc.field if exc.field in values else next(iter(self.bindings))] = exc.message
        self.errors = {}
        for name in self.bindings:
            self._mark(name, errors.get(name))
        for name, message in errors.items():
            if name not in self.bindings:
                self._mark(name, message)
        return not errors

    # --- saving ----------------------------------------------------------------

    def confirm_save(self, values: dict[str, Any]) -> bool:
        """Hook: ask the clerk before saving (duplicate warnings)."""
        return True

    def save(self, then: Callable[[int], Any] | None = None) -> int | None:
        """Validate, then store as an operation: off the GUI thread when the
        form is in a main window whose tasks run in the background. On success
        the form shows the stored record, `saved` is emitted and *then(id)*
        runs. The id when the save is already done (a synchronous op), None
        while it runs or when nothing was saved (`saveFailed` says so); a
        failure keeps the clerk's edits."""
        if self.saving:
            return None
        if not self.validate(all_problems=True):
            self.focus_first_error()
            self.saveFailed.emit()
            return None
        values = self.values()
        if not self.confirm_save(values):
            self.saveFailed.emit()
            return None
        store = self.storer(values)
        done: list[int] = []

        def stored(record):
            self._set_saving(False)
            self.load(record.id)
            done.append(record.id)
            self.saved.emit(record.id)
            if then is not None:
                then(record.id)

        def failed(exc):
            self._set_saving(False)
            self.saveFailed.emit()
            if isinstance(exc, ValidationError):
                self.write_failed(exc)
                name = exc.field if exc.field in values else None
                if name:
                    self._mark(name, exc.message)
                    if name in self.bindings:
                        self.bindings[name].widget.setFocus()
                    return True
            return False  # the message service says it (ConflictError: changed by someone else)

        self._set_saving(True)
        RecordOp(self, store, OpChanges.of(self.service, *self.also_changes)) \
            .success(stored).failure(failed).run_in_background()
        return done[0] if done else None

    def _set_saving(self, saving: bool) -> None:
        """Grey the form while its save runs (typing meanwhile would be lost
        when the stored record is shown); the focus goes back where it was."""
        self.saving = saving
        if saving:
            self._focus_before_save = QApplication.focusWidget()
            self.setEnabled(False)
            return
        self.setEnabled(True)
        widget, self._focus_before_save = self._focus_before_save, None
        try:
            if widget is not None and self.isAncestorOf(widget):
                widget.setFocus()
        except RuntimeError:  # a grid's cell editor, gone meanwhile
            pass

    def storer(self, values: dict[str, Any]) -> Callable[[], Any]:
        """What the save does, gathered on the GUI thread: a function that
        stores *values* (and anything saved with them) and returns the saved
        record. It runs off the GUI thread, so it must not touch widgets."""
        return lambda: self.write(values)

    def write(self, values: dict[str, Any]) -> RecordData:
        """Store *values*; the saved record (runs off the GUI thread: no widgets here)."""
        if self.record is None:
            return self.service.create(values)
        return self.service.update(self.record.id, values, expected_version=self.record.version)

    def write_failed(self, exc: ValidationError) -> None:
        """Hook, on the GUI thread: show where a refused save's error lies (a grid cell, a tab)."""

    def focus_first_error(self) -> None:
        for name in self.bindings:
            if name in self.errors:
                self.bindings[name].widget.setFocus()
                return

    def focus_first(self) -> None:
        if self.bindings:
            next(iter(self.bindings.values())).widget.setFocus()

    def discard(self) -> None:
        self.load(self.record_id)

    def mark_clean(self) -> None:
        """What the form shows now counts as unedited (a new record given the
        team chosen above the list: leaving it asks nothing)."""
        self._clean_values = self.values()
        # told even when the form's own flag was clean: a child grid's edit says "dirty" without it
        self._dirty = False
        self.dirtyChanged.emit(False)


class RecordWithChildrenForm(RecordForm):
    """A form whose record has child rows in grids (attendance, parties …):
    dirty when a field or a row changed since the record was loaded."""

    _children_clean: tuple | None = None

    def children(self) -> tuple:
        raise NotImplementedError

    def _children_changed(self) -> None:
        if self._loading or self._children_clean is None:
            return
        self.dirtyChanged.emit(self.is_dirty())

    def commit_open_edits(self) -> None:
        """Put the text of a grid cell still being typed into its cell: without
        this, Ctrl+S saved the grid without it and Esc or another record in the
        list dropped it without asking (the form did not know it was changed)."""
        for table in self.findChildren(QAbstractItemView):
            if table.state() != QAbstractItemView.State.EditingState:
                continue
            editor = table.indexWidget(table.currentIndex())  # the open editor of the cell typed in
            if editor is not None:
                table.commitData(editor)

    def is_dirty(self) -> bool:
        self.commit_open_edits()
        if super().is_dirty():
            return True
        return self._children_clean is not None and self.children() != self._children_clean

    def mark_clean(self) -> None:
        self._children_clean = self.children()  # the rows filled from the team (attendance) too
        super().mark_clean()

    def save(self, then=None) -> int | None:
        self.commit_open_edits()
        return super().save(then)
