"""Print the addresses of links, which paper cannot open: after the link's words in a letter
or the summary, or as numbered references at the end of the background."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import unquote, urlsplit, urlunsplit

from ..markup import Block
from ..text.types import Span
from ..uri import to_uri
from .locale import to_digits

__all__ = ["number_links", "readable", "spell_out_links"]


def readable(uri: str) -> str:
    """The address as people write it: the IDNA host and percent-encoded UTF-8 decoded
    (`https://bücher.example/straße`), where that form opens the same page."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        shown = host.encode("ascii").decode("idna") if "xn--" in host else host
        netloc = parts.netloc.replace(host, shown) if host else parts.netloc
        text = urlunsplit((parts.scheme, netloc, unquote(parts.path), unquote(parts.query),
                           unquote(parts.fragment)))
    except (UnicodeError, ValueError):
        return uri
    plain = text.isprintable() and not any(c.isspace() for c in text)
    return text if plain and _same(text, uri) else uri


def _same(text: str, uri: str) -> bool:
    try:
        return to_uri(text) == uri
    except ValueError:
        return False


def spell_out_links(blocks: Sequence[Block]) -> list[Block]:
    """Each link's address in brackets after its words, `words (https://…)`, unless the words
    are the address; the words keep their PDF link."""
    return [replace(b, spans=tuple(_spelled(b.spans))) for b in blocks]


def _spelled(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for n, span in enumerate(spans):
        out.append(span)
        if span.link and _ends_link(spans, n) and not _shows_address(spans, n):
            # the space apart: in a right-to-left line the address is set as a whole, and
            # the space must stay between it and the words
            out += [Span(" ", span.bold, span.link),
                    Span(f"({readable(span.link)})", span.bold, span.link)]
    return out


def number_links(blocks: Sequence[Block], language: str) -> tuple[list[Block], list[Block]]:
    """The blocks with `[1]` after each link's words, and the numbered references: each
    link's address (a link given twice keeps its first number)."""
    numbers: dict[str, int] = {}
    out = []
    for block in blocks:
        spans: list[Span] = []
        for n, span in enumerate(block.spans):
            spans.append(span)
            if span.link and _ends_link(block.spans, n) and not _shows_address(block.spans, n):
                number = numbers.setdefault(span.link, len(numbers) + 1)
                spans.append(Span(f"\u00a0[{to_digits(str(number), language)}]", span.bold))
        out.append(replace(block, spans=tuple(spans)))
    references = [Block((Span(readable(link), link=link),), number) for link, number in numbers.items()]
    return out, references


def _ends_link(spans: Sequence[Span], n: int) -> bool:
    """The last span of a link's words (bold may split them into several spans)."""
    return n + 1 == len(spans) or spans[n + 1].link != spans[n].link


def _shows_address(spans: Sequence[Span], n: int) -> bool:
    start = n
    while start and spans[start - 1].link == spans[n].link:
        start -= 1
    words = "".join(s.text for s in spans[start:n + 1]).strip()
    link = spans[n].link or ""
    return words in (link, readable(link)) or words.rstrip("/") == readable(link).split("://")[-1].rstrip("/")
