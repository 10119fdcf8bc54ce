"""The app icon: committed PNGs and .ico match their SVG sources, at every size the desktop asks for."""

from __future__ import annotations

from PIL import Image

from installer import bundle, render_icons


def test_sizes_agree() -> None:
    assert render_icons.SIZES == bundle.ICON_SIZES == (16, 24, 32, 48, 64, 128, 256)


def test_pngs_match_their_svg(qapp) -> None:
    assert render_icons.stale() == []


def test_png_sizes_and_transparency() -> None:
    for size in bundle.ICON_SIZES:
        with Image.open(render_icons.png_path(size)) as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            assert image.getpixel((0, 0))[3] < 128  # rounded corner: (mostly) transparent
            assert image.getpixel((size // 2, size // 8))[3] == 255  # inside the tile


def test_ico_holds_every_size() -> None:
    with Image.open(bundle.ICON_DIR / "arbeidsfokus.ico") as ico:
        assert sorted(ico.info["sizes"]) == [(s, s) for s in bundle.ICON_SIZES]


def test_difference_detects_a_changed_drawing() -> None:
    a = Image.new("RGBA", (16, 16), (15, 94, 110, 255))
    b = a.copy()
    assert render_icons.difference(a, b) == 0
    b.putpixel((8, 8), (255, 255, 255, 255))
    assert render_icons.difference(a, b) == 240  # 255 - 15 on the red channel
    assert render_icons.difference(a, Image.new("RGBA", (24, 24))) == 255
