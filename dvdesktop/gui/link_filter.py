"""A filter a list gets from a link (a bar of the overview's charts: one
month, concerns answered late …) that has no widget of its own: shown as a
small button "Tháng 5 ✕" beside the list's filters; clicking it removes it.

    self.link_chip = LinkChip(self.clear_link_filter)
    bar.addWidget(self.link_chip)
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

from .i18n import _
from .style import role


def parse_month(link: str) -> int | None:
    """"month:5" → 5; anything else None."""
    kind, _sep, value = link.partition(":")
    if kind == "month" and value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return None


class LinkChip(QPushButton):
    def __init__(self, on_clear: Callable[[], None], parent=None):
        super().__init__(parent)
        self.on_clear = on_clear
        self.setToolTip(_("Shown from the overview; click to show the whole list"))
        role(self, "chip")
        self.clicked.connect(self._clear)
        self.hide()

    def show_filter(self, text: str | None) -> None:
        self.setText(f"{text}  ✕" if text else "")
        self.setVisible(bool(text))

    def _clear(self) -> None:
        self.hide()
        self.on_clear()


def month_text(month: int) -> str:
    return _("Month {m}").format(m=month)
