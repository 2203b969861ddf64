"""The person picker's order: what a clerk typed matched at the start of a
word first ("hang" → "Hằng" before "Chang"), then the people of the team's
own area, then Vietnamese name order. Diacritics are ignored (search_text is
folded). Filtering stays in SQL, the people list's own (folded_contains of
every word); only the matches are ranked here."""
from __future__ import annotations

import peewee as pw

from ...store.models import Person
from . import folded_contains, search_tokens


def picker_ids(query: str, prefer_area: int | None = None) -> list[int]:
    tokens = search_tokens(query)
    q = Person.select(Person.id, Person.search_text, Person.area, Person.name_sort).where(Person.deleted_at.is_null())
    for token in tokens:
        q = q.where(folded_contains(Person.search_text, token))
    if not tokens:  # everyone: the area first, in SQL (a province register is long)
        order = [Person.name_sort, Person.id]
        if prefer_area is not None:  # (a bare 0 in its place was "ORDER BY position 0" to PostgreSQL)
            order.insert(0, pw.Case(None, ((Person.area == prefer_area, 0),), 1))
        return [r[0] for r in q.order_by(*order).tuples()]

    def rank(row):
        pid, text, area, name_sort = row
        words = (text or "").split()
        at_word_start = all(any(w.startswith(t) for w in words) for t in tokens)
        return (not at_word_start, prefer_area is None or area != prefer_area, name_sort or "", pid)

    return [row[0] for row in sorted(q.tuples(), key=rank)]
