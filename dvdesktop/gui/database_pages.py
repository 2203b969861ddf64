"""What the window shows when no database is open: the welcome of the very
first start (four ways to begin) and the recovery screen after a database
could not be opened (why, in plain words, and the same ways out). Both sit
in the main window's stack in place of the sections; their buttons call the
window's DatabaseActions (gui/database_actions.py). Laid out in
ui/welcome_page.ui and ui/recovery_page.ui: a centred card of at most 720 px
(the recovery card, with its recent files, scrolls vertically on a low screen)."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from . import designer
from .generated.ui_recovery_page import Ui_RecoveryPage
from .generated.ui_welcome_page import Ui_WelcomePage
from .i18n import _
from .style import role


class _Page(QWidget):
    """The choices' buttons by key (`buttons["open"]`), each calling its action."""

    def _connect(self, slots: dict) -> None:
        self.buttons: dict[str, QPushButton] = {}
        for key, slot in slots.items():
            button = getattr(self, f"{key}_button")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[key] = button


class WelcomePage(_Page):
    """The first start, no database yet."""

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.ui = designer.setup(self, Ui_WelcomePage)
        self.heading.setText(self.heading.text().format(program=_("Grassroots mobilisation teams")))
        self._connect({"demo": actions.open_demo, "empty": actions.start_empty, "open": actions.choose_file,
                       "server": actions.connect_server})
        self.buttons["empty"].setDefault(True)


class RecoveryPage(_Page):
    """A database could not be opened: why, and the ways out."""

    def __init__(self, actions, message: str, where: str = "", parent=None):
        super().__init__(parent)
        self.ui = designer.setup(self, Ui_RecoveryPage)
        self.message.setText(message)
        if where and where not in message:
            self.place.setText(self.place.text().format(where=where))
        else:
            self.place.hide()
        self._connect({"open": actions.choose_file, "server": actions.connect_server, "restore": actions.restore,
                       "new": actions.create_new, "demo": actions.open_demo})
        recent = [r for r in actions.recent_choices() if r.where != where][:4]
        self.recent_heading.setVisible(bool(recent))
        for item in recent:  # the files opened before, as links
            button = QPushButton(item.where, self.card)  # in the page's vertical scroll area, for a low screen
            button.setFlat(True)
            role(button, "link")
            button.clicked.connect(lambda _c=False, t=item.target: actions.open(t))
            self.ui.recent_list.addWidget(button)
            self.buttons[f"recent:{item.target}"] = button
