"""PySide6's import hook without its cost: every module imported after
PySide6 is checked for the word "PySide6" (shibokensupport/feature.py, for
`from __feature__ import snake_case`), by inspect.getsource(), which reads
the module through linecache and keeps every line of it. At start that is
~300 modules: tens of ms and 6–7 MB of source text kept for nothing.

install() gives that hook the same answer (the word in the module's file)
from one plain read of the file, nothing kept. The program never selects a
__feature__, so the answer only has to stay what PySide6 would say; if the
hook is not where this PySide6 version had it, nothing is changed.
"""
from __future__ import annotations

import sys


def _uses_pyside(module) -> bool:
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # built-in, extension or frozen: inspect.getsource() fails on those too (False)
    try:
        with open(origin, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def install() -> None:
    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside
        # what the hook read before this (while PySide6 itself was being imported: enum.py
        # above all, 80 kB of source kept as 200 kB of lines): dropped, read again if a
        # traceback ever needs it; lines registered for code without a file stay
        linecache = sys.modules.get("linecache")
        if linecache is not None:
            for name in [name for name in linecache.cache if name.endswith(".py") and not name.startswith("<")]:
                linecache.cache.pop(name, None)
