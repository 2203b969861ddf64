"""The translation catalog read back from its marshal copy (gui/catalog_cache.py)
gives exactly what parsing the .mo gives; a copy of another .mo, a broken copy
or a folder that cannot be written change nothing but the speed."""
from __future__ import annotations

import gettext
import os
import shutil

import pytest

from dvdesktop.gui import catalog_cache, i18n


@pytest.fixture
def mo(tmp_path, monkeypatch):
    """The Vietnamese catalog, compiled as the program compiles it, copied to tmp_path."""
    monkeypatch.setenv("DVDESKTOP_DATA_DIR", str(tmp_path / "data"))
    source = i18n.catalog_file("vi")
    assert source is not None
    target = tmp_path / "dvdesktop.mo"
    shutil.copyfile(source, target)
    return target


def same_translations(a: gettext.GNUTranslations, b: gettext.GNUTranslations) -> None:
    assert a._catalog == b._catalog and len(a._catalog) > 1000
    assert a.info() == b.info() and a.charset() == b.charset() == "utf-8"
    assert [a.plural(n) for n in range(200)] == [b.plural(n) for n in range(200)]
    assert a.gettext("Save") == b.gettext("Save") == "Lưu"
    assert a.pgettext("QPlatformTheme", "&Yes") == b.pgettext("QPlatformTheme", "&Yes") == "&Có"
    assert a.gettext("no such message") == b.gettext("no such message") == "no such message"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_copy_gives_what_the_parse_gives(tmp_path, monkeypatch, lang):
    monkeypatch.setenv("DVDESKTOP_DATA_DIR", str(tmp_path / "data"))
    mo = i18n.catalog_file(lang)
    copy = tmp_path / "copy"
    with mo.open("rb") as fh:
        parsed = gettext.GNUTranslations(fh)
    first = catalog_cache.load(mo, copy)  # parses, writes the copy
    assert copy.exists()
    again = catalog_cache.load(mo, copy)  # reads the copy
    for loaded in (first, again):
        assert loaded._catalog == parsed._catalog and loaded.info() == parsed.info()
        assert loaded.charset() == parsed.charset()
        assert [loaded.plural(n) for n in range(50)] == [parsed.plural(n) for n in range(50)]
        assert loaded.ngettext("{n} person", "{n} people", 3) == parsed.ngettext("{n} person", "{n} people", 3)


def test_the_copy_is_what_is_read(mo, tmp_path):
    copy = tmp_path / "copy"
    parsed = catalog_cache.load(mo, copy)
    same_translations(parsed, catalog_cache.load(mo, copy))
    # a copy of this very .mo is believed: change one message in it and that is what comes back
    import marshal

    key, catalog, info, charset, rule = marshal.loads(copy.read_bytes())
    catalog["Save"] = "Ghi lại"
    copy.write_bytes(marshal.dumps((key, catalog, info, charset, rule)))
    assert catalog_cache.load(mo, copy).gettext("Save") == "Ghi lại"


def test_a_changed_mo_is_parsed_again(mo, tmp_path):
    copy = tmp_path / "copy"
    catalog_cache.load(mo, copy)
    import marshal

    key, catalog, info, charset, rule = marshal.loads(copy.read_bytes())
    catalog["Save"] = "Ghi lại"
    copy.write_bytes(marshal.dumps((key, catalog, info, charset, rule)))
    stat = mo.stat()
    os.utime(mo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a new catalog was installed
    assert catalog_cache.load(mo, copy).gettext("Save") == "Lưu"
    assert marshal.loads(copy.read_bytes())[0] != key  # and the copy written again for it


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\xe9\x00\x00", None])
def test_a_broken_copy_is_replaced(mo, tmp_path, content):
    copy = tmp_path / "copy"
    if content is None:  # a copy of something else than a catalog
        import marshal

        content = marshal.dumps({"Save": "x"})
    copy.write_bytes(content)
    with mo.open("rb") as fh:
        same_translations(gettext.GNUTranslations(fh), catalog_cache.load(mo, copy))
    assert copy.read_bytes() != content


def test_a_folder_that_cannot_be_written(mo, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with mo.open("rb") as fh:
        same_translations(gettext.GNUTranslations(fh), catalog_cache.load(mo, blocked / "copy"))
    assert blocked.read_text() == "not a folder"


def test_install_keeps_the_copy_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DVDESKTOP_DATA_DIR", str(tmp_path))
    try:
        assert i18n.install("vi") == "vi" and i18n._("Save") == "Lưu"
        assert i18n.catalog_copy_file("vi") == tmp_path / "cache" / "dvdesktop-vi.mo.marshal"
        assert i18n.catalog_copy_file("vi").exists()  # apart from catalogs compiled from .po files
        assert i18n.install("vi") == "vi" and i18n._("Save") == "Lưu"  # from the copy
        assert i18n.install("en") == "en" and i18n._("Save") == "Save"
    finally:
        i18n.install("vi")
