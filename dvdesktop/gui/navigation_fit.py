"""The navigation list on the left never scrolls sideways (at 125 % its
vertical scroll bar came and took the room of «Mô hình dân vận khéo»): it is
as wide as its longest title beside that scroll bar, and a title still too
wide (a longer translation) is elided with the whole of it in its tooltip."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QStyle


def fit_navigation(nav: QListWidget, least: int = 210) -> None:
    nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    nav.setTextElideMode(Qt.TextElideMode.ElideRight)
    for row in range(nav.count()):
        item = nav.item(row)
        item.setToolTip(item.text())
    nav.ensurePolished()  # the stylesheet's font and padding count
    longest = nav.sizeHintForColumn(0) if nav.count() else 0
    bar = nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, nav)
    nav.setFixedWidth(min(max(least, longest + bar + 2 * nav.frameWidth() + 4), 280))
