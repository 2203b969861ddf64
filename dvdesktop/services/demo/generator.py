"""Demo data: a realistic commune (or a whole province) with five years of work.

Deterministic: the same seed and the same reference date give the same data,
row for row (ids, uids, dates, names). Only ``random.Random(seed)``'s numbers
are used (drawn by fast_random.SeededRandom, the same numbers in fewer steps),
and every date is derived from the reference date: today unless the caller
passes another one (``--today``), so that the demo a clerk opens always has
this year's work in it. The five years before it are filled; nothing is
dated after it. Scripts and tests that need the very same demo on another
day pass ``--today``.

Built with bulk inserts: rows are generated as dicts (the hottest tables as
tuples, BulkWriter.add_values), completed as ``Model.prepare_row`` would (NFC,
folded search columns, sort keys), given precomputed ids and uids, and
written in chunks inside one transaction (INSERTs of many rows on SQLite,
``execute_values`` on PostgreSQL), by a thread or, for the province on a
SQLite file, by a process of their own (writer_process.py). The per-record
services are not used: they would take hours at province scale.

Scales:
  commune   — xã Nà Hỳ (Điện Biên): 12 bản and teams, about 120 people.
  province  — tỉnh Bắc Ninh: 100 communes, 2,128 teams, ~19,000 members,
              >100,000 activity records, >20,000 mediation cases.
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
import json
import operator
import queue
import random
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Callable, NamedTuple

import peewee as pw

from ...errors import UserError
from ...paths import resource
from ...store.base import BaseModel, database_proxy
from ...store.migrations import people_analysis_sql
from ...store.models import (
    ALL_MODELS, AgendaItem, Area, AuditLog, Campaign, CampaignContribution, Concern, CriteriaSet,
    Criterion, Evaluation, EvaluationScore, ExemplaryModel, Household, HouseholdSupport, MediationCase,
    MediationMediator, MediationParty, MediationSession, MediationTeamMember, Meeting, MeetingAttendance, MeetingTask,
    Membership, Meta, OutreachSession, Person, SupervisionActivity, Team,
)
from .. import evaluation as ev
from ..settings import Organisation, Signer, save_organisation
from .fast_random import SeededRandom, Weights
from .writer_process import ChildWriter, insert_rows

YEARS_OF_HISTORY = 5
SCALES = ("commune", "province")
PROVINCE_TEAMS = 2128  # Bắc Giang's figure in 2024 (see DOMAIN.md)
PROVINCE_COMMUNES = 100

# Tables ignored when deciding whether a database already has records: the
# schema version and the audit log. Anything else (settings included) counts.
_IGNORED_FOR_EMPTINESS = (Meta, AuditLog)


class DemoRefused(UserError):
    pass


def has_records(db: pw.Database | None = None) -> bool:
    """True when any table other than the schema version and the audit log has a row."""
    for model in ALL_MODELS:
        if model in _IGNORED_FOR_EMPTINESS:
            continue
        if model.select(pw.SQL("1")).limit(1).exists():
            return True
    return False


def clear_database(db: pw.Database) -> None:
    """Remove every row except the schema version and the audit log, which is
    append-only (store/audit_guard.py) (used by --force)."""
    if isinstance(db, pw.PostgresqlDatabase):
        tables = ", ".join(f'"{m._meta.table_name}"' for m in _CLEARED)
        db.execute_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        return
    for sql in _clear_statements():
        db.execute_sql(sql)


def _clear_statements() -> list[str]:
    """SQLite: clear_database's DELETEs, children first."""
    return [f'DELETE FROM "{model._meta.table_name}"' for model in reversed(_CLEARED)]


_CLEARED = [m for m in ALL_MODELS if m not in (Meta, AuditLog)]  # by clear_database


# --- bulk writer -------------------------------------------------------------


def _adapted(value):
    """What sqlite3's adapters (peewee's among them) store for a date, a
    datetime or a Decimal (other values as they are)."""
    kind = type(value)
    if kind is dt.datetime:
        return value.isoformat(" ")
    if kind is dt.date:
        return value.isoformat()
    if kind is Decimal:
        return str(value)
    return value


