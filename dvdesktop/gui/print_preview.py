"""Printing from a section: the "In" button, the print preview, saving as
PDF or Word. The documents come from services.printing (no Qt there); this
module only asks where to save, runs the rendering off the GUI thread and
shows the PDF (QtPdf's QPdfView) with a Print… button (QPrintDialog).

    button = print_button("meeting", lambda kind, offer: offer_job(kind, offer, {"id": 12}), "Print minutes…")

    menu = PrintMenuButton()                  # several documents, each with the same three choices
    menu.add_offers("team", lambda kind, offer: offer_job(kind, offer, {"team": 3}, "Nà Khoang"),
                    unavailable=lambda: None if team else "Choose an area with a team first.")

What can be printed, and from where, is declared in services/printing/catalog.py
(PrintableKind, PrintOffer): a menu lists the offers of its scope, a single
button prints the one offer of its scope (`offer_job(*catalog.offer("meeting"), …)`).

A job factory returns None when there is nothing to print yet (it shows its
own message). File dialogs go through dialogs.messages().save_file so tests
never block; the preview opens with open() (not exec()) for the same reason.
"""
from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtWidgets import QDialog, QMenu, QPushButton

from ..services.printing.catalog import PrintableKind, PrintOffer, offers
from .dialogs import messages
from .i18n import _
from .widgets import fit_to_screen

log = logging.getLogger(__name__)


@dataclass
class PrintJob:
    kind: str  # a key of services.printing.catalog.KINDS
    options: dict[str, Any] = field(default_factory=dict)
    file_stem: str = "van-ban"  # suggested file name, without the ending

    def write(self, path: str | Path, progress=None) -> Path:
        """Write the file; a long kind run with a *progress* (off the GUI
        thread) renders in a child process (services.printing.child), so the
        window stays responsive and Cancel stops it without a partial file."""
        from ..services.printing.child import LONG_KINDS

        if progress is not None and self.kind in LONG_KINDS:
            from .render_process import render_job

            return render_job(self, path, progress)
        from ..services.printing import print_document

        return print_document(self.kind, path, **self.options)


def safe_stem(*parts: str) -> str:
    """A file name from words: 'Biên bản họp', 'Nà Khoang' → 'bien-ban-hop-na-khoang'."""
    from ..filenames import slug

    return slug(*parts)


def offer_job(kind: PrintableKind, offer: PrintOffer, options: dict[str, Any] | None = None,
              *subject: str, file_stem: str | None = None) -> PrintJob:
    """The job printing *offer* of *kind* with the section's *options* (the
    offer's own fixed ones win); the file is named after the offer and *subject*."""
    return PrintJob(kind.key, {**(options or {}), **offer.options},
                    file_stem or safe_stem(offer.file_name or kind.file_name, *subject))


def print_button(scope: str, make_job: Callable[[PrintableKind, PrintOffer], PrintJob | None],
                 text: str | None = None, parent=None) -> PrintButton | PrintMenuButton:
    """The "In…" of a section: what the catalog offers in *scope* — one
    document, a PrintButton (*text* on it); several, a PrintMenuButton."""
    found = offers(scope)
    if len(found) == 1:
        kind, offer = found[0]
        return PrintButton(lambda: make_job(kind, offer), text, parent)
    button = PrintMenuButton(None, parent)
    button.add_offers(scope, make_job)
    return button


def _runner(widget):
    window = widget.window() if widget is not None else None
    return getattr(window, "runner", None) or getattr(getattr(widget, "window_", None), "runner", None)


def run_off_thread(widget, work: Callable[..., Any], on_done: Callable[[Any], None], label: str,
                   error_title: str | None = None, with_progress: bool = False) -> None:
    """Run *work* in the window's TaskRunner (synchronously when there is none);
    a UserError is shown under *error_title* ("Cannot print" by default).
    *with_progress*: *work* takes the task's Progress (None when it runs in
    the calling thread)."""
    runner = _runner(widget)

    def failed(exc):
        from ..errors import UserError

        if isinstance(exc, UserError):
            messages().warning(widget, error_title or _("Cannot print"), exc.message)
        else:
            from .errors import report

            report(exc)

    if runner is None:
        try:
            result = work(None) if with_progress else work()
        except Exception as exc:  # noqa: BLE001 - shown to the clerk
            failed(exc)
            return
        on_done(result)
        return
    if with_progress:
        synchronous = runner.synchronous
        runner.run(lambda progress: work(None if synchronous else progress), on_done=on_done, on_error=failed,
                   label=label)
        return
    runner.run(lambda _progress: work(), on_done=on_done, on_error=failed, label=label)


