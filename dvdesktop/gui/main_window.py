"""The main window: sections on the left, the current section in the middle,
a toolbar with the year selector, the open database in the status bar.

The window is built and shown before the database is opened (and before
peewee is imported): the navigation is made from the sections' declarations
(sections/catalog.py) and each section is imported and created when first
shown, so the first paint comes quickly and `start()` does the rest.
"""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QProgressBar, QPushButton, QSizePolicy,
    QStackedWidget, QToolBar, QVBoxLayout, QWidget,
)

from .dialogs import messages
from .i18n import _
from .operations import Operations
from .sections.catalog import SECTIONS, SectionEntry
from .screen_fit import fit_to_screen  # not .widgets: its form widgets wait for the first form

log = logging.getLogger(__name__)

FIRST_YEAR = 2015
SLOW_OP_MS = 400  # a save taking longer shows the progress bar


class MainWindow(QMainWindow):
    yearChanged = Signal(int)
    dataShown = Signal()  # the first section has shown its data (benchmarks)
    firstPainted = Signal()  # the window is on the screen, drawn (gui/app.py starts the rest then)

    def __init__(self):
        super().__init__()
        self.setWindowTitle(_("Grassroots mobilisation teams"))
        fit_to_screen(self, 1280, 780)
        self.database_ready = False
        self.spec = None
        self._entries: tuple[SectionEntry, ...] = ()
        self.sections: dict[int, QWidget] = {}
        self._pending_year: dict[int, int] = {}  # hidden sections to bring to the new year when shown
        self._data_shown = False
        self._painted = False
        # Saves, deletes and restores run through here; the sections subscribe
        # to the kinds of record their lists show (sections/catalog.py).
        self.operations = Operations(self)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")  # its look: ui/dvdesktop.qss
        self.nav.setFixedWidth(210)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)  # the read-only banner over the sections
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_status_bar()
        # Open, connect, create, demo, restore, recent: gui/database_actions.py
        from .database_actions import DatabaseActions

        self.databases = DatabaseActions(self)
        self.databases.install(self.file_menu)
        from .exchange_actions import ExchangeActions  # the exchange with the province

        self.exchange = ExchangeActions(self)
        self.exchange.install(self.file_menu)
        self.databases.set_enabled(False)
        column.addWidget(self.databases.banner)
        column.addLayout(row, 1)
        self.nav.currentRowChanged.connect(self.show_section)

    # --- building ----------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts: setShortcut() would build the Qt namespace's enums (see _build_actions);
            # in this window, Qt's default shortcut context
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)])
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(_("New"), self.new_record, QKeySequence.StandardKey.New,
                                       _("New record (Ctrl+N)"))
        self.save_action = self._action(_("Save"), self.save, QKeySequence.StandardKey.Save, _("Save (Ctrl+S)"))
        self.delete_action = self._action(_("Delete"), self.delete_selected, None,
                                          _("Move the selected record to the trash (Delete)"))
        self.search_action = self._action(_("Search"), self.focus_search, QKeySequence.StandardKey.Find,
                                          _("Search (Ctrl+F)"))
        self.settings_action = self._action(_("Settings…"), self.open_settings)
        self.backup_action = self._action(_("Back up the data…"), self.backup,
                                          tip=_("Copy the whole database to a file (it can stay open meanwhile)"))
        self.quit_action = self._action(_("Quit"), self.close, QKeySequence.StandardKey.Quit)
        # No `Qt` before the first paint: PySide6 makes all 93 enums of the Qt
        # namespace on its first use (~50 ms). Esc, in this window (the default context).
        self.escape = QShortcut(QKeySequence("Esc"), self)
        self.escape.activated.connect(self.cancel)

        menu = self.file_menu = self.menuBar().addMenu(_("&File"))
        menu.addAction(self.backup_action)
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        edit = self.menuBar().addMenu(_("&Edit"))
        for action in (self.new_action, self.save_action, self.delete_action, self.search_action):
            edit.addAction(action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(_("User guide"), self.user_guide)
        help_menu.addAction(_("About"), self.about)

        bar = QToolBar(_("Main toolbar"))
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(16, 16))
        bar.setProperty("toolButtonStyle", 1)  # Qt.ToolButtonStyle.ToolButtonTextOnly (no `Qt` yet: see above)
        for action in (self.new_action, self.save_action, self.delete_action, self.search_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.settings_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(_("Year:") + " "))
        self.year = QComboBox()
        this_year = time.localtime().tm_year  # dt.date.today().year, without datetime before the first paint
        for year in range(this_year + 1, FIRST_YEAR - 1, -1):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(1)
        self.year.setToolTip(_("Lists and reports show this year"))
        self.year.currentIndexChanged.connect(self._year_changed)
        bar.addWidget(self.year)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.db_label = QLabel(_("Opening the database…"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_task = QPushButton(_("Cancel"))
        self.cancel_task.hide()
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_task)
        status.addPermanentWidget(self.db_label)

    # --- background tasks ----------------------------------------------------------

    def task_started(self, handle) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(handle.label + " %p%")
        if handle.cancellable:
            self.progress.show()
            self.cancel_task.show()
            self.cancel_task.clicked.connect(handle.cancel)
        else:  # a save: the bar only when it takes long enough to be noticed
            QTimer.singleShot(SLOW_OP_MS, self.progress,
                              lambda: self.progress.setVisible(handle.running or self.progress.isVisible()))

        def step(done, total, text):
            if total:
                self.progress.setRange(0, total)
                self.progress.setValue(done)
            if text:
                self.statusBar().showMessage(text)

        def finished():
            self.progress.hide()
            self.cancel_task.hide()
            if handle.cancellable:
                try:
                    self.cancel_task.clicked.disconnect(handle.cancel)
                except (RuntimeError, TypeError):
                    pass
            self.statusBar().clearMessage()

        handle.progressed.connect(step)
        handle.finished.connect(finished)

    def data_shown(self) -> None:
        if not self._data_shown:
            self._data_shown = True
            self.dataShown.emit()

    # --- database --------------------------------------------------------------

    def database_opened(self, spec) -> None:
        self.spec = spec
        self.database_ready = True
        self.db_label.setText(_("Database: {where}").format(where=spec.display()))
        self.db_label.setToolTip(spec.display())
        self._entries = SECTIONS
        self.nav.clear()
        for entry in self._entries:
            QListWidgetItem(_(entry.title), self.nav)
        from .navigation_fit import fit_navigation

        fit_navigation(self.nav)  # never scrolls sideways, at 125 % too
        self.databases.database_opened(spec)
        self.nav.setCurrentRow(0)

    def database_failed(self, message: str) -> None:
        """The recovery screen: why, in plain words, and the ways out."""
        self.db_label.setText(_("No database open"))
        self.databases.show_recovery(message)

    # --- sections --------------------------------------------------------------

    def current_year(self) -> int:
        return self.year.currentData()

    def current_section(self):
        widget = self.stack.currentWidget()
        return widget if hasattr(widget, "new_record") else None

    def section(self, key: str):
        """The section with *key*, created if needed (tests, links)."""
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                self.nav.setCurrentRow(row)
                return self.sections.get(row)
        raise KeyError(key)

    def show_section(self, row: int) -> None:
        if row < 0 or not self._entries:
            return
        current = self.current_section()
        if current is not None and current.has_unsaved_changes() and self.sections.get(row) is not current:
            if not messages().discard_changes(self, save=current.save):
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(self._row_of(current))
                self.nav.blockSignals(False)
                return
            if current.has_unsaved_changes():
                current.discard_changes()
        section = self.sections.get(row)
        if section is None:
            entry = self._entries[row]
            section = entry.load()(self)
            section.key = entry.key
            section.year = self.current_year()
            self.operations.subscribe(entry.shows, section.records_changed)
            section.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
            self.sections[row] = section
            self.stack.addWidget(section)
            self.stack.setCurrentWidget(section)
            section.refresh()
            if not self._data_shown and section.key != "overview":
                self.data_shown()
            return
        self.stack.setCurrentWidget(section)
        if self._pending_year.pop(row, None) is not None:
            section.set_year(self.current_year())  # the year changed while hidden: set_year refreshes
        else:
            section.activated()

    def _row_of(self, section) -> int:
        for row, widget in self.sections.items():
            if widget is section:
                return row
        return 0

    def _year_changed(self) -> None:
        """The shown section follows at once; hidden ones when next shown (a
        province database: reading every list again took over a second)."""
        year = self.current_year()
        current = self.current_section()
        for row, section in self.sections.items():
            if section is current:
                section.set_year(year)
            else:
                section.year = year
                self._pending_year[row] = year
        self.yearChanged.emit(year)

    # --- commands ----------------------------------------------------------------

    def new_record(self) -> None:
        if (s := self.current_section()) is not None:
            s.new_record()

    def save(self) -> None:
        if (s := self.current_section()) is not None:
            s.save()

    def cancel(self) -> None:
        if (s := self.current_section()) is not None:
            s.cancel()

    def delete_selected(self) -> None:
        if (s := self.current_section()) is not None:
            s.delete_selected()

    def focus_search(self) -> None:
        if (s := self.current_section()) is not None:
            s.focus_search()

    def open_settings(self) -> None:
        if not self.database_ready:
            return
        from .forms.settings_dialog import SettingsDialog

        if messages().run_dialog(SettingsDialog(self)):
            self.statusBar().showMessage(_("Settings saved."), 4000)

    def backup(self) -> None:
        """A consistent copy of the SQLite file, verified, written off the GUI thread."""
        if not self.database_ready:
            return
        title = _("Back up the data")
        if self.spec.is_postgres:
            messages().info(self, title, _("This database is on a PostgreSQL server: it is backed up on the server "
                                           "(pg_dump), not from this program."))
            return
        import datetime as dt

        from ..services import recent_databases

        suggested = recent_databases.last_folder() / f"dvdesktop-{dt.date.today():%Y-%m-%d}.sqlite3"
        target = messages().save_file(self, title, str(suggested), _("Database copies (*.sqlite3)"))
        if not target:
            return
        recent_databases.remember_folder(target)
        from pathlib import Path

        from ..services.backup import backup_database
        from .print_preview import run_off_thread

        if Path(target).resolve() == Path(self.spec.target).resolve():
            messages().warning(self, title, _("The copy cannot replace the database itself: choose another file."))
            return

        def done(result):
            from ..services.files import format_size

            messages().info(self, title, _("The data were copied to «{path}» ({size}).").format(
                path=result.path, size=format_size(result.size_bytes)))

        run_off_thread(self, lambda: backup_database(self.spec.target, target), done,
                       _("Backing up the data"), error_title=title)

    def user_guide(self) -> None:
        from .user_guide import UserGuide

        messages().run_dialog(UserGuide(self))

    def about(self) -> None:
        from .. import __version__

        messages().info(self, _("About"), _("dvdesktop {version}: records of the grassroots mobilisation teams "
                                            "(Tổ dân vận) of a commune.").format(version=__version__))

    def paintEvent(self, event):  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def closeEvent(self, event):  # noqa: N802
        for section in self.sections.values():
            if section.has_unsaved_changes():
                if not messages().discard_changes(self, save=section.save):
                    event.ignore()
                    return
                break
        if self.operations.running and getattr(self, "runner", None) is not None:
            self.runner.pool.waitForDone(30_000)  # a save under way is finished, not cut off
        event.accept()
