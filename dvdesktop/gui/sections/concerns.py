"""Ý kiến, kiến nghị: concerns received in the selected year (or every
overdue one), newest first; overdue concerns in red."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from .. import texts
from ...services.core import vocab
from ...services.concerns import RESOLVED, ConcernService
from ...services.listings import concerns as listing
from ..forms.choices import area_choices, team_choices
from ..forms.concern_form import ConcernForm
from ..i18n import N_, _
from ..print_preview import offer_job, print_button
from ..table_model import Column, Row, RowSource
from ..generated.ui_concerns_filters import Ui_ConcernsFilters
from ..link_filter import LinkChip, month_text, parse_month
from .base import ListFormSection


# how a concern's answer came (services.overview_charts.TIMELINESS), as the charts say it
TIMELINESS_LABELS = {"on_time": N_("Answered on time"), "late": N_("Answered late"),
                     "overdue": N_("Overdue, not answered"), "waiting": N_("Not due yet")}


class ConcernsSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("received_on", _("Received"), width=95),
            Column("raised_by", _("Raised by"), width=130),
            Column("area", _("Area"), width=110, optional=True),
            Column("field", _("Field"), width=110, optional=True),
            Column("content", _("Content"), sortable=False, width=260),
            Column("status", _("Status"), width=95),
            Column("due_date", _("Due"), width=85),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.status: str | None = None  # a status code, "open" (not resolved) or "overdue" (of the year)
        self.field: str | None = None
        self.area_id: int | None = None
        self.team_id: int | None = None
        self.month: int | None = None  # from a bar of the overview's charts
        self.timeliness: str | None = None
        self.on_date = dt.date.today()

    def filters(self) -> listing.ConcernFilter:
        return listing.ConcernFilter(query=self.query, year=self.year, status=self.status, field=self.field,
                                     area_id=self.area_id, team_id=self.team_id, month=self.month,
                                     timeliness=self.timeliness)

    def ids(self, sort_key, descending):
        return listing.concern_ids(self.filters(), sort_key, descending, self.on_date)

    def rows(self, ids):
        statuses = dict(vocab.CONCERN_STATUSES)
        result = {}
        for c in listing.concern_rows(ids, self.on_date):
            who = _("Anonymous") if c.anonymous else c.raised_by
            first_line = c.content.strip().splitlines()[0] if c.content.strip() else ""
            result[c.id] = Row([f"{c.received_on:%d/%m/%Y}", who, c.area_name, c.field, first_line,
                                statuses.get(c.status, c.status),
                                f"{c.due_date:%d/%m/%Y}" if c.due_date else ""],
                               alert=c.overdue, muted=c.resolved,
                               tooltip=(_("Overdue") + "\n" if c.overdue else "") + c.content[:500])
        return result


class ConcernsSection(ListFormSection):
    trash_title = N_("Deleted concerns")
    service = ConcernService
    search_placeholder = N_("Search content, person, recipient, field, area (Ctrl+F)")
    legend = N_("Red: overdue, not answered by its due date (30 days after it was received "
                "unless another date is set). Grey: resolved.")

    def _sort_newest_first(self):
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def __init__(self, window=None):
        super().__init__(window)
        self._sort_newest_first()
        # the meeting drop-down ("18/03/2025 – họp định kỳ (01-BB/TDV)") needs the
        # room of supervision's form; at 125 % on a 1366-wide screen it was cut
        self.splitter.setSizes([520, 560])

    def make_source(self):
        return ConcernsSource()

    def make_editor(self):
        return ConcernForm()

    def count_text(self, n):
        return _("{n} concerns").format(n=n)

    def add_filters(self, bar):
        filters = self.add_filter_row(bar, Ui_ConcernsFilters)  # ui/concerns_filters.ui
        self.f_status.set_items([("open", _("Not resolved")), ("overdue", _("Overdue, not answered"))]
                                + list(vocab.CONCERN_STATUSES), blank=_("All statuses"))
        self.f_field.set_items([(f, f) for f in vocab.CONCERN_FIELDS], blank=_("All fields"))
        self.f_area.set_items([], blank=_(texts.ALL_AREAS))
        self.f_team.set_items([], blank=_(texts.ALL_TEAMS))
        self.link_chip = LinkChip(self._clear_link)  # what the overview sent the clerk here for
        filters.filter_row.addWidget(self.link_chip)
        self.print_button = print_button("concerns", self.print_job, _("Print register…"))
        self.print_button.setToolTip(_("The concerns received in the selected year (of the chosen team)"))
        self.search_bar.addWidget(self.print_button)

    def refresh_choices(self):
        self.f_area.set_items(area_choices(), blank=_(texts.ALL_AREAS))
        self.f_team.set_items(team_choices(), blank=_(texts.ALL_TEAMS))

    def apply_filters(self):
        s = self.source
        s.year = self.year
        s.status = self.f_status.code()
        s.field = self.f_field.code()
        s.area_id = self.f_area.code()
        s.team_id = self.f_team.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        """From the overview: 'overdue', 'received' (this year), 'resolved'; from its
        charts 'month:N' (received in month N) and 'timeliness:KIND' (how the answer came)."""
        from ...services.overview_charts import TIMELINESS

        month = parse_month(link)
        kind, _sep, value = link.partition(":")
        timeliness = value if kind == "timeliness" and value in TIMELINESS else None
        self.source.month, self.source.timeliness = month, timeliness
        chip = month_text(month) if month else _(TIMELINESS_LABELS[timeliness]) if timeliness else None
        self.link_chip.show_filter(chip)
        self.f_status.set_code({"overdue": "overdue", "resolved": RESOLVED}.get(link))
        self.reload()

    def _clear_link(self) -> None:
        self.source.month = self.source.timeliness = None
        self.reload()

    def describe(self, record_id):
        c = ConcernService.get(record_id)
        return _("concern of {day}").format(day=f"{c.received_on:%d/%m/%Y}")

    def print_job(self, kind, offer):
        team = self.f_team.code()
        return offer_job(kind, offer, {"year": self.year, "team": team}, str(self.year))

    def trash_label(self, record) -> str:
        return f"{record.received_on:%d/%m/%Y} – {(record.content or '')[:60]}"
