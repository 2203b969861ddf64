"""Startup to the first shown window on the province database, side by side
with a bare PySide6 window in the same run.

    uv run python bench/bench_startup.py [--runs 7]

Each sample is a fresh process, timed from launch until it prints that its
window has been shown (after the first paint has been queued). "ready" is
the time until the database is open and the first section shows its data.
Target: dvdesktop "shown" within 1.5 × the bare window.
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
from _province import province_database  # noqa: E402

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 780); w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def sample(cmd: list[str], env: dict) -> float:
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - began) * 1000
    proc.wait(timeout=60)
    if not line.strip():
        raise SystemExit(f"no output from {cmd}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    db = province_database()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = [sys.executable, "-m", "dvdesktop", "--db", db]
    results = {"bare": [], "shown": [], "ready": []}
    sample(app, dict(env, DVDESKTOP_EXIT_AFTER="ready"))  # warm caches, compile the catalog
    for _ in range(args.runs):
        results["bare"].append(sample([sys.executable, "-c", BARE], env))
        results["shown"].append(sample(app, dict(env, DVDESKTOP_EXIT_AFTER="shown")))
        results["ready"].append(sample(app, dict(env, DVDESKTOP_EXIT_AFTER="ready")))
    bare = statistics.median(results["bare"])
    print(f"database: {db}")
    for key, label in (("bare", "bare PySide6 window"), ("shown", "dvdesktop first window"),
                       ("ready", "dvdesktop data shown")):
        med = statistics.median(results[key])
        print(f"{label:26s} median {med:7.1f} ms  ({med / bare:4.2f} × bare)  min {min(results[key]):.1f}")
    ratio = statistics.median(results["shown"]) / bare
    print("target (first window within 1.5 × bare):", "met" if ratio <= 1.5 else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
