"""The one way a record is saved with its child rows (services.core.children):
rows matched by id, each validated by its own service, its own version
checked, the parent's version bumped once, one audit row, one transaction."""
import datetime as dt
import json

import pytest

from dvdesktop.errors import ConflictError, ValidationError
from dvdesktop.services.campaigns import CampaignService
from dvdesktop.services.mediation.records import MediationCaseService
from dvdesktop.services.register import AreaService, PersonService, TeamService
from dvdesktop.store.models import (
    AuditLog, CampaignContribution, MediationCase, MediationMediator, MediationParty, MediationSession,
)

D = dt.date


@pytest.fixture
def people(db):
    return [PersonService.create({"full_name": name, "gender": gender})
            for name, gender in (("Nguyễn Văn An", "nam"), ("Lê Thị Hoa", "nữ"), ("Lò Văn Sáng", "nam"))]


def _case(people, **data):
    """The saved case as its row (the tests follow its child rows)."""
    return MediationCase.get_by_id(_save_case(people, **data).id)


def _save_case(people, **data):
    return MediationCaseService.save_with_children(None, {"received_on": D(2024, 3, 1), "assigned_on": D(2024, 3, 2), **data}, {
        "parties": [{"name": "Lò Văn Thắng", "side": "A"}, {"name": "Quàng Thị Mai", "side": "B"}],
        "mediators": [{"person": people[0].id, "is_lead": True}, {"person": people[1].id}],
        "sessions": [{"held_on": D(2024, 3, 3), "place": "Nhà văn hóa bản"}],
    })


def _counts():
    return [m.select().count() for m in (MediationCase, MediationParty, MediationMediator, MediationSession, AuditLog)]


def test_a_bad_row_is_named_and_nothing_is_written(db, people):
    before = _counts()
    with pytest.raises(ValidationError) as err:
        MediationCaseService.save_with_children(None, {"received_on": D(2024, 3, 1)}, {
            "parties": [{"name": "Lò Văn Thắng"}],
            "mediators": [{"person": people[0].id}, {"name": "  ", "gender": "nữ"}],
        })
    assert err.value.field == "mediators[1].name"
    assert err.value.message == "Hòa giải viên, dòng 2: Chưa nhập họ và tên hòa giải viên."
    # a rule across rows, checked against the rows written before it
    with pytest.raises(ValidationError) as err:
        MediationCaseService.save_with_children(None, {"received_on": D(2024, 3, 1)}, {
            "parties": [{"name": "Lò Văn Thắng"}],
            "mediators": [{"person": people[0].id, "is_lead": True}, {"person": people[1].id, "is_lead": True}],
        })
    assert err.value.field == "mediators[1].is_lead" and err.value.message.startswith("Hòa giải viên, dòng 2: ")
    assert _counts() == before  # the case written first is rolled back too

    case = _case(people)
    before = _counts()
    with pytest.raises(ValidationError) as err:
        MediationCaseService.save_with_children(case.id, {"summary": "Sửa"}, {
            "sessions": [{"id": case.sessions.get().id, "held_on": D(2024, 3, 3)}, {"held_on": "32/13/2024"}],
        }, expected_version=case.version)
    assert err.value.field == "sessions[1].held_on" and "Buổi hòa giải, dòng 2" in err.value.message
    assert _counts() == before
    fresh = MediationCaseService.get(case.id)
    assert fresh.version == case.version and fresh.summary == ""


