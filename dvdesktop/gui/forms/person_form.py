"""The person form: identity, contact, area, party membership; below it the
person's roles in teams, current and former (read only; roles are changed
from the team's composition)."""
from __future__ import annotations

from .. import texts
from ...services.core import vocab
from ...services.register import PersonService
from ..dialogs import messages
from ..generated.ui_person_form import Ui_PersonForm
from ..i18n import _
from .base import RecordForm
from .choices import area_choices


class PersonForm(RecordForm):
    service = PersonService
    ui_class = Ui_PersonForm

    def build(self) -> None:
        self.gender.set_items(vocab.GENDERS, blank=_("(not given)"))
        self.ethnicity.set_suggestions(vocab.ETHNIC_GROUPS)

    def defaults(self):
        return {"ethnicity": "Kinh"}

    def load(self, record_id, defaults=None):
        self.area.set_items(area_choices(), blank=_(texts.NONE))
        super().load(record_id, defaults)

    def title_for(self, record) -> str:
        return record.full_name if record is not None else _("New person")

    def loaded(self, record) -> None:
        if record is None:
            self.roles.setText("")
            return
        from ...services.listings.people import role_history
        from ...vn import short_date

        labels = dict(vocab.TEAM_ROLES)
        lines = []
        for m in role_history(record.id):
            until = short_date(m.end_date) if m.end_date else _("now")
            period = f"{short_date(m.start_date)} – {until}"
            text = f"{labels.get(m.role, m.role)}, {m.team_name}"
            if m.position:
                text += f" ({m.position})"
            lines.append(f"{text}: {period}")
        self.roles.setText("\n".join(lines) or _("No role in any team."))

    def confirm_save(self, values) -> bool:
        if self.record is not None:
            return True
        try:
            year = int(values.get("birth_year") or 0) or None
        except ValueError:
            year = None
        same = PersonService.likely_duplicates(values["full_name"], year)
        if not same:
            return True
        listing = "\n".join(
            f"• {p.full_name}" + (f", {p.birth_year}" if p.birth_year else "") + (f", {p.phone}" if p.phone else "")
            for p in same)
        return messages().confirm(
            self, _("Possible duplicate"),
            _("These people are already in the register with the same name:\n{people}\n\n"
              "A person is counted once even with several roles. Add a new person anyway?").format(people=listing))
