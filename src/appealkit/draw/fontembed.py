"""Embed fonts into a ReportLab document as Type0/CIDFontType2 with a code per (glyph, text) use."""

from __future__ import annotations

import hashlib
import struct
import weakref
from typing import Protocol

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString

from .subset import Composite, SfntReader, Subset, subset_font

GlyphKey = int | Composite  # an original glyph ID, or a cluster glyph built for this document

__all__ = [
    "NO_INITIAL_FONT", "EmbeddedFont", "FontLike", "GlyphKey", "embedded_font",
    "register_no_initial_font",
]


class FontLike(Protocol):
    """What embedding needs from a `text.fonts.Font`."""

    data: bytes
    postscript_name: str


_BFCHAR_BLOCK = 100  # a CMap bfchar section holds at most 100 entries (Adobe TN 5014)
_SYMBOLIC = 4  # FontDescriptor flag: glyphs are outside the standard Latin set, as for any CID font


class EmbeddedFont:
    """One font as used in one PDF document: a code for each distinct (glyph, text) use.

    Codes are two bytes (Identity-H). Several codes may show the same glyph, each with its own
    ToUnicode text, so that copy and paste gives each cluster's text exactly once.
    ReportLab calls `addObjects` when the document is saved (`PDFDocument.delayedFonts`).
    """

    def __init__(self, font: FontLike, resource_name: str) -> None:
        self.font = font
        self.resource_name = resource_name  # key in the pages' /Font resources, without the slash
        self.reader = SfntReader(font.data)
        self._codes: dict[tuple[GlyphKey, str], int] = {}
        self._uses: list[tuple[GlyphKey, str]] = []  # index = code - 1
        self._widths: dict[GlyphKey, int] = {}

    def code(self, glyph: GlyphKey, text: str) -> int:
        """The character code that shows `glyph` and extracts as `text`."""
        key = (glyph, text)
        found = self._codes.get(key)
        if found is None:
            if len(self._uses) >= 0xFFFE:
                raise ValueError(f"font {self.font.postscript_name!r}: more than 65534 glyph uses")
            self._uses.append(key)
            found = self._codes[key] = len(self._uses)
        return found

    def width(self, glyph: GlyphKey) -> int:
        """Advance in thousandths of an em, as written to /W (content streams use the same)."""
        found = self._widths.get(glyph)
        if found is None:
            units = glyph.advance if isinstance(glyph, Composite) else self.reader.advance(glyph)
            found = self._widths[glyph] = round(max(0, units) * 1000 / self.reader.units_per_em)
        return found

    def base_font(self) -> str:
        """Subset tag + PostScript name; the tag comes from the glyphs used, so builds repeat."""
        digest = hashlib.sha256(repr((self.font.postscript_name, self._uses)).encode()).digest()
        tag = "".join(chr(65 + b % 26) for b in digest[:6])
        return f"{tag}+{self.font.postscript_name}"

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 - ReportLab's name
        """Write the Type0 font and its parts; called once by ReportLab at save time."""
        base = self.base_font()
        plain = [g for g, _ in self._uses if not isinstance(g, Composite)]
        built = list(dict.fromkeys(g for g, _ in self._uses if isinstance(g, Composite)))
        subset = subset_font(self.font.data, plain, self.font.postscript_name, built)
        cid_font = PDFDictionary({
            "Type": PDFName("Font"),
            "Subtype": PDFName("CIDFontType2"),
            "BaseFont": PDFName(base),
            "CIDSystemInfo": PDFDictionary(
                {"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"), "Supplement": 0}
            ),
            "FontDescriptor": doc.Reference(self._descriptor(doc, base, subset.data)),
            "DW": 0,
            "W": PDFArray([1, PDFArray([self.width(gid) for gid, _ in self._uses])]),
            "CIDToGIDMap": doc.Reference(_stream(self._cid_to_gid(subset))),
        })
        type0 = PDFDictionary({
            "Type": PDFName("Font"),
            "Subtype": PDFName("Type0"),
            "BaseFont": PDFName(base),
            "Encoding": PDFName("Identity-H"),
            "DescendantFonts": PDFArray([doc.Reference(cid_font)]),
            "ToUnicode": doc.Reference(_stream(self._to_unicode().encode("ascii"))),
        })
        doc.idToObject[pdfdoc.BasicFonts].dict[self.resource_name] = doc.Reference(type0)

    def _cid_to_gid(self, subset: Subset) -> bytes:
        gids = [subset.composite_gid[g] if isinstance(g, Composite) else subset.new_gid[g]
                for g, _ in self._uses]
        return struct.pack(f">{len(gids) + 1}H", 0, *gids)

    def _to_unicode(self) -> str:
        entries = [(code, text) for code, (_, text) in enumerate(self._uses, 1) if text]
        return to_unicode_cmap(entries)

    def _descriptor(self, doc: pdfdoc.PDFDocument, base: str, font_file: bytes) -> PDFDictionary:
        metrics = font_metrics(self.reader)
        file_stream = _stream(font_file)
        file_stream.dictionary["Length1"] = len(font_file)
        return PDFDictionary({
            "Type": PDFName("FontDescriptor"),
            "FontName": PDFName(base),
            "Flags": _SYMBOLIC,
            "FontBBox": PDFArray(metrics["bbox"]),
            "ItalicAngle": metrics["italic_angle"],
            "Ascent": metrics["ascent"],
            "Descent": metrics["descent"],
            "CapHeight": metrics["cap_height"],
            "StemV": metrics["stem_v"],
            "FontFile2": doc.Reference(file_stream),
        })


def font_metrics(reader: SfntReader) -> dict:
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


def to_unicode_cmap(entries: list[tuple[int, str]]) -> str:
    """A ToUnicode CMap mapping each two-byte code to its (possibly multi-character) text."""
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
    for start in range(0, len(entries), _BFCHAR_BLOCK):
        block = entries[start : start + _BFCHAR_BLOCK]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{code:04X}> <{_utf16_hex(text)}>" for code, text in block]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines) + "\n"


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _stream(content: bytes) -> PDFStream:
    return PDFStream(content=content, filters=[pdfdoc.PDFZCompress])


_documents: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def embedded_font(doc: pdfdoc.PDFDocument, font: FontLike) -> EmbeddedFont:
    """The document's EmbeddedFont for `font`, registered with ReportLab on first use."""
    fonts: dict[str, EmbeddedFont] = _documents.setdefault(doc, {})
    found = fonts.get(font.postscript_name)
    if found is None:
        found = fonts[font.postscript_name] = EmbeddedFont(font, f"AK{len(fonts) + 1}")
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
