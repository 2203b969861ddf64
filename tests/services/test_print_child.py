"""Long documents rendered in a child process: the file, the pages reported
as they are made, a message from the child, and Cancel leaving no file."""
from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest

from dvdesktop.errors import UserError
from dvdesktop.services.demo.generator import build_demo
from dvdesktop.services.printing.child import ChildCancelled, render_in_child
from dvdesktop.store import close_database, open_database


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("child") / "demo.sqlite3"
    open_database(str(path))
    build_demo(scale="commune", seed=2, reference=dt.date(2026, 11, 30))
    close_database()
    return str(path)


def test_a_roster_rendered_in_a_child_reports_its_pages(demo_db, tmp_path):
    seen = []
    out = render_in_child("roster", tmp_path / "danh-sach.pdf", {"on": dt.date(2026, 11, 30)}, database=demo_db,
                          progress=lambda pages, total, text: seen.append((pages, text)))
    assert out == tmp_path / "danh-sach.pdf"
    with pdfplumber.open(out) as pdf:
        pages = len(pdf.pages)
        text = pdf.pages[0].extract_text()
    assert "DANH SÁCH" in text.upper()
    assert (0, "data") in seen
    assert [p for p, _t in seen if p] == list(range(1, pages + 1))
    assert list(tmp_path.iterdir()) == [out]


def test_the_childs_message_comes_back_as_a_user_error(demo_db, tmp_path):
    with pytest.raises(UserError, match="loại văn bản"):
        render_in_child("no-such-kind", tmp_path / "x.pdf", {}, database=demo_db)
    assert not list(tmp_path.iterdir())


def test_cancel_kills_the_child_and_leaves_no_file(demo_db, tmp_path):
    started = []
    with pytest.raises(ChildCancelled):
        render_in_child("roster", tmp_path / "danh-sach.pdf", {}, database=demo_db,
                        progress=lambda pages, total, text: started.append(text), cancelled=lambda: bool(started))
    assert started and not list(tmp_path.iterdir())


def test_a_report_is_written_by_a_child_from_the_counted_figures(demo_db, tmp_path):
    from dvdesktop.services import reports

    open_database(demo_db)
    try:
        figures = reports.annual(2026, today=dt.date(2026, 11, 30))
    finally:
        close_database()
    pages = []
    from dvdesktop.services.printing.child import report_in_child

    out = report_in_child(figures, "pdf", tmp_path / "bao-cao.pdf", database=demo_db,
                          progress=lambda p, t, s: pages.append(p))
    with pdfplumber.open(out) as pdf:
        assert "BÁO CÁO" in pdf.pages[0].extract_text().upper()
        assert max(pages) == len(pdf.pages)
    assert list(tmp_path.iterdir()) == [out]
