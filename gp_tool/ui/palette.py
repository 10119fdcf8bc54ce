"""All colours of the window in one place (ui-brief b.10), light and dark, following the system.

Severity and visibility roles come from NAV Aksel's global steps 100/600/800/1000: ``bg`` is the role
background, ``text`` and ``muted`` are for text on that background (at least 4.5:1), ``icon`` is for
borders and icons only (at least 3:1), never for text. The neutral extras (``surface``, ``border``,
``accent``) are our own, chosen with the same contrast limits. Presenter mode forces light with
:func:`force_dark` (``False``) and enlarges every font with :func:`set_scale`; both re-apply at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = [
    "DARK",
    "LIGHT",
    "MIN_POINT_SIZE",
    "Colours",
    "Role",
    "apply",
    "current",
    "follow_system",
    "force_dark",
    "scale",
    "set_scale",
]

MIN_POINT_SIZE: Final = 10.0
"""No text below 10 pt (ui-brief b.11, WinForms guidance)."""


@dataclass(frozen=True)
class Role:
    bg: str
    text: str
    muted: str
    icon: str


@dataclass(frozen=True)
class Colours:
    """One scheme. ``role(name)`` gives the role for a severity or visibility name."""

    dark: bool
    danger: Role
    warning: Role
    info: Role
    success: Role
    meta: Role
    page_bg: str
    page_text: str
    page_muted: str
    focus: str
    surface: str  # header and step list background
    border: str  # frames of inputs and panels (at least 3:1 on page and surface)
    divider: str  # decorative lines only
    accent: str  # selection bar and solid buttons
    on_accent: str  # text on accent

    def role(self, name: str) -> Role:
        """``BLOCK``/``danger``, ``WARN``/``warning``, ``INFO``/``info``, ``OK``/``success``, ``meta``."""
        key = {"BLOCK": "danger", "WARN": "warning", "INFO": "info", "OK": "success"}.get(name, name)
        role = getattr(self, key, None)
        return role if isinstance(role, Role) else self.info


LIGHT: Final = Colours(
    dark=False,
    danger=Role("#fff2f7", "#560000", "#bc002a", "#e22948"),
    warning=Role("#fff5e4", "#481700", "#a03e00", "#ca5000"),
    info=Role("#eef6fc", "#002942", "#156389", "#457c9d"),
    success=Role("#e2fde8", "#002e00", "#006c1f", "#00893c"),
    meta=Role("#f8f3ff", "#360072", "#7342b6", "#905bd3"),
    page_bg="#ffffff",
    page_text="#202733",
    page_muted="#5d6573",
    focus="#202733",
    surface="#f3f4f6",
    border="#858c98",
    divider="#d8dbe0",
    accent="#0a5ec0",
    on_accent="#ffffff",
)

DARK: Final = Colours(
    dark=True,
    danger=Role("#410409", "#ffb3cd", "#ee7685", "#de4a50"),
    warning=Role("#371100", "#ffbc4b", "#e78040", "#c56333"),
    info=Role("#001f35", "#b4ccdc", "#7f9fb3", "#5b839c"),
    success=Role("#002300", "#98d7a7", "#5eab72", "#378f53"),
    meta=Role("#1f1832", "#efe4fd", "#ae8cdb", "#936aca"),
    page_bg="#0e151f",
    page_text="#dfe1e5",
    page_muted="#949ba8",
    focus="#dfe1e5",
    surface="#151d29",
    border="#6b7382",
    divider="#2a3340",
    accent="#7fb0f5",
    on_accent="#0e151f",
)


class _State:
    colours: Colours = LIGHT
    forced_dark: bool | None = None
    scale: float = 1.0  # font scale: zoom (0.8–2.0) times presenter mode
    base_point_size: float | None = None  # the application font's size before any scaling


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def current() -> Colours:
    """The colours in use now."""
    return _State.colours


def _qpalette(c: Colours) -> QPalette:
    pal = QPalette()
    entries = {
        QPalette.ColorRole.Window: c.page_bg,
        QPalette.ColorRole.WindowText: c.page_text,
        QPalette.ColorRole.Base: c.page_bg,
        QPalette.ColorRole.AlternateBase: c.surface,
        QPalette.ColorRole.Text: c.page_text,
        QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.page_text,
        QPalette.ColorRole.BrightText: c.danger.muted,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.on_accent,
        QPalette.ColorRole.PlaceholderText: c.page_muted,
        QPalette.ColorRole.ToolTipBase: c.page_text,
        QPalette.ColorRole.ToolTipText: c.page_bg,
        QPalette.ColorRole.Link: c.accent,
        QPalette.ColorRole.Light: c.page_bg if not c.dark else c.divider,
        QPalette.ColorRole.Midlight: c.divider,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Dark: c.border,
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in entries.items():
        pal.setColor(role, QColor(colour))
    disabled = QColor(c.page_muted)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def stylesheet(c: Colours) -> str:
    """The style sheet for our own roles (labels, chips, banner, panels); Fusion draws the rest."""
    return f"""
