"""Helpers of the GUI tests: the main window on a database, a team to work
with, selecting a list row, typing into the open cell of an editable grid,
choosing a person in the picker."""
from __future__ import annotations


def open_main_window(qtbot, url):
    """The main window on the database at *url* (already opened by a fixture)."""
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.gui.tasks import TaskRunner
    from dvdesktop.services import session

    win = MainWindow()
    win.runner = TaskRunner(win)
    qtbot.addWidget(win)
    win.database_opened(session.locate(url))
    return win


def make_team(area_name="Nà Khoang", kind="bản"):
    from dvdesktop.services.register import AreaService, TeamService

    area = AreaService.create({"name": area_name, "kind": kind, "commune": "xã Nậm Pồ"})
    team = TeamService.create({"area": area.id, "established_on": "05/01/2020", "decision_number": "12-QĐ/ĐU"})
    return area, team


def select_row(section, row):
    """Make *row* the current, selected row of a section's list, as a click does."""
    from PySide6.QtCore import QItemSelectionModel

    index = section.model.index(row, 0)
    section.view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def type_in_open_cell(table, text):
    """Type into the one cell editor open in *table*, without committing it."""
    from PySide6.QtWidgets import QLineEdit

    editors = [w for w in table.viewport().findChildren(QLineEdit)]
    assert len(editors) == 1
    editors[0].setText(text)


def pick_person(full_name):
    """A dialog script (ScriptedMessages.dialog_scripts) for the PersonPicker:
    search the register for *full_name*, take the first match, press OK."""

    def clerk(dialog):
        from dvdesktop.gui.forms.person_picker import PersonPicker

        assert isinstance(dialog, PersonPicker)
        dialog.search.setText(full_name)
        dialog.filter(full_name)
        assert dialog.model.rowCount() >= 1, f"{full_name} not found in the picker"
        dialog.accept()

    return clerk
