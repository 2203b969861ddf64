"""The dialogs of the File menu's databases: connecting to a PostgreSQL
server by its name, database, user and password (a clerk never types a
URL), and the question before a backup replaces the database, which shows
what the backup holds."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from . import designer
from .generated.ui_server_dialog import Ui_ServerDialog
from .i18n import _


class ServerDialog(QDialog):
    """Host, port, database, user, password → a postgresql:// URL (self.url);
    laid out in ui/server_dialog.ui."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.url: str | None = None
        self.ui = designer.setup(self, Ui_ServerDialog)
        self.error.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Connect"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
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
