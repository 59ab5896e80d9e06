"""The Urdu letter's line pitch, measured from the built PDFs (issue 14): one fixed pitch through
the body, paragraph breaks half a line more, the salutation directly above the body, space above
the closing, and a second page that carries whole paragraphs with the closing."""

from __future__ import annotations

import re
import statistics
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE
from pdfutil import page_count, text_lines

from appealkit.layout.paper import PAPERS
from appealkit.layout.styles import NASTALIQ_PITCH

SIZE = 14.0  # the example's Urdu body size
TOLERANCE = 0.75  # points: a gap this close to the pitch counts as the pitch


def _plain(text: str) -> str:
    text = re.sub("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]", "", text).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


@cache
def _letter() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["letters"]["ur"]


@cache
def _openings() -> tuple[str, ...]:
    """The first words of each paragraph of the body, as text extraction gives them."""
    return tuple(_plain(p.replace("**", ""))[:15] for p in _letter()["body"].split("\n\n"))


def _lines(path: Path) -> list[tuple[int, float, str]]:
    """(page, baseline, text) of the salutation, the body lines and the closing, in order."""
    found = []
    for page in range(page_count(path)):
        for top, size, text in text_lines(path, page):
            text = _plain(text)
            if text.startswith(("محترم", _letter()["closing"])):
                found.append((page, top, text))
            elif abs(size - SIZE) < 0.01 and found and not found[-1][2].startswith("وال"):
                found.append((page, top, text))  # after the salutation, before the closing
    return found


def _gaps(path: Path) -> tuple[list[float], list[float]]:
    """(gaps between the lines of one paragraph, gaps at paragraph breaks) of the body, each
    between two lines of one page."""
    lines = _lines(path)[1:-1]
    inside, breaks = [], []
    for (page, top, _), (next_page, next_top, text) in pairwise(lines):
        if page == next_page:
            (breaks if text.startswith(_openings()) else inside).append(next_top - top)
    return inside, breaks


def _pieces(path: Path) -> list[tuple[int, int, int]]:
    """(paragraph, page, lines) of each piece of a body paragraph on a page, in order."""
    pieces: list[tuple[int, int, int]] = []
    paragraph = -1
    for page, _, text in _lines(path)[1:-1]:
        if text.startswith(_openings()):
            paragraph += 1
        if pieces and pieces[-1][:2] == (paragraph, page):
            pieces[-1] = (paragraph, page, pieces[-1][2] + 1)
        else:
            pieces.append((paragraph, page, 1))
    return pieces


def test_body_lines_keep_one_pitch(pack: dict) -> None:
    inside, breaks = _gaps(pack["files"]["letter-ur.pdf"])
    pitch = statistics.median(inside)
    assert pitch == pytest.approx(NASTALIQ_PITCH * SIZE, abs=0.01)
    off = [gap for gap in inside if abs(gap - pitch) > TOLERANCE]
    assert len(off) <= 0.1 * len(inside), off
    assert len(inside) > 20 and len(breaks) >= 2


def test_paragraph_breaks_are_half_a_line_larger(pack: dict) -> None:
    inside, breaks = _gaps(pack["files"]["letter-ur.pdf"])
    pitch = statistics.median(inside)
    assert all(gap >= 1.5 * pitch - 0.01 for gap in breaks), breaks


def test_salutation_stands_directly_above_the_body(pack: dict) -> None:
    path = pack["files"]["letter-ur.pdf"]
    (page, salutation, _), (body_page, first, text) = _lines(path)[:2]
    assert text.startswith(_openings()[0]) and page == body_page == 0
    assert first - salutation == pytest.approx(1.5 * NASTALIQ_PITCH * SIZE, abs=0.01)
    window = PAPERS[pack["paper"]].window
    assert salutation > window.y + window.height  # below the envelope window, not beside it
    between = [top for top, _, _ in text_lines(path, 0) if salutation < top < first]
    assert not between


