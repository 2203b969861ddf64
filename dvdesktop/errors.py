"""Errors a user can act on, each with a Vietnamese message.

Everything else that escapes is a bug: the GUI shows a calm dialog and the CLI
one line, and the trace goes to the log.
"""
from __future__ import annotations


class UserError(Exception):
    """An error caused by input or environment, with a message for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """A value that breaks a rule; *field* names the form field at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class NotFoundError(UserError):
    pass


class ConflictError(UserError):
    """Someone else saved the record after it was opened (optimistic locking).

    *differences* (services/core/conflicts.py): the fields where the clerk's
    version and the one saved meanwhile differ, for the side-by-side view;
    *saved_by*/*saved_at*: who saved the other version, when."""

    def __init__(self, message: str, differences=(), saved_by: str = "", saved_at=None):
        super().__init__(message)
        self.differences = list(differences)
        self.saved_by = saved_by
        self.saved_at = saved_at


class DatabaseUnavailable(UserError):
    """The database cannot be opened or used: missing, locked, read-only, server down."""


class SchemaTooNew(DatabaseUnavailable):
    pass


class EmptyDatabase(DatabaseUnavailable):
    """The database exists but has no tables yet (a new server database):
    opened without create, so the window can ask before creating them."""
