"""Printing from «Địa bàn và Tổ dân vận»: the "In…" menu offers the selected
team's member list, its decisions (thành lập, kiện toàn), a blank attendance
sheet, and for the commune every team's member list and a blank concern
slip; each as preview, PDF or Word. The composition tab prints its roster."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from dvdesktop.services.register import MembershipService, PersonService

from tests.documents.pdf_reading import all_text, open_pdf
from tests.gui.helpers import make_team


TEAM_DOCUMENTS = ["roster", "decision", "decision-kien-toan", "attendance-sheet"]
COMMUNE_DOCUMENTS = ["commune-roster", "concern-slip"]
LABELS = {
    "roster": "Danh sách thành viên tổ",
    "decision": "Quyết định thành lập tổ",
    "decision-kien-toan": "Quyết định kiện toàn tổ",
    "attendance-sheet": "Mẫu danh sách điểm danh (trống)",
    "commune-roster": "Danh sách thành viên toàn xã",
    "concern-slip": "Phiếu ghi ý kiến, kiến nghị (trống)",
}


def flat(text: str) -> str:
    """Case and line breaks aside: a name may be set in capitals or wrap."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).casefold()


def team_with_members():
    area, team = make_team()
    leader = PersonService.create({"full_name": "Lò Văn Thắng"})
    member = PersonService.create({"full_name": "Quàng Thị Mai"})
    MembershipService.create({"person": leader.id, "team": team.id, "role": "to_truong", "start_date": "05/01/2020"})
    MembershipService.create({"person": member.id, "team": team.id, "start_date": "05/01/2020"})
    return area, team


def areas_with(window, area):
    section = window.section("areas")
    section.reload()
    assert section.select_id(area.id)
    return section


def test_the_menu_lists_the_documents_in_vietnamese(window):
    section = window.section("areas")
    button = section.print_button
    assert button.text() == "In…"
    assert [button.entries[k].menu.title() for k in TEAM_DOCUMENTS + COMMUNE_DOCUMENTS] == \
        [LABELS[k] for k in TEAM_DOCUMENTS + COMMUNE_DOCUMENTS]
    entry = button.entries["roster"]
    assert [a.text() for a in entry.menu.actions()] == ["Xem trước và in…", "Lưu thành PDF…", "Lưu thành Word…"]


def test_team_documents_are_disabled_until_a_team_is_chosen(window, scripted):
    area = make_team("Huổi Lếch")[0]
    from dvdesktop.services.register import AreaService

    empty_area = AreaService.create({"name": "Pá Ngam", "kind": "bản"})
    section = window.section("areas")
    section.new_record()
    button = section.print_button
    button.update_entries()
    for key in TEAM_DOCUMENTS:
        action = button.entries[key].menu.menuAction()
        assert not action.isEnabled() and "Hãy chọn" in action.toolTip(), key
    for key in COMMUNE_DOCUMENTS:
        action = button.entries[key].menu.menuAction()
        assert action.isEnabled() and "Hãy" not in action.toolTip(), key
    # an action reached anyway (a shortcut, a test) explains instead of printing
    button.entries["roster"].pdf_action.trigger()
    assert scripted.shown[-1][:2] == ("info", "Danh sách thành viên tổ") and "Hãy chọn" in scripted.shown[-1][2]
    # an area without a team says where to add it
    section.reload()
    section.select_id(empty_area.id)
    button.update_entries()
    assert "thẻ «Tổ dân vận»" in button.entries["decision"].menu.menuAction().toolTip()
    # the area with a team: enabled, the team's name heads the menu
    section.select_id(area.id)
    button.update_entries()
    assert all(button.entries[k].menu.menuAction().isEnabled() for k in TEAM_DOCUMENTS)
    assert button.menu().actions()[0].text() == "Tổ dân vận bản Huổi Lếch"


@pytest.mark.parametrize("key", TEAM_DOCUMENTS + COMMUNE_DOCUMENTS)
def test_each_document_saves_as_pdf_and_word(window, scripted, tmp_path, key):
    import docx

    area, team = team_with_members()
    if key == "commune-roster":  # one table per team (a lone team's list has no team heading)
        other = make_team("Huổi Lếch")[1]
        person = PersonService.create({"full_name": "Mùa A Sinh"})
        MembershipService.create({"person": person.id, "team": other.id, "start_date": "05/01/2020"})
    section = areas_with(window, area)
    entry = section.print_button.entries[key]
    section.print_button.update_entries()
    assert entry.menu.menuAction().isEnabled()
    scripted.files = [str(tmp_path / "van-ban")]  # the ending is added
    entry.pdf_action.trigger()
    pdf_path = tmp_path / "van-ban.pdf"
    assert pdf_path.read_bytes().startswith(b"%PDF")
    with open_pdf(pdf_path.read_bytes()) as pdf:
        text = flat(all_text(pdf))
    word_path = tmp_path / "van-ban.docx"
    scripted.files = [str(word_path)]
    entry.word_action.trigger()
    document = docx.Document(str(word_path))
    word_text = flat("\n".join([p.text for p in document.paragraphs]
                               + [c.text for t in document.tables for row in t.rows for c in row.cells]))
    if key == "concern-slip":  # a blank commune form: no team, no member
        for found in (text, word_text):
            assert "phiếu" in found and "kiến nghị" in found and "quàng thị mai" not in found
        return
    for found in (text, word_text):
        assert flat(team.name) in found, key
        assert "quàng thị mai" in found, key
    if key == "commune-roster":
        assert "tổ dân vận bản huổi lếch" in text and "mùa a sinh" in text
    elif key == "decision-kien-toan":
        assert "kiện toàn" in text and "12-qđ/đu" in text  # the founding decision it replaces
    elif key == "decision":
        assert "thành lập" in text


