"""Model PDFium's reordering of an extracted line, and the order that makes it read logical text.

PDFium (Chrome's viewer, pypdfium2) takes the characters of a line in the order it collects
them (text objects left to right, each in the order its string is written) as visual order and
reorders them with a simple bidi pass, `CPDF_TextPage::CloseTempLine` (core/fpdftext/
cpdf_textpage.cpp, with `CFX_BidiString` in core/fxcrt/fx_bidi.cpp):

* the line is cut into segments of one class: left (L), weak left (EN, AN, NSM, CS, ES, ET,
  BN), right (R, AL) and neutral (the rest: spaces, brackets, quotes, @);
* the line is right to left when it has at least as many right segments as left ones (and one),
  and then the segments are taken in reverse order;
* a right segment, or a neutral one while the last strong segment was right, is reversed and its
  characters mirrored; every other segment is kept as it is.

`pdfium_order` inverts this: for a line's logical text it gives the order (and the mirroring)
to write its characters in so that PDFium reads back exactly that text. tests/draw checks the
model against PDFium itself, line by line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from ..text.bidi_brackets import OPENING

__all__ = ["mirror", "pdfium_order", "pdfium_reads", "pdfium_reads_right_to_left"]

# PDFium mirrors with Unicode's Bidi_Mirroring_Glyph; these are the pairs kit text may hold
_MIRRORS = {**OPENING, **{close: open_ for open_, close in OPENING.items()},
            "«": "»", "»": "«", "‹": "›", "›": "‹", "<": ">", ">": "<", "≤": "≥", "≥": "≤"}

_LEFT, _WEAK, _RIGHT, _NEUTRAL = "L", "W", "R", "N"
_CLASSES = {"L": _LEFT, "R": _RIGHT, "AL": _RIGHT,
            **dict.fromkeys(("EN", "AN", "NSM", "CS", "ES", "ET", "BN"), _WEAK)}


def mirror(char: str) -> str:
    """The character PDFium shows for `char` in right-to-left text."""
    return _MIRRORS.get(char, char)


def pdfium_reads(written: str) -> str:
    """The text PDFium gives for a line whose characters it collected as `written`."""
    while "  " in written:  # PDFium drops a space after a space
        written = written.replace("  ", " ")
    segments = _segments(written)
    rtl = _right_to_left(segments)
    out = []
    for (start, end, _), reversed_ in _flagged(reversed(segments) if rtl else segments, rtl):
        piece = written[start:end]
        out.append("".join(mirror(c) for c in reversed(piece)) if reversed_ else piece)
    return "".join(out)


def pdfium_order(text: str) -> list[tuple[int, bool]]:
    """(index into `text`, mirrored?) of each character, in the order to write them in.

    Writing text[i] (mirrored where flagged) in this order makes `pdfium_reads` give `text`
    back. The written line has the same segments as `text`, in reverse order when the line is
    right to left, so PDFium takes them in the order of `text`, with the same direction and the
    same segments reversed; each of those is written reversed, so that PDFium restores it.
    """
    segments = _segments(text)
    rtl = _right_to_left(segments)
    pieces = [[(i, True) for i in range(end - 1, start - 1, -1)] if reversed_
              else [(i, False) for i in range(start, end)]
              for (start, end, _), reversed_ in _flagged(segments, rtl)]
    return [pair for piece in (reversed(pieces) if rtl else pieces) for pair in piece]


def pdfium_reads_right_to_left(text: str) -> bool:
    """True if PDFium takes a line holding these characters as right to left."""
    return _right_to_left(_segments(text))


def _flagged(segments: Iterable[tuple[int, int, str]], rtl: bool) -> Iterator[tuple[tuple[int, int, str], bool]]:
    """Each segment, in the order PDFium takes them, with whether PDFium reverses it."""
    current = _RIGHT if rtl else _LEFT
    for segment in segments:
        kind = segment[2]
        if kind == _RIGHT or (kind == _NEUTRAL and current == _RIGHT):
            current = _RIGHT
            yield segment, True
        else:
            if kind != _WEAK:
                current = _LEFT
            yield segment, False


def _segments(text: str) -> list[tuple[int, int, str]]:
    segments: list[tuple[int, int, str]] = []
    for i, char in enumerate(text):
        kind = _CLASSES.get(unicodedata.bidirectional(char), _NEUTRAL)
        if segments and segments[-1][2] == kind:
            segments[-1] = (segments[-1][0], i + 1, kind)
        else:
            segments.append((i, i + 1, kind))
    return segments


def _right_to_left(segments: list[tuple[int, int, str]]) -> bool:
    right = sum(kind == _RIGHT for *_, kind in segments)
    left = sum(kind == _LEFT for *_, kind in segments)
    return right > 0 and right >= left
