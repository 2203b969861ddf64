"""Automatic backups: the folder (a USB stick, a network share), on closing
and once a day, the copies kept there (7 daily, 4 weekly, 12 monthly), and a
copy now. Settings of this computer (services/autobackup.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from ..errors import UserError
from ..services import autobackup
from ..services.autobackup import BackupSettings
from . import designer
from .dialogs import messages
from .generated.ui_backup_settings_dialog import Ui_BackupSettingsDialog
from .i18n import _


class BackupSettingsDialog(QDialog):
    def __init__(self, parent, database_path: str):
        super().__init__(parent)
        self.database_path = database_path
        designer.setup(self, Ui_BackupSettingsDialog)  # ui/backup_settings_dialog.ui
        settings = autobackup.load_settings()
        self.folder.setText(settings.folder)
        self.folder.setPlaceholderText(str(BackupSettings().target_folder()))
        self.on_close.setChecked(settings.on_close)
        self.daily.setChecked(settings.daily)
        self.choose_button.clicked.connect(self.choose)
        self.now_button.clicked.connect(self.back_up_now)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.list_copies()

    def _settings(self) -> BackupSettings:
        return BackupSettings(folder=self.folder.text().strip(), on_close=self.on_close.isChecked(),
                              daily=self.daily.isChecked())

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Backup folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.list_copies()

    def list_copies(self) -> None:
        self.copies.clear()
        found = autobackup.copies(self._settings().target_folder(), Path(self.database_path).stem)
        for taken, path in found:
            self.copies.addItem(f"{taken:%d/%m/%Y %H:%M:%S}   {path.name}")
        if not found:
            self.copies.addItem(_("No copy in this folder yet."))

    def back_up_now(self) -> None:
        from .print_preview import run_off_thread

        settings = self._settings()

        def done(copy):
            self.status.setText(_("Copy written and checked: {name} ({records} records).").format(
                name=copy.path.name, records=copy.records))
            self.list_copies()

        run_off_thread(self, lambda: autobackup.back_up(self.database_path, settings.target_folder()), done,
                       _("Backing up the data"), error_title=_("Automatic backups"))

    def save(self) -> None:
        try:
            autobackup.save_settings(self._settings())
        except UserError as exc:
            messages().warning(self, _("Automatic backups"), exc.message)
            return
        self.accept()
