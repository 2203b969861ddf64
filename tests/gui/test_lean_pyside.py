"""PySide6's import hook made lean (gui/lean_pyside.py): no module's source
kept in linecache once the window's module is loaded, the hook still answers
as PySide6 would. A fresh interpreter: this test process imported PySide6
long ago."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import linecache, sys
import dvdesktop.gui.app  # PySide6 imported, the hook made lean
from dvdesktop.gui import lean_pyside, i18n
from dvdesktop.services import overview  # more modules imported after it
kept = sorted(name for name in linecache.cache if name.endswith(".py"))
print(kept or "none")
print(lean_pyside._uses_pyside(i18n), lean_pyside._uses_pyside(overview))
"""


def test_no_source_kept_and_the_hook_still_answers():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["none", "True False"]
