"""Load font files once and choose, per script and language, which font draws a character."""

from __future__ import annotations

import math
import os
import struct
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import uharfbuzz as hb

from .errors import FontError
from .ink import GlyphBox, Skyline, SkylineCache

__all__ = [
    "Font",
    "FontError",
    "FontFamily",
    "FontPair",
    "GlyphBox",
    "load_font",
    "missing_chars",
    "primary_language",
    "shipped_font",
]


def shipped_font(name: str) -> str:
    """The path of a font appealkit ships (package data in appealkit/fonts/), e.g. 'NotoSans-Regular'.

    Read through importlib.resources, so a checkout, an editable install and a wheel installed
    anywhere all find the same files; pip always installs packages as folders, so it is a path.
    """
    return str(files("appealkit") / "fonts" / f"{name}.ttf")


class Font:
    """One font file, read and parsed on first use; compares and hashes by identity.

    ``load_font`` makes one Font per path. Families name more fonts than most documents use
    (Naskh and Devanagari next to Nastaliq), so a file is only read when something first asks
    for one of its parsed attributes.
    """

    path: str
    data: bytes
    postscript_name: str
    units_per_em: int
    ascender: int  # font units, up positive (hhea, or OS/2 typo metrics when the font asks)
    descender: int  # font units, negative below the baseline
    line_gap: int
    hb_face: hb.Face
    hb_font: hb.Font
    codepoints: frozenset[int]
    # by glyph id, each filled on first use: ink box (``boxes[gid]`` is glyph_extents(gid) for
    # code mapping whole glyph lists), box top (-inf if no ink) and bottom (+inf), skyline
    boxes: dict[int, GlyphBox]
    ink_tops: dict[int, float]
    ink_bottoms: dict[int, float]
    skylines: dict[int, Skyline | None]
    _advances: dict[int, int]

    def __init__(self, path: str) -> None:
        self.path = path

    def __getattr__(self, name: str) -> Any:
        # only called for attributes not set yet: the parsed ones, all set at once
        if name not in _PARSED:
            raise AttributeError(f"'Font' object has no attribute {name!r}")
        with _LOCK:
            if name not in self.__dict__:
                self.__dict__.update(_read_font(self.path))
        return self.__dict__[name]

    def __repr__(self) -> str:
        return f"Font({self.postscript_name!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))  # pretty printers (IPython, Hypothesis) would dump the file bytes

    def has_char(self, char: int | str) -> bool:
        """True if the font's cmap maps the code point (an int or a one-character string)."""
        return (ord(char) if isinstance(char, str) else char) in self.codepoints

    def advance(self, gid: int) -> int:
        """Horizontal advance of a glyph, in font units."""
        value = self._advances.get(gid)
        if value is None:
            value = self._advances[gid] = self.hb_font.get_glyph_h_advance(gid)
        return value

    def glyph_extents(self, gid: int) -> GlyphBox:
        """Ink box of a glyph in font units (y up); empty glyphs give a zero box."""
        return self.boxes[gid]


@dataclass(frozen=True)
class FontPair:
    """The regular and bold face of one design; bold falls back to regular when missing."""

    regular: Font
    bold: Font | None = None

    def pick(self, bold: bool) -> Font:
        return self.bold if bold and self.bold is not None else self.regular


