"""The keyword arguments of a PostgreSQL connection, read from a
postgresql:// URL the way libpq reads one.

Not playhouse.db_url: importing it imports every playhouse backend (SQLite
extensions, MySQL, CockroachDB, the pools): about 1 MB and 20 ms on every
start on a server, for one urlsplit. And it passed the user name, password
and database name still percent-encoded, while services/recent_databases
.server_url encodes them (a password with «@» or «ệ» could not sign in);
libpq and pg_dump decode them, as here.

GSSAPI encryption (Kerberos) is off unless asked for: libpq's default
("prefer") starts the Kerberos library on every connection to look for a
ticket, about 1 MB of memory and a few ms, and a commune's server has no
Kerberos. A URL with ?gssencmode=… or PGGSSENCMODE in the environment is
followed as written. This is only GSSAPI *encryption*: SSL (sslmode, as the
URL or PGSSLMODE say) and any authentication method of the server are as
libpq does them.
"""
from __future__ import annotations

import os
from urllib.parse import parse_qsl, unquote, urlsplit

from ..errors import DatabaseUnavailable

CONNECT_TIMEOUT_S = 10
GSSENC_SINCE = 120000  # libpq 12 knows gssencmode; an older one refuses the word


def connect_params(url: str, libpq_version: int, environ=os.environ) -> dict:
    """database, user, password, host, port and the query's options of
    *url*; *libpq_version* as psycopg2.extensions.libpq_version() gives it."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as exc:
        raise DatabaseUnavailable(f"Địa chỉ máy chủ «{parts.hostname or url.split('@')[-1]}» có cổng không hợp lệ "
                                  "(cổng là một số từ 1 đến 65535).") from exc
    params: dict = {"database": unquote(parts.path[1:])}
    if parts.username:
        params["user"] = unquote(parts.username)
    if parts.password:
        params["password"] = unquote(parts.password)
    if parts.hostname:
        params["host"] = parts.hostname
    if port:
        params["port"] = port
    params.update(parse_qsl(parts.query, keep_blank_values=True))  # libpq takes every value as text
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    if "gssencmode" not in params and not environ.get("PGGSSENCMODE") and libpq_version >= GSSENC_SINCE:
        params["gssencmode"] = "disable"
    return params
