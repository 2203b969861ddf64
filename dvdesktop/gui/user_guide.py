"""Help → User guide: a short guide inside the program (daily work,
printing, backing up and restoring, the red rows, Excel, data packages, the
Administration menu), in the UI language (docs/huong-dan-can-bo.md is the long one)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from . import designer
from .generated.ui_user_guide import Ui_UserGuide
from .i18n import _
from .widgets import fit_to_screen


def guide_html() -> str:
    """The guide as simple HTML: headings and short paragraphs, all translated."""
    parts = [
        ("h2", _("User guide")),
        ("h3", _("Opening your data")),
        ("p", _("The program opens the database used last. File → Open a database… opens another file; "
                "File → Connect to a server… opens the office's shared data; File → Recent databases lists "
                "the ones opened before. File → Open the demo data shows a sample commune to practise on.")),
        ("h3", _("Daily work")),
        ("p", _("Choose a part on the left (areas and teams, members, meetings, outreach, concerns, "
                "mediation …). The list shows the records of the year chosen at the top right; the form on the "
                "right shows the selected one. New (Ctrl+N) starts a record, Save (Ctrl+S) keeps it, Delete "
                "moves it to the trash, from where it can be put back.")),
        ("p", _("Every list shows the number a person knows (minutes «03-BB/TDV», case «05/2025»); the search "
                "box finds names with or without diacritics.")),
        ("h3", _("Red rows")),
        ("p", _("A red row is overdue: a concern not answered by its due date, a task or a mediation case "
                "past its deadline. Grey rows no longer count (ended, closed).")),
        ("h3", _("Printing")),
        ("p", _("The «Print…» button of a list prints the selected record or the list (minutes, registers, "
                "decisions). The preview shows the pages; save them as PDF or Word. The file name offered "
                "contains the record's number, and the folder used last is offered again.")),
        ("h3", _("Backing up and restoring")),
        ("p", _("File → Back up the data… copies the whole database into one file, even while you work. Keep "
                "copies on a USB stick or another computer, at least once a week.")),
        ("p", _("File → Restore from a backup… shows the copy's date and what it holds before anything is "
                "replaced; the database it replaces is kept beside it, so nothing is lost.")),
        ("h3", _("Excel: importing and exporting")),
        ("p", _("The Members part and the Areas and teams part have an «Import from Excel…» button: choose the "
                ".xlsx file as the commune keeps it (title rows, merged cells and old TCVN3 or VNI fonts are "
                "fine). The preview lists every row and its mistakes; nothing is written while a row is wrong. "
                "People and areas already there are updated, not added twice.")),
        ("p", _("Every list has an «Export to Excel…» button: Vietnamese column names, dates as dates. The "
                "people behind a concern and the parties of a mediation case are exported only if you agree.")),
        ("h3", _("Data packages for the province")),
        ("p", _("File → Export a data package for the province… writes all the commune's records into one .dvx "
                "file to send; sensitive personal data goes with it only if you say so, accounts and the audit "
                "trail never do. At the province: File → Import a data package from a commune… shows what will "
                "be added and updated before writing; importing the same package again adds nothing twice.")),
        ("h3", _("Administration: accounts, audit trail, personal data")),
        ("p", _("The Administration menu (everything for an administrator; for others only «Change my "
                "password…»): Accounts… adds accounts, resets passwords and sets each person's role "
                "(administrator, clerk, read only) and access to confidential records; Audit trail… shows who "
                "changed what and when, and cannot be edited; Personal data… exports or erases what is kept "
                "about one person; Automatic backups… chooses the folder of the daily backups (for a database "
                "on this computer) and lists the copies kept.")),
        ("p", _("A password guards the program, not the file: anyone who copies the database or a backup can "
                "read it. Keep the file and the backup USB stick where only the office's staff can reach them.")),
        ("h3", _("When the data cannot be opened")),
        ("p", _("The window says why (a damaged file, a newer version of the program, a file in use, a server "
                "out of reach) and offers to open another file, connect to a server, restore a backup or "
                "create a new database. A file on a CD or a write-protected USB stick opens read-only: you "
                "can look and print, not save.")),
    ]
    return "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)


class UserGuide(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        designer.setup(self, Ui_UserGuide)  # ui/user_guide.ui
        self.text.setHtml(guide_html())
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 640, 620)

    def save(self) -> None:  # the dialog service's "done" (nothing to keep)
        self.accept()
