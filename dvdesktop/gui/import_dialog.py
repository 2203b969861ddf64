"""Nhập danh sách từ Excel: choose the file, see every row and its problems
(by row number) before anything is written, then import all or nothing.

Reading the file and writing it both run in the window's TaskRunner (off the
GUI thread) with a progress bar and a Stop button; stopping the write rolls
it back (one transaction), so nothing is half imported."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QPushButton

from . import designer, palette
from .dialogs import messages
from .errors import report
from .generated.ui_import_dialog import Ui_ImportDialog
from .i18n import N_, _
from .operations import OpChanges, operations_of
from .tasks import TaskRunner
from .widgets import fit_to_screen

@dataclass(frozen=True)
class ImportKind:
    """What the dialog imports: its title, the preview's columns (key of the
    row's cells(), label), the services' preview and apply functions, and the
    record kinds the import changes (the lists showing them read again)."""

    title: str
    columns: tuple[tuple[str, str], ...]
    widths: tuple[int, ...]
    preview: Callable
    apply: Callable
    changes: tuple[str, ...]


def _members_preview(path, progress):
    from ..services.importing.members import preview_members

    return preview_members(path, progress=progress)


def _members_apply(plan, progress):
    from ..services.importing.members import apply_members

    return apply_members(plan, progress=progress)


def _areas_preview(path, progress):
    from ..services.importing.areas import preview_areas

    return preview_areas(path, progress=progress)


def _areas_apply(plan, progress):
    from ..services.importing.areas import apply_areas

    return apply_areas(plan, progress=progress)


MEMBERS = ImportKind(
    N_("Import members from Excel"),
    (("row", N_("Row")), ("result", N_("Result")), ("full_name", N_("Full name")), ("gender", N_("Gender")),
     ("birth_year", N_("Born")), ("ethnicity", N_("Ethnic group")), ("area", N_("Area")), ("role", N_("Role in team")),
     ("position", N_("Position")), ("phone", N_("Phone")), ("party_member", N_("Party"))),
    (50, 240, 170, 65, 70, 75, 110, 110, 140, 100, 75),
    _members_preview, _members_apply, ("person", "membership", "area", "team"))
AREAS = ImportKind(
    N_("Import areas from Excel"),
    (("row", N_("Row")), ("result", N_("Result")), ("name", N_("Area")), ("kind", N_("Kind")),
     ("commune", N_("Commune")), ("households", N_("Households")), ("population", N_("Population")),
     ("ethnic_groups", N_("Ethnic groups")), ("decision_number", N_("Decision")),
     ("established_on", N_("Established on")), ("cadre_name", N_("Cadre in charge"))),
    (50, 240, 150, 90, 100, 70, 80, 120, 100, 90, 140),
    _areas_preview, _areas_apply, ("area", "team"))
COLUMNS = MEMBERS.columns
ACTIONS = {"new": N_("New"), "update": N_("Update"), "same": N_("Unchanged"), "error": N_("Error")}


class PreviewModel(QAbstractTableModel):
    """The rows of a members plan (services.importing.members.MembersPlan)."""

    def __init__(self, parent=None, columns=COLUMNS):
        super().__init__(parent)
        self.columns = columns
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
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.columns[section][1])
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
        key = self.columns[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and row.problems:
            return QBrush(QColor(palette.ALERT))
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return QBrush(QColor(palette.INVALID_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("row", "birth_year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportDialog(QDialog):
    """Preview, then import. `imported` carries what the service's apply returned."""

    imported = Signal(object)

    def __init__(self, parent=None, runner: TaskRunner | None = None, kind: ImportKind = MEMBERS):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(_(kind.title))
        self.runner = runner or getattr(getattr(parent, "window_", None), "runner", None) or TaskRunner(self)
        self.plan = None
        self.import_result = None
        self.handle = None

        designer.setup(self, Ui_ImportDialog)  # ui/import_dialog.ui
        fit_to_screen(self, 1100, 620)
        self.model = PreviewModel(self, kind.columns)
        self.view.setModel(self.model)
        for j, width in enumerate(kind.widths):
            self.view.setColumnWidth(j, width)
        from .column_fit import fit_columns

        fit_columns(self.view)  # the preview's columns share its width: it never scrolls sideways
        self.choose_button.clicked.connect(self.choose_file)
        self.stop_button.clicked.connect(self.stop)
        self.import_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

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
        path = messages().open_file(self, _(self.kind.title), _("Excel workbooks (*.xlsx)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read *path* and show what importing it would do (nothing written)."""
        self.plan = None
        self.import_result = None
        self.model.set_rows([])
        self.problems.setText("")
        self.file_label.setText(path)

        def work(progress):
            return self.kind.preview(path, progress.update)

        self._run(work, self._previewed, _("Reading the file…"))

    def _previewed(self, plan) -> None:
        self.plan = plan
        self.model.set_rows(plan.rows)
        lines = [_("Sheet «{sheet}», header on row {row}: {summary}.").format(
            sheet=plan.sheet, row=plan.header_row, summary=plan.summary())]
        if getattr(plan, "encoding", "unicode") != "unicode":
            lines.append(_("The text was typed in {encoding}; it is converted to Unicode.").format(
                encoding=plan.encoding.upper()))
        if getattr(plan, "new_areas", None):
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
        plan = self.plan

        def work(progress):
            return self.kind.apply(plan, progress.update)

        self._run(work, self._done, _("Importing…"))

    def _done(self, result) -> None:
        self.import_result = result
        ops = operations_of(self.parent()) if self.parent() is not None else None
        if ops is not None:
            ops.notify(OpChanges.of(*self.kind.changes), self)
        self.imported.emit(result)
        messages().info(self, _(self.kind.title), result if isinstance(result, str) else result.summary())
        self.accept()


ImportMembersDialog = ImportDialog  # the members import is the dialog's default


def open_import_dialog(section, kind: ImportKind = MEMBERS) -> None:
    """A section's "Import from Excel…" (people: members; areas: areas and teams)."""
    messages().run_dialog(ImportDialog(section, kind=kind))


def add_import_button(section, bar, kind: ImportKind = MEMBERS) -> QPushButton:
    """Put «Nhập từ Excel…» in *bar*: the import dialog of *kind* for *section*
    (as export_excel.add_export_button puts «Xuất Excel…»)."""
    button = QPushButton(_("Import from Excel…"))
    button.clicked.connect(lambda: open_import_dialog(section, kind))
    bar.addWidget(button)
    return button
