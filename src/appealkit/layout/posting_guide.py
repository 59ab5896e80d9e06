"""Lay out "How to send your letter": envelope, country, air mail, postage, deadline, copies."""

from __future__ import annotations

import datetime as dt

from ..errors import KitError, Problem, mark_for
from ..model import Kit, Target
from ..text.types import Span
from . import styles
from .boxes import BLACK, Item, Rect, TextBox
from .event_common import address_lines, ev_word, needs_air_mail
from .factsheet import fill_in
from .flow import Column, set_text
from .locale import format_date
from .status import is_past

SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # tried in turn until the guide fits its box


def layout_posting_guide(kit: Kit, x: float, y: float, width: float, height: float,
                         today: dt.date | None = None) -> list[Item]:
    """The guide in the box at (x, y), at the largest size that fits; KitError if none does.
    Built after the deadline (`today`), it says the deadline has passed instead of "post it
    before"."""
    for size in SIZES:
        column = _guide(kit, Column(x, y, width, y + height), size, is_past(kit, today))
        if not column.overflow:
            return column.items
    raise KitError([Problem(mark_for(kit.marks, "targets"), "targets", (
        f"the posting guide does not fit its {height / 72 * 25.4:.0f} mm box even at "
        f"{SIZES[-1]:g} pt; shorten the target's address or the action's after_deadline"))])


def guide_steps(kit: Kit, past: bool = False) -> list[list[Span]]:
    """The guide's steps after the address, in order; steps the kit gives no data for are left out.
    `past`: built after the deadline."""
    event = kit.event
    deadline = format_date(kit.action.deadline, kit.language)
    steps = []
    posted = _posted(kit)
    if posted:
        target = posted[0]
        steps.append([Span(ev_word(kit, "guide_country", country=(target.country or "").upper()))])
        if needs_air_mail(kit, target):
            steps.append([Span(ev_word(kit, "guide_airmail"))])
        if event is not None and event.postage:
            steps.append([Span(ev_word(kit, "guide_postage", postage=event.postage.strip()))])
    for index in kit.letter_targets:  # targets reached by email only
        target = kit.targets[index]
        if not target.address:
            steps.append([Span(fill_in(ev_word(kit, "guide_email", title=target.title or "",
                                               email=", ".join(target.email or target.fax))))])
    when = "guide_deadline" if posted else "guide_deadline_email"  # nothing to post
    when = "deadline_passed" if past else when
    steps.append([Span(ev_word(kit, when, deadline=deadline), bold=True)])
    for copy in kit.copies:
        steps.append([Span(_copy_step(kit, copy))])
    after = kit.action.after_deadline or ev_word(kit, "guide_after_default")
    steps.append([Span(ev_word(kit, "guide_after") + " ", bold=True), Span(after)])
    return steps


def _copy_step(kit: Kit, copy: Target) -> str:
    """Send a copy: to the copy target, or to the embassy in the sender's own country."""
    if copy.embassy and not copy.address:
        return ev_word(kit, "guide_copy_embassy", country=copy.embassy)
    text = fill_in(ev_word(kit, "guide_copy", title=copy.title or "", name=copy.name or ""))
    if copy.email and not copy.address:  # by email: the addresses, before the full stop
        stop = "." if text.endswith(".") else ""
        text = f"{text.removesuffix('.')} ({', '.join(copy.email)}){stop}"
    return text


def _posted(kit: Kit) -> list[Target]:
    """The targets of the letters that go by post, in order."""
    return [kit.targets[i] for i in kit.letter_targets if kit.targets[i].address]


def _guide(kit: Kit, column: Column, size: float, past: bool) -> Column:
    body = styles.style(size, leading=1.25)
    column.add_text([Span(ev_word(kit, "guide_title"), bold=True)],
                    styles.style(size * 1.45, role="display", leading=1.1))
    column.advance(size * 0.5)
    for n, target in enumerate(_posted(kit)):
        if n == 0:
            column.add_text([Span(ev_word(kit, "guide_envelope"))], body)
        column.advance(size * 0.35)
        _address(target, column, size)
    for step in guide_steps(kit, past):
        column.advance(size * 0.4)
        bullet = set_text("•", body, size)
        column.items.append(TextBox(column.x, column.y, bullet, tag="Lbl"))
        column.add_text(step, body, indent=size * 0.9, tag="LBody")  # a hanging indent
    return column


def _address(target: Target, column: Column, size: float) -> None:
    """A target's address in a box, as it goes on the envelope."""
    pad = size * 0.6
    inner = Column(column.x + pad + 2, column.y + pad, column.width - 2 * pad - 2, 1e9)
    inner.add_text("\n".join(address_lines(target)), styles.style(size, leading=1.2))
    height = inner.y - column.y + pad
    column.items.append(Rect(column.x, column.y, 2, height, fill=BLACK))
    column.items += inner.items
    column.advance(height)
