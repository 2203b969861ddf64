"""What the window shows when no database is open: the welcome of the very
first start (four ways to begin) and the recovery screen after a database
could not be opened (why, in plain words, and the same ways out). Both sit
in the main window's stack in place of the sections; their buttons call the
window's DatabaseActions (gui/database_actions.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .i18n import _
from .style import role


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    role(label, "welcome-title")
    return label


def _choice(text: str, explanation: str, slot) -> tuple[QPushButton, QLabel]:
    button = QPushButton(text)
    button.setMinimumHeight(38)
    button.setMinimumWidth(230)
    role(button, "choice")
    button.clicked.connect(lambda _checked=False: slot())
    hint = QLabel(explanation)
    hint.setWordWrap(True)
    role(hint, "choice-hint")
    return button, hint


class _Page(QWidget):
    """A centred column of at most 720 px, on a light card."""

    def __init__(self, parent=None):
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("database-page")
        self.card.setMaximumWidth(720)
        role(self.card, "card")
        self.column = QVBoxLayout(self.card)
        self.column.setContentsMargins(32, 28, 32, 28)
        self.column.setSpacing(12)
        holder = QVBoxLayout()
        holder.addStretch(1)
        holder.addWidget(self.card)
        holder.addStretch(2)
        outer.addLayout(holder, 4)
        outer.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}

    def _choices(self, rows) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for n, (key, text, explanation, slot) in enumerate(rows):
            button, hint = _choice(text, explanation, slot)
            self.buttons[key] = button
            grid.addWidget(button, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(hint, n, 1)
        grid.setColumnStretch(1, 1)
        self.column.addLayout(grid)


class WelcomePage(_Page):
    """The first start, no database yet."""

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.column.addWidget(_heading(_("Welcome to {program}").format(program=_("Grassroots mobilisation teams"))))
        intro = QLabel(_("There is no database on this computer yet. Choose how to begin; "
                         "you can change it later in the File menu."))
        intro.setWordWrap(True)
        role(intro, "intro")
        self.column.addWidget(intro)
        self._choices((
            ("demo", _("Create the demo data"),
             _("A sample commune with five years of work, to learn the program. Your real data are not touched."),
             actions.open_demo),
            ("empty", _("Start with empty data"),
             _("A new database for your commune, kept on this computer."), actions.start_empty),
            ("open", _("Open an existing file"),
             _("A database file copied from another computer, or a backup copy."), actions.choose_file),
            ("server", _("Connect to a server"),
             _("The office's shared data on a PostgreSQL server (ask for its name, user and password)."),
             actions.connect_server),
        ))
        self.buttons["empty"].setDefault(True)


class RecoveryPage(_Page):
    """A database could not be opened: why, and the ways out."""

    def __init__(self, actions, message: str, where: str = "", parent=None):
        super().__init__(parent)
        self.column.addWidget(_heading(_("The database could not be opened")))
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        role(self.message, "failure-message")
        self.column.addWidget(self.message)
        if where and where not in message:
            place = QLabel(_("Database: {where}").format(where=where))
            place.setWordWrap(True)
            role(place, "hint")
            self.column.addWidget(place)
        what = QLabel(_("Your data are not lost by this. You can:"))
        role(what, "intro-step")
        self.column.addWidget(what)
        self._choices((
            ("open", _("Open another database…"), _("A database file on this computer or a USB stick."),
             actions.choose_file),
            ("server", _("Connect to a server…"), _("The office's shared data on a PostgreSQL server."),
             actions.connect_server),
            ("restore", _("Restore from a backup…"), _("Put back a copy made with «Back up the data»; the "
                                                         "damaged file is kept aside."), actions.restore),
            ("new", _("Create a new database…"), _("Start again with empty data in a new file."),
             actions.create_new),
            ("demo", _("Open the demo data"), _("The sample commune, to go on learning meanwhile."),
             actions.open_demo),
        ))
        recent = [r for r in actions.recent_choices() if r.where != where]
        if recent:
            label = QLabel(_("Recently opened:"))
            role(label, "list-heading")
            self.column.addWidget(label)
            for item in recent[:4]:
                button = QPushButton(item.where)
                button.setFlat(True)
                role(button, "link")
                button.clicked.connect(lambda _c=False, t=item.target: actions.open(t))
                self.column.addWidget(button)
                self.buttons[f"recent:{item.target}"] = button
