"""Turn parts of placed pages into one PDF: pages, outline and metadata, byte for byte reproducible."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..layout.boxes import Part
from .glyphs import new_canvas
from .page import draw_page


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str


def render_pdf(parts: Sequence[Part], info: DocumentInfo) -> bytes:
    """One PDF holding `parts` in order, with a bookmark per part."""
    buffer = io.BytesIO()
    first = parts[0].pages[0]
    # invariant=1 fixes the dates and document ID, so the same input gives the same bytes.
    canvas = new_canvas(buffer, (first.width, first.height), pageCompression=1,
                        lang=info.language)
    _set_info(canvas, info)
    for index, part in enumerate(parts):
        key = f"part{index}"
        for number, page in enumerate(part.pages):
            canvas.setPageSize((page.width, page.height))
            if number == 0:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(part.title, key, level=0)
            draw_page(canvas, page)
            canvas.showPage()
    canvas.showOutline()
    canvas.save()
    return buffer.getvalue()


def _set_info(canvas: Any, info: DocumentInfo) -> None:
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setKeywords(", ".join(info.keywords))
    canvas.setCreator("appealkit")
    canvas.setProducer("appealkit")
