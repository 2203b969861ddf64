"""`dvdesktop --self-test`, run as the IT person runs it: a separate process,
with the user's folders under a name with Vietnamese letters and spaces (as
C:\\Users\\Nguyễn Thị Hằng\\… on Windows). The frozen program runs it too
(tests/packaging/test_installer.py, installer/build.py's smoke step)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dvdesktop.errors import UserError
from dvdesktop.services import self_check, session


def _run(tmp_path: Path, **env_extra: str) -> subprocess.CompletedProcess:
    user = tmp_path / "Nguyễn Thị Hằng" / "AppData"
    temp = user / "Local" / "Temp"
    temp.mkdir(parents=True)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen",
           "TMPDIR": str(temp), "TMP": str(temp), "TEMP": str(temp),
           "DVDESKTOP_DATA_DIR": str(user / "Local" / "dvdesktop"), "DVDESKTOP_LOG_DIR": str(user / "Logs"),
           **env_extra}
    env.pop("DVDESKTOP_DB", None)
    return subprocess.run([sys.executable, "-m", "dvdesktop", "--self-test"], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=tmp_path, timeout=300, check=False)


def test_self_test_passes_in_a_user_folder_with_vietnamese_letters_and_spaces(tmp_path):
    result = _run(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Tự kiểm tra dvdesktop ")
    steps = [line for line in lines if line.startswith("Bước ")]
    assert [s.split(" — ")[1].split(" ")[0] for s in steps] == ["đạt"] * 4, steps
    assert "Nguyễn Thị Hằng" in steps[0]  # the scratch database was in the user's temporary folder
    assert "«Nguyễn Thị Hằng»" in steps[1]
    assert "danh-sach-thanh-vien.pdf, danh-sach-thanh-vien.docx" in steps[2]
    assert lines[-1] == "Tự kiểm tra đạt: chương trình chạy tốt trên máy này."
    # nothing left behind: neither in the temporary folder nor in the user's data folder
    temp = tmp_path / "Nguyễn Thị Hằng" / "AppData" / "Local" / "Temp"
    assert list(temp.iterdir()) == []
    assert not list((tmp_path / "Nguyễn Thị Hằng" / "AppData" / "Local" / "dvdesktop").glob("*.sqlite3"))


def test_a_failed_step_is_named_in_vietnamese_and_exits_1(tmp_path):
    # A broken installation: the Qt platform plugin the window needs is absent.
    result = _run(tmp_path, QT_QPA_PLATFORM="khongco")
    assert result.returncode == 1
    assert "Bước 3/4: in văn bản ra PDF và Word — đạt" in result.stdout
    assert "Bước 4/4: mở và đóng cửa sổ chính — KHÔNG ĐẠT" in result.stdout
    assert result.stderr.strip().splitlines()[-1].startswith(
        "Tự kiểm tra không đạt ở bước 4 (mở và đóng cửa sổ chính): Thiếu thành phần hiển thị của Qt: qkhongco")
    assert "Traceback" not in result.stderr


def test_the_scratch_database_needs_an_empty_folder(tmp_path):
    (tmp_path / "tu-kiem-tra.sqlite3").write_bytes(b"")
    with pytest.raises(UserError, match="thư mục tự kiểm tra phải trống"):
        self_check.open_scratch(tmp_path)


def test_steps_read_back_nfc_text_and_both_documents(tmp_path):
    try:
        self_check.open_scratch(tmp_path)
        records = self_check.save_and_read_back()
        pdf, docx = self_check.render_documents(tmp_path, records)
    finally:
        session.close()
    import docx as python_docx

    text = "\n".join(p.text for t in python_docx.Document(str(docx)).tables for r in t.rows for p in r.cells[1].paragraphs)
    assert "Nguyễn Thị Hằng" in text
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(pdf) as doc:
        assert "Nguyễn Thị Hằng" in doc.pages[0].extract_text()


def test_vietnamese_output_to_a_pipe_whatever_the_code_page(tmp_path):
    """On Windows a pipe or a file gets the ANSI code page (cp1252): the
    program writes UTF-8 there rather than fail on the first «ệ»."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run([sys.executable, "-m", "dvdesktop", "check", "--db", str(tmp_path / "không-có.sqlite3")],
                            capture_output=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").strip() == f"Lỗi: Không tìm thấy cơ sở dữ liệu «{tmp_path / 'không-có.sqlite3'}»."
