"""The outreach session form (buổi tuyên truyền, vận động). Copying a paper
notebook: "Save and new" keeps the team, the date and the form, and puts
the cursor on the topic."""
from __future__ import annotations

from .. import texts
from ...services.core import vocab
from ...services.outreach import OutreachService
from ..generated.ui_outreach_form import Ui_OutreachForm
from ..i18n import _
from ..style import role
from .base import RecordForm
from .choices import team_choices


class OutreachForm(RecordForm):
    service = OutreachService
    ui_class = Ui_OutreachForm

    def build(self) -> None:
        self.form_.set_suggestions(vocab.OUTREACH_FORMS)
        role(self.hint, "hint")

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_(texts.CHOOSE))
        super().load(record_id, defaults)

    def defaults(self):
        import datetime as dt

        from ..sections.base import reference_date

        return {"form": vocab.OUTREACH_FORMS[0],
                "held_on": reference_date(getattr(self, "year", dt.date.today().year))}

    def title_for(self, record) -> str:
        if record is None:
            return _("New outreach session")
        return _("Session of {day}").format(day=f"{record.held_on:%d/%m/%Y}")

    def save_and_new(self, then=None) -> int | None:
        """Save, then an empty form keeping the team, the date and the form;
        *then(id)* after that (the id is returned too when the save was done at once)."""
        from ...services.outreach import save_and_new_defaults

        def saved(record_id):
            self.load(None, save_and_new_defaults(self.service.get(record_id)))
            self.topic.setFocus()
            if then is not None:
                then(record_id)

        return self.save(then=saved)
