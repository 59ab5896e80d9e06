"""Lay out a model letter: pre-addressed for a window envelope, ready to date, sign and post."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..markup import parse_blocks
from ..model import Kit, Letter, Target
from ..text import measure
from ..text.types import Align, Paragraph, Span, TextStyle
from . import styles
from .boxes import MM, Item, Page, Part, Rule, TextBox
from .flow import Column, Hang, check_lines, pour, set_text
from .links import spell_out_links
from .lists import set_blocks
from .locale import format_date, is_rtl, label, language_name
from .paper import Paper
from .recipient import copy_name, heading_lines, in_window, recipient, window_block
from .window import WindowLine, fit_window

BODY_SIZES = (10.5, 10.0, 9.5)  # the first that fits one page wins; else the letter runs on
RTL_BODY_SIZES = (11.5, 11.0)  # Naskh reads small for its size; 11 pt is the floor
# Nastaliq's letters are small in their em: the bodies of ب and و rise 0.42 em above the
# baseline, Noto Serif's x-height is 0.54 em, so 14 pt Urdu reads at the size of the English
# letter's 10.5 pt, and Pakistani letters are set at 14 pt or more. 13 pt only where it keeps
# a letter to one page.
URDU_BODY_SIZES = (14.0, 13.0)
KEEP_LINES = 3  # a paragraph split between pages leaves at least this many lines on each
ADDRESS_SIZE = 10.0
CONTINUATION_SPACE = 14 * MM
HEADING_TOP = 14 * MM  # a heading in the letter's script starts here, at the top right
DATE_TOP = 27 * MM  # without one, the date sits here, above the window, at the right
RIGHT_MARGIN = 20 * MM
BOTTOM_MARGIN = 12 * MM  # room for the continuation line at the top of a following page
MAX_PAGES = 10  # a model letter longer than this is refused: nobody copies it out by hand


@dataclass(frozen=True)
class _Letter:
    kit: Kit
    letter: Letter
    target: Target
    paper: Paper
    today: dt.date
    size: float

    @property
    def language(self) -> str:
        return self.letter.language

    @property
    def path(self) -> str:
        """The letter's key path in kit.yaml: `letters.en`, or `letters.minister.es`."""
        return self.letter.path or f"letters.{self.language}"

    @property
    def target_path(self) -> str:
        return f"targets.{self.letter.target}"

    @property
    def postal(self) -> bool:
        """False for a letter to a target without a postal address: sent by email or printed."""
        return bool(self.target.address)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    @property
    def pitch(self) -> float | None:
        """The fixed line pitch (ems) of the letter's text, or None where the leading is."""
        return styles.fixed_pitch(self.language)

    def style(self, size: float | None = None, *, leading: float | None = None,
              align: Align = Align.START, role: str = "serif") -> TextStyle:
        grid = leading is None and self.pitch is not None  # body, heading, closing: one pitch
        lead = leading or self.pitch or (1.5 if self.rtl else 1.32)
        return styles.style(size or self.size, role=role, language=self.language,
                            leading=lead, align=align, grid=grid)

    @property
    def paragraph_gap(self) -> float:
        """Space between paragraphs: half a line (0.73 em in Latin letters, as always)."""
        if self.pitch is not None:
            return 0.5 * self.pitch * self.size
        return self.size * (0.75 if self.rtl else 0.73)  # right to left: half of 1.5 em

    @property
    def small(self) -> float:
        """Captions and notes: 9 pt, or 11 pt in Nastaliq, which reads small for its size."""
        return 11.0 if self.language.split("-")[0] == "ur" else 9.0

    @property
    def left(self) -> float:
        # DIN 5008 keeps 25 mm on the left for filing; a right-to-left letter ends there, so
        # its lines may run as close to the holes as the envelope window's own edge (20 mm).
        if self.rtl:
            return self.paper.window.x
        return 25 * MM if self.paper.name == "a4" else 1.0 * 72

    @property
    def width(self) -> float:
        return self.paper.width - self.left - RIGHT_MARGIN


