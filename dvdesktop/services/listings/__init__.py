"""What the lists of the main window show, read without Qt.

One module per section (people, areas, meetings, outreach, concerns,
households, models, campaigns) plus `choices` for combo boxes. Each list has
a small filter dataclass, `<list>_ids(filters, sort, descending, ...)` that
runs one query on indexed columns and returns the matching ids in order, and
`<list>_rows(ids, ...)` that returns plain row dataclasses for a block of
them. No peewee object leaves these functions: the GUI's RowSource classes
turn the rows into table rows and never see a query.
"""
from __future__ import annotations

import re

from ...vn import fold

_TOKEN_SPLIT = re.compile(r"[\s%_\\]+")


def search_tokens(text: str) -> list[str]:
    """Folded words of a search; LIKE wildcards are dropped, not escaped
    (search_text never contains them)."""
    return [t for t in _TOKEN_SPLIT.split(fold(text or "")) if t]


def folded_contains(column, token: str):
    """*column* (a folded, lower-case search column) contains *token*.

    instr()/strpos() compare bytes: LIKE '%…%' would fold case again, per
    row, for text that is folded already (on SQLite about twice as slow)."""
    import peewee as pw

    from ...store.base import database_proxy

    if isinstance(database_proxy.obj, pw.PostgresqlDatabase):
        return pw.fn.strpos(column, token) > 0
    return pw.fn.instr(column, token) > 0


def fetch_ids(query) -> list[int]:
    """The first column of *query* as a list, read straight from the cursor
    (peewee's row wrappers cost a Python call per row: 25,000 of them for a
    one-letter search)."""
    from ...store.base import database_proxy

    sql, params = query.sql()
    cursor = database_proxy.obj.execute_sql(sql, params)
    return [row[0] for row in cursor.fetchall()]


__all__ = ["search_tokens", "folded_contains", "fetch_ids"]
