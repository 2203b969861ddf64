"""Campaigns (phong trào, chiến dịch) with each team's part; households the
teams help with each time they were helped; "Dân vận khéo" models."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from .. import texts
from ...services.core import vocab
from ...services.campaigns import CampaignService, ContributionService
from ...services.households import HouseholdService, HouseholdSupportService
from ...services.exemplary import ExemplaryModelService
from ..i18n import _
from ..widgets import ChoiceCombo, DateEdit, TextCombo
from .base import RecordForm
from .choices import area_choices, team_choices
from .detail_editor import ChildForm

CAMPAIGN_KINDS = ("Làm đường giao thông nông thôn", "Vệ sinh môi trường", "Tiêm chủng", "Xây dựng nông thôn mới",
                  "Phòng, chống thiên tai", "Xóa nhà tạm, nhà dột nát", "Khác")
SUPPORT_KINDS = ("Cây giống, con giống", "Ngày công", "Tiền mặt", "Vật liệu xây dựng", "Tư vấn, hướng dẫn sản xuất",
                 "Hướng dẫn thủ tục vay vốn", "Khác")


def _year(form) -> int:
    return getattr(form, "year", dt.date.today().year)


def show_number(widget: QLineEdit, value, decimals=None) -> None:
    """Numbers the Vietnamese way in a line edit: 45.000.000, 2,5."""
    from ...vn import format_number

    widget.setText("" if value is None else format_number(value, decimals))


class CampaignForm(RecordForm):
    service = CampaignService

    def build(self):
        self.name = self.field("name", QLineEdit(), _("Campaign name"))
        self.kind = self.field("kind", TextCombo(CAMPAIGN_KINDS), _("Kind"))
        self.year_ = self.field("year", QLineEdit(), _("Year"))
        self.year_.setMaximumWidth(90)
        self.start_date = self.field("start_date", DateEdit(), _("Starts on"))
        self.end_date = self.field("end_date", DateEdit(), _("Ends on"))
        self.description = self.field("description", QPlainTextEdit(), _("Description"))
        self.description.setMaximumHeight(70)

    def defaults(self):
        return {"year": _year(self)}

    def title_for(self, record):
        return record.name if record is not None else _("New campaign")


class ContributionForm(ChildForm):
    service = ContributionService
    parent_service, child_name = CampaignService, "contributions"

    def build(self):
        self.team = self.field("team", ChoiceCombo([], blank=_(texts.CHOOSE)), _("Team"))
        self.households = self.field("households_mobilised", QLineEdit(), _("Households mobilised"))
        self.work_days = self.field("work_days", QLineEdit(), _("Work days"))
        self.money = self.field("money", QLineEdit(), _("Money (đồng)"))
        for w in (self.households, self.work_days, self.money):
            w.setMaximumWidth(150)
        self.materials = self.field("materials", QLineEdit(), _("Materials, goods"))
        self.result = self.field("result", QPlainTextEdit(), _("Result"))
        self.result.setMaximumHeight(60)

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_(texts.CHOOSE))
        super().load(record_id, defaults)

    def loaded(self, record):
        if record is not None:
            show_number(self.work_days, record.work_days, 1 if record.work_days % 1 else 0)
            show_number(self.money, record.money)

    def title_for(self, record):
        return record.name_of("team") if record is not None else _("A team's part")


class HouseholdForm(RecordForm):
    service = HouseholdService

    def build(self):
        self.head_name = self.field("head_name", QLineEdit(), _("Head of household"))
        self.area = self.field("area", ChoiceCombo([], blank=_(texts.CHOOSE)), _("Area"))
        self.situation = self.field("situation", ChoiceCombo(vocab.HOUSEHOLD_SITUATIONS), _("Situation"))
        self.members = self.field("members", QLineEdit(), _("Household members"))
        self.since_year = self.field("since_year", QLineEdit(), _("Followed since (year)"))
        self.left_poverty_year = self.field("left_poverty_year", QLineEdit(), _("Left poverty in (year)"))
        for w in (self.members, self.since_year, self.left_poverty_year):
            w.setMaximumWidth(90)
        self.notes = self.field("notes", QPlainTextEdit(), _("Notes"))
        self.notes.setMaximumHeight(60)

    def load(self, record_id, defaults=None):
        self.area.set_items(area_choices(), blank=_(texts.CHOOSE))
        super().load(record_id, defaults)

    def defaults(self):
        return {"situation": "ngheo"}

    def title_for(self, record):
        return record.head_name if record is not None else _("New household")


class SupportForm(ChildForm):
    service = HouseholdSupportService
    parent_service, child_name = HouseholdService, "support"

    def build(self):
        self.given_on = self.field("given_on", DateEdit(), _("Date"))
        self.kind = self.field("kind", TextCombo(SUPPORT_KINDS), _("Kind of help"))
        self.team = self.field("team", ChoiceCombo([], blank=_(texts.NONE)), _("Team"))
        self.given_by = self.field("given_by", QLineEdit(), _("Given by"))
        self.value = self.field("value", QLineEdit(), _("Value (đồng)"))
        self.value.setMaximumWidth(150)
        self.description = self.field("description", QPlainTextEdit(), _("Details"))
        self.description.setMaximumHeight(60)

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_(texts.NONE))
        super().load(record_id, defaults)

    def loaded(self, record):
        if record is not None:
            show_number(self.value, record.value)

    def defaults(self):
        from ..sections.base import reference_date

        return {"given_on": reference_date(_year(self))}

    def title_for(self, record):
        return _("Help given on {day}").format(day=f"{record.given_on:%d/%m/%Y}") if record else _("New help")


class ExemplaryModelForm(RecordForm):
    service = ExemplaryModelService

    def build(self):
        self.name = self.field("name", QLineEdit(), _("Model name"))
        self.field_ = self.field("field", ChoiceCombo([(f, f) for f in vocab.MODEL_FIELDS]), _("Field"))
        self.year_ = self.field("year", QLineEdit(), _("Year"))
        self.year_.setMaximumWidth(90)
        self.team = self.field("team", ChoiceCombo([], blank=_("(commune level)")), _("Team"))
        self.level = self.field("level", ChoiceCombo([(lv, lv or _("Not yet recognised")) for lv in vocab.MODEL_LEVELS]),
                                _("Level recognised"))
        self.description = self.field("description", QPlainTextEdit(), _("Description"))
        self.description.setMaximumHeight(90)
        self.results = self.field("results", QPlainTextEdit(), _("Results"))
        self.results.setMaximumHeight(90)

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_("(commune level)"))
        super().load(record_id, defaults)

    def defaults(self):
        return {"year": _year(self), "field": vocab.MODEL_FIELDS[0], "level": ""}

    def title_for(self, record):
        return record.name if record is not None else _("New model")
