"""Build the frozen program (and on Windows its installer), then start it once.

    uv run python installer/build.py                     # every step
    uv run python installer/build.py --steps pyinstaller,smoke
    uv run python installer/build.py --steps nsis        # force the installer step (any OS with makensis)

Steps, in order:
  catalogs     compile i18n/*/LC_MESSAGES/*.po to .mo (WORK/catalogs)
  pyinstaller  installer/dvdesktop.spec -> DIST/dvdesktop/ (one folder)
  smoke        run the frozen program: `--version` must print the version,
               the main window must open offscreen
               (DVDESKTOP_EXIT_AFTER=shown QT_QPA_PLATFORM=offscreen), and
               `--self-test` must pass; with a throwaway data and temporary
               folder named like a Windows user's ("Nguyễn Thị Hằng", letters
               and spaces) so the builder's own data is untouched
  nsis         makensis installer/dvdesktop.nsi -> DIST/dvdesktop-VERSION-setup.exe;
               by default only on Windows and only when makensis is found
               (PATH or the usual Program Files folder)

Exit status 0 when every step run has passed. PyInstaller comes from the
`installer` dependency group (installed by `uv sync`).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "dvdesktop.spec"
NSI = HERE / "dvdesktop.nsi"
STEPS = ("catalogs", "pyinstaller", "smoke", "nsis")
WINDOWS = sys.platform == "win32"

sys.path.insert(0, str(ROOT))
from dvdesktop.catalogs import compile_catalogs  # noqa: E402

sys.path.insert(0, str(HERE))
from version_info import numeric_version  # noqa: E402


def version() -> str:
    text = (ROOT / "dvdesktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def log(message: str) -> None:
    print(f"== {message}", flush=True)


def frozen_executable(dist: Path, console: bool = True) -> Path:
    """The program in the one-folder build; on Windows the console twin
    (dvdesktop-cli.exe) unless *console* is false."""
    folder = dist / "dvdesktop"
    if WINDOWS:
        return folder / ("dvdesktop-cli.exe" if console else "dvdesktop.exe")
    return folder / "dvdesktop"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def step_catalogs(work: Path) -> Path:
    target = work / "catalogs"
    shutil.rmtree(target, ignore_errors=True)
    written = compile_catalogs(ROOT / "i18n", target)
    log(f"catalogs: {', '.join(p.relative_to(target).parts[0] for p in written)}")
    return target


def step_pyinstaller(dist: Path, work: Path, catalogs: Path | None) -> None:
    env = dict(os.environ)
    if catalogs is not None:
        env["DVDESKTOP_CATALOGS"] = str(catalogs)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    folder = dist / "dvdesktop"
    log(f"pyinstaller: {folder} ({folder_size(folder) / 2**20:.0f} MiB) in {time.perf_counter() - started:.0f} s")


def smoke_env(data_dir: Path) -> dict[str, str]:
    """The frozen program's environment: data, logs and temporary files under
    a folder named like a Vietnamese user's (C:\\Users\\Nguyễn Thị Hằng\\…)."""
    env = dict(os.environ)
    user = data_dir / "Nguyễn Thị Hằng"
    (user / "Temp").mkdir(parents=True, exist_ok=True)
    data_dir = user
    env.update({
        "TMP": str(user / "Temp"), "TEMP": str(user / "Temp"), "TMPDIR": str(user / "Temp"),
        "QT_QPA_PLATFORM": "offscreen",
        "DVDESKTOP_DATA_DIR": str(data_dir / "data"),
        "DVDESKTOP_LOG_DIR": str(data_dir / "log"),
        "PYTHONIOENCODING": "utf-8",
    })
    env.pop("DVDESKTOP_DB", None)
    return env


def run_frozen(exe: Path, args: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> str:
    result = subprocess.run([str(exe), *args], check=False, capture_output=True, text=True, encoding="utf-8",
                            errors="replace", env=env, cwd=cwd, timeout=timeout)
    if result.returncode != 0:
        raise SystemExit(f"{exe.name} {' '.join(args)} exited {result.returncode}\n"
                         f"stdout: {result.stdout}\nstderr: {result.stderr}")
    return result.stdout


def step_smoke(dist: Path) -> None:
    exe = frozen_executable(dist)
    if not exe.exists():
        raise SystemExit(f"no frozen program at {exe}: run the pyinstaller step first")
    expected = f"dvdesktop {version()}"
    with tempfile.TemporaryDirectory(prefix="dvdesktop-smoke-") as tmp:
        tmp_path = Path(tmp)
        env = smoke_env(tmp_path)
        out = run_frozen(exe, ["--version"], env, tmp_path).strip()
        if out != expected:
            raise SystemExit(f"--version printed {out!r}, expected {expected!r}")
        log(f"smoke: --version -> {out}")
        env["DVDESKTOP_EXIT_AFTER"] = "shown"
        started = time.perf_counter()
        out = run_frozen(exe, [], env, tmp_path)
        shown = [line for line in out.splitlines() if line.startswith("shown ")]
        if not shown:
            raise SystemExit(f"the main window did not report 'shown'; output: {out!r}")
        log(f"smoke: main window shown offscreen ({shown[0]}, process {time.perf_counter() - started:.1f} s)")
        env.pop("DVDESKTOP_EXIT_AFTER")
        started = time.perf_counter()
        out = run_frozen(exe, ["--self-test"], env, tmp_path, timeout=300)
        if "Tự kiểm tra đạt" not in out:
            raise SystemExit(f"--self-test did not pass; output: {out!r}")
        log(f"smoke: --self-test passed in {time.perf_counter() - started:.1f} s")
        for line in out.splitlines():
            log(f"  {line}")


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "NSIS" / "makensis.exe").exists():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def step_nsis(dist: Path, required: bool) -> Path | None:
    makensis = find_makensis()
    if makensis is None:
        if required:
            raise SystemExit("makensis not found (Windows: install NSIS 3; Debian: apt-get install nsis)")
        log("nsis: makensis not found, installer skipped")
        return None
    if not WINDOWS:
        log("nsis: building from a non-Windows bundle: checks the script, the result will not run on Windows")
    ver = version()
    numeric = ".".join(str(n) for n in numeric_version(ver))
    out = dist / f"dvdesktop-{ver}-setup.exe"
    # '-' switches work with makensis on every OS ('/' only on Windows).
    command = [makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={ver}", f"-DVIVERSION={numeric}",
               f"-DDIST={(dist / 'dvdesktop').resolve()}", f"-DOUTFILE={out.resolve()}",
               f"-DICON={(ROOT / 'resources' / 'icons' / 'dvdesktop.ico').resolve()}", str(NSI)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    log(f"nsis: {out} ({out.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - started:.0f} s")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated, from {', '.join(STEPS)} (default: all; nsis only on Windows "
                             "unless named here)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder (default: build/)")
    args = parser.parse_args(argv)
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown step(s): {', '.join(sorted(unknown))}")
    explicit_nsis = args.steps != parser.get_default("steps") and "nsis" in steps
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.perf_counter()
    catalogs = step_catalogs(work) if "catalogs" in steps else None
    if "pyinstaller" in steps:
        step_pyinstaller(dist, work, catalogs)
    if "smoke" in steps:
        step_smoke(dist)
    if "nsis" in steps and (WINDOWS or explicit_nsis):
        step_nsis(dist, required=explicit_nsis)
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
