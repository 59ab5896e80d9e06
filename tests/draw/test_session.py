"""Documents drawn in one session share their pages' drawing; each embeds only what it shows."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from draw_helpers import A4, paragraph, sample
from pdfobjects import PdfObject, font_resources, page_contents, read_objects, shown_codes

from appealkit.draw import DocumentInfo, drawing_session, render_pdf
from appealkit.draw.content import DrawingSession, PageContent
from appealkit.draw.glyphs import draw_line, new_canvas
from appealkit.layout.boxes import Page, Part, QRBox, Rect, Rule, TextBox

INFO = DocumentInfo("Title", "Subject", "Author", ("keyword",), "en")


def _part(name: str, *texts: tuple[str, str]) -> Part:
    items = [TextBox(60, 60 + 200 * i, paragraph(sample(text), language, width=470))
             for i, (text, language) in enumerate(texts)]
    items += [Rect(40, 40, 200, 10, fill=(1, 0.8, 0), radius=3),
              Rule(40, 800, 550, 800, dash=(2, 1)),
              QRBox(480, 700, 60, ((True, False, True),) * 3, 1, "https://example.org/ua")]
    return Part(name, name.title(), "en", (Page(*A4, tuple(items)),))


@cache
def _build() -> dict[str, bytes]:
    parts = [_part("english", ("en", "en")), _part("urdu", ("ur", "ur"), ("en", "en"))]
    with drawing_session():
        files = {"pack": render_pdf(parts, INFO)}
        for part in parts:
            files[part.name] = render_pdf([part], INFO)
    return files


def test_a_page_is_the_same_bytes_in_the_pack_and_in_its_part() -> None:
    files = _build()
    pack = page_contents(read_objects(files["pack"]))
    alone = [page_contents(read_objects(files[name]))[0] for name in ("english", "urdu")]
    assert pack == alone


def test_each_document_embeds_exactly_the_codes_its_pages_show() -> None:
    for name, pdf in _build().items():
        objects = read_objects(pdf)
        shown: dict[str, set[int]] = {}
        for content in page_contents(objects):
            for resource, codes in shown_codes(content):
                shown.setdefault(resource, set()).update(codes)
        fonts = font_resources(objects)
        assert set(fonts) == set(shown), name
        for resource, type0 in fonts.items():
            assert _mapped_codes(objects, type0) == shown[resource], (name, resource)


def test_fonts_are_subset_per_document() -> None:
    sizes = {name: _font_file_sizes(pdf) for name, pdf in _build().items()}
    assert "NotoNastaliqUrdu-Regular" not in sizes["english"]
    # Only the Urdu part shows Nastaliq: it and the pack embed the same subset
    assert sizes["urdu"]["NotoNastaliqUrdu-Regular"] == sizes["pack"]["NotoNastaliqUrdu-Regular"]
    for name in ("english", "urdu"):
        for font, size in sizes[name].items():
            assert size <= sizes["pack"][font], (name, font)


def test_sessions_repeat_byte_for_byte() -> None:
    first = dict(_build())
    _build.cache_clear()
    assert _build() == first


def test_content_from_another_session_is_refused() -> None:
    content = PageContent(DrawingSession())
    canvas = new_canvas(None, A4)
    with pytest.raises(ValueError, match="another session"):
        content.paint(canvas)


def test_lines_drawn_on_one_canvas_share_its_session() -> None:
    buf = io.BytesIO()
    canvas = new_canvas(buf, A4)
    line = paragraph(sample("en"), "en").lines[0]
    draw_line(canvas, line, 60, 700)
    draw_line(canvas, line, 60, 680)
    canvas.save()
    objects = read_objects(buf.getvalue())
    (first, codes_1), (second, codes_2) = shown_codes(page_contents(objects)[0])
    assert first == second and codes_1 == codes_2


def _mapped_codes(objects: dict[int, PdfObject], type0: PdfObject) -> set[int]:
    """Codes with a width in /W: the codes the font embeds glyphs for."""
    descendant = objects[int(re.search(rb"/DescendantFonts \[ (\d+) 0 R", type0.head)[1])]
    widths = re.search(rb"/W \[(.*?)\]\s*\]", descendant.head, re.DOTALL)[1] + b"]"
    codes = set()
    for first, run in re.findall(rb"(\d+) \[([\d\s]*)\]", widths):
        codes.update(range(int(first), int(first) + len(run.split())))
    return codes


def _font_file_sizes(pdf: bytes) -> dict[str, int]:
    objects = read_objects(pdf)
    sizes = {}
    for obj in objects.values():
        if obj.has("FontFile2"):
            name = obj.name("FontName").split("+")[1]
            sizes[name] = len(objects[obj.ref("FontFile2")].data)
    return sizes
