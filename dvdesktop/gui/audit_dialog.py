"""The audit trail for an administrator: filter by person, action, kind of
record, record number and dates; each entry's changes shown before/after;
export to CSV or Excel. Read-only: nothing here edits the trail."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem

from ..errors import UserError
from ..services import audit_trail
from ..services.audit_trail import AuditFilter
from . import designer
from .dialogs import messages
from .generated.ui_audit_dialog import Ui_AuditDialog
from .i18n import _

PAGE = 500


class AuditDialog(QDialog):
    """Laid out in ui/audit_dialog.ui; the choices come from the trail itself."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ui = designer.setup(self, Ui_AuditDialog)
        names, actions, tables = audit_trail.choices()
        self.user.addItem(_("Everybody"), "")
        for n in names:
            self.user.addItem(n, n)
        self.action.addItem(_("All actions"), "")
        for code, label in actions:
            self.action.addItem(label, code)
        self.table_kind.addItem(_("All records"), "")
        for code, label in tables:
            self.table_kind.addItem(label, code)
        self.show_button.clicked.connect(self.reload)
        self.list.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.list.currentCellChanged.connect(lambda *_a: self.show_detail())
        for c in (1, 2):
            self.detail.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self.splitter.setSizes([400, 200])
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.accept)
        self.entries = []
        self.reload()

    def current_filter(self) -> AuditFilter:
        text = self.record.text().strip()
        return AuditFilter(username=self.user.currentData(), action=self.action.currentData(),
                           table=self.table_kind.currentData(), record_id=int(text) if text.isdigit() else None,
                           date_from=self.date_from.date(), date_to=self.date_to.date())

    def reload(self) -> None:
        f = self.current_filter()
        self.entries = audit_trail.entries(f, limit=PAGE)
        total = audit_trail.count(f)
        self.list.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            values = (e.at.strftime("%d/%m/%Y %H:%M:%S") if e.at else "", e.username, e.action_name, e.table_name,
                      "" if e.record_id is None else str(e.record_id), ", ".join(c.field for c in e.changes))
            for c, value in enumerate(values):
                self.list.setItem(r, c, QTableWidgetItem(value))
        self.list.resizeColumnsToContents()
        self.count.setText(_("{shown} of {total} entries (newest first)").format(shown=len(self.entries), total=total))
        if self.entries:
            self.list.setCurrentCell(0, 0)
        else:
            self.detail.setRowCount(0)

    def show_detail(self) -> None:
        row = self.list.currentRow()
        changes = self.entries[row].changes if 0 <= row < len(self.entries) else []
        self.detail.setRowCount(len(changes))
        for r, ch in enumerate(changes):
            for c, value in enumerate((ch.field, ch.before, ch.after)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.detail.setItem(r, c, item)
        self.detail.resizeColumnToContents(0)

    def export(self) -> None:
        path = messages().save_file(self, _("Export the audit trail"), "nhat-ky.xlsx",
                                    _("Excel workbooks (*.xlsx);;CSV files (*.csv)"))
        if not path:
            return
        try:
            n = audit_trail.export(self.current_filter(), path)
        except UserError as exc:
            messages().warning(self, _("Export the audit trail"), exc.message)
            return
        messages().info(self, _("Export the audit trail"), _("{n} entries written to «{path}».").format(n=n, path=path))
        self.reload()

    def save(self) -> None:
        self.accept()
