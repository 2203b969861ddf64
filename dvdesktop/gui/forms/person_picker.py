"""Choose a person from the register (search as you type, lazy list)."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableView, QVBoxLayout

from ..dialogs import messages
from ..i18n import _
from ..table_model import LazyTableModel
from ..widgets import SearchBox, dialog_buttons


class PersonPicker(QDialog):
    def __init__(self, parent=None, title: str = ""):
        super().__init__(parent)
        from ..sections.people import PeopleSource

        self.setWindowTitle(title or _("Choose a person"))
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        self.search = SearchBox(self, _("Search name or phone"))
        layout.addWidget(self.search)
        self.source = PeopleSource()
        self.model = LazyTableModel(self.source, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.source.columns):
            if column.width:
                self.view.setColumnWidth(i, column.width)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.view)
        buttons = dialog_buttons(self, None, ok=True)
        layout.addWidget(buttons)
        self.search.searchChanged.connect(self.filter)
        self.model.refresh()

    def filter(self, text: str) -> None:
        self.source.query = text
        self.model.refresh()
        if self.model.rowCount():
            self.view.selectRow(0)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    @classmethod
    def choose(cls, parent, title: str = ""):
        """The chosen Person, or None. Shown through the dialog service, whose
        test hook picks the person as a clerk would (search, select, OK)."""
        dialog = cls(parent, title)
        if not messages().run_dialog(dialog) or dialog.selected_id() is None:
            return None
        from ...services.register import PersonService

        return PersonService.get(dialog.selected_id())
