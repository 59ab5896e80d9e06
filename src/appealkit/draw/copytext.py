"""Choose the text each drawn glyph carries, and the order glyphs are written in, so that copy,
paste and search give a line's logical text in both poppler and PDFium.

PDF text extractors do not read logical order from the file. They collect a line's characters
and run their own simple bidi reordering on them, taking what they got as visual order; the two
we test differ in what they take as visual order:

* poppler (pdftotext, Evince) sorts a line's characters by position and reverses each
  right-to-left section, a neutral character (space, comma, bracket) joining the section on its
  left. The order glyphs are written in does not matter to it; position and text do.
* PDFium (Chrome's viewer, pypdfium2) takes a line's text objects (one per TJ) left to right,
  each one's characters in the order they are written, and reorders segments (see pdfium_bidi).
  The written order matters to it, and it mirrors brackets in right-to-left text. It skips text
  objects without ink.

So each cluster's PDF character carries its text in visual order (a right-to-left cluster's
characters reversed), which both reverse back, and the clusters are written in the order
`pdfium_bidi.pdfium_order` gives for the whole line: for most runs that is left to right, but an
address or a number inside Urdu is written piece by piece from its right end, as PDFium wants,
each glyph in its drawn place, where poppler reads it. Each run is a text object of its own, as
drawn, unless that order needs more: then a run of spaces (no ink) joins a neighbour's, and
neighbouring runs in one font are written as one, so that a comma after a number can be written
where PDFium wants it.

Where the two want different text for one glyph (a bracket PDFium will mirror), the glyph carries
PDFium's text inside a /Span whose empty ActualText poppler reads instead, and a glyph without ink
drawn over it, as a text object of its own that PDFium skips, carries poppler's. Where writing the
glyph apart would change what PDFium reads (draw.glyphs checks), it keeps PDFium's text, and a
sliver without ink at its edge gives poppler only the mark it needs.

Poppler cannot give "۱۴ لاکھ" or "موجود، اقوام" in a right-to-left line without a
right-to-left character between the number or comma and the space: its reordering puts a neutral
beside a left-to-right section into that section, and no order or position avoids it. So poppler's
text there has a RIGHT-TO-LEFT MARK, and poppler's copy keeps it (poppler adds its own embedding
marks, U+202A-U+202C, to every right-to-left line it writes anyway); PDFium's has none.

Why not /ActualText with the logical text, per run or per line: both extractors read it, and both
run their reordering over it as over any text (measured on the samples: PDFium then copies each
Urdu word reversed, poppler garbles whole lines), and poppler reads ActualText only on /Span.

Readers of tagged PDF that take an element's text from its marked content in the order it is
written (poppler's structure text) would read this order, not the logical one; no order of
writing serves them and PDFium both (PDFium wants a right-to-left word's glyphs in one text
object, written left to right; written apart it loses the spaces between words). So a tagged
box of such text is drawn as an artifact, and its tagged content is its logical text in glyphs
without ink or width, which poppler's extraction skips (an empty ActualText) and PDFium skips
(no width): see glyphs.add_logical_text and page.py.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..text.types import Direction, Glyph, GlyphRun, Line, Paragraph
from .pdfium_bidi import mirror, pdfium_order, pdfium_reads_right_to_left

__all__ = ["LRM", "RLM", "GroupText", "Item", "LineText", "clusters", "direction_mark",
           "line_texts", "logical_lines", "reordered"]

RLM = "\u200f"  # RIGHT-TO-LEFT MARK: invisible, strongly right-to-left
LRM = "\u200e"  # LEFT-TO-RIGHT MARK

Cluster = tuple[int, int]  # (run, cluster), both counted in visual order


@dataclass(frozen=True)
class Item:
    """A cluster as written: its PDF character's text; hidden ones are shown apart, in a /Span
    poppler reads nothing in."""

    run: int
    cluster: int
    text: str
    hidden: bool = False


@dataclass(frozen=True)
class GroupText:
    """Neighbouring runs written in one font, as one text object (apart from hidden clusters)."""

    font_run: int  # the run whose font and size the group is written in
    items: tuple[Item, ...]  # in the order they are written
    poppler: tuple[Item, ...]  # drawn again without ink, each apart, for poppler only


@dataclass(frozen=True)
class LineText:
    """How a line is written for text extraction: its groups, left to right."""

    groups: tuple[GroupText, ...]


def clusters(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Split visually ordered glyphs into clusters (neighbours sharing a cluster index)."""
    groups, start = [], 0
    for i in range(1, len(glyphs) + 1):
        if i == len(glyphs) or glyphs[i].cluster != glyphs[start].cluster:
            groups.append(list(glyphs[start:i]))
            start = i
    return groups


def reordered(line: Line, base: Direction) -> bool:
    """True if `line` is written in another order than its logical one (for the extractors'
    reordering): a line of a right-to-left paragraph, or one holding a right-to-left letter."""
    return base is Direction.RTL or not all(_RIGHT.isdisjoint(run.text) for run in line.runs)


