"""Địa bàn và Tổ dân vận: the list of areas, each with its team; on the
right the area form, the team form and the team's composition."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QTabWidget

from ...services.core import vocab
from ...services.listings import areas as listing
from ...services.register import AreaService, TeamService
from ..dialogs import messages
from ..forms.save_in_turn import save_in_turn
from ..i18n import N_, _
from ..operations import OpChanges, RecordOp
from ..print_preview import PrintJob, PrintMenuButton, offer_job
from ..table_model import Column, Row, RowSource
from ..generated.ui_areas_filters import Ui_AreasFilters
from .base import ListFormSection


class AreasSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("name", _("Area"), width=150),
            Column("kind", _("Kind"), width=70),
            Column("households", _("Households"), numeric=True, width=80),
            Column("population", _("Population"), numeric=True, width=85, optional=True),
            Column("team", _("Team"), sortable=False, width=85),
            Column("leader", _("Team leader"), sortable=False, width=150),
            Column("members", _("Members"), numeric=True, sortable=False, width=75, optional=True),
            Column("established", _("Decision"), sortable=False, optional=True),
        ]
        self.query = ""
        self.kind: str | None = None
        self.team_state: str | None = None  # None / "with" / "without" / "idle"
        self.in_use: str | None = None  # None / "active" / "inactive" (merged or no longer in use)
        self.on_date = dt.date.today()

    def ids(self, sort_key, descending):
        return listing.area_ids(listing.AreaFilter(query=self.query, kind=self.kind, team_state=self.team_state,
                                                   in_use=self.in_use), sort_key, descending, self.on_date)

    def rows(self, ids):
        from ...vn import short_date

        statuses = dict(vocab.TEAM_STATUSES)
        kinds = dict(vocab.AREA_KINDS)
        result = {}
        for area in listing.area_rows(ids, self.on_date):
            team = area.team
            if team is None:
                team_text, leader, members, decision = _("none"), "", "", ""
            else:
                team_text = statuses.get(team.status, team.status) if team.status != "active" else _("Yes")
                leader = team.leader
                members = team.members
                decision = " ".join(p for p in (team.decision_number, short_date(team.established_on)
                                                if team.established_on else "") if p)
            name = area.name if area.active else _("{name} (former)").format(name=area.name)
            result[area.id] = Row([name, kinds.get(area.kind, area.kind),
                                   area.households if area.households is not None else "",
                                   area.population if area.population is not None else "",
                                   team_text, leader, members, decision],
                                  muted=not area.active or team is None,
                                  tooltip=None if area.active else _("Merged into another area or no longer in use"))
        return result


class AreaTeamEditor(QTabWidget):
    """The editor of this section: area, team, composition in three tabs.
    It offers the RecordForm API that ListFormSection expects."""

    saved = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        from ..forms.area_form import AreaForm
        from ..forms.team_form import TeamForm
        from .team_members import TeamMembersPanel

        self.area_form = AreaForm()
        self.team_form = TeamForm()
        self.members = TeamMembersPanel()
        self.addTab(self.area_form, _("Area"))
        self.addTab(self.team_form, _("Team"))
        self.addTab(self.members, _("Composition"))
        self.area_form.saved.connect(self._area_saved)
        self.team_form.saved.connect(self._team_saved)
        # a form whose save is refused shows its tab (the message is under its field)
        self.area_form.saveFailed.connect(lambda: self.setCurrentIndex(0))
        self.team_form.saveFailed.connect(lambda: self.setCurrentIndex(1))
        self.on_date = None
        self.load(None)

    @property
    def record_id(self):
        return self.area_form.record_id

    @staticmethod
    def team_of(area_id) -> int | None:
        """The id of the area's team (the active one, else the latest)."""
        return listing.team_of_area(area_id)

    def load(self, area_id, defaults=None):
        self.area_form.load(area_id, defaults)
        self._load_team(area_id)
        if area_id is None:
            self.setCurrentIndex(0)

    def _load_team(self, area_id):
        team_id = self.team_of(area_id) if area_id is not None else None
        if team_id is not None:
            self.team_form.load(team_id)
        else:
            self.team_form.load(None, {"area": area_id} if area_id is not None else None)
        self.members.load(team_id, self.on_date)
        self.setTabEnabled(1, area_id is not None)
        self.setTabEnabled(2, team_id is not None)

    def _area_saved(self, area_id):
        if not self.team_form.is_dirty():
            self._load_team(area_id)
        self.saved.emit(area_id)

    def _team_saved(self, team_id):
        self.members.load(team_id, self.on_date)
        self.setTabEnabled(2, True)
        if self.record_id is not None:
            self.saved.emit(self.record_id)

    def is_dirty(self):
        return self.area_form.is_dirty() or self.team_form.is_dirty()

    @property
    def saving(self) -> bool:
        return self.area_form.saving or self.team_form.saving

    def save(self):
        """The area, then its team (see save_in_turn)."""
        return save_in_turn(self.area_form, self.team_form, self.record_id)

    def discard(self):
        self.load(self.record_id)

    def focus_first(self):
        self.setCurrentIndex(0)
        self.area_form.focus_first()


