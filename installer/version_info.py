"""Version information of the Windows program: the four numbers Windows
wants and the text of the version resource PyInstaller puts in each .exe
(Properties → Details: product name, version, description in Vietnamese).
Used by dvdesktop.spec (the program) and build.py (the NSIS installer's
VIProductVersion); tests/test_installer_files.py checks both on Linux."""
from __future__ import annotations

import re


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); '1.2.0rc1' -> (1, 2, 0, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_info_text(version: str) -> str:
    """The VSVersionInfo text PyInstaller's EXE(version=...) reads (language
    0x042A Vietnamese, code page 1200 Unicode)."""
    vt = numeric_version(version)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={vt}, prodvers={vt}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042A04B0', [
      StringStruct('CompanyName', 'dvdesktop'),
      StringStruct('FileDescription', 'Quản lý Tổ dân vận'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'dvdesktop'),
      StringStruct('LegalCopyright', 'GPL-3.0-or-later'),
      StringStruct('OriginalFilename', 'dvdesktop.exe'),
      StringStruct('ProductName', 'Quản lý Tổ dân vận'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x042A, 1200])])
  ]
)
"""
