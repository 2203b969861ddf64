"""Team composition: add a member (the form is membership_form.py), "kiện toàn" (change a member's role: the
old membership ends and the new one starts on the same day, history kept),
and end a membership."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from .. import designer, texts
from ...errors import ValidationError
from ...services.core import vocab
from ...services.register import MembershipService
from ..generated.ui_end_membership_dialog import Ui_EndMembershipDialog
from ..generated.ui_membership_dialog import Ui_MembershipDialog
from ..generated.ui_reassign_dialog import Ui_ReassignDialog
from ..i18n import _
from ..operations import OpChanges, RecordOp


class MembershipDialog(QDialog):
    """Laid out in ui/membership_dialog.ui: the MembershipForm and Save/Cancel."""

    def __init__(self, parent, team_id: int, on: dt.date | None = None):
        super().__init__(parent)
        self.created_id = None
        designer.setup(self, Ui_MembershipDialog)
        self.form.team_id = team_id
        if on is not None:
            self.form.start_date.set_date(on)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

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
