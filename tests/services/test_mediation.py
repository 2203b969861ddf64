import datetime as dt
from types import SimpleNamespace

import pytest

from dvdesktop.errors import ConflictError, ValidationError
from dvdesktop.services.listings.mediation import MediationFilter, case_ids, case_rows
from dvdesktop.services.mediation import rules
from dvdesktop.services.mediation import records as med
from dvdesktop.services.mediation.records import MediationCaseService, SessionService, open_case_for_view, save_case
from dvdesktop.services.mediation.register import register_rows
from dvdesktop.services.mediation import team
from dvdesktop.services.mediation.rules import deadline_state, mask_name, start_deadline
from dvdesktop.services.mediation.stats import statistics
from dvdesktop.services.register import AreaService, PersonService
from dvdesktop.store.models import AuditLog, MediationCase, MediationMediator, MediationParty, MediationSession

D = dt.date

PARTIES = [
    {"name": "Lò Văn Thắng", "age": 45, "address": "bản Nà Khoang", "side": "A", "demands": "Trả lại 2 m đất"},
    {"name": "Quàng Thị Mai", "birth_year": 1990, "address": "bản Nà Khoang", "side": "B", "demands": "Giữ nguyên mốc cũ"},
]


@pytest.fixture
def areas(db):
    minority = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ", "ethnic_groups": "Thái, Mông"})
    kinh = AreaService.create({"name": "Phiêng Ngám", "kind": "bản", "commune": "Nậm Pồ", "ethnic_groups": "Kinh"})
    return minority, kinh


@pytest.fixture
def people(db):
    return {
        "an": PersonService.create({"full_name": "Nguyễn Văn An", "gender": "nam", "ethnicity": "Kinh"}),
        "binh": PersonService.create({"full_name": "Trần Văn Bình", "gender": "nam", "ethnicity": "Kinh"}),
        "hoa": PersonService.create({"full_name": "Lê Thị Hoa", "gender": "nữ", "ethnicity": "Kinh"}),
        "xuan": PersonService.create({"full_name": "Lò Thị Xuân", "gender": "nữ", "ethnicity": "Thái"}),
    }


def list_rows(year, area_id=None, show_names=False, today=None):
    """The case list as the Hòa giải section shows it (services.listings.mediation)."""
    ids = case_ids(MediationFilter(year=year, area_id=area_id, show_names=show_names))
    rows = {r.id: r for r in case_rows(ids, show_names=show_names, today=today)}
    return [rows[i] for i in ids]


def make_case(area=None, *, parties=PARTIES, mediators=(), sessions=(), **data):
    data.setdefault("received_on", D(2024, 3, 1))
    if area is not None:
        data["area"] = area.id
    return save_case(data, list(parties), list(mediators), list(sessions))


# --- deadline ------------------------------------------------------------------------


def test_start_deadline_is_three_days_after_assignment(db, people):
    case = make_case(assigned_on=D(2024, 3, 2), mediators=[{"person": people["an"].id, "is_lead": True}])
    assert rules.START_WITHIN_DAYS == 3
    assert start_deadline(case) == D(2024, 3, 5)
    assert deadline_state(case, D(2024, 3, 2)) == "ok"
    assert deadline_state(case, D(2024, 3, 4)) == "due"
    assert deadline_state(case, D(2024, 3, 5)) == "due"
    assert deadline_state(case, D(2024, 3, 6)) == "missed"
    [row] = list_rows(2024, today=D(2024, 3, 10))
    assert row.deadline == D(2024, 3, 5) and row.deadline_state == "missed"

    # a session starts mediation: no longer late, though started after the deadline
    case = save_case({"received_on": D(2024, 3, 1), "assigned_on": D(2024, 3, 2)}, PARTIES,
                     [{"person": people["an"].id}], [{"held_on": "07/03/2024", "place": "Nhà văn hóa"}],
                     case_id=case.id)
    assert case.started_on == D(2024, 3, 7)
    assert deadline_state(case, D(2024, 3, 10)) == "started"
    assert rules.started_late(case)


