"""The meeting form: the meeting itself on top, then three tabs: attendance
(every current member; the quorum line is counted, never typed), agenda
(from templates) with discussion and conclusions, follow-up tasks (open
tasks of earlier meetings carried in). Everything is saved together by
services.meetings.save_meeting, in one transaction."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QTableWidget,
)

from .. import texts
from .. import palette
from ...errors import ValidationError
from ...services.core import vocab
from ...services.meetings import MeetingService
from ..dialogs import messages
from ..generated.ui_meeting_form import Ui_MeetingForm
from ..i18n import _
from ..widgets import ChoiceCombo
from .base import RecordWithChildrenForm
from .choices import team_choices
from .grid import grid_item, optional_date, set_up_grid

_TIME_ONLY = re.compile(r"^\s*(\d{1,2})\s*[:hH]\s*(\d{2})\s*$")
_CHILD = re.compile(r"^(attendance|agenda|tasks)\[(\d+)\]\.(\w+)$")
OVERDUE = QColor(palette.ALERT)


def _format_start(value) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if isinstance(value, dt.datetime) else (value or "")


def _parse_start(text: str) -> dt.datetime | None:
    try:
        return MeetingService.field("starts_at").clean(text)
    except ValidationError:
        return None





class MeetingForm(RecordWithChildrenForm):
    service = MeetingService
    ui_class = Ui_MeetingForm

    # --- building --------------------------------------------------------------

    def build(self) -> None:
        self._children_clean = None
        self._members: list = []  # current memberships of the chosen team on the meeting day
        self._grid_key = None
        self.kind.set_items(vocab.MEETING_KINDS)
        self.status_.set_items(vocab.MEETING_STATUSES)
        self.copy_button.clicked.connect(self.copy_previous)

        set_up_grid(self.attendance)
        for column, width in enumerate((170, 90, 140)):
            self.attendance.setColumnWidth(column, width)
        self.attendance.itemChanged.connect(lambda _i: self._children_changed())
        self.everyone.clicked.connect(self.everyone_present)

        set_up_grid(self.agenda, 150)
        self.agenda.setColumnWidth(0, 300)
        self.agenda.itemChanged.connect(lambda _i: self._children_changed())
        self.template_menu = QMenu(self.template_button)
        self.template_menu.aboutToShow.connect(self._fill_template_menu)
        self.template_button.setMenu(self.template_menu)
        self.add_agenda.clicked.connect(lambda: self._add_agenda_row("", "", edit=True))
        self.remove_agenda.clicked.connect(lambda: self._remove_row(self.agenda))
        self.agenda_up.clicked.connect(lambda: self._move_row(self.agenda, -1))
        self.agenda_down.clicked.connect(lambda: self._move_row(self.agenda, 1))

        set_up_grid(self.tasks, drop=(5,))  # «From»: the meeting a task was carried from, read only
        for column, width in enumerate((220, 150, 90, 130, 90)):
            self.tasks.setColumnWidth(column, width)
        self.tasks.itemChanged.connect(self._task_item_changed)
        self.add_task.clicked.connect(lambda: self._add_task_row({}, edit=True))
        self.remove_task.clicked.connect(lambda: self._remove_row(self.tasks))
        self.carry_button.clicked.connect(self.carry_open_tasks)

        self.team.currentIndexChanged.connect(self._team_or_day_changed)
        self.starts_at.textChanged.connect(self._team_or_day_changed)

    # --- loading -----------------------------------------------------------------

    def defaults(self):
        from ..sections.base import reference_date

        day = reference_date(getattr(self, "year", dt.date.today().year))
        return {"kind": "dinh_ky", "status": "held", "starts_at": f"{day:%d/%m/%Y} 08:00"}

    def title_for(self, record) -> str:
        if record is None:
            return _("New meeting")
        kind = dict(vocab.MEETING_KINDS).get(record.kind, "")
        number = (" – " + _("minutes {number}").format(number=record.number)) if record.number else ""
        return _("Meeting of {team}, {day}").format(team=record.name_of("team"), day=f"{record.starts_at:%d/%m/%Y}") + \
            (f" ({kind.lower()})" if kind else "") + number

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_(texts.CHOOSE))
        self._children_clean = None
        super().load(record_id, defaults)

    def loaded(self, record) -> None:
        self.attendance.blockSignals(True)
        self.agenda.blockSignals(True)
        self.tasks.blockSignals(True)
        try:
            self.attendance.setRowCount(0)
            self.agenda.setRowCount(0)
            self.tasks.setRowCount(0)
            if record is not None:
                self.starts_at.setText(_format_start(record.starts_at))
                ends = record.ends_at
                self.ends_at.setText("" if ends is None else
                                     f"{ends:%H:%M}" if ends.date() == record.starts_at.date()
                                     else f"{ends:%d/%m/%Y %H:%M}")
            self._grid_key = None
            self._refresh_people(keep=False)
            self.chair.set_code(record.chair if record else None)
            self.secretary.set_code(record.secretary if record else None)
            if record is not None:
                from ...services.listings.meetings import agenda_lines, task_lines

                for a in agenda_lines(record.id):
                    self._add_agenda_row(a.title, a.content)
                for t in task_lines(record.id):
                    self._add_task_row({"id": t.id, "description": t.description, "assignee": t.assignee_id,
                                        "assignee_name": t.assignee_name, "due_date": t.due_date,
                                        "status": t.status, "done_on": t.done_on,
                                        "carried_from": t.carried_from_id})
        finally:
            self.attendance.blockSignals(False)
            self.agenda.blockSignals(False)
            self.tasks.blockSignals(False)
        self._update_quorum()
        self.tabs.setCurrentIndex(0)
        self._children_clean = self.children()

    # --- the people of the chosen team -----------------------------------------

    def _day(self) -> dt.date | None:
        start = _parse_start(self.starts_at.text())
        return start.date() if start else None

    def _team_or_day_changed(self, *_args) -> None:
        if self._loading:
            return
        self._refresh_people(keep=True)
        if self.record is None and self.team.code() is not None:
            self._suggest_for_new()
        self._changed()

    def _refresh_people(self, keep: bool) -> None:
        """Members of the team on the meeting day: the attendance grid and the
        chair / secretary / assignee choices."""
        from ...services.meetings import attendance_grid
        from ...services.register import MembershipService

        team_id, day = self.team.code(), self._day()
        key = (team_id, day)
        if keep and key == self._grid_key:
            return
        self._grid_key = key
        previous = self._attendance_rows() if keep else []
        before = {r["person"]: r for r in previous}
        chair, secretary = self.chair.code(), self.secretary.code()
        if team_id is None or day is None:
            self._members = []
            rows = []
        else:
            self._members = MembershipService.current(team_id, day)
            rows = attendance_grid(team_id, day, self.record_id if self.record is not None
                                   and self.record.team == team_id else None)
        people = [(m.person_id, m.full_name) for m in self._members]
        known = {pid for pid, _n in people}
        for code in (chair, secretary):
            if code is not None and code not in known:
                from ...services.listings.choices import person_name

                name = person_name(code)
                if name is not None:
                    people.append((code, name))
        self.chair.set_items(people, blank=_(texts.NONE))
        self.secretary.set_items(people, blank=_(texts.NONE))
        self.chair.set_code(chair)
        self.secretary.set_code(secretary)
        self.attendance.blockSignals(True)
        try:
            self.attendance.setRowCount(0)
            for r in rows:
                was = before.get(r.person_id)
                status, reason = (was["status"], was["reason"]) if was else (r.status, r.reason)
                self._add_attendance_row(r.person_id, r.full_name, r.role_label or _("former member"), status, reason)
        finally:
            self.attendance.blockSignals(False)
        self._update_quorum()
        for row in range(self.tasks.rowCount()):
            self._fill_assignee_combo(row)

    def _suggest_for_new(self) -> None:
        """A new meeting: the next minutes number, the leader as chair, and the
        open tasks of earlier meetings carried in."""
        from ...services.meetings import suggested_minutes_number

        team_id, day = self.team.code(), self._day()
        if day is not None and not self.number.text().strip():
            self.number.setText(suggested_minutes_number(team_id, day.year))
        if self.chair.code() is None:
            leader = next((m.person_id for m in self._members if m.role == "to_truong"), None)
            self.chair.set_code(leader)
        if self.tasks.rowCount() == 0 and day is not None:
            self.carry_open_tasks(quiet=True)

    # --- attendance ------------------------------------------------------------

    def _add_attendance_row(self, person_id, name, role, status, reason) -> None:
        row = self.attendance.rowCount()
        self.attendance.insertRow(row)
        item = grid_item(name, editable=False)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        self.attendance.setItem(row, 0, item)
        self.attendance.setItem(row, 1, grid_item(role, editable=False))
        combo = ChoiceCombo(vocab.ATTENDANCE)
        combo.set_code(status)
        combo.currentIndexChanged.connect(lambda _i: self._attendance_status_changed())
        self.attendance.setCellWidget(row, 2, combo)
        self.attendance.setItem(row, 3, grid_item(reason))

    def _attendance_status_changed(self) -> None:
        self._update_quorum()
        self._children_changed()

    def _attendance_rows(self) -> list[dict]:
        rows = []
        for row in range(self.attendance.rowCount()):
            person = self.attendance.item(row, 0).data(Qt.ItemDataRole.UserRole)
            status = self.attendance.cellWidget(row, 2).code()
            reason = self.attendance.item(row, 3).text().strip() if self.attendance.item(row, 3) else ""
            rows.append({"person": person, "status": status, "reason": "" if status == "present" else reason})
        return rows

    def everyone_present(self) -> None:
        for row in range(self.attendance.rowCount()):
            self.attendance.cellWidget(row, 2).set_code("present")

    def _update_quorum(self) -> None:
        from ...services.meetings import format_quorum

        rows = self._attendance_rows()
        if not rows:
            self.quorum.setText(_("Choose the team and the date to list its members."))
            return
        present = sum(1 for r in rows if r["status"] == "present")
        self.quorum.setText(format_quorum(present, len(rows)))

    # --- agenda ----------------------------------------------------------------

    def _add_agenda_row(self, title: str, content: str, edit: bool = False) -> None:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        self.agenda.setItem(row, 0, grid_item(title))
        self.agenda.setItem(row, 1, grid_item(content))
        if edit:
            self.agenda.setCurrentCell(row, 0)
            self.agenda.editItem(self.agenda.item(row, 0))
        self._children_changed()

    def _agenda_rows(self) -> list[dict]:
        rows = []
        for row in range(self.agenda.rowCount()):
            title = self.agenda.item(row, 0).text().strip() if self.agenda.item(row, 0) else ""
            content = self.agenda.item(row, 1).text().strip() if self.agenda.item(row, 1) else ""
            if title or content:
                rows.append({"title": title, "content": content})
        return rows

    def _fill_template_menu(self) -> None:
        from ...services.agenda_templates import load_agenda_templates

        self.template_menu.clear()
        for template in load_agenda_templates():
            self.template_menu.addAction(template.name, lambda t=template: self.apply_template(t))
        self.template_menu.addSeparator()
        self.template_menu.addAction(_("Edit the templates…"), self.edit_templates)

    def apply_template(self, template) -> None:
        """Put the template's items in the agenda (after asking, if it has lines)."""
        from ...services.agenda_templates import agenda_from_template

        if self._agenda_rows() and not messages().confirm(
                self, _("Agenda"), _("Replace the agenda with the template «{name}»?").format(name=template.name)):
            return
        self.agenda.blockSignals(True)
        self.agenda.setRowCount(0)
        for entry in agenda_from_template(template):
            self._add_agenda_row(entry["title"], entry["content"])
        self.agenda.blockSignals(False)
        if self.record is None:
            self.kind.set_code(template.kind)
        self._children_changed()

    def edit_templates(self) -> None:
        from .agenda_templates_dialog import AgendaTemplatesDialog

        messages().run_dialog(AgendaTemplatesDialog(self))

    # --- tasks -----------------------------------------------------------------

    def _fill_assignee_combo(self, row: int) -> None:
        combo = self.tasks.cellWidget(row, 1)
        if combo is None:
            return
        text = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([m.full_name for m in self._members])
        combo.setEditText(text)
        combo.blockSignals(False)

    def _add_task_row(self, task: dict, edit: bool = False) -> None:
        from ...vn import short_date

        self.tasks.blockSignals(True)
        row = self.tasks.rowCount()
        self.tasks.insertRow(row)
        description = grid_item(task.get("description", ""))
        description.setData(Qt.ItemDataRole.UserRole, {"id": task.get("id"), "carried_from": task.get("carried_from")})
        self.tasks.setItem(row, 0, description)
        who = QComboBox()
        who.setEditable(True)
        who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tasks.setCellWidget(row, 1, who)
        self._fill_assignee_combo(row)
        name = task.get("assignee_name") or ""
        if not name and task.get("assignee"):
            from ...services.listings.choices import person_name

            name = person_name(task["assignee"]) or ""
        who.setEditText(name)
        who.editTextChanged.connect(lambda _t: self._children_changed())
        self.tasks.setItem(row, 2, grid_item(short_date(task.get("due_date"))))
        status = ChoiceCombo(vocab.TASK_STATUSES)
        status.set_code(task.get("status") or "open")
        # the row is looked up when the status changes: rows above may have been removed since
        status.currentIndexChanged.connect(lambda _i, combo=status: self._task_status_changed(self._row_of(combo)))
        self.tasks.setCellWidget(row, 3, status)
        self.tasks.setItem(row, 4, grid_item(short_date(task.get("done_on"))))
        self.tasks.setItem(row, 5, grid_item(self._carried_text(task.get("carried_from")), editable=False))
        self.tasks.blockSignals(False)
        self._paint_task(row)
        if edit:
            self.tasks.setCurrentCell(row, 0)
            self.tasks.editItem(self.tasks.item(row, 0))
        self._children_changed()

    def _carried_text(self, carried_from) -> str:
        if not carried_from:
            return ""
        from ...services.listings.meetings import task_meeting_start

        when = task_meeting_start(carried_from)
        if when is None:
            return _("earlier meeting")
        return _("meeting of {day}").format(day=f"{when:%d/%m/%Y}")

    def _row_of(self, widget) -> int:
        for row in range(self.tasks.rowCount()):
            if self.tasks.cellWidget(row, 3) is widget:
                return row
        return -1

    def _task_status_changed(self, row: int) -> None:
        if row < 0:
            return
        status = self.tasks.cellWidget(row, 3).code()
        done = self.tasks.item(row, 4)
        if status == "done" and done is not None and not done.text().strip():
            done.setText(f"{dt.date.today():%d/%m/%Y}")
        self._paint_task(row)
        self._children_changed()

    def _task_item_changed(self, item) -> None:
        self._paint_task(item.row())
        self._children_changed()

    def is_task_overdue(self, row: int) -> bool:
        status = self.tasks.cellWidget(row, 3)
        due = optional_date(self.tasks.item(row, 2).text()) if self.tasks.item(row, 2) else None
        return status is not None and status.code() == "open" and due is not None and due < dt.date.today()

    def _paint_task(self, row: int) -> None:
        overdue = self.is_task_overdue(row)
        self.tasks.blockSignals(True)
        for col in (0, 2, 4, 5):
            item = self.tasks.item(row, col)
            if item is not None:
                item.setForeground(QBrush(OVERDUE) if overdue else QBrush())
                item.setToolTip(_("Overdue") if overdue else "")
        self.tasks.blockSignals(False)

    def _task_rows(self) -> list[dict]:
        rows = []
        names = {m.full_name: m.person_id for m in self._members}
        for row in range(self.tasks.rowCount()):
            first = self.tasks.item(row, 0)
            description = first.text().strip() if first else ""
            who = self.tasks.cellWidget(row, 1).currentText().strip()
            due = self.tasks.item(row, 2).text().strip()
            done = self.tasks.item(row, 4).text().strip()
            meta = (first.data(Qt.ItemDataRole.UserRole) if first else None) or {}
            if not (description or who or due or done) and not meta.get("carried_from"):
                continue
            task = {"description": description, "assignee": names.get(who), "assignee_name": who,
                    "due_date": due or None, "status": self.tasks.cellWidget(row, 3).code(),
                    "done_on": done or None, "carried_from": meta.get("carried_from")}
            if meta.get("id"):
                task["id"] = meta["id"]
            rows.append(task)
        return rows

    def carry_open_tasks(self, quiet: bool = False) -> int:
        """Add the open tasks of the team's earlier meetings not yet in the list."""
        from ...services.meetings import open_tasks_for_next

        team_id, start = self.team.code(), _parse_start(self.starts_at.text())
        if team_id is None or start is None:
            if not quiet:
                messages().info(self, _("Tasks"), _("Choose the team and the start time first."))
            return 0
        present = {t.get("carried_from") for t in self._task_rows()}
        added = 0
        for task in open_tasks_for_next(team_id, start):
            if task["carried_from"] not in present:
                self._add_task_row(task)
                added += 1
        if not quiet and not added:
            messages().info(self, _("Tasks"), _("No open tasks from earlier meetings."))
        return added

    # --- shared row helpers ------------------------------------------------------

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._children_changed()

    def _move_row(self, table: QTableWidget, step: int) -> None:
        row = table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < table.rowCount():
            return
        table.blockSignals(True)
        for col in range(table.columnCount()):
            a, b = table.takeItem(row, col), table.takeItem(target, col)
            table.setItem(row, col, b)
            table.setItem(target, col, a)
        table.blockSignals(False)
        table.setCurrentCell(target, table.currentColumn())
        self._children_changed()

    # --- copy from the previous meeting -------------------------------------------

    def copy_previous(self) -> None:
        from ...services.meetings import copy_from_previous

        team_id = self.team.code()
        if team_id is None:
            messages().info(self, _("Copy from the previous meeting"), _("Choose the team first."))
            return
        draft = copy_from_previous(team_id)
        if draft is None:
            messages().info(self, _("Copy from the previous meeting"), _("This team has no earlier meeting."))
            return
        self.kind.set_code(draft["kind"])
        self.place.setText(draft["place"] or "")
        self.guests.setPlainText(draft["guests"] or "")
        self._refresh_people(keep=True)
        self.chair.set_code(draft["chair"])
        self.secretary.set_code(draft["secretary"])
        self.agenda.blockSignals(True)
        self.agenda.setRowCount(0)
        for entry in draft["agenda"]:
            self._add_agenda_row(entry["title"], entry["content"])
        self.agenda.blockSignals(False)
        self._changed()
        self._children_changed()

    # --- values, dirty state, saving ---------------------------------------------

    def values(self):
        values = super().values()
        text = values.get("ends_at") or ""
        match = _TIME_ONLY.match(text)
        start = _parse_start(values.get("starts_at") or "")
        if match and start is not None:
            values["ends_at"] = f"{int(match.group(1)):02d}:{match.group(2)} {start:%d/%m/%Y}"
        return values

    def children(self) -> tuple[list[dict], list[dict], list[dict]]:
        return self._attendance_rows(), self._agenda_rows(), self._task_rows()

    def storer(self, values):
        from ...services.meetings import save_meeting

        attendance, agenda, tasks = self.children()  # read on the GUI thread; stored off it
        meeting_id, version = self.record_id, self.record.version if self.record is not None else None
        return lambda: save_meeting(values, attendance, agenda, tasks, meeting_id=meeting_id,
                                    expected_version=version)

    def write_failed(self, exc: ValidationError) -> None:
        self.show_child_error(exc)

    def show_child_error(self, exc: ValidationError) -> None:
        """Put the cursor in the grid cell a child-row error names."""
        match = _CHILD.match(exc.field or "")
        if not match:
            return
        kind, index, name = match.group(1), int(match.group(2)), match.group(3)
        table, tab, columns = {
            "attendance": (self.attendance, 0, {"person": 0, "status": 2, "reason": 3}),
            "agenda": (self.agenda, 1, {"title": 0, "content": 1}),
            "tasks": (self.tasks, 2, {"description": 0, "assignee_name": 1, "due_date": 2, "status": 3,
                                       "done_on": 4, "carried_from": 5}),
        }[kind]
        self.tabs.setCurrentIndex(tab)
        if index < table.rowCount():
            table.setCurrentCell(index, columns.get(name, 0))
            table.setFocus()

    def discard(self):
        self.load(self.record_id)
