"""Compile the gettext catalogs i18n/<lang>/LC_MESSAGES/*.po into .mo files
for the frozen program (the same babel calls as setup.py's build step).

Only the .mo files are bundled: with no .po beside them, dvdesktop.gui.i18n
uses the .mo as it is and never needs to compile anything on a clerk's PC.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"


def compile_catalogs(dest: Path, source: Path = I18N) -> list[Path]:
    """Write dest/<lang>/LC_MESSAGES/<domain>.mo for every .po under *source*;
    returns the .mo files. Raises if a catalog does not parse."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        lang = po.parent.parent.name
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang, abort_invalid=True)
        mo = dest / lang / "LC_MESSAGES" / (po.stem + ".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as fh:
            write_mo(fh, catalog)
        written.append(mo)
    if not written:
        raise SystemExit(f"no .po catalogs under {source}")
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "catalogs"
    for path in compile_catalogs(target):
        print(path)