def logical_lines(paragraph: Paragraph) -> list[str]:
    """Each line's text in logical order, ending with the space that separated it from the
    next line (the line breaker leaves such spaces out of the lines it sets)."""
    spans = [_logical_line(line) for line in paragraph.lines]
    texts = []
    for (text, _, end), (_, start, _) in zip(spans, [*spans[1:], ("", -1, -1)]):
        texts.append(text + " " if text and start > end and not text.endswith(" ") else text)
    return texts


def _logical_line(line: Line) -> tuple[str, int, int]:
    """A line's runs in logical order, a space where they leave a gap; its start and end in
    the paragraph's text."""
    parts: list[str] = []
    start = end = -1
    for run in sorted(line.runs, key=lambda run: run.start):
        if parts and run.start > end and not parts[-1].endswith(" "):
            parts.append(" ")
        elif not parts:
            start = run.start
        parts.append(run.text)
        end = run.start + len(run.text)
    return "".join(parts), start, end


def line_texts(line: Line, base: Direction) -> LineText:
    """How `line` is written; `base` is the paragraph's direction."""
    spans = [_cluster_spans(run) for run in line.runs]
    if not reordered(line, base):
        # no right-to-left letter: both extractors read the runs as drawn (most lines)
        return LineText(tuple(
            GroupText(r, tuple(Item(r, k, run.text[start:end])
                               for k, (start, end) in enumerate(spans[r])), ())
            for r, run in enumerate(line.runs)))
    logical = sorted(range(len(line.runs)), key=lambda r: line.runs[r].start)
    text, owner, offsets = _joined(line, spans, logical)
    wanted = {(r, k): _poppler_text(line, r, start, end, offsets[r], text, owner, base)
              for r, run_spans in enumerate(spans) for k, (start, end) in enumerate(run_spans)}
    if owner:
        found = _first_written(line, text, owner)
        if found is None:
            # PDFium takes text objects left to right, and this line's order cannot be had
            # that way (a right-to-left phrase that begins a line PDFium reads left to right):
            # each run then reads in logical order, the runs in the order PDFium meets them
            rtl = pdfium_reads_right_to_left(text)
            seen = sorted(range(len(line.runs)), reverse=rtl)
            text, owner, _ = _joined(line, spans, seen)
            found = _first_written(line, text, owner)
        if found is not None:
            runs, written = found
            return LineText(tuple(_group(group, items, wanted)
                                  for group, items in zip(runs, written)))
    # write as drawn: PDFium reads the visual order
    runs = next(_groupings(line))
    return LineText(tuple(
        _group(group, [(r, k, wanted[r, k].replace(RLM, "").replace(LRM, ""))
                       for r in group for k in range(len(spans[r]))], wanted)
        for group in runs))


def _joined(line: Line, spans: list[list[tuple[int, int]]], order: list[int]
            ) -> tuple[str, list[Cluster], list[int]]:
    """The runs' texts joined in `order`, the (run, cluster) of each character, each run's
    offset; no owners when clusters do not cover the text (nothing can be reasoned then)."""
    text, owner, offsets = "", [], [0] * len(line.runs)
    for r in order:
        offsets[r] = len(text)
        text += line.runs[r].text
        owner += [(r, k) for k, (start, end) in sorted(enumerate(spans[r]), key=_START)
                  for _ in range(start, end)]
    return text, owner if len(owner) == len(text) else [], offsets


def _first_written(line: Line, text: str, owner: list[Cluster]
                   ) -> tuple[list[list[int]], list[list[tuple[int, int, str]]]] | None:
    """The first grouping of the runs PDFium reads as `text`, and what each group writes."""
    order = pdfium_order(text)
    for runs in _groupings(line):
        written = _written(text, owner, order, runs)
        if written is not None:
            return runs, written
    return None


def _START(pair: tuple[int, tuple[int, int]]) -> int:
    return pair[1][0]


def _cluster_spans(run: GlyphRun) -> list[tuple[int, int]]:
    """(start, end) in the run's text of each visual cluster."""
    starts = [cluster[0].cluster for cluster in clusters(run.glyphs)]
    ordered = sorted(set(starts))
    ends = dict(zip(ordered, [*ordered[1:], len(run.text)]))
    return [(start, ends[start]) for start in starts]


def _groupings(line: Line) -> Iterator[list[list[int]]]:
    """Ways to write the runs (visual order) as groups of one font, fewest joins first: each run
    on its own (as drawn, which keeps each glyph where a renderer places it to the last bit),
    then a run of only spaces joining the group on its left or right, then also neighbouring
    runs of one font and size together."""
    runs = line.runs
    blank = [not run.text.strip(" ") for run in runs]
    free = [r for r in range(len(runs)) if blank[r] and len(runs) > 1][:6]
    yield [[r] for r in range(len(runs))]
    for same_font in (False, True):
        for choice in itertools.product((-1, 1), repeat=len(free)):
            yield _grouping(line, dict(zip(free, choice)), same_font)