def test_deadline_without_assignment_and_closed_cases():
    assert start_deadline(SimpleNamespace(assigned_on=None)) is None
    assert deadline_state(SimpleNamespace(assigned_on=None, started_on=None, outcome="dang"), D(2030, 1, 1)) == "ok"
    closed = SimpleNamespace(assigned_on=D(2024, 1, 1), started_on=None, outcome="dung")
    assert deadline_state(closed, D(2024, 6, 1)) == "started"


# --- the tổ hòa giải's composition ---------------------------------------------------------


def _join(area, person, role="hoa_giai_vien", start=D(2024, 1, 1), end=None):
    return team.MediationTeamMemberService.create(
        {"area": area.id, "person": person.id, "role": role, "start_date": start, "end_date": end})


def test_team_composition_two_mediators_no_woman(areas, people):
    minority, kinh = areas
    # no team recorded yet
    [warning] = team.composition_warnings(kinh.id, D(2024, 6, 1))
    assert "Tổ hòa giải bản Phiêng Ngám chưa có hòa giải viên nào" in warning and "ít nhất 3" in warning
    _join(kinh, people["an"], "to_truong")
    _join(kinh, people["binh"])
    warnings = team.composition_warnings(kinh.id, D(2024, 6, 1))
    assert len(warnings) == 2
    assert "mới có 2 hòa giải viên" in warnings[0] and "ít nhất 3" in warnings[0]
    assert "chưa có hòa giải viên nữ" in warnings[1]
    _join(kinh, people["hoa"])
    assert team.composition_warnings(kinh.id, D(2024, 6, 1)) == []
    # the team on an earlier day had none of them
    assert "chưa có hòa giải viên nào" in team.composition_warnings(kinh.id, D(2023, 6, 1))[0]
    # a minority area wants a minority mediator
    for key in ("an", "binh", "hoa"):
        _join(minority, people[key], "to_truong" if key == "an" else "hoa_giai_vien")
    [warning] = team.composition_warnings(minority.id, D(2024, 6, 1))
    assert "dân tộc thiểu số" in warning
    _join(minority, people["xuan"])
    assert team.composition_warnings(minority.id, D(2024, 6, 1)) == []
    assert [m.name for m in team.members(minority.id, D(2024, 6, 1))][0] == "Nguyễn Văn An"  # the leader first


def test_team_leader_missing_or_twice_and_leaving(areas, people):
    _, kinh = areas
    for key in ("an", "binh", "hoa"):
        _join(kinh, people[key])
    assert team.composition_warnings(kinh.id, D(2024, 6, 1)) == ["Tổ hòa giải bản Phiêng Ngám chưa có tổ trưởng."]
    _join(kinh, people["xuan"], "to_truong")
    assert team.leader(kinh.id, D(2024, 6, 1)).name == "Lò Thị Xuân"
    second = team.MediationTeamMemberService.create(
        {"area": kinh.id, "person": people["binh"].id, "role": "to_truong", "start_date": D(2024, 3, 1),
         "end_date": D(2024, 3, 31)})
    [warning] = team.composition_warnings(kinh.id, D(2024, 3, 15))
    assert "2 người cùng là tổ trưởng" in warning and "Lò Thị Xuân" in warning
    assert second.end_date == D(2024, 3, 31)
    with pytest.raises(ValidationError, match="đã là hòa giải viên"):
        _join(kinh, people["hoa"], start=D(2024, 5, 1))
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        _join(kinh, people["an"], start=D(2024, 5, 1), end=D(2024, 4, 1))


