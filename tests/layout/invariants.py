"""Layout invariants read back from a built PDF's bytes: no text drawn over text, every
character inside the page's printable margins, and a text inside its area (the address in
the envelope window). Each check returns what it found wrong, one
line per finding, so that a test can assert `== []` and show them all.

How text over text is told apart from what type legitimately does. PDFium gives each character
(one per glyph cluster, see draw/glyphs.py) its ink box, its baseline and the text object it
was drawn in; appealkit draws each glyph run (one font, one baseline) as one text object. Two
characters of the same run are never compared: how a run's glyphs sit together is the shaper's
business, and Nastaliq's do overlap (a word cascades, its swashes reach under the next word).
Two characters of different runs are text over text when:

- their baselines differ (two lines) and one's box reaches across the other's baseline, where
  their boxes share more than TOLERANCE of width. The text engine never allows this between
  its lines (their ink is kept CLEARANCE from the neighbour's baseline, as PDFium also needs
  to keep copied lines apart), and letters that overprint always do it: a line's ink sits on
  its baseline. It holds for Nastaliq, whose ink boxes (tall kaf, deep ye) do overlap the
  boxes of the lines around them, by up to a quarter of an em, while the ink does not touch;
- their baselines differ, neither is Arabic-script, and their boxes overlap by more than
  TOLERANCE both across and down. Latin, Devanagari and digit boxes fit their ink closely, and
  the example's pages have no such overlap at all, so any is ink on ink;
- they share a baseline (a line set in runs, or two boxes side by side) and their boxes share
  more than TOLERANCE of width; or, where one of them is Arabic-script, more than
  ARABIC_OVERHANG of an em: a Nastaliq kaf's stroke overhangs the next run of its own line
  (0.12 em in the example's Urdu letter, beside a number).

The printable margin is PRINTABLE_MARGIN (5 mm) on every side: office and home printers do not
print nearer than about 4.2 to 5 mm to the edge, and a character there is lost.
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass
from itertools import combinations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MM = 72 / 25.4
PRINTABLE_MARGIN = 5 * MM
TOLERANCE = 0.5  # points: rounding of positions and antialiasing, far below a stroke's width
ARABIC_OVERHANG = 0.25  # em
SAME_BASELINE = 0.5  # points: runs whose baselines are this close are on one line


@dataclass(frozen=True)
class Char:
    """A character as PDFium reads it: its ink box, in points with y up, and where it was drawn."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    baseline: float
    size: float
    run: int  # the text object it was drawn in: one glyph run

    @property
    def arabic(self) -> bool:
        return unicodedata.name(self.text, "").startswith(("ARABIC", "URDU"))

    def where(self) -> str:
        return f"{self.text!r} at ({self.left:.1f}, {self.bottom:.1f})"


@dataclass(frozen=True)
class PageChars:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]


