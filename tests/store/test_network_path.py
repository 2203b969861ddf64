"""A database on a network share: \\\\server\\share\\… is taken as a SQLite file
(not a URL, not mangled), opened with the rollback journal (WAL needs
shared memory a network file system does not give), and a share that cannot
be reached is said in Vietnamese. On Linux a path beginning with two slashes
is an ordinary local path, which Windows reads as UNC: the same string is
opened for real here."""
from __future__ import annotations

import sys

import pytest

from dvdesktop.errors import UserError
from dvdesktop.store import close_database, open_database
from dvdesktop.store.location import resolve
from dvdesktop.store.network_path import is_network_path, journal_mode

UNC = r"\\may-chu\du lieu\Xã Nậm Pồ\dvdesktop.sqlite3"


@pytest.mark.parametrize(("path", "network"), [
    (UNC, True), ("//may-chu/du-lieu/dvdesktop.sqlite3", True), (r"\\?\C:\dvdesktop.sqlite3", False),
    (r"C:\Users\Nguyễn Thị Hằng\AppData\Local\dvdesktop\dvdesktop.sqlite3", False),
    ("/home/hang/dvdesktop.sqlite3", False), ("dvdesktop.sqlite3", False),
])
def test_network_paths_are_recognised(path, network):
    assert is_network_path(path) is network
    assert journal_mode(path) == ("delete" if network else "wal")


def test_a_unc_path_is_a_sqlite_file_kept_as_typed():
    spec = resolve(UNC)
    assert spec.kind == "sqlite" and spec.target == UNC and spec.display() == UNC


@pytest.mark.skipif(sys.platform == "win32", reason="two leading slashes name a real server on Windows")
def test_a_database_on_a_share_opens_without_wal_and_keeps_data(tmp_path):
    share = "//" + str(tmp_path).lstrip("/") + "/Xã Nậm Pồ/dvdesktop.sqlite3"  # //tmp/... : UNC on Windows
    assert is_network_path(share)
    try:
        db = open_database(share)
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        from dvdesktop.services.register import AreaService

        area = AreaService.create({"name": "Thôn Nà Khoang"})
        close_database()
        db = open_database(share, create=False)
        assert AreaService.get(area.id)["name"] == "Thôn Nà Khoang"
    finally:
        close_database()
    assert not list((tmp_path / "Xã Nậm Pồ").glob("*-wal"))


def test_a_share_that_cannot_be_reached_is_said_in_vietnamese(tmp_path):
    missing = "//" + str(tmp_path).lstrip("/") + "/khong-co/dvdesktop.sqlite3"
    with pytest.raises(UserError) as caught:
        open_database(missing, create=False)
    assert "Tệp ở ổ mạng: hãy kiểm tra máy chủ, mạng và quyền truy cập." in caught.value.message
