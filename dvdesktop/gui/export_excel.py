"""«Xuất Excel…» on the list sections: the lists a section shows (declared in
services.exporting) written to an .xlsx file off the GUI thread. Sensitive
personal data goes into the file only when the clerk says so."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu, QPushButton

from .dialogs import messages
from .errors import report
from .i18n import _

# section class → the export kinds it offers (services.exporting.EXPORT_KINDS keys)
KINDS_OF_SECTION = {
    "AreasTeamsSection": ("areas", "teams", "memberships"),
    "PeopleSection": ("people", "memberships"),
    "MeetingsSection": ("meetings",),
    "OutreachSection": ("outreach",),
    "ConcernsSection": ("concerns",),
    "MediationSection": ("mediation",),
    "ExemplarySection": ("models",),
    "EvaluationSection": ("evaluations",),
}


def add_export_button(section, bar) -> QPushButton | None:
    """Put «Xuất Excel…» in *bar* when the section has lists to export."""
    keys = KINDS_OF_SECTION.get(type(section).__name__)
    if not keys:
        return None
    button = QPushButton(_("Export to Excel…"))
    if len(keys) == 1:
        button.clicked.connect(lambda: export_kind(section, keys[0]))
    else:
        menu = QMenu(button)

        def fill() -> None:
            # on the first opening: services.exporting brings openpyxl, lxml and PIL
            # (~0.1 s, ~10 MB), which a list shown on the screen does not need
            if menu.isEmpty():
                from ..services.exporting import kind

                for key in keys:
                    menu.addAction(kind(key).title, lambda k=key: export_kind(section, k))

        menu.aboutToShow.connect(fill)
        button.setMenu(menu)
    bar.addWidget(button)
    section.export_button = button
    return button


def export_kind(section, key: str) -> None:
    from ..services.exporting import export_to_file, kind

    spec = kind(key)
    path = messages().save_file(section, _("Export to Excel"), f"{spec.file_name}.xlsx",
                                _("Excel workbooks (*.xlsx)"))
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    sensitive = False
    if spec.sensitive:
        sensitive = messages().confirm(section, _("Export to Excel"), _(
            "Include sensitive personal data ({what})? Answer No unless the file is meant for someone "
            "allowed to see it.").format(what=spec.sensitive), destructive=True)

    def done(n):
        section.status.emit(_("Wrote {n} rows to {file}.").format(n=n, file=Path(path).name))

    def work(progress):
        progress.update(0, 0, spec.title)
        return export_to_file(key, path, include_sensitive=sensitive)

    runner = getattr(getattr(section, "window_", None), "runner", None)
    if runner is None:
        try:
            done(work(_NoProgress()))
        except Exception as exc:  # noqa: BLE001 - said in plain words
            report(exc, section)
        return
    runner.run(work, on_done=done, on_error=lambda exc: report(exc, section), label=_("Exporting to Excel"))


class _NoProgress:
    def update(self, *args) -> None:
        pass
