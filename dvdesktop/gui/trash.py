"""The trash: records deleted (softly) by the clerk, restorable."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTableWidgetItem

from . import designer
from .generated.ui_trash_dialog import Ui_TrashDialog
from .i18n import _
from .operations import OpChanges, RecordOp


class TrashDialog(QDialog):
    """Laid out in ui/trash_dialog.ui; the title names the kind of record."""

    def __init__(self, parent, service, title: str, describe):
        super().__init__(parent)
        self.service, self.describe = service, describe
        self.restored: list[int] = []
        self.ui = designer.setup(self, Ui_TrashDialog)
        self.setWindowTitle(title)
        self.table.setColumnWidth(0, 320)
        self.restore_button = QPushButton(_("Restore"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
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
