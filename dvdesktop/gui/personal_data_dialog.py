"""One person's data, for an administrator: export everything held (JSON),
erase (anonymised, history kept); the retention of closed mediation cases.
Correcting is done in the person's own form."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from ..errors import UserError
from ..services import personal_data
from ..services.register import PersonService
from . import designer
from .dialogs import messages
from .generated.ui_personal_data_dialog import Ui_PersonalDataDialog
from .i18n import _


class PersonalDataDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        designer.setup(self, Ui_PersonalDataDialog)  # ui/personal_data_dialog.ui
        self.number.setSpecialValueText(" ")  # no number yet shows blank, not 0 (a .ui drops a lone space)
        self.years.setSuffix(" " + _("years"))
        self.years.setValue(personal_data.retention_years() or 0)
        self.number.valueChanged.connect(self.show_person)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        self.save_years_button.clicked.connect(self.save_years)
        self.apply_button.clicked.connect(self.apply_retention)
        self.buttons.rejected.connect(self.accept)
        self.show_person()
        self.show_due()

    def show_person(self) -> None:
        number = self.number.value()
        name = ""
        if number:
            try:
                name = PersonService.get(number, include_deleted=True).full_name
            except UserError:
                name = _("(no such person)")
        self.name.setText(name)
        ok = bool(number) and bool(name) and not name.startswith("(")
        self.export_button.setEnabled(ok)
        self.erase_button.setEnabled(ok)

    def show_due(self) -> None:
        self.due.setText(_("{n} closed cases are past the time.").format(n=len(personal_data.due_for_retention())))

    def export(self) -> None:
        number = self.number.value()
        path = messages().save_file(self, _("Export personal data"), f"du-lieu-ca-nhan-{number}.json",
                                    _("JSON files (*.json)"))
        if not path:
            return
        try:
            personal_data.export_person(number, path)
        except UserError as exc:
            messages().warning(self, _("Personal data"), exc.message)
            return
        messages().info(self, _("Personal data"), _("Written to «{path}».").format(path=path))

    def erase(self) -> None:
        if not messages().confirm(self, _("Erase personal data"),
                                  _("Erase the name, birth year, phone, address and notes of {name}? "
                                    "Their history stays, under an anonymous name. This cannot be undone.")
                                  .format(name=self.name.text()), destructive=True):
            return
        try:
            personal_data.erase_person(self.number.value())
        except UserError as exc:
            messages().warning(self, _("Personal data"), exc.message)
            return
        self.show_person()

    def save_years(self) -> None:
        try:
            personal_data.set_retention_years(self.years.value() or None)
        except UserError as exc:
            messages().warning(self, _("Personal data"), exc.message)
            return
        self.show_due()

    def apply_retention(self) -> None:
        due = len(personal_data.due_for_retention())
        if not due or not messages().confirm(
                self, _("Closed mediation cases"),
                _("Erase the parties' details of {n} closed cases? This cannot be undone.").format(n=due),
                destructive=True):
            return
        try:
            result = personal_data.apply_retention()
        except UserError as exc:
            messages().warning(self, _("Personal data"), exc.message)
            return
        messages().info(self, _("Closed mediation cases"),
                        _("The details of {parties} parties in {cases} cases were erased.").format(
                            parties=result.parties, cases=result.cases))
        self.show_due()

    def save(self) -> None:
        self.accept()
