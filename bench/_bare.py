"""The reference of the start-up benches: a bare PySide6 window showing a
30-row table, as a script for `python -c`."""
from __future__ import annotations

_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
app = QApplication(sys.argv[:1])
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):  # shown = drawn, as the program's "shown" (gui/app.py)
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, lambda: (AT_PAINT, app.quit()))
w = Window()
t = QTableWidget(30, 6)
for r in range(30):
    for c in range(6):
        t.setItem(r, c, QTableWidgetItem(f"{r}-{c}"))
w.setCentralWidget(t); w.resize(1280, 780); w.show()
app.exec()
"""


def bare_window(at_paint: str) -> str:
    """The script; *at_paint* (an expression) runs once the window is drawn, then it quits."""
    return _SCRIPT.replace("AT_PAINT", at_paint)
