"""Lists that never scroll sideways (issue 13: "scroll only vertically").

A list's columns share its width again whenever it changes (the pane, the
window, a vertical scroll bar coming) or its rows change: every column as wide
as its title and its cells when there is room; else a date or a number keeps
its width and the text columns are narrowed, never below their title, their
cells elided with the whole text in the tooltip (table_model.ElidedTipDelegate);
titles too long for that go on two lines; and when even that is too wide, the
columns named least useful are left out (the form beside the list shows them).
A list may name the width each column is given when there is room, though its
cells be narrower (the detail editor's child list, forms/detail_editor.py: a
team's name column useful before its first row); that width is given back
before any cell is cut."""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QTableWidget, QTreeView

from .header_fit import SHARED_WIDTH, needed_width

_NUMBER = re.compile(r"^[\d.,:%/\s-]+$")  # numbers, times, shares
DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")  # dd/mm/yyyy, as lists show dates
SAMPLE_ROWS = 60  # rows looked at to tell a number or date column (the first screens)
LEAST_TEXT = 40  # a text column is never narrower than this, even with a short title
READABLE = 90  # a text column narrower than this is squeezed to a few letters


def two_lines(title: str) -> str:
    """*title* broken at the space nearest its middle ("Vật tư,\\nhiện vật")."""
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return title[:cut] + "\n" + title[cut + 1:]


def three_lines(title: str) -> str:
    """*title* on three lines of words, the longest line as short as may be."""
    words = title.split(" ")
    if len(words) < 3:
        return title
    best = None
    for i in range(1, len(words) - 1):
        for j in range(i + 1, len(words)):
            lines = [" ".join(words[:i]), " ".join(words[i:j]), " ".join(words[j:])]
            if best is None or max(map(len, lines)) < max(map(len, best)):
                best = lines
    return "\n".join(best)


def _cell_width(widget) -> int:
    """A drop-down in a cell as wide as the text it shows, not as its longest
    choice (a team's longest name made every «Who» column wide)."""
    if isinstance(widget, QComboBox) and widget.count():
        metrics = widget.fontMetrics()
        longest = max(metrics.horizontalAdvance(widget.itemText(i)) for i in range(widget.count()))
        return widget.sizeHint().width() - max(longest - metrics.horizontalAdvance(widget.currentText()), 0) + 2
    return widget.sizeHint().width()


def _level(excess: list[int], over: int) -> int:
    """The greatest level L such that cutting every excess down to L frees at least *over*."""
    low, high = 0, max(excess)
    while low < high:
        mid = (low + high + 1) // 2
        if sum(max(e - mid, 0) for e in excess) >= over:
            low = mid
        else:
            high = mid - 1
    return low


def header_of(view: QAbstractItemView) -> QHeaderView | None:
    """The header over a list's, table's or tree's columns (None for a plain list)."""
    return view.header() if isinstance(view, QTreeView) else getattr(view, "horizontalHeader", lambda: None)()


