"""The demo commune reads like a real one (issue 11, "A demo an official
would believe"): its bản come from the communes merged into xã Nà Hỳ, names
are names, the thôn's security member follows the 1 July 2024 law, the
one-stop office has its 2025 name, and each meeting's minutes say something
of their own."""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest

from dvdesktop.paths import resource
from dvdesktop.services.demo.generator import SECURITY_AFTER, SECURITY_BEFORE, SECURITY_CHANGE, build_demo
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import (
    Area, Concern, Household, MediationParty, Meeting, MeetingAttendance, Membership, Person, Team,
)

REF = dt.date(2026, 11, 30)
MERGED_INTO_NA_HY = {"Nà Hỳ", "Nà Khoa", "Nậm Nhừ", "Nậm Chua"}  # Nghị quyết on Điện Biên's communes, 2025


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "commune.sqlite3"
    open_database(str(path))
    build_demo(scale="commune", seed=1, reference=REF)
    yield
    close_database()


def test_the_bans_belong_to_the_communes_merged_into_na_hy(demo):
    listed = json.loads(resource("demo", "names.json").read_text(encoding="utf-8"))["areas"]["Nà Hỳ"]
    assert {k for k in listed if not k.startswith("_")} == MERGED_INTO_NA_HY
    areas = list(Area.select())
    assert len(areas) == 12
    for area in areas:
        assert area.commune == "Nà Hỳ" and area.kind == "bản"
        former = area.notes.removeprefix("Trước ngày 01/7/2025 thuộc xã ").removesuffix(", huyện Nậm Pồ.")
        assert former in MERGED_INTO_NA_HY, area.notes
        assert area.name in listed[former]
    names = {a.name for a in areas}
    # communes of their own (Nà Bủng, Nậm Tin, Pa Tần, Vàng Đán …) are not bản of Nà Hỳ
    assert not names & {"Nà Bủng", "Nậm Tin", "Pa Tần", "Vàng Đán", "Nậm Kè", "Chà Tở", "Nậm Pồ"}
    assert {a.notes for a in areas} == {f"Trước ngày 01/7/2025 thuộc xã {c}, huyện Nậm Pồ." for c in MERGED_INTO_NA_HY}


def test_no_two_members_of_a_team_share_a_full_name(demo):
    people_of = defaultdict(dict)  # team -> full name -> person ids
    for team_id, person_id, name in (Membership.select(Membership.team, Person.id, Person.full_name)
                                     .join(Person).tuples()):
        people_of[team_id].setdefault(name, set()).add(person_id)
    assert len(people_of) == Team.select().count()
    for team_id, names in people_of.items():
        assert all(len(ids) == 1 for ids in names.values()), (team_id, {n: i for n, i in names.items() if len(i) > 1})


def test_a_given_name_never_repeats_the_middle_name(demo):
    names = [p.full_name for p in Person.select()]
    names += [h.head_name for h in Household.select()]
    names += [p.name for p in MediationParty.select()]
    names += [c.raised_by for c in Concern.select() if c.raised_by]
    assert len(names) > 300
    for name in names:
        words = name.split()
        assert len(words) >= 3 and words[-1] != words[-2], name


def test_security_at_thon_level_follows_the_law_of_1_july_2024(demo):
    before = list(Membership.select().where(Membership.position == SECURITY_BEFORE))
    after = list(Membership.select().where(Membership.position == SECURITY_AFTER))
    assert before and after
    for m in before:  # a công an viên only until 30 June 2024
        assert m.start_date < SECURITY_CHANGE and m.end_date is not None and m.end_date <= SECURITY_CHANGE
    for m in after:  # the Tổ bảo vệ an ninh, trật tự from 1 July 2024
        assert m.start_date >= SECURITY_CHANGE
    # the one who held the post on 30 June 2024 holds the new one from the next day
    handed = [m for m in before if m.end_date == SECURITY_CHANGE]
    assert handed
    for m in handed:
        assert m.end_reason
        assert Membership.select().where((Membership.person == m.person) & (Membership.team == m.team)
                                         & (Membership.position == SECURITY_AFTER)
                                         & (Membership.start_date == SECURITY_CHANGE)).exists()
    texts = [m.discussion + " " + m.conclusions for m in
             Meeting.select().where(Meeting.starts_at >= dt.datetime(2024, 7, 1))]
    assert not any("công an viên" in t.lower() for t in texts)


def test_the_one_stop_office_has_its_2025_name(demo):
    contents = [c.content for c in Concern.select()]
    assert not any("một cửa" in c.lower() for c in contents)
    activities = resource("demo", "activities.json").read_text(encoding="utf-8")
    assert "một cửa" not in activities.lower() and "Trung tâm Phục vụ hành chính công xã" in activities


def test_each_meeting_discusses_its_own_topic_with_its_own_people(demo):
    meetings = list(Meeting.select())
    discussions = [m.discussion for m in meetings]
    assert len(set(discussions)) >= 0.95 * len(discussions)
    assert len(set(m.conclusions for m in meetings)) >= 0.5 * len(meetings)
    for m in meetings:
        members = {p for (p,) in Membership.select(Person.full_name).join(Person)
                   .where(Membership.team == m.team_id).tuples()}
        assert any(name in m.discussion for name in members), m.discussion
        assert m.discussion.startswith("Về ")
        if m.kind == "dinh_ky":
            assert " quý I" in m.title and not any(f"quý {n}" in m.title for n in "1234"), m.title


def test_chair_and_secretary_are_among_those_present(demo):
    for m in Meeting.select().where(Meeting.status == "held"):
        present = {p for (p,) in MeetingAttendance.select(MeetingAttendance.person)
                   .where((MeetingAttendance.meeting == m) & (MeetingAttendance.status == "present")).tuples()}
        assert m.chair_id in present and m.secretary_id in present, m.title


def test_every_demo_text_is_nfc(demo):
    """The bulk build skips the NFC check per row: its texts must be NFC from the start."""
    import unicodedata

    from dvdesktop.store.models import ALL_MODELS

    checked = 0
    for model in ALL_MODELS:
        names = [n for n in model.text_fields() if n != "uid"] if hasattr(model, "text_fields") else []
        for row in model.select().dicts():
            for name in names:
                value = row.get(name)
                if isinstance(value, str) and value:
                    assert unicodedata.is_normalized("NFC", value), (model.__name__, name, value)
                    checked += 1
    assert checked > 5000
