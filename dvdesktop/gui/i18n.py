"""Translations: one gettext catalog for our strings and Qt's own.

Source strings are English, wrapped in `_()`; the default language is
Vietnamese. The catalogs live in i18n/<lang>/LC_MESSAGES/dvdesktop.po. A
wheel (setup.py) and the frozen program (installer/) carry only the .mo,
compiled by dvdesktop.catalogs; in the source tree that same function
compiles a missing or stale .mo on the fly into the user data folder, never
into the repository.

Qt's own widgets (QDialogButtonBox, QMessageBox, the line-edit context menu)
ask QCoreApplication.translate(); `CatalogTranslator` answers those from the
same catalog, with Qt's class name as the message context (Frescobaldi's
approach: PySide6 wheels ship no qtbase_vi.qm). The strings are listed in
QT_STRINGS so that extraction puts them in the catalog.
"""
from __future__ import annotations

import gettext
import logging
import os
from pathlib import Path

from PySide6.QtCore import QTranslator

from .. import paths
from ..catalogs import compile_po

log = logging.getLogger(__name__)

DOMAIN = "dvdesktop"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    """Translate *message* (English source) into the UI language."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Mark *message* for extraction; translate later with _()."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def language() -> str:
    return _language


def _user_data_dir() -> Path:
    # Same rule as store.location.data_dir(), without importing the store
    # (and peewee) before the first window is painted.
    from platformdirs import user_data_dir

    return Path(os.environ.get("DVDESKTOP_DATA_DIR") or user_data_dir("dvdesktop", "dvdesktop"))


def catalog_file(lang: str) -> Path | None:
    """The compiled .mo for *lang*: the built one when up to date, else one
    compiled now from the .po into the user data folder."""
    base = paths.i18n_dir() / lang / "LC_MESSAGES"
    po, mo = base / f"{DOMAIN}.po", base / f"{DOMAIN}.mo"
    if not po.exists():
        return mo if mo.exists() else None
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        return mo
    cached = _user_data_dir() / "i18n" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not cached.exists() or cached.stat().st_mtime < po.stat().st_mtime:
        try:
            compile_po(po, cached)
        except OSError as exc:  # read-only profile: run untranslated rather than not at all
            log.warning("cannot compile %s: %s", po, exc)
            return None
    return cached


def catalog_copy_file(lang: str) -> Path:
    """Where the parsed catalog is kept: a cache of its own, not beside the
    catalogs compiled from .po files (an installed program compiles none)."""
    return _user_data_dir() / "cache" / f"{DOMAIN}-{lang}.mo.marshal"


def install(lang: str | None = None) -> str:
    """Load the catalog for *lang* (default: DVDESKTOP_LANG or Vietnamese)."""
    global _translations, _language
    lang = lang or os.environ.get("DVDESKTOP_LANG") or DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    mo = catalog_file(lang)
    if mo is None:
        _translations = gettext.NullTranslations()
    else:  # the parsed catalog kept in the user data folder: ~1.5 ms instead of ~5 (catalog_cache.py)
        from .catalog_cache import load

        _translations = load(mo, catalog_copy_file(lang))
    _language = lang
    return lang


class CatalogTranslator(QTranslator):
    """Answers Qt's own translate() calls from our gettext catalog."""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401 - Qt API
        # None is Qt's null string: "no translation here, ask the next one".
        if not context or not source_text:
            return None
        text = _translations.pgettext(context, source_text)
        return None if text == source_text else text


# Qt's strings seen by a clerk. pgettext() here only marks them for extraction.
QT_STRINGS = (
    pgettext("QPlatformTheme", "OK"),
    pgettext("QPlatformTheme", "Save"),
    pgettext("QPlatformTheme", "Save All"),
    pgettext("QPlatformTheme", "Open"),
    pgettext("QPlatformTheme", "&Yes"),
    pgettext("QPlatformTheme", "Yes to &All"),
    pgettext("QPlatformTheme", "&No"),
    pgettext("QPlatformTheme", "N&o to All"),
    pgettext("QPlatformTheme", "Abort"),
    pgettext("QPlatformTheme", "Retry"),
    pgettext("QPlatformTheme", "Ignore"),
    pgettext("QPlatformTheme", "Close"),
    pgettext("QPlatformTheme", "Cancel"),
    pgettext("QPlatformTheme", "Discard"),
    pgettext("QPlatformTheme", "Don't Save"),
    pgettext("QPlatformTheme", "Close without Saving"),
    pgettext("QPlatformTheme", "Help"),
    pgettext("QPlatformTheme", "Apply"),
    pgettext("QPlatformTheme", "Reset"),
    pgettext("QPlatformTheme", "Restore Defaults"),
    pgettext("QMessageBox", "Show Details..."),
    pgettext("QMessageBox", "Hide Details..."),
    pgettext("QMessageBox", "OK"),
    pgettext("QLineEdit", "&Undo"),
    pgettext("QLineEdit", "&Redo"),
    pgettext("QLineEdit", "Cu&t"),
    pgettext("QLineEdit", "&Copy"),
    pgettext("QLineEdit", "&Paste"),
    pgettext("QLineEdit", "Delete"),
    pgettext("QLineEdit", "Select All"),
    pgettext("QWidgetTextControl", "&Undo"),
    pgettext("QWidgetTextControl", "&Redo"),
    pgettext("QWidgetTextControl", "Cu&t"),
    pgettext("QWidgetTextControl", "&Copy"),
    pgettext("QWidgetTextControl", "Copy &Link Location"),
    pgettext("QWidgetTextControl", "&Paste"),
    pgettext("QWidgetTextControl", "Delete"),
    pgettext("QWidgetTextControl", "Select All"),
    pgettext("QAbstractSpinBox", "&Select All"),
    pgettext("QAbstractSpinBox", "&Step up"),
    pgettext("QAbstractSpinBox", "Step &down"),
    pgettext("QScrollBar", "Scroll here"),
    pgettext("QScrollBar", "Top"),
    pgettext("QScrollBar", "Bottom"),
    pgettext("QScrollBar", "Page up"),
    pgettext("QScrollBar", "Page down"),
    pgettext("QScrollBar", "Scroll up"),
    pgettext("QScrollBar", "Scroll down"),
    pgettext("QScrollBar", "Left edge"),
    pgettext("QScrollBar", "Right edge"),
    pgettext("QScrollBar", "Page left"),
    pgettext("QScrollBar", "Page right"),
    pgettext("QScrollBar", "Scroll left"),
    pgettext("QScrollBar", "Scroll right"),
    pgettext("QShortcut", "Ctrl"),
    pgettext("QShortcut", "Shift"),
    pgettext("QShortcut", "Del"),
    pgettext("QShortcut", "Esc"),
)
