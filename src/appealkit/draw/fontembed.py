"""Embed fonts in ReportLab documents as Type0/CIDFontType2 subsets, a code per (glyph, text) use."""

from __future__ import annotations

import hashlib
import struct
import weakref
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference, PDFStream

from .subset import Composite, SfntReader, Subset, reader_for, subset_font

GlyphKey = int | Composite  # an original glyph ID, or a glyph built for a cluster

__all__ = [
    "FLATE", "NO_INITIAL_FONT", "EmbeddedFont", "FontCodes", "FontLike", "GlyphKey",
    "Type0Parts", "document_font", "register_no_initial_font", "type0_parts",
]


class FontLike(Protocol):
    """What embedding needs from a `text.fonts.Font`."""

    data: bytes
    postscript_name: str


_BFCHAR_BLOCK = 100  # a CMap bfchar section holds at most 100 entries (Adobe TN 5014)
_SYMBOLIC = 4  # FontDescriptor flag: glyphs are outside the standard Latin set, as for any CID font
_MAX_CODES = 0xFFFE


class FontCodes:
    """The character codes of one font, shared by every document drawn in one session.

    Codes are two bytes (Identity-H), one per distinct (glyph, text) use: several codes may show
    the same glyph, each with its own ToUnicode text, so that copy and paste gives each cluster's
    text exactly once. Documents of a session share codes and resource names, so a page's content
    stream is the same bytes in each document holding it; each document embeds only the codes
    its own pages show (`EmbeddedFont`).
    """

    def __init__(self, font: FontLike, resource_name: str) -> None:
        self.font = font
        self.resource_name = resource_name  # key in the pages' /Font resources, without the slash
        self.reader = reader_for(font.data)
        self.uses: list[tuple[GlyphKey, str]] = [(0, "")]  # index = code; code 0 is never shown
        self.hexes: list[str] = ["0000"]  # index = code: the code as written in a TJ string
        self.widths: list[int] = [0]  # index = code: PDF advance, thousandths of an em
        self.bfchar: list[str] = [""]  # index = code: its ToUnicode entry, "" for no text
        self.codes: dict[tuple[GlyphKey, str], int] = {}
        self._widths: dict[GlyphKey, int] = {}
        self._by_char: dict[GlyphKey, dict[int, str]] = {}  # glyph → {ord(char): hex of its code}
        self._glyph_sets: tuple[int, tuple[tuple[int, ...], tuple[Composite, ...]]] = (0, ((), ()))

    def code(self, glyph: GlyphKey, text: str) -> int:
        """The character code that shows `glyph` and extracts as `text`."""
        key = (glyph, text)
        found = self.codes.get(key)
        if found is None:
            found = len(self.uses)
            if found > _MAX_CODES:
                raise ValueError(f"font {self.font.postscript_name!r}: more than 65534 glyph uses")
            self.codes[key] = found
            self.uses.append(key)
            self.hexes.append(f"{found:04X}")
            self.widths.append(self.width(glyph))
            self.bfchar.append(f"<{found:04X}> <{_utf16_hex(text)}>" if text else "")
        return found

    def spelled(self, glyph: GlyphKey, text: str) -> tuple[str, list[int]]:
        """`text` shown one character per code, each code showing `glyph`: the hex digits of
        the TJ string, and the codes it uses (each once)."""
        table = self._by_char.setdefault(glyph, {})
        chars = dict.fromkeys(text)  # in order of first use: codes are numbered in that order
        for char in chars:
            if ord(char) not in table:
                table[ord(char)] = self.hexes[self.code(glyph, char)]
        return text.translate(table), [self.codes[glyph, char] for char in chars]

    def codes_for(self, keys: list[tuple[GlyphKey, str]]) -> list[int]:
        """The code of each (glyph, text), new ones numbered in order."""
        found = list(map(self.codes.get, keys))
        if None in found:
            for i, code in enumerate(found):
                if code is None:
                    found[i] = self.code(*keys[i])
        return found  # type: ignore[return-value]

    def glyph_sets(self) -> tuple[tuple[int, ...], tuple[Composite, ...]]:
        """The font's glyphs and built cluster glyphs shown so far, each sorted."""
        if self._glyph_sets[0] != len(self.uses):  # new codes since last asked
            glyphs = {glyph for glyph, _ in self.uses[1:]}
            self._glyph_sets = (len(self.uses), (
                tuple(sorted(g for g in glyphs if not isinstance(g, Composite))),
                tuple(sorted(g for g in glyphs if isinstance(g, Composite)))))
        return self._glyph_sets[1]

    def widths_for(self, glyphs: list[GlyphKey]) -> list[int]:
        """The width of each glyph, as `width` gives it."""
        found = list(map(self._widths.get, glyphs))
        if None in found:
            for i, width in enumerate(found):
                if width is None:
                    found[i] = self.width(glyphs[i])
        return found  # type: ignore[return-value]

    def width(self, glyph: GlyphKey) -> int:
        """Advance in thousandths of an em, as written to /W (content streams use the same)."""
        found = self._widths.get(glyph)
        if found is None:
            units = glyph.advance if isinstance(glyph, Composite) else self.reader.advance(glyph)
            found = self._widths[glyph] = round(max(0, units) * 1000 / self.reader.units_per_em)
        return found