class AreasTeamsSection(ListFormSection):
    service = AreaService
    search_placeholder = N_("Search area (Ctrl+F)")

    def make_source(self):
        return AreasSource()

    def make_editor(self):
        return AreaTeamEditor()

    def count_text(self, n):
        return _("{n} areas").format(n=n)

    def add_filters(self, bar):
        self.add_filter_row(bar, Ui_AreasFilters)  # ui/areas_filters.ui
        self.f_kind.set_items(vocab.AREA_KINDS, blank=_("All kinds"))
        self.f_team.set_items([("with", _("With an active team")), ("without", _("Without a team")),
                               ("idle", _("No meeting this quarter"))], blank=_("Team: all"))
        self.f_in_use.set_items([("active", _("In use")), ("inactive", _("Merged / no longer in use"))],
                                blank=_("In use or not: all"))
        bar = self.search_bar
        trash = QPushButton(_("Trash…"))
        menu = QMenu(trash)
        menu.addAction(_("Deleted areas"), self.open_area_trash)
        menu.addAction(_("Deleted teams"), self.open_team_trash)
        trash.setMenu(menu)
        bar.addWidget(trash)
        self.merge_button = QPushButton(_("Merge…"))
        self.merge_button.setToolTip(_("Merge the selected area into another area of the commune (sáp nhập)"))
        self.merge_button.clicked.connect(self.merge_area)
        bar.addWidget(self.merge_button)
        self.delete_team_button = QPushButton(_("Delete team…"))
        self.delete_team_button.clicked.connect(self.delete_team)
        bar.addWidget(self.delete_team_button)
        from ..import_dialog import AREAS, add_import_button

        self.import_button = add_import_button(self, bar, AREAS)
        bar.addWidget(self.make_print_button())

    # --- printing ---------------------------------------------------------------

    def make_print_button(self) -> PrintMenuButton:
        """"In…": what the catalog offers for the selected area's team (member
        list, decisions, a blank attendance sheet) and for the whole commune
        (every team's members, a blank concern slip)."""
        button = self.print_button = PrintMenuButton()
        button.setToolTip(_("Print the member list, the decisions or a blank form"))
        button.add_heading(self.team_heading)
        button.add_offers("team", self.team_job, unavailable=self.no_team_reason)
        button.add_separator()
        button.add_heading(_("Whole commune"))
        button.add_offers("commune", lambda kind, offer: offer_job(kind, offer, {"on": self.on_date}))
        return button

    def selected_team(self):
        """The selected area's team record, or None."""
        form = self.editor.team_form
        return form.record if form.record_id is not None else None

    def team_heading(self) -> str:
        team = self.selected_team()
        return team.name if team is not None else _("Team: none selected")

    def no_team_reason(self) -> str | None:
        if self.editor.record_id is None:
            return _("Choose an area that has a Tổ dân vận in the list first.")
        if self.selected_team() is None:
            return _("This area has no Tổ dân vận yet: add it on the «Team» tab first.")
        return None

    def team_job(self, kind, offer) -> PrintJob | None:
        team = self.selected_team()
        if team is None:
            return None
        if self.editor.is_dirty():
            messages().info(self, _("Print…"), _("Save the area and its team first, then print."))
            return None
        return offer_job(kind, offer, {"team": team.id, "on": self.on_date}, team.name)

    def open_link(self, link: str) -> None:
        """From the overview: "with", "without" (a team) or "idle" (no meeting this quarter)."""
        self.f_team.set_code(link or None)
        self.reload()

    def apply_filters(self):
        self.source.kind = self.f_kind.code()
        self.source.team_state = self.f_team.code()
        self.source.in_use = self.f_in_use.code()
        self.editor.on_date = self.on_date

    def set_year(self, year):
        super().set_year(year)
        self.editor.members.load(self.editor.members.team_id, self.on_date)

    def records_changed(self, changes):
        """The list, and the composition tab (members, roles) of the area shown."""
        super().records_changed(changes)
        if self.is_current() and changes.touches(("membership", "person", "team")):
            self.editor.members.load(self.editor.members.team_id, self.on_date)

    def describe(self, record_id):
        return AreaService.get(record_id).name

    def merge_area(self):
        """Sáp nhập: the selected area joins another area of the commune."""
        from ..forms.area_dialogs import MergeAreaDialog, area_label

        area_id = self.editor.record_id
        if area_id is None:
            messages().info(self, _("Merge area"), _("Choose the area to merge in the list first."))
            return
        if self.editor.is_dirty():
            messages().info(self, _("Merge area"), _("Save the area and its team first, then merge."))
            return
        area = AreaService.get(area_id)
        if area.merged_into is not None:
            target = AreaService.get(area.merged_into, include_deleted=True)
            messages().warning(self, _("Merge area"), _("{area} was already merged into {target}.").format(
                area=area_label(area), target=area_label(target)))
            return
        dialog = MergeAreaDialog(self, area_id)
        if not dialog.targets:
            messages().info(self, _("Merge area"), _("There is no other area in use in this commune to merge "
                                                     "{area} into.").format(area=area_label(area)))
            return
        if not messages().run_dialog(dialog):
            return
        target = AreaService.get(dialog.target.code())
        self.editor.load(area_id)  # the list was read again by the merge's operation
        self.select_id(area_id)
        self.status.emit(_("Merged {area} into {target}.").format(area=area_label(area), target=area_label(target)))

    def delete_team(self):
        team_id = self.editor.team_form.record_id
        if team_id is None:
            return
        name = self.editor.team_form.record.name
        # the editor is read again afterwards: typed changes would be lost without a word
        if self.editor.is_dirty() and not messages().discard_changes(self):
            return
        if not messages().confirm(self, _("Delete"), _("Move «{name}» to the trash? You can restore it from "
                                                       "the trash later.").format(name=name), destructive=True):
            return

        def deleted(_result):  # the list was read again (operations); the editor shows the area without it
            self.editor.load(self.editor.record_id)
            self.status.emit(_("Moved to the trash: {name}").format(name=name))

        RecordOp(self, lambda: TeamService.delete(team_id), OpChanges.of(TeamService), label=_("Deleting"),
                 failure_title=_("Cannot delete")).success(deleted).run_in_background()

    def open_area_trash(self):
        from ..trash import TrashDialog

        messages().run_dialog(TrashDialog(self, AreaService, _("Deleted areas"), lambda a: a.name))

    def open_team_trash(self):
        from ..trash import TrashDialog

        dialog = TrashDialog(self, TeamService, _("Deleted teams"), lambda t: t.name)
        messages().run_dialog(dialog)
        if dialog.restored:  # the area's team may be back: read the editor again, keeping typed changes
            if self.editor.is_dirty() and not messages().discard_changes(self):
                return
            self.editor.load(self.editor.record_id)