@dataclass(frozen=True)
class FontFamily:
    """Fonts per script (ISO 15924 tag) with per-language overrides and a fallback chain.

    A character is drawn with the font for its script, refined by language (Arabic script:
    Nastaliq for ``ur``, Naskh otherwise); if that font lacks the character, with the first font
    of ``default``, the script fonts and ``fallbacks`` that has it.
    """

    default: FontPair  # for Latin and anything without a script entry
    scripts: tuple[tuple[str, FontPair], ...] = ()  # ("Arab", pair), ("Deva", pair)
    languages: tuple[tuple[str, str, FontPair], ...] = ()  # ("Arab", "ur", nastaliq pair)
    fallbacks: tuple[FontPair, ...] = ()
    # fonts drawn larger than their partner (Nastaliq bold) and the fraction of the size they
    # are set at, so that both read at one size
    scales: tuple[tuple[Font, float], ...] = ()

    def __hash__(self) -> int:
        # a family is part of every paragraph cache key: hash its nested tuples once
        value: int | None = self.__dict__.get("_hash")
        if value is None:
            value = hash((self.default, self.scripts, self.languages, self.fallbacks, self.scales))
            object.__setattr__(self, "_hash", value)
        return value

    def scale(self, font: Font) -> float:
        """The fraction of the type size ``font`` is set at (1.0 for most fonts)."""
        for scaled, factor in self.scales:
            if scaled is font:
                return factor
        return 1.0

    @classmethod
    def from_files(
        cls,
        latin: tuple[str, str | None],
        arabic: tuple[str, str | None] | None = None,
        urdu: tuple[str, str | None] | None = None,
        devanagari: tuple[str, str | None] | None = None,
        fallbacks: Iterable[tuple[str, str | None]] = (),
        scales: Mapping[str, float] | None = None,
    ) -> FontFamily:
        """Build a family from (regular, bold) paths; ``urdu`` is used for Arabic script in ``ur``.

        Greek and Cyrillic use the ``latin`` fonts (Noto Sans and Serif cover them). ``scales``
        maps a font's path to the fraction of the type size it is set at.
        """
        scripts = [("Arab", _pair(arabic or urdu)), ("Deva", _pair(devanagari))]
        languages = [("Arab", "ur", _pair(urdu))] if urdu else []
        return cls(
            default=_pair(latin),  # type: ignore[arg-type]
            scripts=tuple((s, p) for s, p in scripts if p is not None),
            languages=tuple((s, lang, p) for s, lang, p in languages if p is not None),
            fallbacks=tuple(p for p in map(_pair, fallbacks) if p is not None),
            scales=tuple((load_font(path), factor) for path, factor in (scales or {}).items()),
        )

    def pair_for(self, script: str | None, language: str) -> FontPair:
        """The preferred design for a script in a BCP 47 language."""
        lang = primary_language(language)
        for s, code, pair in self.languages:
            if s == script and code == lang:
                return pair
        for s, pair in self.scripts:
            if s == script:
                return pair
        return self.default

    def chain(self, script: str | None, language: str) -> tuple[FontPair, ...]:
        """Preferred design first, then every other design of the family, without repeats."""
        return _chain(self, script, primary_language(language))

    def font_for(self, char: str, script: str | None, language: str, bold: bool) -> Font:
        """The font that draws ``char``; the preferred one if none of the family can."""
        pairs = self.chain(script, language)
        for pair in pairs:
            font = pair.pick(bold)
            if font.has_char(char):
                return font
        return pairs[0].pick(bold)

    def can_draw(self, char: str, language: str = "") -> bool:
        """True if some font of the family has the character.

        The fonts for ``language`` are asked first and bold faces last, so that checking a text
        reads no font file that setting it would not.
        """
        pairs = _drawing_order(self, primary_language(language))
        return any(p.regular.has_char(char) for p in pairs) or any(
            p.bold.has_char(char) for p in pairs if p.bold is not None
        )


_CHAINS: dict[tuple[FontFamily, str | None, str], tuple[FontPair, ...]] = {}


def _chain(family: FontFamily, script: str | None, lang: str) -> tuple[FontPair, ...]:
    key = (family, script, lang)
    found = _CHAINS.get(key)
    if found is None:
        first = family.pair_for(script, lang)
        rest = [
            family.default,
            *(p for _, p in family.scripts),
            *(p for _, _, p in family.languages),
            *family.fallbacks,
        ]
        found = _CHAINS[key] = tuple(dict.fromkeys([first, *rest]))
    return found


_ORDERS: dict[tuple[FontFamily, str], tuple[FontPair, ...]] = {}


def _drawing_order(family: FontFamily, lang: str) -> tuple[FontPair, ...]:
    key = (family, lang)
    found = _ORDERS.get(key)
    if found is None:
        pairs = [
            family.default,
            *(p for _, code, p in family.languages if code == lang),
            *(p for _, p in family.scripts),
            *(p for _, _, p in family.languages),
            *family.fallbacks,
        ]
        found = _ORDERS[key] = tuple(dict.fromkeys(pairs))
    return found


