"""Four cards to a sheet (A6 on A4, a quarter of Letter on Letter) with crop marks to cut them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .boxes import MM, ImageBox, Item, Page, QRBox, Rule, TextBox
from .paper import Paper

CARD_MARGIN = 7 * MM  # inside each card; more than a printer's unprintable edge
MARK_LENGTH = 4 * MM
MARK_GREY = (0.45, 0.45, 0.45)


@dataclass(frozen=True)
class Slot:
    """Where a card goes on the sheet, and the box inside its margins the card is laid out in."""

    x: float
    y: float
    width: float
    height: float

    @property
    def inner(self) -> tuple[float, float, float, float]:
        m = CARD_MARGIN
        return self.x + m, self.y + m, self.width - 2 * m, self.height - 2 * m


def card_slots(paper: Paper) -> list[Slot]:
    """The sheet's four quarters, row by row."""
    w, h = paper.width / 2, paper.height / 2
    return [Slot(col * w, row * h, w, h) for row in (0, 1) for col in (0, 1)]


def crop_marks(paper: Paper) -> list[Item]:
    """Short marks on the cut lines at the sheet's edges, and a cross where the cuts meet."""
    mid_x, mid_y, w, h = paper.width / 2, paper.height / 2, paper.width, paper.height
    edge, length = 2 * MM, MARK_LENGTH
    lines = [(mid_x, edge, mid_x, edge + length), (mid_x, h - edge - length, mid_x, h - edge),
             (edge, mid_y, edge + length, mid_y), (w - edge - length, mid_y, w - edge, mid_y),
             (mid_x - length / 2, mid_y, mid_x + length / 2, mid_y),
             (mid_x, mid_y - length / 2, mid_x, mid_y + length / 2)]
    return [Rule(*line, color=MARK_GREY, line_width=0.4) for line in lines]


def card_sheet(paper: Paper, layout_card: Callable[[float, float, float, float], list[Item]]
               ) -> Page:
    """A sheet of four identical cards, each laid out by `layout_card(x, y, width, height)`.

    The cards are alike, so the back printed duplex lines up whichever edge the printer flips.
    In tagged PDF, the first card is the sheet's content and the others are its copies.
    """
    items: list[Item] = []
    for number, slot in enumerate(card_slots(paper)):
        card = layout_card(*slot.inner)
        items += card if number == 0 else map(_as_copy, card)
    return Page(paper.width, paper.height, tuple(items + crop_marks(paper)))


def _as_copy(item: Item) -> Item:
    """`item` on a copy of the first card: drawn alike, an artifact in tagged PDF, so that a
    screen reader reads the card once, not four times (a copy's link stays a link)."""
    if isinstance(item, TextBox) and item.tag != "Artifact":
        return replace(item, tag="Artifact", cell=None)
    if isinstance(item, ImageBox) and item.alt:
        return replace(item, alt=None)
    if isinstance(item, QRBox):
        return replace(item, copy=True)
    return item
