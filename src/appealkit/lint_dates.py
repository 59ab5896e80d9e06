"""Find dates a letter speaks of as still to come ("set to expire on 30 June 2025") that are long
past on the day the letter is dated: (offset, message) warnings for one letter text.

A simple reading, in English, French, Spanish and German only: a date written out (`30 June
2025`, `June 30, 2025`, `1er juillet 2025`, `30 de junio de 2025`, `30. Juni 2025`, a month and
year, or `2025-06-30`) counts as future when a word of the future ("will", "set to", "sera",
"-rá", "wird", ...) stands in the same sentence, near it. It cannot tell tense from grammar:
"the cards that will expire on 30 June 2025 were renewed" is taken as future too, a future
said without such a word ("the hearing on 3 May 2026") is missed, and digits-only dates
other than YYYY-MM-DD (`30/06/2025`) are not read. A date within GRACE of the letter's date is
let be: texts are used for some weeks around the dates they name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from .words import MONTHS

__all__ = ["GRACE", "stale_future_dates"]

GRACE = dt.timedelta(days=31)
_WINDOW = 90  # characters on each side of the date in which a future word counts

# The month names of the languages whose future words this knows, as people type them.
_MONTHS = {lang: tuple(month.lower() for month in MONTHS[lang]) for lang in ("en", "fr", "es", "de")}
_FUTURE = {
    "en": r"will|shall|\w+'ll|set to|due to|scheduled|expected to|going to|is to|are to|"
          r"about to|upcoming|forthcoming|ahead of",
    "fr": r"va|vont|doit|doivent|devrait|devraient|prévue?s?|à venir|prochaine?s?|d'ici|"
          r"\w{2,}(?:era|eront|ira|iront|dra|dront)",
    "es": r"va a|van a|previst[oa]s?|próxim[oa]s?|\w{2,}r(?:á|án)",
    "de": r"wird|werden|soll|sollen|voraussichtlich|geplant|demnächst|künftig|bevorstehend\w*",
}
# A date just after one of these is a past starting point ("since October 2023"), not a future.
_SINCE = re.compile(r"(?:since|seit|depuis|desde)(?:\s+(?:le|el|dem|the))?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n")


def stale_future_dates(text: str, language: str, dated: dt.date) -> list[tuple[int, str]]:
    """(offset, message) for each date `text` calls future that is more than GRACE before
    `dated`, the letter's date; [] for a language this reading does not know."""
    language = language.split("-")[0]
    if language not in _MONTHS:
        return []
    dates = list(_dates(text, language))
    future = re.compile(rf"\b(?:{_FUTURE[language]})\b", re.IGNORECASE)
    found = []
    for start, end, when in dates:
        if when + GRACE >= dated or _SINCE.search(text[max(0, start - 20):start]):
            continue
        left, right = _sentence(text, start, end, dates)
        cue = future.search(text, left, right)
        if cue:
            shown = " ".join(text[start:end].split())
            found.append((start, (
                f"the letter says '{cue.group()} … {shown}' as if still to come, but it is dated "
                f"{dated.isoformat()}, after that date; bring the facts up to date (what "
                f"happened on {shown}?), or set letter.date")))
    return found


def _dates(text: str, language: str) -> Iterator[tuple[int, int, dt.date]]:
    """(start, end, date) of each date written out in `text`; a month and year alone mean the
    month's last day."""
    months = _MONTHS[language]
    names = "|".join(months)
    pattern = re.compile(
        rf"(?:\b(\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?)?\b({names})\b"
        rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?,?)?\s+(?:de\s+|del\s+)?(\d{{4}})\b"
        r"|\b(\d{4})-(\d{2})-(\d{2})\b",
        re.IGNORECASE)
    for match in pattern.finditer(text):
        if match.group(5):
            parts = (int(match.group(5)), int(match.group(6)), int(match.group(7)))
        else:
            month = months.index(match.group(2).lower()) + 1
            year = int(match.group(4))
            day = match.group(1) or match.group(3)
            parts = (year, month, int(day) if day else calendar.monthrange(year, month)[1])
        try:
            yield match.start(), match.end(), dt.date(*parts)
        except ValueError:
            continue  # not a real date: nothing to compare


def _sentence(text: str, start: int, end: int, dates: list[tuple[int, int, dt.date]]
              ) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end] (at most _WINDOW characters each side);
    full stops inside dates (`30. Juni`) do not end it."""
    left, right = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    for stop in _SENTENCE_END.finditer(text, left, right):
        if any(a <= stop.start() < b for a, b, _ in dates):
            continue
        if stop.end() <= start:
            left = stop.end()
        elif stop.start() >= end:
            right = stop.start()
            break
    return left, right
