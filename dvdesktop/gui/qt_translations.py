"""Qt's own dialogs in the UI language where Qt draws them itself (the file
chooser and the print dialogs on Linux, the print preview everywhere).

Qt's own catalog (qtbase_vi.qm) is loaded from PySide6's translations
folder when it is there (none of the PySide6 6.x wheels carry a Vietnamese
one yet); whatever it does not answer comes from our catalog
(qt_strings.py, through i18n.CatalogTranslator)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QTranslator

log = logging.getLogger(__name__)


def install_qt_catalog(app, language: str) -> QTranslator | None:
    """Install qtbase_<language>.qm from PySide6's translations folder, if
    shipped; installed before our own translator, so ours is asked first."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        return translator
    log.debug("no qtbase_%s.qm in %s: Qt's dialogs answered from our catalog", language, folder)
    return None
