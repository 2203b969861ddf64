"""Accounts, audit, conflicts and faults: fixtures shared with tests/conftest.py."""
from __future__ import annotations

import pytest

from dvdesktop.services import access


@pytest.fixture(autouse=True)
def _nobody_signed_in():
    """Each test starts and ends with nobody signed in (the principal is process-wide)."""
    access.sign_out()
    access.act_as_command_line(False)
    yield
    access.sign_out()
    access.act_as_command_line(False)
