"""File names the program suggests or writes, valid on Windows.

Windows refuses < > : " / \\ | ? * and control characters in a name, a name
ending in a dot or a space, and the device names CON, PRN, AUX, NUL, COM1–9,
LPT1–9 (with any ending: "con.pdf" too). A name made from a record's text
("Biên bản họp: quý III?") must be cleaned before it reaches a save dialog
or the disk. Two ways, used everywhere:

- slug(): folded ASCII words joined by "-" ('bien-ban-hop-na-khoang'), what
  the print and report screens suggest (safe on every system, in e-mail and
  on USB sticks formatted FAT);
- windows_safe(): keeps the Vietnamese letters (NFC), replaces only what
  Windows refuses, for names a clerk reads in a folder.

Both never return an empty name. is_valid_windows_name() is the rule, for
the tests and for checking a name before writing.
"""
from __future__ import annotations

import re
import unicodedata

from .errors import UserError
from .vn import fold

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"COM{i}" for i in "123456789¹²³"), *(f"LPT{i}" for i in "123456789¹²³")}
# Windows paths have room for 260 characters; leave room for the folder.
MAX_LENGTH = 120


def is_valid_windows_name(name: str) -> bool:
    """Would Windows accept *name* as one file or folder name?"""
    if not name or name in (".", "..") or len(name) > 255:
        return False
    if _FORBIDDEN.search(name) or name[-1] in ". ":
        return False
    return name.split(".")[0].rstrip(" ").upper() not in _DEVICES


def slug(*parts: str, default: str = "van-ban") -> str:
    """'Biên bản họp', 'Nà Khoang' → 'bien-ban-hop-na-khoang' (a–z, 0–9, '-')."""
    text = "-".join(fold(p) for p in parts if p)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:MAX_LENGTH].rstrip("-")
    return windows_safe(text or default)


def windows_safe(name: str, default: str = "van-ban") -> str:
    """*name* (with its ending, if any) made valid on Windows, letters kept:
    'Báo cáo: quý III?.pdf' → 'Báo cáo- quý III-.pdf', 'CON.pdf' → 'CON_.pdf'."""
    name = unicodedata.normalize("NFC", name or "")
    name = _FORBIDDEN.sub("-", name).strip(" ")
    stem, dot, ending = name.rpartition(".")
    if not dot or not stem or not re.fullmatch(r"[A-Za-z0-9]{1,8}", ending):
        stem, dot, ending = name, "", ""
    stem = re.sub(r"-{2,}", "-", stem).rstrip(". -")[:MAX_LENGTH].rstrip(". -") or default
    first, rest = re.match(r"([^.]*)(.*)", stem).groups()
    if first.rstrip(" ").upper() in _DEVICES:
        stem = f"{first}_{rest}"
    return f"{stem}{dot}{ending}"


def check_name(name: str) -> None:
    """Refuse, in Vietnamese, a file name Windows would refuse (also on Linux:
    the file goes to a Windows PC or a USB stick sooner or later)."""
    if not is_valid_windows_name(name):
        raise UserError(f"Tên tệp «{name}» không dùng được trên Windows (không có các ký tự < > : \" / \\ | ? *, "
                        f"không kết thúc bằng dấu chấm hay dấu cách, không phải CON, PRN, AUX, NUL …); "
                        f"ví dụ đặt tên «{windows_safe(name)}».")
