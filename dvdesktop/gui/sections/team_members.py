"""The team's composition: current members with role and position held,
former members with their dates; add, kiện toàn, end."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ...services.core import vocab
from .. import designer
from ..column_fit import fit_columns
from ..dialogs import messages
from ..generated.ui_team_members_panel import Ui_TeamMembersPanel
from ..i18n import _
from ..print_preview import PrintJob, offer_job, print_button

MEMBERSHIP_ROLE = Qt.ItemDataRole.UserRole + 2


class TeamMembersPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.team_id: int | None = None
        self.on_date = dt.date.today()
        # the layout is ui/team_members_panel.ui; the rows and what the buttons do are here
        self.ui = designer.setup(self, Ui_TeamMembersPanel)
        self.print_button = print_button("composition", self.print_job, _("Print list…"))
        self.print_button.setToolTip(_("The team's member list on the date shown, to print or save as PDF or Word"))
        self.ui.top_bar.addWidget(self.print_button)
        # The current members never scroll sideways in the editor's pane: the role and the date as
        # wide as their text, the position held wrapped in its width, the name in the rest (at
        # 1366x768 fixed widths left the dates half out of sight)
        header = self.current.horizontalHeader()
        header.setStretchLastSection(False)
        for col, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(col, mode)
        self.current.setColumnWidth(2, 115)
        # six columns in the same pane: they share its width, the reason and the position elided
        fit_columns(self.former, drop=(2, 1))  # at 125 %: the position, then the role left out
        self.add_button.clicked.connect(self.add_member)
        self.reassign_button.clicked.connect(self.reassign)
        self.end_button.clicked.connect(self.end_membership)
        self.current.itemSelectionChanged.connect(self._update_buttons)
        self.load(None)

    def load(self, team_id: int | None, on: dt.date | None = None) -> None:
        from ...services.register import MembershipService
        from ...vn import short_date

        self.team_id = team_id
        if on is not None:
            self.on_date = on
        self.current.setRowCount(0)
        self.former.setRowCount(0)
        self.role_warning.hide()
        if team_id is None:
            self.heading.setText(_("Save the area and its team first."))
            self._update_buttons()
            return
        labels = dict(vocab.TEAM_ROLES)
        members = MembershipService.current(team_id, self.on_date)
        self.heading.setText(_("{n} current members on {day}").format(n=len(members), day=short_date(self.on_date)))
        for m in members:
            self._append(self.current, m.id, [m.full_name, labels.get(m.role, m.role), m.position,
                                              short_date(m.start_date)])
        from ...services.team_roles import role_warnings

        warnings = role_warnings(team_id, self.on_date)
        self.role_warning.setText("\n".join(warnings))
        self.role_warning.setVisible(bool(warnings))
        for m in MembershipService.former(team_id, self.on_date):
            self._append(self.former, m.id, [m.full_name, labels.get(m.role, m.role), m.position,
                                             short_date(m.start_date), short_date(m.end_date), m.end_reason])
        self._update_buttons()

    @staticmethod
    def _append(table: QTableWidget, membership_id: int, values: list) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(MEMBERSHIP_ROLE, membership_id)
            table.setItem(row, col, item)

    def selected_membership(self):
        row = self.current.currentRow()
        if row < 0 or self.current.item(row, 0) is None:
            return None
        from ...services.register import MembershipService

        return MembershipService.get(self.current.item(row, 0).data(MEMBERSHIP_ROLE))

    def _update_buttons(self) -> None:
        has_team = self.team_id is not None
        selected = self.current.currentRow() >= 0
        self.add_button.setEnabled(has_team)
        self.print_button.setEnabled(has_team)
        self.reassign_button.setEnabled(has_team and selected)
        self.end_button.setEnabled(has_team and selected)

    def print_job(self, kind, offer) -> PrintJob | None:
        from ...services.register import TeamService

        if self.team_id is None:
            return None
        name = TeamService.get(self.team_id).name
        return offer_job(kind, offer, {"team": self.team_id, "on": self.on_date}, name)

    # The dialogs store their change as an operation: the lists and this tab are
    # then read again (AreasTeamsSection.records_changed).

    def add_member(self):
        from ..forms.membership_dialog import MembershipDialog

        if self.team_id is None:
            return
        messages().run_dialog(MembershipDialog(self, self.team_id))

    def reassign(self):
        from ..forms.membership_dialog import ReassignDialog

        membership = self.selected_membership()
        if membership is not None:
            messages().run_dialog(ReassignDialog(self, membership))

    def end_membership(self):
        from ..forms.membership_dialog import EndMembershipDialog

        membership = self.selected_membership()
        if membership is not None:
            messages().run_dialog(EndMembershipDialog(self, membership))
