"""What the window does around accounts and backups, kept out of
main_window.py: signing in before the sections appear, the Administration
menu (accounts, audit trail, personal data, automatic backups, one's own
password), the signed-in person in the status bar, the daily backup after
opening and the backup when the program quits."""
from __future__ import annotations

import logging
import os

from PySide6.QtWidgets import QApplication, QLabel

from ..errors import UserError
from ..services import access
from .dialogs import messages
from .i18n import _

log = logging.getLogger(__name__)


def start(window, spec, *, demo: bool = False, first_start: bool = True) -> bool:
    """Sign in on the open database (False: the clerk closed the dialog),
    then the menu and the automatic backups. A database without accounts
    asks how the office works when *first_start* (the program's start);
    opened later from the menu, or read-only, it is worked on as before
    (Quản trị → Tài khoản… sets accounts up)."""
    from ..services import users

    access.sign_out()  # another database of the same window: its own accounts
    unattended = bool(os.environ.get("DVDESKTOP_EXIT_AFTER"))
    no_question = demo or unattended or not first_start or getattr(spec, "read_only", False)
    if no_question and users.sign_in_state() == "first_start":
        # The demo commune and the benchmarks run without an account: sample data, no one to ask.
        log.info("no account on %s: working without signing in", spec.display())
    else:
        from .signin import sign_in  # its two Designer dialogs: only when someone signs in

        if not sign_in(window, spec):
            return False
    install(window, spec)
    if not spec.is_postgres and not unattended:
        schedule_backups(window, spec)
    else:
        window.backup_target = None  # a server's database is backed up on the server
    return True


def install(window, spec) -> None:
    """The Administration menu and the signed-in person in the status bar."""
    who = access.current()
    old = getattr(window, "safety_menu", None)
    if old is not None:  # the window opened another database
        window.menuBar().removeAction(old.menuAction())
        label = getattr(window, "signed_in_label", None)
        if label is not None:
            window.statusBar().removeWidget(label)
            window.signed_in_label = None
    menu = window.menuBar().addMenu(_("&Administration"))
    window.safety_menu = menu
    admin = who is None or who.is_admin
    for text, slot, allowed in (
        (_("Accounts…"), lambda: _run(window, "accounts"), admin),
        (_("Audit trail…"), lambda: _run(window, "audit"), admin),
        (_("Personal data…"), lambda: _run(window, "personal"), admin),
        (_("Automatic backups…"), lambda: _run(window, "backups"), admin and not spec.is_postgres),
        (_("Change my password…"), lambda: _run(window, "password"), who is not None and who.user_id is not None),
    ):
        action = menu.addAction(text, slot)
        action.setEnabled(allowed)  # a courtesy: the services refuse anyway
    if who is not None:
        label = QLabel(_("Signed in: {name} ({role})").format(name=who.full_name, role=who.role_name))
        window.statusBar().addPermanentWidget(label)
        window.signed_in_label = label


def _run(window, which: str) -> None:
    try:
        if which == "accounts":
            from .accounts_dialog import AccountsDialog as Dialog
        elif which == "audit":
            from .audit_dialog import AuditDialog as Dialog
        elif which == "personal":
            from .personal_data_dialog import PersonalDataDialog as Dialog
        elif which == "password":
            from .accounts_dialog import OwnPasswordDialog as Dialog
        else:
            from .backup_settings_dialog import BackupSettingsDialog

            messages().run_dialog(BackupSettingsDialog(window, window.spec.target))
            return
        messages().run_dialog(Dialog(window))
    except UserError as exc:
        messages().warning(window, _("Administration"), exc.message)


def schedule_backups(window, spec) -> None:
    """The daily copy now (off the GUI thread) when one is due, and the copy
    on quitting. A failure is said in the status bar and logged, never a
    dialog in the clerk's way; the backups dialog shows it too."""
    from ..services import autobackup
    from .print_preview import run_off_thread

    def done(copy):
        if copy is not None:
            window.statusBar().showMessage(_("Daily backup written and checked: {path}").format(path=copy.path), 8000)

    def daily():
        from ..services import session

        with session.worker():
            return autobackup.automatic(spec.target, "daily")

    def failed_quietly():
        try:
            return daily()
        except UserError as exc:
            log.warning("daily backup failed: %s", exc.message)
            window.statusBar().showMessage(_("The daily backup failed: {why}").format(why=exc.message), 15000)
            return None

    last = autobackup.last_status()
    if last and not last.get("ok"):
        window.statusBar().showMessage(_("The last automatic backup failed: {why}").format(why=last.get("message", "")),
                                       15000)
    run_off_thread(window, failed_quietly, done, _("Backing up the data"))
    app = QApplication.instance()
    first = not getattr(window, "backup_hooked", False)
    window.backup_target = spec.target  # the database open when the program quits is the one copied
    if app is not None and first:
        window.backup_hooked = True
        app.aboutToQuit.connect(lambda: back_up_on_quit(window.backup_target) if window.backup_target else None)


def back_up_on_quit(path: str) -> None:
    from ..services import autobackup

    try:
        copy = autobackup.automatic(path, "close")
        if copy is not None:
            log.info("backup on close: %s", copy.path)
    except UserError as exc:  # said at the next start (autobackup.last_status)
        log.warning("backup on close failed: %s", exc.message)
    except Exception:  # noqa: BLE001 - quitting must not fail because of a backup
        log.exception("backup on close failed")