def test_one_mediator_may_handle_a_case_the_warning_is_the_teams(areas, people):
    minority, kinh = areas
    case = make_case(kinh, assigned_on=D(2024, 3, 1), mediators=[{"person": people["an"].id, "is_lead": True}])
    assert [m.gender for m in med.case_parts(case.id)[1]] == ["nam"]  # taken from the person
    # one male mediator on the case, but the area's team is complete: no warning
    for key, role in (("an", "to_truong"), ("binh", "hoa_giai_vien"), ("hoa", "hoa_giai_vien")):
        _join(kinh, people[key], role)
    assert open_case_for_view(case.id, "thu_ky").warnings == []
    # a case of an area whose team is short is warned about the team, not the case
    other = make_case(minority, assigned_on=D(2024, 3, 1),
                      mediators=[{"person": people["hoa"].id}, {"person": people["xuan"].id}, {"person": people["an"].id}])
    warnings = open_case_for_view(other.id, "thu_ky").warnings
    assert warnings and all(w.startswith("Tổ hòa giải bản Nà Khoang") for w in warnings)


def test_session_times_are_read_and_checked(areas, people):
    _, kinh = areas
    case = make_case(kinh, sessions=[{"held_on": D(2024, 3, 2), "start_time": "8h30", "end_time": "10:15"}])
    [session] = med.case_parts(case.id)[2]
    assert (session.start_time, session.end_time) == ("08:30", "10:15")
    with pytest.raises(ValidationError, match="không được trước giờ bắt đầu"):
        make_case(kinh, sessions=[{"held_on": D(2024, 3, 2), "start_time": "14:00", "end_time": "13:00"}])
    with pytest.raises(ValidationError, match="giờ:phút"):
        make_case(kinh, sessions=[{"held_on": D(2024, 3, 2), "start_time": "chiều"}])


# --- statistics ------------------------------------------------------------------------


@pytest.fixture
def year_of_cases(areas, people):
    nk, pn = areas
    m = [{"person": people["an"].id, "is_lead": True}, {"person": people["hoa"].id}]
    s = lambda day: [{"held_on": day, "attendees": "Hà Văn Dũng (trưởng bản)"}]  # noqa: E731
    cases = {
        "A1": make_case(nk, received_on=D(2024, 2, 1), scope="dan_su", assigned_on=D(2024, 2, 2), mediators=m,
                        sessions=s(D(2024, 2, 4)), outcome="thanh", closed_on=D(2024, 2, 4),
                        agreement="Cắm lại mốc theo bản đồ địa chính", carry_out_how="Hai bên cùng cắm mốc",
                        carry_out_by=D(2024, 2, 20), carried_out=True, carried_out_on=D(2024, 2, 15),
                        kind="Tranh chấp ranh giới đất", summary="Tranh chấp 2 m đất giáp ranh"),
        "A2": make_case(nk, received_on=D(2024, 3, 5), scope="hon_nhan_gia_dinh", mediators=m[:1],
                        sessions=s(D(2024, 3, 6)), outcome="khong_thanh", closed_on=D(2024, 3, 9)),
        "A3": make_case(nk, received_on=D(2024, 4, 1), scope="dan_su", outcome="dung", closed_on=D(2024, 4, 2)),
        "A4": make_case(pn, received_on=D(2024, 5, 1), scope="khac", sessions=s(D(2024, 5, 3))),
        "A5": make_case(pn, received_on=D(2024, 6, 1), scope="dan_su", assigned_on=D(2024, 6, 1), mediators=m),
        "A6": make_case(None, received_on=D(2024, 7, 1), scope="hon_nhan_gia_dinh", outcome="chuyen",
                        closed_on=D(2024, 7, 3), confidential=False),
        "A7": make_case(nk, received_on=D(2024, 12, 20), scope="dan_su", started_on=D(2025, 1, 5)),
        "A8": make_case(nk, received_on=D(2024, 12, 1), scope="dan_su", started_on=D(2024, 12, 5), mediators=m[1:],
                        outcome="thanh", closed_on=D(2025, 1, 10), agreement="Chia đôi chi phí sửa tường"),
        "B1": make_case(nk, received_on=D(2023, 11, 1), outcome="thanh", closed_on=D(2023, 11, 2), agreement="x"),
        "C1": make_case(nk, received_on=D(2024, 8, 1)),
    }
    MediationCaseService.delete(cases["C1"].id)
    return cases


