"""Never lose work: every change is saved as a draft within a second, and reopening restores it.

:class:`Autosaver` watches the :class:`~gp_tool.ui.document.CaseDocument`; 400 ms after the last edit
(and at once on :meth:`Autosaver.flush`: step change, print, close) it hands the case to a
:class:`DraftSink`. The sink is an interface so that the case store can take over from the draft file:
:class:`FileDraftSink` writes one JSON file per case under the user's data folder
(``platformdirs.user_data_dir``), atomically and owner-only (0600) with
:func:`gp_tool.storage.files.atomic_write_text`.

A draft is keyed by where the case came from: a demo name, the case file's absolute path, or "new".
Opening the same source again finds the draft, and the window restores the case and the step the GP
was on exactly as they were (``Draft.case`` is validated like any case file).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from gp_tool.domain.case import Case
from gp_tool.domain.problems import ProblemError
from gp_tool.storage.files import atomic_write_text, read_text_file

__all__ = [
    "AUTOSAVE_DELAY_MS",
    "DRAFT_FORMAT",
    "Autosaver",
    "Draft",
    "DraftSink",
    "FileDraftSink",
    "default_draft_folder",
    "draft_key",
]

AUTOSAVE_DELAY_MS: Final = 400
"""Debounce after the last edit; well inside the one second the issue allows."""
DRAFT_FORMAT: Final = "gp-tool/draft"
DRAFT_VERSION: Final = 1


@dataclass(frozen=True)
class Draft:
    """A saved state of the consultation: the case, the step shown, and when it was saved."""

    key: str
    case: Case
    step: int
    saved_at: dt.datetime


class DraftSink(Protocol):
    """Where drafts go. ``save`` raises OSError (or ProblemError) when the draft cannot be written."""

    def save(self, draft: Draft) -> None: ...

    def load(self, key: str) -> Draft | None: ...

    def discard(self, key: str) -> None: ...


def draft_key(*, demo: str | None, path: Path | None, case_id: str | None = None) -> str:
    """The key of a case's draft: ``case-ID`` (a case from the case store), ``demo-NAME``,
    ``file-<sha256 of the absolute path>`` or ``new``."""
    if case_id is not None:
        return f"case-{case_id}"
    if path is not None:
        digest = hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:32]
        return f"file-{digest}"
    if demo is not None:
        return f"demo-{demo}"
    return "new"


def default_draft_folder() -> Path:
    """``drafts`` in the app's user data folder, beside the case store (``~/.local/share/gp-tool``,
    ``%LOCALAPPDATA%\\gp-tool``; platformdirs)."""
    from platformdirs import user_data_dir  # noqa: PLC0415  (imported when the first draft is saved)

    return Path(user_data_dir("gp-tool", appauthor=False)) / "drafts"


class FileDraftSink:
    """One JSON file per draft in ``folder`` (created owner-only on first save)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = default_draft_folder()
        return self._folder

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def save(self, draft: Draft) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        document = {
            "format": DRAFT_FORMAT,
            "version": DRAFT_VERSION,
            "saved_at": draft.saved_at.isoformat(timespec="seconds"),
            "step": draft.step,
            "case": draft.case.to_json_dict(),
        }
        atomic_write_text(self._file(draft.key), json.dumps(document, ensure_ascii=False, indent=1) + "\n")

    def load(self, key: str) -> Draft | None:
        """The draft saved under ``key``; None when there is none or it cannot be read as a case."""
        path = self._file(key)
        if not path.is_file():
            return None
        try:
            document: Any = json.loads(read_text_file(path))
            if not isinstance(document, dict) or document.get("format") != DRAFT_FORMAT:
                return None
            case = Case.model_validate_json(json.dumps(document["case"], ensure_ascii=False))
            saved_at = dt.datetime.fromisoformat(str(document["saved_at"]))
            step = int(document.get("step", 0))
        except (ProblemError, ValueError, KeyError, TypeError):
            return None  # a damaged draft is ignored, never a crash; the case file is still there
        return Draft(key, case, step, saved_at)

    def discard(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._file(key))


class Autosaver(QObject):
    """Saves the document's case to ``sink`` 400 ms after the last edit; ``flush`` saves at once.

    ``step`` is a callable giving the step to restore. ``saved`` is emitted after each save, ``failed``
    with the reason when a save fails (the window shows it in the status bar in danger colours).
    """

    saved = Signal()
    failed = Signal(str)

    def __init__(self, document: Any, sink: DraftSink, step: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.sink = sink
        self._step = step
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._pending = False
        document.edited.connect(self._changed)

    @property
    def key(self) -> str:
        return draft_key(
            demo=self.document.demo, path=self.document.path, case_id=getattr(self.document, "case_id", None)
        )

    @property
    def pending(self) -> bool:
        """True while an edit waits for its draft to be written."""
        return self._pending

    def _changed(self, _field: str = "") -> None:
        self._pending = True
        self._timer.start()

    def step_changed(self) -> None:
        """Remember the new step too (saved at once when there is unsaved work)."""
        if self._pending or self.document.dirty:
            self._pending = True
            self.flush()

    def flush(self) -> bool:
        """Write the draft now if anything is pending; True when nothing is left unsaved."""
        self._timer.stop()
        if not self._pending:
            return True
        now = dt.datetime.now().astimezone()
        try:
            self.sink.save(Draft(self.key, self.document.case, int(self._step()), now))
        except (OSError, ProblemError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.document.draft_error = reason
            self.document.state_changed.emit()
            self.failed.emit(reason)
            return False
        self._pending = False
        self.document.draft_saved_at = now
        self.document.draft_error = ""
        self.document.state_changed.emit()
        self.saved.emit()
        return True

    def discard(self) -> None:
        """Forget the draft of the current case (after it was saved to its file, or on revert)."""
        self._timer.stop()
        self._pending = False
        self.sink.discard(self.key)
