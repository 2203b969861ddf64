"""Column headers are never narrower than their text.

Column widths are set in code for typical content ("Người ng…" at 75 px
was the result in Vietnamese). One event filter on the application widens,
when a table is first shown and when its headers change, every column whose
header text does not fit; wider columns are left as they are, and the clerk
may still narrow a column by hand afterwards. Long cell text is elided and
shown whole in the tooltip (table_model.ElidedTipDelegate). The lists whose
columns share their width (column_fit) are left to column_fit."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle

# set on a header whose columns column_fit shares out: it keeps each as wide as its title
# already, and changes titles as it goes (on two lines, back on one); fitting here after
# each of those changes was a second fitting of the same list
SHARED_WIDTH = "dvdesktop_shared_width"


def needed_width(header: QHeaderView, section: int) -> int:
    text = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
    if not text:
        return 0
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin // 2 \
        if header.isSortIndicatorShown() else 0
    return max(header.fontMetrics().horizontalAdvance(line) for line in text.splitlines()) + margin + arrow + 2


def fit(header: QHeaderView) -> None:
    """Widen the columns of *header* whose text does not fit."""
    if header.model() is None or header.orientation() != Qt.Orientation.Horizontal or header.property(SHARED_WIDTH):
        return
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        need = needed_width(header, section)
        if header.sectionSize(section) < need and \
                header.sectionResizeMode(section) == QHeaderView.ResizeMode.Interactive:
            header.resizeSection(section, need)


class HeaderFitter(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(watched, QHeaderView) \
                and watched.orientation() == Qt.Orientation.Horizontal and not watched.property(SHARED_WIDTH):
            if not watched.property("dvdesktop_fitted"):
                watched.setProperty("dvdesktop_fitted", True)
                watched.sectionCountChanged.connect(lambda *_a, h=watched: fit(h))
                if watched.model() is not None:
                    watched.model().headerDataChanged.connect(lambda *_a, h=watched: fit(h))
            fit(watched)
        return False


def install(app: QApplication) -> HeaderFitter:
    fitter = getattr(app, "_dvdesktop_header_fitter", None)
    if fitter is None:
        fitter = HeaderFitter(app)
        app.installEventFilter(fitter)
        app._dvdesktop_header_fitter = fitter
    return fitter
