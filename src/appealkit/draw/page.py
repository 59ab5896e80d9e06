"""Turn one page's boxes into page content (flipping our top-left origin to PDF's bottom-left)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache, partial, singledispatch
from itertools import groupby

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from ..layout.boxes import ImageBox, Item, Page, QRBox, Rect, Rule, TextBox
from .content import DrawingSession, PageContent
from .glyphs import add_logical_text, add_paragraph, is_reordered
from .marks import ARTIFACT, END, LOGICAL, Mark, figure_bbox, role

__all__ = ["items_content", "page_content"]


def page_content(session: DrawingSession, page: Page, tagged: bool = True) -> PageContent:
    """The page's content, drawn on the session's first request and reused after that
    (`tagged`: see items_content; the same for all of a session's requests)."""
    found = session.pages.get(id(page))
    if found is None:
        content = items_content(session, page.items, page.height, tagged=tagged)
        found = session.pages[id(page)] = (page, content)
    return found[1]


def items_content(session: DrawingSession, items: Sequence[Item], height: float,
                  tagged: bool = False) -> PageContent:
    """The content of `items` on a page `height` points tall, drawn now and not remembered;
    `tagged`: each box in marked content, tagged or an artifact (see marks.py)."""
    content = PageContent(session)
    for item in items:
        if not tagged:
            _draw(item, content, height)
            continue
        mcid = len(content.marks)
        kind = role(item)
        links = len(content.links)
        if kind is not None and isinstance(item, TextBox) and is_reordered(item.paragraph):
            # Right-to-left text is written in the order text extractors want, not in logical
            # order: it is drawn as an artifact, and its logical text is the tagged content
            content.ops.append(ARTIFACT)
            _draw(item, content, height)
            content.ops += [END, LOGICAL.format(mcid=mcid)]
            add_logical_text(content, item.paragraph, item.x, height - item.y)
            content.ops.append(END)
        else:
            content.ops.append(ARTIFACT if kind is None else f"/{kind} <</MCID {mcid}>> BDC")
            _draw(item, content, height)
            content.ops.append(END)
        if kind is not None:
            content.marks.append(Mark(mcid, item, range(links, len(content.links)), kind,
                                      figure_bbox(item, height)))
    return content.finish()


@singledispatch
def _draw(item: Item, content: PageContent, height: float) -> None:
    raise TypeError(f"cannot draw {type(item).__name__}")


# Boxes other than text are drawn by pure functions of the box, cached: a rebuild draws the same.
# Their operators are those ReportLab's Canvas writes for the same calls.

@_draw.register
def _(item: Rect, content: PageContent, height: float) -> None:
    content.ops.append(_rect_ops(item, height))


@lru_cache(maxsize=1024)
def _rect_ops(item: Rect, height: float) -> str:
    ops = ["q"]
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
    return "\n".join(ops)


@_draw.register
def _(item: Rule, content: PageContent, height: float) -> None:
    content.ops.append(_rule_ops(item, height))


@lru_cache(maxsize=1024)
def _rule_ops(item: Rule, height: float) -> str:
    ops = ["q", f"{fp_str(item.color)} RG", f"{fp_str(item.line_width)} w"]
    if item.dash:
        ops.append(f"[{fp_str(item.dash)}] 0 d")
    ops.append(f"n {fp_str(item.x1, height - item.y1)} m {fp_str(item.x2, height - item.y2)} l S")
    ops.append("Q")
    return "\n".join(ops)


@_draw.register
def _(item: TextBox, content: PageContent, height: float) -> None:
    add_paragraph(content, item.paragraph, item.x, height - item.y, item.color)


@_draw.register
def _(item: ImageBox, content: PageContent, height: float) -> None:
    # An image is an XObject of the document showing it, so each document draws it anew
    content.ops.append(partial(_draw_image, item, height))


def _draw_image(item: ImageBox, height: float, canvas: Canvas) -> None:
    image = ImageReader(io.BytesIO(item.data))
    # Without ReportLab's ASCII85 layer, as for pages: smaller, and no pure-Python encoding.
    # ReportLab reads the setting for an image only while drawImage builds it.
    ascii85, rl_config.useA85 = rl_config.useA85, 0
    try:
        if item.clip is not None:
            canvas.saveState()
            x, y, width, clip_height = item.clip
            path = canvas.beginPath()
            path.rect(x, height - y - clip_height, width, clip_height)
            canvas.clipPath(path, stroke=0, fill=0)
        # ReportLab names an image by a digest of its pixels: drawn on four cards, embedded once
        canvas.drawImage(image, item.x, height - item.y - item.height, item.width, item.height,
                         mask="auto", preserveAspectRatio=True)
        if item.clip is not None:
            canvas.restoreState()
    finally:
        rl_config.useA85 = ascii85


@_draw.register
def _(item: QRBox, content: PageContent, height: float) -> None:
    content.ops.append(_qr_ops(item, height))
    y0 = height - item.y - item.size
    content.links.append((item.url, (item.x, y0, item.x + item.size, y0 + item.size)))


@lru_cache(maxsize=16)
def _qr_ops(item: QRBox, height: float) -> str:
    count = len(item.modules)
    unit = item.size / (count + 2 * item.quiet)
    left, top = item.x + item.quiet * unit, item.y + item.quiet * unit
    number = lru_cache(maxsize=None)(fp_str)  # a code has few distinct rows, columns, lengths
    rects = ["n"]  # a new path
    # One rectangle per horizontal run of dark modules keeps the code vector and compact.
    for row, modules in enumerate(item.modules):
        y = number(height - top - (row + 1) * unit)
        column = 0
        for dark, run in groupby(modules):
            length = len(list(run))
            if dark:
                rects.append(f"{number(left + column * unit)} {y} {number(length * unit)} "
                             f"{number(unit)} re")
            column += length
    # As canvas.drawPath(path, stroke=0, fill=1) in black, inside q … Q
    return "\n".join(["q", "0 0 0 rg", " ".join(rects), PATH_OPS[0, 1, FILL_EVEN_ODD], "Q"])
