"""Exchange packages: a commune's records into the province's database, by
uid; idempotent, newer versions win, conflicts listed, the commune appears
among the province's communes. On SQLite and on a real PostgreSQL."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from dvdesktop import cli
from dvdesktop.errors import UserError
from dvdesktop.services import stats
from dvdesktop.services.exchange import export_package, import_package
from dvdesktop.services.register import AreaService, PersonService
from dvdesktop.services.reports.choices import communes
from dvdesktop.store import close_database, open_database


@pytest.fixture(scope="module")
def commune_file(tmp_path_factory):
    """The demo commune (xã Nà Hỳ), built once for the module."""
    path = tmp_path_factory.mktemp("commune") / "commune.sqlite3"
    assert cli.main(["demo", "--db", str(path), "--seed", "3"]) == 0
    return path


def use(target) -> None:
    close_database()
    open_database(str(target))


@pytest.fixture
def commune(commune_file, tmp_path):
    """A copy of the demo commune the test may change."""
    path = tmp_path / "commune.sqlite3"
    shutil.copy(commune_file, path)
    return path


def _package(commune, tmp_path, name="goi.dvx", **kwargs):
    use(commune)
    path = tmp_path / name
    export_package(path, **kwargs)
    return path


def test_a_commune_package_merges_into_the_province(db_url, commune, tmp_path):
    use(commune)
    # counted by commune: the commune's cadres without an area belong to no commune in the province
    own = stats.collect(commune_code="03169")
    package = _package(commune, tmp_path)
    use(db_url)
    # the province already holds a commune of its own
    AreaService.create({"name": "Khu 1", "kind": "khu", "commune": "Yên Thế", "commune_code": "00001"})
    first = import_package(package)
    assert first.conflicts == [] and sum(first.added.values()) > 5000 and not first.updated
    assert ("03169", "Nà Hỳ") in communes() and ("00001", "Yên Thế") in communes()
    assert stats.collect(commune_code="03169") == own  # the province counts the commune as the commune does

    second = import_package(package)
    assert not second.changed and second.conflicts == [] and second.unchanged == sum(first.added.values())
    assert stats.collect(commune_code="03169") == own


def test_newer_versions_replace_older_and_conflicts_are_listed(db_url, commune, tmp_path):
    v1 = _package(commune, tmp_path, "v1.dvx")
    person = PersonService.active().order_by(PersonService.model.id).first()
    PersonService.update(person.id, {"phone": "0911 111 111"})  # version 2 at the commune
    v2 = _package(commune, tmp_path, "v2.dvx")

    use(db_url)
    import_package(v1)
    mine = PersonService.active().where(PersonService.model.uid == person.uid).first()
    result = import_package(v2)
    assert result.updated == {"person": 1} and result.conflicts == []
    assert PersonService.get(mine.id).phone == "0911 111 111" and PersonService.get(mine.id).version == 2

    # the province changes the record too: its version 3 beats the package's 2
    PersonService.update(mine.id, {"phone": "0922 222 222"})
    again = import_package(v2)
    assert not again.changed
    assert len(again.conflicts) == 1 and person.full_name in again.conflicts[0] and "mới hơn" in again.conflicts[0]
    assert PersonService.get(mine.id).phone == "0922 222 222"


def test_same_version_other_content_is_a_conflict(db_url, commune, tmp_path):
    v1 = _package(commune, tmp_path, "v1.dvx")
    person = PersonService.active().order_by(PersonService.model.id).first()
    PersonService.update(person.id, {"phone": "0933 333 333"})
    v2 = _package(commune, tmp_path, "v2.dvx")
    use(db_url)
    import_package(v1)
    mine = PersonService.active().where(PersonService.model.uid == person.uid).first()
    PersonService.update(mine.id, {"phone": "0944 444 444"})  # version 2 here as well, another phone
    result = import_package(v2)
    assert len(result.conflicts) == 1 and "cùng phiên bản 2" in result.conflicts[0]
    assert PersonService.get(mine.id).phone == "0944 444 444"


def test_private_columns_stay_out_unless_asked(db_url, commune, tmp_path):
    from dvdesktop.store.models import MediationParty

    plain = _package(commune, tmp_path, "plain.dvx")
    with zipfile.ZipFile(plain) as zf:
        import json

        manifest = json.loads(zf.read("manifest.json"))
    assert "name" not in manifest["tables"]["mediation_party"]["columns"]
    assert "raised_by" not in manifest["tables"]["concern"]["columns"]
    full = _package(commune, tmp_path, "full.dvx", include_sensitive=True)
    names = sorted(n for (n,) in MediationParty.select(MediationParty.name).tuples())
    use(db_url)
    import_package(plain)
    assert {n for (n,) in MediationParty.select(MediationParty.name).tuples()} == {""}
    filled = import_package(full)  # the same versions, now with the private columns: filled in, no conflict
    assert filled.conflicts == [] and filled.updated.get("mediation_party")
    assert sorted(n for (n,) in MediationParty.select(MediationParty.name).tuples()) == names
    assert not import_package(full).changed


def test_dry_run_writes_nothing(db_url, commune, tmp_path):
    package = _package(commune, tmp_path)
    use(db_url)
    before = stats.collect()
    result = import_package(package, dry_run=True)
    assert sum(result.added.values()) > 0 and stats.collect() == before


def test_garbage_packages_give_a_clear_message(db_url, tmp_path):
    (tmp_path / "random.dvx").write_bytes(bytes(range(256)) * 10)
    with zipfile.ZipFile(tmp_path / "nomanifest.dvx", "w") as zf:
        zf.writestr("x.json", "[]")
    with zipfile.ZipFile(tmp_path / "other.dvx", "w") as zf:
        zf.writestr("manifest.json", '{"format": "something else"}')
    with zipfile.ZipFile(tmp_path / "broken.dvx", "w") as zf:
        zf.writestr("manifest.json", '{"format": "dvdesktop-exchange", "format_version": 1, "schema_version": 1, '
                                     '"tables": {"person": {"columns": ["uid"], "count": 1}}}')
        zf.writestr("tables/person.json", "[[1, 2, 3]]")
    with zipfile.ZipFile(tmp_path / "newer.dvx", "w") as zf:
        zf.writestr("manifest.json", '{"format": "dvdesktop-exchange", "format_version": 1, "schema_version": 999, '
                                     '"tables": {}}')
    for name in ("random", "nomanifest", "other", "broken", "newer", "missing"):
        with pytest.raises(UserError) as exc:
            import_package(tmp_path / f"{name}.dvx")
        assert "Traceback" not in exc.value.message
        assert ("mới hơn" if name == "newer" else "Không tìm thấy" if name == "missing" else "gói dữ liệu") in exc.value.message


def test_command_line(commune, tmp_path, capsys):
    out = tmp_path / "goi.dvx"
    target = tmp_path / "tinh.sqlite3"
    assert cli.main(["exchange", "export", "--db", str(commune), "-o", str(out)]) == 0
    assert cli.main(["exchange", "import", str(out), "--db", str(target)]) == 0
    assert cli.main(["exchange", "import", str(out), "--db", str(target)]) == 0
    text = capsys.readouterr().out
    assert "Đã ghi gói của xã Nà Hỳ" in text and "thêm 0, cập nhật 0" in text
    (tmp_path / "bad.dvx").write_text("rác")
    assert cli.main(["exchange", "import", str(tmp_path / "bad.dvx"), "--db", str(target)]) == 1
    assert "không phải gói dữ liệu" in capsys.readouterr().err


def test_the_province_criteria_set_of_a_year_is_kept(db_url, commune, tmp_path):
    """The province's own set for a year takes the commune's ratings (matched
    by year and criterion code); it gains no second set and no criterion."""
    from dvdesktop.services.evaluation import sample_criteria_set, save_criteria_set
    from dvdesktop.store.models import CriteriaSet, Criterion, Evaluation

    use(commune)
    year = CriteriaSet.select(CriteriaSet.year).order_by(CriteriaSet.year.desc()).scalar()
    ratings = Evaluation.select().where(Evaluation.year == year).count()
    package = _package(commune, tmp_path)
    use(db_url)
    own = save_criteria_set(year, sample_criteria_set(year))
    criteria = Criterion.select().count()
    result = import_package(package)
    assert CriteriaSet.select().where(CriteriaSet.year == year).count() == 1
    assert Criterion.select().where(Criterion.criteria_set == own.id).count() == criteria
    assert Evaluation.select().where((Evaluation.year == year) & (Evaluation.criteria_set == own.id)).count() == ratings
    assert result.matched > 0


def test_every_table_is_exchanged_or_said_to_stay_local():
    """A table added later must be declared in services/exchange/tables.py:
    carried by the packages, or local to each database."""
    from dvdesktop.services.exchange import tables
    from dvdesktop.store.models import ALL_MODELS

    names = {m._meta.table_name for m in ALL_MODELS}
    assert names == {m._meta.table_name for m in tables.EXCHANGED} | set(tables.LOCAL_ONLY)
    assert all(t in tables.LABELS for t in (m._meta.table_name for m in tables.EXCHANGED))
    order = [m._meta.table_name for m in tables.EXCHANGED]
    for model in tables.EXCHANGED:  # a record comes after every record it refers to
        for rel in tables.foreign_keys(model).values():
            assert rel is model or order.index(rel._meta.table_name) < order.index(model._meta.table_name)
