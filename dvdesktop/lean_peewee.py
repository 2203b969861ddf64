"""peewee without the PostgreSQL driver until a PostgreSQL database is opened,
without SQLite's until a SQLite database is, and without OpenSSL until
something hashes.

peewee imports psycopg2 (and psycopg2.extras, with its json, uuid, ipaddress
and decimal adapters) when it is itself imported: about 10 MB and 100 ms
for every clerk on a SQLite file, who never talks to a server. install(),
called once from dvdesktop/__init__.py, puts a finder before Python's own
that loads peewee with psycopg2 hidden; store.database calls arm() before it
builds a PostgresqlDatabase, which imports psycopg2 then and gives peewee
what its own import would have set (the same four names and the adapter's
transaction states, peewee.py 4.x). If anything imported peewee first
(a test, a script), peewee already has its drivers and install(), arm() and
arm_sqlite() do nothing.

The same for SQLite: peewee imports sqlite3 (the _sqlite3 module and the
SQLite library: about 1 MB, only loaded) and registers its adapters, which a
window working on a server never uses. arm_sqlite(), called by store.database
before it builds a SqliteDatabase, does then what peewee's import would
have done (peewee.py 4.x: the driver, pysqlite3 if newer, the version, the
adapters and converters).

peewee also imports hashlib, for one md5 of a constraint's name in a schema
change; hashlib loads OpenSSL (libcrypto: 3 MB in memory and a few ms on
every start). peewee gets a stand-in that imports the real hashlib on first
use; everyone else gets the real one (services/users.py imports it when a
password is checked). The same for socket and calendar, which peewee uses
for its IPField and its TimestampField only (socket, select, selectors,
array: 0.6 MB; calendar and locale: 0.45 MB).

psycopg2 imports Python's ssl module when it is itself imported, only to
have Python's OpenSSL set up its thread locks and tell libpq not to
(psycopgmodule.c, libcrypto_threads_init). Those locks are needed by OpenSSL
before 1.1.0 only; psycopg2-binary's libpq has OpenSSL 3, its own copy,
which the ssl module never even touches. The import costs a second OpenSSL
in memory (libcrypto, libssl, _ssl: about 5 MB) and 13 ms on every start on
a server; arm() lets it fail (psycopg2 then leaves libpq's OpenSSL set-up to
libpq, as it does for a Python without ssl). SSL to the server is libpq's
own and unchanged (sslmode); "import ssl" afterwards is the real module.
"""
from __future__ import annotations

import importlib
import sys
import types

_HIDDEN = ("psycopg2", "pysqlite3", "sqlite3")
_LAZY = ("hashlib", "socket", "calendar")


class _Lazy(types.ModuleType):
    """A module imported on its first attribute read (peewee's hashlib, socket, calendar)."""

    def __getattr__(self, name):
        if name.startswith("__"):  # import machinery and PySide6's import hook look at these
            raise AttributeError(name)
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:  # still peewee's import: not this one again
                del sys.modules[self.__name__]
            real = self.__dict__["_real"] = importlib.import_module(self.__name__)
        return getattr(real, name)


class _Loader:  # duck-typed: importlib.abc alone costs 30 ms at start
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        hidden = [name for name in _HIDDEN if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # "import psycopg2" raises ImportError: peewee sets psycopg2 = None (sqlite3 too)
        lazy = {name: _Lazy(name) for name in _LAZY if name not in sys.modules}
        sys.modules.update(lazy)  # "import hashlib" in peewee: the stand-in
        try:
            self._loader.exec_module(module)
        finally:
            for name in hidden:
                if sys.modules.get(name, False) is None:
                    del sys.modules[name]
            for name, stand_in in lazy.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]  # the next "import hashlib" is the real one


class _Finder:
    def find_spec(self, fullname, path=None, target=None):
        if fullname != "peewee":
            return None
        sys.meta_path.remove(self)  # once: the real peewee from here on
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install() -> None:
    if "peewee" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def arm() -> None:
    """Give peewee its PostgreSQL driver (before the first PostgresqlDatabase)."""
    import peewee

    if peewee.psycopg2 is not None:
        return
    hide_ssl = "ssl" not in sys.modules
    if hide_ssl:
        sys.modules["ssl"] = None  # psycopg2's import of it fails quietly (see above)
    try:
        import psycopg2
        from psycopg2 import extensions
        from psycopg2.extras import Json, register_uuid
    except ImportError:
        return  # peewee says «psycopg2 postgres driver not found», as it would have
    finally:
        if hide_ssl and sys.modules.get("ssl", False) is None:
            del sys.modules["ssl"]  # the next "import ssl" is the real one
    register_uuid()
    peewee.psycopg2, peewee.pg_extensions, peewee.Json_pg2 = psycopg2, extensions, Json
    peewee.pg_register_uuid = register_uuid
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN


def arm_sqlite() -> None:
    """Give peewee its SQLite driver (before the first SqliteDatabase), as
    peewee's own import does when nothing hides it."""
    import peewee

    if peewee.sqlite3 is not None:
        return
    import datetime
    import decimal
    import sqlite3

    try:
        from pysqlite3 import dbapi2 as pysq3
    except ImportError:
        pysq3 = None
    if pysq3 is not None and pysq3.sqlite_version_info >= sqlite3.sqlite_version_info:
        sqlite3 = pysq3
    sqlite3.register_adapter(decimal.Decimal, str)
    sqlite3.register_adapter(datetime.date, str)
    sqlite3.register_adapter(datetime.time, str)
    if sys.version_info >= (3, 12):  # Python's own datetime adapters are deprecated there: peewee's
        sqlite3.register_adapter(datetime.datetime, lambda value: value.isoformat(" "))
        sqlite3.register_converter("date", _date)
        sqlite3.register_converter("timestamp", _timestamp)
    peewee.sqlite3 = sqlite3
    peewee.__sqlite_version__ = peewee.SqliteDatabase.server_version = sqlite3.sqlite_version_info
    for name, module in list(sys.modules.items()):  # playhouse modules imported meanwhile took peewee's None
        if name.startswith("playhouse.") and module is not None and getattr(module, "sqlite3", False) is None:
            module.sqlite3 = sqlite3


def _date(text: bytes):
    """'2026-12-02' (as peewee's converter for Python 3.12+)."""
    import datetime

    return datetime.date(*map(int, text.split(b"-")))


def _timestamp(text: bytes):
    """'2026-12-02 08:30:00[.5]', or with a 'T' (as peewee's converter for Python 3.12+)."""
    import datetime

    day, _sep, clock = text.replace(b"T", b" ", 1).partition(b" ")
    whole, _dot, fraction = clock.partition(b".")
    hour, minute, second = map(int, whole.split(b":"))
    return datetime.datetime(*map(int, day.split(b"-")), hour, minute, second,
                             int(fraction.decode()[:6].ljust(6, "0")) if fraction else 0)
