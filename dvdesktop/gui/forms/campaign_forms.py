"""Campaigns (phong trào, chiến dịch) with each team's part; households the
teams help with each time they were helped; "Dân vận khéo" models."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit

from .. import texts
from ...services.core import vocab
from ...services.campaigns import CampaignService, ContributionService
from ...services.households import HouseholdService, HouseholdSupportService
from ...services.exemplary import ExemplaryModelService
from ..generated.ui_campaign_form import Ui_CampaignForm
from ..generated.ui_contribution_form import Ui_ContributionForm
from ..generated.ui_exemplary_model_form import Ui_ExemplaryModelForm
from ..generated.ui_household_form import Ui_HouseholdForm
from ..generated.ui_support_form import Ui_SupportForm
from ..i18n import _
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
    ui_class = Ui_CampaignForm

    def build(self):
        self.kind.set_suggestions(CAMPAIGN_KINDS)

    def defaults(self):
        return {"year": _year(self)}

    def title_for(self, record):
        return record.name if record is not None else _("New campaign")


class ContributionForm(ChildForm):
    service = ContributionService
    parent_service, child_name = CampaignService, "contributions"
    ui_class = Ui_ContributionForm

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
    ui_class = Ui_HouseholdForm

    def build(self):
        self.situation.set_items(vocab.HOUSEHOLD_SITUATIONS)

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
    ui_class = Ui_SupportForm

    def build(self):
        self.kind.set_suggestions(SUPPORT_KINDS)

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
    ui_class = Ui_ExemplaryModelForm

    def build(self):
        self.field_.set_items([(f, f) for f in vocab.MODEL_FIELDS])
        self.level.set_items([(lv, lv or _("Not yet recognised")) for lv in vocab.MODEL_LEVELS])

    def load(self, record_id, defaults=None):
        self.team.set_items(team_choices(), blank=_("(commune level)"))
        super().load(record_id, defaults)

    def defaults(self):
        return {"year": _year(self), "field": vocab.MODEL_FIELDS[0], "level": ""}

    def title_for(self, record):
        return record.name if record is not None else _("New model")
