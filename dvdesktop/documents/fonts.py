"""The serif family every document is set in.

Times New Roman where the system has it (Windows: C:\\Windows\\Fonts\\times*.ttf),
else the bundled Liberation Serif 2.x (metric-compatible; version 1.07 lacks
ơ, ư and most toned letters, so only 2.x is bundled). Parsing a TrueType file
costs about as much as laying out a one-page document, so the fonts are parsed
and registered with reportlab once per process. reportlab embeds a subset of
each font in every PDF.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..paths import resource

STYLES = ("regular", "bold", "italic", "bolditalic")

# Times New Roman file names on Windows (and in msttcorefonts on Linux).
_TIMES_FILES = {
    "regular": ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf"),
    "bold": ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf"),
    "italic": ("timesi.ttf", "Times_New_Roman_Italic.ttf", "Times New Roman Italic.ttf"),
    "bolditalic": ("timesbi.ttf", "Times_New_Roman_Bold_Italic.ttf", "Times New Roman Bold Italic.ttf"),
}
_LIBERATION_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
# Letters a font must have to print Vietnamese (an old Times without them is skipped).
_PROBE = "ơưăđỡựẫỸ"

# The family name Word files ask for; LibreOffice substitutes Liberation Serif.
DOCX_FAMILY = "Times New Roman"


@dataclass(frozen=True)
class FontSet:
    family: str  # "Times New Roman" or "Liberation Serif"
    files: dict  # style -> Path
    names: dict  # style -> reportlab font name

    def name(self, bold: bool = False, italic: bool = False) -> str:
        return self.names[("bold" if bold else "") + ("italic" if italic else "") or "regular"]


def _system_font_dirs() -> list[Path]:
    dirs: list[Path] = []
    extra = os.environ.get("DVDESKTOP_FONT_DIR")
    if extra:
        dirs.append(Path(extra))
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    dirs.append(Path("C:/Windows/Fonts"))
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [Path("/usr/share/fonts/truetype/msttcorefonts"), Path("/Library/Fonts"),
             Path("/System/Library/Fonts/Supplemental")]
    return dirs


def _find_times() -> dict | None:
    if os.environ.get("DVDESKTOP_BUNDLED_FONTS"):
        return None  # tests and benchmarks may insist on the bundled font
    for folder in _system_font_dirs():
        try:
            if not folder.is_dir():
                continue
        except OSError:
            continue
        # Windows' file names are case-insensitive (TIMES.TTF on some PCs,
        # and in a copied Fonts folder): compare them in lower case.
        try:
            present = {p.name.lower(): p for p in folder.iterdir()}
        except OSError:
            continue
        found = {}
        for style, names in _TIMES_FILES.items():
            for n in names:
                path = present.get(n.lower())
                if path is not None and path.is_file():
                    found[style] = path
                    break
        if len(found) == len(STYLES):
            return found
    return None


def bundled_files() -> dict:
    return {style: resource("fonts", name) for style, name in _LIBERATION_FILES.items()}


_lock = threading.Lock()
_registered: FontSet | None = None


def _register(family: str, files: dict, prefix: str) -> FontSet:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from .pdf_fonts import cache_subsets

    names = {}
    for style in STYLES:
        name = f"{prefix}-{style}"
        font = TTFont(name, str(files[style]))
        missing = [ch for ch in _PROBE if ord(ch) not in font.face.charToGlyph]
        if missing:
            raise ValueError(f"{files[style]} lacks Vietnamese letters: {''.join(missing)}")
        cache_subsets(font)
        pdfmetrics.registerFont(font)
        names[style] = name
    for style, (bold, italic) in {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bolditalic": (1, 1)}.items():
        addMapping(prefix, bold, italic, names[style])
    pdfmetrics.registerFontFamily(prefix, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bolditalic"])
    return FontSet(family=family, files=dict(files), names=names)


def fonts() -> FontSet:
    """Parse and register the document fonts once; later calls are free."""
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            times = _find_times()
            fontset = None
            if times:
                try:
                    fontset = _register("Times New Roman", times, "DVTimes")
                except Exception:  # noqa: BLE001 - a damaged or old Times: use the bundled font
                    fontset = None
            if fontset is None:
                fontset = _register("Liberation Serif", bundled_files(), "DVSerif")
            _registered = fontset
    return _registered


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of *text* in points (Times and Liberation Serif share their metrics)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, fonts().name(bold, italic), size)


# Words before which a header line is best broken: "ỦY BAN NHÂN DÂN / XÃ NẬM PỒ".
_BREAK_BEFORE = {"XÃ", "PHƯỜNG", "ĐẶC", "THỊ", "TỈNH", "THÀNH", "THÔN", "BẢN", "TỔ", "ẤP", "XÓM", "KHU",
                 "LÀNG", "BUÔN", "PLEI", "CHI", "ĐẢNG", "BAN", "HỘI", "ỦY"}


def fit_size(text: str, size: float, width: float, bold: bool = False) -> float:
    """The size at which *text* fits on one line of *width* points: *size*
    when it fits, else a smaller one (to half a point) — a name in a table
    column is shrunk a little rather than broken over two lines."""
    wide = text_width(text, size, bold)
    if wide <= width or not text:
        return size
    return max(int(size * width / wide * 2) / 2, 1.0)


def balanced_lines(text: str, size: float, bold: bool, width: float) -> list[str]:
    """Break a header line (capitals) the way a clerk would: explicit line
    breaks are kept; a line too wide for *width* is cut in two, before a place
    word (XÃ, BẢN, THÔN ...) when one fits, else where the halves balance."""
    out: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line or text_width(line, size, bold) <= width:
            if line:
                out.append(line)
            continue
        words = line.split(" ")
        best = None
        for i in range(1, len(words)):
            a, b = " ".join(words[:i]), " ".join(words[i:])
            wa, wb = text_width(a, size, bold), text_width(b, size, bold)
            fits = wa <= width and wb <= width
            preferred = words[i].upper() in _BREAK_BEFORE and i > 1
            score = (not fits, not preferred, max(wa, wb))
            if best is None or score < best[0]:
                best = (score, [a, b])
        out += best[1] if best else [line]
    return out
