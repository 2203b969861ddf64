"""No cyclic garbage collection while the window is being made.

Until the first paint the program only builds what it keeps (modules,
classes, Qt's types and enums, the window): tens of thousands of objects
and next to no garbage. Python's collector still walks them, a few dozen
times over (about 40 collections, 5–10 ms on a 2-core office PC, more on a
busy one). dvdesktop/__main__.py pauses it before anything is imported; it
runs again after the window's first paint (gui/app.py) or as soon as a
command or the self-test starts (cli/__init__.py). A process that had the
collector off before (a test runner, an embedding program) keeps it off.
"""
from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect as usual again (only if pause() turned the collector off)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
