"""A table model over row ids that fetches rows lazily (Anki's browser model).

A `RowSource` asks services.listings: `ids()` returns the ids of the rows
that match the current filters, in order (one indexed query), and
`rows(ids)` returns the display values of a block of them. `LazyTableModel` keeps only the id
list and a small cache of blocks, so a list of 18,000 people opens at once.
A block that fails to load shows as disabled rows instead of crashing.

A source with `first_block = n` is read in two steps on a refresh (each
keystroke of a search): the first n ids at once (a LIMIT query that stops
as soon as the first screen is full), the complete list from the event
loop right after the first paint (`completed` is emitted then). Anything
that needs the whole list (ids(), row_of()) completes it first.

Later sections (meetings, concerns, cases ...) write a RowSource and reuse
the model unchanged.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from . import palette
from .i18n import _

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK = 60  # rows read at a time: two screens; the first screen costs one small query
CACHE_LIMIT = 3000


@dataclass
class Column:
    key: str
    title: str  # translated
    sortable: bool = True
    numeric: bool = False
    width: int | None = None
    optional: bool = False  # left out of a list too narrow for it (the form shows it), right-most first


@dataclass
class Row:
    values: list[Any]
    muted: bool = False  # former members, inactive areas: shown in grey
    error: bool = False
    tooltip: str | None = None
    alert: bool = False  # overdue concerns and tasks: shown in red


class RowSource:
    """What a list shows. Subclasses set `columns` and implement ids()/rows()."""

    columns: list[Column] = []
    first_block: int | None = None  # set: ids() takes limit= and the model reads the list in two steps

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        raise NotImplementedError

    def rows(self, ids: list[int]) -> dict[int, Row]:
        raise NotImplementedError


class LazyTableModel(QAbstractTableModel):
    completed = Signal()  # the whole id list is read (after a refresh in two steps)

    def __init__(self, source: RowSource, parent=None):
        super().__init__(parent)
        self.source = source
        self._ids: list[int] = []
        self._partial = False  # only the first block of ids is read yet
        self._generation = 0  # refreshes so far: a completion queued for an older one is dropped
        self._cache: dict[int, Row] = {}
        self._sort_column: int | None = None
        self._descending = False
        self._loaded = False  # refresh() has run: before it, sort() only records the order
        self._titles: dict[int, str] = {}  # titles put on two lines by gui/column_fit.py
        self.fetches = 0  # blocks loaded (tests and benchmarks look at it)

    # --- loading ---------------------------------------------------------------

    def refresh(self) -> None:
        """Run the id query again (after a filter, a save, a delete)."""
        first = self.source.first_block
        self._generation += 1
        self.beginResetModel()
        try:
            if first:
                self._ids = self.source.ids(self._sort_key(), self._descending, limit=first)
                self._partial = len(self._ids) >= first
            else:
                self._ids = self.source.ids(self._sort_key(), self._descending)
                self._partial = False
            self._loaded = True
        finally:
            self._cache.clear()
            self.endResetModel()
        if self._partial:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._generation == generation and self.complete())

    def _sort_key(self) -> str | None:
        return self.source.columns[self._sort_column].key if self._sort_column is not None else None

    @property
    def partial(self) -> bool:
        return self._partial

    def complete(self) -> None:
        """Read the whole id list now, if only its first block is read; the
        rows already shown stay (rows are appended) unless the list changed."""
        if not self._partial:
            return
        self._partial = False
        ids = self.source.ids(self._sort_key(), self._descending)
        n = len(self._ids)
        if ids[:n] == self._ids:
            if len(ids) > n:
                self.beginInsertRows(QModelIndex(), n, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._cache.clear()
            self.endResetModel()
        self.completed.emit()

    def invalidate(self, record_id: int | None = None) -> None:
        """Forget cached rows (one, or all) so they are read again."""
        if record_id is None:
            self._cache.clear()
        else:
            self._cache.pop(record_id, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    def _row(self, row: int) -> Row:
        record_id = self._ids[row]
        cached = self._cache.get(record_id)
        if cached is not None:
            return cached
        start = row - row % BLOCK
        block = self._ids[start:start + BLOCK]
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        self.fetches += 1
        try:
            fetched = self.source.rows(block)
        except Exception:  # noqa: BLE001 - a bad block must not take the list down
            log.exception("loading rows failed")
            fetched = {}
            failed = Row([_("(cannot read)")] + [""] * (self.columnCount() - 1), error=True)
            for rid in block:
                self._cache[rid] = failed
            return failed
        gone = Row([_("(deleted)")] + [""] * (self.columnCount() - 1), error=True)
        for rid in block:
            self._cache[rid] = fetched.get(rid, gone)
        return self._cache[record_id]

    # --- Qt model API ------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.source.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.source.columns[index.column()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._row(index.row()).values[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._row(index.row())
            return row.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self._row(index.row())
            if row.error:
                return QBrush(QColor(palette.ERROR_ROW))
            if row.alert:
                return QBrush(QColor(palette.ALERT))
            if row.muted:
                return QBrush(QColor(palette.MUTED_ROW))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.source.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles.get(section, self.source.columns[section].title)
        return None

    def setHeaderData(self, section, orientation, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        """A column's title on two lines in a narrow list (gui/column_fit.py)."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.source.columns):
            return False
        self._titles[section] = str(value)
        self.headerDataChanged.emit(orientation, section, section)
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() < len(self._ids) and self._ids[index.row()] in self._cache and self._cache[self._ids[index.row()]].error:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        if not 0 <= column < len(self.source.columns) or not self.source.columns[column].sortable:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:
            return  # a section setting up its header: the first refresh() reads the list in this order
        if self._partial:  # the row count changes too: a reset (the first block was only just shown)
            self._generation += 1
            self.beginResetModel()
            self._ids = self.source.ids(self.source.columns[column].key, self._descending)
            self._partial = False
            self._cache.clear()
            self.endResetModel()
            self.completed.emit()
            return
        self.layoutAboutToBeChanged.emit()
        key = self.source.columns[column].key
        old = list(self._ids)
        self._ids = self.source.ids(key, self._descending)
        self._cache.clear()
        # Persistent indexes follow their record, or vanish if it left the list.
        where = {rid: i for i, rid in enumerate(self._ids)}
        from_idx, to_idx = [], []
        for pidx in self.persistentIndexList():
            if pidx.row() < len(old):
                new_row = where.get(old[pidx.row()])
                from_idx.append(QModelIndex(pidx))
                to_idx.append(self.index(new_row, pidx.column()) if new_row is not None else QModelIndex())
        self.changePersistentIndexList(from_idx, to_idx)
        self.layoutChanged.emit()

    # --- helpers ---------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            if not self._partial:
                return None
        self.complete()
        return self.row_of(record_id)

    def ids(self) -> list[int]:
        self.complete()
        return list(self._ids)


