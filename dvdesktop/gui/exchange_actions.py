"""The File menu's exchange with the province (services/exchange/): export
this database's records as one package file to send up, and import a
commune's package — first a dry run shown in ImportPreview, then, once the
clerk confirms, the write. Both run in the window's TaskRunner with progress
and Cancel; a cancelled import is rolled back whole (import_package is one
transaction), a cancelled export writes no file. A clerk never needs the
command line's `dvdesktop exchange`."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from .dialogs import messages
from .i18n import _
from .tasks import Cancelled

if TYPE_CHECKING:  # datetime is imported when a package is written, not before the first paint
    import datetime

ENDING = ".dvx"


def _kinds() -> frozenset[str]:
    """Every kind of record a package can change, as operations name them
    (gui/operations.py record_kind), so every list showing one reloads."""
    from ..services.exchange.tables import EXCHANGED

    return frozenset(re.sub(r"(?<!^)(?=[A-Z])", "_", m.__name__).lower() for m in EXCHANGED)


def suggested_name(commune: str, when: datetime.date, sensitive: bool) -> str:
    """goi-du-lieu-na-hy-2026-12-01.dvx: the commune and the day, in plain letters."""
    from ..services.files import slug

    name = f"goi-du-lieu-{slug(commune).lower() or 'xa'}-{when:%Y-%m-%d}"
    if sensitive:
        name += "-nhay-cam"
    return name + ENDING


class ExchangeActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        w = window
        self.export_action = w._action(_("Export a data package for the province…"), self.export,
                                       tip=_("Write every record of this database into one file to send "
                                             "to the higher level"))
        self.import_action = w._action(_("Import a data package from a commune…"), self.import_,
                                       tip=_("Add a commune's package to this database; you see what would "
                                             "change before anything is written"))
        self.busy = False  # an export or import under way: a second one waits
        self.set_enabled(False)

    def _start(self) -> bool:
        if self.busy:
            messages().warning(self.window, _("Please wait"),
                               _("A data package is still being written or read; try again in a moment."))
            return False
        return True

    def _run(self, work, on_done, on_error, label: str) -> None:
        self.busy = True

        def done(result):
            self.busy = False
            on_done(result)

        def failed(exc):
            self.busy = False
            on_error(exc)

        self.window.runner.run(work, on_done=done, on_error=failed, label=label)

    def install(self, file_menu: QMenu) -> None:
        """After backup and restore, before the settings."""
        actions = file_menu.actions()
        before = self.window.settings_action if self.window.settings_action in actions else None
        if before is None:
            file_menu.addAction(self.export_action)
            file_menu.addAction(self.import_action)
            return
        file_menu.insertSeparator(before)
        file_menu.insertAction(before, self.export_action)
        file_menu.insertAction(before, self.import_action)
        file_menu.insertSeparator(before)

    def set_enabled(self, enabled: bool, *, read_only: bool = False) -> None:
        # exporting only reads (like backing up); importing writes
        self.export_action.setEnabled(enabled)
        self.import_action.setEnabled(enabled and not read_only)

    # --- export -----------------------------------------------------------------------

    def export(self) -> None:
        import datetime as dt  # not at the top: the window starts without it

        from ..services import recent_databases
        from ..services.settings import load_organisation

        w = self.window
        if not w.database_ready or not self._start():
            return
        title = _("Export a data package for the province")
        sensitive = messages().confirm(
            w, title,
            _("Include sensitive personal data in the package?\n\n"
              "These are the names of the parties in mediation cases and of the people who raised a concern. "
              "Answer «Yes» only if the higher level asked for them and the file will be handed over safely. "
              "With «No» the package holds every other record, without these names."),
            destructive=True)
        commune = load_organisation().commune_short
        suggested = recent_databases.last_folder() / suggested_name(commune, dt.date.today(), sensitive)
        path = messages().save_file(w, title, str(suggested),
                                    _("Data packages (*{ending})").format(ending=ENDING))
        if not path:
            return
        if not Path(path).suffix:
            path += ENDING
        recent_databases.remember_folder(path)

        def work(progress):
            from ..services.exchange import export_package

            try:
                return export_package(path, include_sensitive=sensitive, progress=progress.update)
            except Cancelled:
                return None

        def done(info):
            from ..services.files import format_size

            if info is None:
                messages().info(w, title, _("Export cancelled; no file was written."))
                return
            lines = [_("Written to «{path}» ({size}):").format(path=path, size=format_size(Path(path).stat().st_size)),
                     info.describe() + ".",
                     _("Sensitive personal data included.") if info.sensitive
                     else _("Without sensitive personal data.")]
            messages().info(w, title, "\n".join(lines))

        self._run(work, done, lambda exc: self._failed(exc, title), _("Exporting the data package"))

    # --- import -----------------------------------------------------------------------

    def import_(self) -> None:
        from ..services import recent_databases

        w = self.window
        if not w.database_ready or not self._start():
            return
        title = _("Import a data package from a commune")
        path = messages().open_file(w, title, _("Data packages (*{ending});;All files (*)").format(ending=ENDING),
                                    str(recent_databases.last_folder()))
        if not path:
            return
        recent_databases.remember_folder(path)

        def check(progress):
            from ..services.exchange import import_package

            try:
                return import_package(path, dry_run=True, progress=progress.update)
            except Cancelled:
                return None

        def checked(result):
            if result is None:
                return
            from .exchange_dialogs import ImportPreview

            if messages().run_dialog(ImportPreview(result, Path(path).name, w)):
                self._write(path, title)

        self._run(check, checked, lambda exc: self._failed(exc, title), _("Checking the data package"))

    def _write(self, path: str, title: str) -> None:
        from .operations import OpChanges

        w = self.window
        w.operations.running += 1  # opening another database waits for it

        def work(progress):
            from ..services.exchange import import_package
            from ..services.session import require_writable

            require_writable()
            try:
                return import_package(path, progress=progress.update)
            except Cancelled:  # raised inside the transaction: everything rolled back
                return None

        def done(result):
            w.operations.running -= 1
            if result is None:
                messages().info(w, title, _("Import cancelled; the database was not changed."))
                return
            w.operations.notify(OpChanges(_kinds()))
            lines = [result.summary(), *result.details()]
            if result.conflicts:
                lines.append(_("Conflicts: {n}; this database kept its own records.").format(n=len(result.conflicts)))
            messages().info(w, title, "\n".join(lines))

        def failed(exc):
            w.operations.running -= 1
            self._failed(exc, title)

        self._run(work, done, failed, _("Importing the data package"))

    def _failed(self, exc: BaseException, title: str) -> None:
        from ..errors import UserError

        if isinstance(exc, UserError):
            messages().warning(self.window, title, exc.message)
        else:
            from .errors import report

            report(exc, self.window)
