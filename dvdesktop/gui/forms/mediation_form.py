"""The mediation case form: the start deadline on top (red when missed), then
five tabs in the order a case unfolds — intake, parties, mediators (picked
from the team's people, the composition warning shown as they are chosen),
sessions, outcome with the agreement and its carrying out. Everything is
saved together by services.mediation.save_case, in one transaction.

Opening a case shows the parties' names and details: a confidential case is
opened through services.mediation.open_case_for_view, which writes the audit
row (once per opening, not again when the form reloads after a save)."""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QTableWidget,
)

from .. import texts
from ...errors import ValidationError
from ...services.mediation import records as med
from ...services.mediation import rules
from ...services.mediation import team as mediation_team
from ...services.core import vocab
from ...services.mediation.records import MediationCaseService
from ..generated.ui_mediation_form import Ui_MediationForm
from ..i18n import _
from ..style import role
from ..widgets import ChoiceCombo
from .base import RecordWithChildrenForm
from .choices import area_choices, team_choices
from .grid import grid_item, optional_date, set_up_grid

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ROLE = Qt.ItemDataRole.UserRole + 2

TAB_INTAKE, TAB_PARTIES, TAB_MEDIATORS, TAB_SESSIONS, TAB_OUTCOME = range(5)
_CHILD = re.compile(r"^(parties|mediators|sessions)\[(\d+)\]\.(\w+)$")
FIELD_TABS = {
    "received_on": TAB_INTAKE, "number": TAB_INTAKE, "area": TAB_INTAKE, "team": TAB_INTAKE,
    "grounds": TAB_INTAKE, "scope": TAB_INTAKE, "kind": TAB_INTAKE, "summary": TAB_INTAKE,
    "confidential": TAB_INTAKE, "parties": TAB_PARTIES, "name": TAB_PARTIES, "birth_year": TAB_PARTIES,
    "side": TAB_PARTIES, "gender": TAB_PARTIES, "assigned_on": TAB_MEDIATORS, "mediators": TAB_MEDIATORS,
    "person": TAB_MEDIATORS, "is_lead": TAB_MEDIATORS, "started_on": TAB_SESSIONS, "held_on": TAB_SESSIONS,
    "start_time": TAB_SESSIONS, "end_time": TAB_SESSIONS,
    "outcome": TAB_OUTCOME, "closed_on": TAB_OUTCOME, "agreement": TAB_OUTCOME, "carry_out_how": TAB_OUTCOME,
    "carry_out_by": TAB_OUTCOME, "carried_out": TAB_OUTCOME, "carried_out_on": TAB_OUTCOME, "notes": TAB_OUTCOME,
}
# Fields that only a settlement ("thành") carries.
SETTLEMENT_FIELDS = ("agreement", "carry_out_how", "carry_out_by", "carried_out", "carried_out_on")





def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


