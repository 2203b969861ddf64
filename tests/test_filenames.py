"""File names valid on Windows: the rule, the two cleaners, and every name the
program suggests or writes by itself (the audit: print and report screens,
the upgrade copy beside a database, also on a network share)."""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvdesktop.filenames import MAX_LENGTH, is_valid_windows_name, slug, windows_safe

NASTY = ["Thôn Nà Khoang: tổ 1?", "Biên bản họp *đột xuất*", 'Xã "Nậm Pồ"', "a/b\\c|d<e>f", "kết thúc.",
         "con", "LPT1", "Tổ dân vận " * 40, "", "...", "\t\n", "Tô\u0309 dân vận"]  # last: typed decomposed


@pytest.mark.parametrize(("name", "valid"), [
    ("bien-ban-hop.pdf", True), ("Nguyễn Thị Hằng.sqlite3", True), ("Báo cáo quý III.docx", True),
    ("a:b.pdf", False), ("ai?.pdf", False), ("tên.", False), ("tên ", False), ("CON", False), ("con.pdf", False),
    ("Com3.txt", False), ("console.pdf", True), ("a\x01b", False), ("", False), ("..", False), ("x" * 256, False),
])
def test_the_rule(name, valid):
    assert is_valid_windows_name(name) is valid


def test_windows_safe_keeps_the_letters_and_the_ending():
    assert windows_safe("Báo cáo: quý III?.pdf") == "Báo cáo- quý III.pdf"
    assert windows_safe("Danh sách tổ.") == "Danh sách tổ"
    assert windows_safe("CON.pdf") == "CON_.pdf" and windows_safe("con.tar.gz") == "con_.tar.gz"
    assert windows_safe("") == "van-ban" and windows_safe("???") == "van-ban"
    assert windows_safe("To\u0302\u0309 da\u0302n va\u0323\u0302n.docx") == "Tổ dân vận.docx"  # NFC
    long = windows_safe("Tổ dân vận " * 40 + ".xlsx")
    assert long.endswith(".xlsx") and len(long) <= MAX_LENGTH + 5


def test_slug_is_folded_ascii():
    assert slug("Biên bản họp", "Thôn Nà Khoang: tổ 1?") == "bien-ban-hop-thon-na-khoang-to-1"
    assert slug("Đường liên thôn") == "duong-lien-thon"
    assert slug("", "...") == "van-ban" and slug("con") == "con_"


@given(st.text(max_size=300))
def test_any_text_gives_a_valid_name(text):
    for name in (windows_safe(text), windows_safe(text + ".pdf"), slug(text), slug(text, text)):
        assert is_valid_windows_name(name), (text, name)
        assert unicodedata.is_normalized("NFC", name)
    assert slug(text).isascii()


def test_every_printed_kind_suggests_a_valid_name():
    from dvdesktop.gui.print_preview import safe_stem
    from dvdesktop.services.printing.catalog import KINDS

    for kind in KINDS.values() if isinstance(KINDS, dict) else KINDS:
        for offer in kind.offers:
            for subject in NASTY:
                for ending in (".pdf", ".docx"):
                    name = safe_stem(offer.file_name or kind.file_name, subject) + ending
                    assert is_valid_windows_name(name), (kind.key, subject, name)


def test_every_report_period_suggests_a_valid_name():
    from dvdesktop.services.reports.choices import period_stem
    from dvdesktop.services.reports.periods import Period

    periods = [Period.year(2026), *(Period.quarter(2026, q) for q in range(1, 5)),
               *(Period.month(2026, m) for m in range(1, 13)), Period(dt.date(2026, 1, 15), dt.date(2026, 2, 28))]
    for period in periods:
        for commune in ("", *NASTY):
            for ending in (".pdf", ".docx", ".xlsx"):
                name = period_stem(period, commune) + ending
                assert is_valid_windows_name(name), (period, commune, name)
    assert period_stem(Period.year(2026)) == "bao-cao-tong-ket-2026"


def test_the_copy_before_an_upgrade_is_valid_and_stays_beside_the_database_on_a_share():
    from dvdesktop.store.database import upgrade_backup_path

    db = PureWindowsPath(r"\\may-chu\du-lieu\Xã Nậm Pồ\dvdesktop.sqlite3")
    copy = upgrade_backup_path(db, 3, dt.datetime(2026, 1, 5, 9, 30, 0))
    assert copy == PureWindowsPath(r"\\may-chu\du-lieu\Xã Nậm Pồ\dvdesktop.v3-20260105-093000.bak.sqlite3")
    assert copy.anchor == "\\\\may-chu\\du-lieu\\" and is_valid_windows_name(copy.name)
    local = PureWindowsPath(r"C:\Users\Nguyễn Thị Hằng\AppData\Local\dvdesktop\dvdesktop\dvdesktop.sqlite3")
    assert is_valid_windows_name(upgrade_backup_path(local, 12, dt.datetime(2026, 12, 31, 23, 59, 59)).name)


def test_a_document_or_report_is_not_written_under_a_name_windows_refuses(tmp_path):
    from dvdesktop.documents import blocks as B
    from dvdesktop.documents.render import write
    from dvdesktop.errors import UserError
    from dvdesktop.services.reports.choices import save_bytes

    for name in ("Báo cáo: quý III.pdf", "con.docx", "ai?.xlsx"):
        with pytest.raises(UserError, match="không dùng được trên Windows"):
            if name.endswith(".xlsx"):
                save_bytes(b"PK", tmp_path / name)
            else:
                write(B.Document("state"), tmp_path / name)
        assert not list(tmp_path.iterdir())
    assert save_bytes(b"PK", tmp_path / "Báo cáo quý III.xlsx").is_file()
