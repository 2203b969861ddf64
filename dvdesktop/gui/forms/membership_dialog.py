"""Team composition: add a member, "kiện toàn" (change a member's role: the
old membership ends and the new one starts on the same day, history kept),
and end a membership."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QVBoxLayout

from .. import designer, texts
from ...errors import ValidationError
from ...services.core import vocab
from ...services.register import MembershipService
from ..generated.ui_end_membership_dialog import Ui_EndMembershipDialog
from ..generated.ui_membership_form import Ui_MembershipForm
from ..generated.ui_reassign_dialog import Ui_ReassignDialog
from ..i18n import _
from ..operations import OpChanges, RecordOp
from ..widgets import dialog_buttons
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
        values["team"] = getattr(self, "team_id", None)
        values["person"] = getattr(self, "person_id", None)
        return values

    def set_person(self, person) -> None:
        self.person_id = person.id if person is not None else None
        self.person_label.setText(person.full_name if person is not None else _("(nobody chosen)"))
        self._changed()

    def choose_person(self):
        from .person_picker import PersonPicker

        from ...services.listings.areas import area_of_team

        person = PersonPicker.choose(self, _("Choose the new member"),
                                     prefer_area=area_of_team(getattr(self, "team_id", None)))
        if person is not None:
            self.set_person(person)


class MembershipDialog(QDialog):
    def __init__(self, parent, team_id: int, on: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add a member"))
        self.setMinimumWidth(460)
        self.created_id = None
        layout = QVBoxLayout(self)
        self.form = MembershipForm(self)
        self.form.team_id = team_id
        if on is not None:
            self.form.start_date.set_date(on)
        layout.addWidget(self.form)
        buttons = dialog_buttons(self, self.save)
        layout.addWidget(buttons)

    def save(self):
        def created(record_id):
            self.created_id = record_id
            self.accept()

        self.form.save(then=created)


class ReassignDialog(QDialog):
    """Kiện toàn: a new role (and position) from a date; the old one ends that day."""

    def __init__(self, parent, membership):
        super().__init__(parent)
        self.membership = membership
        self.new_id = None
        designer.setup(self, Ui_ReassignDialog)
        labels = dict(vocab.TEAM_ROLES)
        self.intro.setText(_("{name}: now {role}{position} since {start}.").format(
            name=membership.name_of("person"), role=labels.get(membership.role, membership.role).lower(),
            position=f" ({membership.position})" if membership.position else "",
            start=membership.start_date.strftime("%d/%m/%Y")))
        self.role.set_items(vocab.TEAM_ROLES)
        self.role.set_code(membership.role)
        self.position.set_suggestions(vocab.POSITIONS)
        self.position.setEditText(membership.position)
        self.on.set_date(dt.date.today())
        self.reason.setText(_("Kiện toàn"))
        # Kiện toàn usually means a new tổ trưởng: the one in office steps
        # down to an ordinary member on the same day, in the same step.
        self.step_down.hide()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.role.currentIndexChanged.connect(self._update_step_down)
        self.on.textChanged.connect(self._update_step_down)
        self._update_step_down()

    def current_leader(self):
        """The team's other tổ trưởng on the chosen day, when the new role is tổ trưởng."""
        day = self.on.date()
        if self.role.code() != "to_truong" or day is None:
            return None
        return next((m for m in MembershipService.current(self.membership.team, day)
                     if m.role == "to_truong" and m.id != self.membership.id), None)

    def _update_step_down(self, *_args) -> None:
        leader = self.current_leader()
        self.step_down.setVisible(leader is not None)
        if leader is not None:
            self.step_down.setText(_("{name}, the team leader now, becomes an ordinary member from the same day")
                                   .format(name=leader.full_name))
            if self.isVisible():
                self.adjustSize()

    def save(self):
        day = self.on.date()
        if day is None:
            self.error.setText(_(texts.ENTER_DATE))
            return
        reason = self.reason.text() or _("Kiện toàn")
        membership_id, role, position = self.membership.id, self.role.code(), self.position.currentText()
        demote = self.step_down.isChecked()

        def reassigned(record):
            self.new_id = record.id
            self.accept()

        RecordOp(self, lambda: MembershipService.reassign(membership_id, day, role, position, reason,
                                                          demote_current_leader=demote),
                 OpChanges.of(MembershipService)).success(reassigned).failure(self._refused).run_in_background()

    def _refused(self, exc) -> bool:
        if isinstance(exc, ValidationError):
            self.error.setText(exc.message)
            return True
        return False


class EndMembershipDialog(QDialog):
    def __init__(self, parent, membership):
        super().__init__(parent)
        self.membership = membership
        designer.setup(self, Ui_EndMembershipDialog)
        self.person.setText(membership.name_of("person"))
        self.on.set_date(dt.date.today())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self):
        day = self.on.date()
        if day is None:
            self.error.setText(_(texts.ENTER_DATE))
            return
        membership_id, reason = self.membership.id, self.reason.text()
        RecordOp(self, lambda: MembershipService.end(membership_id, day, reason), OpChanges.of(MembershipService)) \
            .success(lambda _result: self.accept()).failure(self._refused).run_in_background()

    def _refused(self, exc) -> bool:
        if isinstance(exc, ValidationError):
            self.error.setText(exc.message)
            return True
        return False
