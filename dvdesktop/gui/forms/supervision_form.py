"""The supervision form (cuộc giám sát của Nhân dân): what was supervised,
how and by whom, the findings and recommendations, where they were sent, the
answer and whether it was carried out. Typing the answer's date marks the
recommendation "waiting to be carried out"; a line on top says where it stands."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from .. import palette
from ...services.core import vocab
from ...services.supervision.records import STATUS_LABELS, WAITING, SupervisionService, is_late, status_of
from ..i18n import _
from ..widgets import ChoiceCombo, DateEdit, TextCombo
from .base import RecordForm
from .choices import team_choices

SEND_TO = ("Ủy ban nhân dân xã", "Đảng ủy xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Công an xã",
           "Ban quản lý dự án đầu tư xây dựng xã", "Trưởng thôn", "Ban Công tác Mặt trận thôn")
TEXT_HEIGHT = 72


class SupervisionForm(RecordForm):
    service = SupervisionService

    def build(self) -> None:
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.hide()
        self.form.addRow(self.state)
        self.team = self.field("team", ChoiceCombo([], blank=_("(choose)")), _("Team"))
        self.subject = self.field("subject", QLineEdit(), _("What was supervised"))
        self.subject.setPlaceholderText(_("e.g. the rural road project from one village to the next"))
        self.kind = self.field("kind", ChoiceCombo(vocab.SUPERVISION_KINDS), _("Field supervised"))
        self.form_ = self.field("form", TextCombo(vocab.SUPERVISION_FORMS), _("How"))
        self.start_date = self.field("start_date", DateEdit(), _("From"))
        self.end_date = self.field("end_date", DateEdit(), _("To"))
        self.participants = self.field("participants", QPlainTextEdit(), _("Participants"))
        self.participants.setPlaceholderText(_("One person or group a line"))
        self.participant_count = self.field("participant_count", QLineEdit(), _("Number of participants"))
        self.participant_count.setMaximumWidth(110)
        self.findings = self.field("findings", QPlainTextEdit(), _("Findings"))
        self.recommendations = self.field("recommendations", QPlainTextEdit(), _("Recommendations"))
        self.sent_to = self.field("sent_to", TextCombo(SEND_TO), _("Sent to"))
        self.sent_on = self.field("sent_on", DateEdit(), _("Sent on"))
        self.answer = self.field("answer", QPlainTextEdit(), _("Answer"))
        self.answered_on = self.field("answered_on", DateEdit(), _("Answered on"))
        self.acted_on = self.field("acted_on", ChoiceCombo(vocab.SUPERVISION_ACTED, blank=_("(not answered yet)")),
                                   _("Acted on"))
        self.notes = self.field("notes", QPlainTextEdit(), _("Notes"))
        for w in (self.participants, self.findings, self.recommendations, self.answer, self.notes):
            w.setMaximumHeight(TEXT_HEIGHT)
        # long choices ("Phối hợp Ban giám sát đầu tư của cộng đồng") must not widen the
        # form beyond its pane (a sideways scroll bar at 1366x768): the list shows them whole
        for combo in (self.team, self.kind, self.form_, self.sent_to, self.acted_on):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.answered_on.textChanged.connect(self._answered_changed)

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_("(choose)"))
        super().load(record_id, defaults)

    def loaded(self, record) -> None:
        if record is None:
            self.state.hide()
            return
        status = status_of(record.sent_on, record.answered_on, record.acted_on)
        text = STATUS_LABELS[status]
        late = is_late(record.sent_on, record.answered_on)
        if status == "waiting":
            days = (dt.date.today() - record.sent_on).days
            text = _("Waiting for an answer for {n} days (sent {day}).").format(n=days, day=f"{record.sent_on:%d/%m/%Y}")
        self.state.setText(text)
        self.state.setStyleSheet("font-weight: 600; color: %s;" % (palette.ALERT if late else palette.EMPHASIS))
        self.state.show()

    def defaults(self):
        from ..sections.base import reference_date

        return {"kind": "du_an", "form": vocab.SUPERVISION_FORMS[0],
                "start_date": reference_date(getattr(self, "year", dt.date.today().year))}

    def title_for(self, record) -> str:
        if record is None:
            return _("New supervision")
        return _("Supervision of {day}").format(day=f"{record.start_date:%d/%m/%Y}")

    def _answered_changed(self, *_args) -> None:
        """An answer's date: the recommendation now waits to be carried out; no date: nothing to say yet."""
        if self._loading:
            return
        if self.answered_on.date() is not None and self.acted_on.code() is None:
            self.acted_on.set_code(WAITING)
        elif not self.answered_on.text().strip() and self.acted_on.code() == WAITING:
            self.acted_on.set_code(None)
