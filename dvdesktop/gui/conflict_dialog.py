"""A refused save (someone else saved the record meanwhile): the clerk's
version and the saved one side by side, field by field. Nothing has been
overwritten; the clerk reopens the record and enters again what they keep.
Laid out in ui/conflict_dialog.ui."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem

from . import designer
from .generated.ui_conflict_dialog import Ui_ConflictDialog


class ConflictDialog(QDialog):
    def __init__(self, parent, error):
        super().__init__(parent)
        self.ui = designer.setup(self, Ui_ConflictDialog)
        self.text.setText(error.message)
        self.table.setRowCount(len(error.differences))
        for row, d in enumerate(error.differences):
            for col, value in enumerate((d.label, d.yours, d.theirs)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.same.setVisible(not error.differences)
        self.buttons.accepted.connect(self.accept)

    def save(self) -> None:
        self.accept()