def test_rows_removed_added_and_updated_in_one_save_and_the_version_bumps_once(db, people):
    case = _case(people)
    assert case.version == 1
    lead, _hoa = list(case.mediators.order_by(MediationMediator.id))
    thang, mai = list(case.parties.order_by(MediationParty.id))
    saved = MediationCaseService.save_with_children(case.id, {}, {
        "parties": [{"id": thang.id, "name": "Lò Văn Thắng", "address": "bản Huổi Cang"},  # changed
                    {"id": mai.id},  # unchanged: nothing written
                    {"name": "Cà Văn Lả", "side": "lien_quan"}],  # added
        "mediators": [{"id": lead.id}, {"person": people[2].id}],  # Hoa removed, Sáng added
    }, expected_version=case.version)
    assert saved.version == case.version + 1
    saved = MediationCase.get_by_id(saved.id)  # its child rows
    parties = {p.id: p for p in saved.parties}
    assert parties[thang.id].address == "bản Huổi Cang" and parties[thang.id].version == thang.version + 1
    assert parties[thang.id].side == "A"  # a field the row leaves out keeps its value
    assert parties[mai.id].version == mai.version
    assert sorted(p.name for p in parties.values()) == ["Cà Văn Lả", "Lò Văn Thắng", "Quàng Thị Mai"]
    assert sorted(m.name for m in saved.mediators) == ["Lò Văn Sáng", "Nguyễn Văn An"]
    assert saved.sessions.count() == 1  # a kind not given is left alone
    # one audit row for the rows, with the parties' names kept out of it
    [log] = AuditLog.select().where((AuditLog.table_name == "mediation_case_children") & (AuditLog.action == "update"))
    assert "Cà Văn Lả" not in log.after and "‹riêng tư" in log.after
    assert len(json.loads(log.before)["parties"]) == 2 and len(json.loads(log.after)["parties"]) == 3


def test_a_concurrent_change_of_a_row_is_refused(db, people):
    case = _case(people)
    thang = case.parties.order_by(MediationParty.id).first()
    # someone else changes the row after the form read it ...
    MediationCaseService.save_child(case.id, "parties", {"id": thang.id, "version": thang.version, "phone": "0912"})
    case = MediationCaseService.get(case.id)
    # ... so the form's copy of the row (its old version) is refused, even with the case's new version
    with pytest.raises(ConflictError) as err:
        MediationCaseService.save_with_children(case.id, {"summary": "Sửa"}, {
            "parties": [{"id": thang.id, "version": thang.version, "address": "bản Nà Khoang"}],
        }, expected_version=case.version)
    assert "Bên tranh chấp, dòng 1" in err.value.message
    fresh = MediationParty.get_by_id(thang.id)
    assert fresh.phone == "0912" and fresh.address == ""
    assert MediationCaseService.get(case.id).summary == ""
    # and a stale parent is refused as before
    with pytest.raises(ConflictError):
        MediationCaseService.save_with_children(case.id, {}, {}, expected_version=case.version - 1)


def test_rows_of_another_record_and_unknown_kinds_are_refused(db, people):
    first, second = _case(people), _case(people)
    other = first.parties.first()
    with pytest.raises(ValidationError) as err:
        MediationCaseService.save_with_children(second.id, {}, {"parties": [{"id": other.id, "name": "X"}]})
    assert err.value.field == "parties[0].id" and "không thuộc vụ việc" in err.value.message
    with pytest.raises(ValidationError) as err:
        MediationCaseService.save_with_children(second.id, {}, {"witnesses": []})
    assert err.value.field == "witnesses"
    assert first.parties.count() == 2 and MediationCaseService.get(second.id).version == second.version


def test_one_row_at_a_time_bumps_the_parent_and_names_the_field(db):
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    team = TeamService.create({"area": area.id})
    campaign = CampaignService.create({"name": "Làm đường", "year": 2024})
    row = CampaignService.save_child(campaign.id, "contributions", {"team": team.id, "money": "1.500.000 đ"})
    assert row.money == 1_500_000 and CampaignService.get(campaign.id).version == campaign.version + 1
    with pytest.raises(ValidationError) as err:  # one row per team: the form's own field is named
        CampaignService.save_child(campaign.id, "contributions", {"team": team.id})
    assert err.value.field == "team"
    changed = CampaignService.save_child(campaign.id, "contributions",
                                         {"id": row.id, "version": row.version, "work_days": "2,5"})
    assert str(changed.work_days) == "2.5" and changed.money == 1_500_000
    with pytest.raises(ConflictError):
        CampaignService.save_child(campaign.id, "contributions", {"id": row.id, "version": row.version, "money": 0})
    CampaignService.remove_child(campaign.id, "contributions", row.id)
    assert CampaignContribution.select().count() == 0
    assert CampaignService.get(campaign.id).version == campaign.version + 3
    assert AuditLog.select().where(AuditLog.table_name == "campaign_children").count() == 3
