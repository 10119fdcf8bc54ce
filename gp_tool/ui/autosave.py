"""The case store behind the window's autosave, and the message after an unclean shutdown.

:class:`StoreDraftSink` is a :class:`gp_tool.ui.drafts.DraftSink` (the GUI's :class:`~gp_tool.ui.drafts.Autosaver`
saves to it 400 ms after an edit): every draft becomes a version of a case in the
:class:`~gp_tool.storage.store.CaseStore`, committed and fsynced before ``save`` returns. A draft key
(where the case came from: ``file-…``, ``case-<id>``, ``new``) is bound to the stored case, so the next
edits of the same case add versions to it instead of creating another case:

* ``case-<id>``: a case opened from the case list; always that stored case.
* ``file-…``: bound in the store (survives a restart, so reopening the file finds its case).
* ``new``: bound for this session only, so the next new consultation starts a new case; call
  :meth:`StoreDraftSink.rebind` when "Save as" gives the case a file key.
* ``demo-…``: fictional patients never enter the store (nor its self-audit); their drafts go to
  ``demo_sink`` (e.g. a ``FileDraftSink``) or stay in memory for the session.

``load(key)`` returns a draft only while work under the key is *pending*; ``discard(key)`` (after the
case was saved to its file, or reverted) settles it, and keeps the case and its history in the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
from typing import Final

from gp_tool.i18n.formatting import format_date
from gp_tool.storage.store import CaseStore, RecoveryInfo, StoreError
from gp_tool.ui.drafts import Draft, DraftSink
from gp_tool.ui.i18n import _, active, language

__all__ = ["CASE_KEY_PREFIX", "StoreDraftError", "StoreDraftSink", "case_key", "recovery_text"]

CASE_KEY_PREFIX: Final = "case-"
SESSION_ONLY_KEYS: Final = frozenset({"new"})


def case_key(case_id: str) -> str:
    """The draft key of a case opened from the case list."""
    return f"{CASE_KEY_PREFIX}{case_id}"


class StoreDraftError(OSError):
    """A draft could not be stored; ``strerror`` is the translated reason (the Autosaver shows it)."""

    def __init__(self, error: StoreError) -> None:
        code = (
            errno.EROFS if error.code == "read_only" else errno.EBUSY if error.code == "locked" else errno.EIO
        )
        super().__init__(code, error.render(active().gettext))
        self.store_error = error


class StoreDraftSink:
    """Drafts as case versions in ``store`` (see the module doc for keys and pending work)."""

    def __init__(self, store: CaseStore, demo_sink: DraftSink | None = None) -> None:
        self.store = store
        self.demo_sink = demo_sink
        self._session: dict[str, tuple[str, int, bool]] = {}  # key → (case id, step, pending)
        self._demo: dict[str, Draft] = {}

    # ------------------------------------------------------------------ bindings

    def case_id_for(self, key: str) -> str | None:
        """The stored case behind ``key``, or None when the next save creates one."""
        if key.startswith(CASE_KEY_PREFIX):
            return key[len(CASE_KEY_PREFIX) :]
        if key in self._session:
            return self._session[key][0]
        if key in SESSION_ONLY_KEYS:
            return None
        try:
            binding = self.store.lookup_key(key)
        except StoreError:
            return None
        return binding.case_id if binding is not None else None

    def rebind(self, old_key: str, new_key: str) -> None:
        """The case under ``old_key`` is now known as ``new_key`` ("Save as" of a new case)."""
        case_id = self.case_id_for(old_key)
        self._session.pop(old_key, None)
        if case_id is None or new_key.startswith(CASE_KEY_PREFIX):
            return
        try:
            self.store.bind_key(new_key, case_id, pending=False)
        except StoreError:
            self._session[new_key] = (case_id, 0, False)

    # ------------------------------------------------------------------ DraftSink

    def save(self, draft: Draft) -> None:
        if draft.key.startswith("demo-"):
            if self.demo_sink is not None:
                self.demo_sink.save(draft)
            else:
                self._demo[draft.key] = draft
            return
        persist = not draft.key.startswith(CASE_KEY_PREFIX) and draft.key not in SESSION_ONLY_KEYS
        try:
            saved = self.store.save(
                draft.case,
                case_id=self.case_id_for(draft.key),
                key=draft.key if persist else None,
                step=draft.step,
            )
        except StoreError as exc:
            raise StoreDraftError(exc) from None
        if not persist:
            self._session[draft.key] = (saved.case_id, draft.step, True)

    def load(self, key: str) -> Draft | None:
        if key.startswith("demo-"):
            return self.demo_sink.load(key) if self.demo_sink is not None else self._demo.get(key)
        try:
            if key in self._session:
                case_id, step, pending = self._session[key]
            else:
                binding = self.store.lookup_key(key)
                if binding is None:
                    return None
                case_id, step, pending = binding.case_id, binding.step, binding.pending
            if not pending:
                return None
            stored = self.store.load(case_id)
        except StoreError:
            return None
        return Draft(key, stored.case, step, stored.saved_at.astimezone())

    def discard(self, key: str) -> None:
        if key.startswith("demo-"):
            if self.demo_sink is not None:
                self.demo_sink.discard(key)
            self._demo.pop(key, None)
            return
        if key in SESSION_ONLY_KEYS:
            self._session.pop(key, None)
            return
        if key in self._session:
            case_id, step, _pending = self._session[key]
            self._session[key] = (case_id, step, False)
        # a failed settle at worst offers work that is also in its file: the case stays stored
        with contextlib.suppress(StoreError):
            self.store.settle_key(key)


def recovery_text(info: RecoveryInfo, today: dt.date) -> str:
    """What the window says after a crash: "Restored the case as last saved at 10:42." and the like."""
    opening = _("Arbeidsfokus was not closed properly last time.")
    if info.case_id is None or info.saved_at is None:
        nothing = _("No case had been saved in that session.")
        return f"{opening} {nothing}"
    saved = info.saved_at.astimezone()
    if saved.date() == today:
        restored = _("Restored the case as last saved at {time}.").format(time=f"{saved:%H:%M}")
    else:
        restored = _("Restored the case as last saved on {date} at {time}.").format(
            date=format_date(saved.date(), language(), "short"), time=f"{saved:%H:%M}"
        )
    return f"{opening} {restored}"
