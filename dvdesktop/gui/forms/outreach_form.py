"""The outreach session form (buổi tuyên truyền, vận động). Copying a paper
notebook: "Save and new" keeps the team, the date and the form, and puts
the cursor on the topic."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from .. import texts
from .. import palette
from ...services.core import vocab
from ...services.outreach import OutreachService
from ..i18n import _
from ..widgets import ChoiceCombo, DateEdit, TextCombo
from .base import RecordForm
from .choices import team_choices


class OutreachForm(RecordForm):
    service = OutreachService

    def build(self) -> None:
        self.team = self.field("team", ChoiceCombo([], blank=_(texts.CHOOSE)), _("Team"))
        self.held_on = self.field("held_on", DateEdit(), _("Date"))
        self.form_ = self.field("form", TextCombo(vocab.OUTREACH_FORMS), _("Form"))
        self.topic = self.field("topic", QLineEdit(), _("Topic"))
        self.policy = self.field("policy", QLineEdit(), _("Policy or law"))
        self.place = self.field("place", QLineEdit(), _("Place"))
        self.presenters = self.field("presenters", QLineEdit(), _("Presenters"))
        self.audience_total = self.field("audience_total", QLineEdit(), _("Audience"))
        self.audience_women = self.field("audience_women", QLineEdit(), _("of whom women"))
        self.audience_minority = self.field("audience_minority", QLineEdit(), _("of whom minorities"))
        for w in (self.audience_total, self.audience_women, self.audience_minority):
            w.setMaximumWidth(110)
        self.materials = self.field("materials", QLineEdit(), _("Materials"))
        self.result = self.field("result", QPlainTextEdit(), _("Result"))
        self.result.setMaximumHeight(90)
        self.hint = QLabel(_("Ctrl+Enter: save and start the next session with the same team, date and form."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(palette.HINT_STYLE)
        self.form.addRow("", self.hint)

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
