"""A commune's exchange package: export, then import into the province.

    uv run python bench/bench_exchange.py [--pg URL]

Builds the demo commune (seed 2: its uids are its own) in the temporary
folder and takes the province demo (bench/_province.py, 100 communes, built
once and cached), copied so that the cached file stays as it was. Times:

* export  — the commune's records into one package file;
* import  — the package into the province database (SQLite), then the same
            package again (nothing changes: every record unchanged);
* with --pg URL, the import into that PostgreSQL database too (emptied first).

Goal: export + import under 10 s. Prints wall-clock and CPU seconds.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="a PostgreSQL database URL to import into as well (emptied first)")
    args = parser.parse_args()
    from _province import province_database

    from dvdesktop.services import stats
    from dvdesktop.services.exchange import export_package, import_package
    from dvdesktop.store import close_database, open_database

    tmp = Path(tempfile.mkdtemp(prefix="dv-bench-exchange-"))
    commune = tmp / "commune.sqlite3"
    subprocess.run([sys.executable, "-m", "dvdesktop", "demo", "--db", str(commune), "--seed", "2"], check=True,
                   stdout=subprocess.DEVNULL)
    province = tmp / "province.sqlite3"
    shutil.copy(province_database(), province)

    open_database(str(commune))
    package = tmp / "xa.dvx"
    info, w1, c1 = timed(lambda: export_package(package))
    close_database()
    print(f"export  {w1:6.2f} s wall {c1:6.2f} s CPU   {info.describe()}, {package.stat().st_size // 1024} KiB")

    open_database(str(province))
    before = len(stats.collect()) and stats.collect()["teams"]
    first, w2, c2 = timed(lambda: import_package(package))
    again, w3, c3 = timed(lambda: import_package(package))
    after = stats.collect()["teams"]
    close_database()
    print(f"import  {w2:6.2f} s wall {c2:6.2f} s CPU   into the province (SQLite): {first.summary()}")
    print(f"        teams in the province {before:,} → {after:,}")
    print(f"again   {w3:6.2f} s wall {c3:6.2f} s CPU   {again.summary()}")
    print(f"total   {w1 + w2:6.2f} s wall {c1 + c2:6.2f} s CPU   export + import (goal < 10 s)")
    if args.pg:
        from dvdesktop.store.models import ALL_MODELS

        db = open_database(args.pg)
        db.execute_sql("TRUNCATE " + ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS
                                               if m._meta.table_name != "dv_meta") + " RESTART IDENTITY CASCADE")
        pg, w4, c4 = timed(lambda: import_package(package))
        close_database()
        print(f"import  {w4:6.2f} s wall {c4:6.2f} s CPU   into PostgreSQL: {pg.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