class EmbeddedFont:
    """One font in one PDF document: the codes that document's pages show, written at save.

    ReportLab calls `addObjects` when the document is saved (`PDFDocument.delayedFonts`).
    """

    def __init__(self, codes: FontCodes) -> None:
        self.codes = codes
        self.resource_name = codes.resource_name
        self.used: set[int] = set()  # codes shown by this document's pages

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 - ReportLab's name
        """Write the Type0 font and its parts; called once by ReportLab at save time."""
        codes, used = self.codes, sorted(self.used)
        glyphs = [codes.uses[code][0] for code in used]
        # The font program holds every glyph the session has shown so far, not only this
        # document's: pack.pdf is drawn first, so each part alone embeds the pack's subset,
        # made and compressed once, at the cost of a few glyphs the part does not show.
        program = _font_program(codes.font.data, codes.font.postscript_name, *codes.glyph_sets())
        base_font = b"/" + program.base_font.encode("ascii")
        cid_font = _Dictionary({
            "Type": b"/Font",
            "Subtype": b"/CIDFontType2",
            "BaseFont": base_font,
            "CIDSystemInfo": b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>",
            "FontDescriptor": doc.Reference(self._descriptor(doc, program, base_font)),
            "DW": b"0",
            "W": _widths_array(used, codes.widths).encode("ascii"),
            "CIDToGIDMap": doc.Reference(_stream(program.cid_to_gid(used, glyphs))),
        })
        type0 = _Dictionary({
            "Type": b"/Font",
            "Subtype": b"/Type0",
            "BaseFont": base_font,
            "Encoding": b"/Identity-H",
            "DescendantFonts": [doc.Reference(cid_font)],
            "ToUnicode": doc.Reference(_stream(self._to_unicode(used).encode("ascii"))),
        })
        doc.idToObject[pdfdoc.BasicFonts].dict[self.resource_name] = doc.Reference(type0)

    def _to_unicode(self, used: list[int]) -> str:
        bfchar = self.codes.bfchar
        return _cmap([bfchar[code] for code in used if bfchar[code]])

    def _descriptor(self, doc: pdfdoc.PDFDocument, program: _FontProgram,
                    base_font: bytes) -> _Dictionary:
        # Compressed once per program: pack.pdf and a part alone often embed the same subset
        file_stream = PDFStream(PDFDictionary({
            "Filter": b"/FlateDecode", "Length1": str(program.length).encode("ascii"),
        }), content=program.compressed)
        return _Dictionary({
            "Type": b"/FontDescriptor",
            "FontName": base_font,
            **_descriptor_numbers(self.codes.reader),
            "FontFile2": doc.Reference(file_stream),
        })


