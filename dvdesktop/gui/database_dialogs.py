"""The dialogs of the File menu's databases: connecting to a PostgreSQL
server by its name, database, user and password (a clerk never types a
URL), and the question before a backup replaces the database, which shows
what the backup holds."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
)

from .i18n import _
from .style import role


class ServerDialog(QDialog):
    """Host, port, database, user, password → a postgresql:// URL (self.url)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Connect to a server"))
        self.url: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(_("The shared database of the office or the province, on a PostgreSQL server. "
                         "Ask whoever looks after the server for these details."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setPlaceholderText(_("e.g. 192.168.1.10 or maychu.xa.gov.vn"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setPlaceholderText(_("e.g. todanvan"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Server:"), self.host)
        form.addRow(_("Port:"), self.port)
        form.addRow(_("Database name:"), self.database)
        form.addRow(_("User name:"), self.user)
        form.addRow(_("Password:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        role(self.error, "error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Connect"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        from ..errors import UserError
        from ..services.recent_databases import server_url

        try:
            self.url = server_url(self.host.text(), self.database.text(), self.user.text(),
                                  self.password.text(), self.port.value() if self.port.value() != 5432 else None)
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


def restore_question(summary, target: str) -> str:
    """The text of the question before a restore: what the backup holds,
    what it replaces, where the replaced database is kept."""
    lines = "\n".join("  • " + line for line in summary.lines())
    return _("The backup holds:\n{summary}\n\nIt will replace the database «{target}». The database replaced "
             "is kept beside it (its name ends with «truoc-khoi-phuc» and the date), so nothing is lost.\n\n"
             "Restore this backup?").format(summary=lines, target=target)
