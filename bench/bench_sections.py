"""How long each section of the main window takes to be built the first time
a clerk opens it (its module imported, its widgets laid out, its first
refresh), on the demo commune. Sections are built on first use, not at
start-up (bench_startup.py measures that); this is what a Designer layout
(ui/*.ui) adds or saves per section.

    uv run python bench/bench_sections.py [--runs 3] [--db DEMO.sqlite3] [--against DIR]

Each run is a fresh process (modules imported anew, as in a new window);
the median of the runs is printed, in milliseconds, per section. --against
also times the program of another checkout (`git archive main | tar -x -C
DIR`) in the same rounds, alternating, for a before/after on a busy machine.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, os, sys, time
if os.environ.get("BENCH_AGAINST"):  # the other checkout first, this one's editable install left out
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
    sys.path.insert(0, os.environ["BENCH_AGAINST"])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from dvdesktop.gui import i18n, look
from dvdesktop.gui.main_window import MainWindow
from dvdesktop.gui.sections.catalog import SECTIONS
from dvdesktop.gui.tasks import TaskRunner
from dvdesktop.services import session
app = QApplication(sys.argv[:1])
i18n.install("vi")
look.install(app)
db = sys.argv[1]
session.open(db)
TaskRunner.synchronous = True
window = MainWindow()
window.runner = TaskRunner(window)
window.resize(1366, 700)
window.show()
window.database_opened(session.locate(db))
app.processEvents()
times = {}
for entry in SECTIONS:
    began = time.perf_counter()
    window.section(entry.key)
    app.processEvents()
    times[entry.key] = (time.perf_counter() - began) * 1000
print(json.dumps(times))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", help="the demo commune database (built in a temporary folder without it)")
    parser.add_argument("--against", metavar="DIR", help="also the program of another checkout, same rounds")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dvdesktop-bench-sections-"))
    env = dict(os.environ, DVDESKTOP_DATA_DIR=str(tmp / "data"), QT_QPA_PLATFORM="offscreen")
    db = args.db
    if db is None:
        db = str(tmp / "demo.sqlite3")
        subprocess.run([sys.executable, "-m", "dvdesktop", "demo", "--db", db, "--seed", "3",
                        "--today", "2025-06-30"], env=env, check=True, stdout=subprocess.DEVNULL)
    programs = {"this": env}
    if args.against:
        programs[Path(args.against).name] = dict(env, BENCH_AGAINST=str(Path(args.against).resolve()))
    runs = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, program_env in programs.items():
            out = subprocess.run([sys.executable, "-c", CHILD, db], env=program_env, check=True,
                                 capture_output=True, text=True)
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"first opening of each section (ms), median of {args.runs} fresh processes; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    names = list(programs)
    print(f"  {'section':14s}" + "".join(f"{n:>12s}" for n in names))
    for key in runs["this"][0]:
        print(f"  {key:14s}" + "".join(f"{statistics.median(r[key] for r in runs[n]):12.0f}" for n in names))
    print(f"  {'all':14s}" + "".join(f"{statistics.median(sum(r.values()) for r in runs[n]):12.0f}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
