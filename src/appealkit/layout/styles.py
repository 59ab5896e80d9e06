"""The pack's typography: which committed fonts, sizes and colours each kind of text uses."""

from __future__ import annotations

from functools import cache

from ..text import FontFamily
from ..text.fonts import shipped_font
from ..text.types import Align, Direction, TextStyle
from .boxes import Color
from .locale import is_rtl

GREY: Color = (0.33, 0.33, 0.33)  # stays legible when photocopied
PANEL: Color = (0.93, 0.93, 0.93)  # light fills that photocopy as a pale tint, not a blotch
RULE: Color = (0.6, 0.6, 0.6)



def _font(name: str) -> str:
    return shipped_font(name)


_ARABIC = (_font("NotoNaskhArabic-Regular"), _font("NotoNaskhArabic-Bold"))
_URDU = (_font("NotoNastaliqUrdu-Regular"), _font("NotoNastaliqUrdu-Bold"))
_DEVANAGARI = (_font("NotoSansDevanagari-Regular"), _font("NotoSansDevanagari-Bold"))


@cache
def family(role: str = "sans") -> FontFamily:
    """`sans` for the fact sheet, `serif` for letters, `display` for the banner and headline."""
    latin = {
        "sans": (_font("NotoSans-Regular"), _font("NotoSans-Bold")),
        "serif": (_font("NotoSerif-Regular"), _font("NotoSerif-Bold")),
        "display": (_font("NotoSans-CondensedBlack"), None),
    }[role]
    return FontFamily.from_files(latin=latin, arabic=_ARABIC, urdu=_URDU, devanagari=_DEVANAGARI)


def family_for(language: str, role: str = "serif") -> FontFamily:
    """The family a text in `language` is set in (validation checks its characters against it)."""
    return family(role)


def style(size: float, *, role: str = "sans", language: str = "en", leading: float = 1.3,
          align: Align = Align.START) -> TextStyle:
    direction = Direction.RTL if is_rtl(language) else Direction.LTR
    return TextStyle(family(role), size, leading, language, direction, align)
