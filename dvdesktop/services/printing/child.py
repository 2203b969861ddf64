"""Long documents rendered in a child process (no Qt here).

A province's register or roster runs to a thousand pages or more: rendered
in a thread of the window's process it holds Python's lock for seconds at a
time and the window stutters. In a process of its own it takes the other
core, and the window's thread only waits on a pipe.

    render_in_child("roster", "danh-sach.pdf", {}, progress=lambda done, total, text: …,
                    cancelled=lambda: clerk_pressed_cancel)

The child reads the same database (its location passed in the environment,
never on the command line where a password would show), writes the file the
way print_document always does (rendered in memory, then written under a
temporary name and renamed), and reports on its standard output, one line
each: "phase TEXT", "page N", "done PATH" or "error MESSAGE". Cancelling
kills the child and removes its temporary file: no partial file is left.

`python -m dvdesktop.services.printing.child KIND OUTPUT OPTIONS_JSON`
`python -m dvdesktop.services.printing.child --report FIGURES_PICKLE pdf|docx|xlsx OUTPUT`
"""
from __future__ import annotations

import datetime as dt
import json
import os
import selectors
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from ...errors import UserError

# Printed kinds that may run to hundreds of pages (a whole commune or
# province); the others are a page or two and print faster than a process starts.
LONG_KINDS = frozenset({"roster", "register", "supervision-list", "concerns", "evaluation-report"})
DB_ENV = "DVDESKTOP_CHILD_DB"
POLL_SECONDS = 0.1


class ChildCancelled(Exception):
    """The render was cancelled; the child is gone and left no file."""


def _encode(options: dict) -> str:
    return json.dumps({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in options.items()},
                      ensure_ascii=False)


def _temporary_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")  # documents.render.write's temporary name


def render_in_child(kind: str, path: str | Path, options: dict, *, database: str,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Path:
    """Write the document *kind* to *path* in a child process; *progress* gets
    (pages done, 0, text) as it goes. Raises ChildCancelled once *cancelled()*
    says so (checked ten times a second), UserError with the child's message."""
    return _run_child([kind, str(path), _encode(options)], Path(path), database, progress, cancelled)


def report_in_child(figures, kind: str, path: str | Path, *, database: str,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> Path:
    """The report of *figures* (counted already: services.reports) written as
    *kind* (pdf, docx, xlsx) to *path* in a child process, as render_in_child.
    The figures travel in a temporary pickle file, removed afterwards."""
    import pickle
    import tempfile

    with tempfile.NamedTemporaryFile(prefix="dvdesktop-report-", suffix=".pickle", delete=False) as f:
        pickle.dump(figures, f, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        return _run_child(["--report", f.name, kind, str(path)], Path(path), database, progress, cancelled)
    finally:
        os.unlink(f.name)


def _run_child(arguments: list[str], path: Path, database: str, progress, cancelled) -> Path:
    env = dict(os.environ, **{DB_ENV: database})
    child = subprocess.Popen([sys.executable, "-m", __name__, *arguments], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    error, done = None, None
    try:
        while True:
            if cancelled():
                raise ChildCancelled()
            if not selector.select(POLL_SECONDS):
                if child.poll() is not None and not selector.select(0):
                    break
                continue
            line = child.stdout.readline()
            if not line:
                break
            word, _, rest = line.rstrip("\n").partition(" ")
            if word == "page" and progress is not None:
                progress(int(rest), 0, "")
            elif word == "phase" and progress is not None:
                progress(0, 0, rest)
            elif word == "done":
                done = Path(rest)
            elif word == "error":
                error = rest
        child.wait()
    except BaseException:
        child.kill()
        child.wait()
        child.stderr.close()
        _temporary_of(path).unlink(missing_ok=True)
        raise
    finally:
        selector.close()
        child.stdout.close()
    stderr = child.stderr.read()
    child.stderr.close()
    if error is not None:
        raise UserError(error)
    if child.returncode != 0 or done is None:
        _temporary_of(path).unlink(missing_ok=True)
        raise RuntimeError(f"the document process failed ({child.returncode}): {stderr[-2000:]}")
    return done


def _report_pages() -> None:
    """Print "page N" as reportlab starts each page (this process only)."""
    from reportlab.platypus.doctemplate import BaseDocTemplate

    begin = BaseDocTemplate.handle_pageBegin

    def handle_page_begin(self, *args, **kwargs):
        begin(self, *args, **kwargs)
        print(f"page {self.page}", flush=True)

    BaseDocTemplate.handle_pageBegin = handle_page_begin


def _report(figures_file: str, kind: str, output: str) -> Path:
    import pickle

    from ..reports.choices import render, save_bytes

    with open(figures_file, "rb") as f:
        figures = pickle.load(f)  # noqa: S301 - written a moment ago by the parent process
    print("phase render", flush=True)
    return save_bytes(render(figures, kind), output)


def main(argv: list[str]) -> int:
    from . import catalog
    from ..session import open as open_database

    try:
        open_database(os.environ[DB_ENV], create=False)
        if argv[0] == "--report":
            _report_pages()
            written = _report(*argv[1:4])
            print(f"done {written}", flush=True)
            return 0
        kind, output, options = argv[0], argv[1], json.loads(argv[2])
        for name in ("on",):
            if isinstance(options.get(name), str):
                options[name] = dt.date.fromisoformat(options[name])
        catalog.kind(kind)  # an unknown kind: a UserError
        _report_pages()
        print("phase data", flush=True)
        from .output import print_document

        written = print_document(kind, output, **options)
    except UserError as exc:
        print(f"error {exc.message}", flush=True)
        return 1
    print(f"done {written}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