def primary_language(language: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case: 'ur-PK' -> 'ur'."""
    return language.replace("_", "-").split("-", 1)[0].lower()


def _pair(paths: tuple[str, str | None] | None) -> FontPair | None:
    if paths is None:
        return None
    regular, bold = paths
    return FontPair(load_font(regular), load_font(bold) if bold else None)


_FONTS: dict[str, Font] = {}
_LOCK = threading.RLock()


def load_font(path: str | os.PathLike[str]) -> Font:
    """The shared Font of a TrueType/OpenType file, one per absolute path, parsed on first use.

    A missing file raises FontError here, not at first use; a damaged one at first use.
    """
    key = os.path.abspath(os.fspath(path))
    font = _FONTS.get(key)
    if font is None:
        if not os.path.isfile(key):
            raise FontError(key, "is missing")
        with _LOCK:
            font = _FONTS.setdefault(key, Font(key))
    return font


def _read_font(path: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:  # deleted since load_font, or not readable
        raise FontError(path, f"cannot be read ({error.strerror or error})") from error
    _check_tables(path, data)
    face = hb.Face(data)
    if face.glyph_count == 0:
        raise FontError(path, "is damaged: it has no glyphs")
    hb_font = hb.Font(face)  # scale defaults to upem, so positions come out in font units
    extents = hb_font.get_font_extents("ltr")
    boxes = _BoxCache(hb_font)
    return {
        "data": data,
        "postscript_name": face.get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME)
        or os.path.basename(path),
        "units_per_em": face.upem,
        "ascender": extents.ascender,
        "descender": extents.descender,
        "line_gap": extents.line_gap,
        "hb_face": face,
        "hb_font": hb_font,
        "codepoints": frozenset(face.unicodes),
        "boxes": boxes,
        "ink_tops": _EdgeCache(boxes, top=True),
        "ink_bottoms": _EdgeCache(boxes, top=False),
        "skylines": SkylineCache(hb_font, face.upem, boxes),
        "_advances": {},
    }


_PARSED = frozenset(Font.__annotations__) - {"path"}
# The first four bytes of a TrueType or OpenType font, and of a collection of them.
_SFNT_TAGS = (b"\x00\x01\x00\x00", b"true", b"OTTO")
_COLLECTION_TAG = b"ttcf"


def _check_tables(path: str, data: bytes) -> None:
    """Raise FontError unless ``data`` is an sfnt font whose tables all lie inside the file.

    HarfBuzz reads any bytes without complaint (a cut-short font gives a face without
    characters), so a damaged file would otherwise show up as every character missing.
    """
    if data[:4] == _COLLECTION_TAG:
        return  # a collection's fonts each have their own directory; HarfBuzz reads the first
    if len(data) < 12 or data[:4] not in _SFNT_TAGS:
        raise FontError(path, "is damaged: it is not a TrueType or OpenType font")
    (count,) = struct.unpack_from(">H", data, 4)
    if len(data) < 12 + 16 * count:
        raise FontError(path, "is damaged: it is cut short")
    for entry in range(12, 12 + 16 * count, 16):  # tag, checksum, offset, length
        offset, length = struct.unpack_from(">II", data, entry + 8)
        if offset + length > len(data):
            raise FontError(path, "is damaged: it is cut short")


class _BoxCache(dict[int, GlyphBox]):
    """Ink boxes by glyph id, read from the font the first time each is asked for."""

    def __init__(self, hb_font: hb.Font) -> None:
        super().__init__()
        self.hb_font = hb_font

    def __missing__(self, gid: int) -> GlyphBox:
        box = self[gid] = _read_box(self.hb_font, gid)
        return box


class _EdgeCache(dict[int, float]):
    """Top (or bottom) of each glyph's ink in font units; -inf (+inf) for glyphs without ink."""

    def __init__(self, boxes: _BoxCache, top: bool) -> None:
        super().__init__()
        self.boxes, self.top = boxes, top

    def __missing__(self, gid: int) -> float:
        box = self.boxes[gid]
        if box.top == box.bottom:
            value = -math.inf if self.top else math.inf
        else:
            value = float(box.top if self.top else box.bottom)
        self[gid] = value
        return value


def _read_box(hb_font: hb.Font, gid: int) -> GlyphBox:
    ext = hb_font.get_glyph_extents(gid)
    if ext is None:
        return GlyphBox(0, 0, 0, 0)
    # HarfBuzz gives the top (y_bearing) and a negative height
    return GlyphBox(ext.x_bearing, ext.y_bearing + ext.height, ext.width, ext.y_bearing)


def missing_chars(text: str, family: FontFamily, language: str = "") -> list[str]:
    """Characters of ``text`` no font of the family can draw, each once, in order of appearance.

    Control and format characters (line feeds, joiners, bidi marks) are skipped: they are not drawn.
    Coverage does not depend on ``language``, but which font files are read does: the fonts for
    the language are asked first.
    """
    seen = dict.fromkeys(text)
    return [c for c in seen if not _is_invisible(c) and not family.can_draw(c, language)]


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
