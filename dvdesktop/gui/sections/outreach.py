"""Tuyên truyền, vận động: the sessions of the selected year, newest first."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from .. import texts
from ...services.core import vocab
from ...services.listings import outreach as listing
from ...services.outreach import OutreachService
from ..forms.choices import team_choices
from ..forms.outreach_form import OutreachForm
from ..i18n import N_, _
from ..print_preview import offer_job, print_button
from ..table_model import Column, Row, RowSource
from ..generated.ui_outreach_filters import Ui_OutreachFilters
from ..link_filter import LinkChip, month_text, parse_month
from .base import ListFormSection
from .meetings import short_team


class OutreachSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("held_on", _("Date"), width=85),
            Column("team", _("Team"), width=140),
            Column("form", _("Form"), width=115, optional=True),
            Column("topic", _("Topic"), width=220),
            Column("audience_total", _("Listeners"), numeric=True, width=80),
            Column("audience_women", _("Women"), numeric=True, width=55, optional=True),
            Column("audience_minority", _("Minorities"), numeric=True, width=80, optional=True),
            Column("presenters", _("Presenters"), sortable=False, optional=True),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.team_id: int | None = None
        self.form: str | None = None
        self.month: int | None = None  # from a bar of the overview's chart

    def filters(self) -> listing.OutreachFilter:
        return listing.OutreachFilter(query=self.query, year=self.year, team_id=self.team_id, form=self.form,
                                      month=self.month)

    def ids(self, sort_key, descending):
        return listing.outreach_ids(self.filters(), sort_key, descending)

    def totals(self) -> tuple[int, int, int, int]:
        t = listing.outreach_totals(self.filters())
        return t.sessions, t.audience, t.women, t.minority

    def rows(self, ids):
        return {s.id: Row([f"{s.held_on:%d/%m/%Y}", short_team(s.team_name), s.form, s.topic, s.audience_total,
                           s.audience_women, s.audience_minority, s.presenters],
                          tooltip=s.policy or None)
                for s in listing.outreach_rows(ids)}


class OutreachSection(ListFormSection):
    trash_title = N_("Deleted sessions")
    service = OutreachService
    search_placeholder = N_("Search topic, policy, place, presenter (Ctrl+F)")

    def __init__(self, window=None):
        super().__init__(window)
        self._sort_newest_first()
        self.save_new_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.save_new_shortcut.activated.connect(self.save_and_new)
        self.save_new_shortcut2 = QShortcut(QKeySequence("Ctrl+Enter"), self)
        self.save_new_shortcut2.activated.connect(self.save_and_new)

    def _sort_newest_first(self):
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def make_source(self):
        return OutreachSource()

    def make_editor(self):
        return OutreachForm()

    def count_text(self, n):
        from ...vn import format_number

        _n, total, women, minority = self.source.totals()
        return _("{n} sessions, {total} listeners ({women} women, {minority} ethnic minorities)").format(
            n=n, total=format_number(total), women=format_number(women), minority=format_number(minority))

    def add_filters(self, bar):
        filters = self.add_filter_row(bar, Ui_OutreachFilters)  # ui/outreach_filters.ui
        self.f_team.set_items([], blank=_(texts.ALL_TEAMS))
        self.f_form.set_items([(f, f) for f in vocab.OUTREACH_FORMS], blank=_("All forms"))
        self.link_chip = LinkChip(self._clear_month)  # the overview's month, when it sent the clerk here
        filters.filter_row.insertWidget(2, self.link_chip)  # after the drop-downs, before the row's end
        self.save_new_button = QPushButton(_("Save and new"))
        self.save_new_button.setToolTip(_("Save, then a new session with the same team, date and form (Ctrl+Enter)"))
        self.save_new_button.clicked.connect(self.save_and_new)
        self.search_bar.addWidget(self.save_new_button)
        self.print_button = print_button("outreach", self.print_job, _("Print record…"))
        self.search_bar.addWidget(self.print_button)

    def refresh_choices(self):
        self.f_team.set_items(team_choices(), blank=_(texts.ALL_TEAMS))

    def apply_filters(self):
        self.source.year = self.year
        self.source.team_id = self.f_team.code()
        self.source.form = self.f_form.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        """From the overview: 'month:N' the sessions held in month N (a bar of the chart)."""
        month = parse_month(link)
        self.source.month = month
        self.link_chip.show_filter(month_text(month) if month else None)
        self.reload()

    def _clear_month(self) -> None:
        self.source.month = None
        self.reload()

    def new_record(self):
        super().new_record()
        self.prefill_new(self.editor.team, self.f_team.code())

    def save_and_new(self) -> None:
        def ready_for_next(_record_id):
            self._reverting = True
            self.view.clearSelection()
            self.view.setCurrentIndex(self.model.index(-1, -1))
            self._reverting = False
            self.status.emit(_("Saved. Enter the next session."))

        self.editor.save_and_new(then=ready_for_next)

    def describe(self, record_id):
        s = OutreachService.get(record_id)
        return f"{s.held_on:%d/%m/%Y} – {s.topic}"

    def print_job(self, kind, offer):
        from ..dialogs import messages

        record = self.editor.record
        if record is None or self.editor.is_dirty():
            messages().info(self, _("Print record…"), _("Save the session first, then print its record."))
            return None
        return offer_job(kind, offer, {"id": record.id}, record.name_of("team"), f"{record.held_on:%Y-%m-%d}")

    def trash_label(self, record) -> str:
        return f"{record.held_on:%d/%m/%Y} – {record.topic}"
