"""Read kit.yaml safely: bytes in, a tree of YAML nodes carrying 1-based Marks out.

Only the YAML parser's events are used; the tree is built here, with limits on size,
depth and alias expansion, so a hostile file is rejected before it costs time or memory,
and no Python object is ever constructed from a tag.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

import yaml

from .errors import KitError, Mark, Problem
from .yaml_tree import REJECTED, Document, Node, Source

__all__ = ["FORBIDDEN", "MAX_BYTES", "MAX_NODES", "read_document"]

MAX_BYTES = 1_000_000  # a real kit is about 12 kB
MAX_NODES = 10_000  # values after alias expansion; the example kit has about 150
MAX_DEPTH = 32  # the example kit nests 7 deep
MAX_LISTED = 20  # bad bytes or characters reported before giving up

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster
_RESOLVER = yaml.resolver.Resolver()
_YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}
# The characters YAML 1.1 forbids: the complement of its c-printable set, listed.
FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
_NON_PRINTABLE = re.compile(FORBIDDEN)


def read_document(path: Path, text: str | None = None) -> Document:
    """Read a YAML file (or `text`, named `path`) into a Node tree; raise KitError when it
    cannot be read as one document."""
    name = str(path)
    data = _read_bytes(path, name) if text is None else _text_bytes(text, name)
    text = _decode(data, name)
    source = Source.from_text(name, text)
    _check_characters(source)
    return _Composer(path, source).compose()


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            # A pipe or device would block or never end.
            raise KitError(Problem(None, "", f"'{path}' is not an ordinary file", file=name))
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise KitError(Problem(None, "", f"no such file: '{path}'", file=name)) from None
    except IsADirectoryError:
        raise KitError(
            Problem(None, "", f"'{path}' is a folder, not a kit file", file=name)
        ) from None
    except (OSError, ValueError) as e:  # permissions, a name too long, a NUL in the name
        reason = (e.strerror if isinstance(e, OSError) else None) or str(e)
        raise KitError(Problem(None, "", f"cannot read '{path}': {reason}", file=name)) from None
    if len(data) > MAX_BYTES:
        message = f"file is larger than {MAX_BYTES // 1_000_000} MB; a kit is a few kB of text: is this the right file?"
        raise KitError(Problem(None, "", message, file=name))
    if not data.strip():
        message = "file is empty; start from the example kit.yaml"
        raise KitError(Problem(None, "", message, file=name))
    return data


def _text_bytes(text: str, name: str) -> bytes:
    """A kit given as text holds to the same limits as a file."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:
        message = f"the kit is larger than {MAX_BYTES // 1_000_000} MB; a kit is a few kB of text"
        raise KitError(Problem(None, "", message, file=name))
    if not data.strip():
        raise KitError(Problem(None, "", "the kit is empty; start from the example kit.yaml",
                               file=name))
    return data


# Files people pick by mistake, recognised by their first bytes.
_NOT_TEXT = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a zip archive (a Word .docx or LibreOffice .odt file?)",
    b"\xd0\xcf\x11\xe0": "a Word .doc file",
    b"{\\rtf": "an RTF document (from WordPad or TextEdit?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}


