"""Where lines break (issue 14 §2): no-break spaces and ZWNJ hold, brackets never dangle, short
bracketed groups and auxiliaries go to the next line where the line before can spare them."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.text import Align, Span, TextStyle, measure, set_paragraph
from appealkit.text.breaks import (
    BRACKET_PENALTY,
    CLINGING_PENALTY,
    EMAIL_PENALTY,
    break_opportunities,
)

URDU = "ur"
FILLER = "پاکستانی حکام پر لازم ہے کہ وہ پی او آر کارڈز کی تجدید کریں جیسا کہ وہ ماضی میں"


def _lines(family, text: str, width: float, language: str = URDU) -> list[str]:
    style = TextStyle(family, 12, language=language, align=Align.JUSTIFY)
    paragraph = set_paragraph([Span(text)], style, width)
    return [text[line.start : line.end] for line in paragraph.lines]


def _widths(family, text: str, language: str = URDU) -> range:
    """Widths from the narrowest that holds the widest word to the whole text, in 3 pt steps."""
    style = TextStyle(family, 12, language=language)
    widest = max(measure([Span(word)], style) for word in text.replace("\u00a0", " ").split())
    return range(int(widest) + 1, int(measure([Span(text)], style)) + 3, 3)


@pytest.mark.parametrize("bound", ["(یو\u00a0این\u00a0ایچ\u00a0سی\u00a0آر)", "ذمہ\u200cداریوں",
                                   "من\u00a0مانی", "ہو\u00a0گا۔"])
def test_no_break_space_and_zwnj_never_break(family, bound: str) -> None:
    text = f"{FILLER} {bound} {FILLER}"
    widest = measure([Span(bound)], TextStyle(family, 12, language=URDU))
    for width in _widths(family, text):
        if width >= widest:
            assert any(bound in line for line in _lines(family, text, width)), width


def test_no_line_starts_with_a_closing_bracket_or_ends_with_an_opening_one(family) -> None:
    text = "the cards ( issued by the UN refugee agency ) expire [ soon ] , so renew them ."
    # "agency )" is now one unit: narrower lines split it between letters, as any long word
    narrowest = measure([Span("agency )")], TextStyle(family, 12))
    for width in _widths(family, text, "en"):
        if width < narrowest:
            continue
        for line in _lines(family, text, width, "en"):
            assert not line.startswith((")", "]", ",", ".")), (width, line)
            assert not line.endswith(("(", "[")), (width, line)


def _split_at(family, text: str, before: str, language: str = URDU) -> float:
    """The width at which greedy breaking would start a line with `before`: the text up to it
    just fits."""
    head = text[: text.index(f" {before}")]
    return measure([Span(head)], TextStyle(family, 12, language=language)) + 0.5


def test_a_short_bracketed_group_goes_over_whole(family) -> None:
    """Typed with plain spaces, (یو این ایچ سی آر) is not split where the line can spare it."""
    text = f"{FILLER} (یو این ایچ سی آر) نے جاری کیے ہیں"
    width = _split_at(family, text, "ایچ")  # greedy: "... (یو این" | "ایچ سی آر) ..."
    first, second = _lines(family, text, width)[:2]
    assert "(یو" not in first and second.startswith("(یو این ایچ سی آر)")


def test_a_longer_bracketed_aside_may_break(family) -> None:
    text = f"{FILLER} (یہ کارڈز اقوامِ متحدہ کے ادارے نے جاری کیے) {FILLER}"
    width = _split_at(family, text, "ادارے")
    assert _lines(family, text, width)[0].endswith("کے")  # six words and more: no penalty


@pytest.mark.parametrize("auxiliary", ["گا۔", "گی", "گے", "ہے،", "ہیں"])
def test_a_line_does_not_start_with_an_auxiliary_where_the_line_before_can_take_it(
        family, auxiliary: str) -> None:
    text = f"{FILLER} انہیں خطرہ لاحق ہو {auxiliary} اور حکومت"
    width = _split_at(family, text, auxiliary)  # greedy: "... لاحق ہو" | "گا۔ ..."
    first, second = _lines(family, text, width)[:2]
    assert first.endswith("لاحق") and second.startswith(f"ہو {auxiliary}")


def test_an_auxiliary_may_start_a_line_the_line_before_cannot_spare_words_for(family) -> None:
    text = "لاحق ہو گا"
    width = _split_at(family, text, "گا")
    assert _lines(family, text, width) == ["لاحق ہو", "گا"]  # "لاحق" alone would be half empty


def test_auxiliaries_are_known_per_language() -> None:
    text = "a ہے b"
    boundaries = tuple(True for _ in range(len(text) + 1))
    assert break_opportunities(text, 0, len(text), boundaries, (), "ur") == [
        (2, CLINGING_PENALTY), (5, 0.0)]
    assert break_opportunities(text, 0, len(text), boundaries, (), "en") == [(2, 0.0), (5, 0.0)]
    group = "x (a b) y"
    bounds = tuple(True for _ in range(len(group) + 1))
    assert break_opportunities(group, 0, len(group), bounds, (), "en") == [
        (2, 0.0), (5, BRACKET_PENALTY), (8, 0.0)]


WORDS = st.sampled_from(["renew", "the", "PoR", "cards", "of", "at", "least", "1.4", "million",
                         "Afghans", "in", "Pakistan", "non-refoulement", "urgently"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=2, max_size=40), st.integers(min_value=80, max_value=400))
def test_without_penalties_each_line_takes_as_many_words_as_fit(family, words, width) -> None:
    """Text with no brackets or auxiliaries breaks greedily, as before: adding the next line's
    first word to a line would make it too wide."""
    text = " ".join(words)
    style = TextStyle(family, 10, align=Align.JUSTIFY)
    lines = set_paragraph([Span(text)], style, width).lines
    for line, following in pairwise(lines):
        word = re.match(r"[^ -]*-?", text[following.start :]).group()  # "non-" of "non-r..."
        longer = text[line.start : following.start] + word
        assert measure([Span(longer)], style) > width - 1e-6


@pytest.mark.parametrize("words", ["(she/her)", "(they/them)", "and/or"])
def test_a_slash_before_a_short_tail_is_no_break(words: str) -> None:
    text = f"Ana {words} wrote"
    found = {position for position, _ in
             break_opportunities(text, 0, len(text), (True,) * (len(text) + 1), (), "en")}
    inside = range(text.index(words) + 1, text.index(words) + len(words))
    assert not found.intersection(inside), sorted(found)


def test_a_long_address_may_break_after_a_slash() -> None:
    text = "www.example.org/urgent-actions/rosa-amalia-choc-pop"
    found = {position for position, _ in
             break_opportunities(text, 0, len(text), (True,) * (len(text) + 1), (), "en")}
    assert text.index("urgent") in found and text.index("rosa") in found


EMAIL = "principal.secretary.office@ministry-of-interior.gov.pk"


def test_an_email_address_breaks_only_after_its_at_or_before_a_dot() -> None:
    text = f"Email {EMAIL} today."
    found = {position: penalty for position, penalty in
             break_opportunities(text, 0, len(text), (True,) * (len(text) + 1), (), "en")}
    start = text.index(EMAIL)
    inside = {p - start for p in found if start < p < start + len(EMAIL)}
    after_at = EMAIL.index("@") + 1
    dots = {i for i, char in enumerate(EMAIL) if char == "."}
    assert inside == dots | {after_at}  # not after its hyphens
    assert all(found[start + i] == EMAIL_PENALTY for i in inside)
    # a token (which keeps its spaces on one line) still breaks at its dots
    tokens = ((start, start + len(EMAIL)),)
    found_in_token = {p for p, _ in break_opportunities(
        text, 0, len(text), (True,) * (len(text) + 1), tokens, "en")}
    assert start + after_at in found_in_token


def test_a_long_email_address_breaks_after_its_at(family) -> None:
    text = f"Email {EMAIL}"
    style = TextStyle(family, 12, language="en")
    width = measure([Span("Email principal.secretary.office@")], style) + 2
    lines = _lines(family, text, width, "en")
    assert lines == ["Email principal.secretary.office@", "ministry-of-interior.gov.pk"]


def test_an_email_address_that_fits_the_next_line_goes_there_whole(family) -> None:
    short = "office@interior.gov.pk"
    text = f"Please write to the Minister of the Interior at {short}"
    style = TextStyle(family, 12, language="en", align=Align.JUSTIFY)
    width = measure([Span("Please write to the Minister of the Interior at office@")], style) + 2
    assert measure([Span(short)], style) < width
    assert _lines(family, text, width, "en")[-1] == short
