"""Choose the text each drawn glyph carries so that copy and paste gives logical order.

PDF text extractors do not read logical order from the file: they collect characters in the
order they are written, group them into lines and words by position, and run their own, simpler
bidi reordering on each line, taking what they got as visual order. Poppler (pdftotext, Evince)
and PDFium (Chrome, pypdfium2) reorder differently, and this module feeds both what they expect:

* a right-to-left cluster's characters are stored in visual order (both reverse them back);
* poppler lets a space beside a digit or a comma (،) join the left-to-right section around it,
  so such a space carries a RIGHT-TO-LEFT MARK on its logical end;
* a run against the paragraph's direction (English in Urdu) is bracketed by invisible marks of
  the paragraph's direction, so that neither extractor pulls neighbouring spaces or brackets
  into it.

Known limit: PDFium splits a line at neutral characters (. @ , space) and, in a right-to-left
line, reverses the order of the pieces, so an address such as secretary@interior.gov.pk inside
Urdu comes out as pk.gov.interior@secretary. Writing the pieces in reverse order fixes PDFium
but makes poppler break the line apart (tried; poppler's CER went from 0.4% to 49%).
PDFium also mirrors brackets in right-to-left text, taking the glyph for the character;
ToUnicode keeps the logical character, which poppler wants. And in a left-to-right line PDFium
reverses each right-to-left word but not the order of the words, so an Urdu phrase inside
English comes out word-reversed (reordering the writing for PDFium again breaks poppler).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..text.types import Direction, Glyph, GlyphRun

__all__ = ["LRM", "RLM", "cluster_text", "direction_mark"]

RLM = "\u200f"  # RIGHT-TO-LEFT MARK: invisible, strongly right-to-left
LRM = "\u200e"  # LEFT-TO-RIGHT MARK


def cluster_text(run: GlyphRun, cluster: Sequence[Glyph]) -> str:
    """The text a cluster's PDF character maps to through ToUnicode."""
    text = cluster[0].text if len(cluster) == 1 else "".join([g.text for g in cluster])
    if run.direction is not Direction.RTL:
        return text
    if text == " " and _beside_number_or_latin(run.text, cluster[0].cluster):
        text = RLM + " "
    return text[::-1]


def _beside_number_or_latin(text: str, index: int) -> bool:
    """True if a letter next to text[index] is one poppler sets left to right.

    Poppler's reordering joins a space to a left-to-right section beside it: Latin letters,
    digits and the number separators (the Arabic comma ، among them). Brackets, quotes and
    combining marks (zer in وزیرِ) follow the right-to-left text, so spaces beside them need
    no mark; a mark is looked past to the letter it sits on.
    """
    return any(c and unicodedata.bidirectional(c) in _POPPLER_LTR
               for c in (_letter(text, index - 1, -1), _letter(text, index + 1, 1)))


_POPPLER_LTR = ("L", "EN", "AN", "CS", "ES", "ET")


def _letter(text: str, index: int, step: int) -> str:
    """The first character from text[index] in direction `step` that is not a combining mark."""
    while 0 <= index < len(text) and unicodedata.bidirectional(text[index]) == "NSM":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def direction_mark(base: Direction) -> str:
    """The invisible mark that brackets a run set against the paragraph's direction `base`."""
    return RLM if base is Direction.RTL else LRM
