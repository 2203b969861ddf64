"""Accounts, for an administrator: who may sign in, with which role, who
may open confidential records; a new account, a password reset (which
also lifts a lock after wrong passwords), an account stopped. The rules
are the services' (services/users.py): this screen only shows them."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem

from ..errors import UserError
from ..services.users import ROLES, UserService
from . import designer
from .dialogs import messages
from .generated.ui_account_dialog import Ui_AccountDialog
from .generated.ui_accounts_dialog import Ui_AccountsDialog
from .generated.ui_own_password_dialog import Ui_OwnPasswordDialog
from .generated.ui_password_dialog import Ui_PasswordDialog
from .i18n import _


class AccountDialog(QDialog):
    """A new account (with its password) or the role of an existing one."""

    def __init__(self, parent, account=None):
        super().__init__(parent)
        self.account = account
        self.ui = designer.setup(self, Ui_AccountDialog)
        if account is not None:
            self.setWindowTitle(_("Account {name}").format(name=account.username))
        self.username.setText(account.username if account else "")
        self.username.setEnabled(account is None)
        self.full_name.setText(account.full_name if account else "")
        self.role.set_items(ROLES)
        self.role.set_code(account.role if account else "clerk")
        self.confidential.setChecked(bool(account and account.confidential))
        self.active.setChecked(account is None or account.active)
        # an existing account's password is reset by its own dialog
        self.ui.fields.setRowVisible(self.password, account is None)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

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
        self.ui = designer.setup(self, Ui_PasswordDialog)
        self.setWindowTitle(_("New password for {name}").format(name=account.username))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

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
        self.ui = designer.setup(self, Ui_AccountsDialog)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.reset_button.clicked.connect(self.reset_password)
        self.close_button.clicked.connect(self.accept)
        self.accounts = []
        self.reload()

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
        self.ui = designer.setup(self, Ui_OwnPasswordDialog)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

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
