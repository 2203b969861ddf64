"""Benchmark: build the province demo into a temporary SQLite file, then time
`stats` on it.

    uv run python bench/bench_demo.py [--seed N] [--runs 5]

Prints the build time, the database size, and the median time of the stats
collection over --runs runs: in-process (the current state and one year) and
as a `python -m dvdesktop stats --json` process.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dvdesktop.services import stats  # noqa: E402
from dvdesktop.services.demo.generator import build_demo  # noqa: E402
from dvdesktop.store import close_database, open_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("DVDESKTOP_DATA_DIR", tmp)
        path = Path(tmp) / "province.sqlite3"
        open_database(str(path))
        began, began_cpu = time.perf_counter(), time.process_time()
        result = build_demo(scale="province", seed=args.seed)
        build, build_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        close_database()
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("province.sqlite3*")) / 1e6
        open_database(str(path), create=False)
        today = dt.date(2025, 12, 31)
        numbers = stats.collect(today=today)
        times, year_times = [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            stats.collect(today=today)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            stats.collect(2024, today=today)
            year_times.append(time.perf_counter() - t)
        close_database()
        cli_times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "dvdesktop", "stats", "--db", str(path), "--json"],
                                  capture_output=True, text=True)
            cli_times.append(time.perf_counter() - t)
            assert done.returncode == 0, done.stderr
    rows = sum(result.counts.values())
    activity = numbers["meetings"] + numbers["outreach_sessions"] + numbers["concerns"]
    print(f"province demo build: {build:.1f} s wall, {build_cpu:.1f} s CPU (both threads: generating and "
          f"writing) ({rows:,} rows); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
          f"goal ≤ 20 s: {'met' if build <= 20 else 'NOT met'}")
    print(f"database size: {size_mb:.1f} MB")
    print(f"teams {numbers['teams']:,}, active members {numbers['memberships_active']:,}, "
          f"activity records {activity:,}, mediation cases {numbers['mediation_cases']:,}")
    print(f"stats (current state): median {statistics.median(times) * 1000:.0f} ms of {args.runs}")
    print(f"stats --year 2024:     median {statistics.median(year_times) * 1000:.0f} ms of {args.runs}")
    print(f"`dvdesktop stats --json` as a process (start-up included): median "
          f"{statistics.median(cli_times) * 1000:.0f} ms of {args.runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
