"""Review of today's GUI: the bugs found and fixed, one test each."""
from __future__ import annotations

import datetime as dt

from gui_support import QT_STRICT, make_team, scripted, sync_tasks, vietnamese, window  # noqa: F401
from PySide6.QtCore import QItemSelectionModel

from dvdesktop.gui.i18n import _
from dvdesktop.services.register import AreaService, PersonService, TeamService

pytestmark = QT_STRICT


def _select_row(section, row):
    index = section.model.index(row, 0)
    section.view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_task_status_after_removing_a_row_changes_its_own_row(window):
    """Each status combo knew the row it was added at: after a row above was
    removed, changing a task's status raised (or stamped another task)."""
    section = window.section("meetings")
    section.new_record()
    form = section.editor
    form._add_task_row({"description": "Việc thứ nhất"})
    form._add_task_row({"description": "Việc thứ hai"})
    form.tasks.setCurrentCell(0, 0)
    form._remove_row(form.tasks)
    assert form.tasks.rowCount() == 1
    form.tasks.cellWidget(0, 3).set_code("done")
    assert form.tasks.item(0, 4).text() != ""  # "done on" filled in for that task
    assert form._task_rows()[0]["status"] == "done"


def test_selecting_a_record_deleted_meanwhile_is_said_plainly(window, scripted):
    """Someone deleted the person after the list was read: the clerk is told,
    the list is read again, no traceback."""
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    PersonService.create({"full_name": "Quàng Thị Mai"})
    section = window.section("people")
    section.reload()
    row = section.model.row_of(a.id)
    PersonService.delete(a.id)
    _select_row(section, row)
    assert ("warning" in scripted.kinds())
    assert section.model.row_of(a.id) is None
    assert section.editor.record_id != a.id


def test_delete_selected_of_a_record_deleted_meanwhile(window, scripted):
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    section = window.section("people")
    section.reload()
    _select_row(section, section.model.row_of(a.id))
    PersonService.delete(a.id)
    section.delete_selected()
    assert "warning" in scripted.kinds()
    assert section.model.row_of(a.id) is None


def test_delete_team_asks_before_dropping_unsaved_area_edits(window, scripted):
    area, team = make_team()
    section = window.section("areas")
    section.reload()
    _select_row(section, section.model.row_of(area.id))
    assert section.editor.record_id == area.id
    section.editor.area_form.households.setText("321")
    assert section.editor.is_dirty()
    scripted.answers = [False]  # do not discard
    section.delete_team()
    assert scripted.shown[0][1] == _("Unsaved changes")
    assert section.editor.area_form.households.text() == "321"
    assert TeamService.get(team.id).id == team.id  # not deleted either


def test_team_trash_asks_before_dropping_unsaved_area_edits(window, scripted, monkeypatch):
    from dvdesktop.gui import trash

    area, _team = make_team()
    section = window.section("areas")
    section.reload()
    _select_row(section, section.model.row_of(area.id))
    section.editor.area_form.households.setText("321")
    monkeypatch.setattr(trash.TrashDialog, "exec", lambda self: self.restored.append(0) or 0)
    scripted.answers = [False]
    section.open_team_trash()
    assert section.editor.area_form.households.text() == "321"
    assert section.editor.is_dirty()
    assert scripted.kinds() == ["confirm"]
    assert AreaService.get(area.id).households != 321


def _type_in_open_cell(table, text):
    from PySide6.QtWidgets import QLineEdit

    editors = [w for w in table.viewport().findChildren(QLineEdit)]
    assert len(editors) == 1
    editors[0].setText(text)


def test_ctrl_s_keeps_the_grid_cell_being_typed(window):
    """The agenda line still in its cell editor was left out of the save."""
    from dvdesktop.services.listings.meetings import agenda_lines

    area, team = make_team()
    section = window.section("meetings")
    window.new_action.trigger()
    form = section.editor
    form.team.set_code(team.id)
    form.starts_at.setText(f"{dt.date.today() - dt.timedelta(days=3):%d/%m/%Y} 08:00")
    form._add_agenda_row("", "", edit=True)
    _type_in_open_cell(form.agenda, "Bầu tổ trưởng")
    window.save_action.trigger()
    assert form.errors == {}
    assert form.record_id is not None
    assert [a.title for a in agenda_lines(form.record_id)] == ["Bầu tổ trưởng"]


def test_esc_asks_while_a_grid_cell_is_being_typed(window, scripted):
    section = window.section("mediation")
    section.new_record()
    form = section.editor
    form.add_party({}, edit=True)
    form._children_clean = form.children()  # only the typing below is a change
    _type_in_open_cell(form.parties, "Lò Văn Thắng")
    scripted.answers = [False]  # keep it
    section.cancel()
    assert scripted.kinds() == ["confirm"]
    assert [p["name"] for p in form.party_rows()] == ["Lò Văn Thắng"]
