"""Line breaking, alignment, justification and line pitch."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit.text import Align, Direction, Paragraph, Span, TextStyle, measure, set_paragraph

WORDS = [
    "Pakistan",
    "UNHCR",
    "PoR",
    "1,080,312",
    "non-refoulement",
    "G-5/1",
    "a",
    "of",
    "secretary@interior.gov.pk",
    "https://www.amnesty.org/en/documents/",
    "پاکستان",
    "مہاجرین",
    "کارڈز",
    "۳۰",
    "۱٬۰۸۰٬۳۱۲",
    "جون",
    "ہے۔",
    "(پی",
    "او",
    "آر)",
    "अफ़ग़ान",
    "پناه‌جویان",
    "دست‌کم",
    "शरणार्थियों",
    "१०,८०,३१२",
    "+92 51 920 2624",
    "—",
    "x\u200by",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "-", "/", "\u00a0"]
words = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=30
).map(lambda ws: "".join(w + s for w, s in ws))
spans = st.lists(st.tuples(words, st.booleans()), min_size=1, max_size=3).map(
    lambda parts: [Span(t, bold=b) for t, b in parts]
)


def carried(paragraph: Paragraph) -> list[tuple[int, str]]:
    """(logical index, text) of every glyph that carries text, all lines."""
    return [
        (run.start + g.cluster, g.text)
        for line in paragraph.lines
        for run in line.runs
        for g in run.glyphs
        if g.text
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spans,
    st.floats(min_value=5, max_value=400),
    st.sampled_from(list(Align)),
    st.sampled_from(["en", "ur", "ar", "hi"]),
    st.sampled_from([None, Direction.LTR, Direction.RTL]),
)
def test_breaking_keeps_every_character_once(family, spans, width, align, language, direction):
    text = "".join(s.text for s in spans)
    style = TextStyle(family, 10, language=language, direction=direction, align=align)
    paragraph = set_paragraph(spans, style, width)
    covered = {}
    for index, piece in carried(paragraph):
        assert text[index : index + len(piece)] == piece
        for k in range(index, index + len(piece)):
            assert k not in covered, f"character {k} ({text[k]!r}) drawn twice"
            covered[k] = piece
    dropped = "".join(c for k, c in enumerate(text) if k not in covered)
    assert not dropped.strip(), f"dropped {dropped!r}"  # only white space at breaks may go
    lines = paragraph.lines
    for above, below in pairwise(lines):
        assert not text[above.end : below.start].strip()  # only white space between lines
    joined = (
        "".join(
            text[a.start : a.end] + (" " if a.end < b.start else "")
            for a, b in pairwise(lines)
        )
        + text[lines[-1].start : lines[-1].end]
    )
    assert " ".join(joined.split()) == " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spans, st.floats(min_value=5, max_value=400), st.sampled_from(["en", "ur", "hi"]))
def test_no_line_wider_than_the_box_unless_one_cluster(family, spans, width, language):
    paragraph = set_paragraph(spans, TextStyle(family, 10, language=language), width)
    for line in paragraph.lines:
        if line.width > width + 1e-6:
            clusters = [g for run in line.runs for g in run.glyphs if g.text.strip()]
            assert len(clusters) == 1, [g.text for g in clusters]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spans, st.floats(min_value=60, max_value=400), st.sampled_from(["en", "ur", "hi"]))
def test_justified_lines_fill_the_box(family, spans, width, language):
    style = TextStyle(family, 10, language=language, align=Align.JUSTIFY)
    paragraph = set_paragraph(spans, style, width)
    for line in paragraph.lines:
        sum_of_runs = sum(r.width for r in line.runs)
        assert line.width == pytest.approx(sum_of_runs)
        assert [r.x for r in line.runs] == pytest.approx(
            [sum(r.width for r in line.runs[:k]) for k in range(len(line.runs))]
        )
        has_space = any(g.text in (" ", "\u00a0") for r in line.runs for g in r.glyphs)
        if not line.hard and has_space and line.width <= width:
            assert line.width == pytest.approx(width, abs=1e-6)
            assert line.x == pytest.approx(0, abs=1e-6)


def test_justification_stretches_only_spaces(family, sample):
    text = sample("en")
    plain = set_paragraph([Span(text)], TextStyle(family, 10), 300)
    justified = set_paragraph([Span(text)], TextStyle(family, 10, align=Align.JUSTIFY), 300)
    assert [(ln.start, ln.end) for ln in plain.lines] == [
        (ln.start, ln.end) for ln in justified.lines
    ]
    for a, b in zip(plain.lines, justified.lines):
        for ga, gb in zip(
            (g for r in a.runs for g in r.glyphs), (g for r in b.runs for g in r.glyphs)
        ):
            assert ga.gid == gb.gid
            if ga.text != " ":
                assert ga.advance == gb.advance
    last = justified.lines[-1]
    assert last.width < 300 and last.x == 0  # the last line is set at the start


def test_urdu_justified_lines_fill_from_the_right(family, sample):
    paragraph = set_paragraph(
        [Span(sample("ur"))], TextStyle(family, 10, language="ur", align=Align.JUSTIFY), 250
    )
    assert len(paragraph.lines) > 3
    for line in paragraph.lines[:-1]:
        assert line.x == pytest.approx(0) and line.width == pytest.approx(250)
    last = paragraph.lines[-1]
    assert last.x + last.width == pytest.approx(250) and last.width < 250


@pytest.mark.parametrize(
    ("language", "align", "edge"),
    [
        ("ur", Align.START, "right"),
        ("ur", Align.END, "left"),
        ("ur", Align.CENTER, "centre"),
        ("en", Align.START, "left"),
        ("en", Align.END, "right"),
        ("en", Align.CENTER, "centre"),
        ("hi", Align.END, "right"),
    ],
)
def test_alignment(family, language, align, edge):
    text = {"ur": "پاکستان میں مقیم افغان", "en": "Afghan refugees", "hi": "अफ़ग़ान शरणार्थी"}[
        language
    ]
    paragraph = set_paragraph(
        [Span(text)], TextStyle(family, 12, language=language, align=align), 400
    )
    (line,) = paragraph.lines
    assert 0 < line.width < 300
    expected_x = {"left": 0.0, "right": 400 - line.width, "centre": (400 - line.width) / 2}[edge]
    assert line.x == pytest.approx(expected_x)


def test_trailing_spaces_are_not_counted(family):
    paragraph = set_paragraph(
        [Span("Afghan refugees   ")], TextStyle(family, 12, align=Align.END), 400
    )
    (line,) = paragraph.lines
    assert "".join(r.text for r in line.runs) == "Afghan refugees"
    assert line.x + line.width == pytest.approx(400)


def test_hard_breaks_end_lines_and_are_not_justified(family):
    text = "Minister of Interior\nPak Secretariat\n\nIslamabad"
    paragraph = set_paragraph([Span(text)], TextStyle(family, 12, align=Align.JUSTIFY), 400)
    assert [text[ln.start : ln.end] for ln in paragraph.lines] == [
        "Minister of Interior",
        "Pak Secretariat",
        "",
        "Islamabad",
    ]
    assert all(ln.hard for ln in paragraph.lines)
    assert all(ln.width < 400 for ln in paragraph.lines)


def test_long_url_breaks_between_clusters_or_after_slashes(family):
    url = "https://www.amnesty.org/en/documents/asa33/9876/2025/en/"
    paragraph = set_paragraph([Span(url)], TextStyle(family, 12), 90)
    pieces = [url[ln.start : ln.end] for ln in paragraph.lines]
    assert "".join(pieces) == url
    assert all(ln.width <= 90 + 1e-6 for ln in paragraph.lines)
    assert pieces[1].startswith("www.amnesty.org") is False or pieces[0] == "https://"


def test_email_longer_than_the_line_is_split_not_overflowing(family):
    email = "secretary@interior.gov.pk"
    paragraph = set_paragraph([Span(email)], TextStyle(family, 12), 60)
    assert "".join(email[ln.start : ln.end] for ln in paragraph.lines) == email
    assert len(paragraph.lines) > 1 and all(ln.width <= 60 + 1e-6 for ln in paragraph.lines)


def test_phone_number_stays_on_one_line(family):
    text = "فون +92 51 920 2624 پر رابطہ کریں"
    style = TextStyle(family, 10, language="ur")
    narrowest = measure([Span("+92 51 920 2624")], style)
    for width in range(int(narrowest) + 1, 200, 7):
        paragraph = set_paragraph([Span(text)], style, width)
        assert any("+92 51 920 2624" in text[ln.start : ln.end] for ln in paragraph.lines)


def test_nastaliq_needs_about_twice_the_size(family, sample):
    text = sample("ur-letter").split("\n\n")[1]
    paragraph = set_paragraph([Span(text)], TextStyle(family, 12, language="ur"), 300)
    lines = paragraph.lines
    mean = (lines[-1].baseline - lines[0].baseline) / (len(lines) - 1)
    assert 1.6 * 12 < mean < 2.4 * 12  # line pitch per pair of lines: see test_ink.py


def test_latin_pitch_is_the_leading(family, sample):
    paragraph = set_paragraph([Span(sample("en"))], TextStyle(family, 10, leading=1.4), 300)
    assert paragraph.lines[1].baseline - paragraph.lines[0].baseline == pytest.approx(14)


def test_measure_is_the_one_line_width(family, sample):
    style = TextStyle(family, 10, language="ur")
    text = sample("ur")
    width = measure([Span(text)], style)
    (line,) = set_paragraph([Span(text)], style, width + 0.01).lines
    assert line.width == pytest.approx(width)
    assert len(set_paragraph([Span(text)], style, width - 5).lines) == 2


def test_empty_paragraph(family):
    paragraph = set_paragraph([Span("")], TextStyle(family, 10), 100)
    assert len(paragraph.lines) == 1 and paragraph.lines[0].runs == ()
    assert paragraph.height > 0


def test_deterministic(family, sample):
    style = TextStyle(family, 10, language="ur", align=Align.JUSTIFY)
    assert set_paragraph([Span(sample("ur"))], style, 200) == set_paragraph(
        [Span(sample("ur"))], style, 200
    )


def test_tab_is_drawn_as_space_not_tofu(family):
    paragraph = set_paragraph([Span("Name:\tSyed")], TextStyle(family, 12), 400)
    glyphs = [g for r in paragraph.lines[0].runs for g in r.glyphs]
    tab = next(g for g in glyphs if g.text == "\t")
    assert tab.gid != 0 and tab.advance > 0


@pytest.mark.parametrize(
    ("text", "breaks_after"),
    [
        ("non-refoulement", "non-"),
        ("2023\u20132025", "2023\u2013"),
        ("example.org/campaigns", "example.org/"),
        ("and/or", None),  # a short tail after the slash is no place to break
        ("G-5/1", None),
        ("2024-2025", None),
        ("30/06/2025", None),
    ],
)
def test_break_opportunities_inside_words(family, text, breaks_after):
    style = TextStyle(family, 12)
    width = measure([Span(text)], style) - 0.1  # the word just does not fit
    first = set_paragraph([Span(text + " x")], style, width).lines[0]
    # without an opportunity the word is cut as late as possible, before its last character
    assert text[first.start : first.end] == (breaks_after or text[:-1])


def test_first_baseline_sits_at_the_ink_or_the_latin_ascender(family):
    latin = set_paragraph([Span("ace")], TextStyle(family, 10), 300)
    assert latin.lines[0].baseline == pytest.approx(10.69)  # Noto Serif's ascender, not the ink
    assert latin.height == pytest.approx(10.69 + 2.93)
    for word in ("او", "کلاک"):
        urdu = set_paragraph([Span(word)], TextStyle(family, 10, language="ur"), 300)
        (line,) = urdu.lines
        # Nastaliq's own ascender (1.9 em) would leave white above most lines
        assert line.baseline == pytest.approx(max(line.ascent, 10.69)) and line.baseline < 19
        assert urdu.height == pytest.approx(line.baseline + max(line.descent, 2.93))


def _grid(family, size: float, leading: float = 2.2) -> TextStyle:
    return TextStyle(family, size, leading=leading, language="ur", align=Align.JUSTIFY, grid=True)


@pytest.mark.parametrize("size", [11.0, 14.0])
def test_grid_lines_keep_the_pitch_unless_their_ink_would_touch(family, sample, size):
    """On a grid every pair of lines is one pitch apart, or as far as its ink needs where that
    is more; set without leading, the same lines show what each pair needs."""
    text = sample("ur") + " " + sample("ur-letter").replace("\n\n", " ")
    lines = set_paragraph([Span(text)], _grid(family, size), 300).lines
    loose = set_paragraph([Span(text)], TextStyle(family, size, leading=0.01, language="ur",
                                                  align=Align.JUSTIFY), 300).lines
    pitch = 2.2 * size
    gaps = [b.baseline - a.baseline for a, b in pairwise(lines)]
    needs = [b.baseline - a.baseline for a, b in pairwise(loose)]
    assert len(gaps) > 30
    assert gaps == pytest.approx([max(pitch, need) for need in needs])
    assert sum(gap > pitch + 0.01 for gap in gaps) <= 0.05 * len(gaps)  # raising is rare


def test_grid_paragraphs_stack_on_the_pitch(family, sample):
    """A grid paragraph is its lines' boxes: the first baseline a pitch less the Latin descent
    below its top, its foot the Latin descent below the last baseline, so paragraphs stacked
    with a gap g have baselines a pitch plus g apart."""
    style = _grid(family, 14)
    descent = 14 * 0.293  # Noto Serif's descender, 293 units per 1000
    for text in ("او", "اس خط کے ذریعے", sample("ur-letter").split("\n\n")[3]):
        paragraph = set_paragraph([Span(text)], style, 300)
        first, last = paragraph.lines[0], paragraph.lines[-1]
        assert first.baseline == pytest.approx(2.2 * 14 - descent, abs=0.01)
        assert paragraph.height == pytest.approx(last.baseline + descent, abs=0.01)
        assert paragraph.below == pytest.approx(descent, abs=0.01)


def test_bold_set_smaller_where_the_family_says(family):
    """A family may set a face at a fraction of the size (the pack sets Nastaliq bold at 91 %):
    its glyphs are drawn at that size and its words take that much less room."""
    from conftest import font_path

    from appealkit.text import FontFamily

    bold = font_path("NotoNastaliqUrdu-Bold")
    scaled = FontFamily.from_files(latin=(font_path("NotoSerif-Regular"), None),
                                   urdu=(font_path("NotoNastaliqUrdu-Regular"), bold),
                                   scales={bold: 0.91})
    words = [Span("پاکستان میں مقیم", bold=True)]
    plain = set_paragraph(words, TextStyle(family, 14, language="ur"), 400).lines[0]
    smaller = set_paragraph(words, TextStyle(scaled, 14, language="ur"), 400).lines[0]
    assert {run.size for run in smaller.runs} == {14 * 0.91}
    assert smaller.width == pytest.approx(0.91 * plain.width)
