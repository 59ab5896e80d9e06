"""Lay out envelopes.pdf: one envelope (DL or #10) per target with a postal address."""

from __future__ import annotations

from ..model import Kit, Target
from ..text.types import Span
from . import styles
from .boxes import MM, Item, Page, Part, TextBox
from .event_common import address_lines, needs_air_mail, postal_targets
from .flow import Column, set_text
from .paper import Paper
from .stationery import ENVELOPES, Envelope

__all__ = ["AIR_MAIL", "layout_envelopes"]

AIR_MAIL = "PAR AVION / BY AIR MAIL"  # the UPU's own words, the same in every country
EDGE = 10 * MM  # the return address's distance from the top and left edges
ADDRESS_LEFT = 0.45  # of the width: the recipient block starts in the right half


def layout_envelopes(kit: Kit, paper: Paper) -> Part:
    """A landscape page the size of the paper's envelope for each target with an address."""
    envelope = ENVELOPES[paper.name]
    pages = tuple(_envelope(kit, target, envelope) for _, target in postal_targets(kit))
    return Part("envelopes", "Envelopes", kit.language, pages)


def _envelope(kit: Kit, target: Target, envelope: Envelope) -> Page:
    items = _return_block(kit, target, envelope) + _recipient(target, envelope)
    return Page(envelope.width, envelope.height, tuple(items))


def _return_block(kit: Kit, target: Target, envelope: Envelope) -> list[Item]:
    """The sender's return address at the top left and, below it, the air mail mark."""
    column = Column(EDGE, EDGE, envelope.width * ADDRESS_LEFT - 2 * EDGE, envelope.height)
    lines = kit.event.return_address if kit.event is not None else ()
    if lines:
        column.add_text("\n".join(lines), styles.style(8, leading=1.2))
        column.advance(8)
    if needs_air_mail(kit, target):
        column.add_text([Span(AIR_MAIL, bold=True)], styles.style(10, leading=1.2))
    return column.items


def _recipient(target: Target, envelope: Envelope) -> list[Item]:
    """The address block in the right half, its last line above the post's barcode strip."""
    left = envelope.width * ADDRESS_LEFT
    width = envelope.width - left - envelope.right_clear
    block = set_text("\n".join(address_lines(target)), styles.style(11, leading=1.25), width)
    top = envelope.height - envelope.bottom_clear - 4 * MM - block.height
    return [TextBox(left, top, block)]
