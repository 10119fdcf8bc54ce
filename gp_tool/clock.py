"""Where "today" comes from.

Rules never read the wall clock: they take ``today`` as an argument. The composition root
(``gp_tool.app``) asks a :class:`Clock` once and passes the date down; tests use
:class:`FixedClock`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["Clock", "FixedClock", "SystemClock"]


class Clock(Protocol):
    def today(self) -> dt.date: ...


@dataclass(frozen=True)
class FixedClock:
    """A clock that always answers the same date (tests, course mode's time travel)."""

    day: dt.date

    def today(self) -> dt.date:
        return self.day


class SystemClock:
    """Today's date in Norway (Europe/Oslo), whatever the machine's own time zone."""

    def today(self) -> dt.date:
        try:
            zone: dt.tzinfo = ZoneInfo("Europe/Oslo")
        except ZoneInfoNotFoundError:  # Windows without the tzdata package: fall back to local time
            return dt.datetime.now().astimezone().date()
        return dt.datetime.now(tz=zone).date()
