"""The pattern every section follows.

A `Section` is one page of the main window (navigation on the left). Most
are a `ListFormSection`: a search box and filters on top, a lazy list
(table_model.LazyTableModel over a RowSource) on the left and an editor on
the right. To add a section (meetings, outreach, concerns, mediation ...):

1. write the list's queries in services.listings (a filter dataclass,
   `<list>_ids()` with the filters in SQL on indexed columns, `<list>_rows()`
   returning plain row dataclasses for a block of ids), then a RowSource
   here that only calls them and turns their rows into table Rows, and a
   RecordForm over the record's service. Nothing under gui/ queries the
   models;
2. subclass ListFormSection: `make_source()`, `make_editor()`, optionally
   `add_filters(bar)` calling `self.filters_changed()`, and `service` for
   delete/trash;
3. declare it in sections/catalog.py (key, title, "module:Class", the
   record kinds its list shows): the window lists it from there, and the
   operations that change those kinds make it read its list again.

The main window sends Ctrl+N / Ctrl+S / Ctrl+F / Esc / Delete and the year
selector to the current section through the methods below.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ...errors import NotFoundError
from ...vn import format_number
from ..dialogs import messages
from .. import designer
from ..errors import report
from ..generated.ui_list_section import Ui_ListFormSection
from ..i18n import _
from .. import palette
from .. import window_state
from ..operations import OpChanges, RecordOp
from .. import table_model
from ..table_model import ID_ROLE, LazyTableModel, RowSource


def reference_date(year: int) -> dt.date:
    """The day a year's lists are read on: today in the current year, else 31/12."""
    today = dt.date.today()
    return today if year >= today.year else dt.date(year, 12, 31)


