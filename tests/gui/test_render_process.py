"""A long print job run off the GUI thread goes to a child process: the file
is written, the pages reach the task's progress, Cancel leaves no file; run
in the calling thread (no progress), it renders in this process as before."""
from __future__ import annotations

import datetime as dt

import pytest

from dvdesktop.gui.print_preview import PrintJob
from dvdesktop.gui.tasks import Cancelled, Progress
from dvdesktop.services import session
from dvdesktop.services.demo.generator import build_demo


@pytest.fixture()
def demo(tmp_path):
    path = tmp_path / "demo.sqlite3"
    session.open(str(path))
    build_demo(scale="commune", seed=4, reference=dt.date(2026, 11, 30))
    yield tmp_path
    session.close()


def test_a_roster_goes_to_a_child_process_and_reports_pages(demo):
    texts = []
    progress = Progress(lambda done, total, text: texts.append(text))
    (demo / "out").mkdir()
    out = PrintJob("roster", {}).write(demo / "out" / "danh-sach.pdf", progress)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert "Đang chuẩn bị văn bản: trang 1" in texts or "Preparing the document: page 1" in texts


def test_cancel_stops_the_child_without_a_file(demo):
    (demo / "out").mkdir()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        PrintJob("roster", {}).write(demo / "out" / "danh-sach.pdf", progress)
    assert not list((demo / "out").iterdir())


def test_without_progress_it_renders_here(demo):
    out = PrintJob("roster", {}).write(demo / "here.pdf")
    assert out.read_bytes().startswith(b"%PDF")