class _Table:
    """One table's insert: the SQL (the stamped columns first), its rows so far, its next id."""

    __slots__ = ("model", "head", "sql", "sql_many", "per", "rows", "next_id", "count", "base", "names", "rest",
                 "derives", "adapted", "folds")

    def __init__(self, model, pg: bool, most_values: int = 0, child: bool = False):
        fields = list(model._meta.sorted_fields)
        by_name = {f.name: f for f in fields}
        others = [f for f in fields if f.name not in STAMPED]
        cols = ", ".join(f'"{by_name[n].column_name}"' for n in STAMPED) + "".join(
            f', "{f.column_name}"' for f in others)
        self.head = f'INSERT INTO "{model._meta.table_name}" ({cols}) '
        if pg:
            self.sql = self.head + "VALUES %s"
        else:
            # a row is (id, the uid in two numbers, the stamp, the others); the SELECT over the
            # VALUES writes the uid's text (see BulkWriter.uid) and the stamp twice, so that each
            # row hands over four values less. A thread writes ROWS_PER_INSERT rows in one INSERT
            # (fewer if SQLite takes fewer values): a few milliseconds of SQLite's work for each
            # time it waits for the GIL. A writer process has no GIL to share: smaller INSERTs,
            # quicker to prepare.
            width = FIRST_OTHER + len(others)
            select = ("SELECT column1, " + _UID_SQL + ", column4, column4, 1"
                      + "".join(f", column{FIRST_OTHER + 1 + i}" for i in range(len(others))) + " FROM (VALUES ")
            one = "(" + ", ".join(["?"] * width) + ")"
            self.per = max(1, min(CHILD_ROWS_PER_INSERT if child else ROWS_PER_INSERT, most_values // width))
            self.sql = self.head + select + one + ")"
            self.sql_many = self.head + select + ", ".join([one] * self.per) + ")"
        self.model = model
        self.rows: list[tuple] = []
        self.next_id = 1
        self.count = 0
        # a row is its dict laid over the defaults, read out in column order
        # by one itemgetter; prepare_row only where it fills something
        self.base = {f.name: None if callable(f.default) else f.default for f in others}
        names = [f.name for f in others]
        self.names = names
        getter = operator.itemgetter(*names)
        self.rest = getter if len(names) > 1 else (lambda row: (getter(row),))
        own_derive = getattr(model.derive, "__func__", None) is not BaseModel.derive.__func__
        # A child process that writes the rows folds the search columns of a table that
        # derives nothing else, from the row's values (writer_process.py): a core that has
        # time to spare. (target, sources) as positions in the row handed over.
        self.folds = tuple(
            (FIRST_OTHER + names.index(column), tuple(FIRST_OTHER + names.index(src) for src in sources))
            for column, sources in model.folded_columns.items()) if child and not own_derive else ()
        self.derives = (bool(model.folded_columns) or own_derive) and not self.folds
        # SQLite: dates and decimals written as the text sqlite3's adapters make of them, each
        # distinct value once (the adapters, Python functions, cost as much as the rest of an
        # insert; and a Decimal would make the batch go to a writer process by pickle, not marshal)
        self.adapted = () if pg else tuple(
            f.name for f in others if isinstance(f, (pw.DateField, pw.DateTimeField, pw.DecimalField)))


# id, uid, created and updated time, version: filled by the writer, first in every INSERT
STAMPED = ("id", "uid", "created_at", "updated_at", "version")
FIRST_OTHER = 4  # SQLite: a row's first value after the id, the uid's two numbers and the stamp
ROWS_PER_INSERT = 2000
CHILD_ROWS_PER_INSERT = 250
# BulkWriter.uid's text, made by SQLite from two numbers: column2 is the time
# field (48 bits) and rand_a (12 bits), column3 is rand_b (62 bits). (Columns of
# the VALUES, not parameters: a parameter used twice makes preparing a
# statement of many rows quadratic.)
_UID_SQL = ("printf('%08llx-%04llx-7%03llx-%04llx-%012llx', column2 >> 28, (column2 >> 12) & 65535, "
            "column2 & 4095, 32768 | (column3 >> 48), column3 & 281474976710655)")
_LOW_62 = (1 << 62) - 1


class Layout(NamedTuple):
    """BulkWriter.layout: where a row's given values and the defaults go."""
    model: type
    defaults: tuple  # the other columns' defaults, after the given values
    order: Callable[[tuple], tuple]  # (given values + defaults) → the columns in order
    adapted: tuple[int, ...]  # the given values to write as sqlite3's adapters would


class BulkWriter:
    """Buffers rows per table with precomputed ids and uids, and writes them in
    chunks, parents before children (the order of ALL_MODELS).

    The writing runs in a thread of its own, on the caller's connection (inside
    the caller's transaction), so that generating the next rows in Python and
    inserting the previous ones overlap: SQLite's step (not its binding) and
    PostgreSQL's round trip run without the GIL, one per INSERT of many rows. Only this thread
    touches the connection until finish(). With *child* (writer_process.py)
    the thread only hands each batch to that process, which writes it.

    Indexes: the caller drops the secondary ones before the load and hands
    their SQL to the writer (index_sql, by table); a table declared complete
    with seal() gets its indexes made by the writing thread at once (SQLite
    and PostgreSQL build them without the GIL, beside the generating of other
    tables), the others at finish()."""

    FLUSH_AT = 40000

    def __init__(self, db: pw.Database, seed: int, index_sql: dict[str, list[str]] | None = None,
                 child=None):
        self.db = db
        self.pg = isinstance(db, pw.PostgresqlDatabase)
        self.child = child  # a writer_process.ChildWriter: the rows go to it, not to this connection
        self.child_tables: set[str] = set()
        self.conn = db.connection()
        # values one SQLite statement takes (32,766 since SQLite 3.32)
        self.most_values = 0 if self.pg else self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        self.uid_rng = random.Random(f"uid-{seed}")
        self.uid_counter = 0
        self.uid_epoch_ms = 0
        self.tables: dict[type, _Table] = {}
        self.sealed: dict[type, _Table | None] = {}  # None: sealed without a row
        self.index_sql = dict(index_sql or {})
        self.pending = 0
        self.adapted_texts: dict = {}
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._write_batches, name="demo-writer", daemon=True)
        self.thread.start()

    def _table(self, model) -> _Table:
        if model in self.sealed:
            raise RuntimeError(f"{model.__name__}: rows added after the table was sealed")
        table = self.tables[model] = _Table(model, self.pg, self.most_values, child=self.child is not None)
        return table

    @property
    def counts(self) -> dict[type, int]:
        return {t.model: t.count for t in (*self.tables.values(), *self.sealed.values()) if t is not None}

    def uid(self) -> str:
        """A UUID version 7 (time-ordered, RFC 9562): a fixed timestamp plus a
        counter in the time field, random bits from the seeded generator.
        Ordered uids append to the unique index instead of scattering into it,
        which makes the bulk build much faster; still unique across
        databases, as the rest is random. (On SQLite, add() hands the same
        bits as two numbers to the INSERT, which writes the same text:
        formatting it here cost as much as the rest of add.)"""
        self.uid_counter += 1
        ms = self.uid_epoch_ms + self.uid_counter
        bits = self.uid_rng.getrandbits(74)  # rand_a (12 bits) and rand_b (62 bits) in one draw
        # the 128 bits: ms (48) | 7 (4) | rand_a (12) | 0b10 (2) | rand_b (62), written group by group
        return "%08x-%04x-7%03x-%04x-%012x" % (
            ms >> 16, ms & 0xFFFF, bits >> 62, 0x8000 | ((bits >> 48) & 0x3FFF), bits & 0xFFFF_FFFF_FFFF)

    def add(self, model, stamp: dt.datetime, row: dict) -> int:
        # a million calls: every step here is counted (see bench/bench_demo.py)
        table = self.tables.get(model) or self._table(model)
        if table.derives:
            model.prepare_row(row, normalise=False)  # every text is NFC already (_load, the f-strings of NFC parts)
        row = {**table.base, **row}
        if table.adapted:
            self._adapt(row, table.adapted)
        return self._append(table, stamp, table.rest(row))

    def layout(self, model, names: tuple[str, ...]) -> Layout:
        """For add_values: rows of *model* that give these columns, in this order."""
        table = _Table(model, self.pg, self.most_values)
        if table.derives:
            raise ValueError(f"{model.__name__} derives columns: rows go through add()")
        others = table.names
        defaults = tuple(table.base[name] for name in others if name not in names)
        given = {name: i for i, name in enumerate(names)}
        rest = iter(range(len(names), len(names) + len(defaults)))
        order = [given[name] if name in given else next(rest) for name in others]
        adapted = () if self.pg else tuple(given[name] for name in table.adapted if name in given)
        return Layout(model, defaults, operator.itemgetter(*order), adapted)

    def add_values(self, layout: Layout, stamp: dt.datetime, values: tuple) -> int:
        """add() for the hottest tables: the values of layout's columns, no dict
        (a dict merged over the defaults and read back: a third of add's work)."""
        table = self.tables.get(layout.model) or self._table(layout.model)
        if layout.adapted:
            values = list(values)
            self._adapt(values, layout.adapted)
            values = tuple(values)
        return self._append(table, stamp, layout.order(values + layout.defaults))

    def _adapt(self, values, keys) -> None:
        """values[key] for each key as sqlite3's adapters write it, each distinct value converted once."""
        texts = self.adapted_texts
        for key in keys:
            v = values[key]
            if v is not None:
                adapted = texts.get(v)
                if adapted is None:
                    adapted = texts[v] = _adapted(v)
                values[key] = adapted

    def _append(self, table: _Table, stamp: dt.datetime, rest: tuple) -> int:
        """The row: its id, uid and stamp, then *rest* (the other columns, in order)."""
        rid = table.next_id
        table.next_id = rid + 1
        if self.pg:
            table.rows.append((rid, self.uid(), stamp, stamp, 1) + rest)
        else:
            texts = self.adapted_texts
            text = texts.get(stamp)
            if text is None:
                text = texts[stamp] = _adapted(stamp)
            self.uid_counter = n = self.uid_counter + 1
            bits = self.uid_rng.getrandbits(74)
            table.rows.append((rid, ((self.uid_epoch_ms + n) << 12) | (bits >> 62), bits & _LOW_62, text) + rest)
        self.pending += 1
        if self.pending >= self.FLUSH_AT:
            self.flush()
        return rid

    def flush(self, then: list[str] | None = None, whole=()) -> None:
        """Hand the rows so far to the writing thread (and *then*, SQL it runs after
        them). SQLite: only whole INSERTs of each table's rows (table.per), the
        rest kept for the next flush, except for the tables in *whole*."""
        batch = []
        for model in ALL_MODELS:
            table = self.tables.get(model)
            if table is None or not table.rows:
                continue
            rows = table.rows
            if not self.pg and model not in whole:
                rows = rows[: len(rows) - len(rows) % table.per]
            if rows:
                batch.append((table, rows))
                table.count += len(rows)
                table.rows = table.rows[len(rows):]
        batch.extend((sql, None) for sql in then or ())
        self.pending = 0  # rows kept back count again from here: at most a statement short per table
        if batch:
            self._check()
            self.queue.put(batch)

    def seal(self, models) -> None:
        """No more rows for these tables: the writing thread makes their indexes
        as soon as it has written their last rows."""
        statements = [sql for model in models for sql in self.index_sql.pop(model._meta.table_name, [])]
        self.flush(then=statements, whole=models)
        for model in models:
            self.sealed[model] = self.tables.pop(model, None)

    def _write_batches(self) -> None:
        while True:
            batch = self.queue.get()
            if batch is None:
                return
            if self.error is not None:
                continue
            try:
                if self.child is not None:
                    self.child.send(self._messages(batch))
                    continue
                cursor = self.conn.cursor()
                for table, rows in batch:
                    if rows is None:
                        cursor.execute(table)  # an index's SQL
                    elif self.pg:
                        from psycopg2.extras import execute_values

                        execute_values(cursor, table.sql, rows, page_size=2000)
                    else:
                        insert_rows(cursor, table.sql, table.sql_many, table.per, rows)
                cursor.close()
            except BaseException as exc:  # noqa: BLE001 - handed back to the building thread
                self.error = exc

    def _messages(self, batch) -> list:
        """A batch as writer_process's messages (each table's INSERTs the first time)."""
        messages = []
        for table, rows in batch:
            if rows is None:
                messages.append(("sql", table))
                continue
            key = table.model._meta.table_name
            if key not in self.child_tables:
                self.child_tables.add(key)
                messages.append(("table", key, table.sql, table.sql_many, table.per, table.folds))
            messages.append(("rows", key, rows))
        return messages

    def _check(self) -> None:
        if self.error is not None:
            raise self.error

    def _stop_thread(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()

    def close(self) -> None:
        """Stop the writing thread (after an error in the generator too); a child
        not told to commit rolls back."""
        self._stop_thread()
        if self.child is not None:
            self.child.abandon()

    def finish(self) -> None:
        """Write what is left, make the remaining indexes, wait for both."""
        self.flush(then=[sql for statements in self.index_sql.values() for sql in statements], whole=ALL_MODELS)
        self.index_sql = {}
        self._stop_thread()
        self._check()
        if self.child is not None:
            self.child.commit()
        if self.pg:
            for table in (*self.tables.values(), *self.sealed.values()):
                if table is not None and table.count:
                    name = table.model._meta.table_name
                    self.db.execute_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), %s)", (table.next_id - 1,)
                    )