def save_as(parent, job: PrintJob, ending: str) -> None:
    """Ask where to save (".pdf" or ".docx"), then write the file off the GUI thread."""
    if ending == ".pdf":
        title, filters = _("Save as PDF"), _("PDF files (*.pdf)")
    else:
        title, filters = _("Save as Word"), _("Word documents (*.docx)")
    from ..services import recent_databases

    # the number in the name (bien-ban-hop-03-BB-TDV-2025…), in the folder used last (Documents at first)
    suggested = recent_databases.last_folder() / (job.file_stem + ending)
    path = messages().save_file(parent, title, str(suggested), filters)
    if not path:
        return
    if not path.lower().endswith(ending):
        path += ending
    recent_databases.remember_folder(path)

    def done(written):
        status = getattr(parent, "status", None)
        if status is not None and hasattr(status, "emit"):
            status.emit(_("Saved: {path}").format(path=str(written)))

    run_off_thread(parent, lambda progress: job.write(path, progress), done, _("Preparing the document"),
                   with_progress=True)


def preview(parent, job: PrintJob) -> None:
    """Render the PDF into a temporary file and show it in a PrintPreviewDialog."""
    folder = Path(tempfile.mkdtemp(prefix="dvdesktop-print-"))
    target = folder / (job.file_stem + ".pdf")

    def show(written):
        dialog = PrintPreviewDialog(parent, job, Path(written))
        parent._print_preview = dialog  # keep it alive (tests look at it)
        dialog.open()

    run_off_thread(parent, lambda progress: job.write(target, progress), show, _("Preparing the document"),
                   with_progress=True)


class PrintPreviewDialog(QDialog):
    """The document as it will print; Print…, Save as PDF…, Save as Word…."""

    def __init__(self, parent, job: PrintJob, pdf_path: Path):
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument

        from . import designer
        from .generated.ui_print_preview import Ui_PrintPreviewDialog  # QtPdfWidgets: loaded when first shown

        self.job, self.pdf_path = job, pdf_path
        designer.setup(self, Ui_PrintPreviewDialog)  # ui/print_preview.ui; the page view is a QPdfView
        fit_to_screen(self, 820, 900)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf_path))
        self.view.setDocument(self.document)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(lambda: save_as(self, self.job, ".pdf"))
        self.word_button.clicked.connect(lambda: save_as(self, self.job, ".docx"))
        self.buttons.rejected.connect(self.reject)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.file_stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if not messages().run_dialog(dialog):
            return
        self.print_to(printer)

    def print_to(self, printer) -> None:
        """Draw every page (or the chosen range) on *printer*, one image per page."""
        from PySide6.QtGui import QPainter

        first, last = printer.fromPage(), printer.toPage()
        pages = range(self.page_count())
        if first and last:
            pages = range(first - 1, min(last, self.page_count()))
        painter = QPainter()
        if not painter.begin(printer):
            messages().warning(self, _("Cannot print"), _("The printer could not be started."))
            return
        try:
            dpi = printer.resolution()
            target = printer.pageRect(printer.Unit.DevicePixel)
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
                image = self.document.render(page, size)
                scaled = image.scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(QPointF(0, 0), scaled)
        finally:
            painter.end()


def _owner(button):
    """The section (the widget with a status signal) a print button sits in."""
    widget = button.parent()
    while widget is not None and not hasattr(widget, "status"):
        widget = widget.parent()
    return widget or button


