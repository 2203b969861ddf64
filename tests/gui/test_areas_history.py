"""Areas renamed or merged since 1 July 2025: a rename from a chosen day keeps
the old name for earlier days, a typing correction keeps none, a merge
through its dialog moves the people, dissolves the merged area's team and
leaves the area inactive under its old name."""
from __future__ import annotations

import datetime as dt


from dvdesktop.services.register import AreaService, MembershipService, PersonService
from dvdesktop.store.models import AreaName, Person, Team

from tests.gui.helpers import make_team


def open_area(window, area_id):
    section = window.section("areas")
    section.reload()
    assert section.select_id(area_id)
    return section


def rename_on(day: str, reason: str | None = None):
    """What the clerk does in the rename dialog: a rename from *day*."""
    def script(dialog):
        assert dialog.rename.isChecked()  # a rename is what the dialog proposes
        dialog.on.setText(day)
        if reason is not None:
            dialog.reason.setText(reason)
        dialog.save()
    return script


def test_rename_from_a_chosen_day_keeps_the_old_name_before_it(window, scripted):
    area, _team = make_team("Nà Khoang")
    section = open_area(window, area.id)
    form = section.editor.area_form
    form.name.setText("Nà Khoang Mới")
    form.households.setText("130")
    scripted.dialog_scripts = [rename_on("01/07/2025", "Nghị quyết 12/NQ-HĐND sắp xếp thôn")]
    assert section.save()
    area = AreaService.get(area.id)
    assert (area.name, area.households) == ("Nà Khoang Mới", 130)
    assert AreaService.name_on(area, dt.date(2025, 6, 30)) == "Nà Khoang"
    assert AreaService.name_on(area, dt.date(2025, 7, 1)) == "Nà Khoang Mới"
    assert form.history.text() == "Nà Khoang (đến 01/07/2025; Nghị quyết 12/NQ-HĐND sắp xếp thôn)"
    assert not form.is_dirty()
    # a second rename must come after the first one
    form.name.setText("Nà Khoang Một")
    scripted.dialog_scripts = [rename_on("01/01/2025")]
    assert not section.save()
    dialog = scripted.dialogs[-1]
    assert dialog.error.text() == "Tên đã đổi ngày 01/07/2025: lần đổi tên mới phải có hiệu lực sau ngày đó."
    assert AreaService.get(area.id).name == "Nà Khoang Mới" and form.is_dirty()


def test_typing_correction_keeps_no_history(window, scripted):
    area, _team = make_team("Na Khoang")
    section = open_area(window, area.id)
    form = section.editor.area_form
    form.name.setText("Nà Khoang")
    scripted.dialog_scripts = [lambda d: (d.correction.setChecked(True), d.save())]
    assert section.save()
    assert AreaService.get(area.id).name == "Nà Khoang"
    assert AreaName.select().where(AreaName.area == area.id).count() == 0
    assert form.history.text() == "Không có"


def test_cancelling_the_rename_dialog_saves_nothing(window, scripted):
    area, _team = make_team("Nà Khoang")
    section = open_area(window, area.id)
    form = section.editor.area_form
    form.name.setText("Nà Khoang Mới")
    scripted.dialog_scripts = [lambda d: d.reject()]
    assert not section.save()
    assert AreaService.get(area.id).name == "Nà Khoang" and form.is_dirty()