# --- the generator -----------------------------------------------------------


# weighted draws (value, weight)
CONCERN_CLOSED_AS = Weights([("da_giai_quyet", 75), ("da_tra_loi", 20), ("da_chuyen", 5)])
MEDIATION_SESSIONS = Weights([(1, 55), (2, 35), (3, 10)])
MEDIATION_OUTCOMES = Weights([("thanh", 80), ("khong_thanh", 12), ("dung", 3), ("chuyen", 5)])
MEDIATORS_PER_CASE = Weights([(1, 30), (2, 45), (3, 25)])
SESSION_HOURS = Weights([(8, 30), (9, 15), (14, 35), (19, 20)])
HOUSEHOLD_SITUATIONS = Weights([("ngheo", 55), ("can_ngheo", 30), ("kho_khan", 15)])


# Since 1 July 2024 (Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở)
# a thôn has a Tổ bảo vệ an ninh, trật tự instead of a công an viên: the
# member who held the one holds the other from that day, as a new membership.
SECURITY_BEFORE = "Công an viên"
SECURITY_AFTER = "Tổ trưởng Tổ bảo vệ an ninh, trật tự"
SECURITY_CHANGE = dt.date(2024, 7, 1)
SECURITY_CHANGE_REASON = "Từ 01/7/2024 chuyển sang Tổ bảo vệ an ninh, trật tự"


def _security_stints(start: dt.date, end: dt.date | None, reason: str) -> list[tuple]:
    """(position, start, end, end reason) of a thôn security member's stint,
    split on the day the Tổ bảo vệ an ninh, trật tự replaced the công an viên."""
    if end is not None and end <= SECURITY_CHANGE:
        return [(SECURITY_BEFORE, start, end, reason)]
    if start >= SECURITY_CHANGE:
        return [(SECURITY_AFTER, start, end, reason)]
    return [(SECURITY_BEFORE, start, SECURITY_CHANGE, SECURITY_CHANGE_REASON),
            (SECURITY_AFTER, SECURITY_CHANGE, end, reason)]


@dataclass
class Slot:
    role: str
    position: str
    male_share: float
    ages: tuple[int, int]
    party_share: float


def _slots(area_kind: str) -> tuple[list[Slot], list[Slot]]:
    head = {"bản": "Trưởng bản", "tổ dân phố": "Tổ trưởng tổ dân phố"}.get(area_kind, "Trưởng thôn")
    core = [
        Slot("to_truong", "Bí thư Chi bộ", 0.85, (38, 64), 1.0),
        Slot("to_pho", head, 0.85, (32, 60), 0.8),
        Slot("to_pho", "Trưởng Ban Công tác Mặt trận", 0.6, (40, 68), 0.7),
        Slot("thanh_vien", "Chi hội trưởng Hội Phụ nữ", 0.0, (28, 55), 0.5),
    ]
    optional = [
        Slot("thanh_vien", "Chi hội trưởng Hội Nông dân", 0.75, (35, 62), 0.5),
        Slot("thanh_vien", "Chi hội trưởng Hội Cựu chiến binh", 0.97, (52, 75), 0.9),
        Slot("thanh_vien", "Bí thư Chi đoàn", 0.55, (22, 32), 0.4),
        Slot("thanh_vien", "Thôn đội trưởng", 1.0, (25, 45), 0.5),
        Slot("thanh_vien", SECURITY_BEFORE, 0.95, (24, 45), 0.6),
        Slot("thanh_vien", "Chi hội trưởng Hội Người cao tuổi", 0.7, (62, 80), 0.6),
    ]
    return core, optional


@dataclass
class TeamInfo:
    id: int
    area_id: int
    area_name: str  # "bản Nà Khoang"
    commune_idx: int
    established: dt.date
    mix: list  # ethnic mix (cum weights)
    minority_share: float
    households: int
    cadre: tuple[str, str]
    # stints per slot: [person_id, name, gender, start, end]
    members: list = field(default_factory=list)  # (person_id, name, gender, role, position, start, end)
    meetings: list = field(default_factory=list)  # sorted dates
    meeting_ids: list = field(default_factory=list)
    strength: float = 0.8
    names: set = field(default_factory=set)  # full names of the team's members so far

    def active(self, day: dt.date) -> list:
        return [m for m in self.members if m[5] <= day and (m[6] is None or m[6] > day)]


@dataclass
class DemoOptions:
    scale: str = "commune"
    seed: int = 1
    reference: dt.date = field(default_factory=dt.date.today)


@dataclass
class DemoResult:
    scale: str
    seed: int
    reference: dt.date
    seconds: float
    counts: dict[str, int]


def _load(name: str) -> dict:
    """A demo resource, its text in NFC (rows built from it skip the check)."""
    import unicodedata

    return json.loads(unicodedata.normalize("NFC", resource("demo", name).read_text(encoding="utf-8")))


