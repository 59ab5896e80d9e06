"""Lay out poster.pdf: one page for the wall with the headline, why, the deadline and a big QR code."""

from __future__ import annotations

import datetime as dt

from ..markup import collapse_spaces
from ..model import Kit
from ..text.types import Align, Span
from . import styles
from .boxes import BLACK, MM, WHITE, Item, Page, Part, Rect, TextBox
from .event_common import banner, ev_word, short_address
from .flow import Column, set_text
from .handouts import card_ask
from .locale import format_date
from .paper import Paper
from .qr import QUIET_ZONE, layout_qr, qr_modules
from .status import is_past

__all__ = ["QR_SYMBOL", "layout_poster"]

QR_SYMBOL = 85 * MM  # the code itself, without its quiet zone: readable across a room
HEADLINE_SIZES = (48.0, 44.0, 40.0, 36.0, 32.0, 28.0)
MARGIN = 15 * MM


def layout_poster(kit: Kit, paper: Paper, today: dt.date | None = None) -> Part:
    """One page: banner, headline, one line of why, "write a letter tonight", deadline, QR."""
    width = paper.width - 2 * MARGIN
    column = Column(MARGIN, MARGIN, width, paper.height - MARGIN)
    column.items += banner(kit, MARGIN, MARGIN, width, 48, 30)
    column.advance(48 + 22)
    _headline(kit, column)
    column.advance(10)
    why = kit.event.why if kit.event is not None and kit.event.why else card_ask(kit)
    column.add_text(why, styles.style(18, leading=1.25))
    column.advance(18)
    _call(kit, column)
    column.advance(14)
    deadline = format_date(kit.action.deadline, kit.language)
    past = is_past(kit, today)
    column.add_text([Span(ev_word(kit, "deadline_passed" if past else "deadline",
                                  deadline=deadline), bold=True)],
                    styles.style(20, align=Align.CENTER, leading=1.2))
    if past:  # what to do now, as the fact sheet and the posting guide say it
        advice = kit.action.after_deadline or ev_word(kit, "guide_after_default")
        column.advance(4)
        column.add_text(collapse_spaces(advice), styles.style(13, align=Align.CENTER, leading=1.25),
                        color=styles.GREY)
    items = column.items + _qr(kit, paper, column.y + 8)
    return Part("poster", "Poster", kit.language, (Page(paper.width, paper.height, tuple(items)),))


def _headline(kit: Kit, column: Column) -> None:
    sets = [set_text(kit.headline.upper(), styles.style(size, role="display", leading=1.0),
                     column.width) for size in HEADLINE_SIZES]
    fewest = min(len(p.lines) for p in sets)
    headline = next(p for p in sets if len(p.lines) == fewest)
    column.place(TextBox(column.x, column.y, headline, tag="H1"), headline.height)


def _call(kit: Kit, column: Column) -> None:
    """"Write a letter tonight" in white on a black band, as the kit words it."""
    text = set_text(ev_word(kit, "tonight"),
                    styles.style(30, role="display", align=Align.CENTER, leading=1.05),
                    column.width - 24)
    height = text.height + 24
    column.items.append(Rect(column.x, column.y, column.width, height, fill=BLACK))
    column.items.append(TextBox(column.x + 12, column.y + 12, text, WHITE))
    column.advance(height)


def _qr(kit: Kit, paper: Paper, top: float) -> list[Item]:
    """The code centred in the room left, its symbol QR_SYMBOL wide, the address below it."""
    url = kit.action.url
    count = len(qr_modules(url))
    side = QR_SYMBOL * (count + 2 * QUIET_ZONE) / count
    address = set_text([Span(short_address(url), bold=True)],
                       styles.style(13, align=Align.CENTER, leading=1.2), paper.width - 2 * MARGIN)
    scan = set_text(ev_word(kit, "scan"), styles.style(12, align=Align.CENTER, leading=1.2),
                    paper.width - 2 * MARGIN)
    free = paper.height - MARGIN - top - side - address.height - scan.height
    y = top + max(0.0, free / 2)
    below = y + side - QR_SIDE_GAP
    return [layout_qr(url, (paper.width - side) / 2, y, side),
            TextBox(MARGIN, below, scan, styles.GREY),
            TextBox(MARGIN, below + scan.height + 2, address)]


QR_SIDE_GAP = 6 * MM  # the quiet zone is white: the words may sit in its lower part
