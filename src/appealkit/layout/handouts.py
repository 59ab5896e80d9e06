"""Lay out handouts.pdf: four cards a sheet (case, ask, deadline, QR) and the posting guide behind."""

from __future__ import annotations

import datetime as dt

from ..errors import KitError, Problem, mark_for
from ..markup import collapse_spaces, parse_paragraphs
from ..model import Kit
from ..people import case_photo, printed_people
from ..text.types import Paragraph, Span
from ..words import word
from . import styles
from .boxes import MM, Item, Part, TextBox
from .cards import card_sheet
from .event_common import banner, ev_word, short_address, write_to
from .flow import Column, set_text
from .locale import format_date
from .paper import Paper
from .photo import layout_photo
from .posting_guide import layout_posting_guide
from .qr import layout_qr
from .status import is_past

__all__ = ["card_ask", "card_summary", "layout_handouts"]

QR_SIDE = 28 * MM  # with its quiet zone: the symbol itself is 20 mm or more
HEADLINE_SIZES = (17.0, 16.0, 15.0, 14.0, 13.0, 12.0)
SUMMARY_LINES = 3
SUMMARY_SIZE = 8.5
PHOTO_WIDTH = 22 * MM  # the photo's frame beside the headline, 4:5


def layout_handouts(kit: Kit, paper: Paper, today: dt.date | None = None) -> Part:
    """Two pages: four cards on the front, four posting guides on the back, for duplex printing.
    Built after the deadline (`today`), they say it has passed."""
    past = is_past(kit, today)
    front = card_sheet(paper, lambda x, y, w, h: _card(kit, x, y, w, h, past))
    back = card_sheet(paper, lambda x, y, w, h: layout_posting_guide(kit, x, y, w, h, today))
    return Part("handouts", "Handouts", kit.language, (front, back))


def card_ask(kit: Kit) -> str:
    """The card's ask: `event.ask`, else the subject of the letter in the kit's language."""
    if kit.event is not None and kit.event.ask:
        return kit.event.ask
    first = kit.letters_to(kit.letter_targets[0])  # the first target's letters
    letter = next((each for each in first if each.language == kit.language), first[0])
    if letter.subject:
        return letter.subject
    return write_to(kit)


def _card(kit: Kit, x: float, y: float, width: float, height: float, past: bool) -> list[Item]:
    column = Column(x, y, width, y + height - QR_SIDE - 14)
    column.items += banner(kit, x, y, width, 24, 13)
    column.advance(30)
    _case(kit, column)
    column.advance(5)
    column.place(TextBox(x, column.y, summary := card_summary(kit, width)), summary.height)
    column.advance(6)
    column.add_text([Span(card_ask(kit), bold=True)], styles.style(10, leading=1.2))
    column.advance(3)
    column.add_text(write_to(kit), styles.style(8.5, leading=1.25))
    if column.overflow:
        raise KitError([Problem(mark_for(kit.marks, "event"), "event", (
            f"the handout card's text is {column.overflow:.0f} pt too long; shorten "
            "event.ask, event.summary or the headline"))])
    return column.items + _foot(kit, x, y + height, width, past)


def _case(kit: Kit, column: Column) -> None:
    """The headline and who the action is for, the case's photo (if any) beside them."""
    photo = case_photo(kit)
    if photo is None or photo.data is None:
        _headline(kit, column)
        return
    top = column.y
    text = Column(column.x, top, column.width - PHOTO_WIDTH - 6, column.bottom)
    _headline(kit, text)
    items, height = layout_photo(photo, column.x + column.width - PHOTO_WIDTH, top,
                                 PHOTO_WIDTH, PHOTO_WIDTH * 5 / 4, credit_size=6.0)
    column.items += [*text.items, *items]
    column.advance(max(text.y - top, height))


def _headline(kit: Kit, column: Column) -> None:
    sets = [set_text(kit.headline.upper(), styles.style(size, role="display", leading=1.0),
                     column.width) for size in HEADLINE_SIZES]
    fewest = min(len(p.lines) for p in sets)
    headline = next(p for p in sets if len(p.lines) == fewest)
    column.place(TextBox(column.x, column.y, headline, tag="H1"), headline.height)
    people = printed_people(kit.people, word(kit.language, "and", kit.words))
    if people:
        column.advance(3)
        column.add_text(people, styles.style(8.5, leading=1.2), color=styles.GREY)


def card_summary(kit: Kit, width: float) -> Paragraph:
    """Two or three lines on what happened: `event.summary`, else the kit's summary cut short
    after a word, with an ellipsis; KitError when `event.summary` itself is too long."""
    style = styles.style(SUMMARY_SIZE, leading=1.3)
    own = kit.event.summary if kit.event is not None else None
    text = collapse_spaces(own or _plain(kit.summary))
    paragraph = set_text(text, style, width)
    if len(paragraph.lines) <= SUMMARY_LINES:
        return paragraph
    if own:
        raise KitError([Problem(mark_for(kit.marks, "event.summary"), "event.summary", (
            f"{len(paragraph.lines)} lines on the handout card, which has room for "
            f"{SUMMARY_LINES}; shorten it"))])
    words = text.split(" ")
    while len(paragraph.lines) > SUMMARY_LINES and len(words) > 1:
        words.pop()
        paragraph = set_text(" ".join(words).rstrip(",;:") + " …", style, width)
    return paragraph


def _plain(markup: str) -> str:
    """Summary text without its `**` and link syntax."""
    return " ".join("".join(span.text for span in paragraph)
                    for paragraph in parse_paragraphs(markup))


def _foot(kit: Kit, x: float, bottom: float, width: float, past: bool) -> list[Item]:
    """QR code at the bottom left, the deadline and what it opens beside it, the address below."""
    url = kit.action.url
    address = set_text(short_address(url), styles.style(7.5, leading=1.1), width)
    qr_top = bottom - address.height - 2 - QR_SIDE
    side = Column(x + QR_SIDE + 8, qr_top + 10, width - QR_SIDE - 8, bottom)
    deadline = format_date(kit.action.deadline, kit.language)
    when = "deadline_passed" if past else "deadline"
    side.add_text([Span(ev_word(kit, when, deadline=deadline), bold=True)],
                  styles.style(10, leading=1.2))
    side.advance(4)
    side.add_text(ev_word(kit, "scan"), styles.style(8, leading=1.25), color=styles.GREY)
    # The quiet zone is white already: the code's own left edge lines up with the text.
    quiet = QR_SIDE * 4 / (len(layout_qr(url, 0, 0, QR_SIDE).modules) + 8)
    return [layout_qr(url, x - quiet, qr_top, QR_SIDE), *side.items,
            TextBox(x, bottom - address.height, address)]

