"""A new membership of a person in a team (ui/membership_form.ui); the
dialog around it is membership_dialog.MembershipDialog."""
from __future__ import annotations

import datetime as dt

from ...services.core import vocab
from ...services.register import MembershipService
from ..generated.ui_membership_form import Ui_MembershipForm
from ..i18n import _
from .base import RecordForm


class MembershipForm(RecordForm):
    """A new membership of a person in a team."""

    service = MembershipService
    ui_class = Ui_MembershipForm

    def build(self) -> None:
        self.team_id = None
        self.person_id = None
        self.ui.person_row.setStretch(0, 1)
        self.pick.clicked.connect(self.choose_person)
        self.role.set_items(vocab.TEAM_ROLES)
        self.position.set_suggestions(vocab.POSITIONS)

    def defaults(self):
        return {"role": "thanh_vien", "start_date": dt.date.today()}

    def title_for(self, record):
        return _("Add a member")

    def values(self):
        values = super().values()
        values["team"] = self.team_id
        values["person"] = self.person_id
        return values

    def set_person(self, person) -> None:
        self.person_id = person.id if person is not None else None
        self.person_label.setText(person.full_name if person is not None else _("(nobody chosen)"))
        self._changed()

    def choose_person(self):
        from .person_picker import PersonPicker

        from ...services.listings.areas import area_of_team

        person = PersonPicker.choose(self, _("Choose the new member"),
                                     prefer_area=area_of_team(self.team_id))
        if person is not None:
            self.set_person(person)
