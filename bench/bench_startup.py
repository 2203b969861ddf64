"""Start-up on the province database, side by side with a bare PySide6
window showing a table, in the same run: time and peak memory.

    uv run python bench/bench_startup.py [--runs 5] [--db PATH|postgresql://…]

Each sample is a fresh process, timed from launch until it prints that it
reached its point; its peak resident memory (ru_maxrss of that very process,
os.wait4) is read when it exits:

  bare     a QMainWindow with a 30-row QTableWidget, shown and drawn;
  shown    dvdesktop's main window drawn (no database yet);
  ready    the overview's first figures (the register) shown;
  figures  every card of the overview filled (the year's work too).

"Shown" is the window's first paint done, on both sides (the first paint
event, then the event loop's next turn). Until December 2026 both printed on
the event loop's first turn after show(), which comes before the first paint
(offscreen and elsewhere): a window not yet drawn, and its backing store not
yet allocated (about 4 MB at 1280×780).

Each line also gives the process's CPU time (user + system, every thread,
until it exits right after its line): steadier than the wall clock when
other work shares the machine.

Bytecode: the processes may write .pyc files (PYTHONDONTWRITEBYTECODE is
dropped for them), as an installed program has its modules compiled; the
first round is reported apart as "cold" (fresh .pyc, OS caches as they are),
the medians of the next --runs rounds as "warm".

--against DIR also starts the program from another checkout (e.g. main:
`git archive main | tar -x -C DIR`) in the same rounds, for a before/after.

Goals: shown ≤ 1.25 × bare; figures ≤ 1 s after shown; peak memory at
"figures" ≤ 1.5 × bare.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bare import bare_window  # noqa: E402
from _province import province_database  # noqa: E402

BARE = bare_window('print("shown", flush=True)')
POINTS = ("bare", "shown", "ready", "figures")
# The program from another checkout: its folder first on the path, this
# checkout's editable install (a finder ahead of sys.path) left out.
AGAINST = ("import runpy, sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
           "sys.path.insert(0, {dir!r}); sys.argv[0] = 'dvdesktop'; runpy.run_module('dvdesktop', run_name='__main__')")


def sample(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """(milliseconds to the first line, peak RSS in MB, CPU milliseconds of the
    process: user + system, until it exits right after that line)."""
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - began) * 1000
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    proc.stdout.close()
    if not line.strip():
        raise SystemExit(f"no output from {cmd}")
    return elapsed, usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) * 1000



def _where(db: str) -> str:
    """The database as the status bar names it (no password)."""
    from dvdesktop.services import session

    return session.locate(db).where


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="a SQLite file or a postgresql:// URL holding the province demo")
    parser.add_argument("--against", metavar="DIR", help="also the program of another checkout, same rounds")
    args = parser.parse_args()
    db = args.db or province_database()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app = [sys.executable, "-m", "dvdesktop", "--db", db]
    commands = {"bare": ([sys.executable, "-c", BARE], env)}
    for point in POINTS[1:]:
        commands[point] = (app, dict(env, DVDESKTOP_EXIT_AFTER=point))
    points = list(POINTS)
    if args.against:
        other = [sys.executable, "-c", AGAINST.format(dir=str(Path(args.against).resolve())), "--db", db]
        for point in POINTS[1:]:
            commands[f"{point} (against)"] = (other, dict(env, DVDESKTOP_EXIT_AFTER=point))
            points.append(f"{point} (against)")
    rounds = []
    for _ in range(args.runs + 1):
        rounds.append({point: sample(*commands[point]) for point in points})
    cold, warm = rounds[0], rounds[1:]
    print(f"database: {_where(db)}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    labels = {"bare": "bare PySide6 window + table", "shown": "dvdesktop window shown",
              "ready": "first figures shown", "figures": "every overview card filled"}
    labels.update({f"{p} (against)": f"{labels[p][:22]} [{Path(args.against).name}]" for p in POINTS[1:]}
                  if args.against else {})
    bare_ms = statistics.median(r["bare"][0] for r in warm)
    bare_mb = statistics.median(r["bare"][1] for r in warm)
    bare_cpu = statistics.median(r["bare"][2] for r in warm)
    for point in points:
        ms = statistics.median(r[point][0] for r in warm)
        mb = statistics.median(r[point][1] for r in warm)
        cpu = statistics.median(r[point][2] for r in warm)
        print(f"{labels[point]:34s} warm median {ms:7.0f} ms ({ms / bare_ms:4.2f} × bare), peak {mb:5.0f} MB "
              f"({mb / bare_mb:4.2f} × bare), CPU {cpu:5.0f} ms ({cpu / bare_cpu:4.2f} × bare) "
              f"| cold {cold[point][0]:6.0f} ms, {cold[point][1]:4.0f} MB")
    # the CPU time of each process (to its exit, just after its line) is the steadier
    # figure when other work shares the machine: printed beside the wall-clock goals
    shown_cpu = statistics.median(r["shown"][2] for r in warm)
    after_cpu = statistics.median(r["figures"][2] - r["shown"][2] for r in warm)
    shown = statistics.median(r["shown"][0] for r in warm)
    after = statistics.median(r["figures"][0] - r["shown"][0] for r in warm)
    peak = statistics.median(r["figures"][1] for r in warm)
    print(f"goal first window ≤ 1.25 × bare: {shown / bare_ms:.2f} ×, {'met' if shown / bare_ms <= 1.25 else 'NOT met'} "
          f"(CPU: {shown_cpu / bare_cpu:.2f} ×)")
    print(f"goal figures ≤ 1 s after the window: {after / 1000:.2f} s (median of the per-round differences), "
          f"{'met' if after <= 1000 else 'NOT met'} (CPU of the process, every thread: {after_cpu / 1000:.2f} s)")
    print(f"goal peak memory ≤ 1.5 × bare: {peak / bare_mb:.2f} ×, {'met' if peak / bare_mb <= 1.5 else 'NOT met'}")
    if args.against:
        o_shown = statistics.median(r["shown (against)"][0] for r in warm)
        o_after = statistics.median(r["figures (against)"][0] - r["shown (against)"][0] for r in warm)
        o_peak = statistics.median(r["figures (against)"][1] for r in warm)
        o_cpu = statistics.median(r["shown (against)"][2] for r in warm)
        print(f"against {args.against}: window {o_shown / bare_ms:.2f} × bare (CPU {o_cpu / bare_cpu:.2f} ×), "
              f"figures {o_after / 1000:.2f} s after it, "
              f"peak {o_peak / bare_mb:.2f} × bare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
