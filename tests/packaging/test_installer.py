"""The frozen program: installer/build.py builds the one-folder PyInstaller
bundle into a temporary folder (with its own smoke test), then the frozen
executable is run as a clerk's PC would run it — proving that the code, the
data files, the catalogs, the fonts and the Qt plugins are all inside.

A few minutes to build on 2 busy cores, a minute for the rest (the self-test,
the installer packed with zlib).
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build.py"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
WINDOWS = sys.platform == "win32"

pytestmark = pytest.mark.slow


def _require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller missing: `uv sync` installs the 'installer' dependency group"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/dvdesktop/ built by installer/build.py (catalogs, pyinstaller, smoke)."""
    _require_pyinstaller()
    base = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [sys.executable, str(BUILD), "--steps", "catalogs,pyinstaller,smoke",
         "--dist", str(base / "dist"), "--work", str(base / "work")],
        check=False, capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=ROOT, timeout=900,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    assert "smoke: --version -> dvdesktop " in result.stdout
    assert "smoke: main window shown offscreen" in result.stdout
    assert "smoke: --self-test passed" in result.stdout
    shutil.rmtree(base / "work", ignore_errors=True)  # 100 MB of PyInstaller's intermediate files
    return base / "dist" / "dvdesktop"


@pytest.fixture
def frozen(bundle, tmp_path):
    """Run the frozen program with a private data folder; returns the result."""
    exe = bundle / ("dvdesktop-cli.exe" if WINDOWS else "dvdesktop")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
           "DVDESKTOP_DATA_DIR": str(tmp_path / "data"), "DVDESKTOP_LOG_DIR": str(tmp_path / "log")}
    for name in ("DVDESKTOP_DB", "DVDESKTOP_EXIT_AFTER", "DVDESKTOP_LANG", "PYTHONPATH"):
        env.pop(name, None)

    def run(*args: str, check: bool = True, **extra_env: str) -> subprocess.CompletedProcess:
        # cwd outside the repository: nothing may be found beside the source tree
        result = subprocess.run([str(exe), *args], check=False, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", cwd=tmp_path, env={**env, **extra_env}, timeout=180)
        if check:
            assert result.returncode == 0, f"{args} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result

    run.tmp_path = tmp_path
    return run


def test_version(frozen):
    from dvdesktop import __version__

    assert frozen("--version").stdout.strip() == f"dvdesktop {__version__}"


def test_bundle_contents(bundle):
    internal = bundle / "_internal"
    package = internal / "dvdesktop"
    # data files where dvdesktop.paths looks first: inside the package folder
    for top in (ROOT / "resources").rglob("*"):
        if top.is_file():
            assert (package / "resources" / top.relative_to(ROOT / "resources")).is_file(), top
    for lang in ("vi", "en"):
        assert (package / "i18n" / lang / "LC_MESSAGES" / "dvdesktop.mo").is_file(), lang
    assert not list((package / "i18n").rglob("*.po")), "only compiled catalogs are shipped"
    # Qt: what we use is in, what we do not is out
    qt = internal / "PySide6"
    names = {p.name for p in qt.rglob("*")}
    for module in ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets", "QtCharts"):  # QtCharts: the overview
        assert any(n.startswith(module + ".") for n in names), module
    assert (qt / "Qt" / "plugins" / "printsupport").is_dir() or WINDOWS  # Qt 6 on Windows has it built in
    for unused in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia", "QtDesigner"):
        assert not any(n.startswith(unused + ".") for n in names), f"{unused} should not be bundled"
    assert not any("Qt6Quick" in n or "Qt6WebEngine" in n or "Qt6Qml" in n for n in names)
    # plugins: the desktop's platform, offscreen (self-test) and the image formats we read
    plugins = next(p for p in (qt / "Qt" / "plugins", qt / "plugins") if p.is_dir())
    platforms = {p.name for p in (plugins / "platforms").iterdir()}
    assert any("qoffscreen" in n for n in platforms) and any(("qxcb" if not WINDOWS else "qwindows") in n
                                                              for n in platforms)
    for unused in ("qeglfs", "qlinuxfb", "qvnc", "qvkkhrdisplay", "qminimalegl", "qdirect2d"):
        assert not any(unused in n for n in platforms), unused
    formats = {p.name for p in (plugins / "imageformats").iterdir()}
    for used in ("qjpeg", "qico", "qsvg", "qgif"):
        assert any(used in n for n in formats), used
    for unused in ("qwebp", "qtiff", "qtga", "qwbmp", "qicns", "qpdf"):
        assert not any(unused in n for n in formats), unused
    for folder in ("generic", "egldeviceintegrations", "tls", "networkinformation"):
        assert not (plugins / folder).exists(), folder
    # Qt's translations: Vietnamese only (PySide6 ships none; our catalog answers Qt's strings)
    translations = [p.name for p in qt.rglob("*.qm")]
    assert all(name in ("qtbase_vi.qm", "qt_vi.qm") for name in translations), translations
    assert not (internal / "lxml" / "objectify.cpython-311-x86_64-linux-gnu.so").exists() or WINDOWS
    # babel: only the locales we format numbers in
    assert len(list((internal / "babel" / "locale-data").glob("*.dat"))) < 30


def test_demo_then_stats(frozen):
    db = frozen.tmp_path / "demo.sqlite3"
    out = frozen("demo", "--db", str(db)).stdout
    assert "demo.sqlite3" in out
    stats = json.loads(frozen("stats", "--db", str(db), "--json").stdout)
    assert stats["teams"] > 0 and stats["meetings"] > 0 and stats["persons"] > 0
    assert frozen("check", "--db", str(db)).returncode == 0


def test_gui_starts_offscreen_and_opens_database(frozen):
    out = frozen(DVDESKTOP_EXIT_AFTER="shown").stdout
    assert any(line.startswith("shown ") for line in out.splitlines()), out
    # Every section module (imported by name) loads on a real database.
    db = frozen.tmp_path / "gui.sqlite3"
    frozen("demo", "--db", str(db))
    out = frozen("--db", str(db), DVDESKTOP_EXIT_AFTER="ready").stdout
    assert any(line.startswith("ready ") for line in out.splitlines()), out
    # The bundled .mo was used as is: nothing compiled into the data folder.
    assert not (frozen.tmp_path / "data" / "i18n").exists()


def test_print_roster_pdf_with_bundled_fonts(frozen):
    pdfplumber = pytest.importorskip("pdfplumber")
    db = frozen.tmp_path / "print.sqlite3"
    frozen("demo", "--db", str(db))
    pdf = frozen.tmp_path / "out.pdf"
    frozen("print", "roster", "--db", str(db), "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[0].chars
        text = doc.pages[0].extract_text()
    assert {c["fontname"].split("+")[-1] for c in chars} <= {
        "LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    assert "Tổ" in text or "TỔ" in text  # Vietnamese letters came through the embedded font


def test_self_test_of_the_frozen_program(frozen):
    """What the IT person runs on a PC, under a user folder with Vietnamese letters and spaces."""
    temp = frozen.tmp_path / "Nguyễn Thị Hằng" / "AppData" / "Local" / "Temp"
    temp.mkdir(parents=True)
    result = frozen("--self-test", TMPDIR=str(temp), TMP=str(temp), TEMP=str(temp))
    lines = result.stdout.splitlines()
    assert lines[-1] == "Tự kiểm tra đạt: chương trình chạy tốt trên máy này.", result.stdout + result.stderr
    assert sum(" — đạt (" in line for line in lines) == 4
    assert "Nguyễn Thị Hằng" in lines[1]


def test_print_roster_word_file(frozen):
    """python-docx inside the bundle finds its templates (it failed before the docx folder was kept)."""
    import docx

    db = frozen.tmp_path / "word.sqlite3"
    frozen("demo", "--db", str(db))
    out = frozen.tmp_path / "danh-sach.docx"
    frozen("print", "roster", "--db", str(db), "-o", str(out))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "DANH SÁCH" in text.upper()


def test_installer_from_the_real_bundle(bundle, tmp_path):
    """makensis packs the program folder just built, with the real script.
    zlib instead of the script's solid LZMA keeps this to a minute (LZMA of
    200 MB takes ten on 2 busy cores); the shipped size is measured by
    `installer/build.py --steps nsis` (the Windows workflow prints it)."""
    makensis = shutil.which("makensis")
    if makensis is None:
        if IN_CI:
            pytest.fail("makensis missing: .ci/run installs the Debian package nsis")
        pytest.skip("makensis not installed (Debian: apt-get install nsis)")
    setup = tmp_path / "dvdesktop-setup.exe"
    result = subprocess.run(
        [makensis, "-V2", "-INPUTCHARSET", "UTF8", "-XSetCompressor /FINAL zlib", "-DVERSION=0.0.1",
         f"-DDIST={bundle}", f"-DOUTFILE={setup}", str(ROOT / "installer" / "dvdesktop.nsi")],
        check=False, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    # the version resource (uncompressed; the pages' texts are compressed with the rest)
    for text in ("Cài đặt Quản lý Tổ dân vận", "dvdesktop-0.0.1-setup.exe"):
        assert text.encode("utf-16-le") in data, text
    bundle_size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    assert len(data) < bundle_size / 2  # compressed


def test_nsis_script_compiles(tmp_path):
    """The installer script, with a stand-in program folder (a second or so).
    The real installer is built on Windows (.github/workflows/windows.yml)."""
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis not installed (Debian: apt-get install nsis)")
    dist = tmp_path / "dvdesktop"
    (dist / "_internal").mkdir(parents=True)
    (dist / "dvdesktop.exe").write_bytes(b"MZ stand-in")
    (dist / "_internal" / "base_library.zip").write_bytes(b"PK")
    out = tmp_path / "dvdesktop-setup-test.exe"
    result = subprocess.run(
        [makensis, "-V2", "-INPUTCHARSET", "UTF8", "-DVERSION=0.0.1", f"-DDIST={dist}", f"-DOUTFILE={out}",
         str(ROOT / "installer" / "dvdesktop.nsi")],
        check=False, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
    # the Vietnamese texts went in as Unicode (UTF-16LE in a Unicode installer)
    assert "Quản lý Tổ dân vận".encode("utf-16-le") in out.read_bytes()
