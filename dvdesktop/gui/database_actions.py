"""Databases from the window: the File menu's open, connect, create, demo,
restore and recent databases; the choice at start (the one opened last, or
the welcome); the recovery screen when a database cannot be opened; the
read-only banner. A clerk never needs the command line's --db.

Opening runs in the window's background runner (a distant server or a
first demo build does not freeze the window); the sections are dropped and
made again for the new database.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from .dialogs import messages
from .i18n import _
from .style import role

log = logging.getLogger(__name__)

DATABASE_FILTER = "*.sqlite3 *.sqlite *.db"


class DatabaseActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.failed_target: str | None = None  # the database the recovery screen is about
        self.page = None  # the welcome or recovery page shown, if any
        w = window
        self.open_action = w._action(_("Open a database…"), self.choose_file, "Ctrl+O",
                                     _("Open a database file (Ctrl+O)"))
        self.server_action = w._action(_("Connect to a server…"), self.connect_server)
        self.new_action = w._action(_("Create a new database…"), self.create_new)
        self.demo_action = w._action(_("Open the demo data"), self.open_demo)
        self.restore_action = w._action(_("Restore from a backup…"), self.restore)
        self.recent_menu = QMenu(_("Recent databases"), w)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        # its look when first shown; role() would ask Qt whether it is styled yet, which
        # builds the Qt namespace's enums before the first paint (main_window._build_actions)
        self.banner.setProperty("role", "banner")
        self.banner.hide()

    def install(self, file_menu: QMenu) -> None:
        """Put the database actions at the top of the File menu, restore after backup."""
        before = file_menu.actions()[0]
        for action in (self.open_action, self.server_action, self.new_action, self.demo_action):
            file_menu.insertAction(before, action)
        file_menu.insertMenu(before, self.recent_menu)
        file_menu.insertSeparator(before)
        # Back up sits before us: restore after it
        actions = file_menu.actions()
        after_backup = actions[actions.index(self.window.backup_action) + 1] if self.window.backup_action in actions else before
        file_menu.insertAction(after_backup, self.restore_action)

    # --- what can be done -------------------------------------------------------

    def recent_choices(self):
        from ..services import recent_databases

        return recent_databases.recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = self.recent_choices()
        if not items:
            self.recent_menu.addAction(_("(none yet)")).setEnabled(False)
        for item in items:
            self.recent_menu.addAction(item.where, lambda t=item.target: self.open(t))

    def choose_file(self) -> None:
        from ..services import recent_databases

        path = messages().open_file(self.window, _("Open a database"),
                                    _("Databases ({patterns});;All files (*)").format(patterns=DATABASE_FILTER),
                                    str(recent_databases.last_folder()))
        if path:
            recent_databases.remember_folder(path)
            self.open(path)

    def connect_server(self) -> None:
        from .database_dialogs import ServerDialog

        dialog = ServerDialog(self.window)
        if messages().run_dialog(dialog) and dialog.url:
            self.open(dialog.url)

    def create_new(self) -> None:
        from ..services import recent_databases

        title = _("Create a new database")
        path = messages().save_file(self.window, title, str(recent_databases.last_folder() / "to-dan-van.sqlite3"),
                                    _("Databases ({patterns})").format(patterns=DATABASE_FILTER))
        if not path:
            return
        if not Path(path).suffix:
            path += ".sqlite3"
        if os.path.exists(path):
            messages().warning(self.window, title, _("«{path}» already exists. Choose another name, or open it with "
                                                     "«Open a database…».").format(path=path))
            return
        recent_databases.remember_folder(path)
        self.open(path, create=True)

    def start_empty(self) -> None:
        """The welcome's "Start with empty data": the default file in the user data folder."""
        from ..services import session

        self.open(session.locate(None).target, create=True)

    def open_demo(self) -> None:
        from ..services import session

        self.open(session.locate(demo=True).target, demo=True)

    # --- opening ------------------------------------------------------------------

    def _may_leave(self) -> bool:
        w = self.window
        if w.operations.running:
            messages().warning(w, _("Please wait"), _("A save is still under way; try again in a moment."))
            return False
        for section in w.sections.values():
            if section.has_unsaved_changes():
                if not messages().discard_changes(w, save=section.save):
                    return False
                break
        return True

    def _drop_sections(self) -> None:
        w = self.window
        for section in w.sections.values():
            w.operations.unsubscribe(section.records_changed)
            w.stack.removeWidget(section)
            section.deleteLater()
        w.sections.clear()
        w._pending_year.clear()
        w._entries = ()
        w.nav.blockSignals(True)
        w.nav.clear()
        w.nav.blockSignals(False)
        w.database_ready = False
        w.spec = None
        self._drop_page()
        self.set_enabled(False)
        self.banner.hide()

    def _drop_page(self) -> None:
        if self.page is not None:
            self.window.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None

    def open(self, target: str, *, create: bool = False, demo: bool = False, ask: bool = True) -> None:
        """Close the open database and open *target* (a file path or a
        postgresql:// URL); *create*: a new file; *demo*: build the demo data
        in it the first time."""
        from ..errors import EmptyDatabase, UserError
        from ..services import recent_databases, session

        if ask and not self._may_leave():
            return
        w = self.window
        # The first-start question (who uses the program) at the program's start, right
        # after the welcome's choices (the first start of all goes through it) and for a
        # database just created: nobody was asked yet
        from .database_pages import WelcomePage

        first_start = not ask or create or isinstance(self.page, WelcomePage)
        self._drop_sections()
        session.close()
        w.db_label.setText(_("Opening the database…"))
        building = demo and not os.path.exists(target)

        def work(progress):
            if building:
                from .app import build_demo

                progress.update(0, 0, _("Creating the demo database (first use only)…"))
                try:
                    build_demo(target, progress)
                except BaseException:
                    session.close()
                    for suffix in ("", "-wal", "-shm"):
                        try:
                            os.remove(target + suffix)
                        except OSError:
                            pass
                    raise
            progress.update(0, 0, _("Opening the database…"))
            return session.open(target, create=create or building)

        def opened(info):
            self.failed_target = None
            recent_databases.remember(info.target)
            from .safety import start as sign_in_and_guard  # accounts, the audit menu, automatic backups

            if not sign_in_and_guard(w, info, demo=info.target == session.locate(demo=True).target, first_start=first_start):
                session.close()
                w.database_failed(_("Nobody signed in: the database was not opened."))
                return
            w.database_opened(info)

        def failed(exc):
            if isinstance(exc, EmptyDatabase) and not create and self._offer_tables(target):
                return
            if isinstance(exc, UserError):
                message = exc.message
            else:
                message = session.describe_error(exc) or ""
                if not message:
                    from .errors import report

                    message = _("The database could not be opened because of an unexpected error.")
                    report(exc, w)
            log.warning("cannot open database %s: %s", session.locate(target).where, message)
            self.failed_target = target
            w.database_failed(message)

        w.runner.run(work, on_done=opened, on_error=failed,
                     label=_("Creating the demo database") if building else _("Opening"))

    def _offer_tables(self, target: str) -> bool:
        """A database with no tables (a new one on the server, made by whoever
        runs it): ask the clerk, then create the program's tables in it. True
        when it is being opened that way."""
        from ..services import session

        if not messages().confirm(self.window, _("Empty database"),
                                  _("The database «{where}» is empty: it has no data of the program yet. Create the "
                                    "program's tables in it and start working there?").format(
                                      where=session.locate(target).where)):
            return False
        self.open(target, create=True, ask=False)
        return True

    def open_at_start(self, args) -> None:
        """--db or --demo if given; else DVDESKTOP_DB; else the database opened
        last; else the default file if it exists; else the welcome."""
        from ..services import recent_databases, session

        if getattr(args, "demo", False):
            self.open(session.locate(demo=True).target, demo=True, ask=False)
            return
        given = getattr(args, "db", None) or os.environ.get("DVDESKTOP_DB")
        if given:
            self.open(session.locate(given).target, create=True, ask=False)
            return
        last = recent_databases.last_opened()
        if last:
            self.open(last, ask=False)
            return
        default = session.locate(None).target
        if os.path.exists(default):
            self.open(default, ask=False)
            return
        self.show_welcome()

    # --- pages --------------------------------------------------------------------

    def _show_page(self, page) -> None:
        w = self.window
        self._drop_page()
        self.page = page
        w.stack.addWidget(page)
        w.stack.setCurrentWidget(page)
        w.nav.hide()
        self.set_enabled(False)
        w.data_shown()  # nothing more will come (DVDESKTOP_EXIT_AFTER=ready)

    def show_welcome(self) -> None:
        from .database_pages import WelcomePage

        self.window.db_label.setText(_("No database open"))
        self._show_page(WelcomePage(self))

    def show_recovery(self, message: str) -> None:
        from ..services import session
        from .database_pages import RecoveryPage

        where = session.locate(self.failed_target).where if self.failed_target else ""
        self._show_page(RecoveryPage(self, message, where))

    def database_opened(self, info) -> None:
        """Called by the window once the sections are listed."""
        self._drop_page()
        self.window.nav.show()
        read_only = getattr(info, "read_only", False)
        self.set_enabled(True, read_only=read_only)
        if read_only:
            self.banner.setText(_("Read-only: this database cannot be written here (a CD, a write-protected USB "
                                  "stick or a file shared read-only). You can look and print; saving is "
                                  "refused. To work in it, copy the file into a folder you can write "
                                  "(e.g. Documents) and open the copy."))
            self.banner.show()
        else:
            self.banner.hide()

    def set_enabled(self, enabled: bool, *, read_only: bool = False) -> None:
        """Actions that need a database (and, for writing, a writable one)."""
        w = self.window
        for action in (w.search_action, w.settings_action, w.backup_action):
            action.setEnabled(enabled)
        for action in (w.new_action, w.save_action, w.delete_action):
            action.setEnabled(enabled and not read_only)
        w.year.setEnabled(enabled)
        if getattr(w, "exchange", None) is not None:
            w.exchange.set_enabled(enabled, read_only=read_only)

    # --- restore --------------------------------------------------------------------

    def _restore_target(self) -> str | None:
        """The SQLite file a backup would replace: the open one, else the one
        that failed to open, else the default file."""
        from ..services import session

        w = self.window
        if w.spec is not None:
            return None if w.spec.is_postgres else w.spec.target
        if self.failed_target:
            spec = session.locate(self.failed_target)
            return None if spec.is_postgres else spec.target
        return session.locate(None).target

    def restore(self) -> None:
        from ..errors import UserError
        from ..services import recent_databases, session
        from ..services.restore import inspect_backup, restore_backup
        from .database_dialogs import restore_question

        w = self.window
        title = _("Restore from a backup")
        target = self._restore_target()
        if target is None:
            messages().info(w, title, _("This database is on a PostgreSQL server: it is restored on the server "
                                        "(pg_restore), not from this program."))
            return
        path = messages().open_file(w, title, _("Database copies ({patterns});;All files (*)").format(
            patterns=DATABASE_FILTER), str(recent_databases.last_folder()))
        if not path:
            return
        try:
            summary = inspect_backup(path)
        except UserError as exc:
            messages().warning(w, title, exc.message)
            return
        if not messages().confirm(w, title, restore_question(summary, target), destructive=True):
            return
        if not self._may_leave():
            return
        self._drop_sections()
        session.close()

        def done(result):
            w.statusBar().showMessage(_("Backup restored; the replaced database was kept as «{path}».").format(
                path=result.kept_aside or "-"), 15000)
            self.last_restore = result
            self.open(str(result.target), ask=False)

        def failed(exc):
            if isinstance(exc, UserError):
                messages().warning(w, title, exc.message)
            else:
                from .errors import report

                report(exc, w)
            self.open(target, ask=False)  # the database as it was

        w.runner.run(lambda _progress: restore_backup(path, target), on_done=done, on_error=failed,
                     label=_("Restoring"))
