"""Draw one page's boxes on a ReportLab canvas (flipping our top-left origin to PDF's bottom-left)."""

from __future__ import annotations

import io
from functools import singledispatch
from itertools import groupby

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..layout.boxes import ImageBox, Item, Page, QRBox, Rect, Rule, TextBox
from .glyphs import draw_paragraph


def draw_page(canvas: Canvas, page: Page) -> None:
    for item in page.items:
        _draw(item, canvas, page.height)


@singledispatch
def _draw(item: Item, canvas: Canvas, height: float) -> None:
    raise TypeError(f"cannot draw {type(item).__name__}")


@_draw.register
def _(item: Rect, canvas: Canvas, height: float) -> None:
    canvas.saveState()
    if item.fill:
        canvas.setFillColorRGB(*item.fill)
    if item.stroke:
        canvas.setStrokeColorRGB(*item.stroke)
        canvas.setLineWidth(item.line_width)
    y = height - item.y - item.height
    stroke, fill = int(item.stroke is not None), int(item.fill is not None)
    if item.radius:
        canvas.roundRect(item.x, y, item.width, item.height, item.radius, stroke, fill)
    else:
        canvas.rect(item.x, y, item.width, item.height, stroke, fill)
    canvas.restoreState()


@_draw.register
def _(item: Rule, canvas: Canvas, height: float) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*item.color)
    canvas.setLineWidth(item.line_width)
    if item.dash:
        canvas.setDash(list(item.dash))
    canvas.line(item.x1, height - item.y1, item.x2, height - item.y2)
    canvas.restoreState()


@_draw.register
def _(item: TextBox, canvas: Canvas, height: float) -> None:
    draw_paragraph(canvas, item.paragraph, item.x, height - item.y, item.color)


@_draw.register
def _(item: ImageBox, canvas: Canvas, height: float) -> None:
    image = ImageReader(io.BytesIO(item.data))
    canvas.drawImage(image, item.x, height - item.y - item.height, item.width, item.height,
                     mask="auto", preserveAspectRatio=True)


@_draw.register
def _(item: QRBox, canvas: Canvas, height: float) -> None:
    count = len(item.modules)
    unit = item.size / (count + 2 * item.quiet)
    left, top = item.x + item.quiet * unit, item.y + item.quiet * unit
    path = canvas.beginPath()
    # One rectangle per horizontal run of dark modules keeps the code vector and compact.
    for row, modules in enumerate(item.modules):
        column = 0
        for dark, run in groupby(modules):
            length = len(list(run))
            if dark:
                y = height - top - (row + 1) * unit
                path.rect(left + column * unit, y, length * unit, unit)
            column += length
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    y0 = height - item.y - item.size
    canvas.linkURL(item.url, (item.x, y0, item.x + item.size, y0 + item.size), relative=0)
