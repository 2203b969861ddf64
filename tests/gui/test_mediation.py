"""The Hòa giải section: a case entered end to end through the form and read
back from the database; the start deadline shown and red when missed; the
composition warning as mediators are chosen; names masked in the list unless
the setting allows; opening a confidential case is audited; statistics;
printing; the list model passes qtmodeltester."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dvdesktop.services.mediation import team as mediation_team
from dvdesktop.services.mediation.records import save_case
from dvdesktop.services.register import AreaService, MembershipService, PersonService
from dvdesktop.services.settings import load_organisation, save_organisation
from dvdesktop.store.models import AuditLog, MediationCase, MediationMediator, MediationParty, MediationSession

from tests.gui.helpers import make_team, pick_person, type_in_open_cell


YEAR = dt.date.today().year
TODAY = dt.date(YEAR, 6, 15)  # "today" of the list and the form: the tests do not depend on the real day
RED = "#c0392b"


@pytest.fixture
def team(db):
    area, team = make_team()
    people = {}
    for name, gender in (("Lò Văn Thắng", "nam"), ("Quàng Văn Pọm", "nam"), ("Lường Thị Hoa", "nữ")):
        p = PersonService.create({"full_name": name, "gender": gender, "ethnicity": "Kinh"})
        MembershipService.create({"person": p.id, "team": team.id, "role": "thanh_vien", "start_date": "01/01/2020"})
        people[name] = p
    return area, team, people


def section_of(window):
    section = window.section("mediation")
    section.source.today = TODAY
    section.editor.today = TODAY
    return section


def column(section, key: str) -> list[str]:
    model = section.model
    index = [c.key for c in section.source.columns].index(key)
    return [model.data(model.index(r, index)) for r in range(model.rowCount())]


def set_cell(table, row, column, text):
    from PySide6.QtWidgets import QTableWidgetItem

    item = table.item(row, column)
    if item is None:
        table.setItem(row, column, QTableWidgetItem(text))
    else:
        item.setText(text)


def pick_candidate(form, name):
    form.candidates.setCurrentIndex(next(i for i in range(form.candidates.count())
                                         if form.candidates.itemText(i).startswith(name)))
    form.add_mediator_button.click()


def simple_case(area, *, received=None, confidential=True, assigned=None, mediators=(), sessions=(), **data):
    received = received or TODAY - dt.timedelta(days=20)
    data = {"area": area.id, "received_on": received, "kind": "Tranh chấp lối đi", "confidential": confidential,
            "assigned_on": assigned, **data}
    parties = [{"name": "Lò Văn Thắng", "side": "A", "age": 45}, {"name": "Quàng Thị Mai", "side": "B"}]
    return save_case(data, parties, list(mediators), list(sessions))


# --- a case from the first call to the agreement carried out -----------------------


def test_enter_case_end_to_end_save_reopen(window, team, qtbot):
    area, _team, people = team
    section = section_of(window)
    window.new_action.trigger()
    form = section.editor
    received = TODAY - dt.timedelta(days=12)
    # intake
    form.received_on.set_date(received)
    form.number.setText("05")
    form.area.set_code(area.id)
    assert form.team.code() == _team.id  # the area's team, chosen for the clerk
    form.grounds.set_code("witnessed")
    form.scope.set_code("dan_su")
    form.kind.setEditText("Tranh chấp ranh giới đất")
    form.summary.setPlainText("Hai hộ tranh chấp mốc giới thửa đất số 12.")
    # parties: one by age, one by birth year
    form.tabs.setCurrentIndex(1)
    form.add_party_button.click()
    set_cell(form.parties, 0, 0, "Lò Văn Sáng")
    set_cell(form.parties, 0, 3, "45")
    set_cell(form.parties, 0, 4, "bản Nà Khoang")
    set_cell(form.parties, 0, 6, "Trả lại 1 m đất")
    form.parties.cellWidget(0, 2).set_code("nam")
    form.add_party_button.click()
    set_cell(form.parties, 1, 0, "Quàng Thị Mai")
    set_cell(form.parties, 1, 3, "1990")
    form.parties.cellWidget(1, 2).set_code("nữ")
    assert form.parties.cellWidget(1, 1).code() == "B"
    # mediators from the team, and the assignment
    form.tabs.setCurrentIndex(2)
    form.assigned_on.set_date(received + dt.timedelta(days=1))
    for name in people:
        pick_candidate(form, name)
    # the area has no tổ hòa giải recorded: the warning is the team's, whatever the case's mediators
    assert len(form.composition) == 1 and "Tổ hòa giải bản" in form.composition[0]
    # sessions
    form.tabs.setCurrentIndex(3)
    form.add_session_button.click()
    day = received + dt.timedelta(days=3)
    set_cell(form.sessions, 0, 0, day.strftime("%d/%m/%Y"))
    set_cell(form.sessions, 0, 1, "Nhà văn hóa bản")
    set_cell(form.sessions, 0, 2, "Lò Văn Thắng, Lường Thị Hoa, Hà Văn Dũng (trưởng bản)")
    set_cell(form.sessions, 0, 4, "14h")  # as clerks type it: kept as 14:00
    set_cell(form.sessions, 0, 5, "16:30")
    form.sessions.setCurrentCell(0, 1)
    form.session_content.setPlainText("Hai bên trình bày; đối chiếu bản đồ địa chính.")
    assert form.sessions.item(0, 3).text() == "Hai bên trình bày; đối chiếu bản đồ địa chính."
    # outcome: a settlement
    form.tabs.setCurrentIndex(4)
    form.outcome.set_code("thanh")
    assert form.closed_on.text() == TODAY.strftime("%d/%m/%Y")  # filled in, can be changed
    form.closed_on.set_date(day)
    form.agreement.setPlainText("Cắm lại mốc theo bản đồ địa chính.")
    form.carry_out_how.setPlainText("Hai bên cùng cắm mốc.")
    form.carry_out_by.set_date(day + dt.timedelta(days=10))
    assert form.is_dirty()
    window.save_action.trigger()
    assert not form.is_dirty(), form.errors

    case = MediationCase.get(MediationCase.number == "05")
    assert (case.area_id, case.team_id, case.grounds, case.scope, case.kind) == (
        area.id, _team.id, "witnessed", "dan_su", "Tranh chấp ranh giới đất")
    assert case.started_on == day  # from the first session
    assert (case.outcome, case.closed_on, case.carry_out_by) == ("thanh", day, day + dt.timedelta(days=10))
    parties = list(MediationParty.select().where(MediationParty.case == case.id).order_by(MediationParty.side))
    assert [(p.name, p.side, p.gender, p.birth_year) for p in parties] == [
        ("Lò Văn Sáng", "A", "nam", received.year - 45), ("Quàng Thị Mai", "B", "nữ", 1990)]
    assert parties[0].demands == "Trả lại 1 m đất"
    mediators = list(MediationMediator.select().where(MediationMediator.case == case.id).order_by(MediationMediator.id))
    assert [(m.name, m.is_lead) for m in mediators] == [("Lò Văn Thắng", True), ("Quàng Văn Pọm", False),
                                                        ("Lường Thị Hoa", False)]
    [session] = MediationSession.select().where(MediationSession.case == case.id)
    assert session.content == "Hai bên trình bày; đối chiếu bản đồ địa chính."
    assert (session.start_time, session.end_time) == ("14:00", "16:30")

    # reopen: another record, then this one
    section.new_record()
    assert form.parties.rowCount() == 0
    assert section.select_id(case.id)
    assert form.number.text() == "05" and form.kind.currentText() == "Tranh chấp ranh giới đất"
    assert form.parties.rowCount() == 2 and form.parties.item(0, 3).text() == str(received.year - 45)
    assert form.mediators.rowCount() == 3 and form.sessions.rowCount() == 1
    assert [form.sessions.item(0, c).text() for c in (4, 5)] == ["14:00", "16:30"]
    assert form.deadline_state == "started"
    assert not form.is_dirty()

    # later: the agreement was carried out
    form.carried_out.set_code(True)
    form.carried_out_on.set_date(day + dt.timedelta(days=8))
    window.save_action.trigger()
    case = MediationCase.get_by_id(case.id)
    assert case.carried_out is True and case.carried_out_on == day + dt.timedelta(days=8)
    assert MediationParty.select().where(MediationParty.case == case.id).count() == 2  # updated, not duplicated


def test_settlement_needs_an_agreement_and_errors_show_their_tab(window, team, scripted):
    area, _team, _people = team
    section = section_of(window)
    section.new_record()
    form = section.editor
    form.area.set_code(area.id)
    assert not section.save()  # no party
    assert scripted.shown[-1][0] == "warning" and "ít nhất một bên" in scripted.shown[-1][2]
    assert form.tabs.currentIndex() == 1
    form.add_party({"name": "Lò Văn Sáng"})
    form.outcome.set_code("thanh")
    assert not section.save()
    assert "thỏa thuận" in form.errors["agreement"]
    assert form.tabs.currentIndex() == 4
    assert MediationCase.select().count() == 0


# --- the start deadline -----------------------------------------------------------------


def test_missed_deadline_is_red_in_the_list_and_the_form(window, team):
    area, _team, people = team
    late = simple_case(area, assigned=TODAY - dt.timedelta(days=10), mediators=[{"person": people["Lò Văn Thắng"].id}])
    in_time = simple_case(area, received=TODAY - dt.timedelta(days=1), assigned=TODAY,
                          mediators=[{"person": people["Lò Văn Thắng"].id}])
    section = section_of(window)
    section.reload()
    model = section.model
    rows = {model.id_at(r): r for r in range(model.rowCount())}
    deadline_col = [c.key for c in section.source.columns].index("deadline")
    late_row, ok_row = rows[late.id], rows[in_time.id]
    assert model.data(model.index(late_row, deadline_col)).endswith("– quá hạn")
    assert model.data(model.index(late_row, 0), Qt.ItemDataRole.ForegroundRole).color().name() == RED
    assert model.data(model.index(ok_row, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert "Chưa bắt đầu hòa giải trong 3 ngày" in model.data(model.index(late_row, 0), Qt.ItemDataRole.ToolTipRole)
    # filter: only the missed ones
    section.f_deadline.set_code("missed")
    assert model.rowCount() == 1 and model.id_at(0) == late.id
    # the form shows the deadline in red, with how late it is
    section.select_id(late.id)
    form = section.editor
    assert form.deadline_state == "missed"
    assert form.deadline_label.property("role") == "alert"  # red in ui/dvdesktop.qss
    deadline = (TODAY - dt.timedelta(days=7)).strftime("%d/%m/%Y")
    assert form.deadline_label.text() == f"Đã quá hạn bắt đầu hòa giải 7 ngày (hạn {deadline}): chưa bắt đầu hòa giải."
    # a session starts mediation: no longer red
    form.add_session({"held_on": TODAY, "place": "Nhà văn hóa"})
    assert form.deadline_state == "started" and form.deadline_label.property("role") != "alert"
    assert "(muộn)" in form.deadline_label.text()
    # a new case: nobody assigned yet, then assigned today
    section.f_deadline.set_code(None)
    section.new_record()
    assert form.deadline_state == "ok" and "Chưa phân công" in form.deadline_label.text()
    form.assigned_on.set_date(TODAY)
    by = TODAY + dt.timedelta(days=3)
    assert form.deadline_label.text() == f"Phải bắt đầu hòa giải chậm nhất ngày {by:%d/%m/%Y}."


# --- composition warning --------------------------------------------------------------------


def test_composition_warning_is_the_area_teams_and_not_a_block(window, team, scripted):
    """The rule of three mediators and a woman belongs to the area's tổ hòa
    giải: the case form shows the team's warning; one mediator may handle a case."""
    area, _team, people = team
    section = section_of(window)
    section.new_record()
    form = section.editor
    assert form.composition_label.text() == "Chọn địa bàn để xem tổ hòa giải của địa bàn."
    form.area.set_code(area.id)
    assert len(form.composition) == 1 and "chưa có hòa giải viên nào" in form.composition[0]
    # the team: the clerk records it from the section (one man, then the leader, then a woman)
    section.f_area.set_code(area.id)
    scripted.dialog_scripts = [build_team(["Lò Văn Thắng", "Quàng Văn Pọm"], leader="Lò Văn Thắng")]
    section.team_button.click()
    dialog = section._team_dialog
    assert len(dialog.warnings) == 2
    assert "mới có 2 hòa giải viên" in dialog.warnings[0] and "ít nhất 3" in dialog.warnings[0]
    assert "chưa có hòa giải viên nữ" in dialog.warnings[1]
    assert form.composition == dialog.warnings  # the open case form follows
    # one mediator on a case is no fault of the case
    pick_candidate(form, "Lò Văn Thắng")
    assert form.composition == dialog.warnings
    form.add_party({"name": "Lò Văn Sáng"})
    form.assigned_on.set_date(TODAY)
    assert section.save()
    assert MediationMediator.select().count() == 1
    assert "warning" not in scripted.kinds()
    # the woman completes the team
    scripted.dialog_scripts = [build_team(["Lường Thị Hoa"])]
    section.team_button.click()
    assert section._team_dialog.warnings == []
    assert "đủ thành phần (3 hòa giải viên)" in section._team_dialog.warning_label.text()
    assert form.composition == []
    assert "đủ thành phần (3 hòa giải viên)" in form.composition_label.text()
    assert [m.name for m in mediation_team.members(area.id)][0] == "Lò Văn Thắng"  # the leader first


