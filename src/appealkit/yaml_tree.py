"""The YAML tree of a kit file, as load.py builds it and validation reads it: nodes with marks."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Mark, Problem

__all__ = ["REJECTED", "Document", "Node", "Source"]

REJECTED = "!rejected"  # the tag of a value whose own tag was refused: validation skips it
# Line breaks as libyaml counts them, so our line numbers match its marks.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Source:
    """The decoded text of one file, able to turn character offsets into Marks."""

    name: str
    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def from_text(cls, name: str, text: str) -> Source:
        starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        return cls(name, text, tuple(starts))

    def mark_at(self, offset: int) -> Mark:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Mark(self.name, line + 1, offset - self.line_starts[line] + 1)

    def offset_of(self, line: int, column: int) -> int:
        """Character offset of a 0-based line and column."""
        line = min(max(line, 0), len(self.line_starts) - 1)
        return min(self.line_starts[line] + column, len(self.text))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n\x85\u2028\u2029")


@dataclass(eq=False)
class Node:
    """A YAML value: a `scalar` with its text, a `seq` of items or a `map` of key/value pairs."""

    kind: str  # scalar, seq or map
    tag: str  # short: str int float bool null timestamp seq map, or REJECTED
    mark: Mark  # where the value starts; for `|` and `>` blocks, their first text line
    start: int  # character offsets of the value in the source
    end: int
    text: str = ""  # a scalar's text as written (after YAML's quoting and folding), never converted
    items: list[Node] = field(default_factory=list)
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    style: str | None = None  # None for plain scalars; ' " | > otherwise
    size: int = 1  # nodes in this subtree, aliases expanded
    height: int = 1
    anchor: str | None = field(default=None, repr=False)

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag == "null"


@dataclass(frozen=True)
class Document:
    path: Path
    root: Node
    source: Source
    problems: list[Problem]  # errors found while composing that did not stop it
