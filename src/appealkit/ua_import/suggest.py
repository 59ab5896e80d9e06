"""Suggest key figures and timeline events: the numbers and dates in a case's text, each with
the sentence it came from, for a person to keep or delete."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .fields import date_spans, find_dates
from .read import Line
from .sections import Paragraph

__all__ = ["Suggestion", "suggest_events", "suggest_figures"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"‘“(\[])")
_NUMBER = re.compile(
    r"(?P<more>(?:more than|over|at least)\s+)?"
    r"(?<![\d.,/-])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d/]|-[a-z])"
    r"(?P<scale>\s+(?:million|billion|thousand)|\s*%|\s+per\s?cent)?",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"\baccording to (?:the\s+)?([^,.;]+)", re.IGNORECASE)
_SMALLEST = 10  # 'three phases', '2 children': too small for a key figure panel


@dataclass(frozen=True)
class Suggestion:
    """A figure (`value`) or an event (`value` is its date) with the sentence it came from."""

    value: str
    sentence: str
    where: Line
    source: str | None = None


def sentences(paragraphs: list[Paragraph]) -> list[tuple[str, Line]]:
    """Each sentence of the paragraphs, with the line its paragraph starts on."""
    return [(s, p.first) for p in paragraphs for s in _SENTENCE.split(p.text) if s.strip()]


def suggest_figures(paragraphs: list[Paragraph]) -> list[Suggestion]:
    """Numbers of 10 or more (not years, dates or '30-day'), each once, in text order."""
    found: dict[str, Suggestion] = {}
    for sentence, line in sentences(paragraphs):
        dates = date_spans(sentence)
        for match in _NUMBER.finditer(sentence):
            if any(match.start("number") in span for span in dates) or not _is_figure(match):
                continue
            value = _figure_value(match)
            key = value.rstrip("+")
            source = _SOURCE.search(sentence)
            if key not in found:
                found[key] = Suggestion(value, sentence, line,
                                        source[1].strip() if source else None)
            elif source and found[key].source is None:  # a later sentence names the source
                found[key] = replace(found[key], source=source[1].strip())
    return list(found.values())


def _is_figure(match: re.Match[str]) -> bool:
    number = match["number"].replace(",", "")
    if match["scale"]:
        return True
    if "," not in match["number"] and len(number) == 4 and number[:2] in ("19", "20"):
        return False  # a year
    return float(number) >= _SMALLEST


def _figure_value(match: re.Match[str]) -> str:
    scale = " ".join((match["scale"] or "").split())
    value = match["number"] + ("%" if scale in ("%", "per cent", "percent") else
                               f" {scale.lower()}" if scale else "")
    more = (match["more"] or "").lower().strip()
    return value + "+" if more in ("more than", "over") else value


def suggest_events(paragraphs: list[Paragraph]) -> list[Suggestion]:
    """Each date (day or month) once, with the first sentence naming it, in date order."""
    found: dict[str, Suggestion] = {}
    for sentence, line in sentences(paragraphs):
        for _, date in find_dates(sentence):
            found.setdefault(date, Suggestion(date, sentence, line))
    return [found[date] for date in sorted(found)]
