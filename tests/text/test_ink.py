"""Glyph skylines and line distances, checked against glyph outlines sampled independently."""

from __future__ import annotations

import math
import statistics
from itertools import pairwise
from pathlib import Path

import pytest

from appealkit.text import Align, FontFamily, Span, TextStyle, load_font, set_paragraph
from appealkit.text.ink import CLEARANCE, COLUMNS, ROWS, Skyline

FONTS = Path(__file__).resolve().parents[2] / "src" / "appealkit" / "fonts"


def _bezier(points, t):
    """The point at ``t`` of a Bezier curve of any degree (de Casteljau)."""
    while len(points) > 1:
        points = [(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])) for a, b in pairwise(points)]
    return points[0]


class _Sampler:
    """A fontTools-style pen that samples an outline about every ``step`` font units."""

    def __init__(self, step):
        self.step, self.points, self.pen = step, [], (0.0, 0.0)

    def moveTo(self, p):  # the pen protocol names its methods in camelCase
        self.pen = p
        self.points.append(p)

    def lineTo(self, p):
        self._curve([self.pen, p])

    def qCurveTo(self, *points):
        *offs, end = points  # TrueType: an on-curve point is implied between two off-curve ones
        for k, c in enumerate(offs):
            nxt = offs[k + 1] if k + 1 < len(offs) else None
            self._curve([self.pen, c, end if nxt is None else _bezier([c, nxt], 0.5)])

    def curveTo(self, *points):
        self._curve([self.pen, *points])

    def closePath(self):
        pass

    def _curve(self, points):
        length = sum(math.dist(a, b) for a, b in pairwise(points))  # at least the arc's
        n = max(1, math.ceil(length / self.step))
        self.points += [_bezier(points, k / n) for k in range(1, n + 1)]
        self.pen = points[-1]


def outline_points(font, gid, step=2.0):
    """Points along a glyph's outline, font units; the ink lies between them (filled regions)."""
    sampler = _Sampler(step)
    font.hb_font.draw_glyph_with_pen(gid, sampler)
    return sampler.points


def line_outline(line):
    """Outline points of every glyph on a line, points, x from the box's left, y up from baseline."""
    found = []
    for run in line.runs:
        scale = run.size / run.font.units_per_em
        pen = line.x + run.x
        for g in run.glyphs:
            step = run.font.units_per_em / 400
            found += [
                (pen + g.dx + x * scale, g.dy + y * scale)
                for x, y in outline_points(run.font, g.gid, step)
            ]
            pen += g.advance
    return found


def closest_ink(above, below, pitch, clearance):
    """The least vertical gap between the two lines' ink where it lies less than ``clearance``
    apart sideways (points); +inf if the lines never come that close."""
    width = clearance / 4  # points in bins j and j +- 3 lie less than 4 bins apart
    bottoms, tops = {}, {}
    for x, y in above:
        j = math.floor(x / width)
        bottoms[j] = min(bottoms.get(j, math.inf), y)
    for x, y in below:
        j = math.floor(x / width)
        tops[j] = max(tops.get(j, -math.inf), y - pitch)
    return min(
        (bottoms[j] - tops[j + k] for j in bottoms for k in range(-3, 4) if j + k in tops),
        default=math.inf,
    )


NASTALIQ = FONTS / "NotoNastaliqUrdu-Regular.ttf"


@pytest.mark.parametrize("char", ["ک", "ے", "ی", "ں", "گ", "ہ", "لا", "۱"])
def test_skyline_holds_the_outline(char):
    font = load_font(NASTALIQ)
    gid = font.hb_font.get_nominal_glyph(ord(char[0]))
    sky = font.skylines[gid]
    assert isinstance(sky, Skyline)
    column = font.units_per_em / COLUMNS
    across = math.ceil(CLEARANCE * COLUMNS)  # reach[i + across] includes column start + i
    points = outline_points(font, gid)
    assert len(points) > 20
    for x, y in points:
        i = math.floor(x / column) - sky.start
        # a point on a column edge may belong to either column
        near = [k for k in (i - 1, i) if 0 <= k < len(sky.bottoms)]
        assert near and min(sky.bottoms[k] for k in near) <= y + 1e-6
        assert max(sky.reach[k + across] for k in near) >= y - 1e-6
    box = font.glyph_extents(gid)
    # the skyline is within two raster rows of the ink box (one for rounding, one to spare)
    row = font.units_per_em / ROWS
    assert box.bottom - 2 * row <= min(sky.bottoms) <= box.bottom
    assert box.top <= max(sky.reach) <= box.top + 2 * row