def test_statistics_exact_numbers(year_of_cases, areas):
    nk, pn = areas
    stats = statistics(2024)
    assert stats.received == 8
    assert stats.by_scope == {"dan_su": 5, "hon_nhan_gia_dinh": 2, "khac": 1}
    assert stats.by_result == {"thanh": 2, "khong_thanh": 3, "dang_giai_quyet": 2, "chua_giai_quyet": 1}
    assert stats.by_outcome == {"dang": 3, "thanh": 2, "khong_thanh": 1, "dung": 1, "chuyen": 1}
    assert stats.carried_out == 1
    assert sum(stats.by_result.values()) == stats.received
    assert [(a.area_name, a.received, a.by_result["thanh"]) for a in stats.per_area] == [
        ("Nà Khoang", 5, 2), ("Phiêng Ngám", 2, 0), ("Chưa ghi địa bàn", 1, 0)]
    assert stats.per_area[1].by_result == {"thanh": 0, "khong_thanh": 0, "dang_giai_quyet": 1, "chua_giai_quyet": 1}

    # as the year's report saw them on 31/12/2024: A8 not settled yet, A7 not started yet
    at_year_end = statistics(2024, as_of=D(2024, 12, 31))
    assert at_year_end.by_result == {"thanh": 1, "khong_thanh": 3, "dang_giai_quyet": 2, "chua_giai_quyet": 2}

    one_area = statistics(2024, area_id=pn.id)
    assert one_area.received == 2 and one_area.by_scope == {"dan_su": 1, "hon_nhan_gia_dinh": 0, "khac": 1}
    assert statistics(2023).received == 1 and statistics(2022).received == 0


# --- register -------------------------------------------------------------------------------


def test_register_rows_order_and_content(year_of_cases, areas):
    nk, _ = areas
    before = AuditLog.select().where(AuditLog.action == "view").count()
    book = register_rows(2024, area_id=nk.id)
    assert book.area_name == "Nà Khoang"
    # oldest first, numbered from 1, deleted and other years left out
    assert [(e.stt, e.received_on) for e in book.entries] == [
        (1, D(2024, 2, 1)), (2, D(2024, 3, 5)), (3, D(2024, 4, 1)), (4, D(2024, 12, 1)), (5, D(2024, 12, 20))]
    first = book.entries[0]
    assert first.mediators == ["Nguyễn Văn An", "Lê Thị Hoa"]  # lead first
    assert first.invitees == ["Hà Văn Dũng (trưởng bản)"]
    assert [p.text for p in first.parties] == [
        "Lò Văn Thắng, 45 tuổi, bản Nà Khoang", "Quàng Thị Mai, 34 tuổi, bản Nà Khoang"]
    assert first.parties[0].side == "Bên thứ nhất"
    assert first.content == "Tranh chấp 2 m đất giáp ranh"
    assert first.agreement.splitlines() == [
        "Cắm lại mốc theo bản đồ địa chính", "Phương thức thực hiện: Hai bên cùng cắm mốc",
        "Thời hạn thực hiện: 20/02/2024"]
    assert first.demands == [] and first.agreement_or_demands == first.agreement
    assert first.result == "Thành" and first.notes == "Kết thúc hòa giải ngày 04/02/2024; Đã thực hiện xong thỏa thuận ngày 15/02/2024"
    second = book.entries[1]
    assert second.result == "Không thành" and second.agreement == ""
    assert second.agreement_or_demands == "Lò Văn Thắng: Trả lại 2 m đất\nQuàng Thị Mai: Giữ nguyên mốc cũ"
    assert book.entries[2].result == "Dừng hòa giải"

    summary = book.summary
    assert summary.total == 5
    assert [(m.name, m.cases, m.by_result["thanh"], m.by_result["khong_thanh"]) for m in summary.by_mediator] == [
        ("Nguyễn Văn An", 2, 1, 1), ("Lê Thị Hoa", 2, 2, 0)]  # by given name: An < Hoa
    assert summary.by_scope == [("Dân sự", 4), ("Hôn nhân và gia đình", 1), ("Khác", 0)]
    assert summary.by_result == [("Hòa giải thành", 2), ("Hòa giải không thành", 2),
                                 ("Đang giải quyết", 1), ("Chưa giải quyết", 0)]
    # the book carries names: building it is logged
    assert AuditLog.select().where(AuditLog.action == "view").count() == before + 1


