"""The sections laid out in Qt Designer (ui/evaluation_section.ui,
ui/reports_section.ui, ui/team_members_panel.ui, ui/list_section.ui,
ui/mediation_filters.ui): every label with a buddy has a mnemonic, one
letter per label among what is on screen together and none of the menu
bar's, and Alt+letter reaches the field; the mediation section's «In…» menu
says why a document cannot be printed yet."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from dvdesktop.gui.i18n import _

from tests.gui.helpers import make_team


def _key(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _menu_keys(window) -> set[str]:
    """The menu bar's Alt+letters, the Administration menu's too (it appears once signed in)."""
    return {_key(a.text()) for a in window.menuBar().actions()} | {_key(_("&Administration"))}


def _buddy_labels(ui) -> list[QLabel]:
    return [w for w in vars(ui).values() if isinstance(w, QLabel) and w.buddy() is not None]


def _check(ui, window, expected: int) -> dict[str, QLabel]:
    labels = _buddy_labels(ui)
    assert len(labels) == expected
    keys = {}
    for label in labels:
        key = _key(label.text())
        assert key, f"«{label.text()}» has no mnemonic"
        assert key not in keys, f"«{label.text()}» and «{keys[key].text()}» share {key}"
        keys[key] = label
    clash = set(keys) & _menu_keys(window)
    assert not clash, f"the menu bar already uses {clash}"
    return keys


def _press(window, key: str):
    """Alt+letter as the clerk types it; the widget that has the focus then."""
    from PySide6.QtTest import QTest

    window.activateWindow()
    QApplication.processEvents()
    QTest.keyClick(window, QKeySequence(key)[0].key(), Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    return QApplication.focusWidget()


def test_report_choices_have_their_own_alt_letters(window, qtbot):
    section = window.section("reports")
    window.show()
    qtbot.waitExposed(window)
    keys = _check(section.ui, window, 7)
    assert section.kind_label.text() == "&Kỳ báo cáo:"  # the Vietnamese wording kept, the letter added
    assert keys["Alt+K"] is section.kind_label
    assert _press(window, "Alt+K") is section.kind
    assert _press(window, "Alt+M") is section.year_box


def test_evaluation_filter_and_composition_labels(window, qtbot):
    _area, team = make_team()
    section = window.section("evaluation")
    window.show()
    qtbot.waitExposed(window)
    keys = _check(section.ui, window, 1)
    assert keys["Alt+P"].buddy() is section.f_level
    # one letter per label in the whole section, the criteria editor's labels on the other tab too
    letters = [_key(label.text()) for label in section.findChildren(QLabel) if label.buddy() is not None]
    assert len(letters) == len(set(letters)), letters
    section.sample_button.click()  # a criteria set: the grid and its filter row show
    section.tabs.setCurrentIndex(0)  # (the sample opens the criteria tab)
    assert _press(window, "Alt+P") is section.f_level

    areas = window.section("areas")
    panel = areas.editor.members
    _check(panel.ui, window, 2)
    assert panel.current_label.buddy() is panel.current and panel.former_label.buddy() is panel.former


def test_mediation_print_menu_says_why_a_document_waits(window):
    area, _team = make_team()
    section = window.section("mediation")
    menu = section.print_button
    assert set(menu.entries) == {"register", "mediation-summary", "mediation"}
    menu.update_entries()  # as when the menu opens
    register, summary, case = (menu.entries[k].menu.menuAction() for k in ("register", "mediation-summary",
                                                                           "mediation"))
    assert not register.isEnabled() and "một tổ hòa giải" in register.toolTip()
    assert summary.isEnabled()
    assert not case.isEnabled() and case.toolTip() == "Hãy chọn một vụ việc trong danh sách trước."
    section.f_area.set_code(area.id)
    menu.update_entries()
    assert register.isEnabled() and "Hãy chọn" not in register.toolTip()
