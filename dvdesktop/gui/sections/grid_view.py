"""The yearly rating's grid of teams (ui/evaluation_section.ui promotes its
QTableView to this): Enter opens the selected team's rating."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableView


class GridView(QTableView):
    enterPressed = Signal()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enterPressed.emit()
            return
        super().keyPressEvent(event)
