"""Fit the recipient block (return line, name, title, address, country) into the paper's
envelope window: its lines in, placed boxes out, or Unfit saying by how much it is over.

The window is a contract with the post: whatever is outside it is not read. On A4 it is
DIN 5008 form B's 45 mm address field, whose top 17.7 mm (the notes zone) holds the return
line, the address going below; without a return line the address may rise into the notes
zone. On US Letter it is the part of a US #10 window that shows however the letter slides;
the return line, if any, takes its top. An over-wide line is broken after a comma, else at
a space, and its continuation indented; the block is set at the largest size from 10 pt
down to 8 pt at which it fits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from ..text import measure
from ..text.types import Align, Paragraph, Span, TextStyle
from . import styles
from .boxes import MM, Item, Rule, TextBox
from .flow import Unfit, check_lines, set_text
from .locale import is_rtl
from .paper import Paper

__all__ = ["ADDRESS_SIZES", "RETURN_SIZES", "WindowLine", "fit_window"]

ADDRESS_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0)  # largest first; smaller is hard to read and sort
RETURN_SIZES = (7.5, 7.0, 6.5, 6.0)  # the first on which the return line fits one line
RETURN_LINES = 2  # at the smallest size the return line may wrap once, never more
NASTALIQ_EXTRA = 1.0  # points added in Urdu, whose Nastaliq reads small for its size
LEADING = 1.15
INDENT = 1.0  # em: the continuation of a broken line starts this far in from the line's start
TOP_PAD = 1.5  # points between the top of the address zone and the block, when there is room
RULE_GAP = 0.8  # points from the return line's box to the rule under it
RETURN_GAP = 2.0  # points of white between the return line's rule and the address
COMMAS = frozenset(",،、，;؛")  # a line breaks after one of these (and a space) first

_PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}
_WINDOW_NAMES = {"a4": "DIN 5008 address field", "letter": "US #10 envelope"}


@dataclass(frozen=True)
class WindowLine:
    """A line of the recipient block as the kit writes it; its BCP 47 language picks the
    font and the direction (a right-to-left line is set against the window's right)."""

    text: str
    language: str = "en"


@dataclass(frozen=True)
class _Block:
    """The address set at one size: paragraphs with their tops relative to the block's."""

    boxes: tuple[tuple[float, Paragraph], ...]
    height: float
    size: float
    lines: int  # lines set, continuations included
    broken: tuple[str, ...]  # the kit's lines that took more than one


def fit_window(address: Sequence[WindowLine], paper: Paper, *,
               return_line: WindowLine | None = None, section: str = "targets.0",
               who: str = "the recipient", return_section: str = "letter.return_line"
               ) -> list[Item]:
    """The return line (with its rule) and the address placed inside `paper`'s window.

    Raises Unfit for `section` when the address does not fit even at the smallest size,
    naming `who`, the paper and by how much, or for `return_section` when the return line
    takes more than RETURN_LINES lines.
    """
    window = paper.window
    lines = [line for line in address if line.text.strip()]
    rtl = bool(lines) and is_rtl(lines[0].language)
    # Set against the window's left edge less the inset, or its right edge in right-to-left
    x, width = window.x + (0.0 if rtl else window.inset), window.width - window.inset
    bottom = window.y + window.height
    items: list[Item] = []
    top = window.y
    if return_line is not None:
        items, rule_y = _return_line(return_line, paper, return_section)
        top = max(window.y + window.return_height, rule_y + RETURN_GAP)
    block = _fit_block(lines, width, bottom - top)
    if block.height > bottom - top:
        raise Unfit(section, _too_long(block, who, paper, bottom - top, return_line is not None))
    for _, paragraph in block.boxes:
        check_lines(paragraph, section)
    # In the address zone when it fits there, else as high as it needs, never above `top`
    preferred = window.y + window.return_height + TOP_PAD
    y = max(top, min(preferred, bottom - block.height))
    items += [TextBox(x, y + offset, paragraph) for offset, paragraph in block.boxes]
    return items


# -- the return line ------------------------------------------------------------------------


def _return_line(line: WindowLine, paper: Paper, section: str) -> tuple[list[Item], float]:
    """The return line on one line at the first size that fits, else wrapped at the smallest,
    and its rule under it: at the foot of the notes zone (A4) or the top of the window
    (Letter). Also the rule's y."""
    window = paper.window
    x = window.x + (0.0 if is_rtl(line.language) else window.inset)
    width = window.width - window.inset
    paragraph = set_text(line.text, _style(line.language, RETURN_SIZES[-1], 1.1), width)
    for size in RETURN_SIZES:
        style = _style(line.language, size, 1.1)
        if measure([Span(line.text)], style) <= width:
            paragraph = set_text(line.text, style, width)
            break
    check_lines(paragraph, section)
    if len(paragraph.lines) > RETURN_LINES:
        raise Unfit(section, (
            f"the return line takes {len(paragraph.lines)} lines above the envelope window "
            f"on {_PAPER_NAMES[paper.name]} paper even at {RETURN_SIZES[-1]:g} pt, more than "
            f"the {RETURN_LINES} it may; shorten it"))
    y = max(window.y + window.return_height - paragraph.height - RULE_GAP - RETURN_GAP,
            window.y + TOP_PAD)
    under = y + paragraph.height + RULE_GAP
    left = min(each.x for each in paragraph.lines)
    right = max(each.x + each.width for each in paragraph.lines)
    rule = Rule(x + left, under, x + right, under, line_width=0.3)
    return [TextBox(x, y, paragraph), rule], under


# -- the address ----------------------------------------------------------------------------


def _fit_block(lines: Sequence[WindowLine], width: float, room: float) -> _Block:
    """The block at the largest size that fits `room`; at each size over-wide lines break
    after commas first, else at the spaces that give the fewest lines. When nothing fits,
    the smallest and shortest block, for the message."""
    block = None
    for size in ADDRESS_SIZES:
        for commas in (True, False):
            block = _set_block(lines, width, size, commas)
            if block.height <= room:
                return block
    assert block is not None
    return block


def _set_block(lines: Sequence[WindowLine], width: float, size: float, commas: bool) -> _Block:
    """The lines at `size`, each run of lines in one language set as one paragraph (so the
    text engine keeps their ink apart), the runs stacked at the leading or their ink's need.
    Every line starts on the side the first line's direction starts: a Latin country line in
    an Urdu address is set at the right with the rest."""
    rtl = bool(lines) and is_rtl(lines[0].language)
    boxes: list[tuple[float, Paragraph]] = []
    broken: list[str] = []
    count, y = 0, 0.0
    for language, run in groupby(lines, key=lambda line: line.language):
        style = _style(language, size, LEADING)
        if is_rtl(language) != rtl:
            style = replace(style, align=Align.END)
        indent = INDENT * style.size
        pieces: list[str] = []
        continued: list[bool] = []
        for line in run:
            parts = _break(line.text.strip(), style, width, indent, commas)
            if len(parts) > 1:
                broken.append(line.text.strip())
            pieces += parts
            continued += [False] + [True] * (len(parts) - 1)
        paragraph = set_text("\n".join(pieces), style, width)
        paragraph = _indented(paragraph, continued, -indent if rtl else indent)
        if boxes:
            y = _below(boxes[-1], paragraph, style)
        boxes.append((y, paragraph))
        count += len(paragraph.lines)
    height = boxes[-1][0] + boxes[-1][1].height if boxes else 0.0
    return _Block(tuple(boxes), height, size, count, tuple(broken))


def _below(above: tuple[float, Paragraph], paragraph: Paragraph, style: TextStyle) -> float:
    """The top of `paragraph` set under `above`: its first baseline a leading below the last
    one there, or further where their ink would come too close."""
    top, previous = above
    last, first = previous.lines[-1], paragraph.lines[0]
    pitch = max(style.size * LEADING, last.descent + first.ascent + 0.1 * style.size)
    return top + last.baseline + pitch - first.baseline


def _break(text: str, style: TextStyle, width: float, indent: float, commas: bool) -> list[str]:
    """`text` as lines no wider than `width`, the continuations no wider than width - indent."""
    pieces: list[str] = []
    room = width
    while text and _width(text, style) > room:
        cut = _cut(text, style, room, commas)
        pieces.append(text[:cut].rstrip())
        text, room = text[cut:].lstrip(), width - indent
    return [*pieces, text]


def _cut(text: str, style: TextStyle, room: float, commas: bool) -> int:
    """Where the first line ends: after the last comma (followed by a space) that leaves it
    narrow enough, else at the last such space, else where the text engine breaks a word."""
    spaces = [i for i, char in enumerate(text) if char.isspace() and i > 0]
    after_commas = [i for i in spaces if text[i - 1] in COMMAS]
    for candidates in ((after_commas if commas else []), spaces):
        for cut in reversed(candidates):
            if _width(text[:cut].rstrip(), style) <= room:
                return cut
    return max(1, set_text(text, style, room).lines[0].end)


def _width(text: str, style: TextStyle) -> float:
    return measure([Span(text)], style)


def _indented(paragraph: Paragraph, continued: list[bool], step: float) -> Paragraph:
    """Continuation lines moved `step` to the right (to the left if negative)."""
    if len(paragraph.lines) != len(continued):  # the engine broke a line itself: leave it
        return paragraph
    lines = tuple(replace(line, x=line.x + step) if more else line
                  for line, more in zip(paragraph.lines, continued))
    return replace(paragraph, lines=lines)


def _style(language: str, size: float, leading: float) -> TextStyle:
    extra = NASTALIQ_EXTRA if language.split("-")[0] == "ur" else 0.0
    return styles.style(size + extra, role="sans", language=language, leading=leading)


def _too_long(block: _Block, who: str, paper: Paper, room: float, return_line: bool) -> str:
    """What is over and how to fix it, in lines and millimetres."""
    pitch = block.size * LEADING
    over = block.height - room
    over_lines = max(1, math.ceil(over / pitch - 0.01))
    keep = max(1, block.lines - over_lines)
    where = " below the return line" if return_line else ""
    wide = ""
    if block.broken:
        many = len(block.broken) > 1
        quoted = _and([f"'{_start(text)}'" for text in block.broken])
        wide = (f"; {quoted} {'are' if many else 'is'} wider than the window and "
                f"take{'' if many else 's'} {'two lines or more each' if many else 'more than one'}")
    return (f"the address of {who} does not fit the envelope window on "
            f"{_PAPER_NAMES[paper.name]} paper ({_WINDOW_NAMES[paper.name]}) even at "
            f"{block.size:g} pt: it takes "
            f"{block.lines} lines ({block.height / MM:.1f} mm), {over_lines} "
            f"line{'s' if over_lines > 1 else ''} ({over / MM:.1f} mm) more than the "
            f"{room / MM:.1f} mm the window has{where}; shorten the address to {keep} lines "
            f"(name, title, address and country together){wide}")


def _start(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[:length].rstrip() + "…"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
