"""Paper sizes and the envelope window each one is folded into."""

from __future__ import annotations

from dataclasses import dataclass

from .boxes import INCH, MM


@dataclass(frozen=True)
class Window:
    """Where the envelope window shows the letter, from the page's top-left corner."""

    x: float
    y: float
    width: float
    height: float
    return_height: float  # top strip for the sender's return line (0: it takes the window's top)
    inset: float = 0.0  # from the window's left edge to where its text starts


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float
    margin: float
    window: Window
    folds: tuple[float, ...]  # distances of fold marks from the top


# DIN 5008 form B: address field 85 x 45 mm at 20 mm from the left and 45 mm from the top,
# its first 17.7 mm for the return line and notes; it shows through DL and C5/6 windows.
# Its text starts 5 mm in, at the 25 mm left margin of a DIN 5008 letter.
A4 = Paper("a4", 210 * MM, 297 * MM, 12 * MM,
           Window(20 * MM, 45 * MM, 85 * MM, 45 * MM, 17.7 * MM, 5 * MM), (105 * MM, 210 * MM))

# US #10 window envelope: a 4.5 x 1.125 in window 7/8 in from the left and 1/2 in from the
# bottom. Folded in thirds, the letter's top third rests on the envelope's floor, so the window
# shows 2.04 to 3.17 in from the paper's top; sideways the letter may sit centred or against
# one edge, and 0.875 to 4.875 in shows either way. No notes zone: a return line takes the
# window's top; text starts 1 in from the paper's edge, as the letter's own left margin.
LETTER = Paper("letter", 8.5 * INCH, 11 * INCH, 0.45 * INCH,
               Window(0.875 * INCH, 2.04 * INCH, 4.0 * INCH, 1.125 * INCH, 0.0, 0.125 * INCH),
               (11 * INCH / 3, 22 * INCH / 3))

PAPERS = {paper.name: paper for paper in (A4, LETTER)}
