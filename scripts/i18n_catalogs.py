"""Extract the GUI's strings into i18n/dvdesktop.pot and update the .po files.

    uv run python scripts/i18n_catalogs.py          # extract + update vi, en
    uv run python scripts/i18n_catalogs.py --check  # exit 1 if the .pot is out of date

Source strings are English in `_()`, `N_()`, `ngettext()` and `pgettext()`
(Qt's own strings, with Qt's class as context) under dvdesktop/gui/.
New strings arrive in the .po files untranslated; fill in the Vietnamese
msgstr (tests fail while one is missing). The English catalog copies msgid.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "dvdesktop" / "gui"
I18N = ROOT / "i18n"
POT = I18N / "dvdesktop.pot"
LANGUAGES = ("vi", "en")


def extract() -> Catalog:
    catalog = Catalog(project="dvdesktop", version="0.1", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS,
    ):
        path = f"dvdesktop/gui/{filename}".replace("\\", "/")
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def pot_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, omit_header=False, sort_output=True, width=100, include_lineno=False)
    return out.getvalue()


def update() -> None:
    template = extract()
    POT.write_bytes(pot_text(template))
    for lang in LANGUAGES:
        po = I18N / lang / "LC_MESSAGES" / "dvdesktop.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if po.exists():
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="dvdesktop", charset="utf-8", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if lang == "en":
            for message in catalog:
                if message.id and not message.string:
                    message.string = message.id
        out = io.BytesIO()
        write_po(out, catalog, sort_output=True, width=100, include_lineno=False, ignore_obsolete=True)
        po.write_bytes(out.getvalue())


def check() -> int:
    with POT.open("rb") as fh:
        current = read_po(fh)
    fresh = extract()
    missing, extra = keys(fresh) - keys(current), keys(current) - keys(fresh)
    for item in sorted(missing, key=str):
        print("not in the .pot:", item)
    for item in sorted(extra, key=str):
        print("no longer used:", item)
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(check() if "--check" in sys.argv else update() or 0)
