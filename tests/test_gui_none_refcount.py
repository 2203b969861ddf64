"""PySide6 6.12 takes a reference from None on every call of a void method
under Python 3.11, and one from True on every signal emitted; dvdesktop.gui keeps None alive so that a long session (a
province database: tens of thousands of calls) does not abort with
"Fatal Python error: none_dealloc"."""
import sys

import pytest


def test_many_void_qt_calls_do_not_exhaust_none(qapp):
    import dvdesktop.gui  # noqa: F401 - applies the workaround
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QComboBox, QLabel

    class Emitter(QObject):
        changed = Signal(bool)

    label, combo, emitter = QLabel(), QComboBox(), Emitter()
    emitter.changed.connect(lambda _v: None)
    before = sys.getrefcount(None)
    for i in range(30_000):  # without the workaround, None's count falls below zero well before this
        label.setText("a")
        combo.addItem("b", None)
        emitter.changed.emit(i % 2 == 0)
        if i % 1000 == 0:
            combo.clear()
    assert sys.getrefcount(None) > 0
    if sys.version_info < (3, 12):
        for singleton in (None, True, False):
            assert sys.getrefcount(singleton) > 1 << 40
        assert before > 1 << 40


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+")
def test_keep_none_alive_is_idempotent():
    from dvdesktop.gui import keep_none_alive

    before = sys.getrefcount(None)
    keep_none_alive()
    assert abs(sys.getrefcount(None) - before) < 1000
