"""Text engine: Unicode text, fonts and a width in, lines of positioned glyphs out.

Knows nothing of kits, pages or ReportLab.
"""

from .fonts import Font, FontFamily, FontPair, load_font, missing_chars
from .lines import clear_caches, measure, set_paragraph
from .types import Align, Direction, Glyph, GlyphRun, Line, Paragraph, Span, TextStyle

__all__ = [
    "Align",
    "Direction",
    "Font",
    "FontFamily",
    "FontPair",
    "Glyph",
    "GlyphRun",
    "Line",
    "Paragraph",
    "Span",
    "TextStyle",
    "clear_caches",
    "load_font",
    "measure",
    "missing_chars",
    "set_paragraph",
]
