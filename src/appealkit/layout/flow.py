"""Stack paragraphs and boxes down a column, remembering which kit section each came from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from unicodedata import bidirectional

from ..text import set_paragraph
from ..text.types import Direction, Line, Paragraph, Span, TextStyle
from .boxes import BLACK, Color, Item, TextBox

TALLEST_LINE = 8.0  # ems: no real line's ink reaches this far (Nastaliq stacks take about 3)


class Unfit(Exception):
    """Text that no layout can place: `section` (a key path) and a message for the user.

    Raised by the layouts, which know no marks; `layout_pack` turns it into a located KitError.
    """

    def __init__(self, section: str, message: str) -> None:
        self.section, self.message = section, message
        super().__init__(f"{section}: {message}")


@dataclass(frozen=True)
class Hang:
    """A list item's marker (`•`, `2.`), hung in the item's indent beside its first line: at
    the left of a left-to-right item, at the right of a right-to-left one."""

    marker: Paragraph  # set in the indent, flush towards the item's text
    indent: float  # points the item's text keeps clear for it


Block = tuple[Paragraph, float] | tuple[Paragraph, float, Hang | None]  # and the gap after it


def text_x(x: float, paragraph: Paragraph, hang: Hang | None, ltr: bool | None = None) -> float:
    """Where a paragraph set in a column at `x` starts, leaving room for its marker: on the
    side its direction (or `ltr`, for a page to be mirrored) begins."""
    ltr = paragraph.direction is Direction.LTR if ltr is None else ltr
    return x + hang.indent if hang and ltr else x


def hang_box(x: float, y: float, paragraph: Paragraph, hang: Hang,
             ltr: bool | None = None) -> TextBox:
    """The marker of the item whose text box is at (x, y), on its first line's baseline."""
    if paragraph.direction is Direction.LTR if ltr is None else ltr:
        left = x - hang.indent
    else:
        left = x + paragraph.width + hang.indent - hang.marker.width
    top = y + paragraph.lines[0].baseline - hang.marker.lines[0].baseline
    return TextBox(left, top, hang.marker)


def spans_of(text: str | Sequence[Span]) -> list[Span]:
    return [Span(text)] if isinstance(text, str) else list(text)


def set_text(text: str | Sequence[Span], style: TextStyle, width: float) -> Paragraph:
    """Set plain text or spans in a box `width` points wide.

    In a right-to-left paragraph, a span with letters but none written right to left (an
    address, a name in Latin letters, `Dear Minister,`) is isolated (UAX #9 FSI…PDI), so it
    reads left to right as a whole, its end punctuation included, instead of taking the
    paragraph's direction. Numbers and brackets alone (`[2]`) are left to the paragraph.
    """
    spans = spans_of(text)
    if style.direction is Direction.RTL:
        spans = [_isolated(span) for span in spans]
    return set_paragraph(spans, style, width)


_FSI, _PDI = "\u2068", "\u2069"


def _isolated(span: Span) -> Span:
    text = span.text
    if not any(c.isalpha() for c in text) or any(bidirectional(c) in ("R", "AL") for c in text):
        return span
    return replace(span, text=_FSI + text + _PDI)


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
        if section:
            check_lines(paragraph, section)
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

    def overflowing_section(self, line: float | None = None) -> str:
        """The kit section whose text crosses or lies below `line` (the bottom edge)."""
        line = self.bottom if line is None else line
        for key, _top, bottom in self.sections:
            if bottom > line + 0.01:
                return key
        return self.sections[-1][0] if self.sections else ""


def pour(blocks: Iterable[Block], columns: list[Column],
         next_column: Callable[[], Column], section: str = "", *,
         max_columns: int = 20, page_columns: int = 1, keep: int = 1,
         ltr: bool | None = None) -> None:
    """Fill columns[-1] with paragraphs line by line (each followed by its gap), opening
    new columns with `next_column` when one is full; paragraphs split between lines. A list
    item's marker (its Hang) goes beside its first line.

    `keep` is the fewest lines of a paragraph a column may end or start with where the
    paragraph breaks (2: no single line left alone at a column's foot or head). `ltr` lays
    list markers out left to right whatever the text's direction (for a page to be mirrored).

    Raises Unfit when a line does not fit even in a column of its own, or when the text
    would need more than `max_columns` columns (`page_columns` to a page).
    """
    for block in blocks:
        paragraph, gap = block[0], block[1]
        hang = block[2] if len(block) > 2 else None
        check_lines(paragraph, section)
        lines = paragraph.lines
        fresh = False  # columns[-1] was opened for these lines and holds none of them yet
        while lines:
            column = columns[-1]
            count = _kept(_fitting(paragraph, lines, column), len(lines), keep, fresh)
            if count:
                chunk = _chunk(paragraph, lines[:count])
                x = text_x(column.x, paragraph, hang, ltr)
                if hang and lines is paragraph.lines:
                    column.items.append(hang_box(x, column.y, chunk, hang, ltr))
                column.place(TextBox(x, column.y, chunk), chunk.height, section)
                lines, fresh = lines[count:], False
            if lines:
                if not count and fresh:
                    raise Unfit(section, _too_tall(lines[0], column))
                if len(columns) >= max_columns:
                    pages = max_columns // page_columns
                    raise Unfit(section, f"the text runs on past {pages} pages; shorten it")
                columns.append(next_column())
                fresh = True
        columns[-1].advance(gap)


def _kept(count: int, left: int, keep: int, fresh: bool) -> int:
    """How many of `left` lines to put in a column with room for `count`, so that neither
    side of the break has fewer than `keep` lines (unless the column holds nothing else)."""
    if count >= left or keep <= 1 or fresh:
        return count
    if left - count < keep:  # too few for the next column: send more of them along
        count = left - keep
    return count if count >= keep else 0


def check_lines(paragraph: Paragraph, section: str) -> None:
    """Raise Unfit for a line whose ink is absurdly tall for its type size (TALLEST_LINE)."""
    for line in paragraph.lines:
        size = max((run.size for run in line.runs), default=0.0)
        if size and line.ascent + line.descent > TALLEST_LINE * size:
            raise Unfit(section, (
                f"a line here is {line.ascent + line.descent:.0f} pt tall at {size:g} pt, "
                f"more than {TALLEST_LINE:g} times its type size; a letter carries too many "
                f"marks, or a joined word is too long: put spaces between words"))


def _too_tall(line: Line, column: Column) -> str:
    height = line.ascent + line.descent
    room = column.bottom - column.top
    return (f"a line here is {height:.0f} pt tall and a column has {room:.0f} pt; "
            f"it cannot be set: shorten the word or remove marks")


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
