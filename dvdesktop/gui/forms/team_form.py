"""The team form: decision of establishment, status, the cadre assigned."""
from __future__ import annotations

from .. import texts
from ...services.core import vocab
from ...services.register import TeamService
from ..generated.ui_team_form import Ui_TeamForm
from ..i18n import _
from .base import RecordForm
from .choices import area_choices


class TeamForm(RecordForm):
    service = TeamService
    ui_class = Ui_TeamForm
    filled_when_blank = ("name",)  # from the area

    def build(self) -> None:
        self._cadre_id = None
        self.status.set_items(vocab.TEAM_STATUSES)
        self.pick_cadre.clicked.connect(self.choose_cadre)
        self.clear_cadre.clicked.connect(self.unlink_cadre)

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
