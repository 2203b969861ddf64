"""Every list as .xlsx: Vietnamese column names, formatted frozen header,
filter on, real dates, Vietnamese order, sensitive fields only when asked."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from dvdesktop import cli
from dvdesktop.cli.export_cmd import KINDS
from dvdesktop.services.exporting import EXPORT_KINDS, export_list, export_to_file
from dvdesktop.store import close_database, open_database


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert cli.main(["demo", "--db", str(path), "--seed", "5"]) == 0
    return path


@pytest.fixture
def demo(demo_file):
    open_database(str(demo_file))
    yield demo_file
    close_database()


def test_the_command_offers_every_declared_kind():
    assert tuple(k.key for k in EXPORT_KINDS) == KINDS


@pytest.mark.parametrize("key", KINDS)
def test_every_list_is_a_formatted_workbook(demo, tmp_path, key):
    path = tmp_path / f"{key}.xlsx"
    n = export_to_file(key, path)
    assert n > 0
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    table = export_list(key)
    assert header == [c.title for c in table.columns] and all(header)
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("D9E2F3") for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}{n + 1}"
    assert ws.max_row == n + 1
    for j, column in enumerate(table.columns, 1):
        values = [ws.cell(i, j).value for i in range(2, ws.max_row + 1)]
        if column.kind in ("date", "datetime"):
            cells = [ws.cell(i, j) for i in range(2, ws.max_row + 1) if ws.cell(i, j).value is not None]
            assert all(c.is_date and isinstance(c.value, dt.datetime) for c in cells), column.title
        if column.kind == "int":
            assert all(v is None or isinstance(v, int) for v in values), column.title


def test_people_in_vietnamese_order(demo):
    from dvdesktop.vn import name_sort_key

    names = [row[0] for row in export_list("people").rows]
    assert names == sorted(names, key=name_sort_key)


def test_sensitive_columns_only_when_asked(demo, tmp_path):
    concerns = export_list("concerns")
    assert "Người phản ánh" not in [c.title for c in concerns.columns]
    assert "Người phản ánh" in [c.title for c in export_list("concerns", include_sensitive=True).columns]
    mediation = [c.title for c in export_list("mediation").columns]
    assert "Các bên" not in mediation and "Nội dung vụ việc" not in mediation
    full = export_list("mediation", include_sensitive=True)
    assert "Các bên" in [c.title for c in full.columns]
    parties = [row[[c.title for c in full.columns].index("Các bên")] for row in full.rows]
    assert any(parties)
    # no party (name with age and address) and no case summary is in the plain workbook
    path = tmp_path / "m.xlsx"
    export_to_file("mediation", path)
    text = " ".join(str(c.value) for row in load_workbook(path).active.iter_rows() for c in row if c.value)
    summaries = [row[[c.title for c in full.columns].index("Nội dung vụ việc")] for row in full.rows]
    assert not any(p in text for row in parties for p in row.split("; ") if "(" in p)
    assert not any(s in text for s in summaries if s)


def test_command_line(demo_file, tmp_path, capsys):
    out = tmp_path / "people.xlsx"
    assert cli.main(["export", "people", "--db", str(demo_file), "-o", str(out)]) == 0
    assert "Đã ghi danh sách thành viên" in capsys.readouterr().out and out.exists()
    assert cli.main(["export", "people", "--db", str(demo_file), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.main(["export", "nothing", "--db", str(demo_file), "-o", str(out)])
    assert exc.value.code == 2
