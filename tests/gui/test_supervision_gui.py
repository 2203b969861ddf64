"""The "Giám sát" section end to end (pytest-qt, offscreen, Vietnamese): enter
a supervision, save, reopen, search without diacritics, filter, delete to the
trash and restore; the answer's date marks it "waiting to be carried out";
the overview card opens the recommendations waiting for an answer; the
report and the year's list print; the section at 1366×768."""
from __future__ import annotations

import datetime as dt

from tests.gui.helpers import make_team
from PySide6.QtCore import Qt

from tests.documents.pdf_reading import all_text, open_pdf
from dvdesktop.services.supervision.records import SupervisionService
from dvdesktop.store.models import SupervisionActivity


DAY = dt.date.today() - dt.timedelta(days=45)
ROAD = "Dự án đường giao thông nông thôn bản Nà Hỳ 2 – Nà Khoang"
RED = "#c0392b"


def column(section, col):
    m = section.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def d(n=0):
    return f"{DAY + dt.timedelta(days=n):%d/%m/%Y}"


def test_enter_save_reopen_search_delete_restore(window, scripted):
    area, team = make_team()
    section = window.section("supervision")
    assert window.nav.currentItem().text() == "Giám sát"
    section.set_year(DAY.year)
    window.new_action.trigger()
    form = section.editor
    assert form.heading.text() == "Cuộc giám sát mới"
    form.team.set_code(team.id)
    form.subject.setText(ROAD)
    form.kind.set_code("du_an")
    form.form_.setEditText("phoi hop ban giam sat dau tu cua cong dong")  # typed without marks
    form.start_date.setText(d(0))
    form.end_date.setText(d(-1))  # before the start
    form.validate()
    assert form.errors["end_date"] == "Ngày kết thúc không được trước ngày bắt đầu giám sát."
    assert not section.save()
    form.end_date.setText(d(2))
    form.participants.setPlainText("Lò Văn Thắng – Tổ trưởng\nĐại diện 8 hộ dân")
    form.participant_count.setText("10")
    form.findings.setPlainText("Mặt đường mỏng hơn thiết kế ở đoạn qua suối.")
    form.recommendations.setPlainText("Đề nghị kiểm tra độ dày mặt đường trước khi nghiệm thu.")
    form.sent_to.setEditText("Ủy ban nhân dân xã")
    form.sent_on.setText(d(4))
    form.answered_on.setText(d(3))  # before it was sent
    assert form.acted_on.code() == "cho"  # an answer's date: waiting to be carried out
    form.validate()
    assert form.errors["answered_on"] == "Ngày trả lời không được trước ngày gửi kiến nghị."
    form.answered_on.setText("")
    assert form.acted_on.code() is None
    window.save_action.trigger()
    a = SupervisionActivity.get()
    assert (a.team_id, a.subject, a.kind, a.form, a.start_date, a.participant_count, a.sent_on) == (
        team.id, ROAD, "du_an", "Phối hợp Ban giám sát đầu tư của cộng đồng", DAY, 10, DAY + dt.timedelta(days=4))
    assert not form.is_dirty() and form.heading.text() == f"Cuộc giám sát ngày {d(0)}"
    assert "chờ trả lời" in form.state.text()
    assert column(section, 3) == [ROAD] and column(section, 5) == ["Chờ trả lời"]
    assert section.count_label.text() == "1 cuộc giám sát"
    # sent over a month ago, unanswered: red in the list
    colour = section.model.data(section.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour.color().name() == RED
    # the answer
    form.answer.setPlainText("Đã yêu cầu đơn vị thi công làm lại đoạn không đạt.")
    form.answered_on.setText(d(20))
    form.acted_on.set_code("mot_phan")
    assert section.save()
    assert SupervisionActivity.get().acted_on == "mot_phan"
    assert column(section, 5) == ["Đã thực hiện"]
    # a second one, another kind; filters and search without diacritics
    window.new_action.trigger()
    form.team.set_code(team.id)
    form.subject.setText("Việc thu gom rác thải sinh hoạt")
    form.kind.set_code("moi_truong")
    form.start_date.setText(d(10))
    assert section.save()
    assert section.count_label.text() == "2 cuộc giám sát"
    section.search.setText("duong giao thong")
    section.search.flush()
    assert column(section, 3) == [ROAD]
    section.search.setText("")
    section.search.flush()
    section.f_kind.set_code("moi_truong")
    assert column(section, 3) == ["Việc thu gom rác thải sinh hoạt"]
    section.f_kind.set_code(None)
    section.f_status.set_code("not_sent")
    assert column(section, 3) == ["Việc thu gom rác thải sinh hoạt"]
    section.f_status.set_code(None)
    # reopen the first from the list: every field back
    section.select_id(a.id)
    assert (form.subject.text(), form.end_date.text(), form.participant_count.text()) == (ROAD, d(2), "10")
    assert form.participants.toPlainText() == "Lò Văn Thắng – Tổ trưởng\nĐại diện 8 hộ dân"
    assert (form.sent_to.currentText(), form.answered_on.text(), form.acted_on.code()) == (
        "Ủy ban nhân dân xã", d(20), "mot_phan")
    assert not form.is_dirty()
    # delete to the trash, then restore
    scripted.answers = [True]
    section.delete_selected()
    assert column(section, 3) == ["Việc thu gom rác thải sinh hoạt"]
    assert len(SupervisionService.trash()) == 1
    from dvdesktop.gui.trash import TrashDialog

    dialog = TrashDialog(section, SupervisionService, "Các cuộc giám sát đã xóa", section.trash_label)
    assert dialog.table.item(0, 0).text() == f"{d(0)} – {ROAD}"
    dialog.table.selectRow(0)
    dialog.restore_selected()
    assert dialog.restored == [a.id]
    section.reload()
    assert sorted(column(section, 3)) == sorted([ROAD, "Việc thu gom rác thải sinh hoạt"])


def test_overview_card_opens_the_recommendations_waiting(window):
    area, team = make_team()
    waiting = SupervisionService.create({"team": team.id, "subject": ROAD, "start_date": DAY, "sent_to": "UBND xã",
                                         "sent_on": DAY, "recommendations": "Đề nghị kiểm tra."})
    SupervisionService.create({"team": team.id, "subject": "Việc công khai thu, chi", "kind": "dan_chu",
                               "start_date": DAY})
    overview = window.section("overview")
    overview.set_year(DAY.year)
    assert overview.values["Cuộc giám sát của Nhân dân"] == 2
    assert overview.values["Kiến nghị giám sát chờ trả lời"] == 1
    overview.open_link(("supervision", "waiting"))
    section = window.current_section()
    assert section.key == "supervision"
    section.set_year(DAY.year)
    assert [section.model.id_at(r) for r in range(section.model.rowCount())] == [waiting.id]


def test_print_report_and_list(window, scripted, tmp_path):
    area, team = make_team()
    a = SupervisionService.create({"team": team.id, "subject": ROAD, "start_date": DAY, "end_date": DAY,
                                   "findings": "Mặt đường mỏng.", "recommendations": "Đề nghị làm lại.",
                                   "sent_to": "Ủy ban nhân dân xã Nậm Pồ", "sent_on": DAY + dt.timedelta(days=1)})
    section = window.section("supervision")
    section.set_year(DAY.year)
    button = section.print_button
    button.update_entries()
    assert not button.entries["supervision"].menu.menuAction().isEnabled()  # nothing chosen yet
    section.select_id(a.id)
    button.update_entries()
    assert button.entries["supervision"].menu.menuAction().isEnabled()
    scripted.files = [str(tmp_path / "bc.pdf")]
    button.entries["supervision"].pdf_action.trigger()
    with open_pdf((tmp_path / "bc.pdf").read_bytes()) as pdf:
        text = all_text(pdf)
    assert "BÁO CÁO" in text and "Kết quả giám sát" in text and "Đề nghị làm lại." in text
    scripted.files = [str(tmp_path / "ds.pdf")]
    button.entries["supervision-list"].pdf_action.trigger()
    with open_pdf((tmp_path / "ds.pdf").read_bytes()) as pdf:
        assert pdf.pages[0].width > pdf.pages[0].height  # landscape
        assert f"Các cuộc giám sát của Nhân dân năm {DAY.year}" in all_text(pdf)


def test_section_at_1366x768(window, tmp_path):
    """The section on a common laptop screen: the form's fields keep their room."""
    from dvdesktop.services.demo.generator import build_demo

    build_demo(scale="commune", seed=1, reference=dt.date.today(), force=True)
    window.resize(1366, 768)
    window.show()
    section = window.section("supervision")
    section.set_year(dt.date.today().year)
    section.select_id(section.model.id_at(0))
    form = section.editor
    for w in (form.subject, form.findings, form.recommendations, form.answer):
        assert w.width() >= 200, w
        assert w.height() >= 20
    assert section.view.columnWidth(3) >= 180
    window.grab().save(str(tmp_path / "supervision.png"))
    assert (tmp_path / "supervision.png").stat().st_size > 10000