# --- confidentiality -------------------------------------------------------------------------


def test_mask_name():
    assert mask_name("Nguyễn Văn A") == "N*** V** A"
    assert mask_name("Lò Thị Mai") == "L* T** M**"
    assert mask_name("Nguye\u0302\u0303n  Va\u0306n \u0110u\u031b\u0301c") == "N*** V** Đ**"
    assert mask_name("") == "" and mask_name(None) == ""


def test_list_rows_mask_names_unless_allowed(areas):
    nk, _ = areas
    make_case(nk)
    make_case(nk, received_on=D(2024, 5, 1), confidential=False,
              parties=[{"name": "Vàng A Dơ"}, {"name": "Mùa A Chứ", "side": "B"}])
    masked, public = sorted(list_rows(2024), key=lambda r: r.confidential, reverse=True)
    assert masked.parties == "L* V** T*** – Q*** T** M**" and masked.names_masked
    assert public.parties == "Vàng A Dơ – Mùa A Chứ" and not public.names_masked
    shown = [r for r in list_rows(2024, area_id=nk.id, show_names=True) if r.confidential]
    assert shown[0].parties == "Lò Văn Thắng – Quàng Thị Mai"
    assert [r.received_on for r in list_rows(2024)] == [D(2024, 5, 1), D(2024, 3, 1)]  # newest first
    assert "bản Nà Khoang" not in repr(list_rows(2024, show_names=True))  # addresses never listed


def test_viewing_a_confidential_case_is_audited(areas):
    nk, _ = areas
    secret = make_case(nk)
    public = make_case(nk, confidential=False)
    detail = open_case_for_view(secret.id, "thu_ky")
    assert [p.name for p in detail.parties] == ["Lò Văn Thắng", "Quàng Thị Mai"]
    views = list(AuditLog.select().where(AuditLog.action == "view"))
    assert [(v.username, v.table_name, v.record_id, v.record_uid) for v in views] == [
        ("thu_ky", "mediation_case", secret.id, secret.uid)]
    open_case_for_view(public.id, "thu_ky")
    assert AuditLog.select().where(AuditLog.action == "view").count() == 1


# --- rules and transactions ------------------------------------------------------------------


@pytest.mark.parametrize("data, field", [
    ({"assigned_on": D(2024, 2, 28)}, "assigned_on"),
    ({"assigned_on": D(2024, 3, 5), "started_on": D(2024, 3, 4)}, "started_on"),
    ({"outcome": "khong_thanh"}, "closed_on"),
    ({"closed_on": D(2024, 3, 9)}, "closed_on"),
    ({"outcome": "thanh", "closed_on": D(2024, 3, 9)}, "agreement"),
    ({"outcome": "khong_thanh", "closed_on": D(2024, 3, 9), "carried_out": False}, "carried_out"),
    ({"outcome": "thanh", "closed_on": D(2024, 3, 9), "agreement": "x", "carried_out_on": D(2024, 4, 1)},
     "carried_out_on"),
    ({"outcome": "dung", "started_on": D(2024, 3, 5), "closed_on": D(2024, 3, 4)}, "closed_on"),
])
def test_case_rules(db, data, field):
    with pytest.raises(ValidationError) as err:
        MediationCaseService.create({"received_on": D(2024, 3, 1), **data})
    assert err.value.field == field


def test_session_dates_against_the_case(db):
    case = make_case(outcome="khong_thanh", closed_on=D(2024, 3, 10))
    with pytest.raises(ValidationError) as err:
        SessionService.create({"case": case.id, "held_on": D(2024, 2, 27)})
    assert err.value.field == "held_on"
    with pytest.raises(ValidationError):
        SessionService.create({"case": case.id, "held_on": D(2024, 3, 11)})
    SessionService.create({"case": case.id, "held_on": D(2024, 3, 10)})
    # closing before the last session is refused
    with pytest.raises(ValidationError) as err:
        MediationCaseService.update(case.id, {"closed_on": D(2024, 3, 9)})
    assert err.value.field == "closed_on"


