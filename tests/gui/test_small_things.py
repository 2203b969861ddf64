"""Small things a clerk trips over: the person picker's order, the concern
form's team from the area, the red rows' legend, Qt's own dialogs in
Vietnamese."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dvdesktop.services.register import AreaService, PersonService, TeamService

from tests.gui.helpers import make_team


def test_picker_matches_word_starts_then_the_teams_area(window, qtbot):
    from dvdesktop.gui.forms.person_picker import PersonPicker

    area, team = make_team()
    other = AreaService.create({"name": "Huổi Lếch", "kind": "bản"})
    for name, where in (("Lò Thị Chang", area), ("Vàng Thị Hằng", other), ("Lò Thị Hằng", area),
                        ("Quàng Văn Hảng", other)):
        PersonService.create({"full_name": name, "area": where.id})
    picker = PersonPicker(window, "", prefer_area=area.id)
    qtbot.addWidget(picker)
    picker.filter("hang")
    names = [picker.model.index(r, 0).data() for r in range(picker.model.rowCount())]
    # word starts first (the team's area before the others), "Chang" (inside a word) last
    assert names == ["Lò Thị Hằng", "Quàng Văn Hảng", "Vàng Thị Hằng", "Lò Thị Chang"]
    picker.filter("")
    names = [picker.model.index(r, 0).data() for r in range(picker.model.rowCount())]
    assert names[:2] == ["Lò Thị Chang", "Lò Thị Hằng"]  # the area's people first


def test_membership_dialog_offers_the_teams_area_first(window, scripted):
    from dvdesktop.gui.forms.membership_dialog import MembershipDialog

    area, team = make_team()
    far = AreaService.create({"name": "Huổi Lếch", "kind": "bản"})
    PersonService.create({"full_name": "Lò Văn An", "area": far.id})
    PersonService.create({"full_name": "Lò Văn Bình", "area": area.id})
    dialog = MembershipDialog(window, team.id)
    seen = []

    def clerk(picker):
        seen.extend(picker.model.index(r, 0).data() for r in range(picker.model.rowCount()))
        picker.reject()

    scripted.dialog_scripts = [clerk]
    dialog.form.choose_person()
    assert seen == ["Lò Văn Bình", "Lò Văn An"]


def test_concern_form_fills_the_team_from_the_area(window):
    area, team = make_team()
    other, other_team = make_team("Huổi Lếch")
    section = window.section("concerns")
    window.new_action.trigger()
    form = section.editor
    assert form.team.code() is None
    form.area.set_code(area.id)
    assert form.team.code() == team.id
    form.area.set_code(other.id)  # the team follows a change of area
    assert form.team.code() == other_team.id


def test_red_rows_have_a_legend(window):
    for key, words in (("concerns", "quá hạn"), ("mediation", "3 ngày"), ("meetings", "nhiệm vụ"),
                       ("supervision", "30 ngày")):
        section = window.section(key)
        label = section.legend_label
        assert label is not None and words in label.text() and label.text().count("Đỏ") == 1, key
    assert window.section("people").legend_label is None


def test_qt_file_and_print_dialogs_speak_vietnamese(vietnamese):
    tr = QCoreApplication.translate
    assert tr("QFileDialog", "&Look in:") == "&Tìm trong:"  # the words Qt 6 asks for
    assert tr("QFileDialog", "Files of &type:") == "&Kiểu tệp:"
    assert tr("QAbstractFileIconProvider", "Folder") == "Thư mục"
    assert tr("QFileDialog", "File &name:") == "&Tên tệp:"
    assert tr("QFileDialog", "Files of type:") == "Kiểu tệp:"
    assert tr("QFileDialog", "&Save") == "&Lưu"
    assert tr("QPrintDialog", "Print") == "In"
    assert tr("QPageSetupWidget", "Orientation") == "Hướng giấy"