QWidget#header {{ background: {c.surface}; border-bottom: 1px solid {c.divider}; }}
QLabel[role="muted"] {{ color: {c.page_muted}; }}
QLabel[role="banner-warning"] {{
    background: {c.warning.bg}; color: {c.warning.text}; border: 1px solid {c.warning.icon};
    border-left: 4px solid {c.warning.icon}; border-radius: 4px; padding: 6px 12px;
}}
QLabel[role="field-error"] {{
    background: {c.danger.bg}; color: {c.danger.text}; border-left: 3px solid {c.danger.icon};
    padding: 4px 8px;
}}
QLineEdit[invalid="true"] {{
    border: 2px solid {c.danger.icon}; border-radius: 3px; padding: 0 4px;
    background: {c.page_bg}; color: {c.page_text};
}}
QLabel[role="save-dirty"] {{ color: {c.danger.muted}; }}
{_chips(c)}
QLabel[role="banner-danger"] {{
    background: {c.danger.bg}; color: {c.danger.text}; border: 1px solid {c.danger.icon};
    border-left: 4px solid {c.danger.icon}; border-radius: 4px; padding: 6px 12px;
}}
QLabel[role="banner-info"] {{
    background: {c.info.bg}; color: {c.info.text}; border: 1px solid {c.info.icon};
    border-left: 4px solid {c.info.icon}; border-radius: 4px; padding: 6px 12px;
}}
QLabel[role="banner-success"] {{
    background: {c.success.bg}; color: {c.success.text}; border: 1px solid {c.success.icon};
    border-left: 4px solid {c.success.icon}; border-radius: 4px; padding: 6px 12px;
}}
QLabel[role="ribbon"] {{
    background: {c.warning.icon if c.dark else c.warning.muted}; color: {c.page_bg if c.dark else "#ffffff"};
    font-weight: 600; border-radius: 3px; padding: 3px 10px;
}}
QLabel[role="why"] {{ color: {c.page_muted}; padding-left: 26px; }}
QLabel[role="finding-warning"] {{ color: {c.warning.muted}; }}
QLabel[role="finding-danger"] {{ color: {c.danger.muted}; }}
QGroupBox[audience="employer"] {{ border-left: 4px solid {c.meta.icon}; }}
QWidget[flash="BLOCK"], QWidget[flash="danger"] {{ border: 2px solid {c.danger.icon}; }}
QWidget[flash="WARN"] {{ border: 2px solid {c.warning.icon}; }}
QWidget[flash="INFO"] {{ border: 2px solid {c.info.icon}; }}
QTreeWidget#findingsTree {{ background: {c.surface}; border: none; border-left: 1px solid {c.divider}; }}
QFrame#commandPalette {{ background: {c.page_bg}; border: 2px solid {c.focus}; border-radius: 8px; }}
QListWidget#steps {{
    background: {c.surface}; border: none; border-right: 1px solid {c.divider}; outline: 0;
}}
QScrollArea#page {{ background: {c.page_bg}; border: none; }}
QWidget#pageBody {{ background: {c.page_bg}; }}
QStatusBar {{ border-top: 1px solid {c.divider}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
"""


def _chips(c: Colours) -> str:
    """Chips: a rounded label in a role's colours (``chip-info``, ``chip-danger``, ``chip-meta`` …)."""
    rules = []
    for name in ("info", "danger", "warning", "success", "meta"):
        r = c.role(name)
        rules.append(
            f'*[role="chip-{name}"] {{ background: {r.bg}; color: {r.text}; '
            f"border: 1px solid {r.icon}; border-radius: 11px; padding: 2px 10px; }}"
        )
        rules.append(
            f'*[role="chip-{name}"] QLabel {{ color: {r.text}; background: transparent; '
            "border: none; padding: 0; }"
        )
    rules.append(
        f'*[role="chip-nav"] {{ background: transparent; color: {c.page_text}; '
        f"border: 1px solid {c.border}; border-radius: 11px; padding: 2px 10px; }}"
    )
    rules.append(
        f'*[role="chip-nav"] QLabel {{ color: {c.page_text}; background: transparent; border: none; padding: 0; }}'
    )
    return "\n".join(rules)


def _ensure_font(app: QApplication) -> None:
    font = QFont(app.font())
    if _State.base_point_size is None:
        _State.base_point_size = max(font.pointSizeF(), MIN_POINT_SIZE)
    size = _State.base_point_size * _State.scale
    if abs(font.pointSizeF() - size) > 0.01:
        font.setPointSizeF(size)
        app.setFont(font)


def scale() -> float:
    """The current font scale (1.0 normal; presenter mode 1.5; zoom multiplies)."""
    return _State.scale


def set_scale(app: QApplication, value: float) -> None:
    """Scale every font by ``value`` (clamped to 0.8–3.0) and re-apply the style."""
    _State.scale = max(0.8, min(3.0, value))
    apply(app)


def force_dark(app: QApplication, dark: bool | None) -> None:
    """Force the dark (True) or light (False) scheme, or follow the system again (None)."""
    _State.forced_dark = dark
    apply(app)


def apply(app: QApplication, dark: bool | None = None) -> Colours:
    """Fusion style, the palette for ``dark`` (None: the system scheme), style sheet and minimum font."""
    if dark is None:
        dark = _State.forced_dark if _State.forced_dark is not None else system_is_dark()
    colours = DARK if dark else LIGHT
    _State.colours = colours
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    _ensure_font(app)
    app.setPalette(_qpalette(colours))
    app.setStyleSheet(stylesheet(colours))
    return colours


def follow_system(app: QApplication) -> None:
    """Re-apply the colours whenever the system switches between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
