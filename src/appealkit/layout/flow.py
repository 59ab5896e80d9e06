"""Stack paragraphs and boxes down a column, remembering which kit section each came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import set_paragraph
from ..text.types import Paragraph, Span, TextStyle
from .boxes import BLACK, Color, Item, TextBox


def spans_of(text: str | Sequence[Span]) -> list[Span]:
    return [Span(text)] if isinstance(text, str) else list(text)


def set_text(text: str | Sequence[Span], style: TextStyle, width: float) -> Paragraph:
    """Set plain text or spans in a box `width` points wide."""
    return set_paragraph(spans_of(text), style, width)


@dataclass
class Column:
    """A column from `top` down to `bottom`; `y` is where the next item goes."""

    x: float
    top: float
    width: float
    bottom: float
    items: list[Item] = field(default_factory=list)
    sections: list[tuple[str, float, float]] = field(default_factory=list)  # (key path, top, bottom)
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.top

    def add_text(self, text: str | Sequence[Span], style: TextStyle, *, color: Color = BLACK,
                 indent: float = 0.0, section: str = "") -> Paragraph:
        paragraph = set_text(text, style, self.width - indent)
        self.place(TextBox(self.x + indent, self.y, paragraph, color), paragraph.height, section)
        return paragraph

    def place(self, item: Item, height: float, section: str = "") -> None:
        self.items.append(item)
        self.advance(height, section)

    def advance(self, height: float, section: str = "") -> None:
        if section:
            self.sections.append((section, self.y, self.y + height))
        self.y += height

    @property
    def overflow(self) -> float:
        """How far the content runs past the bottom, in points (0 when it fits)."""
        return max(0.0, self.y - self.bottom)

    def overflowing_section(self) -> str:
        """The kit section whose text crosses or lies below the bottom edge."""
        for key, top, bottom in self.sections:
            if bottom > self.bottom + 0.01:
                return key
        return self.sections[-1][0] if self.sections else ""
