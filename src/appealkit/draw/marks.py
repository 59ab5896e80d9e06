"""Mark each box of a page as tagged content (with a marked-content ID) or as an artifact.

Each box's operators are enclosed whole in one marked-content sequence: a paragraph's lines,
with their text groups (BT … ET, written in the order copytext chooses for PDFium) and the
/Span sequences inside them, are never split, so tagging changes nothing a text extractor
reads from the page. IDs count the page's tagged boxes from 0, so a page drawn once serves
every document holding it; each document builds its own structure tree over them
(structure.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.boxes import ImageBox, Item, QRBox, TextBox

__all__ = ["ARTIFACT", "END", "LOGICAL", "Mark", "figure_bbox", "role"]

ARTIFACT = "/Artifact BMC"
END = "EMC"
# Tagged content only readers of tagged content take as text: poppler's text extraction reads
# the empty ActualText instead, PDFium skips glyphs without width (glyphs.add_logical_text)
LOGICAL = "/Span <</MCID {mcid} /ActualText ()>> BDC"


@dataclass(frozen=True, eq=False)
class Mark:
    """A tagged box of a page: its marked-content ID and the links its content added (equal
    only to itself: comparing boxes would compare their glyphs)."""

    mcid: int
    item: Item
    links: range  # indexes into the page content's links
    kind: str  # its structure type (see `role`)
    bbox: tuple[float, float, float, float] | None = None  # a figure's, PDF user space


def figure_bbox(item: Item, height: float) -> tuple[float, float, float, float] | None:
    """Where a figure shows on a page `height` points tall (left, bottom, right, top; an
    image's crop where it has one), for its element's /BBox; None for other boxes."""
    if isinstance(item, QRBox):
        x, y, width, box_height = item.x, item.y, item.size, item.size
    elif isinstance(item, ImageBox):
        x, y, width, box_height = item.clip or (item.x, item.y, item.width, item.height)
    else:
        return None
    return (x, height - y - box_height, x + width, height - y)


def role(item: Item) -> str | None:
    """The structure type of a box's content, or None for decoration (an artifact): its
    operators are opened by `/<type> <</MCID n>> BDC`, or by ARTIFACT, and closed by END."""
    if isinstance(item, TextBox):
        return None if item.tag == "Artifact" else item.tag
    if isinstance(item, QRBox):
        return None if item.copy else "Figure"
    if isinstance(item, ImageBox) and item.alt:
        return "Figure"
    return None  # rectangles, rules, images without alternative text
