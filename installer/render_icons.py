"""Render the application icon from its SVG sources into PNGs and a Windows .ico.

Sources (drawn for this project, no third-party artwork): ``gp_tool/resources/icons/arbeidsfokus.svg``
(the master, 256 grid) and ``arbeidsfokus-16.svg`` (the same design snapped to whole pixels, used for
16 px, where a scaled-down master would blur). Outputs, committed next to the sources so that neither
the app nor the build needs to render anything:

* ``arbeidsfokus-<size>.png`` for every size in :data:`SIZES` (Linux hicolor theme, window icon);
* ``arbeidsfokus.ico`` with every size as its own bitmap (the Windows exe, shortcut and file type).

Usage::

    python installer/render_icons.py           # write the PNGs and the .ico
    python installer/render_icons.py --check   # exit 1 if a committed PNG differs from its SVG

Rendering uses Qt's SVG renderer (PySide6-Essentials' QtSvg) offscreen; Pillow writes the files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Final

from PIL import Image, ImageChops

ROOT: Final = Path(__file__).resolve().parent.parent
ICONS: Final = ROOT / "gp_tool" / "resources" / "icons"
NAME: Final = "arbeidsfokus"
SIZES: Final = (16, 24, 32, 48, 64, 128, 256)
# Largest per-channel difference (0-255) --check tolerates between a committed PNG and a new render:
# anti-aliasing may differ by a step or two between Qt builds; a changed drawing differs by far more.
TOLERANCE: Final = 8


def source_for(size: int) -> Path:
    """The SVG drawn for ``size``: the pixel-snapped 16 px variant, else the master."""
    small = ICONS / f"{NAME}-16.svg"
    return small if size <= 16 else ICONS / f"{NAME}.svg"


def png_path(size: int) -> Path:
    return ICONS / f"{NAME}-{size}.png"


def render(svg: Path, size: int) -> Image.Image:
    """``svg`` drawn into a transparent ``size`` x ``size`` RGBA image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF  # Qt only when rendering
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        render.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]  # keep it alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return Image.frombytes("RGBA", (size, size), bytes(image.constBits()))


def render_all() -> dict[int, Image.Image]:
    return {size: render(source_for(size), size) for size in SIZES}


def write(images: dict[int, Image.Image]) -> list[Path]:
    written = []
    for size, image in images.items():
        image.save(png_path(size), format="PNG", optimize=True)
        written.append(png_path(size))
    ico = ICONS / f"{NAME}.ico"
    largest = images[max(SIZES)]
    others = [images[size] for size in SIZES if size != max(SIZES)]
    largest.save(ico, format="ICO", sizes=[(size, size) for size in SIZES], append_images=others)
    written.append(ico)
    return written


def difference(a: Image.Image, b: Image.Image) -> int:
    """The largest per-channel difference between two RGBA images of one size (255 if sizes differ)."""
    if a.size != b.size:
        return 255
    extrema = ImageChops.difference(a.convert("RGBA"), b.convert("RGBA")).getextrema()
    return max(high for _low, high in extrema)  # type: ignore[misc]


def stale() -> list[str]:
    """One line per committed PNG that is missing or no longer matches its SVG."""
    problems = []
    for size, image in render_all().items():
        path = png_path(size)
        if not path.is_file():
            problems.append(f"{path.relative_to(ROOT)}: missing")
            continue
        with Image.open(path) as committed:
            diff = difference(image, committed)
        if diff > TOLERANCE:
            problems.append(f"{path.relative_to(ROOT)}: differs from {source_for(size).name} by {diff}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print(line)
        print(f"icons: {len(problems)} stale (run python installer/render_icons.py)")
        return 1 if problems else 0
    for path in write(render_all()):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
