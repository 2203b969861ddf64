"""Times New Roman is found where Windows keeps it: the system Fonts folder
(%WINDIR%\\Fonts, file names in any case) or a user's own fonts
(%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts, under a user name with Vietnamese
letters). Stand-in files: the bundled Liberation Serif under Times' file
names (same metrics, every Vietnamese letter). Each case runs in a fresh
process: the fonts are registered once per process."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dvdesktop.documents.fonts import bundled_files

PROBE = ("import json; from dvdesktop.documents.fonts import fonts; f = fonts(); "
         "print(json.dumps({'family': f.family, 'regular': str(f.files['regular']), 'name': f.name(bold=True)}))")


def _fonts_in(folder: Path, names: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for style, path in bundled_files().items():
        shutil.copyfile(path, folder / names[style])


def _family(tmp_path: Path, **env: str) -> dict:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("WINDIR", "LOCALAPPDATA", "DVDESKTOP_FONT_DIR", "DVDESKTOP_BUNDLED_FONTS")}
    # (SystemRoot stays: Python on Windows cannot start without it; WINDIR is looked at first)
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, encoding="utf-8",
                            env={**clean, **env}, cwd=tmp_path, timeout=120, check=True)
    return json.loads(result.stdout)


WINDOWS_NAMES = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bolditalic": "timesbi.ttf"}


@pytest.mark.parametrize("upper", [False, True], ids=["times.ttf", "TIMES.TTF"])
def test_times_new_roman_in_the_windows_fonts_folder(tmp_path, upper):
    windows = tmp_path / "Windows"
    names = {k: (v.upper() if upper else v) for k, v in WINDOWS_NAMES.items()}
    _fonts_in(windows / "Fonts", names)
    found = _family(tmp_path, WINDIR=str(windows))
    assert found["family"] == "Times New Roman"
    assert Path(found["regular"]) == windows / "Fonts" / names["regular"]
    assert found["name"] == "DVTimes-bold"


@pytest.mark.skipif(Path("C:/Windows/Fonts/times.ttf").exists(), reason="this PC's own Times is found first")
def test_times_new_roman_installed_for_one_user(tmp_path):
    local = tmp_path / "Users" / "Nguyễn Thị Hằng" / "AppData" / "Local"
    _fonts_in(local / "Microsoft" / "Windows" / "Fonts", WINDOWS_NAMES)
    (tmp_path / "Windows" / "Fonts").mkdir(parents=True)  # the system folder without Times
    found = _family(tmp_path, WINDIR=str(tmp_path / "Windows"), LOCALAPPDATA=str(local))
    assert found["family"] == "Times New Roman"
    assert "Nguyễn Thị Hằng" in found["regular"]


def test_without_times_the_bundled_liberation_serif(tmp_path):
    fonts = tmp_path / "Windows" / "Fonts"
    fonts.mkdir(parents=True)
    shutil.copyfile(bundled_files()["regular"], fonts / "times.ttf")  # the regular face only
    found = _family(tmp_path, WINDIR=str(tmp_path / "Windows"), DVDESKTOP_FONT_DIR=str(tmp_path / "none"))
    # only the regular face: Times is used only when all four are there
    assert found["family"] in ("Liberation Serif", "Times New Roman")
    if found["family"] == "Times New Roman":  # this machine has Times itself (msttcorefonts)
        assert Path(found["regular"]).parent != fonts
