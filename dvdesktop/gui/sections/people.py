"""Thành viên: one list of every person, one row each with their current roles."""
from __future__ import annotations

import datetime as dt

from .. import texts
from ...services.core import vocab
from ...services.listings import people as listing
from ...services.register import PersonService
from ..forms.choices import area_choices, ethnicity_choices, team_choices
from ..forms.person_form import PersonForm
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..generated.ui_people_filters import Ui_PeopleFilters
from .base import ListFormSection


class PeopleSource(RowSource):
    """People filtered in SQL on the indexed search_text and name_sort columns
    (services.listings.people); the filter widgets set the attributes."""

    def __init__(self):
        self.columns = [
            Column("name", _("Full name"), width=190),
            Column("gender", _("Gender"), width=70),
            Column("birth_year", _("Born"), numeric=True, width=75),
            Column("ethnicity", _("Ethnic group"), width=80, optional=True),
            Column("phone", _("Phone"), width=105, optional=True),
            Column("area", _("Area"), width=120),
            Column("party", _("Party"), width=75, optional=True),
            Column("roles", _("Current roles"), sortable=False),
        ]
        self.query = ""
        self.area_id: int | None = None
        self.team_id: int | None = None
        self.role: str | None = None
        self.status: str | None = None  # None / "current" / "former" / "none"
        self.party: bool | None = None
        self.gender: str | None = None
        self.ethnicity: str | None = None
        self.on_date: dt.date = dt.date.today()

    def filters(self) -> listing.PeopleFilter:
        return listing.PeopleFilter(query=self.query, area_id=self.area_id, team_id=self.team_id, role=self.role,
                                    status=self.status, party=self.party, gender=self.gender,
                                    ethnicity=self.ethnicity)

    first_block = 60  # a keystroke reads one screen of ids; the model reads the rest right after

    def ids(self, sort_key, descending, limit=None):
        return listing.people_ids(self.filters(), sort_key, descending, self.on_date, limit=limit)

    def rows(self, ids):
        genders = dict(vocab.GENDERS)
        yes = _("Yes")
        return {p.id: Row([p.full_name, genders.get(p.gender, p.gender), p.birth_year or "", p.ethnicity, p.phone,
                           p.area_name, yes if p.party_member else "", "; ".join(p.roles)],
                          tooltip="\n".join(p.roles) or None)
                for p in listing.people_rows(ids, self.on_date)}


class PeopleSection(ListFormSection):
    trash_title = N_("Deleted people")
    service = PersonService
    search_placeholder = N_("Search name or phone (Ctrl+F)")

    def __init__(self, window=None):
        super().__init__(window)
        from ..import_dialog import add_import_button

        self.import_button = add_import_button(self, self.search_bar)

    def make_source(self):
        return PeopleSource()

    def make_editor(self):
        return PersonForm()

    def count_text(self, n):
        return _("{n} people").format(n=n)

    def add_filters(self, bar):
        # two rows of drop-downs (ui/people_filters.ui): seven in one made the window wider than a
        # 1366-pixel screen at 125 %
        self.add_filter_row(bar, Ui_PeopleFilters)
        self.f_area.set_items([], blank=_(texts.ALL_AREAS))
        self.f_team.set_items([], blank=_(texts.ALL_TEAMS))
        self.f_role.set_items(vocab.TEAM_ROLES, blank=_("All roles"))
        self.f_status.set_items([("current", _("Current members")), ("former", _("Former members")),
                                 ("none", _("Not in a team"))], blank=_("Everyone"))
        self.f_party.set_items([(True, _("Party members")), (False, _("Not party members"))], blank=_("Party: all"))
        self.f_gender.set_items(vocab.GENDERS, blank=_("Gender: all"))
        self.f_ethnicity.set_items([], blank=_("Ethnic group: all"))

    def refresh_choices(self) -> None:
        self.f_area.set_items(area_choices(), blank=_(texts.ALL_AREAS))
        self.f_team.set_items(team_choices(), blank=_(texts.ALL_TEAMS))
        self.f_ethnicity.set_items(ethnicity_choices(), blank=_("Ethnic group: all"))

    def apply_filters(self):
        s = self.source
        s.area_id = self.f_area.code()
        s.team_id = self.f_team.code()
        s.role = self.f_role.code()
        s.status = self.f_status.code()
        s.party = self.f_party.code()
        s.gender = self.f_gender.code()
        s.ethnicity = self.f_ethnicity.code()

    def trash_label(self, record) -> str:
        return record.full_name
