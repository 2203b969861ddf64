"""Automatic backups: the folder (a USB stick, a network share), on closing
and once a day, the copies kept there (7 daily, 4 weekly, 12 monthly), and a
copy now. Settings of this computer (services/autobackup.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
    QVBoxLayout,
)

from ..errors import UserError
from ..services import autobackup
from ..services.autobackup import BackupSettings
from .dialogs import messages
from .i18n import _
from .widgets import dialog_buttons


class BackupSettingsDialog(QDialog):
    def __init__(self, parent, database_path: str):
        super().__init__(parent)
        self.database_path = database_path
        self.setWindowTitle(_("Automatic backups"))
        settings = autobackup.load_settings()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(settings.folder)
        self.folder.setPlaceholderText(str(BackupSettings().target_folder()))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(_("Folder"), row)
        self.on_close = QCheckBox(_("Back up when the program closes"))
        self.on_close.setChecked(settings.on_close)
        self.daily = QCheckBox(_("Back up once a day"))
        self.daily.setChecked(settings.daily)
        form.addRow("", self.on_close)
        form.addRow("", self.daily)
        layout.addLayout(form)
        note = QLabel(_("Kept: the latest copy of each of the last 7 days, 4 weeks and 12 months. "
                        "Each copy is read back and checked after it is written."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.copies = QListWidget()
        layout.addWidget(self.copies, 1)
        now = QPushButton(_("Back up now"))
        now.clicked.connect(self.back_up_now)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(now)
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)
        layout.addWidget(dialog_buttons(self, self.save))
        self.list_copies()
        self.resize(640, 420)

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
