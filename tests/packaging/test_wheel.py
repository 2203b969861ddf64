"""A plain, non-editable install carries every data file the program needs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_install_has_working_command_and_data(tmp_path):
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv not installed")
    src = tmp_path / "src"
    # A clean copy, as a fresh clone would be (no .venv, no build leftovers).
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "dist"))
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([uv, "pip", "install", "--quiet", "--python", str(python), str(src)], check=True)
    # cwd outside the checkout, else "import dvdesktop" finds the source tree
    site = subprocess.run([str(python), "-c", "import dvdesktop, pathlib; print(pathlib.Path(dvdesktop.__file__).parent)"],
                          check=True, capture_output=True, text=True, cwd=tmp_path).stdout.strip()
    package = Path(site)
    assert "site-packages" in str(package), package
    for folder in ("resources", "i18n"):
        assert (package / folder).is_dir(), f"{folder}/ missing from the installed package"
    for top in (ROOT / "resources").rglob("*"):
        if top.is_file():
            assert (package / "resources" / top.relative_to(ROOT / "resources")).is_file(), top
    assert list((package / "i18n").rglob("*.mo")), "compiled catalogs missing"

    exe = venv / ("Scripts/dvdesktop.exe" if os.name == "nt" else "bin/dvdesktop")
    env = {**os.environ, "DVDESKTOP_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([str(exe), "--version"], check=True, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.stdout.startswith("dvdesktop ")
    db = tmp_path / "demo.sqlite3"
    subprocess.run([str(exe), "demo", "--db", str(db)], check=True, capture_output=True, text=True, env=env, cwd=tmp_path)
    out = subprocess.run([str(exe), "stats", "--db", str(db), "--json"], check=True, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert '"teams"' in out.stdout
