"""The forms moved into Qt Designer files (ui/rating_dialog.ui,
reopen_rating_dialog.ui, criteria_editor.ui, detail_editor.ui,
mediation_team_dialog.ui, membership_dialog.ui and the membership dialogs'
labels): every label reached by Alt and a letter that is not used twice in
its window, a tab order that follows the form, the wheel that does not change
an unfocused score or drop-down, problems shown in one place that pushes
nothing down, and a child list that never needs to scroll sideways."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QTableWidget, QWidget

from dvdesktop.gui.layout_check import clipped
from dvdesktop.services import evaluation as ev
from dvdesktop.services.evaluation import board as eval_board
from dvdesktop.services.households import HouseholdService
from dvdesktop.services.register import MembershipService, PersonService

from tests.gui.helpers import make_team
from tests.gui.test_window_behaviour import wheel

YEAR = dt.date.today().year - 1


def menu_letters(window) -> set[str]:
    """The main window's menu bar's Alt letters as the clerk's language has them
    (&Tệp, &Sửa, Trợ &giúp, and &Quản trị once signed in)."""
    from dvdesktop.gui.i18n import _

    return {mnemonic(a.text()) for a in window.menuBar().actions()} - {None} | {mnemonic(_("&Administration"))}


def mnemonic(text: str) -> str | None:
    """The letter after a single & ("&&" is a written ampersand)."""
    found = re.search(r"(?<!&)&([^&\s])", text)
    return found.group(1).upper() if found else None


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every label and button of *window* that has one."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        text = widget.text() if not isinstance(widget, QLabel) or widget.textFormat() != Qt.TextFormat.RichText \
            else ""
        letter = mnemonic(text)
        if letter:
            found.append((letter, text))
    return found


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab stops at in *window*, in order (shown and enabled ones)."""
    chain, widget, seen = [], window.nextInFocusChain(), set()
    while widget is not window and id(widget) not in seen:
        seen.add(id(widget))
        inner = isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))  # a spin box's own line edit
        if widget.isVisibleTo(window) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and not inner:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


@pytest.fixture
def rated_team(window):
    _area, team = make_team("Nà Khoang")
    eval_board.start_from_sample(YEAR)
    return team


@pytest.fixture
def member(window):
    area, team = make_team("Huổi Lụ")
    person = PersonService.create({"full_name": "Lò Thị Dung", "gender": "nữ"})
    membership = MembershipService.create({"team": team.id, "person": person.id, "role": "thanh_vien",
                                           "start_date": "01/02/2021"})
    return area, team, membership


def _forms(window, team, area, membership) -> dict:
    from dvdesktop.gui.forms.criteria_editor import CriteriaEditor
    from dvdesktop.gui.forms.mediation_team_dialog import MediationTeamDialog
    from dvdesktop.gui.forms.membership_dialog import EndMembershipDialog, MembershipDialog, ReassignDialog
    from dvdesktop.gui.forms.rating_form import RatingDialog, ReasonDialog
    from dvdesktop.gui.sections.households import HouseholdEditor

    def criteria():
        editor = CriteriaEditor()
        editor.load(ev.criteria_set(YEAR))
        return editor

    return {
        "rating": lambda: RatingDialog(window, team.id, YEAR),
        "reopen the rating": lambda: ReasonDialog(window, team.name),
        "criteria": criteria,
        "household and its help": lambda: HouseholdEditor(),
        "mediation team": lambda: MediationTeamDialog(window, area.id, area.name),
        "add member": lambda: MembershipDialog(window, team.id),
        "kiện toàn": lambda: ReassignDialog(window, MembershipService.get(membership.id)),
        "end membership": lambda: EndMembershipDialog(window, MembershipService.get(membership.id)),
    }


