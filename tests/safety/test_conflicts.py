"""Two clerks, one record: the second save is refused with both versions
side by side. On PostgreSQL with two real connections (two threads: peewee
opens one connection per thread), including the race where both passed the
version check before either wrote."""
from __future__ import annotations

import threading

import pytest

from dvdesktop.errors import ConflictError
from dvdesktop.services import users
from dvdesktop.services.register import PersonService
from dvdesktop.store import current_database


def _in_thread(fn):
    box = {}

    def run():
        try:
            box["result"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc
        finally:
            current_database().close()  # this thread's own connection

    t = threading.Thread(target=run)
    t.start()
    return t, box


def test_second_save_is_refused_with_both_versions(db):
    users.set_up_administrator("quantri", "Lò Văn Quản", "mat-khau-quan-tri")
    person = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111", "address": "bản Nà Khoang"})
    opened_by_a = PersonService.get(person.id)
    opened_by_b = PersonService.get(person.id)
    PersonService.update(person.id, {"phone": "0988000222"}, expected_version=opened_by_a.version)

    def clerk_b():
        return PersonService.update(person.id, {"phone": "0977000333", "address": "bản Nà Khoang"},
                                    expected_version=opened_by_b.version)

    t, box = _in_thread(clerk_b)  # a second connection
    t.join()
    err = box["error"]
    assert isinstance(err, ConflictError)
    assert "vừa được người khác lưu (quantri" in err.message
    assert [(d.field, d.label, d.yours, d.theirs) for d in err.differences] == [
        ("phone", "Điện thoại", "0977000333", "0988000222")]
    assert PersonService.get(person.id).phone == "0988000222"  # nothing overwritten


@pytest.mark.postgres
def test_race_on_two_postgresql_connections(pg_url):
    """A writes inside a transaction it keeps open; B passes the version check
    (A is not committed), then waits on the row lock; A commits; B's write
    matches no row any more and is refused."""
    db = current_database()
    person = PersonService.create({"full_name": "Tòng Văn Panh", "phone": "0912000111"})
    a_wrote, a_may_commit = threading.Event(), threading.Event()

    def clerk_a():
        with db.atomic():
            PersonService.update(person.id, {"phone": "0988000222"}, expected_version=person.version)
            a_wrote.set()
            a_may_commit.wait(30)
        return "a"

    def clerk_b():
        a_wrote.wait(30)
        return PersonService.update(person.id, {"phone": "0977000333"}, expected_version=person.version)

    ta, box_a = _in_thread(clerk_a)
    tb, box_b = _in_thread(clerk_b)
    # B is blocked on A's row lock: seen from a third connection (this thread's).
    for _ in range(3000):
        waiting = db.execute_sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND wait_event_type = 'Lock'").fetchone()[0]
        if waiting:
            break
        threading.Event().wait(0.01)
    assert waiting == 1
    a_may_commit.set()
    ta.join()
    tb.join()
    assert box_a == {"result": "a"}
    err = box_b["error"]
    assert isinstance(err, ConflictError)
    assert [(d.yours, d.theirs) for d in err.differences] == [("0977000333", "0988000222")]
    assert PersonService.get(person.id).phone == "0988000222"
    assert PersonService.get(person.id).version == person.version + 1
