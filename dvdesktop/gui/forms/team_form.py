"""The team form: decision of establishment, status, the cadre assigned."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from .. import texts
from ...services.core import vocab
from ...services.register import TeamService
from ..i18n import _
from ..widgets import ChoiceCombo, DateEdit
from .base import RecordForm
from .choices import area_choices


class TeamForm(RecordForm):
    service = TeamService

    def build(self) -> None:
        self._cadre_id = None
        self.area = self.field("area", ChoiceCombo([], blank=_(texts.CHOOSE)), _("Area"))
        self.name = self.field("name", QLineEdit(), _("Team name"))
        self.name.setPlaceholderText(_("Filled in from the area when left empty"))
        self.decision_number = self.field("decision_number", QLineEdit(), _("Decision number"))
        self.decision_number.setPlaceholderText(_("e.g. 125-QĐ/ĐU"))
        self.established_on = self.field("established_on", DateEdit(), _("Established on"))
        self.status = self.field("status", ChoiceCombo(vocab.TEAM_STATUSES), _("Status"))
        self.dissolved_on = self.field("dissolved_on", DateEdit(), _("Dissolved on"))
        self.cadre_name = self.field("cadre_name", QLineEdit(), _("Cadre in charge"))
        # One button under the other: side by side they made the form wider
        # than the editor at 1366x768 (fields and messages cut off).
        pick_row = QWidget()
        lay = QVBoxLayout(pick_row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.pick_cadre = QPushButton(_("Choose from the register…"))
        self.pick_cadre.clicked.connect(self.choose_cadre)
        self.clear_cadre = QPushButton(_("Not in the register"))
        self.clear_cadre.clicked.connect(self.unlink_cadre)
        lay.addWidget(self.pick_cadre, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.clear_cadre, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addRow("", pick_row)
        self.cadre_title = self.field("cadre_title", QLineEdit(), _("Cadre's position"))
        self.cadre_phone = self.field("cadre_phone", QLineEdit(), _("Cadre's phone"))
        self.notes = self.field("notes", QPlainTextEdit(), _("Notes"))
        self.notes.setMaximumHeight(70)

    def load(self, record_id, defaults=None):
        self.area.set_items(area_choices(), blank=_(texts.CHOOSE))
        self._cadre_id = None
        super().load(record_id, defaults)

    def loaded(self, record):
        self._cadre_id = record.cadre if record is not None else None
        self.clear_cadre.setEnabled(self._cadre_id is not None)

    def defaults(self):
        return {"status": "active"}

    def title_for(self, record):
        return record.name if record is not None else _("New team")

    def values(self):
        values = super().values()
        values["cadre"] = getattr(self, "_cadre_id", None)
        return values

    def choose_cadre(self):
        from .person_picker import PersonPicker

        person = PersonPicker.choose(self, _("Cadre in charge"), prefer_area=self.area.code())
        if person is None:
            return
        self._cadre_id = person.id
        self.cadre_name.setText(person.full_name)
        if person.phone:
            self.cadre_phone.setText(person.phone)
        if person.titles and not self.cadre_title.text():
            self.cadre_title.setText(person.titles)
        self.clear_cadre.setEnabled(True)
        self._changed()

    def unlink_cadre(self):
        self._cadre_id = None
        self.clear_cadre.setEnabled(False)
        self._changed()
