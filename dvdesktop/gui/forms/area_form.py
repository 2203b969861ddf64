"""The area form (thôn, bản, tổ dân phố ...). Renaming keeps the old name
in the area's history, so old records keep the name they had."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit

from ...services import vocab
from ...services.register import AreaService
from ..dialogs import messages
from ..i18n import _
from ..widgets import ChoiceCombo
from .base import RecordForm


class AreaForm(RecordForm):
    service = AreaService

    def build(self) -> None:
        self.name = self.field("name", QLineEdit(), _("Name"))
        self.kind = self.field("kind", ChoiceCombo(vocab.AREA_KINDS), _("Kind"))
        self.province = self.field("province", QLineEdit(), _("Province"))
        self.commune = self.field("commune", QLineEdit(), _("Commune"))
        self.commune_code = self.field("commune_code", QLineEdit(), _("Commune code"))
        self.commune_code.setMaximumWidth(100)
        self.households = self.field("households", QLineEdit(), _("Households"))
        self.households.setMaximumWidth(100)
        self.population = self.field("population", QLineEdit(), _("Population"))
        self.population.setMaximumWidth(100)
        self.ethnic_groups = self.field("ethnic_groups", QLineEdit(), _("Ethnic groups"))
        self.ethnic_groups.setPlaceholderText(_("e.g. Thái, Mông, Kinh"))
        self.active = self.field("active", QCheckBox(_("Still in use (not merged)")), "")
        self.notes = self.field("notes", QPlainTextEdit(), _("Notes"))
        self.notes.setMaximumHeight(70)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(_("Former names"), self.history)

    def defaults(self):
        try:
            from ...services.settings import load_organisation

            org = load_organisation()
            return {"province": org.province, "commune": org.commune, "commune_code": org.commune_code,
                    "kind": "thôn", "active": True}
        except Exception:  # noqa: BLE001 - settings are a convenience here
            return {"kind": "thôn", "active": True}

    def title_for(self, record):
        if record is None:
            return _("New area")
        return f"{record.kind.capitalize()} {record.name}" if record.kind else record.name

    def loaded(self, record):
        if record is None:
            self.history.setText("")
            return
        from ...services.listings.areas import former_names
        from ...vn import short_date

        rows = former_names(record.id)
        lines = [_("{name} (until {day}; {reason})").format(
            name=r.name, day=short_date(r.valid_to) if r.valid_to else "?", reason=r.reason) for r in rows]
        self.history.setText("\n".join(lines) or _("None"))

    def save(self):
        """A changed name is a rename (history kept) unless the clerk says it
        only corrects a typing mistake."""
        if self.record is None or not self.validate():
            return super().save()
        values = self.values()
        from ...vn import clean_line

        new_name = clean_line(values["name"])
        if new_name == self.record.name:
            return super().save()
        rename = messages().confirm(
            self, _("Rename area"),
            _("Keep «{old}» as a former name, so that old records show the name they had?\n\n"
              "Answer No if you only corrected a typing mistake.").format(old=self.record.name))
        if not rename:
            return super().save()
        old_id = self.record.id
        self.bindings["name"].set(self.record.name)
        if self.is_dirty() and super().save() is None:
            self.bindings["name"].set(new_name)
            return None
        from ...errors import UserError

        try:
            AreaService.rename(old_id, new_name, dt.date.today())
        except UserError as exc:
            messages().warning(self, _("Cannot save"), exc.message)
            return None
        self.load(old_id)
        self.saved.emit(old_id)
        return old_id
