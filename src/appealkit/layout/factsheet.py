"""Lay out the one-page fact sheet: banner, headline, summary, figures, timeline, how to act."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

from ..errors import KitError, Problem, mark_for
from ..markup import parse_inline, parse_paragraphs
from ..model import Kit, Target
from ..text.types import Align, Span
from ..words import language_name_in, word
from . import styles
from .boxes import BLACK, WHITE, Color, ImageBox, Item, Page, Part, Rect, Rule, TextBox
from .flow import Column, check_lines, set_text
from .locale import format_date
from .overflow import overflow_problems
from .paper import Paper
from .qr import layout_qr
from .recipient import Recipient, in_window, recipient

GUTTER = 12.0
SECTION_GAP = 11.0
FLOW_GAPS = 4  # gaps that follow the headline, summary, figures and timeline
QR_SIDE = 34 * 72 / 25.4  # 34 mm with the quiet zone: the symbol itself is 27 mm or more
BODY_SIZES = (10.0, 9.5, 9.0)
HEADLINE_SIZES = (26.0, 25.0, 24.0, 23.0, 22.0, 21.0, 20.0)  # tried in turn when the page is full; never below 9 pt


@dataclass(frozen=True)
class _Sheet:
    kit: Kit
    paper: Paper
    body: float  # body text size in points
    gap: float = SECTION_GAP  # white space after each section

    def style(self, size: float | None = None, **kw: object):  # type: ignore[no-untyped-def]
        return styles.style(size or self.body, role=str(kw.pop("role", "sans")), **kw)  # type: ignore[arg-type]


def layout_fact_sheet(kit: Kit, paper: Paper) -> Part:
    """The fact sheet as exactly one page; KitError names the section that does not fit."""
    for size in BODY_SIZES:
        page, column, band = _layout_page(_Sheet(kit, paper, size))
        if not column.overflow:
            # Share what is left of the page out between the sections (at most doubling the
            # gaps), rather than leaving one hole above the action band.
            spare = column.bottom - column.y
            gap = SECTION_GAP + min(SECTION_GAP, spare / FLOW_GAPS)
            if spare > 1:
                page, column, band = _layout_page(_Sheet(kit, paper, size, gap))
            return Part("fact-sheet", "Fact sheet", kit.language, (page,))
    problems = overflow_problems(column, band.columns, band.height, BODY_SIZES[-1])
    raise KitError([Problem(mark_for(kit.marks, key), key, message) for key, message in problems])


def _layout_page(sheet: _Sheet) -> tuple[Page, Column, _Band]:
    paper = sheet.paper
    left, top = paper.margin, paper.margin
    width = paper.width - 2 * paper.margin
    action = _action_band(sheet, left, width)
    band_top = paper.height - paper.margin - action.height
    column = Column(left, top, width, band_top - SECTION_GAP)
    _banner(sheet, column)
    _headline(sheet, column)
    _summary(sheet, column)
    _figures(sheet, column)
    _timeline(sheet, column)
    items = [*column.items, *_shift(action.items, band_top)]
    return Page(paper.width, paper.height, tuple(items)), column, action


# -- banner and headline -------------------------------------------------------------------


def _banner(sheet: _Sheet, column: Column) -> None:
    kit, height = sheet.kit, 38.0
    accent = _hex(kit.organisation.accent)
    column.items.append(Rect(column.x, column.y, column.width, height, fill=accent))
    banner = {"update": "banner_update", "closed": "banner_closed"}.get(kit.action.status, "banner")
    title = set_text(_word(kit, banner),
                     sheet.style(24, role="display", leading=1.0), column.width - 24)
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
    return ImageBox(right - width, top + (height - shown) / 2, width, shown, data, alt)


def _headline(sheet: _Sheet, column: Column) -> None:
    kit = sheet.kit
    # The largest size that needs no more lines than the largest size itself needs at 20 pt.
    sets = [set_text(kit.headline.upper(), sheet.style(size, role="display", leading=1.0),
                     column.width) for size in HEADLINE_SIZES]
    fewest = min(len(p.lines) for p in sets)
    headline = next(p for p in sets if len(p.lines) == fewest)
    column.place(TextBox(column.x, column.y, headline, tag="H1"), headline.height, "headline")
    if kit.people:
        column.advance(2)
        column.add_text(kit.people, sheet.style(10.5, leading=1.2), color=styles.GREY,
                        section="people")
    column.advance(sheet.gap)


def _heading(sheet: _Sheet, column: Column, text: str) -> None:
    column.items.append(Rect(column.x, column.y, 18, 2.5, fill=BLACK))
    column.advance(4.5)
    column.add_text([Span(text.upper(), bold=True)], sheet.style(9, leading=1.15), tag="H2")
    column.advance(2.5)


# -- what happened -------------------------------------------------------------------------


def _summary(sheet: _Sheet, column: Column) -> None:
    _heading(sheet, column, _word(sheet.kit, "what_happened"))
    for paragraph in parse_paragraphs(sheet.kit.summary):
        column.add_text(paragraph, sheet.style(leading=1.33), section="summary")
    column.advance(sheet.gap)


def _figures(sheet: _Sheet, column: Column) -> None:
    figures = sheet.kit.figures
    if not figures:
        return
    _heading(sheet, column, _word(sheet.kit, "key_figures"))
    per_row, pad = min(3, len(figures)), 6.0
    cell = (column.width - (per_row - 1) * GUTTER) / per_row
    for start in range(0, len(figures), per_row):
        row = [(i, _figure_cell(sheet, i, cell - 2 * pad - 2)) for i in range(start, start + per_row)
               if i < len(figures)]
        height = max(_stack_height(boxes) for _, boxes in row)
        for n, (index, boxes) in enumerate(row):
            x = column.x + n * (cell + GUTTER)
            column.items.append(Rect(x, column.y, cell, height + 2 * pad, fill=styles.PANEL))
            column.items.append(Rect(x, column.y, 3, height + 2 * pad, fill=BLACK))
            column.items += [replace(box, x=box.x + x + pad + 2, y=box.y + column.y + pad)
                             for box in boxes]
            column.sections.append((f"figures.{index}.label", column.y, column.y + height))
        column.advance(height + 2 * pad + 5)
    column.advance(sheet.gap - 5)


def _figure_cell(sheet: _Sheet, index: int, width: float) -> list[TextBox]:
    """The figure's value, label and source, placed relative to the cell's inner corner."""
    figure = sheet.kit.figures[index]
    value = set_text(figure.value, sheet.style(19, role="display", leading=1.0), width)
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


def _stack_height(boxes: list[TextBox]) -> float:
    return max(box.y + box.paragraph.height for box in boxes)


def _timeline(sheet: _Sheet, column: Column) -> None:
    events = sheet.kit.timeline
    if not events:
        return
    _heading(sheet, column, _word(sheet.kit, "timeline"))
    per_row = min(4, len(events))
    cell = (column.width - (per_row - 1) * GUTTER) / per_row
    for start in range(0, len(events), per_row):
        top, bottom = column.y, column.y
        row_events = events[start:start + per_row]
        column.items.append(Rule(column.x, top + 20, column.x + column.width, top + 20,
                                 color=styles.RULE, line_width=1.0))
        for n, event in enumerate(row_events):
            x = column.x + n * (cell + GUTTER)
            date = set_text([Span(format_date(event.date, sheet.kit.language), bold=True)],
                            sheet.style(9.5, leading=1.2), cell)
            column.items.append(TextBox(x, top, date, tag="Lbl"))
            column.items.append(Rect(x, top + 16.5, 7, 7, fill=BLACK, radius=3.5))
            text = set_text(parse_inline(event.text), sheet.style(9, leading=1.25), cell)
            check_lines(text, f"timeline.{start + n}.text")
            column.items.append(TextBox(x, top + 28, text, tag="LBody"))
            bottom = max(bottom, top + 28 + text.height)
            column.sections.append((f"timeline.{start + n}.text", top, top + 28 + text.height))
        column.y = bottom + 6
    column.advance(sheet.gap - 6)


# -- take action band ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Band:
    items: tuple[Item, ...]  # positioned with the band's top at y = 0
    height: float
    columns: tuple[Column, ...]  # steps, contact, QR code, then the address row below them


def _action_band(sheet: _Sheet, x: float, width: float) -> _Band:
    pad, header = 8.0, 26.0
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


def _band_header(sheet: _Sheet, x: float, width: float, height: float) -> list[Item]:
    kit = sheet.kit
    deadline = format_date(kit.action.deadline, kit.language)
    title = set_text(_word(kit, "take_action"), sheet.style(16, role="display", leading=1.0),
                     width / 2)
    date = set_text([Span(_word(kit, "deadline") + " ", bold=False),
                     Span(deadline.upper(), bold=True)],
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
    deadline = format_date(kit.action.deadline, kit.language)
    column.advance(2)
    column.add_text([Span(_word(kit, "act_before", deadline=deadline) + " ", bold=True),
                     *parse_inline(kit.action.after_deadline or "")],
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
    label = set_text([Span(str(number), bold=True)], sheet.style(9, align=Align.CENTER, leading=1.0), disc)
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
