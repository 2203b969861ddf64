"""The PySide6 user interface. Qt is imported only inside this package.

Forms are built in code (no Designer .ui files): every label goes through
`_()` and so into the one gettext catalog in i18n/, and the list + form
pattern of gui/sections/base.py can be reused by later sections without a
compile step.
"""

