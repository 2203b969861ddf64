"""Filter latency of the people list on the province database (~18,000 people).

    uv run python bench/bench_filter.py

Times what the GUI does on each pause in typing: run the id query with the
search and filters (LazyTableModel.refresh) and load the first visible block
of rows. Target: median under 30 ms.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _province import province_database  # noqa: E402


def main() -> int:
    db = province_database()
    from PySide6.QtWidgets import QApplication

    from dvdesktop.gui.sections.people import PeopleSource
    from dvdesktop.gui.table_model import LazyTableModel
    from dvdesktop.store import open_database
    from dvdesktop.store.models import Person

    app = QApplication.instance() or QApplication([])  # noqa: F841
    open_database(db)
    total = Person.select().where(Person.deleted_at.is_null()).count()
    source = PeopleSource()
    model = LazyTableModel(source)
    began = time.perf_counter()
    model.refresh()
    model.data(model.index(0, 0))
    opened = (time.perf_counter() - began) * 1000
    # what a clerk types, letter by letter, then a few filters
    typed = []
    for word in ("nguyen van", "thi hoa", "lo van", "0912", "hoang thi mai"):
        typed += [word[:i] for i in range(1, len(word) + 1)]
    timings = []
    for text in typed:
        source.query = text
        began = time.perf_counter()
        model.refresh()
        for row in range(min(30, model.rowCount())):
            model.data(model.index(row, 0))
        timings.append((time.perf_counter() - began) * 1000)
    filters = []
    for setup in (lambda s: setattr(s, "gender", "nữ"), lambda s: setattr(s, "party", True),
                  lambda s: setattr(s, "status", "current"), lambda s: setattr(s, "role", "to_truong"),
                  lambda s: setattr(s, "ethnicity", "Tày")):
        source.query = ""
        setup(source)
        began = time.perf_counter()
        model.refresh()
        for row in range(min(30, model.rowCount())):
            model.data(model.index(row, 0))
        filters.append((time.perf_counter() - began) * 1000)
    print(f"database: {db} — {total:,} people")
    print(f"open the list (all people, first screen): {opened:.1f} ms")
    print(f"typing ({len(timings)} keystrokes): median {statistics.median(timings):.1f} ms, "
          f"90th pct {sorted(timings)[int(len(timings) * 0.9)]:.1f} ms, max {max(timings):.1f} ms")
    print(f"filters (gender, party, current, role, ethnicity combined step by step): "
          f"median {statistics.median(filters):.1f} ms, max {max(filters):.1f} ms")
    print("target (median under 30 ms):", "met" if statistics.median(timings) < 30 else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
