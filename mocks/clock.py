"""The mocks' notion of "today": the real date in Europe/Madrid, or a fixed day for tests/demos.

Every rule of the target system depends on ``hoy`` (see resources/ACCIONES_API.md §2), so the
clock is injected into the apps instead of being read from the system inside the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

MADRID = ZoneInfo("Europe/Madrid")
_DATE_RE = re.compile(r"^\d{2}/\d{2}/\d{4}$")


class Clock(Protocol):
    """Source of the current day (and time, for history entries)."""

    def today(self) -> dt.date: ...

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The real wall clock, in Europe/Madrid."""

    def today(self) -> dt.date:
        return self.now().date()

    def now(self) -> dt.datetime:
        return dt.datetime.now(MADRID)


@dataclass(frozen=True)
class FixedDayClock:
    """A fixed day; the time of day still advances (history entries stay ordered)."""

    day: dt.date

    def today(self) -> dt.date:
        return self.day

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self.day, dt.datetime.now(MADRID).timetz())


def parse_date(text: str) -> dt.date:
    """Parse ``dd/mm/yyyy`` strictly (a real calendar day); raise ``ValueError`` otherwise."""
    value = text.strip()
    if not _DATE_RE.match(value):
        raise ValueError(f"expected a date as dd/mm/yyyy, got {text!r}")
    return dt.datetime.strptime(value, "%d/%m/%Y").date()


def format_date(day: dt.date) -> str:
    """``dd/mm/yyyy``, the format of every date in the data."""
    return day.strftime("%d/%m/%Y")


def clock_for(today: str | None) -> Clock:
    """A fixed clock for ``dd/mm/yyyy``, the system clock for ``None`` or an empty string."""
    if today is None or not today.strip():
        return SystemClock()
    return FixedDayClock(parse_date(today))
