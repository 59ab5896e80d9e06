"""Turn a validated Kit into parts of placed pages: fact sheet, background, a letter per language."""

from __future__ import annotations

import datetime as dt

from ..errors import KitError, Problem, mark_for
from ..model import Kit
from .background import layout_background
from .boxes import Part
from .factsheet import layout_fact_sheet
from .flow import Unfit
from .letter import layout_letter
from .limits import text_limits
from .paper import PAPERS, Paper

__all__ = ["PAPERS", "Paper", "Part", "layout_pack"]


def layout_pack(kit: Kit, paper: Paper, today: dt.date) -> list[Part]:
    """The pack's parts in order; KitError, located, for text that cannot be set or does not fit."""
    limits = text_limits(kit)
    if limits:
        raise KitError([Problem(mark_for(kit.marks, key), key, message) for key, message in limits])
    try:
        sheet = layout_fact_sheet(kit, paper)  # first: its overflow names the kit's sections
        # A short background is printed on the fact sheet, not on a nearly empty page.
        background = None if "background" in sheet.holds else layout_background(kit, paper)
        letters = [layout_letter(kit, language, paper, today) for language in kit.languages]
    except Unfit as unfit:
        raise KitError(Problem(mark_for(kit.marks, unfit.section), unfit.section,
                               unfit.message)) from None
    return [sheet, *([background] if background else []), *letters]
