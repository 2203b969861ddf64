"""The yearly rating in the GUI, end to end on real SQLite files: the
criteria set edited in the tree and saved (problems shown, nothing saved),
copied, exported and imported (a file with problems changes nothing); every
team filled from the suggestions; one team's form (total and level follow
the scores, stages to decided, read-only, reopened with a reason); the quota
warning; a team that cannot be rated shown with the reason; conflicts."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from decimal import Decimal

from tests.gui.helpers import make_team

from dvdesktop.gui.forms.criteria_editor import C_METRIC, C_POINTS, C_TARGET, C_TEXT
from dvdesktop.services import evaluation as ev
from dvdesktop.services.evaluation import board as eval_board
from dvdesktop.store.models import AuditLog, OutreachSession

YEAR = dt.date.today().year - 1


def two_teams():
    _a1, t1 = make_team("Nà Khoang")
    _a2, t2 = make_team("Huổi Cáy")
    for month in (2, 5, 8, 11):  # 4 sessions: full points on 1.1 (outreach_sessions:4)
        OutreachSession.create(team=t1.id, held_on=dt.date(YEAR, month, 10), topic="Luật đất đai",
                               form="Họp dân", audience_total=80)
    return t1, t2


def open_section(window, with_sample=True):
    section = window.section("evaluation")
    section.set_year(YEAR)
    if with_sample:
        section.sample_button.click()
    return section


def criterion_item(editor, code):
    return next(i for i in editor.criterion_items() if i.text(0) == code)


def test_empty_year_offers_sample_copy_and_import(window):
    section = open_section(window, with_sample=False)
    assert section.grid_stack.currentIndex() == 0
    assert str(YEAR) in section.empty_label.text()
    section.sample_button.click()
    assert section.grid_stack.currentIndex() == 1
    assert section.criteria_editor.sample_note.isVisibleTo(section)
    assert section.criteria_editor.sample_note.text() == "Bộ tiêu chí mẫu — hãy sửa theo hướng dẫn của tỉnh"
    assert ev.criteria_set(YEAR).is_sample


def test_criteria_edited_in_the_tree_and_saved(window, scripted):
    section = open_section(window)
    editor = section.criteria_editor
    criterion_item(editor, "1.1").setText(C_POINTS, "20")
    criterion_item(editor, "4.1").setText(C_POINTS, "5")
    group = editor.tree.topLevelItem(0)
    group.setText(C_TEXT, "I. Tuyên truyền, vận động")
    assert editor.is_dirty() and section.save_criteria_button.isEnabled()
    assert section.has_unsaved_changes()
    window.save_action.trigger()  # Ctrl+S
    saved = ev.criteria_set(YEAR)
    by_code = {c.code: c for c in saved.criteria}
    assert by_code["1.1"].max_points == 20 and by_code["4.1"].max_points == 5
    assert saved.groups[0].title == "I. Tuyên truyền, vận động"
    assert not saved.is_sample  # adapted by the commune
    assert not editor.sample_note.isVisibleTo(section)
    assert not section.has_unsaved_changes()


def test_criteria_problems_are_listed_and_nothing_is_saved(window, qtbot):
    section = open_section(window)
    editor = section.criteria_editor
    before = ev.criteria_set(YEAR)
    criterion_item(editor, "1.2").setText(C_POINTS, "mười")
    # checked as the clerk edits, before any save
    qtbot.waitUntil(lambda: section.problems_label.isVisibleTo(section), timeout=2000)
    assert section.problems_label.text().startswith("Cần sửa trước khi lưu:")
    assert "tiêu chí 1.2: điểm tối đa phải là một số" in section.problems_label.text()
    editor.levels.item(2, 2).setText("95")  # HT above HTT: thresholds must fall
    assert not section.save_criteria()
    text = section.problems_label.text()
    assert section.problems_label.isVisibleTo(section)
    assert "tiêu chí 1.2: điểm tối đa phải là một số" in text
    assert ev.criteria_set(YEAR) == before
    section.discard_criteria_button.click()
    assert not editor.is_dirty()


def test_add_and_remove_criteria_and_levels(window):
    section = open_section(window)
    editor = section.criteria_editor
    editor.tree.setCurrentItem(editor.tree.topLevelItem(2))
    item = editor.add_criterion()
    item.setText(0, "3.3")
    item.setText(C_TEXT, "Tham gia giám sát môi trường")
    item.setText(C_POINTS, "5")
    # the metric is chosen in the column's combo box (the delegate), with its target
    index = editor.tree.indexFromItem(item, C_METRIC)
    delegate = editor.tree.itemDelegateForColumn(C_METRIC)
    combo = delegate.createEditor(editor.tree.viewport(), None, index)
    combo.setCurrentIndex(combo.findData("outreach_audience"))
    delegate.setModelData(combo, editor.tree.model(), index)
    assert item.text(C_METRIC) == "Số lượt người nghe tuyên truyền"
    item.setText(C_TARGET, "200")
    criterion_item(editor, "3.2").setText(C_POINTS, "0,5")
    criterion_item(editor, "3.1").setText(C_POINTS, "9,5")
    assert editor.total_label.text().endswith("100 điểm")
    assert section.save_criteria(), section.problems_label.text()
    saved = ev.criteria_set(YEAR)
    assert [c.code for c in saved.groups[2].criteria] == ["3.1", "3.2", "3.3"]
    assert (saved.groups[2].criteria[2].metric, saved.groups[2].criteria[2].target) == ("outreach_audience", 200)
    assert saved.total_points == 100
    # a level removed and the quota changed
    editor.levels.setCurrentCell(3, 0)
    editor.remove_level()
    editor.levels.item(2, 2).setText("0")
    editor.share.setValue(30)
    editor.min_months.setValue(6)
    assert section.save_criteria(), section.problems_label.text()
    saved = ev.criteria_set(YEAR)
    assert [lv.code for lv in saved.levels] == ["HTXS", "HTT", "HT"]
    assert saved.quota.max_share == Decimal("0.3") and saved.quota.min_active_months == 6


def test_changing_year_with_unsaved_criteria_asks_first(window, scripted):
    section = open_section(window)
    criterion_item(section.criteria_editor, "1.1").setText(C_TEXT, "Sửa dở")
    scripted.answers = [True]  # discard
    window.year.setCurrentIndex(window.year.findData(YEAR - 1))
    assert scripted.kinds()[-1] == "unsaved"
    assert section.criteria_year == YEAR - 1 and not section.criteria_editor.is_dirty()
    assert ev.criteria_set(YEAR).criteria[0].text != "Sửa dở"


def test_copy_from_last_year_in_one_step(window, scripted):
    eval_board.start_from_sample(YEAR - 1)
    section = open_section(window, with_sample=False)
    section.copy_button_empty.click()
    copied = ev.criteria_set(YEAR)
    assert copied is not None and str(YEAR) in copied.name
    assert len(copied.criteria) == len(ev.criteria_set(YEAR - 1).criteria)
    # again: the year has a set now, the clerk is asked before replacing it
    scripted.answers = [False]
    section.copy_button.click()
    assert scripted.kinds()[-1] == "confirm"
    assert ev.criteria_set(YEAR).id == copied.id


def test_export_then_import_a_criteria_file(window, scripted, tmp_path):
    section = open_section(window)
    path = tmp_path / "tinh.json"
    scripted.files = [str(path)]
    section.export_button.click()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "dvdesktop-criteria" and len(data["groups"]) == 4
    data["groups"][0]["criteria"][0]["title"] = "Tuyên truyền theo hướng dẫn của tỉnh"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    scripted.files = [str(path)]
    scripted.answers = [True]  # replace the year's set
    section.import_button.click()
    assert ev.criteria_set(YEAR).criteria[0].text == "Tuyên truyền theo hướng dẫn của tỉnh"
    assert section.criteria_editor.tree.topLevelItem(0).child(0).text(C_TEXT) == "Tuyên truyền theo hướng dẫn của tỉnh"


def test_import_with_problems_shows_every_problem_and_changes_nothing(window, scripted, tmp_path):
    section = open_section(window)
    before = ev.criteria_set(YEAR)
    bad = ev.criteria.definition_of(before)
    bad["groups"][0]["criteria"][0]["max_points"] = -5
    bad["groups"][1]["criteria"][0]["metric"] = "likes:3"
    bad["levels"][1]["min_points"] = 99
    path = tmp_path / "hong.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    scripted.files = [str(path)]
    section.import_button.click()
    kind, _title, text = scripted.shown[-1]
    assert kind == "warning"
    assert text.startswith("Không nhập tệp; không có gì thay đổi:")
    assert "điểm tối đa phải lớn hơn 0" in text
    assert "chỉ số «likes» không có" in text
    assert "giảm dần" in text
    assert ev.criteria_set(YEAR) == before
    assert "confirm" not in scripted.kinds()  # nothing asked: nothing could be imported


def test_rating_flow_end_to_end(window, scripted, qtbot):
    t1, t2 = two_teams()
    section = open_section(window)
    assert section.model.rowCount() == 2
    # fill every team from the suggestions, after confirming
    scripted.answers = [True]
    section.fill_button.click()
    assert scripted.kinds()[-1] == "confirm"
    grid = {r.team_id: r for r in ev.year_grid(YEAR)}
    assert grid[t1.id].given_total == grid[t1.id].suggested_total > 0
    shown = {section.model.data(section.model.index(r, 0)): section.model.data(section.model.index(r, 3))
             for r in range(section.model.rowCount())}
    assert shown[t1.name] == f"{grid[t1.id].given_total.normalize():f}".replace(".", ",")

    # the team's form: suggestions with the numbers behind them
    assert section.select_id(t1.id)
    dialog = section.open_rating()
    qtbot.addWidget(dialog)
    lines = {line.code: (line, box, comment) for line, box, comment in dialog.rows}
    line, box, comment = lines["1.1"]
    assert line.suggested == 15 and "4 buổi tuyên truyền, 320 lượt người nghe → 15/15" in line.explanation
    assert box.maximum() == 15  # limited to the criterion's maximum
    # score the hand-scored criteria: the total and the level follow as the clerk types
    lines["3.1"][1].setValue(8)
    assert dialog.total_label.text().endswith("chưa chấm đủ các tiêu chí")
    lines["3.2"][1].setValue(4.5)
    expected = dialog.total()
    level = ev.level_for(expected, dialog.data.levels)[1]
    assert dialog.total_label.text().startswith(f"Tổng: {f'{expected.normalize():f}'.replace('.', ',')}/100")
    assert dialog.total_label.text().endswith(level)
    box.setValue(10)
    assert dialog.total() == expected - 5
    comment.setText("Cần tổ chức thêm buổi tuyên truyền")
    assert dialog.save()
    saved = ev.rating(t1.id, YEAR)
    assert saved.total == expected - 5 and saved.complete
    assert next(ln for ln in saved.criteria if ln.code == "1.1").comment == "Cần tổ chức thêm buổi tuyên truyền"

    # the stages, each with who and when
    dialog.by.setText("Lò Văn Thanh")
    dialog.on.set_date(dt.date(YEAR, 12, 10))
    assert dialog.advance()  # self-assessment
    assert dialog.data.stage == "self"
    dialog.by.setText("Nguyễn Thị Hoa")
    assert dialog.advance()  # commune review
    assert dialog.decision_number.isVisibleTo(dialog)
    dialog.decision_number.setText("45-QĐ/ĐU")
    assert dialog.advance()  # decided
    data = ev.rating(t1.id, YEAR)
    assert data.stage == "decided" and data.decision_number == "45-QĐ/ĐU"
    assert [s.by for s in data.stages] == ["Lò Văn Thanh", "Nguyễn Thị Hoa", "Nguyễn Thị Hoa"]
    assert data.stages[0].on == dt.date(YEAR, 12, 10)
    # decided: read-only
    assert all(not b.isEnabled() for _l, b, _c in dialog.rows)
    assert not dialog.save_button.isEnabled() and dialog.reopen_button.isVisibleTo(dialog)
    assert not dialog.advance_button.isVisibleTo(dialog)
    # the grid follows
    row = next(r for r in range(section.model.rowCount()) if section.model.id_at(r) == t1.id)
    assert section.model.data(section.model.index(row, 5)) == "Đã quyết định"

    # reopen: the reason is required and kept
    def give_reason(d):
        d.save()  # empty: refused, the dialog stays open
        assert d.error.isVisibleTo(d) and d.result() == 0
        d.reason.setPlainText("Sai sót khi cộng điểm tiêu chí 2.3")
        d.save()

    scripted.dialog_scripts = [give_reason]
    assert dialog.reopen()
    assert ev.rating(t1.id, YEAR).stage == "review"
    assert all(b.isEnabled() for _l, b, _c in dialog.rows)
    entry = AuditLog.select().where(AuditLog.action == "reopen").order_by(AuditLog.id.desc()).first()
    assert "Sai sót khi cộng điểm tiêu chí 2.3" in entry.after
    dialog.reject()


def test_conflict_is_said_plainly_and_the_form_reloads(window, scripted, qtbot):
    t1, _t2 = two_teams()
    section = open_section(window)
    section.select_id(t1.id)
    dialog = section.open_rating()
    qtbot.addWidget(dialog)
    ev.save_rating(t1.id, YEAR, {"3.1": 7}, expected_version=0)  # someone else, meanwhile
    dialog.rows[0][1].setValue(3)
    assert not dialog.save()
    kind, title, text = scripted.shown[-1]
    assert kind == "warning" and "người khác" in text
    assert next(ln for ln in dialog.data.criteria if ln.code == "3.1").given == 7  # shown as it is now


def test_quota_warning_and_a_team_that_cannot_be_rated(window):
    t1, t2 = two_teams()
    _a3, late = make_team("Nậm Chua")
    late_team = late
    from dvdesktop.services.register import TeamService

    TeamService.update(late_team.id, {"established_on": f"01/11/{YEAR}"}, expected_version=late_team.version)
    eval_board.start_from_sample(YEAR)
    cset = ev.criteria_set(YEAR)
    full = {c.code: c.max_points for c in cset.criteria}
    for team in (t1, t2):  # both at the top level: 2 of 2, at most 20 %
        ev.save_rating(team.id, YEAR, full)
    section = open_section(window, with_sample=False)
    assert section.warning_label.isVisibleTo(section)
    assert "vượt quá 20%" in section.warning_label.text()
    assert section.warning_label.property("role") == "alert"
    assert "<b>2</b> Hoàn thành xuất sắc nhiệm vụ" in section.distribution_label.text()
    row = next(r for r in range(section.model.rowCount()) if section.model.id_at(r) == late_team.id)
    note = section.model.data(section.model.index(row, 6))
    assert "hoạt động 2 tháng" in note and "không xếp loại" in note
    # the overview's link to a level shows only those teams
    section.open_link("level:HTXS")
    assert sorted(section.model.ids()) == sorted([t1.id, t2.id])
    section.open_link("level:")
    assert section.model.ids() == []  # no eligible team left unrated


def test_grid_model_passes_the_model_tester(window, qtmodeltester):
    two_teams()
    section = open_section(window)
    qtmodeltester.check(section.model)
    section.view.sortByColumn(3, section.view.horizontalHeader().sortIndicatorOrder())
    qtmodeltester.check(section.model)


def test_scores_limited_to_the_maximum(window, qtbot):
    t1, _t2 = two_teams()
    section = open_section(window)
    section.select_id(t1.id)
    dialog = section.open_rating()
    qtbot.addWidget(dialog)
    line, box, _c = dialog.rows[0]
    box.setValue(99)
    assert box.score() == Decimal(str(line.max_points))
    assert dialog.save()
    assert ev.rating(t1.id, YEAR).criteria[0].given == line.max_points


def test_in_menu_prints_the_sheet_and_the_report(window, scripted, tmp_path):
    import docx
    from tests.documents.pdf_reading import all_text, open_pdf

    t1, _t2 = two_teams()
    section = open_section(window)
    sheet = section.print_button.entries["evaluation-sheet"]
    assert sheet.reason() == "Hãy chọn một tổ trong danh sách trước."  # no team chosen yet
    section.select_id(t1.id)
    assert sheet.reason() is None
    scripted.files = [str(tmp_path / "phieu.docx")]
    sheet.word_action.trigger()
    assert Path(scripted.shown[-1][2]).name == f"phieu-tu-danh-gia-to-dan-van-ban-na-khoang-{YEAR}.docx"
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "phieu.docx")).paragraphs)
    assert "PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI TỔ DÂN VẬN" in text and f"Tổ dân vận bản Nà Khoang năm {YEAR}" in text
    scripted.files = [str(tmp_path / "bao-cao.pdf")]
    section.print_button.entries["evaluation-report"].pdf_action.trigger()
    with open_pdf((tmp_path / "bao-cao.pdf").read_bytes()) as pdf:
        assert f"Kết quả đánh giá, xếp loại Tổ dân vận năm {YEAR}" in all_text(pdf)


def test_a_lower_level_decided_keeps_the_quota(window, scripted, qtbot):
    t1, t2 = two_teams()
    eval_board.start_from_sample(YEAR)
    full = {c.code: c.max_points for c in ev.criteria_set(YEAR).criteria}
    for team in (t1, t2):
        ev.save_rating(team.id, YEAR, full)
    section = open_section(window, with_sample=False)
    assert "«Hoàn thành xuất sắc nhiệm vụ» (2) vượt quá 20%" in section.warning_label.text()
    section.select_id(t2.id)
    dialog = section.open_rating()
    qtbot.addWidget(dialog)
    dialog.by.setText("Nguyễn Thị Hoa")
    assert dialog.advance() and dialog.advance()  # self-assessment, review
    assert dialog.decided_level.isVisibleTo(dialog)
    choices = [dialog.decided_level.itemData(i) for i in range(dialog.decided_level.count())]
    assert choices == ["HTXS", "HTT", "HT", "KHT"]
    dialog.decided_level.set_code("HTT")
    assert dialog.advance()  # decided, one level lower than the total gives
    assert ev.rating(t2.id, YEAR).level_code == "HTT"
    assert "Hoàn thành tốt nhiệm vụ" in dialog.total_label.text()
    # one team at the top level now, still too many for 2 teams (20 % of 2: none)
    assert "«Hoàn thành xuất sắc nhiệm vụ» (1) vượt quá 20%" in section.warning_label.text()
    assert dialog.print_button.isEnabled()


def test_removing_a_scored_criterion_asks_first(window, scripted):
    t1, _t2 = two_teams()
    section = open_section(window)
    ev.save_rating(t1.id, YEAR, {"3.1": 8})
    section.reload_board()
    editor = section.criteria_editor
    editor.tree.setCurrentItem(criterion_item(editor, "3.2"))
    editor.remove_current()
    criterion_item(editor, "3.1").setText(C_POINTS, "15")
    scripted.answers = [False]
    assert not section.save_criteria()
    assert scripted.shown[-1][0] == "confirm" and "3.2" in scripted.shown[-1][2]
    assert "3.2" in [c.code for c in ev.criteria_set(YEAR).criteria]
    scripted.answers = [True]
    assert section.save_criteria()
    assert "3.2" not in [c.code for c in ev.criteria_set(YEAR).criteria]
    assert next(ln for ln in ev.rating(t1.id, YEAR).criteria if ln.code == "3.1").given == 8  # kept by its code
    # a group row has no code or points to edit
    group_index = editor.tree.indexFromItem(editor.tree.topLevelItem(0), C_POINTS)
    assert editor._criterion_only.createEditor(editor.tree.viewport(), None, group_index) is None


def test_enter_or_double_click_opens_one_form(window, qtbot):
    from PySide6.QtCore import Qt

    t1, _t2 = two_teams()
    section = open_section(window)
    section.select_id(t1.id)
    section.view.setFocus()
    qtbot.keyClick(section.view, Qt.Key.Key_Return)
    dialog = section.rating_dialog
    assert dialog is not None and dialog.team_id == t1.id and dialog.isVisible()
    qtbot.addWidget(dialog)
    box = dialog.rows[0][1]
    box.setValue(7.5)
    assert box.text() == "7,5"
    box.setValue(12)
    assert box.text() == "12"


def test_fill_runs_off_the_gui_thread(window, scripted, qtbot):
    """With the real thread pool: the board and the fill are read and written
    by a worker, the grid shows the result when it is done."""
    from dvdesktop.gui.tasks import TaskRunner

    t1, _t2 = two_teams()
    section = open_section(window)
    TaskRunner.synchronous = False  # the fixture puts it back
    started = []
    window.runner.started.connect(started.append)
    scripted.answers = [True]
    section.fill_button.click()
    qtbot.waitUntil(lambda: len(started) >= 2 and not any(h.running for h in started), timeout=10000)
    qtbot.waitUntil(lambda: section.board is not None
                    and next(r for r in section.board.rows if r.team_id == t1.id).given_total is not None,
                    timeout=10000)
    assert [h.label for h in started][:2] == ["Đang điền điểm", "Đang đọc kết quả xếp loại"]
    assert ev.rating(t1.id, YEAR).criteria[0].given == 15
