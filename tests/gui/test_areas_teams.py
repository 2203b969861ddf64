"""Areas and teams: forms, renames kept as history, team composition with
kiện toàn, settings dialog with the 2025 list of communes."""
from __future__ import annotations

import datetime as dt


from dvdesktop.gui.i18n import _
from dvdesktop.services.register import AreaService, MembershipService, PersonService, TeamService
from dvdesktop.store.models import Area, AreaName, Membership, Team

from tests.gui.helpers import make_team, pick_person, select_row


def areas(window):
    return window.section("areas")


def test_new_area_and_team_through_the_forms(window):
    section = areas(window)
    window.new_action.trigger()
    editor = section.editor
    assert not editor.isTabEnabled(1)
    form = editor.area_form
    form.name.setText("Nà Khoang")
    form.kind.set_code("bản")
    form.households.setText("120")
    form.population.setText("540")
    form.ethnic_groups.setText("Thái, Mông")
    window.save_action.trigger()
    area = Area.get(Area.name == "Nà Khoang")
    assert (area.kind, area.households, area.population, area.ethnic_groups) == ("bản", 120, 540, "Thái, Mông")
    assert section.current_id() == area.id
    assert editor.isTabEnabled(1)
    team_form = editor.team_form
    assert team_form.area.code() == area.id
    team_form.decision_number.setText("125-QĐ/ĐU")
    team_form.established_on.setText("05/01/2024")
    editor.setCurrentIndex(1)
    assert team_form.is_dirty()
    window.save_action.trigger()
    assert team_form.errors == {}
    team = Team.get(Team.area == area.id)
    assert team.name == "Tổ dân vận bản Nà Khoang"
    assert team.established_on == dt.date(2024, 1, 5) and team.decision_number == "125-QĐ/ĐU"
    assert editor.isTabEnabled(2)
    model = section.model
    assert model.data(model.index(0, 7)) == "125-QĐ/ĐU 05/01/2024"


def test_area_validation_marks_population(window):
    section = areas(window)
    section.new_record()
    form = section.editor.area_form
    form.name.setText("Nà Khoang")
    form.households.setText("120")
    form.population.setText("50")
    assert not form.validate()
    assert form.errors["population"] == "Số nhân khẩu không thể ít hơn số hộ."
    assert not section.save()
    form.team_date = None
    form.established = None


def test_rename_keeps_history(window, scripted):
    area, _team = make_team()
    section = areas(window)
    section.reload()
    section.select_id(area.id)
    form = section.editor.area_form
    form.name.setText("Nà Khoang Mới")
    form.households.setText("130")
    # the rename dialog, saved as it opens: a rename from today, "Đổi tên"
    assert section.save()
    assert scripted.shown[-1][:2] == ("dialog", "Đổi tên địa bàn")
    area = Area.get_by_id(area.id)
    assert (area.name, area.households) == ("Nà Khoang Mới", 130)
    assert [n.name for n in AreaName.select().where(AreaName.area == area.id)] == ["Nà Khoang"]
    assert "Nà Khoang (đến" in form.history.text()
    # a typing correction keeps no history
    form.name.setText("Nà Khoang Mới 2")
    scripted.dialog_scripts = [lambda d: (d.correction.setChecked(True), d.save())]
    assert section.save()
    assert AreaName.select().where(AreaName.area == area.id).count() == 1


def test_composition_add_kien_toan_end(window, monkeypatch, qtbot):
    area, team = make_team()
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    b = PersonService.create({"full_name": "Quàng Thị Mai"})
    section = areas(window)
    section.reload()
    section.select_id(area.id)
    panel = section.editor.members
    assert panel.team_id == team.id

    from dvdesktop.gui.forms.membership_dialog import EndMembershipDialog, MembershipDialog, ReassignDialog

    dialog = MembershipDialog(panel, team.id)
    qtbot.addWidget(dialog)
    dialog.form.set_person(a)
    dialog.form.role.set_code("to_truong")
    dialog.form.position.setEditText("Bí thư Chi bộ")
    dialog.form.start_date.setText("01/03/2020")
    dialog.save()
    assert dialog.created_id is not None
    dialog = MembershipDialog(panel, team.id)
    qtbot.addWidget(dialog)
    dialog.form.set_person(b)
    dialog.form.role.set_code("to_truong")  # a second leader is refused, in Vietnamese
    dialog.form.start_date.setText("01/03/2021")
    dialog.save()
    assert dialog.created_id is None
    assert "Kiện toàn" in dialog.form.errors["role"]
    dialog.form.role.set_code("thanh_vien")
    dialog.save()
    assert dialog.created_id is not None
    panel.load(team.id)
    assert panel.current.rowCount() == 2
    assert panel.current.item(0, 0).text() == "Lò Văn Thắng" and panel.current.item(0, 2).text() == "Bí thư Chi bộ"

    # kiện toàn: Thắng becomes tổ phó from 01/01/2023, Mai tổ trưởng
    panel.current.selectRow(0)
    lead = panel.selected_membership()
    reassign = ReassignDialog(panel, lead)
    qtbot.addWidget(reassign)
    reassign.role.set_code("to_pho")
    reassign.on.setText("01/01/2023")
    reassign.save()
    assert reassign.result() == ReassignDialog.DialogCode.Accepted
    old = Membership.get_by_id(lead.id)
    assert old.end_date == dt.date(2023, 1, 1) and old.role == "to_truong"  # history kept
    assert Membership.get_by_id(reassign.new_id).role == "to_pho"
    panel.load(team.id)
    assert panel.former.rowCount() == 1 and panel.former.item(0, 4).text() == "01/01/2023"

    # end Mai's membership
    row = [panel.current.item(r, 0).text() for r in range(panel.current.rowCount())].index("Quàng Thị Mai")
    panel.current.selectRow(row)
    end = EndMembershipDialog(panel, panel.selected_membership())
    qtbot.addWidget(end)
    end.on.setText("30/06/2024")
    end.reason.setText("Chuyển đi nơi khác")
    end.save()
    panel.load(team.id)
    assert [panel.current.item(r, 0).text() for r in range(panel.current.rowCount())] == ["Lò Văn Thắng"]
    assert MembershipService.current(team.id, dt.date(2024, 1, 1))[0].full_name == "Lò Văn Thắng"


