"""Lay out the background page: the case's additional information in two columns, to print on
the back of the fact sheet for anyone writing in their own words."""

from __future__ import annotations

from ..markup import parse_paragraphs
from ..model import Kit
from ..text.types import Span
from ..words import word
from . import styles
from .boxes import BLACK, Page, Part, Rect
from .flow import Column, Unfit, pour, set_text
from .paper import Paper

BODY_SIZES = (10.0, 9.5, 9.0)  # the first that fits one page wins; else the text runs on
GUTTER = 18.0
MAX_PAGES = 20  # beyond this the background is refused: shorten it or link to the full report


def layout_background(kit: Kit, paper: Paper) -> Part | None:
    """The background as one page if it fits at 9 pt or more, else as many as it needs."""
    if not kit.background.strip():
        return None
    for size in BODY_SIZES:
        pages = _layout_pages(kit, paper, size)
        if len(pages) == 1:
            break
    else:
        pages = _layout_pages(kit, paper, BODY_SIZES[0])
    return Part("background", "Background", kit.language, tuple(pages))


def _layout_pages(kit: Kit, paper: Paper, size: float) -> list[Page]:
    width = paper.width - 2 * paper.margin
    head = Column(paper.margin, paper.margin, width, paper.height - paper.margin)
    head.items.append(Rect(head.x, head.y, 18, 2.5, fill=BLACK))
    head.advance(4.5)
    banner = word(kit.language, "background", kit.words)
    head.add_text([Span(banner, bold=True)], styles.style(9, leading=1.15))
    head.advance(4)
    head.add_text(kit.headline.upper(), styles.style(18, role="display", leading=1.0), tag="H1")
    head.advance(12)
    if head.overflow:  # the fact sheet sets the headline larger, so this is rare
        raise Unfit("headline", "the headline does not fit on the background page; shorten it")
    frames = _frames(paper, head.y)
    columns = [frames.pop(0)]
    pages_of = {id(columns[0]): 0}

    def next_column() -> Column:
        if not frames:
            frames.extend(_frames(paper, paper.margin))
        column = frames.pop(0)
        pages_of[id(column)] = pages_of[id(columns[-1])] + (column.x == paper.margin)
        return column

    body = styles.style(size, leading=1.38)
    gap = size * 0.6
    blocks = [(set_text(spans, body, columns[0].width), gap)
              for spans in parse_paragraphs(kit.background)]
    pour(blocks, columns, next_column, "background", max_columns=2 * MAX_PAGES, page_columns=2)
    pages: list[list] = [[*head.items]]  # type: ignore[type-arg]
    for column in columns:
        index = pages_of[id(column)]
        while len(pages) <= index:
            pages.append([])
        pages[index] += column.items
    return [Page(paper.width, paper.height, tuple(items)) for items in pages]


def _frames(paper: Paper, top: float) -> list[Column]:
    """The two columns of a page, from `top` down to the bottom margin."""
    width = (paper.width - 2 * paper.margin - GUTTER) / 2
    bottom = paper.height - paper.margin
    return [Column(paper.margin + n * (width + GUTTER), top, width, bottom) for n in (0, 1)]
