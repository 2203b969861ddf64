"""Tuyên truyền, vận động: the sessions of the selected year, newest first."""
from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ...services import vocab
from ...services.outreach import OutreachService
from ..forms.choices import team_choices
from ..forms.outreach_form import OutreachForm
from ..i18n import N_, _
from ..print_preview import PrintButton, PrintJob, safe_stem
from ..table_model import Column, Row, RowSource
from ..widgets import ChoiceCombo
from .base import ListFormSection
from .meetings import short_team
from .people import search_tokens


class OutreachSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("held_on", _("Date"), width=85),
            Column("team", _("Team"), width=140),
            Column("form", _("Form"), width=115),
            Column("topic", _("Topic"), width=220),
            Column("audience_total", _("Listeners"), numeric=True, width=80),
            Column("audience_women", _("Women"), numeric=True, width=55),
            Column("audience_minority", _("Minorities"), numeric=True, width=80),
            Column("presenters", _("Presenters"), sortable=False),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.team_id: int | None = None
        self.form: str | None = None

    def filtered(self):
        from ...store.models import Area, OutreachSession, Team

        q = (OutreachSession.select(OutreachSession.id).join(Team).join(Area)
             .where(OutreachSession.deleted_at.is_null() & Team.deleted_at.is_null()))
        for token in search_tokens(self.query):
            q = q.where(OutreachSession.search_text.contains(token) | Area.name_folded.contains(token))
        if self.year is not None:
            q = q.where((OutreachSession.held_on >= dt.date(self.year, 1, 1))
                        & (OutreachSession.held_on <= dt.date(self.year, 12, 31)))
        if self.team_id is not None:
            q = q.where(OutreachSession.team == self.team_id)
        if self.form:
            q = q.where(OutreachSession.form == self.form)
        return q

    def ids(self, sort_key, descending):
        from ...store.models import Area, OutreachSession

        q = self.filtered()
        if sort_key is None:
            order = [OutreachSession.held_on.desc(), OutreachSession.id.desc()]
        else:
            column = {"team": Area.name_sort}.get(sort_key) or getattr(OutreachSession, sort_key)
            order = [column.desc() if descending else column, OutreachSession.held_on.desc()]
        return [r[0] for r in q.order_by(*order, OutreachSession.id.desc()).tuples()]

    def totals(self) -> tuple[int, int, int, int]:
        import peewee as pw

        from ...store.models import OutreachSession

        sub = self.filtered()
        row = (OutreachSession.select(pw.fn.COUNT(OutreachSession.id),
                                      pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_total), 0),
                                      pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_women), 0),
                                      pw.fn.COALESCE(pw.fn.SUM(OutreachSession.audience_minority), 0))
               .where(OutreachSession.id.in_(sub)).tuples().first())
        return tuple(int(x or 0) for x in row)

    def rows(self, ids):
        from ...store.models import OutreachSession, Team

        result = {}
        query = (OutreachSession.select(OutreachSession, Team.name).join(Team)
                 .where(OutreachSession.id.in_(ids)))
        for s in query:
            result[s.id] = Row([f"{s.held_on:%d/%m/%Y}", short_team(s.team.name), s.form, s.topic, s.audience_total,
                                s.audience_women, s.audience_minority, s.presenters],
                               tooltip=s.policy or None)
        return result


class OutreachSection(ListFormSection):
    key = "outreach"
    title = N_("Outreach and mobilisation")
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
        self.f_team = ChoiceCombo([], blank=_("All teams"))
        self.f_form = ChoiceCombo([(f, f) for f in vocab.OUTREACH_FORMS], blank=_("All forms"))
        for combo in (self.f_team, self.f_form):
            combo.currentIndexChanged.connect(self.filters_changed)
            bar.addWidget(combo, 1)
        bar.addStretch(2)
        self.save_new_button = QPushButton(_("Save and new"))
        self.save_new_button.setToolTip(_("Save, then a new session with the same team, date and form (Ctrl+Enter)"))
        self.save_new_button.clicked.connect(self.save_and_new)
        self.search_bar.addWidget(self.save_new_button)
        self.print_button = PrintButton(self.print_job, _("Print record…"))
        self.search_bar.addWidget(self.print_button)
        trash = QPushButton(_("Trash…"))
        trash.clicked.connect(self.open_trash)
        self.search_bar.addWidget(trash)

    def refresh_choices(self):
        self.f_team.set_items(team_choices(), blank=_("All teams"))

    def refresh(self):
        self.refresh_choices()
        super().refresh()

    def activated(self):
        self.refresh_choices()
        self.reload()

    def apply_filters(self):
        self.source.year = self.year
        self.source.team_id = self.f_team.code()
        self.source.form = self.f_form.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        self.reload()

    def new_record(self):
        super().new_record()
        team = self.f_team.code()
        if team is not None and self.editor.record is None and not self.editor.is_dirty():
            self.editor.team.set_code(team)
            self.editor._clean_values = self.editor.values()

    def save_and_new(self) -> None:
        record_id = self.editor.save_and_new()
        if record_id is not None:
            self._reverting = True
            self.view.clearSelection()
            self.view.setCurrentIndex(self.model.index(-1, -1))
            self._reverting = False
            self.status.emit(_("Saved. Enter the next session."))

    def describe(self, record_id):
        s = OutreachService.get(record_id)
        return f"{s.held_on:%d/%m/%Y} – {s.topic}"

    def print_job(self):
        from ..dialogs import messages

        record = self.editor.record
        if record is None or self.editor.is_dirty():
            messages().info(self, _("Print record…"), _("Save the session first, then print its record."))
            return None
        return PrintJob("outreach", {"id": record.id},
                        safe_stem("bien ban tuyen truyen", record.team.name, f"{record.held_on:%Y-%m-%d}"))

    def open_trash(self):
        from ..trash import TrashDialog

        TrashDialog(self, OutreachService, _("Deleted sessions"), lambda s: f"{s.held_on:%d/%m/%Y} – {s.topic}").exec()
        self.reload()
