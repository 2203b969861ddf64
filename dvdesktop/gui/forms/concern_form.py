"""The concern form (ý kiến, kiến nghị): intake, forwarding, answer, status
and due date; the meeting where it came up. A date of a later step moves
the status on (the clerk can still choose it); an overdue concern says so."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit

from .. import texts
from .. import palette
from ...services.core import vocab
from ...services.concerns import ConcernService
from ..i18n import _
from ..widgets import ChoiceCombo, DateEdit, TextCombo
from .base import RecordForm
from .choices import area_choices, team_choices

FORWARD_TO = ("Ủy ban nhân dân xã", "Đảng ủy xã", "Ủy ban Mặt trận Tổ quốc xã", "Công an xã", "Trưởng thôn")
PLATFORMS = ("Mặt trận số", "Cổng PAKN quốc gia", "Văn bản giấy")
# the date that records each step of the flow, in order (status codes from vocab.CONCERN_STATUSES)
STEP_DATES = (("forwarded_on", "da_chuyen"), ("answered_on", "da_tra_loi"), ("resolved_on", "da_giai_quyet"))


def meeting_choices(team_id: int | None) -> list[tuple[int, str]]:
    from ...services.listings.choices import team_meetings

    kinds = dict(vocab.MEETING_KINDS)
    result = []
    for m in team_meetings(team_id):
        label = f"{m.starts_at:%d/%m/%Y} – " + _("meeting {kind}").format(kind=kinds.get(m.kind, m.kind).lower())
        result.append((m.id, label + (f" ({m.number})" if m.number else "")))
    return result


class ConcernForm(RecordForm):
    service = ConcernService

    def build(self) -> None:
        self.overdue = QLabel()
        self.overdue.setStyleSheet(f"color: {palette.ALERT}; font-weight: 600;")
        self.overdue.hide()
        self.form.addRow(self.overdue)
        self.received_on = self.field("received_on", DateEdit(), _("Received on"))
        self.channel = self.field("channel", TextCombo(vocab.CONCERN_CHANNELS), _("Channel"))
        self.anonymous = self.field("anonymous", QCheckBox(_("Anonymous")), "")
        self.raised_by = self.field("raised_by", QLineEdit(), _("Raised by"))
        self.contact = self.field("contact", QLineEdit(), _("Contact"))
        self.area = self.field("area", ChoiceCombo([], blank=_(texts.NONE)), _("Area"))
        self.team = self.field("team", ChoiceCombo([], blank=_(texts.NONE)), _("Team"))
        self.meeting = self.field("meeting", ChoiceCombo([], blank=_(texts.NONE)), _("Raised at meeting"))
        self.field_ = self.field("field", TextCombo(vocab.CONCERN_FIELDS), _("Field"))
        self.content = self.field("content", QPlainTextEdit(), _("Content"))
        self.content.setMaximumHeight(90)
        self.due_date = self.field("due_date", DateEdit(), _("Answer due by"))
        self.due_date.setPlaceholderText(_("30 days when left empty"))
        self.due_date.setMaximumWidth(180)
        self.status_ = self.field("status", ChoiceCombo(vocab.CONCERN_STATUSES), _("Status"))
        self.forwarded_to = self.field("forwarded_to", TextCombo(FORWARD_TO), _("Forwarded to"))
        self.forwarded_on = self.field("forwarded_on", DateEdit(), _("Forwarded on"))
        self.platform = self.field("platform", TextCombo(PLATFORMS), _("Platform"))
        self.reference_no = self.field("reference_no", QLineEdit(), _("Reference number"))
        self.answer = self.field("answer", QPlainTextEdit(), _("Answer"))
        self.answer.setMaximumHeight(80)
        self.answered_on = self.field("answered_on", DateEdit(), _("Answered on"))
        self.resolved_on = self.field("resolved_on", DateEdit(), _("Resolved on"))
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.team.currentIndexChanged.connect(self._team_changed)
        self.area.currentIndexChanged.connect(self._area_changed)
        for name, _status in STEP_DATES:
            self.bindings[name].widget.textChanged.connect(self._step_date_changed)

    def load(self, record_id, defaults=None):
        self.area.set_items(area_choices(), blank=_(texts.NONE))
        self.team.set_items(team_choices(), blank=_(texts.NONE))
        self.meeting.set_items([], blank=_(texts.NONE))
        super().load(record_id, defaults)

    def loaded(self, record) -> None:
        from ...services.concerns import is_overdue

        self.meeting.set_items(meeting_choices(self.team.code()), blank=_(texts.NONE))
        self.meeting.set_code(record.meeting if record is not None else None)
        self._anonymous_toggled(self.anonymous.isChecked())
        if record is not None and is_overdue(record):
            days = (dt.date.today() - record.due_date).days
            self.overdue.setText(_("Overdue by {n} days (due {day}).").format(n=days, day=f"{record.due_date:%d/%m/%Y}"))
            self.overdue.show()
        else:
            self.overdue.hide()

    def defaults(self):
        from ..sections.base import reference_date

        return {"received_on": reference_date(getattr(self, "year", dt.date.today().year)),
                "channel": vocab.CONCERN_CHANNELS[0], "field": "", "status": "moi"}

    def title_for(self, record) -> str:
        if record is None:
            return _("New concern")
        return _("Concern received {day}").format(day=f"{record.received_on:%d/%m/%Y}")

    def _anonymous_toggled(self, on: bool) -> None:
        for w in (self.raised_by, self.contact):
            w.setEnabled(not on)
            if on:
                w.clear()

    def _area_changed(self, *_args) -> None:
        """The area's team is chosen with it (as the mediation form does),
        unless a team of that area is already chosen."""
        if self._loading or self.area.code() is None:
            return
        from ...services.listings.areas import area_of_team, team_of_area

        team = team_of_area(self.area.code())
        current = self.team.code()
        if team is not None and (current is None or area_of_team(current) != self.area.code()):
            self.team.set_code(team)

    def _team_changed(self, *_args) -> None:
        if self._loading:
            return
        self.meeting.set_items(meeting_choices(self.team.code()), blank=_(texts.NONE))
        if self.area.code() is None and self.team.code() is not None:
            from ...services.listings.areas import area_of_team

            area_id = area_of_team(self.team.code())
            if area_id is not None:
                self.area.set_code(area_id)

    def _step_date_changed(self, *_args) -> None:
        """A date of a later step moves the status on to that step."""
        if self._loading:
            return
        order = [code for code, _label in vocab.CONCERN_STATUSES]
        current = order.index(self.status_.code() or "moi")
        for name, status in STEP_DATES:
            if self.bindings[name].widget.date() is not None and order.index(status) > current:
                current = order.index(status)
        self.status_.set_code(order[current])
