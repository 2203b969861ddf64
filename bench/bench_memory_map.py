"""Where the resident memory is at the overview's figures: the program's
mappings (/proc/PID/smaps, Linux) by cause, beside a bare PySide6 window
showing a table, on SQLite and on PostgreSQL, in the same run.

    uv run python bench/bench_memory_map.py [--db PATH] [--pg postgresql://…] [--against DIR]

--against DIR adds the program of another checkout (e.g. main:
`git archive main | tar -x -C DIR`) on the same databases, for a before/after.

bench_startup.py gives the figure (peak RSS, goal ≤ 1.5 × bare); this one
says what it is made of. Each column is one fresh process stopped at its
point (bare: drawn; the program: every overview card filled), its
/proc/self/smaps read there; the rows add up to its RSS at that moment.
Shared library pages count as `ps` and ru_maxrss count them: every page
mapped, shared or not (Linux maps 64 KB around each page a program touches
in a file already cached: most of a library's text in these figures).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bare import bare_window  # noqa: E402
from _province import province_database  # noqa: E402

DUMP = """
import sys
def dump():
    with open('/proc/self/smaps') as src, open({out!r}, 'w') as dst:
        dst.write(src.read())
"""
BARE = bare_window("dump()")
# the program from another checkout: its folder first, this checkout's editable install left out
OTHER = """
sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]
sys.path.insert(0, {dir!r})
"""
PROGRAM = DUMP + """{other}
import os
import dvdesktop.gui.app as app_module
exit_point = app_module._exit_point
def at_point(app, point):
    if os.environ.get("DVDESKTOP_EXIT_AFTER") == point:
        dump()
    return exit_point(app, point)
app_module._exit_point = at_point
sys.argv = ["dvdesktop", "--db", {db!r}]
from dvdesktop.__main__ import main
sys.exit(main())
"""

# (cause, pattern on the mapping's path), the first that matches
CAUSES = (
    ("psycopg2-binary: its OpenSSL (libcrypto, libssl)", r"psycopg2_binary\.libs/lib(crypto|ssl)-"),
    ("psycopg2-binary: libpq, Kerberos, LDAP/SASL, …, _psycopg", r"psycopg2_binary\.libs/|/_psycopg\."),
    ("Python's OpenSSL (ssl, hashlib)", r"/libcrypto\.so|/libssl\.so|/_ssl\.|/_hashlib\."),
    ("SQLite (library, module, -shm)", r"sqlite"),
    ("Qt and PySide6 libraries, plugins", r"/libQt6|/PySide6/|/shiboken6/|/libpyside6|/libshiboken6"),
    ("fonts and their caches", r"\.(ttf|otf|ttc|pfb)$|fontconfig|\.cache-\d+$"),
    ("Python (interpreter, extension modules)", r"libpython|/python3|\.cpython-"),
    ("anonymous (Python objects, Qt heap, stacks)", r"^\[(heap|anon|stack)\]$|^$"),
    ("other libraries and files", r"."),
)


def by_cause(smaps: str) -> Counter:
    sizes: Counter = Counter()
    name = ""
    for line in smaps.splitlines():
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            parts = line.split(None, 5)
            name = parts[5].strip() if len(parts) > 5 else "[anon]"
        elif line.startswith("Rss:"):
            cause = next(c for c, pattern in CAUSES if re.search(pattern, name))
            sizes[cause] += int(line.split()[1])
    return sizes


def run(code: str, env: dict, out: Path) -> Counter:
    out.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300, check=False)
    if not out.exists():
        raise SystemExit(f"no memory map written by {code.splitlines()[-1]!r}")
    return by_cause(out.read_text())


def main() -> int:
    if not Path("/proc/self/smaps").exists():
        raise SystemExit("needs Linux (/proc/self/smaps)")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a SQLite file holding the province demo (default: the cached one)")
    parser.add_argument("--pg", help="a postgresql:// URL holding the province demo")
    parser.add_argument("--against", metavar="DIR", help="also the program of another checkout")
    args = parser.parse_args()
    env = dict(os.environ, DVDESKTOP_EXIT_AFTER="figures")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    columns: dict[str, Counter] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "smaps"
        columns["bare"] = run(DUMP.format(out=str(out)) + BARE, env, out)
        programs = {"": ""}
        if args.against:
            programs[f" [{Path(args.against).name}]"] = OTHER.format(dir=str(Path(args.against).resolve()))
        for suffix, other in programs.items():
            for kind, db in (("SQLite", args.db or province_database()), ("PostgreSQL", args.pg)):
                if db:
                    columns[kind + suffix] = run(PROGRAM.format(out=str(out), db=db, other=other), env, out)
    names = list(columns)
    width = {n: max(8, len(n) + 2) for n in names}
    print(f"{'MB resident at the point':58s}" + "".join(f"{n:>{width[n]}s}" for n in names))
    for cause, _pattern in CAUSES:
        print(f"{cause:58s}" + "".join(f"{columns[n][cause] / 1024:{width[n]}.1f}" for n in names))
    print(f"{'total':58s}" + "".join(f"{sum(columns[n].values()) / 1024:{width[n]}.1f}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
