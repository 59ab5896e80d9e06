"""Turn a validated Kit into parts of placed pages: the fact sheet, then a letter per language."""

from __future__ import annotations

import datetime as dt

from ..model import Kit
from .boxes import Part
from .factsheet import layout_fact_sheet
from .letter import layout_letter
from .paper import PAPERS, Paper

__all__ = ["PAPERS", "Paper", "Part", "layout_pack"]


def layout_pack(kit: Kit, paper: Paper, today: dt.date) -> list[Part]:
    return [layout_fact_sheet(kit, paper),
            *(layout_letter(kit, language, paper, today) for language in kit.languages)]
