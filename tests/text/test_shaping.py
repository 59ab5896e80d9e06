"""Glyphs in a Paragraph are HarfBuzz's own output for the script's font, script and language."""

from __future__ import annotations

from pathlib import Path

import pytest
import uharfbuzz as hb

from appealkit.text import Direction, FontFamily, Span, TextStyle, load_font, set_paragraph
from appealkit.text.shaping import char_script, resolve_scripts

SIZE = 12.0
CASES = [  # (word, language, font, HarfBuzz script, direction)
    ("پاکستان", "ur", "NotoNastaliqUrdu-Regular", "Arab", "rtl"),
    ("ہراسانی", "ur", "NotoNastaliqUrdu-Regular", "Arab", "rtl"),
    ("۱۴۷", "ur", "NotoNastaliqUrdu-Regular", "Arab", "ltr"),  # numbers run left to right
    ("اللاجئين", "ar", "NotoNaskhArabic-Regular", "Arab", "rtl"),
    ("٤٥٦", "ar", "NotoNaskhArabic-Regular", "Arab", "ltr"),
    ("پناه‌جویان", "fa", "NotoNaskhArabic-Regular", "Arab", "rtl"),
    ("शरणार्थियों", "hi", "NotoSansDevanagari-Regular", "Deva", "ltr"),
    ("क्षत्रिय", "hi", "NotoSansDevanagari-Regular", "Deva", "ltr"),
    ("office", "en", "NotoSerif-Regular", "Latn", "ltr"),  # the ffi ligature
]


def harfbuzz(word: str, language: str, font_name: str, script: str, direction: str):
    font = load_font(f"fonts/{font_name}.ttf")
    buf = hb.Buffer()
    buf.add_str(word)
    buf.direction, buf.script, buf.language = direction, script, language
    buf.flags = hb.BufferFlags.BOT | hb.BufferFlags.EOT
    hb.shape(font.hb_font, buf, {})
    scale = SIZE / font.units_per_em
    return font, [
        (i.codepoint, p.x_advance * scale, p.x_offset * scale, p.y_offset * scale)
        for i, p in zip(buf.glyph_infos, buf.glyph_positions)
    ]


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[2] / "src" / "appealkit")  # has fonts/


@pytest.mark.parametrize(("word", "language", "font_name", "script", "direction"), CASES)
def test_glyphs_equal_harfbuzz_output(family, word, language, font_name, script, direction):
    font, expected = harfbuzz(word, language, font_name, script, direction)
    paragraph = set_paragraph([Span(word)], TextStyle(family, SIZE, language=language), 1000)
    (line,) = paragraph.lines
    (run,) = line.runs
    assert run.font is font
    assert run.direction.value == direction
    got = [(g.gid, g.advance, g.dx, g.dy) for g in run.glyphs]
    assert [gid for gid, *_ in got] == [gid for gid, *_ in expected]
    # pytest.approx compares flat sequences only (pytest 9): flatten the positions
    assert [v for _, *pos in got for v in pos] == pytest.approx([v for _, *pos in expected for v in pos])


def test_language_reaches_harfbuzz(family):
    """The same Nastaliq font gives Urdu forms of 4 and 7 for ur and Persian ones for fa."""
    nastaliq = ("fonts/NotoNastaliqUrdu-Regular.ttf", None)
    only_nastaliq = FontFamily.from_files(
        latin=("fonts/NotoSans-Regular.ttf", None), arabic=nastaliq
    )

    def glyph_names(language):
        style = TextStyle(only_nastaliq, SIZE, language=language, direction=Direction.RTL)
        run = set_paragraph([Span("۴۷")], style, 500).lines[0].runs[0]
        return [run.font.hb_font.glyph_to_string(g.gid) for g in run.glyphs]

    assert glyph_names("ur") == ["FourUrdu", "SevenUrdu"]
    assert glyph_names("fa") == ["FourFarsi", "SevenFarsi"]


def test_each_cluster_text_on_its_logically_first_glyph(family):
    """In RTL runs the rightmost glyph of a cluster carries its text."""
    paragraph = set_paragraph([Span("لہٰذا")], TextStyle(family, SIZE, language="ur"), 500)
    glyphs = paragraph.lines[0].runs[0].glyphs
    assert "".join(g.text for g in reversed(glyphs)) == "لہٰذا"
    by_cluster = {}
    for k, g in enumerate(glyphs):
        by_cluster.setdefault(g.cluster, []).append(k)
    for _cluster, ks in by_cluster.items():
        carriers = [k for k in ks if glyphs[k].text]
        assert carriers == [max(ks)]


def test_bold_span_gets_the_bold_font(family):
    paragraph = set_paragraph(
        [Span("plain "), Span("bold", bold=True)], TextStyle(family, SIZE), 500
    )
    runs = paragraph.lines[0].runs
    assert [(r.text, r.font.postscript_name, r.bold) for r in runs] == [
        ("plain ", "NotoSerif-Regular", False),
        ("bold", "NotoSerif-Bold", True),
    ]


def test_link_span_is_its_own_run(family):
    paragraph = set_paragraph(
        [Span("write to "), Span("amnesty.org", link="https://amnesty.org")],
        TextStyle(family, SIZE),
        500,
    )
    assert [(r.text, r.link) for r in paragraph.lines[0].runs] == [
        ("write to ", None),
        ("amnesty.org", "https://amnesty.org"),
    ]


def test_scripts_of_common_characters_follow_their_neighbours():
    text = "(PoR) کارڈ، 30 ۳۰ क।"
    scripts = resolve_scripts(text)
    assert char_script(" ") is None and char_script("،") is None
    assert [s for s in scripts[:5]] == ["Latn"] * 5  # leading '(' takes the first real script
    assert scripts[text.index("،")] == "Arab"
    assert scripts[text.index("3")] == "Arab"
    assert scripts[text.index("।")] == "Deva"


def test_closing_bracket_takes_the_script_of_its_opening_bracket():
    text = "پاکستان (UNHCR) ہے"
    scripts = resolve_scripts(text)
    assert scripts[text.index("(")] == "Arab"
    assert scripts[text.index(")")] == "Arab"


def test_fallback_font_for_characters_the_script_font_lacks(family):
    """Nastaliq has no '@': the Latin font draws it, in the same line."""
    paragraph = set_paragraph([Span("رابطہ @ کریں")], TextStyle(family, SIZE, language="ur"), 500)
    fonts = {
        r.text.strip(): r.font.postscript_name for r in paragraph.lines[0].runs if r.text.strip()
    }
    assert fonts["@"] == "NotoSerif-Regular"
    assert all(name.startswith("NotoNastaliqUrdu") for t, name in fonts.items() if t != "@")


def test_arabic_script_font_depends_on_language(family):
    def font_of(language):
        paragraph = set_paragraph([Span("کتاب")], TextStyle(family, SIZE, language=language), 500)
        return paragraph.lines[0].runs[0].font.postscript_name

    assert font_of("ur") == "NotoNastaliqUrdu-Regular"
    assert font_of("ur-PK") == "NotoNastaliqUrdu-Regular"
    assert font_of("fa") == "NotoNaskhArabic-Regular"
    assert font_of("ar") == "NotoNaskhArabic-Regular"
