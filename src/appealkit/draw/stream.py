"""Write a PDF to a file object by object, as it is made: memory holds only where each object is.

For documents too long to hold whole (a page per signer and letter): ReportLab keeps every
page until it saves. Objects are numbered by `reserve` before they are written, so a page can
name its parent page tree, or the resources it shares, before those are written at the end.
Objects other than streams (pages, annotations, structure elements) are packed a few hundred
at a time into compressed object streams, and the cross-reference table is a stream too
(PDF 1.5, ISO 32000-1 7.5.7 and 7.5.8): a tagged letter page has a score of small objects,
which would otherwise cost more than its content. Objects are written in the order they are
made; the same calls give the same bytes.
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import BinaryIO

from .fontembed import Type0Parts

__all__ = ["PdfWriter", "pdf_string", "write_font"]

_HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"  # the binary comment tells tools the file is binary
_PACK_OBJECTS = 200  # objects in an object stream at most, as other writers pack them
_PACK_BYTES = 1 << 16  # and their bytes, before compression
_SHORT = 1 << 12  # data compressed with a window of this many bytes (see _deflate)


class PdfWriter:
    """A PDF being written to `file`, which must be empty and opened for binary writing."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        # The cross-reference stream's columns, per object (index = object number - 1): its
        # type (0 until written; 1: in the file; 2: in an object stream), its offset in the
        # file or the number of its object stream, its index there. Arrays: a long list of
        # signers makes hundreds of thousands of objects.
        self._type = array("B")
        self._where = array("Q")
        self._index = array("H")
        self._pack: list[bytes] = []  # the object stream being filled: its objects' bodies
        self._pack_numbers: list[int] = []
        self._pack_size = 0
        self._pack_number = 0  # its own object number, reserved when it is begun
        self._position = 0
        self._digest = hashlib.sha256()  # of everything written: the document's /ID
        self._write(_HEADER)

    def reserve(self, count: int = 1) -> int:
        """A new object number, for an object written later with `write`; with `count`, the
        first of that many consecutive numbers."""
        self._type.frombytes(bytes(count))
        self._where.frombytes(bytes(8 * count))
        self._index.frombytes(bytes(2 * count))
        return len(self._type) - count + 1

    def write(self, number: int, body: bytes) -> int:
        """Write object `number` (reserved, not yet written) holding `body` (not a stream) into
        an object stream; return the number."""
        if self._type[number - 1]:
            raise ValueError(f"PDF object {number} is already written")
        if not self._pack:
            self._pack_number = self.reserve()
        self._type[number - 1] = 2
        self._where[number - 1] = self._pack_number
        self._index[number - 1] = len(self._pack)
        self._pack.append(body)
        self._pack_numbers.append(number)
        self._pack_size += len(body)
        if len(self._pack) >= _PACK_OBJECTS or self._pack_size > _PACK_BYTES:
            self._flush_pack()
        return number

    def write_run(self, first: int, bodies: Sequence[bytes]) -> None:
        """Write the objects numbered `first`, `first` + 1 … (reserved, not yet written) holding
        `bodies`, as `write` would one by one (a page's structure elements, in one call)."""
        count = len(bodies)
        if any(self._type[first - 1 : first - 1 + count]):
            raise ValueError(f"PDF objects {first}-{first + count - 1} are already written")
        if not self._pack:
            self._pack_number = self.reserve()
        start = len(self._pack)
        self._type[first - 1 : first - 1 + count] = array("B", [2]) * count
        self._where[first - 1 : first - 1 + count] = array("Q", [self._pack_number]) * count
        self._index[first - 1 : first - 1 + count] = array("H", range(start, start + count))
        self._pack += bodies
        self._pack_numbers += range(first, first + count)
        self._pack_size += sum(map(len, bodies))
        if len(self._pack) >= _PACK_OBJECTS or self._pack_size > _PACK_BYTES:
            self._flush_pack()

    def add(self, body: bytes) -> int:
        """Write a new object holding `body` (not a stream); return its number."""
        return self.write(self.reserve(), body)

    def add_stream(self, entries: bytes, data: bytes, number: int | None = None,
                   compress: bool = True) -> int:
        """Write a stream object: `entries` (dictionary entries besides the length and filter)
        with `data`, Flate-compressed unless `compress` is false (already compressed data)."""
        if compress:
            data = _deflate(data)
            entries += b" /Filter /FlateDecode"
        body = b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)
        return self._write_object(self.reserve() if number is None else number, body)

    def finish(self, root: int, info: int) -> None:
        """Write the cross-reference stream, which is the trailer too; every reserved object must
        be written."""
        self._flush_pack()
        missing = self._type.tobytes().find(0) + 1
        if missing:
            raise ValueError(f"PDF object {missing} reserved but never written")
        identity = self._digest.hexdigest()[:32].encode("ascii")  # the same bytes, the same ID
        number = self.reserve()
        xref = self._position
        self._type[number - 1], self._where[number - 1] = 1, xref
        size = len(self._type) + 1
        width = 4 if xref < 1 << 32 else 8
        # zlib's fastest level: its usual one is 25 times as slow on these repetitive rows, and
        # compresses them less
        data = zlib.compress(self._xref_rows(width), 1)
        self._write(b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 %d 2] /Root %d 0 R /Info %d 0 R "
                    b"/ID [<%s> <%s>] /Filter /FlateDecode /Length %d >>\nstream\n%s\n"
                    b"endstream\nendobj\nstartxref\n%d\n%%%%EOF\n"
                    % (number, size, width, root, info, identity, identity, len(data), data,
                       xref))

    def _xref_rows(self, width: int) -> bytes:
        """The cross-reference stream's rows: object 0, which heads the (empty) list of free
        objects, then per object its type, its offset or object stream in `width` bytes and its
        index, each a big-endian number: the arrays' bytes interleaved, column by column."""
        count = len(self._type) + 1
        rows = bytearray(count * (3 + width))
        columns = [(self._type, 1), (self._where, width), (self._index, 2)]
        column = 0
        for values, size in columns:
            data = array(values.typecode, [0xFFFF if values is self._index else 0])
            data.extend(values)
            if sys.byteorder == "little":
                data.byteswap()
            raw = data.tobytes()
            skip = data.itemsize - size  # the high bytes a narrower column leaves out (zeros)
            for byte in range(size):
                rows[column + byte :: 3 + width] = raw[skip + byte :: data.itemsize]
            column += size
        return bytes(rows)

    def _flush_pack(self) -> None:
        """Write the object stream being filled, if any."""
        if not self._pack:
            return
        # each object's number and where it starts, after the one before it and a line feed
        starts = accumulate((len(body) + 1 for body in self._pack), initial=0)
        head = b" ".join(map(b"%d %d".__mod__, zip(self._pack_numbers, starts))) + b"\n"
        data = _deflate(head + b"\n".join(self._pack))
        self._write_object(self._pack_number, b"<< /Type /ObjStm /N %d /First %d /Filter "
                           b"/FlateDecode /Length %d >>\nstream\n%s\nendstream"
                           % (len(self._pack), len(head), len(data), data))
        self._pack, self._pack_numbers, self._pack_size = [], [], 0

    def _write_object(self, number: int, body: bytes) -> int:
        """Write object `number` in the file itself (a stream, or an object stream)."""
        if self._type[number - 1]:
            raise ValueError(f"PDF object {number} is already written")
        self._type[number - 1], self._where[number - 1] = 1, self._position
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        return number

    def _write(self, data: bytes) -> None:
        self._file.write(data)
        self._digest.update(data)
        self._position += len(data)


