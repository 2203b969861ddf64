"""A refused save (someone else saved the record meanwhile): the clerk's
version and the saved one side by side, field by field. Nothing has been
overwritten; the clerk reopens the record and enters again what they keep."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from .i18n import _


class ConflictDialog(QDialog):
    def __init__(self, parent, error):
        super().__init__(parent)
        self.setWindowTitle(_("Changed by someone else"))
        layout = QVBoxLayout(self)
        text = QLabel(error.message)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.table = QTableWidget(len(error.differences), 3)
        self.table.setHorizontalHeaderLabels([_("Item changed"), _("Your version (not saved)"), _("Saved version")])
        for row, d in enumerate(error.differences):
            for col, value in enumerate((d.label, d.yours, d.theirs)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        if not error.differences:
            layout.addWidget(QLabel(_("The fields you changed hold the same values in both versions.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(720, 320)

    def save(self) -> None:
        self.accept()
