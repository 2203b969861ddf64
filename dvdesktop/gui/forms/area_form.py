"""The area form (thôn, bản, tổ dân phố ...). Renaming keeps the old name
in the area's history, so old records keep the name they had."""
from __future__ import annotations

from ...services.core import vocab
from ...services.register import AreaService
from ..dialogs import messages
from ..generated.ui_area_form import Ui_AreaForm
from ..i18n import _
from ..style import role
from .base import RecordForm


class AreaForm(RecordForm):
    service = AreaService
    ui_class = Ui_AreaForm

    def build(self) -> None:
        self.kind.set_items(vocab.AREA_KINDS)
        role(self.merged_note, "merged")

    def defaults(self):
        try:
            from ...services.settings import load_organisation

            org = load_organisation()
            return {"province": org.province, "commune": org.commune, "commune_code": org.commune_code,
                    "kind": "thôn", "active": True}
        except Exception:  # noqa: BLE001 - settings are a convenience here
            return {"kind": "thôn", "active": True}

    def title_for(self, record):
        if record is None:
            return _("New area")
        return f"{record.kind.capitalize()} {record.name}" if record.kind else record.name

    def loaded(self, record):
        self.merged_note.setText("")
        self.form.setRowVisible(self.merged_note, False)
        if record is None:
            self.history.setText("")
            return
        from ...services.listings.areas import former_names
        from ...vn import short_date

        rows = former_names(record.id)
        if record.merged_into is not None:
            from .area_dialogs import area_label

            target = AreaService.get(record.merged_into, include_deleted=True)
            day = max((r.valid_to for r in rows if r.valid_to), default=None)
            self.merged_note.setText(_("Merged into {area} from {day}.").format(
                area=area_label(target), day=short_date(day) if day else "?"))
            self.form.setRowVisible(self.merged_note, True)
        lines = [_("{name} (until {day}; {reason})").format(
            name=r.name, day=short_date(r.valid_to) if r.valid_to else "?", reason=r.reason) for r in rows]
        self.history.setText("\n".join(lines) or _("None"))

    def confirm_save(self, values):
        """A changed name is a rename (the old name kept as history from the
        day it took effect) unless the clerk says it only corrects a typing
        mistake: one small dialog asks."""
        self._rename = None
        if self.record is None:
            return True
        from ...vn import clean_line
        from .area_dialogs import RenameAreaDialog

        new_name = clean_line(values["name"])
        if new_name == self.record.name:
            return True
        dialog = RenameAreaDialog(self, self.record.id, self.record.name, new_name)
        if not messages().run_dialog(dialog):
            return False
        if dialog.keep_history():
            self._rename = (new_name, dialog.day(), dialog.reason_text())
        return True

    def write(self, values):
        rename, self._rename = getattr(self, "_rename", None), None
        if rename is None:
            return super().write(values)
        new_name, day, reason = rename
        self.service.validate(dict(values, name=new_name), self.record)  # a taken name: nothing saved
        record = self.service.update(self.record.id, dict(values, name=self.record.name),
                                     expected_version=self.record.version)
        return AreaService.rename(record.id, new_name, day, reason)