def build_team(names, leader=None):
    """A dialog script for the mediation team dialog: add each person, make one the leader, close."""
    def clerk(dialog):
        from dvdesktop.gui.dialogs import messages

        for name in names:
            messages().dialog_scripts.insert(0, pick_person(name))
            dialog.add_button.click()
        if leader:
            dialog.table.selectRow([m.name for m in dialog.members].index(leader))
            dialog.leader_button.click()
        dialog.reject()

    return clerk


def test_mediator_from_the_register(window, team, scripted):
    area, _team, _people = team
    outsider = PersonService.create({"full_name": "Vàng A Dơ", "gender": "nam", "ethnicity": "Mông"})
    scripted.dialog_scripts = [pick_person("Vàng A Dơ")]
    section = section_of(window)
    section.new_record()
    form = section.editor
    form.other_mediator_button.click()
    assert form.mediator_rows() == [{"name": "Vàng A Dơ", "gender": "nam", "is_lead": True, "person": outsider.id}]


# --- confidentiality ---------------------------------------------------------------------


def test_names_masked_unless_the_setting_allows(window, team):
    area, _team, _people = team
    secret = simple_case(area, number="01")
    public = simple_case(area, number="02", confidential=False)
    section = section_of(window)
    section.reload()
    by_number = dict(zip(column(section, "number"), column(section, "parties")))
    assert by_number["01"] == "L* V** T*** – Q*** T** M**"
    assert by_number["02"] == "Lò Văn Thắng – Quàng Thị Mai"
    tip = section.model.data(section.model.index(section.model.row_of(secret.id), 0), Qt.ItemDataRole.ToolTipRole)
    assert "Tên các bên được ẩn" in tip
    # masked names are not searchable
    section.search.setText("thang")
    section.search.flush()
    assert [section.model.id_at(r) for r in range(section.model.rowCount())] == [public.id]
    section.search.setText("")
    section.search.flush()
    org = load_organisation()
    org.show_confidential_names = True
    save_organisation(org)
    section.refresh()
    assert dict(zip(column(section, "number"), column(section, "parties")))["01"] == "Lò Văn Thắng – Quàng Thị Mai"


