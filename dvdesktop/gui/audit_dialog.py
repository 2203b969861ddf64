"""The audit trail for an administrator: filter by person, action, kind of
record, record number and dates; each entry's changes shown before/after;
export to CSV or Excel. Read-only: nothing here edits the trail."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ..errors import UserError
from ..services import audit_trail
from ..services.audit_trail import AuditFilter
from .dialogs import messages
from .i18n import _
from .widgets import DateEdit

PAGE = 500


class AuditDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Audit trail"))
        names, actions, tables = audit_trail.choices()
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.user = QComboBox()
        self.user.addItem(_("Everybody"), "")
        for n in names:
            self.user.addItem(n, n)
        self.action = QComboBox()
        self.action.addItem(_("All actions"), "")
        for code, label in actions:
            self.action.addItem(label, code)
        self.table_kind = QComboBox()
        self.table_kind.addItem(_("All records"), "")
        for code, label in tables:
            self.table_kind.addItem(label, code)
        self.record = QLineEdit()
        self.record.setPlaceholderText(_("No."))
        self.record.setMaximumWidth(70)
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        for label, widget in ((None, self.user), (None, self.action), (None, self.table_kind), (None, self.record),
                              (_("from"), self.date_from), (_("to"), self.date_to)):
            if label:
                filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        show = QPushButton(_("Show"))
        show.clicked.connect(self.reload)
        filters.addWidget(show)
        layout.addLayout(filters)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = QTableWidget(0, 6)
        self.list.setHorizontalHeaderLabels([_("Time"), _("Who"), _("Action"), _("Record"), _("No."), _("Fields")])
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.list.currentCellChanged.connect(lambda *_a: self.show_detail())
        splitter.addWidget(self.list)
        self.detail = QTableWidget(0, 3)
        self.detail.setHorizontalHeaderLabels([_("Item changed"), _("Before"), _("After")])
        self.detail.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().setVisible(False)
        for c in (1, 2):
            self.detail.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.detail)
        splitter.setSizes([400, 200])
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.count = QLabel("")
        bottom.addWidget(self.count, 1)
        export = QPushButton(_("Export…"))
        export.clicked.connect(self.export)
        bottom.addWidget(export)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.entries = []
        self.reload()
        self.resize(1000, 640)

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