def _grouping(line: Line, joins: dict[int, int], same_font: bool) -> list[list[int]]:
    runs = line.runs
    groups: list[list[int]] = []
    for r, run in enumerate(runs):
        if groups and (joins.get(r) == -1 or joins.get(groups[-1][-1]) == 1
                       or (same_font and r not in joins
                           and _same_font(runs[_inked(groups[-1], runs)], run))):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def _inked(group: list[int], runs: Sequence[GlyphRun]) -> int:
    return next((r for r in group if runs[r].text.strip(" ")), group[0])


def _same_font(a: GlyphRun, b: GlyphRun) -> bool:
    return a.font is b.font and a.size == b.size


def _written(text: str, owner: list[Cluster], order: list[tuple[int, bool]],
             groups: list[list[int]]) -> list[list[tuple[int, int, str]]] | None:
    """Per group, (run, cluster, text PDFium must read) in the order to write them; None when
    PDFium's order cannot be met with each group written as one text object, groups left to
    right (PDFium takes a line's text objects from left to right)."""
    group_of = {r: g for g, group in enumerate(groups) for r in group}
    per_group: list[list[tuple[int, int, str]]] = [[] for _ in groups]
    seen: set[Cluster] = set()
    previous: tuple[int, Cluster] = (-1, (-1, -1))
    for index, mirrored in order:
        cluster = owner[index]
        g = group_of[cluster[0]]
        char = mirror(text[index]) if mirrored else text[index]
        if cluster == previous[1]:
            r, k, chars = per_group[g][-1]
            per_group[g][-1] = (r, k, chars + char)
            continue
        if cluster in seen or g < previous[0] or (g != previous[0] and per_group[g]):
            return None
        seen.add(cluster)
        per_group[g].append((*cluster, char))
        previous = (g, cluster)
    return per_group


def _group(group: list[int], items: list[tuple[int, int, str]],
           wanted: dict[Cluster, str]) -> GroupText:
    """A group's items; where poppler wants other text than PDFium, it gets an inkless glyph
    of its own and the inked one is hidden from it (a lone space needs no hiding: poppler skips
    it)."""
    written, poppler = [], []
    for r, k, text in items:
        other = wanted[r, k]
        if other != text:
            poppler.append(Item(r, k, other))
        written.append(Item(r, k, text, other != text and text != " "))
    font_run = next((r for r in group if any(i.run == r and i.text.strip(" ") for i in written)),
                    group[0])
    return GroupText(font_run, tuple(written), tuple(poppler))


def _poppler_text(line: Line, r: int, start: int, end: int, offset: int, text: str,
                  owner: list[Cluster], base: Direction) -> str:
    """The text poppler must read for a cluster: visual order, with the marks it needs."""
    run = line.runs[r]
    chars = run.text[start:end]
    out = chars[::-1] if run.direction is Direction.RTL else chars
    side = _mark_side(line, r, offset + start, offset + end, text, owner, base) if owner else 0
    mark = direction_mark(base)
    return out + mark if side > 0 else mark + out if side < 0 else out


def _mark_side(line: Line, r: int, start: int, end: int, text: str,
               owner: list[Cluster], base: Direction) -> int:
    """Where poppler needs a mark of the paragraph's direction beside the cluster at
    text[start:end]: 1 on its right, -1 on its left, 0 nowhere.

    Poppler joins a neutral character (space, bracket, quote) to a section set left to right
    beside it in a right-to-left line, and to a right-to-left section in a left-to-right
    line: a run set against the paragraph's direction, and in right-to-left text digits, Latin
    letters and the number separators (the Arabic comma ، among them).
    """
    if any(unicodedata.bidirectional(c) in _STRONG for c in text[start:end]):
        return 0
    for index, before in ((_skip_marks(text, start - 1, -1), True),
                          (_skip_marks(text, end, 1), False)):
        if not 0 <= index < len(text):
            continue
        other = owner[index][0]
        against = line.runs[other].direction is not base and line.runs[r].direction is base
        ltr_in_rtl = (line.runs[r].direction is Direction.RTL and text[start:end] == " "
                      and unicodedata.bidirectional(text[index]) in _POPPLER_LTR)
        if against or ltr_in_rtl:
            # logically before: on the right in a right-to-left line, on the left otherwise
            return 1 if before == (base is Direction.RTL) else -1
    return 0


_STRONG = ("L", "R", "AL", "EN", "AN")
# Letters of the scripts set right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their
# presentation forms): a line without one needs no reordering for either extractor
_RIGHT = frozenset(chr(c) for c in (*range(0x0590, 0x0900), *range(0xFB1D, 0xFE00),
                                    *range(0xFE70, 0xFF00))
                   if unicodedata.bidirectional(chr(c)) in ("R", "AL"))
_POPPLER_LTR = ("L", "EN", "AN", "CS", "ES", "ET")


def _skip_marks(text: str, index: int, step: int) -> int:
    """The first index from `index` in direction `step` that is not a combining mark."""
    while 0 <= index < len(text) and unicodedata.bidirectional(text[index]) == "NSM":
        index += step
    return index


def direction_mark(base: Direction) -> str:
    """The invisible mark poppler needs beside a run set against the paragraph's direction."""
    return RLM if base is Direction.RTL else LRM
