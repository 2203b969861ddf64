"""Thành viên: one list of every person, one row each with their current roles."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QPushButton

from ...services import vocab
from ...services.register import PersonService
from ..forms.choices import area_choices, ethnicity_choices, team_choices
from ..forms.person_form import PersonForm
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..widgets import ChoiceCombo
from .base import ListFormSection

_TOKEN_SPLIT = re.compile(r"[\s%_\\]+")


def search_tokens(text: str) -> list[str]:
    """Folded words of a search; LIKE wildcards are dropped, not escaped
    (search_text never contains them)."""
    from ...vn import fold

    return [t for t in _TOKEN_SPLIT.split(fold(text)) if t]


class PeopleSource(RowSource):
    """People filtered in SQL on the indexed search_text and name_sort columns."""

    def __init__(self):
        self.columns = [
            Column("name", _("Full name"), width=190),
            Column("gender", _("Gender"), width=70),
            Column("birth_year", _("Born"), numeric=True, width=75),
            Column("ethnicity", _("Ethnic group"), width=80),
            Column("phone", _("Phone"), width=105),
            Column("area", _("Area"), width=120),
            Column("party", _("Party"), width=75),
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

    def _memberships(self, current: bool):
        from ...store.models import Membership

        on = self.on_date
        query = Membership.select(Membership.person)
        if current:
            query = query.where((Membership.start_date <= on) & (Membership.end_date.is_null() | (Membership.end_date > on)))
        else:
            query = query.where(Membership.end_date.is_null(False) & (Membership.end_date <= on))
        if self.team_id is not None:
            query = query.where(Membership.team == self.team_id)
        if self.role:
            query = query.where(Membership.role == self.role)
        return query

    def filtered(self):
        from ...store.models import Person

        q = Person.select(Person.id).where(Person.deleted_at.is_null())
        for token in search_tokens(self.query):
            q = q.where(Person.search_text.contains(token))
        if self.area_id is not None:
            q = q.where(Person.area == self.area_id)
        if self.party is not None:
            q = q.where(Person.party_member == self.party)
        if self.gender:
            q = q.where(Person.gender == self.gender)
        if self.ethnicity:
            q = q.where(Person.ethnicity == self.ethnicity)
        if self.status == "former":
            q = q.where(Person.id.in_(self._memberships(False)) & Person.id.not_in(self._memberships_any_current()))
        elif self.status == "none":
            q = q.where(Person.id.not_in(self._memberships_any_current()))
        elif self.status == "current" or self.team_id is not None or self.role:
            q = q.where(Person.id.in_(self._memberships(True)))
        return q

    def _memberships_any_current(self):
        from ...store.models import Membership

        on = self.on_date
        return Membership.select(Membership.person).where(
            (Membership.start_date <= on) & (Membership.end_date.is_null() | (Membership.end_date > on)))

    def ids(self, sort_key, descending):
        import peewee as pw

        from ...store.models import Area, Person

        q = self.filtered()
        orders = {
            None: [Person.name_sort], "name": [Person.name_sort], "gender": [Person.gender, Person.name_sort],
            "birth_year": [Person.birth_year, Person.name_sort], "ethnicity": [Person.ethnicity, Person.name_sort],
            "phone": [Person.phone], "party": [Person.party_member, Person.name_sort],
        }
        if sort_key == "area":
            q = q.join(Area, join_type=pw.JOIN.LEFT_OUTER, on=(Person.area == Area.id))
            order = [Area.name_sort, Person.name_sort]
        else:
            order = orders.get(sort_key, [Person.name_sort])
        if descending:
            order = [o.desc() for o in order]
        return [r[0] for r in q.order_by(*order, Person.id).tuples()]

    def rows(self, ids):
        from ...services.register import person_roles
        import peewee as pw

        from ...store.models import Area, Person

        genders = dict(vocab.GENDERS)
        roles = person_roles(ids, self.on_date)
        result = {}
        query = (Person.select(Person.id, Person.full_name, Person.gender, Person.birth_year, Person.ethnicity,
                               Person.phone, Area.name, Person.party_member)
                 .join(Area, join_type=pw.JOIN.LEFT_OUTER, on=(Person.area == Area.id))
                 .where(Person.id.in_(ids)).tuples())
        yes = _("Yes")
        for pid, name, gender, year, ethnicity, phone, area, party in query:
            current = roles.get(pid) or []
            result[pid] = Row([name, genders.get(gender, gender), year or "", ethnicity, phone, area or "",
                               yes if party else "", "; ".join(current)],
                              tooltip="\n".join(current) or None)
        return result


class PeopleSection(ListFormSection):
    key = "people"
    title = N_("Members")
    service = PersonService
    search_placeholder = N_("Search name or phone (Ctrl+F)")

    def make_source(self):
        return PeopleSource()

    def make_editor(self):
        return PersonForm()

    def count_text(self, n):
        return _("{n} people").format(n=f"{n:,}".replace(",", "."))

    def add_filters(self, bar):
        self.f_area = ChoiceCombo([], blank=_("All areas"))
        self.f_team = ChoiceCombo([], blank=_("All teams"))
        self.f_role = ChoiceCombo(vocab.TEAM_ROLES, blank=_("All roles"))
        self.f_status = ChoiceCombo([("current", _("Current members")), ("former", _("Former members")),
                                     ("none", _("Not in a team"))], blank=_("Everyone"))
        self.f_party = ChoiceCombo([(True, _("Party members")), (False, _("Not party members"))],
                                   blank=_("Party: all"))
        self.f_gender = ChoiceCombo(vocab.GENDERS, blank=_("Gender: all"))
        self.f_ethnicity = ChoiceCombo([], blank=_("Ethnic group: all"))
        for combo in (self.f_area, self.f_team, self.f_role, self.f_status, self.f_party, self.f_gender,
                      self.f_ethnicity):
            combo.currentIndexChanged.connect(self.filters_changed)
            bar.addWidget(combo, 1)
        trash = QPushButton(_("Trash…"))
        trash.clicked.connect(self.open_trash)
        self.search_bar.addWidget(trash)

    def refresh_choices(self) -> None:
        self.f_area.set_items(area_choices(), blank=_("All areas"))
        self.f_team.set_items(team_choices(), blank=_("All teams"))
        self.f_ethnicity.set_items(ethnicity_choices(), blank=_("Ethnic group: all"))

    def refresh(self):
        self.refresh_choices()
        super().refresh()

    def activated(self):
        self.refresh_choices()
        self.reload()

    def apply_filters(self):
        s = self.source
        s.area_id = self.f_area.code()
        s.team_id = self.f_team.code()
        s.role = self.f_role.code()
        s.status = self.f_status.code()
        s.party = self.f_party.code()
        s.gender = self.f_gender.code()
        s.ethnicity = self.f_ethnicity.code()

    def open_trash(self):
        from ..trash import TrashDialog

        TrashDialog(self, PersonService, _("Deleted people"), lambda p: p.full_name).exec()
        self.reload()
