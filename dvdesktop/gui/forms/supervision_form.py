"""The supervision form (cuộc giám sát của Nhân dân): what was supervised,
how and by whom, the findings and recommendations, where they were sent, the
answer and whether it was carried out. Typing the answer's date marks the
recommendation "waiting to be carried out"; a line on top says where it stands."""
from __future__ import annotations

import datetime as dt

from ...services.core import vocab
from ...services.supervision.records import STATUS_LABELS, WAITING, SupervisionService, is_late, status_of
from ..generated.ui_supervision_form import Ui_SupervisionForm
from ..i18n import _
from ..style import role
from .base import RecordForm
from .choices import team_choices

SEND_TO = ("Ủy ban nhân dân xã", "Đảng ủy xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Công an xã",
           "Ban quản lý dự án đầu tư xây dựng xã", "Trưởng thôn", "Ban Công tác Mặt trận thôn")


class SupervisionForm(RecordForm):
    service = SupervisionService
    ui_class = Ui_SupervisionForm

    def build(self) -> None:
        self.state.hide()
        self.kind.set_items(vocab.SUPERVISION_KINDS)
        self.form_.set_suggestions(vocab.SUPERVISION_FORMS)
        self.sent_to.set_suggestions(SEND_TO)
        self.acted_on.set_items(vocab.SUPERVISION_ACTED, blank=_("(not answered yet)"))
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
        role(self.state, "alert" if late else "figure")
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
