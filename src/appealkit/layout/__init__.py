"""Turn a validated Kit into parts of placed pages: fact sheet, background, a letter per language."""

from __future__ import annotations

import datetime as dt

from ..model import Kit
from .background import layout_background
from .boxes import Part
from .factsheet import layout_fact_sheet
from .letter import layout_letter
from .paper import PAPERS, Paper

__all__ = ["PAPERS", "Paper", "Part", "layout_pack"]


def layout_pack(kit: Kit, paper: Paper, today: dt.date) -> list[Part]:
    background = layout_background(kit, paper)
    return [layout_fact_sheet(kit, paper), *([background] if background else []),
            *(layout_letter(kit, language, paper, today) for language in kit.languages)]
