"""Font loading, per-script font choice and the missing-character check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from appealkit.text import FontFamily, load_font, missing_chars
from appealkit.text.fonts import FontError, shipped_font

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "src" / "appealkit" / "fonts"


def test_load_font_is_cached_per_path():
    a = load_font(FONTS / "NotoSans-Regular.ttf")
    b = load_font(str(FONTS / "." / "NotoSans-Regular.ttf"))
    assert a is b and hash(a) == hash(b)
    assert {a: 1}[b] == 1
    assert a != load_font(FONTS / "NotoSans-Bold.ttf")


def test_font_properties():
    font = load_font(FONTS / "NotoNastaliqUrdu-Regular.ttf")
    assert font.postscript_name == "NotoNastaliqUrdu-Regular"
    assert font.units_per_em == 1000 and font.hb_font.scale == (1000, 1000)
    assert font.data == (FONTS / "NotoNastaliqUrdu-Regular.ttf").read_bytes()
    assert font.ascender > 0 > font.descender
    assert font.has_char("ہ") and font.has_char(0x06C1) and not font.has_char("@")
    gid = font.hb_font.get_nominal_glyph(0x06C1)
    assert font.advance(gid) == font.hb_font.get_glyph_h_advance(gid) > 0
    box = font.glyph_extents(gid)
    assert box.top > box.bottom and box.width > 0
    assert font.glyph_extents(font.hb_font.get_nominal_glyph(ord(" "))) == (0, 0, 0, 0)


def test_family_chooses_by_script_and_language(family):
    def name(char, script, language, bold=False):
        return family.font_for(char, script, language, bold).postscript_name

    assert name("a", "Latn", "en") == "NotoSerif-Regular"
    assert name("a", "Latn", "en", bold=True) == "NotoSerif-Bold"
    assert name("ک", "Arab", "ur") == "NotoNastaliqUrdu-Regular"
    assert name("ک", "Arab", "ur", bold=True) == "NotoNastaliqUrdu-Bold"
    assert name("ک", "Arab", "fa") == "NotoNaskhArabic-Regular"
    assert name("क", "Deva", "hi") == "NotoSansDevanagari-Regular"
    assert name("ک", "Arab", "en") == "NotoNaskhArabic-Regular"
    assert name("@", "Arab", "ur") == "NotoSerif-Regular"  # fallback: Nastaliq has no @


def test_family_without_bold_uses_regular():
    family = FontFamily.from_files(latin=(str(FONTS / "NotoSans-CondensedBlack.ttf"), None))
    assert family.font_for("a", "Latn", "en", True).postscript_name == "NotoSans-CondensedBlack"


def test_fallbacks_are_searched_last():
    family = FontFamily.from_files(
        latin=(str(FONTS / "NotoSans-Regular.ttf"), None),
        fallbacks=[(str(FONTS / "NotoSansDevanagari-Regular.ttf"), None)],
    )
    assert family.font_for("क", "Deva", "hi", False).postscript_name == "NotoSansDevanagari-Regular"
    assert missing_chars("क ہ", family, "hi") == ["ہ"]


def test_missing_chars(family):
    text = "Afghan ہ क \u0e01\u2603\n\t\u200c\u200f\u2066 \u0e01 ۳۰"
    assert missing_chars(text, family, "ur") == ["\u0e01", "\u2603"]
    assert missing_chars("", family, "en") == []


READS = """
import sys
sys.path[:0] = [{src!r}, {tests!r}]
from conftest import make_family
from appealkit.text import Span, TextStyle, missing_chars, set_paragraph
from appealkit.text.fonts import _FONTS
family = make_family()
assert not [f for f in _FONTS.values() if "data" in f.__dict__], "a family reads no file"
text = "پاکستان میں مقیم، ۱۴ لاکھ\\nافغان 'PoR' کارڈز"
assert missing_chars(text, family, "ur") == []
set_paragraph([Span(text)], TextStyle(family, 11, language="ur"), 300)
print(sorted(f.postscript_name for f in _FONTS.values() if "data" in f.__dict__))
"""


def test_fonts_are_read_only_when_used():
    """Checking and setting Urdu text reads Nastaliq and the Latin font, not Naskh or Devanagari."""
    code = READS.format(src=str(ROOT / "src"), tests=str(ROOT / "tests" / "text"))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "['NotoNastaliqUrdu-Regular', 'NotoSerif-Regular']"


def test_missing_font_file_fails_at_once(tmp_path):
    with pytest.raises(FontError, match=r"^font file .*nothing\.ttf is missing$"):
        load_font(tmp_path / "nothing.ttf")


def test_shipped_fonts_are_package_data():
    path = Path(shipped_font("NotoSans-Regular"))
    assert path == FONTS / "NotoSans-Regular.ttf"
    assert path.is_file() and (path.parent / "OFL.txt").is_file()  # each font beside its licence


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda data: data[: len(data) // 2], "is damaged: it is cut short"),
        (lambda data: data[:20], "is damaged: it is cut short"),
        (lambda data: b"<html>Not found</html>" * 50, "is damaged: it is not a TrueType or OpenType font"),
        (lambda data: b"", "is damaged: it is not a TrueType or OpenType font"),
    ],
    ids=["half", "header", "html", "empty"],
)
def test_damaged_font_file_fails_when_first_read(tmp_path, damage, problem):
    path = tmp_path / "NotoSans-Regular.ttf"
    path.write_bytes(damage((FONTS / "NotoSans-Regular.ttf").read_bytes()))
    font = load_font(path)  # fonts are read on first use
    with pytest.raises(FontError) as caught:
        font.has_char("a")
    assert str(caught.value) == f"font file {path} {problem}"
    assert caught.value.path == str(path)
