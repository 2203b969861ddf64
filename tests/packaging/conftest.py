"""The packaging checks: a wheel installed in a fresh venv, the frozen Windows
program. Each takes minutes and builds into its own temporary folder, so
everything here is `slow` (run by `.ci/run` as `pytest -m slow`, never by the
quick suite)."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)