def test_file_names_suggested_from_the_team(window, scripted, tmp_path):
    area, team = team_with_members()
    section = areas_with(window, area)
    scripted.files = [None]  # cancelled: nothing written
    section.print_button.entries["decision-kien-toan"].pdf_action.trigger()
    kind, title, suggested = scripted.shown[-1]
    assert (kind, title) == ("save_file", "Lưu thành PDF")
    assert Path(suggested).name == "quyet-dinh-kien-toan-to-dan-van-ban-na-khoang.pdf"
    assert not list(tmp_path.glob("*.pdf"))
    job = section.print_button.entries["decision-kien-toan"].make_job()
    assert job.file_stem == "quyet-dinh-kien-toan-to-dan-van-ban-na-khoang"
    assert job.options == {"team": team.id, "decision_kind": "kien_toan", "on": section.on_date}


def test_unsaved_changes_are_saved_before_printing(window, scripted, tmp_path):
    area, team = team_with_members()
    section = areas_with(window, area)
    section.editor.area_form.households.setText("99")
    scripted.files = [str(tmp_path / "x.pdf")]
    section.print_button.entries["roster"].pdf_action.trigger()
    assert "Hãy lưu" in scripted.shown[-1][2]
    assert not (tmp_path / "x.pdf").exists()


def test_preview_of_the_decision(window, qtbot):
    area, team = team_with_members()
    section = areas_with(window, area)
    section.print_button.entries["decision"].preview_action.trigger()
    dialog = section._print_preview
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 1 and dialog.job.options["decision_kind"] == "thanh_lap"
    dialog.close()


def test_composition_tab_prints_the_team_roster(window, scripted, tmp_path):
    area, team = team_with_members()
    section = areas_with(window, area)
    panel = section.editor.members
    assert panel.print_button.isEnabled() and panel.print_button.text() == "In danh sách…"
    scripted.files = [str(tmp_path / "ds.pdf")]
    panel.print_button.pdf_action.trigger()
    with open_pdf((tmp_path / "ds.pdf").read_bytes()) as pdf:
        text = flat(all_text(pdf))
    assert flat(team.name) in text and "lò văn thắng" in text
    section.new_record()
    assert not panel.print_button.isEnabled()


def test_menu_fits_at_1366x768(window, qtbot, tmp_path):
    """The button and the open menu (and a submenu) inside the window, no text cut."""
    area, team = team_with_members()
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentRow(_row_of(window, "areas"))
    section = window.current_section()
    assert section.key == "areas"
    section.reload()
    section.select_id(area.id)
    button = section.print_button
    qtbot.waitExposed(window)
    assert button.isVisible() and button.width() >= button.sizeHint().width()
    right = button.mapTo(window, button.rect().bottomRight())
    assert right.x() <= window.width()
    menu = button.menu()
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitExposed(menu)
    room = window.screen().availableGeometry()
    assert room.contains(menu.geometry())
    assert menu.width() >= menu.sizeHint().width()
    sub = button.entries["decision-kien-toan"].menu
    menu.setActiveAction(sub.menuAction())
    sub.popup(menu.mapToGlobal(menu.actionGeometry(sub.menuAction()).topRight()))
    qtbot.waitExposed(sub)
    assert room.contains(sub.geometry()) and sub.width() >= sub.sizeHint().width()
    # The window with its popups painted where Qt puts them on a 1366-pixel
    # screen (the offscreen screen is smaller): under the button, pushed left
    # to stay on the screen; the submenu on the side that has room.
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    under = button.mapTo(window, button.rect().bottomLeft())
    at = QPoint(min(under.x(), window.width() - menu.width()), under.y())
    assert at.y() + menu.height() <= window.height()
    row = menu.actionGeometry(sub.menuAction())
    sub_x = at.x() + menu.width()
    if sub_x + sub.width() > window.width():
        sub_x = at.x() - sub.width()
    assert sub_x >= 0
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(at, menu.grab())
    painter.drawPixmap(QPoint(sub_x, at.y() + row.y()), sub.grab())
    painter.end()
    folder = Path(os.environ.get("DVDESKTOP_SHOTS") or tmp_path)
    assert shot.save(str(folder / "areas-print-menu.png"))
    sub.close()
    menu.close()
    # the composition tab with its own print button
    section.editor.setCurrentIndex(2)
    panel = section.editor.members
    qtbot.waitUntil(panel.isVisible)
    scroll = section.editor.parentWidget().parentWidget()
    assert section.editor.minimumSizeHint().width() <= scroll.viewport().width()
    assert panel.print_button.width() >= panel.print_button.sizeHint().width()
    assert window.grab().save(str(folder / "areas-composition.png"))


def _row_of(window, key):
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        if window.current_section().key == key:
            return row
    raise AssertionError(key)
