"""Check a kit's `event:` and `solidarity:` sections beyond their types; report located problems.

The types (text, lists, the `report` address, the `report_by` date) are checked by validate.py
from the model like every other key; this module checks what a type cannot say.
"""

from __future__ import annotations

import string

from . import model
from .event_words import EVENT_WORD_KEYS, event_placeholders
from .validate_checker import Checker, close_matches

__all__ = ["MAX_RETURN_LINES", "check_event"]

MAX_RETURN_LINES = 5  # what fits in the envelope's top-left corner at 8 pt


def check_event(kit: model.Kit, checker: Checker) -> None:
    """Add the problems of `kit.event` and `kit.solidarity` to `checker`."""
    event = kit.event
    if event is None:
        return
    _check_words(event, checker)
    _check_return_address(event, checker)
    _check_report_by(kit, event, checker)
    _check_solidarity(kit.solidarity, checker)


def _check_words(event: model.EventSettings, checker: Checker) -> None:
    for name, text in (event.words or {}).items():
        path = f"event.words.{name}"
        if name not in EVENT_WORD_KEYS:
            close = close_matches(name, EVENT_WORD_KEYS)
            hint = f"did you mean '{close[0]}'?" if close else "the README lists them"
            checker.error(checker.keys.get(path), path,
                          f"the event materials have no word '{name}'; {hint}")
        elif text is not None:
            _check_placeholders(name, text, path, checker)


def _check_placeholders(name: str, text: str, path: str, checker: Checker) -> None:
    allowed = event_placeholders(name)
    offer = ", ".join(f"{{{p}}}" for p in allowed) or "none"
    try:
        used = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError:
        checker.error(checker.nodes.get(path), path,
                      f"a '{{' or '}}' without its partner; placeholders here: {offer}")
        return
    for field in used:
        if field not in allowed:
            checker.error(checker.nodes.get(path), path,
                          f"'{{{field}}}' cannot be filled in here; placeholders here: {offer}")


def _check_return_address(event: model.EventSettings, checker: Checker) -> None:
    lines = event.return_address or ()
    if len(lines) > MAX_RETURN_LINES:
        path = "event.return_address"
        checker.error(checker.nodes.get(path), path,
                      f"{len(lines)} lines; an envelope's return address has room for "
                      f"{MAX_RETURN_LINES}: join or drop some")


def _check_report_by(kit: model.Kit, event: model.EventSettings, checker: Checker) -> None:
    deadline = kit.action.deadline if kit.action is not None else None
    if event.report_by is None or deadline is None or event.report_by >= deadline:
        return
    path = "event.report_by"
    checker.warn(checker.nodes.get(path), path,
                 f"{event.report_by.isoformat()} is before the action's deadline "
                 f"({deadline.isoformat()}); letters written after it would not be counted")


def _check_solidarity(solidarity: model.Solidarity | None, checker: Checker) -> None:
    if solidarity is None:
        return
    for key in ("dos", "donts"):
        if getattr(solidarity, key) == ():
            path = f"solidarity.{key}"
            if path in checker.nodes:  # written as an empty list
                checker.error(checker.nodes[path], path,
                              "the list is empty; give one short line per entry or remove the key")