def test_every_label_of_a_field_has_its_own_alt_letter(window, rated_team, member, qtbot):
    area, _team, membership = member
    in_main_window = {"criteria", "household and its help"}
    for name, make in _forms(window, rated_team, area, membership).items():
        form = make()
        qtbot.addWidget(form)
        # the record's and the line's forms inside the detail editor have .ui files of their own
        inner = [w for w in (getattr(form, "main_form", None), getattr(form, "child_form", None)) if w is not None]
        for label in form.findChildren(QLabel):
            if any(w.isAncestorOf(label) for w in inner):
                continue
            if label.buddy() is not None and label.text():
                assert mnemonic(label.text()), f"{name}: «{label.text()}» has a buddy and no Alt letter"
        letters = mnemonics(form)
        assert letters, name
        used = [letter for letter, _text in letters]
        twice = {letter for letter in used if used.count(letter) > 1}
        assert not twice, f"{name}: Alt+{twice} for " + ", ".join(t for letter, t in letters if letter in twice)
        assert all(letter.isascii() and letter.isalpha() for letter in used), f"{name}: {letters}"
        if name in in_main_window:  # the menus' letters belong to the menus
            menus = menu_letters(window)
            assert {"T", "S", "G", "Q"} <= menus, menus  # the menu bar is read, not an empty set
            clash = set(used) & menus
            assert not clash, f"{name}: Alt+{clash} is a menu's: " + ", ".join(t for l, t in letters if l in clash)


def test_rating_tab_order_goes_score_comment_then_the_stages(window, rated_team, qtbot):
    from dvdesktop.gui.forms.rating_form import RatingDialog

    dialog = RatingDialog(window, rated_team.id, YEAR, default_by="Lò Văn Thanh")
    qtbot.addWidget(dialog)
    chain = tab_chain(dialog)
    (_l1, box1, comment1), (_l2, box2, comment2) = dialog.rows[:2]
    assert chain.index(comment1) == chain.index(box1) + 1 and chain.index(box2) == chain.index(comment1) + 1
    last_comment = dialog.rows[-1][2]
    rest = [dialog.fill_button, dialog.by, dialog.on, dialog.advance_button, dialog.print_button,
            dialog.save_button]
    assert [w for w in chain if w in rest] == rest
    assert chain.index(last_comment) < chain.index(dialog.fill_button)
    assert dialog.score_header.buddy() is box1  # Alt+C: the first score
    assert dialog.score_header.text() == "Điểm &chấm"
    # the print button of the .ui is the program's, printing this team's sheet
    assert dialog.print_button.make_job == dialog.sheet_job
    assert [a.text() for a in dialog.print_button.menu().actions()][:1] == ["Xem trước và in…"]


def test_wheel_over_an_unfocused_score_scrolls_the_list(window, rated_team, qtbot):
    from dvdesktop.gui.forms.rating_form import RatingDialog

    dialog = RatingDialog(window, rated_team.id, YEAR)
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)  # the criteria need scrolling
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.rows[0][1]
    assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
    bar = dialog.criteria_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    wheel(box, 3)  # up: the score would go up
    wheel(box, -1)
    assert box.score() is None and bar.value() > 0


def test_wheel_over_the_quota_does_not_change_it(window, rated_team, qtbot):
    section = window.section("evaluation")
    section.set_year(YEAR)
    editor = section.criteria_editor
    section.tabs.setCurrentIndex(1)
    window.show()
    qtbot.waitExposed(window)
    before = (editor.top_level.currentIndex(), editor.share.value(), editor.min_months.value())
    for widget in (editor.top_level, editor.share, editor.min_months):
        wheel(widget, -1)
        wheel(widget, 1)
        wheel(widget, 1)
    assert (editor.top_level.currentIndex(), editor.share.value(), editor.min_months.value()) == before
    assert not editor.is_dirty()


def test_a_wrong_date_is_said_in_the_problems_bar(window, rated_team, scripted, qtbot):
    from dvdesktop.gui.forms.rating_form import RatingDialog

    dialog = RatingDialog(window, rated_team.id, YEAR, default_by="Lò Văn Thanh")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    top = dialog.criteria_scroll.y()
    dialog.on.setText("31/02/2025")
    assert not dialog.advance()
    assert dialog.problems.isVisibleTo(dialog)
    assert dialog.problems.text() == "Ngày không hợp lệ (ngày/tháng/năm)."
    assert dialog.on.property("invalid") and dialog.problems.y() > dialog.stages.y()
    assert not scripted.shown  # no message box
    assert dialog.criteria_scroll.y() == top  # nothing above the bar moved down
    assert ev.rating(rated_team.id, YEAR).stage in (None, "")
    dialog.on.setText("10/12/2025")  # typing again clears it
    assert not dialog.problems.isVisibleTo(dialog) and not dialog.on.property("invalid")


