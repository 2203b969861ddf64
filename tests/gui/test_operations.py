"""Saves, deletes and restores as operations (gui/operations.py): run off the
GUI thread, report what they changed, and the sections showing those kinds
of record read their lists again; failures are said through the message
service, and a save refused for a conflict keeps what the clerk typed."""
from __future__ import annotations

import threading

import pytest

from dvdesktop.errors import UserError
from dvdesktop.gui.operations import OpChanges, RecordOp, operations_of, record_kind
from dvdesktop.gui.tasks import TaskRunner
from dvdesktop.services.meetings import MeetingService
from dvdesktop.services.outreach import OutreachService
from dvdesktop.services.register import PersonService
from dvdesktop.store.models import Person



def shown_names(section) -> set[str]:
    return {section.model.data(section.model.index(r, 0)) for r in range(section.model.rowCount())}


def test_kinds_are_named_after_the_services_records():
    assert record_kind(PersonService) == "person"
    assert record_kind(OutreachService) == "outreach_session"
    assert OpChanges.of(PersonService, "membership").kinds == {"person", "membership"}
    assert OpChanges.of(PersonService).touches(["meeting", "person"])
    assert not OpChanges.of(PersonService).touches(["meeting"])
    assert OpChanges.of(MeetingService).touches(["*"])


def test_a_save_reports_what_it_changed(window):
    reported = []
    window.operations.changed.connect(lambda changes, initiator: reported.append((changes, initiator)))
    section = window.section("people")
    assert operations_of(section.editor) is window.operations
    section.new_record()
    section.editor.full_name.setText("Lò Văn Thắng")
    assert section.save()
    assert [changes.kinds for changes, _who in reported] == [{"person"}]
    assert reported[0][1] is section.editor  # the form that saved


def test_a_section_reads_its_list_again_when_its_kinds_change(window):
    section = window.section("people")
    assert shown_names(section) == set()
    # a change the window was not told about: the list does not know it yet
    PersonService.create({"full_name": "Quàng Thị Mai"})
    section.model.invalidate()
    assert shown_names(section) == set()
    # an operation that changed meetings only: the people list stays as it was
    RecordOp(section, lambda: None, OpChanges.of(MeetingService)).run_in_background()
    assert shown_names(section) == set()
    # one that changed people: the list is read again, both are there
    RecordOp(section, lambda: PersonService.create({"full_name": "Lò Văn Thắng"}),
             OpChanges.of(PersonService)).run_in_background()
    assert shown_names(section) == {"Quàng Thị Mai", "Lò Văn Thắng"}


def test_a_hidden_section_is_read_again_when_shown(window):
    people = window.section("people")
    window.section("meetings")
    RecordOp(people, lambda: PersonService.create({"full_name": "Lò Văn Thắng"}),
             OpChanges.of(PersonService)).run_in_background()
    assert window.section("people") is people
    assert shown_names(people) == {"Lò Văn Thắng"}


def test_a_failure_is_shown_through_the_message_service(window, scripted):
    section = window.section("people")
    done = []
    RecordOp(section, lambda: (_ for _ in ()).throw(UserError("Không được xóa người đang là tổ trưởng.")),
             OpChanges.of(PersonService), failure_title="Không xóa được").success(done.append).run_in_background()
    assert done == []
    assert scripted.shown[-1] == ("warning", "Không xóa được", "Không được xóa người đang là tổ trưởng.")


def test_a_conflict_keeps_the_forms_edits(window, scripted):
    person = PersonService.create({"full_name": "Lò Văn Thắng", "phone": "0912 000 111"})
    section = window.section("people")
    section.reload()
    assert section.select_id(person.id)
    form = section.editor
    # someone else saves the same person meanwhile
    PersonService.update(person.id, {"phone": "0988 222 333"}, expected_version=person.version)
    form.phone.setText("0977 444 555")
    assert form.save() is None
    # both versions side by side (gui/conflict_dialog.py)
    assert scripted.shown[-1][:2] == ("dialog", "Đã có người khác sửa")
    table = scripted.dialogs[-1].table
    assert [table.item(0, c).text() for c in range(3)] == ["Điện thoại", "0977 444 555", "0988 222 333"]
    assert form.phone.text() == "0977 444 555" and form.is_dirty() and form.isEnabled()
    assert Person.get_by_id(person.id).phone == "0988 222 333"  # the other save stands


def test_a_delete_is_an_operation_the_list_follows(window, scripted):
    a = PersonService.create({"full_name": "Lò Văn Thắng"})
    PersonService.create({"full_name": "Quàng Thị Mai"})
    section = window.section("people")
    section.reload()
    assert section.select_id(a.id)
    scripted.answers = [True]
    section.delete_selected()
    assert shown_names(section) == {"Quàng Thị Mai"}
    assert section.editor.full_name.text() == "Quàng Thị Mai"  # its neighbour is shown


@pytest.fixture
def threaded(sync_tasks):
    """Operations really off the GUI thread, as in the program."""
    TaskRunner.synchronous = False
    yield
    TaskRunner.synchronous = True


@pytest.mark.usefixtures("threaded")
def test_a_save_runs_off_the_gui_thread_and_comes_back_on_it(window, qtbot):
    section = window.section("people")
    gui = threading.get_ident()
    threads = {}
    form = section.editor
    storer = form.storer

    def spy(values):
        store = storer(values)

        def run():
            threads["op"] = threading.get_ident()
            return store()
        return run

    form.storer = spy
    form.saved.connect(lambda _id: threads.setdefault("saved", threading.get_ident()))
    section.new_record()
    form.full_name.setText("Lò Văn Thắng")
    assert form.save() is None  # not done yet: it runs in the background
    assert form.saving and not form.isEnabled()
    qtbot.waitUntil(lambda: not form.saving, timeout=10000)
    assert threads["op"] != gui and threads["saved"] == gui
    assert form.isEnabled() and form.record_id is not None and not form.is_dirty()
    assert shown_names(section) == {"Lò Văn Thắng"} and section.current_id() == form.record_id


def test_the_sections_subscribe_to_kinds_that_exist():
    """A misspelt kind in sections/catalog.py would never refresh its section."""
    import inspect

    from dvdesktop.gui.sections.catalog import ANY, SECTIONS
    from dvdesktop.store import models
    from dvdesktop.store.base import BaseModel

    class Named:  # record_kind takes a service; only its model's name counts
        def __init__(self, model):
            self.model = model

    known = {record_kind(Named(m)) for _name, m in inspect.getmembers(models, inspect.isclass)
             if issubclass(m, BaseModel)} | {"settings", ANY}
    for entry in SECTIONS:
        assert entry.shows and set(entry.shows) <= known, (entry.key, set(entry.shows) - known)