def _decode(data: bytes, name: str) -> str:
    kind = next((kind for magic, kind in _NOT_TEXT.items() if data.startswith(magic)), None)
    if kind:
        message = f"file is {kind}, not a kit; save kit.yaml as plain text (UTF-8)"
        raise KitError(Problem(None, "", message, file=name))
    # UTF-16, with a byte order mark or without one (then every other byte is a zero).
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(0) > len(data[:200]) // 4:
        message = "file is UTF-16 text; save it as UTF-8"
        raise KitError(Problem(None, "", message, file=name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KitError(_bad_bytes(data, name)) from None


def _bad_bytes(data: bytes, name: str) -> list[Problem]:
    """One problem per undecodable byte sequence, located as an editor would show it."""
    problems: list[Problem] = []
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while len(problems) < MAX_LISTED:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as e:
            bad = start + e.start
            line_start = data.rfind(b"\n", 0, bad) + 1
            line = data.count(b"\n", 0, bad) + 1
            column = len(data[line_start:bad].decode("utf-8", "replace")) + 1
            byte = data[bad]
            message = (
                f"byte 0x{byte:02X} is not UTF-8 text; save the file as UTF-8"
                " (in most editors: Save As, Encoding: UTF-8)"
            )
            problems.append(Problem(Mark(name, line, column), "", message))
            start = start + e.end
    return problems


def _check_characters(source: Source) -> None:
    problems = []
    for m in _NON_PRINTABLE.finditer(source.text):
        char = m.group()
        message = f"control character U+{ord(char):04X} is not allowed in YAML; delete it"
        problems.append(Problem(source.mark_at(m.start()), "", message))
        if len(problems) == MAX_LISTED:
            break
    if problems:
        raise KitError(problems)


class _Frame:
    """A sequence or mapping being built, with the key waiting for its value."""

    __slots__ = ("key", "node")

    def __init__(self, node: Node) -> None:
        self.node = node
        self.key: Node | None = None


class _Composer:
    """Build Nodes from parser events, iteratively, within MAX_NODES and MAX_DEPTH."""

    def __init__(self, path: Path, source: Source) -> None:
        self.path = path
        self.source = source
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        self.stack: list[_Frame] = []
        self.count = 0
        self.root: Node | None = None
        self.documents = 0

    def compose(self) -> Document:
        parser = _Parser(self.source.text)
        try:
            while parser.check_event():
                self.handle(parser.get_event())
        except yaml.MarkedYAMLError as e:
            raise KitError(_yaml_problem(e, self.source)) from None
        except yaml.YAMLError as e:  # reader errors carry no mark; we check characters first
            raise KitError(Problem(None, "", f"invalid YAML: {e}", file=self.source.name)) from None
        finally:
            parser.dispose()
        if self.root is None or (self.root.is_null and not self.root.text):
            message = "file has no keys, only comments; start from the example kit.yaml"
            raise KitError(Problem(None, "", message, file=self.source.name))
        return Document(self.path, self.root, self.source, self.problems)

    def handle(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.count_nodes(1, 1, _start(event), None)
            self.add(self.scalar(event))
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self.close(event)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                message = (
                    "a second YAML document starts here ('---'); a kit is one document: remove it"
                )
                self.fail(_start(event), message)

    def mark(self, yaml_mark: _Position) -> Mark:
        return Mark(self.source.name, yaml_mark.line + 1, yaml_mark.column + 1)

    def fail(self, yaml_mark: _Position, message: str) -> None:
        raise KitError(Problem(self.mark(yaml_mark), "", message))

    def scalar(self, event: yaml.ScalarEvent) -> Node:
        style = event.style or None
        tag = self.tag(event, "str")
        if tag is None:
            tag = _resolve(event.value) if event.implicit[0] else "str"
        start, end = _start(event).index, _end(event).index
        mark = self.mark(_start(event))
        if style in ("|", ">"):
            start, mark = self.block_start(_start(event).line, mark)
        node = Node("scalar", tag, mark, start, end, text=event.value, style=style)
        self.register(event.anchor, node)
        return node

    def block_start(self, indicator_line: int, fallback: Mark) -> tuple[int, Mark]:
        """Where a `|` or `>` block's text begins: its first non-blank line."""
        lines = self.source.line_starts
        for line in range(indicator_line + 1, len(lines)):
            text = self.source.line_text(line + 1)
            if text.strip():
                indent = len(text) - len(text.lstrip(" "))
                return lines[line], Mark(self.source.name, line + 1, indent + 1)
        return self.source.offset_of(indicator_line + 1, 0), fallback

    def tag(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent, default: str) -> str | None:
        """The short tag for an explicit tag; None when the value's tag is implicit."""
        tag = event.tag
        if tag is None or tag == "!":
            return None if isinstance(event, yaml.ScalarEvent) and tag is None else default
        short = tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else None
        allowed = _SCALAR_TAGS if default == "str" else {default}
        if short is not None and short in allowed:
            return str(short)
        shown = "!!" + short if short is not None else tag if tag.startswith("!") else f"!<{tag}>"
        message = (
            f"tag '{shown}' is not allowed: a kit holds only text, lists and keys; remove the tag"
        )
        self.problems.append(Problem(self.mark(_start(event)), "", message))
        return REJECTED

    def open(self, event: yaml.CollectionStartEvent) -> None:
        kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
        tag = self.tag(event, kind) or kind
        start = _start(event).index
        node = Node(kind, tag, self.mark(_start(event)), start, start)
        node.anchor = event.anchor
        self.count_nodes(1, 1, _start(event), None)
        self.stack.append(_Frame(node))

    def close(self, event: yaml.Event) -> None:
        node = self.stack.pop().node
        node.end = _end(event).index
        if node.kind == "map":
            self.check_keys(node)
        self.register(node.anchor, node)
        self.add(node)

    def alias(self, event: yaml.AliasEvent) -> None:
        node = self.anchors.get(event.anchor or "")
        if node is None:
            message = f"alias '*{event.anchor}' names no anchor; define '&{event.anchor}' on a value above it"
            self.problems.append(Problem(self.mark(_start(event)), "", message))
            start = _start(event).index
            node = Node("scalar", "null", self.mark(_start(event)), start, start)
        self.count_nodes(node.size, node.height, _start(event), event.anchor)
        self.add(node)

    def count_nodes(self, size: int, height: int, yaml_mark: _Position, alias: str | None) -> None:
        self.count += size
        if self.count > MAX_NODES:
            what = f"alias '*{alias}' expands to {size} values and " if alias else ""
            self.fail(
                yaml_mark,
                f"{what}the file has more than {MAX_NODES} values; a kit has a few hundred",
            )
        if len(self.stack) + height > MAX_DEPTH:
            what = f"alias '*{alias}' nests" if alias else "values nest"
            self.fail(
                yaml_mark, f"{what} more than {MAX_DEPTH} levels deep; a kit needs fewer than 10"
            )

    def register(self, anchor: str | None, node: Node) -> None:
        # Anchors become visible only once their node is complete, so no alias can form a cycle.
        if anchor is not None:
            self.anchors[anchor] = node

    def add(self, node: Node) -> None:
        """Attach a finished (and counted) node to the collection being built."""
        if not self.stack:
            if self.root is None:
                self.root = node
            return
        frame = self.stack[-1]
        parent = frame.node
        parent.size += node.size
        parent.height = max(parent.height, node.height + 1)
        if parent.kind == "seq":
            parent.items.append(node)
        elif frame.key is None:
            frame.key = node
        else:
            parent.pairs.append((frame.key, node))
            frame.key = None

    def check_keys(self, node: Node) -> None:
        seen: dict[str, Node] = {}
        for key, _ in node.pairs:
            if key.kind != "scalar":
                self.problems.append(
                    Problem(key.mark, "", "a key must be a plain name, not a list or mapping")
                )
                continue
            first = seen.setdefault(key.text, key)
            if first is not key:
                message = (
                    f"duplicate key '{key.text}' (first at line {first.mark.line});"
                    " keep one of them"
                )
                self.problems.append(Problem(key.mark, "", message))


class _Position(Protocol):
    """A place in the YAML text as PyYAML marks it (its pure-Python or its C parser)."""

    index: int
    line: int
    column: int


def _start(event: yaml.Event) -> _Position:
    """Where an event starts: the parser marks every event it emits."""
    if event.start_mark is None:
        raise ValueError("appealkit bug: a YAML event without a position")
    return event.start_mark


def _end(event: yaml.Event) -> _Position:
    if event.end_mark is None:
        raise ValueError("appealkit bug: a YAML event without a position")
    return event.end_mark


def _resolve(value: str) -> str:
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
    return tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else "str"


# libyaml's messages, explained for people who do not know YAML.
_HINTS = {
    "mapping values are not allowed": "a ': ' inside a value; put the whole value in quotes, or check the indentation",
    "block sequence entries are not allowed": "a '- ' list entry where a value was expected; check the indentation",
    "could not find expected ':'": "a line that is not 'key: value'; add the ':' or check the indentation",
    "did not find expected key": "the indentation does not line up with the keys above; indent keys of one level alike",
    "did not find expected '-' indicator": "the indentation does not line up with the list above",
    "did not find expected node content": "a value is missing here",
    "did not find expected ',' or ']'": "a list in [ ] is not closed with ']' or misses a ','",
    "did not find expected ',' or '}'": "keys in { } are not closed with '}' or miss a ','",
    "found unexpected end of stream": "the file ends inside a value; a quote or bracket is not closed",
    "found unknown escape character": "a backslash starts an unknown escape in double quotes; use single quotes instead",
    "found a tab character": "a tab character; indent with spaces, not tabs",
    "found undefined tag handle": "a '!' starts an unknown tag; put the value in quotes",
    # PyYAML 6.0.4 and later stop nesting at 1000 levels while scanning, before our own limit
    "exceeded maximum nesting depth": f"values nest more than {MAX_DEPTH} levels deep; a kit needs fewer than 10",
}


def _yaml_problem(error: yaml.MarkedYAMLError, source: Source) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "").strip()
    hint = next((h for start, h in _HINTS.items() if problem.startswith(start)), None)
    if problem == "found character that cannot start any token" and mark is not None:
        char = source.text[
            source.offset_of(mark.line, mark.column) : source.offset_of(mark.line, mark.column) + 1
        ]
        if char == "\t":
            hint = "a tab character; indent with spaces, not tabs"
        elif char in "@`":
            hint = f"a value cannot start with '{char}'; put it in quotes, e.g. \"{char}name\""
        elif char == "%":
            hint = "a value cannot start with '%'; put it in quotes"
    if error.context and error.context_mark is not None and error.context_mark is not mark:
        where = f"line {error.context_mark.line + 1}, column {error.context_mark.column + 1}"
        if "quoted scalar" in error.context and problem.startswith("found unexpected end"):
            hint = f"the quoted text that starts at {where} is never closed; add the closing quote"
        elif hint is None:
            hint = f"{problem} ({error.context} at {where})"
    message = f"invalid YAML: {hint or problem}"
    if mark is None:
        return Problem(None, "", message, file=source.name)
    return Problem(Mark(source.name, mark.line + 1, mark.column + 1), "", message)
