"""Lay out the background page: the case's additional information in two columns, to print on
the back of the fact sheet for anyone writing in their own words."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..markup import Block, parse_blocks
from ..model import Kit
from ..text.types import Paragraph, Span, TextStyle
from ..words import word
from . import styles
from .boxes import BLACK, Page, Part, Rect, TextBox
from .flow import Column, Hang, Unfit, pour
from .links import number_links
from .lists import set_blocks
from .locale import is_rtl
from .paper import Paper

BODY_SIZES = (10.0, 9.5, 9.0)  # the first that fits one page wins; else the text runs on
GUTTER = 18.0
MAX_PAGES = 20  # beyond this the background is refused: shorten it or link to the full report


def layout_background(kit: Kit, paper: Paper) -> Part | None:
    """The background as one page if it fits at 9 pt or more, else as many as it needs; the
    last page's two columns balanced, ending level."""
    if not kit.background.strip():
        return None
    for size in BODY_SIZES:
        pages = _layout_pages(kit, paper, size)
        if len(pages) == 1:
            break
    else:
        size = BODY_SIZES[0]
        pages = _layout_pages(kit, paper, size)
    return Part("background", "Background", kit.language, _balanced(kit, paper, size, pages))


def _balanced(kit: Kit, paper: Paper, size: float, pages: list[Page]) -> tuple[Page, ...]:
    """The pages with the last one's columns as short as they can be and hold the same text:
    the least bottom for them, to a quarter of a point, that needs no more pages."""
    last = len(pages) - 1
    # The columns end no lower than the text does now, and no higher than half way there:
    # two level columns hold at least the taller one's text between them.
    high = max(box.y + box.paragraph.height for box in pages[last].items
               if isinstance(box, TextBox)) + 0.5
    if _page_count(kit, paper, size, (last, high)) != len(pages):
        high = paper.height - paper.margin
    low = (paper.margin + high) / 2
    while high - low > 0.25:
        middle = (low + high) / 2
        if _page_count(kit, paper, size, (last, middle)) == len(pages):
            high = middle
        else:
            low = middle
    if high >= paper.height - paper.margin:
        return tuple(pages)
    return tuple(_layout_pages(kit, paper, size, (last, high)))


def _page_count(kit: Kit, paper: Paper, size: float, shorter: tuple[int, float]) -> int:
    """How many pages the background takes with the given page's columns shorter (0 if a
    line no longer fits in them at all)."""
    try:
        return len(_layout_pages(kit, paper, size, shorter))
    except Unfit:
        return 0


def _layout_pages(kit: Kit, paper: Paper, size: float,
                  shorter: tuple[int, float] | None = None) -> list[Page]:
    """The background's pages; `shorter` (page, bottom) ends that page's columns higher."""
    width = paper.width - 2 * paper.margin
    head = Column(paper.margin, paper.margin, width, paper.height - paper.margin)
    rtl = is_rtl(kit.language)  # reads from the right: the bar and the first column there
    head.items.append(Rect(head.x + (width - 18 if rtl else 0), head.y, 18, 2.5, fill=BLACK))
    head.advance(4.5)
    banner = word(kit.language, "background", kit.words)
    head.add_text([Span(banner, bold=True)], styles.style(9, language=kit.language, leading=1.15))
    head.advance(4)
    head.add_text(kit.headline.upper(), styles.style(18, role="display", language=kit.language,
                                                     leading=1.0), tag="H1")
    head.advance(12)
    if head.overflow:  # the fact sheet sets the headline larger, so this is rare
        raise Unfit("headline", "the headline does not fit on the background page; shorten it")

    def bottom(page: int) -> float:
        return shorter[1] if shorter and shorter[0] == page else paper.height - paper.margin

    frames = _frames(paper, head.y, max(head.y, bottom(0)), rtl)
    columns = [frames.pop(0)]
    pages_of = {id(columns[0]): 0}

    def next_column() -> Column:
        page = pages_of[id(columns[-1])] + (not frames)
        if not frames:
            frames.extend(_frames(paper, paper.margin, bottom(page), rtl))
        column = frames.pop(0)
        pages_of[id(column)] = page
        return column

    body = styles.style(size, language=kit.language, leading=1.38)
    blocks = _blocks(kit, body, columns[0].width)
    pour(blocks, columns, next_column, "background", max_columns=2 * MAX_PAGES, page_columns=2,
         keep=2)
    pages: list[list] = [[*head.items]]  # type: ignore[type-arg]
    for column in columns:
        index = pages_of[id(column)]
        while len(pages) <= index:
            pages.append([])
        pages[index] += column.items
    return [Page(paper.width, paper.height, tuple(items)) for items in pages]


def _blocks(kit: Kit, body: TextStyle, width: float) -> list[tuple[Paragraph, float, Hang | None]]:
    """The background's paragraphs and lists, then its links' addresses, numbered."""
    gap = body.size * 0.6
    text, references = number_links(parse_blocks(kit.background), kit.language)
    blocks = set_blocks(text, body, width, gap)
    if references:  # paper cannot open a link: the addresses to type, numbered as in the text
        heading = Block((Span(word(kit.language, "links", kit.words), bold=True),))
        blocks += set_blocks([heading], body, width, gap * 0.5)
        blocks += set_blocks(references, replace(body, size=body.size - 1), width, gap,
                             bracketed=True)
    return blocks


@dataclass(frozen=True)
class Foot:
    """A short background set for the foot of the fact sheet: items placed from (0, 0)."""

    items: tuple[TextBox, ...]
    height: float


def layout_foot(kit: Kit, body: TextStyle, width: float, room: float) -> Foot | None:
    """The background in two balanced columns `width` wide in all, laid out left to right
    (a right-to-left sheet is mirrored whole), if it fits in `room` points; else None.

    A background this short would leave its own page nearly empty: the fact sheet prints it
    in the white it would otherwise leave above the take-action band.
    """
    if not kit.background.strip() or room <= 0:
        return None
    blocks = _blocks(kit, body, (width - GUTTER) / 2)
    low, high = 0.0, room
    if _foot_columns(blocks, width, high) is None:
        return None
    while high - low > 0.1:
        middle = (low + high) / 2
        if _foot_columns(blocks, width, middle) is None:
            low = middle
        else:
            high = middle
    columns = _foot_columns(blocks, width, high)
    assert columns is not None
    boxes = tuple(item for c in columns for item in c.items if isinstance(item, TextBox))
    return Foot(boxes, max(c.y for c in columns))


def _foot_columns(blocks: list[tuple[Paragraph, float, Hang | None]], width: float,
                  height: float) -> list[Column] | None:
    """The blocks poured into two columns `height` tall, or None when they need more."""
    column_width = (width - GUTTER) / 2
    frames = [Column(n * (column_width + GUTTER), 0, column_width, height) for n in (0, 1)]
    columns = [frames.pop(0)]

    def next_column() -> Column:
        if not frames:
            raise Unfit("background", "")
        return frames.pop(0)

    try:
        pour(blocks, columns, next_column, "background", keep=2, ltr=True)
    except Unfit:
        return None
    return columns


def _frames(paper: Paper, top: float, bottom: float, rtl: bool) -> list[Column]:
    """The two columns of a page, from `top` down to `bottom`, in reading order."""
    width = (paper.width - 2 * paper.margin - GUTTER) / 2
    order = (1, 0) if rtl else (0, 1)
    return [Column(paper.margin + n * (width + GUTTER), top, width, bottom) for n in order]
