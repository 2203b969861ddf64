"""A clerk's first day on a 1366x768 screen: the overview says what to do
first on an empty database, editors and dialogs fit on the screen, a form in
a dialog makes room for its messages, kiện toàn replaces the tổ trưởng in
one step."""
from __future__ import annotations

import datetime as dt


from dvdesktop.services.register import MembershipService, PersonService
from dvdesktop.store.models import Membership

from tests.gui.helpers import make_team


def test_getting_started_on_an_empty_database(window, monkeypatch):
    overview = window.section("overview")
    overview.refresh()
    panel = overview.getting_started
    assert not panel.isHidden()
    labels = [label.text() for label, _button in panel.steps]
    assert labels[0].startswith("1. Chọn tỉnh") and not labels[0].endswith("✓")
    assert panel.steps[0][1].isDefault()  # the next step is the first one
    assert "«Thành phần tổ»" in labels[4]

    panel.steps[1][1].click()  # "Thêm địa bàn" opens the areas with an empty form
    areas = window.current_section()
    assert areas.key == "areas" and areas.editor.record_id is None

    area, team = make_team()
    person = PersonService.create({"full_name": "Lò Văn Thắng"})
    MembershipService.create({"person": person.id, "team": team.id, "start_date": "01/01/2020"})
    window.nav.setCurrentRow(0)
    overview.refresh()
    assert [label.text().endswith("✓") for label, _b in panel.steps] == [False, True, True, True, True]
    assert panel.steps[0][1].isDefault()

    from dvdesktop.services.settings import load_organisation, save_organisation

    org = load_organisation()
    org.province, org.province_code, org.commune, org.commune_code = "Điện Biên", "11", "xã Nà Hỳ", "3334"
    save_organisation(org)
    overview.refresh()
    assert panel.isHidden()  # all done: only the figures


def test_editors_fit_beside_the_list_at_1366x768(window):
    """No editor wider than its pane: fields and messages were cut off on
    the right (the team form's two cadre buttons side by side)."""
    window.resize(1366, 768)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        section = window.current_section()
        if not hasattr(section, "editor"):
            continue
        scroll = section.editor.parentWidget().parentWidget()
        assert section.editor.minimumSizeHint().width() <= scroll.viewport().width(), section.key


def test_windows_fit_on_the_screen(window, qtbot):
    from PySide6.QtWidgets import QDialog

    from dvdesktop.gui.widgets import fit_to_screen

    room = window.screen().availableGeometry()
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, 820, 5000)  # the print preview asked for 900 px on a 768 px screen
    assert dialog.height() <= room.height() - 40 and dialog.width() <= 820
    fresh = type(window)()
    qtbot.addWidget(fresh)
    assert fresh.height() <= room.height()


def test_membership_dialog_makes_room_for_the_message(window, qtbot):
    area, team = make_team()
    leader = PersonService.create({"full_name": "Lò Văn Thắng"})
    MembershipService.create({"person": leader.id, "team": team.id, "role": "to_truong", "start_date": "01/01/2020"})
    other = PersonService.create({"full_name": "Quàng Thị Mai"})
    from dvdesktop.gui.forms.membership_dialog import MembershipDialog

    dialog = MembershipDialog(window, team.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.set_person(other)
    dialog.form.role.set_code("to_truong")
    dialog.form.start_date.setText("01/03/2021")
    dialog.save()
    assert "Kiện toàn" in dialog.form.errors["role"]
    qtbot.waitUntil(lambda: dialog.height() >= dialog.sizeHint().height())
    label = dialog.form.problems
    assert "Kiện toàn" in label.text()
    assert label.isVisible() and label.height() >= label.heightForWidth(label.width())


def test_kien_toan_new_leader_replaces_the_old_one_in_one_step(window, qtbot):
    area, team = make_team()
    old = PersonService.create({"full_name": "Lò Văn Thắng"})
    new = PersonService.create({"full_name": "Quàng Thị Mai"})
    lead = MembershipService.create({"person": old.id, "team": team.id, "role": "to_truong",
                                     "start_date": "01/01/2020"})
    deputy = MembershipService.create({"person": new.id, "team": team.id, "role": "to_pho",
                                       "start_date": "01/01/2020"})
    from dvdesktop.gui.forms.membership_dialog import ReassignDialog

    dialog = ReassignDialog(window, MembershipService.get(deputy.id))
    qtbot.addWidget(dialog)
    assert dialog.step_down.isHidden()
    dialog.role.set_code("to_truong")
    dialog.on.setText("01/07/2024")
    assert not dialog.step_down.isHidden() and "Lò Văn Thắng" in dialog.step_down.text()
    dialog.save()
    assert dialog.result() == ReassignDialog.DialogCode.Accepted, dialog.error.text()
    roles = {m.full_name: m.role for m in MembershipService.current(team.id, dt.date(2024, 7, 1))}
    assert roles == {"Quàng Thị Mai": "to_truong", "Lò Văn Thắng": "thanh_vien"}
    assert Membership.get_by_id(lead.id).end_date == dt.date(2024, 7, 1)  # history kept


def test_kien_toan_without_stepping_down_is_refused_and_changes_nothing(window, qtbot):
    area, team = make_team()
    old = PersonService.create({"full_name": "Lò Văn Thắng"})
    new = PersonService.create({"full_name": "Quàng Thị Mai"})
    MembershipService.create({"person": old.id, "team": team.id, "role": "to_truong", "start_date": "01/01/2020"})
    deputy = MembershipService.create({"person": new.id, "team": team.id, "role": "to_pho",
                                       "start_date": "01/01/2020"})
    from dvdesktop.gui.forms.membership_dialog import ReassignDialog

    dialog = ReassignDialog(window, MembershipService.get(deputy.id))
    qtbot.addWidget(dialog)
    dialog.role.set_code("to_truong")
    dialog.on.setText("01/07/2024")
    dialog.step_down.setChecked(False)
    dialog.save()
    assert dialog.result() != ReassignDialog.DialogCode.Accepted
    assert "tổ trưởng" in dialog.error.text()
    assert Membership.select().count() == 2 and Membership.get_by_id(deputy.id).end_date is None
