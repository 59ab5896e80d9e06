"""Read the objects of a PDF as appealkit writes them (ReportLab's, or signed-letters.pdf's
with its object streams) without a PDF library."""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"^(.*?)stream\r?\n(.*)endstream\s*$", re.S)
_REF = re.compile(rb"/(\w+) (\d+) 0 R")


@dataclass
class PdfObject:
    number: int
    head: bytes  # the dictionary (or whole object when it has no stream)
    raw: bytes | None  # the stream bytes as stored

    def ref(self, key: str) -> int | None:
        """Object number that /key refers to, if it is an indirect reference."""
        found = re.search(rb"/" + key.encode() + rb" (\d+) 0 R", self.head)
        return int(found.group(1)) if found else None

    def has(self, key: str) -> bool:
        return re.search(rb"/" + key.encode() + rb"\b", self.head) is not None

    def name(self, key: str) -> str | None:
        found = re.search(rb"/" + key.encode() + rb"\s*/([^\s/<>\[\]()]+)", self.head)
        return found.group(1).decode() if found else None

    @property
    def data(self) -> bytes:
        """Stream content, inflated when it is Flate-compressed."""
        assert self.raw is not None, f"object {self.number} has no stream"
        data = self.raw
        if b"/ASCII85Decode" in self.head:
            data = base64.a85decode(data.strip().removesuffix(b"~>"), ignorechars=b" \t\r\n")
        if b"/FlateDecode" in self.head:
            data = zlib.decompress(data)
        return data


def read_objects(pdf: bytes) -> dict[int, PdfObject]:
    """Every object, in file order; those of an object stream where the stream is."""
    objects = {}
    for match in _OBJECT.finditer(pdf):
        number, body = int(match.group(1)), match.group(2)
        stream = _STREAM.match(body)
        if stream:
            head, raw = stream.group(1), stream.group(2)
            length = re.search(rb"/Length (\d+)", head)
            if length:
                raw = raw[: int(length.group(1))]
            objects[number] = PdfObject(number, head, raw)
            if re.search(rb"/Type\s*/ObjStm\b", head):
                objects.update(_packed(objects[number]))
        else:
            objects[number] = PdfObject(number, body, None)
    return objects


def _packed(stream: PdfObject) -> dict[int, PdfObject]:
    """The objects an object stream holds (ISO 32000-1 7.5.7)."""
    data = stream.data
    first = int(re.search(rb"/First (\d+)", stream.head).group(1))
    pairs = [int(n) for n in data[:first].split()]
    starts = [first + offset for offset in pairs[1::2]] + [len(data)]
    return {number: PdfObject(number, data[start:end].strip(), None)
            for number, start, end in zip(pairs[0::2], starts, starts[1:])}


def fonts(objects: dict[int, PdfObject]) -> list[PdfObject]:
    return [o for o in objects.values() if re.search(rb"/Type\s*/Font\b", o.head)]


def page_contents(objects: dict[int, PdfObject]) -> list[bytes]:
    """Content of each page (its streams joined, when it has several), in page-tree order of
    creation."""
    pages = [o for o in objects.values() if re.search(rb"/Type\s*/Page\b", o.head)]
    return [b"\n".join(objects[n].data for n in content_streams(p)) for p in pages]


def content_streams(page: PdfObject) -> list[int]:
    """The object numbers of a page's content streams."""
    found = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", page.head)
    assert found, page.head
    return [int(n) for n in re.findall(rb"(\d+) 0 R", found.group(1))]


def font_resources(objects: dict[int, PdfObject]) -> dict[str, PdfObject]:
    """Resource name (e.g. AK1) → Type0 font object, from the shared font dictionary."""
    out = {}
    for obj in objects.values():
        for name, number in _REF.findall(obj.head):
            target = objects.get(int(number))
            if target is not None and b"/Type0" in target.head:
                out[name.decode()] = target
    return out


def shown_codes(content: bytes) -> list[tuple[str, list[int]]]:
    """(font resource, two-byte codes) for each TJ in a content stream, with the font its text
    object (BT … Tf … ET) sets."""
    out = []
    for block in re.findall(rb"BT\b(.*?)\bET", content, re.DOTALL):
        font = re.search(rb"/(\w+) [\d.]+ Tf", block)
        for array in re.findall(rb"\[(.*?)\] TJ", block, re.DOTALL):
            hexes = b"".join(re.findall(rb"<([0-9A-Fa-f]*)>", array))
            codes = [int(hexes[i:i + 4], 16) for i in range(0, len(hexes), 4)]
            out.append((font.group(1).decode() if font else "", codes))
    return out
