"""Urdu drawn by appealkit reads back under OCR as well as the same text laid out by libraqm.

Tesseract's `urd` model reads Nastaliq imperfectly (about 20% CER even on the reference), so the
test compares with a reference rendering rather than asking for a fixed score: Pillow with
libraqm shapes the same paragraphs with the same font, size and line width.
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest
from draw_helpers import build_pdf, cer, font_path, normalise, paragraph, sample
from pdfutil import has_urdu_ocr, ocr_urdu
from PIL import Image, ImageDraw, ImageFont, features

from appealkit.text import Paragraph

pytestmark = [
    pytest.mark.skipif(not has_urdu_ocr(), reason="tesseract with the urd model not installed"),
    pytest.mark.skipif(not features.check("raqm"), reason="Pillow built without libraqm"),
]

DPI = 300
SCALE = DPI / 72
SIZE, WIDTH, MARGIN = 16.0, 420.0, 60.0
FONT = "NotoNastaliqUrdu-Regular"


@cache
def _text() -> str:
    """The first ninety words of the Urdu model letter (seven lines at this width)."""
    return " ".join(sample("ur-letter").split(" ")[:90])


@cache
def _paragraph() -> Paragraph:
    return paragraph(_text(), "ur", SIZE, WIDTH)


def _page_size(para: Paragraph) -> tuple[float, float]:
    return WIDTH + 2 * MARGIN, para.height + 2 * MARGIN


def _render_ours(para: Paragraph) -> Image.Image:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(build_pdf([para], _page_size(para)))
    try:
        return doc[0].render(scale=SCALE).to_pil().convert("L")
    finally:
        doc.close()


def _render_pillow(layout: ImageFont.Layout, reverse: bool = False) -> Image.Image:
    """The reference: words wrapped greedily at the same width, lines at the same pitch.

    With `reverse` (and the BASIC layout) letters are drawn unshaped in reversed order, as a
    renderer without bidi or shaping would.
    """
    para = _paragraph()
    font = ImageFont.truetype(font_path(FONT), round(SIZE * SCALE), layout_engine=layout)
    width, height = (round(v * SCALE) for v in _page_size(para))
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    pitch = para.lines[1].baseline - para.lines[0].baseline
    for i, line in enumerate(_wrap(_raqm_font(), _text())):
        y = (MARGIN + para.lines[0].baseline + i * pitch) * SCALE
        shaping = {} if reverse else {"direction": "rtl", "language": "ur"}
        draw.text(((MARGIN + WIDTH) * SCALE, y), line[::-1] if reverse else line, font=font,
                  fill=0, anchor="rs", **shaping)
    return image


def _raqm_font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(FONT), round(SIZE * SCALE),
                              layout_engine=ImageFont.Layout.RAQM)


def _wrap(font: ImageFont.FreeTypeFont, text: str) -> list[str]:
    lines, current = [], []
    for word in text.split(" "):
        trial = " ".join(current + [word])
        if current and font.getlength(trial, direction="rtl", language="ur") > WIDTH * SCALE:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    return lines + [" ".join(current)]


def _ocr_cer(image: Image.Image) -> float:
    return cer(normalise(ocr_urdu(image)), normalise(_text()))


def _reversed_runs(para: Paragraph) -> Paragraph:
    """A broken drawing: each run's glyphs in the wrong visual order."""
    lines = tuple(dataclasses.replace(line, runs=tuple(
        dataclasses.replace(run, glyphs=tuple(reversed(run.glyphs))) for run in line.runs))
        for line in para.lines)
    return dataclasses.replace(para, lines=lines)


@cache
def _reference_cer() -> float:
    return _ocr_cer(_render_pillow(ImageFont.Layout.RAQM))


def test_same_line_count_as_reference() -> None:
    assert len(_wrap(_raqm_font(), _text())) == len(_paragraph().lines)


def test_ocr_reads_our_urdu_as_well_as_libraqm() -> None:
    ours = _ocr_cer(_render_ours(_paragraph()))
    reference = _reference_cer()
    assert reference < 0.5, "the reference itself is unreadable: check tesseract's urd model"
    assert ours <= 1.25 * reference, (ours, reference)


@pytest.mark.parametrize("broken", ["reversed runs", "unshaped"])
def test_broken_renderings_fail_the_same_check(broken: str) -> None:
    if broken == "reversed runs":
        image = _render_ours(_reversed_runs(_paragraph()))
    else:
        image = _render_pillow(ImageFont.Layout.BASIC, reverse=True)
    assert _ocr_cer(image) > 1.25 * _reference_cer()