def test_closing_has_a_blank_line_above_it(pack: dict) -> None:
    (page, last, _), (closing_page, closing, text) = _lines(pack["files"]["letter-ur.pdf"])[-2:]
    assert text.startswith(_letter()["closing"]) and page == closing_page
    assert closing - last >= 2 * NASTALIQ_PITCH * SIZE - 0.01


def test_second_page_carries_whole_paragraphs_and_no_line_stands_alone(pack: dict) -> None:
    """Never a tail on the last page, never one or two lines of a paragraph alone at the foot
    or the head of a page."""
    path = pack["files"]["letter-ur.pdf"]
    lines = _lines(path)
    last_page = lines[-1][0]
    assert last_page == 1
    on_last = [text for page, _, text in lines[1:-1] if page == last_page]
    assert sum(text.startswith(_openings()) for text in on_last) >= 2
    assert lines[-2][0] == last_page  # the closing follows body text on its page
    pieces = _pieces(path)
    assert [p for p, _, _ in pieces] == sorted(p for p, _, _ in pieces)  # in order
    assert {p for p, _, _ in pieces} == set(range(len(_openings())))  # every paragraph
    for (paragraph, _, count), (following, _, rest) in pairwise(pieces):
        if paragraph == following:  # split between pages
            assert count >= 3 and rest >= 3, pieces


def test_letter_measures_fail_on_uneven_lines() -> None:
    """The pitch test can fail: gaps spread as the ink-spaced letter's were (18 to 27 pt)."""
    inside = [20.7, 23.5, 18.1, 23.7, 20.3, 20.1, 20.2, 21.0, 23.1, 23.0, 19.2, 27.2, 24.2]
    pitch = statistics.median(inside)
    assert len([g for g in inside if abs(g - pitch) > TOLERANCE]) > 0.1 * len(inside)


def test_nastaliq_pitch_is_what_almost_every_line_pair_needs() -> None:
    """NASTALIQ_PITCH derives from the font's ink: set with no leading, each pair of lines of
    Urdu prose sits as close as its ink allows. At 11 to 14 pt and 200 to 480 pt wide, 98 in
    100 pairs need no more than the pitch (the ink raises the others), and the pitch is no more
    than a tenth of an em above what they need."""
    from appealkit.layout.styles import style
    from appealkit.markup import parse_paragraphs
    from appealkit.text import set_paragraph
    from appealkit.text.types import Align

    samples = Path(__file__).resolve().parents[1] / "samples"
    texts = [(samples / f"{name}.txt").read_text(encoding="utf-8") for name in ("ur", "ur-letter")]
    texts.append(_letter()["body"])
    needs = []
    for size in (11.0, 12.0, 14.0):
        for width in (200.0, 330.0, 482.0):
            loose = style(size, role="serif", language="ur", leading=0.01, align=Align.JUSTIFY)
            for spans in (s for text in texts for s in parse_paragraphs(text)):
                lines = set_paragraph(spans, loose, width).lines
                needs += [(b.baseline - a.baseline) / size for a, b in pairwise(lines)]
    needs.sort()
    most = needs[int(0.98 * len(needs))]
    assert len(needs) > 600
    assert most <= NASTALIQ_PITCH <= most + 0.1, (most, needs[len(needs) // 2])


def test_bold_nastaliq_reads_at_the_size_of_the_regular() -> None:
    """Noto Nastaliq Urdu Bold is drawn about 10 % larger than the regular; the pack sets it
    smaller, so that the ink of a bold word is as tall as the same word's in regular."""
    from appealkit.layout.styles import style
    from appealkit.text import Span, set_paragraph

    samples = Path(__file__).resolve().parents[1] / "samples"
    words = sorted(set((samples / "ur-letter.txt").read_text(encoding="utf-8").split()))
    ratios = []
    for word in words:
        heights = []
        for bold in (False, True):
            (line,) = set_paragraph([Span(word, bold=bold)], style(SIZE, language="ur"), 400).lines
            heights.append(line.ascent + line.descent)
        ratios.append(heights[1] / heights[0])
    assert len(ratios) > 200
    assert statistics.median(ratios) == pytest.approx(1.0, abs=0.02)
