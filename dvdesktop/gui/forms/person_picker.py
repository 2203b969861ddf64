"""Choose a person from the register (search as you type, lazy list)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from .. import designer
from ..dialogs import messages
from ..generated.ui_person_picker import Ui_PersonPicker
from ..table_model import LazyTableModel, set_up_list_view
from ..widgets import fit_to_screen


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

        designer.setup(self, Ui_PersonPicker)
        if title:
            self.setWindowTitle(title)
        fit_to_screen(self, 720, 460)
        self.source = _picker_source(prefer_area)
        self.model = LazyTableModel(self.source, self)
        self.view.setModel(self.model)
        set_up_list_view(self.view, self.source.columns)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
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
