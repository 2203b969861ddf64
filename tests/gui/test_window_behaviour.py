"""The window on the screens clerks have: maximised the first time, then as
it was left (size and splitters); the mouse wheel scrolls a form without
changing the drop-down, number or tab under the pointer."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from tests.gui.helpers import open_main_window


def wheel(widget, steps=-1):
    """Turn the wheel over *widget* (-1: one notch down)."""
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_over_an_unfocused_combo_scrolls_the_form(qtbot):
    area = QScrollArea()
    area.setWidgetResizable(True)
    body = QWidget()
    lay = QVBoxLayout(body)
    combo = QComboBox()
    combo.addItems(["Lò Văn Thắng", "Quàng Thị Mai", "Vàng A Dơ"])
    spin = QSpinBox()
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Chung")
    tabs.addTab(QWidget(), "Các bên")
    lay.addWidget(combo)
    lay.addWidget(spin)
    lay.addWidget(tabs)
    lay.addSpacing(2000)
    area.setWidget(body)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not give it the focus
    wheel(combo)
    wheel(spin)
    wheel(tabs.tabBar())
    assert (combo.currentIndex(), spin.value(), tabs.currentIndex()) == (0, 0, 0)
    assert area.verticalScrollBar().value() > 0  # the form scrolled instead
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1  # chosen on purpose: the usual behaviour


def test_window_opens_maximised_then_as_it_was_left(qtbot, db_url, vietnamese, scripted, sync_tasks):
    from dvdesktop.gui import window_state

    first = open_main_window(qtbot, db_url)
    window_state.show(first)
    qtbot.waitExposed(first)
    assert first.isMaximized()
    first.showNormal()
    first.resize(700, 500)  # the offscreen screen is 800x600
    qtbot.wait(10)
    first.close()
    again = open_main_window(qtbot, db_url)
    window_state.show(again)
    qtbot.waitExposed(again)
    assert not again.isMaximized() and (again.width(), again.height()) == (700, 500)
    again.close()


def test_splitter_comes_back_where_it_was_left(qtbot, window):
    from dvdesktop.gui import window_state

    section = window.section("people")
    splitter = section.splitter
    splitter.setSizes([300, 700])
    splitter.splitterMoved.emit(300, 1)  # as a drag ends
    assert window_state.settings().contains("splitters/PeopleSection")
    left = splitter.sizes()[0]
    other = QSplitter()
    other.addWidget(QWidget())
    other.addWidget(QWidget())
    other.resize(splitter.size())
    qtbot.addWidget(other)
    window_state.remember_splitter(other, "PeopleSection")
    qtbot.waitUntil(lambda: other.sizes()[0] == left, timeout=1000)