def layout_letter(kit: Kit, letter: Letter | str, paper: Paper, today: dt.date) -> Part:
    """The model `letter` (or the first letter in that language): one page at the largest size
    that fits, else more pages at the largest size."""
    if isinstance(letter, str):
        letter = next(each for each in kit.letter_list if each.language == letter)
    chosen, target = letter, kit.targets[letter.target]
    language = letter.language

    def at(size: float) -> _Laid:
        return _layout_pages(_Letter(kit, chosen, target, paper, today, size))

    if styles.fixed_pitch(language) is not None:
        laid = _smallest_first(at, URDU_BODY_SIZES)
    elif is_rtl(language):
        laid = _smallest_first(at, RTL_BODY_SIZES)
    else:
        laid = _largest_first(at, BODY_SIZES)
    title = f"Model letter in {language_name(language)}"
    if len(kit.letter_targets) > 1:
        title = f"Model letter to the {target.title or target.name} in {language_name(language)}"
    return Part(letter.part or f"letter-{language}", title, language, tuple(laid.pages))


def _largest_first(at: Callable[[float], _Laid], sizes: tuple[float, ...]) -> _Laid:
    """The first size, largest first, whose letter is one page; else the largest, on more."""
    for size in sizes:
        laid = at(size)
        if len(laid.pages) == 1:
            return laid
    return at(sizes[0])


def _smallest_first(at: Callable[[float], _Laid], sizes: tuple[float, ...]) -> _Laid:
    """The right-to-left policy. Nastaliq takes far more room than Latin text, so a letter that
    fills a page in English rarely fits at the larger size: the smallest size is laid out first,
    and a larger one is tried only if the page has room for what grows with the text."""
    smallest = at(sizes[-1])
    if len(smallest.pages) > 1:
        return at(sizes[0])  # runs on anyway: the largest size, on more pages
    for size in sizes[:-1]:
        if smallest.growing * (size / sizes[-1] - 1) <= smallest.room:
            laid = at(size)
            if len(laid.pages) == 1:
                return laid
    return smallest


@dataclass(frozen=True)
class _Laid:
    pages: tuple[Page, ...]
    growing: float  # height of the body and what follows it on the last page, points
    room: float  # left below it on the last page


def _layout_pages(doc: _Letter) -> _Laid:
    paper = doc.paper
    bottom = paper.height - BOTTOM_MARGIN
    first = Column(doc.left, 0, doc.width, bottom)
    if doc.postal:  # an email letter has no window to fold for
        first.items += _fold_marks(paper)
    first.items += _window_address(doc) if doc.postal else _email_address(doc)
    _heading(doc, first)
    columns = [first]
    body_top = first.y
    pour(_body_blocks(doc), columns, lambda: _continuation(doc), f"{doc.path}.body",
         max_columns=MAX_PAGES, keep=KEEP_LINES, tail=_signature_height(doc))
    _signature(doc, columns)
    _copies(doc, columns)
    total = len(columns)
    for number, column in enumerate(columns[1:], 2):
        column.items.insert(0, _continuation_line(doc, number, total))  # read first
    last = columns[-1]
    return _Laid(tuple(Page(paper.width, paper.height, tuple(c.items)) for c in columns),
                 growing=last.y - (body_top if total == 1 else last.top), room=last.bottom - last.y)


# -- the envelope window and heading --------------------------------------------------------


def _window_address(doc: _Letter) -> list[Item]:
    """The recipient in the envelope window: the target's own lines, or its lines in the
    letter's language where those go in the window (see recipient.py)."""
    target, return_line = doc.target, doc.kit.letter.return_line
    lines = [WindowLine(text, language) for text, language in
             window_block(target, doc.language) or ()]  # which lines: recipient.py
    return fit_window(lines, doc.paper,
                      return_line=WindowLine(return_line) if return_line else None,
                      section=doc.target_path,
                      who=" ".join(part for part in (target.title, target.name) if part))


def _email_address(doc: _Letter) -> list[Item]:
    """A letter to a target reached by email: where the window would be, at the margin, the
    recipient's name and title and the addresses to send it to; no return line."""
    window, target = doc.paper.window, doc.target
    # The block is in Latin letters (labels too) unless the letter's own lines go there
    language = doc.language if in_window(target, doc.language) else "en"
    shown = recipient(target, language if language == doc.language else "")
    emails = [f"{label(language, 'email')}: {email}" for email in target.email]
    faxes = [f"{label(language, 'fax')}: {fax}" for fax in target.fax]
    block = set_text("\n".join([*shown.lines(), *emails, *faxes]), _address_style(doc),
                     window.width)
    check_lines(block, doc.target_path)
    return [TextBox(doc.left, window.y + window.return_height + 1.5, block)]