def _deflate(data: bytes) -> bytes:
    """`data` compressed by zlib; when short (a signer's lines), with a window no bigger than
    it and a small hash table. Setting up zlib's usual 256 KiB of state takes most of the time
    of compressing a few hundred bytes: this is five times as fast, for 0.2 % more bytes."""
    if len(data) > _SHORT:
        return zlib.compress(data)
    compressor = zlib.compressobj(6, zlib.DEFLATED, _SHORT.bit_length() - 1, 4)
    return compressor.compress(data) + compressor.flush()


def pdf_string(text: str) -> bytes:
    """A PDF text string: literal when it is printable ASCII, else UTF-16 with its BOM, in hex."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def write_font(writer: PdfWriter, number: int, font: Type0Parts) -> None:
    """Write a Type0 font (object `number`, reserved) with its CID font, descriptor and streams."""
    base = b"/" + font.base_font.encode("ascii")
    program = writer.add_stream(b"/Length1 %d /Filter /FlateDecode" % font.length1,
                                font.font_file, compress=False)
    numbers = b" ".join(b"/%s %s" % (key.encode("ascii"), value)
                        for key, value in font.descriptor.items())
    descriptor = writer.add(b"<< /Type /FontDescriptor /FontName %s %s /FontFile2 %d 0 R >>"
                            % (base, numbers, program))
    cid_to_gid = writer.add_stream(b"", font.cid_to_gid)
    cid_font = writer.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry "
        b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 0 /W %s "
        b"/CIDToGIDMap %d 0 R >>" % (base, descriptor, font.widths.encode("ascii"), cid_to_gid))
    to_unicode = writer.add_stream(b"", font.to_unicode)
    writer.write(number, b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H "
                         b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>"
                 % (base, cid_font, to_unicode))
