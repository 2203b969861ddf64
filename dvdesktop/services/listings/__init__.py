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


__all__ = ["search_tokens"]
