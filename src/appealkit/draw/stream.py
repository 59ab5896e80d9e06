"""Write a PDF to a file object by object, as it is made: memory holds only where each object is.

For documents too long to hold whole (a page per signer and letter): ReportLab keeps every
page until it saves. Objects are numbered by `reserve` before they are written, so a page can
name its parent page tree, or the resources it shares, before those are written at the end.
Objects are written in the order they are made; the same calls give the same bytes.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import BinaryIO

from .fontembed import Type0Parts

__all__ = ["PdfWriter", "pdf_string", "write_font"]

_HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"  # the binary comment tells tools the file is binary


class PdfWriter:
    """A PDF being written to `file`, which must be empty and opened for binary writing."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self._offsets: list[int] = []  # index = object number - 1; 0 until written
        self._position = 0
        self._digest = hashlib.sha256()  # of everything written: the document's /ID
        self._write(_HEADER)

    def reserve(self) -> int:
        """A new object number, for an object written later with `write`."""
        self._offsets.append(0)
        return len(self._offsets)

    def write(self, number: int, body: bytes) -> int:
        """Write object `number` (reserved, not yet written) holding `body`; return the number."""
        if self._offsets[number - 1]:
            raise ValueError(f"PDF object {number} is already written")
        self._offsets[number - 1] = self._position
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        return number

    def add(self, body: bytes) -> int:
        """Write a new object holding `body`; return its number."""
        return self.write(self.reserve(), body)

    def add_stream(self, entries: bytes, data: bytes, number: int | None = None,
                   compress: bool = True) -> int:
        """Write a stream object: `entries` (dictionary entries besides the length and filter)
        with `data`, Flate-compressed unless `compress` is false (already compressed data)."""
        if compress:
            data = zlib.compress(data)
            entries += b" /Filter /FlateDecode"
        body = b"<< %s /Length %d >>\nstream\n%s\nendstream" % (entries, len(data), data)
        return self.write(self.reserve() if number is None else number, body)

    def finish(self, root: int, info: int) -> None:
        """Write the cross-reference table and trailer; every reserved object must be written."""
        missing = [n for n, offset in enumerate(self._offsets, 1) if not offset]
        if missing:
            raise ValueError(f"PDF objects reserved but never written: {missing[:5]}")
        identity = self._digest.hexdigest()[:32].encode("ascii")  # the same bytes, the same ID
        xref = self._position
        lines = [b"xref", b"0 %d" % (len(self._offsets) + 1), b"0000000000 65535 f "]
        lines += [b"%010d 00000 n " % offset for offset in self._offsets]
        lines += [b"trailer", b"<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>"
                  % (len(self._offsets) + 1, root, info, identity, identity),
                  b"startxref", b"%d" % xref, b"%%EOF", b""]
        self._write(b"\n".join(lines))

    def _write(self, data: bytes) -> None:
        self._file.write(data)
        self._digest.update(data)
        self._position += len(data)


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
