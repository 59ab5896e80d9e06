"""Lay out solidarity.pdf: four cards a sheet with the solidarity message and its do's and don'ts."""

from __future__ import annotations

from ..errors import KitError, Problem, mark_for
from ..markup import collapse_spaces
from ..model import Kit, Solidarity
from ..people import people_names
from ..text.types import Span
from ..words import word
from . import styles
from .boxes import Item, Part, TextBox
from .cards import card_sheet
from .event_common import banner, ev_word
from .flow import Column, set_text
from .paper import Paper

__all__ = ["layout_solidarity"]

SIZES = (11.0, 10.0, 9.0, 8.0)  # the message's size, tried in turn until the card holds it


def layout_solidarity(kit: Kit, paper: Paper) -> Part | None:
    """One sheet of four cards, or None when the kit has no `solidarity` message."""
    if kit.solidarity is None:
        return None
    solidarity = kit.solidarity
    page = card_sheet(paper, lambda x, y, w, h: _card(kit, solidarity, x, y, w, h))
    return Part("solidarity", "Solidarity cards", kit.language, (page,))


def _card(kit: Kit, solidarity: Solidarity, x: float, y: float, width: float,
          height: float) -> list[Item]:
    for size in SIZES:
        column = _fill(kit, solidarity, Column(x, y, width, y + height), size)
        if not column.overflow:
            return column.items
    raise KitError([Problem(mark_for(kit.marks, "solidarity"), "solidarity", (
        f"the message and its do's and don'ts do not fit on a card even at {SIZES[-1]:g} pt; "
        "shorten them"))])


def _fill(kit: Kit, solidarity: Solidarity, column: Column, size: float) -> Column:
    column.items += banner(kit, column.x, column.y, column.width, 24, 13,
                           ev_word(kit, "solidarity").upper())
    column.advance(30)
    column.add_text([Span(kit.headline, bold=True)], styles.style(9, leading=1.2))
    column.advance(8)
    to = solidarity_to(kit, solidarity)
    if to:
        column.add_text([Span(ev_word(kit, "solidarity_to", name=to), bold=True)],
                        styles.style(size, leading=1.3))
        column.advance(2)
    column.add_text(collapse_spaces(solidarity.message), styles.style(size, leading=1.35))
    for key, entries in (("dos", solidarity.dos), ("donts", solidarity.donts)):
        if entries:
            column.advance(size)
            column.add_text([Span(ev_word(kit, key), bold=True)], styles.style(size, leading=1.2))
            for entry in entries:
                column.advance(2)
                bullet = set_text("•", styles.style(size * 0.9), size)
                column.items.append(TextBox(column.x, column.y, bullet, tag="Lbl"))
                column.add_text(entry, styles.style(size * 0.9, leading=1.25), indent=size,
                                tag="LBody")
    if solidarity.send:
        column.advance(size)
        column.add_text([Span(ev_word(kit, "solidarity_send") + " ", bold=True),
                         Span(collapse_spaces(solidarity.send))],
                        styles.style(size * 0.9, leading=1.25))
    return column


def solidarity_to(kit: Kit, solidarity: Solidarity) -> str:
    """Whom the messages are for: `solidarity.to`, else the names of the people list."""
    if solidarity.to:
        return collapse_spaces(solidarity.to)
    names = people_names(kit.people)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word(kit.language, 'and', kit.words)} {names[-1]}"
