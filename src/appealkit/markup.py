"""Parse a kit's inline markup, `**bold**` and `[text](https://…)`, into styled Spans of plain text,
and its lists (lines starting `- ` or `1. `) into list items.

Everything else is text: `<`, `&` and `<img …>` stay literal characters, since the
text engine draws strings and never interprets them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .text.types import Span
from .uri import BIDI_CONTROLS, host_problem, to_uri

__all__ = [
    "Block",
    "Link",
    "collapse_spaces",
    "find_links",
    "find_markup_issues",
    "parse_blocks",
    "parse_inline",
    "parse_paragraphs",
    "url_problem",
]

# [text](address): the address has no spaces and at most one level of balanced parentheses,
# as in https://en.wikipedia.org/wiki/Refoulement_(law).
_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
_BOLD = "**"
_SPACE = re.compile("[ \t\r\n\f\v\x85\u2028\u2029]+")  # not U+00A0: a no-break space stays
_BLANK_LINE = re.compile(r"(?:\r\n|[\r\n\x85\u2028\u2029])[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029])\s*")
_HOST_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")


@dataclass(frozen=True)
class Link:
    """A `[text](url)` in raw text, with character offsets."""

    start: int
    end: int
    text: str
    url: str
    url_start: int


def collapse_spaces(text: str) -> str:
    """Runs of white space as one space, the ends trimmed; a no-break space (U+00A0) stays,
    where `" ".join(text.split())` would turn it into a space a line may break at."""
    return _SPACE.sub(" ", text).strip(" ")


def parse_paragraphs(text: str) -> list[list[Span]]:
    """Split text at blank lines into paragraphs of Spans; single line breaks become spaces."""
    paragraphs = (parse_inline(part) for part in _BLANK_LINE.split(text))
    return [p for p in paragraphs if p]


@dataclass(frozen=True)
class Block:
    """A paragraph, or one item of a list: `number` for a numbered item, `bullet` for `- `."""

    spans: tuple[Span, ...]
    number: int | None = None
    bullet: bool = False

    @property
    def is_item(self) -> bool:
        return self.bullet or self.number is not None


_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_BULLET_ITEM = re.compile(r"[ \t]*- +(?=\S)")
_NUMBERED_ITEM = re.compile(r"[ \t]*(\d{1,3})[.)\u06d4] +(?=\S)")  # any digits: ۱۔ in Urdu too


def parse_blocks(text: str) -> list[Block]:
    """Paragraphs and list items, in order. A line starting `- ` is a bulleted item; one
    starting `1. ` (or `1) `) a numbered one. A numbered list starts at 1, and other numbers
    go on from a numbered item above (even past a blank line), so a line that happens to
    begin `30. ` (a German date) stays text; items are numbered on from the first, whatever
    they say. Other lines continue the item or paragraph above them."""
    blocks: list[Block] = []
    for chunk in _BLANK_LINE.split(text):
        current: list[str] = []  # the lines of the block being read
        kind: tuple[int | None, bool] = (None, False)  # its (number, bullet)
        for line in _LINE_BREAK.split(chunk):
            item = _item_start(line, blocks[-1] if blocks and not current else None, kind)
            if item is None:
                current.append(line)
                continue
            _add_block(blocks, current, kind)
            kind, current = item[:2], [line[item[2]:]]
        _add_block(blocks, current, kind)
    return blocks


def _item_start(line: str, previous: Block | None,
                current: tuple[int | None, bool]) -> tuple[int | None, bool, int] | None:
    """(number, bullet, where the item's text starts) if `line` starts a list item."""
    bullet = _BULLET_ITEM.match(line)
    if bullet:
        return None, True, bullet.end()
    numbered = _NUMBERED_ITEM.match(line)
    if not numbered:
        return None
    if int(numbered.group(1)) == 1:
        return 1, False, numbered.end()
    last = current[0] if current[0] is not None else (previous.number if previous else None)
    return (last + 1, False, numbered.end()) if last is not None else None


def _add_block(blocks: list[Block], lines: list[str], kind: tuple[int | None, bool]) -> None:
    spans = parse_inline("\n".join(lines))
    if spans:
        blocks.append(Block(tuple(spans), *kind))


def parse_inline(text: str) -> list[Span]:
    """Turn one paragraph into Spans: whitespace collapsed, `**` toggling bold, links kept when they are web addresses."""
    text = collapse_spaces(text)
    pieces: list[tuple[str, str | None]] = []  # (text or _BOLD marker, link)
    pos = 0
    for m in _LINK.finditer(text):
        _split_bold(text[pos : m.start()], None, pieces)
        label, url = m.group(1).strip(" "), m.group(2)
        link = to_uri(url) if url_problem(url) is None else None  # links carry the URI form
        # A link with no text shows its address; a placeholder link shows just its text.
        _split_bold(label or url, link, pieces)
        pos = m.end()
    _split_bold(text[pos:], None, pieces)
    return _close_direction_controls(_to_spans(pieces))


# UAX #9 X1-X7: embeddings and overrides end at U+202C (PDF), isolates at U+2069 (PDI).
_EMBEDDINGS, _ISOLATES = "\u202a\u202b\u202d\u202e", "\u2066\u2067\u2068"
_PDF, _PDI = "\u202c", "\u2069"


def _close_direction_controls(spans: list[Span]) -> list[Span]:
    """Close the embeddings, overrides and isolates a paragraph leaves open, at its end, so
    that they cannot turn the text set after it (the fact sheet's own words)."""
    if not spans or not BIDI_CONTROLS.intersection("".join(s.text for s in spans)):
        return spans
    open_: list[str] = []
    for char in "".join(s.text for s in spans):
        if char in _EMBEDDINGS or char in _ISOLATES:
            open_.append(char)
        elif char == _PDF and open_ and open_[-1] in _EMBEDDINGS:
            open_.pop()
        elif char == _PDI and any(c in _ISOLATES for c in open_):
            while open_.pop() not in _ISOLATES:
                pass
    closers = "".join(_PDI if c in _ISOLATES else _PDF for c in reversed(open_))
    last = spans[-1]
    return [*spans[:-1], Span(last.text + closers, last.bold, last.link)]


def _split_bold(text: str, link: str | None, pieces: list[tuple[str, str | None]]) -> None:
    parts = text.split(_BOLD)
    for i, part in enumerate(parts):
        if i:
            pieces.append((_BOLD, link))
        if part:
            pieces.append((part, link))


def _to_spans(pieces: list[tuple[str, str | None]]) -> list[Span]:
    markers = [i for i, (t, _) in enumerate(pieces) if t == _BOLD]
    literal = markers[-1] if len(markers) % 2 else -1  # an unclosed ** is printed as it is
    spans: list[Span] = []
    bold = False
    for i, (text, link) in enumerate(pieces):
        if text == _BOLD and i != literal:
            bold = not bold
            continue
        if spans and spans[-1].bold == bold and spans[-1].link == link:
            spans[-1] = Span(spans[-1].text + text, bold, link)
        else:
            spans.append(Span(text, bold, link))
    return spans


def find_links(text: str) -> list[Link]:
    """Every `[text](url)` in raw text, with offsets for locating problems."""
    return [
        Link(m.start(), m.end(), m.group(1), m.group(2), m.start(2)) for m in _LINK.finditer(text)
    ]


def find_markup_issues(text: str) -> list[tuple[int, str]]:
    """Markup that is printed as typed because it is incomplete: (offset, message) pairs."""
    issues: list[tuple[int, str]] = []
    masked = _LINK.sub(lambda m: "[" + m.group(1) + "]" + " " * (len(m.group(2)) + 2), text)
    bolds = [m.start() for m in re.finditer(re.escape(_BOLD), masked)]
    if len(bolds) % 2:
        issues.append(
            (bolds[-1], "'**' starts bold text that is never closed, so it is printed as '**'")
        )
    for m in re.finditer(r"\]\(", masked):
        issues.append(
            (
                m.start() + 1,
                "a link's address is not closed with ')' or contains a space, so it is printed as typed",
            )
        )
    return issues


def url_problem(url: str) -> str | None:
    """Why `url` is not a usable http(s) address, or None when it is."""
    shown = f"'{url}'"
    if not url or url.startswith("#"):
        return f"{shown} is a placeholder, not an address"
    if any(c.isspace() for c in url):
        return f"{shown} contains a space; a web address has none"
    control = next((c for c in url if c in BIDI_CONTROLS), None)
    if control:
        # Not quoted: the control would turn the message itself around in a terminal.
        return (f"the address contains the invisible direction control U+{ord(control):04X}, "
                f"which makes it print differently from what it opens; delete it")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError for a bad port
    except ValueError:
        return f"{shown} is not a valid web address"
    if parts.scheme.lower() not in ("http", "https"):
        if not parts.scheme and "." in url.split("/")[0]:
            return f"{shown} is not an http(s) URL; write it in full: 'https://{url}'"
        return f"{shown} is not an http(s) URL; write the full address, starting with https://"
    if not parts.netloc or not host:
        return (
            f"{shown} has no host name; write the full address, e.g. 'https://www.example.org/page'"
        )
    labels = host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return f"{shown} has no valid host name such as 'www.example.org'"
    return None if url.isascii() else host_problem(url)
