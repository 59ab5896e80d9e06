"""Turn a validated Kit into parts of placed pages: fact sheet, background, a letter per
target and language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from ..errors import KitError, Problem, mark_for
from ..model import Kit
from .background import layout_background
from .boxes import Part
from .factsheet import layout_fact_sheet
from .flow import Unfit
from .letter import layout_letter
from .limits import text_limits
from .paper import PAPERS, Paper
from .status import is_closed
from .tags import mark_latin_text

__all__ = ["PAPERS", "Paper", "Part", "layout_pack"]


def layout_pack(kit: Kit, paper: Paper, today: dt.date) -> list[Part]:
    """The pack's parts in order; KitError, located, for text that cannot be set or does not fit."""
    limits = text_limits(kit)
    if limits:
        raise KitError([Problem(mark_for(kit.marks, key), key, message) for key, message in limits])
    problems: list[Problem] = []  # every part is laid out, so that each one's problems show
    sheet = _collect(problems, kit, lambda: layout_fact_sheet(kit, paper, today))  # names sections
    # A short background is printed on the fact sheet, not on a nearly empty page.
    on_sheet = sheet is not None and "background" in sheet.holds
    background = None if on_sheet else _collect(problems, kit,
                                                lambda: layout_background(kit, paper))
    # A closed action calls no one to write: its pack is for information, without letters
    letters = [_collect(problems, kit, partial(layout_letter, kit, letter, paper, today))
               for letter in ([] if is_closed(kit) else kit.letter_list)]
    if problems:
        raise KitError(_first_per_key(problems))
    # a Latin address inside an Urdu letter is marked as in the kit's language (tagged PDF)
    return [mark_latin_text(part, kit.language) for part in (sheet, background, *letters)
            if part is not None]


def _collect(problems: list[Problem], kit: Kit, make: Callable[[], Part | None]) -> Part | None:
    """The part `make` lays out, or None with its problems added to `problems`."""
    try:
        return make()
    except KitError as error:
        problems += error.problems
    except Unfit as unfit:
        problems.append(Problem(mark_for(kit.marks, unfit.section), unfit.section, unfit.message))
    return None


def _first_per_key(problems: list[Problem]) -> list[Problem]:
    """The first problem of each key path: a headline too long for the fact sheet is also too
    long for the background, and the letters share their window address; one fix each."""
    first: dict[str, Problem] = {}
    for problem in problems:
        first.setdefault(problem.path, problem)
    return list(first.values())
