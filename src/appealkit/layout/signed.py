"""Lay out personalised letters: each model letter once, as a form without the lines that
differ per signer, and each signer's own lines (name, address, date, return line) apart.

A form's pages are what every signer's copy shares (drawn once, see draw/signed.py); a
signer's items go on top of them. The form is the model letter of layout/letter.py with its
date (and return line) taken out; the signer's name and address are set on the letter's own
name and address lines, found by their captions. Each of a signer's boxes says where it is
read among the form's boxes (where the letter had its date, the name after its caption), so a
signed letter's structure reads as the model letter's does.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, replace
from itertools import pairwise

from ..errors import Problem
from ..model import Kit, Letter
from ..signers import Signer
from ..text.types import Align, Direction, Paragraph, TextStyle
from . import styles
from .boxes import Item, Page, Rule, TextBox
from .flow import set_text
from .letter import layout_letter
from .locale import format_date, label
from .paper import Paper
from .tags import mark_latin_box, mark_latin_text

__all__ = ["LetterForm", "SignerItem", "SignerPage", "layout_forms", "layout_signer",
           "letter_key"]

# A name or address on its line: the first size it fits on one line, else two at the smallest
FILL_SIZES = (10.0, 9.0, 8.0, 7.5)
RTL_FILL_SIZES = (11.0, 10.0, 9.0)  # Nastaliq reads small for its size
RETURN_SIZES = (7.5, 6.5, 6.0)  # the return line above the envelope window
ABOVE_RULE = 2.0  # the last line's baseline sits this far above the rule, points


@dataclass(frozen=True)
class Slot:
    """Where a signer's text goes: a box on page `page`, its last baseline at `baseline`."""

    page: int
    x: float
    baseline: float
    width: float
    room: float = 0.0  # from the baseline up to what is drawn above the box, points
    read_before: int = 0  # the text is read before the page's item at this index


@dataclass(frozen=True)
class LetterForm:
    """A model letter to personalise: its shared pages, and where each signer's lines go."""

    language: str
    title: str  # "Letter in English", as the model letter's title without "Model"
    pages: tuple[Page, ...]  # the letter without its date and return line
    name: Slot  # on the name line, after its caption
    address: Slot  # on the address line, after its caption
    date: Slot  # x + width is the date's right edge; its size is the letter's
    date_size: float
    usual_date: str  # the letter's own date line, for signers without a date
    return_line: Slot | None  # the kit's return line's box, when the kit has one
    latin_language: str = "en"  # a line in Latin script in a right-to-left letter (the kit's)


def layout_forms(kit: Kit, paper: Paper, today: dt.date) -> dict[str, LetterForm]:
    """A form per letter, in kit order, keyed as the signers' list names it: by its language
    (`en`), or, with letters to several targets, by target id and language (`minister-es`)."""
    return {letter_key(letter): _form(kit, letter, paper, today) for letter in kit.letter_list}


def letter_key(letter: Letter) -> str:
    """`en` for `letter-en.pdf`, `minister-es` for `letter-minister-es.pdf`."""
    return (letter.part or f"letter-{letter.language}").removeprefix("letter-")


@dataclass(frozen=True)
class SignerItem:
    """A box of a signer's, read before the form page's item at index `read_before` (its
    length: at the end of the page)."""

    item: Item
    read_before: int


@dataclass
class SignerPage:
    """A signer's items on one page of a form: `head` is drawn before the form, `foot` after,
    so that copied text keeps the letter's order (sender and date first, the name at the end)."""

    head: list[SignerItem]
    foot: list[SignerItem]


def layout_signer(form: LetterForm, signer: Signer) -> tuple[list[SignerPage], list[Problem]]:
    """The signer's items for each page of the form, and the problems of lines that do not fit."""
    pages = [SignerPage([], []) for _ in form.pages]
    problems: list[Problem] = []
    address = ("، " if _direction(" ".join(signer.address)) is Direction.RTL else ", ").join(
        signer.address)  # Arabic-script text takes the Arabic comma
    for key, text, slot in (("name", signer.name, form.name), ("address", address, form.address)):
        if text:
            box = _fill_in(text, form.language, slot)
            if box is None:
                problems.append(_too_long(signer, key, f"the {key} line of the letter"))
            else:
                box = mark_latin_box(box, form.language, form.latin_language)
                pages[slot.page].foot.append(SignerItem(box, slot.read_before))
    pages[form.date.page].head.append(SignerItem(_date(form, signer), form.date.read_before))
    if form.return_line is not None:
        items = _return_line(" · ".join([signer.name, *signer.address]), form.return_line)
        if items is None:
            problems.append(_too_long(signer, "address", "the return line above the "
                                                         "envelope window"))
        else:
            read_before = form.return_line.read_before
            pages[form.return_line.page].head[:0] = [
                SignerItem(mark_latin_box(item, form.language, form.latin_language)
                           if isinstance(item, TextBox) else item, read_before)
                for item in items]
    return pages, problems