class _Dictionary(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF dictionary of pre-formatted values and references, for objects written per font
    and document, where ReportLab's PDFDictionary would format each name and number anew."""

    def __init__(self, entries: dict[str, bytes | PDFObjectReference | list[PDFObjectReference]],
                 ) -> None:
        self.entries = entries

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        lines = []
        for key, value in self.entries.items():
            if isinstance(value, list):
                value = b"[ " + b" ".join(v.format(document) for v in value) + b" ]"
            elif not isinstance(value, bytes):
                value = value.format(document)
            lines.append(b"/" + key.encode("ascii") + b" " + value)
        return b"<<\n" + b"\n".join(lines) + b"\n>>"


@lru_cache(maxsize=16)
def _descriptor_numbers(reader: SfntReader) -> dict[str, bytes]:
    metrics = font_metrics(reader)
    return {
        "Flags": str(_SYMBOLIC).encode("ascii"),
        "FontBBox": ("[ " + " ".join(map(str, metrics["bbox"])) + " ]").encode("ascii"),
        **{key: str(metrics[name]).encode("ascii") for key, name in [
            ("ItalicAngle", "italic_angle"), ("Ascent", "ascent"), ("Descent", "descent"),
            ("CapHeight", "cap_height"), ("StemV", "stem_v")]},
    }


@dataclass(frozen=True)
class _FontProgram:
    """A subset font file, compressed, with the name a PDF gives it."""

    base_font: str  # subset tag + PostScript name
    subset: Subset
    compressed: bytes
    length: int  # of the uncompressed file (FontFile2 /Length1)

    def cid_to_gid(self, used: list[int], glyphs: list[GlyphKey]) -> bytes:
        """CIDToGIDMap: the subset glyph of each used code; unused codes show .notdef."""
        gids = [0] * (used[-1] + 1 if used else 1)
        new_gid, composite_gid = self.subset.new_gid, self.subset.composite_gid
        for code, glyph in zip(used, glyphs):
            gids[code] = composite_gid[glyph] if isinstance(glyph, Composite) else new_gid[glyph]
        return struct.pack(f">{len(gids)}H", *gids)


@lru_cache(maxsize=64)
def _font_program(data: bytes, ps_name: str, gids: tuple[int, ...],
                  composites: tuple[Composite, ...]) -> _FontProgram:
    """The subset of a font holding these glyphs (sorted, so the program depends on the set)."""
    subset = subset_font(data, gids, ps_name, composites)
    # The tag comes from the subset's own bytes, so builds repeat and equal subsets share it
    digest = hashlib.sha256(ps_name.encode() + subset.data).digest()
    tag = "".join(chr(65 + b % 26) for b in digest[:6])
    return _FontProgram(f"{tag}+{ps_name}", subset, zlib.compress(subset.data), len(subset.data))


def _widths_array(used: list[int], widths: list[int]) -> str:
    """/W for the used codes, pre-formatted: `first [w w …]` per run of consecutive codes."""
    out = []
    for i, code in enumerate(used):
        if i == 0 or code != used[i - 1] + 1:
            out.append(f"] {code} [" if i else f"{code} [")
        out.append(str(widths[code]))
    return "[ " + " ".join(out) + (" ] ]" if used else "]")


def font_metrics(reader: SfntReader) -> dict[str, Any]:
    """FontDescriptor numbers, in thousandths of an em."""
    scale = 1000 / reader.units_per_em
    ascent, descent = struct.unpack_from(">hh", reader.table(b"hhea"), 4)
    os2 = reader.table(b"OS/2") if b"OS/2" in reader.tables else b""
    weight = struct.unpack_from(">H", os2, 4)[0] if os2 else 400
    cap = struct.unpack_from(">h", os2, 88)[0] if len(os2) >= 90 else ascent * 0.7
    italic = struct.unpack_from(">i", reader.table(b"post"), 4)[0] / 65536
    return {
        "bbox": [round(v * scale) for v in reader.bbox],
        "italic_angle": round(italic, 2),
        "ascent": round(ascent * scale),
        "descent": round(descent * scale),
        "cap_height": round(cap * scale),
        # PDF wants a dominant vertical stem width; no table stores it, so estimate from the weight
        "stem_v": round(50 + (weight / 65) ** 2),
    }


def _cmap(bfchar: list[str]) -> str:
    """A ToUnicode CMap from its `<code> <UTF-16BE text>` entries."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(bfchar), _BFCHAR_BLOCK):
        block = bfchar[start : start + _BFCHAR_BLOCK]
        lines.append(f"{len(block)} beginbfchar")
        lines += block
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines) + "\n"


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _stream(content: bytes) -> PDFStream:
    return PDFStream(content=content, filters=[FLATE])


class _Flate:
    """ReportLab's Flate stream filter, remembering recent results: the documents of a build
    share pages and often CMaps, and a rebuild writes the same streams again."""

    pdfname = "FlateDecode"

    def encode(self, content: str | bytes) -> bytes:
        return _deflate(content.encode("utf-8") if isinstance(content, str) else content)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


@lru_cache(maxsize=128)
def _deflate(content: bytes) -> bytes:
    return zlib.compress(content)


FLATE = _Flate()


_documents: weakref.WeakKeyDictionary[pdfdoc.PDFDocument, dict[str, EmbeddedFont]] = (
    weakref.WeakKeyDictionary())


def document_font(doc: pdfdoc.PDFDocument, codes: FontCodes) -> EmbeddedFont:
    """The document's EmbeddedFont for `codes`, registered with ReportLab on first use."""
    fonts: dict[str, EmbeddedFont] = _documents.setdefault(doc, {})
    found = fonts.get(codes.resource_name)
    if found is None:
        found = fonts[codes.resource_name] = EmbeddedFont(codes)
        doc.delayedFonts.append(found)
    return found


NO_INITIAL_FONT = "AppealkitNoInitialFont"


class _NoInitialFont:
    """Registered as a 'dynamic' font so that ReportLab's page preamble selects no font.

    Otherwise every page starts with `BT /F1 12 Tf …` and the PDF carries an unembedded
    Helvetica it never uses for text.
    """

    fontName = NO_INITIAL_FONT  # noqa: N815 - ReportLab's attribute names
    _dynamicFont = 1
    _multiByte = 0

    class face:  # noqa: N801
        name = NO_INITIAL_FONT


def register_no_initial_font() -> str:
    """Register the placeholder (idempotent) and return its name for Canvas(initialFontName=…)."""
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(_NoInitialFont)
    return NO_INITIAL_FONT


@dataclass(frozen=True)
class Type0Parts:
    """A Type0 font showing some codes, ready for a PDF writer other than ReportLab's
    (draw/stream.py): the same objects `EmbeddedFont.addObjects` writes."""

    base_font: str  # subset tag + PostScript name
    widths: str  # the /W array
    cid_to_gid: bytes  # the CIDToGIDMap stream, uncompressed
    to_unicode: bytes  # the ToUnicode CMap, uncompressed
    descriptor: dict[str, bytes]  # FontDescriptor numbers, formatted
    font_file: bytes  # FontFile2, Flate-compressed
    length1: int  # of the font file uncompressed


def type0_parts(codes: FontCodes, shown: set[int]) -> Type0Parts:
    """The font for the `shown` codes, subset to every glyph `codes` has given a code."""
    used = sorted(shown)
    glyphs = [codes.uses[code][0] for code in used]
    program = _font_program(codes.font.data, codes.font.postscript_name, *codes.glyph_sets())
    bfchar = [codes.bfchar[code] for code in used if codes.bfchar[code]]
    return Type0Parts(program.base_font, _widths_array(used, codes.widths),
                      program.cid_to_gid(used, glyphs), _cmap(bfchar).encode("ascii"),
                      _descriptor_numbers(codes.reader), program.compressed, program.length)