def test_save_case_failure_writes_nothing(db, people):
    audit_before = AuditLog.select().count()  # the people
    bad_party = [PARTIES[0], {"name": "  ", "side": "B"}]
    with pytest.raises(ValidationError) as err:
        make_case(parties=bad_party, assigned_on=D(2024, 3, 1), mediators=[{"person": people["an"].id}],
                  sessions=[{"held_on": D(2024, 3, 2)}])
    assert err.value.field == "parties[1].name"  # the kind and the row, as for a meeting's rows
    assert err.value.message.startswith("Bên tranh chấp, dòng 2: ")
    with pytest.raises(ValidationError):  # closed before its last session
        make_case(outcome="khong_thanh", closed_on=D(2024, 3, 3), sessions=[{"held_on": D(2024, 3, 4)}])
    with pytest.raises(ValidationError) as err:  # assigned to nobody
        make_case(assigned_on=D(2024, 3, 1))
    assert err.value.field == "mediators"
    for model in (MediationCase, MediationParty, MediationMediator, MediationSession):
        assert model.select().count() == 0
    assert AuditLog.select().count() == audit_before

    # a failed change of an existing case leaves it as it was
    case = make_case(mediators=[{"person": people["an"].id}], assigned_on=D(2024, 3, 1))
    audit_before = AuditLog.select().count()
    parties = [{"id": p.id, "name": p.name} for p in med.case_parts(case.id)[0]]
    parties[0]["name"] = "Lò Văn Thành"
    with pytest.raises(ValidationError):
        # the case and its parties save, then the missing mediators fail it all
        save_case({"summary": "Sửa", "outcome": "thanh", "closed_on": D(2024, 3, 5), "agreement": "Xong"},
                  parties, [], [],
                  case_id=case.id, expected_version=case.version)
    fresh = MediationCaseService.get(case.id)
    assert fresh.version == case.version and fresh.summary == ""
    fresh_parties, fresh_mediators, _sessions = med.case_parts(case.id)
    assert sorted(p.name for p in fresh_parties) == ["Lò Văn Thắng", "Quàng Thị Mai"]
    assert len(fresh_mediators) == 1 and AuditLog.select().count() == audit_before


def test_save_case_updates_children_by_id_and_checks_version(db, people):
    case = make_case(assigned_on=D(2024, 3, 1),
                     mediators=[{"person": people["an"].id, "is_lead": True}, {"person": people["hoa"].id}])
    parties, mediators, _sessions = med.case_parts(case.id)
    lead = next(m for m in mediators if m.is_lead)
    updated = save_case(
        {"summary": "Tranh chấp lối đi"},
        [{"id": parties[0].id, "name": "Lò Văn Thắng", "address": "bản Huổi Cang"}, {"name": "Cà Văn Lả", "side": "B"}],
        [{"id": lead.id, "person": people["an"].id, "is_lead": True}], [],
        case_id=case.id, expected_version=case.version,
    )
    assert updated.version == case.version + 1 and updated.summary == "Tranh chấp lối đi"
    updated_parties, updated_mediators, _sessions = med.case_parts(updated.id)
    assert sorted((p.name, p.address) for p in updated_parties) == [
        ("Cà Văn Lả", ""), ("Lò Văn Thắng", "bản Huổi Cang")]
    assert [m.id for m in updated_mediators] == [lead.id]
    with pytest.raises(ConflictError):
        save_case({"summary": "cũ"}, [{"name": "X Y"}], [], [], case_id=case.id, expected_version=case.version)


def test_purge_deletes_the_parties_for_good(db, people):
    case = make_case(assigned_on=D(2024, 3, 1), mediators=[{"person": people["an"].id}],
                     sessions=[{"held_on": D(2024, 3, 2)}])
    MediationCaseService.delete(case.id)
    assert list_rows(2024) == [] and statistics(2024).received == 0
    MediationCaseService.purge(case.id)
    for model in (MediationCase, MediationParty, MediationMediator, MediationSession):
        assert model.select().count() == 0