def test_reopen_reason_is_asked_in_its_designer_dialog(window, rated_team, qtbot):
    from dvdesktop.gui.forms.rating_form import ReasonDialog

    dialog = ReasonDialog(window, "Tổ dân vận bản Nà Khoang")
    qtbot.addWidget(dialog)
    assert "Tổ dân vận bản Nà Khoang" in dialog.intro.text()
    assert dialog.reason_label.buddy() is dialog.reason and dialog.reason_label.text() == "&Lý do"
    dialog.save()
    assert dialog.error.text() == "Hãy ghi lý do." and dialog.result() == 0
    dialog.reason.setPlainText("Sai sót khi cộng điểm")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and dialog.text() == "Sai sót khi cộng điểm"


def test_criteria_problems_appear_under_the_editor_not_above_the_tree(window, rated_team, qtbot):
    section = window.section("evaluation")
    section.set_year(YEAR)
    section.tabs.setCurrentIndex(1)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    editor = section.criteria_editor
    top = editor.tree.mapTo(window, editor.tree.rect().topLeft()).y()
    item = next(i for i in editor.criterion_items() if i.text(0) == "1.2")
    item.setText(2, "mười")
    qtbot.waitUntil(lambda: section.problems_label.isVisibleTo(section), timeout=2000)
    assert section.problems_label is editor.problems
    assert "tiêu chí 1.2: điểm tối đa phải là một số" in editor.problems.text()
    qtbot.wait(20)
    assert editor.tree.mapTo(window, editor.tree.rect().topLeft()).y() == top
    assert editor.problems.y() > editor.quota_box.y()
    assert not clipped(editor)


def test_child_list_never_scrolls_sideways(window, qtbot):
    from dvdesktop.gui.sections.households import HouseholdEditor

    area, team = make_team("Nà Khoang")
    household = HouseholdService.create({"area": area.id, "head_name": "Tòng Thị Bích", "situation": "ngheo",
                                         "since_year": YEAR - 2})
    for day, kind, by, value in ((f"22/06/{YEAR}", "Cây giống", "Tổ dân vận bản Nà Khoang và Hội Nông dân xã", 2_800_000),
                                 (f"14/04/{YEAR}", "Ngày công", "Đoàn Thanh niên", 0)):
        HouseholdService.save_child(household.id, "support", {"given_on": day, "kind": kind, "given_by": by,
                                                               "value": value, "team": team.id})
    editor = HouseholdEditor()
    qtbot.addWidget(editor)
    editor.load(household.id)
    header = editor.table.horizontalHeader()
    for width in (700, 360, 330):
        editor.resize(width, 900)
        editor.show()
        qtbot.waitExposed(editor)
        qtbot.wait(10)
        room = editor.table.viewport().width()
        assert header.length() <= room + 1, f"{header.length()} px of columns in {room}"
        assert not clipped(editor), width
        titles = [editor.table.horizontalHeaderItem(c).text() for c in range(editor.table.columnCount())]
        if width == 700:
            assert "\n" not in "".join(titles)
        else:
            assert any("\n" in t for t in titles), titles  # the longest titles on two lines
        value = editor.table.item(0, 3)
        assert editor.table.visualItemRect(value).width() >= editor.table.fontMetrics().horizontalAdvance("2.800.000")


def test_detail_editor_tab_order_is_record_list_then_line(window, qtbot):
    from dvdesktop.gui.sections.households import HouseholdEditor

    editor = HouseholdEditor()
    qtbot.addWidget(editor)
    area, _team = make_team("Nà Khoang")
    household = HouseholdService.create({"area": area.id, "head_name": "Tòng Thị Bích", "situation": "ngheo"})
    editor.load(household.id)
    chain = tab_chain(editor)
    main, child = editor.main_form, editor.child_form
    positions = [chain.index(w) for w in (editor.table, editor.add_button, editor.save_child_button,
                                          editor.delete_child_button)]
    assert positions == sorted(positions)
    assert all(chain.index(w) < positions[0] for w in chain if main.isAncestorOf(w))
    assert all(chain.index(w) > positions[-1] for w in chain if child.isAncestorOf(w))
    assert editor.save_child_button.text() == "&Lưu dòng này"


