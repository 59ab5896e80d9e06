"""Read the tagging of a PDF back: marked content per page, and the structure tree's objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pdfobjects import PdfObject, read_objects

_TOKEN = re.compile(rb"""
    (?P<string>\((?:\\.|[^\\()])*\))   # a literal string (ours hold no nested brackets)
  | (?P<dict><<|>>)
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<array>[\[\]])
  | (?P<name>/[^\s/<>\[\]()]+)
  | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[A-Za-z'"*]+)
  """, re.X | re.S)

# operators that put ink (or an image) on the page
PAINTING = {b"TJ", b"Tj", b"'", b'"', b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s",
            b"Do", b"sh", b"BI"}


@dataclass
class Marked:
    """What one page's content stream paints, by the marked content around it."""

    tagged: set[int] = field(default_factory=set)  # MCIDs that enclose painting
    mcids: list[int] = field(default_factory=list)  # every MCID, in stream order
    bare: list[bytes] = field(default_factory=list)  # painting outside any tag or artifact
    balanced: bool = True


def marked_content(stream: bytes) -> Marked:
    """Walk a content stream: every painting operator must be inside an Artifact or inside a
    sequence with an MCID (a /Span inside one is fine)."""
    out = Marked()
    stack: list[int | str | None] = []  # per open sequence: its MCID, "Artifact" or None
    operands: list[bytes] = []
    depth = 0  # inside << >>
    for match in _TOKEN.finditer(stream):
        kind, token = match.lastgroup, match.group()
        if kind == "dict":
            depth += 1 if token == b"<<" else -1
            operands.append(token)
            continue
        if kind != "op" or depth:
            operands.append(token)
            continue
        if token in (b"BMC", b"BDC"):
            tag = operands[0] if operands else b""
            mcid = re.search(rb"/MCID (\d+)", b" ".join(operands))
            if tag == b"/Artifact":
                stack.append("Artifact")
            elif mcid:
                stack.append(int(mcid.group(1)))
                out.mcids.append(int(mcid.group(1)))
            else:
                stack.append(None)
        elif token == b"EMC":
            if not stack:
                out.balanced = False
            else:
                stack.pop()
        elif token in PAINTING:
            owner = next((m for m in stack if m is not None), None)
            if owner is None:
                out.bare.append(token)
            elif isinstance(owner, int):
                out.tagged.add(owner)
        operands = []
    out.balanced = out.balanced and not stack
    return out


class Structure:
    """The structure tree of a PDF as appealkit writes them (see pdfobjects.py)."""

    def __init__(self, pdf: bytes) -> None:
        self.objects = read_objects(pdf)
        self.catalog = next(o for o in self.objects.values() if re.search(rb"/Type /Catalog", o.head))

    def root(self) -> PdfObject:
        number = self.catalog.ref("StructTreeRoot")
        assert number is not None, "no /StructTreeRoot"
        return self.objects[number]

    def elements(self) -> list[PdfObject]:
        return [o for o in self.objects.values() if re.search(rb"/Type /StructElem", o.head)]

    def kind(self, element: PdfObject) -> str:
        return element.name("S") or ""

    def reachable(self) -> set[int]:
        """Numbers of the elements reachable from the root through /K."""
        seen: set[int] = set()
        todo = [self.root().number]
        while todo:
            number = todo.pop()
            if number in seen:
                continue
            seen.add(number)
            found = re.search(rb"/K (\[.*?\]|\d+ 0 R|\d+)", self.objects[number].head, re.S)
            if found:
                todo += [int(n) for n in re.findall(rb"(\d+) 0 R", found.group(1))
                         if b"/StructElem" in self.objects[int(n)].head]
        return seen

    def mcids(self, element: PdfObject) -> list[int]:
        """The MCIDs an element holds directly."""
        found = re.search(rb"/K (\[(?:[^\[\]]|<<.*?>>)*\]|\d+ 0 R|\d+)", element.head, re.S)
        if not found:
            return []
        text = re.sub(rb"\d+ 0 R|<<.*?>>", b"", found.group(1), flags=re.S)
        return [int(n) for n in re.findall(rb"\d+", text)]

    def parent_tree(self) -> dict[int, list[int] | int]:
        """Key → the element numbers indexed by MCID (a page's) or the element (an annotation's)."""
        head = self.root().head
        tree = self.root().ref("ParentTree")
        pairs = self._nums(self.objects[tree].head) if tree else self._nums(head)
        out: dict[int, list[int] | int] = {}
        for key, number in pairs:
            target = self.objects[int(number)]
            if target.head.lstrip().startswith(b"["):
                out[int(key)] = [int(n) for n in re.findall(rb"(\d+) 0 R", target.head)]
            else:
                out[int(key)] = int(number)
        return out

    def _nums(self, node: bytes) -> list[tuple[bytes, bytes]]:
        """(key, object number) of a number tree node and the nodes under it (/Kids)."""
        kids = re.search(rb"/Kids \[(.*?)\]", node, re.S)
        if kids:
            return [pair for n in re.findall(rb"(\d+) 0 R", kids.group(1))
                    for pair in self._nums(self.objects[int(n)].head)]
        nums = re.search(rb"/Nums \[(.*)\]", node, re.S)
        assert nums, "no /ParentTree /Nums"
        return re.findall(rb"(\d+) (\d+) 0 R", nums.group(1))


def text_string(head: bytes, key: str) -> str | None:
    """A text string entry of a dictionary: literal (ASCII) or UTF-16 hex."""
    found = re.search(rb"/" + key.encode() + rb" (\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f]*>)", head,
                      re.S)
    if not found:
        return None
    value = found.group(1)
    if value.startswith(b"<"):
        return bytes.fromhex(value[1:-1].decode()).decode("utf-16")
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
    data = re.sub(rb"\\([0-7]{1,3}|.)", lambda m: bytes([int(m.group(1), 8)])
                  if m.group(1)[:1].isdigit() else escapes.get(m.group(1), m.group(1)),
                  value[1:-1], flags=re.S)
    return data.decode("utf-16") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
