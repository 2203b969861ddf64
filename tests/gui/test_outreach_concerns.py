"""Outreach sessions and citizens' concerns end to end: enter, save, reopen,
check the database; "save and new" keeps the team, date and form; search
ignores diacritics; overdue concerns in red and behind the overview card;
the concerns register prints for the selected year."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from dvdesktop.services.concerns import ConcernService
from dvdesktop.store.models import Concern, OutreachSession

from tests.gui.helpers import make_team


DAY = dt.date.today() - dt.timedelta(days=3)
RED = "#c0392b"


def column(section, col):
    m = section.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_outreach_save_and_new_keeps_team_date_form(window, qtbot):
    area, team = make_team()
    section = window.section("outreach")
    section.set_year(DAY.year)
    window.new_action.trigger()
    form = section.editor
    form.team.set_code(team.id)
    form.held_on.setText(f"{DAY:%d/%m/%Y}")
    form.form_.setEditText("den tung ho")  # typed without marks: the listed form
    form.topic.setText("Luật Thực hiện dân chủ ở cơ sở")
    form.policy.setText("Luật số 10/2022/QH15")
    form.presenters.setText("Lò Văn Thắng")
    form.audience_total.setText("35")
    form.audience_women.setText("20")
    form.audience_minority.setText("30")
    section.save_new_button.click()
    first = OutreachSession.get()
    assert (first.team_id, first.held_on, first.form, first.audience_total) == (team.id, DAY, "Đến từng hộ", 35)
    # a blank form for the next session, same team, date and form; the cursor on the topic
    assert form.record is None and not form.is_dirty()
    assert (form.team.code(), form.held_on.text(), form.form_.currentText()) == (
        team.id, f"{DAY:%d/%m/%Y}", "Đến từng hộ")

    assert form.topic.text() == "" and form.audience_total.text() == ""
    form.topic.setText("Phòng, chống cháy rừng")
    form.audience_total.setText("12")
    form.audience_women.setText("15")  # more women than listeners
    form.validate()
    assert "không được lớn hơn tổng số người nghe" in form.errors["audience_women"]
    assert section.editor.save_and_new() is None
    form.audience_women.setText("5")
    section.save_and_new()
    assert OutreachSession.select().count() == 2
    assert "2 buổi, 47 lượt người nghe" in section.count_label.text()
    # search without marks; reopen from the list
    section.search.setText("dan chu")
    section.search.flush()
    assert column(section, 3) == ["Luật Thực hiện dân chủ ở cơ sở"]
    section.select_id(first.id)
    assert form.topic.text() == "Luật Thực hiện dân chủ ở cơ sở" and form.audience_women.text() == "20"


def test_outreach_print_record(window, scripted, tmp_path):
    area, team = make_team()
    s = OutreachSession.create(team=team.id, held_on=DAY, topic="Phòng, chống cháy rừng", audience_total=10)
    section = window.section("outreach")
    section.set_year(DAY.year)
    section.select_id(s.id)
    scripted.files = [str(tmp_path / "tt.pdf")]
    section.print_button.pdf_action.trigger()
    assert (tmp_path / "tt.pdf").read_bytes().startswith(b"%PDF")


def test_concern_intake_forward_answer_resolve(window, scripted):
    area, team = make_team()
    section = window.section("concerns")
    section.set_year(DAY.year)
    window.new_action.trigger()
    form = section.editor
    form.received_on.setText(f"{DAY:%d/%m/%Y}")
    form.channel.setEditText("Họp Tổ dân vận")
    form.raised_by.setText("Cà Văn Pọm")
    form.team.set_code(team.id)
    assert form.area.code() == area.id  # the team's area
    form.field_.setEditText("dat dai")
    form.content.setPlainText("Đề nghị đo đạc lại ranh giới đất nương")
    window.save_action.trigger()
    c = Concern.get()
    assert (c.field, c.status, c.area_id, c.due_date) == ("Đất đai", "moi", area.id, DAY + dt.timedelta(days=30))
    # forwarding: the date moves the status on; the platform's reference number is kept
    form.forwarded_to.setEditText("Ủy ban nhân dân xã")
    form.forwarded_on.setText(f"{DAY:%d/%m/%Y}")
    assert form.status_.code() == "da_chuyen"
    form.platform.setEditText("Mặt trận số")
    form.reference_no.setText("MTS-2025-00123")
    assert section.save()
    form.answer.setPlainText("Đã đo đạc lại.")
    form.answered_on.setText(f"{DAY + dt.timedelta(days=1):%d/%m/%Y}")
    form.resolved_on.setText(f"{DAY + dt.timedelta(days=2):%d/%m/%Y}")
    assert form.status_.code() == "da_giai_quyet"
    assert section.save()
    c = Concern.get()
    assert (c.status, c.reference_no, c.platform) == ("da_giai_quyet", "MTS-2025-00123", "Mặt trận số")
    # a later date before an earlier step is refused, marked on the field
    form.answered_on.setText(f"{DAY - dt.timedelta(days=1):%d/%m/%Y}")
    form.validate()
    assert "không được trước ngày chuyển" in form.errors["answered_on"]


def test_anonymous_concern_keeps_no_name(window):
    section = window.section("concerns")
    section.set_year(DAY.year)
    section.new_record()
    form = section.editor
    form.received_on.setText(f"{DAY:%d/%m/%Y}")
    form.raised_by.setText("Người nào đó")
    form.anonymous.setChecked(True)
    assert not form.raised_by.isEnabled() and form.raised_by.text() == ""
    form.content.setPlainText("Phản ánh có người lạ vào bản")
    assert section.save()
    assert Concern.get().raised_by == ""
    assert column(section, 1) == ["Ẩn danh"]


def test_overdue_concerns_in_red_and_from_the_overview(window):
    old = ConcernService.create({"received_on": DAY - dt.timedelta(days=60), "content": "Sửa đường liên bản"})
    ConcernService.create({"received_on": DAY, "content": "Nước sinh hoạt"})
    done = ConcernService.create({"received_on": DAY - dt.timedelta(days=90), "content": "Điện chiếu sáng"})
    ConcernService.forward(done.id, "UBND xã", DAY - dt.timedelta(days=80))
    ConcernService.answer(done.id, "Đã lắp", DAY - dt.timedelta(days=70))
    ConcernService.resolve(done.id, DAY - dt.timedelta(days=70))
    section = window.section("concerns")
    section.set_year(DAY.year)
    colours = {section.model.data(section.model.index(r, 4)):
               section.model.data(section.model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
               for r in range(section.model.rowCount())}
    assert colours["Sửa đường liên bản"].color().name() == RED
    assert colours["Nước sinh hoạt"] is None
    assert colours["Điện chiếu sáng"].color().name() != RED  # resolved: never overdue
    section.select_id(old.id)
    assert section.editor.overdue.isVisibleTo(section.editor)
    assert "Quá hạn" in section.editor.overdue.text()
    # the overview card opens the list of overdue concerns
    overview = window.section("overview")
    assert overview.values["Kiến nghị quá hạn"] == 1
    overview.open_link(("concerns", "overdue"))
    assert window.current_section() is section
    assert column(section, 4) == ["Sửa đường liên bản"]


def test_concerns_register_prints_for_the_year(window, scripted, tmp_path):
    ConcernService.create({"received_on": DAY, "content": "Nước sinh hoạt"})
    section = window.section("concerns")
    section.set_year(DAY.year)
    scripted.files = [str(tmp_path / "so.docx")]
    section.print_button.word_action.trigger()
    assert (tmp_path / "so.docx").stat().st_size > 1000
    assert Path(scripted.shown[-1][2]).name == f"tong-hop-kien-nghi-{DAY.year}.docx"
