"""Colours are named once, in dvdesktop/gui/palette.py."""
import re
from pathlib import Path

import dvdesktop.gui

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def test_no_colour_is_written_outside_the_palette():
    gui = Path(dvdesktop.gui.__file__).parent
    found = [f"{path.relative_to(gui)}:{n}: {line.strip()}"
             for path in gui.rglob("*.py") if path.name != "palette.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if HEX_COLOUR.search(line)]
    assert not found, "colour literals outside gui/palette.py:\n" + "\n".join(found)