def test_team_cadre_from_register(window, scripted):
    area, team = make_team()
    cadre = PersonService.create({"full_name": "Vàng A Dính", "phone": "0912000111", "titles": "Phó Bí thư Đảng ủy"})
    scripted.dialog_scripts = [pick_person("Vàng A Dính")]
    section = areas(window)
    section.reload()
    section.select_id(area.id)
    form = section.editor.team_form
    form.pick_cadre.click()
    assert form.is_dirty() and form.cadre_name.text() == "Vàng A Dính"
    section.editor.setCurrentIndex(1)
    assert section.save()
    team = Team.get_by_id(team.id)
    assert (team.cadre_id, team.cadre_phone, team.cadre_title) == (cadre.id, "0912000111", "Phó Bí thư Đảng ủy")


def test_delete_area_with_team_is_refused_plainly(window, scripted):
    area, _team = make_team()
    section = areas(window)
    section.reload()
    section.select_id(area.id)
    scripted.answers = [True]
    section.delete_selected()
    assert scripted.shown[-1][0] == "warning" and "còn Tổ dân vận" in scripted.shown[-1][2]
    scripted.answers = [True]
    section.delete_team()
    assert Team.select().where(Team.deleted_at.is_null()).count() == 0
    section.select_id(area.id)
    scripted.answers = [True]
    section.delete_selected()
    assert len(AreaService.trash()) == 1


def test_areas_model_passes_modeltester(window, qtmodeltester):
    for i in range(150):
        AreaService.create({"name": f"Thôn {i}", "households": 10 + i})
    make_team("Nà Khoang")
    section = areas(window)
    section.reload()
    qtmodeltester.check(section.model, force_py=True)
    section.search.setText("na khoang")
    section.search.flush()
    assert section.model.rowCount() == 1


def test_settings_dialog_official_list(window, qtbot):
    from dvdesktop.gui.forms.settings_dialog import SettingsDialog
    from dvdesktop.services.settings import load_organisation

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.province.count() == 35  # 34 and "(chọn)"
    dialog.province.setCurrentIndex(dialog.province.findText("Điện Biên"))
    index = dialog.commune.findText("xã Nậm Kè")
    assert index > 0
    dialog.commune.setCurrentIndex(index)
    assert dialog.party_committee.text() == "Đảng ủy xã Nậm Kè"
    assert dialog.place_name.text() == "Nậm Kè"
    dialog.party_signer.name.setText("Lò Văn Páo")
    dialog.party_signer.title.setText("BÍ THƯ")
    assert "mediation" not in dialog.styles  # a State paper by law: no choice offered
    dialog.styles["outreach"].setCurrentIndex(dialog.styles["outreach"].findData("state"))
    dialog.save()
    org = load_organisation()
    assert (org.province, org.commune, org.place_name) == ("Điện Biên", "xã Nậm Kè", "Nậm Kè")
    assert org.commune_code.isdigit() and org.party_signer.name == "Lò Văn Páo"
    assert org.header_style("outreach") == "state"
    again = SettingsDialog(window)
    qtbot.addWidget(again)
    assert again.commune.currentText() == "xã Nậm Kè"


# --- unsaved area edits are not dropped silently -----------------------------


def test_delete_team_asks_before_dropping_unsaved_area_edits(window, scripted):
    area, team = make_team()
    section = window.section("areas")
    section.reload()
    select_row(section, section.model.row_of(area.id))
    assert section.editor.record_id == area.id
    section.editor.area_form.households.setText("321")
    assert section.editor.is_dirty()
    scripted.answers = [False]  # do not discard
    section.delete_team()
    assert scripted.shown[0][1] == _("Unsaved changes")
    assert section.editor.area_form.households.text() == "321"
    assert TeamService.get(team.id).id == team.id  # not deleted either


def test_team_trash_asks_before_dropping_unsaved_area_edits(window, scripted):
    area, _team = make_team()
    section = window.section("areas")
    section.reload()
    select_row(section, section.model.row_of(area.id))
    section.editor.area_form.households.setText("321")
    # the clerk restores a team in the trash dialog (as if; the list is empty), then closes it
    scripted.dialog_scripts = [lambda dialog: (dialog.restored.append(0), dialog.reject())]
    scripted.answers = [False]  # keep the typed edits
    section.open_team_trash()
    assert section.editor.area_form.households.text() == "321"
    assert section.editor.is_dirty()
    assert scripted.kinds() == ["dialog", "unsaved"]
    assert AreaService.get(area.id).households != 321
