"""Editable grids of child rows (attendance, tasks, parties, sessions) shared
by the forms that have them."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def grid_table(columns: list[str], min_height: int = 140) -> QTableWidget:
    """A table the clerk types into directly, one row selected at a time."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    return set_up_grid(table, min_height)


def set_up_grid(table: QTableWidget, min_height: int = 140, drop: tuple[int, ...] = ()) -> QTableWidget:
    """The grid behaviour for *table* (one made in Designer with its columns);
    *drop*: columns left out when it is too narrow (gui/column_fit.py)."""
    table.verticalHeader().setDefaultSectionSize(26)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(max(min_height, table.minimumHeight()))
    from ..column_fit import fit_columns

    fit_columns(table, drop)  # its columns share its width: it never scrolls sideways (issue 13)
    return table


def grid_item(text="", editable: bool = True) -> QTableWidgetItem:
    """A cell; long text also shows whole in its tooltip."""
    item = QTableWidgetItem("" if text is None else str(text))
    if len(item.text()) > 30:
        item.setToolTip(item.text())
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def optional_date(text: str | None) -> dt.date | None:
    """A date typed in a cell, or None when empty or unreadable (the service
    names the bad value when the form is saved)."""
    from ...vn import parse_date

    try:
        return parse_date(text) if (text or "").strip() else None
    except ValueError:
        return None