__all__ = ["Column", "Row", "RowSource", "LazyTableModel", "ID_ROLE", "QPersistentModelIndex"]


def current_id(view, model: LazyTableModel) -> int | None:
    """The id of the row current in *view* (a view over *model*), or None."""
    index = view.currentIndex()
    return model.id_at(index.row()) if index.isValid() else None


def select_id(view, model: LazyTableModel, record_id: int) -> bool:
    """Make the row of *record_id* current and selected, scrolled into view;
    False when the list does not show it."""
    row = model.row_of(record_id)
    if row is None:
        return False
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)
    return True


def set_up_list_view(view, columns) -> None:
    """The look every list has: whole rows chosen one at a time, alternate
    row colours, one-line rows of fixed height, the columns' own widths."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    from .column_fit import fit_columns  # it also gives the view the eliding delegate with tooltips

    # the columns share the list's width: it never scrolls sideways (issue 13)
    fit_columns(view, drop=tuple(i for i in reversed(range(len(columns))) if columns[i].optional))


# A cell cut short by its column's width shows its whole text as a tooltip
# (the model's own tooltip comes first).

def _elided_tip_delegate():
    from PySide6.QtWidgets import QStyledItemDelegate, QToolTip

    class ElidedTipDelegate(QStyledItemDelegate):
        def helpEvent(self, event, view, option, index):  # noqa: N802 - Qt API
            if event.type() == event.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                if text and option.fontMetrics.horizontalAdvance(text) > option.rect.width() - 8:
                    QToolTip.showText(event.globalPos(), text, view)
                    return True
            return super().helpEvent(event, view, option, index)

    return ElidedTipDelegate


def ElidedTipDelegate(parent):  # noqa: N802 - made on first use: no QtWidgets at import time
    global _DELEGATE
    if _DELEGATE is None:
        _DELEGATE = _elided_tip_delegate()
    return _DELEGATE(parent)


_DELEGATE = None
