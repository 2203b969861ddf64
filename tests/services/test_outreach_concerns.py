import datetime as dt

import pytest

from dvdesktop.errors import ValidationError
from dvdesktop.services import concerns as C
from dvdesktop.services.concerns import ConcernService
from dvdesktop.services.outreach import OutreachService, save_and_new_defaults, sessions
from dvdesktop.store.models import Concern, OutreachSession


def session_data(team, **extra):
    return {"team": team.id, "held_on": "12/03/2025", "topic": "Luật Đất đai 2024", "form": "hop dan",
            "audience_total": 45, "audience_women": 20, "audience_minority": 40, **extra}


# --- outreach -----------------------------------------------------------------


def test_outreach_audience_parts_not_above_total(team):
    s = OutreachService.create(session_data(team))
    assert s.form == "Họp dân" and s.held_on == dt.date(2025, 3, 12)
    with pytest.raises(ValidationError) as err:
        OutreachService.create(session_data(team, audience_women=46))
    assert err.value.field == "audience_women" and "nữ" in err.value.message
    with pytest.raises(ValidationError) as err:
        OutreachService.create(session_data(team, audience_minority=50))
    assert err.value.field == "audience_minority"
    with pytest.raises(ValidationError) as err:
        OutreachService.update(s.id, {"audience_total": 30})  # women 20 ok, minority 40 > 30
    assert err.value.field == "audience_minority"
    with pytest.raises(ValidationError) as err:
        OutreachService.create(session_data(team, topic=""))
    assert err.value.field == "topic"
    assert OutreachSession.select().count() == 1


def test_save_and_new_keeps_team_date_and_form(team):
    first = OutreachService.create(session_data(team, form="Đến từng hộ", place="Nhà ông Páo"))
    keep = save_and_new_defaults(first)
    assert keep == {"team": team.id, "held_on": dt.date(2025, 3, 12), "form": "Đến từng hộ"}
    # twenty sessions from a notebook: only the topic and audience change
    for i in range(20):
        OutreachService.create({**keep, "topic": f"Nội dung {i}", "audience_total": 5})
    assert sessions(team.id, 2025).count() == 21
    assert sessions(team.id, 2024).count() == 0
    assert save_and_new_defaults({"team": 3, "held_on": "x", "form": "Loa", "topic": "y"}) == {"team": 3, "held_on": "x", "form": "Loa"}


def test_outreach_date_not_in_future(team):
    with pytest.raises(ValidationError) as err:
        OutreachService.create(session_data(team, held_on=dt.date.today() + dt.timedelta(days=1)))
    assert err.value.field == "held_on"


# --- concerns -----------------------------------------------------------------


def concern(**extra):
    return ConcernService.create({"received_on": "2025-03-01", "content": "Đường liên thôn bị sạt lở", "field": "giao thong",
                                  "raised_by": "Lò Văn Sự", **extra})


def test_due_date_defaults_to_received_plus_named_constant(db):
    c = concern()
    assert C.ANSWER_DAYS == 30
    assert c.due_date == dt.date(2025, 3, 1) + dt.timedelta(days=C.ANSWER_DAYS)
    assert c.field == "Giao thông"
    # correcting the received date moves a default due date; a typed one stays
    assert ConcernService.update(c.id, {"received_on": "2025-03-10"}).due_date == dt.date(2025, 4, 9)
    typed = concern(due_date="2025-03-15")
    assert ConcernService.update(typed.id, {"received_on": "2025-03-05"}).due_date == dt.date(2025, 3, 15)


def test_anonymous_concern_keeps_no_name(db):
    c = concern(anonymous=True, contact="0912345678")
    stored = Concern.get_by_id(c.id)
    assert stored.raised_by == "" and stored.contact == "" and stored.anonymous
    named = concern()
    ConcernService.update(named.id, {"anonymous": "có"})
    assert Concern.get_by_id(named.id).raised_by == ""


