"""Where the program's own data files are: resources/ and i18n/.

In the source tree they sit beside the package; in an installed wheel (and a
PyInstaller build) they are copied inside it by setup.py's build step.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root(name: str) -> Path:
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def resource(*parts: str) -> Path:
    return _root("resources").joinpath(*parts)


def i18n_dir() -> Path:
    return _root("i18n")
