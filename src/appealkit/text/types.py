"""Plain value types shared by the text engine and its users (lengths in PDF points)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .fonts import Font, FontFamily


class Direction(Enum):
    LTR = "ltr"
    RTL = "rtl"


class Align(Enum):
    START = "start"  # left for LTR paragraphs, right for RTL ones
    END = "end"
    CENTER = "center"
    JUSTIFY = "justify"  # inter-word space only; the last line is set at START


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph's logical text with its inline style."""

    text: str
    bold: bool = False
    link: str | None = None


@dataclass(frozen=True)
class TextStyle:
    family: FontFamily
    size: float
    leading: float = 1.3  # minimum line pitch as a multiple of size; real ink extents may raise it
    language: str = "en"  # BCP 47
    direction: Direction | None = None  # None: from the first strong character (UAX #9 P2-P3)
    align: Align = Align.START
    # True: every line box is ``leading`` times the size tall (as CSS line-height), its baseline
    # the Latin font's descent above the box's foot, so paragraphs stacked with a given gap keep
    # one pitch; the ink raises a line (or lowers the first) only where it would touch
    grid: bool = False


class Glyph(NamedTuple):
    """One positioned glyph. A NamedTuple, not a frozen dataclass like the other types: a pack
    has tens of thousands of glyphs and a NamedTuple is built about 2.5 times faster. It is
    just as immutable; use ``glyph._replace(...)`` where a dataclass would use ``replace``."""

    gid: int
    advance: float  # points, along the line
    dx: float  # offset from the pen position, points
    dy: float  # offset from the baseline, points (up is positive)
    text: (
        str  # logical text this glyph carries for copy and paste ('' when another glyph carries it)
    )
    cluster: int = 0  # index into its run's logical text where the glyph's cluster starts


@dataclass(frozen=True)
class GlyphRun:
    """Glyphs of one font, style and direction, in visual (left to right) order."""

    font: Font
    size: float
    x: float  # left edge relative to the line's left edge
    width: float
    direction: Direction
    glyphs: tuple[Glyph, ...]
    text: str  # the run's logical text
    bold: bool = False
    link: str | None = None
    level: int = 0  # bidi embedding level (odd: right to left)
    start: int = 0  # index of ``text`` in the paragraph's logical text


@dataclass(frozen=True)
class Line:
    runs: tuple[GlyphRun, ...]  # visual order, left to right
    x: float  # offset of the line's left edge in the paragraph box (alignment applied)
    baseline: float  # distance from the paragraph's top to this line's baseline
    width: float  # width of the set line (justified lines fill the box)
    ascent: float  # ink above the baseline
    descent: float  # ink below the baseline (positive)
    start: int = 0  # logical range of the paragraph's text set on this line (trailing spaces
    end: int = 0  # and the line feed that ended it are not part of it)
    hard: bool = False  # ends at a line feed or the end of the paragraph (never justified)


@dataclass(frozen=True)
class Paragraph:
    lines: tuple[Line, ...]
    width: float  # the box width it was set in
    height: float  # from the top of the first line to the bottom of the last line's descent
    direction: Direction
    below: float = 0.0  # grid paragraphs: room under the last baseline; 0: the ink's descent