def test_glyphs_without_ink_have_no_skyline():
    font = load_font(NASTALIQ)
    assert font.skylines[font.hb_font.get_nominal_glyph(ord(" "))] is None


URDU_CASES = [
    (11, 468, Align.JUSTIFY, 1.0),
    (12, 180, Align.START, 1.3),
    (10, 260, Align.CENTER, 1.0),
]


@pytest.mark.parametrize(("size", "width", "align", "leading"), URDU_CASES)
def test_nastaliq_lines_keep_their_ink_apart(family, sample, size, width, align, leading):
    text = sample("ur-letter").split("\n\n")[1]
    style = TextStyle(family, size, leading=leading, language="ur", align=align)
    paragraph = set_paragraph([Span(text)], style, width)
    lines = paragraph.lines
    assert len(lines) > 3
    clearance = CLEARANCE * size
    outlines = [line_outline(line) for line in lines]
    gaps = []
    for k in range(len(lines) - 1):
        pitch = lines[k + 1].baseline - lines[k].baseline
        assert pitch >= leading * size - 1e-9
        # no ink box reaches a neighbouring baseline (PDFium would read the two lines as one)
        assert lines[k + 1].ascent < pitch and lines[k].descent < pitch
        gaps.append(closest_ink(outlines[k], outlines[k + 1], pitch, clearance))
    # sampling puts points up to a 400th of an em apart along the outline: allow that much
    assert min(gaps) >= clearance - size / 400
    # and the lines are set as close as that allows, not far apart: most pairs come near
    assert statistics.median(gaps) < clearance + 0.05 * size
    first, last = lines[0], lines[-1]
    assert max(y for _, y in outlines[0]) <= first.baseline + 1e-6  # ink inside the box
    assert paragraph.height - last.baseline >= -min(y for _, y in outlines[-1]) - 1e-6


def test_nastaliq_pitch_follows_each_pair_of_lines(family, sample):
    text = sample("ur-letter").split("\n\n")[1]
    paragraph = set_paragraph([Span(text)], TextStyle(family, 12, language="ur"), 300)
    pitches = [b.baseline - a.baseline for a, b in zip(paragraph.lines, paragraph.lines[1:])]
    assert len(set(pitches)) > 1
    assert 1.3 * 12 <= min(pitches) and max(pitches) < 2.6 * 12
    assert 1.5 * 12 < statistics.mean(pitches) < 2.2 * 12


@pytest.mark.parametrize("latin", ["NotoSerif", "NotoSans"])
@pytest.mark.parametrize(("size", "leading"), [(11, 1.3), (10, 1.38), (9, 1.15), (11.5, 1.2)])
@pytest.mark.parametrize("align", [Align.START, Align.JUSTIFY])
def test_latin_baselines_are_the_leading_grid(sample, latin, size, leading, align):
    fonts = FontFamily.from_files(
        latin=(str(FONTS / f"{latin}-Regular.ttf"), str(FONTS / f"{latin}-Bold.ttf"))
    )
    style = TextStyle(fonts, size, leading=leading, align=align)
    paragraph = set_paragraph([Span(sample("en"))], style, 300)
    first = paragraph.lines[0].baseline
    assert len(paragraph.lines) > 4
    # exactly the grid the engine set before ink profiles
    assert [line.baseline for line in paragraph.lines] == [
        first + k * (leading * size) for k in range(len(paragraph.lines))
    ]