# --- the list's queries (services.listings.mediation) ------------------------------------


def test_listing_filters_in_sql_agree_with_deadline_state(db, areas, people):
    nk, pn = areas
    lead = [{"person": people["an"].id, "is_lead": True}]
    cases = [
        make_case(nk, received_on=D(2024, 3, 1)),  # nobody assigned yet
        make_case(nk, received_on=D(2024, 3, 2), assigned_on=D(2024, 3, 2), mediators=lead),
        make_case(pn, received_on=D(2024, 3, 3), assigned_on=D(2024, 3, 5), mediators=lead),
        make_case(pn, received_on=D(2024, 3, 4), assigned_on=D(2024, 3, 6), mediators=lead,
                  started_on=D(2024, 3, 7)),
        make_case(nk, received_on=D(2024, 3, 5), assigned_on=D(2024, 3, 5), mediators=lead, outcome="khong_thanh",
                  closed_on=D(2024, 3, 9), confidential=False),
        make_case(nk, received_on=D(2023, 3, 5)),  # another year
    ]
    for today in (D(2024, 3, 4), D(2024, 3, 7), D(2024, 3, 8), D(2024, 3, 9), D(2024, 3, 20)):
        for state in ("ok", "due", "missed", "started"):
            expected = {c.id for c in cases[:5] if deadline_state(MediationCase.get_by_id(c.id), today) == state}
            got = set(case_ids(MediationFilter(year=2024, deadline=state), today=today))
            assert got == expected, (today, state)
    everything = MediationFilter(year=2024)
    assert case_ids(everything) == [c.id for c in reversed(cases[:5])]  # newest first
    assert case_ids(MediationFilter(year=2024, area_id=pn.id)) == [cases[3].id, cases[2].id]
    assert case_ids(MediationFilter(year=2024, outcome="khong_thanh")) == [cases[4].id]
    assert case_ids(everything, "received_on", False) == [c.id for c in cases[:5]]
    rows = {r.id: r for r in case_rows(case_ids(everything), today=D(2024, 3, 20))}
    assert {i: r.deadline_state for i, r in rows.items()} == {
        c.id: deadline_state(MediationCase.get_by_id(c.id), D(2024, 3, 20)) for c in cases[:5]}
    # the search: tones ignored, mediators found, parties only where their names are shown
    assert set(case_ids(MediationFilter(year=2024, query="nguyen van an"))) == {c.id for c in cases[1:5]}
    assert case_ids(MediationFilter(year=2024, query="thang")) == [cases[4].id]  # the one not confidential
    assert len(case_ids(MediationFilter(year=2024, query="thang", show_names=True))) == 5
    assert case_ids(MediationFilter(year=2024, query="phieng ngam khong thanh")) == []
    assert case_ids(MediationFilter(year=2024, query="na khoang khong thanh")) == [cases[4].id]


def test_audit_log_keeps_no_personal_data_of_the_parties(db, people):
    from dvdesktop.store.models import AuditLog

    case = make_case(summary="Tranh chấp ranh giới đất vườn", sessions=[{"held_on": D(2024, 3, 4), "content": "Hai bên trình bày"}])
    save_case({"summary": "Tranh chấp ranh giới đất vườn, đã đo lại"}, PARTIES, [], [], case_id=case.id)
    logged = " ".join(f"{r.before or ''} {r.after or ''}" for r in AuditLog.select())
    for party in PARTIES:
        assert party["name"] not in logged
    assert "ranh giới" not in logged and "Hai bên trình bày" not in logged
    assert "‹riêng tư" in logged  # the log still shows that a private value changed


def test_new_case_gets_the_next_book_number_of_its_team(db, people):
    first = make_case()
    second = make_case()
    assert first.number.endswith("/2024") and int(first.number.split("/")[0]) + 1 == int(second.number.split("/")[0])
    typed = make_case(number="Số đặc biệt")
    assert typed.number == "Số đặc biệt"
