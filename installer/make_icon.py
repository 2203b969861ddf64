"""Draw the program icon: a gold star over a house roof on a red rounded
square (a commune office's colours). Writes resources/icons/dvdesktop.png
(256 px) and resources/icons/dvdesktop.ico (16-256 px) for the PyInstaller
build and the NSIS shortcuts. Run by hand when the design changes; the
output is committed, so a build needs no Pillow.

    uv run python installer/make_icon.py
"""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
RED = (200, 16, 46, 255)
GOLD = (255, 205, 0, 255)
WHITE = (255, 255, 255, 255)


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=RED)
    # roof and walls of a house, white
    d.polygon([(40 * s, 150 * s), (128 * s, 84 * s), (216 * s, 150 * s), (196 * s, 150 * s),
               (128 * s, 100 * s), (60 * s, 150 * s)], fill=WHITE)
    d.rectangle((72 * s, 146 * s, 184 * s, 214 * s), fill=WHITE)
    d.rectangle((112 * s, 168 * s, 144 * s, 214 * s), fill=RED)  # door
    d.polygon(star(128 * s, 52 * s, 36 * s, 14 * s), fill=GOLD)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    png = big.resize((256, 256), Image.LANCZOS)
    png.save(OUT / "dvdesktop.png")
    png.save(OUT / "dvdesktop.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"wrote {OUT / 'dvdesktop.png'} and {OUT / 'dvdesktop.ico'}")


if __name__ == "__main__":
    main()