def test_status_flow_needs_each_step(db):
    c = concern()
    with pytest.raises(ValidationError) as err:
        ConcernService.update(c.id, {"status": "Đã chuyển"})
    assert err.value.field == "forwarded_to"
    with pytest.raises(ValidationError) as err:
        ConcernService.update(c.id, {"status": "da_chuyen", "forwarded_to": "UBND xã"})
    assert err.value.field == "forwarded_on"
    with pytest.raises(ValidationError) as err:
        ConcernService.forward(c.id, "UBND xã", dt.date(2025, 2, 28))
    assert err.value.field == "forwarded_on" and "ngày tiếp nhận" in err.value.message
    c = ConcernService.forward(c.id, "UBND xã", dt.date(2025, 3, 3), reference_no="PAKN-123")
    assert c.status == "da_chuyen"
    with pytest.raises(ValidationError) as err:
        ConcernService.update(c.id, {"status": "da_giai_quyet", "resolved_on": "2025-03-10"})
    assert err.value.field == "answered_on"
    with pytest.raises(ValidationError) as err:
        ConcernService.answer(c.id, "Đã giao phòng Kinh tế", dt.date(2025, 3, 2))
    assert err.value.field == "answered_on"
    c = ConcernService.answer(c.id, "Đã giao phòng Kinh tế", dt.date(2025, 3, 20))
    with pytest.raises(ValidationError) as err:
        ConcernService.update(c.id, {"resolved_on": "2025-03-25"})  # status still "đã trả lời"
    assert err.value.field == "status"
    with pytest.raises(ValidationError) as err:
        ConcernService.update(c.id, {"status": "da_giai_quyet"})
    assert err.value.field == "resolved_on"
    c = ConcernService.resolve(c.id, dt.date(2025, 3, 25))
    assert c.status == "da_giai_quyet"
    # a concern entered late from paper may come with every step at once
    done = concern(status="Đã giải quyết", forwarded_to="Công an xã", forwarded_on="2025-03-02",
                   answered_on="2025-03-03", resolved_on="2025-03-04")
    assert done.status == "da_giai_quyet"


def test_overdue_and_is_overdue(db):
    late = concern(received_on="2025-01-01")  # due 31/01
    on_time = concern(received_on="2025-01-20")  # due 19/02
    resolved = concern(received_on="2025-01-01", status="da_giai_quyet", forwarded_to="UBND xã",
                       forwarded_on="2025-01-02", answered_on="2025-01-10", resolved_on="2025-01-15")
    on = dt.date(2025, 2, 10)
    assert [c.id for c in C.overdue(on)] == [late.id]
    assert C.is_overdue(Concern.get_by_id(late.id), on)
    assert not C.is_overdue(Concern.get_by_id(on_time.id), on)
    assert not C.is_overdue(Concern.get_by_id(resolved.id), on)
    assert not C.is_overdue(Concern.get_by_id(late.id), dt.date(2025, 1, 31))  # due today is not late
    ConcernService.delete(late.id)
    assert C.overdue(on).count() == 0
    # forwarded and still waiting for its answer is overdue; answered (not yet resolved) is not:
    # the due date is the time limit for the answer, as the reports and the charts count it
    forwarded = concern(received_on="2025-01-01", status="da_chuyen", forwarded_to="UBND xã", forwarded_on="2025-01-02")
    answered = concern(received_on="2025-01-01", status="da_tra_loi", forwarded_to="UBND xã",
                       forwarded_on="2025-01-02", answered_on="2025-01-10")
    assert [c.id for c in C.overdue(on)] == [forwarded.id]
    assert not C.is_overdue(Concern.get_by_id(answered.id), on)


def test_search_ignores_marks_and_escapes_wildcards(db):
    a = concern(content="Xin hỗ trợ làm lại cầu treo Nậm Chua", raised_by="Nguyễn Văn Đức")
    concern(content="Tỷ lệ hộ nghèo 100% ở xóm trên")
    concern(content="Tỷ lệ 1000 hộ")
    concern(content="tên_file bị lỗi")
    concern(content="tênXfile bị lỗi")
    assert [c.id for c in C.search("nguyen van duc")] == [a.id]
    assert [c.id for c in C.search("CẦU TREO nam chua")] == [a.id]
    assert [c.content for c in C.search("100%")] == ["Tỷ lệ hộ nghèo 100% ở xóm trên"]
    assert [c.content for c in C.search("ten_file")] == ["tên_file bị lỗi"]
    assert C.search("cau treo dat").count() == 0  # every word must match
    assert C.search("").count() == 5
    assert C.like_pattern("50%_a!") == "%50!%!_a!!%"
