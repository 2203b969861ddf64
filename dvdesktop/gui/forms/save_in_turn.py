"""Two forms saved one after the other: a record's form, then the form of
what hangs on it (an area and its team; a campaign and the team part being
typed). Used by the editors that show both (forms/detail_editor.py,
sections/areas_teams.py)."""
from __future__ import annotations


def save_in_turn(first, second, record_id: int | None) -> int | None:
    """Save *first* when it has edits or is new, then *second* when it has
    edits: each an operation, the second once the first has stored (it may
    need the first's id). The record's id once both are done at once
    (operations run synchronously), else None."""
    done: list[int] = []

    def save_second(saved_id):
        if second.is_dirty():
            second.save(then=lambda _second_id: done.append(saved_id))
        else:
            done.append(saved_id)

    if first.is_dirty() or record_id is None:
        first.save(then=save_second)
    else:
        save_second(record_id)
    return done[0] if done else None