def _too_long(signer: Signer, key: str, where: str) -> Problem:
    return Problem(signer.mark, key, f"too long for {where}, even in small print; shorten it")


# -- the form: the model letter, its signer lines found and its date taken out --------------


def _form(kit: Kit, letter: Letter, paper: Paper, today: dt.date) -> LetterForm:
    language = letter.language
    part = mark_latin_text(layout_letter(kit, letter, paper, today), kit.language)
    laid = part.pages
    pages = [list(page.items) for page in laid]
    # Where each slot's text is read: before this item of the form (None: at the page's end)
    read: dict[str, Item | None] = {}
    name, read["name"] = _caption_slot(pages, label(language, "name"))
    address, read["address"] = _caption_slot(pages, label(language, "address"))
    usual = _usual_date(kit, language, today)
    date_page, date_box, read["date"] = _take_text(pages, usual)
    line = date_box.paragraph.lines[0]
    date = Slot(date_page, date_box.x, date_box.y + line.baseline, line.x + line.width)
    return_line = None
    if kit.letter.return_line and kit.targets[letter.target].address:  # an email letter has none
        page, box, read["return_line"] = _take_text(pages, kit.letter.return_line,
                                                    with_rule=True)
        # Its "baseline" is the box's bottom, which stays put whatever the size; its room
        # reaches up to the window's top, which a signer's line must not cross
        bottom = box.y + box.paragraph.height
        return_line = Slot(page, box.x, bottom, box.paragraph.width, bottom - paper.window.y)
    name, address, date = (_read_at(pages, slot, read[key]) for key, slot in
                           (("name", name), ("address", address), ("date", date)))
    if return_line is not None:
        return_line = _read_at(pages, return_line, read["return_line"])
    size = line.runs[0].size
    shared = tuple(Page(p.width, p.height, tuple(items)) for p, items in zip(laid, pages))
    title = part.title.replace("Model letter", "Letter", 1)
    return LetterForm(language, title, shared, name, address, date, size, usual, return_line,
                      kit.language)


def _read_at(pages: list[list[Item]], slot: Slot, before: Item | None) -> Slot:
    """The slot, read before the item `before` of its page (None: after the page's items)."""
    items = pages[slot.page]
    index = next((i for i, item in enumerate(items) if item is before), len(items))
    return replace(slot, read_before=index)


def _usual_date(kit: Kit, language: str, today: dt.date) -> str:
    """The date line as layout/letter.py writes it (`_date_line` there)."""
    setting = kit.letter.date
    if setting == "blank":
        return f"{label(language, 'date')}: ____________________"
    return format_date(today if setting == "today" else setting, language)  # type: ignore[arg-type]


def _text(paragraph: Paragraph) -> str:
    """A paragraph's logical text, its white space as single spaces (lines joined by one)."""
    return " ".join("".join(run.text for run in sorted(line.runs, key=lambda r: r.start))
                    for line in paragraph.lines)


def _same(paragraph: Paragraph, text: str) -> bool:
    return " ".join(_text(paragraph).split()) == " ".join(text.split())


def _caption_slot(pages: list[list[Item]], caption: str) -> tuple[Slot, Item]:
    """The rule after the caption `caption` (`Name ____`), as a box to write on; and the rule,
    which the text written on it is read before (after its caption)."""
    for number, items in enumerate(pages):
        for item, after in pairwise(items):
            if isinstance(item, TextBox) and isinstance(after, Rule) and _same(
                    item.paragraph, caption):
                baseline = after.y1 - ABOVE_RULE
                x, width = after.x1 + ABOVE_RULE, after.x2 - after.x1 - 2 * ABOVE_RULE
                return Slot(number, x, baseline, width, _room(items, x, width, baseline)), after
    raise ValueError(f"the model letter has no '{caption}' line to write on")


