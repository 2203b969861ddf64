"""The concern form (ý kiến, kiến nghị): intake, forwarding, answer, status
and due date; the meeting where it came up. A date of a later step moves
the status on (the clerk can still choose it); an overdue concern says so."""
from __future__ import annotations

import datetime as dt

from .. import texts
from ...services.core import vocab
from ...services.concerns import ConcernService
from ..generated.ui_concern_form import Ui_ConcernForm
from ..i18n import _
from ..style import role
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
    ui_class = Ui_ConcernForm

    def build(self) -> None:
        role(self.overdue, "alert")
        self.overdue.hide()
        self.channel.set_suggestions(vocab.CONCERN_CHANNELS)
        self.field_.set_suggestions(vocab.CONCERN_FIELDS)
        self.status_.set_items(vocab.CONCERN_STATUSES)
        self.forwarded_to.set_suggestions(FORWARD_TO)
        self.platform.set_suggestions(PLATFORMS)
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
