"""Benchmark: build the province demo into a temporary SQLite file, then time
`stats` on it.

    uv run python bench/bench_demo.py [--seed N] [--builds 3] [--runs 5] [--against DIR]

Each build runs in a fresh process (as `dvdesktop demo` does), --builds times;
the median and the fastest are printed, wall clock and CPU time (of the
building process, and apart that of its writer process: the province's rows
are written by a child process, services/demo/writer_process.py), with the
time each phase took in the last build. --against DIR also builds with another checkout (e.g. main:
`git archive main | tar -x -C DIR`), alternating with this one round by
round, so both meet the same load.

Then the median time of the stats collection over --runs runs on the last
database built here: in-process (the current state and one year) and as a
`python -m dvdesktop stats --json` process.

Goal (issue 17): the province demo built in ≤ 20 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dvdesktop.services import stats  # noqa: E402
from dvdesktop.store import close_database, open_database  # noqa: E402

# One build in a fresh process: the checkout's folder first on the path (the
# editable install's finder, ahead of sys.path, left out), phases timed by
# wrapping the writer's and the generator's steps (their code unchanged).
BUILD = r"""
import json, os, resource, sys, time
sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]
sys.path.insert(0, sys.argv[1])
from dvdesktop.services.demo import generator as g
from dvdesktop.store import close_database, open_database
phases = {}
def timed(owner, name, key):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            phases[key] = phases.get(key, 0.0) + time.perf_counter() - began
    setattr(owner, name, wrapper)
timed(g.Generator, "run", "generating (rows handed to the writer meanwhile)")
timed(g.BulkWriter, "finish", "last rows and indexes")
open_database(sys.argv[2])
began, began_cpu = time.perf_counter(), time.process_time()
result = g.build_demo(scale="province", seed=int(sys.argv[3]))
wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
close_database()
child = resource.getrusage(resource.RUSAGE_CHILDREN)  # the writer process, if any
print(json.dumps({"wall": wall, "cpu": cpu, "child_cpu": child.ru_utime + child.ru_stime,
                  "rows": sum(result.counts.values()), "phases": phases}))
"""


def build(checkout: Path, path: Path, seed: int) -> dict:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-c", BUILD, str(checkout), str(path), str(seed)],
                          capture_output=True, text=True, env=dict(os.environ, DVDESKTOP_DATA_DIR=str(path.parent)))
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--builds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", metavar="DIR", help="also build with another checkout, alternating")
    args = parser.parse_args()
    checkouts = {"this checkout": ROOT}
    if args.against:
        checkouts[f"[{Path(args.against).name}]"] = Path(args.against).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("DVDESKTOP_DATA_DIR", tmp)
        path = Path(tmp) / "province.sqlite3"
        other = Path(tmp) / "other" / "province.sqlite3"
        other.parent.mkdir()
        builds: dict[str, list[dict]] = {name: [] for name in checkouts}
        for _ in range(args.builds):
            for name, checkout in checkouts.items():
                builds[name].append(build(checkout, path if checkout == ROOT else other, args.seed))
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        for name, runs in builds.items():
            walls, cpus = [r["wall"] for r in runs], [r["cpu"] for r in runs]
            median = statistics.median(walls)
            print(f"province demo build, {name}: median {median:.1f} s wall (fastest {min(walls):.1f}), "
                  f"{statistics.median(cpus):.1f} s CPU (+ {statistics.median(r['child_cpu'] for r in runs):.1f} s "
                  f"in its writer process), of {len(runs)} builds ({runs[-1]['rows']:,} rows); "
                  f"goal ≤ 20 s: {'met' if median <= 20 else 'NOT met'}")
            print("    last build: " + "; ".join(f"{k} {v:.1f} s" for k, v in runs[-1]["phases"].items()))
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("province.sqlite3*")) / 1e6
        print(f"database size: {size_mb:.1f} MB")
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
    activity = numbers["meetings"] + numbers["outreach_sessions"] + numbers["concerns"]
    print(f"teams {numbers['teams']:,}, active members {numbers['memberships_active']:,}, "
          f"activity records {activity:,}, mediation cases {numbers['mediation_cases']:,}")
    print(f"stats (current state): median {statistics.median(times) * 1000:.0f} ms of {args.runs}")
    print(f"stats --year 2024:     median {statistics.median(year_times) * 1000:.0f} ms of {args.runs}")
    print(f"`dvdesktop stats --json` as a process (start-up included): median "
          f"{statistics.median(cli_times) * 1000:.0f} ms of {args.runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
