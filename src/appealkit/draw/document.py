"""Turn parts of placed pages into a PDF: pages, outline and metadata, byte for byte reproducible."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..layout.boxes import Part
from .content import collection_paused, session_for
from .fontembed import FLATE
from .glyphs import new_canvas
from .page import page_content
from .pdfa import add_metadata, make_pdfa
from .structure import StructureBuilder

# Every PDF is tagged (structure.py). False writes them as before tagging (no marked content,
# structure tree or XMP) for benchmarks/bench_tagging.py, which measures what tagging costs:
# an internal switch, not an option.
TAGGED = True


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str
    pdfa: bool = False  # PDF/A-2u (see pdfa.py)


def render_pdf(parts: Sequence[Part], info: DocumentInfo) -> bytes:
    """One PDF holding `parts` in order, with a bookmark per part.

    Within `drawing_session()`, PDFs share the drawing of the pages they have in common.
    """
    with collection_paused():
        return _render(parts, info)


def _render(parts: Sequence[Part], info: DocumentInfo) -> bytes:
    buffer = io.BytesIO()
    first = parts[0].pages[0]
    # invariant=1 fixes the dates and document ID, so the same input gives the same bytes.
    canvas = new_canvas(buffer, (first.width, first.height), pageCompression=0,
                        lang=info.language)
    # pageCompression=0 drops ReportLab's ASCII85 layer over Flate, which makes pages a quarter
    # bigger and, without ReportLab's C accelerator, is slow pure Python; the default filter
    # then compresses them, once for a page that several documents of a build hold.
    canvas._doc.defaultStreamFilters = [FLATE]
    session = session_for(canvas._doc)
    _set_info(canvas, info)
    structure = StructureBuilder(canvas, info.language) if TAGGED else None
    for index, part in enumerate(parts):
        if structure is not None:
            structure.start_part(part)
        key = f"part{index}"
        for number, page in enumerate(part.pages):
            canvas.setPageSize((page.width, page.height))
            if number == 0:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(part.title, key, level=0)
            if structure is not None:
                structure.paint(page_content(session, page))
            else:
                page_content(session, page, tagged=False).paint(canvas)
            canvas.showPage()
    canvas.showOutline()
    if structure is not None:
        structure.finish()
    if info.pdfa:
        make_pdfa(canvas, info.language)
    elif structure is not None:
        add_metadata(canvas, info.language)
    canvas.save()
    return buffer.getvalue()


def _set_info(canvas: Any, info: DocumentInfo) -> None:
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setKeywords(", ".join(info.keywords))
    canvas.setCreator("appealkit")
    canvas.setProducer("appealkit")
