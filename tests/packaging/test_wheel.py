"""The program as users install it: `uv build` makes the sdist, then the wheel
from the unpacked sdist (as a package index and `pip install <sdist>` do);
the wheel goes into a fresh virtual environment and runs from a folder
outside the source tree, so nothing can be found beside the package.

The catalog compiler (dvdesktop.catalogs) is checked quickly; the rest is
marked slow: about 15 s to build and 10 s to install with a warm uv cache.
"""
from __future__ import annotations

import gettext
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import PoFileError

from dvdesktop.catalogs import compile_catalogs, compile_po

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
WINDOWS = sys.platform == "win32"
# What a wheel without its data would lack: fonts, a criteria set, the demo
# lists (paths relative to resources/).
KEY_RESOURCES = ("fonts/LiberationSerif-Regular.ttf", "fonts/LiberationSerif-Bold.ttf",
                 "fonts/LICENSE-LiberationSerif.txt", "criteria/default.json", "demo/names.json")
LANGS = ("vi", "en")


# --- the one catalog compiler -------------------------------------------------

def test_compile_catalogs_writes_a_working_mo_per_language(tmp_path):
    written = compile_catalogs(ROOT / "i18n", tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        f"{lang}/LC_MESSAGES/dvdesktop.mo" for lang in sorted(LANGS)]
    with (tmp_path / "vi" / "LC_MESSAGES" / "dvdesktop.mo").open("rb") as fh:
        vi = gettext.GNUTranslations(fh)
    assert vi.gettext("Save") == "Lưu"
    assert vi.pgettext("QPlatformTheme", "&Yes") == "&Có"
    assert not list(tmp_path.rglob("*.tmp")), "temporary files left behind"


def test_compile_refuses_a_broken_catalog_and_an_empty_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        compile_catalogs(tmp_path / "nothing", tmp_path / "out")
    po = tmp_path / "vi" / "LC_MESSAGES" / "dvdesktop.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "Save"\nmsgstr "Lưu"\nmsgid "unterminated\n', encoding="utf-8")
    mo = tmp_path / "out" / "dvdesktop.mo"
    with pytest.raises(PoFileError):  # a broken .po fails the build instead of shipping untranslated
        compile_po(po, mo)
    assert not mo.exists()


# --- sdist -> wheel -> fresh venv --------------------------------------------

def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        if IN_CI:
            pytest.fail("uv not installed")
        pytest.skip("uv not installed")
    return uv