def read_pages(pdf: bytes) -> list[PageChars]:
    """Every page's visible characters (not spaces, not those PDFium adds between words)."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [_page_chars(document[i], i + 1) for i in range(len(document))]
    finally:
        document.close()


def _page_chars(page: pdfium.PdfPage, number: int) -> PageChars:
    textpage = page.get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
            continue
        text = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
        left, bottom, right, top = textpage.get_charbox(i)
        if text.isspace() or right - left <= 0 or top - bottom <= 0:
            continue
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        run = ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage.raw, i), ctypes.c_void_p).value
        chars.append(Char(text, left, bottom, right, top, y.value,
                          pdfium_c.FPDFText_GetFontSize(textpage.raw, i), run or 0))
    width, height = page.get_size()
    return PageChars(number, width, height, tuple(chars))


def outside_margins(pdf: bytes, margin: float = PRINTABLE_MARGIN) -> list[str]:
    """Characters nearer than `margin` to an edge of their page."""
    found = []
    for page in read_pages(pdf):
        for c in page.chars:
            if (c.left < margin or c.bottom < margin or c.right > page.width - margin
                    or c.top > page.height - margin):
                found.append(f"page {page.number}: {c.where()} is within {margin / MM:.0f} mm "
                             f"of the edge of a {page.width:.0f} x {page.height:.0f} pt page")
    return found


def text_over_text(pdf: bytes) -> list[str]:
    """Characters of different runs drawn over each other (see the module's docstring)."""
    found = []
    for page in read_pages(pdf):
        runs: dict[int, list[Char]] = {}
        for c in page.chars:
            runs.setdefault(c.run, []).append(c)
        boxes = {run: _union(chars) for run, chars in runs.items()}
        for a, b in combinations(runs, 2):
            if _overlap(boxes[a], boxes[b]) is None:
                continue  # only runs whose boxes meet can hold characters that do
            for p in runs[a]:
                for q in runs[b]:
                    problem = _collision(p, q)
                    if problem:
                        found.append(f"page {page.number}: {problem} "
                                     f"(runs {_text(runs[a])!r} and {_text(runs[b])!r})")
                        break
                else:
                    continue
                break  # one finding per pair of runs is enough to read
    return found


def outside_area(pdf: bytes, first: str, last: str, area: tuple[float, float, float, float],
                 page: int = 1) -> list[str]:
    """Characters of the text from `first` to the end of `last` on `page` (1-based) that lie
    outside `area`: (left, top, right, bottom) in points from the page's top-left corner, as
    layouts measure; an envelope window, say. A missing text is a finding too."""
    document = pdfium.PdfDocument(pdf)
    try:
        height = document[page - 1].get_size()[1]
        textpage = document[page - 1].get_textpage()
        text = textpage.get_text_range()
        start = text.find(first)
        end = text.find(last, max(start, 0))
        if start < 0 or end < start:
            return [f"page {page}: {first!r} … {last!r} not found in that order"]
        left, top, right, bottom = area
        found = []
        for i in range(start, end + len(last)):
            x0, y0, x1, y1 = textpage.get_charbox(i)
            if text[i].isspace() or x1 <= x0:
                continue
            if x0 < left or x1 > right or height - y1 < top or height - y0 > bottom:
                found.append(f"page {page}: {text[i]!r} at ({x0:.1f}, {height - y1:.1f}) from "
                             f"the top left is outside ({left:.1f}, {top:.1f}, {right:.1f}, "
                             f"{bottom:.1f})")
        return found
    finally:
        document.close()


def check_pdf(pdf: bytes) -> list[str]:
    """Every invariant on every page of `pdf`: text over text, text outside the margins."""
    return text_over_text(pdf) + outside_margins(pdf)


def _collision(p: Char, q: Char) -> str | None:
    overlap = _overlap((p.left, p.bottom, p.right, p.top), (q.left, q.bottom, q.right, q.top))
    if overlap is None:
        return None
    across, down = overlap
    if abs(p.baseline - q.baseline) <= SAME_BASELINE:
        allowed = ARABIC_OVERHANG * max(p.size, q.size) if p.arabic or q.arabic else TOLERANCE
        if across > allowed and down > TOLERANCE:
            return f"{p.where()} and {q.where()} on one baseline overlap by {across:.1f} pt"
        return None
    if across <= TOLERANCE:
        return None
    for r, s in ((p, q), (q, p)):
        if r.bottom + TOLERANCE < s.baseline < r.top - TOLERANCE:
            return f"{r.where()} reaches across the baseline of {s.where()}"
    if not (p.arabic or q.arabic) and down > TOLERANCE:
        return f"{p.where()} and {q.where()} overlap by {across:.1f} x {down:.1f} pt"
    return None


def _overlap(a: tuple[float, float, float, float],
             b: tuple[float, float, float, float]) -> tuple[float, float] | None:
    """(across, down) shared by two (left, bottom, right, top) boxes; None if they do not meet."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    return (across, down) if across > 0 and down > 0 else None


def _union(chars: list[Char]) -> tuple[float, float, float, float]:
    return (min(c.left for c in chars), min(c.bottom for c in chars),
            max(c.right for c in chars), max(c.top for c in chars))


def _text(chars: list[Char], length: int = 30) -> str:
    text = "".join(c.text for c in chars)
    return text if len(text) <= length else text[:length] + "…"
