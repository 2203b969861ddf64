"""Finding text a clerk cannot read whole: a label, a drop-down, a column
header, a tab or the hint of an empty field narrower than its text, a form that scrolls sideways,
or a list that may not scroll sideways with columns wider than itself.

Used by the test that opens every section, form and dialog at 1366x768
(tests/gui/test_fits_the_screen.py) and by scripts/screenshots.py, which runs
it at 125 % scaling too. A label that wraps, or that elides its text and
shows it whole in its tooltip, is not clipped."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractScrollArea, QComboBox, QHeaderView, QLabel, QLineEdit, QScrollArea, QStyle,
    QStyleOptionComboBox, QTabBar, QWidget,
)

from .column_fit import header_of

SLACK = 1  # pixels of rounding


def _name(widget: QWidget) -> str:
    parts = []
    while widget is not None and len(parts) < 3:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0


def clipped(root: QWidget) -> list[str]:
    """What is cut off inside *root*, one line each (empty: nothing)."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if not _shown(label, root) or label.wordWrap() or not label.text() or label.pixmap() is not None \
                and not label.pixmap().isNull():
            continue
        text = label.text()
        if "<" in text and label.textFormat() != label.textFormat().PlainText:
            continue  # rich text lays itself out
        need = max(label.fontMetrics().horizontalAdvance(line.replace("&", "")) for line in text.splitlines() or [""])
        have = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        if have + SLACK < need:
            found.append(f"label {_name(label)} «{text}»: {have} px for {need}")
    for combo in root.findChildren(QComboBox):
        if not _shown(combo, root) or not combo.currentText():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if field.width() + SLACK < need:
            found.append(f"drop-down {_name(combo)} «{combo.currentText()}»: {field.width()} px for {need}")
    for edit in root.findChildren(QLineEdit):
        # a hint in an empty field is meant to be read whole ("TM. ỦY BAN NHÂN DÂN" showed as "Y BAN NHÂN DÂN")
        if not _shown(edit, root) or edit.text() or not edit.placeholderText() or isinstance(edit.parentWidget(), QComboBox):
            continue
        need = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        have = edit.contentsRect().width() - 8  # the frame's and the text's margins
        if have + SLACK < need:
            found.append(f"hint {_name(edit)} «{edit.placeholderText()}»: {have} px for {need}")
    for header in root.findChildren(QHeaderView):
        if header.orientation().name != "Horizontal" or not _shown(header, root) or header.model() is None:
            continue
        style = header.style()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = (style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin // 2
                 if header.isSortIndicatorShown() else 0)
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(header.model().headerData(section, header.orientation()) or "")
            if not text:
                continue
            need = max(header.fontMetrics().horizontalAdvance(line) for line in text.splitlines()) + margin + arrow
            have = header.sectionSize(section)
            if have + SLACK < need:
                found.append(f"column header {_name(header)} «{text}»: {have} px for {need}")
    for bar in root.findChildren(QTabBar):
        if not _shown(bar, root):
            continue
        space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
        for i in range(bar.count()):
            text = bar.tabText(i).replace("&", "")
            need = bar.fontMetrics().horizontalAdvance(text) + space // 2
            if bar.tabRect(i).width() + SLACK < need:
                found.append(f"tab {_name(bar)} «{text}»: {bar.tabRect(i).width()} px for {need}")
    areas = root.findChildren(QAbstractScrollArea) + ([root] if isinstance(root, QAbstractScrollArea) else [])
    for area in areas:
        if isinstance(area, QScrollArea) and _shown(area, root) and area.horizontalScrollBar().isVisible():
            found.append(f"scrolls sideways: {_name(area)} ({area.widget().minimumSizeHint().width()} px "
                         f"in {area.viewport().width()})")
        elif isinstance(area, QScrollArea) and _shown(area, root) and area.widget() is not None \
                and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff \
                and area.widget().width() > area.viewport().width() + SLACK:
            found.append(f"cut off on the right: {_name(area)} ({area.widget().width()} px "
                         f"in {area.viewport().width()})")
    found += _columns_out_of_reach(root)
    found += _lists_scrolling_sideways(root)
    return found


def _views(root: QWidget) -> list[QAbstractItemView]:
    """Every list, table and tree in *root*, *root* included."""
    return root.findChildren(QAbstractItemView) + ([root] if isinstance(root, QAbstractItemView) else [])


def _lists_scrolling_sideways(root: QWidget) -> list[str]:
    """A list, table or tree that shows its horizontal scroll bar: the clerk
    scrolls only vertically (issue 13), so its columns must fit its width
    (sized to their contents, long text elided with a tooltip)."""
    found = []
    for view in _views(root):
        if _shown(view, root) and view.horizontalScrollBar().isVisible():
            header = header_of(view)
            need = header.length() if header is not None and not header.isHidden() else \
                view.horizontalScrollBar().maximum() + view.viewport().width()
            found.append(f"list scrolls sideways: {_name(view)} ({need} px in {view.viewport().width()})")
    return found


def _columns_out_of_reach(root: QWidget) -> list[str]:
    """A list or tree that may not scroll sideways (its scroll bar is off)
    but whose columns are wider than it: the last ones cannot be seen at all."""
    found = []
    for view in _views(root):
        if not _shown(view, root) or view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            continue
        header = header_of(view)
        if header is None or header.isHidden() or header.model() is None:
            continue
        if header.length() > view.viewport().width() + SLACK:
            found.append(f"columns cut off: {_name(view)} ({header.length()} px in {view.viewport().width()})")
    return found
