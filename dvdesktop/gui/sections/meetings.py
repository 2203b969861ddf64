"""Họp Tổ dân vận: the meetings of the selected year, newest first; the
quorum counted from the attendance; meetings with overdue tasks in red."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from .. import texts
from ...services.core import vocab
from ...services.listings import meetings as listing
from ...services.meetings import MeetingService
from ..forms.choices import team_choices
from ..forms.meeting_form import MeetingForm
from ..i18n import N_, _
from ..print_preview import offer_job, print_button
from ..table_model import Column, Row, RowSource
from ..generated.ui_meetings_filters import Ui_MeetingsFilters
from ..link_filter import LinkChip, month_text, parse_month
from .base import ListFormSection


def short_team(name: str) -> str:
    """'Tổ dân vận bản Nà Khoang' → 'bản Nà Khoang' (the column says it is a team)."""
    prefix = "Tổ dân vận "
    return name[len(prefix):] if name.startswith(prefix) else name


_as_datetime = listing.as_datetime


class MeetingsSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("starts_at", _("Date"), width=115),
            Column("team", _("Team"), width=120),
            Column("kind", _("Kind"), width=65, optional=True),
            Column("number", _("No."), width=80),
            Column("quorum", _("Present"), sortable=False, numeric=True, width=60, optional=True),
            Column("tasks", _("Tasks open"), sortable=False, numeric=True, width=75, optional=True),
            Column("title", _("Title / place"), sortable=False),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.team_id: int | None = None
        self.kind: str | None = None
        self.status: str | None = None
        self.tasks: str | None = None  # None / "open" / "overdue" (every year)
        self.month: int | None = None  # from a bar of the overview's chart
        self.on_date = dt.date.today()

    def filters(self) -> listing.MeetingFilter:
        return listing.MeetingFilter(query=self.query, year=self.year, team_id=self.team_id, kind=self.kind,
                                     status=self.status, tasks=self.tasks, month=self.month)

    def ids(self, sort_key, descending):
        return listing.meeting_ids(self.filters(), sort_key, descending, self.on_date)

    def rows(self, ids):
        kinds = dict(vocab.MEETING_KINDS)
        result = {}
        for m in listing.meeting_rows(ids, self.on_date):
            quorum = f"{m.present}/{m.listed}" if m.listed else ""
            text = " – ".join(p for p in (m.title, m.place) if p)
            if m.status == "planned":
                text = _("(planned)") + " " + text
            result[m.id] = Row([f"{m.starts_at:%d/%m/%Y %H:%M}", short_team(m.team_name), kinds.get(m.kind, m.kind),
                                m.number, quorum, m.open_tasks or "", text],
                               alert=m.overdue, muted=m.status == "planned",
                               tooltip=_("Has overdue tasks") if m.overdue else None)
        return result


class MeetingsSection(ListFormSection):
    trash_title = N_("Deleted meetings")
    service = MeetingService
    search_placeholder = N_("Search meetings: place, content, area (Ctrl+F)")
    legend = N_("Red: the meeting has a task past its due date and not done. Grey: planned, not "
                "held yet.")

    def __init__(self, window=None):
        super().__init__(window)
        self.splitter.setSizes([500, 670])
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def make_source(self):
        return MeetingsSource()

    def make_editor(self):
        return MeetingForm()

    def count_text(self, n):
        return _("{n} meetings").format(n=n)

    def add_filters(self, bar):
        filters = self.add_filter_row(bar, Ui_MeetingsFilters)  # ui/meetings_filters.ui
        self.f_team.set_items([], blank=_(texts.ALL_TEAMS))
        self.f_kind.set_items(vocab.MEETING_KINDS, blank=_("All kinds of meeting"))
        self.f_status.set_items(vocab.MEETING_STATUSES, blank=_("Held and planned"))
        self.f_tasks.set_items([("open", _("With open tasks")), ("overdue", _("With overdue tasks (any year)"))],
                               blank=_("Tasks: all"))
        self.link_chip = LinkChip(self._clear_month)  # the overview's month, when it sent the clerk here
        filters.filter_row.addWidget(self.link_chip)
        self.print_button = print_button("meeting", self.print_job, _("Print minutes…"))
        self.search_bar.addWidget(self.print_button)

    def _clear_month(self) -> None:
        self.source.month = None
        self.reload()

    def refresh_choices(self):
        self.f_team.set_items(team_choices(), blank=_(texts.ALL_TEAMS))

    def apply_filters(self):
        s = self.source
        s.year = self.year
        s.team_id = self.f_team.code()
        s.kind = self.f_kind.code()
        s.status = self.f_status.code()
        s.tasks = self.f_tasks.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        """From the overview: 'overdue' shows meetings with overdue tasks, 'held' this year's meetings,
        'month:N' the meetings held in month N (a bar of the chart)."""
        month = parse_month(link)
        self.source.month = month
        self.link_chip.show_filter(month_text(month) if month else None)
        self.f_tasks.set_code("overdue" if link == "overdue" else None)
        self.f_status.set_code("held" if link == "held" or month else None)
        self.reload()

    def new_record(self):
        super().new_record()
        self.prefill_new(self.editor.team, self.f_team.code())

    def describe(self, record_id):
        m = MeetingService.get(record_id)
        return _("meeting of {team}, {day}").format(team=m.name_of("team"), day=f"{_as_datetime(m.starts_at):%d/%m/%Y}")

    def print_job(self, kind, offer):
        from ..dialogs import messages

        meeting_id = self.editor.record_id
        if meeting_id is None or self.editor.is_dirty():
            messages().info(self, _("Print minutes…"), _("Save the meeting first, then print its minutes."))
            return None
        m = self.editor.record
        if m.number:  # the number a person knows: bien-ban-hop-03-BB-TDV-2025-to-dan-van-ban-na-khoang
            from ...services.files import suggested_file_name
            from ..print_preview import safe_stem

            stem = suggested_file_name(offer.file_name or kind.file_name, m.number, _as_datetime(m.starts_at).year, "")
            return offer_job(kind, offer, {"id": meeting_id},
                             file_stem=stem.rstrip(".") + "-" + safe_stem(m.name_of("team")))
        return offer_job(kind, offer, {"id": meeting_id},
                         m.name_of("team"), f"{_as_datetime(m.starts_at):%Y-%m-%d}")

    def trash_label(self, record) -> str:
        return f"{record.name_of('team')}, {_as_datetime(record.starts_at):%d/%m/%Y}"
