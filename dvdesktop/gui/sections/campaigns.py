"""Phong trào, chiến dịch: the campaigns of the selected year, each with the
teams' parts (households mobilised, work days, money, materials) and the
totals, for the campaign and for the year."""
from __future__ import annotations

import datetime as dt

from ...services.campaigns import CampaignService
from ...services.listings import campaigns as listing
from ..forms.campaign_forms import CAMPAIGN_KINDS, CampaignForm, ContributionForm
from ..forms.detail_editor import DetailEditor
from ..i18n import N_, _
from ..table_model import Column, Row, RowSource
from ..widgets import ChoiceCombo
from .base import ListFormSection


def totals_text(t) -> str:
    from ...vn import format_number

    return _("{households} households mobilised, {days} work days, {money} đồng").format(
        households=format_number(t.households), days=format_number(t.work_days),
        money=format_number(t.money))


class CampaignsSource(RowSource):
    def __init__(self):
        self.columns = [
            Column("name", _("Campaign"), width=200),
            Column("kind", _("Kind"), width=110),
            Column("start_date", _("Starts"), width=85),
            Column("teams", _("Teams"), numeric=True, sortable=False, width=50),
            Column("households", _("Households"), numeric=True, sortable=False, width=75),
            Column("work_days", _("Work days"), numeric=True, sortable=False, width=80),
            Column("money", _("Money (đồng)"), numeric=True, sortable=False),
        ]
        self.query = ""
        self.year: int | None = dt.date.today().year
        self.kind: str | None = None

    def ids(self, sort_key, descending):
        return listing.campaign_ids(listing.CampaignFilter(query=self.query, year=self.year, kind=self.kind),
                                    sort_key, descending)

    def rows(self, ids):
        from ...vn import format_number

        return {c.id: Row([c.name, c.kind, f"{c.start_date:%d/%m/%Y}" if c.start_date else "", c.teams,
                           format_number(c.households), format_number(c.work_days), format_number(c.money)],
                          tooltip=c.description or None)
                for c in listing.campaign_rows(ids)}


class CampaignEditor(DetailEditor):
    def __init__(self, parent=None):
        super().__init__(CampaignForm(), ContributionForm(), _("The teams' &parts"),
                         [_("Team"), _("Households"), _("Work days"), _("Money (đồng)"), _("Materials, goods")],
                         self.contribution_rows, _("Add a team"), parent, widths=[150, 65, 75, 110])

    @staticmethod
    def contribution_rows(campaign_id):
        from ...vn import format_number
        from .meetings import short_team

        return [(c.id, [short_team(c.team_name), format_number(c.households), format_number(c.work_days),
                        format_number(c.money), c.materials])
                for c in listing.contribution_lines(campaign_id)]

    def update_totals(self):
        from ...services.campaigns import totals

        if self.record_id is None:
            self.totals.setText("")
            return
        self.totals.setText(_("Total: {totals}").format(totals=totals_text(totals(self.record_id))))

    @property
    def year(self):
        return self.main_form.year

    @year.setter
    def year(self, value):
        self.main_form.year = value


class CampaignsSection(ListFormSection):
    trash_title = N_("Deleted campaigns")
    service = CampaignService
    search_placeholder = N_("Search campaign (Ctrl+F)")

    def __init__(self, window=None):
        super().__init__(window)
        self.splitter.setSizes([660, 500])

    def make_source(self):
        return CampaignsSource()

    def make_editor(self):
        return CampaignEditor()

    def count_text(self, n):
        from ...services.campaigns import totals

        return _("{n} campaigns in {year}: {totals}").format(n=n, year=self.year,
                                                            totals=totals_text(totals(year=self.year)))

    def add_filters(self, bar):
        self.f_kind = ChoiceCombo([(k, k) for k in CAMPAIGN_KINDS], blank=_("All kinds of campaign"))
        self.f_kind.currentIndexChanged.connect(self.filters_changed)
        bar.addWidget(self.f_kind, 1)
        bar.addStretch(3)

    def refresh_choices(self) -> None:
        from ...vn import sort_key

        used = listing.campaign_kinds_in_use()
        kinds = sorted(used | set(CAMPAIGN_KINDS), key=sort_key)
        self.f_kind.set_items([(k, k) for k in kinds], blank=_("All kinds of campaign"))

    def apply_filters(self):
        self.source.year = self.year
        self.source.kind = self.f_kind.code()
        self.editor.year = self.year

    def open_link(self, link: str) -> None:
        self.reload()

    def trash_label(self, record) -> str:
        return f"{record.name} ({record.year})"
