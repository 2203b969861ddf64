"""Compile the gettext catalogs i18n/<lang>/LC_MESSAGES/*.po into .mo files.

The one place that does it, for three callers:
- setup.py's build step (the wheel carries only the .mo files);
- installer/build.py and installer/dvdesktop.spec (the frozen program);
- dvdesktop.gui.i18n when the program runs from the source tree, where only
  the .po files exist (compiled into the user data folder, never the repo).

No Qt and nothing else from the package: setup.py loads this file by path in
the build environment, where only setuptools and babel are installed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def compile_po(po: Path, mo: Path) -> Path:
    """Write *mo* from *po* (the language is the folder above LC_MESSAGES).

    Raises on a catalog that does not parse, so a broken .po fails the build
    instead of shipping untranslated. The file is written under a temporary
    name and renamed, so a program starting meanwhile never reads half a .mo.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=po.parent.parent.name, abort_invalid=True)
    mo.parent.mkdir(parents=True, exist_ok=True)
    tmp = mo.with_name(f"{mo.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            write_mo(fh, catalog)
        tmp.replace(mo)
    finally:
        tmp.unlink(missing_ok=True)
    return mo


def compile_catalogs(source: Path, dest: Path) -> list[Path]:
    """Compile every source/<lang>/LC_MESSAGES/<domain>.po into
    dest/<lang>/LC_MESSAGES/<domain>.mo; returns the .mo files written.
    *dest* may be *source* (.mo beside the .po). No catalog at all is an error."""
    written = [compile_po(po, dest / po.relative_to(source).with_suffix(".mo"))
               for po in sorted(source.glob("*/LC_MESSAGES/*.po"))]
    if not written:
        raise FileNotFoundError(f"no .po catalogs under {source}")
    return written


if __name__ == "__main__":
    # python -m dvdesktop.catalogs SOURCE DEST
    for path in compile_catalogs(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
