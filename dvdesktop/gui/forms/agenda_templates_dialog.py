"""Editing the agenda templates: the shipped ones are the start; the clerk's
own copy (services.agenda_templates.save_agenda_templates) overrides them."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QPlainTextEdit, QPushButton,
    QVBoxLayout,
)

from .. import texts
from ...errors import ValidationError
from ...services.core import vocab
from ..dialogs import messages
from ..i18n import _
from ..widgets import ChoiceCombo, dialog_buttons


class AgendaTemplatesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        from ...services.agenda_templates import load_agenda_templates

        self.setWindowTitle(_("Agenda templates"))
        self.resize(760, 460)
        self.templates = [{"name": t.name, "kind": t.kind, "items": list(t.items)} for t in load_agenda_templates()]
        self._current = -1
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        add = QPushButton(_("Add"))
        add.clicked.connect(self.add_template)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.remove_template)
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)
        body.addLayout(left)
        form = QFormLayout()
        self.name = QLineEdit()
        self.kind = ChoiceCombo(vocab.MEETING_KINDS)
        self.items = QPlainTextEdit()
        self.items.setPlaceholderText(_("One agenda item a line"))
        form.addRow(_("Template name"), self.name)
        form.addRow(_("Kind of meeting"), self.kind)
        form.addRow(_("Agenda items"), self.items)
        body.addLayout(form, 1)
        layout.addLayout(body, 1)
        buttons = dialog_buttons(self, self.save)
        reset = buttons.addButton(_("Restore the shipped templates"), QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(self.reset)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self._fill_list()

    def _fill_list(self, select: int = 0) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            self.list.addItem(t["name"] or _("(no name)"))
        self.list.blockSignals(False)
        self._current = -1
        if self.templates:
            self.list.setCurrentRow(min(select, len(self.templates) - 1))
            self._show(self.list.currentRow())

    def _keep(self) -> None:
        if 0 <= self._current < len(self.templates):
            t = self.templates[self._current]
            t["name"] = self.name.text().strip()
            t["kind"] = self.kind.code()
            t["items"] = [x.strip() for x in self.items.toPlainText().splitlines() if x.strip()]
            self.list.item(self._current).setText(t["name"] or _("(no name)"))

    def _show(self, row: int) -> None:
        self._keep()
        self._current = row
        if 0 <= row < len(self.templates):
            t = self.templates[row]
            self.name.setText(t["name"])
            self.kind.set_code(t["kind"])
            self.items.setPlainText("\n".join(t["items"]))

    def add_template(self) -> None:
        self._keep()
        self.templates.append({"name": _("New template"), "kind": "dinh_ky", "items": []})
        self._fill_list(len(self.templates) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def remove_template(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.templates):
            self._current = -1
            del self.templates[row]
            self._fill_list(row)

    def save(self) -> None:
        from ...services.agenda_templates import save_agenda_templates

        self._keep()
        try:
            save_agenda_templates(self.templates)
        except ValidationError as exc:
            messages().warning(self, _(texts.CANNOT_SAVE), exc.message)
            return
        self.accept()

    def reset(self) -> None:
        from ...services.agenda_templates import reset_agenda_templates

        if messages().confirm(self, _("Agenda templates"),
                              _("Forget your own templates and use the ones shipped with the program?")):
            reset_agenda_templates()
            self.accept()
