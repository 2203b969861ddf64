"""The Windows installer's promises, read from its files (quick; the slow
tests/packaging/test_installer.py compiles the script with makensis and
builds the frozen program):

- per-user install without administrator rights;
- installing over an older version replaces the program only, in the same
  folder, after the program is closed; the data and settings stay;
- the uninstaller keeps the data unless the user ticks the box, and a silent
  uninstall always keeps them;
- version information and our icon in the installer and in both programs;
- the workflow GitHub runs on the first push builds, self-tests and uploads.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

import dvdesktop
from dvdesktop.store import location

ROOT = Path(__file__).resolve().parents[1]
NSI = (ROOT / "installer" / "dvdesktop.nsi").read_text(encoding="utf-8")
SPEC = (ROOT / "installer" / "dvdesktop.spec").read_text(encoding="utf-8")
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _code(text: str) -> list[str]:
    """The script's lines without comments and blank lines."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(";"):
            lines.append(line)
    return lines


LINES = _code(NSI)


def _block(start: str, end: str) -> list[str]:
    """The lines of the first Section/Function starting with *start*."""
    i = next(n for n, line in enumerate(LINES) if line.startswith(start))
    j = next(n for n in range(i + 1, len(LINES)) if LINES[n].startswith(end))
    return LINES[i:j + 1]


def _define(name: str) -> str:
    match = re.search(rf'^!define {name} "([^"]*)"', NSI, re.MULTILINE)
    assert match, name
    return match.group(1)


def test_per_user_install_without_administrator_rights():
    assert "RequestExecutionLevel user" in LINES
    assert not any("HKLM" in line or "$PROGRAMFILES" in line or "SetShellVarContext all" in line for line in LINES)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APPID}"' in LINES
    for block in (_block('Section "${APPNAME}"', "SectionEnd"), _block('Section "Uninstall"', "SectionEnd"),
                  _block("Function .onInit", "FunctionEnd"), _block("Function un.onInit", "FunctionEnd")):
        assert "SetShellVarContext current" in block


