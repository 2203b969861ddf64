"""The command line a clerk can read: argparse in Vietnamese, `list`, teams
by name, minutes and cases by number, both date forms, restore, read-only
databases, and every error path as one Vietnamese sentence with nothing
changed on disk."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from dvdesktop.cli import COMMANDS, build_parser, main
from dvdesktop.store import close_database, open_database

from tests.read_only import read_only_copy, snapshot

ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:", "show this help message",
           "show program's version", "CMD_DB", "OUTPUT", "YEAR", "TEAM", "invalid choice", "required:",
           "unrecognized arguments", "error:")


@pytest.fixture
def commune(tmp_path):
    """A closed SQLite file: two teams with the same words in their names, a
    third, minutes numbered per team, mediation cases numbered per year."""
    from dvdesktop.services.mediation.records import MediationCaseService as MediationService
    from dvdesktop.services.meetings import MeetingService
    from dvdesktop.services.register import AreaService, TeamService

    path = tmp_path / "xa.sqlite3"
    open_database(str(path))
    teams = {}
    for name in ("Huổi Thủng 1", "Huổi Thủng 2", "Nà Khoang"):
        area = AreaService.create({"name": name, "kind": "bản", "commune": "xã Nà Hỳ"})
        teams[name] = TeamService.create({"area": area.id, "established_on": "05/01/2020"}).id
    for name in ("Huổi Thủng 1", "Nà Khoang"):
        for n, day in enumerate(("10/03/2025", "12/06/2025", "03/09/2025"), start=1):
            MeetingService.create({"team": teams[name], "starts_at": f"{day} 19:30", "number": f"0{n}-BB/TDV",
                                   "title": f"Họp định kỳ quý {n}"})
    MediationService.create({"received_on": "04/02/2025", "number": "05/2025", "team": teams["Nà Khoang"],
                             "kind": "Tranh chấp ranh giới đất", "summary": "bí mật", "outcome": "khong_thanh",
                             "closed_on": "20/02/2025"})
    close_database()
    return {"path": str(path), "teams": teams}


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def usage_error(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in argv])
    assert exc.value.code == 2
    return capsys.readouterr().err


# --- argparse in Vietnamese ---------------------------------------------------------

def _helps():
    def walk(name, parser):
        yield name, parser.format_help()
        for action in parser._actions:  # subcommands: evaluate criteria export, report annual …
            choices = getattr(action, "choices", None)
            for sub, child in (choices.items() if isinstance(choices, dict) else ()):
                if hasattr(child, "format_help"):
                    yield from walk(f"{name} {sub}", child)

    yield from walk("dvdesktop", build_parser())


def test_every_help_is_vietnamese():
    seen = 0
    for name, text in _helps():
        seen += 1
        for word in ENGLISH:
            assert word not in text, (name, word)
        assert text.startswith("cách dùng: "), name
        assert "in hướng dẫn này rồi thoát" in text
    assert seen >= len(COMMANDS) + 6  # evaluate suggest, criteria export/import, report annual/period
    print_help = dict(_helps())["dvdesktop print"]
    assert "--db CSDL" in print_help and "-o TỆP" in print_help and "--team TỔ" in print_help


def test_usage_errors_are_vietnamese(capsys):
    err = usage_error(capsys, "print", "bienban", "-o", "x.pdf")
    assert "không có lựa chọn 'bienban'" in err and "cách dùng:" in err and "invalid" not in err
    err = usage_error(capsys, "stats", "--bogus")
    assert "không hiểu các tham số: --bogus" in err
    err = usage_error(capsys, "backup")
    assert "còn thiếu tham số bắt buộc: -o/--output" in err
    err = usage_error(capsys, "print", "minutes", "--id", "ba", "-o", "x.pdf")
    assert "giá trị 'ba' không hợp lệ (cần một số nguyên)" in err
    err = usage_error(capsys, "list", "meetings", "--year")
    assert "cần một giá trị" in err
    err = usage_error(capsys, "nhap")
    assert "không có lựa chọn 'nhap'" in err


# --- list --------------------------------------------------------------------------

def test_list_meetings_of_a_team_by_name_and_year(commune, capsys):
    code, out, err = run(capsys, "list", "meetings", "--year", 2025, "--team", "na khoang", "--db", commune["path"])
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Số", "Ngày", "Tổ", "/", "địa", "bàn", "Tiêu", "đề"]
    assert "03-BB/TDV" in lines[4] and "03/09/2025" in lines[4] and "Tổ dân vận bản Nà Khoang" in lines[4]
    assert lines[-1] == "3 cuộc họp."
    assert not any("Huổi" in line for line in lines)


def test_list_json_and_team_by_id(commune, capsys):
    team = commune["teams"]["Huổi Thủng 1"]
    code, out, _err = run(capsys, "list", "meetings", "--team", team, "--json", "--db", commune["path"])
    rows = json.loads(out)
    assert code == 0 and [r["number"] for r in rows] == ["01-BB/TDV", "02-BB/TDV", "03-BB/TDV"]
    assert rows[0]["date"] == "2025-03-10" and rows[0]["team"] == "Tổ dân vận bản Huổi Thủng 1"
    code, out, _err = run(capsys, "list", "mediation", "--json", "--db", commune["path"])
    (case,) = json.loads(out)
    assert case["number"] == "05/2025" and case["title"] == "Tranh chấp ranh giới đất"
    assert "bí mật" not in out  # the summary is confidential


@pytest.mark.parametrize("kind", ["areas", "teams", "people", "meetings", "outreach", "concerns", "mediation"])
def test_list_every_kind(commune, capsys, kind):
    code, out, err = run(capsys, "list", kind, "--db", commune["path"])
    assert code == 0 and err == "" and out.splitlines()[0].startswith("ID")


def test_team_names_ambiguous_and_unknown(commune, capsys):
    code, out, err = run(capsys, "list", "meetings", "--team", "HUOI THUNG", "--db", commune["path"])
    assert code == 1 and out == ""
    t1, t2 = commune["teams"]["Huổi Thủng 1"], commune["teams"]["Huổi Thủng 2"]
    assert err.startswith("Lỗi: «HUOI THUNG» khớp với 2 tổ:")
    assert f"{t1} (Tổ dân vận bản Huổi Thủng 1)" in err and f"{t2} (Tổ dân vận bản Huổi Thủng 2)" in err
    code, out, err = run(capsys, "list", "meetings", "--team", "huổi thủng 2", "--db", commune["path"])
    assert code == 0 and out.splitlines()[-1] == "0 cuộc họp."
    code, _out, err = run(capsys, "list", "meetings", "--team", "Pa Tần", "--db", commune["path"])
    assert code == 1 and "Không có Tổ dân vận nào tên «Pa Tần»" in err
    code, _out, err = run(capsys, "list", "meetings", "--team", 999, "--db", commune["path"])
    assert code == 1 and "Không có Tổ dân vận số 999" in err


# --- print by number, dates ----------------------------------------------------------

def _pdf_text(path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_print_minutes_by_number_and_year(commune, capsys, tmp_path):
    out_file = tmp_path / "bien-ban.pdf"
    code, _out, err = run(capsys, "print", "minutes", "--number", "03-BB/TDV", "--year", 2025,
                          "--db", commune["path"], "-o", out_file)
    assert code == 1 and "có 2 cuộc họp số «03-BB/TDV»" in err and "--team" in err and not out_file.exists()
    code, _out, err = run(capsys, "print", "minutes", "--number", "03-BB/TDV", "--year", 2025, "--team", "Nà Khoang",
                          "--db", commune["path"], "-o", out_file)
    assert code == 0, err
    text = _pdf_text(out_file)
    assert "Nà Khoang" in text and "03/09/2025" in text or "03 tháng 9 năm 2025" in text or "tháng 9" in text
    code, _out, err = run(capsys, "print", "minutes", "--number", "03-BB/TDV", "--team", "Nà Khoang",
                          "--db", commune["path"], "-o", out_file)
    assert code == 1 and "cần kèm năm" in err


def test_print_mediation_by_case_number_with_its_year(commune, capsys, tmp_path):
    out_file = tmp_path / "hoa-giai.pdf"
    code, _out, err = run(capsys, "print", "mediation", "--number", "05/2025", "--db", commune["path"], "-o", out_file)
    assert code == 0 and out_file.exists(), err
    code, _out, err = run(capsys, "print", "mediation", "--number", "07/2025", "--db", commune["path"], "-o", out_file)
    assert code == 1 and "Không có vụ việc hòa giải số «07/2025» trong năm 2025" in err


def test_both_date_forms_give_the_same_paper(commune, capsys, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for day, target in (("01/03/2025", a), ("2025-03-01", b)):
        code, _out, err = run(capsys, "print", "roster", "--team", "nà khoang", "--on", day,
                              "--db", commune["path"], "-o", target)
        assert code == 0, err
    assert _pdf_text(a) == _pdf_text(b)
    err = usage_error(capsys, "print", "roster", "--on", "31/02/2025", "-o", a)
    assert "ngày «31/02/2025» không hợp lệ; viết dd/mm/yyyy hoặc yyyy-mm-dd" in err
    for start, end in (("2025-01-01", "31/03/2025"), ("01/01/2025", "2025-03-31")):
        code, _out, err = run(capsys, "report", "period", "--from", start, "--to", end, "--db", commune["path"],
                              "-o", tmp_path / "bao-cao.pdf")
        assert code == 0, err


# --- error paths: one sentence, nothing changed on disk ---------------------------------

def test_print_into_a_missing_or_unwritable_folder(commune, capsys, tmp_path):
    missing = tmp_path / "khong-co" / "a.pdf"
    code, _out, err = run(capsys, "print", "roster", "--db", commune["path"], "-o", missing)
    assert code == 1 and f"Thư mục «{missing.parent}» không tồn tại" in err and not missing.parent.exists()
    locked = tmp_path / "khoa"
    locked.mkdir()
    os.chmod(locked, 0o555)
    from tests.read_only import without_root_override

    try:
        with without_root_override():
            code, _out, err = run(capsys, "print", "roster", "--db", commune["path"], "-o", locked / "a.pdf")
    finally:
        os.chmod(locked, 0o755)
    assert code == 1 and f"Không ghi được vào thư mục «{locked}»" in err
    assert "không mong muốn" not in err and list(locked.iterdir()) == []
    (tmp_path / "thu-muc.pdf").mkdir()
    code, _out, err = run(capsys, "print", "roster", "--db", commune["path"], "-o", tmp_path / "thu-muc.pdf")
    assert code == 1 and "là một thư mục" in err


def test_print_names_the_folder_before_any_work(tmp_path):
    """services.printing.print_document on its own (the GUI's path): the folder is checked
    before the document is built (no database needed to be refused), in the one sentence."""
    from dvdesktop.errors import UserError
    from dvdesktop.services.files import not_writable
    from dvdesktop.services.printing import print_document

    from tests.read_only import without_root_override

    locked = tmp_path / "khoa"
    locked.mkdir()
    os.chmod(locked, 0o555)
    try:
        with without_root_override(), pytest.raises(UserError) as exc:
            print_document("roster", locked / "x.pdf")
    finally:
        os.chmod(locked, 0o755)
    assert exc.value.message == not_writable(locked) and list(locked.iterdir()) == []


def test_backup_never_creates_a_folder_and_says_sizes_in_vietnamese(commune, capsys, tmp_path):
    missing = tmp_path / "USB" / "sao-luu.sqlite3"
    code, _out, err = run(capsys, "backup", "--db", commune["path"], "-o", missing)
    assert code == 1 and f"Thư mục «{missing.parent}» không tồn tại" in err
    assert not missing.parent.exists()
    code, out, err = run(capsys, "backup", "--db", commune["path"], "-o", tmp_path / "sao-luu.sqlite3")
    assert code == 0 and err == ""
    import re

    assert re.search(r"\d+,\d (kB|MB) vào", out), out


def _file(name: str, content: bytes):
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(content)
        return folder / name

    return make


@pytest.mark.parametrize("make, words", [
    (lambda d: d, "là một thư mục"),
    (_file("rac.sqlite3", b"khong phai SQLite " * 100), "không phải cơ sở dữ liệu"),
    (lambda d: d / "khong-co.sqlite3", "Không tìm thấy cơ sở dữ liệu"),
    (_file("trong.sqlite3", b""), "còn trống"),
])
@pytest.mark.parametrize("command", [["stats"], ["check"], ["list", "teams"]])
def test_unusable_database_in_one_sentence_and_untouched(capsys, tmp_path, make, words, command):
    target = make(tmp_path)
    before = snapshot(tmp_path / "x")
    code, out, err = run(capsys, *command, "--db", target)
    assert code == 1 and out == "" and err.startswith("Lỗi: ") and words in err, err
    assert err.count("\n") == 1 and "Error" not in err
    assert snapshot(tmp_path / "x") == before


def test_newer_database_is_refused_in_words(commune, capsys):
    conn = sqlite3.connect(commune["path"])
    conn.execute("UPDATE dv_meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = Path(commune["path"]).read_bytes()
    code, _out, err = run(capsys, "stats", "--db", commune["path"])
    assert code == 1 and "phiên bản mới hơn" in err and Path(commune["path"]).read_bytes() == before


# --- read-only databases ------------------------------------------------------------------

def test_read_only_database_for_looking_and_printing(commune, capsys, tmp_path):
    out_file = tmp_path / "danh-sach.pdf"
    with read_only_copy(commune["path"], tmp_path / "Đĩa CD #1") as path:  # spaces, diacritics, '#' in the path
        before = snapshot(path)
        code, out, err = run(capsys, "stats", "--db", path, "--json")
        assert code == 0 and json.loads(out)["teams"] == 3, err
        code, out, err = run(capsys, "check", "--db", path)
        assert code == 0 and "tốt" in out, err
        code, out, err = run(capsys, "list", "meetings", "--db", path)
        assert code == 0 and out.splitlines()[-1] == "6 cuộc họp.", err
        code, out, err = run(capsys, "print", "roster", "--team", "Nà Khoang", "--db", path, "-o", out_file)
        assert code == 0 and out_file.exists(), err
        code, out, err = run(capsys, "backup", "--db", path, "-o", tmp_path / "ban-sao.sqlite3")
        assert code == 0, err  # reading it whole is allowed too
        assert snapshot(path) == before


def test_writing_into_a_read_only_database_is_refused(commune, capsys, tmp_path):
    with read_only_copy(commune["path"], tmp_path / "cd") as path:
        before = snapshot(path)
        code, _out, err = run(capsys, "evaluate", "criteria", "import", tmp_path / "khong-co.json", "--year", 2025,
                              "--db", path)
        assert code == 1 and err.startswith("Lỗi: ")
        from dvdesktop.errors import DatabaseUnavailable
        from dvdesktop.services import session
        from dvdesktop.services.register import AreaService

        info = session.open(str(path), create=False)
        try:
            assert info.read_only
            with pytest.raises(DatabaseUnavailable) as exc:
                session.require_writable()
            assert "chỉ đọc" in exc.value.message
            with pytest.raises(Exception) as raw:
                AreaService.create({"name": "Mới", "kind": "bản"})
            assert "chỉ cho phép đọc" in session.describe_error(raw.value)
        finally:
            session.close()
        assert snapshot(path) == before


# --- restore ----------------------------------------------------------------------------

def test_restore_prints_the_backup_then_keeps_the_old_database(commune, capsys, tmp_path):
    backup = tmp_path / "sao-luu.sqlite3"
    assert run(capsys, "backup", "--db", commune["path"], "-o", backup)[0] == 0
    conn = sqlite3.connect(commune["path"])
    conn.execute("UPDATE team SET deleted_at='2025-05-01 00:00:00'")  # what a wrong day looks like
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "restore", backup, "--db", commune["path"], "--xem")
    assert code == 0 and "Tổ dân vận: 3" in out and "Cuộc họp: 6" in out and "Sao lưu lúc:" in out
    assert "Đã khôi phục" not in out
    code, out, err = run(capsys, "restore", backup, "--db", commune["path"])
    assert code == 0, err
    kept = [p for p in tmp_path.iterdir() if "truoc-khoi-phuc" in p.name]
    assert len(kept) == 1 and f"«{kept[0]}»" in out
    assert run(capsys, "stats", "--db", commune["path"], "--json")[1].count('"teams": 3') == 1
    conn = sqlite3.connect(kept[0])
    assert conn.execute("SELECT count(*) FROM team WHERE deleted_at IS NULL").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize("make, words", [
    (_file("anh.jpg", b"\xff\xd8\xff" * 2000), "không phải bản sao lưu"),
    (lambda d: d / "khong-co.sqlite3", "Không tìm thấy tệp sao lưu"),
    (lambda d: d, "là một thư mục"),
])
def test_restore_refuses_what_is_not_a_backup(commune, capsys, tmp_path, make, words):
    backup = make(tmp_path)
    before = Path(commune["path"]).read_bytes()
    code, out, err = run(capsys, "restore", backup, "--db", commune["path"])
    assert code == 1 and words in err and err.count("\n") == 1
    assert Path(commune["path"]).read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if "truoc-khoi-phuc" in p.name]


def test_restore_refuses_a_newer_backup_and_a_read_only_folder(commune, capsys, tmp_path):
    newer = tmp_path / "moi.sqlite3"
    assert run(capsys, "backup", "--db", commune["path"], "-o", newer)[0] == 0
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE dv_meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    code, _out, err = run(capsys, "restore", newer, "--db", commune["path"])
    assert code == 1 and "phiên bản mới hơn" in err
    good = tmp_path / "tot.sqlite3"
    assert run(capsys, "backup", "--db", commune["path"], "-o", good)[0] == 0
    with read_only_copy(commune["path"], tmp_path / "cd") as path:
        before = snapshot(path)
        code, _out, err = run(capsys, "restore", good, "--db", path)
        assert code == 1 and f"Không ghi được vào thư mục «{path.parent}»" in err
        assert snapshot(path) == before


def test_other_writers_name_the_folder_in_vietnamese(commune, capsys, tmp_path):
    from tests.read_only import without_root_override

    locked = tmp_path / "khoa"
    locked.mkdir()
    os.chmod(locked, 0o555)
    try:
        with without_root_override():
            code, _out, err = run(capsys, "report", "annual", "--year", 2025, "--db", commune["path"],
                                  "-o", locked / "bao-cao.pdf")
    finally:
        os.chmod(locked, 0o755)
    assert code == 1 and f"«{locked}»" in err and "Permission" not in err and list(locked.iterdir()) == []


def test_backup_into_a_read_only_folder_and_restore_onto_a_server(commune, capsys, tmp_path):
    from tests.read_only import without_root_override

    locked = tmp_path / "khoa"
    locked.mkdir()
    os.chmod(locked, 0o555)
    try:
        with without_root_override():
            code, _out, err = run(capsys, "backup", "--db", commune["path"], "-o", locked / "sao-luu.sqlite3")
    finally:
        os.chmod(locked, 0o755)
    assert code == 1 and f"Không ghi được vào thư mục «{locked}»" in err and list(locked.iterdir()) == []
    code, _out, err = run(capsys, "restore", commune["path"], "--db", "postgresql://van:thu@127.0.0.1:1/xa")
    assert code == 1 and "pg_restore" in err and "thu@" not in err