def test_opening_a_confidential_case_writes_the_audit_row(window, team):
    area, _team, _people = team
    secret = simple_case(area, number="01")
    public = simple_case(area, number="02", confidential=False)
    section = section_of(window)
    section.reload()

    def views(case):
        return AuditLog.select().where((AuditLog.action == "view") & (AuditLog.record_id == case.id)
                                       & (AuditLog.table_name == "mediation_case")).count()

    assert views(secret) == 0  # the list alone shows no names
    section.select_id(secret.id)
    assert views(secret) == 1
    assert section.editor.parties.item(0, 0).text() == "Lò Văn Thắng"
    # saving reloads the form: not a new view
    section.editor.notes.setPlainText("Đã nhắc hai bên.")
    assert section.save()
    assert views(secret) == 1
    # a public case is not audited; going back to the secret one is a new view
    section.select_id(public.id)
    assert views(public) == 0
    section.select_id(secret.id)
    assert views(secret) == 2


# --- year, statistics, printing ------------------------------------------------------------


def test_list_follows_the_year_selector_and_filters(window, team):
    area, _team, _people = team
    other = AreaService.create({"name": "Phiêng Ngám", "kind": "bản", "commune": "xã Nậm Pồ"})
    simple_case(area, number="A", received=dt.date(YEAR - 1, 3, 1))
    simple_case(area, number="B", received=dt.date(YEAR - 1, 5, 1), outcome="khong_thanh",
                closed_on=dt.date(YEAR - 1, 5, 9))
    simple_case(other, number="C", received=dt.date(YEAR - 1, 7, 1))
    simple_case(area, number="D", received=TODAY)
    section = section_of(window)
    section.reload()
    assert column(section, "number") == ["D"]
    window.year.setCurrentIndex(window.year.findData(YEAR - 1))
    assert column(section, "number") == ["C", "B", "A"]  # newest first
    assert section.count_label.text() == "3 vụ việc"
    section.activated()
    section.f_area.set_code(other.id)
    assert column(section, "number") == ["C"]
    section.f_area.set_code(None)
    section.f_outcome.set_code("khong_thanh")
    assert column(section, "number") == ["B"]
    section.f_outcome.set_code(None)
    section.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert column(section, "number") == ["A", "B", "C"]


