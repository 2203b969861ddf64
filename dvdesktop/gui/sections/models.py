"""Mô hình "Dân vận khéo": the models of the selected year."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPushButton

from ...services import vocab
from ...services.exemplary import ExemplaryModelService
from ..forms.campaign_forms import ExemplaryModelForm
from ..forms.choices import team_choices
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..widgets import ChoiceCombo
from .base import ListFormSection
from .people import search_tokens


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
        import peewee as pw

        from ...store.models import ExemplaryModel, Team
        from ...vn import fold, sort_key as vn_key

        q = (ExemplaryModel.select(ExemplaryModel.id, ExemplaryModel.name, ExemplaryModel.field, Team.name,
                                   ExemplaryModel.level, ExemplaryModel.description)
             .join(Team, pw.JOIN.LEFT_OUTER, on=(ExemplaryModel.team == Team.id))
             .where(ExemplaryModel.deleted_at.is_null()))
        if self.year is not None:
            q = q.where(ExemplaryModel.year == self.year)
        if self.field:
            q = q.where(ExemplaryModel.field == self.field)
        if self.level is not None:
            q = q.where(ExemplaryModel.level == self.level)
        if self.team_id is not None:
            q = q.where(ExemplaryModel.team == self.team_id)
        rows = list(q.tuples())
        tokens = search_tokens(self.query)
        if tokens:  # tens of models a year: folded in Python
            rows = [r for r in rows if all(t in fold(f"{r[1]} {r[3] or ''} {r[5]}") for t in tokens)]
        index = {"field": 2, "team": 3, "level": 4}.get(sort_key, 1)
        rows.sort(key=lambda r: (vn_key(r[index] or ""), vn_key(r[1])), reverse=descending)
        return [r[0] for r in rows]

    def rows(self, ids):
        import peewee as pw

        from ...store.models import ExemplaryModel, Team

        result = {}
        q = (ExemplaryModel.select(ExemplaryModel, Team.name)
             .join(Team, pw.JOIN.LEFT_OUTER, on=(ExemplaryModel.team == Team.id)).where(ExemplaryModel.id.in_(ids)))
        for m in q:
            team = m.team.name if m.team_id else _("(commune level)")
            results = (m.results or "").strip().splitlines()[0] if (m.results or "").strip() else ""
            result[m.id] = Row([m.name, m.field, team, m.level or _("Not yet recognised"), results],
                               tooltip=m.description or None)
        return result


class ModelsSection(ListFormSection):
    key = "models"
    title = N_("\"Skilful mobilisation\" models")
    service = ExemplaryModelService
    search_placeholder = N_("Search model, team, description (Ctrl+F)")

    def make_source(self):
        return ModelsSource()

    def make_editor(self):
        return ExemplaryModelForm()

    def count_text(self, n):
        return _("{n} models").format(n=n)

    def add_filters(self, bar):
        self.f_field = ChoiceCombo([(f, f) for f in vocab.MODEL_FIELDS], blank=_("All fields"))
        self.f_level = ChoiceCombo([(lv, lv or _("Not yet recognised")) for lv in vocab.MODEL_LEVELS],
                                   blank=_("All levels"))
        self.f_team = ChoiceCombo([], blank=_("All teams"))
        for combo in (self.f_field, self.f_level, self.f_team):
            combo.currentIndexChanged.connect(self.filters_changed)
            bar.addWidget(combo, 1)
        trash = QPushButton(_("Trash…"))
        trash.clicked.connect(self.open_trash)
        self.search_bar.addWidget(trash)

    def refresh(self):
        self.f_team.set_items(team_choices(), blank=_("All teams"))
        super().refresh()

    def activated(self):
        self.refresh()

    def apply_filters(self):
        self.source.year = self.year
        self.source.field = self.f_field.code()
        self.source.level = self.f_level.code()
        self.source.team_id = self.f_team.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        self.reload()

    def open_trash(self):
        from ..trash import TrashDialog

        TrashDialog(self, ExemplaryModelService, _("Deleted models"), lambda m: f"{m.name} ({m.year})").exec()
        self.reload()
