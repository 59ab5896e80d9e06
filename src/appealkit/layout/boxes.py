"""Placed boxes: what a laid-out page holds, in PDF points with the origin at the page's top left."""

from __future__ import annotations

from dataclasses import dataclass

from ..text.types import Paragraph

MM = 72 / 25.4  # one millimetre in points; every length here is in points
INCH = 72.0

Color = tuple[float, float, float]  # RGB, 0..1

BLACK: Color = (0.0, 0.0, 0.0)
WHITE: Color = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Cell:
    """A text box's place in a table (tagged PDF): its row, its first column (both from 0, as
    drawn) and how many columns it spans; a header cell also says what it heads, "Column" or
    "Row". The structure has a row for each row holding a cell box, with every column: those
    no box fills are empty data cells."""

    row: int
    column: int
    span: int = 1
    scope: str | None = None


@dataclass(frozen=True)
class TextBox:
    """A set paragraph whose box has its top-left corner at (x, y)."""

    x: float
    y: float
    paragraph: Paragraph
    color: Color = BLACK
    # Its role in the PDF's structure (see draw/structure.py): P, H1, H2, Lbl and LBody (a
    # list item's label and body: neighbours form one list), TH and TD (a table's header and
    # data cells, with their `cell`: neighbours form one table), or Artifact for decoration
    tag: str = "P"
    lang: str | None = None  # BCP 47, when it is not its part's language
    cell: Cell | None = None  # for TH and TD


@dataclass(frozen=True)
class Rect:
    """A rectangle, decoration (an Artifact in tagged PDF) as rules are."""

    x: float
    y: float
    width: float
    height: float
    fill: Color | None = None
    stroke: Color | None = None
    line_width: float = 0.5
    radius: float = 0.0


@dataclass(frozen=True)
class Rule:
    """A straight line from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: Color = BLACK
    line_width: float = 0.5
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class QRBox:
    """A QR code drawn as vector modules; `modules` has no quiet zone, the box includes it."""

    x: float
    y: float
    size: float  # side of the whole box, quiet zone included
    modules: tuple[tuple[bool, ...], ...]
    quiet: int  # quiet zone in modules, on every side
    url: str  # the box is also a link to it
    alt: str | None = None  # alternative text; None: "QR code: opens <url>"
    # A copy (of a card on a sheet): its drawing is an artifact in tagged PDF, its link one
    # more annotation of the first's Link element
    copy: bool = False


@dataclass(frozen=True)
class ImageBox:
    x: float
    y: float
    width: float
    height: float
    data: bytes  # PNG or JPEG file contents
    # Only the part inside (x, y, width, height) shows: a photo cropped to its frame
    clip: tuple[float, float, float, float] | None = None
    alt: str | None = None  # alternative text; None: decoration (an Artifact in tagged PDF)


Item = TextBox | Rect | Rule | QRBox | ImageBox


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Part:
    """One part of the pack: written alone as `<name>.pdf` and bookmarked in pack.pdf."""

    name: str  # file name stem: fact-sheet, letter-en
    title: str  # bookmark title
    language: str
    pages: tuple[Page, ...]
    holds: tuple[str, ...] = ()  # other parts printed in this one (a short background)
