"""The people list and form: data entry, validation, duplicates, search,
sort, filters, trash; models pass qtmodeltester."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from dvdesktop.services.register import MembershipService, PersonService
from dvdesktop.store.models import Person

from tests.gui.helpers import make_team, select_row


def people(window):
    return window.section("people")


def names(section):

    model = section.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())] if model.rowCount() else []


def test_enter_person_save_reopen(window, qtbot):
    section = people(window)
    window.new_action.trigger()
    form = section.editor
    form.full_name.setText("Lò Văn Thắng")
    form.gender.set_code("nam")
    form.birth_year.setText("1975")
    form.ethnicity.setEditText("Thái")
    form.phone.setText("0912 345 678")
    form.party_member.setChecked(True)
    assert form.is_dirty()
    window.save_action.trigger()
    stored = Person.get(Person.full_name == "Lò Văn Thắng")
    assert (stored.gender, stored.birth_year, stored.ethnicity, stored.party_member) == ("nam", 1975, "Thái", True)
    assert not form.is_dirty()
    # reopen: select another record, then this one again
    section.new_record()
    assert section.select_id(stored.id)
    assert form.full_name.text() == "Lò Văn Thắng" and form.phone.text() == "0912 345 678"
    assert window.statusBar().currentMessage() == "Đã lưu."


def test_validation_as_you_type_marks_field_in_vietnamese(window, qtbot):
    section = people(window)
    form = section.editor
    section.new_record()
    form.full_name.setText("Thắng")
    form.birth_year.setText("19x5")
    qtbot.waitUntil(lambda: form.errors != {}, timeout=2000)
    # one bar under the fields says it; the field is outlined
    assert "phải là số nguyên" in form.problems.text() and form.problems.isVisibleTo(form)
    assert form.birth_year.property("invalid") is True
    form.birth_year.setText("1975")
    form.validate()
    assert "ít nhất hai chữ" in form.errors["full_name"]
    assert form.save() is None
    assert Person.select().count() == 0
    form.full_name.setText("Lò Văn Thắng")
    assert form.validate() and form.errors == {}
    assert not form.problems.isVisibleTo(form) and not form.birth_year.property("invalid")


def test_saving_lists_every_problem_at_once(window, qtbot):
    section = people(window)
    form = section.editor
    section.new_record()
    form.birth_year.setText("19x5")
    form.phone.setText("abc")
    assert form.save() is None
    # the empty name and the wrong year together, in the one bar, without a second try
    assert {"full_name", "birth_year"} <= set(form.errors)
    text = form.problems.text()
    assert "Chưa nhập họ và tên." in text and "phải là số nguyên" in text


def test_duplicate_warning_on_add(window, scripted):
    PersonService.create({"full_name": "Quàng Thị Mai", "birth_year": 1980})
    section = people(window)
    section.new_record()
    section.editor.full_name.setText("Quang Thi Mai")  # same folded name
    section.editor.birth_year.setText("1980")
    scripted.answers = [False]
    assert not section.save()
    assert scripted.shown[-1][1] == "Có thể bị trùng"
    assert Person.select().count() == 1
    scripted.answers = [True]
    assert section.save()
    assert Person.select().count() == 2


def test_search_ignores_diacritics_and_sorts_by_given_name(window):
    for name, phone in (("Nguyễn Văn Đức", "0912345678"), ("Lò Thị An", ""), ("Trần Văn Bình", "0987 111 222"),
                        ("Đặng An", "")):
        PersonService.create({"full_name": name, "phone": phone})
    section = people(window)
    section.reload()
    # tên first, then họ đệm: An (Đặng) < An (Lò) by họ: Đặng < Lò; then Bình, Đức
    assert names(section) == ["Đặng An", "Lò Thị An", "Trần Văn Bình", "Nguyễn Văn Đức"]
    section.search.setText("nguyen van duc")
    section.search.flush()
    assert names(section) == ["Nguyễn Văn Đức"]
    section.search.setText("DUC")
    section.search.flush()
    assert names(section) == ["Nguyễn Văn Đức"]
    section.search.setText("0987 111")
    section.search.flush()
    assert names(section) == ["Trần Văn Bình"]
    section.search.setText("100%_")
    section.search.flush()
    assert names(section) == []
    section.search.setText("")
    section.search.flush()
    # sort by clicking the header: descending name order
    section.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(section)[0] == "Nguyễn Văn Đức"


def test_filters(window):
    area, team = make_team()
    a = PersonService.create({"full_name": "Lò Văn Thắng", "gender": "nam", "party_member": True, "ethnicity": "Thái",
                              "area": area.id})
    b = PersonService.create({"full_name": "Quàng Thị Mai", "gender": "nữ", "ethnicity": "Thái"})
    c = PersonService.create({"full_name": "Nguyễn Văn Hùng", "gender": "nam"})
    lead = MembershipService.create({"person": a.id, "team": team.id, "role": "to_truong", "start_date": "01/01/2020"})
    MembershipService.create({"person": b.id, "team": team.id, "role": "thanh_vien", "start_date": "01/01/2020",
                              "end_date": "01/01/2021"})
    section = people(window)
    section.activated()

    def pick(combo, code):
        combo.setCurrentIndex(combo.findData(code))
        return sorted(names(section))

    assert pick(section.f_party, True) == ["Lò Văn Thắng"]
    section.f_party.setCurrentIndex(0)
    assert pick(section.f_gender, "nữ") == ["Quàng Thị Mai"]
    section.f_gender.setCurrentIndex(0)
    assert pick(section.f_ethnicity, "Thái") == ["Lò Văn Thắng", "Quàng Thị Mai"]
    section.f_ethnicity.setCurrentIndex(0)
    assert pick(section.f_area, area.id) == ["Lò Văn Thắng"]
    section.f_area.setCurrentIndex(0)
    assert pick(section.f_status, "current") == ["Lò Văn Thắng"]
    assert pick(section.f_status, "former") == ["Quàng Thị Mai"]
    assert pick(section.f_status, "none") == ["Nguyễn Văn Hùng", "Quàng Thị Mai"]
    section.f_status.setCurrentIndex(0)
    assert pick(section.f_role, "to_truong") == ["Lò Văn Thắng"]
    section.f_role.setCurrentIndex(0)
    assert pick(section.f_team, team.id) == ["Lò Văn Thắng"]
    # one row per person with current roles
    model = section.model
    roles = model.data(model.index(0, 7))
    assert roles.startswith("Tổ trưởng – Tổ dân vận")
    # the year selector: in 2020 Mai was still a member
    section.f_team.setCurrentIndex(0)
    window.year.setCurrentIndex(window.year.findData(2020))
    assert pick(section.f_status, "current") == ["Lò Văn Thắng", "Quàng Thị Mai"]
    MembershipService.reassign(lead.id, dt.date(2022, 1, 1), "to_pho")


def test_delete_is_soft_and_trash_restores(window, scripted, qtbot, monkeypatch):
    p = PersonService.create({"full_name": "Lò Văn Thắng"})
    section = people(window)
    section.reload()
    section.select_id(p.id)
    section.view.setFocus()
    scripted.answers = [True]
    section.delete_action.trigger()
    assert scripted.shown[-1][0] == "confirm"
    assert Person.get_by_id(p.id).deleted_at is not None
    assert section.model.rowCount() == 0
    from dvdesktop.gui.trash import TrashDialog

    dialog = TrashDialog(section, PersonService, "Thùng rác", lambda r: r.full_name)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    dialog.restore_selected()
    assert Person.get_by_id(p.id).deleted_at is None
    section.reload()
    assert names(section) == ["Lò Văn Thắng"]


def test_escape_asks_before_discarding(window, scripted, qtbot):
    p = PersonService.create({"full_name": "Lò Văn Thắng"})
    section = people(window)
    section.reload()
    section.select_id(p.id)
    section.editor.phone.setText("0912345678")
    scripted.answers = [False]
    window.cancel()
    assert section.editor.phone.text() == "0912345678"
    scripted.answers = [True]
    window.cancel()
    assert section.editor.phone.text() == ""
    assert [k for k in scripted.kinds()] == ["unsaved", "unsaved"]
    # nothing to ask when nothing changed
    window.cancel()
    assert len(scripted.shown) == 2


def test_tab_order_follows_the_form(window):
    form = people(window).editor
    order = [form.full_name, form.gender, form.birth_year, form.ethnicity, form.phone, form.address, form.area,
             form.party_member, form.titles, form.notes]
    for a, b in zip(order, order[1:]):
        w = a.nextInFocusChain()
        # skip what takes no Tab focus (labels) and a combo's own line edit
        while w is not b and (not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or w.parent() is a):
            w = w.nextInFocusChain()
        assert w is b, (a, b, w)


def test_people_model_passes_modeltester(window, qtmodeltester, qtbot):
    for i in range(300):
        PersonService.model.insert(PersonService.model.prepare_row({"full_name": f"Người Thứ {i}",
                                                                   "birth_year": 1950 + i % 50})).execute()
    section = people(window)
    section.reload()
    # a long list: the first screen at once, the rest from the event loop, appended
    assert section.model.partial and section.model.rowCount() == section.source.first_block
    assert section.count_label.text().endswith("…")
    first = [section.model.id_at(r) for r in range(section.model.rowCount())]
    with qtbot.waitSignal(section.model.completed):
        pass
    assert section.model.rowCount() == 300 and not section.model.partial
    assert [section.model.id_at(r) for r in range(len(first))] == first
    assert not section.count_label.text().endswith("…")
    section.reload()
    assert section.model.partial
    section.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # sorting a partial list reads it whole
    assert section.model.rowCount() == 300
    section.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(section.model, force_py=True)
    section.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(section.model, force_py=True)


# --- a record deleted by someone else meanwhile ------------------------------


def test_selecting_a_record_deleted_meanwhile_is_said_plainly(window, scripted):
    """Someone deleted the person after the list was read: the clerk is told,
    the list is read again, no traceback."""
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    PersonService.create({"full_name": "Quàng Thị Mai"})
    section = window.section("people")
    section.reload()
    row = section.model.row_of(a.id)
    PersonService.delete(a.id)
    select_row(section, row)
    assert ("warning" in scripted.kinds())
    assert section.model.row_of(a.id) is None
    assert section.editor.record_id != a.id


def test_delete_selected_of_a_record_deleted_meanwhile(window, scripted):
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    section = window.section("people")
    section.reload()
    select_row(section, section.model.row_of(a.id))
    PersonService.delete(a.id)
    section.delete_selected()
    assert "warning" in scripted.kinds()
    assert section.model.row_of(a.id) is None
