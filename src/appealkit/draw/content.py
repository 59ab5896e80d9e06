"""Record what a page draws once per build, and paint it into every document that holds the page."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from .fontembed import FontCodes, FontLike, document_font
from .marks import Mark

__all__ = ["DrawingSession", "PageContent", "collection_paused", "drawing_session", "session_for"]

LinkRect = tuple[float, float, float, float]  # left, bottom, right, top, PDF points


class DrawingSession:
    """What the documents of one build share: each font's codes, and each page as drawn.

    Sharing codes makes a page's content stream the same bytes wherever it appears, so it is
    drawn once; every document maps, per font, only the codes its own pages show, and embeds
    the one subset of the glyphs the session has shown so far.
    """

    def __init__(self) -> None:
        self._fonts: dict[str, FontCodes] = {}
        # id(page) → (page, its content); holding the page keeps its id from being reused
        self.pages: dict[int, tuple[object, PageContent]] = {}

    def font(self, font: FontLike) -> FontCodes:
        """The session's codes for `font`, named AK1, AK2 … in order of first use."""
        found = self._fonts.get(font.postscript_name)
        if found is None:
            name = f"AK{len(self._fonts) + 1}"
            found = self._fonts[font.postscript_name] = FontCodes(font, name)
        return found


class PageContent:
    """Content stream operators, links and font codes of one page (or of one drawn line).

    `ops` holds operator text, or a callable for what must be redone in each document
    (an image is an XObject of the document that shows it).
    """

    def __init__(self, session: DrawingSession) -> None:
        self.session = session
        self.ops: list[str | Callable[[Canvas], None]] = []
        self.links: list[tuple[str, LinkRect]] = []
        self.codes: dict[FontCodes, set[int]] = {}  # codes shown, per font, in order of first use
        self.marks: list[Mark] = []  # tagged boxes, in reading order (see marks.py)

    def font(self, font: FontLike) -> tuple[FontCodes, set[int]]:
        """The session's codes for `font` and the set this content records its shown codes in."""
        codes = self.session.font(font)
        used = self.codes.get(codes)
        if used is None:
            used = self.codes[codes] = set()
        return codes, used

    def finish(self) -> PageContent:
        """Join neighbouring operator texts, so painting appends a few long strings."""
        ops: list[str | Callable[[Canvas], None]] = []
        texts: list[str] = []
        for op in self.ops:
            if isinstance(op, str):
                texts.append(op)
                continue
            if texts:
                ops.append("\n".join(texts))
                texts = []
            ops.append(op)
        if texts:
            ops.append("\n".join(texts))
        self.ops = ops
        return self

    def paint(self, canvas: Canvas, link_entries: Sequence[dict[str, Any]] = ()) -> None:
        """Add the content to the canvas's current page, and its fonts to the canvas's document;
        `link_entries` holds more entries for each link's annotation (structure.py's)."""
        doc = canvas._doc
        if session_for(doc) is not self.session:
            raise ValueError("content drawn in another session: its font codes would not match")
        for op in self.ops:
            if isinstance(op, str):
                canvas.addLiteral(op)
            else:
                op(canvas)
        for codes, used in self.codes.items():
            document_font(doc, codes).used.update(used)
        for index, (url, rect) in enumerate(self.links):
            extra = link_entries[index] if index < len(link_entries) else {}
            canvas.linkURL(url, rect, relative=1, thickness=0, **extra)


_sessions: weakref.WeakKeyDictionary[pdfdoc.PDFDocument, DrawingSession] = (
    weakref.WeakKeyDictionary())
_current: ContextVar[DrawingSession | None] = ContextVar("appealkit_drawing_session", default=None)


def session_for(doc: pdfdoc.PDFDocument) -> DrawingSession:
    """The session a document draws in: the current one (see `drawing_session`) or its own."""
    found = _sessions.get(doc)
    if found is None:
        found = _sessions[doc] = _current.get() or DrawingSession()
    return found


@contextmanager
def drawing_session() -> Iterator[DrawingSession]:
    """Within this block, documents share one session: pages they share are drawn once."""
    session = DrawingSession()
    token = _current.set(session)
    try:
        with collection_paused():
            yield session
    finally:
        _current.reset(token)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while drawing.

    Drawing allocates many small tuples and lists and leaves next to no cycles, but the
    allocations alone trigger full collections, each walking everything the build holds
    (fonts, laid-out glyphs): about 2 ms on the example pack (its first build in a process).
    Refcounting still frees what drawing drops; cycles left behind are collected once the
    collector runs again.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
