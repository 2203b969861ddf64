"""`dvdesktop --self-test`: is the program complete and working on this PC?

Four steps in a temporary folder, never on the clerk's database:
  1. a scratch SQLite database is created;
  2. a record with Vietnamese text is saved and read back;
  3. one document is rendered to PDF and to Word and read back;
  4. the main window is shown on that database, then closed.
One Vietnamese line per step; exit 0 when all pass, else 1 after saying
which step failed and why. The Windows build's smoke step runs it on the
frozen program, and the IT person runs `dvdesktop-cli.exe --self-test`.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from ..errors import UserError


def _headless() -> bool:
    """Linux or BSD without a display: Qt would abort on its default platform."""
    return (sys.platform.startswith(("linux", "freebsd")) and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def windowed() -> bool:
    """The windowed Windows program (dvdesktop.exe, what the shortcuts start):
    it has no console, so the result is shown in a message box as well."""
    return (sys.platform == "win32" and bool(getattr(sys, "frozen", False))
            and os.path.basename(sys.executable).lower() == "dvdesktop.exe")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message
    from ..services.session import describe_error

    return describe_error(exc) or f"{type(exc).__name__}: {exc}"


def run(args, out=None) -> int:
    out = out or sys.stdout
    from .. import __version__
    from ..services import self_check, session

    lines: list[str] = []

    def say(text: str) -> None:
        lines.append(text)
        print(text, file=out, flush=True)

    if _headless():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    say(f"Tự kiểm tra dvdesktop {__version__}")
    folder = Path(tempfile.mkdtemp(prefix="dvdesktop-tu-kiem-tra-"))
    state: dict = {}

    def scratch() -> str:
        state["info"] = self_check.open_scratch(folder)
        return state["info"].where

    def record() -> str:
        state["records"] = self_check.save_and_read_back()
        return f"«{self_check.PERSON_NAME}»"

    def documents() -> str:
        return ", ".join(p.name for p in self_check.render_documents(folder, state["records"]))

    def window() -> str:
        from ..gui.self_test import show_main_window

        return f"{show_main_window(state['info'])} mục"

    steps: list[tuple[str, Callable[[], str]]] = [
        ("tạo cơ sở dữ liệu thử", scratch),
        ("ghi và đọc lại bản ghi có chữ tiếng Việt", record),
        ("in văn bản ra PDF và Word", documents),
        ("mở và đóng cửa sổ chính", window),
    ]
    failed = None
    try:
        for number, (name, step) in enumerate(steps, 1):
            started = time.perf_counter()
            try:
                detail = step()
            except Exception as exc:  # noqa: BLE001 - every failure is reported as the step's
                failed = (number, name, exc)
                break
            say(f"Bước {number}/{len(steps)}: {name} — đạt ({detail}; {time.perf_counter() - started:.1f} giây)")
    finally:
        session.close()
        shutil.rmtree(folder, ignore_errors=True)
    if failed is not None:
        number, name, exc = failed
        say(f"Bước {number}/{len(steps)}: {name} — KHÔNG ĐẠT")
        verdict = f"Tự kiểm tra không đạt ở bước {number} ({name}): {_reason(exc)}"
        lines.append(verdict)
        print(verdict, file=sys.stderr, flush=True)
        if getattr(args, "debug", False):
            traceback.print_exception(exc, file=sys.stderr)
    else:
        say("Tự kiểm tra đạt: chương trình chạy tốt trên máy này.")
    if windowed() and (failed is None or failed[0] != len(steps)):  # Qt itself works unless the window failed
        from ..gui.self_test import show_report

        show_report(lines, failed is None)
    return 0 if failed is None else 1
