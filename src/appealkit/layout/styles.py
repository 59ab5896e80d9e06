"""The pack's typography: which committed fonts, sizes and colours each kind of text uses."""

from __future__ import annotations

from ..text.types import Align, Direction, TextStyle
from ..typefaces import family
from .boxes import Color
from .locale import is_rtl

GREY: Color = (0.33, 0.33, 0.33)  # stays legible when photocopied
PANEL: Color = (0.93, 0.93, 0.93)  # light fills that photocopy as a pale tint, not a blotch
RULE: Color = (0.6, 0.6, 0.6)

# The line pitch of Urdu text, in ems. Nastaliq's words slope down to the baseline, so its ink
# reaches up to 1.9 em above it and 0.7 em below. Set with no leading, pairs of lines of Urdu
# prose (tests/samples and the example's letter, 11 to 14 pt, 200 to 480 pt wide) sit as close
# as 0.06 em of white between their ink allows: half of them 1.8 em apart, 98 in 100 at most
# 2.18 em. At 2.2 em ordinary lines never touch, and the ink raises the rare pair that would
# (tests/layout/test_urdu_letter_pitch.py measures it again).
NASTALIQ_PITCH = 2.2


def fixed_pitch(language: str) -> float | None:
    """The fixed line pitch (ems) text in `language` is set at, where ink would vary it."""
    return NASTALIQ_PITCH if language.replace("_", "-").split("-")[0].lower() == "ur" else None


def style(size: float, *, role: str = "sans", language: str = "en", leading: float = 1.3,
          align: Align = Align.START, grid: bool = False) -> TextStyle:
    direction = Direction.RTL if is_rtl(language) else Direction.LTR
    return TextStyle(family(role), size, leading, language, direction, align, grid)
