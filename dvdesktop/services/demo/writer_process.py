"""The province demo's rows written by a process of their own (SQLite).

A thread of the generating process cannot take the other core for this:
sqlite3 binds every value of every row while holding Python's lock (about
17 million values for the province), so generating and writing took turns.
A child process binds them on the other core; the generating process only
marshals each batch and writes it into a pipe (from a thread, which waits for
the pipe without the lock).

The whole load is the child's one transaction: it clears the tables if asked,
drops the indexes (those kept up to date during the load aside), inserts, makes the indexes again and commits only when
told to. If the parent dies or stops sending (its pipe closes without
"commit"), or anything fails, the child rolls back: the database is as it was.

Protocol, on the child's standard input: 8-byte length, then a list of
messages, marshalled ("m") or, holding what marshal does not write, pickled ("p"):
  ("sql", TEXT)                              run it (drop, delete, create index)
  ("table", KEY, ONE_ROW_SQL, MANY_SQL, PER, FOLDS)
                                             an INSERT of one row and of PER rows; the
                                             search columns to fill (target, sources)
  ("rows", KEY, ROWS)                        insert them: PER at a time, the rest one by one
  ("commit",)                                commit, answer "ok" and exit
On its standard output the child answers "ok" or "error MESSAGE".

`python -m dvdesktop.services.demo.writer_process DATABASE_FILE`
"""
from __future__ import annotations

import marshal
import pickle
import sqlite3
import struct
import subprocess
import sys
from itertools import chain

import peewee  # noqa: F401 - its sqlite3 adapters, for any value the parent did not turn into text (see _adapted)

from ...vn.text import fold

_LENGTH = struct.Struct("<Q")
# The page cache, and what SQLite's sorter may hold in memory while it makes
# an index. 100 MB against 30 MB: the child's CPU time 15 s against 18 s for the
# province (index building 3.9 s against 5.8 s, the commit unchanged at ~1 s).
# The generating process's own cache is unused meanwhile: it writes nothing.
CACHE_KB = 100_000


class ChildWriter:
    """The parent's end: send() marshals a list of messages and writes them
    (BulkWriter calls it from its writing thread); commit() waits for the
    child's answer."""

    def __init__(self, database: str):
        self.child = subprocess.Popen([sys.executable, "-m", __name__, database], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def send(self, messages: list) -> None:
        """Write *messages* to the child (the write waits for the pipe without the GIL)."""
        self.check()
        try:
            data = b"m" + marshal.dumps(messages)  # twice as quick as pickle, for ints and texts
        except ValueError:  # what only pickle writes (the parent sends dates and decimals as text)
            data = b"p" + pickle.dumps(messages, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.child.stdin.write(_LENGTH.pack(len(data)))
            self.child.stdin.write(data)
        except (BrokenPipeError, OSError):
            self.check()
            raise

    def check(self) -> None:
        """Raise the child's error if it has stopped."""
        if self.child.poll() is not None:
            self._fail(self.child.stdout.read().decode("utf-8", "replace").strip())

    def _fail(self, answer: str) -> None:
        err = self.child.stderr.read().decode("utf-8", "replace").strip()
        raise RuntimeError(answer.removeprefix("error ")
                           or f"the demo writer process stopped ({self.child.returncode}): {err[-2000:]}")

    def commit(self) -> None:
        self.send([("commit",)])
        self.child.stdin.close()
        answer = self.child.stdout.read().decode("utf-8", "replace").strip()
        self.child.wait()
        if answer != "ok":
            self._fail(answer)

    def abandon(self) -> None:
        """Close the pipe without committing: the child rolls back and exits."""
        if self.child.poll() is None:
            try:
                self.child.stdin.close()
            except OSError:
                pass
            self.child.wait()
        for stream in (self.child.stdout, self.child.stderr):
            stream.close()


def _messages(stream):
    while True:
        head = stream.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return  # the parent closed the pipe: no commit
        (size,) = _LENGTH.unpack(head)
        data = stream.read(size)
        yield from (marshal.loads(data[1:]) if data[:1] == b"m" else pickle.loads(data[1:]))


def insert_rows(cursor, one: str, many: str, per: int, rows: list) -> None:
    """*rows* by INSERTs of *per* rows (*many*), the rest one by one (*one*).
    One step per INSERT, not one per row: executemany gives the GIL back and
    waits for it per row, so a writing thread and the generator took turns."""
    whole = len(rows) - len(rows) % per
    for start in range(0, whole, per):
        cursor.execute(many, list(chain.from_iterable(rows[start:start + per])))
    cursor.executemany(one, rows[whole:])


def _folded(row: tuple, folds: tuple) -> list:
    """*row* with its search columns filled, as Model.prepare_row fills them."""
    row = list(row)
    for target, sources in folds:
        row[target] = " ".join([fold(row[i]) for i in sources if row[i]]).strip()
    return row


def serve(database: str, stream, answer) -> int:
    conn = sqlite3.connect(database, isolation_level=None, timeout=30)
    for pragma in ("foreign_keys = OFF", "synchronous = OFF", f"cache_size = -{CACHE_KB}", "threads = 2"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN IMMEDIATE")
    tables: dict[str, tuple] = {}
    try:
        for message in _messages(stream):
            kind = message[0]
            if kind == "rows":
                one, many, per, folds = tables[message[1]]
                rows = message[2]
                insert_rows(conn, one, many, per, [_folded(row, folds) for row in rows] if folds else rows)
            elif kind == "sql":
                conn.execute(message[1])
            elif kind == "table":
                tables[message[1]] = message[2:]
            elif kind == "commit":
                conn.execute("COMMIT")  # SQLite copies the load into the database file as it commits
                # then empties the write-ahead log, the size of the database: 0.1 s here,
                # 0.8 s when the building process did it after this one had exited (it
                # still checkpoints; not waiting long here for a reader of another program)
                conn.execute("PRAGMA busy_timeout = 200")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                answer("ok")
                return 0
        conn.execute("ROLLBACK")
        return 1
    except Exception as exc:  # noqa: BLE001 - told to the parent, then rolled back
        answer(f"error {type(exc).__name__}: {exc}")
        conn.execute("ROLLBACK")
        return 1
    finally:
        conn.close()


def _bind_none_directly() -> None:
    """sqlite3 (Python 3.11) binds None only after asking the protocol for an
    adapter, a failed attribute lookup that raises and clears an exception:
    about a microsecond per None. An adapter registered for None is found
    first; {}.get, in C, gives None back, which binds as NULL."""
    sqlite3.register_adapter(type(None), {}.get)


def main() -> int:
    _bind_none_directly()  # this process binds nothing but the demo's rows

    def answer(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    return serve(sys.argv[1], sys.stdin.buffer, answer)


if __name__ == "__main__":
    sys.exit(main())
