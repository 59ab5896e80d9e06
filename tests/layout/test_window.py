"""The recipient's address shows through the envelope window on both paper sizes."""

from __future__ import annotations

import pytest
from pdfutil import char_boxes

from appealkit.layout.boxes import INCH, MM
from appealkit.layout.paper import PAPERS

ADDRESS = ["Syed Mohsin Raza Naqvi", "Minister of Interior", "4th Floor, R Block, Pak Secretariat",
           "Constitution Ave, G-5/1", "Islamabad", "PAKISTAN"]


def _window(paper: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in points from the page's top-left corner."""
    if paper == "a4":  # DIN 5008 form B address zone, below the 17.7 mm note zone
        return 20 * MM, 62.7 * MM, 105 * MM, 90 * MM
    # US #10: the part of the window a letter folded in thirds shows whichever way it slides
    return 0.875 * INCH, 2.04 * INCH, 4.875 * INCH, 3.165 * INCH


@pytest.mark.parametrize("letter", ["letter-en.pdf", "letter-ur.pdf"])
def test_address_lies_inside_the_window(pack: dict, letter: str) -> None:
    paper = PAPERS[pack["paper"]]
    left, top, right, bottom = _window(pack["paper"])
    for line in ADDRESS:
        for x0, y0, x1, y1 in char_boxes(pack["files"][letter], line):
            assert left <= x0 and x1 <= right, (line, x0, x1)
            assert top <= paper.height - y1 and paper.height - y0 <= bottom, (line, y0, y1)


def test_address_is_in_reading_order_top_to_bottom(pack: dict) -> None:
    tops = [char_boxes(pack["files"]["letter-en.pdf"], line)[0][3] for line in ADDRESS]
    assert tops == sorted(tops, reverse=True)