class Section(QWidget):
    key = ""  # set by the window from the section's declaration (sections/catalog.py)
    status = Signal(str)  # a short message for the status bar

    def __init__(self, window=None):
        super().__init__()
        self.window_ = window
        self.year = dt.date.today().year

    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    @property
    def on_date(self) -> dt.date:
        return reference_date(self.year)

    def refresh(self) -> None:
        pass

    def activated(self) -> None:
        """Shown in the main window (refresh counts and the like)."""

    def is_current(self) -> bool:
        window = self.window_
        return window is None or not hasattr(window, "current_section") or window.current_section() is self

    def records_changed(self, changes) -> None:
        """An operation changed records of a kind this section shows
        (gui/operations.py): read them again now if it is the section shown,
        else when it is next shown (activated())."""
        if self.is_current():
            self.refresh()

    # Keyboard commands; sections without records ignore them.
    def new_record(self) -> None:
        pass

    def save(self) -> bool:
        return True

    def cancel(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass

    def focus_search(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return False

    def discard_changes(self) -> None:
        pass


MAX_FILTERS_A_ROW = 5


class ListFormSection(Section):
    service = None  # RecordService of the listed records (delete, trash)
    search_placeholder = ""
    trash_title = ""  # N_("Deleted …"): set to give the list a "Trash…" button
    legend = ""  # N_("…"): what a red (and a grey) row means in this list, shown under it

    def __init__(self, window=None):
        super().__init__(window)
        self.source: RowSource = self.make_source()
        self.model = LazyTableModel(self.source, self)
        # the frame is ui/list_section.ui; the section's filters, list and form are put in it here
        self.ui = designer.setup(self, Ui_ListFormSection)
        self.search_bar, self.filter_bar = self.ui.search_bar, self.ui.filter_bar
        if self.search_placeholder:
            self.search.setPlaceholderText(_(self.search_placeholder))
        self.search.searchChanged.connect(self.search_changed)
        self.add_filters(self.filter_bar)
        if self.filter_bar.count() > MAX_FILTERS_A_ROW:
            # two rows: seven drop-downs in one made the window wider than a 1366-pixel screen at 125 %
            keep = (self.filter_bar.count() + 1) // 2
            while self.filter_bar.count() > keep:
                item = self.filter_bar.takeAt(keep)
                if item.widget() is not None:
                    self.ui.filter_bar_2.addWidget(item.widget())
                else:
                    self.ui.filter_bar_2.addItem(item)
        if self.trash_title:
            trash = QPushButton(_("Trash…"))
            trash.clicked.connect(self.open_trash)
            self.search_bar.addWidget(trash)
        from ..export_excel import add_export_button

        add_export_button(self, self.search_bar)

        self.view.setModel(self.model)
        table_model.set_up_list_view(self.view, self.source.columns)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.delete_action = QAction(_("Delete"), self.view)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.delete_action)
        if self.legend:  # a red row says "late" only if the clerk knows what late means here
            self.legend_label.setText(f'<span style="color: {palette.ALERT};">■</span> ' + _(self.legend))
        else:
            self.legend_label.hide()
            self.legend_label.deleteLater()
            self.legend_label = None

        self.editor = self.make_editor()
        self.editor.saved.connect(self.record_saved)
        self.editor_scroll.setWidget(self.editor)  # in place of the .ui's placeholder
        self.splitter.setSizes([640, 420])
        window_state.remember_splitter(self.splitter, type(self).__name__)

        self._reverting = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)
        self.model.completed.connect(self._update_count)

    # --- to implement ------------------------------------------------------------

    def make_source(self) -> RowSource:
        raise NotImplementedError

    def make_editor(self):
        """A RecordForm (or a widget with the same load/save/is_dirty/saved API)."""
        raise NotImplementedError

    def add_filters(self, bar: QHBoxLayout) -> None:
        pass

    def add_filter_row(self, bar: QHBoxLayout, ui_class):
        """Put the section's filter row, a Designer form (ui/<section>_filters.ui),
        in *bar*: its widgets become attributes of the section, and a change
        of any of its drop-downs reads the list again. The section then fills
        the drop-downs (their codes are data). Returns the Ui object."""
        from PySide6.QtWidgets import QComboBox

        row = QWidget()
        ui = designer.setup(self, ui_class, row)
        bar.addWidget(row)
        for widget in vars(ui).values():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.filters_changed)
        return ui

    def apply_filters(self) -> None:
        """Copy the filter widgets' values into self.source."""

    def refresh_choices(self) -> None:
        """Reload the filters' choices (areas, teams …) that records can change."""

    def trash_label(self, record) -> str:
        """How a deleted record is named in the trash."""
        return str(record.id)

    def count_text(self, n: str) -> str:
        """The line under the list; *n*: its number of rows as the clerk reads it ("1.234")."""
        return _("{n} records").format(n=n)

    # --- behaviour ---------------------------------------------------------------

    def search_changed(self, text: str) -> None:
        self.source.query = text
        self.reload()

    def filters_changed(self, *_args) -> None:
        self.reload()

    def refresh(self) -> None:
        self.refresh_choices()
        self.reload()

    def activated(self) -> None:
        self.refresh()

    def records_changed(self, changes) -> None:
        """Read the list again, keeping the selection (rows changed: nothing cached kept)."""
        if self.is_current():
            self.model.invalidate()
            self.reload()

    def open_trash(self) -> None:
        from ..trash import TrashDialog

        messages().run_dialog(TrashDialog(self, self.service, _(self.trash_title), self.trash_label))

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_id()
        self.apply_filters()
        if hasattr(self.source, "on_date"):
            self.source.on_date = self.on_date
        self._reverting = True
        try:
            self.model.refresh()
            if keep is not None:
                self.select_id(keep)
        finally:
            self._reverting = False

    def _update_count(self) -> None:
        # "…" while only the first screen of a long list is read (a moment); thousands grouped
        self.count_label.setText(self.count_text(format_number(self.model.rowCount()))
                                 + ("…" if self.model.partial else ""))

    def current_id(self) -> int | None:
        return table_model.current_id(self.view, self.model)

    def select_id(self, record_id: int) -> bool:
        return table_model.select_id(self.view, self.model, record_id)

    def _current_changed(self, current, previous) -> None:
        if self._reverting:
            return
        record_id = self.model.data(current, ID_ROLE) if current.isValid() else None
        if record_id is not None and record_id == self.editor.record_id:
            return
        # while the editor's save runs the list stays where it is (the save
        # then shows the record it stored)
        if getattr(self.editor, "saving", False) or (self.editor.is_dirty()
                                                      and not messages().discard_changes(self, save=self.save)):
            self._reverting = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._reverting = False
            return
        if record_id is not None and self.current_id() != record_id:
            # "Lưu" stored the edits and the list, read again, shows the stored
            # record: go on to the one the clerk clicked
            self.select_id(record_id)
            return
        if record_id is not None:
            try:
                self.editor.load(record_id)
            except NotFoundError as exc:  # deleted by someone else since the list was read
                self._record_gone(exc)
            except Exception as exc:  # noqa: BLE001 - a database error: said in plain words
                report(exc, self)

    def _record_gone(self, exc) -> None:
        """The record the clerk chose is no longer there: say so, read the list again."""
        report(exc, self)
        self.model.invalidate()
        self.reload(select_id=self.editor.record_id if self.editor.record_id is not None else -1)

    def record_saved(self, record_id: int) -> None:
        """The editor stored *record_id*: the list was read again by the save's
        operation (records_changed); select the stored record in it."""
        if self.current_id() != record_id:
            self._reverting = True
            try:
                self.select_id(record_id)
            finally:
                self._reverting = False
        self.status.emit(_("Saved."))

    # --- commands from the main window ---------------------------------------------

    def new_record(self) -> None:
        if getattr(self.editor, "saving", False):
            return
        if self.editor.is_dirty() and not messages().discard_changes(self, save=self.save):
            return
        self._reverting = True
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        self._reverting = False
        self.editor.load(None)
        self.editor.focus_first()

    def prefill_new(self, widget, code) -> None:
        """Put the choice of the list's filter (*code*: the team or area chosen above
        the list) into *widget* of a new, untouched record; the form stays
        untouched (leaving it asks nothing), as it was before the choice."""
        if code is None or self.editor.record is not None or self.editor.is_dirty():
            return
        widget.set_code(code)
        self.editor.mark_clean()

    def save(self) -> bool:
        return self.editor.save() is not None

    def cancel(self) -> None:
        if self.editor.is_dirty() and not messages().discard_changes(self):
            return
        self.editor.discard()

    def has_unsaved_changes(self) -> bool:
        return self.editor.is_dirty()

    def discard_changes(self) -> None:
        self.editor.discard()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def describe(self, record_id: int) -> str:
        record = self.service.get(record_id)
        return getattr(record, "full_name", None) or getattr(record, "name", "") or str(record_id)

    def delete_selected(self) -> None:
        record_id = self.current_id()
        if record_id is None or self.service is None:
            return
        try:
            name = self.describe(record_id)
        except NotFoundError as exc:
            self._record_gone(exc)
            return
        if not messages().confirm(self, _("Delete"), _("Move «{name}» to the trash? You can restore it from "
                                                       "the trash later.").format(name=name), destructive=True):
            return
        row = self.model.row_of(record_id) or 0
        service = self.service

        def deleted(_result) -> None:
            # the list was read again without the record (records_changed): its neighbour is chosen
            if self.editor.record_id == record_id:
                self.editor.load(None)
            if self.model.rowCount():
                self.select_id(self.model.id_at(min(row, self.model.rowCount() - 1)))
            self.status.emit(_("Moved to the trash: {name}").format(name=name))

        RecordOp(self, lambda: service.delete(record_id), OpChanges.of(service), label=_("Deleting"),
                 failure_title=_("Cannot delete")).success(deleted).run_in_background()
