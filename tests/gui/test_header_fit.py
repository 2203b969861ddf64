"""header_fit widens the columns of a list whose title does not fit; the lists
that share their width (column_fit) are left to that, which already keeps
every column as wide as its title: a resize fits such a list once."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

from dvdesktop.gui import header_fit
from dvdesktop.gui.column_fit import ColumnFitter, fit_columns
from dvdesktop.gui.header_fit import needed_width
from dvdesktop.gui.layout_check import clipped

TITLES = ["Họ và tên", "Vai trò", "Chức vụ đang giữ", "Ngày bắt đầu", "Ngày kết thúc", "Lý do thôi tham gia"]


def _table(qtbot, fitted: bool) -> QTableWidget:
    table = QTableWidget(2, len(TITLES))
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(TITLES)
    for r in range(2):
        for c, text in enumerate(["Vàng Thị Sông", "Tổ trưởng", "Bí thư chi bộ", "01/02/2019", "30/06/2025",
                                  "Chuyển công tác sang xã khác"]):
            table.setItem(r, c, QTableWidgetItem(text))
    if fitted:
        fit_columns(table)
    table.resize(900, 200)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    return table


def _counting(monkeypatch, owner, name) -> list:
    calls = []
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_resize_fits_a_shared_width_list_once(qtbot, monkeypatch):
    column_fits = _counting(monkeypatch, ColumnFitter, "fit")  # before the fitter connects its timer
    header_fits = _counting(monkeypatch, header_fit, "fit")
    table = _table(qtbot, fitted=True)
    header = table.horizontalHeader()
    assert "\n" not in table.horizontalHeaderItem(5).text()
    column_fits.clear()
    header_fits.clear()
    table.resize(380, 200)  # the long titles go on two lines: six title changes
    qtbot.wait(20)
    assert any("\n" in table.horizontalHeaderItem(c).text() for c in range(len(TITLES)))
    assert len(column_fits) == 1
    assert header_fits == []  # no second fitting behind column_fit's back, title by title
    assert all(header.sectionSize(c) >= needed_width(header, c) for c in range(len(TITLES)) if not header.isSectionHidden(c))
    assert clipped(table) == []


def test_a_plain_list_still_has_its_titles_whole(qtbot):
    table = _table(qtbot, fitted=False)
    header = table.horizontalHeader()
    for c in range(len(TITLES)):
        header.resizeSection(c, 20)
    table.horizontalHeaderItem(2).setText("Chức vụ đang giữ trong tổ")  # a title change fits again
    QApplication.processEvents()
    assert all(header.sectionSize(c) >= needed_width(header, c) for c in range(len(TITLES)))
