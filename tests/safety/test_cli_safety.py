"""The command line's accounts, audit, autobackup and personal-data commands."""
from __future__ import annotations

import io
import json

from dvdesktop.cli import main
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import AuditLog


def _run(argv, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_accounts_audit_personal_autobackup(sqlite_db, tmp_path, capsys, monkeypatch):
    from dvdesktop.services.register import PersonService

    PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111"})
    db = str(sqlite_db.dv_path)
    close_database()
    code, out, _ = _run(["accounts", "--db", db, "add", "quantri", "--name", "Lò Văn Quản", "--role", "admin",
                         "--confidential", "--password-stdin"], capsys, "mat-khau-quan-tri\n", monkeypatch)
    assert code == 0 and "Đã thêm tài khoản «quantri» (Quản trị)" in out
    code, _, err = _run(["accounts", "--db", db, "add", "ngan", "--name", "A", "--password-stdin"], capsys,
                        "ngan\n", monkeypatch)
    assert code == 1 and "ít nhất 8 ký tự" in err
    code, out, _ = _run(["accounts", "--db", db, "list"], capsys)
    assert "quantri\tLò Văn Quản\tQuản trị, xem hồ sơ bảo mật" in out
    code, out, _ = _run(["accounts", "--db", db, "password", "quantri", "--password-stdin"], capsys,
                        "mat-khau-moi-la\n", monkeypatch)
    assert code == 0
    code, out, _ = _run(["audit", "--db", db, "--table", "person"], capsys)
    assert code == 0 and "Thêm\tNgười\t1\t" in out
    code, out, _ = _run(["audit", "--db", db, "-o", str(tmp_path / "nk.csv")], capsys)
    assert code == 0 and (tmp_path / "nk.csv").exists()
    code, out, _ = _run(["personal", "--db", db, "export", "--person", "1", "-o", str(tmp_path / "p.json")], capsys)
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["người"]["phone"] == "0912000111"
    code, _, err = _run(["personal", "--db", db, "erase", "--person", "1"], capsys)
    assert code == 1 and "--yes" in err
    code, out, _ = _run(["personal", "--db", db, "erase", "--person", "1", "--yes"], capsys)
    assert code == 0
    code, out, _ = _run(["personal", "--db", db, "retention", "--years", "10"], capsys)
    assert "10 năm" in out and "0 vụ việc" in out
    code, out, _ = _run(["autobackup", "--db", db, "--folder", str(tmp_path)], capsys)
    assert code == 0 and "Đã sao lưu và kiểm tra" in out and "đang giữ 1 bản" in out
    open_database(db)
    names = {r.username for r in AuditLog.select()}
    assert any(n.startswith("dòng lệnh:") for n in names)
    close_database()
