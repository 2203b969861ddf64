"""Saves, deletes and restores off the GUI thread, reporting what changed
(after Anki's `CollectionOp`, qt/aqt/operations/__init__.py).

    RecordOp(form, lambda: PersonService.update(id, values, expected_version=v),
             OpChanges.of(PersonService)) \\
        .success(lambda person: form.load(person.id)) \\
        .failure(lambda exc: ...) \\
        .run_in_background()

The work runs in the main window's TaskRunner (gui/tasks.py), so a save on a
PostgreSQL server far away does not freeze the window; it must not touch
widgets (gather what it needs on the GUI thread first). When it is done, back
on the GUI thread, the window's `Operations` tells every subscriber whose
record kinds the op changed (the sections whose lists show them read them
again: sections/catalog.py `shows`), then the success callback runs. A failure
goes to the failure callback, or is shown through the message service (a
ConflictError as "changed by someone else", a UserError as "cannot save",
anything else through errors.report).

Synchronous switch: with `TaskRunner.synchronous = True` (the tests'
`sync_tasks` fixture) an op runs at once in the calling thread, callbacks
included, as Anki and Picard do in their tests; so does an op started from a
widget outside a main window (a form tested alone).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject, Signal

from ..errors import ConflictError, UserError
from .dialogs import messages
from .i18n import _

log = logging.getLogger(__name__)

T = TypeVar("T")
ANY = "*"  # a subscriber to every kind (the overview's counts)


def record_kind(service) -> str:
    """The kind of record a service keeps, as operations name it:
    PersonService → "person", OutreachService → "outreach_session"."""
    name = service.model.__name__
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class OpChanges(NamedTuple):  # not a dataclass: imported before the first paint (cli.Command says why)
    """What an operation changed: the kinds of record it wrote."""
    kinds: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *what) -> OpChanges:
        """From record services and/or kind names: OpChanges.of(TeamService, "membership")."""
        return cls(frozenset(w if isinstance(w, str) else record_kind(w) for w in what))

    def touches(self, kinds: Iterable[str]) -> bool:
        kinds = set(kinds)
        return ANY in kinds or bool(kinds & self.kinds)

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.kinds | other.kinds)


class Operations(QObject):
    """Owned by the main window: runs operations in its TaskRunner and tells
    the subscribers what each one changed."""

    changed = Signal(object, object)  # OpChanges, the widget that started the op (or None)

    def __init__(self, window=None):
        super().__init__(window)
        self.window = window
        self._subscribers: list[tuple[frozenset[str], Callable[[OpChanges], None]]] = []
        self.running = 0  # operations started and not finished

    def runner(self):
        return getattr(self.window, "runner", None)

    def subscribe(self, kinds: Iterable[str], callback: Callable[[OpChanges], None]) -> None:
        """Call *callback(changes)* after every operation that changed one of *kinds* (ANY: every operation)."""
        self._subscribers.append((frozenset(kinds), callback))

    def unsubscribe(self, callback) -> None:
        self._subscribers = [(k, c) for k, c in self._subscribers if c != callback]

    def notify(self, changes: OpChanges, initiator=None) -> None:
        """Tell the subscribers of *changes* (also used for changes made without an op: the settings)."""
        for kinds, callback in list(self._subscribers):
            if changes.touches(kinds):
                try:
                    callback(changes)
                except RuntimeError:  # the subscriber's widget is gone with its window
                    log.debug("stale subscriber dropped", exc_info=True)
                    self.unsubscribe(callback)
        self.changed.emit(changes, initiator)


def operations_of(widget) -> Operations | None:
    """The Operations of the main window *widget* sits in (through dialogs and
    sections too), or None outside a main window."""
    seen = widget
    while seen is not None:
        ops = getattr(seen, "operations", None)
        if isinstance(ops, Operations):
            return ops
        window = getattr(seen, "window_", None)  # a section knows its window before it is shown in it
        if window is not None and isinstance(getattr(window, "operations", None), Operations):
            return window.operations
        seen = seen.parent() if isinstance(seen, QObject) else None
    return None


def show_failure(parent, exc: BaseException, title: str | None = None) -> None:
    """Say in plain Vietnamese why an operation failed (through the message service)."""
    if isinstance(exc, ConflictError) and getattr(exc, "differences", None):
        from .conflict_dialog import ConflictDialog  # both versions side by side

        messages().run_dialog(ConflictDialog(parent, exc))
    elif isinstance(exc, ConflictError):
        messages().warning(parent, _("Changed by someone else"), exc.message)
    elif isinstance(exc, UserError):
        messages().warning(parent, title or _("Cannot save"), exc.message)
    else:
        from .errors import report

        report(exc, parent)


class RecordOp(Generic[T]):
    """One save, delete or restore: *op* runs off the GUI thread and returns
    its result; *changes* (or a function of the result giving them) says what
    it wrote. Callbacks run on the GUI thread."""

    def __init__(self, parent, op: Callable[[], T], changes: OpChanges | Callable[[T], OpChanges],
                 *, label: str | None = None, failure_title: str | None = None):
        self.parent, self.op, self.changes = parent, op, changes
        self.label = label or _("Saving")
        self.failure_title = failure_title
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None

    def success(self, callback: Callable[[T], Any]) -> RecordOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], Any]) -> RecordOp[T]:
        """*callback(exc)* instead of the message; it returns True when it has
        said everything, anything else to show the usual message as well."""
        self._failure = callback
        return self

    def _guarded(self) -> T:
        # Every op writes: on a read-only database it is refused before it
        # starts, in words, not with the driver's "readonly database".
        from ..services.session import require_writable

        require_writable()
        return self.op()

    def run_in_background(self) -> None:
        ops = operations_of(self.parent)
        runner = ops.runner() if ops is not None else None
        if ops is not None:
            ops.running += 1

        def done(result):
            if ops is not None:
                ops.running -= 1
                changes = self.changes(result) if callable(self.changes) else self.changes
                ops.notify(changes, self.parent)
            if self._success is not None:
                self._success(result)

        def failed(exc):
            if ops is not None:
                ops.running -= 1
            if self._failure is not None and self._failure(exc) is True:
                return
            show_failure(self.parent, exc, self.failure_title)

        if runner is None:  # outside a main window: at once, in this thread
            try:
                result = self._guarded()
            except Exception as exc:  # noqa: BLE001 - shown to the clerk
                failed(exc)
                return
            done(result)
            return
        runner.run(lambda _progress: self._guarded(), on_done=done, on_error=failed, label=self.label, cancellable=False)
