"""The log file's rollover (dvdesktop/rotating_log.py), as logging.handlers'
RotatingFileHandler does it, and the window's log set up without
logging.handlers."""
from __future__ import annotations

import logging
import subprocess
import sys

from dvdesktop.rotating_log import RotatingFile


def _logger(handler: logging.Handler) -> logging.Logger:
    log = logging.getLogger(f"dvdesktop.test.{id(handler)}")
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log


def test_a_full_file_rolls_over_and_only_the_newest_backups_stay(tmp_path):
    path = tmp_path / "dvdesktop.log"
    handler = RotatingFile(path, max_bytes=100, backups=2)
    log = _logger(handler)
    for n in range(12):
        log.info("dòng %02d %s", n, "x" * 30)  # 40 characters a line: two lines a file
    handler.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dvdesktop.log", "dvdesktop.log.1", "dvdesktop.log.2"]
    assert path.read_text(encoding="utf-8").splitlines() == [f"dòng 10 {'x' * 30}", f"dòng 11 {'x' * 30}"]
    assert (tmp_path / "dvdesktop.log.1").read_text(encoding="utf-8").startswith("dòng 08")
    assert (tmp_path / "dvdesktop.log.2").read_text(encoding="utf-8").startswith("dòng 06")
    assert all(p.stat().st_size <= 100 for p in tmp_path.iterdir())


def test_the_same_files_as_the_standard_handler(tmp_path):
    import logging.handlers

    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    a = RotatingFile(ours / "a.log", max_bytes=250, backups=3)
    b = logging.handlers.RotatingFileHandler(theirs / "a.log", maxBytes=250, backupCount=3, encoding="utf-8")
    for handler in (a, b):
        log = _logger(handler)
        for n in range(40):
            log.warning("bản ghi %d: %s", n, "ệ" * (n % 7))
        handler.close()
    assert {p.name: p.read_bytes() for p in ours.iterdir()} == {p.name: p.read_bytes() for p in theirs.iterdir()}


def test_the_window_s_log_does_not_import_logging_handlers(tmp_path):
    script = (
        "import sys, logging\n"
        "from dvdesktop.gui.errors import setup_logging\n"
        "path = setup_logging()\n"
        "logging.getLogger('dvdesktop').warning('thử')\n"
        "print('logging.handlers' in sys.modules, path.read_text(encoding='utf-8').strip().endswith('thử'))\n"
    )
    env = {**__import__("os").environ, "DVDESKTOP_LOG_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
