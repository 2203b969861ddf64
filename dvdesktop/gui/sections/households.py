"""Hộ khó khăn: poor and struggling households the teams help, what help
each got, by whom, and the year it left poverty."""
from __future__ import annotations

import datetime as dt

from .. import texts
from ...services.core import vocab
from ...services.households import HouseholdService
from ...services.listings import households as listing
from ..forms.campaign_forms import HouseholdForm, SupportForm
from ..forms.choices import area_choices
from ..forms.detail_editor import DetailEditor
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..generated.ui_households_filters import Ui_HouseholdsFilters
from .base import ListFormSection


class HouseholdsSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("head_name", _("Head of household"), width=150),
            Column("area", _("Area"), width=100),
            Column("situation", _("Situation"), width=100),
            Column("members", _("People"), numeric=True, width=75),
            Column("since_year", _("Since year"), numeric=True, width=65),
            Column("left_poverty_year", _("Left poverty"), numeric=True, width=90),
            Column("help", _("Help this year"), sortable=False),
        ]
        self.query = ""
        self.year = dt.date.today().year
        self.situation: str | None = None
        self.area_id: int | None = None
        self.state: str | None = None  # None / "still" (not out of poverty) / "left" (left in self.year)

    def ids(self, sort_key, descending):
        return listing.household_ids(listing.HouseholdFilter(query=self.query, year=self.year,
                                                             situation=self.situation, area_id=self.area_id,
                                                             state=self.state), sort_key, descending)

    def rows(self, ids):
        from ...vn import format_number

        situations = dict(vocab.HOUSEHOLD_SITUATIONS)
        result = {}
        for h in listing.household_rows(ids, self.year):
            text = (_("{n} times, {value} đồng").format(n=h.help_count, value=format_number(h.help_value))
                    if h.help_count else "")
            result[h.id] = Row([h.head_name, h.area_name, situations.get(h.situation, h.situation), h.members or "",
                                h.since_year or "", h.left_poverty_year or "", text],
                               muted=h.left_poverty_year is not None and h.left_poverty_year <= self.year)
        return result


class HouseholdEditor(DetailEditor):
    def __init__(self, parent=None):
        super().__init__(HouseholdForm(), SupportForm(), _("Hel&p given"),
                         [_("Date"), _("Kind of help"), _("Given by"), _("Value (đồng)")],
                         self.support_rows, _("Add help"), parent, widths=[85, 130, 150])

    @staticmethod
    def support_rows(household_id):
        from ...vn import format_number

        return [(s.id, [f"{s.given_on:%d/%m/%Y}", s.kind, s.given_by, format_number(s.value)])
                for s in listing.support_lines(household_id)]

    def update_totals(self):
        from ...vn import format_number

        if self.record_id is None:
            self.totals.setText("")
            return
        n, value = listing.support_total(self.record_id)
        self.totals.setText(_("{n} times in all, {value} đồng").format(n=n, value=format_number(value)))

    @property
    def year(self):
        return self.child_form.year

    @year.setter
    def year(self, value):
        self.child_form.year = value


class HouseholdsSection(ListFormSection):
    trash_title = N_("Deleted households")
    service = HouseholdService
    search_placeholder = N_("Search head of household (Ctrl+F)")

    def make_source(self):
        return HouseholdsSource()

    def make_editor(self):
        return HouseholdEditor()

    def count_text(self, n):
        return _("{n} households").format(n=n)

    def add_filters(self, bar):
        self.add_filter_row(bar, Ui_HouseholdsFilters)  # ui/households_filters.ui
        self.f_situation.set_items(vocab.HOUSEHOLD_SITUATIONS, blank=_("All situations"))
        self.f_area.set_items([], blank=_(texts.ALL_AREAS))
        self.f_state.set_items([("still", _("Still in difficulty")), ("left", _("Left poverty this year"))],
                               blank=_("All households"))

    def refresh_choices(self) -> None:
        self.f_area.set_items(area_choices(), blank=_(texts.ALL_AREAS))

    def apply_filters(self):
        self.source.year = self.year
        self.source.situation = self.f_situation.code()
        self.source.area_id = self.f_area.code()
        self.source.state = self.f_state.code()
        self.editor.year = self.year

    def describe(self, record_id):
        return HouseholdService.get(record_id).head_name

    def trash_label(self, record) -> str:
        return record.head_name
