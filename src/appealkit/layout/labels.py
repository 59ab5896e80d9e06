"""Lay out labels.pdf: each target's address on sheets of Avery L7163 (A4) or 5163 (Letter)."""

from __future__ import annotations

from ..errors import KitError, Problem, mark_for
from ..model import Kit, Target
from ..text.types import Paragraph
from . import styles
from .boxes import MM, Item, Page, Part, TextBox
from .event_common import address_lines, postal_targets
from .flow import set_text
from .paper import Paper
from .stationery import LABEL_SHEETS, LabelSheet

__all__ = ["PAD_X", "PAD_Y", "layout_labels"]

SIZES = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)  # tried in turn; below 8 pt is hard to read
PAD_X = 6 * MM  # inside each label: a sheet fed a little askew still keeps the text on it
PAD_Y = 4 * MM


def layout_labels(kit: Kit, paper: Paper, *, start: int = 1, copies: int = 1) -> Part:
    """`copies` labels per target, the first at label `start` (1-based) of the first sheet.

    KitError, naming the target, when an address does not fit a label even at 8 pt.
    """
    sheet = LABEL_SHEETS[paper.name]
    blocks = [_address_block(kit, index, target, sheet) for index, target in postal_targets(kit)]
    slots = [block for block in blocks for _ in range(copies)]
    first = start - 1
    pages: list[list[Item]] = []
    for number, block in enumerate(slots, first):
        if number % sheet.count == 0 or not pages:
            pages.append([])
        x, y = sheet.position(number)
        inner = sheet.label_height - 2 * PAD_Y
        pages[-1].append(TextBox(x + PAD_X, y + PAD_Y + (inner - block.height) / 2, block))
    page_tuple = tuple(Page(sheet.width, sheet.height, tuple(items)) for items in pages)
    return Part("labels", "Address labels", kit.language, page_tuple)


def _address_block(kit: Kit, index: int, target: Target, sheet: LabelSheet) -> Paragraph:
    """The address at the largest size that fits inside the label's padding."""
    width, height = sheet.label_width - 2 * PAD_X, sheet.label_height - 2 * PAD_Y
    text = "\n".join(address_lines(target))
    for size in SIZES:
        block = set_text(text, styles.style(size, leading=1.15), width)
        if block.height <= height and all(line.width <= width + 0.01 for line in block.lines):
            return block
    path = f"targets.{index}.address"
    raise KitError([Problem(mark_for(kit.marks, path), path, (
        f"the address of {' '.join(filter(None, (target.title, target.name)))} does not fit "
        f"on an {sheet.name} label "
        f"even at {SIZES[-1]:g} pt ({len(block.lines)} lines, room for "
        f"{_room(height, block)}); shorten or join its lines"))])


def _room(height: float, block: Paragraph) -> int:
    pitch = block.lines[1].baseline - block.lines[0].baseline if len(block.lines) > 1 else height
    return max(1, int((height - block.lines[0].baseline + pitch) // pitch))
