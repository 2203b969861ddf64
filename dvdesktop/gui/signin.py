"""Signing in after the database is opened, before the sections appear.

No account yet (the first start): the clerk chooses how the office works,
one person on this computer (an administrator account that signs in by
itself) or several people (the first administrator, with a password). A
single automatic account signs in without a dialog; otherwise the sign-in
dialog asks for a name and password (repeated wrong passwords make it wait:
services/users.py). Closing the dialog closes the program."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QFormLayout, QLabel, QLineEdit, QRadioButton, QStackedWidget, QVBoxLayout, QWidget,
)

from ..errors import UserError
from .dialogs import messages
from .i18n import _
from .style import role
from .widgets import dialog_buttons


class SignInDialog(QDialog):
    def __init__(self, parent=None, where: str = ""):
        super().__init__(parent)
        self.setWindowTitle(_("Sign in"))
        self.principal = None
        layout = QVBoxLayout(self)
        if where:
            intro = QLabel(_("Database: {where}").format(where=where))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("User name"), self.username)
        form.addRow(_("Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        role(self.error, "failure-text")
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.save, ok=True))
        self.setMinimumWidth(380)

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
    """How the office works, asked once, when the database has no account."""

    def __init__(self, parent=None, shared: bool = False):
        super().__init__(parent)
        self.setWindowTitle(_("First start: who uses the program"))
        self.shared = shared
        self.principal = None
        layout = QVBoxLayout(self)
        self.alone = QRadioButton(_("Only me, on this computer (no password; I am the administrator)"))
        self.several = QRadioButton(_("Several people (each signs in with a password)"))
        group = QButtonGroup(self)
        group.addButton(self.alone)
        group.addButton(self.several)
        layout.addWidget(self.alone)
        layout.addWidget(self.several)
        if shared:
            self.alone.setEnabled(False)
            self.alone.setToolTip(_("A shared database on a server needs a password for everybody."))
        self.pages = QStackedWidget()
        alone_page = QWidget()
        alone_form = QFormLayout(alone_page)
        self.my_name = QLineEdit()
        alone_form.addRow(_("Your full name"), self.my_name)
        admin_page = QWidget()
        admin_form = QFormLayout(admin_page)
        self.username = QLineEdit("quantri")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form.addRow(_("Administrator's user name"), self.username)
        admin_form.addRow(_("Full name"), self.full_name)
        admin_form.addRow(_("Password (at least 8 characters)"), self.password)
        admin_form.addRow(_("Password again"), self.password2)
        self.pages.addWidget(alone_page)
        self.pages.addWidget(admin_page)
        layout.addWidget(self.pages)
        self.alone.toggled.connect(lambda on: self.pages.setCurrentIndex(0 if on else 1))
        (self.several if shared else self.alone).setChecked(True)
        self.pages.setCurrentIndex(1 if shared else 0)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        role(self.error, "failure-text")
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.save, ok=True))
        self.setMinimumWidth(480)

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