class Generator:
    def __init__(self, writer: BulkWriter, options: DemoOptions):
        self.w = writer
        self.o = options
        self.rng = SeededRandom(options.seed)  # random.Random's numbers, drawn in fewer steps
        self.ref = options.reference
        self.years = list(range(self.ref.year - YEARS_OF_HISTORY + 1, self.ref.year + 1))
        self.first_day = dt.date(self.years[0], 1, 1)
        names = _load("names.json")
        self.names = names
        self.acts = _load("activities.json")
        self.groups = {}
        for ethnic, g in names["groups"].items():
            surnames = [s for s, _ in g["surnames"]]
            cum, total = [], 0
            for _, wgt in g["surnames"]:
                total += wgt
                cum.append(total)
            self.groups[ethnic] = (surnames, cum, g)
        self.teams: list[TeamInfo] = []
        self.communes: list[dict] = []
        self.former_commune: dict[str, str] = {}  # bản → the commune it belonged to before 1 July 2025
        self.criteria_def = ev.load_definition(None)
        # weighted draws from the activity lists, summed once
        for name in ("outreach_forms", "concern_fields", "concern_channels", "mediation_scopes", "mediation_grounds"):
            setattr(self, name, Weights(self.acts[name]))
        # the hottest tables' rows, given as tuples (BulkWriter.add_values)
        self.attendance = writer.layout(MeetingAttendance, ("meeting", "person", "status", "reason"))
        self.agenda = writer.layout(AgendaItem, ("meeting", "position", "title", "content"))
        self.task = writer.layout(MeetingTask, (
            "meeting", "assignee", "assignee_name", "description", "due_date", "status", "done_on"))
        self.mediator = writer.layout(MediationMediator, ("case", "person", "name", "gender", "is_lead"))
        self.score = writer.layout(EvaluationScore, ("evaluation", "criterion", "self_score", "reviewed_score"))

    # --- small helpers ---

    def date_between(self, a: dt.date, b: dt.date) -> dt.date:
        if b <= a:
            return a
        return a + dt.timedelta(days=self.rng.randint(0, (b - a).days))

    def weighted(self, weights: Weights):
        return self.rng.pick(weights)

    def ethnic_of(self, mix) -> str:
        groups, cum = mix
        return self.rng.choices(groups, cum_weights=cum)[0]

    def name(self, ethnic: str, gender: str) -> str:
        surnames, cum, g = self.groups.get(ethnic) or self.groups["Kinh"]
        r = self.rng
        sur = r.choices(surnames, cum_weights=cum)[0]
        sex = "female" if gender == "nữ" else "male"
        middle = r.choice(g[f"middle_{sex}"])
        given = r.choice(g[f"given_{sex}"])
        while given == middle:  # "Nguyễn Đức Đức" is no name
            given = r.choice(g[f"given_{sex}"])
        return f"{sur} {middle} {given}"

    def phone(self) -> str:
        r = self.rng
        return f"0{r.choice('389')}{r.randint(10000000, 99999999)}"

    @staticmethod
    def stamp(day: dt.date, hour: int = 8) -> dt.datetime:
        return dt.datetime(day.year, day.month, day.day, hour, 0)

    # --- structure ---

    def plan_communes(self) -> None:
        r = self.rng
        if self.o.scale == "commune":
            # A commune of the official list after the 1 July 2025 reform, so
            # that the settings form can show it.
            # xã Nà Hỳ since 1 July 2025: the former communes Nà Hỳ, Nà Khoa,
            # Nậm Nhừ and Nậm Chua; each bản remembers which it belonged to
            former = {k: v for k, v in self.names["areas"]["Nà Hỳ"].items() if not k.startswith("_")}
            areas = [a for bans in former.values() for a in bans][:12]
            self.former_commune = {a: old for old, bans in former.items() for a in bans}
            self.province = "Điện Biên"
            self.communes = [{
                "name": "Nà Hỳ", "kind": "xã", "code": "03169", "areas": areas, "area_kind": "bản",
                "mix": {"Mông": 55, "Thái": 25, "Khơ Mú": 10, "Kinh": 10},
                "decision": dt.date(2019, 8, 20),
            }]
            return
        self.province = "Bắc Ninh"
        first, second = self.names["communes"]["first"], self.names["communes"]["second"]
        pool = [f"{a} {b}" for a in first for b in second if a != b]
        r.shuffle(pool)
        counts = [r.randint(15, 28) for _ in range(PROVINCE_COMMUNES)]
        while sum(counts) < PROVINCE_TEAMS:
            counts[r.randrange(PROVINCE_COMMUNES)] += 1
        while sum(counts) > PROVINCE_TEAMS:
            i = r.randrange(PROVINCE_COMMUNES)
            if counts[i] > 15:
                counts[i] -= 1
        vf, vs = self.names["areas"]["village_first"], self.names["areas"]["village_second"]
        for idx in range(PROVINCE_COMMUNES):
            kind = "phường" if r.random() < 0.25 else "xã"
            if r.random() < 0.3:
                mix = {"Kinh": 50, "Tày": 15, "Nùng": 15, "Sán Chay": 8, "Dao": 6, "Sán Dìu": 6}
            else:
                mix = {"Kinh": 92, "Tày": 3, "Nùng": 3, "Sán Dìu": 2}
            used, areas = set(), []
            for j in range(counts[idx]):
                if kind == "phường":
                    nm = f"Tổ dân phố số {j + 1}"
                else:
                    nm = f"{r.choice(vf)} {r.choice(vs)}"
                    while nm in used:
                        nm = f"{r.choice(vf)} {r.choice(vs)} {r.randint(1, 3)}"
                used.add(nm)
                areas.append(nm)
            self.communes.append({
                "name": pool[idx], "kind": kind, "code": f"{9000 + idx:05d}", "areas": areas,
                "area_kind": "tổ dân phố" if kind == "phường" else "thôn", "mix": mix,
                "decision": self.date_between(dt.date(2019, 3, 1), dt.date(2020, 9, 30)),
            })

    def build_structure(self) -> None:
        r = self.rng
        acts = self.acts
        team_no = 0
        for ci, com in enumerate(self.communes):
            groups = list(com["mix"])
            cum, tot = [], 0
            for g in groups:
                tot += com["mix"][g]
                cum.append(tot)
            mix = (groups, cum)
            commune_full = f"{com['kind']} {com['name']}"
            # commune cadres assigned to the teams (cán bộ phụ trách)
            cadres = []
            for k in range(max(3, len(com["areas"]) // 3)):
                gender = "nữ" if r.random() < 0.35 else "nam"
                ethnic = self.ethnic_of(mix)
                nm = self.name(ethnic, gender)
                title = acts["cadre_titles"][k % len(acts["cadre_titles"])]
                phone = self.phone()
                pid = self.w.add(Person, self.stamp(com["decision"]), {
                    "full_name": nm, "gender": gender, "birth_year": r.randint(1970, 1992), "ethnicity": ethnic,
                    "phone": phone, "address": f"{commune_full}, tỉnh {self.province}", "area": None,
                    "party_member": True, "titles": title,
                })
                cadres.append((pid, nm, title, phone))
            dec_no = r.randint(60, 320)
            for ai, area_name in enumerate(com["areas"]):
                kind = com["area_kind"]
                households = r.randint(45, 160) if kind == "bản" else r.randint(90, 320)
                ethnic_counts = {}
                for _ in range(20):
                    e = self.ethnic_of(mix)
                    ethnic_counts[e] = ethnic_counts.get(e, 0) + 1
                main = sorted(ethnic_counts, key=lambda e: -ethnic_counts[e])[:3]
                minority_share = 1 - ethnic_counts.get("Kinh", 0) / 20
                area_mix_groups = main
                acum, t = [], 0
                for e in main:
                    t += ethnic_counts[e]
                    acum.append(t)
                area_mix = (area_mix_groups, acum)
                est = com["decision"]
                # a new team (a newly created bản / thôn) now and then
                if (self.o.scale == "commune" and ai == len(com["areas"]) - 1) or (self.o.scale == "province" and r.random() < 0.01):
                    est = self.date_between(dt.date(self.ref.year, 3, 1), dt.date(self.ref.year, 7, 31))
                area_id = self.w.add(Area, self.stamp(min(est, com["decision"])), {
                    "name": area_name, "kind": kind, "province": self.province, "commune": com["name"],
                    "commune_code": com["code"], "households": households,
                    "population": int(households * r.uniform(3.6, 4.9)), "ethnic_groups": ", ".join(main),
                    "active": True,
                    "notes": (f"Trước ngày 01/7/2025 thuộc xã {self.former_commune[area_name]}, huyện Nậm Pồ."
                              if area_name in self.former_commune else ""),
                })
                cadre = cadres[ai % len(cadres)]
                label = f"{kind} {area_name}"
                team_id = self.w.add(Team, self.stamp(est), {
                    "area": area_id, "name": f"Tổ dân vận {label}",
                    "decision_number": f"{dec_no if est == com['decision'] else r.randint(321, 600)}-QĐ/ĐU",
                    "established_on": est, "status": "active", "cadre": cadre[0], "cadre_name": cadre[1],
                    "cadre_title": cadre[2], "cadre_phone": cadre[3],
                })
                team_no += 1
                info = TeamInfo(team_id, area_id, label, ci, est, area_mix, minority_share, households,
                                (cadre[1], cadre[2]), strength=r.uniform(0.62, 0.97))
                self.build_members(info, com, commune_full)
                self.teams.append(info)

    def new_member_person(self, info: TeamInfo, slot: Slot, start: dt.date, commune_full: str) -> tuple:
        r = self.rng
        gender = "nam" if r.random() < slot.male_share else "nữ"
        ethnic = self.ethnic_of(info.mix)
        nm = self.name(ethnic, gender)
        while nm in info.names:  # two members of one team never share a full name
            nm = self.name(ethnic, gender)
        info.names.add(nm)
        age = r.randint(*slot.ages)
        pid = self.w.add(Person, self.stamp(start), {
            "full_name": nm, "gender": gender, "birth_year": start.year - age, "ethnicity": ethnic,
            "phone": self.phone() if r.random() < 0.9 else "", "address": f"{info.area_name}, {commune_full}",
            "area": info.area_id, "party_member": r.random() < slot.party_share, "titles": slot.position,
        })
        return pid, nm, gender

    def build_members(self, info: TeamInfo, com: dict, commune_full: str) -> None:
        r = self.rng
        core, optional = _slots(com["area_kind"])
        size = r.randint(7, 9) if self.o.scale == "commune" else r.randint(8, 10)
        slots = core + r.sample(optional, size - len(core))
        p_change = 0.2 if self.o.scale == "commune" else 0.3
        change_from = max(info.established + dt.timedelta(days=200), dt.date(self.years[0], 3, 1))
        change_to = self.ref - dt.timedelta(days=40)
        stints: list[list] = []  # per slot: [[pid, name, gender, start, end, reason], ...]
        for slot in slots:
            pid, nm, gender = self.new_member_person(info, slot, info.established, commune_full)
            chain = [[pid, nm, gender, info.established, None, ""]]
            if change_from < change_to and r.random() < p_change:
                if slot.role == "to_truong":  # after the chi bộ congress
                    y = r.choice([2022, 2025]) if self.ref.year >= 2025 else self.years[1]
                    day = self.date_between(dt.date(y, 5, 1), dt.date(y, 8, 31))
                    day = min(max(day, change_from), change_to)
                else:
                    day = self.date_between(change_from, change_to)
                chain[-1][4] = day
                chain[-1][5] = r.choice(self.acts["end_reasons"])
                pid2, nm2, g2 = self.new_member_person(info, slot, day, commune_full)
                chain.append([pid2, nm2, g2, day, None, ""])
            stints.append(chain)
        # kiện toàn: sometimes the Front head becomes the new team leader
        lead_chain, front_chain = stints[0], stints[2]
        if len(lead_chain) == 2 and r.random() < 0.3:
            day = lead_chain[1][3]
            for k, st in enumerate(front_chain):
                if st[3] < day and (st[4] is None or st[4] > day):
                    # the successor leader is the Front head; a new Front head follows
                    new_pid, new_nm, new_g = self.new_member_person(info, slots[2], day, commune_full)
                    lead_chain[1][0:3] = st[0:3]
                    front_chain.insert(k + 1, [new_pid, new_nm, new_g, day, st[4], st[5]])
                    st[4], st[5] = day, "Kiện toàn: chuyển sang làm tổ trưởng"
                    break
        for slot, chain in zip(slots, stints):
            for pid, nm, gender, start, end, reason in chain:
                if slot.position == SECURITY_BEFORE:
                    parts = _security_stints(start, end, reason)
                else:
                    parts = [(slot.position, start, end, reason)]
                for position, since, until, why in parts:
                    self.w.add(Membership, self.stamp(since), {
                        "person": pid, "team": info.id, "role": slot.role, "position": position,
                        "start_date": since, "end_date": until, "end_reason": why,
                    })
                    info.members.append((pid, nm, gender, slot.role, position, since, until))

    # --- activity ---

    @staticmethod
    def _called(member) -> str:
        """"ông Lò Văn Thắng (Trưởng bản)": how minutes name a member who speaks."""
        return f"{'bà' if member[2] == 'nữ' else 'ông'} {member[1]} ({member[4]})"

    def discussion(self, focus: str, present: list, info: TeamInfo) -> str:
        """What the members said about the meeting's main item: two members,
        what each found in the households they look after, what they propose.
        Made of the meeting's own topic, people and figures, so that two
        meetings never read the same."""
        r, parts = self.rng, self.acts["discussion_parts"]
        speakers = r.sample(present, min(2, len(present)))
        if focus.startswith("Họp đột xuất về "):  # the meeting's own subject: "Về vụ việc …"
            opening = "Về " + focus[len("Họp đột xuất về "):]
        else:
            opening = "Về nội dung " + focus[0].lower() + focus[1:]
        said = []
        for k, m in enumerate(speakers):
            seen = r.choice(parts["observations"]).replace("{n}", str(r.randint(2, 12))).replace("{area}", info.area_name)
            said.append(f"{self._called(m)} cho biết {seen}" if k == 0 else f"{self._called(m)} {r.choice(parts['proposals'])}")
        return f"{opening}: " + "; ".join(said) + "."

    def conclusions(self, present: list, chair) -> str:
        r = self.rng
        others = [m for m in present if m is not chair] or present
        who = r.choice(others)
        return r.choice(self.acts["discussion_parts"]["conclusions"]).replace("{who}", self._called(who))

    def team_years(self, info: TeamInfo):
        for y in self.years:
            start = max(dt.date(y, 1, 1), info.established)
            end = min(dt.date(y, 12, 31), self.ref)
            if start <= end:
                yield y, start, end

    def build_meetings(self, info: TeamInfo) -> None:
        r, acts, add = self.rng, self.acts, self.w.add_values
        place = r.choice(acts["meeting_places"]).replace("{area}", info.area_name)
        planned = []
        for y, start, end in self.team_years(info):
            for q in range(1, 5):
                last_month = 3 * q
                day = self.date_between(dt.date(y, last_month, 1), dt.date(y, last_month, 25))
                if start <= day <= end:
                    planned.append((day, "dinh_ky", q))
            if r.random() < 0.4:
                planned.append((self.date_between(start, end), "dot_xuat", 0))
        planned.sort(key=lambda p: (p[0], p[1]))
        seq_by_year: dict[int, int] = {}
        for day, kind, q in planned:
            present = info.active(day)
            if not present:
                continue
            seq = seq_by_year[day.year] = seq_by_year.get(day.year, 0) + 1
            hour, minute = r.choice([(19, 30), (19, 30), (20, 0), (8, 0), (14, 0)])
            starts = dt.datetime(day.year, day.month, day.day, hour, minute)
            ends = starts + dt.timedelta(minutes=r.choice([90, 105, 120, 150]))
            chair = next((m for m in present if m[3] == "to_truong"), present[0])
            sec = next((m for m in present if m[4] in ("Bí thư Chi đoàn", "Chi hội trưởng Hội Phụ nữ")), present[-1])
            if kind == "dinh_ky":
                roman = ("I", "II", "III", "IV")[q - 1]
                title = f"Họp định kỳ quý {roman} năm {day.year}"
                focus = r.choice(acts["focus_items"])
                items = [[t.replace("{q}", roman).replace("{year}", str(day.year)), c] for t, c in acts["regular_agenda"]]
                items.insert(2, focus)
            else:
                focus = r.choice(acts["extraordinary"])
                title = focus[0]
                items = [focus]
            guests = f"Đồng chí {info.cadre[0]}, {info.cadre[1]}, cán bộ phụ trách" if r.random() < 0.5 else ""
            mid = self.w.add(Meeting, starts, {
                "team": info.id, "kind": kind, "number": f"{seq:02d}-BB/TDV", "title": title,
                "starts_at": starts, "ends_at": ends, "place": place, "chair": chair[0], "secretary": sec[0],
                "guests": guests, "discussion": self.discussion(focus[0], present, info),
                "conclusions": self.conclusions(present, chair), "status": "held",
            })
            info.meetings.append(day)
            info.meeting_ids.append(mid)
            for m in present:
                x = r.random()
                if x < 0.88 or m in (chair, sec):  # the chair and the secretary were there: they sign the minutes
                    status, reason = "present", ""
                elif x < 0.97:
                    status, reason = "excused", r.choice(acts["excuse_reasons"])
                else:
                    status, reason = "absent", ""
                add(self.attendance, starts, (mid, m[0], status, reason))
            for pos, (t, c) in enumerate(items, 1):
                add(self.agenda, starts, (mid, pos, t, c))
            for _ in range(r.randint(1, 2)):
                who = r.choice(present)
                due = day + dt.timedelta(days=r.choice([15, 30, 45, 60]))
                done = due < self.ref and r.random() < 0.92
                add(self.task, starts, (
                    mid, who[0], who[1], r.choice(acts["tasks"]), due,
                    "done" if done else ("cancelled" if due < self.ref - dt.timedelta(days=120) else "open"),
                    due - dt.timedelta(days=r.randint(0, 12)) if done else None,
                ))

    def build_outreach(self, info: TeamInfo) -> None:
        r, acts = self.rng, self.acts
        forms = self.outreach_forms
        for y, start, end in self.team_years(info):
            topics = [t for t in acts["outreach"] if t.get("min_year", 0) <= y]
            n = r.randint(4, 6) if self.o.scale == "commune" else r.randint(3, 5)
            for _ in range(n):
                day = self.date_between(start, end)
                topic = r.choice(topics)
                form = self.weighted(forms)
                lo, hi = {"Họp dân": (35, 120), "Đến từng hộ": (8, 30), "Loa truyền thanh": (100, 400),
                          "Nhóm Zalo": (40, 160), "Sinh hoạt chi hội": (15, 45), "Văn nghệ": (80, 250)}.get(form, (30, 100))
                total = r.randint(lo, hi)
                present = info.active(day)
                presenters = ", ".join(m[1] for m in r.sample(present, min(len(present), r.randint(1, 2)))) if present else ""
                place = f"Nhà văn hóa {info.area_name}" if form in ("Họp dân", "Văn nghệ", "Sinh hoạt chi hội") else info.area_name
                minority = int(total * max(0.0, min(1.0, info.minority_share + r.uniform(-0.08, 0.08))))
                self.w.add(OutreachSession, self.stamp(day, 14), {
                    "team": info.id, "held_on": day, "place": place, "form": form, "topic": topic["topic"],
                    "policy": topic["policy"], "presenters": presenters, "audience_total": total,
                    "audience_women": int(total * r.uniform(0.38, 0.6)), "audience_minority": minority,
                    "materials": topic["materials"], "result": topic["result"],
                })

    def build_concerns(self, info: TeamInfo, commune: dict) -> None:
        r, acts = self.rng, self.acts
        fields, channels = self.concern_fields, self.concern_channels
        for y, start, end in self.team_years(info):
            for _ in range(r.randint(1, 3)):
                day = self.date_between(start, end)
                fld = self.weighted(fields)
                content, authority, answer = r.choice(acts["concerns"][fld])
                content = content.replace("{area}", info.area_name)
                channel = self.weighted(channels)
                anonymous = r.random() < 0.08
                gender = "nam" if r.random() < 0.6 else "nữ"
                raised = "" if anonymous else self.name(self.ethnic_of(info.mix), gender)
                meeting_id = None
                if channel in ("Họp Tổ dân vận", "Họp thôn"):
                    k = bisect.bisect_right(info.meetings, day) - 1
                    if k >= 0:
                        meeting_id = info.meeting_ids[k]
                        day = info.meetings[k]
                age = (self.ref - day).days
                if age < 20:
                    status = "moi"
                elif age < 45:
                    status = "da_chuyen"
                else:
                    status = self.weighted(CONCERN_CLOSED_AS)
                if authority in ("UBND xã", "Công an xã", "Đảng ủy xã", "Trạm Y tế xã"):
                    authority = authority.replace("xã", f"{commune['kind']} {commune['name']}")
                elif authority == "Điện lực":
                    authority = f"Điện lực {commune['name']}"
                elif authority == "Bảo hiểm xã hội":
                    authority = f"Bảo hiểm xã hội tỉnh {self.province}"
                forwarded_on = day + dt.timedelta(days=r.randint(1, 7)) if status != "moi" else None
                answered_on = forwarded_on + dt.timedelta(days=r.randint(7, 30)) if status in ("da_tra_loi", "da_giai_quyet") else None
                resolved_on = answered_on + dt.timedelta(days=r.randint(0, 20)) if status == "da_giai_quyet" else None
                platform = channel if channel in ("Mặt trận số", "Cổng PAKN") else ""
                self.w.add(Concern, self.stamp(day, 10), {
                    "received_on": day, "channel": channel, "raised_by": raised, "anonymous": anonymous,
                    "contact": self.phone() if (not anonymous and r.random() < 0.4) else "",
                    "area": info.area_id, "team": info.id, "meeting": meeting_id, "field": fld, "content": content,
                    "forwarded_to": authority if forwarded_on else "", "forwarded_on": forwarded_on,
                    "reference_no": f"PAKN-{y}-{r.randint(1, 999999):06d}" if platform and forwarded_on else "",
                    "platform": platform, "answer": answer if answered_on else "", "answered_on": answered_on,
                    "resolved_on": resolved_on, "status": status,
                    "due_date": (forwarded_on or day) + dt.timedelta(days=30),
                })

    # Who the parties of each kind of dispute are: (gender or None for either,
    # youngest, oldest) for side A, side B; "same_family": B shares A's surname
    # (siblings); "related": a person with related rights and duties, sometimes.
    MEDIATION_PARTIES = {
        "Mâu thuẫn vợ chồng": {"a": ("nữ", 22, 50), "b": ("nam", 24, 56), "couple": True},
        "Mâu thuẫn mẹ chồng, nàng dâu": {"a": ("nữ", 20, 38), "b": ("nữ", 46, 72),
                                        "related": ("nam", 22, 42, 0.6)},  # the husband, her son
        "Mâu thuẫn nuôi dưỡng cha mẹ già": {"a": (None, 32, 58), "b": (None, 32, 60), "same_family": True},
        "Tranh chấp chia thừa kế": {"a": (None, 30, 65), "b": (None, 30, 68), "same_family": True,
                                    "related": (None, 28, 65, 0.4)},  # another heir
        "Xô xát do say rượu": {"a": ("nam", 18, 29), "b": ("nam", 18, 30)},
        "Mâu thuẫn do tiếng ồn": {"a": (None, 30, 70), "b": (None, 20, 45)},
    }
    # The tổ hòa giải of a thôn / bản: the Front's head leads it; the village
    # head, the Women's Union head and the elders' and veterans' heads sit in it.
    MEDIATION_TEAM_POSITIONS = ("Trưởng Ban Công tác Mặt trận", "Trưởng thôn", "Trưởng bản", "Tổ trưởng tổ dân phố",
                                "Chi hội trưởng Hội Phụ nữ", "Chi hội trưởng Hội Người cao tuổi",
                                "Chi hội trưởng Hội Cựu chiến binh")

    def _mediation_team(self, info: TeamInfo) -> list:
        """Write the area's tổ hòa giải (the members holding the positions above,
        for as long as they hold them) and return its stints (m, role)."""
        stints: dict[int, list] = {}  # person → [member, role, start, end]: one row per person
        for m in info.members:  # (person_id, name, gender, role, position, start, end)
            if m[4] not in self.MEDIATION_TEAM_POSITIONS:
                continue
            role = "to_truong" if m[4] == "Trưởng Ban Công tác Mặt trận" else "hoa_giai_vien"
            seen = stints.get(m[0])
            if seen is None:
                stints[m[0]] = [m, role, m[5], m[6]]
            else:  # the same person in two positions in turn (a kiện toàn): one stint in the team
                seen[1] = "to_truong" if "to_truong" in (seen[1], role) else role
                seen[2] = min(seen[2], m[5])
                seen[3] = None if seen[3] is None or m[6] is None else max(seen[3], m[6])
        team = []
        for m, role, start, end in stints.values():
            self.w.add(MediationTeamMember, self.stamp(start), {
                "area": info.area_id, "person": m[0], "role": role, "start_date": start, "end_date": end,
            })
            team.append(((m[0], m[1], m[2], m[3], m[4], start, end), role))
        return team

    def _party(self, info: TeamInfo, spec, year: int, surname: str | None = None) -> tuple[str, str, int]:
        r = self.rng
        gender, young, old = spec[:3]
        gender = gender or ("nam" if r.random() < 0.6 else "nữ")
        name = self.name(self.ethnic_of(info.mix), gender)
        if surname:
            name = f"{surname} {name.split(' ', 1)[1]}"
        return name, gender, year - r.randint(young, old)

    def build_mediation(self, info: TeamInfo) -> None:
        r, acts = self.rng, self.acts
        scopes, grounds = self.mediation_scopes, self.mediation_grounds
        team = self._mediation_team(info)
        for y, start, end in self.team_years(info):
            n = r.randint(0, 2) if self.o.scale == "commune" else r.randint(1, 3)
            days = sorted(self.date_between(start, end) for _ in range(n))
            for seq, day in enumerate(days, 1):
                scope = self.weighted(scopes)
                tpl = r.choice(acts["mediation"][scope])
                assigned = day + dt.timedelta(days=r.randint(0, 2))
                started = assigned + dt.timedelta(days=r.randint(0, 3))
                n_sessions = self.weighted(MEDIATION_SESSIONS)
                sessions = [started]
                for _ in range(n_sessions - 1):
                    sessions.append(sessions[-1] + dt.timedelta(days=r.randint(3, 14)))
                sessions = [s for s in sessions if s <= self.ref]
                age = (self.ref - day).days
                if age < 15 or not sessions:
                    outcome = "dang"
                else:
                    outcome = self.weighted(MEDIATION_OUTCOMES)
                closed = sessions[-1] if outcome != "dang" and sessions else None
                carry_by = closed + dt.timedelta(days=r.randint(15, 60)) if outcome == "thanh" else None
                carried = (carry_by < self.ref and r.random() < 0.95) if carry_by else None
                cid = self.w.add(MediationCase, self.stamp(day, 9), {
                    "area": info.area_id, "team": info.id, "number": f"{seq:02d}/{y}", "received_on": day,
                    "grounds": self.weighted(grounds), "scope": scope, "kind": tpl["kind"], "summary": tpl["summary"],
                    "assigned_on": assigned, "started_on": sessions[0] if sessions else None, "outcome": outcome,
                    "closed_on": closed, "agreement": tpl["agreement"] if outcome == "thanh" else "",
                    "carry_out_how": "Các bên tự nguyện thực hiện, tổ hòa giải theo dõi, đôn đốc." if outcome == "thanh" else "",
                    "carry_out_by": carry_by, "carried_out": carried,
                    "carried_out_on": carry_by - dt.timedelta(days=r.randint(0, 10)) if carried else None,
                    "confidential": True,
                })
                stamp = self.stamp(day, 9)
                # the parties fit the dispute: a wife and a husband, a mother-in-law and her son's wife,
                # siblings of one family, young men after a wedding feast
                spec = self.MEDIATION_PARTIES.get(tpl["kind"], {"a": (None, 25, 70), "b": (None, 25, 72)})
                name_a, g_a, born_a = self._party(info, spec["a"], y)
                surname = name_a.split(" ", 1)[0] if spec.get("same_family") else None
                name_b, g_b, born_b = self._party(info, spec["b"], y, surname)
                if spec.get("couple"):  # the husband is of her age or a few years older
                    born_b = born_a - r.randint(0, 6)
                elif spec.get("same_family"):  # brothers and sisters a few years apart
                    born_b = born_a + r.choice([-1, 1]) * r.randint(2, 12)
                for side, (nm, g, born), demand in (("A", (name_a, g_a, born_a), tpl["demand_a"]),
                                                   ("B", (name_b, g_b, born_b), tpl["demand_b"])):
                    self.w.add(MediationParty, stamp, {
                        "case": cid, "name": nm, "gender": g, "birth_year": born, "address": info.area_name,
                        "side": side, "demands": demand,
                    })
                related = spec.get("related")
                if related and r.random() < related[3]:
                    nm, g, born = self._party(info, related, y, name_b.split(" ", 1)[0] if spec.get("same_family") else None)
                    if tpl["kind"] == "Mâu thuẫn mẹ chồng, nàng dâu":  # her husband, the mother-in-law's son
                        born = born_a - r.randint(-2, 6)
                    elif spec.get("same_family"):  # another brother or sister
                        born = born_a + r.choice([-1, 1]) * r.randint(2, 14)
                    self.w.add(MediationParty, stamp, {
                        "case": cid, "name": nm, "gender": g, "birth_year": born, "address": info.area_name,
                        "side": "lien_quan",
                    })
                # one to three mediators of the area's tổ hòa giải (the composition rule is the team's);
                # a family dispute takes the Women's Union head along
                present = [(m, role) for m, role in team if m[5] <= day and (m[6] is None or m[6] > day)]
                if not present:
                    present = [(m, "hoa_giai_vien") for m in info.active(day)[:3]]
                k = min(len(present), self.weighted(MEDIATORS_PER_CASE))
                lead = next((p for p in present if p[1] == "to_truong"), present[0])
                if scope == "hon_nhan_gia_dinh":
                    lead = next((p for p in present if p[0][2] == "nữ"), lead)
                others = [p for p in present if p is not lead]
                chosen = [lead] + r.sample(others, max(0, k - 1))
                for j, (m, _role) in enumerate(chosen):
                    self.w.add_values(self.mediator, stamp, (cid, m[0], m[1], m[2], j == 0))
                names = [m[1] for m, _role in chosen]
                invited = [m[1] for m in info.active(day) if m[4] in ("Trưởng thôn", "Trưởng bản", "Bí thư Chi bộ")
                           and m[1] not in names][:1] if r.random() < 0.25 else []
                for j, s in enumerate(sessions):
                    begin = self.weighted(SESSION_HOURS)
                    length = r.choice([60, 90, 120, 150])
                    finish = begin * 60 + length
                    self.w.add(MediationSession, self.stamp(s, 14), {
                        "case": cid, "held_on": s, "place": f"Nhà văn hóa {info.area_name}",
                        "start_time": f"{begin:02d}:00", "end_time": f"{finish // 60:02d}:{finish % 60:02d}",
                        "attendees": ", ".join(names + invited + [name_a, name_b]),
                        "content": "Gặp riêng từng bên, nghe trình bày, giải thích quy định pháp luật." if j == 0
                        else "Gặp chung các bên, phân tích đúng sai, các bên trao đổi phương án.",
                    })

    def build_models_and_households(self, info: TeamInfo) -> None:
        r, acts = self.rng, self.acts
        for y, start, end in self.team_years(info):
            if r.random() < 0.25:
                nm, fld = r.choice(acts["exemplary_models"])
                self.w.add(ExemplaryModel, self.stamp(end), {
                    "team": info.id, "name": f"Mô hình \u201c{nm}\u201d ở {info.area_name}", "field": fld, "year": y,
                    "description": f"Tổ dân vận phối hợp chi bộ, Ban Công tác Mặt trận và các chi hội xây dựng mô hình \u201c{nm}\u201d.",
                    "results": f"Thu hút {r.randint(30, 150)} hộ tham gia; được nhân dân đồng tình hưởng ứng.",
                    "level": "Cấp tỉnh" if r.random() < 0.12 else "Cấp xã",
                })
        for _ in range(r.randint(2, 5)):
            since = r.randint(self.years[0] - 3, self.years[-1] - 1)
            g = "nam" if r.random() < 0.65 else "nữ"
            left = r.randint(since + 1, self.years[-1]) if r.random() < 0.45 else None
            hid = self.w.add(Household, self.stamp(dt.date(since, 1, 15)), {
                "area": info.area_id, "head_name": self.name(self.ethnic_of(info.mix), g),
                "situation": self.weighted(HOUSEHOLD_SITUATIONS),
                "members": r.randint(2, 8), "since_year": since, "left_poverty_year": left,
                "notes": r.choice(acts["household_situations"]),
            })
            for _ in range(r.randint(1, 3)):
                sup = r.choice(acts["household_support"])
                day = self.date_between(max(dt.date(since, 1, 1), info.established, self.first_day), self.ref)
                self.w.add(HouseholdSupport, self.stamp(day), {
                    "household": hid, "team": info.id, "given_on": day, "kind": sup["kind"],
                    "description": sup["description"], "given_by": f"Tổ dân vận {info.area_name}",
                    "value": r.randint(*sup["value"]) // 100000 * 100000 if sup["value"][1] else 0,
                })

    def build_campaigns(self) -> None:
        r, acts = self.rng, self.acts
        by_commune: dict[int, list[TeamInfo]] = {}
        for t in self.teams:
            by_commune.setdefault(t.commune_idx, []).append(t)
        for ci, com in enumerate(self.communes):
            for y in self.years:
                chosen = r.sample(acts["campaigns"], 3)
                special = acts["special_campaigns"].get(str(y))
                if special:
                    chosen.append(special)
                for c in chosen:
                    m0, m1 = c["months"]
                    start = dt.date(y, m0, 1)
                    end = min(dt.date(y, m1, 28), self.ref)
                    cid = self.w.add(Campaign, self.stamp(start), {
                        "name": c["name"].replace("{year}", str(y)), "kind": c["kind"], "year": y,
                        "start_date": start, "end_date": end,
                        "description": f"Phát động trên địa bàn {com['kind']} {com['name']}.",
                    })
                    for t in by_commune.get(ci, []):
                        if t.established > end:
                            continue
                        hh = min(t.households, r.randint(*c["households"]))
                        self.w.add(CampaignContribution, self.stamp(end), {
                            "campaign": cid, "team": t.id, "households_mobilised": hh,
                            "work_days": Decimal(r.randint(*c["work_days"])) if c["work_days"][1] else Decimal(0),
                            "money": r.randint(*c["money"]) // 10000 * 10000 if c["money"][1] else 0,
                            "materials": c["materials"],
                            "result": "Hoàn thành chỉ tiêu được giao." if r.random() < 0.85 else "Vượt chỉ tiêu được giao.",
                        })

    def build_evaluations(self) -> None:
        """Each year's rating as a commune runs it: teams assess themselves
        from late November, the commune reviews in the second half of
        December, the Party committee decides in late January (quota kept).
        Only what has happened by the reference day is recorded, so the
        current year is part way through its self-assessments."""
        r = self.rng
        data = self.criteria_def
        crit_rows = ev.definition_rows(data)
        levels = ev.check_levels(data["levels"])
        quota = data.get("quota") or {}
        min_months = quota.get("min_active_months", 0) or 0
        by_commune: dict[int, list[TeamInfo]] = {}
        for t in self.teams:
            by_commune.setdefault(t.commune_idx, []).append(t)
        for y in self.years:
            stamp = self.stamp(dt.date(y, 1, 10))
            set_id = self.w.add(CriteriaSet, stamp, {
                "year": y, "name": str(data.get("name", "")).replace("{year}", str(y)),
                "levels": json.dumps(levels, ensure_ascii=False), "quota": json.dumps(quota, ensure_ascii=False),
                "is_sample": False,  # the commune adopted the sample as its set
            })
            crit_ids = [self.w.add(Criterion, stamp, {"criteria_set": set_id, **row}) for row in crit_rows]
            for ci, com in enumerate(self.communes):
                commune = f"{com['kind']} {com['name']}"
                review_on = self.date_between(dt.date(y, 12, 15), dt.date(y, 12, 28))
                decided_on = self.date_between(dt.date(y + 1, 1, 15), dt.date(y + 1, 1, 25))
                rated = []
                for t in by_commune.get(ci, []):
                    if ev.active_months(SimpleNamespace(established_on=t.established, dissolved_on=None), y) < min_months:
                        continue
                    self_on = self.date_between(dt.date(y, 11, 20), dt.date(y, 12, 10))
                    if self_on > self.ref:
                        continue  # not assessed yet
                    level = max(0.3, min(1.0, t.strength + r.uniform(-0.12, 0.1)))
                    reviewed_done = review_on <= self.ref
                    self_scores, reviewed = [], []
                    for row in crit_rows:
                        mx = float(row["max_points"])
                        s = round(mx * max(0.2, min(1.0, level + r.uniform(-0.12, 0.12))) * 2) / 2
                        rv = max(0.0, s - (0.5 * r.randint(1, 2) if r.random() < 0.25 else 0))
                        self_scores.append(Decimal(str(s)))
                        reviewed.append(Decimal(str(rv)) if reviewed_done else None)
                    total = sum((rv if rv is not None else s for s, rv in zip(self_scores, reviewed)), Decimal(0))
                    leader = next((m[1] for m in t.active(self_on) if m[3] == "to_truong"), "")
                    rated.append([t, self_scores, reviewed, total, ev.rate(total, levels), self_on, leader])
                decided = decided_on <= self.ref
                ratings = [x[4] for x in rated]
                if decided:
                    ratings = ev.enforce_quota(ratings, [float(x[3]) for x in rated], quota, levels)
                dec_no = r.randint(10, 99)
                for (t, self_scores, reviewed, total, _, self_on, leader), rating in zip(rated, ratings):
                    stage = "decided" if decided else "review" if review_on <= self.ref else "self"
                    last = {"self": self_on, "review": review_on, "decided": decided_on}[stage]
                    eid = self.w.add(Evaluation, self.stamp(last), {
                        "criteria_set": set_id, "team": t.id, "year": y, "stage": stage,
                        "total": total, "rating": rating,
                        "self_comment": "Tổ đã hoàn thành các nhiệm vụ trọng tâm trong năm.",
                        "self_on": self_on, "self_by": f"{leader}, Tổ trưởng" if leader else "Tổ dân vận",
                        "review_comment": "Thống nhất kết quả tự đánh giá, điều chỉnh một số tiêu chí." if stage != "self" else "",
                        "review_on": review_on if stage != "self" else None,
                        "review_by": f"Khối Dân vận {commune}" if stage != "self" else "",
                        "decision_number": f"{dec_no}-QĐ/ĐU" if decided else "",
                        "decided_on": decided_on if decided else None,
                        "decided_by": f"Ban Thường vụ Đảng ủy {commune}" if decided else "",
                    })
                    for cid, s, rv in zip(crit_ids, self_scores, reviewed):
                        self.w.add_values(self.score, self.stamp(last), (eid, cid, s, rv))

    # what the province-wide steps after the teams' own work write; every
    # other table is complete then and gets its indexes while they run
    STRUCTURE_MODELS = (Area, Person, Team, Membership)
    LATE_MODELS = (Campaign, CampaignContribution, CriteriaSet, Criterion, Evaluation, EvaluationScore,
                   SupervisionActivity)

    def run(self) -> None:
        self.plan_communes()
        self.build_structure()
        self.w.seal(self.STRUCTURE_MODELS)  # their indexes made while the teams' work is generated
        commune_of = self.communes
        for info in self.teams:
            self.build_meetings(info)
            self.build_outreach(info)
            self.build_concerns(info, commune_of[info.commune_idx])
            self.build_mediation(info)
            self.build_models_and_households(info)
        self.w.seal([m for m in ALL_MODELS if m is not Meta and m not in self.LATE_MODELS + self.STRUCTURE_MODELS])
        self.build_campaigns()
        self.build_evaluations()
        from .supervision import build_supervision  # last, with its own random generator

        build_supervision(self)

    def organisation(self) -> Organisation:
        if self.o.scale == "commune":
            com = self.communes[0]
            short = com["name"]
            return Organisation(
                province=self.province, province_code="11", commune=f"xã {short}", commune_code=com["code"],
                party_committee=f"Đảng ủy xã {short}", people_committee=f"Ủy ban nhân dân xã {short}",
                front_committee=f"Ủy ban Mặt trận Tổ quốc Việt Nam xã {short}", place_name=short,
                party_signer=Signer(self.name("Thái", "nam"), "BÍ THƯ", "T/M ĐẢNG ỦY"),
                state_signer=Signer(self.name("Mông", "nam"), "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
            )
        return Organisation(
            province=self.province, province_code="24", commune="", commune_code="",
            party_committee=f"Ban Tuyên giáo và Dân vận Tỉnh ủy {self.province}",
            people_committee=f"Ủy ban nhân dân tỉnh {self.province}",
            front_committee=f"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {self.province}", place_name=self.province,
            party_signer=Signer(self.name("Kinh", "nam"), "TRƯỞNG BAN", "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN"),
            state_signer=Signer(self.name("Kinh", "nữ"), "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
        )


# --- entry point -------------------------------------------------------------


def _generate(writer: BulkWriter, options: DemoOptions, progress) -> tuple[Generator, BulkWriter]:
    """Generate every row into *writer*, then have it write the last ones and the indexes."""
    writer.uid_epoch_ms = (options.reference - dt.date(1970, 1, 1)).days * 86_400_000
    if options.scale != "commune":  # the province demo shares no uid with the commune demo (exchange packages)
        writer.uid_rng = random.Random(f"uid-{options.scale}-{options.seed}")
    if not writer.pg:  # the people list's plan (see analyse_people): once the person table is complete
        writer.index_sql.setdefault(Person._meta.table_name, []).extend(people_analysis_sql(writer.db))
    try:
        gen = Generator(writer, options)
        gen.run()
        if progress is not None:
            progress("Đang lập chỉ mục…")
        writer.finish()
    finally:
        writer.close()
    return gen, writer


# Indexes of the teams' tables whose keys arrive in ascending order (uids are
# time-ordered; rows follow their team, meeting or case): the writer process
# keeps them while the rows arrive, appending, in time it has to spare while
# the rows are generated, instead of sorting them after the teams' loop, when
# the build waits for it (the end of the build 2.4 s against 3.8 s; the
# process's CPU time about the same).
LIVE_INDEXES = frozenset(f"{table}_{key}" for table, keys in {
    "meeting": ("uid", "team_id", "deleted_at"),
    "meeting_attendance": ("uid", "meeting_id", "meeting_id_person_id"),
    "agenda_item": ("uid", "meeting_id"),
    "meeting_task": ("uid", "meeting_id"),
    "outreach_session": ("uid", "team_id", "deleted_at"),
    "concern": ("uid", "team_id"),
    "mediation_case": ("uid", "team_id"),
    "mediation_party": ("uid", "case_id"),
    "mediation_mediator": ("uid", "case_id"),
    "mediation_session": ("uid", "case_id"),
}.items() for key in keys)


def _load_in_child(db: pw.Database, path: str, options: DemoOptions, force: bool,
                   progress) -> tuple[Generator, BulkWriter]:
    """_generate with the rows written by a child process, in its own transaction:
    it first clears the tables (*force*) and drops the indexes this process
    read; nothing is written here."""
    from .indexes import index_statements, secondary_indexes

    tables = [m._meta.table_name for m in ALL_MODELS if m is not Meta]
    indexes = {table: [(name, sql) for name, sql in named if name not in LIVE_INDEXES]
               for table, named in secondary_indexes(db, tables).items()}
    first = _clear_statements() if force else []
    first += [f'DROP INDEX "{name}"' for named in indexes.values() for name, _sql in named]
    child = ChildWriter(path)
    try:
        child.send([("sql", sql) for sql in first])
    except BaseException:
        child.abandon()
        raise
    return _generate(BulkWriter(db, options.seed, index_statements(indexes), child=child), options, progress)


def build_demo(
    *,
    scale: str = "commune",
    seed: int = 1,
    reference: dt.date | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    writer_process: bool | None = None,
) -> DemoResult:
    """Fill the bound (already opened) database with demo data.

    Refuses (DemoRefused) a database that has records, unless *force*: then
    every row is removed first. Returns the row counts per table. The rows
    are written by a thread of this process, or (*writer_process*; by default
    for the province on a SQLite file) by a process of their own, in one
    transaction either way."""
    if scale not in SCALES:
        raise UserError(f"Quy mô «{scale}» không hợp lệ; chọn commune (một xã) hoặc province (cả tỉnh).")
    db = database_proxy.obj
    began = time.perf_counter()
    if has_records(db):
        if not force:
            raise DemoRefused(
                "Cơ sở dữ liệu này đã có dữ liệu; không ghi dữ liệu mẫu vào. "
                "Dùng --force nếu muốn xóa hết và tạo lại dữ liệu mẫu."
            )
    sqlite = not isinstance(db, pw.PostgresqlDatabase)
    if sqlite:
        db.execute_sql("PRAGMA foreign_keys = OFF")
        db.execute_sql("PRAGMA synchronous = OFF")
        db.execute_sql("PRAGMA cache_size = -200000")
    options = DemoOptions(scale=scale, seed=seed, reference=reference or dt.date.today())
    # A million rows of tuples and dicts, none of them in a reference cycle:
    # the cycle collector would only walk them over and over (a fifth of the
    # generating time). Back on as soon as the build ends.
    collecting = gc.isenabled()
    gc.disable()
    if writer_process is None:  # the province on a SQLite file: see writer_process.py
        writer_process = sqlite and scale == "province"
    path = db.database if sqlite else ""
    writer_process = writer_process and sqlite and bool(path) and path != ":memory:"
    try:
        if writer_process:
            gen, writer = _load_in_child(db, path, options, force, progress)
        else:
            with db.atomic():
                if force:
                    clear_database(db)
                # indexes after the load: each built once from sorted data (see indexes.py)
                from .indexes import drop_secondary_indexes

                index_sql = drop_secondary_indexes(db, [m._meta.table_name for m in ALL_MODELS if m is not Meta])
                gen, writer = _generate(BulkWriter(db, seed, index_sql), options, progress)
        save_organisation(gen.organisation())
    finally:
        if collecting:
            gc.enable()
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
            db.execute_sql("PRAGMA synchronous = NORMAL")
    if sqlite:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute_sql("PRAGMA optimize")
    else:
        db.execute_sql("ANALYZE")
    counts = {m._meta.table_name: n for m, n in writer.counts.items()}
    return DemoResult(scale, seed, options.reference, time.perf_counter() - began, counts)
