"""Fonts are embedded as Type0/CIDFontType2 subsets, show the runs' glyphs, and builds repeat."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from draw_helpers import build_pdf, font_path, hand_run, one_line, paragraph, sample
from pdfobjects import font_resources, fonts, page_contents, read_objects, shown_codes

from appealkit.draw.glyphs import clusters, draw_line, new_canvas

STANDARD_14 = re.compile(rb"/BaseFont\s*/(Helvetica|Times|Courier|Symbol|ZapfDingbats)")


@cache
def _all_scripts_pdf() -> bytes:
    paras = [paragraph(sample(n), lang) for n, lang in
             [("ur-letter", "ur"), ("ar", "ar"), ("fa", "fa"), ("hi", "hi"), ("en", "en")]]
    return build_pdf(paras)


def test_every_font_is_an_embedded_cid_truetype_subset() -> None:
    objects = read_objects(_all_scripts_pdf())
    type0 = [f for f in fonts(objects) if f.name("Subtype") == "Type0"]
    assert len(type0) == 4  # Nastaliq, Naskh, Devanagari, Noto Sans
    for font in fonts(objects):
        assert font.name("Subtype") in ("Type0", "CIDFontType2"), font.head
        assert re.fullmatch(r"[A-Z]{6}\+[\w-]+", font.name("BaseFont"))
    for font in type0:
        assert font.name("Encoding") == "Identity-H" and font.ref("ToUnicode")
        descendant = objects[int(re.search(rb"/DescendantFonts \[ (\d+) 0 R", font.head)[1])]
        descriptor = objects[descendant.ref("FontDescriptor")]
        assert len(objects[descriptor.ref("FontFile2")].data) > 500
        for key in ("Flags", "FontBBox", "ItalicAngle", "Ascent", "Descent", "CapHeight", "StemV"):
            assert descriptor.has(key), key
    assert not STANDARD_14.search(_all_scripts_pdf())


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_sees_embedded_subsets_with_unicode(tmp_path: Path) -> None:
    path = tmp_path / "all.pdf"
    path.write_bytes(_all_scripts_pdf())
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert len(rows) == 4
    for row in rows:
        assert re.search(r"CID TrueType\s+Identity-H\s+yes yes yes", row), row


def test_subsets_are_small() -> None:
    objects = read_objects(_all_scripts_pdf())
    files = [o for o in objects.values() if o.has("Length1")]
    sizes = [len(o.raw) for o in files]
    assert len(sizes) == 4 and max(sizes) < 60_000 and sum(sizes) < 120_000, sizes


@pytest.mark.parametrize("name", ["a", "b"])
def test_builds_are_byte_identical(name: str) -> None:
    assert _all_scripts_pdf() == build_pdf([paragraph(sample("ur-letter"), "ur"),
                                            paragraph(sample("ar"), "ar"),
                                            paragraph(sample("fa"), "fa"),
                                            paragraph(sample("hi"), "hi"),
                                            paragraph(sample("en"), "en")])


_BUILD = """
import sys
sys.path[:0] = [{src!r}, {tests!r}, {shared!r}]
from draw_helpers import build_pdf, paragraph, sample
sys.stdout.buffer.write(build_pdf([paragraph(sample("ur"), "ur"), paragraph(sample("hi"), "hi")]))
"""


def test_builds_repeat_across_processes() -> None:
    """Hash seeds change set and dict orders between processes; output must not depend on them."""
    root = Path(__file__).resolve().parents[2]
    code = _BUILD.format(src=str(root / "src"), tests=str(Path(__file__).parent),
                         shared=str(Path(__file__).parents[1]))
    outs = [subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert outs[0] == outs[1] and outs[0].startswith(b"%PDF")


@pytest.mark.parametrize("font, text, rtl", [
    ("NotoNastaliqUrdu-Regular", "ہم آپ سے درخواست کرتے ہیں کہ انہیں تحفظ فراہم کیا جائے۔", True),
    ("NotoSansDevanagari-Regular", "स्थिति गंभीर है", False),
    ("NotoSans-Regular", "Office affirms", False),
])
def test_drawn_glyphs_are_the_runs_glyphs(font: str, text: str, rtl: bool) -> None:
    """Content stream codes → CIDToGIDMap → subset outlines equal each cluster's glyphs as placed."""
    tt = pytest.importorskip("fontTools.ttLib")
    run = hand_run(font, text, rtl=rtl)
    objects = read_objects(build_pdf([one_line(run)]))
    (resource, codes), = shown_codes(page_contents(objects)[0])
    subset, cid_to_gid = _font_program(objects, font_resources(objects)[resource], tt)
    original = tt.TTFont(font_path(font))
    expected = [_cluster_points(original, c, run.size) for c in clusters(run.glyphs)]
    drawn = [_glyph_points(subset, cid_to_gid[code]) for code in codes]
    assert drawn == expected


def _font_program(objects, type0, tt):
    descendant = objects[int(re.search(rb"/DescendantFonts \[ (\d+) 0 R", type0.head)[1])]
    data = objects[objects[descendant.ref("FontDescriptor")].ref("FontFile2")].data
    table = objects[descendant.ref("CIDToGIDMap")].data
    cid_to_gid = [int.from_bytes(table[i:i + 2], "big") for i in range(0, len(table), 2)]
    return tt.TTFont(io.BytesIO(data)), cid_to_gid


def _glyph_points(font, gid: int) -> list[tuple[int, int]]:
    glyph = font["glyf"][font.getGlyphName(gid)]
    coords = glyph.getCoordinates(font["glyf"])[0] if glyph.numberOfContours else []
    return sorted((int(x), int(y)) for x, y in coords)


def _cluster_points(font, cluster, size: float) -> list[tuple[int, int]]:
    to_units, pen, points = font["head"].unitsPerEm / size, 0.0, []
    for g in cluster:
        dx, dy = round((pen + g.dx) * to_units), round(g.dy * to_units)
        if len(cluster) == 1 and not g.dy:
            dx = 0  # a lone glyph is shown as itself, its x offset moves the text position
        points += [(x + dx, y + dy) for x, y in _glyph_points(font, g.gid)]
        pen += g.advance
    return sorted(points)


def test_links_and_colour() -> None:
    run = dataclasses.replace(hand_run("NotoSans-Regular", "appeal"), link="https://example.org/ua")
    line = one_line(run).lines[0]
    buf = io.BytesIO()
    canvas = new_canvas(buf, (200, 100))
    draw_line(canvas, line, 10, 50, (0.8, 0.1, 0))
    canvas.save()
    pdf = buf.getvalue()
    objects = read_objects(pdf)
    assert b"/URI (https://example.org/ua)" in pdf
    rect = re.search(rb"/Rect \[ ([\d. ]+) \]", pdf)[1].split()
    assert [round(float(v)) for v in rect] == [10, 50 - 7, round(10 + run.width), 50 + 14]
    assert b".8 .1 0 rg" in page_contents(objects)[0]
