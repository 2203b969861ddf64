"""Fixtures for the GUI tests (imported by tests/test_gui_*.py).

Offscreen Qt, the Vietnamese catalog, message boxes answered by a script
(never a blocking modal dialog), background tasks run synchronously.
"""
from __future__ import annotations

import pytest

from dvdesktop.gui import i18n
from dvdesktop.gui.dialogs import ScriptedMessages, set_message_service
from dvdesktop.gui.tasks import TaskRunner

# A Qt warning fails the test (qutebrowser's qt_log_level_fail); the offscreen
# platform's own notice is not ours.
QT_STRICT = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(r"This plugin does not support", r"propagateSizeHints"),
]


@pytest.fixture
def vietnamese(qapp):
    i18n.install("vi")
    translator = i18n.CatalogTranslator(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def scripted():
    stub = ScriptedMessages()
    previous = set_message_service(stub)
    yield stub
    set_message_service(previous)


@pytest.fixture
def sync_tasks():
    previous = TaskRunner.synchronous
    TaskRunner.synchronous = True
    yield
    TaskRunner.synchronous = previous


@pytest.fixture
def window(qtbot, db_url, vietnamese, scripted, sync_tasks):
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.gui.tasks import TaskRunner
    from dvdesktop.services import session

    win = MainWindow()
    win.runner = TaskRunner(win)
    qtbot.addWidget(win)
    win.database_opened(session.locate(db_url))
    return win


def make_team(area_name="Nà Khoang", kind="bản"):
    from dvdesktop.services.register import AreaService, TeamService

    area = AreaService.create({"name": area_name, "kind": kind, "commune": "xã Nậm Pồ"})
    team = TeamService.create({"area": area.id, "established_on": "05/01/2020", "decision_number": "12-QĐ/ĐU"})
    return area, team
