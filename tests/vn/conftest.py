"""The Vietnamese text, date and number rules (dvdesktop.vn) are pure
functions: their tests take no database and no Qt, only the shared
autouse fixture of tests/conftest.py that hides the user's folders."""
