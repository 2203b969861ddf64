"""Suggested scores for every team of a province database (2,128 teams).

    uv run python bench/bench_suggest.py [--db PATH] [--year Y] [--runs N]

Builds the province demo once (``dvdesktop demo --scale province --today
2026-11-30``, about 30 s) into a file of its own in the temporary folder
(not the other benchmarks' file: opening it here upgrades its schema), then
times, several times each:

* year_suggestions — every team's suggested score for every criterion, one
  grouped query per kind of record (goal: under 2 s);
* year_grid — the all-teams grid (suggestions, given totals, levels, stages).

Prints the median wall-clock and CPU time and the spread of the runs.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-11-30"


def database(path: Path) -> Path:
    if not path.exists():
        print(f"building the province demo at {path} (once, ~30 s)…", flush=True)
        subprocess.run([sys.executable, "-m", "dvdesktop", "demo", "--scale", "province", "--db", str(path),
                        "--today", TODAY], check=True)
    return path


def timed(fn, runs: int) -> tuple[list[float], list[float], object]:
    """Wall-clock and CPU seconds of each run (CPU time says more when other
    programs share the machine)."""
    result, wall, cpu = None, [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return wall, cpu, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("DVDESKTOP_BENCH_SUGGEST_DB")
                        or str(Path(tempfile.gettempdir()) / "dvdesktop-bench-suggest-province.sqlite3"))
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = database(Path(args.db))

    from dvdesktop.services.evaluation import year_grid, year_suggestions
    from dvdesktop.store import close_database, open_database
    from dvdesktop.store.models import Team

    open_database(str(path))
    try:
        teams = Team.select().where(Team.deleted_at.is_null()).count()
        print(f"{path}: {teams} teams, year {args.year}, {args.runs} runs each")
        for name, fn in (("year_suggestions", lambda: year_suggestions(args.year)), ("year_grid", lambda: year_grid(args.year))):
            wall, cpu, result = timed(fn, args.runs)
            print(f"{name:17} median {statistics.median(wall) * 1000:6.0f} ms wall, {statistics.median(cpu) * 1000:6.0f} ms CPU"
                  f"   (first run {wall[0] * 1000:.0f} ms, min {min(wall) * 1000:.0f}, max {max(wall) * 1000:.0f}; {len(result)} teams)")
    finally:
        close_database()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
