"""Signing in after the database is opened, before the sections appear.

No account yet (the first start): the clerk chooses how the office works,
one person on this computer (an administrator account that signs in by
itself) or several people (the first administrator, with a password). A
single automatic account signs in without a dialog; otherwise the sign-in
dialog asks for a name and password (repeated wrong passwords make it wait:
services/users.py). Closing the dialog closes the program."""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog

from ..errors import UserError
from . import designer
from .dialogs import messages
from .generated.ui_first_start_dialog import Ui_FirstStartDialog
from .generated.ui_sign_in_dialog import Ui_SignInDialog
from .i18n import _


class SignInDialog(QDialog):
    """User name and password (ui/sign_in_dialog.ui); the database named above them."""

    def __init__(self, parent=None, where: str = ""):
        super().__init__(parent)
        self.principal = None
        self.ui = designer.setup(self, Ui_SignInDialog)
        if where:
            self.intro.setText(_("Database: {where}").format(where=where))
        else:
            self.intro.hide()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        from ..services.users import sign_in

        try:
            self.principal = sign_in(self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class FirstStartDialog(QDialog):
    """How the office works, asked once, when the database has no account
    (ui/first_start_dialog.ui)."""

    def __init__(self, parent=None, shared: bool = False):
        super().__init__(parent)
        self.shared = shared
        self.principal = None
        self.ui = designer.setup(self, Ui_FirstStartDialog)
        group = QButtonGroup(self)
        group.addButton(self.alone)
        group.addButton(self.several)
        if shared:
            self.alone.setEnabled(False)
            self.alone.setToolTip(_("A shared database on a server needs a password for everybody."))
        self.alone.toggled.connect(lambda on: self.pages.setCurrentIndex(0 if on else 1))
        (self.several if shared else self.alone).setChecked(True)
        self.pages.setCurrentIndex(1 if shared else 0)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        from ..services import users

        try:
            if self.alone.isChecked():
                self.principal = users.set_up_single_user(self.my_name.text(), shared=self.shared)
            else:
                if self.password.text() != self.password2.text():
                    raise UserError(_("The two passwords are not the same."))
                self.principal = users.set_up_administrator(self.username.text(), self.full_name.text(),
                                                            self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


def sign_in(window, spec) -> bool:
    """Sign somebody in on the open database; False when the clerk gave up
    (then the program closes). Runs on the GUI thread (a quick query)."""
    from ..services import users

    state = users.sign_in_state()
    if state == "auto":
        users.sign_in_automatically()
        return True
    if state == "first_start":
        return messages().run_dialog(FirstStartDialog(window, shared=spec.is_postgres))
    return messages().run_dialog(SignInDialog(window, spec.display()))
