"""Renaming and merging areas (thôn, bản, tổ dân phố), as many were merged or
renamed on 1 July 2025: old records keep the names they had.

Both dialogs are shown through `messages().run_dialog()`; `save()` checks
the fields and accepts, or says in the dialog what is wrong."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QLabel,
)

from .. import texts
from ...errors import ValidationError
from ...services.listings import areas as listing
from ...services.listings.choices import area_choices
from ...services.listings.people import PeopleFilter, people_ids
from ...services.register import AreaService, TeamService
from ...vn import fold, short_date
from .. import designer
from ..generated.ui_merge_area_dialog import Ui_MergeAreaDialog
from ..generated.ui_rename_area_dialog import Ui_RenameAreaDialog
from ..i18n import _
from ..style import role
from ..operations import OpChanges, RecordOp


def area_label(area) -> str:
    """'Thôn Nà Khoang' (the kind, then the name)."""
    return f"{area.kind.capitalize()} {area.name}" if area.kind else area.name


def last_name_change(area_id: int) -> dt.date | None:
    """The day the area's latest former name ended (a rename or a merge)."""
    days = [row.valid_to for row in listing.former_names(area_id) if row.valid_to]
    return max(days) if days else None


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    role(label, "error")
    return label


class RenameAreaDialog(QDialog):
    """A changed name: a rename (the old name kept as history from a day) or
    only a typing correction (no history)."""

    def __init__(self, parent, area_id: int, old_name: str, new_name: str):
        super().__init__(parent)
        self.area_id = area_id
        self.ui = designer.setup(self, Ui_RenameAreaDialog)
        self.intro.setText(_("The name changes from «{old}» to «{new}».").format(old=old_name, new=new_name))
        self.rename.setText(_("&A rename: keep «{old}» as a former name").format(old=old_name))
        self.ui.rename_fields.setContentsMargins(24, 0, 0, 0)  # under its choice
        self.group = QButtonGroup(self)
        self.group.addButton(self.rename)
        self.group.addButton(self.correction)
        self.on.set_date(dt.date.today())
        self.reason.setText(_("Renamed"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.rename.toggled.connect(self._update)
        self._update()

    def _update(self, *_args) -> None:
        for widget in (self.on, self.reason):
            widget.setEnabled(self.rename.isChecked())
        self.error.setText("")

    def keep_history(self) -> bool:
        return self.rename.isChecked()

    def day(self) -> dt.date | None:
        return self.on.date()

    def reason_text(self) -> str:
        return " ".join(self.reason.text().split()) or _("Renamed")

    def save(self) -> None:
        if self.keep_history():
            day = self.on.date()
            if day is None:
                self.error.setText(_(texts.ENTER_DATE))
                self.on.setFocus()
                return
            last = last_name_change(self.area_id)
            if last is not None and day <= last:
                self.error.setText(_("The name already changed on {day}: a new rename takes effect after that "
                                     "day.").format(day=short_date(last)))
                self.on.setFocus()
                return
        self.accept()


class MergeAreaDialog(QDialog):
    """Sáp nhập: the selected area joins another active area of the same
    commune from a day (AreaService.merge). The dialog says what will happen."""

    def __init__(self, parent, area_id: int, on: dt.date | None = None):
        super().__init__(parent)
        self.source = AreaService.get(area_id)
        self.merged = False
        designer.setup(self, Ui_MergeAreaDialog)
        self.intro.setText(_("Merge {area} into another area of the commune (sáp nhập thôn, tổ dân phố).")
                           .format(area=area_label(self.source)))
        self.targets = self.target_choices()
        self.target.set_items(self.targets, blank=_("(choose an area)"))
        self.on.set_date(on or dt.date.today())
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Merge"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.target.currentIndexChanged.connect(self.update_summary)
        self.on.textChanged.connect(self.update_summary)
        if len(self.targets) == 1:
            self.target.set_code(self.targets[0][0])
        self.update_summary()

    def target_choices(self) -> list[tuple[int, str]]:
        """The other active areas of the same commune, in Vietnamese order."""
        commune = fold(self.source.commune or "")
        result = []
        for area_id, label in area_choices():
            if area_id == self.source.id:
                continue
            area = AreaService.get(area_id)
            if area.active and area.merged_into is None and fold(area.commune or "") == commune:
                result.append((area_id, label))
        return result

    def _active_team(self, area_id: int):
        team_id = listing.team_of_area(area_id)
        team = TeamService.get(team_id) if team_id is not None else None
        return team if team is not None and team.status == "active" else None

    def summary_text(self) -> str:
        target_id = self.target.code()
        day = self.on.date()
        if target_id is None:
            return _("Choose the area it merges into.")
        if day is None:
            return _(texts.ENTER_DATE)
        source, target = area_label(self.source), area_label(AreaService.get(target_id))
        moved = len(people_ids(PeopleFilter(area_id=self.source.id)))
        lines = [_("From {day}:").format(day=short_date(day)),
                 "• " + _("{n} people move to {target}.").format(n=moved, target=target)]
        team = self._active_team(self.source.id)
        if team is not None:
            dissolved = max(day, team.established_on or day)
            lines.append("• " + _("{team} is dissolved on {day}.").format(team=team.name, day=short_date(dissolved)))
        else:
            lines.append("• " + _("{area} has no active Tổ dân vận.").format(area=source))
        target_team = self._active_team(target_id)
        if target_team is not None:
            lines.append("• " + _("{team} goes on.").format(team=target_team.name))
        else:
            lines.append("• " + _("{area} has no Tổ dân vận yet: establish it on the «Team» tab.").format(area=target))
        lines.append("• " + _("{area} stops being in use; its meetings, concerns and households keep the name "
                              "«{name}».").format(area=source, name=self.source.name))
        lines.append(_("This cannot be undone."))
        return "\n".join(lines)

    def update_summary(self, *_args) -> None:
        self.summary.setText(self.summary_text())
        self.error.setText("")

    def save(self) -> None:
        target_id = self.target.code()
        day = self.on.date()
        if target_id is None:
            self.error.setText(_("Choose the area it merges into."))
            self.target.setFocus()
            return
        if day is None:
            self.error.setText(_(texts.ENTER_DATE))
            self.on.setFocus()
            return
        last = last_name_change(self.source.id)
        if last is not None and day <= last:
            self.error.setText(_("The name already changed on {day}: the merge takes effect after that day.")
                               .format(day=short_date(last)))
            self.on.setFocus()
            return
        source_id = self.source.id

        def merged(_result):
            self.merged = True
            self.accept()

        def refused(exc) -> bool:
            if isinstance(exc, ValidationError):
                self.error.setText(exc.message)
                return True
            return False

        # the merged area's team and members move too: every list showing them is read again
        RecordOp(self, lambda: AreaService.merge([source_id], target_id, day),
                 OpChanges.of("area", "team", "membership", "person"), label=_("Merging"),
                 failure_title=_("Cannot merge")).success(merged).failure(refused).run_in_background()
