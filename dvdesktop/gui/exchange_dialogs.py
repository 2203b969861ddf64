"""The preview of a commune's package before it is imported: what the dry
run found (records to add, to update, unchanged, the conflicts listed), and
the clerk's choice to write it or not. Nothing here touches the database:
the dialog shows an ExchangeResult computed off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QListWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from .i18n import _
from .style import role


def _cell(value, *, number: bool = True, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value))
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
        self.setWindowTitle(_("Import a commune's data package"))
        info = result.info
        layout = QVBoxLayout(self)
        origin = _("Package «{file}» from the commune {commune}").format(
            file=file_name, commune=info.commune or _("(no name)"))
        if info.commune_code:
            origin += " " + _("(code {code})").format(code=info.commune_code)
        if info.province:
            origin += ", " + info.province
        origin += ". " + _("Exported at {when}.").format(when=_when(info.exported_at))
        origin += " " + (_("It includes sensitive personal data.") if info.sensitive
                         else _("It does not include sensitive personal data."))
        self.origin = QLabel(origin)
        self.origin.setWordWrap(True)
        layout.addWidget(self.origin)
        intro = QLabel(_("The package was checked against this database; nothing has been written yet."))
        intro.setWordWrap(True)
        role(intro, "hint")
        layout.addWidget(intro)

        self.added = sum(result.added.values())
        self.updated = sum(result.updated.values())
        self.unchanged = result.unchanged
        self.conflicts = list(result.conflicts)
        figures = _("To add: {added}   ·   To update: {updated}   ·   Unchanged: {unchanged}   ·   "
                    "Conflicts: {conflicts}").format(added=self.added, updated=self.updated,
                                                     unchanged=self.unchanged, conflicts=len(self.conflicts))
        self.figures = QLabel(figures)
        role(self.figures, "figure-line")
        layout.addWidget(self.figures)
        if result.matched:
            matched = QLabel(_("Matched to this database's own criteria sets and criteria: {n}.").format(
                n=result.matched))
            role(matched, "hint")
            layout.addWidget(matched)

        # one line per kind of record the package holds
        rows = [(t, n) for t, n in info.counts.items() if n]
        self.table = QTableWidget(len(rows) + 1, 4)
        self.table.setHorizontalHeaderLabels([_("Records"), _("In the package"), _("To add"), _("To update")])
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
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 3)

        if self.conflicts:
            heading = QLabel(_("Conflicts: {n}. For each, this database keeps its own record.").format(
                n=len(self.conflicts)))
            role(heading, "alert")
            layout.addWidget(heading)
            self.conflict_list = QListWidget()
            self.conflict_list.addItems([c[:1].upper() + c[1:] for c in self.conflicts])
            role(self.conflict_list, "conflicts")
            layout.addWidget(self.conflict_list, 1)
        else:
            self.conflict_list = None
            layout.addWidget(QLabel(_("No conflicts.")))

        self.nothing = not result.changed
        buttons = QDialogButtonBox()
        if self.nothing:
            note = QLabel(_("Nothing to import: this database already holds every record of the package "
                            "as it is."))
            note.setWordWrap(True)
            role(note, "good-strong")
            layout.addWidget(note)
            self.import_button = None
            buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        else:
            self.import_button = buttons.addButton(_("Import into this database"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
            self.import_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def save(self) -> None:
        """The clerk chose to write the package (only when there is something to write)."""
        if self.nothing:
            self.reject()
            return
        self.accept()