def _room(items: list[Item], x: float, width: float, baseline: float) -> float:
    """How far up from `baseline` text may reach before it meets an item above it (a line to
    sign, the closing), between x and x + width; an item is above if it ends above the baseline."""
    bottoms = [0.0]
    for item in items:
        if isinstance(item, TextBox):  # what its lines cover, not its whole box
            lines = item.paragraph.lines
            left = item.x + min((line.x for line in lines), default=0.0)
            right = item.x + max((line.x + line.width for line in lines), default=0.0)
            bottom = item.y + item.paragraph.height
        elif isinstance(item, Rule):
            left, right = min(item.x1, item.x2), max(item.x1, item.x2)
            bottom = max(item.y1, item.y2)
        else:
            continue
        if bottom < baseline - 1 and left < x + width - 2 and right > x + 2:  # not just touching
            bottoms.append(bottom)
    return baseline - max(bottoms) - 1.5  # a hairline of white between


def _take_text(pages: list[list[Item]], text: str,
               with_rule: bool = False) -> tuple[int, TextBox, Item | None]:
    """Remove the text box showing `text` (and the rule after it) from the pages; its page,
    the box, and the item that followed it (None: it was the page's last)."""
    for number, items in enumerate(pages):
        for index, item in enumerate(items):
            if isinstance(item, TextBox) and _same(item.paragraph, text):
                del items[index : index + (2 if with_rule else 1)]
                return number, item, items[index] if index < len(items) else None
    raise ValueError(f"the model letter has no '{text}' to replace")


# -- a signer's lines ------------------------------------------------------------------------


def _fill_in(text: str, language: str, slot: Slot) -> TextBox | None:
    """`text` on its line at the first size it fits on one line, else on two at the smallest;
    None if it does not fit under the line above (the signature line, or the closing)."""
    paragraph = None
    for size in RTL_FILL_SIZES if _direction(text) is Direction.RTL else FILL_SIZES:
        paragraph = set_text(text, _fill_style(text, language, size), slot.width)
        if len(paragraph.lines) == 1:
            break
    assert paragraph is not None
    if len(paragraph.lines) > 2 or paragraph.lines[-1].baseline > slot.room:
        return None
    return TextBox(slot.x, slot.baseline - paragraph.lines[-1].baseline, paragraph)


def _fill_style(text: str, language: str, size: float) -> TextStyle:
    """The letter's serif; the text's own direction, so that a Latin address in an Urdu letter
    keeps its order, set at the end of the line nearest its caption."""
    style = styles.style(size, role="serif", language=language, leading=1.15)
    direction = _direction(text)
    align = Align.START if direction is style.direction else Align.END
    return replace(style, direction=direction, align=align)


def _direction(text: str) -> Direction:
    """The direction of the first strongly directed character (UAX #9 P2), LTR if none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Direction.RTL
        if kind == "L":
            return Direction.LTR
    return Direction.LTR


def _date(form: LetterForm, signer: Signer) -> TextBox:
    """The letter date: the signer's own, or the letter's usual one, where the letter has it."""
    text = format_date(signer.date, form.language) if signer.date else form.usual_date
    style = styles.style(form.date_size, role="serif", language=form.language, align=Align.START)
    paragraph = set_text(text, style, 1e4)  # one line: the date is short and never wraps
    line, slot = paragraph.lines[0], form.date
    right = slot.x + slot.width  # dates end at the right, in both directions
    return TextBox(right - line.x - line.width, slot.baseline - line.baseline, paragraph)


def _return_line(text: str, slot: Slot) -> list[Item] | None:
    """The signer as sender above the envelope window, underlined as the kit's return line:
    one line at the first size that fits, else two at the smallest; None if even that fails."""
    line = None
    for size in RETURN_SIZES:
        line = set_text(text, styles.style(size, role="sans", leading=1.1), slot.width)
        if len(line.lines) == 1:
            break
    if line is None or len(line.lines) > 2 or line.height > slot.room:
        return None
    y = slot.baseline - line.height  # the bottom stays where the kit's line had it
    under = y + line.height + 0.8
    width = max(each.width for each in line.lines)
    return [TextBox(slot.x, y, line), Rule(slot.x, under, slot.x + width, under, line_width=0.3)]