class MediationCaseForm(RecordWithChildrenForm):
    service = MediationCaseService
    ui_class = Ui_MediationForm

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = self.layout()
        outer.takeAt(outer.count() - 1)  # RecordForm's closing stretch: the tabs take the room

    # --- building --------------------------------------------------------------

    def build(self) -> None:
        self._children_clean = None
        self._audited_id: int | None = None
        self.today: dt.date | None = None  # tests fix "today"; None: the real day
        self.deadline_state = rules.DEADLINE_OK
        self.composition: list[str] = []
        self.grounds.set_items(vocab.MEDIATION_GROUNDS)
        self.scope.set_items(vocab.MEDIATION_SCOPES)
        self.outcome.set_items(vocab.MEDIATION_OUTCOMES)
        self.carried_out.set_items([(True, _("Carried out")), (False, _("Not carried out"))],
                                   blank=_("(not known yet)"))

        set_up_grid(self.parties, 170)
        # the side's drop-down shows «Người có quyền lợi, nghĩa vụ liên quan» roles whole
        for column, width in enumerate((160, 130, 70, 90, 150, 100)):
            self.parties.setColumnWidth(column, width)
        self.parties.itemChanged.connect(lambda _i: self._children_changed())
        self.add_party_button.clicked.connect(lambda: self.add_party({}, edit=True))
        self.remove_party_button.clicked.connect(lambda: self._remove_row(self.parties))

        self.ui.pick_row.setStretch(0, 1)
        self.add_mediator_button.clicked.connect(self.add_selected_candidate)
        self.other_mediator_button.clicked.connect(self.choose_other_mediator)
        set_up_grid(self.mediators, 170)
        self.mediators.setColumnWidth(0, 200)
        self.mediators.setColumnWidth(1, 80)
        self.mediators.itemChanged.connect(self._mediator_item_changed)
        self.remove_mediator_button.clicked.connect(lambda: self._remove_row(self.mediators))

        set_up_grid(self.sessions, 170)
        # the start and end time last: the không-thành record states them (columns 0–3 keep their places)
        header = self.sessions.horizontalHeader()
        header.moveSection(4, 1)  # shown after the date (the logical columns stay as the code reads them)
        header.moveSection(5, 2)
        for column, width in enumerate((95, 150, 190, 220, 64, 64)):
            self.sessions.setColumnWidth(column, width)
        self.sessions.itemChanged.connect(self._session_item_changed)
        self.sessions.currentCellChanged.connect(lambda row, *_a: self._show_session_content(row))
        self.add_session_button.clicked.connect(lambda: self.add_session({}, edit=True))
        self.remove_session_button.clicked.connect(lambda: (self._remove_row(self.sessions), self.update_deadline()))
        self.session_content.textChanged.connect(self._session_content_edited)

        self.area.currentIndexChanged.connect(self._area_changed)
        self.team.currentIndexChanged.connect(self._team_changed)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        for widget in (self.assigned_on, self.started_on, self.received_on):
            widget.textChanged.connect(lambda _t: self.update_deadline())

    # --- loading -----------------------------------------------------------------

    def defaults(self):
        return {"received_on": self._today(), "grounds": "party_request", "scope": "dan_su", "outcome": "dang",
                "confidential": True}

    def title_for(self, record) -> str:
        if record is None:
            return _("New mediation case")
        label = record.number or f"#{record.id}"
        return _("Case {number}").format(number=label) + (f" – {record.kind}" if record.kind else "")

    def load(self, record_id, defaults=None):
        self.area.set_items(area_choices(), blank=_(texts.CHOOSE))
        self.team.set_items(team_choices(), blank=_(texts.NONE))
        self._children_clean = None
        if record_id is None or record_id != self._audited_id:
            self._audited_id = None
        super().load(record_id, defaults)
        self._children_clean = self.children()
        self.dirtyChanged.emit(self.is_dirty())

    def loaded(self, record) -> None:
        for table in (self.parties, self.mediators, self.sessions):
            table.setRowCount(0)
        self._show_session_content(-1)
        if record is not None:
            parties, mediators, sessions = self._read_parts(record.id)
            for p in parties:
                self.add_party({"id": p.id, "name": p.name, "side": p.side, "gender": p.gender,
                                "birth_year": p.birth_year, "address": p.address, "phone": p.phone,
                                "demands": p.demands})
            for m in mediators:
                self._add_mediator_row(m.id, m.person_id, m.name, m.gender, m.is_lead)
            for s in sessions:
                self.add_session({"id": s.id, "held_on": s.held_on, "place": s.place, "attendees": s.attendees,
                                  "content": s.content, "start_time": s.start_time, "end_time": s.end_time})
        self._scope_changed()
        self._refresh_candidates()
        self._outcome_changed(clear=False)
        self.update_deadline()
        self.update_composition()

    def _read_parts(self, case_id: int):
        """The case's parts; the first reading of a case is an audited view."""
        if case_id != self._audited_id:
            detail = med.open_case_for_view(case_id)
            self._audited_id = case_id
            return detail.parties, detail.mediators, detail.sessions
        return med.case_parts(case_id)

    # --- intake ------------------------------------------------------------------

    def _area_changed(self, *_args) -> None:
        if self._loading:
            return
        area_id = self.area.code()
        if area_id is not None:
            team = self._active_team(area_id)
            current = self.team.code()
            if team is not None and (current is None or self._team_area(current) != area_id):
                self.team.set_code(team)
        self._refresh_candidates()
        self.update_composition()

    def _team_changed(self, *_args) -> None:
        if not self._loading:
            self._refresh_candidates()

    @staticmethod
    def _active_team(area_id: int) -> int | None:
        from ...services.listings.areas import team_of_area

        return team_of_area(area_id)

    @staticmethod
    def _team_area(team_id: int) -> int | None:
        from ...services.listings.areas import area_of_team

        return area_of_team(team_id)

    def _scope_changed(self, *_args) -> None:
        text = self.kind.currentText()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems(list(med.MEDIATION_KINDS.get(self.scope.code() or "", ())))
        self.kind.setEditText(text)
        self.kind.blockSignals(False)

    # --- parties -----------------------------------------------------------------

    def add_party(self, party: dict, edit: bool = False) -> int:
        table = self.parties
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        name = grid_item(party.get("name", ""))
        name.setData(ID_ROLE, party.get("id"))
        table.setItem(row, 0, name)
        side = ChoiceCombo(vocab.MEDIATION_SIDES)
        side.set_code(party.get("side") or ("A" if row == 0 else "B"))
        side.currentIndexChanged.connect(lambda _i: self._children_changed())
        table.setCellWidget(row, 1, side)
        gender = ChoiceCombo(vocab.GENDERS, blank="")
        gender.set_code(party.get("gender") or None)
        gender.currentIndexChanged.connect(lambda _i: self._children_changed())
        table.setCellWidget(row, 2, gender)
        born = party.get("birth_year") or party.get("age") or ""
        for column, value in ((3, born), (4, party.get("address", "")), (5, party.get("phone", "")),
                              (6, party.get("demands", ""))):
            table.setItem(row, column, grid_item(value))
        table.blockSignals(False)
        if edit:
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))
        self._children_changed()
        return row

    def party_rows(self) -> list[dict]:
        rows = []
        table = self.parties
        for row in range(table.rowCount()):
            values = [_text(table, row, c) for c in (0, 3, 4, 5, 6)]
            if not any(values):
                continue
            name, born, address, phone, demands = values
            data = {"name": name, "side": table.cellWidget(row, 1).code(),
                    "gender": table.cellWidget(row, 2).code() or "", "address": address, "phone": phone,
                    "demands": demands}
            row_id = table.item(row, 0).data(ID_ROLE) if table.item(row, 0) else None
            if row_id is not None:
                data["id"] = row_id
            if born.isdigit() and int(born) < 150:
                data["age"] = int(born)
            else:
                data["birth_year"] = born or None
            rows.append(data)
        return rows

    # --- mediators -----------------------------------------------------------------

    def _case_team(self) -> int | None:
        team = self.team.code()
        if team is None and self.area.code() is not None:
            team = self._active_team(self.area.code())
        return team

    def _refresh_candidates(self) -> None:
        self.candidates.clear()
        team = self._case_team()
        area = self.area.code()
        if team is None and area is None:
            self.candidates.addItem(_("(choose the area or team first)"), None)
            self.add_mediator_button.setEnabled(False)
            return
        day = optional_date(self.received_on.text()) or dt.date.today()
        genders = dict(vocab.GENDERS)
        people = med.mediator_candidates(team, day, area)  # the area's tổ hòa giải first
        for person in people:
            label = person.full_name + (f" ({genders[person.gender]})" if person.gender in genders else "")
            self.candidates.addItem(label, person.id)
        if not people:
            self.candidates.addItem(_("(the team has no members)"), None)
        self.add_mediator_button.setEnabled(bool(people))

    def _mediator_person_ids(self) -> set[int]:
        return {self.mediators.item(r, 0).data(PERSON_ROLE) for r in range(self.mediators.rowCount())
                if self.mediators.item(r, 0) is not None} - {None}

    def add_selected_candidate(self) -> None:
        person_id = self.candidates.currentData()
        if person_id is None:
            return
        from ...services.register import PersonService

        self.add_mediator(PersonService.get(person_id))

    def choose_other_mediator(self) -> None:
        from .person_picker import PersonPicker

        person = PersonPicker.choose(self, _("Choose a mediator"), prefer_area=self.area.code())
        if person is not None:
            self.add_mediator(person)

    def add_mediator(self, person) -> bool:
        """Add *person* (a Person) as a mediator; False if already there."""
        if person.id in self._mediator_person_ids():
            return False
        lead = self.mediators.rowCount() == 0
        self._add_mediator_row(None, person.id, person.full_name, person.gender, lead)
        self._mediators_changed()
        return True

    def _add_mediator_row(self, row_id, person_id, name, gender, is_lead) -> None:
        table = self.mediators
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        item = grid_item(name, editable=person_id is None)
        item.setData(ID_ROLE, row_id)
        item.setData(PERSON_ROLE, person_id)
        table.setItem(row, 0, item)
        table.setItem(row, 1, grid_item(dict(vocab.GENDERS).get(gender, gender or ""), editable=False))
        table.item(row, 1).setData(PERSON_ROLE, gender or "")
        lead = grid_item("", editable=False)
        lead.setFlags(lead.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        lead.setCheckState(Qt.CheckState.Checked if is_lead else Qt.CheckState.Unchecked)
        table.setItem(row, 2, lead)
        table.blockSignals(False)

    def _mediator_item_changed(self, item) -> None:
        if item.column() == 2 and item.checkState() == Qt.CheckState.Checked:
            self.mediators.blockSignals(True)
            for row in range(self.mediators.rowCount()):
                other = self.mediators.item(row, 2)
                if other is not item and other is not None:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self.mediators.blockSignals(False)
        self._mediators_changed()

    def _mediators_changed(self) -> None:
        self.update_composition()
        self._children_changed()

    def mediator_rows(self) -> list[dict]:
        rows = []
        table = self.mediators
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is None or not item.text().strip():
                continue
            data = {"name": item.text().strip(), "gender": table.item(row, 1).data(PERSON_ROLE) or "",
                    "is_lead": table.item(row, 2).checkState() == Qt.CheckState.Checked}
            if item.data(PERSON_ROLE) is not None:
                data["person"] = item.data(PERSON_ROLE)
            if item.data(ID_ROLE) is not None:
                data["id"] = item.data(ID_ROLE)
            rows.append(data)
        return rows

    def update_composition(self) -> None:
        """The composition warning of the area's tổ hòa giải (at least 3
        mediators and a woman, a minority mediator in a minority area): the
        rule is the team's, one mediator may handle a case. A warning, not a block."""
        area_id = self.area.code()
        if not area_id:
            self.composition = []
            self.composition_label.setText(_("Choose the area to see its mediation team."))
            role(self.composition_label, "hint")
            return
        self.composition = mediation_team.composition_warnings(area_id)
        if self.composition:
            self.composition_label.setText("\n".join("⚠ " + w for w in self.composition))
            role(self.composition_label, "warning")
        else:
            n = len(mediation_team.members(area_id))
            self.composition_label.setText(
                _("The mediation team of the area is complete ({n} mediators).").format(n=n))
            role(self.composition_label, "good")

    # --- sessions ------------------------------------------------------------------

    def add_session(self, session: dict, edit: bool = False) -> int:
        from ...vn import short_date

        table = self.sessions
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        held = session.get("held_on")
        if held is None and edit:
            held = dt.date.today()
        day = grid_item(short_date(held) if isinstance(held, dt.date) else (held or ""))
        day.setData(ID_ROLE, session.get("id"))
        table.setItem(row, 0, day)
        for column, key in ((1, "place"), (2, "attendees"), (3, "content"), (4, "start_time"), (5, "end_time")):
            table.setItem(row, column, grid_item(session.get(key, "") or ""))
        table.blockSignals(False)
        if edit:
            table.setCurrentCell(row, 1)
            table.editItem(table.item(row, 1))
        self._sessions_changed()
        return row

    def _show_session_content(self, row: int) -> None:
        item = self.sessions.item(row, 3) if row >= 0 else None
        self.session_content.blockSignals(True)
        self.session_content.setPlainText(item.text() if item is not None else "")
        self.session_content.blockSignals(False)
        self.session_content.setEnabled(item is not None)

    def _session_content_edited(self) -> None:
        item = self.sessions.item(self.sessions.currentRow(), 3) if self.sessions.currentRow() >= 0 else None
        if item is not None and item.text() != self.session_content.toPlainText():
            item.setText(self.session_content.toPlainText())

    def _session_item_changed(self, item) -> None:
        item.setToolTip(item.text() if len(item.text()) > 30 else "")
        if item.column() == 3 and item.row() == self.sessions.currentRow() \
                and item.text() != self.session_content.toPlainText():
            self._show_session_content(item.row())
        self._sessions_changed()

    def session_rows(self) -> list[dict]:
        rows = []
        table = self.sessions
        for row in range(table.rowCount()):
            values = [_text(table, row, c) for c in range(6)]
            if not any(values):
                continue
            data = dict(zip(("held_on", "place", "attendees", "content", "start_time", "end_time"), values))
            row_id = table.item(row, 0).data(ID_ROLE) if table.item(row, 0) else None
            if row_id is not None:
                data["id"] = row_id
            rows.append(data)
        return rows

    def _sessions_changed(self) -> None:
        self.update_deadline()
        self._children_changed()

    # --- outcome -------------------------------------------------------------------

    def _outcome_changed(self, *_args, clear: bool = True) -> None:
        settled = self.outcome.code() == "thanh"
        if not settled and clear and not self._loading:
            for name in ("carry_out_by", "carried_out", "carried_out_on"):
                self.bindings[name].set(None)
        for name in SETTLEMENT_FIELDS:
            self.bindings[name].widget.setEnabled(settled)
        closed = self.outcome.code() not in (None, "dang")
        if closed and not self._loading and not self.closed_on.text().strip():
            self.closed_on.set_date(self._today())
        self.update_deadline()

    # --- the start deadline --------------------------------------------------------

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def update_deadline(self) -> None:
        """'Start mediation by dd/mm/yyyy', red and bold once the deadline is missed."""
        from ...vn import short_date

        assigned = optional_date(self.assigned_on.text())
        started = optional_date(self.started_on.text())
        if started is None:
            days = [d for d in (optional_date(s["held_on"]) for s in self.session_rows()) if d]
            started = min(days) if days else None
        case = SimpleNamespace(assigned_on=assigned, started_on=started, outcome=self.outcome.code() or "dang")
        state = rules.deadline_state(case, self._today())
        deadline = rules.start_deadline(case)
        self.deadline_state = state
        if deadline is None:
            text, style = _("No mediator assigned yet: mediation must start within {n} days of the assignment.").format(
                n=rules.START_WITHIN_DAYS), "hint"
        elif state == rules.DEADLINE_STARTED:
            text = _("Start deadline {deadline}: mediation started").format(deadline=short_date(deadline))
            if started:
                text += " " + _("on {day}").format(day=short_date(started))
                if started > deadline:
                    text += " " + _("(late)")
            style = "hint"
        elif state == rules.DEADLINE_MISSED:
            late = (self._today() - deadline).days
            text = _("Start deadline {deadline} missed {n} days ago: mediation has not started.").format(
                deadline=short_date(deadline), n=late)
            style = "alert"
        elif state == rules.DEADLINE_DUE:
            text = _("Start mediation by {deadline} (due now).").format(deadline=short_date(deadline))
            style = "warning"
        else:
            text = _("Start mediation by {deadline}.").format(deadline=short_date(deadline))
            style = "figure"
        self.deadline_label.setText(text)
        role(self.deadline_label, style)

    # --- values, dirty state, saving -------------------------------------------------

    def children(self) -> tuple[list[dict], list[dict], list[dict]]:
        return self.party_rows(), self.mediator_rows(), self.session_rows()

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            return
        table.removeRow(row)
        if table is self.mediators:
            self._mediators_changed()
        else:
            self._children_changed()

    def storer(self, values):
        parties, mediators, sessions = self.children()  # read on the GUI thread; stored off it
        case_id, version = self.record_id, self.record.version if self.record is not None else None
        return lambda: med.save_case(values, parties, mediators, sessions, case_id=case_id,
                                     expected_version=version)

    def write_failed(self, exc: ValidationError) -> None:
        self.show_tab_of(exc.field)

    def show_tab_of(self, name: str | None) -> None:
        match = _CHILD.match(name or "")
        if match:  # a row's error: "parties[1].name" (services.core.children)
            kind, index, field = match.group(1), int(match.group(2)), match.group(3)
            table, tab, columns = {
                "parties": (self.parties, TAB_PARTIES, {"name": 0, "side": 1, "gender": 2, "birth_year": 3, "age": 3,
                                                         "address": 4, "phone": 5, "demands": 6}),
                "mediators": (self.mediators, TAB_MEDIATORS, {"name": 0, "person": 0, "gender": 1, "is_lead": 2}),
                "sessions": (self.sessions, TAB_SESSIONS, {"held_on": 0, "place": 1, "attendees": 2, "content": 3,
                                                           "start_time": 4, "end_time": 5}),
            }[kind]
            self.tabs.setCurrentIndex(tab)
            if index < table.rowCount():
                table.setCurrentCell(index, columns.get(field, 0))
                table.setFocus()
        elif name in FIELD_TABS:
            self.tabs.setCurrentIndex(FIELD_TABS[name])

    def focus_first_error(self) -> None:
        for name in self.bindings:
            if name in self.errors:
                self.show_tab_of(name)
                self.bindings[name].widget.setFocus()
                return

    def focus_first(self) -> None:
        self.tabs.setCurrentIndex(TAB_INTAKE)
        super().focus_first()

    def discard(self):
        self.load(self.record_id)
