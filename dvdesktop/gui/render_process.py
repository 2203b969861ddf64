"""A print job rendered in a child process, driven from a TaskRunner's worker
thread: the thread only waits on the child's pipe, so the GUI thread keeps
Python's lock and the window answers while a thousand pages render; the
child's pages move the progress bar, Cancel kills the child."""
from __future__ import annotations

from pathlib import Path

from .i18n import _
from .tasks import Cancelled, Progress


def _database() -> str:
    from ..services import session

    info = session.current()
    if info is None:
        raise RuntimeError("no database is open")
    return info.target


def _step(progress: Progress):
    def step(pages: int, _total: int, text: str) -> None:
        progress.update(0, 0, _("Preparing the document: page {n}").format(n=pages) if pages
                        else _("Preparing the document…"))
    return step


def render_job(job, path, progress: Progress) -> Path:
    from ..services.printing.child import ChildCancelled, render_in_child

    try:
        return render_in_child(job.kind, path, job.options, database=_database(), progress=_step(progress),
                               cancelled=lambda: progress.cancelled)
    except ChildCancelled:
        raise Cancelled() from None


def render_report(figures, kind: str, path, progress: Progress) -> Path:
    """The annual or period report written as *kind* in a child process."""
    from ..services.printing.child import ChildCancelled, report_in_child

    try:
        return report_in_child(figures, kind, path, database=_database(), progress=_step(progress),
                               cancelled=lambda: progress.cancelled)
    except ChildCancelled:
        raise Cancelled() from None
