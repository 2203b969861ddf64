"""ScriptedMessages: the message service of the tests (gui/dialogs.py says
why there is one). A module of its own: a dataclass, and the window starts
without dataclasses (cli.Command says why)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .dialogs import MessageService
from .i18n import _


@dataclass
class ScriptedMessages(MessageService):
    """For tests: records every message and answers questions from a script."""

    answers: list[bool] = field(default_factory=list)
    default_answer: bool = True
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    files: list[str | None] = field(default_factory=list)  # answers to save_file and open_file, in order
    # What the clerk does in run_dialog's dialogs, in order: each gets the
    # dialog, fills it and calls its save() (or reject()). Without a script the
    # dialog is saved as it opened when default_answer is True, else cancelled.
    dialog_scripts: list[Callable] = field(default_factory=list)
    dialogs: list = field(default_factory=list)  # every dialog run, in order

    def _answer(self) -> bool:
        return self.answers.pop(0) if self.answers else self.default_answer

    def info(self, parent, title, text):
        self.shown.append(("info", title, text))

    def warning(self, parent, title, text):
        self.shown.append(("warning", title, text))

    def confirm(self, parent, title, text, *, destructive=False):
        self.shown.append(("confirm", title, text))
        return self._answer()

    def unexpected_error(self, parent, summary, details, log_file):
        self.shown.append(("error", summary, details))

    def unsaved_changes(self, parent, *, can_save=True):
        """Answers from `answers`: True → "discard", False → "cancel", or the word itself ("save")."""
        self.shown.append(("unsaved", _("Unsaved changes"), "save discard cancel" if can_save else "discard cancel"))
        answer = self._answer()
        if isinstance(answer, str):
            return answer
        return "discard" if answer else "cancel"

    def save_file(self, parent, title, suggested, filters):
        self.shown.append(("save_file", title, suggested))
        return self.files.pop(0) if self.files else None

    def open_file(self, parent, title, filters, directory=""):
        self.shown.append(("open_file", title, filters))
        return self.files.pop(0) if self.files else None

    def run_dialog(self, dialog) -> bool:
        from PySide6.QtWidgets import QDialog

        self.shown.append(("dialog", dialog.windowTitle(), ""))
        self.dialogs.append(dialog)
        if self.dialog_scripts:
            self.dialog_scripts.pop(0)(dialog)
        elif self.default_answer and hasattr(dialog, "save"):
            dialog.save()
        else:
            dialog.reject()
        return dialog.result() == QDialog.DialogCode.Accepted

    def kinds(self) -> list[str]:
        return [kind for kind, _t, _x in self.shown]
