"""The import dialog (preview with row-numbered problems, import off the GUI
thread, Stop rolls back) and «Xuất Excel…» on the list sections."""
from __future__ import annotations

from openpyxl import Workbook, load_workbook

from dvdesktop.gui.import_dialog import ImportMembersDialog, PreviewModel
from dvdesktop.services import stats


def _list(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return str(path)


GOOD = [["DANH SÁCH THÀNH VIÊN TỔ DÂN VẬN"], [], ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Bản",
                                                 "Chức vụ trong tổ"],
        [1, "Lò Văn Thắng", 1975, "Nam", "Nà Khoang", "Tổ trưởng"],
        [2, "Quàng Thị Ơn", 1980, "Nữ", "Nà Khoang", "Thành viên"]]


def test_preview_then_import_from_the_people_section(window, scripted, tmp_path, qtbot, qtmodeltester):
    section = window.section("people")
    path = _list(tmp_path / "ds.xlsx", GOOD)
    seen = {}

    def clerk(dialog):
        scripted.files.append(path)
        dialog.choose_button.click()
        seen["rows"] = dialog.model.rowCount()
        seen["summary"] = dialog.summary.text()
        seen["enabled"] = dialog.import_button.isEnabled()
        qtmodeltester.check(dialog.model)
        dialog.grab().save(str(tmp_path / "import-dialog.png"))
        dialog.import_button.click()

    scripted.dialog_scripts.append(clerk)
    section.import_button.click()
    assert seen["rows"] == 2 and seen["enabled"]
    assert "dòng tiêu đề 3" in seen["summary"] and "2 thêm mới" in seen["summary"]
    assert ("info", "Nhập danh sách thành viên từ Excel",
            "Đã nhập: 2 người mới, 0 người cập nhật, 0 không đổi; 2 lượt vào tổ; địa bàn mới: bản Nà Khoang.") \
        in scripted.shown
    # the list read the new people again (the operation said what changed)
    names = [section.model.data(section.model.index(r, 0)) for r in range(section.model.rowCount())]
    assert names == ["Quàng Thị Ơn", "Lò Văn Thắng"]


def test_both_sections_have_the_same_import_button(window, scripted):
    """«Nhập từ Excel…» in the search bar of the people and of the areas, each opening its own import."""
    titles = []
    scripted.dialog_scripts.extend([lambda dialog: titles.append(dialog.windowTitle())] * 2)
    for key in ("people", "areas"):
        section = window.section(key)
        assert section.import_button.text() == "Nhập từ Excel…"
        assert section.search_bar.indexOf(section.import_button) >= 0
        section.import_button.click()
    assert titles == ["Nhập danh sách thành viên từ Excel", "Nhập danh sách địa bàn từ Excel"]


def test_rows_with_problems_are_shown_and_nothing_can_be_imported(window, scripted, tmp_path):
    bad = GOOD[:3] + [[1, "Lò Văn Thắng", "năm ngoái", "Nam", "Nà Khoang", "Tổ trưởng"],
                      [2, "Quàng Thị Ơn", 1980, "Nữ", "Nà Khoang", "Tổ trưởng"]]
    dialog = ImportMembersDialog(window.section("people"))
    dialog.load(_list(tmp_path / "bad.xlsx", bad))
    assert not dialog.import_button.isEnabled()
    text = dialog.problems.text()
    assert "Dòng 4: năm sinh «năm ngoái» không đọc được" in text and "Dòng 5: một tổ có hai tổ trưởng" in text
    model = dialog.model
    from PySide6.QtCore import Qt

    assert model.data(model.index(0, 0)) == "4"
    assert "năm sinh" in model.data(model.index(0, 1))
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is not None
    dialog.save()  # refused: nothing is written
    assert stats.collect()["persons"] == 0


def test_garbage_file_is_said_in_plain_words(window, tmp_path):
    (tmp_path / "rac.xlsx").write_bytes(b"garbage" * 50)
    dialog = ImportMembersDialog(window.section("people"))
    dialog.load(str(tmp_path / "rac.xlsx"))
    assert "không phải tệp Excel" in dialog.problems.text() and not dialog.import_button.isEnabled()


