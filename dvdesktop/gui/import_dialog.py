"""Nhập danh sách từ Excel: choose the file, see every row and its problems
(by row number) before anything is written, then import all or nothing.

Reading the file and writing it both run in the window's TaskRunner (off the
GUI thread) with a progress bar and a Stop button; stopping the write rolls
it back (one transaction), so nothing is half imported."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from . import palette
from .dialogs import messages
from .errors import report
from .i18n import N_, _
from .operations import OpChanges, operations_of
from .tasks import TaskRunner

COLUMNS = (
    ("row", N_("Row")), ("result", N_("Result")), ("full_name", N_("Full name")), ("gender", N_("Gender")), ("birth_year", N_("Born")),
    ("ethnicity", N_("Ethnic group")), ("area", N_("Area")), ("role", N_("Role in team")),
    ("position", N_("Position")), ("phone", N_("Phone")), ("party_member", N_("Party")),
)
ACTIONS = {"new": N_("New"), "update": N_("Update"), "same": N_("Unchanged"), "error": N_("Error")}


class PreviewModel(QAbstractTableModel):
    """The rows of a members plan (services.importing.members.MembersPlan)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._cells: dict[int, dict[str, str]] = {}

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self._cells = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section][1])
        return None

    def _text(self, row, key: str) -> str:
        if key == "row":
            return str(row.row)
        if key == "result":
            if row.problems:
                return "; ".join(row.problems)
            text = _(ACTIONS[row.action])
            return f"{text}: {'; '.join(row.changes)}" if row.action == "update" and row.changes else text
        cells = self._cells.get(row.row)
        if cells is None:
            cells = self._cells[row.row] = row.cells()
        return cells.get(key, "")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and row.problems:
            return QBrush(QColor(palette.ALERT))
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return QBrush(QColor(palette.INVALID_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("row", "birth_year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportMembersDialog(QDialog):
    """Preview, then import. `imported` carries the services' ImportResult."""

    imported = Signal(object)

    def __init__(self, parent=None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Import members from Excel"))
        self.resize(1100, 620)
        self.runner = runner or getattr(getattr(parent, "window_", None), "runner", None) or TaskRunner(self)
        self.plan = None
        self.import_result = None
        self.handle = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.choose_button = QPushButton(_("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(_("Choose the Excel file (.xlsx) of the list."))
        self.file_label.setWordWrap(True)
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for j, width in enumerate((50, 240, 170, 65, 70, 75, 110, 110, 140, 100, 75)):
            self.view.setColumnWidth(j, width)
        layout.addWidget(self.view, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(palette.ERROR_TEXT_STYLE)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems)
        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.stop_button = QPushButton(_("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        self.import_button = QPushButton(_("Import"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.save)
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.stop_button)
        bottom.addStretch(0)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    # --- running off the GUI thread -------------------------------------------------

    def _run(self, work, on_done, label: str) -> None:
        self.choose_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setFormat(label)
        self.progress.show()
        self.stop_button.show()

        def step(done, total, text):
            if total:
                self.progress.setRange(0, total)
                self.progress.setValue(done)
            self.progress.setFormat(f"{text} %p%" if total else text)

        def failed(exc):
            self.summary.setText("")
            self.problems.setText(getattr(exc, "message", None) or str(exc))
            if not hasattr(exc, "message"):
                report(exc, self)

        self.handle = self.runner.run(work, on_done=on_done, on_error=failed, label=label)
        self.handle.progressed.connect(step)
        if self.handle.running:
            self.handle.finished.connect(self._ended)
        else:
            self._ended()

    def _ended(self) -> None:
        self.progress.hide()
        self.stop_button.hide()
        self.choose_button.setEnabled(True)
        if self.handle is not None and self.handle.progress.cancelled:
            self.problems.setText(_("Stopped: nothing was written."))
        self.import_button.setEnabled(self.plan is not None and self.plan.ok and self.import_result is None)

    def stop(self) -> None:
        if self.handle is not None and self.handle.running:
            self.handle.cancel()

    def reject(self) -> None:
        self.stop()
        super().reject()

    # --- steps ---------------------------------------------------------------------

    def choose_file(self) -> None:
        path = messages().open_file(self, _("Import members from Excel"), _("Excel workbooks (*.xlsx)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read *path* and show what importing it would do (nothing written)."""
        from ..services.importing.members import preview_members

        self.plan = None
        self.import_result = None
        self.model.set_rows([])
        self.problems.setText("")
        self.file_label.setText(path)

        def work(progress):
            return preview_members(path, progress=progress.update)

        self._run(work, self._previewed, _("Reading the file…"))

    def _previewed(self, plan) -> None:
        self.plan = plan
        self.model.set_rows(plan.rows)
        lines = [_("Sheet «{sheet}», header on row {row}: {summary}.").format(
            sheet=plan.sheet, row=plan.header_row, summary=plan.summary())]
        if plan.encoding != "unicode":
            lines.append(_("The text was typed in {encoding}; it is converted to Unicode.").format(
                encoding=plan.encoding.upper()))
        if plan.new_areas:
            lines.append(_("New areas: {areas}.").format(areas=", ".join(plan.new_areas)))
        self.summary.setText("\n".join(lines))
        errors = plan.errors
        if errors:
            shown = errors[:12] + ([_("… and {n} more.").format(n=len(errors) - 12)] if len(errors) > 12 else [])
            self.problems.setText(_("Nothing can be imported until these rows are corrected in the file:") + "\n"
                                  + "\n".join(shown))
        self.import_button.setEnabled(plan.ok)

    def save(self) -> None:
        """Import the previewed list (the dialog's accept button)."""
        if self.plan is None or not self.plan.ok:
            return
        from ..services.importing.members import apply_members

        plan = self.plan

        def work(progress):
            return apply_members(plan, progress=progress.update)

        self._run(work, self._done, _("Importing…"))

    def _done(self, result) -> None:
        self.import_result = result
        ops = operations_of(self.parent()) if self.parent() is not None else None
        if ops is not None:
            ops.notify(OpChanges.of("person", "membership", "area", "team"), self)
        self.imported.emit(result)
        messages().info(self, _("Import members from Excel"), result.summary())
        self.accept()


def open_import_dialog(section) -> None:
    """The people section's "Import from Excel…"."""
    messages().run_dialog(ImportMembersDialog(section))