def test_mediation_team_and_membership_dialogs_come_from_designer(window, member, qtbot):
    from dvdesktop.gui.forms.mediation_team_dialog import MediationTeamDialog
    from dvdesktop.gui.forms.membership_dialog import MembershipDialog
    from dvdesktop.gui.forms.membership_form import MembershipForm

    area, team, _membership = member
    dialog = MediationTeamDialog(window, area.id, area.name)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Tổ hòa giải {area.name}"
    assert dialog.table_label.buddy() is dialog.table
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(3)] == ["Hòa giải viên", "Vai trò", "Từ ngày"]
    add = MembershipDialog(window, team.id, on=dt.date(2024, 3, 1))
    qtbot.addWidget(add)
    assert isinstance(add.form, MembershipForm) and add.form.team_id == team.id
    assert add.windowTitle() == "Thêm thành viên" and add.form.start_date.text() == "01/03/2024"
    assert add.form.person_row_label.buddy() is add.form.pick


def test_a_list_whose_columns_are_out_of_reach_is_found(qtbot):
    table = QTableWidget(2, 3)
    qtbot.addWidget(table)
    for column in range(3):
        table.setColumnWidth(column, 150)
    table.resize(300, 200)
    table.show()
    qtbot.waitExposed(table)
    assert not [p for p in clipped(table) if "columns cut off" in p]  # it can scroll sideways
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    assert [p for p in clipped(table) if "columns cut off" in p]


def test_a_scroll_area_that_may_not_scroll_sideways_and_is_too_narrow_is_found(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    body = QWidget()
    row = QHBoxLayout(body)
    for _ in range(3):
        field = QLineEdit()
        field.setMinimumWidth(200)
        row.addWidget(field)
    area.setWidget(body)
    qtbot.addWidget(area)
    area.resize(400, 200)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(area.horizontalScrollBar().isVisible)
    assert [p for p in clipped(area) if "scrolls sideways" in p], clipped(area)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    qtbot.wait(10)
    assert [p for p in clipped(area) if "cut off on the right" in p]
    area.resize(800, 200)
    qtbot.wait(10)
    assert not clipped(area)


def test_rating_dialog_is_never_narrower_than_its_criteria(window, rated_team, qtbot):
    from dvdesktop.gui.forms.rating_form import RatingDialog

    dialog = RatingDialog(window, rated_team.id, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(300, 500)  # the clerk drags it narrow
    qtbot.wait(20)
    assert dialog.width() >= dialog.criteria_body.minimumSizeHint().width()
    assert not clipped(dialog)


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[2] / "ui").glob("*.ui")),
                         ids=lambda p: p.name)
def test_english_alt_letters_are_not_used_twice_in_a_designer_file(path):
    """The Vietnamese ones are checked on the open forms above; the English
    source strings of each .ui are checked here."""
    import xml.etree.ElementTree as ET

    texts = [s.text for s in ET.parse(path).iter("string") if s.text and s.get("notr") != "true"]
    used = [letter for letter in (mnemonic(t) for t in texts) if letter]
    assert len(used) == len(set(used)), f"{path.name}: {sorted(used)}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_criteria_editor_leaves_the_menus_their_letters(qapp, qtbot, lang):
    """The criteria editor sits in the main window: Alt+T was both «Thêm &tiêu chí»
    and the Tệp menu. In either language no letter of its is a menu's."""
    from dvdesktop.gui import i18n
    from dvdesktop.gui.forms.criteria_editor import CriteriaEditor

    before = i18n.language()
    i18n.install(lang)
    try:
        editor = CriteriaEditor()
        qtbot.addWidget(editor)
        menus = {mnemonic(i18n._(t)) for t in ("&File", "&Edit", "&Help", "&Administration")}
        assert len(menus) == 4, menus
        letters = mnemonics(editor)
        clash = {letter for letter, _t in letters} & menus
        assert not clash, f"{lang}: Alt+{clash}: " + ", ".join(t for l, t in letters if l in clash)
    finally:
        i18n.install(before)
