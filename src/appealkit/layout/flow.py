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
                 indent: float = 0.0, section: str = "", tag: str = "P") -> Paragraph:
        paragraph = set_text(text, style, self.width - indent)
        if section:
            check_lines(paragraph, section)
        self.place(TextBox(self.x + indent, self.y, paragraph, color, tag), paragraph.height,
                   section)
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
         max_columns: int = 20, page_columns: int = 1, keep: int = 1, tail: float = 0.0,
         ltr: bool | None = None) -> None:
    """Fill columns[-1] with paragraphs line by line (each followed by its gap), opening
    new columns with `next_column` when one is full; paragraphs split between lines. A list
    item's marker (its Hang) goes beside its first line.

    A paragraph split between columns leaves at least `keep` lines on each side (no widows or
    orphans), or goes over whole. `tail` is the height that must follow the last paragraph in
    its column (a letter's closing): where it does not fit, the last paragraph starts a new
    column, or if it is too long for one, its last `keep` lines go over, so that the closing
    never stands alone. `ltr` lays list markers out left to right whatever the text's
    direction (for a page to be mirrored).

    Raises Unfit when a line does not fit even in a column of its own, or when the text
    would need more than `max_columns` columns (`page_columns` to a page).
    """
    blocks = list(blocks)
    holder: Column | None = None  # the last column that took some of the text
    for index, block in enumerate(blocks):
        paragraph, gap = block[0], block[1]
        hang = block[2] if len(block) > 2 else None
        check_lines(paragraph, section)
        lines = paragraph.lines
        fresh = False  # columns[-1] was opened for these lines and holds none of them yet
        last = bool(tail) and index == len(blocks) - 1
        if last and holder is columns[-1]:
            fresh = _keep_with_tail(paragraph, gap + tail, columns, next_column, max_columns)
        while lines:
            column = columns[-1]
            count = _fitting(paragraph, lines, column)
            if 0 < count < len(lines) and not fresh:
                count = _without_widows(count, len(lines), keep)
            elif last and count == len(lines):
                count = _before_tail(paragraph, lines, column, gap + tail, keep, fresh)
            if count:
                chunk = _chunk(paragraph, lines[:count])
                x = text_x(column.x, paragraph, hang, ltr)
                if hang and lines is paragraph.lines:
                    column.items.append(hang_box(x, column.y, chunk, hang, ltr))
                column.place(TextBox(x, column.y, chunk), chunk.height, section)
                lines, fresh, holder = lines[count:], False, column
            if lines:
                if not count and fresh:
                    raise Unfit(section, _too_tall(lines[0], column))
                _check_bound(columns, max_columns, page_columns, section)
                columns.append(next_column())
                fresh = True
        columns[-1].advance(gap)


def _check_bound(columns: list[Column], max_columns: int, page_columns: int, section: str) -> None:
    if len(columns) >= max_columns:
        pages = max_columns // page_columns
        raise Unfit(section, f"the text runs on past {pages} pages; shorten it")


def _without_widows(count: int, total: int, keep: int) -> int:
    """Lines of a paragraph to leave in this column when `count` of `total` fit: at least
    `keep` here and `keep` in the next, or none here."""
    count = min(count, total - keep)
    return count if count >= keep else 0


def _before_tail(paragraph: Paragraph, lines: tuple[Line, ...], column: Column, after: float,
                 keep: int, fresh: bool) -> int:
    """How many of the last paragraph's remaining `lines` to place here: all, unless `after`
    would then not fit below them; then `keep` go over with it (all, where fewer would stay)."""
    count = len(lines)
    if column.y + _chunk(paragraph, lines).height + after <= column.bottom:
        return count
    rest = count - keep
    if rest >= keep or (fresh and rest > 0):
        return rest
    return count if fresh else 0


def _keep_with_tail(paragraph: Paragraph, after: float, columns: list[Column],
                    next_column: Callable[[], Column], max_columns: int) -> bool:
    """Open a new column for the last paragraph if it and `after` do not fit in this one but
    do fit in a new one; True if a column was opened."""
    column = columns[-1]
    if column.y + paragraph.height + after <= column.bottom or len(columns) >= max_columns:
        return False
    following = next_column()
    if following.y + paragraph.height + after > following.bottom:
        return False  # too long for any column: it starts here and runs on
    columns.append(following)
    return True


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
    below = paragraph.below or moved[-1].descent  # a grid paragraph keeps its line boxes
    return replace(paragraph, lines=moved, height=moved[-1].baseline + below)
