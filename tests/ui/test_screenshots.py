"""A screenshot of every step in each language; Norwegian letters are in the font and drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel

from gp_tool.i18n.catalog import LANGUAGES
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import STEPS

pytestmark = pytest.mark.gui

NORWEGIAN = "æøåÆØÅ"


def distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_is_grabbed_in_each_language(window: MainWindow, tmp_path: Path, lang: str) -> None:
    set_language(lang)
    window.run_analysis()
    metrics = QFontMetrics(QApplication.font())
    assert all(metrics.inFontUcs4(ord(c)) for c in NORWEGIAN)
    for index, step in enumerate(STEPS):
        window.go_to_step(index, focus=True)
        QApplication.processEvents()
        image = window.grab().toImage()
        target = tmp_path / f"{lang}-{index + 1}-{step.key}.png"
        assert image.save(str(target))
        assert image.width() == 1280
        assert image.height() == 800
        assert distinct_colours(image) > 40, target.name
        # every label on the step with æøå is drawn in a font that has them
        page = window.page(index)
        for label in page.findChildren(QLabel):
            text = label.text()
            if any(c in text for c in NORWEGIAN) and label.isVisibleTo(page):
                font_metrics = QFontMetrics(label.font())
                assert all(font_metrics.inFontUcs4(ord(c)) for c in NORWEGIAN if c in text), text
    assert len(list(tmp_path.glob(f"{lang}-*.png"))) == len(STEPS)
