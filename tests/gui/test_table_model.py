"""LazyTableModel: a section sets its header's sort order before the first
refresh; that must not read the list (a province list read three times made
opening a section slow)."""
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
