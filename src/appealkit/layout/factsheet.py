"""Lay out the one-page fact sheet: banner, headline, summary, figures, timeline, how to act."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace

from ..errors import KitError, Problem, mark_for
from ..markup import parse_blocks, parse_inline, parse_paragraphs
from ..model import Kit, Target
from ..people import photos, printed_people
from ..text.types import Align, Paragraph, Span
from ..words import language_name_in, word
from . import styles
from .background import Foot, layout_foot
from .boxes import BLACK, WHITE, Color, ImageBox, Item, Page, Part, Rect, Rule, TextBox
from .figures import ROW_GAP, figure_rows, place_figures
from .flow import Column, check_lines, hang_box, set_text, text_x
from .links import spell_out_links
from .lists import set_blocks
from .locale import format_date, is_rtl, to_digits
from .mirror import mirror_page
from .overflow import overflow_problems
from .paper import Paper
from .photo import layout_photo
from .qr import layout_qr
from .recipient import Recipient, in_window, recipient
from .status import is_closed, is_past

GUTTER = 12.0
SECTION_GAP = 11.0
TIGHT_GAP = 7.0  # the gap between sections when nothing else makes a full page fit
FLOW_GAPS = 4  # gaps that follow the headline, summary, figures and timeline
QR_SIDE = 34 * 72 / 25.4  # 34 mm with the quiet zone: the symbol itself is 27 mm or more
BODY_SIZES = (10.0, 9.5, 9.0)
FOOT_HEADING = 30.0  # the short background's heading and the gap before it: at most this
HEADLINE_SIZES = (26.0, 25.0, 24.0, 23.0, 22.0, 21.0, 20.0)  # tried in turn when the page is full; never below 9 pt
PHOTO_WIDTH = 30 * 72 / 25.4  # the photo's frame: 30 mm wide, 22.5 to 40 mm tall beside the headline
PHOTO_WIDTHS = {1: PHOTO_WIDTH, 2: 25 * 72 / 25.4, 3: 21 * 72 / 25.4}  # frames side by side
PHOTO_GAP = 6.0


@dataclass(frozen=True)
class _Sheet:
    kit: Kit
    paper: Paper
    body: float  # body text size in points
    gap: float = SECTION_GAP  # white space after each section
    lift: float = 0.0  # how far the take-action band sits above the foot of the page
    foot: Foot | None = None  # a short background, printed above the band
    past: bool = False  # built after the deadline
    lead: bool = True  # closed or past the deadline: say so at the top (else in the band, to fit)
    portrait: bool = True  # photos in 4:5 portrait frames (else as tall as the text beside them)

    def style(self, size: float | None = None, **kw: object):  # type: ignore[no-untyped-def]
        if self.rtl:  # set right to left, in the language's own typeface (Nastaliq for Urdu)
            kw.setdefault("language", self.kit.language)
        return styles.style(size or self.body, role=str(kw.pop("role", "sans")), **kw)  # type: ignore[arg-type]

    @property
    def rtl(self) -> bool:
        """The sheet reads from the right: it is laid out as in English, then mirrored."""
        return is_rtl(self.kit.language)


def layout_fact_sheet(kit: Kit, paper: Paper, today: dt.date | None = None) -> Part:
    """The fact sheet as exactly one page; KitError names the section that does not fit.

    Built after the deadline (`today`), or for a closed action, it says so at its top; on a page
    too full for that note, in the band at its foot instead."""
    past = is_past(kit, today)
    moves = past or is_closed(kit)  # a note of ours, which may go in the band to fit the page
    tries = [(lead, size, portrait, SECTION_GAP) for lead in (True, False)[:1 + moves]
             for size in BODY_SIZES for portrait in (True, False)[:1 + bool(photos(kit))]]
    # Last, the smallest text with less white between the sections: a page a few points too
    # full still prints rather than being refused
    tries += [(lead, BODY_SIZES[-1], portrait, TIGHT_GAP) for lead, size, portrait, _ in tries
              if size == BODY_SIZES[-1]]
    for lead, size, portrait, section_gap in tries:
        base = _Sheet(kit, paper, size, gap=section_gap, past=past, lead=lead, portrait=portrait)
        page, column, band = _layout_page(base)
        if not column.overflow:
            foot = _foot(base, column)
            if foot:
                page, column, band = _layout_page(replace(base, foot=foot))
            # Share what is left of the page out between the sections (at most doubling the
            # gaps), rather than leaving one hole above the action band.
            spare = column.bottom - column.y
            gap = base.gap + min(SECTION_GAP, spare / FLOW_GAPS)
            if spare > 1:
                page, column, band = _layout_page(replace(base, gap=gap, foot=foot))
            # A short kit (no figures, a short summary): the band follows the content and the
            # white goes to the foot of the page, not into a hole above the band.
            lift = column.bottom - column.y
            if lift > 1:
                page, column, band = _layout_page(replace(base, gap=gap, lift=lift, foot=foot))
            return Part("fact-sheet", "Fact sheet", kit.language, (page,),
                        holds=("background",) if foot else ())
    problems = overflow_problems(column, band.columns, band.height, BODY_SIZES[-1])
    raise KitError([Problem(mark_for(kit.marks, key), key, message) for key, message in problems])


def _layout_page(sheet: _Sheet) -> tuple[Page, Column, _Band]:
    paper = sheet.paper
    left, top = paper.margin, paper.margin
    width = paper.width - 2 * paper.margin
    action = (_info_band(sheet, left, width) if is_closed(sheet.kit)
              else _action_band(sheet, left, width))
    band_top = paper.height - paper.margin - action.height - sheet.lift
    column = Column(left, top, width, band_top - SECTION_GAP)
    _banner(sheet, column)
    _status_notes(sheet, column)
    _headline(sheet, column)
    _summary(sheet, column)
    _figures(sheet, column)
    _timeline(sheet, column)
    _background(sheet, column)
    items = [*column.items, *_shift(action.items, band_top)]
    page = Page(paper.width, paper.height, tuple(items))
    return (mirror_page(page) if sheet.rtl else page), column, action


# -- banner and headline -------------------------------------------------------------------


def _banner(sheet: _Sheet, column: Column) -> None:
    kit = sheet.kit
    accent = _hex(kit.organisation.accent)
    banner = {"update": "banner_update", "closed": "banner_closed"}.get(kit.action.status, "banner")
    title = set_text(_display(sheet, _word(kit, banner)),
                     sheet.style(24, role="display", leading=1.0), column.width - 24)
    height = max(38.0, title.height + 4)  # Nastaliq's ink is taller than Latin capitals
    column.items.append(Rect(column.x, column.y, column.width, height, fill=accent))
    ink = _ink_on(accent)
    column.items.append(TextBox(column.x + 12, column.y + (height - title.height) / 2, title, ink))
    right = column.x + column.width - 12
    if kit.organisation.logo_data:
        logo = _logo(kit.organisation.logo_data, column.x + column.width - 8, column.y + 5,
                     height - 10, column.width / 4, kit.organisation.name or "Logo")
        column.items.append(logo)
        right = logo.x - 10
    if kit.organisation.name:
        name = set_text([Span(kit.organisation.name, bold=True)],
                        sheet.style(11, align=Align.END), column.width / 2)
        check_lines(name, "organisation.name")
        column.items.append(TextBox(right - column.width / 2,
                                    column.y + (height - name.height) / 2, name, ink))
    column.advance(height + 10)


def _logo(data: bytes, right: float, top: float, height: float, widest: float,
          alt: str) -> ImageBox:
    """The organisation's logo (checked bytes), `height` tall, its right edge at `right`; a logo
    wider than `widest` is made smaller, centred in the height, to leave room for the name."""
    from PIL import Image  # only kits with a logo pay for importing Pillow

    with Image.open(io.BytesIO(data)) as image:
        ratio = image.width / image.height
    width = min(height * ratio, widest)
    shown = width / ratio
    return ImageBox(right - width, top + (height - shown) / 2, width, shown, data, alt=alt)


def _headline(sheet: _Sheet, column: Column) -> None:
    """The headline and who the action is for; the case's photo, or up to three people's,
    beside them (each person's named under it)."""
    shown = [entry for entry in photos(sheet.kit) if entry[2].data is not None][:3]
    if not shown:
        _headline_text(sheet, column)
        column.advance(sheet.gap)
        return
    top, width = column.y, PHOTO_WIDTHS[len(shown)]
    strip = len(shown) * width + (len(shown) - 1) * PHOTO_GAP
    text = Column(column.x, top, column.width - strip - GUTTER, column.bottom)
    _headline_text(sheet, text)
    # A portrait frame when the page has room; else as tall as the text beside it (less the
    # credit line), between 4:3 and 3:4: the photo takes little room, a face still reads
    fitted = min(max(text.y - top - 9, width * 3 / 4), width * 4 / 3)
    frame = max(width * 5 / 4, fitted) if sheet.portrait else fitted
    column.items += text.items
    column.sections += text.sections
    tallest, key = 0.0, ""
    for n, (path, name, photo) in enumerate(shown):
        x = column.x + column.width - strip + n * (width + PHOTO_GAP)
        items, height = layout_photo(photo, x, top, width, frame,
                                     caption=name if len(shown) > 1 else None)
        column.items += items
        tallest, key = max((tallest, key), (height, path))
    column.advance(max(text.y - top, tallest), key if tallest > text.y - top else "")
    column.advance(sheet.gap)


def _headline_text(sheet: _Sheet, column: Column) -> None:
    kit = sheet.kit
    # The largest size that needs no more lines than the largest size itself needs at 20 pt.
    sets = [set_text(_display(sheet, kit.headline.upper()),
                     sheet.style(size, role="display", leading=1.0),
                     column.width) for size in HEADLINE_SIZES]
    fewest = min(len(p.lines) for p in sets)
    headline = next(p for p in sets if len(p.lines) == fewest)
    column.place(TextBox(column.x, column.y, headline, tag="H1"), headline.height, "headline")
    people = printed_people(kit.people, _word(kit, "and"))
    if people:
        column.advance(2)
        column.add_text(people, sheet.style(10.5, leading=1.2), color=styles.GREY,
                        section="people")


# -- status: closed, past the deadline, updated --------------------------------------------


def _status_notes(sheet: _Sheet, column: Column) -> None:
    """What a reader must know first: the action is closed, its deadline has passed, or what
    changed; each in a grey panel with a black bar, which a photocopy keeps."""
    kit = sheet.kit
    update = parse_paragraphs(kit.action.update) if kit.action.update else []
    if is_closed(kit):
        if sheet.lead:
            _note(sheet, column, _word(kit, "closed_title"), _closed_note(kit), "action.status")
        return
    if sheet.past and sheet.lead:
        deadline = format_date(kit.action.deadline, kit.language)
        advice = (parse_inline(kit.action.after_deadline) if kit.action.after_deadline
                  else [Span(_word(kit, "past_default"))])
        _note(sheet, column, _word(kit, "past_title", deadline=deadline), [advice],
              "action.after_deadline")
    if update:
        _note(sheet, column, _word(kit, "update"), update, "action.update")


def _closed_note(kit: Kit) -> list[list[Span]]:
    """Why the action closed (`action.update`), then that no more appeals are needed."""
    update = parse_paragraphs(kit.action.update) if kit.action.update else []
    return [*update, [Span(_word(kit, "closed_note"))]]


def _note(sheet: _Sheet, column: Column, title: str, paragraphs: list[list[Span]],
          section: str) -> None:
    """A panel whose `title` (in bold) runs into its first paragraph, to take few lines."""
    pad, bar = 5.0, 4.0
    inner = Column(column.x + bar + pad, column.y + pad, column.width - bar - 2 * pad, column.bottom)
    for n, paragraph in enumerate(paragraphs):
        lead = [Span(title + " ", bold=True)] if n == 0 else []
        inner.add_text([*lead, *paragraph], sheet.style(9.5, leading=1.25), section=section)
        inner.advance(2)
    inner.advance(-2)
    height = inner.y - column.y + pad
    column.items += [Rect(column.x, column.y, column.width, height, fill=styles.PANEL),
                     Rect(column.x, column.y, bar, height, fill=BLACK), *inner.items]
    column.advance(height, section)
    column.advance(6)


def _heading(sheet: _Sheet, column: Column, text: str) -> None:
    column.items.append(Rect(column.x, column.y, 18, 2.5, fill=BLACK))
    column.advance(4.5)
    column.add_text([Span(text.upper(), bold=True)], sheet.style(9, leading=1.15), tag="H2")
    column.advance(2.5)


# -- what happened -------------------------------------------------------------------------


def _summary(sheet: _Sheet, column: Column) -> None:
    _heading(sheet, column, _word(sheet.kit, "what_happened"))
    blocks = spell_out_links(parse_blocks(sheet.kit.summary))  # paper cannot open a link
    for paragraph, gap, hang in set_blocks(blocks, sheet.style(leading=1.33), column.width, 0.0):
        check_lines(paragraph, "summary")
        # Laid out left to right: a right-to-left sheet is mirrored afterwards.
        x = text_x(column.x, paragraph, hang, ltr=True)
        if hang:
            column.items.append(hang_box(x, column.y, paragraph, hang, ltr=True))
        column.place(TextBox(x, column.y, paragraph), paragraph.height + gap, "summary")
    column.advance(sheet.gap)


def _figures(sheet: _Sheet, column: Column) -> None:
    figures = sheet.kit.figures
    if not figures:
        return  # no heading and no gap: the timeline follows the summary
    _heading(sheet, column, _word(sheet.kit, "key_figures"))
    place_figures(column, len(figures), lambda i, width: _figure_cell(sheet, i, width), GUTTER)
    column.advance(sheet.gap - ROW_GAP)


def _figure_cell(sheet: _Sheet, index: int, width: float) -> list[TextBox]:
    """The figure's value, label and source, placed relative to the cell's inner corner."""
    figure = sheet.kit.figures[index]
    value = set_text(_display(sheet, figure.value), sheet.style(19, role="display", leading=1.0),
                     width)
    label = set_text(figure.label, sheet.style(9, leading=1.25), width)
    boxes = [TextBox(0, 0, value, tag="Lbl")]
    y = value.height + 3
    if figure.source:
        source = set_text(figure.source, sheet.style(9, leading=1.0, align=Align.END), width)
        free = width - value.lines[-1].width - 6
        if source.lines[0].width <= free and len(value.lines) == 1:
            # Beside the value, on its baseline: one line less in every cell of the row.
            baseline = value.lines[0].baseline - source.lines[0].baseline
            boxes.append(TextBox(0, baseline, source, styles.GREY, "LBody"))
        else:
            boxes.append(TextBox(0, y, source, styles.GREY, "LBody"))
            y += source.height + 3
    boxes.append(TextBox(0, y, label, tag="LBody"))
    return boxes


def _timeline(sheet: _Sheet, column: Column) -> None:
    events = sheet.kit.timeline
    if not events:
        return
    _heading(sheet, column, _word(sheet.kit, "timeline"))
    rows = figure_rows(len(events))  # balanced as the figures are: 5 events are 3 + 2
    cell = (column.width - (rows[0] - 1) * GUTTER) / rows[0]
    start = 0
    for per_row in rows:
        top, bottom = column.y, column.y
        row_events = events[start:start + per_row]
        dates = [set_text([Span(format_date(event.date, sheet.kit.language), bold=True)],
                          sheet.style(9.5, leading=1.2), cell) for event in row_events]
        line = top + max(20.0, max(d.height for d in dates) + 6)  # under the tallest date
        column.items.append(Rule(column.x, line, column.x + column.width, line,
                                 color=styles.RULE, line_width=1.0))
        for n, (event, date) in enumerate(zip(row_events, dates)):
            x = column.x + n * (cell + GUTTER)
            column.items.append(TextBox(x, top, date, tag="Lbl"))
            column.items.append(Rect(x, line - 3.5, 7, 7, fill=BLACK, radius=3.5))
            text = set_text(parse_inline(event.text), sheet.style(9, leading=1.25), cell)
            check_lines(text, f"timeline.{start + n}.text")
            column.items.append(TextBox(x, line + 8, text, tag="LBody"))
            bottom = max(bottom, line + 8 + text.height)
            column.sections.append((f"timeline.{start + n}.text", top, line + 8 + text.height))
        start += per_row
        column.y = bottom + 6
    column.advance(sheet.gap - 6)


def _foot(sheet: _Sheet, column: Column) -> Foot | None:
    """The background set for the room the sheet has left below its timeline, if it fits."""
    room = column.bottom - column.y - FOOT_HEADING
    return layout_foot(sheet.kit, sheet.style(leading=1.33), column.width, room)


def _background(sheet: _Sheet, column: Column) -> None:
    """A short background, under its heading, in two balanced columns above the band."""
    if sheet.foot is None:
        return
    _heading(sheet, column, _word(sheet.kit, "additional"))
    column.items += [replace(box, x=box.x + column.x, y=box.y + column.y)
                     for box in sheet.foot.items]
    column.advance(sheet.foot.height, "background")
    column.advance(sheet.gap)


# -- take action band ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Band:
    items: tuple[Item, ...]  # positioned with the band's top at y = 0
    height: float
    columns: tuple[Column, ...]  # steps, contact, QR code, then the address row below them


def _action_band(sheet: _Sheet, x: float, width: float) -> _Band:
    pad, header = 8.0, _band_header_height(sheet, width)
    inner = width - 2 * pad - QR_SIDE - 2 * GUTTER
    steps_width = inner * 0.57
    top = header + pad
    columns = [Column(x + pad, top, steps_width, 1e9),
               Column(x + pad + steps_width + GUTTER, top, inner - steps_width, 1e9),
               Column(x + width - pad - QR_SIDE, top, QR_SIDE, 1e9)]
    _steps(sheet, columns[0])
    _contact(sheet, columns[1])
    _qr(sheet, columns[2])
    address = Column(x + pad, max(c.y for c in columns) + 4, width - 2 * pad, 1e9)
    address.add_text([Span(_word(sheet.kit, "online") + " ", bold=True),
                      Span(sheet.kit.action.url)],
                     sheet.style(9, leading=1.2), section="action.url")
    height = address.y + pad
    items: list[Item] = [Rect(x, 0, width, height, stroke=BLACK, line_width=1.5),
                         *_band_header(sheet, x, width, header)]
    for c in (*columns, address):
        items += c.items
    return _Band(tuple(items), height, (*columns, address))


def _info_band(sheet: _Sheet, x: float, width: float) -> _Band:
    """A closed action's band: for information, whom the appeals went to, the online page;
    no steps, contacts or deadline to act on."""
    kit, target = sheet.kit, sheet.kit.main_target
    pad, header = 8.0, 26.0
    note = Column(x + pad, header + pad, width - 2 * pad - QR_SIDE - GUTTER, 1e9)
    if not sheet.lead:  # no room at the top of the page: the band beside the QR code says it
        for n, paragraph in enumerate(_closed_note(kit)):
            lead = [Span(_word(kit, "closed_title") + " ", bold=True)] if n == 0 else []
            note.add_text([*lead, *paragraph], sheet.style(leading=1.3), section="action.status")
            note.advance(4)
    note.add_text(fill_in(_word(kit, "closed_how", title=target.title or "",
                                name=target.name or "")),
                  sheet.style(leading=1.3), section="targets.0.title")
    qr = Column(x + width - pad - QR_SIDE, header + pad, QR_SIDE, 1e9)
    _qr(sheet, qr)
    address = Column(x + pad, max(note.y, qr.y) + 4, width - 2 * pad, 1e9)
    address.add_text([Span(_word(kit, "online") + " ", bold=True), Span(kit.action.url)],
                     sheet.style(9, leading=1.2), section="action.url")
    height = address.y + pad
    title = set_text(_display(sheet, _word(kit, "for_information")),
                     sheet.style(16, role="display", leading=1.0), width / 2)
    closed = set_text([Span(_word(kit, "closed").upper(), bold=True)],
                      sheet.style(11.5, align=Align.END, leading=1.0), width / 2)
    items: list[Item] = [Rect(x, 0, width, height, stroke=BLACK, line_width=1.5),
                         Rect(x, 0, width, header, fill=BLACK),
                         TextBox(x + 10, (header - title.height) / 2, title, WHITE),
                         TextBox(x + width / 2 - 10, (header - closed.height) / 2, closed, WHITE)]
    for c in (note, qr, address):
        items += c.items
    return _Band(tuple(items), height, (note, qr, address))


def _band_header_height(sheet: _Sheet, width: float) -> float:
    """26 pt, or more for a title whose ink is taller (Nastaliq)."""
    return max(26.0, _band_title(sheet, width / 2).height + 4)


def _band_title(sheet: _Sheet, width: float) -> Paragraph:
    return set_text(_display(sheet, _word(sheet.kit, "take_action")),
                    sheet.style(16, role="display", leading=1.0), width)


def _band_header(sheet: _Sheet, x: float, width: float, height: float) -> list[Item]:
    kit = sheet.kit
    deadline = format_date(kit.action.deadline, kit.language)
    title = _band_title(sheet, width / 2)
    label = _word(kit, "deadline_passed" if sheet.past else "deadline")
    date = set_text([Span(label + " ", bold=False), Span(deadline.upper(), bold=True)],
                    sheet.style(11.5, align=Align.END, leading=1.0), width / 2)
    return [Rect(x, 0, width, height, fill=BLACK),
            TextBox(x + 10, (height - title.height) / 2, title, WHITE, "H2"),
            TextBox(x + width / 2 - 10, (height - date.height) / 2, date, WHITE)]


def _steps(sheet: _Sheet, column: Column) -> None:
    kit = sheet.kit
    steps: list[tuple[str, list[Span]]] = []
    for index in kit.letter_targets:  # a letter to each, then its other ways to reach it
        steps += _target_steps(kit, index)
    for index, copy in enumerate(kit.targets):
        if copy.role == "copy":
            steps.append((f"targets.{index}", _copy_step(kit, copy)))
    for number, (key, step) in enumerate(steps, 1):
        _step(sheet, column, number, step, key)
    if sheet.past and sheet.lead:
        return  # the note at the top of the sheet says the deadline has passed, and what to do
    deadline = format_date(kit.action.deadline, kit.language)
    column.advance(2)
    when = _word(kit, "past_note" if sheet.past else "act_before", deadline=deadline)
    advice = (kit.action.after_deadline or (_word(kit, "past_default") if sheet.past else ""))
    column.add_text([Span(when + " ", bold=True), *parse_inline(advice)],
                    sheet.style(9, leading=1.3), color=styles.GREY, section="action.after_deadline")


def _target_steps(kit: Kit, index: int) -> list[tuple[str, list[Span]]]:
    """Write a letter (to post, or to email when the target has no postal address), then the
    target's emails, faxes, phones and X account, each a step."""
    target, path = kit.targets[index], f"targets.{index}"
    names = [language_name_in(letter.language, kit.language) for letter in kit.letters_to(index)]
    languages = f" {_word(kit, 'or')} ".join(names)
    shown = recipient(target, kit.language)
    how = "write_how" if target.address else "write_how_email"
    steps = [(f"{path}.title", [
        Span(_word(kit, "write"), bold=True),
        Span(" " + _word(kit, how, title=shown.title or shown.name or "", languages=languages)),
    ])]
    for key, verb in (("email", "email"), ("fax", "fax"), ("phone", "call")):
        if getattr(target, key):
            steps.append((f"{path}.{key}", [Span(_word(kit, verb) + " ", bold=True),
                                            Span(", ".join(getattr(target, key)))]))
    if target.x:
        steps.append((f"{path}.x", [Span(_word(kit, "post") + " ", bold=True),
                                    Span(_word(kit, "post_how", handle=target.x))]))
    return steps


def _copy_step(kit: Kit, copy: Target) -> list[Span]:
    """Send a copy: to the copy target, or to the embassy in the reader's country; with the
    email addresses of a copy that has no postal address."""
    if copy.embassy and not copy.address:
        how = _word(kit, "copy_embassy_how", country=copy.embassy)
    else:
        shown = recipient(copy, kit.language)
        how = fill_in(_word(kit, "copy_how", title=shown.title or "", name=shown.name or ""))
    spans = [Span(_word(kit, "copy") + " ", bold=True), Span(how)]
    if copy.email and not copy.address:
        spans.append(Span(f" ({_word(kit, 'email')} {', '.join(copy.email)})"))
    return spans


def fill_in(text: str) -> str:
    """A word with a placeholder left empty (a target without a name) without its stray comma:
    `to Ambassador, ` becomes `to Ambassador`."""
    text = re.sub(r"\s*,\s*(?=[.)]|$)", "", text)
    return re.sub(r"(\s),\s*", r"\1", text)


def _step(sheet: _Sheet, column: Column, number: int, spans: list[Span], key: str) -> None:
    disc = 15.0
    label = set_text([Span(to_digits(str(number), sheet.kit.language), bold=True)],
                     sheet.style(9, align=Align.CENTER, leading=1.0), disc)
    column.items.append(Rect(column.x, column.y, disc, disc, fill=BLACK, radius=disc / 2))
    column.items.append(TextBox(column.x, column.y + (disc - label.height) / 2, label, WHITE, "Lbl"))
    top = column.y
    paragraph = column.add_text(spans, sheet.style(leading=1.3), indent=disc + 6, tag="LBody")
    column.advance(max(0.0, disc - paragraph.height) + 5)
    column.sections.append((key, top, column.y))


def _contact(sheet: _Sheet, column: Column) -> None:
    small = sheet.style(9, leading=1.2)
    column.add_text([Span(_word(sheet.kit, "write_to"), bold=True)], small,
                    color=styles.GREY)
    several = len(sheet.kit.letter_targets) > 1  # then each letter carries its salutation
    for n, index in enumerate(sheet.kit.letter_targets):
        if n:
            column.advance(6)
        _recipient(sheet, column, index, salutation=not several)


def _recipient(sheet: _Sheet, column: Column, index: int, *, salutation: bool) -> None:
    """A target of the letters: name, title, address as the envelope has it, salutation."""
    kit, target, path = sheet.kit, sheet.kit.targets[index], f"targets.{index}"
    small = sheet.style(9, leading=1.2)
    column.advance(3)
    shown = _sheet_recipient(kit, index)
    if shown.name:
        column.add_text([Span(shown.name, bold=True)], sheet.style(leading=1.3),
                        section=f"{path}.name")
    keyed = [(f"{path}.title", shown.title),
             *((f"{path}.address.{j}", line) for j, line in enumerate(shown.address)),
             (f"{path}.country", shown.country.upper() if target.address and shown.country
              else None)]
    lines = [(key, line) for key, line in keyed if line]
    column.add_text("\n".join(line for _, line in lines), sheet.style(leading=1.3),
                    section=_widest(lines))
    if not salutation:
        return
    column.advance(6)
    # The salutation in the sheet's language, or else in the first letter's that has one
    order = [kit.language, *(letter.language for letter in kit.letters_to(index))]
    greeting = next((target.salutation[lang] for lang in order if lang in target.salutation), "")
    if greeting:
        column.add_text([Span(_word(kit, "salutation"), bold=True)], small,
                        color=styles.GREY)
        column.advance(3)
        column.add_text(greeting, sheet.style(leading=1.3))


def _sheet_recipient(kit: Kit, index: int) -> Recipient:
    """The target as the envelope has it, to copy: in the sheet's language when a letter in
    it would show that in the window (a Spanish title), else the target's own lines."""
    target = kit.targets[index]
    return recipient(target, kit.language if in_window(target, kit.language) else "")


def _qr(sheet: _Sheet, column: Column) -> None:
    action = sheet.kit.action
    column.place(layout_qr(action.url, column.x, column.y, QR_SIDE), QR_SIDE + 1)
    column.add_text([Span(_word(sheet.kit, "scan") + " ", bold=True), Span(action.label)],
                    sheet.style(9, leading=1.22, align=Align.CENTER), section="action.label")


# -- helpers -------------------------------------------------------------------------------


def _widest(lines: list[tuple[str, str]]) -> str:
    """The key of the longest of a target's title, address lines and country: the one to
    shorten when the block is too tall."""
    return max(lines, key=lambda pair: len(pair[1]))[0]  # the first if tied


def _display(sheet: _Sheet, text: str) -> list[Span]:
    """Banner, headline and figures: the condensed black face, or in Arabic script (which has
    no such face) the bold one."""
    return [Span(text, bold=sheet.rtl)]


def _word(kit: Kit, key: str, **values: str) -> str:
    """The sheet's own word `key`: the kit's wording, else in its language (see words.py)."""
    return word(kit.language, key, kit.words, **values)


def _shift(items: tuple[Item, ...], dy: float) -> list[Item]:
    return [replace(item, y=item.y + dy) if not isinstance(item, Rule)
            else replace(item, y1=item.y1 + dy, y2=item.y2 + dy) for item in items]


def _hex(value: str) -> Color:
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _ink_on(fill: Color) -> Color:
    """Black or white, whichever contrasts more with `fill` (WCAG 2 contrast ratio).

    The better of the two is always at least 4.58:1, so banner text stays readable on any
    accent colour, in colour and photocopied in grey.
    """
    return BLACK if contrast(fill, BLACK) >= contrast(fill, WHITE) else WHITE


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two sRGB colours, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(color: Color) -> float:
    """WCAG relative luminance: linearised sRGB channels, weighted as the eye sees them."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
