"""Drive the window with the keyboard only, counting every key press (a chord counts once)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def mnemonic(text: str) -> Qt.Key:
    """The key of the Alt letter in a label text ("Fir&st day" → Key_S)."""
    match = re.search(r"&([^&\s])", text)
    assert match, f"no mnemonic in {text!r}"
    letter = match.group(1).upper()
    special = {"Æ": Qt.Key.Key_AE, "Ø": Qt.Key.Key_Ooblique, "Å": Qt.Key.Key_Aring}
    return special.get(letter) or Qt.Key(ord(letter))


class Keyboard:
    """Sends keys to whatever has focus (or the window), like a GP at the keyboard, and counts them."""

    def __init__(self, qtbot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window
        self.count = 0
        self.log: list[str] = []

    def target(self) -> QWidget:
        return QApplication.focusWidget() or self.window

    def press(self, key: Qt.Key, modifier=NONE, note: str = "") -> None:
        self.qtbot.keyClick(self.target(), key, modifier)
        self.count += 1
        self.log.append(note or f"{modifier}+{key}")
        QApplication.processEvents()

    def type(self, text: str) -> None:
        for char in text:
            QTest.keyClicks(self.target(), char)  # keyClicks takes a QString: æøå arrive intact
            self.count += 1
            self.log.append(char)
        QApplication.processEvents()

    def alt(self, label_text: str) -> None:
        """Alt + the underlined letter of ``label_text``."""
        self.press(mnemonic(label_text), ALT, f"Alt+{label_text}")
        self.qtbot.wait(150)  # buttons click on a short timer (animateClick)