def test_statistics_dialog(window, team, qtbot):
    area, _team, people = team
    other = AreaService.create({"name": "Phiêng Ngám", "kind": "bản", "commune": "xã Nậm Pồ"})
    m = [{"person": people["Lò Văn Thắng"].id}]
    simple_case(area, received=dt.date(YEAR, 1, 5), scope="hon_nhan_gia_dinh", assigned_on=dt.date(YEAR, 1, 6),
                mediators=m, sessions=[{"held_on": dt.date(YEAR, 1, 8)}], outcome="thanh",
                closed_on=dt.date(YEAR, 1, 8), agreement="Hai bên hòa thuận.")
    simple_case(area, received=dt.date(YEAR, 1, 9), outcome="dung", closed_on=dt.date(YEAR, 1, 10))
    simple_case(other, received=dt.date(YEAR, 1, 9), assigned_on=dt.date(YEAR, 1, 9), mediators=m,
                sessions=[{"held_on": dt.date(YEAR, 1, 10)}])
    simple_case(other, received=dt.date(YEAR, 1, 11))
    section = section_of(window)
    section.stats_button.click()
    dialog = section._stats_dialog
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Thống kê hòa giải năm {YEAR}"
    assert dialog.summary.text().startswith(f"Năm {YEAR}: tiếp nhận 4 vụ việc.")
    # area, received, dân sự, HN&GĐ, khác, thành, không thành, đang giải quyết, chưa giải quyết
    assert dialog.row_values(0) == ["Nà Khoang", "2", "1", "1", "0", "1", "1", "0", "0"]
    assert dialog.row_values(1) == ["Phiêng Ngám", "2", "2", "0", "0", "0", "0", "1", "1"]
    assert dialog.row_values(2) == ["Toàn xã", "4", "3", "1", "0", "1", "1", "1", "1"]
    dialog.close()


