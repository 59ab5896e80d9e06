"""The pack's typography: which committed fonts, sizes and colours each kind of text uses."""

from __future__ import annotations

from ..text.types import Align, Direction, TextStyle
from ..typefaces import family
from .boxes import Color
from .locale import is_rtl

GREY: Color = (0.33, 0.33, 0.33)  # stays legible when photocopied
PANEL: Color = (0.93, 0.93, 0.93)  # light fills that photocopy as a pale tint, not a blotch
RULE: Color = (0.6, 0.6, 0.6)



def style(size: float, *, role: str = "sans", language: str = "en", leading: float = 1.3,
          align: Align = Align.START) -> TextStyle:
    direction = Direction.RTL if is_rtl(language) else Direction.LTR
    return TextStyle(family(role), size, leading, language, direction, align)
