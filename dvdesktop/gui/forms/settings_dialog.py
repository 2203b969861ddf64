"""Organisation settings, used by every printed document: province and
commune from the official list after the 2025 reform (package
vietnam_provinces), the committees' names, signers, the place name in date
lines, and the header style (Party or State) per document kind."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit

from .. import designer, mnemonics, texts
from ...errors import UserError
from ...services.settings import DOCUMENT_KINDS, Organisation, Signer, load_organisation, save_organisation
from ..generated.ui_settings_dialog import Ui_SettingsDialog
from ..i18n import _
from ..operations import OpChanges, RecordOp
from ..widgets import fit_to_screen


def provinces() -> list[tuple[int, str]]:
    from vietnam_provinces import Province

    from ...vn import sort_key

    return sorted(((int(p.code), p.name) for p in Province.iter_all()), key=lambda x: sort_key(x[1]))


def communes(province_code: int) -> list[tuple[int, str]]:
    """(code, 'xã Nậm Pồ') of the province's communes, wards and special zones."""
    from vietnam_provinces import ProvinceCode, Ward

    from ...vn import sort_key

    rows = [(int(w.code), w.name[:1].lower() + w.name[1:]) for w in Ward.iter_by_province(ProvinceCode(province_code))]
    return sorted(rows, key=lambda x: sort_key(Organisation(commune=x[1]).commune_short))


class SignerFields:
    """The three fields of one signer (Party or State) in the dialog."""

    def __init__(self, on_behalf, title, name):
        self.on_behalf, self.title, self.name = on_behalf, title, name

    def set(self, signer: Signer) -> None:
        self.on_behalf.setText(signer.on_behalf)
        self.title.setText(signer.title)
        self.name.setText(signer.name)

    def get(self) -> Signer:
        return Signer(name=self.name.text(), title=self.title.text(), on_behalf=self.on_behalf.text())


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.ui = designer.setup(self, Ui_SettingsDialog)
        self.org = load_organisation()
        self.province.addItem(_(texts.CHOOSE), None)
        for code, name in provinces():
            self.province.addItem(name, code)
        self.party_signer = SignerFields(self.party_on_behalf, self.party_title, self.party_name)
        self.state_signer = SignerFields(self.state_on_behalf, self.state_title, self.state_name)
        self.styles: dict[str, QComboBox] = {}
        for kind, label in DOCUMENT_KINDS.items():
            combo = QComboBox()
            combo.addItem(_("Party (Đảng Cộng sản Việt Nam)"), "party")
            combo.addItem(_("State (Cộng hòa xã hội chủ nghĩa Việt Nam)"), "state")
            self.styles[kind] = combo
            self.ui.styles_form.addRow(label, combo)
        # their labels come from the catalog of documents: Alt+letters the rest of the dialog leaves free
        mnemonics.give(self, [self.ui.styles_form.labelForField(combo) for combo in self.styles.values()])
        # Two tabs (ui/settings_dialog.ui): no scrolling, even in the 1093x560 of 125 % on 1366x768.
        fit_to_screen(self, 860, self.sizeHint().height())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self._auto: dict[str, str] = {}
        self.province.currentIndexChanged.connect(self._province_changed)
        self.commune.currentIndexChanged.connect(self._commune_changed)
        self.show_org(self.org)

    def show_org(self, org: Organisation) -> None:
        index = self.province.findData(int(org.province_code)) if org.province_code.isdigit() else -1
        if index < 0 and org.province:
            index = self.province.findText(org.province)
        self.province.setCurrentIndex(max(index, 0))
        self._province_changed()
        index = self.commune.findData(int(org.commune_code)) if org.commune_code.isdigit() else -1
        if index < 0 and org.commune:
            index = self.commune.findText(org.commune)
        self.commune.blockSignals(True)
        self.commune.setCurrentIndex(max(index, 0))
        self.commune.blockSignals(False)
        self.party_committee.setText(org.party_committee)
        self.people_committee.setText(org.people_committee)
        self.front_committee.setText(org.front_committee)
        self.place_name.setText(org.place_name)
        self.party_signer.set(org.party_signer)
        self.state_signer.set(org.state_signer)
        for kind, combo in self.styles.items():
            combo.setCurrentIndex(max(combo.findData(org.header_style(kind)), 0))
        self.confidential.setChecked(org.show_confidential_names)

    def _province_changed(self, *_a) -> None:
        code = self.province.currentData()
        self.commune.blockSignals(True)
        self.commune.clear()
        self.commune.addItem(_(texts.CHOOSE), None)
        if code is not None:
            for ward_code, name in communes(code):
                self.commune.addItem(name, ward_code)
        self.commune.blockSignals(False)

    def _suggest(self, widget: QLineEdit, key: str, value: str) -> None:
        if not widget.text() or widget.text() == self._auto.get(key):
            widget.setText(value)
        self._auto[key] = value

    def _commune_changed(self, *_a) -> None:
        if self.commune.currentData() is None:
            return
        name = self.commune.currentText()
        short = Organisation(commune=name).commune_short
        self._suggest(self.party_committee, "party", f"Đảng ủy {name}")
        self._suggest(self.people_committee, "people", f"Ủy ban nhân dân {name}")
        self._suggest(self.front_committee, "front", f"Ủy ban Mặt trận Tổ quốc Việt Nam {name}")
        self._suggest(self.place_name, "place", short)

    def organisation(self) -> Organisation:
        org = Organisation(**{k: v for k, v in vars(self.org).items()})
        has_province = self.province.currentData() is not None
        has_commune = self.commune.currentData() is not None
        org.province = self.province.currentText() if has_province else ""
        org.province_code = str(self.province.currentData()) if has_province else ""
        org.commune = self.commune.currentText() if has_commune else ""
        org.commune_code = str(self.commune.currentData()) if has_commune else ""
        org.party_committee = self.party_committee.text()
        org.people_committee = self.people_committee.text()
        org.front_committee = self.front_committee.text()
        org.place_name = self.place_name.text()
        org.party_signer = self.party_signer.get()
        org.state_signer = self.state_signer.get()
        org.header_styles = {kind: combo.currentData() for kind, combo in self.styles.items()}
        org.show_confidential_names = self.confidential.isChecked()
        return org

    def save(self) -> None:
        org = self.organisation()

        def saved(stored):
            self.org = stored
            self.accept()

        def refused(exc) -> bool:
            if isinstance(exc, UserError):
                self.error.setText(exc.message)
            return False  # and the message

        # the settings change what some lists show (mediation parties' names)
        RecordOp(self, lambda: save_organisation(org), OpChanges.of("settings")) \
            .success(saved).failure(refused).run_in_background()
