"""Báo cáo tổng kết: the work report made from the app, without a terminal.

The clerk chooses the period (a year — the year selector's by default —, a
month, a quarter, 6 or 9 months, or any range), the commune when the
database holds several, and sees at once the main figures of that period
beside the period compared with; then previews the report or saves it as
PDF, Word or Excel. Counting and rendering run off the GUI thread (the
window's TaskRunner, with progress and Cancel); the file is written in one
step at the end, so a cancelled or failed job leaves no file behind.
"""
from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from .. import designer, palette
from ..dialogs import messages
from ..i18n import N_, _
from ..generated.ui_reports_section import Ui_ReportsSection
from ..print_preview import PrintJob, PrintPreviewDialog
from .base import Section

log = logging.getLogger(__name__)

ROMAN = ("I", "II", "III", "IV")
# (ending, file dialog title, filter), by output kind
OUTPUTS = {
    "pdf": (".pdf", N_("Save the report as PDF"), N_("PDF files (*.pdf)")),
    "docx": (".docx", N_("Save the report as Word"), N_("Word documents (*.docx)")),
    "xlsx": (".xlsx", N_("Save the report's tables as Excel"), N_("Excel workbooks (*.xlsx)")),
}


def last_folder() -> str:
    """The folder the last report was saved in (the Documents folder at first)."""
    from ...services import recent_databases  # one "last folder" for every file the program saves

    return str(recent_databases.last_folder())


def remember_folder(path: str | Path) -> None:
    from ...services import recent_databases

    recent_databases.remember_folder(path)


def _settings() -> QSettings:
    return QSettings("dvdesktop", "dvdesktop")


class ReportJob(PrintJob):
    """A report already counted, for the print preview's Save buttons."""

    def __init__(self, figures, file_stem: str):
        super().__init__("report", {}, file_stem)
        self.figures = figures

    def write(self, path: str | Path, progress=None) -> Path:
        if progress is not None:  # off the GUI thread: in a child process (render_process)
            from ..render_process import render_report

            return render_report(self.figures, Path(path).suffix.lstrip(".").lower(), path, progress)
        from ...services.reports import write_report

        return write_report(self.figures, path)


