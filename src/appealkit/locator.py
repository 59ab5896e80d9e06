"""Find where a key path, or a character inside a text value, sits in kit.yaml."""

from __future__ import annotations

import bisect

from .errors import Mark
from .yaml_tree import Node, Source

__all__ = ["Locator"]


class Locator:
    """Find the Mark of a key path, or of a character inside a text value."""

    def __init__(self, source: Source, nodes: dict[str, Node]) -> None:
        self.source = source
        self.nodes = nodes
        self._found: dict[tuple[int, str], tuple[list[int], list[int]]] = {}

    def __call__(self, path: str, offset: int | None = None) -> Mark | None:
        node = self.node(path)
        if node is None:
            return None
        if offset is None or node.kind != "scalar":
            return node.mark
        return self.char_mark(node, node.text, offset)

    def node(self, path: str) -> Node | None:
        """The node at `path`, or at its nearest ancestor when the key is absent."""
        while True:
            if path in self.nodes:
                return self.nodes[path]
            if "." not in path:
                return self.nodes.get("")
            path = path.rsplit(".", 1)[0]

    def char_mark(self, node: Node, value: str, offset: int) -> Mark:
        # The n-th occurrence of a character in the value is its n-th occurrence in the source,
        # whatever YAML did to line breaks and indentation (escapes aside: then the value's start).
        if not 0 <= offset < len(value):
            return node.mark
        in_value, in_source = self._occurrences(node, value, value[offset])
        n = bisect.bisect_left(in_value, offset)
        if n >= len(in_source):
            return node.mark
        return self.source.mark_at(in_source[n])

    def _occurrences(self, node: Node, value: str, char: str) -> tuple[list[int], list[int]]:
        """Offsets of `char` in the value and in the node's source text, found once per node
        and character: a text with 20,000 problems is located in linear time."""
        key = (id(node), char)
        if key not in self._found:
            end = max(node.end, node.start + 1)
            self._found[key] = (_offsets(value, char, 0, len(value)),
                                _offsets(self.source.text, char, node.start, end))
        return self._found[key]


def _offsets(text: str, char: str, start: int, end: int) -> list[int]:
    found, pos = [], text.find(char, start, end)
    while pos >= 0:
        found.append(pos)
        pos = text.find(char, pos + 1, end)
    return found
