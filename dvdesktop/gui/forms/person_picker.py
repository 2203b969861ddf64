"""Choose a person from the register (search as you type, lazy list)."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QTableView, QVBoxLayout

from ..dialogs import messages
from ..i18n import _
from ..table_model import LazyTableModel
from ..widgets import SearchBox, dialog_buttons


def _picker_source(prefer_area: int | None):
    from ..sections.people import PeopleSource

    class PickerSource(PeopleSource):
        """The people list's rows in the picker's order (word starts, the area first)."""

        first_block = None  # its own order, read whole (the people list reads a first screen: table_model)

        def ids(self, sort_key, descending):
            if sort_key is not None:  # a column header clicked: that order
                return super().ids(sort_key, descending)
            from ...services.listings.person_picking import picker_ids

            return picker_ids(self.query, prefer_area)

    return PickerSource()


class PersonPicker(QDialog):
    def __init__(self, parent=None, title: str = "", prefer_area: int | None = None):
        super().__init__(parent)

        self.setWindowTitle(title or _("Choose a person"))
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        self.search = SearchBox(self, _("Search name or phone"))
        layout.addWidget(self.search)
        self.source = _picker_source(prefer_area)
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
    def choose(cls, parent, title: str = "", prefer_area: int | None = None):
        """The chosen Person, or None; the people of *prefer_area* (the team's
        area) come first. Shown through the dialog service, whose test hook
        picks the person as a clerk would (search, select, OK)."""
        dialog = cls(parent, title, prefer_area)
        if not messages().run_dialog(dialog) or dialog.selected_id() is None:
            return None
        from ...services.register import PersonService

        return PersonService.get(dialog.selected_id())