def test_the_data_folder_named_by_the_script_is_where_the_program_keeps_its_data(monkeypatch):
    """platformdirs on Windows: %LOCALAPPDATA%\\<author>\\<name>; the script's
    DATA_DIR must hold it (and the logs), whatever the user's name."""
    from platformdirs.windows import Windows

    local = "C:\\Users\\Nguyễn Thị Hằng\\AppData\\Local"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)  # platformdirs' own override of the shell's answer
    dirs = Windows(location.APP_NAME, location.APP_AUTHOR)
    assert _define("DATA_DIR") == "$LOCALAPPDATA\\dvdesktop" == f"$LOCALAPPDATA\\{location.APP_AUTHOR}"
    for folder in (dirs.user_data_dir, dirs.user_log_dir):  # os.path.join on Linux adds "/" separators
        assert folder.replace("/", "\\").startswith(local + "\\" + location.APP_AUTHOR + "\\"), folder
    # the window's settings: QSettings("dvdesktop", …) is HKCU\Software\dvdesktop\… on Windows
    organisations = set(re.findall(r'QSettings\("([^"]+)"', "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "dvdesktop").rglob("*.py"))))
    assert organisations <= {"dvdesktop"}
    assert _define("SETTINGS_KEY") == "Software\\${APPID}" and _define("APPID") == "dvdesktop"


def test_installing_over_an_older_version_keeps_data_and_settings():
    install = _block('Section "${APPNAME}"', "SectionEnd")
    # same folder as before: the location is remembered and read back
    assert 'InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"' in LINES
    assert 'WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"' in install
    # the program is closed first, then only its own files are replaced
    assert install.index("Call EnsureClosed") < next(n for n, line in enumerate(install) if line.startswith("File "))
    removed = [line for line in install if line.startswith(("RMDir", "Delete"))]
    assert removed == ['RMDir /r "$INSTDIR\\_internal"']
    # nothing of the user's is touched while installing
    assert not any("${DATA_DIR}" in line and not line.startswith(("DetailPrint", "StrCpy")) for line in install)
    assert not any("SETTINGS_KEY" in line for line in install)
    closed = _block("Function EnsureClosed", "FunctionEnd")
    assert 'FileOpen $0 "$INSTDIR\\${EXE}" a' in closed and any("MB_RETRYCANCEL" in line for line in closed)
    # the welcome page says an upgrade keeps the data
    oninit = _block("Function .onInit", "FunctionEnd")
    assert 'ReadRegStr $OldVersion HKCU "${UNINSTALL_KEY}" "DisplayVersion"' in oninit
    assert any("giữ nguyên" in line for line in oninit)


def test_uninstall_keeps_the_data_unless_the_box_is_ticked():
    # the box starts unticked: a silent uninstall (/S, no pages) keeps everything
    assert "StrCpy $DeleteData ${BST_UNCHECKED}" in _block("Function un.onInit", "FunctionEnd")
    page = _block("Function un.DataPage", "FunctionEnd")
    assert any(line.startswith("${NSD_CreateCheckbox}") and "Xóa cả dữ liệu" in line for line in page)
    assert "UninstPage custom un.DataPage un.DataPageLeave" in LINES
    leave = _block("Function un.DataPageLeave", "FunctionEnd")
    assert any("MB_YESNO" in line and "MB_DEFBUTTON2" in line for line in leave)  # asked again, "No" by default
    uninstall = _block('Section "Uninstall"', "SectionEnd")
    guarded = uninstall[uninstall.index("${If} $DeleteData == ${BST_CHECKED}"):uninstall.index("${Else}")]
    for line in ('RMDir /r "${DATA_DIR}"', 'DeleteRegKey HKCU "${SETTINGS_KEY}"'):
        assert line in guarded
        assert uninstall.count(line) == 1
    # the program folder: only what the installer put there, never the whole folder
    assert 'RMDir "$INSTDIR"' in uninstall and 'RMDir /r "$INSTDIR"' not in uninstall
    # nowhere else is the data folder removed
    assert sum("RMDir" in line and "DATA_DIR" in line for line in LINES) == 1


def test_version_information_and_icon_in_the_installer():
    for key in ("ProductName", "FileDescription", "FileVersion", "ProductVersion", "LegalCopyright", "CompanyName"):
        assert any(line.startswith(f'VIAddVersionKey /LANG=1066 "{key}"') for line in LINES), key
    assert 'VIProductVersion "${VIVERSION}"' in LINES
    assert '!define MUI_ICON "${ICON}"' in LINES and '!define MUI_UNICON "${ICON}"' in LINES
    assert 'Unicode true' in LINES and '!insertmacro MUI_LANGUAGE "Vietnamese"' in LINES
    build = (ROOT / "installer" / "build.py").read_text(encoding="utf-8")
    assert '-DVIVERSION={numeric}' in build and "-DICON=" in build and "dvdesktop.ico" in build


def test_version_information_and_icon_in_both_programs():
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        from version_info import numeric_version, version_info_text
    finally:
        sys.path.remove(str(ROOT / "installer"))
    text = version_info_text(dvdesktop.__version__)
    four = numeric_version(dvdesktop.__version__)
    assert len(four) == 4 and f"filevers={four}" in text and f"prodvers={four}" in text
    assert f"StringStruct('ProductVersion', '{dvdesktop.__version__}')" in text
    assert "StringStruct('ProductName', 'Quản lý Tổ dân vận')" in text
    assert numeric_version("1.2.0rc1") == (1, 2, 0, 0) and numeric_version("2") == (2, 0, 0, 0)
    # every EXE() of the spec takes the icon and the version resource
    calls = [node for node in ast.walk(ast.parse(SPEC)) if isinstance(node, ast.Call)
             and getattr(node.func, "id", "") == "EXE"]
    assert len(calls) == 2  # dvdesktop.exe (windowed) and dvdesktop-cli.exe (console)
    for call in calls:
        keywords = {k.arg: ast.unparse(k.value) for k in call.keywords}
        assert keywords["icon"] == "str(ICON)" and keywords["version"] == "VERSION" and keywords["upx"] == "False"
    assert 'ICON = ROOT / "resources" / "icons" / ("dvdesktop.ico" if WINDOWS else "dvdesktop.png")' in SPEC


def test_the_icon_has_the_sizes_windows_shows():
    image = pytest.importorskip("PIL.Image")
    with image.open(ROOT / "resources" / "icons" / "dvdesktop.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes


def test_the_workflow_github_runs_builds_self_tests_and_uploads_the_installer():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert WORKFLOW.parent == ROOT / ".github" / "workflows"
    # on every push (the first one included), not only on tags
    on = text[text.index("\non:"):text.index("\njobs:")]
    assert "\n  push:\n" in on and "branches" not in on and "tags" not in on
    job = text[text.index("  installer:"):text.index("  tests:")]
    assert "runs-on: windows-latest" in job
    assert "installer/build.py --steps catalogs,pyinstaller,smoke" in job
    assert "installer/build.py --steps nsis" in job
    assert "actions/upload-artifact@v4" in job and "path: dist/dvdesktop-*-setup.exe" in job
    assert "if-no-files-found: error" in job
    build = (ROOT / "installer" / "build.py").read_text(encoding="utf-8")
    assert '"--self-test"' in build  # the smoke step runs the self-test
