"""LazyTableModel, the one item model of the GUI: a section sets its header's
sort order before the first refresh; that must not read the list (a province
list read three times made opening a section slow). Every list that shows it
passes qtmodeltester with real rows."""
import pytest

from dvdesktop.gui.table_model import Column, LazyTableModel, Row, RowSource


class CountingSource(RowSource):
    def __init__(self):
        self.columns = [Column("name", "Name"), Column("n", "N")]
        self.calls: list[tuple] = []

    def ids(self, sort_key, descending):
        self.calls.append((sort_key, descending))
        ids = [1, 2, 3]
        return ids[::-1] if descending else ids

    def rows(self, ids):
        return {i: Row([f"row {i}", i]) for i in ids}


def test_sort_before_the_first_refresh_only_records_the_order(qapp):
    from PySide6.QtCore import Qt

    source = CountingSource()
    model = LazyTableModel(source)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.calls == [] and model.rowCount() == 0
    model.refresh()
    assert source.calls == [("n", True)]
    assert model.ids() == [3, 2, 1]
    model.sort(0, Qt.SortOrder.AscendingOrder)  # after the first refresh: read again at once
    assert source.calls[-1] == ("name", False) and model.ids() == [1, 2, 3]


# --- qtmodeltester on every list model, holding real rows ----------------------------
# LazyTableModel is the only QAbstractItemModel subclass in dvdesktop/gui; every
# list section and the person picker show one over their own RowSource, so
# each of those is checked here on the commune-scale demo data.


def _list_sections() -> list[str]:
    from dvdesktop.gui.sections.base import ListFormSection
    from dvdesktop.gui.sections.catalog import SECTIONS

    return [entry.key for entry in SECTIONS if issubclass(entry.load(), ListFormSection)]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """The commune demo (every kind of record, dated up to today), built once."""
    import datetime as dt

    from dvdesktop.services.demo.generator import build_demo
    from dvdesktop.store import close_database, open_database

    base = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:  # the autouse private folders are per test
        mp.setenv("DVDESKTOP_DATA_DIR", str(base / "data"))
        mp.setenv("DVDESKTOP_LOG_DIR", str(base / "log"))
        path = base / "demo.sqlite3"
        open_database(str(path))
        try:
            build_demo(scale="commune", seed=1, reference=dt.date.today())
        finally:
            close_database()
    return path


@pytest.fixture
def db_url(demo_file, tmp_path):
    """This module's windows open a copy of the demo database."""
    import shutil

    from dvdesktop.store import close_database, open_database

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    open_database(str(path))
    yield str(path)
    close_database()


def test_every_list_section_is_checked():
    assert {"areas", "people", "meetings", "outreach", "concerns", "mediation",
            "campaigns", "households", "models"} <= set(_list_sections())


@pytest.mark.parametrize("key", _list_sections())
def test_section_model_passes_modeltester(window, qtmodeltester, key):
    from PySide6.QtCore import Qt

    section = window.section(key)
    section.reload()
    assert section.model.rowCount() > 0, f"no demo rows in {key}"
    qtmodeltester.check(section.model, force_py=True)
    section.model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(section.model, force_py=True)


def test_person_picker_model_passes_modeltester(window, qtmodeltester):
    from dvdesktop.gui.forms.person_picker import PersonPicker

    picker = PersonPicker(window)
    assert picker.model.rowCount() > 0
    qtmodeltester.check(picker.model, force_py=True)
    picker.filter("Lò")
    assert 0 < picker.model.rowCount()
    qtmodeltester.check(picker.model, force_py=True)


def test_plain_source_model_passes_modeltester(qtmodeltester):
    model = LazyTableModel(CountingSource())
    model.refresh()
    qtmodeltester.check(model, force_py=True)
