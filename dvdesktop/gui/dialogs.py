"""Message boxes behind a small service (Picard's user dialog service).

Widgets never call QMessageBox directly; they call `messages()`, which tests
replace with `ScriptedMessages` so that no modal dialog ever blocks a test.
Every modal dialog (rename or merge areas, members, settings, the trash, the
person picker, agenda templates, Qt's print dialog) is shown through
`messages().run_dialog(dialog)` for the same reason: a test scripts what the
clerk does in it (ScriptedMessages.dialog_scripts); no test patches exec().
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget  # QMessageBox when a message is shown: its type and 5 enums cost ~2 ms at start

from .i18n import _


class MessageService:
    """The real dialogs."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, *, destructive: bool = False) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setDefaultButton(QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def discard_changes(self, parent: QWidget | None, save: Callable[[], object] | None = None) -> bool:
        """Ask before leaving unsaved edits: Lưu / Không lưu / Hủy (without
        *save*: Không lưu / Hủy). True means go on: the edits were saved
        (save() returned a true value) or the clerk chose not to keep them."""
        answer = self.unsaved_changes(parent, can_save=save is not None)
        if answer == "save" and save is not None:
            return bool(save())
        return answer == "discard"

    def unsaved_changes(self, parent: QWidget | None, *, can_save: bool = True) -> str:
        """"save", "discard" or "cancel"."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, _("Unsaved changes"),
                          _("The changes you made have not been saved. Save them before going on?") if can_save
                          else _("The changes you made have not been saved. Leave without saving them?"),
                          QMessageBox.StandardButton.NoButton, parent)
        save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole) if can_save else None
        discard = box.addButton(_("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save or cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save and save is not None else "discard" if clicked is discard else "cancel"

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        """Ask where to save a file; the chosen path, or None when cancelled.
        The suggested name is made valid on Windows (filenames.windows_safe)."""
        import os

        from PySide6.QtWidgets import QFileDialog

        from ..filenames import windows_safe

        folder, name = os.path.split(suggested)
        suggested = os.path.join(folder, windows_safe(name)) if name else suggested
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def open_file(self, parent: QWidget | None, title: str, filters: str, directory: str = "") -> str | None:
        """Ask which file to open (starting in *directory*); the chosen path, or None when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(parent, title, directory, filters)
        return path or None

    def unexpected_error(self, parent: QWidget | None, summary: str, details: str, log_file: str) -> None:
        from .errors import ErrorDialog

        ErrorDialog(parent, summary, details, log_file).exec()

    def run_dialog(self, dialog) -> bool:
        """Show one of our QDialogs modally; True when the clerk accepted it.
        A dialog's `save()` checks its fields and accepts (or shows why not)."""
        from PySide6.QtWidgets import QDialog

        return dialog.exec() == QDialog.DialogCode.Accepted


_service: MessageService = MessageService()


def messages() -> MessageService:
    return _service


def set_message_service(service: MessageService) -> MessageService:
    """Install *service*; returns the previous one."""
    global _service
    previous, _service = _service, service
    return previous
