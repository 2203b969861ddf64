"""Fixtures for the services' tests. They run on SQLite and PostgreSQL
(tests/conftest.py's db_url/db); these add the records most tests start from."""
from __future__ import annotations

import pytest

from dvdesktop.services.register import AreaService, TeamService


@pytest.fixture
def team(db):
    """One area (bản Nà Khoang) with its team; test files that need members
    define their own `team`."""
    area = AreaService.create({"name": "Nà Khoang", "kind": "bản", "commune": "Nậm Pồ"})
    return TeamService.create({"area": area.id})