class ColumnFitter(QObject):
    """Fits the columns of *view* to its width; *drop*: the columns that may be
    left out when the room is short, least useful first; *widths*: the width
    each column (by position) is given when the room allows, though its cells
    be narrower."""

    def __init__(self, view: QAbstractItemView, drop: tuple[int, ...] = (), widths: tuple[int, ...] = ()):
        super().__init__(view)
        self.view, self.drop, self.widths = view, tuple(drop), tuple(widths)
        self._dropped: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        self._model = None
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.viewport().installEventFilter(self)
        header = header_of(view)
        if header is not None:  # header_fit leaves its titles' widths to this
            header.setProperty(SHARED_WIDTH, True)
        if type(view.itemDelegate()) is QStyledItemDelegate:  # a cell cut short shows its text whole in its tooltip
            from .table_model import ElidedTipDelegate

            view.setItemDelegate(ElidedTipDelegate(view))
        self._watch_model()

    def _watch_model(self) -> None:
        model = self.view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self.schedule)

    def schedule(self, *_args) -> None:
        self._timer.start()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        # only the width is shared out: titles on two lines make the header taller and the
        # viewport lower, which asks for no second fitting
        if event.type() == QEvent.Type.Show or (
                event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width()):
            self._watch_model()
            self.schedule()
        return False

    # --- the sharing ---------------------------------------------------------------

    def _title(self, column: int) -> str:
        return str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")

    def _set_title(self, column: int, text: str) -> None:
        if self._title(column) == text:
            return
        if isinstance(self.view, QTableWidget):
            item = self.view.horizontalHeaderItem(column)
            if item is not None:
                item.setText(text)
        else:
            self.view.model().setHeaderData(column, Qt.Orientation.Horizontal, text)

    def _short(self, column: int) -> bool:
        """A column of numbers or dates: never cut."""
        model = self.view.model()
        texts = []
        for row in range(min(model.rowCount(), SAMPLE_ROWS)):
            text = str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "").strip()
            if text:
                texts.append(text)
        return bool(texts) and all(_NUMBER.match(t) or DATE.match(t) for t in texts)

    def fit(self) -> None:
        view, header = self.view, header_of(self.view)
        model = view.model()
        if header is None or model is None or not model.columnCount() or not view.isVisible():
            return
        header.setStretchLastSection(False)
        for c in self._dropped:
            header.setSectionHidden(c, False)
        self._dropped.clear()
        room = view.viewport().width()
        count = model.columnCount()
        columns = [c for c in range(count) if not header.isSectionHidden(c)]
        for c in columns:  # the titles whole again: the room may have grown
            self._set_title(c, self._title(c).replace("\n", " "))
        short = {c for c in columns if self._short(c)}
        content = {c: max(view.sizeHintForColumn(c), 0) for c in columns}
        if isinstance(view, QTableWidget):  # a drop-down kept open in a cell is never cut
            for c in columns:
                widgets = [view.cellWidget(r, c) for r in range(min(view.rowCount(), SAMPLE_ROWS))]
                widths = [_cell_width(w) for w in widgets if w is not None]
                if widths:
                    short.add(c)
                    content[c] = max(content[c], *widths)
        def least_of(c: int) -> int:  # its title whole on its lines, its short content whole
            return max(needed_width(header, c), content[c] if c in short else LEAST_TEXT)

        least = {c: least_of(c) for c in columns}
        # the longest titles on two lines while the least widths do not fit side by side
        for c in sorted(columns, key=lambda c: -needed_width(header, c)):
            if sum(least.values()) <= room:
                break
            folded = two_lines(self._title(c))
            if folded != self._title(c):
                self._set_title(c, folded)
                least[c] = least_of(c)
        # a text column squeezed to a few letters says nothing: the least useful columns are
        # left out while the others would be narrower than READABLE (or their text, if shorter)
        readable = {c: least[c] if c in short else max(least[c], min(content[c], READABLE)) for c in columns}
        texts = [c for c in columns if c not in short]
        if texts:  # the first text column names the record («Tổ dân vận bản N…» names none): more room
            readable[texts[0]] = max(least[texts[0]], min(content[texts[0]], 2 * READABLE))
        for c in self.drop:
            if sum(readable[k] for k in least) <= room or c not in least or len(least) == 1:
                break
            header.setSectionHidden(c, True)
            self._dropped.add(c)
            del least[c]
        for c in sorted(least, key=lambda c: -needed_width(header, c)):  # still too wide: on three lines
            if sum(least.values()) <= room:
                break
            folded = three_lines(self._title(c).replace("\n", " "))
            if folded.count("\n") == 2:
                self._set_title(c, folded)
                least[c] = least_of(c)
        columns = list(least)
        # even so too narrow (a form's grid of drop-downs at 125 %): better a scroll bar than columns out of reach
        crowded = sum(least.values()) > room
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if crowded
                                          else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        want = {c: max(least[c], content[c], self.widths[c] if c < len(self.widths) else 0) for c in columns}
        widths = dict(want)
        over = sum(want.values()) - room
        for c in self.drop:  # the least useful columns give up their room first, down to READABLE
            if over <= 0:
                break
            if c in widths:
                take = min(over, max(widths[c] - readable[c], 0))
                widths[c] -= take
                over -= take
        if over > 0:  # the widest beyond READABLE give first, down to one level («04-…» beside a wide title)
            floor = {c: min(readable[c], widths[c]) for c in columns}
            excess = {c: widths[c] - floor[c] for c in columns}
            if sum(excess.values()) >= over:
                level = _level(list(excess.values()), over)
                widths = {c: floor[c] + min(excess[c], level) for c in columns}
                extra = sum(widths.values()) - room  # rounding: one pixel off the widest ones
                for c in sorted(columns, key=lambda c: -excess[c])[:max(extra, 0)]:
                    widths[c] -= 1
            else:  # even READABLE is too wide: every one towards its title's width
                over -= sum(excess.values())
                give = {c: floor[c] - least[c] for c in columns}
                total = sum(give.values()) or 1
                widths = {c: max(least[c], floor[c] - -(-over * give[c] // total)) for c in columns}
        else:  # the room left goes to the widest text column
            texts = [c for c in columns if c not in short] or columns
            # an empty list has only its titles to go by: the first text column, the one naming the record
            widest = texts[0] if not model.rowCount() else max(texts, key=lambda c: want[c])
            widths[widest] -= over
        for c, width in widths.items():
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            if header.sectionSize(c) != width:
                header.resizeSection(c, width)


def fit_columns(view: QAbstractItemView, drop: tuple[int, ...] = (), widths: tuple[int, ...] = ()) -> ColumnFitter:
    """Make *view*'s columns share its width from now on (once per view)."""
    fitter = getattr(view, "_dvdesktop_column_fitter", None)
    if fitter is None:
        fitter = view._dvdesktop_column_fitter = ColumnFitter(view, drop, widths)
    else:
        fitter.drop, fitter.widths = tuple(drop), tuple(widths)
    fitter.schedule()
    return fitter
