"""Turn one page's boxes into page content (flipping our top-left origin to PDF's bottom-left)."""

from __future__ import annotations

import io
from functools import partial, singledispatch
from itertools import groupby

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from ..layout.boxes import ImageBox, Item, Page, QRBox, Rect, Rule, TextBox
from .content import DrawingSession, PageContent
from .glyphs import add_paragraph

__all__ = ["page_content"]


def page_content(session: DrawingSession, page: Page) -> PageContent:
    """The page's content, drawn on the session's first request and reused after that."""
    found = session.pages.get(id(page))
    if found is None:
        content = PageContent(session)
        for item in page.items:
            _draw(item, content, page.height)
        found = session.pages[id(page)] = (page, content.finish())
    return found[1]


@singledispatch
def _draw(item: Item, content: PageContent, height: float) -> None:
    raise TypeError(f"cannot draw {type(item).__name__}")


# The operators below are those ReportLab's Canvas writes for the same calls.

@_draw.register
def _(item: Rect, content: PageContent, height: float) -> None:
    ops = content.ops
    ops.append("q")
    if item.fill:
        ops.append(f"{fp_str(item.fill)} rg")
    if item.stroke:
        ops.append(f"{fp_str(item.stroke)} RG")
        ops.append(f"{fp_str(item.line_width)} w")
    y = height - item.y - item.height
    paint = PATH_OPS[int(item.stroke is not None), int(item.fill is not None), FILL_EVEN_ODD]
    if item.radius:
        PDFPathObject(code=ops).roundRect(item.x, y, item.width, item.height, item.radius)
        ops.append(paint)
    else:
        ops.append(f"n {fp_str(item.x, y, item.width, item.height)} re {paint}")
    ops.append("Q")


@_draw.register
def _(item: Rule, content: PageContent, height: float) -> None:
    ops = content.ops
    ops.append("q")
    ops.append(f"{fp_str(item.color)} RG")
    ops.append(f"{fp_str(item.line_width)} w")
    if item.dash:
        ops.append(f"[{fp_str(item.dash)}] 0 d")
    ops.append(f"n {fp_str(item.x1, height - item.y1)} m {fp_str(item.x2, height - item.y2)} l S")
    ops.append("Q")


@_draw.register
def _(item: TextBox, content: PageContent, height: float) -> None:
    add_paragraph(content, item.paragraph, item.x, height - item.y, item.color)


@_draw.register
def _(item: ImageBox, content: PageContent, height: float) -> None:
    # An image is an XObject of the document showing it, so each document draws it anew
    content.ops.append(partial(_draw_image, item, height))


def _draw_image(item: ImageBox, height: float, canvas: Canvas) -> None:
    image = ImageReader(io.BytesIO(item.data))
    canvas.drawImage(image, item.x, height - item.y - item.height, item.width, item.height,
                     mask="auto", preserveAspectRatio=True)


@_draw.register
def _(item: QRBox, content: PageContent, height: float) -> None:
    count = len(item.modules)
    unit = item.size / (count + 2 * item.quiet)
    left, top = item.x + item.quiet * unit, item.y + item.quiet * unit
    path = PDFPathObject()
    # One rectangle per horizontal run of dark modules keeps the code vector and compact.
    for row, modules in enumerate(item.modules):
        column = 0
        for dark, run in groupby(modules):
            length = len(list(run))
            if dark:
                y = height - top - (row + 1) * unit
                path.rect(left + column * unit, y, length * unit, unit)
            column += length
    content.ops += ["q", "0 0 0 rg", path.getCode(), PATH_OPS[0, 1, FILL_EVEN_ODD], "Q"]
    y0 = height - item.y - item.size
    content.links.append((item.url, (item.x, y0, item.x + item.size, y0 + item.size)))
