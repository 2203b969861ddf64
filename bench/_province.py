"""The province demo database shared by the GUI benchmarks (built once, cached)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def province_database() -> str:
    path = Path(os.environ.get("DVDESKTOP_BENCH_DB") or Path(tempfile.gettempdir()) / "dvdesktop-bench-province.sqlite3")
    if not path.exists():
        from dvdesktop.services.demo.generator import build_demo
        from dvdesktop.store import close_database, open_database

        print(f"building the province demo database at {path} (once)…", flush=True)
        tmp = path.with_suffix(".tmp.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        open_database(str(tmp))
        build_demo(scale="province")
        close_database()
        tmp.replace(path)
    return str(path)
