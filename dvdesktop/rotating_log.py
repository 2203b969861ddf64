"""The log file kept to a few files of a set size: logging.handlers'
RotatingFileHandler without logging.handlers.

Importing logging.handlers imports socket, pickle, queue and select for
its network and queue handlers: about 1.2 MB of memory and 14 ms on every
start of the window, which only writes a file. The rollover is the
standard one: before a record that would take the file to max_bytes, the
file becomes «name.1», «name.1» becomes «name.2» and so on, the oldest
beyond *backups* is removed, and a new file is started.
"""
from __future__ import annotations

import logging
import os


class RotatingFile(logging.FileHandler):
    def __init__(self, path, max_bytes: int, backups: int, encoding: str = "utf-8"):
        super().__init__(path, mode="a", encoding=encoding)
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._roll_over()
        except Exception:  # noqa: BLE001 - as logging does: a log that cannot be written must not stop the program
            self.handleError(record)
            return
        super().emit(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0 or (os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename)):
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + len(self.format(record) + self.terminator) >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()  # closed first: Windows renames no open file
            self.stream = None
        if self.backups > 0:
            for n in range(self.backups - 1, 0, -1):
                older, newer = f"{self.baseFilename}.{n}", f"{self.baseFilename}.{n + 1}"
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
            first = f"{self.baseFilename}.1"
            if os.path.exists(first):
                os.remove(first)
            if os.path.exists(self.baseFilename):
                os.rename(self.baseFilename, first)
        self.stream = self._open()  # with no backups, "a" reopens the same file: as the standard handler