def test_merge_through_the_dialog(window, scripted):
    source, source_team = make_team("Nà Khoang")
    target, target_team = make_team("Nà Hỳ")
    other_commune = AreaService.create({"name": "Huổi Lếch", "kind": "bản", "commune": "xã Nà Bủng"})
    people = [PersonService.create({"full_name": name, "area": source.id})
              for name in ("Lò Văn Thắng", "Quàng Thị Mai")]
    MembershipService.create({"person": people[0].id, "team": source_team.id, "start_date": "01/01/2021",
                              "role": "to_truong"})
    section = open_area(window, source.id)
    done = []

    def clerk(dialog):
        assert [label for _id, label in dialog.targets] == ["Bản Nà Hỳ"]  # not itself, not another commune
        assert other_commune.id not in [i for i, _l in dialog.targets]
        dialog.target.set_code(target.id)
        dialog.on.setText("01/07/2025")
        done.append(dialog.summary.text())
        dialog.save()

    scripted.dialog_scripts = [clerk]
    section.merge_button.click()
    assert done[0].splitlines()[:3] == [
        "Từ ngày 01/07/2025:",
        "• 2 người chuyển sang Bản Nà Hỳ.",
        "• Tổ dân vận bản Nà Khoang giải thể ngày 01/07/2025.",
    ]
    merged = AreaService.get(source.id)
    assert merged.merged_into == target.id and not merged.active
    assert {p.area_id for p in Person.select().where(Person.id.in_([p.id for p in people]))} == {target.id}
    team = Team.get_by_id(source_team.id)
    assert (team.status, team.dissolved_on) == ("dissolved", dt.date(2025, 7, 1))
    assert Team.get_by_id(target_team.id).status == "active"
    assert AreaService.name_on(merged, dt.date(2025, 1, 1)) == "Nà Khoang"
    # the list shows it as no longer in use; the form says where it went
    assert section.current_id() == source.id
    row = section.model.row_of(source.id)
    assert section.model.data(section.model.index(row, 0)) == "Nà Khoang (cũ)"
    form = section.editor.area_form
    assert not form.active.isChecked()
    assert form.merged_note.text() == "Đã sáp nhập vào Bản Nà Hỳ từ ngày 01/07/2025."
    assert form.history.text() == "Nà Khoang (đến 01/07/2025; Sáp nhập vào Nà Hỳ)"
    # the filter of areas no longer in use
    section.f_in_use.set_code("inactive")
    assert [section.model.id_at(i) for i in range(section.model.rowCount())] == [source.id]
    section.f_in_use.set_code("active")
    assert source.id not in [section.model.id_at(i) for i in range(section.model.rowCount())]
    section.f_in_use.set_code(None)
    # merging it again is refused, in Vietnamese
    section.select_id(source.id)
    section.merge_button.click()
    assert scripted.shown[-1] == ("warning", "Sáp nhập địa bàn", "Bản Nà Khoang đã được sáp nhập vào Bản Nà Hỳ trước đó.")


def test_merge_into_itself_is_refused(window, scripted):
    from dvdesktop.gui.forms.area_dialogs import MergeAreaDialog

    area, team = make_team("Nà Khoang")
    section = open_area(window, area.id)
    dialog = MergeAreaDialog(section, area.id)
    assert dialog.targets == []
    dialog.target.addItem("Bản Nà Khoang", area.id)  # a stale list: the service still refuses
    dialog.target.set_code(area.id)
    dialog.on.setText("01/07/2025")
    dialog.save()
    assert dialog.error.text() == "Không thể sáp nhập một địa bàn vào chính nó."
    assert dialog.result() != MergeAreaDialog.DialogCode.Accepted
    assert AreaService.get(area.id).active and Team.get_by_id(team.id).status == "active"
    # from the section: no other area in use in the commune, said so, no dialog
    section.merge_button.click()
    assert scripted.shown[-1] == ("info", "Sáp nhập địa bàn", "Trong xã không còn địa bàn nào khác đang hoạt động "
                                  "để sáp nhập Bản Nà Khoang vào.")


def test_merge_needs_a_target_and_a_date(window, scripted):
    from dvdesktop.gui.forms.area_dialogs import MergeAreaDialog

    source, _t = make_team("Nà Khoang")
    for name in ("Hạ", "Đông", "Dư"):
        make_team(name, "thôn")
    dialog = MergeAreaDialog(open_area(window, source.id), source.id)
    assert [label for _i, label in dialog.targets] == ["Thôn Dư", "Thôn Đông", "Thôn Hạ"]  # Đ after D, not after Z
    assert dialog.target.code() is None
    dialog.save()
    assert dialog.error.text() == "Chọn địa bàn được sáp nhập vào."
    dialog.target.setCurrentIndex(1)
    dialog.on.setText("31/02/2025")
    dialog.save()
    assert dialog.error.text() == "Nhập ngày theo dạng ngày/tháng/năm (dd/mm/yyyy)."
    assert AreaService.get(source.id).active
