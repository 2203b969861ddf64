"""Fixtures for the GUI tests: offscreen Qt, the Vietnamese catalog, message
boxes and dialogs answered by a script (never a blocking modal dialog),
background tasks run synchronously, the main window on a fresh database.

GUI tests run on SQLite only: the services under the screens are tested on
both engines in tests/services/, and a second engine here would only double
the slowest part of the suite. A test whose subject is PostgreSQL itself asks
for `pg_url` (tests/conftest.py) and opens its own window.
"""
from __future__ import annotations

import pytest

from dvdesktop.gui import i18n
from dvdesktop.gui.dialogs import set_message_service
from dvdesktop.gui.scripted_messages import ScriptedMessages
from dvdesktop.gui.tasks import TaskRunner
from dvdesktop.store import close_database, open_database

from tests.gui.helpers import open_main_window


@pytest.fixture(autouse=True, scope="session")
def _application_look(qapp):
    """The program's stylesheet, wheel guard and header fitting, as run_gui installs them."""
    from dvdesktop.gui import look

    look.install(qapp)


@pytest.fixture
def db_url(tmp_path):
    """Overrides tests/conftest.py's two-engine db_url: SQLite only (see above)."""
    path = str(tmp_path / "test.sqlite3")
    open_database(path)
    yield path
    close_database()


@pytest.fixture
def vietnamese(qapp):
    i18n.install("vi")
    translator = i18n.CatalogTranslator(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def scripted():
    """The message/dialog service's test hook: every message is recorded,
    questions and our dialogs are answered from a script."""
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
    return open_main_window(qtbot, db_url)


@pytest.fixture(autouse=True, scope="session")
def _no_modal_error_dialog():
    """A background task left running by an earlier test may fail after that test ended,
    while the real MessageService is in place: its modal error dialog would wait forever
    offscreen and hang the whole run. Print it instead (ScriptedMessages is untouched:
    tests that expect an error dialog script it). For the whole session: pytest-qt
    processes pending events before a test's own fixtures are set up, which is when
    such a task's failure arrives (a CI run hung there)."""
    import sys

    from dvdesktop.gui.dialogs import MessageService

    def unexpected_error(self, parent, summary, details, log_file):
        print(f"unexpected error dialog (not shown in tests): {summary}\n{details}", file=sys.stderr)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MessageService, "unexpected_error", unexpected_error)
        yield
