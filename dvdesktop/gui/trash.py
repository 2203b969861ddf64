"""The trash: records deleted (softly) by the clerk, restorable."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from .i18n import _
from .operations import OpChanges, RecordOp


class TrashDialog(QDialog):
    def __init__(self, parent, service, title: str, describe):
        super().__init__(parent)
        self.service, self.describe = service, describe
        self.restored: list[int] = []
        self.setWindowTitle(title)
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        hint = QLabel(_("Deleted records stay here until restored."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_("Record"), _("Deleted on")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 320)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(_("Restore"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        self.table.setRowCount(0)
        for record in self.service.trash(limit=1000):
            row = self.table.rowCount()
            self.table.insertRow(row)
            item = QTableWidgetItem(self.describe(record))
            item.setData(256, record.id)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(record.deleted_at.strftime("%d/%m/%Y %H:%M")))
        self.restore_button.setEnabled(self.table.rowCount() > 0)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        record_id = self.table.item(row, 0).data(256)
        service = self.service

        def restored(_result) -> None:  # the lists showing the record read it again (operations)
            self.restored.append(record_id)
            self.load()

        RecordOp(self, lambda: service.restore(record_id), OpChanges.of(service), label=_("Restoring"),
                 failure_title=_("Cannot restore")).success(restored).run_in_background()