class ReportsSection(Section):
    key = "reports"
    title = N_("Work report")

    def __init__(self, window=None):
        super().__init__(window)
        self.figures = None  # the figures of the choice shown in the summary
        self._figures_choice = None
        self._summary_handle = None
        self._several_communes = False
        self._busy = False
        self._synced_year = self.year
        self.last_saved: Path | None = None

        # the layout is ui/reports_section.ui; the choices' items and what they do are here
        self.ui = designer.setup(self, Ui_ReportsSection)
        self.form = self.ui.form
        self.kind.set_items([
            ("year", _("Annual report (whole year)")), ("month", _("A month")), ("quarter", _("A quarter")),
            ("half1", _("First 6 months")), ("half2", _("Last 6 months")), ("nine", _("First 9 months")),
            ("range", _("From one day to another")),
        ])
        self.year_box.setValue(self.year)
        for m in range(1, 13):
            self.month.addItem(_("Month {n}").format(n=m), m)
        for q in range(1, 5):
            self.quarter.addItem(_("Quarter {n}").format(n=ROMAN[q - 1]), q)
        self.commune.set_items([], blank=_("All communes"))
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.word_button.clicked.connect(lambda: self.save("docx"))
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_summary)
        self._defaults()
        for signal in (self.kind.currentIndexChanged, self.year_box.valueChanged, self.month.currentIndexChanged,
                       self.quarter.currentIndexChanged, self.commune.currentIndexChanged):
            signal.connect(self.choice_changed)
        self.date_from.editingFinished.connect(self.choice_changed)
        self.date_to.editingFinished.connect(self.choice_changed)
        self._show_fields()

    # --- the choice -----------------------------------------------------------------------

    def _defaults(self) -> None:
        today = dt.date.today()
        this_year = self.year == today.year
        self.month.setCurrentIndex((today.month if this_year else 12) - 1)
        self.quarter.setCurrentIndex(((today.month - 1) // 3 if this_year else 3))
        self.date_from.set_date(dt.date(self.year, 1, 1))
        self.date_to.set_date(min(today, dt.date(self.year, 12, 31)) if this_year else dt.date(self.year, 12, 31))

    def _show_fields(self) -> None:
        kind = self.kind.code()
        for widget, shown in ((self.year_box, kind != "range"), (self.month, kind == "month"),
                              (self.quarter, kind == "quarter"), (self.dates, kind == "range")):
            self.form.setRowVisible(widget, shown)
        self.form.setRowVisible(self.commune, self._several_communes)

    def choice(self) -> tuple:
        """(period kind, year, month, quarter, from, to, commune code) as chosen."""
        return (self.kind.code(), self.year_box.value(), self.month.currentData(), self.quarter.currentData(),
                self.date_from.date(), self.date_to.date(), self.commune.code() if self._several_communes else None)

    def period(self):
        """The chosen Period (UserError when the days are missing or reversed)."""
        from ...errors import UserError
        from ...services.reports.choices import choose_period

        kind, year, month, quarter, start, end, _commune = self.choice()
        if kind == "range" and (self.date_from.text().strip() and start is None
                                or self.date_to.text().strip() and end is None):
            raise UserError("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2026.")
        return choose_period(kind, year, month=month, quarter=quarter, start=start, end=end)

    def choice_changed(self, *_args) -> None:
        self._show_fields()
        self._timer.start()

    def set_year(self, year: int) -> None:
        """The window's year selector: the report follows it."""
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        self._figures_choice = None
        if self.year != self._synced_year:  # the window sets .year before the first refresh
            self._synced_year = self.year
            self.year_box.blockSignals(True)
            self.year_box.setValue(self.year)
            self.year_box.blockSignals(False)
            self._defaults()
        self._load_communes()
        self.update_summary()

    def activated(self) -> None:
        """Shown again: records may have changed meanwhile, count again."""
        self._figures_choice = None
        self.update_summary()

    def _load_communes(self) -> None:
        from ...services.reports.choices import communes

        try:
            found = communes()
        except Exception:  # noqa: BLE001 - no database yet
            log.debug("communes not read", exc_info=True)
            found = []
        self._several_communes = len(found) > 1
        self.commune.set_items(found, blank=_("All communes (with a table by commune)"))
        self._show_fields()

    # --- work off the GUI thread -----------------------------------------------------------

    def _runner(self):
        return getattr(self.window_, "runner", None)

    def _run(self, work, on_done, label: str, on_error=None):
        """work(progress) in the window's runner (at once when there is none)."""
        from ..tasks import Cancelled, Progress

        runner = self._runner()
        if runner is not None:
            return runner.run(work, on_done=on_done, on_error=on_error or self.failed, label=label)
        try:
            result = work(Progress())
        except Cancelled:
            return None
        except Exception as exc:  # noqa: BLE001 - shown to the clerk
            (on_error or self.failed)(exc)
            return None
        on_done(result)
        return None

    def failed(self, exc: BaseException) -> None:
        """A plain Vietnamese message; a programming error also goes to the log."""
        from ...errors import UserError

        self._set_busy(False)
        if isinstance(exc, UserError):
            text = exc.message
        elif isinstance(exc, OSError):
            from ...services.files import describe_os_error

            text = describe_os_error(exc)
        else:
            log.error("report failed", exc_info=(type(exc), exc, exc.__traceback__))
            text = _("The report could not be made because of an unexpected error. The details were written to "
                     "the program's log; please tell the person who installed the program.")
        messages().warning(self, _("Cannot make the report"), text)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.preview_button, self.pdf_button, self.word_button, self.excel_button):
            button.setEnabled(not busy)

    def _counted(self):
        """The summary's figures when they are of the current choice (read on the GUI thread)."""
        return self.figures if self.figures is not None and self._figures_choice == self.choice() else None

    @staticmethod
    def _figures_work(progress, counted, period, commune):
        """The figures of the choice: those of the summary, or counted now."""
        from ...services import reports

        progress.update(0, 3, _("Counting the figures…"))
        return counted if counted is not None else reports.compute(period, commune)

    # --- the summary -----------------------------------------------------------------------

    def update_summary(self) -> None:
        from ...errors import UserError

        self._timer.stop()
        try:
            period = self.period()
        except UserError as exc:
            self.summary_title.setText(_("Choose the period"))
            self.summary_note.setText(exc.message)
            self.table.setRowCount(0)
            return
        choice, commune = self.choice(), self.choice()[-1]
        if self._figures_choice == choice and self.figures is not None:
            return
        self.summary_title.setText(_("Report of {period}").format(period=period.label))
        self.summary_note.setText(_("Counting the figures…"))

        def work(progress):
            from ...services import reports

            return reports.compute(period, commune)

        def done(figures):
            if self.choice() != choice:  # the clerk chose something else meanwhile
                return
            self.show_summary(figures, choice)

        def failed(exc):
            if isinstance(exc, UserError):
                self.summary_note.setText(exc.message)
                self.table.setRowCount(0)
            else:
                self.failed(exc)

        self._run(work, done, _("Counting the figures"), failed)

    def show_summary(self, figures, choice) -> None:
        from ...services.reports.choices import summary
        from ...vn import format_number

        self.figures, self._figures_choice = figures, choice
        scope = figures.scope_name
        self.summary_title.setText(_("Report of {period} — {scope}").format(period=figures.period_label, scope=scope))
        self.summary_note.setText(_("Main figures, compared with {comparison}. The report states them in its "
                                    "drafted text and tables.").format(comparison=figures.comparison))
        rows = summary(figures)
        self.table.setHorizontalHeaderLabels([_("Figure"), figures.previous_column, figures.period_column,
                                              _("Change")])
        self.table.setRowCount(len(rows))

        def number(value, decimals=0):
            return "" if value is None else format_number(value, decimals) if decimals else format_number(value)

        for r, f in enumerate(rows):
            label = f.label.lstrip("– ").strip()
            self.table.setItem(r, 0, QTableWidgetItem(label))
            change = f.change
            values = [number(f.previous, f.decimals), number(f.current, f.decimals),
                      "" if change is None else ("+" if change > 0 else "") + number(change, f.decimals)]
            for c, text in enumerate(values, 1):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and change:
                    item.setForeground(QBrush(QColor(palette.GOOD if change > 0 else palette.ALERT)))
                self.table.setItem(r, c, item)
        parts = [s.heading for p in figures.parts for s in p.sections]
        tables = len(figures.tables())
        self.sections_note.setText(_("The report has {n} sections and {t} statistics tables.").format(
            n=len(parts), t=tables))

    # --- making the report ---------------------------------------------------------------------

    def _prepare(self):
        """(period, commune) of the choice, or None after saying what is wrong."""
        from ...errors import UserError

        try:
            return self.period(), self.choice()[-1]
        except UserError as exc:
            messages().warning(self, _("Cannot make the report"), exc.message)
            return None

    def save(self, kind: str) -> None:
        """Ask where to save, then count, render and write off the GUI thread."""
        from ...services.reports.choices import file_stem, render, save_bytes
        from ..tasks import Cancelled

        prepared = self._prepare()
        if prepared is None or self._busy:
            return
        period, commune = prepared
        ending, title, filters = OUTPUTS[kind]
        stem = file_stem(self._counted()) if self._counted() is not None else self._stem(period)
        path = messages().save_file(self, _(title), str(Path(last_folder()) / (stem + ending)), _(filters))
        if not path:
            return
        if not path.lower().endswith(ending):
            path += ending
        remember_folder(path)

        counted = self._counted()
        runner = self._runner()
        in_child = runner is not None and not runner.synchronous  # tests render in the calling thread

        def work(progress):
            figures = self._figures_work(progress, counted, period, commune)
            progress.update(1, 3, _("Writing the report…"))
            if in_child:  # a province's report: rendered in a child process, the window free
                from ..render_process import render_report

                return render_report(figures, kind, path, progress)
            data = render(figures, kind)
            progress.update(2, 3, _("Saving the file…"))
            if progress.cancelled:  # the last chance to cancel: nothing written yet
                raise Cancelled()
            return save_bytes(data, path)

        def done(written):
            self._set_busy(False)
            self.status.emit(_("Saved: {path}").format(path=str(written)))
            self.last_saved = Path(written)

        self._set_busy(True)
        handle = self._run(work, done, _("Making the report"))
        self._watch(handle)

    def preview(self) -> None:
        """Render the PDF into a temporary folder and show it in the print preview."""
        from ...services.reports.choices import file_stem, render, save_bytes

        prepared = self._prepare()
        if prepared is None or self._busy:
            return
        period, commune = prepared
        folder = Path(tempfile.mkdtemp(prefix="dvdesktop-report-"))
        counted = self._counted()
        runner = self._runner()
        in_child = runner is not None and not runner.synchronous  # tests render in the calling thread

        def work(progress):
            figures = self._figures_work(progress, counted, period, commune)
            progress.update(1, 3, _("Writing the report…"))
            stem = file_stem(figures)
            if in_child:  # rendered in a child process, the window free
                from ..render_process import render_report

                return figures, stem, render_report(figures, "pdf", folder / (stem + ".pdf"), progress)
            data = render(figures, "pdf")
            progress.update(2, 3, _("Opening the preview…"))
            return figures, stem, save_bytes(data, folder / (stem + ".pdf"))

        def done(result):
            self._set_busy(False)
            figures, stem, written = result
            dialog = PrintPreviewDialog(self, ReportJob(figures, stem), Path(written))
            self._print_preview = dialog  # keep it alive (tests look at it)
            dialog.open()

        self._set_busy(True)
        self._watch(self._run(work, done, _("Making the report")))

    def _watch(self, handle) -> None:
        """Enable the buttons again once a cancelled job has stopped."""
        if handle is None:
            self._set_busy(False)
            return
        if handle.running:
            handle.finished.connect(lambda: self._set_busy(False))
        else:
            self._set_busy(False)

    def _stem(self, period) -> str:
        from ...services.reports.choices import period_stem

        return period_stem(period, self.commune.currentText() if self.choice()[-1] else "")
