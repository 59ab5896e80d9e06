"""Warn of timeline entries out of date order: the sheet prints them in the kit's order."""

from __future__ import annotations

from .model import Kit, PartialDate

__all__ = ["lint_timeline"]


def lint_timeline(kit: Kit) -> list[tuple[str, int | None, str]]:
    """(key path, offset, message) for each entry dated before the entry above it.

    Partial dates compare by what they give: `2023-10` is not before `2023-10-05`, nor after
    it, so a month followed by a day in that month is in order either way.
    """
    found: list[tuple[str, int | None, str]] = []
    events = kit.timeline or ()
    for i in range(1, len(events)):
        before, date = getattr(events[i - 1], "date", None), getattr(events[i], "date", None)
        if not (isinstance(before, PartialDate) and isinstance(date, PartialDate)):
            continue  # a date that failed validation is reported there
        common = min(len(_key(before)), len(_key(date)))
        if _key(date)[:common] < _key(before)[:common]:
            found.append((f"timeline.{i}.date", None, (
                f"{_show(date)} comes after {_show(before)} in the timeline, which prints its "
                f"entries in the order written: put them in date order, oldest first")))
    return found


def _key(date: PartialDate) -> tuple[int, ...]:
    return tuple(part for part in (date.year, date.month, date.day) if part is not None)


def _show(date: PartialDate) -> str:
    return "-".join(f"{part:02d}" if n else str(part) for n, part in enumerate(_key(date)))