def _address_style(doc: _Letter) -> TextStyle:
    """The recipient's block: in the letter's language when its own lines are shown there."""
    language = doc.language if in_window(doc.target, doc.language) else "en"
    leading = 1.5 if is_rtl(language) else 1.15  # Nastaliq and Naskh need room between lines
    return styles.style(ADDRESS_SIZE, role="sans", leading=leading, language=language)


def _heading(doc: _Letter, column: Column) -> None:
    """Top right: the recipient in the letter's own script (when it has one), then the date;
    then subject and salutation: below the envelope window, or in a right-to-left letter,
    which reads from the right, under the date beside the window when they fit there."""
    window = doc.paper.window
    end = Align.START if doc.rtl else Align.END
    x = window.x + window.width + 8 * MM
    info = Column(x, HEADING_TOP, doc.left + doc.width - x, 1e9)
    lines = heading_lines(doc.target, doc.language) or []
    local = bool(lines)
    style = _heading_style(doc, [*lines, _date_line(doc)], info.width, end)
    if local:
        info.add_text("\n".join(lines), style,
                      section=f"{doc.target_path}.local.{doc.language}")
        info.advance(2 * MM)
    else:
        info.advance(DATE_TOP - HEADING_TOP)
    info.add_text(_date_line(doc), style)
    column.items += info.items
    below_window = window.y + window.height + 3 * MM
    if doc.rtl and local:  # beside the window only as part of a heading in the letter's script
        beside = Column(info.x, info.y + 4 * MM, info.width, below_window - 2 * MM)
        _subject(doc, beside)  # the salutation stands directly above the body
        if not beside.overflow:
            column.items += beside.items
            column.y = max(below_window, beside.y)
            _salutation(doc, column)
            return
    column.y = max(below_window, info.y + 5 * MM)
    _subject(doc, column)
    _salutation(doc, column)


def _heading_style(doc: _Letter, lines: list[str], width: float, align: Align) -> TextStyle:
    """The body's style, or up to 2 pt smaller (not below the captions' size) where that keeps
    every line of the heading whole in its narrow column."""
    sizes = [doc.size - step for step in (0.0, 1.0, 2.0) if doc.size - step >= doc.small]
    for size in sizes:
        style = doc.style(size, align=align)
        if all(measure([Span(line)], style) <= width for line in lines):
            return style
    return doc.style(align=align)


def _subject(doc: _Letter, column: Column) -> None:
    if doc.letter.subject:
        column.add_text([Span(doc.letter.subject, bold=True)], doc.style(),
                        section=f"{doc.path}.subject")
        column.advance(doc.paragraph_gap if doc.pitch else doc.size * 0.6)


def _salutation(doc: _Letter, column: Column) -> None:
    salutation = doc.target.salutation.get(doc.language, "")
    column.add_text(salutation, doc.style(),
                    section=f"{doc.target_path}.salutation.{doc.language}")
    column.advance(doc.paragraph_gap if doc.pitch else doc.size * 0.3)


def _date_line(doc: _Letter) -> str:
    setting = doc.kit.letter.date
    if setting == "blank":
        return f"{label(doc.language, 'date')}: ____________________"
    date = doc.today if setting == "today" else setting
    return format_date(date, doc.language)  # type: ignore[arg-type]


# -- body, signature, continuation ----------------------------------------------------------


def _body_blocks(doc: _Letter) -> list[tuple[Paragraph, float, Hang | None]]:
    align = Align.JUSTIFY
    blocks = spell_out_links(parse_blocks(doc.letter.body))  # paper cannot open a link
    return set_blocks(blocks, doc.style(align=align), doc.width, doc.paragraph_gap)


def _closing_space(doc: _Letter) -> float:
    """Space above the closing beyond the paragraph gap: on a fixed pitch, a blank line less
    the gap, so that the closing does not read as a line of the last paragraph."""
    return (doc.pitch * doc.size - doc.paragraph_gap) if doc.pitch else 0.0