def _source_files() -> list[Path]:
    """The files of a fresh clone, plus new files not committed yet."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                         check=True, capture_output=True, cwd=ROOT).stdout.decode()
    return [Path(name) for name in out.split("\0") if name and (ROOT / name).is_file()]


def _tracked_data_files() -> list[str]:
    return sorted(p.as_posix() for p in _source_files() if p.parts[0] in ("resources", "i18n"))


@pytest.fixture(scope="session")
def dists(tmp_path_factory) -> dict[str, Path]:
    """{'sdist': ..., 'wheel': ...} built by `uv build` from a clean copy of
    the tree (a copy: the build writes dvdesktop.egg-info beside setup.py)."""
    uv = _uv()
    base = tmp_path_factory.mktemp("build")
    src = base / "src"
    for name in _source_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    out = base / "dist"
    # no --sdist/--wheel: uv builds the sdist, then the wheel from the unpacked sdist
    result = subprocess.run([uv, "build", "--quiet", "--out-dir", str(out), str(src)],
                            check=False, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    sdists, wheels = list(out.glob("*.tar.gz")), list(out.glob("*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, list(out.iterdir())
    return {"sdist": sdists[0], "wheel": wheels[0]}


@pytest.fixture(scope="session")
def installed(dists, tmp_path_factory):
    """A fresh venv with the wheel installed; returns (run, package folder, home)."""
    uv = _uv()
    home = tmp_path_factory.mktemp("installed")
    venv = home / "venv"
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    subprocess.run([uv, "pip", "install", "--quiet", "--python", str(python), str(dists["wheel"])],
                   check=True, timeout=600)
    exe = venv / ("Scripts/dvdesktop.exe" if WINDOWS else "bin/dvdesktop")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
           "DVDESKTOP_DATA_DIR": str(home / "data"), "DVDESKTOP_LOG_DIR": str(home / "log")}
    for name in ("DVDESKTOP_DB", "DVDESKTOP_LANG", "DVDESKTOP_EXIT_AFTER", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)

    def run(*args: str, python_code: str | None = None, **extra_env: str) -> str:
        command = [str(python), "-c", python_code] if python_code is not None else [str(exe), *args]
        # cwd outside the source tree, else "import dvdesktop" would find it
        result = subprocess.run(command, check=False, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", cwd=home, env={**env, **extra_env}, timeout=300)
        assert result.returncode == 0, f"{command} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result.stdout

    package = Path(run(python_code="import dvdesktop, pathlib; print(pathlib.Path(dvdesktop.__file__).parent)").strip())
    return run, package, home


@pytest.fixture(scope="session")
def demo_db(installed) -> Path:
    """Demo data made by the installed program (its demo name lists)."""
    run, _package, home = installed
    db = home / "demo.sqlite3"
    run("demo", "--db", str(db))
    return db


@pytest.mark.slow
def test_sdist_carries_the_data_folders(dists):
    with tarfile.open(dists["sdist"]) as tar:
        names = {"/".join(Path(n).parts[1:]) for n in tar.getnames()}  # without "dvdesktop-0.1.0/"
    for name in (*(f"resources/{r}" for r in KEY_RESOURCES),
                 *(f"i18n/{lang}/LC_MESSAGES/dvdesktop.po" for lang in LANGS), "setup.py", "MANIFEST.in"):
        assert name in names, f"{name} missing from the sdist"
    missing = [name for name in _tracked_data_files() if name not in names]
    assert not missing, f"in the repository but not in the sdist: {missing}"
    assert not any(n.endswith(".mo") for n in names), "compiled catalogs belong in the wheel, not the sdist"
    ui = [p.as_posix() for p in _source_files() if p.parts[0] == "ui"]
    assert ui and all(name in names for name in ui), "the Designer sources (ui/) belong in the sdist"


@pytest.mark.slow
def test_wheel_built_from_the_sdist_carries_fonts_and_catalogs(dists):
    with zipfile.ZipFile(dists["wheel"]) as whl:
        names = set(whl.namelist())
        for resource in KEY_RESOURCES:
            assert f"dvdesktop/resources/{resource}" in names, resource
        for name in _tracked_data_files():
            if name.startswith("resources/"):
                assert f"dvdesktop/{name}" in names, name
        for lang in LANGS:
            assert f"dvdesktop/i18n/{lang}/LC_MESSAGES/dvdesktop.mo" in names, lang
        vi = gettext.GNUTranslations(whl.open("dvdesktop/i18n/vi/LC_MESSAGES/dvdesktop.mo"))
    assert vi.gettext("Save") == "Lưu"
    # only compiled catalogs: with no .po beside them the program never compiles one
    assert not any(n.endswith((".po", ".pot")) for n in names)
    # every Designer form is there as the module compiled from it (no uic needed to build or run)
    for ui in (ROOT / "ui").glob("*.ui"):
        assert f"dvdesktop/gui/generated/ui_{ui.stem}.py" in names, ui.name
    assert "dvdesktop/gui/generated/stylesheet.py" in names


@pytest.mark.slow
def test_installed_wheel_runs_from_anywhere(installed, demo_db):
    run, package, home = installed
    from dvdesktop import __version__

    assert "site-packages" in package.parts, package
    assert run("--version").strip() == f"dvdesktop {__version__}"
    stats = json.loads(run("stats", "--db", str(demo_db), "--json"))
    assert stats["teams"] > 0 and stats["persons"] > 0 and stats["meetings"] > 0
    # The GUI's catalog is the wheel's .mo, used as is (nothing compiled into the data folder).
    code = "from dvdesktop.gui import i18n; i18n.install('vi'); print(i18n.catalog_file('vi')); print(i18n._('Save'))"
    mo, save = run(python_code=code).splitlines()
    assert Path(mo).is_relative_to(package) and save == "Lưu"
    assert not (home / "data" / "i18n").exists()
    # The window opens (offscreen) with its stylesheet and Designer forms from the wheel.
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
            "from dvdesktop.gui import i18n, look; i18n.install('vi'); look.install(app)\n"
            "from dvdesktop.gui.generated.ui_person_form import Ui_PersonForm\n"
            "from PySide6.QtWidgets import QWidget; w = QWidget(); ui = Ui_PersonForm(); ui.setupUi(w)\n"
            "print(ui.full_name_label.text()); print('navigation' in app.styleSheet())")
    assert run(python_code=code).splitlines() == ["&Họ và tên", "True"]


@pytest.mark.slow
def test_installed_wheel_prints_vietnamese_with_its_own_font(installed, demo_db):
    pdfplumber = pytest.importorskip("pdfplumber")
    run, _package, home = installed
    pdf = home / "roster.pdf"
    # As on a PC without Times New Roman: the wheel's Liberation Serif must do.
    run("print", "roster", "--db", str(demo_db), "-o", str(pdf), DVDESKTOP_BUNDLED_FONTS="1")
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert {c["fontname"].split("+")[-1] for c in chars} <= {
        "LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    # Vietnamese letters came through the embedded font (upper and lower case, every tone)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Thành viên các Tổ dân vận" in text
