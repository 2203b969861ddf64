"""The PySide6 user interface. Qt is imported only inside this package.

Forms are built in code (no Designer .ui files): every label goes through
`_()` and so into the one gettext catalog in i18n/, and the list + form
pattern of gui/sections/base.py can be reused by later sections without a
compile step.
"""

import sys as _sys


def keep_none_alive() -> None:
    """Work around PySide6 6.12 on Python 3.11: its wrappers of void methods
    (setText, setEnabled, addItem …) return None without taking a reference,
    and emitting a signal takes one from True or False, so after some ten
    thousand calls the program aborts with "Fatal Python error: none_dealloc"
    (or bool_dealloc). PySide6 6.12 counts on Python 3.12, where these objects
    are immortal (their count is never lowered to zero); give None, True and
    False the same huge count on 3.11. Idempotent; a no-op on 3.12+."""
    if _sys.version_info >= (3, 12) or _sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < 1 << 40:
            count.value += 1 << 42


keep_none_alive()
