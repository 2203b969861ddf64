"""Mô hình "Dân vận khéo": the models of the selected year."""
from __future__ import annotations

import datetime as dt

from .. import texts
from ...services.core import vocab
from ...services.exemplary import ExemplaryModelService
from ...services.listings import exemplary as listing
from ..forms.campaign_forms import ExemplaryModelForm
from ..forms.choices import team_choices
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..generated.ui_exemplary_filters import Ui_ExemplaryFilters
from .base import ListFormSection


class ModelsSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("name", _("Model"), width=260),
            Column("field", _("Field"), width=150),
            Column("team", _("Team"), width=150),
            Column("level", _("Level recognised"), width=110),
            Column("results", _("Results"), sortable=False),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.field: str | None = None
        self.level: str | None = None
        self.team_id: int | None = None

    def ids(self, sort_key, descending):
        return listing.model_ids(listing.ModelFilter(query=self.query, year=self.year, field=self.field,
                                                     level=self.level, team_id=self.team_id), sort_key, descending)

    def rows(self, ids):
        result = {}
        for m in listing.model_rows(ids):
            team = m.team_name if m.team_name is not None else _("(commune level)")
            results = m.results.strip().splitlines()[0] if m.results.strip() else ""
            result[m.id] = Row([m.name, m.field, team, m.level or _("Not yet recognised"), results],
                               tooltip=m.description or None)
        return result


class ExemplarySection(ListFormSection):
    trash_title = N_("Deleted models")
    service = ExemplaryModelService
    search_placeholder = N_("Search model, team, description (Ctrl+F)")

    def make_source(self):
        return ModelsSource()

    def make_editor(self):
        return ExemplaryModelForm()

    def count_text(self, n):
        return _("{n} models").format(n=n)

    def add_filters(self, bar):
        self.add_filter_row(bar, Ui_ExemplaryFilters)  # ui/exemplary_filters.ui
        self.f_field.set_items([(f, f) for f in vocab.MODEL_FIELDS], blank=_("All fields"))
        self.f_level.set_items([(lv, lv or _("Not yet recognised")) for lv in vocab.MODEL_LEVELS],
                               blank=_("All levels"))
        self.f_team.set_items([], blank=_(texts.ALL_TEAMS))

    def refresh_choices(self) -> None:
        self.f_team.set_items(team_choices(), blank=_(texts.ALL_TEAMS))

    def apply_filters(self):
        self.source.year = self.year
        self.source.field = self.f_field.code()
        self.source.level = self.f_level.code()
        self.source.team_id = self.f_team.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        self.reload()

    def trash_label(self, record) -> str:
        return f"{record.name} ({record.year})"