def _signature_height(doc: _Letter) -> float:
    """Height of what `_signature` places after the body."""
    closing = set_text(doc.letter.closing, doc.style(), (doc.width - 12 * MM) / 2)
    row = 2.3 * doc.small
    return _closing_space(doc) + max(closing.height, row) + row + 8


def _signature(doc: _Letter, columns: list[Column]) -> None:
    """The closing with a line to sign beside it, then lines for one's name and address."""
    half, gap = (doc.width - 12 * MM) / 2, 12 * MM
    closing = set_text(doc.letter.closing, doc.style(), half)
    check_lines(closing, f"{doc.path}.closing")
    row = 2.3 * doc.small  # room to sign or write by hand above each line
    first = max(closing.height, row)
    if columns[-1].y + _closing_space(doc) + first + row + 8 > columns[-1].bottom:
        columns.append(_continuation(doc))
    else:
        columns[-1].advance(_closing_space(doc))
    column = columns[-1]
    start, end = (column.x + half + gap, column.x) if doc.rtl else (column.x, column.x + half + gap)
    column.items.append(TextBox(start, column.y, closing))
    column.advance(first)
    _fill_in_line(doc, column, end, half, label(doc.language, "signature"))
    column.advance(row)
    _fill_in_line(doc, column, start, half, label(doc.language, "name"))
    _fill_in_line(doc, column, end, half, label(doc.language, "address"))
    column.advance(8)


def _copies(doc: _Letter, columns: list[Column]) -> None:
    """`Copy to: Ambassador, Embassy of Pakistan`: one line per copy target, after the signature."""
    copies = [doc.kit.targets[i] for i in doc.kit.copies_of(doc.letter.target)]
    if not copies:
        return
    lines = [f"{label(doc.language, 'copy_to')}: {_copy_name(doc, copy)}" for copy in copies]
    text = set_text("\n".join(lines), doc.style(doc.small, role="sans", leading=1.3), doc.width)
    if columns[-1].y + text.height > columns[-1].bottom:
        columns.append(_continuation(doc))
    columns[-1].place(TextBox(columns[-1].x, columns[-1].y, text, styles.GREY), text.height)


def _copy_name(doc: _Letter, target: Target) -> str:
    """The copy target's title and name; an embassy copy without its address leaves a line to
    write in the embassy of the sender's country."""
    name = copy_name(target, doc.language, label(doc.language, "embassy_of"), rtl=doc.rtl)
    return f"{name} ____________________" if target.embassy and not target.address else name


def _fill_in_line(doc: _Letter, column: Column, x: float, width: float, text: str) -> None:
    """`Signature ________`: a caption, then a rule on its baseline to the end of the width."""
    caption = set_text(text, doc.style(doc.small, leading=1.0, role="sans"), width)
    line = caption.lines[0]
    # The caption sets itself at the start of the width: the left, or the right in RTL.
    column.items.append(TextBox(x, column.y - line.baseline, caption, styles.GREY))
    start, end = (x, x + width - line.width - 4) if doc.rtl else (x + line.width + 4, x + width)
    column.items.append(Rule(start, column.y, end, column.y, color=styles.GREY, line_width=0.6))


def _continuation(doc: _Letter) -> Column:
    """A following page; its continuation line is added once the page count is known."""
    top = 18 * MM
    column = Column(doc.left, top, doc.width, doc.paper.height - BOTTOM_MARGIN)
    column.advance(CONTINUATION_SPACE)
    return column


def _continuation_line(doc: _Letter, number: int, total: int) -> Item:
    """`Syed Mohsin Raza Naqvi · page 2 of 2` at the top of a following page."""
    shown = recipient(doc.target, doc.language)
    text = f"{shown.name or shown.title} · {label(doc.language, 'page', n=number, total=total)}"
    paragraph = set_text(text, doc.style(doc.small, role="sans", leading=1.2), doc.width)
    return TextBox(doc.left, 18 * MM, paragraph, styles.GREY, "Artifact")  # a running header


def _fold_marks(paper: Paper) -> list[Item]:
    """Short ticks in the left margin where the sheet is folded for the envelope."""
    return [Rule(4 * MM, y, 9 * MM, y, color=styles.RULE, line_width=0.5) for y in paper.folds]
