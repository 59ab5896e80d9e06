"""Set a markup text's blocks for a column: paragraphs, and list items as a paragraph indented
for a marker (`•`, `2.`, `۲۔` in Urdu) hung beside its first line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..markup import Block
from ..text import measure
from ..text.types import Align, Paragraph, Span, TextStyle
from .flow import Hang, set_text
from .locale import to_digits

__all__ = ["ITEM_GAP", "marker_text", "set_blocks"]

BULLET = "\u2022"
ITEM_GAP = 0.25  # ems between two items of a list; a paragraph's own gap follows the last
_MARKER_SPACE = 0.45  # ems between a marker and its item's text


def marker_text(block: Block, language: str, bracketed: bool = False) -> str:
    """`•` for a bulleted item; the number in the language's digits, with its full stop
    (Urdu writes `۲۔`), for a numbered one, or in brackets (`[2]`, a reference)."""
    if block.number is None:
        return BULLET
    number = to_digits(str(block.number), language)
    if bracketed:
        return f"[{number}]"
    return number + ("\u06d4" if language.split("-")[0] == "ur" else ".")


def set_blocks(blocks: Sequence[Block], style: TextStyle, width: float, gap: float, *,
               bracketed: bool = False) -> list[tuple[Paragraph, float, Hang | None]]:
    """(paragraph, gap after it, marker or None) for each block, set `width` wide; a list's
    items share one indent, as wide as its widest marker and a space. `bracketed` numbers
    items `[1]`, as references."""
    indent = _indent(blocks, style, bracketed)
    marker_style = replace(style, align=Align.END)
    out: list[tuple[Paragraph, float, Hang | None]] = []
    for n, block in enumerate(blocks):
        if not block.is_item:
            out.append((set_text(list(block.spans), style, width), gap, None))
            continue
        text = set_text(list(block.spans), style, width - indent)
        marker = set_text(marker_text(block, style.language, bracketed), marker_style,
                          indent - _MARKER_SPACE * style.size)
        follows = n + 1 < len(blocks) and blocks[n + 1].is_item
        out.append((text, min(gap, ITEM_GAP * style.size) if follows else gap, Hang(marker, indent)))
    return out


def _indent(blocks: Sequence[Block], style: TextStyle, bracketed: bool) -> float:
    markers = {marker_text(b, style.language, bracketed) for b in blocks if b.is_item}
    if not markers:
        return 0.0
    widest = max(measure([Span(m)], style) for m in markers)
    return max(1.2 * style.size, widest + _MARKER_SPACE * style.size)
