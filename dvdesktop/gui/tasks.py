"""Long work off the GUI thread (Anki's operations pattern).

    runner.run(work, on_done=..., label=_("Creating the demo database"))

*work* receives a `Progress` and must not touch widgets; it calls
`progress.update(done, total)`, which raises `Cancelled` once the clerk has
pressed Cancel. *on_done(result)* and *on_error(exc)* run on the GUI thread.
Tests set `TaskRunner.synchronous = True`: the work then runs at once, in the
calling thread.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside the work when the clerk cancelled it."""


class Progress:
    def __init__(self, emit: Callable[[int, int, str], None] | None = None):
        self._emit = emit
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def update(self, done: int, total: int = 0, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._emit is not None:
            self._emit(done, total, text)


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work, progress: Progress, signals: _Signals):
        super().__init__()
        self.work, self.progress, self.signals = work, progress, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        from ..services import session

        with session.worker():  # closes this thread's database connection at the end
            try:
                result = self.work(self.progress)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                outcome, value = self.signals.failed, exc
            else:
                outcome, value = self.signals.done, result
            try:
                outcome.emit(value)
            except RuntimeError:  # the program is closing: the window that asked is gone
                log.info("result of a background task dropped: the window is closed")


class TaskHandle(QObject):
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self, label: str, progress: Progress, cancellable: bool = True):
        super().__init__()
        self.label = label
        self.progress = progress
        self.cancellable = cancellable  # a save in a transaction is not: no Cancel button for it
        self.running = True

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner(QObject):
    """Runs work in QThreadPool; one runner per main window."""

    synchronous = False  # tests: run in the calling thread
    started = Signal(object)  # TaskHandle

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._alive: set[tuple] = set()

    def run(self, work: Callable[[Progress], Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, label: str = "",
            cancellable: bool = True) -> TaskHandle:
        progress = Progress()
        handle = TaskHandle(label, progress, cancellable)

        def finish_ok(result):
            handle.running = False
            handle.finished.emit()
            if on_done is not None:
                on_done(result)

        def finish_error(exc):
            handle.running = False
            handle.finished.emit()
            if isinstance(exc, Cancelled):
                log.info("task cancelled: %s", label)
                return
            if on_error is not None:
                on_error(exc)
            else:
                from .errors import report

                report(exc)

        if self.synchronous:
            progress._emit = lambda d, t, s: handle.progressed.emit(d, t, s)
            self.started.emit(handle)
            try:
                result = work(progress)
            except BaseException as exc:  # noqa: BLE001
                finish_error(exc)
            else:
                finish_ok(result)
            return handle

        signals = _Signals()
        progress._emit = signals.progress.emit
        signals.progress.connect(handle.progressed)
        keep = (signals, handle)
        self._alive.add(keep)

        def release(*_a):
            self._alive.discard(keep)

        signals.done.connect(finish_ok)
        signals.failed.connect(finish_error)
        signals.done.connect(release)
        signals.failed.connect(release)
        self.started.emit(handle)
        self.pool.start(_Job(work, progress, signals))
        return handle
