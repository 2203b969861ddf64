"""Importing a list of 10,000 people from Excel: preview, then write.

    uv run python bench/bench_import.py [--people 10000] [--pg URL]

Writes a workbook the way a province keeps one (title lines, a two-row
header with "Năm sinh" over Nam | Nữ, STT, 100 areas, phones, roles for one
person in ten), then times into an empty database (SQLite in the temporary
folder, or the PostgreSQL database given by --pg, emptied first):

* preview — reading the file and planning against the database (nothing written);
* write   — the one transaction that adds the people, areas, teams and memberships;
* again   — the same file a second time: preview finds everyone unchanged.

Goal: preview + write under 5 s for 10,000 people. Prints wall-clock and CPU
seconds (CPU time says more when other programs share the machine).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Lò", "Quàng", "Giàng", "Vàng", "Đặng", "Bùi", "Đỗ", "Hà", "Lường"]
MIDDLE_M, MIDDLE_F = ["Văn", "Đức", "Hữu", "A", "Quang", "Minh"], ["Thị", "Ngọc", "Thu", "Hồng", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Lan", "Mai", "Nga", "Ơn", "Páo", "Quý",
         "Sinh", "Thắng", "Tuyết", "Ước", "Vân", "Xuân", "Yến", "Chá", "Dế", "Piếng", "Thoản"]


def write_list(path: Path, n: int, seed: int = 1) -> None:
    from openpyxl import Workbook

    r = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.append(["ĐẢNG BỘ TỈNH ĐIỆN BIÊN"])
    ws.append(["DANH SÁCH THÀNH VIÊN TỔ DÂN VẬN CÁC THÔN, BẢN"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Thôn, bản", "Chức vụ trong tổ", "Chức vụ", "SĐT",
               "Đảng viên"])
    ws.append([None, None, "Nam", "Nữ"])
    ws.merge_cells("C4:D4")
    for col in "ABEFGHIJ":
        ws.merge_cells(f"{col}4:{col}5")
    seen = set()
    leaders = set()
    i = 0
    while i < n:
        male = r.random() < 0.5
        name = f"{r.choice(FAMILY)} {r.choice(MIDDLE_M if male else MIDDLE_F)} {r.choice(GIVEN)} {r.choice(GIVEN)}"
        year = r.randint(1945, 2005)
        area = f"Bản {r.randint(1, 100):03d}"
        if (name, year, area) in seen:
            continue
        seen.add((name, year, area))
        role = ""
        if r.random() < 0.1:
            role = "Thành viên"
            if area not in leaders:
                role = "Tổ trưởng"
                leaders.add(area)
        i += 1
        ws.append([i, name, year if male else None, None if male else year, r.choice(["Kinh", "Thái", "Mông"]), area,
                   role, "", f"09{r.randint(10_000_000, 99_999_999)}", "x" if r.random() < 0.3 else None])
    wb.save(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--pg", help="a PostgreSQL database URL to import into (emptied first)")
    args = parser.parse_args()

    from dvdesktop.services.importing.members import apply_members, preview_members
    from dvdesktop.store import close_database, open_database

    tmp = Path(tempfile.mkdtemp(prefix="dv-bench-import-"))
    path = tmp / "danh-sach.xlsx"
    t = time.perf_counter()
    write_list(path, args.people)
    print(f"list of {args.people:,} people written in {time.perf_counter() - t:.1f} s ({path.stat().st_size // 1024} KiB)")
    if args.pg:
        from dvdesktop.store.models import ALL_MODELS

        db = open_database(args.pg)
        db.execute_sql("TRUNCATE " + ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS
                                               if m._meta.table_name != "dv_meta") + " RESTART IDENTITY CASCADE")
        target = "PostgreSQL"
    else:
        open_database(str(tmp / "empty.sqlite3"))
        target = "SQLite"

    def timed(fn):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        return result, time.perf_counter() - wall, time.process_time() - cpu

    plan, w1, c1 = timed(lambda: preview_members(path))
    assert plan.ok, plan.errors[:5]
    result, w2, c2 = timed(lambda: apply_members(plan))
    again, w3, c3 = timed(lambda: preview_members(path))
    close_database()
    print(f"into an empty {target} database:")
    print(f"  preview {w1:6.2f} s wall {c1:6.2f} s CPU   ({plan.summary()})")
    print(f"  write   {w2:6.2f} s wall {c2:6.2f} s CPU   ({result.summary()[:80]}…)")
    print(f"  total   {w1 + w2:6.2f} s wall {c1 + c2:6.2f} s CPU   (goal < 5 s)")
    print(f"  again   {w3:6.2f} s wall {c3:6.2f} s CPU   ({again.count('same'):,} unchanged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
