"""Inline markup: `**bold**` and `[text](https://…)` become Spans; everything else stays literal text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.markup import (
    find_links,
    find_markup_issues,
    parse_inline,
    parse_paragraphs,
    url_problem,
)
from appealkit.text.types import Span


def test_plain_text_is_one_span() -> None:
    assert parse_inline("Pakistan must renew the PoR cards.") == [
        Span("Pakistan must renew the PoR cards.")
    ]


def test_bold() -> None:
    assert parse_inline("held by **at least 1.4 million Afghans** in Pakistan") == [
        Span("held by "),
        Span("at least 1.4 million Afghans", bold=True),
        Span(" in Pakistan"),
    ]


def test_link() -> None:
    assert parse_inline("the government [announced](https://example.org/a) the plan") == [
        Span("the government "),
        Span("announced", link="https://example.org/a"),
        Span(" the plan"),
    ]


def test_link_with_parentheses_in_its_address() -> None:
    url = "https://en.wikipedia.org/wiki/Refoulement_(law)"
    assert parse_inline(f"see [non-refoulement]({url}).") == [
        Span("see "),
        Span("non-refoulement", link=url),
        Span("."),
    ]


def test_bold_link_and_link_with_bold() -> None:
    url = "https://example.org/"
    assert parse_inline(f"**[a]({url})** and [**b** c]({url})") == [
        Span("a", bold=True, link=url),
        Span(" and "),
        Span("b", bold=True, link=url),
        Span(" c", link=url),
    ]


def test_placeholder_and_unsafe_links_are_printed_without_a_link() -> None:
    assert parse_inline("the [announced](#) plan") == [Span("the announced plan")]
    assert parse_inline("[x]() [y](javascript:alert(1)) [z](file:///etc/passwd)") == [Span("x y z")]


def test_link_without_text_shows_its_address() -> None:
    assert parse_inline("[](https://example.org)") == [
        Span("https://example.org", link="https://example.org")
    ]


def test_unclosed_bold_is_printed_as_typed() -> None:
    assert parse_inline("a **b** c ** d") == [Span("a "), Span("b", bold=True), Span(" c ** d")]


def test_whitespace_is_normalised_but_no_break_space_kept() -> None:
    assert parse_inline("  one\n  two\t three\u00a0four  ") == [Span("one two three\u00a0four")]


@pytest.mark.parametrize(
    "text",
    [
        '<img src="/etc/passwd">',
        "<font color=red>x</font>",
        "<para>&amp; &lt;b&gt;</para>",
        "a < b & c > d",
        "<b>no</b>",
    ],
)
def test_html_and_reportlab_markup_stay_literal(text: str) -> None:
    assert parse_inline(text) == [Span(text)]


def test_paragraphs_split_at_blank_lines() -> None:
    text = "First line\nsame paragraph.\n\n  \nSecond **bold**.\r\n\r\nThird.\n"
    assert parse_paragraphs(text) == [
        [Span("First line same paragraph.")],
        [Span("Second "), Span("bold", bold=True), Span(".")],
        [Span("Third.")],
    ]


def test_empty_text_has_no_paragraphs() -> None:
    assert parse_paragraphs("") == [] and parse_paragraphs("\n \n\n") == []


def test_urdu_text_passes_through() -> None:
    text = "محترم **وزیرِ داخلہ** صاحب،"
    assert parse_inline(text) == [Span("محترم "), Span("وزیرِ داخلہ", bold=True), Span(" صاحب،")]


def test_find_links_gives_offsets() -> None:
    text = "a [b](#) c [d e](https://x.org)"
    links = find_links(text)
    assert [(link.text, link.url, text[link.url_start]) for link in links] == [
        ("b", "#", "#"),
        ("d e", "https://x.org", "h"),
    ]


def test_markup_issues() -> None:
    assert find_markup_issues("fine **bold** [x](https://a.org/**)") == []
    assert find_markup_issues("a **b c") == [
        (2, "'**' starts bold text that is never closed, so it is printed as '**'")
    ]
    ((offset, message),) = find_markup_issues("see [this](https://a.org/a b)")
    assert offset == 10 and "not closed" in message  # the "(" that opens the address


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.amnesty.org/en/", True),
        ("http://example.org", True),
        ("https://example.org:8080/x?y=1#z", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("https://", False),
        ("https://localhost", False),
        ("https://exa mple.org", False),
        ("https://example.org:99999", False),
        ("https://[::1", False),
        ("mailto:a@b.org", False),
        ("#", False),
        ("", False),
    ],
)
def test_url_problem(url: str, ok: bool) -> None:
    assert (url_problem(url) is None) == ok


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *[]()#:/.\n\u0627\u06cc<&")), max_size=60))
def test_parse_inline_keeps_every_visible_character(text: str) -> None:
    spans = parse_inline(text)
    joined = "".join(s.text for s in spans)

    # Markup characters may go, whitespace collapses; nothing else is lost or invented.
    def visible(s: str) -> str:
        return "".join(c for c in s if c not in " \n*[]()#:/.")

    assert visible(joined) == visible(text) or "](" in text
    assert all(s.text for s in spans)
    assert all(a.bold != b.bold or a.link != b.link for a, b in itertools.pairwise(spans))


def test_collapse_spaces_keeps_no_break_spaces() -> None:
    """Kit writers bind words with U+00A0; collapsing white space must not undo it (issue 14)."""
    from appealkit.markup import collapse_spaces

    assert collapse_spaces("  (یو\u00a0این)\n  ہو\u00a0گا ") == "(یو\u00a0این) ہو\u00a0گا"
    assert parse_inline("a\u00a0b\n c") == [Span("a\u00a0b c")]
