"""The tổ hòa giải of an area: its mediators today, who leads it, and the
warning about its composition (at least three mediators, a woman; a minority
mediator where minorities live). The rule is the team's, not a case's: one
mediator may handle a case. Changes keep the history (services.mediation.team)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem

from .. import designer
from ...errors import UserError
from ...services.mediation import team as mediation_team
from ...vn import short_date
from ..dialogs import messages
from ..generated.ui_mediation_team_dialog import Ui_MediationTeamDialog
from ..i18n import _
from ..style import role
from .person_picker import PersonPicker

ROLES = dict(mediation_team.TEAM_ROLES)


class MediationTeamDialog(QDialog):
    """Laid out in ui/mediation_team_dialog.ui."""

    def __init__(self, parent, area_id: int, area_name: str, today: dt.date | None = None):
        super().__init__(parent)
        self.area_id = area_id
        self.today = today or dt.date.today()
        designer.setup(self, Ui_MediationTeamDialog)
        self.setWindowTitle(_("Mediation team of {area}").format(area=area_name))
        # the names take the room left; the role and the date are as wide as their text (no sideways scrolling)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button.clicked.connect(self.add)
        self.leader_button.clicked.connect(self.make_leader)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        self.members: list[mediation_team.TeamMember] = []
        self.warnings: list[str] = []
        self.reload()

    def reload(self) -> None:
        self.members = mediation_team.members(self.area_id, self.today)
        self.table.setRowCount(len(self.members))
        for r, m in enumerate(self.members):
            for c, text in enumerate((m.name, ROLES.get(m.role, m.role), short_date(m.start_date))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.warnings = mediation_team.composition_warnings(self.area_id, self.today)
        if self.warnings:
            self.warning_label.setText("\n".join("⚠ " + w for w in self.warnings))
            role(self.warning_label, "warning")
        else:
            self.warning_label.setText(_("The mediation team is complete ({n} mediators).").format(n=len(self.members)))
            role(self.warning_label, "good")

    def _selected(self) -> mediation_team.TeamMember | None:
        row = self.table.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    def _run(self, work) -> None:
        try:
            work()
        except UserError as exc:
            messages().warning(self, _("Mediation team"), exc.message)
        self.reload()

    def add(self) -> None:
        person = PersonPicker.choose(self, _("Choose a mediator"))
        if person is not None:
            self._run(lambda: mediation_team.add_member(self.area_id, person.id, on=self.today))

    def make_leader(self) -> None:
        member = self._selected()
        if member is None:
            messages().info(self, _("Mediation team"), _("Choose a mediator in the list first."))
            return
        self._run(lambda: mediation_team.make_leader(member.id, self.today))

    def remove(self) -> None:
        member = self._selected()
        if member is None:
            messages().info(self, _("Mediation team"), _("Choose a mediator in the list first."))
            return
        self._run(lambda: mediation_team.end_member(member.id, self.today))
