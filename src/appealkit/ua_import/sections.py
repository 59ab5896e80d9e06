"""Split a document's lines into the sections of the Urgent Action layout, found by their headings.

Headings are written in capitals (`TAKE ACTION: …`, `ADDITIONAL INFORMATION`) and may come in
any order; Markdown's `#` and `**` around them are ignored. Each section keeps the lines up to
the next heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .read import Line

__all__ = ["HEADINGS", "Paragraph", "Section", "find_sections", "paragraphs", "plain"]

# Section name → the heading's pattern; group 1 is the text after the heading words.
HEADINGS: dict[str, re.Pattern[str]] = {
    "banner": re.compile(r"^((?:FURTHER INFORMATION ON |UPDATE ON )?URGENT ACTION\b(?!S).*)$"),
    "update": re.compile(r"^((?:UA )?(?:UPDATE|FURTHER INFORMATION)\b.*)$"),
    "take_action": re.compile(r"^TAKE ACTION\b[\s:.!-]*(.*)$"),
    "additional": re.compile(r"^ADDITIONAL INFORMATION\b[\s:]*(.*)$"),
    "languages": re.compile(r"^PREFERRED LANGUAGES? TO ADDRESS (?:THE )?TARGETS?\s*:?\s*(.*)$"),
    "deadline": re.compile(r"^(?:PLEASE )?TAKE ACTION AS SOON AS POSSIBLE UNTIL\s*:?\s*(.*)$"),
    "people": re.compile(r"^NAMES? AND PRONOUNS?\s*:?\s*(.*)$"),
    "previous": re.compile(r"^LINKS? TO (?:THE )?PREVIOUS (?:UAS?|URGENT ACTIONS?)\s*:?\s*(.*)$"),
}
_ORDER = ("deadline", "languages", "people", "previous", "additional", "take_action", "banner",
          "update")  # longer headings first: 'TAKE ACTION AS SOON…' is not 'TAKE ACTION'
_MARKDOWN = re.compile(r"^[#>\s]*|^\*\*|\*\*$|^__|__$")


@dataclass(frozen=True)
class Section:
    """A heading, the text after its heading words on the same line(s), and the lines below it."""

    name: str
    heading: Line
    value: str
    lines: tuple[Line, ...]
    start: int
    """The heading's index among the document's lines."""


@dataclass(frozen=True)
class Paragraph:
    """Lines of one paragraph joined by spaces, and the first of them (to say where it was)."""

    text: str
    first: Line


def plain(text: str) -> str:
    """A line without Markdown heading marks or the `**` around a whole line."""
    text = text.strip()
    while True:
        stripped = _MARKDOWN.sub("", text).strip()
        if stripped == text:
            return text
        text = stripped


def find_sections(lines: list[Line]) -> tuple[list[Line], dict[str, list[Section]]]:
    """The lines before the first heading, and each section name's sections in document order."""
    starts = [(i, *match) for i, line in enumerate(lines) if (match := _heading(line))]
    sections: dict[str, list[Section]] = {}
    for n, (i, name, value) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = lines[i + 1 : end]
        value, used = _continue_value(name, value, body)
        sections.setdefault(name, []).append(
            Section(name, lines[i], value, tuple(body[used:]), i))
    head = lines[: starts[0][0]] if starts else lines
    return head, sections


def _heading(line: Line) -> tuple[str, str] | None:
    text = plain(line.text)
    if not text or not _is_capitals(text.split(":")[0]):
        return None
    for name in _ORDER:
        match = HEADINGS[name].match(text)
        if match:
            return name, match.group(1).strip()
    return None


def _continue_value(name: str, value: str, body: list[Line]) -> tuple[str, int]:
    """A heading wrapped over lines: capitals go on the heading of TAKE ACTION, and a value
    ending in a comma (or missing) goes on to the next line; return it and the lines used."""
    used = 0
    for line in body:
        text = plain(line.text)
        if line.blank:
            if value or name in ("take_action", "additional", "banner", "update"):
                break
            used += 1
            continue
        wraps = (name == "take_action" and _is_capitals(text)) or (
            name not in ("take_action", "additional", "banner", "update")
            and (not value or value.endswith(",")))
        if not wraps:
            break
        value = f"{value} {text}".strip()
        used += 1
    return value, used


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def paragraphs(lines: tuple[Line, ...] | list[Line]) -> list[Paragraph]:
    """Runs of non-empty lines, each joined into one paragraph."""
    found: list[Paragraph] = []
    run: list[Line] = []
    for line in [*lines, Line("", "")]:
        if line.blank:
            if run:
                found.append(Paragraph(" ".join(plain_inline(x.text) for x in run), run[0]))
            run = []
        else:
            run.append(line)
    return found


def plain_inline(text: str) -> str:
    """A line of running text: spaces tidied, Markdown's heading marks and line-break
    backslash dropped (bold and links stay: kit.yaml has them too)."""
    return " ".join(re.sub(r"^\s*#+\s+", "", text).rstrip("\\").split())
