"""Hộ khó khăn: poor and struggling households the teams help, what help
each got, by whom, and the year it left poverty."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPushButton

from ...services import vocab
from ...services.campaigns import HouseholdService
from ..forms.campaign_forms import HouseholdForm, SupportForm
from ..forms.choices import area_choices
from ..forms.detail_editor import DetailEditor
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..widgets import ChoiceCombo
from .base import ListFormSection
from .people import search_tokens


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
        from ...store.models import Area, Household
        from ...vn import fold, name_sort_key

        q = (Household.select(Household.id, Household.head_name, Area.name_sort, Household.situation,
                              Household.members, Household.since_year, Household.left_poverty_year)
             .join(Area).where(Household.deleted_at.is_null()))
        if self.situation:
            q = q.where(Household.situation == self.situation)
        if self.area_id is not None:
            q = q.where(Household.area == self.area_id)
        if self.state == "still":
            q = q.where(Household.left_poverty_year.is_null() | (Household.left_poverty_year > self.year))
        elif self.state == "left":
            q = q.where(Household.left_poverty_year == self.year)
        rows = list(q.tuples())
        tokens = search_tokens(self.query)
        if tokens:  # hundreds of households in a commune: folded in Python
            rows = [r for r in rows if all(t in fold(r[1]) for t in tokens)]
        index = {"area": 2, "situation": 3, "members": 4, "since_year": 5, "left_poverty_year": 6}.get(sort_key)
        if index is None:
            rows.sort(key=lambda r: name_sort_key(r[1]), reverse=descending)
        else:
            rows.sort(key=lambda r: (r[index] is None, r[index] if r[index] is not None else 0
                                     if index != 2 else "", name_sort_key(r[1])), reverse=descending)
        return [r[0] for r in rows]

    def rows(self, ids):
        import peewee as pw

        from ...store.models import Area, Household, HouseholdSupport
        from ...vn import format_number

        start, end = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        help_ = {hid: (n, value) for hid, n, value in
                 HouseholdSupport.select(HouseholdSupport.household, pw.fn.COUNT(HouseholdSupport.id),
                                         pw.fn.COALESCE(pw.fn.SUM(HouseholdSupport.value), 0))
                 .where(HouseholdSupport.household.in_(ids) & (HouseholdSupport.given_on >= start)
                        & (HouseholdSupport.given_on <= end))
                 .group_by(HouseholdSupport.household).tuples()}
        situations = dict(vocab.HOUSEHOLD_SITUATIONS)
        result = {}
        for h in Household.select(Household, Area).join(Area).where(Household.id.in_(ids)):
            n, value = help_.get(h.id, (0, 0))
            text = _("{n} times, {value} đồng").format(n=n, value=format_number(int(value or 0))) if n else ""
            result[h.id] = Row([h.head_name, h.area.name, situations.get(h.situation, h.situation), h.members or "",
                                h.since_year or "", h.left_poverty_year or "", text],
                               muted=h.left_poverty_year is not None and h.left_poverty_year <= self.year)
        return result


class HouseholdEditor(DetailEditor):
    def __init__(self, parent=None):
        super().__init__(HouseholdForm(), SupportForm(), _("Help given"),
                         [_("Date"), _("Kind of help"), _("Given by"), _("Value (đồng)")],
                         self.support_rows, _("Add help"), parent, widths=[85, 130, 150])

    @staticmethod
    def support_rows(household_id):
        from ...store.models import HouseholdSupport
        from ...vn import format_number

        rows = (HouseholdSupport.select().where(HouseholdSupport.household == household_id)
                .order_by(HouseholdSupport.given_on.desc(), HouseholdSupport.id.desc()))
        return [(s.id, [f"{s.given_on:%d/%m/%Y}", s.kind, s.given_by, format_number(s.value)]) for s in rows]

    def update_totals(self):
        from ...store.models import HouseholdSupport
        from ...vn import format_number

        if self.record_id is None:
            self.totals.setText("")
            return
        values = [s.value for s in HouseholdSupport.select(HouseholdSupport.value)
                  .where(HouseholdSupport.household == self.record_id)]
        self.totals.setText(_("{n} times in all, {value} đồng").format(n=len(values),
                                                                       value=format_number(sum(values))))

    @property
    def year(self):
        return self.child_form.year

    @year.setter
    def year(self, value):
        self.child_form.year = value


class HouseholdsSection(ListFormSection):
    key = "households"
    title = N_("Households helped")
    service = HouseholdService
    search_placeholder = N_("Search head of household (Ctrl+F)")

    def make_source(self):
        return HouseholdsSource()

    def make_editor(self):
        return HouseholdEditor()

    def count_text(self, n):
        return _("{n} households").format(n=n)

    def add_filters(self, bar):
        self.f_situation = ChoiceCombo(vocab.HOUSEHOLD_SITUATIONS, blank=_("All situations"))
        self.f_area = ChoiceCombo([], blank=_("All areas"))
        self.f_state = ChoiceCombo([("still", _("Still in difficulty")), ("left", _("Left poverty this year"))],
                                   blank=_("All households"))
        for combo in (self.f_situation, self.f_area, self.f_state):
            combo.currentIndexChanged.connect(self.filters_changed)
            bar.addWidget(combo, 1)
        trash = QPushButton(_("Trash…"))
        trash.clicked.connect(self.open_trash)
        self.search_bar.addWidget(trash)

    def refresh(self):
        self.f_area.set_items(area_choices(), blank=_("All areas"))
        super().refresh()

    def activated(self):
        self.refresh()

    def apply_filters(self):
        self.source.year = self.year
        self.source.situation = self.f_situation.code()
        self.source.area_id = self.f_area.code()
        self.source.state = self.f_state.code()
        self.editor.year = self.year

    def describe(self, record_id):
        return HouseholdService.get(record_id).head_name

    def open_trash(self):
        from ..trash import TrashDialog

        TrashDialog(self, HouseholdService, _("Deleted households"), lambda h: h.head_name).exec()
        self.reload()
