"""The preview of a commune's package before it is imported: what the dry
run found (records to add, to update, unchanged, the conflicts listed), and
the clerk's choice to write it or not. Nothing here touches the database:
the dialog shows an ExchangeResult computed off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from . import designer
from .generated.ui_import_preview import Ui_ImportPreview
from .i18n import _
from ..vn import format_number

def _cell(value, *, number: bool = True, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(format_number(value) if isinstance(value, int) else str(value))
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def _when(iso: str) -> str:
    """"2026-12-01 17:40:48" → "17:40, 01/12/2026" (day first, as the office writes it)."""
    import datetime as dt

    try:
        t = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or "?"
    return f"{t:%H:%M}, {t:%d/%m/%Y}"


class ImportPreview(QDialog):
    """The dry run of an import; accepted (save()) means "write it"."""

    def __init__(self, result, file_name: str, parent=None):
        from ..services.exchange.tables import label

        super().__init__(parent)
        self.found = result  # the dry run (not "result": QDialog.result() is the answer)
        self.ui = designer.setup(self, Ui_ImportPreview)
        info = result.info
        origin = _("Package «{file}» from the commune {commune}").format(
            file=file_name, commune=info.commune or _("(no name)"))
        if info.commune_code:
            origin += " " + _("(code {code})").format(code=info.commune_code)
        if info.province:
            origin += ", " + info.province
        origin += ". " + _("Exported at {when}.").format(when=_when(info.exported_at))
        origin += " " + (_("It includes sensitive personal data.") if info.sensitive
                         else _("It does not include sensitive personal data."))
        self.origin.setText(origin)

        self.added = sum(result.added.values())
        self.updated = sum(result.updated.values())
        self.unchanged = result.unchanged
        self.conflicts = list(result.conflicts)
        self.figures.setText(_("To add: {added}   ·   To update: {updated}   ·   Unchanged: {unchanged}   ·   "
                               "Conflicts: {conflicts}").format(added=self.added, updated=self.updated,
                                                                unchanged=self.unchanged,
                                                                conflicts=len(self.conflicts)))
        if result.matched:
            self.matched.setText(_("Matched to this database's own criteria sets and criteria: {n}.").format(
                n=result.matched))
        else:
            self.matched.hide()

        # one line per kind of record the package holds
        rows = [(t, n) for t, n in info.counts.items() if n]
        self.table.setRowCount(len(rows) + 1)
        for r, (table, count) in enumerate(rows):
            self.table.setItem(r, 0, _cell(label(table).capitalize(), number=False))
            self.table.setItem(r, 1, _cell(count))
            self.table.setItem(r, 2, _cell(result.added.get(table, 0)))
            self.table.setItem(r, 3, _cell(result.updated.get(table, 0)))
        total = len(rows)
        self.table.setItem(total, 0, _cell(_("Total"), number=False, bold=True))
        self.table.setItem(total, 1, _cell(sum(n for _t, n in rows), bold=True))
        self.table.setItem(total, 2, _cell(self.added, bold=True))
        self.table.setItem(total, 3, _cell(self.updated, bold=True))
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)

        if self.conflicts:
            self.conflicts_heading.setText(_("Conflicts: {n}. For each, this database keeps its own record.").format(
                n=len(self.conflicts)))
            self.conflict_list.addItems([c[:1].upper() + c[1:] for c in self.conflicts])
            self.no_conflicts.hide()
        else:
            self.conflicts_heading.hide()
            self.conflict_list.hide()
            self.conflict_list = None

        self.nothing = not result.changed
        buttons = self.buttons
        if self.nothing:
            self.import_button = None
            buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        else:
            self.nothing_note.hide()
            self.import_button = buttons.addButton(_("Import into this database"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
            self.import_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        """The clerk chose to write the package (only when there is something to write)."""
        if self.nothing:
            self.reject()
            return
        self.accept()
