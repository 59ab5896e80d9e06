"""Lay out tally.pdf: sign-in rows, letters counted per language, where to report, posting guide."""

from __future__ import annotations

import datetime as dt

from ..model import Kit
from ..text import measure
from ..text.types import Align, Span, TextStyle
from ..words import language_name_in
from . import styles
from .boxes import MM, Cell, Item, Page, Part, Rect, Rule, TextBox
from .event_common import banner, ev_word, short_address
from .flow import Column, set_text
from .locale import format_date
from .paper import Paper
from .posting_guide import layout_posting_guide
from .qr import layout_qr

__all__ = ["layout_tally", "tally_headings"]

ROW = 8 * MM
HEADER = 11 * MM
GUIDE_HEIGHT = 95 * MM  # the foot of the page
REPORT_QR = 26 * MM
COUNT_WIDTH = 19 * MM  # each count column; name and email share the rest
BOX = 3.5 * MM  # the consent box
HEADING_SIZES = (7.5, 7.0, 6.5, 6.0)


def layout_tally(kit: Kit, paper: Paper, today: dt.date | None = None) -> Part:
    """One page: title, the table filling the room left, the report block and the guide."""
    margin, width = paper.margin, paper.width - 2 * paper.margin
    column = Column(margin, margin, width, paper.height - margin)
    column.items += banner(kit, margin, margin, width, 26, 16, ev_word(kit, "tally_title"))
    column.advance(32)
    column.add_text([Span(kit.headline, bold=True)], styles.style(10, leading=1.2), tag="H1")
    column.advance(6)
    guide_top = paper.height - margin - GUIDE_HEIGHT
    report_top = guide_top - REPORT_QR - 8 * MM
    rows = max(1, int((report_top - column.y - HEADER - ROW - 4 * MM) // ROW))
    items = column.items + _table(kit, margin, column.y, width, rows)
    items += _report(kit, margin, report_top, width)
    items.append(Rule(margin, guide_top - 4 * MM, margin + width, guide_top - 4 * MM,
                      color=styles.RULE, dash=(3, 3)))
    items += layout_posting_guide(kit, margin, guide_top, width, GUIDE_HEIGHT, today)
    return Part("tally", "Tally sheet", kit.language, (Page(paper.width, paper.height,
                                                            tuple(items)),))


def tally_headings(kit: Kit) -> list[str]:
    """The table's column headings, the letter languages named in the kit's language."""
    several = len(kit.letter_targets) > 1  # a column per letter: its target and language
    letters = [ev_word(kit, "tally_letters_to" if several else "tally_letters",
                       language=language_name_in(letter.language, kit.language),
                       **({"title": _short_title(kit, letter.target)} if several else {}))
               for letter in kit.letter_list]
    return [ev_word(kit, "tally_name"), ev_word(kit, "tally_email"),
            ev_word(kit, "tally_contact"), *letters, ev_word(kit, "tally_emails"),
            ev_word(kit, "tally_posts")]


def _short_title(kit: Kit, index: int) -> str:
    target = kit.targets[index]
    return target.title or target.name or str(target.id)


def _widths(count: int, width: float) -> list[float]:
    counts = count - 2
    rest = width - counts * COUNT_WIDTH
    return [rest * 0.45, rest * 0.55, *[COUNT_WIDTH] * counts]


def _table(kit: Kit, x: float, y: float, width: float, rows: int) -> list[Item]:
    headings = tally_headings(kit)
    widths = _widths(len(headings), width)
    lefts = [x + sum(widths[:i]) for i in range(len(widths))]
    items: list[Item] = [Rect(x, y, width, HEADER, fill=styles.PANEL)]
    for column, (left, w, heading) in enumerate(zip(lefts, widths, headings)):
        text = set_text([Span(heading, bold=True)], _heading_style(heading, w - 4), w - 4)
        items.append(TextBox(left + 2, y + (HEADER - text.height) / 2, text, tag="TH",
                             cell=Cell(0, column, scope="Column")))
    body_top = y + HEADER
    for row in range(rows):
        top = body_top + row * ROW
        items.append(Rect(lefts[2] + (widths[2] - BOX) / 2, top + (ROW - BOX) / 2, BOX, BOX,
                          stroke=styles.GREY, line_width=0.7))
    total_top = body_top + rows * ROW
    items.append(Rect(x, total_top, width, ROW, fill=styles.PANEL))
    total = set_text([Span(ev_word(kit, "tally_total"), bold=True)],
                     styles.style(9, align=Align.END, leading=1.1), widths[0] + widths[1] - 8)
    # The rows to sign in hold no text, so the tagged table has two rows: the headings and the
    # total (its blanks as empty cells), not rows of blanks for a screen reader to read out
    items.append(TextBox(x + 2, total_top + (ROW - total.height) / 2, total, tag="TH",
                         cell=Cell(rows + 1, 0, span=2, scope="Row")))
    bottom = total_top + ROW
    for i in range(rows + 3):  # the lines between rows, header and total
        line_y = y if i == 0 else body_top + (i - 1) * ROW
        items.append(Rule(x, line_y, x + width, line_y, color=styles.RULE))
    items.append(Rule(x, bottom, x + width, bottom, color=styles.RULE))
    for left in [*lefts, x + width]:
        items.append(Rule(left, y, left, bottom, color=styles.RULE))
    return items


def _heading_style(heading: str, width: float) -> TextStyle:
    """7.5 pt, or smaller down to 6 pt, so that no word of the heading is split in two."""
    for size in HEADING_SIZES:
        style = styles.style(size, leading=1.1)
        if all(measure([Span(w, bold=True)], style) <= width for w in heading.split()):
            break
    return style


def _report(kit: Kit, x: float, y: float, width: float) -> list[Item]:
    """Where and by when to report the counts: the address and its QR code, the date."""
    event = kit.event
    url = event.report if event is not None else None
    date = event.report_by if event is not None else None
    text_width = width - (REPORT_QR + 6 if url else 0)
    column = Column(x, y + 4, text_width, y + REPORT_QR)
    heading = (ev_word(kit, "report", date=format_date(date, kit.language)) if date
               else ev_word(kit, "report_undated"))
    column.add_text([Span(heading, bold=True)], styles.style(12, leading=1.25))
    column.advance(4)
    if url:
        column.add_text(short_address(url), styles.style(10, leading=1.25))
        return [*column.items, layout_qr(url, x + width - REPORT_QR, y, REPORT_QR)]
    column.advance(10)
    column.items.append(Rule(x, column.y, x + text_width * 0.7, column.y, color=styles.GREY))
    return column.items
