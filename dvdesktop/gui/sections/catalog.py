"""The sections of the main window, declared once, in navigation order.

The window lists them from this table without importing them (the first
paint stays quick); a section's module is imported when it is first shown.
`shows` names the record kinds its list shows: an operation that changed one
of them (gui/operations.py) makes the section read its list again.

To add a section: write it (see base.py) and add one `SectionEntry` here.
"""
from __future__ import annotations

import importlib
from typing import NamedTuple

from ..i18n import N_

ANY = "*"  # a section showing counts of everything (the overview)


class SectionEntry(NamedTuple):  # not a dataclass: made before the first paint (cli.Command says why)
    key: str  # window.section(KEY); the overview's links name sections by it
    title: str  # N_() marked: the window translates it
    target: str  # "module:Class" under dvdesktop.gui.sections
    shows: tuple[str, ...] = ()  # record kinds (operations.record_kind) its list shows

    def load(self) -> type:
        module_name, _sep, class_name = self.target.partition(":")
        return getattr(importlib.import_module(f"{__package__}.{module_name}"), class_name)


SECTIONS = (
    SectionEntry("overview", N_("Overview"), "overview:OverviewSection", (ANY,)),
    SectionEntry("areas", N_("Areas and teams"), "areas_teams:AreasTeamsSection",
                 ("area", "team", "membership", "person", "meeting")),
    SectionEntry("people", N_("Members"), "people:PeopleSection", ("person", "membership", "team")),
    SectionEntry("meetings", N_("Meetings"), "meetings:MeetingsSection", ("meeting", "team")),
    SectionEntry("outreach", N_("Outreach and mobilisation"), "outreach:OutreachSection",
                 ("outreach_session", "team")),
    SectionEntry("concerns", N_("Citizens' concerns"), "concerns:ConcernsSection", ("concern", "area", "team")),
    SectionEntry("supervision", N_("People's supervision"), "supervision:SupervisionSection",
                 ("supervision_activity", "team", "area")),
    SectionEntry("mediation", N_("Mediation"), "mediation:MediationSection",
                 ("mediation_case", "area", "team", "settings")),
    SectionEntry("campaigns", N_("Campaigns"), "campaigns:CampaignsSection",
                 ("campaign", "campaign_contribution", "household")),
    SectionEntry("households", N_("Households helped"), "households:HouseholdsSection",
                 ("household", "household_support", "area")),
    SectionEntry("models", N_("\"Skilful mobilisation\" models"), "exemplary:ExemplarySection",
                 ("exemplary_model", "team")),
    # the rating's suggested scores are read from every kind of activity a team records
    SectionEntry("evaluation", N_("Rating of the teams"), "evaluation:EvaluationSection",
                 ("evaluation", "criteria_set", "team", "meeting", "outreach_session", "concern", "mediation_case",
                  "exemplary_model", "campaign_contribution", "supervision_activity")),
    SectionEntry("reports", N_("Work report"), "reports:ReportsSection", (ANY,)),
)


def entry(key: str) -> SectionEntry:
    for e in SECTIONS:
        if e.key == key:
            return e
    raise KeyError(key)
