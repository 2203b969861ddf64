"""The command line's contract: errors exit 1 with one Vietnamese line (never
a traceback), usage errors exit 2."""
from __future__ import annotations

import os

import peewee as pw
import pytest

from dvdesktop.cli import main


@pytest.mark.parametrize("argv", [
    ["stats", "--year", "99999"],
    ["stats", "--year", "0"],
    ["print", "register", "--year", "10000", "-o", "x.pdf"],
    ["print", "concerns", "--year", "-1", "-o", "x.pdf"],
])
def test_year_out_of_range_is_a_usage_error(db_file, argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv + ["--db", db_file])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "năm" in err


def test_unexpected_error_goes_to_the_log_not_the_terminal(db_file, monkeypatch, capsys):
    from dvdesktop.services import stats

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(stats, "collect", broken)
    assert main(["stats", "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Lỗi không mong muốn") and "Traceback" not in err
    log = os.path.join(os.environ["DVDESKTOP_LOG_DIR"], "dvdesktop.log")
    with open(log, encoding="utf-8") as f:
        text = f.read()
    assert "Traceback" in text and "RuntimeError: a bug" in text


def test_database_error_while_working_is_explained(db_file, monkeypatch, capsys):
    """A write refused by the environment after opening (read-only file, lock)
    is the clerk's to fix: plain words, no 'unexpected error'."""
    from dvdesktop.services import stats

    def read_only(*args, **kwargs):
        raise pw.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(stats, "collect", read_only)
    assert main(["stats", "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "chỉ cho phép đọc" in err and db_file in err


def test_import_members_refuses_a_wrong_file_row_by_row(db_file, tmp_path, capsys):
    """Exit 1, one Vietnamese line per wrong row, the database untouched."""
    from openpyxl import Workbook

    from dvdesktop.services import session, stats

    wb = Workbook()
    ws = wb.active
    for row in (["DANH SÁCH THÀNH VIÊN"], [], ["STT", "Họ và tên", "Năm sinh", "Thôn", "Chức vụ trong tổ"],
                [1, "Nguyễn Văn An", 1970, "Đồng Tâm", "Tổ trưởng"], [2, "Lê Văn", "abc", "Đồng Tâm", "Thành viên"],
                [3, "Trần Thị Cúc", 1985, "Đồng Tâm", "Phó"]):
        ws.append(row)
    path = tmp_path / "ds.xlsx"
    wb.save(path)
    assert main(["import", "members", str(path), "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert "Dòng 5: năm sinh «abc» không đọc được" in err and "Dòng 6: chức vụ trong tổ «Phó»" in err
    assert "Traceback" not in err and "chưa ghi gì" in err
    session.open(db_file, create=False)
    try:
        assert stats.collect()["persons"] == 0
    finally:
        session.close()

    ws["C5"] = 1980
    ws["E6"] = "Tổ phó"
    wb.save(path)
    assert main(["import", "members", str(path), "--db", db_file, "--dry-run"]) == 0
    assert "chưa ghi gì" in capsys.readouterr().out
    assert main(["import", "members", str(path), "--db", db_file]) == 0
    assert "3 người mới" in capsys.readouterr().out
    assert main(["import", "members", str(path), "--db", db_file]) == 0
    assert "0 người mới" in capsys.readouterr().out and "3 không đổi" in capsys.readouterr().out + "3 không đổi"
    (tmp_path / "rac.xlsx").write_bytes(b"\x00garbage" * 100)
    assert main(["import", "members", str(tmp_path / "rac.xlsx"), "--db", db_file]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "không phải tệp Excel" in err
