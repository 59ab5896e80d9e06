"""Text engine: Unicode text, fonts and a width in, lines of positioned glyphs out.

Knows nothing of kits, pages or ReportLab. The value types are imported at once; fonts and
line setting (which load HarfBuzz) on first use, so that ``appealkit.text.types`` stays cheap
to import for modules that only need ``Span``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .types import Align, Direction, Glyph, GlyphRun, Line, Paragraph, Span, TextStyle

if TYPE_CHECKING:
    from .fonts import Font, FontFamily, FontPair, load_font, missing_chars
    from .lines import clear_caches, measure, set_paragraph

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

_LAZY = {
    "Font": "fonts",
    "FontFamily": "fonts",
    "FontPair": "fonts",
    "load_font": "fonts",
    "missing_chars": "fonts",
    "clear_caches": "lines",
    "measure": "lines",
    "set_paragraph": "lines",
}


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` the first time it is asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
