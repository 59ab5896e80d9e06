"""The typefaces the pack is set in: which font files make each role's family.

Layout sets text in them; validation checks a kit's characters against the same families, so
a character no font has is a located error before anything is laid out.
"""

from __future__ import annotations

from functools import cache

from .text import FontFamily
from .text.fonts import shipped_font

__all__ = ["family", "family_for"]


def _font(name: str) -> str:
    return shipped_font(name)


_ARABIC = (_font("NotoNaskhArabic-Regular"), _font("NotoNaskhArabic-Bold"))
_URDU = (_font("NotoNastaliqUrdu-Regular"), _font("NotoNastaliqUrdu-Bold"))
_DEVANAGARI = (_font("NotoSansDevanagari-Regular"), _font("NotoSansDevanagari-Bold"))
# Noto Nastaliq Urdu Bold is drawn larger than the regular: over the words of the example's
# letter its ink is 10 % taller and its words 10 % wider (Latin and Naskh bolds keep the
# regular's height). Bold Urdu is set at 91 % of the size, so that both read at one size.
_SCALES = {_URDU[1]: 0.91}


@cache
def family(role: str = "sans") -> FontFamily:
    """`sans` for the fact sheet, `serif` for letters, `display` for the banner and headline."""
    latin = {
        "sans": (_font("NotoSans-Regular"), _font("NotoSans-Bold")),
        "serif": (_font("NotoSerif-Regular"), _font("NotoSerif-Bold")),
        "display": (_font("NotoSans-CondensedBlack"), None),
    }[role]
    return FontFamily.from_files(latin=latin, arabic=_ARABIC, urdu=_URDU, devanagari=_DEVANAGARI,
                                 scales=_SCALES)


def family_for(language: str, role: str = "serif") -> FontFamily:
    """The family a text in `language` is set in (validation checks its characters against it)."""
    return family(role)
