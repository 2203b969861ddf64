"""Giám sát: the people's supervision activities of the selected year, newest
first; a recommendation sent and unanswered for over a month in red."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ...services.core import vocab
from ...services.listings import supervision as listing
from ...services.supervision.records import STATUSES, SupervisionService
from ..forms.choices import area_choices, team_choices
from ..forms.supervision_form import SupervisionForm
from .. import texts
from ..i18n import N_, _
from ..print_preview import PrintMenuButton, offer_job
from ..table_model import Column, Row, RowSource
from ..generated.ui_supervision_filters import Ui_SupervisionFilters
from .base import ListFormSection
from .meetings import short_team


class SupervisionSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("start_date", _("From"), width=82),
            Column("team", _("Team"), width=100),
            Column("kind", _("Field supervised"), width=105),
            Column("subject", _("What was supervised"), width=190),
            Column("participant_count", _("People taking part"), numeric=True, width=58),
            Column("status", _("Status"), sortable=False),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.team_id: int | None = None
        self.area_id: int | None = None
        self.kind: str | None = None
        self.status: str | None = None
        self.on_date = dt.date.today()

    def filters(self) -> listing.SupervisionFilter:
        return listing.SupervisionFilter(query=self.query, year=self.year, team_id=self.team_id,
                                         area_id=self.area_id, kind=self.kind, status=self.status)

    def ids(self, sort_key, descending):
        return listing.supervision_ids(self.filters(), sort_key, descending)

    def rows(self, ids):
        kinds = dict(vocab.SUPERVISION_KINDS)
        statuses = dict(STATUSES)
        result = {}
        for s in listing.supervision_rows(ids, self.on_date):
            tip = s.subject + (f"\n{_('Recommendations')}: {s.recommendations[:400]}" if s.recommendations else "")
            if s.sent_to:
                tip += f"\n{_('Sent to')}: {s.sent_to}"
            status = statuses.get(s.status, s.status)
            if s.sent_on:
                tip += "\n" + _("Sent on") + f": {s.sent_on:%d/%m/%Y}"
            result[s.id] = Row([f"{s.start_date:%d/%m/%Y}", short_team(s.team_name), kinds.get(s.kind, s.kind),
                                s.subject, s.participant_count or "", status],
                               alert=s.late, muted=s.status == "not_sent", tooltip=tip)
        return result


class SupervisionSection(ListFormSection):
    key = "supervision"
    title = N_("People's supervision")
    trash_title = N_("Deleted supervision activities")
    service = SupervisionService
    search_placeholder = N_("Search what was supervised, findings, recommendations, area (Ctrl+F)")
    legend = N_("Red: the recommendations were sent and no answer came within 30 days. Grey: not sent.")

    def __init__(self, window=None):
        super().__init__(window)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.splitter.setSizes([580, 520])  # the form has long texts ("Trưởng bản và Ban phát triển bản"): more room

    def make_source(self):
        return SupervisionSource()

    def make_editor(self):
        return SupervisionForm()

    def count_text(self, n):
        return _("{n} supervision activities").format(n=n)

    def add_filters(self, bar):
        self.add_filter_row(bar, Ui_SupervisionFilters)  # ui/supervision_filters.ui
        self.f_team.set_items([], blank=_(texts.ALL_TEAMS))
        self.f_area.set_items([], blank=_(texts.ALL_AREAS))
        self.f_kind.set_items(vocab.SUPERVISION_KINDS, blank=_("All fields of supervision"))
        self.f_status.set_items([("waiting", _("Waiting for an answer")), ("answered", _("Answered")),
                                 ("acted", _("Carried out")), ("not_sent", _("No recommendation sent"))],
                                blank=_("All statuses"))
        self.print_button = PrintMenuButton()
        self.print_button.setToolTip(_("Print the report of the selected supervision or the year's list"))
        for entry in self.print_button.add_offers("supervision", self.print_job):
            if entry.key == "supervision":  # the report of one activity needs one chosen and saved
                entry.unavailable = self._no_record
        self.search_bar.addWidget(self.print_button)

    def refresh_choices(self):
        self.f_team.set_items(team_choices(), blank=_(texts.ALL_TEAMS))
        self.f_area.set_items(area_choices(), blank=_(texts.ALL_AREAS))

    def apply_filters(self):
        s = self.source
        s.year = self.year
        s.team_id = self.f_team.code()
        s.area_id = self.f_area.code()
        s.kind = self.f_kind.code()
        s.status = self.f_status.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        """From the overview: "" (the year's activities) or "waiting" (for an answer)."""
        self.f_status.set_code(link or None)
        self.reload()

    def new_record(self):
        super().new_record()
        self.prefill_new(self.editor.team, self.f_team.code())

    def describe(self, record_id):
        s = SupervisionService.get(record_id)
        return f"{s.start_date:%d/%m/%Y} – {s.subject}"

    def trash_label(self, record) -> str:
        return f"{record.start_date:%d/%m/%Y} – {record.subject}"

    # --- printing ---------------------------------------------------------------------

    def _no_record(self) -> str | None:
        if self.editor.record is None:
            return _("Choose a supervision in the list first.")
        if self.editor.is_dirty():
            return _("Save the supervision first, then print its report.")
        return None

    def print_job(self, kind, offer):
        if kind.key == "supervision":
            record = self.editor.record
            return offer_job(kind, offer, {"id": record.id}, record.name_of("team"), f"{record.start_date:%Y-%m-%d}")
        return offer_job(kind, offer, {"year": self.year, "team": self.f_team.code(), "area": self.f_area.code()},
                         str(self.year))