class PrintButton(QPushButton):
    """"In…" with a menu: preview and print, save as PDF, save as Word.
    *make_job* returns the PrintJob, or None when there is nothing to print."""

    def __init__(self, make_job: Callable[[], PrintJob | None] | None = None, text: str | None = None,
                 parent=None):
        from PySide6.QtWidgets import QWidget

        if isinstance(make_job, QWidget):  # made by a Designer form: PrintButton(parent), make_job set after
            make_job, parent = None, make_job
        super().__init__(text or _("Print…"), parent)
        self.make_job = make_job or (lambda: None)
        menu = QMenu(self)
        self.preview_action = menu.addAction(_("Preview and print…"), lambda: self._run(preview))
        self.pdf_action = menu.addAction(_("Save as PDF…"), lambda: self._run(lambda p, j: save_as(p, j, ".pdf")))
        self.word_action = menu.addAction(_("Save as Word…"), lambda: self._run(lambda p, j: save_as(p, j, ".docx")))
        self.setMenu(menu)

    def _owner(self):
        return _owner(self)

    def _run(self, action) -> None:
        job = self.make_job()
        if job is not None:
            action(self._owner(), job)


@dataclass
class PrintEntry:
    """One document of a PrintMenuButton: its submenu and the three actions."""
    key: str
    label: str
    make_job: Callable[[], PrintJob | None]
    unavailable: Callable[[], str | None] | None
    menu: QMenu
    preview_action: Any = None
    pdf_action: Any = None
    word_action: Any = None

    def reason(self) -> str | None:
        """Why this document cannot be printed now (None: it can)."""
        return self.unavailable() if self.unavailable is not None else None


class PrintMenuButton(QPushButton):
    """"In…" offering several documents; each opens a submenu with the same
    three choices as PrintButton. *unavailable* returns why a document cannot
    be printed now (the entry is then disabled with that as its tooltip), or
    None; it and callable headings are read each time the menu opens."""

    def __init__(self, text: str | None = None, parent=None):
        super().__init__(text or _("Print…"), parent)
        self.entries: dict[str, PrintEntry] = {}
        self._titles: list[tuple[Any, Callable[[], str]]] = []
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # the reason a document is disabled
        menu.aboutToShow.connect(self.update_entries)
        self.setMenu(menu)

    def add_heading(self, title: str | Callable[[], str]) -> None:
        """A heading above the next documents (a callable is read each time the menu opens)."""
        action = self.menu().addAction("")
        action.setEnabled(False)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        if callable(title):
            self._titles.append((action, title))
        else:
            action.setText(title)

    def add_separator(self) -> None:
        self.menu().addSeparator()

    def add_document(self, key: str, label: str, make_job: Callable[[], PrintJob | None], *,
                     unavailable: Callable[[], str | None] | None = None) -> PrintEntry:
        sub = self.menu().addMenu(label)
        entry = PrintEntry(key, label, make_job, unavailable, sub)
        entry.preview_action = sub.addAction(_("Preview and print…"), lambda: self._run_entry(entry, preview))
        entry.pdf_action = sub.addAction(_("Save as PDF…"),
                                         lambda: self._run_entry(entry, lambda p, j: save_as(p, j, ".pdf")))
        entry.word_action = sub.addAction(_("Save as Word…"),
                                          lambda: self._run_entry(entry, lambda p, j: save_as(p, j, ".docx")))
        self.entries[key] = entry
        return entry

    def add_offers(self, scope: str, make_job: Callable[[PrintableKind, PrintOffer], PrintJob | None], *,
                   unavailable: Callable[[], str | None] | None = None) -> list[PrintEntry]:
        """One entry per document the catalog offers in *scope*, in its order."""
        return [self.add_document(offer.key, offer.label, lambda k=kind, o=offer: make_job(k, o),
                                  unavailable=unavailable)
                for kind, offer in offers(scope)]

    def update_entries(self) -> None:
        """Enable the documents that can be printed now; the others say why."""
        for action, text in self._titles:
            action.setText(text())
            action.setVisible(bool(action.text()))
        for entry in self.entries.values():
            reason = entry.reason()
            action = entry.menu.menuAction()
            action.setEnabled(reason is None)
            action.setToolTip(reason or "")

    def _run_entry(self, entry: PrintEntry, action) -> None:
        reason = entry.reason()
        if reason:
            messages().info(_owner(self), entry.label, reason)
            return
        job = entry.make_job()
        if job is not None:
            action(_owner(self), job)
