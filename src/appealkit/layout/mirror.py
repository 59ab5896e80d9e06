"""Mirror a laid-out page left to right: a fact sheet in a right-to-left language is laid
out as in English, then turned over, so that it reads from the right.

Only positions change: paragraphs set right to left stay right-aligned in their boxes, and
pictures (a logo, the QR code) are moved, never flipped.
"""

from __future__ import annotations

from dataclasses import replace

from .boxes import ImageBox, Item, Page, QRBox, Rect, Rule, TextBox

__all__ = ["mirror_item", "mirror_page"]


def mirror_page(page: Page) -> Page:
    """The page with every item moved to the other side of its vertical centre line."""
    return replace(page, items=tuple(mirror_item(item, page.width) for item in page.items))


def mirror_item(item: Item, width: float) -> Item:
    """`item` on a page `width` points wide, moved so that its left edge becomes its right."""
    if isinstance(item, TextBox):
        return replace(item, x=width - item.x - item.paragraph.width)
    if isinstance(item, Rule):
        return replace(item, x1=width - item.x1, x2=width - item.x2)
    if isinstance(item, QRBox):
        return replace(item, x=width - item.x - item.size)
    if isinstance(item, ImageBox) and item.clip is not None:
        # A cropped photo: its frame moves, and the photo keeps its place in the frame (the
        # part `focus` chose stays in view)
        x, y, w, h = item.clip
        moved = width - x - w
        return replace(item, x=moved + (item.x - x), clip=(moved, y, w, h))
    if isinstance(item, (Rect, ImageBox)):
        return replace(item, x=width - item.x - item.width)
    raise TypeError(f"cannot mirror {type(item).__name__}")
