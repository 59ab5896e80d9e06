"""UAX #9 levels and reordering, and the visual order of mixed Urdu and Latin text.

Unicode's conformance cases are in test_bidi_conformance.py; these are fixed examples."""

from __future__ import annotations

import re

import pytest

from appealkit.text import Direction, Span, TextStyle, set_paragraph
from appealkit.text.bidi import ltr_tokens, resolve_levels, visual_order


def test_bracket_context_is_searched_across_an_isolate():
    """N0 looks back through the isolating run sequence, past an isolate, for the context.

    a ب RLI x PDI [ RLM ]: the brackets enclose only R (opposite to the L embedding) and the
    first strong type before '[' in the sequence is ب (the isolate is another sequence), so the
    brackets and the neutral isolate marks become R. (The unicode-bidi crate, python-bidi's
    engine, stops its search at the level run and answers L.)
    """
    text = "a\u0628\u2067x\u2069[\u200f]"
    assert resolve_levels(text, 0)[1] == [0, 1, 1, 2, 1, 1, 1, 1]


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("abc \u05d0\u05d1\u05d2 def", 0, "abc \u05d2\u05d1\u05d0 def"),
        ("\u05d0\u05d1 123 cd", None, "cd 123 \u05d1\u05d0"),
        ("\u05d0 (b c) \u05d1", 1, "\u05d1 )b c( \u05d0"),  # N0: R brackets, drawn mirrored
        ("a (\u05d0\u05d1) b", 0, "a (\u05d1\u05d0) b"),
        ("\u05d0\u05d1 1,080,312 \u05d2", 1, "\u05d2 1,080,312 \u05d1\u05d0"),
        ("\u0628 \u06f1\u066c\u06f2 \u0628", 1, "\u0628 \u06f1\u066c\u06f2 \u0628"),  # AN via W2
        ("\u05d0\u05d1 \u2066a-b\u2069 \u05d2", 1, "\u05d2 \u2069a-b\u2066 \u05d1\u05d0"),
    ],
)
def test_visual_order_of_known_cases(text, base, expected):
    assert visual_order(text, base) == expected


def test_plain_uax9_scrambles_handles_and_phone_numbers():
    """Why handles, e-mails, URLs and +phone numbers are set as LTR isolates (UAX #9 HL3)."""
    handle = "\u067e\u0631 @MohsinnaqviC42 \u06a9\u0648"
    phone = "\u067e\u0631 +92 51 920 2624 \u06a9\u0648"
    assert "MohsinnaqviC42@" in visual_order(handle, 1)
    assert "2624 920 51 92+" in visual_order(phone, 1)
    assert [handle[a:b] for a, b in ltr_tokens(handle)] == ["@MohsinnaqviC42"]
    assert [phone[a:b] for a, b in ltr_tokens(phone)] == ["+92 51 920 2624"]
    for text in (handle, phone):
        base, levels = resolve_levels(text, 1, ltr_tokens(text))
        ((start, end),) = ltr_tokens(text)
        assert set(levels[start:end]) == {2}


def test_tokens_found_in_text():
    text = "see https://www.amnesty.org/en/ or mail secretary@interior.gov.pk, #StopDeportations"
    assert [text[a:b] for a, b in ltr_tokens(text)] == [
        "https://www.amnesty.org/en/",
        "secretary@interior.gov.pk",
        "#StopDeportations",
    ]


UNIT = re.compile(
    r"\+\d[\d ]*\d|[\w.@+-]+@[\w.-]+\w|@\w+|[A-Za-z0-9][A-Za-z0-9,]*"
    r"|[\u0600-\u06ff\u200c]+"
)


def test_mixed_urdu_line_reads_in_the_right_visual_order(family, sample, xs):
    """Urdu runs right to left; Latin, numbers, the e-mail, phone and handle left to right."""
    text = sample("ur")
    paragraph = set_paragraph([Span(text)], TextStyle(family, 10, language="ur"), 5000)
    assert len(paragraph.lines) == 1 and paragraph.direction is Direction.RTL
    x = xs(paragraph)
    units = [m for m in UNIT.finditer(text)]
    assert {
        "PoR",
        "UNHCR",
        "1,080,312",
        "secretary@interior.gov.pk",
        "+92 51 920 2624",
        "@MohsinnaqviC42",
        "۳۰",
        "۲۰۲۵",
        "۱۴",
    } <= {m.group() for m in units}
    for unit in units:
        positions = [x[i] for i in range(*unit.span())]
        rtl = (
            bool(re.fullmatch(r"[\u0600-\u06ff\u200c]+", unit.group()))
            and not unit.group().isdigit()
        )
        if rtl:  # letters right to left
            assert positions == sorted(positions, reverse=True), unit.group()
        else:  # a number, Latin word or token left to right, in one piece
            assert positions == sorted(positions), unit.group()
    for earlier, later in zip(units, units[1:]):  # each unit is right of the next one
        assert min(x[i] for i in range(*earlier.span())) > max(
            x[i] for i in range(*later.span())
        ), (earlier.group(), later.group())


def test_urdu_paragraph_starts_at_the_right_edge(family):
    paragraph = set_paragraph([Span("پاکستان UNHCR")], TextStyle(family, 12, language="ur"), 400)
    (line,) = paragraph.lines
    assert line.x + line.width == pytest.approx(400)
    first, last = line.runs[0], line.runs[-1]
    assert first.text == "UNHCR" and last.text.startswith("پاکستان")
