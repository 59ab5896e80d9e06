"""Stack paragraphs and boxes down a column, remembering which kit section each came from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..text import set_paragraph
from ..text.types import Line, Paragraph, Span, TextStyle
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


def pour(blocks: Iterable[tuple[Paragraph, float]], columns: list[Column],
         next_column: Callable[[], Column], section: str = "") -> None:
    """Fill columns[-1] with paragraphs line by line (each followed by its gap), opening
    new columns with `next_column` when one is full; paragraphs split between lines."""
    for paragraph, gap in blocks:
        lines = paragraph.lines
        while lines:
            column = columns[-1]
            count = _fitting(paragraph, lines, column)
            if count:
                chunk = _chunk(paragraph, lines[:count])
                column.place(TextBox(column.x, column.y, chunk), chunk.height, section)
                lines = lines[count:]
            if lines:
                if not count and column.y == column.top:
                    raise ValueError("a line is taller than a whole column")
                columns.append(next_column())
        columns[-1].advance(gap)


def _fitting(paragraph: Paragraph, lines: tuple[Line, ...], column: Column) -> int:
    """How many of `lines` fit in the column, set as a paragraph that starts with the first."""
    shift = lines[0].baseline - paragraph.lines[0].baseline
    room = column.bottom - column.y + shift
    count = 0
    for line in lines:
        if line.baseline + line.descent > room:
            break
        count += 1
    return count


def _chunk(paragraph: Paragraph, lines: tuple[Line, ...]) -> Paragraph:
    """The given lines of a paragraph, moved up so the first sits where the paragraph's did."""
    shift = lines[0].baseline - paragraph.lines[0].baseline
    moved = tuple(replace(line, baseline=line.baseline - shift) for line in lines)
    return replace(paragraph, lines=moved, height=moved[-1].baseline + moved[-1].descent)
