"""Editing the agenda templates: the shipped ones are the start; the clerk's
own copy (services.agenda_templates.save_agenda_templates) overrides them."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from .. import texts
from ...errors import ValidationError
from ...services.core import vocab
from .. import designer
from ..dialogs import messages
from ..generated.ui_agenda_templates_dialog import Ui_AgendaTemplatesDialog
from ..i18n import _
from ..widgets import fit_to_screen


class AgendaTemplatesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        from ...services.agenda_templates import load_agenda_templates

        self.ui = designer.setup(self, Ui_AgendaTemplatesDialog)
        self.ui.body.setStretch(1, 1)  # the template's fields take the width
        self.ui.layout.setStretch(0, 1)
        fit_to_screen(self, 760, 460)
        self.templates = [{"name": t.name, "kind": t.kind, "items": list(t.items)} for t in load_agenda_templates()]
        self._current = -1
        self.kind.set_items(vocab.MEETING_KINDS)
        self.add.clicked.connect(self.add_template)
        self.remove.clicked.connect(self.remove_template)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        reset = self.buttons.addButton(_("Restore the shipped templates"), QDialogButtonBox.ButtonRole.ResetRole)
        reset.clicked.connect(self.reset)
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