def test_print_register_and_case_document(window, team, scripted, tmp_path, qtbot):
    area, _team, people = team
    settled = simple_case(area, number="01", received=dt.date(YEAR, 1, 5), outcome="thanh",
                          closed_on=dt.date(YEAR, 1, 8), agreement="Hai bên hòa thuận.")
    pending = simple_case(area, number="02", received=dt.date(YEAR, 1, 9))
    section = section_of(window)
    section.reload()
    # the register for the year: one book per tổ hòa giải, so an area first
    section.print_button.entries["register"].pdf_action.trigger()
    assert "sổ của một tổ hòa giải" in scripted.shown[-1][2]
    section.f_area.set_code(area.id)
    scripted.files = [str(tmp_path / "so")]
    section.print_button.entries["register"].pdf_action.trigger()
    assert (tmp_path / "so.pdf").read_bytes().startswith(b"%PDF")
    assert Path(scripted.shown[-1][2]).name.startswith("so-theo-doi-hoa-giai")
    # a case: choose one first, an open case has nothing to print yet
    section.new_record()
    section.print_button.entries["mediation"].pdf_action.trigger()
    assert "Hãy chọn một vụ việc" in scripted.shown[-1][2]
    section.select_id(pending.id)
    section.print_button.entries["mediation"].pdf_action.trigger()
    assert "chưa có kết quả" in scripted.shown[-1][2]
    section.select_id(settled.id)
    section.editor.notes.setPlainText("…")
    section.print_button.entries["mediation"].pdf_action.trigger()
    assert "Hãy lưu vụ việc" in scripted.shown[-1][2]
    section.editor.discard()
    scripted.files = [str(tmp_path / "van-ban.docx")]
    section.print_button.entries["mediation"].word_action.trigger()
    from docx import Document as read_docx

    assert "VĂN BẢN HÒA GIẢI THÀNH" in "\n".join(p.text for p in read_docx(str(tmp_path / "van-ban.docx")).paragraphs)
    section.print_button.entries["mediation"].preview_action.trigger()
    dialog = section._print_preview
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 1
    dialog.close()


def test_mediation_model_passes_modeltester(window, team, qtmodeltester):
    area, _team, _people = team
    for i in range(25):
        simple_case(area, number=f"{i:02d}", received=TODAY - dt.timedelta(days=i % 20))
    section = section_of(window)
    section.reload()
    assert section.model.rowCount() == 25
    qtmodeltester.check(section.model, force_py=True)
    section.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # the start deadline
    qtmodeltester.check(section.model, force_py=True)


def test_esc_asks_while_a_grid_cell_is_being_typed(window, scripted):
    section = window.section("mediation")
    section.new_record()
    form = section.editor
    form.add_party({}, edit=True)
    form._children_clean = form.children()  # only the typing below is a change
    type_in_open_cell(form.parties, "Lò Văn Thắng")
    scripted.answers = [False]  # keep it
    section.cancel()
    assert scripted.kinds() == ["unsaved"]
    assert [p["name"] for p in form.party_rows()] == ["Lò Văn Thắng"]