def test_stop_rolls_the_import_back(window, tmp_path):
    dialog = ImportMembersDialog(window.section("people"))
    dialog.load(_list(tmp_path / "ds.xlsx", GOOD))
    assert dialog.import_button.isEnabled()
    # the clerk presses Stop as soon as the writing starts
    window.runner.started.connect(lambda handle: handle.cancel())
    dialog.save()
    assert dialog.problems.text() == "Đã dừng: chưa ghi gì."
    assert stats.collect()["persons"] == 0 and dialog.import_result is None


def opened(menu):
    """The actions of an export menu as the clerk sees them: filled when it opens
    (services.exporting, with openpyxl, is imported then, not with the list)."""
    menu.popup(menu.parentWidget().mapToGlobal(menu.parentWidget().rect().bottomLeft()))
    actions = menu.actions()
    menu.hide()
    return actions


def test_export_buttons_write_workbooks(window, scripted, tmp_path):
    from dvdesktop.gui.sections.base import ListFormSection  # noqa: F401 - the sections below are list sections

    section = window.section("people")
    assert section.export_button.menu().isEmpty()  # filled when first opened
    from dvdesktop.services.register import PersonService

    PersonService.create({"full_name": "Lò Văn Thắng", "birth_year": 1975})
    out = tmp_path / "people.xlsx"
    scripted.files.append(str(out))
    people_list, memberships = opened(section.export_button.menu())
    assert (people_list.text(), memberships.text()) == ("Danh sách thành viên", "Thành viên các Tổ dân vận (cả quá trình)")
    people_list.trigger()
    ws = load_workbook(out).active
    assert ws["A1"].value == "Họ và tên" and ws["A2"].value == "Lò Văn Thắng" and ws.freeze_panes == "A2"
    assert "Đã ghi 1 dòng vào people.xlsx." in window.statusBar().currentMessage()

    areas = window.section("areas")
    titles = [a.text() for a in opened(areas.export_button.menu())]
    assert titles == ["Danh sách địa bàn", "Danh sách Tổ dân vận", "Thành viên các Tổ dân vận (cả quá trình)"]
    concerns = window.section("concerns")
    out2 = tmp_path / "concerns.xlsx"
    scripted.files.append(str(out2))
    scripted.answers.append(False)  # no sensitive data
    concerns.export_button.click()
    header = [c.value for c in load_workbook(out2).active[1]]
    assert "Người phản ánh" not in header and "Nội dung" in header


def test_preview_model_alone(qtmodeltester):
    from dvdesktop.services.importing.members import RowPlan

    model = PreviewModel()
    model.set_rows([RowPlan(row=3, full_name="Lò Văn Thắng"), RowPlan(row=4, problems=["chưa có họ và tên"])])
    qtmodeltester.check(model)


def test_areas_and_their_teams_from_the_areas_section(window, scripted, tmp_path):
    section = window.section("areas")
    path = _list(tmp_path / "dia-ban.xlsx", [
        ["DANH SÁCH THÔN, BẢN"], ["STT", "Tên thôn, bản", "Số hộ", "Số nhân khẩu", "Số quyết định thành lập",
                                 "Ngày thành lập"],
        [1, "Bản Nà Khoang", 120, 540, "12-QĐ/ĐU", "05/01/2020"], [2, "Bản Pa Tần", 90, 400, "13-QĐ/ĐU", "05/01/2020"]])
    seen = {}

    def clerk(dialog):
        dialog.load(path)
        seen["title"] = dialog.windowTitle()
        seen["cells"] = [dialog.model.data(dialog.model.index(0, j)) for j in range(dialog.model.columnCount())]
        dialog.import_button.click()

    scripted.dialog_scripts.append(clerk)
    section.import_button.click()
    assert seen["title"] == "Nhập danh sách địa bàn từ Excel"
    assert seen["cells"][:6] == ["3", "Thêm mới", "Nà Khoang", "Bản", "", "120"]
    assert section.model.rowCount() == 2
    assert any(kind == "info" and "2 tổ dân vận mới" in text for kind, _t, text in scripted.shown)
