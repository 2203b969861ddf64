"""Accounts, for an administrator: who may sign in, with which role, who
may open confidential records; a new account, a password reset (which
also lifts a lock after wrong passwords), an account stopped. The rules
are the services' (services/users.py): this screen only shows them."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from ..errors import UserError
from ..services.users import ROLES, UserService
from .dialogs import messages
from .i18n import _
from .widgets import ChoiceCombo, dialog_buttons


class AccountDialog(QDialog):
    """A new account (with its password) or the role of an existing one."""

    def __init__(self, parent, account=None):
        super().__init__(parent)
        self.account = account
        self.setWindowTitle(_("New account") if account is None else _("Account {name}").format(name=account.username))
        form = QFormLayout(self)
        self.username = QLineEdit(account.username if account else "")
        self.username.setEnabled(account is None)
        self.full_name = QLineEdit(account.full_name if account else "")
        self.role = ChoiceCombo(ROLES)
        self.role.set_code(account.role if account else "clerk")
        self.confidential = QCheckBox(_("May open confidential records (mediation, who raised a concern)"))
        self.confidential.setChecked(bool(account and account.confidential))
        self.active = QCheckBox(_("In use"))
        self.active.setChecked(account is None or account.active)
        form.addRow(_("User name"), self.username)
        form.addRow(_("Full name"), self.full_name)
        form.addRow(_("Role"), self.role)
        form.addRow("", self.confidential)
        form.addRow("", self.active)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if account is None:
            form.addRow(_("Password (at least 8 characters)"), self.password)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        form.addRow(dialog_buttons(self, self.save))

    def save(self) -> None:
        try:
            if self.account is None:
                UserService.add(self.username.text(), self.full_name.text(), self.role.code(), self.password.text(),
                                confidential=self.confidential.isChecked())
            else:
                UserService.update(self.account.id, {"full_name": self.full_name.text(), "role": self.role.code(),
                                                     "confidential": self.confidential.isChecked(),
                                                     "active": self.active.isChecked()},
                                   expected_version=self.account.version)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class PasswordDialog(QDialog):
    """An administrator resets someone's password."""

    def __init__(self, parent, account):
        super().__init__(parent)
        self.account = account
        self.setWindowTitle(_("New password for {name}").format(name=account.username))
        form = QFormLayout(self)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password (at least 8 characters)"), self.password)
        form.addRow(_("Password again"), self.password2)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        form.addRow(dialog_buttons(self, self.save))

    def save(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(_("The two passwords are not the same."))
            return
        try:
            UserService.set_password(self.account.id, self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class AccountsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Accounts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_("User name"), _("Full name"), _("Role"), _("Confidential"),
                                              _("State")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in ((_("New account…"), self.add), (_("Change…"), self.edit),
                           (_("Reset password…"), self.reset_password)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.accounts = []
        self.reload()
        self.resize(760, 360)

    def reload(self) -> None:
        self.accounts = UserService.accounts()
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            state = _("in use") if a.active else _("stopped")
            if a.auto_sign_in:
                state += ", " + _("signs in by itself")
            if a.locked_until:
                state += ", " + _("locked until {time}").format(time=a.locked_until.strftime("%H:%M %d/%m/%Y"))
            for c, value in enumerate((a.username, a.full_name, a.role_name, _("yes") if a.confidential else "",
                                       state)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnToContents(0)

    def current(self):
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def add(self) -> None:
        if messages().run_dialog(AccountDialog(self)):
            self.reload()

    def edit(self) -> None:
        if (a := self.current()) is not None and messages().run_dialog(AccountDialog(self, a)):
            self.reload()

    def reset_password(self) -> None:
        if (a := self.current()) is not None and messages().run_dialog(PasswordDialog(self, a)):
            messages().info(self, _("Accounts"), _("The password of {name} was changed.").format(name=a.username))
            self.reload()

    def save(self) -> None:
        self.accept()


class OwnPasswordDialog(QDialog):
    """The signed-in person changes their own password."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Change my password"))
        form = QFormLayout(self)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.new2 = QLineEdit()
        for field in (self.old, self.new, self.new2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Current password"), self.old)
        form.addRow(_("Password (at least 8 characters)"), self.new)
        form.addRow(_("Password again"), self.new2)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        form.addRow(dialog_buttons(self, self.save))

    def save(self) -> None:
        if self.new.text() != self.new2.text():
            self.error.setText(_("The two passwords are not the same."))
            return
        try:
            UserService.change_own_password(self.old.text(), self.new.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
