"""Calendar dates as kit.yaml writes them: why a text is not a date, in words a user can act on."""

from __future__ import annotations

import datetime as dt
import re

from .schema import DATE

__all__ = ["date_problem", "day_problem"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def date_problem(text: str) -> str | None:
    """Why `text` is not a kit date (YYYY-MM-DD, years 1000-9999), or None."""
    if not re.match(DATE, text):
        return "write it as YYYY-MM-DD, e.g. 2025-09-15"
    year, month, day = (int(p) for p in text.split("-"))
    return day_problem(year, month, day)


def day_problem(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Why this year (and month, and day) is not on the calendar, or None."""
    if not 1000 <= year <= 9999:
        return f"{year} is not a year"
    if month is None:
        return None
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return None
    if day < 1:
        return f"there is no day {day}"
    try:
        dt.date(year, month, day)
    except ValueError:
        last = ((dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)).day
        return f"{_MONTHS[month - 1]} {year} has {last} days"
    return None
